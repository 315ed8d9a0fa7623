# Derlem dosyasındaki sorunlar; validate ve yükleyici böyle bildirir.

error-more-problems = … ve { $n } sorun daha
