//! The outline: the open text's headings over the viewer's place, the
//! selected one reversed (so it shows without colour).

use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use ratatui::Frame;

use super::more;
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
    let mut block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(t.border_focused)
        .title(format!(
            " Outline · {} ",
            number::with_unit(n as u64, "heading", "headings")
        ))
        .title_bottom(Line::from(" Enter goes there · Esc ").left_aligned());
    if let Some(l) = more("↑", o.offset) {
        block = block.title_top(l.right_aligned());
    }
    if let Some(l) = more("↓", n.saturating_sub(o.offset + height)) {
        block = block.title_bottom(l.right_aligned());
    }
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
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
