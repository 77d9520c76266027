//! PDF through typst, in-process: compile a template over the document's JSON data, export it as
//! tagged PDF/A, and map typst's diagnostics to ours with the template's file, line and column.

pub mod world;

use std::collections::BTreeSet;

use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use world::{DocWorld, Engine};

use crate::diag::{Diagnostic, Rule, Severity};
use crate::model::Pos;

/// What to render: a template over data, with the fixed identity of the output.
pub struct PdfJob<'a> {
    /// Template root path, such as `/agenda.typ`.
    pub main: &'a str,
    /// The JSON the template reads as `/data.json`.
    pub data: Vec<u8>,
    /// A stable identifier of the document (hashed into the PDF's document id).
    pub ident: String,
    /// The document's fixed timestamp (never the clock).
    pub timestamp: jiff::Timestamp,
    /// Declare PDF/A and PDF/UA. Both forbid glyphs no font has, so a document with such
    /// text is exported as a plain tagged PDF instead (and a warning says so).
    pub archival: bool,
}

/// The standards every docket PDF declares: archival (PDF/A-2a, accessible level) and PDF/UA-1.
pub fn standards() -> Vec<PdfStandard> {
    vec![PdfStandard::A_2a, PdfStandard::Ua_1]
}

/// Compiles and exports one PDF. Returns the bytes (if it compiled) and any diagnostics.
pub fn render(engine: &Engine, job: &PdfJob<'_>) -> (Option<Vec<u8>>, Vec<Diagnostic>) {
    let result = compile_and_export(engine, job);
    // Memoised results of earlier documents are of little use to later ones and would grow
    // memory by megabytes per document; keep only what recent documents used.
    // Measured on 100 meetings with 2 jobs: evict(10) is the fastest of 0, 2, 10, 30 and 100
    // (evict(0) costs a quarter more CPU for a quarter less memory).
    typst::comemo::evict(10);
    result
}

fn compile_and_export(engine: &Engine, job: &PdfJob<'_>) -> (Option<Vec<u8>>, Vec<Diagnostic>) {
    let Some(main) = world::file_id(job.main) else {
        return (None, vec![template_missing(job.main)]);
    };
    if engine.source(main).is_none() {
        return (None, vec![template_missing(job.main)]);
    }
    let today = to_datetime(job.timestamp);
    let Some(world) = DocWorld::new(engine, main, job.data.clone(), today) else {
        return (None, vec![template_missing(world::DATA_PATH)]);
    };
    let warned = typst::compile::<PagedDocument>(&world);
    let mut diags: Vec<Diagnostic> = warned
        .warnings
        .iter()
        .map(|d| convert(engine, &world, d))
        .collect();
    let document = match warned.output {
        Ok(doc) => doc,
        Err(errors) => {
            diags.extend(errors.iter().map(|d| convert(engine, &world, d)));
            return (None, diags);
        }
    };
    let options = PdfOptions {
        ident: Smart::Custom(job.ident.clone()),
        creator: Smart::Custom(Some(format!("docket {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(today)),
        standards: if job.archival {
            PdfStandards::new(&standards()).unwrap_or_default()
        } else {
            PdfStandards::default()
        },
        ..PdfOptions::default()
    };
    match typst_pdf::pdf(&document, &options) {
        Ok(bytes) => (Some(bytes), diags),
        Err(errors) => {
            diags.extend(errors.iter().map(|d| convert(engine, &world, d)));
            (None, diags)
        }
    }
}

fn template_missing(name: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::TemplateError,
        std::path::Path::new(name),
        Pos::default(),
        "template not found",
    )
    .hint("restore the file in your --templates folder, or remove the folder to use the defaults")
}

fn to_datetime(t: jiff::Timestamp) -> Datetime {
    let z = t.to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let part = |n: i8| u8::try_from(n).unwrap_or(0);
    Datetime::from_ymd_hms(
        i32::from(z.year()),
        part(z.month()),
        part(z.day()),
        part(z.hour()),
        part(z.minute()),
        part(z.second()),
    )
    .unwrap_or_else(|| Datetime::from_ymd(1980, 1, 1).expect("1980-01-01 is a date"))
}

/// A typst diagnostic as ours: the template file, line and column, message and hints.
fn convert(engine: &Engine, world: &DocWorld<'_>, d: &SourceDiagnostic) -> Diagnostic {
    let (rule, severity) = match d.severity {
        TypstSeverity::Error => (Rule::TemplateError, Severity::Error),
        TypstSeverity::Warning => (Rule::TemplateWarning, Severity::Warning),
    };
    let mut file = "template".to_owned();
    let mut pos = Pos::default();
    if let (Some(id), Some(range)) = (d.span.id(), world.range(d.span)) {
        file = engine.name(id).unwrap_or("/data.json").to_owned();
        if let Some((line, col)) = engine
            .source(id)
            .and_then(|s| s.lines().byte_to_line_column(range.start))
        {
            let n = |x: usize| u32::try_from(x + 1).unwrap_or(u32::MAX);
            pos = Pos::new(n(line), n(col));
        }
    }
    let hints: Vec<&str> = d.hints.iter().map(|h| h.v.as_str()).collect();
    let hint = if hints.is_empty() {
        "fix the template, or remove the override to use docket's default".to_owned()
    } else {
        hints.join("; ")
    };
    Diagnostic::new(
        rule,
        std::path::Path::new(&file),
        pos,
        d.message.to_string(),
    )
    .hint(hint)
    .severity(severity)
}

/// Characters of `texts` that no font in the engine can show, each with the first text using it.
pub fn missing_glyphs<'a>(
    engine: &Engine,
    texts: impl IntoIterator<Item = &'a str>,
) -> Vec<(char, &'a str)> {
    let book = engine.book();
    let infos: Vec<_> = (0..).map_while(|i| book.info(i)).collect();
    let mut seen = BTreeSet::new();
    let mut missing = Vec::new();
    for text in texts {
        for c in text.chars() {
            // Bidi marks and isolates (Fluent puts U+2068/U+2069 around arguments in
            // right-to-left text) steer layout and are never drawn.
            let bidi = matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}');
            if c.is_whitespace() || c.is_control() || bidi || !seen.insert(c) {
                continue;
            }
            if !infos
                .iter()
                .any(|info| info.coverage.contains(u32::from(c)))
            {
                missing.push((c, text));
            }
        }
    }
    missing
}
