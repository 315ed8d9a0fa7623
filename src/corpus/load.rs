//! Reading a corpus file: size, encoding and syntax, then the schema and the
//! semantic checks. Every path ends in either a clean corpus or a list of
//! problems; no input can make it panic.

use std::fs::{File, Metadata};
use std::io::{Read, Seek};
use std::path::Path;

use xxhash_rust::xxh3::Xxh3;

use super::error::{LoadError, Problem};
use super::schema::Convert;
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
    load_path(path, max_bytes, None)
}

/// As [`load_file`], with the xxh3 hash of the bytes read (for the cache).
pub fn load_file_hashed(path: &Path) -> Result<(Corpus, u64), LoadError> {
    let mut hash = Xxh3::new();
    let corpus = load_path(path, MAX_FILE_BYTES, Some(&mut hash))?;
    Ok((corpus, hash.digest()))
}

/// A file is parsed a piece at a time as it is read (`stream::convert_pieces`),
/// so its bytes are never held whole; a file that is anything but a sound
/// corpus, or not a plain file, is read whole and parsed as a text, which
/// names its problems. `hash` takes the bytes read.
fn load_path(
    path: &Path,
    max_bytes: u64,
    mut hash: Option<&mut Xxh3>,
) -> Result<Corpus, LoadError> {
    let name = display_name(path);
    let one = |p| LoadError::one(&name, p);
    let (mut file, meta) = open_limited(path, max_bytes).map_err(one)?;
    if meta.is_file() {
        let pieces = stream::convert_pieces(&mut file, meta.len(), max_bytes, hash.as_deref_mut());
        if let Some(convert) = pieces {
            return conclude(&name, convert);
        }
        file.rewind().map_err(|e| one(cannot_read(&e)))?;
    }
    let bytes = read_open(file, &meta, max_bytes).map_err(one)?;
    if let Some(h) = hash {
        h.reset();
        h.update(&bytes);
    }
    load_bytes(&name, &bytes)
}

/// The bytes of the corpus file at `path`, up to `MAX_FILE_BYTES`.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_limited(path, MAX_FILE_BYTES).map_err(|p| LoadError::one(&display_name(path), p))
}

/// How a file is named in messages: as the user gave it, with control and
/// bidirectional characters, line breaks and tabs shown as escapes (a file
/// name can carry them too, and must not forge or reorder a line).
pub fn display_name(path: &Path) -> String {
    crate::text::sanitize::printable(&path.display().to_string())
}

fn cannot_read(e: &std::io::Error) -> Problem {
    Problem::file(crate::t!("error-cannot-read", reason = io_reason(e)))
}

fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Problem> {
    let (file, meta) = open_limited(path, max_bytes)?;
    read_open(file, &meta, max_bytes)
}

/// The file at `path`, open, unless it is a directory or a plain file over
/// `max_bytes`.
fn open_limited(path: &Path, max_bytes: u64) -> Result<(File, Metadata), Problem> {
    let file = File::open(path)
        .map_err(|e| Problem::file(crate::t!("error-cannot-open", reason = io_reason(&e))))?;
    let meta = file.metadata().map_err(|e| cannot_read(&e))?;
    if meta.is_dir() {
        return Err(Problem::file(crate::t!("error-is-directory")));
    }
    if meta.is_file() && meta.len() > max_bytes {
        return Err(too_large(meta.len(), max_bytes));
    }
    Ok((file, meta))
}

/// The rest of `file`, up to `max_bytes`.
fn read_open(file: File, meta: &Metadata, max_bytes: u64) -> Result<Vec<u8>, Problem> {
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
        .map_err(|e| cannot_read(&e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(Problem::file(crate::t!(
            "error-larger-than-limit",
            limit = human_bytes(max_bytes)
        )));
    }
    Ok(bytes)
}

fn too_large(len: u64, max: u64) -> Problem {
    Problem::file(crate::t!(
        "error-too-large",
        size = human_bytes(len),
        limit = human_bytes(max)
    ))
}

/// `38 bytes`, `1.5 KiB`, `1.0 GiB` (`1,0 GiB` in Turkish): one decimal
/// from a KiB on, with the language's decimal mark.
pub(crate) fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["", "KiB", "MiB", "GiB"];
    let mut v = n as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        crate::t!("error-bytes", n = n)
    } else {
        format!("{} {}", crate::i18n::fixed(v, 1), UNITS[unit])
    }
}

/// The message key for the commonest reasons the system gives (errno), so
/// that they read in the interface's language.
fn errno_key(errno: i32) -> Option<&'static str> {
    Some(match errno {
        libc::ENOENT => "io-not-found",
        libc::EACCES => "io-permission-denied",
        libc::EPERM => "io-not-permitted",
        libc::ENOTDIR => "io-not-a-directory",
        libc::EISDIR => "io-is-a-directory",
        libc::ENOSPC => "io-no-space",
        libc::EROFS => "io-read-only",
        libc::EEXIST => "io-exists",
        libc::ENOTEMPTY => "io-not-empty",
        libc::EIO => "io-io",
        libc::ELOOP => "io-loop",
        libc::ENAMETOOLONG => "io-name-too-long",
        libc::EMFILE | libc::ENFILE => "io-too-many-open",
        libc::EFBIG => "io-file-too-large",
        libc::EDQUOT => "io-quota",
        libc::EBUSY => "io-busy",
        libc::ENXIO => "io-no-device",
        libc::EINVAL => "io-invalid",
        libc::ENOMEM => "io-no-memory",
        libc::EAGAIN => "io-again",
        libc::EPIPE => "io-broken-pipe",
        _ => return None,
    })
}

/// The system's reason for `e`, in the interface's language for the
/// common ones; otherwise as the system says it, without Rust's
/// "(os error 2)" suffix. An error made by the program keeps its text.
pub fn io_reason(e: &std::io::Error) -> String {
    if let Some(key) = e.raw_os_error().and_then(errno_key) {
        return crate::i18n::text(key, &[]);
    }
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
    let convert =
        stream::convert(text).map_err(|e| LoadError::one(name, syntax_problem(text, &e)))?;
    conclude(name, convert)
}

/// The corpus, or the problems found in it.
fn conclude(name: &str, mut convert: Convert) -> Result<Corpus, LoadError> {
    validate::check(&convert.parts, &mut convert.problems);
    if convert.problems.is_empty() {
        Ok(convert.parts.into_corpus(convert.budget.left()))
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
            crate::t!(
                "error-not-utf8",
                byte = format!("{:02x}", bytes[at]),
                offset = (at + bom).to_string()
            ),
        )
    })?;
    if text.trim().is_empty() {
        return Err(Problem::file(crate::t!("error-file-empty")));
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
            "a list" => crate::t!("error-ends-in-array"),
            "an object" => crate::t!("error-ends-in-object"),
            "a string" => crate::t!("error-ends-in-string"),
            _ => crate::t!("error-ends-early"),
        }
    } else if message.starts_with("unpaired surrogate \\u") {
        // Named by the leaf that found it (see raw::Scalar), which knew the
        // escape but not its place: point at it, not at the string's end.
        let esc = message.get(19..25).unwrap_or("\\u");
        if let Some(c) = column_of_before(text, line, e.column(), esc) {
            col = c;
        }
        crate::t!("error-unpaired-surrogate", escape = esc)
    } else if message.contains("surrogate") || message.contains("end of hex escape") {
        // A \uD800–\uDFFF escape without its other half.
        match escape_before(text, line, e.column()) {
            Some(esc) => crate::t!("error-unpaired-surrogate", escape = esc),
            None => crate::t!("error-unpaired-surrogate-somewhere"),
        }
    } else {
        json_message(message)
    };
    Problem::line_col(line, col, message)
}

/// The parser's message (without its place) in the interface's language;
/// one it does not know stays as the parser wrote it.
fn json_message(message: &str) -> String {
    if let Some(field) = message
        .strip_prefix("duplicate field `")
        .and_then(|f| f.strip_suffix('`'))
    {
        return crate::t!("json-duplicate-field", field = field);
    }
    let key = match message {
        "expected `:`" => "json-expected-colon",
        "expected `,` or `]`" => "json-expected-comma-or-bracket",
        "expected `,` or `}`" => "json-expected-comma-or-brace",
        "expected ident" => "json-expected-ident",
        "expected value" => "json-expected-value",
        "expected `\"`" => "json-expected-quote",
        "invalid escape" => "json-invalid-escape",
        "invalid number" => "json-invalid-number",
        "number out of range" => "json-number-out-of-range",
        "invalid unicode code point" => "json-invalid-code-point",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "json-control-character"
        }
        "key must be a string" => "json-key-not-string",
        "trailing comma" => "json-trailing-comma",
        "trailing characters" => "json-trailing-characters",
        "recursion limit exceeded" => "json-recursion-limit",
        "EOF while parsing a list" => "error-ends-in-array",
        "EOF while parsing an object" => "error-ends-in-object",
        "EOF while parsing a string" => "error-ends-in-string",
        "EOF while parsing a value" => "error-ends-early",
        _ => return message.to_owned(),
    };
    crate::i18n::text(key, &[])
}

/// A JSON error of another file the program reads (the state file), in
/// the interface's language, with its line and column.
pub fn json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let message = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i]);
    if e.line() == 0 {
        return json_message(message);
    }
    crate::t!(
        "json-at",
        reason = json_message(message),
        line = e.line().to_string(),
        column = e.column().to_string()
    )
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
                            crate::t!("error-nested", max = MAX_DEPTH),
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
        with(Lang::En, || {
            assert_eq!(human_bytes(1 << 30), "1.0 GiB");
            assert_eq!(human_bytes(1536), "1.5 KiB");
            assert_eq!(human_bytes(1), "1 byte");
            assert_eq!(human_bytes(38), "38 bytes");
        });
        with(Lang::Tr, || {
            assert_eq!(human_bytes(1 << 30), "1,0 GiB");
            assert_eq!(human_bytes(1536), "1,5 KiB");
            assert_eq!(human_bytes(38), "38 bayt");
        });
    }

    use crate::i18n::{with, Lang};

    /// Gives at most `n` bytes a read, so that pieces end anywhere.
    struct Trickle<'a> {
        bytes: &'a [u8],
        n: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.n.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    /// The corpus as read by pieces, `n` bytes a read; `None` when the
    /// file is left to the whole-text parse.
    fn by_pieces(bytes: &[u8], n: usize) -> Option<Result<Corpus, LoadError>> {
        let input = Trickle { bytes, n };
        stream::convert_pieces(input, bytes.len() as u64, MAX_FILE_BYTES, None)
            .map(|c| conclude("t.json", c))
    }

    fn same(a: &Result<Corpus, LoadError>, b: &Result<Corpus, LoadError>) -> bool {
        match (a, b) {
            (Ok(a), Ok(b)) => {
                a.schema == b.schema
                    && a.title == b.title
                    && a.cities == b.cities
                    && a.articles == b.articles
                    && a.network == b.network
            }
            (Err(a), Err(b)) => a == b,
            _ => false,
        }
    }

    /// Every fixture, sound or not, and the bundled corpus: read by pieces,
    /// whatever the size of each read, the result is the whole-text
    /// parse's, problems included; and every file the whole-text parse
    /// reads without a syntax error is read by pieces.
    #[test]
    fn pieces_give_what_the_whole_text_gives() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut files: Vec<(String, Vec<u8>)> = ["valid", "invalid"]
            .iter()
            .flat_map(|d| std::fs::read_dir(dir.join(d)).unwrap())
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
            .collect();
        files.push((
            "bundled".into(),
            crate::corpus::BUNDLED_JSON.as_bytes().into(),
        ));
        let mut read = 0;
        for (name, bytes) in &files {
            let whole = load_bytes("t.json", bytes);
            // Left to the whole text: syntax, and lists of other than objects.
            let unusual = whole.as_ref().is_err_and(|e| {
                e.problems.iter().any(|p| match &p.location {
                    Location::Path(path) => {
                        let item = path
                            .strip_prefix("cities[")
                            .or(path.strip_prefix("articles["));
                        item.and_then(|i| i.strip_suffix(']'))
                            .is_some_and(|i| i.bytes().all(|b| b.is_ascii_digit()))
                    }
                    _ => true,
                })
            });
            for n in [1, 7, 4096, usize::MAX] {
                match by_pieces(bytes, n) {
                    Some(pieces) => {
                        assert!(same(&pieces, &whole), "{name}, {n} bytes a read");
                        read += 1;
                    }
                    None => assert!(unusual, "{name} is read by pieces"),
                }
            }
        }
        assert!(read > 100, "{read}");
    }

    #[test]
    fn pieces_leave_anything_unusual_to_the_whole_text() {
        let ok = r#"{"schema": 2, "cities": [], "articles": []}"#;
        assert!(by_pieces(ok.as_bytes(), 3).is_some());
        for text in [
            "",
            "  ",
            "[]",
            r#"{"schema": 2, "cities": [], "articles": [],}"#,
            r#"{"schema": 2, "cities": [], "articles": []} x"#,
            r#"{"schema": 2, "cities": [], "articles": [], "schema": 1}"#,
            r#"{"schema": 2, "cities": [1], "articles": []}"#,
            r#"{"schema": 2, "cities": [{},], "articles": []}"#,
            r#"{"schema": 2, "cities": [{} {}], "articles": []}"#,
            r#"{"schema": 2 "cities": [], "articles": []}"#,
            r#"{"schema": 2, "cities": [], "articles": [{"title": "\ud800"}]}"#,
            r#"{"schema": 2, "cities": [], "articles": [{"title": "a}]}"#,
            r#"{"schema": 2, "cities": [], "articles": [{"title": "a"]}]}"#,
            r#"{"schema": 2, "cities": [], "articles": [{"title": tru}]}"#,
            r#"{schema: 2}"#,
            "{\"schema\": 2, \"title\": \"\u{0}\"}",
        ] {
            assert!(by_pieces(text.as_bytes(), 3).is_none(), "{text}");
        }
        // Invalid UTF-8, inside a value and between values.
        assert!(by_pieces(b"{\"title\": \"a\xff\"}", 3).is_none());
        assert!(by_pieces(b"{\"title\": \"a\"\xff}", 3).is_none());
        // Nesting: 126 levels inside the top object are allowed, 127 not.
        let nested = |n: usize| {
            format!(
                "{{\"schema\": 1, \"cities\": [], \"articles\": [], \"x\": {}{}}}",
                "[".repeat(n),
                "]".repeat(n)
            )
        };
        assert!(by_pieces(nested(126).as_bytes(), 5).is_some());
        assert!(by_pieces(nested(127).as_bytes(), 5).is_none());
        let deep_item = format!(
            "{{\"cities\": [{{\"x\": {}{}}}]}}",
            "[".repeat(125),
            "]".repeat(125)
        );
        assert!(by_pieces(deep_item.as_bytes(), 5).is_none());
        assert!(load_bytes("t.json", deep_item.as_bytes()).is_err());
    }

    #[test]
    fn pieces_read_marks_escapes_and_any_order_of_fields() {
        let text = "\u{feff} {\"articles\": [] , \"x\": {\"a\": [1, \"]\\\"}\"]},\
                    \"cit\\u0069es\" : [{\"id\": \"a\", \"name\": \"A\\\\\", \"country\": \"B\"}],\
                    \"schema\":1, \"network\": null, \"title\": \"T\"}\n";
        let whole = load_bytes("t.json", text.as_bytes());
        assert!(whole.is_ok());
        for n in [1, 2, 3, 1000] {
            assert!(same(&by_pieces(text.as_bytes(), n).unwrap(), &whole));
        }
    }

    #[test]
    fn a_piece_larger_than_the_buffer_is_read_whole() {
        let long = "ab ".repeat(1 << 20);
        let text = format!(
            r#"{{"schema": 2, "cities": [{{"id": "x", "name": "X"}}], "articles": [
            {{"id": "a", "city": "x", "title": "T", "body": [{{"kind": "paragraph", "text": "{long}"}}]}}]}}"#
        );
        let corpus = by_pieces(text.as_bytes(), 1 << 16).unwrap().unwrap();
        assert_eq!(corpus.articles[0].body[0].text, long);
    }

    #[test]
    fn a_file_that_changes_length_while_read_is_read_again() {
        let ok = r#"{"schema": 2, "cities": [], "articles": []}"#;
        let input = Trickle {
            bytes: ok.as_bytes(),
            n: 5,
        };
        let len = ok.len() as u64;
        assert!(stream::convert_pieces(input, len - 1, MAX_FILE_BYTES, None).is_none());
        let input = Trickle {
            bytes: ok.as_bytes(),
            n: 5,
        };
        assert!(stream::convert_pieces(input, len, len - 1, None).is_none());
    }

    #[test]
    fn files_are_hashed_whole_whichever_way_they_are_read() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("ok.json", r#"{"schema": 2, "cities": [], "articles": []}"#),
            (
                "bom.json",
                "\u{feff}{\"schema\": 2, \"cities\": [], \"articles\": []}",
            ),
            (
                "odd.json",
                r#"{"schema": 2, "cities": [], "articles": [],}"#,
            ),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
            match load_file_hashed(&path) {
                Ok((_, h)) => assert_eq!(h, hash, "{name}"),
                Err(e) => {
                    assert_eq!(name, "odd.json");
                    assert_eq!(
                        e,
                        load_bytes(&display_name(&path), text.as_bytes()).unwrap_err()
                    );
                }
            }
        }
    }

    fn lines_in(lang: Lang, json: &str) -> Vec<String> {
        with(lang, || {
            load_bytes("t.json", json.as_bytes())
                .unwrap_err()
                .lines()
                .collect()
        })
    }

    #[test]
    fn syntax_problems_in_turkish() {
        let tr = |json: &str| lines_in(Lang::Tr, json);
        assert_eq!(
            tr("{\n  \"schema\": 1\n  \"cities\": []\n}"),
            ["t.json:3:3: `,` ya da `}` bekleniyordu"]
        );
        assert_eq!(
            tr("{\"cities\": [1, 2,]}"),
            ["t.json:1:18: fazladan virgül"]
        );
        assert_eq!(
            tr("{\"cities\": [{\"id\": \"a\", \"id\": \"b\"}]}"),
            ["t.json:1:28: `id` alanı birden çok kez yazılmış"]
        );
        assert_eq!(
            tr("{\"cities\": ["),
            ["t.json:1:12: dosya bir dizinin içinde bitiyor (bir `]` eksik)"]
        );
        assert_eq!(
            tr("{\"title\": \"\\ud800\"}"),
            ["t.json:1:12: eşi olmayan vekil karakter \\ud800; bir \\uD800–\\uDBFF kaçışının ardından bir \\uDC00–\\uDFFF kaçışı gelmeli"]
        );
        // Line and column are places, not amounts: never grouped.
        let far = format!("{{{}x}}", "\n".repeat(1233));
        assert_eq!(
            tr(&far),
            ["t.json:1234:1: anahtar tırnak içinde bir metin olmalı"]
        );
        assert_eq!(tr(" "), ["t.json: dosya boş; JSON biçiminde bir derlem bekleniyordu (bkz. docs/corpus-format.md)"]);
        let err = with(Lang::Tr, || {
            load_bytes("t.json", b"{\n \"title\": \"a\xff\"}").unwrap_err()
        });
        assert_eq!(
            err.to_string(),
            "t.json:2:13: geçerli UTF-8 değil (0xff baytı, konum 14); dosyayı UTF-8 olarak kaydedin"
        );
        let deep = format!("{{\"x\": {}{}}}", "[".repeat(200), "]".repeat(200));
        assert_eq!(
            tr(&deep),
            ["t.json:1:133: 127 düzeyden daha derin iç içe geçmiş"]
        );
    }

    #[test]
    fn field_problems_in_turkish() {
        let json = r#"{"schema": "1", "title": 5, "cities": [
            {"id": "ankara", "name": "Ankara", "country": "Türkiye", "joined": 2012},
            {"name": "", "country": "X", "status": "likely", "coords": {"lat": 91, "lon": 0}},
            {"id": "ankara", "name": "Ankara", "country": "Türkiye", "joined": 2.5},
            "izmir"
        ], "articles": [
            {"id": "r", "city": "ankra", "title": "T", "published": "2025-13",
             "body": [{"kind": "paragraph", "text": "x"}],
             "figures": [{"label": "n", "value": 3, "quote": "yok"}]},
            {"id": "ankara", "city": "ankara", "title": "T",
             "body": [{"kind": "subtitle", "text": "x"}]},
            {"id": "s", "city": "ankara", "title": "T", "body": []}
        ], "network": {"timeline": [{"date": "2013-02-30", "cities": -1}],
                       "rounds": [{"year": 3000}]}}"#;
        let this_year = crate::corpus::current_year();
        let expected = [
            "schema: 1 ya da daha büyük bir tam sayı bekleniyordu, metin bulundu".to_owned(),
            "title: metin bekleniyordu, 5 bulundu".to_owned(),
            "cities[0].joined: 2012, ağın kurulduğu yıldan (2013) önce".to_owned(),
            "cities[1].status: bilinmeyen durum \"likely\"; beklenen: \"confirmed\", \"single-source\" ya da \"disputed\"".to_owned(),
            "cities[1].coords.lat: 91, -90 ile 90 derece arasında değil".to_owned(),
            "cities[1].id: zorunlu alan eksik".to_owned(),
            "cities[1].name: boş olmamalı".to_owned(),
            "cities[2].id: yinelenen kimlik \"ankara\" (cities[0] ile aynı)".to_owned(),
            "cities[2].joined: tam sayı ya da null bekleniyordu, 2.5 bulundu".to_owned(),
            "cities[3]: nesne bekleniyordu, metin bulundu".to_owned(),
            "articles[0].city: kimliği \"ankra\" olan şehir yok; bunu mu demek istediniz: \"ankara\"?".to_owned(),
            "articles[0].published: \"2025-13\": 13 diye bir ay yok".to_owned(),
            "articles[0].figures[0].quote: raporun metninde geçmiyor; cümleyi aynen alıntılayın".to_owned(),
            "articles[1].id: \"ankara\" aynı zamanda bir şehrin kimliği; kimlikler şehirler ve raporlar arasında benzersiz olmalı".to_owned(),
            "articles[1].body[0].kind: bilinmeyen blok türü \"subtitle\"; beklenen: \"heading\", \"paragraph\" ya da \"quote\"".to_owned(),
            "articles[2].body: en az bir blok içermeli".to_owned(),
            format!("network.rounds[0].year: 3000 henüz gelmedi (bu yıl {this_year})"),
            "network.timeline[0].date: \"2013-02-30\": o ayda 30 diye bir gün yok".to_owned(),
            "network.timeline[0].cities: 0 veya daha büyük bir tam sayı ya da null bekleniyordu, -1 bulundu".to_owned(),
        ];
        let got = lines_in(Lang::Tr, json);
        let got: Vec<&str> = got
            .iter()
            .map(|l| l.strip_prefix("t.json: ").unwrap_or(l))
            .collect();
        assert_eq!(got, expected);
        // The same problems in English, one for one.
        assert_eq!(lines_in(Lang::En, json).len(), expected.len());
        assert_eq!(
            lines_in(Lang::Tr, "[1]"),
            ["t.json: en üst düzeyde bir JSON nesnesi bekleniyordu, dizi bulundu"]
        );
        assert_eq!(
            lines_in(Lang::Tr, "{}"),
            [
                "t.json: schema: zorunlu alan eksik (bu program 1 ve 2 numaralı şemaları okur)",
                "t.json: cities: zorunlu alan eksik",
                "t.json: articles: zorunlu alan eksik",
            ]
        );
        assert_eq!(
            lines_in(Lang::Tr, r#"{"schema": 3, "cities": [], "articles": []}"#),
            ["t.json: schema: şema 3, bu programın anladığı şemadan (2) daha yeni; learncity'yi güncelleyin"]
        );
    }

    #[test]
    fn a_list_over_its_limit_is_refused_in_both_languages() {
        let sources = vec![r#"{"url": "u"}"#; 10_001].join(",");
        let json = format!(
            r#"{{"schema": 2, "cities": [{{"id": "x", "name": "X", "sources": [{sources}, 0]}}],
            "articles": []}}"#
        );
        assert_eq!(
            lines_in(Lang::En, &json),
            [
                "t.json: cities[0].sources: 10,002\u{a0}source links in one list; at most 10,000 are allowed",
            ]
        );
        assert_eq!(
            lines_in(Lang::Tr, &json),
            ["t.json: cities[0].sources: tek bir listede 10.002\u{a0}kaynak bağlantısı var; en çok 10.000 olabilir"]
        );
        // At the limit, the list is read.
        let ok = json
            .replace(", 0]", "]")
            .replacen(r#"{"url": "u"},"#, "", 1);
        let corpus = load_bytes("t.json", ok.as_bytes()).unwrap();
        assert_eq!(corpus.cities[0].sources.len(), 10_000);
    }

    #[test]
    fn file_problems_in_turkish() {
        with(Lang::Tr, || {
            let err = load_file(Path::new("/no/such/corpus.json")).unwrap_err();
            assert_eq!(
                err.to_string(),
                "/no/such/corpus.json: açılamıyor: böyle bir dosya ya da dizin yok"
            );
            let dir = tempfile::tempdir().unwrap();
            let err = load_file(dir.path()).unwrap_err();
            assert!(err
                .to_string()
                .ends_with(": bir dizin, derlem dosyası değil"));
            let path = dir.path().join("big.json");
            std::fs::write(&path, "x".repeat(2000)).unwrap();
            let err = load_file_with_limit(&path, 1024).unwrap_err();
            assert!(
                err.to_string()
                    .ends_with(": dosya çok büyük (2,0 KiB); sınır 1,0 KiB"),
                "{err}"
            );
        });
    }

    #[test]
    fn the_systems_reasons_have_words_in_both_languages() {
        for errno in 0..200 {
            let Some(key) = errno_key(errno) else {
                continue;
            };
            for lang in Lang::ALL {
                let text = with(lang, || {
                    io_reason(&std::io::Error::from_raw_os_error(errno))
                });
                assert_ne!(text, key, "{lang:?}");
            }
        }
        // In English, the words the system uses.
        let e = std::io::Error::from_raw_os_error(libc::ENOSPC);
        assert_eq!(with(Lang::En, || io_reason(&e)), "No space left on device");
        assert_eq!(with(Lang::Tr, || io_reason(&e)), "aygıtta boş yer kalmadı");
        // A reason the program wrote keeps its words.
        let own = std::io::Error::new(std::io::ErrorKind::WouldBlock, "busy here");
        assert_eq!(with(Lang::Tr, || io_reason(&own)), "busy here");
    }
}
