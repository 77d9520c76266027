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

/// Noto Naskh Arabic (SIL OFL 1.1, `templates/fonts/OFL.txt`), embedded so that Arabic
/// documents render on a machine with no fonts at all. typst's own embedded fonts have no
/// Arabic; Naskh has no Latin letters, so templates put it after a Latin font.
const ARABIC_FONTS: [&[u8]; 2] = [
    include_bytes!("../../templates/fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../templates/fonts/NotoNaskhArabic-Bold.ttf"),
];

/// Where Debian and Ubuntu's `fonts-noto-cjk` puts its fonts. CJK fonts are too large to embed
/// (about 26 MB a face), so documents in Chinese use the installed ones: those in this folder,
/// or in `DOCKET_CJK_FONT_DIR` when set (Fedora: `/usr/share/fonts/google-noto-cjk`). They are
/// added only for those documents, so no other document depends on what the machine has.
pub const CJK_FONT_DIR: &str = "/usr/share/fonts/opentype/noto";

/// The Debian package that provides them, named in the error when there are none.
pub const CJK_FONT_PACKAGE: &str = "fonts-noto-cjk";

/// The folder searched for CJK fonts (read at the edge, once per run).
pub fn cjk_font_dir() -> std::path::PathBuf {
    std::env::var_os("DOCKET_CJK_FONT_DIR")
        .map_or_else(|| CJK_FONT_DIR.into(), std::path::PathBuf::from)
}

/// The CJK faces of `dir` (families named "... CJK ..."), in a stable order; read lazily when a
/// document uses them.
pub fn cjk_fonts(dir: &Path) -> Vec<(fonts::FontPath, typst::text::FontInfo)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut found: Vec<_> = fonts::scan(dir)
        .filter(|(_, info)| info.family.contains("CJK"))
        .collect();
    // fontdb's order follows the directory listing: sort it so the font book is the same on
    // every machine.
    found.sort_by(|a, b| (&a.0.path, a.0.index).cmp(&(&b.0.path, b.0.index)));
    found
}

/// The embedded fonts plus every font found in `extra` folders; no system fonts, so output
/// does not depend on the machine.
pub fn font_store(extra: &[impl AsRef<Path>]) -> Result<FontStore, Diagnostic> {
    let mut store = FontStore::new();
    store.extend(fonts::embedded());
    for data in ARABIC_FONTS {
        store.extend(
            typst::text::Font::iter(typst::foundations::Bytes::new(data)).map(|font| {
                let info = font.info().clone();
                (font, info)
            }),
        );
    }
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
