# Words about the corpus's data: a city's status and join year, where it
# is, the orders of the city list, the facets of the search line.
# Values the search line and the command line take (region:, has:report,
# confirmed, unknown) stay as they are written.

## A city's membership: as a line of its card, and in one or two words.

status-line-confirmed = confirmed (an official page, or two sources that agree)
status-line-single-source = one source
status-line-disputed = sources disagree
# $notes: the corpus's note on how they disagree.
status-line-disputed-because = sources disagree: { $notes }
status-confirmed = confirmed
status-single-source = one source
status-disputed = sources disagree
# $year: the year as text.
city-joined = joined { $year }
city-joined-unknown = year unknown

## Where a city is: $degrees has two decimals.

coords-north = { $degrees }° N
coords-south = { $degrees }° S
coords-east = { $degrees }° E
coords-west = { $degrees }° W
coords = { $lat }, { $lon }
coords-geonames-how = { $at } (GeoNames: { $place }, { $how })
coords-geonames = { $at } (GeoNames: { $place })
coords-how = { $at } ({ $how })
coords-match-exact = exact match
coords-match-folded = matched without accents
coords-match-alternate = matched by another of its names
coords-match-seat = the main town of the district
coords-match-ambiguous = the largest of several places of that name

## The orders of the city list.

sort-name = by name
sort-country = by country
sort-region = by region
sort-joined = oldest first
sort-newest = newest first
sort-reports = by reports

## Facets: their headings, what their values look like, what `has:` means.

facet-region = Region
facet-country = Country
facet-joined = Join year
facet-status = Status
facet-has = Has
facet-expects-name = a name, or the start of its words
facet-expects-year = a year (2022), <2020, <=2020, >2020, >=2020, 2016..2019 or unknown
facet-expects-status = confirmed, single-source or disputed
facet-expects-has = report, coords, bookmark or unread
has-report = a report
has-coords = a place on the map
has-bookmark = a bookmarked report
has-unread = an unread report
# $facet: the facet as typed (joined); $value: in quotes.
facet-not-valid = { $facet }: { $value } is not { $expects }
facet-no-region = no region matches { $value }
facet-no-country = no country matches { $value }
