//! `learncity list`: the cities, in Turkish alphabetical order.

use serde::Serialize;

use super::out::Out;
use super::table::{self, Column};
use super::{print_json, Failure};
use crate::corpus::Corpus;
use crate::text::collate;
use crate::text::number;

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
    super::pager::emit(&render(&rows, out), out)
}

pub fn render(rows: &[ListRow], out: &Out) -> String {
    let columns = [
        Column::whole("ID"),
        Column::shrink("CITY", 8),
        Column::shrink("COUNTRY", 7),
        Column::whole("JOINED").right(),
        Column::whole("REPORTS").right(),
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.id.to_owned(),
                r.name.to_owned(),
                r.country.to_owned(),
                r.joined.map_or("—".to_owned(), |y| y.to_string()),
                if r.articles == 0 {
                    "none".to_owned()
                } else {
                    number::count(r.articles as u64)
                },
            ]
        })
        .collect();
    let mut s = table::render(&columns, &cells, out);
    s.push_str(&out.dim(&number::with_unit(rows.len() as u64, "city", "cities")));
    s.push('\n');
    s
}
