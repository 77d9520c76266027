//! Rendering: functions from the checked model to bytes. Renderers never touch the disk; they
//! return [`Artifact`]s and [`crate::write`] puts them in place.

pub mod agenda;
pub mod archive;
pub mod docx;
pub mod exports;
pub mod followup;
pub mod ics;
pub mod json;
pub mod pdf;
pub mod templates;
pub mod view;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Rule};
use crate::load::LoadedMeeting;
use crate::model::Pos;
use crate::model::valid::ValidMeeting;
use crate::render::view::MeetingView;

/// One generated file: where it goes, relative to the output folder, and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Artifact {
    /// Path relative to the output folder, for example `igf-2024-oc2-mag/meeting.json`.
    pub rel_path: PathBuf,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// What every rendering of a run shares.
pub struct Renderer {
    /// typst library, fonts and template sources.
    pub engine: pdf::Engine,
    /// The template set (embedded defaults with overrides).
    pub templates: templates::Templates,
    /// `SOURCE_DATE_EPOCH`, if set: the timestamp of every document.
    pub epoch: Option<jiff::Timestamp>,
    /// minijinja templates, parsed once.
    pub jinja: minijinja::Environment<'static>,
    /// Problems found while parsing the minijinja templates.
    pub template_diagnostics: Vec<Diagnostic>,
}

impl Renderer {
    /// A renderer over `templates` with `fonts` indexed once.
    pub fn new(
        templates: templates::Templates,
        fonts: typst_kit::fonts::FontStore,
        epoch: Option<jiff::Timestamp>,
    ) -> Self {
        let (jinja, template_diagnostics) = followup::environment(&templates);
        Self {
            engine: pdf::Engine::new(&templates, fonts),
            templates,
            epoch,
            jinja,
            template_diagnostics,
        }
    }

    /// The fixed timestamp of a meeting's documents: `SOURCE_DATE_EPOCH`, else the published
    /// start of the event window. Never the clock.
    pub fn timestamp(&self, meeting: &ValidMeeting) -> jiff::Timestamp {
        self.epoch.unwrap_or(meeting.window.0)
    }

    /// Renders the documents of one meeting that passed its checks: every export of the
    /// registry, or those of `only`. Paths are relative to the meeting's own output folder.
    /// The exports are independent: with `threads` > 1 they render concurrently (worth it
    /// when fewer meetings than cores are being built; the two PDFs dominate).
    pub fn render_meeting(
        &self,
        loaded: &LoadedMeeting,
        valid: &ValidMeeting,
        only: Option<&[&'static exports::Export]>,
        threads: usize,
    ) -> (Vec<Artifact>, Vec<Diagnostic>) {
        let normal: MeetingView = view::meeting_view(valid);
        let report = crate::render::view::followup::follow_up(
            &normal,
            loaded.outcomes.as_ref().map(|o| &o.outcomes),
        );
        let mut diags = glyph_warnings(&self.engine, &normal, &loaded.file, &loaded.meeting_text);
        let docs = exports::MeetingDocs {
            valid,
            normal: &normal,
            report: &report,
            has_outcomes: loaded.outcomes.is_some(),
            archival: diags.is_empty(),
            timestamp: self.timestamp(valid),
            file: &loaded.file,
        };
        let selected: Vec<&exports::Export> = match only {
            Some(list) => exports::EXPORTS
                .iter()
                .filter(|e| list.iter().any(|o| o.name == e.name))
                .collect(),
            None => exports::EXPORTS.iter().collect(),
        };
        // With two threads one takes the agenda PDF while the other does the rest, so a
        // meeting's two PDFs render at once. Results come back in registry order whatever
        // finishes first, so output is deterministic.
        let results: Vec<(&exports::Export, exports::Rendered)> =
            crate::jobs::run(&selected, threads, |e| (*e, (e.render)(self, &docs)));
        let mut artifacts = Vec::with_capacity(results.len());
        for (export, (bytes, more)) in results {
            diags.extend(more);
            if let Some(bytes) = bytes {
                artifacts.push(Artifact {
                    rel_path: PathBuf::from(export.file),
                    bytes,
                });
            }
        }
        (artifacts, diags)
    }
}

/// One warning per character that no font can show, naming the text and its line.
fn glyph_warnings(
    engine: &pdf::Engine,
    meeting: &MeetingView,
    file: &Path,
    source: &str,
) -> Vec<Diagnostic> {
    let value = serde_json::to_value(meeting).unwrap_or_default();
    let mut texts = Vec::new();
    collect_strings(&value, &mut texts);
    pdf::missing_glyphs(engine, texts.iter().map(String::as_str))
        .into_iter()
        .map(|(c, text)| {
            let line = source.lines().position(|l| l.contains(c)).map_or(0, |i| u32::try_from(i + 1).unwrap_or(0));
            let col = source
                .lines()
                .nth(line.saturating_sub(1) as usize)
                .and_then(|l| l.chars().position(|x| x == c))
                .map_or(0, |i| u32::try_from(i + 1).unwrap_or(0));
            Diagnostic::new(
                Rule::MissingGlyph,
                file,
                Pos::new(line, col),
                format!("no font can show '{c}' (U+{:04X}) in \"{text}\"", u32::from(c)),
            )
            .hint("add a font that covers this script with `--font-path DIR` (for example a Noto font for Arabic, Chinese or Cyrillic); until then PDFs are made without PDF/A and PDF/UA, which forbid missing glyphs")
        })
        .collect()
}

/// Every string in a JSON value, for glyph coverage.
pub(crate) fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}
