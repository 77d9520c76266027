//! The follow-up report as data: for every desired output of every day, its status, where on
//! the agenda it was handled, and what was recorded; then open actions, outcomes that belong to
//! no desired output, and desired outputs with no outcome. Built from the normalised meeting and
//! the outcomes; every template (HTML, Markdown, PDF) renders this same value.

use serde::Serialize;

use super::normal::{NormalMeeting, NormalSession};
use super::outcomes::{Action, Outcome, Outcomes, Status};

/// The whole report.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct FollowUp {
    /// The meeting, normalised.
    pub meeting: NormalMeeting,
    /// Counts by status over every (day, desired output).
    pub totals: Totals,
    /// One row per day and desired output, in agenda order.
    pub coverage: Vec<CoverageRow>,
    /// Open follow-up actions, by owner then due date.
    pub open_actions: Vec<OpenAction>,
    /// Outcomes recorded under a session, belonging to no desired output.
    pub unassigned: Vec<UnassignedView>,
    /// Desired outputs with no outcome at all.
    pub missing: Vec<CoverageRow>,
}

/// Status counts.
#[derive(Clone, Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Totals {
    /// All (day, desired output) pairs.
    pub outputs: usize,
    /// Achieved.
    pub achieved: usize,
    /// Partial.
    pub partial: usize,
    /// Not achieved.
    pub not_achieved: usize,
    /// Deferred.
    pub deferred: usize,
    /// Pending.
    pub pending: usize,
    /// No outcome recorded.
    pub missing: usize,
}

/// One desired output of one day, with its outcome.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct CoverageRow {
    /// Day number.
    pub day: usize,
    /// "26 June 2024".
    pub date_text: String,
    /// Desired output id.
    pub output: String,
    /// Its text.
    pub text: String,
    /// Status key (`achieved`, ..., or `missing`).
    pub status: String,
    /// Printed status.
    pub status_label: String,
    /// Where on the agenda it was handled.
    pub agenda: Vec<AgendaPlace>,
    /// The outcome, if recorded.
    pub outcome: Option<Outcome>,
    /// Other desired outputs the same outcome closes (the same output on another day).
    pub also_closes: Vec<String>,
}

/// A session where a desired output was handled, with the sessions that continue it.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct AgendaPlace {
    /// Day number.
    pub day: usize,
    /// "Thursday 27 June 2024".
    pub date_text: String,
    /// Local time range, if timed.
    pub time: Option<String>,
    /// Title, with "(cont.)" where it continues another.
    pub title: String,
    /// Sessions that continue this one, in order.
    pub continued: Vec<AgendaPlace>,
}

/// An open follow-up action and where it came from.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct OpenAction {
    /// The action.
    #[serde(flatten)]
    pub action: Action,
    /// The desired outputs (or session) it belongs to.
    pub from: String,
}

/// An outcome of a session with no desired output.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct UnassignedView {
    /// The session's place on the agenda.
    pub place: Option<AgendaPlace>,
    /// The outcome.
    pub outcome: Outcome,
}

/// Builds the report. `outcomes` is `None` when rapporteurs have not written any yet.
pub fn follow_up(meeting: &NormalMeeting, outcomes: Option<&Outcomes>) -> FollowUp {
    let entries: Vec<&Outcome> = outcomes
        .map(|o| o.outcomes.iter().map(|e| &e.value).collect())
        .unwrap_or_default();
    let mut totals = Totals::default();
    let mut coverage = Vec::new();
    for day in &meeting.days {
        for o in &day.desired_outputs {
            let outcome = entries
                .iter()
                .find(|e| e.outputs.iter().any(|id| id.value == o.id))
                .copied();
            let status = outcome.map(|e| e.status);
            totals.outputs += 1;
            match status {
                None => totals.missing += 1,
                Some(Status::Achieved) => totals.achieved += 1,
                Some(Status::Partial) => totals.partial += 1,
                Some(Status::NotAchieved) => totals.not_achieved += 1,
                Some(Status::Deferred) => totals.deferred += 1,
                Some(Status::Pending) => totals.pending += 1,
            }
            let mut keys: Vec<String> = o.addressed_by.iter().map(|r| r.key.clone()).collect();
            for s in outcome.map(|e| e.sessions.as_slice()).unwrap_or_default() {
                if !keys.contains(&s.value) {
                    keys.push(s.value.clone());
                }
            }
            // A continuation is shown under the session it continues, not again on its own.
            let places = keys
                .iter()
                .filter(|k| {
                    let cont = find(meeting, k).and_then(|(_, s)| s.continues.clone());
                    !cont.is_some_and(|c| keys.contains(&c))
                })
                .filter_map(|k| place(meeting, k))
                .collect();
            coverage.push(CoverageRow {
                day: day.number,
                date_text: day.date_text.clone(),
                output: o.id.clone(),
                text: o.text.clone(),
                status: status.map_or("missing".into(), kebab),
                status_label: status.map_or("no outcome".into(), |s| s.label().to_owned()),
                agenda: places,
                outcome: outcome.cloned(),
                also_closes: outcome
                    .map(|e| {
                        e.outputs
                            .iter()
                            .map(|i| i.value.clone())
                            .filter(|i| *i != o.id)
                            .collect()
                    })
                    .unwrap_or_default(),
            });
        }
    }

    let mut open_actions = Vec::new();
    if let Some(all) = outcomes {
        for e in all.outcomes.iter().chain(&all.unassigned) {
            let from = if e.outputs.is_empty() {
                e.session
                    .as_ref()
                    .map(|s| format!("session {}", s.value))
                    .unwrap_or_default()
            } else {
                e.outputs
                    .iter()
                    .map(|i| i.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            for a in e.actions.iter().filter(|a| a.status.is_open()) {
                open_actions.push(OpenAction {
                    action: a.value.clone(),
                    from: from.clone(),
                });
            }
        }
    }
    open_actions.sort_by(|a, b| {
        let due = |x: &OpenAction| {
            x.action
                .due
                .as_ref()
                .map(|d| d.value.clone())
                .unwrap_or_else(|| "9999".into())
        };
        (a.action.owner.to_lowercase(), due(a)).cmp(&(b.action.owner.to_lowercase(), due(b)))
    });

    let unassigned = outcomes
        .map(|o| {
            o.unassigned
                .iter()
                .map(|e| UnassignedView {
                    place: e.session.as_ref().and_then(|s| place(meeting, &s.value)),
                    outcome: e.value.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let missing = coverage
        .iter()
        .filter(|r| r.outcome.is_none())
        .cloned()
        .collect();
    FollowUp {
        meeting: meeting.clone(),
        totals,
        coverage,
        open_actions,
        unassigned,
        missing,
    }
}

fn kebab(s: Status) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn find<'a>(meeting: &'a NormalMeeting, key: &str) -> Option<(usize, &'a NormalSession)> {
    meeting.days.iter().find_map(|d| {
        d.sessions
            .iter()
            .find(|s| s.key == key)
            .map(|s| (d.number, s))
    })
}

fn place(meeting: &NormalMeeting, key: &str) -> Option<AgendaPlace> {
    place_at(meeting, key, 0)
}

fn place_at(meeting: &NormalMeeting, key: &str, depth: usize) -> Option<AgendaPlace> {
    let (day, s) = find(meeting, key)?;
    let d = &meeting.days[day - 1];
    // Chains of continuations are short; the depth bound only guards against a cycle.
    let continued = if depth < 8 {
        meeting
            .days
            .iter()
            .flat_map(|d| &d.sessions)
            .filter(|c| c.continues.as_deref() == Some(key))
            .filter_map(|c| place_at(meeting, &c.key, depth + 1))
            .collect()
    } else {
        Vec::new()
    };
    Some(AgendaPlace {
        day,
        date_text: format!("{} {}", d.weekday, d.date_text),
        time: s.time.clone(),
        title: s.display_title.clone(),
        continued,
    })
}
