//! The synthetic corpus generator behind `examples/gen-corpus.rs`.
//!
//! The same file is included with `#[path]` by the example, by
//! `tests/gen_corpus.rs` and by the benchmarks in `benches/`, so that all
//! three see exactly the same corpus for a given [`Config`].
//!
//! Everything comes from one seed through a small SplitMix64 generator
//! (no dependency): the same configuration always gives the same bytes.
//! Cities come from their own stream and every article from a stream of its
//! own (seed, index), so article `i` does not depend on the others.
//!
//! The text imitates Turkish news reports about learning cities: stems with
//! suffixes chosen by vowel harmony and consonant assimilation (`-ler/-lar`,
//! `-in/-ın/-un/-ün`, `-de/-da/-te/-ta`, `-inde`, `-lerin`, …), Turkish
//! letters in both cases (`ç ğ ı İ ö ş ü`), city names with apostrophe
//! suffixes (`İzmir'de`), numbers in Turkish notation, some English, and a
//! long tail of rare words drawn from a Zipf-like pool, so that the
//! vocabulary keeps growing with the corpus as a real one does.
//!
//! The JSON is streamed: one city or article at a time is held in memory.

#![allow(dead_code)]

use std::collections::HashSet;
use std::io::{self, Write};

/// Body size of a long article: about 2 MB.
pub const LONG_BODY_BYTES: usize = 2 * 1024 * 1024;

/// Range of body sizes of an ordinary article (about 3 KB on average).
const BODY_BYTES_MIN: usize = 1_500;
const BODY_BYTES_MAX: usize = 4_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Number of articles.
    pub articles: usize,
    /// Number of cities (at least 1).
    pub cities: usize,
    /// How many of the articles are long (about 2 MB of body each).
    pub long: usize,
    pub seed: u64,
}

impl Config {
    /// `articles` articles with the default number of cities and long articles.
    pub fn new(articles: usize, seed: u64) -> Self {
        Config {
            articles,
            cities: default_cities(articles),
            long: default_long(articles),
            seed,
        }
    }

    /// Why this configuration cannot be generated, if it cannot.
    pub fn problem(&self) -> Option<String> {
        if self.cities == 0 {
            Some("--cities must be at least 1".to_owned())
        } else if self.long > self.articles {
            Some(format!(
                "--long {} is more than the number of articles ({})",
                self.long, self.articles
            ))
        } else {
            None
        }
    }

    /// Whether article `i` is one of the long ones: spread evenly.
    pub fn is_long(&self, i: usize) -> bool {
        if self.long == 0 {
            return false;
        }
        // Long article k sits in the middle of the k-th of `long` equal slices.
        let slot = i * self.long / self.articles;
        i == (2 * slot + 1) * self.articles / (2 * self.long)
    }
}

/// About one city per 20 articles, at least one.
pub fn default_cities(articles: usize) -> usize {
    ((articles + 10) / 20).max(1)
}

/// One long article per 5 000 articles, at least one (none without articles).
pub fn default_long(articles: usize) -> usize {
    if articles == 0 {
        0
    } else {
        (articles / 5000).max(1)
    }
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub bytes: u64,
    pub cities: usize,
    pub articles: usize,
    pub figures: usize,
    pub body_bytes: u64,
}

/// Writes the corpus described by `cfg` to `out` as JSON. `out` should be
/// buffered. Panics if `cfg.problem()` is not `None`.
pub fn write_corpus<W: Write>(cfg: &Config, out: W) -> io::Result<Summary> {
    if let Some(p) = cfg.problem() {
        panic!("invalid generator configuration: {p}");
    }
    let mut w = Counting { inner: out, n: 0 };
    let mut summary = Summary {
        cities: cfg.cities,
        articles: cfg.articles,
        ..Summary::default()
    };
    let cities = make_cities(cfg);

    w.write_all(b"{\n  \"schema\": 1,\n  \"title\": ")?;
    json_str(
        &mut w,
        &format!(
            "Öğrenen Şehirler — synthetic reports (seed {}, {} articles)",
            cfg.seed, cfg.articles
        ),
    )?;
    w.write_all(b",\n  \"cities\": [")?;
    for (i, c) in cities.iter().enumerate() {
        w.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        write_city(&mut w, c)?;
    }
    w.write_all(b"\n  ],\n  \"articles\": [")?;
    for i in 0..cfg.articles {
        let a = make_article(cfg, &cities, i);
        summary.figures += a.figures.len();
        summary.body_bytes += a.body.iter().map(|b| b.1.len() as u64).sum::<u64>();
        w.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        write_article(&mut w, &a)?;
    }
    w.write_all(b"\n  ],\n  \"network\": ")?;
    write_network(&mut w, cfg)?;
    w.write_all(b"\n}\n")?;
    w.flush()?;
    summary.bytes = w.n;
    Ok(summary)
}

/// The whole corpus in memory, for tests.
pub fn corpus_bytes(cfg: &Config) -> Vec<u8> {
    let mut v = Vec::new();
    write_corpus(cfg, &mut v).expect("writing to a Vec cannot fail");
    v
}

struct Counting<W> {
    inner: W,
    n: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let k = self.inner.write(buf)?;
        self.n += k as u64;
        Ok(k)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

// ---- randomness ----------------------------------------------------------

/// SplitMix64: tiny, fast, and good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

/// The SplitMix64 output function: a good 64-bit mixer.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    /// An independent stream for `(seed, stream, index)`.
    pub fn derive(seed: u64, stream: u64, index: u64) -> Self {
        Rng::new(mix(mix(seed ^ 0x5EED_0FC0_FFEE) ^ mix(stream) ^ index))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.state)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T: ?Sized>(&mut self, xs: &'a [&'a T]) -> &'a T {
        xs[self.below(xs.len())]
    }

    /// In `0..n`, small values far more often (Zipf-like, exponent 1):
    /// frequent words first in the lists.
    pub fn skewed(&mut self, n: usize) -> usize {
        let x = ((n as f64 + 1.0).ln() * self.unit()).exp() - 1.0;
        (x as usize).min(n - 1)
    }

    /// Picks from `(item, weight)` pairs.
    pub fn weighted<'a>(&mut self, xs: &'a [(&'a str, u32)]) -> &'a str {
        let total: u32 = xs.iter().map(|x| x.1).sum();
        let mut r = self.below(total as usize) as u32;
        for &(s, wt) in xs {
            if r < wt {
                return s;
            }
            r -= wt;
        }
        xs[xs.len() - 1].0
    }
}

// ---- Turkish morphology --------------------------------------------------

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'ı' | 'i' | 'o' | 'ö' | 'u' | 'ü' | 'â' | 'î' | 'û' | 'é' | 'á' | 'í' | 'ó'
    )
}

fn lower_char(c: char) -> char {
    match c {
        'I' => 'ı',
        'İ' => 'i',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

fn last_vowel(s: &str) -> char {
    s.chars()
        .rev()
        .map(lower_char)
        .find(|&c| is_vowel(c))
        .unwrap_or('e')
}

fn is_front(v: char) -> bool {
    matches!(v, 'e' | 'i' | 'ö' | 'ü' | 'î' | 'é' | 'í')
}

fn is_round(v: char) -> bool {
    matches!(v, 'o' | 'ö' | 'u' | 'ü' | 'û' | 'ó')
}

fn ends_with_vowel(s: &str) -> bool {
    s.chars().last().map(lower_char).is_some_and(is_vowel)
}

fn ends_voiceless(s: &str) -> bool {
    s.chars()
        .last()
        .map(lower_char)
        .is_some_and(|c| "çfhkpsşt".contains(c))
}

/// ı/i/u/ü after the vowel `v`.
fn high_vowel(v: char) -> char {
    match (is_front(v), is_round(v)) {
        (false, false) => 'ı',
        (true, false) => 'i',
        (false, true) => 'u',
        (true, true) => 'ü',
    }
}

fn vowel_count(s: &str) -> usize {
    s.chars().map(lower_char).filter(|&c| is_vowel(c)).count()
}

/// Adds a suffix template to `stem`, Turkish style. In templates:
/// `A` is e/a and `I` is ı/i/u/ü by vowel harmony; `D` is d/t and `C` is c/ç
/// after voiced/voiceless sounds; `(y)`, `(n)`, `(s)` appear only after a
/// vowel and `(I)` only after a consonant; a leading `~` drops the stem's
/// final vowel (`başla` + `~Iyor` = `başlıyor`). Other characters are
/// copied. For a `noun`, before a vowel a final k/p/ç of a stem of two or
/// more syllables softens (`çocuk` + `(s)I` = `çocuğu`) and a few stems lose
/// their last vowel (`şehir` + `(y)A` = `şehre`).
pub fn inflect(stem: &str, template: &str, noun: bool) -> String {
    let mut out = String::with_capacity(stem.len() + template.len() + 4);
    out.push_str(stem);
    let mut t = template;
    if let Some(rest) = t.strip_prefix('~') {
        if ends_with_vowel(&out) {
            out.pop();
        }
        t = rest;
    }
    let boundary = out.len();
    let mut chars = t.chars();
    while let Some(c) = chars.next() {
        match c {
            '(' => {
                let b = chars.next().unwrap_or('y');
                chars.next(); // ')'
                match b {
                    'I' if !ends_with_vowel(&out) => out.push(high_vowel(last_vowel(&out))),
                    'I' => {}
                    _ if ends_with_vowel(&out) => out.push(b),
                    _ => {}
                }
            }
            'A' => out.push(if is_front(last_vowel(&out)) { 'e' } else { 'a' }),
            'I' => out.push(high_vowel(last_vowel(&out))),
            'D' => out.push(if ends_voiceless(&out) { 't' } else { 'd' }),
            'C' => out.push(if ends_voiceless(&out) { 'ç' } else { 'c' }),
            _ => out.push(c),
        }
    }
    let before_vowel = out[boundary..].chars().next().is_some_and(is_vowel);
    if noun && before_vowel && VOWEL_DROP.contains(&stem) {
        // The harmony above was right: it follows the dropped vowel.
        if let Some((at, _)) = out[..boundary]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_vowel(c))
        {
            out.remove(at);
        }
    } else if noun && before_vowel && vowel_count(stem) >= 2 && !NO_SOFTEN.contains(&stem) {
        let soft = match out[..boundary].chars().last() {
            Some('k') => Some('ğ'),
            Some('p') => Some('b'),
            Some('ç') => Some('c'),
            _ => None,
        };
        if let Some(s) = soft {
            let last = out[..boundary].chars().last().map_or(0, char::len_utf8);
            out.replace_range(boundary - last..boundary, &s.to_string());
        }
    }
    out
}

/// Upper case with the Turkish i/İ and ı/I.
pub fn upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            'i' => out.push('İ'),
            'ı' => out.push('I'),
            _ => out.extend(c.to_uppercase()),
        }
    }
    out
}

/// First letter in upper case (Turkish rules).
pub fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => {
            let mut out = upper(f.encode_utf8(&mut [0; 4]));
            out.push_str(cs.as_str());
            out
        }
        None => String::new(),
    }
}

/// Capitalizes every word but a few short function words.
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i > 0 && matches!(word, "ve" | "ile" | "için" | "de" | "da" | "ya" | "bir") {
            out.push_str(word);
        } else {
            out.push_str(&capitalize(word));
        }
    }
    out
}

/// An ASCII slug for ids: Turkish and other accented letters to their base.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(lower_char) {
        let c = match c {
            'ç' => 'c',
            'ğ' => 'g',
            'ı' | 'î' | 'í' => 'i',
            'ö' | 'ó' | 'ô' => 'o',
            'ş' => 's',
            'ü' | 'û' | 'ú' => 'u',
            'â' | 'á' | 'ã' | 'à' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ñ' => 'n',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Turkish thousands: `12.500`.
fn thousands(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

// ---- vocabulary ----------------------------------------------------------

/// Noun stems, roughly most frequent first.
#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "belediye", "şehir", "eğitim", "öğrenme", "program", "kurs", "merkez", "proje", "kadın",
    "çocuk", "kent", "halk", "vatandaş", "genç", "öğrenci", "kursiyer", "etkinlik", "hizmet",
    "başkan", "kütüphane", "okul", "yıl", "ağ", "üye", "destek", "beceri", "meslek", "kültür",
    "sanat", "çalışma", "toplum", "aile", "bilgi", "yaşam", "hayat", "gelecek", "katılım",
    "katılımcı", "gönüllü", "öğretmen", "üniversite", "müze", "park", "mahalle", "ilçe", "köy",
    "bölge", "ülke", "dünya", "başkent", "meclis", "toplantı", "konferans", "atölye", "sergi",
    "faaliyet", "fon", "bütçe", "yatırım", "kaynak", "yetenek", "iş", "istihdam", "sanayi", "tarım",
    "turizm", "müzik", "spor", "sağlık", "çevre", "doğa", "iklim", "enerji", "ulaşım", "teknoloji",
    "yazılım", "bilgisayar", "internet", "veri", "rapor", "araştırma", "anket", "sonuç", "başarı",
    "hedef", "strateji", "plan", "politika", "yönetim", "kurum", "kuruluş", "dernek", "vakıf",
    "ortaklık", "işbirliği", "anne", "baba", "ev", "mutfak", "el", "halı", "kilim", "seramik",
    "ahşap", "tekstil", "moda", "tasarım", "koleksiyon", "lansman", "ödül", "sertifika", "diploma",
    "sınav", "ders", "dil", "okuma", "yazma", "matematik", "bilim", "tarih", "coğrafya", "felsefe",
    "edebiyat", "kitap", "dergi", "gazete", "haber", "medya", "yayın", "televizyon", "radyo",
    "film", "sinema", "tiyatro", "konser", "dans", "resim", "fotoğraf", "heykel", "mimari", "bina",
    "yapı", "alan", "meydan", "sokak", "cadde", "yol", "köprü", "liman", "tren", "otobüs",
    "bisiklet", "yaya", "engelli", "göçmen", "mülteci", "misafir", "turist", "nüfus", "insan",
    "topluluk", "nesil", "geçmiş", "zaman", "ay", "hafta", "gün", "dönem", "süreç", "aşama", "adım",
    "yöntem", "model", "örnek", "fikir", "düşünce", "görüş", "değer", "özgürlük", "eşitlik",
    "adalet", "barış", "güven", "sorumluluk", "sürdürülebilirlik", "kalkınma", "gelişme", "büyüme",
    "değişim", "dönüşüm", "yenilik", "girişim", "girişimci", "şirket", "firma", "pazar", "ekonomi",
    "ticaret", "üretim", "tüketim", "gıda", "ürün", "hasat", "bahçe", "ağaç", "orman", "deniz",
    "göl", "nehir", "dağ", "vadi", "kıyı", "ada", "sınır", "kapı", "unvan", "liste", "üyelik",
    "süre", "yetişkin", "okuryazarlık", "kapsayıcılık", "fırsat", "erişim", "imkân", "ihtiyaç",
    "sorun", "çözüm", "çaba", "emek", "deneyim", "tecrübe", "uzman", "akademisyen", "rektör",
    "vali", "kaymakam", "muhtar", "müdür", "müdürlük", "daire", "birim", "ekip", "grup", "takım",
    "kulüp", "sınıf", "salon", "tesis", "laboratuvar", "kampüs", "yurt", "öğrenen", "ilke", "mesaj",
    "davet", "tören", "açılış", "kapanış", "buluşma", "söyleşi", "panel", "seminer", "eğitmen",
    "rehber", "danışman", "psikolog", "hemşire", "doktor", "mühendis", "çiftçi", "esnaf",
    "zanaatkâr", "usta", "çırak", "emekli", "torun", "dede", "nine", "komşu", "arkadaş", "dost",
    "yardım", "bağış", "kampanya", "yarışma", "turnuva", "maraton", "gezi", "ziyaret", "rota",
    "harita", "kart", "uygulama", "platform", "site", "portal", "hesap", "şifre", "ekran", "tablet",
    "telefon", "robot", "kodlama", "yapay", "zekâ", "algoritma",
];

/// Stems whose final k/p/ç does not soften.
const NO_SOFTEN: &[&str] = &["park", "kart", "tank"];

/// Stems that lose their last vowel before a vowel: `şehir`, `şehri`.
const VOWEL_DROP: &[&str] = &[
    "şehir", "fikir", "resim", "nesil", "vakıf", "nehir", "isim", "akıl", "Şehir",
];

#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "yeni", "büyük", "önemli", "farklı", "yerel", "ulusal", "uluslararası", "küresel", "sosyal",
    "ekonomik", "kültürel", "dijital", "kapsayıcı", "sürdürülebilir", "küçük", "genel", "ücretsiz",
    "açık", "güçlü", "başarılı", "etkili", "yaratıcı", "yenilikçi", "modern", "tarihi",
    "geleneksel", "çağdaş", "temel", "ileri", "özel", "kamusal", "toplumsal", "bilimsel", "mesleki",
    "akademik", "aktif", "düzenli", "kalıcı", "kısa", "uzun", "geniş", "zengin", "güzel", "iyi",
    "doğal", "yeşil", "temiz", "güvenli", "sağlıklı", "mutlu", "eşit", "adil", "ortak", "çok",
    "ilk", "son", "tüm", "bütün", "her", "bazı", "birçok", "çeşitli", "özgün", "kadim", "engelsiz",
    "dost", "akıllı", "çevreci", "öncü", "örnek", "görünür", "erişilebilir",
];

/// Verbs: (active stem, passive stem).
const VERBS: &[(&str, &str)] = &[
    ("düzenle", "düzenlen"),
    ("aç", "açıl"),
    ("başla", "başlan"),
    ("kur", "kurul"),
    ("yap", "yapıl"),
    ("gerçekleştir", "gerçekleştiril"),
    ("sun", "sunul"),
    ("destekle", "desteklen"),
    ("geliştir", "geliştiril"),
    ("artır", "artırıl"),
    ("hazırla", "hazırlan"),
    ("tamamla", "tamamlan"),
    ("ver", "veril"),
    ("seç", "seçil"),
    ("kazan", "kazanıl"),
    ("paylaş", "paylaşıl"),
    ("planla", "planlan"),
    ("uygula", "uygulan"),
    ("eğit", "eğitil"),
    ("öğren", "öğrenil"),
    ("öğret", "öğretil"),
    ("yürüt", "yürütül"),
    ("sağla", "sağlan"),
    ("oluştur", "oluşturul"),
    ("belirle", "belirlen"),
    ("incele", "incelen"),
    ("değerlendir", "değerlendiril"),
    ("göster", "gösteril"),
    ("topla", "toplan"),
    ("üret", "üretil"),
    ("tanıt", "tanıtıl"),
    ("ödüllendir", "ödüllendiril"),
    ("kutla", "kutlan"),
    ("dağıt", "dağıtıl"),
    ("aktar", "aktarıl"),
    ("yayımla", "yayımlan"),
    ("açıkla", "açıklan"),
    ("hedefle", "hedeflen"),
    ("anlat", "anlatıl"),
    ("vurgula", "vurgulan"),
    ("güçlendir", "güçlendiril"),
    ("yaygınlaştır", "yaygınlaştırıl"),
    ("çoğalt", "çoğaltıl"),
    ("büyüt", "büyütül"),
    ("katıl", "katılın"),
    ("bul", "bulun"),
    ("iste", "isten"),
    ("kullan", "kullanıl"),
    ("ölç", "ölçül"),
    ("izle", "izlen"),
    ("dinle", "dinlen"),
    ("oku", "okun"),
    ("yaz", "yazıl"),
    ("çiz", "çizil"),
    ("tasarla", "tasarlan"),
    ("sergile", "sergilen"),
    ("ağırla", "ağırlan"),
];

/// Templates for nouns, with weights. The bare stem is the most common.
const NOUN_FORMS: &[(&str, u32)] = &[
    ("", 40),
    ("lAr", 12),
    ("(n)In", 8),
    ("DA", 6),
    ("DAn", 4),
    ("(y)A", 6),
    ("(y)I", 6),
    ("(s)I", 10),
    ("(s)I(n)DA", 4),
    ("(s)I(n)I", 2),
    ("(s)I(n)A", 3),
    ("(s)I(n)In", 3),
    ("(s)I(n)DAn", 1),
    ("(s)IylA", 1),
    ("lArI", 5),
    ("lArI(n)", 1),
    ("lArIn", 4),
    ("lArDA", 2),
    ("lArDAn", 1),
    ("lArA", 2),
    ("lArI(n)In", 1),
    ("lArI(n)DA", 1),
    ("lArImIz", 1),
    ("lArIylA", 1),
    ("DAki", 2),
    ("lI", 2),
    ("lIk", 1),
    ("lIğI", 1),
    ("sIz", 1),
    ("(y)lA", 2),
    ("CI", 1),
    ("CIlAr", 1),
    ("DIr", 1),
    ("(y)DI", 1),
    ("(I)mIz", 1),
    ("lArDIr", 1),
];

/// Templates that end a sentence.
const FINITE_FORMS: &[(&str, u32)] = &[
    ("DI", 20),
    ("DIlAr", 3),
    ("mIştIr", 8),
    ("mIş", 3),
    ("~Iyor", 10),
    ("~Iyorlar", 2),
    ("mAktAdIr", 6),
    ("(y)AcAk", 5),
    ("(y)AcAktIr", 2),
];

/// Templates for verbs inside a sentence: participles, verbal nouns, gerunds.
const NONFINITE_FORMS: &[(&str, u32)] = &[
    ("(y)An", 10),
    ("mA", 5),
    ("mAsI", 3),
    ("mAk", 3),
    ("(y)ArAk", 4),
    ("DIğI", 3),
    ("DIklArI", 1),
    ("(y)Ip", 2),
    ("mIş", 2),
    ("(y)AcAk", 1),
];

/// Fixed noun phrases of the domain, most frequent first. The last word
/// takes a suffix; a trailing `|` marks a compound (`halk eğitim merkezi`,
/// `merkezinde`: the last word always carries the possessive), a trailing
/// `#` a phrase that is used as it is.
#[rustfmt::skip]
const PHRASES: &[&str] = &[
    "hayat boyu öğrenme", "öğrenen şehir", "öğrenen kent", "öğrenen şehirler ağ|",
    "UNESCO Öğrenen Şehirler Küresel Ağ|", "yetişkin eğitim|", "halk eğitim merkez|",
    "meslek edindirme kurs|", "sürdürülebilir kalkınma amaç|", "büyükşehir belediye|",
    "belediye başkan|", "dijital okuryazarlık", "kadın kooperatif|", "sosyal hizmet",
    "aile ve sosyal hizmetler bakanlık|", "gençlik merkez|", "bilim merkez|", "kent konsey|",
    "yaşam boyu öğrenme", "uzaktan eğitim", "açık öğretim", "mesleki eğitim", "el sanatları#",
    "kent müze|", "halk kütüphane|", "sokak kütüphane|", "çocuk kütüphane|", "kent bostan|",
    "gönüllü ağ|", "öğrenme şenlik|", "iklim eylem plan|", "yeşil dönüşüm",
    "toplumsal cinsiyet eşitlik|", "engelsiz yaşam merkez|", "yaşlı bakım merkez|",
    "kodlama atölye|", "robotik kodlama", "okuma yazma seferberlik|", "bilgi ev|",
];

/// Templates for the last word of a compound: the possessive, then a case.
const COMPOUND_FORMS: &[(&str, u32)] = &[
    ("(s)I", 40),
    ("(s)I(n)In", 10),
    ("(s)I(n)DA", 10),
    ("(s)I(n)DAn", 4),
    ("(s)I(n)A", 8),
    ("(s)I(n)I", 5),
    ("(s)IylA", 2),
    ("(s)I(n)DAki", 1),
    ("lArI", 8),
    ("lArI(n)In", 3),
    ("lArI(n)DA", 3),
    ("lArI(n)A", 2),
];

#[rustfmt::skip]
const ACRONYMS: &[&str] = &[
    "UNESCO", "BELMEK", "İŞKUR", "TÜİK", "ÇEKÜL", "TÜBİTAK", "MEB", "HEM", "GNLC", "AB", "BM",
    "İSMEK", "KOSGEB", "TOKİ", "AFAD", "ÖSYM", "YÖK", "UIL", "OECD", "SDG",
];

/// Acronyms with the suffix forms they take.
#[rustfmt::skip]
const ACRONYM_FORMS: &[&str] = &[
    "UNESCO'nun", "UNESCO'ya", "UNESCO'dan", "UNESCO’nun", "İŞKUR'un", "İŞKUR ile", "TÜİK'in",
    "TÜİK verilerine", "BELMEK'te", "BELMEK’in", "TÜBİTAK'ın", "AB'nin", "BM'nin", "MEB'in",
    "İSMEK'te", "KOSGEB'in", "AFAD'ın", "YÖK'ün", "OECD'nin",
];

#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "ve", "ve", "ve", "ile", "için", "olarak", "gibi", "kapsamında", "tarafından", "ayrıca",
    "ile birlikte", "yanı sıra", "hem", "de", "da", "bu", "bir", "her", "daha", "en", "çok",
    "kadar", "sonra", "önce", "ancak", "ama", "fakat", "çünkü", "göre", "üzere", "aracılığıyla",
    "boyunca", "itibarıyla", "rağmen", "dolayı", "karşı", "doğru", "ise", "yaklaşık", "toplam",
];

#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "Bu kapsamda,", "Ayrıca", "Öte yandan,", "Açıklamaya göre,", "Son olarak,", "Bunun yanı sıra,",
    "Öncelikle,", "Ardından", "Böylece", "Özellikle", "Bu yıl", "Geçen yıl", "Önümüzdeki dönemde",
    "İlk etapta", "Ücretsiz olarak", "Program kapsamında", "Etkinlikte", "Törende",
    "Projenin ikinci aşamasında", "Ölçülen sonuçlara göre,", "Üstelik", "Şimdiye kadar",
];

#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "hızla", "yakında", "başarıyla", "ilk kez", "yeniden", "birlikte", "ücretsiz olarak",
    "düzenli olarak", "yoğun ilgiyle", "büyük bir coşkuyla", "çevrim içi", "yüz yüze",
    "gönüllü olarak", "aktif olarak", "özenle", "sabırla", "titizlikle", "şimdiden", "yıl boyunca",
];

#[rustfmt::skip]
const ENGLISH_LOANS: &[&str] = &[
    "online", "workshop", "makerspace", "coworking", "podcast", "hackathon", "bootcamp",
    "mentoring", "coaching", "smart city", "lifelong learning", "design thinking", "e-learning",
    "STEM", "start-up", "networking", "soft skills", "open data", "living lab", "green skills",
];

#[rustfmt::skip]
const EN_NOUNS: &[&str] = &[
    "city", "municipality", "programme", "centre", "course", "learner", "citizen", "network",
    "library", "report", "project", "workshop", "festival", "school", "university", "community",
    "skill", "strategy", "partnership", "volunteer", "family", "teacher", "museum", "park",
    "survey", "award", "initiative", "policy", "literacy", "heritage", "craft", "market", "women",
    "youth", "neighbourhood", "conference", "member", "mayor", "council", "learning", "education",
    "training", "data", "opportunity", "inclusion", "region", "country", "world",
];

#[rustfmt::skip]
const EN_ADJECTIVES: &[&str] = &[
    "lifelong", "inclusive", "digital", "sustainable", "local", "global", "new", "free", "creative",
    "public", "green", "open", "vocational", "cultural", "social", "adult", "innovative",
    "successful", "national", "international", "young", "older", "healthy",
];

#[rustfmt::skip]
const EN_VERBS: &[&str] = &[
    "launched", "hosted", "opened", "organised", "supported", "expanded", "published", "trained",
    "welcomed", "celebrated", "introduced", "funded", "reported", "joined", "strengthened",
    "completed", "shared", "presented", "recognised", "renewed",
];

const EN_LINKS: &[&str] = &[
    "in",
    "for",
    "across",
    "with",
    "through",
    "alongside",
    "beyond",
    "within",
    "among",
];

const FIRST_NAMES: &[&str] = &[
    "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Merve", "Özlem", "Şule", "Gülşen",
    "Çiğdem", "İpek", "Ümran", "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim",
    "İsmail", "Osman", "Yusuf", "Ömer", "Şükrü", "Çağlar", "Uğur", "Oğuz", "Tuğba", "Gökhan",
    "Ebru", "Nilüfer", "Işıl", "Ilgın", "Maria", "John", "Chen", "Amina", "Kwame", "Sofía",
    "Hélène", "Jürgen", "Ngozi", "Priya", "Kenji", "Olga", "Lucía", "Ahmad", "Fatima",
];

#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
    "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Polat",
    "Özer", "Güneş", "Aksoy", "Uçar", "Işık", "Ünal", "Türkmen", "Bulut", "Erdem", "Garcia",
    "Müller", "Okafor", "Wang", "Dubois", "Sharma", "Tanaka", "Ivanova",
];

const TITLES: &[&str] = &[
    "Başkan",
    "Belediye Başkanı",
    "Prof. Dr.",
    "Doç. Dr.",
    "Müdür",
    "Koordinatör",
    "Uzman",
    "Eğitmen",
    "Öğretmen",
    "Muhtar",
    "Vali Yardımcısı",
];

const SAY_VERBS: &[&str] = &[
    "dedi",
    "diye konuştu",
    "ifadelerini kullandı",
    "şeklinde konuştu",
    "diye ekledi",
    "açıklamasında bulundu",
    "vurgusunu yaptı",
];

/// Turkish syllables for city names and rare words.
const TR_SYLLABLES: &[&str] = &[
    "an", "ka", "ra", "is", "tan", "bul", "iz", "mir", "bur", "sa", "kon", "ya", "kay", "se", "es",
    "ki", "şe", "hir", "ba", "lı", "ke", "sir", "ça", "nak", "le", "muğ", "la", "ay", "dın", "de",
    "niz", "li", "trab", "zon", "sam", "sun", "or", "du", "gi", "re", "ri", "ze", "er", "zu",
    "rum", "van", "muş", "bit", "lis", "mar", "din", "ur", "fa", "gaz", "tep", "ha", "tay", "a",
    "da", "na", "mer", "sin", "ıs", "par", "ta", "dur", "af", "yon", "kü", "tah", "us", "ak",
    "gül", "dağ", "düz", "ce", "yal", "o", "va", "köy", "ö", "ren", "hi", "sar", "pı", "nar",
    "kır", "göl", "çay", "taş", "kent", "çe", "ün", "öz", "şi", "ı", "ca", "çor", "um", "to",
    "kat", "yoz", "gat", "ne", "tek", "ir", "ük", "üs", "çi", "şı", "ğa", "ğı", "ğu", "ğü", "ğe",
    "ğı", "ıl", "ım", "ün", "öl", "çam", "şen", "gö", "ye", "si", "lü",
];

const TR_NAME_ENDINGS: &[&str] = &[
    "", "", "", "", "", "köy", "hisar", "pınar", "şehir", "kale", "abat", "su", "ören", "dere",
    "ova", "lı", "lar", "bük", "çeşme", "yurt",
];

const WORLD_SYLLABLES: &[&str] = &[
    "lon", "don", "pa", "ris", "ber", "lin", "ma", "drid", "ro", "to", "kyo", "se", "ul", "bo",
    "go", "ta", "li", "ca", "i", "nai", "bi", "ham", "burg", "mün", "chen", "o", "sa", "vien",
    "na", "pra", "gue", "war", "saw", "lis", "bon", "por", "gla", "cork", "es", "poo", "lu", "ven",
    "tu", "rin", "mi", "lan", "me", "del", "lín", "quí", "são", "pau", "lo", "han", "hi", "mum",
    "bai", "ka", "ra", "chi", "al", "ger", "tri", "pol", "da", "kar", "ac", "cra", "ba", "ku",
    "tbi", "si", "as", "bish", "kek", "yer", "e", "van", "té", "hé", "rán", "mé", "xi", "co", "tá",
    "wa", "kan", "gu", "ja", "fez", "mek", "nes", "é", "ñu", "ño", "ü", "ö", "ç",
];

const WORLD_NAME_ENDINGS: &[&str] = &[
    "", "", "", "", "", "", "polis", "ville", "burg", "stad", "abad", "grad", "ton", "ia", "ford",
    "gard", "pur", "dorf",
];

const COUNTRIES: &[(&str, &str)] = &[
    ("Germany", "Europe and North America"),
    ("France", "Europe and North America"),
    ("Spain", "Europe and North America"),
    ("Italy", "Europe and North America"),
    ("Greece", "Europe and North America"),
    ("Portugal", "Europe and North America"),
    ("Ireland", "Europe and North America"),
    ("United Kingdom", "Europe and North America"),
    ("Poland", "Europe and North America"),
    ("Austria", "Europe and North America"),
    ("Finland", "Europe and North America"),
    ("Ukraine", "Europe and North America"),
    ("Kazakhstan", "Asia and the Pacific"),
    ("Azerbaijan", "Europe and North America"),
    ("Egypt", "Arab States"),
    ("Morocco", "Arab States"),
    ("Tunisia", "Arab States"),
    ("Jordan", "Arab States"),
    ("Saudi Arabia", "Arab States"),
    ("Iraq", "Arab States"),
    ("Nigeria", "Africa"),
    ("Kenya", "Africa"),
    ("Ethiopia", "Africa"),
    ("Ghana", "Africa"),
    ("South Africa", "Africa"),
    ("Côte d'Ivoire", "Africa"),
    ("Cameroon", "Africa"),
    ("Senegal", "Africa"),
    ("China", "Asia and the Pacific"),
    ("Republic of Korea", "Asia and the Pacific"),
    ("Japan", "Asia and the Pacific"),
    ("India", "Asia and the Pacific"),
    ("Indonesia", "Asia and the Pacific"),
    ("Viet Nam", "Asia and the Pacific"),
    ("Mexico", "Latin America and the Caribbean"),
    ("Brazil", "Latin America and the Caribbean"),
    ("Colombia", "Latin America and the Caribbean"),
    ("Chile", "Latin America and the Caribbean"),
    ("Argentina", "Latin America and the Caribbean"),
    ("Peru", "Latin America and the Caribbean"),
    ("Ecuador", "Latin America and the Caribbean"),
    ("México", "Latin America and the Caribbean"),
];

#[rustfmt::skip]
const PUBLISHERS: &[&str] = &[
    "Kent Gündemi", "Yerel Haber Ajansı", "Eğitim Postası", "Anadolu Kent Haberleri",
    "Öğrenen Şehirler Bülteni", "Learning Cities Bulletin", "Şehir ve Yaşam", "Halk Eğitim Dergisi",
    "Günün Haberi", "Çağdaş Yerel Yönetim", "İlçe Postası", "Kültür Sanat Haberleri",
];

// ---- cities ----------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct City {
    pub id: String,
    pub name: String,
    pub country: &'static str,
    pub region: Option<&'static str>,
    pub joined: Option<u32>,
    pub notes: Option<String>,
    pub sources: Vec<(Option<String>, Option<String>)>,
    /// The name in lower case (Turkish rules), for suffixes.
    lower: String,
}

fn city_name(rng: &mut Rng, turkish: bool) -> String {
    let (syl, ends): (&[&str], &[&str]) = if turkish {
        (TR_SYLLABLES, TR_NAME_ENDINGS)
    } else {
        (WORLD_SYLLABLES, WORLD_NAME_ENDINGS)
    };
    let words = if rng.chance(0.08) { 2 } else { 1 };
    let mut parts = Vec::with_capacity(words);
    for w in 0..words {
        let n = rng.range(2, 3);
        let mut s = String::new();
        for k in 0..n {
            let mut x = rng.pick(syl);
            // No word starts with ğ.
            while k == 0 && x.starts_with('ğ') {
                x = rng.pick(syl);
            }
            s.push_str(x);
        }
        if w == words - 1 {
            s.push_str(rng.pick(ends));
        }
        parts.push(capitalize(&s));
    }
    parts.join(" ")
}

fn make_cities(cfg: &Config) -> Vec<City> {
    let mut rng = Rng::derive(cfg.seed, 1, 0);
    let mut ids = HashSet::with_capacity(cfg.cities);
    let mut cities = Vec::with_capacity(cfg.cities);
    while cities.len() < cfg.cities {
        let turkish = rng.chance(0.4);
        let name = city_name(&mut rng, turkish);
        let id = slug(&name);
        if id.is_empty() || !ids.insert(id.clone()) {
            continue;
        }
        let (country, region) = if turkish {
            ("Türkiye", "Europe and North America")
        } else {
            COUNTRIES[rng.below(COUNTRIES.len())]
        };
        let region = rng.chance(0.75).then_some(region);
        // Recent years are the most common, as the network grows.
        let joined = rng.chance(0.85).then(|| 2025 - rng.skewed(13) as u32);
        let lower: String = name.chars().map(lower_char).collect();
        let mut c = City {
            id,
            name,
            country,
            region,
            joined,
            notes: None,
            sources: Vec::new(),
            lower,
        };
        if rng.chance(0.6) {
            let mut t = Text::new(&mut rng, &c);
            let mut notes = String::new();
            if let Some(y) = c.joined {
                notes.push_str(&format!(
                    "Joined the UNESCO Global Network of Learning Cities in {y}. "
                ));
            }
            let n = t.rng.range(1, 3);
            for k in 0..n {
                if k > 0 {
                    notes.push(' ');
                }
                if t.rng.chance(0.5) {
                    notes.push_str(&t.english_sentence());
                } else {
                    notes.push_str(&t.sentence());
                }
            }
            c.notes = Some(notes);
        }
        for _ in 0..rng.range(0, 2) {
            let title = rng.chance(0.9).then(|| {
                format!(
                    "{}: {} joined the Global Network of Learning Cities",
                    rng.pick(PUBLISHERS),
                    c.name
                )
            });
            let url = rng
                .chance(0.95)
                .then(|| format!("https://news.example.org/{}/{}", c.id, rng.below(100_000)));
            c.sources.push((title, url));
        }
        cities.push(c);
    }
    cities
}

// ---- text ------------------------------------------------------------------

/// Consonants, most frequent first.
const CONSONANTS: &[char] = &[
    'l', 'r', 'n', 'k', 't', 'm', 's', 'd', 'y', 'b', 'z', 'ş', 'ç', 'g', 'c', 'p', 'v', 'h', 'f',
];

/// A Turkish-looking stem of two to four syllables that obeys vowel
/// harmony: `kelmirden`, `sandukla`, `öğüzel`.
fn rare_stem(r: &mut Rng) -> String {
    let syllables = r.range(2, 4);
    let mut s = String::with_capacity(4 * syllables);
    for k in 0..syllables {
        if k > 0 || r.chance(0.8) {
            // ğ only between vowels.
            if k > 0 && r.chance(0.05) {
                s.push('ğ');
            } else {
                s.push(CONSONANTS[r.skewed(CONSONANTS.len())]);
            }
        }
        let v = if k == 0 {
            ['a', 'e', 'ı', 'i', 'o', 'ö', 'u', 'ü'][r.below(8)]
        } else if r.chance(0.5) {
            if is_front(last_vowel(&s)) {
                'e'
            } else {
                'a'
            }
        } else {
            high_vowel(last_vowel(&s))
        };
        s.push(v);
        if r.chance(0.4) {
            s.push(CONSONANTS[r.skewed(CONSONANTS.len())]);
        }
    }
    s
}

/// Sentence and phrase generation around one city.
struct Text<'a> {
    rng: &'a mut Rng,
    city: &'a City,
}

/// Pool of rare words: the long tail of the vocabulary.
const RARE_POOL: usize = 4_000_000;

impl<'a> Text<'a> {
    fn new(rng: &'a mut Rng, city: &'a City) -> Self {
        Text { rng, city }
    }

    fn noun_stem(&mut self) -> &'static str {
        NOUNS[self.rng.skewed(NOUNS.len())]
    }

    fn noun_form(&mut self, stem: &str) -> String {
        let t = self.rng.weighted(NOUN_FORMS);
        inflect(stem, t, true)
    }

    fn noun(&mut self) -> String {
        let stem = self.noun_stem();
        self.noun_form(stem)
    }

    fn adjective(&mut self) -> &'static str {
        ADJECTIVES[self.rng.skewed(ADJECTIVES.len())]
    }

    fn verb(&mut self) -> &'static str {
        let (a, p) = VERBS[self.rng.skewed(VERBS.len())];
        if self.rng.chance(0.4) {
            p
        } else {
            a
        }
    }

    /// A rare word: the same index always gives the same stem; a fifth of
    /// them are names, written with an apostrophe before the suffix.
    fn rare(&mut self) -> String {
        let idx = self.rng.skewed(RARE_POOL) as u64;
        let mut r = Rng::derive(0, 7, idx);
        let stem = rare_stem(&mut r);
        let t = self.rng.weighted(NOUN_FORMS);
        if r.chance(0.2) {
            let full = inflect(&stem, t, false);
            let suffix = &full[stem.len()..];
            let name = capitalize(&stem);
            if suffix.is_empty() {
                name
            } else {
                format!("{name}'{suffix}")
            }
        } else {
            inflect(&stem, t, true)
        }
    }

    /// The city's name with a case suffix after an apostrophe.
    fn city_form(&mut self) -> String {
        let forms = [
            "", "", "(n)In", "DA", "DAn", "(y)A", "(y)I", "DAki", "lI", "lIlAr", "lIlArIn",
        ];
        let t = forms[self.rng.below(forms.len())];
        if t.is_empty() {
            return self.city.name.clone();
        }
        let full = inflect(&self.city.lower, t, false);
        let suffix = &full[self.city.lower.len()..];
        let apostrophe = if self.rng.chance(0.7) { '\'' } else { '’' };
        format!("{}{apostrophe}{suffix}", self.city.name)
    }

    fn number(&mut self) -> String {
        match self.rng.below(6) {
            0 => format!("{} yılında", 2013 + self.rng.below(13)),
            1 => format!("%{}", self.rng.range(2, 98)),
            2 => {
                let n = thousands(self.rng.range(2, 20_000) as u64, '.');
                format!("{n} {}", self.noun_stem())
            }
            3 => format!("{} bin", self.rng.range(2, 900)),
            4 => format!("{},{}", self.rng.range(1, 99), self.rng.range(1, 9)),
            _ => format!("{}", self.rng.range(2, 500)),
        }
    }

    fn person(&mut self) -> String {
        let mut s = String::new();
        if self.rng.chance(0.4) {
            s.push_str(self.rng.pick(TITLES));
            s.push(' ');
        }
        s.push_str(self.rng.pick(FIRST_NAMES));
        s.push(' ');
        s.push_str(self.rng.pick(SURNAMES));
        s
    }

    fn phrase(&mut self) -> String {
        let p = PHRASES[self.rng.skewed(PHRASES.len())];
        if let Some(fixed) = p.strip_suffix('#') {
            return fixed.to_owned();
        }
        let (p, forms) = match p.strip_suffix('|') {
            Some(p) => (p, COMPOUND_FORMS),
            None if self.rng.chance(0.5) => return p.to_owned(),
            None => (p, NOUN_FORMS),
        };
        let (head, last) = p.rsplit_once(' ').unwrap_or(("", p));
        let t = self.rng.weighted(forms);
        let last = inflect(last, t, true);
        if head.is_empty() {
            last
        } else {
            format!("{head} {last}")
        }
    }

    /// A noun phrase of one to four words.
    fn noun_phrase(&mut self) -> String {
        match self.rng.below(100) {
            0..=29 => self.noun(),
            30..=44 => format!("{} {}", self.adjective(), self.noun()),
            45..=57 => {
                let a = self.noun_stem();
                let b = self.noun_stem();
                let owner = inflect(a, "(n)In", true);
                let t = ["(s)I", "(s)I(n)DA", "(s)I(n)A", "(s)I(n)In", "lArI"][self.rng.below(5)];
                format!("{owner} {}", inflect(b, t, true))
            }
            58..=68 => self.phrase(),
            69..=74 => self.city_form(),
            75..=79 => self.number(),
            80..=82 => self.person(),
            83..=84 => {
                let loan = self.rng.pick(ENGLISH_LOANS);
                if self.rng.chance(0.5) {
                    format!("“{loan}”")
                } else {
                    format!("({loan})")
                }
            }
            85..=87 => {
                if self.rng.chance(0.5) {
                    self.rng.pick(ACRONYM_FORMS).to_owned()
                } else {
                    self.rng.pick(ACRONYMS).to_owned()
                }
            }
            88..=91 => {
                let v = self.verb();
                let t = self.rng.weighted(NONFINITE_FORMS);
                format!("{} {}", inflect(v, t, false), self.noun())
            }
            _ => self.rare(),
        }
    }

    /// A Turkish sentence, with its final full stop.
    fn sentence(&mut self) -> String {
        let mut words: Vec<String> = Vec::with_capacity(16);
        if self.rng.chance(0.25) {
            words.push(self.rng.pick(OPENERS).to_owned());
        }
        let phrases = self.rng.range(2, 5);
        for k in 0..phrases {
            if k > 0 && self.rng.chance(0.3) {
                words.push(CONNECTORS[self.rng.skewed(CONNECTORS.len())].to_owned());
            }
            let mut p = self.noun_phrase();
            if k + 1 < phrases && self.rng.chance(0.08) {
                p.push(',');
            }
            words.push(p);
        }
        if self.rng.chance(0.2) {
            words.push(self.rng.pick(ADVERBS).to_owned());
        }
        let v = self.verb();
        let t = self.rng.weighted(FINITE_FORMS);
        words.push(inflect(v, t, false));
        let mut s = capitalize(&words.join(" "));
        s.push(if self.rng.chance(0.03) { '!' } else { '.' });
        s
    }

    /// A sentence someone said, in Turkish quotation marks.
    fn quotation(&mut self) -> String {
        let said = self.sentence();
        format!(
            "{} “{}” {}.",
            self.person(),
            said.trim_end_matches(['.', '!']),
            self.rng.pick(SAY_VERBS)
        )
    }

    fn english_sentence(&mut self) -> String {
        let mut s = String::new();
        s.push_str(["The", "This", "Our", "Each", "Every"][self.rng.below(5)]);
        s.push(' ');
        if self.rng.chance(0.6) {
            s.push_str(self.rng.pick(EN_ADJECTIVES));
            s.push(' ');
        }
        s.push_str(self.rng.pick(EN_NOUNS));
        s.push_str(" of ");
        s.push_str(&self.city.name);
        s.push(' ');
        s.push_str(self.rng.pick(EN_VERBS));
        s.push(' ');
        let n = self.rng.range(1, 3);
        for k in 0..n {
            if k > 0 {
                s.push(' ');
                s.push_str(self.rng.pick(EN_LINKS));
                s.push(' ');
            }
            match self.rng.below(5) {
                0 => s.push_str(&thousands(self.rng.range(2, 9_000) as u64, ',')),
                1 => s.push('a'),
                _ => s.push_str("the"),
            }
            s.push(' ');
            if self.rng.chance(0.5) {
                s.push_str(self.rng.pick(EN_ADJECTIVES));
                s.push(' ');
            }
            s.push_str(self.rng.pick(EN_NOUNS));
        }
        if self.rng.chance(0.3) {
            s.push_str(&format!(" in {}", 2013 + self.rng.below(13)));
        }
        s.push('.');
        s
    }

    fn paragraph(&mut self, sentences: usize, english: bool) -> String {
        let mut p = String::with_capacity(sentences * 110);
        for k in 0..sentences {
            if k > 0 {
                p.push(' ');
            }
            let s = if english || self.rng.chance(0.04) {
                self.english_sentence()
            } else if self.rng.chance(0.06) {
                self.quotation()
            } else {
                self.sentence()
            };
            p.push_str(&s);
        }
        p
    }

    fn heading(&mut self) -> String {
        let n = self.rng.range(2, 5);
        let mut words = Vec::with_capacity(n + 1);
        if self.rng.chance(0.25) {
            words.push(self.city_form());
        }
        for _ in 0..n {
            words.push(match self.rng.below(4) {
                0 => self.adjective().to_owned(),
                1 => self.phrase(),
                _ => self.noun(),
            });
        }
        let h = words.join(" ");
        if self.rng.chance(0.15) {
            upper(&h)
        } else {
            title_case(&h)
        }
    }

    fn title(&mut self) -> String {
        let mut words = Vec::with_capacity(8);
        if self.rng.chance(0.6) {
            words.push(self.city_form());
        }
        for _ in 0..self.rng.range(2, 4) {
            words.push(self.noun_phrase());
        }
        let v = self.verb();
        let t = ["DI", "mIştIr", "~Iyor", "(y)AcAk"][self.rng.below(4)];
        words.push(inflect(v, t, false));
        let t = title_case(&words.join(" "));
        if self.rng.chance(0.05) {
            format!("{t}!")
        } else {
            t
        }
    }

    /// A sentence stating a figure: (sentence, label, value, unit).
    fn figure(&mut self) -> (String, String, f64, Option<&'static str>) {
        let year = 2013 + self.rng.below(13);
        let city = self.city.name.clone();
        match self.rng.below(8) {
            0 => {
                let n = self.rng.range(20, 9_000);
                (
                    format!(
                        "{year} yılında açılan kurslara {} kadın katıldı.",
                        thousands(n as u64, '.')
                    ),
                    format!("Women in the {year} courses"),
                    n as f64,
                    Some("women"),
                )
            }
            1 => {
                let n = self.rng.range(50, 40_000);
                (
                    format!(
                        "{} bünyesinde bugüne kadar {} kursiyer eğitim aldı.",
                        self.city_form(),
                        thousands(n as u64, '.')
                    ),
                    "Trainees so far".to_owned(),
                    n as f64,
                    Some("trainees"),
                )
            }
            2 => {
                let n = self.rng.range(5, 3_000);
                (
                    format!(
                        "Projeye {} gönüllü destek verdi ve {} öğrenme ortamı oluşturuldu.",
                        thousands(n as u64, '.'),
                        self.rng.range(2, 60)
                    ),
                    "Volunteers supporting the project".to_owned(),
                    n as f64,
                    Some("volunteers"),
                )
            }
            3 => {
                let n = self.rng.range(2, 120);
                (
                    format!(
                        "Şehirde {n} kütüphane ve {} halk eğitim merkezi bulunuyor.",
                        self.rng.range(1, 40)
                    ),
                    "Libraries in the city".to_owned(),
                    n as f64,
                    Some("libraries"),
                )
            }
            4 => {
                let whole = self.rng.range(1, 97);
                let tenth = self.rng.range(0, 9);
                let (text, value) = if tenth == 0 {
                    (whole.to_string(), whole as f64)
                } else {
                    (
                        format!("{whole},{tenth}"),
                        whole as f64 + tenth as f64 / 10.0,
                    )
                };
                (
                    format!(
                        "Katılımcıların %{text} oranındaki kısmı programı başarıyla tamamladı."
                    ),
                    "Participants who completed the programme".to_owned(),
                    value,
                    Some("percent"),
                )
            }
            5 => {
                let n = self.rng.range(10, 900);
                (
                    format!("Program için {n} bin lira bütçe ayrıldığı açıklandı."),
                    "Budget of the programme".to_owned(),
                    (n * 1000) as f64,
                    Some("TRY"),
                )
            }
            6 => {
                let y = self.city.joined.map_or(year, |y| y as usize);
                (
                    format!("{city}, {y} yılında UNESCO Öğrenen Şehirler Küresel Ağı’na katıldı."),
                    format!("Year {city} joined the network"),
                    y as f64,
                    Some("year"),
                )
            }
            _ => {
                let n = self.rng.range(10, 25_000);
                (
                    format!(
                        "In {year}, {} learners in {city} completed digital literacy courses.",
                        thousands(n as u64, ',')
                    ),
                    "Learners who completed digital literacy courses".to_owned(),
                    n as f64,
                    None,
                )
            }
        }
    }
}

// ---- articles --------------------------------------------------------------

pub struct Article {
    pub id: String,
    pub city: String,
    pub title: String,
    pub lang: Option<&'static str>,
    pub published: Option<String>,
    pub source: Option<(Option<String>, Option<String>)>,
    pub summary: Option<String>,
    /// (kind, text)
    pub body: Vec<(&'static str, String)>,
    /// (label, value, unit, quote)
    pub figures: Vec<(String, f64, Option<&'static str>, String)>,
}

fn city_of_article(rng: &mut Rng, n: usize) -> usize {
    // Half uniform, half skewed: some cities have many reports, some none.
    if rng.chance(0.5) {
        rng.below(n)
    } else {
        rng.skewed(n)
    }
}

pub fn make_article(cfg: &Config, cities: &[City], i: usize) -> Article {
    let mut rng = Rng::derive(cfg.seed, 2, i as u64);
    let city = &cities[city_of_article(&mut rng, cities.len())];
    let english = rng.chance(0.08);
    let long = cfg.is_long(i);
    let target = if long {
        LONG_BODY_BYTES
    } else {
        rng.range(BODY_BYTES_MIN, BODY_BYTES_MAX)
    };
    let mut t = Text::new(&mut rng, city);

    let title = if english {
        let s = t.english_sentence();
        s.trim_end_matches('.').to_owned()
    } else {
        t.title()
    };
    let id = {
        let words: Vec<&str> = title.split(' ').take(3).collect();
        let s = slug(&words.join(" "));
        let s: String = s.chars().take(40).collect();
        let s = s.trim_end_matches('-');
        format!("{}-{}-{i}", city.id, if s.is_empty() { "rapor" } else { s })
    };

    let mut body: Vec<(&'static str, String)> = Vec::new();
    let mut size = 0;
    let mut paragraphs = Vec::new();
    while size < target {
        let roll = t.rng.below(100);
        let block = if body.is_empty() || roll >= 25 {
            let n = if long && t.rng.chance(0.02) {
                t.rng.range(20, 80)
            } else {
                t.rng.range(2, 6)
            };
            paragraphs.push(body.len());
            ("paragraph", t.paragraph(n, english))
        } else if roll < 17 {
            ("heading", t.heading())
        } else {
            ("quote", t.quotation())
        };
        size += block.1.len();
        body.push(block);
    }

    let mut figures = Vec::new();
    for _ in 0..t.rng.range(0, 3) {
        let (sentence, label, value, unit) = t.figure();
        let p = paragraphs[t.rng.below(paragraphs.len())];
        let text = &mut body[p].1;
        // Before the paragraph's first sentence or after its last.
        if t.rng.chance(0.5) {
            *text = format!("{sentence} {text}");
        } else {
            text.push(' ');
            text.push_str(&sentence);
        }
        figures.push((label, value, unit, sentence));
    }

    let summary = t.rng.chance(0.4).then(|| {
        let n = t.rng.range(1, 2);
        (0..n)
            .map(|_| t.english_sentence())
            .collect::<Vec<_>>()
            .join(" ")
    });
    let lang = if english {
        Some("en")
    } else {
        t.rng.chance(0.9).then_some("tr")
    };
    let published = t.rng.chance(0.9).then(|| {
        let y = 2013 + t.rng.below(13);
        match t.rng.below(10) {
            0 => format!("{y}"),
            1 => format!("{y}-{:02}", t.rng.range(1, 12)),
            _ => format!("{y}-{:02}-{:02}", t.rng.range(1, 12), t.rng.range(1, 28)),
        }
    });
    let source = t.rng.chance(0.8).then(|| {
        let name = t.rng.pick(PUBLISHERS).to_owned();
        let url = t
            .rng
            .chance(0.9)
            .then(|| format!("https://{}.example.org/haber/{id}", slug(&name)));
        (Some(name), url)
    });

    Article {
        id,
        city: city.id.clone(),
        title,
        lang,
        published,
        source,
        summary,
        body,
        figures,
    }
}

// ---- JSON ------------------------------------------------------------------

fn json_str<W: Write>(w: &mut W, s: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *w, s).map_err(io::Error::from)
}

fn json_number<W: Write>(w: &mut W, v: f64) -> io::Result<()> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        write!(w, "{}", v as i64)
    } else {
        serde_json::to_writer(&mut *w, &v).map_err(io::Error::from)
    }
}

/// `"key": "value"` after a comma, if there is a value.
fn field<W: Write>(w: &mut W, key: &str, value: Option<&str>) -> io::Result<()> {
    if let Some(v) = value {
        write!(w, ", \"{key}\": ")?;
        json_str(w, v)?;
    }
    Ok(())
}

fn write_link<W: Write>(
    w: &mut W,
    a: &str,
    b: &str,
    link: &(Option<String>, Option<String>),
) -> io::Result<()> {
    w.write_all(b"{")?;
    let mut first = true;
    for (k, v) in [(a, &link.0), (b, &link.1)] {
        if let Some(v) = v {
            if !first {
                w.write_all(b", ")?;
            }
            first = false;
            write!(w, "\"{k}\": ")?;
            json_str(w, v)?;
        }
    }
    w.write_all(b"}")
}

fn write_city<W: Write>(w: &mut W, c: &City) -> io::Result<()> {
    w.write_all(b"{\"id\": ")?;
    json_str(w, &c.id)?;
    field(w, "name", Some(&c.name))?;
    field(w, "country", Some(c.country))?;
    field(w, "region", c.region)?;
    match c.joined {
        Some(y) => write!(w, ", \"joined\": {y}")?,
        None => w.write_all(b", \"joined\": null")?,
    }
    field(w, "notes", c.notes.as_deref())?;
    if !c.sources.is_empty() {
        w.write_all(b", \"sources\": [")?;
        for (k, s) in c.sources.iter().enumerate() {
            if k > 0 {
                w.write_all(b", ")?;
            }
            write_link(w, "title", "url", s)?;
        }
        w.write_all(b"]")?;
    }
    w.write_all(b"}")
}

fn write_article<W: Write>(w: &mut W, a: &Article) -> io::Result<()> {
    w.write_all(b"{\"id\": ")?;
    json_str(w, &a.id)?;
    field(w, "city", Some(&a.city))?;
    field(w, "title", Some(&a.title))?;
    field(w, "lang", a.lang)?;
    field(w, "published", a.published.as_deref())?;
    if let Some(s) = &a.source {
        w.write_all(b", \"source\": ")?;
        write_link(w, "name", "url", s)?;
    }
    field(w, "summary", a.summary.as_deref())?;
    w.write_all(b", \"body\": [")?;
    for (k, (kind, text)) in a.body.iter().enumerate() {
        if k > 0 {
            w.write_all(b", ")?;
        }
        write!(w, "{{\"kind\": \"{kind}\", \"text\": ")?;
        json_str(w, text)?;
        w.write_all(b"}")?;
    }
    w.write_all(b"]")?;
    if !a.figures.is_empty() {
        w.write_all(b", \"figures\": [")?;
        for (k, (label, value, unit, quote)) in a.figures.iter().enumerate() {
            if k > 0 {
                w.write_all(b", ")?;
            }
            w.write_all(b"{\"label\": ")?;
            json_str(w, label)?;
            w.write_all(b", \"value\": ")?;
            json_number(w, *value)?;
            field(w, "unit", *unit)?;
            field(w, "quote", Some(quote))?;
            w.write_all(b"}")?;
        }
        w.write_all(b"]")?;
    }
    w.write_all(b"}")
}

fn write_network<W: Write>(w: &mut W, cfg: &Config) -> io::Result<()> {
    let mut rng = Rng::derive(cfg.seed, 3, 0);
    w.write_all(b"{\n    \"name\": \"UNESCO Global Network of Learning Cities (GNLC)\",\n    \"timeline\": [\n      {\"date\": \"2013\", \"event\": \"Network launched at the first International Conference on Learning Cities in Beijing\"}")?;
    let mut cities = 12 + rng.below(10);
    let mut countries = 8 + rng.below(5);
    for year in 2015..=2025 {
        if rng.chance(0.2) {
            continue;
        }
        let new = 20 + rng.below(70);
        cities += new;
        let new_countries = rng.below(new / 4 + 1);
        countries += new_countries;
        let date = match rng.below(3) {
            0 => format!("{year}"),
            1 => format!("{year}-{:02}", rng.range(1, 12)),
            _ => format!("{year}-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28)),
        };
        write!(
            w,
            ",\n      {{\"date\": \"{date}\", \"cities\": {cities}, \"countries\": {countries}, \"event\": "
        )?;
        json_str(
            w,
            &format!(
                "{new} new cities from {} countries joined",
                new_countries.max(1)
            ),
        )?;
        if rng.chance(0.6) {
            write!(w, ", \"source\": \"https://uil.example.org/gnlc/{year}\"")?;
        }
        w.write_all(b"}")?;
    }
    w.write_all(b"\n    ]\n  }")
}

/// Queries the generated corpus answers, typed in ASCII as most people type
/// Turkish on a US keyboard; the last three have a typo (swapped or missing
/// letters). Used by the search benchmark and checked by the generator's tests.
pub const BENCH_QUERIES: &[&str] = &[
    "belediye",
    "ogrenen sehir",
    "hayat boyu ogrenme",
    "belediey",
    "ogrenen sehri",
    "hayat boyu ogrneme",
];
