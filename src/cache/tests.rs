use super::format::{Header, Reject, Section};
use super::*;
use crate::corpus::bundled;

/// The bundled corpus written to a cache file in a fresh directory.
fn written() -> (tempfile::TempDir, PathBuf, Corpus, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = bundled();
    let index = SearchIndex::build(&corpus);
    let file = dir.path().join("c.lcc");
    let identity = Identity {
        dev: 1,
        ino: 2,
        size: 3,
        mtime_ns: 4,
        ctime_ns: 5,
        hash: 6,
    };
    write::write(
        &file,
        Path::new("/x/corpus.json"),
        identity,
        &corpus,
        &index,
    )
    .unwrap();
    (dir, file, corpus, index)
}

fn reopen(file: &Path) -> Result<(Corpus, SearchIndex), Reject> {
    let mapped = read::map(file)?;
    read::open(mapped, file)
}

fn hits(index: &SearchIndex, corpus: &Corpus, q: &str) -> Vec<(String, u32)> {
    index
        .search(q)
        .ordered()
        .iter()
        .map(|h| (h.doc.id(corpus).to_owned(), h.score.to_bits()))
        .collect()
}

#[test]
fn a_cache_file_gives_back_the_corpus_and_the_same_search_results() {
    let (_dir, file, corpus, index) = written();
    let (back, back_index) = reopen(&file).unwrap();
    assert!(back.articles.iter().all(|a| a.body.is_unread()));
    assert_eq!(back.cities, corpus.cities);
    assert_eq!(back.network, corpus.network);
    assert_eq!(back.title, corpus.title);
    // Bodies come from the file on first use, equal to the originals.
    assert_eq!(back.articles, corpus.articles);
    assert_eq!(back_index.vocab_len(), index.vocab_len());
    assert_eq!(back_index.article_words(), index.article_words());
    for q in [
        "balikesir",
        "ogrenen sehir",
        "ankra",
        "belmek",
        "unesco 2022",
        "zzzz",
    ] {
        assert_eq!(hits(&back_index, &back, q), hits(&index, &corpus, q), "{q}");
    }
    let (source, _) = read::map(&file)
        .map(|m| (m.path_section().map(<[u8]>::to_vec), ()))
        .unwrap();
    assert_eq!(source.as_deref(), Some(&b"/x/corpus.json"[..]));
}

#[test]
fn a_file_cut_short_is_refused() {
    let (_dir, file, _, _) = written();
    let len = std::fs::metadata(&file).unwrap().len();
    let f = std::fs::OpenOptions::new().write(true).open(&file).unwrap();
    f.set_len(len / 2).unwrap();
    assert_eq!(reopen(&file).err(), Some(Reject::Truncated));
    f.set_len(100).unwrap();
    assert_eq!(reopen(&file).err(), Some(Reject::NotCache));
}

#[test]
fn another_version_or_format_is_refused() {
    let (_dir, file, _, _) = written();
    let mut bytes = std::fs::read(&file).unwrap();
    bytes[16..21].copy_from_slice(b"0.0.9");
    std::fs::write(&file, &bytes).unwrap();
    assert!(matches!(reopen(&file), Err(Reject::Version(v)) if v.starts_with("0.0.9")));
    let (_dir, file, _, _) = written();
    let mut bytes = std::fs::read(&file).unwrap();
    bytes[8] ^= 0xff;
    std::fs::write(&file, &bytes).unwrap();
    assert!(matches!(reopen(&file), Err(Reject::Version(_))));
}

#[test]
fn a_changed_byte_in_what_is_read_on_opening_is_refused() {
    let (_dir, file, _, _) = written();
    let bytes = std::fs::read(&file).unwrap();
    let header = Header::decode(&bytes).unwrap();
    for s in [
        Section::Meta,
        Section::VocabText,
        Section::PostingEnds,
        Section::Sums,
    ] {
        let mut b = bytes.clone();
        let r = header.range(s);
        b[r.start + r.len() / 2] ^= 0x20;
        std::fs::write(&file, &b).unwrap();
        assert_eq!(reopen(&file).err(), Some(Reject::Corrupt), "{s:?}");
    }
    // The header's own fields too: a section moved by 8 bytes.
    let mut b = bytes.clone();
    b[96 + 16] ^= 8;
    std::fs::write(&file, &b).unwrap();
    assert!(reopen(&file).is_err());
}

#[test]
fn a_changed_byte_in_a_body_is_found_when_the_body_is_read() {
    let (_dir, file, corpus, _) = written();
    let mut bytes = std::fs::read(&file).unwrap();
    let header = Header::decode(&bytes).unwrap();
    let text = header.range(Section::Text);
    bytes[text.start + 10] ^= 0x01;
    std::fs::write(&file, &bytes).unwrap();
    let (back, _) = reopen(&file).unwrap();
    // The first report's text starts the section: it reads as empty, and
    // the damaged file is removed so the next run rebuilds it.
    assert!(!corpus.articles[0].body.is_empty());
    assert!(back.articles[0].body.is_empty());
    assert!(damaged());
    assert!(!file.exists());
}

#[test]
fn a_changed_byte_in_the_postings_gives_no_postings_rather_than_wrong_ones() {
    let (_dir, file, corpus, _) = written();
    let mut bytes = std::fs::read(&file).unwrap();
    let header = Header::decode(&bytes).unwrap();
    let postings = header.range(Section::Postings);
    for b in &mut bytes[postings] {
        *b ^= 0x55;
    }
    std::fs::write(&file, &bytes).unwrap();
    let (back, index) = reopen(&file).unwrap();
    assert!(hits(&index, &back, "balikesir").is_empty());
    assert!(!hits(&SearchIndex::build(&corpus), &corpus, "balikesir").is_empty());
}

#[test]
fn a_cache_file_is_named_after_its_corpus_file() {
    let dir = Path::new("/c");
    let a = file_for(dir, Path::new("/data/big.json"));
    let b = file_for(dir, Path::new("/other/big.json"));
    assert_ne!(a, b);
    let name = a.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("big.json-") && name.ends_with(".lcc"),
        "{name}"
    );
    let odd = file_for(dir, Path::new("/d/\u{1b}]0;x\u{7}.json"));
    let name = odd.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.chars().all(|c| c.is_ascii_graphic()), "{name:?}");
}

#[test]
fn an_unchanged_file_is_the_same_and_a_touched_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.json");
    std::fs::write(&f, "{}").unwrap();
    let a = stat(&f).unwrap();
    assert!(a.same_stat(&stat(&f).unwrap()));
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&f, "{}").unwrap();
    assert!(!a.same_stat(&stat(&f).unwrap()), "the change time moved");
    assert_eq!(hash_file(&f).unwrap(), xxhash_rust::xxh3::xxh3_64(b"{}"));
}

#[test]
fn leftovers_of_dead_writers_are_removed_and_live_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let dead = dir.path().join(".x.lcc.999999999.tmp");
    let live = dir
        .path()
        .join(format!(".x.lcc.{}.tmp", std::process::id()));
    let other = dir.path().join("notes.txt");
    for f in [&dead, &live, &other] {
        std::fs::write(f, "x").unwrap();
    }
    remove_leftovers(dir.path());
    assert!(!dead.exists());
    assert!(live.exists());
    assert!(other.exists());
}
