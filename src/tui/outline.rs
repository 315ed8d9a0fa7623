//! The outline (`t`): the open text's headings as a list to jump to, in
//! the viewer's place. Its rows are the document's heading pieces, so it
//! is built from nothing but an index.

#[derive(Debug, Default, Clone)]
pub struct Outline {
    pub open: bool,
    /// Index into the document's headings.
    pub selected: usize,
    /// The first heading shown.
    pub offset: usize,
    /// Headings shown at once.
    pub height: usize,
}

impl Outline {
    /// Opens on `current`, the heading the reader is under.
    pub fn open_at(&mut self, current: usize, len: usize) {
        self.open = true;
        self.selected = current.min(len.saturating_sub(1));
        self.offset = 0;
        self.keep_visible();
    }

    /// Moves the selection by `delta` among `len` headings, clamped.
    pub fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1) as isize;
        self.selected = (self.selected as isize)
            .saturating_add(delta)
            .clamp(0, last) as usize;
        self.keep_visible();
    }

    pub fn set_height(&mut self, height: usize) {
        self.height = height.max(1);
        self.keep_visible();
    }

    fn keep_visible(&mut self) {
        let h = self.height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_stays_in_range_and_on_screen() {
        let mut o = Outline::default();
        o.set_height(3);
        o.open_at(9, 5);
        assert_eq!((o.selected, o.offset), (4, 2));
        o.step(-10, 5);
        assert_eq!((o.selected, o.offset), (0, 0));
        o.step(2, 5);
        o.step(1, 5);
        assert_eq!((o.selected, o.offset), (3, 1));
        o.step(1, 0);
        assert_eq!(o.selected, 0);
    }
}
