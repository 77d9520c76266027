//! Gives the binary a build id: a hash of its sources, templates and locked dependencies.
//!
//! Build keys and the build index must change when docket's code does, not only when its
//! version number does (it stays 0.1.0 across many changes): a new rule or renderer has to
//! check and render every meeting again. The id is a hash of file contents, so the same
//! sources give the same id on every machine.

use std::path::{Path, PathBuf};

fn main() {
    let mut files = Vec::new();
    for root in ["src", "templates"] {
        collect(Path::new(root), &mut files);
        println!("cargo:rerun-if-changed={root}");
    }
    files.push(PathBuf::from("Cargo.lock"));
    println!("cargo:rerun-if-changed=Cargo.lock");
    files.sort();
    // FNV-1a, 64 bits: enough to tell builds apart, and needs no dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for file in &files {
        let name = file.to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(file).unwrap_or_default();
        eat(&(name.len() as u64).to_le_bytes());
        eat(name.as_bytes());
        eat(&(bytes.len() as u64).to_le_bytes());
        eat(&bytes);
    }
    println!("cargo:rustc-env=DOCKET_BUILD_ID={hash:016x}");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
