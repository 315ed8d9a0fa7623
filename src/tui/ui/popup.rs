//! `o` without a browser: the address whole, over the bottom of the screen,
//! so it can be read, clicked (it is a link) or selected, until the next key.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use ratatui::Frame;

use crate::text::wrap::{char_width, str_width};
use crate::tui::app::App;

/// The address in rows of the box's inner width: an address has no
/// better place to break than another, so it is cut anywhere.
pub fn rows(url: &str, width: u16) -> Vec<String> {
    let inner_w = width.saturating_sub(2).max(1) as usize;
    let mut rows: Vec<String> = vec![String::new()];
    for c in url.chars() {
        let last = rows.last_mut().expect("one row");
        if str_width(last) + char_width(c) > inner_w {
            rows.push(String::new());
        }
        rows.last_mut().expect("one row").push(c);
    }
    rows
}

/// Where the box goes on a screen of `area`: above the status line.
pub fn area(area: Rect, url: &str) -> Rect {
    let n = rows(url, area.width).len() as u16;
    let height = (n + 2).min(area.height.saturating_sub(1));
    Rect::new(
        area.x,
        area.bottom().saturating_sub(height + 1),
        area.width,
        height,
    )
}

pub fn draw(frame: &mut Frame, app: &App, url: &str) {
    let rows = rows(url, frame.area().width);
    let rect = area(frame.area(), url);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(app.theme.border_focused)
        .title(" Source (no browser here: click it, or y copies it) ");
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let lines: Vec<Line> = rows.iter().map(|r| Line::raw(r.clone())).collect();
    let widths: Vec<u16> = rows.iter().map(|r| str_width(r) as u16).collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(id) = app.links.id(url).filter(|_| app.hyperlinks) {
        for (i, w) in widths.into_iter().enumerate().take(inner.height as usize) {
            let r = Rect::new(inner.x, inner.y + i as u16, w, 1);
            crate::tui::links::mark_cells(frame.buffer_mut(), r, id);
        }
    }
}
