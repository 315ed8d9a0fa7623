//! `learncity search QUERY...`: hits best first; exit 1 when none, like grep.

use serde::Serialize;

use super::out::{truncate, Out};
use super::{print_json, Failure};
use crate::corpus::Corpus;
use crate::search::{snippet, Doc, Hit, Keep, Results, SearchIndex};
use crate::t;
use crate::text::number::{self, Unit};
use crate::text::wrap::{str_width, wrap};

#[derive(Debug, Serialize)]
pub struct HitJson {
    pub kind: &'static str,
    pub id: String,
    /// The city's id (a city hit names itself).
    pub city: String,
    /// A city's name or a report's title.
    pub title: String,
    pub score: f64,
    /// One line around the first match in the text, if the text matched.
    pub snippet: Option<String>,
}

/// A query as messages quote it: escaped, and shortened past 60 columns
/// (a pasted megabyte is not echoed back).
fn quoted(query: &str) -> String {
    format!("{:?}", truncate(query, 60))
}

/// Width of snippets in JSON output.
const JSON_SNIPPET_WIDTH: usize = 100;

pub fn run(
    corpus: &Corpus,
    index: &SearchIndex,
    query: &str,
    json: bool,
    limit: usize,
    out: &Out,
) -> Result<(), Failure> {
    // Facet words (`region:africa`) narrow the hits as in the reader's
    // search line; the rest is searched.
    let values = crate::facets::Values::new(corpus);
    let parsed = crate::facets::parse_query(query, &values);
    if let Some(first) = parsed.errors.first() {
        return Err(Failure::Usage(first.clone()));
    }
    if parsed.filter.uses_marks() {
        return Err(Failure::Usage(t!("search-no-marks")));
    }
    // Only the hits shown are put in order.
    let members = (!parsed.filter.is_empty()).then(|| parsed.filter.cities(corpus, &values));
    let keep = Keep::cities(corpus, members.as_deref());
    let results = index.search_top(&parsed.text, keep, limit);
    if results.query.is_empty() {
        let query = quoted(query);
        return Err(Failure::Usage(if parsed.filter.is_empty() {
            t!("search-no-words", query = query)
        } else {
            t!("search-no-words-filter", query = query)
        }));
    }
    if results.is_empty() {
        if !json {
            crate::stderr::line(t!("search-no-match", query = quoted(query)));
        } else {
            print_json(&Vec::<HitJson>::new())?;
        }
        return Err(Failure::NoMatch);
    }
    let shown = results.ordered();
    if json {
        let hits: Vec<HitJson> = shown
            .iter()
            .map(|h| to_json(corpus, index, &results, h))
            .collect();
        return print_json(&hits);
    }
    let mut s = String::new();
    for (n, hit) in shown.iter().enumerate() {
        s.push_str(&render_hit(corpus, index, &results, hit, n + 1, out));
    }
    if results.len() > shown.len() {
        let more = t!(
            "search-more",
            shown = shown.len(),
            all = number::with_unit(results.len() as u64, Unit::Hit)
        );
        for line in out.wrapped(&more, 0).lines() {
            s.push_str(&out.dim(line));
            s.push('\n');
        }
    }
    super::pager::emit(&s, out)
}

/// The text a hit's snippet comes from, with the match ranges in it.
fn snippet_source<'a>(
    corpus: &'a Corpus,
    index: &SearchIndex,
    results: &Results,
    hit: &Hit,
) -> Option<(&'a str, Vec<std::ops::Range<usize>>)> {
    match hit.doc {
        Doc::City(i) => {
            let notes = corpus.cities[i].notes.as_deref()?;
            let ranges = index.match_ranges(&results.query, notes);
            (!ranges.is_empty()).then_some((notes, ranges))
        }
        Doc::Article(i) => {
            let a = &corpus.articles[i];
            match index.body_match(&results.query, a) {
                Some(m) => Some((a.body[m.block].text.as_str(), m.ranges)),
                None => {
                    let summary = a.summary.as_deref()?;
                    let ranges = index.match_ranges(&results.query, summary);
                    (!ranges.is_empty()).then_some((summary, ranges))
                }
            }
        }
    }
}

fn names(corpus: &Corpus, doc: Doc) -> (&'static str, &str, &str, &str) {
    match doc {
        Doc::City(i) => {
            let c = &corpus.cities[i];
            ("city", &c.id, &c.id, &c.name)
        }
        Doc::Article(i) => {
            let a = &corpus.articles[i];
            ("article", &a.id, &a.city, &a.title)
        }
    }
}

fn to_json(corpus: &Corpus, index: &SearchIndex, results: &Results, hit: &Hit) -> HitJson {
    let (kind, id, city, title) = names(corpus, hit.doc);
    HitJson {
        kind,
        id: id.to_owned(),
        city: city.to_owned(),
        title: title.to_owned(),
        score: (f64::from(hit.score) * 10.0).round() / 10.0,
        snippet: snippet_source(corpus, index, results, hit)
            .map(|(text, ranges)| snippet(text, &ranges, JSON_SNIPPET_WIDTH).text),
    }
}

fn render_hit(
    corpus: &Corpus,
    index: &SearchIndex,
    results: &Results,
    hit: &Hit,
    n: usize,
    out: &Out,
) -> String {
    let (_, id, _, title) = names(corpus, hit.doc);
    let kind = &match hit.doc {
        Doc::City(_) => t!("search-kind-city"),
        Doc::Article(_) => t!("search-kind-report"),
    };
    let detail = match hit.doc {
        Doc::City(i) => {
            let c = &corpus.cities[i];
            let reports = corpus.articles_of(i).len();
            let joined = c.joined.map_or_else(
                || t!("joined-unknown"),
                |y| t!("joined-year", year = y.to_string()),
            );
            format!(
                "{}, {joined}, {}",
                c.country_or_dash(),
                number::with_unit(reports as u64, Unit::Report)
            )
        }
        Doc::Article(i) => {
            let city = corpus
                .city_of(i)
                .map_or("", |c| corpus.cities[c].name.as_str());
            t!("search-report-about", city = city)
        }
    };
    // The title wraps under itself, after the hit's number.
    let prefix = format!("{n:>2}. ");
    let indent = str_width(&prefix);
    let ranges = index.match_ranges(&results.query, title);
    let mut s = String::new();
    for (k, line) in wrap(title, out.width.saturating_sub(indent).max(1))
        .into_iter()
        .enumerate()
    {
        let marks: Vec<_> = ranges
            .iter()
            .filter(|r| r.start >= line.start && r.end <= line.end)
            .map(|r| r.start - line.start..r.end - line.start)
            .collect();
        let lead = if k == 0 {
            prefix.clone()
        } else {
            " ".repeat(indent)
        };
        s.push_str(&format!(
            "{lead}{}\n",
            out.bold_marked(&title[line], &marks)
        ));
    }
    // The id is what `show` takes: it is never cut or broken; the detail
    // follows it, wrapped. Only the words around the id are faint: the id
    // stays in the terminal's own colour, readable on dark and light
    // themes alike.
    let rest = out.width.saturating_sub(4).max(1);
    let head = format!("{kind} {id}");
    if 4 + str_width(&head) <= out.width {
        let text = format!("{head} · {detail}");
        let id_at = kind.len() + 1..head.len();
        for line in wrap(&text, rest) {
            let part = |from: usize, to: usize| {
                &text[from.max(line.start)..to.min(line.end).max(from.max(line.start))]
            };
            s.push_str(&format!(
                "    {}{}{}\n",
                out.dim(part(line.start, id_at.start)),
                part(id_at.start, id_at.end),
                out.dim(part(id_at.end, line.end))
            ));
        }
    } else {
        // Too narrow for the kind beside the id: the id alone, whole.
        s.push_str(&format!("    {id}\n"));
        for line in out.lines(&format!("{kind} · {detail}"), 4, 4) {
            s.push_str(&format!("    {}\n", out.dim(&line)));
        }
    }
    if let Some((text, ranges)) = snippet_source(corpus, index, results, hit) {
        let sn = snippet(text, &ranges, out.width.saturating_sub(4));
        s.push_str(&format!("    {}\n", out.marked(&sn.text, &sn.ranges)));
    }
    s
}
