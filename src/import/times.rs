//! Times as agendas write them: ranges ("10.00-10.35", "9:30 am - 12:30 pm", "14h00-15h30"),
//! a start alone ("07.45 Registration": the slot ends where the next begins), durations
//! ("(30 mins)", "\[1h30\]"), a time after the title ("Reports (11.00-12.30)"), and a zone label
//! after the time ("10:00-11:00 CEST").

use std::sync::LazyLock;

use regex::Regex;

use super::lines::re;

/// A row's time: a start, and the end when written. Minutes after midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// Start, minutes after midnight.
    pub start: u16,
    /// End, when the row gives one.
    pub end: Option<u16>,
}

impl Slot {
    /// `HH:MM-HH:MM` when the end is known.
    pub fn label(&self) -> Option<String> {
        self.end
            .map(|e| format!("{}-{}", clock(self.start), clock(e)))
    }
}

/// `HH:MM` of minutes after midnight (24:00 for the end of the day).
pub fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A time found in a line: the slot, the title after it, and a zone label written with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timed {
    /// The slot.
    pub slot: Slot,
    /// The rest of the line.
    pub title: String,
    /// "CEST" in "10:00-11:00 CEST Opening".
    pub zone_label: Option<String>,
}

fn minutes(h: &str, m: &str, ampm: Option<&str>) -> Option<u16> {
    let mut h: u16 = h.parse().ok()?;
    let m: u16 = m.parse().ok()?;
    match ampm.map(|s| s.to_lowercase().replace('.', "")) {
        Some(p) if p == "pm" && (1..12).contains(&h) => h += 12,
        Some(p) if p == "am" && h == 12 => h = 0,
        Some(_) if h > 12 || h == 0 => return None,
        _ => {}
    }
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// A zone label written straight after a time: "CEST", "UTC+3", "(Geneva time)".
pub const ZONE_LABEL: &str = r"(?:UTC|GMT)(?:\s*[+\-\x{2212}]\s*\d{1,2}(?::?\d{2})?)?|[ECMPA][SD]T|CES?T|EES?T|WES?T|BST|IST|JST|KST|MSK|EAT|WAT|CAT|SAST|AEST|AEDT|[A-Z][a-z]+ time";

/// Hours written without minutes, "10 a.m.–1 p.m.", "1–3 p.m.", "9 am Registration", as
/// "10:00 am - 1:00 pm": am or pm must be there, else "3-5 people" would be a time.
fn with_minutes(line: &str) -> Option<String> {
    static RANGE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(\d{1,2})(?:\s*([ap])\.?\s?m\b\.?)?\s*(?:-|\x{2013}|\x{2014}|to)\s*(\d{1,2})\s*([ap])\.?\s?m\b\.?(.*)$",
        )
    });
    static START: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^(\d{1,2})\s*([ap])\.?\s?m\b\.?(\s.*|$)"));
    // "0930–1000": a range of four-digit clock times (a year alone is no time).
    static MILITARY: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^([01]\d|2[0-3])([0-5]\d)\s*(?:-|\x{2013}|\x{2014})\s*([01]\d|2[0-3])([0-5]\d)\b(.*)$")
    });
    if let Some(c) = MILITARY.captures(line) {
        return Some(format!("{}:{}-{}:{}{}", &c[1], &c[2], &c[3], &c[4], &c[5]));
    }
    if let Some(c) = RANGE.captures(line) {
        let first = c
            .get(2)
            .map_or(String::new(), |m| format!(" {}m", m.as_str()));
        return Some(format!(
            "{}:00{first} - {}:00 {}m{}",
            &c[1], &c[3], &c[4], &c[5]
        ));
    }
    START
        .captures(line)
        .map(|c| format!("{}:00 {}m{}", &c[1], &c[2], &c[3]))
}

/// A time range or a start at the beginning of `line`.
pub fn time_prefix(line: &str) -> Option<Timed> {
    match with_minutes(line) {
        Some(rewritten) => clock_prefix(&rewritten),
        None => clock_prefix(line),
    }
}

/// [`time_prefix`] for times with minutes.
fn clock_prefix(line: &str) -> Option<Timed> {
    static RANGE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            // `\b` after am/pm: with the title allowed to follow at once ("15:30Closing"),
            // "15:30 AMR meeting" must not read as 15:30 am.
            r"(?i)^(\d{1,2})[:.hH](\d{2})\s*([ap]\.?m\b\.?)?\s*(?:-|\x{2013}|\x{2014}|to)\s*(\d{1,2})[:.hH](\d{2})\s*([ap]\.?m\b\.?)?(.*)$",
        )
    });
    static START: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^(\d{1,2})([:.hH])(\d{2})(?:\s*([ap]\.?m\b\.?))?((?:\s|[(\[\x{2013}\-|:]).*)?$")
    });
    if let Some(c) = RANGE.captures(line) {
        let rest = c.get(7)?;
        // A title may follow the time at once ("14:00-15:30Closing remarks"), but not a
        // digit: "10:00-11:0030" is no time range.
        if line[c.get(5)?.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
            return None;
        }
        // "10:30 - 12:30 pm": a single am/pm after the end applies to both ends.
        let end_ampm = c.get(6).map(|m| m.as_str());
        let start_ampm = c.get(3).map(|m| m.as_str()).or(end_ampm.filter(|_| {
            let (s, e): (u16, u16) = (c[1].parse().unwrap_or(0), c[4].parse().unwrap_or(0));
            s <= e && e != 12
        }));
        let start = minutes(&c[1], &c[2], start_ampm)?;
        let end = minutes(&c[4], &c[5], end_ampm)?;
        let (title, zone_label) = strip_zone(rest.as_str());
        return Some(Timed {
            slot: Slot {
                start,
                end: Some(end),
            },
            title,
            zone_label,
        });
    }
    let c = START.captures(line)?;
    let rest = c.get(5).map_or("", |m| m.as_str());
    let ampm = c.get(4).map(|m| m.as_str());
    // "1.10 Outputs" is a numbered item, "2.5 million" a number: a start alone with a dot
    // needs an hour of the working day or am/pm, and is followed by a space, a bracket or
    // nothing.
    let hour: u16 = c[1].parse().ok()?;
    if c[2].eq(".") && ampm.is_none() && !(6..=23).contains(&hour) && c[1].len() < 2 {
        return None;
    }
    let start = minutes(&c[1], &c[3], ampm)?;
    let rest = rest.trim_start_matches([' ', '\u{2013}', '-', '|', ':']);
    let (title, zone_label) = strip_zone(rest);
    Some(Timed {
        slot: Slot { start, end: None },
        title,
        zone_label,
    })
}

/// Splits a zone label off the front of the text after a time.
fn strip_zone(rest: &str) -> (String, Option<String>) {
    static ZONE: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"^\s*\(?\s*({ZONE_LABEL})\s*\)?(?:\s+|$|[:|,\-]\s*)"
        ))
    });
    match ZONE.captures(rest) {
        Some(c) => (
            rest[c.get(0).map_or(0, |m| m.end())..]
                .trim_start_matches([' ', '|', ':', '-', '\u{2013}', '\u{2014}'])
                .trim()
                .to_owned(),
            Some(super::lines::clean(&c[1].replace('\u{2212}', "-"))),
        ),
        None => (
            rest.trim_start_matches([' ', '|', ':', '-', '\u{2013}', '\u{2014}'])
                .trim()
                .to_owned(),
            None,
        ),
    }
}

/// The time written after a title: "Session 2: Reports (11.00-12.30)", "Opening [9:00 - 9:30]",
/// "Closing, 17:00-17:30", "Morning session 10:00 – 13:00", and a start alone after a dash or
/// in brackets, "Opening – 14:30 (10 mins)" (a duration after it stays in the title).
pub fn time_suffix(line: &str) -> Option<Timed> {
    static BRACKETED: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(.*\S)\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]\s*$"));
    static AFTER_DASH: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(.*\S)\s*(?:,|\s-|\s\x{2013}|\s\x{2014}|\|)\s*(\d{1,2}(?:[:.hH]\d{2})?\s*(?:[ap]\.?m\b\.?)?.*)$",
        )
    });
    // A range after a plain space: a start alone there would be any number.
    static AFTER_SPACE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(.*[^\s\d])\s+(\d{1,2}[:.hH]\d{2}\s*(?:[ap]\.?m\b\.?)?\s*(?:-|\x{2013}|\x{2014}|to)\s*\d{1,2}[:.hH]\d{2}.*)$",
        )
    });
    let (text, kept) = match duration_span(line) {
        Some((at, end)) if line[end..].trim().is_empty() => (&line[..at], &line[at..]),
        _ => (line, ""),
    };
    for (pattern, start_only) in [
        (&*BRACKETED, true),
        (&*AFTER_SPACE, false),
        (&*AFTER_DASH, true),
    ] {
        if let Some(c) = pattern.captures(text.trim_end())
            && let Some(t) = time_prefix(&c[2])
            && t.title.is_empty()
            && (start_only || t.slot.end.is_some())
            // "10:00 – 13:00" is one range, not a title "10:00" and a start.
            && !ends_with_clock(&c[1])
        {
            let head = c[1].trim_end_matches([' ', '-', '\u{2013}', '\u{2014}', ',', '|', ':']);
            let title = format!("{} {}", head.trim(), kept.trim());
            return Some(Timed {
                title: title.trim().to_owned(),
                ..t
            });
        }
    }
    None
}

/// A time range anywhere in `text`: "Date: Wednesday, 16 June 2021, 2:30 pm - 5:30 pm UTC".
pub fn range_within(text: &str) -> Option<Timed> {
    text.char_indices()
        .filter(|(at, c)| {
            c.is_ascii_digit() && !text[..*at].ends_with(|p: char| p.is_ascii_digit())
        })
        // A range starts within the first few numbers of a line; looking further would make
        // a long line of numbers quadratic.
        .take(8)
        .find_map(|(at, _)| time_prefix(&text[at..]).filter(|t| t.slot.end.is_some()))
}

/// "... 10:00": text ending with a clock time.
fn ends_with_clock(text: &str) -> bool {
    static CLOCK: LazyLock<Regex> = LazyLock::new(|| re(r"\d{1,2}[:.hH]\d{2}\s*(?:[ap]\.?m\.?)?$"));
    CLOCK.is_match(text.trim_end())
}

/// Where a duration is written in `text`.
fn duration_span(text: &str) -> Option<(usize, usize)> {
    let m = DURATION.find(text)?;
    Some((m.start(), m.end()))
}

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)[(\[]\s*(?:(\d{1,3})\s*(?:mins?|minutes?|mn|')\.?|(\d{1,2})\s*(?:h|hrs?|hours?)\s*(?:(\d{1,2})\s*(?:mins?|minutes?)?)?)\s*[)\]]",
    )
});

/// A duration written in the text, in minutes, and the text without it: "Break (15 min)",
/// "[45 mins]", "\[1h30\]", "(10min)", "(1 hour)".
pub fn duration(text: &str) -> Option<(u16, String)> {
    // "Report of the Working Group - 15 min": after a dash, at the end.
    static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\s[-\x{2013}\x{2014}]\s*(\d{1,3})\s*(?:mins?|minutes?|')\.?\s*$")
    });
    if let Some(c) = TRAILING.captures(text) {
        let m: u16 = c[1].parse().ok()?;
        let rest = text[..c.get(0)?.start()].trim_end().to_owned();
        return (m > 0 && m <= 24 * 60 && !rest.is_empty()).then_some((m, rest));
    }
    let c = DURATION.captures(text)?;
    let total = match (c.get(1), c.get(2)) {
        (Some(m), _) => m.as_str().parse().ok()?,
        (None, Some(h)) => {
            let h: u16 = h.as_str().parse().ok()?;
            let m: u16 = c.get(3).map_or(Some(0), |m| m.as_str().parse().ok())?;
            h * 60 + m
        }
        _ => return None,
    };
    let whole = c.get(0)?;
    let rest = format!("{} {}", &text[..whole.start()], &text[whole.end()..]);
    let rest = super::lines::clean(&rest);
    let rest = rest
        .trim_end_matches([' ', '-', '\u{2013}', ':', ','])
        .to_owned();
    (total > 0 && total <= 24 * 60).then_some((total, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(text: &str) -> Option<(String, String)> {
        time_prefix(text).and_then(|t| Some((t.slot.label()?, t.title)))
    }

    #[test]
    fn ranges_in_every_form() {
        for (text, time, title) in [
            ("10:30 - 12:30 Exchange", "10:30-12:30", "Exchange"),
            ("10.00-10.35 Dots", "10:00-10:35", "Dots"),
            ("10:00 – 10:45 En dash", "10:00-10:45", "En dash"),
            ("10:00 — 10:45 Em dash", "10:00-10:45", "Em dash"),
            ("12:30-14.00 Mixed", "12:30-14:00", "Mixed"),
            ("9:30 am - 12:30 pm Twelve", "09:30-12:30", "Twelve"),
            ("2:00 - 3:30 pm One suffix", "14:00-15:30", "One suffix"),
            ("14h00-15h30 Séance", "14:00-15:30", "Séance"),
            (
                "14:00-15:30Closing remarks",
                "14:00-15:30",
                "Closing remarks",
            ),
            ("15:30 - 16:00 AMR group", "15:30-16:00", "AMR group"),
            ("10:00-11:00 CEST Opening", "10:00-11:00", "Opening"),
            ("10:00-11:00 (UTC+3) | Opening", "10:00-11:00", "Opening"),
            ("17:45 - 18:00", "17:45-18:00", ""),
            ("11:00-12:00 | Opening", "11:00-12:00", "Opening"),
            ("10.00-10.15 1. Adoption", "10:00-10:15", "1. Adoption"),
        ] {
            assert_eq!(range(text), Some((time.into(), title.into())), "{text}");
        }
        assert_eq!(
            time_prefix("10:00-11:00 UTC+3 Opening").and_then(|t| t.zone_label),
            Some("UTC+3".into())
        );
        assert!(time_prefix("10:00-11:0030 mins").is_none());
        for (text, time) in [
            ("10 a.m.–1 p.m.", "10:00-13:00"),
            ("1–3 p.m. Lunch", "13:00-15:00"),
            ("6–9 p.m.", "18:00-21:00"),
            ("9am - 12pm", "09:00-12:00"),
            ("0930–1000 Opening", "09:30-10:00"),
        ] {
            assert_eq!(
                time_prefix(text).and_then(|t| t.slot.label()).as_deref(),
                Some(time),
                "{text}"
            );
        }
        assert_eq!(
            time_prefix("9 a.m. Registration").map(|t| (t.slot.start, t.title)),
            Some((540, "Registration".into()))
        );
        assert!(time_prefix("3-5 people").is_none());
        assert!(time_prefix("13:00 - 25:00 x").is_none());
    }

    #[test]
    fn a_start_alone() {
        for (text, start, title) in [
            ("07.45 Registration", 7 * 60 + 45, "Registration"),
            ("9:00 Opening", 9 * 60, "Opening"),
            ("9:00", 9 * 60, ""),
            ("2:30 pm Closing", 14 * 60 + 30, "Closing"),
            ("09:00 - Welcome", 9 * 60, "Welcome"),
            ("14h30 Reprise", 14 * 60 + 30, "Reprise"),
        ] {
            let t = time_prefix(text).expect(text);
            assert_eq!(
                (t.slot.start, t.slot.end, t.title.as_str()),
                (start, None, title)
            );
        }
        for text in [
            "1.10 Outputs",
            "2.5 million users",
            "3.15 Report",
            "10.000 people",
        ] {
            assert_eq!(time_prefix(text), None, "{text}");
        }
    }

    #[test]
    fn times_after_the_title() {
        for (text, time, title) in [
            (
                "Session 2: Reports (11.00-12.30)",
                "11:00-12:30",
                "Session 2: Reports",
            ),
            ("Opening [9:00 - 9:30]", "09:00-09:30", "Opening"),
            ("Closing, 17:00-17:30", "17:00-17:30", "Closing"),
            ("Wrap-up – 16:00-16:30", "16:00-16:30", "Wrap-up"),
            (
                "Morning session 10:00 – 13:00",
                "10:00-13:00",
                "Morning session",
            ),
            ("Lunch break (13:00 – 15:00)", "13:00-15:00", "Lunch break"),
            (
                "Host update (13:25-13:45 UTC)",
                "13:25-13:45",
                "Host update",
            ),
        ] {
            let t = time_suffix(text).expect(text);
            assert_eq!(
                (t.slot.label().unwrap().as_str(), t.title.as_str()),
                (time, title)
            );
        }
        assert_eq!(time_suffix("Reports (draft 2)"), None);
        let t = time_suffix("1. Opening – 14:30 (10 mins)").unwrap();
        assert_eq!(
            (t.slot.start, t.slot.end, t.title.as_str()),
            (870, None, "1. Opening (10 mins)")
        );
        assert_eq!(time_suffix("Report on 2023 17:00"), None);
        let t = time_suffix("Session 2: The Act, 2019 (10.00-11.30)").unwrap();
        assert_eq!(t.title, "Session 2: The Act, 2019");
    }

    #[test]
    fn durations() {
        for (text, mins, rest) in [
            ("Coffee break (30 mins)", 30, "Coffee break"),
            ("Keynote [45 mins]", 45, "Keynote"),
            ("Working groups [1h30]", 90, "Working groups"),
            ("Break (10min)", 10, "Break"),
            ("Panel (1 hour)", 60, "Panel"),
            ("Break (15 min)", 15, "Break"),
            (
                "Report of the Working Group - 15 min",
                15,
                "Report of the Working Group",
            ),
            ("Short break (10')", 10, "Short break"),
        ] {
            assert_eq!(duration(text), Some((mins, rest.into())), "{text}");
        }
        assert_eq!(duration("Report (C25/12)"), None);
    }
}
