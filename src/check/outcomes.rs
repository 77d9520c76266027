//! Tracking, second half: outcomes recorded against every desired output.
//!
//! Every id in `outcomes.yaml` resolves, counts agree with lists, facilitators are named for
//! main sessions that are recorded, due dates are dates, and every desired output of every day
//! has an outcome. Before the meeting's last day, missing or pending outcomes are expected;
//! after it they are warnings, and errors with `--final`.

use std::collections::BTreeMap;
use std::path::Path;

use super::CheckOptions;
use crate::diag::{Diagnostic, Rule, Severity};
use crate::load::LoadedMeeting;
use crate::model::clock;
use crate::model::outcomes::{Outcome, Status};
use crate::model::{At, Pos};

pub(super) fn check(m: &LoadedMeeting, options: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let meeting = &m.meeting;
    let last_day = meeting
        .days
        .iter()
        .filter_map(|d| clock::parse_date(&d.date.value).ok())
        .max();
    let after = matches!(last_day, Some(last) if options.today > last);
    let late = |rule: Rule, file: &Path, pos: Pos, msg: String, hint: &str| {
        let d = Diagnostic::new(rule, file, pos, msg).hint(hint);
        if options.final_ {
            d.severity(Severity::Error)
        } else {
            d
        }
    };

    let Some(loaded) = &m.outcomes else {
        if after || options.final_ {
            for (d, o) in meeting.desired_outputs() {
                out.push(late(
                    Rule::OutcomeMissing,
                    &m.file,
                    o.id.pos,
                    format!("day {} ({}): desired output `{}` \"{}\" has no outcome: no outcomes.yaml was loaded", d + 1, meeting.days[d].date.value, o.id.value, o.text.trim()),
                    "run `docket outcomes init <meeting folder>` and record what was achieved",
                ));
            }
        }
        return out;
    };
    let file = loaded.file.as_path();
    let outcomes = &loaded.outcomes;
    let mut report = |rule: Rule, pos: Pos, msg: String, hint: &str| {
        out.push(Diagnostic::new(rule, file, pos, msg).hint(hint))
    };

    if outcomes.meeting.value != meeting.id.value {
        report(
            Rule::OutcomeWrongMeeting,
            outcomes.meeting.pos,
            format!(
                "outcomes.yaml is for `{}`, but this folder holds `{}`",
                outcomes.meeting.value, meeting.id.value
            ),
            "write the id of the meeting in this folder, or move the file to its own meeting",
        );
    }

    let output_ids: Vec<String> = meeting
        .desired_outputs()
        .map(|(_, o)| o.id.value.clone())
        .collect();
    let session_ids: Vec<String> = meeting
        .sessions()
        .filter_map(|(_, s)| s.id.as_ref().map(|i| i.value.clone()))
        .collect();
    let resolve = |report: &mut dyn FnMut(Rule, Pos, String, &str),
                   id: &At<String>,
                   known: &[String],
                   what: &str| {
        if !known.contains(&id.value) {
            if let Some((title, by)) = crate::revision::removed(&m.issued, &id.value) {
                report(
                    Rule::RemovedReference,
                    id.pos,
                    format!(
                        "this outcome names {what} `{}` \"{title}\", removed in {by}",
                        id.value
                    ),
                    "record the outcome against what replaced it, or move it under `unassigned:`",
                );
                return;
            }
            let hint = match crate::load::yaml::closest(&id.value, known) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("the {what} ids of this meeting are: {}", known.join(", ")),
            };
            report(
                Rule::UnresolvedRef,
                id.pos,
                format!("`{}` is not a {what} of this meeting", id.value),
                &hint,
            );
        }
    };

    let mut closed: BTreeMap<&str, &At<Outcome>> = BTreeMap::new();
    for entry in &outcomes.outcomes {
        if entry.outputs.is_empty() {
            report(
                Rule::MisplacedOutcome,
                entry.pos,
                "this outcome names no desired output".into(),
                "add `outputs: [<desired output id>]`, or move it under `unassigned:` with its `session:`",
            );
        }
        for id in &entry.outputs {
            resolve(&mut report, id, &output_ids, "desired output");
            if let Some(first) = closed.insert(&id.value, entry) {
                report(
                    Rule::OutcomeTwice,
                    id.pos,
                    format!(
                        "desired output `{}` already has an outcome at line {}",
                        id.value, first.pos.line
                    ),
                    "record each desired output's outcome once; list both ids in one entry when an output recurs on two days",
                );
            }
        }
    }
    for entry in &outcomes.unassigned {
        match &entry.session {
            Some(id) => resolve(&mut report, id, &session_ids, "session"),
            None => report(
                Rule::MisplacedOutcome,
                entry.pos,
                "an unassigned outcome names no session".into(),
                "add `session: <session id>`",
            ),
        }
        if !entry.outputs.is_empty() {
            report(
                Rule::MisplacedOutcome,
                entry.pos,
                "an unassigned outcome names desired outputs".into(),
                "move it under `outcomes:`",
            );
        }
    }

    let main_sessions: Vec<String> = outcomes
        .outcomes
        .iter()
        .chain(&outcomes.unassigned)
        .filter_map(|e| e.main_sessions.as_ref())
        .flat_map(|m| m.list.iter().map(|s| s.title.clone()))
        .collect();
    for entry in outcomes.outcomes.iter().chain(&outcomes.unassigned) {
        for id in &entry.sessions {
            resolve(&mut report, id, &session_ids, "session");
        }
        records(entry, &main_sessions, &mut report);
    }

    if after || options.final_ {
        for (d, o) in meeting.desired_outputs() {
            let day = &meeting.days[d];
            match closed.get(o.id.value.as_str()) {
                None => out.push(late(
                    Rule::OutcomeMissing,
                    &m.file,
                    o.id.pos,
                    format!("day {} ({}): desired output `{}` \"{}\" has no outcome in outcomes.yaml", d + 1, day.date.value, o.id.value, o.text.trim()),
                    "add an entry with `outputs: [<id>]` to outcomes.yaml",
                )),
                Some(entry) if entry.status == Status::Pending => out.push(late(
                    Rule::OutcomePending,
                    file,
                    entry.pos,
                    format!("day {} ({}): desired output `{}` \"{}\" is still pending", d + 1, day.date.value, o.id.value, o.text.trim()),
                    "set `status:` to achieved, partial, not-achieved or deferred, and record what happened",
                )),
                Some(_) => {}
            }
        }
    }
    out
}

fn records(
    entry: &Outcome,
    main_sessions: &[String],
    report: &mut dyn FnMut(Rule, Pos, String, &str),
) {
    for theme in &entry.workshops {
        let listed = theme.list.len();
        if listed > 0 && listed != theme.approved as usize {
            report(
                Rule::CountMismatch,
                theme.pos,
                format!(
                    "{} workshops approved under \"{}\", but {listed} listed",
                    theme.approved, theme.theme
                ),
                "make `approved:` equal the number of workshops listed, or complete the list",
            );
        }
    }
    if let Some(ms) = &entry.main_sessions {
        let listed = ms.list.len();
        if listed > 0 && listed != ms.agreed as usize {
            report(
                Rule::CountMismatch,
                ms.pos,
                format!("{} main sessions agreed, but {listed} listed", ms.agreed),
                "make `agreed:` equal the number of main sessions listed, or complete the list",
            );
        }
    }
    for f in &entry.facilitators {
        if f.kind == crate::model::outcomes::FacilitatedKind::MainSession
            && !main_sessions.contains(&f.for_.value)
        {
            let hint = match crate::load::yaml::closest(&f.for_.value, main_sessions) {
                Some(best) => format!("did you mean \"{best}\"?"),
                None => "record the main session under `main_sessions:` first, or set `kind: track` or `kind: intersessional`".into(),
            };
            report(
                Rule::UnknownMainSession,
                f.for_.pos,
                format!(
                    "facilitators are named for \"{}\", which is not a recorded main session",
                    f.for_.value
                ),
                &hint,
            );
        }
    }
    for a in &entry.actions {
        if let Some(due) = &a.due
            && let Err(why) = clock::parse_date(&due.value)
        {
            report(
                Rule::BadDate,
                due.pos,
                why,
                "write the due date as YYYY-MM-DD",
            );
        }
    }
}
