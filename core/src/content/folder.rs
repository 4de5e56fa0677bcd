//! A clinic's content folder, read as a hostile filesystem would be: links, pipes, devices,
//! files too big and names it does not know are refused and named; and the built-in content
//! written out to a folder to edit (`export-content`).

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::embedded::{Embedded, LOCALES};
use super::files::{self, File, MAX_FILE_BYTES};
use super::problem::lower_first;
use super::route::PageId;

/// A folder of content files, laid out as `content/`, that override the embedded ones.
#[derive(Debug, Clone)]
pub struct ContentFolder {
    path: PathBuf,
}

/// Why a content file was not read. Only regular files are read: a named pipe would wait for a
/// writer forever and a device such as `/dev/zero` never ends, so they are refused by what they
/// are before they are opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unread {
    /// Nothing by that name.
    Missing,
    /// A folder where a file should be.
    Folder,
    /// A symbolic link to something that does not exist.
    BrokenLink,
    /// A named pipe, a device or a socket, or a link to one.
    NotAFile { kind: &'static str, link: bool },
    /// More than [`MAX_FILE_BYTES`]; `bytes` is as many as were found.
    TooLarge { bytes: u64 },
    /// It could not be read: no permission, a read error.
    Failed(String),
}

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unread::Missing => write!(f, "the file is missing"),
            Unread::Folder => write!(f, "this is a folder, where a file should be"),
            Unread::BrokenLink => write!(f, "this is a link to something that does not exist"),
            Unread::NotAFile { kind, link: false } => {
                write!(f, "this is {kind}, not a file, so it was not read")
            }
            Unread::NotAFile { kind, link: true } => {
                write!(
                    f,
                    "this is a link to {kind}, not to a file, so it was not read"
                )
            }
            Unread::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes; a content file may have at most {} (1 MiB)",
                MAX_FILE_BYTES
            ),
            Unread::Failed(reason) => write!(f, "the file cannot be read: {reason}"),
        }
    }
}

impl ContentFolder {
    /// The folder at `path`, if it is one that can be read.
    pub fn open(path: &Path) -> Result<ContentFolder, String> {
        let reason = match fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => match fs::read_dir(path) {
                Ok(_) => {
                    return Ok(ContentFolder {
                        path: path.to_owned(),
                    });
                }
                Err(error) => io_reason(&error),
            },
            Ok(metadata) => format!("it is {}, not a folder", kind(&metadata.file_type())),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                if is_link(path) {
                    "it is a link to something that does not exist".to_owned()
                } else {
                    "there is no such folder".to_owned()
                }
            }
            Err(error) => io_reason(&error),
        };
        Err(format!(
            "cannot read the content folder {}: {reason}",
            path.display()
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What is in the folder that is not content, so it would be ignored: names relative to the
    /// folder, a folder's with a `/` at the end. Only the folders content lives in (`en`,
    /// `en/pages` ...) are looked into, and never through a link, so a link to `.` or to `/` is
    /// named, not walked; at most [`Unknown::MAX_LISTED`] names are given.
    pub fn unknown_files(&self) -> Unknown {
        let own_pages = self.own_pages();
        let known: Vec<String> = LOCALES
            .iter()
            .flat_map(|locale| {
                let own = files::pages_of(locale, &own_pages);
                files::of_locale(locale).into_iter().chain(own)
            })
            .collect();
        let known_folders: Vec<String> = LOCALES
            .iter()
            .flat_map(|locale| files::folders_of(locale))
            .collect();
        let mut unknown = Unknown::default();
        let mut seen = 0;
        let mut folders = vec![String::new()];
        'walk: while let Some(folder) = folders.pop() {
            let Ok(entries) = fs::read_dir(self.path.join(&folder)) else {
                continue;
            };
            for entry in entries {
                seen += 1;
                if seen > Unknown::MAX_SEEN || unknown.names.len() == Unknown::MAX_LISTED {
                    unknown.more = true;
                    break 'walk;
                }
                let Ok(entry) = entry else {
                    continue;
                };
                let name = entry.file_name().to_string_lossy().into_owned();
                let relative = if folder.is_empty() {
                    name
                } else {
                    format!("{folder}/{name}")
                };
                // The entry itself: a link is a link, whatever it points to.
                let is_folder = entry.file_type().is_ok_and(|kind| kind.is_dir());
                if known_folders.contains(&relative) {
                    if is_folder {
                        folders.push(relative);
                    }
                } else if !known.contains(&relative) {
                    unknown.names.push(if is_folder {
                        format!("{relative}/")
                    } else {
                        relative
                    });
                }
            }
        }
        unknown.names.sort();
        unknown
    }

    /// The folders the files of `locale` live in (`en`, `en/pages`) that are there but cannot be
    /// used, each with why: something else where a folder should be, or a folder that cannot be
    /// read.
    pub(super) fn bad_folders(&self, locale: &str) -> Vec<(String, String)> {
        let folders = files::folders_of(locale);
        let mut bad: Vec<(String, String)> = Vec::new();
        for folder in folders {
            if bad
                .iter()
                .any(|(above, _)| Path::new(&folder).starts_with(above))
            {
                continue;
            }
            let path = self.path.join(&folder);
            let link = match fs::symlink_metadata(&path) {
                Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
                Err(error) => {
                    bad.push((
                        folder,
                        format!("cannot be looked at: {}", io_reason(&error)),
                    ));
                    continue;
                }
                Ok(metadata) => metadata.file_type().is_symlink(),
            };
            let why = match fs::metadata(&path) {
                Err(error) if link && error.kind() == io::ErrorKind::NotFound => {
                    "this is a link to something that does not exist, where a folder should be"
                        .to_owned()
                }
                Err(error) => format!("cannot be looked at: {}", io_reason(&error)),
                Ok(metadata) if !metadata.is_dir() => format!(
                    "this is {}, where a folder should be",
                    kind(&metadata.file_type())
                ),
                Ok(_) => match fs::read_dir(&path) {
                    Ok(_) => continue,
                    Err(error) => format!("the folder cannot be read: {}", io_reason(&error)),
                },
            };
            bad.push((folder, why));
        }
        bad
    }

    /// The pages the folder's own page list adds to the built-in ones, so that their files are
    /// read too ([`files::listed_pages`]).
    pub fn own_pages(&self) -> Vec<PageId> {
        let Some(Ok(bytes)) = self.read(&File::PageList.path("")) else {
            return Vec::new();
        };
        files::listed_pages(&bytes)
            .into_iter()
            .filter(|page| !files::built_in_pages().contains(page))
            .collect()
    }

    /// The bytes of `file`, or why they were not read; `None` if the folder has nothing by that
    /// name. Only a regular file (or a link to one) is opened, and what was opened is looked at
    /// again before it is read.
    pub(super) fn read(&self, file: &str) -> Option<Result<Vec<u8>, Unread>> {
        let path = self.path.join(file);
        let link = match fs::symlink_metadata(&path) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => return None,
            Err(error) => return Some(Err(Unread::Failed(io_reason(&error)))),
            Ok(metadata) => metadata.file_type().is_symlink(),
        };
        Some(read_regular(&path, link, MAX_FILE_BYTES))
    }
}

/// Reads the regular file at `path` (`link` if the path itself is a symbolic link), if it has no
/// more than `limit` bytes: one that says it has more is not read, and one that turns out to have
/// more (it grew, or it is a file of `/proc` that says 0) is read no further than that.
pub(super) fn read_regular(path: &Path, link: bool, limit: u64) -> Result<Vec<u8>, Unread> {
    let failed = |error: io::Error| Unread::Failed(io_reason(&error));
    let metadata = match fs::metadata(path) {
        Err(error) if link && error.kind() == io::ErrorKind::NotFound => {
            return Err(Unread::BrokenLink);
        }
        other => other.map_err(failed)?,
    };
    regular(&metadata, link, limit)?;
    let file = fs::File::open(path).map_err(failed)?;
    // It may have been swapped since it was looked at: look at what was opened.
    let opened = file.metadata().map_err(failed)?;
    regular(&opened, link, limit)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > limit {
        return Err(Unread::TooLarge {
            bytes: opened.len().max(bytes.len() as u64),
        });
    }
    Ok(bytes)
}

/// Whether `metadata` is of a regular file of at most `limit` bytes.
pub(super) fn regular(metadata: &fs::Metadata, link: bool, limit: u64) -> Result<(), Unread> {
    if metadata.is_dir() {
        Err(Unread::Folder)
    } else if !metadata.is_file() {
        Err(Unread::NotAFile {
            kind: kind(&metadata.file_type()),
            link,
        })
    } else if metadata.len() > limit {
        Err(Unread::TooLarge {
            bytes: metadata.len(),
        })
    } else {
        Ok(())
    }
}

/// What a file system entry is, in words: "a named pipe (FIFO)".
pub(super) fn kind(file_type: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_file() {
        "a file"
    } else if file_type.is_symlink() {
        "a link"
    } else {
        "something other than a file"
    }
}

pub(super) fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|metadata| metadata.file_type().is_symlink())
}

/// An I/O error met while reading, in a few plain words: "permission denied".
pub(super) fn io_reason(error: &io::Error) -> String {
    io_words(error, Access::Read)
}

/// What was being done when a file operation failed: the same error reads differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// An I/O error in plain words for staff, never with "(os error N)": the one place these words
/// are made, for every file the guide reads or writes. The words for writing fit a file written
/// as a new one in its folder and then moved into place, as the guide writes all its files.
pub fn io_words(error: &io::Error, access: Access) -> String {
    use io::ErrorKind as Kind;
    let words = match (error.kind(), access) {
        (Kind::PermissionDenied, Access::Read) => "permission denied",
        (Kind::PermissionDenied, Access::Write) => "you may not write in that folder",
        (Kind::NotFound, Access::Write) => "the folder does not exist",
        (Kind::NotADirectory, _) => "a part of the path is a file, not a folder",
        (Kind::IsADirectory, _) => "that is a folder, not a file",
        (Kind::InvalidFilename, _) => "the file name is too long",
        (Kind::StorageFull, _) => "there is no space left on the disk",
        (Kind::QuotaExceeded, _) => "the disk quota is used up",
        (Kind::FileTooLarge, _) => "the file is too large for that disk",
        (Kind::ReadOnlyFilesystem, _) => "that disk can only be read, not written",
        (Kind::AlreadyExists, _) => "something by that name already exists",
        _ => {
            let text = error.to_string();
            // "Input/output error (os error 5)": the number means nothing to staff.
            let text = match text.rfind(" (os error ") {
                Some(at) => &text[..at],
                None => &text,
            };
            return lower_first(text);
        }
    };
    words.to_owned()
}

/// What a content folder holds that is not content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unknown {
    /// Relative to the folder; a folder's name ends in `/`.
    pub names: Vec<String>,
    /// There is more than is named.
    pub more: bool,
}

impl Unknown {
    /// The most names given.
    pub const MAX_LISTED: usize = 100;
    /// The most entries looked at.
    pub const MAX_SEEN: usize = 10_000;
}

/// Writes every embedded content file under `folder`, which must be empty unless `force`.
/// Returns how many files were written. Folders are made only where files go: a path that steps
/// back out of a folder that does not exist (`new/../out`) is refused, and if writing fails,
/// the files and folders it made are taken away again. A folder that cannot be listed is not
/// known to be empty, so it is refused without `force`; and nothing is written through a link in
/// the folder, even with `force`, so that nothing outside it changes.
pub fn export(folder: &Path, force: bool) -> Result<usize, String> {
    if !force {
        let not_empty = match fs::read_dir(folder) {
            Ok(mut entries) => entries.next().is_some(),
            Err(error) if error.kind() == io::ErrorKind::NotFound => false,
            Err(error) if error.kind() == io::ErrorKind::PermissionDenied => {
                return Err(format!(
                    "cannot tell whether {} is empty: you may not list what is in it; choose a \
                     folder you can read, or add --force to write over any files in it",
                    folder.display()
                ));
            }
            Err(error) => {
                return Err(format!(
                    "cannot write to {}: {}",
                    folder.display(),
                    io_words(&error, Access::Read)
                ));
            }
        };
        if not_empty {
            return Err(format!(
                "{} is not empty; choose an empty folder, or add --force to write over its files",
                folder.display()
            ));
        }
    }
    if let Some(missing) = stepped_out_of(folder) {
        return Err(format!(
            "cannot write to {}: {} does not exist, so the path cannot step back out of it",
            folder.display(),
            missing.display()
        ));
    }
    if let Some(link) = Embedded::iter().find_map(|file| link_on_the_way(folder, &file)) {
        return Err(format!(
            "{} is a link; nothing is written through links, so that nothing outside {} \
             changes: remove the link, or choose another folder",
            link.display(),
            folder.display()
        ));
    }
    let mut made = Made::default();
    let mut written = 0;
    for file in Embedded::iter() {
        let target = folder.join(file.as_ref());
        let data = Embedded::get(&file)
            .expect("an embedded file is there")
            .data;
        let mut write = || -> io::Result<()> {
            if let Some(parent) = target.parent() {
                made.folders(parent)?;
            }
            if fs::symlink_metadata(&target).is_err() {
                made.files.push(target.clone());
            }
            write_not_through_a_link(&target, &data)
        };
        if let Err(error) = write() {
            made.take_away();
            return Err(format!(
                "cannot write {}: {}",
                target.display(),
                io_words(&error, Access::Write)
            ));
        }
        written += 1;
    }
    Ok(written)
}

/// The first link among the folders and the file that `file` (a relative path) names under
/// `folder`, if there is one: writing there would change something outside `folder`.
pub(super) fn link_on_the_way(folder: &Path, file: &str) -> Option<PathBuf> {
    let mut path = folder.to_owned();
    Path::new(file).components().find_map(|part| {
        path.push(part);
        is_link(&path).then(|| path.clone())
    })
}

/// Writes `data` to the file at `path`, made or emptied first; if `path` became a link since it
/// was looked at, it is not followed (on Linux), and nothing is written.
pub(super) fn write_not_through_a_link(path: &Path, data: &[u8]) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    io::Write::write_all(&mut options.open(path)?, data)
}

/// The first folder of `path` that does not exist and that the path steps back out of with `..`,
/// if there is one.
pub(super) fn stepped_out_of(path: &Path) -> Option<PathBuf> {
    let parts: Vec<std::path::Component> = path.components().collect();
    let mut prefix = PathBuf::new();
    for (index, part) in parts.iter().enumerate() {
        prefix.push(part);
        if !matches!(part, std::path::Component::Normal(_)) || prefix.symlink_metadata().is_ok() {
            continue;
        }
        // How deep under this missing folder the rest of the path goes.
        let mut depth: isize = 0;
        for rest in &parts[index + 1..] {
            match rest {
                std::path::Component::Normal(_) => depth += 1,
                std::path::Component::ParentDir => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                return Some(prefix);
            }
        }
    }
    None
}

/// What an export made, to take it away if the export fails.
#[derive(Default)]
pub(super) struct Made {
    folders: Vec<PathBuf>,
    files: Vec<PathBuf>,
}

impl Made {
    /// Makes `folder` and the folders above it that are missing, noting each.
    fn folders(&mut self, folder: &Path) -> io::Result<()> {
        let mut missing = Vec::new();
        for above in folder.ancestors() {
            if above.as_os_str().is_empty() || above.symlink_metadata().is_ok() {
                break;
            }
            missing.push(above.to_owned());
        }
        for folder in missing.into_iter().rev() {
            fs::create_dir(&folder)?;
            self.folders.push(folder);
        }
        Ok(())
    }

    /// Removes the files and then the folders made, newest first; what cannot be removed stays.
    fn take_away(self) {
        for file in self.files.iter().rev() {
            let _ = fs::remove_file(file);
        }
        for folder in self.folders.iter().rev() {
            let _ = fs::remove_dir(folder);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of `/proc` says it has 0 bytes and has more: it is read no further than the limit.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_is_read_no_further_than_the_limit_whatever_it_says_its_size_is() {
        let maps = Path::new("/proc/self/maps");
        assert_eq!(fs::metadata(maps).unwrap().len(), 0);
        assert!(matches!(
            read_regular(maps, false, 100),
            Err(Unread::TooLarge { bytes: 101 })
        ));
        assert!(read_regular(maps, false, MAX_FILE_BYTES).is_ok());
    }
}
