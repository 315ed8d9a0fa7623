//! The statistics pane's state: its content as rows (built when what it
//! shows changes, never while drawing), the selected figure and the scroll.
//!
//! The whole pane scrolls: the selected city and its figures, the open
//! report's numbers, the corpus summary and the two charts. The selected
//! figure is always on screen; when scrolling moves it off, the selection
//! moves to a figure that is on screen, or to none when none is (Enter then
//! has nothing to trace, rather than a hidden figure).

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::filter::FilterState;
use super::theme::Theme;
use crate::corpus::Corpus;
use crate::stats::{figure_amount, ArticleStats, CorpusStats};
use crate::t;
use crate::text::number::{self, Unit};
use crate::text::wrap::{pad, truncate, wrap};

/// Text as the terminal gets it (see `text::display`).
fn shown(s: &str) -> String {
    crate::text::display::for_terminal(s).into_owned()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    /// The world map with the cities on it.
    Map,
    JoinYears,
    Growth,
}

/// Latitudes the map shows: no member city is further south or north, and
/// the rows are better spent on where the cities are.
pub const MAP_SOUTH: f64 = -58.0;
pub const MAP_NORTH: f64 = 78.0;

/// Rows for a map `width` columns wide: a cell is about twice as tall as
/// it is wide, so a degree of latitude takes as much room as one of
/// longitude.
pub fn map_height(width: usize) -> u16 {
    ((MAP_NORTH - MAP_SOUTH) * width as f64 / 720.0).round() as u16
}

#[derive(Debug, Clone, PartialEq)]
pub enum StatRow {
    Text(Line<'static>),
    /// A line of figure `figure` (its amount, then its label).
    Figure {
        figure: usize,
        line: Line<'static>,
    },
    /// Row `row` of a chart.
    Chart {
        chart: Chart,
        row: u16,
    },
    /// A line of web address `url`: an address wider than the pane goes
    /// on over the next rows, whole, each row a link to all of it.
    Link {
        url: String,
        line: Line<'static>,
    },
}

/// What the pane describes.
pub struct Source<'a> {
    pub corpus: &'a Corpus,
    pub stats: &'a CorpusStats,
    /// The facets in force, and the statistics of their cities.
    pub filter: &'a FilterState,
    pub theme: &'a Theme,
    pub city: Option<usize>,
    /// What the viewer shows, and the open report's numbers.
    pub viewing: Option<crate::search::Doc>,
    pub report: Option<&'a ArticleStats>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    city: Option<usize>,
    viewing: Option<crate::search::Doc>,
    report: Option<(usize, usize)>,
    width: usize,
    height: usize,
    filter: u64,
    map: bool,
}

#[derive(Debug, Default)]
pub struct StatsPane {
    pub rows: Vec<StatRow>,
    /// The selected city's figures: (article, figure index).
    pub figures: Vec<(usize, usize)>,
    figure_rows: Vec<Range<usize>>,
    /// The rows of the open report's numbers, between the city's and the
    /// network's.
    report_rows: Range<usize>,
    pub selected: Option<usize>,
    pub scroll: usize,
    pub width: usize,
    pub height: usize,
    /// The world map is shown at the top.
    pub map: bool,
    /// The map's rows, for the width it was built for.
    pub map_rows: u16,
    key: Option<Key>,
}

impl StatsPane {
    /// Rebuilds the rows if what they show changed. A new city starts at
    /// the top with its first figure selected.
    pub fn refresh(&mut self, src: &Source) {
        let key = Key {
            city: src.city,
            viewing: src.viewing,
            report: src.report.map(|r| (r.words, r.top_words.len())),
            width: self.width,
            height: self.height,
            filter: src.filter.generation,
            map: self.map,
        };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let new_city = self.key.as_ref().is_none_or(|k| k.city != key.city);
        // While a query is typed the open report changes at most keys, the
        // city much less often: a city with thousands of reports has tens
        // of thousands of rows of figures, which need not be made again.
        let only_report = self.key.as_ref().is_some_and(|k| {
            let same = Key {
                viewing: key.viewing,
                report: key.report,
                ..k.clone()
            };
            same == key
        });
        self.key = Some(key);
        if only_report {
            self.rebuild_report(src);
        } else {
            self.build(src);
        }
        if new_city {
            self.scroll = 0;
            self.selected = (!self.figures.is_empty()).then_some(0);
        }
        self.scroll = self.scroll.min(self.max_scroll());
        if let Some(i) = self.selected {
            if i >= self.figures.len() {
                self.selected = self.figures.len().checked_sub(1);
            }
        }
        self.keep_selection_visible();
    }

    pub fn set_size(&mut self, width: usize, height: usize) {
        self.width = width.max(1);
        self.height = height.max(1);
        self.scroll = self.scroll.min(self.max_scroll());
        self.keep_selection_visible();
    }

    pub fn max_scroll(&self) -> usize {
        self.rows.len().saturating_sub(self.height)
    }

    pub fn chart_height(&self, chart: Chart) -> u16 {
        match chart {
            Chart::Map => self.map_rows,
            Chart::JoinYears => 8,
            Chart::Growth => 10,
        }
    }

    /// The web address shown on row `row` of the pane at column `col`, if
    /// the click is on its text (not the blank after it).
    pub fn link_at(&self, row: usize, col: usize) -> Option<&str> {
        match self.rows.get(self.scroll + row)? {
            StatRow::Link { url, line } if col < line.width() => Some(url),
            _ => None,
        }
    }

    /// The figure shown on row `row` of the pane (0 = its first row).
    pub fn figure_at(&self, row: usize) -> Option<usize> {
        let at = self.scroll + row;
        self.figure_rows.iter().position(|r| r.contains(&at))
    }

    /// The figure to trace: the selected one, which is always on screen.
    pub fn selected_figure(&self) -> Option<(usize, usize)> {
        self.figures.get(self.selected?).copied()
    }

    fn taller_than_pane(&self, i: usize) -> bool {
        self.figure_rows[i].len() > self.height
    }

    /// Whether figure `i` may stay selected: its first line shows, or,
    /// when it is taller than the pane, any of it (j scrolls through it).
    fn on_screen(&self, i: usize) -> bool {
        let r = &self.figure_rows[i];
        let end = self.scroll + self.height;
        let first = r.start >= self.scroll && r.start < end;
        first || (self.taller_than_pane(i) && r.start < end && r.end > self.scroll)
    }

    fn keep_selection_visible(&mut self) {
        if let Some(i) = self.selected {
            if !self.on_screen(i) {
                self.show_figure(i);
            }
        }
    }

    /// Scrolls as little as shows figure `i` whole, or, taller than the
    /// pane, from its first line.
    fn show_figure(&mut self, i: usize) {
        let r = self.figure_rows[i].clone();
        if self.taller_than_pane(i) || r.start < self.scroll {
            self.scroll = r.start;
        } else if r.end > self.scroll + self.height {
            self.scroll = r.end - self.height;
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// After a scroll: keep the selection if it is still on screen, else
    /// take the nearest figure on screen in the direction moved, or none.
    fn follow_scroll(&mut self, down: bool) {
        if self.selected.is_some_and(|i| self.on_screen(i)) {
            return;
        }
        let n = self.figures.len();
        self.selected = if down {
            (0..n).find(|&i| self.on_screen(i))
        } else {
            (0..n).rev().find(|&i| self.on_screen(i))
        };
    }

    /// j/k: to the next or previous figure while there is one, else scroll
    /// the pane a line (to the report's numbers and the charts below). A
    /// figure taller than the pane is first scrolled through a line at a
    /// time, staying selected: moving on at once would leave its end
    /// unread, and scrolling without it dropped the selection.
    pub fn step(&mut self, dir: isize) {
        let Some(i) = self.selected else {
            self.scroll_by(dir);
            if self.selected.is_none() && dir < 0 {
                // Coming back up to the figures, the last one is taken as
                // soon as any of it shows.
                let (scroll, end) = (self.scroll, self.scroll + self.height);
                self.selected = self
                    .figure_rows
                    .iter()
                    .rposition(|r| r.start < end && r.end > scroll);
            }
            if let Some(i) = self.selected {
                self.show_figure(i);
            }
            return;
        };
        let r = self.figure_rows[i].clone();
        if self.taller_than_pane(i) {
            if dir > 0 && r.end > self.scroll + self.height {
                self.scroll += 1;
                return;
            }
            if dir < 0 && r.start < self.scroll {
                self.scroll -= 1;
                return;
            }
        }
        let next = if dir > 0 {
            (i + 1 < self.figures.len()).then_some(i + 1)
        } else {
            i.checked_sub(1)
        };
        match next {
            Some(next) => {
                self.selected = Some(next);
                self.show_figure(next);
            }
            None => self.scroll_by(dir),
        }
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = (self.scroll as isize)
            .saturating_add(delta)
            .clamp(0, self.max_scroll() as isize) as usize;
        self.follow_scroll(delta > 0);
    }

    pub fn top(&mut self) {
        self.scroll = 0;
        self.selected = (!self.figures.is_empty()).then_some(0);
        self.keep_selection_visible();
    }

    /// The top of the pane in view, keeping the selection only if it is
    /// still on screen there.
    pub fn show_top(&mut self) {
        self.scroll = 0;
        self.follow_scroll(true);
    }

    pub fn bottom(&mut self) {
        self.scroll = self.max_scroll();
        self.follow_scroll(false);
    }

    fn build(&mut self, src: &Source) {
        let width = self.width;
        let mut b = Builder {
            rows: Vec::new(),
            width,
        };
        self.figures.clear();
        self.figure_rows.clear();
        if self.map {
            self.map_section(&mut b, src);
        }
        self.city_section(&mut b, src);
        let start = b.rows.len();
        report_section(&mut b, src);
        self.report_rows = start..b.rows.len();
        network_section(&mut b, src);
        self.rows = b.rows;
    }

    /// Rebuilds the open report's rows alone, the others being those of
    /// the same city, size, facets and map.
    fn rebuild_report(&mut self, src: &Source) {
        let mut b = Builder {
            rows: Vec::new(),
            width: self.width,
        };
        report_section(&mut b, src);
        let start = self.report_rows.start;
        let len = b.rows.len();
        self.rows.splice(self.report_rows.clone(), b.rows);
        self.report_rows = start..start + len;
    }

    /// The map, with what it leaves out said under it.
    fn map_section(&mut self, b: &mut Builder, src: &Source) {
        let t = src.theme;
        let set = &src.filter.set;
        // Room for the caption under the map when the pane is short.
        let room = self.height.saturating_sub(3).max(4) as u16;
        self.map_rows = map_height(b.width).clamp(4, room.max(4));
        b.chart(Chart::Map, self.map_rows);
        let all = src.stats.set.placed;
        let placed = if src.filter.active() {
            t!(
                "reader-stats-placed-filtered",
                placed = set.placed,
                filtered = set.cities,
                placed_all = all,
                all = src.stats.set.cities
            )
        } else {
            t!(
                "reader-stats-placed",
                placed = set.placed,
                cities = number::with_unit(set.cities as u64, Unit::City)
            )
        };
        b.wrapped(&placed, Style::new(), 0);
        let selected = src.city.map(|c| &src.corpus.cities[c]);
        let legend = match selected {
            Some(c) if c.coords.is_some() => format!("{} {}", MARK_SELECTED, c.name),
            Some(c) => t!("reader-stats-no-coordinates", city = c.name.as_str()),
            None => String::new(),
        };
        let legend = if src.filter.active() {
            format!(
                "{legend}  {MARK_MEMBER} {}  {MARK_OTHER} {}",
                t!("reader-stats-map-filtered"),
                t!("reader-stats-map-others")
            )
        } else {
            legend
        };
        if !legend.trim().is_empty() {
            b.wrapped(legend.trim(), t.meta, 0);
        }
        b.wrapped(&t!("reader-stats-map-credit"), t.meta, 0);
    }

    /// The selected city and its figures.
    fn city_section(&mut self, b: &mut Builder, src: &Source) {
        let t = src.theme;
        let c = src.corpus;
        let Some(ci) = src.city else {
            b.text(&t!("reader-stats-no-city"), t.meta);
            return;
        };
        let city = &c.cities[ci];
        if self.map {
            b.blank();
        }
        b.text(
            &format!("{} · {}", city.name, city.country_or_dash()),
            t.title,
        );
        let reports = c.articles_of(ci).len();
        let mut facts = vec![city.joined_words()];
        if let Some(st) = city.status {
            facts.push(st.in_words().to_owned());
        }
        facts.push(number::with_unit(reports as u64, Unit::Report));
        b.wrapped(&facts.join(" · "), Style::new(), 0);
        self.figures = c
            .articles_of(ci)
            .iter()
            .flat_map(|&a| (0..c.articles[a].figures.len()).map(move |f| (a, f)))
            .collect();
        if reports == 0 {
            return;
        }
        b.blank();
        if self.figures.is_empty() {
            b.wrapped(&t!("reader-stats-no-figures"), t.meta, 0);
            return;
        }
        b.text(&t!("reader-stats-figures"), t.label);
        for (n, &(a, f)) in self.figures.iter().enumerate() {
            let fig = &c.articles[a].figures[f];
            let start = b.rows.len();
            let amount = figure_amount(fig);
            b.figure(n, &amount, t.key, 0);
            b.figure(n, &fig.label, Style::new(), 2);
            self.figure_rows.push(start..b.rows.len());
        }
    }
}

/// How the map marks a city: the selected one, one the filter lets
/// through (every city when there is no filter), and the others. Shapes,
/// not only colours, tell them apart, so they read under `NO_COLOR`.
pub const MARK_SELECTED: &str = "◆";
pub const MARK_MEMBER: &str = "•";
pub const MARK_OTHER: &str = "·";

/// Countries listed by name in the pane; the rest are counted.
const TOP_COUNTRIES: usize = 8;

/// The network, and the cities of the list (the filtered ones when a
/// facet is in force).
/// The open report's numbers.
fn report_section(b: &mut Builder, src: &Source) {
    let t = src.theme;
    let Some(s) = src.report else {
        return;
    };
    b.blank();
    b.text(&t!("reader-stats-this-report"), t.label);
    b.wrapped(
        &t!(
            "reader-stats-report-length",
            words = number::with_unit(s.words as u64, Unit::Word),
            minutes = number::with_unit(s.reading_minutes as u64, Unit::Minute)
        ),
        Style::new(),
        0,
    );
    // Empty while a query is typed (see Viewer::refresh_stats).
    if !s.top_words.is_empty() {
        let words: Vec<String> = s
            .top_words
            .iter()
            .map(|w| {
                format!(
                    "{}{}{}",
                    w.word,
                    number::NBSP,
                    number::count(w.count as u64)
                )
            })
            .collect();
        b.wrapped(
            &t!("reader-stats-frequent", words = words.join(", ")),
            Style::new(),
            0,
        );
    }
}

fn network_section(b: &mut Builder, src: &Source) {
    let t = src.theme;
    let all = &src.stats.set;
    let set = &src.filter.set;
    b.blank();
    let network = t!("reader-stats-network");
    let name = src.corpus.network.name.as_deref().unwrap_or(&network);
    b.wrapped(name, t.label, 0);
    if let Some(c) = &src.stats.coverage {
        let cities = number::with_unit(c.total, Unit::City);
        let mut s = match c.countries_total {
            Some(k) => t!(
                "reader-stats-network-size",
                cities = cities,
                countries = number::with_unit(k, Unit::Country)
            ),
            None => t!("reader-stats-network-size-unknown", cities = cities),
        };
        if let Some(d) = &c.as_of {
            s.push_str(&format!(" ({d})"));
        }
        b.wrapped(&s, Style::new(), 0);
        b.wrapped(
            &t!(
                "reader-stats-listed-here",
                listed = c.listed,
                total = c.total
            ),
            t.notice,
            0,
        );
    }
    b.wrapped(
        &t!(
            "reader-stats-corpus",
            cities = number::with_unit(all.cities as u64, Unit::City),
            with_reports = all.cities_with_reports,
            reports = number::with_unit(src.stats.articles as u64, Unit::Report),
            figures = number::with_unit(src.stats.figures as u64, Unit::Figure)
        ),
        t.meta,
        0,
    );
    let filtered = src.filter.active();
    if filtered {
        b.blank();
        b.wrapped(
            &t!(
                "reader-stats-filtered",
                shown = set.cities,
                cities = number::with_unit(all.cities as u64, Unit::City),
                countries = number::with_unit(set.countries as u64, Unit::Country)
            ),
            t.key,
            0,
        );
    }
    // A heading's words, "(filtered)" after them under a filter.
    let title = |plain: String, under_filter: String| if filtered { under_filter } else { plain };
    if !set.regions.is_empty() {
        b.blank();
        b.text(
            &title(
                t!("reader-stats-by-region"),
                t!("reader-stats-by-region-filtered"),
            ),
            t.label,
        );
        let mut rows: Vec<(String, usize)> = set
            .regions
            .iter()
            .map(|r| (r.name.clone(), r.cities))
            .collect();
        if set.region_unknown > 0 {
            rows.push((t!("reader-stats-unknown"), set.region_unknown));
        }
        b.bars(&rows, t.bar);
    }
    if set.cities > 0 {
        b.blank();
        b.chart(Chart::JoinYears, 8);
    }
    if !set.countries_by_cities.is_empty() {
        b.blank();
        let more = set.countries_by_cities.len().saturating_sub(TOP_COUNTRIES);
        let heading = if more > 0 {
            title(
                t!("reader-stats-top-countries"),
                t!("reader-stats-top-countries-filtered"),
            )
        } else {
            title(
                t!("reader-stats-by-country"),
                t!("reader-stats-by-country-filtered"),
            )
        };
        b.text(&heading, t.label);
        let rows: Vec<(String, usize)> = set
            .countries_by_cities
            .iter()
            .take(TOP_COUNTRIES)
            .map(|r| (r.name.clone(), r.cities))
            .collect();
        b.bars(&rows, t.bar);
        if more > 0 {
            b.wrapped(
                &t!(
                    "reader-stats-more-countries",
                    countries = number::with_unit(more as u64, Unit::Country)
                ),
                t.meta,
                0,
            );
        }
    }
    if set.statuses.iter().any(|s| s.cities > 0) {
        b.blank();
        b.text(
            &title(
                t!("reader-stats-sourced"),
                t!("reader-stats-sourced-filtered"),
            ),
            t.label,
        );
        let rows: Vec<(String, usize)> = set
            .statuses
            .iter()
            .map(|s| (s.status.in_words().to_owned(), s.cities))
            .collect();
        b.bars(&rows, t.bar);
    }
    let totals = src
        .stats
        .rounds
        .iter()
        .filter(|r| r.round.network_total.is_some())
        .count();
    let dated = src
        .corpus
        .network
        .timeline
        .iter()
        .filter(|e| e.cities.is_some())
        .count();
    if totals >= 2 || dated >= 2 {
        b.blank();
        b.chart(Chart::Growth, 10);
    }
    if !src.stats.rounds.is_empty() {
        b.blank();
        b.text(&t!("reader-stats-rounds"), t.label);
        b.rounds(&src.stats.rounds, t);
    }
}

struct Builder {
    rows: Vec<StatRow>,
    width: usize,
}

impl Builder {
    /// One line, cut with `…` if wider than the pane.
    fn text(&mut self, s: &str, style: Style) {
        let s = truncate(s, self.width);
        self.rows
            .push(StatRow::Text(Line::styled(shown(&s), style)));
    }

    fn blank(&mut self) {
        self.rows.push(StatRow::Text(Line::raw("")));
    }

    fn lines(&self, s: &str, indent: usize) -> Vec<String> {
        let pad = " ".repeat(indent.min(self.width.saturating_sub(1)));
        let room = self.width.saturating_sub(pad.len()).max(1);
        wrap(s, room)
            .into_iter()
            .map(|r| format!("{pad}{}", shown(&truncate(&s[r], room))))
            .collect()
    }

    fn wrapped(&mut self, s: &str, style: Style, indent: usize) {
        for l in self.lines(s, indent) {
            self.rows.push(StatRow::Text(Line::styled(l, style)));
        }
    }

    fn figure(&mut self, figure: usize, s: &str, style: Style, indent: usize) {
        for l in self.lines(s, indent) {
            self.rows.push(StatRow::Figure {
                figure,
                line: Line::styled(l, style),
            });
        }
    }

    fn chart(&mut self, chart: Chart, height: u16) {
        for row in 0..height {
            self.rows.push(StatRow::Chart { chart, row });
        }
    }

    /// Labelled bars, one a line: "Africa            ████ 36".
    fn bars(&mut self, rows: &[(String, usize)], style: Style) {
        let b = crate::text::bars::Bars::new(rows, self.width, 1);
        let label_w = b.label_w;
        let room = self.width.saturating_sub(label_w + b.count_w + 2);
        for (label, n) in rows {
            let len = b.len(*n, room);
            let label = pad(&truncate(label, label_w), label_w);
            self.rows.push(StatRow::Text(Line::from(vec![
                Span::raw(shown(&format!("{label} "))),
                Span::styled("█".repeat(len), style),
                Span::raw(format!(" {}", number::count(*n as u64))),
            ])));
        }
    }

    /// Each round: the cities listed here out of those announced.
    fn rounds(&mut self, rounds: &[crate::stats::network::RoundStats], t: &Theme) {
        let room = self.width.saturating_sub(4 + 1 + 9 + 1).min(30);
        for r in rounds {
            let listed = number::count(r.listed as u64);
            let line = match r.round.announced_new {
                Some(new) if new > 0 => {
                    let full = (r.listed as u64 * room as u64)
                        .div_ceil(new)
                        .min(room as u64) as usize;
                    let count = format!("{listed}/{}", number::count(new));
                    Line::from(vec![
                        Span::raw(format!("{} {count:>9} ", r.round.year)),
                        Span::styled("█".repeat(full), t.bar),
                        Span::styled("░".repeat(room - full), t.meta),
                    ])
                }
                _ => Line::from(vec![
                    Span::raw(format!("{} {listed:>9} ", r.round.year)),
                    Span::styled(t!("reader-stats-no-count"), t.meta),
                ]),
            };
            self.rows.push(StatRow::Text(line));
        }
        for r in rounds {
            if let Some(note) = &r.round.note {
                self.wrapped(&format!("{}: {note}", r.round.year), t.meta, 0);
            }
        }
        // Where each round's numbers come from.
        if rounds.iter().any(|r| !r.round.sources.is_empty()) {
            self.blank();
            self.text(&t!("reader-stats-round-sources"), t.label);
            for r in rounds.iter().filter(|r| !r.round.sources.is_empty()) {
                for l in &r.round.sources {
                    let head = match &l.title {
                        Some(title) => format!("{}: {title}", r.round.year),
                        None => r.round.year.to_string(),
                    };
                    self.wrapped(&head, Style::new(), 0);
                    if let Some(url) = &l.url {
                        self.link(url, t.meta);
                    }
                }
            }
        }
    }

    /// A web address, whole, over as many rows as it takes.
    fn link(&mut self, url: &str, style: Style) {
        for r in crate::text::wrap::cut_anywhere(url, self.width) {
            self.rows.push(StatRow::Link {
                url: url.to_owned(),
                line: Line::styled(shown(&url[r]), style),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;
    use crate::stats::corpus_stats;

    fn pane(city: &str, width: usize, height: usize) -> (Corpus, StatsPane) {
        let c = bundled();
        let stats = corpus_stats(&c);
        let filter = FilterState::new(&c);
        let mut p = StatsPane::default();
        p.set_size(width, height);
        let theme = Theme::mono();
        let city = c.city_index(city);
        p.refresh(&Source {
            corpus: &c,
            stats: &stats,
            filter: &filter,
            theme: &theme,
            city,
            viewing: None,
            report: None,
        });
        (c, p)
    }

    fn visible_figures(p: &StatsPane) -> Vec<usize> {
        p.rows[p.scroll..(p.scroll + p.height).min(p.rows.len())]
            .iter()
            .filter_map(|r| match r {
                StatRow::Figure { figure, .. } => Some(*figure),
                _ => None,
            })
            .collect()
    }

    fn starts_on_screen(p: &StatsPane, i: usize) -> bool {
        let r = &p.figure_rows[i];
        r.start >= p.scroll && r.start < p.scroll + p.height
    }

    /// After j or k: the selected figure shows, and when none is selected
    /// no figure has come into view (the selection was not dropped).
    fn check(p: &StatsPane, at: &str) {
        match p.selected {
            Some(i) => assert!(visible_figures(p).contains(&i), "{i} hidden {at}"),
            None => assert!(
                (0..p.figures.len()).all(|i| !starts_on_screen(p, i)),
                "a figure shows and none is selected {at}"
            ),
        }
    }

    /// Steps `p` by `delta` up to `limit` times, checking each step, and
    /// gives the figures selected in turn (after `walked`), each shown from
    /// its first line. No figure may be selected only before the first
    /// (the city's name above it) or after the last: then the walk ends.
    fn walk(
        p: &mut StatsPane,
        delta: isize,
        mut walked: Vec<usize>,
        limit: usize,
        at: &dyn Fn(&StatsPane) -> String,
    ) -> Vec<usize> {
        for _ in 0..limit {
            p.step(delta);
            check(p, &at(p));
            match p.selected {
                Some(i) if walked.last() != Some(&i) => {
                    assert!(starts_on_screen(p, i), "{i} {}", at(p));
                    walked.push(i);
                }
                Some(_) => {}
                None => {
                    let n = p.figures.len();
                    assert!(
                        walked.is_empty() || walked.len() == n,
                        "{delta}: lost it {}",
                        at(p)
                    );
                    if walked.len() == n {
                        break;
                    }
                }
            }
        }
        walked
    }

    /// Issue 8, item 3: "the selected figure must always be visible and
    /// highlighted, at every height from the minimum up". j from the top
    /// and k from the bottom walk every figure in turn, each shown from its
    /// first line, however tall it is against the pane.
    #[test]
    fn the_selected_figure_is_always_on_screen_at_every_height() {
        for height in 1..=30 {
            for width in (10..=40).step_by(3) {
                let (_, mut p) = pane("ankara", width, height);
                let n = p.figures.len();
                assert_eq!(n, 6);
                let limit = p.rows.len() + 10;
                let at = |p: &StatsPane| format!("at {width}x{height}, scroll {}", p.scroll);

                assert_eq!(p.selected, Some(0));
                assert!(starts_on_screen(&p, 0), "{}", at(&p));
                let walked = walk(&mut p, 1, vec![0], limit, &at);
                assert_eq!(walked, (0..n).collect::<Vec<_>>(), "j {}", at(&p));

                p.bottom();
                let walked = walk(&mut p, -1, Vec::new(), limit, &at);
                assert_eq!(walked, (0..n).rev().collect::<Vec<_>>(), "k {}", at(&p));

                p.top();
                for m in [1, 1, 1, -1, 1, -1, 1, 1, -1] {
                    p.step(m);
                    check(&p, &at(&p));
                    assert!(p.selected.is_some(), "lost after {m} {}", at(&p));
                }
                p.bottom();
                p.top();
                assert_eq!(p.selected, Some(0));
            }
        }
    }

    #[test]
    fn the_whole_pane_scrolls_to_the_charts() {
        let (_, mut p) = pane("ankara", 30, 10);
        assert!(p.rows.len() > 30);
        for _ in 0..200 {
            p.step(1);
        }
        assert_eq!(p.scroll, p.max_scroll(), "j reaches the end");
        assert!(p.rows.iter().any(|r| matches!(
            r,
            StatRow::Chart {
                chart: Chart::Growth,
                ..
            }
        )));
        assert!(p.rows[p.scroll..]
            .iter()
            .any(|r| matches!(r, StatRow::Text(l) if l.to_string().starts_with("2025"))));
        assert_eq!(p.selected, None, "no figure on screen, none selected");
        p.top();
        assert_eq!((p.scroll, p.selected), (0, Some(0)));
    }

    fn texts(p: &StatsPane) -> Vec<String> {
        p.rows
            .iter()
            .filter_map(|r| match r {
                StatRow::Text(l) => Some(l.to_string().replace('\u{a0}', " ")),
                _ => None,
            })
            .collect()
    }

    /// Another report of the same city replaces the report's rows alone:
    /// the pane must read as if built afresh.
    #[test]
    fn another_report_of_the_same_city_reads_as_if_built_afresh() {
        let c = bundled();
        let stats = corpus_stats(&c);
        let filter = FilterState::new(&c);
        let theme = Theme::mono();
        let ankara = c.city_index("ankara");
        let a = c.article_index("ankara-belmek-2025").unwrap();
        let full = crate::stats::article_stats(&c.articles[a], 5);
        assert!(!full.top_words.is_empty());
        let short = ArticleStats {
            words: 12,
            reading_minutes: 1,
            top_words: Vec::new(),
        };
        let source = |viewing: usize, report| Source {
            corpus: &c,
            stats: &stats,
            filter: &filter,
            theme: &theme,
            city: ankara,
            viewing: Some(crate::search::Doc::Article(viewing)),
            report,
        };
        let mut p = StatsPane::default();
        p.set_size(40, 20);
        let reports = [
            None,
            Some(&full),
            Some(&short),
            None,
            Some(&short),
            Some(&full),
        ];
        for (viewing, report) in reports.into_iter().enumerate() {
            p.refresh(&source(viewing, report));
            let mut fresh = StatsPane::default();
            fresh.set_size(40, 20);
            fresh.refresh(&source(viewing, report));
            assert_eq!(p.rows, fresh.rows, "{viewing}");
            assert_eq!(p.figure_rows, fresh.figure_rows, "{viewing}");
            assert_eq!(p.report_rows, fresh.report_rows, "{viewing}");
        }
    }

    #[test]
    fn a_city_without_reports_has_its_facts_and_no_figures() {
        let (_, p) = pane("konya", 40, 20);
        let text = texts(&p);
        assert_eq!(text[1], "year unknown · confirmed · 0 reports", "{text:?}");
        assert!(p.figures.is_empty());
        assert!(!text.iter().any(|l| l.starts_with("Figures")));
    }

    #[test]
    fn the_network_says_how_much_of_it_is_listed() {
        let (_, p) = pane("ankara", 60, 20);
        let text = texts(&p).join("\n");
        assert!(
            text.contains("425 cities in 91 countries (2025-12-04)"),
            "{text}"
        );
        assert!(text.contains("Listed here: 320 of 425"), "{text}");
        assert!(text.contains("2020     43/54"), "{text}");
        assert!(text.contains("2020: Corrected figures"), "{text}");
        assert!(text.contains("Africa"), "{text}");
    }

    #[test]
    fn qualified_figures_read_more_than() {
        let (_, p) = pane("ankara", 40, 20);
        let lines: Vec<String> = p
            .rows
            .iter()
            .filter_map(|r| match r {
                StatRow::Figure { line, .. } => Some(line.to_string().replace('\u{a0}', " ")),
                _ => None,
            })
            .collect();
        assert!(
            lines.contains(&"more than 20 centres".to_owned()),
            "{lines:?}"
        );
        assert!(lines.contains(&"2013".to_owned()), "{lines:?}");
        assert!(lines.contains(&"36,756 women".to_owned()), "{lines:?}");
    }

    /// Issue 11: the rounds' numbers come with their sources, each address
    /// whole over as many rows as it takes, each row a link to all of it.
    #[test]
    fn the_rounds_sources_are_listed_whole() {
        let (c, p) = pane("konya", 30, 20);
        assert!(texts(&p).iter().any(|t| t == "Sources of the rounds"));
        let round = c.network.rounds.iter().find(|r| r.year == 2020).unwrap();
        let url = round.sources[0].url.as_deref().unwrap();
        let rows: Vec<String> = p
            .rows
            .iter()
            .filter_map(|r| match r {
                StatRow::Link { url: u, line } if u == url => Some(line.to_string()),
                _ => None,
            })
            .collect();
        assert!(rows.len() > 1, "wider than 30 columns: several rows");
        assert!(rows.iter().all(|r| r.chars().count() <= 30));
        assert_eq!(rows.concat(), url);
        let at = p
            .rows
            .iter()
            .position(|r| matches!(r, StatRow::Link { .. }))
            .unwrap();
        let mut p = p;
        p.scroll = at;
        assert!(p.link_at(0, 0).is_some());
        assert!(p.link_at(0, 30).is_none(), "past the row's text");
    }
}
