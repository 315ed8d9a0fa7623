//! Tables for plain output, sized to their content and to the width.
//!
//! Each column is as wide as its widest cell. When the row is wider than
//! the output, the first column (the id) and the columns of words give up
//! room where that adds the fewest lines: a word column's cells wrap
//! within it, at spaces and after hyphens (never narrower than its longest
//! word, so no word is broken and nothing is cut), and an id longer than its column is printed whole on a line of
//! its own, the rest of its row on the next. When even that does not fit,
//! each entry is printed as a record: the id on a line, the other columns
//! under it as `header: value` pairs, wrapped.

use super::out::{pad, Out};
use std::ops::Range;

use crate::text::wrap::str_width;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Never cut or wrapped: ids (what other commands take), numbers,
    /// single words. The first column may be narrower than its longest
    /// cell, which then has a line of its own.
    Whole,
    /// Words, wrapped within the column, which may narrow down to this
    /// many columns or its longest word, whichever is wider.
    Wrap(usize),
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

    pub fn wrap(header: impl Into<String>, min: usize) -> Self {
        Column {
            header: header.into(),
            fit: Fit::Wrap(min),
            right: false,
        }
    }

    pub fn right(mut self) -> Self {
        self.right = true;
        self
    }
}

const GAP: usize = 2;

/// Out of ten rows, how many at least keep their id on the line of their
/// other cells: a table where most ids stood alone would read worse than
/// the records.
const IDS_IN_LINE: usize = 9;

/// How narrow column `i` may get.
fn floor(columns: &[Column], rows: &[Vec<String>], i: usize) -> usize {
    let header = str_width(&columns[i].header);
    let cells = rows.iter().map(|r| r[i].as_str());
    match columns[i].fit {
        Fit::Whole if i == 0 => {
            let mut w: Vec<usize> = cells.map(str_width).collect();
            w.sort_unstable();
            let keep = (w.len() * IDS_IN_LINE).div_ceil(10);
            header.max(keep.checked_sub(1).map_or(0, |k| w[k]))
        }
        Fit::Whole => cells.map(str_width).chain([header]).max().unwrap_or(0),
        Fit::Wrap(min) => cells
            .flat_map(|c| pieces(c).into_iter().map(|p| str_width(&c[p.range])))
            .chain([header, min])
            .max()
            .unwrap_or(0),
    }
}

/// A place a line of a cell may end after: a word, or the part of a
/// hyphenated word up to a hyphen ("Evry-", "Courcouronnes"), so that a
/// narrow column breaks a name where a reader expects it.
struct Piece {
    range: Range<usize>,
    /// A space before it, kept when the piece goes on the same line.
    space: bool,
}

fn pieces(cell: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut space = false;
    let mut start = None;
    for (i, c) in cell.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Piece { range: s..i, space });
            }
            space = !out.is_empty();
            continue;
        }
        let s = *start.get_or_insert(i);
        if c == '-' {
            let end = i + c.len_utf8();
            out.push(Piece {
                range: s..end,
                space,
            });
            start = None;
            space = false;
        }
    }
    if let Some(s) = start {
        out.push(Piece {
            range: s..cell.len(),
            space,
        });
    }
    out
}

/// Fills pieces of the given widths, each after a space or not, into
/// lines of `width` columns (a piece wider than that on a line of its
/// own): calls `new_line(i)` for each piece `i` after the first that
/// starts a line.
fn fill(
    pieces: impl Iterator<Item = (usize, bool)>,
    width: usize,
    mut new_line: impl FnMut(usize),
) {
    let mut used = None;
    for (i, (w, space)) in pieces.enumerate() {
        used = match used {
            Some(u) if u + usize::from(space) + w <= width => Some(u + usize::from(space) + w),
            Some(_) => {
                new_line(i);
                Some(w)
            }
            None => Some(w),
        };
    }
}

/// The lines of `cell` filled into `width` columns (the floor of a
/// column keeps a piece from being wider).
fn cell_lines(cell: &str, width: usize) -> Vec<&str> {
    let pieces = pieces(cell);
    let mut starts = vec![0];
    fill(
        pieces
            .iter()
            .map(|p| (str_width(&cell[p.range.clone()]), p.space)),
        width,
        |i| starts.push(i),
    );
    if pieces.is_empty() {
        return vec![""];
    }
    let ends = starts
        .iter()
        .skip(1)
        .map(|&i| i - 1)
        .chain([pieces.len() - 1]);
    starts
        .iter()
        .zip(ends)
        .map(|(&a, b)| &cell[pieces[a].range.start..pieces[b].range.end])
        .collect()
}

/// Lines a cell takes in `width` columns, from its pieces' widths and
/// whether a space comes before each.
fn lines_of(pieces: &[(usize, bool)], width: usize) -> usize {
    let mut lines = 1;
    fill(pieces.iter().copied(), width, |_| lines += 1);
    lines
}

/// What a column's cells are made of, to count the lines it adds at a
/// width: an id's width, or the widths of a cell's words.
enum Cells {
    Ids(Vec<usize>),
    Words(Vec<Vec<(usize, bool)>>),
    Fixed,
}

impl Cells {
    fn new(columns: &[Column], rows: &[Vec<String>], i: usize) -> Self {
        match columns[i].fit {
            Fit::Whole if i == 0 => Cells::Ids(rows.iter().map(|r| str_width(&r[0])).collect()),
            Fit::Whole => Cells::Fixed,
            Fit::Wrap(_) => Cells::Words(
                rows.iter()
                    .map(|r| {
                        let cell = &r[i];
                        pieces(cell)
                            .into_iter()
                            .map(|p| (str_width(&cell[p.range]), p.space))
                            .collect()
                    })
                    .collect(),
            ),
        }
    }

    /// The lines beyond one a row that the column adds at `width`.
    fn extra_lines(&self, width: usize) -> usize {
        match self {
            Cells::Ids(w) => w.iter().filter(|&&w| w > width).count(),
            Cells::Words(cells) => cells.iter().map(|c| lines_of(c, width) - 1).sum(),
            Cells::Fixed => 0,
        }
    }
}

/// The column widths that fit `width`, or `None` if none do.
fn widths(columns: &[Column], rows: &[Vec<String>], width: usize) -> Option<Vec<usize>> {
    let n = columns.len();
    // No column needs to be wider than the output.
    let natural: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .map(|r| str_width(&r[i]))
                .chain([str_width(&columns[i].header)])
                .max()
                .unwrap_or(0)
                .min(width)
        })
        .collect();
    let room = width.checked_sub(GAP * n.saturating_sub(1))?;
    if natural.iter().sum::<usize>() <= room {
        return Some(natural);
    }
    let low: Vec<usize> = (0..n)
        .map(|i| floor(columns, rows, i).min(natural[i]))
        .collect();
    if low.iter().sum::<usize>() > room {
        return None;
    }
    // The widths that add the fewest lines in all (ids on lines of their
    // own, cells wrapped) and fit: a choice per column, for every room
    // the columns before it leave, so one long id or name does not cost
    // the other columns their room. `best[i][r]`: the fewest lines the
    // first `i` columns add in `r` columns, and the width of column i-1.
    let cost: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            let cells = Cells::new(columns, rows, i);
            (low[i]..=natural[i])
                .map(|w| cells.extra_lines(w))
                .collect()
        })
        .collect();
    let mut best: Vec<Vec<Option<(usize, usize)>>> = vec![vec![None; room + 1]; n + 1];
    best[0] = vec![Some((0, 0)); room + 1];
    for i in 0..n {
        for r in 0..=room {
            best[i + 1][r] = (low[i]..=natural[i].min(r))
                .filter_map(|w| {
                    let (lines, _) = best[i][r - w]?;
                    Some((lines + cost[i][w - low[i]], w))
                })
                // The widest among equals: room left over goes to a column.
                .min_by_key(|&(lines, w)| (lines, std::cmp::Reverse(w)));
        }
    }
    let mut w = vec![0; n];
    let mut r = room;
    for i in (0..n).rev() {
        let (_, wi) = best[i + 1][r]?;
        w[i] = wi;
        r -= wi;
    }
    // Room left over pads nothing: each column as wide as what it shows.
    for (i, wi) in w.iter_mut().enumerate() {
        let shown = rows.iter().map(|row| match (i, columns[i].fit) {
            (_, Fit::Wrap(_)) => cell_lines(&row[i], *wi)
                .into_iter()
                .map(str_width)
                .max()
                .unwrap_or(0),
            (0, _) => Some(str_width(&row[0])).filter(|&c| c <= *wi).unwrap_or(0),
            _ => str_width(&row[i]),
        });
        *wi = shown
            .chain([str_width(&columns[i].header)])
            .max()
            .unwrap_or(0)
            .min(*wi);
    }
    Some(w)
}

/// The table as text, header in bold, every line within `out.width` but
/// for an id that is wider on its own.
pub fn render(columns: &[Column], rows: &[Vec<String>], out: &Out) -> String {
    let Some(w) = widths(columns, rows, out.width) else {
        return stacked(columns, rows, out);
    };
    let line = |cells: &[&str]| -> String {
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                s.push_str(&" ".repeat(GAP));
            }
            if columns[i].right {
                s.push_str(&" ".repeat(w[i].saturating_sub(str_width(cell))));
                s.push_str(cell);
            } else {
                s.push_str(&pad(cell, w[i]));
            }
        }
        s.trim_end().to_owned()
    };
    let headers: Vec<&str> = columns.iter().map(|c| c.header.as_str()).collect();
    let mut s = out.bold(&line(&headers));
    s.push('\n');
    for r in rows {
        let mut first = r[0].as_str();
        if str_width(first) > w[0] {
            s.push_str(first);
            s.push('\n');
            first = "";
        }
        // Each cell's lines: words wrapped within their column.
        let cells: Vec<Vec<&str>> = r
            .iter()
            .enumerate()
            .map(|(i, cell)| match (i, columns[i].fit) {
                (0, _) => vec![first],
                (_, Fit::Wrap(_)) => cell_lines(cell, w[i]),
                (_, Fit::Whole) => vec![cell.as_str()],
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for n in 0..height {
            let at: Vec<&str> = cells
                .iter()
                .map(|c| c.get(n).copied().unwrap_or(""))
                .collect();
            s.push_str(&line(&at));
            s.push('\n');
        }
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
            Column::wrap("CITY", 6),
            Column::wrap("COUNTRY", 6),
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
            assert!(!s.contains('…'), "nothing is cut at {width}:\n{s}");
        }
    }

    /// Issue 8 audit: one long id padded the id column so that every
    /// other column was cut ("Afyonka…", "confi…"). A long id now stands
    /// on its own line and the words wrap within their columns.
    #[test]
    fn a_long_id_has_a_line_of_its_own_and_words_wrap_in_their_column() {
        let mut rows = rows();
        for i in 0..10 {
            rows.push(vec![
                format!("city{i}"),
                format!("City {i}"),
                "Iran (Islamic Republic of)".into(),
                "2019".into(),
            ]);
        }
        rows.push(vec![
            "al-khor-and-al-thakhira-municipality".into(),
            "Al Khor and Al Thakhira Municipality".into(),
            "Qatar".into(),
            "—".into(),
        ]);
        let s = render(&cols(), &rows, &Out::plain(58));
        let lines: Vec<&str> = s.lines().collect();
        let at = |l: &str| lines.iter().position(|&m| m == l);
        assert_eq!(
            lines[0],
            "ID              CITY            COUNTRY        JOINED"
        );
        let id = at("al-khor-and-al-thakhira-municipality").expect(&s);
        assert_eq!(
            lines[id + 1..id + 4],
            [
                "                Al Khor and Al  Qatar               —",
                "                Thakhira",
                "                Municipality",
            ],
            "{s}"
        );
        let city0 = at("city0           City 0          Iran (Islamic    2019").expect(&s);
        assert_eq!(
            lines[city0 + 1],
            "                                Republic of)",
            "{s}"
        );
        assert!(!s.contains('…'), "{s}");
    }

    #[test]
    fn cells_break_at_spaces_and_after_hyphens() {
        assert_eq!(
            cell_lines("Evry-Courcouronnes", 14),
            ["Evry-", "Courcouronnes"]
        );
        assert_eq!(cell_lines("Evry-Courcouronnes", 18), ["Evry-Courcouronnes"]);
        assert_eq!(
            cell_lines("Niamtougou - Commune de Doufelgou 1", 14),
            ["Niamtougou -", "Commune de", "Doufelgou 1"]
        );
        assert_eq!(cell_lines("'s-Hertogenbosch", 15), ["'s-", "Hertogenbosch"]);
        assert_eq!(cell_lines("", 5), [""]);
        let widths = |c: &str| -> Vec<(usize, bool)> {
            pieces(c)
                .into_iter()
                .map(|p| (str_width(&c[p.range]), p.space))
                .collect()
        };
        for (cell, width) in [
            ("Evry-Courcouronnes", 14),
            ("Iran (Islamic Republic of)", 13),
        ] {
            assert_eq!(
                lines_of(&widths(cell), width),
                cell_lines(cell, width).len(),
                "{cell}"
            );
        }
    }
}
