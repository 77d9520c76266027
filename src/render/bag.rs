//! The yearly record as a BagIt bag (RFC 8493, BagIt 1.0), the form national and UN archives
//! receive digital records in: the record's files under `data/`, `bagit.txt`, `bag-info.txt`,
//! a SHA-256 payload manifest and a tag manifest, all checked by standard validators
//! (`bagit.py --validate`) as well as `docket verify`.

use super::Artifact;
use super::archive::sha256_hex;

/// The payload folder of a bag.
pub const DATA: &str = "data";
/// The payload manifest.
pub const MANIFEST: &str = "manifest-sha256.txt";
/// The tag manifest.
pub const TAG_MANIFEST: &str = "tagmanifest-sha256.txt";
/// The bag declaration.
pub const DECLARATION: &str = "bagit.txt";
/// The bag's metadata.
pub const INFO: &str = "bag-info.txt";

/// What `bag-info.txt` says about the bag.
#[derive(Clone, Debug)]
pub struct BagInfo {
    /// Who made the records: the meetings' hosts.
    pub source_organization: String,
    /// What the bag holds.
    pub description: String,
    /// From the data (the record's own date), never the clock, so the bag is reproducible.
    pub bagging_date: jiff::civil::Date,
}

/// A path as a manifest writes it: `%`, CR and LF percent-encoded (RFC 8493 2.1.3).
pub fn encode(path: &str) -> String {
    path.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The inverse of [`encode`].
pub fn decode(path: &str) -> String {
    path.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%25", "%")
}

/// Lines of `hash  path`, in path order.
fn manifest<'a>(files: impl IntoIterator<Item = (String, &'a [u8])>) -> Vec<u8> {
    let mut lines: Vec<(String, String)> = files
        .into_iter()
        .map(|(p, b)| (encode(&p), sha256_hex(b)))
        .collect();
    lines.sort();
    lines
        .into_iter()
        .map(|(p, h)| format!("{h}  {p}\n"))
        .collect::<String>()
        .into_bytes()
}

/// "2.4 MB", as bag-info's Bag-Size is read by people.
fn size(bytes: u64) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < units.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", units[unit])
    }
}

/// One `Label: value` line per field; a value's line breaks become indented continuations.
fn info_text(fields: &[(&str, String)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{k}: {}\n", v.trim().replace('\n', "\n  ")))
        .collect()
}

/// The bag of `payload` (paths relative to the payload folder): every file moved under
/// `data/`, then the tag files.
pub fn bag(payload: Vec<Artifact>, info: &BagInfo) -> Vec<Artifact> {
    let mut files: Vec<Artifact> = payload
        .into_iter()
        .map(|a| Artifact {
            rel_path: std::path::Path::new(DATA).join(a.rel_path),
            bytes: a.bytes,
        })
        .collect();
    let octets: u64 = files.iter().map(|a| a.bytes.len() as u64).sum();
    let payload_manifest = manifest(files.iter().map(|a| {
        (
            a.rel_path.to_string_lossy().replace('\\', "/"),
            a.bytes.as_slice(),
        )
    }));
    let declaration = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".to_vec();
    let bag_info = info_text(&[
        ("Source-Organization", info.source_organization.clone()),
        ("External-Description", info.description.clone()),
        ("Bagging-Date", info.bagging_date.to_string()),
        ("Payload-Oxum", format!("{octets}.{}", files.len())),
        ("Bag-Size", size(octets)),
        (
            "Bag-Software-Agent",
            format!("docket {}", env!("CARGO_PKG_VERSION")),
        ),
    ])
    .into_bytes();
    let tag_manifest = manifest([
        (DECLARATION.to_owned(), declaration.as_slice()),
        (INFO.to_owned(), bag_info.as_slice()),
        (MANIFEST.to_owned(), payload_manifest.as_slice()),
    ]);
    for (name, bytes) in [
        (DECLARATION, declaration),
        (INFO, bag_info),
        (MANIFEST, payload_manifest),
        (TAG_MANIFEST, tag_manifest),
    ] {
        files.push(Artifact {
            rel_path: name.into(),
            bytes,
        });
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bag_has_its_tag_files_and_an_oxum() {
        let info = BagInfo {
            source_organization: "IGF Secretariat".into(),
            description: "Yearly record 2024".into(),
            bagging_date: jiff::civil::Date::constant(2024, 6, 28),
        };
        let files = bag(
            vec![Artifact {
                rel_path: "100%.txt".into(),
                bytes: b"abc".to_vec(),
            }],
            &info,
        );
        let text = |name: &str| {
            String::from_utf8(
                files
                    .iter()
                    .find(|a| a.rel_path == std::path::Path::new(name))
                    .unwrap()
                    .bytes
                    .clone(),
            )
            .unwrap()
        };
        assert!(text(MANIFEST).ends_with("  data/100%25.txt\n"));
        assert!(text(INFO).contains("Payload-Oxum: 3.1\n"));
        assert!(text(INFO).contains("Bagging-Date: 2024-06-28\n"));
        assert_eq!(text(TAG_MANIFEST).lines().count(), 3);
        assert_eq!(decode("data/100%25.txt"), "data/100%.txt");
        assert_eq!(size(2_400_000), "2.4 MB");
    }
}
