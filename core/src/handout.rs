//! The take-home handout: a PDF of two pages at most, and saving it and handing it to the
//! desktop.
//!
//! It is built from the library alone, so it says what the guide says, in the reader's language,
//! with the same numbers (`sheet`); laid out on paper by the font's own widths (`layout`); and
//! written as a tagged PDF with the guide's font in it (`pdf`). A PDF rather than a web page:
//! its pages are the pages printed, whatever prints them, with nothing added in the margins
//! (docs/handout.md says what was measured).

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::content::Library;
use crate::content::ids::ConditionId;

mod face;
mod layout;
mod pdf;
mod save;
mod sheet;
pub use crate::content::model::Paper;
pub use face::Faces;
pub use layout::{Laid, Mark, Placed, Role, WIDTH};
pub use save::{WriteError, make_private, private_folder, write_file};
pub use sheet::{Arrangement, Cuts, MAX_DESCRIBED, Piece, Run, Sheet, Shorten};

/// What the therapist chose for this patient.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HandoutOptions {
    /// The conditions ticked; unknown ids are left out.
    pub conditions: Vec<ConditionId>,
    /// What the teach-back check brought up, when the patient did it.
    pub discussion: Option<Discussion>,
    /// The paper it is printed on.
    pub paper: Paper,
}

/// What the teach-back check brought up: to go over together, and to sign beside the clinic's
/// own consent form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Discussion {
    /// The topics of the questions missed or not sure.
    pub topics: Vec<String>,
    /// The questions the patient ticked to ask.
    pub questions: Vec<String>,
    /// The "are you sure" questions answered no.
    pub unsure: Vec<String>,
}

/// The handout printed: the PDF's bytes, how many pages it has, and what was left out to keep
/// it to two pages (empty when nothing was).
#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    pub pdf: Vec<u8>,
    /// Every page: those that go home, then the page to sign, where there is one (the pages that
    /// go home: `laid.take_home_pages()`).
    pub pages: usize,
    pub left_out: Vec<String>,
    /// Where each mark went, for tests and for the words each page holds.
    pub laid: Laid,
    /// What it says, in reading order.
    pub sheet: Sheet,
}

/// What the handout says for `options`, without what `cuts` gives up, before it is laid out.
pub fn sheet(library: &Library, options: &HandoutOptions, cuts: &Cuts) -> Sheet {
    sheet::build(
        &library.as_printed(),
        options,
        cuts,
        Arrangement::ExpectedWithSteps,
        &Faces::new().regular,
    )
}

/// The pages that go home: a handout keeps to these.
pub const MAX_PAGES: usize = 2;

/// The pages to sign after the check, on a sheet of their own that the clinic keeps.
pub const SIGNING_PAGES: usize = 1;

/// The handout as a PDF on `options.paper`: whom to call and what to do first, then the
/// conditions ticked, the side effects with their pictures and sources, and what to tell the
/// therapist, on two pages that go home; after the check, the discussion summary with lines to
/// sign on a page of its own, which the clinic keeps with its consent form. When the pages that
/// go home run past two, or the page to sign past one, what the guide says at more length is left
/// out, in [`Shorten`]'s order, and the handout says so.
pub fn print(library: &Library, options: &HandoutOptions) -> Result<Printed, String> {
    let faces = Faces::new();
    let printed = library.as_printed();
    // Each arrangement fitted on its own; the one that gives up least is printed (the first, of
    // two that give up the same).
    let (_, sheet, laid) = Arrangement::ALL
        .into_iter()
        .map(|arrangement| fitted(&printed, options, arrangement, &faces))
        .min_by(|(one, ..), (other, ..)| one.severity().cmp(&other.severity()))
        .expect("an arrangement");
    let pdf = pdf::write(&laid, &sheet.lang, &sheet.title)?;
    Ok(Printed {
        pdf,
        pages: laid.pages.len(),
        left_out: sheet.left_out.clone(),
        laid,
        sheet,
    })
}

/// The handout for `options` in `arrangement`, fitted to its pages: what it gives up, what it
/// says, and its pages.
fn fitted(
    library: &Library,
    options: &HandoutOptions,
    arrangement: Arrangement,
    faces: &Faces,
) -> (Cuts, Sheet, Laid) {
    let build = |cuts: &Cuts| sheet::build(library, options, cuts, arrangement, &faces.regular);
    let lay_out = |sheet: &Sheet| layout::lay_out(sheet, options.paper, faces);
    let fits =
        |laid: &Laid| laid.take_home_pages() <= MAX_PAGES && laid.signing_pages() <= SIGNING_PAGES;
    // Give up one step at a time, skipping steps that change nothing, until it fits or nothing
    // is left to give up.
    let mut cuts = Cuts::none();
    let mut sheet = build(&cuts);
    let mut laid = lay_out(&sheet);
    let mut step = Shorten::Whole;
    while !fits(&laid) {
        let shorter = std::iter::successors(step.next(), |step| step.next())
            .map(|step| (step, Cuts::up_to(step)))
            .map(|(step, cuts)| (step, build(&cuts), cuts))
            .find(|(_, shorter, _)| *shorter != sheet);
        let Some((last, shorter, fewer)) = shorter else {
            break;
        };
        laid = lay_out(&shorter);
        (step, sheet, cuts) = (last, shorter, fewer);
    }
    // Then give back, the last given up first, whatever it fits without after all: a later
    // step may have made room for an earlier one. The page to sign's own cuts go back first:
    // while they are given up, the pages that go home say so, in room that what those pages
    // hold could use, and the pages that go home are then the same with and without the page
    // to sign. Then what leaves words or pictures out, before what only sets things tighter
    // (the whole checklist rather than bigger pictures). A step whose return changes nothing
    // (one of the checklist's, under a longer one) is given back without laying the sheet out
    // again.
    if fits(&laid) {
        let mut given_back: Vec<Shorten> = cuts.latest_first().collect();
        // A stable sort: the last given up stays first within each kind.
        given_back.sort_by_key(|step| (!step.on_the_page_to_sign(), !step.leaves_out()));
        for given_up in given_back {
            let fewer = cuts.without(given_up);
            let fuller = build(&fewer);
            if fuller == sheet {
                cuts = fewer;
                continue;
            }
            let fuller_laid = lay_out(&fuller);
            if fits(&fuller_laid) {
                (cuts, sheet, laid) = (fewer, fuller, fuller_laid);
            }
        }
    }
    (cuts, sheet, laid)
}

/// Why a program could not show a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct OpenError(pub String);

/// Hands a file to another program to show it.
pub trait Opener {
    fn open(&self, path: &Path) -> Result<(), OpenError>;
}

/// Opens nothing, so the file is only saved: for machines where starting a browser would be
/// wrong, and for tests.
pub struct NoOpener;

impl Opener for NoOpener {
    fn open(&self, _path: &Path) -> Result<(), OpenError> {
        Err(OpenError("opening files is turned off here".to_owned()))
    }
}

/// Where handouts go: the user's Documents folder when there is one, else a private folder of
/// the user's own ([`private_folder`]), never the shared temporary folder itself.
pub fn default_folder() -> PathBuf {
    let var = |name: &str| std::env::var_os(name);
    documents_folder(var).unwrap_or_else(|| private_folder(var))
}

/// The Documents folder named by `XDG_DOCUMENTS_DIR`, else the one in the home folder (`HOME`,
/// or `USERPROFILE` on Windows), if it exists. `var` reads the environment, so tests can fake it.
fn documents_folder(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<PathBuf> {
    let existing = |path: PathBuf| path.is_dir().then_some(path);
    let from_xdg = var("XDG_DOCUMENTS_DIR")
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
        .and_then(existing);
    from_xdg.or_else(|| {
        ["HOME", "USERPROFILE"]
            .into_iter()
            .filter_map(&var)
            .find(|value| !value.is_empty())
            .map(|home| PathBuf::from(home).join("Documents"))
            .and_then(existing)
    })
}

/// The file name for a handout, before any "-2": the locale and stamp, with anything that could
/// leave the folder or upset a file system replaced.
fn file_stem(locale: &str, now: &str) -> String {
    let safe = |text: &str| -> String {
        text.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    };
    format!("needle-guide-handout-{}-{}", safe(locale), safe(now))
}

/// How many "-2", "-3" ... to try before giving up; far more than a clinic makes in a minute.
const MAX_COPIES: u32 = 1000;

/// Why a handout could not be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("{path}: {reason}")]
    Write { path: PathBuf, reason: String },
    #[error("{path}: {MAX_COPIES} handouts with this name already exist")]
    NameTaken { path: PathBuf },
}

/// Writes the handout as `needle-guide-handout-{locale}-{now}.pdf` in `folder` and returns its
/// path. It never writes over a file: if the name is taken it tries "-2", "-3" and so on, and
/// each file is given its name only if nothing has it ([`write_file`]), so even a handout saved
/// at the same moment by another window cannot be overwritten.
pub fn save(
    library: &Library,
    options: &HandoutOptions,
    folder: &Path,
    now: &str,
) -> Result<PathBuf, SaveError> {
    Job::new(library, options, folder.to_owned()).save(now)
}

/// A handout to make and save: what goes on it, and where it goes. Making it takes tens of
/// milliseconds, so it is done with the saving, in the app's task, not in its update.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    library: Library,
    options: HandoutOptions,
    folder: PathBuf,
}

impl Job {
    pub fn new(library: &Library, options: &HandoutOptions, folder: PathBuf) -> Job {
        Job {
            library: library.clone(),
            options: options.clone(),
            folder,
        }
    }

    /// The PDF, or why it could not be made.
    pub fn pdf(&self) -> Result<Vec<u8>, String> {
        print(&self.library, &self.options).map(|printed| printed.pdf)
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Saves it under a new name stamped `now` (see [`save`]), readable by its owner only
    /// ([`write_file`]); the private folder that stands in for Documents is made first.
    pub fn save(&self, now: &str) -> Result<PathBuf, SaveError> {
        let var = |name: &str| std::env::var_os(name);
        if self.folder == private_folder(var) {
            make_private(&self.folder).map_err(|reason| SaveError::Write {
                path: self.folder.clone(),
                reason,
            })?;
        }
        let stem = file_stem(&self.library.locale, now);
        let pdf = self.pdf().map_err(|reason| SaveError::Write {
            path: self.folder.join(format!("{stem}.pdf")),
            reason,
        })?;
        for copy in 1..=MAX_COPIES {
            let name = if copy == 1 {
                format!("{stem}.pdf")
            } else {
                format!("{stem}-{copy}.pdf")
            };
            let path = self.folder.join(name);
            return match write_file(&path, &pdf, false) {
                Ok(()) => Ok(path),
                Err(WriteError::Exists(_)) => continue,
                Err(WriteError::Failed { path, reason }) => Err(SaveError::Write { path, reason }),
            };
        }
        Err(SaveError::NameTaken {
            path: self.folder.join(format!("{stem}.pdf")),
        })
    }

    /// Saves it, then asks `opener` to show it.
    pub fn run(&self, now: &str, opener: &dyn Opener) -> Outcome {
        match self.save(now) {
            Ok(path) => match opener.open(&path) {
                Ok(()) => Outcome::Sent(path),
                Err(_) => Outcome::SavedOnly(path),
            },
            Err(error) => Outcome::Failed(error),
        }
    }
}

/// What became of a handout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Saved, and handed to the desktop's launcher to show: whether a window opened, the
    /// launcher cannot tell.
    Sent(PathBuf),
    /// Saved, but nothing opened it (no desktop program): staff open the file.
    SavedOnly(PathBuf),
    /// Not saved, and why.
    Failed(SaveError),
}

impl Outcome {
    /// The saved file, if it was saved.
    pub fn saved(&self) -> Option<&Path> {
        match self {
            Outcome::Sent(path) | Outcome::SavedOnly(path) => Some(path),
            Outcome::Failed(_) => None,
        }
    }
}

/// Saves the handout, then asks `opener` to show it.
pub fn save_and_open(
    library: &Library,
    options: &HandoutOptions,
    folder: &Path,
    now: &str,
    opener: &dyn Opener,
) -> Outcome {
    Job::new(library, options, folder.to_owned()).run(now, opener)
}

/// The sentence that tells staff what happened, in the library's language.
pub fn message(library: &Library, outcome: &Outcome) -> String {
    let words = &library.ui.handout;
    match outcome {
        Outcome::Sent(path) => words
            .saved_and_sent
            .replace("{path}", &path.display().to_string()),
        Outcome::SavedOnly(path) => words
            .saved_only
            .replace("{path}", &path.display().to_string()),
        Outcome::Failed(error) => words.failed.replace("{error}", &error.to_string()),
    }
}

/// The time now as "YYYYMMDD-HHMMSS" in UTC, for file names that sort by when they were made.
pub fn timestamp() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    stamp(seconds)
}

/// Seconds since 1970-01-01 00:00 UTC as "YYYYMMDD-HHMMSS".
pub fn stamp(unix_seconds: u64) -> String {
    let days = unix_seconds / 86_400;
    let rest = unix_seconds % 86_400;
    let (year, month, day) = crate::calendar::civil_date(days);
    format!(
        "{year:04}{month:02}{day:02}-{:02}{:02}{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::ffi::OsString;

    #[test]
    fn stamps_match_known_dates() {
        assert_eq!(stamp(0), "19700101-000000");
        assert_eq!(stamp(951_782_400), "20000229-000000");
        assert_eq!(stamp(1_798_329_600), "20261227-000000");
        // The last second of a leap year, and the first of the next.
        assert_eq!(stamp(1_735_689_599), "20241231-235959");
        assert_eq!(stamp(1_735_689_600), "20250101-000000");
        assert_eq!(stamp(4_107_542_400 + 3_723), "21000301-010203");
    }

    #[test]
    fn file_names_cannot_leave_the_folder() {
        assert_eq!(
            file_stem("en", "20261127-0930"),
            "needle-guide-handout-en-20261127-0930"
        );
        assert_eq!(
            file_stem("../x", "a/b\\c d"),
            "needle-guide-handout----x-a-b-c-d"
        );
    }

    #[test]
    fn the_documents_folder_is_used_only_if_it_exists() {
        let root =
            std::env::temp_dir().join(format!("needle-guide-handout-unit-{}", std::process::id()));
        let xdg = root.join("Dokumente");
        let home = root.join("home");
        std::fs::create_dir_all(&xdg).unwrap();
        std::fs::create_dir_all(home.join("Documents")).unwrap();
        let env = |pairs: &[(&str, &Path)]| {
            let map: HashMap<String, OsString> = pairs
                .iter()
                .map(|(name, path)| (name.to_string(), path.as_os_str().to_owned()))
                .collect();
            move |name: &str| map.get(name).cloned()
        };
        let missing = root.join("missing");

        let found = documents_folder(env(&[("XDG_DOCUMENTS_DIR", &xdg), ("HOME", &home)]));
        assert_eq!(found, Some(xdg.clone()));
        let found = documents_folder(env(&[("XDG_DOCUMENTS_DIR", &missing), ("HOME", &home)]));
        assert_eq!(found, Some(home.join("Documents")));
        assert_eq!(documents_folder(env(&[("HOME", &missing)])), None);
        assert_eq!(documents_folder(env(&[])), None);

        std::fs::remove_dir_all(&root).unwrap();
    }
}
