//! Styles. The colour theme uses only the 16 ANSI colours, with black text on
//! a coloured background for marks so they read on dark and light terminals.
//! Under `NO_COLOR` no colour remains, only attributes (bold, underline,
//! reverse, faint, italic: no-color.org forbids colour, not those); focus
//! and matches never depend on colour alone (focused borders are also thick).

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub heading: Style,
    pub meta: Style,
    pub label: Style,
    pub notice: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub matched: Style,
    pub current_match: Style,
    pub sentence: Style,
    pub bar: Style,
    pub key: Style,
    pub status: Style,
    /// The map's land outline.
    pub map_land: Color,
    /// A city the filter lets through (every city without a filter).
    pub map_member: Style,
    /// A city outside the filter.
    pub map_other: Style,
    pub map_selected: Style,
}

impl Theme {
    pub fn colour() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            border: Style::new(),
            border_focused: bold.fg(Color::Cyan),
            title: bold,
            heading: bold,
            meta: Style::new().add_modifier(Modifier::DIM),
            label: bold.add_modifier(Modifier::UNDERLINED),
            notice: Style::new().add_modifier(Modifier::ITALIC),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            matched: Style::new().fg(Color::Black).bg(Color::Yellow),
            current_match: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            sentence: Style::new().fg(Color::Black).bg(Color::Green),
            bar: Style::new().fg(Color::Cyan),
            key: bold,
            status: Style::new(),
            // Bright black reads on dark and light backgrounds alike.
            map_land: Color::DarkGray,
            map_member: bold.fg(Color::Red),
            map_other: Style::new().fg(Color::DarkGray),
            map_selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// The colour theme without colour: where colour alone marked
    /// something (matches, the traced sentence), modifiers take its place.
    pub fn mono() -> Self {
        let plain = |s: Style| Style {
            fg: None,
            bg: None,
            ..s
        };
        let c = Theme::colour();
        Theme {
            border: plain(c.border),
            border_focused: plain(c.border_focused),
            title: plain(c.title),
            heading: plain(c.heading),
            meta: plain(c.meta),
            label: plain(c.label),
            notice: plain(c.notice),
            selected: plain(c.selected),
            selected_unfocused: plain(c.selected_unfocused),
            matched: Style::new().add_modifier(Modifier::REVERSED),
            current_match: Style::new()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            sentence: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            bar: plain(c.bar),
            key: plain(c.key),
            status: plain(c.status),
            map_land: Color::Reset,
            map_member: plain(c.map_member),
            map_other: Style::new().add_modifier(Modifier::DIM),
            map_selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// Mono when `NO_COLOR` is set to a non-empty value (no-color.org), or
    /// on a terminal that takes no colour (`TERM=dumb`).
    pub fn detect() -> Self {
        if crate::cli::no_color() || crate::cli::dumb_terminal() {
            Theme::mono()
        } else {
            Theme::colour()
        }
    }

    /// The colour theme with the colours a config file chose; a theme
    /// without colour (NO_COLOR, TERM=dumb) stays without.
    pub fn with_colours(mut self, colours: &[(crate::config::Slot, Color)]) -> Self {
        use crate::config::Slot;
        if self.is_colourless() {
            return self;
        }
        for &(slot, c) in colours {
            match slot {
                Slot::Accent => {
                    self.border_focused = self.border_focused.fg(c);
                    self.bar = self.bar.fg(c);
                }
                Slot::Match => self.matched = self.matched.bg(c),
                Slot::Current => self.current_match = self.current_match.bg(c),
                Slot::Sentence => self.sentence = self.sentence.bg(c),
                Slot::Map => self.map_member = self.map_member.fg(c),
            }
        }
        self
    }

    /// Every attribute (bold, faint, …) some style of the theme sets.
    pub fn modifiers(&self) -> Modifier {
        self.styles()
            .iter()
            .fold(Modifier::empty(), |m, s| m | s.add_modifier)
    }

    /// True when no style of the theme sets a colour.
    pub fn is_colourless(&self) -> bool {
        self.styles()
            .iter()
            .all(|s| s.fg.is_none() && s.bg.is_none())
            && self.map_land == Color::Reset
    }

    fn styles(&self) -> [Style; 18] {
        [
            self.border,
            self.border_focused,
            self.title,
            self.heading,
            self.meta,
            self.label,
            self.notice,
            self.selected,
            self.selected_unfocused,
            self.matched,
            self.current_match,
            self.sentence,
            self.bar,
            self.key,
            self.status,
            self.map_member,
            self.map_other,
            self.map_selected,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_has_no_colour_and_colour_uses_the_16_ansi_colours() {
        assert!(Theme::mono().is_colourless());
        let t = Theme::colour();
        assert!(!t.is_colourless());
        for s in [
            t.border_focused,
            t.matched,
            t.current_match,
            t.sentence,
            t.bar,
            t.map_member,
            t.map_other,
            t.map_selected,
        ] {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(!matches!(c, Color::Rgb(..) | Color::Indexed(_)), "{c:?}");
            }
        }
    }
}
