//! Which language the interface speaks: the `--lang` flag, else the config
//! file's `lang`, else the locale of the environment, else English.

use super::Lang;

/// Where the language came from (for `learncity config` and the tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Config,
    /// The environment variable that decided.
    Env(&'static str),
    Default,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub lang: Lang,
    pub source: Source,
}

/// The language the locale variables ask for, and the variable that
/// decided. As in POSIX, the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
/// that is set and not empty decides: `tr_TR.UTF-8` (any `tr…` locale)
/// is Turkish, anything else (`C`, `en_GB.UTF-8`, `de_DE`) English.
pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Option<(Lang, &'static str)> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|var| get(var).filter(|v| !v.is_empty()).map(|v| (var, v)))
        .map(|(var, value)| {
            (
                if is_turkish(&value) {
                    Lang::Tr
                } else {
                    Lang::En
                },
                var,
            )
        })
}

/// `tr`, `tr_TR`, `tr_TR.UTF-8`, `tr_CY@…`: the language part is `tr`.
fn is_turkish(locale: &str) -> bool {
    let language = locale
        .split(['_', '.', '@', '-'])
        .next()
        .unwrap_or_default();
    language.eq_ignore_ascii_case("tr")
}

/// The value of `--lang` among the arguments, if it is one we speak: the
/// language must be known before clap builds its (translated) help. A
/// wrong value is left for clap to report.
pub fn scan_args<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Option<Lang> {
    let mut found = None;
    let mut it = args.iter().skip(1).map(|a| a.as_ref().to_string_lossy());
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            found = it.next().and_then(|v| Lang::parse(&v)).or(found);
        } else if let Some(v) = arg.strip_prefix("--lang=") {
            found = Lang::parse(v).or(found);
        }
    }
    found
}

/// The flag, else the config file, else the environment, else English.
/// The config file is asked only when the flag is not given.
pub fn choose(
    flag: Option<Lang>,
    config: impl FnOnce() -> Option<Lang>,
    env: impl Fn(&str) -> Option<String>,
) -> Choice {
    if let Some(lang) = flag {
        return Choice {
            lang,
            source: Source::Flag,
        };
    }
    if let Some(lang) = config() {
        return Choice {
            lang,
            source: Source::Config,
        };
    }
    match from_env(env) {
        Some((lang, var)) => Choice {
            lang,
            source: Source::Env(var),
        },
        None => Choice {
            lang: Lang::En,
            source: Source::Default,
        },
    }
}
