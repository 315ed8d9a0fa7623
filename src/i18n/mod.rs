//! The interface's language: English or Turkish, every message from the
//! Fluent files under `locales/<lang>/` (compiled into the binary).
//!
//! The language is chosen once at start (`--lang`, then the config file's
//! `lang`, then `LC_ALL`/`LC_MESSAGES`/`LANG`) and read everywhere through
//! [`current`]; a thread may override it for a while ([`with`]), which is
//! how tests render both languages side by side without a global switch.
//!
//! Messages are looked up with [`t!`](crate::t): `t!("key")` or
//! `t!("key", file = name, count = n)`. Numbers given as arguments are
//! written the language's way (`36,756` / `36.756`) by the bundle's number
//! formatter, so a message never formats a number itself.

mod detect;
mod label;
mod numbers;

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::LazyLock;

use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use detect::{choose, from_env, scan_args, Choice, Source};
pub use label::label;
pub use numbers::{count, decimal, fixed, percent};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Tr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Tr];

    /// The code used by `--lang`, the config file and the message folders.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Tr => "tr",
        }
    }

    /// `en` or `tr` (any case); nothing else.
    pub fn parse(s: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| s.trim().eq_ignore_ascii_case(l.code()))
    }

    /// The language's bundle: its message files, parsed the first time a
    /// message of this language is asked for (the other language's never).
    fn bundle(self) -> &'static Bundle {
        static EN: LazyLock<Bundle> =
            LazyLock::new(|| bundle(Lang::En, include_str!(concat!(env!("OUT_DIR"), "/en.ftl"))));
        static TR: LazyLock<Bundle> =
            LazyLock::new(|| bundle(Lang::Tr, include_str!(concat!(env!("OUT_DIR"), "/tr.ftl"))));
        match self {
            Lang::En => &EN,
            Lang::Tr => &TR,
        }
    }
}

type Bundle = fluent_bundle::concurrent::FluentBundle<FluentResource>;

fn bundle(lang: Lang, ftl: &'static str) -> Bundle {
    // The files are checked by the tests (i18n::tests): they parse, and no
    // id is given twice, so neither step below drops a message.
    let resource = FluentResource::try_new(ftl.to_owned()).unwrap_or_else(|(r, _)| r);
    let id: LanguageIdentifier = lang.code().parse().expect("en and tr are language tags");
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: they are invisible
    // controls that a terminal may draw as boxes, and the sanitiser would
    // escape them.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => numbers::fluent_en,
        Lang::Tr => numbers::fluent_tr,
    }));
    let _ = bundle.add_resource(resource);
    bundle
}

static GLOBAL: AtomicU8 = AtomicU8::new(0);
static CHOICE: std::sync::OnceLock<Choice> = std::sync::OnceLock::new();

thread_local! {
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the language for the whole process (once, at start), and keeps
/// where it came from for `learncity config`.
pub fn set(choice: Choice) {
    GLOBAL.store(choice.lang as u8, Ordering::Relaxed);
    let _ = CHOICE.set(choice);
}

/// The language chosen at start and why; English by default when none was.
pub fn choice() -> Choice {
    CHOICE.get().copied().unwrap_or(Choice {
        lang: Lang::En,
        source: Source::Default,
    })
}

/// The language messages and numbers are written in on this thread.
pub fn current() -> Lang {
    OVERRIDE.with(Cell::get).unwrap_or_else(|| {
        if GLOBAL.load(Ordering::Relaxed) == Lang::Tr as u8 {
            Lang::Tr
        } else {
            Lang::En
        }
    })
}

/// Runs `f` with this thread's messages in `lang`.
pub fn with<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|o| o.set(self.0));
        }
    }
    let _restore = Restore(OVERRIDE.with(|o| o.replace(Some(lang))));
    f()
}

/// An argument of a message.
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}
impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Arg::Text(s)
    }
}

/// The message `key` in the current language, with `args` put in. A key
/// missing from both languages shows as itself (the tests make sure none
/// is).
pub fn text(key: &str, args: &[(&'static str, Arg)]) -> String {
    text_in(current(), key, args)
}

/// The message `key` if there is one: for the optional parts of a text
/// (a command's long description), looked up by a key built at run time.
pub fn try_text(key: &str) -> Option<String> {
    lookup(current(), key, None)
}

/// [`text`] in a given language.
pub fn text_in(lang: Lang, key: &str, args: &[(&'static str, Arg)]) -> String {
    let args = (!args.is_empty()).then(|| {
        let mut map = FluentArgs::with_capacity(args.len());
        for (name, arg) in args {
            match arg {
                Arg::Text(s) => map.set(*name, FluentValue::from(s.as_ref())),
                Arg::Number(n) => map.set(*name, FluentValue::from(*n)),
            }
        }
        map
    });
    lookup(lang, key, args.as_ref())
        // A message only English has (the tests allow none) is better than
        // its key.
        .or_else(|| lookup(Lang::En, key, args.as_ref()))
        .unwrap_or_else(|| key.to_string())
}

/// The message, if `lang` has it and every argument it uses was given.
fn lookup(lang: Lang, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = lang.bundle();
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// `t!("key")`, `t!("key", name = value, …)`: the message in the current
/// language (see [`crate::i18n`]).
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests;
