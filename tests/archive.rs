//! The yearly record, its manifest and `docket verify`, and the calendar files.

mod common;

use std::path::Path;

use common::{MustReplace, docket, example_copy, fold, pdftotext, stderr};

fn archive(dir: &Path, out: &str) {
    let o = docket(dir, &["archive", "--year", "2024", "-o", out]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

fn files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

/// The four files, a chapter per meeting with the year-wide tables, and an index whose every
/// link resolves inside the archive.
#[test]
fn archive_writes_the_record_the_index_the_json_and_the_manifest() {
    let dir = example_copy();
    archive(dir.path(), "output");
    let bag = dir.path().join("output/archive/2024");
    for f in [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "data/record.pdf",
        "data/index.html",
        "data/record.json",
        "data/record.schema.json",
        "data/actions.csv",
    ] {
        assert!(bag.join(f).exists(), "{f}");
    }
    let root = bag.join("data");
    let text = fold(&pdftotext(&root.join("record.pdf")));
    let chapters = [
        "IGF 2024 Second Open Consultations and MAG Meeting",
        "IGF 2024 Virtual MAG Meeting (example)",
    ];
    let mut from = text.find("Contents").unwrap();
    for heading in chapters.iter().chain(&[
        "Year-wide tables",
        "Workshops approved, by theme",
        "Main sessions and their facilitators",
        "Follow-up actions still open",
        "Desired outputs not achieved",
    ]) {
        from += text[from..]
            .find(heading)
            .unwrap_or_else(|| panic!("`{heading}` not in order in record.pdf"));
    }
    assert!(
        text.contains("Plenary 1: Final Workshop Review and Approval (cont.)"),
        "the agenda as held"
    );
    assert!(
        text.contains("Take note of the host country logistics plan (example)."),
        "not achieved listed"
    );
    assert!(
        std::fs::read(root.join("record.pdf"))
            .unwrap()
            .windows(23)
            .any(|w| w == b"<pdfaid:part>2</pdfaid:part>"[..23].as_ref())
    );

    let record: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("record.json")).unwrap()).unwrap();
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("record.schema.json")).unwrap()).unwrap();
    common::assert_fits(&schema, &record, "record.json");
    assert_eq!(record["meetings"].as_array().unwrap().len(), 2);
    assert_eq!(
        record["meetings"][0]["follow_up"]["meeting"]["id"], "igf-2024-oc2-mag",
        "date order"
    );

    let html = std::fs::read_to_string(root.join("index.html")).unwrap();
    assert_eq!(
        html.matches("<section class=\"meeting searchable\"")
            .count(),
        2
    );
    assert!(html.contains("<input id=\"search\" type=\"search\""));
    assert!(html.contains("Desired outputs achieved: <strong>8 of 12</strong>"));
    let href = regex::Regex::new(r#"href="([^"]+)""#).unwrap();
    // Attribute values are HTML-escaped (minijinja writes `/` as `&#x2f;`); decode as a browser does.
    let links: Vec<String> = href
        .captures_iter(&html)
        .map(|c| c[1].replace("&#x2f;", "/").replace("&amp;", "&"))
        .collect();
    assert!(links.len() > 20);
    for link in &links {
        assert!(!link.contains("://"), "external link {link}");
        assert!(root.join(link).is_file(), "broken link {link}");
    }
    for (tag, close) in [
        ("<section", "</section>"),
        ("<details", "</details>"),
        ("<ul", "</ul>"),
        ("<li", "</li>"),
    ] {
        assert_eq!(
            html.matches(tag).count(),
            html.matches(close).count(),
            "unbalanced {tag}"
        );
    }
}

/// Changing one byte of an input document makes verify name that file and exit 1; a missing
/// or added file is named too.
#[test]
fn verify_names_what_changed_and_exits_1() {
    let dir = example_copy();
    archive(dir.path(), "output");
    let ok = docket(dir.path(), &["verify"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let input = dir.path().join("output/archive/2024/data/meetings/igf-2024-mag-virtual-example/inputs/draft-programme-overview.txt");
    let mut bytes = std::fs::read(&input).unwrap();
    bytes[0] ^= 1;
    std::fs::write(&input, bytes).unwrap();
    std::fs::remove_file(
        dir.path()
            .join("output/archive/2024/data/meetings/igf-2024-oc2-mag/agenda.ics"),
    )
    .unwrap();
    std::fs::write(dir.path().join("output/archive/2024/stray.txt"), "x").unwrap();
    let out = docket(dir.path(), &["verify", "output/archive/2024"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("changed: output/archive/2024/data/meetings/igf-2024-mag-virtual-example/inputs/draft-programme-overview.txt"), "{said}");
    assert!(
        said.contains("missing: output/archive/2024/data/meetings/igf-2024-oc2-mag/agenda.ics"),
        "{said}"
    );
    assert!(
        said.contains("added: output/archive/2024/stray.txt"),
        "{said}"
    );
}

/// Two archive runs give identical bytes, file for file.
#[test]
fn archives_are_byte_identical() {
    let dir = example_copy();
    archive(dir.path(), "one");
    archive(dir.path(), "two");
    let (one, two) = (
        files(&dir.path().join("one")),
        files(&dir.path().join("two")),
    );
    assert_eq!(one.len(), two.len());
    for ((p1, b1), (p2, b2)) in one.iter().zip(&two) {
        assert_eq!(p1, p2);
        assert!(b1 == b2, "{p1} differs between two archive runs");
    }
}

/// The calendar parses with an iCalendar library and has one event per timed session, at the
/// right UTC instants.
#[test]
fn agenda_ics_has_one_event_per_timed_session_in_utc() {
    let dir = example_copy();
    let o = docket(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ics = std::fs::read(dir.path().join("output/igf-2024-oc2-mag/agenda.ics")).unwrap();
    let file = dir.path().join("output/igf-2024-oc2-mag/agenda.ics");
    let Some(mut events) = common::ics_events(&file) else {
        eprintln!("skipped: `pip install icalendar` to parse the calendar");
        return;
    };
    // First the meeting itself, one all-day event over its three days.
    let meeting = events.remove(0);
    assert_eq!(meeting["DTSTART"], "20240626");
    assert_eq!(meeting["DTEND"], "20240629");
    assert_eq!(meeting["UID"], "meeting:igf-2024-oc2-mag@docket");
    let prop = |e: &std::collections::BTreeMap<String, String>, name: &str| {
        e.get(name).cloned().unwrap_or_default()
    };
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("output/igf-2024-oc2-mag/meeting.json")).unwrap(),
    )
    .unwrap();
    let timed = json["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["sessions"].as_array().unwrap())
        .filter(|s| s["kind"] == "session" && s["time"].is_string())
        .count();
    assert_eq!(events.len(), timed);
    assert_eq!(timed, 10);
    let first = &events[0];
    assert_eq!(
        prop(first, "DTSTART"),
        "20240626T083000Z",
        "10:30 CEST on 26 June 2024 is 08:30Z"
    );
    assert_eq!(prop(first, "DTEND"), "20240626T103000Z");
    assert!(prop(first, "SUMMARY").starts_with("Exchange about the NetMundial+10 outcomes"));
    let uids: std::collections::BTreeSet<String> = events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids.len(), timed, "UIDs are unique");
    assert!(
        uids.contains("d2-plenary-1.igf-2024-oc2-mag@docket"),
        "UIDs are stable ids, not counters"
    );
    let text = String::from_utf8(ics).unwrap();
    assert!(
        text.lines().all(|l| l.len() <= 76),
        "lines folded at 75 octets"
    );
    assert!(text.contains("\r\n"));
}

/// The search box filters in a real browser (runs where chromium is installed; .ci/run
/// installs it): `#q=` fills the box and runs the same filter as typing.
#[test]
fn the_search_box_filters_in_a_real_browser() {
    let Some(browser) = common::browser() else {
        eprintln!("no chromium: skipping the browser check of index.html");
        return;
    };
    let dir = example_copy();
    archive(dir.path(), "output");
    let index = dir.path().join("output/archive/2024/data/index.html");
    let dom = |query: &str| {
        common::dump_dom(
            browser,
            &dir.path().join(format!("profile-{query}")),
            &format!("file://{}#q={query}", index.display()),
        )
    };
    let hidden = |dom: &str, id: &str| {
        dom.contains(&format!(
            "<section class=\"meeting searchable hidden\" id=\"{id}\""
        ))
    };
    let d = dom("facilitators");
    assert!(
        !hidden(&d, "igf-2024-oc2-mag") && hidden(&d, "igf-2024-mag-virtual-example"),
        "{d}"
    );
    assert!(d.contains(" matches</span>"), "the match count is shown");
    let d = dom("logistics");
    assert!(
        hidden(&d, "igf-2024-oc2-mag") && !hidden(&d, "igf-2024-mag-virtual-example"),
        "{d}"
    );
}

/// A second archive replaces the first whole: a document dropped since is not left behind,
/// and `./inputs/...` paths are archived under their plain name.
#[test]
fn a_new_archive_replaces_the_old_one_whole() {
    let dir = example_copy();
    archive(dir.path(), "output");
    let meeting = dir
        .path()
        .join("meetings/igf-2024-mag-virtual-example/meeting.yaml");
    let text = std::fs::read_to_string(&meeting).unwrap().must_replace(
        "file: inputs/draft-programme-overview.txt",
        "file: ./inputs/draft-programme-overview.txt",
    );
    std::fs::write(&meeting, text).unwrap();
    archive(dir.path(), "output");
    let ok = docket(dir.path(), &["verify"]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let manifest =
        std::fs::read_to_string(dir.path().join("output/archive/2024/manifest-sha256.txt"))
            .unwrap();
    assert!(
        manifest.contains(
            "  data/meetings/igf-2024-mag-virtual-example/inputs/draft-programme-overview.txt\n"
        ),
        "{manifest}"
    );

    let text = std::fs::read_to_string(&meeting).unwrap();
    let start = text.find("    inputs:\n").unwrap();
    let end = text.find("    desired_outputs:").unwrap();
    std::fs::write(
        &meeting,
        format!("{}    inputs: []\n{}", &text[..start], &text[end..]),
    )
    .unwrap();
    archive(dir.path(), "output");
    let ok = docket(dir.path(), &["verify"]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    assert!(
        !dir.path()
            .join("output/archive/2024/data/meetings/igf-2024-mag-virtual-example/inputs")
            .exists()
    );
    let names: Vec<_> = std::fs::read_dir(dir.path().join("output/archive"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["2024"], "no staging folders left");
}
