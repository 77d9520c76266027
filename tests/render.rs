//! Rendering end to end: the agenda PDF's text, order, metadata, reproducibility, and that
//! meeting text can never act as typst markup.

mod common;

use std::path::Path;

use common::{
    MustReplace, clean_copy_with, clean_copy_with_items, copy_dir, docket, example_copy, fixture,
    fold, pdftotext, root, stderr,
};

fn build(dir: &Path, out: &str) -> std::process::Output {
    let out = docket(dir, &["build", "-o", out]);
    assert!(out.status.code().is_some(), "docket crashed");
    out
}

/// Every session title, time, item, intervention and desired output is in the PDF, in order.
#[test]
fn the_agenda_pdf_has_every_line_of_the_seed_in_order() {
    let dir = example_copy();
    let out = build(dir.path(), "output");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = fold(&pdftotext(
        &dir.path().join("output/igf-2024-oc2-mag/agenda.pdf"),
    ));
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("output/igf-2024-oc2-mag/meeting.json")).unwrap(),
    )
    .unwrap();
    let mut expected = Vec::new();
    for day in json["days"].as_array().unwrap() {
        expected.push(format!(
            "DAY {} | {}",
            day["number"],
            day["date_text"].as_str().unwrap()
        ));
        for s in day["sessions"].as_array().unwrap() {
            expected.extend(s["time"].as_str().map(str::to_owned));
            expected.push(s["display_title"].as_str().unwrap().to_owned());
            for list in ["items", "interventions"] {
                expected.extend(
                    s[list]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap().to_owned()),
                );
            }
        }
        expected.extend(
            day["desired_outputs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["text"].as_str().unwrap().to_owned()),
        );
    }
    let mut from = 0;
    for line in expected.iter().filter(|l| !l.is_empty()) {
        let line = fold(line);
        match text[from..].find(&line) {
            Some(at) => from += at + line.len(),
            None => panic!(
                "`{line}` is missing from the PDF text after position {from}:\n{}",
                &text[from.min(text.len())..]
            ),
        }
    }
    assert!(
        text.contains("Time (CEST)"),
        "the table header names the zone in force"
    );
    assert!(text.contains("Page 1 of 4"), "{text}");
}

/// Same input, same bytes: twice, and alone versus in a batch with another meeting.
#[test]
fn builds_are_byte_identical_alone_and_in_a_batch() {
    let dir = example_copy();
    build(dir.path(), "one");
    build(dir.path(), "two");
    copy_dir(&fixture("clean/meetings"), &dir.path().join("meetings"));
    build(dir.path(), "batch");
    for file in ["agenda.pdf", "meeting.json"] {
        let read = |o: &str| {
            std::fs::read(dir.path().join(o).join("igf-2024-oc2-mag").join(file)).unwrap()
        };
        assert_eq!(
            read("one"),
            read("two"),
            "{file} differs between two builds"
        );
        assert_eq!(
            read("one"),
            read("batch"),
            "{file} differs when built in a batch"
        );
    }
    assert!(dir.path().join("batch/geneva-day/agenda.pdf").exists());
}

/// pdfinfo sees title and author; the XMP declares PDF/A-2 and PDF/UA-1.
#[test]
fn the_pdf_carries_metadata_and_declares_pdf_a() {
    let dir = example_copy();
    build(dir.path(), "output");
    let pdf = dir.path().join("output/igf-2024-oc2-mag/agenda.pdf");
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.contains(
            "Title:           IGF 2024 Second Open Consultations and MAG Meeting - Agenda"
        ),
        "{info}"
    );
    assert!(info.contains("Author:          IGF Secretariat"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
    let bytes = String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).into_owned();
    assert!(
        bytes.contains("<pdfaid:part>2</pdfaid:part>"),
        "no PDF/A part in the XMP"
    );
    assert!(bytes.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
    assert!(bytes.contains("<pdfuaid:part>1</pdfuaid:part>"));
}

/// Text that would be typst code if pasted into markup comes out literally.
#[test]
fn meeting_text_is_data_never_markup() {
    let hostile = [
        r#"#read("/etc/passwd")"#,
        "$x$",
        "*bold*",
        "<l>",
        "@ref",
        r"back\slash",
        "]",
        "// not a comment",
        "#{1+1}",
    ];
    let dir = clean_copy_with_items(&hostile);
    let out = build(dir.path(), "output");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = pdftotext(&dir.path().join("output/geneva-day/agenda.pdf"));
    for h in hostile {
        assert!(pdf.contains(h), "`{h}` is not literal in:\n{pdf}");
    }
    assert!(
        !pdf.contains("root:x:0:0"),
        "a file outside the sandbox was read"
    );
    assert!(pdf.contains("MAG Working Group Day <Strategy> & Outreach"));
}

/// A broken template override is a diagnostic naming the template's file and line.
#[test]
fn a_broken_template_names_its_file_and_line() {
    let dir = example_copy();
    let templates = dir.path().join("my-templates");
    std::fs::create_dir(&templates).unwrap();
    let good = std::fs::read_to_string(root().join("templates/agenda.typ")).unwrap();
    let broken = good.replacen(
        "#title-block(meeting, l(\"agenda\"))",
        "#title-block(meeting, l(\"agenda\"))\n#let x = (1 + \"a\")",
        1,
    );
    assert_ne!(good, broken);
    std::fs::write(templates.join("agenda.typ"), &broken).unwrap();
    let out = docket(dir.path(), &["build", "--templates", "my-templates"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let line = broken
        .lines()
        .position(|l| l.starts_with("#let x"))
        .unwrap()
        + 1;
    assert!(err.contains("error[E0501]"), "{err}");
    assert!(
        err.contains(&format!("my-templates/agenda.typ:{line}:")),
        "{err}"
    );
    assert!(
        !dir.path()
            .join("output/igf-2024-oc2-mag/agenda.pdf")
            .exists()
    );
}

/// An override replaces only the files it has; the rest stay the embedded defaults.
#[test]
fn a_template_override_replaces_file_by_file() {
    let dir = example_copy();
    let templates = dir.path().join("my-templates");
    std::fs::create_dir(&templates).unwrap();
    let style = std::fs::read_to_string(root().join("templates/style.typ")).unwrap();
    std::fs::write(
        templates.join("style.typ"),
        style.must_replace(
            "text(size: 9pt, upper(kind))",
            "text(size: 9pt)[OVERRIDDEN]",
        ),
    )
    .unwrap();
    let out = docket(dir.path(), &["build", "--templates", "my-templates"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = pdftotext(&dir.path().join("output/igf-2024-oc2-mag/agenda.pdf"));
    assert!(text.contains("OVERRIDDEN"));
}

/// Text no font can show is a warning naming it, and the PDF is still made.
#[test]
fn a_missing_glyph_is_a_warning_naming_the_text() {
    let dir = clean_copy_with("Working group reports", "Working group reports 会议");
    let out = build(dir.path(), "output");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "warning[W0503]: no font can show '会' (U+4F1A) in \"Working group reports 会议\""
        ),
        "{err}"
    );
    assert!(dir.path().join("output/geneva-day/agenda.pdf").exists());
}
