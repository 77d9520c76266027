//! Golden files: the text outputs of the clean fixture, compared byte for byte.
//! After an intended change, refresh them with `UPDATE_GOLDEN=1 cargo test --release --test golden`
//! and review the diff.

mod common;

use common::{copy_dir, docket, fixture, root, stderr};

#[test]
fn text_outputs_match_the_golden_files() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("clean"), dir.path());
    let out = docket(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let golden = root().join("tests/golden/geneva-day");
    for name in [
        "meeting.json",
        "follow-up.md",
        "follow-up.html",
        "agenda.ics",
    ] {
        let made =
            std::fs::read_to_string(dir.path().join("output/geneva-day").join(name)).unwrap();
        let path = golden.join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &made).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            made == expected,
            "{name} differs from {}; if intended, run UPDATE_GOLDEN=1 cargo test --release --test golden",
            path.display()
        );
    }
}

/// `meeting.json` is a published contract: its schema is pinned per format version. A change
/// to the layout must raise `FORMAT_VERSION` and add the new version's schema beside the old.
#[test]
fn the_meeting_json_schema_is_pinned_to_its_format_version() {
    let version = docket::render::view::FORMAT_VERSION;
    let out = docket(&root(), &["schema", "meeting-json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = String::from_utf8(out.stdout).unwrap();
    let path = root().join(format!("tests/golden/meeting-json.v{version}.schema.json"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &printed).unwrap();
    }
    let pinned = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        printed == pinned,
        "the meeting.json schema changed: raise FORMAT_VERSION in src/model/normal.rs and pin \
         the new schema as {} (UPDATE_GOLDEN=1), keeping the old one for consumers",
        path.display()
    );
    assert!(printed.contains(&format!("meeting-json/v{version}")));
}

/// The golden meeting.json (and so every meeting.json) is valid against the pinned schema.
#[test]
fn meeting_json_validates_against_its_schema() {
    let version = docket::render::view::FORMAT_VERSION;
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            root().join(format!("tests/golden/meeting-json.v{version}.schema.json")),
        )
        .unwrap(),
    )
    .unwrap();
    // The golden file and both example meetings, built now.
    let examples = common::example_copy();
    let out = docket(examples.path(), &["build", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let files = [
        root().join("tests/golden/geneva-day/meeting.json"),
        examples.path().join("output/igf-2024-oc2-mag/meeting.json"),
        examples
            .path()
            .join("output/igf-2024-mag-virtual-example/meeting.json"),
    ];
    for file in files {
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        common::assert_fits(&schema, &doc, &file.display().to_string());
        assert_eq!(doc["format"], version);
    }
}
