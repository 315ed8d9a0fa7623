//! What a user or an administrator installing learncity meets: where the
//! corpus comes from (`--which`, `$LEARNCITY_DATA`, the data directories),
//! the shell completions, the manual page and `--version`.
//!
//! The shells and groff are used when they are installed; a test that needs
//! a missing one says so on stderr and passes (`.ci/run` installs them).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_learncity"))
}

/// A scratch place with a data directory, a system directory and a home,
/// all empty at first.
struct Place {
    root: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        Place {
            root: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.path().join(rel)
    }

    /// `$XDG_DATA_HOME/learncity/corpus.json`
    fn user_file(&self) -> PathBuf {
        self.path("data/learncity/corpus.json")
    }

    /// What stands for `/usr/share/learncity/corpus.json`.
    fn system_file(&self) -> PathBuf {
        self.path("system/corpus.json")
    }

    /// Writes a one-city corpus whose city's id is `id`.
    fn corpus(&self, file: &Path, id: &str) {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let json = format!(
            r#"{{"schema": 1, "title": "Corpus {id}", "cities": [{{"id": "{id}", "name": "City {id}", "country": "Y"}}], "articles": []}}"#
        );
        std::fs::write(file, json).unwrap();
    }

    /// `learncity ARGS` with this place's directories, in English.
    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(bin());
        cmd.args(args)
            .current_dir(self.root.path())
            .env_remove("LEARNCITY_DATA")
            .env_remove("NO_COLOR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("LEARNCITY_TEST_SYSTEM_DATA", self.path("system"))
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = self.command(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        Run::of(cmd.output().expect("run learncity"))
    }

    /// The ids `learncity list --json` prints.
    fn ids(&self, env: &[(&str, &str)]) -> Vec<String> {
        let r = self.run(&["list", "--json"], env);
        assert_eq!(r.code, Some(0), "{r:?}");
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    }
}

#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn of(out: Output) -> Run {
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

// ------------------------------------------------------------ the lookup

#[test]
fn the_corpus_comes_from_the_first_place_that_has_one() {
    let p = Place::new();
    let env_file = p.path("env.json");
    let flag_file = p.path("flag.json");
    for (file, id) in [
        (&flag_file, "from-flag"),
        (&env_file, "from-env"),
        (&p.user_file(), "from-user"),
        (&p.system_file(), "from-system"),
    ] {
        p.corpus(file, id);
    }
    let env = [("LEARNCITY_DATA", env_file.to_str().unwrap())];
    let flag = flag_file.to_str().unwrap();

    let r = p.run(&["--data", flag, "list", "--json"], &env);
    assert!(r.stdout.contains("from-flag"), "{r:?}");
    assert_eq!(p.ids(&env), ["from-env"]);
    assert_eq!(p.ids(&[]), ["from-user"]);
    std::fs::remove_file(p.user_file()).unwrap();
    assert_eq!(p.ids(&[]), ["from-system"]);
    std::fs::remove_file(p.system_file()).unwrap();
    assert_eq!(p.ids(&[]).len(), 320, "the bundled corpus");
}

#[test]
fn which_says_which_corpus_and_why() {
    let p = Place::new();
    let which = |env: &[(&str, &str)]| {
        let r = p.run(&["--which"], env);
        assert_eq!(r.code, Some(0), "{r:?}");
        assert!(r.stderr.is_empty(), "{r:?}");
        r.stdout
    };
    let user = p.user_file().display().to_string();
    let system = p.system_file().display().to_string();

    let out = which(&[]);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("bundled corpus (no --data, $LEARNCITY_DATA unset, "));
    assert!(first.contains(&format!("no {user}")), "{out}");
    assert!(first.contains(&format!("no {system}")), "{out}");
    // Every place, in order.
    let at = |needle: &str| {
        out.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in\n{out}"))
    };
    assert!(at("1. --data FILE: not given") < at("2. $LEARNCITY_DATA: unset"));
    assert!(
        at("2. $LEARNCITY_DATA")
            < at(&format!(
                "3. {user} ($XDG_DATA_HOME/learncity/corpus.json): no such file"
            ))
    );
    assert!(at("3. ") < at(&format!("4. {system}: no such file")));
    assert!(at("4. ") < at("5. the bundled corpus: used"));
    // With a command, --which would drop it without a word: refused.
    let r = p.run(&["--which", "list"], &[]);
    assert_eq!(r.code, Some(2), "{r:?}");
    assert!(r.stderr.contains("--which takes no command"), "{r:?}");
    assert!(r.stdout.is_empty(), "{r:?}");

    p.corpus(&p.system_file(), "s");
    let out = which(&[]);
    assert!(
        out.starts_with(&format!("{system} (the system-wide corpus)\n")),
        "{out}"
    );
    assert!(
        out.contains("5. the bundled corpus: not looked at"),
        "{out}"
    );

    p.corpus(&p.user_file(), "u");
    let out = which(&[]);
    assert!(
        out.starts_with(&format!(
            "{user} (from $XDG_DATA_HOME/learncity/corpus.json)\n"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("4. {system}: not looked at")),
        "{out}"
    );

    let env_file = p.path("mine.json");
    p.corpus(&env_file, "e");
    let env = env_file.display().to_string();
    let out = which(&[("LEARNCITY_DATA", &env)]);
    assert!(
        out.starts_with(&format!("{env} (from $LEARNCITY_DATA)\n")),
        "{out}"
    );
    let out = p.run(
        &["--data", "x.json", "--which"],
        &[("LEARNCITY_DATA", &env)],
    );
    assert!(out.stdout.starts_with("x.json (from --data)\n"), "{out:?}");

    // Without XDG_DATA_HOME, the default under the home directory.
    let mut cmd = p.command(&["--which"]);
    cmd.env_remove("XDG_DATA_HOME");
    let out = Run::of(cmd.output().unwrap());
    assert!(
        out.stdout
            .contains("(~/.local/share/learncity/corpus.json): no such file"),
        "{out:?}"
    );

    // In Turkish too.
    let out = p.run(&["--lang", "tr", "--which"], &[]);
    assert!(
        out.stdout
            .contains("(kaynak: $XDG_DATA_HOME/learncity/corpus.json)"),
        "{out:?}"
    );
    assert!(out.stdout.contains("Bakılan yerler, sırasıyla"), "{out:?}");
}

#[test]
fn learncity_data_set_to_a_missing_file_is_an_error_and_empty_is_unset() {
    let p = Place::new();
    p.corpus(&p.user_file(), "from-user");
    for args in [&["list"][..], &["--which"], &["validate"], &["show", "x"]] {
        let r = p.run(args, &[("LEARNCITY_DATA", "/no/such/corpus.json")]);
        assert_eq!(r.code, Some(2), "{args:?}: {r:?}");
        assert!(r.stdout.is_empty(), "{r:?}");
        assert_eq!(
            r.stderr,
            "error: $LEARNCITY_DATA names /no/such/corpus.json, which does not exist \
             (unset it, or name a corpus file)\n"
        );
    }
    // --data decides first.
    let bundled = p.path("b.json");
    std::fs::write(&bundled, learncity::corpus::BUNDLED_JSON).unwrap();
    let r = p.run(
        &["--data", bundled.to_str().unwrap(), "show", "ankara"],
        &[("LEARNCITY_DATA", "/no/such/corpus.json")],
    );
    assert_eq!(r.code, Some(0), "{r:?}");

    assert_eq!(p.ids(&[("LEARNCITY_DATA", "")]), ["from-user"]);
    let r = p.run(&["--which"], &[("LEARNCITY_DATA", "")]);
    assert!(
        r.stdout.contains("2. $LEARNCITY_DATA: empty, so unset"),
        "{r:?}"
    );

    let r = p.run(
        &["--lang", "tr", "list"],
        &[("LEARNCITY_DATA", "/yok.json")],
    );
    assert_eq!(r.code, Some(2), "{r:?}");
    assert!(
        r.stderr
            .contains("$LEARNCITY_DATA /yok.json dosyasını gösteriyor"),
        "{r:?}"
    );
}

#[test]
fn a_broken_corpus_in_a_data_directory_is_an_error_not_a_fall_back() {
    let p = Place::new();
    p.corpus(&p.system_file(), "from-system");
    std::fs::create_dir_all(p.user_file().parent().unwrap()).unwrap();
    std::fs::write(p.user_file(), "{ not json").unwrap();
    let user = p.user_file().display().to_string();
    for args in [
        &["list"][..],
        &["stats"],
        &["search", "city"],
        &["validate"],
    ] {
        let r = p.run(args, &[]);
        assert_eq!(r.code, Some(2), "{args:?}: {r:?}");
        assert!(
            r.stderr
                .starts_with(&format!("error: cannot use {user} as a corpus")),
            "{args:?}: {r:?}"
        );
    }
    // --which still answers, without reading the file.
    let r = p.run(&["--which"], &[]);
    assert_eq!(r.code, Some(0), "{r:?}");
    assert!(r.stdout.starts_with(&user), "{r:?}");

    // A file that is there but unreadable is an error too (root reads
    // everything, so only where the test does not run as root).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        p.corpus(&p.user_file(), "from-user");
        std::fs::set_permissions(p.user_file(), std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(p.user_file()).is_err() {
            let r = p.run(&["list"], &[]);
            assert_eq!(r.code, Some(2), "{r:?}");
            assert!(r.stderr.contains("permission denied"), "{r:?}");
        }
    }
}

#[test]
fn validate_without_a_file_checks_the_corpus_in_effect() {
    let p = Place::new();
    p.corpus(&p.system_file(), "from-system");
    let r = p.run(&["validate"], &[]);
    assert_eq!(r.code, Some(0), "{r:?}");
    let system = p.system_file().display().to_string();
    assert!(
        r.stdout.starts_with(&format!("{system}: valid corpus")),
        "{r:?}"
    );
    std::fs::remove_file(p.system_file()).unwrap();
    let r = p.run(&["validate"], &[]);
    assert!(
        r.stdout.starts_with("corpus.json (bundled): valid corpus"),
        "{r:?}"
    );
}

/// The reader opens the corpus the commands read.
#[test]
fn the_reader_reads_the_corpus_the_lookup_finds() {
    use common::pty::{command, Session};
    let p = Place::new();
    p.corpus(&p.user_file(), "from-user");
    let mut cmd = command(bin().to_str().unwrap(), &[]);
    cmd.env("XDG_DATA_HOME", p.path("data"));
    let mut s = Session::spawn_command(cmd, 100, 30);
    s.wait_for_text("City from-user")
        .unwrap_or_else(|e| panic!("the reader shows the user's corpus: {e}"));
    s.send("q");
    assert!(s.wait_exit(Duration::from_secs(10)).is_some());
}

// ------------------------------------------------------------ completions

fn completions(shell: &str) -> String {
    let r = Place::new().run(&["completions", shell], &[]);
    assert_eq!(r.code, Some(0), "{r:?}");
    assert!(r.stderr.is_empty(), "{r:?}");
    r.stdout
}

/// Whether `tool` runs; says so on stderr when it does not.
fn have(tool: &str) -> bool {
    let ok = Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("{tool} is not installed: that part of the test is skipped");
    }
    ok
}

/// Runs `shell ARGS` with the built learncity first on PATH and the data
/// directories of `p`; its stdout.
fn shell(p: &Place, shell: &str, args: &[&str]) -> String {
    let dir = bin().parent().unwrap().to_path_buf();
    let path = std::env::join_paths(std::iter::once(dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let out = Command::new(shell)
        .args(args)
        .current_dir(p.root.path())
        .env("PATH", path)
        .env_remove("LEARNCITY_DATA")
        .env("HOME", p.path("home"))
        .env("XDG_DATA_HOME", p.path("data"))
        .env("XDG_CONFIG_HOME", p.path("config"))
        .env("LEARNCITY_TEST_SYSTEM_DATA", p.path("system"))
        .stdin(Stdio::null())
        .output()
        .expect("run the shell");
    assert!(
        out.status.success(),
        "{shell} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const COMMANDS: [&str; 8] = [
    "list",
    "show",
    "search",
    "stats",
    "config",
    "validate",
    "completions",
    "man",
];

#[test]
fn every_shell_gets_a_script_with_the_commands() {
    for sh in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = completions(sh);
        for c in COMMANDS {
            assert!(script.contains(c), "{sh}: no {c}");
        }
        assert!(script.contains("--data"), "{sh}");
        // The hidden value the scripts ask for is not offered: the only
        // `__ids` is in the call of the added function.
        let offered = script
            .lines()
            .filter(|l| l.contains("__ids") && !l.contains("completions __ids 2>/dev/null"))
            .collect::<Vec<_>>();
        assert!(offered.is_empty(), "{sh}: {offered:?}");
    }
    let r = Place::new().run(&["completions", "tcsh"], &[]);
    assert_eq!(r.code, Some(2), "{r:?}");
    assert!(r.stderr.contains("bash"), "{r:?}");
    assert!(!r.stderr.contains("__ids"), "{r:?}");
}

#[test]
fn the_scripts_parse() {
    let p = Place::new();
    for sh in ["bash", "zsh", "fish"] {
        if !have(sh) {
            continue;
        }
        let file = p.path(&format!("learncity.{sh}"));
        std::fs::write(&file, completions(sh)).unwrap();
        shell(&p, sh, &["-n", file.to_str().unwrap()]);
    }
}

/// What bash offers for `COMP_WORDS` with the cursor on the last word.
fn bash_complete(p: &Place, script: &Path, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let n = words.len() - 1;
    let prog = format!(
        r#"source '{}'
COMP_WORDS=({})
COMP_CWORD={n}
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
_learncity_complete learncity "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#,
        script.display(),
        quoted.join(" ")
    );
    shell(p, "bash", &["--norc", "-c", &prog])
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_the_ids_of_the_corpus_in_effect() {
    if !have("bash") {
        return;
    }
    let p = Place::new();
    let script = p.path("learncity.bash");
    std::fs::write(&script, completions("bash")).unwrap();

    let got = bash_complete(&p, &script, &["learncity", "show", "ank"]);
    assert_eq!(got, ["ankara", "ankara-belmek-2025"]);
    let got = bash_complete(&p, &script, &["learncity", "show", ""]);
    assert_eq!(got.len(), 322, "every city and report");

    // The corpus in effect when Tab is pressed, not when the script was made.
    p.corpus(&p.user_file(), "from-user");
    assert_eq!(
        bash_complete(&p, &script, &["learncity", "show", ""]),
        ["from-user"]
    );
    // --data on the line, before or after the command.
    let other = p.path("other.json");
    p.corpus(&other, "from-data");
    let o = other.to_str().unwrap();
    for words in [
        &["learncity", "--data", o, "show", "f"][..],
        &["learncity", "show", "--data", o, ""],
        &["learncity", "--data", "=", o, "show", ""],
    ] {
        assert_eq!(
            bash_complete(&p, &script, words),
            ["from-data"],
            "{words:?}"
        );
    }
    // Not the id: flags, the value of --data, a second word, other commands.
    let got = bash_complete(&p, &script, &["learncity", "show", "--j"]);
    assert_eq!(got, ["--json"]);
    let got = bash_complete(&p, &script, &["learncity", "show", "ankara", "--j"]);
    assert_eq!(got, ["--json"]);
    assert!(bash_complete(&p, &script, &["learncity", "show", "ankara", "f"]).is_empty());
    let got = bash_complete(&p, &script, &["learncity", "st"]);
    assert_eq!(got, ["stats"]);
    let got = bash_complete(&p, &script, &["learncity", "show", "--data", "oth"]);
    assert_eq!(got, ["other.json"]);

    // A broken corpus: nothing offered, nothing printed.
    std::fs::write(p.user_file(), "{").unwrap();
    assert!(bash_complete(&p, &script, &["learncity", "show", ""]).is_empty());
}

#[test]
fn zsh_and_fish_complete_the_ids_too() {
    let p = Place::new();
    p.corpus(&p.user_file(), "from-user");
    if have("fish") {
        let script = p.path("learncity.fish");
        std::fs::write(&script, completions("fish")).unwrap();
        let prog = format!(
            "source '{}'; complete -C 'learncity show fr'; echo ---; complete -C 'learncity show from-user --j'",
            script.display()
        );
        let out = shell(&p, "fish", &["--no-config", "-c", &prog]);
        let (ids, flags) = out.split_once("---\n").unwrap();
        assert_eq!(ids.trim(), "from-user", "{out}");
        assert!(flags.starts_with("--json"), "{out}");
    }
    if have("zsh") {
        // The function `_arguments` calls for show's id, with compadd
        // standing in for zsh's completion system.
        let script = p.path("_learncity");
        std::fs::write(&script, completions("zsh")).unwrap();
        let prog = format!(
            r#"compdef() {{ :; }}
source '{}'
compadd() {{ print -l -- "${{@[2,-1]}}"; }}
LBUFFER='learncity show '
_learncity_ids
LBUFFER='learncity --data {} show '
_learncity_ids"#,
            script.display(),
            learncity_root()
                .join("tests/fixtures/valid/minimal.json")
                .display()
        );
        let out = shell(&p, "zsh", &["-f", "-c", &prog]);
        assert_eq!(out, "from-user\nx\n");
    }
}

#[test]
fn the_ids_for_completion_print_nothing_when_there_is_no_corpus() {
    let p = Place::new();
    let r = p.run(
        &["completions", "__ids"],
        &[("LEARNCITY_DATA", "/no/such.json")],
    );
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (Some(0), "", "")
    );
    let bad = p.path("bad.json");
    std::fs::write(&bad, "[]").unwrap();
    let r = p.run(
        &["--data", bad.to_str().unwrap(), "completions", "__ids"],
        &[],
    );
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (Some(0), "", "")
    );
    let r = p.run(&["completions", "__ids"], &[]);
    assert_eq!(r.stdout.lines().count(), 322);
    assert!(r.stdout.lines().any(|l| l == "ankara-belmek-2025"));
}

fn learncity_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

// ------------------------------------------------------------ the man page

fn man_page(lang: &str) -> String {
    let r = Place::new().run(&["--lang", lang, "man"], &[]);
    assert_eq!(r.code, Some(0), "{r:?}");
    assert!(r.stderr.is_empty(), "{r:?}");
    r.stdout
}

/// groff's warnings about `page` (all of them asked for, -ww), and the
/// page as text.
fn groff(page: &str) -> (String, String) {
    use std::io::Write;
    let mut child = Command::new("groff")
        .args(["-k", "-man", "-Tutf8", "-ww", "-P-cbou"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("groff");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    (
        String::from_utf8_lossy(&out.stderr).into_owned(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_man_page_renders_without_warnings_in_both_languages() {
    let en = man_page("en");
    let tr = man_page("tr");
    assert!(en.starts_with(".TH LEARNCITY 1 "), "{en}");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH \"KEYS IN THE READER\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(en.contains(section), "{section}");
    }
    for section in [".SH İSİM", ".SH KULLANIM", ".SH \"ORTAM DEĞİŞKENLERİ\""] {
        assert!(tr.contains(section), "{section}");
    }
    if !have("groff") {
        return;
    }
    for page in [&en, &tr] {
        let (warnings, text) = groff(page);
        assert_eq!(warnings, "", "groff warns");
        // Rendered: escapes gone, the text there.
        assert!(text.contains("learncity"), "{text}");
        assert!(!text.contains("\\f"), "{text}");
    }
    let (_, text) = groff(&en);
    let text = text.replace('\u{2010}', "-");
    for want in [
        "LEARNCITY_DATA",
        "XDG_DATA_HOME",
        "XDG_CONFIG_HOME",
        "XDG_STATE_HOME",
        "XDG_CACHE_HOME",
        "LEARNCITY_CACHE",
        "LC_MESSAGES",
        "NO_COLOR",
        "PAGER",
        "BROWSER",
        "LEARNCITY_MOUSE",
        "LEARNCITY_STATE",
        "/usr/share/learncity/corpus.json",
        "config.toml",
        "CC BY 4.0",
        "learncity show [--json] <ID>",
    ] {
        assert!(text.contains(want), "{want:?} in\n{text}");
    }
}

#[test]
fn man_reads_the_page_from_stdin() {
    if !have("man") {
        return;
    }
    use std::io::Write;
    let mut child = Command::new("man")
        .args(["-l", "-"])
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("man");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(man_page("en").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr, "", "man warns");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("KEYS IN THE READER"), "{text}");
}

// ------------------------------------------------------------ --version

#[test]
fn version_is_translated_and_keeps_the_credits() {
    let p = Place::new();
    let en = p.run(&["--version"], &[]).stdout.replace('\u{a0}', " ");
    assert!(
        en.contains("Coordinates: GeoNames (geonames.org), CC BY 4.0"),
        "{en}"
    );
    let tr = p.run(&["--lang", "tr", "--version"], &[]);
    assert_eq!(tr.code, Some(0), "{tr:?}");
    let tr = tr.stdout.replace('\u{a0}', " ");
    assert!(tr.starts_with("learncity "), "{tr}");
    assert!(tr.contains("Programla gelen derlem: "), "{tr}");
    assert!(tr.contains("320 şehir (haritada 292), 2 rapor"), "{tr}");
    assert!(
        tr.contains("Koordinatlar: GeoNames (geonames.org), CC BY 4.0"),
        "{tr}"
    );
    assert!(!tr.contains("Bundled"), "{tr}");
}
