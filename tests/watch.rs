//! `docket watch`: a saved meeting.yaml gives a new agenda.pdf, and only that meeting is rebuilt.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the watcher however the test ends.
struct Watcher(Child);

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
    start.elapsed()
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

#[test]
fn saving_meeting_yaml_replaces_the_agenda() {
    let dir = common::example_copy();
    let _watcher = Watcher(
        Command::new(env!("CARGO_BIN_EXE_docket"))
            .args(["watch", "--today", "2024-06-01"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start docket watch"),
    );
    let agenda = dir.path().join("output/igf-2024-oc2-mag/agenda.pdf");
    let other = dir
        .path()
        .join("output/igf-2024-mag-virtual-example/agenda.pdf");
    let stamp = dir
        .path()
        .join("output/igf-2024-oc2-mag/.docket-stamp.json");
    wait_for("the first build", Duration::from_secs(30), || {
        stamp.is_file() && other.is_file()
    });
    let first = read(&agenda);
    let other_time = std::fs::metadata(&other).unwrap().modified().unwrap();
    // Let the watcher settle: the first build's own writes are outside the watched folder.
    std::thread::sleep(Duration::from_millis(200));

    let file = dir.path().join("meetings/igf-2024-oc2-mag/meeting.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("LUNCH BREAK", "LUNCH BREAK (buffet)")).unwrap();
    let took = wait_for("the new agenda", Duration::from_secs(10), || {
        let now = read(&agenda);
        !now.is_empty() && now != first
    });
    let text = common::pdftotext(&agenda);
    assert!(text.contains("LUNCH BREAK (buffet)"), "{text}");
    assert_eq!(
        std::fs::metadata(&other).unwrap().modified().unwrap(),
        other_time,
        "the meeting that did not change is not rebuilt"
    );
    // The figure (300 ms) is measured by `cargo bench --bench scale`; here only a sanity bound.
    assert!(took < Duration::from_secs(5), "{took:?}");
}
