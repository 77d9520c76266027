//! Word agendas: the text of a `.docx`, paragraph by paragraph and table row by table row, in
//! document order, so it goes through the same parser as text. A numbered or bulleted paragraph
//! becomes a "• " line; a table row becomes one line with its cells joined by spaces, and the
//! paragraphs inside a cell after its first become lines of their own (the bullets under a
//! session title).

use docx_rs::{
    DocumentChild, Paragraph, ParagraphChild, RunChild, Table, TableCellContent, TableChild,
    TableRowChild,
};

/// The agenda text of a Word document, or why it cannot be read.
pub fn text_of(bytes: &[u8]) -> Result<String, String> {
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

fn paragraph(p: &Paragraph) -> String {
    let mut text = String::new();
    for child in &p.children {
        if let ParagraphChild::Run(run) = child {
            for c in &run.children {
                match c {
                    RunChild::Text(t) => text.push_str(&t.text),
                    RunChild::Tab(_) => text.push(' '),
                    _ => {}
                }
            }
        }
    }
    if p.property.numbering_property.is_some() && !text.trim().is_empty() {
        format!("• {text}")
    } else {
        text
    }
}

fn table(t: &Table, lines: &mut Vec<String>) {
    for TableChild::TableRow(row) in &t.rows {
        let mut first = Vec::new();
        let mut rest = Vec::new();
        for TableRowChild::TableCell(cell) in &row.cells {
            let paras: Vec<String> = cell
                .children
                .iter()
                .filter_map(|c| match c {
                    TableCellContent::Paragraph(p) => Some(paragraph(p)),
                    _ => None,
                })
                .filter(|p| !p.trim().is_empty())
                .collect();
            let mut paras = paras.into_iter();
            if let Some(head) = paras.next() {
                first.push(head);
            }
            rest.extend(paras);
        }
        lines.push(first.join(" "));
        lines.extend(rest);
    }
}
