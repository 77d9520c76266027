//! `docket issue` and `docket diff`: the secretariat's commands for issued revisions.
//!
//! `issue` freezes a clean meeting as its next revision in `issued/rev-<n>.json` (created, never
//! overwritten; refused when nothing changed since the last one). `diff` lists the changes
//! between two revisions, or between one and the current definition.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::{Diagnostic, Rule, Severity, Stopped};
use crate::load::{self, LoadedMeeting};
use crate::model::Pos;
use crate::revision::{self, Change, ChangeKind, Issued, Snapshot};

/// What `docket issue` did.
#[derive(Debug)]
pub struct IssuedFile {
    /// The file written.
    pub file: PathBuf,
    /// Its revision.
    pub revision: u32,
    /// The changes since the previous revision (empty for Rev.0).
    pub changes: Vec<Change>,
}

/// The meeting in `meeting_dir`, loaded and checked; stopped on any error.
fn load_clean(meeting_dir: &Path) -> Result<LoadedMeeting, Stopped> {
    let mut loaded = load::Loaded::default();
    load::load_file(&meeting_dir.join(load::MEETING_FILE), &mut loaded);
    let errors = |d: &Diagnostic| d.severity == Severity::Error;
    if loaded.diagnostics.iter().any(errors) || loaded.meetings.is_empty() {
        return Err(Stopped {
            diagnostics: loaded.diagnostics,
            sources: loaded.sources,
        });
    }
    let meeting = loaded.meetings.remove(0);
    let found = crate::check::check_meeting(&meeting, &Default::default());
    if found.iter().any(errors) {
        let mut sources = loaded.sources;
        sources.insert(meeting.file.clone(), meeting.meeting_text.clone());
        return Err(Stopped {
            diagnostics: found.into_iter().filter(errors).collect(),
            sources,
        });
    }
    Ok(meeting)
}

/// The current definition as a snapshot.
fn current(meeting: &LoadedMeeting) -> Result<Snapshot, Stopped> {
    revision::current(meeting).ok_or_else(|| {
        io(&meeting.file, "the meeting has errors".into())
            .hint("run `docket check` and fix them first")
            .into()
    })
}

/// `docket issue`: writes the next revision of the meeting in `meeting_dir`, dated `date`.
pub fn issue(
    meeting_dir: &Path,
    date: jiff::civil::Date,
    note: Option<String>,
) -> Result<IssuedFile, Stopped> {
    let meeting = load_clean(meeting_dir)?;
    let snapshot = current(&meeting)?;
    let (revision, changes) = match meeting.issued.last() {
        Some(last) => {
            let changes = revision::diff(&last.snapshot, &snapshot);
            if changes.is_empty() {
                return Err(io(
                    &meeting.file,
                    format!(
                        "nothing changed since {} of {}: no new revision was issued",
                        revision::label(last.revision),
                        last.date
                    ),
                )
                .hint("edit the meeting first; `docket diff` shows what differs from an issued revision")
                .into());
            }
            (last.revision + 1, changes)
        }
        None => (0, Vec::new()),
    };
    let record = Issued {
        format: revision::ISSUED_FORMAT,
        revision,
        date: date.to_string(),
        note,
        snapshot,
    };
    let folder = meeting.dir.join(revision::ISSUED_DIR);
    let file = folder.join(revision::file_name(revision));
    std::fs::create_dir_all(&folder)
        .map_err(|e| io(&folder, format!("cannot create the folder: {e}")))?;
    let mut bytes = serde_json::to_vec_pretty(&record).unwrap_or_default();
    bytes.push(b'\n');
    crate::write::create_new(&file, &bytes).map_err(|e| {
        io(&file, format!("cannot create: {e}"))
            .hint("an issued revision is never overwritten; if another one was issued meanwhile, run `docket issue` again")
    })?;
    Ok(IssuedFile {
        file,
        revision,
        changes,
    })
}

/// One end of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rev {
    /// An issued revision.
    Issued(u32),
    /// The definition as it is now.
    Current,
}

impl Rev {
    /// "Rev.1" or "current".
    pub fn label(self) -> String {
        match self {
            Rev::Issued(n) => revision::label(n),
            Rev::Current => "current".into(),
        }
    }

    /// `1`, `rev.1`, `Rev.1` or `current`.
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim().to_ascii_lowercase();
        if t == "current" {
            return Some(Rev::Current);
        }
        t.trim_start_matches("rev.")
            .trim_start_matches("rev-")
            .parse()
            .ok()
            .map(Rev::Issued)
    }
}

/// `docket diff --format json`: the changes between two versions of a meeting.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct DiffReport {
    /// Meeting id.
    pub meeting: String,
    /// The older version ("Rev.0").
    pub from: String,
    /// The newer version ("Rev.1" or "current").
    pub to: String,
    /// The changes, in agenda order.
    pub changes: Vec<Change>,
}

/// `docket diff`: the changes from `from` (default: the revision before `to`, or the last
/// issued one when `to` is the current definition) to `to`.
pub fn diff(meeting_dir: &Path, from: Option<Rev>, to: Rev) -> Result<DiffReport, Stopped> {
    let meeting = load_clean(meeting_dir)?;
    let Some(last) = meeting.issued.last() else {
        return Err(io(&meeting.file, "the meeting was never issued".into())
            .hint("run `docket issue` to issue it as Rev.0")
            .into());
    };
    let snapshot_of = |rev: Rev| -> Result<Snapshot, Stopped> {
        match rev {
            Rev::Current => current(&meeting),
            Rev::Issued(n) => meeting
                .issued
                .iter()
                .find(|r| r.revision == n)
                .map(|r| r.snapshot.clone())
                .ok_or_else(|| {
                    io(&meeting.file, format!("there is no {}", revision::label(n)))
                        .hint(format!(
                            "issued revisions are Rev.0 to {}",
                            revision::label(last.revision)
                        ))
                        .into()
                }),
        }
    };
    let from = from.unwrap_or(match to {
        Rev::Current => Rev::Issued(last.revision),
        Rev::Issued(n) => Rev::Issued(n.saturating_sub(1)),
    });
    Ok(DiffReport {
        meeting: meeting.meeting.id.value.clone(),
        from: from.label(),
        to: to.label(),
        changes: revision::diff(&snapshot_of(from)?, &snapshot_of(to)?),
    })
}

/// The sign and colour of a change in `docket diff`'s text: + added, - removed, ~ changed.
pub fn mark(kind: ChangeKind) -> (char, anstyle::AnsiColor) {
    use ChangeKind::*;
    match kind {
        SessionAdded | ItemAdded | InterventionAdded | OutputAdded | InputAdded => {
            ('+', anstyle::AnsiColor::Green)
        }
        SessionRemoved | ItemRemoved | InterventionRemoved | OutputRemoved | InputRemoved => {
            ('-', anstyle::AnsiColor::Red)
        }
        _ => ('~', anstyle::AnsiColor::Yellow),
    }
}

/// One change in words, for the terminal: "session retimed: Plenary 4 (15:00-16:30 -> 14:00-15:30)".
pub fn describe(c: &Change) -> String {
    let kind = serde_json::to_value(c.kind)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('-', " ")))
        .unwrap_or_default();
    let timed = matches!(c.kind, ChangeKind::SessionRetimed);
    let what = match (&c.before, &c.after) {
        (Some(b), Some(a)) => format!(" ({b} -> {a})"),
        (Some(b), None) if timed => format!(" ({b} -> no time)"),
        (None, Some(a)) if timed => format!(" (no time -> {a})"),
        (None, Some(a)) if a != &c.title => format!(" ({a})"),
        (Some(b), None) if b != &c.title => format!(" ({b})"),
        _ => String::new(),
    };
    let day = if c.day > 0 {
        format!("day {}, ", c.day)
    } else {
        String::new()
    };
    format!("{kind}: {day}{}{what}", c.title)
}

fn io(path: &Path, message: String) -> Diagnostic {
    Diagnostic::new(Rule::Io, path, Pos::default(), message)
}
