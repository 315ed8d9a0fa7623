//! Rendering snapshots on ratatui's TestBackend: every layout, the help
//! overlay, search results and a traced figure. Review every snapshot change
//! as you would a code change (`cargo insta review`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use learncity::corpus::bundled;
use learncity::tui::app::App;
use learncity::tui::keys::Action;
use learncity::tui::theme::Theme;
use learncity::tui::ui;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;

fn app(w: u16, h: u16) -> App {
    App::new(bundled(), Rect::new(0, 0, w, h), Theme::mono())
}

fn render(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    t.draw(|f| ui::draw(f, app)).unwrap();
    t
}

fn type_text(app: &mut App, text: &str) {
    app.update(Action::StartSearch);
    for c in text.chars() {
        app.update(Action::SearchEdit(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    app.update(Action::Settle);
}

/// Selects the list row of `id` (a city or a report).
fn select(app: &mut App, id: &str) {
    app.update(Action::Top);
    for _ in 0..app.list.rows.len() {
        let doc = app.list.selected_doc().unwrap();
        let here = match doc {
            learncity::search::Doc::City(c) => &app.corpus.cities[c].id,
            learncity::search::Doc::Article(a) => &app.corpus.articles[a].id,
        };
        if here == id {
            return;
        }
        app.update(Action::Down);
    }
    panic!("{id} is not listed");
}

fn screen(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn wide_three_panes_160x45() {
    insta::assert_snapshot!(render(&app(160, 45)).backend());
}

#[test]
fn medium_two_panes_100x30() {
    insta::assert_snapshot!(render(&app(100, 30)).backend());
}

#[test]
fn medium_two_panes_80x24() {
    insta::assert_snapshot!(render(&app(80, 24)).backend());
}

#[test]
fn medium_statistics_beside_the_cities_80x24() {
    let mut a = app(80, 24);
    a.update(Action::FocusNext);
    a.update(Action::FocusNext);
    insta::assert_snapshot!(render(&a).backend());
}

#[test]
fn narrow_one_pane_with_tabs_40x15() {
    insta::assert_snapshot!(render(&app(40, 15)).backend());
}

#[test]
fn narrow_article_40x15() {
    let mut a = app(40, 15);
    a.update(Action::FocusNext);
    insta::assert_snapshot!(render(&a).backend());
}

#[test]
fn too_small_20x6() {
    insta::assert_snapshot!(render(&app(20, 6)).backend());
}

#[test]
fn help_overlay_120x40() {
    let mut a = app(120, 40);
    a.update(Action::Help);
    insta::assert_snapshot!(render(&a).backend());
}

#[test]
fn search_results_highlight_matches_120x30() {
    let mut a = app(120, 30);
    type_text(&mut a, "balıkesır");
    let t = render(&a);
    insta::assert_snapshot!(t.backend());
    // The matched letters of the first row are marked (reversed in mono).
    let buf = t.backend().buffer();
    let row: String = (0..30).map(|x| buf[(x, 2)].symbol().to_string()).collect();
    assert!(row.contains("Balıkesir"), "{row}");
    let x = row.chars().position(|c| c == 'B').unwrap() as u16;
    assert!(buf[(x, 2)]
        .modifier
        .contains(ratatui::style::Modifier::REVERSED));
}

#[test]
fn traced_figure_sentence_160x45() {
    let mut a = app(160, 45);
    a.update(Action::FocusPrev); // to statistics
    a.update(Action::Down);
    a.update(Action::Open);
    insta::assert_snapshot!(render(&a).backend());
}

#[test]
fn every_size_down_to_1x1_draws() {
    let mut a = app(160, 45);
    for w in 1..=30 {
        for h in 1..=12 {
            a.resize(Rect::new(0, 0, w, h));
            render(&a);
        }
    }
}

/// Chinese, Korean, Arabic, emoji and decomposed accents in names and text
/// keep every pane border in its column.
#[test]
fn wide_and_combining_characters_keep_borders_aligned() {
    let corpus =
        learncity::corpus::load_file(std::path::Path::new("tests/fixtures/valid/unicode.json"))
            .unwrap();
    for (w, h) in [(160, 45), (120, 30), (100, 30), (80, 24), (40, 15)] {
        let mut a = App::new(corpus.clone(), Rect::new(0, 0, w, h), Theme::mono());
        for step in 0..3 {
            let t = render(&a);
            let buf = t.backend().buffer();
            for pane in a.layout.visible() {
                let r = a.layout.rect(pane).unwrap();
                for y in r.y + 1..r.bottom() - 1 {
                    let left = buf[(r.x, y)].symbol();
                    assert!(
                        matches!(left, "│" | "┃"),
                        "{w}x{h} step {step}: {pane:?} left border at row {y} is {left:?}\n{}",
                        t.backend()
                    );
                    let right = buf[(r.right() - 1, y)].symbol();
                    assert!(
                        matches!(right, "│" | "┃" | "║" | "█"),
                        "{w}x{h} step {step}: {pane:?} right border at row {y} is {right:?}\n{}",
                        t.backend()
                    );
                }
            }
            a.update(Action::Down);
            a.update(Action::Down);
        }
    }
}

#[test]
fn help_overlay_fits_200x60_in_columns() {
    let mut a = app(200, 60);
    a.update(Action::Help);
    let t = render(&a);
    let screen = t.backend().to_string();
    for section in [
        "In every pane",
        "Cities",
        "Statistics",
        "Search line",
        "Facet picker",
        "This help",
    ] {
        assert!(screen.contains(section), "{section} missing:\n{screen}");
    }
    // The overlay's own borders say nothing is hidden (the panes behind
    // it may well be scrolled).
    for line in screen.lines() {
        for (open, close) in [('╔', '╗'), ('╚', '╝')] {
            if let (Some(a), Some(b)) = (line.find(open), line.rfind(close)) {
                let border = &line[a..b];
                assert!(!border.contains(" more "), "nothing hidden:\n{screen}");
            }
        }
    }
    insta::assert_snapshot!(t.backend());
}

// ---- issue 8 ---------------------------------------------------------------

/// Audit of issue 8: at 160x45 and 200x60 single letters of the panes'
/// text showed in a strip a column or two wide beside the help box. A
/// pane the help partly covers is cleared whole: in the rows of the box,
/// no letter or digit within three columns of it.
#[test]
fn nothing_peeks_out_beside_the_help() {
    for (w, h) in [(160, 45), (200, 60), (120, 40), (100, 30), (80, 24)] {
        let mut a = app(w, h);
        a.update(Action::Help);
        let t = render(&a);
        let buf = t.backend().buffer();
        let at = |x: u16, y: u16| buf[(x, y)].symbol().to_string();
        let (left, top) = (0..h)
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .find(|&(x, y)| at(x, y) == "╔")
            .expect("the help's frame");
        let right = (left..w).find(|&x| at(x, top) == "╗").unwrap();
        let bottom = (top..h).find(|&y| at(left, y) == "╚").unwrap();
        for y in top..=bottom {
            let beside = (left.saturating_sub(3)..left).chain(right + 1..(right + 4).min(w));
            for x in beside {
                assert!(
                    !at(x, y).chars().any(char::is_alphanumeric),
                    "{:?} at {x},{y} beside the help at {w}x{h}:\n{}",
                    at(x, y),
                    t.backend()
                );
            }
        }
    }
}

/// Item 2: at 120x20 the help cannot show everything: it says how much is
/// below, and scrolling shows the rest (G End, n, N, Ctrl-Z included).
#[test]
fn help_at_120x20_marks_what_is_hidden_and_scrolls_to_it() {
    let mut a = app(120, 20);
    a.update(Action::Help);
    // The overlay's own text: the columns between its double borders.
    let overlay = |a: &App| -> String {
        screen(&render(a))
            .iter()
            .filter_map(|r| {
                let start = r.find(['║', '╔', '╚'])?;
                let end = r.rfind(['║', '╗', '╝'])?;
                Some(r[start..end].to_owned())
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let first = overlay(&a);
    let top = |t: &str| {
        let first = t.lines().next().unwrap_or("").to_owned();
        (first, t.lines().last().unwrap_or("").to_owned())
    };
    let (t, b) = top(&first);
    assert!(
        !t.contains(" more") && b.contains("↓ ") && b.contains(" more"),
        "{first}"
    );
    insta::assert_snapshot!("help_120x20_top", render(&a).backend());
    a.update(Action::Bottom);
    let last = overlay(&a);
    let (t, b) = top(&last);
    assert!(
        t.contains("↑ ") && t.contains(" more") && !b.contains(" more"),
        "{last}"
    );
    let mut seen = first.clone();
    seen.push_str(&last);
    for _ in 0..40 {
        a.update(Action::Up);
        seen.push_str(&overlay(&a));
    }
    for key in ["G End", "│n ", "│N ", "Ctrl-Z"] {
        let key = key.trim_start_matches('│');
        assert!(seen.contains(key), "{key:?} never shown");
    }
}

/// Item 2: at 40x12 descriptions wrap under their column instead of being
/// cut mid-word.
#[test]
fn help_at_40x12_wraps_descriptions_instead_of_cutting_them() {
    let mut a = app(40, 12);
    a.update(Action::Help);
    let t = render(&a);
    insta::assert_snapshot!(t.backend());
    let text = screen(&t).join("\n");
    assert!(!text.contains('…'), "nothing cut:\n{text}");
}

/// Item 3: at 40x12 the statistics show the selected figure, highlighted.
#[test]
fn statistics_at_40x12_show_the_selected_figure() {
    let mut a = app(40, 12);
    select(&mut a, "ankara-belmek-2025");
    a.update(Action::FocusRight);
    a.update(Action::FocusRight);
    for _ in 0..3 {
        a.update(Action::Down);
    }
    let t = render(&a);
    insta::assert_snapshot!(t.backend());
    let rows = screen(&t);
    let buf = t.backend().buffer();
    let at = rows
        .iter()
        .position(|r| r.contains("30\u{a0}branches"))
        .expect("the fourth figure is on screen");
    let x = rows[at].chars().position(|c| c == 'm').unwrap() as u16;
    assert!(buf[(x, at as u16)]
        .modifier
        .contains(ratatui::style::Modifier::REVERSED));
}

/// Item 8: a city's source URLs are lines of their own, whole or cut with
/// `…`, never broken across lines.
#[test]
fn city_sources_show_every_url_whole() {
    let mut a = app(80, 24);
    select(&mut a, "balikesir");
    a.update(Action::FocusRight);
    a.update(Action::Bottom);
    let t = render(&a);
    insta::assert_snapshot!(t.backend());
    let rows = screen(&t);
    // The viewer's text column: between its two borders.
    let left = rows[1].chars().position(|c| c == '┏').unwrap() + 1;
    let right = rows[1].chars().count() - 1;
    let column: Vec<String> = rows[2..rows.len() - 2]
        .iter()
        .map(|r| r.chars().skip(left).take(right - left).collect::<String>())
        .collect();
    // An address starts a line of its own and goes on, whole, on the
    // lines below it (issue 10: every source URL whole).
    let learncity::search::Doc::City(c) = a.list.selected_doc().unwrap() else {
        panic!("a city is selected")
    };
    let urls: Vec<&str> = a.corpus.cities[c]
        .sources
        .iter()
        .filter_map(|l| l.url.as_deref())
        .collect();
    assert!(urls.len() >= 2, "{urls:?}");
    for url in urls {
        let head: String = url.chars().take(20).collect();
        let at = column
            .iter()
            .position(|l| l.starts_with(&head))
            .unwrap_or_else(|| panic!("{url} does not start a line:\n{}", rows.join("\n")));
        let joined: String = column[at..].iter().map(|l| l.trim_end()).collect();
        assert!(joined.starts_with(url), "{url} is not whole: {joined}");
    }
}

/// Item 9: at 120 columns a report hit shows its title, not a stub of it
/// beside its city's name.
#[test]
fn search_rows_give_the_title_the_room_before_the_city() {
    let mut a = app(120, 30);
    type_text(&mut a, "balıkesır");
    let rows = screen(&render(&a));
    let hit = rows.iter().find(|r| r.contains("▤")).expect("a report hit");
    // The list is 24 columns wide inside: the title has all of them.
    assert!(hit.contains("▤ ● Balıkesir UNESCO Öğ…"), "{hit}");
    assert!(!hit.contains("U… Balıkesir"), "{hit}");
}

/// Item 15: every pane is called by one name, in its title and its tab.
#[test]
fn each_pane_has_one_name_in_titles_and_tabs() {
    for (w, h) in [(160, 45), (100, 30), (40, 15)] {
        let mut a = app(w, h);
        for _ in 0..3 {
            let rows = screen(&render(&a));
            let chrome = format!("{}\n{}", rows[1], rows[2]);
            for old in ["Article", "Report", "Stats ", "Results", "City "] {
                assert!(!chrome.contains(old), "{old:?} at {w}x{h}:\n{chrome}");
            }
            for pane in a.layout.visible() {
                assert!(
                    chrome.contains(&pane.title()),
                    "{:?} at {w}x{h}",
                    pane.title()
                );
            }
            a.update(Action::FocusNext);
        }
    }
}

/// Issue 10: `m` puts the world map in the statistics pane; every city
/// with coordinates is a mark, the selected one a different shape, and
/// the ones left off the map are counted under it.
#[test]
fn map_160x45() {
    let mut a = app(160, 45);
    a.update(Action::ToggleMap);
    let t = render(&a);
    insta::assert_snapshot!(t.backend());
    let text = screen(&t).join("\n");
    // The selected city on the map, and once more in the legend under it.
    assert_eq!(text.matches('◆').count(), 2, "one selected city:\n{text}");
    assert!(text.contains("◆ Ankara"), "{text}");
    assert!(text.matches('•').count() > 50, "{text}");
    // A number keeps its unit with a no-break space.
    assert!(text.contains("292 of 320\u{a0}cities placed"), "{text}");
}

#[test]
fn map_80x24() {
    let mut a = app(80, 24);
    a.update(Action::ToggleMap);
    let t = render(&a);
    insta::assert_snapshot!(t.backend());
    let text = screen(&t).join("\n");
    assert_eq!(text.matches('◆').count(), 2, "{text}");
    assert!(text.contains("placed"), "{text}");
}

/// Under NO_COLOR the map is drawn without a single colour, and the
/// selected city and the filtered set still read by their shapes.
#[test]
fn map_without_colour_marks_by_shape() {
    let mut a = app(160, 45);
    type_text(&mut a, "region:africa");
    a.update(Action::SearchAccept);
    a.update(Action::ToggleMap);
    let t = render(&a);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
    }
    let text = screen(&t).join("\n");
    assert!(text.contains('•'), "members:\n{text}");
    assert!(text.contains('·'), "cities the filter leaves out:\n{text}");
}

/// Issue 10: `f` opens the facet picker with each value's count.
#[test]
fn facet_picker_120x40() {
    let mut a = app(120, 40);
    a.update(Action::OpenPicker);
    let t = render(&a);
    insta::assert_snapshot!(t.backend());
    let text = screen(&t).join("\n");
    for word in ["Region", "Africa", "Country", "Join year", "Status", "Has"] {
        assert!(text.contains(word), "{word}:\n{text}");
    }
}

/// Checking a value in the picker filters the list and the statistics.
#[test]
fn facet_picker_checks_a_region() {
    let mut a = app(120, 40);
    a.update(Action::OpenPicker);
    a.update(Action::PickerToggle);
    a.update(Action::Settle);
    let t = render(&a);
    let text = screen(&t).join("\n");
    assert!(
        text.contains("[x]") || text.contains("☑") || text.contains("✓"),
        "{text}"
    );
    a.update(Action::ClosePicker);
    let rows = screen(&render(&a));
    assert!(rows[1].contains("/36 "), "{}", rows[1]);
}

/// Issue 10: the network statistics describe the filtered set.
#[test]
fn network_statistics_of_a_region_160x45() {
    let mut a = app(160, 45);
    type_text(&mut a, "region:africa");
    a.update(Action::SearchAccept);
    a.update(Action::FocusRight);
    a.update(Action::FocusRight);
    for _ in 0..3 {
        a.update(Action::PageDown);
    }
    let t = render(&a);
    insta::assert_snapshot!(t.backend());
    let text = screen(&t).join("\n");
    assert!(text.contains("36 of 320"), "{text}");
}

/// Issue 11: `z` in the viewer: the report alone, no frame, no scroll bar,
/// its place in the status line.
#[test]
fn zoomed_viewer_80x24() {
    let mut a = app(80, 24);
    a.update(Action::FocusRight);
    a.update(Action::ToggleZoom);
    let t = render(&a);
    insta::assert_snapshot!(t.backend());
    let rows = screen(&t);
    assert!(rows[1].starts_with("BELMEK başarısı"), "{}", rows[1]);
    assert!(rows[23].contains("z all panes") && rows[23].trim_end().ends_with("top"));
}

/// Issue 11: `t`, the outline of the open report over the viewer.
#[test]
fn outline_120x30() {
    let mut a = app(120, 30);
    a.update(Action::OpenOutline);
    a.update(Action::Down);
    let t = render(&a);
    insta::assert_snapshot!(t.backend());
    assert!(screen(&t).join("\n").contains("Outline · "));
}

/// Issue 12: a city with unread reports says how many, in words where its
/// name still fits whole beside them, else as ●N; unread reports are bold
/// with ●, so it shows without colour.
#[test]
fn cities_count_their_unread_reports_and_unread_reports_are_bold() {
    let wide = render(&app(160, 45));
    let rows = screen(&wide);
    let ankara = rows.iter().find(|r| r.contains("▾ Ankara")).unwrap();
    assert!(ankara.contains("2025  1 · 1 unread┃"), "{ankara}");
    let (y, report) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.contains("└ ● BELMEK"))
        .unwrap();
    let x = report.chars().position(|c| c == '●').unwrap() + 2;
    let cell = &wide.backend().buffer()[(x as u16, y as u16)];
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::BOLD),
        "{cell:?}"
    );

    let rows = screen(&render(&app(80, 24)));
    let ankara = rows.iter().find(|r| r.contains("▾ Ankara")).unwrap();
    assert!(ankara.contains("2025  1 ●1┃"), "{ankara}");
}

/// Issue 13: the reader in Turkish. The app is built (the report's order
/// is chosen then) and drawn inside `i18n::with`, as the binary does after
/// `--lang tr` or a Turkish locale.
fn in_turkish<R>(f: impl FnOnce() -> R) -> R {
    learncity::i18n::with(learncity::i18n::Lang::Tr, f)
}

/// The default screen in Turkish: pane titles, the search line's hint, the
/// key hints, the statistics' words, numbers as `36.756`, and the report's
/// Turkish text before its English summary.
#[test]
fn turkish_default_screen_100x30() {
    let t = in_turkish(|| render(&app(100, 30)));
    let rows = screen(&t);
    assert!(rows[1].contains("Şehirler · 20/320"), "{}", rows[1]);
    assert!(rows[1].contains("Ayrıntı · rapor"), "{}", rows[1]);
    assert!(rows[0].starts_with("Ara: aramak için /"), "{}", rows[0]);
    assert!(rows[29].contains("? yardım") && rows[29].contains("q çık"));
    let text = rows.join("\n");
    assert!(
        text.contains("Önce metin, özet sonda · L: önce özet"),
        "{text}"
    );
    insta::assert_snapshot!(t.backend());
}

/// The statistics in Turkish, beside the cities: `36.756 kadın` is data
/// (the figure's unit comes from the corpus), the number the Turkish way.
#[test]
fn turkish_statistics_80x24() {
    let t = in_turkish(|| {
        let mut a = app(80, 24);
        a.update(Action::FocusPrev);
        render(&a)
    });
    let text = screen(&t).join("\n");
    assert!(text.contains("İstatistikler"), "{text}");
    assert!(text.contains("36.756"), "{text}");
    assert!(!text.contains("36,756"), "{text}");
    insta::assert_snapshot!(t.backend());
}

/// The viewer in Turkish at 80×24: the frame's place ("satır 1/…"), the
/// percentage the Turkish way (`%40`) once scrolled.
#[test]
fn turkish_viewer_scrolled_80x24() {
    let t = in_turkish(|| {
        let mut a = app(80, 24);
        a.update(Action::FocusNext);
        a.update(Action::PageDown);
        render(&a)
    });
    let rows = screen(&t);
    let bottom = &rows[22];
    assert!(bottom.contains("satır "), "{bottom}");
    assert!(bottom.contains(" · %"), "{bottom}");
    insta::assert_snapshot!(t.backend());
}

/// The narrow layout in Turkish at 40×12: the tabs and the key hints are
/// cut to fit, never past the edge.
#[test]
fn turkish_narrow_40x12() {
    let t = in_turkish(|| render(&app(40, 12)));
    insta::assert_snapshot!(t.backend());
}

/// The help in Turkish: section titles and every description, with the
/// keys as they are.
#[test]
fn turkish_help_overlay_120x40() {
    let t = in_turkish(|| {
        let mut a = app(120, 40);
        a.update(Action::Help);
        render(&a)
    });
    let text = screen(&t).join("\n");
    for words in ["Tuşlar", "Her panelde", "bu yardımı göster", "j/k kaydır"] {
        assert!(text.contains(words), "{words}:\n{text}");
    }
    insta::assert_snapshot!(t.backend());
}

/// The help in Turkish at 40×12 wraps its longer descriptions.
#[test]
fn turkish_help_40x12() {
    let t = in_turkish(|| {
        let mut a = app(40, 12);
        a.update(Action::Help);
        render(&a)
    });
    insta::assert_snapshot!(t.backend());
}

/// `L` in English: the report's text first, its summary after it, and
/// the header says so.
#[test]
fn text_first_in_english_100x30() {
    let mut a = app(100, 30);
    a.update(Action::ToggleTextOrder);
    let t = render(&a);
    let text = screen(&t).join("\n");
    assert!(
        text.contains("Text first, summary last · L: summary first"),
        "{text}"
    );
    insta::assert_snapshot!(t.backend());
}
