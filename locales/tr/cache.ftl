## Ayrıştırılmış derlemlerin önbelleği ($XDG_CACHE_HOME/learncity).

cache-cannot-write = { $dir } içinde önbellek tutulamıyor ({ $reason }): önbelleksiz çalışılıyor
cache-damaged = { $file } önbellek dosyası bozuktu: silindi; bir sonraki çalıştırmada yeniden oluşturulur
cache-cannot-read = { $dir } önbellek dizini okunamıyor: { $reason }
cache-cannot-clear = { $dir } önbellek dizini temizlenemiyor: { $reason }
cache-info-dir = { $dir }: { $files ->
    [0] önbellek dosyası yok
   *[other] { $files } dosya, { $size }
}
cache-info-off = önbellek bu çalıştırmada kapalı (--no-cache ya da LEARNCITY_CACHE=off)
cache-info-file = { $file }  { $size }  { $state }  { $source }
cache-state-current = güncel
cache-state-stale = eski: derlem dosyası değişmiş
cache-state-gone = derlem dosyası yok
cache-state-version = learncity { $version } ile yapılmış: ilk kullanımda yeniden oluşturulur
cache-state-truncated = yarıda kesilmiş: ilk kullanımda yeniden oluşturulur
cache-state-damaged = bozuk: ilk kullanımda yeniden oluşturulur
cache-cleared = { $dir }: { $files ->
    [0] silinecek bir şey yok
   *[other] { $files } dosya silindi
} ({ $size })
