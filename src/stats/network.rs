//! The directory in numbers: how a set of member cities spreads over
//! regions, countries, join years and statuses, and how much of each
//! admission round the directory lists. Pure functions of the corpus; the
//! reader computes them when its filter changes, never while drawing.

use serde::Serialize;

use super::YearCount;
use crate::corpus::{Corpus, Round, Status};
use crate::facets::values::Field;
use crate::facets::Values;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameCount {
    pub name: String,
    pub cities: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusCount {
    pub status: Status,
    pub cities: usize,
}

/// A set of cities (the whole corpus, or those a filter lets through).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SetStats {
    pub cities: usize,
    /// Distinct countries, ignoring case and accents.
    pub countries: usize,
    pub cities_with_reports: usize,
    /// Cities with coordinates, which the map shows.
    pub placed: usize,
    /// Most cities first; ties alphabetical.
    pub regions: Vec<NameCount>,
    pub region_unknown: usize,
    /// Most cities first; ties alphabetical.
    pub countries_by_cities: Vec<NameCount>,
    pub country_unknown: usize,
    /// Oldest first; only years that occur.
    pub join_years: Vec<YearCount>,
    pub joined_unknown: usize,
    /// Every status, in the order confirmed, single-source, disputed.
    pub statuses: Vec<StatusCount>,
    pub status_unknown: usize,
}

impl SetStats {
    /// The statistics of the cities for which `member` is true (all of
    /// them when it is `None`).
    pub fn of(corpus: &Corpus, values: &Values, member: Option<&[bool]>) -> Self {
        let inside = |c: usize| member.is_none_or(|m| m.get(c).copied().unwrap_or(false));
        let mut s = SetStats::default();
        let mut regions = vec![0usize; values.regions.values.len()];
        let mut countries = vec![0usize; values.countries.values.len()];
        let mut years = std::collections::BTreeMap::new();
        let mut statuses = [0usize; 3];
        for (c, city) in corpus.cities.iter().enumerate() {
            if !inside(c) {
                continue;
            }
            s.cities += 1;
            s.cities_with_reports += usize::from(!corpus.articles_of(c).is_empty());
            s.placed += usize::from(city.coords.is_some());
            match values.regions.of_city[c] {
                Some(r) => regions[r as usize] += 1,
                None => s.region_unknown += 1,
            }
            match values.countries.of_city[c] {
                Some(k) => countries[k as usize] += 1,
                None => s.country_unknown += 1,
            }
            match city.joined {
                Some(y) => *years.entry(y).or_insert(0) += 1,
                None => s.joined_unknown += 1,
            }
            match city.status {
                Some(st) => statuses[Status::ALL.iter().position(|x| *x == st).unwrap_or(0)] += 1,
                None => s.status_unknown += 1,
            }
        }
        s.regions = ranked(&values.regions, &regions);
        s.countries_by_cities = ranked(&values.countries, &countries);
        s.countries = s.countries_by_cities.len();
        s.join_years = years
            .into_iter()
            .map(|(year, cities)| YearCount { year, cities })
            .collect();
        s.statuses = Status::ALL
            .into_iter()
            .zip(statuses)
            .map(|(status, cities)| StatusCount { status, cities })
            .collect();
        s
    }
}

/// The values with at least one city, most cities first, ties in the
/// field's (alphabetical) order.
fn ranked(field: &Field, counts: &[usize]) -> Vec<NameCount> {
    let mut v: Vec<(usize, usize)> = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, &n)| (i, n))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter()
        .map(|(i, n)| NameCount {
            name: field.values[i].shown.clone(),
            cities: n,
        })
        .collect()
}

/// One admission round as the corpus has it, and how many of its cities
/// the corpus lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundStats {
    #[serde(flatten)]
    pub round: Round,
    /// Cities of the corpus that joined that year.
    pub listed: usize,
}

pub fn rounds(corpus: &Corpus, values: &Values) -> Vec<RoundStats> {
    corpus
        .network
        .rounds
        .iter()
        .map(|r| RoundStats {
            round: r.clone(),
            listed: values.years.get(&r.year).copied().unwrap_or(0),
        })
        .collect()
}

/// How much of the network the corpus lists: "320 of 425 members listed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub listed: usize,
    pub total: u64,
    pub countries_listed: usize,
    pub countries_total: Option<u64>,
    /// The date of the round that gave the total.
    pub as_of: Option<String>,
}

/// `None` when no round gives the network's size.
pub fn coverage(corpus: &Corpus, values: &Values) -> Option<Coverage> {
    let last = corpus.network.latest_total()?;
    Some(Coverage {
        listed: corpus.cities.len(),
        total: last.network_total?,
        countries_listed: values.countries.values.len(),
        countries_total: last.network_countries,
        as_of: last.date.clone().or_else(|| Some(last.year.to_string())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    #[test]
    fn the_whole_directory() {
        let c = bundled();
        let v = Values::new(&c);
        let s = SetStats::of(&c, &v, None);
        assert_eq!((s.cities, s.placed, s.cities_with_reports), (320, 292, 2));
        let regions: Vec<(&str, usize)> = s
            .regions
            .iter()
            .map(|r| (r.name.as_str(), r.cities))
            .collect();
        assert_eq!(
            regions,
            [
                ("Europe and North America", 99),
                ("Asia and the Pacific", 79),
                ("Arab States", 53),
                ("Latin America and the Caribbean", 52),
                ("Africa", 36)
            ]
        );
        assert_eq!(s.region_unknown, 1);
        assert_eq!(s.countries, 73);
        assert_eq!(s.country_unknown, 2);
        assert_eq!(
            s.statuses.iter().map(|x| x.cities).collect::<Vec<_>>(),
            [246, 66, 8]
        );
        assert_eq!(s.countries_by_cities[0].cities, 17);
        let cov = coverage(&c, &v).unwrap();
        assert_eq!(
            (cov.listed, cov.total, cov.countries_total),
            (320, 425, Some(91))
        );
        let r = rounds(&c, &v);
        let y2022 = r.iter().find(|r| r.round.year == 2022).unwrap();
        assert_eq!((y2022.listed, y2022.round.announced_new), (65, Some(77)));
    }

    #[test]
    fn a_filtered_set() {
        let c = bundled();
        let v = Values::new(&c);
        let p = crate::facets::parse_query("country:turkiye", &v);
        let m = p.filter.cities(&c, &v);
        let s = SetStats::of(&c, &v, Some(&m));
        assert_eq!((s.cities, s.countries, s.joined_unknown), (11, 1, 2));
        assert_eq!(s.regions[0].name, "Europe and North America");
        assert_eq!(s.countries_by_cities[0].name, "Türkiye");
    }
}
