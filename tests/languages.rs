//! Languages (#13): the reference meeting issued in English, French and Arabic, checked in
//! each output as a reader would (pdftotext, pdffonts, the Word XML, the HTML), missing
//! translations warned at their line, and Chinese with the installed CJK fonts.

mod common;

use std::path::Path;
use std::process::Command;

use common::{MustReplace, docket, example_copy, read, stderr};

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
    let at = source.lines().nth(line - 1).unwrap();
    assert!(at.contains(&quoted[..quoted.len().min(20)]), "{at}");
    assert!(
        !at.trim_start().starts_with('#'),
        "placed on a comment: {at}"
    );
    // A text that recurs is placed at the field's own occurrence: day 2's part, not day 1's.
    let part = missing
        .iter()
        .find(|d| d["message"].as_str().unwrap().starts_with("days[1].part "))
        .expect("day 2's part is untranslated in Spanish");
    let day_2 = source.find("  - date: 2024-06-27").unwrap();
    let day_2_line = source[..day_2].lines().count() + 1;
    assert!(
        part["line"].as_u64().unwrap() as usize > day_2_line,
        "{part}"
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
    // With no CJK font: an error naming the package, and no Chinese document.
    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_docket"))
        .current_dir(dir.path())
        .args(["build", "-o", "out"])
        .env("DOCKET_CJK_FONT_DIR", empty.path())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[E0706]") && err.contains("apt install fonts-noto-cjk"),
        "{err}"
    );
    assert!(
        !dir.path()
            .join("out/igf-2024-oc2-mag/agenda.zh.pdf")
            .exists()
    );

    let installed =
        !docket::load::assets::cjk_fonts(&docket::load::assets::cjk_font_dir()).is_empty();
    let out = build(dir.path());
    if !installed {
        assert_eq!(out.status.code(), Some(1));
        eprintln!(
            "no CJK font installed here: checked the error only (.ci/run installs fonts-noto-cjk)"
        );
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

/// Arabic as readers see it: the agenda's time column on the right of the page (pdftotext's
/// word boxes), the Word summary read by python-docx with every translated string and
/// converted by LibreOffice, and the HTML report laid out right to left by Chromium.
#[test]
fn arabic_reads_right_to_left_in_every_reader() {
    let dir = example_copy();
    issue_in(dir.path(), "[en, ar]");
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let folder = dir.path().join("out/igf-2024-oc2-mag");

    // PDF: the first session's time sits in the right half of the page.
    let boxes = Command::new("pdftotext")
        .args(["-bbox-layout", "-f", "1", "-l", "1"])
        .arg(folder.join("agenda.ar.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let boxes = String::from_utf8_lossy(&boxes.stdout);
    let attr = |line: &str, name: &str| -> f64 {
        let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    let width = attr(
        boxes.lines().find(|l| l.contains("<page ")).unwrap(),
        "width",
    );
    let time = boxes
        .lines()
        .find(|l| l.contains(">10:30-12:30<"))
        .expect("the first session's time");
    assert!(
        attr(time, "xMin") > width / 2.0,
        "time column on the left: {time}"
    );

    // Word: every text of the English summary that has a translation is there in Arabic.
    let Some(ar) = common::docx_texts(&folder.join("summary.ar.docx")) else {
        eprintln!("python-docx not installed: skipping the Word reader check");
        return;
    };
    let en = common::docx_texts(&folder.join("summary.en.docx")).unwrap();
    let translation: docket::model::translation::Translation = docket::load::yaml::parse(
        Path::new("ar.yaml"),
        &read(dir.path().join(MEETING).join("translations/ar.yaml")),
    )
    .unwrap();
    let ar_text = ar.join("\n");
    let mut checked = 0;
    for (source, target) in &translation.texts {
        if en.iter().any(|t| t.contains(source.as_str())) {
            assert!(
                ar_text.contains(target.as_str()),
                "{target} (for {source}) not in the Arabic summary"
            );
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} texts checked");

    if let Some(soffice) = common::soffice() {
        common::soffice_convert(
            soffice,
            &["--convert-to", "pdf"],
            &folder.join("summary.ar.docx"),
            &dir.path().join("converted"),
        );
        let text = plain(&common::pdftotext(
            &dir.path().join("converted/summary.ar.pdf"),
        ));
        assert!(text.contains("النواتج المتوخاة"), "{text}");
    }

    // HTML: Chromium puts the coverage table's first column (the day) on the right.
    let Some(browser) = common::browser() else {
        eprintln!("no chromium: skipping the browser check of follow-up.ar.html");
        return;
    };
    let probe = dir.path().join("probe.html");
    let html = read(folder.join("follow-up.ar.html")).must_replace(
        "</body>",
        "<script>const h = document.querySelectorAll('#coverage + table th');\n\
         document.body.dataset.order = h[0].getBoundingClientRect().left > h[2].getBoundingClientRect().left ? 'rtl' : 'ltr';</script></body>",
    );
    std::fs::write(&probe, html).unwrap();
    let dom = common::dump_dom(
        browser,
        &dir.path().join("profile"),
        &format!("file://{}", probe.display()),
    );
    assert!(dom.contains("data-order=\"rtl\""), "{dom}");
}

/// Editing a translation rebuilds its meeting, and only then.
#[test]
fn a_changed_translation_rebuilds_the_meeting() {
    let dir = example_copy();
    issue_in(dir.path(), "[en, fr]");
    assert_eq!(build(dir.path()).status.code(), Some(0));
    let again = build(dir.path());
    assert!(
        stderr(&again).contains("built 0, unchanged 2"),
        "{}",
        stderr(&again)
    );
    let fr = dir.path().join(MEETING).join("translations/fr.yaml");
    let text = read(&fr).must_replace("PAUSE DÉJEUNER", "DÉJEUNER");
    std::fs::write(&fr, text).unwrap();
    let out = build(dir.path());
    assert!(
        stderr(&out).contains("built 1, unchanged 1"),
        "{}",
        stderr(&out)
    );
    let json = read(dir.path().join("out/igf-2024-oc2-mag/meeting.fr.json"));
    assert!(json.contains("\"DÉJEUNER\"") && !json.contains("PAUSE DÉJEUNER"));
}

/// The yearly record keeps every language version, listed in record.json and linked from the
/// index, and its manifest verifies.
#[test]
fn the_yearly_record_links_every_language_version() {
    let dir = example_copy();
    issue_in(dir.path(), "[en, fr, ar]");
    let out = docket(dir.path(), &["archive", "--year", "2024", "-o", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let root = dir.path().join("out/archive/2024/data");
    let record = read(root.join("record.json"));
    let index = read(root.join("index.html"));
    for lang in ["en", "fr", "ar"] {
        let file = format!("meetings/igf-2024-oc2-mag/agenda.{lang}.pdf");
        assert!(root.join(&file).is_file(), "{file}");
        assert!(record.contains(&file), "{file} not in record.json");
        assert!(
            index.contains(&format!("agenda.{lang}.pdf")),
            "{file} not linked"
        );
    }
    let out = docket(dir.path(), &["verify", "out/archive/2024"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Cyrillic and Spanish render from the embedded fonts (no missing glyph, PDF/A kept), with
/// the day-1 translations and the rest marked untranslated.
#[test]
fn russian_and_spanish_render_from_the_embedded_fonts() {
    let dir = example_copy();
    issue_in(dir.path(), "[en, es, ru]");
    let out = build(dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("W0503"), "{err}");
    let folder = dir.path().join("out/igf-2024-oc2-mag");
    let ru = plain(&common::pdftotext(&folder.join("agenda.ru.pdf")));
    for expected in [
        "ПОВЕСТКА ДНЯ",
        "26 июня 2024 года",
        "Ожидаемые результаты",
        "[не переведено]",
    ] {
        assert!(
            ru.contains(expected),
            "{expected} not in the Russian agenda"
        );
    }
    let es = plain(&common::pdftotext(&folder.join("agenda.es.pdf")));
    assert!(es.contains("26 de junio de 2024") && es.contains("Resultados previstos"));
    let bytes = std::fs::read(folder.join("agenda.ru.pdf")).unwrap();
    assert!(
        bytes
            .windows(28)
            .any(|w| w == b"<pdfaid:part>2</pdfaid:part>")
    );
}
