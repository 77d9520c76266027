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
            // Errors in outcomes.yaml hold the meeting back too: its reports would be wrong.
            let outcomes = m.dir.join(load::OUTCOMES_FILE);
            !self
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error && (d.file == m.file || d.file == outcomes))
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
        keep_template_sources(&renderer, &mut checked);
    }
    checked.diagnostics.extend(render_diags);
    sort(&mut checked.diagnostics);
    let mut tops: Vec<PathBuf> = artifacts
        .iter()
        .filter_map(|a| a.rel_path.components().next())
        .map(|c| PathBuf::from(c.as_os_str()))
        .collect();
    tops.dedup();
    refuse_destinations(root, out, &tops)?;
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

/// Template diagnostics point into template files: keep their text for snippets.
fn keep_template_sources(renderer: &Renderer, checked: &mut Checked) {
    for (_, file) in renderer.templates.files() {
        let text = String::from_utf8_lossy(&file.bytes).into_owned();
        checked
            .loaded
            .sources
            .insert(PathBuf::from(&file.origin), text);
    }
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

/// No output folder may land inside the meetings folder (a meeting with `id: meetings` built
/// with `-o .` would otherwise write beside the secretariat's files).
fn refuse_destinations(root: &Path, out: &Path, tops: &[PathBuf]) -> Result<(), Diagnostic> {
    let Ok(root) = root.canonicalize() else {
        return Ok(());
    };
    for top in tops {
        let dest = out.join(top);
        if absolute_existing_prefix(&dest).is_some_and(|d| d.starts_with(&root)) {
            return Err(Diagnostic::new(
                Rule::Io,
                &dest,
                Pos::default(),
                format!(
                    "this output folder would be inside the meetings folder {}",
                    root.display()
                ),
            )
            .hint("write output elsewhere (`-o output`), or give the meeting another id"));
        }
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

/// What to put in a yearly record.
#[derive(Debug, Default, Clone)]
pub struct ArchiveOptions {
    /// Rendering options, shared with `build`.
    pub build: BuildOptions,
    /// Meetings with a day in this year.
    pub year: Option<i16>,
    /// Meetings of this series ("IGF 2024").
    pub series: Option<String>,
}

impl ArchiveOptions {
    /// The archive's folder name and the record's scope: the year, else the series as a slug.
    pub fn scope(&self) -> String {
        let scope = match (&self.year, &self.series) {
            (Some(y), _) => y.to_string(),
            (None, Some(s)) => s
                .to_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-"),
            (None, None) => "all".into(),
        };
        // A series with no letters or digits still gets a folder of its own.
        if scope.is_empty() {
            "series".into()
        } else {
            scope
        }
    }

    fn selects(&self, m: &load::LoadedMeeting) -> bool {
        let year_ok = self.year.is_none_or(|y| {
            m.meeting.days.iter().any(|d| {
                crate::model::clock::parse_date(&d.date.value).is_ok_and(|d| d.year() == y)
            })
        });
        year_ok
            && self
                .series
                .as_ref()
                .is_none_or(|s| m.meeting.series.trim() == s.trim())
    }
}

/// Builds the yearly record under `out/archive/<scope>/`: every selected meeting's documents
/// and input documents, `record.json` (+ schema), `record.pdf`, `index.html` and the manifest.
pub fn archive(root: &Path, out: &Path, options: &ArchiveOptions) -> Result<Built, Diagnostic> {
    use crate::model::{followup, normal, record};
    use crate::render::archive as files;

    refuse_output_inside(root, out)?;
    let renderer = options.build.renderer()?;
    let mut checked = check(root, &options.build.check);
    let scope = options.scope();
    let base = PathBuf::from("archive").join(&scope);
    let mut artifacts: Vec<Artifact> = Vec::new();
    let mut diags = renderer.template_diagnostics.clone();
    let mut chapters = Vec::new();
    let selected: Vec<&load::LoadedMeeting> =
        checked.clean().filter(|m| options.selects(m)).collect();
    if selected.is_empty() {
        return Err(Diagnostic::new(
            Rule::Io,
            root,
            Pos::default(),
            format!("no meeting without errors matches {scope}"),
        )
        .hint("check the --year or --series, and run `docket check` for meetings with errors"));
    }
    for m in selected {
        let (made, render_diags) = renderer.render_meeting(m);
        let failed = render_diags.iter().any(|d| d.severity == Severity::Error);
        diags.extend(render_diags);
        if failed {
            continue;
        }
        let mut mine: Vec<Artifact> = made
            .into_iter()
            .map(|a| Artifact {
                rel_path: PathBuf::from("meetings").join(a.rel_path),
                bytes: a.bytes,
            })
            .collect();
        let id = &m.meeting.id.value;
        let titles: Vec<&str> = m
            .meeting
            .days
            .iter()
            .flat_map(|d| &d.inputs)
            .map(|i| i.title.as_str())
            .collect();
        let mut documents = Vec::new();
        for (fact, title) in m.inputs.iter().zip(titles) {
            if let load::InputStatus::Ok { path, rel, .. } = &fact.status {
                let bytes = load::read_input(path)?;
                let rel = PathBuf::from("meetings").join(id).join(rel);
                documents.push(entry(&rel, "input", title, &bytes));
                mine.push(Artifact {
                    rel_path: rel,
                    bytes,
                });
            }
        }
        let inputs: Vec<PathBuf> = documents.iter().map(|d| PathBuf::from(&d.path)).collect();
        for a in mine.iter().filter(|a| !inputs.contains(&a.rel_path)) {
            let name = a
                .rel_path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            documents.push(entry(&a.rel_path, "generated", &name, &a.bytes));
        }
        let normal = normal::normalise(&m.meeting);
        chapters.push((
            followup::follow_up(&normal, m.outcomes.as_ref().map(|o| &o.outcomes)),
            documents,
        ));
        artifacts.extend(mine);
    }
    let record = record::year_record(&scope, chapters);
    let stamp = record
        .meetings
        .last()
        .map(|m| renderer.timestamp(&m.follow_up.meeting))
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    artifacts.push(Artifact {
        rel_path: "record.json".into(),
        bytes: files::record_json(&record),
    });
    artifacts.push(Artifact {
        rel_path: "record.schema.json".into(),
        bytes: files::record_schema(),
    });
    match files::index_html(&renderer, &record) {
        Ok(bytes) => artifacts.push(Artifact {
            rel_path: "index.html".into(),
            bytes,
        }),
        Err(d) => diags.push(d),
    }
    let (pdf, pdf_diags) = files::record_pdf(&renderer, &record, stamp);
    diags.extend(pdf_diags);
    if let Some(bytes) = pdf {
        artifacts.push(Artifact {
            rel_path: "record.pdf".into(),
            bytes,
        });
    }
    let manifest = files::manifest(
        artifacts
            .iter()
            .map(|a| (a.rel_path.to_str().unwrap_or(""), a.bytes.as_slice())),
    );
    artifacts.push(Artifact {
        rel_path: "MANIFEST.sha256".into(),
        bytes: manifest,
    });
    if !diags.is_empty() {
        keep_template_sources(&renderer, &mut checked);
    }
    let failed = diags.iter().any(|d| d.severity == Severity::Error);
    checked.diagnostics.extend(diags);
    sort(&mut checked.diagnostics);
    // An archive with a missing part is not a record: write nothing rather than half of it.
    // The new record replaces the old one whole, so no file of an earlier run lingers in it.
    let written = if failed {
        Vec::new()
    } else {
        let dir = out.join(&base);
        refuse_destinations(root, out, std::slice::from_ref(&base))?;
        write::replace_dir(&dir, &artifacts).map_err(|e| {
            Diagnostic::new(
                Rule::Io,
                &dir,
                Pos::default(),
                format!("cannot write the archive: {e}"),
            )
            .hint("check that the output folder is writable and the disk is not full")
        })?
    };
    Ok(Built { checked, written })
}

fn entry(rel: &Path, kind: &str, title: &str, bytes: &[u8]) -> crate::model::record::DocumentEntry {
    crate::model::record::DocumentEntry {
        path: rel.to_string_lossy().into_owned(),
        kind: kind.to_owned(),
        title: title.to_owned(),
        size: bytes.len() as u64,
        sha256: crate::render::archive::sha256_hex(bytes),
    }
}
