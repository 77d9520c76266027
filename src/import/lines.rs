//! Line recognisers: the table that turns one line of a published agenda into a [`Line`].
//! Each form a secretariat uses (header styles, time formats, numbering, headings, page
//! furniture) is one entry here, with its own test, so a new form is one pattern and one row.
//! Dates are read in [`super::dates`], times in [`super::times`], zones in [`super::zones`].

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::dates::{self, LooseDate};
use super::times::{self, Slot};

/// What one line of an agenda is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// Nothing but spaces.
    Blank,
    /// Navigation, share links, "See in your time zone", "Page 2 of 4": not the meeting.
    Furniture,
    /// "DAY 1 | 26 June 2024", "Day 2: Wednesday, 8 March 2023 - MAG Meeting", "Monday 6 March",
    /// "08/03/2023 [ 2:30 pm - 5:30 pm ]".
    DayHeader {
        /// The date; its year may be missing.
        date: LooseDate,
        /// The text after the date ("MAG Meeting").
        part: String,
        /// The day's hours, when the header gives them.
        hours: Option<Slot>,
        /// The zone label written with the hours ("13:00-16:00 UTC").
        zone_label: Option<String>,
    },
    /// "DAY 1" alone: the date is on the next line, or follows from the meeting's dates.
    DayLabel(u8),
    /// "6-8 March 2023", "Geneva, 30 June - 2 July 2024": the meeting's dates, and the text
    /// around them.
    DateRange(LooseDate, LooseDate, String),
    /// "Date: 14 May 2024", "Geneva, 14 May 2024": one date inside other text.
    DateLine(Date, String),
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
    /// A heading that is a block's title or a table's column heading, by its neighbours:
    /// "Expected outputs", "Documents:", "Time (CEST)", "Agenda item", "Speakers".
    Heading {
        /// What the heading names.
        kind: Heading,
        /// The zone label of a time heading ("CEST").
        label: Option<String>,
        /// Text after the colon on the same line ("Documents: C25/1").
        inline: Option<String>,
    },
    /// "All times are in CET".
    ZoneLabel(String),
    /// "Time: 14:00 – 16:00 UTC": the meeting's hours, and their zone label.
    Hours(Slot, Option<String>),
    /// "Interventions from:" alone.
    Interventions,
    /// A time range or a start, with an optional title.
    Timed {
        /// The time.
        slot: Slot,
        /// The rest of the line, "Interventions from:" and any duration removed.
        title: String,
        /// The line ended with "Interventions from:".
        interventions: bool,
        /// "CEST" written with the time.
        zone_label: Option<String>,
        /// "(30 mins)" after the title, in minutes.
        minutes: Option<u16>,
    },
    /// A bulleted entry ("●", "•", "o", "-"), marker removed.
    Bullet(String),
    /// Text indented under a row: an entry of it, or the title of a time written alone.
    Indented(String),
    /// A numbered or lettered entry: "1.", "Item 3:", "a)", "(ii)", "IV.".
    Numbered {
        /// The numbering scheme, to tell an agenda item from a sub-item.
        style: Style,
        /// The text, marker removed ("Item 3:" is kept: it is part of the title).
        text: String,
    },
    /// "Moderator: Jane Doe": a detail of the row above.
    Detail(String),
    /// A cell of a table's outputs column (pipe tables): a desired output of its row.
    RowOutput(String),
    /// A cell of a table's speakers column: the row's interventions.
    RowSpeakers(String),
    /// A cell of a table's documents column: input documents of the day.
    RowDocuments(String),
    /// Any other text.
    Text(String),
}

/// What a heading names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    /// "Time", "Time (CEST)".
    Time,
    /// "Agenda", "Agenda item", "Programme", "Session".
    Agenda,
    /// "Expected outputs", "Meeting outputs", "Outcomes".
    Outputs,
    /// "Documents", "Background documents", "Input documents".
    Documents,
    /// "Speakers", "Moderator", "Interventions".
    Speakers,
}

/// A numbering scheme: agenda items share one, sub-items use another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// "1.", "2)", "(3)".
    Digit,
    /// "1.1", "2.3.".
    SubDigit,
    /// "IV.", "B.".
    Upper,
    /// "a)", "iv.".
    Lower,
    /// "(a)", "(ii)".
    ParenLower,
    /// "Item 3:", "Agenda item 4 -".
    Item,
}

/// A built-in pattern (a bad one is a bug caught by every test).
pub fn re(pattern: &str) -> Regex {
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
    dates::parse_loose_date(text)
}

/// The list marker in front of `text`, as its style and the text after it.
pub fn marker(text: &str) -> Option<(Style, String)> {
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:[A-Z]{2,6}\s+)?(?:agenda\s+)?item\s+\d{1,3}[a-z]?\s*(?:[:.)\-\x{2013}\x{2014}]|\s)\s*\S",
        )
    });
    static MARKERS: LazyLock<[(Style, Regex); 6]> = LazyLock::new(|| {
        [
            (Style::SubDigit, re(r"^\d{1,2}\.\d{1,2}\.?\s+(\S.*)$")),
            (
                Style::Digit,
                re(r"^(?:\d{1,2}[.)]|\(\d{1,2}\))\s*([^\d\s.].*)$"),
            ),
            (
                Style::ParenLower,
                re(r"^\((?:[a-z]|[ivx]{1,5})\)\s+(\S.*)$"),
            ),
            (Style::Upper, re(r"^(?:[IVX]{1,5}|[A-Z])[.)]\s+(\S.*)$")),
            (Style::Lower, re(r"^(?:[a-z]|[ivx]{1,5})[.)]\s+(\S.*)$")),
            (Style::Digit, re(r"^\d{1,2}\s+-\s+(\S.*)$")),
        ]
    });
    if ITEM.is_match(text) {
        return Some((Style::Item, text.to_owned()));
    }
    MARKERS
        .iter()
        .find_map(|(style, re)| re.captures(text).map(|c| (*style, c[1].trim().to_owned())))
}

/// A bullet in front of `text`: the text after it.
fn bullet(text: &str) -> Option<String> {
    static BULLET: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:[\x{25cf}\x{2022}\x{25aa}\x{25e6}\x{25cb}\x{2023}\x{2043}\x{25a0}\x{25a1}\x{27a2}\x{27a4}\x{2713}\x{f0b7}\x{b7}\x{bb}\x{203a}\-*+\x{2013}>]|o\s)\s*(\S.*)$",
        )
    });
    BULLET.captures(text).map(|c| c[1].trim().to_owned())
}

/// Navigation and page text pasted with the agenda: none of it is the meeting.
pub fn is_furniture(line: &str) -> bool {
    static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
        re(concat!(
            r"(?i)^(?:skip to (?:main )?content|main menu|menu|search|log ?in|sign (?:in|up)|",
            r"register(?: now)?|share(?: this(?: page| event)?)?(?: on \w+)?|print(?: this page)?|",
            r"download(?: as)? (?:pdf|ics|the agenda)|add to (?:my )?calendar|back to top|",
            r"tweet|facebook|linkedin|twitter|x|email|copy link|subscribe|cookies?.*|",
            r"accept(?: all)? cookies|see (?:it )?in your (?:own )?time ?zone.*|",
            r"convert to your time ?zone.*|view in your time ?zone.*|",
            r"page \d+(?: of \d+)?|\d+\s*/\s*\d+|you are here:?.*|breadcrumbs?.*|",
            r"(?:home|events?)\s*(?:[\x{203a}>\x{bb}/|]\s*\S.*)|last updated:?.*|",
            r"(?:follow|like) us.*|read more|show more|back to (?:events|list).*|",
            r"contact(?: us)?|site ?map|disclaimer|privacy(?: notice| statement)?|accessibility|",
            r"faq|help|terms(?: of use| and conditions)?|register here|related:.*|see also:?.*|",
            r"tags?:.*|-\s*\d+\s*-|[A-Z]{2}\d{6,}|retrieved from .*|categories:.*|",
            r"this page was last (?:edited|modified|updated).*|jump to (?:navigation|search).*|",
            r"contact:.*|\d{1,3}|(?:zoom|webex|teams|registration|livestream) link:?.*|join online:?.*|(?:https?://|www\.)\S+.*|print(?:er[- ]friendly)? version|e-?mail this page|send to a friend|",
            r"[_=~*\x{2013}\x{2014}-]{4,}|[\x{b9}\x{b2}\x{b3}\x{2070}-\x{2079}]\s.*)$"
        ))
    });
    // Links in a row, "Share | Print | Email" or "Print   Share": nothing left once the
    // furniture words are taken out.
    static WORDS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:share|print|email|e-mail|tweet|facebook|linkedin|twitter|subscribe|contact(?: us)?|site ?map|disclaimer|privacy|terms of use|accessibility|faq|help|log ?in|register|search|menu|rss|download(?: as)? pdf)\b",
        )
    });
    // A document symbol alone, or with a page number: a page header ("C25/12 | 2").
    static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\*?\s*(?:\d+\s*\|\s*)?[A-Z][A-Za-z0-9.()\-]*(?:/[A-Za-z0-9.()\-]+)+(?:\s*(?:\||-|\x{2013})\s*(?:[Pp]age\s*)?\d+)?\.?$",
        )
    });
    static MARKING: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:for official use|unclassified|distr\.?:?\s*(?:general|limited|restricted)|original:\s*\w+|(?:english|french|spanish|arabic|chinese|russian)(?:\s+only|\s*-\s*or\.\s*\w+))\b",
        )
    });
    // A running header or footer: "ITU Council 2025 – Provisional programme Page 2 of 4",
    // "© United Nations | Internet Governance Forum".
    static RUNNING: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:\bpage\s+\d+\s+(?:of|/)\s+\d+\s*$|^(?:\x{a9}|\(c\)\s|copyright\s)|(?:^|\|\s*)(?:privacy policy|terms of (?:use|service))\s*(?:\||$))",
        )
    });
    // Breadcrumbs anywhere: "WIPO › Meetings › SCCR/45".
    static CRUMBS: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^[^\x{203a}\x{bb}>]+(?:\s[\x{203a}\x{bb}>]\s[^\x{203a}\x{bb}>]+){2,}$")
    });
    // "Share | Print | Email": a row of links.
    let links = (line.contains('|') && line.split('|').all(|part| FURNITURE.is_match(part.trim())))
        || (WORDS.is_match(line)
            && WORDS
                .replace_all(line, "")
                .chars()
                .all(|c| c.is_whitespace() || "|\u{b7}\u{2022}/,-".contains(c)));
    FURNITURE.is_match(line)
        || links
        || CRUMBS.is_match(line)
        || SYMBOL.is_match(line)
        || MARKING.is_match(line)
        || RUNNING.is_match(line)
}

/// A heading: the key words of the line, before any colon.
fn heading(line: &str) -> Option<(Heading, Option<String>, Option<String>)> {
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)^(?:local\s+)?(?:time|times|hours|timing|time\s+slot)\s*(?:\(\s*({})\s*\)|({}))?$",
            times::ZONE_LABEL,
            times::ZONE_LABEL
        ))
    });
    let (head, inline) = match line.split_once(':') {
        Some((h, rest)) if !rest.trim().is_empty() => (h, Some(rest.trim().to_owned())),
        _ => (line.trim_end_matches(':'), None),
    };
    // "* Item" is a bullet; "*Input documents:" a heading.
    if line.starts_with("* ") {
        return None;
    }
    // "Key messages – Day 1", "Expected outcomes (Day 2)": the day is the block's.
    static DAY_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\s*(?:[-\x{2013}\x{2014}(,]\s*)?(?:(?:(?:for|of|on)\s+(?:the\s+)?)?day\s*\d{1,2}|(?:for|of|on)\s+(?:the\s+)?(?:day|meeting|session|consultations?|whole meeting))\)?$",
        )
    });
    let head = DAY_SUFFIX.replace(head.trim(), "");
    let key = head.trim().trim_matches('*').trim().to_lowercase();
    if inline.is_none()
        && let Some(c) = TIME.captures(head.trim())
    {
        let label = c.get(1).or(c.get(2)).map(|m| clean(m.as_str()));
        return Some((Heading::Time, label, None));
    }
    // "Documents before the Plenary", "Documents for the session".
    let key = if key.starts_with("documents before") || key.starts_with("documents for") {
        "documents".to_owned()
    } else {
        key
    };
    let kind = match key.as_str() {
        "agenda"
        | "agenda item"
        | "agenda items"
        | "provisional agenda"
        | "draft agenda"
        | "annotated agenda"
        | "annotated provisional agenda"
        | "revised agenda"
        | "detailed agenda"
        | "meeting agenda"
        | "programme"
        | "program"
        | "draft programme"
        | "draft program"
        | "provisional programme"
        | "schedule"
        | "session"
        | "sessions"
        | "item"
        | "topic"
        | "activity"
        | "description"
        | "agenda / topic" => Heading::Agenda,
        "desired outputs"
        | "expected outputs"
        | "outputs"
        | "meeting outputs"
        | "expected meeting outputs"
        | "outcomes"
        | "expected outcomes"
        | "desired outcomes"
        | "expected results"
        | "intended outcomes"
        | "output"
        | "expected output"
        | "outputs / outcomes"
        | "expected outcome"
        | "desired outcome"
        | "action items"
        | "action points"
        | "key messages"
        | "messages"
        | "expected deliverables"
        | "deliverables" => Heading::Outputs,
        "input documents"
        | "meeting inputs"
        | "inputs"
        | "documents"
        | "document"
        | "background documents"
        | "background documentation"
        | "reference documents"
        | "documentation"
        | "meeting documents"
        | "working documents"
        | "relevant documents"
        | "related documents"
        | "background material"
        | "background materials"
        | "background papers"
        | "documents for the meeting"
        | "docs"
        | "document symbol" => Heading::Documents,
        "speakers"
        | "speaker"
        | "moderator"
        | "moderators"
        | "speakers / moderators"
        | "moderator / speakers"
        | "presenters"
        | "presenter"
        | "lead"
        | "leads"
        | "panellists"
        | "panelists"
        | "interventions"
        | "speakers:" => Heading::Speakers,
        _ => return None,
    };
    // "Agenda: 10 items" is a heading with text; "Session" with text is a title.
    if kind == Heading::Agenda && inline.is_some() {
        return None;
    }
    Some((kind, None, inline))
}

/// A "Label: text" line that details the row above: "Moderator: Jane Doe", "Chair: ...".
fn is_detail(line: &str) -> bool {
    static DETAIL: LazyLock<Regex> = LazyLock::new(|| {
        re(concat!(
            r"(?i)^(?:moderators?|chairs?|co-chairs?|chaired by|facilitators?|facilitated by|",
            r"rapporteurs?|presented by|introduced by|presenters?|discussants?|respondents?|",
            r"organi[sz]ers?|organi[sz]ed by|lead|leads|convenors?|host|hosts|format|venue|",
            r"room|location|language|interpretation|type|session type|track|audience|level)\s*:\s*\S"
        ))
    });
    DETAIL.is_match(line)
}

/// "2", "two": the number of "Day N".
fn day_number(word: &str) -> Option<u8> {
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    word.parse().ok().or_else(|| {
        let lower = word.to_lowercase();
        WORDS
            .iter()
            .position(|w| *w == lower)
            .and_then(|i| u8::try_from(i + 1).ok())
    })
}

/// A day header from "Day N ..." or a date at the start of the line; `None` when the line is
/// a sentence that happens to begin with a date.
fn day_header(line: &str) -> Option<Line> {
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^day\s*(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b\s*(.*)$")
    });
    let seps: &[char] = &[
        ' ', '|', ':', '-', '\u{2013}', '\u{2014}', ',', '.', '(', ')',
    ];
    let (rest, label) = match DAY.captures(line) {
        Some(c) => (
            c.get(2).map_or("", |m| m.as_str()).trim_start_matches(seps),
            day_number(&c[1]),
        ),
        None => (line, None),
    };
    if let Some(n) = label
        && rest.is_empty()
    {
        return Some(Line::DayLabel(n));
    }
    static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)(?:day)?\.?$")
    });
    let Some((date, end)) = dates::date_at_start(rest) else {
        return match label {
            Some(n) if WEEKDAY.is_match(rest.trim_end_matches(seps)) => Some(Line::DayLabel(n)),
            _ => None,
        };
    };
    let mut after = rest[end..].trim_start_matches(seps).trim().to_owned();
    let mut hours = None;
    let mut zone_label = None;
    static HOURS: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(.*?)\s*[(\[]?\s*(\d{1,2}(?:[:.hH]\d{2})?[^\])]*?)\s*[)\]]?\s*$"));
    if let Some(c) = HOURS.captures(&after)
        && let Some(t) = times::time_prefix(&c[2])
        && t.slot.end.is_some()
    {
        hours = Some(t.slot);
        zone_label = t.zone_label.clone();
        let before = c[1].trim_end_matches(seps).to_owned();
        after = match t.title.is_empty() {
            true => before,
            false => before + " " + &t.title,
        };
        after = after.trim().to_owned();
    }
    let after = after
        .trim_end_matches([
            ' ', '|', ':', '-', '\u{2013}', '\u{2014}', ',', '.', '*', '\u{b9}', '\u{b2}', '\u{b3}',
        ])
        .trim_start_matches(seps)
        .to_owned();
    // A header carries a short part name at most; "26 June 2024 marks the start of ..." is
    // a sentence.
    // "15 November. Delegates are invited ...", "1 December 2023 and to approve ...": a
    // sentence that begins with a date.
    let sentence = rest[end..].starts_with(". ")
        || (after.starts_with(char::is_lowercase) && after.split_whitespace().count() > 2);
    if label.is_none() && (sentence || after.split_whitespace().count() > 12) {
        return None;
    }
    Some(Line::DayHeader {
        date,
        part: after,
        hours,
        zone_label,
    })
}

/// Classifies one raw line.
pub fn classify(raw: &str) -> Line {
    static WINDOW: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(.+?)\s*\((\d{1,2}:\d{2})\s*UTC\)\s*(?:-|\x{2013}|\x{2014}|to)\s*(.+?)\s*\((\d{1,2}:\d{2})\s*UTC\)$",
        )
    });
    static HEADER: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^time\s*\(([^)]+)\)\s*agenda\s+items?\s*(?:\((.*)\))?$"));
    static HOSTED: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^(?:hosted|organi[sz]ed|convened) by\s+(.+)$"));
    static MARKDOWN: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:#{1,6}\s+|\*\*)(.*?)(?:\*\*)?$"));
    let mut line = clean(raw);
    if let Some(c) = MARKDOWN.captures(&line) {
        line = c[1].trim().to_owned();
    }
    if line.is_empty() {
        return Line::Blank;
    }
    if is_furniture(&line) {
        return Line::Furniture;
    }
    if let Some(c) = WINDOW.captures(&line)
        && let (Some(a), Some(b)) = (parse_loose_date(&c[1]), parse_loose_date(&c[3]))
    {
        let at = |d: Date, t: &str| format!("{d}T{:0>5}:00Z", t);
        return Line::Window(at(a, &c[2]), at(b, &c[4]));
    }
    if let Some((from, to, rest)) = dates::date_range(&line)
        && rest.split_whitespace().count() <= 6
        && times::time_prefix(&line).is_none()
    {
        return Line::DateRange(from, to, rest);
    }
    if let Some(header) = day_header(&line) {
        return header;
    }
    let lower = line.to_lowercase();
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
    if matches!(
        lower.trim_start_matches('*').trim_end_matches(':').trim(),
        "interventions from" | "speakers" | "panellists" | "panelists" | "interventions"
    ) {
        return Line::Interventions;
    }
    if let Some((kind, label, inline)) = heading(&line)
        && !(kind == Heading::Speakers && inline.is_some())
    {
        return Line::Heading {
            kind,
            label,
            inline,
        };
    }
    if let Some(label) = super::zones::zone_sentence(&line) {
        return Line::ZoneLabel(label);
    }
    if let Some(t) = times::time_prefix(&line) {
        return timed(t);
    }
    // "Time: 14:00 – 16:00 UTC": the meeting's hours.
    static HOURS_LINE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^(?:meeting\s+)?(?:time|times|hours)(?:\s*\([^)]*\))?\s*:\s*(\d.*)$")
    });
    if let Some(c) = HOURS_LINE.captures(&line)
        && let Some(t) = times::time_prefix(&c[1])
        && t.title.is_empty()
    {
        return Line::Hours(t.slot, t.zone_label);
    }
    // "Date: Wednesday, 16 June 2021, 2:30 pm - 5:30 pm UTC": the meeting's date and hours.
    if let Some((date, rest)) = dates::date_within(&line)
        && rest.split_whitespace().count() <= 10
        && times::range_within(&rest).is_some()
    {
        return Line::DateLine(date, rest);
    }
    if let Some(text) = bullet(&line) {
        if let Some(t) = times::time_prefix(&text).or_else(|| times::time_suffix(&text)) {
            return timed(t);
        }
        return Line::Bullet(text);
    }
    // "1. 13:00 UTC – Welcome": a number, then the row's time.
    static NUMBER_TIME: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(\d{1,2}[.)])\s+(\d{1,2}[:.hH]\d{2}.*)$"));
    if let Some(c) = NUMBER_TIME.captures(&line)
        && let Some(mut t) = times::time_prefix(&c[2])
        && !t.title.is_empty()
    {
        t.title = format!("{} {}", &c[1], t.title);
        return timed(t);
    }
    if let Some((style, text)) = marker(&line) {
        // "1. Welcome (13:00-13:10)", "1. 13:00 UTC – Welcome": a numbered row with its time;
        // the marker stays in the title, where the parser reads the row's numbering.
        if let Some(t) = times::time_suffix(&line) {
            return timed(t);
        }
        if style != Style::Item
            && let Some(mut t) = times::time_prefix(&text)
            && !t.title.is_empty()
        {
            let mark = line[..line.len() - text.len()].trim();
            t.title = format!("{mark} {}", t.title);
            return timed(t);
        }
        return Line::Numbered { style, text };
    }
    if let Some(t) = times::time_suffix(&line) {
        return timed(t);
    }
    if is_detail(&line) || heading(&line).is_some() {
        return Line::Detail(line);
    }
    if let Some((date, rest)) = dates::date_within(&line)
        && rest.split_whitespace().count() <= 6
    {
        return Line::DateLine(date, rest);
    }
    Line::Text(line)
}

/// A timed line: "Interventions from:" and a duration taken off its title.
fn timed(t: times::Timed) -> Line {
    // Compare the ASCII suffix byte for byte: lowercasing the whole line could change its
    // length and misplace the cut.
    const SUFFIXES: [&str; 3] = ["interventions from:", "speakers:", "panellists:"];
    let rest = t.title;
    let cut = SUFFIXES.iter().find_map(|suffix| {
        let at = rest.len().checked_sub(suffix.len())?;
        (rest.is_char_boundary(at)
            && rest[at..].eq_ignore_ascii_case(suffix)
            && (at == 0 || rest[..at].ends_with(' ')))
        .then_some(at)
    });
    let (title, interventions) = match cut {
        Some(at) => (rest[..at].trim().to_owned(), true),
        None => (rest, false),
    };
    let (minutes, title) = match times::duration(&title) {
        Some((m, rest)) => (Some(m), rest),
        None => (None, title),
    };
    Line::Timed {
        slot: t.slot,
        title,
        interventions,
        zone_label: t.zone_label,
        minutes,
    }
}

/// "LUNCH BREAK", "Coffee break", "Lunch offered by the host", "Networking lunch".
pub fn is_break(title: &str) -> bool {
    let t = title.to_lowercase();
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let first = words.first().copied().unwrap_or("");
    words
        .iter()
        .any(|w| matches!(*w, "break" | "pause" | "recess"))
        || matches!(first, "lunch" | "coffee" | "tea" | "dinner" | "breakfast")
        || (words.len() <= 3
            && words
                .iter()
                .any(|w| matches!(*w, "lunch" | "dinner" | "breakfast" | "tea" | "coffee")))
}

/// A room line: "Room XXVI | Building E | UN Office at Geneva".
pub fn looks_like_room(text: &str) -> bool {
    let t = text.to_lowercase();
    t.contains('|')
        || t.starts_with("online")
        || t.starts_with("virtual")
        || t.contains("zoom")
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: Option<i16>, m: i8, d: i8) -> LooseDate {
        LooseDate {
            year: y,
            month: m,
            day: d,
        }
    }

    fn header(text: &str) -> Option<(LooseDate, String, Option<String>)> {
        match classify(text) {
            Line::DayHeader {
                date, part, hours, ..
            } => Some((date, part, hours.and_then(|h| h.label()))),
            _ => None,
        }
    }

    #[test]
    fn day_headers_in_every_form() {
        for (text, date, part, hours) in [
            ("DAY 1 | 26 June 2024", day(Some(2024), 6, 26), "", None),
            (
                "DAY\u{a0}2\u{a0}| 27 June\u{a0}2024",
                day(Some(2024), 6, 27),
                "",
                None,
            ),
            (
                "Day 2 - Thursday, 27 June 2024",
                day(Some(2024), 6, 27),
                "",
                None,
            ),
            (
                "Day 3 – Friday 28 June 2024",
                day(Some(2024), 6, 28),
                "",
                None,
            ),
            (
                "Wednesday, 26th June, 2024",
                day(Some(2024), 6, 26),
                "",
                None,
            ),
            ("Thursday, June 27, 2024", day(Some(2024), 6, 27), "", None),
            ("Day 1: 1 Dec 2024", day(Some(2024), 12, 1), "", None),
            (
                "Day 2: Wednesday, 8 March 2023 - MAG Meeting",
                day(Some(2023), 3, 8),
                "MAG Meeting",
                None,
            ),
            ("Monday 6 March", day(None, 3, 6), "", None),
            ("08/03/2023", day(Some(2023), 3, 8), "", None),
            ("08.03.2023", day(Some(2023), 3, 8), "", None),
            (
                "08/03/2023 [ 2:30 pm - 5:30 pm ]",
                day(Some(2023), 3, 8),
                "",
                Some("14:30-17:30".to_owned()),
            ),
            ("## Tuesday, 7 March 2023", day(Some(2023), 3, 7), "", None),
            (
                "Monday, 26 February, morning (10 a.m.–1 p.m.)",
                day(None, 2, 26),
                "morning",
                Some("10:00-13:00".to_owned()),
            ),
        ] {
            assert_eq!(header(text), Some((date, part.to_owned(), hours)), "{text}");
        }
        assert_eq!(classify("DAY 1"), Line::DayLabel(1));
        assert_eq!(classify("Day 3 (Friday)"), Line::DayLabel(3));
        assert_eq!(
            classify("6-8 March 2023"),
            Line::DateRange(day(Some(2023), 3, 6), day(Some(2023), 3, 8), String::new())
        );
        assert!(matches!(classify("Date: 14 May 2024"), Line::DateLine(..)));
        assert!(header("26 June 2024 marks the start of a long and winding process").is_none());
    }

    #[test]
    fn timed_lines() {
        let timed = |text: &str| match classify(text) {
            Line::Timed {
                slot,
                title,
                interventions,
                minutes,
                ..
            } => Some((slot.start, slot.end, title, interventions, minutes)),
            _ => None,
        };
        assert_eq!(
            timed("16:30-17:45 Discussion about processes. Interventions from:"),
            Some((
                990,
                Some(1065),
                "Discussion about processes.".into(),
                true,
                None
            ))
        );
        assert_eq!(
            timed("07.45 Registration (30 mins)"),
            Some((465, None, "Registration".into(), false, Some(30)))
        );
        assert_eq!(
            timed("• 10:00-10:30 Opening"),
            Some((600, Some(630), "Opening".into(), false, None))
        );
        assert_eq!(
            timed("Session 2: Reports (11.00-12.30)"),
            Some((660, Some(750), "Session 2: Reports".into(), false, None))
        );
        assert!(matches!(classify("Reports (draft 2)"), Line::Text(_)));
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
    fn bullets_and_numbering() {
        for text in [
            "● Item",
            "●\u{a0} \u{a0} \u{a0} Item",
            "  • Item",
            "- Item",
            "* Item",
            "o Item",
            "\u{f0b7} Item",
        ] {
            assert_eq!(classify(text), Line::Bullet("Item".into()), "{text:?}");
        }
        for (text, style, rest) in [
            ("1. Item", Style::Digit, "Item"),
            ("2) Item", Style::Digit, "Item"),
            ("(3) Item", Style::Digit, "Item"),
            ("1.2 Item", Style::SubDigit, "Item"),
            ("a) Item", Style::Lower, "Item"),
            ("iv. Item", Style::Lower, "Item"),
            ("(ii) Item", Style::ParenLower, "Item"),
            ("(b) Item", Style::ParenLower, "Item"),
            ("IV. Item", Style::Upper, "Item"),
            ("B. Item", Style::Upper, "Item"),
            ("Item 3: Election", Style::Item, "Item 3: Election"),
            (
                "Agenda item 4 - Budget",
                Style::Item,
                "Agenda item 4 - Budget",
            ),
        ] {
            assert_eq!(
                classify(text),
                Line::Numbered {
                    style,
                    text: rest.into()
                },
                "{text}"
            );
        }
    }

    #[test]
    fn headings_blocks_and_labels() {
        let kind = |text: &str| match classify(text) {
            Line::Heading {
                kind,
                label,
                inline,
            } => Some((kind, label, inline)),
            _ => None,
        };
        assert_eq!(
            kind("*Input documents:"),
            Some((Heading::Documents, None, None))
        );
        assert_eq!(
            kind("*Desired outputs:"),
            Some((Heading::Outputs, None, None))
        );
        assert_eq!(
            kind("Meeting outputs"),
            Some((Heading::Outputs, None, None))
        );
        assert_eq!(kind("Outcomes:"), Some((Heading::Outputs, None, None)));
        assert_eq!(
            kind("Expected outputs of the meeting:"),
            Some((Heading::Outputs, None, None))
        );
        assert_eq!(
            kind("Expected outputs for Day 3:"),
            Some((Heading::Outputs, None, None))
        );
        assert_eq!(
            kind("Key messages – Day 1"),
            Some((Heading::Outputs, None, None))
        );
        assert_eq!(kind("Session"), Some((Heading::Agenda, None, None)));
        assert_eq!(
            kind("Background documents"),
            Some((Heading::Documents, None, None))
        );
        assert_eq!(
            kind("Documents: C25/1, C25/2"),
            Some((Heading::Documents, None, Some("C25/1, C25/2".into())))
        );
        assert_eq!(
            kind("Time (CEST)"),
            Some((Heading::Time, Some("CEST".into()), None))
        );
        assert_eq!(kind("Agenda item"), Some((Heading::Agenda, None, None)));
        assert_eq!(classify("Interventions from:"), Line::Interventions);
        assert_eq!(classify("Speakers:"), Line::Interventions);
        assert_eq!(
            classify("Moderator: Jane Doe"),
            Line::Detail("Moderator: Jane Doe".into())
        );
        assert_eq!(
            classify("Hosted by IGF Secretariat"),
            Line::Hosted("IGF Secretariat".into())
        );
        assert_eq!(classify("Event Calendar Date"), Line::CalendarLabel);
        assert_eq!(
            classify("All times are in CET"),
            Line::ZoneLabel("CET".into())
        );
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
    fn page_furniture() {
        for text in [
            "Skip to main content",
            "Home › Events › IGF 2023 OC",
            "WIPO › Meetings › SCCR/45",
            "Share | Print | Email",
            "Print version | E-mail this page",
            "Print Share Download PDF",
            "Print   Share",
            "Contact | Site map | Disclaimer",
            "- 2 -",
            "2 | DSTI/DPC/A(2023)2/ANN",
            "English - Or. English",
            "English only",
            "JT03531877",
            "See in your time zone",
            "Share",
            "Print this page",
            "Add to calendar",
            "Page 2 of 4",
            "Download PDF",
            "DSTI/CDEP/A(2023)3/REV1 | 2",
            "For Official Use DSTI/CDEP/A(2023)3/REV1",
            "Distr.: General – 20 June 2023 – Original: English",
            "IPBES/10/1/Add.2 – page 2",
            "* IPBES/10/1.",
            "ITU Council 2025 – Provisional programme of work Page 2 of 4",
            "© United Nations | Internet Governance Forum",
        ] {
            assert_eq!(classify(text), Line::Furniture, "{text}");
        }
        assert!(matches!(
            classify("Home affairs and security"),
            Line::Text(_)
        ));
    }

    #[test]
    fn rooms_parts_breaks_and_series() {
        assert!(looks_like_room(
            "Room XXVI | Building E | UN Office at Geneva, Switzerland"
        ));
        assert_eq!(
            part_and_audience("MAG Meeting (open to observers)"),
            ("MAG Meeting".into(), Some("open to observers".into()))
        );
        for text in [
            "LUNCH BREAK",
            "Coffee break",
            "Lunch offered by the host",
            "Networking lunch",
            "Morning tea",
            "Break",
        ] {
            assert!(is_break(text), "{text}");
        }
        for text in [
            "Breakout groups report",
            "Lunchtime lecture on the future of the Internet governance",
            "Discussion",
        ] {
            assert!(!is_break(text), "{text}");
        }
        assert_eq!(
            series_of("IGF 2024 Second Open Consultations and MAG Meeting"),
            "IGF 2024"
        );
    }
}
