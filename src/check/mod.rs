//! Checks: named rules over loaded meetings, returning diagnostics and never stopping early.
//!
//! Each rule lives in the module for its concern and reports through `Ctx`. Rules assume only
//! what the parser guarantees (the types), never that another rule passed, so every problem in a
//! meeting is reported in one run.

mod days;
pub(crate) mod ids;
mod inputs;
pub mod limits;
mod outcomes;
mod revisions;
mod text;
mod times;
mod tracking;
mod translations;

pub use ids::is_slug;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{Diagnostic, Rule};
use crate::load::LoadedMeeting;
use crate::model::{Meeting, Pos};

/// What a rule sees: the meeting, its file, and where to report.
pub(crate) struct Ctx<'a> {
    pub(crate) file: &'a Path,
    pub(crate) meeting: &'a Meeting,
    pub(crate) out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    pub(crate) fn report(
        &mut self,
        rule: Rule,
        pos: Pos,
        message: String,
        hint: impl Into<String>,
    ) {
        self.out
            .push(Diagnostic::new(rule, self.file, pos, message).hint(hint));
    }
}

/// What the checks need besides the meetings.
#[derive(Clone, Copy, Debug)]
pub struct CheckOptions {
    /// Missing or pending outcomes are errors (what a rapporteur runs before publishing).
    pub final_: bool,
    /// Today's date, read at the edge; outcomes are expected after a meeting's last day.
    pub today: jiff::civil::Date,
}

impl Default for CheckOptions {
    fn default() -> Self {
        Self {
            final_: false,
            today: jiff::civil::Date::constant(1970, 1, 1),
        }
    }
}

/// Runs every per-meeting rule over one loaded meeting.
pub fn check_meeting(loaded: &LoadedMeeting, options: &CheckOptions) -> Vec<Diagnostic> {
    let mut ctx = Ctx {
        file: &loaded.file,
        meeting: &loaded.meeting,
        out: Vec::new(),
    };
    // Limits first: a meeting over them is reported as such and not checked further, since
    // some rules (continues chains, "did you mean" lists) cost more than linear time and a
    // 10 MB file of rows would never finish.
    limits::check(&mut ctx, &loaded.meeting_text);
    let texts = text::check(&loaded.file, &loaded.meeting_text, &loaded.meeting);
    let over = |d: &Diagnostic| d.code == Rule::TooMany.code();
    if ctx.out.iter().any(over) || texts.iter().any(over) {
        let mut out = ctx.out;
        out.extend(texts);
        return out;
    }
    ids::check(&mut ctx);
    tracking::check(&mut ctx);
    times::check(&mut ctx);
    days::check(&mut ctx);
    inputs::check(&mut ctx, &loaded.inputs);
    let mut out = ctx.out;
    out.extend(texts);
    if let Some(o) = &loaded.outcomes {
        out.extend(text::check(&o.file, &o.text, &o.outcomes));
    }
    out.extend(outcomes::check(loaded, options));
    out.extend(translations::check(loaded, options));
    out.extend(revisions::check(loaded));
    out
}

/// Rules across meetings: two meetings may not share an id (their outputs would collide).
/// Takes each meeting's id and file, in path order.
pub fn check_across<'a>(
    meetings: impl IntoIterator<Item = (&'a crate::model::At<String>, &'a Path)>,
) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, &Path> = BTreeMap::new();
    let mut out = Vec::new();
    for (id, file) in meetings {
        match first.get(id.value.as_str()) {
            Some(prev) => out.push(
                Diagnostic::new(
                    Rule::DuplicateId,
                    file,
                    id.pos,
                    format!(
                        "meeting id `{}` is already used by {}",
                        id.value,
                        prev.display()
                    ),
                )
                .hint("give each meeting its own id; it names the output folder"),
            ),
            None => {
                first.insert(&id.value, file);
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for rule tests: a meeting from YAML text, checked in memory.

    use std::path::Path;

    use crate::diag::Diagnostic;
    use crate::load::{LoadedMeeting, yaml};
    use crate::model::Meeting;

    /// A minimal valid meeting; tests edit it with `str::replace`.
    pub(crate) const BASE: &str = "\
id: test-meeting
title: Test meeting
series: IGF 2024
host: IGF Secretariat
venue: Geneva
time_zone: Europe/Zurich
local_time_label: CEST
window:
  start: 2024-06-26T08:00:00Z
  end: 2024-06-27T16:00:00Z
days:
  - date: 2024-06-26
    part: Open Consultations
    sessions:
      - id: s1
        time: 10:30-12:30
        title: Opening
        addresses: [o1]
      - time: 13:00-15:00
        title: LUNCH BREAK
        kind: break
      - id: s2
        time: 15:00-16:00
        title: Plenary
    desired_outputs:
      - id: o1
        text: Open the meeting
  - date: 2024-06-27
    part: MAG Meeting
    sessions:
      - id: s3
        time: 10:00-11:00
        title: Plenary (cont.)
        continues: s2
        addresses: [o2]
    desired_outputs:
      - id: o2
        text: Close the meeting
";

    /// Checks `text` as a meeting with no input documents on disk.
    pub(crate) fn check(text: &str) -> Vec<Diagnostic> {
        let file = Path::new("meetings/t/meeting.yaml");
        let meeting: Meeting = yaml::parse(file, text).unwrap_or_else(|d| panic!("{d:?}"));
        let loaded = LoadedMeeting {
            dir: "meetings/t".into(),
            file: file.into(),
            meeting,
            meeting_text: text.to_owned(),
            inputs: Vec::new(),
            outcomes: None,
            translations: vec![],
            issued: Vec::new(),
            issued_texts: Vec::new(),
        };
        super::check_meeting(&loaded, &super::CheckOptions::default())
    }

    /// The codes of the diagnostics for `text`, without info notes.
    pub(crate) fn codes(text: &str) -> Vec<&'static str> {
        check(text)
            .into_iter()
            .filter(|d| d.severity > crate::diag::Severity::Info)
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn the_base_meeting_is_clean() {
        assert_eq!(codes(BASE), Vec::<&str>::new());
    }
}
