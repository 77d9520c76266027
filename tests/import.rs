//! `docket import`: the seed agenda, as text and as Word, gives the example meeting; nothing is
//! dropped silently; no input text panics.

mod common;

use std::path::Path;

use common::{docket, fixture, root, stderr};
use docket::import;
use docket::model::Meeting;

/// Everything a published agenda says, ids and links aside.
fn projection(m: &Meeting) -> Vec<String> {
    let mut out = vec![
        format!("title {}", m.title),
        format!("series {}", m.series),
        format!("host {}", m.host),
        format!("venue {}", m.venue),
        format!("label {}", m.local_time_label.value),
        format!("window {} {}", m.window.start.value, m.window.end.value),
    ];
    for d in &m.days {
        out.push(format!(
            "day {} | {} | {:?} | {:?} | {:?}",
            d.date.value, d.part, d.audience, d.room, d.note
        ));
        for s in &d.sessions {
            let time = s.time.as_ref().map(|t| {
                docket::model::clock::TimeRange::parse(&t.value)
                    .map(|r| r.label())
                    .unwrap_or_default()
            });
            let continues =
                s.continues
                    .as_ref()
                    .and_then(|c| m.session(&c.value))
                    .map(|(day, c)| {
                        (
                            day,
                            c.title.clone(),
                            c.time.as_ref().map(|t| t.value.clone()),
                        )
                    });
            out.push(format!(
                "session {time:?} {:?} {:?} continues {continues:?}",
                s.title, s.kind
            ));
            out.extend(s.items.iter().map(|i| format!("  item {i}")));
            out.extend(
                s.interventions
                    .iter()
                    .map(|i| format!("  intervention {i}")),
            );
        }
        out.extend(d.inputs.iter().map(|i| format!("input {}", i.title)));
        out.extend(
            d.desired_outputs
                .iter()
                .map(|o| format!("output {}", o.text)),
        );
    }
    out
}

fn example() -> Meeting {
    let file = root().join("meetings/igf-2024-oc2-mag/meeting.yaml");
    docket::load::yaml::parse(&file, &std::fs::read_to_string(&file).unwrap()).unwrap()
}

fn seed_text() -> String {
    std::fs::read_to_string(fixture("seed/igf-2024-oc2-mag-agenda.txt")).unwrap()
}

fn assert_same(a: &[String], b: &[String]) {
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert_eq!(x, y, "entry {i} differs");
    }
    assert_eq!(a.len(), b.len());
}

/// The seed text imports to the example meeting in every day, time, title, item, intervention
/// and desired output; the YAML it writes loads, and checks clean apart from links not inferred.
#[test]
fn the_seed_text_imports_to_the_example_meeting() {
    let imported = import::parse(&seed_text(), None);
    assert!(
        imported.not_understood.is_empty(),
        "{:?}",
        imported.not_understood
    );
    assert_same(&projection(&imported.meeting), &projection(&example()));

    let yaml = import::to_yaml(&imported, "seed");
    let reloaded: Meeting = docket::load::yaml::parse(Path::new("imported.yaml"), &yaml).unwrap();
    assert_same(&projection(&reloaded), &projection(&example()));

    let dir = tempfile::tempdir().unwrap();
    let out = docket(
        dir.path(),
        &[
            "import",
            fixture("seed/igf-2024-oc2-mag-agenda.txt")
                .to_str()
                .unwrap(),
            "-o",
            "meetings/seed/meeting.yaml",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let check = docket(
        dir.path(),
        &["check", "--format", "json", "--today", "2024-06-01"],
    );
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    for d in report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
    {
        assert_eq!(d["code"], "E0101", "only links it could not infer: {d}");
    }
    // The day-2 example of the issue is proposed, and marked as a proposal.
    let written = std::fs::read_to_string(dir.path().join("meetings/seed/meeting.yaml")).unwrap();
    let plenary = written
        .split("title: \"Plenary 1: Final Workshop Review and Approval\"")
        .nth(1)
        .unwrap();
    assert!(
        plenary
            .split("- id:")
            .next()
            .unwrap()
            .contains("# proposed by docket import: d2-approve-the-list-of"),
        "{plenary}"
    );
    // A second import never overwrites.
    let again = docket(
        dir.path(),
        &[
            "import",
            fixture("seed/igf-2024-oc2-mag-agenda.txt")
                .to_str()
                .unwrap(),
            "-o",
            "meetings/seed/meeting.yaml",
        ],
    );
    assert_eq!(again.status.code(), Some(2));
}

/// The seed saved as Word (made here with docx-rs: bullets as numbered paragraphs) imports to
/// the same model as the text.
#[test]
fn the_seed_as_docx_imports_to_the_same_model() {
    use docx_rs::{
        AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat, Numbering,
        NumberingId, Paragraph, Run, Start,
    };
    let mut doc = Docx::new()
        .add_abstract_numbering(AbstractNumbering::new(2).add_level(Level::new(
            0,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new("•"),
            LevelJc::new("left"),
        )))
        .add_numbering(Numbering::new(2, 2));
    for line in seed_text().lines() {
        let trimmed = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
        let p = match trimmed
            .strip_prefix('●')
            .or_else(|| trimmed.strip_prefix('•'))
        {
            Some(rest) => Paragraph::new()
                .add_run(Run::new().add_text(rest.trim()))
                .numbering(NumberingId::new(2), IndentLevel::new(0)),
            None => Paragraph::new().add_run(Run::new().add_text(line)),
        };
        doc = doc.add_paragraph(p);
    }
    let mut bytes = Vec::new();
    doc.build()
        .pack(&mut std::io::Cursor::new(&mut bytes))
        .unwrap();
    let text = import::docx::text_of(&bytes).unwrap();
    let imported = import::parse(&text, None);
    assert!(
        imported.not_understood.is_empty(),
        "{:?}",
        imported.not_understood
    );
    assert_same(&projection(&imported.meeting), &projection(&example()));

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("agenda.docx"), &bytes).unwrap();
    let out = docket(dir.path(), &["import", "agenda.docx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("title: \"Plenary 5: Roundtable exchange")
    );
}

/// Word tables: a row's first paragraphs form the line, the rest of a cell's paragraphs follow.
#[test]
fn docx_tables_become_agenda_lines() {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
    let cell = |ps: &[&str]| {
        ps.iter().fold(TableCell::new(), |c, p| {
            c.add_paragraph(Paragraph::new().add_run(Run::new().add_text(*p)))
        })
    };
    let doc = Docx::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("DAY 1 | 14 May 2024")))
        .add_table(Table::new(vec![
            TableRow::new(vec![cell(&["Time (CEST)"]), cell(&["Agenda Item"])]),
            TableRow::new(vec![
                cell(&["09:00 - 10:30"]),
                cell(&["Opening", "• Welcome", "• Adoption of agenda"]),
            ]),
        ]));
    let mut bytes = Vec::new();
    doc.build()
        .pack(&mut std::io::Cursor::new(&mut bytes))
        .unwrap();
    let imported = import::parse(
        &import::docx::text_of(&bytes).unwrap(),
        Some("Europe/Zurich"),
    );
    let day = &imported.meeting.days[0];
    assert_eq!(imported.meeting.local_time_label.value, "CEST");
    let s = &day.sessions[0];
    assert_eq!(
        (s.time.as_ref().unwrap().value.as_str(), s.title.as_deref()),
        ("09:00-10:30", Some("Opening"))
    );
    assert_eq!(s.items, ["Welcome", "Adoption of agenda"]);
}

/// Word text inside hyperlinks and after a line break is read, not dropped or glued.
#[test]
fn docx_hyperlinks_and_line_breaks_are_text() {
    use docx_rs::{BreakType, Docx, Hyperlink, HyperlinkType, Paragraph, Run};
    let doc = Docx::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("DAY 1 | 14 May 2024")))
        .add_paragraph(
            Paragraph::new()
                .add_run(
                    Run::new()
                        .add_text("09:00-10:00 Opening")
                        .add_break(BreakType::TextWrapping)
                        .add_text("\u{2022} Welcome by the Chair"),
                )
                .add_hyperlink(
                    Hyperlink::new("https://example.org", HyperlinkType::External)
                        .add_run(Run::new().add_text("")),
                ),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("10:00-11:00 "))
                .add_hyperlink(
                    Hyperlink::new("https://example.org", HyperlinkType::External)
                        .add_run(Run::new().add_text("Report of the Working Group")),
                ),
        );
    let mut bytes = Vec::new();
    doc.build()
        .pack(&mut std::io::Cursor::new(&mut bytes))
        .unwrap();
    let imported = import::parse(&import::docx::text_of(&bytes).unwrap(), Some("UTC"));
    let rows: Vec<_> = imported.meeting.days[0]
        .sessions
        .iter()
        .map(|s| (s.title.clone(), s.items.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                Some("Opening".into()),
                vec!["Welcome by the Chair".to_owned()]
            ),
            (Some("Report of the Working Group".into()), vec![]),
        ]
    );
}

/// A line that fits nowhere is reported with its number and kept in the YAML.
#[test]
fn nothing_is_dropped_silently() {
    let text = "Meeting\nDAY 1 | 26 June 2024\nMAG Meeting\n10:00-11:00 Opening\n*Desired outputs:\n• Agree\nA stray remark in the outputs block\n";
    let imported = import::parse(text, Some("UTC"));
    assert_eq!(
        imported.not_understood,
        [(7, "A stray remark in the outputs block".to_owned())]
    );
    let yaml = import::to_yaml(&imported, "t.txt");
    assert!(yaml.contains("#   line 7: A stray remark in the outputs block"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let out = docket(dir.path(), &["import", "a.txt"]);
    assert!(stderr(&out).contains("a.txt:7: not understood, kept as a comment: A stray remark"));
}

/// No text, however odd, makes the importer panic (a property test over random line soups).
#[test]
fn no_input_text_panics() {
    const PIECES: &[&str] = &[
        "DAY 1 | 26 June 2024",
        "Day 2 - Thursday, 27 June 2024",
        "10:30 - 12:30",
        "25:99-00:00",
        "1:00 pm - 12:00 am",
        "●",
        "•",
        "- ",
        "*Input documents:",
        "*Desired outputs:",
        "Interventions from:",
        "(cont.)",
        "Time (CET) Agenda Item (",
        "\u{a0}",
        "\t",
        "|",
        "Hosted by",
        "Wednesday, 26th June, 2024 (08:00 UTC) - ",
        "LUNCH BREAK",
        "مرحبا",
        "🙂",
        "\r",
        "a)",
        "99.",
        "Plenary 1",
        ":",
        "-",
        "\u{2013}",
        "(",
        ")",
        // The forms of #12: dates without years, numeric dates, ranges, starts, durations,
        // hours without minutes, tables, numbering, headings, zones, furniture.
        "Monday 6 March",
        "08/03/2023",
        "31.02.2023",
        "6-8 March 2023",
        "DAY",
        "07.45",
        "(30 mins)",
        "[1h30]",
        "10 a.m.–1 p.m.",
        "| Time (CEST) | Agenda item | Expected outputs |",
        "|---|",
        "<br>",
        "\\|",
        "Item 3:",
        "(ii)",
        "IV.",
        "o ",
        "Meeting outputs",
        "Documents:",
        "Time",
        "UTC+3",
        "All times are in CET",
        "Page 2 of 4",
        "Room A:",
        "C25/12",
        "Date: 14 May 2024",
        "Morning session",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let lines = next() % 30;
        let mut text = String::new();
        for _ in 0..lines {
            for _ in 0..(next() % 5) {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
                if next() % 2 == 0 {
                    text.push(' ');
                }
            }
            text.push('\n');
        }
        let imported = import::parse(&text, None);
        let yaml = import::to_yaml(&imported, "fuzz");
        // Whatever the text, the YAML written loads again.
        let loaded: Result<Meeting, _> = docket::load::yaml::parse(Path::new("fuzz.yaml"), &yaml);
        if let Err(d) = &loaded {
            panic!("{text:?}\n{yaml}\n{}", d.message);
        }
    }
}

/// Issue #12's adversarial inputs: each gets a clear answer, quickly, and never a file that
/// does not parse.
mod adversarial {
    use super::*;

    fn import(dir: &Path, args: &[&str]) -> std::process::Output {
        let start = std::time::Instant::now();
        let out = docket(dir, args);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(1),
            "{args:?} took {:?}",
            start.elapsed()
        );
        out
    }

    #[test]
    fn nothing_understood_exits_1_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("empty.txt", ""),
            ("prose.txt", "Dear colleagues,\nthank you.\n"),
        ] {
            std::fs::write(dir.path().join(name), text).unwrap();
            let out = import(dir.path(), &["import", name, "-o", "m/meeting.yaml"]);
            assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
            assert!(stderr(&out).contains("no agenda found"), "{}", stderr(&out));
            assert!(!dir.path().join("m/meeting.yaml").exists());
        }
        std::fs::write(dir.path().join("binary.txt"), [0xff, 0xfe, 0x00, 0x9f]).unwrap();
        let out = import(dir.path(), &["import", "binary.txt"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("neither UTF-8 text nor a .docx"));
    }

    #[test]
    fn control_characters_are_visible_in_comments_and_the_yaml_parses() {
        let dir = tempfile::tempdir().unwrap();
        let text =
            // Before the first day, after the title: not understood, so kept as a comment.
            "Meeting\n\u{b}odd\u{7} line\u{1b}[31m\n\nDAY 1 | 26 June 2024\n10:00-11:00 Opening\n";
        std::fs::write(dir.path().join("a.txt"), text).unwrap();
        let out = import(
            dir.path(),
            &["import", "a.txt", "--time-zone", "Europe/Zurich"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let yaml = String::from_utf8(out.stdout).unwrap();
        assert!(!yaml.contains(['\u{b}', '\u{7}', '\u{1b}']), "{yaml}");
        assert!(
            yaml.contains("\\u{000B}odd\\u{0007} line\\u{001B}[31m"),
            "{yaml}"
        );
        let parsed: Result<Meeting, _> = docket::load::yaml::parse(Path::new("m.yaml"), &yaml);
        assert!(parsed.is_ok(), "{parsed:?}");
    }

    #[test]
    fn lines_not_understood_keep_their_bullets_and_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Meeting\n\u{2022} stray note before the agenda\n1) numbered aside\n\nDAY 1 | 26 June 2024\n10:00-11:00 Opening\n";
        std::fs::write(dir.path().join("a.txt"), text).unwrap();
        let out = import(dir.path(), &["import", "a.txt", "--time-zone", "UTC"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let yaml = String::from_utf8(out.stdout).unwrap();
        assert!(
            yaml.contains("#   line 2: \u{2022} stray note before the agenda"),
            "{yaml}"
        );
        assert!(yaml.contains("#   line 3: 1) numbered aside"), "{yaml}");
    }

    #[test]
    fn eight_thousand_rows_import_in_under_a_second() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::from("Meeting\n\nDAY 1 | 26 June 2024\n");
        for i in 0..8_000 {
            let (h, m) = (i / 60 % 24, i % 60);
            text += &format!("{h:02}:{m:02}-{h:02}:{m:02} Break\n");
        }
        std::fs::write(dir.path().join("a.txt"), text).unwrap();
        let out = import(dir.path(), &["import", "a.txt", "--time-zone", "UTC"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let yaml = String::from_utf8(out.stdout).unwrap();
        assert!(yaml.matches("Break").count() >= 8_000, "every row is kept");
    }

    /// The shapes that could make the importer quadratic: thousands of "(cont.)" rows, of
    /// desired outputs beside thousands of rows (link proposals), of start-only times.
    #[test]
    fn large_agendas_of_every_shape_import_in_under_a_second() {
        type Shape = (&'static str, fn(usize) -> String);
        let shapes: [Shape; 3] = [
            ("cont", |i| format!("Plenary {} (cont.)\n", i % 50)),
            ("outputs", |i| {
                if i % 2 == 0 {
                    format!("Review of workshop proposals number {i}\n")
                } else {
                    format!("• Approve the workshop proposals number {i}\n")
                }
            }),
            ("starts", |i| {
                format!("{:02}:{:02} Talk {i}\n", i / 60 % 24, i % 60)
            }),
        ];
        for (name, line) in shapes {
            let mut text = String::from("Meeting\n\nDAY 1 | 26 June 2024\n");
            for i in 0..8_000 {
                if name == "outputs" && i == 4_000 {
                    text += "Desired outputs:\n";
                }
                text += &line(i);
            }
            let started = std::time::Instant::now();
            let imported = docket::import::parse(&text, Some("UTC"));
            let yaml = docket::import::to_yaml(&imported, "a.txt");
            let took = started.elapsed();
            assert!(yaml.len() > 8_000);
            assert!(took < std::time::Duration::from_secs(1), "{name}: {took:?}");
        }
    }

    #[test]
    fn an_invalid_time_zone_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Meeting\n\nDAY 1 | 26 June 2024\n10:00-11:00 Opening\n",
        )
        .unwrap();
        let out = import(
            dir.path(),
            &["import", "a.txt", "--time-zone", "Mars/Olympus"],
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("Mars/Olympus"), "{}", stderr(&out));
    }
}
