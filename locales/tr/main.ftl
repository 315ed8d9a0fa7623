# Okuyucu ile komut satırının ortak iletileri.
# İletilere verilen sayıları program dilin kuralıyla yazar
# (36,756 / 36.756); yıllar metin olarak verilir.

lang-name = Türkçe
# İleti altyapısının kendi testleri için.
test-count = { $count } kadın

# Birimler: sayıdan sonraki sözcük (Türkçede sayıdan sonra ad tekil kalır;
# $n İngilizcedeki tekil/çoğul seçimi içindir).
unit-city = { $n ->
   *[other] şehir
}
unit-country = { $n ->
   *[other] ülke
}
unit-report = { $n ->
   *[other] rapor
}
unit-word = { $n ->
   *[other] sözcük
}
unit-minute = { $n ->
   *[other] dk
}
unit-hit = { $n ->
   *[other] sonuç
}
unit-heading = { $n ->
   *[other] başlık
}
unit-figure = { $n ->
   *[other] sayı
}
unit-character = { $n ->
   *[other] karakter
}
unit-problem = { $n ->
   *[other] sorun
}
unit-round = { $n ->
   *[other] kabul dönemi
}
unit-event = { $n ->
   *[other] zaman çizelgesi olayı
}
unit-source = { $n ->
   *[other] kaynak bağlantısı
}
unit-block = { $n ->
   *[other] metin bloğu
}
