//! The one place that chains the stages: files -> load -> model -> check -> render -> write.
//! `docket check` stops after check; `docket build` goes on for every meeting without errors.

use std::path::{Path, PathBuf};

use crate::check::{self, CheckOptions};
use crate::diag::{Diagnostic, Rule, Severity};
use crate::load::{self, Loaded};
use crate::model::Pos;
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
    /// Meetings with no errors, ready to render.
    pub fn clean(&self) -> impl Iterator<Item = &load::LoadedMeeting> {
        self.loaded.meetings.iter().filter(|m| {
            !self
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error && d.file == m.file)
        })
    }
}

/// Loads and checks every meeting below `root`.
pub fn check(root: &Path, options: &CheckOptions) -> Checked {
    let mut loaded = load::load_dir(root);
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    for m in &loaded.meetings {
        diagnostics.extend(check::check_meeting(m, options));
    }
    diagnostics.extend(check::check_across(&loaded.meetings));
    sort(&mut diagnostics);
    Checked {
        loaded,
        diagnostics,
    }
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
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
}

impl BuildOptions {
    /// The renderer these options describe (reads template overrides and font folders).
    pub fn renderer(&self) -> Result<Renderer, Diagnostic> {
        let mut templates = Templates::embedded();
        if let Some(dir) = &self.templates {
            templates = templates.with_overrides(load::assets::template_overrides(dir)?);
        }
        let fonts = load::assets::font_store(&self.font_paths)?;
        Ok(Renderer::new(templates, fonts, self.epoch))
    }
}

/// What `build` did.
#[derive(Debug)]
pub struct Built {
    /// The check results, with render diagnostics added.
    pub checked: Checked,
    /// Files written.
    pub written: Vec<PathBuf>,
}

/// Checks, renders every clean meeting and writes the results under `out`.
pub fn build(root: &Path, out: &Path, options: &BuildOptions) -> Result<Built, Diagnostic> {
    refuse_output_inside(root, out)?;
    let renderer = options.renderer()?;
    let mut checked = check(root, &options.check);
    let mut artifacts: Vec<Artifact> = Vec::new();
    let mut render_diags = renderer.template_diagnostics.clone();
    for meeting in checked.clean() {
        let (made, diags) = renderer.render_meeting(meeting);
        // A meeting whose documents failed writes none of them, so outputs stay consistent.
        if !diags.iter().any(|d| d.severity == Severity::Error) {
            artifacts.extend(made);
        }
        render_diags.extend(diags);
    }
    if !render_diags.is_empty() {
        // Template diagnostics point into template files: keep their text for snippets.
        for (_, file) in renderer.templates.files() {
            let text = String::from_utf8_lossy(&file.bytes).into_owned();
            checked
                .loaded
                .sources
                .insert(PathBuf::from(&file.origin), text);
        }
    }
    checked.diagnostics.extend(render_diags);
    sort(&mut checked.diagnostics);
    let written = write::write_all(out, &artifacts).map_err(|e| {
        Diagnostic::new(
            Rule::Io,
            out,
            Pos::default(),
            format!("cannot write output: {e}"),
        )
        .hint("check that the output folder is writable and the disk is not full")
    })?;
    Ok(Built { checked, written })
}

/// The meetings folder is what people typed; the build never writes into it.
fn refuse_output_inside(root: &Path, out: &Path) -> Result<(), Diagnostic> {
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
