//! A student's archive (`.zip`, `.tar.gz`, `.tgz`) unpacked into a fresh folder, safely: no path
//! outside it, no links at all, and caps on size and file count, so that a hostile or broken
//! archive is a clear error for that student and never touches anything else.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

/// How much one archive may hold.
#[derive(Debug, Clone, Copy)]
pub struct Caps {
    /// Files (folders not counted).
    pub files: usize,
    /// Bytes of one file, unpacked.
    pub file_bytes: u64,
    /// Bytes of all its files together, unpacked.
    pub total_bytes: u64,
}

impl Default for Caps {
    fn default() -> Self {
        Caps {
            files: 5_000,
            file_bytes: 20 << 20,
            total_bytes: 100 << 20,
        }
    }
}

/// The kinds of archive a submission may be, by its file name.
pub fn kind(name: &str) -> Option<(&str, Kind)> {
    let lower = name.to_ascii_lowercase();
    for (ext, kind) in [
        (".tar.gz", Kind::TarGz),
        (".tgz", Kind::TarGz),
        (".zip", Kind::Zip),
    ] {
        if lower.ends_with(ext) && name.len() > ext.len() {
            return Some((&name[..name.len() - ext.len()], kind));
        }
    }
    None
}

/// An archive format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A zip file.
    Zip,
    /// A gzip-compressed tar file.
    TarGz,
}

/// Unpacks `archive` into the existing, empty folder `into`; the error says what is wrong with
/// the archive, in words for the teacher.
pub fn unpack(archive: &Path, kind: Kind, into: &Path, caps: Caps) -> Result<(), String> {
    let file = File::open(archive).map_err(|e| format!("cannot open the archive: {e}"))?;
    let mut budget = Budget {
        caps,
        files: 0,
        total: 0,
    };
    match kind {
        Kind::Zip => unzip(file, into, &mut budget),
        Kind::TarGz => untar(file, into, &mut budget),
    }
}

struct Budget {
    caps: Caps,
    files: usize,
    total: u64,
}

impl Budget {
    /// Copies one file's bytes to `to`, within the caps.
    fn write(&mut self, name: &str, from: &mut impl Read, to: &Path) -> Result<(), String> {
        self.files += 1;
        if self.files > self.caps.files {
            return Err(format!(
                "more than {} files: unpacking stopped",
                self.caps.files
            ));
        }
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot unpack {name}: {e}"))?;
        }
        let mut out = File::create(to).map_err(|e| format!("cannot unpack {name}: {e}"))?;
        let room = self
            .caps
            .file_bytes
            .min(self.caps.total_bytes.saturating_sub(self.total));
        let mut limited = from.take(room + 1);
        let mut buf = [0u8; 64 * 1024];
        let mut written = 0u64;
        loop {
            let n = limited
                .read(&mut buf)
                .map_err(|e| format!("cannot read {name} from the archive: {e}"))?;
            if n == 0 {
                break;
            }
            written += n as u64;
            if written > room {
                return Err(if room < self.caps.file_bytes {
                    format!(
                        "more than {} MiB unpacked in all: unpacking stopped at {name}",
                        self.caps.total_bytes >> 20
                    )
                } else {
                    format!(
                        "{name} is larger than {} MiB unpacked",
                        self.caps.file_bytes >> 20
                    )
                });
            }
            out.write_all(&buf[..n])
                .map_err(|e| format!("cannot unpack {name}: {e}"))?;
        }
        self.total += written;
        Ok(())
    }
}

/// `name` as a path inside the folder: relative, only plain parts (no `..`, no root, no drive).
fn inside(name: &Path) -> Result<PathBuf, String> {
    let mut out = PathBuf::new();
    for part in name.components() {
        match part {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => {
                return Err(format!(
                    "{} points outside the archive's folder: refused",
                    name.display()
                ));
            }
        }
    }
    Ok(out)
}

fn unzip(file: File, into: &Path, budget: &mut Budget) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(file).map_err(|e| format!("not a readable zip: {e}"))?;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| format!("entry {i} of the zip is unreadable: {e}"))?;
        let raw = entry
            .name()
            .map_err(|e| format!("entry {i} of the zip has an unreadable name: {e}"))?
            .into_owned();
        let rel = inside(Path::new(&raw))?;
        if entry.is_symlink() {
            return Err(format!("{raw} is a link: archives may hold files only"));
        }
        if entry.is_dir() {
            std::fs::create_dir_all(into.join(&rel))
                .map_err(|e| format!("cannot unpack {raw}: {e}"))?;
            continue;
        }
        if rel.as_os_str().is_empty() {
            continue;
        }
        budget.write(&raw, &mut entry, &into.join(&rel))?;
    }
    Ok(())
}

fn untar(file: File, into: &Path, budget: &mut Budget) -> Result<(), String> {
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let entries = tar
        .entries()
        .map_err(|e| format!("not a readable .tar.gz: {e}"))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| format!("not a readable .tar.gz: {e}"))?;
        let raw = entry
            .path()
            .map_err(|e| format!("an entry's name is unreadable: {e}"))?
            .into_owned();
        let shown = raw.display().to_string();
        let rel = inside(&raw)?;
        match entry.header().entry_type() {
            tar::EntryType::Directory => {
                std::fs::create_dir_all(into.join(&rel))
                    .map_err(|e| format!("cannot unpack {shown}: {e}"))?;
            }
            tar::EntryType::Regular | tar::EntryType::Continuous => {
                if !rel.as_os_str().is_empty() {
                    budget.write(&shown, &mut entry, &into.join(&rel))?;
                }
            }
            // Global and per-file metadata (pax headers, GNU long names) carry no file.
            tar::EntryType::XGlobalHeader
            | tar::EntryType::XHeader
            | tar::EntryType::GNULongName
            | tar::EntryType::GNULongLink => {}
            tar::EntryType::Symlink | tar::EntryType::Link => {
                return Err(format!("{shown} is a link: archives may hold files only"));
            }
            other => {
                return Err(format!(
                    "{shown} is not a file or folder ({other:?}): refused"
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_with(entries: &[(&str, &[u8])]) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().unwrap();
        let mut z = zip::ZipWriter::new(file.reopen().unwrap());
        for (name, data) in entries {
            z.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
        file
    }

    fn tgz_with(
        build: impl FnOnce(&mut tar::Builder<flate2::write::GzEncoder<File>>),
    ) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().unwrap();
        let gz = flate2::write::GzEncoder::new(file.reopen().unwrap(), flate2::Compression::fast());
        let mut b = tar::Builder::new(gz);
        build(&mut b);
        b.into_inner().unwrap().finish().unwrap();
        file
    }

    fn file_header(size: u64) -> tar::Header {
        let mut h = tar::Header::new_gnu();
        h.set_size(size);
        h.set_mode(0o644);
        h.set_entry_type(tar::EntryType::Regular);
        h
    }

    #[test]
    fn a_zip_unpacks_its_files_in_their_folders() {
        let z = zip_with(&[("exercises/01-x/a/a.py", b"x = 1\n")]);
        let out = tempfile::tempdir().unwrap();
        unpack(z.path(), Kind::Zip, out.path(), Caps::default()).unwrap();
        assert_eq!(
            std::fs::read(out.path().join("exercises/01-x/a/a.py")).unwrap(),
            b"x = 1\n"
        );
    }

    #[test]
    fn a_zip_entry_that_climbs_out_is_refused() {
        let z = zip_with(&[("../evil.py", b"x")]);
        let out = tempfile::tempdir().unwrap();
        let err = unpack(z.path(), Kind::Zip, out.path(), Caps::default()).unwrap_err();
        assert!(err.contains("outside"), "{err}");
        assert!(!out.path().parent().unwrap().join("evil.py").exists());
    }

    #[test]
    fn a_zip_bomb_stops_at_the_cap() {
        let big = vec![0u8; 3 << 20];
        let z = zip_with(&[("a.py", &big)]);
        let out = tempfile::tempdir().unwrap();
        let caps = Caps {
            file_bytes: 1 << 20,
            ..Caps::default()
        };
        let err = unpack(z.path(), Kind::Zip, out.path(), caps).unwrap_err();
        assert!(err.contains("larger than 1 MiB"), "{err}");
    }

    #[test]
    fn too_many_files_stop_unpacking() {
        let names: Vec<String> = (0..5).map(|i| format!("f{i}.py")).collect();
        let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
        let z = zip_with(&entries);
        let out = tempfile::tempdir().unwrap();
        let caps = Caps {
            files: 3,
            ..Caps::default()
        };
        let err = unpack(z.path(), Kind::Zip, out.path(), caps).unwrap_err();
        assert!(err.contains("more than 3 files"), "{err}");
    }

    #[test]
    fn garbage_is_not_a_zip() {
        let f = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(f.path(), b"not an archive").unwrap();
        let out = tempfile::tempdir().unwrap();
        assert!(unpack(f.path(), Kind::Zip, out.path(), Caps::default()).is_err());
        assert!(unpack(f.path(), Kind::TarGz, out.path(), Caps::default()).is_err());
    }

    #[test]
    fn a_tarball_unpacks_and_refuses_links_and_escapes() {
        let ok = tgz_with(|b| {
            let data = b"y = 2\n";
            b.append_data(
                &mut file_header(data.len() as u64),
                "exercises/b.py",
                &data[..],
            )
            .unwrap();
        });
        let out = tempfile::tempdir().unwrap();
        unpack(ok.path(), Kind::TarGz, out.path(), Caps::default()).unwrap();
        assert_eq!(
            std::fs::read(out.path().join("exercises/b.py")).unwrap(),
            b"y = 2\n"
        );

        let link = tgz_with(|b| {
            let mut h = tar::Header::new_gnu();
            h.set_entry_type(tar::EntryType::Symlink);
            h.set_size(0);
            b.append_link(&mut h, "exercises/c.py", "/etc/passwd")
                .unwrap();
        });
        let out = tempfile::tempdir().unwrap();
        let err = unpack(link.path(), Kind::TarGz, out.path(), Caps::default()).unwrap_err();
        assert!(err.contains("link"), "{err}");

        // tar's builder refuses `..` in a name, so the header is written by hand.
        let escape = tgz_with(|b| {
            let mut h = file_header(1);
            h.as_old_mut().name[..9].copy_from_slice(b"../x.py\0\0");
            h.set_cksum();
            b.append(&h, &b"x"[..]).unwrap();
        });
        let out = tempfile::tempdir().unwrap();
        let err = unpack(escape.path(), Kind::TarGz, out.path(), Caps::default()).unwrap_err();
        assert!(err.contains("outside"), "{err}");
    }

    #[test]
    fn archive_kinds_by_name() {
        assert_eq!(kind("alice.zip"), Some(("alice", Kind::Zip)));
        assert_eq!(kind("bob.TAR.GZ"), Some(("bob", Kind::TarGz)));
        assert_eq!(kind("carol.tgz"), Some(("carol", Kind::TarGz)));
        assert_eq!(kind(".zip"), None);
        assert_eq!(kind("notes.txt"), None);
    }
}
