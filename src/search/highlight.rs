//! Where a query matches inside a text, for highlighting, and one-line
//! snippets around a match. Computed for the hits that are shown, not for
//! every hit.

use std::ops::Range;

use super::index::SearchIndex;
use super::query::Query;
use crate::corpus::Article;
use crate::text::words::{fold_word_into, folded_prefix_end, word_spans};
use crate::text::wrap::char_width;

/// The first body block of an article where the query matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyMatch {
    pub block: usize,
    /// Byte ranges within the block's text.
    pub ranges: Vec<Range<usize>>,
}

/// One line of text around a match, with the match ranges within it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub ranges: Vec<Range<usize>>,
}

impl SearchIndex {
    /// Byte ranges of `text` that match `query`: whole words, or the matched
    /// start of a word for prefix matches.
    pub fn match_ranges(&self, query: &Query, text: &str) -> Vec<Range<usize>> {
        if query.is_empty() {
            return Vec::new();
        }
        let words = query.highlights(self);
        let mut buf = String::new();
        let mut out = Vec::new();
        for span in word_spans(text) {
            let word = &text[span.clone()];
            fold_word_into(word, &mut buf);
            if let Some(&bytes) = words.get(buf.as_str()) {
                let end = folded_prefix_end(word, bytes);
                out.push(span.start..span.start + end);
            }
        }
        out
    }

    /// The first block of `article` where the query matches, if any.
    pub fn body_match(&self, query: &Query, article: &Article) -> Option<BodyMatch> {
        article.body.iter().enumerate().find_map(|(block, b)| {
            let ranges = self.match_ranges(query, &b.text);
            (!ranges.is_empty()).then_some(BodyMatch { block, ranges })
        })
    }
}

/// About `width` columns of `text` around `ranges[0]` on one line, cut at
/// word boundaries and marked with `…` where cut, with the ranges that fall
/// inside it moved to match.
pub fn snippet(text: &str, ranges: &[Range<usize>], width: usize) -> Snippet {
    let width = width.max(8);
    let first = ranges.first().cloned().unwrap_or(0..0);
    // Start about a quarter of the width before the match, at a word start.
    let mut start = first.start;
    let mut lead = 0;
    // A line break is shown as a space: one column.
    let cols = |c: char| if c == '\n' { 1 } else { char_width(c) };
    for (at, c) in text[..first.start].char_indices().rev() {
        lead += cols(c);
        if lead > width / 4 {
            break;
        }
        start = at;
    }
    if start > 0 {
        if let Some(sp) = text[start..first.start].find(' ') {
            start += sp + 1;
        }
    }
    let budget = width - usize::from(start > 0) - 1;
    let mut end = start;
    let mut used = 0;
    for (at, c) in text[start..].char_indices() {
        let w = cols(c);
        if used + w > budget {
            break;
        }
        used += w;
        end = start + at + c.len_utf8();
    }
    if end < text.len() {
        if let Some(sp) = text[start..end]
            .rfind(' ')
            .filter(|&sp| start + sp >= first.end)
        {
            end = start + sp;
        }
    }
    let mut out = String::new();
    let mut shift = start as isize;
    if start > 0 {
        out.push('…');
        shift -= '…'.len_utf8() as isize;
    }
    out.extend(
        text[start..end]
            .chars()
            .map(|c| if c == '\n' { ' ' } else { c }),
    );
    if end < text.len() {
        out.push('…');
    }
    let ranges = ranges
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| (r.start as isize - shift) as usize..(r.end as isize - shift) as usize)
        .collect();
    Snippet { text: out, ranges }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;
    use crate::text::wrap::str_width;

    #[test]
    fn line_breaks_count_as_the_spaces_they_are_shown_as() {
        let text = format!("{}\n\n{}", "a ".repeat(40), "word ".repeat(40));
        let start = text.find("word").unwrap();
        let s = snippet(&text, &[start..start + 4], 60);
        assert!(str_width(&s.text) <= 60, "{:?}", s.text);
    }

    #[test]
    fn ranges_cover_whole_words_or_the_matched_prefix() {
        let idx = SearchIndex::build(&bundled());
        let text = "Balıkesir’in “Öğrenen Şehir” unvanı";
        let q = Query::parse(&idx, "balikesir sehi");
        let got: Vec<&str> = idx
            .match_ranges(&q, text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["Balıkesir", "Şehi"]);
    }

    #[test]
    fn body_match_finds_the_first_block() {
        let c = bundled();
        let idx = SearchIndex::build(&c);
        let a = &c.articles[c.article_index("ankara-belmek-2025").unwrap()];
        let q = Query::parse(&idx, "kadin");
        let m = idx.body_match(&q, a).unwrap();
        let block = &a.body[m.block].text;
        assert!(block[m.ranges[0].clone()].eq_ignore_ascii_case("Kadın"));
    }

    #[test]
    fn snippets_fit_and_keep_the_match() {
        let text = "Ankara Büyükşehir Belediyesi (ABB), UNESCO tarafından açıklanan 2025 listesine girerek Küresel Öğrenen Şehirler Ağı’na (GNLC) dâhil oldu.";
        let at = text.find("Küresel").unwrap();
        let s = snippet(text, &[at..at + "Küresel".len()], 40);
        assert!(str_width(&s.text) <= 40, "{:?}", s.text);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{:?}",
            s.text
        );
        assert_eq!(&s.text[s.ranges[0].clone()], "Küresel");
    }

    #[test]
    fn short_text_snippet_is_the_text() {
        let s = snippet("kısa metin", &[0..2], 40);
        assert_eq!(s.text, "kısa metin");
        assert_eq!(s.ranges, [0..2]);
    }
}
