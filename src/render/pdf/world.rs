//! `DocWorld`: the only files a typst template can see.
//!
//! typst reaches files, fonts and the clock only through the `World` trait, so this world is the
//! sandbox: it serves the template files (embedded or overridden) and one virtual
//! `/data.json` with the document's data, and nothing else; there is no path to the disk,
//! no package download, and `today()` is a fixed date. The expensive parts (the standard
//! library, the font index, parsed template sources) live in [`Engine`], built once per run and
//! shared by every document.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

use crate::render::templates::Templates;

/// Where the document's data appears to templates: `json("/data.json")`.
pub const DATA_PATH: &str = "/data.json";

/// What every document of a run shares: library, fonts and template sources.
pub struct Engine {
    library: LazyHash<Library>,
    fonts: FontStore,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    names: HashMap<FileId, String>,
}

impl Engine {
    /// Indexes the fonts and parses the templates once.
    pub fn new(templates: &Templates, fonts: FontStore) -> Self {
        let mut sources = HashMap::new();
        let mut files = HashMap::new();
        let mut names = HashMap::new();
        for (name, file) in templates.files() {
            let Some(id) = file_id(name) else { continue };
            names.insert(id, file.origin.clone());
            if name.ends_with(".typ") {
                let text = String::from_utf8_lossy(&file.bytes).into_owned();
                sources.insert(id, Source::new(id, text));
            }
            files.insert(id, Bytes::new(file.bytes.clone()));
        }
        Self {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            sources,
            files,
            names,
        }
    }

    /// The font index, for glyph coverage checks.
    pub fn book(&self) -> &FontBook {
        self.fonts.book()
    }

    /// The name a user knows a template file by (`templates/agenda.typ` or their override).
    pub fn name(&self, id: FileId) -> Option<&str> {
        self.names.get(&id).map(String::as_str)
    }

    /// A source by id, for mapping diagnostics to lines.
    pub fn source(&self, id: FileId) -> Option<&Source> {
        self.sources.get(&id)
    }
}

/// The file id of a template-root path such as `/agenda.typ`.
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

/// One document's world: the shared engine plus this document's main file and data.
pub struct DocWorld<'a> {
    engine: &'a Engine,
    main: FileId,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
}

impl<'a> DocWorld<'a> {
    /// A world compiling `main` (a template path such as `/agenda.typ`) over `data`.
    pub fn new(engine: &'a Engine, main: FileId, data: Vec<u8>, today: Datetime) -> Option<Self> {
        Some(Self {
            engine,
            main,
            data_id: file_id(DATA_PATH)?,
            data: Bytes::new(data),
            today,
        })
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.engine.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.engine
            .sources
            .get(&id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        self.engine
            .files
            .get(&id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_with_slash().to_string().into())
}
