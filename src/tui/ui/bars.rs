//! The corpus charts: cities by join year, and the network's growth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Block, Chart, Dataset, GraphType, Widget};

use crate::tui::app::App;

/// The cities of the list (the filtered ones under a facet) by join year.
pub fn join_years(buf: &mut Buffer, app: &App, area: Rect) {
    let s = &app.filter;
    let mut data: Vec<(String, u64)> = s
        .set
        .join_years
        .iter()
        .map(|y| (y.year.to_string(), y.cities as u64))
        .collect();
    if s.set.joined_unknown > 0 {
        data.push(("?".to_owned(), s.set.joined_unknown as u64));
    }
    let title = if app.filter.active() {
        crate::t!("reader-chart-join-years-filtered")
    } else {
        crate::t!("reader-chart-join-years")
    };
    let block = Block::new().title(Line::styled(title, app.theme.label));
    if data.is_empty() {
        block.render(area, buf);
        return;
    }
    let n = data.len() as u16;
    let bar_width = (area.width.saturating_sub(n.saturating_sub(1)) / n.max(1)).clamp(1, 6);
    // Two-digit years when the bars are too narrow for four.
    let label = |y: &str| {
        if bar_width < 4 && y.len() == 4 {
            y[2..].to_owned()
        } else {
            y.to_owned()
        }
    };
    let bars: Vec<Bar> = data
        .iter()
        .map(|(y, v)| {
            Bar::default()
                .value(*v)
                .label(Line::from(label(y)))
                .text_value(crate::text::number::count(*v))
        })
        .collect();
    let chart = BarChart::default()
        .block(block)
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(1)
        .bar_style(app.theme.bar)
        .value_style(app.theme.selected);
    chart.render(area, buf);
}

/// Cities in the network over time: the totals announced with each
/// admission round, or the timeline's dated counts when there are no
/// rounds.
pub fn growth(buf: &mut Buffer, app: &App, area: Rect) {
    let network = &app.corpus.network;
    let from_rounds: Vec<(f64, f64)> = network
        .rounds
        .iter()
        .filter_map(|r| {
            let when = r
                .date
                .as_deref()
                .and_then(decimal_year)
                .unwrap_or(r.year as f64);
            Some((when, r.network_total? as f64))
        })
        .collect();
    let points: Vec<(f64, f64)> = if from_rounds.len() >= 2 {
        from_rounds
    } else {
        network
            .timeline
            .iter()
            .filter_map(|e| Some((decimal_year(&e.date)?, e.cities? as f64)))
            .collect()
    };
    let block = Block::new().title(Line::styled(
        crate::t!("reader-chart-growth"),
        app.theme.label,
    ));
    if points.len() < 2 {
        block.render(area, buf);
        return;
    }
    // The axis runs from the first point to the last and is labelled with
    // their years: rounding the ends out would name a year with no round.
    let x0 = points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let x1 = points.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let y1 = points.iter().map(|p| p.1).fold(0.0, f64::max);
    let dataset = Dataset::default()
        .marker(Marker::Dot)
        .graph_type(GraphType::Line)
        .style(app.theme.bar)
        .data(&points);
    let chart = Chart::new(vec![dataset])
        .block(block)
        .x_axis(
            Axis::default()
                .bounds([x0, x1])
                .labels([format!("{:.0}", x0.floor()), format!("{:.0}", x1.floor())])
                .style(Style::new()),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, y1])
                .labels(["0".to_owned(), crate::text::number::count(y1 as u64)]),
        );
    chart.render(area, buf);
}

/// "2020-09" as 2020.67: enough to place points on a time axis.
fn decimal_year(date: &str) -> Option<f64> {
    let mut parts = date.split('-');
    let year: f64 = parts.next()?.parse().ok()?;
    let month: f64 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1.0);
    Some(year + (month - 1.0) / 12.0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimal_years() {
        assert_eq!(super::decimal_year("2020"), Some(2020.0));
        assert_eq!(super::decimal_year("2020-07-01"), Some(2020.5));
        assert_eq!(super::decimal_year("x"), None);
    }
}
