use super::*;
use crate::tui::keys::{Action, KeyFocus};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn the_default_file_is_all_comments_and_reads_back_as_the_defaults() {
    let text = default_file();
    let c = parse(&text, "default");
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    assert!(c.mouse.is_none() && c.colours.is_empty());
    // Uncommented, every line is a valid setting that changes nothing.
    let live: String = text
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest)
                if rest.split_once(" = ").is_some_and(|(k, _)| {
                    k.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                }) =>
            {
                rest.split("    #").next().unwrap_or(rest)
            }
            _ if l.starts_with('#') => "",
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let c = parse(&live, "uncommented");
    assert!(c.problems.is_empty(), "{:?}\n{live}", c.problems);
    assert_eq!(c.mouse, Some(true));
    let map = c.keymap.expect("keys");
    let default = Keymap::default();
    for (a, b) in map.bindings.iter().zip(&default.bindings) {
        assert_eq!(a.keys, b.keys, "{:?}", a.action);
    }
}

#[test]
fn a_rebound_key_acts_and_leaves_its_old_action() {
    let c = parse(
        "[keys]\ntoggle-bookmark = [\"b\", \"ctrl-b\"]\nquit = \"Q\"\n[keys.help-screen]\nclose-help = \"x\"\n",
        "c",
    );
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    let map = c.keymap.unwrap();
    assert_eq!(
        map.action_for(&press('b'), KeyFocus::Viewer),
        Some(Action::ToggleBookmark)
    );
    assert_eq!(
        map.action_for(&press('Q'), KeyFocus::Cities),
        Some(Action::Quit)
    );
    assert_eq!(
        map.action_for(&press('q'), KeyFocus::Cities),
        None,
        "q is free now"
    );
    assert_eq!(
        map.action_for(&press('x'), KeyFocus::Help),
        Some(Action::CloseHelp)
    );
    // `b` no longer pages up; the help lists what is in use.
    let help = map.help_sections();
    let rows: Vec<&(String, String)> = help.iter().flat_map(|(_, r)| r).collect();
    assert!(rows
        .iter()
        .any(|(k, h)| k == "b Ctrl-B" && h.starts_with("bookmark")));
    assert!(rows.iter().any(|(k, h)| k == "PgUp" && *h == "up a page"));
}

#[test]
fn bad_entries_say_where_and_keep_their_defaults() {
    let text = "mouse = \"yes\"\n[colours]\nmatch = \"pinky\"\naccent = \"magenta\"\nglow = \"red\"\n[keys]\nquit = \"ctrl-\"\nfly = \"x\"\ndown = [\"j\", 3]\n";
    let c = parse(text, "config.toml");
    let p = &c.problems;
    assert_eq!(p.len(), 6, "{p:#?}");
    assert!(
        p[0].starts_with("config.toml:1:9: mouse is true or false"),
        "{}",
        p[0]
    );
    assert!(
        p[1].starts_with("config.toml:3:9: \"pinky\" is not one of the 16"),
        "{}",
        p[1]
    );
    assert!(
        p[2].starts_with("config.toml:5:1: no colour is called \"glow\""),
        "{}",
        p[2]
    );
    assert!(p[3].starts_with("config.toml:7:8:"), "{}", p[3]);
    assert!(
        p[4].starts_with("config.toml:8:1: [keys] has no action \"fly\""),
        "{}",
        p[4]
    );
    assert!(
        p[5].starts_with("config.toml:9:14: a key is a string"),
        "{}",
        p[5]
    );
    assert_eq!(c.mouse, None);
    assert_eq!(c.colours, vec![(Slot::Accent, Color::Magenta)]);
    let map = c.keymap.unwrap();
    assert_eq!(
        map.action_for(&press('q'), KeyFocus::Cities),
        Some(Action::Quit)
    );
    assert_eq!(
        map.action_for(&press('j'), KeyFocus::Cities),
        Some(Action::Down)
    );
}

#[test]
fn a_file_that_is_not_toml_is_ignored_whole_with_its_place() {
    let c = parse("mouse = true\n[keys\nquit = \"x\"\n", "config.toml");
    assert_eq!(c.problems.len(), 1);
    assert!(
        c.problems[0].starts_with("config.toml:2:"),
        "{}",
        c.problems[0]
    );
    assert!(c.problems[0].contains("defaults are used"));
    assert!(c.mouse.is_none() && c.keymap.is_none());
}

#[test]
fn colours_apply_to_the_colour_theme_only() {
    use crate::tui::theme::Theme;
    let t = Theme::colour().with_colours(&[(Slot::Match, Color::Blue)]);
    assert_eq!(t.matched.bg, Some(Color::Blue));
    assert!(Theme::mono()
        .with_colours(&[(Slot::Match, Color::Blue)])
        .is_colourless());
}

#[test]
fn problems_and_the_default_file_in_turkish() {
    use crate::i18n::{with, Lang};
    with(Lang::Tr, || {
        let text =
            "mouse = \"evet\"\nlang = \"de\"\n[colours]\nmatch = \"pembe\"\n[keys]\nfly = \"x\"\n";
        let p = parse(text, "config.toml").problems;
        assert_eq!(
            p,
            [
                "config.toml:1:9: mouse true ya da false olmalı",
                "config.toml:2:8: lang \"en\", \"tr\" ya da \"auto\" (yerel ayar belirler) olmalı",
                "config.toml:4:9: \"pembe\" 16 terminal renginden biri değil (black, red, green, yellow, blue, magenta, cyan, white, bright-black, bright-red, bright-green, bright-yellow, bright-blue, bright-magenta, bright-cyan, bright-white); varsayılan korunuyor",
                "config.toml:6:1: [keys] içinde \"fly\" adında bir eylem yok (learncity config --default hepsini listeler)",
            ]
        );
        let broken = parse("[keys\n", "c.toml").problems;
        assert!(
            broken[0].ends_with("dosyanın tamamı yok sayıldı, varsayılanlar kullanılıyor"),
            "{broken:?}"
        );
        // The comments are Turkish; the settings read back as the defaults.
        let file = default_file();
        assert!(file.starts_with("# learncity yapılandırması: "), "{file}");
        assert!(file.contains("# match = \"yellow\"    # arama eşleşmelerinin arkası"));
        let c = parse(&file, "default");
        assert!(c.problems.is_empty(), "{:?}", c.problems);
    });
}
