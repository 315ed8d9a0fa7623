//! The config file, `$XDG_CONFIG_HOME/learncity/config.toml`: keys for any
//! action, the colours of the colour theme (the 16 terminal colours, by
//! name), the mouse and hyperlinks. Every entry is checked on its own: a
//! bad one is reported with its line and column and its default kept, so
//! one typo never costs the rest of the file.

use std::path::PathBuf;

use ratatui::style::Color;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::tui::keys::{self, Group, Keymap};

pub const FILE: &str = "config.toml";

/// What a config file sets; `None` where it says nothing.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub mouse: Option<bool>,
    pub hyperlinks: Option<bool>,
    pub colours: Vec<(Slot, Color)>,
    pub keymap: Option<Keymap>,
    /// One message per bad entry: `file:line:column: what`.
    pub problems: Vec<String>,
}

/// The colours a config file can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Accent,
    Match,
    Current,
    Sentence,
    Map,
}

impl Slot {
    /// Each colour: its name in the file, its default, and the message
    /// that says what it colours.
    pub const ALL: [(Slot, &'static str, &'static str, &'static str); 5] = [
        (Slot::Accent, "accent", "cyan", "config-colour-accent"),
        (Slot::Match, "match", "yellow", "config-colour-match"),
        (Slot::Current, "current", "cyan", "config-colour-current"),
        (
            Slot::Sentence,
            "sentence",
            "green",
            "config-colour-sentence",
        ),
        (Slot::Map, "map", "red", "config-colour-map"),
    ];
}

/// The 16 colours by name, as terminals number them (30–37, 90–97).
const COLOURS: [(&str, Color); 16] = [
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("white", Color::Gray),
    ("bright-black", Color::DarkGray),
    ("bright-red", Color::LightRed),
    ("bright-green", Color::LightGreen),
    ("bright-yellow", Color::LightYellow),
    ("bright-blue", Color::LightBlue),
    ("bright-magenta", Color::LightMagenta),
    ("bright-cyan", Color::LightCyan),
    ("bright-white", Color::White),
];

fn colour(name: &str) -> Option<Color> {
    let n = name.trim().to_ascii_lowercase().replace(['_', ' '], "-");
    let n = match n.as_str() {
        "grey" | "gray" | "dark-grey" | "dark-gray" => "bright-black",
        other => other,
    };
    COLOURS.iter().find(|(c, _)| *c == n).map(|(_, c)| *c)
}

/// Where the config file is: `$XDG_CONFIG_HOME/learncity/config.toml`.
pub fn path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|b| b.config_dir().join("learncity").join(FILE))
}

/// The config file's text as read once per process: the language is
/// needed before anything is printed (`lang`), the rest when the reader
/// starts, and the file is read from disk only once for both.
fn read() -> &'static Option<(PathBuf, std::io::Result<String>)> {
    static TEXT: std::sync::OnceLock<Option<(PathBuf, std::io::Result<String>)>> =
        std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        path().map(|p| {
            let text = std::fs::read_to_string(&p);
            (p, text)
        })
    })
}

/// The file's `lang`, if it names a language we speak; anything wrong
/// with it is reported by [`load`], in the language then chosen.
pub fn lang() -> Option<crate::i18n::Lang> {
    let Some((_, Ok(text))) = read() else {
        return None;
    };
    let table = DeTable::parse(text).ok()?;
    let value = table.get_ref().get("lang")?;
    value.get_ref().as_str().and_then(crate::i18n::Lang::parse)
}

/// Reads the config file; no file is no config, silently.
pub fn load() -> Config {
    let Some((path, text)) = read() else {
        return Config::default();
    };
    let name = crate::corpus::display_name(path);
    match text {
        Ok(text) => parse(text, &name),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
        Err(e) => Config {
            problems: vec![crate::t!(
                "config-cannot-read",
                file = name,
                reason = crate::corpus::io_reason(e)
            )],
            ..Config::default()
        },
    }
}

/// Line and column (from 1) of a byte offset.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

struct Reader<'a> {
    text: &'a str,
    name: &'a str,
    /// By place in the file: the parser's tables are not in file order.
    problems: Vec<(usize, String)>,
}

impl Reader<'_> {
    fn bad(&mut self, span: std::ops::Range<usize>, what: String) {
        let (l, c) = line_col(self.text, span.start);
        self.problems
            .push((span.start, format!("{}:{l}:{c}: {what}", self.name)));
    }

    fn boolean(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<bool> {
        let b = v.get_ref().as_bool();
        if b.is_none() {
            self.bad(v.span(), crate::t!("config-boolean", key = key));
        }
        b
    }
}

/// Reads a config file's text; `name` is how messages name it.
pub fn parse(text: &str, name: &str) -> Config {
    let mut r = Reader {
        text,
        name,
        problems: Vec::new(),
    };
    let mut config = Config::default();
    let table = match DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            let (l, c) = line_col(text, e.span().map_or(0, |s| s.start));
            // The TOML parser's own words stay as it writes them.
            let msg = e.message().trim().to_owned();
            config.problems = vec![format!(
                "{name}:{l}:{c}: {}",
                crate::t!("config-not-toml", reason = msg)
            )];
            return config;
        }
    };
    for (key, value) in table.get_ref() {
        match &**key.get_ref() {
            "lang" => {
                // Read before anything is printed (`lang`); checked here.
                let ok = value
                    .get_ref()
                    .as_str()
                    .is_some_and(|v| v == "auto" || crate::i18n::Lang::parse(v).is_some());
                if !ok {
                    r.bad(value.span(), crate::t!("config-lang"));
                }
            }
            "mouse" => config.mouse = r.boolean(value, "mouse"),
            "hyperlinks" => config.hyperlinks = r.boolean(value, "hyperlinks"),
            "colours" | "colors" => match value.get_ref().as_table() {
                Some(t) => config.colours = colours(&mut r, t),
                None => r.bad(value.span(), crate::t!("config-colours-table")),
            },
            "keys" => match value.get_ref().as_table() {
                Some(t) => config.keymap = Some(keymap(&mut r, t)),
                None => r.bad(value.span(), crate::t!("config-keys-table")),
            },
            other => r.bad(
                key.span(),
                crate::t!("config-unknown-setting", name = format!("{other:?}")),
            ),
        }
    }
    r.problems.sort();
    config.problems = r.problems.into_iter().map(|(_, p)| p).collect();
    config
}

fn colours(r: &mut Reader, t: &DeTable) -> Vec<(Slot, Color)> {
    let mut out = Vec::new();
    for (key, value) in t {
        let Some(&(slot, ..)) = Slot::ALL.iter().find(|s| s.1 == &**key.get_ref()) else {
            let names: Vec<&str> = Slot::ALL.iter().map(|s| s.1).collect();
            r.bad(
                key.span(),
                crate::t!(
                    "config-no-colour",
                    name = format!("{:?}", key.get_ref()),
                    names = names.join(", ")
                ),
            );
            continue;
        };
        match value.get_ref().as_str().and_then(colour) {
            Some(c) => out.push((slot, c)),
            None => {
                let names: Vec<&str> = COLOURS.iter().map(|c| c.0).collect();
                r.bad(
                    value.span(),
                    crate::t!(
                        "config-not-a-colour",
                        value = format!("{:?}", value.get_ref().as_str().unwrap_or("?")),
                        names = names.join(", ")
                    ),
                );
            }
        }
    }
    out
}

fn keymap(r: &mut Reader, t: &DeTable) -> Keymap {
    let mut map = Keymap::default();
    bind_group(r, &mut map, Group::Panes, "keys", t);
    for (key, value) in t {
        let Some(&(group, gname)) = Group::ALL
            .iter()
            .find(|(_, n)| !n.is_empty() && *n == &**key.get_ref())
        else {
            continue;
        };
        match value.get_ref().as_table() {
            Some(sub) => bind_group(r, &mut map, group, gname, sub),
            None => r.bad(value.span(), crate::t!("config-group-table", group = gname)),
        }
    }
    map
}

/// `action = "key"` or `action = ["key", …]` for the actions of `group`.
fn bind_group(r: &mut Reader, map: &mut Keymap, group: Group, table: &str, t: &DeTable) {
    for (key, value) in t {
        let name: &str = key.get_ref();
        if value.get_ref().is_table() {
            if group == Group::Panes && Group::ALL.iter().any(|(_, n)| *n == name) {
                continue;
            }
            r.bad(
                key.span(),
                crate::t!("config-no-table", table = table, name = format!("{name:?}")),
            );
            continue;
        }
        let texts: Vec<&Spanned<DeValue>> = match value.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            _ => vec![value],
        };
        let mut keys_of = Vec::new();
        let mut ok = true;
        for item in texts {
            match item.get_ref().as_str().map(|s| (s, keys::parse_key(s))) {
                Some((_, Some(k))) => keys_of.push(k),
                Some((s, None)) => {
                    ok = false;
                    r.bad(
                        item.span(),
                        crate::t!("config-not-a-key", value = format!("{s:?}")),
                    );
                }
                None => {
                    ok = false;
                    r.bad(item.span(), crate::t!("config-key-not-string"));
                }
            }
        }
        if !ok {
            continue;
        }
        if !map.rebind(group, name, &keys_of) {
            r.bad(
                key.span(),
                crate::t!(
                    "config-no-action",
                    table = table,
                    name = format!("{name:?}")
                ),
            );
        }
    }
}

/// `text`'s lines as TOML comments.
fn comment(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "#\n".to_owned()
            } else {
                format!("# {l}\n")
            }
        })
        .collect()
}

/// A config file with every setting at its default, commented out, to
/// copy and change (`learncity config --default`). The comments are in the
/// interface's language; the settings are the same in every language.
pub fn default_file() -> String {
    let mut s = comment(&crate::t!("config-default-intro"));
    s.push('\n');
    s.push_str(&comment(&crate::t!("config-default-lang")));
    s.push_str("# lang = \"auto\"\n\n");
    s.push_str(&comment(&crate::t!("config-default-mouse")));
    s.push_str("# mouse = true\n\n");
    s.push_str(&comment(&crate::t!("config-default-hyperlinks")));
    s.push_str("# hyperlinks = true\n\n");
    s.push_str(&comment(&crate::t!("config-default-colours")));
    s.push_str("[colours]\n");
    for (_, name, default, what) in Slot::ALL {
        let what = crate::i18n::text(what, &[]);
        s.push_str(&format!("# {name} = \"{default}\"    # {what}\n"));
    }
    s.push('\n');
    s.push_str(&comment(&crate::t!("config-default-keys")));
    let map = Keymap::default();
    for (group, gname) in Group::ALL {
        if gname.is_empty() {
            s.push_str("[keys]\n");
        } else {
            s.push_str(&format!("\n[keys.{gname}]\n"));
        }
        for (name, b) in map.names(group) {
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|&(code, mods)| format!("{:?}", keys::config_key_name(code, mods)))
                .collect();
            s.push_str(&format!(
                "# {name} = [{}]    # {}\n",
                keys.join(", "),
                keys::describe(b.help)
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests;
