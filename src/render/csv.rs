//! `actions.csv`: the follow-up actions as a spreadsheet, one per meeting and one for the yearly
//! record. RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote or line
//! break), UTF-8 with a byte-order mark, which is how Excel knows a CSV file is UTF-8.

use crate::render::view::followup::{AgendaPlace, FollowUp, OutcomeView};

const BOM: &str = "\u{feff}";

/// One field, quoted when RFC 4180 requires it. A field that a spreadsheet would take for a
/// formula (`=`, `+`, `@`) is kept as text by a leading apostrophe, as OWASP advises for files
/// opened in Excel or Calc.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '@']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let text = text.as_ref();
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn line(out: &mut String, fields: &[&str]) {
    let joined: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&joined.join(","));
    out.push_str("\r\n");
}

/// The rows of one report: action, owner, due date, status, desired output, day, session.
fn rows(report: &FollowUp) -> Vec<[String; 7]> {
    let mut out = Vec::new();
    let places = |places: &[AgendaPlace]| {
        places
            .iter()
            .map(|p| match &p.time {
                Some(t) => format!("{} ({t})", p.title),
                None => p.title.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut push = |o: &OutcomeView, output: &str, day: &str, session: &str| {
        for a in &o.action_rows {
            out.push([
                a.what.clone(),
                a.owner.clone(),
                a.due.clone(),
                a.status_label.clone(),
                output.to_owned(),
                day.to_owned(),
                session.to_owned(),
            ]);
        }
    };
    // An outcome closing two desired outputs (the same output on two days) is listed once.
    let mut listed: Vec<&str> = Vec::new();
    for row in &report.coverage {
        let Some(o) = &row.outcome else { continue };
        if listed.contains(&row.output.as_str()) {
            continue;
        }
        listed.push(&row.output);
        listed.extend(row.also_closes.iter().map(String::as_str));
        push(o, &row.text, &row.day_label, &places(&row.agenda));
    }
    for u in &report.unassigned {
        let (day, session) = match &u.place {
            Some(p) => (p.day_label.clone(), places(std::slice::from_ref(p))),
            None => (
                String::new(),
                u.outcome
                    .recorded
                    .session
                    .as_ref()
                    .map(|s| s.value.clone())
                    .unwrap_or_default(),
            ),
        };
        push(&u.outcome, "", &day, &session);
    }
    out
}

fn header(report: &FollowUp) -> [String; 7] {
    let l = |id: &str| report.meeting.label(id);
    [
        l("action"),
        l("owner"),
        l("due_date"),
        l("status"),
        l("desired_output"),
        l("day"),
        l("session"),
    ]
}

/// `actions.csv` of one meeting.
pub fn actions(report: &FollowUp) -> Vec<u8> {
    let mut out = String::from(BOM);
    let head = header(report);
    line(&mut out, &head.each_ref().map(String::as_str));
    for row in rows(report) {
        line(&mut out, &row.each_ref().map(String::as_str));
    }
    out.into_bytes()
}

/// The yearly record's `actions.csv`: every meeting's actions, with the meeting's id first.
pub fn year_actions<'a>(reports: impl IntoIterator<Item = &'a FollowUp>) -> Vec<u8> {
    let mut out = String::from(BOM);
    let mut wrote_header = false;
    for report in reports {
        if !wrote_header {
            let head = header(report);
            let mut fields = vec!["meeting"];
            fields.extend(head.iter().map(String::as_str));
            line(&mut out, &fields);
            wrote_header = true;
        }
        for row in rows(report) {
            let mut fields = vec![report.meeting.id.as_str()];
            fields.extend(row.iter().map(String::as_str));
            line(&mut out, &fields);
        }
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=1+2"), "'=1+2");
        let mut out = String::new();
        line(&mut out, &["x", "y,z"]);
        assert_eq!(out, "x,\"y,z\"\r\n");
    }
}
