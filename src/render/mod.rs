//! Rendering: functions from the checked model to bytes. Renderers never touch the disk; they
//! return [`Artifact`]s and [`crate::write`] puts them in place.

pub mod agenda;
pub mod archive;
pub mod docx;
pub mod followup;
pub mod ics;
pub mod json;
pub mod pdf;
pub mod templates;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Rule};
use crate::load::LoadedMeeting;
use crate::model::normal::{NormalMeeting, normalise};
use crate::model::{Pos, clock};

/// The files `build` writes into each meeting's output folder; input documents may not use
/// these names (they sit beside them in the yearly record).
pub const MEETING_FILES: &[&str] = &[
    "meeting.json",
    "agenda.pdf",
    "agenda.ics",
    "summary.docx",
    "follow-up.html",
    "follow-up.md",
    "follow-up.pdf",
];

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
    pub fn timestamp(&self, meeting: &NormalMeeting) -> jiff::Timestamp {
        self.epoch
            .or_else(|| clock::parse_instant(&meeting.window.start).ok())
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    }

    /// Renders every document of one meeting that passed its checks.
    pub fn render_meeting(&self, loaded: &LoadedMeeting) -> (Vec<Artifact>, Vec<Diagnostic>) {
        let normal: NormalMeeting = normalise(&loaded.meeting);
        let dir = PathBuf::from(&normal.id);
        let mut artifacts = vec![Artifact {
            rel_path: dir.join("meeting.json"),
            bytes: json::meeting_json(&normal),
        }];
        let mut diags = glyph_warnings(&self.engine, &normal, &loaded.file, &loaded.meeting_text);
        let archival = diags.is_empty();
        let (pdf, pdf_diags) = agenda::render(self, &normal, archival);
        diags.extend(pdf_diags);
        push(&mut artifacts, &dir, "agenda.pdf", pdf);
        let outcomes = loaded.outcomes.as_ref().map(|o| &o.outcomes);
        let report = crate::model::followup::follow_up(&normal, outcomes);
        for (template, file) in [
            ("follow-up.html.j2", "follow-up.html"),
            ("follow-up.md.j2", "follow-up.md"),
        ] {
            match followup::render_jinja(self, template, &report) {
                Ok(bytes) => push(&mut artifacts, &dir, file, Some(bytes)),
                Err(d) => diags.push(d),
            }
        }
        push(
            &mut artifacts,
            &dir,
            "agenda.ics",
            Some(ics::calendar(&normal, self.timestamp(&normal))),
        );
        let summary = docx::summary(&report, loaded.outcomes.is_some(), self.timestamp(&normal));
        push(&mut artifacts, &dir, "summary.docx", Some(summary));
        let (pdf, pdf_diags) = followup::render_pdf(self, &report, archival);
        diags.extend(pdf_diags);
        push(&mut artifacts, &dir, "follow-up.pdf", pdf);
        (artifacts, diags)
    }
}

fn push(artifacts: &mut Vec<Artifact>, dir: &Path, name: &str, bytes: Option<Vec<u8>>) {
    if let Some(bytes) = bytes {
        artifacts.push(Artifact {
            rel_path: dir.join(name),
            bytes,
        });
    }
}

/// One warning per character that no font can show, naming the text and its line.
fn glyph_warnings(
    engine: &pdf::Engine,
    meeting: &NormalMeeting,
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
