//! Tables for plain output, sized to their content and to the width.
//!
//! Each column is as wide as its widest cell. When the row is wider than
//! the output, the columns that may be cut give up room, widest first,
//! down to their minimum; cut cells end in `…`. When even that does not fit,
//! each row is printed as two lines: the columns that may not be cut, then
//! the others after an indent, joined with ` · ` and wrapped.

use super::out::{pad, truncate, Out};
use crate::text::wrap::str_width;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Never cut (ids: they are what other commands take).
    Whole,
    /// May be cut with `…` down to this many columns.
    Shrink(usize),
}

#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    pub fit: Fit,
    pub right: bool,
}

impl Column {
    pub fn whole(header: impl Into<String>) -> Self {
        Column {
            header: header.into(),
            fit: Fit::Whole,
            right: false,
        }
    }

    pub fn shrink(header: impl Into<String>, min: usize) -> Self {
        Column {
            header: header.into(),
            fit: Fit::Shrink(min),
            right: false,
        }
    }

    pub fn right(mut self) -> Self {
        self.right = true;
        self
    }
}

const GAP: usize = 2;

/// The column widths that fit `width`, or `None` if none do.
fn widths(columns: &[Column], rows: &[Vec<String>], width: usize) -> Option<Vec<usize>> {
    let mut w: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            rows.iter()
                .map(|r| str_width(&r[i]))
                .chain([str_width(&c.header)])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let total = |w: &[usize]| w.iter().sum::<usize>() + GAP * w.len().saturating_sub(1);
    while total(&w) > width {
        // Take a column from the widest shrinkable column still above its minimum.
        let widest = columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c.fit {
                Fit::Shrink(min) if w[i] > min => Some(i),
                _ => None,
            })
            .max_by_key(|&i| w[i])?;
        w[widest] -= 1;
    }
    Some(w)
}

/// The table as text, header in bold, every line within `out.width`.
pub fn render(columns: &[Column], rows: &[Vec<String>], out: &Out) -> String {
    let Some(w) = widths(columns, rows, out.width) else {
        return stacked(columns, rows, out);
    };
    let line = |cells: Vec<String>| -> String {
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                s.push_str(&" ".repeat(GAP));
            }
            let cut = truncate(cell, w[i]);
            if columns[i].right {
                s.push_str(&" ".repeat(w[i].saturating_sub(str_width(&cut))));
                s.push_str(&cut);
            } else if i + 1 < cells.len() {
                s.push_str(&pad(&cut, w[i]));
            } else {
                s.push_str(&cut);
            }
        }
        s.trim_end().to_owned()
    };
    let mut s = out.bold(&line(columns.iter().map(|c| c.header.to_owned()).collect()));
    s.push('\n');
    for r in rows {
        s.push_str(&line(r.clone()));
        s.push('\n');
    }
    s
}

/// Too narrow for columns: the first column (the id) on a line, the rest
/// under it as `header: value` pairs.
fn stacked(columns: &[Column], rows: &[Vec<String>], out: &Out) -> String {
    let mut s = String::new();
    for r in rows {
        s.push_str(&out.bold(&r[0]));
        s.push('\n');
        let tail: Vec<String> = (1..columns.len())
            .filter(|&i| !r[i].is_empty())
            .map(|i| format!("{}: {}", columns[i].header.to_lowercase(), r[i]))
            .collect();
        s.push_str(&out.wrapped(&tail.join(" · "), 2));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols() -> Vec<Column> {
        vec![
            Column::whole("ID"),
            Column::shrink("CITY", 6),
            Column::shrink("COUNTRY", 6),
            Column::whole("JOINED").right(),
        ]
    }

    fn rows() -> Vec<Vec<String>> {
        vec![
            vec![
                "afyonkarahisar".into(),
                "Afyonkarahisar".into(),
                "Türkiye".into(),
                "2020".into(),
            ],
            vec![
                "caolanh".into(),
                "Cao Lãnh".into(),
                "Viet Nam".into(),
                "—".into(),
            ],
        ]
    }

    #[test]
    fn columns_take_their_content_width_when_there_is_room() {
        let s = render(&cols(), &rows(), &Out::plain(200));
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0], "ID              CITY            COUNTRY   JOINED");
        assert_eq!(lines[1], "afyonkarahisar  Afyonkarahisar  Türkiye     2020");
    }

    #[test]
    fn every_line_fits_and_ids_are_never_cut() {
        for width in 20..=80 {
            let s = render(&cols(), &rows(), &Out::plain(width));
            for l in s.lines() {
                assert!(str_width(l) <= width, "{l:?} at {width}");
            }
            assert!(s.contains("afyonkarahisar"), "{s}");
        }
    }
}
