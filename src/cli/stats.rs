//! `learncity stats`: the corpus in numbers, with every figure and the
//! sentence that states it.

use super::out::{write_stdout, Out};
use super::{print_json, Failure};
use crate::corpus::Corpus;
use crate::stats::{corpus_stats, format_value, CorpusStats};

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
    write_stdout(&render(corpus, &stats, out))
}

#[derive(serde::Serialize)]
struct StatsJson<'a> {
    title: Option<&'a str>,
    network: Option<&'a str>,
    #[serde(flatten)]
    stats: &'a CorpusStats,
    timeline: &'a [crate::corpus::TimelineEvent],
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn render(corpus: &Corpus, s: &CorpusStats, out: &Out) -> String {
    let mut o = String::new();
    if let Some(title) = &corpus.title {
        o.push_str(&out.bold(title));
        o.push('\n');
    }
    o.push_str(&out.wrapped(
        &format!(
            "{} in {}, {} ({} with a report), {}, {}.",
            plural(s.cities, "city", "cities"),
            plural(s.countries, "country", "countries"),
            plural(s.articles, "report", "reports"),
            plural(s.cities_with_reports, "city", "cities"),
            plural(s.words, "word", "words"),
            plural(s.figures, "figure", "figures"),
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
        let bar_room = out.width.saturating_sub(16).clamp(1, 40);
        let bar = |n: usize| "█".repeat((n * bar_room).div_ceil(max.max(1)));
        for y in &s.join_years {
            o.push_str(&format!("  {:<8} {} {}\n", y.year, bar(y.cities), y.cities));
        }
        if s.joined_unknown > 0 {
            o.push_str(&format!(
                "  {:<8} {} {}\n",
                "unknown",
                bar(s.joined_unknown),
                s.joined_unknown
            ));
        }
    }

    if !corpus.network.timeline.is_empty() {
        o.push('\n');
        o.push_str(&out.bold(corpus.network.name.as_deref().unwrap_or("Network growth")));
        o.push('\n');
        for e in &corpus.network.timeline {
            let size = match (e.cities, e.countries) {
                (Some(c), Some(k)) => format!("{c} cities, {k} countries"),
                (Some(c), None) => format!("{c} cities"),
                (None, Some(k)) => format!("{k} countries"),
                (None, None) => "—".to_owned(),
            };
            let line = format!(
                "{:<10}  {:<24}  {}",
                e.date,
                size,
                e.event.as_deref().unwrap_or("")
            );
            o.push_str(&out.wrapped(&line, 2));
        }
    }

    o.push('\n');
    o.push_str(&out.bold("Cities"));
    o.push('\n');
    for c in &s.per_city {
        let joined = c
            .joined
            .map_or("join year unknown".to_owned(), |y| format!("joined {y}"));
        let reports = if c.articles == 0 {
            "no report yet".to_owned()
        } else {
            format!(
                "{}, {}",
                plural(c.articles, "report", "reports"),
                plural(c.words, "word", "words")
            )
        };
        o.push_str(&format!(
            "  {} ({}), {joined}: {reports}\n",
            c.name, c.country
        ));
        for f in &c.figures {
            let unit = f
                .unit
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            let value = format_value(f.value, f.unit.as_deref());
            o.push_str(&out.wrapped(&format!("{value}{unit} — {}", f.label), 4));
            o.push_str(&out.dim(&out.wrapped(&format!("“{}” ({})", f.quote, f.article), 6)));
        }
    }
    o
}
