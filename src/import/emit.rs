//! Writing an imported meeting as commented YAML. Strings are written double-quoted with JSON
//! escapes (valid YAML), so no agenda text can change the document's structure.

use std::fmt::Write;

use super::Imported;
use crate::model::SessionKind;

/// Text for a YAML comment: a control character would end or break the comment (and the file
/// would no longer parse), so each is written as a visible `\u{..}` escape.
fn visible(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                format!("\\u{{{:04X}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The YAML text of an import, with a header naming the source, notes for the reviewer, every
/// line not understood, and a comment on each proposed link.
pub fn to_yaml(imported: &Imported, source: &str) -> String {
    let m = &imported.meeting;
    let mut y = String::new();
    let w = &mut y;
    let _ = writeln!(w, "# yaml-language-server: $schema=../meeting.schema.json");
    let _ = writeln!(
        w,
        "# Imported by `docket import` from {source}. Review it against the published agenda, then"
    );
    let _ = writeln!(
        w,
        "# run `docket check`. Links marked \"proposed\" were inferred from shared words."
    );
    for note in &imported.notes {
        let _ = writeln!(w, "# NOTE: {}", visible(note));
    }
    if !imported.not_understood.is_empty() {
        let _ = writeln!(w, "# Lines not understood, kept here so nothing is lost:");
        for (n, text) in &imported.not_understood {
            let _ = writeln!(w, "#   line {n}: {}", visible(text));
        }
    }
    let _ = writeln!(w, "id: {}", q(&m.id.value));
    let _ = writeln!(w, "title: {}", q(&m.title));
    let _ = writeln!(w, "series: {}", q(&m.series));
    let _ = writeln!(w, "host: {}", q(&m.host));
    let _ = writeln!(w, "venue: {}", q(&m.venue));
    let _ = writeln!(w, "time_zone: {}", q(&m.time_zone.value));
    let _ = writeln!(w, "local_time_label: {}", q(&m.local_time_label.value));
    let _ = writeln!(
        w,
        "window:\n  start: {}\n  end: {}",
        q(&m.window.start.value),
        q(&m.window.end.value)
    );
    let _ = writeln!(w, "language: {}", q(&m.language));
    let _ = writeln!(w, "days:{}", if m.days.is_empty() { " []" } else { "" });
    for day in &m.days {
        let _ = writeln!(w, "  - date: {}", q(&day.date.value));
        let _ = writeln!(w, "    part: {}", q(&day.part));
        for (key, value) in [
            ("audience", &day.audience),
            ("room", &day.room),
            ("note", &day.note),
        ] {
            if let Some(v) = value {
                let _ = writeln!(w, "    {key}: {}", q(v));
            }
        }
        let empty = if day.sessions.is_empty() { " []" } else { "" };
        let _ = writeln!(w, "    sessions:{empty}");
        for s in &day.sessions {
            let id = s.id.as_ref().map(|i| i.value.as_str()).unwrap_or("");
            let _ = writeln!(w, "      - id: {}", q(id));
            if let Some(t) = &s.time {
                let _ = writeln!(w, "        time: {}", q(&t.value));
            }
            if let Some(t) = &s.title {
                let _ = writeln!(w, "        title: {}", q(t));
            }
            match s.kind {
                SessionKind::Break => {
                    let _ = writeln!(w, "        kind: break");
                }
                SessionKind::Segment => {
                    let _ = writeln!(w, "        kind: segment");
                }
                SessionKind::Session => {}
            }
            for (key, list) in [("items", &s.items), ("interventions", &s.interventions)] {
                if !list.is_empty() {
                    let _ = writeln!(w, "        {key}:");
                    for i in list {
                        let _ = writeln!(w, "          - {}", q(i));
                    }
                }
            }
            if let Some(c) = &s.continues {
                let _ = writeln!(w, "        continues: {}", q(&c.value));
            }
            if !s.addresses.is_empty() {
                let why: Vec<String> = s
                    .addresses
                    .iter()
                    .filter_map(|a| {
                        let shared = imported
                            .proposals
                            .get(&a.value)?
                            .iter()
                            .find(|(sid, _)| sid == id)?;
                        Some(format!("{} (shared: {})", a.value, shared.1.join(", ")))
                    })
                    .collect();
                if !why.is_empty() {
                    let _ = writeln!(
                        w,
                        "        # proposed by docket import: {}; confirm or remove",
                        why.join("; ")
                    );
                }
                let ids: Vec<String> = s.addresses.iter().map(|a| q(&a.value)).collect();
                let _ = writeln!(w, "        addresses: [{}]", ids.join(", "));
            }
        }
        if day.inputs.is_empty() {
            let _ = writeln!(w, "    inputs: []");
        } else {
            let _ = writeln!(w, "    inputs:");
            for i in &day.inputs {
                let _ = writeln!(
                    w,
                    "      - title: {}\n        file: {}",
                    q(&i.title),
                    q(&i.file)
                );
            }
        }
        let empty = if day.desired_outputs.is_empty() {
            " []"
        } else {
            ""
        };
        let _ = writeln!(w, "    desired_outputs:{empty}");
        for o in &day.desired_outputs {
            let _ = writeln!(
                w,
                "      - id: {}\n        text: {}",
                q(&o.id.value),
                q(&o.text)
            );
        }
    }
    y
}
