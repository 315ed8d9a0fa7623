# Derlemin nereden geldiği (--which) ve --version.

## Komut satırının yardımı (anahtarların nasıl kurulduğu için bkz. cli.ftl)

cli-arg-which = Hangi derlemin neden kullanıldığını (bakılan her yeri, sırasıyla) yazar ve çıkar

## learncity --which

which-from-flag = { $path } (kaynak: --data)
which-from-env = { $path } (kaynak: $LEARNCITY_DATA)
which-from-user = { $path } (kaynak: { $place })
which-from-system = { $path } (sistem genelindeki derlem)
which-bundled = programla gelen derlem ({ $reasons })
which-why-no-flag = --data yok
which-why-env-unset = $LEARNCITY_DATA tanımsız
which-why-no-file = { $path } yok
which-why-no-home = ev dizini yok
which-heading = Bakılan yerler, sırasıyla (derlem bulunan ilk yer kullanılır):
which-step = { $n }. { $place }: { $seen }
which-place-flag = --data DOSYA
which-place-env = $LEARNCITY_DATA
which-place-user = { $path } ({ $place })
which-place-system = { $path }
which-place-bundled = programla gelen derlem
which-seen-not-given = verilmedi
which-seen-unset = tanımsız
which-seen-empty = boş, tanımsız sayılır
which-seen-missing = böyle bir dosya yok
which-seen-no-home = ev dizini yok
which-seen-used = kullanılıyor
which-seen-used-file = { $path }, kullanılıyor
which-seen-skipped = bakılmadı
which-error-env-missing = $LEARNCITY_DATA { $path } dosyasını gösteriyor, ama böyle bir dosya yok (değişkeni kaldırın ya da bir derlem dosyasını gösterin)

## learncity --version

version-bundled = Programla gelen derlem: { $title }: { $cities } (haritada { $placed }), { $reports }
version-untitled = başlıksız
version-rounds = ; { $date } tarihine kadarki kabul dönemleri
version-credit-directory = Üye dizini: her kabul döneminin kamuya açık duyurularından derlendi (data/gnlc/README.md)
version-credit-coordinates = Koordinatlar: GeoNames (geonames.org), CC BY 4.0
version-credit-outline = Dünya ana hatları: ratatui'nin dünya haritası (gnuplotting.org)
