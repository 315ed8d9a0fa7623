# The words of a report's figures. The corpus states them in English
# (unit "women", qualifier "more than"); a word not listed here is shown as
# the corpus has it. Qualifier messages get $value (the number, written),
# $ablative (the Turkish suffix the number takes: 'den, 'dan, 'ten, 'tan)
# and $unit (may be empty).

figure-unit-women = women
figure-unit-centres = centres
figure-unit-branches = branches
figure-unit-capitals = capitals
figure-unit-cities = cities
figure-unit-countries = countries
figure-unit-people = people
figure-unit-learners = learners
figure-unit-courses = courses

figure-qualifier-more-than = more than { $value } { $unit }
figure-qualifier-over = over { $value } { $unit }
figure-qualifier-about = about { $value } { $unit }
figure-qualifier-nearly = nearly { $value } { $unit }
figure-qualifier-at-least = at least { $value } { $unit }
