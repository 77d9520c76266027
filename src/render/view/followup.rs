//! The follow-up report as data: for every desired output of every day, its status, where on
//! the agenda it was handled, and what was recorded; then open actions, outcomes that belong to
//! no desired output, and desired outputs with no outcome. Built from the meeting view and the
//! outcomes; every renderer (HTML, Markdown, PDF, Word) prints this same value, with its
//! records already written out ([`OutcomeView`]).

use serde::Serialize;

use fluent_bundle::FluentValue;

use super::locale::Locale;
use super::meeting::{MeetingView, SessionView};
use super::words;
use crate::model::outcomes::{Action, Outcome, Outcomes, Status};

/// The whole report.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct FollowUp {
    /// The meeting, normalised.
    pub meeting: MeetingView,
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
    /// The counts in a sentence, in the report's language.
    pub text: String,
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
    /// "Day 1" in the report's language.
    pub day_label: String,
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
    pub outcome: Option<OutcomeView>,
    /// Other desired outputs the same outcome closes (the same output on another day).
    pub also_closes: Vec<String>,
}

/// A session where a desired output was handled, with the sessions that continue it.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct AgendaPlace {
    /// "Day 1" in the report's language.
    pub day_label: String,
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
    /// Status as printed ("in progress").
    pub status_label: String,
    /// The desired outputs (or session) it belongs to.
    pub from: String,
}

/// An outcome of a session with no desired output.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct UnassignedView {
    /// The session's place on the agenda.
    pub place: Option<AgendaPlace>,
    /// The outcome.
    pub outcome: OutcomeView,
}

/// An outcome with its records written out once, as every document prints them (the PDF,
/// HTML, Markdown and Word outputs print these strings; none spells a record itself).
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct OutcomeView {
    /// The outcome as recorded.
    #[serde(flatten)]
    pub recorded: Outcome,
    /// Workshops approved, per theme, one line per workshop: "WS 12: Title (organisers)".
    pub workshop_groups: Vec<WorkshopGroup>,
    /// One line per main session agreed: "Title (theme); facilitators: A (org); B".
    pub main_session_lines: Vec<String>,
    /// One line per facilitator entry: "Main session X (main session): A (org); B".
    pub facilitator_lines: Vec<String>,
    /// The follow-up actions, with their status as printed.
    pub action_rows: Vec<ActionRow>,
}

/// The workshops approved under one theme.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct WorkshopGroup {
    /// "Workshops approved under Theme A: 2", in the report's language.
    pub heading: String,
    /// The theme.
    pub theme: String,
    /// How many were approved.
    pub approved: u32,
    /// One line per workshop listed.
    pub lines: Vec<String>,
}

/// A follow-up action as printed.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct ActionRow {
    /// What.
    pub what: String,
    /// Who.
    pub owner: String,
    /// Due date, or empty.
    pub due: String,
    /// Status as printed ("in progress").
    pub status_label: String,
}

fn action_row(loc: &Locale, a: &crate::model::outcomes::Action) -> ActionRow {
    ActionRow {
        what: a.what.clone(),
        owner: a.owner.clone(),
        due: a.due.as_ref().map(|d| d.value.clone()).unwrap_or_default(),
        status_label: words::action_status(loc, a.status),
    }
}

/// The outcome with its display lines.
pub fn outcome_view(loc: &Locale, o: &Outcome) -> OutcomeView {
    let workshop_groups = o
        .workshops
        .iter()
        .map(|t| WorkshopGroup {
            heading: words::say(
                loc,
                "workshops-under",
                &[
                    ("theme", FluentValue::from(t.theme.as_str())),
                    ("count", FluentValue::from(t.approved)),
                ],
            ),
            theme: t.theme.clone(),
            approved: t.approved,
            lines: t
                .list
                .iter()
                .map(|w| {
                    let mut line = match &w.id {
                        Some(id) => format!("{id}: {}", w.title),
                        None => w.title.clone(),
                    };
                    if !w.organisers.is_empty() {
                        line = format!("{line} ({})", w.organisers.join(", "));
                    }
                    line
                })
                .collect(),
        })
        .collect();
    let main_session_lines = o
        .main_sessions
        .iter()
        .flat_map(|m| &m.list)
        .map(|m| {
            let mut line = m.title.clone();
            if let Some(theme) = &m.theme {
                line = format!("{line} ({theme})");
            }
            if !m.facilitators.is_empty() {
                line = format!(
                    "{line}; {}: {}",
                    words::say(loc, "facilitators", &[]),
                    words::people(&m.facilitators)
                );
            }
            line
        })
        .collect();
    let facilitator_lines = o
        .facilitators
        .iter()
        .map(|f| {
            format!(
                "{} ({}): {}",
                f.for_.value,
                words::facilitated_kind(loc, f.kind),
                words::people(&f.people)
            )
        })
        .collect();
    OutcomeView {
        recorded: o.clone(),
        workshop_groups,
        main_session_lines,
        facilitator_lines,
        action_rows: o.actions.iter().map(|a| action_row(loc, a)).collect(),
    }
}

/// Builds the report. `outcomes` is `None` when rapporteurs have not written any yet.
pub fn follow_up(meeting: &MeetingView, outcomes: Option<&Outcomes>, loc: &Locale) -> FollowUp {
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
                day_label: day.label.clone(),
                date_text: day.date_text.clone(),
                output: o.id.clone(),
                text: o.text.clone(),
                status: status.map_or("missing".into(), kebab),
                status_label: words::status(loc, status),
                agenda: places,
                outcome: outcome.map(|e| outcome_view(loc, e)),
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
                    .map(|s| {
                        words::say(
                            loc,
                            "from-session",
                            &[("id", FluentValue::from(s.value.as_str()))],
                        )
                    })
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
                    status_label: words::action_status(loc, a.status),
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
                    outcome: outcome_view(loc, &e.value),
                })
                .collect()
        })
        .unwrap_or_default();
    let missing = coverage
        .iter()
        .filter(|r| r.outcome.is_none())
        .cloned()
        .collect();
    let n = |x: usize| FluentValue::from(x);
    totals.text = words::say(
        loc,
        "totals",
        &[
            ("outputs", n(totals.outputs)),
            ("achieved", n(totals.achieved)),
            ("partial", n(totals.partial)),
            ("not_achieved", n(totals.not_achieved)),
            ("deferred", n(totals.deferred)),
            ("pending", n(totals.pending)),
            ("missing", n(totals.missing)),
        ],
    );
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

fn find<'a>(meeting: &'a MeetingView, key: &str) -> Option<(usize, &'a SessionView)> {
    meeting.days.iter().find_map(|d| {
        d.sessions
            .iter()
            .find(|s| s.key == key)
            .map(|s| (d.number, s))
    })
}

fn place(meeting: &MeetingView, key: &str) -> Option<AgendaPlace> {
    place_at(meeting, key, 0)
}

fn place_at(meeting: &MeetingView, key: &str, depth: usize) -> Option<AgendaPlace> {
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
        day_label: d.label.clone(),
        day,
        date_text: format!("{} {}", d.weekday, d.date_text),
        time: s.time.clone(),
        title: s.display_title.clone(),
        continued,
    })
}
