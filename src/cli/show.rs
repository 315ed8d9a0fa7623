//! `learncity show ID`: a city with its reports, or a report as readable text.

use serde::Serialize;

use super::out::{write_stdout, Out};
use super::{print_json, Failure};
use crate::corpus::{Article, BlockKind, City, Corpus, Entry};
use crate::stats::{article_stats, format_value};
use crate::text::distance::closest;

#[derive(Serialize)]
struct CityJson<'a> {
    kind: &'static str,
    #[serde(flatten)]
    city: &'a City,
    articles: Vec<&'a str>,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    kind: &'static str,
    #[serde(flatten)]
    article: &'a Article,
}

pub fn run(corpus: &Corpus, id: &str, json: bool, out: &Out) -> Result<(), Failure> {
    let entry = corpus.lookup(id).ok_or_else(|| unknown_id(corpus, id))?;
    match (entry, json) {
        (Entry::City(i), true) => print_json(&CityJson {
            kind: "city",
            city: &corpus.cities[i],
            articles: corpus
                .articles_of(i)
                .iter()
                .map(|&a| corpus.articles[a].id.as_str())
                .collect(),
        }),
        (Entry::Article(i), true) => print_json(&ArticleJson {
            kind: "article",
            article: &corpus.articles[i],
        }),
        (Entry::City(i), false) => write_stdout(&render_city(corpus, i, out)),
        (Entry::Article(i), false) => write_stdout(&render_article(corpus, i, out)),
    }
}

fn unknown_id(corpus: &Corpus, id: &str) -> Failure {
    let near = closest(id, corpus.ids(), 3);
    let mut msg = format!("no city or report with id {id:?}");
    if near.is_empty() {
        msg.push_str("; `learncity list` shows the city ids and `learncity search` finds reports");
    } else {
        let list: Vec<String> = near.iter().map(|s| format!("{s:?}")).collect();
        msg.push_str(&format!("; did you mean {}?", list.join(" or ")));
    }
    Failure::Usage(msg)
}

fn or_unknown(v: Option<&str>) -> &str {
    v.unwrap_or("unknown")
}

pub fn render_city(corpus: &Corpus, i: usize, out: &Out) -> String {
    let c = &corpus.cities[i];
    let mut s = format!("{}\n", out.bold(&format!("{} — {}", c.name, c.country)));
    if let Some(region) = &c.region {
        s.push_str(&format!("Region: {region}\n"));
    }
    let joined = c.joined.map_or("unknown".to_owned(), |y| y.to_string());
    s.push_str(&format!(
        "Joined the UNESCO Global Network of Learning Cities: {joined}\n"
    ));
    if let Some(notes) = &c.notes {
        s.push('\n');
        s.push_str(&out.wrapped(notes, 0));
    }
    let arts = corpus.articles_of(i);
    s.push('\n');
    if arts.is_empty() {
        s.push_str("No report about this city in the corpus yet.\n");
    } else {
        s.push_str(&out.bold(&format!("Reports ({})", arts.len())));
        s.push('\n');
        for &a in arts {
            let a = &corpus.articles[a];
            s.push_str(&format!("  {}  {}\n", a.id, a.title));
        }
    }
    if !c.sources.is_empty() {
        s.push('\n');
        s.push_str(&out.bold("Sources"));
        s.push('\n');
        for src in &c.sources {
            s.push_str(&out.wrapped(&format!("- {}", src.text()), 2));
        }
    }
    s
}

pub fn render_article(corpus: &Corpus, i: usize, out: &Out) -> String {
    let a = &corpus.articles[i];
    let city = corpus
        .city_of(i)
        .map_or(a.city.as_str(), |c| corpus.cities[c].name.as_str());
    let source = a.source.as_ref();
    let stats = article_stats(a, 0);
    // Wrapped first, then styled: escape codes have no width.
    let mut s: String = out
        .wrapped(&a.title, 0)
        .lines()
        .map(|l| format!("{}\n", out.bold(l)))
        .collect();
    let meta = format!(
        "City: {city} · Source: {} · Published: {} · Language: {} · {} words, about {} min",
        or_unknown(source.and_then(|p| p.name.as_deref())),
        or_unknown(a.published.as_deref()),
        or_unknown(a.lang.as_deref()),
        stats.words,
        stats.reading_minutes
    );
    s.push_str(
        &out.wrapped(&meta, 0)
            .lines()
            .map(|l| format!("{}\n", out.dim(l)))
            .collect::<String>(),
    );
    if let Some(url) = source.and_then(|p| p.url.as_deref()) {
        s.push_str(&out.dim(&format!("{url}\n")));
    }
    if let Some(summary) = &a.summary {
        s.push('\n');
        s.push_str(&out.bold("Summary"));
        s.push('\n');
        s.push_str(&out.wrapped(summary, 0));
    }
    for block in &a.body {
        s.push('\n');
        match block.kind {
            BlockKind::Heading => {
                for line in out.wrapped(&block.text, 0).lines() {
                    s.push_str(&out.bold(line));
                    s.push('\n');
                }
            }
            BlockKind::Paragraph => s.push_str(&out.wrapped(&block.text, 0)),
            BlockKind::Quote => s.push_str(&out.wrapped(&block.text, 4)),
        }
    }
    if !a.figures.is_empty() {
        s.push('\n');
        s.push_str(&out.bold("Figures"));
        s.push('\n');
        for f in &a.figures {
            let value = format_value(f.value, f.unit.as_deref());
            let unit = f
                .unit
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            s.push_str(&out.wrapped(&format!("{value}{unit} — {}", f.label), 2));
            s.push_str(&out.dim(&out.wrapped(&format!("“{}”", f.quote), 4)));
        }
    }
    s
}
