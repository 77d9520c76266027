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

/// Writes `artifacts` (paths relative to `dir`) as the whole new content of `dir`: into a
/// fresh sibling folder first, then swapped into place, so the folder never holds a mix of two
/// runs and a failure leaves the old one as it was. Returns the paths written.
pub fn replace_dir(dir: &Path, artifacts: &[Artifact]) -> std::io::Result<Vec<PathBuf>> {
    let parent = parent_of(dir);
    std::fs::create_dir_all(parent)?;
    let staging = tempfile::Builder::new()
        .prefix(".docket-new-")
        .tempdir_in(parent)?;
    write_all(staging.path(), artifacts)?;
    let old = parent.join(format!(".docket-old-{}", std::process::id()));
    let had_old = dir.exists();
    if had_old {
        std::fs::rename(dir, &old)?;
    }
    if let Err(e) = std::fs::rename(staging.path(), dir) {
        if had_old {
            std::fs::rename(&old, dir)?;
        }
        return Err(e);
    }
    // The staging folder is now `dir`; make sure its guard does not delete it.
    let _ = staging.keep();
    if had_old {
        std::fs::remove_dir_all(&old)?;
    }
    Ok(artifacts.iter().map(|a| dir.join(&a.rel_path)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_a_folder_leaves_nothing_of_the_old_run() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("archive/2024");
        let art = |p: &str, b: &[u8]| Artifact {
            rel_path: p.into(),
            bytes: b.to_vec(),
        };
        replace_dir(&dir, &[art("a.txt", b"1"), art("sub/old.txt", b"2")]).unwrap();
        replace_dir(&dir, &[art("a.txt", b"3")]).unwrap();
        assert_eq!(std::fs::read(dir.join("a.txt")).unwrap(), b"3");
        assert!(!dir.join("sub/old.txt").exists());
        let names: Vec<_> = std::fs::read_dir(root.path().join("archive"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["2024"], "no staging or old folders left behind");
    }

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
