//! The help overlay: its state, and its layout as a pure function of the
//! screen size, used both to bound the scroll and to draw. Descriptions wrap
//! under their column; when everything fits in two or three columns side by
//! side it is shown so, otherwise in one column that scrolls, with a marker for
//! what is above and below.

use ratatui::layout::Rect;

use super::keys::help_sections;
use crate::text::wrap::{str_width, wrap};

#[derive(Debug, Default, Clone)]
pub struct HelpPane {
    pub open: bool,
    pub scroll: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Title(String),
    /// Keys (empty on a description's continuation lines) and text.
    Entry(String, String),
    Blank,
}

#[derive(Debug, Clone)]
pub struct HelpView {
    /// The overlay, borders included.
    pub rect: Rect,
    pub key_width: usize,
    pub column_width: usize,
    /// One or two columns of lines.
    pub columns: Vec<Vec<HelpLine>>,
    /// Lines shown at once (inside the borders).
    pub visible: usize,
}

impl HelpView {
    pub fn total(&self) -> usize {
        self.columns.iter().map(Vec::len).max().unwrap_or(0)
    }

    pub fn max_scroll(&self) -> usize {
        self.total().saturating_sub(self.visible)
    }
}

/// Widest a column is made, for reading comfort.
const MAX_COLUMN: usize = 72;
/// Narrowest description beside the keys before they go on lines of their own.
const MIN_TEXT: usize = 24;

/// The help's lines for a column `width` wide, with the key column width.
fn lines(width: usize) -> (Vec<Vec<HelpLine>>, usize) {
    let sections = help_sections();
    let widest_keys = sections
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(k, _)| str_width(k)))
        .max()
        .unwrap_or(0);
    let key_w = widest_keys + 2;
    let beside = width >= key_w + MIN_TEXT;
    let mut out = Vec::new();
    for (title, rows) in sections {
        let mut sec = vec![HelpLine::Title(title)];
        for (keys, help) in rows {
            if beside {
                let room = width - key_w;
                for (n, r) in wrap(&help, room).into_iter().enumerate() {
                    let k = if n == 0 { keys.clone() } else { String::new() };
                    sec.push(HelpLine::Entry(k, help[r].to_owned()));
                }
            } else {
                // Too narrow: the keys on a line, the text under them.
                sec.push(HelpLine::Entry(keys.clone(), String::new()));
                for r in wrap(&help, width.saturating_sub(2).max(1)) {
                    sec.push(HelpLine::Entry(String::new(), format!("  {}", &help[r])));
                }
            }
        }
        sec.push(HelpLine::Blank);
        out.push(sec);
    }
    (out, if beside { key_w } else { 0 })
}

/// Where the help goes on a screen of `area`, and what it shows, in the
/// current language.
pub fn view(area: Rect) -> HelpView {
    let avail_w = area.width.saturating_sub(2) as usize;
    let inner_w = avail_w.saturating_sub(2);
    let max_inner_h = area.height.saturating_sub(2) as usize;

    // Two or three columns when that shows everything without scrolling.
    for n in 2..=3usize {
        let col_w = inner_w.saturating_sub(3 * (n - 1)) / n;
        if col_w < 40 {
            break;
        }
        let col_w = col_w.min(MAX_COLUMN);
        let (sections, key_w) = lines(col_w);
        let total: usize = sections.iter().map(Vec::len).sum();
        if total <= max_inner_h {
            break;
        }
        // Sections in order, a column filled to about its share.
        let mut columns: Vec<Vec<HelpLine>> = vec![Vec::new()];
        for sec in sections {
            let current = columns.last().map_or(0, Vec::len);
            if current > 0 && current + sec.len() > total.div_ceil(n) + 2 && columns.len() < n {
                columns.push(Vec::new());
            }
            if let Some(c) = columns.last_mut() {
                c.extend(sec);
            }
        }
        let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
        if tallest <= max_inner_h {
            let k = columns.len();
            return placed(area, columns, key_w, col_w, k);
        }
    }
    let col_w = inner_w.clamp(1, MAX_COLUMN);
    let (sections, key_w) = lines(col_w);
    placed(area, vec![sections.concat()], key_w, col_w, 1)
}

fn placed(
    area: Rect,
    columns: Vec<Vec<HelpLine>>,
    key_width: usize,
    column_width: usize,
    n: usize,
) -> HelpView {
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let inner_w = column_width * n + 3 * (n - 1);
    let width = (inner_w + 2).min(area.width as usize) as u16;
    let height = (tallest + 2).min(area.height as usize) as u16;
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    HelpView {
        rect,
        key_width,
        column_width,
        columns,
        visible: height.saturating_sub(2) as usize,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_text(v: &HelpView) -> String {
        v.columns
            .iter()
            .flatten()
            .map(|l| match l {
                HelpLine::Title(t) => format!("{t}\n"),
                HelpLine::Entry(k, t) => format!("{k} {t}\n"),
                HelpLine::Blank => "\n".into(),
            })
            .collect()
    }

    #[test]
    fn every_line_fits_the_overlay_at_every_size() {
        for (w, h) in [(24, 8), (40, 12), (60, 12), (80, 24), (120, 20), (200, 60)] {
            let v = view(Rect::new(0, 0, w, h));
            assert!(v.rect.width <= w && v.rect.height <= h, "{w}x{h}");
            for l in v.columns.iter().flatten() {
                if let HelpLine::Entry(k, t) = l {
                    let used = if v.key_width > 0 {
                        v.key_width.max(str_width(k)) + str_width(t)
                    } else {
                        str_width(k).max(str_width(t))
                    };
                    assert!(used <= v.column_width, "{k:?} {t:?} at {w}x{h}");
                }
            }
        }
    }

    #[test]
    fn nothing_is_left_out_it_scrolls_instead() {
        let full = view(Rect::new(0, 0, 200, 80));
        assert_eq!(full.max_scroll(), 0);
        for (w, h) in [(120, 20), (40, 12)] {
            let v = view(Rect::new(0, 0, w, h));
            assert!(v.max_scroll() > 0, "{w}x{h} scrolls");
            let text = all_text(&v);
            for key in ["G End", "n", "N", "Ctrl-Z"] {
                assert!(text.contains(key), "{key} missing at {w}x{h}");
            }
        }
    }
}
