# Okuyucu: panel başlıkları, arama ve durum satırları, açılır pencereler,
# istatistik paneli ve okuyucunun bütün iletileri. Sayılar sayı olarak
# verilir ve dilin kuralıyla yazılır; yıllar metin olarak verilir.

## Paneller ve çerçeveler
reader-pane-cities = Şehirler
reader-pane-viewer = Ayrıntı
reader-pane-statistics = İstatistikler
# Kaydırılmış panelin kenarında "↑ 3 daha".
reader-more = { $arrow } { $n } daha
reader-too-small = Terminal çok küçük: { $width }×{ $height }, en az { $min_width }×{ $min_height } gerekli

## Yardım ekranı
reader-help-title = Tuşlar
reader-help-hint = q kapat
reader-help-hint-scroll = j/k kaydır · q kapat

## Üstteki arama satırı
reader-search-prompt = Ara:
reader-filter-prompt = Filtre:
reader-find-prompt = Metinde bul:
# Filtre varken: "320 şehirden 36'sı" yerine kısa biçim: "36 / 320 şehir".
reader-search-filtered = { $shown } / { $cities }
reader-search-hint-long = aramak için /, bölgeye, ülkeye, yıla göre filtrelemek için f
reader-search-hint = aramak için /, filtrelemek için f
reader-search-hint-short = / ara · f filtre

## Dar düzenin sekmeleri
reader-tabs-hint = Tab değiştirir

## Durum satırındaki tuş ipuçları
reader-hint-help = yardım
reader-hint-quit = çık
reader-hint-panes = paneller
reader-hint-search = ara
reader-hint-find = metinde bul
reader-hint-filter = filtre
reader-hint-map = harita
reader-hint-matches = eşleşmeler
reader-hint-outline = içindekiler
reader-hint-zoom = büyüt
reader-hint-all-panes = tüm paneller
reader-hint-open = aç
reader-hint-cancel = vazgeç
reader-hint-facets = filtreler
reader-hint-history = geçmiş
reader-hint-move = gezin
reader-hint-first-match = ilk eşleşmeye git

## Derlemin bilgileri sözcüklerle
# $note derlemin kendi notudur, olduğu gibi.

## Şehir listesi
reader-list-no-match = Eşleşme yok. Esc geri döner.
reader-list-empty = Derlemde şehir yok.
# Şehrin yanında: raporlarından kaçı okunmadı.
reader-list-unread = { $n } okunmamış

## Ayrıntı paneli
# Panelin gösterdiği, çerçevede adından sonra.
reader-viewer-report = rapor
reader-viewer-city = şehir
# En üstteki satırın altında olduğu başlık, çerçevede.
reader-section = bölüm: { $section }

## İstatistik panelinin çerçevesi ve grafikleri
reader-statistics-map = harita
reader-chart-join-years = Katılım yılına göre şehirler
reader-chart-join-years-filtered = Katılım yılına göre şehirler (filtreli)
reader-chart-growth = Ağın büyümesi (şehir, açıklandığı gibi)

## Filtre seçici
reader-picker-title = Filtre
# Gösterilen şehirler: "36 / 320".
reader-picker-some = { $shown } / { $all }
reader-picker-all = tüm şehirler
reader-picker-hint = Boşluk işaretler · Tab sonraki filtre · c temizler · Esc

## İçindekiler
reader-outline-title = İçindekiler
reader-outline-hint = Enter oraya gider · Esc

## o tuşunun adres kutusu
reader-popup-title = Kaynak (burada tarayıcı yok: tıklayın ya da y ile kopyalayın)

## Ayrıntı panelinde rapor
reader-report-source-unknown = kaynak bilinmiyor
reader-report-date-unknown = tarih bilinmiyor
# "328 sözcük · yaklaşık 2 dk"
reader-report-length = { $words } · yaklaşık { $minutes }
reader-report-summary = Özet (İngilizce)
# Raporun başlığının altında: hangisi önce, ve yerlerini değiştiren tuş.
reader-order-summary-first = Önce özet, sonra metin
reader-order-summary-first-key = Önce özet · { $key }: önce metin
reader-order-text-first = Önce metin, özet sonda
reader-order-text-first-key = Önce metin, özet sonda · { $key }: önce özet

## Ayrıntı panelinde şehir
reader-city-country-unknown = ülke bilinmiyor
reader-city-status = Durum: { $status }
# $place: derlemin koordinatlarına göre şehrin yeri.
reader-city-at = Konum: { $place }
reader-city-not-on-map = Haritada yok: koordinat bilinmiyor
reader-city-no-report = Derlemde bu şehirle ilgili henüz rapor yok.
reader-city-reports = Raporlar ({ $n })
reader-city-sources = Kaynaklar

## Okuyucunun metinde nerede olduğu (ayrıntı panelinin çerçevesi)
reader-line = satır { $at }/{ $total }
reader-place-all = tümü
reader-place-top = baş
reader-place-end = son

## Metinde gezinmek
reader-no-headings = bu metinde başlık yok
reader-no-heading-below = aşağıda başlık yok
reader-no-heading-above = yukarıda başlık yok
reader-no-paragraph-below = aşağıda paragraf yok
reader-no-paragraph-above = yukarıda paragraf yok
reader-no-search-yet = henüz arama yok: aramak için / tuşuna basın
reader-no-match-for = bu metinde “{ $pattern }” için eşleşme yok
reader-match = eşleşme { $at }/{ $total }
reader-search-wrapped = arama öbür uçtan sürüyor · { $status }

## Durum satırının iletileri
reader-no-shell = burada dönülecek kabuk yok: Ctrl-Z bir şey yapmaz
reader-results-by-relevance = sonuçlar alakaya göre sıralı; Esc sonuçlardan çıkar
reader-sorted = sıralama: { $order }
reader-browser-failed = $BROWSER tarayıcılarından hiçbiri açılamadı ({ $error }); adres burada
reader-nothing-to-find-in = arama yapılacak açık metin yok
reader-not-in-this-text = bu metinde yok: { $query }
reader-nothing-to-outline = içindekileri gösterilecek açık metin yok
reader-no-report-to-mark = burada işaretlenecek rapor yok
reader-marked-read = okundu olarak işaretlendi
reader-marked-unread = okunmadı olarak işaretlendi
# $reports: "3 rapor".
reader-marked-reports-read = { $reports } okundu olarak işaretlendi
reader-marked-reports-unread = { $reports } okunmadı olarak işaretlendi
reader-bookmarks-are-for-reports = yer imleri raporlar içindir: bir rapor seçin ya da açın
reader-bookmarked = yer imi eklendi (/ ile has:bookmark yer imlerini listeler)
reader-bookmark-off = yer imi kaldırıldı
reader-report-no-address = bu rapor kaynak adresi vermiyor; şehrin kaynakları şehir görünümünde
reader-no-address = bunun web adresi yok
reader-opening = { $browser } ile açılıyor: { $url }
reader-every-city-again = yeniden tüm şehirler (r: yalnızca raporu olanlar)
reader-only-with-reports = yalnızca raporu olan şehirler: { $n } (yeniden r: hepsi)
# $cities: "320 şehir".
reader-map-shown = harita: { $cities } içinden { $placed } tanesi haritada (m gizler)
reader-map-hidden = harita gizlendi (m gösterir)
reader-city-has-no-report = derlemde bu şehirle ilgili henüz rapor yok
reader-no-figure-to-trace = bu şehir için kaynağı gösterilecek sayı yok
reader-no-figure-on-screen = ekranda sayı yok: k ya da g sayılara geri götürür
# $figure: sayının derlemdeki etiketi.
reader-stated-here = “{ $figure }” burada geçiyor
reader-quote-not-found = alıntı raporda bulunamadı
reader-matches-in-text = { $n ->
    [0] bu metinde eşleşme yok
   *[other] bu metinde { $n } eşleşme
}

## Kopyalama (y, Y)
reader-copy-report-needs-one = Y bir raporu kopyalar: önce bir rapor açın
reader-nothing-to-copy = burada kopyalanacak bir şey yok
reader-no-clipboard = bu terminal panoya yazmayı kabul etmiyor (TERM)
# $what: kopyalanan, aşağıdaki gibi; $characters: "412 karakter".
reader-copied = { $what } kopyalandı, { $characters }
reader-copied-cut = { $what } kopyalandı, ilk { $characters } (terminaller daha uzun pano yazımlarını reddeder)
reader-copied-address = adres
reader-copied-city-id = şehir kimliği { $id }
reader-copied-report-id = rapor kimliği { $id }
reader-copied-heading = 1 başlık
reader-copied-link = 1 adres
reader-copied-quote = 1 alıntı
reader-copied-paragraph = 1 paragraf
reader-copied-figure = { $amount } sayısı
reader-copied-markdown = rapor Markdown olarak
# Kopyalanan sayıda: nereden geldiği.
reader-copy-report = rapor { $id }

## İstatistik paneli
reader-stats-this-report = Bu rapor
# $words: "328 sözcük"; $minutes: "2 dk".
reader-stats-report-length = { $words } · okuması yaklaşık { $minutes }
# $words: raporda en sık geçen sözcükler, her biri sayısıyla.
reader-stats-frequent = Sık geçenler: { $words }
reader-stats-placed = { $cities } içinden { $placed } tanesi haritada
reader-stats-placed-filtered = filtreli { $filtered } şehirden { $placed } tanesi haritada (tümünde { $all } içinden { $placed_all })
reader-stats-no-coordinates = { $city } için koordinat yok
reader-stats-map-filtered = filtreli
reader-stats-map-others = diğerleri
reader-stats-map-credit = Koordinatlar: GeoNames (geonames.org), CC BY 4.0
reader-stats-no-city = Seçili şehir yok
reader-stats-no-figures = Raporlarında sayı geçmiyor.
reader-stats-figures = Sayılar · Enter kaynağı gösterir
# Derlem ağın adını vermediğinde.
reader-stats-network = Ağ
# $cities: "425 şehir"; $countries: "91 ülke".
reader-stats-network-size = { $countries }de { $cities }
reader-stats-network-size-unknown = ? ülkede { $cities }
reader-stats-listed-here = Burada listelenen: { $total } üyeden { $listed } tanesi, üyelerin tamamı değil
reader-stats-corpus = Derlem: { $cities }, { $with_reports } tanesinin raporu var; { $reports }, { $figures }
reader-stats-filtered = Filtreli: { $cities } içinden { $shown } · { $countries }de
reader-stats-by-region = Bölgeye göre şehirler
reader-stats-by-region-filtered = Bölgeye göre şehirler (filtreli)
reader-stats-unknown = bilinmiyor
reader-stats-top-countries = En çok şehri olan ülkeler
reader-stats-top-countries-filtered = En çok şehri olan ülkeler (filtreli)
reader-stats-by-country = Ülkeye göre şehirler
reader-stats-by-country-filtered = Ülkeye göre şehirler (filtreli)
reader-stats-more-countries = ve { $countries } daha
reader-stats-sourced = Üyeliğin kaynakları
reader-stats-sourced-filtered = Üyeliğin kaynakları (filtreli)
reader-stats-rounds = Kabul dönemlerine göre burada listelenenler
reader-stats-no-count = (sayı açıklanmadı)
reader-stats-round-sources = Kabul dönemlerinin kaynakları

## Arama satırında tamamlama, başlarken, kaydederken
reader-tab-completes = Tab filtre sözcüklerini tamamlar: region: country: joined: status: has:
reader-needs-terminal = okuyucu bir terminal ister; betikler için `learncity list`, `search`, `show` ya da `stats` kullanın (bkz. --help)
# $reports: "2 rapor".
reader-indexing = { $reports } dizinleniyor…
# $problem: yapılandırma dosyasının ilk sorunu; $n: kaç sorun daha olduğu.
reader-config-more-problems = { $problem } (ve { $n } sorun daha: learncity config --check)
# $why: sistemden gelen neden.
reader-not-saving = işaretler kaydedilmiyor: { $why }
# $BROWSER hiç tarayıcı adı vermiyor (yalnızca iki nokta ya da boşluk).
reader-no-browser-named = hiçbir tarayıcı adı verilmemiş
