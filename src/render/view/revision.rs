//! What a document says about its revision: "Rev.1, 20 June 2024" or "Draft", the changes in
//! this revision in the document's language, and which agenda rows changed.

use fluent_bundle::FluentValue;
use serde::Serialize;

use super::locale::Locale;
use super::{MeetingView, words};
use crate::revision::{self, Change, ChangeKind, History, Issued};

/// The revision block of a document.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct RevisionView {
    /// "Rev.1", or "Draft" when the definition changed since its last issued revision.
    pub label: String,
    /// "Rev.1, 20 June 2024"; "Draft: changed since Rev.1 of 20 June 2024".
    pub line: String,
    /// The date of the last issued revision, ISO.
    pub date: String,
    /// Whether this is an unissued draft.
    pub draft: bool,
    /// "Changes in this revision" (or "Changes since Rev.1" for a draft).
    pub changes_heading: String,
    /// Each change in words, against the previous issued revision (a draft: the last one).
    pub changes: Vec<String>,
    /// The note given when it was issued.
    pub note: Option<String>,
}

/// What the issued revisions say about a meeting's current definition, worked out once per
/// meeting and worded per language by [`apply`].
#[derive(Clone, Debug)]
pub struct RevisionState {
    /// The last issued revision.
    pub last: Issued,
    /// The definition differs from it.
    pub draft: bool,
    /// The changes shown: from the revision before `last` to `last`, or from `last` to the
    /// draft.
    pub changes: Vec<Change>,
    /// Every session's first key and last change, and the sessions dropped, for the calendar.
    pub history: History,
}

impl RevisionState {
    /// The state of a meeting whose source-language view is `source` and whose input
    /// documents are `inputs`; `None` when it was never issued.
    pub fn new(
        issued: &[Issued],
        valid: &crate::model::valid::ValidMeeting,
        inputs: &[crate::load::InputFact],
    ) -> Option<Self> {
        let last = issued.last()?.clone();
        let current = revision::snapshot(valid, inputs);
        let draft = current != last.snapshot;
        let changes = if draft {
            revision::diff(&last.snapshot, &current)
        } else {
            issued
                .iter()
                .rev()
                .nth(1)
                .map(|prev| revision::diff(&prev.snapshot, &last.snapshot))
                .unwrap_or_default()
        };
        let history = History::new(issued, &current);
        Some(Self {
            last,
            draft,
            changes,
            history,
        })
    }
}

/// Puts the revision block into `view` in its language and marks the rows that changed.
/// `tr` gives a source text in the document's language.
pub fn apply(
    view: &mut MeetingView,
    state: &RevisionState,
    loc: &Locale,
    tr: &dyn Fn(&str) -> String,
) {
    let date = |iso: &str| {
        iso.parse::<jiff::civil::Date>()
            .map(|d| words::date_text(loc, d))
            .unwrap_or_else(|_| iso.to_owned())
    };
    let text = |s: String| FluentValue::from(s);
    let rev = revision::label(state.last.revision);
    let args = [
        ("label", text(rev.clone())),
        ("date", text(date(&state.last.date))),
    ];
    let (label, line, heading) = if state.draft {
        (
            words::say(loc, "draft", &[]),
            words::say(loc, "draft-line", &args),
            words::say(loc, "changes-since", &args),
        )
    } else {
        let line = if state.last.revision == 0 {
            "revision-original"
        } else {
            "revision-line"
        };
        (
            rev.clone(),
            words::say(loc, line, &args),
            words::say(loc, "changes-heading", &[]),
        )
    };
    let touched = revision::diff::touched(&state.changes);
    for day in &mut view.days {
        for s in &mut day.sessions {
            s.changed = touched.contains(&s.key.as_str());
        }
    }
    let changes = state
        .changes
        .iter()
        .map(|c| change_text(view, c, loc, tr))
        .collect();
    view.revision = Some(RevisionView {
        label,
        line,
        date: state.last.date.clone(),
        draft: state.draft,
        changes_heading: heading,
        changes,
        note: state.last.note.clone(),
    });
}

/// One change in the document's language.
fn change_text(
    view: &MeetingView,
    c: &Change,
    loc: &Locale,
    tr: &dyn Fn(&str) -> String,
) -> String {
    let id = match c.kind {
        ChangeKind::SessionAdded => "change-session-added",
        ChangeKind::SessionRemoved => "change-session-removed",
        ChangeKind::SessionMoved => "change-session-moved",
        ChangeKind::SessionRetimed => "change-session-retimed",
        ChangeKind::SessionRetitled => "change-session-retitled",
        ChangeKind::SessionChanged => "change-session-changed",
        ChangeKind::ListReordered => "change-list-reordered",
        ChangeKind::MeetingRetitled => "change-meeting-retitled",
        ChangeKind::InputRetitled => "change-input-retitled",
        ChangeKind::Rearranged => "change-rearranged",
        ChangeKind::ItemAdded => "change-item-added",
        ChangeKind::ItemRemoved => "change-item-removed",
        ChangeKind::InterventionAdded => "change-intervention-added",
        ChangeKind::InterventionRemoved => "change-intervention-removed",
        ChangeKind::OutputAdded => "change-output-added",
        ChangeKind::OutputRemoved => "change-output-removed",
        ChangeKind::OutputReworded => "change-output-reworded",
        ChangeKind::OutputRelinked => "change-output-relinked",
        ChangeKind::RoomChanged => "change-room-changed",
        ChangeKind::PartChanged => "change-part-changed",
        ChangeKind::InputAdded => "change-input-added",
        ChangeKind::InputRemoved => "change-input-removed",
        ChangeKind::InputChanged => "change-input-changed",
    };
    // The row as this document prints it, when it is still there.
    let row = view
        .days
        .iter()
        .flat_map(|d| d.sessions.iter().map(move |s| (d.number, s)))
        .find(|(_, s)| s.key == c.subject);
    // Where a session is now, in this language: "Day 3, 14:00-14:45".
    let now = match row {
        Some((n, s)) => words::day_and_time(loc, n, s.time.as_deref()),
        None => words::day(loc, c.day),
    };
    // The day of a change by its date (a day number may name another date now).
    let day = view
        .days
        .iter()
        .find(|d| d.date == c.date)
        .map(|d| d.label.clone())
        .or_else(|| c.date.parse().ok().map(|d| words::date_text(loc, d)))
        .unwrap_or_default();
    // The title in this language: the row's or output's own, else the source's, translated.
    let title = match (row, c.kind) {
        (Some((_, s)), _) if !s.display_title.is_empty() => s.display_title.clone(),
        (_, ChangeKind::OutputAdded | ChangeKind::OutputReworded | ChangeKind::OutputRelinked) => {
            view.days
                .iter()
                .flat_map(|d| &d.desired_outputs)
                .find(|o| o.id == c.subject)
                .map_or_else(|| tr(&c.title), |o| o.text.clone())
        }
        _ => tr(&c.title),
    };
    // A row that gains a time reads as moved, with nothing to say it was.
    let id = if c.kind == ChangeKind::SessionRetimed && c.before.is_none() {
        "change-session-moved"
    } else {
        id
    };
    let moved = matches!(c.kind, ChangeKind::SessionMoved | ChangeKind::SessionAdded);
    let value = |v: &Option<String>| FluentValue::from(v.as_deref().map(tr).unwrap_or_default());
    let args = [
        ("title", FluentValue::from(title)),
        ("before", value(&c.before)),
        (
            "after",
            if moved {
                FluentValue::from(now.clone())
            } else {
                value(&c.after)
            },
        ),
        ("day", FluentValue::from(day)),
        ("when", FluentValue::from(now)),
    ];
    words::say(loc, id, &args)
}
