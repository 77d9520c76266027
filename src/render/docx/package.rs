//! Normalising the package docx-rs writes, so that a summary is complete and reproducible.
//!
//! docx-rs numbers headers, footers and paragraph ids from process-wide counters, so the second
//! document built in a process differs from the first; it writes "unknown" as the creator and
//! has no setter for the title; and it sets no document language. Rather than avoid headers or
//! build each file in a fresh process, we rewrite the parts after it: ids are renumbered in
//! order of appearance, `docProps/core.xml` is written whole, the language goes into the style
//! defaults, and the zip is rewritten with fixed timestamps and a fixed entry order.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};
use std::sync::LazyLock;

use regex::{Captures, Regex};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The document's core properties.
#[derive(Clone, Debug)]
pub struct Meta {
    /// dc:title.
    pub title: String,
    /// dc:subject.
    pub subject: String,
    /// dc:creator (the host).
    pub creator: String,
    /// cp:keywords.
    pub keywords: String,
    /// dc:language and the styles' default language (BCP 47).
    pub language: String,
    /// dcterms:created and modified (never the clock).
    pub timestamp: jiff::Timestamp,
    /// The document runs right to left (Arabic): paragraphs, runs and tables are marked so.
    pub rtl: bool,
}

/// Rewrites a docx package; an error if it cannot be read or written as a zip.
pub(super) fn normalise(raw: &[u8], meta: &Meta) -> Result<Vec<u8>, String> {
    let parts = read_parts(raw).map_err(|e| format!("the Word package is not a valid zip: {e}"))?;
    let mut renumber = Renumber::default();
    let parts: Vec<(String, Vec<u8>)> = parts
        .into_iter()
        .map(|(name, bytes)| {
            // Part names are renumbered like the references to them ("word/header3.xml").
            let name = renumber.text(&name);
            let bytes = match name.as_str() {
                "docProps/core.xml" => core_xml(meta).into_bytes(),
                _ if name.ends_with(".xml") || name.ends_with(".rels") => {
                    let mut text = renumber.text(&String::from_utf8_lossy(&bytes));
                    if name == "word/styles.xml" {
                        text = with_language(&text, &meta.language);
                    }
                    let body = name == "word/document.xml"
                        || name.starts_with("word/header")
                        || name.starts_with("word/footer");
                    if meta.rtl && body {
                        text = right_to_left(&text);
                    }
                    text.into_bytes()
                }
                _ => bytes,
            };
            (name, bytes)
        })
        .collect();
    write_parts(&parts).map_err(|e| format!("cannot write the Word package: {e}"))
}

fn read_parts(raw: &[u8]) -> zip::result::ZipResult<Vec<(String, Vec<u8>)>> {
    let mut archive = ZipArchive::new(Cursor::new(raw))?;
    let mut parts = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        parts.push((file.name().to_owned(), bytes));
    }
    Ok(parts)
}

fn write_parts(parts: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    // [Content_Types].xml first, as Office writes it; the rest in docx-rs's (fixed) order.
    let (first, rest): (Vec<_>, Vec<_>) =
        parts.iter().partition(|(n, _)| n == "[Content_Types].xml");
    for (name, bytes) in first.into_iter().chain(rest) {
        out.start_file(name.as_str(), options)?;
        out.write_all(bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

/// Maps process-global ids to ids numbered from 1 in order of first appearance.
#[derive(Default)]
struct Renumber {
    maps: HashMap<&'static str, HashMap<String, usize>>,
    para_ids: usize,
}

impl Renumber {
    fn next(&mut self, kind: &'static str, old: &str) -> usize {
        let map = self.maps.entry(kind).or_default();
        let n = map.len() + 1;
        *map.entry(old.to_owned()).or_insert(n)
    }

    fn text(&mut self, text: &str) -> String {
        static IDS: LazyLock<Regex> = LazyLock::new(|| {
            // Only in markup: attribute values (quoted) and part names (after a slash, ending
            // the value or the name). Text never holds a raw quote, docx-rs escapes it.
            Regex::new(r#""(rIdHeader|rIdFooter|rIdHyperlink)(\d+)"|([/"])(header|footer)(\d+)\.xml("|$)|(w14:paraId|w14:textId)="([0-9A-Fa-f]{8})""#)
                .unwrap()
        });
        IDS.replace_all(text, |c: &Captures<'_>| {
            if let Some(kind) = c.get(1) {
                let key = match kind.as_str() {
                    "rIdHeader" => "header",
                    "rIdFooter" => "footer",
                    _ => "hyperlink",
                };
                let n = self.next(key, &c[2]);
                format!("\"{}{n}\"", &c[1])
            } else if let Some(kind) = c.get(4) {
                let key = if kind.as_str() == "header" {
                    "header"
                } else {
                    "footer"
                };
                let n = self.next(key, &c[5]);
                format!("{}{}{n}.xml{}", &c[3], &c[4], &c[6])
            } else {
                self.para_ids += 1;
                format!("{}=\"{:08X}\"", &c[7], self.para_ids)
            }
        })
        .into_owned()
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn core_xml(meta: &Meta) -> String {
    let when = meta.timestamp.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords><dc:language>{}</dc:language><cp:lastModifiedBy>{}</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>"#,
        escape(&meta.title),
        escape(&meta.subject),
        escape(&meta.creator),
        escape(&meta.keywords),
        escape(&meta.language),
        escape(&meta.creator),
    )
}

/// Puts `<w:lang>` into the run defaults of styles.xml.
fn with_language(styles: &str, language: &str) -> String {
    let lang = format!(
        r#"<w:lang w:val="{0}" w:eastAsia="{0}" w:bidi="{0}" />"#,
        escape(language)
    );
    if let Some(at) = styles.find("<w:rPrDefault><w:rPr>") {
        let at = at + "<w:rPrDefault><w:rPr>".len();
        return format!("{}{lang}{}", &styles[..at], &styles[at..]);
    }
    styles.to_owned()
}

/// Marks a part right to left, which docx-rs cannot: `w:bidi` on every paragraph,
/// `w:rtl` on every run and `w:bidiVisual` on every table, each where ECMA-376's sequences
/// put it (bidi before spacing, ind and jc; the paragraph's rPr last; bidiVisual before tblW).
fn right_to_left(xml: &str) -> String {
    static PPR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<w:pPr>(.*?)</w:pPr>").unwrap());
    static RPR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"<w:rPr />|<w:rPr>(.*?)</w:rPr>").unwrap());
    // (docx-rs writes a `w:pPr` in every paragraph, so each gets its `w:bidi`.)
    let xml = RPR.replace_all(xml, |c: &Captures<'_>| {
        format!(
            "<w:rPr>{}<w:rtl /></w:rPr>",
            c.get(1).map_or("", |m| m.as_str())
        )
    });
    let xml = PPR.replace_all(&xml, |c: &Captures<'_>| {
        let mut inner = c[1].to_owned();
        // docx-rs writes the paragraph mark's rPr first; the schema wants it last.
        let mut mark = String::new();
        if inner.starts_with("<w:rPr>")
            && let Some(end) = inner.find("</w:rPr>")
        {
            mark = inner[..end + "</w:rPr>".len()].to_owned();
            inner = inner[mark.len()..].to_owned();
        }
        let at = ["<w:spacing", "<w:ind", "<w:jc"]
            .iter()
            .filter_map(|t| inner.find(t))
            .min()
            .unwrap_or(inner.len());
        inner.insert_str(at, "<w:bidi />");
        format!("<w:pPr>{inner}{mark}</w:pPr>")
    });
    xml.replace("<w:tblPr>", "<w:tblPr><w:bidiVisual />")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_marks_follow_the_schema_order() {
        let xml = r#"<w:p><w:pPr><w:rPr /><w:pStyle w:val="Title" /><w:jc w:val="right" /></w:pPr><w:r><w:rPr><w:b /></w:rPr><w:t>x</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW /></w:tblPr></w:tbl>"#;
        assert_eq!(
            right_to_left(xml),
            r#"<w:p><w:pPr><w:pStyle w:val="Title" /><w:bidi /><w:jc w:val="right" /><w:rPr><w:rtl /></w:rPr></w:pPr><w:r><w:rPr><w:b /><w:rtl /></w:rPr><w:t>x</w:t></w:r></w:p><w:tbl><w:tblPr><w:bidiVisual /><w:tblW /></w:tblPr></w:tbl>"#
        );
    }

    #[test]
    fn renumbering_touches_markup_but_not_text() {
        let mut r = Renumber::default();
        let xml = r#"<Relationship Id="rIdHeader7" Target="header7.xml" /><w:t>see footer7.xml and rIdHeader9</w:t>"#;
        assert_eq!(
            r.text(xml),
            r#"<Relationship Id="rIdHeader1" Target="header1.xml" /><w:t>see footer7.xml and rIdHeader9</w:t>"#
        );
        assert_eq!(r.text("word/header7.xml"), "word/header1.xml");
    }
}
