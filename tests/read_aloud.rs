//! Read aloud: what would be said, in what order and language, and that it stops on another page,
//! the other language, presenting and a kiosk reset, leaving no speech program running. A
//! recording voice stands in for the machine's speech; where `espeak-ng` is installed, the real
//! program writes one page in English and in Spanish to WAV files.

mod support;

use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use needle_guide::app::{App, KioskSettings, Message, Speech};
use needle_guide::content::model::Switch;
use needle_guide::document::{Document, guide_text};
use needle_guide::route::{PageId, Route};
use needle_guide::screen::Shared;
use needle_guide::screen::consult::Message as Consult;
use needle_guide::screen::kiosk::Message as Kiosk;
use needle_guide::screen::reader::Message as Reader;
use needle_guide::speech::{Speaking, SpeechError, Voice};
use support::{WINDOW, simulate};

/// Writes down what it is asked to say; with `hold`, each passage is a real program that runs
/// until stopped, so a test can see that no speech outlives what it was for.
#[derive(Default)]
struct Recorder {
    said: Mutex<Vec<(String, String)>>,
    hold: bool,
    programs: Mutex<Vec<u32>>,
    fail: bool,
}

impl Voice for Recorder {
    fn say(&self, text: &str, language: &str) -> Result<Speaking, SpeechError> {
        if self.fail {
            return Err(SpeechError::Start {
                program: "nothing".into(),
                reason: "not installed".into(),
            });
        }
        self.said
            .lock()
            .unwrap()
            .push((text.to_owned(), language.to_owned()));
        if !self.hold {
            return Ok(Speaking::done());
        }
        let child = Command::new("sleep")
            .arg("60")
            .stdin(Stdio::null())
            .spawn()
            .expect("sleep runs");
        self.programs.lock().unwrap().push(child.id());
        Ok(Speaking::running("sleep", child))
    }
}

/// Delivers `messages` as the runtime would: what each answer's task does at once (start a
/// speech program, or fail to) is done, and a failure is delivered back. A passage's end is the
/// test's to give (`read_to_the_end`), as the program's end would, so none is delivered here.
fn deliver(app: &mut App, messages: impl IntoIterator<Item = Message>) {
    support::deliver_running(app, messages, |message| {
        matches!(
            message,
            Message::Speech(Speech::Said { result: Err(_), .. })
        )
    });
}

fn with(recorder: &Arc<Recorder>, route: Route) -> App {
    support::app_on(route).with_voice(Some(recorder.clone() as Arc<dyn Voice>))
}

/// Answers each passage as said, as the speech program's end would, until reading ends.
fn read_to_the_end(app: &mut App) {
    let mut guard = 0;
    while let Some(reading) = app.reading() {
        let run = reading.run;
        deliver(
            app,
            [Message::Speech(Speech::Said {
                run,
                result: Ok(()),
            })],
        );
        guard += 1;
        assert!(guard < 500, "reading never ends");
    }
}

fn said(recorder: &Recorder) -> Vec<(String, String)> {
    recorder.said.lock().unwrap().clone()
}

/// Whether the process `pid` still runs (and is not a zombie).
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| !stat.contains(") Z "))
        .unwrap_or(false)
}

#[test]
fn the_whole_page_is_read_in_order_in_its_language_rates_included() {
    for locale in ["en", "es"] {
        let recorder = Arc::new(Recorder::default());
        let mut app = with(&recorder, Route::Page(PageId::RISKS)).in_locale(locale);
        deliver(&mut app, [Message::Speech(Speech::From(0))]);
        read_to_the_end(&mut app);
        let said = said(&recorder);
        let document = Document::for_route(app.library(), &Route::Page(PageId::RISKS)).unwrap();
        assert_eq!(
            said.iter()
                .map(|(text, _)| text.clone())
                .collect::<Vec<_>>(),
            document.passages(),
            "{locale}: not the page's passages, in order"
        );
        assert!(said.iter().all(|(_, language)| language == locale));
        // In the order of `needle-guide text`: each passage's first words come after the last's.
        let text = guide_text(app.library());
        let mut at = 0;
        for (passage, _) in &said {
            // The title is said as a sentence, with a full stop the text does not show.
            let first_line = passage.lines().next().unwrap().trim_end_matches('.');
            let found = text[at..]
                .find(first_line)
                .unwrap_or_else(|| panic!("{locale}: {first_line:?} is not next in the text"));
            at += found;
        }
        // Rates in words, as on the page.
        let rates = &app.library().ui.rates;
        let all: String = said.iter().map(|(text, _)| text.as_str()).collect();
        assert!(
            all.contains(&rates.treatments),
            "{locale}: no rate was read"
        );
    }
}

#[test]
fn reading_can_start_from_any_passage_and_a_tap_on_one_goes_on_from_there() {
    let recorder = Arc::new(Recorder::default());
    let mut app = with(&recorder, Route::Page(PageId::WARNING_SIGNS));
    let passages = Document::for_route(app.library(), &Route::Page(PageId::WARNING_SIGNS))
        .unwrap()
        .passages();
    deliver(&mut app, [Message::Speech(Speech::From(3))]);
    assert_eq!(said(&recorder)[0].0, passages[3]);
    deliver(&mut app, [Reader::ReadFrom(5).into()]);
    assert_eq!(app.reading().unwrap().passage, 5);
    assert_eq!(said(&recorder).last().unwrap().0, passages[5]);
    // An answer from the reading stopped by the tap changes nothing.
    let before = app.reading().cloned();
    deliver(
        &mut app,
        [Message::Speech(Speech::Said {
            run: before.as_ref().unwrap().run - 1,
            result: Ok(()),
        })],
    );
    assert_eq!(app.reading().cloned(), before);
}

#[test]
fn reading_stops_on_another_page_the_other_language_and_presenting() {
    let stops: [(&str, Message); 4] = [
        (
            "another page",
            Reader::Open(Route::Page(PageId::AFTER)).into(),
        ),
        ("the other language", Shared::SwitchLanguage.into()),
        ("presenting", Consult::TogglePresenting.into()),
        ("stop", Message::Speech(Speech::Stop)),
    ];
    for (what, message) in stops {
        let recorder = Arc::new(Recorder {
            hold: true,
            ..Recorder::default()
        });
        let mut app = with(&recorder, Route::Page(PageId::RISKS));
        deliver(&mut app, [Message::Speech(Speech::From(0))]);
        let pid = recorder.programs.lock().unwrap()[0];
        assert!(running(pid));
        deliver(&mut app, [message]);
        assert!(app.reading().is_none(), "{what}: still reading");
        assert!(!running(pid), "{what}: the speech program still runs");
    }
}

#[test]
fn a_kiosk_reset_stops_reading_and_leaves_no_speech_program() {
    let recorder = Arc::new(Recorder {
        hold: true,
        ..Recorder::default()
    });
    let mut app = App::kiosk(
        support::kiosk_editions(),
        KioskSettings {
            idle_timeout: Duration::from_secs(90),
        },
    )
    .with_voice(Some(recorder.clone() as Arc<dyn Voice>));
    deliver(
        &mut app,
        [
            Kiosk::StartVisit.into(),
            Reader::Open(Route::Page(PageId::WARNING_SIGNS)).into(),
            Message::Speech(Speech::From(0)),
        ],
    );
    let pid = recorder.programs.lock().unwrap()[0];
    assert!(running(pid) && app.reading().is_some());
    // Listening counts as reading: each passage said starts the idle clock again.
    let before = app.kiosk_state().cloned();
    std::thread::sleep(Duration::from_millis(5));
    let run = app.reading().unwrap().run;
    deliver(
        &mut app,
        [Message::Speech(Speech::Said {
            run,
            result: Ok(()),
        })],
    );
    assert_ne!(
        app.kiosk_state().cloned(),
        before,
        "the idle clock did not hear the reading"
    );
    let pid = *recorder.programs.lock().unwrap().last().unwrap();
    support::let_the_idle_clock_run_out(&mut app);
    assert!(app.kiosk_state().unwrap().welcome(), "the visit was reset");
    assert!(app.reading().is_none());
    assert!(!running(pid), "the speech program outlived the reset");
    // The next person can still be read to.
    assert!(app.can_read_aloud());
}

#[test]
fn read_aloud_shows_only_where_it_can_speak_and_a_failure_is_one_notice() {
    let ui = support::library().ui.clone();
    let without = support::app_on(Route::Page(PageId::RISKS));
    assert!(!without.can_read_aloud());
    assert!(
        simulate(&without, WINDOW)
            .find(ui.read_aloud.as_str())
            .is_err()
    );

    let recorder = Arc::new(Recorder::default());
    let with_voice = with(&recorder, Route::Page(PageId::RISKS));
    assert!(
        simulate(&with_voice, WINDOW)
            .find(ui.read_aloud.as_str())
            .is_ok()
    );

    // The clinic turned it off.
    let mut editions = (*support::editions()).clone();
    for library in &mut editions {
        library.clinic.read_aloud = Switch::Off;
    }
    let off = App::new(Arc::new(editions), Route::Page(PageId::RISKS))
        .with_voice(Some(recorder.clone() as Arc<dyn Voice>));
    assert!(!off.can_read_aloud());
    assert!(simulate(&off, WINDOW).find(ui.read_aloud.as_str()).is_err());

    // A voice that cannot start: one notice, and the guide goes on.
    let broken = Arc::new(Recorder {
        fail: true,
        ..Recorder::default()
    });
    let mut app = with(&broken, Route::Page(PageId::RISKS));
    deliver(&mut app, [Message::Speech(Speech::From(0))]);
    assert!(app.speech_failed() && app.reading().is_none());
    assert!(
        simulate(&app, WINDOW)
            .find(ui.speech_failed.as_str())
            .is_ok()
    );
    deliver(&mut app, [Reader::Open(Route::Page(PageId::AFTER)).into()]);
    assert_eq!(app.route(), &Route::Page(PageId::AFTER));
    // The notice was about that page's reading: it does not follow the reader to the next.
    assert!(!app.speech_failed());
    assert!(
        simulate(&app, WINDOW)
            .find(ui.speech_failed.as_str())
            .is_err()
    );
    // A program that ends in error mid-page: the same one notice.
    let mut app = with(&recorder, Route::Page(PageId::RISKS));
    deliver(&mut app, [Message::Speech(Speech::From(0))]);
    let run = app.reading().unwrap().run;
    deliver(
        &mut app,
        [Message::Speech(Speech::Said {
            run,
            result: Err(SpeechError::Failed {
                program: "espeak-ng".into(),
                status: "exit status: 1".into(),
            }),
        })],
    );
    assert!(app.speech_failed() && app.reading().is_none());
}

#[test]
fn the_check_is_read_a_step_at_a_time_never_its_answers() {
    use needle_guide::screen::reader::teach_back::Message as Check;
    let recorder = Arc::new(Recorder::default());
    let mut app = with(&recorder, Route::Page(PageId::TEACH_BACK));
    deliver(&mut app, [Reader::TeachBack(Check::Next).into()]);
    deliver(&mut app, [Message::Speech(Speech::From(0))]);
    read_to_the_end(&mut app);
    let items = needle_guide::document::check_items(app.library());
    let all: String = said(&recorder)
        .iter()
        .map(|(text, _)| text.clone())
        .collect();
    assert!(all.contains(&items[0].text));
    assert!(all.contains(&app.library().ui.teach_back.not_sure));
    assert!(
        !all.contains(&items[0].explain),
        "the answer was read before it was given"
    );
}

/// Where `espeak-ng` is, if this machine has it.
fn espeak() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|folder| folder.join("espeak-ng"))
        .find(|candidate| candidate.is_file())
}

#[test]
fn espeak_ng_speaks_a_page_in_english_and_spanish() {
    let Some(program) = espeak() else {
        let why = "espeak-ng is not installed (apt install espeak-ng)";
        assert!(
            std::env::var_os("CI").is_none(),
            "under CI this test needs {why}"
        );
        eprintln!("\n*** SKIPPED espeak_ng_speaks_a_page_in_english_and_spanish: {why}. ***\n");
        return;
    };
    let scratch = std::env::temp_dir().join(format!("needle-guide-speech-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    for library in support::editions().iter() {
        let document = Document::for_route(library, &Route::Page(PageId::WARNING_SIGNS)).unwrap();
        let text = document.passages().join("\n");
        let words = text.split_whitespace().count() as f64;
        let wav = scratch.join(format!("warning-signs-{}.wav", library.locale));
        let voice = if library.locale == "es" {
            "es-419"
        } else {
            "en"
        };
        let status = Command::new(&program)
            .args(["-v", voice, "-s", "150", "-w"])
            .arg(&wav)
            .arg("--")
            .arg(&text)
            .stderr(Stdio::null())
            .status()
            .expect("espeak-ng runs");
        assert!(status.success());
        let bytes = std::fs::read(&wav).unwrap();
        assert!(bytes.len() > 44 && &bytes[..4] == b"RIFF", "not a WAV file");
        // 16-bit mono: the rate is in the header.
        let rate = u32::from_le_bytes(bytes[24..28].try_into().unwrap()) as f64;
        let seconds = (bytes.len() - 44) as f64 / (rate * 2.0);
        let per_second = words / seconds;
        println!(
            "{}: {words} words in {seconds:.1} s of speech ({per_second:.2} words a second)",
            library.locale
        );
        // At 150 words a minute, with pauses: between 1 and 4 words a second is speech.
        assert!(
            (1.0..4.0).contains(&per_second),
            "{}: {seconds:.1} s for {words} words",
            library.locale
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

#[test]
fn the_speech_program_is_looked_for_only_in_absolute_folders() {
    use needle_guide::speech::Program;
    let folder = std::env::temp_dir().join(format!("needle-guide-path-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let planted = folder.join("espeak-ng");
    std::fs::write(&planted, "#!/bin/sh\n").unwrap();
    // The same folder named from the current one, as `PATH` entries like `.` or `bin` do.
    let here = std::env::current_dir().unwrap();
    let ups = here.components().count() - 1;
    let relative = "../".repeat(ups) + folder.strip_prefix("/").unwrap().to_str().unwrap();
    assert!(std::path::Path::new(&relative).join("espeak-ng").is_file());

    let found = Program::find_in(folder.as_os_str());
    assert_eq!(found, Some((Program::EspeakNg, planted.clone())));
    for path in [
        relative.clone(),
        format!(":{relative}:"),
        format!("{relative}:.:"),
    ] {
        assert_eq!(
            Program::find_in(std::ffi::OsStr::new(&path)),
            None,
            "found through the relative entries of {path}"
        );
    }
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_speech_program_that_cannot_start_is_told_in_words() {
    use needle_guide::speech::{Program, ProgramVoice, SpeechError, Voice};
    let voice = ProgramVoice {
        program: Program::EspeakNg,
        path: std::env::temp_dir().join("needle-guide-no-such-folder/espeak-ng"),
    };
    let Err(SpeechError::Start { reason, .. }) = voice.say("Hello", "en") else {
        panic!("a missing program started");
    };
    assert_eq!(reason, "no such file or directory");
}

/// Where the clinic counts the check's answers, read-aloud says so where the screen does:
/// before the first question; not where it does not count.
#[test]
fn read_aloud_says_what_the_clinic_counts_before_the_check() {
    for counting in [false, true] {
        let recorder = Arc::new(Recorder::default());
        let mut app = with(&recorder, Route::Page(PageId::TEACH_BACK));
        let folder = std::env::temp_dir().join(format!(
            "needle-guide-read-counts-{}-{counting}",
            std::process::id()
        ));
        if counting {
            app = app.with_insights(folder.join("counts.sqlite"));
        }
        deliver(&mut app, [Message::Speech(Speech::From(0))]);
        read_to_the_end(&mut app);
        let sentence = &app.library().ui.kiosk.counts_answers;
        let all: Vec<String> = said(&recorder).into_iter().map(|(text, _)| text).collect();
        assert_eq!(
            all.contains(sentence),
            counting,
            "counting: {counting}: {all:?}"
        );
        let _ = std::fs::remove_dir_all(&folder);
    }
}
