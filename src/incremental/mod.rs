//! Incremental builds: a meeting is rebuilt only when something its documents depend on changed.
//!
//! A meeting's *content key* is a SHA-256 over docket's build ([`DOCKET_BUILD`]) and everything the loader
//! reads for it ([`Deps`]): `meeting.yaml`, `outcomes.yaml`, the issued revisions and
//! translations as bytes, and each input document's path and hash. Its *build key* adds the
//! output id and the run: the template set and fonts in use (fingerprinted once per run) and
//! the options that change output (`SOURCE_DATE_EPOCH`, `--only`). The key is kept with the list of
//! files written in a *stamp*, `output/<id>/.docket-stamp.json`, written inside the folder it
//! describes so that the two are swapped in together. A meeting is unchanged when its stamp has
//! the same key and every file it lists is still there with its size.
//!
//! Parsing the YAML is most of the time of a build where little changed, so a build also
//! keeps an [`index`] of each meeting's content key and check results; a meeting whose files
//! read back the same and whose stamp matches is not parsed or checked again.

use std::path::Path;

pub mod index;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diag::{Diagnostic, Rule, Severity};
use crate::load::safe::hex;
use crate::load::{InputStatus, LoadedMeeting};
use crate::model::Pos;

/// Which docket this is: its version and the build id `build.rs` makes from its sources, so
/// that a changed docket checks and renders every meeting again even under the same version.
pub const DOCKET_BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("DOCKET_BUILD_ID"));

/// The stamp's file name, inside each meeting's output folder.
pub const STAMP_FILE: &str = ".docket-stamp.json";

/// What a finished build of one meeting left, to decide whether the next build may skip it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// The build key, lowercase hex.
    pub key: String,
    /// The `meeting.yaml` it was built from: while that file exists the folder is not stale,
    /// even when the file fails to parse for now.
    #[serde(default)]
    pub source: String,
    /// Files written, with their sizes.
    pub files: Vec<(String, u64)>,
    /// Warnings and notes the rendering gave, replayed when the meeting is skipped so that an
    /// unchanged build reports what a full one would.
    #[serde(default)]
    pub diagnostics: Vec<StampedDiagnostic>,
}

/// A render diagnostic as kept in the stamp.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StampedDiagnostic {
    /// Code, `W0503`.
    pub code: String,
    /// Message.
    pub message: String,
    /// File.
    pub file: String,
    /// Line.
    pub line: u32,
    /// Column.
    pub column: u32,
    /// Hint.
    pub hint: Option<String>,
    /// Severity, when not the rule's own (older stamps have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
}

impl StampedDiagnostic {
    /// A diagnostic as kept.
    pub fn keep(d: &Diagnostic) -> Self {
        let rule = Rule::ALL.iter().copied().find(|r| r.code() == d.code);
        Self {
            code: d.code.to_owned(),
            message: d.message.clone(),
            file: d.file.to_string_lossy().into_owned(),
            line: d.line,
            column: d.column,
            hint: d.hint.clone(),
            severity: (rule.map(Rule::severity) != Some(d.severity)).then_some(d.severity),
        }
    }

    /// The kept diagnostic again; `None` for a code this docket does not know.
    pub fn restore(&self) -> Option<Diagnostic> {
        let rule = Rule::ALL.iter().copied().find(|r| r.code() == self.code)?;
        let mut diag = Diagnostic::new(
            rule,
            Path::new(&self.file),
            Pos::new(self.line, self.column),
            self.message.clone(),
        );
        diag.hint.clone_from(&self.hint);
        Some(match self.severity {
            Some(severity) => diag.severity(severity),
            None => diag,
        })
    }
}

impl Stamp {
    /// The stamp of a build that wrote `files` and reported `diagnostics` (none of them errors).
    pub fn new(
        key: String,
        source: &Path,
        files: &[crate::render::Artifact],
        diagnostics: &[Diagnostic],
    ) -> Self {
        Self {
            key,
            source: source.to_string_lossy().into_owned(),
            files: files
                .iter()
                .map(|a| {
                    (
                        a.rel_path.to_string_lossy().into_owned(),
                        a.bytes.len() as u64,
                    )
                })
                .collect(),
            diagnostics: diagnostics.iter().map(StampedDiagnostic::keep).collect(),
        }
    }

    /// The stamp as file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// The stamp in `dir`, if there is a readable one.
    pub fn read(dir: &Path) -> Option<Self> {
        let path = dir.join(STAMP_FILE);
        // Only a small regular file: the output folder is docket's, but not beyond tampering.
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() || meta.len() > 16 * 1024 * 1024 {
            return None;
        }
        serde_json::from_slice(&std::fs::read(path).ok()?).ok()
    }

    /// Whether the folder `dir` still holds every file this stamp lists, with its size.
    pub fn files_intact(&self, dir: &Path) -> bool {
        self.files.iter().all(|(name, size)| {
            std::fs::symlink_metadata(dir.join(name)).is_ok_and(|m| m.is_file() && m.len() == *size)
        })
    }

    /// The kept diagnostics as diagnostics again (unknown codes are dropped).
    pub fn replay(&self) -> Vec<Diagnostic> {
        self.diagnostics
            .iter()
            .filter_map(StampedDiagnostic::restore)
            .filter(|d| d.severity != Severity::Error)
            .collect()
    }
}

/// What the whole run shares in every key: docket's build, templates, fonts and options.
#[derive(Clone, Debug)]
pub struct RunFingerprint(String);

impl RunFingerprint {
    /// Hashes the run's inputs: each template's name and bytes, each font's identity, the
    /// options that change output.
    pub fn new<'a>(
        templates: impl Iterator<Item = (&'a str, &'a [u8])>,
        fonts: &[String],
        options: &str,
    ) -> Self {
        let mut h = Sha256::new();
        field(&mut h, "docket", DOCKET_BUILD.as_bytes());
        for (name, bytes) in templates {
            field(&mut h, name, bytes);
        }
        for font in fonts {
            field(&mut h, "font", font.as_bytes());
        }
        field(&mut h, "options", options.as_bytes());
        Self(hex(&h.finalize()))
    }
}

/// Everything a meeting's check and documents read besides its templates: the texts of its
/// files and what is at its input documents' paths. The loader reads it whole; a build that
/// finds a meeting in its [`index`] reads it again, without parsing, to see whether anything
/// changed.
#[derive(Clone, Copy, Debug)]
pub struct Deps<'a> {
    /// `meeting.yaml`.
    pub meeting: &'a str,
    /// `outcomes.yaml`, when there is one.
    pub outcomes: Option<&'a str>,
    /// Each issued revision file, in order.
    pub issued: &'a [String],
    /// Each translation read, as (language, text).
    pub translations: &'a [(&'a str, &'a str)],
    /// What is at each input document's path.
    pub inputs: &'a [crate::load::InputFact],
}

/// The content key of a meeting: a SHA-256 over docket's build and its [`Deps`].
pub fn content_key(deps: &Deps<'_>) -> String {
    let mut h = Sha256::new();
    field(&mut h, "docket", DOCKET_BUILD.as_bytes());
    field(&mut h, "meeting.yaml", deps.meeting.as_bytes());
    field(
        &mut h,
        "outcomes.yaml",
        deps.outcomes.map_or(&b"(none)"[..], str::as_bytes),
    );
    // Documents show the revision, its changes and the calendar's sequence numbers.
    for text in deps.issued {
        field(&mut h, "issued", text.as_bytes());
    }
    // A translation changes that language's documents (and one appearing or going away
    // changes what is printed untranslated).
    for (language, text) in deps.translations {
        field(&mut h, "translation", language.as_bytes());
        field(&mut h, "text", text.as_bytes());
    }
    for input in deps.inputs {
        field(&mut h, "input", input.written.as_bytes());
        match &input.status {
            InputStatus::Ok { sha256, .. } => field(&mut h, "sha256", sha256.as_bytes()),
            other => field(&mut h, "status", format!("{other:?}").as_bytes()),
        }
    }
    hex(&h.finalize())
}

/// The content key of a loaded meeting.
pub fn loaded_content_key(m: &LoadedMeeting) -> String {
    let translations: Vec<(&str, &str)> = m
        .translations
        .iter()
        .map(|t| (t.language.as_str(), t.text.as_str()))
        .collect();
    content_key(&Deps {
        meeting: &m.meeting_text,
        outcomes: m.outcomes.as_ref().map(|o| o.text.as_str()),
        issued: &m.issued_texts,
        translations: &translations,
        inputs: &m.inputs,
    })
}

/// The build key of a meeting under a run: its content key, its id (the output folder) and
/// the run's templates, fonts and options.
pub fn build_key(run: &RunFingerprint, id: &str, content_key: &str) -> String {
    let mut h = Sha256::new();
    field(&mut h, "run", run.0.as_bytes());
    field(&mut h, "id", id.as_bytes());
    field(&mut h, "content", content_key.as_bytes());
    hex(&h.finalize())
}

/// The build key of one loaded meeting under a run.
pub fn meeting_key(run: &RunFingerprint, m: &LoadedMeeting) -> String {
    build_key(run, &m.meeting.id.value, &loaded_content_key(m))
}

/// Length-prefixed, so no two different field lists hash alike.
fn field(h: &mut Sha256, name: &str, bytes: &[u8]) {
    h.update((name.len() as u64).to_le_bytes());
    h.update(name.as_bytes());
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(template: &[u8], options: &str) -> RunFingerprint {
        RunFingerprint::new([("agenda.typ", template)].into_iter(), &[], options)
    }

    #[test]
    fn a_changed_template_or_option_changes_the_run() {
        let a = run(b"x", "epoch=");
        assert_eq!(a.0, run(b"x", "epoch=").0);
        assert_ne!(a.0, run(b"y", "epoch=").0);
        assert_ne!(a.0, run(b"x", "epoch=1").0);
    }

    #[test]
    fn fields_cannot_run_into_each_other() {
        let mut a = Sha256::new();
        field(&mut a, "ab", b"c");
        let mut b = Sha256::new();
        field(&mut b, "a", b"bc");
        assert_ne!(a.finalize(), b.finalize());
    }

    #[test]
    fn a_stamp_round_trips_and_sees_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("agenda.pdf"), "1234").unwrap();
        let stamp = Stamp {
            key: "k".into(),
            source: "meetings/x/meeting.yaml".into(),
            files: vec![("agenda.pdf".into(), 4)],
            diagnostics: vec![],
        };
        std::fs::write(dir.path().join(STAMP_FILE), stamp.to_bytes()).unwrap();
        let read = Stamp::read(dir.path()).unwrap();
        assert_eq!(read, stamp);
        assert!(read.files_intact(dir.path()));
        std::fs::write(dir.path().join("agenda.pdf"), "12").unwrap();
        assert!(!read.files_intact(dir.path()), "a file of another size");
        std::fs::remove_file(dir.path().join("agenda.pdf")).unwrap();
        assert!(!read.files_intact(dir.path()), "a deleted file");
    }
}
