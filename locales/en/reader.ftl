# The reader: pane titles, the search and status lines, the overlays, the
# statistics pane and every message of the reader. Numbers are passed as
# numbers and written the language's way; years are passed as text.

## Panes and frames
reader-pane-cities = Cities
reader-pane-viewer = Viewer
reader-pane-statistics = Statistics
# "↑ 3 more" on a scrolled pane's border.
reader-more = { $arrow } { $n } more
reader-too-small = Terminal too small: { $width }×{ $height }, need { $min_width }×{ $min_height }

## The help overlay
reader-help-title = Keys
reader-help-hint = q closes
reader-help-hint-scroll = j/k scroll · q closes

## The search line at the top
reader-search-prompt = Search:
reader-filter-prompt = Filter:
reader-find-prompt = Find in text:
# With a filter: "36 of 320 cities".
reader-search-filtered = { $shown } of { $cities }
reader-search-hint-long = press / to search, f to filter by region, country, year
reader-search-hint = press / to search, f to filter
reader-search-hint-short = / search · f filter

## The tabs of the narrow layout
reader-tabs-hint = Tab switches

## The key hints of the status line
reader-hint-help = help
reader-hint-quit = quit
reader-hint-panes = panes
reader-hint-search = search
reader-hint-find = find in text
reader-hint-filter = filter
reader-hint-map = map
reader-hint-matches = matches
reader-hint-outline = outline
reader-hint-zoom = zoom
reader-hint-all-panes = all panes
reader-hint-open = open
reader-hint-cancel = cancel
reader-hint-facets = facets
reader-hint-history = history
reader-hint-move = move
reader-hint-first-match = go to the first match

## The corpus's facts in words
# $note is the corpus's own note, as it is.

## The city list
reader-list-no-match = No match. Esc goes back.
reader-list-empty = The corpus has no cities.
# Beside a city: how many of its reports are unread.
reader-list-unread = { $n } unread

## The viewer
# What the viewer shows, after its name in the frame.
reader-viewer-report = report
reader-viewer-city = city
# The heading the top line is under, in the frame.
reader-section = section: { $section }

## The statistics pane's frame and charts
reader-statistics-map = map
reader-chart-join-years = Cities by join year
reader-chart-join-years-filtered = Cities by join year (filtered)
reader-chart-growth = Network growth (cities, as announced)

## The facet picker
reader-picker-title = Filter
# "36 of 320" cities shown.
reader-picker-some = { $shown } of { $all }
reader-picker-all = every city
reader-picker-hint = Space checks · Tab next facet · c clears · Esc

## The outline
reader-outline-title = Outline
reader-outline-hint = Enter goes there · Esc

## The address box of o
reader-popup-title = Source (no browser here: click it, or y copies it)

## A report in the viewer
reader-report-source-unknown = source unknown
reader-report-date-unknown = date unknown
# "328 words · about 2 min"
reader-report-length = { $words } · about { $minutes }
reader-report-summary = Summary (English)
# Under a report's title: which comes first, and the key that swaps them.
reader-order-summary-first = Summary first, then the text
reader-order-summary-first-key = Summary first · { $key }: text first
reader-order-text-first = Text first, the summary after it
reader-order-text-first-key = Text first, summary last · { $key }: summary first

## A city in the viewer
reader-city-country-unknown = country unknown
reader-city-status = Status: { $status }
# $place: where the city is, as the corpus's coordinates say.
reader-city-at = At { $place }
reader-city-not-on-map = Not on the map: no coordinates
reader-city-no-report = No report about this city in the corpus yet.
reader-city-reports = Reports ({ $n })
reader-city-sources = Sources

## Where the reader is in a text (the viewer's frame)
reader-line = line { $at }/{ $total }
reader-place-all = all
reader-place-top = top
reader-place-end = end

## Moving in a text
reader-no-headings = this text has no headings
reader-no-heading-below = no heading below
reader-no-heading-above = no heading above
reader-no-paragraph-below = no paragraph below
reader-no-paragraph-above = no paragraph above
reader-no-search-yet = no search yet: press / to search
reader-no-match-for = no match for “{ $pattern }” in this text
reader-match = match { $at }/{ $total }
reader-search-wrapped = search wrapped · { $status }

## Messages of the status line
reader-no-shell = no shell to return to here: Ctrl-Z does nothing
reader-results-by-relevance = results are sorted by relevance; Esc leaves them
reader-sorted = sorted { $order }
reader-browser-failed = no browser of $BROWSER could start ({ $error }); here is the address
reader-nothing-to-find-in = nothing open to find in
reader-not-in-this-text = not in this text: { $query }
reader-nothing-to-outline = nothing open to outline
reader-no-report-to-mark = no report here to mark
reader-marked-read = marked read
reader-marked-unread = marked unread
# $reports: "3 reports".
reader-marked-reports-read = { $reports } marked read
reader-marked-reports-unread = { $reports } marked unread
reader-bookmarks-are-for-reports = bookmarks are for reports: select or open one
reader-bookmarked = bookmarked (has:bookmark in / lists the bookmarks)
reader-bookmark-off = bookmark taken off
reader-report-no-address = this report gives no source address; its city's sources are in the city view
reader-no-address = no web address for this one
reader-opening = opening in { $browser }: { $url }
reader-every-city-again = every city again (r: only those with reports)
reader-only-with-reports = only cities with reports: { $n } (r again: all)
# $cities: "320 cities".
reader-map-shown = map: { $placed } of { $cities } placed (m hides it)
reader-map-hidden = map hidden (m shows it)
reader-city-has-no-report = no report about this city in the corpus yet
reader-no-figure-to-trace = no figure to trace for this city
reader-no-figure-on-screen = no figure on screen: k or g goes back to the figures
# $figure: the figure's label, from the corpus.
reader-stated-here = “{ $figure }” is stated here
reader-quote-not-found = the quote was not found in the report
reader-matches-in-text = { $n ->
    [0] no match in this text
    [one] 1 match in this text
   *[other] { $n } matches in this text
}

## Copying (y, Y)
reader-copy-report-needs-one = Y copies a report: open one first
reader-nothing-to-copy = nothing here to copy
reader-no-clipboard = this terminal cannot take a clipboard write (TERM)
# $what: what went, as below; $characters: "412 characters".
reader-copied = copied { $what }, { $characters }
reader-copied-cut = copied { $what }, cut to its first { $characters } (terminals refuse longer clipboard writes)
reader-copied-address = the address
reader-copied-city-id = the city id { $id }
reader-copied-report-id = the report id { $id }
reader-copied-heading = 1 heading
reader-copied-link = 1 address
reader-copied-quote = 1 quote
reader-copied-paragraph = 1 paragraph
reader-copied-figure = the figure { $amount }
reader-copied-markdown = the report as Markdown
# In a copied figure: where it comes from.
reader-copy-report = report { $id }

## The statistics pane
reader-stats-this-report = This report
# $words: "328 words"; $minutes: "2 min".
reader-stats-report-length = { $words } · about { $minutes } to read
# $words: the report's most frequent words, each with its count.
reader-stats-frequent = Frequent: { $words }
reader-stats-placed = { $placed } of { $cities } placed
reader-stats-placed-filtered = { $placed } of the { $filtered } filtered cities placed ({ $placed_all } of { $all } in all)
reader-stats-no-coordinates = { $city } has no coordinates
reader-stats-map-filtered = filtered
reader-stats-map-others = others
reader-stats-map-credit = Coordinates: GeoNames (geonames.org), CC BY 4.0
reader-stats-no-city = No city selected
reader-stats-no-figures = Its reports state no figures.
reader-stats-figures = Figures · Enter shows the source
# When the corpus does not name its network.
reader-stats-network = The network
# $cities: "425 cities"; $countries: "91 countries".
reader-stats-network-size = { $cities } in { $countries }
reader-stats-network-size-unknown = { $cities } in ? countries
reader-stats-listed-here = Listed here: { $listed } of { $total }, not the complete membership
reader-stats-corpus = Corpus: { $cities }, { $with_reports } with reports; { $reports }, { $figures }
reader-stats-filtered = Filtered: { $shown } of { $cities } · in { $countries }
reader-stats-by-region = Cities by region
reader-stats-by-region-filtered = Cities by region (filtered)
reader-stats-unknown = unknown
reader-stats-top-countries = Countries with most cities
reader-stats-top-countries-filtered = Countries with most cities (filtered)
reader-stats-by-country = Cities by country
reader-stats-by-country-filtered = Cities by country (filtered)
reader-stats-more-countries = and { $countries } more
reader-stats-sourced = How membership is sourced
reader-stats-sourced-filtered = How membership is sourced (filtered)
reader-stats-rounds = Listed here per admission round
reader-stats-no-count = (no count announced)
reader-stats-round-sources = Sources of the rounds

## The search line's completion, starting, saving
reader-tab-completes = Tab completes facets: region: country: joined: status: has:
reader-needs-terminal = the reader needs a terminal; for scripts use `learncity list`, `search`, `show` or `stats` (see --help)
# $reports: "2 reports".
reader-indexing = indexing { $reports }…
# $problem: the config file's first problem; $n: how many more it has.
reader-config-more-problems = { $problem } (and { $n } more: learncity config --check)
# $why: the reason, from the system.
reader-not-saving = marks are not being saved: { $why }
# $BROWSER names no browser at all (only colons or spaces).
reader-no-browser-named = no browser named
