//! The corpus as parsed, before any check: the format's objects as typed
//! structs whose leaves are left as JSON values, so that a wrong type is a
//! problem to report, not a parse failure.
//!
//! Parsing into these instead of a `serde_json::Value` tree keeps memory
//! near the size of the text: a `Value` object is a map with a key string
//! per field, which for a corpus of many short blocks costs more than the
//! text itself.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Where an object is expected: the object, or what was found instead.
#[derive(Debug)]
pub enum Obj<T> {
    Ok(T),
    Wrong(String),
}

/// Where an array is expected: its items, or what was found instead.
#[derive(Debug)]
pub enum List<T> {
    Ok(Vec<T>),
    Wrong(String),
}

/// A leaf: any JSON value (strings and numbers are checked later).
pub type Leaf = Option<Value>;

#[derive(Debug, Deserialize)]
pub struct RawCorpus {
    pub schema: Leaf,
    pub title: Leaf,
    pub cities: Option<List<Obj<RawCity>>>,
    pub articles: Option<List<Obj<RawArticle>>>,
    pub network: Option<Obj<RawNetwork>>,
}

#[derive(Debug, Deserialize)]
pub struct RawCity {
    pub id: Leaf,
    pub name: Leaf,
    pub country: Leaf,
    pub region: Leaf,
    pub joined: Leaf,
    pub notes: Leaf,
    pub sources: Option<List<Obj<RawLink>>>,
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
    pub body: Option<List<Obj<RawBlock>>>,
    pub figures: Option<List<Obj<RawFigure>>>,
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
    pub timeline: Option<List<Obj<RawEvent>>>,
}

#[derive(Debug, Deserialize)]
pub struct RawEvent {
    pub date: Leaf,
    pub cities: Leaf,
    pub countries: Leaf,
    pub event: Leaf,
    pub source: Leaf,
}

/// How a value that is not of the expected shape is named in messages.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Number(n) => n.to_string(),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Visits any JSON value: maps and sequences go to `on_map`/`on_seq`,
/// scalars become `Wrong` with their description.
macro_rules! shape_visitor {
    ($name:ident, $out:ident, $expecting:expr, map => $on_map:expr, seq => $on_seq:expr) => {
        struct $name<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for $name<T> {
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

            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok($out::Wrong("a boolean".into()))
            }

            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok($out::Wrong(v.to_string()))
            }

            fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                Ok($out::Wrong(v.to_string()))
            }

            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                Ok($out::Wrong(
                    serde_json::Number::from_f64(v).map_or("a number".into(), |n| n.to_string()),
                ))
            }

            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok($out::Wrong("a string".into()))
            }

            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok($out::Wrong("null".into()))
            }
        }
    };
}

/// Reads and drops the rest of a sequence found where it was not expected.
fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

shape_visitor!(ObjVisitor, Obj, "an object",
    map => |map| T::deserialize(MapAccessDeserializer::new(map)).map(Obj::Ok),
    seq => |seq| skip_seq(seq).map(|()| Obj::Wrong("an array".into())));

shape_visitor!(ListVisitor, List, "an array",
    map => |map| skip_map(map).map(|()| List::Wrong("an object".into())),
    seq => |seq| Vec::<T>::deserialize(SeqAccessDeserializer::new(seq)).map(List::Ok));

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ObjVisitor(PhantomData))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ListVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_reported_not_refused() {
        let c: Obj<RawCorpus> = serde_json::from_str(
            r#"{"schema": 1, "cities": {"a": 1}, "articles": [3, {"id": "x"}]}"#,
        )
        .unwrap();
        let Obj::Ok(c) = c else { panic!("an object") };
        assert!(matches!(c.cities, Some(List::Wrong(ref w)) if w == "an object"));
        let Some(List::Ok(items)) = c.articles else {
            panic!("an array")
        };
        assert!(matches!(items[0], Obj::Wrong(ref w) if w == "3"));
        assert!(matches!(
            items[1],
            Obj::Ok(RawArticle {
                id: Some(Value::String(_)),
                ..
            })
        ));
        let top: Obj<RawCorpus> = serde_json::from_str("[1, 2]").unwrap();
        assert!(matches!(top, Obj::Wrong(ref w) if w == "an array"));
    }

    #[test]
    fn null_is_absent() {
        let Obj::Ok(c) =
            serde_json::from_str::<Obj<RawCorpus>>(r#"{"cities": null, "network": null}"#).unwrap()
        else {
            panic!()
        };
        assert!(c.cities.is_none() && c.network.is_none());
    }
}
