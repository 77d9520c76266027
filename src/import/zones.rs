//! The agenda's time zone, from the label its times carry ("UTC+3", "CEST", "Geneva time") and
//! from the venue's city.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::re;

/// Cities that host meetings, with their IANA zones (lowercase, as found in venue lines).
const CITIES: &[(&str, &str)] = &[
    ("geneva", "Europe/Zurich"),
    ("genève", "Europe/Zurich"),
    ("geneve", "Europe/Zurich"),
    ("zurich", "Europe/Zurich"),
    ("bern", "Europe/Zurich"),
    ("paris", "Europe/Paris"),
    ("strasbourg", "Europe/Paris"),
    ("vienna", "Europe/Vienna"),
    ("berlin", "Europe/Berlin"),
    ("bonn", "Europe/Berlin"),
    ("hamburg", "Europe/Berlin"),
    ("brussels", "Europe/Brussels"),
    ("the hague", "Europe/Amsterdam"),
    ("amsterdam", "Europe/Amsterdam"),
    ("luxembourg", "Europe/Luxembourg"),
    ("london", "Europe/London"),
    ("dublin", "Europe/Dublin"),
    ("lisbon", "Europe/Lisbon"),
    ("madrid", "Europe/Madrid"),
    ("rome", "Europe/Rome"),
    ("tallinn", "Europe/Tallinn"),
    ("vilnius", "Europe/Vilnius"),
    ("riga", "Europe/Riga"),
    ("helsinki", "Europe/Helsinki"),
    ("stockholm", "Europe/Stockholm"),
    ("copenhagen", "Europe/Copenhagen"),
    ("oslo", "Europe/Oslo"),
    ("warsaw", "Europe/Warsaw"),
    ("katowice", "Europe/Warsaw"),
    ("prague", "Europe/Prague"),
    ("budapest", "Europe/Budapest"),
    ("bucharest", "Europe/Bucharest"),
    ("sofia", "Europe/Sofia"),
    ("athens", "Europe/Athens"),
    ("belgrade", "Europe/Belgrade"),
    ("trieste", "Europe/Rome"),
    ("istanbul", "Europe/Istanbul"),
    ("moscow", "Europe/Moscow"),
    ("kyiv", "Europe/Kyiv"),
    ("tbilisi", "Asia/Tbilisi"),
    ("baku", "Asia/Baku"),
    ("yerevan", "Asia/Yerevan"),
    ("new york", "America/New_York"),
    ("washington", "America/New_York"),
    ("montreal", "America/Toronto"),
    ("toronto", "America/Toronto"),
    ("ottawa", "America/Toronto"),
    ("chicago", "America/Chicago"),
    ("san francisco", "America/Los_Angeles"),
    ("los angeles", "America/Los_Angeles"),
    ("mexico city", "America/Mexico_City"),
    ("cancún", "America/Cancun"),
    ("cancun", "America/Cancun"),
    ("san juan", "America/Puerto_Rico"),
    ("panama", "America/Panama"),
    ("bogotá", "America/Bogota"),
    ("bogota", "America/Bogota"),
    ("lima", "America/Lima"),
    ("santiago", "America/Santiago"),
    ("buenos aires", "America/Argentina/Buenos_Aires"),
    ("são paulo", "America/Sao_Paulo"),
    ("sao paulo", "America/Sao_Paulo"),
    ("rio de janeiro", "America/Sao_Paulo"),
    ("brasília", "America/Sao_Paulo"),
    ("brasilia", "America/Sao_Paulo"),
    ("riyadh", "Asia/Riyadh"),
    ("dubai", "Asia/Dubai"),
    ("abu dhabi", "Asia/Dubai"),
    ("doha", "Asia/Qatar"),
    ("cairo", "Africa/Cairo"),
    ("sharm el-sheikh", "Africa/Cairo"),
    ("beirut", "Asia/Beirut"),
    ("amman", "Asia/Amman"),
    ("tunis", "Africa/Tunis"),
    ("marrakech", "Africa/Casablanca"),
    ("rabat", "Africa/Casablanca"),
    ("dakar", "Africa/Dakar"),
    ("abuja", "Africa/Lagos"),
    ("lagos", "Africa/Lagos"),
    ("accra", "Africa/Accra"),
    ("addis ababa", "Africa/Addis_Ababa"),
    ("nairobi", "Africa/Nairobi"),
    ("kigali", "Africa/Kigali"),
    ("windhoek", "Africa/Windhoek"),
    ("kampala", "Africa/Kampala"),
    ("johannesburg", "Africa/Johannesburg"),
    ("cape town", "Africa/Johannesburg"),
    ("durban", "Africa/Johannesburg"),
    ("new delhi", "Asia/Kolkata"),
    ("delhi", "Asia/Kolkata"),
    ("mumbai", "Asia/Kolkata"),
    ("hyderabad", "Asia/Kolkata"),
    ("colombo", "Asia/Colombo"),
    ("dhaka", "Asia/Dhaka"),
    ("almaty", "Asia/Almaty"),
    ("tashkent", "Asia/Tashkent"),
    ("bangkok", "Asia/Bangkok"),
    ("hanoi", "Asia/Bangkok"),
    ("singapore", "Asia/Singapore"),
    ("kuala lumpur", "Asia/Kuala_Lumpur"),
    ("jakarta", "Asia/Jakarta"),
    ("bali", "Asia/Makassar"),
    ("manila", "Asia/Manila"),
    ("beijing", "Asia/Shanghai"),
    ("shanghai", "Asia/Shanghai"),
    ("wuzhen", "Asia/Shanghai"),
    ("hong kong", "Asia/Hong_Kong"),
    ("taipei", "Asia/Taipei"),
    ("seoul", "Asia/Seoul"),
    ("busan", "Asia/Seoul"),
    ("tokyo", "Asia/Tokyo"),
    ("kyoto", "Asia/Tokyo"),
    ("sydney", "Australia/Sydney"),
    ("canberra", "Australia/Sydney"),
    ("melbourne", "Australia/Melbourne"),
    ("auckland", "Pacific/Auckland"),
    ("suva", "Pacific/Fiji"),
];

/// The zone of the first city named in `text`.
pub fn city_zone(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    CITIES
        .iter()
        .filter_map(|(city, zone)| {
            let at = t.find(city)?;
            let before = t[..at].chars().next_back();
            let after = t[at + city.len()..].chars().next();
            let word = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            (word(before) && word(after)).then_some((at, *zone))
        })
        .min_by_key(|(at, _)| *at)
        .map(|(_, zone)| zone)
}

/// A fixed offset written as a label ("UTC+3", "GMT+1", "UTC-05:00") as an IANA `Etc/` zone,
/// whose sign is the reverse of the label's (POSIX): UTC+3 is Etc/GMT-3. Whole hours only,
/// as only those exist in the database.
fn offset_zone(label: &str) -> Option<String> {
    static OFFSET: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^(?:UTC|GMT)\s*(?:([+\-\x{2212}])\s*(\d{1,2})(?::?(\d{2}))?)?$"));
    let c = OFFSET.captures(label.trim())?;
    let Some(sign) = c.get(1) else {
        return Some("UTC".into());
    };
    let h: i32 = c[2].parse().ok()?;
    let m: i32 = c.get(3).map_or(Some(0), |m| m.as_str().parse().ok())?;
    // Etc/GMT-14 (UTC+14) to Etc/GMT+12 (UTC-12) exist, whole hours only.
    let east = sign.as_str() == "+";
    if m != 0 || (east && h > 14) || (!east && h > 12) {
        return None;
    }
    if h == 0 {
        return Some("UTC".into());
    }
    let posix = if sign.as_str() == "+" { '-' } else { '+' };
    Some(format!("Etc/GMT{posix}{h}"))
}

/// The zone for an agenda: a fixed offset or a city in the label first (the times are written
/// in it), then the venue's city, then the abbreviation's usual zone; `None` when nothing says.
pub fn zone_for(label: Option<&str>, venue: &str) -> Option<String> {
    let label = label.map(str::trim).filter(|l| !l.is_empty());
    if let Some(l) = label {
        if let Some(zone) = offset_zone(l) {
            // "GMT" in London is London's time, with its summer hour.
            if zone == "UTC" && l.eq_ignore_ascii_case("GMT") {
                return Some(city_zone(venue).unwrap_or("UTC").to_owned());
            }
            return Some(zone);
        }
        if let Some(zone) = city_zone(l) {
            return Some(zone.to_owned());
        }
    }
    if let Some(zone) = city_zone(venue) {
        return Some(zone.to_owned());
    }
    let usual = match label?.to_uppercase().as_str() {
        "CET" | "CEST" => "Europe/Brussels",
        "EET" | "EEST" => "Europe/Athens",
        "WET" | "WEST" => "Europe/Lisbon",
        "BST" => "Europe/London",
        "EST" | "EDT" => "America/New_York",
        "CST" | "CDT" => "America/Chicago",
        "MST" | "MDT" => "America/Denver",
        "PST" | "PDT" => "America/Los_Angeles",
        "MSK" => "Europe/Moscow",
        "EAT" => "Africa/Nairobi",
        "WAT" => "Africa/Lagos",
        "CAT" => "Africa/Maputo",
        "SAST" => "Africa/Johannesburg",
        "IST" => "Asia/Kolkata",
        "JST" => "Asia/Tokyo",
        "KST" => "Asia/Seoul",
        "AEST" | "AEDT" => "Australia/Sydney",
        _ => return None,
    };
    Some(usual.to_owned())
}

/// A sentence that says which zone the times are in: "All times are in CET", "Times are
/// Geneva time", "(all times UTC+3)". Returns the label.
pub fn zone_sentence(line: &str) -> Option<String> {
    static SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)^\(?\s*(?:\*\s*)?(?:all\s+)?times?\s+(?:are\s+|is\s+)?(?:(?:shown|given|listed|indicated)\s+)?(?:in\s+)?(?:local\s+time\s*)?\(?({})\)?\s*\.?\s*\)?$",
            super::times::ZONE_LABEL
        ))
    });
    SENTENCE.captures(line).map(|c| super::lines::clean(&c[1]))
}

/// A zone named inside a sentence: "... registration is required. All times CEST."
pub fn zone_within(text: &str) -> Option<String> {
    static WITHIN: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)\b(?:all\s+)?times\s+(?:are\s+)?(?:(?:shown|given|listed|indicated)\s+)?(?:in\s+)?(?:local\s+time\s*)?\(?({})\)?",
            super::times::ZONE_LABEL
        ))
    });
    WITHIN.captures(text).map(|c| super::lines::clean(&c[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_from_labels_and_venues() {
        for (label, venue, zone) in [
            (Some("UTC+3"), "Riyadh", "Etc/GMT-3"),
            (Some("GMT+1"), "", "Etc/GMT-1"),
            (Some("UTC-5"), "", "Etc/GMT+5"),
            (Some("UTC"), "Geneva", "UTC"),
            (Some("CEST"), "Palais des Nations, Geneva", "Europe/Zurich"),
            (Some("CEST"), "Online", "Europe/Brussels"),
            (Some("Geneva time"), "Online", "Europe/Zurich"),
            (Some("GMT"), "London, UK", "Europe/London"),
            (
                None,
                "Kigali Convention Centre, Kigali, Rwanda",
                "Africa/Kigali",
            ),
            (Some("EDT"), "", "America/New_York"),
        ] {
            assert_eq!(
                zone_for(label, venue).as_deref(),
                Some(zone),
                "{label:?} {venue}"
            );
        }
        assert_eq!(zone_for(None, "Online"), None);
        assert_eq!(zone_for(Some("UTC+5:30"), ""), None);
        assert_eq!(city_zone("Parisian hotel"), None);
    }

    #[test]
    fn sentences_naming_the_zone() {
        for (line, label) in [
            ("All times are in CET", "CET"),
            ("All times are CEST.", "CEST"),
            ("(All times UTC+3)", "UTC+3"),
            ("Times are Geneva time", "Geneva time"),
            ("All times in UTC", "UTC"),
        ] {
            assert_eq!(zone_sentence(line).as_deref(), Some(label), "{line}");
        }
        assert_eq!(zone_sentence("Time for coffee"), None);
        assert_eq!(
            zone_within("Free of charge; registration is required. All times CEST.").as_deref(),
            Some("CEST")
        );
    }
}
