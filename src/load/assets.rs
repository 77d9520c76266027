//! Reading what renderers need from disk besides meetings: template overrides and extra fonts.

use std::path::Path;

use typst_kit::fonts::{self, FontStore};

use crate::diag::{Diagnostic, Rule};
use crate::model::Pos;

/// Every file directly in `dir` (name, bytes, path shown in diagnostics).
pub fn template_overrides(dir: &Path) -> Result<Vec<(String, Vec<u8>, String)>, Diagnostic> {
    let io = |e: std::io::Error| {
        Diagnostic::new(
            Rule::Io,
            dir,
            Pos::default(),
            format!("cannot read the templates folder: {e}"),
        )
        .hint(
            "give a folder holding files named like docket's own templates, for example agenda.typ",
        )
    };
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || entry.file_type().map_err(io)?.is_dir() {
            continue;
        }
        // A template is read only if it is (or links to) a regular file inside the folder:
        // a FIFO, a device or a link out is an error naming it, never a read.
        let bytes = super::safe::read_regular(&entry.path(), dir, super::safe::YAML_LIMIT)
            .map_err(|r| {
                Diagnostic::new(Rule::Io, &entry.path(), Pos::default(), r.message).hint(r.hint)
            })?;
        found.push((name, bytes, entry.path().display().to_string()));
    }
    found.sort();
    Ok(found)
}

/// The embedded fonts plus every font found in `extra` folders; no system fonts, so output
/// does not depend on the machine.
pub fn font_store(extra: &[impl AsRef<Path>]) -> Result<FontStore, Diagnostic> {
    let mut store = FontStore::new();
    store.extend(fonts::embedded());
    for dir in extra {
        let dir = dir.as_ref();
        if !dir.is_dir() {
            return Err(
                Diagnostic::new(Rule::Io, dir, Pos::default(), "font folder not found")
                    .hint("give a folder holding .ttf, .otf or .ttc files"),
            );
        }
        store.extend(fonts::scan(dir));
    }
    Ok(store)
}

/// One line per font file in the `extra` folders (path, size, modification time), in a stable
/// order: part of every build key, so that a changed font rebuilds the meetings.
pub fn font_fingerprints(extra: &[impl AsRef<Path>]) -> Vec<String> {
    let mut lines = Vec::new();
    for dir in extra {
        for entry in walkdir::WalkDir::new(dir.as_ref())
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let Ok(meta) = entry.metadata() else {
                continue;
            };
            if !meta.is_file() {
                continue;
            }
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            lines.push(format!(
                "{}\t{}\t{modified}",
                entry.path().display(),
                meta.len()
            ));
        }
    }
    lines
}
