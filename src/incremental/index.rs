//! The build index: what the last build learnt of each meeting file, so that the next one need
//! not parse a meeting whose files have not changed.
//!
//! Parsing the YAML is most of what a build with nothing to render does (about half a
//! millisecond a meeting, against a tenth for the check). The index, `output/.docket-index.json`,
//! keeps per `meeting.yaml` path its *check key* (the content key with the check options), its
//! id, the files the loader read for it and the diagnostics its check gave. A build reads those
//! files again ([`crate::load::reread`], no parsing): when the check key is the same and the
//! meeting's stamp still matches its build key, the meeting is unchanged, and its diagnostics
//! are replayed from the index. Anything else (no entry, a file changed or unreadable, another
//! check date, a stamp that does not match, `--force`) loads the meeting as usual.
//!
//! Only meetings whose check found no errors are kept: an error is reported from its source,
//! with its snippet, every time. The index is a cache: a missing, damaged or foreign one only
//! means the meetings are parsed again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Deps, RunFingerprint, Stamp, StampedDiagnostic, build_key, content_key, field};
use crate::check::CheckOptions;
use crate::diag::{Diagnostic, Severity};
use crate::load::safe::hex;
use crate::load::{KnownMeeting, LoadedMeeting, Reread, Reused};
use crate::model::{At, Pos};

/// The index's file name, in the output folder.
pub const INDEX_FILE: &str = ".docket-index.json";

/// Bumped when the entries change shape; an index of another format is ignored.
const FORMAT: u32 = 1;

/// What the last build learnt of each meeting file, by `meeting.yaml` path.
#[derive(Debug, Serialize, Deserialize)]
pub struct Index {
    format: u32,
    meetings: BTreeMap<String, Entry>,
}

/// One meeting file's check, as the index keeps it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    /// The content key with the check options and docket's version.
    check_key: String,
    /// The meeting's id and where it is written.
    id: String,
    line: u32,
    column: u32,
    /// The languages whose translation files the loader looked for.
    languages: Vec<String>,
    /// The input documents' paths, as the meeting names them.
    inputs: Vec<String>,
    /// The load and check diagnostics (no errors).
    diagnostics: Vec<StampedDiagnostic>,
}

impl Index {
    /// The index in the output folder `out`; an empty one when there is none that reads.
    pub fn read(out: &Path) -> Self {
        let path = out.join(INDEX_FILE);
        // Only a regular file of a sane size: the output folder is docket's, but not beyond
        // tampering, and a FIFO would block.
        let ok = std::fs::symlink_metadata(&path)
            .is_ok_and(|m| m.is_file() && m.len() < 256 * 1024 * 1024);
        let index = ok
            .then(|| std::fs::read(&path).ok())
            .flatten()
            .and_then(|bytes| serde_json::from_slice::<Self>(&bytes).ok());
        index
            .filter(|i| i.format == FORMAT)
            .unwrap_or_else(Self::next)
    }

    /// The index as file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// What this index knows of the meeting in `file`, when nothing it read has changed and
    /// its documents in `out` are those of its build key under `run`.
    pub fn reuse(
        &self,
        file: &Path,
        out: &Path,
        run: &RunFingerprint,
        options: &CheckOptions,
    ) -> Option<Reused> {
        let entry = self.meetings.get(name(file)?)?;
        // The output folder is docket's but not beyond tampering: take from the index only
        // what the check would have let through.
        let sane = crate::check::is_slug(&entry.id)
            && entry
                .languages
                .iter()
                .all(|l| crate::model::translation::is_language_tag(l));
        if !sane {
            return None;
        }
        let reread = crate::load::reread(file, &entry.languages, &entry.inputs)?;
        let content = reread_key(&reread);
        if check_key(&content, options) != entry.check_key {
            return None;
        }
        let dir = out.join(&entry.id);
        let stamp = Stamp::read(&dir)?;
        if stamp.key != build_key(run, &entry.id, &content) || !stamp.files_intact(&dir) {
            return None;
        }
        let diagnostics: Vec<Diagnostic> = entry
            .diagnostics
            .iter()
            .filter_map(StampedDiagnostic::restore)
            .collect();
        let replayed = stamp.replay();
        let sources = texts_of(file, &reread, diagnostics.iter().chain(&replayed));
        Some(Reused {
            known: KnownMeeting {
                dir: file.parent().unwrap_or(Path::new(".")).to_path_buf(),
                file: file.to_path_buf(),
                id: At {
                    value: entry.id.clone(),
                    pos: Pos::new(entry.line, entry.column),
                },
                replayed,
            },
            diagnostics,
            sources,
        })
    }

    /// Keeps this index's entry for `file` in `next` (a meeting found unchanged).
    pub fn carry(&self, file: &Path, next: &mut Self) {
        if let Some((key, entry)) = name(file).and_then(|k| self.meetings.get_key_value(k)) {
            next.meetings.insert(key.clone(), entry.clone());
        }
    }

    /// Records the entry of a meeting file (see [`Index::entry`]).
    pub fn insert(&mut self, (key, entry): (String, Entry)) {
        self.meetings.insert(key, entry);
    }

    /// The entry of a loaded meeting, with its content key, from its load and check
    /// diagnostics (all of them: they are filtered here to the meeting's own). A meeting with
    /// errors has none.
    pub fn entry(
        m: &LoadedMeeting,
        content: &str,
        diagnostics: &[Diagnostic],
        options: &CheckOptions,
    ) -> Option<(String, Entry)> {
        let key = name(&m.file)?;
        let own: Vec<&Diagnostic> = diagnostics.iter().filter(|d| owned_by(d, m)).collect();
        if own.iter().any(|d| d.severity == Severity::Error) {
            return None;
        }
        Some((
            key.to_owned(),
            Entry {
                check_key: check_key(content, options),
                id: m.meeting.id.value.clone(),
                line: m.meeting.id.pos.line,
                column: m.meeting.id.pos.col,
                languages: m
                    .translated_languages()
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
                inputs: m.input_paths(),
                diagnostics: own.into_iter().map(StampedDiagnostic::keep).collect(),
            },
        ))
    }

    /// An empty index, to fill with this build's meetings.
    pub fn next() -> Self {
        Self {
            format: FORMAT,
            meetings: BTreeMap::new(),
        }
    }
}

/// The index key of a meeting file: its path as the walk found it. A path that is not UTF-8
/// is not indexed (JSON could only keep a lossy form, which two files might share).
fn name(file: &Path) -> Option<&str> {
    file.to_str()
}

/// The content key of files read again, as [`super::loaded_content_key`] makes it of the same
/// files loaded.
fn reread_key(r: &Reread) -> String {
    let translations: Vec<(&str, &str)> = r
        .translations
        .iter()
        .map(|(l, t)| (l.as_str(), t.as_str()))
        .collect();
    content_key(&Deps {
        meeting: &r.meeting,
        outcomes: r.outcomes.as_deref(),
        issued: &r.issued,
        translations: &translations,
        inputs: &r.inputs,
    })
}

/// The content key with what else the check reads: today's date and `--final`.
fn check_key(content: &str, options: &CheckOptions) -> String {
    let mut h = Sha256::new();
    field(&mut h, "content", content.as_bytes());
    field(&mut h, "today", options.today.to_string().as_bytes());
    field(&mut h, "final", &[u8::from(options.final_)]);
    hex(&h.finalize())
}

/// Whether `d` is about one of the files the loader reads for `m`: exactly those, so that a
/// meeting folder nested in another's is never taken for part of it.
fn owned_by(d: &Diagnostic, m: &LoadedMeeting) -> bool {
    let in_folder = |name: &str| d.file.parent() == Some(m.dir.join(name).as_path());
    let file_name = d.file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    d.file == m.file
        || d.file == m.dir.join(crate::load::OUTCOMES_FILE)
        || (in_folder(crate::model::translation::TRANSLATIONS_DIR)
            && m.translated_languages()
                .iter()
                .any(|l| file_name == format!("{l}.yaml")))
        || (in_folder(crate::revision::ISSUED_DIR)
            && file_name.starts_with("rev-")
            && file_name.ends_with(".json"))
}

/// The texts replayed diagnostics (the check's and the rendering's) point into, for their
/// snippets, and always the meeting file's (a duplicate id found later points into it).
fn texts_of<'a>(
    file: &Path,
    r: &Reread,
    diagnostics: impl Iterator<Item = &'a Diagnostic>,
) -> Vec<(PathBuf, String)> {
    let named: std::collections::HashSet<&Path> = diagnostics.map(|d| d.file.as_path()).collect();
    let dir = file.parent().unwrap_or(Path::new("."));
    let mut texts: Vec<(PathBuf, &str)> = vec![(file.to_path_buf(), &r.meeting)];
    if let Some(o) = &r.outcomes {
        texts.push((dir.join(crate::load::OUTCOMES_FILE), o));
    }
    for (lang, text) in &r.translations {
        let path = dir
            .join(crate::model::translation::TRANSLATIONS_DIR)
            .join(format!("{lang}.yaml"));
        texts.push((path, text));
    }
    texts
        .into_iter()
        .filter(|(path, _)| path == file || named.contains(path.as_path()))
        .map(|(path, text)| (path, text.to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_check_key_follows_the_content_the_date_and_final() {
        let day = |d| CheckOptions {
            final_: false,
            today: jiff::civil::Date::constant(2024, 6, d),
        };
        let a = check_key("c", &day(1));
        assert_eq!(a, check_key("c", &day(1)));
        assert_ne!(a, check_key("d", &day(1)));
        assert_ne!(a, check_key("c", &day(2)));
        let final_ = CheckOptions {
            final_: true,
            ..day(1)
        };
        assert_ne!(a, check_key("c", &final_));
    }

    #[test]
    fn an_index_of_another_format_or_none_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Index::read(dir.path()).meetings.is_empty());
        std::fs::write(
            dir.path().join(INDEX_FILE),
            "{\"format\": 0, \"meetings\": {\"x\": 1}}",
        )
        .unwrap();
        assert!(Index::read(dir.path()).meetings.is_empty());
        std::fs::write(dir.path().join(INDEX_FILE), Index::next().to_bytes()).unwrap();
        assert_eq!(Index::read(dir.path()).format, FORMAT);
    }
}
