//! The normalised meeting: the model with everything derived that renderers need (weekdays,
//! zone abbreviations, UTC instants, "addressed by" links), as plain serialisable data.
//!
//! This is `output/<slug>/meeting.json` and the one input of every template, so templates never
//! compute dates or resolve ids themselves. It is built only for meetings that passed the checks;
//! values that would not parse are left empty rather than guessed.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::clock::{self, TimeRange};
use super::{Meeting, SessionKind};

/// Version of the JSON layout, raised when a field changes meaning.
pub const FORMAT_VERSION: u32 = 1;

/// The whole meeting, normalised.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct NormalMeeting {
    /// Layout version of this JSON.
    pub format: u32,
    /// Meeting id (the output folder name).
    pub id: String,
    /// Title.
    pub title: String,
    /// Series or cycle.
    pub series: String,
    /// Host, the author of the documents.
    pub host: String,
    /// Venue.
    pub venue: String,
    /// BCP 47 language.
    pub language: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// IANA zone.
    pub time_zone: String,
    /// The label as written in meeting.yaml.
    pub local_time_label: String,
    /// The zone's own abbreviation(s) over the meeting's days ("CEST").
    pub zone_abbr: String,
    /// "26-28 June 2024".
    pub dates_text: String,
    /// First and last date, ISO.
    pub first_date: String,
    /// Last date, ISO.
    pub last_date: String,
    /// The published UTC window.
    pub window: NormalWindow,
    /// The days.
    pub days: Vec<NormalDay>,
}

/// The UTC event window.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct NormalWindow {
    /// Start, RFC 3339 UTC.
    pub start: String,
    /// End, RFC 3339 UTC.
    pub end: String,
    /// "Wednesday, 26 June 2024 (08:00 UTC) - Friday, 28 June 2024 (16:00 UTC)".
    pub text: String,
}

/// One day.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct NormalDay {
    /// 1-based day number.
    pub number: usize,
    /// ISO date.
    pub date: String,
    /// "Wednesday".
    pub weekday: String,
    /// "26 June 2024".
    pub date_text: String,
    /// Zone abbreviation in force ("CEST").
    pub zone_abbr: String,
    /// UTC offset in force ("+02:00").
    pub utc_offset: String,
    /// Part of the meeting.
    pub part: String,
    /// Audience note.
    pub audience: Option<String>,
    /// "MAG Meeting (open to observers)".
    pub part_line: String,
    /// Room line.
    pub room: Option<String>,
    /// Note beside the agenda heading.
    pub note: Option<String>,
    /// Agenda rows.
    pub sessions: Vec<NormalSession>,
    /// Input documents.
    pub inputs: Vec<NormalInput>,
    /// Desired outputs.
    pub desired_outputs: Vec<NormalOutput>,
}

/// One agenda row.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct NormalSession {
    /// Stable key: the id, or `row:<day>:<row>` for rows without one (never a valid id).
    pub key: String,
    /// The id as written.
    pub id: Option<String>,
    /// session, break or segment.
    pub kind: SessionKind,
    /// "10:30-12:30" (normalised), or null.
    pub time: Option<String>,
    /// Local start "10:30".
    pub start: Option<String>,
    /// Local end.
    pub end: Option<String>,
    /// Start in UTC, RFC 3339.
    pub start_utc: Option<String>,
    /// End in UTC.
    pub end_utc: Option<String>,
    /// Title as written.
    pub title: Option<String>,
    /// Title with "(cont.)" for continued sessions.
    pub display_title: String,
    /// Id of the session continued.
    pub continues: Option<String>,
    /// Where the continued session is ("Day 2, 10:45-13:00").
    pub continues_where: Option<String>,
    /// Sub-items.
    pub items: Vec<String>,
    /// Interventions.
    pub interventions: Vec<String>,
    /// Desired output ids addressed.
    pub addresses: Vec<String>,
}

/// An input document.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct NormalInput {
    /// Title.
    pub title: String,
    /// Path relative to the meeting folder.
    pub file: String,
}

/// A desired output with the sessions that address it.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct NormalOutput {
    /// Id.
    pub id: String,
    /// Text as published.
    pub text: String,
    /// Sessions of the day that address it, in agenda order.
    pub addressed_by: Vec<SessionRef>,
}

/// A pointer to an agenda row, for "where on the agenda".
#[derive(Clone, Debug, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct SessionRef {
    /// Session key.
    pub key: String,
    /// Day number.
    pub day: usize,
    /// Local time range, if timed.
    pub time: Option<String>,
    /// Display title.
    pub title: String,
}

/// Builds the normalised meeting. Call it on meetings that passed the checks.
pub fn normalise(m: &Meeting) -> NormalMeeting {
    let zone = clock::parse_zone(&m.time_zone.value).unwrap_or(TimeZone::UTC);
    let dates: Vec<Option<Date>> = m
        .days
        .iter()
        .map(|d| clock::parse_date(&d.date.value).ok())
        .collect();
    let keys: Vec<Vec<String>> = m
        .days
        .iter()
        .enumerate()
        .map(|(d, day)| {
            day.sessions
                .iter()
                .enumerate()
                .map(|(r, s)| {
                    s.id.as_ref()
                        .map_or_else(|| format!("row:{}:{}", d + 1, r + 1), |i| i.value.clone())
                })
                .collect()
        })
        .collect();

    let days: Vec<NormalDay> = m
        .days
        .iter()
        .enumerate()
        .map(|(d, day)| {
            let date = dates[d];
            let (abbr, offset) = date
                .and_then(|date| clock::zone_label(date, &zone))
                .unwrap_or_default();
            let sessions: Vec<NormalSession> =
                day.sessions
                    .iter()
                    .enumerate()
                    .map(|(r, s)| {
                        let range = s
                            .time
                            .as_ref()
                            .and_then(|t| TimeRange::parse(&t.value).ok());
                        let utc = |t| {
                            date.and_then(|date| clock::zoned(date, t, &zone))
                                .map(|z| z.timestamp().strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
                        };
                        let continues_where =
                            s.continues.as_ref().and_then(|c| m.session(&c.value)).map(
                                |(cd, cs)| {
                                    let time = cs
                                        .time
                                        .as_ref()
                                        .and_then(|t| TimeRange::parse(&t.value).ok());
                                    match time {
                                        Some(t) => format!("Day {}, {}", cd + 1, t.label()),
                                        None => format!("Day {}", cd + 1),
                                    }
                                },
                            );
                        NormalSession {
                            key: keys[d][r].clone(),
                            id: s.id.as_ref().map(|i| i.value.clone()),
                            kind: s.kind,
                            time: range.map(|r| r.label()),
                            start: range.map(|r| clock::clock_label(r.start)),
                            end: range.map(|r| clock::clock_label(r.end)),
                            start_utc: range.and_then(|r| utc(r.start)),
                            end_utc: range.and_then(|r| utc(r.end)),
                            title: s.title.clone(),
                            display_title: s.display_title(),
                            continues: s.continues.as_ref().map(|c| c.value.clone()),
                            continues_where,
                            items: s.items.clone(),
                            interventions: s.interventions.clone(),
                            addresses: s.addresses.iter().map(|a| a.value.clone()).collect(),
                        }
                    })
                    .collect();
            let desired_outputs = day
                .desired_outputs
                .iter()
                .map(|o| NormalOutput {
                    id: o.id.value.clone(),
                    text: o.text.clone(),
                    addressed_by: sessions
                        .iter()
                        .filter(|s| s.addresses.contains(&o.id.value))
                        .map(|s| SessionRef {
                            key: s.key.clone(),
                            day: d + 1,
                            time: s.time.clone(),
                            title: s.display_title.clone(),
                        })
                        .collect(),
                })
                .collect();
            let part_line = match &day.audience {
                Some(a) if !a.is_empty() => format!("{} ({a})", day.part),
                _ => day.part.clone(),
            };
            NormalDay {
                number: d + 1,
                date: day.date.value.clone(),
                weekday: date.map(|d| weekday(d).to_owned()).unwrap_or_default(),
                date_text: date.map(date_text).unwrap_or_default(),
                zone_abbr: abbr,
                utc_offset: offset,
                part: day.part.clone(),
                audience: day.audience.clone(),
                part_line,
                room: day.room.clone(),
                note: day.note.clone(),
                sessions,
                inputs: day
                    .inputs
                    .iter()
                    .map(|i| NormalInput {
                        title: i.title.clone(),
                        file: i.file.clone(),
                    })
                    .collect(),
                desired_outputs,
            }
        })
        .collect();

    let mut abbrs: Vec<&str> = days
        .iter()
        .map(|d| d.zone_abbr.as_str())
        .filter(|a| !a.is_empty())
        .collect();
    abbrs.dedup();
    let known: Vec<Date> = dates.iter().flatten().copied().collect();
    NormalMeeting {
        format: FORMAT_VERSION,
        id: m.id.value.clone(),
        title: m.title.clone(),
        series: m.series.clone(),
        host: m.host.clone(),
        venue: m.venue.clone(),
        language: m.language.clone(),
        keywords: m.keywords.clone(),
        time_zone: m.time_zone.value.clone(),
        local_time_label: m.local_time_label.value.clone(),
        zone_abbr: if abbrs.is_empty() {
            m.local_time_label.value.clone()
        } else {
            abbrs.join("/")
        },
        dates_text: range_text(known.first().copied(), known.last().copied()),
        first_date: known.first().map(|d| d.to_string()).unwrap_or_default(),
        last_date: known.last().map(|d| d.to_string()).unwrap_or_default(),
        window: window(m),
        days,
    }
}

fn window(m: &Meeting) -> NormalWindow {
    let start = clock::parse_instant(&m.window.start.value).ok();
    let end = clock::parse_instant(&m.window.end.value).ok();
    let fmt = |t: jiff::Timestamp| {
        let z = t.to_zoned_datetime(TimeZone::UTC);
        format!(
            "{}, {} ({:02}:{:02} UTC)",
            weekday(z.date()),
            date_text(z.date()),
            z.hour(),
            z.minute()
        )
    };
    NormalWindow {
        start: start
            .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default(),
        end: end
            .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default(),
        text: match (start, end) {
            (Some(s), Some(e)) => format!("{} - {}", fmt(s), fmt(e)),
            _ => String::new(),
        },
    }
}

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

/// "26 June 2024".
pub fn date_text(d: Date) -> String {
    format!(
        "{} {} {}",
        d.day(),
        MONTHS[usize::try_from(d.month() - 1).unwrap_or(0)],
        d.year()
    )
}

/// "26-28 June 2024", "30 June - 2 July 2024", "30 December 2024 - 2 January 2025".
pub fn range_text(first: Option<Date>, last: Option<Date>) -> String {
    let (Some(a), Some(b)) = (first, last) else {
        return String::new();
    };
    let month = |d: Date| MONTHS[usize::try_from(d.month() - 1).unwrap_or(0)];
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_read_naturally() {
        let d = |s: &str| Some(s.parse::<Date>().unwrap());
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
}
