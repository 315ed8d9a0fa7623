//! Splitting a query into tokens: runs of non-space characters, where a
//! double quote keeps spaces inside the token (`region:"Arab States"`).

use std::ops::Range;

/// Byte ranges of the tokens of `q`. An unclosed quote runs to the end.
pub fn tokens(q: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (i, c) in q.char_indices() {
        if c == '"' {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            if let Some(s) = start.take() {
                out.push(s..i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(s..q.len());
    }
    out
}

/// Splits `s` at commas outside quotes and removes the quotes:
/// `"Arab States",africa` gives `Arab States` and `africa`.
pub fn items(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in s.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// How a value is written in a query: quoted when it has a space, a comma
/// or a quote of its own (which is dropped: values never need one).
pub fn quote(value: &str) -> String {
    let plain = value.replace('"', "");
    if plain.contains(|c: char| c.is_whitespace() || c == ',') {
        format!("\"{plain}\"")
    } else {
        plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(q: &str) -> Vec<&str> {
        tokens(q).into_iter().map(|r| &q[r]).collect()
    }

    #[test]
    fn quotes_keep_spaces_inside_a_token() {
        assert_eq!(
            split(r#" ankara region:"Arab States"  has:report "#),
            ["ankara", r#"region:"Arab States""#, "has:report"]
        );
        assert_eq!(
            split(r#"country:"Iran (Islamic"#),
            [r#"country:"Iran (Islamic"#]
        );
        assert!(split("   ").is_empty());
    }

    #[test]
    fn items_split_at_commas_outside_quotes() {
        assert_eq!(items(r#""Arab States",africa"#), ["Arab States", "africa"]);
        assert_eq!(items(r#""a, b",,c"#), ["a, b", "c"]);
        assert_eq!(quote("Asia and the Pacific"), "\"Asia and the Pacific\"");
        assert_eq!(quote("Africa"), "Africa");
    }
}
