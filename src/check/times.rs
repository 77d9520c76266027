//! Times: each range parses, ends after it starts, and a day's timed rows are in order without
//! overlapping. Untimed rows are skipped (many published agenda rows carry no time); rows with
//! the same range are parallel sessions (one per room), not an overlap.

use super::Ctx;
use crate::diag::Rule;
use crate::model::Pos;
use crate::model::clock::TimeRange;

pub(super) fn check(ctx: &mut Ctx<'_>) {
    for day in &ctx.meeting.days {
        let mut previous: Option<(TimeRange, Pos, String)> = None;
        for session in &day.sessions {
            let Some(time) = &session.time else { continue };
            let range = match TimeRange::parse(&time.value) {
                Ok(range) => range,
                Err(why) => {
                    ctx.report(Rule::BadTime, time.pos, why, "write the range as HH:MM-HH:MM in 24-hour local time, for example 10:30-12:30");
                    continue;
                }
            };
            if range.end <= range.start {
                ctx.report(
                    Rule::EndBeforeStart,
                    time.pos,
                    format!("`{}` ends before it starts", time.value),
                    "swap the times, or split a session that runs past midnight",
                );
                continue;
            }
            if let Some((prev, prev_pos, prev_title)) = &previous {
                if range == *prev {
                    // Parallel sessions: rows held at the same time in different rooms.
                } else if range.start < prev.start {
                    ctx.report(
                        Rule::SessionsOutOfOrder,
                        time.pos,
                        format!(
                            "`{}` starts before `{}` at line {} (\"{}\")",
                            time.value,
                            prev.label(),
                            prev_pos.line,
                            prev_title
                        ),
                        "list a day's sessions in the order they are held",
                    );
                } else if range.start < prev.end {
                    ctx.report(
                        Rule::OverlappingSessions,
                        time.pos,
                        format!(
                            "`{}` overlaps `{}` at line {} (\"{}\")",
                            time.value,
                            prev.label(),
                            prev_pos.line,
                            prev_title
                        ),
                        format!(
                            "start this session at {} or later, or end the previous one earlier",
                            crate::model::clock::clock_label(prev.end)
                        ),
                    );
                }
            }
            previous = Some((range, time.pos, session.title.clone().unwrap_or_default()));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{BASE, check, codes};

    #[test]
    fn an_overlap_names_both_sessions() {
        let text = BASE.replace("time: 13:00-15:00", "time: 12:00-15:00");
        let d = check(&text)
            .into_iter()
            .find(|d| d.code == "E0204")
            .expect("overlap");
        assert!(
            d.message.contains("10:30-12:30") && d.message.contains("Opening"),
            "{}",
            d.message
        );
        assert_eq!((d.line, d.column), (19, 15));
    }

    #[test]
    fn parallel_sessions_share_their_range_and_an_empty_break_row_is_allowed() {
        let parallel = BASE.replace(
            "      - time: 13:00-15:00\n        title: LUNCH BREAK\n        kind: break\n",
            "      - time: 10:30-12:30\n        title: \"Room B: Workshop\"\n      - time: 13:00-15:00\n        kind: break\n",
        );
        assert_ne!(parallel, BASE);
        assert_eq!(codes(&parallel), Vec::<&str>::new());
        let partial = parallel.replace(
            "time: 10:30-12:30\n        title: \"Room B",
            "time: 11:00-12:30\n        title: \"Room B",
        );
        assert_eq!(codes(&partial), ["E0204"]);
    }

    #[test]
    fn bad_and_backwards_times_and_disorder() {
        assert_eq!(
            codes(&BASE.replace("time: 13:00-15:00", "time: 13h-15h")),
            ["E0201"]
        );
        assert_eq!(
            codes(&BASE.replace("time: 13:00-15:00", "time: 15:00-13:00")),
            ["E0202"]
        );
        assert_eq!(
            codes(&BASE.replace("time: 15:00-16:00", "time: 12:00-12:30")),
            ["E0203"]
        );
    }
}
