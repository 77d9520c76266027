//! `docket import`, one test per form of #12, on lines written for the test: what each form
//! becomes in the meeting (the line recognisers have their own unit tests beside the code).

use docket::import::{self, Imported, Options};
use docket::model::{Session, SessionKind};

fn imp(text: &str) -> Imported {
    import::parse_with(text, &Options::default())
}

/// A day's rows as (time, title, kind).
fn rows(i: &Imported, day: usize) -> Vec<(Option<String>, Option<String>, SessionKind)> {
    i.meeting.days[day]
        .sessions
        .iter()
        .map(|s| {
            (
                s.time.as_ref().map(|t| t.value.clone()),
                s.title.clone(),
                s.kind,
            )
        })
        .collect()
}

fn row(
    time: Option<&str>,
    title: Option<&str>,
    kind: SessionKind,
) -> (Option<String>, Option<String>, SessionKind) {
    (time.map(str::to_owned), title.map(str::to_owned), kind)
}

fn session<'a>(i: &'a Imported, day: usize, title: &str) -> &'a Session {
    i.meeting.days[day]
        .sessions
        .iter()
        .map(|s| &s.value)
        .find(|s| s.title.as_deref() == Some(title))
        .unwrap_or_else(|| panic!("no row {title:?}"))
}

fn dates(i: &Imported) -> Vec<String> {
    i.meeting
        .days
        .iter()
        .map(|d| d.date.value.clone())
        .collect()
}

use SessionKind::{Break, Segment, Session as S};

#[test]
fn day_headers_with_and_without_years() {
    let i = imp(
        "IGF 2023 MAG Meeting\nDay 2: Wednesday, 8 March 2023 - MAG Meeting\n10:00-11:00 Opening\n",
    );
    assert_eq!(dates(&i), ["2023-03-08"]);
    assert_eq!(i.meeting.days[0].part, "MAG Meeting");
    // The year from the title, from the meeting's dates, or from --year.
    let text = "IGF 2023 Open Consultations\nMonday 6 March\n10:00-11:00 Opening\nTuesday 7 March\n10:00-11:00 Review\n";
    assert_eq!(dates(&imp(text)), ["2023-03-06", "2023-03-07"]);
    let text = "Open Consultations\n6-8 March 2023\nMonday 6 March\n10:00-11:00 Opening\n";
    assert_eq!(dates(&imp(text)), ["2023-03-06"]);
    let with_year = import::parse_with(
        "Open Consultations\nMonday 6 March\n10:00-11:00 Opening\n",
        &Options {
            year: Some(2028),
            ..Options::default()
        },
    );
    assert_eq!(dates(&with_year), ["2028-03-06"]);
    // Numeric, day first; with the day's hours in brackets.
    let text =
        "Meeting\n08/03/2023 [ 2:30 pm - 5:30 pm ]\n1. Opening\n2. Close\n09.03.2023\n1. Again\n";
    let i = imp(text);
    assert_eq!(dates(&i), ["2023-03-08", "2023-03-09"]);
}

#[test]
fn a_day_label_takes_its_date_from_the_next_line_or_the_meetings_dates() {
    let i = imp("Meeting\nDAY 1\nTuesday, 7 March 2023\n10:00-11:00 Opening\n");
    assert_eq!(dates(&i), ["2023-03-07"]);
    let i = imp("Meeting, 6-8 March 2023\nDAY 2\n10:00-11:00 Opening\nDAY 3\n10:00-11:00 Close\n");
    assert_eq!(dates(&i), ["2023-03-07", "2023-03-08"]);
}

#[test]
fn no_day_header_is_one_day_with_a_note() {
    let i = imp("Webinar on data\nDate: 14 May 2024\n13:00-14:00 Welcome\n14:00-15:00 Panel\n");
    assert_eq!(dates(&i), ["2024-05-14"]);
    assert_eq!(rows(&i, 0).len(), 2);
    assert!(
        i.notes.iter().any(|n| n.contains("no day header")),
        "{:?}",
        i.notes
    );
}

#[test]
fn starts_without_ends_and_durations() {
    let text = "Meeting\n1 June 2024\n09:00 Opening\n09.30 Keynote (20 mins)\nQuestions [10 mins]\n10:15 Panel\n11:00 Close\n";
    let i = imp(text);
    assert_eq!(
        rows(&i, 0),
        [
            row(Some("09:00-09:30"), Some("Opening"), S),
            row(Some("09:30-09:50"), Some("Keynote"), S),
            row(Some("09:50-10:00"), Some("Questions"), S),
            row(Some("10:15-11:00"), Some("Panel"), S),
            row(Some("11:00-11:30"), Some("Close"), S),
        ]
    );
    assert!(
        i.notes
            .iter()
            .any(|n| n.contains("11:00") && n.contains("no end"))
    );
    // The day's hours end the last row.
    let i = imp("Meeting\n08/03/2023 [ 2:30 pm - 5:30 pm ]\n14:30 Welcome\n15:00 Discussion\n");
    assert_eq!(
        rows(&i, 0)[1],
        row(Some("15:00-17:30"), Some("Discussion"), S)
    );
}

#[test]
fn times_before_after_glued_and_alone() {
    let text = "Meeting\n1 June 2024\nSession 2: Reports (11.00-12.30)\n12:30-14:00Lunch\n14:00 – 15:00\nClosing remarks\n";
    assert_eq!(
        rows(&imp(text), 0),
        [
            row(Some("11:00-12:30"), Some("Session 2: Reports"), S),
            row(Some("12:30-14:00"), Some("Lunch"), Break),
            row(Some("14:00-15:00"), Some("Closing remarks"), S),
        ]
    );
}

#[test]
fn tables_flattened_to_text() {
    // A pipe table with an outputs column: the output is the day's, addressed by its row.
    let text = "Meeting\n1 June 2024\n| Time (CEST) | Agenda item | Expected outputs |\n|---|---|---|\n| 10:00-10:30 | Opening | Agenda adopted |\n";
    let i = imp(text);
    assert_eq!(i.meeting.local_time_label.value, "CEST");
    let o = &i.meeting.days[0].desired_outputs[0];
    assert_eq!(o.text, "Agenda adopted");
    assert!(
        session(&i, 0, "Opening")
            .addresses
            .iter()
            .any(|a| a.value == o.id.value)
    );
    // Column headings on their own lines, the cells below.
    let text = "Meeting\n1 June 2024\nTime\nAgenda item\nExpected outputs\n10:00 – 10:30\nOpening\nAgenda adopted\n10:30 – 11:00\nReview\nReview done\n";
    let i = imp(text);
    assert_eq!(rows(&i, 0).len(), 2);
    assert_eq!(i.meeting.days[0].desired_outputs.len(), 2);
    // Time cells first, agenda cells after.
    let text =
        "Meeting\n1 June 2024\n09:00-09:30\n09:30-10:30\n10:30-11:00\nOpening\nPanel\nClose\n";
    assert_eq!(
        rows(&imp(text), 0),
        [
            row(Some("09:00-09:30"), Some("Opening"), S),
            row(Some("09:30-10:30"), Some("Panel"), S),
            row(Some("10:30-11:00"), Some("Close"), S),
        ]
    );
    // Parallel sessions, in lines and in room columns.
    let text = "Meeting\n1 June 2024\n11:00-12:30 Room A: Workshop 1\nRoom B: Workshop 2\n| Time | Hall 1 | Hall 2 |\n| 14:00-15:00 | Talk 1 | Talk 2 |\n";
    assert_eq!(
        rows(&imp(text), 0),
        [
            row(Some("11:00-12:30"), Some("Room A: Workshop 1"), S),
            row(Some("11:00-12:30"), Some("Room B: Workshop 2"), S),
            row(Some("14:00-15:00"), Some("Hall 1: Talk 1"), S),
            row(Some("14:00-15:00"), Some("Hall 2: Talk 2"), S),
        ]
    );
}

#[test]
fn numbered_agendas() {
    let text = "Meeting\n1 June 2024\n09:30\n1. Opening of the session\n2. Adoption of the agenda (C25/1)\na) Time management plan\n(ii) Documents\n10:30-12:00 Plenary session\n1. Election of officers\n- Nominations\nItem 3: Budget\nThe Council is invited to approve the draft budget for the next two years.\n";
    let i = imp(text);
    assert_eq!(
        rows(&i, 0),
        [
            row(Some("09:30-10:30"), Some("Opening of the session"), S),
            row(None, Some("Adoption of the agenda (C25/1)"), S),
            row(Some("10:30-12:00"), Some("Plenary session"), S),
        ]
    );
    assert_eq!(
        session(&i, 0, "Adoption of the agenda (C25/1)").items,
        ["Time management plan", "Documents"]
    );
    assert_eq!(
        session(&i, 0, "Plenary session").items,
        [
            "Election of officers",
            "Nominations",
            "Item 3: Budget",
            "The Council is invited to approve the draft budget for the next two years."
        ]
    );
    // Rows numbered alike are rows; a paragraph under one is its description.
    let text = "Meeting\n1 June 2024\nI. Opening\nThe Chair opens the meeting and welcomes the delegations present.\nII. Reports\no Report of the Bureau\n";
    let i = imp(text);
    assert_eq!(rows(&i, 0).len(), 2);
    assert_eq!(
        session(&i, 0, "Opening").items,
        ["The Chair opens the meeting and welcomes the delegations present."]
    );
    assert_eq!(session(&i, 0, "Reports").items, ["Report of the Bureau"]);
}

#[test]
fn breaks_and_segments() {
    let text = "Meeting\n1 June 2024\nMorning session\n09:00-10:00 Opening\n10:00-10:15 Break (15 min)\n12:00-13:00 Lunch offered by the host\n13:00-14:00\n14:00-15:00 Close\n";
    assert_eq!(
        rows(&imp(text), 0),
        [
            row(None, Some("Morning session"), Segment),
            row(Some("09:00-10:00"), Some("Opening"), S),
            row(Some("10:00-10:15"), Some("Break"), Break),
            row(
                Some("12:00-13:00"),
                Some("Lunch offered by the host"),
                Break
            ),
            row(Some("13:00-14:00"), None, Break),
            row(Some("14:00-15:00"), Some("Close"), S),
        ]
    );
}

#[test]
fn outputs_and_documents_blocks() {
    let text = "Meeting\nMeeting outputs\n1. A work plan\n2. A report\n\nDAY 1 | 1 June 2024\n10:00-11:00 Opening\nDocuments:\nC25/12 – Report on the budget\nOutcomes:\n• Budget noted\n";
    let i = imp(text);
    let day = &i.meeting.days[0];
    let outputs: Vec<&str> = day
        .desired_outputs
        .iter()
        .map(|o| o.text.as_str())
        .collect();
    assert_eq!(outputs, ["Budget noted", "A work plan", "A report"]);
    assert_eq!(day.inputs[0].title, "C25/12 – Report on the budget");
}

#[test]
fn zones_from_labels_sentences_and_venues() {
    let zone = |text: &str| {
        let i = imp(text);
        (i.meeting.time_zone.value, i.meeting.local_time_label.value)
    };
    assert_eq!(
        zone("Meeting\nAll times UTC+3\n1 June 2024\n10:00-11:00 Opening\n"),
        ("Etc/GMT-3".into(), "UTC+3".into())
    );
    assert_eq!(
        zone("Meeting\nTime (Geneva time)\n1 June 2024\n10:00-11:00 Opening\n"),
        ("Europe/Zurich".into(), "CEST".into())
    );
    assert_eq!(
        zone("Meeting\nKigali Convention Centre, Kigali\n1 June 2024\n10:00-11:00 Opening\n"),
        ("Africa/Kigali".into(), "CAT".into())
    );
    assert_eq!(
        zone("Meeting\n1 June 2024\n10:00-11:00 GMT+1 Opening\n"),
        ("Etc/GMT-1".into(), "GMT+1".into())
    );
}

#[test]
fn page_furniture_is_skipped_and_named() {
    let text = "Skip to main content\nHome › Events › Meeting\nMeeting on data\nShare | Print\n1 June 2024\n10:00-11:00 Opening\nSee in your time zone\nMeeting on data – Agenda\nPage 2 of 2\n11:00-12:00 Close\n© 2024 Secretariat\n";
    let i = imp(text);
    assert_eq!(i.meeting.title, "Meeting on data");
    assert_eq!(rows(&i, 0).len(), 2);
    assert!(i.not_understood.is_empty(), "{:?}", i.not_understood);
    assert!(i.notes.iter().any(|n| n.contains("page furniture")));
}
