//! Languages and translations: every issued language is a usable tag with its translation
//! file, and every text of the meeting and its outcomes has a translation in each. A missing
//! one is a warning at the text's own line (an error with `--final`): documents would print
//! it marked untranslated. A translation whose source text is gone is reported too.

use std::path::Path;

use crate::diag::{Diagnostic, Rule, Severity};
use crate::load::{LoadedMeeting, LoadedTranslation};
use crate::model::Pos;
use crate::model::translation::{self, Localizer, Lookup, localize_meeting, localize_outcomes};

use super::CheckOptions;

/// Diagnostics for the meeting's `languages` and its translation files.
pub(crate) fn check(m: &LoadedMeeting, options: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let meeting = &m.meeting;
    let mut bad = |pos: Pos, message: String| {
        out.push(
            Diagnostic::new(Rule::BadLanguage, &m.file, pos, message)
                .hint("write each language once, as a lowercase BCP 47 tag such as `fr`, `zh-hans`, `es-419`"),
        );
    };
    if !translation::is_language_tag(&meeting.language) {
        let message = format!(
            "`language: {}` is not a language tag docket can use",
            meeting.language
        );
        bad(Pos::new(1, 1), message);
    }
    for (i, lang) in meeting.languages.iter().enumerate() {
        let tag = lang.value.as_str();
        if !translation::is_language_tag(tag) {
            bad(
                lang.pos,
                format!("`{tag}` is not a language tag docket can use"),
            );
        } else if meeting.languages[..i].iter().any(|l| l.value == tag) {
            bad(lang.pos, format!("`{tag}` is listed twice"));
        }
    }
    for lang in m.translated_languages() {
        match m.translations.iter().find(|t| t.language == lang) {
            Some(t) => out.extend(one_language(m, t, options)),
            None => {
                out.push(late(
                    options,
                    Diagnostic::new(
                        Rule::MissingTranslation,
                        &m.file,
                        meeting.language_pos(lang),
                        format!(
                            "`{lang}` is issued but {}/{lang}.yaml does not exist: every text prints untranslated",
                            translation::TRANSLATIONS_DIR
                        ),
                    )
                    .hint(format!(
                        "create {}/{lang}.yaml with `language: {lang}` and `texts:` mapping each text to its translation",
                        translation::TRANSLATIONS_DIR
                    )),
                ));
            }
        }
    }
    out
}

fn late(options: &CheckOptions, d: Diagnostic) -> Diagnostic {
    if options.final_ {
        d.severity(Severity::Error)
    } else {
        d
    }
}

fn one_language(
    m: &LoadedMeeting,
    t: &LoadedTranslation,
    options: &CheckOptions,
) -> Vec<Diagnostic> {
    let lang = t.language.as_str();
    let mut out = Vec::new();
    if t.translation.language.value != lang {
        out.push(
            Diagnostic::new(
                Rule::TranslationLanguage,
                &t.file,
                t.translation.language.pos,
                format!(
                    "this file is for `{lang}` (its name) but says `language: {}`",
                    t.translation.language.value
                ),
            )
            .hint(format!("write `language: {lang}`, or rename the file")),
        );
    }
    let mut lookup = Lookup::new(&t.translation.texts);
    out.extend(untranslated(
        &m.file,
        &m.meeting_text,
        lang,
        options,
        &mut lookup,
        |f| {
            localize_meeting(&m.meeting, f);
        },
    ));
    if let Some(o) = &m.outcomes {
        out.extend(untranslated(
            &o.file,
            &o.text,
            lang,
            options,
            &mut lookup,
            |f| {
                localize_outcomes(&o.outcomes, f);
            },
        ));
    }
    for source in t.translation.texts.keys() {
        if !lookup.used.contains(source) {
            let pos = find(&t.text, source, 0).map_or(Pos::new(1, 1), |(p, _)| p);
            out.push(
                Diagnostic::new(
                    Rule::UnusedTranslation,
                    &t.file,
                    pos,
                    format!(
                        "\"{}\" no longer appears in the meeting or its outcomes",
                        short(source)
                    ),
                )
                .hint(
                    "its source text was reworded or removed: update the entry's key, or delete it",
                ),
            );
        }
    }
    out
}

/// One warning per text that `walk` visits and `lookup` cannot translate, at the text's line.
fn untranslated(
    file: &Path,
    source: &str,
    lang: &str,
    options: &CheckOptions,
    lookup: &mut Lookup<'_>,
    walk: impl FnOnce(&mut Localizer<'_>),
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Fields are visited in file order, so each, translated or not, is searched for from the
    // line of the one before: a text that recurs ("MAG Meeting") is placed where this field is.
    let mut cursor = 0;
    walk(&mut |field: &str, text: &str| {
        let found = find(source, text, cursor).or_else(|| find(source, text, 0));
        if let Some((_, line)) = found {
            cursor = line;
        }
        if lookup.get(text).is_none() {
            let pos = found.map_or(Pos::new(1, 1), |(pos, _)| pos);
            out.push(late(
                options,
                Diagnostic::new(
                    Rule::MissingTranslation,
                    file,
                    pos,
                    format!("{field} has no `{lang}` translation: \"{}\"", short(text)),
                )
                .hint(format!(
                    "add it to {}/{lang}.yaml under `texts:`, keyed by the text exactly as written here",
                    translation::TRANSLATIONS_DIR
                )),
            ));
        }
        text.to_owned()
    });
    out
}

/// Where the first line of `text` is in `source`, from line index `from` on, outside comments:
/// its position and line index.
fn find(source: &str, text: &str, from: usize) -> Option<(Pos, usize)> {
    let first: String = text.trim().lines().next()?.chars().take(40).collect();
    let needle = first.trim();
    if needle.is_empty() {
        return None;
    }
    let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    source.lines().enumerate().skip(from).find_map(|(i, line)| {
        // A comment may quote a text (a file's header often names the meeting): not its place.
        if line.trim_start().starts_with('#') {
            return None;
        }
        let col = line.find(needle)?;
        Some((Pos::new(n(i + 1), n(line[..col].chars().count() + 1)), i))
    })
}

fn short(text: &str) -> String {
    let one_line = text.trim().replace('\n', " ");
    if one_line.chars().count() > 60 {
        format!("{}...", one_line.chars().take(57).collect::<String>())
    } else {
        one_line
    }
}
