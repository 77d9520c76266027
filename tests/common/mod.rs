//! Helpers shared by the integration tests: run the real binary, copy fixtures.
#![allow(dead_code, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder.
pub(crate) fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Runs `docket args...` in `cwd` with no colour and no SOURCE_DATE_EPOCH.
pub(crate) fn docket(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docket"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run docket")
}

/// Stderr as text.
pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Copies a folder tree.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A temp folder holding a copy of the example meetings as `meetings/`.
pub(crate) fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("meetings"), &dir.path().join("meetings"));
    dir
}

/// Text of a PDF through poppler's pdftotext (installed by .ci/run).
pub(crate) fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect(
            "pdftotext (poppler-utils) is needed by the PDF tests: apt-get install poppler-utils",
        );
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).unwrap()
}

/// Folds runs of whitespace (including non-breaking spaces) to one space.
pub(crate) fn fold(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `str::replace` that fails the test when the pattern is absent, so an edit of a fixture can
/// never silently do nothing (and leave a test that cannot fail).
pub(crate) trait MustReplace {
    /// Replaces every `from` with `to`; panics if there is none.
    fn must_replace(&self, from: &str, to: &str) -> String;
}

impl MustReplace for str {
    fn must_replace(&self, from: &str, to: &str) -> String {
        assert!(self.contains(from), "fixture edit: `{from}` not found");
        self.replace(from, to)
    }
}

impl MustReplace for String {
    fn must_replace(&self, from: &str, to: &str) -> String {
        self.as_str().must_replace(from, to)
    }
}

/// A copy of the clean fixture (meeting `geneva-day`), with `from` replaced by `to` in its
/// meeting.yaml.
pub(crate) fn clean_copy_with(from: &str, to: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("clean"), dir.path());
    let file = dir.path().join("meetings/geneva-day/meeting.yaml");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .must_replace(from, to);
    std::fs::write(&file, text).unwrap();
    dir
}

/// A copy of the clean fixture whose opening session has `items` as its items, each written
/// as a YAML double-quoted string (JSON escapes), so any text reaches the model unchanged.
pub(crate) fn clean_copy_with_items(items: &[&str]) -> tempfile::TempDir {
    let quoted: Vec<String> = items
        .iter()
        .map(|i| serde_json::to_string(i).unwrap())
        .collect();
    clean_copy_with(
        "items: [Welcome from MAG Chair, Adoption of agenda]",
        &format!("items: [{}]", quoted.join(", ")),
    )
}

/// Runs a Python script with `args`; `None` when python3 or one of the packages it imports is
/// missing (exit 3), so the test can say it skipped. `.ci/run` installs the packages.
pub(crate) fn python(script: &str, args: &[&Path]) -> Option<String> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .ok()?;
    match out.status.code() {
        Some(0) => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Some(3) => None,
        _ => panic!("python failed: {}", String::from_utf8_lossy(&out.stderr)),
    }
}

/// The errors of `instance` against a JSON Schema (draft 2020-12), with Python's reference
/// implementation `jsonschema` (PyPI); `None` when it is not installed. docket keeps no Rust
/// dev-dependency for this: one would be compiled again after `cargo run --release` (#16).
pub(crate) fn schema_errors(
    schema: &serde_json::Value,
    instance: &serde_json::Value,
) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let (s, i) = (
        dir.path().join("schema.json"),
        dir.path().join("instance.json"),
    );
    std::fs::write(&s, serde_json::to_vec(schema).unwrap()).unwrap();
    std::fs::write(&i, serde_json::to_vec(instance).unwrap()).unwrap();
    let script = "import json, sys\n\
        try:\n    import jsonschema\nexcept ImportError:\n    sys.exit(3)\n\
        schema = json.load(open(sys.argv[1])); instance = json.load(open(sys.argv[2]))\n\
        jsonschema.Draft202012Validator.check_schema(schema)\n\
        v = jsonschema.Draft202012Validator(schema)\n\
        print(json.dumps([e.message for e in v.iter_errors(instance)]))\n";
    let out = python(script, &[&s, &i])?;
    Some(serde_json::from_str(&out).unwrap())
}

/// Asserts `instance` fits `schema`; says so on stderr when the validator is not installed.
pub(crate) fn assert_fits(schema: &serde_json::Value, instance: &serde_json::Value, what: &str) {
    match schema_errors(schema, instance) {
        Some(errors) => assert!(errors.is_empty(), "{what}: {errors:?}"),
        None => eprintln!("skipped schema validation of {what}: `pip install jsonschema`"),
    }
}

/// The events of an iCalendar file as parsed by Python's `icalendar` (PyPI), each a map of
/// property name to its value as written; `None` when it is not installed.
pub(crate) fn ics_events(file: &Path) -> Option<Vec<std::collections::BTreeMap<String, String>>> {
    let script = "import json, sys\n\
        try:\n    import icalendar\nexcept ImportError:\n    sys.exit(3)\n\
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
        events = []\n\
        for e in cal.walk('VEVENT'):\n\
        \x20   events.append({k: v.to_ical().decode() for k, v in e.property_items(recursive=False) if k != 'BEGIN' and k != 'END'})\n\
        print(json.dumps(events))\n";
    let out = python(script, &[file])?;
    Some(serde_json::from_str(&out).unwrap())
}

/// `n` meetings below `dir/meetings`: the reference meeting and the virtual example with their
/// outcomes and input documents, alternately, under varied ids (`m0000-<example>`, ...).
pub(crate) fn many_meetings(dir: &Path, n: usize) {
    for i in 0..n {
        let name = if i % 2 == 0 {
            "igf-2024-mag-virtual-example"
        } else {
            "igf-2024-oc2-mag"
        };
        let id = format!("m{i:04}-{name}");
        let to = dir.join("meetings").join(&id);
        copy_dir(&root().join("meetings").join(name), &to);
        for file in ["meeting.yaml", "outcomes.yaml"] {
            let path = to.join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains(name));
            std::fs::write(&path, text.replace(name, &id)).unwrap();
        }
    }
}

/// Every `.docket-*` temporary or leftover below `dir` (the stamps and the build index excepted).
pub(crate) fn leftovers(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| {
            let n = e.file_name().to_string_lossy();
            n.starts_with(".docket-")
                && ![".docket-stamp.json", ".docket-index.json"].contains(&n.as_ref())
        })
        .map(|e| e.path().to_path_buf())
        .collect()
}

/// Every file below `dir` with its bytes (the output lock excepted).
pub(crate) fn contents(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".docket.lock")
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Every paragraph and table cell text of a Word file as python-docx reads it; `None` when
/// python-docx is not installed (`.ci/run` installs it).
pub(crate) fn docx_texts(docx: &Path) -> Option<Vec<String>> {
    let script = "import json, sys\n\
        try:\n    import docx\nexcept ImportError:\n    sys.exit(3)\n\
        d = docx.Document(sys.argv[1])\n\
        out = [p.text for p in d.paragraphs]\n\
        for t in d.tables:\n    for r in t.rows:\n        for c in r.cells:\n            out += [p.text for p in c.paragraphs]\n\
        print(json.dumps(out))\n";
    let out = python(script, &[docx])?;
    Some(serde_json::from_str(&out).unwrap())
}

/// A headless browser, if one is installed (`.ci/run` installs chromium).
pub(crate) fn browser() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// The DOM of `url` after its scripts ran, in headless `browser` with a profile in `profile`.
pub(crate) fn dump_dom(browser: &str, profile: &Path, url: &str) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
        ])
        .args([
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--virtual-time-budget=2000", "--dump-dom"])
        .arg(url)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A file's text; the test fails naming the file when it cannot be read.
pub(crate) fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path.as_ref())
        .unwrap_or_else(|e| panic!("{}: {e}", path.as_ref().display()))
}

/// LibreOffice, if installed (`.ci/run` installs Writer and Calc).
pub(crate) fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Converts `file` headless with LibreOffice (`args` such as `--convert-to pdf`) into `outdir`,
/// with a profile of its own under `outdir`; the test fails when LibreOffice does.
pub(crate) fn soffice_convert(soffice: &str, args: &[&str], file: &Path, outdir: &Path) {
    let out = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            outdir.join(".profile").display()
        ))
        .arg("--headless")
        .args(args)
        .arg("--outdir")
        .arg(outdir)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
