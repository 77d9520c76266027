//! Input documents: inside their meeting folder, present and not empty. The loader looked at the
//! disk; this turns what it found into diagnostics.

use super::Ctx;
use crate::diag::Rule;
use crate::load::{InputFact, InputStatus};

pub(super) fn check(ctx: &mut Ctx<'_>, facts: &[InputFact]) {
    let meeting = ctx.meeting;
    let mut facts = facts.iter();
    for (d, day) in meeting.days.iter().enumerate() {
        if day.inputs.is_empty() {
            ctx.report(
                Rule::NoInputs,
                day.date.pos,
                format!("day {} ({}) has no input documents", d + 1, day.date.value),
                "attach documents under `inputs/` and list them in the day's `inputs:` when there are any",
            );
        }
        for doc in &day.inputs {
            let Some(fact) = facts.next() else { break };
            let file = crate::model::At::new(doc.file.clone(), doc.pos);
            let normalised: Vec<&str> = file
                .value
                .split('/')
                .filter(|c| !c.is_empty() && *c != ".")
                .collect();
            if normalised.len() == 1 && crate::render::exports::export_of(normalised[0]).is_some() {
                ctx.report(
                    Rule::InputNameClash,
                    file.pos,
                    format!(
                        "input document `{}` has the name of a file docket generates",
                        file.value
                    ),
                    "keep input documents under `inputs/`, for example `inputs/agenda-draft.pdf`",
                );
            }
            match fact.status {
                InputStatus::Ok { .. } => {}
                InputStatus::Escapes => ctx.report(
                    Rule::InputEscapes,
                    file.pos,
                    format!("input document `{}` is outside the meeting folder", file.value),
                    "copy the document into this meeting's `inputs/` folder and write its path relative to the meeting, for example `inputs/report.pdf`",
                ),
                InputStatus::Missing => ctx.report(
                    Rule::InputMissing,
                    file.pos,
                    format!("input document `{}` does not exist", file.value),
                    "check the spelling, or copy the document into this meeting's `inputs/` folder",
                ),
                InputStatus::Empty => ctx.report(
                    Rule::InputEmpty,
                    file.pos,
                    format!("input document `{}` is empty", file.value),
                    "replace it with the real document",
                ),
            }
        }
    }
}
