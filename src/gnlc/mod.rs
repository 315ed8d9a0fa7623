//! Builds the bundled corpus from its sources, so that `data/corpus.json`
//! is never edited by hand:
//!
//! - the member directory `data/gnlc/` (a copy of `../shared/gnlc/`):
//!   `cities.tsv`, `coords.tsv` (GeoNames) and `cohorts.tsv`;
//! - the curated layer `data/curated.json`: the two reports, the facts of
//!   `data/facts.md` about the eleven Turkish member cities (join years,
//!   notes, titled sources) and the network's timeline.
//!
//! Where the two disagree about one of the curated cities, the curated
//! layer (facts.md) wins; notes and sources are combined. `cargo run
//! --example build-corpus` writes the file and prints what was merged; a
//! test checks that the bundled file is what this builds.

pub mod tsv;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;

use crate::corpus::{self, Article, City, Coords, Link, Network, Round, Status};

/// The sources' texts.
pub struct Inputs<'a> {
    pub cities: &'a str,
    pub coords: &'a str,
    pub cohorts: &'a str,
    pub curated: &'a str,
}

/// The corpus file's text, and what the build did, line by line.
pub struct Built {
    pub json: String,
    pub report: Vec<String>,
}

pub const CITY_COLUMNS: &[&str] = &[
    "id",
    "name",
    "name_local",
    "country",
    "region",
    "joined",
    "status",
    "sources",
    "note",
];
pub const COORD_COLUMNS: &[&str] = &[
    "id",
    "lat",
    "lon",
    "geonameid",
    "matched_name",
    "match",
    "population",
];
pub const COHORT_COLUMNS: &[&str] = &[
    "year",
    "announced_new",
    "announced_countries",
    "network_total",
    "network_countries",
    "date",
    "found_in_cities_tsv",
    "source_url",
];

/// How a corpus file is laid out: the keys in the format's order.
#[derive(Serialize)]
struct CorpusFile<'a> {
    schema: u64,
    title: &'a Option<String>,
    cities: &'a [City],
    articles: &'a [Article],
    network: &'a Network,
}

pub fn build(inputs: &Inputs) -> Result<Built, String> {
    let mut report = Vec::new();
    let curated =
        corpus::load_bytes("curated.json", inputs.curated.as_bytes()).map_err(|e| e.to_string())?;
    report.push(format!(
        "read curated.json: {} cities, {} reports, {} timeline events",
        curated.cities.len(),
        curated.articles.len(),
        curated.network.timeline.len()
    ));

    let mut cities = directory_cities(inputs.cities)?;
    report.push(format!("read cities.tsv: {} cities", cities.len()));
    let placed = add_coords(&mut cities, inputs.coords)?;
    report.push(format!(
        "read coords.tsv: {placed} of {} cities placed (GeoNames)",
        cities.len()
    ));
    let (rounds, listed) = rounds(inputs.cohorts)?;
    report.push(format!(
        "read cohorts.tsv: {} admission rounds",
        rounds.len()
    ));
    check_listed(&cities, &listed, &mut report);

    let mut by_id: HashMap<String, usize> = cities
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    for c in &curated.cities {
        match by_id.get(&c.id) {
            Some(&i) => {
                let line = merge_city(&mut cities[i], c);
                report.push(line);
            }
            None => {
                report.push(format!("{}: not in the directory; kept as curated", c.id));
                by_id.insert(c.id.clone(), cities.len());
                cities.push(c.clone());
            }
        }
    }

    let rounds = merge_rounds(rounds, &curated.network.rounds, &mut report);
    let network = Network {
        name: curated.network.name.clone(),
        timeline: curated.network.timeline.clone(),
        rounds,
    };
    let with_reports: HashSet<&str> = curated.articles.iter().map(|a| a.city.as_str()).collect();
    let file = CorpusFile {
        schema: corpus::SCHEMA_VERSION,
        title: &curated.title,
        cities: &cities,
        articles: &curated.articles,
        network: &network,
    };
    let mut value = serde_json::to_value(&file).map_err(|e| e.to_string())?;
    drop_nulls(&mut value);
    let json = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())? + "\n";
    report.push(format!(
        "corpus: {} cities ({} placed, {} with reports), {} reports, {} rounds, {} bytes",
        cities.len(),
        cities.iter().filter(|c| c.coords.is_some()).count(),
        with_reports.len(),
        curated.articles.len(),
        network.rounds.len(),
        json.len()
    ));
    // What goes in must load: the bundled corpus passes the same checks as
    // any other.
    corpus::load_bytes("corpus.json", json.as_bytes()).map_err(|e| e.to_string())?;
    Ok(Built { json, report })
}

fn directory_cities(text: &str) -> Result<Vec<City>, String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for r in tsv::parse("cities.tsv", text, CITY_COLUMNS)? {
        let at = |what: &str| format!("cities.tsv:{}: {what}", r.line);
        let id = r.get(0).ok_or_else(|| at("no id"))?.to_owned();
        if !seen.insert(id.clone()) {
            return Err(at(&format!("duplicate id {id:?}")));
        }
        let joined = r
            .get(5)
            .map(|y| y.parse::<i64>().map_err(|_| at(&format!("joined {y:?}"))))
            .transpose()?;
        let status = r
            .get(6)
            .map(|s| Status::parse(s).ok_or_else(|| at(&format!("status {s:?}"))))
            .transpose()?;
        out.push(City {
            name: r.get(1).ok_or_else(|| at("no name"))?.to_owned(),
            name_local: r.get(2).map(str::to_owned),
            country: r.get(3).map(str::to_owned),
            region: r.get(4).map(str::to_owned),
            joined,
            status,
            notes: r.get(8).map(str::to_owned),
            sources: links(r.get(7)),
            coords: None,
            id,
        });
    }
    Ok(out)
}

/// Adds each placed city's coordinates; returns how many were placed.
fn add_coords(cities: &mut [City], text: &str) -> Result<usize, String> {
    let index: HashMap<String, usize> = cities
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    let mut placed = 0;
    for r in tsv::parse("coords.tsv", text, COORD_COLUMNS)? {
        let at = |what: &str| format!("coords.tsv:{}: {what}", r.line);
        let id = r.get(0).ok_or_else(|| at("no id"))?;
        let &i = index
            .get(id)
            .ok_or_else(|| at(&format!("{id:?} is not in cities.tsv")))?;
        let (Some(lat), Some(lon)) = (r.get(1), r.get(2)) else {
            continue;
        };
        let deg = |s: &str| s.parse::<f64>().map_err(|_| at(&format!("{s:?}")));
        cities[i].coords = Some(Box::new(Coords {
            lat: deg(lat)?,
            lon: deg(lon)?,
            geonames_id: r.get(3).and_then(|g| g.parse().ok()),
            place: r.get(4).map(str::to_owned),
            matched: r.get(5).map(str::to_owned),
        }));
        placed += 1;
    }
    Ok(placed)
}

/// The rounds, and how many of each round's cities the directory says it
/// lists (checked against the cities, see `check_listed`).
fn rounds(text: &str) -> Result<(Vec<Round>, BTreeMap<i64, usize>), String> {
    let mut rounds = Vec::new();
    let mut listed = BTreeMap::new();
    for r in tsv::parse("cohorts.tsv", text, COHORT_COLUMNS)? {
        let at = |what: &str| format!("cohorts.tsv:{}: {what}", r.line);
        let count = |col: usize| {
            r.get(col)
                .map(|v| v.parse::<u64>().map_err(|_| at(&format!("{v:?}"))))
                .transpose()
        };
        let year: i64 = r
            .get(0)
            .and_then(|y| y.parse().ok())
            .ok_or_else(|| at("no year"))?;
        if let Some(n) = count(6)? {
            listed.insert(year, n as usize);
        }
        rounds.push(Round {
            year,
            date: r.get(5).map(str::to_owned),
            announced_new: count(1)?,
            announced_countries: count(2)?,
            network_total: count(3)?,
            network_countries: count(4)?,
            note: None,
            sources: links(r.get(7)),
        });
    }
    rounds.sort_by_key(|r| r.year);
    Ok((rounds, listed))
}

/// The directory counts the cities it lists per round; the reader counts
/// them from the cities' join years. Says whether the two agree.
fn check_listed(cities: &[City], listed: &BTreeMap<i64, usize>, report: &mut Vec<String>) {
    let mismatches: Vec<String> = listed
        .iter()
        .filter_map(|(&year, &n)| {
            let counted = cities.iter().filter(|c| c.joined == Some(year)).count();
            (counted != n).then(|| format!("{year}: {n} said, {counted} counted"))
        })
        .collect();
    if mismatches.is_empty() {
        report.push("listed cities per round: as cohorts.tsv counts them".into());
    } else {
        report.push(format!(
            "listed cities per round differ from cohorts.tsv: {}",
            mismatches.join("; ")
        ));
    }
}

/// A web address without what does not change the page it names, to tell
/// whether two sources are the same.
fn same_page(url: &str) -> String {
    let u = url.trim();
    let u = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .unwrap_or(u);
    let (host, path) = u.split_at(u.find('/').unwrap_or(u.len()));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    format!("{host}{}", path.trim_end_matches('/'))
}

/// `first`, then the links of `then` that name another page; and how many
/// of `then` were added.
fn combine_sources(first: &[Link], then: &[Link]) -> (Vec<Link>, usize) {
    let known: HashSet<String> = first
        .iter()
        .filter_map(|s| s.url.as_deref().map(same_page))
        .collect();
    let extra: Vec<Link> = then
        .iter()
        .filter(|s| {
            s.url
                .as_deref()
                .is_none_or(|u| !known.contains(&same_page(u)))
        })
        .cloned()
        .collect();
    let added = extra.len();
    (first.iter().cloned().chain(extra).collect(), added)
}

/// Puts a curated city's facts over the directory's entry. Returns the
/// report line.
fn merge_city(dir: &mut City, cur: &City) -> String {
    let mut said = Vec::new();
    let mut differ = |field: &str, dir_v: String, cur_v: String| {
        if dir_v != cur_v {
            said.push(format!("{field}: {cur_v} (directory: {dir_v})"));
        }
    };
    let year = |y: Option<i64>| y.map_or("unknown".to_owned(), |y| y.to_string());
    let text = |s: &Option<String>| s.clone().unwrap_or_else(|| "none".into());
    differ("name", dir.name.clone(), cur.name.clone());
    differ("country", text(&dir.country), text(&cur.country));
    differ("region", text(&dir.region), text(&cur.region));
    differ("joined", year(dir.joined), year(cur.joined));
    if said.is_empty() {
        said.push("name, country, region and year as in the directory".into());
    }
    dir.name = cur.name.clone();
    dir.country = cur.country.clone();
    dir.region = cur.region.clone();
    dir.joined = cur.joined;
    if cur.name_local.is_some() {
        dir.name_local = cur.name_local.clone();
    }
    if cur.status.is_some() {
        dir.status = cur.status;
    }
    if cur.coords.is_some() {
        dir.coords = cur.coords.clone();
    }
    // Notes: the curated ones, then the directory's, which often says how
    // the year is known.
    dir.notes = match (&cur.notes, &dir.notes) {
        (Some(c), Some(d)) if c != d => {
            said.push("notes: curated, then the directory's".into());
            Some(format!("{c}\n\nDirectory note: {d}"))
        }
        (Some(c), _) => Some(c.clone()),
        (None, d) => d.clone(),
    };
    // Sources: the curated ones (with titles), then the directory's others.
    let (sources, added) = combine_sources(&cur.sources, &dir.sources);
    said.push(format!(
        "sources: {} curated + {added} from the directory",
        cur.sources.len()
    ));
    dir.sources = sources;
    format!("{}: curated facts kept; {}", cur.id, said.join("; "))
}

/// The directory's rounds with the curated notes and sources of a round
/// (the 2020 correction) added.
fn merge_rounds(mut rounds: Vec<Round>, curated: &[Round], report: &mut Vec<String>) -> Vec<Round> {
    for c in curated {
        match rounds.iter_mut().find(|r| r.year == c.year) {
            Some(r) => {
                if c.note.is_some() {
                    r.note = c.note.clone();
                }
                r.sources = combine_sources(&c.sources, &r.sources).0;
                report.push(format!("round {}: curated note and sources added", c.year));
            }
            None => {
                report.push(format!(
                    "round {}: not in cohorts.tsv; kept as curated",
                    c.year
                ));
                rounds.push(c.clone());
            }
        }
    }
    rounds.sort_by_key(|r| r.year);
    rounds
}

/// Leaves out the keys whose value is null: "not given", as the format
/// reads a missing key.
fn drop_nulls(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

/// A TSV column of source addresses, separated by spaces, as links
/// without titles.
fn links(column: Option<&str>) -> Vec<Link> {
    column
        .unwrap_or("")
        .split_whitespace()
        .map(|u| Link {
            title: None,
            url: Some(u.to_owned()),
        })
        .collect()
}

/// The bundled corpus's sources, as compiled into the tests.
#[cfg(test)]
pub(crate) fn bundled_inputs() -> Inputs<'static> {
    Inputs {
        cities: include_str!("../../data/gnlc/cities.tsv"),
        coords: include_str!("../../data/gnlc/coords.tsv"),
        cohorts: include_str!("../../data/gnlc/cohorts.tsv"),
        curated: include_str!("../../data/curated.json"),
    }
}

#[cfg(test)]
mod tests;
