//! Tables flattened to text, read before the state machine sees the lines: pipe tables
//! ("| 10:00-10:30 | Opening |", with a heading row naming the columns: time, agenda, rooms,
//! outputs, speakers, documents), and a table pasted column by column, its time cells first
//! and its agenda cells after.

use super::lines::{Heading, Line, classify, clean};
use super::times;

/// One line of the agenda as the parser sees it: its 1-based number in the source, what it
/// is, and its text (spaces folded) for reports.
#[derive(Clone, Debug)]
pub struct Entry {
    /// 1-based line number in the source.
    pub n: usize,
    /// What the line is.
    pub line: Line,
    /// The source line, spaces folded.
    pub text: String,
}

/// A column of a pipe table.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Column {
    Time,
    /// "Start" and "End": a time in two cells.
    Start,
    End,
    /// "Date": each row names its day.
    Date,
    /// The agenda column; with a name when the table has one column per room.
    Title(Option<String>),
    Outputs,
    Speakers,
    Documents,
    /// "Chair", "Notes": its cells are the row's items.
    Extra,
}

/// The agenda's lines, tables resolved. Linear in the text.
pub fn entries(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut columns: Option<Vec<Column>> = None;
    // Whether the table's heading row was separated by tabs.
    let mut tabbed = false;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let text = clean(raw);
        // "Mon 10 July   09:30-10:30   PLENARY   Item 1: Opening": the day, then its row.
        if let Some((day, row)) = dated_row(&text) {
            columns = None;
            out.push(Entry {
                n,
                line: day,
                text: text.clone(),
            });
            out.push(Entry { n, line: row, text });
            continue;
        }
        let Some(cells) = pipe_cells(&text)
            .or_else(|| bar_row(&text, columns.is_some()))
            .or_else(|| tab_cells(raw, columns.is_some()))
        else {
            // A page break inside a table leaves its columns as they were; so does a day
            // header inside a table pasted from Word (tabs), whose heading row comes once. A
            // table of bars repeats its heading row under each day.
            let mut line = classify(raw);
            // Text indented under a row ("<TAB>Opening of the session (item 1)") is one of
            // its entries, as a bullet would be.
            if let Line::Text(t) = &line
                && (raw.starts_with('\t') || raw.starts_with("  "))
            {
                line = Line::Indented(t.clone());
            }
            let keep = match line {
                Line::Blank | Line::Furniture => true,
                Line::DayHeader { .. } | Line::DayLabel(_) => tabbed,
                _ => false,
            };
            if !keep {
                columns = None;
            }
            out.push(Entry { n, line, text });
            continue;
        };
        if cells.iter().all(|c| is_rule(c)) {
            continue;
        }
        if let Some(heads) = heading_row(&cells) {
            for cell in &cells {
                if let Line::Heading {
                    kind: Heading::Time,
                    label: Some(label),
                    ..
                } = classify(cell)
                {
                    out.push(Entry {
                        n,
                        line: Line::ZoneLabel(label),
                        text: text.clone(),
                    });
                }
            }
            columns = Some(heads);
            tabbed = !text.contains('|');
            continue;
        }
        for line in row(&cells, columns.as_deref()) {
            out.push(Entry {
                n,
                line,
                text: text.clone(),
            });
        }
    }
    pair_time_columns(&mut out);
    join_wrapped(&mut out);
    out
}

/// Paragraphs wrapped across lines (pasted from a PDF) joined again: a line of text that runs
/// on ("... held on" / "18-19 April 2023.") with the line right after it.
fn join_wrapped(entries: &mut Vec<Entry>) {
    const CONNECTORS: &[&str] = &[
        "and", "or", "of", "the", "a", "an", "in", "on", "to", "for", "by", "with", "at", "from",
        "its", "their", "held", "is", "are", "be", "will", "that", "which", "as",
    ];
    let runs_on = |text: &str| {
        text.split_whitespace().count() >= 8 && !text.ends_with(['.', ':', ';', '!', '?', ')'])
    };
    let goes_on = |prev: &str, next: &Entry| {
        let continues = next
            .text
            .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            || prev
                .rsplit(' ')
                .next()
                .is_some_and(|w| CONNECTORS.contains(&w.to_lowercase().as_str()));
        continues
            && matches!(
                next.line,
                Line::Text(_) | Line::Indented(_) | Line::DateRange(..) | Line::DateLine(..)
            )
    };
    let mut out: Vec<Entry> = Vec::with_capacity(entries.len());
    // The last source line taken into the entry at the end of `out`.
    let mut end = 0;
    for e in entries.drain(..) {
        // A row's title wrapped onto a line of its own ("... the activities" / "of the Union").
        if let Some(last) = out.last_mut()
            && let Line::Timed { title, .. } = &mut last.line
            && end + 1 == e.n
            && title.split_whitespace().count() >= 6
            && !title.ends_with(['.', ':', ';', ')'])
            && matches!(e.line, Line::Text(_) | Line::Indented(_))
            && e.text.starts_with(char::is_lowercase)
        {
            title.push(' ');
            title.push_str(&e.text);
            last.text = format!("{} {}", last.text, e.text);
            end = e.n;
            continue;
        }
        // A line that starts in lower case goes on the text above it, whatever that ends with
        // ("... Nairobi, 27–30 September 2011:" / "main themes and format ...").
        let lower_run = |text: &str| {
            !text.ends_with(['.', '!', '?'])
                && text.split_whitespace().count() >= 4
                && e.text.split_whitespace().count() >= 3
                && e.text.starts_with(char::is_lowercase)
        };
        if let Some(last) = out.last_mut()
            && let Line::Text(text) = &last.line
            && end + 1 == e.n
            && (runs_on(text) || lower_run(text))
            && goes_on(text, &e)
        {
            let joined = format!("{text} {}", e.text);
            last.text = format!("{} {}", last.text, e.text);
            last.line = Line::Text(joined);
            end = e.n;
            continue;
        }
        end = e.n;
        out.push(e);
    }
    *entries = out;
}

/// The cells of a pipe-table row ("| a | b |"), or `None` for any other line.
/// "14:00 – 15:30 | Workshop 1 | Room Schuman": a row of bars with no bar in front, when its
/// first cell is a time ("DAY 1 | 26 June 2024" and "Room XXVI | Building E" are no rows).
fn bar_row(line: &str, in_table: bool) -> Option<Vec<String>> {
    let cells: Vec<String> = line
        .trim_end_matches(['|', ' '])
        .split(" | ")
        .map(|c| c.trim().to_owned())
        .collect();
    let timed = times::time_prefix(&cells[0]).is_some_and(|t| t.title.is_empty());
    // "Date | Start | End | Session | Room": a heading row, and the rows under it.
    let headings = cells.len() >= 3 && heading_row(&cells).is_some();
    (cells.len() >= 2 && (timed || headings || (in_table && cells.len() >= 3))).then_some(cells)
}

/// A line that gives a day and a timed row at once.
fn dated_row(text: &str) -> Option<(Line, Line)> {
    // A row of cells ("23 Oct 2023 | 9:00 | 10:15 | ...") is read by its columns.
    if text.contains('|') {
        return None;
    }
    let (date, end) = super::dates::date_at_start(text)?;
    let rest = text[end..].trim_start_matches([' ', ',', '|']);
    let t = times::time_prefix(rest)?;
    if t.title.is_empty() {
        return None;
    }
    let day = Line::DayHeader {
        date,
        part: String::new(),
        hours: None,
        zone_label: None,
    };
    Some((day, classify(rest)))
}

/// The cells of a row pasted from a Word or PDF table, separated by tabs ("09:30<TAB>Opening
/// ceremony<TAB>Chair"). Under a heading row an empty cell keeps its place (a row with no
/// time); elsewhere leading tabs are indentation. `None` for fewer than two cells.
fn tab_cells(raw: &str, in_table: bool) -> Option<Vec<String>> {
    // Trailing tabs are empty cells of the row, not spaces.
    let raw = raw.trim_end_matches([' ', '\r', '\u{a0}']);
    let raw = if in_table { raw } else { raw.trim_start() };
    let cells: Vec<String> = raw.split('\t').map(clean).collect();
    let filled = cells.iter().filter(|c| !c.is_empty()).count();
    // Under a heading row, "12:30-14:30<TAB><TAB>" is a row too.
    let enough = if in_table {
        filled >= 1 && cells.len() >= 2
    } else {
        filled >= 2
    };
    enough.then(|| {
        if in_table {
            cells
        } else {
            cells.into_iter().filter(|c| !c.is_empty()).collect()
        }
    })
}

/// "\|" is a literal bar inside a cell.
fn pipe_cells(line: &str) -> Option<Vec<String>> {
    let inner = line.strip_prefix('|')?;
    let closed = inner.ends_with('|') && !inner.ends_with("\\|");
    let inner = if closed {
        &inner[..inner.len() - 1]
    } else {
        inner
    };
    let mut cells = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                cells.last_mut()?.push('|');
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut()?.push(c),
        }
    }
    let cells: Vec<String> = cells.iter().map(|c| c.trim().to_owned()).collect();
    (cells.len() >= 2 || closed).then_some(cells)
}

/// The parts of a cell after its first ("<br>"-separated): the row's items, bullets removed.
fn cell_items(parts: impl Iterator<Item = String>) -> impl Iterator<Item = Line> {
    parts.map(|p| match classify(&p) {
        Line::Bullet(t) | Line::Numbered { text: t, .. } => Line::Bullet(t),
        _ => Line::Bullet(p),
    })
}

/// "(i)", "a)", "1.", "•": a list marker with nothing after it.
fn is_bare_marker(cell: &str) -> bool {
    use std::sync::LazyLock;
    static MARKER: LazyLock<regex::Regex> = LazyLock::new(|| {
        super::lines::re(
            r"^(?:\(?(?:[a-z]|[ivx]{1,5}|\d{1,2})[.)]|\((?:[a-z]|[ivx]{1,5}|\d{1,2})\)|[\x{2022}\x{25cf}\x{25aa}o\-*])$",
        )
    });
    MARKER.is_match(cell)
}

/// A cell's paragraphs ("Opening <br> • Welcome").
fn split_cell(cell: &str) -> impl Iterator<Item = String> + '_ {
    cell.split("<br>")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
}

/// "---", ":--:": the rule under a heading row.
fn is_rule(cell: &str) -> bool {
    !cell.is_empty() && cell.chars().all(|c| matches!(c, '-' | ':' | '=' | ' '))
}

/// The columns of a heading row: every cell a heading or a room's name, one of them a time.
fn heading_row(cells: &[String]) -> Option<Vec<Column>> {
    let split = |c: &String| match c.to_lowercase().trim() {
        "start" | "starts" | "from" | "begin" | "start time" => Some(Column::Start),
        "end" | "ends" | "to" | "until" | "end time" => Some(Column::End),
        "date" | "day" | "date and day" => Some(Column::Date),
        _ => None,
    };
    let kinds: Vec<Option<Heading>> = cells
        .iter()
        .map(|c| match classify(c) {
            Line::Heading { kind, .. } => Some(kind),
            _ if split(c).is_some() => Some(Heading::Time),
            _ => None,
        })
        .collect();
    if !kinds.contains(&Some(Heading::Time)) {
        return None;
    }
    // Cells that are no heading name rooms ("Room A", "Main Hall"): a row of times and names,
    // with nothing timed in it.
    if cells.iter().any(|c| times::time_prefix(c).is_some()) {
        return None;
    }
    // With an agenda column, the other columns are the row's details; without one, the
    // columns not named as headings are rooms.
    let has_agenda = kinds.contains(&Some(Heading::Agenda));
    Some(
        cells
            .iter()
            .zip(kinds)
            .map(|(cell, kind)| match kind {
                Some(Heading::Time) => split(cell).unwrap_or(Column::Time),
                Some(Heading::Outputs) => Column::Outputs,
                // "Speakers" are interventions; "Lead", "Moderator" are details of the row.
                Some(Heading::Speakers)
                    if has_agenda
                        && !["speaker", "panel", "interven"]
                            .iter()
                            .any(|w| cell.to_lowercase().starts_with(w)) =>
                {
                    Column::Extra
                }
                Some(Heading::Speakers) => Column::Speakers,
                // A row's document symbols stay with the row.
                Some(Heading::Documents) if has_agenda => Column::Extra,
                Some(Heading::Documents) => Column::Documents,
                Some(Heading::Agenda) => Column::Title(None),
                None if has_agenda => Column::Extra,
                _ if cell.is_empty() => Column::Title(None),
                _ => Column::Title(Some(cell.clone())),
            })
            .collect(),
    )
}

/// The lines one row of a pipe table stands for.
fn row(cells: &[String], columns: Option<&[Column]>) -> Vec<Line> {
    // A list marker alone in its cell ("(i)<TAB>Draft ...") belongs to the text after it.
    let mut cells = cells.to_vec();
    for i in 0..cells.len().saturating_sub(1) {
        if is_bare_marker(&cells[i]) && !cells[i + 1].is_empty() {
            cells[i] = format!("{} {}", cells[i], cells[i + 1]);
            cells[i + 1].clear();
        }
    }
    // A row whose time cell holds no time: its text is the row's, not a time.
    if let Some(columns) = columns
        && let Some(t) = columns.iter().position(|c| *c == Column::Time)
        && let Some(title) = columns
            .iter()
            .position(|c| matches!(c, Column::Title(None)))
        && !cells
            .get(t)
            .is_none_or(|c| c.is_empty() || times::time_prefix(c).is_some())
        && cells.get(title).is_some_and(|c| c.is_empty())
    {
        cells.swap(t, title);
    }
    let cells = cells.as_slice();
    let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
    let Some(columns) = columns else {
        // No heading row: a time in the first cell, the title in the next, the rest its items.
        return match filled.as_slice() {
            [] => vec![Line::Blank],
            [one] if !one.contains("<br>") => vec![classify(one)],
            [first, title, rest @ ..] if times::time_prefix(first).is_some() => {
                let mut parts = split_cell(title);
                let head = parts.next().unwrap_or_default();
                let mut lines = vec![classify(&format!("{first} {head}"))];
                lines.extend(cell_items(parts));
                lines.extend(cell_items(rest.iter().flat_map(|r| split_cell(r))));
                lines
            }
            [one, rest @ ..] if one.contains("<br>") => {
                let mut parts = split_cell(one);
                let mut lines = vec![classify(&parts.next().unwrap_or_default())];
                lines.extend(cell_items(parts));
                lines.extend(cell_items(rest.iter().flat_map(|r| split_cell(r))));
                lines
            }
            _ => vec![classify(
                &filled
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            )],
        };
    };
    let cell = |want: &Column| -> Vec<&String> {
        columns
            .iter()
            .zip(cells)
            .filter(|(c, v)| *c == want && !v.is_empty())
            .map(|(_, v)| v)
            .collect()
    };
    let mut lines = Vec::new();
    // A date column: the row's day (the parser keeps one day per date).
    if let Some(date) = cell(&Column::Date).first()
        && let Some((date, _)) = super::dates::date_at_start(date)
    {
        lines.push(Line::DayHeader {
            date,
            part: String::new(),
            hours: None,
            zone_label: None,
        });
    }
    let joined;
    let time = match (cell(&Column::Start).first(), cell(&Column::End).first()) {
        (Some(start), Some(end)) => {
            joined = format!("{start}-{end}");
            Some(&joined)
        }
        (Some(start), None) => Some(*start),
        _ => None,
    };
    let time = time
        .or(cell(&Column::Time).first().copied())
        .map(|t| t.as_str())
        .unwrap_or("");
    let titles: Vec<(Option<&String>, &String)> = columns
        .iter()
        .zip(cells)
        .filter_map(|(c, v)| match c {
            Column::Title(room) if !v.is_empty() => Some((room.as_ref(), v)),
            _ => None,
        })
        .collect();
    if titles.is_empty() {
        lines.push(classify(time));
    }
    for (room, text) in titles {
        let mut parts = split_cell(text);
        let title = parts.next().unwrap_or_default();
        // A break across the rooms is one break, not one per room.
        let title = match room {
            Some(room) if !super::lines::is_break(&title) => format!("{room}: {title}"),
            _ => title,
        };
        lines.push(classify(format!("{time} {title}").trim()));
        lines.extend(cell_items(parts));
    }
    for (column, make) in [
        (Column::Extra, Line::Bullet as fn(String) -> Line),
        (Column::Outputs, Line::RowOutput),
        (Column::Speakers, Line::RowSpeakers),
        (Column::Documents, Line::RowDocuments),
    ] {
        for v in cell(&column) {
            for part in split_cell(v) {
                let part = match classify(&part) {
                    Line::Bullet(t) | Line::Numbered { text: t, .. } => t,
                    _ => part,
                };
                lines.push(make(part));
            }
        }
    }
    lines
}

/// A table pasted column by column: a run of bare times ("09:00-09:30" alone on its lines),
/// then as many agenda cells. Each time takes its cell, in order.
fn pair_time_columns(entries: &mut [Entry]) {
    let bare = |l: &Line| matches!(l, Line::Timed { title, minutes: None, .. } if title.is_empty());
    let mut i = 0;
    while i < entries.len() {
        if !bare(&entries[i].line) {
            i += 1;
            continue;
        }
        let mut times = Vec::new();
        let mut j = i;
        while j < entries.len() && (bare(&entries[j].line) || entries[j].line == Line::Blank) {
            if entries[j].line != Line::Blank {
                times.push(j);
            }
            j += 1;
        }
        if times.len() < 2 {
            i = j.max(i + 1);
            continue;
        }
        // As many agenda cells as times, no more: "13:00-15:00" alone, then "15:00-18:00" with
        // three items under it, is an empty row and a row, not a table.
        let mut cells = Vec::new();
        let mut k = j;
        while k < entries.len() && cells.len() <= times.len() {
            match &entries[k].line {
                Line::Blank => {}
                Line::Text(_) | Line::Numbered { .. } => cells.push(k),
                _ => break,
            }
            k += 1;
        }
        if cells.len() == times.len() {
            for (&t, &c) in times.iter().zip(&cells) {
                let text = entries[c].text.clone();
                let title = match classify(&text) {
                    Line::Numbered { text, .. } => text,
                    _ => text,
                };
                if let Line::Timed {
                    title: slot_title, ..
                } = &mut entries[t].line
                {
                    *slot_title = title;
                }
                entries[c].line = Line::Blank;
            }
        }
        i = k.max(j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<(Option<String>, String)> {
        entries(text)
            .into_iter()
            .filter_map(|e| match e.line {
                Line::Timed { slot, title, .. } => Some((slot.label(), title)),
                Line::RowOutput(o) => Some((None, format!("output: {o}"))),
                Line::RowSpeakers(o) => Some((None, format!("speakers: {o}"))),
                _ => None,
            })
            .collect()
    }

    fn t(time: &str, title: &str) -> (Option<String>, String) {
        (Some(time.into()), title.into())
    }

    #[test]
    fn a_pipe_table_with_headings() {
        let text = "| Time (CEST) | Agenda item | Expected outputs |\n|---|---|---|\n| 10:00-10:30 | Opening | Agenda adopted |\n| 10:30 - 11:00 | Coffee break | |";
        assert_eq!(
            titles(text),
            vec![
                t("10:00-10:30", "Opening"),
                (None, "output: Agenda adopted".into()),
                t("10:30-11:00", "Coffee break")
            ]
        );
        assert!(
            entries(text)
                .iter()
                .any(|e| e.line == Line::ZoneLabel("CEST".into()))
        );
    }

    #[test]
    fn a_pipe_table_of_rooms_and_one_without_headings() {
        let text = "| Time | Room A | Room B |\n| --- | --- | --- |\n| 14:00-15:30 | Workshop 1 | Workshop 2 |";
        assert_eq!(
            titles(text),
            vec![
                t("14:00-15:30", "Room A: Workshop 1"),
                t("14:00-15:30", "Room B: Workshop 2")
            ]
        );
        assert_eq!(
            titles("| 09:00-09:30 | Opening | Chair |"),
            vec![t("09:00-09:30", "Opening")]
        );
    }

    #[test]
    fn a_cells_paragraphs_are_its_items_and_an_escaped_bar_is_text() {
        let lines: Vec<Line> = entries(
            "| 09:00-10:00 | Opening <br> \u{2022} Welcome <br> 1. Adoption | Hall A \\| B |",
        )
        .into_iter()
        .map(|e| e.line)
        .collect();
        assert!(matches!(&lines[0], Line::Timed { title, .. } if title == "Opening"));
        assert_eq!(
            lines[1..],
            [
                Line::Bullet("Welcome".into()),
                Line::Bullet("Adoption".into()),
                Line::Bullet("Hall A | B".into())
            ]
        );
    }

    #[test]
    fn tab_separated_rows_with_a_heading_row() {
        let text = "Time\tSession\tChair / Speakers\n09:00\tRegistration\n09:30\tOpening\tDirector General\n\t(i)\tWelcome";
        let lines: Vec<Line> = entries(text).into_iter().map(|e| e.line).collect();
        assert!(matches!(&lines[0], Line::Timed { title, .. } if title == "Registration"));
        assert!(matches!(&lines[1], Line::Timed { title, .. } if title == "Opening"));
        assert_eq!(lines[2], Line::Bullet("Director General".into()));
        assert!(matches!(&lines[3], Line::Numbered { text, .. } if text == "Welcome"));
    }

    #[test]
    fn paragraphs_wrapped_across_lines_are_joined() {
        let text = "The Committee is invited to approve the summary record of its session, held on\n18-19 April 2023.\nDelegates are invited to share recent developments in their country, in\nparticular regarding:\n1. Opening\nA title of eight words or more without a stop\nSecond row";
        let lines: Vec<Line> = entries(text).into_iter().map(|e| e.line).collect();
        assert_eq!(
            lines[..2],
            [
                Line::Text("The Committee is invited to approve the summary record of its session, held on 18-19 April 2023.".into()),
                Line::Text("Delegates are invited to share recent developments in their country, in particular regarding:".into()),
            ]
        );
        assert_eq!(lines.len(), 5, "{lines:?}");
    }

    #[test]
    fn time_cells_first_then_agenda_cells() {
        let text = "09:00-09:30\n09:30-11:00\n\n11:00-11:15\nOpening\n1. Panel on data\nBreak";
        assert_eq!(
            titles(text),
            vec![
                t("09:00-09:30", "Opening"),
                t("09:30-11:00", "Panel on data"),
                t("11:00-11:15", "Break")
            ]
        );
        // One bare time is a row whose title may follow: left to the parser.
        assert_eq!(
            titles("17:45 - 18:00\n• Next steps"),
            vec![t("17:45-18:00", "")]
        );
    }
}
