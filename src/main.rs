//! `needle-guide`: read the command line, then open the guide or run a subcommand.

// On Windows the program is built for the window: no console window opens with it when it is
// started from Explorer or a shortcut. From a command prompt it writes to that prompt's console
// (`attach_to_console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use needle_guide::app::{self, App, KioskSettings};
use needle_guide::cli::{self, ClockFix, Command};
use needle_guide::content::check::{ClinicFile, NotReady};
use needle_guide::content::{
    self, ContentFolder, Edition, File, LOCALES, Library, Problem, Problems, check,
};
use needle_guide::document::guide_text;
use needle_guide::route::Route;
use needle_guide::screen::kiosk::lock as kiosk_lock;

/// Exit codes: 1 for a problem with the content or the display, 2 for a bad command line, 3 for
/// content that is sound but not ready for patients (`clinic.ron` lacks the emergency number or
/// the clinic's phone), from `check` and `--kiosk`. README.md lists them.
const FAILURE: u8 = 1;
const USAGE: u8 = 2;
const NOT_READY: u8 = 3;

fn main() -> ExitCode {
    #[cfg(windows)]
    attach_to_console();
    // Nobody at a kiosk or a desk should ever see a backtrace: say what broke in one line.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("unknown");
        if let Some(problem) = window_problem(message) {
            cannot_open_window(&problem);
        }
        eprintln!(
            "needle-guide: internal error: {}",
            content::without_controls(message)
        );
    }));

    let result = match cli::parse_from(std::env::args_os()) {
        // --help and --version (printed as clap itself would: a closed pipe is no failure).
        Err(asked) if asked.exit_code() == 0 => {
            let _ = asked.print();
            Ok(())
        }
        Err(error) => Err(Failure::CommandLine(error)),
        Ok(command) => carry_out(command),
    };
    match result {
        // The reader of the output has gone (`needle-guide text | head`): nothing is wrong.
        Ok(()) | Err(Failure::OutputClosed) => ExitCode::SUCCESS,
        Err(failure) => {
            // What the user typed comes back in some messages: never with controls that could
            // move the terminal's cursor or turn its text around.
            eprintln!(
                "needle-guide: {}",
                content::without_controls(&failure.to_string())
            );
            ExitCode::from(failure.exit_code())
        }
    }
}

/// Why a command did not succeed, in one line (the built-in content's problems aside).
#[derive(Debug, thiserror::Error)]
enum Failure {
    #[error("{}", cli::one_line(.0))]
    CommandLine(clap::Error),
    /// The content folder cannot be read.
    #[error("{0}")]
    Folder(String),
    #[error("unknown condition '{id}'; {valid}")]
    UnknownCondition { id: String, valid: String },
    /// `--page` names a page the guide (with the clinic's folder) does not have.
    #[error("unknown page '{id}'; {valid}")]
    UnknownPage { id: String, valid: String },
    /// `export-content` was refused (the folder is not empty) or could not write.
    #[error("{0}")]
    Export(String),
    #[error("the built-in content has problems:\n{0}")]
    BuiltIn(Problems),
    #[error("{0} problem(s) in the content")]
    Content(usize),
    /// `check` found no problem, but the clinic's details are not ready for patients (what is
    /// missing is on standard output).
    #[error("the content is NOT READY FOR PATIENTS (see above)")]
    NotReady,
    /// The kiosk was asked for, and no window opened: the clinic's details are not ready.
    #[error("NOT READY FOR PATIENTS, so the kiosk will not start: {0}")]
    KioskNotReady(NotReady),
    /// `handout -o` did not write its file.
    #[error("{0}")]
    Write(#[from] needle_guide::handout::WriteError),
    /// The handout's PDF could not be made.
    #[error("the handout could not be made: {0}")]
    Handout(String),
    /// The counts could not be read.
    #[error("{0}")]
    Insights(#[from] needle_guide::insights::InsightsError),
    /// No counts file was named and the environment names no data folder.
    #[error("no counts file: name one with --insights FILE")]
    NoInsightsFile,
    #[error("cannot open a window: {0}")]
    Window(#[from] iced::Error),
    /// A kiosk is already running on this screen, or that cannot be known.
    #[error("the kiosk will not start: {0}")]
    SecondKiosk(#[from] kiosk_lock::Refused),
    #[error(
        "cannot write to standard output: {}",
        content::io_words(.0, content::Access::Write)
    )]
    Output(std::io::Error),
    /// Standard output was closed by its reader; not reported.
    #[error("standard output was closed")]
    OutputClosed,
}

impl Failure {
    fn exit_code(&self) -> u8 {
        match self {
            Failure::CommandLine(_)
            | Failure::Folder(_)
            | Failure::UnknownCondition { .. }
            | Failure::UnknownPage { .. }
            | Failure::Export(_)
            | Failure::NoInsightsFile
            | Failure::Write(needle_guide::handout::WriteError::Exists(_)) => USAGE,
            Failure::BuiltIn(_)
            | Failure::Content(_)
            | Failure::Write(_)
            | Failure::Handout(_)
            | Failure::Insights(_)
            | Failure::Window(_)
            | Failure::SecondKiosk(_)
            | Failure::Output(_)
            | Failure::OutputClosed => FAILURE,
            Failure::NotReady | Failure::KioskNotReady(_) => NOT_READY,
        }
    }
}

/// Started from a command prompt, a program built for the window has no console: its output and
/// messages (`text`, `check`, `--help`, an error) would be lost. This sends them to the prompt's
/// console, unless they already go to a file or a pipe. From Explorer there is no console to
/// join, and nothing changes.
#[cfg(windows)]
fn attach_to_console() {
    use std::ffi::c_void;
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetStdHandle(which: u32) -> *mut c_void;
        fn AttachConsole(process: u32) -> i32;
    }
    const STD_OUTPUT_HANDLE: u32 = -11i32 as u32;
    const ATTACH_PARENT_PROCESS: u32 = u32::MAX;
    // SAFETY: both only read and set the process's standard handles, before anything uses them.
    unsafe {
        let output = GetStdHandle(STD_OUTPUT_HANDLE);
        if output.is_null() || output as isize == -1 {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

fn carry_out(command: Command) -> Result<(), Failure> {
    match command {
        Command::Check { folder } => check_content(folder.as_deref()),
        Command::Export { folder, force } => {
            let count = content::export(&folder, force).map_err(Failure::Export)?;
            let folder = folder.display().to_string();
            let folder = content::without_controls(&folder);
            out(format!("wrote {count} files to {folder}\n"))
        }
        Command::Insights {
            csv,
            since,
            file,
            clock_fix,
        } => out(insights_report(csv, since, file, clock_fix)?),
        Command::Handout {
            locale,
            content,
            output,
            force,
            conditions,
            paper,
        } => {
            let (library, not_ready) = edition(&locale, content.as_deref())?;
            handout(
                &library,
                output.as_deref().map(|path| (path, force)),
                conditions,
                paper,
            )?;
            // Staff print it: tell them the sheet has lines to write the numbers in by hand,
            // and how to put them in for good.
            if let Some(not_ready) = not_ready.filter(|not_ready| !not_ready.missing.is_empty()) {
                let not_ready = NotReady {
                    pin: None,
                    ..not_ready
                };
                eprintln!(
                    "{}",
                    content::without_controls(&format!(
                        "needle-guide: note: the handout has blank lines to write the numbers in \
                         by hand, as {not_ready}"
                    ))
                );
            }
            Ok(())
        }
        Command::Text { locale, content } => {
            out(guide_text(&edition(&locale, content.as_deref())?.0))
        }
        Command::Run {
            start,
            locale,
            content,
            kiosk,
            insights,
        } => open(start, &locale, content.as_deref(), kiosk, insights),
    }
}

/// Loads every edition, checks the start page and the display, then opens the window.
fn open(
    start: Route,
    locale: &str,
    folder: Option<&Path>,
    kiosk: Option<Duration>,
    insights: Option<PathBuf>,
) -> Result<(), Failure> {
    let folder = open_folder(folder)?;
    let (editions, problems) = editions(folder.as_ref(), &LOCALES)?;
    // The consult room opens regardless, with a notice for staff (`App::staff_notices`); a
    // kiosk is alone with patients, so it does not, and no window opens.
    let ready = ready(folder.as_ref(), &editions[0]);
    let editions: Vec<Library> = editions
        .into_iter()
        .map(|edition| edition.library)
        .collect();
    let valid = |library: &Library| {
        let ids: Vec<&str> = library.conditions().map(|(_, c)| c.id.as_str()).collect();
        let pages = library.page_ids().map(|page| page.id());
        format!(
            "{} (see needle-guide --help)",
            cli::valid_pages(pages, Some(&ids))
        )
    };
    match &start {
        Route::Condition(id) if editions[0].condition(id.as_str()).is_none() => {
            return Err(Failure::UnknownCondition {
                id: id.to_string(),
                valid: valid(&editions[0]),
            });
        }
        Route::Page(page) if !editions[0].has_page(*page) => {
            return Err(Failure::UnknownPage {
                id: page.id().to_owned(),
                valid: valid(&editions[0]),
            });
        }
        _ => {}
    }
    // Staff see the problems here and, discreetly, in the window; the guide runs regardless.
    let notice = (!problems.is_empty()).then(|| {
        not_used(problems);
        folder
            .as_ref()
            .map_or_else(String::new, |folder| folder.path().display().to_string())
    });
    if kiosk.is_some() {
        ready.map_err(Failure::KioskNotReady)?;
    }
    // Only Linux has a choice of displays; Windows and macOS have their own.
    #[cfg(target_os = "linux")]
    match display::choose(&display::find(), shown_variable) {
        display::Choice::Nothing(problem) => cannot_open_window(&problem),
        display::Choice::Open { drop, note } => {
            if let Some(note) = note {
                eprintln!("needle-guide: {note}");
            }
            for name in drop {
                // SAFETY: no other thread exists yet (the text system and the window start in
                // `run`), so nothing reads the environment while it changes.
                unsafe { std::env::remove_var(name) };
            }
        }
    }
    // Held until the window closes; the system lets go of it however the program ends.
    let _only_kiosk = kiosk.map(|_| only_kiosk()).transpose()?;
    // The counts, only when the clinic turned them on; with nowhere to keep them, none are kept.
    let insights = editions[0]
        .clinic
        .insights
        .then(|| {
            insights.or_else(|| needle_guide::insights::default_file(|name| std::env::var_os(name)))
        })
        .flatten();
    // Counts the clinic wants and that cannot be kept: staff are told on screen, too.
    let insights = match insights {
        Some(file) => Some(Ok(file)),
        None if editions[0].clinic.insights => {
            Some(Err(needle_guide::insights::InsightsError::NoFolder {
                reason: "HOME and XDG_DATA_HOME are not set; name a file with --insights FILE"
                    .into(),
            }))
        }
        None => None,
    };
    run(Arc::new(editions), start, locale, kiosk, notice, insights)
}

/// The window itself: the only place the app is made.
fn run(
    editions: Arc<Vec<Library>>,
    start: Route,
    locale: &str,
    kiosk: Option<Duration>,
    notice: Option<String>,
    insights: Option<Result<PathBuf, needle_guide::insights::InsightsError>>,
) -> Result<(), Failure> {
    // Before anything starts a thread (src/fonts.rs): the machine's own fonts are read only for
    // characters the guide's fonts lack.
    let fonts = needle_guide::fonts::needed(editions.iter());
    if let Some(note) = fonts.note() {
        eprintln!("needle-guide: {}", content::without_controls(&note));
    }
    needle_guide::fonts::start_text_system(&fonts);
    // The machine's own speech program, if it has one: read-aloud is offered only then.
    let voice = needle_guide::speech::Program::find().map(|(program, path)| {
        eprintln!("needle-guide: reading aloud with {}", path.display());
        Arc::new(needle_guide::speech::ProgramVoice { program, path })
            as Arc<dyn needle_guide::speech::Voice>
    });
    let app = match kiosk {
        Some(idle_timeout) => App::kiosk(editions, KioskSettings { idle_timeout }),
        None => App::new(editions, start).with_content_notice(notice),
    }
    .in_locale(locale)
    .with_voice(voice);
    let app = match insights {
        Some(Err(nowhere)) => app.with_insights_off(nowhere),
        Some(Ok(file)) => {
            let app = app.with_insights(file.clone());
            // A file that cannot be used has said why already (src/app/counting.rs).
            if app.insights().is_some_and(|(_, off)| off.is_none()) {
                eprintln!(
                    "needle-guide: keeping anonymous counts in {}",
                    content::without_controls(&file.display().to_string())
                );
            }
            app
        }
        None => app,
    };
    Ok(app::run(app)?)
}

/// Writes the handout, a PDF, to `output` (a file, and whether it may be replaced) or to
/// stdout, and says what it left out to keep to two pages.
fn handout(
    library: &Library,
    output: Option<(&Path, bool)>,
    conditions: Vec<String>,
    paper: Option<needle_guide::handout::Paper>,
) -> Result<(), Failure> {
    if let Some(unknown) = conditions.iter().find(|id| library.condition(id).is_none()) {
        let ids: Vec<&str> = library.conditions().map(|(_, c)| c.id.as_str()).collect();
        return Err(Failure::UnknownCondition {
            id: unknown.clone(),
            valid: format!("valid: {}", ids.join(", ")),
        });
    }
    let printed = needle_guide::handout::print(
        library,
        &needle_guide::handout::HandoutOptions {
            conditions: conditions.iter().map(|id| id.as_str().into()).collect(),
            discussion: None,
            paper: paper.unwrap_or(library.clinic.paper),
        },
    )
    .map_err(Failure::Handout)?;
    if !printed.left_out.is_empty() {
        eprintln!(
            "needle-guide: note: {}",
            library
                .ui
                .handout
                .left_out
                .replace("{what}", &printed.left_out.join("; "))
        );
    }
    match output {
        Some((path, replace)) => Ok(needle_guide::handout::write_file(
            path,
            &printed.pdf,
            replace,
        )?),
        None => out(&printed.pdf),
    }
}

/// The counts, kiosk then consult room, merged so no quiet week stands alone; first, what
/// `clock_fix` asks about weeks counted while the clock was set ahead.
fn insights_report(
    csv: bool,
    since: Option<needle_guide::insights::IsoWeek>,
    file: Option<PathBuf>,
    clock_fix: Option<ClockFix>,
) -> Result<String, Failure> {
    use needle_guide::insights::{self, IsoWeek, Mode, Store, WeekMoved};
    let named = file.is_some();
    let file = file
        .or_else(|| insights::default_file(|name| std::env::var_os(name)))
        .ok_or(Failure::NoInsightsFile)?;
    // A file in a folder this user may not enter (another user's private home) is not "not
    // there": saying so would read as counting being off.
    let reached = std::fs::metadata(&file);
    if let Err(error) = &reached
        && error.kind() != std::io::ErrorKind::NotFound
    {
        return Err(insights::InsightsError::Open {
            path: file.display().to_string(),
            reason: format!(
                "this user may not reach it ({error}): run this as the user whose counts they \
                 are (the kiosk's own account), or as root"
            ),
        }
        .into());
    }
    if reached.is_err() {
        // Each user has a data folder of their own: read as anyone but the kiosk's user, the
        // default file is not the one the kiosk writes.
        let whose = if named {
            String::new()
        } else {
            " This is the file of the user running this command: a guide run as another user \
             (a kiosk's own account) keeps its counts in that user's data folder. Run this as \
             that user, or name its file with --insights FILE."
                .to_owned()
        };
        let moved = if clock_fix.is_some() {
            " Nothing was moved."
        } else {
            ""
        };
        let said = format!(
            "no counts yet: {} does not exist. The guide keeps counts only when clinic.ron says \
             `insights: true`.{whose}{moved}\n",
            content::without_controls(&file.display().to_string())
        );
        // A spreadsheet gets the header alone; the sentence goes to the person.
        if csv {
            eprint!("needle-guide: {said}");
            return Ok(format!("{}\n", insights::CSV_HEADER));
        }
        return Ok(said);
    }
    let now = IsoWeek::now();
    let next = now.next();
    let nothing_to_move =
        format!("nothing to move: no week after next week, {next}, has counts that can move");
    // "2027-W02 to 2026-W50, 2027-W05 to 2026-W51"
    let listed = |moves: &[WeekMoved]| {
        moves
            .iter()
            .map(|moved| format!("{} to {}", moved.from, moved.to))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // Where the latest stays after next week, visits go to it until the clock reaches it.
    let still_ahead = |moves: &[WeekMoved]| {
        moves
            .last()
            .filter(|moved| moved.to > next)
            .map(|moved| {
                format!(
                    " Each week's counts stay whole, never added to a week that has counts, so \
                     {} stays after next week; visits are counted in it until the clock reaches \
                     it.",
                    moved.to
                )
            })
            .unwrap_or_default()
    };
    // Reading the counts needs only leave to read the file; moving them, to write it.
    let store = if clock_fix == Some(ClockFix::Move) {
        let mut store = Store::open(&file)?;
        let moved = store.bring_back_weeks_ahead(now)?;
        eprintln!(
            "needle-guide: {}",
            if moved.is_empty() {
                nothing_to_move.clone()
            } else {
                format!(
                    "moved the counts of week {}.{}",
                    listed(&moved),
                    still_ahead(&moved)
                )
            }
        );
        store
    } else {
        Store::open_to_read(&file)?
    };
    if clock_fix == Some(ClockFix::Show) {
        let ahead = store.weeks_ahead(now)?;
        if ahead.is_empty() {
            eprintln!("needle-guide: {nothing_to_move}");
        } else {
            let weeks: Vec<String> = ahead.iter().map(|moved| moved.from.to_string()).collect();
            eprintln!(
                "needle-guide: this computer's clock puts today in week {now} ({} to {}). The \
                 counts of {} are after next week, {next}. If that date is right, run this \
                 again with --clock-fixed --yes to move them: week {}.{} If it is not, set the \
                 clock first: with the clock behind, real weeks' counts would move. Nothing was \
                 moved.",
                now.monday(),
                now.sunday(),
                weeks.join(", "),
                listed(&ahead),
                still_ahead(&ahead)
            );
        }
    }
    let mut report = if csv {
        format!("{}\n", insights::CSV_HEADER)
    } else {
        String::new()
    };
    for mode in Mode::ALL {
        let spans = store.readable(mode, now, since)?;
        report.push_str(&if csv {
            insights::csv(mode, &spans)
        } else {
            insights::table(mode, &spans)
        });
    }
    Ok(report)
}

fn open_folder(folder: Option<&Path>) -> Result<Option<ContentFolder>, Failure> {
    folder
        .map(ContentFolder::open)
        .transpose()
        .map_err(Failure::Folder)
}

/// The edition in `locale`, over the content folder if there is one, as the window would show it,
/// and what its clinic has not given that a patient must have.
fn edition(locale: &str, folder: Option<&Path>) -> Result<(Library, Option<NotReady>), Failure> {
    let folder = open_folder(folder)?;
    let (mut editions, problems) = editions(folder.as_ref(), &[locale])?;
    if !problems.is_empty() {
        not_used(problems);
    }
    let edition = editions.remove(0);
    let not_ready = ready(folder.as_ref(), &edition).err();
    Ok((edition.library, not_ready))
}

/// Whether the clinic's details of `edition`, loaded over `folder`, are ready for patients.
fn ready(folder: Option<&ContentFolder>, edition: &Edition) -> Result<(), NotReady> {
    let clinic = File::Clinic.path(&edition.library.locale);
    let file = match folder {
        None => ClinicFile::BuiltIn,
        Some(folder) => {
            let path = folder.path().display().to_string();
            if edition.files.contains(&clinic) {
                ClinicFile::Folder(path)
            } else {
                ClinicFile::NotInFolder(path)
            }
        }
    };
    check::ready(&edition.library.clinic, file)
}

/// Tells staff which of the folder's files were left out, and why.
fn not_used(problems: Vec<Problem>) {
    eprintln!(
        "needle-guide: what of the content folder was not used (a file's built-in version, or a \
         field of clinic.ron left blank, is used instead):"
    );
    eprintln!("{}", Problems(problems));
}

/// The editions in `locales`, over the content folder if there is one, and why files of the
/// folder are not used: as `content::editions` decides, for the window, `text`, `handout` and
/// `check` alike.
fn editions(
    folder: Option<&ContentFolder>,
    locales: &[&str],
) -> Result<(Vec<Edition>, Vec<Problem>), Failure> {
    let content::Editions { editions, problems } =
        content::editions(folder).map_err(Failure::BuiltIn)?;
    let editions = editions
        .into_iter()
        .filter(|edition| locales.contains(&edition.library.locale.as_str()))
        .collect();
    Ok((editions, problems))
}

/// Prints every problem of every edition (and where translations drift), or a summary of each.
fn check_content(folder: Option<&Path>) -> Result<(), Failure> {
    let folder = open_folder(folder)?;
    let (editions, mut problems) = match editions(folder.as_ref(), &LOCALES) {
        Err(Failure::BuiltIn(problems)) => {
            out(format!("the built-in content has problems:\n{problems}\n"))?;
            return Err(Failure::Content(problems.0.len()));
        }
        found => found?,
    };
    if let Some(folder) = &folder {
        let unknown = folder.unknown_files();
        for name in &unknown.names {
            let message = if name.ends_with('/') {
                "not a folder of the guide's content, so nothing in it is used (is the name right?)"
            } else {
                "not a content file of the guide, so it is not used (is the name right?)"
            };
            problems.push(Problem {
                file: folder.path().join(name).display().to_string(),
                position: None,
                message: message.into(),
            });
        }
        if unknown.more {
            problems.push(Problem {
                file: folder.path().display().to_string(),
                position: None,
                message: format!(
                    "holds more that is not content than is named here (the first {} are)",
                    unknown.names.len()
                ),
            });
        }
    }
    let not_ready = ready(folder.as_ref(), &editions[0])
        .err()
        .map(|not_ready| format!("NOT READY FOR PATIENTS: {not_ready}\n"));
    // Problems first: once they are mended, `check` says whether the clinic is ready. But a
    // problem in clinic.ron (a PIN or a number left out, or the whole file) may be what keeps the
    // kiosk from starting: then that is said too, so IT reads what the kiosk will do.
    if !problems.is_empty() {
        let count = problems.len();
        let in_clinic_ron = problems
            .iter()
            .any(|problem| Path::new(&problem.file).ends_with(content::File::Clinic.path("")));
        out(format!("{}\n", Problems(problems)))?;
        if let Some(not_ready) = not_ready.as_ref().filter(|_| in_clinic_ron) {
            out(content::without_controls(not_ready).as_bytes())?;
            return Err(Failure::NotReady);
        }
        return Err(Failure::Content(count));
    }
    match &not_ready {
        Some(not_ready) => out(content::without_controls(not_ready).as_bytes())?,
        None => {
            for library in editions.iter().map(|edition| &edition.library) {
                out(format!(
                    "{}: ok ({} pages, {} conditions, {} side effects, {} glossary terms)\n",
                    library.locale,
                    library.pages.len(),
                    library.conditions().count(),
                    library.side_effects.len(),
                    library.glossary.len()
                ))?;
            }
        }
    }
    // Shown as written in every language: the Spanish handout would give these steps in English.
    for field in editions[0].library.clinic.phones_with_words() {
        out(format!(
            "note: clinic.ron's '{field}' holds words as well as the number: they are shown as \
             written in every language, so Spanish readers see them in English. Keep the number \
             alone (an extension as \"ext 23\" is fine), or write the words in both languages.\n"
        ))?;
    }
    let fonts = needle_guide::fonts::needed(editions.iter().map(|edition| &edition.library));
    if let Some(note) = fonts.note() {
        out(format!("note: {}\n", content::without_controls(&note)))?;
    }
    match not_ready {
        Some(_) => Err(Failure::NotReady),
        None => Ok(()),
    }
}

/// Writes to standard output. A reader that stops reading (`needle-guide text | head`) ends the
/// command quietly, as other command-line tools do, instead of with a panic.
fn out(text: impl AsRef<[u8]>) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_ref())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::OutputClosed),
        Err(error) => Err(Failure::Output(error)),
    }
}

/// If a panic `message` of the windowing library says why no window could open, what to tell the
/// person starting the program, in one line: it panics when it cannot reach a display, or cannot
/// load a library the window needs (a copy of the program without its package's dependencies).
fn window_problem(message: &str) -> Option<String> {
    if message.starts_with("Create event loop") {
        return Some(no_display_problem());
    }
    let library = message
        .strip_prefix("Library ")?
        .strip_suffix(" could not be loaded.")?;
    Some(format!(
        "cannot open a window: the library {} could not be loaded; install the program's \
         package, which brings the libraries it needs (README, \"A Debian or Ubuntu package\")",
        content::without_controls(library)
    ))
}

/// The value of the environment variable `name`, quoted and without controls, or "unset".
fn shown_variable(name: &str) -> String {
    std::env::var_os(name).map_or_else(
        || "unset".to_owned(),
        |value| format!("'{}'", content::without_controls(&value.to_string_lossy())),
    )
}

/// That there is no display to open a window on, and where the program looked.
fn no_display_problem() -> String {
    let socket = std::env::var_os("WAYLAND_SOCKET")
        .map(|_| format!(", WAYLAND_SOCKET is {}", shown_variable("WAYLAND_SOCKET")))
        .unwrap_or_default();
    format!(
        "cannot open a window: no display could be reached (DISPLAY is {}, WAYLAND_DISPLAY is \
         {}{socket}); run it in a desktop session, under a compositor such as cage, or under Xvfb",
        shown_variable("DISPLAY"),
        shown_variable("WAYLAND_DISPLAY")
    )
}

/// Makes sure this is the only kiosk on its screen, for as long as the lock lives.
fn only_kiosk() -> Result<kiosk_lock::Lock, Failure> {
    let var = |name: &str| std::env::var(name).ok();
    let screen =
        kiosk_lock::screen_name(var("WAYLAND_DISPLAY").as_deref(), var("DISPLAY").as_deref());
    // The user's own runtime folder; without one, the shared temporary folder.
    let folder = std::env::var_os("XDG_RUNTIME_DIR")
        .filter(|folder| !folder.is_empty())
        .map_or_else(std::env::temp_dir, std::path::PathBuf::from);
    Ok(kiosk_lock::take(&folder, &screen)?)
}

/// Says in one line why no window could open, and exits.
fn cannot_open_window(problem: &str) -> ! {
    eprintln!("needle-guide: {problem}");
    std::process::exit(i32::from(FAILURE))
}

#[cfg(test)]
mod tests {
    use super::window_problem;

    #[test]
    fn a_missing_window_library_is_named() {
        let said =
            window_problem("Library libxkbcommon-x11.so could not be loaded.").expect("understood");
        assert!(said.starts_with("cannot open a window: the library libxkbcommon-x11.so "));
        assert!(said.contains("install the program's package"));
        assert_eq!(window_problem("index out of bounds"), None);
        let no_display = window_problem("Create event loop: …").expect("understood");
        assert!(no_display.starts_with("cannot open a window: no display could be reached"));
    }
}

/// Which display the window opens on, chosen before the windowing library tries: it takes Wayland
/// whenever WAYLAND_DISPLAY or WAYLAND_SOCKET is set, and never falls back to X; and a
/// WAYLAND_SOCKET that is not an open socket aborts the program.
#[cfg(target_os = "linux")]
mod display {
    use std::os::unix::net::UnixStream;
    use std::path::PathBuf;

    /// Whether a display variable leads to a display.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Reach {
        Unset,
        Works,
        /// It is set, but leads nowhere: why, in words.
        Fails(String),
    }

    /// The three variables, each as found.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Found {
        pub socket: Reach,
        pub wayland: Reach,
        pub x: Reach,
    }

    /// What to do.
    #[derive(Debug, PartialEq)]
    pub enum Choice {
        /// Open the window, first taking these variables out of the environment (they lead
        /// nowhere, and would stop the window opening on the display that works), and saying
        /// so in `note`.
        Open {
            drop: Vec<&'static str>,
            note: Option<String>,
        },
        /// No window can open: why, in one line, naming each variable set and what is wrong
        /// with it.
        Nothing(String),
    }

    /// Decides from what was found. `value` gives a variable's value as it may be shown.
    pub fn choose(found: &Found, value: impl Fn(&str) -> String) -> Choice {
        let named = [
            ("WAYLAND_SOCKET", &found.socket),
            ("WAYLAND_DISPLAY", &found.wayland),
            ("DISPLAY", &found.x),
        ];
        let failing = |names: &[&'static str]| -> Vec<&'static str> {
            named
                .iter()
                .filter(|(name, reach)| names.contains(name) && matches!(reach, Reach::Fails(_)))
                .map(|(name, _)| *name)
                .collect()
        };
        let why = |name: &str, reach: &Reach| match reach {
            Reach::Fails(why) => format!("{name} is {}, {why}", value(name)),
            _ => format!("{name} is {}", value(name)),
        };
        // The first that works, in the order the windowing library tries them.
        let works = named.iter().position(|(_, reach)| **reach == Reach::Works);
        match works {
            Some(at) => {
                let drop = failing(&["WAYLAND_SOCKET", "WAYLAND_DISPLAY"][..at.min(2)]);
                let note = (!drop.is_empty()).then(|| {
                    let reasons: Vec<String> = drop
                        .iter()
                        .map(|name| why(name, named.iter().find(|n| n.0 == *name).unwrap().1))
                        .collect();
                    format!(
                        "{}; opening the window with {} ({}) instead",
                        reasons.join("; "),
                        named[at].0,
                        value(named[at].0)
                    )
                });
                Choice::Open { drop, note }
            }
            None if named.iter().all(|(_, reach)| **reach == Reach::Unset) => {
                Choice::Nothing(super::no_display_problem())
            }
            None => {
                let reasons: Vec<String> = named
                    .iter()
                    .filter(|(_, reach)| **reach != Reach::Unset)
                    .map(|(name, reach)| why(name, reach))
                    .collect();
                let unset: Vec<&str> = named
                    .iter()
                    .filter(|(_, reach)| **reach == Reach::Unset)
                    .map(|(name, _)| *name)
                    .collect();
                let unset = if unset.is_empty() {
                    String::new()
                } else {
                    format!(" ({} unset)", unset.join(", "))
                };
                Choice::Nothing(format!(
                    "cannot open a window: {}{unset}; fix {}, or run it in a desktop session, \
                     under a compositor such as cage, or under Xvfb",
                    reasons.join("; "),
                    if reasons.len() == 1 {
                        "it"
                    } else {
                        "one of them"
                    }
                ))
            }
        }
    }

    /// Looks at the environment's display variables.
    pub fn find() -> Found {
        let var = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
        Found {
            socket: var("WAYLAND_SOCKET").map_or(Reach::Unset, |value| {
                wayland_socket(&value.to_string_lossy())
            }),
            wayland: var("WAYLAND_DISPLAY").map_or(Reach::Unset, |value| {
                wayland_display(
                    &PathBuf::from(value),
                    var("XDG_RUNTIME_DIR").map(PathBuf::from),
                )
            }),
            x: var("DISPLAY").map_or(Reach::Unset, |value| x_display(&value.to_string_lossy())),
        }
    }

    /// WAYLAND_SOCKET names a socket the program was started with, by its number.
    fn wayland_socket(value: &str) -> Reach {
        let Ok(fd) = value.trim().parse::<u32>() else {
            return Reach::Fails("which is not a number".into());
        };
        use std::os::unix::fs::FileTypeExt;
        match std::fs::metadata(format!("/proc/self/fd/{fd}")) {
            Ok(metadata) if metadata.file_type().is_socket() => Reach::Works,
            Ok(_) => Reach::Fails(format!("but the program's file {fd} is not a socket")),
            Err(_) => Reach::Fails(format!("but the program has no open file {fd}")),
        }
    }

    /// WAYLAND_DISPLAY names the compositor's socket, in XDG_RUNTIME_DIR unless it is a path.
    fn wayland_display(name: &std::path::Path, runtime: Option<PathBuf>) -> Reach {
        let path = if name.is_absolute() {
            name.to_path_buf()
        } else {
            match runtime {
                Some(runtime) => runtime.join(name),
                None => {
                    return Reach::Fails(
                        "but XDG_RUNTIME_DIR is unset, so its socket cannot be found".into(),
                    );
                }
            }
        };
        match UnixStream::connect(&path) {
            Ok(_) => Reach::Works,
            Err(_) => Reach::Fails(format!(
                "but no compositor answers at {}",
                crate::content::without_controls(&path.display().to_string())
            )),
        }
    }

    /// DISPLAY names an X server: on this machine ":N" (or "unix:N"), whose socket is tried;
    /// on another ("host:N"), which only the windowing library can try.
    fn x_display(value: &str) -> Reach {
        let Some((host, rest)) = value.rsplit_once(':') else {
            return Reach::Fails("which is not a display's name (like :0)".into());
        };
        let number = rest.split('.').next().unwrap_or_default();
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Reach::Fails("which is not a display's name (like :0)".into());
        }
        if !(host.is_empty() || host == "unix") {
            return Reach::Works;
        }
        let path = format!("/tmp/.X11-unix/X{number}");
        #[cfg(target_os = "linux")]
        {
            use std::os::linux::net::SocketAddrExt;
            if std::os::unix::net::SocketAddr::from_abstract_name(path.as_bytes())
                .and_then(|address| UnixStream::connect_addr(&address))
                .is_ok()
            {
                return Reach::Works;
            }
        }
        match UnixStream::connect(&path) {
            Ok(_) => Reach::Works,
            Err(_) => Reach::Fails("but no X server answers there".into()),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn shown(name: &str) -> String {
            match name {
                "WAYLAND_SOCKET" => "'99'".into(),
                "WAYLAND_DISPLAY" => "'garbage'".into(),
                _ => "':155'".into(),
            }
        }

        fn fails() -> Reach {
            Reach::Fails("but it leads nowhere".into())
        }

        #[test]
        fn a_wayland_display_that_leads_nowhere_gives_way_to_x() {
            let found = Found {
                socket: Reach::Unset,
                wayland: fails(),
                x: Reach::Works,
            };
            let Choice::Open { drop, note } = choose(&found, shown) else {
                panic!("no window")
            };
            assert_eq!(drop, ["WAYLAND_DISPLAY"]);
            let note = note.expect("said");
            assert!(note.starts_with("WAYLAND_DISPLAY is 'garbage', but it leads nowhere"));
            assert!(note.ends_with("opening the window with DISPLAY (':155') instead"));
            // A socket that leads nowhere is dropped too, or it would abort the program.
            let found = Found {
                socket: fails(),
                ..found
            };
            let Choice::Open { drop, .. } = choose(&found, shown) else {
                panic!("no window")
            };
            assert_eq!(drop, ["WAYLAND_SOCKET", "WAYLAND_DISPLAY"]);
        }

        #[test]
        fn what_works_first_is_kept_as_it_is() {
            let found = Found {
                socket: Reach::Unset,
                wayland: Reach::Works,
                x: fails(),
            };
            let open = Choice::Open {
                drop: vec![],
                note: None,
            };
            assert_eq!(choose(&found, shown), open);
            let found = Found {
                socket: fails(),
                wayland: Reach::Works,
                x: Reach::Works,
            };
            let Choice::Open { drop, .. } = choose(&found, shown) else {
                panic!("no window")
            };
            assert_eq!(drop, ["WAYLAND_SOCKET"]);
        }

        #[test]
        fn with_nothing_that_works_each_variable_set_is_named() {
            let found = Found {
                socket: fails(),
                wayland: fails(),
                x: fails(),
            };
            let Choice::Nothing(said) = choose(&found, shown) else {
                panic!("a window")
            };
            for name in [
                "WAYLAND_SOCKET is '99'",
                "WAYLAND_DISPLAY is 'garbage'",
                "DISPLAY is",
            ] {
                assert!(said.contains(name), "{said}");
            }
            let found = Found {
                socket: Reach::Unset,
                wayland: Reach::Unset,
                x: fails(),
            };
            let Choice::Nothing(said) = choose(&found, shown) else {
                panic!("a window")
            };
            assert!(
                said.contains("(WAYLAND_SOCKET, WAYLAND_DISPLAY unset); fix it"),
                "{said}"
            );
        }

        #[test]
        fn display_names_are_read_as_the_libraries_read_them() {
            assert!(matches!(x_display("/etc/passwd"), Reach::Fails(_)));
            assert!(matches!(x_display(":"), Reach::Fails(_)));
            assert!(matches!(x_display(":x1"), Reach::Fails(_)));
            assert_eq!(x_display("elsewhere.example:0"), Reach::Works);
            assert!(matches!(x_display(":65000"), Reach::Fails(_)));
            assert!(matches!(wayland_socket("abc"), Reach::Fails(_)));
            assert!(matches!(wayland_socket("99"), Reach::Fails(_)));
            let dir = std::env::temp_dir().join(format!("ng-display-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let listener = std::os::unix::net::UnixListener::bind(dir.join("wayland-9")).unwrap();
            assert_eq!(
                wayland_display("wayland-9".as_ref(), Some(dir.clone())),
                Reach::Works
            );
            assert!(matches!(
                wayland_display("wayland-8".as_ref(), Some(dir.clone())),
                Reach::Fails(_)
            ));
            assert!(matches!(
                wayland_display("wayland-9".as_ref(), None),
                Reach::Fails(_)
            ));
            drop(listener);
            std::fs::remove_dir_all(dir).unwrap();
        }
    }
}
