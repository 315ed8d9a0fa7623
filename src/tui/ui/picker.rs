//! The facet picker, drawn over the right of the screen so that the city
//! list beside it shows what each check does.

use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::overlay;
use crate::text::number;
use crate::text::wrap::{str_width, truncate};
use crate::tui::app::App;
use crate::tui::picker::{area, Entry};

pub fn draw(frame: &mut Frame, app: &App) {
    let t = &app.theme;
    let p = &app.picker;
    let rect = area(&app.layout, app.size);
    let height = rect.height.saturating_sub(2) as usize;
    let below = p.entries.len().saturating_sub(p.scroll + height);
    let (_, of) = app.list.position();
    let title = format!(
        " {} · {} ",
        crate::t!("reader-picker-title"),
        if app.filter.active() {
            crate::t!(
                "reader-picker-some",
                shown = of,
                all = app.corpus.cities.len()
            )
        } else {
            crate::t!("reader-picker-all")
        }
    );
    let hint = format!(" {} ", crate::t!("reader-picker-hint"));
    let inner = overlay(frame, app, rect, &title, &hint, p.scroll, below);
    let width = inner.width as usize;
    let lines: Vec<Line> = p
        .entries
        .iter()
        .enumerate()
        .skip(p.scroll)
        .take(height)
        .map(|(i, e)| match e {
            Entry::Heading(f) => Line::styled(f.title(), t.label),
            Entry::Value {
                shown,
                cities,
                checked,
                ..
            } => {
                let mark = if *checked { "[x] " } else { "[ ] " };
                let count = number::count(*cities as u64);
                let room = width.saturating_sub(4 + str_width(&count) + 1);
                let name = truncate(shown, room);
                let gap = width.saturating_sub(4 + str_width(&name) + str_width(&count));
                let style = if i == p.selected {
                    t.selected
                } else {
                    ratatui::style::Style::new()
                };
                let count_style = if *cities == 0 {
                    t.meta
                } else {
                    ratatui::style::Style::new()
                };
                Line::from(vec![
                    Span::styled(mark, style),
                    Span::styled(
                        crate::text::display::for_terminal(&name).into_owned(),
                        style,
                    ),
                    Span::styled(" ".repeat(gap), style),
                    Span::styled(count, style.patch(count_style)),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
