//! A bounded property test of the YAML loader (issue #11): thousands of mutations of the
//! example meeting and outcomes go through parse, check, validate and the views, and none may
//! panic. Deterministic (a fixed xorshift seed), so a failure names the case that broke it.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use docket::check::{CheckOptions, check_meeting};
use docket::load::{LoadedMeeting, LoadedOutcomes, yaml};
use docket::model::Meeting;
use docket::model::outcomes::Outcomes;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const JUNK: &[&str] = &[
    ":",
    ": ",
    "{",
    "}",
    "[",
    "]",
    "- ",
    "&a ",
    "*a",
    "!!str ",
    "|",
    ">",
    "'",
    "\"",
    "%",
    "@",
    "`",
    "\t",
    "\n",
    "#",
    "\u{0}",
    "\u{b}",
    "\u{feff}",
    "é",
    "ع",
    "中",
    "09:30",
    "25:99",
    "2024-02-30",
    "Europe/Nowhere",
    "null",
    "~",
    "yes",
    "NO",
    "1e999",
    "-",
    "  ",
    "? ",
];

/// One mutation of `text`.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for _ in 0..1 + rng.below(4) {
        let n = lines.len().max(1);
        match rng.below(7) {
            0 if !lines.is_empty() => {
                lines.remove(rng.below(n));
            }
            1 if !lines.is_empty() => {
                let l = lines[rng.below(n)].clone();
                lines.insert(rng.below(n), l);
            }
            2 if lines.len() > 1 => {
                let (a, b) = (rng.below(n), rng.below(n));
                lines.swap(a, b);
            }
            3 if !lines.is_empty() => {
                let i = rng.below(n);
                let at = rng.below(lines[i].len() + 1);
                let at = (0..=at)
                    .rev()
                    .find(|&k| lines[i].is_char_boundary(k))
                    .unwrap_or(0);
                lines[i].insert_str(at, JUNK[rng.below(JUNK.len())]);
            }
            4 if !lines.is_empty() => {
                let i = rng.below(n);
                let cut = rng.below(lines[i].len() + 1);
                let cut = (0..=cut)
                    .rev()
                    .find(|&k| lines[i].is_char_boundary(k))
                    .unwrap_or(0);
                lines[i].truncate(cut);
            }
            5 if !lines.is_empty() => {
                let i = rng.below(n);
                lines[i] = format!("{}{}", " ".repeat(rng.below(6)), lines[i].trim_start());
            }
            _ => lines.truncate(rng.below(n + 1)),
        }
    }
    lines.join("\n")
}

/// Everything after loading, as `build` would run it short of rendering.
fn run(meeting_text: &str, outcomes_text: &str) {
    let file = Path::new("meetings/fuzz/meeting.yaml");
    let Ok(meeting) = yaml::parse::<Meeting>(file, meeting_text) else {
        return;
    };
    let outcomes_file = Path::new("meetings/fuzz/outcomes.yaml");
    let outcomes = yaml::parse::<Outcomes>(outcomes_file, outcomes_text)
        .ok()
        .map(|outcomes| LoadedOutcomes {
            file: outcomes_file.into(),
            outcomes,
            text: outcomes_text.into(),
        });
    let loaded = LoadedMeeting {
        dir: "meetings/fuzz".into(),
        file: file.into(),
        meeting,
        meeting_text: meeting_text.into(),
        inputs: Vec::new(),
        outcomes,
        translations: Vec::new(),
        issued: Vec::new(),
        issued_texts: Vec::new(),
    };
    let options = CheckOptions {
        final_: true,
        today: jiff::civil::Date::constant(2024, 7, 1),
    };
    let diagnostics = check_meeting(&loaded, &options);
    // What check passes must validate and build its views.
    let errors = diagnostics
        .iter()
        .any(|d| d.severity == docket::diag::Severity::Error && d.file == file);
    if !errors {
        let valid = docket::model::valid::validate(&loaded.meeting)
            .unwrap_or_else(|why| panic!("check passed but validate failed: {why}"));
        let locale = docket::render::view::locale::Locales::embedded().get_or_english("en");
        let view = docket::render::view::meeting_view(&valid, locale);
        let _ = docket::render::view::followup::follow_up(
            &view,
            loaded.outcomes.as_ref().map(|o| &o.outcomes),
            locale,
        );
    }
}

#[test]
fn mutated_meetings_never_panic() {
    let root = common::root().join("meetings/igf-2024-oc2-mag");
    let meeting = std::fs::read_to_string(root.join("meeting.yaml")).unwrap();
    let outcomes = std::fs::read_to_string(root.join("outcomes.yaml")).unwrap();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let started = Instant::now();
    let mut cases = 0;
    // At most 4,000 cases or 20 s, whichever comes first, so CI time stays bounded.
    while cases < 4_000 && started.elapsed() < Duration::from_secs(20) {
        let (m, o) = if rng.below(3) == 0 {
            (meeting.clone(), mutate(&mut rng, &outcomes))
        } else {
            (mutate(&mut rng, &meeting), outcomes.clone())
        };
        let result = std::panic::catch_unwind(|| run(&m, &o));
        assert!(result.is_ok(), "case {cases} panicked on:\n{m}\n---\n{o}");
        cases += 1;
    }
    assert!(cases >= 500, "only {cases} cases ran");
}

#[test]
fn deep_nesting_and_alias_bombs_are_errors_not_crashes() {
    let deep = format!("id: {}x{}\n", "[".repeat(100_000), "]".repeat(100_000));
    assert!(yaml::parse::<Meeting>(Path::new("deep.yaml"), &deep).is_err());
    let deep_map = format!("{}x: 1\n", "a:\n ".repeat(20_000));
    assert!(yaml::parse::<Meeting>(Path::new("deep.yaml"), &deep_map).is_err());
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let prev = format!("*a{}", i - 1);
        bomb += &format!("a{i}: &a{i} [{}]\n", [prev.as_str(); 9].join(", "));
    }
    let started = Instant::now();
    assert!(yaml::parse::<Meeting>(Path::new("bomb.yaml"), &bomb).is_err());
    assert!(started.elapsed() < Duration::from_secs(2));
}
