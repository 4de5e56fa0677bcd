//! All the words and numbers of one edition of the guide, read from RON files embedded in the
//! binary.

pub mod chart;
pub mod check;
mod clinic;
pub mod files;
pub mod ids;
pub mod markup;
pub mod model;
pub mod rate;
pub mod route;

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rust_embed::RustEmbed;
use serde::de::DeserializeOwned;

use ids::TermId;
use model::{Clinic, Condition, Page, Rate, Region, SideEffect, Source, Term, Ui};
use route::PageId;

/// The `content/` folder, inside the binary in release builds.
#[derive(RustEmbed)]
#[folder = "../content/"]
struct Embedded;

/// A built-in content file as it is written, for tests that edit one.
#[cfg(test)]
pub(crate) fn built_in_bytes(path: &str) -> Option<Vec<u8>> {
    Embedded::get(path).map(|file| file.data.into_owned())
}

/// [`built_in_bytes`] as text.
#[cfg(test)]
pub(crate) fn built_in_text(path: &str) -> String {
    String::from_utf8(built_in_bytes(path).expect("a built-in file")).expect("UTF-8")
}

/// The languages the guide is written in; the first is the default.
pub const LOCALES: [&str; 2] = ["en", "es"];

pub use files::File;

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
    /// More than [`check::MAX_FILE_BYTES`]; `bytes` is as many as were found.
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
                check::MAX_FILE_BYTES
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
        let known: Vec<String> = LOCALES
            .iter()
            .flat_map(|locale| files::of_locale(locale))
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
    fn bad_folders(&self, locale: &str) -> Vec<(String, String)> {
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

    /// The bytes of `file`, or why they were not read; `None` if the folder has nothing by that
    /// name. Only a regular file (or a link to one) is opened, and what was opened is looked at
    /// again before it is read.
    fn read(&self, file: &str) -> Option<Result<Vec<u8>, Unread>> {
        let path = self.path.join(file);
        let link = match fs::symlink_metadata(&path) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => return None,
            Err(error) => return Some(Err(Unread::Failed(io_reason(&error)))),
            Ok(metadata) => metadata.file_type().is_symlink(),
        };
        Some(read_regular(&path, link, check::MAX_FILE_BYTES))
    }
}

/// Reads the regular file at `path` (`link` if the path itself is a symbolic link), if it has no
/// more than `limit` bytes: one that says it has more is not read, and one that turns out to have
/// more (it grew, or it is a file of `/proc` that says 0) is read no further than that.
fn read_regular(path: &Path, link: bool, limit: u64) -> Result<Vec<u8>, Unread> {
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
fn regular(metadata: &fs::Metadata, link: bool, limit: u64) -> Result<(), Unread> {
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
fn kind(file_type: &fs::FileType) -> &'static str {
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

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|metadata| metadata.file_type().is_symlink())
}

/// An I/O error met while reading, in a few plain words: "permission denied".
fn io_reason(error: &io::Error) -> String {
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

/// A library loaded over a content folder, with what went wrong on the way.
#[derive(Debug, Clone)]
pub struct Overridden {
    pub library: Library,
    /// Why files of the folder are not used (in any edition, as [`editions`] gives them); each
    /// such file was replaced by its embedded version.
    pub problems: Vec<Problem>,
    /// The folder's files in use.
    pub files: Vec<String>,
    /// The text of every file the library was made from, the folder's and the built-in ones.
    pub texts: Files,
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
fn link_on_the_way(folder: &Path, file: &str) -> Option<PathBuf> {
    let mut path = folder.to_owned();
    Path::new(file).components().find_map(|part| {
        path.push(part);
        is_link(&path).then(|| path.clone())
    })
}

/// Writes `data` to the file at `path`, made or emptied first; if `path` became a link since it
/// was looked at, it is not followed (on Linux), and nothing is written.
fn write_not_through_a_link(path: &Path, data: &[u8]) -> io::Result<()> {
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
fn stepped_out_of(path: &Path) -> Option<PathBuf> {
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
struct Made {
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

/// One edition of the guide: every page of one locale and the data they draw on.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    pub locale: String,
    pub ui: Ui,
    /// In reading order, one for each [`PageId`].
    pub pages: Vec<Page>,
    pub side_effects: Vec<SideEffect>,
    pub regions: Vec<Region>,
    pub glossary: Vec<Term>,
    /// Where the numbers come from.
    pub sources: Vec<Source>,
    pub clinic: Clinic,
}

/// Something wrong in a content file, with where it is when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Relative to `content/`, e.g. `en/pages/risks.ron`.
    pub file: String,
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A file's name may hold anything; a problem is one line, and moves no cursor.
        let file = without_controls(&self.file).replace('\n', " ");
        let message = without_controls(&self.message).replace('\n', " ");
        match self.position {
            Some((line, column)) => write!(f, "{file}:{line}:{column}: {message}"),
            None => write!(f, "{file}: {message}"),
        }
    }
}

/// Whether `c` is a control character (but a tab or a new line) or one that overrides the
/// direction of text: in a clinic's details or in a message they can make what is shown read
/// other than what is written, or move a terminal's cursor.
pub fn is_hidden_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || (c.is_control() && c != '\t' && c != '\n')
}

/// `text` without [hidden controls](is_hidden_control).
pub fn without_controls(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_hidden_control) {
        Cow::Owned(text.chars().filter(|c| !is_hidden_control(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Every problem found while loading, one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// The text of the content files read so far, so that later checks can point at a line.
#[derive(Debug, Clone, Default)]
pub struct Files {
    texts: Vec<(String, String)>,
}

impl Files {
    /// The text of the embedded files of `locale` (and `clinic.ron`).
    pub fn embedded(locale: &str) -> Files {
        let texts = files::of_locale(locale)
            .into_iter()
            .filter_map(|file| {
                let embedded = Embedded::get(&file)?;
                let text = String::from_utf8_lossy(&embedded.data).into_owned();
                Some((file, text))
            })
            .collect();
        Files { texts }
    }

    /// The 1-based line and column of the first `needle` in `file`.
    pub fn locate(&self, file: &str, needle: &str) -> Option<(usize, usize)> {
        self.locate_nth(file, needle, 0)
    }

    /// The 1-based line and column of the `nth` `needle` in `file`, counting from 0.
    pub fn locate_nth(&self, file: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
        let (_, text) = self.texts.iter().find(|(name, _)| name == file)?;
        let (at, _) = text.match_indices(needle).nth(nth)?;
        Some(line_and_column(&text[..at]))
    }
}

impl Library {
    /// Loads and checks the embedded edition in `locale`.
    pub fn embedded(locale: &str) -> Result<Library, Problems> {
        Library::load(locale, |file| {
            Embedded::get(file).map(|embedded| embedded.data)
        })
    }

    /// Loads every file of `locale` through `read` (which gives a file's bytes by its path
    /// relative to `content/`), then checks them together. Reports every problem, not the first.
    pub fn load<'a>(
        locale: &str,
        read: impl Fn(&str) -> Option<Cow<'a, [u8]>>,
    ) -> Result<Library, Problems> {
        let library =
            Library::load_texts(locale, |file| read(file).ok_or(Unread::Missing)).result()?;
        // Here a field of clinic.ron left out is a problem like any other; only a content
        // folder's clinic.ron is used without it (`editions`).
        if library.clinic.left_out.is_empty() {
            Ok(library)
        } else {
            Err(Problems(
                library
                    .clinic
                    .left_out
                    .iter()
                    .map(clinic::reported)
                    .collect(),
            ))
        }
    }

    /// [`Library::load`], with why a file could not be read, and the text of the files read so
    /// that later checks can point at a line.
    fn load_texts<'a>(
        locale: &str,
        read: impl Fn(&str) -> Result<Cow<'a, [u8]>, Unread>,
    ) -> Loaded {
        let mut reader = Reader {
            read: &read,
            files: Files::default(),
            problems: Vec::new(),
        };

        let pages: Vec<Option<Page>> = PageId::ALL
            .iter()
            .map(|page| reader.parse(&File::Page(*page).path(locale)))
            .collect();
        let ui = reader.parse::<Ui>(&File::Ui.path(locale));
        let side_effects = reader.parse(&File::SideEffects.path(locale));
        let regions = reader.parse(&File::Conditions.path(locale));
        let glossary = reader.parse(&File::Glossary.path(locale));
        let sources = reader.parse(&File::Sources.path(locale));
        let clinic_file = File::Clinic.path(locale);
        let clinic = reader.parse_with(&clinic_file, |text| {
            clinic::read(&clinic_file, text, locale)
        });

        let Reader {
            files, problems, ..
        } = reader;
        let unchecked = |read| Loaded {
            library: None,
            texts: files.clone(),
            read,
            checked: Vec::new(),
        };
        let (
            Some(ui),
            Some(side_effects),
            Some(regions),
            Some(glossary),
            Some(sources),
            Some(clinic),
        ) = (ui, side_effects, regions, glossary, sources, clinic)
        else {
            return unchecked(problems);
        };
        let Some(pages) = pages.into_iter().collect::<Option<Vec<Page>>>() else {
            return unchecked(problems);
        };

        let library = Library {
            locale: locale.to_owned(),
            ui,
            pages,
            side_effects,
            regions,
            glossary,
            sources,
            clinic,
        };
        let checked = check::library(&library, &files);
        Loaded {
            library: Some(library),
            texts: files,
            read: problems,
            checked,
        }
    }

    /// The edition in `locale` over `folder`, as [`editions`] decides it (the one place that
    /// does): a file of the folder that `check` would refuse is left out and the built-in one
    /// used instead; the problems of every edition come back beside the library.
    pub fn with_overrides(locale: &str, folder: &ContentFolder) -> Result<Overridden, Problems> {
        let Editions { editions, problems } = editions(Some(folder))?;
        let Some(edition) = editions
            .into_iter()
            .find(|edition| edition.library.locale == locale)
        else {
            return Err(Problems(vec![Problem {
                file: locale.to_owned(),
                position: None,
                message: format!("not a language of the guide ({})", LOCALES.join(", ")),
            }]));
        };
        Ok(Overridden {
            library: edition.library,
            problems,
            files: edition.files,
            texts: edition.texts,
        })
    }

    pub fn page(&self, page: PageId) -> &Page {
        let index = PageId::ALL
            .iter()
            .position(|p| *p == page)
            .expect("every page is in ALL");
        &self.pages[index]
    }

    pub fn side_effect(&self, id: &str) -> Option<&SideEffect> {
        self.side_effects.iter().find(|effect| effect.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// A source's finding named as "source-id/finding-id", with its source.
    pub fn finding(&self, reference: &str) -> Option<(&Source, &model::Finding)> {
        let (source, finding) = reference.split_once('/')?;
        let source = self.source(source)?;
        let finding = source.findings.iter().find(|f| f.id == finding)?;
        Some((source, finding))
    }

    pub fn term(&self, id: &str) -> Option<&Term> {
        self.glossary.iter().find(|term| term.id == id)
    }

    /// Every condition with the region it belongs to, in the order of `conditions.ron`.
    pub fn conditions(&self) -> impl Iterator<Item = (&Region, &Condition)> {
        self.regions.iter().flat_map(|region| {
            region
                .conditions
                .iter()
                .map(move |condition| (region, condition))
        })
    }

    pub fn condition(&self, id: &str) -> Option<(&Region, &Condition)> {
        self.conditions().find(|(_, condition)| condition.id == id)
    }

    /// The number to call in an emergency: the clinic's, or words for the local one (no
    /// country's number is written into the guide).
    pub fn emergency_number(&self) -> &str {
        let set = self.clinic.emergency_number.trim();
        if set.is_empty() {
            &self.ui.local_emergency_number
        } else {
            set
        }
    }

    /// The clinic's details a patient can use, each with its label, in the order they are shown:
    /// those the clinic filled in, and always the emergency number (the clinic's, or the words for
    /// the local one). The warning-signs page and the handout both show these.
    pub fn clinic_contacts(&self) -> Vec<(&str, &str)> {
        let ui = &self.ui;
        let clinic = &self.clinic;
        [
            (&ui.clinic_name, clinic.name.as_str()),
            (&ui.clinic_phone, clinic.phone.as_str()),
            (
                &ui.clinic_after_hours_phone,
                clinic.after_hours_phone.as_str(),
            ),
            (&ui.clinic_web, clinic.web.as_str()),
            (&ui.clinic_emergency, self.emergency_number()),
        ]
        .into_iter()
        .map(|(label, value)| (label.as_str(), value.trim()))
        .filter(|(_, value)| !value.is_empty())
        .collect()
    }

    /// "Call your clinic now at …": the sentence for `{call_clinic}`, its numbers set apart, in
    /// the words for what the clinic filled in.
    fn call_clinic(&self) -> Vec<Span> {
        let words = &self.ui.call_clinic;
        let phone = self.clinic.phone.trim();
        let after_hours = self.clinic.after_hours_phone.trim();
        let pattern = match (phone.is_empty(), after_hours.is_empty()) {
            (false, false) => &words.with_after_hours,
            (false, true) => &words.phone_only,
            (true, _) => &words.no_phone,
        };
        let mut spans = Vec::new();
        let mut rest = pattern.as_str();
        // `check` holds the patterns to these two placeholders.
        while let Some((start, name, number)) = [("{phone}", phone), ("{after_hours}", after_hours)]
            .into_iter()
            .filter_map(|(name, number)| Some((rest.find(name)?, name, number)))
            .min_by_key(|(start, ..)| *start)
        {
            spans.push(Span::Plain(rest[..start].to_owned()));
            spans.push(Span::Number(number.to_owned()));
            rest = &rest[start + name.len()..];
        }
        spans.push(Span::Plain(rest.to_owned()));
        spans.retain(|span| !span.text().is_empty());
        spans
    }

    /// A rate in this edition's words.
    pub fn rate_text(&self, rate: Rate) -> String {
        with_unstated_note(rate::format(rate, &self.ui.rates), rate, &self.ui.rates)
    }

    /// Patient text with its markup resolved: terms stay marked, rates become words.
    /// Checked content has no broken markup; if some slips through, it is shown as written.
    pub fn spans(&self, text: &str) -> Vec<Span> {
        let Ok(pieces) = markup::parse(text) else {
            return vec![Span::Plain(text.to_owned())];
        };
        let mut spans = Vec::with_capacity(pieces.len());
        for piece in pieces {
            match piece {
                markup::Piece::Plain(plain) => spans.push(Span::Plain(plain.to_owned())),
                markup::Piece::Term { shown, id } => spans.push(Span::Term {
                    text: shown.to_owned(),
                    id: id.into(),
                }),
                markup::Piece::Emergency => {
                    spans.push(Span::Number(self.emergency_number().to_owned()));
                }
                markup::Piece::CallClinic => spans.extend(self.call_clinic()),
                markup::Piece::Rate { id } => {
                    let effect = self.side_effect(id);
                    spans.push(Span::Number(
                        effect
                            .and_then(|effect| effect.rate)
                            .map_or_else(|| id.to_owned(), |rate| self.rate_text(rate)),
                    ));
                    // Wherever a rate is read, it says whose number it is.
                    if let Some(said_by) = effect.and_then(|effect| self.said_by(effect)) {
                        spans.push(Span::Plain(said_by));
                    }
                }
            }
        }
        spans
    }

    /// ", says your clinic's sheet": what follows a side effect's rate in running text, or
    /// nothing when it names no source or the words are missing.
    fn said_by(&self, effect: &SideEffect) -> Option<String> {
        let words = &self.ui.rates.said_by;
        let source = self.source(effect.source.as_deref()?)?;
        let short = if source.short.is_empty() {
            &source.name
        } else {
            &source.short
        };
        (!words.is_empty()).then(|| words.replace("{source}", short))
    }

    /// Patient text as a reader sees it, without marks.
    pub fn plain(&self, text: &str) -> String {
        self.spans(text).iter().map(Span::text).collect()
    }
}

/// What loading one edition found.
struct Loaded {
    /// `None` if a file could not be read or parsed.
    library: Option<Library>,
    texts: Files,
    /// Met reading and parsing files: each is the named file's own, whatever the others hold.
    read: Vec<Problem>,
    /// Met checking the files together.
    checked: Vec<Problem>,
}

impl Loaded {
    fn result(self) -> Result<Library, Problems> {
        match self.library {
            Some(library) if self.read.is_empty() && self.checked.is_empty() => Ok(library),
            _ => Err(Problems(self.problems())),
        }
    }

    fn problems(self) -> Vec<Problem> {
        let mut problems = self.read;
        problems.extend(self.checked);
        problems
    }
}

/// One edition as the guide shows it.
#[derive(Debug, Clone)]
pub struct Edition {
    pub library: Library,
    /// The text of every file it was made from, the folder's and the built-in ones.
    pub texts: Files,
    /// The content folder's files in use.
    pub files: Vec<String>,
}

/// Every edition, in the order of [`LOCALES`], and why files of the content folder were left out.
#[derive(Debug, Clone)]
pub struct Editions {
    pub editions: Vec<Edition>,
    /// Each names a folder file that is not used (the built-in one is), or a folder of the
    /// content folder that cannot be read.
    pub problems: Vec<Problem>,
}

/// Which of the content folder's files the guide uses: the one place that decides it, for the
/// window, `text`, `handout` and `check` alike. A folder file is used only if every edition
/// loads and passes every check with it, the comparison between the languages included;
/// otherwise it is left out and the built-in file used instead, and the problems say why. Only
/// the built-in content having problems of its own is an error. Each folder file is read once.
pub fn editions(folder: Option<&ContentFolder>) -> Result<Editions, Problems> {
    let mut gate = Gate::read(folder);
    loop {
        let used = gate.used.len();
        let editions = LOCALES
            .iter()
            .map(|locale| gate.edition(locale))
            .collect::<Result<Vec<Edition>, Problems>>()?;
        let (base, others) = editions.split_first().expect("there is a first language");
        let drift: Vec<Problem> = others
            .iter()
            .flat_map(|other| check::locales_agree_in(&base.library, &other.library, &other.texts))
            .collect();
        if drift.is_empty() && gate.used.len() == used {
            return Ok(Editions {
                editions,
                problems: gate.problems,
            });
        }
        // A translation that drifts is left out; if it is the built-in one, the folder's file
        // of the base language it no longer matches is.
        let mut blamed: Vec<(String, Vec<Problem>)> = Vec::new();
        for problem in drift {
            let theirs = problem.file.clone();
            let ours = counterpart(&theirs, &base.library.locale);
            let Some(file) = [theirs, ours].into_iter().find(|file| gate.uses(file)) else {
                return Err(Problems(vec![problem]));
            };
            match blamed.iter_mut().find(|(name, _)| *name == file) {
                Some((_, problems)) => problems.push(problem),
                None => blamed.push((file, vec![problem])),
            }
        }
        for (file, problems) in blamed {
            gate.leave_out(&file, problems);
        }
    }
}

/// `file` of one language (`es/ui.ron`) in `locale` (`en/ui.ron`).
fn counterpart(file: &str, locale: &str) -> String {
    match file.split_once('/') {
        Some((_, rest)) => format!("{locale}/{rest}"),
        None => file.to_owned(),
    }
}

/// The content folder's files as they were read, and which of them are still in use.
struct Gate<'f> {
    folder: Option<&'f ContentFolder>,
    read: Vec<(String, Vec<u8>)>,
    used: Vec<String>,
    problems: Vec<Problem>,
}

impl<'f> Gate<'f> {
    /// Reads every content file the folder has, each once (`clinic.ron` is shared).
    fn read(folder: Option<&'f ContentFolder>) -> Gate<'f> {
        let mut gate = Gate {
            folder,
            read: Vec::new(),
            used: Vec::new(),
            problems: Vec::new(),
        };
        let Some(folder) = folder else {
            return gate;
        };
        let mut seen: Vec<String> = Vec::new();
        for locale in LOCALES {
            let bad_folders = folder.bad_folders(locale);
            for (bad, message) in &bad_folders {
                gate.problems.push(Problem {
                    file: gate.named(bad),
                    position: None,
                    message: message.clone(),
                });
            }
            for file in files::of_locale(locale) {
                let in_bad_folder = bad_folders
                    .iter()
                    .any(|(bad, _)| Path::new(&file).starts_with(bad));
                if in_bad_folder || seen.contains(&file) {
                    continue;
                }
                seen.push(file.clone());
                match folder.read(&file) {
                    None => {}
                    Some(Ok(bytes)) => {
                        gate.used.push(file.clone());
                        gate.read.push((file, bytes));
                    }
                    Some(Err(unread)) => gate.problems.push(Problem {
                        file: gate.named(&file),
                        position: None,
                        message: unread.to_string(),
                    }),
                }
            }
        }
        gate
    }

    /// `file` with the folder's path before it.
    fn named(&self, file: &str) -> String {
        match self.folder {
            Some(folder) => folder.path.join(file).display().to_string(),
            None => file.to_owned(),
        }
    }

    fn uses(&self, file: &str) -> bool {
        self.used.iter().any(|used| used == file)
    }

    /// Loads `locale` with the folder's files in `using` and the built-in ones for the rest.
    fn load(&self, locale: &str, using: &[&str]) -> Loaded {
        Library::load_texts(locale, |file| {
            let bytes = if using.contains(&file) {
                self.read
                    .iter()
                    .find(|(name, _)| name == file)
                    .map(|(_, bytes)| Cow::Borrowed(bytes.as_slice()))
            } else {
                Embedded::get(file).map(|embedded| embedded.data)
            };
            bytes.ok_or(Unread::Missing)
        })
    }

    /// Stops using `file`, for `problems` (met with it), each said as the folder's.
    fn leave_out(&mut self, file: &str, problems: Vec<Problem>) {
        self.used.retain(|used| used != file);
        for problem in problems {
            let said = if problem.file == file {
                Problem {
                    file: self.named(file),
                    ..problem
                }
            } else {
                // Found in another file: that file is named as what it is, the folder's or the
                // built-in one, never as the folder's when it is not.
                let other = if self.uses(&problem.file) {
                    self.named(&problem.file)
                } else {
                    format!("the built-in {}", problem.file)
                };
                let at = problem
                    .position
                    .map_or_else(String::new, |(line, column)| format!(":{line}:{column}"));
                Problem {
                    file: self.named(file),
                    position: None,
                    message: format!(
                        "left out, because with it {other}{at} says: {}",
                        problem.message
                    ),
                }
            };
            if !self.problems.contains(&said) {
                self.problems.push(said);
            }
        }
    }

    /// The edition in `locale` with as many of the folder's files as load and check together.
    fn edition(&mut self, locale: &str) -> Result<Edition, Problems> {
        let of_locale = files::of_locale(locale);
        loop {
            let mine: Vec<String> = self
                .used
                .iter()
                .filter(|file| of_locale.contains(file))
                .cloned()
                .collect();
            let using: Vec<&str> = mine.iter().map(String::as_str).collect();
            let loaded = self.load(locale, &using);
            if loaded.read.is_empty()
                && loaded.checked.is_empty()
                && let Some(library) = loaded.library
            {
                // The folder's clinic.ron is used without the fields it left out, named here.
                for left_out in &library.clinic.left_out {
                    let problem = clinic::reported(left_out);
                    let said = Problem {
                        file: self.named(&problem.file),
                        ..problem
                    };
                    if !self.problems.contains(&said) {
                        self.problems.push(said);
                    }
                }
                return Ok(Edition {
                    library,
                    texts: loaded.texts,
                    files: mine,
                });
            }
            // A file that cannot be read or parsed, or is too big, is wrong by itself.
            if !loaded.read.is_empty() {
                let blamed: Vec<String> = mine
                    .iter()
                    .filter(|file| loaded.read.iter().any(|problem| &problem.file == *file))
                    .cloned()
                    .collect();
                if blamed.is_empty() {
                    return Err(Problems(loaded.problems()));
                }
                for file in blamed {
                    let own = loaded
                        .read
                        .iter()
                        .filter(|problem| problem.file == file)
                        .cloned()
                        .collect();
                    self.leave_out(&file, own);
                }
                continue;
            }
            let found = loaded.checked;
            if mine.is_empty() {
                return Err(Problems(found));
            }
            // A check across files: leave out the folder file whose absence mends the most of
            // what was found, so that a good file that only tripped over a bad one stays (a
            // page of the folder naming a side effect the folder's list broke, say).
            let same = |a: &Problem, b: &Problem| a.file == b.file && a.message == b.message;
            let mut best: Option<(usize, &String, Vec<Problem>)> = None;
            for candidate in &mine {
                let without: Vec<&str> = using
                    .iter()
                    .copied()
                    .filter(|file| file != candidate)
                    .collect();
                let still = self.load(locale, &without).problems();
                let mended: Vec<Problem> = found
                    .iter()
                    .filter(|problem| !still.iter().any(|other| same(problem, other)))
                    .cloned()
                    .collect();
                if mended.len() > best.as_ref().map_or(0, |(count, ..)| *count) {
                    best = Some((mended.len(), candidate, mended));
                }
            }
            match best {
                Some((_, culprit, mended)) => {
                    let culprit = culprit.clone();
                    self.leave_out(&culprit, mended);
                }
                // Only leaving out two or more mends it: leave out them all.
                None => {
                    for file in &mine {
                        self.leave_out(file, found.clone());
                    }
                }
            }
        }
    }
}

/// `said` with the words that its rate names no unit, where it names none.
pub fn with_unstated_note(said: String, rate: Rate, words: &model::RateWords) -> String {
    if rate.of() == model::Denominator::Unstated {
        said + &words.unstated_note
    } else {
        said
    }
}

/// A run of resolved patient text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Plain(String),
    /// A glossary term, explained when tapped.
    Term {
        text: String,
        id: TermId,
    },
    /// A rate in words, shown in bold.
    Number(String),
}

impl Span {
    pub fn text(&self) -> &str {
        match self {
            Span::Plain(text) | Span::Number(text) | Span::Term { text, .. } => text,
        }
    }
}

/// U+FEFF in UTF-8.
const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// Reads and parses files, keeping their text and every problem met.
struct Reader<'r, R> {
    read: &'r R,
    files: Files,
    problems: Vec<Problem>,
}

impl<'a, R: Fn(&str) -> Result<Cow<'a, [u8]>, Unread>> Reader<'_, R> {
    fn parse<T: DeserializeOwned>(&mut self, file: &str) -> Option<T> {
        let value = self.parse_with(file, |text| ron::from_str::<T>(text))?;
        let text = &self.files.texts.last().expect("just read").1;
        self.problems.extend(check::sizes(file, text));
        Some(value)
    }

    /// Reads `file` and makes something of its text with `parse`.
    fn parse_with<T>(
        &mut self,
        file: &str,
        parse: impl FnOnce(&str) -> ron::error::SpannedResult<T>,
    ) -> Option<T> {
        let problem = |position, message: String| Problem {
            file: file.to_owned(),
            position,
            message,
        };
        let bytes = match (self.read)(file) {
            Ok(bytes) if bytes.len() as u64 > check::MAX_FILE_BYTES => Err(Unread::TooLarge {
                bytes: bytes.len() as u64,
            }),
            other => other,
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(unread) => {
                self.problems.push(problem(None, unread.to_string()));
                return None;
            }
        };
        let mut bytes = bytes.into_owned();
        // Old Windows editors start a UTF-8 file with a byte-order mark; it is no part of the text.
        if bytes.starts_with(BYTE_ORDER_MARK) {
            bytes.drain(..BYTE_ORDER_MARK.len());
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let at = error.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(&error.into_bytes()[..at]).into_owned();
                self.problems.push(problem(
                    Some(line_and_column(&text)),
                    "the file is not UTF-8 text".to_owned(),
                ));
                return None;
            }
        };
        // Controls and direction overrides are taken out of every text, and named; the
        // clinic's details are cleaned field by field as they are read (`clinic::read`).
        let (cleaned, hidden) = if file == File::Clinic.path("") {
            (Cow::Borrowed(text.as_str()), Vec::new())
        } else {
            check::without_hidden_controls(&text)
        };
        let parsed = parse(&cleaned);
        let hidden = check::hidden_control_problems(file, &text, &hidden);
        drop(cleaned);
        self.problems.extend(hidden);
        self.files.texts.push((file.to_owned(), text));
        match parsed {
            Ok(value) => Some(value),
            Err(error) => {
                let start = error.span.start;
                let text = &self.files.texts.last().expect("just pushed").1;
                let mut message = parse_message(&error.code);
                // `low: 1.5`: ron reads the 1, then stops at the point.
                if decimal_point_at(text, start.line, start.col) {
                    message = "expected a whole number with no decimal point".to_owned();
                }
                let about_a_value = !matches!(
                    error.code,
                    ron::Error::MissingStructField { .. }
                        | ron::Error::DuplicateStructField { .. }
                        | ron::Error::TrailingCharacters
                );
                if about_a_value && let Some(field) = field_at(text, start.line, start.col) {
                    message.push_str(&format!(" for '{field}'"));
                }
                self.problems
                    .push(problem(Some((start.line, start.col)), message));
                None
            }
        }
    }
}

/// What a RON parse error expected, in words that never repeat the file's own: the file may be
/// anything a link points to, and its words are not for the terminal or a log.
fn parse_message(error: &ron::Error) -> String {
    use ron::Error as E;
    let known = |name: &Option<String>| {
        name.as_deref()
            .filter(|name| known_name(name))
            .map_or_else(String::new, |name| format!(" of {name}"))
    };
    match error {
        E::ExpectedDifferentStructName { expected, .. } => format!("expected {expected}(...)"),
        E::InvalidIntegerDigit { base, .. } => format!("expected a digit of a base-{base} number"),
        E::NoSuchExtension(_) => "unknown RON extension".to_owned(),
        E::UnexpectedChar(_) => "unexpected character".to_owned(),
        E::InvalidValueForType { expected, found } => {
            // `found` quotes the value ("the string \"…\""): say only what kind of value it is.
            let kind = if found.starts_with("the string") {
                "text"
            } else if found.starts_with("the boolean") {
                "true or false"
            } else if found.starts_with("the UTF-8 character") {
                "a character"
            } else if found.starts_with("the byte string") {
                "bytes"
            } else if found.starts_with("the ") {
                "a number"
            } else {
                found
            };
            format!("expected {expected}, not {kind}")
        }
        E::NoSuchEnumVariant {
            expected, outer, ..
        } => format!(
            "unknown kind{}; expected one of {}",
            known(outer),
            expected.join(", ")
        ),
        E::NoSuchStructField {
            expected, outer, ..
        } => format!(
            "unknown field{}; expected one of {}",
            known(outer),
            expected.join(", ")
        ),
        E::MissingStructField { field, outer } => {
            match outer.as_deref().filter(|n| known_name(n)) {
                Some(outer) => format!("{outer} needs the field {field}"),
                None => format!("the field {field} is missing"),
            }
        }
        E::DuplicateStructField { field, .. } => format!("the field {field} is given twice"),
        E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => "not a valid name".to_owned(),
        E::Message(_) | E::Io(_) => "not a valid value here".to_owned(),
        // The rest quote nothing of the file: say them as ron does, in lower case.
        E::Fmt
        | E::Eof
        | E::ExpectedArray
        | E::ExpectedArrayEnd
        | E::ExpectedAttribute
        | E::ExpectedAttributeEnd
        | E::ExpectedBoolean
        | E::ExpectedComma
        | E::ExpectedChar
        | E::ExpectedByteLiteral
        | E::ExpectedFloat
        | E::FloatUnderscore
        | E::ExpectedInteger
        | E::ExpectedOption
        | E::ExpectedOptionEnd
        | E::ExpectedMap
        | E::ExpectedMapColon
        | E::ExpectedMapEnd
        | E::ExpectedStructLike
        | E::ExpectedNamedStructLike(_)
        | E::ExpectedStructLikeEnd
        | E::ExpectedUnit
        | E::ExpectedString
        | E::ExpectedByteString
        | E::ExpectedStringEnd
        | E::ExpectedIdentifier
        | E::InvalidEscape(_)
        | E::IntegerOutOfBounds
        | E::UnclosedBlockComment
        | E::UnclosedLineComment
        | E::UnderscoreAtBeginning
        | E::Utf8Error(_)
        | E::TrailingCharacters
        | E::ExpectedDifferentLength { .. }
        | E::ExpectedRawValue
        | E::ExceededRecursionLimit
        | E::ExpectedStructName(_)
        | E::ExpectedRangeSyntax => lower_first(&error.to_string()),
        _ => "not valid here".to_owned(),
    }
}

/// `text` with its first letter in lower case: ron says "Expected integer", and the guide's
/// messages start in lower case.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// Whether `name` is a field or a kind of the guide's own files (`meaning`, `Bullets`): words of
/// the guide, which a message may repeat, unlike the words of a file it reads.
fn known_name(name: &str) -> bool {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut names = HashSet::new();
        for file in Embedded::iter() {
            let Some(embedded) = Embedded::get(&file) else {
                continue;
            };
            let text = String::from_utf8_lossy(&embedded.data);
            let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
            let mut rest: &str = &text;
            while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic()) {
                let name_and_after = &rest[start..];
                let end = name_and_after
                    .find(|c: char| !is_name(c))
                    .unwrap_or(name_and_after.len());
                let (name, after) = name_and_after.split_at(end);
                if after.trim_start().starts_with([':', '(']) {
                    names.insert(name.to_owned());
                }
                rest = after;
            }
        }
        names
    });
    names.contains(name)
}

/// The 1-based line and column just after `before`.
fn line_and_column(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Whether a digit, a point and a digit meet at a 1-based line and column (at the point, or
/// at the digit after it).
fn decimal_point_at(text: &str, line: usize, column: usize) -> bool {
    let Some(line) = line
        .checked_sub(1)
        .and_then(|index| text.lines().nth(index))
    else {
        return false;
    };
    let chars: Vec<char> = line.chars().collect();
    let at = column.saturating_sub(1);
    [at, at.saturating_sub(1)].into_iter().any(|point| {
        point > 0
            && chars.get(point) == Some(&'.')
            && chars[point - 1].is_ascii_digit()
            && chars.get(point + 1).is_some_and(char::is_ascii_digit)
    })
}

/// The field whose value starts before a position, when it is on the same line:
/// `rate: Some(Range(low: "x"` at the `"` gives `low`. Only a name of the guide's own files is
/// given, never other words of the file.
fn field_at(text: &str, line: usize, column: usize) -> Option<&str> {
    let line = text.lines().nth(line.checked_sub(1)?)?;
    let end = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(at, _)| at);
    let before = line[..end].trim_end();
    let before = before.strip_suffix(':').or_else(|| {
        let colon = before.rfind(':')?;
        Some(&before[..colon])
    })?;
    let name_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |at| at + 1);
    let name = &before[name_start..];
    known_name(name).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The embedded files, with some replaced.
    fn embedded_with(replaced: &[(&str, &str)]) -> Result<Library, Problems> {
        let replaced: HashMap<&str, &str> = replaced.iter().copied().collect();
        Library::load("en", |file| match replaced.get(file) {
            Some(text) => Some(Cow::Owned(text.as_bytes().to_vec())),
            None => Embedded::get(file).map(|embedded| embedded.data),
        })
    }

    #[test]
    fn the_embedded_english_edition_loads_and_checks() {
        let library = Library::embedded("en").unwrap_or_else(|problems| panic!("{problems}"));
        assert_eq!(library.pages.len(), PageId::ALL.len());
        for (page, id) in library.pages.iter().zip(PageId::ALL) {
            assert_eq!(page.id, id.id());
        }
        assert!(library.conditions().count() >= 19);
        assert!(!library.glossary.is_empty());
    }

    #[test]
    fn a_parse_error_names_the_file_line_and_column() {
        let broken = "Page(\n    id: \"risks\",\n    title: 12,\n)";
        let problems = embedded_with(&[("en/pages/risks.ron", broken)]).unwrap_err();
        assert_eq!(problems.0.len(), 1, "{problems}");
        let message = problems.0[0].to_string();
        assert!(message.starts_with("en/pages/risks.ron:3:"), "{message}");
        assert!(message.contains("string"), "{message}");
    }

    #[test]
    fn every_broken_file_is_reported_not_just_the_first() {
        let problems = embedded_with(&[
            ("en/pages/about.ron", "Page("),
            ("en/glossary.ron", "[Term(id: 1)]"),
            ("clinic.ron", "\u{0}"),
        ])
        .unwrap_err();
        let files: Vec<&str> = problems.0.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(
            files,
            ["en/pages/about.ron", "en/glossary.ron", "clinic.ron"]
        );
    }

    #[test]
    fn a_missing_file_and_bad_bytes_are_problems_not_panics() {
        let problems = Library::load("en", |file| {
            (file != "en/ui.ron").then(|| Cow::Owned(vec![b'[', 0xff, 0xfe]))
        })
        .unwrap_err();
        assert!(
            problems
                .0
                .iter()
                .any(|p| p.to_string() == "en/ui.ron: the file is missing")
        );
        assert!(problems.0.iter().any(|p| p.message.contains("UTF-8")));
    }

    #[test]
    fn markup_resolves_terms_and_rates() {
        let library = Library::embedded("en").unwrap();
        let spans = library.spans("A [collapsed lung](pneumothorax) after {rate:bruising}.");
        assert_eq!(
            spans[1],
            Span::Term {
                text: "collapsed lung".into(),
                id: "pneumothorax".into()
            }
        );
        assert_eq!(
            spans[3],
            Span::Number("15 to 20 out of every 100 treatments".into())
        );
        assert_eq!(
            library.plain("A [collapsed lung](pneumothorax)."),
            "A collapsed lung."
        );
    }

    #[test]
    fn a_wrong_value_names_its_field() {
        let text = "[\n    SideEffect(\n        rate: Some(Range(low: \"x\", high: 20, of: Treatments)),\n";
        assert_eq!(field_at(text, 3, 31), Some("low"));
        assert_eq!(field_at(text, 3, 9), None);
        assert_eq!(field_at(text, 99, 1), None);
        let broken =
            built_in_text("en/side-effects.ron").replacen("low: 15", "low: \"fifteen\"", 1);
        let problems = embedded_with(&[("en/side-effects.ron", &broken)]).unwrap_err();
        let message = problems.0[0].to_string();
        assert!(message.starts_with("en/side-effects.ron:"), "{message}");
        assert!(message.ends_with("for 'low'"), "{message}");
    }

    #[test]
    fn a_file_over_the_size_limit_is_a_problem_however_it_is_read() {
        let big = vec![b' '; check::MAX_FILE_BYTES as usize + 1];
        let problems = Library::load("en", |file| {
            if file == "en/ui.ron" {
                Some(Cow::Owned(big.clone()))
            } else {
                Embedded::get(file).map(|embedded| embedded.data)
            }
        })
        .unwrap_err();
        assert_eq!(
            problems.to_string(),
            format!(
                "en/ui.ron: the file is {} bytes; a content file may have at most 1048576 (1 MiB)",
                check::MAX_FILE_BYTES + 1
            )
        );
    }

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
        assert!(read_regular(maps, false, check::MAX_FILE_BYTES).is_ok());
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_text() {
        let mut ui = vec![0xEF, 0xBB, 0xBF];
        ui.extend_from_slice(&Embedded::get("en/ui.ron").unwrap().data);
        let loaded = Library::load("en", |file| {
            if file == "en/ui.ron" {
                Some(Cow::Owned(ui.clone()))
            } else {
                Embedded::get(file).map(|embedded| embedded.data)
            }
        })
        .unwrap_or_else(|problems| panic!("{problems}"));
        assert_eq!(loaded.ui, Library::embedded("en").unwrap().ui);
        // Positions are counted in the text, after the mark.
        let with_mark = embedded_with(&[("clinic.ron", "\u{FEFF}Clinic(name: 5)")]).unwrap_err();
        let without = embedded_with(&[("clinic.ron", "Clinic(name: 5)")]).unwrap_err();
        assert_eq!(with_mark, without);
    }

    /// A content file can be a link to anything, /etc/shadow say: what is wrong with it is said
    /// without its words.
    #[test]
    fn parse_errors_say_what_was_expected_without_the_files_words() {
        let secret = "hunter2";
        let cases = [
            ("clinic.ron", "hunter2:$y$j9T$hunter2:19000:0:99999:7:::\n"),
            ("clinic.ron", "Hunter2(name: \"\")"),
            ("clinic.ron", "Clinic(hunter2: \"x\")"),
            ("clinic.ron", "Clinic(name: hunter2)"),
            ("clinic.ron", "Clinic(name: \"a\") hunter2"),
            ("clinic.ron", "Clinic(name: 'h')"),
            ("clinic.ron", "Clinic(name: r#hunter2)"),
            ("clinic.ron", "#![enable(hunter2)]\nClinic()"),
            ("clinic.ron", "Clinic(name: \"\", name: \"hunter2\")"),
            ("clinic.ron", "Clinic(name: \"a\" /* hunter2: */ 5)"),
            ("clinic.ron", "Clinic(name: ☃hunter2)"),
            ("clinic.ron", "Clinic(answers: (hunter2: \"\"))"),
            (
                "en/side-effects.ron",
                "[SideEffect(id: \"a\", name: \"b\", text: \"c\", rate: Some(Hunter2(n: 1)))]",
            ),
            (
                "en/side-effects.ron",
                "[SideEffect(id: \"a\", name: \"b\", text: \"c\", rate: Some(OneIn(n: \"hunter2\", of: Patients)))]",
            ),
            (
                "en/side-effects.ron",
                "[SideEffect(id: \"a\", name: \"b\", text: \"c\", rate: Some(OneIn(n: 0xhunter2, of: Patients)))]",
            ),
            (
                "en/glossary.ron",
                "[Term(id: \"hunter2\", word: true, meaning: \"\")]",
            ),
            ("en/glossary.ron", "[Term(id: \"hunter2\", word: \"x\")]"),
        ];
        for (file, text) in cases {
            let problems = embedded_with(&[(file, text)]).unwrap_err();
            let message = problems.0[0].to_string();
            assert!(
                message.starts_with(&format!("{file}:")),
                "{text}: {message}"
            );
            assert!(
                !message.to_lowercase().contains(secret),
                "{text}: {message}"
            );
            assert!(!message.contains('\u{2603}'), "{text}: {message}");
        }
        // What was expected is still said, in the guide's own words.
        let said =
            |file: &str, text: &str| embedded_with(&[(file, text)]).unwrap_err().0[0].to_string();
        assert_eq!(
            said("clinic.ron", "hunter2:$y$j9T$hunter2"),
            "clinic.ron:1:1: expected Clinic(...)"
        );
        assert!(
            said("clinic.ron", "Clinic(hunter2: \"x\")").contains(
                "unknown field of Clinic; expected one of name, phone, after_hours_phone, urgent_phone, web"
            )
        );
        assert_eq!(
            said("en/glossary.ron", "[Term(id: \"hunter2\", word: \"x\")]"),
            "en/glossary.ron:1:31: Term needs the field meaning"
        );
        assert_eq!(
            said("clinic.ron", "Clinic(name: 'h')"),
            "clinic.ron:1:8: expected string for 'name'; the guide leaves it out and uses the \
             rest of the file"
        );
    }

    #[test]
    fn the_clinics_details_lose_direction_overrides_and_control_characters() {
        let clinic = "Clinic(\n    name: \"Harbour\\u{202E}ecisyhP\\u{202C} Physio\\u{7}\",\n    \
                      phone: \"01\\u{1B}[2J 234\\u{85} 5678\\r\",\n    web: \"https://\\u{2066}x.example\\u{2069}\",\n    \
                      answers: (cost: \"$80\\tper visit\\nno \\u{0}surprises\"),\n)";
        let library = embedded_with(&[("clinic.ron", clinic)]).unwrap_or_else(|p| panic!("{p}"));
        assert_eq!(library.clinic.name, "HarbourecisyhP Physio");
        assert_eq!(library.clinic.phone, "01[2J 234 5678");
        assert_eq!(library.clinic.web, "https://x.example");
        assert_eq!(library.clinic.answers.cost, "$80\tper visit\nno surprises");
        assert_eq!(without_controls("plain"), Cow::Borrowed("plain"));
    }

    #[test]
    fn a_problem_is_one_line_without_control_characters() {
        let problem = Problem {
            file: "a\u{1B}[31m\nb\u{202E}.ron".into(),
            position: Some((1, 2)),
            message: "x\u{9B}y\u{2067}".into(),
        };
        assert_eq!(problem.to_string(), "a[31m b.ron:1:2: xy");
    }

    #[test]
    fn locate_finds_line_and_column() {
        let mut files = Files::default();
        files
            .texts
            .push(("a.ron".into(), "one\n  two \"x\"\n".into()));
        assert_eq!(files.locate("a.ron", "\"x\""), Some((2, 7)));
        assert_eq!(files.locate("a.ron", "zzz"), None);
        assert_eq!(files.locate("b.ron", "one"), None);
    }
}
