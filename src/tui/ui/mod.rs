//! Drawing: pure functions of `&App`. Nothing here searches, wraps or
//! changes state; each pane draws only its visible lines.

mod article;
mod bars;
mod cities;
mod help;
pub mod layout;
mod lines;
mod stats;
mod status;

use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};
use ratatui::Frame;

use super::app::App;
use layout::Pane;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let l = &app.layout;
    if l.too_small || area != app.size {
        too_small(frame, area);
        return;
    }
    status::search_line(frame, app, l.search);
    if let Some(tabs) = l.tabs {
        status::tabs(frame, app, tabs);
    }
    if let Some(r) = l.cities {
        cities::draw(frame, app, r);
    }
    if let Some(r) = l.article {
        article::draw(frame, app, r);
    }
    if let Some(r) = l.stats {
        stats::draw(frame, app, r);
    }
    status::status_line(frame, app, l.status);
    if app.help {
        help::draw(frame, app, area);
    }
}

/// A pane's frame: thick border and a ▶ marker when focused, so focus
/// shows without colour.
pub(super) fn pane_block<'a>(app: &App, pane: Pane, title: Vec<Span<'a>>) -> Block<'a> {
    let focused = app.focus == pane && !app.searching && !app.help;
    let mut spans = vec![Span::raw(if focused { "▶ " } else { " " })];
    spans.extend(title);
    spans.push(Span::raw(" "));
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            app.theme.border_focused
        } else {
            app.theme.border
        })
        .title(Line::from(spans).style(app.theme.title))
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "Terminal too small: {}×{}, need {}×{}",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let lines: Vec<Line> = crate::text::wrap::wrap(&text, area.width as usize)
        .into_iter()
        .map(|r| Line::from(text[r].to_owned()))
        .collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), rect);
}
