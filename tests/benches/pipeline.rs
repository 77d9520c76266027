//! Benchmarks: `cargo bench --bench pipeline`.
//!
//! - `check/1000-meetings`: load and check 1,000 copies of the example meeting (target < 1 s).
//! - `agenda/warm-varied`: compile + export the seed agenda, with a different title each time so
//!   typst's memoisation cannot skip the work (target <= 25 ms).
//! - `agenda/warm-same`: the same agenda again (what a rebuild of unchanged input costs).

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
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

fn check(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    thousand_meetings(dir.path());
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function("1000-meetings", |b| {
        b.iter(|| {
            let checked = pipeline::check(dir.path(), &Default::default()).unwrap();
            assert_eq!(checked.loaded.meetings.len(), 1000);
        })
    });
    group.finish();
}

fn agenda_pdf(c: &mut Criterion) {
    let renderer = Prepared::new(&BuildOptions::default()).unwrap().renderer;
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let meeting = docket::load::yaml::parse(Path::new(EXAMPLE), &text).unwrap();
    let valid = validate(&meeting).unwrap();
    let normal = meeting_view(&valid);
    let stamp = valid.window.0;
    let mut group = c.benchmark_group("agenda");
    group.sample_size(50);
    let mut n = 0u64;
    group.bench_function("warm-varied", |b| {
        b.iter(|| {
            n += 1;
            let mut m = normal.clone();
            m.title = format!("{} #{n}", m.title);
            let (pdf, diags) = agenda::render(&renderer, &m, stamp, true);
            assert!(pdf.is_some(), "{diags:?}");
        })
    });
    group.bench_function("warm-same", |b| {
        b.iter(|| assert!(agenda::render(&renderer, &normal, stamp, true).0.is_some()))
    });
    group.finish();
}

criterion_group!(benches, check, agenda_pdf);
criterion_main!(benches);
