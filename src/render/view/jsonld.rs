//! schema.org `Event` data (JSON-LD) for the HTML outputs, so search engines and calendars read
//! the meeting: its name, dates in ISO 8601 with their offsets, place, organizer, language,
//! status, and one sub-event per timed session in local time with the day's UTC offset.

use serde_json::{Value, json};

/// The JSON-LD of a meeting view (as JSON), ready to sit inside `<script>`: `</` is written
/// `<\/` so no text can close the element.
pub fn event(meeting: &Value) -> String {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let place = |name: &Value| json!({"@type": "Place", "name": name, "address": meeting["venue"]});
    let mut sessions = Vec::new();
    for day in meeting["days"].as_array().into_iter().flatten() {
        let (date, offset) = (text(&day["date"]), text(&day["utc_offset"]));
        let room = if day["room"].is_null() {
            &meeting["venue"]
        } else {
            &day["room"]
        };
        for s in day["sessions"].as_array().into_iter().flatten() {
            let (Some(start), Some(end)) = (s["start"].as_str(), s["end"].as_str()) else {
                continue;
            };
            if s["kind"] != "session" {
                continue;
            }
            let name = match s["display_title"].as_str() {
                Some(t) if !t.is_empty() => t.to_owned(),
                _ => s["items"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join("; "),
            };
            // Each end with the offset in force at that instant (a day may change offset).
            let stamp = |local: &str, utc: &Value| {
                with_offset(&date, local, utc.as_str())
                    .unwrap_or_else(|| format!("{date}T{local}:00{offset}"))
            };
            sessions.push(json!({
                "@type": "Event",
                "name": name,
                "startDate": stamp(start, &s["start_utc"]),
                "endDate": stamp(end, &s["end_utc"]),
                "location": place(room),
            }));
        }
    }
    let data = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting["title"],
        "startDate": meeting["window"]["start"],
        "endDate": meeting["window"]["end"],
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": attendance(&text(&meeting["venue"])),
        "location": place(&meeting["venue"]),
        "organizer": {"@type": "Organization", "name": meeting["host"]},
        "inLanguage": meeting["language"],
        "keywords": meeting["keywords"],
        "subEvent": sessions,
    });
    serde_json::to_string_pretty(&data)
        .unwrap_or_default()
        .replace("</", "<\\/")
}

/// `2024-06-26T10:30:00+02:00`: the local time with the offset between it and its UTC instant.
fn with_offset(date: &str, local: &str, utc: Option<&str>) -> Option<String> {
    let local_dt: jiff::civil::DateTime = format!("{date}T{local}:00").parse().ok()?;
    let instant: jiff::Timestamp = utc?.parse().ok()?;
    let as_utc = instant
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .datetime();
    let minutes = local_dt.duration_since(as_utc).as_secs() / 60;
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    Some(format!(
        "{date}T{local}:00{sign}{:02}:{:02}",
        m / 60,
        m % 60
    ))
}

/// Online when the venue says so (a virtual meeting's venue is "Online"), else in person.
fn attendance(venue: &str) -> &'static str {
    let v = venue.to_lowercase();
    if v.contains("online") || v.contains("virtual") {
        "https://schema.org/OnlineEventAttendanceMode"
    } else {
        "https://schema.org/OfflineEventAttendanceMode"
    }
}
