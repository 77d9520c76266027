//! Dates as agendas write them: "26 June 2024", "Wednesday, 26th June, 2024", "June 26, 2024",
//! "Monday 6 March" (the year comes from the context), "08/03/2023" and "08.03.2023" (day
//! first, the UN's and Europe's order), and ranges such as "6-8 March 2023".

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::lines::re;

/// A date whose year may be missing ("Monday 6 March"): the importer takes the year from the
/// meeting's dates, its title, the day before, or `--year`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LooseDate {
    /// The year, when written.
    pub year: Option<i16>,
    /// 1-12.
    pub month: i8,
    /// 1-31.
    pub day: i8,
}

impl LooseDate {
    /// The date in `year` when it names none itself; `None` when that day does not exist.
    pub fn in_year(self, year: i16) -> Option<Date> {
        Date::new(self.year.unwrap_or(year), self.month, self.day).ok()
    }

    /// The date, when its year is written.
    pub fn full(self) -> Option<Date> {
        self.year.and_then(|y| self.in_year(y))
    }
}

impl From<Date> for LooseDate {
    fn from(d: Date) -> Self {
        Self {
            year: Some(d.year()),
            month: d.month(),
            day: d.day(),
        }
    }
}

const MONTHS: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const WEEKDAYS: &str = "mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?";

fn month_number(name: &str) -> Option<i8> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_lowercase();
    let at = NAMES.iter().position(|n| lower.starts_with(n))?;
    i8::try_from(at + 1).ok()
}

fn loose(year: Option<&str>, month: i8, day: &str) -> Option<LooseDate> {
    let year = match year {
        Some(y) => Some(
            y.parse::<i16>()
                .ok()
                .filter(|y| (1900..=2200).contains(y))?,
        ),
        None => None,
    };
    let day: i8 = day.parse().ok()?;
    let d = LooseDate { year, month, day };
    // A day that no year has (31 April) is no date; 29 February waits for its year.
    d.in_year(2000).map(|_| d)
}

/// A date at the start of `text`, and where it ends: weekday optional, year optional.
pub fn date_at_start(text: &str) -> Option<(LooseDate, usize)> {
    static DMY: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)^(?:(?:{WEEKDAYS})\.?,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\.?(?:,?\s+(\d{{4}}))?\b"
        ))
    });
    static MDY: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)^(?:(?:{WEEKDAYS})\.?,?\s+)?({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?\b"
        ))
    });
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)^(?:(?:{WEEKDAYS})\.?,?\s+)?(\d{{1,2}})([./])(\d{{1,2}})[./](\d{{4}})\b"
        ))
    });
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)^(?:(?:{WEEKDAYS})\.?,?\s+)?(\d{{4}})-(\d{{2}})-(\d{{2}})\b"
        ))
    });
    if let Some(c) = DMY.captures(text) {
        let d = loose(c.get(3).map(|m| m.as_str()), month_number(&c[2])?, &c[1])?;
        return Some((d, c.get(0)?.end()));
    }
    if let Some(c) = MDY.captures(text) {
        let d = loose(c.get(3).map(|m| m.as_str()), month_number(&c[1])?, &c[2])?;
        return Some((d, c.get(0)?.end()));
    }
    if let Some(c) = NUMERIC.captures(text) {
        let (a, b): (i8, i8) = (c[1].parse().ok()?, c[3].parse().ok()?);
        // Day first, as the UN and Europe write it; month first only when the second number
        // cannot be a month ("03/26/2024").
        let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
        let d = loose(Some(&c[4]), month, &day.to_string())?;
        return Some((d, c.get(0)?.end()));
    }
    // "12.5.", "Tue 13.5.": day and month, the year from the context.
    static SHORT: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)^(?:(?:{WEEKDAYS})\.?,?\s+)?(\d{{1,2}})\.(\d{{1,2}})\.(?:\s|$)"
        ))
    });
    if let Some(c) = SHORT.captures(text) {
        let d = loose(None, c[2].parse().ok()?, &c[1])?;
        return Some((d, c.get(0)?.end()));
    }
    if let Some(c) = ISO.captures(text) {
        let d = loose(Some(&c[1]), c[2].parse().ok()?, &c[3])?;
        return Some((d, c.get(0)?.end()));
    }
    None
}

/// The whole of `text` as one date (full stop and commas around it allowed).
pub fn parse_loose_date(text: &str) -> Option<Date> {
    let text = text.trim().trim_end_matches(['.', ',']);
    let (d, end) = date_at_start(text)?;
    (end == text.len()).then_some(())?;
    d.full()
}

/// A range of days anywhere in `text`: "6-8 March 2023", "30 June - 2 July 2024",
/// "March 6-8, 2023", "06/03/2023 - 08/03/2023"; returns the two dates and the text around
/// the range ("Geneva, ").
pub fn date_range(text: &str) -> Option<(LooseDate, LooseDate, String)> {
    const DASH: &str = r"\s*(?:-|\x{2013}|\x{2014}|to|until)\s*";
    static SAME_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?{DASH}(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?(?:,?\s+(\d{{4}}))?\b"
        ))
    });
    static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)\b({MONTHS})\.?\s+(\d{{1,2}}){DASH}(\d{{1,2}}),?\s+(\d{{4}})\b"
        ))
    });
    static TWO_DATES: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?(?:,?\s+(\d{{4}}))?{DASH}(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?(?:,?\s+(\d{{4}}))?\b"
        ))
    });
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"\b(\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}){DASH}(\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})\b"
        ))
    });
    let around = |m: regex::Match| {
        let rest = format!("{} {}", &text[..m.start()], &text[m.end()..]);
        super::lines::clean(rest.trim_matches(|c: char| c.is_whitespace() || ",;:|-(".contains(c)))
    };
    if let Some(c) = TWO_DATES.captures(text) {
        let year = c.get(6).or(c.get(3)).map(|m| m.as_str());
        let from = loose(year, month_number(&c[2])?, &c[1])?;
        let to = loose(year, month_number(&c[5])?, &c[4])?;
        return Some((from, to, around(c.get(0)?)));
    }
    if let Some(c) = SAME_MONTH.captures(text) {
        let month = month_number(&c[3])?;
        let year = c.get(4).map(|m| m.as_str());
        let (from, to) = (loose(year, month, &c[1])?, loose(year, month, &c[2])?);
        return (from.day < to.day).then(|| (from, to, around(c.get(0).expect("match"))));
    }
    if let Some(c) = MONTH_FIRST.captures(text) {
        let month = month_number(&c[1])?;
        let (from, to) = (
            loose(Some(&c[4]), month, &c[2])?,
            loose(Some(&c[4]), month, &c[3])?,
        );
        return (from.day < to.day).then(|| (from, to, around(c.get(0).expect("match"))));
    }
    if let Some(c) = NUMERIC.captures(text) {
        let (from, _) = date_at_start(&c[1])?;
        let (to, _) = date_at_start(&c[2])?;
        return Some((from, to, around(c.get(0)?)));
    }
    None
}

/// A single date anywhere in `text` ("Geneva, 14 May 2024", "Date: 14 May 2024"), with its
/// year, and the text around it.
pub fn date_within(text: &str) -> Option<(Date, String)> {
    for (at, _) in text.char_indices() {
        let boundary = at == 0 || !text[..at].ends_with(|c: char| c.is_alphanumeric());
        if !boundary {
            continue;
        }
        if let Some((d, end)) = date_at_start(&text[at..])
            && let Some(date) = d.full()
        {
            let rest = format!("{} {}", &text[..at], &text[at + end..]);
            let rest = rest.trim_matches(|c: char| c.is_whitespace() || ",;:|-".contains(c));
            return Some((date, super::lines::clean(rest)));
        }
    }
    None
}

/// A year written in a title: "IGF 2023 Open Consultations" -> 2023.
pub fn year_in(text: &str) -> Option<i16> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(19[5-9]\d|2[01]\d\d)\b"));
    YEAR.captures(text).and_then(|c| c[1].parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: Option<i16>, m: i8, day: i8) -> LooseDate {
        LooseDate {
            year: y,
            month: m,
            day,
        }
    }

    #[test]
    fn dates_at_the_start_of_a_line() {
        for (text, expected) in [
            ("26 June 2024", d(Some(2024), 6, 26)),
            ("Wednesday, 26th June, 2024", d(Some(2024), 6, 26)),
            ("Thursday, June 27, 2024", d(Some(2024), 6, 27)),
            ("Monday 6 March", d(None, 3, 6)),
            ("Tue. 7 Mar.", d(None, 3, 7)),
            ("08/03/2023", d(Some(2023), 3, 8)),
            ("08.03.2023", d(Some(2023), 3, 8)),
            ("03/26/2024", d(Some(2024), 3, 26)),
            ("2024-06-26", d(Some(2024), 6, 26)),
            ("1 Dec 2024", d(Some(2024), 12, 1)),
            ("12.5.", d(None, 5, 12)),
            ("Tue 13.5. Focus day", d(None, 5, 13)),
        ] {
            assert_eq!(
                date_at_start(text).map(|(d, _)| d),
                Some(expected),
                "{text}"
            );
        }
        for text in [
            "31 April 2024",
            "Monday",
            "10:30 June",
            "12 Marchers",
            "32 May",
        ] {
            assert_eq!(date_at_start(text).map(|(d, _)| d), None, "{text}");
        }
    }

    #[test]
    fn ranges_of_days() {
        let r = date_range;
        assert_eq!(
            r("Geneva, 6-8 March 2023"),
            Some((d(Some(2023), 3, 6), d(Some(2023), 3, 8), "Geneva".into()))
        );
        assert_eq!(
            r("30 June – 2 July 2024"),
            Some((d(Some(2024), 6, 30), d(Some(2024), 7, 2), String::new()))
        );
        assert_eq!(
            r("March 6-8, 2023 | Paris").map(|x| (x.0, x.1)),
            Some((d(Some(2023), 3, 6), d(Some(2023), 3, 8)))
        );
        assert_eq!(
            r("06/03/2023 - 08/03/2023").map(|x| (x.0, x.1)),
            Some((d(Some(2023), 3, 6), d(Some(2023), 3, 8)))
        );
        assert_eq!(r("10:00-11:00 Opening"), None);
        assert_eq!(r("Items 3-5 of the agenda"), None);
    }

    #[test]
    fn dates_inside_a_line_and_years_in_titles() {
        assert_eq!(
            date_within("Date: 14 May 2024"),
            Some(("2024-05-14".parse().unwrap(), "Date".into()))
        );
        assert_eq!(date_within("Session 2 of 4"), None);
        assert_eq!(year_in("IGF 2023 Open Consultations"), Some(2023));
        assert_eq!(year_in("Room 12345"), None);
    }
}
