//! Outcomes: what rapporteurs record in `outcomes.yaml` after the meeting, against the desired
//! outputs of `meeting.yaml`. Types only; the checks live in `check/outcomes.rs`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::At;

/// The whole file.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    /// The id of the meeting these outcomes belong to.
    pub meeting: At<String>,
    /// One entry per desired output (an entry may close the same output repeated on two days).
    #[serde(default)]
    pub outcomes: Vec<At<Outcome>>,
    /// Outcomes that belong to no desired output, recorded under the session that produced them.
    #[serde(default)]
    pub unassigned: Vec<At<Outcome>>,
}

/// Whether a desired output was achieved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Done as set out.
    Achieved,
    /// Partly done.
    Partial,
    /// Not done.
    NotAchieved,
    /// Moved to a later meeting.
    Deferred,
    /// Not recorded yet.
    #[default]
    Pending,
}

/// The outcome of one or more desired outputs (under `outcomes:`), or of a session when it
/// belongs to no desired output (under `unassigned:`).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Desired output ids this entry closes (usually one; two when an output recurs on two
    /// days). Empty under `unassigned:`.
    #[serde(default)]
    pub outputs: Vec<At<String>>,
    /// Under `unassigned:`: the session id the outcome came from.
    #[serde(default)]
    pub session: Option<At<String>>,
    /// achieved, partial, not-achieved, deferred or pending.
    #[serde(default)]
    pub status: Status,
    /// Session ids where it was handled.
    #[serde(default)]
    pub sessions: Vec<At<String>>,
    /// What happened, in a few sentences.
    #[serde(default)]
    pub summary: Option<String>,
    /// Workshops approved, per theme.
    #[serde(default)]
    pub workshops: Vec<At<ThemeWorkshops>>,
    /// Main sessions agreed.
    #[serde(default)]
    pub main_sessions: Option<At<MainSessions>>,
    /// Facilitators named for a main session, a track or an intersessional activity.
    #[serde(default)]
    pub facilitators: Vec<At<Facilitator>>,
    /// Decisions taken, as written.
    #[serde(default)]
    pub decisions: Vec<String>,
    /// Follow-up actions.
    #[serde(default)]
    pub actions: Vec<At<Action>>,
}

/// Workshops approved under one theme.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeWorkshops {
    /// The theme.
    pub theme: String,
    /// How many were approved; must equal the list's length when workshops are listed.
    pub approved: u32,
    /// The workshops, if listed.
    #[serde(default)]
    pub list: Vec<Workshop>,
}

/// One workshop.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// Its id in the call for proposals, if any.
    #[serde(default)]
    pub id: Option<String>,
    /// Title.
    pub title: String,
    /// Organisers.
    #[serde(default)]
    pub organisers: Vec<String>,
}

/// The main sessions agreed.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MainSessions {
    /// How many were agreed; must equal the list's length when sessions are listed.
    pub agreed: u32,
    /// The sessions, if listed.
    #[serde(default)]
    pub list: Vec<MainSession>,
}

/// One main session.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MainSession {
    /// Title.
    pub title: String,
    /// Theme or topic.
    #[serde(default)]
    pub theme: Option<String>,
    /// Its facilitators.
    #[serde(default)]
    pub facilitators: Vec<Person>,
}

/// A person with their affiliation.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Name.
    pub name: String,
    /// Stakeholder group (government, civil society, private sector, technical community, IGO).
    #[serde(default)]
    pub group: Option<String>,
    /// Organisation.
    #[serde(default)]
    pub organisation: Option<String>,
    /// Region.
    #[serde(default)]
    pub region: Option<String>,
}

/// Facilitators named for something.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Facilitator {
    /// What they facilitate: the title of a main session recorded in this file, or a track or
    /// activity when `kind` says so.
    #[serde(rename = "for")]
    pub for_: At<String>,
    /// main-session (the default), track or intersessional.
    #[serde(default)]
    pub kind: FacilitatedKind,
    /// The people named.
    pub people: Vec<Person>,
}

/// What kind of thing a facilitator is named for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FacilitatedKind {
    /// A main session recorded under `main_sessions`.
    #[default]
    MainSession,
    /// A track (high-level leaders, parliamentary, youth, ...).
    Track,
    /// An intersessional activity (BPF, PN, DC).
    Intersessional,
}

/// A follow-up action.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// What is to be done.
    pub what: String,
    /// Who does it.
    pub owner: String,
    /// Due date, `YYYY-MM-DD`.
    #[serde(default)]
    pub due: Option<At<String>>,
    /// open (the default), in-progress, done or dropped.
    #[serde(default)]
    pub status: ActionStatus,
}

/// Where an action stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    /// Not started.
    #[default]
    Open,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
    /// No longer to be done.
    Dropped,
}

impl ActionStatus {
    /// Whether the action still needs doing.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}
