//! Parsing of the agenda's times, dates, UTC window and time zone. Pure functions, no I/O.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

/// A local time range such as `10:30-12:30`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeRange {
    /// Start, local time.
    pub start: Time,
    /// End, local time.
    pub end: Time,
}

impl TimeRange {
    /// `10:30` style start and end joined by a dash, en dash or em dash, spaces allowed.
    pub fn parse(text: &str) -> Result<Self, String> {
        let normalised = text.replace(['\u{a0}', '\u{2009}', '\u{202f}'], " ");
        let (start, end) = normalised
            .split_once(['-', '\u{2013}', '\u{2014}'])
            .ok_or_else(|| format!("`{text}` is not a time range: write it as HH:MM-HH:MM"))?;
        let start = parse_clock(start.trim())?;
        let end = parse_clock(end.trim())?;
        Ok(Self { start, end })
    }

    /// The range as the agenda prints it, `10:30-12:30`.
    pub fn label(&self) -> String {
        format!("{}-{}", clock_label(self.start), clock_label(self.end))
    }
}

/// `HH:MM` as printed in agendas.
pub fn clock_label(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

fn parse_clock(text: &str) -> Result<Time, String> {
    let bad = || format!("`{text}` is not a 24-hour time: write it as HH:MM, for example 09:30");
    let (h, m) = text.split_once(':').ok_or_else(bad)?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return Err(bad());
    }
    let h: i8 = h.parse().map_err(|_| bad())?;
    let m: i8 = m.parse().map_err(|_| bad())?;
    Time::new(h, m, 0, 0).map_err(|_| bad())
}

/// A `YYYY-MM-DD` date.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let bad = || format!("`{text}` is not a date: write it as YYYY-MM-DD, for example 2024-06-26");
    if text.len() != 10 {
        return Err(bad());
    }
    text.parse::<Date>().map_err(|_| bad())
}

/// An RFC 3339 instant; it must carry `Z` or an offset so that it is unambiguous.
pub fn parse_instant(text: &str) -> Result<Timestamp, String> {
    text.parse::<Timestamp>().map_err(|_| {
        format!("`{text}` is not a UTC instant: write it as 2024-06-26T08:00:00Z (with the Z)")
    })
}

/// An IANA time zone name from the bundled time zone database.
pub fn parse_zone(text: &str) -> Result<TimeZone, String> {
    TimeZone::get(text).map_err(|_| {
        format!("`{text}` is not an IANA time zone name: write it as Region/City, for example Europe/Zurich")
    })
}

/// A local date and time in a zone; `None` when the local time does not exist there.
pub fn zoned(date: Date, time: Time, zone: &TimeZone) -> Option<ZonedDateTime> {
    date.to_datetime(time).to_zoned_datetime(zone.clone()).ok()
}

/// The abbreviation and UTC offset in force at noon of a local date ("CEST", "+02:00").
pub fn zone_label(date: Date, zone: &TimeZone) -> Option<(String, String)> {
    let noon = zoned(date, Time::constant(12, 0, 0, 0), zone)?;
    let info = zone.to_offset_info(noon.timestamp());
    Some((info.abbreviation().to_owned(), offset_label(info.offset())))
}

/// A UTC offset as agendas and ISO 8601 write it, `+02:00`.
pub fn offset_label(offset: jiff::tz::Offset) -> String {
    let secs = offset.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    format!(
        "{sign}{:02}:{:02}",
        secs.abs() / 3600,
        secs.abs() % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_ranges_in_the_forms_agendas_use() {
        for text in [
            "10:30-12:30",
            "10:30 - 12:30",
            "10:30\u{a0}- 12:30",
            "10:30 – 12:30",
            "9:30-12:30",
        ] {
            let r = TimeRange::parse(text).unwrap();
            assert_eq!(r.end, Time::constant(12, 30, 0, 0), "{text}");
        }
        assert_eq!(
            TimeRange::parse("9:30-12:30").unwrap().label(),
            "09:30-12:30"
        );
    }

    #[test]
    fn malformed_times_are_refused_with_the_expected_form() {
        for text in [
            "10:30",
            "25:00-26:00",
            "10.30-12.30",
            "10:3-11:00",
            "noon-1pm",
            "",
        ] {
            let err = TimeRange::parse(text).unwrap_err();
            assert!(err.contains("HH:MM"), "{text}: {err}");
        }
    }

    #[test]
    fn geneva_in_june_is_on_summer_time() {
        let zone = parse_zone("Europe/Zurich").unwrap();
        let (abbr, offset) = zone_label(parse_date("2024-06-26").unwrap(), &zone).unwrap();
        assert_eq!((abbr.as_str(), offset.as_str()), ("CEST", "+02:00"));
        let (abbr, _) = zone_label(parse_date("2024-01-15").unwrap(), &zone).unwrap();
        assert_eq!(abbr, "CET");
    }

    #[test]
    fn dates_instants_and_zones_reject_garbage() {
        assert!(parse_date("2024-6-26").is_err());
        assert!(parse_date("2024-02-30").is_err());
        assert!(parse_instant("2024-06-26T08:00:00").is_err());
        assert!(parse_instant("2024-06-26T08:00:00Z").is_ok());
        assert!(parse_zone("Europe/Genf").is_err());
    }
}
