//! Drives the parser over a corpus file and hands each part to the
//! conversion as soon as it is parsed: every city and every article is
//! converted (and its raw form dropped) before the next is read, so memory
//! holds the corpus once, not its raw form as well.

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

use super::raw::{Leaf, Obj, RawArticle, RawCity, RawNetwork, Scalar};
use super::schema::Convert;

/// Parses `text` and converts it; `Err` is the parser's error (syntax, or
/// a value the parser refuses), with its position.
pub(super) fn convert(text: &str) -> Result<Convert, serde_json::Error> {
    let mut convert = Convert::new(text.len());
    let mut de = serde_json::Deserializer::from_str(text);
    Top(&mut convert).deserialize(&mut de)?;
    de.end()?;
    convert.finish();
    Ok(convert)
}

/// The file: an object of the known fields, anything else refused.
struct Top<'a>(&'a mut Convert);

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

const FIELDS: &[&str] = &["schema", "title", "cities", "articles", "network"];

/// The visits of a scalar where a structure was expected: each reports
/// what it found through the visitor's own `wrong`.
macro_rules! wrong_scalars {
    () => {
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            self.wrong(Scalar::String(String::new()))
        }

        fn visit_bool<E>(self, v: bool) -> Result<(), E> {
            self.wrong(Scalar::Bool(v))
        }

        fn visit_i64<E>(self, v: i64) -> Result<(), E> {
            self.wrong(Scalar::Number(v.to_string()))
        }

        fn visit_u64<E>(self, v: u64) -> Result<(), E> {
            self.wrong(Scalar::Number(v.to_string()))
        }

        fn visit_f64<E>(self, v: f64) -> Result<(), E> {
            self.wrong(Scalar::Number(v.to_string()))
        }

        fn visit_unit<E>(self) -> Result<(), E> {
            self.wrong(Scalar::Null)
        }
    };
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a corpus object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = [false; 5];
        while let Some(key) = map.next_key::<String>()? {
            let Some(k) = FIELDS.iter().position(|f| *f == key) else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if std::mem::replace(&mut seen[k], true) {
                return Err(de::Error::duplicate_field(FIELDS[k]));
            }
            match k {
                0 => {
                    let v = map.next_value::<Leaf>()?;
                    self.0.schema(v);
                }
                1 => {
                    let v = map.next_value::<Leaf>()?;
                    self.0.title(v);
                }
                2 => map.next_value_seed(TopList {
                    convert: self.0,
                    list: List::Cities,
                })?,
                3 => map.next_value_seed(TopList {
                    convert: self.0,
                    list: List::Articles,
                })?,
                _ => {
                    let v = map.next_value::<Option<Obj<RawNetwork>>>()?;
                    self.0.network(v);
                }
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.0.top_level_wrong(&Scalar::Array);
        Ok(())
    }

    wrong_scalars!();
}

impl Top<'_> {
    fn wrong<E>(self, found: Scalar) -> Result<(), E> {
        self.0.top_level_wrong(&found);
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum List {
    Cities,
    Articles,
}

impl List {
    fn key(self) -> &'static str {
        match self {
            List::Cities => "cities",
            List::Articles => "articles",
        }
    }
}

/// The cities or the articles: each item converted as it is parsed.
struct TopList<'a> {
    convert: &'a mut Convert,
    list: List,
}

impl<'de> DeserializeSeed<'de> for TopList<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl TopList<'_> {
    fn mark_seen(&mut self, listed: bool) {
        match self.list {
            List::Cities => {
                self.convert.seen_cities = true;
                self.convert.cities_listed = listed;
            }
            List::Articles => self.convert.seen_articles = true,
        }
    }

    fn wrong<E>(mut self, found: Scalar) -> Result<(), E> {
        if found != Scalar::Null {
            self.mark_seen(false);
        }
        self.convert.list_wrong(self.list.key(), &found);
        Ok(())
    }
}

impl<'de> Visitor<'de> for TopList<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        self.mark_seen(true);
        let mut index = 0;
        while seq
            .next_element_seed(Item {
                convert: &mut *self.convert,
                list: self.list,
                index,
            })?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        self.wrong(Scalar::Object)
    }

    wrong_scalars!();
}

/// One item of a top-level list.
struct Item<'a> {
    convert: &'a mut Convert,
    list: List,
    index: usize,
}

impl<'de> DeserializeSeed<'de> for Item<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Item<'_> {
    fn wrong<E>(self, found: Scalar) -> Result<(), E> {
        self.convert.wrong_item(self.list.key(), self.index, &found);
        Ok(())
    }
}

impl<'de> Visitor<'de> for Item<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let d = MapAccessDeserializer::new(map);
        match self.list {
            List::Cities => {
                let raw: RawCity = serde::Deserialize::deserialize(d)?;
                self.convert.city(self.index, raw);
            }
            List::Articles => {
                let raw: RawArticle = serde::Deserialize::deserialize(d)?;
                self.convert.article(self.index, raw);
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.wrong(Scalar::Array)
    }

    wrong_scalars!();
}
