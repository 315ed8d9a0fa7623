//! What `y` and `Y` put on the clipboard: the selected thing in the pane
//! with the keyboard, or a whole report as Markdown. Plain text from the
//! corpus (already cleaned of control characters when it was loaded).

use super::document::{Order, PieceStyle};
use super::viewer::Viewer;
use crate::corpus::{BlockKind, Corpus};
use crate::search::Doc;
use crate::stats::figure_amount;
use crate::t;
use crate::text::number::NBSP;

/// Text to copy, and how the status line names it ("1 paragraph").
pub struct Copied {
    pub text: String,
    pub what: String,
}

/// The id of a list row's city or report: what `learncity show` takes.
pub fn id(corpus: &Corpus, doc: Doc) -> Copied {
    let id = doc.id(corpus);
    let what = match doc {
        Doc::City(_) => t!("reader-copied-city-id", id = id),
        Doc::Article(_) => t!("reader-copied-report-id", id = id),
    };
    Copied {
        text: id.to_owned(),
        what,
    }
}

/// The paragraph the reader is at: the one of the match `n` last went to
/// when it is on screen, else the first paragraph (or heading, quote,
/// summary) that starts on screen, else the one the top line is in.
pub fn paragraph(corpus: &Corpus, v: &Viewer) -> Option<Copied> {
    let d = v.document.as_ref()?;
    let text_piece = |p: usize| {
        matches!(
            d.pieces[p].style,
            PieceStyle::Paragraph
                | PieceStyle::Quote
                | PieceStyle::Heading
                | PieceStyle::Summary
                | PieceStyle::Title
                | PieceStyle::Link
        )
    };
    let screen = v.scroll..(v.scroll + v.height).min(d.lines.len());
    let at_match = v
        .current
        .and_then(|i| v.matches.get(i))
        .filter(|m| screen.contains(&d.line_of(m.piece, m.range.start)))
        .map(|m| m.piece);
    let starting = || {
        d.lines[screen.clone()]
            .iter()
            .find(|l| l.start == 0 && text_piece(l.piece))
            .map(|l| l.piece)
    };
    let top = || {
        d.lines
            .get(v.scroll)
            .map(|l| l.piece)
            .filter(|&p| text_piece(p))
    };
    let piece = at_match.or_else(starting).or_else(top)?;
    let text = d.text_of(corpus, piece).to_owned();
    let what = match d.pieces[piece].style {
        PieceStyle::Heading | PieceStyle::Title => t!("reader-copied-heading"),
        PieceStyle::Link => t!("reader-copied-link"),
        PieceStyle::Quote => t!("reader-copied-quote"),
        _ => t!("reader-copied-paragraph"),
    };
    Some(Copied { text, what })
}

/// A figure with the sentence that states it and where it comes from.
pub fn figure(corpus: &Corpus, article: usize, figure: usize) -> Copied {
    let a = &corpus.articles[article];
    let f = &a.figures[figure];
    let amount = figure_amount(f).replace(NBSP, " ");
    let source = a
        .source
        .as_ref()
        .and_then(|s| s.url.clone().or_else(|| s.name.clone()))
        .map_or_else(
            || t!("reader-copy-report", id = a.id.as_str()),
            |s| {
                let report = t!("reader-copy-report", id = a.id.as_str());
                format!("{s} ({report})")
            },
        );
    Copied {
        text: format!(
            "{amount}: {}\n“{}”\n— {}, {source}",
            f.label, f.quote, a.title
        ),
        what: t!("reader-copied-figure", amount = amount),
    }
}

/// A whole report as Markdown: the title, a line of facts, the source,
/// and the summary and the body (with its headings and quotes) in the
/// order the viewer shows them.
pub fn report_markdown(corpus: &Corpus, article: usize, order: Order) -> Copied {
    let a = &corpus.articles[article];
    let city = corpus
        .city_of(article)
        .map_or(a.city.as_str(), |c| corpus.cities[c].name.as_str());
    let mut md = format!("# {}\n\n", a.title);
    let mut facts = vec![city.to_owned()];
    if let Some(name) = a.source.as_ref().and_then(|s| s.name.as_deref()) {
        facts.push(name.to_owned());
    }
    if let Some(p) = &a.published {
        facts.push(p.clone());
    }
    md.push_str(&format!("*{}*\n\n", facts.join(" · ")));
    if let Some(url) = a.source.as_ref().and_then(|s| s.url.as_deref()) {
        md.push_str(&format!("<{url}>\n\n"));
    }
    let summary = a
        .summary
        .as_ref()
        .map(|s| format!("**{}.** {s}\n\n", t!("reader-report-summary")));
    if order == Order::SummaryFirst {
        md.push_str(summary.as_deref().unwrap_or(""));
    }
    for b in &a.body {
        match b.kind {
            BlockKind::Heading => md.push_str(&format!("## {}\n\n", b.text)),
            BlockKind::Paragraph => md.push_str(&format!("{}\n\n", b.text)),
            BlockKind::Quote => {
                for line in b.text.lines() {
                    md.push_str(&format!("> {line}\n"));
                }
                md.push('\n');
            }
        }
    }
    if order == Order::TextFirst {
        md.push_str(summary.as_deref().unwrap_or(""));
    }
    let md = md.trim_end().to_owned() + "\n";
    Copied {
        text: md,
        what: t!("reader-copied-markdown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    /// The bundled corpus and the index of its Ankara report.
    fn ankara() -> (Corpus, usize) {
        let c = bundled();
        let a = c
            .articles
            .iter()
            .position(|a| a.id == "ankara-belmek-2025")
            .unwrap();
        (c, a)
    }

    #[test]
    fn a_report_as_markdown_keeps_its_blocks() {
        let (c, a) = ankara();
        let md = report_markdown(&c, a, Order::SummaryFirst).text;
        assert!(md.starts_with("# BELMEK başarısı taçlandı"));
        assert!(md.contains("\n## Kadın Odaklı Öğrenme Modeli Etkili Oldu\n"));
        assert!(md.contains("**Summary (English).** Ankara Metropolitan"));
        let summary = md.find("**Summary").unwrap();
        assert!(summary < md.find("\n## ").unwrap(), "the summary first");
        // In the other order, the same blocks with the summary last.
        let text_first = report_markdown(&c, a, Order::TextFirst).text;
        assert!(text_first.find("**Summary").unwrap() > text_first.find("\n## ").unwrap());
        assert_eq!(text_first.len(), md.len());
        let headings = c.articles[a]
            .body
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .count();
        assert_eq!(md.matches("\n## ").count(), headings);
    }

    #[test]
    fn a_figure_comes_with_its_sentence_and_source() {
        let (c, a) = ankara();
        let f = figure(&c, a, 0).text;
        assert!(
            f.starts_with("36,756 women: Women trained free at BELMEK"),
            "{f}"
        );
        assert!(f.contains(&c.articles[a].figures[0].quote));
        assert!(f.contains("report ankara-belmek-2025"));
    }
}
