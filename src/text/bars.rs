//! Labelled horizontal bars ("Africa ████ 36"), measured the same way by
//! the command line and the reader: the widest label (capped at half the
//! width), the widest count in columns, and bar lengths scaled to the
//! largest count.

use super::number;
use super::wrap::str_width;

pub struct Bars {
    /// Columns for the labels.
    pub label_w: usize,
    /// Columns for the counts, as `number::count` writes them.
    pub count_w: usize,
    max: usize,
}

impl Bars {
    /// For `rows` of (label, count) in `width` columns; labels get at
    /// least `min_label` columns and at most half the width.
    pub fn new(rows: &[(String, usize)], width: usize, min_label: usize) -> Self {
        let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
        let count_w = rows
            .iter()
            .map(|(_, n)| str_width(&number::count(*n as u64)))
            .max()
            .unwrap_or(1);
        let label_w = rows
            .iter()
            .map(|(l, _)| str_width(l))
            .max()
            .unwrap_or(min_label)
            .clamp(min_label, (width / 2).max(min_label));
        Bars {
            label_w,
            count_w,
            max,
        }
    }

    /// The length of the bar for count `n` when the largest gets `room`.
    pub fn len(&self, n: usize, room: usize) -> usize {
        (n * room).div_ceil(self.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_measured_in_columns_and_labels_capped() {
        let rows = vec![
            ("Europe and North America".to_owned(), 12_345),
            ("Africa".to_owned(), 36),
        ];
        let b = Bars::new(&rows, 40, 4);
        // "12 345" with a thin space: 6 columns, though more bytes.
        assert_eq!(b.count_w, 6);
        assert_eq!(b.label_w, 20);
        assert_eq!(b.len(12_345, 10), 10);
        assert_eq!(b.len(36, 10), 1);
        assert_eq!(b.len(0, 10), 0);
        assert_eq!(Bars::new(&[], 40, 4).label_w, 4);
    }
}
