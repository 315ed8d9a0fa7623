# The config file: its problems, each after `file:line:column: `, and the
# comments of the file `learncity config --default` prints. Setting
# names, tables ([colours], [keys]) and values ("en", true, "ctrl-d")
# stay as the file writes them; $name and $value come in quotes.

config-cannot-read = { $file }: cannot be read ({ $reason }); the defaults are used
# $reason: the TOML parser's own words.
config-not-toml = { $reason }; the whole file is ignored, the defaults are used
config-boolean = { $key } is true or false
config-lang = lang is "en", "tr" or "auto" (the locale decides)
config-colours-table = colours is a table: [colours]
config-keys-table = keys is a table: [keys]
config-unknown-setting = unknown setting { $name } (lang, mouse, hyperlinks, [colours], [keys])
config-no-colour = no colour is called { $name } ({ $names })
config-not-a-colour = { $value } is not one of the 16 terminal colours ({ $names }); the default is kept
config-group-table = keys.{ $group } is a table: [keys.{ $group }]
config-no-table = [{ $table }] has no table { $name }
config-not-a-key = { $value } is not a key (q, G, ?, ctrl-d, space, enter, esc, tab, shift-tab, up, pgdn, home, f1…)
config-key-not-string = a key is a string, such as "q" or "ctrl-d"
config-no-action = [{ $table }] has no action { $name } (learncity config --default lists them)

## The default file's comments: each line becomes a `# ` line. No line
## may read `name = value` (it would be taken for a setting).

config-default-intro =
    learncity configuration: $XDG_CONFIG_HOME/learncity/config.toml
    (~/.config/learncity/config.toml). Every setting is shown with its
    default, commented out: remove the # to change one. A bad entry is
    reported with its line and column, and its default kept.
config-default-lang =
    The interface's language: "en", "tr", or "auto" to follow LC_ALL,
    LC_MESSAGES or LANG (tr_TR.UTF-8 is Turkish). --lang overrides it.
config-default-mouse = Take the mouse (clicks, the wheel); false leaves it to the terminal.
config-default-hyperlinks = Draw web addresses as links the terminal can open (OSC 8).
config-default-colours =
    The colours of the colour theme, by the names of the 16 terminal
    colours: black, red, green, yellow, blue, magenta, cyan, white and
    bright-black … bright-white. NO_COLOR turns all colour off.
config-default-keys =
    Keys: action = "key" or ["key", "key"]. A key written here is taken
    from any other action it had in the same place. Keys are written as
    q, G, ?, ctrl-d, space, enter, esc, tab, shift-tab, up, down, left,
    right, pgup, pgdn, home, end, f1 … f12. The help (?) shows the keys
    in use.
config-colour-accent = the focused pane's border, the bars of charts
config-colour-match = behind search matches (with black text)
config-colour-current = behind the match n/N went to
config-colour-sentence = behind the sentence a figure was traced to
config-colour-map = the cities on the world map
