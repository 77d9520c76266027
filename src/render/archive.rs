//! The yearly record's files: `record.json` (+ its schema), `index.html` and `record.pdf`, from
//! one [`YearRecord`]; [`super::bag`] makes the record a BagIt bag.

use minijinja::Value;
use sha2::{Digest, Sha256};

use super::Renderer;
use super::pdf::{self, PdfJob};
use crate::diag::Diagnostic;
use crate::render::view::record::YearRecord;

/// SHA-256 of bytes, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::load::safe::hex(&Sha256::digest(bytes))
}

/// `record.json`, pretty-printed.
pub fn record_json(record: &YearRecord) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(record).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// The JSON Schema of `record.json`.
pub fn record_schema() -> Vec<u8> {
    let mut bytes =
        serde_json::to_vec_pretty(&schemars::schema_for!(YearRecord)).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// `index.html`: every meeting with links, coverage and a search box; no external assets.
pub fn index_html(renderer: &Renderer, record: &YearRecord) -> Result<Vec<u8>, Diagnostic> {
    super::followup::render_template(
        renderer,
        "index.html.j2",
        Value::from(minijinja::value::Serde(record)),
    )
}

/// `record.pdf` through typst.
pub fn record_pdf(
    renderer: &Renderer,
    record: &YearRecord,
    timestamp: jiff::Timestamp,
) -> (Option<Vec<u8>>, Vec<Diagnostic>) {
    // PDF/A forbids glyphs no font has; such a record is still made, as a plain tagged PDF (the
    // meetings' own documents already carry the missing-glyph warnings).
    let mut texts = Vec::new();
    super::collect_strings(
        &serde_json::to_value(record).unwrap_or_default(),
        &mut texts,
    );
    let archival =
        pdf::missing_glyphs(&renderer.engine, texts.iter().map(String::as_str)).is_empty();
    let job = PdfJob {
        main: "/record.typ",
        data: record_json(record),
        ident: format!("docket/archive/{}", record.scope),
        timestamp,
        archival,
    };
    pdf::render(&renderer.engine, &job)
}
