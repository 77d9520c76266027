//! Days and zones: dates parse and run in order, the time zone is an IANA name, the published
//! UTC window holds every day and timed session, and the local-time label agrees with daylight
//! saving on each day.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::Ctx;
use crate::diag::Rule;
use crate::model::clock::{self, TimeRange};

pub(super) fn check(ctx: &mut Ctx<'_>) {
    let meeting = ctx.meeting;
    let zone = match clock::parse_zone(&meeting.time_zone.value) {
        Ok(zone) => Some(zone),
        Err(why) => {
            ctx.report(
                Rule::BadTimeZone,
                meeting.time_zone.pos,
                why,
                "see the tz database list; Geneva is Europe/Zurich, New York America/New_York",
            );
            None
        }
    };
    let window = window(ctx);

    let mut previous = None;
    let mut labels = Vec::new();
    for (d, day) in meeting.days.iter().enumerate() {
        let date = match clock::parse_date(&day.date.value) {
            Ok(date) => date,
            Err(why) => {
                ctx.report(
                    Rule::BadDate,
                    day.date.pos,
                    why,
                    "quote nothing; write the date as 2024-06-26",
                );
                continue;
            }
        };
        if let Some(prev) = previous
            && date <= prev
        {
            ctx.report(
                Rule::DaysOutOfOrder,
                day.date.pos,
                format!(
                    "day {} ({date}) does not come after day {} ({prev})",
                    d + 1,
                    d
                ),
                "list the days in date order, each date once",
            );
        }
        previous = Some(date);
        let Some(zone) = &zone else { continue };
        if let Some((abbr, offset)) = clock::zone_label(date, zone) {
            labels.push((date, abbr, offset));
        }
        if let Some((start, end)) = window {
            within_window(ctx, d, date, zone, start, end);
        }
    }
    label_agrees(ctx, zone.as_ref(), &labels);
}

fn window(ctx: &mut Ctx<'_>) -> Option<(Timestamp, Timestamp)> {
    let w = &ctx.meeting.window;
    let hint = "write the published event window as UTC instants, for example 2024-06-26T08:00:00Z";
    let start = clock::parse_instant(&w.start.value)
        .map_err(|why| ctx.report(Rule::BadWindow, w.start.pos, why, hint));
    let end = clock::parse_instant(&w.end.value)
        .map_err(|why| ctx.report(Rule::BadWindow, w.end.pos, why, hint));
    let (start, end) = (start.ok()?, end.ok()?);
    if end <= start {
        ctx.report(
            Rule::BadWindow,
            w.end.pos,
            format!("the window ends ({end}) before it starts ({start})"),
            "swap start and end",
        );
        return None;
    }
    Some((start, end))
}

fn within_window(
    ctx: &mut Ctx<'_>,
    d: usize,
    date: jiff::civil::Date,
    zone: &TimeZone,
    start: Timestamp,
    end: Timestamp,
) {
    let day = &ctx.meeting.days[d];
    let first = start.to_zoned_datetime(zone.clone()).date();
    let last = end.to_zoned_datetime(zone.clone()).date();
    if date < first || date > last {
        ctx.report(
            Rule::OutsideWindow,
            day.date.pos,
            format!(
                "day {} ({date}) is outside the published window, {first} to {last} in {}",
                d + 1,
                zone.iana_name().unwrap_or("the meeting's zone")
            ),
            "correct the date, or the `window:` if the event calendar changed",
        );
        return;
    }
    for session in &day.sessions {
        let Some(time) = &session.time else { continue };
        let Ok(range) = TimeRange::parse(&time.value) else {
            continue;
        };
        let (Some(s), Some(e)) = (
            clock::zoned(date, range.start, zone),
            clock::zoned(date, range.end, zone),
        ) else {
            continue;
        };
        let (s, e) = (s.timestamp(), e.timestamp());
        if s < start || e > end {
            ctx.report(
                Rule::OutsideWindow,
                time.pos,
                format!("`{}` on {date} is {s} to {e} in UTC, outside the published window {start} to {end}", time.value),
                "check the session's time and the meeting's `time_zone:` against the event calendar",
            );
        }
    }
}

fn label_agrees(
    ctx: &mut Ctx<'_>,
    zone: Option<&TimeZone>,
    labels: &[(jiff::civil::Date, String, String)],
) {
    let label = &ctx.meeting.local_time_label;
    let Some(zone) = zone else { return };
    // A label may name the zone ("CEST") or the offset in force ("UTC+2", "GMT+02:00", "UTC"),
    // as agendas with a fixed-offset zone do; either agrees.
    let as_offset = label_offset(&label.value);
    let wrong: Vec<_> = labels
        .iter()
        .filter(|(_, abbr, offset)| {
            *abbr != label.value.trim()
                && (as_offset.is_none() || as_offset != label_offset(offset))
        })
        .collect();
    let (Some(first), Some(last)) = (wrong.first(), wrong.last()) else {
        return;
    };
    let name = zone.iana_name().unwrap_or("the meeting's zone");
    let dates = if first.0 == last.0 {
        first.0.to_string()
    } else {
        format!("{} to {}", first.0, last.0)
    };
    if as_offset.is_some() {
        ctx.report(
            Rule::LocalTimeLabel,
            label.pos,
            format!(
                "times are labelled {}, but {name} is on UTC{} on {dates}",
                label.value, first.2
            ),
            format!(
                "write `local_time_label: UTC{}` (or `{}`); the agenda documents print {} whatever the label says",
                first.2, first.1, first.1
            ),
        );
        return;
    }
    ctx.report(
        Rule::LocalTimeLabel,
        label.pos,
        format!(
            "times are labelled {}, but {name} is on {} (UTC{}) on {dates}: daylight saving is in force",
            label.value, first.1, first.2
        ),
        format!(
            "write `local_time_label: {}`; the agenda documents print {} whatever the label says",
            first.1, first.1
        ),
    );
}

/// The UTC offset, in seconds, that a label such as "UTC+3", "GMT-05:30", "+02:00" or "UTC"
/// names; `None` for a zone abbreviation ("CEST").
fn label_offset(label: &str) -> Option<i32> {
    let l = label.trim();
    let rest = l
        .strip_prefix("UTC")
        .or_else(|| l.strip_prefix("GMT"))
        .unwrap_or(l);
    if rest.is_empty() {
        return (l == "UTC" || l == "GMT").then_some(0);
    }
    let (sign, digits) = match rest.as_bytes()[0] {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() == 4 => digits.split_at(2),
        None => (digits, "0"),
    };
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 14 && m < 60 && !digits.is_empty()).then_some(sign * (h * 3600 + m * 60))
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{BASE, check, codes};

    #[test]
    fn a_label_naming_the_offset_in_force_agrees() {
        for label in ["UTC+2", "UTC+02:00", "GMT+2", "+02:00", "UTC+0200"] {
            let text = BASE.replace(
                "local_time_label: CEST",
                &format!("local_time_label: \"{label}\""),
            );
            assert!(!codes(&text).contains(&"W0304"), "{label}");
        }
        let text = BASE.replace("local_time_label: CEST", "local_time_label: UTC+1");
        let d: Vec<_> = check(&text)
            .into_iter()
            .filter(|d| d.code == "W0304")
            .collect();
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("UTC+02:00") && !d[0].message.contains("daylight"),
            "{}",
            d[0].message
        );
        assert_eq!(
            super::label_offset("GMT-05:30"),
            Some(-(5 * 3600 + 30 * 60))
        );
        assert_eq!(super::label_offset("CET"), None);
        assert_eq!(super::label_offset("UTC"), Some(0));
    }

    #[test]
    fn a_winter_label_in_summer_is_a_warning_that_explains() {
        let text = BASE.replace("local_time_label: CEST", "local_time_label: CET");
        let d = check(&text)
            .into_iter()
            .find(|d| d.code == "W0304")
            .expect("label warning");
        assert!(
            d.message
                .contains("labelled CET, but Europe/Zurich is on CEST (UTC+02:00)"),
            "{}",
            d.message
        );
        assert_eq!(d.line, 7);
    }

    #[test]
    fn days_must_be_in_order_and_inside_the_window() {
        assert_eq!(
            codes(&BASE.replace("date: 2024-06-27", "date: 2024-06-25")),
            ["E0302", "E0303"]
        );
        assert_eq!(
            codes(&BASE.replace("date: 2024-06-27", "date: 2024-06-28")),
            ["E0303"]
        );
        assert_eq!(
            codes(&BASE.replace("date: 2024-06-27", "date: 27 June")),
            ["E0301"]
        );
        // 09:00 CEST is 07:00Z, before the window opens at 08:00Z.
        assert_eq!(
            codes(&BASE.replace("time: 10:30-12:30", "time: 09:00-12:30")),
            ["E0303"]
        );
    }

    #[test]
    fn zones_and_windows_must_parse() {
        assert_eq!(
            codes(&BASE.replace("Europe/Zurich", "CET/Geneva")),
            ["E0305"]
        );
        assert_eq!(
            codes(&BASE.replace("end: 2024-06-27T16:00:00Z", "end: 2024-06-25T16:00:00Z")),
            ["E0306"]
        );
        assert_eq!(
            codes(&BASE.replace("start: 2024-06-26T08:00:00Z", "start: tomorrow")),
            ["E0306"]
        );
    }
}
