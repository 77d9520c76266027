//! Seed fidelity: every line of the published agenda is in the example meeting, word for word
//! and in order, and the model holds nothing the agenda does not say.

mod common;

use std::path::Path;

use common::{fixture, fold, root};
use docket::model::valid::validate;
use docket::render::view::{MeetingView, meeting_view};
use regex::Regex;

fn example() -> MeetingView {
    let path = root().join("meetings/igf-2024-oc2-mag/meeting.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    meeting_view(
        &validate(&docket::load::yaml::parse(Path::new("meeting.yaml"), &text).unwrap()).unwrap(),
        docket::render::view::locale::Locales::embedded().get_or_english("en"),
    )
}

/// The seed as comparable lines: spaces folded, bullets dropped, `10:30 - 12:30` as `10:30-12:30`.
fn seed_lines() -> Vec<String> {
    let text = std::fs::read_to_string(fixture("seed/igf-2024-oc2-mag-agenda.txt")).unwrap();
    let times = Regex::new(r"^(\d{1,2}:\d{2}) ?- ?(\d{1,2}:\d{2})").unwrap();
    text.lines()
        .map(|l| fold(l.trim_start_matches(|c: char| c.is_whitespace() || c == '●' || c == '•')))
        .filter(|l| !l.is_empty())
        .map(|l| times.replace(&l, "$1-$2").into_owned())
        .collect()
}

fn ordinal(day: &str) -> String {
    let suffix = match day {
        "1" | "21" | "31" => "st",
        "2" | "22" => "nd",
        "3" | "23" => "rd",
        _ => "th",
    };
    format!("{day}{suffix}")
}

/// The published "Wednesday, 26th June, 2024 (08:00 UTC)" form of a window end.
fn calendar_form(text: &str) -> String {
    // "Wednesday, 26 June 2024 (08:00 UTC)"
    let re = Regex::new(r"^(\w+), (\d+) (\w+) (\d{4}) (\(.*\))$").unwrap();
    let c = re.captures(text).unwrap();
    format!(
        "{}, {} {}, {} {}",
        &c[1],
        ordinal(&c[2]),
        &c[3],
        &c[4],
        &c[5]
    )
}

/// The agenda as the model says it, one comparable line per published line.
fn model_lines(m: &MeetingView) -> Vec<String> {
    let mut lines = vec![m.title.clone(), "Event Calendar Date".into()];
    let (start, end) = m.window.text.split_once(" - ").unwrap();
    lines.push(format!("{} - {}", calendar_form(start), calendar_form(end)));
    lines.push(format!("Hosted by {}", m.host));
    lines.push(m.venue.clone());
    for day in &m.days {
        lines.push(format!("DAY {} | {}", day.number, day.date_text));
        lines.extend(day.room.clone());
        lines.push(day.part_line.clone());
        lines.push(format!(
            "Time ({}) Agenda Item ({})",
            m.local_time_label,
            day.note.as_deref().unwrap_or("")
        ));
        for s in &day.sessions {
            let mut head = match (&s.time, s.display_title.is_empty()) {
                (Some(t), false) => format!("{t} {}", s.display_title),
                (Some(t), true) => t.clone(),
                (None, false) => s.display_title.clone(),
                (None, true) => String::new(),
            };
            if !s.interventions.is_empty() {
                head += " Interventions from:";
            }
            if !head.is_empty() {
                lines.push(head);
            }
            lines.extend(s.items.iter().cloned());
            lines.extend(s.interventions.iter().cloned());
        }
        lines.push("*Input documents:".into());
        lines.extend(day.inputs.iter().map(|i| i.title.clone()));
        lines.push("*Desired outputs:".into());
        lines.extend(day.desired_outputs.iter().map(|o| o.text.clone()));
    }
    lines.into_iter().map(|l| fold(&l)).collect()
}

#[test]
fn every_published_line_is_in_the_model_in_order_and_nothing_else() {
    let seed = seed_lines();
    let model = model_lines(&example());
    for (i, (s, m)) in seed.iter().zip(&model).enumerate() {
        assert_eq!(s, m, "line {} of the comparable agenda differs", i + 1);
    }
    assert_eq!(
        seed.len(),
        model.len(),
        "the seed has {} lines, the model {}",
        seed.len(),
        model.len()
    );
}

#[test]
fn the_counts_match_the_published_agenda() {
    let m = example();
    assert_eq!(m.days.len(), 3);
    let interventions: usize = m
        .days
        .iter()
        .flat_map(|d| &d.sessions)
        .map(|s| s.interventions.len())
        .sum();
    assert_eq!(interventions, 17);
    let outputs: Vec<usize> = m.days.iter().map(|d| d.desired_outputs.len()).collect();
    assert_eq!(outputs, [3, 4, 5]);
    assert!(
        m.days
            .iter()
            .flat_map(|d| &d.desired_outputs)
            .all(|o| !o.addressed_by.is_empty())
    );
    assert_eq!(
        (m.window.start.as_str(), m.window.end.as_str()),
        ("2024-06-26T08:00:00Z", "2024-06-28T16:00:00Z")
    );
}
