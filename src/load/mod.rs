//! Reading meeting folders: the only stage that reads user files.
//!
//! A meetings folder holds one folder per meeting, at any depth, each with a `meeting.yaml`,
//! attached documents under `inputs/` and, once rapporteurs have filled it in, `outcomes.yaml`.
//! Hidden folders and `inputs/` folders are not searched for meetings. Each meeting is loaded on
//! its own: a file that does not parse becomes a diagnostic and the others still load.

pub mod assets;
mod inputs;
pub mod safe;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

pub use inputs::{InputFact, InputStatus};

use crate::diag::{Diagnostic, Rule};
use crate::model::outcomes::Outcomes;
use crate::model::translation::{self, Translation};
use crate::model::{Meeting, Pos};
use crate::revision::{self, Issued};

/// The file name that marks a meeting folder.
pub const MEETING_FILE: &str = "meeting.yaml";

/// The rapporteurs' file beside it.
pub const OUTCOMES_FILE: &str = "outcomes.yaml";

/// A meeting's parsed `outcomes.yaml`.
#[derive(Clone, Debug)]
pub struct LoadedOutcomes {
    /// Its path.
    pub file: PathBuf,
    /// The parsed outcomes.
    pub outcomes: Outcomes,
    /// The file's text, to place diagnostics.
    pub text: String,
}

/// One meeting as read from disk.
#[derive(Clone, Debug)]
pub struct LoadedMeeting {
    /// The meeting's folder.
    pub dir: PathBuf,
    /// Its `meeting.yaml`.
    pub file: PathBuf,
    /// The parsed meeting.
    pub meeting: Meeting,
    /// The text of `meeting.yaml`, to place render diagnostics.
    pub meeting_text: String,
    /// What the loader found for each input document the meeting names, in order.
    pub inputs: Vec<InputFact>,
    /// `outcomes.yaml`, when rapporteurs have written it and it parses.
    pub outcomes: Option<LoadedOutcomes>,
    /// `translations/<lang>.yaml` of each issued language other than the source, that exists
    /// and parses.
    pub translations: Vec<LoadedTranslation>,
    /// The issued revisions (`issued/rev-<n>.json`), in order, when they all read back.
    pub issued: Vec<Issued>,
    /// The text of each issued revision file, for the build key.
    pub issued_texts: Vec<String>,
}

/// The issued languages other than the source whose tags can name a file (the check reports
/// the others).
fn translated_languages(meeting: &Meeting) -> Vec<&str> {
    meeting
        .issued_languages()
        .into_iter()
        .skip(1)
        .filter(|l| translation::is_language_tag(l))
        .collect()
}

impl LoadedMeeting {
    /// The issued languages its translations are for: all but the source, valid tags only.
    pub fn translated_languages(&self) -> Vec<&str> {
        translated_languages(&self.meeting)
    }
}

/// A meeting's translation into one language.
#[derive(Clone, Debug)]
pub struct LoadedTranslation {
    /// The language, as `languages` names it.
    pub language: String,
    /// Its path.
    pub file: PathBuf,
    /// The parsed file.
    pub translation: Translation,
    /// The file's text, to place diagnostics.
    pub text: String,
}

/// A meeting a build did not parse: its files read back as they were at its last build, whose
/// check results and documents still stand (see [`crate::incremental::index`]).
#[derive(Clone, Debug)]
pub struct KnownMeeting {
    /// The meeting's folder.
    pub dir: PathBuf,
    /// Its `meeting.yaml`.
    pub file: PathBuf,
    /// Its id, where `meeting.yaml` says it.
    pub id: crate::model::At<String>,
    /// The render warnings its last build gave, to report again.
    pub replayed: Vec<Diagnostic>,
}

/// What a build knows of a meeting file without parsing it: the meeting, and the diagnostics
/// its check gave, with the texts they point into.
#[derive(Debug)]
pub struct Reused {
    /// The meeting.
    pub known: KnownMeeting,
    /// Its load and check diagnostics.
    pub diagnostics: Vec<Diagnostic>,
    /// The texts of the files they point into, and always of its `meeting.yaml`.
    pub sources: Vec<(PathBuf, String)>,
}

/// What the loader reads for a meeting, read again without parsing, to tell whether anything
/// changed since it was last loaded (see [`reread`]).
#[derive(Debug)]
pub struct Reread {
    /// `meeting.yaml`.
    pub meeting: String,
    /// `outcomes.yaml`, when there is one.
    pub outcomes: Option<String>,
    /// The issued revision files, in order.
    pub issued: Vec<String>,
    /// The translation files that exist, as (language, text).
    pub translations: Vec<(String, String)>,
    /// What is at each input document's path.
    pub inputs: Vec<InputFact>,
}

/// What the loader keeps of a meeting that parsed: the meeting itself ([`LoadedMeeting`],
/// for `check` and the record), or as little as a build needs to find it again
/// (`pipeline::Pending`), so that a build of thousands of meetings does not hold them all.
pub trait Kept {
    /// Its `meeting.yaml`.
    fn file(&self) -> &Path;
    /// The meeting's folder.
    fn dir(&self) -> &Path;
    /// Its id, where `meeting.yaml` says it.
    fn id(&self) -> &crate::model::At<String>;
    /// The texts of its files still held, as (path, text), for diagnostics' snippets.
    fn texts(&self) -> Vec<(&Path, &str)>;
}

impl Kept for LoadedMeeting {
    fn file(&self) -> &Path {
        &self.file
    }

    fn dir(&self) -> &Path {
        &self.dir
    }

    fn id(&self) -> &crate::model::At<String> {
        &self.meeting.id
    }

    fn texts(&self) -> Vec<(&Path, &str)> {
        let mut texts = vec![(self.file.as_path(), self.meeting_text.as_str())];
        if let Some(o) = &self.outcomes {
            texts.push((o.file.as_path(), o.text.as_str()));
        }
        for t in &self.translations {
            texts.push((t.file.as_path(), t.text.as_str()));
        }
        texts
    }
}

/// Everything read from a meetings folder.
#[derive(Debug)]
pub struct Loaded<M = LoadedMeeting> {
    /// Meetings that parsed, in path order.
    pub meetings: Vec<M>,
    /// Meetings a build found unchanged and did not parse, in path order.
    pub known: Vec<KnownMeeting>,
    /// The text of every file read, for snippets in diagnostics.
    pub sources: Sources,
    /// Files that could not be read or parsed.
    pub diagnostics: Vec<Diagnostic>,
}

impl<M> Default for Loaded<M> {
    fn default() -> Self {
        Self {
            meetings: Vec::new(),
            known: Vec::new(),
            sources: Sources::default(),
            diagnostics: Vec::new(),
        }
    }
}

/// Source texts by path, so diagnostics can show the offending line: whole texts, or only
/// the lines diagnostics point at (what a build keeps of a meeting it let go of).
#[derive(Clone, Debug, Default)]
pub struct Sources {
    texts: BTreeMap<PathBuf, String>,
    lines: BTreeMap<(PathBuf, u32), String>,
}

impl Sources {
    /// Remembers the text of `path`.
    pub fn insert(&mut self, path: PathBuf, text: String) {
        self.texts.insert(path, text);
    }

    /// Remembers the lines of `text` (the text of `path`) that `diagnostics` point at.
    pub fn keep_lines(&mut self, path: &Path, text: &str, diagnostics: &[Diagnostic]) {
        for d in diagnostics.iter().filter(|d| d.file == path) {
            self.keep_line(path, text, d.line);
        }
    }

    /// Remembers the 1-based `line` of `text` (the text of `path`).
    pub fn keep_line(&mut self, path: &Path, text: &str, line: u32) {
        if let Some(kept) = nth_line(text, line) {
            self.lines
                .insert((path.to_path_buf(), line), kept.to_owned());
        }
    }

    /// Whether the text of `path` is here.
    pub fn contains(&self, path: &Path) -> bool {
        self.texts.contains_key(path)
    }

    /// Adds everything `other` remembers.
    pub fn extend(&mut self, other: Sources) {
        self.texts.extend(other.texts);
        self.lines.extend(other.lines);
    }

    /// The 1-based `line` of `path`, if it was read.
    pub fn line(&self, path: &Path, line: u32) -> Option<&str> {
        match self.texts.get(path) {
            Some(text) => nth_line(text, line),
            None => self
                .lines
                .get(&(path.to_path_buf(), line))
                .map(String::as_str),
        }
    }
}

/// The 1-based `line` of `text`.
fn nth_line(text: &str, line: u32) -> Option<&str> {
    text.lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)
}

/// Finds every `meeting.yaml` below `root`, in a stable order. A folder below `root` that
/// cannot be read is a diagnostic and the walk goes on; only a `root` that is not a folder
/// stops it (docket then has nothing to run on).
pub fn find_meetings(root: &Path) -> Result<(Vec<PathBuf>, Vec<Diagnostic>), Diagnostic> {
    let mut found = Vec::new();
    let diagnostics = walk_meetings(root, |file| found.push(file))?;
    Ok((found, diagnostics))
}

/// [`find_meetings`], handing each `meeting.yaml` to `found` as soon as the walk meets it.
fn walk_meetings(
    root: &Path,
    mut found: impl FnMut(PathBuf),
) -> Result<Vec<Diagnostic>, Diagnostic> {
    if !root.is_dir() {
        return Err(
            Diagnostic::new(Rule::Io, root, Pos::default(), "not a folder")
                .hint("give the folder that holds the meeting folders, for example `meetings`"),
        );
    }
    let walker = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0
                || !(e.file_type().is_dir() && (name.starts_with('.') || name == "inputs"))
        });
    let mut diagnostics = Vec::new();
    for entry in walker {
        match entry {
            // A folder (or link, FIFO, device) named meeting.yaml is reported by the loader,
            // never skipped in silence: someone meant it to be a meeting.
            Ok(entry) if entry.file_name() == MEETING_FILE => {
                found(entry.into_path());
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                let why = e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string);
                diagnostics.push(
                    Diagnostic::new(
                        Rule::Io,
                        &path,
                        Pos::default(),
                        format!("cannot read: {why}"),
                    )
                    .hint("check the folder's permissions; the other meetings were still checked"),
                );
            }
        }
    }
    Ok(diagnostics)
}

impl<M: Kept> Loaded<M> {
    /// How many meetings were found: parsed, and known unchanged.
    pub fn count(&self) -> usize {
        self.meetings.len() + self.known.len()
    }

    /// Every meeting's id and file, parsed ones first, then known ones.
    pub fn ids(&self) -> impl Iterator<Item = (&crate::model::At<String>, &Path)> {
        let parsed = self.meetings.iter().map(|m| (m.id(), m.file()));
        parsed.chain(self.known.iter().map(|k| (&k.id, k.file.as_path())))
    }
}

/// Loads every meeting below `root`, files in parallel, results in path order.
pub fn load_dir(root: &Path) -> Result<Loaded, Diagnostic> {
    load_dir_with(root, &|_| None, &|m, _| m)
}

/// [`load_dir`], taking what `reuse` knows of a meeting file instead of parsing it, and
/// keeping of each parsed meeting what `keep` makes of it (with the meeting's load
/// diagnostics, to add to) as soon as it is loaded.
pub fn load_dir_with<M: Send>(
    root: &Path,
    reuse: &(dyn Fn(&Path) -> Option<Reused> + Sync),
    keep: &(dyn Fn(LoadedMeeting, &mut Loaded<M>) -> M + Sync),
) -> Result<Loaded<M>, Diagnostic> {
    let load_one = |file: &Path| {
        let mut one = Loaded::default();
        match reuse(file) {
            Some(reused) => {
                // Only the lines its diagnostics (the check's, and the replayed render
                // warnings) point at: a thousand unchanged meetings are not held in memory.
                for (path, text) in &reused.sources {
                    one.sources.keep_lines(path, text, &reused.diagnostics);
                    one.sources.keep_lines(path, text, &reused.known.replayed);
                    // The id's line too: the check across meetings may yet point at it.
                    if *path == reused.known.file {
                        one.sources.keep_line(path, text, reused.known.id.pos.line);
                    }
                }
                one.known.push(reused.known);
                one.diagnostics = reused.diagnostics;
            }
            None => load_file(file, &mut one),
        }
        let mut part = Loaded {
            meetings: Vec::new(),
            known: one.known,
            sources: one.sources,
            diagnostics: one.diagnostics,
        };
        for m in one.meetings {
            let kept = keep(m, &mut part);
            part.meetings.push(kept);
        }
        part
    };
    // Each meeting is loaded as soon as the walk finds it, so the walk (one thread, many
    // small system calls) overlaps the loading instead of preceding it.
    let parts = std::sync::Mutex::new(Vec::new());
    let diagnostics = rayon::scope(|scope| {
        let (parts, load_one) = (&parts, &load_one);
        let mut at = 0;
        walk_meetings(root, |file| {
            let i = at;
            at += 1;
            scope.spawn(move |_| {
                let one = load_one(&file);
                parts
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push((i, one));
            });
        })
    })?;
    let mut parts = parts
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    parts.sort_by_key(|(i, _)| *i);
    let parts = parts.into_iter().map(|(_, one)| one);
    let mut loaded = Loaded {
        diagnostics,
        ..Loaded::default()
    };
    for part in parts {
        loaded.meetings.extend(part.meetings);
        loaded.known.extend(part.known);
        loaded.sources.extend(part.sources);
        loaded.diagnostics.extend(part.diagnostics);
    }
    Ok(loaded)
}

/// Loads one `meeting.yaml` into `loaded`, recording a diagnostic if it cannot.
pub fn load_file(file: &Path, loaded: &mut Loaded) {
    let Some(text) = read_text(file, file.parent().unwrap_or(Path::new(".")), loaded) else {
        return;
    };
    let parsed = yaml::parse::<Meeting>(file, &text);
    match parsed {
        Ok(meeting) => {
            let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
            let inputs = meeting
                .days
                .iter()
                .flat_map(|d| &d.inputs)
                .map(|doc| inputs::inspect(&dir, &doc.file))
                .collect();
            let outcomes = load_outcomes(&dir.join(OUTCOMES_FILE), loaded);
            let translations = load_translations(&dir, &meeting, loaded);
            let (issued, issued_texts) = load_issued(&dir, loaded);
            loaded.meetings.push(LoadedMeeting {
                dir,
                file: file.to_path_buf(),
                meeting,
                meeting_text: text,
                inputs,
                outcomes,
                translations,
                issued,
                issued_texts,
            });
        }
        Err(d) => {
            // The text of a file that parsed lives in its LoadedMeeting; only a file that did
            // not is kept here, for its diagnostic's snippet (see `pipeline::Checked::sources`).
            loaded.sources.insert(file.to_path_buf(), text);
            loaded.diagnostics.push(*d);
        }
    }
}

/// Reads again what [`load_file`] read for the meeting in `file` (its translations into
/// `languages` and the input documents at `inputs`, as the meeting names them), without
/// parsing. `None` when anything cannot be read as the loader would.
pub fn reread(file: &Path, languages: &[String], inputs: &[String]) -> Option<Reread> {
    let mut problems = Loaded::default();
    let dir = file.parent().unwrap_or(Path::new("."));
    let meeting = read_text(file, dir, &mut problems)?;
    let present = |path: &Path| std::fs::symlink_metadata(path).is_ok();
    let outcomes_file = dir.join(OUTCOMES_FILE);
    let outcomes = match present(&outcomes_file) {
        true => Some(read_text(&outcomes_file, dir, &mut problems)?),
        false => None,
    };
    let mut translations = Vec::new();
    for lang in languages {
        let path = dir
            .join(translation::TRANSLATIONS_DIR)
            .join(format!("{lang}.yaml"));
        if present(&path) {
            translations.push((lang.clone(), read_text(&path, dir, &mut problems)?));
        }
    }
    let (_, issued) = load_issued(dir, &mut problems);
    let inputs = inputs.iter().map(|w| inputs::inspect(dir, w)).collect();
    problems.diagnostics.is_empty().then_some(Reread {
        meeting,
        outcomes,
        issued,
        translations,
        inputs,
    })
}

impl LoadedMeeting {
    /// The input documents' paths as the meeting names them, in order (what [`reread`] takes).
    pub fn input_paths(&self) -> Vec<String> {
        self.meeting
            .days
            .iter()
            .flat_map(|d| &d.inputs)
            .map(|doc| doc.file.clone())
            .collect()
    }
}

/// A user file's text, or a diagnostic in `loaded` saying why it cannot be read. Only a
/// regular file inside `meeting_dir` is opened (see [`safe`]): a `translations/` or
/// `issued/` folder that links elsewhere is not a way out of the meeting folder.
fn read_text(file: &Path, meeting_dir: &Path, loaded: &mut Loaded) -> Option<String> {
    let refuse = |loaded: &mut Loaded, message: String, hint: &str| {
        let d = Diagnostic::new(Rule::Io, file, Pos::default(), message).hint(hint);
        loaded.diagnostics.push(d);
    };
    match safe::read_regular(file, meeting_dir, safe::YAML_LIMIT) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                refuse(
                    loaded,
                    format!("the file is not UTF-8 text (invalid byte at offset {at})"),
                    "save the file as UTF-8",
                );
                None
            }
        },
        Err(r) => {
            refuse(loaded, r.message, r.hint);
            None
        }
    }
}

/// Reads `outcomes.yaml` if it exists; a parse error is recorded and the meeting goes on without.
fn load_outcomes(file: &Path, loaded: &mut Loaded) -> Option<LoadedOutcomes> {
    // symlink_metadata: a dangling link or a FIFO is there, and must be reported, not skipped.
    if std::fs::symlink_metadata(file).is_err() {
        return None;
    }
    let text = read_text(file, file.parent().unwrap_or(Path::new(".")), loaded)?;
    let parsed = yaml::parse::<Outcomes>(file, &text);
    match parsed {
        Ok(outcomes) => Some(LoadedOutcomes {
            file: file.to_path_buf(),
            outcomes,
            text,
        }),
        Err(d) => {
            loaded.sources.insert(file.to_path_buf(), text);
            loaded.diagnostics.push(*d);
            None
        }
    }
}

/// Reads `translations/<lang>.yaml` for each issued language but the source. A file that is
/// not there is left to the check (every text then warns as untranslated); one that does not
/// parse is a diagnostic.
fn load_translations(dir: &Path, meeting: &Meeting, loaded: &mut Loaded) -> Vec<LoadedTranslation> {
    let mut out = Vec::new();
    for lang in translated_languages(meeting) {
        let file = dir
            .join(translation::TRANSLATIONS_DIR)
            .join(format!("{lang}.yaml"));
        if std::fs::symlink_metadata(&file).is_err() {
            continue;
        }
        let Some(text) = read_text(&file, dir, loaded) else {
            continue;
        };
        match yaml::parse::<Translation>(&file, &text) {
            Ok(t) => out.push(LoadedTranslation {
                language: lang.to_owned(),
                file,
                translation: t,
                text,
            }),
            Err(d) => {
                loaded.sources.insert(file, text);
                loaded.diagnostics.push(*d);
            }
        }
    }
    out
}

/// Reads `issued/rev-0.json`, `rev-1.json`, ... in order. They are the secretariat's record
/// of what was issued: one that does not read back, or a gap in the numbers, is an error, and
/// the meeting is then taken as never issued rather than compared with a wrong revision.
pub fn load_issued(dir: &Path, loaded: &mut Loaded) -> (Vec<Issued>, Vec<String>) {
    let folder = dir.join(revision::ISSUED_DIR);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return (Vec::new(), Vec::new());
    };
    let mut numbered: Vec<(u32, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let number = name
            .strip_prefix("rev-")
            .and_then(|n| n.strip_suffix(".json"))
            .and_then(|n| n.parse::<u32>().ok());
        if let Some(n) = number {
            numbered.push((n, entry.path()));
        }
    }
    numbered.sort();
    let mut issued = Vec::new();
    let mut texts = Vec::new();
    let bad = |loaded: &mut Loaded, file: &Path, pos: Pos, message: String| {
        loaded
            .diagnostics
            .push(Diagnostic::new(Rule::BadIssued, file, pos, message).hint(
            "issued records are written by `docket issue`; restore this one from version control",
        ));
    };
    for (expected, (n, file)) in (0u32..).zip(numbered) {
        if n != expected {
            let message = format!(
                "{} is missing: revisions are numbered from 0 without gaps",
                revision::file_name(expected)
            );
            bad(loaded, &file, Pos::default(), message);
            return (Vec::new(), Vec::new());
        }
        let Some(text) = read_text(&file, dir, loaded) else {
            return (Vec::new(), Vec::new());
        };
        match serde_json::from_str::<Issued>(&text) {
            Ok(record)
                if record.revision == n
                    && record.format == revision::ISSUED_FORMAT
                    && crate::model::clock::parse_date(&record.date).is_ok() =>
            {
                issued.push(record);
                texts.push(text);
            }
            Ok(record) => {
                let message = format!(
                    "this file holds revision {} (format {}) of date `{}`: expected revision {n}, format {}, a YYYY-MM-DD date",
                    record.revision,
                    record.format,
                    record.date,
                    revision::ISSUED_FORMAT
                );
                loaded.sources.insert(file.clone(), text);
                bad(loaded, &file, Pos::new(1, 1), message);
                return (Vec::new(), Vec::new());
            }
            Err(e) => {
                let pos = Pos::new(
                    u32::try_from(e.line()).unwrap_or(0),
                    u32::try_from(e.column()).unwrap_or(0),
                );
                loaded.sources.insert(file.clone(), text);
                bad(loaded, &file, pos, format!("not an issued record: {e}"));
                return (Vec::new(), Vec::new());
            }
        }
    }
    (issued, texts)
}

/// The bytes of an input document the loader found inside its meeting folder.
pub fn read_input(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let mut bytes = Vec::new();
    safe::open_regular(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map(|_| bytes)
        .map_err(|e| {
            Diagnostic::new(
                Rule::Io,
                path,
                Pos::default(),
                format!("cannot read input document: {e}"),
            )
            .hint("check that the file is readable")
        })
}
