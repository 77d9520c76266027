//! Command-line types (clap derive). Only parsing lives here; `main.rs` acts on them.
// The doc comments here are the `--help` text, where `<year>` and `<lang>` are placeholders,
// not HTML.
#![allow(rustdoc::invalid_html_tags)]

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::Format;

/// docket: meeting definitions in, official agendas, summaries and records out.
#[derive(Debug, Parser)]
#[command(name = "docket", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every meeting below DIR and report problems (nothing is written).
    Check {
        /// Folder of meeting folders.
        #[arg(default_value = "meetings")]
        dir: PathBuf,
        /// How diagnostics are reported.
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Check, then render every meeting without errors into OUT (only those whose files,
    /// templates or fonts changed since the last build).
    Build(BuildArgs),
    /// Build, then rebuild the meetings whose files change, until stopped with Ctrl-C.
    Watch(BuildArgs),
    /// Write the yearly record of every meeting of a year (or series) into OUT/archive/<year>/.
    Archive {
        /// Folder of meeting folders.
        #[arg(default_value = "meetings")]
        dir: PathBuf,
        /// Output folder; the record goes into OUT/archive/<year>/.
        #[arg(short, long, default_value = "output")]
        out: PathBuf,
        /// Meetings with a day in this year.
        #[arg(long, required_unless_present = "series")]
        year: Option<i16>,
        /// Meetings of this series, for example "IGF 2024".
        #[arg(long)]
        series: Option<String>,
        /// Templates and fonts.
        #[command(flatten)]
        render: RenderArgs,
        /// How diagnostics are reported.
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Turn a published agenda (text, or a Word .docx) into a meeting.yaml to review.
    Import {
        /// The agenda: a text file, or a .docx.
        agenda: PathBuf,
        /// Where to write the YAML (never over an existing file); stdout when omitted.
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// The IANA time zone of the agenda's times; inferred from the venue when omitted.
        #[arg(long)]
        time_zone: Option<String>,
        /// The year of dates written without one ("Monday 6 March"); inferred when omitted.
        #[arg(long)]
        year: Option<i16>,
    },
    /// Re-hash yearly records (BagIt bags, or older records' MANIFEST.sha256); exit 1 on any
    /// file added, missing or changed.
    Verify {
        /// An archive folder, or a folder holding archives.
        #[arg(default_value = "output/archive")]
        out: PathBuf,
    },
    /// Print the JSON Schema of meeting.yaml, outcomes.yaml, a translation file, the generated
    /// meeting.json, or `docket diff --format json`.
    Schema {
        /// Which file's schema.
        #[arg(value_enum, default_value_t = SchemaKind::Meeting)]
        kind: SchemaKind,
    },
    /// Rapporteurs' outcomes files.
    Outcomes {
        /// What to do with them.
        #[command(subcommand)]
        command: OutcomesCommand,
    },
    /// Issue the meeting in MEETING_DIR as its next revision (the original is Rev.0, then
    /// Rev.1, ...), frozen in MEETING_DIR/issued/rev-<n>.json for the secretariat to commit.
    Issue {
        /// The meeting's folder.
        meeting_dir: PathBuf,
        /// The date of issue, YYYY-MM-DD; today when omitted (documents never read the clock).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// A note kept with the revision and listed in the yearly record.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// List the changes between two versions of a meeting: sessions added, removed, moved,
    /// retimed or retitled, items and interventions, desired outputs, rooms, input documents.
    Diff {
        /// The meeting's folder.
        meeting_dir: PathBuf,
        /// The older version: a revision number (`0`, `Rev.1`); by default the one before --to.
        #[arg(long, value_name = "REV")]
        from: Option<String>,
        /// The newer version: a revision number, or `current` (the definition as it is now).
        #[arg(long, value_name = "REV", default_value = "current")]
        to: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// Create a new meeting folder with a commented meeting.yaml that passes `check`.
    New {
        /// The meeting's id, also its folder name (lowercase, digits, dashes).
        slug: String,
        /// Where to create it.
        #[arg(long, default_value = "meetings")]
        dir: PathBuf,
    },
}

/// `docket outcomes ...`.
#[derive(Debug, Subcommand)]
pub enum OutcomesCommand {
    /// Write outcomes.yaml for a meeting: one pending entry per desired output, with comments.
    /// Never overwrites an existing file.
    Init {
        /// The meeting's folder (holding meeting.yaml).
        meeting_dir: PathBuf,
    },
}

/// What renders documents: templates and fonts.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// A folder whose files replace docket's templates of the same name.
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// A folder of extra fonts (for Arabic, Chinese or Russian agendas); repeatable.
    #[arg(long = "font-path")]
    pub font_paths: Vec<PathBuf>,
}

/// What `build` and `watch` take.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Folder of meeting folders.
    #[arg(default_value = "meetings")]
    pub dir: PathBuf,
    /// Output folder.
    #[arg(short, long, default_value = "output")]
    pub out: PathBuf,
    /// Templates and fonts.
    #[command(flatten)]
    pub render: RenderArgs,
    /// Jobs, caching and selection.
    #[command(flatten)]
    pub jobs: JobArgs,
    /// How diagnostics are reported.
    #[command(flatten)]
    pub report: ReportArgs,
}

/// How a build schedules and selects its work.
#[derive(Debug, Default, clap::Args)]
pub struct JobArgs {
    /// Meetings rendered at once (default: the number of cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Rebuild every meeting, even those whose inputs did not change.
    #[arg(long)]
    pub force: bool,
    /// Remove output folders of meetings that no longer exist (they are reported either way).
    #[arg(long)]
    pub prune: bool,
    /// Build only these outputs, comma-separated (json, agenda, akn, calendar, summary,
    /// actions, follow-up-html, follow-up-md, follow-up-pdf); the others are kept as they were.
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub only: Vec<String>,
    /// No progress bar and no closing summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// How diagnostics are reported and judged.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Output format of diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Before publishing: every desired output must have a recorded, non-pending outcome.
    #[arg(long = "final")]
    pub final_: bool,
    /// Check as if today were DATE (YYYY-MM-DD); outcomes are expected after a meeting ends.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

/// How `docket diff` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One line per change, coloured on a terminal.
    Text,
    /// JSON (`docket schema diff`).
    Json,
}

/// The schemas docket publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// meeting.yaml
    Meeting,
    /// outcomes.yaml
    Outcomes,
    /// translations/<lang>.yaml
    Translation,
    /// the output of `docket diff --format json`
    Diff,
    /// output/<id>/meeting.json, the normalised meeting other systems read
    MeetingJson,
}
