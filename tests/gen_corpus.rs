//! The synthetic corpus generator (`examples/gen-corpus.rs`, used by the
//! benchmarks): its output is a valid corpus of the requested shape, and the
//! same seed always gives the same bytes.

#[path = "../examples/gen_corpus/gen.rs"]
mod gen;

use gen::{corpus_bytes, inflect, Config};
use learncity::corpus::{load_bytes, Corpus};
use learncity::search::SearchIndex;

fn body_bytes(c: &Corpus, a: usize) -> usize {
    c.articles[a].body.iter().map(|b| b.text.len()).sum()
}

#[test]
fn a_small_corpus_is_valid_and_has_the_requested_shape() {
    let cfg = Config::new(200, 1);
    let bytes = corpus_bytes(&cfg);
    let c = load_bytes("gen.json", &bytes).unwrap_or_else(|e| panic!("{e}"));

    assert_eq!(c.articles.len(), 200);
    assert_eq!(c.cities.len(), 10, "about one city per 20 articles");
    assert!(!c.network.timeline.is_empty());
    assert!(c
        .cities
        .iter()
        .all(|city| city.joined.is_none_or(|y| (2013..=2025).contains(&y))));

    let text = std::str::from_utf8(&bytes).unwrap();
    for letter in ['ç', 'ğ', 'ı', 'İ', 'ö', 'ş', 'ü', 'Ç', 'Ö', 'Ş', 'Ü'] {
        assert!(text.contains(letter), "no {letter:?} in the corpus");
    }

    // One long article (200 / 5000 rounds up to 1), of about 2 MB.
    let long: Vec<usize> = (0..c.articles.len())
        .filter(|&a| body_bytes(&c, a) > 1_000_000)
        .collect();
    assert_eq!(long.len(), 1);
    let size = body_bytes(&c, long[0]);
    assert!((2_000_000..2_300_000).contains(&size), "{size}");

    let others: Vec<usize> = (0..c.articles.len())
        .filter(|a| !long.contains(a))
        .map(|a| body_bytes(&c, a))
        .collect();
    let mean = others.iter().sum::<usize>() / others.len();
    assert!((2_000..=4_000).contains(&mean), "mean body {mean} bytes");

    let figures: Vec<usize> = c.articles.iter().map(|a| a.figures.len()).collect();
    assert!(figures.iter().all(|&n| n <= 3));
    assert!(figures.contains(&0) && figures.contains(&3));
    for a in &c.articles {
        for f in &a.figures {
            assert!(
                f.quote.ends_with('.'),
                "a quote is a sentence: {:?}",
                f.quote
            );
        }
    }
}

#[test]
fn the_benchmark_queries_find_something() {
    let c = load_bytes("gen.json", &corpus_bytes(&Config::new(200, 1))).unwrap();
    let index = SearchIndex::build(&c);
    for q in gen::BENCH_QUERIES {
        assert!(!index.search(q).is_empty(), "{q}");
    }
    assert!(
        index.vocab_len() > 5_000,
        "vocabulary {}",
        index.vocab_len()
    );
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_differs() {
    let cfg = Config::new(60, 1);
    let a = corpus_bytes(&cfg);
    assert_eq!(a, corpus_bytes(&cfg));
    let b = corpus_bytes(&Config::new(60, 2));
    assert_ne!(a, b);
    assert!(load_bytes("b.json", &b).is_ok());
}

#[test]
fn flags_change_the_shape() {
    let cfg = Config {
        articles: 30,
        cities: 7,
        long: 0,
        seed: 3,
    };
    let c = load_bytes("c.json", &corpus_bytes(&cfg)).unwrap();
    assert_eq!((c.cities.len(), c.articles.len()), (7, 30));
    assert!((0..30).all(|a| body_bytes(&c, a) < 100_000));

    let empty = Config::new(0, 1);
    assert_eq!((empty.cities, empty.long), (1, 0));
    let c = load_bytes("e.json", &corpus_bytes(&empty)).unwrap();
    assert_eq!((c.cities.len(), c.articles.len()), (1, 0));

    assert!(Config {
        cities: 0,
        ..Config::new(10, 1)
    }
    .problem()
    .is_some());
    assert!(Config {
        long: 11,
        ..Config::new(10, 1)
    }
    .problem()
    .is_some());
}

#[test]
fn long_articles_are_spread_evenly() {
    for (n, k) in [
        (1, 1),
        (10, 3),
        (200, 1),
        (10_000, 2),
        (100_000, 20),
        (7, 7),
    ] {
        let cfg = Config {
            long: k,
            ..Config::new(n, 1)
        };
        let long: Vec<usize> = (0..n).filter(|&i| cfg.is_long(i)).collect();
        assert_eq!(long.len(), k, "{n} articles, {k} long: {long:?}");
    }
}

#[test]
fn suffixes_follow_vowel_harmony() {
    let cases = [
        ("belediye", "lAr", "belediyeler"),
        ("okul", "lAr", "okullar"),
        ("belediye", "(n)In", "belediyenin"),
        ("kadın", "(n)In", "kadının"),
        ("okul", "(n)In", "okulun"),
        ("köy", "(n)In", "köyün"),
        ("kurs", "DA", "kursta"),
        ("merkez", "DAn", "merkezden"),
        ("belediye", "(s)I(n)DA", "belediyesinde"),
        ("merkez", "(s)I(n)DA", "merkezinde"),
        ("çocuk", "(s)I", "çocuğu"),
        ("kitap", "(y)I", "kitabı"),
        ("park", "(y)A", "parka"),
        ("şehir", "(y)A", "şehre"),
        ("şehir", "DA", "şehirde"),
        ("proje", "lArIn", "projelerin"),
        ("merkez", "(I)mIz", "merkezimiz"),
    ];
    for (stem, t, want) in cases {
        assert_eq!(inflect(stem, t, true), want, "{stem} + {t}");
    }
    assert_eq!(inflect("başla", "~Iyor", false), "başlıyor");
    assert_eq!(inflect("öğren", "(y)An", false), "öğrenen");
    assert_eq!(inflect("yap", "DI", false), "yaptı");
    assert_eq!(inflect("düzenlen", "mIştIr", false), "düzenlenmiştir");
}
