//! The statistics panel: the selected city and its figures, the open
//! report's numbers, and the corpus as charts.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::bars;
use super::layout::Pane;
use super::pane_block;
use crate::search::Doc;
use crate::stats::format_value;
use crate::text::wrap::{truncate, wrap};
use crate::tui::app::App;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let block = pane_block(app, Pane::Stats, vec![Span::raw("Statistics")]);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let lines = text_lines(app, width, inner.height as usize);
    let text_h = (lines.len() as u16).min(inner.height);
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: text_h,
            ..inner
        },
    );

    let rest = Rect {
        y: inner.y + text_h,
        height: inner.height - text_h,
        ..inner
    };
    if rest.height >= 14 {
        let half = rest.height / 2;
        bars::join_years(
            frame,
            app,
            Rect {
                height: half,
                ..rest
            },
        );
        bars::growth(
            frame,
            app,
            Rect {
                y: rest.y + half,
                height: rest.height - half,
                ..rest
            },
        );
    } else if rest.height >= 7 {
        bars::join_years(frame, app, rest);
    }
}

fn text_lines(app: &App, width: usize, height: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let c = &app.corpus;
    let mut out: Vec<Line> = Vec::new();
    let Some(ci) = app.selected_city() else {
        out.push(Line::styled("No city selected", t.meta));
        return out;
    };
    let city = &c.cities[ci];
    out.push(Line::styled(
        truncate(&format!("{} · {}", city.name, city.country), width),
        t.title,
    ));
    let joined = city.joined.map_or("unknown".to_owned(), |y| y.to_string());
    let reports = c.articles_of(ci).len();
    out.push(Line::raw(truncate(
        &format!(
            "Joined {joined} · {reports} report{}",
            if reports == 1 { "" } else { "s" }
        ),
        width,
    )));

    let figures = app.city_figures();
    out.push(Line::raw(""));
    if figures.is_empty() {
        out.push(Line::styled("No figures in its reports", t.meta));
    } else {
        let focused = app.focus == Pane::Stats && !app.searching && !app.help;
        out.push(Line::styled(
            truncate("Figures · Enter: source sentence", width),
            t.label,
        ));
        // Two lines a figure (value, then label), in a window around the
        // selection of at most about half the pane.
        let room = (height / 4).max(2);
        let first = app
            .figure
            .saturating_sub(room - 1)
            .min(figures.len().saturating_sub(room));
        if first > 0 {
            out.push(Line::styled(format!("↑ {first} more"), t.meta));
        }
        for (n, &(a, f)) in figures.iter().enumerate().skip(first).take(room) {
            let fig = &c.articles[a].figures[f];
            let unit = fig
                .unit
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            let value = format!("{}{unit}", format_value(fig.value, fig.unit.as_deref()));
            let label = truncate(&format!("  {}", fig.label), width);
            let style = if n == app.figure && focused {
                t.selected
            } else if n == app.figure {
                t.selected_unfocused
            } else {
                ratatui::style::Style::new()
            };
            out.push(Line::styled(truncate(&value, width), style.patch(t.key)));
            out.push(Line::styled(label, style));
        }
        let rest = figures.len().saturating_sub(first + room);
        if rest > 0 {
            out.push(Line::styled(format!("↓ {rest} more"), t.meta));
        }
    }

    if let (Some(Doc::Article(a)), Some(s)) =
        (app.document.as_ref().map(|d| d.doc), &app.article_stats)
    {
        out.push(Line::raw(""));
        out.push(Line::styled(truncate("This report", width), t.label));
        let _ = a;
        out.push(Line::raw(truncate(
            &format!(
                "{} words · about {} min to read",
                s.words, s.reading_minutes
            ),
            width,
        )));
        let words: Vec<String> = s
            .top_words
            .iter()
            .map(|w| format!("{} {}", w.word, w.count))
            .collect();
        // Empty while a query is typed (see App::refresh_article_stats).
        if !words.is_empty() {
            let text = format!("Frequent: {}", words.join(", "));
            for r in wrap(&text, width) {
                out.push(Line::raw(text[r].to_owned()));
            }
        }
    }

    out.push(Line::raw(""));
    let s = &app.stats;
    let summary = format!(
        "Corpus: {}, {} with reports; {}, {}",
        plural(s.cities, "city", "cities"),
        s.cities_with_reports,
        plural(s.articles, "report", "reports"),
        plural(s.figures, "figure", "figures")
    );
    for r in wrap(&summary, width) {
        out.push(Line::styled(summary[r].to_owned(), t.meta));
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
