//! Limits: what one meeting may hold, so that every meeting `check` accepts also renders, in
//! bounded time and memory (a 100 kB title once took 1.9 GB inside typst before failing), and
//! `check` and `build` never disagree. Required text may not be empty or only blanks.
//!
//! The counts are generous for real agendas (the reference meeting has 3 days, at most 11 rows
//! a day, at most 7 items a row) and bound the worst accepted meeting; `cargo bench --bench
//! scale` renders that worst case and reports its time and memory.

use super::Ctx;
use crate::diag::Rule;
use crate::model::Pos;

/// The longest text value, in characters (a long agenda item is a few hundred).
pub const MAX_TEXT: usize = 2_000;
/// Days in one meeting.
pub const MAX_DAYS: usize = 14;
/// Agenda rows in one day.
pub const MAX_SESSIONS: usize = 40;
/// Items plus interventions under one row.
pub const MAX_LINES: usize = 40;
/// Desired outputs of one day.
pub const MAX_OUTPUTS: usize = 20;
/// Input documents of one day.
pub const MAX_INPUTS: usize = 40;
/// All the text of one file (meeting.yaml or outcomes.yaml), in characters: the reference
/// meeting has about 9,000; this bounds the worst accepted meeting's documents to a few dozen
/// pages.
pub const MAX_TOTAL_TEXT: usize = 100_000;

pub(super) fn check(ctx: &mut Ctx<'_>, source: &str) {
    let m = ctx.meeting;
    for (field, value) in [
        ("title", &m.title),
        ("series", &m.series),
        ("host", &m.host),
        ("venue", &m.venue),
    ] {
        if value.trim().is_empty() {
            ctx.report(
                Rule::EmptyText,
                top_level(source, field),
                format!("the meeting's `{field}` is empty"),
                format!("write the meeting's {field}; every document prints it"),
            );
        }
    }
    if m.days.len() > MAX_DAYS {
        let pos = m.days[MAX_DAYS].date.pos;
        too_many(ctx, pos, m.days.len(), "days", MAX_DAYS);
    }
    for day in &m.days {
        if day.part.trim().is_empty() {
            ctx.report(
                Rule::EmptyText,
                day.date.pos,
                format!("the `part` of the day {} is empty", day.date.value),
                "name the part of the meeting, for example `MAG Meeting`",
            );
        }
        if day.sessions.len() > MAX_SESSIONS {
            let pos = day.sessions[MAX_SESSIONS].pos;
            too_many(
                ctx,
                pos,
                day.sessions.len(),
                "agenda rows in a day",
                MAX_SESSIONS,
            );
        }
        if day.desired_outputs.len() > MAX_OUTPUTS {
            let pos = day.desired_outputs[MAX_OUTPUTS].id.pos;
            too_many(
                ctx,
                pos,
                day.desired_outputs.len(),
                "desired outputs in a day",
                MAX_OUTPUTS,
            );
        }
        if day.inputs.len() > MAX_INPUTS {
            let pos = day.inputs[MAX_INPUTS].pos;
            too_many(
                ctx,
                pos,
                day.inputs.len(),
                "input documents in a day",
                MAX_INPUTS,
            );
        }
        for s in &day.sessions {
            let lines = s.items.len() + s.interventions.len();
            if lines > MAX_LINES {
                too_many(
                    ctx,
                    s.pos,
                    lines,
                    "items and interventions under one row",
                    MAX_LINES,
                );
            }
        }
        for o in &day.desired_outputs {
            if o.text.trim().is_empty() {
                ctx.report(
                    Rule::EmptyText,
                    o.id.pos,
                    format!("the desired output `{}` has no text", o.id.value),
                    "write what the day should achieve, as published",
                );
            }
        }
        for i in &day.inputs {
            if i.title.trim().is_empty() {
                ctx.report(
                    Rule::EmptyText,
                    i.pos,
                    "an input document has an empty title".into(),
                    "give the document's title as it should be listed",
                );
            }
        }
    }
}

fn too_many(ctx: &mut Ctx<'_>, pos: Pos, n: usize, what: &str, max: usize) {
    ctx.report(
        Rule::TooMany,
        pos,
        format!("{n} {what}; at most {max} are allowed"),
        "split the meeting, or move detail into an input document",
    );
}

/// Where a top-level `field:` is written (line 1 when it is not found).
fn top_level(source: &str, field: &str) -> Pos {
    let prefix = format!("{field}:");
    source
        .lines()
        .position(|l| l.starts_with(&prefix))
        .map_or(Pos::new(1, 1), |i| {
            Pos::new(u32::try_from(i + 1).unwrap_or(u32::MAX), 1)
        })
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{BASE, codes};

    #[test]
    fn empty_or_blank_required_text_is_an_error() {
        for (from, to) in [
            ("title: Test meeting", "title: \"  \""),
            ("host: IGF Secretariat", "host: \"\""),
            ("text: Open the meeting", "text: \" \""),
            ("part: Open Consultations", "part: \"\""),
        ] {
            let text = BASE.replace(from, to);
            assert_ne!(text, BASE);
            assert!(codes(&text).contains(&"E0110"), "{to}");
        }
    }

    #[test]
    fn too_many_rows_or_lines_is_an_error() {
        let items: Vec<String> = (0..41).map(|i| format!("item {i}")).collect();
        let text = BASE.replace(
            "        title: Opening\n",
            &format!(
                "        title: Opening\n        items: [{}]\n",
                items.join(", ")
            ),
        );
        assert!(codes(&text).contains(&"E0111"));
        let rows: String = (0..41)
            .map(|i| format!("      - {{title: Row {i}, kind: segment}}\n"))
            .collect();
        let text = BASE.replacen("    sessions:\n", &format!("    sessions:\n{rows}"), 1);
        assert!(codes(&text).contains(&"E0111"));
    }
}
