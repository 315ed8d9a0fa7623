//! `learncity stats`: the corpus in numbers, with every figure and the
//! sentence that states it.

use super::out::{pad, truncate, Out};
use super::{print_json, Failure};
use crate::corpus::Corpus;
use crate::stats::{corpus_stats, figure_amount, CorpusStats};
use crate::text::collate;
use crate::text::number;
use crate::text::wrap::str_width;

pub fn run(corpus: &Corpus, json: bool, out: &Out) -> Result<(), Failure> {
    let stats = corpus_stats(corpus);
    if json {
        return print_json(&StatsJson {
            title: corpus.title.as_deref(),
            network: corpus.network.name.as_deref(),
            stats: &stats,
            timeline: &corpus.network.timeline,
        });
    }
    super::pager::emit(&render(corpus, &stats, out), out)
}

#[derive(serde::Serialize)]
struct StatsJson<'a> {
    title: Option<&'a str>,
    network: Option<&'a str>,
    #[serde(flatten)]
    stats: &'a CorpusStats,
    timeline: &'a [crate::corpus::TimelineEvent],
}

fn n(k: usize, one: &str, many: &str) -> String {
    number::with_unit(k as u64, one, many)
}

pub fn render(corpus: &Corpus, s: &CorpusStats, out: &Out) -> String {
    let mut o = String::new();
    if let Some(title) = &corpus.title {
        for line in out.wrapped(title, 0).lines() {
            o.push_str(&out.bold(line));
            o.push('\n');
        }
    }
    o.push_str(&out.wrapped(
        &format!(
            "{} in {}, {} ({} with a report), {}, {}.",
            n(s.cities, "city", "cities"),
            n(s.countries, "country", "countries"),
            n(s.articles, "report", "reports"),
            n(s.cities_with_reports, "city", "cities"),
            n(s.words, "word", "words"),
            n(s.figures, "figure", "figures"),
        ),
        0,
    ));

    if !s.join_years.is_empty() || s.joined_unknown > 0 {
        o.push('\n');
        o.push_str(&out.bold("Cities by join year"));
        o.push('\n');
        let max = s
            .join_years
            .iter()
            .map(|y| y.cities)
            .max()
            .unwrap_or(1)
            .max(s.joined_unknown);
        let rows: Vec<(String, usize)> = s
            .join_years
            .iter()
            .map(|y| (y.year.to_string(), y.cities))
            .chain((s.joined_unknown > 0).then(|| ("unknown".to_owned(), s.joined_unknown)))
            .collect();
        let count_w = rows
            .iter()
            .map(|(_, c)| number::count(*c as u64).len())
            .max()
            .unwrap_or(1);
        // "  2020     ███ 3": the label column, a bar, the count.
        let bar_room = out
            .width
            .saturating_sub(2 + 8 + 1 + 1 + count_w)
            .clamp(1, 40);
        for (label, cities) in rows {
            let bar = "█".repeat((cities * bar_room).div_ceil(max.max(1)));
            o.push_str(&format!(
                "  {label:<8} {bar} {}\n",
                number::count(cities as u64)
            ));
        }
    }

    if !corpus.network.timeline.is_empty() {
        o.push('\n');
        o.push_str(&out.bold(&truncate(
            corpus.network.name.as_deref().unwrap_or("Network growth"),
            out.width,
        )));
        o.push('\n');
        // Date and size columns, then the event, wrapped under its column;
        // on a narrow screen the event goes under the date instead.
        let sizes: Vec<String> = corpus
            .network
            .timeline
            .iter()
            .map(|e| match (e.cities, e.countries) {
                (Some(c), Some(k)) => format!(
                    "{}, {}",
                    n(c as usize, "city", "cities"),
                    n(k as usize, "country", "countries")
                ),
                (Some(c), None) => n(c as usize, "city", "cities"),
                (None, Some(k)) => n(k as usize, "country", "countries"),
                (None, None) => "—".to_owned(),
            })
            .collect();
        let date_w = corpus
            .network
            .timeline
            .iter()
            .map(|e| str_width(&e.date))
            .max()
            .unwrap_or(4);
        let size_w = sizes.iter().map(|s| str_width(s)).max().unwrap_or(1);
        let event_at = 2 + date_w + 2 + size_w + 2;
        let side_by_side = out.width >= event_at + 20;
        for (e, size) in corpus.network.timeline.iter().zip(&sizes) {
            let event = e.event.as_deref().unwrap_or("");
            if side_by_side {
                let lines = out.lines(event, event_at, event_at);
                let head = format!("  {}  {}", pad(&e.date, date_w), pad(size, size_w));
                let mut lines = lines.into_iter();
                o.push_str(format!("{head}  {}", lines.next().unwrap_or_default()).trim_end());
                o.push('\n');
                for l in lines {
                    o.push_str(&format!("{}{l}\n", " ".repeat(event_at)));
                }
            } else {
                o.push_str(&out.hanging(&format!("{} · {size}", e.date), 2, 4));
                if !event.is_empty() {
                    o.push_str(&out.wrapped(event, 4));
                }
            }
        }
    }

    o.push('\n');
    o.push_str(&out.bold("Cities"));
    o.push('\n');
    // In the reader's order: Turkish alphabetical.
    let mut cities: Vec<_> = s.per_city.iter().collect();
    cities.sort_by(|a, b| collate::compare(&a.name, &b.name).then_with(|| a.id.cmp(&b.id)));
    for c in cities {
        let joined = c
            .joined
            .map_or("join year unknown".to_owned(), |y| format!("joined {y}"));
        let reports = if c.articles == 0 {
            "no report yet".to_owned()
        } else {
            format!(
                "{}, {}",
                n(c.articles, "report", "reports"),
                n(c.words, "word", "words")
            )
        };
        o.push_str(&out.hanging(
            &format!("{} ({}), {joined}: {reports}", c.name, c.country),
            2,
            4,
        ));
        for f in &c.figures {
            let amount = figure_amount(f.value, f.qualifier.as_deref(), f.unit.as_deref());
            o.push_str(&out.hanging(&format!("{amount} — {}", f.label), 4, 6));
            for line in out
                .wrapped(&format!("“{}” ({})", f.quote, f.article), 6)
                .lines()
            {
                o.push_str(&out.dim(line));
                o.push('\n');
            }
        }
    }
    o
}
