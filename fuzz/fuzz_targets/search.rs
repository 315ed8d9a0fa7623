//! Any query, of any bytes and length, over the bundled corpus: the search
//! answers (never a panic), its hits are real documents, and every range it
//! or the viewer's matcher marks lies on character boundaries of the text.
#![no_main]

use std::sync::OnceLock;

use learncity::corpus::{bundled, Corpus};
use learncity::search::{snippet, Doc, Pattern, SearchIndex};
use libfuzzer_sys::fuzz_target;

fn corpus() -> &'static (Corpus, SearchIndex) {
    static C: OnceLock<(Corpus, SearchIndex)> = OnceLock::new();
    C.get_or_init(|| {
        let c = bundled();
        let i = SearchIndex::build(&c);
        (c, i)
    })
}

fn check_ranges(text: &str, ranges: &[std::ops::Range<usize>]) {
    for r in ranges {
        assert!(r.start <= r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
}

fuzz_target!(|data: &[u8]| {
    let (corpus, index) = corpus();
    let query = String::from_utf8_lossy(data);
    let results = index.search(&query);
    let pattern = Pattern::new(&query);
    for hit in results.ordered().iter().take(8) {
        let text = match hit.doc {
            Doc::City(c) => corpus.cities[c].name.as_str(),
            Doc::Article(a) => {
                let a = &corpus.articles[a];
                for b in &a.body {
                    let ranges = pattern.ranges(&b.text);
                    check_ranges(&b.text, &ranges);
                    let marked = index.match_ranges(&results.query, &b.text);
                    check_ranges(&b.text, &marked);
                    if !marked.is_empty() {
                        let s = snippet(&b.text, &marked, 60);
                        check_ranges(&s.text, &s.ranges);
                    }
                }
                a.title.as_str()
            }
        };
        check_ranges(text, &index.match_ranges(&results.query, text));
    }
});
