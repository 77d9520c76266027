//! Diagnostics as values: every problem docket reports is a [`Diagnostic`] with a stable code,
//! a severity, the file, line and column, and a hint that says how to fix it.
//!
//! Stages never print; they return diagnostics next to their value and keep going, so one bad
//! meeting never hides the problems of the others. [`crate::report`] prints them at the edge.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::Pos;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information; never fails a run.
    Info,
    /// Worth fixing; fails the run only with `--deny-warnings`.
    Warning,
    /// The meeting cannot be rendered until it is fixed.
    Error,
}

macro_rules! rules {
    ($($variant:ident = $code:literal, $name:literal, $sev:ident, $doc:literal;)*) => {
        /// Every rule docket checks, each with a stable code, a name and a default severity.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Rule {
            $(#[doc = $doc] $variant,)*
        }

        impl Rule {
            /// All rules, in code order (for the README table and tests).
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The stable code, for example `E0201`.
            pub fn code(self) -> &'static str {
                match self { $(Rule::$variant => $code,)* }
            }

            /// The rule's name, for example `overlapping-sessions`.
            pub fn name(self) -> &'static str {
                match self { $(Rule::$variant => $name,)* }
            }

            /// Its severity.
            pub fn severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$sev,)* }
            }

            /// One line saying what it checks.
            pub fn doc(self) -> &'static str {
                match self { $(Rule::$variant => $doc,)* }
            }
        }
    };
}

rules! {
    Io = "E0001", "io", Error, "A file or folder could not be read or written.";
    YamlSyntax = "E0002", "yaml-syntax", Error, "The file is not well-formed YAML.";
    UnknownField = "E0003", "unknown-field", Error, "A field name that docket does not know (often a typo).";
    WrongType = "E0004", "wrong-type", Error, "A value of the wrong type, for example a list where text is expected.";
    DuplicateKey = "E0005", "duplicate-key", Error, "The same key written twice in one mapping; one would be lost.";
    MissingField = "E0006", "missing-field", Error, "A required field is missing.";
    UntrackedOutput = "E0101", "untracked-output", Error, "A desired output that no session of its day addresses.";
    DuplicateId = "E0102", "duplicate-id", Error, "Two sessions or desired outputs share an id.";
    UnresolvedRef = "E0103", "unresolved-reference", Error, "`addresses` or `continues` names an id that does not exist.";
    OtherDayAddress = "W0104", "other-day-address", Warning, "A session addresses a desired output of another day; it does not track it.";
    EmptySession = "E0105", "empty-session", Error, "An agenda row with neither a title nor items (a break may be an empty time row).";
    BadId = "E0106", "bad-id", Error, "An id that is not lowercase letters, digits and dashes.";
    ControlCharacter = "E0107", "control-character", Error, "Text with a control character (such as a vertical tab pasted from Word) that documents cannot hold.";
    ContinuesCycle = "E0108", "continues-cycle", Error, "Sessions whose `continues` links go round in a circle.";
    TextTooLong = "E0109", "text-too-long", Error, "A text value over 2,000 characters (the limit that keeps every accepted meeting renderable).";
    EmptyText = "E0110", "empty-text", Error, "Required text (title, series, host, venue, part, a desired output, an input title) that is empty or only blanks.";
    TooMany = "E0111", "too-many", Error, "More days, rows, lines, desired outputs or input documents than one meeting may hold.";
    BadTime = "E0201", "bad-time", Error, "A time range that is not HH:MM-HH:MM.";
    EndBeforeStart = "E0202", "end-before-start", Error, "A session that ends before it starts.";
    SessionsOutOfOrder = "E0203", "sessions-out-of-order", Error, "A timed session that starts before the previous one.";
    OverlappingSessions = "E0204", "overlapping-sessions", Error, "Two timed sessions of a day that overlap.";
    BadDate = "E0301", "bad-date", Error, "A date that is not YYYY-MM-DD.";
    DaysOutOfOrder = "E0302", "days-out-of-order", Error, "Days not in date order, or a date given twice.";
    OutsideWindow = "E0303", "outside-window", Error, "A day or session outside the published UTC event window.";
    LocalTimeLabel = "W0304", "local-time-label", Warning, "The local-time label disagrees with daylight saving in the meeting's time zone.";
    BadTimeZone = "E0305", "bad-time-zone", Error, "A time zone that is not an IANA name.";
    BadWindow = "E0306", "bad-window", Error, "An event window that is not two UTC instants in order.";
    InputEscapes = "E0401", "input-escapes", Error, "An input document path that leaves the meeting folder.";
    InputMissing = "E0402", "input-missing", Error, "An input document that does not exist.";
    InputEmpty = "E0403", "input-empty", Error, "An input document that is empty.";
    InputNameClash = "E0405", "input-name-clash", Error, "An input document named like a file docket generates for the meeting.";
    NoInputs = "I0404", "no-inputs", Info, "A day with no input documents.";
    OutcomeWrongMeeting = "E0601", "outcome-wrong-meeting", Error, "outcomes.yaml names another meeting.";
    CountMismatch = "E0602", "count-mismatch", Error, "A count that disagrees with the list beside it (8 main sessions agreed, 7 listed).";
    UnknownMainSession = "E0603", "unknown-main-session", Error, "A facilitator named for a main session that is not recorded.";
    OutcomeMissing = "W0604", "outcome-missing", Warning, "After the meeting, a desired output with no outcome (an error with --final).";
    OutcomePending = "W0605", "outcome-pending", Warning, "After the meeting, an outcome still pending (an error with --final).";
    OutcomeTwice = "E0606", "outcome-twice", Error, "A desired output closed by two outcome entries.";
    MisplacedOutcome = "E0607", "misplaced-outcome", Error, "An entry under `outcomes:` without `outputs`, or under `unassigned:` without a `session`.";
    BadLanguage = "E0701", "bad-language", Error, "A language tag docket cannot use (write it like `fr`, `zh-hans`, `es-419`), or one given twice.";
    MissingTranslation = "W0702", "missing-translation", Warning, "A text with no translation in an issued language; documents print it marked untranslated (an error with --final).";
    UnusedTranslation = "I0703", "unused-translation", Info, "A translation whose source text no longer appears in the meeting (reworded or removed).";
    TranslationLanguage = "E0704", "translation-language", Error, "A translation file whose `language` is not the one its file name says.";
    NoCatalog = "E0705", "no-catalog", Error, "An issued language with no message catalog in templates/locales/.";
    NoFontForLanguage = "E0706", "no-font-for-language", Error, "An issued language that no available font can show (Chinese needs a CJK font).";
    BadIssued = "E0801", "bad-issued-record", Error, "An issued revision (`issued/rev-<n>.json`) that does not read back, or a gap in their numbers.";
    ChangedSinceIssued = "I0802", "changed-since-issued", Info, "The definition differs from its last issued revision: documents say Draft until `docket issue`.";
    RemovedReference = "E0803", "removed-reference", Error, "outcomes.yaml names a session or desired output that a later revision removed.";
    TemplateError = "E0501", "template-error", Error, "A template failed to compile or export; the file and line are the template's.";
    TemplateWarning = "W0502", "template-warning", Warning, "A template compiled with a warning.";
    MissingGlyph = "W0503", "missing-glyph", Warning, "Text that no available font can show; add a font with --font-path.";
}

/// One problem, with everything a person needs to find and fix it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code, `E0204`.
    pub code: &'static str,
    /// Rule name, `overlapping-sessions`.
    pub rule: &'static str,
    /// Severity.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The file it is in.
    pub file: PathBuf,
    /// Line and column (1-based); 0 when the problem is the whole file.
    pub line: u32,
    /// Column, 1-based.
    pub column: u32,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic for `rule` at `pos` of `file`.
    pub fn new(rule: Rule, file: &Path, pos: Pos, message: impl Into<String>) -> Self {
        Self {
            code: rule.code(),
            rule: rule.name(),
            severity: rule.severity(),
            message: message.into(),
            file: file.to_path_buf(),
            line: pos.line,
            column: pos.col,
            hint: None,
        }
    }

    /// Adds the hint that says how to fix it.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Overrides the rule's default severity (outcomes tracking raises warnings to errors).
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

/// Why a command could not run at all (exit 2): the diagnostics to print, with the text of
/// the files they point into.
#[derive(Debug, Default)]
pub struct Stopped {
    /// What stopped it.
    pub diagnostics: Vec<Diagnostic>,
    /// Source texts for snippets.
    pub sources: crate::load::Sources,
}

impl From<Diagnostic> for Stopped {
    fn from(d: Diagnostic) -> Self {
        Self {
            diagnostics: vec![d],
            sources: crate::load::Sources::default(),
        }
    }
}

/// Counts by severity, for the summary line and the exit code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Info notes.
    pub infos: usize,
}

impl Tally {
    /// Counts a list of diagnostics.
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let mut t = Self::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Info => t.infos += 1,
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_match_severity() {
        let mut codes: Vec<_> = Rule::ALL.iter().map(|r| r.code()).collect();
        let mut names: Vec<_> = Rule::ALL.iter().map(|r| r.name()).collect();
        codes.sort();
        names.sort();
        codes.dedup();
        names.dedup();
        assert_eq!(codes.len(), Rule::ALL.len());
        assert_eq!(names.len(), Rule::ALL.len());
        for r in Rule::ALL {
            let letter = match r.severity() {
                Severity::Error => 'E',
                Severity::Warning => 'W',
                Severity::Info => 'I',
            };
            assert!(r.code().starts_with(letter), "{}", r.code());
        }
    }
}
