//! Tracking, first half: every desired output of a day is addressed by a session of that day.
//!
//! The second half, an outcome recorded for every desired output after the meeting, reads
//! `outcomes.yaml` and lives with the outcomes.

use super::Ctx;
use crate::diag::Rule;

pub(super) fn check(ctx: &mut Ctx<'_>) {
    let meeting = ctx.meeting;
    for (d, day) in meeting.days.iter().enumerate() {
        for output in &day.desired_outputs {
            let tracked = day
                .sessions
                .iter()
                .any(|s| s.addresses.iter().any(|a| a.value == output.id.value));
            if !tracked {
                ctx.report(
                    Rule::UntrackedOutput,
                    output.id.pos,
                    format!(
                        "day {} ({}): desired output `{}` \"{}\" is not addressed by any session of that day",
                        d + 1,
                        day.date.value,
                        output.id.value,
                        output.text.trim()
                    ),
                    format!("add `addresses: [{}]` to the session(s) of day {} that serve it", output.id.value, d + 1),
                );
            }
        }
        for session in &day.sessions {
            for id in &session.addresses {
                let other = meeting.days.iter().enumerate().find(|(i, other)| {
                    *i != d && other.desired_outputs.iter().any(|o| o.id.value == id.value)
                });
                let own = day.desired_outputs.iter().any(|o| o.id.value == id.value);
                if let (false, Some((i, _))) = (own, other) {
                    ctx.report(
                        Rule::OtherDayAddress,
                        id.pos,
                        format!("`{}` is a desired output of day {}, but this session is on day {}", id.value, i + 1, d + 1),
                        "address the matching desired output of this day (repeat it on this day if it recurs)",
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{BASE, check, codes};

    #[test]
    fn an_unaddressed_output_names_the_day_the_output_and_the_line() {
        let text = BASE.replace("        addresses: [o2]\n", "");
        let d = check(&text)
            .into_iter()
            .find(|d| d.code == "E0101")
            .expect("untracked");
        assert!(d.message.contains("day 2 (2024-06-27)"), "{}", d.message);
        assert!(
            d.message.contains("`o2` \"Close the meeting\""),
            "{}",
            d.message
        );
        assert_eq!(d.line, 36);
        assert!(d.hint.unwrap().contains("addresses: [o2]"));
    }

    #[test]
    fn addressing_another_days_output_does_not_track_it() {
        let text = BASE.replace("addresses: [o2]", "addresses: [o1]");
        let codes = codes(&text);
        assert!(codes.contains(&"W0104"), "{codes:?}");
        assert!(codes.contains(&"E0101"), "{codes:?}");
    }
}
