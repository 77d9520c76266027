//! Writing artifacts: the only stage that writes files.
//!
//! Each file is written to a temporary file in its destination folder and renamed into place, so
//! a reader (or a crash) never sees half a file. A meeting's folder is written whole into a
//! staging folder and exchanged with the old one in one step ([`replace_dir`]), so it is never
//! a mix of two builds. Temporaries carry the `.docket-` prefix; a killed run's leftovers are
//! swept by the next one ([`sweep_stale`]), which holds the output folder's lock ([`lock`]) so
//! it never sweeps a running build's files.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::render::Artifact;

/// Writes `bytes` to `path` atomically, creating parent folders. Returns whether it changed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    // Compare only with a regular file of the same size: a FIFO or device at the path is
    // never opened (it would block or never end); the rename below replaces it.
    let same_size =
        std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
    if same_size && std::fs::read(path).is_ok_and(|old| old == bytes) {
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
/// fresh sibling folder first, then exchanged with the old one in one atomic step, so a kill
/// at any moment leaves either the old or the new folder complete under its name. Returns the
/// paths written.
pub fn replace_dir(dir: &Path, artifacts: &[Artifact]) -> std::io::Result<Vec<PathBuf>> {
    let parent = parent_of(dir);
    std::fs::create_dir_all(parent)?;
    let staging = tempfile::Builder::new()
        .prefix(".docket-new-")
        .tempdir_in(parent)?;
    fill_staging(staging.path(), artifacts)?;
    swap_in(staging, dir)?;
    Ok(artifacts.iter().map(|a| dir.join(&a.rel_path)).collect())
}

/// Writes `artifacts` into the fresh staging folder `dir` and makes them durable. No file
/// there is visible under its final name until the folder is swapped in, so each is written
/// in place rather than through a temporary and a rename (two fewer metadata updates a
/// file). Files are written a batch at a time before any of the batch is synced, so that one
/// journal commit of the file system can cover several of them, and a year's record of
/// thousands of files never holds more than a batch open. Every folder is synced too, so that
/// its entries are durable before the whole is swapped in. A path given twice keeps its last
/// bytes, as a rename over it would.
fn fill_staging(dir: &Path, artifacts: &[Artifact]) -> std::io::Result<()> {
    const BATCH: usize = 64;
    let mut folders = std::collections::BTreeSet::from([dir.to_path_buf()]);
    for batch in artifacts.chunks(BATCH) {
        let mut files = Vec::with_capacity(batch.len());
        for a in batch {
            let path = dir.join(&a.rel_path);
            let parent = parent_of(&path);
            if !folders.contains(parent) {
                std::fs::create_dir_all(parent)?;
                folders.extend(
                    parent
                        .ancestors()
                        .filter(|p| p.starts_with(dir))
                        .map(Path::to_path_buf),
                );
            }
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(&path)?;
            file.write_all(&a.bytes)?;
            files.push(file);
        }
        for file in &files {
            file.sync_all()?;
        }
    }
    for folder in &folders {
        std::fs::File::open(folder)?.sync_all()?;
    }
    Ok(())
}

/// Puts the folder `staging` in place of `dir`. After an exchange the staging guard holds the
/// old content and deletes it; a kill before that leaves a `.docket-new-*` folder for
/// [`sweep_stale`].
fn swap_in(staging: tempfile::TempDir, dir: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(dir) {
        Err(_) => {
            std::fs::rename(staging.path(), dir)?;
            let _ = staging.keep();
            return Ok(());
        }
        // A file or a link where the folder goes is not docket's to replace: report it.
        Ok(m) if !m.is_dir() => {
            return Err(std::io::Error::other(
                "something that is not a folder is in the way (a file or a link); move it aside",
            ));
        }
        Ok(_) => {}
    }
    if exchange(staging.path(), dir).is_ok() {
        // `staging` now names the old content; dropping the guard removes it.
        return Ok(());
    }
    // No atomic exchange on this file system: move the old folder aside, then the new one in.
    // The aside folder is named after its target, so that a kill between the two renames is
    // repaired by the next run's sweep (the old content goes back under its name) instead of
    // losing both.
    let parent = parent_of(dir);
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let old = tempfile::Builder::new()
        .prefix(&format!(".docket-old-{name}."))
        .tempdir_in(parent)?;
    std::fs::rename(dir, old.path().join("content"))?;
    if let Err(e) = std::fs::rename(staging.path(), dir) {
        if std::fs::rename(old.path().join("content"), dir).is_err() {
            // Keep the old content where it is rather than let the guard delete it.
            let _ = old.keep();
        }
        return Err(e);
    }
    let _ = staging.keep();
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Removes what killed runs left in `dir`: `.docket-*.tmp` files and `.docket-new-*` /
/// `.docket-old-*` folders. Call it with the output folder's [`lock`] held. Returns how many
/// entries were removed.
pub fn sweep_stale(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if kind.is_dir() && name.starts_with(".docket-old-") {
            restore_aside(dir, &name, &path);
        }
        let gone = if kind.is_dir()
            && (name.starts_with(".docket-new-") || name.starts_with(".docket-old-"))
        {
            std::fs::remove_dir_all(&path).is_ok()
        } else if !kind.is_dir() && name.starts_with(".docket-") && name.ends_with(".tmp") {
            std::fs::remove_file(&path).is_ok()
        } else {
            false
        };
        removed += usize::from(gone);
    }
    removed
}

/// A `.docket-old-<target>.<random>/content` left by a kill between the two renames of the
/// fallback swap: if `<target>` is missing, the old content goes back under its name.
fn restore_aside(dir: &Path, name: &str, aside: &Path) {
    let Some(target) = name
        .strip_prefix(".docket-old-")
        .and_then(|rest| rest.rsplit_once('.'))
        .map(|(target, _)| target)
        .filter(|t| !t.is_empty() && !t.contains(['/', '\\']))
    else {
        return;
    };
    let content = aside.join("content");
    let dest = dir.join(target);
    if content.is_dir() && std::fs::symlink_metadata(&dest).is_err() {
        let _ = std::fs::rename(&content, &dest);
    }
}

/// An exclusive lock on an output folder, held while a build or archive writes into it, so
/// two runs never interleave their writes or sweep each other's temporaries. Released on drop
/// (and by the kernel when the process dies).
#[derive(Debug)]
pub struct OutputLock {
    _file: std::fs::File,
}

/// Takes the lock of the output folder `out` (creating it), waiting for another run to end.
pub fn lock(out: &Path) -> std::io::Result<OutputLock> {
    std::fs::create_dir_all(out)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(out.join(".docket.lock"))?;
    rustix::fs::flock(&file, rustix::fs::FlockOperation::LockExclusive)
        .map_err(std::io::Error::from)?;
    Ok(OutputLock { _file: file })
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
    fn a_folder_of_more_files_than_a_batch_with_a_path_given_twice() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("record");
        // Nested folders, more files than one batch holds open, and one path twice (a
        // meeting that lists an input document on two days): the last bytes win.
        let mut many: Vec<Artifact> = (0..200)
            .map(|i| Artifact {
                rel_path: format!("d{}/e/{i}.txt", i % 3).into(),
                bytes: b"x".to_vec(),
            })
            .collect();
        many.push(Artifact {
            rel_path: "d0/e/0.txt".into(),
            bytes: b"last".to_vec(),
        });
        replace_dir(&dir, &many).unwrap();
        assert_eq!(std::fs::read(dir.join("d0/e/0.txt")).unwrap(), b"last");
        assert_eq!(std::fs::read(dir.join("d1/e/199.txt")).unwrap(), b"x");
        assert_eq!(
            walkdir::WalkDir::new(&dir)
                .into_iter()
                .filter(|e| e.as_ref().unwrap().file_type().is_file())
                .count(),
            200
        );
    }

    #[test]
    fn a_kill_between_the_fallback_renames_is_repaired_by_the_sweep() {
        let root = tempfile::tempdir().unwrap();
        let p = root.path();
        // As the fallback leaves it after a kill: the old folder aside, the new one staged.
        std::fs::create_dir_all(p.join(".docket-old-meeting-a.x1Y2z3/content")).unwrap();
        std::fs::write(
            p.join(".docket-old-meeting-a.x1Y2z3/content/agenda.pdf"),
            "old",
        )
        .unwrap();
        std::fs::create_dir_all(p.join(".docket-new-abc")).unwrap();
        sweep_stale(p);
        assert_eq!(
            std::fs::read(p.join("meeting-a/agenda.pdf")).unwrap(),
            b"old"
        );
        let names: Vec<_> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["meeting-a"]);
    }

    #[test]
    fn stale_temporaries_of_killed_runs_are_swept() {
        let root = tempfile::tempdir().unwrap();
        let p = root.path();
        std::fs::write(p.join(".docket-abc.tmp"), "x").unwrap();
        std::fs::create_dir_all(p.join(".docket-new-1/x")).unwrap();
        std::fs::create_dir_all(p.join(".docket-old-2")).unwrap();
        std::fs::create_dir_all(p.join("meeting")).unwrap();
        std::fs::write(p.join(".docket.lock"), "").unwrap();
        assert_eq!(sweep_stale(p), 3);
        let mut names: Vec<_> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, [".docket.lock", "meeting"]);
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
