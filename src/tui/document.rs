//! What the viewer shows, wrapped once per (document, width): a report, or a
//! city's card. Lines are byte ranges into the texts, so a 2 MB article costs
//! its line table and nothing more, and drawing touches only visible lines.
//!
//! A report with a summary shows it before its text or after it
//! ([`Order`]). Places in a report are kept in one numbering of its pieces
//! whatever the order (see [`Document::canonical`]), so a place noted in
//! one order is found again in the other, and in the state file.

use std::ops::Range;

use crate::corpus::{BlockKind, Corpus};
use crate::search::{Doc, Pattern};
use crate::stats::article_words;
use crate::stats::reading_minutes;
use crate::t;
use crate::text::number::{self, Unit};
use crate::text::wrap::{cut_anywhere, wrap};

/// How a piece of the document is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceStyle {
    Title,
    Meta,
    /// A web address: lines of its own, never broken at a word; one wider
    /// than the pane goes on over the next lines, so it is all there.
    Link,
    Label,
    Summary,
    Heading,
    Paragraph,
    Quote,
    Notice,
    Blank,
}

/// Where a piece's text lives: copied if small, else in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Own(String),
    Title,
    Summary,
    Block(usize),
}

#[derive(Debug, Clone)]
pub struct Piece {
    pub style: PieceStyle,
    pub source: Source,
}

/// One screen line: a byte range of one piece's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocLine {
    pub piece: usize,
    pub start: usize,
    pub end: usize,
}

/// A place in the document: a piece and a byte range in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    pub piece: usize,
    pub range: Range<usize>,
}

/// Which comes first in a report that has a summary: the summary (in
/// English) or the report's own text (the Turkish text of the bundled
/// reports). English readers get the summary first, Turkish readers the
/// text; `L` swaps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    SummaryFirst,
    TextFirst,
}

impl Order {
    /// The order a reader of `lang` starts with.
    pub fn for_language(lang: crate::i18n::Lang) -> Order {
        match lang {
            crate::i18n::Lang::En => Order::SummaryFirst,
            crate::i18n::Lang::Tr => Order::TextFirst,
        }
    }

    pub fn swapped(self) -> Order {
        match self {
            Order::SummaryFirst => Order::TextFirst,
            Order::TextFirst => Order::SummaryFirst,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    pub doc: Doc,
    pub width: usize,
    pub pieces: Vec<Piece>,
    pub lines: Vec<DocLine>,
    /// The pieces that are headings of the text, in order: for the
    /// section shown in the viewer's frame, `[`/`]` and the outline.
    pub headings: Vec<usize>,
    /// Each piece's number in the canonical arrangement (the summary
    /// before the text, no line about the order), and where each canonical
    /// piece is: both empty when the two are the same.
    canon: Vec<usize>,
    position: Vec<usize>,
}

/// Quotes are indented by this many columns (drawn with a bar).
pub const QUOTE_INDENT: usize = 2;

impl Document {
    /// `words` is the article's word count when already known (the index
    /// counts them), so a 2 MB article is not read once more to say it.
    pub fn build(
        corpus: &Corpus,
        doc: Doc,
        width: usize,
        words: Option<usize>,
        order: Order,
    ) -> Self {
        let (pieces, canon) = match doc {
            Doc::Article(i) => article_pieces(corpus, i, words, order),
            Doc::City(i) => (city_pieces(corpus, i), Vec::new()),
        };
        let mut position = vec![0; canon.iter().max().map_or(0, |m| m + 1)];
        for (p, &c) in canon.iter().enumerate().rev() {
            // The order line shares its number with the header line before
            // it, which is where the number leads.
            position[c] = p;
        }
        let headings = pieces
            .iter()
            .enumerate()
            .filter(|(_, p)| p.style == PieceStyle::Heading)
            .map(|(i, _)| i)
            .collect();
        let mut d = Document {
            doc,
            width,
            pieces,
            lines: Vec::new(),
            headings,
            canon,
            position,
        };
        d.wrap_all(corpus);
        d
    }

    fn wrap_all(&mut self, corpus: &Corpus) {
        let mut lines = Vec::new();
        for (p, piece) in self.pieces.iter().enumerate() {
            let w = match piece.style {
                PieceStyle::Quote => self.width.saturating_sub(QUOTE_INDENT),
                _ => self.width,
            };
            let text = self.text_of(corpus, p);
            if piece.style == PieceStyle::Link {
                lines.extend(cut_anywhere(text, w).into_iter().map(|r| DocLine {
                    piece: p,
                    start: r.start,
                    end: r.end,
                }));
                continue;
            }
            lines.extend(wrap(text, w).into_iter().map(|r| DocLine {
                piece: p,
                start: r.start,
                end: r.end,
            }));
        }
        self.lines = lines;
    }

    /// Piece `p`'s number in the canonical arrangement: the summary before
    /// the text and no line about the order, whatever the order shown. The
    /// places kept for a report (and saved between sessions) use it.
    pub fn canonical(&self, p: usize) -> usize {
        self.canon.get(p).copied().unwrap_or(p)
    }

    /// The piece whose canonical number is `c` (see [`Self::canonical`]).
    pub fn piece_at(&self, c: usize) -> usize {
        if self.position.is_empty() {
            c
        } else {
            self.position
                .get(c)
                .copied()
                .unwrap_or_else(|| c.min(self.pieces.len().saturating_sub(1)))
        }
    }

    /// The text of piece `p`.
    pub fn text_of<'a>(&'a self, corpus: &'a Corpus, p: usize) -> &'a str {
        match (&self.pieces[p].source, self.doc) {
            (Source::Own(s), _) => s,
            (Source::Title, Doc::Article(i)) => &corpus.articles[i].title,
            (Source::Summary, Doc::Article(i)) => {
                corpus.articles[i].summary.as_deref().unwrap_or("")
            }
            (Source::Block(b), Doc::Article(i)) => &corpus.articles[i].body[*b].text,
            (_, Doc::City(_)) => "",
        }
    }

    /// Whether search matches count in piece `p` (not in the metadata).
    pub fn searchable(&self, p: usize) -> bool {
        !matches!(
            self.pieces[p].style,
            PieceStyle::Meta | PieceStyle::Link | PieceStyle::Label | PieceStyle::Blank
        )
    }

    /// The first line of piece `p`.
    pub fn first_line(&self, p: usize) -> usize {
        self.lines.partition_point(|l| l.piece < p)
    }

    /// The heading the text at `line` is under: the last heading at or
    /// before it.
    pub fn section_at(&self, line: usize) -> Option<usize> {
        let piece = self.lines.get(line)?.piece;
        let i = self.headings.partition_point(|&h| h <= piece);
        i.checked_sub(1).map(|i| self.headings[i])
    }

    /// The line where the next (`dir` > 0) or previous heading starts,
    /// seen from a top line `line`.
    pub fn heading_from(&self, line: usize, dir: isize) -> Option<usize> {
        let starts = self.headings.iter().map(|&h| self.first_line(h));
        if dir > 0 {
            starts.into_iter().find(|&l| l > line)
        } else {
            starts.into_iter().rev().find(|&l| l < line)
        }
    }

    /// The same for paragraphs: any block of the text (paragraph, quote,
    /// heading, summary), not the blank lines or the header.
    pub fn paragraph_from(&self, line: usize, dir: isize) -> Option<usize> {
        let text = |p: &usize| {
            matches!(
                self.pieces[*p].style,
                PieceStyle::Paragraph
                    | PieceStyle::Quote
                    | PieceStyle::Heading
                    | PieceStyle::Summary
            )
        };
        let here = self.lines.get(line).map_or(0, |l| l.piece);
        let piece = if dir > 0 {
            (here + 1..self.pieces.len()).find(text)
        } else {
            // The start of the piece on top, if the top is inside it;
            // else the one before.
            let first = self.first_line(here);
            if first < line && text(&here) {
                Some(here)
            } else {
                (0..here).rev().find(text)
            }
        }?;
        Some(self.first_line(piece))
    }

    /// Index of the line that holds byte `at` of piece `piece`.
    pub fn line_of(&self, piece: usize, at: usize) -> usize {
        let i = self
            .lines
            .partition_point(|l| (l.piece, l.start) <= (piece, at));
        i.saturating_sub(1)
    }

    /// Every match of `pattern` in the searchable pieces, in reading order.
    pub fn find(&self, corpus: &Corpus, pattern: &Pattern) -> Vec<Spot> {
        let mut out = Vec::new();
        if pattern.is_empty() {
            return out;
        }
        for p in 0..self.pieces.len() {
            if !self.searchable(p) {
                continue;
            }
            for range in pattern.ranges(self.text_of(corpus, p)) {
                out.push(Spot { piece: p, range });
            }
        }
        out
    }

    /// Where the body states `quote` (the first block that contains it).
    pub fn find_quote(&self, corpus: &Corpus, quote: &str) -> Option<Spot> {
        self.pieces.iter().enumerate().find_map(|(p, piece)| {
            if !matches!(piece.source, Source::Block(_)) {
                return None;
            }
            let at = self.text_of(corpus, p).find(quote)?;
            Some(Spot {
                piece: p,
                range: at..at + quote.len(),
            })
        })
    }
}

fn piece(style: PieceStyle, source: Source) -> Piece {
    Piece { style, source }
}

fn own(style: PieceStyle, s: impl Into<String>) -> Piece {
    piece(style, Source::Own(s.into()))
}

fn blank() -> Piece {
    own(PieceStyle::Blank, "")
}

/// A report's pieces in `order`, and each piece's canonical number (empty
/// when they are the canonical pieces: a report without a summary).
fn article_pieces(
    corpus: &Corpus,
    i: usize,
    words: Option<usize>,
    order: Order,
) -> (Vec<Piece>, Vec<usize>) {
    let a = &corpus.articles[i];
    let city = corpus
        .city_of(i)
        .map_or(a.city.as_str(), |c| corpus.cities[c].name.as_str());
    let source = a
        .source
        .as_ref()
        .and_then(|s| s.name.clone())
        .unwrap_or_else(|| t!("reader-report-source-unknown"));
    let date = a
        .published
        .clone()
        .unwrap_or_else(|| t!("reader-report-date-unknown"));
    let lang = a
        .lang
        .as_deref()
        .map(|l| format!(" · {l}"))
        .unwrap_or_default();
    let words = words.unwrap_or_else(|| article_words(a));
    let length = t!(
        "reader-report-length",
        words = number::with_unit(words as u64, Unit::Word),
        minutes = number::with_unit(reading_minutes(words) as u64, Unit::Minute)
    );
    let mut header = vec![
        piece(PieceStyle::Title, Source::Title),
        own(
            PieceStyle::Meta,
            format!("{city} · {source} · {date}{lang} · {length}"),
        ),
    ];
    if let Some(url) = a.source.as_ref().and_then(|s| s.url.as_deref()) {
        header.push(own(PieceStyle::Link, url));
    }
    let mut text = Vec::with_capacity(a.body.len() * 2);
    for (b, block) in a.body.iter().enumerate() {
        text.push(blank());
        let style = match block.kind {
            BlockKind::Heading => PieceStyle::Heading,
            BlockKind::Paragraph => PieceStyle::Paragraph,
            BlockKind::Quote => PieceStyle::Quote,
        };
        text.push(piece(style, Source::Block(b)));
    }
    if a.summary.is_none() {
        header.extend(text);
        return (header, Vec::new());
    }
    let summary = vec![
        blank(),
        own(PieceStyle::Label, t!("reader-report-summary")),
        piece(PieceStyle::Summary, Source::Summary),
    ];
    // Which comes first, said in the header, with the key that swaps them.
    let swap = super::keys::key_in(
        super::keys::KeyFocus::Viewer,
        &super::keys::Action::ToggleTextOrder,
    );
    let note = match (order, swap) {
        (Order::SummaryFirst, Some(key)) => t!("reader-order-summary-first-key", key = key),
        (Order::SummaryFirst, None) => t!("reader-order-summary-first"),
        (Order::TextFirst, Some(key)) => t!("reader-order-text-first-key", key = key),
        (Order::TextFirst, None) => t!("reader-order-text-first"),
    };
    let (h, s, b) = (header.len(), summary.len(), text.len());
    // Canonical: the header, the summary, the text; the order line is
    // numbered as part of the header line before it, so a place there
    // stays in the header in either order.
    let mut canon: Vec<usize> = (0..h).collect();
    canon.push(h - 1);
    let mut pieces = header;
    pieces.push(own(PieceStyle::Meta, note));
    match order {
        Order::SummaryFirst => {
            canon.extend(h..h + s + b);
            pieces.extend(summary);
            pieces.extend(text);
        }
        Order::TextFirst => {
            canon.extend(h + s..h + s + b);
            canon.extend(h..h + s);
            pieces.extend(text);
            pieces.extend(summary);
        }
    }
    (pieces, canon)
}

fn city_pieces(corpus: &Corpus, i: usize) -> Vec<Piece> {
    let c = &corpus.cities[i];
    let mut place = Vec::new();
    if let Some(local) = &c.name_local {
        place.push(local.clone());
    }
    place.push(
        c.country
            .clone()
            .unwrap_or_else(|| t!("reader-city-country-unknown")),
    );
    if let Some(r) = &c.region {
        place.push(r.clone());
    }
    let mut v = vec![
        own(PieceStyle::Title, c.name.clone()),
        own(PieceStyle::Meta, place.join(" · ")),
        own(PieceStyle::Meta, c.joined_words()),
    ];
    if let Some(status) = c.status_line() {
        v.push(own(
            PieceStyle::Meta,
            t!("reader-city-status", status = status),
        ));
    }
    v.push(own(
        PieceStyle::Meta,
        match &c.coords {
            Some(p) => t!("reader-city-at", place = p.describe()),
            None => t!("reader-city-not-on-map"),
        },
    ));
    if let Some(notes) = c.notes_apart() {
        v.push(blank());
        v.push(own(PieceStyle::Paragraph, notes.to_owned()));
    }
    v.push(blank());
    let reports = corpus.articles_of(i);
    if reports.is_empty() {
        v.push(own(PieceStyle::Notice, t!("reader-city-no-report")));
    } else {
        v.push(own(
            PieceStyle::Label,
            t!("reader-city-reports", n = reports.len()),
        ));
        for &a in reports {
            v.push(own(
                PieceStyle::Paragraph,
                format!("• {}", corpus.articles[a].title),
            ));
        }
    }
    if !c.sources.is_empty() {
        v.push(blank());
        v.push(own(PieceStyle::Label, t!("reader-city-sources")));
        for s in &c.sources {
            if let Some(title) = &s.title {
                v.push(own(PieceStyle::Meta, format!("• {title}")));
            }
            if let Some(url) = &s.url {
                v.push(own(PieceStyle::Link, url.clone()));
            }
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;
    use crate::text::wrap::str_width;

    #[test]
    fn lines_fit_the_width_and_cover_the_body() {
        let c = bundled();
        let a = c.article_index("balikesir-ogrenen-sehir").unwrap();
        for width in [20, 57, 80, 200] {
            let d = Document::build(&c, Doc::Article(a), width, None, Order::SummaryFirst);
            for l in d
                .lines
                .iter()
                .filter(|l| d.pieces[l.piece].style != PieceStyle::Link)
            {
                let text = &d.text_of(&c, l.piece)[l.start..l.end];
                let limit = if d.pieces[l.piece].style == PieceStyle::Quote {
                    width - QUOTE_INDENT
                } else {
                    width
                };
                assert!(str_width(text) <= limit, "{text:?} at {width}");
            }
            let blocks = d
                .pieces
                .iter()
                .filter(|p| matches!(p.source, Source::Block(_)))
                .count();
            assert_eq!(blocks, c.articles[a].body.len());
        }
    }

    #[test]
    fn line_of_finds_the_line_holding_a_byte() {
        let c = bundled();
        let a = c.article_index("ankara-belmek-2025").unwrap();
        let d = Document::build(&c, Doc::Article(a), 40, None, Order::SummaryFirst);
        let quote = &c.articles[a].figures[0].quote;
        let spot = d.find_quote(&c, quote).unwrap();
        let line = d.line_of(spot.piece, spot.range.start);
        let l = d.lines[line];
        assert_eq!(l.piece, spot.piece);
        assert!(l.start <= spot.range.start && spot.range.start <= l.end);
    }

    #[test]
    fn a_city_without_reports_says_so() {
        let c = bundled();
        let konya = c.city_index("konya").unwrap();
        let d = Document::build(&c, Doc::City(konya), 60, None, Order::SummaryFirst);
        assert!(d.pieces.iter().any(|p| p.style == PieceStyle::Notice));
    }

    #[test]
    fn urls_are_whole_on_lines_of_their_own() {
        let c = bundled();
        let a = c.article_index("balikesir-ogrenen-sehir").unwrap();
        let url = c.articles[a].source.as_ref().unwrap().url.clone().unwrap();
        for width in [24, 30, 200] {
            let d = Document::build(&c, Doc::Article(a), width, None, Order::SummaryFirst);
            let joined: String = d
                .lines
                .iter()
                .filter(|l| d.pieces[l.piece].style == PieceStyle::Link)
                .map(|l| &d.text_of(&c, l.piece)[l.start..l.end])
                .collect();
            assert_eq!(joined, url, "the source URL is all there at {width}");
        }
        for city in ["ankara", "balikesir", "muharraq"] {
            let city = &c.cities[c.city_index(city).unwrap()];
            let d = Document::build(
                &c,
                Doc::City(c.city_index(&city.id).unwrap()),
                24,
                None,
                Order::SummaryFirst,
            );
            let links: String = d
                .lines
                .iter()
                .filter(|l| d.pieces[l.piece].style == PieceStyle::Link)
                .map(|l| {
                    let text = &d.text_of(&c, l.piece)[l.start..l.end];
                    assert!(str_width(text) <= 24, "{text}");
                    text
                })
                .collect();
            for s in &city.sources {
                assert!(links.contains(s.url.as_deref().unwrap()), "{:?}", s.url);
            }
        }
    }

    #[test]
    fn a_city_card_says_its_directory_facts_in_words() {
        let c = bundled();
        let text = |id: &str| -> String {
            let d = Document::build(
                &c,
                Doc::City(c.city_index(id).unwrap()),
                80,
                None,
                Order::SummaryFirst,
            );
            (0..d.pieces.len())
                .map(|p| d.text_of(&c, p))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let kyiv = text("kyiv");
        assert!(
            kyiv.contains("Київ · Ukraine · Europe and North America"),
            "{kyiv}"
        );
        assert!(kyiv.contains("joined 2022"));
        let laayoune = text("laayoune");
        assert!(
            laayoune.contains("Status: sources disagree: In 2020 lists"),
            "{laayoune}"
        );
        assert!(laayoune.contains("year unknown"));
        assert!(text("al-ahsa").contains("Not on the map"));
        assert!(text("bolu").contains("Status: one source"));
    }

    #[test]
    fn search_matches_are_found_in_reading_order() {
        let c = bundled();
        let a = c.article_index("ankara-belmek-2025").unwrap();
        let d = Document::build(&c, Doc::Article(a), 60, None, Order::SummaryFirst);
        let spots = d.find(&c, &Pattern::new("belmek"));
        assert!(spots.len() >= 5);
        assert!(spots
            .windows(2)
            .all(|w| (w[0].piece, w[0].range.start) < (w[1].piece, w[1].range.start)));
    }
}
