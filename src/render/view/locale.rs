//! A language's fixed wording and date forms: its Fluent catalog (`templates/locales/<tag>.ftl`,
//! overridable like every template) and CLDR dates from ICU4X, with the UN's house style on
//! top where it differs from CLDR (recorded in the catalog as `house-*` messages).
//!
//! No month or weekday name is written in Rust: ICU4X gives them, and a catalog may replace a
//! month name (UN Arabic writes "حزيران/يونيه" where CLDR has "يونيو") or a date suffix (UN
//! Russian writes "2024 года" where CLDR has "2024 г.").

use std::borrow::Cow;
use std::collections::BTreeMap;

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{D, E, M, MD, YMD};
use jiff::civil::Date;

/// Languages written right to left (their documents run right to left).
const RTL: &[&str] = &["ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv"];

/// One language, ready to word documents.
pub struct Locale {
    /// The BCP 47 tag as the meeting writes it ("ar").
    pub tag: String,
    /// Whether documents run right to left.
    pub rtl: bool,
    bundle: FluentBundle<FluentResource>,
    /// Message ids of the catalog, in file order (for the templates' label table).
    ids: Vec<String>,
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    weekday: FixedCalendarDateTimeFormatter<Gregorian, E>,
    day: FixedCalendarDateTimeFormatter<Gregorian, D>,
    month_day: FixedCalendarDateTimeFormatter<Gregorian, MD>,
    /// (CLDR month name, house month name), from `house-month-N`.
    months: Vec<(String, String)>,
    /// (CLDR text, house text), from `house-date-from` / `house-date-to`.
    replace: Option<(String, String)>,
}

/// Why a catalog cannot be used.
#[derive(Debug)]
pub struct CatalogError(pub String);

impl Locale {
    /// The locale for `tag` from its catalog's text; `fallback` (the English catalog) answers
    /// the messages the catalog lacks, so a user's catalog may hold only what it changes.
    pub fn new(tag: &str, ftl: &str, fallback: Option<&str>) -> Result<Self, CatalogError> {
        let resource = parse(ftl)?;
        let own = ids(&resource);
        let lang = tag
            .parse()
            .map_err(|_| CatalogError(format!("`{tag}` is not a BCP 47 language tag")))?;
        let mut bundle = FluentBundle::new_concurrent(vec![lang]);
        // Bidi isolates around arguments keep "WSIS+20" or a number from reordering a
        // right-to-left sentence; left-to-right text needs none.
        let rtl = RTL.contains(&tag.split('-').next().unwrap_or(tag));
        bundle.set_use_isolating(rtl);
        let mut ids = Vec::new();
        if let Some(fallback) = fallback {
            let base = parse(fallback)?;
            ids = self::ids(&base);
            bundle
                .add_resource(base)
                .map_err(|e| CatalogError(format!("the catalog repeats a message: {e:?}")))?;
        }
        ids.extend(
            own.iter()
                .filter(|id| !ids.contains(id))
                .cloned()
                .collect::<Vec<_>>(),
        );
        bundle.add_resource_overriding(resource);
        let plain = |id: &str| plain_message(&bundle, id);
        // The locale and house style are the catalog's own, never English's.
        let own_plain = |id: &str| own.iter().any(|x| x == id).then(|| plain(id)).flatten();
        let cldr = own_plain("cldr-locale").unwrap_or_else(|| tag.to_owned());
        let icu: icu_locale_core::Locale = cldr
            .parse()
            .map_err(|_| CatalogError(format!("cldr-locale `{cldr}` is not a locale")))?;
        let prefs = (&icu).into();
        let no_data = |e: icu_datetime::DateTimeFormatterLoadError| {
            CatalogError(format!("ICU4X has no date data for `{cldr}`: {e}"))
        };
        let date = FixedCalendarDateTimeFormatter::try_new(prefs, YMD::long()).map_err(no_data)?;
        let weekday = FixedCalendarDateTimeFormatter::try_new(prefs, E::long()).map_err(no_data)?;
        let day = FixedCalendarDateTimeFormatter::try_new(prefs, D::long()).map_err(no_data)?;
        let month_day =
            FixedCalendarDateTimeFormatter::try_new(prefs, MD::long()).map_err(no_data)?;
        let month = FixedCalendarDateTimeFormatter::<Gregorian, M>::try_new(prefs, M::long())
            .map_err(no_data)?;
        let months = (1..=12u8)
            .filter_map(|n| {
                let house = own_plain(&format!("house-month-{n}"))?;
                let d = IcuDate::try_new_gregorian(2024, n, 1).ok()?;
                Some((month.format(&d).to_string(), house))
            })
            .collect();
        let replace = own_plain("house-date-from").zip(own_plain("house-date-to"));
        Ok(Self {
            tag: tag.to_owned(),
            rtl,
            bundle,
            ids,
            date,
            weekday,
            day,
            month_day,
            months,
            replace,
        })
    }

    /// A message with arguments; `None` when the catalog lacks it.
    pub fn message(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, Some(&fargs), &mut errors)
                .into_owned(),
        )
    }

    /// Every message of the catalog formatted without arguments (a `{ $page }` stays as
    /// `{$page}` for the template to fill), keyed with `_` for `-` so templates can write
    /// `labels.input_documents`. Settings (`cldr-*`, `house-*`) are left out.
    pub fn labels(&self) -> BTreeMap<String, String> {
        self.ids
            .iter()
            .filter(|id| !id.starts_with("cldr-") && !id.starts_with("house-"))
            .filter_map(|id| Some((id.replace('-', "_"), self.message(id, &[])?)))
            .collect()
    }

    /// "26 June 2024", "26 juin 2024", "26 حزيران/يونيه 2024".
    pub fn date(&self, d: Date) -> String {
        match icu_date(d) {
            Some(x) => self.house(self.date.format(&x).to_string()),
            None => d.to_string(),
        }
    }

    /// "Wednesday", "mercredi", "الأربعاء".
    pub fn weekday(&self, d: Date) -> String {
        match icu_date(d) {
            Some(x) => self.weekday.format(&x).to_string(),
            None => String::new(),
        }
    }

    /// "26-28 June 2024", "30 June-2 July 2024", "2024年6月26日至28日": the pieces from CLDR
    /// (ICU4X), joined by the catalog's `date-range-month`, `date-range-year` or `date-range`
    /// (ICU4X 2.4's range formatter prints months as "M06" for these locales).
    pub fn range(&self, a: Date, b: Date) -> String {
        let (Some(x), Some(y)) = (icu_date(a), icu_date(b)) else {
            return format!("{a} - {b}");
        };
        if a == b {
            return self.date(a);
        }
        let id = if a.year() != b.year() {
            "date-range"
        } else if a.month() != b.month() {
            "date-range-year"
        } else {
            "date-range-month"
        };
        let text = |s: String| FluentValue::from(s);
        let args = [
            ("start", text(self.date(a))),
            ("end", text(self.date(b))),
            ("start_day", text(self.day.format(&x).to_string())),
            ("end_day", text(self.day.format(&y).to_string())),
            (
                "start_md",
                text(self.house(self.month_day.format(&x).to_string())),
            ),
            (
                "end_md",
                text(self.house(self.month_day.format(&y).to_string())),
            ),
        ];
        match self.message(id, &args) {
            Some(t) => strip_isolates(&t),
            None => format!("{} - {}", self.date(a), self.date(b)),
        }
    }

    fn house(&self, mut text: String) -> String {
        for (cldr, house) in &self.months {
            if text.contains(cldr.as_str()) {
                text = text.replace(cldr.as_str(), house);
            }
        }
        if let Some((from, to)) = &self.replace {
            text = text.replace(from.as_str(), to);
        }
        text
    }
}

fn parse(ftl: &str) -> Result<FluentResource, CatalogError> {
    FluentResource::try_new(ftl.to_owned()).map_err(|(_, errors)| {
        CatalogError(format!(
            "the catalog is not valid Fluent: {}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        ))
    })
}

fn ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

fn plain_message(bundle: &FluentBundle<FluentResource>, id: &str) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text: Cow<'_, str> = bundle.format_pattern(pattern, None, &mut errors);
    Some(strip_isolates(&text))
}

/// Drops Unicode bidi isolates (U+2066-U+2069) that Fluent puts around arguments: for text
/// that is a setting or an identifier, not prose.
pub fn strip_isolates(text: &str) -> String {
    text.chars()
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        .collect()
}

fn icu_date(d: Date) -> Option<IcuDate<Gregorian>> {
    IcuDate::try_new_gregorian(
        i32::from(d.year()),
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
    .ok()
}

/// The embedded English catalog, under every other.
const EMBEDDED_ENGLISH: &str = include_str!("../../../templates/locales/en.ftl");

/// The embedded catalogs, by tag.
pub const EMBEDDED: &[&str] = &["ar", "en", "es", "fr", "ru", "zh"];

/// Every catalog of a template set (`locales/<tag>.ftl`), each over the English one.
#[derive(Default)]
pub struct Locales {
    map: BTreeMap<String, Locale>,
}

impl Locales {
    /// The locales of `templates`, and for each catalog that cannot be used, its origin and why.
    pub fn new(templates: &crate::render::templates::Templates) -> (Self, Vec<(String, String)>) {
        let mut map = BTreeMap::new();
        let mut errors = Vec::new();
        for (name, file) in templates.files() {
            let Some(tag) = name
                .strip_prefix("/locales/")
                .and_then(|n| n.strip_suffix(".ftl"))
            else {
                continue;
            };
            let text = String::from_utf8_lossy(&file.bytes);
            // Every catalog, a user's English one included, sits on the embedded English one,
            // so a message it lacks is still worded.
            match Locale::new(tag, &text, Some(EMBEDDED_ENGLISH)) {
                Ok(locale) => {
                    map.insert(tag.to_owned(), locale);
                }
                Err(CatalogError(why)) => errors.push((file.origin.clone(), why)),
            }
        }
        (Self { map }, errors)
    }

    /// The embedded catalogs alone (for tools that run without a template set).
    pub fn embedded() -> &'static Self {
        static EMBEDDED_LOCALES: std::sync::LazyLock<Locales> = std::sync::LazyLock::new(|| {
            Locales::new(&crate::render::templates::Templates::embedded()).0
        });
        &EMBEDDED_LOCALES
    }

    /// The locale of `tag`, else of its language alone ("en-GB" is worded by `en.ftl`).
    pub fn get(&self, tag: &str) -> Option<&Locale> {
        self.map
            .get(tag)
            .or_else(|| self.map.get(tag.split('-').next()?))
    }

    /// The locale of `tag`, else English (for views that must exist whatever the language).
    pub fn get_or_english(&self, tag: &str) -> &Locale {
        self.get(tag)
            .or_else(|| self.map.get("en"))
            .or_else(|| Self::embedded().map.get("en"))
            .expect("the embedded English catalog is valid (tested)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(tag: &str) -> String {
        let path = format!("{}/templates/locales/{tag}.ftl", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).unwrap()
    }

    fn locale(tag: &str) -> Locale {
        Locale::new(tag, &catalog(tag), None).unwrap()
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn dates_are_cldr_with_the_un_house_style() {
        let day = d("2024-06-26");
        assert_eq!(locale("en").date(day), "26 June 2024");
        assert_eq!(locale("fr").date(day), "26 juin 2024");
        assert_eq!(locale("es").date(day), "26 de junio de 2024");
        assert_eq!(locale("zh").date(day), "2024年6月26日");
        // CLDR's "26 июня 2024 г." and "26 يونيو 2024", in the UN's own forms.
        assert_eq!(locale("ru").date(day), "26 июня 2024 года");
        assert_eq!(locale("ar").date(day), "26 حزيران/يونيه 2024");
        let cldr = |tag| {
            Locale::new(tag, "", Some(&catalog("en")))
                .unwrap()
                .date(day)
        };
        assert_eq!(cldr("ru"), "26 июня 2024\u{202f}г.");
        assert_eq!(cldr("ar"), "26 يونيو 2024");
        assert_eq!(locale("fr").weekday(day), "mercredi");
        assert_eq!(locale("ar").weekday(day), "الأربعاء");
    }

    #[test]
    fn ranges_come_from_cldr() {
        let (a, b) = (d("2024-06-26"), d("2024-06-28"));
        assert_eq!(locale("en").range(a, b), "26-28 June 2024");
        assert_eq!(locale("fr").range(a, b), "26-28 juin 2024");
        assert_eq!(locale("es").range(a, b), "26-28 de junio de 2024");
        assert_eq!(locale("ru").range(a, b), "26-28 июня 2024 года");
        assert_eq!(locale("zh").range(a, b), "2024年6月26日至28日");
        assert_eq!(locale("ar").range(a, b), "26-28 حزيران/يونيه 2024");
        assert_eq!(locale("en").range(a, a), "26 June 2024");
        assert_eq!(
            locale("en").range(d("2024-06-30"), d("2024-07-02")),
            "30 June - 2 July 2024"
        );
        assert_eq!(
            locale("zh").range(d("2024-06-30"), d("2024-07-02")),
            "2024年6月30日至7月2日"
        );
        assert_eq!(
            locale("en").range(d("2024-12-30"), d("2025-01-02")),
            "30 December 2024 - 2 January 2025"
        );
    }

    #[test]
    fn a_regional_tag_is_worded_by_its_language() {
        let locales = Locales::new(&crate::render::templates::Templates::embedded()).0;
        assert_eq!(locales.get("en-GB").map(|l| l.tag.as_str()), Some("en"));
        assert_eq!(locales.get("fr-CA").map(|l| l.tag.as_str()), Some("fr"));
        assert!(locales.get("de").is_none());
        assert_eq!(locales.get_or_english("de").tag, "en");
    }

    #[test]
    fn every_catalog_has_every_english_message() {
        let en = locale("en");
        for tag in EMBEDDED {
            let other = locale(tag);
            for id in &en.ids {
                assert!(
                    other.bundle.has_message(id) || id.starts_with("house-"),
                    "{tag}.ftl lacks `{id}`"
                );
            }
        }
    }
}
