// Each language's message files (locales/<lang>/*.ftl) are joined into one
// Fluent resource, OUT_DIR/<lang>.ftl, that the binary includes: one
// bundle per language, parsed only when that language is used.
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for lang in ["en", "tr"] {
        let dir = Path::new("locales").join(lang);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        let mut joined = String::new();
        for f in files {
            let text =
                std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            joined.push_str(&text);
            // A message's last line must not run into the next file's first.
            joined.push('\n');
        }
        std::fs::write(Path::new(&out).join(format!("{lang}.ftl")), joined)
            .expect("OUT_DIR is writable");
    }
}
