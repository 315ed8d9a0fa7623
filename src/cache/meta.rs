//! The corpus without its bodies, as the META section keeps it: every
//! field in order, strings as length and bytes. Bodies are elsewhere (the
//! BLOCKS and TEXT sections); META says where each one is.

use super::format::{heap_and_values, Dec, Enc, GiveBack};
use crate::corpus::{
    Article, Body, City, Coords, Figure, Link, Network, Publisher, Round, Status, TimelineEvent,
};
use crate::parallel::both;

/// Where an article's body is: its blocks (entries of BLOCKS) and its text
/// (bytes of TEXT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BodyAt {
    pub first_block: u64,
    pub blocks: u64,
    pub text_start: u64,
    pub text_end: u64,
}

/// The corpus's parts as read back, bodies not yet.
pub struct Meta {
    pub schema: u64,
    pub title: Option<String>,
    pub network: Network,
    pub cities: Vec<City>,
    /// Articles with empty bodies.
    pub articles: Vec<Article>,
    /// Where each article's body is.
    pub bodies: Vec<BodyAt>,
}

/// Where the second part of META starts: its values, and its strings in
/// the heap. The articles are in two parts, the second half of them in the
/// second, so that two threads can decode them at once: at 100 000 reports
/// META is 60 MB, and decoding it was most of a warm start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Split {
    pub values: u64,
    pub heap: u64,
}

/// Encodes the corpus's metadata into `e`, calling `flush` after each city
/// and article so that what `e` keeps can be written out as it grows.
/// The section starts with `split`, where its second part starts; the
/// return value is where it did start, so a first pass (with any `split`)
/// gives the `split` of the next.
pub fn encode<E>(
    corpus: &crate::corpus::Corpus,
    bodies: &[BodyAt],
    split: Split,
    e: &mut Enc,
    flush: &mut dyn FnMut(&mut Enc) -> Result<(), E>,
) -> Result<Split, E> {
    let half = corpus.articles.len() / 2;
    e.u64(split.values);
    e.u64(split.heap);
    e.len(half);
    e.len(corpus.articles.len() - half);
    e.u64(corpus.schema);
    e.opt_str(corpus.title.as_deref());
    network(&corpus.network, e);
    e.len(corpus.cities.len());
    for c in &corpus.cities {
        city(c, e);
        flush(e)?;
    }
    let mut articles = corpus.articles.iter().zip(bodies);
    for (a, at) in articles.by_ref().take(half) {
        article(a, at, e);
        flush(e)?;
    }
    let (heap, values) = e.at();
    for (a, at) in articles {
        article(a, at, e);
        flush(e)?;
    }
    flush(e)?;
    Ok(Split { values, heap })
}

/// The metadata in `bytes`, calling `give_back` with the parts read (see
/// [`Dec::part`]). The two parts are decoded at once, the second on
/// a thread of its own; each must end exactly where the next starts.
pub fn decode<'a>(bytes: &'a [u8], give_back: Option<GiveBack<'a>>) -> Option<Meta> {
    let (heap, values) = heap_and_values(bytes)?;
    let word = |i: usize| {
        let at = 8 * i;
        usize::try_from(u64::from_ne_bytes(values.get(at..at + 8)?.try_into().ok()?)).ok()
    };
    let (split_values, split_heap) = (word(0)?, word(1)?);
    let (first_values, second_values) =
        (values.get(32..split_values)?, values.get(split_values..)?);
    let (first_heap, second_heap) = (heap.get(..split_heap)?, heap.get(split_heap..)?);
    // Each part's count of articles, bounded by the bytes of that part, so
    // that a damaged count never makes a table larger than the file.
    let fits = |n: usize, part: &[u8]| {
        n.checked_mul(ARTICLE_LEAST)
            .is_some_and(|b| b <= part.len())
            .then_some(n)
    };
    let first_count = fits(word(2)?, first_values)?;
    let second_count = fits(word(3)?, second_values)?;
    let n = first_count + second_count;
    // One table for both parts, each thread filling its half: made whole
    // and then joined, the second half would be copied into fresh pages
    // (12 MB at 100 000 reports).
    let mut articles: Vec<Article> = Vec::with_capacity(n);
    let mut bodies = vec![BodyAt::default(); n];
    let (first_slots, second_slots) = articles.spare_capacity_mut().split_at_mut(first_count);
    let (first_bodies, second_bodies) = bodies.split_at_mut(first_count);
    let (first, second) = both(
        || {
            let mut d = Dec::part(first_heap, 0, first_values, give_back);
            let head = d.as_mut().and_then(|d| {
                let schema = d.u64()?;
                let title = d.opt_str()?;
                let network = read_network(d)?;
                // Least bytes of values per item: two strings for a city (id, name).
                let n = d.count(16)?;
                let mut cities = Vec::with_capacity(n);
                for _ in 0..n {
                    cities.push(read_city(d)?);
                }
                Some((schema, title, network, cities))
            });
            let read = read_articles(
                d.as_mut().filter(|_| head.is_some()),
                first_slots,
                first_bodies,
            );
            head.filter(|_| read && d.is_some_and(|d| d.all_read()))
        },
        || {
            let mut d = Dec::part(second_heap, split_heap, second_values, give_back);
            let read = read_articles(d.as_mut(), second_slots, second_bodies);
            read && d.is_some_and(|d| d.all_read())
        },
    );
    // SAFETY: `read_articles` writes every slot it is given, whatever it
    // reads, and the two parts were given slots 0..first_count and
    // first_count..n of `articles`, whose capacity is n.
    unsafe { articles.set_len(n) };
    let (schema, title, network, cities) = first?;
    second.then_some(Meta {
        schema,
        title,
        network,
        cities,
        articles,
        bodies,
    })
}

/// Least bytes of values of an article: three strings, a count and where
/// the body is.
const ARTICLE_LEAST: usize = 64;

/// Reads an article into each of `slots`, and where its body is into
/// `bodies`. Every slot is written, with an empty article from the first
/// that cannot be read on (or all of them without `d`); `false` then.
fn read_articles(
    mut d: Option<&mut Dec>,
    slots: &mut [std::mem::MaybeUninit<Article>],
    bodies: &mut [BodyAt],
) -> bool {
    for (slot, body) in slots.iter_mut().zip(bodies) {
        match d.as_deref_mut().and_then(read_article) {
            Some((a, at)) => {
                slot.write(a);
                *body = at;
            }
            None => {
                slot.write(Article::default());
                d = None;
            }
        }
    }
    d.is_some()
}

fn links(links: &[Link], e: &mut Enc) {
    e.len(links.len());
    for l in links {
        e.opt_str(l.title.as_deref());
        e.opt_str(l.url.as_deref());
    }
}

fn read_links(d: &mut Dec) -> Option<Vec<Link>> {
    // Two absent strings.
    let n = d.count(2)?;
    (0..n)
        .map(|_| {
            Some(Link {
                title: d.opt_str()?,
                url: d.opt_str()?,
            })
        })
        .collect()
}

fn network(n: &Network, e: &mut Enc) {
    e.opt_str(n.name.as_deref());
    e.len(n.timeline.len());
    for t in &n.timeline {
        e.str(&t.date);
        e.opt_u64(t.cities);
        e.opt_u64(t.countries);
        e.opt_str(t.event.as_deref());
        e.opt_str(t.source.as_deref());
    }
    e.len(n.rounds.len());
    for r in &n.rounds {
        e.i64(r.year);
        e.opt_str(r.date.as_deref());
        e.opt_u64(r.announced_new);
        e.opt_u64(r.announced_countries);
        e.opt_u64(r.network_total);
        e.opt_u64(r.network_countries);
        e.opt_str(r.note.as_deref());
        links(&r.sources, e);
    }
}

fn read_network(d: &mut Dec) -> Option<Network> {
    let name = d.opt_str()?;
    // A date and four absent values.
    let n = d.count(12)?;
    let mut timeline = Vec::with_capacity(n);
    for _ in 0..n {
        timeline.push(TimelineEvent {
            date: d.str()?,
            cities: d.opt_u64()?,
            countries: d.opt_u64()?,
            event: d.opt_str()?,
            source: d.opt_str()?,
        });
    }
    // A year, six absent values and a count of sources.
    let n = d.count(22)?;
    let mut rounds = Vec::with_capacity(n);
    for _ in 0..n {
        rounds.push(Round {
            year: d.i64()?,
            date: d.opt_str()?,
            announced_new: d.opt_u64()?,
            announced_countries: d.opt_u64()?,
            network_total: d.opt_u64()?,
            network_countries: d.opt_u64()?,
            note: d.opt_str()?,
            sources: read_links(d)?,
        });
    }
    Some(Network {
        name,
        timeline,
        rounds,
    })
}

fn city(c: &City, e: &mut Enc) {
    e.str(&c.id);
    e.str(&c.name);
    e.opt_str(c.name_local.as_deref());
    e.opt_str(c.country.as_deref());
    e.opt_str(c.region.as_deref());
    e.opt_i64(c.joined);
    e.u8(match c.status {
        None => 0,
        Some(Status::Confirmed) => 1,
        Some(Status::SingleSource) => 2,
        Some(Status::Disputed) => 3,
    });
    e.opt_str(c.notes.as_deref());
    links(&c.sources, e);
    match &c.coords {
        None => e.u8(0),
        Some(k) => {
            e.u8(1);
            e.f64(k.lat);
            e.f64(k.lon);
            e.opt_u64(k.geonames_id);
            e.opt_str(k.place.as_deref());
            e.opt_str(k.matched.as_deref());
        }
    }
}

fn read_city(d: &mut Dec) -> Option<City> {
    Some(City {
        id: d.str()?,
        name: d.str()?,
        name_local: d.opt_str()?,
        country: d.opt_str()?,
        region: d.opt_str()?,
        joined: d.opt_i64()?,
        status: match d.u8()? {
            0 => None,
            1 => Some(Status::Confirmed),
            2 => Some(Status::SingleSource),
            3 => Some(Status::Disputed),
            _ => return None,
        },
        notes: d.opt_str()?,
        sources: read_links(d)?,
        coords: d.opt(|d| {
            Some(Box::new(Coords {
                lat: d.f64()?,
                lon: d.f64()?,
                geonames_id: d.opt_u64()?,
                place: d.opt_str()?,
                matched: d.opt_str()?,
            }))
        })?,
    })
}

fn article(a: &Article, at: &BodyAt, e: &mut Enc) {
    e.str(&a.id);
    e.str(&a.city);
    e.str(&a.title);
    e.opt_str(a.lang.as_deref());
    e.opt_str(a.published.as_deref());
    match &a.source {
        None => e.u8(0),
        Some(p) => {
            e.u8(1);
            e.opt_str(p.name.as_deref());
            e.opt_str(p.url.as_deref());
        }
    }
    e.opt_str(a.summary.as_deref());
    e.len(a.figures.len());
    for f in &a.figures {
        e.str(&f.label);
        e.f64(f.value);
        e.str(&f.written);
        e.opt_str(f.qualifier.as_deref());
        e.opt_str(f.unit.as_deref());
        e.str(&f.quote);
    }
    e.u64(at.first_block);
    e.u64(at.blocks);
    e.u64(at.text_start);
    e.u64(at.text_end);
}

fn read_article(d: &mut Dec) -> Option<(Article, BodyAt)> {
    let id = d.str()?;
    let city = d.str()?;
    let title = d.str()?;
    let lang = d.opt_str()?;
    let published = d.opt_str()?;
    let source = d.opt(|d| {
        Some(Publisher {
            name: d.opt_str()?,
            url: d.opt_str()?,
        })
    })?;
    let summary = d.opt_str()?;
    // A label, a value, how it was written, two absent values, a quote.
    let n = d.count(34)?;
    let mut figures = Vec::with_capacity(n);
    for _ in 0..n {
        figures.push(Figure {
            label: d.str()?,
            value: d.f64()?,
            written: d.str()?,
            qualifier: d.opt_str()?,
            unit: d.opt_str()?,
            quote: d.str()?,
        });
    }
    let at = BodyAt {
        first_block: d.u64()?,
        blocks: d.u64()?,
        text_start: d.u64()?,
        text_end: d.u64()?,
    };
    let article = Article {
        id,
        city,
        title,
        lang,
        published,
        source,
        summary,
        body: Body::default(),
        figures,
    };
    Some((article, at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{bundled, Corpus};

    /// The bundled corpus with its reports repeated to make `n` of them.
    fn with_reports(n: usize) -> Corpus {
        let c = bundled();
        let articles = (0..n)
            .map(|i| {
                let mut a = c.articles[i % c.articles.len()].clone();
                a.id = format!("{}-{i}", a.id);
                a.body = Body::default();
                a
            })
            .collect();
        Corpus::new(c.schema, c.title, c.cities, articles, c.network)
    }

    fn bodies(n: usize) -> Vec<BodyAt> {
        (0..n as u64)
            .map(|i| BodyAt {
                first_block: i,
                blocks: 1,
                text_start: 10 * i,
                text_end: 10 * i + 7,
            })
            .collect()
    }

    /// META as the writer lays it out: a pass for where the second part
    /// starts, then the section.
    fn section(c: &Corpus, split: Option<Split>) -> (Vec<u8>, Split) {
        let at = bodies(c.articles.len());
        let mut count = Enc::keeping(crate::cache::format::Keep::Neither);
        let ok = |_: &mut Enc| Ok::<(), ()>(());
        let measured = encode(c, &at, Split::default(), &mut count, &mut { ok }).unwrap();
        let mut e = Enc::default();
        encode(c, &at, split.unwrap_or(measured), &mut e, &mut { ok }).unwrap();
        (e.finish().unwrap(), measured)
    }

    #[test]
    fn both_parts_decode_to_the_corpus_for_any_number_of_reports() {
        for n in [0, 1, 2, 3, 8] {
            let c = with_reports(n);
            let (bytes, _) = section(&c, None);
            let meta = decode(&bytes, None).unwrap_or_else(|| panic!("{n} reports"));
            assert_eq!(meta.articles, c.articles, "{n} reports");
            assert_eq!(meta.bodies, bodies(n), "{n} reports");
            assert_eq!(meta.cities, c.cities);
            assert_eq!(meta.network, c.network);
            assert_eq!((meta.schema, &meta.title), (c.schema, &c.title));
        }
    }

    /// A second part said to start anywhere but where the first ends is
    /// refused: each part must read its values and its strings to the end.
    #[test]
    fn a_second_part_that_does_not_start_where_the_first_ends_is_refused() {
        let c = with_reports(5);
        let (_, right) = section(&c, None);
        let (v, h) = (right.values, right.heap);
        for (values, heap) in [
            (v + 8, h),
            (v - 8, h),
            (v, h + 1),
            (v, h - 1),
            (0, 0),
            (u64::MAX, u64::MAX),
        ] {
            let wrong = Split { values, heap };
            let (bytes, _) = section(&c, Some(wrong));
            assert!(decode(&bytes, None).is_none(), "{wrong:?}");
        }
    }
}
