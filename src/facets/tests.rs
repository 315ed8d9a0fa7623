use super::*;
use crate::corpus::bundled;

fn count(q: &str) -> (usize, Parsed) {
    let c = bundled();
    let v = Values::new(&c);
    let p = parse_query(q, &v);
    let n = p.filter.cities(&c, &v).iter().filter(|&&b| b).count();
    (n, p)
}

#[test]
fn each_facet_filters_the_directory() {
    assert_eq!(count("region:africa").0, 36);
    assert_eq!(count("region:\"Arab States\"").0, 53);
    assert_eq!(count("region:europe").0, 99);
    assert_eq!(count("country:turkiye").0, 11);
    assert_eq!(count("country:TÜRKİYE").0, 11);
    assert_eq!(count("country:korea").0, 17);
    assert_eq!(count("status:disputed").0, 8);
    assert_eq!(count("status:single").0, 66);
    assert_eq!(count("has:report").0, 2);
    assert_eq!(count("has:coords").0, 292);
    assert_eq!(count("joined:2022").0, 65);
    assert_eq!(count("joined:unknown").0, 65);
    assert_eq!(count("joined:<2019").0, 3 + 17 + 6 + 4);
    assert_eq!(count("joined:<=2019").0, 3 + 17 + 6 + 4 + 19);
    assert_eq!(count("joined:2015..2016").0, 20);
    assert_eq!(count("joined:2016-2015").0, 20);
}

#[test]
fn words_combine_values_alternate_and_minus_excludes() {
    assert_eq!(count("region:africa,\"arab states\"").0, 36 + 53);
    assert_eq!(count("country:turkiye joined:2020").0, 3);
    assert_eq!(count("country:turkiye -joined:2020").0, 8);
    assert_eq!(count("-has:coords").0, 28);
    let (_, p) = count("ankara region:europe  belmek");
    assert_eq!(p.text, "ankara belmek");
    assert_eq!(p.filter.clauses.len(), 1);
}

#[test]
fn words_that_name_nothing_say_so_and_let_nothing_through() {
    let (n, p) = count("region:atlantis");
    assert_eq!(n, 0);
    assert_eq!(p.errors, ["no region matches \"atlantis\""]);
    let (n, p) = count("joined:soon");
    assert_eq!(n, 0);
    assert!(
        p.errors[0].starts_with("joined: \"soon\" is not a year"),
        "{:?}",
        p.errors
    );
    let (_, p) = count("status:x has:wings");
    assert_eq!(p.errors.len(), 2);
}

#[test]
fn facet_messages_and_names_in_turkish() {
    use crate::i18n::{with, Lang};
    with(Lang::Tr, || {
        let (_, p) = count("region:atlantis country:narnia joined:soon");
        assert_eq!(
            p.errors,
            [
                "\"atlantis\" ile eşleşen bölge yok",
                "\"narnia\" ile eşleşen ülke yok",
                "joined: \"soon\" geçersiz; beklenen: bir yıl (2022), <2020, <=2020, >2020, >=2020, 2016..2019 ya da unknown",
            ]
        );
        assert_eq!(Facet::Joined.title(), "Katılım yılı");
        assert_eq!(Has::Coords.in_words(), "haritada yeri olan");
    });
    for lang in Lang::ALL {
        with(lang, || {
            for f in Facet::ALL {
                assert!(!f.title().starts_with("facet-"), "{f:?} {lang:?}");
                assert!(!f.expects().starts_with("facet-"), "{f:?} {lang:?}");
            }
            for h in Has::ALL {
                assert!(!h.in_words().starts_with("has-"), "{h:?} {lang:?}");
            }
        });
    }
}

#[test]
fn an_unfinished_word_and_unknown_names_are_text_or_nothing() {
    let (n, p) = count("region:");
    assert_eq!((n, p.errors.len(), p.text.as_str()), (320, 0, ""));
    let (_, p) = count("time:10 https://x");
    assert!(p.filter.is_empty());
    assert_eq!(p.text, "time:10 https://x");
}

#[test]
fn words_of_one_facet_are_replaced_the_rest_kept() {
    let q = "ankara region:asia -region:africa belmek";
    assert_eq!(
        set_words(q, Facet::Region, &["Africa".into(), "Arab States".into()]),
        "ankara -region:africa belmek region:Africa,\"Arab States\""
    );
    assert_eq!(
        set_words(q, Facet::Region, &[]),
        "ankara -region:africa belmek"
    );
    assert_eq!(set_words("", Facet::Has, &["report".into()]), "has:report");
    assert_eq!(without_facets(q), "ankara belmek");
}
