//! The world map: ratatui's `Canvas` with its `Map` outline, every city
//! with coordinates printed as a mark. The marks differ in shape, not only
//! in colour (see `stats_pane::MARK_*`), so the map reads under `NO_COLOR`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};
use ratatui::widgets::Widget;

use crate::tui::app::App;
use crate::tui::stats_pane::{MAP_NORTH, MAP_SOUTH, MARK_MEMBER, MARK_OTHER, MARK_SELECTED};

pub fn draw(buf: &mut Buffer, app: &App, area: Rect) {
    let t = &app.theme;
    let cities = &app.corpus.cities;
    let selected = app.selected_city();
    let filtered = app.filter.active();
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([-180.0, 180.0])
        .y_bounds([MAP_SOUTH, MAP_NORTH])
        .paint(|ctx| {
            ctx.draw(&Map {
                resolution: MapResolution::High,
                color: t.map_land,
            });
            // Later marks cover earlier ones in the same cell: the others
            // first, the filtered cities over them, the selected city last.
            if filtered {
                for (i, c) in cities.iter().enumerate() {
                    if let Some(p) = c.coords.as_ref().filter(|_| !app.filter.is_member(i)) {
                        ctx.print(p.lon, p.lat, Span::styled(MARK_OTHER, t.map_other));
                    }
                }
            }
            for (i, c) in cities.iter().enumerate() {
                if let Some(p) = c.coords.as_ref().filter(|_| app.filter.is_member(i)) {
                    ctx.print(p.lon, p.lat, Span::styled(MARK_MEMBER, t.map_member));
                }
            }
            if let Some(p) = selected.and_then(|s| cities[s].coords.as_ref()) {
                ctx.print(p.lon, p.lat, Span::styled(MARK_SELECTED, t.map_selected));
            }
        });
    canvas.render(area, buf);
}
