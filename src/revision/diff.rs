//! Comparing two snapshots: sessions are matched by id, then by key, then by title, then by
//! position on their day, so a row without an id that only moved shows as moved, not as
//! removed and added; each difference of a matched pair is one [`Change`].

use serde::Serialize;

use super::{SnapSession, Snapshot};

/// What changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// A session that was not there.
    SessionAdded,
    /// A session that is gone.
    SessionRemoved,
    /// A session on another day.
    SessionMoved,
    /// A session at another time on its day.
    SessionRetimed,
    /// A session with another title.
    SessionRetitled,
    /// A session of another kind (session, break, segment), continuing another session, or at
    /// other UTC instants for the same local time (the zone changed).
    SessionChanged,
    /// A session's items or interventions in another order.
    ListReordered,
    /// The meeting's title.
    MeetingRetitled,
    /// An item added to a session.
    ItemAdded,
    /// An item removed from a session.
    ItemRemoved,
    /// An intervention added to a session.
    InterventionAdded,
    /// An intervention removed from a session.
    InterventionRemoved,
    /// A desired output that was not there.
    OutputAdded,
    /// A desired output that is gone.
    OutputRemoved,
    /// A desired output with other words.
    OutputReworded,
    /// A desired output addressed by other sessions.
    OutputRelinked,
    /// A day's room changed.
    RoomChanged,
    /// A day's part changed.
    PartChanged,
    /// An input document that was not there.
    InputAdded,
    /// An input document that is gone.
    InputRemoved,
    /// An input document whose bytes changed.
    InputChanged,
    /// An input document with another title.
    InputRetitled,
    /// Rows, desired outputs or input documents in another order, and nothing else.
    Rearranged,
}

/// One change between two snapshots.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// The session's key (in the newer snapshot, else the older), the desired output's id or
    /// the input document's path.
    pub subject: String,
    /// Its title or text, as printed.
    pub title: String,
    /// 1-based day number in the newer snapshot (the older for what was removed); 0 for what
    /// belongs to no day.
    pub day: usize,
    /// That day's date, ISO ("" for what belongs to no day).
    pub date: String,
    /// The value before, where there is one ("Day 3, 15:00-16:00").
    pub before: Option<String>,
    /// The value after.
    pub after: Option<String>,
}

/// A session with where it is: (day index, index in day, session).
pub(crate) type Placed<'a> = (usize, usize, &'a SnapSession);

/// A way of deciding that an older and a newer row are the same session.
type SameRow = dyn Fn(&Placed<'_>, &Placed<'_>) -> bool;

pub(crate) fn placed(s: &Snapshot) -> Vec<Placed<'_>> {
    s.days
        .iter()
        .enumerate()
        .flat_map(|(d, day)| day.sessions.iter().enumerate().map(move |(i, x)| (d, i, x)))
        .collect()
}

/// Two rows with different ids are different sessions, whatever else they share.
fn ids_allow(a: &Placed<'_>, b: &Placed<'_>) -> bool {
    a.2.id.is_none() || b.2.id.is_none()
}

/// The same kind and name (the title, or the items of a row that has none).
fn same_name(a: &Placed<'_>, b: &Placed<'_>) -> bool {
    a.2.kind == b.2.kind && {
        let name = a.2.name();
        !name.is_empty() && name == b.2.name()
    }
}

/// The same day and time.
fn same_time(a: &Placed<'_>, b: &Placed<'_>) -> bool {
    a.0 == b.0 && a.2.time == b.2.time
}

/// Pairs of (index in `old`, index in `new`) of the sessions that are the same row.
pub(crate) fn match_sessions(old: &[Placed<'_>], new: &[Placed<'_>]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut used_old = vec![false; old.len()];
    let mut used_new = vec![false; new.len()];
    let rules: [&SameRow; 6] = [
        &|a, b| a.2.id.is_some() && a.2.id == b.2.id,
        // Two rows of the same title on a day have keys told apart by a counter, which shifts
        // when one goes: a key counts first where the time agrees too.
        &|a, b| a.2.key == b.2.key && same_time(a, b) && ids_allow(a, b),
        &|a, b| same_name(a, b) && same_time(a, b) && ids_allow(a, b),
        &|a, b| a.2.key == b.2.key && ids_allow(a, b),
        &|a, b| same_name(a, b) && ids_allow(a, b),
        &|a, b| a.0 == b.0 && a.1 == b.1 && a.2.kind == b.2.kind && ids_allow(a, b),
    ];
    for rule in rules {
        for (j, b) in new.iter().enumerate() {
            if used_new[j] {
                continue;
            }
            // The nearest candidate: same day first, then by position.
            let best = old
                .iter()
                .enumerate()
                .filter(|(i, a)| !used_old[*i] && rule(a, b))
                .min_by_key(|(_, a)| (a.0 != b.0, a.1.abs_diff(b.1)))
                .map(|(i, _)| i);
            if let Some(i) = best {
                used_old[i] = true;
                used_new[j] = true;
                pairs.push((i, j));
            }
        }
    }
    pairs.sort_by_key(|&(_, j)| j);
    pairs
}

/// Where a row is: its date and time ("2024-06-28 14:00-14:45"), dates rather than day numbers
/// so that a meeting moved by a day reads as moved.
fn when(s: &Snapshot, day: usize, time: Option<&str>) -> String {
    let date = s.days.get(day).map_or("", |d| d.date.as_str());
    match time {
        Some(t) => format!("{date} {t}"),
        None => date.to_owned(),
    }
}

/// The differences of a matched pair of rows, except their day and time (for the calendar:
/// whether the event changed).
pub(crate) fn row_changed(old: &Snapshot, a: Placed<'_>, new: &Snapshot, b: Placed<'_>) -> bool {
    let (o, s) = (a.2, b.2);
    old.days[a.0].date != new.days[b.0].date
        || old.days[a.0].room != new.days[b.0].room
        || o.time != s.time
        || o.start_utc != s.start_utc
        || o.title != s.title
        || o.kind != s.kind
        || o.continues != s.continues
        || o.items != s.items
        || o.interventions != s.interventions
}

/// The changes from `old` to `new`, in agenda order of `new` (removals among their day's). It
/// is empty exactly when the two snapshots are equal.
pub fn diff(old: &Snapshot, new: &Snapshot) -> Vec<Change> {
    let (a, b) = (placed(old), placed(new));
    let pairs = match_sessions(&a, &b);
    let mut out = Vec::new();
    let change = |kind, s: &SnapSession, snap: &Snapshot, day: usize, before, after| Change {
        kind,
        subject: s.key.clone(),
        title: s.name(),
        day: day + 1,
        date: snap
            .days
            .get(day)
            .map(|d| d.date.clone())
            .unwrap_or_default(),
        before,
        after,
    };
    if old.title != new.title {
        out.push(Change {
            kind: ChangeKind::MeetingRetitled,
            subject: String::new(),
            title: new.title.clone(),
            day: 0,
            date: String::new(),
            before: Some(old.title.clone()),
            after: Some(new.title.clone()),
        });
    }
    // Where each old session went, to map output links and to place removals.
    let mut new_of_old = vec![None; a.len()];
    for &(i, j) in &pairs {
        new_of_old[i] = Some(j);
    }
    for (j, &(d, _, s)) in b.iter().enumerate() {
        let Some(&(i, _)) = pairs.iter().find(|(_, x)| *x == j) else {
            let at = Some(when(new, d, s.time.as_deref()));
            out.push(change(ChangeKind::SessionAdded, s, new, d, None, at));
            continue;
        };
        let (od, _, o) = a[i];
        let (was, now) = (
            when(old, od, o.time.as_deref()),
            when(new, d, s.time.as_deref()),
        );
        if old.days[od].date != new.days[d].date {
            out.push(change(
                ChangeKind::SessionMoved,
                s,
                new,
                d,
                Some(was),
                Some(now),
            ));
        } else if o.time != s.time {
            out.push(change(
                ChangeKind::SessionRetimed,
                s,
                new,
                d,
                o.time.clone(),
                s.time.clone(),
            ));
        }
        if o.title != s.title {
            let (before, after) = (Some(o.name()), Some(s.name()));
            out.push(change(
                ChangeKind::SessionRetitled,
                s,
                new,
                d,
                before,
                after,
            ));
        }
        let zone_moved = o.time == s.time && o.start_utc != s.start_utc;
        if o.kind != s.kind || o.continues != s.continues || zone_moved {
            out.push(change(ChangeKind::SessionChanged, s, new, d, None, None));
        }
        let mut reordered = false;
        for (kind_add, kind_rm, before, after) in [
            (
                ChangeKind::ItemAdded,
                ChangeKind::ItemRemoved,
                &o.items,
                &s.items,
            ),
            (
                ChangeKind::InterventionAdded,
                ChangeKind::InterventionRemoved,
                &o.interventions,
                &s.interventions,
            ),
        ] {
            let added: Vec<&String> = after.iter().filter(|x| !before.contains(x)).collect();
            let removed: Vec<&String> = before.iter().filter(|x| !after.contains(x)).collect();
            for x in &added {
                out.push(change(kind_add, s, new, d, None, Some((*x).clone())));
            }
            for x in &removed {
                out.push(change(kind_rm, s, new, d, Some((*x).clone()), None));
            }
            reordered |= added.is_empty() && removed.is_empty() && before != after;
        }
        if reordered {
            out.push(change(ChangeKind::ListReordered, s, new, d, None, None));
        }
    }
    for (i, &(d, _, s)) in a.iter().enumerate() {
        if new_of_old[i].is_none() {
            let was = Some(when(old, d, s.time.as_deref()));
            out.push(change(ChangeKind::SessionRemoved, s, old, d, was, None));
        }
    }
    // Sessions in day order, a removed one among its day's (the sort is stable).
    out.sort_by_key(|c| c.day);
    out.extend(output_changes(old, new, &a, &b, &new_of_old));
    out.extend(day_changes(old, new));
    out.extend(input_changes(old, new));
    if out.is_empty() && old != new {
        out.push(Change {
            kind: ChangeKind::Rearranged,
            subject: String::new(),
            title: new.title.clone(),
            day: 0,
            date: String::new(),
            before: None,
            after: None,
        });
    }
    out
}

/// Desired outputs, matched by id. A link counts as changed only between sessions present on
/// both sides, so removing a session is one change, not one more per output it addressed.
fn output_changes(
    old: &Snapshot,
    new: &Snapshot,
    a: &[Placed<'_>],
    b: &[Placed<'_>],
    new_of_old: &[Option<usize>],
) -> Vec<Change> {
    let mut out = Vec::new();
    let outputs = |s: &Snapshot| -> Vec<(usize, super::SnapOutput)> {
        s.days
            .iter()
            .enumerate()
            .flat_map(|(d, day)| day.outputs.iter().map(move |o| (d, o.clone())))
            .collect()
    };
    let (olds, news) = (outputs(old), outputs(new));
    let date = |s: &Snapshot, d: usize| s.days.get(d).map(|x| x.date.clone()).unwrap_or_default();
    let change = |kind, d: usize, date: String, o: &super::SnapOutput, before, after| Change {
        kind,
        subject: o.id.clone(),
        title: o.text.clone(),
        day: d + 1,
        date,
        before,
        after,
    };
    for (d, n) in &news {
        let Some((_, o)) = olds.iter().find(|(_, o)| o.id == n.id) else {
            out.push(change(
                ChangeKind::OutputAdded,
                *d,
                date(new, *d),
                n,
                None,
                Some(n.text.clone()),
            ));
            continue;
        };
        if o.text != n.text {
            out.push(change(
                ChangeKind::OutputReworded,
                *d,
                date(new, *d),
                n,
                Some(o.text.clone()),
                Some(n.text.clone()),
            ));
        }
        // Old links, carried to the new keys of sessions that still exist.
        let carried: Vec<&str> = o
            .addressed_by
            .iter()
            .filter_map(|k| a.iter().position(|x| x.2.key == *k))
            .filter_map(|i| new_of_old[i])
            .map(|j| b[j].2.key.as_str())
            .collect();
        let kept: Vec<&str> = n
            .addressed_by
            .iter()
            .map(String::as_str)
            .filter(|k| {
                b.iter()
                    .position(|x| x.2.key == *k)
                    .is_some_and(|j| new_of_old.contains(&Some(j)))
            })
            .collect();
        let mut c = carried.clone();
        let mut k = kept.clone();
        c.sort_unstable();
        k.sort_unstable();
        if c != k {
            let title = |keys: &[&str]| {
                keys.iter()
                    .filter_map(|key| b.iter().find(|x| x.2.key == *key))
                    .map(|x| x.2.name())
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            out.push(change(
                ChangeKind::OutputRelinked,
                *d,
                date(new, *d),
                n,
                Some(title(&carried)),
                Some(title(&kept)),
            ));
        }
    }
    for (d, o) in &olds {
        if !news.iter().any(|(_, n)| n.id == o.id) {
            out.push(change(
                ChangeKind::OutputRemoved,
                *d,
                date(old, *d),
                o,
                Some(o.text.clone()),
                None,
            ));
        }
    }
    out
}

/// Rooms and parts of days with the same date.
fn day_changes(old: &Snapshot, new: &Snapshot) -> Vec<Change> {
    let mut out = Vec::new();
    for (d, n) in new.days.iter().enumerate() {
        let Some(o) = old.days.iter().find(|o| o.date == n.date) else {
            continue;
        };
        let day = |kind, before: Option<String>, after: Option<String>| Change {
            kind,
            subject: n.date.clone(),
            title: n.part.clone(),
            day: d + 1,
            date: n.date.clone(),
            before,
            after,
        };
        if o.room != n.room {
            out.push(day(ChangeKind::RoomChanged, o.room.clone(), n.room.clone()));
        }
        if o.part != n.part {
            out.push(day(
                ChangeKind::PartChanged,
                Some(o.part.clone()),
                Some(n.part.clone()),
            ));
        }
    }
    out
}

/// Input documents, by path and hash.
fn input_changes(old: &Snapshot, new: &Snapshot) -> Vec<Change> {
    let mut out = Vec::new();
    let input =
        |kind, i: &super::SnapInput, before: Option<String>, after: Option<String>| Change {
            kind,
            subject: i.file.clone(),
            title: i.title.clone(),
            day: 0,
            date: String::new(),
            before,
            after,
        };
    for n in &new.inputs {
        match old.inputs.iter().find(|o| o.file == n.file) {
            None => out.push(input(
                ChangeKind::InputAdded,
                n,
                None,
                Some(n.sha256.clone()),
            )),
            Some(o) if o.sha256 != n.sha256 => out.push(input(
                ChangeKind::InputChanged,
                n,
                Some(o.sha256.clone()),
                Some(n.sha256.clone()),
            )),
            Some(o) if o.title != n.title => out.push(input(
                ChangeKind::InputRetitled,
                n,
                Some(o.title.clone()),
                Some(n.title.clone()),
            )),
            Some(_) => {}
        }
    }
    for o in &old.inputs {
        if !new.inputs.iter().any(|n| n.file == o.file) {
            out.push(input(
                ChangeKind::InputRemoved,
                o,
                Some(o.sha256.clone()),
                None,
            ));
        }
    }
    out
}

/// The sessions `changes` touch, by key in the newer snapshot.
pub fn touched(changes: &[Change]) -> Vec<&str> {
    changes
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                ChangeKind::SessionAdded
                    | ChangeKind::SessionMoved
                    | ChangeKind::SessionRetimed
                    | ChangeKind::SessionRetitled
                    | ChangeKind::SessionChanged
                    | ChangeKind::ListReordered
                    | ChangeKind::ItemAdded
                    | ChangeKind::ItemRemoved
                    | ChangeKind::InterventionAdded
                    | ChangeKind::InterventionRemoved
            )
        })
        .map(|c| c.subject.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{SnapDay, SnapOutput};
    use super::*;

    fn session(key: &str, id: Option<&str>, time: &str, title: &str) -> SnapSession {
        SnapSession {
            key: key.into(),
            id: id.map(Into::into),
            kind: Default::default(),
            time: Some(time.into()),
            start_utc: None,
            end_utc: None,
            title: title.into(),
            continues: None,
            items: vec![],
            interventions: vec![],
        }
    }

    fn snap(days: Vec<Vec<SnapSession>>) -> Snapshot {
        Snapshot {
            title: "M".into(),
            days: days
                .into_iter()
                .enumerate()
                .map(|(i, sessions)| SnapDay {
                    date: format!("2024-06-2{}", 6 + i),
                    part: "P".into(),
                    audience: None,
                    room: None,
                    outputs: vec![SnapOutput {
                        id: format!("o{i}"),
                        text: "Out".into(),
                        addressed_by: sessions.iter().take(1).map(|s| s.key.clone()).collect(),
                    }],
                    sessions,
                })
                .collect(),
            inputs: vec![],
        }
    }

    #[test]
    fn a_row_without_an_id_that_moved_is_one_move() {
        let old = snap(vec![
            vec![
                session("row:a", None, "10:00-11:00", "Opening"),
                session("row:b", None, "11:00-12:00", "Talk"),
            ],
            vec![session("row:c", None, "10:00-11:00", "Close")],
        ]);
        // "Talk" moves to day 2: its content key changes with the day.
        let new = snap(vec![
            vec![session("row:a", None, "10:00-11:00", "Opening")],
            vec![
                session("row:c", None, "10:00-11:00", "Close"),
                session("row:b2", None, "11:00-12:00", "Talk"),
            ],
        ]);
        let kinds: Vec<_> = diff(&old, &new).into_iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [ChangeKind::SessionMoved]);
    }

    #[test]
    fn of_two_rows_of_one_title_the_one_removed_is_the_one_that_went() {
        let old = snap(vec![vec![
            session("row:h", None, "09:00-10:00", "Plenary"),
            session("row:h-2", None, "15:00-16:00", "Plenary"),
        ]]);
        let new = snap(vec![vec![session("row:h", None, "15:00-16:00", "Plenary")]]);
        let changes = diff(&old, &new);
        assert_eq!(changes.len(), 2, "{changes:?}");
        assert_eq!(changes[0].kind, ChangeKind::SessionRemoved);
        assert_eq!(changes[0].before.as_deref(), Some("2024-06-26 09:00-10:00"));
    }

    #[test]
    fn nothing_changed_is_exactly_equal_snapshots() {
        let old = snap(vec![vec![
            session("a", Some("a"), "09:00-10:00", "A"),
            session("b", None, "", "B"),
        ]]);
        let mut new = old.clone();
        new.days[0].sessions.swap(0, 1);
        assert_eq!(diff(&old, &old), vec![]);
        assert!(
            !diff(&old, &new).is_empty(),
            "a row order change is a change"
        );
        let mut items = old.clone();
        items.days[0].sessions[0].items = vec!["x".into(), "y".into()];
        let mut swapped = items.clone();
        swapped.days[0].sessions[0].items.reverse();
        let kinds: Vec<_> = diff(&items, &swapped).into_iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [ChangeKind::ListReordered]);
    }

    #[test]
    fn retimed_retitled_added_removed_by_id() {
        let old = snap(vec![vec![
            session("s1", Some("s1"), "10:00-11:00", "Opening"),
            session("s2", Some("s2"), "11:00-12:00", "Talk"),
        ]]);
        let new = snap(vec![vec![
            session("s1", Some("s1"), "09:00-10:00", "Welcome"),
            session("s3", Some("s3"), "11:00-12:00", "Panel"),
        ]]);
        let kinds: Vec<_> = diff(&old, &new).into_iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                ChangeKind::SessionRetimed,
                ChangeKind::SessionRetitled,
                ChangeKind::SessionAdded,
                ChangeKind::SessionRemoved
            ]
        );
    }
}
