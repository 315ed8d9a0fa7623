//! `learncity list`: the cities, in Turkish alphabetical order.

use serde::Serialize;

use super::out::{pad, truncate, write_stdout, Out};
use super::{print_json, Failure};
use crate::corpus::Corpus;
use crate::text::collate;
use crate::text::wrap::str_width;

#[derive(Debug, Serialize)]
pub struct ListRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub country: &'a str,
    pub joined: Option<i64>,
    pub articles: usize,
}

pub fn rows(corpus: &Corpus) -> Vec<ListRow<'_>> {
    let mut rows: Vec<ListRow> = corpus
        .cities
        .iter()
        .enumerate()
        .map(|(i, c)| ListRow {
            id: &c.id,
            name: &c.name,
            country: &c.country,
            joined: c.joined,
            articles: corpus.articles_of(i).len(),
        })
        .collect();
    rows.sort_by(|a, b| collate::compare(a.name, b.name).then_with(|| a.id.cmp(b.id)));
    rows
}

pub fn run(corpus: &Corpus, json: bool, out: &Out) -> Result<(), Failure> {
    let rows = rows(corpus);
    if json {
        return print_json(&rows);
    }
    write_stdout(&render(&rows, out))
}

pub fn render(rows: &[ListRow], out: &Out) -> String {
    let col = |header: &str, f: &dyn Fn(&ListRow) -> usize, max: usize| {
        rows.iter()
            .map(f)
            .max()
            .unwrap_or(0)
            .max(str_width(header))
            .min(max)
    };
    // Ids are what `show` takes: never cut.
    let id_w = col("ID", &|r| str_width(r.id), usize::MAX);
    let name_w = col("CITY", &|r| str_width(r.name), 24);
    let country_w = col("COUNTRY", &|r| str_width(r.country), 16);
    let mut s = out.bold(&format!(
        "{} {} {} JOINED  REPORTS",
        pad("ID", id_w),
        pad("CITY", name_w),
        pad("COUNTRY", country_w)
    ));
    s.push('\n');
    for r in rows {
        let joined = r.joined.map_or("—".to_owned(), |y| y.to_string());
        let reports = if r.articles == 0 {
            out.dim("none")
        } else {
            r.articles.to_string()
        };
        s.push_str(&format!(
            "{} {} {} {}  {}\n",
            pad(r.id, id_w),
            pad(&truncate(r.name, name_w), name_w),
            pad(&truncate(r.country, country_w), country_w),
            pad(&joined, 6),
            reports
        ));
    }
    let n = rows.len();
    s.push_str(&out.dim(&format!("{n} cit{}\n", if n == 1 { "y" } else { "ies" })));
    s
}
