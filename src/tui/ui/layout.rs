//! Where each pane goes, as a pure function of the terminal size and which
//! pane has focus: the app uses it to size pages and wrap text, the renderer
//! to draw, so they always agree.

use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Cities,
    Viewer,
    Statistics,
}

impl Pane {
    /// In their order on screen and in the Tab cycle.
    pub const ALL: [Pane; 3] = [Pane::Cities, Pane::Viewer, Pane::Statistics];

    /// The pane a name names (any case), as `name` writes it.
    pub fn named(name: &str) -> Option<Pane> {
        Pane::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name))
    }

    /// The pane's name in the state file (`Pane::named` reads it back):
    /// the same in every language.
    pub fn name(self) -> &'static str {
        match self {
            Pane::Cities => "Cities",
            Pane::Viewer => "Viewer",
            Pane::Statistics => "Statistics",
        }
    }

    /// The pane's name for people, in the current language: its title,
    /// its tab and the help's section all use it.
    pub fn title(self) -> String {
        match self {
            Pane::Cities => crate::t!("reader-pane-cities"),
            Pane::Viewer => crate::t!("reader-pane-viewer"),
            Pane::Statistics => crate::t!("reader-pane-statistics"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Three panes side by side.
    Wide,
    /// Cities beside the article or the statistics.
    Medium,
    /// One pane at a time, with tabs.
    Narrow,
}

/// Below this the panes cannot show anything useful.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 8;
pub const WIDE_FROM: u16 = 120;
/// The largest screen drawn: a terminal may report any size up to
/// 65535×65535, and a buffer that size would take gigabytes. Past this the
/// reader draws in the top-left corner and leaves the rest blank.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

/// `size` limited to [`MAX_WIDTH`]×[`MAX_HEIGHT`].
pub fn clamp(size: Rect) -> Rect {
    Rect {
        width: size.width.min(MAX_WIDTH),
        height: size.height.min(MAX_HEIGHT),
        ..size
    }
}
pub const MEDIUM_FROM: u16 = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub mode: Mode,
    pub too_small: bool,
    pub search: Rect,
    pub tabs: Option<Rect>,
    pub cities: Option<Rect>,
    pub viewer: Option<Rect>,
    pub statistics: Option<Rect>,
    pub status: Rect,
    /// The focused pane alone (`z`).
    pub zoomed: bool,
}

impl Layout {
    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Cities => self.cities,
            Pane::Viewer => self.viewer,
            Pane::Statistics => self.statistics,
        }
    }

    /// Whether `pane` is drawn in a frame. The zoomed viewer is not, so that
    /// the terminal's own selection copies nothing but the text.
    pub fn framed(&self, pane: Pane) -> bool {
        !(self.zoomed && pane == Pane::Viewer)
    }

    /// What is inside `pane`'s frame, if it has one.
    pub fn inner(&self, pane: Pane, r: Rect) -> Rect {
        if self.framed(pane) {
            r.inner(ratatui::layout::Margin::new(1, 1))
        } else {
            r
        }
    }

    /// The tab under column `x` of the narrow layout's tab row, as
    /// `status::tabs` draws them (" Name │" each, the focused one "▶Name │").
    pub fn tab_at(&self, x: u16) -> Option<Pane> {
        let tabs = self.tabs?;
        let mut left = tabs.x;
        for pane in Pane::ALL {
            let right = left + crate::text::wrap::str_width(&pane.title()) as u16 + 3;
            if x >= left && x < right {
                return Some(pane);
            }
            left = right;
        }
        None
    }

    /// The panes on screen, left to right.
    pub fn visible(&self) -> Vec<Pane> {
        Pane::ALL
            .into_iter()
            .filter(|p| self.rect(*p).is_some())
            .collect()
    }
}

/// `focus` is the pane with the keyboard; `right` the one of article and
/// statistics last shown beside the cities at medium width; `map` widens the
/// statistics pane for the world map when all three panes are shown; `zoom`
/// gives the focused pane the whole screen between the two lines.
pub fn compute(area: Rect, focus: Pane, right: Pane, map: bool, zoom: bool) -> Layout {
    let mut l = Layout {
        mode: Mode::Narrow,
        too_small: area.width < MIN_WIDTH || area.height < MIN_HEIGHT,
        search: Rect::default(),
        tabs: None,
        cities: None,
        viewer: None,
        statistics: None,
        status: Rect::default(),
        zoomed: false,
    };
    if l.too_small {
        return l;
    }
    l.search = Rect { height: 1, ..area };
    l.status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let mut body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    let w = area.width;
    if zoom {
        l.zoomed = true;
        match focus {
            Pane::Cities => l.cities = Some(body),
            Pane::Viewer => l.viewer = Some(body),
            Pane::Statistics => l.statistics = Some(body),
        }
        return l;
    }
    if w >= WIDE_FROM {
        l.mode = Mode::Wide;
        let cities = (w * 22 / 100).clamp(26, 36);
        let stats = if map {
            (w * 45 / 100).clamp(46, 90)
        } else {
            (w * 25 / 100).clamp(32, 46)
        };
        let (c, rest) = split_h(body, cities);
        let (a, s) = split_h(rest, rest.width - stats);
        l.cities = Some(c);
        l.viewer = Some(a);
        l.statistics = Some(s);
    } else if w >= MEDIUM_FROM {
        l.mode = Mode::Medium;
        let cities = (w * 30 / 100).clamp(26, 34);
        let (c, r) = split_h(body, cities);
        l.cities = Some(c);
        let shown = if focus == Pane::Cities { right } else { focus };
        match shown {
            Pane::Statistics => l.statistics = Some(r),
            _ => l.viewer = Some(r),
        }
    } else {
        l.tabs = Some(Rect { height: 1, ..body });
        body.y += 1;
        body.height -= 1;
        match focus {
            Pane::Cities => l.cities = Some(body),
            Pane::Viewer => l.viewer = Some(body),
            Pane::Statistics => l.statistics = Some(body),
        }
    }
    l
}

fn split_h(r: Rect, left: u16) -> (Rect, Rect) {
    let left = left.min(r.width);
    (
        Rect { width: left, ..r },
        Rect {
            x: r.x + left,
            width: r.width - left,
            ..r
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(w: u16, h: u16) -> Layout {
        compute(
            Rect::new(0, 0, w, h),
            Pane::Cities,
            Pane::Viewer,
            false,
            false,
        )
    }

    #[test]
    fn modes_by_width() {
        assert_eq!(at(160, 45).mode, Mode::Wide);
        assert_eq!(at(120, 45).mode, Mode::Wide);
        assert_eq!(at(119, 30).mode, Mode::Medium);
        assert_eq!(at(80, 24).mode, Mode::Medium);
        assert_eq!(at(79, 24).mode, Mode::Narrow);
        assert!(at(23, 24).too_small && at(40, 7).too_small && !at(24, 8).too_small);
    }

    #[test]
    fn panes_tile_the_body_without_overlap() {
        for (w, h) in [
            (160, 45),
            (120, 30),
            (100, 30),
            (80, 24),
            (40, 15),
            (24, 8),
            (300, 100),
        ] {
            let l = at(w, h);
            let rects: Vec<Rect> = l.visible().iter().filter_map(|p| l.rect(*p)).collect();
            let area: u32 = rects
                .iter()
                .map(|r| u32::from(r.width) * u32::from(r.height))
                .sum();
            let tabs = u16::from(l.tabs.is_some());
            assert_eq!(area, u32::from(w) * u32::from(h - 2 - tabs), "{w}x{h}");
            for (i, a) in rects.iter().enumerate() {
                for b in &rects[i + 1..] {
                    assert!(!a.intersects(*b), "{w}x{h}: {a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn the_article_is_the_widest_pane_when_wide() {
        let l = at(160, 45);
        let (c, a, s) = (l.cities.unwrap(), l.viewer.unwrap(), l.statistics.unwrap());
        assert!(a.width > c.width && a.width > s.width);
    }

    #[test]
    fn medium_shows_statistics_when_they_have_focus() {
        let l = compute(
            Rect::new(0, 0, 100, 30),
            Pane::Statistics,
            Pane::Viewer,
            false,
            false,
        );
        assert!(l.statistics.is_some() && l.viewer.is_none());
        let l = compute(
            Rect::new(0, 0, 100, 30),
            Pane::Cities,
            Pane::Statistics,
            false,
            false,
        );
        assert!(l.statistics.is_some());
    }

    #[test]
    fn zoom_gives_the_focused_pane_the_body_and_the_viewer_no_frame() {
        for (w, h) in [(160, 45), (100, 30), (40, 15)] {
            for pane in Pane::ALL {
                let l = compute(Rect::new(0, 0, w, h), pane, Pane::Viewer, false, true);
                assert_eq!(l.visible(), [pane], "{w}x{h}");
                assert_eq!(l.rect(pane), Some(Rect::new(0, 1, w, h - 2)));
                assert!(l.tabs.is_none());
                assert_eq!(l.framed(pane), pane != Pane::Viewer);
            }
        }
    }

    #[test]
    fn tabs_are_found_where_they_are_drawn() {
        let l = compute(
            Rect::new(0, 0, 40, 15),
            Pane::Cities,
            Pane::Viewer,
            false,
            false,
        );
        // " Cities │ Viewer │ Statistics │"
        assert_eq!(l.tab_at(0), Some(Pane::Cities));
        assert_eq!(l.tab_at(8), Some(Pane::Cities));
        assert_eq!(l.tab_at(9), Some(Pane::Viewer));
        assert_eq!(l.tab_at(18), Some(Pane::Statistics));
        assert_eq!(l.tab_at(31), None);
    }

    #[test]
    fn the_map_widens_the_statistics_when_wide() {
        let plain = at(160, 45).statistics.unwrap();
        let map = compute(
            Rect::new(0, 0, 160, 45),
            Pane::Cities,
            Pane::Viewer,
            true,
            false,
        );
        assert!(map.statistics.unwrap().width > plain.width);
        assert!(map.viewer.unwrap().width >= 40);
    }
}
