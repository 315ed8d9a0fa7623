# What the commands print: list, show, search, stats, validate, config.

or = {" "}or{" "}
unknown = unknown
seconds = { $s } s
joined-year = joined { $year }
joined-unknown = join year unknown

cli-loading = loading { $file }…
cli-cannot-use-corpus = cannot use { $file } as a corpus ({ $n } { $n ->
    [one] problem
   *[other] problems
}):
cli-cannot-write = cannot write output: { $reason }
cli-cannot-write-json = cannot write JSON: { $reason }
cli-stdout-closed = standard output is closed; nothing could be printed
cli-validate-one = validate takes one corpus: { $file } or --data { $data }, not both

config-file = config file: { $file }
config-file-absent = config file: { $file } (not there: the defaults are used)
config-no-home = (none: no home directory)
config-marks = marks:       { $dir }
config-marks-none = (none: { $reason })
config-in-use-lang = language:    { $lang } ({ $source })
config-lang-flag = from --lang
config-lang-config = from the config file
config-lang-env = from { $var }
config-lang-default = the default: no LC_ALL, LC_MESSAGES or LANG
config-valid = the config file is valid
config-has-problems = the config file has { $problems }

list-col-id = ID
list-col-city = CITY
list-col-country = COUNTRY
list-col-joined = JOINED
list-col-status = STATUS
list-col-reports = REPORTS
list-none = none
list-count-of = { $n } of { $all } ({ $filter })
list-no-match = no city matches { $filter }
list-needs-value = --{ $option } needs a value: { $expects }
list-regions-are = { $msg }; the regions are { $regions }
list-countries-hint = { $msg }; `learncity stats` lists the countries with most cities
list-did-you-mean = { $msg }; did you mean { $near }?

show-no-id = no city or report with id { $id }; `learncity list` shows the city ids and `learncity search` finds reports
show-no-id-near = no city or report with id { $id }; did you mean { $near }?
show-local-name = Local name: { $name }
show-region = Region: { $region }
show-joined = Joined the UNESCO Global Network of Learning Cities: { $year }
show-status = Status: { $status }
show-coordinates = Coordinates: { $coords }
show-no-report = No report about this city in the corpus yet.
show-reports = Reports ({ $n })
show-sources = Sources
show-meta = City: { $city } · Source: { $source } · Published: { $published } · Language: { $lang } · { $words } · about { $minutes }
show-summary = Summary
show-figures = Figures

search-indexing = indexing { $n } reports…
search-no-marks = has:bookmark and has:unread filter by the reader's marks, which the command line does not read; in the reader, type /has:bookmark
search-no-words = the query { $query } has no words to search for
search-no-words-filter = the query { $query } has no words to search for; to see the cities a filter selects, use `learncity list` with --region, --country, --joined, --status or --has-reports
search-no-match = no match for { $query }
search-more = { $shown } of { $all } shown; --limit N shows more
search-kind-city = city
search-kind-report = article
search-report-about = report about { $city }

stats-summary = { $cities } in { $countries }, { $reports } ({ $with_report } with a report), { $words }, { $figures }.
stats-by-region = Cities by region
stats-region-unknown = region unknown
stats-top-countries = Countries with most cities (the top { $top } of { $all })
stats-by-country = Cities by country
stats-by-year = Cities by join year
stats-year-unknown = year unknown
stats-by-status = How each city's membership is sourced
stats-status-unknown = status unknown
stats-rounds = Admission rounds: announced and listed here
stats-network = Network growth
stats-with-reports = Cities with reports
stats-coverage = This corpus lists { $listed } of the network's { $total } member cities{ $date }: it is not the complete membership.
stats-coverage-countries = This corpus lists { $listed } of the network's { $total } member cities{ $date }, in { $countries_listed } of its { $countries_total }: it is not the complete membership.
stats-col-year = YEAR
stats-col-date = DATE
stats-col-new = NEW
stats-col-listed = LISTED
stats-col-network = NETWORK
stats-round-line = { $year }{ $date }: { $new } announced, { $listed } listed, { $network } in the network

validate-valid = { $file }: valid corpus (schema { $schema }): { $cities }, { $reports }, { $figures }, { $events }{ $rounds }
validate-bundled-name = corpus.json (bundled)
