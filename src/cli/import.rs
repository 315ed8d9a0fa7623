//! `learncity import FILE --city ID --into CORPUS`: adds a plain-text news
//! article to a corpus file as a report.
//!
//! The text becomes blocks by the rules of [`crate::corpus::import`]. The
//! corpus is read under an advisory lock (two imports into one file take
//! turns), checked with the loader, changed as JSON (`serde_json::Value`,
//! key order kept, unknown fields kept), and the whole new corpus is
//! checked with the loader again before anything is written. Writing is
//! atomic: the original bytes go to `CORPUS.bak` (itself written through a
//! temporary file), then the new corpus to a temporary file in the same
//! directory, fsynced, renamed over the original, and the directory
//! fsynced. A failure at any step leaves the corpus as it was.

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use rustix::fs::{flock, FlockOperation};

use super::{out, Failure};
use crate::corpus::import::{self as text, PlaceError, Placed, Report, TextError};
use crate::corpus::{self, display_name, io_reason, MAX_FILE_BYTES};
use crate::t;
use crate::text::sanitize::{printable, sanitize_line, sanitize_text};

/// The largest text accepted (64 MiB): far above any article; a mistaken
/// path to a large file or a device fails at once.
pub const MAX_TEXT_BYTES: u64 = 64 << 20;

/// The arguments of `learncity import`. Their help texts are in
/// locales/*/import.ftl (`cli-import-arg-…`).
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The article as UTF-8 text, or `-` for standard input
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The id of the city the report is about
    #[arg(long, value_name = "ID")]
    pub city: String,
    /// The corpus file to add the report to (it must exist)
    #[arg(long, value_name = "CORPUS")]
    pub into: PathBuf,
    /// The title; without it, the text's first line
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// The address of the original article
    #[arg(long, value_name = "URL")]
    pub source: Option<String>,
    /// The publisher's name
    #[arg(long, value_name = "NAME")]
    pub source_name: Option<String>,
    /// The publication date: YYYY, YYYY-MM or YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// The language of the text (`--lang` is the interface's)
    #[arg(long, value_name = "CODE", default_value = "tr")]
    pub report_lang: String,
    /// A summary; without it, none
    #[arg(long, value_name = "TEXT")]
    pub summary: Option<String>,
    /// The report's id; without it, made from the city and the title
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Replace the report with the same id instead of refusing
    #[arg(long)]
    pub replace: bool,
    /// Print the new report as JSON and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

fn usage(msg: String) -> Failure {
    Failure::Usage(msg)
}

/// Runs the command. `data` is the global `--data`, which import does not
/// take: its corpus is `--into`.
pub fn run(data: Option<&PathBuf>, args: Args) -> Result<(), Failure> {
    if data.is_some() {
        return Err(usage(t!("import-error-data")));
    }
    let title = match &args.title {
        Some(t) => {
            let t = sanitize_line(t);
            if t.is_empty() {
                return Err(usage(t!("import-error-title-empty")));
            }
            Some(t)
        }
        None => None,
    };
    let published = match args.published.as_deref().map(str::trim) {
        Some(d) if !text::is_date(d) => {
            return Err(usage(t!("import-error-date", date = printable(d))))
        }
        d => d.map(str::to_owned),
    };
    let source_url = match args.source.as_deref().map(str::trim) {
        Some(u) if !text::is_web_address(u) => {
            return Err(usage(t!("import-error-source", url = printable(u))))
        }
        u => u.map(str::to_owned),
    };
    let lang = args.report_lang.trim();
    if !text::is_language_tag(lang) {
        return Err(usage(t!("import-error-lang", lang = printable(lang))));
    }
    let source_name = args
        .source_name
        .as_deref()
        .map(sanitize_line)
        .filter(|s| !s.is_empty());
    let summary = args
        .summary
        .as_deref()
        .map(|s| sanitize_text(s).trim().to_owned())
        .filter(|s| !s.is_empty());

    // The text.
    let (input_name, bytes) = read_input(&args.file)?;
    let decoded = text::decode(&bytes).map_err(|e| text_error(&input_name, e))?;
    let parsed = text::parse(&decoded, title.is_none()).map_err(|e| text_error(&input_name, e))?;
    let title = title
        .or(parsed.title)
        .expect("the first line is the title when --title is not given");

    // The corpus, locked until it is written.
    let shown = display_name(&args.into);
    let locked = Locked::open(&args.into, &shown)?;
    let corpus = corpus::load_bytes(&shown, &locked.bytes).map_err(Failure::Corpus)?;
    if corpus.city_index(&args.city).is_none() {
        let mut msg = t!(
            "import-error-unknown-city",
            file = shown.as_str(),
            city = printable(&args.city)
        );
        let ids = corpus.cities.iter().map(|c| c.id.as_str());
        if let Some(close) = crate::text::distance::closest(&args.city, ids, 1).first() {
            msg.push_str("; ");
            msg.push_str(&t!("import-error-did-you-mean", id = *close));
        }
        return Err(usage(msg));
    }
    let id = match &args.id {
        Some(id) => sanitize_line(id),
        None => text::slug(&args.city, &title)
            .ok_or_else(|| usage(t!("import-error-no-slug", title = printable(&title))))?,
    };
    if id.is_empty() {
        return Err(usage(t!("import-error-id-empty")));
    }
    if corpus.article_index(&id).is_some() && !args.replace {
        return Err(usage(t!(
            "import-error-exists",
            file = shown.as_str(),
            id = printable(&id)
        )));
    }
    // The loaded copy is not needed any more: the new corpus is loaded
    // next, and a large corpus should not be held twice over.
    drop(corpus);
    let report = Report {
        id,
        city: args.city.clone(),
        title,
        lang: lang.to_owned(),
        published,
        source_name,
        source_url,
        summary,
        body: parsed.body,
    };
    let report_json = report.to_json();

    // The new corpus, checked whole.
    let (bom, json_bytes) = match locked.bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, &locked.bytes[..]),
    };
    // The loader read it: it is UTF-8.
    let json_text = std::str::from_utf8(json_bytes).map_err(|e| {
        usage(t!(
            "import-error-parse",
            file = shown.as_str(),
            reason = e.to_string()
        ))
    })?;
    let (placed_text, placed) = match text::place(json_text, &report_json, args.replace) {
        Ok(p) => p,
        Err(PlaceError::Exists) => {
            return Err(usage(t!(
                "import-error-exists",
                file = shown.as_str(),
                id = printable(&report.id)
            )))
        }
        // Never: a corpus that loaded has an `articles` array.
        Err(PlaceError::NoArticles) => {
            return Err(usage(t!("import-error-no-articles", file = shown.as_str())))
        }
    };
    let mut new_bytes = Vec::with_capacity(placed_text.len() + 3);
    if bom {
        new_bytes.extend_from_slice(b"\xef\xbb\xbf");
    }
    new_bytes.extend_from_slice(placed_text.as_bytes());
    drop(placed_text);
    if let Err(err) = corpus::load_bytes(&shown, &new_bytes) {
        let mut msg = t!(
            "import-error-invalid",
            file = shown.as_str(),
            n = err.total()
        );
        for line in err.lines() {
            msg.push('\n');
            msg.push_str(&line);
        }
        return Err(usage(msg));
    }

    if args.dry_run {
        let text = serde_json::to_string_pretty(&report_json).map_err(|e| {
            usage(t!(
                "import-error-parse",
                file = shown.as_str(),
                reason = e.to_string()
            ))
        })?;
        out::write_stdout(&format!("{text}\n"))?;
        crate::stderr::line(t!("import-dry-run"));
        return Ok(());
    }

    let backup = locked.write(&new_bytes).map_err(|e| match e {
        WriteError::Unchanged(e) => usage(t!(
            "import-error-write",
            file = shown.as_str(),
            reason = io_reason(&e)
        )),
        WriteError::NotSynced(e) => usage(t!(
            "import-error-sync",
            file = shown.as_str(),
            reason = io_reason(&e)
        )),
    })?;
    let blocks = report.body.len();
    let id = printable(&report.id);
    let backup = display_name(&backup);
    let mut msg = match placed {
        Placed::Added => t!(
            "import-added",
            id = id.as_str(),
            blocks = blocks,
            file = shown.as_str(),
            backup = backup.as_str()
        ),
        Placed::Replaced { .. } => t!(
            "import-replaced",
            id = id.as_str(),
            blocks = blocks,
            file = shown.as_str(),
            backup = backup.as_str()
        ),
    };
    msg.push('\n');
    if let Placed::Replaced { figures } = placed {
        if figures > 0 {
            msg.push_str(&t!("import-figures-dropped", n = figures));
            msg.push('\n');
        }
    }
    out::write_stdout(&msg)
}

/// The input's name for messages and its bytes, up to [`MAX_TEXT_BYTES`].
fn read_input(file: &Path) -> Result<(String, Vec<u8>), Failure> {
    let mut bytes = Vec::new();
    let (name, result) = if file.as_os_str() == "-" {
        let name = t!("import-stdin");
        let r = io::stdin()
            .lock()
            .take(MAX_TEXT_BYTES + 1)
            .read_to_end(&mut bytes);
        (name, r)
    } else {
        let name = display_name(file);
        let r = File::open(file).and_then(|f| {
            if f.metadata()?.is_dir() {
                return Err(io::Error::from(io::ErrorKind::IsADirectory));
            }
            f.take(MAX_TEXT_BYTES + 1).read_to_end(&mut bytes)
        });
        (name, r)
    };
    if let Err(e) = result {
        return Err(usage(t!(
            "import-error-read",
            file = name.as_str(),
            reason = io_reason(&e)
        )));
    }
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(usage(t!(
            "import-error-too-large",
            file = name.as_str(),
            limit = "64 MiB"
        )));
    }
    Ok((name, bytes))
}

fn text_error(name: &str, e: TextError) -> Failure {
    usage(match e {
        TextError::NotUtf8 {
            byte,
            offset,
            line,
            column,
        } => t!(
            "import-error-not-utf8",
            file = name,
            byte = format!("0x{byte:02x}"),
            offset = offset.to_string(),
            line = line.to_string(),
            column = column.to_string()
        ),
        TextError::Empty => t!("import-error-empty", file = name),
        TextError::NoBody => t!("import-error-no-body", file = name),
    })
}

/// Why writing failed: before the corpus was replaced (it is as it was),
/// or after (the new corpus is in place, but the directory could not be
/// synced, so a crash might still bring the old one back).
enum WriteError {
    Unchanged(io::Error),
    NotSynced(io::Error),
}

/// The corpus file, open and locked (flock) for as long as this lives, with
/// the bytes read under the lock.
struct Locked {
    /// Held for its lock.
    _file: File,
    /// The file written: the target of a symbolic link, not the link.
    path: PathBuf,
    dir: PathBuf,
    /// The file's mode (no set-id bits: it is data) and owner, given to
    /// the file that replaces it.
    permissions: Permissions,
    owner: (u32, u32),
    bytes: Vec<u8>,
}

impl Locked {
    fn open(into: &Path, shown: &str) -> Result<Locked, Failure> {
        let read_error = |e: &io::Error| {
            if e.kind() == io::ErrorKind::NotFound {
                usage(t!("import-error-into-missing", file = shown))
            } else {
                usage(t!("import-error-read", file = shown, reason = io_reason(e)))
            }
        };
        let is_link = fs::symlink_metadata(into)
            .map_err(|e| read_error(&e))?
            .file_type()
            .is_symlink();
        let path = if is_link {
            fs::canonicalize(into).map_err(|e| read_error(&e))?
        } else {
            into.to_path_buf()
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        // Another import may replace the file while this one waits for the
        // lock: then the lock is on the old file, and the new one is
        // opened and locked in turn.
        let file = loop {
            let file = File::open(&path).map_err(|e| read_error(&e))?;
            flock(&file, FlockOperation::LockExclusive)
                .map_err(|e| read_error(&io::Error::from(e)))?;
            let held = file.metadata().map_err(|e| read_error(&e))?;
            match fs::metadata(&path) {
                Ok(now) if now.dev() == held.dev() && now.ino() == held.ino() => break file,
                Ok(_) => continue,
                Err(e) => return Err(read_error(&e)),
            }
        };
        let meta = file.metadata().map_err(|e| read_error(&e))?;
        if meta.is_dir() {
            return Err(read_error(&io::Error::from(io::ErrorKind::IsADirectory)));
        }
        let mut bytes = Vec::new();
        (&file)
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| read_error(&e))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(usage(t!(
                "import-error-too-large",
                file = shown,
                limit = "1 GiB"
            )));
        }
        Ok(Locked {
            _file: file,
            path,
            dir,
            permissions: Permissions::from_mode(meta.mode() & 0o777),
            owner: (meta.uid(), meta.gid()),
            bytes,
        })
    }

    /// Keeps the bytes read as `FILE.bak`, then puts `new` in the file's
    /// place; returns the backup's path.
    fn write(&self, new: &[u8]) -> Result<PathBuf, WriteError> {
        let name = self
            .path
            .file_name()
            .ok_or_else(|| WriteError::Unchanged(io::ErrorKind::InvalidInput.into()))?;
        let mut bak_name = name.to_os_string();
        bak_name.push(".bak");
        let backup = self.path.with_file_name(&bak_name);
        self.keep_as(&backup)
            .and_then(|()| self.sync_dir())
            .map_err(WriteError::Unchanged)?;
        self.replace(&self.path, new)
            .map_err(WriteError::Unchanged)?;
        self.sync_dir().map_err(WriteError::NotSynced)?;
        Ok(backup)
    }

    /// The file as it is, as `backup`: a second name for it (no copy of a
    /// large corpus, and its owner and mode kept), or a copy where the file
    /// system has no hard links.
    fn keep_as(&self, backup: &Path) -> io::Result<()> {
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(backup.file_name().unwrap_or_default());
        tmp_name.push(format!(".import-{}.tmp", std::process::id()));
        let tmp = self.dir.join(tmp_name);
        let _ = fs::remove_file(&tmp);
        match fs::hard_link(&self.path, &tmp).and_then(|()| fs::rename(&tmp, backup)) {
            Ok(()) => Ok(()),
            Err(_) => {
                let _ = fs::remove_file(&tmp);
                self.replace(backup, &self.bytes)
            }
        }
    }

    fn sync_dir(&self) -> io::Result<()> {
        File::open(&self.dir)?.sync_all()
    }

    /// Writes `bytes` to a temporary file beside `target`, fsyncs it and
    /// renames it over `target` (the caller fsyncs the directory). The
    /// temporary file is removed if any step fails.
    fn replace(&self, target: &Path, bytes: &[u8]) -> io::Result<()> {
        let name = target
            .file_name()
            .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".import-{}.tmp", std::process::id()));
        let tmp = self.dir.join(tmp_name);
        let result = (|| {
            let mut f = match self.create(&tmp) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    // Left by an import that died with this process id.
                    fs::remove_file(&tmp)?;
                    self.create(&tmp)?
                }
                r => r?,
            };
            f.set_permissions(self.permissions.clone())?;
            // The owner and group of the file replaced, as far as we may
            // give them (a group-writable shared corpus stays writable by
            // its group); else ours, as any new file.
            let (uid, gid) = self.owner;
            if std::os::unix::fs::fchown(&f, Some(uid), Some(gid)).is_err() {
                let _ = std::os::unix::fs::fchown(&f, None, Some(gid));
            }
            f.write_all(bytes)?;
            f.sync_all()?;
            drop(f);
            fs::rename(&tmp, target)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }

    fn create(&self, tmp: &Path) -> io::Result<File> {
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(tmp)
    }
}
