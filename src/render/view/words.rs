//! Every fixed word docket prints, in one place: dates and ranges, weekdays, "Day N",
//! "(cont.)", status labels, and how a person or a record reads. The words come from the
//! language's [`Locale`] (its Fluent catalog and ICU4X); the view layer calls these and no
//! template or renderer spells them itself.

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::{Offset, TimeZone};

use fluent_bundle::FluentValue;

use super::locale::Locale;
use crate::model::outcomes::{ActionStatus, FacilitatedKind, Person, Status};

/// The catalog's message `id` with `args`, or the id itself when no catalog has it.
pub fn say(loc: &Locale, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    loc.message(id, args).unwrap_or_else(|| id.to_owned())
}

/// The weekday in words.
pub fn weekday(loc: &Locale, d: Date) -> String {
    loc.weekday(d)
}

/// "26 June 2024".
pub fn date_text(loc: &Locale, d: Date) -> String {
    loc.date(d)
}

/// "26-28 June 2024", "30 June - 2 July 2024", "30 December 2024 - 2 January 2025".
pub fn range_text(loc: &Locale, a: Date, b: Date) -> String {
    loc.range(a, b)
}

/// "Wednesday, 26 June 2024 (08:00 UTC)".
pub fn instant_text(loc: &Locale, t: Timestamp) -> String {
    let z = t.to_zoned_datetime(TimeZone::UTC);
    format!(
        "{}, {} ({} UTC)",
        weekday(loc, z.date()),
        date_text(loc, z.date()),
        clock(z.time())
    )
}

/// `10:30`.
pub fn clock(t: Time) -> String {
    crate::model::clock::clock_label(t)
}

/// `10:30-12:30`.
pub fn clock_range(start: Time, end: Time) -> String {
    format!("{}-{}", clock(start), clock(end))
}

/// `+02:00`.
pub fn offset(o: Offset) -> String {
    crate::model::clock::offset_label(o)
}

/// `2024-06-26T08:30:00Z`.
pub fn rfc3339(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// "Day 2".
pub fn day(loc: &Locale, number: usize) -> String {
    say(loc, "day-n", &[("number", FluentValue::from(number))])
}

/// "Day 2, 10:45-13:00" (or "Day 2" for an untimed row).
pub fn day_and_time(loc: &Locale, number: usize, time: Option<&str>) -> String {
    match time {
        Some(t) => format!("{}, {t}", day(loc, number)),
        None => day(loc, number),
    }
}

/// A continued session's title: "Plenary 1 (cont.)".
pub fn continued(loc: &Locale, title: &str) -> String {
    if title.is_empty() {
        String::new()
    } else {
        say(
            loc,
            "continued-title",
            &[("title", FluentValue::from(title))],
        )
    }
}

/// "MAG Meeting (open to observers)".
pub fn part_line(part: &str, audience: Option<&str>) -> String {
    match audience {
        Some(a) if !a.is_empty() => format!("{part} ({a})"),
        _ => part.to_owned(),
    }
}

/// An outcome's status as printed; `None` is "no outcome recorded".
pub fn status(loc: &Locale, s: Option<Status>) -> String {
    let id = match s {
        Some(Status::Achieved) => "status-achieved",
        Some(Status::Partial) => "status-partial",
        Some(Status::NotAchieved) => "status-not-achieved",
        Some(Status::Deferred) => "status-deferred",
        Some(Status::Pending) => "status-pending",
        None => "status-none",
    };
    say(loc, id, &[])
}

/// A follow-up action's status as printed.
pub fn action_status(loc: &Locale, s: ActionStatus) -> String {
    let id = match s {
        ActionStatus::Open => "action-open",
        ActionStatus::InProgress => "action-in-progress",
        ActionStatus::Done => "action-done",
        ActionStatus::Dropped => "action-dropped",
    };
    say(loc, id, &[])
}

/// What a facilitator was named for, as printed.
pub fn facilitated_kind(loc: &Locale, k: FacilitatedKind) -> String {
    let id = match k {
        FacilitatedKind::MainSession => "kind-main-session",
        FacilitatedKind::Track => "kind-track",
        FacilitatedKind::Intersessional => "kind-intersessional",
    };
    say(loc, id, &[])
}

/// "Name (group, organisation, region)", leaving out what is not given.
pub fn person(p: &Person) -> String {
    let extra: Vec<&str> = [&p.group, &p.organisation, &p.region]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    if extra.is_empty() {
        p.name.clone()
    } else {
        format!("{} ({})", p.name, extra.join(", "))
    }
}

/// People joined as a list reads: "A (x); B".
pub fn people(list: &[Person]) -> String {
    list.iter().map(person).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_reads_with_what_is_given() {
        let p = Person {
            name: "A. Person".into(),
            group: None,
            organisation: Some("CGI.br".into()),
            region: Some("GRULAC".into()),
        };
        assert_eq!(person(&p), "A. Person (CGI.br, GRULAC)");
    }
}
