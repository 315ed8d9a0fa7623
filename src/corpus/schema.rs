//! From parsed values to the model: checks each field's presence, type and
//! form, records a problem with its JSON path for every one that is wrong,
//! and cleans every text on the way in (see `text::sanitize`).
//!
//! Cities and articles are converted one at a time, as the parser reaches
//! them (see `stream`), so a corpus is never held twice in memory. What
//! needs every item (duplicate ids, an article's city) is checked in
//! `finish`, from the ids of every item, broken ones included, so every
//! problem is reported in one run. An item with a broken required field is
//! left out of the result.

use std::collections::HashMap;

use super::budget::{self, Budget, Kind};
use super::error::{Problem, Problems};
use super::model::*;
use super::quotes;
use super::raw::*;
use super::validate::{date_problem, joined_problem};
use crate::text::distance::closest;
use crate::text::sanitize::{sanitize_line, sanitize_line_owned, sanitize_text_owned};

pub(super) struct Parts {
    pub schema: Option<u64>,
    pub title: Option<String>,
    pub cities: Vec<City>,
    pub articles: Vec<Article>,
    pub network: Network,
}

impl Parts {
    pub fn into_corpus(self, budget: budget::Left) -> Corpus {
        Corpus::new(
            self.schema.unwrap_or(SCHEMA_VERSION),
            self.title,
            self.cities,
            self.articles,
            self.network,
        )
        .with_budget(budget)
    }
}

/// A conversion under way.
pub(super) struct Convert {
    pub parts: Parts,
    pub problems: Problems,
    /// Which top-level fields were present (not null), and whether the
    /// cities were an array.
    seen_schema: bool,
    pub seen_cities: bool,
    pub seen_articles: bool,
    pub cities_listed: bool,
    /// The file is not an object: nothing else to say about it.
    top_wrong: bool,
    /// The memory the corpus will take, and what it may take.
    pub budget: Budget,
    /// The ids of every city item and of every article item (broken ones
    /// too), and each article's city, by item number.
    city_ids: Vec<(usize, String)>,
    article_ids: Vec<(usize, String)>,
    article_cities: Vec<(usize, String)>,
    /// Cities without a country: allowed from schema 2 on (a directory
    /// entry whose country no source states), required before. The first
    /// ones, for messages; the rest counted.
    no_country: Vec<usize>,
    no_country_more: u64,
}

/// What a field should have held: named in messages as "expected …".
#[derive(Debug, Clone, Copy)]
enum Want {
    Object,
    Array,
    String,
    Number,
    /// The schema version: a whole number from 1.
    SchemaNumber,
    /// A join year: a whole number or null.
    Year,
    /// A count: a whole number from 0, or null.
    Count,
}

impl Want {
    fn text(self) -> String {
        match self {
            Want::Object => crate::t!("json-object"),
            Want::Array => crate::t!("json-array"),
            Want::String => crate::t!("json-string"),
            Want::Number => crate::t!("json-number"),
            Want::SchemaNumber => crate::t!("json-schema-number"),
            Want::Year => crate::t!("json-year"),
            Want::Count => crate::t!("json-count"),
        }
    }
}

/// An id, a value or a date as messages quote it: in double quotes, with
/// anything unprintable escaped.
fn quoted(s: &str) -> String {
    format!("{s:?}")
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// An explicit `null` counts as an absent field.
fn present(v: Leaf) -> Leaf {
    v.filter(|v| *v != Scalar::Null)
}

/// A raw id, cleaned as the converted one will be (for the checks that need
/// every item's id).
fn raw_line(v: &Leaf) -> Option<String> {
    match v {
        Some(Scalar::String(s)) => Some(sanitize_line(s)).filter(|s| !s.is_empty()),
        _ => None,
    }
}

impl Convert {
    /// A conversion of a file of `file_len` bytes.
    pub fn new(file_len: usize) -> Self {
        Convert {
            budget: Budget::new(file_len as u64),
            parts: Parts {
                schema: None,
                title: None,
                cities: Vec::new(),
                articles: Vec::new(),
                network: Network::default(),
            },
            problems: Problems::default(),
            seen_schema: false,
            seen_cities: false,
            seen_articles: false,
            cities_listed: false,
            top_wrong: false,
            city_ids: Vec::new(),
            article_ids: Vec::new(),
            article_cities: Vec::new(),
            no_country: Vec::new(),
            no_country_more: 0,
        }
    }

    // ---- reporting -------------------------------------------------------

    fn wrong(&mut self, path: &str, expected: Want, found: &Scalar) {
        self.problems.report(|| {
            Problem::at(
                path,
                crate::t!(
                    "error-expected",
                    expected = expected.text(),
                    found = found.describe()
                ),
            )
        });
    }

    /// A required field `key` of the item at `path` is missing.
    fn missing_at(&mut self, path: &str, key: &str) {
        self.problems
            .report(|| Problem::at(join(path, key), crate::t!("error-missing-field")));
    }

    fn missing(&mut self, path: &str) {
        self.problems
            .report(|| Problem::at(path, crate::t!("error-missing-field")));
    }

    /// An item of a list that is not an object. Past the problems kept, it
    /// is only counted: no message is built for the millionth bad item.
    pub fn wrong_item(&mut self, list: &str, index: usize, found: &Scalar) {
        if self.problems.is_full() {
            self.problems.count_more(1);
        } else {
            self.wrong(&format!("{list}[{index}]"), Want::Object, found);
        }
    }

    /// The items of a nested list that are not objects.
    fn wrong_items<T>(&mut self, path: &str, items: &Items<T>) {
        for (i, found) in &items.wrong {
            self.wrong(&format!("{path}[{i}]"), Want::Object, found);
        }
        self.problems
            .count_more((items.wrong_total - items.wrong.len()) as u64);
    }

    // ---- the top level ---------------------------------------------------

    pub fn top_level_wrong(&mut self, found: &Scalar) {
        self.top_wrong = true;
        self.problems
            .report(|| Problem::file(crate::t!("error-top-level", found = found.describe())));
    }

    pub fn schema(&mut self, v: Leaf) {
        let v = present(v);
        self.seen_schema = v.is_some();
        self.parts.schema = match v {
            None => None,
            Some(Scalar::Number(n)) => match n.parse::<u64>() {
                Ok(v) if v >= 1 => Some(v),
                _ => {
                    self.wrong("schema", Want::SchemaNumber, &Scalar::Number(n));
                    None
                }
            },
            Some(other) => {
                self.wrong("schema", Want::SchemaNumber, &other);
                None
            }
        };
    }

    pub fn title(&mut self, v: Leaf) {
        self.parts.title = self.opt_line(v, "", "title");
    }

    /// A top-level list that is not an array (null counts as absent).
    pub fn list_wrong(&mut self, key: &str, found: &Scalar) {
        if *found != Scalar::Null {
            self.wrong(key, Want::Array, found);
        }
    }

    pub fn network(&mut self, n: Option<Obj<RawNetwork>>) {
        let n = match n {
            None => return,
            Some(Obj::Wrong(Scalar::Null)) => return,
            Some(Obj::Wrong(found)) => {
                self.wrong("network", Want::Object, &found);
                return;
            }
            Some(Obj::Ok(n)) => n,
        };
        self.budget.count(Kind::Event, count(&n.timeline));
        self.budget.count(Kind::Round, count(&n.rounds));
        if let Some(List::Ok(rounds)) = &n.rounds {
            for (_, r) in &rounds.ok {
                self.budget.count(Kind::Source, count(&r.sources));
            }
        }
        if !self.budget.fits(n.heap()) {
            return;
        }
        let name = self.opt_line(n.name, "network", "name");
        let items = self.opt_list(n.timeline, "network", "timeline");
        let mut timeline = Vec::with_capacity(items.len());
        for (i, e) in items {
            let p = format!("network.timeline[{i}]");
            let date = self
                .req_line(e.date, &p, "date")
                .filter(|d| self.date_ok(d, &join(&p, "date")));
            let cities = self.opt_count(e.cities, &p, "cities");
            let countries = self.opt_count(e.countries, &p, "countries");
            let event = self.opt_line(e.event, &p, "event");
            let source = self.opt_line(e.source, &p, "source");
            if let Some(date) = date {
                timeline.push(TimelineEvent {
                    date,
                    cities,
                    countries,
                    event,
                    source,
                });
            }
        }
        self.budget
            .charge(Kind::Event, timeline.len(), budget::events(&timeline));
        let rounds = self.rounds(n.rounds);
        self.budget
            .charge(Kind::Round, rounds.len(), budget::rounds(&rounds));
        self.parts.network = Network {
            name,
            timeline,
            rounds,
        };
    }

    fn rounds(&mut self, v: Option<List<RawRound>>) -> Vec<Round> {
        let items = self.opt_list(v, "network", "rounds");
        let mut rounds = Vec::with_capacity(items.len());
        for (i, r) in items {
            let p = format!("network.rounds[{i}]");
            let year = match self.opt_int(r.year, &p, "year") {
                Ok(None) => {
                    self.missing_at(&p, "year");
                    None
                }
                Ok(Some(y)) => match joined_problem(y) {
                    Some(why) => {
                        let at = join(&p, "year");
                        self.problems.report(|| Problem::at(at, why.message()));
                        None
                    }
                    None => Some(y),
                },
                Err(()) => None,
            };
            let date = self.date(r.date, &p, "date");
            let announced_new = self.opt_count(r.announced_new, &p, "announced_new");
            let announced_countries =
                self.opt_count(r.announced_countries, &p, "announced_countries");
            let network_total = self.opt_count(r.network_total, &p, "network_total");
            let network_countries = self.opt_count(r.network_countries, &p, "network_countries");
            let note = self.opt_text(r.note, &p, "note");
            let sources = self.links(r.sources, &p);
            if let Some(year) = year {
                rounds.push(Round {
                    year,
                    date,
                    announced_new,
                    announced_countries,
                    network_total,
                    network_countries,
                    note,
                    sources,
                });
            }
        }
        rounds
    }

    /// Source links; a link with neither a title nor an address is
    /// dropped. Charged as they are made.
    fn links(&mut self, v: Option<List<RawLink>>, path: &str) -> Vec<Link> {
        let items = self.opt_list(v, path, "sources");
        let mut links = Vec::with_capacity(items.len());
        for (i, s) in items {
            let p = format!("{path}.sources[{i}]");
            let link = Link {
                title: self.opt_line(s.title, &p, "title"),
                url: self.opt_line(s.url, &p, "url"),
            };
            if link.title.is_some() || link.url.is_some() {
                links.push(link);
            }
        }
        self.budget
            .charge(Kind::Source, links.len(), budget::links(&links));
        links
    }

    /// Checks what needs every item, and the required top-level fields.
    pub fn finish(&mut self) {
        if self.top_wrong {
            return;
        }
        if self.budget.is_over() {
            // What was converted is a part of the file: its problems, and
            // what its ids say, would be misleading. The one problem is
            // the file's size in memory.
            self.problems = Problems::default();
            let refusal = self.budget.refusal();
            self.problems.report(|| refusal);
            return;
        }
        if !self.seen_schema {
            self.problems.report(|| {
                Problem::at(
                    "schema",
                    crate::t!("error-schema-missing", newest = SCHEMA_VERSION.to_string()),
                )
            });
        }
        if self.parts.schema.is_none_or(|s| s < 2) {
            for i in std::mem::take(&mut self.no_country) {
                self.missing_at(&format!("cities[{i}]"), "country");
            }
            self.problems.count_more(self.no_country_more);
        }
        for (seen, key) in [
            (self.seen_cities, "cities"),
            (self.seen_articles, "articles"),
        ] {
            if !seen {
                self.missing(key);
            }
        }
        let city_ids = std::mem::take(&mut self.city_ids);
        let article_ids = std::mem::take(&mut self.article_ids);
        let cities = self.ids(&city_ids, "cities", None);
        self.ids(&article_ids, "articles", Some(&cities));
        // Without a cities array every article would be an orphan: one
        // problem about the array is enough.
        if self.cities_listed {
            for (i, city) in std::mem::take(&mut self.article_cities) {
                if !cities.contains_key(city.as_str()) {
                    // The suggestion reads every city: only for a kept problem.
                    self.problems.report(|| {
                        let msg = match closest(&city, cities.keys().copied(), 1).first() {
                            Some(best) => crate::t!(
                                "error-unknown-city-suggest",
                                id = quoted(&city),
                                suggestion = quoted(best)
                            ),
                            None => crate::t!("error-unknown-city", id = quoted(&city)),
                        };
                        Problem::at(format!("articles[{i}].city"), msg)
                    });
                }
            }
        }
    }

    /// Checks the ids of a list's items: duplicates, spaces, a leading `-`
    /// (the command line would take such an id for an option), and article
    /// ids that are also city ids. Returns each id's first item.
    fn ids<'a>(
        &mut self,
        ids: &'a [(usize, String)],
        what: &str,
        city_ids: Option<&HashMap<&str, usize>>,
    ) -> HashMap<&'a str, usize> {
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(ids.len());
        for (i, id) in ids {
            let path = format!("{what}[{i}].id");
            if id.chars().any(char::is_whitespace) {
                self.problems
                    .report(|| Problem::at(&path, crate::t!("error-id-space", id = quoted(id))));
            }
            if id.starts_with('-') {
                self.problems
                    .report(|| Problem::at(&path, crate::t!("error-id-dash", id = quoted(id))));
            }
            if city_ids.is_some_and(|c| c.contains_key(id.as_str())) {
                self.problems
                    .report(|| Problem::at(&path, crate::t!("error-id-is-city", id = quoted(id))));
            }
            match first.get(id.as_str()) {
                Some(j) => self.problems.report(|| {
                    Problem::at(
                        &path,
                        crate::t!(
                            "error-id-duplicate",
                            id = quoted(id),
                            other = format!("{what}[{j}]")
                        ),
                    )
                }),
                None => {
                    first.insert(id, *i);
                }
            }
        }
        first
    }

    // ---- items -----------------------------------------------------------

    pub fn city(&mut self, index: usize, c: RawCity) {
        self.budget.count(Kind::City, 1);
        self.budget.count(Kind::Source, count(&c.sources));
        if !self.budget.fits(c.heap()) {
            return;
        }
        let path = format!("cities[{index}]");
        if let Some(id) = raw_line(&c.id) {
            let cost = budget::CITY_TABLES + budget::own(&id);
            self.city_ids.push((index, id));
            self.budget.charge(Kind::City, 0, cost);
        }
        let path = path.as_str();
        let id = self.req_line(c.id, path, "id");
        let name = self.req_line(c.name, path, "name");
        let name_local = self.opt_line(c.name_local, path, "name_local");
        let country = self.opt_line(c.country, path, "country");
        if country.is_none() {
            if self.no_country.len() < super::error::MAX_PROBLEMS {
                self.no_country.push(index);
            } else {
                self.no_country_more += 1;
            }
        }
        let region = self.opt_line(c.region, path, "region");
        let joined = self.opt_int(c.joined, path, "joined");
        if let Ok(Some(year)) = joined {
            if let Some(why) = joined_problem(year) {
                self.problems
                    .report(|| Problem::at(join(path, "joined"), why.message()));
            }
        }
        let status = self.status(c.status, path);
        let notes = self.opt_text(c.notes, path, "notes");
        let sources = self.links(c.sources, path);
        let coords = self.coords(c.coords, path);
        if let (Some(id), Some(name), Ok(joined), Ok(status), Ok(coords)) =
            (id, name, joined, status, coords)
        {
            let city = City {
                id,
                name,
                name_local,
                country,
                region,
                joined,
                status,
                notes,
                sources,
                coords,
            };
            let cost = budget::city(&city);
            self.budget
                .push(&mut self.parts.cities, city, Kind::City, cost);
        }
    }

    fn status(&mut self, v: Leaf, path: &str) -> Result<Option<Status>, ()> {
        let Some(s) = self.opt_line(v, path, "status") else {
            return Ok(None);
        };
        match Status::parse(&s) {
            Some(st) => Ok(Some(st)),
            None => {
                self.problems.report(|| {
                    Problem::at(
                        join(path, "status"),
                        crate::t!(
                            "error-unknown-status",
                            status = quoted(&crate::text::wrap::truncate(&s, 40))
                        ),
                    )
                });
                Err(())
            }
        }
    }

    fn coords(&mut self, v: Option<Obj<RawCoords>>, path: &str) -> Result<Option<Box<Coords>>, ()> {
        let c = match v {
            None | Some(Obj::Wrong(Scalar::Null)) => return Ok(None),
            Some(Obj::Wrong(found)) => {
                self.wrong(&join(path, "coords"), Want::Object, &found);
                return Err(());
            }
            Some(Obj::Ok(c)) => c,
        };
        let p = join(path, "coords");
        let lat = self.degrees(c.lat, &p, "lat", 90.0);
        let lon = self.degrees(c.lon, &p, "lon", 180.0);
        let geonames_id = self.opt_count(c.geonames_id, &p, "geonames_id");
        let place = self.opt_line(c.place, &p, "place");
        let matched = self.opt_line(c.matched, &p, "match");
        match (lat, lon) {
            (Some(lat), Some(lon)) => Ok(Some(Box::new(Coords {
                lat,
                lon,
                geonames_id,
                place,
                matched,
            }))),
            _ => Err(()),
        }
    }

    /// A required latitude or longitude: a number from `-limit` to `limit`.
    fn degrees(&mut self, v: Leaf, path: &str, key: &str, limit: f64) -> Option<f64> {
        match present(v) {
            None => {
                self.missing_at(path, key);
                None
            }
            Some(Scalar::Number(n)) => match n.parse::<f64>() {
                Ok(d) if d.is_finite() && d.abs() <= limit => Some(d),
                _ => {
                    self.problems.report(|| {
                        Problem::at(
                            join(path, key),
                            crate::t!(
                                "error-degrees",
                                value = Scalar::Number(n).describe(),
                                limit = limit
                            ),
                        )
                    });
                    None
                }
            },
            Some(other) => {
                self.wrong(&join(path, key), Want::Number, &other);
                None
            }
        }
    }

    pub fn article(&mut self, index: usize, a: RawArticle) {
        self.budget.count(Kind::Article, 1);
        self.budget.count(Kind::Block, count(&a.body));
        self.budget.count(Kind::Figure, count(&a.figures));
        if !self.budget.fits(a.heap()) {
            return;
        }
        let path = format!("articles[{index}]");
        let path = path.as_str();
        let mut tables = budget::ARTICLE_TABLES;
        if let Some(id) = raw_line(&a.id) {
            tables += budget::own(&id);
            self.article_ids.push((index, id));
        }
        if let Some(city) = raw_line(&a.city) {
            tables += budget::own(&city);
            self.article_cities.push((index, city));
        }
        self.budget.charge(Kind::Article, 0, tables);
        let id = self.req_line(a.id, path, "id");
        let city = self.req_line(a.city, path, "city");
        let title = self.req_line(a.title, path, "title");
        let lang = self.opt_line(a.lang, path, "lang");
        let published = self.date(a.published, path, "published");
        let source = match a.source {
            None | Some(Obj::Wrong(Scalar::Null)) => None,
            Some(Obj::Wrong(found)) => {
                self.wrong(&join(path, "source"), Want::Object, &found);
                None
            }
            Some(Obj::Ok(s)) => {
                let p = join(path, "source");
                Some(Publisher {
                    name: self.opt_line(s.name, &p, "name"),
                    url: self.opt_line(s.url, &p, "url"),
                })
                .filter(|p| p.name.is_some() || p.url.is_some())
            }
        };
        let summary = self.opt_text(a.summary, path, "summary");
        let body = self.body(a.body, path);
        let figures = self.figures(a.figures, path, body.as_deref());
        if let (Some(id), Some(city), Some(title), Some(body)) = (id, city, title, body) {
            self.budget
                .charge(Kind::Block, body.len(), budget::blocks(&body));
            self.budget
                .charge(Kind::Figure, figures.len(), budget::figures(&figures));
            let article = Article {
                id,
                city,
                title,
                lang,
                published,
                source,
                summary,
                body: body.into(),
                figures,
            };
            let cost = budget::article(&article);
            self.budget
                .push(&mut self.parts.articles, article, Kind::Article, cost);
        }
    }

    fn body(&mut self, v: Option<List<RawBlock>>, path: &str) -> Option<Vec<Block>> {
        let items = self.req_list(v, path, "body")?;
        if items.len == 0 {
            self.problems
                .report(|| Problem::at(join(path, "body"), crate::t!("error-body-empty")));
            return None;
        }
        let mut ok = items.wrong_total == 0;
        self.wrong_items(&join(path, "body"), &items);
        let mut blocks = Vec::with_capacity(items.ok.len());
        for (i, b) in items.ok {
            let p = format!("{path}.body[{i}]");
            let kind = self.raw_string(b.kind, &p, "kind", true).and_then(|k| {
                let kind = BlockKind::parse(&k);
                if kind.is_none() {
                    self.problems.report(|| {
                        Problem::at(
                            join(&p, "kind"),
                            crate::t!(
                                "error-unknown-block-kind",
                                kind = quoted(&crate::text::wrap::truncate(&k, 40))
                            ),
                        )
                    });
                }
                kind
            });
            let text = self.req_text(b.text, &p, "text");
            match (kind, text) {
                (Some(kind), Some(text)) => blocks.push(Block { kind, text }),
                _ => ok = false,
            }
        }
        ok.then_some(blocks)
    }

    /// `body` is the article's body when it is sound: only a whole body can
    /// show that a quote is missing from it. Every figure's quote is
    /// checked (also of a figure broken otherwise), each distinct quote
    /// once, all in one pass over the body.
    fn figures(
        &mut self,
        v: Option<List<RawFigure>>,
        path: &str,
        body: Option<&[Block]>,
    ) -> Vec<Figure> {
        let listed = self.opt_list(v, path, "figures");
        let mut figures = Vec::with_capacity(listed.len());
        // (item number, quote) of the figures broken in other ways.
        let mut broken: Vec<(usize, String)> = Vec::new();
        // Item number of each converted figure.
        let mut items: Vec<usize> = Vec::with_capacity(listed.len());
        for (i, mut f) in listed {
            let p = format!("{path}.figures[{i}]");
            let quote = self.req_text(f.quote.take(), &p, "quote");
            match self.figure(f, &p, quote) {
                Ok(fig) => {
                    figures.push(fig);
                    items.push(i);
                }
                Err(quote) => broken.extend(quote.map(|q| (i, q))),
            }
        }
        let Some(body) = body else {
            return figures;
        };
        let quotes = figures
            .iter()
            .map(|f| f.quote.as_str())
            .zip(items.iter().copied())
            .chain(broken.iter().map(|(i, q)| (q.as_str(), *i)));
        let (texts, items): (Vec<&str>, Vec<usize>) = quotes.unzip();
        let blocks: Vec<&str> = body.iter().map(|b| b.text.as_str()).collect();
        let found = quotes::found_in(&blocks, &texts, self.budget.quote_bytes());
        let mut missing: Vec<usize> = items
            .iter()
            .zip(found)
            .filter(|(_, found)| !found)
            .map(|(&i, _)| i)
            .collect();
        missing.sort_unstable();
        for i in missing {
            self.problems.report(|| {
                Problem::at(
                    format!("{path}.figures[{i}].quote"),
                    crate::t!("error-quote-not-in-body"),
                )
            });
        }
        figures
    }

    /// The figure, or, if it is broken, its quote back (to be checked too).
    fn figure(
        &mut self,
        f: RawFigure,
        path: &str,
        quote: Option<String>,
    ) -> Result<Figure, Option<String>> {
        let label = self.req_line(f.label, path, "label");
        let value = match present(f.value) {
            None => {
                self.missing_at(path, "value");
                None
            }
            Some(Scalar::Number(n)) => match n.parse::<f64>() {
                Ok(v) if v.is_finite() => Some((v, n)),
                _ => {
                    self.problems.report(|| {
                        Problem::at(
                            join(path, "value"),
                            crate::t!(
                                "error-figure-too-large",
                                value = Scalar::Number(n).describe()
                            ),
                        )
                    });
                    None
                }
            },
            Some(other) => {
                self.wrong(&join(path, "value"), Want::Number, &other);
                None
            }
        };
        let qualifier = self.opt_line(f.qualifier, path, "qualifier");
        let unit = self.opt_line(f.unit, path, "unit");
        match (label, value, quote) {
            (Some(label), Some((value, written)), Some(quote)) => Ok(Figure {
                label,
                value,
                written,
                qualifier,
                unit,
                quote,
            }),
            (_, _, quote) => Err(quote),
        }
    }

    // ---- fields ----------------------------------------------------------

    fn req_list<T: Capped>(
        &mut self,
        v: Option<List<T>>,
        path: &str,
        key: &str,
    ) -> Option<Items<T>> {
        match v {
            None | Some(List::Wrong(Scalar::Null)) => {
                self.missing_at(path, key);
                None
            }
            Some(List::Ok(items)) if items.len > T::MAX => {
                self.too_long(&items, path, key);
                None
            }
            Some(List::Ok(items)) => Some(items),
            Some(List::Wrong(found)) => {
                self.wrong(&join(path, key), Want::Array, &found);
                None
            }
        }
    }

    /// A list longer than its kind's limit: refused whole (its items of
    /// the wrong kind, among those read, said too).
    fn too_long<T: Capped>(&mut self, items: &Items<T>, path: &str, key: &str) {
        self.problems.report(|| {
            Problem::at(
                join(path, key),
                crate::t!(
                    "error-list-too-long",
                    n = crate::text::number::with_unit(items.len as u64, T::UNIT),
                    max = crate::text::number::count(T::MAX as u64)
                ),
            )
        });
        self.wrong_items(&join(path, key), items);
    }

    /// An optional list's good items, the wrong ones reported.
    fn opt_list<T: Capped>(
        &mut self,
        v: Option<List<T>>,
        path: &str,
        key: &str,
    ) -> Vec<(usize, T)> {
        match v {
            None | Some(List::Wrong(Scalar::Null)) => Vec::new(),
            Some(List::Ok(items)) if items.len > T::MAX => {
                self.too_long(&items, path, key);
                Vec::new()
            }
            Some(List::Ok(items)) => {
                self.wrong_items(&join(path, key), &items);
                items.ok
            }
            Some(List::Wrong(found)) => {
                self.wrong(&join(path, key), Want::Array, &found);
                Vec::new()
            }
        }
    }

    fn raw_string(&mut self, v: Leaf, path: &str, key: &str, required: bool) -> Option<String> {
        match present(v) {
            None => {
                if required {
                    self.missing_at(path, key);
                }
                None
            }
            Some(Scalar::String(s)) => Some(s),
            Some(other) => {
                if self.problems.is_full() {
                    self.problems.count_more(1);
                } else {
                    self.wrong(&join(path, key), Want::String, &other);
                }
                None
            }
        }
    }

    /// A required one-line text that must not be empty once cleaned.
    fn req_line(&mut self, v: Leaf, path: &str, key: &str) -> Option<String> {
        let s = sanitize_line_owned(self.raw_string(v, path, key, true)?);
        self.not_empty(s, path, key)
    }

    fn req_text(&mut self, v: Leaf, path: &str, key: &str) -> Option<String> {
        let s = sanitize_text_owned(self.raw_string(v, path, key, true)?);
        self.not_empty(s, path, key)
    }

    fn not_empty(&mut self, s: String, path: &str, key: &str) -> Option<String> {
        if s.trim().is_empty() {
            self.problems
                .report(|| Problem::at(join(path, key), crate::t!("error-empty")));
            return None;
        }
        Some(s)
    }

    /// An optional one-line text; empty counts as absent.
    fn opt_line(&mut self, v: Leaf, path: &str, key: &str) -> Option<String> {
        Some(sanitize_line_owned(self.raw_string(v, path, key, false)?))
            .filter(|s| !s.trim().is_empty())
    }

    fn opt_text(&mut self, v: Leaf, path: &str, key: &str) -> Option<String> {
        Some(sanitize_text_owned(self.raw_string(v, path, key, false)?))
            .filter(|s| !s.trim().is_empty())
    }

    fn opt_int(&mut self, v: Leaf, path: &str, key: &str) -> Result<Option<i64>, ()> {
        match present(v) {
            None => Ok(None),
            Some(Scalar::Number(n)) if n.parse::<i64>().is_ok() => Ok(n.parse().ok()),
            Some(other) => {
                self.wrong(&join(path, key), Want::Year, &other);
                Err(())
            }
        }
    }

    fn opt_count(&mut self, v: Leaf, path: &str, key: &str) -> Option<u64> {
        match present(v) {
            None => None,
            Some(Scalar::Number(n)) if n.parse::<u64>().is_ok() => n.parse().ok(),
            Some(other) => {
                self.wrong(&join(path, key), Want::Count, &other);
                None
            }
        }
    }

    fn date(&mut self, v: Leaf, path: &str, key: &str) -> Option<String> {
        let d = self.opt_line(v, path, key)?;
        self.date_ok(&d, &join(path, key)).then_some(d)
    }

    fn date_ok(&mut self, date: &str, path: &str) -> bool {
        match date_problem(date) {
            Some(why) => {
                self.problems
                    .report(|| Problem::at(path, why.message(date)));
                false
            }
            None => true,
        }
    }
}
