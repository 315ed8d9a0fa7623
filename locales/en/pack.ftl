# Where the corpus comes from (--which) and --version.

## The command line's help (see cli.ftl for how the keys are made)

cli-arg-which = Print which corpus is used and why (every place looked at, in order), then exit

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

## learncity --version

version-bundled = Bundled corpus: { $title }: { $cities } ({ $placed } on the map), { $reports }
version-untitled = untitled
version-rounds = ; admission rounds to { $date }
version-credit-directory = Member directory: compiled from public announcements of each admission round (data/gnlc/README.md)
version-credit-coordinates = Coordinates: GeoNames (geonames.org), CC BY 4.0
version-credit-outline = World outline: ratatui's world map (gnuplotting.org)
