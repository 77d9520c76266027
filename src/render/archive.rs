//! The yearly record's files: `record.json` (+ its schema), `index.html`, `record.pdf` and
//! `MANIFEST.sha256`, from one [`YearRecord`].

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

/// `MANIFEST.sha256` in `sha256sum` format over `(path, bytes)`, sorted by path.
pub fn manifest<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<u8> {
    let mut lines: Vec<(String, String)> = files
        .into_iter()
        .map(|(p, b)| (p.to_owned(), sha256_hex(b)))
        .collect();
    lines.sort();
    lines
        .into_iter()
        .map(|(p, h)| format!("{h}  {p}\n"))
        .collect::<String>()
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_lines_are_sha256sum_format_in_path_order() {
        let m = String::from_utf8(manifest([
            ("b.txt", b"b" as &[u8]),
            ("a.txt", b"" as &[u8]),
        ]))
        .unwrap();
        assert_eq!(
            m,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a.txt\n\
             3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b.txt\n"
        );
    }
}
