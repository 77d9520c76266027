//! Translations: a meeting's text in another language, from `translations/<lang>.yaml` beside
//! `meeting.yaml`.
//!
//! A translation file maps each source text to its translation, as gettext keys by the source
//! text (its msgid), rather than mirroring the meeting by ids: items and interventions have no
//! ids, one entry serves every place a text recurs ("Lunch break"), the meeting file stays
//! exactly as simple as an English-only one, and a source text reworded after translation shows
//! as missing instead of printing a stale translation.
//!
//! [`localize_meeting`] and [`localize_outcomes`] walk every translatable field once; the
//! check uses them to find what is missing and the renderers to make each language's copy.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::outcomes::Outcomes;
use super::{At, Meeting};

/// The folder beside `meeting.yaml` that holds one file per language.
pub const TRANSLATIONS_DIR: &str = "translations";

/// `translations/<lang>.yaml`.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The language of this file (BCP 47), the same as its file name.
    pub language: At<String>,
    /// Each source text of `meeting.yaml` and `outcomes.yaml`, written exactly as there, with
    /// its translation.
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
}

/// Whether `tag` is a language tag docket accepts: lowercase primary language, then subtags
/// of letters and digits ("fr", "zh-hans", "es-419"); safe as a file name.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// What a localizer is given: the field (`days[1].sessions[3].title`) and its source text; it
/// returns the text to print.
pub type Localizer<'a> = dyn FnMut(&str, &str) -> String + 'a;

fn one(f: &mut Localizer<'_>, field: &str, text: &mut String) {
    if !text.trim().is_empty() {
        *text = f(field, text);
    }
}

fn some(f: &mut Localizer<'_>, field: &str, text: &mut Option<String>) {
    if let Some(t) = text {
        one(f, field, t);
    }
}

fn each(f: &mut Localizer<'_>, field: &str, list: &mut [String]) {
    for (i, t) in list.iter_mut().enumerate() {
        one(f, &format!("{field}[{i}]"), t);
    }
}

/// The meeting with every text field passed through `f`; ids, times and dates untouched.
pub fn localize_meeting(meeting: &Meeting, f: &mut Localizer<'_>) -> Meeting {
    let mut m = meeting.clone();
    one(f, "title", &mut m.title);
    one(f, "series", &mut m.series);
    one(f, "host", &mut m.host);
    one(f, "venue", &mut m.venue);
    for (d, day) in m.days.iter_mut().enumerate() {
        let at = format!("days[{d}]");
        one(f, &format!("{at}.part"), &mut day.part);
        some(f, &format!("{at}.audience"), &mut day.audience);
        some(f, &format!("{at}.room"), &mut day.room);
        some(f, &format!("{at}.note"), &mut day.note);
        for (s, row) in day.sessions.iter_mut().enumerate() {
            let at = format!("{at}.sessions[{s}]");
            let row = &mut row.value;
            some(f, &format!("{at}.title"), &mut row.title);
            each(f, &format!("{at}.items"), &mut row.items);
            each(f, &format!("{at}.interventions"), &mut row.interventions);
        }
        for (i, input) in day.inputs.iter_mut().enumerate() {
            one(
                f,
                &format!("{at}.inputs[{i}].title"),
                &mut input.value.title,
            );
        }
        for (i, o) in day.desired_outputs.iter_mut().enumerate() {
            one(f, &format!("{at}.desired_outputs[{i}].text"), &mut o.text);
        }
    }
    m
}

/// The outcomes with every text field passed through `f` (people's names and organisations
/// are kept as written).
pub fn localize_outcomes(outcomes: &Outcomes, f: &mut Localizer<'_>) -> Outcomes {
    let mut o = outcomes.clone();
    let lists = [
        ("outcomes", &mut o.outcomes),
        ("unassigned", &mut o.unassigned),
    ];
    for (name, list) in lists {
        for (n, entry) in list.iter_mut().enumerate() {
            let at = format!("{name}[{n}]");
            let e = &mut entry.value;
            some(f, &format!("{at}.summary"), &mut e.summary);
            for (w, group) in e.workshops.iter_mut().enumerate() {
                let at = format!("{at}.workshops[{w}]");
                one(f, &format!("{at}.theme"), &mut group.value.theme);
                for (i, ws) in group.value.list.iter_mut().enumerate() {
                    one(f, &format!("{at}.list[{i}].title"), &mut ws.title);
                }
            }
            if let Some(ms) = &mut e.main_sessions {
                for (i, s) in ms.value.list.iter_mut().enumerate() {
                    let at = format!("{at}.main_sessions.list[{i}]");
                    one(f, &format!("{at}.title"), &mut s.title);
                    some(f, &format!("{at}.theme"), &mut s.theme);
                }
            }
            each(f, &format!("{at}.decisions"), &mut e.decisions);
            for (i, a) in e.actions.iter_mut().enumerate() {
                one(f, &format!("{at}.actions[{i}].what"), &mut a.value.what);
            }
        }
    }
    o
}

/// A translation map from a file's entries, and the source texts it was asked for.
pub struct Lookup<'a> {
    texts: &'a BTreeMap<String, String>,
    /// Source texts asked for, to find entries no longer used.
    pub used: std::collections::BTreeSet<String>,
}

impl<'a> Lookup<'a> {
    /// A lookup over `texts`.
    pub fn new(texts: &'a BTreeMap<String, String>) -> Self {
        Self {
            texts,
            used: Default::default(),
        }
    }

    /// The translation of `source`: an exact entry, else one that differs only in surrounding
    /// blanks (YAML block scalars keep a final newline).
    pub fn get(&mut self, source: &str) -> Option<&'a str> {
        let hit = self
            .texts
            .get_key_value(source)
            .or_else(|| self.texts.get_key_value(source.trim()))?;
        self.used.insert(hit.0.clone());
        Some(hit.1.as_str()).filter(|t| !t.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_field_is_visited_and_ids_are_not() {
        let text = "id: m\ntitle: T\nseries: S\nhost: H\nvenue: V\ntime_zone: UTC\nlocal_time_label: UTC\n\
            window: {start: 2024-06-26T08:00:00Z, end: 2024-06-26T16:00:00Z}\n\
            days:\n  - date: 2024-06-26\n    part: P\n    room: R\n    sessions:\n      \
            - {id: s1, time: 10:00-11:00, title: Open, items: [A], interventions: [B], addresses: [o1]}\n    \
            desired_outputs: [{id: o1, text: Out}]\n";
        let m: Meeting = crate::load::yaml::parse(std::path::Path::new("m.yaml"), text).unwrap();
        let mut seen = Vec::new();
        let out = localize_meeting(&m, &mut |field, text| {
            seen.push(field.to_owned());
            format!("<{text}>")
        });
        assert_eq!(
            seen,
            [
                "title",
                "series",
                "host",
                "venue",
                "days[0].part",
                "days[0].room",
                "days[0].sessions[0].title",
                "days[0].sessions[0].items[0]",
                "days[0].sessions[0].interventions[0]",
                "days[0].desired_outputs[0].text"
            ]
        );
        assert_eq!(
            out.days[0].sessions[0].value.title.as_deref(),
            Some("<Open>")
        );
        assert_eq!(out.days[0].desired_outputs[0].id.value, "o1");
    }
}
