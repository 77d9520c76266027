//! Line recognisers: the table that turns one line of a published agenda into a [`Line`].
//! Each form a secretariat uses (header styles, time formats, bullets) is one entry here, with
//! its own test, so a new form is one regex and one test row.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

/// What one line of an agenda is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// Nothing but spaces.
    Blank,
    /// "DAY 1 | 26 June 2024", "Day 2 - Thursday, 27 June 2024", "Wednesday, 26th June, 2024".
    DayHeader(Date),
    /// "Wednesday, 26th June, 2024 (08:00 UTC) - Friday, 28th June, 2024 (16:00 UTC)".
    Window(String, String),
    /// "Event Calendar Date".
    CalendarLabel,
    /// "Hosted by IGF Secretariat".
    Hosted(String),
    /// "Time (CET) Agenda Item (*see ... below)".
    TableHeader {
        /// "CET".
        label: String,
        /// "*see meeting inputs and desired outputs below".
        note: Option<String>,
    },
    /// "*Input documents:".
    InputsHeader,
    /// "*Desired outputs:".
    OutputsHeader,
    /// "Interventions from:" alone.
    Interventions,
    /// A time range with an optional title.
    Timed {
        /// "10:30-12:30".
        time: String,
        /// The rest of the line, "Interventions from:" removed.
        title: String,
        /// The line ended with "Interventions from:".
        interventions: bool,
    },
    /// A bulleted, numbered or lettered entry, marker removed.
    Bullet(String),
    /// Any other text.
    Text(String),
}

impl Line {
    /// The line as text again, for reports.
    pub fn source(&self) -> String {
        match self {
            Line::Blank => String::new(),
            Line::DayHeader(d) => format!("day header {d}"),
            Line::Window(a, b) => format!("{a} - {b}"),
            Line::CalendarLabel => "Event Calendar Date".into(),
            Line::Hosted(h) => format!("Hosted by {h}"),
            Line::TableHeader { label, .. } => format!("Time ({label}) Agenda Item"),
            Line::InputsHeader => "*Input documents:".into(),
            Line::OutputsHeader => "*Desired outputs:".into(),
            Line::Interventions => "Interventions from:".into(),
            Line::Timed { time, title, .. } => format!("{time} {title}"),
            Line::Bullet(t) | Line::Text(t) => t.clone(),
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern}: {e}"))
}

/// Spaces of every kind folded to one, ends trimmed.
pub fn clean(line: &str) -> String {
    line.split(|c: char| {
        c.is_whitespace() || matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{feff}')
    })
    .filter(|w| !w.is_empty())
    .collect::<Vec<_>>()
    .join(" ")
}

/// A date written as "26 June 2024", "26th June, 2024", "June 26, 2024", with or without a
/// weekday in front.
pub fn parse_loose_date(text: &str) -> Option<Date> {
    static DMY: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+),?\s+(\d{4})$")
    });
    static MDY: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^(?:[a-z]+,?\s+)?([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
    });
    let text = text.trim().trim_end_matches(['.', ',']);
    let (day, month, year) = if let Some(c) = DMY.captures(text) {
        (c[1].to_owned(), c[2].to_owned(), c[3].to_owned())
    } else if let Some(c) = MDY.captures(text) {
        (c[2].to_owned(), c[1].to_owned(), c[3].to_owned())
    } else if let Ok(d) = text.parse::<Date>() {
        return Some(d);
    } else {
        return None;
    };
    let month = month.to_lowercase();
    let m = MONTHS
        .iter()
        .position(|name| *name == month || (month.len() >= 3 && name.starts_with(&month)))?;
    Date::new(
        year.parse().ok()?,
        i8::try_from(m + 1).ok()?,
        day.parse().ok()?,
    )
    .ok()
}

/// A time range in any of the forms agendas use, as `HH:MM-HH:MM`, and the rest of the line.
pub fn parse_time_prefix(line: &str) -> Option<(String, String)> {
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        re(
            // `\b` after am/pm: with the title allowed to follow at once ("15:30Closing"),
            // "15:30 AMR meeting" must not read as 15:30 am.
            r"(?i)^(\d{1,2})[:.](\d{2})\s*([ap]\.?m\b\.?)?\s*(?:-|\x{2013}|\x{2014}|to)\s*(\d{1,2})[:.](\d{2})\s*([ap]\.?m\b\.?)?\s*(.*)$",
        )
    });
    let c = TIME.captures(line)?;
    // A title may follow the time at once ("14:00-15:30Closing remarks"), but not a digit:
    // "10:00-11:0030" is no time range.
    let title = c.get(7)?;
    if title.as_str().starts_with(|ch: char| ch.is_ascii_digit())
        && line[..title.start()].ends_with(|ch: char| ch.is_ascii_digit())
    {
        return None;
    }
    let clock = |h: &str, m: &str, ampm: Option<&str>| -> Option<String> {
        let mut h: u32 = h.parse().ok()?;
        let m: u32 = m.parse().ok()?;
        match ampm.map(|s| s.to_lowercase().replace('.', "")) {
            Some(p) if p == "pm" && h < 12 => h += 12,
            Some(p) if p == "am" && h == 12 => h = 0,
            _ => {}
        }
        (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
    };
    // "10:30 - 12:30 pm": a single am/pm after the end applies to both ends.
    let end_ampm = c.get(6).map(|m| m.as_str());
    let start_ampm = c.get(3).map(|m| m.as_str()).or(end_ampm.filter(|_| {
        let (s, e): (u32, u32) = (c[1].parse().unwrap_or(0), c[4].parse().unwrap_or(0));
        s <= e && e != 12
    }));
    let start = clock(&c[1], &c[2], start_ampm)?;
    let end = clock(&c[4], &c[5], end_ampm)?;
    Some((format!("{start}-{end}"), c[7].trim().to_owned()))
}

/// Classifies one raw line.
pub fn classify(raw: &str) -> Line {
    static DAY: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^day\s*(\d{1,2})\s*(?:[|:\-\x{2013}\x{2014}]\s*)?(.+)$"));
    static WINDOW: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(.+?)\s*\((\d{1,2}:\d{2})\s*UTC\)\s*(?:-|\x{2013}|\x{2014}|to)\s*(.+?)\s*\((\d{1,2}:\d{2})\s*UTC\)$",
        )
    });
    static HEADER: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^time\s*\(([^)]+)\)\s*agenda\s+items?\s*(?:\((.*)\))?$"));
    static BULLET: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:[\x{25cf}\x{2022}\x{25aa}\x{25e6}\x{2023}\x{2043}\-*\x{2013}]|\d{1,2}[.)]|[a-zA-Z][.)])\s+(.+)$",
        )
    });
    static HOSTED: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^hosted by\s+(.+)$"));
    let line = clean(raw);
    if line.is_empty() {
        return Line::Blank;
    }
    let lower = line.to_lowercase();
    if let Some(c) = DAY.captures(&line)
        && let Some(date) = parse_loose_date(&c[2])
    {
        return Line::DayHeader(date);
    }
    if let Some(date) = parse_loose_date(&line) {
        return Line::DayHeader(date);
    }
    if let Some(c) = WINDOW.captures(&line)
        && let (Some(a), Some(b)) = (parse_loose_date(&c[1]), parse_loose_date(&c[3]))
    {
        let at = |d: Date, t: &str| format!("{d}T{:0>5}:00Z", t);
        return Line::Window(at(a, &c[2]), at(b, &c[4]));
    }
    if lower == "event calendar date" {
        return Line::CalendarLabel;
    }
    if let Some(c) = HOSTED.captures(&line) {
        return Line::Hosted(c[1].to_owned());
    }
    if let Some(c) = HEADER.captures(&line) {
        let note = c
            .get(2)
            .map(|n| n.as_str().trim().to_owned())
            .filter(|n| !n.is_empty());
        return Line::TableHeader {
            label: c[1].trim().to_owned(),
            note,
        };
    }
    match lower.trim_start_matches('*').trim_end_matches(':').trim() {
        "input documents" | "meeting inputs" | "inputs" => return Line::InputsHeader,
        "desired outputs" | "expected outputs" | "outputs" => return Line::OutputsHeader,
        "interventions from" => return Line::Interventions,
        _ => {}
    }
    if let Some((time, rest)) = parse_time_prefix(&line) {
        // Compare the ASCII suffix byte for byte: lowercasing the whole line could change
        // its length and misplace the cut.
        const SUFFIX: &str = "interventions from:";
        let cut = rest
            .len()
            .checked_sub(SUFFIX.len())
            .filter(|&at| rest.is_char_boundary(at));
        let (title, interventions) = match cut {
            Some(at) if rest[at..].eq_ignore_ascii_case(SUFFIX) => {
                (rest[..at].trim().to_owned(), true)
            }
            _ => (rest, false),
        };
        return Line::Timed {
            time,
            title,
            interventions,
        };
    }
    if let Some(c) = BULLET.captures(&line) {
        return Line::Bullet(c[1].trim().to_owned());
    }
    // The time after the title, in brackets: "Session 2: Reports (11.00-12.30)".
    static TRAILING: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(.*\S)\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]\s*$"));
    if let Some(c) = TRAILING.captures(&line)
        && let Some((time, rest)) = parse_time_prefix(&c[2])
        && rest.is_empty()
    {
        return Line::Timed {
            time,
            title: c[1].trim().to_owned(),
            interventions: false,
        };
    }
    Line::Text(line)
}

/// "LUNCH BREAK", "Coffee break".
pub fn is_break(title: &str) -> bool {
    let t = title.to_lowercase();
    t.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "break")
        || t == "lunch"
}

/// A room line: "Room XXVI | Building E | UN Office at Geneva".
pub fn looks_like_room(text: &str) -> bool {
    let t = text.to_lowercase();
    t.contains('|')
        || t.starts_with("room")
        || t.contains(" room")
        || t.contains("building")
        || t.contains("hall ")
}

/// "MAG Meeting (open to observers)" as part and audience.
pub fn part_and_audience(text: &str) -> (String, Option<String>) {
    match text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((part, audience)) => (part.trim().to_owned(), Some(audience.trim().to_owned())),
        None => (text.to_owned(), None),
    }
}

/// "IGF 2024" from "IGF 2024 Second Open Consultations and MAG Meeting": the words up to the
/// first year.
pub fn series_of(title: &str) -> String {
    let mut words = Vec::new();
    for w in title.split_whitespace() {
        words.push(w);
        if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) {
            return words.join(" ");
        }
    }
    title.to_owned()
}

/// A time zone from the venue's city, else from the label.
pub fn guess_zone(venue: &str, label: &str) -> String {
    const CITIES: &[(&str, &str)] = &[
        ("geneva", "Europe/Zurich"),
        ("genève", "Europe/Zurich"),
        ("paris", "Europe/Paris"),
        ("vienna", "Europe/Vienna"),
        ("berlin", "Europe/Berlin"),
        ("brussels", "Europe/Brussels"),
        ("london", "Europe/London"),
        ("new york", "America/New_York"),
        ("riyadh", "Asia/Riyadh"),
        ("kyoto", "Asia/Tokyo"),
        ("tokyo", "Asia/Tokyo"),
        ("addis ababa", "Africa/Addis_Ababa"),
        ("oslo", "Europe/Oslo"),
        ("katowice", "Europe/Warsaw"),
        ("nairobi", "Africa/Nairobi"),
        ("bangkok", "Asia/Bangkok"),
    ];
    let v = venue.to_lowercase();
    if let Some((_, zone)) = CITIES.iter().find(|(city, _)| v.contains(city)) {
        return (*zone).to_owned();
    }
    match label.to_uppercase().as_str() {
        "CET" | "CEST" => "Europe/Brussels",
        "EST" | "EDT" => "America/New_York",
        "GMT" | "BST" => "Europe/London",
        _ => "UTC",
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn day_headers_in_every_form() {
        for (text, expected) in [
            ("DAY 1 | 26 June 2024", "2024-06-26"),
            ("DAY\u{a0}2\u{a0}| 27 June\u{a0}2024", "2024-06-27"),
            ("Day 2 - Thursday, 27 June 2024", "2024-06-27"),
            ("Day 3 – Friday 28 June 2024", "2024-06-28"),
            ("Wednesday, 26th June, 2024", "2024-06-26"),
            ("Thursday, June 27, 2024", "2024-06-27"),
            ("Day 1: 1 Dec 2024", "2024-12-01"),
        ] {
            assert_eq!(classify(text), Line::DayHeader(date(expected)), "{text}");
        }
    }

    #[test]
    fn time_ranges_in_every_form() {
        for (text, time, title) in [
            ("10:30 - 12:30 Exchange", "10:30-12:30", "Exchange"),
            (
                "12:30-13:00 IGF continuous improvements",
                "12:30-13:00",
                "IGF continuous improvements",
            ),
            ("10.30-12.30 Dots", "10:30-12:30", "Dots"),
            ("10:30 – 12:30 En dash", "10:30-12:30", "En dash"),
            ("10:30 — 12:30 Em dash", "10:30-12:30", "Em dash"),
            ("10:30 to 12:30 Words", "10:30-12:30", "Words"),
            (
                "10:30 am - 12:30 pm Twelve-hour",
                "10:30-12:30",
                "Twelve-hour",
            ),
            ("1:00 pm - 3:00 pm Afternoon", "13:00-15:00", "Afternoon"),
            ("2:00 - 3:30 pm One suffix", "14:00-15:30", "One suffix"),
            ("17:45 - 18:00", "17:45-18:00", ""),
            ("10:45\u{a0}- 13:00 Plenary 1", "10:45-13:00", "Plenary 1"),
            ("12:30-14.00 Mixed", "12:30-14:00", "Mixed"),
            (
                "14:00-15:30Closing remarks",
                "14:00-15:30",
                "Closing remarks",
            ),
            ("9:30am-12:30pm Glued", "09:30-12:30", "Glued"),
            (
                "15:30 - 16:00 AMR working group",
                "15:30-16:00",
                "AMR working group",
            ),
            (
                "Session 2: Reports (11.00-12.30)",
                "11:00-12:30",
                "Session 2: Reports",
            ),
            ("Opening [9:00 - 9:30]", "09:00-09:30", "Opening"),
        ] {
            assert_eq!(
                classify(text),
                Line::Timed {
                    time: time.into(),
                    title: title.into(),
                    interventions: false
                },
                "{text}"
            );
        }
        // Digits straight after the end are no title; a bracket that is no time stays text.
        assert!(parse_time_prefix("10:00-11:0030 mins").is_none());
        assert!(matches!(classify("Reports (draft 2)"), Line::Text(_)));
        let line = classify("16:30-17:45 Discussion about processes. Interventions from:");
        assert_eq!(
            line,
            Line::Timed {
                time: "16:30-17:45".into(),
                title: "Discussion about processes.".into(),
                interventions: true
            }
        );
    }

    #[test]
    fn a_suffix_after_multibyte_text_never_splits_a_character() {
        let line = format!(
            "10:00-11:00 {}Interventions from:é{}",
            "İ".repeat(20),
            "x".repeat(18)
        );
        assert!(matches!(
            classify(&line),
            Line::Timed {
                interventions: false,
                ..
            }
        ));
        let line = format!("10:00-11:00 {} Interventions From:", "İ".repeat(3));
        assert!(matches!(
            classify(&line),
            Line::Timed {
                interventions: true,
                ..
            }
        ));
    }

    #[test]
    fn bullets_numbers_and_letters() {
        for text in [
            "● Item",
            "●\u{a0} \u{a0} \u{a0} Item",
            "  • Item",
            "- Item",
            "* Item",
            "1. Item",
            "2) Item",
            "a. Item",
            "b) Item",
        ] {
            assert_eq!(classify(text), Line::Bullet("Item".into()), "{text:?}");
        }
    }

    #[test]
    fn blocks_headers_and_labels() {
        assert_eq!(classify("*Input documents:"), Line::InputsHeader);
        assert_eq!(classify("*Desired outputs:"), Line::OutputsHeader);
        assert_eq!(classify("Interventions from:"), Line::Interventions);
        assert_eq!(
            classify("Hosted by IGF Secretariat"),
            Line::Hosted("IGF Secretariat".into())
        );
        assert_eq!(classify("Event Calendar Date"), Line::CalendarLabel);
        assert_eq!(
            classify(
                "Time (CET) Agenda Item\u{a0} (*see meeting inputs and desired outputs below)"
            ),
            Line::TableHeader {
                label: "CET".into(),
                note: Some("*see meeting inputs and desired outputs below".into())
            }
        );
        assert_eq!(
            classify(
                "Wednesday, 26th June, 2024 (08:00 UTC) - Friday, 28th June, 2024 (16:00 UTC)"
            ),
            Line::Window("2024-06-26T08:00:00Z".into(), "2024-06-28T16:00:00Z".into())
        );
        assert_eq!(classify("   \u{a0} "), Line::Blank);
    }

    #[test]
    fn rooms_parts_breaks_series_and_zones() {
        assert!(looks_like_room(
            "Room XXVI | Building E | UN Office at Geneva, Switzerland"
        ));
        assert_eq!(
            part_and_audience("MAG Meeting (open to observers)"),
            ("MAG Meeting".into(), Some("open to observers".into()))
        );
        assert!(
            is_break("LUNCH BREAK")
                && is_break("Coffee break")
                && !is_break("Breakout groups report")
        );
        assert_eq!(
            series_of("IGF 2024 Second Open Consultations and MAG Meeting"),
            "IGF 2024"
        );
        assert_eq!(
            guess_zone("United Nations Office at Geneva, Switzerland", "CET"),
            "Europe/Zurich"
        );
        assert_eq!(guess_zone("Online", "UTC"), "UTC");
    }
}
