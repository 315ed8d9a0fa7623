//! The city list: only the visible rows are built.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};
use ratatui::Frame;

use super::layout::Pane;
use super::lines::marked;
use super::pane_block;
use crate::search::Doc;
use crate::text::wrap::{str_width, truncate};
use crate::tui::app::App;
use crate::tui::list::Row;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let title = match &app.results {
        Some(r) => {
            let n = r.hits.len();
            format!("Results · {n} hit{}", if n == 1 { "" } else { "s" })
        }
        None => format!("Cities · {}", app.sort.label()),
    };
    let block = pane_block(app, Pane::Cities, vec![Span::raw(title)]);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if app.rows.is_empty() {
        let msg = if app.results.is_some() {
            "No match. Esc clears the search."
        } else {
            "The corpus has no cities."
        };
        frame.render_widget(
            ratatui::widgets::Paragraph::new(msg).style(app.theme.meta),
            inner,
        );
        return;
    }
    let width = inner.width as usize;
    let end = (app.list_offset + inner.height as usize).min(app.rows.len());
    let items: Vec<ListItem> = app.rows[app.list_offset..end]
        .iter()
        .map(|row| item(app, *row, width))
        .collect();
    let focused = (app.focus == Pane::Cities || app.searching) && !app.help;
    let list = List::new(items).highlight_style(if focused {
        app.theme.selected
    } else {
        app.theme.selected_unfocused
    });
    let mut state = ListState::default().with_selected(Some(app.selected - app.list_offset));
    frame.render_stateful_widget(list, inner, &mut state);
}

fn item<'a>(app: &'a App, row: Row, width: usize) -> ListItem<'a> {
    let c = &app.corpus;
    let (marker, name, right, base) = match row.doc {
        Doc::City(i) => {
            let city = &c.cities[i];
            let reports = c.articles_of(i).len();
            let marker = match (reports, app.results.is_some()) {
                (0, _) => "  ",
                (_, true) => "  ",
                _ if app.is_expanded(i) => "▾ ",
                _ => "▸ ",
            };
            let year = city.joined.map_or("—".to_owned(), |y| y.to_string());
            let reports_text = if reports == 0 {
                "none".to_owned()
            } else {
                reports.to_string()
            };
            let base = if reports == 0 {
                app.theme.meta
            } else {
                Style::new()
            };
            (
                marker,
                city.name.as_str(),
                format!(" {year:>4} {reports_text:>4}"),
                base,
            )
        }
        Doc::Article(i) => {
            let a = &c.articles[i];
            let marker = if row.depth > 0 { "  └ " } else { "▤ " };
            let right = if row.depth == 0 {
                c.city_of(i)
                    .map_or(String::new(), |ci| format!(" {}", c.cities[ci].name))
            } else {
                String::new()
            };
            (marker, a.title.as_str(), right, Style::new())
        }
    };
    let room = width
        .saturating_sub(str_width(marker) + str_width(&right))
        .max(1);
    let shown = truncate(name, room);
    let marks: Vec<_> = match &app.results {
        Some(r) => app
            .index
            .match_ranges(&r.query, &shown)
            .into_iter()
            .map(|range| (range, app.theme.matched))
            .collect(),
        None => Vec::new(),
    };
    let gap = width.saturating_sub(str_width(marker) + str_width(&shown) + str_width(&right));
    let mut spans = vec![Span::styled(marker, base)];
    spans.extend(
        marked(&shown, base, &marks)
            .into_iter()
            .map(|s| Span::styled(s.content.into_owned(), s.style)),
    );
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(right, app.theme.meta));
    ListItem::new(Line::from(spans))
}
