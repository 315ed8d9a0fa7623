//! `learncity man`: the manual page, in roff, in the interface's language.
//!
//! clap_mangen writes the name, synopsis, description and options from
//! the localized command line (`localize::command`), section by section,
//! so the headings it writes in English are put in our words. Written
//! here, with roff's escaping (`clap_mangen::roff`): each command with its
//! options, the reader's keys (from the key table the reader uses,
//! `tui::keys::help_sections`), the environment, the files, the exit
//! statuses and the credits.

use clap::Command;
use clap_mangen::roff::{bold, italic, roman, Inline, Roff};
use clap_mangen::Man;

use crate::t;
use crate::tui::keys;

/// roff's definition of the apostrophe string that its text lines use;
/// each rendered section starts with it, the page needs it once.
const PREAMBLE: [&str; 2] = [r".ie \n(.g .ds Aq \(aq", r".el .ds Aq '"];

pub fn page() -> String {
    let cmd = super::localize::command();
    let man = Man::new(cmd.clone());
    let mut page = String::new();
    page.push_str(&format!(
        ".TH LEARNCITY 1 \"\" {} {}\n",
        quoted(&format!("learncity {}", env!("CARGO_PKG_VERSION"))),
        quoted(&t!("man-manual"))
    ));
    page.push_str(PREAMBLE[0]);
    page.push('\n');
    page.push_str(PREAMBLE[1]);
    page.push('\n');
    if crate::i18n::current() != crate::i18n::Lang::En {
        // groff hyphenates with English patterns, which cut Turkish
        // words in the wrong places.
        page.push_str(".nh\n");
    }
    let named = |heading: String, text: String| retitled(&text, Some(&heading));
    page.push_str(&named(
        t!("man-section-name"),
        section(|w| man.render_name_section(w)),
    ));
    page.push_str(&named(
        t!("man-section-synopsis"),
        section(|w| man.render_synopsis_section(w)),
    ));
    page.push_str(&named(
        t!("man-section-description"),
        section(|w| man.render_description_section(w)),
    ));
    // Its headings are the localized ones ("Options"), in capitals.
    page.push_str(&section(|w| man.render_options_section(w)));
    page.push_str(&commands(&cmd));
    page.push_str(&text_of(&ours()));
    page
}

/// Roff's text, without its preamble (the page has it once, at the top);
/// apostrophes written as the preamble's string, so they stay straight.
fn text_of(roff: &Roff) -> String {
    roff.render()
        .lines()
        .filter(|line| !PREAMBLE.contains(line))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// A section as clap_mangen renders it, without roff's preamble.
fn section(render: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec does not fail.
    let _ = render(&mut buf);
    String::from_utf8_lossy(&buf)
        .lines()
        .filter(|line| !PREAMBLE.contains(line))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// `text` with its first `.SH` heading replaced by `heading`, or with every
/// `.SH` line taken out when `heading` is `None`.
fn retitled(text: &str, heading: Option<&str>) -> String {
    let mut out = String::new();
    let mut replaced = false;
    for line in text.lines() {
        if line.starts_with(".SH") {
            match heading {
                Some(h) if !replaced => {
                    replaced = true;
                    out.push_str(&text_of(Roff::new().control("SH", [h])));
                }
                _ => {}
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// An argument of a request (`.TH`), in double quotes; roff has no escape
/// for a double quote inside them, so none is left in.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "'").replace('\\', r"\\"))
}

/// Each command: its synopsis, description and options, under the
/// program's own words for "commands".
fn commands(cmd: &Command) -> String {
    let mut out = text_of(Roff::new().control("SH", [t!("man-section-commands").as_str()]));
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        // The options every command has are described once, above.
        let sub = sub.clone().mut_args(|a| {
            if a.is_global_set() || a.get_id() == "help" {
                a.hide(true)
            } else {
                a
            }
        });
        out.push_str(&text_of(Roff::new().control("SS", [sub.get_name()])));
        let man = Man::new(sub.clone());
        out.push_str(&retitled(
            &section(|w| man.render_synopsis_section(w)),
            None,
        ));
        out.push_str(&text_of(Roff::new().control("PP", [])));
        out.push_str(&retitled(
            &section(|w| man.render_description_section(w)),
            None,
        ));
        if let Some(after) = sub.get_after_long_help().or(sub.get_after_help()) {
            out.push_str(&text_of(
                Roff::new()
                    .control("PP", [])
                    .text([roman(after.to_string())]),
            ));
        }
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            out.push_str(&retitled(&section(|w| man.render_options_section(w)), None));
        }
    }
    out
}

/// The sections clap_mangen knows nothing of.
fn ours() -> Roff {
    let mut roff = Roff::new();
    let item = |roff: &mut Roff, term: Vec<Inline>, text: String| {
        roff.control("TP", []).text(term).text([roman(text)]);
    };

    roff.control("SH", [t!("man-section-keys").as_str()])
        .text([roman(t!("man-keys-intro"))]);
    for (title, rows) in keys::help_sections() {
        roff.control("SS", [title.to_string().as_str()]);
        for (keys, what) in rows {
            // As the help shows them: `PgDn Space Ctrl-F`.
            item(&mut roff, vec![bold(keys.to_string())], what.to_string());
        }
    }

    roff.control("SH", [t!("man-section-environment").as_str()]);
    let vars: [(&[&str], String); 15] = [
        (&["LEARNCITY_DATA"], t!("man-env-learncity-data")),
        (&["XDG_DATA_HOME"], t!("man-env-xdg-data-home")),
        (&["XDG_CONFIG_HOME"], t!("man-env-xdg-config-home")),
        (&["XDG_STATE_HOME"], t!("man-env-xdg-state-home")),
        (&["XDG_CACHE_HOME"], t!("man-env-xdg-cache-home")),
        (&["LC_ALL", "LC_MESSAGES", "LANG"], t!("man-env-lang")),
        (&["NO_COLOR"], t!("man-env-no-color")),
        (&["TERM"], t!("man-env-term")),
        (&["COLUMNS"], t!("man-env-columns")),
        (&["PAGER", "LESS"], t!("man-env-pager")),
        (&["BROWSER"], t!("man-env-browser")),
        (&["LEARNCITY_MOUSE"], t!("man-env-learncity-mouse")),
        (&["LEARNCITY_STATE"], t!("man-env-learncity-state")),
        (&["LEARNCITY_CACHE"], t!("man-env-learncity-cache")),
        (
            &["LEARNCITY_HYPERLINKS"],
            t!("man-env-learncity-hyperlinks"),
        ),
    ];
    for (names, text) in vars {
        let mut term = Vec::new();
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                term.push(roman(", "));
            }
            term.push(bold(*name));
        }
        item(&mut roff, term, text);
    }

    roff.control("SH", [t!("man-section-files").as_str()]);
    let files = [
        (
            "$XDG_CONFIG_HOME/learncity/config.toml",
            t!("man-file-config"),
        ),
        ("$XDG_STATE_HOME/learncity/", t!("man-file-state")),
        ("$XDG_CACHE_HOME/learncity/", t!("man-file-cache")),
        (
            "$XDG_DATA_HOME/learncity/corpus.json",
            t!("man-file-user-corpus"),
        ),
        (
            "/usr/share/learncity/corpus.json",
            t!("man-file-system-corpus"),
        ),
    ];
    for (file, text) in files {
        item(&mut roff, vec![italic(file)], text);
    }

    roff.control("SH", [t!("man-section-exit-status").as_str()]);
    for (code, text) in [
        ("0", t!("man-exit-0")),
        ("1", t!("man-exit-1")),
        ("2", t!("man-exit-2")),
    ] {
        item(&mut roff, vec![bold(code)], text);
    }

    roff.control("SH", [t!("man-section-credits").as_str()]);
    for line in super::version::credits() {
        roff.control("PP", []).text([roman(line)]);
    }
    roff
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Lang};

    /// The keys section is the key table the reader uses, not a copy.
    #[test]
    fn the_keys_come_from_the_key_table() {
        let page = i18n::with(Lang::En, page);
        let sections = keys::help_sections();
        assert!(sections.len() > 5);
        for (title, rows) in sections {
            let heading = text_of(Roff::new().control("SS", [title.to_string().as_str()]));
            assert!(page.contains(&heading), "{heading}");
            for (keys, what) in rows {
                let row = text_of(
                    Roff::new()
                        .control("TP", [])
                        .text([bold(keys.to_string())])
                        .text([roman(what.to_string())]),
                );
                assert!(page.contains(&row), "{row}");
            }
        }
    }

    #[test]
    fn the_page_is_in_the_language_of_the_interface() {
        let en = i18n::with(Lang::En, page);
        let tr = i18n::with(Lang::Tr, page);
        assert!(en.contains("\n.SH NAME\n"), "{en}");
        assert!(tr.contains("\n.SH İSİM\n"), "{tr}");
        assert!(tr.contains("\n.SH SEÇENEKLER\n"), "{tr}");
        assert!(tr.contains("\n.SH \"ORTAM DEĞİŞKENLERİ\"\n"), "{tr}");
        assert!(tr.contains("\n.nh\n"), "no English hyphenation of Turkish");
        assert!(!en.contains("\n.nh\n"));
        for english in ["\n.SH SYNOPSIS", "\n.SH DESCRIPTION", "\n.SH OPTIONS"] {
            assert!(!tr.contains(english), "{english}");
        }
        // One preamble, at the top.
        assert_eq!(en.matches(PREAMBLE[0]).count(), 1);
    }
}
