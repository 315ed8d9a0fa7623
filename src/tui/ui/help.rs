//! The help overlay, generated from the key table. When the sections do not
//! fit one above the other, they flow into two columns.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use ratatui::Frame;

use crate::text::wrap::{pad, str_width, truncate};
use crate::tui::app::App;
use crate::tui::keys::help_sections;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let sections = help_sections();
    let key_w = sections
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(k, _)| str_width(k)))
        .max()
        .unwrap_or(8)
        + 2;
    let total: usize = sections.iter().map(|(_, r)| r.len() + 2).sum();
    let max_inner_h = area.height.saturating_sub(4) as usize;
    let two_columns = total > max_inner_h && area.width >= 70;
    let width = area
        .width
        .saturating_sub(4)
        .min(if two_columns { 110 } else { 76 });
    let col_w = if two_columns {
        (width.saturating_sub(3) / 2) as usize
    } else {
        width.saturating_sub(2) as usize
    };

    let mut columns: Vec<Vec<Line>> = vec![Vec::new()];
    for (title, rows) in sections {
        let len = rows.len() + 2;
        if two_columns
            && columns.len() == 1
            && !columns[0].is_empty()
            && columns[0].len() + len > max_inner_h
        {
            columns.push(Vec::new());
        }
        let col = columns.last_mut().expect("one column at least");
        col.push(Line::styled(title, t.label));
        for (keys, help) in rows {
            col.push(Line::from(vec![
                Span::styled(pad(keys, key_w), t.key),
                Span::raw(truncate(help, col_w.saturating_sub(key_w))),
            ]));
        }
        col.push(Line::raw(""));
    }
    let inner_h = columns.iter().map(Vec::len).max().unwrap_or(0) as u16;
    let height = (inner_h + 2)
        .min(area.height.saturating_sub(2))
        .max(3.min(area.height));
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(t.border_focused)
        .title(" Keys ")
        .title_bottom(Line::from(" any key closes ").right_aligned());
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let mut x = inner.x;
    for col in columns {
        let w = (col_w as u16).min(inner.right().saturating_sub(x));
        frame.render_widget(
            Paragraph::new(col),
            Rect {
                x,
                width: w,
                ..inner
            },
        );
        x += w + 1;
    }
}
