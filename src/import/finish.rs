//! After the last line: starts without ends and durations become time ranges, early outputs
//! and documents go to the first day, and the zone, the label and the window are settled.

use jiff::civil::{Date, Time};

use super::state::{RowTime, State};
use super::times::{Slot, clock};
use super::{Imported, lines, links, slug, zones};
use crate::model::{At, SessionKind, Window, clock as model_clock};

/// The length given to a last row whose end nothing tells (a note says so).
const UNKNOWN_LENGTH: u16 = 30;
/// 23:59, the last minute a row of the day can end at.
const LAST_MINUTE: u16 = 24 * 60 - 1;

impl State {
    pub(super) fn finish(mut self) -> Imported {
        self.early_blocks();
        self.resolve_times();
        let zone = self.settle_zone();
        self.settle_window(&zone);
        let m = &mut self.meeting;
        m.series = lines::series_of(&m.title);
        m.id = At::from(slug(&m.title, 8));
        for d in &mut m.days {
            if d.part.is_empty() {
                d.part = "Meeting".into();
            }
        }
        if m.days.iter().any(|d| d.part == "Meeting") {
            self.notes.push(
                "days without a part line were given `part: Meeting`: name each day's part".into(),
            );
        }
        for (field, value) in [("host", &self.meeting.host), ("venue", &self.meeting.venue)] {
            if value.is_empty() {
                self.notes.push(format!(
                    "the agenda names no {field}: write the meeting's `{field}`"
                ));
            }
        }
        if !self.furniture.is_empty() {
            let lines: Vec<String> = self.furniture.iter().map(|n| n.to_string()).collect();
            self.notes.push(format!(
                "lines {} were page furniture (navigation, share links, page headers) and were skipped",
                lines.join(", ")
            ));
        }
        let proposals = links::propose(&self.meeting);
        // Each row by its id, once: a scan per proposal grew with days x rows.
        let at: std::collections::HashMap<String, (usize, usize)> = self
            .meeting
            .days
            .iter()
            .enumerate()
            .flat_map(|(d, day)| {
                day.sessions
                    .iter()
                    .enumerate()
                    .filter_map(move |(i, s)| Some((s.id.as_ref()?.value.clone(), (d, i))))
            })
            .collect();
        for (output, sessions) in &proposals {
            for (session, _) in sessions {
                if let Some(&(d, i)) = at.get(session)
                    && let Some(s) = self.meeting.days[d].sessions.get_mut(i)
                    && !s.value.addresses.iter().any(|a| a.value == *output)
                {
                    s.value.addresses.push(At::from(output.clone()));
                }
            }
        }
        Imported {
            meeting: self.meeting,
            not_understood: self.not_understood,
            proposals,
            notes: self.notes,
        }
    }

    /// Outputs and documents listed before the first day belong to the first day.
    fn early_blocks(&mut self) {
        if self.meeting.days.is_empty() {
            for (what, list) in [
                ("output", &self.early_outputs),
                ("document", &self.early_inputs),
            ] {
                for text in list {
                    self.not_understood
                        .push((0, format!("{what} with no day: {text}")));
                }
            }
            return;
        }
        let outputs = std::mem::take(&mut self.early_outputs);
        let inputs = std::mem::take(&mut self.early_inputs);
        if !outputs.is_empty() {
            self.notes
                .push("the outputs listed for the whole meeting were put on the first day".into());
        }
        let rest: Vec<_> = self.meeting.days.drain(1..).collect();
        let rest_times: Vec<_> = self.times.drain(1..).collect();
        let rest_hours: Vec<_> = self.hours.drain(1..).collect();
        // The first day is the last day while they are added, so they land on it.
        for o in outputs {
            self.output(&o);
        }
        for i in inputs {
            self.input(&i);
        }
        self.meeting.days.extend(rest);
        self.times.extend(rest_times);
        self.hours.extend(rest_hours);
    }

    /// A start alone ends at start + its duration, else where the next row starts, else at
    /// the end of the day's hours; a row with only a duration follows the row before it.
    fn resolve_times(&mut self) {
        for (d, day) in self.meeting.days.iter_mut().enumerate() {
            let rows: &[RowTime] = self.times.get(d).map_or(&[], |v| v.as_slice());
            let hours = self.hours.get(d).copied().flatten();
            // Rows with only a duration follow the row before, or start the day's hours.
            let mut cursor: Option<u16> = hours.map(|h| h.start);
            for (i, session) in day.sessions.iter_mut().enumerate() {
                let Some(row) = rows.get(i) else { continue };
                let slot = match row.slot {
                    Some(Slot {
                        start,
                        end: Some(end),
                    }) => Some((start, end)),
                    Some(Slot { start, end: None }) => {
                        let next = rows[i + 1..]
                            .iter()
                            .filter_map(|r| r.slot.map(|s| s.start))
                            .find(|&s| s > start);
                        let end = row
                            .minutes
                            .map(|m| start + m)
                            .or(next)
                            .or(hours.and_then(|h| h.end).filter(|&e| e > start));
                        Some(match end {
                            Some(end) => (start, end),
                            None => {
                                let end = (start + UNKNOWN_LENGTH).min(LAST_MINUTE);
                                self.notes.push(format!(
                                    "the row at {} on day {} has no end in the agenda: {} was written; correct it",
                                    clock(start),
                                    d + 1,
                                    clock(end)
                                ));
                                (start, end)
                            }
                        })
                    }
                    None => match (cursor, row.minutes) {
                        (Some(c), Some(m)) => Some((c, c + m)),
                        _ => None,
                    },
                };
                if let Some((start, end)) = slot {
                    if end > LAST_MINUTE || end <= start {
                        self.notes.push(format!(
                            "the row at {} on day {} ends at {}: {}; correct it",
                            clock(start),
                            d + 1,
                            clock(end % (24 * 60)),
                            if end > LAST_MINUTE {
                                "past midnight, 23:59 was written"
                            } else {
                                "not after it starts"
                            }
                        ));
                    }
                    let end = end.min(LAST_MINUTE);
                    session.value.time = Some(At::from(format!("{}-{}", clock(start), clock(end))));
                    cursor = Some(end);
                }
                let s = &mut session.value;
                if s.title.is_none()
                    && s.items.is_empty()
                    && s.interventions.is_empty()
                    && s.time.is_some()
                {
                    s.kind = SessionKind::Break;
                }
            }
        }
    }

    /// The zone: `--time-zone`, else the label and the venue, else UTC with a note. The label
    /// is kept when it is an abbreviation or an offset, else it becomes the zone's own
    /// abbreviation on the first day.
    fn settle_zone(&mut self) -> String {
        let label = self.zone_label.clone();
        let zone = match self.options().time_zone.clone() {
            Some(z) => z,
            None => match zones::zone_for(label.as_deref(), &self.meeting.venue)
                .or_else(|| zones::zone_for(label.as_deref(), &self.context))
            {
                Some(z) => {
                    self.notes.push(format!(
                        "time_zone {z} was inferred from {}: check it (or pass --time-zone)",
                        match &label {
                            Some(l) => format!("the \"{l}\" label and the venue"),
                            None => "the venue".into(),
                        }
                    ));
                    z
                }
                None => {
                    self.notes.push(
                        "the agenda names no time zone and no city docket knows: UTC was written; correct time_zone (or pass --time-zone)".into(),
                    );
                    "UTC".into()
                }
            },
        };
        let first: Option<Date> = self
            .meeting
            .days
            .first()
            .and_then(|d| d.date.value.parse().ok());
        let readable = label.filter(|l| !l.to_lowercase().contains("time") && !l.contains(' '));
        let label = match (readable, first, model_clock::parse_zone(&zone)) {
            (Some(l), _, _) => l,
            (None, Some(date), Ok(tz)) => model_clock::zone_label(date, &tz)
                .map(|(abbr, offset)| {
                    if abbr.starts_with(['+', '-']) {
                        format!("UTC{offset}")
                    } else {
                        abbr
                    }
                })
                .unwrap_or_else(|| "UTC".into()),
            _ => "UTC".into(),
        };
        self.meeting.time_zone = At::from(zone.clone());
        self.meeting.local_time_label = At::from(label);
        zone
    }

    /// The window, when the agenda gives none as UTC instants: from the first row's start to
    /// the last row's end (whole days where rows have no time), in the zone.
    fn settle_window(&mut self, zone: &str) {
        if !self.meeting.window.start.is_empty() {
            return;
        }
        let Ok(tz) = model_clock::parse_zone(zone) else {
            return;
        };
        let days: Vec<(Date, Option<u16>, Option<u16>)> = self
            .meeting
            .days
            .iter()
            .filter_map(|d| {
                let date: Date = d.date.value.parse().ok()?;
                let ranges: Vec<(u16, u16)> = d
                    .sessions
                    .iter()
                    .filter_map(|s| {
                        let t = s.time.as_ref()?;
                        let r = model_clock::TimeRange::parse(&t.value).ok()?;
                        let m = |t: Time| t.hour() as u16 * 60 + t.minute() as u16;
                        Some((m(r.start), m(r.end)))
                    })
                    .collect();
                Some((
                    date,
                    ranges.iter().map(|r| r.0).min(),
                    ranges.iter().map(|r| r.1).max(),
                ))
            })
            .collect();
        let range_dates = self.range.and_then(|(a, b)| Some((a.full()?, b.full()?)));
        let (first, last) = match (days.first(), days.last(), range_dates) {
            (Some(f), Some(l), _) => (*f, *l),
            (None, None, Some((a, b))) => ((a, None, None), (b, None, None)),
            _ => return,
        };
        let at = |date: Date, minutes: u16| -> Option<String> {
            let t = Time::new((minutes / 60) as i8, (minutes % 60) as i8, 0, 0).ok()?;
            let z = model_clock::zoned(date, t, &tz)?;
            Some(z.timestamp().strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        };
        let (Some(start), Some(end)) = (
            at(first.0, first.1.unwrap_or(0)),
            at(last.0, last.2.unwrap_or(23 * 60 + 59)),
        ) else {
            return;
        };
        self.notes.push(
            "the window was derived from the days and times of the agenda: check it against the published dates".into(),
        );
        self.meeting.window = Window {
            start: At::from(start),
            end: At::from(end),
        };
    }
}
