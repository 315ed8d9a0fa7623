//! Property tests: at random terminal sizes, random key sequences never make
//! the reader panic, and every frame fits the terminal. Bounded cases, so
//! they run in `cargo test`.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use learncity::corpus::bundled;
use learncity::tui::app::App;
use learncity::tui::keys::Action;
use learncity::tui::stats_pane::StatRow;
use learncity::tui::theme::Theme;
use learncity::tui::ui;
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;

fn key_strategy() -> impl Strategy<Value = Event> {
    let plain = prop_oneof![
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Backspace),
        Just(KeyCode::F(1)),
        // Keys with meanings, and letters for the search line (Turkish too).
        prop::sample::select(vec![
            'j', 'k', 'h', 'l', 'g', 'G', 'n', 'N', 's', '/', '?', ' ', 'b', 'a', 'ı', 'ş', 'İ',
            '北', 'z', 'm', 'f', 'r', ']', '[', '}', '{', 't', 'y', 'o'
        ])
        .prop_map(KeyCode::Char),
    ];
    let mods = prop_oneof![
        8 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::CONTROL),
    ];
    (plain, mods).prop_filter_map("no quit or suspend", |(code, mods)| {
        let quit = matches!(code, KeyCode::Char('q'))
            || (mods == KeyModifiers::CONTROL && matches!(code, KeyCode::Char('c' | 'z')));
        (!quit).then(|| Event::Key(KeyEvent::new(code, mods)))
    })
}

/// Presses, wheel turns and the events the reader ignores, anywhere
/// (also outside the screen, as a terminal larger than the drawing may send).
fn mouse_strategy() -> impl Strategy<Value = Event> {
    let kind = prop_oneof![
        4 => Just(MouseEventKind::Down(MouseButton::Left)),
        1 => Just(MouseEventKind::Up(MouseButton::Left)),
        1 => Just(MouseEventKind::Down(MouseButton::Right)),
        2 => Just(MouseEventKind::ScrollDown),
        2 => Just(MouseEventKind::ScrollUp),
        1 => Just(MouseEventKind::Moved),
    ];
    (kind, 0u16..=320, 0u16..=110).prop_map(|(kind, column, row)| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    })
}

fn event_strategy() -> impl Strategy<Value = Event> {
    prop_oneof![
        9 => key_strategy(),
        3 => mouse_strategy(),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Event::Resize(w, h)),
        1 => "[a-zİış\\n\\r\\t ]{0,12}".prop_map(Event::Paste),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_sizes_and_keys_never_panic(
        w in 1u16..=300,
        h in 1u16..=100,
        events in prop::collection::vec(event_strategy(), 0..60),
    ) {
        let mut app = App::new(bundled(), Rect::new(0, 0, w, h), Theme::colour());
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| ui::draw(f, &app)).unwrap();
        for ev in &events {
            app.handle_event(ev);
            // As the event loop does once no more events are waiting.
            app.update(Action::Settle);
            if let Event::Resize(w, h) = ev {
                terminal.backend_mut().resize(*w, *h);
            }
            terminal.draw(|f| ui::draw(f, &app)).unwrap();
            prop_assert!(!app.quit);
            // A heading jump may put a line of the last screenful on top
            // (`put_on_top`), never past the text.
            let lines = app.viewer.document.as_ref().map_or(0, |d| d.lines.len());
            prop_assert!(app.viewer.scroll <= app.viewer.max_scroll().max(lines.saturating_sub(1)));
            let list = &app.list;
            prop_assert!(list.rows.is_empty() || list.selected < list.rows.len());
            // The wheel moves the rows without the selection: it may be off
            // screen, but the rows shown are rows.
            prop_assert!(list.offset <= list.rows.len().saturating_sub(list.height.max(1)) || list.rows.is_empty());
            let s = &app.statistics;
            prop_assert!(s.scroll <= s.max_scroll());
            if let Some(i) = s.selected {
                let shown = s.rows[s.scroll..(s.scroll + s.height).min(s.rows.len())]
                    .iter()
                    .any(|r| matches!(r, StatRow::Figure { figure, .. } if *figure == i));
                prop_assert!(shown, "the selected figure {} is on screen", i);
            }
        }
    }
}
