//! The follow-up report: `follow-up.html` and `follow-up.md` through minijinja, and
//! `follow-up.pdf` through typst, all from one [`FollowUp`] value.

use std::path::Path;

use minijinja::{AutoEscape, Environment, Value};

use super::Renderer;
use super::pdf::{self, PdfJob};
use crate::diag::{Diagnostic, Rule};
use crate::model::Pos;
use crate::render::view::followup::FollowUp;

/// A minijinja environment over every `.j2` template; HTML templates escape by default.
pub fn environment(
    templates: &super::templates::Templates,
) -> (Environment<'static>, Vec<Diagnostic>) {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // HTML templates escape HTML (minijinja's default); Markdown templates escape Markdown, so
    // meeting text such as `<script>` or `*bold*` stays text in a Markdown viewer too.
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".md.j2") || name.ends_with(".md") {
            AutoEscape::Custom("markdown".into())
        } else {
            minijinja::default_auto_escape_callback(name)
        }
    });
    env.add_filter("urlpath", url_path);
    // schema.org Event data of a meeting view, for a <script type="application/ld+json">.
    env.add_filter("json_ld", |meeting: minijinja::Value| {
        let json = serde_json::to_value(&meeting).unwrap_or_default();
        minijinja::Value::from_safe_string(crate::render::view::jsonld::event(&json))
    });
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Custom(name) if name == "markdown") {
            if value.is_none() || value.is_undefined() {
                return Ok(());
            }
            if value.is_safe() {
                return out
                    .write_str(&value.to_string())
                    .map_err(minijinja::Error::from);
            }
            return out
                .write_str(&escape_markdown(&value.to_string()))
                .map_err(minijinja::Error::from);
        }
        minijinja::escape_formatter(out, state, value)
    });
    let mut diags = Vec::new();
    for (name, file) in templates.files() {
        let name = name.trim_start_matches('/');
        if !name.ends_with(".j2") {
            continue;
        }
        let text = String::from_utf8_lossy(&file.bytes).into_owned();
        if let Err(e) = env.add_template_owned(name.to_owned(), text.clone()) {
            diags.push(jinja_diagnostic(&e, &file.origin, &text));
        }
    }
    (env, diags)
}

/// A relative path as a URL: each byte outside the unreserved set percent-encoded, `/` kept,
/// so a document named `draft #1?.txt` still links to itself.
pub fn url_path(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Markdown-significant characters as entities or backslash escapes. A value may land at the
/// start of a line, so nothing at its start may open a block either: leading blanks (an
/// indented code block) are dropped, and a fence (`~~~`, backticks), a list marker, a rule or
/// a setext underline is escaped; headings (`#`), tables (`|`), quotes (`>`) and HTML blocks
/// (`<`) are already escaped everywhere. Line breaks become spaces, so a value is one line.
pub fn escape_markdown(text: &str) -> String {
    // Whitespace first: "1.\tFirst" (a numbered list pasted from Word) must be seen as "1. ".
    let flat = text.replace(['\t', '\r', '\n'], " ");
    let text = flat.trim_start();
    let mut out = String::with_capacity(text.len() + 1);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = &text[digits..];
    let list_number = digits > 0
        && (rest.starts_with('.') || rest.starts_with(')'))
        && rest[1..].chars().next().is_none_or(|c| c == ' ');
    if list_number {
        out.push_str(&text[..digits]);
        out.push('\\');
        return out + &escape_markdown_inline(rest);
    }
    // (`*` is escaped by the inline pass like everywhere else.)
    let marker = ["-", "+"].iter().any(|m| {
        text.strip_prefix(m)
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    });
    if marker || ["---", "===", "~", "="].iter().any(|m| text.starts_with(m)) {
        out.push('\\');
    }
    out + &escape_markdown_inline(text)
}

fn escape_markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Renders one minijinja template over the follow-up report.
pub fn render_jinja(
    renderer: &Renderer,
    name: &str,
    data: &FollowUp,
) -> Result<Vec<u8>, Diagnostic> {
    render_template(renderer, name, Value::from(minijinja::value::Serde(data)))
}

/// Renders one minijinja template over any data.
pub fn render_template(
    renderer: &Renderer,
    name: &str,
    data: Value,
) -> Result<Vec<u8>, Diagnostic> {
    let origin = renderer.templates.origin(name).unwrap_or(name).to_owned();
    let text = renderer.templates.text(name).unwrap_or_default();
    let template = renderer
        .jinja
        .get_template(name)
        .map_err(|e| jinja_diagnostic(&e, &origin, text))?;
    let mut out = template
        .render(data)
        .map_err(|e| jinja_diagnostic(&e, &origin, text))?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out.into_bytes())
}

fn jinja_diagnostic(e: &minijinja::Error, origin: &str, text: &str) -> Diagnostic {
    let line = e.line().map_or(0, |l| u32::try_from(l).unwrap_or(u32::MAX));
    let col = e
        .range()
        .and_then(|r| text.get(..r.start))
        .map_or(1, |before| {
            before.rsplit('\n').next().unwrap_or("").chars().count() + 1
        });
    let message = match e.detail() {
        Some(detail) => format!("{}: {detail}", e.kind()),
        None => e.kind().to_string(),
    };
    Diagnostic::new(
        Rule::TemplateError,
        Path::new(origin),
        Pos::new(line, u32::try_from(col).unwrap_or(1)),
        message,
    )
    .hint("fix the template, or remove the override to use docket's default")
}

/// Renders `follow-up.pdf` through typst.
pub fn render_pdf(
    engine: &pdf::Engine,
    data: &FollowUp,
    timestamp: jiff::Timestamp,
    archival: bool,
) -> (Option<Vec<u8>>, Vec<Diagnostic>) {
    let mut bytes = serde_json::to_vec(data).unwrap_or_default();
    bytes.push(b'\n');
    let job = PdfJob {
        main: "/follow-up.typ",
        data: bytes,
        ident: format!("docket/{}/follow-up", data.meeting.id),
        timestamp,
        archival,
    };
    pdf::render(engine, &job)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_urls_and_markdown_stays_text() {
        assert_eq!(
            url_path("meetings/x/inputs/draft #1?.txt"),
            "meetings/x/inputs/draft%20%231%3F.txt"
        );
        assert_eq!(url_path("inputs/é.pdf"), "inputs/%C3%A9.pdf");
        assert_eq!(
            escape_markdown("<b>*x*</b> | [a](b) & c"),
            "&lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\[a\\](b) &amp; c"
        );
    }

    /// Each block construct planted at the start of a value (and so of a line) stays text:
    /// after escaping, the line starts with a backslash, an entity or a plain character.
    #[test]
    fn no_value_opens_a_block_at_a_line_start() {
        let planted = [
            "~~~ fenced",
            "```rust",
            "\tindented code",
            "    indented code",
            "# heading",
            "## heading",
            "- item",
            "+ item",
            "* item",
            "1. item",
            "2) item",
            "---",
            "===",
            "| a | b |",
            "> quote",
            "<div>html</div>",
            "<!-- c -->",
            "\r\n~~~",
            "=",
        ];
        for text in planted {
            let out = escape_markdown(text);
            let first = out.chars().next().unwrap();
            let safe_start = first == '\\'
                || out.starts_with("&lt;")
                || out.starts_with("&gt;")
                || (first.is_ascii_digit() && out.contains("\\"))
                || (first.is_alphanumeric() && !out.starts_with(char::is_whitespace));
            assert!(safe_start, "{text:?} became {out:?}");
            assert!(!out.contains(['\n', '\r', '\t']), "{out:?} is one line");
            assert!(!out.starts_with(' '), "{out:?}");
        }
    }
}
