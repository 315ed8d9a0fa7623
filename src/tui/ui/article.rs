//! The viewer: draws the visible slice of the wrapped document, with search
//! matches and a traced figure's sentence marked.

use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use ratatui::Frame;

use super::layout::Pane;
use super::lines::{clip, marked};
use super::pane_block;
use crate::search::Doc;
use crate::tui::app::App;
use crate::tui::document::{PieceStyle, QUOTE_INDENT};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let kind = match app.document.as_ref().map(|d| d.doc) {
        Some(Doc::Article(_)) => "Report",
        Some(Doc::City(_)) => "City",
        None => "Viewer",
    };
    let mut block = pane_block(app, Pane::Article, vec![Span::raw(kind)]);
    let Some(doc) = &app.document else {
        frame.render_widget(block, area);
        return;
    };
    let height = area.height.saturating_sub(2) as usize;
    let total = doc.lines.len();
    let position = if total <= height {
        "all".to_owned()
    } else if app.scroll == 0 {
        "top".to_owned()
    } else if app.scroll >= app.max_scroll() {
        "end".to_owned()
    } else {
        format!("{}%", (app.scroll + height) * 100 / total)
    };
    block = block.title_bottom(Line::from(format!(" {position} ")).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text_area = Rect {
        width: inner.width.saturating_sub(1),
        ..inner
    };

    let t = &app.theme;
    let end = (app.scroll + height).min(total);
    let mut lines = Vec::with_capacity(end.saturating_sub(app.scroll));
    for (n, l) in doc.lines[app.scroll.min(end)..end].iter().enumerate() {
        let line_no = app.scroll + n;
        let text = &doc.text_of(&app.corpus, l.piece)[l.start..l.end];
        let style = piece_style(app, doc.pieces[l.piece].style);
        let marks = line_marks(app, l.piece, l.start, l.end, line_no);
        let mut spans = Vec::new();
        if doc.pieces[l.piece].style == PieceStyle::Quote {
            spans.push(Span::styled(format!("{:<QUOTE_INDENT$}", "▏"), t.meta));
        }
        spans.extend(marked(text, style, &clip(&marks, l.start, l.end)));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), text_area);

    if total > height {
        let mut state = ScrollbarState::new(total.saturating_sub(height))
            .position(app.scroll)
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
        PieceStyle::Meta => t.meta,
        PieceStyle::Label => t.label,
        PieceStyle::Notice => t.notice,
        PieceStyle::Summary | PieceStyle::Paragraph | PieceStyle::Quote | PieceStyle::Blank => {
            Style::new()
        }
    }
}

/// The marks on one line: search matches (the current one stronger) and
/// the traced sentence. Found by binary search in the sorted match list.
fn line_marks(
    app: &App,
    piece: usize,
    start: usize,
    end: usize,
    _line: usize,
) -> Vec<(std::ops::Range<usize>, Style)> {
    let t = &app.theme;
    let mut marks = Vec::new();
    if let Some(s) = &app.sentence {
        if s.piece == piece && s.range.start < end && s.range.end > start {
            marks.push((s.range.clone(), t.sentence));
        }
    }
    if app.matches_pending {
        // Typing: mark this line's matches only (the full list comes later).
        if let (Some(r), Some(doc)) = (&app.results, &app.document) {
            // The same pieces as Document::find searches.
            if !doc.searchable(piece) {
                return marks;
            }
            let text = &doc.text_of(&app.corpus, piece)[start..end];
            for m in app.index.match_ranges(&r.query, text) {
                marks.push((start + m.start..start + m.end, t.matched));
            }
        }
        return marks;
    }
    let first = app
        .matches
        .partition_point(|m| (m.piece, m.range.end) <= (piece, start));
    for (i, m) in app.matches.iter().enumerate().skip(first) {
        if m.piece != piece || m.range.start >= end {
            break;
        }
        let style = if app.current_match == Some(i) {
            t.current_match
        } else {
            t.matched
        };
        marks.push((m.range.clone(), style));
    }
    marks
}
