//! `agenda.akn.xml`: the agenda as an Akoma Ntoso 3.0 `debateReport` (OASIS LegalDocML, as the
//! UN's AKN4UN guidelines use it for meeting agendas), so parliamentary and archival systems can
//! load it without custom code.
//!
//! FRBR identification names the meeting (work), its language and revision (expression) and
//! this XML file (manifestation). The body has one `debateSection` per day and one per agenda
//! row, with the row's time as `<time>`, its items as a `blockList`, the organisations invited
//! to intervene as `<party>` references declared in `<references>`; then each day's desired
//! outputs, and, where rapporteurs recorded them, the outcomes linked to the outputs they close.
//! Written by hand (the structure is fixed and small), with every text escaped.

use std::fmt::Write as _;

use crate::render::view::MeetingView;
use crate::render::view::followup::FollowUp;

/// ISO 639-2 (alpha-3) code AKN expressions use, for the six UN languages; other tags as given.
fn alpha3(tag: &str) -> &str {
    match tag.split('-').next().unwrap_or(tag) {
        "ar" => "ara",
        "en" => "eng",
        "es" => "spa",
        "fr" => "fra",
        "ru" => "rus",
        "zh" => "zho",
        other => other,
    }
}

/// Text for XML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Bidi isolates are for display, not for an exchange format.
            '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A name safe in an IRI path segment: lowercase letters, digits and dashes.
fn segment(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "unnamed".into()
    } else {
        trimmed.to_owned()
    }
}

/// The organisations invited to intervene, each declared once as a TLCOrganization.
fn parties(m: &MeetingView) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in m.days.iter().flat_map(|d| &d.sessions) {
        for i in &s.interventions {
            if !out.contains(i) {
                out.push(i.clone());
            }
        }
    }
    out
}

/// Renders the agenda of `report.meeting` (with its outcomes, when `has_outcomes`); `generated`
/// is the fixed date of the file (never the clock). `host` is the host as the source language
/// writes it, so that every language's file names the same work.
pub fn agenda(
    report: &FollowUp,
    has_outcomes: bool,
    generated: jiff::Timestamp,
    host: &str,
) -> Vec<u8> {
    let m = &report.meeting;
    let lang = alpha3(&m.language);
    let date = &m.first_date;
    let work = format!(
        "/akn/un/debateReport/agenda/{}/{date}/{}",
        segment(host),
        m.id
    );
    // (An issued revision's date is checked to be a date when it is read; escaped anyway.)
    let (expression_date, expression_name) = match &m.revision {
        Some(r) if !r.draft => (esc(&r.date), "issued"),
        _ => (date.clone(), "meeting"),
    };
    let expression = format!("{work}/{lang}@{expression_date}");
    let generated = generated.strftime("%Y-%m-%d").to_string();
    let parties = parties(m);
    let mut x = String::new();
    let _ = writeln!(x, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        x,
        r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">"#
    );
    let _ = writeln!(x, r#" <debateReport name="agenda">"#);
    let _ = writeln!(x, "  <meta>");
    let _ = writeln!(x, r##"   <identification source="#docket">"##);
    let _ = writeln!(x, "    <FRBRWork>");
    let _ = writeln!(x, r#"     <FRBRthis value="{}/!main"/>"#, esc(&work));
    let _ = writeln!(x, r#"     <FRBRuri value="{}"/>"#, esc(&work));
    let _ = writeln!(x, r#"     <FRBRdate date="{date}" name="meeting"/>"#);
    let _ = writeln!(x, r##"     <FRBRauthor href="#host"/>"##);
    let _ = writeln!(x, r#"     <FRBRcountry value="un"/>"#);
    let _ = writeln!(x, r#"     <FRBRsubtype value="agenda"/>"#);
    let _ = writeln!(x, r#"     <FRBRnumber value="{}"/>"#, esc(&m.id));
    let _ = writeln!(x, r#"     <FRBRname value="{}"/>"#, esc(&m.title));
    let _ = writeln!(x, "    </FRBRWork>");
    let _ = writeln!(x, "    <FRBRExpression>");
    let _ = writeln!(x, r#"     <FRBRthis value="{}/!main"/>"#, esc(&expression));
    let _ = writeln!(x, r#"     <FRBRuri value="{}"/>"#, esc(&expression));
    let _ = writeln!(
        x,
        r#"     <FRBRdate date="{expression_date}" name="{expression_name}"/>"#
    );
    let _ = writeln!(x, r##"     <FRBRauthor href="#host"/>"##);
    if let Some(r) = m.revision.as_ref().filter(|r| !r.draft) {
        let _ = writeln!(x, r#"     <FRBRversionNumber value="{}"/>"#, esc(&r.label));
    }
    let _ = writeln!(x, r#"     <FRBRlanguage language="{lang}"/>"#);
    let _ = writeln!(x, "    </FRBRExpression>");
    let _ = writeln!(x, "    <FRBRManifestation>");
    let _ = writeln!(
        x,
        r#"     <FRBRthis value="{}/!main.xml"/>"#,
        esc(&expression)
    );
    let _ = writeln!(x, r#"     <FRBRuri value="{}.xml"/>"#, esc(&expression));
    let _ = writeln!(x, r#"     <FRBRdate date="{generated}" name="generated"/>"#);
    let _ = writeln!(x, r##"     <FRBRauthor href="#docket"/>"##);
    let _ = writeln!(x, "    </FRBRManifestation>");
    let _ = writeln!(x, "   </identification>");
    let _ = writeln!(x, r##"   <references source="#docket">"##);
    let org = |x: &mut String, eid: &str, name: &str| {
        // A name in a script other than Latin is named by its eId.
        let slug = Some(segment(name))
            .filter(|s| s != "unnamed")
            .unwrap_or_else(|| eid.replace('_', "-"));
        let _ = writeln!(
            x,
            r#"    <TLCOrganization eId="{eid}" href="/akn/ontology/organization/un/{slug}" showAs="{}"/>"#,
            esc(name)
        );
    };
    org(&mut x, "host", &m.host);
    org(&mut x, "docket", "docket");
    for (n, p) in parties.iter().enumerate() {
        org(&mut x, &format!("party_{}", n + 1), p);
    }
    let _ = writeln!(x, "   </references>");
    let _ = writeln!(x, "  </meta>");
    let _ = writeln!(x, "  <preface>");
    let _ = writeln!(x, "   <p><docTitle>{}</docTitle></p>", esc(&m.title));
    let _ = writeln!(x, "   <p><docNumber>{}</docNumber></p>", esc(&m.id));
    let _ = writeln!(
        x,
        r#"   <p><docDate date="{date}">{}</docDate>, {}</p>"#,
        esc(&m.dates_text),
        esc(&m.venue)
    );
    if let Some(r) = &m.revision {
        let _ = writeln!(x, "   <p>{}</p>", esc(&r.line));
    }
    let _ = writeln!(x, "  </preface>");
    let _ = writeln!(x, "  <mainBody>");
    for day in &m.days {
        let d = format!("dbsect_{}", day.number);
        let _ = writeln!(x, r#"   <debateSection name="day" eId="{d}">"#);
        let _ = writeln!(x, "    <num>{}</num>", esc(&day.label));
        let _ = writeln!(
            x,
            r#"    <heading><date date="{}">{} {}</date>, {}</heading>"#,
            day.date,
            esc(&day.weekday),
            esc(&day.date_text),
            esc(&day.part_line)
        );
        if let Some(room) = &day.room {
            let _ = writeln!(x, "    <p>{}</p>", esc(room));
        }
        for (n, s) in day.sessions.iter().enumerate() {
            let e = format!("{d}__dbsect_{}", n + 1);
            let _ = writeln!(
                x,
                r#"    <debateSection name="{}" eId="{e}">"#,
                kind(s.kind)
            );
            if let (Some(time), Some(start)) = (&s.time, &s.start_utc) {
                let _ = writeln!(
                    x,
                    r#"     <num><time time="{start}">{}</time></num>"#,
                    esc(time)
                );
            }
            if !s.display_title.is_empty() {
                let _ = writeln!(x, "     <heading>{}</heading>", esc(&s.display_title));
            }
            if !s.items.is_empty() {
                let _ = writeln!(x, r#"     <blockList eId="{e}__list_1">"#);
                for (i, item) in s.items.iter().enumerate() {
                    let _ = writeln!(
                        x,
                        r#"      <item eId="{e}__list_1__item_{}"><p>{}</p></item>"#,
                        i + 1,
                        esc(item)
                    );
                }
                let _ = writeln!(x, "     </blockList>");
            }
            if !s.interventions.is_empty() {
                let refs: Vec<String> = s
                    .interventions
                    .iter()
                    .map(|i| {
                        let n = parties.iter().position(|p| p == i).unwrap_or(0) + 1;
                        format!(r##"<party refersTo="#party_{n}">{}</party>"##, esc(i))
                    })
                    .collect();
                let label = m.label("interventions_from");
                let _ = writeln!(x, "     <p>{} {}</p>", esc(&label), refs.join("; "));
            }
            if s.display_title.is_empty() && s.items.is_empty() && s.interventions.is_empty() {
                let _ = writeln!(x, "     <p/>");
            }
            let _ = writeln!(x, "    </debateSection>");
        }
        if !day.desired_outputs.is_empty() {
            let o = format!("{d}__outputs");
            let label = m.label("desired_outputs");
            let _ = writeln!(x, r#"    <debateSection name="desiredOutputs" eId="{o}">"#);
            let _ = writeln!(x, "     <heading>{}</heading>", esc(&label));
            let _ = writeln!(x, r#"     <blockList eId="{o}__list_1">"#);
            for (i, out) in day.desired_outputs.iter().enumerate() {
                let _ = writeln!(
                    x,
                    r##"      <item eId="{o}__list_1__item_{}" refersTo="#{}"><p>{}</p></item>"##,
                    i + 1,
                    esc(&out.id),
                    esc(&out.text)
                );
            }
            let _ = writeln!(x, "     </blockList>");
            let _ = writeln!(x, "    </debateSection>");
        }
        if has_outcomes {
            outcomes(&mut x, report, day.number, &d);
        }
        let _ = writeln!(x, "   </debateSection>");
    }
    let _ = writeln!(x, "  </mainBody>");
    let _ = writeln!(x, " </debateReport>");
    let _ = writeln!(x, "</akomaNtoso>");
    x.into_bytes()
}

fn kind(k: crate::model::SessionKind) -> &'static str {
    match k {
        crate::model::SessionKind::Session => "session",
        crate::model::SessionKind::Break => "break",
        crate::model::SessionKind::Segment => "segment",
    }
}

/// The outcomes recorded for a day's desired outputs, each naming the output it closes.
fn outcomes(x: &mut String, report: &FollowUp, day: usize, d: &str) {
    let rows: Vec<_> = report.coverage.iter().filter(|r| r.day == day).collect();
    if rows.iter().all(|r| r.outcome.is_none()) {
        return;
    }
    let o = format!("{d}__outcomes");
    let _ = writeln!(x, r#"    <debateSection name="outcomes" eId="{o}">"#);
    let _ = writeln!(x, r#"     <blockList eId="{o}__list_1">"#);
    for (i, row) in rows.iter().enumerate() {
        let Some(outcome) = &row.outcome else {
            continue;
        };
        // Coverage rows of a day come in the order of its desired outputs.
        let item = format!("{o}__list_1__item_{}", i + 1);
        let _ = writeln!(x, r#"      <item eId="{item}">"#);
        let _ = writeln!(
            x,
            r##"       <p><ref href="#{d}__outputs__list_1__item_{}">{}</ref>: {}</p>"##,
            i + 1,
            esc(&row.text),
            esc(&row.status_label)
        );
        if let Some(summary) = &outcome.recorded.summary {
            let _ = writeln!(x, "       <p>{}</p>", esc(summary));
        }
        for line in outcome
            .workshop_groups
            .iter()
            .map(|g| g.heading.clone())
            .chain(outcome.main_session_lines.iter().cloned())
            .chain(outcome.facilitator_lines.iter().cloned())
            .chain(outcome.recorded.decisions.iter().cloned())
            .chain(
                outcome
                    .action_rows
                    .iter()
                    .map(|a| format!("{} ({}, {})", a.what, a.owner, a.status_label)),
            )
        {
            let _ = writeln!(x, "       <p>{}</p>", esc(&line));
        }
        let _ = writeln!(x, "      </item>");
    }
    let _ = writeln!(x, "     </blockList>");
    let _ = writeln!(x, "    </debateSection>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_text_are_safe() {
        assert_eq!(segment("IGF Secretariat"), "igf-secretariat");
        assert_eq!(segment("«»"), "unnamed");
        assert_eq!(esc("a<b & \"c\"\u{2068}"), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(alpha3("zh-hans"), "zho");
    }
}
