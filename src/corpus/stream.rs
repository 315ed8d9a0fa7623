//! Drives the parser over a corpus file and hands each part to the
//! conversion as soon as it is parsed: every city and every article is
//! converted (and its raw form dropped) before the next is read, so memory
//! holds the corpus once, not its raw form as well.
//!
//! A corpus file is read a piece at a time (`convert_pieces`): each city,
//! each article and each other top-level value is parsed from a buffer that
//! holds it, and the buffer is refilled from the file, so the file's bytes
//! are never in memory whole beside the corpus made from them (they were
//! two fifths of the peak). Anything unusual falls back to parsing the
//! whole text (`convert`), which says what is wrong in its own words.
use std::fmt;
use std::io::{ErrorKind, Read};

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use xxhash_rust::xxh3::Xxh3;

use super::load::MAX_DEPTH;
use super::raw::{Leaf, Obj, RawArticle, RawCity, RawNetwork, Scalar};
use super::schema::Convert;

/// Parses `text` and converts it; `Err` is the parser's error (syntax, or
/// a value the parser refuses), with its position.
pub(super) fn convert(text: &str) -> Result<Convert, serde_json::Error> {
    let mut convert = Convert::new(text.len());
    // The text is held whole while it is parsed.
    convert.budget.passing(text.len() as u64);
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
            map.next_value_seed(Field { convert: self.0, k })?;
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

/// The value of the top-level field `FIELDS[k]`.
struct Field<'a> {
    convert: &'a mut Convert,
    k: usize,
}

impl<'de> DeserializeSeed<'de> for Field<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.k {
            0 => {
                let v = Leaf::deserialize(d)?;
                self.convert.schema(v);
            }
            1 => {
                let v = Leaf::deserialize(d)?;
                self.convert.title(v);
            }
            2 => TopList {
                convert: self.convert,
                list: List::Cities,
            }
            .deserialize(d)?,
            3 => TopList {
                convert: self.convert,
                list: List::Articles,
            }
            .deserialize(d)?,
            _ => {
                let v = Option::<Obj<RawNetwork>>::deserialize(d)?;
                self.convert.network(v);
            }
        }
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

/// Bytes read from the file at a time: the buffer's size, unless a piece
/// needs more.
const READ_SIZE: usize = 1 << 20;

/// The largest piece (a city, an article, another top-level value) read
/// whole into the buffer. A larger one means an unusual file, parsed whole
/// instead: memory is then what the whole text costs, as before pieces.
const MAX_PIECE: usize = 1 << 24;

/// Parses and converts the corpus file `input`, of `len` bytes, a piece at
/// a time (see the module's notes); `hash`, when given, takes every byte
/// read. `None` when the file is not a well-formed corpus object whose
/// lists hold objects, or holds a piece over `MAX_PIECE`, or when reading
/// fails, or the file turns out longer than `max` bytes or not `len` bytes
/// long (it changed while being read): the caller then reads the file again
/// and parses it whole, which reports any problem exactly as ever. So a
/// corpus gets the same result either way, problems included.
pub(super) fn convert_pieces(
    input: impl Read,
    len: u64,
    max: u64,
    hash: Option<&mut Xxh3>,
) -> Option<Convert> {
    let mut pieces = Pieces {
        input,
        buf: vec![0; READ_SIZE],
        pos: 0,
        filled: 0,
        eof: false,
        total: 0,
        max,
        hash,
    };
    let bom = pieces.bom()?;
    // The length the whole-text parse would see: without the mark.
    let mut convert = Convert::new((len as usize).saturating_sub(bom));
    convert.budget.passing(pieces.buf.len() as u64);
    pieces.top(&mut convert)?;
    if pieces.total != len {
        return None;
    }
    convert.finish();
    Some(convert)
}

/// The file being read, and the part of it in the buffer not yet parsed
/// (`pos..filled`).
struct Pieces<'h, R> {
    input: R,
    buf: Vec<u8>,
    pos: usize,
    filled: usize,
    eof: bool,
    /// Bytes read so far.
    total: u64,
    max: u64,
    hash: Option<&'h mut Xxh3>,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl<R: Read> Pieces<'_, R> {
    /// Reads more of the file after what is buffered, keeping the unparsed
    /// part: `Some(false)` at the end of the file, `None` when reading
    /// fails, passes `max`, or the unparsed part would outgrow `MAX_PIECE`.
    fn more(&mut self) -> Option<bool> {
        if self.eof {
            return Some(false);
        }
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.filled, 0);
            self.filled -= self.pos;
            self.pos = 0;
        }
        if self.filled == self.buf.len() {
            if self.buf.len() >= MAX_PIECE {
                return None;
            }
            self.buf.resize(self.buf.len() * 2, 0);
        }
        let n = loop {
            match self.input.read(&mut self.buf[self.filled..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        };
        if n == 0 {
            self.eof = true;
            return Some(false);
        }
        if let Some(h) = self.hash.as_deref_mut() {
            h.update(&self.buf[self.filled..self.filled + n]);
        }
        self.filled += n;
        self.total += n as u64;
        (self.total <= self.max).then_some(true)
    }

    /// Skips a byte-order mark at the start of the file; its length.
    fn bom(&mut self) -> Option<usize> {
        while self.filled < 3 && self.more()? {}
        if self.buf[..self.filled].starts_with(b"\xef\xbb\xbf") {
            self.pos = 3;
            return Some(3);
        }
        Some(0)
    }

    /// The next byte, not consumed; `None` at the end of the file.
    fn peek(&mut self) -> Option<u8> {
        while self.pos == self.filled {
            if !self.more()? {
                return None;
            }
        }
        Some(self.buf[self.pos])
    }

    /// Consumes `b`, which must come next.
    fn expect(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.pos += 1)
    }

    /// Skips whitespace, up to the end of the file if need be.
    fn ws(&mut self) -> Option<()> {
        loop {
            while self.pos < self.filled && is_ws(self.buf[self.pos]) {
                self.pos += 1;
            }
            if self.pos < self.filled || !self.more()? {
                return Some(());
            }
        }
    }

    /// The value that comes next, inside `outer` arrays and objects: its
    /// place in the buffer, whole, and consumed.
    fn value(&mut self, outer: usize) -> Option<(usize, usize)> {
        let mut scan = Scan::default();
        loop {
            match scan.run(&self.buf[self.pos..self.filled], outer) {
                Scanned::End(len) => {
                    let start = self.pos;
                    self.pos += len;
                    return Some((start, start + len));
                }
                Scanned::More => {
                    if !self.more()? {
                        return None;
                    }
                }
                Scanned::TooDeep => return None,
            }
        }
    }

    /// Parses the value at `place` with `f`, which must take all of it.
    fn parse(
        &self,
        (start, end): (usize, usize),
        f: impl FnOnce(&mut serde_json::Deserializer<serde_json::de::StrRead>) -> serde_json::Result<()>,
    ) -> Option<()> {
        let text = std::str::from_utf8(&self.buf[start..end]).ok()?;
        let mut de = serde_json::Deserializer::from_str(text);
        f(&mut de).ok()?;
        de.end().ok()
    }

    /// The top-level object, and nothing after it but whitespace.
    fn top(&mut self, convert: &mut Convert) -> Option<()> {
        self.ws()?;
        self.expect(b'{')?;
        self.ws()?;
        if self.peek()? == b'}' {
            self.pos += 1;
        } else {
            let mut seen = [false; 5];
            loop {
                if self.peek()? != b'"' {
                    return None;
                }
                let place = self.value(1)?;
                let key = std::str::from_utf8(&self.buf[place.0..place.1]).ok()?;
                let key: String = serde_json::from_str(key).ok()?;
                self.ws()?;
                self.expect(b':')?;
                self.ws()?;
                match FIELDS.iter().position(|f| *f == key) {
                    None => {
                        let place = self.value(1)?;
                        self.parse(place, |de| IgnoredAny::deserialize(de).map(|_| ()))?;
                    }
                    Some(k) => {
                        if std::mem::replace(&mut seen[k], true) {
                            return None;
                        }
                        let list = match k {
                            2 => Some(List::Cities),
                            3 => Some(List::Articles),
                            _ => None,
                        };
                        match list {
                            Some(list) if self.peek()? == b'[' => self.items(convert, list)?,
                            _ => {
                                let place = self.value(1)?;
                                convert.budget.passing(self.buf.len() as u64);
                                self.parse(place, |de| {
                                    Field {
                                        convert: &mut *convert,
                                        k,
                                    }
                                    .deserialize(de)
                                })?;
                            }
                        }
                    }
                }
                self.ws()?;
                match self.peek()? {
                    b',' => {
                        self.pos += 1;
                        self.ws()?;
                    }
                    b'}' => {
                        self.pos += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        self.ws()?;
        (self.pos == self.filled && self.eof).then_some(())
    }

    /// The cities or the articles, each item parsed and converted from its
    /// own piece. An item that is not an object is left to the whole-file
    /// parse: a file of millions of them is broken anyway, and one parser
    /// per item would make it slow to say so.
    fn items(&mut self, convert: &mut Convert, list: List) -> Option<()> {
        self.expect(b'[')?;
        TopList {
            convert: &mut *convert,
            list,
        }
        .mark_seen(true);
        self.ws()?;
        if self.peek()? == b']' {
            self.pos += 1;
            return Some(());
        }
        let mut index = 0;
        loop {
            if self.peek()? != b'{' {
                return None;
            }
            let place = self.value(2)?;
            // The buffer grows to hold a large item.
            convert.budget.passing(self.buf.len() as u64);
            self.parse(place, |de| {
                Item {
                    convert: &mut *convert,
                    list,
                    index,
                }
                .deserialize(de)
            })?;
            index += 1;
            self.ws()?;
            match self.peek()? {
                b',' => {
                    self.pos += 1;
                    self.ws()?;
                }
                b']' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }
}

/// Finds where the JSON value at the start of a buffer ends, resuming
/// where it stopped when the buffer has grown. Only as strict as finding
/// the end needs: the parser checks the value itself.
#[derive(Default)]
struct Scan {
    /// How far the value has been read.
    at: usize,
    /// Arrays and objects open (the value's own included).
    depth: usize,
    in_string: bool,
    /// A number, `true`, `false`, `null`, or not JSON at all.
    scalar: bool,
}

enum Scanned {
    /// The value is the first `n` bytes.
    End(usize),
    More,
    /// Nested deeper than `MAX_DEPTH`, counting the enclosing levels as
    /// `load::check_depth` does.
    TooDeep,
}

impl Scan {
    fn run(&mut self, d: &[u8], outer: usize) -> Scanned {
        let mut i = self.at;
        if i == 0 {
            match d.first() {
                None => return Scanned::More,
                Some(b'"') => self.in_string = true,
                Some(b'{' | b'[') => self.depth = 1,
                Some(_) => self.scalar = true,
            }
            if outer + self.depth > MAX_DEPTH {
                return Scanned::TooDeep;
            }
            i = 1;
        }
        while i < d.len() {
            if self.in_string {
                // Most of a corpus is inside strings: skipped a vector at a
                // time, to the next quote or backslash.
                match memchr::memchr2(b'"', b'\\', &d[i..]) {
                    None => {
                        i = d.len();
                        break;
                    }
                    Some(k) => i += k,
                }
                if d[i] == b'\\' {
                    // The escaped byte may not have been read yet: resume
                    // at the backslash.
                    if i + 1 == d.len() {
                        break;
                    }
                    i += 2;
                    continue;
                }
                self.in_string = false;
                if self.depth == 0 {
                    return Scanned::End(i + 1);
                }
                i += 1;
                continue;
            }
            let b = d[i];
            if self.scalar {
                if matches!(b, b',' | b'}' | b']') || is_ws(b) {
                    return Scanned::End(i);
                }
            } else {
                match b {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => {
                        self.depth += 1;
                        if outer + self.depth > MAX_DEPTH {
                            return Scanned::TooDeep;
                        }
                    }
                    b'}' | b']' => {
                        self.depth -= 1;
                        if self.depth == 0 {
                            return Scanned::End(i + 1);
                        }
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        self.at = i;
        Scanned::More
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(scanned: Scanned) -> Option<usize> {
        match scanned {
            Scanned::End(n) => Some(n),
            _ => None,
        }
    }

    /// Given a value a byte more at a time, a scan finds the end it finds
    /// given the value whole: it resumes anywhere, a backslash included.
    #[test]
    fn a_scan_resumes_anywhere() {
        for (value, len) in [
            (r#""a\"b\\" x"#, 8),
            (r#"{"a": ["]", {"b": "\\\"}"}]}, 1"#, 28),
            ("12.5e3,", 6),
            ("true ]", 4),
            (r#"["\\"]"#, 6),
            (r#""""#, 2),
        ] {
            let bytes = value.as_bytes();
            assert_eq!(end(Scan::default().run(bytes, 1)), Some(len), "{value}");
            let mut scan = Scan::default();
            let found = (0..=bytes.len()).find_map(|n| end(scan.run(&bytes[..n], 1)));
            assert_eq!(found, Some(len), "{value}");
        }
    }

    #[test]
    fn a_scan_counts_the_levels_around_the_value() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let ok = nested(MAX_DEPTH - 2);
        assert_eq!(end(Scan::default().run(ok.as_bytes(), 2)), Some(ok.len()));
        let deep = nested(MAX_DEPTH - 1);
        assert!(matches!(
            Scan::default().run(deep.as_bytes(), 2),
            Scanned::TooDeep
        ));
        // Brackets inside strings are text.
        let quoted = format!("[\"{}\"]", "[".repeat(200));
        assert_eq!(
            end(Scan::default().run(quoted.as_bytes(), 2)),
            Some(quoted.len())
        );
    }
}
