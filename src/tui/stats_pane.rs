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
use ratatui::text::Line;

use super::theme::Theme;
use crate::corpus::Corpus;
use crate::stats::{figure_amount, ArticleStats, CorpusStats};
use crate::text::number;
use crate::text::wrap::{truncate, wrap};

/// Text as the terminal gets it (see `text::display`).
fn shown(s: &str) -> String {
    crate::text::display::for_terminal(s).into_owned()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    JoinYears,
    Growth,
}

impl Chart {
    pub fn height(self) -> u16 {
        match self {
            Chart::JoinYears => 8,
            Chart::Growth => 10,
        }
    }
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
}

/// What the pane describes.
pub struct Source<'a> {
    pub corpus: &'a Corpus,
    pub stats: &'a CorpusStats,
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
}

#[derive(Debug, Default)]
pub struct StatsPane {
    pub rows: Vec<StatRow>,
    /// The selected city's figures: (article, figure index).
    pub figures: Vec<(usize, usize)>,
    figure_rows: Vec<Range<usize>>,
    pub selected: Option<usize>,
    pub scroll: usize,
    pub width: usize,
    pub height: usize,
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
        };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let new_city = self.key.as_ref().is_none_or(|k| k.city != key.city);
        self.key = Some(key);
        self.build(src);
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

    /// The figure to trace: the selected one, which is always on screen.
    pub fn selected_figure(&self) -> Option<(usize, usize)> {
        self.figures.get(self.selected?).copied()
    }

    fn on_screen(&self, i: usize) -> bool {
        let r = &self.figure_rows[i];
        let end = self.scroll + self.height;
        // A figure taller than the pane counts when its first line shows.
        r.start >= self.scroll && (r.end <= end || r.start == self.scroll)
    }

    fn keep_selection_visible(&mut self) {
        if let Some(i) = self.selected {
            let r = self.figure_rows[i].clone();
            if r.start < self.scroll {
                self.scroll = r.start;
            } else if r.end > self.scroll + self.height {
                self.scroll = r.start.min(r.end.saturating_sub(self.height));
            }
        }
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
    /// the pane a line (to the report's numbers and the charts below).
    pub fn step(&mut self, dir: isize) {
        let next = match (self.selected, dir > 0) {
            (Some(i), true) if i + 1 < self.figures.len() => Some(i + 1),
            (Some(i), false) if i > 0 => Some(i - 1),
            _ => None,
        };
        if let Some(i) = next.filter(|&i| {
            // Only to a figure that is near: on screen or right next to it.
            let r = &self.figure_rows[i];
            r.start <= self.scroll + self.height && r.end + 1 >= self.scroll
        }) {
            self.selected = Some(i);
            self.keep_selection_visible();
        } else {
            self.scroll_by(dir);
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

    pub fn bottom(&mut self) {
        self.scroll = self.max_scroll();
        self.follow_scroll(false);
    }

    fn build(&mut self, src: &Source) {
        let t = src.theme;
        let c = src.corpus;
        let width = self.width;
        let mut b = Builder {
            rows: Vec::new(),
            width,
        };
        self.figures.clear();
        self.figure_rows.clear();
        match src.city {
            None => b.text("No city selected", t.meta),
            Some(ci) => {
                let city = &c.cities[ci];
                b.text(&format!("{} · {}", city.name, city.country), t.title);
                let joined = city
                    .joined
                    .map_or("join year unknown".to_owned(), |y| format!("joined {y}"));
                let reports = c.articles_of(ci).len();
                b.text(
                    &format!(
                        "{joined} · {}",
                        number::with_unit(reports as u64, "report", "reports")
                    ),
                    Style::new(),
                );
                b.blank();
                self.figures = c
                    .articles_of(ci)
                    .iter()
                    .flat_map(|&a| (0..c.articles[a].figures.len()).map(move |f| (a, f)))
                    .collect();
                if reports == 0 {
                    b.wrapped("No report about this city yet, so no figures.", t.meta, 0);
                } else if self.figures.is_empty() {
                    b.wrapped("Its reports state no figures.", t.meta, 0);
                } else {
                    b.text("Figures · Enter shows the source", t.label);
                    for (n, &(a, f)) in self.figures.iter().enumerate() {
                        let fig = &c.articles[a].figures[f];
                        let start = b.rows.len();
                        let amount =
                            figure_amount(fig.value, fig.qualifier.as_deref(), fig.unit.as_deref());
                        b.figure(n, &amount, t.key, 0);
                        b.figure(n, &fig.label, Style::new(), 2);
                        self.figure_rows.push(start..b.rows.len());
                    }
                }
            }
        }

        if let Some(s) = src.report {
            b.blank();
            b.text("This report", t.label);
            b.wrapped(
                &format!(
                    "{} · about {} to read",
                    number::with_unit(s.words as u64, "word", "words"),
                    number::with_unit(s.reading_minutes as u64, "min", "min")
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
                b.wrapped(&format!("Frequent: {}", words.join(", ")), Style::new(), 0);
            }
        }

        let s = src.stats;
        b.blank();
        b.wrapped(
            &format!(
                "Corpus: {}, {} with reports; {}, {}",
                number::with_unit(s.cities as u64, "city", "cities"),
                number::count(s.cities_with_reports as u64),
                number::with_unit(s.articles as u64, "report", "reports"),
                number::with_unit(s.figures as u64, "figure", "figures")
            ),
            t.meta,
            0,
        );
        if !s.join_years.is_empty() || s.joined_unknown > 0 {
            b.blank();
            b.chart(Chart::JoinYears);
        }
        let dated = c
            .network
            .timeline
            .iter()
            .filter(|e| e.cities.is_some())
            .count();
        if dated >= 2 {
            b.blank();
            b.chart(Chart::Growth);
        }
        self.rows = b.rows;
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

    fn chart(&mut self, chart: Chart) {
        for row in 0..chart.height() {
            self.rows.push(StatRow::Chart { chart, row });
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
        let mut p = StatsPane::default();
        p.set_size(width, height);
        let theme = Theme::mono();
        let city = c.city_index(city);
        p.refresh(&Source {
            corpus: &c,
            stats: &stats,
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

    #[test]
    fn the_selected_figure_is_always_on_screen_at_every_height() {
        for height in 1..=30 {
            for width in [20, 38] {
                let (_, mut p) = pane("ankara", width, height);
                let n = p.figures.len();
                assert_eq!(n, 6);
                for moves in [vec![1; 10], vec![-1; 12], vec![1, 1, 1, -1]] {
                    for m in moves {
                        p.step(m);
                        if let Some(i) = p.selected {
                            assert!(
                                visible_figures(&p).contains(&i),
                                "figure {i} hidden at {width}x{height}, scroll {}",
                                p.scroll
                            );
                        }
                    }
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
        assert!(p.rows[p.scroll..].iter().any(|r| matches!(
            r,
            StatRow::Chart {
                chart: Chart::Growth,
                ..
            }
        )));
        assert_eq!(p.selected, None, "no figure on screen, none selected");
        p.top();
        assert_eq!((p.scroll, p.selected), (0, Some(0)));
    }

    #[test]
    fn a_city_without_reports_says_why_it_has_no_figures() {
        let (_, p) = pane("konya", 40, 20);
        let text: Vec<String> = p
            .rows
            .iter()
            .filter_map(|r| match r {
                StatRow::Text(l) => Some(l.to_string()),
                _ => None,
            })
            .collect();
        assert!(
            text.iter()
                .any(|l| l.contains("No report about this city yet")),
            "{text:?}"
        );
        assert!(!text.iter().any(|l| l.contains("No figures in its reports")));
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
        assert!(lines.contains(&"36 756 women".to_owned()), "{lines:?}");
    }
}
