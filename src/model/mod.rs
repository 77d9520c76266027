//! The meeting model: what a secretariat writes in `meeting.yaml`, as Rust types.
//!
//! No I/O here. The types derive `Deserialize` (with unknown fields rejected), `Serialize` and
//! `JsonSchema`, so one definition gives the parser, the published schema and the JSON that
//! renderers read. Values that checks must point at are wrapped in [`At`] to keep their line and
//! column. Times, dates and the UTC window stay text here and are parsed by [`clock`], so a
//! malformed time is a named check with a code rather than an anonymous parse error.

mod at;
pub mod clock;
pub mod outcomes;
pub mod translation;
pub mod valid;

pub use at::{At, Pos};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One meeting: a multi-day event with a published agenda.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Stable identifier, used for output folders and links (lowercase, digits, dashes).
    pub id: At<String>,
    /// The meeting title as published.
    pub title: String,
    /// The series or cycle it belongs to, for example "IGF 2024".
    pub series: String,
    /// Who hosts or convenes the meeting ("IGF Secretariat"); the author of its documents.
    pub host: String,
    /// Where it is held ("United Nations Office at Geneva, Switzerland").
    pub venue: String,
    /// IANA time zone of the agenda's times, for example "Europe/Zurich".
    pub time_zone: At<String>,
    /// The label the agenda shows for local time ("CET"); checked against daylight saving.
    pub local_time_label: At<String>,
    /// The event window in UTC as published on the event calendar.
    pub window: Window,
    /// Language of the meeting's documents (BCP 47), default "en".
    #[serde(default = "default_language")]
    pub language: String,
    /// The languages the documents are issued in (BCP 47, for example `[en, fr, ar]`), the
    /// source `language` among them. Empty: the source language alone. Each other language's
    /// text is in `translations/<language>.yaml` beside this file.
    #[serde(default)]
    pub languages: Vec<At<String>>,
    /// Keywords for document metadata.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The meeting days, in order.
    pub days: Vec<Day>,
}

fn default_language() -> String {
    "en".to_owned()
}

/// The event window as published, in UTC ("2024-06-26T08:00:00Z").
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// First instant of the event, RFC 3339 in UTC.
    pub start: At<String>,
    /// Last instant of the event, RFC 3339 in UTC.
    pub end: At<String>,
}

/// One day of the meeting.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Day {
    /// Local date, `YYYY-MM-DD`.
    pub date: At<String>,
    /// The part of the meeting held that day ("Open Consultations", "MAG Meeting").
    pub part: String,
    /// Who may attend, shown in brackets after the part ("open to observers").
    #[serde(default)]
    pub audience: Option<String>,
    /// The room line ("Room XXVI | Building E | UN Office at Geneva, Switzerland").
    #[serde(default)]
    pub room: Option<String>,
    /// The note beside the agenda heading ("*see meeting inputs and desired outputs below").
    #[serde(default)]
    pub note: Option<String>,
    /// The agenda of the day, in order.
    pub sessions: Vec<At<Session>>,
    /// Input documents attached for the day, under the meeting's `inputs/` folder: a path, or
    /// `{title, file}`.
    #[serde(default)]
    pub inputs: Vec<At<InputDoc>>,
    /// What the day is meant to achieve.
    #[serde(default)]
    pub desired_outputs: Vec<DesiredOutput>,
}

/// What an agenda row is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SessionKind {
    /// A working session (the default).
    #[default]
    Session,
    /// A lunch or coffee break, set apart in the agenda.
    Break,
    /// A heading that spans the agenda table ("Intersessional Event").
    Segment,
}

/// One row of a day's agenda.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Stable id, needed when other sessions continue it or outcomes refer to it.
    #[serde(default)]
    pub id: Option<At<String>>,
    /// Local time range `HH:MM-HH:MM`; many agenda rows have none.
    #[serde(default)]
    pub time: Option<At<String>>,
    /// Title as published; a row may have only items.
    #[serde(default)]
    pub title: Option<String>,
    /// Session, break or segment heading.
    #[serde(default)]
    pub kind: SessionKind,
    /// Sub-items, shown as bullets.
    #[serde(default)]
    pub items: Vec<String>,
    /// Organisations invited to intervene, shown under "Interventions from:".
    #[serde(default)]
    pub interventions: Vec<String>,
    /// Id of the session this one continues; shown as "(cont.)".
    #[serde(default)]
    pub continues: Option<At<String>>,
    /// Ids of the desired outputs this session serves.
    #[serde(default)]
    pub addresses: Vec<At<String>>,
}

/// A document attached to a day. Written as `{title, file}`, or as a bare path whose file
/// name then serves as the title.
#[derive(Clone, Debug, Serialize)]
pub struct InputDoc {
    /// The document's title.
    pub title: String,
    /// Path relative to the meeting folder, for example `inputs/workshops.pdf`.
    pub file: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "InputDoc")]
struct InputDocFull {
    /// The document's title.
    title: String,
    /// Path relative to the meeting folder, for example `inputs/workshops.pdf`.
    file: String,
}

impl<'de> Deserialize<'de> for InputDoc {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = InputDoc;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a path such as inputs/report.pdf, or a mapping with `title` and `file`",
                )
            }
            fn visit_str<E: serde::de::Error>(self, path: &str) -> Result<InputDoc, E> {
                let title = path.rsplit('/').next().unwrap_or(path).to_owned();
                Ok(InputDoc {
                    title,
                    file: path.to_owned(),
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<InputDoc, A::Error> {
                let full =
                    InputDocFull::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(InputDoc {
                    title: full.title,
                    file: full.file,
                })
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

impl JsonSchema for InputDoc {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "InputDocEntry".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let full = generator.subschema_for::<InputDocFull>();
        schemars::json_schema!({
            "description": "A path relative to the meeting folder, or `{title, file}`.",
            "anyOf": [{ "type": "string" }, full]
        })
    }
}

/// Something a day is meant to achieve; outcomes are recorded against it.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DesiredOutput {
    /// Stable id, referenced by sessions' `addresses` and by outcomes.
    pub id: At<String>,
    /// The text as published.
    pub text: String,
}

impl Meeting {
    /// The languages its documents are issued in, the source language first, each once.
    pub fn issued_languages(&self) -> Vec<&str> {
        let mut out = vec![self.language.as_str()];
        for l in &self.languages {
            if !out.contains(&l.value.as_str()) {
                out.push(&l.value);
            }
        }
        out
    }

    /// Where `languages` names `tag` (the file's start when it does not).
    pub fn language_pos(&self, tag: &str) -> Pos {
        self.languages
            .iter()
            .find(|l| l.value == tag)
            .map_or(Pos::new(1, 1), |l| l.pos)
    }

    /// Every session with its day index, in agenda order.
    pub fn sessions(&self) -> impl Iterator<Item = (usize, &At<Session>)> {
        self.days
            .iter()
            .enumerate()
            .flat_map(|(d, day)| day.sessions.iter().map(move |s| (d, s)))
    }

    /// Every desired output with its day index.
    pub fn desired_outputs(&self) -> impl Iterator<Item = (usize, &DesiredOutput)> {
        self.days
            .iter()
            .enumerate()
            .flat_map(|(d, day)| day.desired_outputs.iter().map(move |o| (d, o)))
    }

    /// The session with this id, with its day index.
    pub fn session(&self, id: &str) -> Option<(usize, &At<Session>)> {
        self.sessions()
            .find(|(_, s)| s.id.as_ref().is_some_and(|i| i.value == id))
    }
}
