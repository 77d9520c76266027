//! `docket import`: a published agenda (text, or Word) to a `meeting.yaml` a person reviews.
//!
//! The parser is a small state machine over lines ([`parse`]). Each line is first classified by
//! a table of recognisers ([`lines`]): day headers, time ranges, bullets, blocks; the state
//! (which day, which session, which block) then decides what the line becomes. Nothing is
//! dropped silently: a line that fits nowhere is reported with its number and kept as a
//! comment in the YAML. Desired-output links are proposed by word overlap ([`links`]).

pub mod docx;
mod emit;
pub mod lines;
pub mod links;

use std::collections::BTreeMap;

pub use emit::to_yaml;

use crate::model::{At, Day, DesiredOutput, InputDoc, Meeting, Session, SessionKind, Window};
use lines::{Line, classify};

/// What the importer made of an agenda.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The meeting, with ids made from titles and links only where proposed.
    pub meeting: Meeting,
    /// Lines it did not understand: (1-based line number, text).
    pub not_understood: Vec<(usize, String)>,
    /// Proposed `addresses` links: output id -> (session id, the words that matched).
    pub proposals: BTreeMap<String, Vec<(String, Vec<String>)>>,
    /// Things a person must complete (input documents without files, a guessed time zone).
    pub notes: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Block {
    Agenda,
    Inputs,
    Outputs,
}

struct State {
    meeting: Meeting,
    block: Block,
    interventions: bool,
    not_understood: Vec<(usize, String)>,
    notes: Vec<String>,
    /// Ids given so far, and the next suffix to try for each base: deduplication stays linear
    /// however many rows share a title (8,000 took 243 s when each id scanned all the others).
    ids: std::collections::HashSet<String>,
    next_suffix: std::collections::HashMap<String, usize>,
}

impl Imported {
    /// Whether nothing of an agenda was found: no day and no agenda row.
    pub fn is_empty(&self) -> bool {
        self.meeting.days.iter().all(|d| d.sessions.is_empty())
    }
}

/// Parses agenda text. Never panics, whatever the text.
pub fn parse(text: &str, time_zone: Option<&str>) -> Imported {
    let raw: Vec<&str> = text.lines().collect();
    let classified: Vec<Line> = raw.iter().map(|l| classify(l)).collect();
    let mut s = State {
        meeting: empty_meeting(),
        block: Block::Agenda,
        interventions: false,
        not_understood: Vec::new(),
        notes: Vec::new(),
        ids: std::collections::HashSet::new(),
        next_suffix: std::collections::HashMap::new(),
    };
    // The next non-blank line of each line, computed backwards once (linear in the text).
    let mut next_non_blank = vec![None; classified.len()];
    let mut seen = None;
    for i in (0..classified.len()).rev() {
        next_non_blank[i] = seen;
        if !matches!(classified[i], Line::Blank) {
            seen = Some(i);
        }
    }
    for (i, line) in classified.iter().enumerate() {
        s.step(i + 1, line, next_non_blank[i].map(|j| &classified[j]));
    }
    // A line not understood is kept as it was written, with its bullet or number.
    for (n, text) in &mut s.not_understood {
        if let Some(line) = raw.get(*n - 1) {
            *text = line.trim_end().to_owned();
        }
    }
    s.finish(time_zone)
}

fn empty_meeting() -> Meeting {
    let empty = || At::from(String::new());
    Meeting {
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
        keywords: Vec::new(),
        days: Vec::new(),
    }
}

impl State {
    fn day(&mut self) -> Option<&mut Day> {
        self.meeting.days.last_mut()
    }

    fn session(&mut self) -> Option<&mut Session> {
        self.day()?.sessions.last_mut().map(|s| &mut s.value)
    }

    fn push_session(&mut self, time: Option<String>, title: Option<String>, kind: SessionKind) {
        let continues = title
            .as_deref()
            .and_then(|t| t.strip_suffix("(cont.)"))
            .map(|t| t.trim().to_owned());
        let title = continues.clone().or(title);
        let target = continues.as_ref().and_then(|t| {
            self.meeting
                .sessions()
                .filter(|(_, s)| s.title.as_deref() == Some(t.as_str()))
                .find_map(|(_, s)| s.id.clone())
        });
        let day = self.meeting.days.len();
        let base = match &title {
            Some(t) => format!("d{day}-{}", slug(t, 4)),
            None => format!(
                "d{day}-{}",
                time.as_deref()
                    .map_or("items".into(), |t| format!("at-{}", slug(t, 1)))
            ),
        };
        let id = self.unique(&base, continues.is_some());
        let session = Session {
            id: Some(At::from(id)),
            time: time.map(At::from),
            title,
            kind,
            items: Vec::new(),
            interventions: Vec::new(),
            continues: target,
            addresses: Vec::new(),
        };
        if let Some(day) = self.day() {
            day.sessions.push(At::from(session));
        }
        self.interventions = false;
    }

    fn unique(&mut self, base: &str, cont: bool) -> String {
        let base = if cont {
            format!("{base}-cont")
        } else {
            base.to_owned()
        };
        let mut id = base.clone();
        let n = self.next_suffix.entry(base.clone()).or_insert(2);
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        self.ids.insert(id.clone());
        id
    }

    fn step(&mut self, n: usize, line: &Line, next: Option<&Line>) {
        let in_day = !self.meeting.days.is_empty();
        match line {
            Line::Blank => {}
            Line::DayHeader(date) => {
                self.meeting.days.push(Day {
                    date: At::from(date.to_string()),
                    part: String::new(),
                    audience: None,
                    room: None,
                    note: None,
                    sessions: Vec::new(),
                    inputs: Vec::new(),
                    desired_outputs: Vec::new(),
                });
                self.block = Block::Agenda;
                self.interventions = false;
            }
            Line::Window(start, end) if self.meeting.window.start.is_empty() => {
                self.meeting.window = Window {
                    start: At::from(start.clone()),
                    end: At::from(end.clone()),
                };
            }
            Line::CalendarLabel if !in_day => {}
            Line::Hosted(host) if !in_day => self.meeting.host = host.clone(),
            Line::TableHeader { label, note } if in_day => {
                self.meeting.local_time_label = At::from(label.clone());
                if let Some(day) = self.day() {
                    day.note = note.clone();
                }
                self.block = Block::Agenda;
            }
            Line::InputsHeader if in_day => self.block = Block::Inputs,
            Line::OutputsHeader if in_day => self.block = Block::Outputs,
            Line::Interventions if in_day && self.session().is_some() => self.interventions = true,
            Line::Timed {
                time,
                title,
                interventions,
            } if in_day => {
                let title = (!title.is_empty()).then(|| title.clone());
                let kind = if title.as_deref().is_some_and(lines::is_break) {
                    SessionKind::Break
                } else {
                    SessionKind::Session
                };
                self.block = Block::Agenda;
                self.push_session(Some(time.clone()), title, kind);
                self.interventions = *interventions;
            }
            Line::Bullet(text) if in_day => self.bullet(text),
            Line::Text(text) if in_day => self.text(n, text, next),
            Line::Text(text) if self.meeting.title.is_empty() => self.meeting.title = text.clone(),
            Line::Text(text)
                if self.meeting.venue.is_empty() && !self.meeting.window.start.is_empty() =>
            {
                self.meeting.venue = text.clone();
            }
            other => self.not_understood.push((n, other.source())),
        }
    }

    fn bullet(&mut self, text: &str) {
        match self.block {
            Block::Outputs => {
                let day = self.meeting.days.len();
                let id = self.unique(&format!("d{day}-{}", slug(text, 4)), false);
                if let Some(d) = self.day() {
                    d.desired_outputs.push(DesiredOutput {
                        id: At::from(id),
                        text: text.to_owned(),
                    });
                }
            }
            Block::Inputs => self.input(text),
            Block::Agenda => {
                if self.session().is_none() {
                    self.push_session(None, None, SessionKind::Session);
                }
                let interventions = self.interventions;
                if let Some(s) = self.session() {
                    if interventions {
                        s.interventions.push(text.to_owned())
                    } else {
                        s.items.push(text.to_owned())
                    }
                }
            }
        }
    }

    fn input(&mut self, text: &str) {
        let file = format!("inputs/{}", slug(text, 6));
        self.notes.push(format!("input document \"{text}\" is listed without a file: attach it as {file} (or correct the path)"));
        if let Some(d) = self.day() {
            d.inputs.push(At::from(InputDoc {
                title: text.to_owned(),
                file,
            }));
        }
    }

    fn text(&mut self, n: usize, text: &str, next: Option<&Line>) {
        let agenda = self.block == Block::Agenda;
        let Some(d) = self.day() else {
            self.not_understood.push((n, text.to_owned()));
            return;
        };
        if d.part.is_empty() && d.sessions.is_empty() && agenda {
            if d.room.is_none() && lines::looks_like_room(text) {
                d.room = Some(text.to_owned());
                return;
            }
            let (part, audience) = lines::part_and_audience(text);
            d.part = part;
            d.audience = audience;
            return;
        }
        match self.block {
            Block::Inputs => self.input(text),
            Block::Outputs => self.not_understood.push((n, text.to_owned())),
            Block::Agenda => {
                // A short heading directly above a timed row heads a segment of the agenda.
                let kind = if matches!(next, Some(Line::Timed { .. }))
                    && text.split_whitespace().count() <= 5
                    && !text.ends_with(['.', ':'])
                {
                    SessionKind::Segment
                } else if lines::is_break(text) {
                    SessionKind::Break
                } else {
                    SessionKind::Session
                };
                self.push_session(None, Some(text.to_owned()), kind);
            }
        }
    }

    fn finish(mut self, time_zone: Option<&str>) -> Imported {
        let m = &mut self.meeting;
        m.series = lines::series_of(&m.title);
        m.id = At::from(slug(&m.title, 8));
        let zone = match time_zone {
            Some(z) => z.to_owned(),
            None => {
                let guess = lines::guess_zone(&m.venue, &m.local_time_label.value);
                self.notes.push(format!(
                    "time_zone {guess} was inferred from the venue and the \"{}\" label: check it (or pass --time-zone)",
                    m.local_time_label.value
                ));
                guess
            }
        };
        m.time_zone = At::from(zone);
        for d in &mut m.days {
            if d.part.is_empty() {
                d.part = "Meeting".into();
                self.notes.push(format!(
                    "day {} has no part line: `part: Meeting` was written",
                    d.date.value
                ));
            }
        }
        let proposals = links::propose(m);
        for (output, sessions) in &proposals {
            for (session, _) in sessions {
                if let Some(s) = m
                    .days
                    .iter_mut()
                    .flat_map(|d| d.sessions.iter_mut())
                    .find(|s| s.id.as_ref().is_some_and(|i| i.value == *session))
                {
                    s.value.addresses.push(At::from(output.clone()));
                }
            }
        }
        Imported {
            meeting: self.meeting,
            not_understood: self.not_understood,
            proposals,
            notes: self.notes,
        }
    }
}

/// Lowercase words joined by dashes, at most `words` of them.
pub fn slug(text: &str, words: usize) -> String {
    let s = text
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(words)
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() { "item".into() } else { s }
}

/// The largest agenda file `import` reads (a long .docx with images is a few MB).
pub const IMPORT_LIMIT: u64 = 50 * 1024 * 1024;

/// `docket import`: reads an agenda file (UTF-8 text, or a Word .docx) and imports it; returns
/// what was understood and the commented YAML to write. Only a regular file is read.
pub fn import_file(
    agenda: &std::path::Path,
    time_zone: Option<&str>,
) -> Result<(Imported, String), crate::diag::Diagnostic> {
    use crate::diag::{Diagnostic, Rule};
    let io =
        |message: String| Diagnostic::new(Rule::Io, agenda, crate::model::Pos::default(), message);
    if let Some(zone) = time_zone {
        crate::model::clock::parse_zone(zone).map_err(|why| {
            Diagnostic::new(
                Rule::Io,
                std::path::Path::new("--time-zone"),
                crate::model::Pos::default(),
                why,
            )
            .hint("give an IANA name such as Europe/Zurich, America/New_York or UTC")
        })?;
    }
    // Any regular file the user names, wherever it is; never a FIFO or device (a hang).
    let bytes = crate::load::safe::read_regular(agenda, std::path::Path::new("/"), IMPORT_LIMIT)
        .map_err(|r| io(r.message).hint("give the path of a .txt or .docx agenda"))?;
    let text = if bytes.starts_with(b"PK") {
        docx::text_of(&bytes)
            .map_err(|e| io(e).hint("save the agenda as .docx, or paste it into a text file"))?
    } else {
        String::from_utf8(bytes).map_err(|_| {
            io("the file is neither UTF-8 text nor a .docx".into()).hint("save it as UTF-8 text")
        })?
    };
    let imported = parse(&text, time_zone);
    let yaml = to_yaml(&imported, &agenda.display().to_string());
    Ok((imported, yaml))
}
