# Derlemin nereden geldiği (--which), kabuk tamamlamaları, kılavuz sayfası
# ve --version.

## Komut satırının yardımı (anahtarların nasıl kurulduğu için bkz. cli.ftl)

cli-arg-which = Hangi derlemin neden kullanıldığını (bakılan her yeri, sırasıyla) yazar ve çıkar
which-alone = --which bir komutla birlikte verilmez: yalnızca diğer komutların hangi derlemi okuyacağını söyler
cli-completions-about = Bir kabuk için tamamlama betiği yazar
cli-completions-after = Örneğin: learncity completions bash > ~/.local/share/bash-completion/completions/learncity (zsh ve fish için bkz. README). bash, zsh ve fish, `show` komutundan sonra Tab'a basıldığı anda geçerli olan derlemin kimliklerini tamamlar.
cli-completions-arg-shell = Kabuk: bash, zsh, fish, elvish ya da powershell
cli-man-about = Kılavuz sayfasını (roff) yazar: komutlar, okuyucunun tuşları, ortam değişkenleri ve dosyalar
cli-man-after = Örneğin: mkdir -p ~/.local/share/man/man1 && learncity man > ~/.local/share/man/man1/learncity.1, ardından man learncity

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

## learncity man: clap_mangen'in yazmadığı bölümler ve yazdıklarının
## başlıkları

man-manual = learncity kılavuzu
man-section-name = İSİM
man-section-synopsis = KULLANIM
man-section-description = AÇIKLAMA
man-section-commands = KOMUTLAR
man-section-keys = OKUYUCUNUN TUŞLARI
man-section-environment = ORTAM DEĞİŞKENLERİ
man-section-files = DOSYALAR
man-section-exit-status = ÇIKIŞ DURUMU
man-section-credits = KAYNAKLAR
man-keys-intro = Okuyucu (komutsuz learncity) şu tuşları alır; ? tuşu da bunları, yapılandırma dosyasının değiştirdikleriyle birlikte gösterir.
man-env-learncity-data = --data verilmediğinde okunacak derlem dosyası. Boşsa tanımsız sayılır; var olmayan bir dosya hatadır.
man-env-xdg-data-home = Kullanıcının derleminin arandığı yer: $XDG_DATA_HOME/learncity/corpus.json (varsayılan ~/.local/share/learncity/corpus.json).
man-env-xdg-config-home = Yapılandırma dosyasının yeri: $XDG_CONFIG_HOME/learncity/config.toml (varsayılan ~/.config/learncity/config.toml).
man-env-xdg-state-home = Okuyucunun işaretlerinizi, kaldığınız yerleri ve geçmişinizi tuttuğu yer: $XDG_STATE_HOME/learncity (varsayılan ~/.local/state/learncity).
man-env-lang = Ne --lang ne de yapılandırma dosyasındaki lang belirlediğinde arayüzün dili: bunlardan tanımlı olan ilki karar verir; tr_TR ve benzerleri Türkçe, geri kalan her şey İngilizce seçer.
man-env-no-color = Boş olmayan her değer renkleri kapatır; okuyucuda kalın, altı çizili, ters video, soluk ve italik, komutlarda kalın ve altı çizili kalır.
man-env-term = dumb renkleri kapatır; dumb, linux ve vt100 bağlantıları ve panoya kopyalamayı kapatır.
man-env-columns = Komut satırı çıktısı terminale gitmediğinde genişliği (varsayılan 80).
man-env-pager = Terminaldeki uzun çıktı için sayfalayıcı (varsayılan less -R; LESS tanımsızsa LESS=FRX ile); boş ya da cat ise doğrudan yazılır.
man-env-browser = o tuşunun adresleri açtığı program (iki nokta üst üste ile ayrılmış bir liste sırayla denenir); DISPLAY ya da WAYLAND_DISPLAY bir ekran olduğunu söylediğinde. Ekran yoksa adres bunun yerine bütünüyle gösterilir.
man-env-learncity-mouse = 0, --no-mouse gibi fareyi terminale bırakır.
man-env-learncity-state = off (ya da 0, no, false), --no-state gibi hiçbir işaret okumaz, yazmaz.
man-env-learncity-hyperlinks = 0, web adreslerini bağlantı (OSC 8) yerine düz metin olarak yazar.
man-file-config = Yapılandırma dosyası: tuşlar, renkler, fare, bağlantılar, dil. learncity config --default her ayarı varsayılanıyla içeren bir dosya yazar.
man-file-state = Okuyucunun işaretleri, kaldığınız yerler ve geçmiş; her derlem için bir dizin.
man-env-xdg-cache-home = Ayrıştırılıp dizinlenmiş derlem dosyalarının önbelleği: $XDG_CACHE_HOME/learncity (varsayılan ~/.cache/learncity).
man-env-learncity-cache = off (ya da 0, no, false), --no-cache gibi önbelleği ne okur ne yazar.
man-file-cache = Her derlem dosyası için bir dosya: raporları ve arama dizini; derlem dosyası değişmedikçe ayrıştırılmadan açılır. Silinebilir (learncity cache clear).
man-file-user-corpus = Kullanıcının derlemi; ne --data ne de $LEARNCITY_DATA bir derlem belirttiğinde okunur.
man-file-system-corpus = Bir yöneticinin makinedeki herkes için kurduğu derlem; kullanıcının derlemi yoksa okunur. Bunların hiçbiri yoksa programla gelen derlem okunur; hangisinin neden kullanıldığını learncity --which söyler.
man-exit-0 = Başarılı.
man-exit-1 = Bir arama hiçbir şey bulamadı ya da list filtrelerine hiçbir şehir uymadı.
man-exit-2 = Hatalı kullanım, bilinmeyen bir kimlik, okunamayan ya da geçersiz bir derlem veya yazılamayan çıktı; ileti standart hata çıktısındadır.

## learncity --version

version-bundled = Programla gelen derlem: { $title }: { $cities } (haritada { $placed }), { $reports }
version-untitled = başlıksız
version-rounds = ; { $date } tarihine kadarki kabul dönemleri
version-credit-directory = Üye dizini: her kabul döneminin kamuya açık duyurularından derlendi (data/gnlc/README.md)
version-credit-coordinates = Koordinatlar: GeoNames (geonames.org), CC BY 4.0
version-credit-outline = Dünya ana hatları: ratatui'nin dünya haritası (gnuplotting.org)
