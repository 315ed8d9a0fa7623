//! The key map: one table binds keys to actions per context, and the help
//! overlay is generated from the same table, so the two cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What a key asks for. `App::update` is the only place that acts on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    StartSearch,
    /// Esc outside the search line: close help, or clear a kept filter.
    Back,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    Up,
    Down,
    HalfPageUp,
    HalfPageDown,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    CycleSort,
    NextMatch,
    PrevMatch,
    /// In the search line: keep the filter and move to the results.
    SearchAccept,
    /// In the search line: clear it and go back.
    SearchCancel,
    /// In the search line: an edit for tui-input.
    SearchEdit(KeyEvent),
    /// Suspend to the shell (Ctrl-Z).
    Suspend,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere but the search line.
    Global,
    Cities,
    Article,
    Stats,
    /// Typing in the search line.
    Search,
}

/// Which pane or line has the keyboard, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFocus {
    Cities,
    Article,
    Stats,
    Search,
    Help,
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in the help.
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

macro_rules! bind {
    ($ctx:ident, [$($code:expr, $mods:expr);+], $label:expr, $action:expr, $help:expr) => {
        Binding {
            context: Context::$ctx,
            keys: &[$(($code, $mods)),+],
            label: $label,
            action: $action,
            help: $help,
        }
    };
}

use KeyCode::{BackTab, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up};

/// Every binding. Order matters only for the help overlay.
pub static BINDINGS: &[Binding] = &[
    bind!(Global, [Char('q'), NONE; Char('c'), CTRL], "q  Ctrl-C", Action::Quit, "quit"),
    bind!(Global, [Char('?'), NONE; Char('?'), SHIFT; KeyCode::F(1), NONE], "?  F1", Action::Help, "show or hide this help"),
    bind!(
        Global,
        [Char('/'), NONE],
        "/",
        Action::StartSearch,
        "search cities, reports"
    ),
    bind!(
        Global,
        [Esc, NONE],
        "Esc",
        Action::Back,
        "close help/clear filter"
    ),
    bind!(Global, [Tab, NONE], "Tab", Action::FocusNext, "next pane"),
    bind!(Global, [BackTab, SHIFT; BackTab, NONE], "Shift-Tab", Action::FocusPrev, "previous pane"),
    bind!(Global, [Char('h'), NONE; Left, NONE], "h  ←", Action::FocusLeft, "pane to the left"),
    bind!(Global, [Char('l'), NONE; Right, NONE], "l  →", Action::FocusRight, "pane to the right"),
    bind!(Global, [Char('j'), NONE; Down, NONE], "j  ↓", Action::Down, "down one line or item"),
    bind!(Global, [Char('k'), NONE; Up, NONE], "k  ↑", Action::Up, "up one line or item"),
    bind!(
        Global,
        [Char('d'), CTRL],
        "Ctrl-D",
        Action::HalfPageDown,
        "down half a page"
    ),
    bind!(
        Global,
        [Char('u'), CTRL],
        "Ctrl-U",
        Action::HalfPageUp,
        "up half a page"
    ),
    bind!(Global, [PageDown, NONE; Char(' '), NONE; Char('f'), CTRL], "PgDn  Space", Action::PageDown, "down a page"),
    bind!(Global, [PageUp, NONE; Char('b'), NONE; Char('b'), CTRL], "PgUp  b", Action::PageUp, "up a page"),
    bind!(Global, [Char('g'), NONE; Home, NONE], "g  Home", Action::Top, "to the top"),
    bind!(Global, [Char('G'), SHIFT; Char('G'), NONE; End, NONE], "G  End", Action::Bottom, "to the end"),
    bind!(
        Global,
        [Char('n'), NONE],
        "n",
        Action::NextMatch,
        "next match in the text"
    ),
    bind!(Global, [Char('N'), SHIFT; Char('N'), NONE], "N", Action::PrevMatch, "previous match"),
    bind!(
        Global,
        [Char('z'), CTRL],
        "Ctrl-Z",
        Action::Suspend,
        "suspend (fg returns)"
    ),
    bind!(
        Cities,
        [Enter, NONE],
        "Enter",
        Action::Open,
        "open report / fold city"
    ),
    bind!(
        Cities,
        [Char('s'), NONE],
        "s",
        Action::CycleSort,
        "sort: name/year/reports"
    ),
    bind!(
        Stats,
        [Enter, NONE],
        "Enter",
        Action::Open,
        "go to source sentence"
    ),
    bind!(
        Search,
        [Enter, NONE],
        "Enter",
        Action::SearchAccept,
        "keep filter, go to list"
    ),
    bind!(
        Search,
        [Esc, NONE],
        "Esc",
        Action::SearchCancel,
        "clear search, go back"
    ),
    bind!(Search, [Down, NONE; Up, NONE], "↓  ↑", Action::Down, "move in the results"),
    bind!(Search, [Char('c'), CTRL], "Ctrl-C", Action::Quit, "quit"),
    bind!(
        Search,
        [Char('z'), CTRL],
        "Ctrl-Z",
        Action::Suspend,
        "suspend (fg returns)"
    ),
];

fn context_of(focus: KeyFocus) -> Context {
    match focus {
        KeyFocus::Cities => Context::Cities,
        KeyFocus::Article => Context::Article,
        KeyFocus::Stats => Context::Stats,
        KeyFocus::Search => Context::Search,
        KeyFocus::Help => Context::Global,
    }
}

fn matches(binding: &Binding, key: &KeyEvent) -> bool {
    binding.keys.iter().any(|&(code, mods)| {
        code == key.code
            && (mods == key.modifiers
                || (mods == NONE && key.modifiers == SHIFT && is_shifted_char(code)))
    })
}

/// Terminals disagree on whether `?` or `G` arrive with SHIFT: accept both.
fn is_shifted_char(code: KeyCode) -> bool {
    matches!(code, Char(c) if !c.is_ascii_lowercase() && c != ' ')
}

/// The action for a key press in the given focus; `None` if the key means
/// nothing there. Key releases and repeats of non-movement keys are ignored
/// by the caller.
pub fn action_for(key: &KeyEvent, focus: KeyFocus) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctx = context_of(focus);
    // Pane-specific bindings first, then global ones; in the search line
    // only its own bindings apply and every other key is text.
    let specific = BINDINGS
        .iter()
        .find(|b| b.context == ctx && ctx != Context::Global && matches(b, key));
    if let Some(b) = specific {
        return Some(if b.action == Action::Down && key.code == Up {
            Action::Up
        } else {
            b.action
        });
    }
    if ctx == Context::Search {
        return Some(Action::SearchEdit(*key));
    }
    BINDINGS
        .iter()
        .find(|b| b.context == Context::Global && matches(b, key))
        .map(|b| b.action)
}

/// The help overlay's sections: a title and (keys, description) rows.
pub fn help_sections() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    [
        (Context::Global, "Everywhere"),
        (Context::Cities, "City list"),
        (Context::Stats, "Statistics"),
        (Context::Search, "Search line"),
    ]
    .into_iter()
    .map(|(ctx, title)| {
        let rows = BINDINGS
            .iter()
            .filter(|b| b.context == ctx)
            .map(|b| (b.label, b.help))
            .collect();
        (title, rows)
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn q_quits_except_in_the_search_line() {
        let q = key(Char('q'), NONE);
        assert_eq!(action_for(&q, KeyFocus::Cities), Some(Action::Quit));
        assert_eq!(action_for(&q, KeyFocus::Article), Some(Action::Quit));
        assert_eq!(
            action_for(&q, KeyFocus::Search),
            Some(Action::SearchEdit(q))
        );
        let ctrl_c = key(Char('c'), CTRL);
        assert_eq!(action_for(&ctrl_c, KeyFocus::Search), Some(Action::Quit));
    }

    #[test]
    fn enter_means_what_the_pane_says() {
        let enter = key(Enter, NONE);
        assert_eq!(action_for(&enter, KeyFocus::Cities), Some(Action::Open));
        assert_eq!(action_for(&enter, KeyFocus::Stats), Some(Action::Open));
        assert_eq!(
            action_for(&enter, KeyFocus::Search),
            Some(Action::SearchAccept)
        );
        assert_eq!(action_for(&enter, KeyFocus::Article), None);
    }

    #[test]
    fn shifted_symbols_arrive_either_way() {
        assert_eq!(
            action_for(&key(Char('?'), SHIFT), KeyFocus::Cities),
            Some(Action::Help)
        );
        assert_eq!(
            action_for(&key(Char('?'), NONE), KeyFocus::Cities),
            Some(Action::Help)
        );
        assert_eq!(
            action_for(&key(Char('G'), SHIFT), KeyFocus::Article),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for(&key(Char('N'), SHIFT), KeyFocus::Article),
            Some(Action::PrevMatch)
        );
        // A capital letter is not its lower-case binding.
        assert_eq!(action_for(&key(Char('Q'), SHIFT), KeyFocus::Cities), None);
    }

    #[test]
    fn ctrl_z_suspends_from_the_search_line_too() {
        let z = key(Char('z'), CTRL);
        assert_eq!(action_for(&z, KeyFocus::Search), Some(Action::Suspend));
        assert_eq!(action_for(&z, KeyFocus::Cities), Some(Action::Suspend));
    }

    #[test]
    fn releases_are_ignored() {
        let mut k = key(Char('q'), NONE);
        k.kind = KeyEventKind::Release;
        assert_eq!(action_for(&k, KeyFocus::Cities), None);
    }

    #[test]
    fn arrows_move_the_results_while_typing() {
        assert_eq!(
            action_for(&key(Down, NONE), KeyFocus::Search),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(&key(Up, NONE), KeyFocus::Search),
            Some(Action::Up)
        );
    }

    #[test]
    fn every_binding_is_in_the_help() {
        let help = help_sections();
        let rows: usize = help.iter().map(|(_, r)| r.len()).sum();
        assert_eq!(rows, BINDINGS.len());
        assert!(help
            .iter()
            .all(|(_, r)| r.iter().all(|(k, h)| !k.is_empty() && !h.is_empty())));
    }
}
