//! Outcomes: the rapporteurs' scaffold, tracking after the meeting, and the follow-up report.

mod common;

use common::{MustReplace, docket, example_copy, stderr};

const MEETING: &str = "meetings/igf-2024-oc2-mag";

fn ids_of_desired_outputs(dir: &std::path::Path) -> Vec<String> {
    let file = dir.join(MEETING).join("meeting.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let meeting: docket::model::Meeting = docket::load::yaml::parse(&file, &text).unwrap();
    meeting
        .desired_outputs()
        .map(|(_, o)| o.id.value.clone())
        .collect()
}

/// The scaffold covers every desired output of all three days, passes check, and is never
/// overwritten.
#[test]
fn init_scaffolds_every_desired_output_and_refuses_a_second_time() {
    let dir = example_copy();
    let file = dir.path().join(MEETING).join("outcomes.yaml");
    std::fs::remove_file(&file).unwrap();
    let out = docket(dir.path(), &["outcomes", "init", MEETING]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&file).unwrap();
    let ids = ids_of_desired_outputs(dir.path());
    assert_eq!(ids.len(), 12);
    for id in &ids {
        assert!(
            text.contains(&format!("- outputs: [{id}]\n    status: pending")),
            "{id} missing from:\n{text}"
        );
    }
    assert!(text.contains("# --- Day 3 | Friday 28 June 2024 | MAG Meeting (open to observers)"));
    assert!(text.contains("# Desired output: Approve the list of workshops under each theme"));
    assert!(text.contains("#   addressed by: Plenary 1: Final Workshop Review and Approval (10:45-13:00) [d2-plenary-1]"));

    let out = docket(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let before = std::fs::read(&file).unwrap();
    let out = docket(dir.path(), &["outcomes", "init", MEETING]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("outcomes.yaml already exists"));
    assert_eq!(std::fs::read(&file).unwrap(), before);

    // --final fails on the scaffold, naming every desired output.
    let out = docket(dir.path(), &["check", "--final"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for id in &ids {
        assert!(
            err.contains(&format!("desired output `{id}`")),
            "{id} not named:\n{err}"
        );
    }
    assert_eq!(err.matches("is still pending").count(), 12, "{err}");
}

/// The filled example passes --final.
#[test]
fn the_filled_example_passes_final() {
    let out = docket(&common::root(), &["check", "--final"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Pending outcomes are fine until the meeting is over, then warnings.
#[test]
fn missing_outcomes_are_expected_only_after_the_last_day() {
    let dir = example_copy();
    std::fs::remove_file(dir.path().join(MEETING).join("outcomes.yaml")).unwrap();
    let during = docket(
        dir.path(),
        &["check", "--today", "2024-06-28", "--format", "json"],
    );
    let report: serde_json::Value = serde_json::from_slice(&during.stdout).unwrap();
    assert_eq!(
        report["warnings"], 1,
        "only the CET warning during the meeting"
    );
    let after = docket(
        dir.path(),
        &["check", "--today", "2024-06-29", "--format", "json"],
    );
    let report: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(
        report["warnings"], 13,
        "the CET warning and one per desired output"
    );
    assert_eq!(after.status.code(), Some(0));
}

/// Counts that disagree with their lists, unknown ids and unknown main sessions are errors.
#[test]
fn counts_ids_and_facilitators_are_checked() {
    let dir = example_copy();
    let file = dir.path().join(MEETING).join("outcomes.yaml");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .must_replace("agreed: 2", "agreed: 8")
        .must_replace(
            "sessions: [d3-plenary-3, d3-plenary-4]",
            "sessions: [d3-plenary-3, d3-plenary-44]",
        )
        .must_replace(
            "- for: (example) Main session two",
            "- for: (example) Main session too",
        )
        .must_replace("due: 2024-09-15", "due: mid September");
    std::fs::write(&file, text).unwrap();
    let out = docket(dir.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[E0602]: 8 main sessions agreed, but 2 listed"),
        "{err}"
    );
    assert!(
        err.contains("error[E0103]: `d3-plenary-44` is not a session of this meeting"),
        "{err}"
    );
    assert!(err.contains("did you mean `d3-plenary-4`?"), "{err}");
    assert!(
        err.contains("error[E0603]: facilitators are named for \"(example) Main session too\""),
        "{err}"
    );
    assert!(
        err.contains("error[E0301]: `mid September` is not a date"),
        "{err}"
    );
    assert!(
        err.contains("meetings/igf-2024-oc2-mag/outcomes.yaml:"),
        "{err}"
    );
}

/// The HTML report maps every desired output to its place on the agenda and its outcome,
/// totals the statuses, lists open actions and unassigned outcomes, and escapes text.
#[test]
fn the_html_report_maps_outcomes_to_the_agenda_and_escapes_text() {
    let dir = example_copy();
    let file = dir.path().join(MEETING).join("outcomes.yaml");
    let text = std::fs::read_to_string(&file).unwrap().must_replace(
        "summary: (example) The MAG approved the workshops under each theme.",
        "summary: \"<script>alert('x')</script> & more\"",
    );
    std::fs::write(&file, text).unwrap();
    let out = docket(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html =
        std::fs::read_to_string(dir.path().join("output/igf-2024-oc2-mag/follow-up.html")).unwrap();
    assert!(!html.contains("<script>"), "unescaped script");
    assert!(
        html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt; &amp; more"),
        "escaped text missing"
    );
    assert!(html.contains("Totals: 12 desired outputs; 8 achieved, 3 partial, 0 not achieved, 1 deferred, 0 pending, 0 with no outcome."), "totals");
    // Where on the agenda: the session and the one continuing it, nested.
    let section = html
        .split("id=\"d2-approve-workshops-2\"")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    assert!(section.contains("Day 2 (Thursday 27 June 2024), 10:45-13:00: Plenary 1: Final Workshop Review and Approval<ul><li>continued Day 2 (Thursday 27 June 2024): Plenary 1: Final Workshop Review and Approval (cont.)"), "{section}");
    assert!(
        section.contains("Workshops approved: (example) Theme A (2)"),
        "{section}"
    );
    // One outcome closes the same desired output on days 2 and 3.
    assert!(html.contains("id=\"d3-main-sessions-3\""));
    assert!(html.contains("(one outcome with d3-main-sessions)"));
    // Open actions by owner, then due date; done actions left out; unassigned outcomes shown.
    let actions = html
        .split("id=\"actions\"")
        .nth(1)
        .unwrap()
        .split("</table>")
        .next()
        .unwrap();
    let owners: Vec<&str> = actions
        .split("<tr><td>")
        .skip(1)
        .map(|r| r.split("</td>").next().unwrap())
        .collect();
    assert_eq!(
        owners,
        [
            "IGF Secretariat",
            "MAG Chair",
            "MAG members",
            "MAG Working Group on Strategy",
            "MAG Working Group on Workshops"
        ]
    );
    assert!(
        !actions.contains("Circulate the input paper"),
        "a done action is not open"
    );
    assert!(html.contains(
        "Day 2 (Thursday 27 June 2024), 14:00-15:00: Consultation on UNESCO&#x27;s revision"
    ));
    assert!(html.contains("None: every desired output has an outcome."));
    // (schema.org's JSON-LD names its vocabulary by URL; nothing is fetched from it.)
    let ld = html.find("<script type=\"application/ld+json\">").unwrap();
    let ld_end = ld + html[ld..].find("</script>").unwrap();
    let page = format!("{}{}", &html[..ld], &html[ld_end..]);
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "the report is self-contained"
    );
    assert!(
        dir.path()
            .join("output/igf-2024-oc2-mag/follow-up.md")
            .exists()
    );
    assert!(
        dir.path()
            .join("output/igf-2024-oc2-mag/follow-up.pdf")
            .exists()
    );
}

/// Without outcomes, the report highlights every desired output as having none.
#[test]
fn without_outcomes_the_report_lists_every_desired_output_as_missing() {
    let dir = example_copy();
    std::fs::remove_file(dir.path().join(MEETING).join("outcomes.yaml")).unwrap();
    let out = docket(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md =
        std::fs::read_to_string(dir.path().join("output/igf-2024-oc2-mag/follow-up.md")).unwrap();
    assert!(md.contains("12 with no outcome"), "{md}");
    let missing = md
        .split("## Desired outputs with no outcome")
        .nth(1)
        .unwrap();
    assert_eq!(missing.matches("- **Day ").count(), 12, "{missing}");
}

/// Errors in outcomes.yaml hold the meeting's documents back, as errors in meeting.yaml do.
#[test]
fn outcome_errors_stop_the_meeting_from_rendering() {
    let dir = example_copy();
    let file = dir.path().join(MEETING).join("outcomes.yaml");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .must_replace("meeting: igf-2024-oc2-mag", "meeting: another-meeting");
    std::fs::write(&file, text).unwrap();
    let out = docket(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("error[E0601]"));
    assert!(
        !dir.path().join("output/igf-2024-oc2-mag").exists(),
        "nothing rendered for a meeting with errors"
    );
    assert!(
        dir.path()
            .join("output/igf-2024-mag-virtual-example/agenda.pdf")
            .exists(),
        "the other meeting still is"
    );
}
