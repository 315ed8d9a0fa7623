//! `learncity cache info|clear`: the cache of parsed corpora.

use super::Failure;
use crate::cache::{self, EntryState, Reject};
use crate::corpus::human_bytes;
use crate::t;
use crate::text::sanitize::printable;

pub fn run(action: super::CacheAction) -> Result<(), Failure> {
    let dir = cache::dir().ok_or_else(|| Failure::Usage(t!("state-no-home")))?;
    let shown_dir = printable(&dir.display().to_string());
    let reason = |e: std::io::Error| crate::corpus::io_reason(&e);
    let mut text = String::new();
    match action {
        super::CacheAction::Info => {
            let entries = match cache::entries(&dir) {
                Ok(e) => e,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
                Err(e) => {
                    return Err(Failure::Usage(t!(
                        "cache-cannot-read",
                        dir = shown_dir,
                        reason = reason(e)
                    )))
                }
            };
            let total: u64 = entries.iter().map(|e| e.bytes).sum();
            text.push_str(&t!(
                "cache-info-dir",
                dir = shown_dir,
                files = entries.len(),
                size = human_bytes(total)
            ));
            text.push('\n');
            if cache::is_off() {
                text.push_str(&t!("cache-info-off"));
                text.push('\n');
            }
            for e in &entries {
                let name = e
                    .file
                    .file_name()
                    .map(|n| printable(&n.to_string_lossy()))
                    .unwrap_or_default();
                let source = e
                    .source
                    .as_deref()
                    .map(|s| printable(&s.display().to_string()))
                    .unwrap_or_else(|| "—".to_owned());
                let state = match &e.state {
                    EntryState::Current => t!("cache-state-current"),
                    EntryState::Stale => t!("cache-state-stale"),
                    EntryState::SourceGone => t!("cache-state-gone"),
                    EntryState::Rejected(Reject::Version(v)) => {
                        t!("cache-state-version", version = printable(v))
                    }
                    EntryState::Rejected(Reject::Truncated) => t!("cache-state-truncated"),
                    EntryState::Rejected(_) => t!("cache-state-damaged"),
                };
                text.push_str(&t!(
                    "cache-info-file",
                    file = name,
                    size = human_bytes(e.bytes),
                    state = state,
                    source = source
                ));
                text.push('\n');
            }
        }
        super::CacheAction::Clear => {
            let (files, bytes) = cache::clear(&dir).map_err(|e| {
                Failure::Usage(t!(
                    "cache-cannot-clear",
                    dir = shown_dir.clone(),
                    reason = reason(e)
                ))
            })?;
            text.push_str(&t!(
                "cache-cleared",
                files = files,
                size = human_bytes(bytes),
                dir = shown_dir
            ));
            text.push('\n');
        }
    }
    super::out::write_stdout(&text)
}
