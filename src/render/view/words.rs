//! Every fixed word docket prints, in English, in one place: dates and ranges, weekdays,
//! "Day N", "(cont.)", status labels, and how a person or a record reads. The view layer calls
//! these; no template or renderer spells them itself.

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::{Offset, TimeZone};

use crate::model::outcomes::{ActionStatus, FacilitatedKind, Person, Status};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English weekday name.
pub fn weekday(d: Date) -> &'static str {
    use jiff::civil::Weekday::*;
    match d.weekday() {
        Monday => "Monday",
        Tuesday => "Tuesday",
        Wednesday => "Wednesday",
        Thursday => "Thursday",
        Friday => "Friday",
        Saturday => "Saturday",
        Sunday => "Sunday",
    }
}

fn month(d: Date) -> &'static str {
    MONTHS[usize::try_from(d.month() - 1).unwrap_or(0)]
}

/// "26 June 2024".
pub fn date_text(d: Date) -> String {
    format!("{} {} {}", d.day(), month(d), d.year())
}

/// "26-28 June 2024", "30 June - 2 July 2024", "30 December 2024 - 2 January 2025".
pub fn range_text(a: Date, b: Date) -> String {
    if a == b {
        date_text(a)
    } else if a.year() != b.year() {
        format!("{} - {}", date_text(a), date_text(b))
    } else if a.month() != b.month() {
        format!(
            "{} {} - {} {} {}",
            a.day(),
            month(a),
            b.day(),
            month(b),
            b.year()
        )
    } else {
        format!("{}-{} {} {}", a.day(), b.day(), month(a), a.year())
    }
}

/// "Wednesday, 26 June 2024 (08:00 UTC)".
pub fn instant_text(t: Timestamp) -> String {
    let z = t.to_zoned_datetime(TimeZone::UTC);
    format!(
        "{}, {} ({} UTC)",
        weekday(z.date()),
        date_text(z.date()),
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
pub fn day(number: usize) -> String {
    format!("Day {number}")
}

/// "Day 2, 10:45-13:00" (or "Day 2" for an untimed row).
pub fn day_and_time(number: usize, time: Option<&str>) -> String {
    match time {
        Some(t) => format!("{}, {t}", day(number)),
        None => day(number),
    }
}

/// A continued session's title: "Plenary 1 (cont.)".
pub fn continued(title: &str) -> String {
    if title.is_empty() {
        String::new()
    } else {
        format!("{title} (cont.)")
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
pub fn status(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Achieved) => "achieved",
        Some(Status::Partial) => "partial",
        Some(Status::NotAchieved) => "not achieved",
        Some(Status::Deferred) => "deferred",
        Some(Status::Pending) => "pending",
        None => "no outcome",
    }
}

/// A follow-up action's status as printed.
pub fn action_status(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Open => "open",
        ActionStatus::InProgress => "in progress",
        ActionStatus::Done => "done",
        ActionStatus::Dropped => "dropped",
    }
}

/// What a facilitator was named for, as printed.
pub fn facilitated_kind(k: FacilitatedKind) -> String {
    let value = serde_json::to_value(k).unwrap_or_default();
    value.as_str().unwrap_or("").replace('-', " ")
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
    fn date_ranges_read_naturally() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(
            range_text(d("2024-06-26"), d("2024-06-28")),
            "26-28 June 2024"
        );
        assert_eq!(
            range_text(d("2024-06-30"), d("2024-07-02")),
            "30 June - 2 July 2024"
        );
        assert_eq!(
            range_text(d("2024-12-30"), d("2025-01-02")),
            "30 December 2024 - 2 January 2025"
        );
        assert_eq!(range_text(d("2024-06-26"), d("2024-06-26")), "26 June 2024");
    }

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
