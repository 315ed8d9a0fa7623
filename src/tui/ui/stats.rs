//! The statistics pane: the visible rows of its content, the selected
//! figure highlighted, and markers on the borders for what is scrolled off.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::layout::Pane;
use super::{bars, focused, map, more, pane_block};
use crate::tui::app::App;
use crate::tui::stats_pane::{Chart, StatRow};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let p = &app.statistics;
    let detail = if p.map {
        crate::t!("reader-statistics-map")
    } else {
        String::new()
    };
    let mut block = pane_block(app, Pane::Statistics, &detail);
    let height = area.height.saturating_sub(2) as usize;
    let below = p.rows.len().saturating_sub(p.scroll + height);
    if let Some(l) = more("↑", p.scroll) {
        block = block.title_top(l.right_aligned());
    }
    if let Some(l) = more("↓", below) {
        block = block.title_bottom(l.right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let focused = focused(app, Pane::Statistics);
    let t = &app.theme;
    let end = (p.scroll + inner.height as usize).min(p.rows.len());
    let mut lines: Vec<Line> = Vec::with_capacity(end - p.scroll.min(end));
    for row in &p.rows[p.scroll.min(end)..end] {
        lines.push(match row {
            StatRow::Text(l) => l.clone(),
            StatRow::Figure { figure, line } if p.selected == Some(*figure) => {
                let style = if focused {
                    t.selected
                } else {
                    t.selected_unfocused
                };
                line.clone().patch_style(style)
            }
            StatRow::Figure { line, .. } => line.clone(),
            StatRow::Link { line, .. } => line.clone(),
            StatRow::Chart { .. } => Line::raw(""),
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if app.hyperlinks {
        for (y, row) in (inner.y..).zip(&p.rows[p.scroll.min(end)..end]) {
            if let StatRow::Link { url, line } = row {
                if let Some(id) = app.links.id(url) {
                    let r = Rect::new(inner.x, y, line.width() as u16, 1);
                    crate::tui::links::mark_cells(frame.buffer_mut(), r, id);
                }
            }
        }
    }

    // Charts: each drawn whole off screen, then its visible rows copied in,
    // so a chart half scrolled off shows its visible half.
    let mut drawn: Option<(Chart, Buffer)> = None;
    for (y, row) in (inner.y..).zip(&p.rows[p.scroll.min(end)..end]) {
        if let StatRow::Chart { chart, row } = row {
            if drawn.as_ref().map(|(c, _)| c) != Some(chart) {
                let r = Rect::new(0, 0, inner.width, p.chart_height(*chart));
                let mut buf = Buffer::empty(r);
                match chart {
                    Chart::Map => map::draw(&mut buf, app, r),
                    Chart::JoinYears => bars::join_years(&mut buf, app, r),
                    Chart::Growth => bars::growth(&mut buf, app, r),
                }
                drawn = Some((*chart, buf));
            }
            if let Some((_, buf)) = &drawn {
                for x in 0..inner.width {
                    if let (Some(src), Some(dst)) = (
                        buf.cell(Position::new(x, *row)),
                        frame.buffer_mut().cell_mut(Position::new(inner.x + x, y)),
                    ) {
                        *dst = src.clone();
                    }
                }
            }
        }
    }
}
