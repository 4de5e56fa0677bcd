//! What the integration tests share: the app, and a simulator that draws it with the app's font.

#![allow(dead_code)] // each test file uses its own part of this module

pub mod damage;
pub mod screens;
pub mod seeded;
pub mod window;

use std::sync::Arc;

use iced::Size;
use iced_test::Simulator;
use needle_guide::app::{App, Message};
use needle_guide::content::Library;
use needle_guide::route::Route;
use needle_guide::theme;

/// Every page of the built-in guide, in reading order (its `pages.ron`).
pub fn pages() -> Vec<needle_guide::route::PageId> {
    library().page_ids().collect()
}

pub fn library() -> Arc<Library> {
    Arc::new(Library::embedded("en").unwrap_or_else(|problems| panic!("{problems}")))
}

/// Every edition, as the app loads them.
pub fn editions() -> Arc<Vec<Library>> {
    Arc::new(
        needle_guide::content::LOCALES
            .iter()
            .map(|locale| Library::embedded(locale).unwrap_or_else(|problems| panic!("{problems}")))
            .collect(),
    )
}

/// The content folder of a made-up clinic with (fake) numbers: a kiosk starts only with them.
pub fn test_clinic_folder() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/test-clinic")
}

/// Every edition over [`test_clinic_folder`], as a kiosk that is allowed to start loads them.
pub fn kiosk_editions() -> Arc<Vec<Library>> {
    let folder = needle_guide::content::ContentFolder::open(&test_clinic_folder())
        .unwrap_or_else(|problem| panic!("{problem}"));
    Arc::new(
        needle_guide::content::LOCALES
            .iter()
            .map(|locale| {
                let loaded = Library::with_overrides(locale, &folder)
                    .unwrap_or_else(|problems| panic!("{problems}"));
                assert_eq!(loaded.problems, [], "the test clinic loads");
                assert_eq!(loaded.library.clinic.missing(), [] as [&str; 0]);
                loaded.library
            })
            .collect(),
    )
}

/// `edition` with its clinic's name, phone, after-hours line and web address as long as a
/// handout prints them (60 characters; a longer one is cut there), the phones with words beside
/// their numbers: the clinic's box at its tallest, short of a number no one would dial.
pub fn clinic_at_its_longest(edition: &Library) -> Library {
    let mut longest = edition.clone();
    let clinic = &mut longest.clinic;
    clinic.name = "Saint Bartholomew's Physical Therapy and Sports Rehab, East".into();
    clinic.phone = "+1 (555) 010-0100, then press 1 for the front desk, ext 23".into();
    clinic.after_hours_phone = "+1 (555) 010-0199, then press 2 for the on-call therapist".into();
    clinic.web = "https://clinic.example.org/patients/dry-needling-guide/2026".into();
    for detail in [
        &clinic.name,
        &clinic.phone,
        &clinic.after_hours_phone,
        &clinic.web,
    ] {
        assert!((55..=60).contains(&detail.chars().count()), "{detail}");
    }
    longest
}

/// An empty folder of this test run's own under the system's temporary folder, named for
/// `name` (made by the test when it needs it; what an earlier run left there is removed).
#[allow(dead_code)]
pub fn fresh_folder(name: &str) -> std::path::PathBuf {
    let folder = std::env::temp_dir().join(format!("needle-guide-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    folder
}

pub fn app_on(route: Route) -> App {
    App::new(editions(), route)
}

/// The window size the app opens at.
pub const WINDOW: Size = needle_guide::app::WINDOW_SIZE;

/// A simulator of the app's current view, drawn with Atkinson Hyperlegible as in the real window.
pub fn simulate(app: &App, size: Size) -> Simulator<'_, Message> {
    simulate_element(app.view(), size)
}

/// A simulator of any part of the interface, with the app's font.
pub fn simulate_element<'a>(
    element: iced::Element<'a, Message>,
    size: Size,
) -> Simulator<'a, Message> {
    let settings = iced::Settings {
        fonts: theme::FONT_FILES
            .iter()
            .map(|bytes| (*bytes).into())
            .collect(),
        default_font: theme::FONT,
        ..iced::Settings::default()
    };
    Simulator::with_size(settings, size, element)
}

/// Feeds the messages a simulator collected into the app.
pub fn deliver(app: &mut App, messages: impl IntoIterator<Item = Message>) {
    for message in messages {
        let _ = app.update(message);
    }
}

/// The longest discussion summary the check can bring up in `library`'s words: every topic, every
/// question to ask, every "are you sure" answered no.
pub fn longest_discussion(library: &Library) -> needle_guide::handout::Discussion {
    needle_guide::handout::Discussion {
        topics: needle_guide::document::check_items(library)
            .into_iter()
            .map(|item| item.topic)
            .collect(),
        questions: needle_guide::document::questions_to_ask(library),
        unsure: library.ui.teach_back.sure.clone(),
    }
}

/// Delivers `messages` as the runtime would: what each answer's task does at once is done, and
/// what it comes to is delivered back when `back` picks it (a speech that failed, a visit's
/// counts written or not, the counts read).
#[allow(dead_code)]
pub fn deliver_running(
    app: &mut App,
    messages: impl IntoIterator<Item = Message>,
    back: fn(&Message) -> bool,
) {
    for message in messages {
        let task = app.update(message);
        // What it handed to a thread is done, as it would be by the time the window looks.
        app.settle();
        let answers = ready_outputs(task, back);
        deliver_running(app, answers, back);
    }
}

/// Runs `task` as far as it goes at once, and returns what it comes to that `back` picks.
#[allow(dead_code)]
pub fn ready_outputs(task: iced::Task<Message>, back: fn(&Message) -> bool) -> Vec<Message> {
    use iced_test::futures::futures::{StreamExt, task};
    use iced_test::runtime::{Action, task::into_stream};
    thread_local! {
        // A timer (the kiosk's idle clock) needs a runtime to be polled in; it never fires here.
        static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a runtime for timers");
    }
    let Some(mut stream) = into_stream(task) else {
        return Vec::new();
    };
    RUNTIME.with(|runtime| {
        let _inside = runtime.enter();
        let mut answers = Vec::new();
        let mut context = task::Context::from_waker(task::noop_waker_ref());
        // A future that is ready may still say "pending" at its first poll (the task hands it
        // over first); one that waits on the runtime (a window's size, a timer) says so for
        // ever. So a few polls in a row that say "pending" end the task's turn.
        let mut pending = 0;
        while pending < 8 {
            match stream.poll_next_unpin(&mut context) {
                std::task::Poll::Ready(Some(action)) => {
                    pending = 0;
                    if let Action::Output(answer) = action
                        && back(&answer)
                    {
                        answers.push(answer);
                    }
                }
                std::task::Poll::Ready(None) => break,
                std::task::Poll::Pending => pending += 1,
            }
        }
        answers
    })
}

/// Runs the kiosk's idle clock far enough for "Are you still reading?", then for the reset.
pub fn let_the_idle_clock_run_out(app: &mut App) {
    use needle_guide::screen::kiosk::Message as Kiosk;
    let later = std::time::Instant::now() + std::time::Duration::from_secs(24 * 3600);
    // The reset's task, the visit's counts, runs (when the clinic keeps them).
    deliver_running(
        app,
        [
            Kiosk::Tick(later).into(),
            Kiosk::Tick(later + std::time::Duration::from_secs(31)).into(),
        ],
        |message| matches!(message, Message::Counted(_)),
    );
}

/// A voice that says nothing and is done at once: the app offers read-aloud as on a machine
/// that can speak.
pub struct SilentVoice;

impl needle_guide::speech::Voice for SilentVoice {
    fn say(
        &self,
        _text: &str,
        _language: &str,
    ) -> Result<needle_guide::speech::Speaking, needle_guide::speech::SpeechError> {
        Ok(needle_guide::speech::Speaking::done())
    }
}

/// The silent voice, as the app takes it.
pub fn silent_voice() -> Option<Arc<dyn needle_guide::speech::Voice>> {
    Some(Arc::new(SilentVoice))
}

/// Waits for `child` to end, reading what it prints as it runs (a full pipe would stop it, and
/// read as a hang), and kills it if it has not ended within `patience`: a hang is a failure, not
/// a test that never ends. `what` names it in that failure.
#[allow(dead_code)]
pub fn run_within(
    mut child: std::process::Child,
    patience: std::time::Duration,
    what: &str,
) -> std::process::Output {
    use std::io::Read;
    fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    }
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let deadline = std::time::Instant::now() + patience;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            let _ = child.wait();
            panic!(
                "{what} still ran after {} s; it printed: {}",
                patience.as_secs(),
                String::from_utf8_lossy(&stdout.join().unwrap())
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    std::process::Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

#[allow(dead_code)]
/// The text poppler's `pdftotext` reads from `pdf`, or `None` where it is not installed (then
/// said on stderr, past the harness's capture; under CI it must be there).
pub fn pdf_text(pdf: &[u8]) -> Option<String> {
    use std::io::Write;
    let child = std::process::Command::new("pdftotext")
        .args(["-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) => {
            assert!(
                std::env::var("CI").is_err(),
                "pdftotext is needed under CI: {error}"
            );
            let _ = writeln!(
                std::io::stderr(),
                "*** pdftotext not found: the PDF's words are unchecked ***"
            );
            return None;
        }
    };
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let output = child.wait_with_output().unwrap();
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}
