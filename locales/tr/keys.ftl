# Okuyucunun tuşları: her bağlamanın ne yaptığı (yardım ekranı, README'nin
# tuş tablosu ve `learncity config --default` açıklamaları) ve yardımın
# bölüm adları. src/tui/keys.rs içindeki her bağlama için bir ileti; aynı
# işi yapan bağlamalar bir iletiyi paylaşır.

keys-section-global = Her panelde
keys-section-cities = { reader-pane-cities }
keys-section-viewer = { reader-pane-viewer }
keys-section-statistics = { reader-pane-statistics }
keys-section-search = Arama satırı
keys-section-picker = Filtre seçici
keys-section-outline = İçindekiler
keys-section-find = Metinde bul
keys-section-help = Bu yardım
keys-section-always = Her zaman, yazarken bile
keys-section-mouse = Fare

keys-table-where = Nerede
keys-table-keys = Tuşlar
keys-table-what = Ne yapar

keys-quit = çık
keys-quit-anywhere = çık (her yerde, yazarken de)
keys-help = bu yardımı göster
keys-search = şehirlerde ve raporlarda ara
keys-back = { reader-pane-cities } paneline dön; { reader-pane-cities } panelindeyken sonuçlardan çık
keys-focus-next = sonraki panel
keys-focus-prev = önceki panel
keys-focus-left = soldaki panel
keys-focus-right = sağdaki panel
keys-down = bir satır ya da öğe aşağı
keys-up = bir satır ya da öğe yukarı
keys-half-page-down = yarım sayfa aşağı
keys-half-page-up = yarım sayfa yukarı
keys-page-down = bir sayfa aşağı
keys-page-up = bir sayfa yukarı
keys-top = en başa
keys-bottom = en sona
keys-next-match = son aramanın ekranın üstünden sonraki eşleşmesi
keys-prev-match = ekranın üstünden önceki eşleşme
keys-picker = bölgeye, ülkeye, katılım yılına, duruma göre filtrele (filtre seçici)
keys-reports = yalnızca raporu olan şehirler ya da yeniden hepsi
keys-map = { reader-pane-statistics } panelinde dünya haritasını aç ya da kapat
keys-zoom = etkin panel tek başına, tam ekran ({ reader-pane-viewer } paneli çerçevesiz) ya da geri
keys-suspend = askıya alıp kabuğa dön (fg geri getirir)
keys-toggle-read = raporu okundu ya da okunmadı olarak işaretle (şehirde: tüm raporlarını)
keys-toggle-bookmark = rapora yer imi koy ya da kaldır (has:bookmark yer imlerini listeler)
keys-copy = kopyala: { reader-pane-cities } panelinde kimliği, { reader-pane-viewer } panelinde paragrafı ya da başlığı, { reader-pane-statistics } panelinde sayıyı cümlesi ve kaynağıyla
keys-copy-report = açık raporu Markdown olarak kopyala
keys-open-source = raporun ya da şehrin kaynağını aç: ekran varsa $BROWSER ile, yoksa adresi tam göster
keys-outline = içindekiler: açık metnin başlıkları, birine atlamak için
keys-text-order = raporda önce İngilizce özet ya da önce raporun kendi metni

keys-cities-open = raporu aç; şehrin raporlarını göster ya da gizle
keys-cities-sort = sonraki sıralama: ad, ülke, bölge, en eski, en yeni, rapor sayısı
keys-cities-sort-back = önceki sıralama

keys-find = yalnızca bu metinde bul (sözcüğün tamamı ya da başı; sonraki için n/N)
keys-next-heading = sonraki başlık
keys-prev-heading = önceki başlık
keys-next-paragraph = sonraki paragraf
keys-prev-paragraph = önceki paragraf (ya da bu paragrafın başı)

keys-statistics-open = sayıyı veren cümleyi göster

keys-search-accept = seçili sonucu aç, sonuçları koru
keys-search-cancel = vazgeç: aramadan önceki yere dön
keys-search-up = önceki arama (satır boşken), yoksa sonuçlarda yukarı
keys-search-down = sonraki arama (satır boşken), yoksa sonuçlarda aşağı
keys-search-complete = filtre sözcüğünü tamamla (region: country: joined: status: has:); yeniden basınca sonraki
keys-search-complete-back = önceki tamamlama
keys-search-results-up = sonuçlarda yukarı
keys-search-results-down = sonuçlarda aşağı

keys-picker-close = seçiciyi kapat (filtre kalır; { reader-pane-cities } panelinde Esc filtreyi kaldırır)
keys-picker-toggle = değeri işaretle ya da işareti kaldır: bir filtrenin işaretli değerlerinden biri yeter
keys-picker-down = sonraki değer
keys-picker-up = önceki değer
keys-picker-next-facet = sonraki filtre
keys-picker-prev-facet = önceki filtre
keys-picker-clear = tüm işaretleri kaldır

keys-outline-close = içindekileri kapat
keys-outline-open = başlığa git
keys-outline-top = ilk başlık
keys-outline-bottom = son başlık

keys-find-accept = ekranın üstünden sonraki ilk eşleşmeye git
keys-find-cancel = vazgeç: önceki yere dön, yazılan n/N için kalır

keys-help-close = yardımı kapat
keys-help-down = aşağı kaydır
keys-help-up = yukarı kaydır

# Fare: her birinin adı ve ne yaptığı.
keys-mouse-wheel = Tekerlek
keys-mouse-wheel-does = imlecin altındaki paneli { $lines } satır kaydır
keys-mouse-click = Tıklama
keys-mouse-click-does = paneli seç; satırı seç; sekme değiştir; sayının kaynağını göster; adresi aç (o gibi)
keys-mouse-double = Çift tıklama
keys-mouse-double-does = Enter gibi açar
keys-mouse-shift-drag = Shift-sürükle
keys-mouse-shift-drag-does = metni terminalle seç (çoğu terminalde); --no-mouse ya da LEARNCITY_MOUSE=0 fareyi tümüyle terminale bırakır
