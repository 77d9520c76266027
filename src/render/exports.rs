//! The export registry: one table of every file `build` makes for a meeting.
//!
//! The reserved input-document names (E0405), the archive's links, `--only` and the README's
//! list all derive from [`EXPORTS`], so a new format is one entry here and one render function.

use super::{Renderer, agenda, akn, csv, docx, followup, ics, json};
use crate::diag::{Diagnostic, Rule};
use crate::model::Pos;
use crate::model::valid::ValidMeeting;
use crate::render::view::MeetingView;
use crate::render::view::followup::FollowUp;

/// Everything a meeting's renderers share, computed once per meeting.
pub struct MeetingDocs<'a> {
    /// The validated meeting: typed dates, times and instants (in the document's language).
    pub valid: &'a ValidMeeting,
    /// The meeting as written, in its source language.
    pub source: &'a crate::model::Meeting,
    /// The meeting view (`meeting.json`).
    pub normal: &'a MeetingView,
    /// The follow-up report as data (read by the summary and the follow-up files).
    pub report: &'a FollowUp,
    /// Whether rapporteurs have written `outcomes.yaml`.
    pub has_outcomes: bool,
    /// Declare PDF/A and PDF/UA (false when some text has no font).
    pub archival: bool,
    /// The fixed timestamp of every document (never the clock).
    pub timestamp: jiff::Timestamp,
    /// `meeting.yaml`, named by diagnostics that have no template position.
    pub file: &'a std::path::Path,
    /// The typst engine with fonts for the document's language.
    pub engine: &'a super::pdf::Engine,
    /// The document's language.
    pub locale: &'a super::view::locale::Locale,
    /// How the sessions went through the issued revisions (for the calendar), once issued.
    pub history: Option<&'a crate::revision::History>,
}

/// What one renderer produced: the bytes when it succeeded, and its diagnostics.
pub type Rendered = (Option<Vec<u8>>, Vec<Diagnostic>);

/// One output format.
#[derive(Debug)]
pub struct Export {
    /// The name `--only` takes ("agenda").
    pub name: &'static str,
    /// The file it writes in `output/<id>/`.
    pub file: &'static str,
    /// What it is, for the README and `--help`.
    pub about: &'static str,
    /// How the yearly record's index links it ("Agenda (PDF)").
    pub label: &'static str,
    /// Whether the yearly record lists and links it.
    pub archived: bool,
    /// Renders it.
    pub render: fn(&Renderer, &MeetingDocs<'_>) -> Rendered,
}

/// Every output of a meeting, in the order they are listed and written.
pub const EXPORTS: &[Export] = &[
    Export {
        name: "json",
        file: "meeting.json",
        about: "the normalised meeting, a published contract (`docket schema meeting-json`)",
        label: "meeting.json",
        archived: true,
        render: |_, d| (Some(json::meeting_json(d.normal)), Vec::new()),
    },
    Export {
        name: "agenda",
        file: "agenda.pdf",
        about: "the official agenda, PDF/A-2a and PDF/UA-1",
        label: "Agenda (PDF)",
        archived: true,
        render: |_, d| agenda::render(d.engine, d.normal, d.timestamp, d.archival),
    },
    Export {
        name: "akn",
        file: "agenda.akn.xml",
        about: "the agenda as Akoma Ntoso 3.0 (an AKN4UN `debateReport`), valid against the OASIS schema",
        label: "Akoma Ntoso (XML)",
        archived: true,
        render: |_, d| {
            (
                Some(akn::agenda(
                    d.report,
                    d.has_outcomes,
                    d.timestamp,
                    &d.source.host,
                )),
                Vec::new(),
            )
        },
    },
    Export {
        name: "calendar",
        file: "agenda.ics",
        about: "the meeting as one all-day event, then one event per timed session (RFC 5545, UTC, stable UIDs)",
        label: "Calendar",
        archived: true,
        render: |_, d| {
            (
                Some(ics::calendar(d.valid, d.normal, d.timestamp, d.history)),
                Vec::new(),
            )
        },
    },
    Export {
        name: "summary",
        file: "summary.docx",
        about: "the Word summary",
        label: "Summary (Word)",
        archived: true,
        render: |_, d| match docx::summary(d.report, d.has_outcomes, d.timestamp, d.locale) {
            Ok(bytes) => (Some(bytes), Vec::new()),
            Err(why) => (None, vec![render_failed(d, "summary.docx", &why)]),
        },
    },
    Export {
        name: "actions",
        file: "actions.csv",
        about: "the follow-up actions as a spreadsheet (RFC 4180, UTF-8 with a byte-order mark)",
        label: "Actions (CSV)",
        archived: true,
        render: |_, d| (Some(csv::actions(d.report)), Vec::new()),
    },
    Export {
        name: "follow-up-html",
        file: "follow-up.html",
        about: "the follow-up report, self-contained HTML with print CSS and schema.org `Event` data",
        label: "Follow-up report",
        archived: true,
        render: |r, d| jinja(r, "follow-up.html.j2", d),
    },
    Export {
        name: "follow-up-md",
        file: "follow-up.md",
        about: "the follow-up report as Markdown",
        label: "Follow-up (Markdown)",
        archived: true,
        render: |r, d| jinja(r, "follow-up.md.j2", d),
    },
    Export {
        name: "follow-up-pdf",
        file: "follow-up.pdf",
        about: "the follow-up report as PDF/A",
        label: "Follow-up (PDF)",
        archived: true,
        render: |_, d| followup::render_pdf(d.engine, d.report, d.timestamp, d.archival),
    },
];

fn jinja(renderer: &Renderer, template: &str, d: &MeetingDocs<'_>) -> Rendered {
    match followup::render_jinja(renderer, template, d.report) {
        Ok(bytes) => (Some(bytes), Vec::new()),
        Err(diag) => (None, vec![diag]),
    }
}

fn render_failed(d: &MeetingDocs<'_>, file: &str, why: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::Io,
        d.file,
        Pos::default(),
        format!("cannot make {file}: {why}"),
    )
    .hint("this is docket's fault, not the meeting's: please report it with the meeting file")
}

/// The file of export `e` for a meeting issued in several languages: the language before the
/// extension ("agenda.fr.pdf"); a meeting in one language keeps the plain name.
pub fn file_in(e: &Export, lang: Option<&str>) -> String {
    match (lang, e.file.split_once('.')) {
        (Some(lang), Some((stem, ext))) => format!("{stem}.{lang}.{ext}"),
        _ => e.file.to_owned(),
    }
}

/// The export that wrote `file` (plain or with a language), with the language, if any.
pub fn export_and_language(file: &str) -> Option<(&'static Export, Option<&str>)> {
    let export = export_of(file)?;
    let lang = (export.file != file)
        .then(|| file.split('.').nth(1))
        .flatten();
    Some((export, lang))
}

/// The export that wrote `file` (plain or with a language), if any.
pub fn export_of(file: &str) -> Option<&'static Export> {
    EXPORTS.iter().find(|e| {
        e.file == file
            || match (e.file.split_once('.'), file.split_once('.')) {
                (Some((stem, ext)), Some((fstem, rest))) => {
                    stem == fstem
                        && rest.split_once('.').is_some_and(|(lang, fext)| {
                            fext == ext && crate::model::translation::is_language_tag(lang)
                        })
                }
                _ => false,
            }
    })
}

/// The export called `name`.
pub fn by_name(name: &str) -> Option<&'static Export> {
    EXPORTS.iter().find(|e| e.name == name)
}

/// The file names `build` writes into a meeting's folder (input documents may not use them).
pub fn reserved_names() -> impl Iterator<Item = &'static str> {
    EXPORTS.iter().map(|e| e.file)
}

/// `--only` names, for error messages.
pub fn names() -> String {
    EXPORTS
        .iter()
        .map(|e| e.name)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_files_are_unique() {
        let mut names: Vec<_> = EXPORTS.iter().map(|e| e.name).collect();
        let mut files: Vec<_> = reserved_names().collect();
        names.sort_unstable();
        names.dedup();
        files.sort_unstable();
        files.dedup();
        assert_eq!(names.len(), EXPORTS.len());
        assert_eq!(files.len(), EXPORTS.len());
        assert!(by_name("agenda").is_some_and(|e| e.file == "agenda.pdf"));
        let agenda = by_name("agenda").unwrap();
        assert_eq!(file_in(agenda, Some("ar")), "agenda.ar.pdf");
        assert_eq!(file_in(agenda, None), "agenda.pdf");
        assert_eq!(
            export_of("follow-up.zh.html").map(|e| e.name),
            Some("follow-up-html")
        );
        assert_eq!(export_of("agenda.pdf").map(|e| e.name), Some("agenda"));
        assert!(export_of("agenda.x.y.pdf").is_none());
    }
}
