//! The command-line contract: exit statuses, what goes to stdout and stderr,
//! the JSON shapes, and the problem lines of `learncity validate` for one
//! malformed corpus per validation rule (tests/fixtures/invalid).
//!
//! Every command runs the built binary with stdout and stderr piped, as a
//! script would, from the package root so fixture paths stay short.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

/// The binary under test (`LEARNCITY_TEST_BIN` runs these tests against
/// another build).
fn bin() -> String {
    std::env::var("LEARNCITY_TEST_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_learncity").to_owned())
}
const BUNDLED: &str = "data/corpus.json";
const ESCAPES: &str = "tests/fixtures/valid/escapes.json";
const INVALID_DIR: &str = "tests/fixtures/invalid";

#[test]
fn file_names_with_escape_sequences_are_printed_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let valid = dir.path().join("evil\u{1b}]2;pwned\u{7}.json");
    std::fs::copy(root().join("tests/fixtures/valid/minimal.json"), &valid).unwrap();
    let broken = dir.path().join("bad\u{1b}[2J.json");
    std::fs::write(&broken, "{").unwrap();
    for (file, code) in [(&valid, 0), (&broken, 2)] {
        let out = command(&["validate", file.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code));
        let all = [out.stdout, out.stderr].concat();
        assert!(
            !all.contains(&0x1b) && !all.contains(&0x07),
            "{}",
            String::from_utf8_lossy(&all)
        );
        assert!(
            String::from_utf8_lossy(&all).contains("\\u{1b}"),
            "{}",
            String::from_utf8_lossy(&all)
        );
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        // English, whatever the developer's locale (tests/i18n.rs runs
        // the other language).
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        // No config file: a developer's `lang = "tr"` would beat LANG.
        .env("XDG_CONFIG_HOME", no_corpus_here())
        .env("XDG_STATE_HOME", no_corpus_here())
        .env("XDG_CACHE_HOME", no_corpus_here())
        // The bundled corpus, whatever corpus the machine or the developer
        // has installed (tests/packaging.rs tests the lookup).
        .env_remove("LEARNCITY_DATA")
        .env("XDG_DATA_HOME", no_corpus_here())
        .env("LEARNCITY_TEST_SYSTEM_DATA", no_corpus_here())
        .stdin(Stdio::null());
    cmd
}

/// A directory with no corpus in it.
fn no_corpus_here() -> std::path::PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-corpus-here")
}

/// What one run printed, with stdout also kept as bytes for the escape checks.
struct Run {
    args: String,
    code: Option<i32>,
    bytes: Vec<u8>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn context(&self) -> String {
        format!(
            "learncity {}\nexit: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args, self.code, self.stdout, self.stderr
        )
    }
}

fn run(args: &[&str]) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = command(args).output().expect("cannot run learncity");
    Run {
        args: args.join(" "),
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        bytes: stdout,
    }
}

/// Runs a command that must succeed quietly; returns the run.
fn ok(args: &[&str]) -> Run {
    let r = run(args);
    assert_eq!(r.code, Some(0), "expected success\n{}", r.context());
    assert!(r.stderr.is_empty(), "expected no stderr\n{}", r.context());
    assert!(
        std::str::from_utf8(&r.bytes).is_ok(),
        "stdout is not UTF-8\n{}",
        r.context()
    );
    r
}

/// Runs a command that must succeed and print JSON; returns the JSON.
fn json(args: &[&str]) -> Value {
    let r = ok(args);
    serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", r.context()))
}

/// Runs a command that must fail with status 2, nothing on stdout and an
/// `error: ` line first on stderr; returns the run.
fn fails(args: &[&str]) -> Run {
    let r = run(args);
    assert_eq!(r.code, Some(2), "expected exit status 2\n{}", r.context());
    assert!(r.stdout.is_empty(), "expected no stdout\n{}", r.context());
    assert!(
        r.stderr.starts_with("error: "),
        "stderr must start with `error: `\n{}",
        r.context()
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.context());
    r
}

/// The bundled corpus, read directly, to check the output against.
fn corpus() -> Value {
    let text = std::fs::read_to_string(root().join(BUNDLED)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn items<'a>(corpus: &'a Value, key: &str) -> &'a Vec<Value> {
    corpus[key].as_array().unwrap()
}

fn string<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string in {v}"))
}

/// Every run of whitespace as one space, so wrapped text compares with the
/// text it was wrapped from.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(items: &[&'a str]) -> BTreeSet<&'a str> {
    items.iter().copied().collect()
}

/// The ids of search hits, best first.
fn hit_ids(hits: &Value) -> Vec<&str> {
    hits.as_array()
        .unwrap_or_else(|| panic!("not an array: {hits}"))
        .iter()
        .map(|h| string(h, "id"))
        .collect()
}

/// The current civil year (UTC), as the program computes it.
fn this_year() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    yoe + era * 400 + i64::from(mp >= 10)
}

// ---------------------------------------------------------------- list

#[test]
fn list_shows_every_city() {
    let corpus = corpus();
    let cities = items(&corpus, "cities");
    assert_eq!(cities.len(), 320, "the bundled corpus changed");
    // Wide enough for every name; at 80 columns names are cut, ids never.
    let out = at_width(200, &["list"]).stdout;
    let ids: BTreeSet<&str> = cities.iter().map(|c| string(c, "id")).collect();
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.split(' ').next().is_some_and(|w| ids.contains(w)))
        .collect();
    assert_eq!(rows.len(), 320, "one row per city:\n{out}");
    for c in cities {
        let (id, name) = (string(c, "id"), string(c, "name"));
        assert!(
            rows.iter()
                .any(|r| r.starts_with(&format!("{id} ")) && r.contains(name)),
            "no row for {id} ({name}):\n{out}"
        );
    }
}

#[test]
fn list_json_is_an_array_of_cities_with_the_documented_keys() {
    let corpus = corpus();
    let list = json(&["list", "--json"]);
    let rows = list.as_array().expect("an array");
    assert_eq!(rows.len(), 320);
    let wanted = set(&[
        "id",
        "name",
        "name_local",
        "country",
        "region",
        "joined",
        "status",
        "notes",
        "sources",
        "coords",
        "articles",
    ]);
    for row in rows {
        assert_eq!(keys(row), wanted, "{row}");
    }
    let by_id = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id} not listed"))
    };
    assert_eq!(by_id("konya")["joined"], Value::Null);
    assert_eq!(by_id("hatay")["joined"], Value::Null);
    assert_eq!(by_id("ankara")["joined"], 2025);
    assert_eq!(by_id("ankara")["articles"], 1);
    assert_eq!(by_id("balikesir")["articles"], 1);
    assert_eq!(by_id("konya")["articles"], 0);
    for c in items(&corpus, "cities") {
        let row = by_id(string(c, "id"));
        assert_eq!(row["name"], c["name"]);
        assert_eq!(row["country"], c["country"]);
        assert_eq!(row["joined"], c["joined"]);
    }
}

// ---------------------------------------------------------------- search

#[test]
fn search_puts_balikesir_first_however_it_is_typed() {
    for query in ["balikesir", "BALIKESIR", "balıkesır", "Balıkesir"] {
        let hits = json(&["search", query, "--json"]);
        let first = &hits[0];
        assert_eq!(first["kind"], "city", "{query}: {hits}");
        assert_eq!(first["id"], "balikesir", "{query}: {hits}");
        let text = ok(&["search", query]).stdout;
        let mut lines = text.lines();
        assert!(
            lines.next().is_some_and(|l| l.contains("Balıkesir")),
            "{query}:\n{text}"
        );
        assert!(
            lines.next().is_some_and(|l| l.contains("city balikesir")),
            "{query}:\n{text}"
        );
    }
}

#[test]
fn search_words_may_be_one_argument_or_several() {
    let reports = set(&["balikesir-ogrenen-sehir", "ankara-belmek-2025"]);
    let apart = json(&["search", "ogrenen", "sehir", "--json"]);
    let together = json(&["search", "ogrenen sehir", "--json"]);
    assert_eq!(apart, together);
    let found: BTreeSet<&str> = hit_ids(&apart).into_iter().collect();
    assert!(found.is_superset(&reports), "{found:?}");
    let text = ok(&["search", "ogrenen", "sehir"]).stdout;
    for id in reports {
        assert!(text.contains(id), "{id} not in:\n{text}");
    }
}

#[test]
fn search_finds_the_ankara_report_by_its_words() {
    for query in ["belmek", "BELMEK", "kadin", "kadın"] {
        let hits = json(&["search", query, "--json"]);
        assert!(
            hit_ids(&hits).contains(&"ankara-belmek-2025"),
            "{query}: {hits}"
        );
    }
    let text = ok(&["search", "belmek"]).stdout;
    assert!(text.contains("ankara-belmek-2025"), "{text}");
}

#[test]
fn search_json_hits_have_the_documented_keys_best_first() {
    let hits = json(&["search", "balikesir", "--json"]);
    let hits = hits.as_array().unwrap();
    assert!(hits.len() >= 3, "{hits:?}");
    let wanted = set(&["kind", "id", "city", "title", "score", "snippet"]);
    for h in hits {
        assert_eq!(keys(h), wanted, "{h}");
        assert!(h["kind"] == "city" || h["kind"] == "article", "{h}");
        assert!(h["snippet"].is_null() || h["snippet"].is_string(), "{h}");
        if h["kind"] == "city" {
            assert_eq!(h["city"], h["id"], "a city hit names itself: {h}");
        }
    }
    let scores: Vec<f64> = hits
        .iter()
        .map(|h| h["score"].as_f64().expect("score is a number"))
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "not best first: {scores:?}"
    );
    assert!(scores[0] > scores[scores.len() - 1], "{scores:?}");
    let article = hits
        .iter()
        .find(|h| h["id"] == "balikesir-ogrenen-sehir")
        .expect("the Balıkesir report is a hit");
    assert_eq!(article["kind"], "article");
    assert_eq!(article["city"], "balikesir");
}

#[test]
fn search_limit_caps_the_hits() {
    let all = json(&["search", "balikesir", "--json"]);
    assert!(all.as_array().unwrap().len() > 1);
    let one = json(&["search", "balikesir", "--json", "--limit", "1"]);
    assert_eq!(one.as_array().unwrap().len(), 1, "{one}");
    assert_eq!(one[0], all[0]);
    let text = ok(&["search", "--limit", "1", "balikesir"]).stdout;
    assert!(text.contains(" 1. "), "{text}");
    assert!(!text.contains(" 2. "), "{text}");
}

/// The reader's marks are not the command line's: `has:bookmark` says so
/// rather than matching nothing.
#[test]
fn search_with_the_readers_marks_says_the_command_line_has_none() {
    for q in ["has:bookmark ankara", "ankara -has:unread"] {
        let r = run(&["search", q]);
        assert_eq!(r.code, Some(2), "{}", r.context());
        assert!(r.stderr.contains("reader's marks"), "{}", r.context());
        assert!(r.stdout.is_empty(), "{}", r.context());
    }
}

#[test]
fn search_limit_must_be_a_whole_number_from_1() {
    for limit in ["0", "x", "-1", "1.5", ""] {
        fails(&["search", "balikesir", "--limit", limit]);
    }
}

#[test]
fn search_without_hits_exits_1() {
    let r = run(&["search", "zzqxjw"]);
    assert_eq!(r.code, Some(1), "{}", r.context());
    assert!(r.stdout.is_empty(), "{}", r.context());
    assert!(!r.stderr.starts_with("error:"), "{}", r.context());
    let r = run(&["search", "zzqxjw", "--json"]);
    assert_eq!(r.code, Some(1), "{}", r.context());
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON on stdout");
    assert_eq!(v, Value::Array(vec![]));
}

#[test]
fn search_needs_a_query() {
    fails(&["search"]);
}

// ---------------------------------------------------------------- show

#[test]
fn show_city_lists_its_report() {
    let out = ok(&["show", "ankara"]).stdout;
    assert!(out.contains("Ankara"), "{out}");
    assert!(out.contains("ankara-belmek-2025"), "{out}");
    assert!(out.contains("BELMEK başarısı taçlandı"), "{out}");
    assert!(!out.to_lowercase().contains("no report"), "{out}");
}

#[test]
fn show_city_without_a_report_says_so() {
    let out = ok(&["show", "konya"]).stdout;
    assert!(out.contains("Konya"), "{out}");
    assert!(out.to_lowercase().contains("no report"), "{out}");
    assert!(!out.contains("ankara-belmek-2025"), "{out}");
}

#[test]
fn show_article_prints_its_text_wrapped_to_80_columns() {
    let corpus = corpus();
    let article = items(&corpus, "articles")
        .iter()
        .find(|a| a["id"] == "ankara-belmek-2025")
        .unwrap();
    let out = ok(&["show", "ankara-belmek-2025"]).stdout;
    for line in out.lines() {
        assert!(
            line.width() <= 80,
            "{} columns: {line:?}\n{out}",
            line.width()
        );
    }
    let flat = squash(&out);
    assert!(
        out.lines().next() == Some(string(article, "title")),
        "the title comes first:\n{out}"
    );
    let mut headings = 0;
    let mut longest = 0;
    for block in items(article, "body") {
        let text = string(block, "text");
        longest = longest.max(text.width());
        if block["kind"] == "heading" {
            headings += 1;
        }
        assert!(flat.contains(&squash(text)), "missing block {text:?}");
    }
    assert!(headings >= 3 && longest > 80, "the corpus changed");
}

#[test]
fn show_unknown_id_suggests_the_nearest() {
    let r = fails(&["show", "izmr"]);
    assert!(r.stderr.contains("\"izmir\""), "{}", r.context());
    let r = fails(&["show", "ankara-belmek-2052"]);
    assert!(
        r.stderr.contains("\"ankara-belmek-2025\""),
        "{}",
        r.context()
    );
}

#[test]
fn show_json_has_a_kind() {
    let city = json(&["show", "ankara", "--json"]);
    assert_eq!(city["kind"], "city", "{city}");
    assert_eq!(city["id"], "ankara");
    assert_eq!(city["articles"], serde_json::json!(["ankara-belmek-2025"]));
    let konya = json(&["show", "konya", "--json"]);
    assert_eq!(konya["kind"], "city", "{konya}");
    assert_eq!(konya["joined"], Value::Null);
    assert_eq!(konya["articles"], serde_json::json!([]));
    let article = json(&["show", "ankara-belmek-2025", "--json"]);
    assert_eq!(article["kind"], "article", "{article}");
    assert_eq!(article["id"], "ankara-belmek-2025");
    assert_eq!(article["city"], "ankara");
    assert!(!items(&article, "body").is_empty(), "{article}");
    assert_eq!(items(&article, "figures").len(), 6, "{article}");
}

// ---------------------------------------------------------------- stats

#[test]
fn stats_shows_every_figure_with_its_quote() {
    let out = ok(&["stats"]).stdout;
    let flat = squash(&out);
    assert!(flat.contains("36 bin 756 kadın"), "{out}");
    let mut n = 0;
    for article in items(&corpus(), "articles") {
        for fig in article["figures"].as_array().into_iter().flatten() {
            n += 1;
            let quote = squash(string(fig, "quote"));
            assert!(flat.contains(&quote), "missing quote {quote:?}:\n{out}");
            let label = squash(string(fig, "label"));
            assert!(flat.contains(&label), "missing label {label:?}:\n{out}");
        }
    }
    assert_eq!(n, 6);
}

#[test]
fn stats_json_counts_the_corpus() {
    let stats = json(&["stats", "--json"]);
    assert!(stats.is_object(), "{stats}");
    assert_eq!(stats["cities"], 320, "{stats}");
    assert_eq!(stats["articles"], 2, "{stats}");
    assert_eq!(stats["countries"], 73, "{stats}");
    assert_eq!(stats["placed"], 292, "{stats}");
    assert_eq!(stats["coverage"]["total"], 425, "{stats}");
    assert_eq!(stats["regions"][0]["name"], "Europe and North America");
    assert_eq!(stats["rounds"].as_array().map(Vec::len), Some(9));
    assert_eq!(stats["figures"], 6, "{stats}");
    let words = stats["words"].as_u64().expect("words is a whole number");
    assert!(words > 100, "{stats}");
}

// ---------------------------------------------------------------- escapes

/// Every command whose output shows corpus text, for the corpus at `data`.
fn every_output(data: &str) -> Vec<Run> {
    let cities = json(&["--data", data, "list", "--json"]);
    let mut ids: Vec<String> = hit_ids(&cities).iter().map(|s| s.to_string()).collect();
    for city in hit_ids(&cities) {
        let shown = json(&["--data", data, "show", city, "--json"]);
        for a in items(&shown, "articles") {
            ids.push(a.as_str().unwrap().to_owned());
        }
    }
    let mut commands: Vec<Vec<String>> = vec![
        vec!["list".into()],
        vec!["list".into(), "--json".into()],
        vec!["stats".into()],
        vec!["stats".into(), "--json".into()],
    ];
    for id in &ids {
        commands.push(vec!["show".into(), id.clone()]);
        commands.push(vec!["show".into(), id.clone(), "--json".into()]);
    }
    for query in [
        "report",
        "escapes",
        "evil",
        "pwned",
        "belmek",
        "balikesir",
        "ankara",
    ] {
        commands.push(vec!["search".into(), query.into()]);
        commands.push(vec!["search".into(), query.into(), "--json".into()]);
    }
    commands
        .iter()
        .map(|c| {
            let mut args = vec!["--data", data];
            args.extend(c.iter().map(String::as_str));
            let r = run(&args);
            // Searches may find nothing (1); anything else must succeed.
            assert!(
                r.code == Some(0) || (c[0] == "search" && r.code == Some(1)),
                "{}",
                r.context()
            );
            r
        })
        .collect()
}

/// What must never reach a pipe: control characters (but newline) and bidi
/// controls, as bytes and, in JSON, inside the strings.
fn assert_no_control(r: &Run) {
    for (byte, name) in [(0x1b, "ESC"), (0x07, "BEL"), (0x00, "NUL"), (0x7f, "DEL")] {
        assert!(
            !r.bytes.contains(&byte),
            "{name} byte in stdout\n{}",
            r.context()
        );
    }
    for (c, name) in [('\u{9b}', "C1 CSI"), ('\u{202e}', "RLO")] {
        assert!(!r.stdout.contains(c), "{name} in stdout\n{}", r.context());
    }
    for (i, _) in r.stdout.match_indices("pwned") {
        assert!(
            !r.stdout[..i].ends_with("]2;"),
            "the OSC payload survived\n{}",
            r.context()
        );
    }
    assert!(!r.stdout.contains("[2J"), "a CSI survived\n{}", r.context());
    if let Ok(v) = serde_json::from_str::<Value>(&r.stdout) {
        let mut strings = Vec::new();
        collect_strings(&v, &mut strings);
        for s in strings {
            assert!(
                !s.chars().any(|c| (c.is_control() && c != '\n')
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)),
                "control character in JSON string {s:?}\n{}",
                r.context()
            );
        }
    }
}

fn collect_strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|v| collect_strings(v, out)),
        Value::Object(m) => m.iter().for_each(|(k, v)| {
            out.push(k);
            collect_strings(v, out);
        }),
        _ => {}
    }
}

#[test]
fn piped_output_of_the_bundled_corpus_has_no_escapes() {
    let runs = every_output(BUNDLED);
    assert!(runs.len() > 20);
    for r in &runs {
        assert_no_control(r);
    }
    // Without --data, the bundled copy is used: same checks.
    for args in [
        &["list"][..],
        &["stats"],
        &["show", "ankara-belmek-2025"],
        &["search", "belmek"],
    ] {
        assert_no_control(&ok(args));
    }
}

#[test]
fn escape_sequences_in_a_corpus_never_reach_the_terminal() {
    let raw = std::fs::read_to_string(root().join(ESCAPES)).unwrap();
    for needle in [r"\u001b]2;pwned\u0007", r"\u001b[2J", r"\u009b", r"\u202e"] {
        assert!(raw.contains(needle), "the fixture lost {needle}");
    }
    let runs = every_output(ESCAPES);
    let shown: String = runs.iter().map(|r| r.stdout.as_str()).collect();
    // The texts themselves are still there, only cleaned.
    for text in [
        "Evilville",
        "Report title",
        "Escapes in the body of a report.",
        "Corpus title",
    ] {
        assert!(shown.contains(text), "{text:?} not shown");
    }
    for r in &runs {
        assert_no_control(r);
    }
}

// ---------------------------------------------------------------- --data and validate

#[test]
fn data_must_name_a_readable_valid_corpus() {
    let r = fails(&["--data", "no/such/corpus.json", "list"]);
    assert!(r.stderr.contains("no/such/corpus.json"), "{}", r.context());
    fails(&["--data", "tests/fixtures", "list"]);
    for cmd in [
        &["list"][..],
        &["stats"],
        &["show", "ankara"],
        &["search", "a"],
    ] {
        let mut args = vec!["--data", "tests/fixtures/invalid/syntax-missing-comma.json"];
        args.extend(cmd);
        let r = fails(&args);
        assert!(
            r.stderr
                .contains("tests/fixtures/invalid/syntax-missing-comma.json:3:3: "),
            "{}",
            r.context()
        );
    }
}

#[test]
fn data_and_validate_report_the_same_problems() {
    let file = "tests/fixtures/invalid/several-problems.json";
    let validate = fails(&["validate", file]);
    let list = fails(&["--data", file, "list"]);
    assert_eq!(validate.stderr, list.stderr);
}

#[test]
fn data_reads_another_corpus() {
    let rows = json(&[
        "--data",
        "tests/fixtures/valid/minimal.json",
        "list",
        "--json",
    ]);
    assert_eq!(
        rows,
        serde_json::json!([{"id": "x", "name": "X", "name_local": null, "country": "Y",
            "region": null, "joined": null, "status": null, "notes": null, "sources": [],
            "coords": null, "articles": 0}])
    );
    let stats = json(&[
        "--data",
        "tests/fixtures/valid/minimal.json",
        "stats",
        "--json",
    ]);
    assert_eq!(stats["cities"], 1);
    assert_eq!(stats["articles"], 0);
}

#[test]
fn validate_accepts_the_bundled_corpus_and_the_valid_fixtures() {
    for file in [
        BUNDLED,
        "tests/fixtures/valid/minimal.json",
        "tests/fixtures/valid/escapes.json",
        "tests/fixtures/valid/schema2.json",
    ] {
        let out = ok(&["validate", file]).stdout;
        assert!(
            out.starts_with(&format!("{file}: valid corpus")),
            "{file}: {out}"
        );
    }
    let out = ok(&["validate", BUNDLED]).stdout;
    assert!(squash(&out).contains("320 cities"), "{out}");
    assert!(squash(&out).contains("9 admission rounds"), "{out}");
    // Piped, the verdict is one line, however long, for a script to read:
    // it was wrapped at 80 columns.
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        squash(out.trim_end()).ends_with("9 admission rounds"),
        "{out}"
    );
}

#[test]
fn validate_uses_data_or_the_bundled_corpus_and_refuses_two_files() {
    let bundled = ok(&["validate"]).stdout;
    assert!(
        bundled.starts_with("corpus.json (bundled): valid corpus"),
        "{bundled}"
    );
    let data = ok(&["--data", "tests/fixtures/valid/minimal.json", "validate"]).stdout;
    assert!(
        data.starts_with("tests/fixtures/valid/minimal.json: valid corpus"),
        "{data}"
    );
    let r = fails(&[
        "--data",
        "tests/fixtures/valid/minimal.json",
        "validate",
        BUNDLED,
    ]);
    assert!(
        r.stderr.contains("validate takes one corpus"),
        "{}",
        r.context()
    );
    // The same file twice is one corpus.
    ok(&["--data", BUNDLED, "validate", BUNDLED]);
}

#[test]
fn validate_refuses_a_missing_file() {
    let r = fails(&["validate", "no/such/corpus.json"]);
    assert!(
        r.stderr.contains("no/such/corpus.json: cannot open"),
        "{}",
        r.context()
    );
}

/// `--lang tr` words every problem in Turkish; places, paths and ids stay
/// as they are, and so does the exit status.
#[test]
fn validate_reports_problems_in_turkish() {
    for (fixture, says) in [
        (
            "several-problems.json",
            "tests/fixtures/invalid/several-problems.json: articles[0].city: \
             kimliği \"ankra\" olan şehir yok; bunu mu demek istediniz: \"ankara\"?",
        ),
        (
            "syntax-missing-comma.json",
            "tests/fixtures/invalid/syntax-missing-comma.json:3:3: `,` ya da `}` bekleniyordu",
        ),
        (
            "city-missing-id.json",
            "tests/fixtures/invalid/city-missing-id.json: cities[0].id: zorunlu alan eksik",
        ),
    ] {
        let file = format!("{INVALID_DIR}/{fixture}");
        let r = run(&["--lang", "tr", "validate", &file]);
        assert_eq!(r.code, Some(2), "{}", r.context());
        assert!(r.stdout.is_empty(), "{}", r.context());
        assert!(
            r.stderr.lines().any(|l| l == says),
            "{says}\n{}",
            r.context()
        );
    }
    let r = run(&["--lang", "tr", "validate", "no/such/corpus.json"]);
    assert_eq!(r.code, Some(2), "{}", r.context());
    assert!(
        r.stderr
            .contains("no/such/corpus.json: açılamıyor: böyle bir dosya ya da dizin yok"),
        "{}",
        r.context()
    );
}

/// Each file in tests/fixtures/invalid breaks one rule (several-problems.json
/// breaks many); NAME.expected holds the problem lines `validate` prints for
/// it, with `{file}` for the file's path and `{this_year}` for the year.
#[test]
fn every_invalid_fixture_is_refused_with_the_expected_problems() {
    let dir = root().join(INVALID_DIR);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let year = this_year().to_string();
    let mut failures = Vec::new();
    let mut checked = 0;
    for name in &names {
        if let Some(stem) = name.strip_suffix(".expected") {
            if !names.iter().any(|n| n.strip_suffix(".json") == Some(stem)) {
                failures.push(format!("{name}: no {stem}.json next to it"));
            }
            continue;
        }
        let stem = Path::new(name).file_stem().unwrap().to_str().unwrap();
        let file = format!("{INVALID_DIR}/{name}");
        let expected = match std::fs::read_to_string(dir.join(format!("{stem}.expected"))) {
            Ok(text) => text.replace("{file}", &file).replace("{this_year}", &year),
            Err(e) => {
                failures.push(format!("{name}: cannot read {stem}.expected: {e}"));
                continue;
            }
        };
        checked += 1;
        let r = run(&["validate", &file]);
        let mut problems = Vec::new();
        if r.code != Some(2) {
            problems.push(format!("exit status {:?}, expected 2", r.code));
        }
        if !r.stdout.is_empty() {
            problems.push("stdout is not empty".to_owned());
        }
        let mut lines = r.stderr.lines();
        let first = lines.next().unwrap_or("");
        let rest: Vec<&str> = lines.collect();
        let want: Vec<&str> = expected.lines().collect();
        if want.is_empty() {
            problems.push(format!("{stem}.expected is empty"));
        }
        let n = rest.len();
        let header = format!(
            "error: cannot use {file} as a corpus ({n} problem{}):",
            if n == 1 { "" } else { "s" }
        );
        if first != header {
            problems.push(format!(
                "first stderr line is {first:?}, expected {header:?}"
            ));
        }
        if rest != want {
            problems.push(format!(
                "problem lines differ\n--- expected ---\n{}\n--- got ---\n{}",
                want.join("\n"),
                rest.join("\n")
            ));
        }
        if !problems.is_empty() {
            failures.push(format!("{name}:\n  {}", problems.join("\n  ")));
        }
    }
    assert!(checked >= 40, "only {checked} fixtures in {INVALID_DIR}");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// When an item is left out for one fault, the checks that need the whole
/// corpus skip it, so some of its problems only show up on the next run.
#[test]

fn problems_next_to_a_broken_field_are_still_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.json");
    std::fs::write(
        &file,
        r#"{
  "schema": 1,
  "cities": [
    {"id": "ankara", "name": "Ankara", "joined": 2999},
    {"id": "ankara", "name": "Ankara again", "country": "Türkiye"},
    {"id": "izmir", "name": "İzmir", "country": "Türkiye"}
  ],
  "articles": [
    {"id": "r", "city": "izmr", "title": "R",
     "body": [{"kind": "subtitle", "text": "Text"}]}
  ]
}"#,
    )
    .unwrap();
    let r = fails(&["validate", file.to_str().unwrap()]);
    for want in [
        "cities[0].country: missing required field",
        "cities[0].joined: 2999 is in the future",
        "cities[1].id: duplicate id \"ankara\"",
        "articles[0].body[0].kind: unknown block kind",
        "articles[0].city: no city with id \"izmr\"; did you mean \"izmir\"?",
    ] {
        assert!(
            r.stderr.contains(want),
            "{want:?} not reported\n{}",
            r.context()
        );
    }
}

// ---------------------------------------------------------------- usage

#[test]
fn bad_usage_is_an_error() {
    fails(&["frobnicate"]);
    fails(&["list", "--frobnicate"]);
    fails(&["--frobnicate", "list"]);
    fails(&["show"]);
    fails(&["show", "ankara", "konya"]);
    fails(&["stats", "extra"]);
    fails(&["--data"]);
}

// ---------------------------------------------------------------- pipes

/// Reads a few bytes of `args`' stdout, closes the pipe, and returns the
/// exit status and stderr.
fn read_a_little(args: &[&str]) -> (std::process::ExitStatus, String) {
    let mut child = command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot run learncity");
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 10];
    stdout.read_exact(&mut buf).expect("some output");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (child.wait().unwrap(), stderr)
}

#[test]
fn a_closed_stdout_is_not_a_crash() {
    // A corpus whose output is far larger than a pipe's buffer, so that the
    // program is still writing when the reader goes away.
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.json");
    let cities: Vec<Value> = (0..4000)
        .map(|i| {
            serde_json::json!({
                "id": format!("city-{i}"),
                "name": format!("City number {i}"),
                "country": format!("Country {}", i % 50),
                "joined": 2013 + i % 10,
            })
        })
        .collect();
    let corpus = serde_json::json!({"schema": 1, "cities": cities, "articles": []});
    std::fs::write(&big, corpus.to_string()).unwrap();
    let big = big.to_str().unwrap();
    let commands: [&[&str]; 6] = [
        &["stats"],
        &["list"],
        &["--data", big, "stats"],
        &["--data", big, "list"],
        &["--data", big, "list", "--json"],
        &["--data", big, "search", "city", "--limit", "4000"],
    ];
    for args in commands {
        let (status, stderr) = read_a_little(args);
        assert!(
            !stderr.contains("panicked"),
            "learncity {}: {stderr}",
            args.join(" ")
        );
        assert!(
            status.success(),
            "learncity {}: {status}\n{stderr}",
            args.join(" ")
        );
    }
}

// ---------------------------------------------------------------- layout (issue 8)

/// Runs `args` piped with `COLUMNS=width`.
fn at_width(width: usize, args: &[&str]) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = command(args)
        .env("COLUMNS", width.to_string())
        .output()
        .expect("cannot run learncity");
    Run {
        args: format!("COLUMNS={width} {}", args.join(" ")),
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        bytes: stdout,
    }
}

/// What every text command prints, for the layout checks.
const TEXT_COMMANDS: &[&[&str]] = &[
    &["list"],
    &["show", "ankara"],
    &["show", "balikesir"],
    &["show", "konya"],
    &["show", "ankara-belmek-2025"],
    &["show", "balikesir-ogrenen-sehir"],
    &["stats"],
    &["search", "balikesir"],
    &["search", "ogrenen", "sehir"],
    &["search", "kadin"],
    &["validate"],
    &["validate", "tests/fixtures/valid/minimal.json"],
];

/// Words that are units: a number must never end a line with its unit on
/// the next.
const UNITS: &[&str] = &[
    "word",
    "words",
    "min",
    "women",
    "city",
    "cities",
    "report",
    "reports",
    "figure",
    "figures",
    "country",
    "countries",
    "hit",
    "hits",
    "centres",
    "branches",
    "capitals",
];

/// A line that may be wider than the output: one web address or one id,
/// which are never cut (they must stay whole to be copied or used).
fn unbreakable(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.contains(' ') && (t.starts_with("http") || t.contains('-'))
}

#[test]
fn every_line_of_every_command_fits_the_width_in_columns() {
    for &width in &[20, 24, 30, 40, 60, 80, 100, 132, 200] {
        for args in TEXT_COMMANDS {
            let r = at_width(width, args);
            assert_eq!(r.code, Some(0), "{}", r.context());
            let lines: Vec<&str> = r.stdout.lines().collect();
            for line in &lines {
                assert!(
                    UnicodeWidthStr::width(*line) <= width || unbreakable(line),
                    "{} columns: {line:?}\n{}",
                    UnicodeWidthStr::width(*line),
                    r.context()
                );
            }
            for pair in lines.windows(2) {
                let ends_in_number = pair[0].rsplit(' ').next().is_some_and(|w| {
                    !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '\u{a0}')
                });
                let unit_next = pair[1]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| UNITS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())));
                assert!(
                    !(ends_in_number && unit_next),
                    "a number parted from its unit:\n{}\n{}\n{}",
                    pair[0],
                    pair[1],
                    r.context()
                );
            }
        }
    }
}

#[test]
fn piped_output_is_80_columns_without_columns_and_uses_them() {
    let r = ok(&["show", "ankara-belmek-2025"]);
    let widest = r
        .stdout
        .lines()
        .map(UnicodeWidthStr::width)
        .filter(|&w| w < 200)
        .max()
        .unwrap();
    assert!(
        (70..=80).contains(&widest),
        "widest line {widest}\n{}",
        r.context()
    );
    let r = at_width(120, &["show", "ankara-belmek-2025"]);
    let widest = r
        .stdout
        .lines()
        .map(UnicodeWidthStr::width)
        .filter(|&w| w < 200)
        .max()
        .unwrap();
    assert!(widest > 100, "COLUMNS=120 gave lines of at most {widest}");
}

/// A corpus with a long country name and reports whose ids differ in length.
fn wide_corpus(dir: &Path) -> String {
    let path = dir.join("wide.json");
    std::fs::write(
        &path,
        r#"{"schema": 1, "cities": [
            {"id": "london", "name": "London", "country": "United Kingdom of Great Britain and Northern Ireland"},
            {"id": "cork", "name": "Cork", "country": "Ireland"}],
          "articles": [
            {"id": "cork-a", "city": "cork", "title": "A short one", "body": [{"kind": "paragraph", "text": "Text."}]},
            {"id": "cork-learning-festival-2024", "city": "cork", "title": "Cork's Lifelong Learning Festival brings the whole city together again", "body": [{"kind": "paragraph", "text": "Text."}]}]}"#,
    )
    .unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn list_columns_take_their_content_width_when_there_is_room() {
    let dir = tempfile::tempdir().unwrap();
    let data = wide_corpus(dir.path());
    let wide = at_width(200, &["--data", &data, "list"]);
    assert!(
        wide.stdout
            .contains("United Kingdom of Great Britain and Northern Ireland"),
        "{}",
        wide.context()
    );
    let narrow = at_width(60, &["--data", &data, "list"]);
    assert!(
        narrow.stdout.contains("United Kingdom"),
        "{}",
        narrow.context()
    );
    assert!(!narrow.stdout.contains('…'), "{}", narrow.context());
    assert!(narrow
        .stdout
        .lines()
        .all(|l| UnicodeWidthStr::width(l) <= 60));
}

/// Issue 8 audit: at 80 columns (piped without COLUMNS) the longest id, 36
/// columns, took its room from every other column: "Afyonka…", "Mongol…",
/// every status "confi…" or "one s…". Ids stay whole, names and countries
/// wrap in their columns, statuses are whole, and nothing is cut.
#[test]
fn list_at_80_columns_cuts_no_cell() {
    let cities = json(&["list", "--json"]);
    let cities = cities.as_array().unwrap();
    let r = ok(&["list"]);
    assert!(!r.stdout.contains('…'), "{}", r.context());
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines[0].starts_with("ID "), "a table\n{}", r.context());
    assert!(
        lines.len() < cities.len() * 3 / 2,
        "a table, not records of three lines a city\n{}",
        r.context()
    );
    for line in &lines {
        assert!(
            UnicodeWidthStr::width(*line) <= 80 || unbreakable(line),
            "{line:?}\n{}",
            r.context()
        );
    }
    for c in cities {
        let id = c["id"].as_str().unwrap();
        assert!(
            lines.iter().any(|l| l.split(' ').next() == Some(id)),
            "{id} whole at the start of a line\n{}",
            r.context()
        );
    }
    // Whole words, if on two lines ("sources" over "disagree").
    for (status, words) in [("confirmed", "confirmed"), ("disputed", "disagree")] {
        let n = cities.iter().filter(|c| c["status"] == status).count();
        assert!(n > 0);
        assert_eq!(r.stdout.matches(words).count(), n, "{}", r.context());
    }
    let afyon = lines
        .iter()
        .find(|l| l.starts_with("afyonkarahisar "))
        .unwrap();
    assert!(afyon.contains(" Afyonkarahisar "), "{afyon}");
}

/// Words of `s`, joined by single spaces: text as read, whatever its
/// wrapping.
fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Issue 8 audit: at 40 columns `stats` cut the network's name ("UNESCO
/// Global Network of Learning Citie…") and its bar labels, and `search`
/// the reports' titles ("…Ankara'y…") and the cities' details. Text wraps,
/// a title under its own column; only a hit's snippet, an excerpt of the
/// text, shows with `…` that the text goes on (the README says so).
#[test]
fn narrow_stats_and_search_wrap_what_they_used_to_cut() {
    let stats = json(&["stats", "--json"]);
    let hits = json(&["search", "unesco", "--json"]);
    for width in [24, 30, 40, 60] {
        let r = at_width(width, &["stats"]);
        assert!(!r.stdout.contains('…'), "{}", r.context());
        // A bar and its count stand between a label's wrapped lines.
        let mut tokens = r.stdout.split_whitespace().peekable();
        let mut kept = Vec::new();
        while let Some(t) = tokens.next() {
            if t.chars().all(|c| c == '█') {
                tokens.next_if(|n| n.chars().all(|c| c.is_ascii_digit() || c == ','));
            } else {
                kept.push(t);
            }
        }
        let text = kept.join(" ");
        for key in ["network", "title"] {
            let name = stats[key].as_str().unwrap();
            assert!(text.contains(name), "{name}\n{}", r.context());
        }
        for region in [
            "Europe and North America",
            "Latin America and the Caribbean",
        ] {
            assert!(text.contains(region), "{region}\n{}", r.context());
        }

        let r = at_width(width, &["search", "unesco"]);
        let text = words(&r.stdout);
        for hit in hits.as_array().unwrap() {
            let title = hit["title"].as_str().unwrap();
            assert!(text.contains(title), "{title}\n{}", r.context());
        }
        // Each hit: its number, then lines under it; only its last line,
        // the snippet, may show `…`.
        let lines: Vec<&str> = r.stdout.lines().collect();
        let starts: Vec<usize> = (0..lines.len())
            .filter(|&i| {
                lines[i]
                    .trim_start()
                    .split_once(". ")
                    .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
            })
            .collect();
        assert_eq!(
            starts.len(),
            hits.as_array().unwrap().len(),
            "{}",
            r.context()
        );
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(lines.len());
            for line in &lines[start..end - 1] {
                assert!(!line.contains('…'), "{line:?} cut\n{}", r.context());
            }
            for line in &lines[start + 1..end] {
                assert!(
                    line.starts_with("    "),
                    "{line:?} under its column\n{}",
                    r.context()
                );
            }
        }
    }
    let r = at_width(40, &["search", "unesco"]);
    let text = words(&r.stdout);
    assert!(
        text.contains("city batumi · Georgia, joined 2022, 0 reports"),
        "{}",
        r.context()
    );
}

#[test]
fn show_city_lists_report_ids_in_one_column() {
    let dir = tempfile::tempdir().unwrap();
    let data = wide_corpus(dir.path());
    let r = at_width(80, &["--data", &data, "show", "cork"]);
    let title_col = |needle: &str| {
        let line = r.stdout.lines().find(|l| l.contains(needle)).unwrap();
        UnicodeWidthStr::width(&line[..line.find(needle).unwrap()])
    };
    assert_eq!(
        title_col("A short one"),
        title_col("Cork's Lifelong"),
        "{}",
        r.context()
    );
    // The long title wraps under its own column.
    let lines: Vec<&str> = r.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Cork's Lifelong"))
        .unwrap();
    let col = title_col("Cork's Lifelong");
    assert!(
        lines[at + 1].starts_with(&" ".repeat(col)),
        "{}",
        r.context()
    );
    assert!(lines[at + 1].trim_start().starts_with(char::is_alphabetic));
}

#[test]
fn stats_lists_the_cities_with_reports_in_the_readers_turkish_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.json");
    let city = |id: &str, name: &str| {
        format!(r#"{{"id": "{id}", "name": "{name}", "country": "Türkiye"}}"#)
    };
    let report = |id: &str, city: &str| {
        format!(
            r#"{{"id": "{id}", "city": "{city}", "title": "T", "body": [{{"kind": "paragraph", "text": "x"}}]}}"#
        )
    };
    std::fs::write(
        &file,
        format!(
            r#"{{"schema": 2, "cities": [{}, {}, {}, {}], "articles": [{}, {}, {}]}}"#,
            city("izmir", "İzmir"),
            city("igdir", "Iğdır"),
            city("hatay", "Hatay"),
            city("corum", "Çorum"),
            report("a", "izmir"),
            report("b", "igdir"),
            report("c", "hatay"),
        ),
    )
    .unwrap();
    let r = ok(&["--data", file.to_str().unwrap(), "stats"]);
    let cities = &r.stdout[r.stdout.find("\nCities with reports\n").unwrap()..];
    let at: Vec<usize> = ["Hatay", "Iğdır", "İzmir"]
        .iter()
        .map(|c| cities.find(&format!("  {c} (")).unwrap())
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{cities}");
    assert!(!cities.contains("Çorum"), "no report, not listed: {cities}");
}

#[test]
fn stats_timeline_text_wraps_under_its_own_column() {
    let r = at_width(80, &["stats"]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim_start().starts_with("2024-02"))
        .unwrap();
    let event_col = UnicodeWidthStr::width(&lines[at][..lines[at].find("64 new").unwrap()]);
    let indent = lines[at + 1].len() - lines[at + 1].trim_start().len();
    assert!(
        indent == event_col,
        "the event's second line starts under its column:\n{}\n{}",
        lines[at],
        lines[at + 1]
    );
}

#[test]
fn figures_say_more_than_before_the_number_and_years_have_no_unit() {
    for args in [&["show", "ankara-belmek-2025"][..], &["stats"]] {
        let r = at_width(200, args);
        let out = squash(&r.stdout);
        assert!(
            out.contains("more than 20 centres — BELMEK centres"),
            "{}",
            r.context()
        );
        assert!(!out.contains("(more than)"), "{}", r.context());
        assert!(!out.contains("2013 year"), "{}", r.context());
        assert!(out.contains("2013 — Year the UNESCO"), "{}", r.context());
    }
}

#[test]
fn numbers_are_grouped_from_one_thousand_and_bound_to_their_unit() {
    let r = ok(&["stats"]);
    assert!(r.stdout.contains("36,756\u{a0}women"), "{}", r.context());
    assert!(r.stdout.contains("2,100\u{a0}women"), "{}", r.context());
    assert!(!r.stdout.contains("2100"), "{}", r.context());
    let r = ok(&["show", "ankara-belmek-2025"]);
    assert!(r.stdout.contains("328\u{a0}words"), "{}", r.context());
    assert!(r.stdout.contains("2\u{a0}min"), "{}", r.context());
    // Turkish: its own grouping, words and order.
    let r = ok(&["--lang", "tr", "stats"]);
    assert!(r.stdout.contains("36.756\u{a0}kadın"), "{}", r.context());
    assert!(
        r.stdout.contains("20'den\u{a0}fazla\u{a0}merkez"),
        "{}",
        r.context()
    );
    let r = ok(&["--lang", "tr", "show", "ankara-belmek-2025"]);
    assert!(r.stdout.contains("328\u{a0}sözcük"), "{}", r.context());
}

#[test]
fn json_flags_are_explained_in_help() {
    for cmd in ["list", "show", "search", "stats"] {
        let r = ok(&[cmd, "--help"]);
        let line = r
            .stdout
            .lines()
            .find(|l| l.trim_start().starts_with("--json"))
            .unwrap_or_else(|| panic!("no --json in {cmd} --help"));
        assert!(
            line.trim_start().trim_start_matches("--json").trim().len() > 10,
            "{cmd} --help: --json has no text: {line:?}"
        );
    }
}

/// The README promises these: a test keeps them true.
#[test]
fn no_pager_is_a_global_flag_and_piped_output_never_pages() {
    // Piped, a pager that would fail is never started.
    let r = command(&["show", "ankara-belmek-2025"])
        .env("PAGER", "false")
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&r.stdout).contains("BELMEK"));
    ok(&["--no-pager", "list"]);
    ok(&["list", "--no-pager"]);
}

/// Issue 8, item 8: piped, every source URL is printed whole on one line,
/// however narrow the output.
#[test]
fn urls_are_printed_whole_at_every_width() {
    let corpus = corpus();
    let mut urls: Vec<(String, String)> = Vec::new();
    for c in items(&corpus, "cities") {
        for s in c["sources"].as_array().into_iter().flatten() {
            if let Some(u) = s["url"].as_str() {
                urls.push((string(c, "id").to_owned(), u.to_owned()));
            }
        }
    }
    for a in items(&corpus, "articles") {
        if let Some(u) = a["source"]["url"].as_str() {
            urls.push((string(a, "id").to_owned(), u.to_owned()));
        }
    }
    assert!(urls.len() > 5);
    for width in [20, 40, 80] {
        for (id, url) in &urls {
            let r = at_width(width, &["show", id]);
            assert!(
                r.stdout.lines().any(|l| l.trim() == url),
                "{url} is not on a line of its own, whole\n{}",
                r.context()
            );
        }
    }
}

// ---------------------------------------------------------------- directory

/// `data/gnlc/cities.tsv` as rows of (column, value) maps.
fn directory() -> Vec<std::collections::BTreeMap<String, String>> {
    let text = std::fs::read_to_string(root().join("data/gnlc/cities.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t'))
                .map(|(k, v)| (k.to_string(), v.trim().to_string()))
                .collect()
        })
        .collect()
}

/// The cities whose facts come from facts.md (data/curated.json): their
/// year, country, notes and sources may differ from the directory's.
fn curated_ids() -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("data/curated.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    items(&v, "cities")
        .iter()
        .map(|c| string(c, "id").to_owned())
        .collect()
}

#[test]
fn list_json_has_every_directory_city_with_its_fields() {
    let list = json(&["list", "--json"]);
    let rows = list.as_array().unwrap();
    let dir = directory();
    assert_eq!(dir.len(), 320);
    assert_eq!(rows.len(), dir.len());
    let curated = curated_ids();
    let or_null = |s: &str| {
        if s.is_empty() {
            Value::Null
        } else {
            Value::String(s.to_owned())
        }
    };
    for d in &dir {
        let id = d["id"].as_str();
        let row = rows
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id} is not listed"));
        assert_eq!(row["name_local"], or_null(&d["name_local"]), "{id}");
        assert_eq!(row["region"], or_null(&d["region"]), "{id}");
        assert_eq!(row["status"], or_null(&d["status"]), "{id}");
        let urls: Vec<&str> = row["sources"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["url"].as_str())
            .collect();
        for u in d["sources"].split_whitespace() {
            let bare = |s: &str| s.replace("://www.", "://").replace("https:", "http:");
            assert!(
                urls.iter().any(|have| bare(have) == bare(u)),
                "{id}: {u} not in {urls:?}"
            );
        }
        if !curated.contains(id) {
            assert_eq!(row["name"], d["name"].as_str(), "{id}");
            assert_eq!(row["country"], or_null(&d["country"]), "{id}");
            assert_eq!(row["notes"], or_null(&d["note"]), "{id}");
            let joined: Value = d["joined"].parse::<i64>().map_or(Value::Null, Value::from);
            assert_eq!(row["joined"], joined, "{id}");
            assert_eq!(urls.len(), d["sources"].split_whitespace().count(), "{id}");
        }
    }
}

#[test]
fn list_by_region_is_exactly_the_rows_of_that_region() {
    let all = json(&["list", "--json"]);
    for (flag, region) in [
        ("Africa", "Africa"),
        ("africa", "Africa"),
        ("arab", "Arab States"),
        (
            "Latin America and the Caribbean",
            "Latin America and the Caribbean",
        ),
    ] {
        let got = json(&["list", "--region", flag, "--json"]);
        let want: Vec<&Value> = all
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["region"] == region)
            .collect();
        let got: Vec<&Value> = got.as_array().unwrap().iter().collect();
        assert_eq!(got, want, "--region {flag}");
        let in_tsv = directory().iter().filter(|d| d["region"] == region).count();
        assert_eq!(got.len(), in_tsv, "--region {flag}");
    }
}

#[test]
fn list_filters_combine_and_say_how_many_of_all() {
    let ids = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["list"];
        a.extend_from_slice(args);
        a.push("--json");
        json(&a)
            .as_array()
            .unwrap()
            .iter()
            .map(|r| string(r, "id").to_owned())
            .collect()
    };
    assert_eq!(ids(&["--has-reports"]), ["ankara", "balikesir"]);
    assert_eq!(
        ids(&["--country", "turkiye", "--joined", "2020", "--sort", "name"]),
        ["afyonkarahisar", "balikesir", "izmir"]
    );
    assert_eq!(ids(&["--status", "disputed"]).len(), 8);
    assert_eq!(ids(&["--region", "africa,arab"]).len(), 36 + 53);
    assert_eq!(
        ids(&["--region", "africa", "--region", "arab"]).len(),
        36 + 53
    );
    let old = ids(&["--joined", "<2016"]);
    assert_eq!(old.len(), 3);
    let newest = ids(&["--country", "turkiye", "--sort", "newest"]);
    assert_eq!(newest[0], "ankara");
    assert_eq!(&newest[newest.len() - 2..], ["hatay", "konya"]);
    let text = ok(&["list", "--region", "africa", "--joined", "<2020"])
        .stdout
        .replace('\u{a0}', " ");
    assert!(
        text.trim_end()
            .ends_with("4 of 320 cities (region:africa joined:<2020)"),
        "{text}"
    );
}

#[test]
fn list_filters_that_name_nothing_are_errors_and_no_match_exits_1() {
    let r = fails(&["list", "--region", "atlantis"]);
    assert!(
        r.stderr
            .contains("no region matches \"atlantis\"; the regions are \"Africa\""),
        "{}",
        r.context()
    );
    let r = fails(&["list", "--country", "portugl"]);
    assert!(
        r.stderr.contains("did you mean \"Portugal\"?"),
        "{}",
        r.context()
    );
    let r = fails(&["list", "--joined", "soon"]);
    assert!(
        r.stderr.contains("joined: \"soon\" is not a year"),
        "{}",
        r.context()
    );
    let r = fails(&["list", "--status", "sure"]);
    assert!(
        r.stderr.contains("confirmed, single-source or disputed"),
        "{}",
        r.context()
    );
    let r = run(&["list", "--country", "turkiye", "--status", "disputed"]);
    assert_eq!(r.code, Some(1), "{}", r.context());
    assert!(r.stdout.is_empty());
    assert_eq!(
        r.stderr,
        "no city matches country:turkiye status:disputed\n"
    );
    let r = run(&[
        "list",
        "--country",
        "turkiye",
        "--status",
        "disputed",
        "--json",
    ]);
    assert_eq!((r.code, r.stdout.as_str()), (Some(1), "[]\n"));
}

#[test]
fn show_a_directory_city_says_its_status_place_and_sources() {
    let out = ok(&["show", "laayoune"]).stdout;
    for want in [
        "Laâyoune — Morocco",
        "Local name: العيون",
        "Region: Arab States",
        "Joined the UNESCO Global Network of Learning Cities: unknown",
        "Status: sources disagree:",
        "GeoNames",
        "https://maroc-diplomatique.net/lunesco-corrigendum/",
    ] {
        assert!(out.contains(want), "{want:?} in\n{out}");
    }
}

#[test]
fn version_names_the_corpus_and_credits_geonames() {
    for flag in ["--version", "-V"] {
        let out = ok(&[flag]).stdout.replace('\u{a0}', " ");
        assert!(out.starts_with("learncity "), "{out}");
        assert!(
            out.contains("320 cities (292 on the map), 2 reports"),
            "{out}"
        );
        assert!(out.contains("GeoNames (geonames.org), CC BY 4.0"), "{out}");
    }
}

/// Issue 10: the search finds a city by its local-script name, and facet
/// words narrow the hits as they do in the reader's search line.
#[test]
fn search_takes_local_names_and_facet_words() {
    let first_id =
        |args: &[&str]| -> String { json(args)[0]["id"].as_str().unwrap_or_default().to_owned() };
    assert_eq!(first_id(&["search", "أكادير", "--json"]), "agadir");
    assert_eq!(first_id(&["search", "안성시", "--json"]), "anseong");
    let hits = json(&["search", "country:turk", "bal", "--json"]);
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    let list = json(&["list", "--country", "turk", "--json"]);
    let turkish: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    for h in hits {
        let city = h["city"].as_str().unwrap();
        assert!(turkish.contains(&city), "{h}");
    }
    // The same words without the facet find cities elsewhere too.
    let all = json(&["search", "bal", "--json"]);
    assert!(all.as_array().unwrap().len() > hits.len());

    let r = run(&["search", "--", "-country:türkiye", "ankara"]);
    assert_eq!(r.code, Some(1), "{}", r.context());
    let r = fails(&["search", "region:africa"]);
    assert!(r.stderr.contains("learncity list"), "{}", r.context());
    let r = fails(&["search", "region:atlantis", "bal"]);
    assert!(r.stderr.contains("atlantis"), "{}", r.context());
}

/// Issue 10, item 6: a city is found by its country's and its region's
/// words as well as by its names.
#[test]
fn search_finds_cities_by_country_and_region_words() {
    let ids = |v: Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let nigeria = ids(json(&["list", "--country", "nigeria", "--json"]));
    let mut hits = ids(json(&["search", "nigeria", "--json", "--limit", "100"]));
    hits.sort();
    let mut want = nigeria.clone();
    want.sort();
    assert_eq!(hits, want);
    let latin = ids(json(&["list", "--region", "latin", "--json"]));
    let hits = ids(json(&[
        "search", "latin", "america", "--json", "--limit", "400",
    ]));
    for id in &latin {
        assert!(hits.contains(id), "{id} is in Latin America but not found");
    }
}
