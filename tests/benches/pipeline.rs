//! Benchmarks: `cargo bench --bench pipeline`. A plain harness (median of repeated runs),
//! not criterion: a dev-dependency would be compiled again by `cargo test --release` after
//! `cargo run --release` (issue #16), and docket keeps none.
//!
//! - `check/1000-meetings`: load and check 1,000 copies of the example meeting (target < 1 s).
//! - `agenda/warm-varied`: compile + export the seed agenda with a different title each time:
//!   what a meeting costs when it shares the rest with the one before (the templates keep
//!   per-meeting values out of the style chain, so typst reuses the layout of all the rest).
//! - `agenda/warm-same`: the same agenda again (what a rebuild of unchanged input costs).

use std::path::Path;

use std::time::{Duration, Instant};

use docket::model::valid::validate;
use docket::pipeline::{self, BuildOptions, Prepared};
use docket::render::agenda;
use docket::render::view::meeting_view;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/meetings/igf-2024-oc2-mag/meeting.yaml"
);

fn thousand_meetings(dir: &Path) {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    for i in 0..1000 {
        let folder = dir.join(format!("m{i:04}"));
        std::fs::create_dir_all(&folder).unwrap();
        let text = text.replace("id: igf-2024-oc2-mag", &format!("id: igf-2024-copy-{i}"));
        std::fs::write(folder.join("meeting.yaml"), text).unwrap();
    }
}

/// Median and fastest of `runs` timings of `f`, after one warm-up call.
fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], times[0])
}

fn report(name: &str, (median, min): (Duration, Duration)) {
    println!(
        "{name:<22} median {:8.2} ms   min {:8.2} ms",
        median.as_secs_f64() * 1000.0,
        min.as_secs_f64() * 1000.0
    );
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // cargo test --benches asks for a list; this bench has no named cases.
    }
    let dir = tempfile::tempdir().unwrap();
    thousand_meetings(dir.path());
    report(
        "check/1000-meetings",
        time(10, || {
            let checked = pipeline::check(dir.path(), &Default::default()).unwrap();
            assert_eq!(checked.loaded.meetings.len(), 1000);
        }),
    );

    let renderer = Prepared::new(&BuildOptions::default()).unwrap().renderer;
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let meeting = docket::load::yaml::parse(Path::new(EXAMPLE), &text).unwrap();
    let valid = validate(&meeting).unwrap();
    let normal = meeting_view(
        &valid,
        docket::render::view::locale::Locales::embedded().get_or_english("en"),
    );
    let stamp = valid.window.0;
    let mut n = 0u64;
    report(
        "agenda/warm-varied",
        time(50, || {
            n += 1;
            let mut m = normal.clone();
            m.title = format!("{} #{n}", m.title);
            let (pdf, diags) = agenda::render(&renderer.engine, &m, stamp, true);
            assert!(pdf.is_some(), "{diags:?}");
        }),
    );
    report(
        "agenda/warm-same",
        time(50, || {
            assert!(
                agenda::render(&renderer.engine, &normal, stamp, true)
                    .0
                    .is_some()
            );
        }),
    );
}
