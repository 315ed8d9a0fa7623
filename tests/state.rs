//! What the reader keeps between sessions (issue 12), end to end: marks
//! survive a restart, two processes saving at once lose nothing, a kill in
//! the middle of a save leaves a whole file, a broken file is moved aside
//! and said, a state directory that cannot be written is said once, modes
//! are private, and `--no-state` and the CLI write nothing.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::pty::{scratch_home, Session, QUIET, TIMEOUT};
use common::reader::{quit, start_wide};
use common::screen::must;
use learncity::state::model::{ReportMarks, Stamped};
use learncity::state::{Saved, Store};

/// The bundled corpus's state directory under `state_home`.
fn corpus_dir(state_home: &Path) -> PathBuf {
    let key = learncity::state::corpus_key(&learncity::corpus::bundled());
    state_home.join("learncity").join(key)
}

/// The reader at 160×45 keeping its state under `state_home`, saving after
/// 100 ms of quiet, with `extra` variables (which may override that).
/// `ready`: once its first screen is drawn and settled (not when a notice
/// takes the footer's place).
fn launch(state_home: &Path, args: &[&str], extra: &[(&str, &str)], ready: bool) -> Session {
    let home = state_home.display().to_string();
    let mut env = vec![
        ("XDG_STATE_HOME", home.as_str()),
        ("LEARNCITY_TEST_SAVE_AFTER_MS", "100"),
    ];
    env.extend_from_slice(extra);
    if ready {
        start_wide(args, &env)
    } else {
        Session::spawn(args, common::reader::W, common::reader::H, &env)
    }
}

fn start(state_home: &Path, args: &[&str]) -> Session {
    launch(state_home, args, &[], true)
}

fn saved(state_home: &Path) -> Saved {
    let text = fs::read_to_string(corpus_dir(state_home).join("state.json")).expect("a state file");
    serde_json::from_str(&text).expect("a whole state file")
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            }
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn marks_and_places_survive_a_restart_in_private_files() {
    let home = scratch_home().join("state");
    let mut s = start(&home, &[]);
    // The first report (Ankara's) is selected: bookmark it; open the other
    // (Balıkesir's) and read it to its end.
    assert!(
        s.screen().contains("└ ● BELMEK"),
        "{}",
        s.describe("unread")
    );
    s.send("B");
    must(s.wait_for(|t| t.contains("└ ★ BELMEK"), TIMEOUT));
    let bal = s
        .find_text("└ ● Balıkesir")
        .expect("the Balıkesir report")
        .0;
    let belmek = s.find_text("└ ★ BELMEK").expect("the Ankara report").0;
    for _ in belmek..bal {
        s.send("j");
    }
    s.send("\r");
    must(s.wait_for(|t| t.contains("▶ Viewer · report"), TIMEOUT));
    s.send("G");
    must(s.wait_for(|t| t.contains("└   Balıkesir"), TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    quit(&mut s);

    let dir = corpus_dir(&home);
    assert_eq!(mode(&home.join("learncity")), 0o700);
    assert_eq!(mode(&dir), 0o700);
    for f in files_under(&dir) {
        assert_eq!(mode(&f), 0o600, "{}", f.display());
    }

    // Back where it was left: the viewer on the Balıkesir report's end,
    // the Ankara report still bookmarked, the Balıkesir one read.
    let mut s = start(&home, &[]);
    let screen = s.screen();
    assert!(
        screen.contains("└ ★ BELMEK"),
        "{}",
        s.describe("bookmark kept")
    );
    assert!(
        screen.contains("└   Balıkesir"),
        "{}",
        s.describe("read kept")
    );
    assert!(
        screen.contains("▶ Viewer · report"),
        "{}",
        s.describe("pane kept")
    );
    assert!(screen.contains(" · end"), "{}", s.describe("place kept"));
    // u makes it unread again, and that sticks too.
    s.send("u");
    must(s.wait_for(|t| t.contains("└ ● Balıkesir"), TIMEOUT));
    quit(&mut s);
    let state = saved(&home);
    let bal = state
        .reports
        .iter()
        .find(|(id, _)| id.contains("balikesir"))
        .expect("the Balıkesir report's marks");
    assert!(!bal.1.is_read(), "{state:?}");
}

#[test]
fn has_bookmark_lists_the_bookmarked_reports() {
    let home = scratch_home().join("state");
    let mut s = start(&home, &[]);
    s.send("B");
    must(s.wait_for(|t| t.contains("└ ★ BELMEK"), TIMEOUT));
    s.send("/has:bookmark\r");
    must(s.wait_for(
        |t| t.contains("Filter: has:bookmark") && t.contains("Cities · by name · 1/1"),
        TIMEOUT,
    ));
    let screen = s.screen();
    assert!(
        screen.contains("▾ Ankara"),
        "{}",
        s.describe("Ankara listed")
    );
    assert!(
        !screen.contains("Balıkesir  "),
        "{}",
        s.describe("only Ankara")
    );
    quit(&mut s);
}

#[test]
fn hang_up_and_sigterm_save_before_ending() {
    for sig in ["HUP", "TERM"] {
        let home = scratch_home().join("state");
        // No save after quiet time: the save is the one the signal makes,
        // given time enough on a machine loaded by the rest of the suite
        // (the 200 ms bound is checked by the next test).
        let mut s = launch(
            &home,
            &[],
            &[
                ("LEARNCITY_TEST_SAVE_AFTER_MS", "600000"),
                ("LEARNCITY_TEST_END_GRACE_MS", "5000"),
            ],
            true,
        );
        s.send("B");
        must(s.wait_for(|t| t.contains("└ ★ BELMEK"), TIMEOUT));
        // Not saved on the key itself.
        std::thread::sleep(Duration::from_millis(300));
        assert!(!corpus_dir(&home).join("state.json").exists(), "{sig}");
        s.signal(sig).unwrap();
        let status = s.wait_exit(TIMEOUT).expect("the signal ends it");
        assert!(!status.success(), "{sig}: {status:?}");
        let state = saved(&home);
        assert_eq!(
            state.reports.values().filter(|m| m.is_bookmarked()).count(),
            1,
            "{sig}: {state:?}"
        );
    }
}

/// A save that cannot finish (another reader holds the lock for good)
/// does not keep a hung-up reader alive: it ends, and writes nothing.
#[test]
fn sigterm_ends_the_reader_even_when_the_save_cannot_be_made() {
    let home = scratch_home().join("state");
    let dir = corpus_dir(&home);
    fs::create_dir_all(&dir).unwrap();
    let lock = fs::File::create(dir.join("state.lock")).unwrap();
    rustix::fs::flock(&lock, rustix::fs::FlockOperation::LockExclusive).unwrap();
    let mut s = launch(
        &home,
        &[],
        &[("LEARNCITY_TEST_SAVE_AFTER_MS", "600000")],
        true,
    );
    s.send("B");
    must(s.wait_for(|t| t.contains("└ ★ BELMEK"), TIMEOUT));
    s.signal("TERM").unwrap();
    let status = s.wait_exit(TIMEOUT).expect("it ends without its save");
    assert!(!status.success(), "{status:?}");
    assert!(!dir.join("state.json").exists());
    drop(lock);
}

#[test]
fn a_broken_state_file_is_moved_aside_and_said() {
    let home = scratch_home().join("state");
    let dir = corpus_dir(&home);
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("state.json"),
        "{\"version\": 1, \"reports\": {\"x\": ",
    )
    .unwrap();
    let mut s = launch(&home, &[], &[], false);
    must(s.wait_for(|t| t.contains("your marks could not be read"), TIMEOUT));
    quit(&mut s);
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let bad: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("state.json.bad-"))
        .collect();
    assert_eq!(bad.len(), 1, "{names:?}");
    assert_eq!(
        fs::read_to_string(dir.join(bad[0])).unwrap(),
        "{\"version\": 1, \"reports\": {\"x\": ",
        "kept as it was"
    );
    // And the reader started afresh and saved a good file.
    assert_eq!(saved(&home).version, 1);
}

/// After the next save (100 ms of quiet, see `launch`), the status line
/// does not say again that marks are not being saved.
fn not_said_again(s: &Session) {
    std::thread::sleep(Duration::from_millis(400));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(
        !s.screen().contains("not being saved"),
        "{}",
        s.describe("once")
    );
}

#[test]
fn a_state_directory_that_cannot_be_written_is_said_once() {
    // A regular file where the state directory should be: no directory can
    // be made under it, for root too (a read-only mode would not stop root).
    let base = scratch_home();
    let blocker = base.join("state");
    fs::write(&blocker, "not a directory").unwrap();
    let mut s = launch(&blocker, &[], &[], false);
    must(s.wait_for(
        |t| t.contains("marks are not being saved: Not a directory"),
        TIMEOUT,
    ));
    s.send("B");
    must(s.wait_for(|t| t.contains("└ ★ BELMEK"), TIMEOUT));
    not_said_again(&s);
    // The next change and save: not said again, and the reader goes on.
    s.send("u");
    must(s.wait_for(|t| t.contains("marked read"), TIMEOUT));
    not_said_again(&s);
    assert!(s.is_running());
    quit(&mut s);
    assert_eq!(fs::read_to_string(&blocker).unwrap(), "not a directory");
}

#[test]
fn no_state_and_the_command_line_write_nothing() {
    for (args, env) in [
        (&["--no-state"][..], None),
        (&[][..], Some(("LEARNCITY_STATE", "off"))),
    ] {
        let home = scratch_home().join("state");
        // A broken state file is there: not read (not moved aside, not said).
        fs::create_dir_all(corpus_dir(&home)).unwrap();
        fs::write(corpus_dir(&home).join("state.json"), "{broken").unwrap();
        let before = files_under(&home);
        let extra: Vec<(&str, &str)> = env.into_iter().collect();
        let mut s = launch(&home, args, &extra, true);
        s.send("B");
        must(s.wait_for(|t| t.contains("└ ★ BELMEK"), TIMEOUT));
        std::thread::sleep(Duration::from_millis(400));
        quit(&mut s);
        assert_eq!(files_under(&home), before);
        assert_eq!(
            fs::read_to_string(corpus_dir(&home).join("state.json")).unwrap(),
            "{broken"
        );
    }
    let home = scratch_home();
    for args in [
        &["list"][..],
        &["search", "ankara"],
        &["show", "ankara"],
        &["stats"],
        &["config"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_learncity"))
            .args(args)
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("HOME", &home)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
    }
    assert!(files_under(&home).is_empty(), "{:?}", files_under(&home));
}

// ---- two processes, and a kill in the middle of a save --------------------

fn bookmark(id: &str, at: u64) -> Saved {
    let mut s = Saved::default();
    s.reports.insert(
        id.into(),
        ReportMarks {
            bookmark: Some(Stamped::new(true, at)),
            ..Default::default()
        },
    );
    s
}

/// Runs one of the `child_*` tests below in a process of its own.
fn child(name: &str, env: &[(&str, &str)]) -> Command {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args([
        "--ignored",
        "--exact",
        name,
        "--nocapture",
        "--test-threads=1",
    ]);
    for (k, v) in env {
        c.env(k, v);
    }
    c
}

const ROUNDS: usize = 200;

/// In a child: saves `ROUNDS` bookmarks of its own, one per save, each
/// merging with what the other process saved meanwhile.
#[test]
#[ignore = "run by two_processes_saving_at_once_lose_no_mark"]
fn child_saves_in_a_loop() {
    let dir = std::env::var("STATE_DIR").expect("STATE_DIR");
    let who = std::env::var("WHO").expect("WHO");
    let store = Store::new(PathBuf::from(dir));
    let mut mine = Saved::default();
    for i in 0..ROUNDS {
        let next = bookmark(&format!("{who}-{i}"), 1 + i as u64);
        mine = store
            .save(&mine.merge(&next), Duration::from_secs(20))
            .expect("a save");
    }
}

#[test]
fn two_processes_saving_at_once_lose_no_mark() {
    let dir = scratch_home().join("corpus");
    let d = dir.display().to_string();
    let mut kids: Vec<_> = ["a", "b"]
        .iter()
        .map(|who| {
            child("child_saves_in_a_loop", &[("STATE_DIR", &d), ("WHO", who)])
                .spawn()
                .unwrap()
        })
        .collect();
    for k in &mut kids {
        assert!(k.wait().unwrap().success());
    }
    let state = Store::new(dir).load();
    assert!(state.notice.is_none());
    for who in ["a", "b"] {
        for i in 0..ROUNDS {
            let id = format!("{who}-{i}");
            assert!(
                state
                    .saved
                    .reports
                    .get(&id)
                    .is_some_and(|m| m.is_bookmarked()),
                "{id} lost"
            );
        }
    }
}

/// In a child: one save, which the test hook holds between writing the
/// new file and renaming it over the old one.
#[test]
#[ignore = "run by a_kill_in_the_middle_of_a_save_leaves_the_old_file_whole"]
fn child_saves_once() {
    let dir = std::env::var("STATE_DIR").expect("STATE_DIR");
    let store = Store::new(PathBuf::from(dir));
    let _ = store.save(&bookmark("new", 2), Duration::from_secs(5));
}

#[test]
fn a_kill_in_the_middle_of_a_save_leaves_the_old_file_whole() {
    let dir = scratch_home().join("corpus");
    let store = Store::new(dir.clone());
    let old = store
        .save(&bookmark("old", 1), Duration::from_secs(5))
        .unwrap();
    let flag = dir.join("paused");
    let (d, f) = (dir.display().to_string(), flag.display().to_string());
    let mut kid = child(
        "child_saves_once",
        &[
            ("STATE_DIR", &d),
            ("LEARNCITY_TEST_PAUSE_BEFORE_RENAME", &f),
        ],
    )
    .spawn()
    .unwrap();
    let until = Instant::now() + TIMEOUT;
    while !flag.exists() {
        assert!(Instant::now() < until, "the save never reached the pause");
        std::thread::sleep(Duration::from_millis(10));
    }
    kid.kill().unwrap(); // SIGKILL
    kid.wait().unwrap();
    let after = store.load();
    assert!(after.notice.is_none(), "{:?}", after.notice);
    assert_eq!(after.saved, old, "the old file, whole");
    // The next save goes through, and leaves no temporary behind.
    store
        .save(&bookmark("later", 3), Duration::from_secs(5))
        .unwrap();
    let loaded = store.load().saved;
    assert!(loaded.reports.contains_key("old") && loaded.reports.contains_key("later"));
    let left: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn config_check_names_each_bad_entry_and_default_prints_a_valid_file() {
    let home = scratch_home();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_learncity"))
            .args(args)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .output()
            .unwrap()
    };
    let default = run(&["config", "--default"]);
    assert!(default.status.success());
    let dir = home.join("config/learncity");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.toml"), &default.stdout).unwrap();
    let ok = run(&["config", "--check"]);
    assert!(ok.status.success(), "{ok:?}");
    fs::write(
        dir.join("config.toml"),
        "mouse = false\n[colours]\nmatch = \"pinky\"\n",
    )
    .unwrap();
    let bad = run(&["config", "--check"]);
    assert_eq!(bad.status.code(), Some(2), "{bad:?}");
    let out = String::from_utf8_lossy(&bad.stdout);
    assert!(
        out.contains("config.toml:3:9: \"pinky\" is not one of the 16"),
        "{out}"
    );
    assert!(
        files_under(&home.join("state")).is_empty(),
        "config writes nothing"
    );
}

/// The reader with `text` as its config file (and a state of its own);
/// `ready` as in `launch`.
fn with_config(text: &str, ready: bool) -> Session {
    let home = scratch_home();
    let dir = home.join("config/learncity");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.toml"), text).unwrap();
    let config = home.join("config").display().to_string();
    launch(
        &home.join("state"),
        &[],
        &[("XDG_CONFIG_HOME", config.as_str())],
        ready,
    )
}

#[test]
fn the_reader_says_where_its_config_is_bad_and_keeps_the_rest() {
    let mut s = with_config(
        "[keys]\ntoggle-bookmark = \"b\"\n[colours]\nmatch = \"pinky\"\n",
        false,
    );
    must(s.wait_for(
        |t| {
            t.lines()
                .last()
                .is_some_and(|l| l.contains("config.toml:4:9: \"pinky\" is not one of the 16"))
        },
        TIMEOUT,
    ));
    // The good entry took: b bookmarks, and the help says so.
    s.send("b");
    must(s.wait_for(|t| t.contains("└ ★ BELMEK"), TIMEOUT));
    s.send("?");
    must(s.wait_for(
        |t| t.contains("b                  bookmark the report"),
        TIMEOUT,
    ));
    s.send("q");
    quit(&mut s);
}

/// The footer names the keys of the key map in use: a key rebound in the
/// config file is the key the footer shows.
#[test]
fn the_footer_names_the_keys_the_config_file_binds() {
    let mut s = with_config("[keys]\nquit = \"x\"\nhelp = \"f2\"\n", false);
    let footer = |t: &str| {
        t.lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .to_owned()
    };
    must(s.wait_for(|t| footer(t).contains(" x quit"), TIMEOUT));
    let shown = footer(&s.screen());
    assert!(shown.contains(" F2 help"), "{shown}");
    assert!(
        !shown.contains(" q quit") && !shown.contains(" ? help"),
        "{shown}"
    );
    s.send("x");
    let status = s.wait_exit(TIMEOUT).expect("x quits");
    assert!(status.success(), "{status:?}");
}

#[test]
fn the_config_file_turns_the_mouse_and_links_off() {
    let mut s = with_config("mouse = false\nhyperlinks = false\n", true);
    // Abuja's card shows a web address: written plain, not as a link.
    s.send("g");
    must(s.wait_for(
        |t| t.contains("https://nationalinsightnews.com/?p=4942"),
        TIMEOUT,
    ));
    must(s.wait_stable(QUIET, TIMEOUT));
    quit(&mut s);
    let b = s.bytes_written();
    let has = |needle: &[u8]| b.windows(needle.len()).any(|w| w == needle);
    assert!(
        !has(b"\x1b[?1000") && !has(b"\x1b[?1006"),
        "mouse modes written"
    );
    assert!(!has(b"\x1b]8;"), "a link was written");
}
