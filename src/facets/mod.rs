//! Facets: filters of the city list by region, country, join year, status
//! and what a city has (reports, a place on the map). The search line takes
//! them as words (`region:africa joined:<2020 has:report`), the command line
//! as options (`list --region africa`); both end here, so they filter alike.
//!
//! A facet word is `[-]name:value[,value…]`: values of one word are
//! alternatives, words are all required, `-` excludes. Text values (region,
//! country) are matched folded, by whole value or by the first letters of
//! their words (`korea`, `asia`); a value with spaces is quoted.

pub mod complete;
pub mod tokens;
pub mod values;

use crate::corpus::{Corpus, Status};
pub use values::Values;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Region,
    Country,
    Joined,
    Status,
    Has,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Region,
        Facet::Country,
        Facet::Joined,
        Facet::Status,
        Facet::Has,
    ];

    /// The word before the colon.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Region => "region",
            Facet::Country => "country",
            Facet::Joined => "joined",
            Facet::Status => "status",
            Facet::Has => "has",
        }
    }

    /// How it is headed in the picker (in the interface's language).
    pub fn title(self) -> &'static str {
        crate::i18n::label(match self {
            Facet::Region => "facet-region",
            Facet::Country => "facet-country",
            Facet::Joined => "facet-joined",
            Facet::Status => "facet-status",
            Facet::Has => "facet-has",
        })
    }

    /// The facet a query word names (ASCII case ignored).
    pub fn parse(name: &str) -> Option<Facet> {
        Facet::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// What the values look like, for messages (in the interface's
    /// language; the values themselves as they are typed).
    pub fn expects(self) -> &'static str {
        crate::i18n::label(match self {
            Facet::Region | Facet::Country => "facet-expects-name",
            Facet::Joined => "facet-expects-year",
            Facet::Status => "facet-expects-status",
            Facet::Has => "facet-expects-has",
        })
    }
}

/// A join-year condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Years {
    /// From..=to.
    Range(i64, i64),
    Unknown,
}

impl Years {
    fn parse(s: &str) -> Option<Years> {
        let s = s.trim();
        let year = |t: &str| {
            let t = t.trim();
            (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse::<i64>().ok())
                .flatten()
        };
        if ["unknown", "?", "none"]
            .iter()
            .any(|u| s.eq_ignore_ascii_case(u))
        {
            return Some(Years::Unknown);
        }
        let r = if let Some(t) = s.strip_prefix("<=") {
            Years::Range(i64::MIN, year(t)?)
        } else if let Some(t) = s.strip_prefix(">=") {
            Years::Range(year(t)?, i64::MAX)
        } else if let Some(t) = s.strip_prefix('<') {
            Years::Range(i64::MIN, year(t)? - 1)
        } else if let Some(t) = s.strip_prefix('>') {
            Years::Range(year(t)? + 1, i64::MAX)
        } else if let Some((a, b)) = s.split_once("..").or_else(|| s.split_once('-')) {
            let (a, b) = (year(a)?, year(b)?);
            Years::Range(a.min(b), a.max(b))
        } else {
            let y = year(s)?;
            Years::Range(y, y)
        };
        Some(r)
    }

    fn matches(self, joined: Option<i64>) -> bool {
        match (self, joined) {
            (Years::Unknown, j) => j.is_none(),
            (Years::Range(a, b), Some(y)) => a <= y && y <= b,
            (Years::Range(..), None) => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Has {
    Report,
    Coords,
    /// A report you bookmarked, or have not read (the reader's marks).
    Bookmark,
    Unread,
}

impl Has {
    pub const ALL: [Has; 4] = [Has::Report, Has::Coords, Has::Bookmark, Has::Unread];

    pub fn name(self) -> &'static str {
        match self {
            Has::Report => "report",
            Has::Coords => "coords",
            Has::Bookmark => "bookmark",
            Has::Unread => "unread",
        }
    }

    /// What it asks for, in words: "a report", "a place on the map".
    pub fn in_words(self) -> &'static str {
        crate::i18n::label(match self {
            Has::Report => "has-report",
            Has::Coords => "has-coords",
            Has::Bookmark => "has-bookmark",
            Has::Unread => "has-unread",
        })
    }

    /// Whether city `c` has it.
    pub fn of(self, corpus: &Corpus, values: &Values, c: usize) -> bool {
        match self {
            Has::Report => !corpus.articles_of(c).is_empty(),
            Has::Coords => corpus.cities[c].coords.is_some(),
            Has::Bookmark => values.personal.bookmarked.get(c).copied().unwrap_or(false),
            Has::Unread => values.personal.unread.get(c).copied().unwrap_or(false),
        }
    }

    fn parse(s: &str) -> Option<Has> {
        let s = s.to_ascii_lowercase();
        match s.as_str() {
            "report" | "reports" => Some(Has::Report),
            "coords" | "coordinates" | "map" | "place" => Some(Has::Coords),
            "bookmark" | "bookmarks" | "bookmarked" => Some(Has::Bookmark),
            "unread" | "new" => Some(Has::Unread),
            _ => None,
        }
    }
}

/// What a facet word accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Test {
    /// Indexes into the facet's `Field` values.
    Values(Vec<u32>),
    Years(Vec<Years>),
    Status(Vec<Status>),
    Has(Vec<Has>),
    /// A word that names nothing (`region:atlantis`) lets nothing through,
    /// rather than being dropped and showing more than was asked for.
    Nothing,
}

/// One facet word, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub facet: Facet,
    pub negated: bool,
    pub test: Test,
}

impl Clause {
    /// Whether city `c` passes, before negation.
    fn accepts(&self, corpus: &Corpus, values: &Values, c: usize) -> bool {
        let city = &corpus.cities[c];
        match &self.test {
            Test::Values(ids) => {
                let field = match self.facet {
                    Facet::Region => &values.regions,
                    _ => &values.countries,
                };
                field.of_city[c].is_some_and(|v| ids.contains(&v))
            }
            Test::Years(ys) => ys.iter().any(|y| y.matches(city.joined)),
            Test::Status(ss) => city.status.is_some_and(|s| ss.contains(&s)),
            Test::Has(hs) => hs.iter().any(|h| h.of(corpus, values, c)),
            Test::Nothing => false,
        }
    }

    pub fn matches(&self, corpus: &Corpus, values: &Values, c: usize) -> bool {
        self.accepts(corpus, values, c) != self.negated
    }
}

/// Every facet word of a query: a city must pass them all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub clauses: Vec<Clause>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    pub fn matches(&self, corpus: &Corpus, values: &Values, c: usize) -> bool {
        self.clauses.iter().all(|cl| cl.matches(corpus, values, c))
    }

    /// Which cities pass, by city index.
    pub fn cities(&self, corpus: &Corpus, values: &Values) -> Vec<bool> {
        (0..corpus.cities.len())
            .map(|c| self.matches(corpus, values, c))
            .collect()
    }

    /// Whether it asks for the reader's marks (`has:bookmark`, `has:unread`).
    pub fn uses_marks(&self) -> bool {
        self.clauses.iter().any(|c| {
            matches!(&c.test, Test::Has(h) if h.iter().any(|h| matches!(h, Has::Bookmark | Has::Unread)))
        })
    }

    /// The filter without the words of `facet`: for the picker's counts.
    pub fn without(&self, facet: Facet) -> Filter {
        Filter {
            clauses: self
                .clauses
                .iter()
                .filter(|c| c.facet != facet)
                .cloned()
                .collect(),
        }
    }
}

/// A query split into its facets and its words to search for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub filter: Filter,
    /// The query without its facet words.
    pub text: String,
    /// What could not be understood, one message per facet word.
    pub errors: Vec<String>,
}

/// The facet `word` names, its negation and its value text, if it is a
/// facet word (`region:…`, `-has:…`).
pub fn facet_word(word: &str) -> Option<(Facet, bool, &str)> {
    let (negated, w) = match word.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    let (name, value) = w.split_once(':')?;
    Some((Facet::parse(name)?, negated, value))
}

/// The test for the values of one facet word, or why there is none.
pub fn parse_values(facet: Facet, items: &[String], values: &Values) -> Result<Test, String> {
    let quoted = |v: &str| format!("{:?}", crate::text::wrap::truncate(v, 40));
    let bad = |v: &str| {
        crate::t!(
            "facet-not-valid",
            facet = facet.name(),
            value = quoted(v),
            expects = facet.expects()
        )
    };
    match facet {
        Facet::Region | Facet::Country => {
            let field = if facet == Facet::Region {
                &values.regions
            } else {
                &values.countries
            };
            let mut ids = Vec::new();
            for v in items {
                let found = field.lookup(v);
                if found.is_empty() {
                    return Err(if facet == Facet::Region {
                        crate::t!("facet-no-region", value = quoted(v))
                    } else {
                        crate::t!("facet-no-country", value = quoted(v))
                    });
                }
                ids.extend(found);
            }
            ids.sort_unstable();
            ids.dedup();
            Ok(Test::Values(ids))
        }
        Facet::Joined => items
            .iter()
            .map(|v| Years::parse(v).ok_or_else(|| bad(v)))
            .collect::<Result<_, _>>()
            .map(Test::Years),
        Facet::Status => items
            .iter()
            .map(|v| {
                let v_low = v.to_ascii_lowercase();
                let found: Vec<Status> = Status::ALL
                    .into_iter()
                    .filter(|s| s.as_str().starts_with(&v_low))
                    .collect();
                match found.as_slice() {
                    [s] => Ok(*s),
                    _ => Err(bad(v)),
                }
            })
            .collect::<Result<_, _>>()
            .map(Test::Status),
        Facet::Has => items
            .iter()
            .map(|v| Has::parse(v).ok_or_else(|| bad(v)))
            .collect::<Result<_, _>>()
            .map(Test::Has),
    }
}

/// Splits a query into facets and text. A facet word with no value yet
/// (`region:` as it is typed) is left out without a message.
pub fn parse_query(q: &str, values: &Values) -> Parsed {
    let mut parsed = Parsed::default();
    let mut text: Vec<&str> = Vec::new();
    for r in tokens::tokens(q) {
        let word = &q[r];
        let Some((facet, negated, value)) = facet_word(word) else {
            text.push(word);
            continue;
        };
        let items = tokens::items(value);
        if items.is_empty() {
            continue;
        }
        match parse_values(facet, &items, values) {
            Ok(test) => parsed.filter.clauses.push(Clause {
                facet,
                negated,
                test,
            }),
            Err(e) => {
                parsed.errors.push(e);
                parsed.filter.clauses.push(Clause {
                    facet,
                    negated: false,
                    test: Test::Nothing,
                });
            }
        }
    }
    parsed.text = text.join(" ");
    parsed
}

/// `q` with its words for `facet` (those that do not exclude) replaced by
/// one word for `items`, at the end; without one when `items` is empty.
/// Other words keep their order.
pub fn set_words(q: &str, facet: Facet, items: &[String]) -> String {
    let mut kept: Vec<String> = tokens::tokens(q)
        .into_iter()
        .map(|r| q[r].to_owned())
        .filter(|w| !matches!(facet_word(w), Some((f, false, _)) if f == facet))
        .collect();
    if !items.is_empty() {
        let values: Vec<String> = items.iter().map(|i| tokens::quote(i)).collect();
        kept.push(format!("{}:{}", facet.name(), values.join(",")));
    }
    kept.join(" ")
}

/// `q` without any facet word: its text alone.
pub fn without_facets(q: &str) -> String {
    tokens::tokens(q)
        .into_iter()
        .map(|r| &q[r])
        .filter(|w| facet_word(w).is_none())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
