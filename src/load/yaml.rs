//! YAML text to typed values, with serde-saphyr's errors turned into diagnostics.
//!
//! serde-saphyr rather than the archived serde_yaml: it rejects duplicate keys with their line and
//! column (serde_yaml keeps the last one silently, losing what a person typed), has strict
//! booleans, limits alias expansion and has no `unsafe`.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Rule};
use crate::model::Pos;

/// Parses `text` (the contents of `file`) into `T`, or says precisely why not.
pub fn parse<T: DeserializeOwned>(file: &Path, text: &str) -> Result<T, Box<Diagnostic>> {
    if text.trim().is_empty() {
        let d = Diagnostic::new(
            Rule::MissingField,
            file,
            Pos::new(1, 1),
            "the file is empty",
        );
        return Err(Box::new(d.hint("write the definition, or start from `docket new <slug>` (meetings) or `docket outcomes init` (outcomes)")));
    }
    let options = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options::<T>(text, options)
        .map_err(|err| Box::new(to_diagnostic(file, text, &err)))
}

fn to_diagnostic(file: &Path, text: &str, err: &serde_saphyr::Error) -> Diagnostic {
    let pos = err
        .location()
        .map(|l| Pos::new(clamp(l.line()), clamp(l.column())))
        .unwrap_or_else(|| Pos::new(1, 1));
    let raw = err.without_snippet().to_string();
    let message = plain_words(&strip_location(&raw));
    let (rule, hint) = classify(&message, text, pos);
    let diag = Diagnostic::new(rule, file, pos, message);
    match hint {
        Some(h) => diag.hint(h),
        None => diag,
    }
}

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// serde-saphyr appends " at line L, column C"; we print the position ourselves.
fn strip_location(message: &str) -> String {
    static AT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*,?\s*at line \d+,? column \d+\.?$").unwrap());
    AT.replace(message.trim(), "").into_owned()
}

/// The parser's event names in words a secretariat uses.
fn plain_words(message: &str) -> String {
    message
        .replace("expected sequence start", "expected a list here")
        .replace(
            "expected mapping start",
            "expected a mapping (`key: value` lines) here",
        )
        .replace("expected string scalar", "expected text here")
}

/// Picks the rule and writes the hint for a parser message.
fn classify(message: &str, text: &str, pos: Pos) -> (Rule, Option<String>) {
    static UNKNOWN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"unknown field `([^`]*)`, (?:expected one of |expected )?(.*)$").unwrap()
    });
    static MISSING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"missing field `([^`]*)`").unwrap());
    static VARIANT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"unknown variant `([^`]*)`, expected (?:one of )?(.*)$").unwrap()
    });
    let lower = message.to_lowercase();
    if let Some(c) = UNKNOWN.captures(message) {
        let (typo, expected) = (&c[1], field_list(&c[2]));
        let hint = match closest(typo, &expected) {
            Some(best) => format!("unknown field '{typo}', did you mean '{best}'?"),
            None => format!(
                "remove '{typo}'; the fields allowed here are: {}",
                expected.join(", ")
            ),
        };
        return (Rule::UnknownField, Some(hint));
    }
    if let Some(c) = VARIANT.captures(message) {
        let (typo, expected) = (&c[1], field_list(&c[2]));
        let hint = match closest(typo, &expected) {
            Some(best) => format!("did you mean '{best}'?"),
            None => format!("use one of: {}", expected.join(", ")),
        };
        return (Rule::WrongType, Some(hint));
    }
    if let Some(c) = MISSING.captures(message) {
        return (
            Rule::MissingField,
            Some(format!("add `{}:` to this mapping", &c[1])),
        );
    }
    if lower.contains("duplicate") {
        return (
            Rule::DuplicateKey,
            Some("keep one of the two entries and merge what they say".into()),
        );
    }
    if lower.contains("invalid type")
        || lower.contains("expected") && !lower.contains("while parsing")
    {
        return (Rule::WrongType, Some(type_hint(message, text, pos)));
    }
    if lower.contains("boolean") {
        return (Rule::WrongType, Some("write true or false".into()));
    }
    (Rule::YamlSyntax, Some(syntax_hint(text, pos)))
}

fn field_list(list: &str) -> Vec<String> {
    list.split(',')
        .map(|f| {
            f.trim()
                .trim_start_matches("or ")
                .trim()
                .trim_matches('`')
                .to_owned()
        })
        .filter(|f| !f.is_empty())
        .collect()
}

/// The nearest allowed name, if it is near enough to be the intended one.
pub fn closest(typo: &str, candidates: &[String]) -> Option<String> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(typo, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.clone())
}

fn type_hint(message: &str, text: &str, pos: Pos) -> String {
    let line = text
        .lines()
        .nth(pos.line.saturating_sub(1) as usize)
        .unwrap_or("");
    if message.contains("sequence") && !line.contains('[') && !line.trim_start().starts_with('-') {
        return "this field takes a list: write each entry on its own line starting with `- `"
            .into();
    }
    if message.contains("string") || message.contains("str") {
        return "this field takes text; quote it if it starts with a special character".into();
    }
    "see `docket schema` for the type this field takes".into()
}

fn syntax_hint(text: &str, pos: Pos) -> String {
    let line = text
        .lines()
        .nth(pos.line.saturating_sub(1) as usize)
        .unwrap_or("");
    if line.contains('\t') {
        return "YAML indents with spaces, not tabs".into();
    }
    if line.matches(": ").count() > 1 || line.trim_end().ends_with(':') && line.contains(": ") {
        return "a value containing `: ` must be quoted".into();
    }
    "check the indentation and quoting around this line (values with `: ` or `#` need quotes)"
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        sessions: Vec<String>,
        #[serde(default)]
        flag: Option<bool>,
    }

    fn err(text: &str) -> Diagnostic {
        *parse::<Doc>(Path::new("m.yaml"), text).unwrap_err()
    }

    #[test]
    fn a_typo_suggests_the_field_meant() {
        let d = err("title: x\nsesions: []\n");
        assert_eq!(d.code, Rule::UnknownField.code());
        assert_eq!((d.line, d.column), (2, 1));
        assert_eq!(
            d.hint.as_deref(),
            Some("unknown field 'sesions', did you mean 'sessions'?")
        );
    }

    #[test]
    fn duplicate_keys_are_rejected_with_their_place() {
        let d = err("title: x\nsessions: []\ntitle: y\n");
        assert_eq!(d.code, Rule::DuplicateKey.code(), "{d:?}");
        assert_eq!(d.line, 3);
    }

    #[test]
    fn wrong_types_and_missing_fields_are_named() {
        let d = err("title: x\nsessions: not a list\n");
        assert_eq!(d.code, Rule::WrongType.code(), "{d:?}");
        assert_eq!(d.line, 2);
        let d = err("title: x\n");
        assert_eq!(d.code, Rule::MissingField.code(), "{d:?}");
        let d = err("title: x\nsessions: []\nflag: yes\n");
        assert_eq!(d.code, Rule::WrongType.code(), "{d:?}");
    }

    #[test]
    fn broken_yaml_is_a_syntax_error_with_a_position() {
        let d = err("title: x\nsessions: [a, b\nflag: true\n");
        assert_eq!(d.code, Rule::YamlSyntax.code(), "{d:?}");
        assert!(d.line >= 1);
    }
}
