//! The corpus compiled into the binary, so the program runs from any
//! directory with no data files.

use super::{load_bytes, Corpus};

pub const BUNDLED_NAME: &str = "corpus.json (bundled)";
pub const BUNDLED_JSON: &str = include_str!("../../data/corpus.json");

/// The bundled corpus, loaded through the same checks as any other.
pub fn bundled() -> Corpus {
    // A broken bundled corpus is a build defect that the tests catch
    // (`bundled_corpus_is_valid`); it can never be the user's fault.
    load_bytes(BUNDLED_NAME, BUNDLED_JSON.as_bytes())
        .unwrap_or_else(|e| panic!("the bundled corpus is invalid:\n{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_corpus_is_valid() {
        let c = load_bytes(BUNDLED_NAME, BUNDLED_JSON.as_bytes()).unwrap();
        assert_eq!(c.cities.len(), 320);
        assert_eq!(c.articles.len(), 2);
        assert_eq!(c.network.timeline.len(), 6);
    }

    #[test]
    fn bundled_reports_are_verbatim() {
        let c = bundled();
        let text = |id: &str| -> String {
            let a = &c.articles[c.article_index(id).unwrap()];
            a.body
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let b = text("balikesir-ogrenen-sehir");
        assert!(b.starts_with("Balıkesir Büyükşehir Belediyesi’nin, şehirdeki kamu"));
        assert!(b.contains("kamu kurum ve kuruşlarıyla işbirliği"));
        let a = text("ankara-belmek-2025");
        assert!(
            a.ends_with("Yavaş, şunu söyledi:"),
            "Ankara stays truncated"
        );
    }

    #[test]
    fn only_known_figures_are_stated() {
        let c = bundled();
        let mut values: Vec<f64> = c
            .articles
            .iter()
            .flat_map(|a| a.figures.iter().map(|f| f.value))
            .collect();
        values.sort_by(f64::total_cmp);
        assert_eq!(values, [11.0, 20.0, 30.0, 2013.0, 2100.0, 36756.0]);
    }
}
