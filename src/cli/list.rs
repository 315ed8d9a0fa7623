//! `learncity list`: the cities, filtered by the same facets as the
//! reader's search line, in the order asked for.

use serde::Serialize;

use super::out::Out;
use super::table::{self, Column};
use super::{print_json, Failure};
use crate::corpus::order::{sorted, Sort};
use crate::corpus::{City, Coords, Corpus, Link, Status};
use crate::facets::{self, tokens, Clause, Facet, Filter, Values};
use crate::t;
use crate::text::number::{self, Unit};

/// A city as `list --json` prints it: every field of its entry, and its
/// number of reports.
#[derive(Debug, Serialize)]
pub struct ListRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub name_local: Option<&'a str>,
    pub country: Option<&'a str>,
    pub region: Option<&'a str>,
    pub joined: Option<i64>,
    pub status: Option<Status>,
    pub notes: Option<&'a str>,
    pub sources: &'a [Link],
    pub coords: Option<&'a Coords>,
    pub articles: usize,
}

impl<'a> ListRow<'a> {
    fn new(corpus: &'a Corpus, i: usize) -> Self {
        let c: &'a City = &corpus.cities[i];
        ListRow {
            id: &c.id,
            name: &c.name,
            name_local: c.name_local.as_deref(),
            country: c.country.as_deref(),
            region: c.region.as_deref(),
            joined: c.joined,
            status: c.status,
            notes: c.notes.as_deref(),
            sources: &c.sources,
            coords: c.coords.as_deref(),
            articles: corpus.articles_of(i).len(),
        }
    }
}

/// What `list` was asked for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub region: Vec<String>,
    pub country: Vec<String>,
    pub joined: Vec<String>,
    pub status: Vec<String>,
    pub has_reports: bool,
    pub sort: Option<Sort>,
}

impl Request {
    /// The facet filter the options describe, as `facet:value` words too
    /// (for messages).
    fn filter(&self, values: &Values) -> Result<(Filter, Vec<String>), Failure> {
        let mut filter = Filter::default();
        let mut words = Vec::new();
        for (facet, given) in [
            (Facet::Region, &self.region),
            (Facet::Country, &self.country),
            (Facet::Joined, &self.joined),
            (Facet::Status, &self.status),
        ] {
            let items: Vec<String> = given.iter().flat_map(|g| tokens::items(g)).collect();
            if items.is_empty() {
                if !given.is_empty() {
                    return Err(Failure::Usage(t!(
                        "list-needs-value",
                        option = facet.name(),
                        expects = facet.expects()
                    )));
                }
                continue;
            }
            let test = facets::parse_values(facet, &items, values)
                .map_err(|e| Failure::Usage(with_hint(e, facet, &items, values)))?;
            words.push(format!(
                "{}:{}",
                facet.name(),
                items
                    .iter()
                    .map(|i| tokens::quote(i))
                    .collect::<Vec<_>>()
                    .join(",")
            ));
            filter.clauses.push(Clause {
                facet,
                negated: false,
                test,
            });
        }
        if self.has_reports {
            words.push("has:report".into());
            filter.clauses.push(Clause {
                facet: Facet::Has,
                negated: false,
                test: facets::Test::Has(vec![facets::Has::Report]),
            });
        }
        Ok((filter, words))
    }
}

/// A region or country that names nothing: the closest values, or where to
/// find them all.
fn with_hint(msg: String, facet: Facet, items: &[String], values: &Values) -> String {
    let field = match facet {
        Facet::Region => &values.regions,
        Facet::Country => &values.countries,
        _ => return msg,
    };
    let shown = field.values.iter().map(|v| v.shown.as_str());
    if facet == Facet::Region {
        let all: Vec<String> = shown.map(|s| format!("{s:?}")).collect();
        return t!("list-regions-are", msg = msg, regions = all.join(", "));
    }
    let bad = items
        .iter()
        .find(|i| field.lookup(i).is_empty())
        .map_or("", String::as_str);
    let near = crate::text::distance::closest(bad, shown, 3);
    if near.is_empty() {
        t!("list-countries-hint", msg = msg)
    } else {
        let near: Vec<String> = near.iter().map(|s| format!("{s:?}")).collect();
        t!("list-did-you-mean", msg = msg, near = near.join(&t!("or")))
    }
}

/// The cities that pass `filter`, in `sort` order.
pub fn select(corpus: &Corpus, values: &Values, filter: &Filter, sort: Sort) -> Vec<usize> {
    sorted(corpus, sort, None)
        .into_iter()
        .filter(|&c| filter.matches(corpus, values, c))
        .collect()
}

pub fn run(corpus: &Corpus, req: &Request, json: bool, out: &Out) -> Result<(), Failure> {
    let values = Values::new(corpus);
    let (filter, words) = req.filter(&values)?;
    let cities = select(corpus, &values, &filter, req.sort.unwrap_or(Sort::Name));
    let rows: Vec<ListRow> = cities.iter().map(|&c| ListRow::new(corpus, c)).collect();
    if json {
        print_json(&rows)?;
    } else if !rows.is_empty() {
        let mut text = render(&rows, out);
        let count = if filter.is_empty() {
            number::with_unit(rows.len() as u64, Unit::City)
        } else {
            t!(
                "list-count-of",
                n = rows.len(),
                all = number::with_unit(corpus.cities.len() as u64, Unit::City),
                filter = words.join(" ")
            )
        };
        text.push_str(&out.dim(&count));
        text.push('\n');
        super::pager::emit(&text, out)?;
    }
    if rows.is_empty() && !filter.is_empty() {
        if !json {
            crate::stderr::line(t!("list-no-match", filter = words.join(" ")));
        }
        return Err(Failure::NoMatch);
    }
    Ok(())
}

pub fn render(rows: &[ListRow], out: &Out) -> String {
    let columns = [
        Column::whole(t!("list-col-id")),
        Column::wrap(t!("list-col-city"), 8),
        Column::wrap(t!("list-col-country"), 8),
        Column::whole(t!("list-col-joined")).right(),
        Column::wrap(t!("list-col-status"), 0),
        Column::whole(t!("list-col-reports")).right(),
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.id.to_owned(),
                r.name.to_owned(),
                r.country.unwrap_or("—").to_owned(),
                r.joined.map_or("—".to_owned(), |y| y.to_string()),
                r.status.map_or("—", Status::in_words).to_owned(),
                if r.articles == 0 {
                    t!("list-none")
                } else {
                    number::count(r.articles as u64)
                },
            ]
        })
        .collect();
    table::render(&columns, &cells, out)
}
