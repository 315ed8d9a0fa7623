# learncity import: düz metin bir haberin bir derlem dosyasına rapor olarak
# eklenmesi (src/cli/import.rs, kurallar src/corpus/import.rs içinde).

cli-import-about = Düz metin bir haberi bir derlem dosyasına rapor olarak ekler
cli-import-after = Metnin ilk satırı başlıktır (--title verilmediyse). Bir satır 100 karakterden uzunsa (web sayfasından kopyalanmış metin) her satır ayrı bir bloktur; değilse boş satırlar arasındaki satırlar birleştirilip tek blok olur (elle satır kaydırılmış metin). En çok 80 karakterlik ve cümle gibi bitmeyen (. ! ? : ; …) bir blok ara başlıktır; tırnak işaretiyle başlayan bir blok alıntıdır; gerisi paragraftır. Yeni derlem yazılmadan önce bütünüyle denetlenir; önceki dosya DERLEM.bak olarak saklanır. Herhangi bir sorunda hiçbir şey yazmadan 2 koduyla çıkar.
cli-import-arg-file = Haber: UTF-8 bir metin dosyası ya da standart girdi için -
cli-import-arg-city = Raporun ilgili olduğu şehrin kimliği; --into derleminde bulunan bir şehir olmalı
cli-import-arg-into = Raporun ekleneceği derlem dosyası; var olmalıdır ve baştan yazılır (düzenli biçimli JSON; içindeki her şey korunur)
cli-import-arg-title = Raporun başlığı; bu durumda metnin ilk satırı da gövdeye girer
cli-import-arg-source = Asıl haberin web adresi (http:// ya da https://)
cli-import-arg-source-name = Yayıncının adı, örneğin Habertürk
cli-import-arg-published = Yayın tarihi: YYYY, YYYY-AA ya da YYYY-AA-GG
cli-import-arg-report-lang = Haberin yazıldığı dil (varsayılan: tr). --lang değil: o seçenek arayüzün dilini belirler
cli-import-arg-summary = Raporun kısa bir özeti; verilmezse raporun özeti olmaz (özet uydurulmaz)
cli-import-arg-id = Raporun kimliği (varsayılan: şehrin kimliği ve başlığın ilk sözcükleri, Türkçe harfler sadeleştirilmiş, en çok 60 karakter: ankara-belmek-basarisi-…)
cli-import-arg-replace = Aynı kimlikte bir rapor varsa reddetmek yerine onu (kendi yerinde) değiştirir
cli-import-arg-dry-run = Yeni raporu JSON olarak yazdırır, dosyaya hiçbir şey yazmaz

import-added = "{ $id }" raporu ({ $blocks } blok) { $file } dosyasına eklendi; önceki sürüm { $backup } olarak saklandı.
import-replaced = { $file } dosyasındaki "{ $id }" raporu yeni metinle ({ $blocks } blok) değiştirildi; önceki sürüm { $backup } olarak saklandı.
import-figures-dropped = Değiştirilen raporda { $n } sayı vardı; eski metinle birlikte kaldırıldı (önceki sürümde duruyor).
import-dry-run = hiçbir şey yazılmadı (--dry-run)
import-stdin = standart girdi

import-error-data = import, --into ile verilen derleme yazar; --data kullanmayın
import-error-title-empty = --title boş
import-error-id-empty = --id boş
import-error-date = --published "{ $date }" bir tarih değil: var olan bir günü YYYY, YYYY-AA ya da YYYY-AA-GG biçiminde yazın
import-error-source = --source "{ $url }" http:// ya da https:// ile başlayan bir web adresi değil; yayıncının adı --source-name ile verilir
import-error-lang = --report-lang "{ $lang }" tr ya da en gibi bir dil kodu değil
import-error-read = { $file } okunamıyor: { $reason }
import-error-too-large = { $file } { $limit } sınırından büyük
import-error-not-utf8 = { $file } UTF-8 metin değil ({ $line }. satır, { $column }. sütun, { $offset }. konumdaki { $byte } baytı); dosyayı UTF-8 olarak kaydedin
import-error-empty = { $file } hiç metin içermiyor
import-error-no-body = { $file } yalnızca bir başlık satırı içeriyor; raporun başlıktan sonra metni olmalı
import-error-into-missing = { $file } bulunamadı; import var olan bir derleme rapor ekler (data/corpus.json dosyasının bir kopyasıyla başlayın)
import-error-unknown-city = { $file } içinde "{ $city }" kimlikli bir şehir yok
import-error-did-you-mean = şunu mu demek istediniz: "{ $id }"?
import-error-no-slug = "{ $title }" başlığından kimlik oluşturulamıyor; --id ile bir kimlik verin
import-error-exists = { $file } içinde "{ $id }" kimlikli bir rapor zaten var; --replace onu değiştirir, --id yeni rapora başka bir kimlik verir
import-error-no-articles = { $file } içinde "articles" dizisi yok
import-error-parse = { $file } JSON olarak işlenemiyor: { $reason }
import-error-invalid = bu raporla { $file } geçerli bir derlem olmazdı; bu yüzden hiçbir şey yazılmadı ({ $n } sorun):
import-error-write = { $file } yazılamıyor: { $reason }; dosya değişmedi
import-error-sync = { $file } yazıldı, ancak sistem diske kaydedildiğini doğrulayamadı ({ $reason })
