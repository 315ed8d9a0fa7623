# Derlem dosyasındaki sorunlar; validate ve yükleyici böyle bildirir.
# Her ileti yerinden sonra yazılır: `dosya:satır:sütun: ileti` ya da
# `dosya: yol: ileti`. Kimlikler, değerler ve tarihler tırnaklarıyla gelir
# ($id "ankara" biçimindedir, tırnaklar dahil); alan adları, JSON yolları
# ve biçimin kabul ettiği değerler ("confirmed", "heading") olduğu gibi
# kalır. Yıllar, satır numaraları ve konumlar metin olarak verilir
# (basamakları gruplanmaz). Değişkenlere ek getirilmez: ünlü uyumu
# değere göre değişir. Sayı, sözcüğüne bölünmez boşlukla (U+00A0) bağlanır.

error-more-problems = … ve { $n } sorun daha

## Beklenen ve bulunan: JSON değerlerinin türleri.

json-object = nesne
json-array = dizi
json-string = metin
json-boolean = mantıksal değer
json-number = sayı
json-schema-number = 1 ya da daha büyük bir tam sayı
json-year = tam sayı ya da null
json-count = 0 veya daha büyük bir tam sayı ya da null

error-expected = { $expected } bekleniyordu, { $found } bulundu
error-top-level = en üst düzeyde bir JSON nesnesi bekleniyordu, { $found } bulundu

## Alanlar ve kimlikler.

error-missing-field = zorunlu alan eksik
# $newest: bu programın okuyabildiği en yeni şema.
error-schema-missing = zorunlu alan eksik (bu program 1 ve { $newest } numaralı şemaları okur)
error-schema-newer = şema { $version }, bu programın anladığı şemadan ({ $newest }) daha yeni; learncity'yi güncelleyin
error-empty = boş olmamalı
error-unknown-city = kimliği { $id } olan şehir yok
error-unknown-city-suggest = kimliği { $id } olan şehir yok; bunu mu demek istediniz: { $suggestion }?
error-id-space = { $id } boşluk içeriyor; kimlikler tek sözcük olmalı
error-id-dash = { $id } '-' ile başlıyor, komut satırı bunu bir seçenek sanar; kimliği bir harf ya da rakamla başlatın
error-id-is-city = { $id } aynı zamanda bir şehrin kimliği; kimlikler şehirler ve raporlar arasında benzersiz olmalı
# $other: kimliğin ilk görüldüğü yer, örneğin cities[0].
error-id-duplicate = yinelenen kimlik { $id } ({ $other } ile aynı)
error-unknown-status = bilinmeyen durum { $status }; beklenen: "confirmed", "single-source" ya da "disputed"
error-degrees = { $value }, -{ $limit } ile { $limit } derece arasında değil
error-body-empty = en az bir blok içermeli
error-unknown-block-kind = bilinmeyen blok türü { $kind }; beklenen: "heading", "paragraph" ya da "quote"
error-quote-not-in-body = raporun metninde geçmiyor; cümleyi aynen alıntılayın
error-figure-too-large = { $value } bir sayı değeri olamayacak kadar büyük

## Yıllar ve tarihler.

error-joined-early = { $year }, ağın kurulduğu yıldan ({ $first }) önce
error-joined-future = { $year } henüz gelmedi (bu yıl { $now })
error-date-form = { $date } YYYY, YYYY-MM ya da YYYY-MM-DD biçiminde bir tarih değil
error-date-month = { $date }: { $month } diye bir ay yok
error-date-day = { $date }: o ayda { $day } diye bir gün yok

## Dosya: okuma, boyut, kodlama.

error-cannot-open = açılamıyor: { $reason }
error-cannot-read = okunamıyor: { $reason }
error-is-directory = bir dizin, derlem dosyası değil
error-larger-than-limit = { $limit } sınırından büyük ({ $limit } okunduktan sonra durduruldu); derlem tek bir JSON dosyasıdır
error-too-large = dosya çok büyük ({ $size }); sınır { $limit }
# 1 KiB'tan küçük bir boyut; büyükleri 1,5 KiB, 1,0 GiB diye yazılır.
error-bytes = { $n } bayt
# $byte: iki onaltılık basamak; $offset: dosyanın başından uzaklık.
error-not-utf8 = geçerli UTF-8 değil (0x{ $byte } baytı, konum { $offset }); dosyayı UTF-8 olarak kaydedin
error-file-empty = dosya boş; JSON biçiminde bir derlem bekleniyordu (bkz. docs/corpus-format.md)
error-nested = { $max } düzeyden daha derin iç içe geçmiş

## Bellekteki büyüklük sınırları (docs/corpus-format.md, "Limits").

# $items: birimiyle bir sayı ("6.000.000 zaman çizelgesi olayı"); $need,
# $allowed, $size: bellek ve dosya büyüklükleri (96,0 MiB).
error-too-many-items = boyutuna göre çok fazla küçük öğe var: { $items } yaklaşık { $need } bellek gerektirir, bu da { $size } büyüklüğündeki bir dosyaya tanınan { $allowed } sınırını aşar; learncity böyle bir derlemi kabul etmez
# $corpus, $index: bellek miktarları; $words: dizin durduğunda içindeki farklı
# sözcükler, birimiyle ("1.585.154 sözcük").
error-index-too-large = dizinlendiğinde boyutuna göre çok büyük: derlem yaklaşık { $corpus }, arama dizini { $index } değerinden fazla bellek ister ({ $words } ve artıyor); bu, { $size } büyüklüğündeki bir dosyaya tanınan { $allowed } sınırını aşar; learncity böyle bir derlemi kabul etmez
# $n: birimiyle bir sayı ("9.000.000 kaynak bağlantısı"); $max: bir sayı.
error-list-too-long = tek bir listede { $n } var; en çok { $max } olabilir

## JSON sözdizimi.

error-ends-in-array = dosya bir dizinin içinde bitiyor (bir `]` eksik)
error-ends-in-object = dosya bir nesnenin içinde bitiyor (bir `{ "}" }` eksik)
error-ends-in-string = dosya bir metnin içinde bitiyor (bir `"` eksik)
error-ends-early = dosya bir değer beklenen yerde bitiyor
# $escape: kaçış dizisi yazıldığı gibi, örneğin \ud800.
error-unpaired-surrogate = eşi olmayan vekil karakter { $escape }; bir \uD800–\uDBFF kaçışının ardından bir \uDC00–\uDFFF kaçışı gelmeli
error-unpaired-surrogate-somewhere = bir \u kaçışında eşi olmayan vekil karakter
json-expected-colon = `:` bekleniyordu
json-expected-comma-or-bracket = `,` ya da `]` bekleniyordu
json-expected-comma-or-brace = `,` ya da `{ "}" }` bekleniyordu
json-expected-ident = true, false ya da null bekleniyordu
json-expected-value = değer bekleniyordu
json-expected-quote = `"` bekleniyordu
json-invalid-escape = geçersiz kaçış dizisi
json-invalid-number = geçersiz sayı
json-number-out-of-range = sayı izin verilen aralığın dışında
json-invalid-code-point = geçersiz Unicode kod noktası
json-control-character = metnin içinde denetim karakteri (\u0000-\u001F) var
json-key-not-string = anahtar tırnak içinde bir metin olmalı
json-trailing-comma = fazladan virgül
json-trailing-characters = JSON değerinden sonra fazladan karakter var
json-recursion-limit = iç içe geçme sınırı aşıldı
json-duplicate-field = `{ $field }` alanı birden çok kez yazılmış
# Başka bir dosyadaki (durum dosyası) JSON hatası, yeriyle.
json-at = { $reason }; satır { $line }, sütun { $column }

## Okuma ya da yazma neden olmadı: sistemin gerekçeleri (errno).

io-not-found = böyle bir dosya ya da dizin yok
io-permission-denied = erişim izni yok
io-not-permitted = bu işleme izin verilmiyor
io-not-a-directory = bir dizin değil
io-is-a-directory = bu bir dizin
io-no-space = aygıtta boş yer kalmadı
io-read-only = dosya sistemi salt okunur
io-exists = dosya zaten var
io-not-empty = dizin boş değil
io-io = giriş/çıkış hatası
io-loop = çok fazla iç içe sembolik bağ
io-name-too-long = dosya adı çok uzun
io-too-many-open = açık dosya sayısı çok fazla
io-file-too-large = dosya çok büyük
io-quota = disk kotası aşıldı
io-busy = aygıt ya da kaynak meşgul
io-no-device = böyle bir aygıt ya da adres yok
io-invalid = geçersiz argüman
io-no-memory = bellek ayrılamıyor
io-again = kaynak şu an kullanılamıyor
io-broken-pipe = boru bağlantısı koptu
