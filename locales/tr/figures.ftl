# Rapor sayılarının sözcükleri. Derlem bunları İngilizce yazar (birim
# "women", niteleyici "more than"); burada olmayan bir sözcük derlemdeki
# gibi gösterilir. Niteleyici iletileri $value (yazılmış sayı), $ablative
# (sayının aldığı ek: 'den, 'dan, 'ten, 'tan) ve $unit (boş olabilir) alır.

figure-unit-women = kadın
figure-unit-centres = merkez
figure-unit-branches = şube
figure-unit-capitals = başkent
figure-unit-cities = şehir
figure-unit-countries = ülke
figure-unit-people = kişi
figure-unit-learners = öğrenen
figure-unit-courses = kurs

figure-qualifier-more-than = { $value }{ $ablative } fazla { $unit }
figure-qualifier-over = { $value }{ $ablative } fazla { $unit }
figure-qualifier-about = yaklaşık { $value } { $unit }
figure-qualifier-nearly = neredeyse { $value } { $unit }
figure-qualifier-at-least = en az { $value } { $unit }
