//! Opening user files without trusting what they are.
//!
//! A path in a meetings folder may be a FIFO (reading it blocks for ever), a device
//! (`/dev/zero` never ends), a folder, or a link to a file elsewhere (whose text would then be
//! echoed in diagnostics). So a file is read only when it is a regular file whose real path
//! stays inside the folder given as its bound, and only up to a size limit. The file is opened
//! non-blocking and checked again through the open handle, so a swap between the check and
//! the open cannot turn the read into a hang.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest `meeting.yaml` or `outcomes.yaml` docket reads (the example is 9 kB).
pub const YAML_LIMIT: u64 = 10 * 1024 * 1024;

/// Why a file was not read, in words for a diagnostic.
#[derive(Debug)]
pub struct Refused {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: &'static str,
}

/// Reads `path`, which must be a regular file inside `bound`, of at most `limit` bytes.
pub fn read_regular(path: &Path, bound: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    let mut file = match open_direct_child(path, bound) {
        Some(file) => file,
        None => open_nonblocking(&real_inside(path, bound)?).map_err(|e| Refused {
            message: format!("cannot read: {e}"),
            hint: "check that the file exists and is readable",
        })?,
    };
    let meta = file.metadata().map_err(|e| Refused {
        message: format!("cannot read: {e}"),
        hint: "check that the file exists and is readable",
    })?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    if meta.len() > limit {
        return Err(too_large(meta.len(), limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may grow while it is read: never take more than the limit.
    (&mut file)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refused {
            message: format!("cannot read: {e}"),
            hint: "check that the file is readable",
        })?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// The real path of `path` if it is, or links to, something inside `bound`.
pub fn real_inside(path: &Path, bound: &Path) -> Result<PathBuf, Refused> {
    let real = path.canonicalize().map_err(|e| Refused {
        message: format!("cannot read: {e}"),
        hint: "check that the file exists (a link must point at an existing file)",
    })?;
    let bound = bound.canonicalize().unwrap_or_else(|_| bound.to_path_buf());
    if !real.starts_with(&bound) {
        return Err(Refused {
            message: format!(
                "this is a link to {}, outside its folder; it was not read",
                real.display()
            ),
            hint: "copy the file into the meeting folder instead of linking to it",
        });
    }
    Ok(real)
}

/// Opens `path` non-blocking and checks through the handle that it is a regular file, so a
/// file swapped for a FIFO after an earlier check is refused, not read for ever.
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let file = open_nonblocking(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    Ok(file)
}

/// The common case without resolving any path: `path` names an entry directly in `bound` (a
/// meeting's own `meeting.yaml`), opened without following a link, so it is inside `bound`
/// whatever `bound` itself resolves to. `None` for anything else (a link, a deeper path, no
/// such file): the caller then resolves the real path and says precisely what is wrong.
fn open_direct_child(path: &Path, bound: &Path) -> Option<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        if path.parent() != Some(bound) {
            return None;
        }
        let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOFOLLOW;
        std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(flags.bits().cast_signed())
            .open(path)
            .ok()
    }
    #[cfg(not(unix))]
    {
        let _ = (path, bound);
        None
    }
}

fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting.
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits().cast_signed());
    }
    options.open(path)
}

fn not_regular(meta: &std::fs::Metadata) -> Refused {
    let what = if meta.is_dir() {
        "a folder"
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let t = meta.file_type();
            if t.is_fifo() {
                "a FIFO (named pipe)"
            } else if t.is_socket() {
                "a socket"
            } else if t.is_char_device() || t.is_block_device() {
                "a device"
            } else {
                "not a regular file"
            }
        }
        #[cfg(not(unix))]
        "not a regular file"
    };
    Refused {
        message: format!("this is {what}, not a regular file; it was not read"),
        hint: "replace it with an ordinary file",
    }
}

fn too_large(size: u64, limit: u64) -> Refused {
    Refused {
        message: format!(
            "the file is {size} bytes, over docket's limit of {limit} bytes; it was not read"
        ),
        hint: "a meeting file this large is not a meeting: split it, or check it is the right file",
    }
}

/// SHA-256 of a file, read in blocks so a large document never sits in memory.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    use sha2::{Digest, Sha256};
    use std::io::Read;

    let mut file = open_regular(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn fifos_folders_and_links_out_are_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.yaml");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::from_raw_mode(0o644),
        )
        .unwrap();
        let started = std::time::Instant::now();
        let e = read_regular(&fifo, dir.path(), YAML_LIMIT).unwrap_err();
        assert!(e.message.contains("FIFO"), "{}", e.message);
        assert!(started.elapsed().as_secs() < 1);

        let e = read_regular(dir.path(), dir.path(), YAML_LIMIT).unwrap_err();
        assert!(e.message.contains("folder"), "{}", e.message);
        let folder = dir.path().join("meeting.yaml");
        std::fs::create_dir(&folder).unwrap();
        let e = read_regular(&folder, dir.path(), YAML_LIMIT).unwrap_err();
        assert!(e.message.contains("folder"), "{}", e.message);

        let outside = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(outside.path(), "secret: first line").unwrap();
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(outside.path(), &link).unwrap();
        let e = read_regular(&link, dir.path(), YAML_LIMIT).unwrap_err();
        assert!(e.message.contains("outside"), "{}", e.message);
        assert!(!e.message.contains("secret"));

        let dev = dir.path().join("zero.yaml");
        std::os::unix::fs::symlink("/dev/zero", &dev).unwrap();
        assert!(read_regular(&dev, dir.path(), YAML_LIMIT).is_err());
    }

    #[test]
    fn regular_files_and_links_inside_are_read_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "id: x\n").unwrap();
        let link = dir.path().join("b.yaml");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert_eq!(read_regular(&link, dir.path(), 100).unwrap(), b"id: x\n");
        let e = read_regular(&file, dir.path(), 3).unwrap_err();
        assert!(e.message.contains("limit"), "{}", e.message);
    }
}
