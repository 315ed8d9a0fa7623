//! The corpus as parsed, before any check: the format's objects as typed
//! structs whose leaves are kept as small [`Scalar`]s, so that a wrong type
//! is a problem to report, not a parse failure.
//!
//! Nothing of the wrong type is built: an array or object where a string or
//! number belongs is walked over by the parser (`RawValue`) and remembered
//! only as "an array" or "an object", and a list keeps its good items but
//! only counts its wrong ones (with the first few for messages). So a
//! 100 MB `"title": [0, 0, …]` or `"body": [0, 0, …]` costs the parse, not
//! a hundred million values. Numbers keep their text as written, for
//! messages and for output.
//!
//! A list inside an item keeps at most [`Capped::MAX`] items: the rest are
//! walked over and counted, and the list is refused. An item is parsed
//! whole before it is converted (and charged, see `budget`), so that bound
//! is what keeps its parse within a fixed amount of memory.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use super::budget::alloc;
use crate::text::number::Unit;

/// A leaf value, typed only as far as the checks need.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Null,
    Bool(bool),
    /// A number, as written in the file.
    Number(String),
    String(String),
    Array,
    Object,
}

/// A leaf: absent, or a value (an explicit `null` counts as absent).
pub type Leaf = Option<Scalar>;

/// How much of a number's text a message quotes.
const NUMBER_TEXT: usize = 64;

impl Scalar {
    /// From the raw text of one JSON value, as the parser delimited it. A
    /// string's escapes are decoded here; `Err` names an escape that does
    /// not decode (an unpaired surrogate).
    fn from_raw(raw: &str) -> Result<Scalar, String> {
        Ok(match raw.as_bytes().first() {
            Some(b'"') => {
                let inner = &raw[1..raw.len() - 1];
                // Most strings have no escapes: copy them as they are.
                if !inner.contains('\\') {
                    Scalar::String(inner.to_owned())
                } else {
                    match serde_json::from_str(raw) {
                        Ok(s) => Scalar::String(s),
                        Err(e) => return Err(bad_escape(raw, &e)),
                    }
                }
            }
            Some(b't') => Scalar::Bool(true),
            Some(b'f') => Scalar::Bool(false),
            Some(b'n') => Scalar::Null,
            Some(b'[') => Scalar::Array,
            Some(b'{') => Scalar::Object,
            _ => Scalar::Number(raw.to_owned()),
        })
    }

    /// How a value of the wrong kind is named in messages.
    pub fn describe(&self) -> String {
        match self {
            Scalar::Null => "null".into(),
            Scalar::Bool(_) => crate::t!("json-boolean"),
            // A number as written, shortened: a hostile one can be megabytes.
            Scalar::Number(n) => crate::text::wrap::truncate(n, NUMBER_TEXT),
            Scalar::String(_) => crate::t!("json-string"),
            Scalar::Array => crate::t!("json-array"),
            Scalar::Object => crate::t!("json-object"),
        }
    }
}

/// Why a string's escape does not decode, naming the escape as written:
/// "unpaired surrogate \udc00". Not shown as it is: the parser's error
/// carries it to `load::syntax_problem`, which reads the escape back from
/// it and words the message in the interface's language.
fn bad_escape(raw: &str, e: &serde_json::Error) -> String {
    // The parser's column counts bytes, and may point inside a character
    // (it reads a byte past the escape before it complains).
    let mut end = e.column().min(raw.len());
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    // The surrogate itself, not the escape after it that failed to pair
    // with it (`\ud800\u0041`): the last escape before the error that is
    // a surrogate, else the last escape.
    let is_surrogate = |at: usize| {
        raw.get(at + 2..at + 6)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .is_some_and(|u| (0xd800..=0xdfff).contains(&u))
    };
    let at = raw[..end]
        .rmatch_indices("\\u")
        .map(|(i, _)| i)
        .find(|&i| is_surrogate(i))
        .or_else(|| raw[..end].rfind("\\u"))
        .or_else(|| raw.find("\\u"));
    match at.and_then(|at| raw.get(at..at + 6)) {
        Some(esc)
            if e.to_string().contains("surrogate") || e.to_string().contains("hex escape") =>
        {
            format!("unpaired surrogate {esc}; a \\uD800–\\uDBFF escape must be followed by a \\uDC00–\\uDFFF one")
        }
        _ => {
            let msg = e.to_string();
            msg.rfind(" at line ")
                .map_or(msg.clone(), |i| msg[..i].to_owned())
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw: &'de RawValue = Deserialize::deserialize(d)?;
        Scalar::from_raw(raw.get()).map_err(serde::de::Error::custom)
    }
}

/// Where an object is expected: the object, or what was found instead.
#[derive(Debug)]
pub enum Obj<T> {
    Ok(T),
    Wrong(Scalar),
}

/// An array of objects: the good items with their places, and the wrong
/// ones counted (the first few kept for messages).
#[derive(Debug)]
pub struct Items<T> {
    pub ok: Vec<(usize, T)>,
    pub wrong: Vec<(usize, Scalar)>,
    pub wrong_total: usize,
    pub len: usize,
}

/// Wrong items kept for messages per list; the rest are counted.
pub const WRONG_ITEMS_KEPT: usize = 100;

/// Where an array is expected: its items, or what was found instead.
#[derive(Debug)]
pub enum List<T> {
    Ok(Items<T>),
    Wrong(Scalar),
}

impl<T> List<T> {
    /// Items in the list, kept or not.
    pub fn len(&self) -> usize {
        match self {
            List::Ok(items) => items.len,
            List::Wrong(_) => 0,
        }
    }
}

/// Items of an optional list, kept or not.
pub fn count<T>(list: &Option<List<T>>) -> usize {
    list.as_ref().map_or(0, List::len)
}

/// The items of a kind a list inside an item may hold: a thousand times
/// what a real report or city has, and few enough that a list of them,
/// parsed, takes a bounded amount of memory (docs/corpus-format.md,
/// "Limits").
pub trait Capped {
    const MAX: usize;
    /// What the items are called in messages.
    const UNIT: Unit;
}

impl Capped for RawLink {
    const MAX: usize = 10_000;
    const UNIT: Unit = Unit::Source;
}

impl Capped for RawBlock {
    const MAX: usize = 100_000;
    const UNIT: Unit = Unit::Block;
}

impl Capped for RawFigure {
    const MAX: usize = 100_000;
    const UNIT: Unit = Unit::Figure;
}

impl Capped for RawEvent {
    const MAX: usize = 100_000;
    const UNIT: Unit = Unit::Event;
}

impl Capped for RawRound {
    const MAX: usize = 10_000;
    const UNIT: Unit = Unit::Round;
}

/// The memory a parsed value holds while it is converted, as `budget`
/// estimates it: what it owns, with its lists' buffers counted twice, as
/// converting makes each list again (where the strings are moved).
pub trait Heap {
    fn heap(&self) -> u64;
}

impl Heap for Leaf {
    fn heap(&self) -> u64 {
        match self {
            Some(Scalar::String(s) | Scalar::Number(s)) => alloc(s.capacity()),
            _ => 0,
        }
    }
}

impl<T: Heap> Heap for Option<List<T>> {
    fn heap(&self) -> u64 {
        match self {
            Some(List::Ok(items)) => {
                2 * alloc(items.ok.capacity() * std::mem::size_of::<(usize, T)>())
                    + alloc(items.wrong.capacity() * std::mem::size_of::<(usize, Scalar)>())
                    + items.ok.iter().map(|(_, t)| t.heap()).sum::<u64>()
            }
            _ => 0,
        }
    }
}

impl<T: Heap> Heap for Option<Obj<T>> {
    fn heap(&self) -> u64 {
        match self {
            Some(Obj::Ok(t)) => alloc(std::mem::size_of::<T>()) + t.heap(),
            _ => 0,
        }
    }
}

/// The heap of each of a struct's fields, summed.
macro_rules! heap_of_fields {
    ($t:ty: $($f:ident),*) => {
        impl Heap for $t {
            fn heap(&self) -> u64 {
                0 $(+ self.$f.heap())*
            }
        }
    };
}

heap_of_fields!(RawCity: id, name, name_local, country, region, joined, status, notes, sources, coords);
heap_of_fields!(RawCoords: lat, lon, geonames_id, place, matched);
heap_of_fields!(RawLink: title, url);
heap_of_fields!(RawArticle: id, city, title, lang, published, source, summary, body, figures);
heap_of_fields!(RawPublisher: name, url);
heap_of_fields!(RawBlock: kind, text);
heap_of_fields!(RawFigure: label, value, qualifier, unit, quote);
heap_of_fields!(RawNetwork: name, timeline, rounds);
heap_of_fields!(RawRound: year, date, announced_new, announced_countries, network_total, network_countries, note, sources);
heap_of_fields!(RawEvent: date, cities, countries, event, source);

#[derive(Debug, Deserialize)]
pub struct RawCity {
    pub id: Leaf,
    pub name: Leaf,
    pub name_local: Leaf,
    pub country: Leaf,
    pub region: Leaf,
    pub joined: Leaf,
    pub status: Leaf,
    pub notes: Leaf,
    pub sources: Option<List<RawLink>>,
    pub coords: Option<Obj<RawCoords>>,
}

#[derive(Debug, Deserialize)]
pub struct RawCoords {
    pub lat: Leaf,
    pub lon: Leaf,
    pub geonames_id: Leaf,
    pub place: Leaf,
    #[serde(rename = "match")]
    pub matched: Leaf,
}

#[derive(Debug, Deserialize)]
pub struct RawLink {
    pub title: Leaf,
    pub url: Leaf,
}

#[derive(Debug, Deserialize)]
pub struct RawArticle {
    pub id: Leaf,
    pub city: Leaf,
    pub title: Leaf,
    pub lang: Leaf,
    pub published: Leaf,
    pub source: Option<Obj<RawPublisher>>,
    pub summary: Leaf,
    pub body: Option<List<RawBlock>>,
    pub figures: Option<List<RawFigure>>,
}

#[derive(Debug, Deserialize)]
pub struct RawPublisher {
    pub name: Leaf,
    pub url: Leaf,
}

#[derive(Debug, Deserialize)]
pub struct RawBlock {
    pub kind: Leaf,
    pub text: Leaf,
}

#[derive(Debug, Deserialize)]
pub struct RawFigure {
    pub label: Leaf,
    pub value: Leaf,
    pub qualifier: Leaf,
    pub unit: Leaf,
    pub quote: Leaf,
}

#[derive(Debug, Deserialize)]
pub struct RawNetwork {
    pub name: Leaf,
    pub timeline: Option<List<RawEvent>>,
    pub rounds: Option<List<RawRound>>,
}

#[derive(Debug, Deserialize)]
pub struct RawRound {
    pub year: Leaf,
    pub date: Leaf,
    pub announced_new: Leaf,
    pub announced_countries: Leaf,
    pub network_total: Leaf,
    pub network_countries: Leaf,
    pub note: Leaf,
    pub sources: Option<List<RawLink>>,
}

#[derive(Debug, Deserialize)]
pub struct RawEvent {
    pub date: Leaf,
    pub cities: Leaf,
    pub countries: Leaf,
    pub event: Leaf,
    pub source: Leaf,
}

/// Reads and drops the rest of a sequence or map found where it was not
/// expected: walked over, never built.
fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Visits a value where an object (`map`) or an array (`seq`) is expected;
/// any other value becomes `Wrong`.
macro_rules! shape_visitor {
    ($name:ident, $out:ident, $expecting:expr, map => $on_map:expr, seq => $on_seq:expr) => {
        shape_visitor!($name, $out, $expecting, (), map => $on_map, seq => $on_seq);
    };
    ($name:ident, $out:ident, $expecting:expr, capped, map => $on_map:expr, seq => $on_seq:expr) => {
        shape_visitor!($name, $out, $expecting, (+ Capped), map => $on_map, seq => $on_seq);
    };
    ($name:ident, $out:ident, $expecting:expr, ($($bound:tt)*), map => $on_map:expr, seq => $on_seq:expr) => {
        struct $name<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de> $($bound)*> Visitor<'de> for $name<T> {
            type Value = $out<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str($expecting)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                #[allow(clippy::redundant_closure_call)]
                ($on_map)(map)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                #[allow(clippy::redundant_closure_call)]
                ($on_seq)(seq)
            }

            fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
                Ok($out::Wrong(Scalar::Bool(v)))
            }

            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok($out::Wrong(Scalar::Number(v.to_string())))
            }

            fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                Ok($out::Wrong(Scalar::Number(v.to_string())))
            }

            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                Ok($out::Wrong(Scalar::Number(v.to_string())))
            }

            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok($out::Wrong(Scalar::String(String::new())))
            }

            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok($out::Wrong(Scalar::Null))
            }
        }
    };
}

shape_visitor!(ObjVisitor, Obj, "an object",
    map => |map| T::deserialize(MapAccessDeserializer::new(map)).map(Obj::Ok),
    seq => |seq| skip_seq(seq).map(|()| Obj::Wrong(Scalar::Array)));

shape_visitor!(ListVisitor, List, "an array", capped,
    map => |map| skip_map(map).map(|()| List::Wrong(Scalar::Object)),
    seq => |seq| items(seq).map(List::Ok));

/// The items of an array of objects: good ones kept, wrong ones counted,
/// and past `T::MAX` items, none built, only counted.
fn items<'de, T: Deserialize<'de> + Capped, A: SeqAccess<'de>>(
    mut seq: A,
) -> Result<Items<T>, A::Error> {
    let mut out = Items {
        ok: Vec::new(),
        wrong: Vec::new(),
        wrong_total: 0,
        len: 0,
    };
    loop {
        if out.len >= T::MAX {
            while seq.next_element::<IgnoredAny>()?.is_some() {
                out.len += 1;
            }
            break;
        }
        let Some(item) = seq.next_element::<Obj<T>>()? else {
            break;
        };
        match item {
            Obj::Ok(t) => out.ok.push((out.len, t)),
            Obj::Wrong(found) => {
                if out.wrong.len() < WRONG_ITEMS_KEPT {
                    out.wrong.push((out.len, found));
                }
                out.wrong_total += 1;
            }
        }
        out.len += 1;
    }
    Ok(out)
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ObjVisitor(PhantomData))
    }
}

impl<'de, T: Deserialize<'de> + Capped> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ListVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_keep_numbers_as_written_and_never_build_arrays() {
        let b: RawBlock =
            serde_json::from_str(r#"{"kind": [1, [2, {"x": 3}]], "text": "a\"b"}"#).unwrap();
        assert_eq!(b.kind, Some(Scalar::Array));
        assert_eq!(b.text, Some(Scalar::String("a\"b".into())));
        let f: RawFigure = serde_json::from_str(
            r#"{"label": {"a": 1}, "value": 99999999999999999999, "unit": 2.02e3, "quote": null}"#,
        )
        .unwrap();
        assert_eq!(f.label, Some(Scalar::Object));
        assert_eq!(f.value, Some(Scalar::Number("99999999999999999999".into())));
        assert_eq!(f.unit, Some(Scalar::Number("2.02e3".into())));
        assert_eq!(f.quote, None, "null is absent");
    }

    #[test]
    fn a_surrogate_before_a_multibyte_character_is_reported_not_a_panic() {
        let e = serde_json::from_str::<RawBlock>(r#"{"kind": "\ud800é"}"#).unwrap_err();
        assert!(e.to_string().contains("unpaired surrogate \\ud800"), "{e}");
    }

    /// A leading surrogate followed by an escape that is not its pair is
    /// named itself, not the escape after it.
    #[test]
    fn the_unpaired_surrogate_is_named_not_the_escape_after_it() {
        let e = serde_json::from_str::<RawBlock>(r#"{"kind": "X\ud800\u0041"}"#).unwrap_err();
        assert!(e.to_string().contains("unpaired surrogate \\ud800"), "{e}");
    }

    #[test]
    fn long_numbers_keep_their_whole_text() {
        let long = format!("1.{}", "0".repeat(70));
        let f: RawFigure = serde_json::from_str(&format!(r#"{{"value": {long}}}"#)).unwrap();
        assert_eq!(f.value, Some(Scalar::Number(long.clone())));
        assert!(Scalar::Number(long).describe().chars().count() <= 64);
    }

    #[test]
    fn wrong_items_are_counted_not_kept() {
        let list: List<RawLink> = serde_json::from_str(&format!(
            "[{{\"url\": \"u\"}}, {}, {{}}]",
            vec!["0"; 1000].join(",")
        ))
        .unwrap();
        let List::Ok(items) = list else {
            panic!("an array")
        };
        assert_eq!(items.len, 1002);
        assert_eq!(items.ok.len(), 2);
        assert_eq!((items.ok[0].0, items.ok[1].0), (0, 1001));
        assert_eq!(items.wrong_total, 1000);
        assert_eq!(items.wrong.len(), WRONG_ITEMS_KEPT);
        assert_eq!(items.wrong[0], (1, Scalar::Number("0".into())));
        let wrong: List<RawLink> = serde_json::from_str(r#"{"a": [1, 2]}"#).unwrap();
        assert!(matches!(wrong, List::Wrong(Scalar::Object)));
    }
}
