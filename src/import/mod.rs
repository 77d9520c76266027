//! `docket import`: a published agenda (text, or Word) to a `meeting.yaml` a person reviews.
//!
//! Three steps, each its own module: [`tables`] reads the lines, resolving pipe tables and
//! tables pasted column by column, and classifies each line with the recognisers of [`lines`]
//! (dates in [`dates`], times in [`times`]); `state` is a small state machine in which the
//! day, the row and the block (agenda, documents, outputs) decide what a line becomes; and
//! `finish` resolves starts without ends and durations, the zone ([`zones`]) and the window.
//! Nothing is dropped silently: a line that fits nowhere is reported with its number and kept
//! as a comment in the YAML, page furniture is named in a note. Desired-output links are
//! proposed by word overlap ([`links`]).

pub mod dates;
pub mod docx;
mod emit;
mod finish;
pub mod lines;
pub mod links;
mod state;
pub mod tables;
pub mod times;
pub mod zones;

use std::collections::BTreeMap;

pub use emit::to_yaml;

use crate::model::Meeting;
use lines::Line;

/// What the importer made of an agenda.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The meeting, with ids made from titles and links only where proposed.
    pub meeting: Meeting,
    /// Lines it did not understand: (1-based line number, text).
    pub not_understood: Vec<(usize, String)>,
    /// Proposed `addresses` links: output id -> (session id, the words that matched).
    pub proposals: BTreeMap<String, Vec<(String, Vec<String>)>>,
    /// Things a person must complete (input documents without files, a guessed time zone).
    pub notes: Vec<String>,
}

impl Imported {
    /// Whether nothing of an agenda was found: no agenda row on any day.
    pub fn is_empty(&self) -> bool {
        self.meeting.days.iter().all(|d| d.sessions.is_empty())
    }
}

/// What the user tells the importer.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The IANA zone of the agenda's times (`--time-zone`); inferred when absent.
    pub time_zone: Option<String>,
    /// The year of dates written without one (`--year`); inferred when absent.
    pub year: Option<i16>,
}

/// Parses agenda text. Never panics, whatever the text.
pub fn parse(text: &str, time_zone: Option<&str>) -> Imported {
    parse_with(
        text,
        &Options {
            time_zone: time_zone.map(str::to_owned),
            year: None,
        },
    )
}

/// Parses agenda text with the user's options. Never panics, whatever the text; linear in it.
pub fn parse_with(text: &str, options: &Options) -> Imported {
    let entries = tables::entries(text);
    // The lines before and after each line that are not blank, computed once each way.
    let mut next = vec![None; entries.len()];
    let mut prev = vec![None; entries.len()];
    let mut seen = None;
    let counts = |l: &Line| !matches!(l, Line::Blank | Line::Furniture);
    for i in (0..entries.len()).rev() {
        next[i] = seen;
        if counts(&entries[i].line) {
            seen = Some(i);
        }
    }
    seen = None;
    for i in 0..entries.len() {
        prev[i] = seen;
        if counts(&entries[i].line) {
            seen = Some(i);
        }
    }
    let mut s = state::State::new(options.clone());
    s.known_range = meeting_dates(&entries);
    // A bare date outside the meeting's dates (the document's own) is no day header.
    s.has_day_headers = entries.iter().any(|e| match &e.line {
        Line::DayLabel(_) => true,
        Line::DayHeader { .. } => !state::is_document_date(e, s.known_range),
        _ => false,
    });
    for (i, e) in entries.iter().enumerate() {
        s.step(
            e,
            prev[i].map(|j| &entries[j].line),
            next[i].map(|j| &entries[j]),
        );
    }
    // A line not understood is kept as it was written, with its bullet or number.
    let raw: Vec<&str> = text.lines().collect();
    for (n, text) in &mut s.not_understood {
        if let Some(line) = n.checked_sub(1).and_then(|i| raw.get(i)) {
            *text = line.trim_end().to_owned();
        }
    }
    s.finish()
}

/// The meeting's dates, when a range of days stands above the agenda's first row.
fn meeting_dates(entries: &[tables::Entry]) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    entries
        .iter()
        .take_while(|e| {
            !matches!(
                e.line,
                Line::Timed { .. } | Line::Numbered { .. } | Line::Bullet(_)
            )
        })
        .find_map(|e| match &e.line {
            Line::DateRange(from, to, _) => {
                let year = from.year.or(to.year)?;
                Some((from.in_year(year)?, to.in_year(year)?))
            }
            _ => None,
        })
}

/// Lowercase words joined by dashes, at most `words` of them.
pub fn slug(text: &str, words: usize) -> String {
    let s = text
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(words)
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() { "item".into() } else { s }
}

/// The largest agenda file `import` reads (a long .docx with images is a few MB).
pub const IMPORT_LIMIT: u64 = 50 * 1024 * 1024;

/// `docket import`: reads an agenda file (UTF-8 text, or a Word .docx) and imports it; returns
/// what was understood and the commented YAML to write. Only a regular file is read.
pub fn import_file(
    agenda: &std::path::Path,
    options: &Options,
) -> Result<(Imported, String), crate::diag::Diagnostic> {
    use crate::diag::{Diagnostic, Rule};
    let io =
        |message: String| Diagnostic::new(Rule::Io, agenda, crate::model::Pos::default(), message);
    if let Some(zone) = &options.time_zone {
        crate::model::clock::parse_zone(zone).map_err(|why| {
            Diagnostic::new(
                Rule::Io,
                std::path::Path::new("--time-zone"),
                crate::model::Pos::default(),
                why,
            )
            .hint("give an IANA name such as Europe/Zurich, America/New_York or UTC")
        })?;
    }
    // Any regular file the user names, wherever it is; never a FIFO or device (a hang).
    let bytes = crate::load::safe::read_regular(agenda, std::path::Path::new("/"), IMPORT_LIMIT)
        .map_err(|r| io(r.message).hint("give the path of a .txt or .docx agenda"))?;
    let text = if bytes.starts_with(b"PK") {
        docx::text_of(&bytes)
            .map_err(|e| io(e).hint("save the agenda as .docx, or paste it into a text file"))?
    } else {
        String::from_utf8(bytes).map_err(|_| {
            io("the file is neither UTF-8 text nor a .docx".into()).hint("save it as UTF-8 text")
        })?
    };
    let imported = parse_with(&text, options);
    let yaml = to_yaml(&imported, &agenda.display().to_string());
    Ok((imported, yaml))
}
