//! The one place that chains the stages: files -> load -> model -> check -> render -> write.
//!
//! `docket check` stops after check. `docket build` then runs one *job* per clean meeting on
//! `--jobs` threads ([`crate::jobs`]): a job is a pure render of the meeting ([`Renderer::render_meeting`]) followed
//! by one write of its whole folder, so a meeting's files leave memory as soon as they are on
//! disk. The build does not hold parsed meetings either: each is let go of once checked
//! ([`Pending`]) and loaded again by its job, so memory stays flat whatever the number of
//! meetings. A job whose build key matches
//! the stamp in its folder is skipped ([`crate::incremental`]). Outputs are the same bytes
//! whatever the number of jobs: each job depends only on its meeting and the run's settings.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::check::{self, CheckOptions};
use crate::diag::{Diagnostic, Rule, Severity};
use crate::incremental::index::{self, Index};
use crate::incremental::{self, RunFingerprint, Stamp};
use crate::load::{self, Kept, Loaded, LoadedMeeting};
use crate::model::Pos;
use crate::progress::Progress;
use crate::render::exports::{self, Export};
use crate::render::templates::Templates;
use crate::render::{Artifact, Renderer};
use crate::write;

/// The result of loading and checking a meetings folder: every meeting as loaded (`check`,
/// the record), or as a build keeps it ([`Pending`]).
#[derive(Debug)]
pub struct Checked<M = LoadedMeeting> {
    /// What was read.
    pub loaded: Loaded<M>,
    /// Every diagnostic, load and check, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl<M: Kept> Checked<M> {
    /// The texts the diagnostics' snippets need: those the loader kept (files that did not
    /// parse, lines of meetings let go of) and the meeting, outcomes and translation files
    /// still held that have diagnostics. Assembled when reporting, so a large build does not
    /// hold every meeting's text twice while it renders.
    pub fn sources(&self) -> load::Sources {
        let mut sources = self.loaded.sources.clone();
        let files: std::collections::BTreeSet<&Path> =
            self.diagnostics.iter().map(|d| d.file.as_path()).collect();
        for m in &self.loaded.meetings {
            for (path, text) in m.texts() {
                if files.contains(path) && !sources.contains(path) {
                    sources.insert(path.to_path_buf(), text.to_owned());
                }
            }
        }
        sources
    }

    /// Meetings with no errors, ready to render.
    pub fn clean(&self) -> impl Iterator<Item = &M> {
        let errors = ErrorFiles::of(&self.diagnostics);
        self.loaded
            .meetings
            .iter()
            .filter(move |m| !errors.hold_back(m.file(), m.dir()))
    }
}

/// A meeting a build has checked and let go of, to load again in its job: where it is, its
/// id, and the content key of the files that were checked, so that the job renders exactly
/// those. Holding this instead of the parsed meeting keeps a build's memory flat.
#[derive(Debug)]
pub struct Pending {
    dir: PathBuf,
    file: PathBuf,
    id: crate::model::At<String>,
    content: String,
    /// Its entry for the next build index (none when it has errors).
    entry: Option<(String, index::Entry)>,
}

impl Pending {
    /// What a build keeps of `m`, checked with `part`'s diagnostics (the meeting's own),
    /// remembering in `part` the lines of its files that they point at.
    fn of(m: LoadedMeeting, part: &mut Loaded<Pending>, options: &CheckOptions) -> Self {
        let content = incremental::loaded_content_key(&m);
        for (path, text) in m.texts() {
            part.sources.keep_lines(path, text, &part.diagnostics);
        }
        // The id's line too: the check across meetings (an id taken) may yet point at it.
        part.sources
            .keep_line(&m.file, &m.meeting_text, m.meeting.id.pos.line);
        Self {
            entry: Index::entry(&m, &content, &part.diagnostics, options),
            content,
            id: m.meeting.id,
            dir: m.dir,
            file: m.file,
        }
    }
}

impl Kept for Pending {
    fn file(&self) -> &Path {
        &self.file
    }

    fn dir(&self) -> &Path {
        &self.dir
    }

    fn id(&self) -> &crate::model::At<String> {
        &self.id
    }

    fn texts(&self) -> Vec<(&Path, &str)> {
        Vec::new()
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
    check_with(root, options, &|_| None, &|m, _| m)
}

/// [`check`], taking what `reuse` knows of a meeting file instead of loading and checking it,
/// and keeping of each meeting what `keep` makes of it once it is checked (its diagnostics
/// are in the part `keep` is given).
fn check_with<M: Kept + Send>(
    root: &Path,
    options: &CheckOptions,
    reuse: &(dyn Fn(&Path) -> Option<load::Reused> + Sync),
    keep: &(dyn Fn(LoadedMeeting, &mut Loaded<M>) -> M + Sync),
) -> Result<Checked<M>, Diagnostic> {
    // Each meeting is checked as soon as it is loaded, on the loader's threads.
    let mut loaded = load::load_dir_with(root, reuse, &|m, part| {
        part.diagnostics.extend(check::check_meeting(&m, options));
        keep(m, part)
    })?;
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
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

/// What `build` (or `archive`, which holds every meeting it records) did.
#[derive(Debug)]
pub struct Built<M = Pending> {
    /// The check results, with render diagnostics added.
    pub checked: Checked<M>,
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
    // Each meeting is let go of once checked, and loaded again by its job.
    let keep = |m, part: &mut Loaded<Pending>| Pending::of(m, part, &options.check);
    let mut checked = prepared.install(|| check_with(root, &options.check, &reuse, &keep))?;
    let errors = ErrorFiles::of(&checked.diagnostics);
    let mut next = Index::next();
    for p in &mut checked.loaded.meetings {
        // Errors found across meetings (an id taken) are not in the entry's own check.
        if let Some(entry) = p.entry.take()
            && !errors.hold_back(&p.file, &p.dir)
        {
            next.insert(entry);
        }
    }
    let clean: Vec<&Pending> = checked.clean().collect();
    let mut counts = Counts {
        with_errors: checked.loaded.meetings.len() - clean.len(),
        ..Counts::default()
    };
    let mut diagnostics = prepared.renderer.template_diagnostics.clone();
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
        .unwrap_or_else(|_| {
            JobResult::failed(vec![
                Diagnostic::new(
                    Rule::Io,
                    &m.file,
                    Pos::default(),
                    "docket failed while rendering this meeting; its old documents were kept",
                )
                .hint("this is docket's fault, not the meeting's: please report it with the meeting file"),
            ])
        });
        progress.done(&m.id.value);
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
        checked.loaded.sources.extend(r.sources);
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
    /// The lines of the meeting's files that the diagnostics point at.
    sources: load::Sources,
}

impl JobResult {
    /// A meeting whose documents were not written; its old ones stay.
    fn failed(diagnostics: Vec<Diagnostic>) -> Self {
        Self {
            status: JobStatus::Failed,
            written: Vec::new(),
            diagnostics,
            sources: load::Sources::default(),
        }
    }
}

/// One meeting: load it again, skip it if its stamp matches, else render it and swap its
/// folder in whole.
fn run_job(
    prepared: &Prepared,
    p: &Pending,
    root: &Path,
    out: &Path,
    options: &BuildOptions,
    threads: usize,
) -> JobResult {
    let dir = out.join(&p.id.value);
    if let Err(d) = refuse_destination(root, &dir) {
        return JobResult::failed(vec![d]);
    }
    let Some(m) = reload(p) else {
        return JobResult::failed(vec![changed_while_building(p)]);
    };
    let mut result = render_job(prepared, &m, &dir, options, threads);
    for (path, text) in m.texts() {
        result.sources.keep_lines(path, text, &result.diagnostics);
    }
    result
}

/// The meeting `p` loaded again, if its files are still those that were checked.
fn reload(p: &Pending) -> Option<LoadedMeeting> {
    let mut again = Loaded::default();
    load::load_file(&p.file, &mut again);
    let m = again.meetings.pop()?;
    (incremental::loaded_content_key(&m) == p.content).then_some(m)
}

fn changed_while_building(p: &Pending) -> Diagnostic {
    Diagnostic::new(
        Rule::Io,
        &p.file,
        Pos::default(),
        "the meeting's files changed while docket was building it; its old documents were kept",
    )
    .hint("run docket build again to check and build what is there now")
}

/// The rest of a job, on the meeting loaded again.
fn render_job(
    prepared: &Prepared,
    m: &LoadedMeeting,
    dir: &Path,
    options: &BuildOptions,
    threads: usize,
) -> JobResult {
    let key = incremental::meeting_key(&prepared.run, m);
    if !options.force
        && let Some(stamp) = Stamp::read(dir)
        && stamp.key == key
        && stamp.files_intact(dir)
    {
        return JobResult {
            status: JobStatus::Unchanged,
            written: Vec::new(),
            diagnostics: stamp.replay(),
            sources: load::Sources::default(),
        };
    }
    let valid = match crate::model::valid::validate(&m.meeting) {
        Ok(valid) => valid,
        Err(why) => return JobResult::failed(vec![invalid(m, &why)]),
    };
    let (mut artifacts, diagnostics) =
        prepared
            .renderer
            .render_meeting(m, &valid, options.only.as_deref(), threads);
    // A meeting whose documents failed writes none of them, so its folder stays consistent.
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return JobResult::failed(diagnostics);
    }
    if options.only.is_some() {
        carry_over(dir, &mut artifacts);
    }
    // The source is kept absolute, so a later build from another folder still finds it.
    let source = std::path::absolute(&m.file).unwrap_or_else(|_| m.file.clone());
    let stamp = Stamp::new(key, &source, &artifacts, &diagnostics);
    artifacts.push(Artifact {
        rel_path: incremental::STAMP_FILE.into(),
        bytes: stamp.to_bytes(),
    });
    match write::replace_dir(dir, &artifacts) {
        Ok(mut paths) => {
            paths.retain(|p| !p.ends_with(incremental::STAMP_FILE));
            JobResult {
                status: JobStatus::Built,
                written: paths,
                diagnostics,
                sources: load::Sources::default(),
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
            JobResult::failed(diagnostics)
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
fn stale_folders(out: &Path, loaded: &Loaded<impl Kept>) -> Vec<PathBuf> {
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
pub(crate) fn keep_template_sources<M>(renderer: &Renderer, checked: &mut Checked<M>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference meeting copied into a fresh meetings folder; returns (guard, root, file).
    fn reference() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("meetings/igf-2024-oc2-mag");
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("meetings");
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.unwrap();
            let to = root
                .join("m")
                .join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        let file = root.join("m").join(load::MEETING_FILE);
        (tmp, root, file)
    }

    fn pending(root: &Path) -> Checked<Pending> {
        let options = CheckOptions::default();
        let keep = |m, part: &mut Loaded<Pending>| Pending::of(m, part, &options);
        check_with(root, &options, &|_| None, &keep).unwrap()
    }

    #[test]
    fn a_build_keeps_the_lines_its_diagnostics_point_at_not_the_meetings() {
        let (_tmp, root, file) = reference();
        let checked = pending(&root);
        assert_eq!(checked.loaded.meetings.len(), 1);
        let warning = checked
            .diagnostics
            .iter()
            .find(|d| d.code == "W0304")
            .expect("the reference meeting's time label warning");
        let sources = checked.sources();
        assert_eq!(
            sources.line(&file, warning.line),
            Some("local_time_label: CET")
        );
        // The first line has no diagnostic: it was not kept.
        assert_eq!(sources.line(&file, 1), None);
    }

    #[test]
    fn a_job_renders_only_the_files_that_were_checked() {
        let (_tmp, root, file) = reference();
        let checked = pending(&root);
        let p = &checked.loaded.meetings[0];
        assert!(reload(p).is_some(), "unchanged files load again");
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, text.replace("LUNCH BREAK", "LUNCH")).unwrap();
        assert!(
            reload(p).is_none(),
            "a file edited after the check is not rendered"
        );
        std::fs::write(&file, "not: [a meeting").unwrap();
        assert!(reload(p).is_none());
    }
}
