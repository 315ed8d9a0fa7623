//! Drawing: pure functions of `&App`. Nothing here searches, wraps or
//! changes state; each pane draws only its visible lines.

mod bars;
mod cities;
mod help;
pub mod layout;
mod lines;
mod map;
mod outline;
mod picker;
pub mod popup;
mod stats;
mod status;
mod viewer;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};
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
    if let Some(r) = l.viewer {
        viewer::draw(frame, app, r);
    }
    if let Some(r) = l.statistics {
        stats::draw(frame, app, r);
    }
    status::status_line(frame, app, l.status);
    if let Some(url) = &app.popup {
        popup::draw(frame, app, url);
    }
    if app.picker.open {
        picker::draw(frame, app);
    }
    if app.outline.open {
        outline::draw(frame, app);
    }
    if app.help.open {
        help::draw(frame, app);
    }
}

/// Whether `pane` has the keyboard (not the search line or the help).
pub(super) fn focused(app: &App, pane: Pane) -> bool {
    app.focus == pane && !app.search.active && !app.help.open
}

/// A pane's frame: its name and `detail` as the title, and a thick border
/// and a ▶ marker when focused, so focus shows without colour.
pub(super) fn pane_block<'a>(app: &App, pane: Pane, detail: &str) -> Block<'a> {
    let focused = focused(app, pane);
    let title = if detail.is_empty() {
        pane.title()
    } else {
        format!("{} · {detail}", pane.title())
    };
    let spans = vec![
        Span::raw(if focused { "▶ " } else { " " }),
        Span::raw(title),
        Span::raw(" "),
    ];
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

/// An overlay (help, picker, outline, the `o` box) over `rect`: what is
/// under it cleared, a double frame (so it shows without colour), its
/// title, a hint at the bottom left, and how much is above and below on
/// the right. Returns the area inside the frame.
pub(super) fn overlay(
    frame: &mut Frame,
    app: &App,
    rect: Rect,
    title: &str,
    hint: &str,
    above: usize,
    below: usize,
) -> Rect {
    let mut block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(app.theme.border_focused)
        .title(title.to_owned());
    if let Some(l) = more("↑", above) {
        block = block.title_top(l.right_aligned());
    }
    if !hint.is_empty() {
        block = block.title_bottom(Line::from(hint.to_owned()).left_aligned());
    }
    if let Some(l) = more("↓", below) {
        block = block.title_bottom(l.right_aligned());
    }
    let inner = block.inner(rect);
    clear(frame.buffer_mut(), rect);
    frame.render_widget(block, rect);
    inner
}

/// Clears `rect`, and a wide character just left of it whose right half
/// it covers: left in the buffer, the terminal would have erased it when
/// the overlay was drawn over its half, and never drawn it again once the
/// overlay closed (the buffer would not have changed there).
pub(super) fn clear(buf: &mut Buffer, rect: Rect) {
    let rect = rect.intersection(buf.area);
    Clear.render(rect, buf);
    if rect.x > buf.area.x {
        for y in rect.top()..rect.bottom() {
            let cell = &mut buf[(rect.x - 1, y)];
            if crate::text::wrap::str_width(cell.symbol()) > 1 {
                cell.reset();
            }
        }
    }
}

/// "↑ 3 more" / "↓ 12 more" for a scrolled pane's borders, empty when
/// nothing is hidden that way.
pub(super) fn more(arrow: &str, n: usize) -> Option<Line<'static>> {
    (n > 0).then(|| {
        Line::from(format!(
            " {} ",
            crate::t!("reader-more", arrow = arrow, n = n)
        ))
    })
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = crate::t!(
        "reader-too-small",
        width = area.width,
        height = area.height,
        min_width = layout::MIN_WIDTH,
        min_height = layout::MIN_HEIGHT
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A wide character whose right half an overlay covers is blanked
    /// with it, so the buffer says what the terminal shows.
    #[test]
    fn clearing_blanks_a_wide_character_cut_by_the_left_edge() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 2));
        buf.set_string(0, 0, "ab안성시", ratatui::style::Style::new());
        buf.set_string(0, 1, "안성시", ratatui::style::Style::new());
        clear(&mut buf, Rect::new(3, 0, 3, 2));
        let row = |y: u16| -> String { (0..8).map(|x| buf[(x, y)].symbol().to_owned()).collect() };
        // "안" at 2-3 is cut by the edge at 3: gone; "성" is inside, "시"
        // after it.
        assert_eq!(row(0), "ab    시 ");
        // "안" at 0-1 ends before the edge and stays; "성" at 2-3 is cut.
        assert_eq!(row(1), format!("안{}", " ".repeat(7)));
    }
}
