# Derlemdeki verilere dair sözcükler: bir şehrin durumu ve katılım yılı,
# yeri, şehir listesinin sıralamaları, arama satırının filtreleri.
# Arama satırının ve komut satırının aldığı değerler (region:, has:report,
# confirmed, unknown) yazıldıkları gibi kalır.

## Bir şehrin üyeliği: kartında bir satır olarak ve bir iki sözcükle.

status-line-confirmed = doğrulanmış (resmî bir sayfa ya da birbirini tutan iki kaynak)
status-line-single-source = tek kaynak
status-line-disputed = kaynaklar çelişiyor
# $notes: derlemin, kaynakların nasıl çeliştiğine dair notu.
status-line-disputed-because = kaynaklar çelişiyor: { $notes }
status-confirmed = doğrulanmış
status-single-source = tek kaynak
status-disputed = kaynaklar çelişiyor
# $year: yıl, metin olarak.
city-joined = katılım: { $year }
city-joined-unknown = katılım yılı bilinmiyor

## Bir şehrin yeri: $degrees iki ondalık basamaklıdır.

coords-north = { $degrees }° K
coords-south = { $degrees }° G
coords-east = { $degrees }° D
coords-west = { $degrees }° B
coords = { $lat }, { $lon }
coords-geonames-how = { $at } (GeoNames: { $place }, { $how })
coords-geonames = { $at } (GeoNames: { $place })
coords-how = { $at } ({ $how })
coords-match-exact = tam eşleşme
coords-match-folded = aksanlar yok sayılarak eşleşti
coords-match-alternate = başka bir adıyla eşleşti
coords-match-seat = ilçenin merkezi
coords-match-ambiguous = bu adı taşıyan yerlerin en büyüğü

## Şehir listesinin sıralamaları.

sort-name = ada göre
sort-country = ülkeye göre
sort-region = bölgeye göre
sort-joined = önce en eski
sort-newest = önce en yeni
sort-reports = rapor sayısına göre

## Süzgeçler: başlıkları, değerlerinin biçimi, `has:` ne demek.

facet-region = Bölge
facet-country = Ülke
facet-joined = Katılım yılı
facet-status = Durum
facet-has = Olanlar
facet-expects-name = bir ad ya da sözcüklerinin başı
facet-expects-year = bir yıl (2022), <2020, <=2020, >2020, >=2020, 2016..2019 ya da unknown
facet-expects-status = confirmed, single-source ya da disputed
facet-expects-has = report, coords, bookmark ya da unread
has-report = raporu olan
has-coords = haritada yeri olan
has-bookmark = yer imli raporu olan
has-unread = okunmamış raporu olan
# $facet: filtre yazıldığı gibi (joined); $value: tırnak içinde.
facet-not-valid = { $facet }: { $value } geçersiz; beklenen: { $expects }
facet-no-region = { $value } ile eşleşen bölge yok
facet-no-country = { $value } ile eşleşen ülke yok
