//! `learncity import`: the seed texts become the bundled reports block for
//! block; writes are atomic with a backup; every refusal exits 2 and leaves
//! the corpus as it was, byte for byte.
//!
//! Each test works in its own temporary directory, with the state and
//! config directories inside it and the interface in English (one test
//! asks for Turkish with `--lang tr`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BALIKESIR: &str = "tests/fixtures/import/balikesir.txt";
const ANKARA: &str = "tests/fixtures/import/ankara.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bundled() -> Value {
    let text = std::fs::read_to_string(root().join("data/corpus.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn bundled_report(id: &str) -> Value {
    bundled()["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no report {id} in data/corpus.json"))
        .clone()
}

/// A temporary directory holding `corpus.json`: the bundled corpus with
/// its articles taken out.
struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().unwrap();
        let mut corpus = bundled();
        corpus["articles"] = Value::Array(Vec::new());
        let text = serde_json::to_string_pretty(&corpus).unwrap() + "\n";
        std::fs::write(dir.path().join("corpus.json"), text).unwrap();
        Place { dir }
    }

    fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus.json")
    }

    fn corpus_arg(&self) -> String {
        self.corpus().to_str().unwrap().to_owned()
    }

    fn bytes(&self) -> Vec<u8> {
        std::fs::read(self.corpus()).unwrap()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes()).unwrap()
    }

    /// The names in the directory, sorted.
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_learncity"));
        cmd.arg("import")
            .args(args)
            .current_dir(root())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("NO_COLOR")
            .env("LANG", "C.UTF-8")
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .env("XDG_CACHE_HOME", self.dir.path().join("cache"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .stdin(Stdio::null());
        cmd
    }

    /// `learncity import ARGS --into corpus.json`.
    fn import(&self, args: &[&str]) -> Output {
        let into = self.corpus_arg();
        let mut all = args.to_vec();
        all.extend(["--into", &into]);
        self.command(&all).output().unwrap()
    }

    /// As [`Place::import`], with `input` on standard input.
    fn import_stdin(&self, args: &[&str], input: &[u8]) -> Output {
        let into = self.corpus_arg();
        let mut all = args.to_vec();
        all.extend(["--into", &into]);
        let mut child = self
            .command(&all)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    }

    fn report(&self, id: &str) -> Value {
        self.json()["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap_or_else(|| panic!("no report {id}"))
            .clone()
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn succeeds(o: &Output) {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
}

/// Exit 2, an `error:` line on stderr, nothing on stdout; the stderr text.
fn fails(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(2),
        "stdout: {}\nstderr: {}",
        stdout(o),
        stderr(o)
    );
    let err = stderr(o);
    assert!(err.starts_with("error: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(o.stdout.is_empty(), "{}", stdout(o));
    err
}

/// Loads a corpus file with the program's own loader.
fn loads(path: &Path) -> learncity::corpus::Corpus {
    learncity::corpus::load_file(path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_seed_texts_become_the_bundled_reports_block_for_block() {
    let place = Place::new();
    let balikesir = bundled_report("balikesir-ogrenen-sehir");
    let ankara = bundled_report("ankara-belmek-2025");

    // The Balıkesir text has no title line: the title is given.
    let title = balikesir["title"].as_str().unwrap();
    let out = place.import(&[BALIKESIR, "--city", "balikesir", "--title", title]);
    succeeds(&out);
    let id = "balikesir-unesco-ogrenen-sehirler-kuresel-agina-katildi";
    assert!(stdout(&out).contains(id), "{}", stdout(&out));
    // The Ankara text's first line is its title.
    let out = place.import(&[ANKARA, "--city", "ankara"]);
    succeeds(&out);

    let corpus = place.json();
    let articles = corpus["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    let new_balikesir = place.report(id);
    let new_ankara = &articles[1];
    assert_eq!(
        new_ankara["id"],
        "ankara-belmek-basarisi-taclandi-ankaraya-unescodan-ogrenen"
    );
    assert_eq!(new_ankara["title"], ankara["title"]);
    assert_eq!(new_balikesir["title"], balikesir["title"]);
    for (new, old) in [(&new_balikesir, &balikesir), (new_ankara, &ankara)] {
        let (new, old) = (
            new["body"].as_array().unwrap(),
            old["body"].as_array().unwrap(),
        );
        for (i, (n, o)) in new.iter().zip(old).enumerate() {
            assert_eq!(n, o, "block {i}");
        }
        assert_eq!(new.len(), old.len());
        assert_eq!(new, old);
    }
    for a in articles {
        assert_eq!(a["lang"], "tr");
        assert_eq!(a["figures"], Value::Array(Vec::new()));
        assert!(a.get("summary").is_none(), "no summary is made up");
        assert!(a.get("source").is_none());
    }
    // Everything but the articles is as it was, keys in their order.
    let mut expected = bundled();
    let mut got = corpus.clone();
    expected["articles"] = Value::Null;
    got["articles"] = Value::Null;
    assert_eq!(got, expected);
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&got), keys(&expected));
    assert_eq!(keys(&got["cities"][0]), keys(&expected["cities"][0]));
    // The program reads the result.
    let loaded = loads(&place.corpus());
    assert_eq!(loaded.articles.len(), 2);
}

#[test]
fn a_write_keeps_a_backup_and_leaves_no_temporary_file() {
    let place = Place::new();
    let original = place.bytes();
    let out = place.import(&[
        ANKARA,
        "--city",
        "ankara",
        "--id",
        "ankara-belmek-2025",
        "--source",
        "https://example.org/ankara",
        "--source-name",
        "Örnek Haber",
        "--published",
        "2025-12-05",
        "--summary",
        "A summary given by hand.",
    ]);
    succeeds(&out);
    assert_eq!(
        place.files(),
        ["corpus.json", "corpus.json.bak"],
        "no temporary file left"
    );
    let backup = std::fs::read(place.dir.path().join("corpus.json.bak")).unwrap();
    assert_eq!(backup, original, "the backup holds the original bytes");
    let report = place.report("ankara-belmek-2025");
    assert_eq!(
        report["source"],
        serde_json::json!({"name": "Örnek Haber", "url": "https://example.org/ankara"})
    );
    assert_eq!(report["published"], "2025-12-05");
    assert_eq!(report["summary"], "A summary given by hand.");
    let keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "city",
            "title",
            "lang",
            "published",
            "source",
            "summary",
            "body",
            "figures"
        ]
    );
    let text = String::from_utf8(place.bytes()).unwrap();
    assert!(text.ends_with("}\n") && text.starts_with("{\n  \"schema\""));
    assert!(text.contains("Öğrenen"), "letters are written as they are");

    // A second import backs up the first result.
    let first = place.bytes();
    succeeds(&place.import(&[BALIKESIR, "--city", "balikesir", "--title", "Başlık"]));
    let backup = std::fs::read(place.dir.path().join("corpus.json.bak")).unwrap();
    assert_eq!(backup, first);
    assert_eq!(place.files(), ["corpus.json", "corpus.json.bak"]);
}

/// Only the new report's bytes change: numbers stay as written (a
/// serde_json round trip would write `36756.50` as `36756.5` and
/// `1.0e2` as `100.0`), and the file keeps its mode.
#[test]
fn the_rest_of_the_corpus_is_kept_byte_for_byte_and_its_mode_too() {
    use std::os::unix::fs::PermissionsExt;
    let place = Place::new();
    let bundled = std::fs::read_to_string(root().join("data/corpus.json")).unwrap();
    let written = bundled
        .replacen("\"value\": 36756,", "\"value\": 36756.50,", 1)
        .replacen("\"value\": 2100,", "\"value\": 2.1e3,", 1);
    assert_ne!(
        written, bundled,
        "the figures are there to be written oddly"
    );
    std::fs::write(place.corpus(), &written).unwrap();
    std::fs::set_permissions(place.corpus(), std::fs::Permissions::from_mode(0o640)).unwrap();
    succeeds(&place.import(&[ANKARA, "--city", "ankara", "--id", "ankara-again"]));
    let after = String::from_utf8(place.bytes()).unwrap();
    // Up to the end of the last report, every byte as it was.
    let last_end = written.rfind("\n    }").unwrap() + "\n    }".len();
    assert_eq!(after[..last_end], written[..last_end]);
    assert!(
        after[last_end..].starts_with(",\n    {\n      \"id\": \"ankara-again\""),
        "{}",
        &after[last_end..]
    );
    assert!(
        after.ends_with(&written[written.rfind("\n  ]").unwrap()..]),
        "the end as it was"
    );
    assert_eq!(place.report("ankara-again")["city"], "ankara");
    let mode = std::fs::metadata(place.corpus())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640, "the corpus keeps its mode");
}

#[test]
fn a_corpus_the_report_would_break_is_left_byte_for_byte() {
    let place = Place::new();
    let original = place.bytes();
    // Both pass the import's own checks; the loader refuses the result:
    // an id with a space, and an id that is a city's.
    for id in ["two words", "ankara"] {
        let out = place.import(&[ANKARA, "--city", "ankara", "--id", id]);
        let err = fails(&out);
        assert!(err.contains("nothing was written"), "{err}");
        assert!(err.contains("articles[0].id"), "{err}");
        assert_eq!(place.bytes(), original);
        assert_eq!(
            place.files(),
            ["corpus.json"],
            "no backup, no temporary file"
        );
    }
}

#[test]
fn an_existing_id_is_refused_unless_replace_is_given() {
    let place = Place::new();
    let args = [ANKARA, "--city", "ankara", "--id", "ankara-report"];
    succeeds(&place.import(&args));
    let after_first = place.bytes();

    let err = fails(&place.import(&args));
    assert!(
        err.contains("already has a report with id \"ankara-report\""),
        "{err}"
    );
    assert!(err.contains("--replace"), "{err}");
    assert_eq!(place.bytes(), after_first, "file unchanged");

    // Another report after it, then a replacement keeps the place.
    succeeds(&place.import(&[BALIKESIR, "--city", "balikesir", "--title", "Başlık"]));
    let out = place.import(&[
        BALIKESIR,
        "--city",
        "balikesir",
        "--title",
        "Yeni başlık",
        "--id",
        "ankara-report",
        "--replace",
    ]);
    succeeds(&out);
    assert!(
        stdout(&out).starts_with("Replaced the report"),
        "{}",
        stdout(&out)
    );
    let corpus = place.json();
    let articles = corpus["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0]["id"], "ankara-report");
    assert_eq!(articles[0]["title"], "Yeni başlık");
    assert_eq!(articles[0]["city"], "balikesir");
    loads(&place.corpus());
}

#[test]
fn a_dry_run_prints_the_report_and_writes_nothing() {
    let place = Place::new();
    let original = place.bytes();
    let text = std::fs::read(root().join(ANKARA)).unwrap();
    let out = place.import_stdin(&["-", "--city", "ankara", "--dry-run"], &text);
    succeeds(&out);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let bundled = bundled_report("ankara-belmek-2025");
    assert_eq!(report["title"], bundled["title"]);
    assert_eq!(report["body"], bundled["body"]);
    assert_eq!(report["city"], "ankara");
    assert!(stdout(&out).starts_with("{\n  \"id\""), "pretty JSON");
    assert!(stderr(&out).contains("nothing was written"));
    assert_eq!(place.bytes(), original);
    assert_eq!(place.files(), ["corpus.json"]);
}

#[test]
fn standard_input_is_read_with_its_mark_and_crlf_removed() {
    let place = Place::new();
    let input = "\u{feff}Başlık satırı\r\nBirinci paragraf, noktayla biten kısa bir cümle.\r\n\r\nAra başlık\r\n";
    let out = place.import_stdin(&["-", "--city", "izmir"], input.as_bytes());
    succeeds(&out);
    let report = place.report("izmir-baslik-satiri");
    assert_eq!(report["title"], "Başlık satırı");
    assert_eq!(
        report["body"],
        serde_json::json!([
            {"kind": "paragraph", "text": "Birinci paragraf, noktayla biten kısa bir cümle."},
            {"kind": "heading", "text": "Ara başlık"}
        ])
    );
}

#[test]
fn bad_inputs_are_refused_with_a_clear_message() {
    let place = Place::new();
    let original = place.bytes();
    let dir = place.dir.path();

    let err = fails(&place.import(&[ANKARA, "--city", "ankra"]));
    assert!(err.contains("no city with id \"ankra\""), "{err}");
    assert!(err.contains("did you mean \"ankara\"?"), "{err}");

    // ı in Windows-1254 is 0xfd.
    let latin = dir.join("latin5.txt");
    std::fs::write(&latin, b"Bal\xfdkesir\nMetin.\n").unwrap();
    let err = fails(&place.import(&[latin.to_str().unwrap(), "--city", "balikesir"]));
    assert!(err.contains("is not UTF-8 text"), "{err}");
    assert!(
        err.contains("0xfd") && err.contains("line 1, column 4"),
        "{err}"
    );

    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "\u{feff}\n  \n").unwrap();
    let err = fails(&place.import(&[empty.to_str().unwrap(), "--city", "ankara"]));
    assert!(err.contains("holds no text"), "{err}");
    let err = fails(&place.import_stdin(&["-", "--city", "ankara"], b""));
    assert!(err.contains("standard input holds no text"), "{err}");
    let err = fails(&place.import_stdin(&["-", "--city", "ankara"], b"Only a title\n\n"));
    assert!(err.contains("only a title line"), "{err}");

    let err = fails(&place.import(&["no-such-file.txt", "--city", "ankara"]));
    assert!(err.contains("cannot read no-such-file.txt"), "{err}");

    for (flag, value, says) in [
        ("--published", "2025-02-30", "is not a date"),
        ("--source", "Habertürk", "--source-name"),
        ("--report-lang", "Türkçe", "not a language code"),
        ("--title", "  ", "--title is empty"),
    ] {
        let err = fails(&place.import(&[ANKARA, "--city", "ankara", flag, value]));
        assert!(err.contains(says), "{flag}: {err}");
    }
    assert_eq!(place.bytes(), original, "nothing written");
    assert_eq!(place.files().len(), 3, "corpus.json and the two texts");

    // The corpus file must exist.
    let missing = dir.join("missing.json");
    let out = place
        .command(&[
            ANKARA,
            "--city",
            "ankara",
            "--into",
            missing.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let err = fails(&out);
    assert!(err.contains("does not exist"), "{err}");
    assert!(!missing.exists());

    // A corpus that does not load is reported as every command reports it.
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"schema\": 1,").unwrap();
    let out = place
        .command(&[
            ANKARA,
            "--city",
            "ankara",
            "--into",
            broken.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let err = fails(&out);
    assert!(
        err.contains("cannot use") && err.contains("broken.json:1:"),
        "{err}"
    );
    assert_eq!(std::fs::read(&broken).unwrap(), b"{\"schema\": 1,");

    // --data is another command's corpus.
    let data = root().join("data/corpus.json");
    let out = place
        .command(&[
            "--data",
            data.to_str().unwrap(),
            ANKARA,
            "--city",
            "ankara",
            "--into",
            &place.corpus_arg(),
        ])
        .output()
        .unwrap();
    let err = fails(&out);
    assert!(err.contains("--into"), "{err}");
    assert_eq!(place.bytes(), original);
}

#[test]
fn a_symbolic_link_is_followed_and_kept() {
    let place = Place::new();
    let link = place.dir.path().join("link.json");
    std::os::unix::fs::symlink("corpus.json", &link).unwrap();
    let out = place
        .command(&[ANKARA, "--city", "ankara", "--into", link.to_str().unwrap()])
        .output()
        .unwrap();
    succeeds(&out);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(place.json()["articles"].as_array().unwrap().len(), 1);
    assert_eq!(
        place.files(),
        ["corpus.json", "corpus.json.bak", "link.json"]
    );
}

#[test]
fn errors_speak_turkish_with_lang_tr() {
    let place = Place::new();
    let into = place.corpus_arg();
    let out = place
        .command(&["--lang", "tr", ANKARA, "--city", "ankra", "--into", &into])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("içinde \"ankra\" kimlikli bir şehir yok"),
        "{err}"
    );
    assert!(
        err.contains("şunu mu demek istediniz: \"ankara\"?"),
        "{err}"
    );
    // The report's language is --report-lang; --lang stays the interface's.
    let out = place
        .command(&[
            "--lang",
            "tr",
            ANKARA,
            "--city",
            "ankara",
            "--report-lang",
            "en",
            "--into",
            &into,
        ])
        .output()
        .unwrap();
    succeeds(&out);
    assert!(
        stdout(&out).contains("dosyasına eklendi"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("(18 blok)"), "{}", stdout(&out));
    assert_eq!(place.json()["articles"][0]["lang"], "en");
}

#[test]
fn two_imports_at_once_both_land() {
    let place = Place::new();
    let spawn = |args: &[&str]| {
        let into = place.corpus_arg();
        let mut all = args.to_vec();
        all.extend(["--into", &into]);
        place
            .command(&all)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn(&[ANKARA, "--city", "ankara"]);
    let b = spawn(&[BALIKESIR, "--city", "balikesir", "--title", "Başlık"]);
    succeeds(&a.wait_with_output().unwrap());
    succeeds(&b.wait_with_output().unwrap());
    assert_eq!(place.json()["articles"].as_array().unwrap().len(), 2);
    assert_eq!(place.files(), ["corpus.json", "corpus.json.bak"]);
}
