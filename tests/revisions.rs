//! Issued versions and revisions (#14): the example issued as Rev.0, changed four ways and
//! issued as Rev.1; the documents, `docket diff` and the calendar say exactly what changed.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{MustReplace, docket, example_copy, read, stderr};

const MEETING: &str = "meetings/igf-2024-oc2-mag";

/// Rewrites day 3 (from its date line on) of the copy's meeting.yaml.
fn edit_day_3(dir: &Path, edit: impl Fn(String) -> String) {
    let file = dir.join(MEETING).join("meeting.yaml");
    let text = read(&file);
    let at = text.find("  - date: 2024-06-28").unwrap();
    let (head, day3) = text.split_at(at);
    std::fs::write(&file, format!("{head}{}", edit(day3.to_owned()))).unwrap();
}

fn edit(dir: &Path, from: &str, to: &str) {
    let file = dir.join(MEETING).join("meeting.yaml");
    std::fs::write(&file, read(&file).must_replace(from, to)).unwrap();
}

const PLENARY_4: &str = "      - id: d3-plenary-4
        time: 12:15-13:00
        title: \"Plenary 4: IGF 2024 Programme Overview\"
        items:
          - Snapshot of IGF 2024 programme and discussion of any pending issues
        addresses: [d3-programme-elements]
";
const CLOSING_2: &str = "      - id: d2-closing
        time: 17:45-18:00
        items:
          - Next steps
          - Closing by MAG Chair
";
const CLOSING_TITLE: &str = "Next steps; Closing by MAG Chair";
const LUNCH_3: &str = "      - time: 13:00-14:00
        title: LUNCH BREAK
        kind: break
";

/// The example with an hour's lunch on day 3, so that Plenary 4 can move to 14:00.
fn base(dir: &Path) {
    edit_day_3(dir, |d| {
        d.must_replace("      - time: 13:00-15:00\n", "      - time: 13:00-14:00\n")
    });
}

/// Rev.1's four changes: Plenary 4 to 14:00, an intervention added, a desired output
/// reworded, a session removed.
fn four_changes(dir: &Path) {
    edit_day_3(dir, |d| {
        d.must_replace(PLENARY_4, "")
            .must_replace(LUNCH_3, &format!("{LUNCH_3}{}", PLENARY_4.replace("12:15-13:00", "14:00-14:45")))
            .must_replace(
                "        title: Next steps in IGF 2024 process\n",
                "        title: Next steps in IGF 2024 process\n        interventions: [IGF Secretariat]\n",
            )
            .must_replace(
                "text: Agree on the number of main sessions and their topics.",
                "text: Agree on the number and topics of the main sessions.",
            )
    });
    edit(dir, CLOSING_2, "");
}

fn events_by_summary(file: &Path) -> Option<BTreeMap<String, BTreeMap<String, String>>> {
    let events = common::ics_events(file)?;
    Some(
        events
            .into_iter()
            .map(|e| {
                // Keyed by the summary as written, unescaped (RFC 5545 3.3.11).
                let summary = e.get("SUMMARY").cloned().unwrap_or_default();
                (summary.replace("\\;", ";").replace("\\,", ","), e)
            })
            .collect(),
    )
}

#[test]
fn rev_1_lists_exactly_its_four_changes_everywhere() {
    let dir = example_copy();
    let root = dir.path();
    base(root);
    let out = docket(
        root,
        &[
            "issue",
            MEETING,
            "--date",
            "2024-06-10",
            "--note",
            "Original agenda",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(root.join(MEETING).join("issued/rev-0.json").is_file());
    let out = docket(root, &["build", "-o", "rev0"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let agenda = common::fold(&common::pdftotext(
        &root.join("rev0/igf-2024-oc2-mag/agenda.pdf"),
    ));
    assert!(agenda.contains("Issued on 10 June 2024"), "{agenda}");

    four_changes(root);
    // Until it is issued, check says so and the documents say Draft.
    let out = docket(root, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("info[I0802]: changed since Rev.0 of 2024-06-10 (4 changes)"),
        "{}",
        stderr(&out)
    );
    let out = docket(root, &["build", "-o", "draft"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let draft = common::fold(&common::pdftotext(
        &root.join("draft/igf-2024-oc2-mag/agenda.pdf"),
    ));
    assert!(
        draft.contains("Draft: changed since Rev.0 of 10 June 2024"),
        "{draft}"
    );

    let out = docket(root, &["diff", MEETING, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "session-removed",
            "session-retimed",
            "intervention-added",
            "output-reworded"
        ],
        "{report}"
    );
    let schema: serde_json::Value =
        serde_json::from_slice(&docket(root, &["schema", "diff"]).stdout).unwrap();
    common::assert_fits(&schema, &report, "docket diff --format json");

    let out = docket(root, &["issue", MEETING, "--date", "2024-06-20"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rev1 = root.join(MEETING).join("issued/rev-1.json");
    let issued = std::fs::read(&rev1).unwrap();
    // Nothing changed since: refused, and nothing is overwritten or added.
    let out = docket(root, &["issue", MEETING, "--date", "2024-06-21"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("nothing changed since Rev.1 of 2024-06-20"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&rev1).unwrap(), issued);
    assert!(!root.join(MEETING).join("issued/rev-2.json").exists());

    let out = docket(root, &["build", "-o", "rev1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let folder = root.join("rev1/igf-2024-oc2-mag");
    let text = common::pdftotext(&folder.join("agenda.pdf"));
    let flat = common::fold(&text);
    assert!(flat.contains("Rev.1, 20 June 2024"), "{flat}");
    let listed = flat
        .split("Changes in this revision")
        .nth(1)
        .and_then(|rest| rest.split("DAY 1").next())
        .expect("a change list before day 1");
    assert_eq!(listed.matches('•').count(), 4, "{listed}");
    for expected in [
        "Removed: Next steps; Closing by MAG Chair (Day 2)",
        "Moved: Plenary 4: IGF 2024 Programme Overview, now Day 3, 14:00-14:45 (was 12:15-13:00)",
        "Intervention added to Next steps in IGF 2024 process: IGF Secretariat",
        "Desired output reworded: Agree on the number and topics of the main sessions.",
    ] {
        assert!(listed.contains(expected), "{expected} not in {listed}");
    }

    // The Word summary shows the same.
    if let Some(texts) = common::docx_texts(&folder.join("summary.docx")) {
        assert!(texts.iter().any(|t| t.contains("Rev.1, 20 June 2024")));
        let at = texts
            .iter()
            .position(|t| t == "Changes in this revision")
            .expect("heading");
        assert!(texts[at + 1].starts_with("Removed: Next steps; Closing by MAG Chair"));
        assert!(texts[at + 4].starts_with("Desired output reworded"));
    } else {
        eprintln!("python-docx not installed: skipped the Word check");
    }

    // The calendar: the moved event's SEQUENCE is 1, an unchanged one keeps 0, the removed one
    // is cancelled, and every UID is Rev.0's.
    let (Some(before), Some(after)) = (
        events_by_summary(&root.join("rev0/igf-2024-oc2-mag/agenda.ics")),
        events_by_summary(&folder.join("agenda.ics")),
    ) else {
        eprintln!("icalendar not installed: skipped the calendar check");
        return;
    };
    let plenary_4 = &after["Plenary 4: IGF 2024 Programme Overview"];
    assert_eq!(plenary_4["SEQUENCE"], "1");
    assert_eq!(after["Opening session"]["SEQUENCE"], "0");
    let removed = &after[CLOSING_TITLE];
    assert_eq!(removed["STATUS"], "CANCELLED");
    assert_eq!(removed["SEQUENCE"], "1");
    let uids = |events: &BTreeMap<String, BTreeMap<String, String>>| -> Vec<String> {
        let mut u: Vec<String> = events.values().map(|e| e["UID"].clone()).collect();
        u.sort();
        u
    };
    assert_eq!(uids(&before), uids(&after));
}

/// A row without an id that moves to another day is one move, not a removal and an addition,
/// and its calendar event keeps its UID.
#[test]
fn a_row_without_an_id_that_moves_is_one_move() {
    let dir = example_copy();
    let root = dir.path();
    let row = CLOSING_2.replace("      - id: d2-closing\n        time", "      - time");
    edit(root, CLOSING_2, &row);
    let out = docket(root, &["issue", MEETING, "--date", "2024-06-10"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = docket(root, &["build", "-o", "rev0"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // To day 3, after its lunch.
    edit(root, &row, "");
    let lunch = "      - time: 13:00-15:00\n        title: LUNCH BREAK\n        kind: break\n";
    let moved = row.replace("17:45-18:00", "15:00-16:00");
    edit_day_3(root, |d| d.must_replace(lunch, &format!("{lunch}{moved}")));
    let out = docket(root, &["diff", MEETING]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Rev.0 -> current, 1 change(s)"), "{text}");
    assert!(
        text.contains("~ session moved: day 3, Next steps; Closing by MAG Chair (2024-06-27 17:45-18:00 -> 2024-06-28 15:00-16:00)"),
        "{text}"
    );

    let out = docket(root, &["build", "-o", "draft"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (Some(before), Some(after)) = (
        events_by_summary(&root.join("rev0/igf-2024-oc2-mag/agenda.ics")),
        events_by_summary(&root.join("draft/igf-2024-oc2-mag/agenda.ics")),
    ) else {
        return;
    };
    assert_eq!(before[CLOSING_TITLE]["UID"], after[CLOSING_TITLE]["UID"]);
    assert_eq!(after[CLOSING_TITLE]["SEQUENCE"], "1");
    assert!(
        !after
            .values()
            .any(|e| e.get("STATUS").is_some_and(|s| s == "CANCELLED"))
    );
}

/// An outcome that names a session a later revision removed is an error naming both.
#[test]
fn an_outcome_naming_a_removed_session_is_an_error_with_the_revision() {
    let dir = example_copy();
    let root = dir.path();
    base(root);
    assert_eq!(
        docket(root, &["issue", MEETING, "--date", "2024-06-10"])
            .status
            .code(),
        Some(0)
    );
    four_changes(root);
    assert_eq!(
        docket(root, &["issue", MEETING, "--date", "2024-06-20"])
            .status
            .code(),
        Some(0)
    );
    let outcomes = root.join(MEETING).join("outcomes.yaml");
    let text = read(&outcomes).must_replace(
        "\nunassigned:\n",
        "\nunassigned:\n  - session: d2-closing\n    status: achieved\n    summary: Closed (example).\n",
    );
    std::fs::write(&outcomes, text).unwrap();
    let out = docket(root, &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[E0803]: this outcome names session `d2-closing` \"Next steps; Closing by MAG Chair\", removed in Rev.1 (2024-06-20)"),
        "{err}"
    );
}

/// The yearly record lists each revision with its date, note and change count, and archives
/// the issued records under the manifest.
#[test]
fn the_yearly_record_lists_the_revisions() {
    let dir = example_copy();
    let root = dir.path();
    base(root);
    let issue = |date: &str, note: &str| {
        let out = docket(root, &["issue", MEETING, "--date", date, "--note", note]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    };
    issue("2024-06-10", "Original agenda");
    four_changes(root);
    issue("2024-06-20", "Plenary 4 moved");
    let out = docket(root, &["archive", "--year", "2024", "-o", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bag = root.join("out/archive/2024");
    let archive = bag.join("data");
    let record: serde_json::Value =
        serde_json::from_str(&read(archive.join("record.json"))).unwrap();
    let meeting = record["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["follow_up"]["meeting"]["id"] == "igf-2024-oc2-mag")
        .unwrap();
    assert_eq!(
        meeting["revisions"],
        serde_json::json!([
            {"label": "Rev.0", "date": "2024-06-10", "note": "Original agenda", "changes": 0},
            {"label": "Rev.1", "date": "2024-06-20", "note": "Plenary 4 moved", "changes": 4}
        ])
    );
    let issued = archive.join("meetings/igf-2024-oc2-mag/issued/rev-1.json");
    assert_eq!(
        std::fs::read(&issued).unwrap(),
        std::fs::read(root.join(MEETING).join("issued/rev-1.json")).unwrap()
    );
    assert!(
        read(bag.join("manifest-sha256.txt"))
            .contains("  data/meetings/igf-2024-oc2-mag/issued/rev-1.json\n")
    );
    assert!(
        read(archive.join("index.html")).contains("Rev.1 (2024-06-20, Plenary 4 moved, 4 changes)")
    );
    let record_pdf = common::fold(&common::pdftotext(&archive.join("record.pdf")));
    assert!(record_pdf.contains("Issued revisions"), "{record_pdf}");
    let out = docket(root, &["verify", "out/archive/2024"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
