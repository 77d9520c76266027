//! Writing artifacts: the only stage that writes files.
//!
//! Each file is written to a temporary file in its destination folder and renamed into place, so
//! a reader (or a crash) never sees half a file. A file whose bytes are unchanged is left alone.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::render::Artifact;

/// Writes `bytes` to `path` atomically, creating parent folders. Returns whether it changed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    let parent = parent_of(path);
    std::fs::create_dir_all(parent)?;
    staged(parent, bytes)?.persist(path).map_err(|e| e.error)?;
    Ok(true)
}

/// Writes a new file atomically; fails, leaving everything as it was, if `path` exists.
pub fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    staged(parent_of(path), bytes)?
        .persist_noclobber(path)
        .map_err(|e| e.error)?;
    Ok(())
}

fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `bytes` in a synced temporary file in `dir`, ready to be renamed into place.
fn staged(dir: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".docket-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // Temporary files are created private (0600); outputs are ordinary readable files.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Writes every artifact under `out`; returns the paths written (changed or not).
pub fn write_all(out: &Path, artifacts: &[Artifact]) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::with_capacity(artifacts.len());
    for a in artifacts {
        let path = out.join(&a.rel_path);
        write_atomic(&path, &a.bytes)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/c.txt");
        assert!(write_atomic(&path, b"one").unwrap());
        assert!(!write_atomic(&path, b"one").unwrap());
        assert!(write_atomic(&path, b"two").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["c.txt"]);
    }
}
