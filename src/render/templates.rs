//! Template files: the defaults in `templates/` are embedded in the binary, and a user's
//! `--templates DIR` replaces them file by file (as mdBook themes do).

use std::collections::BTreeMap;

/// One template file and where it came from (shown in diagnostics).
#[derive(Clone, Debug)]
pub struct TemplateFile {
    /// Contents.
    pub bytes: Vec<u8>,
    /// `templates/agenda.typ` for a default, the real path for an override.
    pub origin: String,
}

/// The template set, keyed by root path (`/agenda.typ`).
#[derive(Clone, Debug)]
pub struct Templates {
    files: BTreeMap<String, TemplateFile>,
}

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../templates/", $name)) as &[u8]),)*]
    };
}

/// The default templates, compiled in.
const EMBEDDED: &[(&str, &[u8])] = embedded![
    "agenda.typ",
    "style.typ",
    "follow-up.typ",
    "follow-up.html.j2",
    "follow-up.md.j2",
    "record.typ",
    "index.html.j2",
    "locales/ar.ftl",
    "locales/en.ftl",
    "locales/es.ftl",
    "locales/fr.ftl",
    "locales/ru.ftl",
    "locales/zh.ftl",
];

impl Templates {
    /// The embedded defaults.
    pub fn embedded() -> Self {
        let files = EMBEDDED
            .iter()
            .map(|(name, bytes)| {
                (
                    format!("/{name}"),
                    TemplateFile {
                        bytes: bytes.to_vec(),
                        origin: format!("templates/{name}"),
                    },
                )
            })
            .collect();
        Self { files }
    }

    /// The defaults with `overrides` (name relative to the templates folder, bytes, origin) on top.
    pub fn with_overrides(mut self, overrides: Vec<(String, Vec<u8>, String)>) -> Self {
        for (name, bytes, origin) in overrides {
            self.files.insert(
                format!("/{}", name.trim_start_matches('/')),
                TemplateFile { bytes, origin },
            );
        }
        self
    }

    /// Every file, by root path.
    pub fn files(&self) -> impl Iterator<Item = (&str, &TemplateFile)> {
        self.files.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Where a file came from, for diagnostics.
    pub fn origin(&self, name: &str) -> Option<&str> {
        Some(self.files.get(&format!("/{name}"))?.origin.as_str())
    }

    /// One file's text, if present and UTF-8.
    pub fn text(&self, name: &str) -> Option<&str> {
        std::str::from_utf8(&self.files.get(&format!("/{name}"))?.bytes).ok()
    }
}
