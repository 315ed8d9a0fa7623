# Okuyucu ile komut satırının ortak iletileri.
# İletilere verilen sayıları program dilin kuralıyla yazar
# (36,756 / 36.756); yıllar metin olarak verilir.

lang-name = Türkçe
# İleti altyapısının kendi testleri için.
test-count = { $count } kadın
