//! The city list: only the visible rows are built.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use ratatui::Frame;

use super::layout::Pane;
use super::lines::{self, marked};
use super::{focused, pane_block};
use crate::search::Doc;
use crate::text::number;
use crate::text::wrap::{str_width, truncate};
use crate::tui::app::App;
use crate::tui::list::Row;

/// A city name shorter than this beside a report's title is left out
/// rather than shown as `B…`.
const MIN_CITY: usize = 4;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let detail = match &app.search.results {
        Some(r) => number::with_unit(r.hits.len() as u64, "hit", "hits"),
        None => app.list.sort.label().to_owned(),
    };
    let block = pane_block(app, Pane::Cities, &detail);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let list = &app.list;
    if list.rows.is_empty() {
        let msg = if app.filtered() {
            "No match. Esc goes back."
        } else {
            "The corpus has no cities."
        };
        frame.render_widget(Paragraph::new(msg).style(app.theme.meta), inner);
        return;
    }
    let width = inner.width as usize;
    let end = (list.offset + inner.height as usize).min(list.rows.len());
    let items: Vec<ListItem> = list.rows[list.offset..end]
        .iter()
        .map(|row| item(app, *row, width))
        .collect();
    let style = if focused(app, Pane::Cities) || app.search.active {
        app.theme.selected
    } else {
        app.theme.selected_unfocused
    };
    let mut state = ListState::default().with_selected(Some(list.selected - list.offset));
    frame.render_stateful_widget(List::new(items).highlight_style(style), inner, &mut state);
}

/// One row: a marker, the name or title (which gets the room), and what
/// goes on the right (a city's join year and reports; a report hit's city,
/// shortened first and left out when there is no room for it).
fn item<'a>(app: &'a App, row: Row, width: usize) -> ListItem<'a> {
    let c = &app.corpus;
    let filtered = app.filtered();
    let (marker, name, right, base) = match row.doc {
        Doc::City(i) => {
            let city = &c.cities[i];
            let reports = c.articles_of(i).len();
            let marker = match reports {
                0 => "  ",
                _ if app.list.is_open(i, filtered) => "▾ ",
                _ => "▸ ",
            };
            let year = city.joined.map_or("—".to_owned(), |y| y.to_string());
            let count = if reports == 0 {
                "none".to_owned()
            } else {
                number::count(reports as u64)
            };
            let base = if reports == 0 {
                app.theme.meta
            } else {
                Style::new()
            };
            (
                marker,
                city.name.as_str(),
                format!(" {year:>4} {count:>4}"),
                base,
            )
        }
        Doc::Article(i) => {
            let a = &c.articles[i];
            let marker = if row.depth > 0 { "  └ " } else { "▤ " };
            let city = if row.depth == 0 {
                c.city_of(i).map_or("", |ci| c.cities[ci].name.as_str())
            } else {
                ""
            };
            let room = width.saturating_sub(str_width(marker) + str_width(&a.title) + 1);
            let right = if city.is_empty() || room < MIN_CITY.min(str_width(city)) {
                String::new()
            } else {
                format!(" {}", truncate(city, room))
            };
            (marker, a.title.as_str(), right, Style::new())
        }
    };
    let room = width
        .saturating_sub(str_width(marker) + str_width(&right))
        .max(1);
    let shown = truncate(name, room);
    let marks: Vec<_> = match &app.search.results {
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
            .map(|s| lines::shown(Span::styled(s.content.into_owned(), s.style))),
    );
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(lines::shown(Span::styled(right, app.theme.meta)));
    ListItem::new(Line::from(spans))
}
