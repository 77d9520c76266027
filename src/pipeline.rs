//! The one place that chains the stages: files -> load -> model -> check -> render -> write.
//!
//! `docket check` stops after check. `docket build` then runs one *job* per clean meeting on
//! `--jobs` threads ([`crate::jobs`]): a job is a pure render of the meeting ([`Renderer::render_meeting`]) followed
//! by one write of its whole folder, so a meeting's files leave memory as soon as they are on
//! disk and memory stays flat whatever the number of meetings. A job whose build key matches
//! the stamp in its folder is skipped ([`crate::incremental`]). Outputs are the same bytes
//! whatever the number of jobs: each job depends only on its meeting and the run's settings.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::check::{self, CheckOptions};
use crate::diag::{Diagnostic, Rule, Severity};
use crate::incremental::index::{self, Index};
use crate::incremental::{self, RunFingerprint, Stamp};
use crate::load::{self, Loaded};
use crate::model::Pos;
use crate::progress::Progress;
use crate::render::exports::{self, Export};
use crate::render::templates::Templates;
use crate::render::{Artifact, Renderer};
use crate::write;

/// The result of loading and checking a meetings folder.
#[derive(Debug)]
pub struct Checked {
    /// What was read.
    pub loaded: Loaded,
    /// Every diagnostic, load and check, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// The texts the diagnostics' snippets need: files that did not parse (kept by the loader)
    /// and the meeting, outcomes and translation files that have diagnostics. Assembled when
    /// reporting, so a large build does not hold every meeting's text twice while it renders.
    pub fn sources(&self) -> load::Sources {
        let mut sources = self.loaded.sources.clone();
        let files: std::collections::BTreeSet<&Path> =
            self.diagnostics.iter().map(|d| d.file.as_path()).collect();
        for m in &self.loaded.meetings {
            if files.contains(m.file.as_path()) && !sources.contains(&m.file) {
                sources.insert(m.file.clone(), m.meeting_text.clone());
            }
            if let Some(o) = &m.outcomes
                && files.contains(o.file.as_path())
                && !sources.contains(&o.file)
            {
                sources.insert(o.file.clone(), o.text.clone());
            }
            for t in &m.translations {
                if files.contains(t.file.as_path()) && !sources.contains(&t.file) {
                    sources.insert(t.file.clone(), t.text.clone());
                }
            }
        }
        sources
    }

    /// Meetings with no errors, ready to render.
    pub fn clean(&self) -> impl Iterator<Item = &load::LoadedMeeting> {
        let errors = ErrorFiles::of(&self.diagnostics);
        self.loaded
            .meetings
            .iter()
            .filter(move |m| !errors.hold_back(&m.file, &m.dir))
    }
}

/// The files that have errors, to tell which meetings to hold back (a set: a thousand
/// meetings with thousands of notes must not be compared pairwise).
struct ErrorFiles<'a>(std::collections::HashSet<&'a Path>);

impl<'a> ErrorFiles<'a> {
    fn of(diagnostics: &'a [Diagnostic]) -> Self {
        Self(
            diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| d.file.as_path())
                .collect(),
        )
    }

    /// Whether the meeting in `file` has errors in its meeting.yaml or outcomes.yaml (errors
    /// in outcomes hold the meeting back too: its reports would be wrong).
    fn hold_back(&self, file: &Path, dir: &Path) -> bool {
        !self.0.is_empty()
            && (self.0.contains(file) || self.0.contains(dir.join(load::OUTCOMES_FILE).as_path()))
    }
}

/// Loads and checks every meeting below `root`, meetings in parallel. An error means docket
/// could not run at all (`root` is not a folder).
pub fn check(root: &Path, options: &CheckOptions) -> Result<Checked, Diagnostic> {
    check_with(root, options, &|_| None)
}

/// [`check`], taking what `reuse` knows of a meeting file instead of loading and checking it.
fn check_with(
    root: &Path,
    options: &CheckOptions,
    reuse: &(dyn Fn(&Path) -> Option<load::Reused> + Sync),
) -> Result<Checked, Diagnostic> {
    let mut loaded = load::load_dir_with(root, reuse)?;
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    let per_meeting: Vec<Vec<Diagnostic>> = loaded
        .meetings
        .par_iter()
        .map(|m| check::check_meeting(m, options))
        .collect();
    diagnostics.extend(per_meeting.into_iter().flatten());
    // In path order, parsed and known meetings together: the later of two meetings with one
    // id is the one reported, whichever of them was parsed.
    let mut ids: Vec<_> = loaded.ids().collect();
    ids.sort_by_key(|(_, file)| *file);
    diagnostics.extend(check::check_across(ids));
    sort(&mut diagnostics);
    Ok(Checked {
        loaded,
        diagnostics,
    })
}

pub(crate) fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
    });
}

/// How to build.
#[derive(Debug, Default, Clone)]
pub struct BuildOptions {
    /// A folder whose files replace the embedded templates of the same name.
    pub templates: Option<PathBuf>,
    /// Folders of extra fonts.
    pub font_paths: Vec<PathBuf>,
    /// `SOURCE_DATE_EPOCH`, read at the edge: the timestamp of every document.
    pub epoch: Option<jiff::Timestamp>,
    /// How to check.
    pub check: CheckOptions,
    /// Meetings rendered at once; `None` is the number of cores.
    pub jobs: Option<usize>,
    /// Rebuild every meeting, whatever its stamp says.
    pub force: bool,
    /// Remove output folders of meetings that no longer exist.
    pub prune: bool,
    /// Build only these exports (`--only agenda,summary`); `None` is all of them.
    pub only: Option<Vec<&'static Export>>,
}

/// What a run prepares once and every build of it shares: the renderer (templates parsed,
/// fonts indexed), the thread pool and the run's fingerprint. `docket watch` keeps one alive.
pub struct Prepared {
    /// The renderer.
    pub renderer: Renderer,
    /// The fingerprint of templates, fonts and options in every build key.
    pub run: RunFingerprint,
    /// Meetings rendered at once.
    pub jobs: usize,
    /// Threads for loading and checking.
    pool: rayon::ThreadPool,
}

impl Prepared {
    /// Reads template overrides and fonts, and starts the thread pool.
    pub fn new(options: &BuildOptions) -> Result<Self, Diagnostic> {
        let mut templates = Templates::embedded();
        if let Some(dir) = &options.templates {
            templates = templates.with_overrides(load::assets::template_overrides(dir)?);
        }
        let fonts = load::assets::font_store(&options.font_paths)?;
        let mut font_ids = load::assets::font_fingerprints(&options.font_paths);
        // Documents in Chinese use the installed CJK fonts: a change there rebuilds them.
        font_ids.extend(load::assets::font_fingerprints(&[
            load::assets::cjk_font_dir(),
        ]));
        let run = RunFingerprint::new(
            templates
                .files()
                .map(|(name, f)| (name, f.bytes.as_slice())),
            &font_ids,
            &run_options(options),
        );
        let renderer = Renderer::new(templates, fonts, options.font_paths.clone(), options.epoch);
        let jobs = options.jobs.filter(|&n| n > 0).unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        });
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .thread_name(|i| format!("docket-check-{i}"))
            .stack_size(crate::jobs::STACK)
            .build()
            .map_err(|e| {
                Diagnostic::new(
                    Rule::Io,
                    Path::new("--jobs"),
                    Pos::default(),
                    format!("cannot start {jobs} worker threads: {e}"),
                )
                .hint("give a smaller --jobs")
            })?;
        Ok(Self {
            renderer,
            run,
            jobs,
            pool,
        })
    }

    /// Runs `f` on this run's thread pool (so `par_iter` inside uses `--jobs` threads). For
    /// loading and checking only: rendering runs on [`crate::jobs`].
    pub fn install<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        self.pool.install(f)
    }
}

/// The options that change the bytes of a meeting's documents.
fn run_options(options: &BuildOptions) -> String {
    // Sorted and deduplicated: `agenda,summary` and `summary,agenda` build the same files.
    let only = options.only.as_ref().map(|o| {
        let mut names: Vec<&str> = o.iter().map(|e| e.name).collect();
        names.sort_unstable();
        names.dedup();
        names.join(",")
    });
    format!(
        "epoch={:?};only={only:?}",
        options.epoch.map(|e| e.as_second())
    )
}

/// What happened to each meeting of a build.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Rendered and written.
    pub built: usize,
    /// Skipped: nothing they depend on changed.
    pub unchanged: usize,
    /// Not rendered: the meeting has errors.
    pub with_errors: usize,
    /// Rendering or writing failed (a diagnostic says why); the old files were kept.
    pub failed: usize,
}

/// What `build` did.
#[derive(Debug)]
pub struct Built {
    /// The check results, with render diagnostics added.
    pub checked: Checked,
    /// Files written (not those of unchanged meetings).
    pub written: Vec<PathBuf>,
    /// Meetings built, unchanged, held back.
    pub counts: Counts,
    /// Output folders of meetings that no longer exist (removed with `--prune`).
    pub stale: Vec<PathBuf>,
    /// Whether the stale folders were removed.
    pub pruned: bool,
    /// Wall time of the build.
    pub elapsed: Duration,
}

/// Checks, renders every clean meeting and writes the results under `out`.
pub fn build(root: &Path, out: &Path, options: &BuildOptions) -> Result<Built, Diagnostic> {
    let prepared = Prepared::new(options)?;
    build_with(&prepared, root, out, options, &Progress::hidden())
}

/// [`build`] with a prepared run (kept across the rebuilds of `docket watch`).
pub fn build_with(
    prepared: &Prepared,
    root: &Path,
    out: &Path,
    options: &BuildOptions,
    progress: &Progress,
) -> Result<Built, Diagnostic> {
    let started = Instant::now();
    refuse_output_inside(root, out)?;
    let _lock = write::lock(out).map_err(|e| cannot_write(out, &e))?;
    // What killed runs left behind (the lock guarantees no running build owns it).
    write::sweep_stale(out);
    // Meetings whose files and documents are as the last build left them are not parsed.
    let index = if options.force {
        Index::next()
    } else {
        Index::read(out)
    };
    let reuse = |file: &Path| {
        let reused = index.reuse(file, out, &prepared.run, &options.check)?;
        // Its output folder is refused for the same reasons as a parsed meeting's.
        refuse_destination(root, &out.join(&reused.known.id.value)).ok()?;
        Some(reused)
    };
    let mut checked = prepared.install(|| check_with(root, &options.check, &reuse))?;
    let mut next = Index::next();
    for m in &checked.loaded.meetings {
        next.record(m, &checked.diagnostics, &options.check);
    }
    let clean: Vec<&load::LoadedMeeting> = checked.clean().collect();
    let mut counts = Counts {
        with_errors: checked.loaded.meetings.len() - clean.len(),
        ..Counts::default()
    };
    let mut diagnostics = prepared.renderer.template_diagnostics.clone();
    let errors = ErrorFiles::of(&checked.diagnostics);
    for k in &checked.loaded.known {
        // A known meeting gets an error only from another meeting (its id taken since).
        if errors.hold_back(&k.file, &k.dir) {
            counts.with_errors += 1;
        } else {
            counts.unchanged += 1;
            diagnostics.extend(k.replayed.iter().cloned());
            index.carry(&k.file, &mut next);
        }
    }
    progress.start(clean.len() as u64);
    // Measured on 100 meetings, 2 cores: a second thread inside each meeting only helps when
    // there are fewer meetings than jobs; otherwise the jobs already fill the cores.
    let inner = if clean.len() < prepared.jobs.max(2) {
        2
    } else {
        1
    };
    let results: Vec<JobResult> = crate::jobs::run(&clean, prepared.jobs, |m| {
        // A bug that panics on one meeting is a diagnostic for that meeting; the others go on.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_job(prepared, m, root, out, options, inner)
        }))
        .unwrap_or_else(|_| JobResult {
            status: JobStatus::Failed,
            written: Vec::new(),
            diagnostics: vec![
                Diagnostic::new(
                    Rule::Io,
                    &m.file,
                    Pos::default(),
                    "docket failed while rendering this meeting; its old documents were kept",
                )
                .hint("this is docket's fault, not the meeting's: please report it with the meeting file"),
            ],
        });
        progress.done(&m.meeting.id.value);
        result
    });
    progress.finish();
    // The index is a cache: one that cannot be written only means parsing again next time.
    let _ = write::write_atomic(&out.join(index::INDEX_FILE), &next.to_bytes());
    let mut written = Vec::new();
    for r in results {
        match r.status {
            JobStatus::Built => counts.built += 1,
            JobStatus::Unchanged => counts.unchanged += 1,
            JobStatus::Failed => counts.failed += 1,
        }
        written.extend(r.written);
        diagnostics.extend(r.diagnostics);
    }
    if diagnostics
        .iter()
        .any(|d| d.code.starts_with("E05") || d.code == "W0502")
    {
        keep_template_sources(&prepared.renderer, &mut checked);
    }
    checked.diagnostics.extend(diagnostics);
    sort(&mut checked.diagnostics);
    let stale = stale_folders(out, &checked.loaded);
    if options.prune {
        for dir in &stale {
            std::fs::remove_dir_all(dir).map_err(|e| cannot_write(dir, &e))?;
        }
    }
    Ok(Built {
        checked,
        written,
        counts,
        stale,
        pruned: options.prune,
        elapsed: started.elapsed(),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JobStatus {
    Built,
    Unchanged,
    Failed,
}

struct JobResult {
    status: JobStatus,
    written: Vec<PathBuf>,
    diagnostics: Vec<Diagnostic>,
}

/// One meeting: skip it if its stamp matches, else render it and swap its folder in whole.
fn run_job(
    prepared: &Prepared,
    m: &load::LoadedMeeting,
    root: &Path,
    out: &Path,
    options: &BuildOptions,
    threads: usize,
) -> JobResult {
    let failed = |diagnostics| JobResult {
        status: JobStatus::Failed,
        written: Vec::new(),
        diagnostics,
    };
    let dir = out.join(&m.meeting.id.value);
    if let Err(d) = refuse_destination(root, &dir) {
        return failed(vec![d]);
    }
    let key = incremental::meeting_key(&prepared.run, m);
    if !options.force
        && let Some(stamp) = Stamp::read(&dir)
        && stamp.key == key
        && stamp.files_intact(&dir)
    {
        return JobResult {
            status: JobStatus::Unchanged,
            written: Vec::new(),
            diagnostics: stamp.replay(),
        };
    }
    let valid = match crate::model::valid::validate(&m.meeting) {
        Ok(valid) => valid,
        Err(why) => return failed(vec![invalid(m, &why)]),
    };
    let (mut artifacts, diagnostics) =
        prepared
            .renderer
            .render_meeting(m, &valid, options.only.as_deref(), threads);
    // A meeting whose documents failed writes none of them, so its folder stays consistent.
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return failed(diagnostics);
    }
    if options.only.is_some() {
        carry_over(&dir, &mut artifacts);
    }
    // The source is kept absolute, so a later build from another folder still finds it.
    let source = std::path::absolute(&m.file).unwrap_or_else(|_| m.file.clone());
    let stamp = Stamp::new(key, &source, &artifacts, &diagnostics);
    artifacts.push(Artifact {
        rel_path: incremental::STAMP_FILE.into(),
        bytes: stamp.to_bytes(),
    });
    match write::replace_dir(&dir, &artifacts) {
        Ok(mut paths) => {
            paths.retain(|p| !p.ends_with(incremental::STAMP_FILE));
            JobResult {
                status: JobStatus::Built,
                written: paths,
                diagnostics,
            }
        }
        Err(e) => {
            let mut diagnostics = diagnostics;
            diagnostics.push(
                Diagnostic::new(
                    Rule::Io,
                    &m.file,
                    m.meeting.id.pos,
                    format!("cannot write {}: {e}", dir.display()),
                )
                .hint("check that the output folder is writable, the disk is not full and the id is a usable folder name; the other meetings were built"),
            );
            failed(diagnostics)
        }
    }
}

/// A meeting that passed check but does not validate: a bug between check and validate.
pub(crate) fn invalid(m: &load::LoadedMeeting, why: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::Io,
        &m.file,
        Pos::default(),
        format!("cannot render: {why}"),
    )
    .hint("docket's checks let this through: please report it with the meeting file")
}

/// With `--only`, the meeting's other documents stay as they were: copied from its current
/// folder into the new one, so the folder is still swapped in whole.
fn carry_over(dir: &Path, artifacts: &mut Vec<Artifact>) {
    // Every file an export wrote, in every language (`agenda.fr.pdf`), in name order.
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| exports::export_of(n).is_some())
        .collect();
    names.sort();
    for name in names {
        if artifacts.iter().any(|a| a.rel_path == Path::new(&name)) {
            continue;
        }
        let path = dir.join(&name);
        let regular = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
        if let (true, Ok(bytes)) = (regular, std::fs::read(&path)) {
            artifacts.push(Artifact {
                rel_path: name.into(),
                bytes,
            });
        }
    }
}

/// Folders in `out` that a build made (they hold a stamp) for meetings that are gone: no
/// meeting has the folder's id, and the `meeting.yaml` it was built from is either not found
/// (a file that cannot be read for now, or fails to parse, is not gone) or now loads under
/// another id.
fn stale_folders(out: &Path, loaded: &Loaded) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let ids: std::collections::BTreeSet<&str> =
        loaded.ids().map(|(id, _)| id.value.as_str()).collect();
    let by_source: std::collections::BTreeMap<PathBuf, &str> = loaded
        .ids()
        .filter_map(|(id, file)| Some((std::path::absolute(file).ok()?, id.value.as_str())))
        .collect();
    let mut stale: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| !ids.contains(e.file_name().to_string_lossy().as_ref()))
        .map(|e| e.path())
        .filter(|p| {
            Stamp::read(p).is_some_and(|s| {
                let source = Path::new(&s.source);
                match std::fs::symlink_metadata(source) {
                    Err(e) => e.kind() == std::io::ErrorKind::NotFound,
                    // Its file is there and loads as another meeting: the id was changed.
                    Ok(_) => by_source.contains_key(source),
                }
            })
        })
        .collect();
    stale.sort();
    stale
}

fn cannot_write(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Rule::Io,
        path,
        Pos::default(),
        format!("cannot write output: {e}"),
    )
    .hint("check that the output folder is writable and the disk is not full")
}

/// Template diagnostics point into template files: keep their text for snippets.
pub(crate) fn keep_template_sources(renderer: &Renderer, checked: &mut Checked) {
    for (_, file) in renderer.templates.files() {
        let text = String::from_utf8_lossy(&file.bytes).into_owned();
        checked
            .loaded
            .sources
            .insert(PathBuf::from(&file.origin), text);
    }
}

/// The meetings folder is what people typed; the build never writes into it.
pub(crate) fn refuse_output_inside(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let (Ok(root), Some(out_real)) = (root.canonicalize(), absolute_existing_prefix(out)) else {
        return Ok(());
    };
    if out_real.starts_with(&root) {
        return Err(Diagnostic::new(
            Rule::Io,
            out,
            Pos::default(),
            format!(
                "the output folder is inside the meetings folder {}",
                root.display()
            ),
        )
        .hint(
            "write output elsewhere, for example `-o output`; docket never writes into meetings",
        ));
    }
    Ok(())
}

/// No output folder may land inside the meetings folder (a meeting with `id: meetings` built
/// with `-o .` would otherwise write beside the secretariat's files).
pub(crate) fn refuse_destination(root: &Path, dest: &Path) -> Result<(), Diagnostic> {
    let Ok(root) = root.canonicalize() else {
        return Ok(());
    };
    if absolute_existing_prefix(dest).is_some_and(|d| d.starts_with(&root)) {
        return Err(Diagnostic::new(
            Rule::Io,
            dest,
            Pos::default(),
            format!(
                "this output folder would be inside the meetings folder {}",
                root.display()
            ),
        )
        .hint("write output elsewhere (`-o output`), or give the meeting another id"));
    }
    Ok(())
}

/// Canonical form of `path`, resolving the longest prefix that exists.
fn absolute_existing_prefix(path: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(path).ok()?;
    let mut rest = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(real) = cur.canonicalize() {
            return Some(rest.iter().rev().fold(real, |p, c| p.join(c)));
        }
        rest.push(cur.file_name()?.to_owned());
        cur = cur.parent()?;
    }
}
