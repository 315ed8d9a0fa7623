//! Problems found in a corpus, reported all at once, each in a form a person
//! can act on: `file:line:col: message` for syntax, `file: path: message`
//! for everything else.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole.
    File,
    /// A 1-based line and column.
    LineCol(usize, usize),
    /// A JSON path such as `articles[3].city`.
    Path(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    pub message: String,
}

impl Problem {
    pub fn file(message: impl Into<String>) -> Self {
        Problem {
            location: Location::File,
            message: message.into(),
        }
    }

    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            location: Location::Path(path.into()),
            message: message.into(),
        }
    }

    pub fn line_col(line: usize, col: usize, message: impl Into<String>) -> Self {
        Problem {
            location: Location::LineCol(line, col),
            message: message.into(),
        }
    }
}

/// Why a corpus could not be loaded: the problems found, in the order of
/// the file (a schema newer than the program first), at most
/// [`MAX_PROBLEMS`] of them, and how many more there were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file name as the user gave it.
    pub file: String,
    pub problems: Vec<Problem>,
    /// Problems found but not kept.
    pub more: u64,
}

/// Problems kept for a report: a file with millions of broken items gives
/// the first ones and a count, in bounded memory.
pub const MAX_PROBLEMS: usize = 1000;

impl LoadError {
    pub fn one(file: &str, problem: Problem) -> Self {
        LoadError {
            file: file.to_owned(),
            problems: vec![problem],
            more: 0,
        }
    }

    /// Every problem found, kept or not.
    pub fn total(&self) -> u64 {
        self.problems.len() as u64 + self.more
    }

    /// One line per problem, without a trailing newline, and one for the
    /// problems not kept.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.problems
            .iter()
            .map(move |p| match &p.location {
                Location::File => format!("{}: {}", self.file, p.message),
                Location::LineCol(l, c) => format!("{}:{}:{}: {}", self.file, l, c, p.message),
                Location::Path(path) => format!("{}: {}: {}", self.file, path, p.message),
            })
            .chain((self.more > 0).then(|| {
                format!(
                    "{}: {}",
                    self.file,
                    crate::t!("error-more-problems", n = self.more)
                )
            }))
    }
}

/// Problems as a conversion finds them, kept in the order of the file: by
/// top-level field, item, and field within the item (a duplicate id, found
/// only once every item is read, still comes with its item).
#[derive(Debug, Default)]
pub struct Problems {
    kept: Vec<((u8, usize, u8, u64), Problem)>,
    more: u64,
    seq: u64,
}

impl Problems {
    /// Kept or counted; callers go through `report`, which words the
    /// message only when it is kept.
    fn push(&mut self, p: Problem) {
        self.seq += 1;
        if self.kept.len() >= MAX_PROBLEMS {
            self.more += 1;
            return;
        }
        let (section, item, field) = match &p.location {
            Location::Path(path) => place(path),
            _ => (0, 0, 0),
        };
        self.kept.push(((section, item, field, self.seq), p));
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty() && self.more == 0
    }

    /// A problem that explains the others: reported before all of them.
    pub fn push_first(&mut self, p: Problem) {
        self.kept.insert(0, ((0, 0, 0, 0), p));
    }

    /// Adds the problem `make` gives, building it only if it is kept (a
    /// file with millions of broken items builds a thousand messages).
    pub fn report(&mut self, make: impl FnOnce() -> Problem) {
        if self.is_full() {
            self.seq += 1;
            self.more += 1;
        } else {
            self.push(make());
        }
    }

    /// No more problems are kept, only counted.
    pub fn is_full(&self) -> bool {
        self.kept.len() >= MAX_PROBLEMS
    }

    /// Counts `n` problems that are not worth a line each.
    pub fn count_more(&mut self, n: u64) {
        self.more += n;
    }

    pub fn into_error(mut self, file: &str) -> LoadError {
        self.kept.sort_by_key(|(k, _)| *k);
        LoadError {
            file: file.to_owned(),
            problems: self.kept.into_iter().map(|(_, p)| p).collect(),
            more: self.more,
        }
    }
}

/// Where a JSON path is in a corpus file's order: the top-level field, the
/// item (the list itself before its items), the field within the item.
fn place(path: &str) -> (u8, usize, u8) {
    let (top, rest) = path.split_once(['[', '.']).unwrap_or((path, ""));
    let section = match top {
        "schema" => 1,
        "title" => 2,
        "cities" => 3,
        "articles" => 4,
        "network" => 5,
        _ => 6,
    };
    let (item, rest) = match path[top.len()..].strip_prefix('[') {
        Some(r) => {
            let (n, tail) = r.split_once(']').unwrap_or((r, ""));
            (
                n.parse::<usize>().map_or(0, |n| n + 1),
                tail.trim_start_matches('.'),
            )
        }
        None => (0, rest),
    };
    let field = rest.split(['[', '.']).next().unwrap_or("");
    let rank = [
        "id",
        "city",
        "name",
        "title",
        "label",
        "date",
        "country",
        "region",
        "joined",
        "lang",
        "published",
        "source",
        "value",
        "qualifier",
        "unit",
        "notes",
        "summary",
        "sources",
        "body",
        "quote",
        "figures",
        "timeline",
    ]
    .iter()
    .position(|f| *f == field)
    .map_or(0, |i| i as u8 + 1);
    (section, item, rank)
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, line) in self.lines().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            f.write_str(&line)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_come_in_the_order_of_the_file() {
        let mut p = Problems::default();
        for path in [
            "articles[0].title",
            "cities[2].id",
            "cities[0].joined",
            "cities",
            "schema",
            "articles[0].id",
            "network.timeline[1].date",
            "articles[10].city",
            "articles[2].body[3].text",
        ] {
            p.push(Problem::at(path, "x"));
        }
        let order: Vec<String> = p
            .into_error("f")
            .problems
            .into_iter()
            .map(|p| match p.location {
                Location::Path(s) => s,
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            order,
            [
                "schema",
                "cities",
                "cities[0].joined",
                "cities[2].id",
                "articles[0].id",
                "articles[0].title",
                "articles[2].body[3].text",
                "articles[10].city",
                "network.timeline[1].date"
            ]
        );
    }

    #[test]
    fn past_the_cap_problems_are_counted() {
        let mut p = Problems::default();
        for i in 0..MAX_PROBLEMS + 5 {
            p.push(Problem::at(format!("cities[{i}]"), "x"));
        }
        p.count_more(10);
        let e = p.into_error("f");
        assert_eq!(e.problems.len(), MAX_PROBLEMS);
        assert_eq!(e.total(), MAX_PROBLEMS as u64 + 15);
        assert_eq!(e.lines().last().unwrap(), "f: … and 15\u{a0}more problems");
    }

    #[test]
    fn the_problems_not_kept_are_counted_in_turkish() {
        use crate::i18n::{with, Lang};
        let mut p = Problems::default();
        p.push(Problem::line_col(1234, 5, "x"));
        p.count_more(1500);
        let e = p.into_error("f");
        let lines: Vec<String> = with(Lang::Tr, || e.lines().collect());
        // A place is not an amount: 1234 stays as it is; the count is grouped.
        assert_eq!(lines, ["f:1234:5: x", "f: … ve 1.500\u{a0}sorun daha"]);
        let one = Problems {
            more: 1,
            ..Problems::default()
        }
        .into_error("f");
        assert_eq!(
            with(Lang::En, || one.lines().last()),
            Some("f: … and 1\u{a0}more problem".to_owned())
        );
    }
}
