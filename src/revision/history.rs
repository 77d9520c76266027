//! Following sessions through the issued revisions, for the calendar: each session keeps the
//! UID it was first issued with (so a row without an id keeps it when retitled or moved), its
//! SEQUENCE is the revision in which it last changed, and a session dropped along the way is
//! remembered to be sent as cancelled.

use std::collections::BTreeMap;

use super::diff::{match_sessions, placed};
use super::{Issued, SnapSession, Snapshot};

/// Where each session of the newest snapshot comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    /// By key in the newest snapshot: (the key it was first issued with, revision of its last
    /// change).
    pub sessions: BTreeMap<String, (String, u32)>,
    /// Sessions dropped: (first key, revision that dropped it, the session as last issued).
    pub cancelled: Vec<(String, u32, SnapSession)>,
}

impl History {
    /// Follows the sessions of `revisions` (in order) to `current`; a `current` that differs
    /// from the last revision counts as the next one (a draft).
    pub fn new(revisions: &[Issued], current: &Snapshot) -> Self {
        let mut chain: Vec<(u32, &Snapshot)> = revisions
            .iter()
            .map(|r| (r.revision, &r.snapshot))
            .collect();
        match revisions.last() {
            Some(last) if last.snapshot != *current => chain.push((last.revision + 1, current)),
            None => chain.push((0, current)),
            Some(_) => {}
        }
        let mut history = History::default();
        let Some(&(first_rev, first)) = chain.first() else {
            return history;
        };
        // (first key, revision of last change) of each session of the previous snapshot.
        let mut prev: Vec<(String, u32)> = placed(first)
            .iter()
            .map(|p| (p.2.key.clone(), first_rev))
            .collect();
        for pair in chain.windows(2) {
            let ((_, old), (rev, new)) = (pair[0], pair[1]);
            let (a, b) = (placed(old), placed(new));
            let pairs = match_sessions(&a, &b);
            let mut next = Vec::with_capacity(b.len());
            for (j, &(d, _, s)) in b.iter().enumerate() {
                next.push(match pairs.iter().find(|p| p.1 == j) {
                    Some(&(i, _)) => {
                        let (od, _, o) = a[i];
                        let changed = old.days[od].date != new.days[d].date
                            || o.time != s.time
                            || o.title != s.title
                            || o.items != s.items
                            || o.interventions != s.interventions;
                        let (uid, seq) = prev[i].clone();
                        (uid, if changed { rev } else { seq })
                    }
                    None => (s.key.clone(), rev),
                });
            }
            for (i, &(_, _, o)) in a.iter().enumerate() {
                if !pairs.iter().any(|p| p.0 == i) {
                    history.cancelled.push((prev[i].0.clone(), rev, o.clone()));
                }
            }
            prev = next;
        }
        let last = chain.last().map_or(first, |c| c.1);
        history.sessions = placed(last)
            .iter()
            .zip(prev)
            .map(|(p, v)| (p.2.key.clone(), v))
            .collect();
        history
    }
}
