# Where the corpus comes from (--which), shell completions, the manual
# page and --version.

## The command line's help (see cli.ftl for how the keys are made)

cli-arg-which = Print which corpus is used and why (every place looked at, in order), then exit
which-alone = --which takes no command: it only says which corpus the others would read
cli-completions-about = Print a completion script for a shell
cli-completions-after = For example: learncity completions bash > ~/.local/share/bash-completion/completions/learncity (the README has zsh and fish). After `show`, bash, zsh and fish complete the ids of the corpus in effect when Tab is pressed.
cli-completions-arg-shell = The shell: bash, zsh, fish, elvish or powershell
cli-man-about = Print the manual page (roff): commands, the reader's keys, environment variables and files
cli-man-after = For example: mkdir -p ~/.local/share/man/man1 && learncity man > ~/.local/share/man/man1/learncity.1, then man learncity

## learncity --which

which-from-flag = { $path } (from --data)
which-from-env = { $path } (from $LEARNCITY_DATA)
which-from-user = { $path } (from { $place })
which-from-system = { $path } (the system-wide corpus)
which-bundled = bundled corpus ({ $reasons })
which-why-no-flag = no --data
which-why-env-unset = $LEARNCITY_DATA unset
which-why-no-file = no { $path }
which-why-no-home = no home directory
which-heading = Places looked at, in order (the first that has a corpus is used):
which-step = { $n }. { $place }: { $seen }
which-place-flag = --data FILE
which-place-env = $LEARNCITY_DATA
which-place-user = { $path } ({ $place })
which-place-system = { $path }
which-place-bundled = the bundled corpus
which-seen-not-given = not given
which-seen-unset = unset
which-seen-empty = empty, so unset
which-seen-missing = no such file
which-seen-no-home = no home directory
which-seen-used = used
which-seen-used-file = { $path }, used
which-seen-skipped = not looked at
which-error-env-missing = $LEARNCITY_DATA names { $path }, which does not exist (unset it, or name a corpus file)

## learncity man: the sections clap_mangen does not write, and the
## headings of those it does

man-manual = learncity manual
man-section-name = NAME
man-section-synopsis = SYNOPSIS
man-section-description = DESCRIPTION
man-section-commands = COMMANDS
man-section-keys = KEYS IN THE READER
man-section-environment = ENVIRONMENT
man-section-files = FILES
man-section-exit-status = EXIT STATUS
man-section-credits = CREDITS
man-keys-intro = The reader (learncity without a command) takes these keys; the ? key shows them too, with any the config file changes.
man-env-learncity-data = A corpus file to read when --data is not given. Empty counts as unset; a file that does not exist is an error.
man-env-xdg-data-home = Where the user's corpus is looked for: $XDG_DATA_HOME/learncity/corpus.json (default ~/.local/share/learncity/corpus.json).
man-env-xdg-config-home = Where the config file is: $XDG_CONFIG_HOME/learncity/config.toml (default ~/.config/learncity/config.toml).
man-env-xdg-state-home = Where the reader keeps your marks, places and history: $XDG_STATE_HOME/learncity (default ~/.local/state/learncity).
man-env-lang = The interface's language, when neither --lang nor the config file's lang sets it: the first of them that is set decides; tr_TR and the like give Turkish, anything else English.
man-env-no-color = Any non-empty value turns colour off; the reader keeps bold, underline, reverse, faint and italic, the commands bold and underline.
man-env-term = dumb turns colour off; dumb, linux and vt100 turn off hyperlinks and clipboard copying.
man-env-columns = The width of the command line's output when it is not a terminal (default 80).
man-env-pager = The pager for long output on a terminal (default less -R, with LESS=FRX when LESS is unset); empty or cat prints directly.
man-env-browser = The program o opens addresses with (a colon-separated list is tried in turn), when DISPLAY or WAYLAND_DISPLAY says there is a display; without one, the address is shown whole instead.
man-env-learncity-mouse = 0 leaves the mouse to the terminal, as --no-mouse does.
man-env-learncity-state = off (or 0, no, false) reads and writes no marks, as --no-state does.
man-env-learncity-hyperlinks = 0 writes web addresses as plain text instead of hyperlinks (OSC 8).
man-file-config = The config file: keys, colours, mouse, hyperlinks, language. learncity config --default prints one with every setting at its default.
man-file-state = The reader's marks, places and history, one directory per corpus.
man-env-xdg-cache-home = Where parsed and indexed corpus files are cached: $XDG_CACHE_HOME/learncity (default ~/.cache/learncity).
man-env-learncity-cache = off (or 0, no, false) neither reads nor writes the cache, as --no-cache does.
man-file-cache = One file per corpus file: its reports and search index, opened without parsing while the corpus file is unchanged. Safe to delete (learncity cache clear).
man-file-user-corpus = The user's corpus, read when neither --data nor $LEARNCITY_DATA names one.
man-file-system-corpus = The corpus an administrator installed for everyone on the machine, read when the user has none. Without any of these, the corpus bundled in the program is read; learncity --which says which one is used and why.
man-exit-0 = Success.
man-exit-1 = A search found nothing, or list filters matched no city.
man-exit-2 = Bad usage, an unknown id, a corpus that cannot be read or is not valid, or output that could not be written; the message is on standard error.

## learncity --version

version-bundled = Bundled corpus: { $title }: { $cities } ({ $placed } on the map), { $reports }
version-untitled = untitled
version-rounds = ; admission rounds to { $date }
version-credit-directory = Member directory: compiled from public announcements of each admission round (data/gnlc/README.md)
version-credit-coordinates = Coordinates: GeoNames (geonames.org), CC BY 4.0
version-credit-outline = World outline: ratatui's world map (gnuplotting.org)
