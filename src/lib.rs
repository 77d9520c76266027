//! docket turns folders of meeting definitions into the documents a meeting lives by: the
//! official agenda, the Word summary, the follow-up report and the yearly record.
//!
//! # Data flow
//!
//! ```text
//! files -> load -> model -> check -> render -> write
//! meetings/<slug>/meeting.yaml          output/<slug>/meeting.json, agenda.pdf, agenda.ics,
//! meetings/<slug>/outcomes.yaml         summary.docx, follow-up.{html,md,pdf}
//! meetings/<slug>/inputs/...            (+ .docket-stamp.json: the build key; with several
//! meetings/<slug>/translations/<l>.yaml  `languages`, each file once per language: agenda.fr.pdf)
//! meetings/<slug>/issued/rev-<n>.json    (the revision, its changes and calendar sequences)
//! ```
//!
//! `load` and `check` run over the whole folder (each meeting checked as soon as it is loaded,
//! meetings in parallel); a build skips both for a meeting whose files read back as its last
//! build left them and whose stamp still matches, replaying its diagnostics from the build
//! index ([`incremental::index`]). A build then lets go of each checked meeting, keeping only
//! where it is, its id, its content key and the lines its diagnostics point at
//! ([`pipeline::Pending`]). `build` runs one *job* per clean meeting on `--jobs` threads: the
//! job loads the meeting again (and stops if its files changed since the check), compares its
//! build key ([`incremental`]) with the stamp in its output folder and stops there if nothing
//! changed; otherwise it validates the meeting ([`model::valid::validate`]: typed dates,
//! times, instants), builds its views ([`render::view`]), renders every entry of the export
//! registry ([`render::exports`]) to bytes and swaps the meeting's whole folder in
//! ([`write::replace_dir`]). Files leave memory as soon as they are written, and meetings as
//! soon as they are checked: what grows with the number of meetings is their diagnostics and
//! a few hundred bytes each.
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
//!     translations: vec![],
//!     issued: vec![],
//!     issued_texts: vec![],
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
//! | [`cli`], `main.rs` | edge | clap types; the binary calls one library function per command, prints, maps the result to 0/1/2 |
//! | [`pipeline`] | all | chains the stages: [`pipeline::check`], [`pipeline::build`] (jobs, stamps, pruning); [`pipeline::Prepared`] is a run's renderer, thread pool and fingerprint; [`pipeline::Pending`] is what a build keeps of a checked meeting |
//! | [`archive`] | all | `docket archive`: the yearly record from the same stages, as a BagIt bag ([`render::bag`]), swapped in whole |
//! | [`watch`] | edge | `docket watch`: notify events, debounced, drive incremental rebuilds of one prepared run |
//! | [`load`] | files -> model | walks the meetings folder, reads YAML ([`load::yaml`], serde-saphyr) through [`load::safe`] (regular files inside the folder, size-limited), hashes input documents by streaming |
//! | [`model`] | model | `Meeting`, `Day`, `Session`, ... with [`model::At`] positions; [`model::outcomes`] the rapporteurs' file; [`model::translation`] other languages' text, keyed by source text; [`model::clock`] parses times; [`model::valid`] the validated meeting (jiff dates, times, zone, instants, resolved links, stable row keys) made once after check |
//! | [`check`] | check | one module per concern (limits, ids, tracking, times, days, inputs, text, outcomes), each a named [`diag::Rule`]; limits run first and bound the cost of the rest |
//! | [`diag`], [`report`], [`progress`] | cross-cutting | diagnostics as values (code, severity, file:line:col, hint); printing as text or JSON; the terminal's progress bar |
//! | [`render`] | render | functions from the validated meeting to bytes, once per issued language; [`render::view`] is the view layer (all wording, from the language's [`render::view::locale`]: Fluent catalog, ICU4X dates, UN house style; `meeting.json`, the follow-up report and the yearly record as data); [`render::exports`] is the registry of outputs (PDF, Word, HTML, Markdown, calendar, JSON, Akoma Ntoso, CSV); `pdf/` (typst World), `docx` (Word + package normaliser), `followup` (minijinja + typst), `ics`, `templates` (embedded, overridable) |
//! | [`jobs`] | cross-cutting | meeting jobs on a fixed number of threads, each the single worker of a rayon pool of its own (one shared pool let typst's inner rayon work steal whole meetings onto one stack) |
//! | [`incremental`] | render -> write | content and build keys, the stamps that let an unchanged meeting be skipped, and the build index that spares it parsing |
//! | [`write`](mod@write) | write | temp file + rename; whole folders written in a staging folder (synced in batches) and swapped by an atomic exchange; the output lock; sweeping a killed run's temporaries |
//! | [`revision`], [`issue`] | tool | issued revisions: `docket issue` freezes a [`revision::Snapshot`] in `issued/rev-<n>.json`; [`revision::diff`](mod@revision::diff) matches rows (id, key, title, position) and lists changes; [`revision::History`] gives calendar UIDs, SEQUENCE and cancelled events; `docket diff` |
//! | [`import`] | tool | published agenda text or Word to `meeting.yaml`: tables, line recognisers, a state machine, then times and zone resolved |
//! | [`verify`] | edge | re-hashes a yearly record: a BagIt bag against its manifests, an older record against its `MANIFEST.sha256` |
//! | [`schema`], [`scaffold`] | tools | the published JSON Schemas (`meeting.yaml`, `outcomes.yaml`, `meeting.json`); `docket new`, `docket outcomes init` |
//!
//! # Invariants
//!
//! - Only [`load`] reads user files and only [`write`](mod@write) writes outputs; model, check and render
//!   are pure and tested in memory. The meetings folder is never written to by `build` (it
//!   refuses an output folder inside it); the secretariat's own commands create files there
//!   (`new`, `outcomes init`, `issue`), and never over an existing one. A user file is opened only if it is a regular file inside its
//!   meeting folder: never a FIFO, a device or a link out.
//! - Every stage returns its value with its diagnostics and keeps going: a meeting that cannot
//!   be read, checked, rendered or written is a diagnostic for that meeting, the others are
//!   still built. Nothing panics on user data (and a bug that does panic in one meeting's job
//!   is caught and reported for that meeting).
//! - Every diagnostic has a stable code, a file, a line and column where a YAML node exists,
//!   and a hint.
//! - After check, a meeting is a [`model::valid::ValidMeeting`]; no renderer or view parses a
//!   date, time or zone string again, and `model` holds no wording (that is [`render::view`]).
//! - Meeting text reaches templates only as data (the meeting view as JSON), never as markup.
//!   The templates set nothing meeting-specific in the style chain above the body, so typst
//!   reuses the layout meetings share; memoisation never changes a byte (same bytes whatever
//!   the jobs, and so whatever was rendered before).
//! - A build's memory does not grow with the meetings: each is let go of once checked and
//!   loaded again by its job, which renders it only if its files are those that were checked.
//! - No month or weekday name is written in Rust: they come from CLDR (ICU4X) and the catalogs;
//!   a text with no translation is never silent (a warning, and marked in the document).
//! - Same input, same bytes: no clock, no randomness, no map iteration order, no dependence on
//!   the number of jobs or the order they finish in.
//! - A meeting's output folder is always one build's complete set: written whole in a staging
//!   folder and exchanged in one step; a killed build leaves the old or the new folder, and
//!   `.docket-*` leftovers that the next build sweeps under the output lock (where there is no
//!   atomic exchange, the sweep puts an old folder moved aside back under its name).
//! - Exit codes: 0 clean, 1 errors (or warnings with `--deny-warnings`), 2 could not run; the
//!   code follows from the kind of result, never from matching message text.

pub mod archive;
pub mod check;
pub mod cli;
pub mod diag;
pub mod import;
pub mod incremental;
pub mod issue;
pub mod jobs;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod report;
pub mod revision;
pub mod scaffold;
pub mod schema;
pub mod verify;
pub mod watch;
pub mod write;
