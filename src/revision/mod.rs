//! Issued versions of a meeting's agenda: `docket issue` freezes the validated meeting as the
//! next revision (`issued/rev-<n>.json`, the original being Rev.0), and documents, `check`,
//! `docket diff` and the calendar compare the definition against them.
//!
//! A [`Snapshot`] is what a revision froze: the agenda's fields as written (stable session
//! keys, local and UTC times, titles, items, interventions, desired outputs with the sessions
//! that address them, rooms and parts) and the input documents with their hashes. [`diff`](mod@diff)
//! reports every difference a snapshot can hold, so "nothing changed" means equal snapshots. [`diff`](mod@diff) matches two snapshots row by row and lists the changes; [`History`]
//! follows every session through the revisions for calendar UIDs and SEQUENCE numbers.

pub mod diff;
mod history;

use serde::{Deserialize, Serialize};

pub use diff::{Change, ChangeKind, diff};
pub use history::History;

use crate::load::{InputFact, InputStatus};
use crate::model::clock::clock_label;
use crate::model::valid::ValidMeeting;

/// Layout version of `issued/rev-<n>.json`.
pub const ISSUED_FORMAT: u32 = 1;

/// The folder beside `meeting.yaml` that holds the issued revisions.
pub const ISSUED_DIR: &str = "issued";

/// One issued revision, as written to `issued/rev-<n>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Issued {
    /// Layout version ([`ISSUED_FORMAT`]).
    pub format: u32,
    /// 0 for the original, then 1, 2, ...
    pub revision: u32,
    /// The date of issue, `YYYY-MM-DD` (given, or the day `docket issue` ran).
    pub date: String,
    /// What the secretariat noted about it.
    #[serde(default)]
    pub note: Option<String>,
    /// The meeting as issued.
    pub snapshot: Snapshot,
}

/// The meeting as a revision froze it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Title.
    pub title: String,
    /// The days.
    pub days: Vec<SnapDay>,
    /// Input documents with their hashes.
    pub inputs: Vec<SnapInput>,
}

/// One day of a snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SnapDay {
    /// ISO date.
    pub date: String,
    /// Part of the meeting, as written.
    pub part: String,
    /// Who may attend.
    pub audience: Option<String>,
    /// Room line.
    pub room: Option<String>,
    /// Agenda rows.
    pub sessions: Vec<SnapSession>,
    /// Desired outputs.
    pub outputs: Vec<SnapOutput>,
}

/// One agenda row of a snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SnapSession {
    /// Stable key (the id, or `row:<hash>`).
    pub key: String,
    /// The id, if written.
    pub id: Option<String>,
    /// session, break or segment.
    pub kind: crate::model::SessionKind,
    /// "10:30-12:30", local.
    pub time: Option<String>,
    /// Start in UTC, RFC 3339.
    pub start_utc: Option<String>,
    /// End in UTC.
    pub end_utc: Option<String>,
    /// Title as written (empty for a row of items only).
    pub title: String,
    /// Key of the session it continues.
    pub continues: Option<String>,
    /// Items.
    pub items: Vec<String>,
    /// Interventions.
    pub interventions: Vec<String>,
}

impl SnapSession {
    /// How a change names the row: its title, or the items of a row that has none.
    pub fn name(&self) -> String {
        if self.title.is_empty() {
            self.items.join("; ")
        } else {
            self.title.clone()
        }
    }
}

/// A desired output of a snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SnapOutput {
    /// Id.
    pub id: String,
    /// Text.
    pub text: String,
    /// Keys of the sessions that address it.
    pub addressed_by: Vec<String>,
}

/// An input document of a snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SnapInput {
    /// Path as written in meeting.yaml.
    pub file: String,
    /// Title.
    pub title: String,
    /// SHA-256 of its bytes ("" when it could not be read).
    pub sha256: String,
}

/// The snapshot of a validated meeting and its input documents: the fields as written and the
/// typed times, never wording, so a new catalog never makes an issued meeting look changed.
pub fn snapshot(valid: &ValidMeeting, inputs: &[InputFact]) -> Snapshot {
    let hash = |file: &str| {
        inputs
            .iter()
            .find(|i| i.written == file)
            .and_then(|i| match &i.status {
                InputStatus::Ok { sha256, .. } => Some(sha256.clone()),
                _ => None,
            })
            .unwrap_or_default()
    };
    let m = &valid.meeting;
    let key_of = |at: (usize, usize)| valid.days[at.0].sessions[at.1].key.clone();
    let utc = |t: jiff::Timestamp| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    Snapshot {
        title: m.title.clone(),
        days: m
            .days
            .iter()
            .zip(&valid.days)
            .map(|(day, typed)| SnapDay {
                date: typed.date.to_string(),
                part: day.part.clone(),
                audience: day.audience.clone(),
                room: day.room.clone(),
                sessions: day
                    .sessions
                    .iter()
                    .zip(&typed.sessions)
                    .map(|(s, t)| SnapSession {
                        key: t.key.clone(),
                        id: s.id.as_ref().map(|i| i.value.clone()),
                        kind: s.kind,
                        time: t
                            .slot
                            .map(|x| format!("{}-{}", clock_label(x.start), clock_label(x.end))),
                        start_utc: t.slot.map(|x| utc(x.start_utc)),
                        end_utc: t.slot.map(|x| utc(x.end_utc)),
                        title: s.title.clone().unwrap_or_default(),
                        continues: t.continues.map(key_of),
                        items: s.items.clone(),
                        interventions: s.interventions.clone(),
                    })
                    .collect(),
                outputs: day
                    .desired_outputs
                    .iter()
                    .map(|o| SnapOutput {
                        id: o.id.value.clone(),
                        text: o.text.clone(),
                        addressed_by: day
                            .sessions
                            .iter()
                            .zip(&typed.sessions)
                            .filter(|(s, _)| s.addresses.iter().any(|a| a.value == o.id.value))
                            .map(|(_, t)| t.key.clone())
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        inputs: m
            .days
            .iter()
            .flat_map(|d| &d.inputs)
            .map(|i| SnapInput {
                file: i.value.file.clone(),
                title: i.value.title.clone(),
                sha256: hash(&i.value.file),
            })
            .collect(),
    }
}

/// The current definition of a loaded meeting as a snapshot; `None` while it does not
/// validate (its errors are reported by the check).
pub fn current(meeting: &crate::load::LoadedMeeting) -> Option<Snapshot> {
    let valid = crate::model::valid::validate(&meeting.meeting).ok()?;
    Some(snapshot(&valid, &meeting.inputs))
}

/// "Rev.1".
pub fn label(revision: u32) -> String {
    format!("Rev.{revision}")
}

/// The file name of a revision: `rev-1.json`.
pub fn file_name(revision: u32) -> String {
    format!("rev-{revision}.json")
}

/// Where an id that the current definition no longer has was removed: the title or text it
/// had, and "Rev.2 (2024-06-20)", or "the current definition, since Rev.2" when no issued
/// revision removed it yet. `None` when no revision ever had it.
pub fn removed(issued: &[Issued], id: &str) -> Option<(String, String)> {
    let has = |s: &Snapshot| -> Option<String> {
        s.days.iter().find_map(|d| {
            d.sessions
                .iter()
                .find(|x| x.id.as_deref() == Some(id))
                .map(SnapSession::name)
                .or_else(|| {
                    d.outputs
                        .iter()
                        .find(|o| o.id == id)
                        .map(|o| o.text.clone())
                })
        })
    };
    let last = issued.iter().rposition(|r| has(&r.snapshot).is_some())?;
    let title = has(&issued[last].snapshot)?;
    let by = match issued.get(last + 1) {
        Some(r) => format!("{} ({})", label(r.revision), r.date),
        None => format!(
            "the current definition, since {}",
            label(issued[last].revision)
        ),
    };
    Some((title, by))
}
