//! Messages as `&'static str`, for the names of fixed things (a status, an
//! order, a facet) whose callers hold them as `&'static str`. Each message
//! is looked up once per language and kept for the life of the process: a
//! bounded set, one string per key and language.

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::{current, Lang};

type Cache = BTreeMap<(u8, &'static str), &'static str>;

static CACHE: Mutex<Cache> = Mutex::new(BTreeMap::new());

/// The message `key` (without arguments) in the current language.
pub fn label(key: &'static str) -> &'static str {
    let lang: Lang = current();
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry((lang as u8, key))
        .or_insert_with(|| Box::leak(super::text_in(lang, key, &[]).into_boxed_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::with;

    #[test]
    fn a_label_follows_the_language_and_is_kept() {
        assert_eq!(with(Lang::En, || label("lang-name")), "English");
        assert_eq!(with(Lang::Tr, || label("lang-name")), "Türkçe");
        let a = with(Lang::Tr, || label("lang-name"));
        let b = with(Lang::Tr, || label("lang-name"));
        assert!(std::ptr::eq(a, b), "looked up once");
    }
}
