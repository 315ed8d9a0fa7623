//! Turning a plain-text news article into a report of a corpus, without any
//! input or output: the text's blocks, the report's default id, the
//! report's JSON and its place among a corpus's articles. `learncity
//! import` (src/cli/import.rs) reads and writes the files around it.
//!
//! # How a text becomes blocks
//!
//! - The text is UTF-8; a byte-order mark is dropped and `\r\n` and lone
//!   `\r` become `\n`. Every line is cleaned as the loader cleans a text
//!   (control characters and escape sequences removed, tabs made spaces)
//!   and trimmed.
//! - The first non-blank line is the title, unless a title is given.
//! - **Lines and paragraphs.** News text copied from a web page has one
//!   paragraph per line, and blank lines here and there; text wrapped by
//!   hand (an e-mail, a text editor) has paragraphs of several short lines
//!   between blank lines. So: when some line of the body is longer than
//!   [`WRAPPED_MAX_CHARS`] characters, the text is not wrapped by hand and
//!   **each line is a block**, blank lines only separating; otherwise **the
//!   lines between two blank lines are one block**, joined with spaces.
//! - **Kinds.** A block of at most [`HEADING_MAX_CHARS`] characters whose
//!   last character (after any closing quote marks or brackets) is not a
//!   sentence's end (`.` `!` `?` `:` `;` `…`) is a `heading`; otherwise a
//!   block that starts with a quote mark (`"` `'` `“` `”` `„` `‘` `’` `‚`
//!   `«` `»` `‹` `›` `「` `『`, but not an apostrophe before a digit, as in
//!   `'90'lı yıllar`) is a `quote`; every other block is a `paragraph`. The
//!   heading rule comes first: a short quoted line without a full stop
//!   (`"büyük bir onurdur"`) is a heading, as news sites use them.
//!
//! Nothing is added to the text, and nothing but blank lines and the
//! spaces at the ends of lines is taken away.

use serde_json::{Map, Value};

use super::{Block, BlockKind};
use crate::text::fold::fold;
use crate::text::sanitize::{sanitize_line, sanitize_text};

/// The longest block (in characters) that can be a heading.
pub const HEADING_MAX_CHARS: usize = 80;

/// A text whose lines are all at most this long (in characters) is taken
/// to be wrapped by hand. Hand wrapping is at 72 to 80 columns; a paragraph
/// of a web page on one line is almost always longer.
pub const WRAPPED_MAX_CHARS: usize = 100;

/// The longest default id, in characters (the city's id and as many whole
/// words of the title as fit; at least one word).
pub const SLUG_MAX_CHARS: usize = 60;

/// Why a text cannot be a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// Not UTF-8: the first bad byte, its offset in the input (counting a
    /// byte-order mark) and its 1-based line and column (in characters).
    NotUtf8 {
        byte: u8,
        offset: usize,
        line: usize,
        column: usize,
    },
    /// Nothing but whitespace (or only lines that cleaning empties).
    Empty,
    /// A title line and nothing after it.
    NoBody,
}

/// The text of `bytes` with a byte-order mark dropped and line ends made
/// `\n`.
pub fn decode(bytes: &[u8]) -> Result<String, TextError> {
    let (bom, bytes) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
        TextError::NotUtf8 {
            byte: bytes[at],
            offset: at + bom,
            line,
            column,
        }
    })?;
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// A text taken apart: its title (when it comes from the first line) and
/// its blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub title: Option<String>,
    pub body: Vec<Block>,
}

/// The blocks of `text` (already decoded); the first line is the title when
/// `title_from_first_line`.
pub fn parse(text: &str, title_from_first_line: bool) -> Result<Parsed, TextError> {
    let mut lines = text.split('\n').map(|l| sanitize_text(l).trim().to_owned());
    let mut title = None;
    if title_from_first_line {
        let first = lines.by_ref().find(|l| !l.is_empty());
        match first {
            Some(first) => title = Some(sanitize_line(&first)),
            None => return Err(TextError::Empty),
        }
    }
    let lines: Vec<String> = lines.collect();
    let by_hand = lines.iter().all(|l| l.chars().count() <= WRAPPED_MAX_CHARS);
    let mut texts: Vec<String> = Vec::new();
    let mut joining = false;
    for line in lines {
        if line.is_empty() {
            joining = false;
        } else if joining {
            let last = texts.last_mut().expect("joining follows a block");
            last.push(' ');
            last.push_str(&line);
        } else {
            texts.push(line);
            joining = by_hand;
        }
    }
    if texts.is_empty() {
        return Err(if title.is_some() {
            TextError::NoBody
        } else {
            TextError::Empty
        });
    }
    let body = texts
        .into_iter()
        .map(|text| Block {
            kind: classify(&text),
            text,
        })
        .collect();
    Ok(Parsed { title, body })
}

/// The kind of a block of text (trimmed, not empty): see the module's
/// documentation.
pub fn classify(text: &str) -> BlockKind {
    if text.chars().count() <= HEADING_MAX_CHARS && !ends_a_sentence(text) {
        BlockKind::Heading
    } else if opens_with_quote(text) {
        BlockKind::Quote
    } else {
        BlockKind::Paragraph
    }
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

fn ends_a_sentence(text: &str) -> bool {
    let end = text.trim_end_matches(|c: char| {
        is_quote_mark(c) || matches!(c, ')' | ']' | '}') || c.is_whitespace()
    });
    end.ends_with(['.', '!', '?', ':', ';', '…', '。', '！', '？', '：', '；'])
}

fn opens_with_quote(text: &str) -> bool {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        // '90'lı yıllar, ’80’ler: an apostrophe standing for a century.
        (Some('\'' | '’'), Some(d)) if d.is_ascii_digit() => false,
        (Some(c), _) => is_quote_mark(c),
        (None, _) => false,
    }
}

/// The default id of a report: the city's id, then the first words of the
/// title, folded (Turkish letters to their base letters, accents and case
/// removed), joined by `-`; apostrophes vanish (`Ağı'na` → `agina`). The
/// city's id is not repeated when the title starts with it. `None` when the
/// title has no letter or digit.
pub fn slug(city: &str, title: &str) -> Option<String> {
    let folded = fold(title);
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else if matches!(c, '\'' | '’' | 'ʼ' | '`' | '´') {
            // Part of the word: a suffix follows.
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    if words.is_empty() {
        return None;
    }
    let mut out = city.to_owned();
    let mut rest = words.as_slice();
    // "Balıkesir UNESCO …" about balikesir: balikesir-unesco-…
    let city_words: Vec<&str> = city.split('-').collect();
    if rest.len() > city_words.len() && rest.iter().zip(&city_words).all(|(w, c)| w == c) {
        rest = &rest[city_words.len()..];
    }
    for (i, w) in rest.iter().enumerate() {
        let fits = out.chars().count() + 1 + w.chars().count() <= SLUG_MAX_CHARS;
        if i > 0 && !fits {
            break;
        }
        out.push('-');
        out.push_str(w);
    }
    Some(out)
}

/// True when `s` is a date as the format takes it (`YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`, a day that exists), by the loader's own rule.
pub fn is_date(s: &str) -> bool {
    super::validate::date_problem(s).is_none()
}

/// True when `s` looks like a language tag (`tr`, `en`, `pt-BR`,
/// `zh-Hant`): two or three letters, then parts of letters and digits
/// after hyphens. The format does not check `lang`; this catches a title
/// or a sentence given by mistake.
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// True when `s` looks like a web address: `http://` or `https://`, then a
/// host, and no whitespace. (The format does not check a source's `url`;
/// this catches a publisher's name given as the address.)
pub fn is_web_address(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !s.contains(char::is_whitespace)
    })
}

/// What a report is made of, as given on the command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub id: String,
    pub city: String,
    pub title: String,
    pub lang: String,
    pub published: Option<String>,
    pub source_name: Option<String>,
    pub source_url: Option<String>,
    pub summary: Option<String>,
    pub body: Vec<Block>,
}

impl Report {
    /// The report as a corpus writes it, keys in the format's order
    /// (`id`, `city`, `title`, `lang`, `published`, `source`, `summary`,
    /// `body`, `figures`); fields not given are left out, and `figures` is
    /// empty (an imported text has no figures yet).
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("id".into(), self.id.clone().into());
        m.insert("city".into(), self.city.clone().into());
        m.insert("title".into(), self.title.clone().into());
        m.insert("lang".into(), self.lang.clone().into());
        if let Some(p) = &self.published {
            m.insert("published".into(), p.clone().into());
        }
        if self.source_name.is_some() || self.source_url.is_some() {
            let mut s = Map::new();
            if let Some(n) = &self.source_name {
                s.insert("name".into(), n.clone().into());
            }
            if let Some(u) = &self.source_url {
                s.insert("url".into(), u.clone().into());
            }
            m.insert("source".into(), Value::Object(s));
        }
        if let Some(s) = &self.summary {
            m.insert("summary".into(), s.clone().into());
        }
        let body = self
            .body
            .iter()
            .map(|b| {
                let mut o = Map::new();
                o.insert("kind".into(), kind_name(b.kind).into());
                o.insert("text".into(), b.text.clone().into());
                Value::Object(o)
            })
            .collect();
        m.insert("body".into(), Value::Array(body));
        m.insert("figures".into(), Value::Array(Vec::new()));
        Value::Object(m)
    }
}

/// The name of a block kind in the corpus format.
pub fn kind_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Heading => "heading",
        BlockKind::Paragraph => "paragraph",
        BlockKind::Quote => "quote",
    }
}

/// Where a report went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placed {
    /// Appended at the end of `articles`.
    Added,
    /// Put in the place of the report with the same id, which had this
    /// many figures.
    Replaced { figures: usize },
}

/// Why a report could not be put into a corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceError {
    /// A report with the id exists and replacing was not asked for.
    Exists,
    /// The corpus has no `articles` array (a loaded corpus always has).
    NoArticles,
}

/// Puts `report` (an object with an `id`) into the `articles` of
/// `corpus`, a corpus file's JSON text: in the place of the report with
/// the same id when `replace`, else at the end. Only the bytes of that
/// report change (and a comma before it): every other byte of the file is
/// as it was, numbers as written (`2.50`, `1.0e2`), unknown fields, key
/// order and layout included. Ids are compared as the loader compares
/// them, after cleaning.
pub fn place(corpus: &str, report: &Value, replace: bool) -> Result<(String, Placed), PlaceError> {
    use serde_json::value::RawValue;
    #[derive(serde::Deserialize)]
    struct Top<'a> {
        #[serde(borrow)]
        articles: Option<&'a RawValue>,
    }
    #[derive(serde::Deserialize)]
    struct Item {
        id: Option<String>,
        #[serde(default)]
        figures: Option<Vec<serde::de::IgnoredAny>>,
    }
    let id = report
        .get("id")
        .and_then(Value::as_str)
        .map(sanitize_line)
        .unwrap_or_default();
    let top: Top = serde_json::from_str(corpus).map_err(|_| PlaceError::NoArticles)?;
    let articles = top.articles.ok_or(PlaceError::NoArticles)?;
    let items: Vec<&RawValue> =
        serde_json::from_str(articles.get()).map_err(|_| PlaceError::NoArticles)?;
    let offset = |sub: &str| sub.as_ptr() as usize - corpus.as_ptr() as usize;
    let same = items.iter().position(|a| {
        serde_json::from_str::<Item>(a.get())
            .ok()
            .and_then(|i| i.id)
            .is_some_and(|other| sanitize_line(&other) == id)
    });
    // The new report laid out as the reports beside it are (indented as
    // the first one, or one step in from the line of `articles`).
    let line_start = |at: usize| corpus[..at].rfind('\n').map_or(0, |n| n + 1);
    let indent_of = |at: usize| {
        let line = &corpus[line_start(at)..at];
        line[..line.len() - line.trim_start().len()].to_owned()
    };
    let outer = indent_of(offset(articles.get()));
    let inner = items
        .first()
        .map(|i| offset(i.get()))
        .filter(|&at| corpus[line_start(at)..at].trim().is_empty())
        .map_or_else(|| format!("{outer}  "), indent_of);
    let pretty = serde_json::to_string_pretty(report).expect("a JSON value is written");
    let laid_out = pretty.replace('\n', &format!("\n{inner}"));
    let (at, end, text, placed) = match same {
        Some(_) if !replace => return Err(PlaceError::Exists),
        Some(i) => {
            let old = items[i].get();
            let figures = serde_json::from_str::<Item>(old)
                .ok()
                .and_then(|i| i.figures)
                .map_or(0, |f| f.len());
            let at = offset(old);
            (at, at + old.len(), laid_out, Placed::Replaced { figures })
        }
        None => match items.last() {
            Some(last) => {
                let at = offset(last.get()) + last.get().len();
                (at, at, format!(",\n{inner}{laid_out}"), Placed::Added)
            }
            None => {
                // `[]` (or `[ ]`): the whole array is written.
                let at = offset(articles.get());
                let end = at + articles.get().len();
                (
                    at,
                    end,
                    format!("[\n{inner}{laid_out}\n{outer}]"),
                    Placed::Added,
                )
            }
        },
    };
    let mut out = String::with_capacity(corpus.len() + text.len());
    out.push_str(&corpus[..at]);
    out.push_str(&text);
    out.push_str(&corpus[end..]);
    Ok((out, placed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, title: bool) -> Vec<(BlockKind, String)> {
        parse(text, title)
            .unwrap()
            .body
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    const LONG: &str = "Balıkesir Büyükşehir Belediyesi, şehirdeki kamu kuruluşlarıyla ortaklaşa yürüttüğü yetişkin eğitimi çalışmalarıyla UNESCO'nun ağına katıldı.";

    #[test]
    fn decoding_drops_the_mark_and_unifies_line_ends() {
        assert_eq!(decode(b"\xef\xbb\xbfa\r\nb\rc\n").unwrap(), "a\nb\nc\n");
        assert_eq!(decode("Öğrenen".as_bytes()).unwrap(), "Öğrenen");
    }

    #[test]
    fn bad_utf8_names_its_byte_and_place() {
        // ı in Windows-1254 is 0xfd.
        let err = decode(b"\xef\xbb\xbfBa\xfdkesir").unwrap_err();
        assert_eq!(
            err,
            TextError::NotUtf8 {
                byte: 0xfd,
                offset: 5,
                line: 1,
                column: 3
            }
        );
        match decode(b"one\ntw\xc3").unwrap_err() {
            TextError::NotUtf8 { line, column, .. } => assert_eq!((line, column), (2, 3)),
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn the_first_line_is_the_title() {
        let p = parse(&format!("\n  Başlık  \n{LONG}\n"), true).unwrap();
        assert_eq!(p.title.as_deref(), Some("Başlık"));
        assert_eq!(p.body.len(), 1);
        assert_eq!(p.body[0].kind, BlockKind::Paragraph);
        let p = parse(&format!("Başlık\n{LONG}"), false).unwrap();
        assert_eq!(p.title, None);
        assert_eq!(p.body.len(), 2, "without the title rule it is a heading");
    }

    #[test]
    fn empty_texts_and_titles_alone_are_refused() {
        assert_eq!(parse("", true), Err(TextError::Empty));
        assert_eq!(parse(" \n\t\n", false), Err(TextError::Empty));
        assert_eq!(parse("\u{1b}[2J\n", false), Err(TextError::Empty));
        assert_eq!(parse("Başlık\n\n  \n", true), Err(TextError::NoBody));
    }

    #[test]
    fn headings_are_short_and_do_not_end_a_sentence() {
        use BlockKind::*;
        assert_eq!(classify("Yeniliklerimiz devam edecek"), Heading);
        assert_eq!(classify("mansur yavaş'tan paylaşım"), Heading);
        assert_eq!(
            classify("Başkan Yılmaz, \"Balıkesir hayat boyu öğrenen şehir\""),
            Heading,
            "a closing quote is looked past"
        );
        assert_eq!(classify("\"büyük bir onurdur\""), Heading, "before quotes");
        assert_eq!(classify("Yavaş, şunu söyledi:"), Paragraph);
        assert_eq!(classify("Kısa bir cümle."), Paragraph);
        assert_eq!(classify("Neden önemli?"), Paragraph);
        assert_eq!(classify("“Bu bir onurdur.”"), Quote);
        assert_eq!(classify("(Kısa bir not.)"), Paragraph);
        let eighty = "a".repeat(HEADING_MAX_CHARS);
        assert_eq!(classify(&eighty), Heading);
        assert_eq!(classify(&format!("{eighty}a")), Paragraph);
        // Characters, not bytes: 80 Turkish letters are 160 bytes.
        assert_eq!(classify(&"ş".repeat(HEADING_MAX_CHARS)), Heading);
    }

    #[test]
    fn quotes_open_with_a_quote_mark() {
        use BlockKind::*;
        for open in ['"', '\'', '“', '„', '‘', '«', '»', '‹', '「'] {
            assert_eq!(classify(&format!("{open}{LONG}")), Quote, "{open}");
        }
        assert_eq!(classify(&format!("'90'lı yıllarda {LONG}")), Paragraph);
        assert_eq!(classify(&format!("’80’lerde {LONG}")), Paragraph);
        assert_eq!(classify(LONG), Paragraph);
    }

    #[test]
    fn one_line_per_paragraph_when_a_line_is_long() {
        use BlockKind::*;
        let text = format!("Başlık\n{LONG}\nAra başlık\n“{LONG}”\n\n\n{LONG}\n");
        assert_eq!(
            kinds(&text, true),
            [
                (Paragraph, LONG.to_owned()),
                (Heading, "Ara başlık".to_owned()),
                (Quote, format!("“{LONG}”")),
                (Paragraph, LONG.to_owned()),
            ]
        );
    }

    #[test]
    fn text_wrapped_by_hand_is_joined_between_blank_lines() {
        use BlockKind::*;
        let text = "Başlık\n\nBalıkesir Büyükşehir Belediyesi, şehirdeki kamu\nkuruluşlarıyla ortaklaşa yürüttüğü yetişkin eğitimi\nçalışmalarıyla ağa katıldı.\n\nAra başlık\n\n“Balıkesir hayat boyu öğrenen bir şehir\nolmayı sürdürecek.”\n";
        assert_eq!(
            kinds(text, true),
            [
                (
                    Paragraph,
                    "Balıkesir Büyükşehir Belediyesi, şehirdeki kamu kuruluşlarıyla ortaklaşa yürüttüğü yetişkin eğitimi çalışmalarıyla ağa katıldı.".to_owned()
                ),
                (Heading, "Ara başlık".to_owned()),
                (
                    Quote,
                    "“Balıkesir hayat boyu öğrenen bir şehir olmayı sürdürecek.”".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn lines_are_cleaned_and_trimmed_but_not_otherwise_changed() {
        let text = format!("  \u{1b}]2;x\u{7}Başlık\t \n\t{LONG}  with  two spaces \u{202e}\n");
        let p = parse(&text, true).unwrap();
        assert_eq!(p.title.as_deref(), Some("Başlık"));
        assert_eq!(p.body[0].text, format!("{LONG}  with  two spaces"));
    }

    #[test]
    fn a_long_text_costs_linear_time() {
        // 50 000 lines of one paragraph each, and one block of 200 000 lines.
        let many = format!("{LONG}\n").repeat(50_000);
        assert_eq!(parse(&many, true).unwrap().body.len(), 49_999);
        let wrapped = "kısa bir satır\n".repeat(200_000);
        assert_eq!(parse(&wrapped, false).unwrap().body.len(), 1);
    }

    #[test]
    fn slugs_fold_turkish_letters_and_keep_words_whole() {
        assert_eq!(
            slug(
                "balikesir",
                "Balıkesir UNESCO Öğrenen Şehirler Küresel Ağı'na katıldı"
            )
            .unwrap(),
            "balikesir-unesco-ogrenen-sehirler-kuresel-agina-katildi"
        );
        let ankara = slug(
            "ankara",
            "BELMEK başarısı taçlandı...Ankara'ya UNESCO’dan “Öğrenen Şehir” Unvanı!",
        )
        .unwrap();
        assert_eq!(
            ankara,
            "ankara-belmek-basarisi-taclandi-ankaraya-unescodan-ogrenen"
        );
        assert!(ankara.chars().count() <= SLUG_MAX_CHARS);
        assert_eq!(
            slug("istanbul", "İSTANBUL ÇOCUK ŞENLİĞİ").unwrap(),
            "istanbul-cocuk-senligi"
        );
        assert_eq!(
            slug("istanbul", "İSTANBUL'DA ÇOCUK ŞENLİĞİ").unwrap(),
            "istanbul-istanbulda-cocuk-senligi",
            "a suffixed name is another word"
        );
        assert_eq!(slug("al-ahsa", "Al-Ahsa joins").unwrap(), "al-ahsa-joins");
        let long = slug("x", &"Kelimeleruzunmuuzun ".repeat(10)).unwrap();
        assert!(long.chars().count() <= SLUG_MAX_CHARS, "{long}");
        let one = slug("x", &"a".repeat(100)).unwrap();
        assert_eq!(one, format!("x-{}", "a".repeat(100)), "one word at least");
        assert_eq!(slug("ankara", "— … !"), None);
        assert!(slug("x", "Κέρκυρα 北京").unwrap() == "x-κερκυρα-北京");
        let s = slug("ankara", "Ankara");
        assert_eq!(s.as_deref(), Some("ankara-ankara"), "never the city's id");
    }

    #[test]
    fn option_values_are_checked_lightly() {
        assert!(is_date("2025") && is_date("2025-12") && is_date("2024-02-29"));
        assert!(!is_date("2025-02-29") && !is_date("4 Aralık 2025") && !is_date("2025-1-2"));
        assert!(is_language_tag("tr") && is_language_tag("pt-BR") && is_language_tag("zh-Hant"));
        assert!(!is_language_tag("Türkçe") && !is_language_tag("t") && !is_language_tag("tr-"));
        assert!(is_web_address(
            "https://www.haberturk.com/balikesir-haberleri/1"
        ));
        assert!(is_web_address("HTTP://example.org"));
        assert!(!is_web_address("Habertürk") && !is_web_address("https://"));
        assert!(!is_web_address("https://a.org/b c"));
    }

    fn report(id: &str) -> Report {
        Report {
            id: id.into(),
            city: "ankara".into(),
            title: "Başlık".into(),
            lang: "tr".into(),
            published: Some("2025-12-04".into()),
            source_name: None,
            source_url: Some("https://example.org/a".into()),
            summary: None,
            body: vec![Block {
                kind: BlockKind::Heading,
                text: "Ara".into(),
            }],
        }
    }

    #[test]
    fn the_report_json_follows_the_format() {
        let v = report("r1").to_json();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "id",
                "city",
                "title",
                "lang",
                "published",
                "source",
                "body",
                "figures"
            ]
        );
        assert_eq!(
            v["source"],
            serde_json::json!({"url": "https://example.org/a"})
        );
        assert_eq!(
            v["body"],
            serde_json::json!([{"kind": "heading", "text": "Ara"}])
        );
    }

    #[test]
    fn placing_appends_refuses_or_replaces_in_place() {
        let corpus = r#"{"schema": 1, "x-extra": {"b": 1, "a": 2.50}, "cities": [],
  "articles": [
    {"id": " r1 ", "figures": [{"value": 1.0e2}, {}]},
    {"id": "r2", "n": 99999999999999999999}
  ], "z": 0}"#;
        let (added, how) = place(corpus, &report("r3").to_json(), false).unwrap();
        assert_eq!(how, Placed::Added);
        // Every byte before the new report is as it was, numbers as written.
        let end_of_r2 = corpus.find("99999999999999999999}").unwrap() + 21;
        assert_eq!(added[..end_of_r2], corpus[..end_of_r2]);
        assert!(
            added[end_of_r2..].starts_with(",\n    {\n      \"id\": \"r3\""),
            "{added}"
        );
        assert!(added.ends_with("\n  ], \"z\": 0}"), "{added}");
        let v: Value = serde_json::from_str(&added).unwrap();
        assert_eq!(v["articles"][2]["id"], "r3");

        assert_eq!(
            place(corpus, &report("r1").to_json(), false),
            Err(PlaceError::Exists),
            "ids compare as cleaned"
        );
        let (replaced, how) = place(corpus, &report("r1").to_json(), true).unwrap();
        assert_eq!(how, Placed::Replaced { figures: 2 });
        let v: Value = serde_json::from_str(&replaced).unwrap();
        assert_eq!(v["articles"][0]["id"], "r1");
        assert_eq!(v["articles"][0]["title"], "Başlık");
        assert_eq!(v["articles"].as_array().unwrap().len(), 2);
        assert!(replaced.contains(r#""a": 2.50}"#) && replaced.contains("99999999999999999999"));
        assert!(!replaced.contains("1.0e2"), "the replaced report is gone");

        let (first, _) = place(
            r#"{"schema": 1, "articles": []}"#,
            &report("r").to_json(),
            false,
        )
        .unwrap();
        let v: Value = serde_json::from_str(&first).unwrap();
        assert_eq!(v["articles"][0]["id"], "r");
        assert_eq!(
            place(r#"{"schema": 1}"#, &report("r").to_json(), false),
            Err(PlaceError::NoArticles)
        );
    }
}
