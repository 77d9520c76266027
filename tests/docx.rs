//! The Word summary: complete, styled, well-formed, reproducible, and faithful to the text.

mod common;

use std::io::Read;
use std::path::Path;

use common::{MustReplace, clean_copy_with_items, copy_dir, docket, example_copy, fixture, stderr};

fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of each paragraph of document.xml, with its style.
fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let p = regex::Regex::new(r"(?s)<w:p\b.*?</w:p>").unwrap();
    let style = regex::Regex::new(r#"<w:pStyle w:val="([^"]+)""#).unwrap();
    let t = regex::Regex::new(r"(?s)<w:t\b[^>]*>(.*?)</w:t>").unwrap();
    p.find_iter(xml)
        .map(|m| {
            let m = m.as_str();
            let s = style
                .captures(m)
                .map(|c| c[1].to_owned())
                .unwrap_or_default();
            let text: String = t.captures_iter(m).map(|c| unescape(&c[1])).collect();
            (s, text)
        })
        .collect()
}

fn build(dir: &Path, out: &str) {
    let o = docket(dir, &["build", "-o", out]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// Every session, item, intervention and desired output of the seed, with Heading styles.
#[test]
fn the_summary_holds_the_whole_agenda_with_real_heading_styles() {
    let dir = example_copy();
    build(dir.path(), "output");
    let docx = dir.path().join("output/igf-2024-oc2-mag/summary.docx");
    let paras = paragraphs(&part(&docx, "word/document.xml"));
    let texts: Vec<&str> = paras.iter().map(|(_, t)| t.as_str()).collect();
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("output/igf-2024-oc2-mag/meeting.json")).unwrap(),
    )
    .unwrap();
    for day in json["days"].as_array().unwrap() {
        let heading = format!(
            "Day {} | {} {} | {}",
            day["number"],
            day["weekday"].as_str().unwrap(),
            day["date_text"].as_str().unwrap(),
            day["part_line"].as_str().unwrap()
        );
        assert!(
            paras.contains(&("Heading1".to_owned(), heading.clone())),
            "{heading}"
        );
        for s in day["sessions"].as_array().unwrap() {
            let title = s["display_title"].as_str().unwrap();
            assert!(
                title.is_empty() || texts.contains(&title),
                "session `{title}`"
            );
            for list in ["items", "interventions"] {
                for v in s[list].as_array().unwrap() {
                    let v = v.as_str().unwrap();
                    assert!(
                        paras.contains(&("ListBullet".to_owned(), v.to_owned())),
                        "{list} `{v}`"
                    );
                }
            }
            if let Some(t) = s["time"].as_str() {
                assert!(texts.contains(&t), "time {t}");
            }
        }
        for o in day["desired_outputs"].as_array().unwrap() {
            let text = o["text"].as_str().unwrap().to_owned();
            assert!(
                paras.contains(&("Heading3".to_owned(), text.clone())),
                "desired output `{text}`"
            );
        }
    }
    assert_eq!(
        paras.iter().filter(|(s, _)| s == "Heading1").count(),
        3 + 1,
        "three days and the unassigned outcomes"
    );
    assert!(texts.contains(&"Status: achieved"));
    assert!(texts.contains(&"Main sessions agreed: 2"));
    let styles = part(&docx, "word/styles.xml");
    for (id, name) in [
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("Heading3", "heading 3"),
        ("Title", "Title"),
        ("ListBullet", "List Bullet"),
    ] {
        assert!(
            styles.contains(&format!(r#"w:styleId="{id}""#))
                && styles.contains(&format!(r#"<w:name w:val="{name}" />"#)),
            "{id}"
        );
    }
    assert!(
        styles.contains(r#"<w:lang w:val="en""#),
        "document language"
    );
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains(
        "<dc:title>IGF 2024 Second Open Consultations and MAG Meeting - Summary</dc:title>"
    ));
    assert!(core.contains("<dc:creator>IGF Secretariat</dc:creator>"));
    let footer = part(&docx, "word/footer1.xml");
    assert!(
        footer.contains("PAGE") && footer.contains("NUMPAGES"),
        "Page X of Y fields"
    );
    assert!(
        part(&docx, "word/header1.xml")
            .contains("IGF 2024 Second Open Consultations and MAG Meeting")
    );
    let numbering = part(&docx, "word/numbering.xml");
    assert_eq!(
        numbering
            .matches(r#"<w:abstractNum w:abstractNumId="2""#)
            .count(),
        1,
        "our bullets do not collide with id 1"
    );
}

/// Byte-identical: twice, and alone versus second in a batch (docx-rs's global counters).
#[test]
fn summaries_are_byte_identical_alone_and_in_a_batch() {
    let dir = example_copy();
    build(dir.path(), "one");
    build(dir.path(), "two");
    copy_dir(
        &fixture("clean/meetings/geneva-day"),
        &dir.path().join("meetings/aaa-first"),
    );
    let file = dir.path().join("meetings/aaa-first/meeting.yaml");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .must_replace("id: geneva-day", "id: aaa-first");
    std::fs::write(&file, text).unwrap();
    build(dir.path(), "batch");
    let read =
        |o: &str| std::fs::read(dir.path().join(o).join("igf-2024-oc2-mag/summary.docx")).unwrap();
    assert_eq!(read("one"), read("two"));
    assert_eq!(
        read("one"),
        read("batch"),
        "the summary differs when built after another meeting"
    );
}

/// XML-special characters, non-breaking spaces and non-Latin scripts round-trip unchanged.
#[test]
fn text_round_trips_unchanged() {
    let tricky = [
        "A < B & \"C\" > 'D'",
        "26\u{a0}June\u{a0}2024",
        "مرحبا بالعالم",
        "互联网治理论坛",
        "Форум по управлению Интернетом",
        "]]> <![CDATA[ x",
    ];
    let dir = clean_copy_with_items(&tricky);
    let o = docket(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let paras = paragraphs(&part(
        &dir.path().join("output/geneva-day/summary.docx"),
        "word/document.xml",
    ));
    for t in tricky {
        assert!(
            paras.contains(&("ListBullet".to_owned(), t.to_owned())),
            "`{t}` did not round-trip"
        );
    }
    assert!(
        paras
            .iter()
            .any(|(_, p)| p == "MAG Working Group Day <Strategy> & Outreach")
    );
}

/// LibreOffice opens and converts the summary without complaint (runs where soffice exists;
/// .ci/run installs libreoffice-writer-nogui).
#[test]
fn libreoffice_converts_the_summary() {
    let Some(soffice) = common::soffice() else {
        eprintln!("soffice not installed: skipping the LibreOffice conversion check");
        return;
    };
    let dir = example_copy();
    build(dir.path(), "output");
    common::soffice_convert(
        soffice,
        &["--convert-to", "pdf"],
        &dir.path().join("output/igf-2024-oc2-mag/summary.docx"),
        &dir.path().join("converted"),
    );
    let pdf = dir.path().join("converted/summary.pdf");
    assert!(pdf.exists(), "no PDF from LibreOffice");
    let text = common::fold(&common::pdftotext(&pdf));
    assert!(
        text.contains("Day 2 | Thursday 27 June 2024 | MAG Meeting (open to observers)"),
        "{text}"
    );
    assert!(text.contains("Page 1 of"), "page fields: {text}");
}
