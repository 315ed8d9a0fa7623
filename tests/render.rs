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
fn help_overlay_fits_80x24_in_two_columns() {
    let mut a = app(80, 24);
    a.update(Action::Help);
    let t = render(&a);
    let screen = t.backend().to_string();
    for section in ["Everywhere", "City list", "Statistics", "Search line"] {
        assert!(screen.contains(section), "{section} missing:\n{screen}");
    }
    insta::assert_snapshot!(t.backend());
}
