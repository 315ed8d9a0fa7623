//! From parsed JSON to the model: checks each field's presence, type and
//! form, records a problem with its JSON path for every one that is wrong,
//! and cleans every text on the way in (see `text::sanitize`).
//!
//! Ids are collected in a first pass over the raw items, so duplicate ids
//! and articles pointing at unknown cities are found even in items that are
//! broken in other ways: every problem is reported in one run. An item with
//! a broken required field is left out of the result.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::error::Problem;
use super::model::*;
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

pub(super) fn convert(value: Value, problems: &mut Vec<Problem>) -> Parts {
    let mut parts = Parts {
        schema: None,
        title: None,
        cities: Vec::new(),
        articles: Vec::new(),
        network: Network::default(),
    };
    let mut root = match value {
        Value::Object(m) => m,
        other => {
            problems.push(Problem::file(format!(
                "expected a JSON object at the top level, found {}",
                describe(&other)
            )));
            return parts;
        }
    };
    let mut f = Fields { problems };

    parts.schema = f.schema(&mut root);
    parts.title = f.opt_line(&mut root, "", "title");
    let cities = f.req_array(&mut root, "", "cities");
    let articles = f.req_array(&mut root, "", "articles");
    let city_ids = cities.as_deref().map(|items| f.ids(items, "cities", None));
    if let Some(items) = &articles {
        f.ids(items, "articles", city_ids.as_ref());
    }
    for (i, v) in cities.into_iter().flatten().enumerate() {
        let path = format!("cities[{i}]");
        if let Some(mut m) = f.object(v, &path) {
            parts.cities.extend(f.city(&mut m, &path));
        }
    }
    for (i, v) in articles.into_iter().flatten().enumerate() {
        let path = format!("articles[{i}]");
        if let Some(mut m) = f.object(v, &path) {
            parts
                .articles
                .extend(f.article(&mut m, &path, city_ids.as_ref()));
        }
    }
    if let Some(v) = take_present(&mut root, "network") {
        if let Some(mut m) = f.object(v, "network") {
            parts.network = f.network(&mut m);
        }
    }
    parts
}

/// What was found instead, for messages: numbers by their value.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Number(n) => n.to_string(),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Removes `key`, treating an explicit `null` like an absent field.
fn take_present(m: &mut Map<String, Value>, key: &str) -> Option<Value> {
    m.remove(key).filter(|v| !v.is_null())
}

struct Fields<'a> {
    problems: &'a mut Vec<Problem>,
}

impl Fields<'_> {
    fn wrong_type(&mut self, path: &str, expected: &str, found: &Value) {
        self.problems.push(Problem::at(
            path,
            format!("expected {expected}, found {}", describe(found)),
        ));
    }

    fn missing(&mut self, path: &str) {
        self.problems
            .push(Problem::at(path, "missing required field"));
    }

    fn object(&mut self, v: Value, path: &str) -> Option<Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.wrong_type(path, "an object", &other);
                None
            }
        }
    }

    /// The ids of raw `items` (cities or articles): reports duplicates and
    /// ids with spaces, and article ids that are also city ids.
    fn ids(
        &mut self,
        items: &[Value],
        what: &str,
        city_ids: Option<&HashSet<String>>,
    ) -> HashSet<String> {
        let mut first: HashMap<String, usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let Some(Value::String(raw)) = item.get("id") else {
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

    fn schema(&mut self, root: &mut Map<String, Value>) -> Option<u64> {
        match root.remove("schema") {
            None | Some(Value::Null) => {
                self.problems.push(Problem::at(
                    "schema",
                    format!("missing required field (this program reads schema {SCHEMA_VERSION})"),
                ));
                None
            }
            Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v >= 1) => n.as_u64(),
            Some(Value::Number(n)) => {
                self.problems.push(Problem::at(
                    "schema",
                    format!("expected a whole number from 1, found {n}"),
                ));
                None
            }
            Some(other) => {
                self.wrong_type("schema", "a whole number from 1", &other);
                None
            }
        }
    }

    fn req_array(
        &mut self,
        m: &mut Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<Vec<Value>> {
        let p = join(path, key);
        match m.remove(key) {
            None | Some(Value::Null) => {
                self.missing(&p);
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.wrong_type(&p, "an array", &other);
                None
            }
        }
    }

    fn opt_array(&mut self, m: &mut Map<String, Value>, path: &str, key: &str) -> Vec<Value> {
        match take_present(m, key) {
            None => Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(&join(path, key), "an array", &other);
                Vec::new()
            }
        }
    }

    fn raw_string(
        &mut self,
        m: &mut Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<String> {
        match take_present(m, key) {
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
    fn req_line(&mut self, m: &mut Map<String, Value>, path: &str, key: &str) -> Option<String> {
        let s = sanitize_line_owned(self.raw_string(m, path, key, true)?);
        if s.trim().is_empty() {
            self.problems
                .push(Problem::at(join(path, key), "must not be empty"));
            return None;
        }
        Some(s)
    }

    fn req_text(&mut self, m: &mut Map<String, Value>, path: &str, key: &str) -> Option<String> {
        let s = sanitize_text_owned(self.raw_string(m, path, key, true)?);
        if s.trim().is_empty() {
            self.problems
                .push(Problem::at(join(path, key), "must not be empty"));
            return None;
        }
        Some(s)
    }

    /// An optional one-line text; empty counts as absent.
    fn opt_line(&mut self, m: &mut Map<String, Value>, path: &str, key: &str) -> Option<String> {
        Some(sanitize_line_owned(self.raw_string(m, path, key, false)?))
            .filter(|s| !s.trim().is_empty())
    }

    fn opt_text(&mut self, m: &mut Map<String, Value>, path: &str, key: &str) -> Option<String> {
        Some(sanitize_text_owned(self.raw_string(m, path, key, false)?))
            .filter(|s| !s.trim().is_empty())
    }

    fn opt_int(
        &mut self,
        m: &mut Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Result<Option<i64>, ()> {
        match take_present(m, key) {
            None => Ok(None),
            Some(Value::Number(n)) if n.as_i64().is_some() => Ok(n.as_i64()),
            Some(other) => {
                self.wrong_type(&join(path, key), "a whole number or null", &other);
                Err(())
            }
        }
    }

    fn opt_count(&mut self, m: &mut Map<String, Value>, path: &str, key: &str) -> Option<u64> {
        match take_present(m, key) {
            None => None,
            Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64(),
            Some(other) => {
                self.wrong_type(&join(path, key), "a whole number from 0, or null", &other);
                None
            }
        }
    }

    fn date(&mut self, m: &mut Map<String, Value>, path: &str, key: &str) -> Option<String> {
        let d = self.opt_line(m, path, key)?;
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

    fn city(&mut self, m: &mut Map<String, Value>, path: &str) -> Option<City> {
        let id = self.req_line(m, path, "id");
        let name = self.req_line(m, path, "name");
        let country = self.req_line(m, path, "country");
        let region = self.opt_line(m, path, "region");
        let joined = self.opt_int(m, path, "joined");
        if let Ok(Some(year)) = joined {
            if let Some(why) = joined_problem(year) {
                self.problems.push(Problem::at(join(path, "joined"), why));
            }
        }
        let notes = self.opt_text(m, path, "notes");
        let mut sources = Vec::new();
        for (i, v) in self.opt_array(m, path, "sources").into_iter().enumerate() {
            let p = format!("{path}.sources[{i}]");
            if let Some(mut s) = self.object(v, &p) {
                let link = Link {
                    title: self.opt_line(&mut s, &p, "title"),
                    url: self.opt_line(&mut s, &p, "url"),
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
        m: &mut Map<String, Value>,
        path: &str,
        city_ids: Option<&HashSet<String>>,
    ) -> Option<Article> {
        let id = self.req_line(m, path, "id");
        let city = self.req_line(m, path, "city");
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
        let title = self.req_line(m, path, "title");
        let lang = self.opt_line(m, path, "lang");
        let published = self.date(m, path, "published");
        let source = match take_present(m, "source") {
            None => None,
            Some(v) => {
                let p = join(path, "source");
                self.object(v, &p)
                    .map(|mut s| Publisher {
                        name: self.opt_line(&mut s, &p, "name"),
                        url: self.opt_line(&mut s, &p, "url"),
                    })
                    .filter(|p| p.name.is_some() || p.url.is_some())
            }
        };
        let summary = self.opt_text(m, path, "summary");
        let body = self.body(m, path);
        let mut figures = Vec::new();
        for (i, v) in self.opt_array(m, path, "figures").into_iter().enumerate() {
            let p = format!("{path}.figures[{i}]");
            if let Some(mut f) = self.object(v, &p) {
                if let Some(fig) = self.figure(&mut f, &p) {
                    // Only a whole body can show that a quote is missing.
                    if body
                        .as_ref()
                        .is_some_and(|b| !b.iter().any(|b| b.text.contains(&fig.quote)))
                    {
                        self.problems.push(Problem::at(
                            format!("{p}.quote"),
                            "does not occur in the article's body; quote the sentence exactly",
                        ));
                    }
                    figures.push(fig);
                }
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

    fn body(&mut self, m: &mut Map<String, Value>, path: &str) -> Option<Vec<Block>> {
        let items = self.req_array(m, path, "body")?;
        if items.is_empty() {
            self.problems.push(Problem::at(
                join(path, "body"),
                "must have at least one block",
            ));
            return None;
        }
        let mut blocks = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, v) in items.into_iter().enumerate() {
            let p = format!("{path}.body[{i}]");
            let Some(mut b) = self.object(v, &p) else {
                ok = false;
                continue;
            };
            let kind = self.raw_string(&mut b, &p, "kind", true).and_then(|k| {
                let kind = BlockKind::parse(&k);
                if kind.is_none() {
                    self.problems.push(Problem::at(
                        join(&p, "kind"),
                        format!("unknown block kind {k:?}; expected \"heading\", \"paragraph\" or \"quote\""),
                    ));
                }
                kind
            });
            let text = self.req_text(&mut b, &p, "text");
            match (kind, text) {
                (Some(kind), Some(text)) => blocks.push(Block { kind, text }),
                _ => ok = false,
            }
        }
        ok.then_some(blocks)
    }

    fn figure(&mut self, m: &mut Map<String, Value>, path: &str) -> Option<Figure> {
        let label = self.req_line(m, path, "label");
        let value = match m.remove("value") {
            Some(Value::Number(n)) => n.as_f64(),
            None | Some(Value::Null) => {
                self.missing(&join(path, "value"));
                None
            }
            Some(other) => {
                self.wrong_type(&join(path, "value"), "a number", &other);
                None
            }
        };
        let unit = self.opt_line(m, path, "unit");
        let quote = self.req_text(m, path, "quote");
        Some(Figure {
            label: label?,
            value: value?,
            unit,
            quote: quote?,
        })
    }

    fn network(&mut self, m: &mut Map<String, Value>) -> Network {
        let name = self.opt_line(m, "network", "name");
        let mut timeline = Vec::new();
        for (i, v) in self
            .opt_array(m, "network", "timeline")
            .into_iter()
            .enumerate()
        {
            let p = format!("network.timeline[{i}]");
            if let Some(mut e) = self.object(v, &p) {
                let date = self
                    .req_line(&mut e, &p, "date")
                    .filter(|d| self.date_ok(d, &join(&p, "date")));
                let cities = self.opt_count(&mut e, &p, "cities");
                let countries = self.opt_count(&mut e, &p, "countries");
                let event = self.opt_line(&mut e, &p, "event");
                let source = self.opt_line(&mut e, &p, "source");
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
        }
        Network { name, timeline }
    }
}
