//! The city list: only the visible rows are built.

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use ratatui::Frame;

use super::layout::Pane;
use super::lines::{self, marked};
use super::{focused, pane_block};
use crate::corpus::order::Sort;
use crate::search::Doc;
use crate::text::number;
use crate::text::wrap::{str_width, truncate};
use crate::tui::app::App;
use crate::tui::list::Row;

/// A city name shorter than this beside a report's title is left out
/// rather than shown as `B…`.
const MIN_CITY: usize = 4;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let detail = title_detail(app, area.width as usize);
    let block = pane_block(app, Pane::Cities, &detail);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let list = &app.list;
    if list.is_empty() {
        let msg = if app.narrowed() {
            crate::t!("reader-list-no-match")
        } else {
            crate::t!("reader-list-empty")
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
    // The wheel may have moved the selection off screen (see
    // `ListPane::scroll_by`): then no row is highlighted.
    let on_screen = (list.offset..end).contains(&list.selected);
    let mut state =
        ListState::default().with_selected(on_screen.then(|| list.selected - list.offset));
    frame.render_stateful_widget(List::new(items).highlight_style(style), inner, &mut state);
}

/// What a city's row shows on the right: what the list is sorted by (its
/// country or region, cut to fit), else its join year; how many reports
/// it has, when it has any, and how many of them are unread.
fn right_of(app: &App, i: usize, width: usize) -> String {
    let city = &app.corpus.cities[i];
    let reports = app.corpus.articles_of(i).len();
    let count = if reports == 0 {
        String::new()
    } else {
        format!(" {}", number::count(reports as u64))
    };
    let room = (width * 2 / 5).max(4);
    let key = match app.list.sort {
        Sort::Country if !app.filtered() => truncate(city.country_or_dash(), room),
        Sort::Region if !app.filtered() => truncate(city.region.as_deref().unwrap_or("—"), room),
        _ => format!(
            "{:>4}",
            city.joined.map_or("—".to_owned(), |y| y.to_string())
        ),
    };
    let right = format!(" {key}{count:>3}");
    match app.marks.unread_in(i) {
        0 => right,
        n => {
            // "2 unread" where the name still fits whole beside it, else
            // "●2": the name comes first.
            let words = format!("{right} · {}", crate::t!("reader-list-unread", n = n));
            if CITY_MARKER + str_width(&city.name) + str_width(&words) <= width {
                words
            } else {
                format!("{right} ●{}", number::count(n as u64))
            }
        }
    }
}

/// The width of a city row's marker (`▸ `, `▾ ` or blanks).
const CITY_MARKER: usize = 2;

/// A report's mark before its title: ★ bookmarked, ● unread (the title is
/// bold then too, so it shows without colour), else a space.
fn flag(app: &App, a: usize) -> (&'static str, Style) {
    let unread = !app.marks.is_read(a);
    let style = if unread {
        Style::new().add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    };
    match (app.marks.is_bookmarked(a), unread) {
        (true, _) => ("★ ", style),
        (false, true) => ("● ", style),
        (false, false) => ("  ", style),
    }
}

/// What follows "Cities · " in the title: the fullest form that fits, so
/// the position ("21/320") is the last thing to go at narrow widths.
fn title_detail(app: &App, width: usize) -> String {
    let (at, of) = app.list.position();
    let place = format!("{}/{}", number::count(at as u64), number::count(of as u64));
    let forms = match &app.search.results {
        Some(r) => vec![
            format!(
                "{} · {place}",
                number::with_unit(r.len() as u64, crate::text::number::Unit::Hit)
            ),
            place,
        ],
        None if of == 0 => vec![app.list.sort.label().to_owned()],
        None => vec![
            format!("{} · {place}", app.list.sort.label().to_owned()),
            place,
        ],
    };
    // Two corners, the focus marker and its space, "Cities · ", a space.
    let room = width.saturating_sub(2 + 2 + str_width(&Pane::Cities.title()) + 3 + 1);
    let last = forms.len() - 1;
    forms
        .into_iter()
        .enumerate()
        .find(|(i, f)| *i == last || str_width(f) <= room)
        .map(|(_, f)| f)
        .unwrap_or_default()
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
            let base = if reports == 0 {
                app.theme.meta
            } else {
                Style::new()
            };
            let base = if app.marks.unread_in(i) > 0 {
                base.add_modifier(Modifier::BOLD)
            } else {
                base
            };
            (
                marker.to_owned(),
                city.name.as_str(),
                right_of(app, i, width),
                base,
            )
        }
        Doc::Article(i) => {
            let a = &c.articles[i];
            let (flag, style) = flag(app, i);
            let marker = if row.depth > 0 {
                ["  └ ", flag].concat()
            } else {
                ["▤ ", flag].concat()
            };
            let city = if row.depth == 0 {
                c.city_of(i).map_or("", |ci| c.cities[ci].name.as_str())
            } else {
                ""
            };
            let room = width.saturating_sub(str_width(&marker) + str_width(&a.title) + 1);
            let right = if city.is_empty() || room < MIN_CITY.min(str_width(city)) {
                String::new()
            } else {
                format!(" {}", truncate(city, room))
            };
            (marker, a.title.as_str(), right, style)
        }
    };
    let room = width
        .saturating_sub(str_width(&marker) + str_width(&right))
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
    let gap = width.saturating_sub(str_width(&marker) + str_width(&shown) + str_width(&right));
    let mut spans = vec![Span::styled(marker.clone(), base)];
    spans.extend(
        marked(&shown, base, &marks)
            .into_iter()
            .map(|s| lines::shown(Span::styled(s.content.into_owned(), s.style))),
    );
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(lines::shown(Span::styled(right, app.theme.meta)));
    ListItem::new(Line::from(spans))
}
