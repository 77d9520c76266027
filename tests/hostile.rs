//! Hostile file systems (issue #11): FIFOs, devices, folders and links where files belong.
//! Each case must end with a located error in under a second, read nothing outside the meeting
//! folder, and let the other meetings build.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use common::{docket, example_copy, stderr};

fn fifo(path: &Path) {
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        path,
        rustix::fs::Mode::from_raw_mode(0o644),
    )
    .unwrap();
}

/// Runs docket and asserts it finished within a second.
fn quick(cwd: &Path, args: &[&str]) -> Output {
    let start = Instant::now();
    let out = docket(cwd, args);
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{args:?} took {:?}",
        start.elapsed()
    );
    out
}

const VIRTUAL: &str = "meetings/igf-2024-mag-virtual-example";
const REFERENCE: &str = "meetings/igf-2024-oc2-mag";

#[test]
fn a_fifo_as_outcomes_yaml_is_an_error_for_that_meeting_only() {
    let dir = example_copy();
    let outcomes = dir.path().join(VIRTUAL).join("outcomes.yaml");
    std::fs::remove_file(&outcomes).unwrap();
    fifo(&outcomes);
    for command in ["check", "build"] {
        let out = quick(dir.path(), &[command, "--today", "2024-06-01"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains("outcomes.yaml") && err.contains("FIFO"),
            "{err}"
        );
    }
    assert!(
        dir.path()
            .join("output/igf-2024-oc2-mag/agenda.pdf")
            .is_file()
    );
}

#[test]
fn a_fifo_as_meeting_yaml_under_outcomes_init_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("m")).unwrap();
    fifo(&dir.path().join("m/meeting.yaml"));
    let out = quick(dir.path(), &["outcomes", "init", "m"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("FIFO"), "{}", stderr(&out));
    let out = quick(dir.path(), &["check", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("FIFO"), "{}", stderr(&out));
}

#[test]
fn a_fifo_in_the_output_folder_is_replaced_never_opened() {
    let dir = example_copy();
    let out = docket(dir.path(), &["build", "-q", "--today", "2024-06-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let agenda = dir.path().join("output/igf-2024-oc2-mag/agenda.pdf");
    std::fs::remove_file(&agenda).unwrap();
    fifo(&agenda);
    let out = quick(dir.path(), &["build", "-q", "--today", "2024-06-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&agenda).unwrap().is_file());
}

#[test]
fn a_fifo_given_to_import_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    fifo(&dir.path().join("agenda.txt"));
    let out = quick(dir.path(), &["import", "agenda.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("FIFO"), "{}", stderr(&out));
}

#[test]
fn links_folders_and_devices_named_meeting_yaml_are_reported_not_skipped() {
    let dir = example_copy();
    let outside = dir.path().join("secret.yaml");
    std::fs::write(&outside, "id: top-secret-first-line\n").unwrap();
    let cases = dir.path().join("meetings");
    for (name, make) in [("link-out", 0), ("link-dev-zero", 1), ("a-folder", 2)] {
        let m = cases.join(name);
        std::fs::create_dir(&m).unwrap();
        let file = m.join("meeting.yaml");
        match make {
            0 => std::os::unix::fs::symlink(&outside, &file).unwrap(),
            1 => std::os::unix::fs::symlink("/dev/zero", &file).unwrap(),
            _ => std::fs::create_dir(&file).unwrap(),
        }
    }
    let out = quick(dir.path(), &["build", "--today", "2024-06-01"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for name in ["link-out", "link-dev-zero", "a-folder"] {
        assert!(
            err.contains(&format!("meetings/{name}/meeting.yaml")),
            "{name}: {err}"
        );
    }
    assert!(err.contains("outside its folder"), "{err}");
    assert!(err.contains("a folder, not a regular file"), "{err}");
    assert!(
        !err.contains("top-secret"),
        "nothing outside is echoed: {err}"
    );
    assert!(err.contains("checked 2 meetings"), "{err}");
    assert!(
        dir.path()
            .join("output/igf-2024-oc2-mag/agenda.pdf")
            .is_file()
    );
}

#[test]
fn an_outcomes_yaml_linking_out_is_not_read() {
    let dir = example_copy();
    let outside = dir.path().join("elsewhere.yaml");
    std::fs::write(&outside, "secret: first line of another file\n").unwrap();
    let outcomes = dir.path().join(REFERENCE).join("outcomes.yaml");
    std::fs::remove_file(&outcomes).unwrap();
    std::os::unix::fs::symlink(&outside, &outcomes).unwrap();
    let out = quick(dir.path(), &["check", "--today", "2024-06-01"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("outside its folder"), "{err}");
    assert!(!err.contains("first line of another file"), "{err}");
}

#[test]
fn a_translations_folder_linking_out_is_not_read() {
    let dir = example_copy();
    let meeting = dir.path().join(REFERENCE).join("meeting.yaml");
    let text = std::fs::read_to_string(&meeting).unwrap();
    std::fs::write(
        &meeting,
        text.replace("# languages: [en, fr, ar]", "languages: [en, fr]"),
    )
    .unwrap();
    // The translations folder is a link to a folder outside the meeting's.
    let outside = dir.path().join("elsewhere");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(
        outside.join("fr.yaml"),
        "secret: first line of another file\n",
    )
    .unwrap();
    let translations = dir.path().join(REFERENCE).join("translations");
    std::fs::remove_dir_all(&translations).unwrap();
    std::os::unix::fs::symlink(&outside, &translations).unwrap();
    let out = quick(dir.path(), &["check", "--today", "2024-06-01"]);
    let err = stderr(&out);
    assert!(err.contains("outside its folder"), "{err}");
    assert!(!err.contains("first line of another file"), "{err}");
}

#[test]
fn a_meeting_id_no_file_system_accepts_is_a_diagnostic_and_the_rest_build() {
    let dir = example_copy();
    let file = dir.path().join(VIRTUAL).join("meeting.yaml");
    let long = "a".repeat(300);
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("id: igf-2024-mag-virtual-example", &format!("id: {long}"));
    std::fs::write(&file, text).unwrap();
    let out = quick(dir.path(), &["build", "--today", "2024-06-01"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("E0106"), "{err}");
    assert!(
        dir.path()
            .join("output/igf-2024-oc2-mag/agenda.pdf")
            .is_file()
    );
}

#[test]
fn verify_reports_links_fifos_and_folders_and_ignores_leftovers() {
    let dir = example_copy();
    let out = docket(
        dir.path(),
        &["archive", "--year", "2024", "--today", "2024-06-01"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let archive = dir.path().join("output/archive/2024");
    // A killed run's leftovers beside the record are not records.
    std::fs::create_dir_all(dir.path().join("output/archive/.docket-old-1/x")).unwrap();
    std::fs::write(
        dir.path()
            .join("output/archive/.docket-old-1/x/MANIFEST.sha256"),
        "0  missing\n",
    )
    .unwrap();
    let out = quick(dir.path(), &["verify", "output/archive"]);
    assert!(out.status.success(), "{}", stderr(&out));

    std::os::unix::fs::symlink("/etc/hostname", archive.join("link.txt")).unwrap();
    fifo(&archive.join("pipe"));
    std::fs::create_dir(archive.join("extra")).unwrap();
    let out = quick(dir.path(), &["verify", "output/archive"]);
    assert_eq!(out.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&out.stdout);
    for name in ["link.txt", "pipe", "extra/"] {
        assert!(
            listed
                .lines()
                .any(|l| l.starts_with("added: ") && l.ends_with(name)),
            "{name}: {listed}"
        );
    }
}

#[test]
fn two_docket_new_of_one_slug_at_once_leave_one_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("meetings")).unwrap();
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_docket"))
            .args(["new", "race-test"])
            .current_dir(dir.path())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let codes = [
        a.wait_with_output().unwrap().status.code(),
        b.wait_with_output().unwrap().status.code(),
    ];
    assert!(codes.contains(&Some(0)), "{codes:?}");
    let file = dir.path().join("meetings/race-test/meeting.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("id: race-test"));
    let out = docket(dir.path(), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A meeting.yaml of 20,000 rows chained by `continues` (1 MB, under the size limit and the
/// YAML parser's node budget, which refuses about 27,000 such rows) is refused by the limits
/// at once, not checked for cycles row by row for hours.
#[test]
fn a_huge_meeting_is_refused_by_the_limits_not_checked_for_ever() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("meetings/huge");
    std::fs::create_dir_all(&m).unwrap();
    let mut y = String::from(
        "id: huge\ntitle: Huge\nseries: S\nhost: H\nvenue: V\ntime_zone: UTC\n\
         local_time_label: UTC\nwindow: {start: 2024-06-03T00:00:00Z, end: 2024-06-04T00:00:00Z}\n\
         days:\n  - date: 2024-06-03\n    part: P\n    sessions:\n      - {id: s0, title: x, kind: segment}\n",
    );
    for i in 1..20_000 {
        y += &format!(
            "      - {{id: s{i}, continues: s{}, title: x, kind: segment}}\n",
            i - 1
        );
    }
    std::fs::write(m.join("meeting.yaml"), y).unwrap();
    let start = Instant::now();
    let out = docket(dir.path(), &["check"]);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("E0111"), "{}", stderr(&out));
}

/// A 100 kB title (1.9 GB inside typst before the limits) fails `check`, so `build` never
/// tries to render it, and the other meetings build.
#[test]
fn a_100_kb_title_is_an_error_in_check_and_build() {
    let dir = example_copy();
    let file = dir.path().join(VIRTUAL).join("meeting.yaml");
    let text = std::fs::read_to_string(&file).unwrap().replace(
        "title: IGF 2024 Virtual MAG Meeting (example)",
        &format!("title: \"{}\"", "A".repeat(100_000)),
    );
    std::fs::write(&file, text).unwrap();
    for command in ["check", "build"] {
        let out = quick(dir.path(), &[command, "--today", "2024-06-01"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("E0111") || err.contains("E0109"), "{err}");
    }
    assert!(
        !dir.path()
            .join("output/igf-2024-mag-virtual-example")
            .exists()
    );
    assert!(
        dir.path()
            .join("output/igf-2024-oc2-mag/agenda.pdf")
            .is_file()
    );
}
