//! The corpus model: what a loaded, checked and cleaned corpus holds.
//! Field names match the JSON format (docs/corpus-format.md), so `--json`
//! output of a city or an article reads like the corpus itself.

use serde::Serialize;

/// The newest corpus schema this program understands.
pub const SCHEMA_VERSION: u64 = 2;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct City {
    pub id: String,
    pub name: String,
    /// The name in the city's own script or language ("대구", "Lisboa").
    pub name_local: Option<String>,
    /// Unknown for a few directory entries ("San José": no source says which).
    pub country: Option<String>,
    pub region: Option<String>,
    pub joined: Option<i64>,
    pub status: Option<Status>,
    pub notes: Option<String>,
    pub sources: Vec<Link>,
    /// Boxed: most cities of a large corpus have none, and a city is kept
    /// for every item of the file.
    pub coords: Option<Box<Coords>>,
}

impl City {
    /// The country, or a dash where no source names it.
    pub fn country_or_dash(&self) -> &str {
        self.country.as_deref().unwrap_or("—")
    }
}

/// How well the membership of a city is sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Named by an official UIL/UNESCO page, or by two independent sources
    /// that agree on the year.
    Confirmed,
    /// One non-official source.
    SingleSource,
    /// Sources disagree on the year, the country or the membership.
    Disputed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Confirmed, Status::SingleSource, Status::Disputed];

    /// As the corpus writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::SingleSource => "single-source",
            Status::Disputed => "disputed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// For people: "confirmed", "one source", "sources disagree" (in the
    /// interface's language).
    pub fn in_words(self) -> &'static str {
        crate::i18n::label(match self {
            Status::Confirmed => "status-confirmed",
            Status::SingleSource => "status-single-source",
            Status::Disputed => "status-disputed",
        })
    }
}

/// Where a city is, in degrees (WGS 84), and how the place was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coords {
    pub lat: f64,
    pub lon: f64,
    /// The GeoNames place the city was matched to.
    pub geonames_id: Option<u64>,
    pub place: Option<String>,
    /// How it was matched: "exact", "folded", "alternate", "seat", "ambiguous".
    #[serde(rename = "match")]
    pub matched: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub title: Option<String>,
    pub url: Option<String>,
}

impl Link {
    /// How a source is shown: its title and its address, or whichever it has.
    /// The loader keeps no link that has neither.
    pub fn text(&self) -> String {
        match (&self.title, &self.url) {
            (Some(t), Some(u)) => format!("{t} — {u}"),
            (Some(t), None) => t.clone(),
            (None, Some(u)) => u.clone(),
            (None, None) => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Publisher {
    pub name: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
    Quote,
}

impl BlockKind {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "heading" => Some(Self::Heading),
            "paragraph" => Some(Self::Paragraph),
            "quote" => Some(Self::Quote),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub label: String,
    /// The number, for arithmetic and display.
    #[serde(skip)]
    pub value: f64,
    /// The number as the corpus writes it, for JSON output.
    #[serde(rename = "value", serialize_with = "as_written")]
    pub written: String,
    /// How the text qualifies the number: "more than", "about".
    pub qualifier: Option<String>,
    pub unit: Option<String>,
    pub quote: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    pub id: String,
    pub city: String,
    pub title: String,
    pub lang: Option<String>,
    pub published: Option<String>,
    pub source: Option<Publisher>,
    pub summary: Option<String>,
    pub body: Body,
    pub figures: Vec<Figure>,
}

/// Where the blocks of a body not yet read are kept: the cache file.
pub trait BodyStore: Send + Sync + std::fmt::Debug {
    /// The blocks of article `article`; empty when they cannot be read
    /// (the store says why elsewhere).
    fn blocks(&self, article: u32) -> Vec<Block>;
}

/// An article's blocks: in memory once read. A corpus opened from the cache
/// reads each body on first use, so opening a large archive costs what its
/// titles and figures cost, not what its texts do.
#[derive(Clone, Default)]
pub struct Body {
    blocks: std::sync::OnceLock<Vec<Block>>,
    store: Option<(std::sync::Arc<dyn BodyStore>, u32)>,
}

impl Body {
    /// A body read on first use from `store`.
    pub fn stored(store: std::sync::Arc<dyn BodyStore>, article: u32) -> Self {
        Body {
            blocks: std::sync::OnceLock::new(),
            store: Some((store, article)),
        }
    }

    /// True while the blocks are still in the store.
    pub fn is_unread(&self) -> bool {
        self.blocks.get().is_none()
    }
}

impl From<Vec<Block>> for Body {
    fn from(blocks: Vec<Block>) -> Self {
        Body {
            blocks: std::sync::OnceLock::from(blocks),
            store: None,
        }
    }
}

impl std::ops::Deref for Body {
    type Target = [Block];
    fn deref(&self) -> &[Block] {
        self.blocks.get_or_init(|| match &self.store {
            Some((store, i)) => store.blocks(*i),
            None => Vec::new(),
        })
    }
}

impl<'a> IntoIterator for &'a Body {
    type Item = &'a Block;
    type IntoIter = std::slice::Iter<'a, Block>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEvent {
    pub date: String,
    pub cities: Option<u64>,
    pub countries: Option<u64>,
    pub event: Option<String>,
    pub source: Option<String>,
}

/// One admission round of the network: what was announced, and the
/// network's size after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Round {
    pub year: i64,
    pub date: Option<String>,
    pub announced_new: Option<u64>,
    pub announced_countries: Option<u64>,
    pub network_total: Option<u64>,
    pub network_countries: Option<u64>,
    pub note: Option<String>,
    pub sources: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Network {
    pub name: Option<String>,
    pub timeline: Vec<TimelineEvent>,
    /// Admission rounds, oldest first.
    pub rounds: Vec<Round>,
}

impl Network {
    /// The latest round with a network total: the network's size as last
    /// announced.
    pub fn latest_total(&self) -> Option<&Round> {
        self.rounds
            .iter()
            .filter(|r| r.network_total.is_some())
            .max_by_key(|r| (r.year, r.date.clone()))
    }
}

/// Writes a number as the corpus wrote it (`99999999999999999999`, not
/// `1e+20`; `2.02e3`, not `2020.0`). The loader only keeps text that parsed
/// as a JSON number.
pub fn as_written<S: serde::Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::Error;
    let raw =
        serde_json::value::RawValue::from_string(text.to_owned()).map_err(S::Error::custom)?;
    serde::Serialize::serialize(&raw, s)
}

/// `Corpus::article_city` of an article whose city is not listed.
const NO_CITY: u32 = u32::MAX;

/// The city an entry of `Corpus::article_city` names, if any.
fn listed(city: u32) -> Option<usize> {
    (city != NO_CITY).then_some(city as usize)
}

/// A checked corpus with its look-up tables.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub schema: u64,
    pub title: Option<String>,
    pub cities: Vec<City>,
    pub articles: Vec<Article>,
    pub network: Network,
    city_by_id: IdTable,
    article_by_id: IdTable,
    /// The reports of each city, city after city: those of city `c` are
    /// `city_articles[city_starts[c]..city_starts[c + 1]]`. (A list per
    /// city took 24 bytes a city, and an allocation for each with reports.)
    city_starts: Vec<usize>,
    city_articles: Vec<usize>,
    /// Each article's city (`NO_CITY` for none): `city_of` is asked per
    /// hit and per row, a look-up by id string each time otherwise.
    article_city: Vec<u32>,
    /// What the loader estimated the corpus takes, and the budget it had.
    budget: Option<super::Left>,
}

/// Positions by id, keyed by the ids where they already are (in the cities
/// and articles) rather than by copies: a large corpus opened from the cache
/// would otherwise copy every id once more. foldhash with a key drawn per
/// process: ids come from files, which may be made to collide, and SipHash
/// (std's) took a tenth of a warm start at 100 000 reports.
#[derive(Debug, Clone, Default)]
struct IdTable {
    table: hashbrown::HashTable<u32>,
    state: foldhash::fast::RandomState,
}

impl IdTable {
    /// The first position of each id wins.
    fn new<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Self {
        use std::hash::BuildHasher;
        let state = foldhash::fast::RandomState::default();
        let mut table = hashbrown::HashTable::with_capacity(ids.len());
        let all: Vec<&str> = ids.collect();
        for (i, id) in all.iter().enumerate() {
            let h = state.hash_one(id);
            if table.find(h, |&j: &u32| all[j as usize] == *id).is_none() {
                table.insert_unique(h, i as u32, |&j| state.hash_one(all[j as usize]));
            }
        }
        IdTable { table, state }
    }

    fn hash(&self, id: &str) -> u64 {
        std::hash::BuildHasher::hash_one(&self.state, id)
    }

    fn get<'a>(&self, id: &str, id_of: impl Fn(usize) -> &'a str) -> Option<usize> {
        self.table
            .find(self.hash(id), |&j| id_of(j as usize) == id)
            .map(|&j| j as usize)
    }
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    City(usize),
    Article(usize),
}

impl Corpus {
    /// Builds the look-up tables. The loader has already checked that ids are
    /// unique and that every article's city exists; should they not be, the
    /// first city with an id wins and orphan articles belong to no city.
    pub fn new(
        schema: u64,
        title: Option<String>,
        cities: Vec<City>,
        articles: Vec<Article>,
        network: Network,
    ) -> Self {
        let city_by_id = IdTable::new(cities.iter().map(|c| c.id.as_str()));
        let article_by_id = IdTable::new(articles.iter().map(|a| a.id.as_str()));
        let article_city: Vec<u32> = articles
            .iter()
            .map(|a| {
                city_by_id
                    .get(&a.city, |c| &cities[c].id)
                    .map_or(NO_CITY, |c| c as u32)
            })
            .collect();
        let city_of = || article_city.iter().map(|&c| listed(c));
        let mut city_starts = vec![0; cities.len() + 1];
        for c in city_of().flatten() {
            city_starts[c + 1] += 1;
        }
        for c in 0..cities.len() {
            city_starts[c + 1] += city_starts[c];
        }
        let mut next = city_starts.clone();
        let mut city_articles = vec![0; city_starts[cities.len()]];
        for (i, c) in city_of().enumerate() {
            if let Some(c) = c {
                city_articles[next[c]] = i;
                next[c] += 1;
            }
        }
        Corpus {
            schema,
            title,
            cities,
            articles,
            network,
            city_by_id,
            article_by_id,
            city_starts,
            city_articles,
            article_city,
            budget: None,
        }
    }

    /// The corpus as the loader made it, within `budget`.
    pub(super) fn with_budget(mut self, budget: super::Left) -> Self {
        self.budget = Some(budget);
        self
    }

    /// What the loader estimated this corpus takes in memory, and what it
    /// may take with its index; `None` for a corpus not read from a file
    /// (the bundled one) or opened from the cache.
    pub fn budget(&self) -> Option<super::Left> {
        self.budget
    }

    pub fn city_index(&self, id: &str) -> Option<usize> {
        self.city_by_id.get(id, |c| &self.cities[c].id)
    }

    pub fn article_index(&self, id: &str) -> Option<usize> {
        self.article_by_id.get(id, |a| &self.articles[a].id)
    }

    /// The city an article belongs to.
    pub fn city_of(&self, article: usize) -> Option<usize> {
        listed(self.article_city[article])
    }

    /// Indices of a city's articles, in corpus order.
    pub fn articles_of(&self, city: usize) -> &[usize] {
        &self.city_articles[self.city_starts[city]..self.city_starts[city + 1]]
    }

    /// Finds a city or an article by id (ids are unique across both).
    pub fn lookup(&self, id: &str) -> Option<Entry> {
        self.city_index(id)
            .map(Entry::City)
            .or_else(|| self.article_index(id).map(Entry::Article))
    }

    /// Every id, cities first: for suggestions when an id is not found.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.cities
            .iter()
            .map(|c| c.id.as_str())
            .chain(self.articles.iter().map(|a| a.id.as_str()))
    }
}
