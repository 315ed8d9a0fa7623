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

/// Why a corpus could not be loaded: every problem found. A schema newer
/// than the program comes first, then field problems, then cross-checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file name as the user gave it.
    pub file: String,
    pub problems: Vec<Problem>,
}

impl LoadError {
    pub fn one(file: &str, problem: Problem) -> Self {
        LoadError {
            file: file.to_owned(),
            problems: vec![problem],
        }
    }

    /// One line per problem, without a trailing newline.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.problems.iter().map(move |p| match &p.location {
            Location::File => format!("{}: {}", self.file, p.message),
            Location::LineCol(l, c) => format!("{}:{}:{}: {}", self.file, l, c, p.message),
            Location::Path(path) => format!("{}: {}: {}", self.file, path, p.message),
        })
    }
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
