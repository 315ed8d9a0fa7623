//! Reading a corpus file: size, encoding and syntax, then the schema and the
//! semantic checks. Every path ends in either a clean corpus or a list of
//! problems; no input can make it panic.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::error::{LoadError, Problem};
use super::{stream, validate, Corpus};

/// Largest corpus file accepted (1 GiB): well above any real collection of
/// reports, small enough that a mistaken path to a disk image fails at once.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Deepest nesting of arrays and objects accepted, the top object counted
/// (checked by `check_depth`, anywhere, unknown fields included). The format
/// needs five levels; serde_json's own limit (128) is never reached.
pub const MAX_DEPTH: usize = 127;

/// Loads and checks the corpus at `path`; `MAX_FILE_BYTES` applies.
pub fn load_file(path: &Path) -> Result<Corpus, LoadError> {
    load_file_with_limit(path, MAX_FILE_BYTES)
}

pub fn load_file_with_limit(path: &Path, max_bytes: u64) -> Result<Corpus, LoadError> {
    let name = display_name(path);
    let bytes = read_limited(path, max_bytes).map_err(|p| LoadError::one(&name, p))?;
    load_bytes(&name, &bytes)
}

/// How a file is named in messages: as the user gave it, with control and
/// bidirectional characters, line breaks and tabs shown as escapes (a file
/// name can carry them too, and must not forge or reorder a line).
pub fn display_name(path: &Path) -> String {
    crate::text::sanitize::printable(&path.display().to_string())
}

fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Problem> {
    let file =
        File::open(path).map_err(|e| Problem::file(format!("cannot open: {}", io_reason(&e))))?;
    let meta = file
        .metadata()
        .map_err(|e| Problem::file(format!("cannot read: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(Problem::file("is a directory, not a corpus file"));
    }
    if meta.is_file() && meta.len() > max_bytes {
        return Err(too_large(meta.len(), max_bytes));
    }
    // Pipes and devices (/dev/zero, /dev/urandom) have no length up front:
    // read in chunks and stop one byte past the limit. The buffer is
    // reserved once, so it never moves: a growing buffer would hold its old
    // and new copies at once, twice the limit. The reservation is address
    // space; memory is taken only as bytes arrive.
    let limit = max_bytes.saturating_add(1);
    let mut bytes: Vec<u8> = Vec::new();
    let size = if meta.is_file() {
        meta.len() + 1
    } else {
        limit
    };
    if bytes.try_reserve_exact(size.min(limit) as usize).is_err() {
        // No room to reserve (a strict overcommit policy): grow as needed.
        bytes = Vec::new();
    }
    // Straight into the buffer, which never moves while it has room.
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::file(format!("cannot read: {}", io_reason(&e))))?;
    if bytes.len() as u64 > max_bytes {
        return Err(Problem::file(format!(
            "larger than the {} limit (stopped reading after {}); a corpus is one JSON file",
            human_bytes(max_bytes),
            human_bytes(max_bytes)
        )));
    }
    Ok(bytes)
}

fn too_large(len: u64, max: u64) -> Problem {
    Problem::file(format!(
        "file is too large ({}); the limit is {}",
        human_bytes(len),
        human_bytes(max)
    ))
}

fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KiB", "MiB", "GiB"];
    let mut v = n as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} bytes")
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

/// The OS's reason without Rust's "(os error 2)" suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// Loads and checks a corpus held in memory; `name` is used in messages.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Corpus, LoadError> {
    let text = decode(bytes).map_err(|p| LoadError::one(name, p))?;
    check_depth(text).map_err(|p| LoadError::one(name, p))?;
    let mut convert =
        stream::convert(text).map_err(|e| LoadError::one(name, syntax_problem(text, &e)))?;
    validate::check(&convert.parts, &mut convert.problems);
    if convert.problems.is_empty() {
        Ok(convert.parts.into_corpus())
    } else {
        Err(convert.problems.into_error(name))
    }
}

fn decode(bytes: &[u8]) -> Result<&str, Problem> {
    // A byte-order mark is legal UTF-8 but not JSON; editors on some systems add one.
    let (bom, bytes) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let (line, col) = line_col(&bytes[..at]);
        Problem::line_col(
            line,
            col,
            format!(
                "not valid UTF-8 (byte 0x{:02x} at offset {}); save the file as UTF-8",
                bytes[at],
                at + bom
            ),
        )
    })?;
    if text.trim().is_empty() {
        return Err(Problem::file(
            "file is empty; expected a JSON corpus (see docs/corpus-format.md)",
        ));
    }
    Ok(text)
}

/// 1-based line and column (in characters) of the end of `before`.
fn line_col(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}

/// The parser's error, at its line and column, in plain words.
fn syntax_problem(text: &str, e: &serde_json::Error) -> Problem {
    let full = e.to_string();
    // serde_json appends " at line L column C"; we put the place first.
    let message = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => &full,
    };
    let line = e.line().max(1);
    let mut col = char_column(text, line, e.column());
    let message = if let Some(what) = message.strip_prefix("EOF while parsing ") {
        match what {
            "a list" => "the file ends inside an array (a `]` is missing)".to_owned(),
            "an object" => "the file ends inside an object (a `}` is missing)".to_owned(),
            "a string" => "the file ends inside a string (a `\"` is missing)".to_owned(),
            _ => "the file ends where a value was expected".to_owned(),
        }
    } else if message.starts_with("unpaired surrogate \\u") {
        // Named by the leaf that found it (see raw::Scalar), which knew the
        // escape but not its place: point at it, not at the string's end.
        if let Some(c) = message
            .get(19..25)
            .and_then(|esc| column_of_before(text, line, e.column(), esc))
        {
            col = c;
        }
        message.to_owned()
    } else if message.contains("surrogate") || message.contains("end of hex escape") {
        // A \uD800–\uDFFF escape without its other half.
        match escape_before(text, line, e.column()) {
            Some(esc) => format!("unpaired surrogate {esc}; a \\uD800–\\uDBFF escape must be followed by a \\uDC00–\\uDFFF one"),
            None => "unpaired surrogate in a \\u escape".to_owned(),
        }
    } else {
        message.to_owned()
    };
    Problem::line_col(line, col, message)
}

/// The 1-based column (in characters) of the last `needle` on line `line`
/// before byte column `col`.
fn column_of_before(text: &str, line: usize, col: usize, needle: &str) -> Option<usize> {
    let l = text.split('\n').nth(line - 1)?;
    let mut end = col.min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    let at = l[..end].rfind(needle)?;
    Some(l[..at].chars().count() + 1)
}

/// The `\uXXXX` escape that ends at or just before byte column `col` of
/// line `line` (1-based), as written.
fn escape_before(text: &str, line: usize, col: usize) -> Option<String> {
    let l = text.split('\n').nth(line - 1)?;
    let mut end = col.min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    let at = l[..end].rfind("\\u")?;
    l.get(at..at + 6).map(str::to_owned)
}

/// Refuses nesting deeper than [`MAX_DEPTH`] anywhere, unknown fields
/// included (serde_json skips those without a depth limit). One pass over
/// the bytes, skipping strings.
fn check_depth(text: &str) -> Result<(), Problem> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        let (line, col) = line_col(&bytes[..i]);
                        return Err(Problem::line_col(
                            line,
                            col,
                            format!("nested more than {MAX_DEPTH} levels deep"),
                        ));
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        i += 1;
    }
    Ok(())
}

/// serde_json counts columns in bytes; people count characters.
fn char_column(text: &str, line: usize, byte_col: usize) -> usize {
    let Some(l) = text.split('\n').nth(line - 1) else {
        return byte_col.max(1);
    };
    let mut end = byte_col.min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    l[..end].chars().count().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Location;

    fn problems(json: &str) -> Vec<Problem> {
        load_bytes("t.json", json.as_bytes()).unwrap_err().problems
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let p = problems("{\n  \"schema\": 1\n  \"cities\": []\n}");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].location, Location::LineCol(3, 3));
        assert_eq!(p[0].message, "expected `,` or `}`");
    }

    #[test]
    fn empty_and_blank_files() {
        for text in ["", "  \n\t "] {
            let p = problems(text);
            assert_eq!(p[0].location, Location::File);
            assert!(p[0].message.starts_with("file is empty"));
        }
    }

    #[test]
    fn invalid_utf8_names_the_place() {
        let err = load_bytes("t.json", b"{\n \"title\": \"a\xff\"}").unwrap_err();
        assert_eq!(err.problems[0].location, Location::LineCol(2, 13));
        assert!(err.problems[0].message.contains("0xff"));
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let json = format!("\u{feff}{}", r#"{"schema":1,"cities":[],"articles":[]}"#);
        assert!(load_bytes("t.json", json.as_bytes()).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_in_plain_words() {
        let json = format!("{{\"x\": {}{}}}", "[".repeat(200), "]".repeat(200));
        let p = problems(&json);
        assert_eq!(p[0].message, "nested more than 127 levels deep");
        let nested = |n: usize| {
            format!(
                "{{\"schema\": 1, \"cities\": [], \"articles\": [], \"x\": {}{}}}",
                "[".repeat(n),
                "]".repeat(n)
            )
        };
        // The top object is one level, so 126 arrays make 127.
        assert!(load_bytes("t.json", nested(126).as_bytes()).is_ok());
        assert!(load_bytes("t.json", nested(127).as_bytes()).is_err());
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let p = problems("{\"title\": \"Öğrenen Şehir\" x}");
        assert_eq!(
            p[0].location,
            Location::LineCol(1, 27),
            "the x, in characters"
        );
    }

    #[test]
    fn size_limit_applies_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        std::fs::write(&path, r#"{"schema":1,"cities":[],"articles":[]}"#).unwrap();
        let err = load_file_with_limit(&path, 10).unwrap_err();
        assert!(
            err.problems[0]
                .message
                .starts_with("file is too large (38 bytes)"),
            "{err}"
        );
        assert!(load_file_with_limit(&path, 1000).is_ok());
    }

    #[test]
    fn missing_files_and_directories() {
        let err = load_file(Path::new("/no/such/corpus.json")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "/no/such/corpus.json: cannot open: No such file or directory"
        );
        let dir = tempfile::tempdir().unwrap();
        let err = load_file(dir.path()).unwrap_err();
        assert!(err
            .to_string()
            .ends_with("is a directory, not a corpus file"));
    }

    #[test]
    fn human_sizes() {
        assert_eq!(human_bytes(1 << 30), "1.0 GiB");
        assert_eq!(human_bytes(1536), "1.5 KiB");
    }
}
