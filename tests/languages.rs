//! Languages (#13): the reference meeting issued in English, French and Arabic, checked in
//! each output as a reader would (pdftotext, pdffonts, the Word XML, the HTML), missing
//! translations warned at their line, and Chinese with the installed CJK fonts.

mod common;

use std::path::Path;
use std::process::Command;

use common::{MustReplace, docket, example_copy, stderr};

const MEETING: &str = "meetings/igf-2024-oc2-mag";

/// Text as a reader gets it: poppler marks right-to-left runs with embedding controls, which
/// are not part of the text.
fn plain(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    common::fold(&kept)
}

/// Issues the copy's reference meeting in `languages`.
fn issue_in(dir: &Path, languages: &str) {
    let file = dir.join(MEETING).join("meeting.yaml");
    let text = read(&file).must_replace(
        "# languages: [en, fr, ar]",
        &format!("languages: {languages}"),
    );
    std::fs::write(&file, text).unwrap();
}

fn build(dir: &Path) -> std::process::Output {
    docket(dir, &["build", "-o", "out"])
}

fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path.as_ref())
        .unwrap_or_else(|e| panic!("{}: {e}", path.as_ref().display()))
}

fn docx_part(docx: &Path, part: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(part).unwrap(), &mut text).unwrap();
    text
}

#[test]
fn the_example_is_issued_in_english_french_and_arabic() {
    let dir = example_copy();
    issue_in(dir.path(), "[en, fr, ar]");
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let folder = dir.path().join("out/igf-2024-oc2-mag");
    for lang in ["en", "fr", "ar"] {
        for file in [
            "agenda.pdf",
            "agenda.ics",
            "summary.docx",
            "meeting.json",
            "follow-up.html",
            "follow-up.md",
            "follow-up.pdf",
        ] {
            let (stem, ext) = file.split_once('.').unwrap();
            assert!(
                folder.join(format!("{stem}.{lang}.{ext}")).is_file(),
                "{stem}.{lang}.{ext}"
            );
        }
    }
    assert!(
        !folder.join("agenda.pdf").exists(),
        "a meeting in several languages names every file"
    );

    // Dates from CLDR, in the UN's forms.
    let json = |lang: &str| -> serde_json::Value {
        serde_json::from_str(&read(folder.join(format!("meeting.{lang}.json")))).unwrap()
    };
    assert_eq!(json("en")["dates_text"], "26-28 June 2024");
    assert_eq!(json("fr")["dates_text"], "26-28 juin 2024");
    assert_eq!(json("ar")["dates_text"], "26-28 حزيران/يونيه 2024");
    assert_eq!(json("fr")["days"][0]["weekday"], "mercredi");
    assert_eq!(json("ar")["lang"]["dir"], "rtl");

    // The Arabic agenda: Arabic text in logical order, the Arabic font embedded, still PDF/A.
    let pdf = folder.join("agenda.ar.pdf");
    let text = plain(&common::pdftotext(&pdf));
    // (pdftotext places digits beside Arabic words by their visual position, so the date's
    // parts are checked one by one.)
    for expected in [
        "جدول الأعمال",
        "حزيران/يونيه",
        "الوثائق المرجعية",
        "النواتج المتوخاة",
        "الأربعاء",
        "2024",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
    assert!(
        text.contains("WSIS+20"),
        "LTR text inside Arabic keeps its order"
    );
    let fonts = Command::new("pdffonts")
        .arg(&pdf)
        .output()
        .expect("pdffonts (poppler-utils)");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(
        fonts
            .lines()
            .any(|l| l.contains("NotoNaskhArabic") && l.contains(" yes yes ")),
        "{fonts}"
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"<pdfaid:part>2</pdfaid:part>"), "PDF/A declared");
    assert!(has(b"<pdfuaid:part>1</pdfuaid:part>"), "PDF/UA declared");

    // The French agenda reads in French.
    let fr = plain(&common::pdftotext(&folder.join("agenda.fr.pdf")));
    for expected in [
        "ORDRE DU JOUR",
        "mercredi 26 juin 2024",
        "Résultats attendus",
        "Page 1 sur",
    ] {
        assert!(fr.contains(expected), "{expected} not in French agenda");
    }

    // Word: right-to-left paragraphs, runs and tables, and the translated text.
    let xml = docx_part(&folder.join("summary.ar.docx"), "word/document.xml");
    assert!(
        xml.contains("<w:bidi />") && xml.contains("<w:rtl />") && xml.contains("<w:bidiVisual />")
    );
    assert!(xml.contains("النواتج المتوخاة"));
    let en_xml = docx_part(&folder.join("summary.en.docx"), "word/document.xml");
    assert!(
        !en_xml.contains("<w:bidi />"),
        "English stays left to right"
    );

    // HTML: language and direction, logical CSS.
    let html = read(folder.join("follow-up.ar.html"));
    assert!(html.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(html.contains("text-align: start"));
    assert!(read(folder.join("follow-up.fr.html")).contains(r#"<html lang="fr" dir="ltr">"#));
}

#[test]
fn a_missing_translation_warns_at_its_line_and_fails_with_final() {
    let dir = example_copy();
    let file = dir.path().join(MEETING).join("meeting.yaml");
    // Spanish is translated for day 1 only.
    issue_in(dir.path(), "[en, fr, ar, es]");
    let out = docket(dir.path(), &["check", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings only: {}",
        stderr(&out)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = report["diagnostics"].as_array().unwrap();
    let missing: Vec<&serde_json::Value> = diags.iter().filter(|d| d["code"] == "W0702").collect();
    assert!(!missing.is_empty());
    assert!(
        missing
            .iter()
            .all(|d| d["message"].as_str().unwrap().contains("`es`"))
    );
    // Day 1 is translated; the first missing text is on day 2, at its own line.
    let first = missing[0];
    assert!(
        first["message"].as_str().unwrap().starts_with("days[1]."),
        "{first}"
    );
    let line = first["line"].as_u64().unwrap() as usize;
    let source = read(&file);
    let quoted = first["message"]
        .as_str()
        .unwrap()
        .split('"')
        .nth(1)
        .unwrap()
        .to_owned();
    assert!(
        source
            .lines()
            .nth(line - 1)
            .unwrap()
            .contains(&quoted[..quoted.len().min(20)])
    );
    // Documents print it marked untranslated.
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let es = read(dir.path().join("out/igf-2024-oc2-mag/follow-up.es.html"));
    assert!(es.contains("Approve the list of workshops under each theme [sin traducir]"));

    let out = docket(dir.path(), &["check", "--final"]);
    assert_eq!(out.status.code(), Some(1), "--final makes them errors");
    assert!(stderr(&out).contains("error[W0702]") || stderr(&out).contains("W0702"));
}

#[test]
fn a_stale_translation_and_a_bad_tag_are_reported() {
    let dir = example_copy();
    issue_in(dir.path(), "[en, fr, ar, FR]");
    let meeting = dir.path().join(MEETING).join("meeting.yaml");
    let text = read(&meeting).must_replace("Welcome from UN DESA", "Welcome from the UN DESA");
    std::fs::write(&meeting, text).unwrap();
    let out = docket(dir.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("E0701"), "{err}");
    assert!(
        err.contains("I0703") && err.contains("\"Welcome from UN DESA\" no longer appears"),
        "{err}"
    );
    assert!(
        err.contains("W0702") && err.contains("Welcome from the UN DESA"),
        "{err}"
    );
}

/// Chinese renders with the installed CJK fonts (fonts-noto-cjk, installed by `.ci/run`);
/// without any, the build refuses with an error naming the package.
#[test]
fn chinese_uses_the_installed_cjk_fonts_or_fails_clearly() {
    let dir = example_copy();
    issue_in(dir.path(), "[en, zh]");
    let out = build(dir.path());
    let installed = docket::load::assets::CJK_FONT_FILES
        .iter()
        .any(|f| Path::new(f).is_file());
    if !installed {
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("E0706") && stderr(&out).contains("fonts-noto-cjk"));
        eprintln!("no CJK font installed: checked the error only");
        return;
    }
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("W0503"),
        "no missing glyph: {}",
        stderr(&out)
    );
    let pdf = dir.path().join("out/igf-2024-oc2-mag/agenda.zh.pdf");
    // pdftotext spaces out Han characters; compare without spaces.
    let text = plain(&common::pdftotext(&pdf)).replace(' ', "");
    assert!(
        text.contains("议程") && text.contains("2024年6月26日"),
        "{text}"
    );
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    assert!(String::from_utf8_lossy(&fonts.stdout).contains("CJK"));
}
