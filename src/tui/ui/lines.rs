//! Building styled lines from text and highlight ranges.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;

/// `text` as spans: `base` style, with each (range, style) laid over it.
/// Ranges are byte ranges into `text`, sorted, and may overlap (a later one
/// wins where they do); out-of-bounds parts are ignored.
pub fn marked<'a>(text: &'a str, base: Style, marks: &[(Range<usize>, Style)]) -> Vec<Span<'a>> {
    if marks.is_empty() {
        return vec![Span::styled(text, base)];
    }
    // Split points, then the style of each piece.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (r, _) in marks {
        cuts.push(r.start.min(text.len()));
        cuts.push(r.end.min(text.len()));
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let style = marks
                .iter()
                .filter(|(r, _)| r.start <= w[0] && w[1] <= r.end)
                .fold(base, |s, (_, m)| s.patch(*m));
            Span::styled(&text[w[0]..w[1]], style)
        })
        .collect()
}

/// A span as the terminal gets it: emoji sequences split into their parts
/// (see `text::display`), so its width is the one the layout counted.
pub fn shown(span: Span<'_>) -> Span<'_> {
    match crate::text::display::for_terminal(&span.content) {
        std::borrow::Cow::Borrowed(_) => span,
        std::borrow::Cow::Owned(s) => Span::styled(s, span.style),
    }
}

/// The ranges of `marks` that fall within `start..end`, shifted to be
/// relative to `start`.
pub fn clip(
    marks: &[(Range<usize>, Style)],
    start: usize,
    end: usize,
) -> Vec<(Range<usize>, Style)> {
    marks
        .iter()
        .filter(|(r, _)| r.start < end && r.end > start)
        .map(|(r, s)| (r.start.max(start) - start..r.end.min(end) - start, *s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn marks_split_the_text() {
        let b = Style::new();
        let m = Style::new().add_modifier(Modifier::BOLD);
        let spans = marked("Öğrenen Şehir", b, &[(10..16, m)]);
        let parts: Vec<(&str, bool)> = spans.iter().map(|s| (&*s.content, s.style == m)).collect();
        assert_eq!(parts, [("Öğrenen ", false), ("Şehir", true)]);
    }

    #[test]
    fn bad_ranges_are_ignored() {
        let spans = marked(
            "abc",
            Style::new(),
            &[(1..99, Style::new()), (3..3, Style::new())],
        );
        assert_eq!(spans.iter().map(|s| s.content.len()).sum::<usize>(), 3);
    }

    #[test]
    fn clipping() {
        let s = Style::new();
        assert_eq!(clip(&[(2..8, s), (20..22, s)], 5, 10), [(0..3, s)]);
    }
}
