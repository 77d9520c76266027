//! The `docket` binary: parse arguments, run a pipeline stage, print diagnostics, pick the exit
//! code (0 clean, 1 problems found, 2 could not run).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use docket::check::CheckOptions;
use docket::cli::{
    Cli, Command, DiffFormat, JobArgs, OutcomesCommand, RenderArgs, ReportArgs, SchemaKind,
};
use docket::diag::{Diagnostic, Tally};
use docket::load::Sources;
use docket::{pipeline, report, scaffold, schema};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { dir, report } => match check_options(&report) {
            Ok(options) => match pipeline::check(&dir, &options) {
                Ok(c) => finish(&report, &c.diagnostics, &c.sources(), c.loaded.count()),
                Err(d) => fail(&d),
            },
            Err(d) => fail(&d),
        },
        Command::Build(args) => {
            let options = match build_options(args.render, &args.jobs, &args.report) {
                Ok(options) => options,
                Err(d) => return fail(&d),
            };
            let progress = if show_progress(&args.jobs, &args.report) {
                docket::progress::Progress::stderr()
            } else {
                docket::progress::Progress::hidden()
            };
            let result = pipeline::Prepared::new(&options)
                .and_then(|p| pipeline::build_with(&p, &args.dir, &args.out, &options, &progress));
            finish_built(result, &args.out, &args.report, args.jobs.quiet)
        }
        Command::Watch(args) => {
            let options = match build_options(args.render, &args.jobs, &args.report) {
                Ok(options) => options,
                Err(d) => return fail(&d),
            };
            eprintln!("watching {} (Ctrl-C to stop)", args.dir.display());
            let d = docket::watch::watch(&args.dir, &args.out, &options, |result| {
                finish_built(result, &args.out, &args.report, args.jobs.quiet);
            });
            fail(&d)
        }
        Command::Schema { kind } => {
            let text = match kind {
                SchemaKind::Meeting => schema::meeting_schema(),
                SchemaKind::Outcomes => schema::outcomes_schema(),
                SchemaKind::Translation => schema::translation_schema(),
                SchemaKind::Diff => schema::diff_schema(),
                SchemaKind::MeetingJson => schema::meeting_json_schema(),
            };
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Command::Archive {
            dir,
            out,
            year,
            series,
            render,
            report,
        } => match build_options(render, &JobArgs::default(), &report) {
            Ok(build) => {
                let options = docket::archive::ArchiveOptions {
                    build,
                    year,
                    series,
                };
                finish_built(
                    docket::archive::archive(&dir, &out, &options),
                    &out,
                    &report,
                    false,
                )
            }
            Err(d) => fail(&d),
        },
        Command::Verify { out } => verify(&out),
        Command::Import {
            agenda,
            out,
            time_zone,
            year,
        } => import(
            &agenda,
            out.as_deref(),
            &docket::import::Options { time_zone, year },
        ),
        Command::New { slug, dir } => new_meeting(&slug, &dir),
        Command::Issue {
            meeting_dir,
            date,
            note,
        } => issue(&meeting_dir, date.as_deref(), note),
        Command::Diff {
            meeting_dir,
            from,
            to,
            format,
        } => diff(&meeting_dir, from.as_deref(), &to, format),
        Command::Outcomes {
            command: OutcomesCommand::Init { meeting_dir },
        } => outcomes_init(&meeting_dir),
    }
}

/// A progress bar only for a person at a terminal: not in CI, not when piped, not when quiet.
fn show_progress(jobs: &JobArgs, report: &ReportArgs) -> bool {
    use std::io::IsTerminal;
    !jobs.quiet
        && report.format == report::Format::Human
        && std::env::var_os("CI").is_none()
        && std::io::stderr().is_terminal()
}

/// Check options from the flags; today is the clock's date unless `--today` says otherwise.
fn check_options(args: &ReportArgs) -> Result<CheckOptions, Diagnostic> {
    let today = match &args.today {
        Some(text) => docket::model::clock::parse_date(text).map_err(|why| {
            Diagnostic::new(
                docket::diag::Rule::BadDate,
                Path::new("--today"),
                Default::default(),
                why,
            )
            .hint("write --today as YYYY-MM-DD")
        })?,
        None => jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date(),
    };
    Ok(CheckOptions {
        final_: args.final_,
        today,
    })
}

/// `docket issue`: the date is given or today's, read here at the edge.
fn issue(meeting_dir: &Path, date: Option<&str>, note: Option<String>) -> ExitCode {
    let date = match date {
        Some(text) => match docket::model::clock::parse_date(text) {
            Ok(d) => d,
            Err(why) => {
                return fail(
                    &io_error(Path::new("--date"), why).hint("write --date as YYYY-MM-DD"),
                );
            }
        },
        None => jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date(),
    };
    match docket::issue::issue(meeting_dir, date, note) {
        Ok(done) => {
            eprintln!(
                "issued {} of {}: {} ({} change{} since the previous revision); commit it with the meeting",
                docket::revision::label(done.revision),
                date,
                done.file.display(),
                done.changes.len(),
                if done.changes.len() == 1 { "" } else { "s" }
            );
            ExitCode::SUCCESS
        }
        Err(stopped) => {
            report::print(
                report::Format::Human,
                &stopped.diagnostics,
                &stopped.sources,
                0,
            );
            ExitCode::from(1)
        }
    }
}

/// `docket diff`.
fn diff(meeting_dir: &Path, from: Option<&str>, to: &str, format: DiffFormat) -> ExitCode {
    let rev = |flag: &str, text: &str| {
        docket::issue::Rev::parse(text).ok_or_else(|| {
            io_error(Path::new(flag), format!("`{text}` is not a revision"))
                .hint("give a revision number such as 1 or Rev.1, or `current`")
        })
    };
    let (from, to) = match (from.map(|f| rev("--from", f)).transpose(), rev("--to", to)) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(d), _) | (_, Err(d)) => return fail(&d),
    };
    let report = match docket::issue::diff(meeting_dir, from, to) {
        Ok(report) => report,
        Err(stopped) => {
            report::print(
                report::Format::Human,
                &stopped.diagnostics,
                &stopped.sources,
                0,
            );
            return ExitCode::from(1);
        }
    };
    match format {
        DiffFormat::Json => {
            let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
            text.push('\n');
            print!("{text}");
        }
        DiffFormat::Text => {
            use anstyle::Style;
            println!(
                "{}: {} -> {}, {} change(s)",
                report.meeting,
                report.from,
                report.to,
                report.changes.len()
            );
            for c in &report.changes {
                let (mark, colour) = docket::issue::mark(c.kind);
                let style = Style::new().fg_color(Some(colour.into()));
                anstream::println!("{style}{mark} {}{style:#}", docket::issue::describe(c));
            }
        }
    }
    ExitCode::SUCCESS
}

/// `docket outcomes init`.
fn outcomes_init(meeting_dir: &Path) -> ExitCode {
    match scaffold::outcomes_init(meeting_dir) {
        Ok(file) => {
            eprintln!(
                "created {}; record each outcome, then run `docket check --final`",
                file.display()
            );
            ExitCode::SUCCESS
        }
        Err(stopped) => stop(&stopped),
    }
}

/// Build options from the flags and the environment (`SOURCE_DATE_EPOCH`), read here at the edge.
fn build_options(
    render: RenderArgs,
    jobs: &JobArgs,
    report: &ReportArgs,
) -> Result<pipeline::BuildOptions, Diagnostic> {
    let only = if jobs.only.is_empty() {
        None
    } else {
        let mut chosen = Vec::new();
        for name in &jobs.only {
            let export = docket::render::exports::by_name(name.trim()).ok_or_else(|| {
                io_error(Path::new("--only"), format!("no output is called `{name}`"))
                    .hint(format!("choose from {}", docket::render::exports::names()))
            })?;
            chosen.push(export);
        }
        Some(chosen)
    };
    Ok(pipeline::BuildOptions {
        templates: render.templates,
        font_paths: render.font_paths,
        epoch: source_date_epoch()?,
        check: check_options(report)?,
        jobs: jobs.jobs,
        force: jobs.force,
        prune: jobs.prune,
        only,
    })
}

/// Prints a build's diagnostics, stale folders and summary line; the exit code follows from
/// the diagnostics (2 only when the build could not run at all).
fn finish_built<M: docket::load::Kept>(
    result: Result<pipeline::Built<M>, Diagnostic>,
    out: &Path,
    args: &ReportArgs,
    quiet: bool,
) -> ExitCode {
    let built = match result {
        Ok(built) => built,
        Err(d) => return fail(&d),
    };
    let c = &built.checked;
    let code = finish(args, &c.diagnostics, &c.sources(), c.loaded.count());
    if args.format == report::Format::Human {
        for dir in &built.stale {
            if built.pruned {
                eprintln!("removed {}: no meeting has this id any more", dir.display());
            } else {
                eprintln!(
                    "stale: {} belongs to no meeting any more; `--prune` removes it",
                    dir.display()
                );
            }
        }
        if !quiet {
            let n = built.counts;
            eprintln!(
                "built {}, unchanged {}, skipped with errors {}, failed {}; wrote {} files under {} in {:.2} s",
                n.built,
                n.unchanged,
                n.with_errors,
                n.failed,
                built.written.len(),
                out.display(),
                built.elapsed.as_secs_f64()
            );
        }
    }
    code
}

/// `SOURCE_DATE_EPOCH` (seconds since 1970), the reproducible-builds convention.
fn source_date_epoch() -> Result<Option<jiff::Timestamp>, Diagnostic> {
    let Ok(text) = std::env::var("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    text.trim()
        .parse::<i64>()
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map(Some)
        .ok_or_else(|| {
            io_error(Path::new("SOURCE_DATE_EPOCH"), format!("`{text}` is not a number of seconds"))
                .hint("set SOURCE_DATE_EPOCH to seconds since 1970-01-01, for example 1719388800, or unset it")
        })
}

/// Prints the diagnostics and turns them into the exit code: 1 for errors (or warnings with
/// `--deny-warnings`), else 0. A run that could not start never gets here (see [`fail`]).
fn finish(
    args: &ReportArgs,
    diagnostics: &[Diagnostic],
    sources: &Sources,
    meetings: usize,
) -> ExitCode {
    report::print(args.format, diagnostics, sources, meetings);
    let tally = Tally::of(diagnostics);
    if tally.errors > 0 || (args.deny_warnings && tally.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Diagnostics that stopped a command: printed with their snippets, exit 2.
fn stop(stopped: &docket::diag::Stopped) -> ExitCode {
    report::print(
        report::Format::Human,
        &stopped.diagnostics,
        &stopped.sources,
        0,
    );
    ExitCode::from(2)
}

/// A failure that stops docket from running at all: exit 2.
fn fail(d: &Diagnostic) -> ExitCode {
    anstream::eprintln!("{}", report::human(d, &Sources::default()));
    ExitCode::from(2)
}

/// `docket new`.
fn new_meeting(slug: &str, dir: &Path) -> ExitCode {
    match scaffold::new_meeting(slug, dir, jiff::ZonedDateTime::now().date()) {
        Ok(file) => {
            eprintln!(
                "created {}; edit it, then run `docket check {}`",
                file.display(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(d) => fail(&d),
    }
}

/// `docket verify`: 0 when every archive matches its manifest, 1 on any difference, 2 when
/// there is nothing to verify.
fn verify(root: &Path) -> ExitCode {
    let all = match docket::verify::verify_all(root) {
        Ok(all) => all,
        Err(d) => return fail(&d),
    };
    for d in &all {
        for (what, files) in [
            ("changed", &d.changed),
            ("missing", &d.missing),
            ("added", &d.added),
        ] {
            for f in files {
                println!("{what}: {}", d.dir.join(f).display());
            }
        }
        let n = d.changed.len() + d.missing.len() + d.added.len();
        eprintln!("{}: {} files match, {n} differ", d.dir.display(), d.ok);
    }
    if all.iter().all(docket::verify::Differences::clean) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `docket import`: reports every line not understood, then writes the YAML to stdout or,
/// never over an existing file, to `out`.
fn import(agenda: &Path, out: Option<&Path>, options: &docket::import::Options) -> ExitCode {
    let (imported, yaml) = match docket::import::import_file(agenda, options) {
        Ok(done) => done,
        Err(d) => return fail(&d),
    };
    for (n, line) in &imported.not_understood {
        anstream::eprintln!(
            "{}:{n}: not understood, kept as a comment: {line}",
            agenda.display()
        );
    }
    for note in &imported.notes {
        anstream::eprintln!("note: {note}");
    }
    if imported.is_empty() {
        eprintln!(
            "{}: no agenda found (no day and no timed or listed row); nothing was written",
            agenda.display()
        );
        eprintln!(
            "hint: give the agenda's text or .docx; see `docket import --help` for the forms read"
        );
        return ExitCode::from(1);
    }
    let Some(file) = out else {
        let _ = std::io::stdout().lock().write_all(yaml.as_bytes());
        return ExitCode::SUCCESS;
    };
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(parent);
    }
    match docket::write::create_new(file, yaml.as_bytes()) {
        Ok(()) => {
            eprintln!(
                "wrote {}; review it, then run `docket check`",
                file.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&io_error(file, format!("cannot write: {e}")).hint(
            "docket import never overwrites a file: choose another path or move the old one",
        )),
    }
}

/// A diagnostic for a file-system or usage problem at the edge (no position in a file).
fn io_error(path: impl AsRef<Path>, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(
        docket::diag::Rule::Io,
        path.as_ref(),
        Default::default(),
        message,
    )
}
