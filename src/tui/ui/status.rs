//! The search line at the top, the tabs of the narrow layout, and the
//! status line at the bottom.

use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::layout::Pane;
use crate::text::number::{self, Unit};
use crate::text::wrap::str_width;
use crate::tui::app::App;

pub fn search_line(frame: &mut Frame, app: &App, area: Rect) {
    if app.find.active {
        find_line(frame, app, area);
        return;
    }
    let t = &app.theme;
    let searching = app.search.active;
    let right = match &app.search.results {
        Some(r) => format!(" {} ", number::with_unit(r.len() as u64, Unit::Hit)),
        None if app.filter.active() => format!(
            " {} ",
            crate::t!(
                "reader-search-filtered",
                shown = number::count(app.filter.set.cities as u64),
                cities = number::with_unit(app.corpus.cities.len() as u64, Unit::City)
            )
        ),
        None => String::new(),
    };
    let filtering = !searching && app.filter.active() && app.search.results.is_none();
    let prompt = format!(
        "{} ",
        if filtering {
            crate::t!("reader-filter-prompt")
        } else {
            crate::t!("reader-search-prompt")
        }
    );
    let prompt_w = str_width(&prompt);
    let room = (area.width as usize).saturating_sub(prompt_w + str_width(&right) + 1);
    let value = app.search.query();
    let mut spans = vec![Span::styled(prompt, if searching { t.key } else { t.meta })];
    if value.is_empty() && !searching {
        let hints = [
            crate::t!("reader-search-hint-long"),
            crate::t!("reader-search-hint"),
            crate::t!("reader-search-hint-short"),
        ];
        let hint = hints
            .iter()
            .find(|h| str_width(h) <= room)
            .unwrap_or(&hints[2])
            .clone();
        spans.push(Span::styled(hint, t.meta));
    } else {
        let input = &app.search.input;
        let scroll = input.visual_scroll(room);
        let shown: String = skip_columns(value, scroll);
        let cut = crate::text::wrap::truncate(&shown, room.max(1));
        spans.push(Span::raw(
            crate::text::display::for_terminal(&cut).into_owned(),
        ));
        if searching {
            let x = area.x + (prompt_w + input.visual_cursor().saturating_sub(scroll)) as u16;
            frame.set_cursor_position(Position {
                x: x.min(area.right().saturating_sub(1)),
                y: area.y,
            });
        }
    }
    let used: usize = spans.iter().map(|s| str_width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(
        (area.width as usize).saturating_sub(used + str_width(&right)),
    )));
    spans.push(Span::styled(right, t.key));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The part of `s` after its first `cols` columns.
/// The viewer's find line, in the search line's place while typing.
fn find_line(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let prompt = format!("{} ", crate::t!("reader-find-prompt"));
    let prompt_w = str_width(&prompt);
    let room = (area.width as usize).saturating_sub(prompt_w + 1);
    let input = &app.find.input;
    let scroll = input.visual_scroll(room);
    let shown = skip_columns(input.value(), scroll);
    let cut = crate::text::wrap::truncate(&shown, room.max(1));
    let line = Line::from(vec![
        Span::styled(prompt, t.key),
        Span::raw(crate::text::display::for_terminal(&cut).into_owned()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    let x = area.x + (prompt_w + input.visual_cursor().saturating_sub(scroll)) as u16;
    frame.set_cursor_position(Position {
        x: x.min(area.right().saturating_sub(1)),
        y: area.y,
    });
}

fn skip_columns(s: &str, cols: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in s.chars() {
        if used >= cols {
            out.push(c);
        } else {
            used += crate::text::wrap::char_width(c);
        }
    }
    out
}

/// The narrow layout's tabs: every pane's name when they fit, else the
/// focused one with where it is in the cycle.
pub fn tabs(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let panes = Pane::ALL;
    let mut spans = Vec::new();
    for pane in panes {
        if pane == app.focus {
            spans.push(Span::styled(format!("▶{} ", pane.title()), t.selected));
        } else {
            spans.push(Span::raw(format!(" {} ", pane.title())));
        }
        spans.push(Span::styled("│", t.meta));
    }
    let switches = crate::t!("reader-tabs-hint");
    let hint = format!(" {switches}");
    let used: usize = spans.iter().map(|s| str_width(&s.content)).sum();
    let width = area.width as usize;
    if used + str_width(&hint) <= width {
        spans.push(Span::styled(hint, t.meta));
    } else if used > width {
        let at = panes.iter().position(|p| *p == app.focus).unwrap_or(0) + 1;
        spans = vec![
            Span::styled(format!("▶{} ", app.focus.title()), t.selected),
            Span::styled(
                format!(
                    " {}/{} · {switches}",
                    number::count(at as u64),
                    number::count(3)
                ),
                t.meta,
            ),
        ];
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// While a facet word is typed: what Tab completes it to, the current
/// completion marked.
fn suggestions(app: &App, area: Rect) -> Option<Line<'static>> {
    let t = &app.theme;
    let c = app.search.suggestions.as_ref()?;
    let current = app.search.cycle.as_ref().map(|cy| cy.index);
    let mut spans = vec![Span::styled(" Tab", t.key), Span::raw(" ")];
    let mut used = 5;
    let width = area.width as usize;
    for (i, cand) in c.candidates.iter().enumerate() {
        let text = match cand.cities {
            Some(n) => format!("{} {}", cand.shown, number::count(n as u64)),
            None => cand.shown.clone(),
        };
        let w = str_width(&text) + 3;
        if used + w > width {
            let more = c.candidates.len() - i;
            spans.push(Span::styled(format!("+{more}"), t.meta));
            break;
        }
        let style = if current == Some(i) {
            t.selected
        } else {
            t.meta
        };
        spans.push(Span::styled(
            crate::text::display::for_terminal(&text).into_owned(),
            style,
        ));
        spans.push(Span::styled(" · ", t.meta));
        used += w;
    }
    if matches!(spans.last(), Some(s) if s.content == " · ") {
        spans.pop();
    }
    Some(Line::from(spans))
}

/// The footer's hints for where the keyboard is, most needed first (a
/// narrow terminal shows only the first few): each key as the key map in
/// use binds it; an action left without a key has no hint.
fn hints(app: &App) -> Vec<(String, String)> {
    use crate::t;
    use crate::tui::keys::{key_in, Action};
    let focus = app.line_focus();
    let hint = |action: Action, what: String| key_in(focus, &action).map(|k| (k, what));
    // n and N go together, as "n/N".
    let matches = || {
        let (n, p) = (
            key_in(focus, &Action::NextMatch)?,
            key_in(focus, &Action::PrevMatch)?,
        );
        Some((format!("{n}/{p}"), t!("reader-hint-matches")))
    };
    let find_or_search = |viewer: bool| {
        if viewer {
            hint(Action::StartFind, t!("reader-hint-find"))
        } else {
            hint(Action::StartSearch, t!("reader-hint-search"))
        }
    };
    let hints = if app.find.active {
        vec![
            hint(Action::FindAccept, t!("reader-hint-first-match")),
            hint(Action::FindCancel, t!("reader-hint-cancel")),
        ]
    } else if app.search.active {
        let history = key_in(focus, &Action::SearchUp)
            .zip(key_in(focus, &Action::SearchDown))
            .map(|(u, d)| (format!("{u}{d}"), t!("reader-hint-history")));
        let move_in = key_in(focus, &Action::Down)
            .zip(key_in(focus, &Action::Up))
            .map(|(d, u)| {
                // Ctrl-N and Ctrl-P read as "Ctrl-N/P".
                let u = match (d.strip_prefix("Ctrl-"), u.strip_prefix("Ctrl-")) {
                    (Some(_), Some(u)) => u.to_owned(),
                    _ => u,
                };
                (format!("{d}/{u}"), t!("reader-hint-move"))
            });
        vec![
            hint(Action::SearchAccept, t!("reader-hint-open")),
            hint(Action::SearchCancel, t!("reader-hint-cancel")),
            hint(Action::Complete, t!("reader-hint-facets")),
            history,
            move_in,
        ]
    } else if app.zoom {
        // `/` finds in the open text in the viewer, and searches the
        // corpus elsewhere: the footer says which.
        vec![
            hint(Action::ToggleZoom, t!("reader-hint-all-panes")),
            hint(Action::Help, t!("reader-hint-help")),
            hint(Action::Quit, t!("reader-hint-quit")),
            find_or_search(app.focus == Pane::Viewer),
        ]
    } else if app.focus == Pane::Viewer {
        vec![
            hint(Action::Help, t!("reader-hint-help")),
            hint(Action::Quit, t!("reader-hint-quit")),
            hint(Action::FocusNext, t!("reader-hint-panes")),
            find_or_search(true),
            matches(),
            hint(Action::OpenOutline, t!("reader-hint-outline")),
            hint(Action::ToggleZoom, t!("reader-hint-zoom")),
        ]
    } else {
        vec![
            hint(Action::Help, t!("reader-hint-help")),
            hint(Action::Quit, t!("reader-hint-quit")),
            hint(Action::FocusNext, t!("reader-hint-panes")),
            find_or_search(false),
            hint(Action::OpenPicker, t!("reader-hint-filter")),
            hint(Action::ToggleMap, t!("reader-hint-map")),
            matches(),
        ]
    };
    hints.into_iter().flatten().collect()
}

pub fn status_line(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    if app.search.active && app.message.is_none() {
        if let Some(line) = suggestions(app, area) {
            frame.render_widget(Paragraph::new(line), area);
            return;
        }
    }
    let hints = hints(app);
    // The zoomed viewer has no frame to show its place in: it is said here.
    let place =
        (app.zoom && app.focus == Pane::Viewer && app.viewer.document.is_some()).then(|| {
            let v = &app.viewer;
            let section = v
                .section(&app.corpus)
                .map(|s| {
                    let section = crate::text::display::for_terminal(s);
                    format!("{} · ", crate::t!("reader-section", section = section))
                })
                .unwrap_or_default();
            format!("{section}{}", v.place().unwrap_or_default())
        });
    let right = app
        .message
        .clone()
        .or_else(|| app.match_status())
        .or(place)
        .unwrap_or_default();
    // A space before the message besides the hint's own, and one after.
    let right_w = str_width(&right) + 2;
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, what) in &hints {
        let key = key.as_str();
        let w = str_width(key) + str_width(what) + 3;
        if used + w + right_w > area.width as usize {
            break;
        }
        spans.push(Span::styled(format!(" {key}"), t.key));
        spans.push(Span::styled(format!(" {what} "), t.meta));
        used += w;
    }
    let right = crate::text::wrap::truncate(&right, (area.width as usize).saturating_sub(used + 1));
    let gap = (area.width as usize).saturating_sub(used + str_width(&right) + 1);
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(right, t.status));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
