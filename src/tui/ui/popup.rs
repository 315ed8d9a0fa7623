//! `o` without a browser: the address whole, over the bottom of the screen,
//! so it can be read, clicked (it is a link) or selected, until the next key.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::text::wrap::{cut_anywhere, str_width};
use crate::tui::app::App;

/// The address in rows of the box's inner width, cut anywhere.
pub fn rows(url: &str, width: u16) -> Vec<&str> {
    cut_anywhere(url, width.saturating_sub(2) as usize)
        .into_iter()
        .map(|r| &url[r])
        .collect()
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
    let title = format!(" {} ", crate::t!("reader-popup-title"));
    let inner = super::overlay(frame, app, rect, &title, "", 0, 0);
    let lines: Vec<Line> = rows.iter().map(|r| Line::raw(*r)).collect();
    let widths: Vec<u16> = rows.iter().map(|r| str_width(r) as u16).collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(id) = app.links.id(url).filter(|_| app.hyperlinks) {
        for (i, w) in widths.into_iter().enumerate().take(inner.height as usize) {
            let r = Rect::new(inner.x, inner.y + i as u16, w, 1);
            crate::tui::links::mark_cells(frame.buffer_mut(), r, id);
        }
    }
}
