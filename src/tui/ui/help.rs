//! The help overlay, generated from the key table.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use ratatui::Frame;

use crate::text::wrap::{pad, truncate};
use crate::tui::app::App;
use crate::tui::keys::help_sections;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let sections = help_sections();
    let key_w = sections
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(k, _)| crate::text::wrap::str_width(k)))
        .max()
        .unwrap_or(8)
        + 2;
    let rows: usize = sections.iter().map(|(_, r)| r.len() + 2).sum();
    let width = area.width.saturating_sub(4).min(76);
    let height = area.height.saturating_sub(2).min(rows as u16 + 2);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let inner_w = width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    for (title, rows) in sections {
        lines.push(Line::styled(title, t.label));
        for (keys, help) in rows {
            lines.push(Line::from(vec![
                Span::styled(pad(keys, key_w), t.key),
                Span::raw(truncate(help, inner_w.saturating_sub(key_w))),
            ]));
        }
        lines.push(Line::raw(""));
    }
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(t.border_focused)
        .title(" Keys ")
        .title_bottom(Line::from(" any key closes ").right_aligned());
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
