//! Looking at attached input documents without trusting their paths.
//!
//! A path in `meeting.yaml` is data typed by a person, so it may be absolute, climb out with
//! `..`, or point at a link that leaves the folder. Such paths are refused before anything is
//! opened; the rest are resolved and must still land inside the meeting folder.

use std::path::{Component, Path, PathBuf};

/// What the loader found for one input document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFact {
    /// The path as written in `meeting.yaml`.
    pub written: String,
    /// What is there.
    pub status: InputStatus,
}

/// The state of an input document on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputStatus {
    /// A readable, non-empty file inside the meeting folder.
    Ok {
        /// Resolved path.
        path: PathBuf,
        /// The path relative to the meeting folder, without `.` components.
        rel: PathBuf,
        /// Size in bytes.
        size: u64,
        /// SHA-256 of the contents, lowercase hex (hashed by streaming, never loaded whole):
        /// part of a meeting's build key and of the archive's manifest.
        sha256: String,
    },
    /// Absolute, `..`, or a link that resolves outside the meeting folder.
    Escapes,
    /// Nothing there (or not a file).
    Missing,
    /// A file of zero bytes.
    Empty,
}

/// Looks at `written`, a path relative to the meeting folder `dir`.
pub(super) fn inspect(dir: &Path, written: &str) -> InputFact {
    let fact = |status| InputFact {
        written: written.to_owned(),
        status,
    };
    let rel = Path::new(written);
    let lexically_inside = !written.is_empty()
        && !written.contains('\\')
        && rel
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !lexically_inside {
        return fact(InputStatus::Escapes);
    }
    let path = dir.join(rel);
    let (Ok(real), Ok(real_dir)) = (path.canonicalize(), dir.canonicalize()) else {
        // A dangling link or a missing file: nothing to read either way.
        return fact(InputStatus::Missing);
    };
    if !real.starts_with(&real_dir) {
        return fact(InputStatus::Escapes);
    }
    match std::fs::metadata(&real) {
        Ok(m) if m.is_file() && m.len() == 0 => fact(InputStatus::Empty),
        // Only a regular file is opened: a FIFO or device would block or never end.
        Ok(m) if m.is_file() => {
            let rel = rel
                .components()
                .filter(|c| matches!(c, Component::Normal(_)))
                .collect();
            match super::safe::sha256_file(&real) {
                Ok(sha256) => fact(InputStatus::Ok {
                    path,
                    rel,
                    size: m.len(),
                    sha256,
                }),
                Err(_) => fact(InputStatus::Missing),
            }
        }
        _ => fact(InputStatus::Missing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_folder_are_refused_unopened() {
        let dir = tempfile::tempdir().unwrap();
        for written in [
            "../../etc/passwd",
            "/etc/passwd",
            "inputs/../../x",
            "",
            "a\\b",
        ] {
            assert_eq!(
                inspect(dir.path(), written).status,
                InputStatus::Escapes,
                "{written}"
            );
        }
    }

    #[test]
    fn files_are_found_missing_or_empty() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("inputs")).unwrap();
        std::fs::write(dir.path().join("inputs/a.txt"), "x").unwrap();
        std::fs::write(dir.path().join("inputs/empty.txt"), "").unwrap();
        assert!(matches!(
            inspect(dir.path(), "inputs/a.txt").status,
            InputStatus::Ok { size: 1, .. }
        ));
        assert_eq!(
            inspect(dir.path(), "inputs/empty.txt").status,
            InputStatus::Empty
        );
        assert_eq!(
            inspect(dir.path(), "inputs/none.txt").status,
            InputStatus::Missing
        );
        assert_eq!(inspect(dir.path(), "inputs").status, InputStatus::Missing);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_that_leaves_the_folder_is_refused() {
        let outside = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(outside.path(), "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("link.txt")).unwrap();
        assert_eq!(inspect(dir.path(), "link.txt").status, InputStatus::Escapes);
    }
}
