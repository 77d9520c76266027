//! `docket verify`: re-hash an archive and report every file added, missing or changed. A
//! record made as a BagIt bag is checked against its payload and tag manifests
//! (`manifest-sha256.txt`, `tagmanifest-sha256.txt`, RFC 8493), which cover every payload and
//! tag file by hash; one made before, against its `MANIFEST.sha256`. Reads only; never repairs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::render::bag;

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

/// Every folder below `root` (or `root` itself) that holds a record: a bag (`bagit.txt`) or an
/// older record's `MANIFEST.sha256`. Hidden folders are not searched (`.docket-new-*` and
/// `.docket-old-*` are a killed run's leftovers), nor a bag's payload.
pub fn find_manifests(root: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = Vec::new();
    for e in WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
    {
        let record = e.file_name() == MANIFEST || e.file_name() == bag::DECLARATION;
        if e.file_type().is_file() && record {
            let dir = e.path().parent().map(Path::to_path_buf).unwrap_or_default();
            if !found.iter().any(|f| dir.starts_with(f)) {
                found.push(dir);
            }
        }
    }
    found
}

/// `hash  path` lines (one or more blanks between), paths decoded, hashes lowercased.
fn manifest_lines(text: &str, decode: bool) -> BTreeMap<String, String> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (hash, path) = line.split_once([' ', '\t']).unwrap_or((line, ""));
            let path = path.trim_start().trim_start_matches('*');
            let path = if decode {
                bag::decode(path)
            } else {
                path.to_owned()
            };
            (path, hash.to_lowercase())
        })
        .collect()
}

/// Checks one record folder: a bag against its manifests, an older record against its
/// `MANIFEST.sha256`.
pub fn verify_dir(dir: &Path) -> std::io::Result<Differences> {
    let bagged = dir.join(bag::DECLARATION).is_file();
    let mut expected = if bagged {
        let mut all = manifest_lines(&std::fs::read_to_string(dir.join(bag::MANIFEST))?, true);
        all.extend(manifest_lines(
            &std::fs::read_to_string(dir.join(bag::TAG_MANIFEST))?,
            true,
        ));
        all
    } else {
        manifest_lines(&std::fs::read_to_string(dir.join(MANIFEST))?, false)
    };
    // The file that lists the others is not listed in itself.
    let lister = if bagged { bag::TAG_MANIFEST } else { MANIFEST };
    expected.remove(lister);
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
        if rel == lister && entry.file_type().is_file() {
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
        return Err(io(
            root,
            "no record found here (no bagit.txt or MANIFEST.sha256)".into(),
        )
        .hint(
            "give an archive folder written by `docket archive`, for example output/archive/2024",
        ));
    }
    dirs.iter()
        .map(|dir| verify_dir(dir).map_err(|e| io(dir, format!("cannot verify: {e}"))))
        .collect()
}
