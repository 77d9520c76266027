//! `docket watch`: build, then rebuild whenever a file below the meetings folder (or a template
//! override or font folder) changes, so the secretariat sees the agenda update while editing.
//!
//! The run is prepared once (fonts indexed, templates parsed, typst's caches warm) and kept;
//! each round is an incremental [`build_with`], so only the meetings whose files changed are
//! rendered. A change to a template override or a font folder prepares the run again.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_mini::new_debouncer;

use crate::diag::{Diagnostic, Rule};
use crate::model::Pos;
use crate::pipeline::{BuildOptions, Built, Prepared, build_with};
use crate::progress::Progress;

/// How long a burst of file events may last before a rebuild starts (editors write a file in
/// several steps: truncate, write, rename).
pub const DEBOUNCE: Duration = Duration::from_millis(40);

/// Builds `root` into `out`, then rebuilds on every change, calling `report` after each round.
/// Returns only when watching fails (the user stops it with Ctrl-C).
pub fn watch(
    root: &Path,
    out: &Path,
    options: &BuildOptions,
    mut report: impl FnMut(Result<Built, Diagnostic>),
) -> Diagnostic {
    let mut prepared = match Prepared::new(options) {
        Ok(p) => p,
        Err(d) => return d,
    };
    let (tx, rx) = mpsc::channel();
    let mut debouncer = match new_debouncer(DEBOUNCE, tx) {
        Ok(d) => d,
        Err(e) => return failed(root, &e),
    };
    // notify reports absolute paths; compare with the asset folders in that form (and their
    // real path, when a folder is reached through a link).
    let assets: Vec<PathBuf> = options
        .templates
        .iter()
        .chain(&options.font_paths)
        .flat_map(|p| [std::path::absolute(p).ok(), p.canonicalize().ok()])
        .flatten()
        .collect();
    for (dir, mode) in std::iter::once((root, RecursiveMode::Recursive)).chain(
        assets
            .iter()
            .map(|d| (d.as_path(), RecursiveMode::Recursive)),
    ) {
        if let Err(e) = debouncer.watcher().watch(dir, mode) {
            return failed(dir, &e);
        }
    }
    report(build_with(
        &prepared,
        root,
        out,
        options,
        &Progress::hidden(),
    ));
    loop {
        let events = match rx.recv() {
            Ok(Ok(events)) => events,
            Ok(Err(e)) => return failed(root, &e),
            Err(_) => return failed(root, &"the file watcher stopped"),
        };
        let assets_changed = events
            .iter()
            .any(|e| assets.iter().any(|a| e.path.starts_with(a)));
        if assets_changed {
            match Prepared::new(options) {
                Ok(p) => prepared = p,
                Err(d) => {
                    report(Err(d));
                    continue;
                }
            }
        }
        report(build_with(
            &prepared,
            root,
            out,
            options,
            &Progress::hidden(),
        ));
    }
}

fn failed(path: &Path, e: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::new(
        Rule::Io,
        path,
        Pos::default(),
        format!("cannot watch for changes: {e}"),
    )
    .hint("check that the folder exists; on Linux, raise fs.inotify.max_user_watches if it is low")
}
