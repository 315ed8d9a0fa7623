//! `learncity stats`: the corpus in numbers, with every figure and the
//! sentence that states it.

use super::out::{pad, Out};
use super::{print_json, Failure};
use crate::corpus::Corpus;
use crate::stats::{corpus_stats, stated_amount, CorpusStats};
use crate::t;
use crate::text::collate;
use crate::text::number::{self, Unit};
use crate::text::wrap::{str_width, wrap};

/// `index`, when the cache gave one, has every report's word count: the
/// texts need not be read.
pub fn run(
    corpus: &Corpus,
    index: Option<&crate::search::SearchIndex>,
    json: bool,
    out: &Out,
) -> Result<(), Failure> {
    let stats = match index {
        Some(index) => {
            let words: Vec<usize> = index.article_words().iter().map(|&w| w as usize).collect();
            crate::stats::corpus_stats_counted(corpus, &words)
        }
        None => corpus_stats(corpus),
    };
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

fn n(k: usize, unit: Unit) -> String {
    number::with_unit(k as u64, unit)
}

/// Labelled bars, one a line: "  Africa      ████ 36".
fn bars(rows: &[(String, usize)], out: &Out) -> String {
    let b = crate::text::bars::Bars::new(rows, out.width, 4);
    let label_w = b.label_w;
    let bar_room = out
        .width
        .saturating_sub(2 + label_w + 1 + 1 + b.count_w)
        .clamp(1, 40);
    let mut o = String::new();
    for (label, cities) in rows {
        let bar = "█".repeat(b.len(*cities, bar_room));
        // A label wider than its column goes on under it, wrapped.
        let lines = wrap(label, label_w);
        o.push_str(&format!(
            "  {} {bar} {}\n",
            pad(&label[lines[0].clone()], label_w),
            number::count(*cities as u64)
        ));
        for l in &lines[1..] {
            o.push_str(&format!("  {}\n", &label[l.clone()]));
        }
    }
    o
}

/// A heading, wrapped, in bold.
fn bold_wrapped(title: &str, out: &Out) -> String {
    out.wrapped(title, 0)
        .lines()
        .map(|l| format!("{}\n", out.bold(l)))
        .collect()
}

/// Countries listed in the text output: the rest are counted.
const TOP_COUNTRIES: usize = 10;

pub fn render(corpus: &Corpus, s: &CorpusStats, out: &Out) -> String {
    let set = &s.set;
    let mut o = String::new();
    if let Some(title) = &corpus.title {
        for line in out.wrapped(title, 0).lines() {
            o.push_str(&out.bold(line));
            o.push('\n');
        }
    }
    o.push_str(&out.wrapped(
        &t!(
            "stats-summary",
            cities = n(set.cities, Unit::City),
            countries = n(set.countries, Unit::Country),
            reports = n(s.articles, Unit::Report),
            with_report = n(set.cities_with_reports, Unit::City),
            words = n(s.words, Unit::Word),
            figures = n(s.figures, Unit::Figure),
        ),
        0,
    ));
    if let Some(c) = &s.coverage {
        o.push_str(&out.wrapped(&coverage_sentence(c), 0));
    }

    let section = |o: &mut String, title: &str, rows: Vec<(String, usize)>| {
        if rows.is_empty() {
            return;
        }
        o.push('\n');
        o.push_str(&bold_wrapped(title, out));
        o.push_str(&bars(&rows, out));
    };
    let unknown = |n: usize, what: String| (n > 0).then_some((what, n));
    section(
        &mut o,
        &t!("stats-by-region"),
        set.regions
            .iter()
            .map(|r| (r.name.clone(), r.cities))
            .chain(unknown(set.region_unknown, t!("stats-region-unknown")))
            .collect(),
    );
    let more = set.countries_by_cities.len().saturating_sub(TOP_COUNTRIES);
    section(
        &mut o,
        &if more > 0 {
            t!(
                "stats-top-countries",
                top = TOP_COUNTRIES,
                all = set.countries
            )
        } else {
            t!("stats-by-country")
        },
        set.countries_by_cities
            .iter()
            .take(TOP_COUNTRIES)
            .map(|r| (r.name.clone(), r.cities))
            .collect(),
    );
    section(
        &mut o,
        &t!("stats-by-year"),
        set.join_years
            .iter()
            .map(|y| (y.year.to_string(), y.cities))
            .chain(unknown(set.joined_unknown, t!("stats-year-unknown")))
            .collect(),
    );
    if set.statuses.iter().any(|st| st.cities > 0) {
        section(
            &mut o,
            &t!("stats-by-status"),
            set.statuses
                .iter()
                .map(|st| (st.status.in_words().to_owned(), st.cities))
                .chain(unknown(set.status_unknown, t!("stats-status-unknown")))
                .collect(),
        );
    }
    if !s.rounds.is_empty() {
        o.push('\n');
        o.push_str(&bold_wrapped(&t!("stats-rounds"), out));
        o.push_str(&rounds_table(&s.rounds, out));
    }

    if !corpus.network.timeline.is_empty() {
        o.push('\n');
        o.push_str(&bold_wrapped(
            &corpus
                .network
                .name
                .clone()
                .unwrap_or_else(|| t!("stats-network")),
            out,
        ));
        // Date and size columns, then the event, wrapped under its column;
        // on a narrow screen the event goes under the date instead.
        let sizes: Vec<String> = corpus
            .network
            .timeline
            .iter()
            .map(|e| match (e.cities, e.countries) {
                (Some(c), Some(k)) => format!(
                    "{}, {}",
                    n(c as usize, Unit::City),
                    n(k as usize, Unit::Country)
                ),
                (Some(c), None) => n(c as usize, Unit::City),
                (None, Some(k)) => n(k as usize, Unit::Country),
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
    o.push_str(&out.bold(&t!("stats-with-reports")));
    o.push('\n');
    // In the reader's order: Turkish alphabetical. The others have nothing
    // but their directory entry, which `list` and `show` print.
    let mut cities: Vec<_> = s.per_city.iter().filter(|c| c.articles > 0).collect();
    cities.sort_by(|a, b| collate::compare(&a.name, &b.name).then_with(|| a.id.cmp(&b.id)));
    for c in cities {
        let joined = c.joined.map_or_else(
            || t!("joined-unknown"),
            |y| t!("joined-year", year = y.to_string()),
        );
        // Only cities with reports are listed here.
        let reports = format!(
            "{}, {}",
            n(c.articles, Unit::Report),
            n(c.words, Unit::Word)
        );
        o.push_str(&out.hanging(
            &format!(
                "{} ({}), {joined}: {reports}",
                c.name,
                c.country.as_deref().unwrap_or("—")
            ),
            2,
            4,
        ));
        for f in &c.figures {
            let amount = stated_amount(
                f.value,
                &f.written,
                f.qualifier.as_deref(),
                f.unit.as_deref(),
            );
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

/// "The directory lists 320 of the network's 425 member cities (2025-12-04),
/// in 73 of its 91 countries."
pub fn coverage_sentence(c: &crate::stats::network::Coverage) -> String {
    let date = c
        .as_of
        .as_deref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    match c.countries_total {
        Some(total) => t!(
            "stats-coverage-countries",
            listed = c.listed,
            total = c.total,
            date = date,
            countries_listed = c.countries_listed,
            countries_total = n(total as usize, Unit::Country)
        ),
        None => t!(
            "stats-coverage",
            listed = c.listed,
            total = c.total,
            date = date
        ),
    }
}

/// Each round: its date, the cities announced, how many this corpus lists,
/// and the network's size after it; notes below.
fn rounds_table(rounds: &[crate::stats::network::RoundStats], out: &Out) -> String {
    use super::table::{self, Column};
    let dash = |v: Option<u64>| v.map_or("—".to_owned(), number::count);
    let columns = [
        Column::whole(t!("stats-col-year")),
        Column::whole(t!("stats-col-date")),
        Column::whole(t!("stats-col-new")).right(),
        Column::whole(t!("stats-col-listed")).right(),
        Column::whole(t!("stats-col-network")).right(),
    ];
    let cells: Vec<Vec<String>> = rounds
        .iter()
        .map(|r| {
            vec![
                r.round.year.to_string(),
                r.round.date.clone().unwrap_or_else(|| "—".into()),
                dash(r.round.announced_new),
                number::count(r.listed as u64),
                dash(r.round.network_total),
            ]
        })
        .collect();
    let mut o = String::new();
    let table = table::render(&columns, &cells, out);
    if table.lines().all(|l| str_width(l) + 2 <= out.width) {
        for line in table.lines() {
            o.push_str(&format!("  {line}\n"));
        }
    } else {
        // Too narrow for the columns: a sentence a round.
        for r in rounds {
            let date = r
                .round
                .date
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            o.push_str(&out.hanging(
                &t!(
                    "stats-round-line",
                    year = r.round.year.to_string(),
                    date = date,
                    new = dash(r.round.announced_new),
                    listed = r.listed,
                    network = dash(r.round.network_total)
                ),
                2,
                4,
            ));
        }
    }
    for r in rounds {
        if let Some(note) = &r.round.note {
            o.push_str(&out.hanging(&format!("{}: {note}", r.round.year), 2, 4));
        }
    }
    o
}
