//! Memory over many documents: `cargo bench --bench memory`.
//!
//! Renders the seed agenda 1,000 times in one process, each with different data so typst's
//! memoisation cannot reuse results, and prints resident memory (Linux `/proc/self/status`)
//! after 100 and after 1,000 documents. Target: flat, and under 150 MB.

use std::path::Path;
use std::time::Instant;

use docket::model::valid::validate;
use docket::pipeline::{BuildOptions, Prepared};
use docket::render::agenda;
use docket::render::view::meeting_view;

fn rss_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // cargo test --benches asks for a list; this bench has no named cases.
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/meetings/igf-2024-oc2-mag/meeting.yaml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let valid = validate(&docket::load::yaml::parse(Path::new(path), &text).unwrap()).unwrap();
    let normal = meeting_view(
        &valid,
        docket::render::view::locale::Locales::embedded().get_or_english("en"),
    );
    let stamp = valid.window.0;
    let renderer = Prepared::new(&BuildOptions::default()).unwrap().renderer;
    let start = Instant::now();
    let mut after_100 = 0.0;
    for n in 1..=1000 {
        let mut m = normal.clone();
        m.title = format!("{} #{n}", m.title);
        let (pdf, diags) = agenda::render(&renderer.engine, &m, stamp, true);
        assert!(pdf.is_some(), "{diags:?}");
        if n == 100 {
            after_100 = rss_mb("VmRSS:");
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "memory: 1000 agendas in {secs:.1} s ({:.1} ms each); RSS after 100: {after_100:.0} MB, after 1000: {:.0} MB, peak {:.0} MB",
        secs, // seconds for 1,000 documents = milliseconds per document
        rss_mb("VmRSS:"),
        rss_mb("VmHWM:")
    );
}
