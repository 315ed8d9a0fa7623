//! A thin ratatui backend that writes the 16-colour SGR forms itself.
//!
//! crossterm writes every colour, even the 16 named ones, as `38;5;N`; a
//! terminal that knows only the 16-colour codes (the Linux console, many
//! serial terminals, some old emulators over SSH) reads `38;5;11` as blink
//! and colour 5. This backend writes 30–37/90–97 and 40–47/100–107, and
//! maps any other colour to the nearest of those 16. It also reports a size
//! clamped to what is worth drawing, so a terminal claiming 65535×65535
//! cannot make ratatui allocate a buffer of gigabytes. And it writes the
//! cells that carry a link marker inside OSC 8 links (see `links`).

use std::io::{self, Write};
use std::sync::Arc;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

use super::links;
use super::ui::layout::{MAX_HEIGHT, MAX_WIDTH};

pub struct AnsiBackend<W: Write> {
    out: W,
    /// The addresses of OSC 8 links, by the number a marked cell carries
    /// (see `links`); `None` writes no links.
    links: Option<Arc<[String]>>,
}

impl<W: Write> AnsiBackend<W> {
    pub fn new(out: W) -> Self {
        AnsiBackend { out, links: None }
    }

    /// Writes marked cells as OSC 8 links to these addresses.
    pub fn set_links(&mut self, links: Arc<[String]>) {
        self.links = Some(links);
    }

    pub fn writer(&self) -> &W {
        &self.out
    }

    /// Starts a frame that a terminal knowing synchronized output (DEC
    /// mode 2026: kitty, WezTerm, foot, iTerm2, tmux 3.4…) shows only when
    /// it is whole, so a slow link never shows half of one; other
    /// terminals ignore the mode.
    pub fn begin_frame(&mut self) -> io::Result<()> {
        self.out.write_all(FRAME_BEGIN)
    }

    /// Ends the frame `begin_frame` started, and sends it.
    pub fn end_frame(&mut self) -> io::Result<()> {
        self.out.write_all(FRAME_END)?;
        self.out.flush()
    }
}

pub const FRAME_BEGIN: &[u8] = b"\x1b[?2026h";
pub const FRAME_END: &[u8] = b"\x1b[?2026l";

/// The SGR parameter for a foreground colour (add 10 for the background),
/// `None` for the terminal's default.
pub fn sgr_colour(c: Color) -> Option<u8> {
    let (base, n) = match c {
        Color::Reset => return None,
        Color::Black => (30, 0),
        Color::Red => (30, 1),
        Color::Green => (30, 2),
        Color::Yellow => (30, 3),
        Color::Blue => (30, 4),
        Color::Magenta => (30, 5),
        Color::Cyan => (30, 6),
        Color::Gray => (30, 7),
        Color::DarkGray => (90, 0),
        Color::LightRed => (90, 1),
        Color::LightGreen => (90, 2),
        Color::LightYellow => (90, 3),
        Color::LightBlue => (90, 4),
        Color::LightMagenta => (90, 5),
        Color::LightCyan => (90, 6),
        Color::White => (90, 7),
        Color::Indexed(i) if i < 8 => (30, i),
        Color::Indexed(i) if i < 16 => (90, i - 8),
        Color::Indexed(i) => return sgr_colour(nearest(indexed_rgb(i))),
        Color::Rgb(r, g, b) => return sgr_colour(nearest((r, g, b))),
    };
    Some(base + n)
}

/// The xterm 256-colour palette's RGB for colours 16–255.
fn indexed_rgb(i: u8) -> (u8, u8, u8) {
    if i >= 232 {
        let v = 8 + 10 * (i - 232);
        return (v, v, v);
    }
    let i = i - 16;
    let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
    (level(i / 36), level(i / 6 % 6), level(i % 6))
}

/// The nearest of the 16 colours, by their usual xterm values.
fn nearest((r, g, b): (u8, u8, u8)) -> Color {
    const PALETTE: [(Color, (i32, i32, i32)); 16] = [
        (Color::Black, (0, 0, 0)),
        (Color::Red, (205, 0, 0)),
        (Color::Green, (0, 205, 0)),
        (Color::Yellow, (205, 205, 0)),
        (Color::Blue, (0, 0, 238)),
        (Color::Magenta, (205, 0, 205)),
        (Color::Cyan, (0, 205, 205)),
        (Color::Gray, (229, 229, 229)),
        (Color::DarkGray, (127, 127, 127)),
        (Color::LightRed, (255, 0, 0)),
        (Color::LightGreen, (0, 255, 0)),
        (Color::LightYellow, (255, 255, 0)),
        (Color::LightBlue, (92, 92, 255)),
        (Color::LightMagenta, (255, 0, 255)),
        (Color::LightCyan, (0, 255, 255)),
        (Color::White, (255, 255, 255)),
    ];
    let d = |(pr, pg, pb): (i32, i32, i32)| {
        let (dr, dg, db) = (pr - r as i32, pg - g as i32, pb - b as i32);
        dr * dr + dg * dg + db * db
    };
    PALETTE
        .iter()
        .min_by_key(|(_, rgb)| d(*rgb))
        .map_or(Color::Reset, |(c, _)| *c)
}

/// The SGR sequence that sets exactly this style from any state.
pub fn sgr(fg: Color, bg: Color, m: Modifier) -> String {
    let mut s = String::from("\x1b[0");
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            s.push(';');
            s.push_str(code);
        }
    }
    if let Some(c) = sgr_colour(fg) {
        s.push_str(&format!(";{c}"));
    }
    if let Some(c) = sgr_colour(bg) {
        s.push_str(&format!(";{}", c + 10));
    }
    s.push('m');
    s
}

impl<W: Write> Backend for AnsiBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut style: Option<(Color, Color, Modifier)> = None;
        let mut next: Option<(u16, u16)> = None;
        // The link open on the terminal: a run of marked cells is one link.
        let mut open: Option<u32> = None;
        for (x, y, cell) in content {
            let (symbol, link) = links::split(cell.symbol());
            let link = link.filter(|_| self.links.is_some());
            if link != open && open.is_some() {
                self.out.write_all(links::CLOSE)?;
            }
            if next != Some((x, y)) {
                write!(self.out, "\x1b[{};{}H", y + 1, x + 1)?;
            }
            if link != open {
                if let Some(url) = link.and_then(|id| self.links.as_ref()?.get(id as usize)) {
                    self.out.write_all(&links::open(url))?;
                }
                open = link;
            }
            // A wide character moves the cursor two columns; the next cell
            // ratatui sends after it gets an explicit move.
            next = Some((x + 1, y));
            let want = (cell.fg, cell.bg, cell.modifier);
            if style != Some(want) {
                self.out.write_all(sgr(want.0, want.1, want.2).as_bytes())?;
                style = Some(want);
            }
            self.out.write_all(symbol.as_bytes())?;
        }
        if open.is_some() {
            self.out.write_all(links::CLOSE)?;
        }
        if style.is_some() {
            self.out.write_all(b"\x1b[0m")?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.out.write_all(b"\x1b[?25l")?;
        self.out.flush()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.out.write_all(b"\x1b[?25h")?;
        self.out.flush()
    }

    /// Never asks the terminal (a terminal that does not answer would hang
    /// the reader); the full-screen viewport does not need to know.
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        write!(self.out, "\x1b[{};{}H", y + 1, x + 1)?;
        self.out.flush()
    }

    fn clear(&mut self) -> io::Result<()> {
        self.out.write_all(b"\x1b[0m\x1b[2J")?;
        self.out.flush()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let seq: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.out.write_all(seq)?;
        self.out.flush()
    }

    fn size(&self) -> io::Result<Size> {
        let (w, h) = crossterm::terminal::size()?;
        Ok(Size::new(w.min(MAX_WIDTH), h.min(MAX_HEIGHT)))
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let w = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size::new(w.columns.min(MAX_WIDTH), w.rows.min(MAX_HEIGHT)),
            pixels: Size::new(w.width, w.height),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn named_colours_use_the_16_colour_codes() {
        assert_eq!(sgr_colour(Color::Black), Some(30));
        assert_eq!(sgr_colour(Color::Yellow), Some(33));
        assert_eq!(sgr_colour(Color::Gray), Some(37));
        assert_eq!(sgr_colour(Color::DarkGray), Some(90));
        assert_eq!(sgr_colour(Color::LightYellow), Some(93));
        assert_eq!(sgr_colour(Color::White), Some(97));
        assert_eq!(sgr_colour(Color::Indexed(11)), Some(93));
        assert_eq!(sgr_colour(Color::Reset), None);
    }

    #[test]
    fn other_colours_map_to_the_nearest_of_the_16() {
        assert_eq!(sgr_colour(Color::Rgb(250, 10, 10)), Some(91));
        assert_eq!(sgr_colour(Color::Indexed(16)), Some(30), "palette black");
        assert_eq!(sgr_colour(Color::Indexed(231)), Some(97), "palette white");
    }

    #[test]
    fn a_drawn_frame_has_no_256_colour_sequences() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "ab", Style::new().fg(Color::Yellow).bg(Color::Blue));
        buf.set_string(2, 0, "cd", Style::new().fg(Color::Indexed(200)));
        buf.set_string(4, 0, "北", Style::new().bg(Color::Rgb(0, 0, 0)));
        let mut b = AnsiBackend::new(Vec::new());
        let cells: Vec<(u16, u16, &Cell)> = buf
            .content()
            .iter()
            .enumerate()
            .map(|(i, c)| (i as u16, 0, c))
            .collect();
        b.draw(cells.into_iter()).unwrap();
        let out = String::from_utf8(b.out).unwrap();
        assert!(!out.contains("38;") && !out.contains("48;"), "{out:?}");
        assert!(out.contains("\x1b[0;33;44mab"), "{out:?}");
        assert!(out.ends_with("\x1b[0m"), "{out:?}");
    }

    #[test]
    fn marked_cells_are_written_inside_one_osc_8_link_per_run() {
        let mut b = AnsiBackend::new(Vec::new());
        b.set_links(
            vec![
                "https://a.example/ş".to_owned(),
                "https://b.example".to_owned(),
            ]
            .into(),
        );
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "xabcdy", Style::new());
        links::mark_cells(&mut buf, Rect::new(1, 0, 2, 1), 0);
        links::mark_cells(&mut buf, Rect::new(3, 0, 2, 1), 1);
        b.draw(
            buf.content
                .iter()
                .enumerate()
                .map(|(i, c)| (i as u16, 0, c)),
        )
        .unwrap();
        let out = String::from_utf8(b.out).unwrap();
        let a = "\x1b]8;;https://a.example/%C5%9F\x1b\\ab";
        let then_b = "\x1b]8;;\x1b\\\x1b]8;;https://b.example\x1b\\cd\x1b]8;;\x1b\\y";
        assert!(out.contains(a), "{out:?}");
        assert!(out.contains(then_b), "{out:?}");
        assert!(
            !out.contains('\u{E0001}'),
            "the marker never reaches the terminal"
        );
        // Without addresses (links off), a marked cell is plain text.
        let mut plain = AnsiBackend::new(Vec::new());
        plain
            .draw(
                buf.content
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (i as u16, 0, c)),
            )
            .unwrap();
        let out = String::from_utf8(plain.out).unwrap();
        assert!(out.contains("xabcdy") && !out.contains("\x1b]8"), "{out:?}");
    }
}
