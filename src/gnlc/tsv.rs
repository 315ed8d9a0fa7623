//! Tab-separated tables with a header line, as `data/gnlc/*.tsv` are: no
//! quoting, one record per line, exactly the expected columns.

/// One record: its fields in the header's order, and its line number.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub line: usize,
    fields: Vec<&'a str>,
}

impl<'a> Record<'a> {
    /// Field `col`, or `None` when it is empty.
    pub fn get(&self, col: usize) -> Option<&'a str> {
        self.fields
            .get(col)
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
    }
}

/// The records of `text`, whose header must be exactly `columns`. `name`
/// names the file in messages ("cities.tsv:12: …").
pub fn parse<'a>(name: &str, text: &'a str, columns: &[&str]) -> Result<Vec<Record<'a>>, String> {
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = match lines.next() {
        Some((_, h)) => h.trim_end_matches('\r').split('\t').collect(),
        None => return Err(format!("{name}: empty; expected a header line")),
    };
    if header != columns {
        return Err(format!(
            "{name}:1: the columns are {}, expected {}",
            header.join(", "),
            columns.join(", ")
        ));
    }
    let mut out = Vec::new();
    for (i, line) in lines {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != columns.len() {
            return Err(format!(
                "{name}:{}: {} fields, expected {}",
                i + 1,
                fields.len(),
                columns.len()
            ));
        }
        out.push(Record {
            line: i + 1,
            fields,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_have_the_header_columns() {
        let t = "a\tb\n1\t\n\n2\t x \r\n";
        let r = parse("t.tsv", t, &["a", "b"]).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].get(0), r[0].get(1)), (Some("1"), None));
        assert_eq!((r[1].line, r[1].get(1)), (4, Some("x")));
    }

    #[test]
    fn wrong_shapes_are_errors_with_the_line() {
        assert_eq!(
            parse("t.tsv", "a\tb\n1\n", &["a", "b"]).unwrap_err(),
            "t.tsv:2: 1 fields, expected 2"
        );
        assert!(parse("t.tsv", "a\tc\n", &["a", "b"])
            .unwrap_err()
            .starts_with("t.tsv:1: the columns are a, c"));
        assert!(parse("t.tsv", "", &["a"]).is_err());
    }
}
