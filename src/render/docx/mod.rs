//! `summary.docx`: the editable record of a meeting, written with docx-rs.
//!
//! The agenda as held, day by day, then each day's desired outputs with the sessions that
//! address them and, once outcomes are recorded, their status and records. The document uses
//! real styles (Title, Heading 1-3, List Bullet, a table style) so Word's navigation pane, a
//! table of contents and restyling work. docx-rs's package is then normalised
//! (`package`) for core properties, language and byte-reproducibility.

mod package;

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Footer, Header, IndentLevel, Level, LevelJc, LevelText,
    LineSpacing, NumPages, NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph,
    Run, RunFonts, Shading, SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableRow,
    WidthType,
};

pub use package::Meta;

use crate::model::SessionKind;
use crate::render::view::followup::{CoverageRow, FollowUp, OutcomeView};
use crate::render::view::locale::Locale;
use crate::render::view::words::say;
use crate::render::view::{DayView, MeetingView, SessionView};
use fluent_bundle::FluentValue;

/// docx-rs already defines abstract numbering and numbering id 1; ours must not collide.
const BULLETS: usize = 2;
const ACCENT: &str = "1F4E79";
const BREAK_FILL: &str = "EEF2F6";
const SEGMENT_FILL: &str = "DDE6EF";
/// A4 text width with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9638;
const TIME_WIDTH: usize = 1700;

/// Renders the summary; `report.coverage` rows carry outcomes when `outcomes.yaml` exists.
/// An error says why the package could not be made; no partial bytes are ever returned.
pub fn summary(
    report: &FollowUp,
    has_outcomes: bool,
    timestamp: jiff::Timestamp,
    locale: &Locale,
) -> Result<Vec<u8>, String> {
    let m = &report.meeting;
    let l = |id: &str| m.label(id);
    // "Page {$page} of {$total}": the words around the two numbers, which Word fills in.
    let page_of = l("page_of");
    let (before, rest) = page_of.split_once("{$page}").unwrap_or(("", &page_of));
    let (between, after) = rest.split_once("{$total}").unwrap_or((rest, ""));
    // An issued meeting's footer says which revision it is, as the agenda PDF's does.
    let revision = m
        .revision
        .as_ref()
        .map(|r| format!("{} | ", r.line))
        .unwrap_or_default();
    let mut doc = styles(Docx::new())
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(1134)
                .bottom(1134)
                .left(1134)
                .right(1134)
                .header(567)
                .footer(567),
        )
        .header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .style("Header")
                    .add_run(Run::new().add_text(&m.title)),
            ),
        )
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .style("Footer")
                    .align(AlignmentType::Right)
                    .add_run(Run::new().add_text(format!("{revision}{before}")))
                    .add_page_num(PageNum::new())
                    .add_run(Run::new().add_text(between))
                    .add_num_pages(NumPages::new())
                    .add_run(Run::new().add_text(after)),
            ),
        );
    let subtitle = match &m.revision {
        Some(r) => format!("{} | {} | {}", l("meeting_summary"), m.series, r.line),
        None => format!("{} | {}", l("meeting_summary"), m.series),
    };
    doc = doc
        .add_paragraph(para("Title", &m.title))
        .add_paragraph(para("Subtitle", &subtitle))
        .add_table(facts(m));
    if let Some(r) = m.revision.as_ref().filter(|r| !r.changes.is_empty()) {
        doc = doc.add_paragraph(para("Heading1", &r.changes_heading));
        for change in &r.changes {
            doc = doc.add_paragraph(bullet(change));
        }
    }
    for day in &m.days {
        doc = agenda_day(doc, m, day);
        doc = outputs_day(doc, report, day, has_outcomes);
    }
    if has_outcomes && !report.unassigned.is_empty() {
        doc = doc.add_paragraph(para("Heading1", &l("unassigned")));
        for u in &report.unassigned {
            let title = u.place.as_ref().map_or_else(
                || {
                    u.outcome
                        .recorded
                        .session
                        .as_ref()
                        .map(|s| s.value.clone())
                        .unwrap_or_default()
                },
                |p| {
                    format!(
                        "{}{}{}{}",
                        p.day_label,
                        p.time
                            .as_ref()
                            .map(|t| format!(", {t}"))
                            .unwrap_or_default(),
                        l("colon"),
                        p.title
                    )
                },
            );
            doc = records(doc.add_paragraph(para("Heading3", &title)), m, &u.outcome);
        }
    }
    let meta = Meta {
        title: format!("{} - {}", m.title, l("summary")),
        subject: say(
            locale,
            "summary-of",
            &[
                ("title", FluentValue::from(m.title.as_str())),
                ("venue", FluentValue::from(m.venue.as_str())),
                ("dates", FluentValue::from(m.dates_text.as_str())),
            ],
        ),
        creator: m.host.clone(),
        keywords: m.keywords.join(", "),
        language: m.language.clone(),
        timestamp,
        rtl: m.lang.dir == "rtl",
    };
    let mut raw = Vec::new();
    // Packing into memory cannot run out of space, so an error here is docx-rs's own; it is
    // reported rather than written as an empty or half-made file.
    doc.build()
        .pack(&mut std::io::Cursor::new(&mut raw))
        .map_err(|e| format!("docx-rs could not pack the summary: {e}"))?;
    package::normalise(&raw, &meta)
}

fn styles(doc: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(size)
            .bold()
            .color(ACCENT)
            .outline_lvl(level)
            .line_spacing(
                LineSpacing::new()
                    .before(if level == 0 { 360 } else { 200 })
                    .after(80),
            )
    };
    doc.default_fonts(
        RunFonts::new()
            .ascii("Calibri")
            .hi_ansi("Calibri")
            .east_asia("Calibri")
            .cs("Calibri"),
    )
    .default_size(21)
    .add_style(
        Style::new("Normal", StyleType::Paragraph)
            .name("Normal")
            .q_format(true),
    )
    .add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(40)
            .bold()
            .color(ACCENT),
    )
    .add_style(
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(24)
            .color("4A4A4A"),
    )
    .add_style(heading("Heading1", "heading 1", 30, 0))
    .add_style(heading("Heading2", "heading 2", 25, 1))
    .add_style(heading("Heading3", "heading 3", 22, 2))
    .add_style(
        Style::new("ListBullet", StyleType::Paragraph)
            .name("List Bullet")
            .based_on("Normal")
            .q_format(true),
    )
    .add_style(
        Style::new("Header", StyleType::Paragraph)
            .name("header")
            .based_on("Normal")
            .size(17)
            .color("4A4A4A"),
    )
    .add_style(
        Style::new("Footer", StyleType::Paragraph)
            .name("footer")
            .based_on("Normal")
            .size(17)
            .color("4A4A4A"),
    )
    .add_style(Style::new("TableGrid", StyleType::Table).name("Table Grid"))
    .add_abstract_numbering(
        AbstractNumbering::new(BULLETS).add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new("•"),
                LevelJc::new("left"),
            )
            .indent(Some(360), Some(SpecialIndentType::Hanging(240)), None, None),
        ),
    )
    .add_numbering(Numbering::new(BULLETS, BULLETS))
}

fn para(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(text))
}

fn bold(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).bold())
}

fn bullet(text: &str) -> Paragraph {
    para("ListBullet", text).numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs.into_iter().fold(
        TableCell::new().width(width, WidthType::Dxa),
        TableCell::add_paragraph,
    )
}

fn table(rows: Vec<TableRow>, grid: Vec<usize>) -> Table {
    Table::new(rows)
        .style("TableGrid")
        .set_grid(grid)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn header_row(cells: &[(&str, usize)]) -> TableRow {
    TableRow::new(
        cells
            .iter()
            .map(|(t, w)| cell(vec![bold(t)], *w).shading(Shading::new().fill(SEGMENT_FILL)))
            .collect(),
    )
}

fn facts(m: &MeetingView) -> Table {
    let l = |id: &str| m.label(id);
    let first = m.days.first();
    let last = m.days.last();
    let dates = match (first, last) {
        (Some(a), Some(b)) if a.date != b.date => format!(
            "{} {} - {} {}",
            a.weekday, a.date_text, b.weekday, b.date_text
        ),
        (Some(a), _) => format!("{} {}", a.weekday, a.date_text),
        _ => String::new(),
    };
    let zone = first
        .map(|d| {
            format!(
                "{} {} ({}, UTC{})",
                l("local_time"),
                m.zone_abbr,
                m.time_zone,
                d.utc_offset
            )
        })
        .unwrap_or_default();
    let mut rooms: Vec<&str> = m.days.iter().filter_map(|d| d.room.as_deref()).collect();
    rooms.dedup();
    let rows = [
        (l("series"), m.series.clone()),
        (l("dates"), format!("{dates}; {zone}")),
        (l("event_window_utc"), m.window.text.clone()),
        (l("venue"), m.venue.clone()),
        (l("rooms"), rooms.join("; ")),
        (l("hosted_by"), m.host.clone()),
    ];
    let label = 2600;
    table(
        rows.iter()
            .map(|(k, v)| {
                TableRow::new(vec![
                    cell(vec![bold(k)], label),
                    cell(
                        vec![Paragraph::new().add_run(Run::new().add_text(v))],
                        TEXT_WIDTH - label,
                    ),
                ])
            })
            .collect(),
        vec![label, TEXT_WIDTH - label],
    )
}

fn agenda_day(doc: Docx, m: &MeetingView, day: &DayView) -> Docx {
    let l = |id: &str| m.label(id);
    let heading = format!(
        "{} | {} {} | {}",
        day.label, day.weekday, day.date_text, day.part_line
    );
    let mut doc = doc.add_paragraph(para("Heading1", &heading));
    if let Some(room) = &day.room {
        doc = doc.add_paragraph(para("Normal", room));
    }
    let item_width = TEXT_WIDTH - TIME_WIDTH;
    let time_head = format!(
        "{} ({})",
        l("time"),
        if day.zone_abbr.is_empty() {
            &m.local_time_label
        } else {
            &day.zone_abbr
        }
    );
    let mut rows = vec![header_row(&[
        (&time_head, TIME_WIDTH),
        (&l("agenda_item"), item_width),
    ])];
    rows.extend(day.sessions.iter().map(|s| session_row(m, s, item_width)));
    doc.add_paragraph(para("Heading2", &l("agenda")))
        .add_table(table(rows, vec![TIME_WIDTH, item_width]))
}

fn session_row(m: &MeetingView, s: &SessionView, item_width: usize) -> TableRow {
    let time = Paragraph::new().add_run(Run::new().add_text(s.time.as_deref().unwrap_or("")));
    match s.kind {
        SessionKind::Segment => TableRow::new(vec![
            cell(
                vec![
                    Paragraph::new().add_run(Run::new().add_text(&s.display_title).bold().italic()),
                ],
                TEXT_WIDTH,
            )
            .grid_span(2)
            .shading(Shading::new().fill(SEGMENT_FILL)),
        ]),
        SessionKind::Break => {
            let fill = || Shading::new().fill(BREAK_FILL);
            TableRow::new(vec![
                cell(vec![time], TIME_WIDTH).shading(fill()),
                cell(vec![bold(&s.display_title)], item_width).shading(fill()),
            ])
        }
        SessionKind::Session => {
            let mut content = Vec::new();
            if !s.display_title.is_empty() {
                content.push(bold(&s.display_title));
            }
            content.extend(s.items.iter().map(|i| bullet(i)));
            if !s.interventions.is_empty() {
                content.push(para("Normal", &m.label("interventions_from")));
                content.extend(s.interventions.iter().map(|i| bullet(i)));
            }
            if content.is_empty() {
                content.push(Paragraph::new());
            }
            TableRow::new(vec![
                cell(vec![time], TIME_WIDTH),
                cell(content, item_width),
            ])
        }
    }
}

fn outputs_day(mut doc: Docx, report: &FollowUp, day: &DayView, has_outcomes: bool) -> Docx {
    let l = |id: &str| report.meeting.label(id);
    doc = doc.add_paragraph(para("Heading2", &l("input_documents")));
    if day.inputs.is_empty() {
        doc = doc.add_paragraph(para("Normal", &l("none_listed")));
    }
    for i in &day.inputs {
        doc = doc.add_paragraph(bullet(&format!("{} ({})", i.title, i.file)));
    }
    doc = doc.add_paragraph(para("Heading2", &l("desired_outputs")));
    for row in report.coverage.iter().filter(|r| r.day == day.number) {
        doc = output(doc, report, row, has_outcomes);
    }
    doc
}

fn output(mut doc: Docx, report: &FollowUp, row: &CoverageRow, has_outcomes: bool) -> Docx {
    let m = &report.meeting;
    let l = |id: &str| m.label(id);
    doc = doc.add_paragraph(para("Heading3", &row.text));
    let places: Vec<String> = row
        .agenda
        .iter()
        .map(|p| match &p.time {
            Some(t) => format!("{} ({t})", p.title),
            None => p.title.clone(),
        })
        .collect();
    if !places.is_empty() {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(
                    Run::new()
                        .add_text(format!("{} ", l("addressed_in")))
                        .bold(),
                )
                .add_run(Run::new().add_text(places.join("; "))),
        );
    }
    if !has_outcomes {
        return doc;
    }
    doc = doc.add_paragraph(
        Paragraph::new()
            .add_run(
                Run::new()
                    .add_text(format!("{}{}", l("status"), l("colon")))
                    .bold(),
            )
            .add_run(Run::new().add_text(&row.status_label)),
    );
    match &row.outcome {
        Some(o) => records(doc, m, o),
        None => doc.add_paragraph(para("Normal", &l("no_outcome_recorded"))),
    }
}

fn records(mut doc: Docx, m: &MeetingView, o: &OutcomeView) -> Docx {
    let l = |id: &str| m.label(id);
    if let Some(summary) = &o.recorded.summary {
        doc = doc.add_paragraph(para("Normal", summary));
    }
    for t in &o.workshop_groups {
        doc = doc.add_paragraph(bold(&t.heading));
        for line in &t.lines {
            doc = doc.add_paragraph(bullet(line));
        }
    }
    if let Some(ms) = &o.recorded.main_sessions {
        doc = doc.add_paragraph(bold(&format!(
            "{}: {}",
            l("main_sessions_agreed"),
            ms.agreed
        )));
        for line in &o.main_session_lines {
            doc = doc.add_paragraph(bullet(line));
        }
    }
    if !o.facilitator_lines.is_empty() {
        doc = doc.add_paragraph(bold(&l("facilitators_named")));
        for line in &o.facilitator_lines {
            doc = doc.add_paragraph(bullet(line));
        }
    }
    if !o.recorded.decisions.is_empty() {
        doc = doc.add_paragraph(bold(&l("decisions")));
        for d in &o.recorded.decisions {
            doc = doc.add_paragraph(bullet(d));
        }
    }
    if !o.action_rows.is_empty() {
        doc = doc.add_paragraph(bold(&l("follow_up_actions")));
        let w = [4638, 2200, 1400, 1400];
        let mut rows = vec![header_row(&[
            (&l("action"), w[0]),
            (&l("owner"), w[1]),
            (&l("due_date"), w[2]),
            (&l("status"), w[3]),
        ])];
        for a in &o.action_rows {
            let texts = [
                a.what.as_str(),
                a.owner.as_str(),
                a.due.as_str(),
                a.status_label.as_str(),
            ];
            rows.push(TableRow::new(
                texts
                    .iter()
                    .zip(w)
                    .map(|(t, w)| cell(vec![para("Normal", t)], w))
                    .collect(),
            ));
        }
        doc = doc.add_table(table(rows, w.to_vec()));
    }
    doc
}
