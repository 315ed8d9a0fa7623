//! The interface's language, chosen the way a user's shell chooses it:
//! `LC_ALL`, `LC_MESSAGES`, `LANG`, the config file, `--lang`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn scratch() -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("i18n-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("config/learncity")).unwrap();
    dir
}

/// `learncity ARGS` with exactly the locale variables given, and a config
/// file with `config` in it.
fn run(env: &[(&str, &str)], config: &str, args: &[&str]) -> Output {
    let home = scratch();
    std::fs::write(home.join("config/learncity/config.toml"), config).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_learncity"));
    cmd.args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("LANGUAGE")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("COLUMNS")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("learncity runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn is_turkish_help(o: &Output) -> bool {
    let s = stdout(o);
    assert!(o.status.success(), "{s}{}", stderr(o));
    if s.contains("Kullanım: learncity") && s.contains("Seçenekler:") {
        return true;
    }
    assert!(
        s.contains("Usage: learncity") && s.contains("Options:"),
        "{s}"
    );
    false
}

#[test]
fn the_locale_variables_choose_the_language_in_posix_order() {
    let help = |env: &[(&str, &str)]| is_turkish_help(&run(env, "", &["--help"]));
    assert!(help(&[("LANG", "tr_TR.UTF-8")]));
    assert!(!help(&[("LANG", "en_US.UTF-8")]));
    assert!(!help(&[]), "no locale at all: English");
    assert!(
        !help(&[("LANG", "de_DE.UTF-8")]),
        "a language we lack: English"
    );
    assert!(help(&[("LANG", "C.UTF-8"), ("LC_MESSAGES", "tr_TR.UTF-8")]));
    assert!(!help(&[("LANG", "tr_TR.UTF-8"), ("LC_MESSAGES", "C")]));
    assert!(help(&[
        ("LC_ALL", "tr_TR.UTF-8"),
        ("LC_MESSAGES", "C"),
        ("LANG", "C")
    ]));
    assert!(!help(&[("LC_ALL", "C"), ("LANG", "tr_TR.UTF-8")]));
    assert!(
        help(&[("LC_ALL", ""), ("LANG", "tr_TR.UTF-8")]),
        "an empty LC_ALL is unset"
    );
}

#[test]
fn the_flag_and_the_config_file_override_the_locale() {
    let tr = [("LANG", "tr_TR.UTF-8")];
    let en = [("LANG", "en_GB.UTF-8")];
    assert!(!is_turkish_help(&run(&tr, "", &["--lang", "en", "--help"])));
    assert!(is_turkish_help(&run(&en, "", &["--lang=tr", "--help"])));
    assert!(
        is_turkish_help(&run(&en, "", &["--lang", "TR", "--help"])),
        "any case, as LANG"
    );
    assert!(is_turkish_help(&run(
        &en,
        "",
        &["list", "--help", "--lang", "tr"]
    )));
    assert!(is_turkish_help(&run(&en, "lang = \"tr\"\n", &["--help"])));
    assert!(!is_turkish_help(&run(&tr, "lang = \"en\"\n", &["--help"])));
    assert!(is_turkish_help(&run(&tr, "lang = \"auto\"\n", &["--help"])));
    // The flag beats the config file.
    assert!(!is_turkish_help(&run(
        &tr,
        "lang = \"tr\"\n",
        &["--lang", "en", "--help"]
    )));
}

#[test]
fn a_wrong_language_is_refused_clearly() {
    let o = run(&[], "", &["--lang", "de", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("'de'") && stderr(&o).contains("tr"),
        "{}",
        stderr(&o)
    );
    let o = run(&[], "lang = \"de\"\n", &["config", "--check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).contains("config.toml:1:8: lang is"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn config_says_which_language_and_why() {
    let o = run(&[("LANG", "tr_TR.UTF-8")], "", &["config"]);
    assert!(
        stdout(&o).contains("dil:") && stdout(&o).contains("Türkçe (LANG değişkeninden)"),
        "{}",
        stdout(&o)
    );
    let o = run(&[], "", &["config"]);
    assert!(
        stdout(&o).contains("language:    English (the default"),
        "{}",
        stdout(&o)
    );
    let o = run(&[("LANG", "tr_TR.UTF-8")], "", &["--lang", "en", "config"]);
    assert!(
        stdout(&o).contains("English (from --lang)"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn commands_speak_turkish_with_turkish_numbers() {
    let tr = [("LANG", "tr_TR.UTF-8")];
    let o = run(&tr, "", &["--no-pager", "list", "--region", "europe"]);
    let s = stdout(&o);
    assert!(s.contains("KİMLİK") && s.contains("ŞEHİR"), "{s}");
    assert!(s.contains("içinden"), "{s}");
    let o = run(&tr, "", &["show", "nowhere"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("hata: "), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("kimlikli şehir ya da rapor yok"),
        "{}",
        stderr(&o)
    );
    let o = run(&tr, "", &["--no-pager", "stats"]);
    let s = stdout(&o);
    assert!(s.contains("36.756\u{a0}kadın"), "{s}");
    assert!(s.contains("Bölgelere göre şehirler"), "{s}");
    // Usage errors too.
    let o = run(&tr, "", &["lsit"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("tanınmayan komut: 'lsit'"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn show_puts_the_turkish_text_first_in_turkish() {
    let at = |lang: &str| {
        let s = stdout(&run(
            &[],
            "",
            &[
                "--lang",
                lang,
                "--no-pager",
                "show",
                "balikesir-ogrenen-sehir",
            ],
        ));
        let summary = s
            .find("Balıkesir Metropolitan Municipality")
            .expect("the summary");
        let body = s.find("Balıkesir Büyükşehir Belediyesi").expect("the text");
        (summary, body)
    };
    let (summary, body) = at("en");
    assert!(summary < body, "English: the summary first");
    let (summary, body) = at("tr");
    assert!(body < summary, "Turkish: the Turkish text first");
}
