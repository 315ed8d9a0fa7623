//! Figures and aggregates over a corpus: pure functions of the corpus,
//! computed once and shown by the CLI and the statistics panel.

use serde::Serialize;

mod amount;
pub mod network;

pub use amount::{ablative, figure_amount, stated_amount};

use crate::corpus::{Article, Corpus};
use crate::text::stopwords::is_stop_word;
use crate::text::words::{count_words, fold_word_into, word_spans};

use rustc_hash::FxHashMap;

/// Reading speed used for reading times, in words a minute.
pub const WORDS_PER_MINUTE: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorpusStats {
    pub articles: usize,
    pub words: usize,
    pub figures: usize,
    /// The cities by region, country, join year and status.
    #[serde(flatten)]
    pub set: network::SetStats,
    /// How much of the network the corpus lists, when the rounds say how
    /// large it is.
    pub coverage: Option<network::Coverage>,
    pub rounds: Vec<network::RoundStats>,
    pub per_city: Vec<CityStats>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearCount {
    pub year: i64,
    pub cities: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CityStats {
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub joined: Option<i64>,
    pub articles: usize,
    pub words: usize,
    pub figures: Vec<FigureStat>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureStat {
    pub article: String,
    pub label: String,
    #[serde(skip)]
    pub value: f64,
    /// As the corpus writes it.
    #[serde(rename = "value", serialize_with = "crate::corpus::as_written")]
    pub written: String,
    pub qualifier: Option<String>,
    pub unit: Option<String>,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleStats {
    pub words: usize,
    pub reading_minutes: usize,
    /// The most frequent content words, most frequent first.
    pub top_words: Vec<WordCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordCount {
    pub word: String,
    pub count: usize,
}

pub fn article_words(article: &Article) -> usize {
    article.body.iter().map(|b| count_words(&b.text)).sum()
}

pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

pub fn corpus_stats(corpus: &Corpus) -> CorpusStats {
    let words_of: Vec<usize> = corpus.articles.iter().map(article_words).collect();
    corpus_stats_counted(corpus, &words_of)
}

/// As [`corpus_stats`], with each article's word count already known (the
/// cached search index has them, so `learncity stats` need not read texts).
pub fn corpus_stats_counted(corpus: &Corpus, words_of: &[usize]) -> CorpusStats {
    CorpusStats {
        per_city: per_city(corpus, words_of),
        ..corpus_summary_counted(corpus, words_of)
    }
}

/// What the reader's statistics panel shows: [`corpus_stats`] without
/// `per_city`, whose figures copy every figure of the corpus (6 MB for
/// 10 000 reports) and which the panel does not show; with each article's
/// word count already known (the search index counts them while indexing).
pub fn corpus_summary_counted(corpus: &Corpus, words_of: &[usize]) -> CorpusStats {
    let values = crate::facets::Values::new(corpus);
    CorpusStats {
        articles: corpus.articles.len(),
        words: words_of.iter().sum(),
        figures: corpus.articles.iter().map(|a| a.figures.len()).sum(),
        set: network::SetStats::of(corpus, &values, None),
        coverage: network::coverage(corpus, &values),
        rounds: network::rounds(corpus, &values),
        per_city: Vec::new(),
    }
}

fn per_city(corpus: &Corpus, words_of: &[usize]) -> Vec<CityStats> {
    corpus
        .cities
        .iter()
        .enumerate()
        .map(|(i, city)| {
            let arts = corpus.articles_of(i);
            CityStats {
                id: city.id.clone(),
                name: city.name.clone(),
                country: city.country.clone(),
                joined: city.joined,
                articles: arts.len(),
                words: arts.iter().map(|&a| words_of[a]).sum(),
                figures: arts
                    .iter()
                    .flat_map(|&a| {
                        let art = &corpus.articles[a];
                        art.figures.iter().map(move |f| FigureStat {
                            article: art.id.clone(),
                            label: f.label.clone(),
                            value: f.value,
                            written: f.written.clone(),
                            qualifier: f.qualifier.clone(),
                            unit: f.unit.clone(),
                            quote: f.quote.clone(),
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Word count, reading time and the `top` most frequent content words of an
/// article. Words are counted in folded form and shown as first written.
pub fn article_stats(article: &Article, top: usize) -> ArticleStats {
    // Folded into one reused buffer; a key is allocated only for a word not
    // seen before (a 2 MB article has hundreds of thousands of words).
    let mut counts: FxHashMap<String, (usize, usize, &str)> = FxHashMap::default();
    let mut buf = String::new();
    let mut words = 0;
    let mut order = 0;
    for block in &article.body {
        for span in word_spans(&block.text) {
            words += 1;
            let word = &block.text[span];
            fold_word_into(word, &mut buf);
            if let Some(e) = counts.get_mut(buf.as_str()) {
                e.0 += 1;
                continue;
            }
            if buf.chars().nth(2).is_none()
                || buf.chars().all(char::is_numeric)
                || is_stop_word(&buf)
            {
                continue;
            }
            order += 1;
            // Shown as first written, but never a screenful of one word.
            counts.insert(buf.clone(), (1, order, crate::text::words::cap_word(word)));
        }
    }
    let mut ranked: Vec<(usize, usize, &str)> = counts.into_values().collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ArticleStats {
        words,
        reading_minutes: reading_minutes(words),
        top_words: ranked
            .into_iter()
            .take(top)
            .map(|(count, _, word)| WordCount {
                word: word.to_owned(),
                count,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;
    use crate::text::fold::fold;

    #[test]
    fn corpus_figures() {
        let s = corpus_stats(&bundled());
        assert_eq!(
            (s.set.cities, s.articles, s.set.countries, s.figures),
            (320, 2, 73, 6)
        );
        assert_eq!(s.set.cities_with_reports, 2);
        assert_eq!(s.set.joined_unknown, 65);
        let years: Vec<(i64, usize)> = s
            .set
            .join_years
            .iter()
            .map(|y| (y.year, y.cities))
            .collect();
        assert_eq!(years[0], (2015, 3));
        assert_eq!(years.iter().map(|y| y.1).sum::<usize>(), 320 - 65);
        let ankara = s.per_city.iter().find(|c| c.id == "ankara").unwrap();
        assert_eq!(ankara.figures.len(), 6);
        assert!(ankara.words > 300);
        assert_eq!(s.words, s.per_city.iter().map(|c| c.words).sum::<usize>());
    }

    #[test]
    fn article_top_words_leave_out_stop_words() {
        let c = bundled();
        let a = &c.articles[c.article_index("ankara-belmek-2025").unwrap()];
        let s = article_stats(a, 5);
        let top: Vec<&str> = s.top_words.iter().map(|w| w.word.as_str()).collect();
        assert!(
            top[..3].contains(&"Ankara") && top[..3].contains(&"BELMEK"),
            "{top:?}"
        );
        assert!(s.top_words.iter().all(|w| !is_stop_word(&fold(&w.word))));
        assert!(s.top_words.windows(2).all(|w| w[0].count >= w[1].count));
        assert_eq!(s.reading_minutes, reading_minutes(s.words));
    }

    #[test]
    fn the_index_counts_words_as_the_statistics_do() {
        let c = bundled();
        let idx = crate::search::SearchIndex::build(&c);
        let counted: Vec<usize> = idx.article_words().iter().map(|&w| w as usize).collect();
        let all = corpus_stats(&c);
        assert!(!all.per_city.is_empty());
        assert_eq!(
            corpus_summary_counted(&c, &counted),
            CorpusStats {
                per_city: Vec::new(),
                ..all
            }
        );
    }

    #[test]
    fn reading_time_rounds_up() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(200), 1);
        assert_eq!(reading_minutes(201), 2);
    }
}
