//! The waiting-room kiosk: welcome, the idle notice and the reset for the next person, the
//! staff PIN, and that it never writes a file or opens a program.

mod support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use needle_guide::app::{App, KioskSettings, Message, OpenerHandle};
use needle_guide::content::Library;
use needle_guide::handout::Opener;
use needle_guide::route::{PageId, Route};
use support::{WINDOW, deliver, editions, library, simulate};

fn kiosk_with(editions: Arc<Vec<Library>>) -> App {
    App::kiosk(
        editions,
        KioskSettings {
            idle_timeout: Duration::from_secs(90),
        },
    )
}

fn kiosk() -> App {
    kiosk_with(editions())
}

fn shows(app: &App, words: &str) -> bool {
    simulate(app, WINDOW).find(words).is_ok()
}

/// Runs the clock far enough for the notice, then for the reset.
fn let_time_pass(app: &mut App) {
    let later = Instant::now() + Duration::from_secs(24 * 3600);
    let _ = app.update(Message::Tick(later));
    let _ = app.update(Message::Tick(later + Duration::from_secs(31)));
}

#[test]
fn the_welcome_screen_invites_a_touch_and_starts_the_visit() {
    let library = library();
    let mut app = kiosk();
    assert!(shows(&app, &library.clinic.name));
    assert!(shows(&app, &library.ui.kiosk.touch_to_start));
    let mut ui = simulate(&app, WINDOW);
    ui.click(library.ui.kiosk.touch_to_start.as_str()).unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(messages.contains(&Message::StartVisit));
    deliver(&mut app, messages);
    assert!(!app.kiosk_state().unwrap().welcome());
    assert!(shows(&app, &library.page(PageId::Home).title));
}

#[test]
fn the_idle_notice_counts_down_and_keep_reading_dismisses_it() {
    let library = library();
    let mut app = kiosk();
    let _ = app.update(Message::StartVisit);
    let notice_at = Instant::now() + Duration::from_secs(90);
    let _ = app.update(Message::Tick(notice_at));
    assert_eq!(app.kiosk_state().unwrap().seconds_left(), Some(30));
    assert!(shows(&app, &library.ui.kiosk.still_reading));
    assert!(shows(
        &app,
        &library.ui.kiosk.starting_over.replace("{n}", "30")
    ));
    let _ = app.update(Message::Tick(notice_at + Duration::from_secs(12)));
    assert!(shows(
        &app,
        &library.ui.kiosk.starting_over.replace("{n}", "18")
    ));

    let mut ui = simulate(&app, WINDOW);
    ui.click(library.ui.kiosk.keep_reading.as_str()).unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(messages.contains(&Message::KeepReading));
    deliver(&mut app, messages);
    assert_eq!(app.kiosk_state().unwrap().seconds_left(), None);
    assert!(!shows(&app, &library.ui.kiosk.still_reading));
}

#[test]
fn after_the_countdown_the_state_equals_a_fresh_start() {
    let mut app = kiosk();
    let _ = app.update(Message::StartVisit);
    for message in [
        Message::SwitchLanguage,
        Message::TextLarger,
        Message::TextLarger,
        Message::ToggleContrast,
        Message::Open(Route::Page(PageId::Conditions)),
        Message::SelectRegion("knee".into()),
        Message::Open(Route::Condition("knee-pain".into())),
        Message::ShowTerm("tendon".into()),
        Message::StaffExit,
        Message::PinCancel,
    ] {
        let _ = app.update(message);
    }
    // (Compared with `==`: the app's debug form runs to pages.)
    assert!(app != kiosk());
    let_time_pass(&mut app);
    assert!(app == kiosk(), "every choice the patient made is gone");
    assert!(app.kiosk_state().unwrap().welcome());
}

/// Records what it was asked to open.
struct Recorder(Mutex<Vec<std::path::PathBuf>>);

impl Opener for Recorder {
    fn open(&self, path: &std::path::Path) -> Result<(), String> {
        self.0.lock().unwrap().push(path.to_owned());
        Ok(())
    }
}

#[test]
fn the_kiosk_never_makes_a_handout_or_calls_the_opener() {
    let library = library();
    let recorder = Arc::new(Recorder(Mutex::new(Vec::new())));
    let folder = std::env::temp_dir().join(format!("needle-guide-kiosk-{}", std::process::id()));
    let mut app = kiosk().with_handout_opener(OpenerHandle(recorder.clone()), folder.clone());
    let _ = app.update(Message::StartVisit);
    assert!(
        !shows(&app, &library.ui.handout.button),
        "no handout button"
    );
    assert!(!shows(&app, &library.ui.consult.present));
    for message in [
        Message::OpenHandout,
        Message::MakeHandout,
        Message::ToggleFullscreen,
        Message::OpenSearch,
    ] {
        let _ = app.update(message);
    }
    assert!(app.handout_dialog().is_none());
    assert!(app.search().is_none());
    assert!(recorder.0.lock().unwrap().is_empty());
    assert!(!folder.exists(), "nothing was written");
}

#[test]
fn the_staff_pin_keypad_checks_the_pin() {
    let mut editions = (*editions()).clone();
    for library in &mut editions {
        library.clinic.staff_pin = "2468".into();
    }
    let mut app = kiosk_with(Arc::new(editions));
    let _ = app.update(Message::StaffExit);
    assert_eq!(app.kiosk_state().unwrap().pin(), Some(""));
    for digit in ['1', '2', 'x', '3'] {
        let _ = app.update(Message::PinDigit(digit));
    }
    assert_eq!(app.kiosk_state().unwrap().pin(), Some("123"));
    let _ = app.update(Message::PinBack);
    let _ = app.update(Message::PinSubmit);
    assert!(app.kiosk_state().unwrap().wrong_pin());
    assert!(shows(&app, &library().ui.kiosk.wrong_pin));
    let _ = app.update(Message::PinCancel);
    assert_eq!(app.kiosk_state().unwrap().pin(), None);
}

#[test]
fn kiosk_text_and_targets_are_larger() {
    let app = kiosk();
    // Body text 21 px and targets 52 px, scaled for the kiosk: at least 24 px and 64 px.
    let scale = app.scale_factor();
    assert!(needle_guide::theme::size::BODY * scale >= 24.0);
    assert!(needle_guide::theme::metrics::TARGET * scale >= 64.0);
}

#[test]
fn a_plus_greys_out_when_the_screen_can_hold_no_larger_text() {
    let mut app = kiosk();
    let screen = iced::Size::new(1920.0, 1080.0);
    let _ = app.update(Message::StartVisit);
    let _ = app.update(Message::WindowResized(screen / app.scale_factor()));
    let mut presses = 0;
    while app.can_enlarge_text() {
        let mut ui = simulate(&app, screen / app.scale_factor());
        ui.click("A+").expect("A+ is on the kiosk's bar");
        let messages: Vec<Message> = ui.into_messages().collect();
        assert_eq!(messages, [Message::TextLarger]);
        deliver(&mut app, messages);
        presses += 1;
        assert!(presses < 5, "A+ never stops");
    }
    assert!(
        presses >= 2,
        "a patient can enlarge the text on a 1080p kiosk"
    );
    // At the largest size that fits, A+ is still there, greyed, and does nothing.
    let mut ui = simulate(&app, screen / app.scale_factor());
    ui.click("A+").expect("A+ stays on the bar");
    assert_eq!(ui.into_messages().count(), 0);
}
