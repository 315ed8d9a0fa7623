use super::*;
use crate::corpus::{bundled, BUNDLED_JSON};

const FACTS: &str = include_str!("../../data/facts.md");

#[test]
fn the_bundled_corpus_is_what_its_sources_build() {
    let built = build(&bundled_inputs()).unwrap();
    assert!(
        built.json == BUNDLED_JSON,
        "data/corpus.json is stale: run `cargo run --example build-corpus`"
    );
}

/// The rows of the markdown table that follows `heading` in facts.md.
fn facts_table(heading: &str) -> Vec<Vec<String>> {
    let at = FACTS.find(heading).expect("the section is in facts.md");
    FACTS[at..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn facts_md_wins_for_the_cities_it_names() {
    let c = bundled();
    let rows = facts_table("## Membership of the cities");
    assert_eq!(rows.len(), 11);
    let mut urls_of: HashMap<String, Vec<String>> = HashMap::new();
    for row in &rows {
        let (name, country, joined, source) = (&row[0], &row[1], &row[2], &row[3]);
        let city = c
            .cities
            .iter()
            .find(|x| &x.name == name)
            .unwrap_or_else(|| panic!("{name} is in the corpus"));
        assert_eq!(city.country.as_deref(), Some(country.as_str()), "{name}");
        let year = joined[..4].parse::<i64>().ok();
        assert_eq!(city.joined, year, "{name}: {joined}");
        assert_eq!(
            city.region.as_deref(),
            Some("Europe and North America"),
            "{name}"
        );
        let urls: Vec<String> = match source.strip_prefix("same as ") {
            Some(other) => urls_of[other].clone(),
            None => source.split(" ; ").map(str::to_owned).collect(),
        };
        let have: Vec<&str> = city
            .sources
            .iter()
            .filter_map(|s| s.url.as_deref())
            .collect();
        for u in &urls {
            assert!(have.contains(&u.as_str()), "{name}: {u} in {have:?}");
        }
        assert_eq!(
            city.sources[0].url.as_deref(),
            Some(urls[0].as_str()),
            "{name}: the curated sources come first"
        );
        urls_of.insert(name.clone(), urls);
    }
}

#[test]
fn the_timeline_is_the_one_facts_md_gives() {
    let c = bundled();
    let rows = facts_table("## The network's growth");
    assert_eq!(rows.len(), c.network.timeline.len());
    for (row, e) in rows.iter().zip(&c.network.timeline) {
        assert_eq!(e.date, row[0]);
        assert_eq!(e.cities, row[2].parse().ok(), "{}", row[0]);
        assert_eq!(e.countries, row[3].parse().ok(), "{}", row[0]);
    }
}

#[test]
fn every_directory_city_is_in_the_corpus_with_its_fields() {
    let c = bundled();
    let inputs = bundled_inputs();
    let curated = corpus::load_bytes("curated.json", inputs.curated.as_bytes()).unwrap();
    let records = tsv::parse("cities.tsv", inputs.cities, CITY_COLUMNS).unwrap();
    assert_eq!(records.len(), 320);
    assert_eq!(c.cities.len(), 320, "no city added or lost");
    let coords = tsv::parse("coords.tsv", inputs.coords, COORD_COLUMNS).unwrap();
    let coords: HashMap<&str, &tsv::Record> =
        coords.iter().map(|r| (r.get(0).unwrap(), r)).collect();
    for r in &records {
        let id = r.get(0).unwrap();
        let city = &c.cities[c.city_index(id).unwrap_or_else(|| panic!("{id}"))];
        let curated = curated.city_index(id).map(|i| &curated.cities[i]);
        assert_eq!(city.name_local.as_deref(), r.get(2), "{id}");
        assert_eq!(city.status.map(Status::as_str), r.get(6), "{id}");
        let urls: Vec<&str> = city
            .sources
            .iter()
            .filter_map(|s| s.url.as_deref())
            .collect();
        for u in r.get(7).unwrap_or("").split_whitespace() {
            assert!(
                urls.iter().any(|have| same_page(have) == same_page(u)),
                "{id}: {u}"
            );
        }
        match curated {
            // facts.md wins (checked against it above).
            Some(cur) => {
                assert_eq!(city.joined, cur.joined, "{id}");
                assert_eq!(city.country, cur.country, "{id}");
            }
            None => {
                assert_eq!(city.name, r.get(1).unwrap(), "{id}");
                assert_eq!(city.country.as_deref(), r.get(3), "{id}");
                assert_eq!(city.region.as_deref(), r.get(4), "{id}");
                assert_eq!(city.joined, r.get(5).map(|y| y.parse().unwrap()), "{id}");
                assert_eq!(city.notes.as_deref(), r.get(8), "{id}");
                assert_eq!(
                    urls.len(),
                    r.get(7).unwrap_or("").split_whitespace().count()
                );
            }
        }
        let placed = coords[id].get(1).zip(coords[id].get(2));
        match (&city.coords, placed) {
            (Some(have), Some((lat, lon))) => {
                assert_eq!(have.lat, lat.parse::<f64>().unwrap(), "{id}");
                assert_eq!(have.lon, lon.parse::<f64>().unwrap(), "{id}");
            }
            (None, None) => {}
            (have, want) => panic!("{id}: {have:?} vs {want:?}"),
        }
    }
    assert_eq!(c.cities.iter().filter(|c| c.coords.is_some()).count(), 292);
}

#[test]
fn the_rounds_come_from_cohorts_tsv_with_the_2020_correction() {
    let c = bundled();
    let r = &c.network.rounds;
    assert_eq!(
        r.iter().map(|r| r.year).collect::<Vec<_>>(),
        [2015, 2016, 2017, 2018, 2019, 2020, 2022, 2024, 2025]
    );
    let y2020 = r.iter().find(|r| r.year == 2020).unwrap();
    assert_eq!(
        (y2020.announced_new, y2020.network_total),
        (Some(54), Some(229))
    );
    assert!(y2020.note.as_deref().unwrap().contains("55 and 230"));
    let last = c.network.latest_total().unwrap();
    assert_eq!(
        (
            last.network_total,
            last.network_countries,
            last.date.as_deref()
        ),
        (Some(425), Some(91), Some("2025-12-04"))
    );
}

#[test]
fn the_build_says_what_it_merged() {
    let built = build(&bundled_inputs()).unwrap();
    let report = built.report.join("\n");
    assert!(report.contains("read cities.tsv: 320 cities"), "{report}");
    assert!(report.contains("292 of 320 cities placed"), "{report}");
    assert!(report.contains("listed cities per round: as cohorts.tsv counts them"));
    assert!(report.contains("balikesir: curated facts kept"), "{report}");
    assert!(report.contains("round 2020: curated note"), "{report}");
}

fn inputs_with<'a>(cities: &'a str, coords: &'a str) -> Inputs<'a> {
    Inputs {
        cities,
        coords,
        ..bundled_inputs()
    }
}

#[test]
fn broken_sources_are_errors_with_their_line() {
    let header = CITY_COLUMNS.join("\t");
    let coords_header = COORD_COLUMNS.join("\t");
    let city = "x\tX\t\tLand\tAfrica\t2020\tconfirmed\thttps://a\t";
    let dup = format!("{header}\n{city}\n{city}\n");
    assert_eq!(
        build(&inputs_with(&dup, &coords_header)).err().unwrap(),
        "cities.tsv:3: duplicate id \"x\""
    );
    let bad = format!("{header}\n{}\n", city.replace("confirmed", "sure"));
    assert_eq!(
        build(&inputs_with(&bad, &coords_header)).err().unwrap(),
        "cities.tsv:2: status \"sure\""
    );
    let ok = format!("{header}\n{city}\n");
    let stray = format!("{coords_header}\ny\t1\t2\t\t\texact\t\n");
    assert_eq!(
        build(&inputs_with(&ok, &stray)).err().unwrap(),
        "coords.tsv:2: \"y\" is not in cities.tsv"
    );
}

#[test]
fn same_page_ignores_scheme_www_and_trailing_slash() {
    assert_eq!(
        same_page("http://www.unesco.org.tr/Home/AnnouncementDetail/164"),
        same_page("http://unesco.org.tr/Home/AnnouncementDetail/164/")
    );
    assert_ne!(same_page("https://a/x"), same_page("https://a/y"));
}
