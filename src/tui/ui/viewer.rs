//! The viewer: draws the visible slice of the wrapped document, with search
//! matches and a traced figure's sentence marked.

use std::ops::Range;

use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use ratatui::Frame;

use super::layout::Pane;
use super::lines::{clip, marked, shown};
use super::pane_block;
use crate::search::Doc;
use crate::text::display::for_terminal;
use crate::text::wrap::{str_width, truncate};
use crate::tui::app::App;
use crate::tui::document::{PieceStyle, QUOTE_INDENT};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let v = &app.viewer;
    let detail = match v.doc() {
        Some(Doc::Article(_)) => crate::t!("reader-viewer-report"),
        Some(Doc::City(_)) => crate::t!("reader-viewer-city"),
        None => String::new(),
    };
    let framed = app.layout.framed(Pane::Viewer);
    let mut block = pane_block(app, Pane::Viewer, &detail);
    let Some(doc) = &v.document else {
        if framed {
            frame.render_widget(block, area);
        }
        return;
    };
    let inner = app.layout.inner(Pane::Viewer, area);
    let height = inner.height as usize;
    let total = doc.lines.len();
    // Zoomed, the viewer is text alone: no frame, no scroll bar (the
    // status line says where you are), so the terminal's selection copies
    // only the text.
    let text_area = if framed {
        // Where the reader is: the section on the left, the line and the
        // percentage on the right (the section gives way on a narrow pane).
        let place = format!(" {} ", v.place().unwrap_or_default());
        let room = (area.width as usize).saturating_sub(str_width(&place) + 4);
        if let Some(section) = v.section(&app.corpus).filter(|_| room > 14) {
            let s = truncate(&crate::t!("reader-section", section = section), room - 2);
            block =
                block.title_bottom(Line::from(format!(" {} ", for_terminal(&s))).left_aligned());
        }
        block = block.title_bottom(Line::from(place).right_aligned());
        frame.render_widget(block, area);
        Rect {
            width: inner.width.saturating_sub(1),
            ..inner
        }
    } else {
        inner
    };
    let width = text_area.width as usize;

    let t = &app.theme;
    let end = (v.scroll + height).min(total);
    let mut lines = Vec::with_capacity(end.saturating_sub(v.scroll));
    // Rows that show a web address: (row, columns, link number).
    let mut link_rows: Vec<(u16, u16, u32)> = Vec::new();
    for (row, l) in doc.lines[v.scroll.min(end)..end].iter().enumerate() {
        let text = &doc.text_of(&app.corpus, l.piece)[l.start..l.end];
        let kind = doc.pieces[l.piece].style;
        let style = piece_style(app, kind);
        if kind == PieceStyle::Link {
            // Already cut to the width (see `document::chunks`).
            let chunk = truncate(text, width);
            if app.hyperlinks {
                let url = doc.text_of(&app.corpus, l.piece);
                if let Some(id) = app.links.id(url) {
                    link_rows.push((row as u16, str_width(&chunk) as u16, id));
                }
            }
            lines.push(Line::from(shown(Span::styled(chunk, style))));
            continue;
        }
        let marks = line_marks(app, l.piece, l.start, l.end);
        let mut spans = Vec::new();
        if kind == PieceStyle::Quote {
            spans.push(Span::styled(format!("{:<QUOTE_INDENT$}", "▏"), t.meta));
        }
        spans.extend(
            marked(text, style, &clip(&marks, l.start, l.end))
                .into_iter()
                .map(shown),
        );
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), text_area);
    // Each line of an address is the whole address's link, so a click or
    // the terminal's "copy link" gets it whole.
    for (row, cols, id) in link_rows {
        let r = Rect::new(text_area.x, text_area.y + row, cols, 1);
        crate::tui::links::mark_cells(frame.buffer_mut(), r, id);
    }

    if framed && total > height {
        let mut state = ScrollbarState::new(total.saturating_sub(height))
            .position(v.scroll)
            .viewport_content_length(height);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .thumb_style(t.bar);
        frame.render_stateful_widget(
            bar,
            area.inner(Margin {
                vertical: 1,
                horizontal: 0,
            }),
            &mut state,
        );
    }
}

fn piece_style(app: &App, style: PieceStyle) -> Style {
    let t = &app.theme;
    match style {
        PieceStyle::Title => t.title,
        PieceStyle::Heading => t.heading,
        PieceStyle::Meta | PieceStyle::Link => t.meta,
        PieceStyle::Label => t.label,
        PieceStyle::Notice => t.notice,
        PieceStyle::Summary | PieceStyle::Paragraph | PieceStyle::Quote | PieceStyle::Blank => {
            Style::new()
        }
    }
}

/// The marks on one line: search matches (the current one stronger) and
/// the traced sentence. Found by binary search in the sorted match list.
fn line_marks(app: &App, piece: usize, start: usize, end: usize) -> Vec<(Range<usize>, Style)> {
    let t = &app.theme;
    let v = &app.viewer;
    let mut marks = Vec::new();
    if let Some(s) = &v.sentence {
        if s.piece == piece && s.range.start < end && s.range.end > start {
            marks.push((s.range.clone(), t.sentence));
        }
    }
    if v.preview {
        // Typing: mark this line's matches only (the full list comes later).
        if let Some(doc) = &v.document {
            if doc.searchable(piece) {
                let text = &doc.text_of(&app.corpus, piece)[start..end];
                for m in v.pattern.ranges(text) {
                    marks.push((start + m.start..start + m.end, t.matched));
                }
            }
        }
        return marks;
    }
    let first = v
        .matches
        .partition_point(|m| (m.piece, m.range.end) <= (piece, start));
    for (i, m) in v.matches.iter().enumerate().skip(first) {
        if m.piece != piece || m.range.start >= end {
            break;
        }
        let style = if v.current == Some(i) {
            t.current_match
        } else {
            t.matched
        };
        marks.push((m.range.clone(), style));
    }
    marks
}
