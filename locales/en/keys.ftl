# The reader's keys: what each binding does (the help overlay, the README's
# key table and the comments of `learncity config --default`), and the
# names of the help's sections. One message per binding of
# src/tui/keys.rs; bindings that do the same thing share one.

keys-section-global = In every pane
keys-section-cities = { reader-pane-cities }
keys-section-viewer = { reader-pane-viewer }
keys-section-statistics = { reader-pane-statistics }
keys-section-search = Search line
keys-section-picker = Facet picker
keys-section-outline = Outline
keys-section-find = Find in text
keys-section-help = This help
keys-section-always = Always, even while typing
keys-section-mouse = Mouse

keys-table-where = Where
keys-table-keys = Keys
keys-table-what = What they do

keys-quit = quit
keys-quit-anywhere = quit, from anywhere
keys-help = show this help
keys-search = search cities and reports
keys-back = back to { reader-pane-cities }; in { reader-pane-cities }, leave the results
keys-focus-next = next pane
keys-focus-prev = previous pane
keys-focus-left = pane to the left
keys-focus-right = pane to the right
keys-down = down one line or item
keys-up = up one line or item
keys-half-page-down = down half a page
keys-half-page-up = up half a page
keys-page-down = down a page
keys-page-up = up a page
keys-top = to the top
keys-bottom = to the end
keys-next-match = next match of the last search below the top of the screen
keys-prev-match = previous match above the top of the screen
keys-picker = filter by region, country, join year, status (facet picker)
keys-reports = only the cities with reports, or all of them again
keys-map = the world map in the { reader-pane-statistics }, or not
keys-zoom = the focused pane alone, full screen (the { reader-pane-viewer } without borders), or back
keys-suspend = suspend to the shell (fg returns)
keys-toggle-read = mark the report read or unread (on a city: all its reports)
keys-toggle-bookmark = bookmark the report, or take the bookmark off (has:bookmark lists them)
keys-copy = copy: the id in { reader-pane-cities }, the paragraph or heading in the { reader-pane-viewer }, the figure with its sentence and source in the { reader-pane-statistics }
keys-copy-report = copy the open report as Markdown
keys-open-source = open the source of the report or city: $BROWSER when there is a display, else show the address whole
keys-outline = outline: the open text's headings, to jump to one
keys-text-order = a report's English summary first, or its own text first

keys-cities-open = open a report; show or hide a city's reports
keys-cities-sort = next order: name, country, region, oldest, newest, reports
keys-cities-sort-back = previous order

keys-find = find in this text only (whole words or their start; n/N for the next)
keys-next-heading = next heading
keys-prev-heading = previous heading
keys-next-paragraph = next paragraph
keys-prev-paragraph = previous paragraph (or the start of this one)

keys-statistics-open = show the sentence that states the figure

keys-search-accept = open the selected hit and keep the results
keys-search-cancel = cancel: back to where you were
keys-search-up = earlier search (empty line), else up in the results
keys-search-down = later search (empty line), else down in the results
keys-search-complete = complete a facet (region: country: joined: status: has:); again for the next
keys-search-complete-back = the previous completion
keys-search-results-up = up in the results
keys-search-results-down = down in the results

keys-picker-close = close the picker (the filter stays; Esc in { reader-pane-cities } clears it)
keys-picker-toggle = check or uncheck the value: checked values of one facet are alternatives
keys-picker-down = next value
keys-picker-up = previous value
keys-picker-next-facet = next facet
keys-picker-prev-facet = previous facet
keys-picker-clear = uncheck everything

keys-outline-close = close the outline
keys-outline-open = go to the heading
keys-outline-top = the first heading
keys-outline-bottom = the last heading

keys-find-accept = go to the first match from the top of the screen
keys-find-cancel = cancel: back to the place from before, the pattern kept for n/N

keys-help-close = close the help
keys-help-down = scroll down
keys-help-up = scroll up

# The mouse: what each thing is called, and what it does.
keys-mouse-wheel = Wheel
keys-mouse-wheel-does = scroll the pane under the pointer, { $lines } lines
keys-mouse-click = Click
keys-mouse-click-does = focus a pane; select a row; switch tabs; trace a figure; open an address (as o)
keys-mouse-double = Double-click
keys-mouse-double-does = open, as Enter does
keys-mouse-shift-drag = Shift-drag
keys-mouse-shift-drag-does = select text with the terminal (most terminals); --no-mouse or LEARNCITY_MOUSE=0 leaves the mouse to it
