//! `agenda.ics` (RFC 5545): the meeting as one all-day event over its days, then one event per
//! timed session, in UTC, with stable UIDs so that importing a corrected agenda updates events
//! instead of duplicating them.

use crate::model::SessionKind;
use crate::model::valid::ValidMeeting;
use crate::render::view::{MeetingView, SessionView};
use crate::revision::History;

/// Renders the calendar: times from the validated meeting's instants, text from its view.
/// `stamp` is the fixed DTSTAMP (never the clock).
///
/// Once the meeting has been issued, `history` gives each event the UID it was first issued
/// with and, as SEQUENCE, the revision in which it last changed (RFC 5545 3.8.7.4), and the
/// sessions dropped since are sent as cancelled events, so calendars follow each revision.
pub fn calendar(
    valid: &ValidMeeting,
    m: &MeetingView,
    stamp: jiff::Timestamp,
    history: Option<&History>,
) -> Vec<u8> {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:-//docket//docket {}//EN", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", text(&m.title)),
    ];
    let dtstamp = utc(stamp);
    // The meeting itself as one all-day event across its days, so month views show it.
    if let (Some(first), Some(last)) = (valid.days.first(), valid.days.last()) {
        let day = |d: jiff::civil::Date| d.strftime("%Y%m%d").to_string();
        let after = last.date.tomorrow().unwrap_or(last.date);
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            // Sessions' UIDs start with an id (no colon) or `row:`, so none can be this one.
            format!("UID:meeting:{}@docket", m.id),
            format!("DTSTAMP:{dtstamp}"),
            format!("DTSTART;VALUE=DATE:{}", day(first.date)),
            format!("DTEND;VALUE=DATE:{}", day(after)),
            format!("SEQUENCE:{}", history.map_or(0, |h| h.meeting)),
            format!("SUMMARY:{}", text(&m.title)),
            format!("LOCATION:{}", text(&m.venue)),
            "TRANSP:TRANSPARENT".to_owned(),
            "END:VEVENT".to_owned(),
        ]);
    }
    for (day, typed) in m.days.iter().zip(&valid.days) {
        for (s, t) in day.sessions.iter().zip(&typed.sessions) {
            let (SessionKind::Session, Some(slot)) = (s.kind, t.slot) else {
                continue;
            };
            let location: Vec<&str> = day
                .room
                .iter()
                .map(String::as_str)
                .chain([m.venue.as_str()])
                .collect();
            let (uid, sequence) = history
                .and_then(|h| h.sessions.get(&s.key))
                .map_or((s.key.as_str(), 0), |(uid, seq)| (uid.as_str(), *seq));
            lines.extend([
                "BEGIN:VEVENT".to_owned(),
                format!("UID:{uid}.{}@docket", m.id),
                format!("DTSTAMP:{dtstamp}"),
                format!("DTSTART:{}", utc(slot.start_utc)),
                format!("DTEND:{}", utc(slot.end_utc)),
                format!("SEQUENCE:{sequence}"),
                format!("SUMMARY:{}", text(&summary(s))),
                format!("LOCATION:{}", text(&location.join(", "))),
                format!("DESCRIPTION:{}", text(&description(m, s))),
                "END:VEVENT".to_owned(),
            ]);
        }
    }
    for (uid, revision, s) in history.map(|h| h.cancelled.as_slice()).unwrap_or_default() {
        let instant = |t: &Option<String>| {
            t.as_deref()
                .and_then(|t| t.parse::<jiff::Timestamp>().ok())
                .map(utc)
        };
        let (SessionKind::Session, Some(start), Some(end)) =
            (s.kind, instant(&s.start_utc), instant(&s.end_utc))
        else {
            continue;
        };
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{uid}.{}@docket", m.id),
            format!("DTSTAMP:{dtstamp}"),
            format!("DTSTART:{start}"),
            format!("DTEND:{end}"),
            format!("SEQUENCE:{revision}"),
            "STATUS:CANCELLED".to_owned(),
            format!("SUMMARY:{}", text(&s.name())),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out.into_bytes()
}

fn summary(s: &SessionView) -> String {
    if s.display_title.is_empty() {
        s.items.join("; ")
    } else {
        s.display_title.clone()
    }
}

fn description(m: &MeetingView, s: &SessionView) -> String {
    let mut d = vec![m.title.clone()];
    d.extend(s.items.iter().map(|i| format!("- {i}")));
    if !s.interventions.is_empty() {
        d.push(m.label("interventions_from"));
        d.extend(s.interventions.iter().map(|i| format!("- {i}")));
    }
    d.join("\n")
}

/// An instant in the form DTSTART takes, `20240626T083000Z`.
fn utc(t: jiff::Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT escaping (RFC 5545 3.3.11).
fn text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets without splitting a UTF-8 character; CRLF endings.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(60)), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "é".repeat(60))
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
