//! `learncity show ID`: a city with its reports, or a report as readable text.

use serde::Serialize;

use super::out::{pad, Out};
use super::{print_json, Failure};
use crate::corpus::{Article, BlockKind, City, Corpus, Entry};
use crate::stats::{article_stats, figure_amount};
use crate::t;
use crate::text::distance::closest;
use crate::text::number::{self, Unit};
use crate::text::wrap::str_width;

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
        (Entry::City(i), false) => super::pager::emit(&render_city(corpus, i, out), out),
        (Entry::Article(i), false) => super::pager::emit(&render_article(corpus, i, out), out),
    }
}

fn unknown_id(corpus: &Corpus, id: &str) -> Failure {
    let near = closest(id, corpus.ids(), 3);
    let id = format!("{id:?}");
    let msg = if near.is_empty() {
        t!("show-no-id", id = id)
    } else {
        let list: Vec<String> = near.iter().map(|s| format!("{s:?}")).collect();
        t!("show-no-id-near", id = id, near = list.join(&t!("or")))
    };
    Failure::Usage(msg)
}

fn or_unknown(v: Option<&str>) -> String {
    v.map_or_else(|| t!("unknown"), str::to_owned)
}

pub fn render_city(corpus: &Corpus, i: usize, out: &Out) -> String {
    let c = &corpus.cities[i];
    let mut s = bold_lines(out, &format!("{} — {}", c.name, c.country_or_dash()));
    if let Some(local) = &c.name_local {
        s.push_str(&out.hanging(&t!("show-local-name", name = local.as_str()), 0, 2));
    }
    if let Some(region) = &c.region {
        s.push_str(&out.hanging(&t!("show-region", region = region.as_str()), 0, 2));
    }
    let joined = c.joined.map_or_else(|| t!("unknown"), |y| y.to_string());
    s.push_str(&out.hanging(&t!("show-joined", year = joined), 0, 2));
    if let Some(status) = c.status_line() {
        s.push_str(&out.hanging(&t!("show-status", status = status), 0, 2));
    }
    if let Some(coords) = &c.coords {
        s.push_str(&out.hanging(&t!("show-coordinates", coords = coords.describe()), 0, 2));
    }
    if let Some(notes) = c.notes_apart() {
        s.push('\n');
        s.push_str(&out.wrapped(notes, 0));
    }
    let arts = corpus.articles_of(i);
    s.push('\n');
    if arts.is_empty() {
        s.push_str(&out.wrapped(&t!("show-no-report"), 0));
    } else {
        s.push_str(&out.bold(&t!("show-reports", n = arts.len())));
        s.push('\n');
        // Ids padded to one column (they are what `show` takes, never cut);
        // titles wrapped under their own column, or under the id when the
        // column would be too narrow to read.
        let id_w = arts
            .iter()
            .map(|&a| str_width(&corpus.articles[a].id))
            .max()
            .unwrap_or(0);
        let title_at = 2 + id_w + 2;
        for &a in arts {
            let a = &corpus.articles[a];
            if out.width >= title_at + 20 {
                let lines = out.lines(&a.title, title_at, title_at);
                for (n, line) in lines.iter().enumerate() {
                    let id = if n == 0 {
                        pad(&a.id, id_w)
                    } else {
                        " ".repeat(id_w)
                    };
                    s.push_str(&format!("  {id}  {line}\n"));
                }
            } else {
                s.push_str(&format!("  {}\n", a.id));
                s.push_str(&out.wrapped(&a.title, 4));
            }
        }
    }
    if !c.sources.is_empty() {
        s.push('\n');
        s.push_str(&out.bold(&t!("show-sources")));
        s.push('\n');
        for src in &c.sources {
            if let Some(title) = &src.title {
                s.push_str(&out.hanging(&format!("- {title}"), 0, 2));
            }
            if let Some(url) = &src.url {
                s.push_str(&out.url_line(url, 2));
            }
        }
    }
    s
}

/// `text` wrapped, each line in bold (wrapped first: escape codes have no
/// width).
fn bold_lines(out: &Out, text: &str) -> String {
    out.wrapped(text, 0)
        .lines()
        .map(|l| format!("{}\n", out.bold(l)))
        .collect()
}

fn push_summary(s: &mut String, a: &crate::corpus::Article, out: &Out) {
    if let Some(summary) = &a.summary {
        s.push('\n');
        s.push_str(&out.bold(&t!("show-summary")));
        s.push('\n');
        s.push_str(&out.wrapped(summary, 0));
    }
}

pub fn render_article(corpus: &Corpus, i: usize, out: &Out) -> String {
    let a = &corpus.articles[i];
    let city = corpus
        .city_of(i)
        .map_or(a.city.as_str(), |c| corpus.cities[c].name.as_str());
    let source = a.source.as_ref();
    let stats = article_stats(a, 0);
    let mut s = bold_lines(out, &a.title);
    let meta = t!(
        "show-meta",
        city = city,
        source = or_unknown(source.and_then(|p| p.name.as_deref())),
        published = or_unknown(a.published.as_deref()),
        lang = or_unknown(a.lang.as_deref()),
        words = number::with_unit(stats.words as u64, Unit::Word),
        minutes = number::with_unit(stats.reading_minutes as u64, Unit::Minute),
    );
    for line in out.wrapped(&meta, 0).lines() {
        s.push_str(&out.dim(line));
        s.push('\n');
    }
    if let Some(url) = source.and_then(|p| p.url.as_deref()) {
        s.push_str(&out.url_line(url, 0));
    }
    // The English summary first in English, the (Turkish) text first in
    // Turkish, as the reader shows them.
    let summary_first = crate::i18n::current() == crate::i18n::Lang::En;
    if summary_first {
        push_summary(&mut s, a, out);
    }
    for block in &a.body {
        s.push('\n');
        match block.kind {
            BlockKind::Heading => s.push_str(&bold_lines(out, &block.text)),
            BlockKind::Paragraph => s.push_str(&out.wrapped(&block.text, 0)),
            BlockKind::Quote => s.push_str(&out.wrapped(&block.text, 4)),
        }
    }
    if !summary_first {
        push_summary(&mut s, a, out);
    }
    if !a.figures.is_empty() {
        s.push('\n');
        s.push_str(&out.bold(&t!("show-figures")));
        s.push('\n');
        for f in &a.figures {
            let amount = figure_amount(f);
            s.push_str(&out.hanging(&format!("{amount} — {}", f.label), 2, 4));
            for line in out.wrapped(&format!("“{}”", f.quote), 4).lines() {
                s.push_str(&out.dim(line));
                s.push('\n');
            }
        }
    }
    s
}
