# The command line's help: one message per command (cli-COMMAND-about)
# and per argument (cli-COMMAND-arg-NAME); -long-about, -after and
# -long are optional longer texts. Defaults and choices are written in the
# text: clap's "[default: …]" is hidden.

cli-heading-usage = Usage:
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-heading-commands = Commands
cli-value-command = COMMAND
cli-value-options = OPTIONS
cli-help-flag = Print help
cli-help-flag-short = Print help (see more with '--help')
cli-help-flag-long = Print help (see a summary with '-h')
cli-help-command = Print this message or the help of the given command

cli-error = error:
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-valid-values = possible values: { $values }
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-unknown-command = unrecognized command '{ $command }'
cli-error-missing = the following required arguments were not provided: '{ $args }'
cli-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-error-values = wrong number of values for '{ $arg }'
cli-error-suggestion = tip: a similar one exists: '{ $suggestion }'
cli-error-more = For more information, try '--help'.

cli-about = Read reports about UNESCO Learning Cities in the terminal
cli-long-about = Read reports about UNESCO Learning Cities in the terminal.

    Without a command, opens the interactive reader. The corpus read is the first there is of: --data FILE, $LEARNCITY_DATA, $XDG_DATA_HOME/learncity/corpus.json, /usr/share/learncity/corpus.json, the bundled corpus (--which says which; the format: docs/corpus-format.md).
cli-arg-data = Read this corpus file instead of the one found otherwise (see --which)
cli-arg-no-pager = Print long output directly instead of through $PAGER (less -R)
cli-arg-no-mouse = Leave the mouse to the terminal (its own selection and copy), as LEARNCITY_MOUSE=0 does
cli-arg-no-state = Read and write no marks, places or history (the reader keeps them in $XDG_STATE_HOME/learncity); LEARNCITY_STATE=off does the same
cli-arg-no-cache = Neither read nor write the cache of parsed corpora ($XDG_CACHE_HOME/learncity); LEARNCITY_CACHE=off does the same
cli-arg-version = Print the version, the bundled corpus and its credits
cli-arg-lang = The language of the interface: en or tr (default: the config file's lang, else LC_ALL, LC_MESSAGES or LANG)

cli-list-about = List the cities, or those of a region, country, join year or status
cli-list-after = Each filter takes several values, comma-separated or repeated (--region africa,europe); a city must pass every filter given. Regions and countries match by name or by the first letters of their words (--country korea). Exits 1 when no city passes.
cli-list-arg-region = Only cities of this UNESCO region (africa, "arab states", asia, europe, latin)
cli-list-arg-country = Only cities of this country
cli-list-arg-joined = Only cities that joined then: 2022, <2020, >=2020, 2016..2019 or unknown
cli-list-arg-status = Only cities whose membership is: confirmed, single-source or disputed
cli-list-arg-has-reports = Only cities with at least one report
cli-list-arg-sort = The order: name (the default), country, region, joined (oldest first), newest or reports
cli-list-arg-json = Print JSON instead of a table (see docs/corpus-format.md)

cli-show-about = Show a city (with its reports) or a report, by id
cli-show-arg-id = A city or report id, as printed by `list` or `search`
cli-show-arg-json = Print the city or report as JSON (see docs/corpus-format.md)

cli-search-about = Search cities and reports; exits 1 when nothing matches
cli-search-arg-query = Words to look for; every word must match
cli-search-arg-json = Print the hits as JSON, best first (see docs/corpus-format.md)
cli-search-arg-limit = Show at most N hits (default: 20)

cli-stats-about = Corpus-wide and per-city statistics, with every figure and its quote
cli-stats-arg-json = Print the statistics as JSON (see docs/corpus-format.md)

cli-config-about = Where the config file and your marks are; check the config file
cli-config-after = Without options: the config file's path and whether it is valid, and the state directory. --check exits 2 when the config file has a problem.
cli-config-arg-default = Print a config file with every setting at its default, commented
cli-config-arg-check = Check the config file: each problem as file:line:column

cli-validate-about = Check a corpus file and print every problem; exits 0 if valid, 2 if not
cli-validate-arg-file = The corpus file to check (or --data FILE; without either, the corpus in effect: see --which)

cli-cache-about = Show or remove the cache of parsed corpora
cli-cache-after = A corpus file given with --data (or found by --which) is parsed and indexed once; the result is kept in $XDG_CACHE_HOME/learncity (~/.cache/learncity) and opened without parsing while the file is unchanged. The bundled corpus is not cached.
cli-cache-info-about = Where the cache is, its files, and whether each is current
cli-cache-clear-about = Remove every cache file
