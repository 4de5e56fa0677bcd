//! All the words and numbers of one edition of the guide, read from RON files embedded in the
//! binary.

pub mod chart;
pub mod check;
mod clinic;
mod embedded;
pub mod files;
mod folder;
pub mod ids;
pub mod markup;
pub mod model;
mod parse;
mod problem;
pub mod rate;
pub mod route;

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use ids::TermId;
use model::{
    Clinic, Condition, Page, PageEntry, PageKind, Rate, Region, SideEffect, Source, Term, Ui,
};
use route::PageId;

use embedded::Embedded;
pub use embedded::LOCALES;
#[cfg(test)]
pub(crate) use embedded::{built_in_bytes, built_in_text};
pub use files::File;
pub use folder::{Access, ContentFolder, Unknown, Unread, export, io_words};
pub use parse::Files;
use parse::{Reader, known_name, line_and_column, parse_message};
use problem::lower_first;
pub use problem::{Problem, Problems, is_hidden_control, without_controls};

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

/// One edition of the guide: every page of one locale and the data they draw on.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    pub locale: String,
    pub ui: Ui,
    /// The pages in reading order (`pages.ron`), with each one's icon, kind and colour.
    pub page_list: Vec<PageEntry>,
    /// Each page's words, in the order of `page_list`.
    pub pages: Vec<Page>,
    pub side_effects: Vec<SideEffect>,
    pub regions: Vec<Region>,
    pub glossary: Vec<Term>,
    /// Where the numbers come from.
    pub sources: Vec<Source>,
    pub clinic: Clinic,
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

    /// The page `page`. Checked content has every page its list names, and every page the code
    /// names ([`PageId::ALL`]); a route to any other shows the first page, home.
    pub fn page(&self, page: PageId) -> &Page {
        self.position(page)
            .map_or(&self.pages[0], |index| &self.pages[index])
    }

    /// The page content names by `id` ("teaches: page", a tile), if the guide has it. An id it
    /// does not have is not made a `PageId`.
    pub fn page_named(&self, id: &str) -> Option<PageId> {
        self.page_list
            .iter()
            .find(|entry| entry.id == id)
            .map(|entry| PageId::new(&entry.id))
    }

    /// Whether the guide has the page `page`.
    pub fn has_page(&self, page: PageId) -> bool {
        self.position(page).is_some()
    }

    /// The page's place in the page list: its icon, kind and colour.
    pub fn page_entry(&self, page: PageId) -> Option<&PageEntry> {
        self.position(page).map(|index| &self.page_list[index])
    }

    /// Every page, in reading order.
    pub fn page_ids(&self) -> impl Iterator<Item = PageId> + '_ {
        self.page_list.iter().map(|entry| PageId::new(&entry.id))
    }

    /// The first page of `kind` in the list.
    pub fn page_of_kind(&self, kind: PageKind) -> Option<PageId> {
        self.page_list
            .iter()
            .find(|entry| entry.kind == kind)
            .map(|entry| PageId::new(&entry.id))
    }

    /// The page after `page` in reading order.
    pub fn next_page(&self, page: PageId) -> Option<PageId> {
        let index = self.position(page)?;
        self.page_ids().nth(index + 1)
    }

    /// The page before `page` in reading order.
    pub fn previous_page(&self, page: PageId) -> Option<PageId> {
        let index = self.position(page)?;
        self.page_ids().nth(index.checked_sub(1)?)
    }

    fn position(&self, page: PageId) -> Option<usize> {
        self.page_list
            .iter()
            .position(|entry| entry.id == page.id())
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

    /// The names of the sources `ids` name, in their order, as a reader sees them; an id that
    /// `sources.ron` does not have (`check` refuses one) is left out.
    pub fn source_names<'a>(&self, ids: impl IntoIterator<Item = &'a String>) -> Vec<String> {
        ids.into_iter()
            .filter_map(|id| self.source(id))
            .map(|source| self.plain(&source.name))
            .collect()
    }

    /// "Source" before one source's name, "Sources" before more.
    pub fn source_label(&self, count: usize) -> &str {
        if count == 1 {
            &self.ui.source_label
        } else {
            &self.ui.sources_label
        }
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
                markup::Piece::LungAreas => spans.push(Span::Plain(self.ui.lung_areas.clone())),
                markup::Piece::Rate { id } => {
                    let effect = self.side_effect(id);
                    spans.push(Span::Number(
                        effect
                            .and_then(|effect| effect.rate)
                            .map_or_else(|| id.to_owned(), |rate| self.rate_text(rate)),
                    ));
                    // Wherever a rate is read, it says whose number it is, and what studies
                    // counted where they counted it too.
                    if let Some(effect) = effect {
                        spans.extend(self.said_by(effect).map(Span::Plain));
                        spans.extend(self.in_studies(effect).map(Span::Plain));
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

    /// What the studies named by a side effect counted, out of the same whole as its rate.
    pub fn study_counts(&self, effect: &SideEffect) -> Option<rate::StudyCounts> {
        let findings: Vec<Rate> = effect
            .studies
            .iter()
            .map(|reference| self.finding(reference).map(|(_, finding)| finding.rate))
            .collect::<Option<_>>()?;
        rate::StudyCounts::new(effect.rate?, &findings)
    }

    /// "about 3 to 6 out of every 100 treatments": what studies counted of a side effect, in
    /// words; `None` where none did.
    pub fn study_counts_text(&self, effect: &SideEffect) -> Option<String> {
        self.study_counts(effect)
            .map(|counts| rate::format_counts(counts, &self.ui.rates))
    }

    /// "; in studies, about 3 to 6 out of every 100 treatments": what follows a side effect's
    /// source in running text where studies counted it too.
    fn in_studies(&self, effect: &SideEffect) -> Option<String> {
        let words = &self.ui.rates.in_studies;
        let counts = self.study_counts_text(effect)?;
        (!words.is_empty()).then(|| words.replace("{counts}", &counts))
    }

    /// "60 to 70 out of every 100 treatments; studies counted about 3 to 6 …": a side effect's
    /// rate with what studies counted, where a table names the sources under it.
    pub fn rate_with_studies(&self, effect: &SideEffect, rate: Rate) -> String {
        let mut text = self.rate_text(rate);
        text.extend(self.in_studies(effect));
        text
    }

    /// Every source a side effect's numbers come from: its own, then its studies', each once.
    pub fn effect_sources(&self, effect: &SideEffect) -> Vec<&Source> {
        let studies = effect
            .studies
            .iter()
            .filter_map(|reference| self.finding(reference).map(|(source, _)| source));
        let mut sources: Vec<&Source> = Vec::new();
        for source in effect
            .source
            .as_deref()
            .and_then(|id| self.source(id))
            .into_iter()
            .chain(studies)
        {
            if !sources.iter().any(|known| known.id == source.id) {
                sources.push(source);
            }
        }
        sources
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

#[cfg(test)]
mod tests {
    use super::folder::read_regular;
    use super::parse::field_at;
    use super::*;
    use std::collections::HashMap;
    use std::fs;
    use std::path::Path;

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
    fn reading_order_runs_from_home_to_the_check() {
        let library = Library::embedded("en").unwrap();
        assert_eq!(library.page_ids().next(), Some(PageId::HOME));
        assert_eq!(library.previous_page(PageId::HOME), None);
        assert_eq!(library.next_page(PageId::HOME), Some(PageId::ABOUT));
        assert_eq!(
            library.next_page(PageId::KEY_POINTS),
            Some(PageId::TEACH_BACK)
        );
        assert_eq!(library.next_page(PageId::TEACH_BACK), None);
        assert_eq!(
            library.previous_page(PageId::KEY_POINTS),
            Some(PageId::GLOSSARY)
        );
        assert_eq!(library.next_page(PageId::new("not-a-page")), None);
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
