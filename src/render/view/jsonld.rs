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
            sessions.push(json!({
                "@type": "Event",
                "name": name,
                "startDate": format!("{date}T{start}:00{offset}"),
                "endDate": format!("{date}T{end}:00{offset}"),
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
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
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
