//! Reading the editions: the built-in files, a clinic's folder over them, and the checks that
//! decide what loads.

use std::borrow::Cow;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::check;
use super::clinic;
use super::embedded::{Embedded, LOCALES};
use super::files::{self, File};
use super::folder::{ContentFolder, Unread};
use super::library::Library;
use super::model::{Page, PageEntry, Ui};
use super::parse::{Files, decimal_point_at, field_at, line_and_column, parse_message};
use super::problem::{Problem, Problems};
use super::route::PageId;

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
    pub(super) fn load_texts<'a>(
        locale: &str,
        read: impl Fn(&str) -> Result<Cow<'a, [u8]>, Unread>,
    ) -> Loaded {
        let mut reader = Reader {
            read: &read,
            files: Files::default(),
            problems: Vec::new(),
        };

        let page_list: Option<Vec<PageEntry>> = reader.parse(&File::PageList.path(locale));
        let readable = files::readable_pages(page_list.as_deref().unwrap_or_default());
        let pages: Vec<Option<Page>> = readable
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
            Some(page_list),
            Some(ui),
            Some(side_effects),
            Some(regions),
            Some(glossary),
            Some(sources),
            Some(clinic),
        ) = (
            page_list,
            ui,
            side_effects,
            regions,
            glossary,
            sources,
            clinic,
        )
        else {
            return unchecked(problems);
        };
        let Some(pages) = pages.into_iter().collect::<Option<Vec<Page>>>() else {
            return unchecked(problems);
        };

        let library = Library {
            locale: locale.to_owned(),
            ui,
            page_list,
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

/// What loading one edition found.
pub(super) struct Loaded {
    /// `None` if a file could not be read or parsed.
    pub(super) library: Option<Library>,
    pub(super) texts: Files,
    /// Met reading and parsing files: each is the named file's own, whatever the others hold.
    read: Vec<Problem>,
    /// Met checking the files together.
    checked: Vec<Problem>,
}

impl Loaded {
    pub(super) fn result(self) -> Result<Library, Problems> {
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
        // A shared file (the page list, clinic.ron) left out for one language is left out for
        // all: load them all again without it before comparing them.
        if gate.used.len() != used {
            continue;
        }
        let (base, others) = editions.split_first().expect("there is a first language");
        let drift: Vec<Problem> = others
            .iter()
            .flat_map(|other| check::locales_agree_in(&base.library, &other.library, &other.texts))
            .collect();
        if drift.is_empty() {
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
    /// The pages the folder's own page list adds, whose files it may have.
    own_pages: Vec<PageId>,
    read: Vec<(String, Vec<u8>)>,
    used: Vec<String>,
    problems: Vec<Problem>,
}

impl<'f> Gate<'f> {
    /// Reads every content file the folder has, each once (`clinic.ron` is shared).
    fn read(folder: Option<&'f ContentFolder>) -> Gate<'f> {
        let mut gate = Gate {
            folder,
            own_pages: folder.map(ContentFolder::own_pages).unwrap_or_default(),
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
            let own = files::pages_of(locale, &gate.own_pages);
            for file in files::of_locale(locale).into_iter().chain(own) {
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
            Some(folder) => folder.path().join(file).display().to_string(),
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
        loop {
            let mut of_locale = files::of_locale(locale);
            // The folder's own pages are read only through its own page list.
            if self.uses(&File::PageList.path(locale)) {
                of_locale.extend(files::pages_of(locale, &self.own_pages));
            }
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
                let page_list = File::PageList.path(locale);
                if blamed.is_empty() {
                    // A page the folder's list names, whose file is in neither the folder nor
                    // the built-in content: the list is what is wrong.
                    if mine.contains(&page_list) {
                        self.leave_out(&page_list, loaded.read);
                        continue;
                    }
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

#[cfg(test)]
mod tests {
    use super::super::embedded::built_in_text;
    use super::super::problem::without_controls;
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
        assert_eq!(library.pages.len(), library.page_list.len());
        assert!(PageId::ALL.into_iter().all(|page| library.has_page(page)));
        for (page, id) in library.pages.iter().zip(library.page_ids()) {
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
}
