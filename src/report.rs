//! Printing diagnostics: `file:line:col`, the source line with a caret, and the hint; or JSON.
//!
//! Colour goes through anstream, which drops it when the output is not a terminal or when
//! `NO_COLOR` is set.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::diag::{Diagnostic, Severity, Tally};
use crate::load::Sources;

/// Output format for diagnostics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable, coloured on a terminal.
    #[default]
    Human,
    /// One JSON document on stdout, for CI.
    Json,
}

/// Renders one diagnostic as text, with ANSI styles (stripped by anstream where unwanted).
pub fn human(d: &Diagnostic, sources: &Sources) -> String {
    let (label, colour) = match d.severity {
        Severity::Error => ("error", AnsiColor::Red),
        Severity::Warning => ("warning", AnsiColor::Yellow),
        Severity::Info => ("info", AnsiColor::Cyan),
    };
    let head = Style::new().bold().fg_color(Some(colour.into()));
    let bold = Style::new().bold();
    let blue = Style::new().bold().fg_color(Some(AnsiColor::Blue.into()));
    let mut s = format!(
        "{head}{label}[{}]{head:#}{bold}: {}{bold:#}\n",
        d.code, d.message
    );
    let place = if d.line == 0 {
        d.file.display().to_string()
    } else {
        format!("{}:{}:{}", d.file.display(), d.line, d.column)
    };
    let number = d.line.to_string();
    let pad = " ".repeat(number.len());
    s += &format!("{pad}{blue}-->{blue:#} {place}\n");
    if let Some(line) = (d.line > 0)
        .then(|| sources.line(&d.file, d.line))
        .flatten()
    {
        let col = usize::try_from(d.column.max(1) - 1).unwrap_or(0);
        let lead: String = line
            .chars()
            .take(col)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let width = line
            .chars()
            .skip(col)
            .take_while(|c| !c.is_whitespace())
            .count()
            .max(1);
        s += &format!("{pad} {blue}|{blue:#}\n");
        s += &format!("{blue}{number} |{blue:#} {line}\n");
        s += &format!(
            "{pad} {blue}|{blue:#} {lead}{head}{}{head:#}\n",
            "^".repeat(width)
        );
    }
    if let Some(hint) = &d.hint {
        s += &format!("{pad} {blue}={blue:#} {bold}hint{bold:#}: {hint}\n");
    }
    s
}

/// The closing line: "checked 2 meetings: 1 error, 1 warning, 3 notes".
pub fn summary(meetings: usize, tally: Tally) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "checked {}: {}, {}, {}",
        plural(meetings, "meeting", "meetings"),
        plural(tally.errors, "error", "errors"),
        plural(tally.warnings, "warning", "warnings"),
        plural(tally.infos, "note", "notes")
    )
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    #[serde(flatten)]
    diagnostic: &'a Diagnostic,
    source_line: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    meetings: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

/// Prints diagnostics and the summary in the chosen format.
pub fn print(format: Format, diagnostics: &[Diagnostic], sources: &Sources, meetings: usize) {
    let tally = Tally::of(diagnostics);
    match format {
        Format::Human => {
            let mut err = anstream::stderr().lock();
            for d in diagnostics {
                let _ = writeln!(err, "{}", human(d, sources));
            }
            let _ = writeln!(err, "{}", summary(meetings, tally));
        }
        Format::Json => {
            let report = JsonReport {
                meetings,
                errors: tally.errors,
                warnings: tally.warnings,
                infos: tally.infos,
                diagnostics: diagnostics
                    .iter()
                    .map(|d| JsonDiagnostic {
                        diagnostic: d,
                        source_line: sources.line(&d.file, d.line),
                    })
                    .collect(),
            };
            let text = serde_json::to_string_pretty(&report).unwrap_or_default();
            let _ = writeln!(std::io::stdout().lock(), "{text}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Rule;
    use crate::model::Pos;
    use std::path::Path;

    #[test]
    fn a_diagnostic_shows_place_snippet_caret_and_hint() {
        let mut sources = Sources::default();
        sources.insert("m.yaml".into(), "id: x\nlocal_time_label: CET\n".into());
        let d = Diagnostic::new(
            Rule::LocalTimeLabel,
            Path::new("m.yaml"),
            Pos::new(2, 19),
            "times are labelled CET",
        )
        .hint("write CEST");
        let text = anstream::adapter::strip_str(&human(&d, &sources)).to_string();
        assert_eq!(
            text,
            "warning[W0304]: times are labelled CET\n --> m.yaml:2:19\n  |\n2 | local_time_label: CET\n  |                   ^^^\n  = hint: write CEST\n"
        );
    }
}
