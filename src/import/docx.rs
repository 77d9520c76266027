//! Word agendas: the text of a `.docx`, paragraph by paragraph and table row by table row, in
//! document order, so it goes through the same parser as text. A numbered or bulleted paragraph
//! becomes a "• " line; a table row becomes a pipe-table line (its cells' paragraphs joined by
//! "<br>"), read like a pipe table pasted as text.

use std::io::Read;
use std::time::Duration;

use docx_rs::{
    DocumentChild, Paragraph, ParagraphChild, RunChild, Table, TableCellContent, TableChild,
    TableRowChild,
};

/// The most a .docx may expand to, all parts together (an agenda is well under 1 MB).
pub const EXPANDED_LIMIT: u64 = 50 * 1024 * 1024;
/// The most parts a .docx may hold.
pub const PART_LIMIT: usize = 10_000;
/// The deepest element nesting accepted in document.xml (real agendas stay under 30; tables
/// nested thousands deep would overflow the parser's stack).
pub const DEPTH_LIMIT: usize = 256;
/// How long reading the document may take before it is given up.
pub const TIME_LIMIT: Duration = Duration::from_secs(5);

/// The agenda text of a Word document, or why it cannot be read. The package is checked
/// before it is parsed: its real expanded size (read, not as declared), its number of parts,
/// and the nesting and balance of document.xml; the parse itself runs with a time limit.
pub fn text_of(bytes: &[u8]) -> Result<String, String> {
    precheck(bytes)?;
    let owned = bytes.to_vec();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("docx-import".into())
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let _ = tx.send(read(&owned));
        })
        .map_err(|e| format!("cannot start reading the document: {e}"))?;
    // On a time-out the reader thread is left behind; `import` ends right after, and with it.
    rx.recv_timeout(TIME_LIMIT).unwrap_or_else(|_| {
        Err(format!(
            "reading the document took more than {} s; it was given up",
            TIME_LIMIT.as_secs()
        ))
    })
}

/// Size, part count, and the shape of document.xml, without trusting declared sizes.
fn precheck(bytes: &[u8]) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a readable Word document: {e}"))?;
    if zip.len() > PART_LIMIT {
        return Err(format!(
            "the document has {} parts, over the limit of {PART_LIMIT}",
            zip.len()
        ));
    }
    let mut total = 0u64;
    let mut document = None;
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|e| format!("not a readable Word document: {e}"))?;
        let name = part.name().to_owned();
        let mut content = Vec::new();
        // Read at most what is still allowed, plus one byte to see whether there is more.
        (&mut part)
            .take(EXPANDED_LIMIT - total + 1)
            .read_to_end(&mut content)
            .map_err(|e| format!("not a readable Word document ({name}): {e}"))?;
        total += content.len() as u64;
        if total > EXPANDED_LIMIT {
            return Err(format!(
                "the document expands to more than {} MB; it was not read",
                EXPANDED_LIMIT / (1024 * 1024)
            ));
        }
        // Every XML part docx-rs parses (headers, footers, numbering, ...) is checked, not
        // only the document: nesting anywhere would overflow the parser's stack.
        if name.ends_with(".xml") || name.ends_with(".rels") {
            check_xml(&content).map_err(|e| e.replace("document.xml", &name))?;
        }
        if name == "word/document.xml" {
            document = Some(());
        }
    }
    document.ok_or("not a Word document: it has no word/document.xml")?;
    Ok(())
}

/// Element nesting within [`DEPTH_LIMIT`], and every element closed.
fn check_xml(xml: &[u8]) -> Result<(), String> {
    let find = |from: usize, needle: &[u8]| {
        xml.get(from..)
            .and_then(|rest| rest.windows(needle.len()).position(|w| w == needle))
            .map(|at| from + at + needle.len())
    };
    let malformed = |why: &str| format!("document.xml is malformed: {why}");
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(at) = xml
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        let start = i + at + 1;
        let rest = &xml[start..];
        i = if rest.starts_with(b"?") {
            find(start, b"?>").ok_or_else(|| malformed("an unclosed declaration"))?
        } else if rest.starts_with(b"!--") {
            find(start, b"-->").ok_or_else(|| malformed("an unclosed comment"))?
        } else if rest.starts_with(b"![CDATA[") {
            find(start, b"]]>").ok_or_else(|| malformed("an unclosed CDATA section"))?
        } else if rest.starts_with(b"!") {
            find(start, b">").ok_or_else(|| malformed("an unclosed declaration"))?
        } else if rest.starts_with(b"/") {
            depth = depth
                .checked_sub(1)
                .ok_or_else(|| malformed("an element is closed that was never opened"))?;
            find(start, b">").ok_or_else(|| malformed("an unclosed tag"))?
        } else {
            // The tag's end, skipping `>` inside quoted attribute values.
            let mut quote = None;
            let mut end = None;
            for (k, &b) in rest.iter().enumerate() {
                match (quote, b) {
                    (None, b'"' | b'\'') => quote = Some(b),
                    (Some(q), _) if b == q => quote = None,
                    (None, b'>') => {
                        end = Some(k);
                        break;
                    }
                    _ => {}
                }
            }
            let end = end.ok_or_else(|| malformed("an unclosed tag"))?;
            if rest[..end].last() != Some(&b'/') {
                depth += 1;
                if depth > DEPTH_LIMIT {
                    return Err(format!(
                        "document.xml nests elements more than {DEPTH_LIMIT} deep; it was not read"
                    ));
                }
            }
            start + end + 1
        };
    }
    if depth != 0 {
        return Err(malformed("elements are left unclosed"));
    }
    Ok(())
}

fn read(bytes: &[u8]) -> Result<String, String> {
    let docx =
        docx_rs::read_docx(bytes).map_err(|e| format!("not a readable Word document: {e}"))?;
    let mut lines = Vec::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => lines.push(paragraph(p)),
            DocumentChild::Table(t) => table(t, &mut lines),
            _ => {}
        }
    }
    Ok(lines.join("\n"))
}

/// A paragraph's text: its runs, the runs of its hyperlinks and tracked insertions; a line
/// break inside it starts a new line.
fn paragraph(p: &Paragraph) -> String {
    let mut text = String::new();
    children_text(&p.children, &mut text);
    if p.property.numbering_property.is_some() && !text.trim().is_empty() {
        format!("• {text}")
    } else {
        text
    }
}

fn children_text(children: &[ParagraphChild], text: &mut String) {
    for child in children {
        match child {
            ParagraphChild::Run(run) => run_text(run, text),
            ParagraphChild::Hyperlink(link) => children_text(&link.children, text),
            ParagraphChild::Insert(insert) => {
                for c in &insert.children {
                    if let docx_rs::InsertChild::Run(run) = c {
                        run_text(run, text);
                    }
                }
            }
            _ => {}
        }
    }
}

fn run_text(run: &docx_rs::Run, text: &mut String) {
    for c in &run.children {
        match c {
            RunChild::Text(t) => text.push_str(&t.text),
            RunChild::Tab(_) => text.push('\t'),
            RunChild::Break(_) | RunChild::CarriageReturn(_) => text.push('\n'),
            _ => {}
        }
    }
}

/// A table row as a pipe-table line, "| 09:00-10:30 | Opening <br> • Welcome |", so that rows,
/// heading rows and columns are read as in pasted pipe tables; a cell's paragraphs are joined
/// by "<br>" and a literal "|" is escaped.
fn table(t: &Table, lines: &mut Vec<String>) {
    for TableChild::TableRow(row) in &t.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|TableRowChild::TableCell(cell)| {
                cell.children
                    .iter()
                    .filter_map(|c| match c {
                        TableCellContent::Paragraph(p) => Some(paragraph(p)),
                        _ => None,
                    })
                    .flat_map(|p| p.split('\n').map(str::to_owned).collect::<Vec<_>>())
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| p.trim().replace('\t', " ").replace('|', "\\|"))
                    .collect::<Vec<_>>()
                    .join(" <br> ")
            })
            .collect();
        if cells.iter().any(|c| !c.is_empty()) {
            lines.push(format!("| {} |", cells.join(" | ")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(document: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(document).unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn deep_unbalanced_and_expanding_documents_are_refused_at_once() {
        let started = std::time::Instant::now();
        let deep = format!(
            "<w:document>{}{}</w:document>",
            "<w:tbl><w:tr><w:tc>".repeat(10_000),
            "</w:tc></w:tr></w:tbl>".repeat(10_000)
        );
        let e = text_of(&package(deep.as_bytes())).unwrap_err();
        assert!(e.contains("deep"), "{e}");
        let e = text_of(&package(b"<w:document><w:body><w:p>")).unwrap_err();
        assert!(e.contains("malformed"), "{e}");
        let e = text_of(&package(b"<w:document></w:body></w:document>")).unwrap_err();
        assert!(e.contains("malformed"), "{e}");
        // 60 MB of one byte, a few kilobytes compressed.
        let big = vec![b' '; 60 * 1024 * 1024];
        let e = text_of(&package(&big)).unwrap_err();
        assert!(e.contains("expands"), "{e}");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn attributes_comments_and_declarations_do_not_confuse_the_scanner() {
        let xml = br#"<?xml version="1.0"?><!-- a > b --><w:document a="x>y"><w:p/><![CDATA[<<]]></w:document>"#;
        assert!(check_xml(xml).is_ok());
    }
}
