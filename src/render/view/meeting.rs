//! The meeting as documents show it: `output/<slug>/meeting.json` and the one input of every
//! template, so templates never compute dates or resolve ids themselves.
//!
//! Built from the [`ValidMeeting`] (typed dates, times and instants) with the wording of
//! [`super::words`]; nothing is parsed here.

use serde::Serialize;

use std::collections::BTreeMap;

use super::locale::Locale;
use super::words;
use crate::model::SessionKind;
use crate::model::valid::ValidMeeting;

/// Version of the JSON layout, raised when a field changes meaning (2: a row without an id
/// is keyed by its content, `row:<hash>`, no longer by its position; 3: `lang` with the
/// direction and labels of the document's language, `days[].label`).
pub const FORMAT_VERSION: u32 = 3;

/// The whole meeting, normalised.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct MeetingView {
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
    /// BCP 47 language of this copy (the source language, or the one it was translated into).
    pub language: String,
    /// The language's direction and fixed wording (`lang.tag` is the catalog's: `en` for a
    /// meeting in `en-GB`).
    pub lang: LangView,
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
    pub window: WindowView,
    /// The days.
    pub days: Vec<DayView>,
    /// The revision, once the meeting has been issued (`docket issue`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<super::revision::RevisionView>,
}

/// A document's language: what templates need to set it and to print fixed words.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct LangView {
    /// BCP 47 tag ("ar").
    pub tag: String,
    /// "ltr" or "rtl".
    pub dir: String,
    /// The catalog's messages by id, `-` written `_` ("input_documents"); a `{$page}` in one is
    /// for the template to fill.
    pub labels: BTreeMap<String, String>,
}

impl MeetingView {
    /// The catalog label `id` in this view's language (`_` for `-`: "input_documents"), or the
    /// id itself when no catalog has it.
    pub fn label(&self, id: &str) -> String {
        self.lang
            .labels
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_owned())
    }
}

impl LangView {
    /// The view of `loc`.
    pub fn of(loc: &Locale) -> Self {
        Self {
            tag: loc.tag.clone(),
            dir: if loc.rtl { "rtl" } else { "ltr" }.to_owned(),
            labels: loc.labels(),
        }
    }
}

/// The UTC event window.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct WindowView {
    /// Start, RFC 3339 UTC.
    pub start: String,
    /// End, RFC 3339 UTC.
    pub end: String,
    /// "Wednesday, 26 June 2024 (08:00 UTC) - Friday, 28 June 2024 (16:00 UTC)".
    pub text: String,
}

/// One day.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct DayView {
    /// 1-based day number.
    pub number: usize,
    /// "Day 1" in the document's language.
    pub label: String,
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
    pub sessions: Vec<SessionView>,
    /// Input documents.
    pub inputs: Vec<InputView>,
    /// Desired outputs.
    pub desired_outputs: Vec<OutputView>,
}

/// One agenda row.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct SessionView {
    /// Stable key: the id, or `row:<hash>` of the row's day, kind, title and items for rows
    /// without one (never a valid id), so the key survives rows inserted above it.
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
    /// Changed in this revision (marked in the margin); only written when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[schemars(default)]
    pub changed: bool,
}

/// An input document.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct InputView {
    /// Title.
    pub title: String,
    /// Path relative to the meeting folder.
    pub file: String,
}

/// A desired output with the sessions that address it.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct OutputView {
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

/// The view of a validated meeting.
pub fn meeting_view(v: &ValidMeeting, loc: &Locale) -> MeetingView {
    let m = &v.meeting;
    let days: Vec<DayView> = v
        .meeting
        .days
        .iter()
        .zip(&v.days)
        .map(|(day, typed)| {
            let sessions: Vec<SessionView> = day
                .sessions
                .iter()
                .zip(&typed.sessions)
                .map(|(s, t)| {
                    let time = t.slot.map(|slot| words::clock_range(slot.start, slot.end));
                    let title = s.title.clone().unwrap_or_default();
                    let continues_where = t.continues.map(|at| {
                        let (_, target) = v.session_at(at);
                        let time = target.slot.map(|x| words::clock_range(x.start, x.end));
                        words::day_and_time(loc, at.0 + 1, time.as_deref())
                    });
                    SessionView {
                        key: t.key.clone(),
                        id: s.id.as_ref().map(|i| i.value.clone()),
                        kind: s.kind,
                        time,
                        start: t.slot.map(|x| words::clock(x.start)),
                        end: t.slot.map(|x| words::clock(x.end)),
                        start_utc: t.slot.map(|x| words::rfc3339(x.start_utc)),
                        end_utc: t.slot.map(|x| words::rfc3339(x.end_utc)),
                        display_title: if t.continues.is_some() {
                            words::continued(loc, &title)
                        } else {
                            title
                        },
                        title: s.title.clone(),
                        continues: s.continues.as_ref().map(|c| c.value.clone()),
                        continues_where,
                        items: s.items.clone(),
                        interventions: s.interventions.clone(),
                        addresses: s.addresses.iter().map(|a| a.value.clone()).collect(),
                        changed: false,
                    }
                })
                .collect();
            let desired_outputs = day
                .desired_outputs
                .iter()
                .map(|o| OutputView {
                    id: o.id.value.clone(),
                    text: o.text.clone(),
                    addressed_by: sessions
                        .iter()
                        .filter(|s| s.addresses.contains(&o.id.value))
                        .map(|s| SessionRef {
                            key: s.key.clone(),
                            day: typed.number,
                            time: s.time.clone(),
                            title: s.display_title.clone(),
                        })
                        .collect(),
                })
                .collect();
            DayView {
                number: typed.number,
                label: words::day(loc, typed.number),
                date: typed.date.to_string(),
                weekday: words::weekday(loc, typed.date),
                date_text: words::date_text(loc, typed.date),
                zone_abbr: typed.zone_abbr.clone(),
                utc_offset: words::offset(typed.offset),
                part: day.part.clone(),
                audience: day.audience.clone(),
                part_line: words::part_line(&day.part, day.audience.as_deref()),
                room: day.room.clone(),
                note: day.note.clone(),
                sessions,
                inputs: day
                    .inputs
                    .iter()
                    .map(|i| InputView {
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
    let range = v.date_range();
    MeetingView {
        format: FORMAT_VERSION,
        id: m.id.value.clone(),
        title: m.title.clone(),
        series: m.series.clone(),
        host: m.host.clone(),
        venue: m.venue.clone(),
        language: m.language.clone(),
        lang: LangView::of(loc),
        keywords: m.keywords.clone(),
        time_zone: m.time_zone.value.clone(),
        local_time_label: m.local_time_label.value.clone(),
        zone_abbr: if abbrs.is_empty() {
            m.local_time_label.value.clone()
        } else {
            abbrs.join("/")
        },
        dates_text: range
            .map(|(a, b)| words::range_text(loc, a, b))
            .unwrap_or_default(),
        first_date: range.map(|(a, _)| a.to_string()).unwrap_or_default(),
        last_date: range.map(|(_, b)| b.to_string()).unwrap_or_default(),
        window: WindowView {
            start: words::rfc3339(v.window.0),
            end: words::rfc3339(v.window.1),
            text: format!(
                "{} - {}",
                words::instant_text(loc, v.window.0),
                words::instant_text(loc, v.window.1)
            ),
        },
        days,
        revision: None,
    }
}
