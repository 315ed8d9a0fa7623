# Komut satırının yardımı: her komut için bir ileti (cli-KOMUT-about) ve
# her argüman için bir ileti (cli-KOMUT-arg-AD); -long-about, -after ve
# -long isteğe bağlı uzun metinlerdir. Varsayılanlar ve seçenekler metnin
# içinde yazılır: clap'in "[default: …]" eki gizlidir.

cli-heading-usage = Kullanım:
cli-heading-options = Seçenekler
cli-heading-arguments = Argümanlar
cli-heading-commands = Komutlar
cli-value-command = KOMUT
cli-value-options = SEÇENEKLER
cli-help-flag = Yardımı gösterir
cli-help-flag-short = Yardımı gösterir (ayrıntısı için '--help')
cli-help-flag-long = Yardımı gösterir (özeti için '-h')
cli-help-command = Bu iletiyi ya da verilen komutun yardımını gösterir

cli-error = hata:
cli-error-invalid-value = '{ $arg }' için geçersiz değer: '{ $value }'
cli-error-valid-values = geçerli değerler: { $values }
cli-error-unknown-argument = beklenmeyen argüman: '{ $arg }'
cli-error-unknown-command = tanınmayan komut: '{ $command }'
cli-error-missing = şu zorunlu argümanlar verilmedi: '{ $args }'
cli-error-conflict = '{ $arg }' argümanı '{ $other }' ile birlikte kullanılamaz
cli-error-values = '{ $arg }' için değer sayısı yanlış
cli-error-suggestion = ipucu: benzeri var: '{ $suggestion }'
cli-error-more = Daha fazla bilgi için '--help' yazın.

cli-about = UNESCO Öğrenen Şehirler raporlarını terminalde okuyun
cli-long-about = UNESCO Öğrenen Şehirler raporlarını terminalde okuyun.

    Komut verilmezse etkileşimli okuyucu açılır. Okunan derlem, şunlardan var olan ilkidir: --data DOSYA, $LEARNCITY_DATA, $XDG_DATA_HOME/learncity/corpus.json, /usr/share/learncity/corpus.json, programla gelen derlem (hangisi olduğunu --which söyler; biçimi: docs/corpus-format.md).
cli-arg-data = Başka türlü bulunacak derlem yerine bu derlem dosyasını okur (bkz. --which)
cli-arg-no-pager = Uzun çıktıyı $PAGER (less -R) yerine doğrudan yazar
cli-arg-no-mouse = Fareyi terminale bırakır (kendi seçimi ve kopyalaması için); LEARNCITY_MOUSE=0 ile aynı
cli-arg-no-state = İşaretleri, kalınan yerleri ve geçmişi okumaz, yazmaz (okuyucu bunları $XDG_STATE_HOME/learncity altında tutar); LEARNCITY_STATE=off ile aynı
cli-arg-no-cache = Ayrıştırılmış derlemlerin önbelleğini ($XDG_CACHE_HOME/learncity) ne okur ne yazar; LEARNCITY_CACHE=off ile aynı
cli-arg-version = Sürümü, programla gelen derlemi ve kaynak atıflarını gösterir
cli-arg-lang = Arayüz dili: en ya da tr (varsayılan: yapılandırma dosyasındaki lang, yoksa LC_ALL, LC_MESSAGES ya da LANG)

cli-list-about = Şehirleri ya da bir bölgenin, ülkenin, katılım yılının veya durumun şehirlerini listeler
cli-list-after = Her filtre birden çok değer alır; virgülle ayrılmış ya da tekrarlanmış (--region africa,europe). Bir şehir verilen her filtreden geçmelidir. Bölgeler ve ülkeler adlarıyla ya da sözcüklerinin ilk harfleriyle eşleşir (--country korea). Hiçbir şehir geçmezse çıkış kodu 1'dir.
cli-list-arg-region = Yalnızca bu UNESCO bölgesinin şehirleri (africa, "arab states", asia, europe, latin)
cli-list-arg-country = Yalnızca bu ülkenin şehirleri
cli-list-arg-joined = Yalnızca şu yıllarda katılan şehirler: 2022, <2020, >=2020, 2016..2019 ya da unknown
cli-list-arg-status = Yalnızca üyelik durumu şu olan şehirler: confirmed, single-source ya da disputed
cli-list-arg-has-reports = Yalnızca en az bir raporu olan şehirler
cli-list-arg-sort = Sıralama: name (varsayılan), country, region, joined (en eski önce), newest ya da reports
cli-list-arg-json = Tablo yerine JSON yazar (bkz. docs/corpus-format.md)

cli-show-about = Bir şehri (raporlarıyla) ya da bir raporu kimliğiyle gösterir
cli-show-arg-id = `list` ya da `search` çıktısındaki bir şehir ya da rapor kimliği
cli-show-arg-json = Şehri ya da raporu JSON olarak yazar (bkz. docs/corpus-format.md)

cli-search-about = Şehirlerde ve raporlarda arar; hiçbir şey eşleşmezse çıkış kodu 1'dir
cli-search-arg-query = Aranacak sözcükler; her sözcük eşleşmelidir
cli-search-arg-json = Sonuçları en iyisi başta olmak üzere JSON olarak yazar (bkz. docs/corpus-format.md)
cli-search-arg-limit = En çok N sonuç gösterir (varsayılan: 20)

cli-stats-about = Derlemin tamamı ve her şehir için istatistikler; her sayı alıntısıyla
cli-stats-arg-json = İstatistikleri JSON olarak yazar (bkz. docs/corpus-format.md)

cli-config-about = Yapılandırma dosyası ile işaretlerinizin yeri; yapılandırma dosyasını denetler
cli-config-after = Seçeneksiz: yapılandırma dosyasının yolu ve geçerli olup olmadığı, ayrıca durum dizini. --check, yapılandırma dosyasında sorun varsa 2 koduyla çıkar.
cli-config-arg-default = Her ayarı varsayılan değeriyle, yorum satırı olarak içeren bir yapılandırma dosyası yazar
cli-config-arg-check = Yapılandırma dosyasını denetler: her sorun dosya:satır:sütun biçiminde

cli-validate-about = Bir derlem dosyasını denetler ve her sorunu yazar; geçerliyse 0, değilse 2 koduyla çıkar
cli-validate-arg-file = Denetlenecek derlem dosyası (ya da --data DOSYA; ikisi de yoksa geçerli derlem: bkz. --which)

cli-cache-about = Ayrıştırılmış derlemlerin önbelleğini gösterir ya da siler
cli-cache-after = --data ile verilen (ya da --which ile bulunan) derlem dosyası bir kez ayrıştırılıp dizinlenir; sonuç $XDG_CACHE_HOME/learncity (~/.cache/learncity) altında tutulur ve dosya değişmedikçe ayrıştırılmadan açılır. Gömülü derlem önbelleğe alınmaz.
cli-cache-info-about = Önbelleğin yeri, dosyaları ve her birinin güncel olup olmadığı
cli-cache-clear-about = Bütün önbellek dosyalarını siler
