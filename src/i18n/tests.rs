use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::*;

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// Each message of a Fluent file: its id and the variables it uses.
/// (Terms, `-name`, and comments are skipped; a message goes on while its
/// lines are indented.)
fn messages(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in ftl.lines() {
        let starts_entry = line.starts_with(|c: char| c.is_ascii_alphabetic());
        if starts_entry {
            let id = line
                .split('=')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            assert!(
                out.insert(id.clone(), BTreeSet::new()).is_none(),
                "{id} is defined twice"
            );
            current = Some(id);
        } else if !line.starts_with([' ', '\t']) {
            current = None;
        }
        if let Some(id) = &current {
            let vars = out.get_mut(id).expect("inserted above");
            for part in line.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                vars.insert(name);
            }
        }
    }
    out
}

/// file name → messages, for one language.
fn language(lang: Lang) -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let dir = locales().join(lang.code());
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("locales folder") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let text = std::fs::read_to_string(&path).unwrap();
            if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text.clone()) {
                panic!("{}: {errors:?}", path.display());
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            files.insert(name, messages(&text));
        }
    }
    files
}

/// The arguments a message uses must be the same in both languages (a
/// translation that drops `$file` loses information), but for those a
/// language's grammar alone needs.
fn same_arguments(id: &str, en: &BTreeSet<String>, tr: &BTreeSet<String>) -> bool {
    // Turkish puts a case suffix after a number (20'den fazla).
    const TURKISH_ONLY: &[(&str, &str)] = &[("figure-qualifier-", "ablative")];
    let extra_ok = |v: &String| {
        TURKISH_ONLY
            .iter()
            .any(|(prefix, var)| id.starts_with(prefix) && v == var)
    };
    en.iter().all(|v| tr.contains(v)) && tr.iter().all(|v| en.contains(v) || extra_ok(v))
}

#[test]
fn both_languages_have_the_same_files_messages_and_arguments() {
    let en = language(Lang::En);
    let tr = language(Lang::Tr);
    assert!(!en.is_empty());
    assert_eq!(
        en.keys().collect::<Vec<_>>(),
        tr.keys().collect::<Vec<_>>(),
        "the same message files in locales/en and locales/tr"
    );
    let mut problems = Vec::new();
    // The files of a language make one bundle: an id in two of them stops
    // the program when the bundle is built.
    for (lang, files) in [("English", &en), ("Turkish", &tr)] {
        let mut seen = BTreeMap::new();
        for (file, messages) in files.iter() {
            for id in messages.keys() {
                if let Some(other) = seen.insert(id.clone(), file.clone()) {
                    problems.push(format!("{lang}: {id} is in both {other} and {file}"));
                }
            }
        }
    }
    for (file, en_messages) in &en {
        let tr_messages = &tr[file];
        for (id, vars) in en_messages {
            match tr_messages.get(id) {
                None => problems.push(format!("{file}: {id} is in English only")),
                Some(tr_vars) if !same_arguments(id, vars, tr_vars) => problems.push(format!(
                    "{file}: {id} uses {vars:?} in English, {tr_vars:?} in Turkish"
                )),
                Some(_) => {}
            }
        }
        for id in tr_messages
            .keys()
            .filter(|id| !en_messages.contains_key(*id))
        {
            problems.push(format!("{file}: {id} is in Turkish only"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every `t!("key"` in the sources names a message of both languages.
#[test]
fn every_key_the_code_asks_for_exists() {
    let known: BTreeSet<String> = language(Lang::En)
        .into_values()
        .flat_map(|m| m.into_keys())
        .collect();
    let mut missing = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    let mut used = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (at, _) in text.match_indices("t!(") {
                // `format!(` and the like end in `t!(` too.
                if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let Some(rest) = text[at + 3..].trim_start().strip_prefix('"') else {
                    continue;
                };
                let key = rest.split('"').next().unwrap();
                if key == "key" || key.contains(char::is_whitespace) {
                    continue; // the macro's own documentation
                }
                used += 1;
                if !known.contains(key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
    }
    assert!(used > 0);
    assert!(
        missing.is_empty(),
        "no such message:\n{}",
        missing.join("\n")
    );
}

#[test]
fn a_message_is_looked_up_in_the_language_asked_for() {
    assert_eq!(with(Lang::En, || t!("lang-name")), "English");
    assert_eq!(with(Lang::Tr, || t!("lang-name")), "Türkçe");
    // No isolation marks around arguments; numbers the language's way.
    let en = with(Lang::En, || t!("test-count", count = 36756u64));
    let tr = with(Lang::Tr, || t!("test-count", count = 36756u64));
    assert_eq!(en, "36,756 women");
    assert_eq!(tr, "36.756 kadın");
    assert_eq!(with(Lang::En, || t!("test-count", count = 1u64)), "1 woman");
}

#[test]
fn numbers_follow_the_language() {
    with(Lang::En, || {
        assert_eq!(count(999), "999");
        assert_eq!(count(36756), "36,756");
        assert_eq!(count(1_800_000), "1,800,000");
        assert_eq!(percent(43), "43%");
        assert_eq!(decimal(1.5), "1.5");
        assert_eq!(decimal(-1234.25), "-1,234.25");
    });
    with(Lang::Tr, || {
        assert_eq!(count(36756), "36.756");
        assert_eq!(percent(43), "%43");
        assert_eq!(decimal(1.5), "1,5");
        assert_eq!(decimal(409096.0), "409.096");
    });
}

#[test]
fn the_locale_variables_decide_in_posix_order() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        from_env(env(&[("LANG", "tr_TR.UTF-8")])),
        Some((Lang::Tr, "LANG"))
    );
    assert_eq!(
        from_env(env(&[("LANG", "en_US.UTF-8")])),
        Some((Lang::En, "LANG"))
    );
    assert_eq!(from_env(env(&[("LANG", "C")])), Some((Lang::En, "LANG")));
    assert_eq!(
        from_env(env(&[("LANG", "tr_TR.UTF-8"), ("LC_MESSAGES", "C")])),
        Some((Lang::En, "LC_MESSAGES"))
    );
    assert_eq!(
        from_env(env(&[("LC_ALL", "tr_TR"), ("LC_MESSAGES", "en_GB.UTF-8")])),
        Some((Lang::Tr, "LC_ALL"))
    );
    // An empty variable does not count.
    assert_eq!(
        from_env(env(&[("LC_ALL", ""), ("LANG", "tr_TR.UTF-8")])),
        Some((Lang::Tr, "LANG"))
    );
    assert_eq!(from_env(env(&[("LANG", "trk")])), Some((Lang::En, "LANG")));
    assert_eq!(from_env(env(&[])), None);
}

#[test]
fn the_flag_beats_the_config_file_which_beats_the_environment() {
    let turkish = |k: &str| (k == "LANG").then(|| "tr_TR.UTF-8".to_string());
    let none = |_: &str| None;
    assert_eq!(
        choose(Some(Lang::En), || Some(Lang::Tr), turkish).source,
        Source::Flag
    );
    assert_eq!(
        choose(Some(Lang::En), || Some(Lang::Tr), turkish).lang,
        Lang::En
    );
    assert_eq!(choose(None, || Some(Lang::En), turkish).lang, Lang::En);
    assert_eq!(
        choose(None, || None, turkish),
        Choice {
            lang: Lang::Tr,
            source: Source::Env("LANG")
        }
    );
    assert_eq!(
        choose(None, || None, none),
        Choice {
            lang: Lang::En,
            source: Source::Default
        }
    );
}

#[test]
fn the_flag_is_found_before_clap_parses() {
    assert_eq!(scan_args(&["learncity", "--lang", "tr"]), Some(Lang::Tr));
    assert_eq!(
        scan_args(&["learncity", "list", "--lang=TR"]),
        Some(Lang::Tr)
    );
    assert_eq!(
        scan_args(&["learncity", "--lang", "tr", "--lang", "en"]),
        Some(Lang::En)
    );
    assert_eq!(scan_args(&["learncity", "--lang", "de"]), None);
    assert_eq!(
        scan_args(&["learncity", "search", "--", "--lang", "tr"]),
        None
    );
    assert_eq!(scan_args(&["learncity"]), None);
}
