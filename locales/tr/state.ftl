# Okuyucunun oturumlar arasında sakladıkları (işaretler, kalınan yerler,
# aramalar): neden saklayamadığı ve kullanılamayan bir durum dosyasına
# ne olduğu.

state-no-home = ev dizini yok ($HOME tanımlı değil)
state-no-state-dir = bu sistemde durum dizini yok
# $reason: sistemin gerekçesi; $dir: durum dizini.
state-not-saved = işaretler kaydedilmiyor: { $reason } ({ $dir })
# $why: state-not-valid, state-newer ya da sistemin gerekçesi.
state-moved-aside = işaretleriniz okunamadı ({ $why }); sıfırdan başlandı, eski dosya: { $file }
state-not-moved-aside = işaretleriniz okunamadı ({ $why }) ve kenara da taşınamadı ({ $reason }); sıfırdan başlandı
state-not-valid = geçerli değil: { $reason }
# $version, $reads: durum dosyasının biçim numaraları.
state-newer = daha yeni bir learncity yazmış (biçim { $version }; bu sürüm { $reads } okur)
state-busy = başka bir learncity kaydediyordu; atlandı
