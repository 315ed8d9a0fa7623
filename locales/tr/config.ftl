# Yapılandırma dosyası: sorunları (her biri `dosya:satır:sütun: `
# ardından) ve `learncity config --default` çıktısındaki dosyanın
# yorumları. Ayar adları, tablolar ([colours], [keys]) ve değerler ("en",
# true, "ctrl-d") dosyada yazıldıkları gibi kalır; $name ve $value
# tırnaklarıyla gelir.

config-cannot-read = { $file }: okunamıyor ({ $reason }); varsayılanlar kullanılıyor
# $reason: TOML ayrıştırıcısının kendi sözleri (İngilizce).
config-not-toml = { $reason }; dosyanın tamamı yok sayıldı, varsayılanlar kullanılıyor
config-boolean = { $key } true ya da false olmalı
config-lang = lang "en", "tr" ya da "auto" (yerel ayar belirler) olmalı
config-colours-table = colours bir tablo olmalı: [colours]
config-keys-table = keys bir tablo olmalı: [keys]
config-unknown-setting = bilinmeyen ayar { $name } (lang, mouse, hyperlinks, [colours], [keys])
config-no-colour = { $name } adında bir renk yok ({ $names })
config-not-a-colour = { $value } 16 terminal renginden biri değil ({ $names }); varsayılan korunuyor
config-group-table = keys.{ $group } bir tablo olmalı: [keys.{ $group }]
config-no-table = [{ $table }] içinde { $name } adında bir tablo yok
config-not-a-key = { $value } bir tuş değil (q, G, ?, ctrl-d, space, enter, esc, tab, shift-tab, up, pgdn, home, f1…)
config-key-not-string = tuş bir metin olarak yazılır, örneğin "q" ya da "ctrl-d"
config-no-action = [{ $table }] içinde { $name } adında bir eylem yok (learncity config --default hepsini listeler)

## Varsayılan dosyanın yorumları: her satır bir `# ` satırı olur. Hiçbir
## satır `ad = değer` gibi okunmamalı (ayar sanılır).

config-default-intro =
    learncity yapılandırması: $XDG_CONFIG_HOME/learncity/config.toml
    (~/.config/learncity/config.toml). Her ayar varsayılan değeriyle,
    yorum olarak gösterilir: değiştirmek için satırın başındaki # işaretini
    silin. Hatalı bir girdi satırı ve sütunuyla bildirilir, yerine
    varsayılanı kullanılır.
config-default-lang =
    Arayüzün dili: "en", "tr" ya da LC_ALL, LC_MESSAGES veya LANG
    değişkenine uyması için "auto" (tr_TR.UTF-8 Türkçe demektir).
    --lang bu ayarı geçersiz kılar.
config-default-mouse = Fareyi kullan (tıklamalar, tekerlek); false, fareyi terminale bırakır.
config-default-hyperlinks = Web adreslerini terminalin açabileceği bağlantılar olarak göster (OSC 8).
config-default-colours =
    Renk temasının renkleri, 16 terminal renginin adlarıyla: black, red,
    green, yellow, blue, magenta, cyan, white ve bright-black …
    bright-white. NO_COLOR bütün renkleri kapatır.
config-default-keys =
    Tuşlar: eylem = "tuş" ya da ["tuş", "tuş"] biçiminde yazılır. Burada
    yazılan bir tuş, aynı yerde başka bir eyleme bağlıysa oradan alınır.
    Tuşlar şöyle yazılır: q, G, ?, ctrl-d, space, enter, esc, tab,
    shift-tab, up, down, left, right, pgup, pgdn, home, end, f1 … f12.
    Yardım (?) kullanılan tuşları gösterir.
config-colour-accent = odaktaki bölmenin çerçevesi, grafiklerin çubukları
config-colour-match = arama eşleşmelerinin arkası (siyah yazıyla)
config-colour-current = n/N ile gidilen eşleşmenin arkası
config-colour-sentence = bir sayının izlendiği cümlenin arkası
config-colour-map = dünya haritasındaki şehirler
