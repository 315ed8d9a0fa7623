//! What the reader keeps of you between sessions: read marks, bookmarks,
//! where each report was left, the last selection, pane and order, and the
//! last searches. One directory per corpus under
//! `$XDG_STATE_HOME/learncity/` (mode 0700, files 0600). The command-line
//! commands never write here; `--no-state` and `LEARNCITY_STATE=off` make
//! the reader neither read nor write it.

pub mod file;
pub mod model;

use std::path::PathBuf;

use xxhash_rust::xxh3::xxh3_64;

use crate::corpus::Corpus;
use crate::text::fold::fold;
pub use file::Store;
pub use model::Saved;

/// The root of all state: `$XDG_STATE_HOME/learncity`, by default
/// `~/.local/state/learncity`. An error says why there is none.
pub fn root() -> Result<PathBuf, String> {
    let base = directories::BaseDirs::new().ok_or_else(|| crate::t!("state-no-home"))?;
    let state = base
        .state_dir()
        .ok_or_else(|| crate::t!("state-no-state-dir"))?;
    Ok(state.join("learncity"))
}

/// Whether `LEARNCITY_STATE` turns the state off (`off`, `0`, `no`, `false`).
pub fn off_by_env(value: Option<&str>) -> bool {
    value.is_some_and(|v| {
        ["off", "0", "no", "false"]
            .iter()
            .any(|o| v.trim().eq_ignore_ascii_case(o))
    })
}

/// The name of a corpus's state directory. A corpus is known by its title,
/// so a corpus that is updated (reports added, texts corrected) keeps its
/// marks, while another file (`--data other.json`, another title) has its
/// own. An untitled corpus is known by a hash of its cities' ids instead.
/// The readable part is the title folded to ASCII; the hash tells apart
/// titles that fold alike.
pub fn corpus_key(corpus: &Corpus) -> String {
    let (name, identity) = match corpus.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => (t.to_owned(), format!("title:{t}")),
        _ => {
            let mut ids: Vec<&str> = corpus.cities.iter().map(|c| c.id.as_str()).collect();
            ids.sort_unstable();
            ("untitled".to_owned(), format!("cities:{}", ids.join("\n")))
        }
    };
    let mut slug = String::new();
    for c in fold(&name).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "corpus" } else { slug };
    format!("{slug}-{:08x}", xxh3_64(identity.as_bytes()) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_is_off_by_env_only_when_asked() {
        for v in ["off", "OFF", "0", "no", "false", " off "] {
            assert!(off_by_env(Some(v)), "{v}");
        }
        for v in ["", "on", "1"] {
            assert!(!off_by_env(Some(v)), "{v}");
        }
        assert!(!off_by_env(None));
    }

    #[test]
    fn a_corpus_is_known_by_its_title() {
        let mut c = crate::corpus::bundled();
        let key = corpus_key(&c);
        assert!(
            key.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
            "{key}"
        );
        let before = key.clone();
        c.articles.pop();
        assert_eq!(corpus_key(&c), before, "an updated corpus keeps its marks");
        c.title = Some("Başka bir derlem / other".into());
        let other = corpus_key(&c);
        assert_ne!(other, before);
        assert!(other.starts_with("baska-bir-derlem-other-"), "{other}");
        c.title = None;
        assert!(corpus_key(&c).starts_with("untitled-"));
    }
}
