//! `docket archive`: the yearly record, assembled from the same load, check and render stages
//! as `build`, then written whole under `out/archive/<scope>/` with a SHA-256 manifest.
//!
//! [`crate::render::view::record`] is the record as data and [`crate::render::archive`] renders it;
//! this module chooses the meetings, gathers each one's documents and input documents, and
//! swaps the finished record in ([`crate::write::replace_dir`]).

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::diag::{Diagnostic, Rule, Severity};
use crate::load::{self, LoadedMeeting};
use crate::model::Pos;
use crate::model::valid::{ValidMeeting, validate};
use crate::pipeline::{self, BuildOptions, Built, Counts, Prepared};
use crate::render::Artifact;
use crate::render::archive as files;
use crate::render::exports;
use crate::render::view::record::{self, DocumentEntry};
use crate::render::view::{self, followup};
use crate::write;

/// What to put in a yearly record.
#[derive(Debug, Default, Clone)]
pub struct ArchiveOptions {
    /// Rendering options, shared with `build`.
    pub build: BuildOptions,
    /// Meetings with a day in this year.
    pub year: Option<i16>,
    /// Meetings of this series ("IGF 2024").
    pub series: Option<String>,
}

impl ArchiveOptions {
    /// The archive's folder name and the record's scope: the year, else the series as a slug.
    pub fn scope(&self) -> String {
        let scope = match (&self.year, &self.series) {
            (Some(y), _) => y.to_string(),
            (None, Some(s)) => s
                .to_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-"),
            (None, None) => "all".into(),
        };
        // A series with no letters or digits still gets a folder of its own.
        if scope.is_empty() {
            "series".into()
        } else {
            scope
        }
    }

    fn selects(&self, v: &ValidMeeting) -> bool {
        let year_ok = self
            .year
            .is_none_or(|y| v.days.iter().any(|d| d.date.year() == y));
        year_ok
            && self
                .series
                .as_ref()
                .is_none_or(|s| v.meeting.series.trim() == s.trim())
    }
}

/// One meeting's part of the record: its files (paths relative to the archive) and entries.
struct Chapter {
    timestamp: jiff::Timestamp,
    artifacts: Vec<Artifact>,
    follow_up: followup::FollowUp,
    documents: Vec<DocumentEntry>,
    revisions: Vec<record::RevisionEntry>,
}

/// Builds the yearly record under `out/archive/<scope>/`: every selected meeting's documents
/// and input documents, `record.json` (+ schema), `record.pdf`, `index.html` and the manifest.
pub fn archive(
    root: &Path,
    out: &Path,
    options: &ArchiveOptions,
) -> Result<Built<crate::load::LoadedMeeting>, Diagnostic> {
    let started = Instant::now();
    pipeline::refuse_output_inside(root, out)?;
    let prepared = Prepared::new(&options.build)?;
    let renderer = &prepared.renderer;
    let _lock = write::lock(out).map_err(|e| io(out, &format!("cannot write output: {e}")))?;
    let scope = options.scope();
    let base = PathBuf::from("archive").join(&scope);
    write::sweep_stale(&out.join("archive"));
    let mut checked = prepared.install(|| pipeline::check(root, &options.build.check))?;
    let mut diags = renderer.template_diagnostics.clone();
    let mut selected: Vec<(&LoadedMeeting, ValidMeeting)> = Vec::new();
    for m in checked.clean() {
        match validate(&m.meeting) {
            Ok(v) if options.selects(&v) => selected.push((m, v)),
            Ok(_) => {}
            Err(why) => diags.push(pipeline::invalid(m, &why)),
        }
    }
    if selected.is_empty() {
        return Err(
            io(root, &format!("no meeting without errors matches {scope}")).hint(
                "check the --year or --series, and run `docket check` for meetings with errors",
            ),
        );
    }
    let chapters: Vec<(Option<Chapter>, Vec<Diagnostic>)> =
        crate::jobs::run(&selected, prepared.jobs, |(m, v)| chapter(&prepared, m, v));
    let n_selected = selected.len();
    let mut artifacts: Vec<Artifact> = Vec::new();
    let mut parts = Vec::new();
    let mut stamps = Vec::new();
    for (c, more) in chapters {
        diags.extend(more);
        if let Some(c) = c {
            artifacts.extend(c.artifacts);
            stamps.push((c.follow_up.meeting.id.clone(), c.timestamp));
            parts.push((c.follow_up, c.documents, c.revisions));
        }
    }
    let record = record::year_record(&scope, parts);
    // The record is dated like its last meeting's documents.
    let stamp = record
        .meetings
        .last()
        .and_then(|m| stamps.iter().find(|(id, _)| *id == m.follow_up.meeting.id))
        .map_or(jiff::Timestamp::UNIX_EPOCH, |(_, t)| *t);
    artifacts.push(Artifact {
        rel_path: "record.json".into(),
        bytes: files::record_json(&record),
    });
    artifacts.push(Artifact {
        rel_path: "record.schema.json".into(),
        bytes: files::record_schema(),
    });
    match files::index_html(renderer, &record) {
        Ok(bytes) => artifacts.push(Artifact {
            rel_path: "index.html".into(),
            bytes,
        }),
        Err(d) => diags.push(d),
    }
    let (pdf, pdf_diags) = files::record_pdf(renderer, &record, stamp);
    diags.extend(pdf_diags);
    if let Some(bytes) = pdf {
        artifacts.push(Artifact {
            rel_path: "record.pdf".into(),
            bytes,
        });
    }
    artifacts.push(Artifact {
        rel_path: "actions.csv".into(),
        bytes: crate::render::csv::year_actions(record.meetings.iter().map(|m| &m.follow_up)),
    });
    // The record is a BagIt bag: its files under data/, with the bag's declaration, metadata
    // and manifests (RFC 8493), dated from the data.
    let mut hosts: Vec<&str> = record
        .meetings
        .iter()
        .map(|m| m.follow_up.meeting.host.as_str())
        .collect();
    hosts.sort_unstable();
    hosts.dedup();
    let info = crate::render::bag::BagInfo {
        source_organization: hosts.join("; "),
        description: format!(
            "{}: {} meeting{}, their agendas, summaries, follow-up reports, calendars and input documents, made by docket",
            record.title,
            record.meetings.len(),
            if record.meetings.len() == 1 { "" } else { "s" }
        ),
        bagging_date: stamp.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
    };
    let artifacts = crate::render::bag::bag(artifacts, &info);
    let with_errors = checked.loaded.meetings.len() - checked.clean().count();
    if !diags.is_empty() {
        pipeline::keep_template_sources(renderer, &mut checked);
    }
    let failed = diags.iter().any(|d| d.severity == Severity::Error);
    checked.diagnostics.extend(diags);
    pipeline::sort(&mut checked.diagnostics);
    // An archive with a missing part is not a record: write nothing rather than half of it.
    // The new record replaces the old one whole, so no file of an earlier run lingers in it.
    let written = if failed {
        Vec::new()
    } else {
        let dir = out.join(&base);
        pipeline::refuse_destination(root, &dir)?;
        write::replace_dir(&dir, &artifacts)
            .map_err(|e| io(&dir, &format!("cannot write the archive: {e}")))?
    };
    let built = if failed { 0 } else { n_selected };
    Ok(Built {
        checked,
        written,
        counts: Counts {
            built,
            unchanged: 0,
            with_errors,
            failed: n_selected - built,
        },
        stale: Vec::new(),
        pruned: false,
        elapsed: started.elapsed(),
    })
}

/// Renders one meeting for the record, with its diagnostics; no chapter when it failed (an
/// error among the diagnostics then keeps the whole record from being written).
fn chapter(
    prepared: &Prepared,
    m: &LoadedMeeting,
    valid: &ValidMeeting,
) -> (Option<Chapter>, Vec<Diagnostic>) {
    let (made, mut diags) = prepared.renderer.render_meeting(m, valid, None, 1);
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return (None, diags);
    }
    let id = &m.meeting.id.value;
    let folder = PathBuf::from("meetings").join(id);
    let mut artifacts: Vec<Artifact> = made
        .into_iter()
        .filter(|a| {
            a.rel_path
                .to_str()
                .and_then(exports::export_of)
                .is_some_and(|e| e.archived)
        })
        .map(|a| Artifact {
            rel_path: folder.join(a.rel_path),
            bytes: a.bytes,
        })
        .collect();
    let titles = m
        .meeting
        .days
        .iter()
        .flat_map(|d| &d.inputs)
        .map(|i| i.title.as_str());
    let mut documents = Vec::new();
    for (fact, title) in m.inputs.iter().zip(titles) {
        if let load::InputStatus::Ok { path, rel, .. } = &fact.status {
            let bytes = match load::read_input(path) {
                Ok(bytes) => bytes,
                Err(d) => {
                    diags.push(d);
                    return (None, diags);
                }
            };
            let rel = folder.join(rel);
            documents.push(entry(&rel, "input", title, &bytes));
            artifacts.push(Artifact {
                rel_path: rel,
                bytes,
            });
        }
    }
    // The issued revisions are the secretariat's record of what was published: archived as
    // they are, and listed with their dates, notes and change counts.
    let mut revisions = Vec::new();
    for (i, (issued, text)) in m.issued.iter().zip(&m.issued_texts).enumerate() {
        let rel = folder
            .join(crate::revision::ISSUED_DIR)
            .join(crate::revision::file_name(issued.revision));
        let label = crate::revision::label(issued.revision);
        documents.push(entry(
            &rel,
            "issued",
            &format!("{label} ({})", issued.date),
            text.as_bytes(),
        ));
        artifacts.push(Artifact {
            rel_path: rel,
            bytes: text.as_bytes().to_vec(),
        });
        let changes = i.checked_sub(1).map_or(0, |p| {
            crate::revision::diff(&m.issued[p].snapshot, &issued.snapshot).len()
        });
        revisions.push(record::RevisionEntry {
            label,
            date: issued.date.clone(),
            note: issued.note.clone(),
            changes,
        });
    }
    let inputs: Vec<PathBuf> = documents.iter().map(|d| PathBuf::from(&d.path)).collect();
    for a in artifacts.iter().filter(|a| !inputs.contains(&a.rel_path)) {
        let name = a
            .rel_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // What the file is, as the index links it: "Agenda (PDF)", "Agenda (PDF) [fr]".
        let title = match exports::export_and_language(&name) {
            Some((e, Some(lang))) => format!("{} [{lang}]", e.label),
            Some((e, None)) => e.label.to_owned(),
            None => name,
        };
        documents.push(entry(&a.rel_path, "generated", &title, &a.bytes));
    }
    let locale = prepared
        .renderer
        .locales
        .get_or_english(&valid.meeting.language);
    let normal = view::meeting_view(valid, locale);
    let follow_up = followup::follow_up(&normal, m.outcomes.as_ref().map(|o| &o.outcomes), locale);
    let chapter = Chapter {
        timestamp: prepared.renderer.timestamp(valid),
        artifacts,
        follow_up,
        documents,
        revisions,
    };
    (Some(chapter), diags)
}

fn entry(rel: &Path, kind: &str, title: &str, bytes: &[u8]) -> DocumentEntry {
    DocumentEntry {
        path: rel.to_string_lossy().into_owned(),
        kind: kind.to_owned(),
        title: title.to_owned(),
        size: bytes.len() as u64,
        sha256: files::sha256_hex(bytes),
    }
}

fn io(path: &Path, message: &str) -> Diagnostic {
    Diagnostic::new(Rule::Io, path, Pos::default(), message)
        .hint("check that the output folder is writable and the disk is not full")
}
