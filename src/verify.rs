//! `docket verify`: re-hash an archive against its `MANIFEST.sha256` and report every file
//! added, missing or changed. Reads only; never repairs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// The manifest's file name.
pub const MANIFEST: &str = "MANIFEST.sha256";

/// What differs in one archive folder.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Differences {
    /// The folder holding the manifest.
    pub dir: PathBuf,
    /// Files present but not in the manifest.
    pub added: Vec<String>,
    /// Files in the manifest but not present.
    pub missing: Vec<String>,
    /// Files whose hash differs.
    pub changed: Vec<String>,
    /// Files that matched.
    pub ok: usize,
}

impl Differences {
    /// Whether the folder matches its manifest exactly.
    pub fn clean(&self) -> bool {
        self.added.is_empty() && self.missing.is_empty() && self.changed.is_empty()
    }
}

/// Every folder below `root` (or `root` itself) that holds a manifest. Hidden folders are not
/// searched: `.docket-new-*` and `.docket-old-*` are a killed run's leftovers, not records.
pub fn find_manifests(root: &Path) -> Vec<PathBuf> {
    WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() == MANIFEST)
        .filter_map(|e| e.path().parent().map(Path::to_path_buf))
        .collect()
}

/// Checks one folder against its manifest.
pub fn verify_dir(dir: &Path) -> std::io::Result<Differences> {
    let text = std::fs::read_to_string(dir.join(MANIFEST))?;
    let mut expected: BTreeMap<String, String> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (hash, path) = line.split_once("  ").unwrap_or((line, ""));
        expected.insert(path.trim_start_matches('*').to_owned(), hash.to_lowercase());
    }
    let mut d = Differences {
        dir: dir.to_path_buf(),
        ..Differences::default()
    };
    // Links are never followed (walkdir's default) and only regular files are read: anything
    // else in the folder (a link, a FIFO, a folder the manifest knows nothing of) is "added".
    for entry in WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        if entry.file_type().is_dir() {
            let prefix = format!("{rel}/");
            if !expected.keys().any(|k| k.starts_with(&prefix)) {
                d.added.push(prefix);
            }
            continue;
        }
        if rel == MANIFEST && entry.file_type().is_file() {
            continue;
        }
        if !entry.file_type().is_file() {
            expected.remove(&rel);
            d.added.push(rel);
            continue;
        }
        match expected.remove(&rel) {
            None => d.added.push(rel),
            Some(hash) => {
                // A file that cannot be read cannot be shown to match: it is a difference,
                // and the other files and archives are still verified.
                if crate::load::safe::sha256_file(entry.path()).is_ok_and(|h| h == hash) {
                    d.ok += 1;
                } else {
                    d.changed.push(rel);
                }
            }
        }
    }
    d.missing = expected.into_keys().collect();
    Ok(d)
}

/// `docket verify`: every archive below `root` against its manifest. An error when there is
/// none to verify, or one cannot be read.
pub fn verify_all(root: &Path) -> Result<Vec<Differences>, crate::diag::Diagnostic> {
    use crate::diag::{Diagnostic, Rule};
    let io = |path: &Path, message: String| {
        Diagnostic::new(Rule::Io, path, crate::model::Pos::default(), message)
    };
    let dirs = find_manifests(root);
    if dirs.is_empty() {
        return Err(io(root, "no MANIFEST.sha256 found here".into()).hint(
            "give an archive folder written by `docket archive`, for example output/archive/2024",
        ));
    }
    dirs.iter()
        .map(|dir| verify_dir(dir).map_err(|e| io(dir, format!("cannot verify: {e}"))))
        .collect()
}
