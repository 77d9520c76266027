//! docket turns folders of meeting definitions into the documents a meeting lives by: the
//! official agenda, the Word summary, the follow-up report and the yearly record.
//!
//! # Data flow
//!
//! ```text
//! files -> load -> model -> check -> render -> write
//! meetings/<slug>/meeting.yaml          output/<slug>/meeting.json, agenda.pdf, summary.docx,
//! meetings/<slug>/outcomes.yaml         follow-up.{html,md,pdf}
//! ```
//!
//! # Example
//!
//! Checking a meeting in memory: parse, check, read the diagnostics.
//!
//! ```
//! use std::path::Path;
//! use docket::{check, load, model::Meeting};
//!
//! let text = "\
//! id: demo
//! title: Demo meeting
//! series: IGF 2024
//! host: IGF Secretariat
//! venue: Geneva
//! time_zone: Europe/Zurich
//! local_time_label: CET
//! window: {start: 2024-06-26T08:00:00Z, end: 2024-06-26T16:00:00Z}
//! days:
//!   - date: 2024-06-26
//!     part: MAG Meeting
//!     sessions: [{id: s1, time: 10:00-11:00, title: Opening, addresses: [o1]}]
//!     desired_outputs: [{id: o1, text: Open the meeting}]
//! ";
//! let file = Path::new("meetings/demo/meeting.yaml");
//! let meeting: Meeting = load::yaml::parse(file, text).unwrap();
//! let loaded = load::LoadedMeeting {
//!     dir: "meetings/demo".into(),
//!     file: file.into(),
//!     meeting,
//!     meeting_text: text.into(),
//!     inputs: vec![],
//!     outcomes: None,
//! };
//! let codes: Vec<_> = check::check_meeting(&loaded, &Default::default()).iter().map(|d| d.code).collect();
//! // CET in June is a warning (Geneva is on CEST); the day lists no input documents.
//! assert_eq!(codes, ["W0304", "I0404"]);
//! ```
//!
//! # Code map
//!
//! | module | stage | what it holds |
//! |---|---|---|
//! | [`cli`], `main.rs` | edge | clap types; the binary parses, runs a stage, prints, exits 0/1/2 |
//! | [`pipeline`] | all | the one place that chains the stages; `check` stops before render |
//! | [`load`] | files -> model | walks the meetings folder, reads YAML ([`load::yaml`], serde-saphyr), inspects input documents |
//! | [`model`] | model | `Meeting`, `Day`, `Session`, ... with [`model::At`] positions; [`model::outcomes`] the rapporteurs' file; [`model::clock`] parses times; [`model::normal`] derives the JSON renderers read; [`model::followup`] the follow-up report as data |
//! | [`check`] | check | one module per concern (ids, tracking, times, days, inputs, outcomes), each a named [`diag::Rule`] |
//! | [`diag`], [`report`] | cross-cutting | diagnostics as values (code, severity, file:line:col, hint); printing as text or JSON |
//! | [`render`] | render | functions from the normalised model to bytes ([`render::Artifact`]): `pdf/` (typst World), `agenda`, `docx` (Word summary + package normaliser), `followup` (minijinja HTML/Markdown + typst PDF), `templates` (embedded, overridable) |
//! | [`write`] | write | temp file + rename into `output/` |
//! | [`import`] | tool | published agenda text or Word to `meeting.yaml`: line recognisers + a state machine |
//! | [`verify`] | edge | re-hashes an archive against its `MANIFEST.sha256` |
//! | [`schema`], [`scaffold`] | tools | the published JSON Schemas; `docket new`, `docket outcomes init` |
//!
//! # Invariants
//!
//! - Only [`load`] reads user files and only [`write`] writes outputs; model, check and render
//!   are pure and tested in memory. The meetings folder is never written to (`build` refuses an
//!   output folder inside it).
//! - Every stage returns its value with its diagnostics and keeps going: a meeting with errors
//!   is skipped, the others are still checked and rendered. Nothing panics on user data.
//! - Every diagnostic has a stable code, a file, a line and column where a YAML node exists,
//!   and a hint.
//! - Meeting text reaches templates only as data (the normalised JSON), never as markup.
//! - Same input, same bytes: no clock, no randomness, no map iteration order in outputs.
//! - Exit codes: 0 clean, 1 errors (or warnings with `--deny-warnings`), 2 could not run.

pub mod check;
pub mod cli;
pub mod diag;
pub mod import;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod verify;
pub mod write;
