//! The README shows the program as it is: its key table is generated from
//! the key map, its screen capture is drawn by the reader, and every link
//! to a file or a heading in the repository resolves.
//!
//! `UPDATE_README=1 cargo test --test readme` rewrites the generated parts;
//! review the diff as you would a code change.

use std::path::{Path, PathBuf};

use learncity::corpus::bundled;
use learncity::i18n::{self, Lang};
use learncity::tui::app::App;
use learncity::tui::keys::markdown_table;
use learncity::tui::theme::Theme;
use learncity::tui::ui;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The text between `<!-- NAME -->` and `<!-- end NAME -->`.
fn section<'a>(text: &'a str, name: &str) -> (usize, usize, &'a str) {
    let open = format!("<!-- {name} -->\n");
    let close = format!("<!-- end {name} -->");
    let start = text
        .find(&open)
        .unwrap_or_else(|| panic!("README.md has no {open:?} marker"))
        + open.len();
    let end = text[start..]
        .find(&close)
        .unwrap_or_else(|| panic!("README.md has no {close:?} marker"))
        + start;
    (start, end, &text[start..end])
}

/// Compares a generated section with the README's, or writes it when
/// UPDATE_README is set.
fn check_section(name: &str, want: &str) {
    let path = root().join("README.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let (start, end, have) = section(&text, name);
    if have == want {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        let new = format!("{}{want}{}", &text[..start], &text[end..]);
        std::fs::write(&path, new).unwrap();
        return;
    }
    panic!(
        "README.md's {name} section is not what the program shows; \
         run UPDATE_README=1 cargo test --test readme and review the diff.\n\
         --- README ---\n{have}\n--- program ---\n{want}"
    );
}

/// The README is in English, whatever the developer's locale.
#[test]
fn the_readme_key_table_is_the_key_map() {
    check_section("keys", &i18n::with(Lang::En, markdown_table));
}

#[test]
fn the_readme_screen_capture_is_what_the_reader_draws_at_120x24() {
    let mut t = Terminal::new(TestBackend::new(120, 24)).unwrap();
    i18n::with(Lang::En, || {
        let app = App::new(bundled(), Rect::new(0, 0, 120, 24), Theme::mono());
        t.draw(|f| ui::draw(f, &app)).unwrap();
    });
    let buf = t.backend().buffer();
    let mut s = String::from("```text\n");
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s.push_str("```\n");
    check_section("screen", &s);
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces
/// as hyphens.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let mut in_code = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        if !in_code && line.starts_with('#') {
            out.push(slug(line.trim_start_matches('#')));
        }
    }
    out
}

/// Every `[text](target)` in the Markdown files of the repository whose
/// target is a file here (with or without `#heading`) points at something.
#[test]
fn every_local_link_in_the_readme_and_docs_resolves() {
    let mut files = vec![root().join("README.md")];
    for dir in ["docs", "fuzz", "tests/fixtures"] {
        if let Ok(entries) = std::fs::read_dir(root().join(dir)) {
            files.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "md")),
            );
        }
    }
    let mut broken = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("](") {
            rest = &rest[at + 2..];
            let Some(end) = rest.find(')') else { break };
            let target = &rest[..end];
            rest = &rest[end..];
            if target.contains("://") || target.starts_with("mailto:") || target.contains(' ') {
                continue;
            }
            let (path, anchor) = match target.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (target, None),
            };
            let dest = if path.is_empty() {
                file.clone()
            } else {
                file.parent().unwrap().join(path)
            };
            if !dest.exists() {
                broken.push(format!("{}: {target}: no such file", file.display()));
                continue;
            }
            if let Some(a) = anchor {
                if !anchors(&dest).iter().any(|h| h == a) {
                    broken.push(format!("{}: {target}: no such heading", file.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn slugs_are_githubs() {
    assert_eq!(
        slug(" 6. Command-line JSON output"),
        "6-command-line-json-output"
    );
    assert_eq!(slug("`list --json`"), "list---json");
}

/// The README's prose, code blocks left out.
fn prose() -> String {
    let text = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut in_code = false;
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if !in_code {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Issue 8, item 15: one name per pane everywhere, Cities, Viewer and
/// Statistics. The help (in both languages) and the README called the
/// Cities pane "the list" in places.
#[test]
fn the_help_and_the_readme_call_the_cities_pane_by_its_name() {
    let en = i18n::with(Lang::En, markdown_table);
    let tr = i18n::with(Lang::Tr, markdown_table);
    let readme = prose()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for (what, text, words) in [
        (
            "the English help",
            en.to_lowercase(),
            &["the list", "list's"][..],
        ),
        (
            "the Turkish help",
            tr.to_lowercase(),
            &["listeye", "listede"][..],
        ),
        (
            "the README",
            readme,
            &["the list", "list's", "cities list"][..],
        ),
    ] {
        for w in words {
            assert!(!text.contains(w), "{what} says {w:?}:\n{text}");
        }
    }
    for pane in ["Cities", "Viewer", "Statistics"] {
        assert!(
            en.contains(&format!("in the {pane}")) || en.contains(&format!("in {pane}")),
            "{pane}:\n{en}"
        );
    }
}

/// The README says what the reader draws with under NO_COLOR: every
/// attribute the colourless theme uses (no-color.org forbids colour only).
#[test]
fn the_readme_names_every_attribute_drawn_without_colour() {
    use ratatui::style::Modifier;
    let used = Theme::mono().modifiers();
    let text = prose().split_whitespace().collect::<Vec<_>>().join(" ");
    let at = text
        .find("`NO_COLOR=1 learncity` draws")
        .expect("the NO_COLOR sentence");
    let sentence = &text[at..at + text[at..].find(". ").unwrap()];
    for (m, word) in [
        (Modifier::BOLD, "bold"),
        (Modifier::UNDERLINED, "underline"),
        (Modifier::REVERSED, "reverse"),
        (Modifier::DIM, "faint"),
        (Modifier::ITALIC, "italic"),
    ] {
        assert_eq!(
            used.contains(m),
            sentence.contains(word),
            "{word}: {sentence}"
        );
    }
    assert!(
        (used
            - (Modifier::BOLD
                | Modifier::UNDERLINED
                | Modifier::REVERSED
                | Modifier::DIM
                | Modifier::ITALIC))
            .is_empty(),
        "{used:?}"
    );
}

/// `y` in the Viewer copies the block it is at, a heading as well as a
/// paragraph ("copied 1 heading"); the README said "the paragraph".
#[test]
fn the_readme_says_y_copies_a_heading_too() {
    let text = prose().split_whitespace().collect::<Vec<_>>().join(" ");
    let at = text.find("**Copying.**").unwrap();
    let para = &text[at..at + 400];
    assert!(para.contains("heading"), "{para}");
}
