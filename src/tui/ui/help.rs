//! The help overlay, laid out by `tui::help::view` from the key table.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::overlay;
use crate::text::wrap::pad;
use crate::tui::app::App;
use crate::tui::help::{view, HelpLine};

pub fn draw(frame: &mut Frame, app: &App) {
    let t = &app.theme;
    let v = view(app.size);
    let scroll = app.help.scroll.min(v.max_scroll());
    let below = v.total().saturating_sub(scroll + v.visible);
    let closes = if v.max_scroll() > 0 {
        crate::t!("reader-help-hint-scroll")
    } else {
        crate::t!("reader-help-hint")
    };
    let title = crate::t!("reader-help-title");
    // What the help covers in part is hidden whole: a sliver of a pane's
    // text beside the box reads as stray letters.
    let l = &app.layout;
    let areas = [
        Some(l.search),
        l.tabs,
        l.cities,
        l.viewer,
        l.statistics,
        Some(l.status),
    ];
    for r in areas.into_iter().flatten().filter(|r| r.intersects(v.rect)) {
        super::clear(frame.buffer_mut(), r);
    }
    let inner = overlay(
        frame,
        app,
        v.rect,
        &format!(" {title} "),
        &format!(" {closes} "),
        scroll,
        below,
    );
    let mut x = inner.x;
    for col in &v.columns {
        let lines: Vec<Line> = col
            .iter()
            .skip(scroll)
            .take(v.visible)
            .map(|l| match l {
                HelpLine::Title(title) => Line::styled(title.as_str(), t.label),
                HelpLine::Entry(keys, text) => Line::from(vec![
                    Span::styled(pad(keys, v.key_width), t.key),
                    Span::raw(text.clone()),
                ]),
                HelpLine::Blank => Line::raw(""),
            })
            .collect();
        let w = (v.column_width as u16).min(inner.right().saturating_sub(x));
        frame.render_widget(
            Paragraph::new(lines),
            Rect {
                x,
                width: w,
                ..inner
            },
        );
        x += w + 3;
    }
}
