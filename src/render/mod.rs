//! Rendering: functions from the checked model to bytes. Renderers never touch the disk; they
//! return [`Artifact`]s and [`crate::write`] puts them in place.

pub mod agenda;
pub mod akn;
pub mod archive;
pub mod bag;
pub mod csv;
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
    /// Problems found while parsing the minijinja templates and the catalogs.
    pub template_diagnostics: Vec<Diagnostic>,
    /// Every language's catalog and date forms.
    pub locales: view::locale::Locales,
    /// The typst engine with the installed CJK fonts too, made the first time a document in
    /// Chinese is rendered; `None` inside when none is installed.
    cjk: std::sync::OnceLock<Option<pdf::Engine>>,
    /// The fonts the main engine was made from, for the CJK engine.
    font_paths: Vec<std::path::PathBuf>,
    /// Where installed CJK fonts are looked for.
    cjk_dir: std::path::PathBuf,
}

impl Renderer {
    /// A renderer over `templates` with `fonts` indexed once.
    pub fn new(
        templates: templates::Templates,
        fonts: typst_kit::fonts::FontStore,
        font_paths: Vec<std::path::PathBuf>,
        epoch: Option<jiff::Timestamp>,
    ) -> Self {
        let (jinja, mut template_diagnostics) = followup::environment(&templates);
        let (locales, catalog_errors) = view::locale::Locales::new(&templates);
        template_diagnostics.extend(catalog_errors.into_iter().map(|(origin, why)| {
            Diagnostic::new(Rule::TemplateError, Path::new(&origin), Pos::default(), why)
                .hint("fix the catalog (Fluent syntax: `id = text`), or remove it to use the embedded one")
        }));
        Self {
            engine: pdf::Engine::new(&templates, fonts),
            templates,
            epoch,
            jinja,
            template_diagnostics,
            locales,
            cjk: std::sync::OnceLock::new(),
            font_paths,
            cjk_dir: crate::load::assets::cjk_font_dir(),
        }
    }

    /// The typst engine for documents in `lang`: the main one, or for Chinese, Japanese and
    /// Korean one that also has the installed CJK fonts. `None` when no font can show the
    /// language.
    pub fn engine_for(&self, lang: &str) -> Option<&pdf::Engine> {
        const HAN: &str = "会议";
        let cjk = matches!(lang.split('-').next(), Some("zh" | "ja" | "ko"));
        if !cjk || pdf::missing_glyphs(&self.engine, [HAN]).is_empty() {
            return Some(&self.engine);
        }
        self.cjk
            .get_or_init(|| {
                let mut fonts = crate::load::assets::font_store(&self.font_paths).ok()?;
                let found = crate::load::assets::cjk_fonts(&self.cjk_dir);
                if found.is_empty() {
                    return None;
                }
                fonts.extend(found);
                Some(pdf::Engine::new(&self.templates, fonts))
            })
            .as_ref()
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
        let languages = loaded.meeting.issued_languages();
        let several = languages.len() > 1;
        // The revision is worked out once for every language.
        let revision = view::revision::RevisionState::new(&loaded.issued, valid, &loaded.inputs);
        let mut artifacts = Vec::new();
        let mut diags: Vec<Diagnostic> = Vec::new();
        for lang in languages {
            let job = LanguageJob {
                loaded,
                valid,
                lang,
                several,
                revision: revision.as_ref(),
            };
            let (made, more) = self.render_language(&job, only, threads);
            artifacts.extend(made);
            // A missing glyph in a source text is found once per language: say it once.
            for d in more {
                if !diags.contains(&d) {
                    diags.push(d);
                }
            }
        }
        (artifacts, diags)
    }

    /// The documents of one meeting in one language (named `agenda.<lang>.pdf` when the
    /// meeting is issued in several).
    fn render_language(
        &self,
        job: &LanguageJob<'_>,
        only: Option<&[&'static exports::Export]>,
        threads: usize,
    ) -> (Vec<Artifact>, Vec<Diagnostic>) {
        let (loaded, lang) = (job.loaded, job.lang);
        let is_source = lang == loaded.meeting.language;
        // The source language is worded in English when docket has no catalog for it, as
        // before languages existed; a language issued as a translation needs its own.
        let locale = match self.locales.get(lang) {
            Some(locale) => locale,
            None if is_source => self.locales.get_or_english(lang),
            None => {
                return (
                    Vec::new(),
                    vec![language_error(loaded, lang, Rule::NoCatalog)],
                );
            }
        };
        let Some(engine) = self.engine_for(&locale.tag) else {
            return (
                Vec::new(),
                vec![language_error(loaded, lang, Rule::NoFontForLanguage)],
            );
        };
        let translation = loaded.translations.iter().find(|t| t.language == lang);
        let texts = translation.map(|t| &t.translation.texts);
        let translated = (!is_source).then(|| translate(loaded, job.valid, lang, texts, locale));
        let (valid, outcomes) = match &translated {
            Some((valid, outcomes)) => (valid, outcomes.as_ref()),
            None => (job.valid, loaded.outcomes.as_ref().map(|o| &o.outcomes)),
        };
        let mut normal: MeetingView = view::meeting_view(valid, locale);
        if let Some(state) = job.revision {
            let empty = Default::default();
            let lookup = std::cell::RefCell::new(crate::model::translation::Lookup::new(
                texts.unwrap_or(&empty),
            ));
            let tr = |text: &str| {
                lookup
                    .borrow_mut()
                    .get(text)
                    .map_or_else(|| text.to_owned(), str::to_owned)
            };
            view::revision::apply(&mut normal, state, locale, &tr);
        }
        let report = view::followup::follow_up(&normal, outcomes, locale);
        // Text that no font shows is in the translation file for a translated language.
        let (file, text) = match translation {
            Some(t) => (&t.file, &t.text),
            None => (&loaded.file, &loaded.meeting_text),
        };
        let mut diags = glyph_warnings(engine, &normal, file, text);
        let docs = exports::MeetingDocs {
            valid,
            source: &loaded.meeting,
            normal: &normal,
            report: &report,
            has_outcomes: loaded.outcomes.is_some(),
            archival: diags.is_empty(),
            timestamp: self.timestamp(valid),
            file: &loaded.file,
            engine,
            locale,
            history: job.revision.map(|r| &r.history),
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
                    rel_path: PathBuf::from(exports::file_in(export, job.several.then_some(lang))),
                    bytes,
                });
            }
        }
        (artifacts, diags)
    }
}

/// One meeting in one language, and what every language of it shares.
struct LanguageJob<'a> {
    loaded: &'a LoadedMeeting,
    valid: &'a ValidMeeting,
    lang: &'a str,
    several: bool,
    revision: Option<&'a view::revision::RevisionState>,
}

/// The meeting and outcomes in `lang`: each text from the meeting's translation file, or,
/// where it has none, the source text marked untranslated (the check has warned about it).
fn translate(
    loaded: &LoadedMeeting,
    valid: &ValidMeeting,
    lang: &str,
    texts: Option<&std::collections::BTreeMap<String, String>>,
    locale: &view::locale::Locale,
) -> (ValidMeeting, Option<crate::model::outcomes::Outcomes>) {
    use crate::model::translation::{Lookup, localize_meeting, localize_outcomes};
    let empty = Default::default();
    let mut lookup = Lookup::new(texts.unwrap_or(&empty));
    let mut f = |_: &str, text: &str| match lookup.get(text) {
        Some(t) => t.to_owned(),
        None => view::words::say(
            locale,
            "untranslated",
            &[("text", fluent_bundle::FluentValue::from(text))],
        ),
    };
    let mut meeting = localize_meeting(&loaded.meeting, &mut f);
    meeting.language = lang.to_owned();
    let outcomes = loaded
        .outcomes
        .as_ref()
        .map(|o| localize_outcomes(&o.outcomes, &mut f));
    let valid = ValidMeeting {
        meeting,
        zone: valid.zone.clone(),
        window: valid.window,
        days: valid.days.clone(),
    };
    (valid, outcomes)
}

/// A language that cannot be rendered: no catalog, or no font.
fn language_error(loaded: &LoadedMeeting, lang: &str, rule: Rule) -> Diagnostic {
    let pos = loaded.meeting.language_pos(lang);
    let (message, hint) = if rule == Rule::NoCatalog {
        (
            format!("no message catalog for `{lang}`: its documents cannot be worded"),
            format!(
                "docket ships ar, en, es, fr, ru and zh; add `locales/{lang}.ftl` (a copy of en.ftl, translated) to your --templates folder"
            ),
        )
    } else {
        (
            format!(
                "no font can show `{lang}`: its documents would print empty boxes, so they were not made"
            ),
            format!(
                "install a CJK font (Debian, Ubuntu: `apt install {}`), or give a folder of CJK fonts with --font-path",
                crate::load::assets::CJK_FONT_PACKAGE
            ),
        )
    };
    Diagnostic::new(rule, &loaded.file, pos, message).hint(hint)
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
