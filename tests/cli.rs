//! The binary on fixture folders: exit codes, diagnostics, and what `check` never does.

mod common;

use common::{MustReplace, copy_dir, docket, example_copy, fixture, root, stderr};

/// The repo's own meetings are clean apart from the seed's CET label, which is explained.
#[test]
fn check_on_the_repo_exits_0_and_explains_cet_in_june() {
    let out = docket(&root(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("warning[W0304]"), "{err}");
    assert!(
        err.contains("labelled CET, but Europe/Zurich is on CEST (UTC+02:00)"),
        "{err}"
    );
    assert!(
        err.contains("meetings/igf-2024-oc2-mag/meeting.yaml:17:19"),
        "{err}"
    );
}

/// Warnings fail the run only when asked.
#[test]
fn deny_warnings_turns_the_cet_warning_into_exit_1() {
    let out = docket(&root(), &["check", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1));
}

/// Unlinking one desired output names the day, the output, the file and the line.
#[test]
fn an_unlinked_desired_output_fails_with_day_output_file_and_line() {
    let dir = example_copy();
    let file = dir.path().join("meetings/igf-2024-oc2-mag/meeting.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.must_replace("        addresses: [d1-link-intersessional]\n", "");
    std::fs::write(&file, text).unwrap();
    let out = docket(dir.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[E0101]: day 1 (2024-06-26): desired output `d1-link-intersessional`"),
        "{err}"
    );
    assert!(
        err.contains("\"Link the IGF intersessional work to the IGF 2024 programme building.\""),
        "{err}"
    );
    let line = text_line(&file, "id: d1-link-intersessional\n        text");
    assert!(
        err.contains(&format!("meetings/igf-2024-oc2-mag/meeting.yaml:{line}:13")),
        "{err}"
    );
}

fn text_line(file: &std::path::Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(file).unwrap();
    let at = text.find(needle).expect("needle");
    text[..at].lines().count()
}

/// Every broken fixture reports what its `# expect:` line says, the clean one beside them
/// reports nothing, and nothing panics.
#[test]
fn each_kind_of_error_is_reported_with_its_place_and_others_are_still_checked() {
    let meetings = fixture("mixed");
    let out = docket(&meetings, &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = report["diagnostics"].as_array().unwrap();
    for entry in std::fs::read_dir(meetings.join("meetings")).unwrap() {
        let file = entry.unwrap().path().join("meeting.yaml");
        let text = std::fs::read_to_string(&file).unwrap();
        let expect = text
            .lines()
            .next()
            .unwrap()
            .trim_start_matches("# expect: ");
        let rel = format!(
            "meetings/{}/meeting.yaml",
            file.parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
        );
        let mine: Vec<_> = diags
            .iter()
            .filter(|d| d["file"] == rel.as_str() && d["severity"] == "error")
            .collect();
        if expect.starts_with("nothing") {
            assert!(mine.is_empty(), "{rel}: {mine:?}");
            continue;
        }
        let mut words = expect.splitn(3, ' ');
        let (code, place, words) = (
            words.next().unwrap(),
            words.next().unwrap(),
            words.next().unwrap_or(""),
        );
        let found = mine.iter().any(|d| {
            let at = format!("{}:{}", d["line"], d["column"]);
            let text = format!("{} {}", d["message"], d["hint"]);
            d["code"] == code && at == place && text.contains(words) && d["source_line"].is_string()
        });
        assert!(found, "{rel}: expected {expect}, got {mine:#?}");
    }
}

/// `inputs: [../../etc/passwd]` is refused before anything is opened; a link out is refused too.
#[cfg(unix)]
#[test]
fn attachments_must_stay_inside_their_meeting_folder() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("clean"), dir.path());
    let meeting = dir.path().join("meetings/geneva-day");
    std::fs::remove_file(meeting.join("inputs/workplan.txt")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", meeting.join("inputs/workplan.txt")).unwrap();
    let out = docket(dir.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "error[E0401]: input document `inputs/workplan.txt` is outside the meeting folder"
        ),
        "{err}"
    );
}

/// Usage and I/O failures exit 2, not 1.
#[test]
fn a_missing_meetings_folder_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = docket(dir.path(), &["check", "nowhere"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("not a folder"));
}

/// The build never writes into the meetings folder.
#[test]
fn build_refuses_an_output_folder_inside_meetings() {
    let dir = example_copy();
    let out = docket(dir.path(), &["build", "-o", "meetings/out"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!dir.path().join("meetings/out").exists());
}

/// `docket new` scaffolds a meeting that passes `check`, and never overwrites one.
#[test]
fn new_scaffolds_a_meeting_that_passes_check_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("meetings")).unwrap();
    let out = docket(dir.path(), &["new", "igf-2025-mag-1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = docket(dir.path(), &["check", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let file = dir.path().join("meetings/igf-2025-mag-1/meeting.yaml");
    let before = std::fs::read(&file).unwrap();
    let out = docket(dir.path(), &["new", "igf-2025-mag-1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

/// The committed schema is what `docket schema` prints, and it validates the example.
#[test]
fn the_schema_is_current_and_validates_the_example() {
    let out = docket(&root(), &["schema"]);
    assert!(out.status.success());
    let committed = std::fs::read_to_string(root().join("meetings/meeting.schema.json")).unwrap();
    assert_eq!(
        String::from_utf8(out.stdout.clone()).unwrap(),
        committed,
        "run `docket schema > meetings/meeting.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let yaml =
        std::fs::read_to_string(root().join("meetings/igf-2024-oc2-mag/meeting.yaml")).unwrap();
    assert!(yaml.starts_with("# yaml-language-server: $schema=../meeting.schema.json"));
    let instance: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
    common::assert_fits(&schema, &instance, "the example meeting.yaml");
    let out = docket(&root(), &["schema", "outcomes"]);
    let committed = std::fs::read_to_string(root().join("meetings/outcomes.schema.json")).unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        committed,
        "run `docket schema outcomes > meetings/outcomes.schema.json`"
    );
    let outcomes_schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    let outcomes =
        std::fs::read_to_string(root().join("meetings/igf-2024-oc2-mag/outcomes.yaml")).unwrap();
    let outcomes: serde_json::Value = serde_saphyr::from_str(&outcomes).unwrap();
    common::assert_fits(&outcomes_schema, &outcomes, "the example outcomes.yaml");
    let out = docket(&root(), &["schema", "translation"]);
    let committed =
        std::fs::read_to_string(root().join("meetings/translation.schema.json")).unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        committed,
        "run `docket schema translation > meetings/translation.schema.json`"
    );
    let translation_schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    for lang in ["ar", "es", "fr", "ru", "zh"] {
        let file = root().join(format!(
            "meetings/igf-2024-oc2-mag/translations/{lang}.yaml"
        ));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.starts_with("# yaml-language-server: $schema=../../translation.schema.json"));
        let instance: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        common::assert_fits(
            &translation_schema,
            &instance,
            &format!("translations/{lang}.yaml"),
        );
    }
    // And it is not vacuous: a typo'd field is rejected.
    let bad: serde_json::Value =
        serde_saphyr::from_str(&yaml.must_replace("\nseries:", "\nseris:")).unwrap();
    if let Some(errors) = common::schema_errors(&schema, &bad) {
        assert!(!errors.is_empty(), "a typo'd field must not fit");
    }
}

/// The README's table lists every rule the code has, so the documentation stays true.
#[test]
fn the_readme_lists_every_rule() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for rule in docket::diag::Rule::ALL {
        let row = format!("| {} | {} |", rule.code(), rule.name());
        assert!(readme.contains(&row), "README lacks `{row}`");
    }
}

/// A meeting whose id would put its output folder inside the meetings folder is refused.
#[test]
fn no_meeting_id_can_route_output_into_the_meetings_folder() {
    let dir = example_copy();
    let file = dir
        .path()
        .join("meetings/igf-2024-mag-virtual-example/meeting.yaml");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .must_replace("id: igf-2024-mag-virtual-example", "id: meetings");
    std::fs::write(&file, text).unwrap();
    let outcomes = file.with_file_name("outcomes.yaml");
    let text = std::fs::read_to_string(&outcomes)
        .unwrap()
        .must_replace("meeting: igf-2024-mag-virtual-example", "meeting: meetings");
    std::fs::write(&outcomes, text).unwrap();
    let before: Vec<_> = walkdir::WalkDir::new(dir.path().join("meetings"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .collect();
    let out = docket(dir.path(), &["build", "meetings", "-o", "."]);
    // A diagnostic for that meeting (exit 1); the other meeting is still built.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("would be inside the meetings folder"),
        "{}",
        stderr(&out)
    );
    let after: Vec<_> = walkdir::WalkDir::new(dir.path().join("meetings"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .collect();
    assert_eq!(before, after, "nothing written into meetings/");
}
