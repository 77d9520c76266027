//! The yearly record as data: every meeting of a year (or series) with its follow-up view, its
//! document register, and the year-wide tables archivists ask for. `record.json` is this value;
//! `record.pdf` and `index.html` render it.

use schemars::JsonSchema;
use serde::Serialize;

use super::followup::FollowUp;
use crate::model::outcomes::{Action, MainSession, Workshop};

/// Version of the record's JSON layout.
pub const FORMAT_VERSION: u32 = 1;

/// The whole record.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct YearRecord {
    /// Layout version.
    pub format: u32,
    /// What was selected: "2024", or "IGF 2024".
    pub scope: String,
    /// "Yearly record 2024".
    pub title: String,
    /// Every meeting, in date order.
    pub meetings: Vec<MeetingRecord>,
    /// Workshops approved, by theme, across meetings.
    pub workshops: Vec<ThemeRow>,
    /// Main sessions agreed, with facilitators, across meetings.
    pub main_sessions: Vec<MainSessionRow>,
    /// Follow-up actions still open, across meetings.
    pub open_actions: Vec<ActionRow>,
    /// Desired outputs not achieved (partial, not achieved, deferred, pending or missing).
    pub not_achieved: Vec<OutputRow>,
}

/// One meeting's chapter.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MeetingRecord {
    /// The meeting and its outcomes.
    pub follow_up: FollowUp,
    /// Coverage figures: how many desired outputs were achieved.
    pub achieved: usize,
    /// All desired outputs.
    pub outputs: usize,
    /// Every document of the meeting, input, generated and issued record, with its hash.
    pub documents: Vec<DocumentEntry>,
    /// Its issued revisions (`docket issue`), oldest first.
    pub revisions: Vec<RevisionEntry>,
}

/// One issued revision of a meeting.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq, Eq)]
pub struct RevisionEntry {
    /// "Rev.1".
    pub label: String,
    /// Date of issue, ISO.
    pub date: String,
    /// The note it was issued with.
    pub note: Option<String>,
    /// Changes against the revision before (0 for Rev.0).
    pub changes: usize,
}

/// A meeting's part of the record: its report, documents and revisions.
pub type MeetingPart = (FollowUp, Vec<DocumentEntry>, Vec<RevisionEntry>);

/// A document in the register.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq, Eq)]
pub struct DocumentEntry {
    /// Path relative to the archive folder.
    pub path: String,
    /// "input" or "generated".
    pub kind: String,
    /// Title (inputs) or what the file is.
    pub title: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256, hex.
    pub sha256: String,
}

/// Workshops approved under a theme in one meeting.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ThemeRow {
    /// Theme.
    pub theme: String,
    /// Meeting id.
    pub meeting: String,
    /// Count approved.
    pub approved: u32,
    /// The workshops, if listed.
    pub list: Vec<Workshop>,
}

/// A main session agreed at a meeting.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MainSessionRow {
    /// Meeting id.
    pub meeting: String,
    /// The session and its facilitators.
    #[serde(flatten)]
    pub session: MainSession,
}

/// An open action.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ActionRow {
    /// Meeting id.
    pub meeting: String,
    /// Where it came from (desired output ids or session).
    pub from: String,
    /// The action.
    #[serde(flatten)]
    pub action: Action,
}

/// A desired output not achieved.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct OutputRow {
    /// Meeting id.
    pub meeting: String,
    /// Day number.
    pub day: usize,
    /// Desired output id.
    pub output: String,
    /// Its text.
    pub text: String,
    /// Printed status.
    pub status_label: String,
}

/// Builds the record from the meetings' follow-up views (in any order) and their registers.
pub fn year_record(scope: &str, mut meetings: Vec<MeetingPart>) -> YearRecord {
    meetings.sort_by(|(a, _, _), (b, _, _)| {
        (&a.meeting.first_date, &a.meeting.id).cmp(&(&b.meeting.first_date, &b.meeting.id))
    });
    let mut workshops = Vec::new();
    let mut main_sessions = Vec::new();
    let mut open_actions = Vec::new();
    let mut not_achieved = Vec::new();
    for (f, _, _) in &meetings {
        let id = &f.meeting.id;
        for row in &f.coverage {
            if row.status != "achieved" {
                not_achieved.push(OutputRow {
                    meeting: id.clone(),
                    day: row.day,
                    output: row.output.clone(),
                    text: row.text.clone(),
                    status_label: row.status_label.clone(),
                });
            }
        }
        // One outcome may close two desired outputs; count its records once.
        let mut outcomes: Vec<&crate::model::outcomes::Outcome> = Vec::new();
        for row in &f.coverage {
            if let Some(o) = row.outcome.as_ref().map(|v| &v.recorded)
                && !outcomes.iter().any(|x| x.outputs == o.outputs)
            {
                outcomes.push(o);
            }
        }
        outcomes.extend(f.unassigned.iter().map(|u| &u.outcome.recorded));
        for o in outcomes {
            for t in &o.workshops {
                workshops.push(ThemeRow {
                    theme: t.theme.clone(),
                    meeting: id.clone(),
                    approved: t.approved,
                    list: t.list.clone(),
                });
            }
            if let Some(ms) = &o.main_sessions {
                main_sessions.extend(ms.list.iter().map(|s| MainSessionRow {
                    meeting: id.clone(),
                    session: s.clone(),
                }));
            }
        }
        open_actions.extend(f.open_actions.iter().map(|a| ActionRow {
            meeting: id.clone(),
            from: a.from.clone(),
            action: a.action.clone(),
        }));
    }
    workshops.sort_by(|a, b| {
        (a.theme.to_lowercase(), &a.meeting).cmp(&(b.theme.to_lowercase(), &b.meeting))
    });
    YearRecord {
        format: FORMAT_VERSION,
        scope: scope.to_owned(),
        title: format!("Yearly record {scope}"),
        meetings: meetings
            .into_iter()
            .map(|(f, documents, revisions)| MeetingRecord {
                achieved: f.totals.achieved,
                outputs: f.totals.outputs,
                follow_up: f,
                documents,
                revisions,
            })
            .collect(),
        workshops,
        main_sessions,
        open_actions,
        not_achieved,
    }
}
