//! Builds of many meetings: jobs, incremental rebuilds, pruning, `--only`, kills mid-build.
//! Each invalidation rule of issue #10 has its own test here.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::{contents, docket, leftovers, many_meetings, root, stderr};

/// Every file below `dir` with its modification time and bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (SystemTime, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".docket.lock")
        .map(|e| {
            let meta = e.metadata().unwrap();
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (
                rel,
                (meta.modified().unwrap(), std::fs::read(e.path()).unwrap()),
            )
        })
        .collect()
}

fn build(cwd: &Path, extra: &[&str]) -> String {
    let mut args = vec!["build", "--today", "2024-06-01"];
    args.extend_from_slice(extra);
    let out = docket(cwd, &args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    err
}

/// The closing line's counts.
fn counts(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("built "))
        .unwrap_or_else(|| panic!("no summary line in {stderr}"));
    let number = |word: &str| -> usize {
        let at = line.find(word).unwrap() + word.len();
        line[at..]
            .trim_start()
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    (number("built"), number("unchanged"))
}

#[test]
fn a_second_build_rewrites_nothing_and_an_edit_rebuilds_one_meeting() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 4);
    assert_eq!(counts(&build(dir.path(), &[])), (4, 0));
    let before = snapshot(&dir.path().join("output"));
    assert_eq!(
        before.len(),
        4 * (docket::render::exports::EXPORTS.len() + 1) + 1,
        "every document of the export registry and a stamp per meeting, and the build index"
    );

    assert_eq!(counts(&build(dir.path(), &[])), (0, 4));
    assert_eq!(
        snapshot(&dir.path().join("output")),
        before,
        "same bytes, same times"
    );

    let file = dir
        .path()
        .join("meetings/m0001-igf-2024-oc2-mag/meeting.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("LUNCH BREAK", "LUNCH")).unwrap();
    assert_eq!(counts(&build(dir.path(), &[])), (1, 3));
    let after = snapshot(&dir.path().join("output"));
    for (path, (time, bytes)) in &before {
        let changed = after[path] != (*time, bytes.clone());
        // The edited meeting's folder is swapped in whole, and the build index records its
        // new check; no other file is touched.
        assert_eq!(
            changed,
            path.starts_with("m0001-igf-2024-oc2-mag") || path.as_os_str() == ".docket-index.json",
            "{}",
            path.display()
        );
    }
}

#[test]
fn an_edited_outcome_or_input_document_rebuilds_its_meeting() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 2);
    build(dir.path(), &[]);
    let outcomes = dir
        .path()
        .join("meetings/m0001-igf-2024-oc2-mag/outcomes.yaml");
    let text = std::fs::read_to_string(&outcomes).unwrap();
    std::fs::write(
        &outcomes,
        format!("{text}\n# a comment changes the bytes\n"),
    )
    .unwrap();
    assert_eq!(counts(&build(dir.path(), &[])), (1, 1));

    let input = dir
        .path()
        .join("meetings/m0000-igf-2024-mag-virtual-example/inputs/draft-programme-overview.txt");
    std::fs::write(&input, "a new draft\n").unwrap();
    assert_eq!(counts(&build(dir.path(), &[])), (1, 1));
}

#[test]
fn a_changed_template_rebuilds_every_meeting() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 3);
    let templates = dir.path().join("my-templates");
    std::fs::create_dir(&templates).unwrap();
    let md = root().join("templates/follow-up.md.j2");
    std::fs::copy(&md, templates.join("follow-up.md.j2")).unwrap();
    let with = ["--templates", "my-templates"];
    assert_eq!(counts(&build(dir.path(), &with)), (3, 0));
    assert_eq!(counts(&build(dir.path(), &with)), (0, 3));
    let text = std::fs::read_to_string(&md).unwrap();
    std::fs::write(
        templates.join("follow-up.md.j2"),
        format!("{text}\nEdited.\n"),
    )
    .unwrap();
    assert_eq!(counts(&build(dir.path(), &with)), (3, 0));
    let md = std::fs::read_to_string(
        dir.path()
            .join("output/m0000-igf-2024-mag-virtual-example/follow-up.md"),
    )
    .unwrap();
    assert!(md.trim_end().ends_with("Edited."));
    // Dropping the override is a change of templates too.
    assert_eq!(counts(&build(dir.path(), &[])), (3, 0));
}

#[test]
fn a_deleted_output_file_rebuilds_its_meeting_and_force_rebuilds_all() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 3);
    build(dir.path(), &[]);
    let gone = dir
        .path()
        .join("output/m0002-igf-2024-mag-virtual-example/summary.docx");
    std::fs::remove_file(&gone).unwrap();
    assert_eq!(counts(&build(dir.path(), &[])), (1, 2));
    assert!(gone.is_file());
    assert_eq!(counts(&build(dir.path(), &["--force"])), (3, 0));
}

#[test]
fn an_option_that_changes_output_rebuilds() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 1);
    build(dir.path(), &[]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_docket"))
        .args(["build", "--today", "2024-06-01"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1719388800")
        .output()
        .unwrap();
    assert_eq!(counts(&stderr(&out)), (1, 0), "{}", stderr(&out));
}

#[test]
fn one_and_two_jobs_write_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 6);
    build(dir.path(), &["--jobs", "1", "-o", "one"]);
    build(dir.path(), &["--jobs", "2", "-o", "two"]);
    let one = contents(&dir.path().join("one"));
    let two = contents(&dir.path().join("two"));
    assert_eq!(
        one.len(),
        6 * (docket::render::exports::EXPORTS.len() + 1) + 1
    );
    assert!(one == two, "--jobs 1 and --jobs 2 differ");
}

#[test]
fn a_meeting_that_fails_to_parse_for_now_is_not_stale() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 1);
    build(dir.path(), &[]);
    let file = dir
        .path()
        .join("meetings/m0000-igf-2024-mag-virtual-example/meeting.yaml");
    std::fs::write(&file, "id: [unclosed\n").unwrap();
    let out = docket(dir.path(), &["build", "--prune", "--today", "2024-06-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains("stale"), "{}", stderr(&out));
    assert!(
        dir.path()
            .join("output/m0000-igf-2024-mag-virtual-example/agenda.pdf")
            .is_file()
    );
}

#[test]
fn a_changed_meeting_id_leaves_its_old_folder_stale() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 1);
    build(dir.path(), &[]);
    let file = dir
        .path()
        .join("meetings/m0000-igf-2024-mag-virtual-example/meeting.yaml");
    for name in ["meeting.yaml", "outcomes.yaml"] {
        let path = file.with_file_name(name);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replace("m0000-igf-2024-mag-virtual-example", "renamed"),
        )
        .unwrap();
    }
    let err = build(dir.path(), &[]);
    assert!(
        err.contains("stale: output/m0000-igf-2024-mag-virtual-example"),
        "{err}"
    );
    assert!(dir.path().join("output/renamed/agenda.pdf").is_file());
}

#[test]
fn folders_of_meetings_that_are_gone_are_reported_then_pruned() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 2);
    build(dir.path(), &[]);
    std::fs::create_dir(dir.path().join("output/notes")).unwrap(); // not docket's: never touched
    std::fs::remove_dir_all(dir.path().join("meetings/m0001-igf-2024-oc2-mag")).unwrap();
    let err = build(dir.path(), &[]);
    assert!(
        err.contains("stale: output/m0001-igf-2024-oc2-mag"),
        "{err}"
    );
    assert!(dir.path().join("output/m0001-igf-2024-oc2-mag").is_dir());
    let err = build(dir.path(), &["--prune"]);
    assert!(
        err.contains("removed output/m0001-igf-2024-oc2-mag"),
        "{err}"
    );
    assert!(!dir.path().join("output/m0001-igf-2024-oc2-mag").exists());
    assert!(dir.path().join("output/notes").is_dir());
}

#[test]
fn only_rebuilds_the_chosen_outputs_and_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 1);
    build(dir.path(), &[]);
    let folder = dir.path().join("output/m0000-igf-2024-mag-virtual-example");
    let summary = std::fs::read(folder.join("summary.docx")).unwrap();
    let file = dir
        .path()
        .join("meetings/m0000-igf-2024-mag-virtual-example/meeting.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen("\ntitle: ", "\ntitle: New ", 1);
    assert_ne!(edited, text);
    std::fs::write(&file, edited).unwrap();
    assert_eq!(
        counts(&build(dir.path(), &["--only", "json,agenda"])),
        (1, 0)
    );
    let json = std::fs::read_to_string(folder.join("meeting.json")).unwrap();
    assert!(json.contains("\"title\": \"New "), "{json}");
    assert_eq!(
        std::fs::read(folder.join("summary.docx")).unwrap(),
        summary,
        "kept as it was"
    );
    let out = docket(dir.path(), &["build", "--only", "agendas"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("choose from json, agenda"),
        "{}",
        stderr(&out)
    );
}

/// Kills builds at spread-out moments; every file left is whole, and one complete build then
/// leaves exactly what an uninterrupted build writes, with no temporaries.
#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_leaves_only_complete_files() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 12);
    build(dir.path(), &["-o", "reference"]);
    for delay_ms in [5u64, 40, 90, 150, 230, 320, 450, 600] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_docket"))
            .args(["build", "--today", "2024-06-01", "--force"])
            .current_dir(dir.path())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // Whatever is in a meeting's folder is one build's complete set, never a mix.
        for entry in std::fs::read_dir(dir.path().join("output"))
            .into_iter()
            .flatten()
        {
            let entry = entry.unwrap();
            let name = entry.file_name().into_string().unwrap();
            if name.starts_with(".docket") {
                continue;
            }
            assert!(
                contents(&entry.path()) == contents(&dir.path().join("reference").join(&name)),
                "{name} after a kill at {delay_ms} ms"
            );
        }
    }
    build(dir.path(), &[]);
    let left = leftovers(&dir.path().join("output"));
    assert!(left.is_empty(), "{left:?}");
    assert!(
        contents(&dir.path().join("output")) == contents(&dir.path().join("reference")),
        "the build after the kills finishes the rest"
    );
}

#[test]
fn one_meeting_that_cannot_be_written_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 2);
    // A file where the meeting's output folder should go: that meeting fails, the other builds.
    std::fs::create_dir_all(dir.path().join("output")).unwrap();
    std::fs::write(
        dir.path().join("output/m0000-igf-2024-mag-virtual-example"),
        "x",
    )
    .unwrap();
    let out = docket(dir.path(), &["build", "--today", "2024-06-01"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot write"), "{err}");
    assert!(err.contains("built 1,"), "{err}");
    assert!(
        dir.path()
            .join("output/m0001-igf-2024-oc2-mag/agenda.pdf")
            .is_file()
    );
}

#[test]
fn ci_and_pipes_get_no_progress_bar() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 2);
    let err = build(dir.path(), &[]);
    assert!(
        !err.contains('\u{1b}'),
        "no control sequences when piped: {err:?}"
    );
    assert!(!err.contains("meetings,"), "{err}");
}

/// Under a pseudo-terminal (util-linux `script`), with `CI` unset, the bar is drawn.
#[cfg(unix)]
#[test]
fn a_terminal_gets_a_progress_bar() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 6);
    let command = format!(
        "{} build --today 2024-06-01 --jobs 1",
        env!("CARGO_BIN_EXE_docket")
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .env_remove("CI")
        .env("TERM", "xterm")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("meetings,"),
        "the bar shows meetings done of total: {text:?}"
    );
    assert!(text.contains("built 6, unchanged 0"), "{text:?}");
}

/// The diagnostics of a build's stderr, without its closing line (counts and time).
fn reported(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|l| !l.starts_with("built "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn an_unchanged_meeting_is_not_parsed_again_and_reports_what_a_full_build_would() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 2);
    // A render warning in a meeting the check has nothing to say about: its snippet must
    // come back too.
    let virtual_meeting = dir
        .path()
        .join("meetings/m0000-igf-2024-mag-virtual-example/meeting.yaml");
    let text = std::fs::read_to_string(&virtual_meeting).unwrap();
    std::fs::write(
        &virtual_meeting,
        text.replace("MAG Meeting (example)", "MAG Meeting \u{13000} (example)"),
    )
    .unwrap();
    let first = build(dir.path(), &[]);
    assert!(first.contains("warning[W0304]"), "{first}");
    assert!(first.contains("warning[W0503]"), "{first}");
    assert!(
        first.contains("title: IGF 2024 Virtual"),
        "the snippet: {first}"
    );
    let index = dir.path().join("output/.docket-index.json");
    assert!(index.is_file());

    // Same report, with snippets, from the index.
    let second = build(dir.path(), &[]);
    assert_eq!(counts(&second), (0, 2));
    assert_eq!(reported(&second), reported(&first));

    // It really comes from the index: what the index says is what is reported.
    let text = std::fs::read_to_string(&index).unwrap();
    assert!(text.contains("daylight saving is in force"));
    std::fs::write(
        &index,
        text.replace("daylight saving is in force", "said by the index"),
    )
    .unwrap();
    let third = build(dir.path(), &[]);
    assert!(third.contains("said by the index"), "{third}");
    // --force loads everything again, and the index is written afresh.
    let forced = build(dir.path(), &["--force"]);
    assert_eq!(counts(&forced), (2, 0));
    assert_eq!(reported(&forced), reported(&first));
    assert!(
        !std::fs::read_to_string(&index)
            .unwrap()
            .contains("said by the index")
    );
}

#[test]
fn another_check_date_checks_again_without_rebuilding() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 2);
    std::fs::remove_file(
        dir.path()
            .join("meetings/m0001-igf-2024-oc2-mag/outcomes.yaml"),
    )
    .unwrap();
    build(dir.path(), &[]);
    // After the meeting, its outcomes are due: the check's report changes, the documents do not.
    let later = |extra: &[&str]| {
        let mut args = vec!["build", "--today", "2025-01-15"];
        args.extend_from_slice(extra);
        stderr(&docket(dir.path(), &args))
    };
    let cached = later(&[]);
    assert_eq!(counts(&cached), (0, 2));
    let full = later(&["--force"]);
    assert_eq!(reported(&cached), reported(&full));
    assert_ne!(
        reported(&cached),
        reported(&build(dir.path(), &[])),
        "the check date changes what is reported"
    );
}

#[test]
fn a_damaged_index_only_means_parsing_again() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 2);
    let first = build(dir.path(), &[]);
    let index = dir.path().join("output/.docket-index.json");
    for damage in [
        "{\"format\": 1, \"meetings\": [",
        "",
        "{\"format\": 999, \"meetings\": {}}",
    ] {
        std::fs::write(&index, damage).unwrap();
        let again = build(dir.path(), &[]);
        assert_eq!(counts(&again), (0, 2), "the stamps still hold");
        assert_eq!(reported(&again), reported(&first));
        let text = std::fs::read_to_string(&index).unwrap();
        assert!(text.contains("m0001-igf-2024-oc2-mag"), "rewritten: {text}");
    }
}

#[test]
fn a_new_meeting_taking_a_known_id_holds_the_known_one_back() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 2);
    build(dir.path(), &[]);
    // A copy sorted before it, under the same id: the known meeting is now the duplicate.
    common::copy_dir(
        &dir.path().join("meetings/m0001-igf-2024-oc2-mag"),
        &dir.path().join("meetings/a-copy"),
    );
    let run = |extra: &[&str]| {
        let mut args = vec!["build", "--today", "2024-06-01"];
        args.extend_from_slice(extra);
        let out = docket(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1));
        stderr(&out)
    };
    let cached = run(&[]);
    assert!(
        cached.contains("meetings/m0001-igf-2024-oc2-mag/meeting.yaml:9:5"),
        "the id's own line and column, from the index: {cached}"
    );
    assert!(
        cached.contains("9 | id: m0001-igf-2024-oc2-mag"),
        "and its snippet, though the meeting was not parsed: {cached}"
    );
    assert!(cached.contains("skipped with errors 1"), "{cached}");
    assert_eq!(reported(&cached), reported(&run(&["--force"])));
}

#[test]
fn a_new_meeting_taking_a_known_id_later_in_path_order_is_the_one_held_back() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 2);
    build(dir.path(), &[]);
    // Sorted after the known meeting: the new one is the duplicate, on every build, and the
    // known meeting's documents are left alone.
    common::copy_dir(
        &dir.path().join("meetings/m0001-igf-2024-oc2-mag"),
        &dir.path().join("meetings/zz-copy"),
    );
    for _ in 0..3 {
        let out = docket(dir.path(), &["build", "--today", "2024-06-01"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("meetings/zz-copy/meeting.yaml:9:5"), "{err}");
        assert!(
            err.contains("9 | id: m0001-igf-2024-oc2-mag"),
            "the snippet: {err}"
        );
        assert_eq!(counts(&err), (0, 2), "{err}");
    }
}

#[test]
fn a_meeting_nested_in_another_s_folder_is_not_taken_for_part_of_it() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 2);
    let parent = dir
        .path()
        .join("meetings/m0000-igf-2024-mag-virtual-example");
    let nested = parent.join("issued/nested");
    common::copy_dir(&dir.path().join("meetings/m0001-igf-2024-oc2-mag"), &nested);
    let file = nested.join("meeting.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("id: m0001-igf-2024-oc2-mag", "id: nested-x"),
    )
    .unwrap();
    std::fs::remove_file(nested.join("outcomes.yaml")).unwrap();
    let first = build(dir.path(), &[]);
    assert_eq!(reported(&build(dir.path(), &[])), reported(&first));
    // Gone: nothing of it is reported from the parent's index entry.
    std::fs::remove_dir_all(parent.join("issued")).unwrap();
    let after = build(dir.path(), &[]);
    assert!(!after.contains("issued/nested/meeting.yaml"), "{after}");
    assert_eq!(reported(&after), reported(&build(dir.path(), &["--force"])));
}

#[test]
fn a_known_meeting_whose_output_folder_leads_into_the_meetings_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    many_meetings(dir.path(), 2);
    build(dir.path(), &[]);
    let id = "m0000-igf-2024-mag-virtual-example";
    let moved = dir.path().join("meetings/moved-out");
    std::fs::rename(dir.path().join("output").join(id), &moved).unwrap();
    std::os::unix::fs::symlink(&moved, dir.path().join("output").join(id)).unwrap();
    let out = docket(dir.path(), &["build", "--today", "2024-06-01"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("inside the meetings folder"), "{err}");
}
