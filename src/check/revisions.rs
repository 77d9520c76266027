//! Issued revisions: a definition that differs from its last issued revision is noted, so the
//! secretariat knows its documents say "Draft" until `docket issue` is run.

use crate::diag::{Diagnostic, Rule};
use crate::load::LoadedMeeting;
use crate::model::Pos;
use crate::revision;

/// An info note when the meeting changed since its last issued revision.
pub(crate) fn check(m: &LoadedMeeting) -> Vec<Diagnostic> {
    let Some(last) = m.issued.last() else {
        return Vec::new();
    };
    let Some(current) = revision::current(m) else {
        return Vec::new(); // the errors are reported; compare once they are fixed
    };
    let changes = revision::diff(&last.snapshot, &current);
    if changes.is_empty() {
        return Vec::new();
    }
    let next = last.revision + 1;
    vec![
        Diagnostic::new(
            Rule::ChangedSinceIssued,
            &m.file,
            Pos::new(1, 1),
            format!(
                "changed since {} of {} ({} change{}): documents say Draft",
                revision::label(last.revision),
                last.date,
                changes.len(),
                if changes.len() == 1 { "" } else { "s" }
            ),
        )
        .hint(format!(
            "run `docket issue {}` to issue {}; `docket diff {}` lists the changes",
            m.dir.display(),
            revision::label(next),
            m.dir.display()
        )),
    ]
}
