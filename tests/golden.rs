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
