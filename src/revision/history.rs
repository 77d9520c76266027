//! Following sessions through the issued revisions, for the calendar: each session keeps the
//! UID it was first issued with (so a row without an id keeps it when retitled or moved), its
//! SEQUENCE is the revision in which it last changed, and a session dropped along the way is
//! remembered to be sent as cancelled.

use std::collections::BTreeMap;

use super::diff::{match_sessions, placed, row_changed};
use super::{Issued, SnapSession, Snapshot};

/// Where each session of the newest snapshot comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    /// By key in the newest snapshot: (the key it was first issued with, revision of its last
    /// change).
    pub sessions: BTreeMap<String, (String, u32)>,
    /// Events dropped: (first key, revision that dropped it, the session as last issued), for
    /// rows removed and for rows that stopped being timed sessions; at most one per key, and
    /// none for a row that is a timed session again.
    pub cancelled: Vec<(String, u32, SnapSession)>,
    /// The revision in which the meeting's title or dates last changed (its all-day event).
    pub meeting: u32,
}

/// Whether a row is an event in the calendar.
fn is_event(s: &SnapSession) -> bool {
    s.kind == crate::model::SessionKind::Session && s.time.is_some()
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
            if old.title != new.title
                || old
                    .days
                    .iter()
                    .map(|d| &d.date)
                    .ne(new.days.iter().map(|d| &d.date))
            {
                history.meeting = rev;
            }
            for (j, &(_, _, s)) in b.iter().enumerate() {
                next.push(match pairs.iter().find(|p| p.1 == j) {
                    Some(&(i, _)) => {
                        let (uid, seq) = prev[i].clone();
                        let o = a[i].2;
                        if is_event(o) && !is_event(s) {
                            history.cancelled.push((uid.clone(), rev, o.clone()));
                        }
                        let changed = row_changed(old, a[i], new, b[j]);
                        (uid, if changed { rev } else { seq })
                    }
                    None => (s.key.clone(), rev),
                });
            }
            for (i, &(_, _, o)) in a.iter().enumerate() {
                if !pairs.iter().any(|p| p.0 == i) && is_event(o) {
                    history.cancelled.push((prev[i].0.clone(), rev, o.clone()));
                }
            }
            prev = next;
        }
        let last = chain.last().map_or(first, |c| c.1);
        let last_rows = placed(last);
        // An event live again is not cancelled; an event cancelled twice is sent once, as of
        // the latest revision.
        let live: Vec<&str> = last_rows
            .iter()
            .zip(&prev)
            .filter(|(p, _)| is_event(p.2))
            .map(|(_, (uid, _))| uid.as_str())
            .collect();
        let mut cancelled: Vec<(String, u32, SnapSession)> = Vec::new();
        for c in std::mem::take(&mut history.cancelled).into_iter().rev() {
            if !live.contains(&c.0.as_str()) && !cancelled.iter().any(|x| x.0 == c.0) {
                cancelled.push(c);
            }
        }
        cancelled.reverse();
        history.cancelled = cancelled;
        history.sessions = last_rows
            .iter()
            .zip(prev)
            .map(|(p, v)| (p.2.key.clone(), v))
            .collect();
        history
    }
}

#[cfg(test)]
mod tests {
    use super::super::{SnapDay, SnapSession, Snapshot};
    use super::*;

    fn row(key: &str, time: Option<&str>) -> SnapSession {
        SnapSession {
            key: key.into(),
            id: Some(key.into()),
            kind: crate::model::SessionKind::Session,
            time: time.map(Into::into),
            start_utc: time.map(|_| "2024-06-26T08:00:00Z".into()),
            end_utc: time.map(|_| "2024-06-26T09:00:00Z".into()),
            title: key.to_uppercase(),
            continues: None,
            items: vec![],
            interventions: vec![],
        }
    }

    fn snap(rows: Vec<SnapSession>) -> Snapshot {
        Snapshot {
            title: "M".into(),
            days: vec![SnapDay {
                date: "2024-06-26".into(),
                part: "P".into(),
                audience: None,
                room: None,
                sessions: rows,
                outputs: vec![],
            }],
            inputs: vec![],
        }
    }

    fn issued(revision: u32, snapshot: Snapshot) -> Issued {
        Issued {
            format: super::super::ISSUED_FORMAT,
            revision,
            date: "2024-06-10".into(),
            note: None,
            snapshot,
        }
    }

    #[test]
    fn a_row_added_back_is_live_not_cancelled() {
        let t = Some("10:00-11:00");
        let revisions = [
            issued(0, snap(vec![row("a", t), row("b", t)])),
            issued(1, snap(vec![row("a", t)])),
        ];
        let h = History::new(&revisions, &snap(vec![row("a", t), row("b", t)]));
        assert!(h.cancelled.is_empty(), "{:?}", h.cancelled);
        assert_eq!(h.sessions["b"], ("b".to_owned(), 2));
        assert_eq!(h.sessions["a"], ("a".to_owned(), 0));
    }

    #[test]
    fn a_row_that_loses_its_time_is_cancelled_once() {
        let t = Some("10:00-11:00");
        let revisions = [issued(0, snap(vec![row("a", t)]))];
        let h = History::new(&revisions, &snap(vec![row("a", None)]));
        assert_eq!(h.cancelled.len(), 1);
        assert_eq!((h.cancelled[0].0.as_str(), h.cancelled[0].1), ("a", 1));
    }
}
