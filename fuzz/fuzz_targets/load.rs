//! Any bytes given to the loader either load or give problems; never a
//! panic. A loaded corpus must also index, search and render its entries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use learncity::corpus::load_bytes;
use learncity::search::SearchIndex;

fuzz_target!(|data: &[u8]| {
    match load_bytes("fuzz.json", data) {
        Ok(corpus) => {
            let index = SearchIndex::build(&corpus);
            for city in corpus.cities.iter().take(4) {
                let results = index.search(&city.name);
                for hit in results.ordered().iter().take(4) {
                    let _ = hit.score;
                }
            }
            let _ = learncity::stats::corpus_stats(&corpus);
        }
        Err(err) => {
            assert!(!err.problems.is_empty());
            let _ = err.to_string();
        }
    }
});
