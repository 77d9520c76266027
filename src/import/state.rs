//! The state machine: which day, which row, which block (agenda, documents, outputs) decides
//! what each classified line becomes. Times are kept as [`Slot`]s beside the rows until
//! [`super::finish`] resolves starts without ends, durations and the meeting's window.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use jiff::civil::Date;

use super::dates::LooseDate;
use super::lines::{self, Heading, Line, Style};
use super::tables::Entry;
use super::times::Slot;
use super::{Options, slug};
use crate::model::{At, Day, DesiredOutput, InputDoc, Meeting, Session, SessionKind, Window};

/// Which list the lines below a heading belong to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Block {
    Agenda,
    Inputs,
    Outputs,
}

/// What a row's time is before it is resolved.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct RowTime {
    pub(super) slot: Option<Slot>,
    pub(super) minutes: Option<u16>,
    /// The numbering of the row's title, to tell its siblings from its sub-items.
    pub(super) style: Option<Style>,
}

/// What was added last: a paragraph right under a row's title is its description.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Last {
    Title,
    Description,
    Other,
}

pub(super) struct State {
    pub(super) meeting: Meeting,
    pub(super) block: Block,
    interventions: bool,
    pub(super) not_understood: Vec<(usize, String)>,
    pub(super) furniture: Vec<usize>,
    pub(super) notes: Vec<String>,
    /// Ids given so far, and the next suffix to try for each base: deduplication stays linear
    /// however many rows share a title (8,000 took 243 s when each id scanned all the others).
    ids: HashSet<String>,
    next_suffix: HashMap<String, usize>,
    /// Outputs and documents listed before the first day: they go to the first day.
    pub(super) early_outputs: Vec<String>,
    pub(super) early_inputs: Vec<String>,
    /// "6-8 March 2023": the meeting's dates.
    pub(super) range: Option<(LooseDate, LooseDate)>,
    /// "Date: 14 May 2024" before the agenda.
    pub(super) date_line: Option<Date>,
    /// "DAY 1" waiting for its date on the next line.
    day_label: Option<u8>,
    /// The zone label the agenda's times carry ("CEST", "UTC+3", "Geneva time").
    pub(super) zone_label: Option<String>,
    /// Row times, parallel to each day's sessions.
    pub(super) times: Vec<Vec<RowTime>>,
    /// Each day's hours, when its header gives them.
    pub(super) hours: Vec<Option<Slot>>,
    /// The numbering of the agenda's rows, once a numbered row is seen.
    agenda_style: Option<Style>,
    last: Last,
    /// A blank line since the last entry of an outputs or documents block.
    gap: bool,
    /// Whether the day's table has an outputs column ("Time", "Agenda item", "Expected
    /// outputs" as headings): a row's last cell is then its output.
    outputs_column: bool,
    /// The meeting's dates, read before the lines are stepped through: a date outside them
    /// above the agenda is the document's date, not a day.
    pub(super) known_range: Option<(Date, Date)>,
    /// Hours given before the agenda ("13:00-16:00 UTC"), for a day the agenda does not head.
    preamble_hours: Option<Slot>,
    /// How much the title looks like one ([`State::title_score`]).
    title_score: i32,
    /// The last crumb of the page's breadcrumbs: the line that repeats it is the title.
    crumb: Option<String>,
    /// The text before the agenda, where a city may name the zone when no venue does.
    pub(super) context: String,
    /// The number of the last line that was not blank.
    last_line: usize,
    /// The line the title was taken from.
    title_line: usize,
    /// The lines before the first day: repeated inside the agenda, they are page headers.
    preamble: HashSet<String>,
    /// Whether the agenda has day headers: rows before the first are then no agenda rows.
    pub(super) has_day_headers: bool,
    /// The entries of the current outputs or documents block so far, and whether the first
    /// was bulleted (plain text after bullets is then no entry).
    block_entries: usize,
    block_bulleted: bool,
    options: Options,
}

impl State {
    pub(super) fn new(options: Options) -> Self {
        let empty = || At::from(String::new());
        Self {
            meeting: Meeting {
                id: empty(),
                title: String::new(),
                series: String::new(),
                host: String::new(),
                venue: String::new(),
                time_zone: empty(),
                local_time_label: At::from("UTC".to_owned()),
                window: Window {
                    start: empty(),
                    end: empty(),
                },
                language: "en".into(),
                languages: Vec::new(),
                keywords: Vec::new(),
                days: Vec::new(),
            },
            block: Block::Agenda,
            interventions: false,
            not_understood: Vec::new(),
            furniture: Vec::new(),
            notes: Vec::new(),
            ids: HashSet::new(),
            next_suffix: HashMap::new(),
            early_outputs: Vec::new(),
            early_inputs: Vec::new(),
            range: None,
            date_line: None,
            day_label: None,
            zone_label: None,
            times: Vec::new(),
            hours: Vec::new(),
            agenda_style: None,
            last: Last::Other,
            gap: false,
            outputs_column: false,
            has_day_headers: false,
            preamble: HashSet::new(),
            title_line: 0,
            last_line: 0,
            context: String::new(),
            crumb: None,
            title_score: i32::MIN,
            known_range: None,
            preamble_hours: None,
            block_entries: 0,
            block_bulleted: false,
            options,
        }
    }

    pub(super) fn options(&self) -> &Options {
        &self.options
    }

    fn day(&mut self) -> Option<&mut Day> {
        self.meeting.days.last_mut()
    }

    fn session(&mut self) -> Option<&mut Session> {
        self.day()?.sessions.last_mut().map(|s| &mut s.value)
    }

    fn row_time(&mut self) -> Option<&mut RowTime> {
        self.times.last_mut()?.last_mut()
    }

    /// The year of a date written without one: `--year`, the meeting's dates, a date line,
    /// the day before, the title.
    fn year(&self) -> Option<i16> {
        self.options
            .year
            .or(self.range.and_then(|(a, _)| a.year))
            .or(self.range.and_then(|(_, b)| b.year))
            .or(self.date_line.map(|d| d.year()))
            .or(self
                .meeting
                .days
                .iter()
                .rev()
                .find_map(|d| d.date.value.get(..4)?.parse().ok()))
            .or(super::dates::year_in(&self.meeting.title))
    }

    fn push_day(&mut self, date: Option<LooseDate>, part: String, hours: Option<Slot>) {
        let year = self.year();
        let previous: Option<Date> = self
            .meeting
            .days
            .iter()
            .rev()
            .find_map(|d| d.date.value.parse().ok());
        let date = date.and_then(|d| {
            let year = d.year.or(year)?;
            let date = d.in_year(year)?;
            // "Monday 30 December", "Tuesday 1 January": the year turned.
            match previous {
                Some(p) if d.year.is_none() && date < p => d.in_year(year + 1),
                _ => Some(date),
            }
        });
        let date = match date {
            Some(d) => d.to_string(),
            None => {
                self.notes.push(format!(
                    "day {} has no date docket could read: write it as YYYY-MM-DD (or pass --year)",
                    self.meeting.days.len() + 1
                ));
                String::new()
            }
        };
        let (part, audience) = lines::part_and_audience(&part);
        self.meeting.days.push(Day {
            date: At::from(date),
            part,
            audience,
            room: None,
            note: None,
            sessions: Vec::new(),
            inputs: Vec::new(),
            desired_outputs: Vec::new(),
        });
        self.times.push(Vec::new());
        self.hours.push(hours);
        self.block = Block::Agenda;
        self.interventions = false;
        self.day_label = None;
        self.last = Last::Other;
    }

    /// The day an agenda row belongs to when the agenda names none yet ("DAY 1" with no date,
    /// or no day header at all).
    fn ensure_day(&mut self) {
        if let Some(n) = self.day_label.take() {
            let date = self.range.and_then(|(from, _)| {
                let first = from.in_year(from.year.or(self.year())?)?;
                first
                    .checked_add(jiff::Span::new().days(i64::from(n) - 1))
                    .ok()
            });
            self.push_day(date.map(LooseDate::from), String::new(), None);
            return;
        }
        if !self.meeting.days.is_empty() || self.has_day_headers {
            return;
        }
        // The window's first day ("Wednesday, 20th April, 2022 (13:00 UTC) - ...") serves too.
        let window = self
            .meeting
            .window
            .start
            .value
            .get(..10)
            .and_then(|d| d.parse::<Date>().ok());
        let date = self
            .date_line
            .map(LooseDate::from)
            .or(self.range.map(|(from, _)| from))
            .or(window.map(LooseDate::from));
        self.notes.push(
            "the agenda has no day header: its rows were put on one day; check its date".into(),
        );
        let hours = self.preamble_hours;
        self.push_day(date, String::new(), hours);
    }

    fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_owned();
        let n = self.next_suffix.entry(base.to_owned()).or_insert(2);
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        self.ids.insert(id.clone());
        id
    }

    /// A new row. Its title loses its list marker (kept as the row's numbering style) and
    /// its duration; "(cont.)" becomes a link to the row it continues.
    fn push_session(&mut self, slot: Option<Slot>, title: Option<String>, minutes: Option<u16>) {
        self.ensure_day();
        let Some(day) = self.meeting.days.last_mut() else {
            return;
        };
        day.sessions.push(At::from(Session {
            id: None,
            time: None,
            title: None,
            kind: SessionKind::Session,
            items: Vec::new(),
            interventions: Vec::new(),
            continues: None,
            addresses: Vec::new(),
        }));
        if let Some(t) = self.times.last_mut() {
            t.push(RowTime {
                slot,
                minutes,
                style: None,
            });
        }
        match title.filter(|t| !t.is_empty()) {
            Some(t) => self.set_title(&t, None),
            None => {
                let day = self.meeting.days.len();
                let base = match slot {
                    Some(s) => format!(
                        "d{day}-at-{}",
                        super::times::clock(s.start).replace(':', "")
                    ),
                    None => format!("d{day}-items"),
                };
                let id = self.unique(&base);
                if let Some(s) = self.session() {
                    s.id = Some(At::from(id));
                }
            }
        }
        self.block = Block::Agenda;
        self.interventions = false;
        self.last = Last::Title;
    }

    /// Gives the last row its title: marker, duration and "(cont.)" taken off, its kind, and
    /// an id made from it. `style` is the marker already taken off by the caller.
    fn set_title(&mut self, text: &str, style: Option<Style>) {
        let (own_style, title, minutes) = title_parts(text);
        let style = style.or(own_style);
        let continues = title
            .strip_suffix("(cont.)")
            .or_else(|| title.strip_suffix("(continued)"))
            .or_else(|| title.strip_suffix("(cont'd)"))
            .map(|t| t.trim().to_owned());
        let title = continues.clone().unwrap_or(title);
        let target = continues.as_ref().and_then(|t| {
            self.meeting
                .sessions()
                .filter(|(_, s)| s.title.as_deref() == Some(t.as_str()))
                .find_map(|(_, s)| s.id.clone())
        });
        let kind = if lines::is_break(&title) {
            SessionKind::Break
        } else {
            SessionKind::Session
        };
        let day = self.meeting.days.len();
        let mut base = format!("d{day}-{}", slug(&title, 4));
        if continues.is_some() {
            base.push_str("-cont");
        }
        let id = self.unique(&base);
        if let Some(s) = self.session() {
            s.id = Some(At::from(id));
            s.title = Some(title);
            s.kind = kind;
            s.continues = target;
        }
        if let Some(r) = self.row_time() {
            r.style = style;
            r.minutes = r.minutes.or(minutes);
        }
        if style.is_some() && self.agenda_style.is_none() {
            self.agenda_style = style;
        }
        self.last = Last::Title;
    }

    /// A numbered row: its text is already without its marker.
    fn push_numbered(&mut self, style: Style, text: &str) {
        self.push_session(None, None, None);
        self.set_title(text, Some(style));
    }

    pub(super) fn output(&mut self, text: &str) {
        let text = text.trim().to_owned();
        if text.is_empty() {
            return;
        }
        if self.meeting.days.is_empty() {
            self.early_outputs.push(text);
            return;
        }
        let day = self.meeting.days.len();
        let id = self.unique(&format!("d{day}-{}", slug(&text, 4)));
        if let Some(d) = self.day() {
            d.desired_outputs.push(DesiredOutput {
                id: At::from(id),
                text,
            });
        }
    }

    pub(super) fn input(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if self.meeting.days.is_empty() {
            self.early_inputs.push(text.to_owned());
            return;
        }
        let file = format!("inputs/{}", slug(text, 6));
        self.notes.push(format!("input document \"{text}\" is listed without a file: attach it as {file} (or correct the path)"));
        if let Some(d) = self.day() {
            d.inputs.push(At::from(InputDoc {
                title: text.to_owned(),
                file,
            }));
        }
    }

    /// A line of the page before the agenda repeated inside it, or the title with a subtitle
    /// ("Sixtieth Session of the IPCC – Annotated provisional schedule"): a page header.
    fn is_running_header(&self, text: &str) -> bool {
        let title = &self.meeting.title;
        self.preamble.contains(text)
            || (!title.is_empty()
                && text.strip_prefix(title.as_str()).is_some_and(|rest| {
                    rest.is_empty() || rest.starts_with([' ', '|', ':', ',', '\u{2013}', '-'])
                }))
    }

    fn zone_label(&mut self, label: &str) {
        if self.zone_label.is_none() {
            self.zone_label = Some(label.to_owned());
        }
    }

    /// One line, with the lines before and after it that are not blank.
    pub(super) fn step(&mut self, e: &Entry, prev: Option<&Line>, next_entry: Option<&Entry>) {
        let next = next_entry.map(|x| &x.line);
        let in_day = !self.meeting.days.is_empty();
        let n = e.n;
        if self.day_label.is_some() {
            match &e.line {
                Line::Blank | Line::Furniture | Line::DayHeader { .. } => {}
                Line::DateLine(date, rest) => {
                    self.push_day(Some(LooseDate::from(*date)), rest.clone(), None);
                    return;
                }
                _ => self.ensure_day(),
            }
        }
        if in_day && self.is_running_header(&e.text) {
            self.furniture.push(n);
            return;
        }
        // Only text is a page header when repeated: a heading ("Expected outputs") may come
        // back inside a day and mean what it says.
        if !in_day && matches!(e.line, Line::Text(_)) {
            self.preamble.insert(e.text.clone());
        }
        let row_line = matches!(
            e.line,
            Line::Timed { .. }
                | Line::Numbered { .. }
                | Line::Bullet(_)
                | Line::RowSpeakers(_)
                | Line::RowOutput(_)
        );
        if row_line
            && self.meeting.days.is_empty()
            && self.has_day_headers
            && self.block == Block::Agenda
        {
            // Rows before the first of the agenda's day headers belong to no day.
            self.not_understood.push((n, e.text.clone()));
            return;
        }
        match &e.line {
            Line::Blank => {
                // A blank line ends an outputs or documents list, not its heading.
                if self.block != Block::Agenda && self.block_entries > 0 {
                    self.gap = true;
                }
            }
            Line::Furniture => {
                // "Home › MAG › MAG Virtual Meeting XXV": the last crumb names the page.
                if let Some(last) = e.text.rsplit(['\u{203a}', '\u{bb}', '>']).next()
                    && e.text.contains(['\u{203a}', '\u{bb}', '>'])
                {
                    self.crumb = Some(last.trim().to_owned());
                }
                self.furniture.push(n);
            }
            Line::DayHeader {
                date,
                part,
                hours,
                zone_label,
            } => {
                if let Some(l) = zone_label {
                    self.zone_label(l);
                }
                let bare = is_document_date(e, self.known_range);
                let current = self.meeting.days.last().map(|d| d.date.value.clone());
                let same_day = date
                    .year
                    .or(self.year())
                    .and_then(|y| date.in_year(y))
                    .is_some_and(|d| current.as_deref() == Some(d.to_string().as_str()));
                match (self.known_range, date.full()) {
                    // "Monday, 26 February, morning (10 a.m.–1 p.m.)" under "DAY 1 — MONDAY, 26
                    // FEBRUARY 2024": a half-day of that day, a row with its hours.
                    _ if same_day => {
                        let title = super::times::time_suffix(&e.text).map(|t| t.title);
                        match hours {
                            Some(slot) => self.push_session(Some(*slot), title, None),
                            None if !part.is_empty() => {
                                self.push_session(None, Some(e.text.clone()), None);
                                if let Some(s) = self.session() {
                                    s.kind = SessionKind::Segment;
                                }
                            }
                            None => {}
                        }
                    }
                    _ if bare && !in_day => {
                        self.preamble_text(n, part);
                    }
                    _ => self.push_day(Some(*date), part.clone(), *hours),
                }
            }
            Line::DayLabel(day_no) => {
                self.day_label = Some(*day_no);
            }
            Line::DateRange(from, to, rest) if !in_day => {
                if self.range.is_none() {
                    self.range = Some((*from, *to));
                }
                self.preamble_text(n, rest);
            }
            Line::DateLine(date, rest) if !in_day => {
                self.date_line.get_or_insert(*date);
                // "Date: Wednesday, 16 June 2021, 2:30 pm - 5:30 pm UTC": the day's hours.
                if let Some(t) = super::times::range_within(rest) {
                    self.preamble_hours.get_or_insert(t.slot);
                    if let Some(l) = &t.zone_label {
                        self.zone_label(l);
                    }
                    return;
                }
                if !matches!(rest.to_lowercase().as_str(), "date" | "dates" | "when" | "") {
                    self.preamble_text(n, rest);
                }
            }
            Line::Window(start, end) if self.meeting.window.start.is_empty() => {
                self.meeting.window = Window {
                    start: At::from(start.clone()),
                    end: At::from(end.clone()),
                };
            }
            Line::CalendarLabel if !in_day => {}
            Line::Hosted(host) if self.meeting.host.is_empty() => self.meeting.host = host.clone(),
            Line::TableHeader { label, note } => {
                self.ensure_day();
                self.zone_label(label);
                if let Some(day) = self.day() {
                    day.note = note.clone();
                }
                self.block = Block::Agenda;
            }
            Line::ZoneLabel(label) => self.zone_label(label),
            Line::Hours(slot, label) => {
                if let Some(l) = label {
                    self.zone_label(l);
                }
                match self.hours.last_mut() {
                    Some(h) if in_day => *h = h.or(Some(*slot)),
                    _ => self.preamble_hours = self.preamble_hours.or(Some(*slot)),
                }
            }
            Line::Heading {
                kind,
                label,
                inline,
            } => self.heading(*kind, label, inline, prev, next),
            Line::Interventions if self.session().is_some() => self.interventions = true,
            Line::Timed {
                slot,
                title,
                interventions,
                zone_label,
                minutes,
            } => {
                if let Some(l) = zone_label {
                    self.zone_label(l);
                }
                // The line right under the time takes it as its title, if it can be one.
                let title_below = next_entry.is_some_and(|x| {
                    x.n == n + 1
                        && match &x.line {
                            Line::Numbered { .. } => true,
                            Line::Text(t) => {
                                let words = t.split_whitespace().count();
                                !(words >= 15 || (words >= 10 && t.ends_with('.')))
                            }
                            _ => false,
                        }
                });
                if title.is_empty()
                    && !title_below
                    && self.title_above_takes_time(n, *slot, *minutes)
                {
                    return;
                }
                self.push_session(Some(*slot), Some(title.clone()), *minutes);
                self.interventions = *interventions;
            }
            Line::Bullet(text) => self.bullet(n, text),
            Line::Indented(text) => {
                let bare_time = self
                    .meeting
                    .days
                    .last()
                    .and_then(|d| d.sessions.last())
                    .is_some_and(|s| {
                        s.title.is_none() && s.items.is_empty() && s.interventions.is_empty()
                    })
                    && self
                        .times
                        .last()
                        .and_then(|t| t.last())
                        .is_some_and(|r| r.slot.is_some());
                if bare_time && self.block == Block::Agenda {
                    self.set_title(text, None);
                } else {
                    self.bullet(n, text);
                }
            }
            Line::Numbered { style, text } => self.numbered(*style, text),
            Line::Detail(text) => self.detail(n, text),
            Line::RowOutput(text) => self.row_output(text),
            Line::RowSpeakers(text) if self.session().is_some() => {
                for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                    if let Some(s) = self.session() {
                        s.interventions.push(part.to_owned());
                    }
                }
            }
            Line::RowDocuments(text) => self.input(text),
            Line::Text(text) => self.text(n, text, next),
            // A date range or date inside the agenda is text: "Follow-up to the 6-8 March meeting".
            Line::DateRange(..) | Line::DateLine(..) => self.text(n, &e.text, next),
            _ => self.not_understood.push((n, e.text.clone())),
        }
        if !matches!(e.line, Line::Blank) && self.block == Block::Agenda {
            self.gap = false;
        }
        if !matches!(e.line, Line::Blank | Line::Furniture) {
            self.last_line = n;
        }
    }

    /// Text before the first day: the title, then the venue.
    fn preamble_text(&mut self, n: usize, text: &str) {
        let text = text.trim_matches(|c: char| c.is_whitespace() || ",;:|-".contains(c));
        if text.is_empty() {
            return;
        }
        // Short lines only: prose names other places ("the next IGF, to be held in ...").
        if text.split_whitespace().count() <= 12 {
            self.context.push_str(text);
            self.context.push('\n');
        }
        if self.date_line.is_none()
            && let Some((date, _)) = super::dates::date_within(text)
        {
            self.date_line = Some(date);
        }
        if let Some(label) = super::zones::zone_within(text) {
            self.zone_label(&label);
        }
        let score = self.title_score(text);
        if self.meeting.title.is_empty() && score > i32::MIN {
            self.meeting.title = text.to_owned();
            self.title_line = n;
            self.title_score = score;
        } else if score > self.title_score {
            // "Organisation for Economic Co-operation and Development" above "88th Session of
            // the Committee ...": the event's name is the title, the organisation its host.
            let previous = std::mem::replace(&mut self.meeting.title, text.to_owned());
            let line = std::mem::replace(&mut self.title_line, n);
            self.title_score = score;
            self.organisation(line, previous);
        } else if names_an_organisation(text) && self.meeting.host.is_empty() {
            self.organisation(n, text.to_owned());
        } else if self.meeting.venue.is_empty()
            && looks_like_venue(text)
            && text.split_whitespace().count() <= 12
        {
            self.meeting.venue = text.to_owned();
        } else {
            self.not_understood.push((n, text.to_owned()));
        }
    }

    /// How much a line before the agenda looks like the meeting's title: it names an event
    /// ("Session", "Meeting", "Forum"), a year or a number ("XXV", "Sixtieth"), it is the
    /// page's last crumb; not a sentence, not shouted in capitals, not a site's name alone.
    fn title_score(&self, text: &str) -> i32 {
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() > 24 || (words.len() >= 10 && text.ends_with('.')) {
            return i32::MIN;
        }
        let mut score = 0;
        if names_an_event(text) {
            score += 3;
        }
        if super::dates::year_in(text).is_some() || words.iter().any(|w| is_ordinal(w)) {
            score += 2;
        }
        if self.crumb.as_deref() == Some(text) {
            score += 3;
        }
        if text.chars().any(|c| c.is_lowercase()) {
            score += 1;
        }
        if words.len() > 16 || text.ends_with('.') || looks_like_venue(text) {
            score -= 2;
        }
        if names_an_organisation(text) || is_site_name(text) {
            score -= 2;
        }
        score
    }

    /// A line naming an organisation before the agenda: the host, when none is named.
    fn organisation(&mut self, n: usize, text: String) {
        if self.meeting.host.is_empty() && names_an_organisation(&text) {
            self.notes
                .push(format!("host \"{text}\" was taken from line {n}: check it"));
            self.meeting.host = text;
        } else {
            self.not_understood.push((n, text));
        }
    }

    fn heading(
        &mut self,
        kind: Heading,
        label: &Option<String>,
        inline: &Option<String>,
        prev: Option<&Line>,
        next: Option<&Line>,
    ) {
        if let Some(l) = label {
            self.zone_label(l);
        }
        let column = |l: Option<&Line>| matches!(l, Some(Line::Heading { inline: None, .. }));
        let table = |l: Option<&Line>| {
            matches!(
                l,
                Some(Line::Heading {
                    kind: Heading::Time | Heading::Agenda,
                    inline: None,
                    ..
                })
            )
        };
        let is_table = matches!(kind, Heading::Time | Heading::Agenda);
        // Headings on consecutive lines, one of them a time or agenda column, are the columns
        // of a flattened table.
        if inline.is_none()
            && ((is_table && (column(prev) || column(next))) || table(prev) || table(next))
        {
            // The first heading of a run starts a new table: its columns are told anew.
            if !column(prev) {
                self.outputs_column = false;
            }
            if kind == Heading::Outputs {
                self.outputs_column = true;
            }
            self.block = Block::Agenda;
            return;
        }
        self.gap = false;
        match kind {
            Heading::Time | Heading::Agenda => self.block = Block::Agenda,
            // "Documents: C25/1; C25/2" under a row lists them and leaves the row's block.
            Heading::Outputs if inline.is_some() => {
                if let Some(text) = inline {
                    self.output(text);
                }
            }
            Heading::Documents if inline.is_some() => {
                for part in inline.iter().flat_map(|t| t.split(';')) {
                    self.input(part);
                }
            }
            Heading::Outputs => {
                self.block = Block::Outputs;
                self.block_entries = 0;
            }
            Heading::Documents => {
                self.block = Block::Inputs;
                self.block_entries = 0;
            }
            Heading::Speakers => {
                self.interventions = self.session().is_some();
                if let Some(text) = inline
                    && let Some(s) = self.session()
                {
                    s.interventions.push(text.clone());
                }
            }
        }
    }

    fn bullet(&mut self, n: usize, text: &str) {
        self.count_block_entry(true);
        match self.block {
            Block::Outputs => self.output(text),
            Block::Inputs => self.input(text),
            Block::Agenda if self.meeting.days.is_empty() => {
                self.not_understood.push((n, text.to_owned()));
            }
            Block::Agenda => {
                if self.session().is_none() {
                    self.push_session(None, None, None);
                }
                let interventions = self.interventions;
                if let Some(s) = self.session() {
                    if interventions {
                        s.interventions.push(text.to_owned())
                    } else {
                        s.items.push(text.to_owned())
                    }
                }
                self.last = Last::Other;
            }
        }
    }

    /// A numbered line is a row of the agenda when it is numbered like the rows ("1.", "2."),
    /// or is the first numbered line under a bare time; under a row of its own it is a sub-item.
    fn numbered(&mut self, style: Style, text: &str) {
        self.count_block_entry(true);
        match self.block {
            Block::Outputs => return self.output(text),
            Block::Inputs => return self.input(text),
            Block::Agenda => {}
        }
        let current = self.meeting.days.last().and_then(|d| d.sessions.last());
        let Some(current) = current else {
            return self.push_numbered(style, text);
        };
        let row = self
            .times
            .last()
            .and_then(|t| t.last())
            .copied()
            .unwrap_or_default();
        let bare_time = current.title.is_none()
            && current.items.is_empty()
            && current.interventions.is_empty()
            && row.slot.is_some();
        if bare_time {
            return self.set_title(text, Some(style));
        }
        // Under a row with a title of its own, numbered lines are its items; after a break, a
        // heading or an untitled row they are rows.
        let sibling = row.style == Some(style)
            || (row.style.is_none()
                && (current.title.is_none() || current.kind != SessionKind::Session));
        if sibling {
            self.push_numbered(style, text);
        } else {
            let interventions = self.interventions;
            if let Some(s) = self.session() {
                if interventions {
                    s.interventions.push(text.to_owned());
                } else {
                    s.items.push(text.to_owned());
                }
            }
            self.last = Last::Other;
        }
    }

    /// "Registration" / "8.45 – 9.30": a time alone on the line right under an untimed row
    /// that has nothing under it yet is that row's time.
    fn title_above_takes_time(&mut self, n: usize, slot: Slot, minutes: Option<u16>) -> bool {
        let consecutive = self.last_line + 1 == n;
        let row = self.times.last().and_then(|t| t.last()).copied();
        let Some(s) = self.meeting.days.last().and_then(|d| d.sessions.last()) else {
            return false;
        };
        let bare = s.title.is_some()
            && s.items.is_empty()
            && s.interventions.is_empty()
            && s.continues.is_none()
            && row.is_some_and(|r| r.slot.is_none());
        if !(consecutive && bare && self.last == Last::Title) {
            return false;
        }
        let kind = if s.title.as_deref().is_some_and(lines::is_break) {
            SessionKind::Break
        } else {
            SessionKind::Session
        };
        if let Some(s) = self.session() {
            s.kind = kind;
        }
        if let Some(r) = self.row_time() {
            r.slot = Some(slot);
            r.minutes = r.minutes.or(minutes);
        }
        true
    }

    /// Counts an entry of an outputs or documents block; the first says whether it is bulleted.
    fn count_block_entry(&mut self, bulleted: bool) {
        if self.block != Block::Agenda {
            if self.block_entries == 0 {
                self.block_bulleted = bulleted;
            }
            self.block_entries += 1;
        }
    }

    fn detail(&mut self, n: usize, text: &str) {
        if self.meeting.days.is_empty() {
            let (label, value) = text.split_once(':').unwrap_or(("", text));
            if matches!(
                label.trim().to_lowercase().as_str(),
                "venue" | "location" | "place"
            ) && self.meeting.venue.is_empty()
            {
                self.meeting.venue = value.trim().to_owned();
            } else {
                self.not_understood.push((n, text.to_owned()));
            }
            return;
        }
        match self.block {
            Block::Outputs => self.output(text),
            Block::Inputs => self.input(text),
            Block::Agenda => match self.session() {
                Some(s) => {
                    s.items.push(text.to_owned());
                    self.last = Last::Other;
                }
                None => self.text(n, text, None),
            },
        }
    }

    fn row_output(&mut self, text: &str) {
        self.output(text);
        let output = self
            .meeting
            .days
            .last()
            .and_then(|d| d.desired_outputs.last())
            .map(|o| o.id.value.clone());
        if let (Some(output), Some(s)) = (output, self.session()) {
            s.addresses.push(At::from(output));
        }
    }

    fn text(&mut self, n: usize, text: &str, next: Option<&Line>) {
        if self.meeting.days.is_empty() && self.block == Block::Agenda {
            return self.preamble_text(n, text);
        }
        // After a blank line, text below a bulleted outputs or documents list is the agenda's.
        if self.block != Block::Agenda && self.gap {
            self.block = Block::Agenda;
        }
        if self.block != Block::Agenda && self.block_bulleted && self.block_entries > 0 {
            // Plain text after a bulleted list: not one of its entries.
            return self.not_understood.push((n, text.to_owned()));
        }
        self.count_block_entry(false);
        match self.block {
            Block::Inputs => return self.input(text),
            Block::Outputs => return self.output(text),
            Block::Agenda => {}
        }
        let Some(day) = self.meeting.days.last() else {
            return self.not_understood.push((n, text.to_owned()));
        };
        let next_is_table = matches!(
            next,
            Some(
                Line::TableHeader { .. }
                    | Line::Heading {
                        kind: Heading::Time,
                        ..
                    }
            )
        );
        if day.sessions.is_empty() && day.room.is_none() && lines::looks_like_room(text) {
            if let Some(d) = self.day() {
                d.room = Some(text.to_owned());
            }
            return;
        }
        if day.sessions.is_empty()
            && day.part.is_empty()
            && (next_is_table
                || matches!(next, Some(Line::Text(t)) if lines::looks_like_room(t))
                || text.ends_with(')') && text.contains("(open"))
        {
            let (part, audience) = lines::part_and_audience(text);
            if let Some(d) = self.day() {
                d.part = part;
                d.audience = audience;
            }
            return;
        }
        // "Speakers:" then one name a line, no bullets: the names, until a blank line.
        if self.interventions
            && self.last_line + 1 == n
            && text.split_whitespace().count() <= 16
            && !text.ends_with('.')
            && !lines::is_break(text)
            && super::times::duration(text).is_none()
        {
            if let Some(s) = self.session() {
                s.interventions.push(text.to_owned());
            }
            return;
        }
        let current = day.sessions.last().map(|s| &s.value);
        let row = self
            .times
            .last()
            .and_then(|t| t.last())
            .copied()
            .unwrap_or_default();
        // The title of a time written alone on its line.
        if let Some(s) = current
            && s.title.is_none()
            && s.items.is_empty()
            && s.interventions.is_empty()
            && row.slot.is_some()
            && self.last == Last::Title
        {
            return self.set_title(text, None);
        }
        // A table with an outputs column: the last cell of a timed row is its output.
        if self.outputs_column
            && current.is_some_and(|s| s.title.is_some() && s.kind == SessionKind::Session)
            && (row.slot.is_some() || row.style.is_some())
            && !matches!(next, Some(Line::Bullet(_)))
        {
            self.row_output(text);
            self.last = Last::Other;
            return;
        }
        // "Topics:" over a list: the list's label, the list is the row's.
        if let Some(s) = current
            && s.kind == SessionKind::Session
            && s.title.is_some()
            && text.ends_with(':')
            && text.split_whitespace().count() <= 3
            && matches!(next, Some(Line::Bullet(_) | Line::Numbered { .. }))
        {
            return;
        }
        // Parallel rows: "Room B: ..." under "10:00-11:00 Room A: ..." shares its time.
        if let Some(s) = current
            && row.slot.is_some()
            && s.title.as_deref().is_some_and(names_a_room)
            && names_a_room(text)
        {
            let (slot, minutes) = (row.slot, row.minutes);
            self.push_session(slot, Some(text.to_owned()), minutes);
            return;
        }
        // A paragraph under a row is its description.
        if let Some(s) = current
            && s.kind == SessionKind::Session
            && s.title.is_some()
            && ((row.style.is_some() && self.agenda_style == row.style && self.last_line + 1 == n)
                || (matches!(self.last, Last::Title | Last::Description) && is_prose(text))
                || is_paragraph(text))
            && !lines::is_break(text)
            && super::times::duration(text).is_none()
            && !text.ends_with("(cont.)")
        {
            if let Some(s) = self.session() {
                s.items.push(text.to_owned());
            }
            self.last = Last::Description;
            return;
        }
        // A short heading directly above a timed row heads a segment of the agenda; so does
        // one in capitals ("HIGH-LEVEL OPENING").
        let shouted = text.chars().any(char::is_alphabetic)
            && !text.chars().any(char::is_lowercase)
            && text.split_whitespace().count() >= 2;
        if (matches!(next, Some(Line::Timed { .. } | Line::Numbered { .. })) || shouted)
            && text.split_whitespace().count() <= 5
            && !text.ends_with(['.', ':'])
            && !lines::is_break(text)
            && !text.contains("(cont")
            && super::times::duration(text).is_none()
        {
            self.push_session(None, Some(text.to_owned()), None);
            if let Some(s) = self.session() {
                s.kind = SessionKind::Segment;
            }
            // Left as a title: a time alone on the next line is the heading's own.
            self.last = Last::Title;
            return;
        }
        // Prose with no row above it (an introduction) is no row either.
        if text.split_whitespace().count() >= 12 && text.ends_with('.') {
            return self.not_understood.push((n, text.to_owned()));
        }
        self.push_session(None, Some(text.to_owned()), None);
    }
}

/// "27 October 2023" alone above an agenda of 14-15 November: the document's date, not a day
/// of the meeting ("Day 0 – Tuesday, 18 June" is a day, and so is a date with a part or hours).
pub(super) fn is_document_date(e: &Entry, meeting: Option<(Date, Date)>) -> bool {
    let Line::DayHeader {
        date, part, hours, ..
    } = &e.line
    else {
        return false;
    };
    let outside = match (meeting, date.full()) {
        (Some((from, to)), Some(d)) => d < from || d > to,
        _ => false,
    };
    outside
        && part.is_empty()
        && hours.is_none()
        && e.text.starts_with(|c: char| c.is_ascii_digit())
}

/// A sentence rather than a heading: a paragraph describing the row above.
fn is_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    words >= 9 || (words >= 6 && text.ends_with('.'))
}

/// A sentence long enough to be no row title, wherever it stands under a row.
fn is_paragraph(text: &str) -> bool {
    text.split_whitespace().count() >= 10 && text.ends_with('.')
}

/// "Break (15 min)" as ("Break", 15).
fn split_duration(text: &str) -> (String, Option<u16>) {
    match super::times::duration(text) {
        Some((m, rest)) if !rest.is_empty() => (rest, Some(m)),
        _ => (text.to_owned(), None),
    }
}

/// A row title's parts: its numbering, its text, its duration ("1. Opening (10 min)").
fn title_parts(text: &str) -> (Option<Style>, String, Option<u16>) {
    let (style, text) = match lines::marker(text) {
        Some((style, rest)) => (Some(style), rest),
        None => (None, text.to_owned()),
    };
    let (text, minutes) = split_duration(&text);
    (style, text, minutes)
}

/// A row held in a named room: "Room B: Workshop", "Salon 2: GAC Plenary", "Contact group
/// (Room Pera)".
fn names_a_room(text: &str) -> bool {
    static ROOM: LazyLock<regex::Regex> = LazyLock::new(|| {
        lines::re(concat!(
            r"(?i)(?:^(?:room|salon|hall|ballroom|auditorium|studio|conference room|meeting room|",
            r"plenary hall|stage|track)\s+[\w\-]+(?:\s+[\w\-]+)?\s*:|",
            r"\((?:room|salon|hall|ballroom|auditorium)\s+[^)]+\)\s*$)"
        ))
    });
    ROOM.is_match(text)
}

/// A line naming an organisation: "Organisation for Economic Co-operation and Development",
/// "League of Arab States | ESCWA", "IGF Secretariat", "UNESCO".
fn names_an_organisation(text: &str) -> bool {
    static BODY: LazyLock<regex::Regex> = LazyLock::new(|| {
        lines::re(concat!(
            r"(?i)^(?:the\s+)?(?:(?:organi[sz]ation|league|ministry|department|union|",
            r"intergovernmental panel|united nations|council) (?:of|for)(?: the)? (?-i:[A-Z])[^\d]+|",
            r"[^\d]+ secretariat)$|^[A-Z]{2,8}(?:\s*[|/,]\s*[A-Z]{2,8})*$"
        ))
    });
    text.split_whitespace().count() <= 10 && !looks_like_venue(text) && BODY.is_match(text)
}

/// "XXV", "60th", "Sixtieth", "2nd": the number of a meeting in its series.
fn is_ordinal(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let roman = w.len() >= 2 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let numbered = w.len() > 2
        && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s));
    let lower = w.to_lowercase();
    roman
        || numbered
        || lower.ends_with("tieth")
        || lower.ends_with("teenth")
        || matches!(
            lower.as_str(),
            "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "eleventh"
                | "twelfth"
        )
}

/// A site's name on its own ("Internet Governance Forum", "NIGF | Nigeria Internet Governance
/// Forum"): a page banner, not the meeting.
fn is_site_name(text: &str) -> bool {
    text.contains(" | ")
        || (super::dates::year_in(text).is_none()
            && !text.split_whitespace().any(is_ordinal)
            && text.split_whitespace().count() <= 4
            && text
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase())))
}

/// A line naming an event: "88th Session of the Committee", "IGF 2023 Open Consultations".
fn names_an_event(text: &str) -> bool {
    const EVENTS: &[&str] = &[
        "session",
        "meeting",
        "forum",
        "consultation",
        "consultations",
        "conference",
        "council",
        "summit",
        "assembly",
        "plenary",
        "workshop",
        "symposium",
        "dialogue",
        "igf",
        "congress",
        "committee",
        "commission",
        "seminar",
        "retreat",
        "convention",
        "event",
        "board",
    ];
    let t = text.to_lowercase();
    t.split(|c: char| !c.is_alphanumeric())
        .any(|w| EVENTS.contains(&w) || w.starts_with("icann") && w.len() > 5)
}

/// A venue line: a city docket knows, or words venues use.
fn looks_like_venue(text: &str) -> bool {
    let t = text.to_lowercase();
    super::zones::city_zone(text).is_some()
        || [
            "online",
            "virtual",
            "hybrid",
            "room",
            "hall",
            "centre",
            "center",
            "palais",
            "building",
            "office",
            "hotel",
            "headquarters",
            "venue",
            "zoom",
            "webex",
        ]
        .iter()
        .any(|w| t.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w))
}
