//! The corpus without its bodies, as the META section keeps it: every
//! field in order, strings as length and bytes. Bodies are elsewhere (the
//! BLOCKS and TEXT sections); META says where each one is.

use super::format::{Dec, Enc};
use crate::corpus::{
    Article, Body, City, Coords, Figure, Link, Network, Publisher, Round, Status, TimelineEvent,
};

/// Where an article's body is: its blocks (entries of BLOCKS) and its text
/// (bytes of TEXT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// Encodes the corpus's metadata into `e`, calling `flush` after each city
/// and article so that what `e` keeps can be written out as it grows.
pub fn encode<E>(
    corpus: &crate::corpus::Corpus,
    bodies: &[BodyAt],
    e: &mut Enc,
    flush: &mut dyn FnMut(&mut Enc) -> Result<(), E>,
) -> Result<(), E> {
    e.u64(corpus.schema);
    e.opt_str(corpus.title.as_deref());
    network(&corpus.network, e);
    e.len(corpus.cities.len());
    for c in &corpus.cities {
        city(c, e);
        flush(e)?;
    }
    e.len(corpus.articles.len());
    for (a, at) in corpus.articles.iter().zip(bodies) {
        article(a, at, e);
        flush(e)?;
    }
    flush(e)
}

/// The metadata in `bytes`, calling `give_back` with the parts read (see
/// [`Dec::giving_back`]).
pub fn decode<'a>(bytes: &'a [u8], give_back: Option<&'a dyn Fn(&'a [u8])>) -> Option<Meta> {
    let mut d = Dec::giving_back(bytes, give_back)?;
    let schema = d.u64()?;
    let title = d.opt_str()?;
    let network = read_network(&mut d)?;
    // Least bytes of values per item: two strings for a city (id, name).
    let n = d.count(16)?;
    let mut cities = Vec::with_capacity(n);
    for _ in 0..n {
        cities.push(read_city(&mut d)?);
    }
    // Three strings, a count and where the body is.
    let n = d.count(64)?;
    let mut articles = Vec::with_capacity(n);
    let mut bodies = Vec::with_capacity(n);
    for _ in 0..n {
        let (a, at) = read_article(&mut d)?;
        articles.push(a);
        bodies.push(at);
    }
    d.done().then_some(Meta {
        schema,
        title,
        network,
        cities,
        articles,
        bodies,
    })
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
