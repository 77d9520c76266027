//! The validated meeting: what a meeting becomes once it has passed its checks.
//!
//! `meeting.yaml` holds dates, times, the zone and the window as text, because that is what
//! people type and what diagnostics point into. [`validate`] parses them once, after check,
//! into jiff values (local dates and times, UTC instants, the zone), resolves `continues`
//! links to positions, and gives every agenda row a stable key. Renderers and views take a
//! [`ValidMeeting`] and never parse a date, time or zone again. No wording lives here: dates in
//! words, "(cont.)" and "Day 2" are made by the view layer (`render::view`).

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::{Offset, TimeZone};
use sha2::{Digest, Sha256};

use super::clock::{self, TimeRange};
use super::{Day, Meeting, Session};

/// A meeting that passed its checks, with every value typed.
#[derive(Clone, Debug)]
pub struct ValidMeeting {
    /// The meeting as written: titles, items, interventions and other text.
    pub meeting: Meeting,
    /// The meeting's time zone.
    pub zone: TimeZone,
    /// The published UTC window.
    pub window: (Timestamp, Timestamp),
    /// The days, in order, with their sessions typed.
    pub days: Vec<ValidDay>,
}

/// One day, typed.
#[derive(Clone, Debug)]
pub struct ValidDay {
    /// 1-based position.
    pub number: usize,
    /// The local date.
    pub date: Date,
    /// The zone's abbreviation in force that day ("CEST"), from the time zone database.
    pub zone_abbr: String,
    /// The UTC offset in force that day.
    pub offset: Offset,
    /// The day's agenda rows, in order (same positions as in [`Day::sessions`]).
    pub sessions: Vec<ValidSession>,
}

/// One agenda row, typed.
#[derive(Clone, Debug)]
pub struct ValidSession {
    /// Stable key: the id, else `row:` and a hash of the row's day, kind, title and items
    /// (with a counter for identical rows), so a key survives rows inserted above it. The
    /// colon keeps it apart from every id (ids are slugs). A retitled row without an id gets a
    /// new key (and calendar UID): give a session an id to keep its event across edits.
    pub key: String,
    /// Local and UTC times, when the row is timed.
    pub slot: Option<Slot>,
    /// The position (day index, row index) of the session this one continues.
    pub continues: Option<(usize, usize)>,
}

/// A timed row: local clock times and the instants they are in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// Local start.
    pub start: Time,
    /// Local end.
    pub end: Time,
    /// Start as an instant.
    pub start_utc: Timestamp,
    /// End as an instant.
    pub end_utc: Timestamp,
}

impl ValidMeeting {
    /// The day and its typed data at `index`.
    pub fn day(&self, index: usize) -> (&Day, &ValidDay) {
        (&self.meeting.days[index], &self.days[index])
    }

    /// Every row with its raw and typed parts: (day index, row index, raw, typed).
    pub fn sessions(&self) -> impl Iterator<Item = (usize, usize, &Session, &ValidSession)> {
        self.meeting
            .days
            .iter()
            .zip(&self.days)
            .enumerate()
            .flat_map(|(d, (day, valid))| {
                day.sessions
                    .iter()
                    .zip(&valid.sessions)
                    .enumerate()
                    .map(move |(r, (raw, typed))| (d, r, &raw.value, typed))
            })
    }

    /// The row at a position.
    pub fn session_at(&self, (d, r): (usize, usize)) -> (&Session, &ValidSession) {
        (
            &self.meeting.days[d].sessions[r].value,
            &self.days[d].sessions[r],
        )
    }

    /// First and last date.
    pub fn date_range(&self) -> Option<(Date, Date)> {
        Some((self.days.first()?.date, self.days.last()?.date))
    }
}

/// Types a checked meeting. An error names the value that does not parse, which `check`
/// would have reported: it means `validate` was called on a meeting with errors.
pub fn validate(m: &Meeting) -> Result<ValidMeeting, String> {
    let zone = clock::parse_zone(&m.time_zone.value)?;
    let window = (
        clock::parse_instant(&m.window.start.value)?,
        clock::parse_instant(&m.window.end.value)?,
    );
    let mut keys = KeyMaker::default();
    let mut days = Vec::with_capacity(m.days.len());
    for (d, day) in m.days.iter().enumerate() {
        let date = clock::parse_date(&day.date.value)?;
        let noon = clock::zoned(date, Time::constant(12, 0, 0, 0), &zone)
            .ok_or_else(|| format!("{date} has no noon in {}", m.time_zone.value))?;
        let info = zone.to_offset_info(noon.timestamp());
        let mut sessions = Vec::with_capacity(day.sessions.len());
        for s in &day.sessions {
            let slot = match &s.time {
                Some(t) => {
                    let range = TimeRange::parse(&t.value)?;
                    let at = |time| {
                        clock::zoned(date, time, &zone)
                            .map(|z| z.timestamp())
                            .ok_or_else(|| format!("{date} {time} does not exist in the zone"))
                    };
                    Some(Slot {
                        start: range.start,
                        end: range.end,
                        start_utc: at(range.start)?,
                        end_utc: at(range.end)?,
                    })
                }
                None => None,
            };
            let continues = match &s.continues {
                Some(target) => Some(
                    position(m, &target.value)
                        .ok_or_else(|| format!("`continues: {}` names no session", target.value))?,
                ),
                None => None,
            };
            sessions.push(ValidSession {
                key: keys.key(date, s),
                slot,
                continues,
            });
        }
        days.push(ValidDay {
            number: d + 1,
            date,
            zone_abbr: info.abbreviation().to_owned(),
            offset: info.offset(),
            sessions,
        });
    }
    Ok(ValidMeeting {
        meeting: m.clone(),
        zone,
        window,
        days,
    })
}

fn position(m: &Meeting, id: &str) -> Option<(usize, usize)> {
    m.days.iter().enumerate().find_map(|(d, day)| {
        day.sessions
            .iter()
            .position(|s| s.id.as_ref().is_some_and(|i| i.value == id))
            .map(|r| (d, r))
    })
}

/// Keys for rows: the id when there is one, else a hash of what the row is (not where it
/// is), with a counter for rows that are the same in every respect.
#[derive(Default)]
struct KeyMaker {
    seen: std::collections::HashMap<String, usize>,
}

impl KeyMaker {
    fn key(&mut self, date: Date, s: &Session) -> String {
        if let Some(id) = &s.id {
            return id.value.clone();
        }
        let mut h = Sha256::new();
        for part in [
            date.to_string().as_str(),
            &format!("{:?}", s.kind),
            s.title.as_deref().unwrap_or(""),
        ]
        .into_iter()
        .chain(s.items.iter().map(String::as_str))
        {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        let digest = h.finalize();
        let base = format!("row:{}", crate::load::safe::hex(&digest[..5]));
        let n = self.seen.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { base } else { format!("{base}-{n}") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::BASE;

    fn valid(text: &str) -> ValidMeeting {
        let m: Meeting =
            crate::load::yaml::parse(std::path::Path::new("m.yaml"), text).expect("parses");
        validate(&m).expect("validates")
    }

    #[test]
    fn times_become_instants_in_the_zone() {
        let v = valid(BASE);
        assert_eq!(v.days[0].zone_abbr, "CEST");
        let slot = v.days[0].sessions[0].slot.unwrap();
        assert_eq!(slot.start, Time::constant(10, 30, 0, 0));
        assert_eq!(slot.start_utc.to_string(), "2024-06-26T08:30:00Z");
        assert_eq!(v.days[1].sessions[0].continues, Some((0, 2)));
        assert_eq!(v.days[0].sessions[0].key, "s1");
    }

    #[test]
    fn a_row_without_id_keeps_its_key_when_a_row_is_inserted_above() {
        let after = BASE.replacen(
            "    sessions:\n",
            "    sessions:\n      - {title: Housekeeping, kind: segment}\n",
            1,
        );
        let key = |v: &ValidMeeting, title: &str| {
            v.sessions()
                .find(|(_, _, raw, _)| raw.title.as_deref() == Some(title))
                .map(|(_, _, _, s)| s.key.clone())
                .unwrap()
        };
        let (a, b) = (valid(BASE), valid(&after));
        assert!(key(&a, "LUNCH BREAK").starts_with("row:"));
        assert_eq!(key(&a, "LUNCH BREAK"), key(&b, "LUNCH BREAK"));
        assert_ne!(key(&b, "LUNCH BREAK"), key(&b, "Housekeeping"));
    }
}
