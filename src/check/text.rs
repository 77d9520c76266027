//! Text that documents can hold: no control characters other than tab and newline, and no
//! value longer than [`super::limits::MAX_TEXT`] characters. A vertical
//! tab (Word's soft line break, pasted) or a stray carriage return passes YAML but makes invalid
//! XML in the Word summary and breaks Markdown and calendar lines.

use std::path::Path;

use serde::Serialize;

use crate::diag::{Diagnostic, Rule};
use crate::model::Pos;

/// One diagnostic per string of `value` (a meeting or outcomes) holding a control character.
pub(crate) fn check<T: Serialize>(file: &Path, source: &str, value: &T) -> Vec<Diagnostic> {
    let mut strings = Vec::new();
    collect(
        &serde_json::to_value(value).unwrap_or_default(),
        &mut strings,
    );
    let total: usize = strings.iter().map(|s| s.chars().count()).sum();
    let mut out: Vec<Diagnostic> = Vec::new();
    if total > super::limits::MAX_TOTAL_TEXT {
        // Over the budget, placing each long or odd string would scan the whole file once per
        // string: report the total alone.
        out.push(
            Diagnostic::new(
                Rule::TooMany,
                file,
                Pos::new(1, 1),
                format!(
                    "the file holds {total} characters of text; at most {} are allowed",
                    super::limits::MAX_TOTAL_TEXT
                ),
            )
            .hint("split the meeting, or move detail into input documents"),
        );
        return out;
    }
    out.extend(
        strings
            .iter()
            .filter(|s| s.chars().count() > super::limits::MAX_TEXT)
            .map(|s| {
                let start: String = s.chars().take(40).collect();
                let pos = place(source, '\u{0}', start.trim());
                Diagnostic::new(
                    Rule::TextTooLong,
                    file,
                    pos,
                    format!(
                        "a text of {} characters (\"{}...\"); at most {} are allowed",
                        s.chars().count(),
                        start.escape_debug(),
                        super::limits::MAX_TEXT
                    ),
                )
                .hint("shorten it; long material belongs in an input document")
            }),
    );
    out.extend(
        strings
            .into_iter()
            .filter_map(|s| {
                let c = s
                    .chars()
                    .find(|c| c.is_control() && *c != '\t' && *c != '\n')?;
                let before: String = s.chars().take_while(|x| *x != c).collect();
                let pos = place(source, c, before.trim());
                Some(
            Diagnostic::new(
                Rule::ControlCharacter,
                file,
                pos,
                format!(
                    "control character U+{:04X} in \"{}\"",
                    u32::from(c),
                    s.escape_debug()
                ),
            )
            .hint("delete it or replace it with a space (it often comes from pasting out of Word)"),
        )
            })
            .take(MAX_REPORTED),
    );
    out
}

/// At most this many long strings are placed in the file, each a scan of it.
const MAX_REPORTED: usize = 20;

fn collect(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| collect(v, out)),
        _ => {}
    }
}

/// Where the character (or, when it was written as an escape, the text before it) stands.
fn place(source: &str, c: char, before: &str) -> Pos {
    let escaped = format!("{before}\\");
    let found = |pattern: &dyn Fn(&str) -> Option<usize>| {
        source
            .lines()
            .enumerate()
            .find_map(|(i, line)| pattern(line).map(|col| (i, line, col)))
    };
    let hit = found(&|l: &str| l.find(c))
        .or_else(|| found(&|l: &str| l.find(&escaped)))
        .or_else(|| {
            (!before.is_empty())
                .then(|| found(&|l: &str| l.find(before)))
                .flatten()
        });
    match hit {
        Some((i, line, col)) => {
            let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
            Pos::new(n(i + 1), n(line[..col].chars().count() + 1))
        }
        None => Pos::new(1, 1),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{BASE, check};

    #[test]
    fn a_vertical_tab_in_a_title_is_an_error_at_its_line() {
        let text = BASE.replace("title: Opening", "title: \"Open\\vning\"");
        let d = check(&text)
            .into_iter()
            .find(|d| d.code == "E0107")
            .expect("control character");
        assert!(d.message.contains("U+000B"), "{}", d.message);
        assert_eq!(d.line, 17);
    }
}
