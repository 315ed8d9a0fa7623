# Komutların yazdıkları: list, show, search, stats, validate, config.

or = {" "}ya da{" "}
unknown = bilinmiyor
seconds = { $s } sn
joined-year = { $year } yılında katıldı
joined-unknown = katılım yılı bilinmiyor

cli-loading = { $file } yükleniyor…
cli-cannot-use-corpus = { $file } derlem olarak kullanılamıyor ({ $n } sorun):
cli-cannot-write = çıktı yazılamıyor: { $reason }
cli-cannot-write-json = JSON yazılamıyor: { $reason }
cli-stdout-closed = standart çıktı kapalı; hiçbir şey yazılamaz
cli-validate-one = validate tek bir derlem alır: { $file } ya da --data { $data }, ikisi birden değil

config-file = yapılandırma dosyası: { $file }
config-file-absent = yapılandırma dosyası: { $file } (yok: varsayılanlar kullanılıyor)
config-no-home = (yok: ev dizini yok)
config-marks = işaretler:            { $dir }
config-marks-none = (yok: { $reason })
config-in-use-lang = dil:                  { $lang } ({ $source })
config-lang-flag = --lang ile
config-lang-config = yapılandırma dosyasından
config-lang-env = { $var } değişkeninden
config-lang-default = varsayılan: LC_ALL, LC_MESSAGES ve LANG yok
config-valid = yapılandırma dosyası geçerli
config-has-problems = yapılandırma dosyasında { $problems } var

list-col-id = KİMLİK
list-col-city = ŞEHİR
list-col-country = ÜLKE
list-col-joined = KATILIM
list-col-status = DURUM
list-col-reports = RAPOR
list-none = yok
list-count-of = { $all } içinden { $n } ({ $filter })
list-no-match = { $filter } ile eşleşen şehir yok
list-needs-value = --{ $option } bir değer ister: { $expects }
list-regions-are = { $msg }; bölgeler: { $regions }
list-countries-hint = { $msg }; en çok şehri olan ülkeleri `learncity stats` listeler
list-did-you-mean = { $msg }; şunu mu demek istediniz: { $near }?

show-no-id = { $id } kimlikli şehir ya da rapor yok; şehir kimliklerini `learncity list` gösterir, raporları `learncity search` bulur
show-no-id-near = { $id } kimlikli şehir ya da rapor yok; şunu mu demek istediniz: { $near }?
show-local-name = Yerel adı: { $name }
show-region = Bölge: { $region }
show-joined = UNESCO Öğrenen Şehirler Küresel Ağı'na katılım: { $year }
show-status = Durum: { $status }
show-coordinates = Koordinatlar: { $coords }
show-no-report = Derlemde bu şehirle ilgili henüz rapor yok.
show-reports = Raporlar ({ $n })
show-sources = Kaynaklar
show-meta = Şehir: { $city } · Kaynak: { $source } · Yayın: { $published } · Dil: { $lang } · { $words } · yaklaşık { $minutes }
show-summary = Özet (İngilizce)
show-figures = Sayılar

search-indexing = { $n } rapor dizinleniyor…
search-no-marks = has:bookmark ve has:unread okuyucunun işaretlerine göre süzer; komut satırı bu işaretleri okumaz. Okuyucuda /has:bookmark yazın
search-no-words = { $query } sorgusunda aranacak sözcük yok
search-no-words-filter = { $query } sorgusunda aranacak sözcük yok; bir süzgecin seçtiği şehirleri görmek için `learncity list` komutunu --region, --country, --joined, --status ya da --has-reports ile kullanın
search-no-match = { $query } için sonuç yok
search-more = { $all } içinden { $shown } tanesi gösterildi; daha fazlası için --limit N
search-kind-city = şehir
search-kind-report = rapor
search-report-about = { $city } hakkında rapor

stats-summary = { $countries }de { $cities }, { $reports } ({ $with_report } için rapor var), { $words }, { $figures }.
stats-by-region = Bölgelere göre şehirler
stats-region-unknown = bölgesi bilinmiyor
stats-top-countries = En çok şehri olan ülkeler ({ $all } ülkenin ilk { $top } tanesi)
stats-by-country = Ülkelere göre şehirler
stats-by-year = Katılım yılına göre şehirler
stats-year-unknown = yılı bilinmiyor
stats-by-status = Her şehrin üyeliğinin kaynağı
stats-status-unknown = durumu bilinmiyor
stats-rounds = Kabul dönemleri: duyurulanlar ve burada listelenenler
stats-network = Ağın büyümesi
stats-with-reports = Raporu olan şehirler
stats-coverage = Bu derlem, ağın { $total } üye şehrinden { $listed } tanesini listeliyor{ $date }: üyeliğin tamamı değildir.
stats-coverage-countries = Bu derlem, ağın { $total } üye şehrinden { $listed } tanesini listeliyor{ $date }, ağın { $countries_total } içinden { $countries_listed } ülkeden: üyeliğin tamamı değildir.
stats-col-year = YIL
stats-col-date = TARİH
stats-col-new = YENİ
stats-col-listed = LİSTEDE
stats-col-network = AĞ
stats-round-line = { $year }{ $date }: { $new } duyuruldu, { $listed } listede, ağda { $network }

validate-valid = { $file }: geçerli derlem (şema { $schema }): { $cities }, { $reports }, { $figures }, { $events }{ $rounds }
validate-bundled-name = corpus.json (programla gelen)
