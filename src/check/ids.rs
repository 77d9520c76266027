//! Ids: well-formed, unique within the meeting, and every reference resolves.

use std::collections::BTreeMap;

use super::Ctx;
use crate::diag::Rule;
use crate::model::{At, Pos};

pub(super) fn check(ctx: &mut Ctx<'_>) {
    cycles(ctx);
    let meeting = ctx.meeting;
    let mut seen: BTreeMap<&str, Pos> = BTreeMap::new();
    let mut ids: Vec<(&At<String>, &str)> = vec![(&meeting.id, "meeting")];
    ids.extend(
        meeting
            .sessions()
            .filter_map(|(_, s)| s.id.as_ref().map(|id| (id, "session"))),
    );
    ids.extend(
        meeting
            .desired_outputs()
            .map(|(_, o)| (&o.id, "desired output")),
    );
    // The meeting id names its output folder: it must be one every common file system accepts,
    // and not the folder the yearly record lives in.
    if meeting.id.value.len() > MAX_MEETING_ID {
        ctx.report(
            Rule::BadId,
            meeting.id.pos,
            format!(
                "the meeting id is {} characters long; at most {MAX_MEETING_ID} are allowed",
                meeting.id.value.len()
            ),
            "shorten it: it becomes the output folder's name",
        );
    }
    if RESERVED_IDS.contains(&meeting.id.value.as_str()) {
        ctx.report(
            Rule::BadId,
            meeting.id.pos,
            format!("the meeting id `{}` is reserved", meeting.id.value),
            "`archive` is the yearly record's folder in the output; choose another id",
        );
    }
    for (id, what) in ids {
        if !is_slug(&id.value) {
            ctx.report(
                Rule::BadId,
                id.pos,
                format!("{what} id `{}` is not a slug", id.value),
                "use lowercase letters, digits and dashes, for example `d2-plenary-1`",
            );
        }
        if let Some(first) = seen.get(id.value.as_str()) {
            ctx.report(
                Rule::DuplicateId,
                id.pos,
                format!("id `{}` is already used at line {}", id.value, first.line),
                "give each session and desired output its own id",
            );
        } else {
            seen.insert(&id.value, id.pos);
        }
    }

    for (_, session) in meeting.sessions() {
        // Blank items are no items: a row of `items: ["", " "]` has nothing to print either.
        let no_items = session.items.iter().all(|i| i.trim().is_empty());
        // A break may be an empty time row, as published ("13:00-15:00" with nothing after).
        if session.title.as_deref().unwrap_or("").trim().is_empty()
            && no_items
            && session.kind != crate::model::SessionKind::Break
        {
            ctx.report(
                Rule::EmptySession,
                session.pos,
                "this agenda row has neither a title nor items".into(),
                "add a `title:` or `items:`, or remove the row",
            );
        }
        if let Some(target) = &session.continues
            && meeting.session(&target.value).is_none()
        {
            let hint = suggest(
                &target.value,
                meeting.sessions().filter_map(|(_, s)| s.id.as_ref()),
            );
            ctx.report(
                Rule::UnresolvedRef,
                target.pos,
                format!(
                    "`continues: {}` names no session of this meeting",
                    target.value
                ),
                hint,
            );
        }
        for id in &session.addresses {
            if !meeting
                .desired_outputs()
                .any(|(_, o)| o.id.value == id.value)
            {
                let hint = suggest(&id.value, meeting.desired_outputs().map(|(_, o)| &o.id));
                ctx.report(
                    Rule::UnresolvedRef,
                    id.pos,
                    format!(
                        "`addresses: {}` names no desired output of this meeting",
                        id.value
                    ),
                    hint,
                );
            }
        }
    }
}

/// A session whose `continues` chain comes back to itself.
fn cycles(ctx: &mut Ctx<'_>) {
    let meeting = ctx.meeting;
    let limit = meeting.sessions().count();
    for (_, session) in meeting.sessions() {
        let (Some(id), Some(target)) = (&session.id, &session.continues) else {
            continue;
        };
        let mut current = target.value.as_str();
        for _ in 0..limit {
            if current == id.value {
                ctx.report(
                    Rule::ContinuesCycle,
                    target.pos,
                    format!("session `{}` continues itself through `continues: {}`", id.value, target.value),
                    "a session continues an earlier one; remove `continues:` from the first session of the chain",
                );
                break;
            }
            match meeting
                .session(current)
                .and_then(|(_, s)| s.continues.as_ref())
            {
                Some(next) => current = next.value.as_str(),
                None => break,
            }
        }
    }
}

fn suggest<'a>(typo: &str, ids: impl Iterator<Item = &'a At<String>>) -> String {
    let ids: Vec<String> = ids.map(|i| i.value.clone()).collect();
    match crate::load::yaml::closest(typo, &ids) {
        Some(best) => format!("did you mean `{best}`?"),
        None if ids.is_empty() => "no ids are defined yet; add an `id:` to the target".into(),
        None => format!("the ids defined are: {}", ids.join(", ")),
    }
}

/// The longest meeting id: a folder name every common file system accepts with room to spare.
pub(crate) const MAX_MEETING_ID: usize = 100;

/// Meeting ids that would name a folder docket uses for something else.
pub(crate) const RESERVED_IDS: &[&str] = &["archive"];

/// Lowercase ASCII letters, digits and single inner dashes.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{BASE, check, codes};

    #[test]
    fn a_row_of_blank_title_and_blank_items_is_empty() {
        let text = BASE.replace(
            "        title: Opening\n",
            "        title: \" \"\n        items: [\"\", \"  \"]\n",
        );
        assert!(codes(&text).contains(&"E0105"));
    }

    #[test]
    fn reserved_and_overlong_meeting_ids_are_errors() {
        let text = BASE.replace("id: test-meeting", "id: archive");
        assert!(codes(&text).contains(&"E0106"));
        let long = "a".repeat(101);
        let text = BASE.replace("id: test-meeting", &format!("id: {long}"));
        assert!(codes(&text).contains(&"E0106"));
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let text = BASE.replace("id: s2", "id: s1");
        assert!(codes(&text).contains(&"E0102"));
    }

    #[test]
    fn unresolved_references_suggest_the_nearest_id() {
        let text = BASE.replace("continues: s2", "continues: s4");
        let d = check(&text)
            .into_iter()
            .find(|d| d.code == "E0103")
            .unwrap();
        assert!(d.message.contains("s4"));
        assert_eq!(d.line, 34);
        let text = BASE.replace("addresses: [o1]", "addresses: [o3]");
        assert!(codes(&text).contains(&"E0103"));
    }

    #[test]
    fn continues_may_not_go_round_in_a_circle() {
        assert!(codes(&BASE.replace("continues: s2", "continues: s3")).contains(&"E0108"));
        let text = BASE.replace(
            "        title: Plenary\n",
            "        title: Plenary\n        continues: s3\n",
        );
        assert!(codes(&text).contains(&"E0108"), "{:?}", codes(&text));
    }

    #[test]
    fn ids_must_be_slugs() {
        let text = BASE.replace("id: s1", "id: Session One");
        assert!(codes(&text).contains(&"E0106"));
        assert!(super::is_slug("d2-plenary-1"));
        assert!(!super::is_slug("d2--x"));
    }

    #[test]
    fn a_row_needs_a_title_or_items() {
        let text = BASE.replace("        title: Plenary\n", "");
        assert!(codes(&text).contains(&"E0105"));
    }
}
