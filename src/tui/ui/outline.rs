//! The outline: the open text's headings over the viewer's place, the
//! selected one reversed (so it shows without colour).

use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::overlay;
use crate::text::display::for_terminal;
use crate::text::number;
use crate::text::wrap::{str_width, truncate};
use crate::tui::app::App;
use crate::tui::picker::area;

pub fn draw(frame: &mut Frame, app: &App) {
    let Some(d) = &app.viewer.document else {
        return;
    };
    let t = &app.theme;
    let o = &app.outline;
    let rect = area(&app.layout, app.size);
    let height = rect.height.saturating_sub(2) as usize;
    let n = d.headings.len();
    let title = format!(
        " {} · {} ",
        crate::t!("reader-outline-title"),
        number::with_unit(n as u64, crate::text::number::Unit::Heading)
    );
    let below = n.saturating_sub(o.offset + height);
    let inner = overlay(
        frame,
        app,
        rect,
        &title,
        &format!(" {} ", crate::t!("reader-outline-hint")),
        o.offset,
        below,
    );
    let width = inner.width as usize;
    let lines: Vec<Line> = d
        .headings
        .iter()
        .enumerate()
        .skip(o.offset)
        .take(height)
        .map(|(i, &h)| {
            let text = for_terminal(&truncate(d.text_of(&app.corpus, h), width)).into_owned();
            if i == o.selected {
                let pad = width.saturating_sub(str_width(&text));
                Line::styled(format!("{text}{}", " ".repeat(pad)), t.selected)
            } else {
                Line::raw(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
