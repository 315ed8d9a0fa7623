//! The key map: one table binds keys to actions per context, and the help
//! overlay and the README's key table are generated from the same table, so
//! none of them can disagree with what a key does.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// What an event asks for. `App::update` is the only place that acts on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Suspend to the shell (Ctrl-Z).
    Suspend,
    Help,
    CloseHelp,
    StartSearch,
    /// Esc outside the search line: from a pane back to the list; in the
    /// list, clear kept results and return to where the search started.
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
    CycleSortBack,
    /// Only the cities with reports, or all again (`has:report`).
    ToggleReports,
    /// The facet picker.
    OpenPicker,
    ClosePicker,
    /// In the picker: check or uncheck the selected value.
    PickerToggle,
    PickerNextGroup,
    PickerPrevGroup,
    /// In the picker: drop every facet.
    PickerClear,
    /// The world map in the statistics pane, or the statistics alone.
    ToggleMap,
    /// In the search line: complete the facet word at the cursor, or the
    /// next (`CompleteBack`: previous) of its completions.
    Complete,
    CompleteBack,
    NextMatch,
    PrevMatch,
    /// In the search line: open the selected hit and keep the results.
    SearchAccept,
    /// In the search line: cancel, back to where `/` was pressed.
    SearchCancel,
    /// In the search line: an edit for tui-input.
    SearchEdit(KeyEvent),
    /// In the search line: ↑/↓ walk earlier searches when the line is empty
    /// (or already shows one), and move in the results otherwise.
    SearchUp,
    SearchDown,
    /// Text pasted by the terminal (bracketed paste).
    Paste(String),
    /// Letters typed into the search or find line that arrived together
    /// (see [`typed_letter`]): put in as one string, since each letter put
    /// in alone costs the length of the line.
    Type(String),
    /// The terminal's new size, in columns and rows.
    Resize(u16, u16),
    /// Every pending event has been applied: do the work that was put off
    /// so that a burst of keys costs one search, not one per key.
    Settle,
    /// A mouse press or wheel turn, at a cell of the screen.
    Pointer(Pointer),
    /// In the viewer: to the next (or previous) heading, or paragraph.
    NextHeading,
    PrevHeading,
    NextParagraph,
    PrevParagraph,
    /// The open text's headings, to jump to one; and closing that list.
    OpenOutline,
    CloseOutline,
    /// `y`: the selected thing to the clipboard (OSC 52); `Y`: the whole
    /// open report as Markdown.
    Copy,
    CopyReport,
    /// `o`: the source of the report or city on show, in the browser or,
    /// without a display, whole in a popup.
    OpenSource,
    /// No browser of $BROWSER could start for this address (the error).
    BrowserFailed(String, String),
    /// `/` in the viewer: find words in the open text only.
    StartFind,
    /// In the find line: an edit, go to the first match, or cancel.
    FindEdit(KeyEvent),
    FindAccept,
    FindCancel,
    /// The focused pane alone on the screen, or back.
    ToggleZoom,
    /// `u`: the report at hand read or unread (on a city, all of its).
    ToggleRead,
    /// `B`: the report at hand bookmarked, or not.
    ToggleBookmark,
    /// `L`: a report's summary first, or its text first (the summary is
    /// English, the text in the report's language).
    ToggleTextOrder,
    /// The state of an earlier session, read when the reader starts.
    Restore(Box<crate::state::Saved>),
    /// The state as saved, merged with what another reader saved.
    Saved(Box<crate::state::Saved>),
    /// A line for the status bar from outside (a save that failed).
    Notice(String),
}

/// What the mouse did. Only presses and the wheel are asked of the
/// terminal (no motion reports), so these are all there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// The left button pressed; `double` when it is the second press in
    /// the same cell within [`DOUBLE_CLICK`].
    Click { x: u16, y: u16, double: bool },
    /// The wheel turned: lines down (positive) or up.
    Wheel { x: u16, y: u16, lines: i16 },
}

/// Two presses in one cell this close together are a double click (the
/// common desktop default is 400–500 ms).
pub const DOUBLE_CLICK: std::time::Duration = std::time::Duration::from_millis(400);

/// Lines the wheel scrolls per notch, as in less and most terminals.
pub const WHEEL_LINES: i16 = 3;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, the search line and the help included.
    Always,
    /// In every pane (not in the search line or the help).
    Global,
    Cities,
    Viewer,
    Statistics,
    /// Typing in the search line: keys not bound here are text.
    Search,
    /// The help overlay: keys not bound here do nothing.
    Help,
    /// The facet picker: keys not bound here do nothing.
    Picker,
    /// The outline of the open text: keys not bound here do nothing.
    Outline,
    /// Typing in the viewer's find line: keys not bound here are text.
    Find,
}

/// Which pane or line has the keyboard, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFocus {
    Cities,
    Viewer,
    Statistics,
    Search,
    Help,
    Picker,
    Outline,
    Find,
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub action: Action,
    /// The message (`locales/*/keys.ftl`) that says what it does: looked
    /// up when shown, in the language of the moment (see [`describe`]).
    pub help: &'static str,
}

/// What a binding does, in the current language: its `help` message.
pub fn describe(help: &str) -> String {
    crate::i18n::text(help, &[])
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

macro_rules! bind {
    ($ctx:ident, [$($code:expr, $mods:expr);+], $action:expr, $help:expr) => {
        Binding {
            context: Context::$ctx,
            keys: &[$(($code, $mods)),+],
            action: $action,
            help: $help,
        }
    };
}

use KeyCode::{
    BackTab, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up, F,
};

/// Every binding. Order matters only for the help overlay.
pub static BINDINGS: &[Binding] = &[
    bind!(Global, [Char('q'), NONE], Action::Quit, "keys-quit"),
    bind!(
        Always,
        [Char('c'), CTRL],
        Action::Quit,
        "keys-quit-anywhere"
    ),
    bind!(Global, [Char('?'), NONE; F(1), NONE], Action::Help, "keys-help"),
    bind!(
        Global,
        [Char('/'), NONE],
        Action::StartSearch,
        "keys-search"
    ),
    bind!(Global, [Esc, NONE], Action::Back, "keys-back"),
    bind!(Global, [Tab, NONE], Action::FocusNext, "keys-focus-next"),
    bind!(
        Global,
        [BackTab, NONE],
        Action::FocusPrev,
        "keys-focus-prev"
    ),
    bind!(Global, [Char('h'), NONE; Left, NONE], Action::FocusLeft, "keys-focus-left"),
    bind!(Global, [Char('l'), NONE; Right, NONE], Action::FocusRight, "keys-focus-right"),
    bind!(Global, [Char('j'), NONE; Down, NONE], Action::Down, "keys-down"),
    bind!(Global, [Char('k'), NONE; Up, NONE], Action::Up, "keys-up"),
    bind!(
        Global,
        [Char('d'), CTRL],
        Action::HalfPageDown,
        "keys-half-page-down"
    ),
    bind!(
        Global,
        [Char('u'), CTRL],
        Action::HalfPageUp,
        "keys-half-page-up"
    ),
    bind!(
        Global,
        [PageDown, NONE; Char(' '), NONE; Char('f'), CTRL],
        Action::PageDown,
        "keys-page-down"
    ),
    bind!(
        Global,
        [PageUp, NONE; Char('b'), NONE; Char('b'), CTRL],
        Action::PageUp,
        "keys-page-up"
    ),
    bind!(Global, [Char('g'), NONE; Home, NONE], Action::Top, "keys-top"),
    bind!(Global, [Char('G'), NONE; End, NONE], Action::Bottom, "keys-bottom"),
    bind!(
        Global,
        [Char('n'), NONE],
        Action::NextMatch,
        "keys-next-match"
    ),
    bind!(
        Global,
        [Char('N'), NONE],
        Action::PrevMatch,
        "keys-prev-match"
    ),
    bind!(Global, [Char('f'), NONE], Action::OpenPicker, "keys-picker"),
    bind!(
        Global,
        [Char('r'), NONE],
        Action::ToggleReports,
        "keys-reports"
    ),
    bind!(Global, [Char('m'), NONE], Action::ToggleMap, "keys-map"),
    bind!(Global, [Char('z'), NONE], Action::ToggleZoom, "keys-zoom"),
    bind!(Always, [Char('z'), CTRL], Action::Suspend, "keys-suspend"),
    bind!(Cities, [Enter, NONE], Action::Open, "keys-cities-open"),
    bind!(
        Cities,
        [Char('s'), NONE],
        Action::CycleSort,
        "keys-cities-sort"
    ),
    bind!(
        Cities,
        [Char('S'), NONE],
        Action::CycleSortBack,
        "keys-cities-sort-back"
    ),
    bind!(
        Statistics,
        [Enter, NONE],
        Action::Open,
        "keys-statistics-open"
    ),
    bind!(
        Search,
        [Enter, NONE],
        Action::SearchAccept,
        "keys-search-accept"
    ),
    bind!(
        Search,
        [Esc, NONE],
        Action::SearchCancel,
        "keys-search-cancel"
    ),
    bind!(Search, [Up, NONE], Action::SearchUp, "keys-search-up"),
    bind!(Search, [Down, NONE], Action::SearchDown, "keys-search-down"),
    bind!(
        Search,
        [Tab, NONE],
        Action::Complete,
        "keys-search-complete"
    ),
    bind!(
        Search,
        [BackTab, NONE],
        Action::CompleteBack,
        "keys-search-complete-back"
    ),
    bind!(
        Search,
        [Char('p'), CTRL],
        Action::Up,
        "keys-search-results-up"
    ),
    bind!(
        Search,
        [Char('n'), CTRL],
        Action::Down,
        "keys-search-results-down"
    ),
    bind!(
        Help,
        [Char('q'), NONE; Esc, NONE; Char('?'), NONE; F(1), NONE],
        Action::CloseHelp,
        "keys-help-close"
    ),
    bind!(Help, [Char('j'), NONE; Down, NONE], Action::Down, "keys-help-down"),
    bind!(Help, [Char('k'), NONE; Up, NONE], Action::Up, "keys-help-up"),
    bind!(
        Help,
        [PageDown, NONE; Char(' '), NONE; Char('f'), CTRL],
        Action::PageDown,
        "keys-page-down"
    ),
    bind!(
        Help,
        [PageUp, NONE; Char('b'), NONE; Char('b'), CTRL],
        Action::PageUp,
        "keys-page-up"
    ),
    bind!(Help, [Char('g'), NONE; Home, NONE], Action::Top, "keys-top"),
    bind!(Help, [Char('G'), NONE; End, NONE], Action::Bottom, "keys-bottom"),
    bind!(
        Picker,
        [Esc, NONE; Char('q'), NONE; Char('f'), NONE],
        Action::ClosePicker,
        "keys-picker-close"
    ),
    bind!(
        Picker,
        [Char(' '), NONE; Enter, NONE; Char('x'), NONE],
        Action::PickerToggle,
        "keys-picker-toggle"
    ),
    bind!(Picker, [Char('j'), NONE; Down, NONE], Action::Down, "keys-picker-down"),
    bind!(Picker, [Char('k'), NONE; Up, NONE], Action::Up, "keys-picker-up"),
    bind!(
        Picker,
        [Tab, NONE],
        Action::PickerNextGroup,
        "keys-picker-next-facet"
    ),
    bind!(
        Picker,
        [BackTab, NONE],
        Action::PickerPrevGroup,
        "keys-picker-prev-facet"
    ),
    bind!(Picker, [PageDown, NONE; Char('f'), CTRL], Action::PageDown, "keys-page-down"),
    bind!(Picker, [PageUp, NONE; Char('b'), CTRL], Action::PageUp, "keys-page-up"),
    bind!(Picker, [Char('g'), NONE; Home, NONE], Action::Top, "keys-top"),
    bind!(Picker, [Char('G'), NONE; End, NONE], Action::Bottom, "keys-bottom"),
    bind!(
        Picker,
        [Char('c'), NONE],
        Action::PickerClear,
        "keys-picker-clear"
    ),
    bind!(Viewer, [Char('/'), NONE], Action::StartFind, "keys-find"),
    bind!(Find, [Enter, NONE], Action::FindAccept, "keys-find-accept"),
    bind!(Find, [Esc, NONE], Action::FindCancel, "keys-find-cancel"),
    bind!(
        Viewer,
        [Char(']'), NONE],
        Action::NextHeading,
        "keys-next-heading"
    ),
    bind!(
        Viewer,
        [Char('['), NONE],
        Action::PrevHeading,
        "keys-prev-heading"
    ),
    bind!(
        Viewer,
        [Char('}'), NONE],
        Action::NextParagraph,
        "keys-next-paragraph"
    ),
    bind!(
        Viewer,
        [Char('{'), NONE],
        Action::PrevParagraph,
        "keys-prev-paragraph"
    ),
    bind!(
        Global,
        [Char('u'), NONE],
        Action::ToggleRead,
        "keys-toggle-read"
    ),
    bind!(
        Global,
        [Char('B'), NONE],
        Action::ToggleBookmark,
        "keys-toggle-bookmark"
    ),
    bind!(Global, [Char('y'), NONE], Action::Copy, "keys-copy"),
    bind!(
        Global,
        [Char('Y'), NONE],
        Action::CopyReport,
        "keys-copy-report"
    ),
    bind!(
        Global,
        [Char('o'), NONE],
        Action::OpenSource,
        "keys-open-source"
    ),
    bind!(
        Global,
        [Char('t'), NONE],
        Action::OpenOutline,
        "keys-outline"
    ),
    bind!(
        Global,
        [Char('L'), NONE],
        Action::ToggleTextOrder,
        "keys-text-order"
    ),
    bind!(
        Outline,
        [Esc, NONE; Char('q'), NONE; Char('t'), NONE],
        Action::CloseOutline,
        "keys-outline-close"
    ),
    bind!(Outline, [Enter, NONE], Action::Open, "keys-outline-open"),
    bind!(Outline, [Char('j'), NONE; Down, NONE], Action::Down, "keys-next-heading"),
    bind!(Outline, [Char('k'), NONE; Up, NONE], Action::Up, "keys-prev-heading"),
    bind!(Outline, [PageDown, NONE; Char('f'), CTRL], Action::PageDown, "keys-page-down"),
    bind!(Outline, [PageUp, NONE; Char('b'), CTRL], Action::PageUp, "keys-page-up"),
    bind!(Outline, [Char('g'), NONE; Home, NONE], Action::Top, "keys-outline-top"),
    bind!(Outline, [Char('G'), NONE; End, NONE], Action::Bottom, "keys-outline-bottom"),
];

/// The sections of the help, in order, with the message of the name each
/// is shown under.
pub const SECTIONS: &[(Context, &str)] = &[
    (Context::Global, "keys-section-global"),
    (Context::Cities, "keys-section-cities"),
    (Context::Viewer, "keys-section-viewer"),
    (Context::Statistics, "keys-section-statistics"),
    (Context::Search, "keys-section-search"),
    (Context::Picker, "keys-section-picker"),
    (Context::Outline, "keys-section-outline"),
    (Context::Find, "keys-section-find"),
    (Context::Help, "keys-section-help"),
    (Context::Always, "keys-section-always"),
];

fn context_of(focus: KeyFocus) -> Context {
    match focus {
        KeyFocus::Cities => Context::Cities,
        KeyFocus::Viewer => Context::Viewer,
        KeyFocus::Statistics => Context::Statistics,
        KeyFocus::Search => Context::Search,
        KeyFocus::Help => Context::Help,
        KeyFocus::Picker => Context::Picker,
        KeyFocus::Outline => Context::Outline,
        KeyFocus::Find => Context::Find,
    }
}

fn matches(keys: &[(KeyCode, KeyModifiers)], key: &KeyEvent) -> bool {
    keys.iter().any(|&(code, mods)| {
        code == key.code
            && (mods == key.modifiers
                || (mods == NONE && key.modifiers == KeyModifiers::SHIFT && shift_is_implied(code)))
    })
}

/// Terminals disagree on whether `?`, `G` or Shift-Tab arrive with SHIFT:
/// for keys that are shifted by nature, accept both.
fn shift_is_implied(code: KeyCode) -> bool {
    match code {
        Char(c) => !c.is_ascii_lowercase() && c != ' ',
        BackTab => true,
        _ => false,
    }
}

/// The action for a key press in the given focus with the key map in use
/// (`install`ed from the config file, else the defaults).
pub fn action_for(key: &KeyEvent, focus: KeyFocus) -> Option<Action> {
    active().action_for(key, focus)
}

/// The action for any terminal event: keys through the table, the mouse's
/// presses and wheel as `Pointer`s (a press is a single click here; the
/// app, which knows the last one, tells a double click), the rest as they
/// come.
pub fn action_for_event(event: &Event, focus: KeyFocus) -> Option<Action> {
    match event {
        Event::Key(key) => action_for(key, focus),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => pointer(m).map(Action::Pointer),
        _ => None,
    }
}

/// The letter `action` puts in the search or find line, when that is all
/// it does: tui-input's own reading of the key, so a run of them inserted
/// as one string ([`Action::Type`]) is exactly what the keys would do one
/// by one.
pub fn typed_letter(action: &Action) -> Option<char> {
    match action {
        Action::SearchEdit(key) | Action::FindEdit(key) => {
            match tui_input::backend::crossterm::to_input_request(&Event::Key(*key)) {
                Some(tui_input::InputRequest::InsertChar(c)) => Some(c),
                _ => None,
            }
        }
        _ => None,
    }
}

fn pointer(m: &MouseEvent) -> Option<Pointer> {
    let (x, y) = (m.column, m.row);
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Pointer::Click {
            x,
            y,
            double: false,
        }),
        MouseEventKind::ScrollDown => Some(Pointer::Wheel {
            x,
            y,
            lines: WHEEL_LINES,
        }),
        MouseEventKind::ScrollUp => Some(Pointer::Wheel {
            x,
            y,
            lines: -WHEEL_LINES,
        }),
        _ => None,
    }
}

/// How one key is written for people.
pub fn key_name(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        Char(' ') => "Space".to_owned(),
        Char(c) => c.to_string(),
        F(n) => format!("F{n}"),
        Up => "↑".into(),
        Down => "↓".into(),
        Left => "←".into(),
        Right => "→".into(),
        PageUp => "PgUp".into(),
        PageDown => "PgDn".into(),
        Home => "Home".into(),
        End => "End".into(),
        Enter => "Enter".into(),
        Esc => "Esc".into(),
        Tab => "Tab".into(),
        BackTab => "Shift-Tab".into(),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.to_uppercase())
    } else {
        base
    }
}

/// Keys as written in the help: `j ↓`, `PgDn Space Ctrl-F`.
pub fn label(keys: &[(KeyCode, KeyModifiers)]) -> String {
    keys.iter()
        .map(|&(code, mods)| key_name(code, mods))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first key that does `action` where `focus` has the keyboard, with
/// the key map in use, as the help writes it: for the footer's hints, so
/// that a key rebound in the config file is the key the footer names.
pub fn key_in(focus: KeyFocus, action: &Action) -> Option<String> {
    let ctx = context_of(focus);
    let panes = matches!(ctx, Context::Cities | Context::Viewer | Context::Statistics);
    // A pane's own key, then the keys of every pane (`q`), then the keys
    // of everywhere (Ctrl-C): the one a reader uses most is named.
    [ctx, Context::Global, Context::Always]
        .into_iter()
        .filter(|&c| c != Context::Global || panes)
        .find_map(|c| {
            active()
                .bindings
                .iter()
                .find(|b| b.context == c && b.action == *action)
                .and_then(|b| b.keys.first())
        })
        .map(|&(code, mods)| key_name(code, mods))
}

/// The help's sections, of the key map in use, in the current language.
pub fn help_sections() -> Vec<(String, Vec<(String, String)>)> {
    active().help_sections()
}

/// The key map: the table's bindings, with the keys the config file gives
/// (see `config`). Every key press is looked up here.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<KeyBinding>,
}

#[derive(Debug, Clone)]
pub struct KeyBinding {
    pub context: Context,
    pub keys: Vec<(KeyCode, KeyModifiers)>,
    pub action: Action,
    pub help: &'static str,
}

static ACTIVE: std::sync::OnceLock<Keymap> = std::sync::OnceLock::new();

/// Makes `keymap` the one in use, once, before the reader starts.
pub fn install(keymap: Keymap) {
    let _ = ACTIVE.set(keymap);
}

fn active() -> &'static Keymap {
    ACTIVE.get_or_init(Keymap::default)
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: BINDINGS
                .iter()
                .map(|b| KeyBinding {
                    context: b.context,
                    keys: b.keys.to_vec(),
                    action: b.action.clone(),
                    help: b.help,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The action for a key press in the given focus; `None` if the key
    /// means nothing there. Key releases are ignored.
    pub fn action_for(&self, key: &KeyEvent, focus: KeyFocus) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let ctx = context_of(focus);
        let find = |c: Context| {
            self.bindings
                .iter()
                .find(|b| b.context == c && matches(&b.keys, key))
                .map(|b| b.action.clone())
        };
        find(ctx)
            .or_else(|| find(Context::Always))
            .or_else(|| match ctx {
                // In the search line every other key is text (or an edit).
                Context::Search => Some(Action::SearchEdit(*key)),
                Context::Find => Some(Action::FindEdit(*key)),
                Context::Help | Context::Picker | Context::Outline => None,
                _ => find(Context::Global),
            })
    }

    /// Gives the action named `name` in `group` (see `config_name`) these
    /// keys instead of its own; a key it takes is taken from any other
    /// action it had in the same context (a pane's own keys still come
    /// before the keys of every pane, as in the table). False if no action has that name.
    pub fn rebind(&mut self, group: Group, name: &str, keys: &[(KeyCode, KeyModifiers)]) -> bool {
        let names: Vec<String> = self.bindings.iter().map(|b| self.name_of(b)).collect();
        let is_it = |i: usize| group.has(self.bindings[i].context) && names[i] == name;
        if !(0..self.bindings.len()).any(is_it) {
            return false;
        }
        let hits: Vec<bool> = (0..self.bindings.len()).map(is_it).collect();
        let contexts: Vec<Context> = (0..self.bindings.len())
            .filter(|&i| hits[i])
            .map(|i| self.bindings[i].context)
            .collect();
        for (b, hit) in self.bindings.iter_mut().zip(hits) {
            if hit {
                b.keys = keys.to_vec();
            } else if contexts.contains(&b.context) {
                b.keys.retain(|k| !keys.contains(k));
            }
        }
        true
    }

    /// A binding's name in the config file: its action's, and for a key
    /// that works everywhere for an action that also has keys of its own
    /// (Ctrl-C besides q), with `-anywhere`, so each can be set alone.
    fn name_of(&self, b: &KeyBinding) -> String {
        let name = config_name(&b.action);
        let also_elsewhere = b.context == Context::Always
            && self
                .bindings
                .iter()
                .any(|o| o.context != Context::Always && o.action == b.action);
        if also_elsewhere {
            name + "-anywhere"
        } else {
            name
        }
    }

    /// The actions of `group` by name, in the table's order, once each,
    /// with their keys and help.
    pub fn names(&self, group: Group) -> Vec<(String, &KeyBinding)> {
        let mut out: Vec<(String, &KeyBinding)> = Vec::new();
        for b in self.bindings.iter().filter(|b| group.has(b.context)) {
            let name = self.name_of(b);
            if !out.iter().any(|(n, _)| *n == name) {
                out.push((name, b));
            }
        }
        out
    }

    /// The help's sections: a title and (keys, description) rows, in the
    /// current language. An action left with no key is not listed.
    pub fn help_sections(&self) -> Vec<(String, Vec<(String, String)>)> {
        let mouse = (crate::t!("keys-section-mouse"), mouse_help());
        SECTIONS
            .iter()
            .map(|&(ctx, title)| {
                let rows = self
                    .bindings
                    .iter()
                    .filter(|b| b.context == ctx && !b.keys.is_empty())
                    .map(|b| (label(&b.keys), describe(b.help)))
                    .collect();
                (describe(title), rows)
            })
            .filter(|(_, rows): &(_, Vec<_>)| !rows.is_empty())
            .chain(std::iter::once(mouse))
            .collect()
    }
}

/// Where a config file's key names apply: the panes (with the keys that
/// work everywhere), or one of the lines and overlays with keys of their
/// own (`[keys.search]`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Panes,
    Only(Context),
}

impl Group {
    pub const ALL: [(Group, &'static str); 6] = [
        (Group::Panes, ""),
        (Group::Only(Context::Search), "search"),
        (Group::Only(Context::Find), "find"),
        (Group::Only(Context::Help), "help-screen"),
        (Group::Only(Context::Picker), "picker"),
        (Group::Only(Context::Outline), "outline"),
    ];

    pub fn has(self, ctx: Context) -> bool {
        match self {
            Group::Panes => matches!(
                ctx,
                Context::Always
                    | Context::Global
                    | Context::Cities
                    | Context::Viewer
                    | Context::Statistics
            ),
            Group::Only(c) => c == ctx,
        }
    }
}

/// An action's name in the config file: its name in kebab case
/// (`ToggleBookmark` → `toggle-bookmark`).
pub fn config_name(action: &Action) -> String {
    let debug = format!("{action:?}");
    let name = debug.split(['(', ' ', '{']).next().unwrap_or("");
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A key as a config file writes it (what `parse_key` reads).
pub fn config_key_name(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        Char(' ') => "space".to_owned(),
        Char(c) => c.to_string(),
        F(n) => format!("f{n}"),
        BackTab => "shift-tab".into(),
        PageUp => "pgup".into(),
        PageDown => "pgdn".into(),
        other => key_name(other, NONE).to_lowercase(),
    };
    let base = match base.as_str() {
        "↑" => "up".to_owned(),
        "↓" => "down".to_owned(),
        "←" => "left".to_owned(),
        "→" => "right".to_owned(),
        _ => base,
    };
    if mods.contains(CTRL) {
        format!("ctrl-{base}")
    } else {
        base
    }
}

/// A key as a config file writes it: `q`, `G`, `?`, `ctrl-d`, `space`,
/// `enter`, `esc`, `tab`, `shift-tab`, `up`, `pgdn`, `home`, `f1`, … (the
/// names the help shows are taken too: `↑`, `PgDn`, `Ctrl-D`).
pub fn parse_key(text: &str) -> Option<(KeyCode, KeyModifiers)> {
    let t = text.trim();
    let (mods, rest) = match t.get(..5) {
        Some(p) if p.eq_ignore_ascii_case("ctrl-") && t.len() > 5 => (CTRL, &t[5..]),
        _ => (NONE, t),
    };
    let mut chars = rest.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let code = match c {
            '↑' => Up,
            '↓' => Down,
            '←' => Left,
            '→' => Right,
            c if mods == CTRL => Char(c.to_ascii_lowercase()),
            c => Char(c),
        };
        return (!c.is_control()).then_some((code, mods));
    }
    let low = rest.to_ascii_lowercase();
    let code = match low.as_str() {
        "space" => Char(' '),
        "enter" | "return" => Enter,
        "esc" | "escape" => Esc,
        "tab" => Tab,
        "shift-tab" | "backtab" => BackTab,
        "up" => Up,
        "down" => Down,
        "left" => Left,
        "right" => Right,
        "pgup" | "pageup" => PageUp,
        "pgdn" | "pagedown" => PageDown,
        "home" => Home,
        "end" => End,
        f if f.starts_with('f') => F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?),
        _ => return None,
    };
    Some((code, mods))
}

/// The mouse, for the help: not keys, but the same door (`Pointer`).
/// What it is called and what it does, in the current language.
fn mouse_help() -> Vec<(String, String)> {
    use crate::t;
    vec![
        (
            t!("keys-mouse-wheel"),
            t!("keys-mouse-wheel-does", lines = WHEEL_LINES as u64),
        ),
        (t!("keys-mouse-click"), t!("keys-mouse-click-does")),
        (t!("keys-mouse-double"), t!("keys-mouse-double-does")),
        (
            t!("keys-mouse-shift-drag"),
            t!("keys-mouse-shift-drag-does"),
        ),
    ]
}

/// The key table as Markdown, for the README (a test keeps the two equal),
/// in the current language (the README's is English).
pub fn markdown_table() -> String {
    let mut s = format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        crate::t!("keys-table-where"),
        crate::t!("keys-table-keys"),
        crate::t!("keys-table-what")
    );
    for (title, rows) in Keymap::default().help_sections() {
        for (keys, help) in rows {
            let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
            s.push_str(&format!("| {title} | {} | {help} |\n", keys.join(" ")));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_the_table_reads_back_from_its_config_name() {
        for b in BINDINGS {
            for &(code, mods) in b.keys {
                let name = config_key_name(code, mods);
                assert_eq!(parse_key(&name), Some((code, mods)), "{name}");
            }
        }
        assert_eq!(parse_key("Ctrl-D"), Some((Char('d'), CTRL)));
        assert_eq!(parse_key("↑"), Some((Up, NONE)));
        assert_eq!(parse_key("f13"), Some((F(13), NONE)));
        for bad in ["", "ctrl-", "f0", "f25", "hyper-x", "ab"] {
            assert_eq!(parse_key(bad), None, "{bad:?}");
        }
    }

    const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn q_quits_except_in_the_search_line_and_the_help() {
        let q = key(Char('q'), NONE);
        assert_eq!(action_for(&q, KeyFocus::Cities), Some(Action::Quit));
        assert_eq!(action_for(&q, KeyFocus::Viewer), Some(Action::Quit));
        assert_eq!(
            action_for(&q, KeyFocus::Search),
            Some(Action::SearchEdit(q))
        );
        assert_eq!(action_for(&q, KeyFocus::Help), Some(Action::CloseHelp));
        let ctrl_c = key(Char('c'), CTRL);
        for focus in [KeyFocus::Search, KeyFocus::Help, KeyFocus::Statistics] {
            assert_eq!(action_for(&ctrl_c, focus), Some(Action::Quit));
        }
    }

    #[test]
    fn help_closes_on_q_esc_and_question_mark_and_scrolls_with_j_k() {
        for code in [Char('q'), Esc, Char('?'), F(1)] {
            assert_eq!(
                action_for(&key(code, NONE), KeyFocus::Help),
                Some(Action::CloseHelp),
                "{code:?}"
            );
        }
        assert_eq!(
            action_for(&key(Char('j'), NONE), KeyFocus::Help),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(&key(End, NONE), KeyFocus::Help),
            Some(Action::Bottom)
        );
        // Other keys do nothing there (they neither quit nor search).
        assert_eq!(action_for(&key(Char('/'), NONE), KeyFocus::Help), None);
    }

    #[test]
    fn enter_means_what_the_pane_says() {
        let enter = key(Enter, NONE);
        assert_eq!(action_for(&enter, KeyFocus::Cities), Some(Action::Open));
        assert_eq!(action_for(&enter, KeyFocus::Statistics), Some(Action::Open));
        assert_eq!(
            action_for(&enter, KeyFocus::Search),
            Some(Action::SearchAccept)
        );
        assert_eq!(action_for(&enter, KeyFocus::Viewer), None);
    }

    #[test]
    fn shifted_symbols_arrive_either_way() {
        for mods in [NONE, SHIFT] {
            assert_eq!(
                action_for(&key(Char('?'), mods), KeyFocus::Cities),
                Some(Action::Help)
            );
            assert_eq!(
                action_for(&key(Char('G'), mods), KeyFocus::Viewer),
                Some(Action::Bottom)
            );
            assert_eq!(
                action_for(&key(Char('N'), mods), KeyFocus::Viewer),
                Some(Action::PrevMatch)
            );
            assert_eq!(
                action_for(&key(BackTab, mods), KeyFocus::Viewer),
                Some(Action::FocusPrev)
            );
        }
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
    fn arrows_walk_history_or_results_and_ctrl_p_n_move_in_the_results() {
        assert_eq!(
            action_for(&key(Up, NONE), KeyFocus::Search),
            Some(Action::SearchUp)
        );
        assert_eq!(
            action_for(&key(Down, NONE), KeyFocus::Search),
            Some(Action::SearchDown)
        );
        assert_eq!(
            action_for(&key(Char('p'), CTRL), KeyFocus::Search),
            Some(Action::Up)
        );
        assert_eq!(
            action_for(&key(Char('n'), CTRL), KeyFocus::Search),
            Some(Action::Down)
        );
    }

    #[test]
    fn typed_letters_are_the_keys_that_insert_a_letter_in_a_line() {
        let typed = |k: KeyEvent, focus| action_for(&k, focus).as_ref().and_then(typed_letter);
        assert_eq!(typed(key(Char('q'), NONE), KeyFocus::Search), Some('q'));
        assert_eq!(typed(key(Char('Ş'), SHIFT), KeyFocus::Find), Some('Ş'));
        assert_eq!(typed(key(Char(' '), NONE), KeyFocus::Search), Some(' '));
        assert_eq!(typed(key(Char('w'), CTRL), KeyFocus::Search), None);
        assert_eq!(typed(key(KeyCode::Backspace, NONE), KeyFocus::Find), None);
        assert_eq!(typed(key(Enter, NONE), KeyFocus::Search), None);
        assert_eq!(typed(key(Char('q'), NONE), KeyFocus::Cities), None);
    }

    #[test]
    fn paste_and_resize_become_actions() {
        assert_eq!(
            action_for_event(&Event::Paste("x".into()), KeyFocus::Cities),
            Some(Action::Paste("x".into()))
        );
        assert_eq!(
            action_for_event(&Event::Resize(80, 24), KeyFocus::Help),
            Some(Action::Resize(80, 24))
        );
    }

    #[test]
    fn mouse_presses_and_the_wheel_are_pointers_and_the_rest_nothing() {
        let m = |kind| {
            Event::Mouse(MouseEvent {
                kind,
                column: 7,
                row: 3,
                modifiers: NONE,
            })
        };
        let at = |kind| action_for_event(&m(kind), KeyFocus::Viewer);
        assert_eq!(
            at(MouseEventKind::Down(MouseButton::Left)),
            Some(Action::Pointer(Pointer::Click {
                x: 7,
                y: 3,
                double: false
            }))
        );
        assert_eq!(
            at(MouseEventKind::ScrollDown),
            Some(Action::Pointer(Pointer::Wheel {
                x: 7,
                y: 3,
                lines: 3
            }))
        );
        assert_eq!(
            at(MouseEventKind::ScrollUp),
            Some(Action::Pointer(Pointer::Wheel {
                x: 7,
                y: 3,
                lines: -3
            }))
        );
        for other in [
            MouseEventKind::Up(MouseButton::Left),
            MouseEventKind::Down(MouseButton::Right),
            MouseEventKind::Moved,
            MouseEventKind::Drag(MouseButton::Left),
        ] {
            assert_eq!(at(other), None, "{other:?}");
        }
    }

    #[test]
    fn every_description_and_section_has_words_in_both_languages() {
        use crate::i18n::{try_text, with, Lang};
        let messages = BINDINGS
            .iter()
            .map(|b| b.help)
            .chain(SECTIONS.iter().map(|&(_, title)| title));
        for lang in Lang::ALL {
            for key in messages.clone() {
                assert!(with(lang, || try_text(key)).is_some(), "{key} in {lang:?}");
            }
        }
        let tr = with(Lang::Tr, help_sections);
        assert_eq!(tr[0].0, "Her panelde");
        assert!(tr[0].1.iter().any(|(k, h)| k == "q" && h == "çık"));
        assert_eq!(tr.last().unwrap().0, "Fare");
    }

    #[test]
    fn every_binding_is_in_the_help_with_its_keys() {
        let help = crate::i18n::with(crate::i18n::Lang::En, help_sections);
        let rows: usize = help.iter().map(|(_, r)| r.len()).sum();
        assert_eq!(rows, BINDINGS.len() + mouse_help().len());
        assert_eq!(help.last().unwrap().0, "Mouse");
        assert!(help
            .iter()
            .all(|(_, r)| r.iter().all(|(k, h)| !k.is_empty() && !h.is_empty())));
        assert_eq!(label(BINDINGS[0].keys), "q");
        let page = BINDINGS
            .iter()
            .find(|b| b.action == Action::PageDown)
            .unwrap();
        assert_eq!(label(page.keys), "PgDn Space Ctrl-F");
    }
}
