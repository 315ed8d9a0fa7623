//! From the parsed corpus to the model: checks each field's presence, type
//! and form, records a problem with its JSON path for every one that is
//! wrong, and cleans every text on the way in (see `text::sanitize`).
//!
//! Ids are collected in a first pass over the raw items, so duplicate ids
//! and articles pointing at unknown cities are found even in items that are
//! broken in other ways: every problem is reported in one run. An item with
//! a broken required field is left out of the result.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::error::Problem;
use super::model::*;
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
    pub fn into_corpus(self) -> Corpus {
        Corpus::new(
            self.schema.unwrap_or(SCHEMA_VERSION),
            self.title,
            self.cities,
            self.articles,
            self.network,
        )
    }
}

pub(super) fn convert(raw: Obj<RawCorpus>, problems: &mut Vec<Problem>) -> Parts {
    let mut parts = Parts {
        schema: None,
        title: None,
        cities: Vec::new(),
        articles: Vec::new(),
        network: Network::default(),
    };
    let root = match raw {
        Obj::Ok(root) => root,
        Obj::Wrong(found) => {
            problems.push(Problem::file(format!(
                "expected a JSON object at the top level, found {found}"
            )));
            return parts;
        }
    };
    let mut f = Fields { problems };

    parts.schema = f.schema(root.schema);
    parts.title = f.opt_line(root.title, "", "title");
    let cities = f.req_list(root.cities, "", "cities");
    let articles = f.req_list(root.articles, "", "articles");
    let city_ids = cities.as_deref().map(|items| {
        f.ids(
            items.iter().map(|c| c.as_ref().and_then(|c| c.id.as_ref())),
            "cities",
            None,
        )
    });
    if let Some(items) = &articles {
        f.ids(
            items.iter().map(|a| a.as_ref().and_then(|a| a.id.as_ref())),
            "articles",
            city_ids.as_ref(),
        );
    }
    for (i, item) in cities.into_iter().flatten().enumerate() {
        let path = format!("cities[{i}]");
        if let Some(c) = f.object(item, &path) {
            parts.cities.extend(f.city(c, &path));
        }
    }
    for (i, item) in articles.into_iter().flatten().enumerate() {
        let path = format!("articles[{i}]");
        if let Some(a) = f.object(item, &path) {
            parts
                .articles
                .extend(f.article(a, &path, city_ids.as_ref()));
        }
    }
    if let Some(n) = root.network.and_then(|n| f.object(n, "network")) {
        parts.network = f.network(n);
    }
    parts
}

impl<T> Obj<T> {
    fn as_ref(&self) -> Option<&T> {
        match self {
            Obj::Ok(t) => Some(t),
            Obj::Wrong(_) => None,
        }
    }
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
    v.filter(|v| !v.is_null())
}

struct Fields<'a> {
    problems: &'a mut Vec<Problem>,
}

impl Fields<'_> {
    fn wrong(&mut self, path: &str, expected: &str, found: &str) {
        self.problems.push(Problem::at(
            path,
            format!("expected {expected}, found {found}"),
        ));
    }

    fn wrong_type(&mut self, path: &str, expected: &str, found: &Value) {
        self.wrong(path, expected, &describe(found));
    }

    fn missing(&mut self, path: &str) {
        self.problems
            .push(Problem::at(path, "missing required field"));
    }

    fn object<T>(&mut self, v: Obj<T>, path: &str) -> Option<T> {
        match v {
            Obj::Ok(t) => Some(t),
            Obj::Wrong(found) => {
                self.wrong(path, "an object", &found);
                None
            }
        }
    }

    /// The ids of the raw items (cities or articles): reports duplicates and
    /// ids with spaces, and article ids that are also city ids.
    fn ids<'v>(
        &mut self,
        items: impl Iterator<Item = Option<&'v Value>>,
        what: &str,
        city_ids: Option<&HashSet<String>>,
    ) -> HashSet<String> {
        let mut first: HashMap<String, usize> = HashMap::new();
        for (i, item) in items.enumerate() {
            let Some(Value::String(raw)) = item else {
                continue;
            };
            let id = sanitize_line(raw);
            if id.is_empty() {
                continue;
            }
            let path = format!("{what}[{i}].id");
            if id.chars().any(char::is_whitespace) {
                self.problems.push(Problem::at(
                    &path,
                    format!("{id:?} contains a space; ids are single words"),
                ));
            }
            if city_ids.is_some_and(|c| c.contains(&id)) {
                self.problems.push(Problem::at(
                    &path,
                    format!(
                        "{id:?} is also a city's id; ids must be unique across cities and articles"
                    ),
                ));
            }
            match first.get(&id) {
                Some(j) => self.problems.push(Problem::at(
                    &path,
                    format!("duplicate id {id:?} (also {what}[{j}])"),
                )),
                None => {
                    first.insert(id, i);
                }
            }
        }
        first.into_keys().collect()
    }

    fn schema(&mut self, v: Leaf) -> Option<u64> {
        match present(v) {
            None => {
                self.problems.push(Problem::at(
                    "schema",
                    format!("missing required field (this program reads schema {SCHEMA_VERSION})"),
                ));
                None
            }
            Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v >= 1) => n.as_u64(),
            Some(other) => {
                self.wrong_type("schema", "a whole number from 1", &other);
                None
            }
        }
    }

    fn req_list<T>(&mut self, v: Option<List<T>>, path: &str, key: &str) -> Option<Vec<T>> {
        match v {
            None => {
                self.missing(&join(path, key));
                None
            }
            Some(List::Ok(items)) => Some(items),
            Some(List::Wrong(found)) => {
                self.wrong(&join(path, key), "an array", &found);
                None
            }
        }
    }

    fn opt_list<T>(&mut self, v: Option<List<T>>, path: &str, key: &str) -> Vec<T> {
        match v {
            None => Vec::new(),
            Some(List::Ok(items)) => items,
            Some(List::Wrong(found)) => {
                self.wrong(&join(path, key), "an array", &found);
                Vec::new()
            }
        }
    }

    fn raw_string(&mut self, v: Leaf, path: &str, key: &str, required: bool) -> Option<String> {
        match present(v) {
            None => {
                if required {
                    self.missing(&join(path, key));
                }
                None
            }
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                self.wrong_type(&join(path, key), "a string", &other);
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
                .push(Problem::at(join(path, key), "must not be empty"));
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
            Some(Value::Number(n)) if n.as_i64().is_some() => Ok(n.as_i64()),
            Some(other) => {
                self.wrong_type(&join(path, key), "a whole number or null", &other);
                Err(())
            }
        }
    }

    fn opt_count(&mut self, v: Leaf, path: &str, key: &str) -> Option<u64> {
        match present(v) {
            None => None,
            Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64(),
            Some(other) => {
                self.wrong_type(&join(path, key), "a whole number from 0, or null", &other);
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
                self.problems.push(Problem::at(path, why));
                false
            }
            None => true,
        }
    }

    fn city(&mut self, c: RawCity, path: &str) -> Option<City> {
        let id = self.req_line(c.id, path, "id");
        let name = self.req_line(c.name, path, "name");
        let country = self.req_line(c.country, path, "country");
        let region = self.opt_line(c.region, path, "region");
        let joined = self.opt_int(c.joined, path, "joined");
        if let Ok(Some(year)) = joined {
            if let Some(why) = joined_problem(year) {
                self.problems.push(Problem::at(join(path, "joined"), why));
            }
        }
        let notes = self.opt_text(c.notes, path, "notes");
        let mut sources = Vec::new();
        for (i, item) in self
            .opt_list(c.sources, path, "sources")
            .into_iter()
            .enumerate()
        {
            let p = format!("{path}.sources[{i}]");
            if let Some(s) = self.object(item, &p) {
                let link = Link {
                    title: self.opt_line(s.title, &p, "title"),
                    url: self.opt_line(s.url, &p, "url"),
                };
                if link.title.is_some() || link.url.is_some() {
                    sources.push(link);
                }
            }
        }
        Some(City {
            id: id?,
            name: name?,
            country: country?,
            region,
            joined: joined.ok()?,
            notes,
            sources,
        })
    }

    fn article(
        &mut self,
        a: RawArticle,
        path: &str,
        city_ids: Option<&HashSet<String>>,
    ) -> Option<Article> {
        let id = self.req_line(a.id, path, "id");
        let city = self.req_line(a.city, path, "city");
        // Without a cities array every article would be an orphan: one
        // problem about the array is enough.
        if let (Some(city), Some(ids)) = (&city, city_ids) {
            if !ids.contains(city) {
                let mut msg = format!("no city with id {city:?}");
                if let Some(best) = closest(city, ids.iter().map(String::as_str), 1).first() {
                    msg.push_str(&format!("; did you mean {best:?}?"));
                }
                self.problems.push(Problem::at(join(path, "city"), msg));
            }
        }
        let title = self.req_line(a.title, path, "title");
        let lang = self.opt_line(a.lang, path, "lang");
        let published = self.date(a.published, path, "published");
        let source = a.source.and_then(|s| {
            let p = join(path, "source");
            self.object(s, &p)
                .map(|s| Publisher {
                    name: self.opt_line(s.name, &p, "name"),
                    url: self.opt_line(s.url, &p, "url"),
                })
                .filter(|p| p.name.is_some() || p.url.is_some())
        });
        let summary = self.opt_text(a.summary, path, "summary");
        let body = self.body(a.body, path);
        let mut figures = Vec::new();
        for (i, item) in self
            .opt_list(a.figures, path, "figures")
            .into_iter()
            .enumerate()
        {
            let p = format!("{path}.figures[{i}]");
            if let Some(fig) = self
                .object(item, &p)
                .and_then(|f| self.figure(f, &p, body.as_deref()))
            {
                figures.push(fig);
            }
        }
        Some(Article {
            id: id?,
            city: city?,
            title: title?,
            lang,
            published,
            source,
            summary,
            body: body?,
            figures,
        })
    }

    fn body(&mut self, v: Option<List<Obj<RawBlock>>>, path: &str) -> Option<Vec<Block>> {
        let items = self.req_list(v, path, "body")?;
        if items.is_empty() {
            self.problems.push(Problem::at(
                join(path, "body"),
                "must have at least one block",
            ));
            return None;
        }
        let mut blocks = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.into_iter().enumerate() {
            let p = format!("{path}.body[{i}]");
            let Some(b) = self.object(item, &p) else {
                ok = false;
                continue;
            };
            let kind = self.raw_string(b.kind, &p, "kind", true).and_then(|k| {
                let kind = BlockKind::parse(&k);
                if kind.is_none() {
                    self.problems.push(Problem::at(
                        join(&p, "kind"),
                        format!("unknown block kind {k:?}; expected \"heading\", \"paragraph\" or \"quote\""),
                    ));
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
    /// show that a quote is missing from it.
    fn figure(&mut self, f: RawFigure, path: &str, body: Option<&[Block]>) -> Option<Figure> {
        let label = self.req_line(f.label, path, "label");
        let value = match present(f.value) {
            Some(Value::Number(n)) => n.as_f64(),
            None => {
                self.missing(&join(path, "value"));
                None
            }
            Some(other) => {
                self.wrong_type(&join(path, "value"), "a number", &other);
                None
            }
        };
        let qualifier = self.opt_line(f.qualifier, path, "qualifier");
        let unit = self.opt_line(f.unit, path, "unit");
        let quote = self.req_text(f.quote, path, "quote");
        if let (Some(q), Some(body)) = (&quote, body) {
            if !body.iter().any(|b| b.text.contains(q.as_str())) {
                self.problems.push(Problem::at(
                    join(path, "quote"),
                    "does not occur in the article's body; quote the sentence exactly",
                ));
            }
        }
        Some(Figure {
            label: label?,
            value: value?,
            qualifier,
            unit,
            quote: quote?,
        })
    }

    fn network(&mut self, n: RawNetwork) -> Network {
        let name = self.opt_line(n.name, "network", "name");
        let mut timeline = Vec::new();
        for (i, item) in self
            .opt_list(n.timeline, "network", "timeline")
            .into_iter()
            .enumerate()
        {
            let p = format!("network.timeline[{i}]");
            let Some(e) = self.object(item, &p) else {
                continue;
            };
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
        Network { name, timeline }
    }
}
