//! Proposing `addresses` links: a desired output is matched to the sessions of its day whose
//! title and items share at least two content words with it ("Approve the list of workshops
//! under each theme" ~ "Plenary 1: Final Workshop Review and Approval"). Words are compared by
//! their first five letters, a crude stem that joins "approve"/"approval" and
//! "workshop"/"workshops". Every proposal is marked as such in the YAML for a person to confirm.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::Meeting;

const STOP: &[&str] = &[
    "the", "and", "for", "with", "from", "into", "under", "each", "their", "this", "that", "these",
    "how", "what", "all", "any", "of", "to", "on", "in", "a", "an", "by", "at", "as", "is", "are",
    "be", "can", "its", "igf", "2024", "2025",
];

fn stems(text: &str) -> BTreeSet<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '+')
        .filter(|w| w.len() > 2 && !STOP.contains(w))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// Output id -> sessions proposed (session id, shared stems), best first. Only for days within
/// `check`'s limits (a day beyond them fails check anyway, and outputs x rows grows as a
/// square: 4,000 of each took minutes).
pub fn propose(meeting: &Meeting) -> BTreeMap<String, Vec<(String, Vec<String>)>> {
    use crate::check::limits::{MAX_OUTPUTS, MAX_SESSIONS};
    let mut out = BTreeMap::new();
    for day in &meeting.days {
        if day.desired_outputs.len() > MAX_OUTPUTS || day.sessions.len() > MAX_SESSIONS {
            continue;
        }
        // Each row's stems once, not once per output.
        let rows: Vec<(String, BTreeSet<String>)> = day
            .sessions
            .iter()
            .filter_map(|s| {
                let id = s.id.as_ref()?.value.clone();
                let text = format!(
                    "{} {}",
                    s.title.clone().unwrap_or_default(),
                    s.items.join(" ")
                );
                Some((id, stems(&text)))
            })
            .collect();
        for o in &day.desired_outputs {
            let want = stems(&o.text);
            let mut found: Vec<(usize, String, Vec<String>)> = rows
                .iter()
                .filter_map(|(id, have)| {
                    let shared: Vec<String> = have.intersection(&want).cloned().collect();
                    (shared.len() >= 2).then_some((shared.len(), id.clone(), shared))
                })
                .collect();
            found.sort_by_key(|f| std::cmp::Reverse(f.0));
            if !found.is_empty() {
                out.insert(
                    o.id.value.clone(),
                    found
                        .into_iter()
                        .map(|(_, id, shared)| (id, shared))
                        .collect(),
                );
            }
        }
    }
    out
}
