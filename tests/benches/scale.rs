//! `cargo bench --bench scale`: the figures of issue #10, from the real binary.
//!
//! - builds of 100 and 1,000 generated meetings (the two examples with their outcomes and input
//!   documents, ids varied), every document, `--jobs 2`: meetings per second and peak RSS;
//! - the same 1,000 with texts of their own (titles, items, outputs, outcomes numbered);
//! - rebuilding the 1,000 with nothing changed, and with one meeting.yaml edited;
//! - `docket build` of the reference meeting alone, nothing cached, process start to exit, and
//!   side by side with it, when a `typst` CLI is on PATH (or named by `TYPST`), one `typst
//!   compile` of the same agenda written as one file (`tests/benches/reference-agenda.typ`);
//! - `docket watch`: from saving meeting.yaml to the new agenda.pdf in place.
//!
//! Peak RSS is the child's VmHWM, sampled from /proc every few milliseconds until it exits.

#[path = "../common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_docket");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // cargo test --benches asks for a list; this bench has no named cases.
    }
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    // `cargo bench --bench scale -- worst` runs only the worst-case meeting.
    if std::env::args().skip(1).any(|a| a == "worst") {
        worst_case(w);
        return;
    }
    // `cargo bench --bench scale -- peer`: only the side-by-side comparison with typst.
    if std::env::args().skip(1).any(|a| a == "peer") {
        peer(w);
        return;
    }
    // `cargo bench --bench scale -- varied`: only the 1,000 meetings with their own texts.
    if std::env::args().skip(1).any(|a| a == "varied") {
        varied(w);
        return;
    }
    // `cargo bench --bench scale -- kill`: issue #11's kill test, 200 meetings, 20 kills.
    if std::env::args().skip(1).any(|a| a == "kill") {
        kills(w);
        return;
    }

    let small = generate(&w.join("m100"), 100);
    let (t100, rss100) = run(&["build", "--jobs", "2", "-q"], &small);
    let large = generate(&w.join("m1000"), 1000);
    let (t1000, rss1000) = run(&["build", "--jobs", "2", "-q"], &large);
    println!(
        "100 meetings:   {:6.2} s, {:5.1} meetings/s, {:5.1} ms each, peak RSS {rss100:.0} MB",
        t100.as_secs_f64(),
        100.0 / t100.as_secs_f64(),
        t100.as_secs_f64() * 10.0
    );
    println!(
        "1000 meetings:  {:6.2} s, {:5.1} meetings/s, {:5.1} ms each, peak RSS {rss1000:.0} MB",
        t1000.as_secs_f64(),
        1000.0 / t1000.as_secs_f64(),
        t1000.as_secs_f64()
    );
    varied(w);
    let (unchanged, _) = run(&["build", "--jobs", "2", "-q"], &large);
    println!("1000 unchanged: {:6.3} s", unchanged.as_secs_f64());
    let edited = large.join("meetings/m0501-igf-2024-oc2-mag/meeting.yaml");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, text.replace("LUNCH BREAK", "LUNCH")).unwrap();
    let (one, _) = run(&["build", "--jobs", "2", "-q"], &large);
    println!("1000, one edit: {:6.3} s", one.as_secs_f64());

    peer(w);

    println!(
        "watch, save to new agenda.pdf: median {:.0} ms over 10 edits",
        ms(watch_latency(w))
    );
    worst_case(w);
}

/// Checks and builds the worst accepted meeting: time, peak memory and agenda pages.
fn worst_case(w: &Path) {
    let worst = worst_meeting(&w.join("worst"));
    let check = Command::new(BIN)
        .args(["check", "--today", "2024-06-01", "--deny-warnings"])
        .current_dir(&worst)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let (t, rss) = run(&["build", "-q"], &worst);
    let info = Command::new("pdfinfo")
        .arg(worst.join("output/worst-case/agenda.pdf"))
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let pages = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .unwrap_or("Pages: ?")
        .to_owned();
    println!(
        "worst accepted meeting, every document: {:.2} s, peak RSS {rss:.0} MB (agenda {pages})",
        t.as_secs_f64()
    );
}

/// The reference meeting alone, every document, against `typst compile` of the same
/// agenda, alternating the two so both see the same machine state.
fn peer(w: &Path) {
    let alone = w.join("alone");
    common::copy_dir(
        &Path::new(ROOT).join("meetings/igf-2024-oc2-mag"),
        &alone.join("meetings/igf-2024-oc2-mag"),
    );
    let typst = std::env::var("TYPST").unwrap_or_else(|_| "typst".into());
    let has_typst = Command::new(&typst).arg("--version").output().is_ok();
    let source = Path::new(ROOT).join("tests/benches/reference-agenda.typ");
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..15 {
        // Timed as typst is below, waiting for the exit: `run`'s memory sampling would take
        // a core from the measured process and see the exit up to 2 ms late.
        let start = Instant::now();
        let status = Command::new(BIN)
            .args(["build", "--force", "-q", "--today", "2024-06-01"])
            .current_dir(&alone)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(
            status.code().is_some_and(|c| c <= 1),
            "docket build: {status}"
        );
        ours.push(start.elapsed());
        if has_typst {
            let start = Instant::now();
            let ok = Command::new(&typst)
                .args(["compile", "--ignore-system-fonts"])
                .arg(&source)
                .arg(w.join("peer.pdf"))
                .status()
                .unwrap()
                .success();
            assert!(ok, "typst compile failed");
            theirs.push(start.elapsed());
        }
    }
    ours.sort();
    println!(
        "reference meeting alone, every document, --force: median {:.1} ms (min {:.1}, max {:.1})",
        ms(ours[7]),
        ms(ours[0]),
        ms(ours[14])
    );
    if has_typst {
        theirs.sort();
        println!(
            "typst compile of the same agenda, side by side: median {:.1} ms; docket / typst = {:.2}",
            ms(theirs[7]),
            ours[7].as_secs_f64() / theirs[7].as_secs_f64()
        );
    } else {
        println!("no typst CLI on PATH (or TYPST): the side-by-side comparison was not run");
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs docket in `cwd`; wall time and peak resident memory in MB.
fn run(args: &[&str], cwd: &Path) -> (Duration, f64) {
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .args(args)
        .args(["--today", "2024-06-01"])
        .current_dir(cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.code().is_some_and(|c| c <= 1), "{args:?}: {status}");
            break;
        }
        if let Ok(text) = std::fs::read_to_string(&status_file)
            && let Some(kb) = text
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse::<u64>().ok())
        {
            peak_kb = peak_kb.max(kb);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    (start.elapsed(), peak_kb as f64 / 1024.0)
}

/// `n` meetings below `dir/meetings` (see [`common::many_meetings`]); returns `dir`.
fn generate(dir: &Path, n: usize) -> PathBuf {
    common::many_meetings(dir, n);
    dir.to_path_buf()
}

/// The same 1,000 meetings with texts of their own: typst reuses the layout of what meetings
/// share (labels, times, headings, breaks), so identical copies alone would flatter it.
fn varied(w: &Path) {
    let dir = generate(&w.join("v1000"), 1000);
    vary_texts(&dir.join("meetings"));
    let check = Command::new(BIN)
        .args(["check", "meetings", "--today", "2024-06-01"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stderr);
    assert!(
        check.status.success() && report.contains(" 0 errors"),
        "the varied meetings must pass their checks:\n{report}"
    );
    let (t, rss) = run(&["build", "--jobs", "2", "-q"], &dir);
    println!(
        "1000 varied:    {:6.2} s, {:5.1} meetings/s, {:5.1} ms each, peak RSS {rss:.0} MB",
        t.as_secs_f64(),
        1000.0 / t.as_secs_f64(),
        t.as_secs_f64()
    );
}

/// Gives every meeting below `meetings` its own texts: each title, item, intervention,
/// desired output, summary, action and decision gets the meeting's number, as meetings of
/// one series share their structure and wording but not their content.
fn vary_texts(meetings: &Path) {
    // `for` names a main session by its title, so it changes with the title.
    const TEXT_KEYS: [&str; 10] = [
        "title",
        "for",
        "items",
        "interventions",
        "text",
        "summary",
        "what",
        "theme",
        "note",
        "decisions",
    ];
    fn vary(value: &mut serde_json::Value, mark: &str, in_text: bool) {
        use serde_json::Value;
        match value {
            Value::String(s) if in_text => s.push_str(mark),
            Value::Array(items) => items.iter_mut().for_each(|v| vary(v, mark, in_text)),
            Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    vary(v, mark, TEXT_KEYS.contains(&k.as_str()));
                }
            }
            _ => {}
        }
    }
    for (i, entry) in std::fs::read_dir(meetings).unwrap().enumerate() {
        let dir = entry.unwrap().path();
        for file in ["meeting.yaml", "outcomes.yaml"] {
            let path = dir.join(file);
            let mut value: serde_json::Value =
                serde_saphyr::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            vary(&mut value, &format!(" (no. {i})"), false);
            // JSON is YAML: written back as JSON, comments and layout aside, it is the same.
            std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
        }
    }
}

/// Median time from writing meeting.yaml to a changed agenda.pdf, under `docket watch`.
fn watch_latency(work: &Path) -> Duration {
    let dir = work.join("watch");
    common::copy_dir(&Path::new(ROOT).join("meetings"), &dir.join("meetings"));
    let mut child = Command::new(BIN)
        .args(["watch", "--today", "2024-06-01", "-q"])
        .current_dir(&dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let agenda = dir.join("output/igf-2024-oc2-mag/agenda.pdf");
    let stamp = dir.join("output/igf-2024-mag-virtual-example/.docket-stamp.json");
    while !(agenda.is_file() && stamp.is_file()) {
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(300));
    let file = dir.join("meetings/igf-2024-oc2-mag/meeting.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut times = Vec::new();
    for i in 0..10 {
        let before = std::fs::read(&agenda).unwrap_or_default();
        let start = Instant::now();
        std::fs::write(
            &file,
            text.replace("LUNCH BREAK", &format!("LUNCH BREAK {i}")),
        )
        .unwrap();
        loop {
            let now = std::fs::read(&agenda).unwrap_or_default();
            if !now.is_empty() && now != before {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "watch did not rebuild"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        times.push(start.elapsed());
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = child.kill();
    let _ = child.wait();
    times.sort();
    times[5]
}

/// The worst meeting `check` accepts: every count at its limit, texts long, up to the total
/// text budget. Returns its folder.
pub fn worst_meeting(dir: &Path) -> PathBuf {
    use docket::check::limits::*;
    let line = |n: usize, len: usize| {
        let mut s = format!("Row {n}: ");
        while s.len() < len {
            s.push_str("interventions and discussion of the draft programme ");
        }
        s.truncate(len);
        s.trim_end().to_owned()
    };
    // Titles take their share first; items spend the rest.
    let mut budget = MAX_TOTAL_TEXT - MAX_DAYS * MAX_SESSIONS * 64 - 7_000;
    let mut y = String::from(
        "id: worst-case\ntitle: The largest meeting docket accepts\nseries: IGF 2024\n\
         host: IGF Secretariat\nvenue: Geneva\ntime_zone: Europe/Zurich\n\
         local_time_label: CEST\nwindow: {start: 2024-06-03T04:00:00Z, end: 2024-06-16T20:00:00Z}\ndays:\n",
    );
    for d in 0..MAX_DAYS {
        y += &format!(
            "  - date: 2024-06-{:02}\n    part: Part {d}\n    sessions:\n",
            3 + d
        );
        for r in 0..MAX_SESSIONS {
            let (h, m) = (7 + r * 20 / 60, r * 20 % 60);
            let (h2, m2) = (7 + (r * 20 + 15) / 60, (r * 20 + 15) % 60);
            y += &format!(
                "      - time: {h:02}:{m:02}-{h2:02}:{m2:02}\n        title: \"{}\"\n",
                line(r, 60)
            );
            if r == 0 {
                y += "        addresses: [o1-";
                y += &format!("{d}]\n");
            }
            // Spend the text budget evenly, never over a count limit.
            let take = (budget / ((MAX_DAYS - d) * MAX_SESSIONS - r).max(1) / 300).min(MAX_LINES);
            if take > 0 {
                y += "        items:\n";
                for i in 0..take {
                    y += &format!("          - \"{}\"\n", line(i, 290));
                    budget = budget.saturating_sub(300);
                }
            }
        }
        y += &format!("    desired_outputs:\n      - {{id: o1-{d}, text: Agree the day's work}}\n");
    }
    let folder = dir.join("meetings/worst-case");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("meeting.yaml"), y).unwrap();
    dir.to_path_buf()
}

/// Kills builds of 200 meetings (and archives of them) at 20 spread-out moments each. After
/// every kill each meeting folder is one build's complete set; after one complete run there is
/// no temporary, the output equals an uninterrupted build's, and `verify` passes.
fn kills(w: &Path) {
    let dir = generate(&w.join("kill"), 200);
    let start = Instant::now();
    let reference = Command::new(BIN)
        .args(["build", "-q", "-o", "reference", "--today", "2024-06-01"])
        .current_dir(&dir)
        .status()
        .unwrap();
    assert!(reference.success());
    let full = start.elapsed();
    // Deterministic spread of kill moments over the length of a full build.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for n in 0..20 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let at = full.mul_f64((x % 1000) as f64 / 1000.0);
        for args in [
            vec!["build", "-q", "--force", "--today", "2024-06-01"],
            vec!["archive", "--year", "2024", "--today", "2024-06-01"],
        ] {
            let mut child = Command::new(BIN)
                .args(&args)
                .current_dir(&dir)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(at.mul_f64(if args[0] == "archive" { 1.2 } else { 1.0 }));
            let _ = child.kill();
            let _ = child.wait();
        }
        assert_complete(&dir, n);
    }
    let done = Command::new(BIN)
        .args(["build", "-q", "--today", "2024-06-01"])
        .current_dir(&dir)
        .status()
        .unwrap();
    assert!(done.success());
    let archived = Command::new(BIN)
        .args(["archive", "--year", "2024", "--today", "2024-06-01"])
        .current_dir(&dir)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(archived.success());
    let left = common::leftovers(&dir.join("output"));
    assert!(left.is_empty(), "{left:?}");
    for entry in std::fs::read_dir(dir.join("reference")).unwrap() {
        let name = entry.unwrap().file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        for file in std::fs::read_dir(dir.join("reference").join(&name)).unwrap() {
            let file = file.unwrap().path();
            let got = dir
                .join("output")
                .join(&name)
                .join(file.file_name().unwrap());
            assert!(
                std::fs::read(&file).unwrap() == std::fs::read(&got).unwrap(),
                "{}",
                got.display()
            );
        }
    }
    let verify = Command::new(BIN)
        .args(["verify", "output/archive"])
        .current_dir(&dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(verify.success(), "verify after the kills");
    println!(
        "kill test: 20 kills of a 200-meeting build and of its archive; no corrupt or mixed \
         folder, no temporary after one complete run, outputs equal an uninterrupted build's, \
         verify passes"
    );
}

/// Every meeting folder in `dir/output` is complete: its stamp lists files that are all there.
fn assert_complete(dir: &Path, n: usize) {
    for entry in std::fs::read_dir(dir.join("output")).into_iter().flatten() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == "archive" {
            continue;
        }
        let stamp = std::fs::read_to_string(entry.path().join(".docket-stamp.json"))
            .unwrap_or_else(|_| panic!("kill {n}: {name} has no stamp"));
        let stamp: serde_json::Value = serde_json::from_str(&stamp).unwrap();
        for pair in stamp["files"].as_array().unwrap() {
            let file = entry.path().join(pair[0].as_str().unwrap());
            let size = std::fs::metadata(&file)
                .map(|m| m.len())
                .unwrap_or(u64::MAX);
            assert_eq!(
                size,
                pair[1].as_u64().unwrap(),
                "kill {n}: {}",
                file.display()
            );
        }
    }
    if dir.join("output/archive/2024").exists() {
        let verify = Command::new(BIN)
            .args(["verify", "output/archive/2024"])
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(
            verify.success(),
            "kill {n}: the archive in place is not whole"
        );
    }
}
