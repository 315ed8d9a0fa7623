//! The help overlay, laid out by `tui::help::view` from the key table.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use ratatui::Frame;

use super::more;
use crate::text::wrap::pad;
use crate::tui::app::App;
use crate::tui::help::{view, HelpLine};

pub fn draw(frame: &mut Frame, app: &App) {
    let t = &app.theme;
    let v = view(app.size);
    let scroll = app.help.scroll.min(v.max_scroll());
    let below = v.total().saturating_sub(scroll + v.visible);
    let mut block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(t.border_focused)
        .title(" Keys ");
    if let Some(l) = more("↑", scroll) {
        block = block.title_top(l.right_aligned());
    }
    let closes = if v.max_scroll() > 0 {
        " j/k scroll · q closes "
    } else {
        " q closes "
    };
    block = block.title_bottom(Line::from(closes).left_aligned());
    if let Some(l) = more("↓", below) {
        block = block.title_bottom(l.right_aligned());
    }
    let inner = block.inner(v.rect);
    frame.render_widget(Clear, v.rect);
    frame.render_widget(block, v.rect);
    let mut x = inner.x;
    for col in &v.columns {
        let lines: Vec<Line> = col
            .iter()
            .skip(scroll)
            .take(v.visible)
            .map(|l| match l {
                HelpLine::Title(title) => Line::styled(*title, t.label),
                HelpLine::Entry(keys, text) => Line::from(vec![
                    Span::styled(pad(keys, v.key_width), t.key),
                    Span::raw(text.clone()),
                ]),
                HelpLine::Blank => Line::raw(""),
            })
            .collect();
        let w = (v.column_width as u16).min(inner.right().saturating_sub(x));
        frame.render_widget(
            Paragraph::new(lines),
            Rect {
                x,
                width: w,
                ..inner
            },
        );
        x += w + 3;
    }
}
