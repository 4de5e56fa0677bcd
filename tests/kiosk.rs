//! The waiting-room kiosk: welcome, the idle notice and the reset for the next person, the
//! staff PIN, and that it never writes a file or opens a program.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use iced::Size;
use needle_guide::app::{App, KioskSettings, Message};
use needle_guide::content::Library;
use needle_guide::insights::InsightsError;
use needle_guide::keys::Shortcut;
use needle_guide::route::{PageId, Route};
use needle_guide::screen::Shared;
use needle_guide::screen::consult::Message as Consult;
use needle_guide::screen::kiosk::Message as Kiosk;
use needle_guide::screen::reader::Message as Reader;
use needle_guide::screen::reader::teach_back::Message as Check;
use support::{WINDOW, deliver, kiosk_editions, library, simulate};

/// A kiosk as it opens, smaller than any screen, before it has measured the one it is on.
fn opened(editions: Arc<Vec<Library>>) -> App {
    App::kiosk(
        editions,
        KioskSettings {
            idle_timeout: Duration::from_secs(90),
        },
    )
}

fn unmeasured_kiosk() -> App {
    opened(kiosk_editions())
}

/// A kiosk on the screen the tests draw (`WINDOW`), as it is once it has measured it.
fn kiosk_with(editions: Arc<Vec<Library>>) -> App {
    let mut app = opened(editions);
    let _ = app.update(Message::Measured(WINDOW));
    app
}

fn kiosk() -> App {
    kiosk_with(kiosk_editions())
}

fn shows(app: &App, words: &str) -> bool {
    simulate(app, WINDOW).find(words).is_ok()
}

/// Runs the clock far enough for the notice, then for the reset.
fn let_time_pass(app: &mut App) {
    support::let_the_idle_clock_run_out(app);
}

#[test]
fn the_welcome_screen_invites_a_touch_and_starts_the_visit() {
    let library = library();
    // A clinic with a name and no numbers: the binary would not start this kiosk, but if one is
    // made, staff's notice about it still never reaches the screen.
    let mut editions = (*support::editions()).clone();
    for edition in &mut editions {
        edition.clinic.name = "Harbour Physio".into();
    }
    let mut app = kiosk_with(Arc::new(editions));
    assert!(shows(&app, "Harbour Physio"));
    let notice = library
        .ui
        .clinic_not_set
        .replace("{missing}", "emergency_number, phone");
    assert!(
        app.staff_notices().contains(&notice),
        "{:?}",
        app.staff_notices()
    );
    assert!(
        !shows(&app, &notice),
        "staff notices never show at the kiosk"
    );
    assert!(shows(&app, &library.ui.kiosk.touch_to_start));
    let mut ui = simulate(&app, WINDOW);
    ui.click(library.ui.kiosk.touch_to_start.as_str()).unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(messages.contains(&Kiosk::StartVisit.into()));
    deliver(&mut app, messages);
    assert!(!app.kiosk_state().unwrap().welcome());
    assert!(shows(&app, &library.page(PageId::HOME).title));
}

#[test]
fn the_idle_notice_counts_down_and_keep_reading_dismisses_it() {
    let library = library();
    let mut app = kiosk();
    let _ = app.update(Kiosk::StartVisit.into());
    let notice_at = Instant::now() + Duration::from_secs(90);
    let _ = app.update(Kiosk::Tick(notice_at).into());
    assert_eq!(app.kiosk_state().unwrap().seconds_left(), Some(30));
    assert!(shows(&app, &library.ui.kiosk.still_reading));
    assert!(shows(
        &app,
        &library.ui.kiosk.starting_over.replace("{n}", "30")
    ));
    let _ = app.update(Kiosk::Tick(notice_at + Duration::from_secs(12)).into());
    assert!(shows(
        &app,
        &library.ui.kiosk.starting_over.replace("{n}", "18")
    ));

    let mut ui = simulate(&app, WINDOW);
    ui.click(library.ui.kiosk.keep_reading.as_str()).unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(messages.contains(&Kiosk::KeepReading.into()));
    deliver(&mut app, messages);
    assert_eq!(app.kiosk_state().unwrap().seconds_left(), None);
    assert!(!shows(&app, &library.ui.kiosk.still_reading));
}

/// Everything a patient can change in a visit, in the order a patient might.
fn a_visit() -> Vec<Message> {
    vec![
        Kiosk::StartVisit.into(),
        Shared::SwitchLanguage.into(),
        Shared::TextLarger.into(),
        Shared::TextLarger.into(),
        Shared::ToggleContrast.into(),
        Reader::Open(Route::Page(PageId::CONDITIONS)).into(),
        Reader::SelectRegion("knee".into()).into(),
        Reader::ShowConditions(needle_guide::screen::reader::ConditionsTab::List).into(),
        Reader::Open(Route::Condition("knee-pain".into())).into(),
        Reader::ShowTerm("tendon".into()).into(),
        // Back to the list and the same condition again: still one visit that opened each.
        Reader::Open(Route::Page(PageId::CONDITIONS)).into(),
        Reader::Open(Route::Condition("knee-pain".into())).into(),
        Reader::Open(Route::Page(PageId::TEACH_BACK)).into(),
        Reader::TeachBack(Check::Next).into(),
        Reader::TeachBack(Check::NotSure).into(),
        Reader::TeachBack(Check::Next).into(),
        Reader::TeachBack(Check::Pick(1)).into(),
        Kiosk::StaffExit.into(),
        Kiosk::PinDigit('1').into(),
    ]
}

/// A kiosk whose clinic set a staff PIN.
fn kiosk_with_pin() -> App {
    let mut editions = (*kiosk_editions()).clone();
    for library in &mut editions {
        library.clinic.staff_pin = "2468".into();
    }
    kiosk_with(Arc::new(editions))
}

#[test]
fn after_the_countdown_the_state_equals_a_fresh_start_on_the_same_screen() {
    let screen = Size::new(1920.0, 1080.0);
    let mut app = kiosk_with_pin();
    let _ = app.update(Message::Measured(screen));
    for message in a_visit() {
        let _ = app.update(message);
    }
    assert_eq!(
        app.kiosk_state().unwrap().pin(),
        Some("1"),
        "left half typed"
    );
    let mut fresh = kiosk_with_pin();
    let _ = fresh.update(Message::Measured(screen));
    // (Compared with `==`: the app's debug form runs to pages. Every part of the state compares
    // by value, or by identity where it has none.)
    assert!(app != fresh);
    let_time_pass(&mut app);
    assert!(app == fresh, "every choice the patient made is gone");
    assert!(app.kiosk_state().unwrap().welcome());
    assert_eq!(app.window(), screen, "the screen's size stays");
}

#[test]
fn each_change_of_a_visit_is_seen_by_the_comparison() {
    // The reset test compares whole states: each step of a visit must make them differ.
    let mut app = kiosk_with_pin();
    for message in a_visit() {
        let before = app.clone();
        let _ = app.update(message.clone());
        assert!(
            app != before,
            "{message:?} changed nothing the comparison sees"
        );
    }
}

#[test]
fn the_kiosk_has_none_of_the_therapists_tools() {
    let library = library();
    let mut app = kiosk();
    let _ = app.update(Kiosk::StartVisit.into());
    assert!(
        !shows(&app, &library.ui.handout.button),
        "no handout button"
    );
    assert!(!shows(&app, &library.ui.consult.present));
    let before = app.clone();
    for message in [
        Consult::OpenHandout.into(),
        Consult::MakeHandout.into(),
        Consult::ToggleFullscreen.into(),
        Consult::OpenSearch.into(),
        Message::Key(Shortcut::Find),
        Message::Key(Shortcut::Present),
        Message::Key(Shortcut::Fullscreen),
        Message::Key(Shortcut::ShowShortcuts),
    ] {
        let _ = app.update(message);
    }
    assert!(app.consult_state().is_none());
    assert!(app == before, "none of them changed anything");
}

#[test]
fn the_staff_pin_keypad_checks_the_pin() {
    let mut editions = (*kiosk_editions()).clone();
    for library in &mut editions {
        library.clinic.staff_pin = "2468".into();
    }
    let mut app = kiosk_with(Arc::new(editions));
    let _ = app.update(Kiosk::StaffExit.into());
    assert_eq!(app.kiosk_state().unwrap().pin(), Some(""));
    for digit in ['1', '2', 'x', '3'] {
        let _ = app.update(Kiosk::PinDigit(digit).into());
    }
    assert_eq!(app.kiosk_state().unwrap().pin(), Some("123"));
    let _ = app.update(Kiosk::PinBack.into());
    let _ = app.update(Kiosk::PinSubmit.into());
    assert!(app.kiosk_state().unwrap().wrong_pin());
    assert!(shows(&app, &library().ui.kiosk.wrong_pin));
    let _ = app.update(Kiosk::PinCancel.into());
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

/// A+ is on every kiosk screen's page, a 7-inch panel standing up included, and enlarges the
/// text until the screen can hold no more; then it stays, greyed, and does nothing.
#[test]
fn a_plus_enlarges_on_every_screen_and_greys_out_when_it_can_hold_no_larger_text() {
    let screens = [
        (iced::Size::new(1920.0, 1080.0), 2),
        (iced::Size::new(800.0, 480.0), 1),
        (iced::Size::new(1024.0, 600.0), 1),
        (iced::Size::new(480.0, 800.0), 1),
    ];
    for locale in ["en", "es"] {
        for (screen, fewest) in screens {
            let mut app = kiosk().in_locale(locale);
            let _ = app.update(Kiosk::StartVisit.into());
            let _ = app.update(Message::Measured(screen));
            let normal = app.scale_factor();
            let mut presses = 0;
            while app.can_enlarge_text() {
                let mut ui = simulate(&app, screen / app.scale_factor());
                ui.click("A+").expect("A+ is on the kiosk's bar");
                let messages = pressed(ui);
                assert_eq!(messages, [Kiosk::Shared(Shared::TextLarger).into()]);
                deliver(&mut app, messages);
                presses += 1;
                assert!(presses < 5, "A+ never stops");
            }
            assert!(
                presses >= fewest && app.scale_factor() > normal,
                "{locale} {screen:?}: a patient can enlarge the text ({presses} presses)"
            );
            // At the largest size that fits, A+ is still there, greyed, and does nothing.
            let mut ui = simulate(&app, screen / app.scale_factor());
            ui.click("A+").expect("A+ stays on the bar");
            assert_eq!(pressed(ui), []);
        }
    }
}

/// What a press in `ui` produced, besides the page saying whether it goes on below (which it
/// does at any event).
fn pressed(ui: iced_test::Simulator<'_, Message>) -> Vec<Message> {
    ui.into_messages()
        .filter(|message| !matches!(message, Message::MoreBelow(_)))
        .collect()
}

#[test]
fn a_reset_for_the_next_person_keeps_the_count_of_wrong_pins() {
    let mut app = kiosk_with_pin();
    let _ = app.update(Kiosk::StartVisit.into());
    let _ = app.update(Kiosk::StaffExit.into());
    for _ in 0..=needle_guide::screen::kiosk::FREE_TRIES {
        let _ = app.update(Kiosk::PinDigit('1').into());
        let _ = app.update(Kiosk::PinSubmit.into());
    }
    let guard = app.kiosk_state().unwrap().guard();
    assert_ne!(guard, Default::default());
    let _ = app.update(Kiosk::PinCancel.into());
    let_time_pass(&mut app);
    assert!(app.kiosk_state().unwrap().welcome(), "the visit was reset");
    assert_eq!(
        app.kiosk_state().unwrap().guard(),
        guard,
        "guessing cannot start afresh after a reset"
    );
}

/// Every order of `items`.
fn orders<T: Clone>(items: &[T]) -> Vec<Vec<T>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut all = Vec::new();
    for (index, first) in items.iter().enumerate() {
        let mut rest = items.to_vec();
        rest.remove(index);
        for mut order in orders(&rest) {
            order.insert(0, first.clone());
            all.push(order);
        }
    }
    all
}

/// The window as iced runs it for the app: what a unit test can feed the app in the order a
/// compositor or window manager makes things happen.
///
/// iced holds a scale, the app's as it was after the last update; it divides each resize by the
/// scale it holds then (times the screen's own scale) and hands it to the app later, through a
/// subscription; after each update it takes the app's new scale; and it lays a frame out in the
/// window's pixels divided by the scale it holds.
struct Shell {
    /// The window's size in the screen's pixels.
    pixels: Size,
    /// The screen's own scale (a high-density output's 2).
    output: f32,
    /// The app's scale as iced holds it.
    held: f32,
    /// Resizes on their way to the app.
    pending: Vec<Message>,
}

/// What a frame showed: the layout the app decided on, the room iced laid it out in, the
/// window's pixels, and whether anything but the background was drawn.
#[derive(Debug, Clone, Copy)]
struct Frame {
    layout: Size,
    room: Size,
    pixels: Size,
    drawn: bool,
}

impl Shell {
    /// The window as made: the app's window, in the screen's pixels.
    fn new(app: &App, output: f32) -> Shell {
        Shell {
            pixels: app.window() * output,
            output,
            held: app.scale_factor(),
            pending: Vec::new(),
        }
    }

    /// The compositor gives the window `pixels`, or keeps the size the app asked for (`None`,
    /// Wayland's configure with a size of 0×0).
    fn configure(&mut self, pixels: Option<Size>) {
        if let Some(pixels) = pixels {
            self.pixels = pixels;
        }
        self.resized();
    }

    /// The output's own scale changes: the window keeps its pixels, and each is smaller.
    fn rescale(&mut self, output: f32) {
        self.output = output;
        self.resized();
    }

    fn resized(&mut self) {
        let reported = self.pixels * (1.0 / (self.output * self.held));
        self.pending.push(Message::WindowResized(reported));
    }

    /// Hands the app one message; iced then takes the app's scale.
    fn deliver(&mut self, app: &mut App, message: Message) {
        let _ = app.update(message);
        self.held = app.scale_factor();
    }

    /// Hands the app the resizes that are on their way.
    fn deliver_pending(&mut self, app: &mut App) {
        for message in std::mem::take(&mut self.pending) {
            self.deliver(app, message);
        }
    }

    /// Draws a frame, as iced does: the view laid out in the room iced holds, a redraw event
    /// through it, then the drawing; and only then hands the app what the widgets said.
    fn frame(&mut self, app: &mut App) -> Frame {
        use iced_test::core::renderer::Style;
        use iced_test::core::theme::Base;
        use iced_test::core::{clipboard, mouse};
        use iced_test::runtime::UserInterface;

        let room = self.pixels * (1.0 / (self.output * self.held));
        let layout = app.window() * (1.0 / app.scale_factor());
        let mut renderer = support::window::renderer();
        let mut ui = UserInterface::build(app.view(), room, Default::default(), &mut renderer);
        let mut said = Vec::new();
        let redraw = iced::Event::Window(iced::window::Event::RedrawRequested(Instant::now()));
        let _ = ui.update(
            &[redraw],
            mouse::Cursor::Unavailable,
            &mut renderer,
            &mut clipboard::Null,
            &mut said,
        );
        let theme = app.theme();
        let style = Style {
            text_color: theme.base().text_color,
        };
        ui.draw(&mut renderer, &theme, &style, mouse::Cursor::Unavailable);
        drop(ui);
        let drawn = renderer.layers().iter().any(|layer| {
            !(layer.quads.is_empty()
                && layer.primitives.is_empty()
                && layer.text.is_empty()
                && layer.images.is_empty())
        });
        for message in said {
            self.deliver(app, message);
        }
        Frame {
            layout,
            room,
            pixels: self.pixels,
            drawn,
        }
    }

    /// Frames until one says nothing new; all of them.
    fn settle(&mut self, app: &mut App) -> Vec<Frame> {
        let mut frames = Vec::new();
        loop {
            let before = app.clone();
            frames.push(self.frame(app));
            if *app == before {
                return frames;
            }
            assert!(frames.len() < 5, "the kiosk's size never settles");
        }
    }
}

/// The layout a kiosk lays out on a window of `pixels` at an output scale of `output`, once
/// settled: as a fresh kiosk measures it.
fn settled_layout(pixels: Size, output: f32) -> (f32, Size) {
    let mut app = kiosk();
    let _ = app.update(Message::Measured(pixels * (1.0 / output)));
    (
        app.scale_factor(),
        app.window() * (1.0 / app.scale_factor()),
    )
}

/// A frame fits when the layout the app decided on is no larger than the room iced laid it out
/// in (a larger one runs off the screen), or it shows only the background; and its pixels are
/// no more than the screen's.
fn assert_fits(frame: Frame, screen: Size, when: &str) {
    assert!(
        !frame.drawn
            || frame.layout.width <= frame.room.width + 0.5
                && frame.layout.height <= frame.room.height + 0.5,
        "{when}: laid out at {:?} in {:?}",
        frame.layout,
        frame.room
    );
    assert!(
        frame.pixels.width <= screen.width && frame.pixels.height <= screen.height,
        "{when}: a frame of {:?} on a screen of {screen:?}",
        frame.pixels
    );
}

#[test]
fn the_kiosk_fits_its_screen_whatever_order_the_resize_events_come_in() {
    // What a window manager may send while it makes the window full screen, each in the app's
    // scaled pixels as iced reports it, at whatever scale it held: the window as made, the
    // screen (at the kiosk's 1.25 and at 1.5625), and a half-made one; and a frame drawn on
    // the way, once the window is the screen's.
    let start = kiosk();
    let made = start.scale_factor();
    let first = start.window();
    let screen = Size::new(1280.0, 800.0);
    #[derive(Clone)]
    enum Step {
        Deliver(Message),
        Frame,
    }
    let steps = [
        Step::Deliver(Message::WindowResized(first * (1.0 / made))),
        Step::Deliver(Message::WindowResized(screen * (1.0 / made))),
        Step::Deliver(Message::WindowResized(screen * (1.0 / 1.5625))),
        Step::Deliver(Message::WindowResized(
            Size::new(1280.0, 40.0) * (1.0 / made),
        )),
        Step::Frame,
    ];
    let mut seen = Vec::new();
    for order in orders(&steps) {
        let mut app = start.clone();
        let mut shell = Shell::new(&app, 1.0);
        shell.pixels = screen;
        for step in order {
            match step {
                Step::Deliver(message) => shell.deliver(&mut app, message),
                Step::Frame => assert_fits(shell.frame(&mut app), screen, "a frame on the way"),
            }
        }
        let last = *shell.settle(&mut app).last().unwrap();
        assert_fits(last, screen, "the last frame");
        assert!(last.drawn, "the last frame shows the kiosk");
        assert_eq!(app.screen(), Some(screen));
        seen.push((app.scale_factor(), last.layout));
    }
    assert_eq!(seen.len(), 120);
    let (scale, layout) = seen[0];
    assert!(
        seen.iter().all(|each| *each == (scale, layout)),
        "one layout in every order: {:?}",
        seen.iter()
            .filter(|each| **each != (scale, layout))
            .take(3)
            .collect::<Vec<_>>()
    );
    assert!((scale - 1.25).abs() < 1e-4, "{scale}");
    assert!((layout.width - 1024.0).abs() < 0.5 && (layout.height - 640.0).abs() < 0.5);
}

#[test]
fn the_kiosk_fits_every_screen_in_the_order_wayland_sizes_it() {
    // As cage runs it: the first configure gives no size (the window keeps the size it asked
    // for) and a frame is drawn; the output's size comes later; after the first frames the
    // output's own scale may change (a high-density screen that the window entered late).
    let screens = [
        (1280.0, 720.0),
        (1280.0, 800.0),
        (1920.0, 1080.0),
        (3840.0, 2160.0),
        (1080.0, 1920.0),
        // A Raspberry Pi's panels.
        (800.0, 480.0),
        (1024.0, 600.0),
        (480.0, 800.0),
    ];
    for (width, height) in screens {
        let screen = Size::new(width, height);
        let when = |what: &str| format!("{width}×{height}, {what}");
        let mut app = unmeasured_kiosk();
        let mut shell = Shell::new(&app, 1.0);
        assert!(
            shell.pixels.width <= screen.width && shell.pixels.height <= screen.height,
            "the window asks for {:?}, more than {screen:?}",
            shell.pixels
        );

        shell.configure(None);
        let first = shell.frame(&mut app);
        assert_fits(first, screen, &when("the first frame"));
        assert!(first.drawn, "{}", when("the first frame shows the kiosk"));
        shell.deliver_pending(&mut app);
        for frame in shell.settle(&mut app) {
            assert_fits(frame, screen, &when("before the output's size"));
        }
        assert_eq!(app.screen(), None, "the window is not the screen yet");

        shell.configure(Some(screen));
        // A frame may be drawn before the resize reaches the app.
        assert_fits(shell.frame(&mut app), screen, &when("the output's size"));
        shell.deliver_pending(&mut app);
        let frames = shell.settle(&mut app);
        for frame in &frames {
            assert_fits(*frame, screen, &when("after the output's size"));
        }
        assert_eq!(app.screen(), Some(screen));
        let (scale, layout) = settled_layout(screen, 1.0);
        assert_eq!(
            (app.scale_factor(), frames.last().unwrap().layout),
            (scale, layout)
        );
        assert_eq!(frames.last().unwrap().room, layout, "{}", when("laid out"));

        shell.rescale(2.0);
        assert_fits(shell.frame(&mut app), screen, &when("the new output scale"));
        shell.deliver_pending(&mut app);
        let frames = shell.settle(&mut app);
        for frame in &frames {
            assert_fits(*frame, screen, &when("after the new output scale"));
        }
        assert!(frames.iter().all(|frame| frame.drawn));
        let (scale, layout) = settled_layout(screen, 2.0);
        assert_eq!(app.screen(), Some(screen * 0.5), "{}", when("at scale 2"));
        assert_eq!(
            (app.scale_factor(), frames.last().unwrap().layout),
            (scale, layout)
        );
        assert_eq!(
            frames.last().unwrap().room,
            layout,
            "{}",
            when("laid out at scale 2")
        );
    }
}

/// The cage flags the kiosk's unit gives, before `--`, one letter each (`-ds` is `-d -s`).
fn cage_flags(unit: &str) -> Vec<String> {
    let exec = unit
        .lines()
        .find_map(|line| line.trim().strip_prefix("ExecStart="))
        .expect("the unit has an ExecStart line");
    let mut words = exec.split_whitespace();
    assert!(
        words
            .next()
            .is_some_and(|program| program.ends_with("/cage")),
        "the unit runs cage: {exec}"
    );
    let mut flags = Vec::new();
    for word in words.take_while(|word| *word != "--") {
        match word.strip_prefix('-') {
            Some(letters) => flags.extend(letters.chars().map(|letter| format!("-{letter}"))),
            // The value of the flag before it (`-m last`).
            None => flags.push(word.to_owned()),
        }
    }
    flags
}

#[test]
fn the_kiosks_unit_gives_cage_no_way_out() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/deploy/needle-guide-kiosk.service"
    );
    let unit = std::fs::read_to_string(path).expect("the unit is there");
    let flags = cage_flags(&unit);
    // cage 0.1.4: -d no decorations, -r rotate, -m which outputs (with a word); -s lets
    // Ctrl+Alt+F1–F12 switch to another console, out of the guide. Any other flag is refused
    // too, until someone reads what it does.
    let safe = ["-d", "-r", "-m", "extend", "last"];
    assert!(
        !flags.iter().any(|flag| flag == "-s"),
        "the unit runs cage with -s, which lets a patient switch console"
    );
    let unknown: Vec<&String> = flags
        .iter()
        .filter(|flag| !safe.contains(&flag.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "cage flags not known to be safe: {unknown:?}"
    );
    // The reading itself: the flags a unit with a way out would give are seen.
    assert_eq!(
        cage_flags("ExecStart=/usr/bin/cage -ds -m last -- needle-guide --kiosk -s"),
        ["-d", "-s", "-m", "last"]
    );
}

/// The kiosk binary, started on a Wayland "compositor" that is only a socket in `runtime`: it
/// gets as far as waiting for the compositor's answer, holding its lock.
fn kiosk_on_fake_screen(runtime: &std::path::Path) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_needle-guide"))
        .args(["--kiosk", "--content"])
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/test-clinic"
        ))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("WAYLAND_DISPLAY", "wayland-fake")
        .env("XDG_RUNTIME_DIR", runtime)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the kiosk starts")
}

/// Waits until the kiosk lock in `runtime` names `pid` as its holder.
fn wait_for_holder(runtime: &std::path::Path, child: &mut std::process::Child) {
    use needle_guide::screen::kiosk::lock;
    let path = lock::path(runtime, &lock::screen_name(Some("wayland-fake"), None));
    let pid = child.id().to_string();
    for _ in 0..600 {
        if std::fs::read_to_string(&path).is_ok_and(|holder| holder == pid) {
            return;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the kiosk ended before it took the lock"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the kiosk never took the lock");
}

/// Waits up to 30 s for `child` to end, and what it said.
fn ended(mut child: std::process::Child) -> (Option<i32>, String) {
    for _ in 0..600 {
        if child.try_wait().unwrap().is_some() {
            let output = child.wait_with_output().unwrap();
            return (
                output.status.code(),
                String::from_utf8_lossy(&output.stderr).into_owned(),
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    panic!("it never ended: a second kiosk started on the same screen");
}

#[test]
fn a_second_kiosk_on_the_same_screen_refuses_to_start_until_the_first_is_gone() {
    let runtime = std::env::temp_dir().join(format!("ng-two-kiosks-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&runtime);
    std::fs::create_dir_all(&runtime).unwrap();
    let compositor = std::os::unix::net::UnixListener::bind(runtime.join("wayland-fake")).unwrap();

    let mut first = kiosk_on_fake_screen(&runtime);
    wait_for_holder(&runtime, &mut first);
    let (code, said) = ended(kiosk_on_fake_screen(&runtime));
    assert_eq!(code, Some(1), "{said}");
    let refusal: Vec<&str> = said.lines().filter(|line| line.contains("kiosk")).collect();
    assert_eq!(
        refusal,
        [format!(
            "needle-guide: the kiosk will not start: another kiosk is already running on this \
             screen (WAYLAND_DISPLAY wayland-fake, process {}); stop it first, or start this \
             one on another screen",
            first.id()
        )],
        "{said}"
    );

    // Killed: the next one starts.
    first.kill().unwrap();
    first.wait().unwrap();
    let mut second = kiosk_on_fake_screen(&runtime);
    wait_for_holder(&runtime, &mut second);

    // Ended by itself (here the compositor hangs up on it): the next one starts.
    compositor.set_nonblocking(true).unwrap();
    let mut gone = None;
    for _ in 0..600 {
        while let Ok((connection, _)) = compositor.accept() {
            drop(connection);
        }
        if let Some(status) = second.try_wait().unwrap() {
            gone = Some(status);
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        gone.is_some(),
        "the kiosk did not end when its compositor left"
    );
    let mut third = kiosk_on_fake_screen(&runtime);
    wait_for_holder(&runtime, &mut third);
    third.kill().unwrap();
    third.wait().unwrap();
    std::fs::remove_dir_all(&runtime).unwrap();
}

#[test]
fn the_welcome_screen_says_how_long_and_starts_in_either_language() {
    let english = library();
    let app = kiosk();
    assert!(shows(&app, &english.ui.kiosk.takes));
    let spanish = support::editions()
        .iter()
        .find(|edition| edition.locale == "es")
        .expect("a Spanish edition")
        .clone();
    // Side by side: the start in Spanish, in Spanish.
    let mut ui = simulate(&app, WINDOW);
    ui.click(spanish.ui.kiosk.start_in.as_str()).unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    let mut app = app;
    deliver(&mut app, messages);
    assert!(!app.kiosk_state().unwrap().welcome());
    assert_eq!(app.library().locale, "es");
    assert!(shows(&app, &spanish.page(PageId::HOME).title));
}

#[test]
fn settings_changed_on_the_welcome_screen_are_undone_for_the_next_person() {
    use needle_guide::screen::Shared;
    let mut app = kiosk();
    deliver(
        &mut app,
        [
            Kiosk::Shared(Shared::TextLarger).into(),
            Kiosk::Shared(Shared::ToggleContrast).into(),
            Kiosk::Shared(Shared::SwitchLanguage).into(),
        ],
    );
    assert!(app.kiosk_state().unwrap().welcome());
    assert!(app.text_scale() > 1.0);
    assert_eq!(app.library().locale, "es");
    let_time_pass(&mut app);
    assert_eq!(app, kiosk(), "not a fresh start");
}

#[test]
fn a_tap_on_the_welcome_screens_greyed_a_plus_does_not_start_the_visit() {
    use needle_guide::screen::Shared;
    let mut app = kiosk();
    while app.can_enlarge_text() {
        deliver(&mut app, [Kiosk::Shared(Shared::TextLarger).into()]);
    }
    let mut ui = simulate(&app, WINDOW);
    ui.click("A+").expect("A+ shows");
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(
        !messages.contains(&Kiosk::StartVisit.into()),
        "the greyed A+ started the visit: {messages:?}"
    );
    // Elsewhere, a touch still starts.
    let mut ui = simulate(&app, WINDOW);
    ui.click(app.library().ui.app_title.as_str())
        .expect("the title shows");
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(messages.contains(&Kiosk::StartVisit.into()));
}

#[test]
fn a_minus_is_greyed_at_the_normal_text_size() {
    use needle_guide::screen::Shared;
    let mut app = kiosk();
    deliver(&mut app, [Kiosk::StartVisit.into()]);
    let smaller = Message::Kiosk(Kiosk::Shared(Shared::TextSmaller));
    let mut ui = simulate(&app, WINDOW);
    ui.click("A−").expect("A− shows");
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(!messages.contains(&smaller), "A− works at the normal size");
    deliver(&mut app, [Kiosk::Shared(Shared::TextLarger).into()]);
    let mut ui = simulate(&app, WINDOW);
    ui.click("A−").expect("A− shows");
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(messages.contains(&smaller), "{messages:?}");
}

#[test]
fn the_tile_under_the_finger_that_woke_the_kiosk_is_not_left_tinted() {
    use iced_test::core::{clipboard, mouse, window};
    use iced_test::runtime::{UserInterface, user_interface};

    // The welcome screen starts the visit on the press: home is laid out under a finger still
    // down, and drawn with its tile pressed. When the finger lifts, the window must draw again.
    let mut app = kiosk();
    let mut renderer = support::window::renderer();
    let room = app.window() * (1.0 / app.scale_factor());
    let middle = mouse::Cursor::Available(iced::Point::new(room.width / 2.0, room.height / 2.0));
    // The widgets' state lives on from event to event, as in the window.
    let mut cache = Some(user_interface::Cache::default());
    let mut through = |app: &mut App, event: iced::Event| {
        let kept = cache.take().unwrap_or_default();
        let mut ui = UserInterface::build(app.view(), room, kept, &mut renderer);
        let mut said = Vec::new();
        let (state, _) = ui.update(
            &[event],
            middle,
            &mut renderer,
            &mut clipboard::Null,
            &mut said,
        );
        cache = Some(ui.into_cache());
        for message in said {
            let _ = app.update(message);
        }
        state
    };
    let _ = through(
        &mut app,
        iced::Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)),
    );
    assert!(
        !app.kiosk_state().expect("a kiosk").welcome(),
        "the press did not start the visit"
    );
    let _ = through(
        &mut app,
        iced::Event::Window(window::Event::RedrawRequested(Instant::now())),
    );
    let lifted = through(
        &mut app,
        iced::Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left)),
    );
    let redraws = match lifted {
        user_interface::State::Updated { redraw_request, .. } => {
            redraw_request != window::RedrawRequest::Wait
        }
        user_interface::State::Outdated => true,
    };
    assert!(
        redraws,
        "the lifted finger asked for no frame: the tile stays drawn pressed"
    );
}

#[test]
fn a_plus_on_the_welcome_screen_enlarges_its_words_and_keeps_its_buttons() {
    for screen in [
        iced::Size::new(1280.0, 800.0),
        iced::Size::new(1920.0, 1080.0),
    ] {
        let mut app = kiosk();
        let _ = app.update(Message::Measured(screen));
        // How tall a text is on the screen, in its pixels.
        let on_screen = |app: &App, words: &str| {
            let found = support::screens::inspect(app, screen / app.scale_factor());
            let (_, target) = found
                .texts
                .iter()
                .find(|(text, _)| text == words)
                .unwrap_or_else(|| panic!("{words:?} is not on the welcome screen"));
            assert!(target.in_view(), "{words:?} is cut off");
            target.bounds.height * app.scale_factor()
        };
        let words = app.library().ui.kiosk.takes.clone();
        let start = app.library().ui.kiosk.touch_to_start.clone();
        let (words_before, start_before) = (on_screen(&app, &words), on_screen(&app, &start));
        let _ = app.update(Shared::TextLarger.into());
        assert!(app.kiosk_state().expect("a kiosk").welcome());
        let (words_after, start_after) = (on_screen(&app, &words), on_screen(&app, &start));
        assert!(
            words_after > words_before * 1.15,
            "{screen:?}: A+ took the words from {words_before:.0} to {words_after:.0} pixels"
        );
        assert!(
            (start_after / start_before - 1.0).abs() < 0.05,
            "{screen:?}: Touch to start went from {start_before:.0} to {start_after:.0} pixels"
        );
    }
}

#[test]
fn the_pinned_emergency_note_keeps_the_number_to_call_at_every_text_size() {
    let mut app = kiosk();
    let _ = app.update(Kiosk::StartVisit.into());
    let number = app.library().emergency_number().to_owned();
    assert!(!number.is_empty());
    // From the first larger size on, where the note has no room for its whole sentence (at the
    // normal size it says the number in that sentence).
    let _ = app.update(Shared::TextLarger.into());
    loop {
        let size = app.window() * (1.0 / app.scale_factor());
        let says_it = simulate(&app, size)
            .find(
                |candidate: iced_test::selector::Candidate<'_>| match candidate {
                    iced_test::selector::Candidate::Text { content, .. }
                        if content.contains(&number) =>
                    {
                        Some(())
                    }
                    _ => None,
                },
            )
            .is_ok();
        assert!(
            says_it,
            "at {}% text home's note does not say {number}",
            app.text_scale() * 100.0
        );
        if !app.can_enlarge_text() {
            break;
        }
        let _ = app.update(Shared::TextLarger.into());
    }
}

/// Reads the QR code in the window's pixels, as a phone's camera would.
fn read_code(window: &support::window::Window) -> String {
    read_code_and_cell(window).0
}

/// The text of the one code on the window, and how many screen pixels a cell takes.
fn read_code_and_cell(window: &support::window::Window) -> (String, f32) {
    let pixels = window.shown();
    let width = window.width();
    let height = pixels.len() / width;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        let pixel = pixels[y * width + x];
        // The darkest of the three channels: the code is dark on light.
        [16, 8, 0]
            .into_iter()
            .map(|shift| ((pixel >> shift) & 0xff) as u8)
            .min()
            .unwrap_or(255)
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code on the screen");
    let (meta, text) = grids[0].decode().expect("the code reads");
    let [top_left, top_right, ..] = grids[0].bounds;
    let cells = 17 + 4 * meta.version.0;
    (text, (top_right.x - top_left.x) as f32 / cells as f32)
}

/// The code's first part, what to do if something is wrong, as the patient reads it.
fn safety_lines(library: &Library) -> Vec<String> {
    let lines = &library.ui.kiosk.take_home_safety;
    lines.iter().map(|line| library.plain(line)).collect()
}

/// Gives the check `steps`, one at a time, as taps do.
fn answer(app: &mut App, steps: Vec<Check>) {
    for step in steps {
        deliver(app, [Message::Reader(Reader::TeachBack(step))]);
    }
}

/// A kiosk with a visit begun by `start`, on `page`.
fn visit_on(start: Kiosk, page: PageId) -> App {
    let mut app = kiosk();
    deliver(&mut app, [Message::Kiosk(start)]);
    deliver(&mut app, [Message::Reader(Reader::Open(Route::Page(page)))]);
    app
}

/// Whether `words` are on the page, the whole page in view.
fn on_the_page(app: &App, words: &str) -> bool {
    simulate(app, Size::new(1280.0, 3200.0)).find(words).is_ok()
}

/// The lines of a list in the code ("- …").
fn listed(code: &str) -> Vec<&str> {
    code.lines()
        .filter_map(|line| line.strip_prefix("- "))
        .collect()
}

/// At the kiosk, the questions page and the check's summary offer "Take this with you": a code
/// a phone reads with no network, holding the very text on the screen, in the patient's
/// language. Nothing of it outlives the visit.
#[test]
fn the_take_home_code_holds_the_text_on_the_screen_in_both_languages() {
    for other in [false, true] {
        let start = if other {
            Kiosk::StartVisitInOther
        } else {
            Kiosk::StartVisit
        };
        // The questions page: its questions.
        let mut app = visit_on(start, PageId::QUESTIONS);
        let library = app.library().clone();
        let words = &library.ui.kiosk;

        assert!(
            shows(&app, &words.take_home),
            "{}: the button",
            library.locale
        );
        // The page's questions, as the page draws them (each a paragraph of the document).
        let page =
            needle_guide::document::Document::for_route(&library, &Route::Page(PageId::QUESTIONS))
                .unwrap();
        let questions: Vec<String> = page
            .sections
            .iter()
            .flat_map(|section| &section.parts)
            .filter_map(|part| match part {
                needle_guide::document::Part::Questions(items) => Some(items),
                _ => None,
            })
            .flatten()
            .map(|item| needle_guide::document::joined(&item.question))
            .collect();
        assert!(questions.len() >= 5);
        deliver(&mut app, [Message::Reader(Reader::TakeHome)]);
        let mut window = support::window::Window::new();
        window.step(&mut app, &[]);
        let code = read_code(&window);
        assert_eq!(code.lines().next(), Some(words.take_home_title.as_str()));
        // What to do if something is wrong first, from this page too: then its questions.
        let safety = safety_lines(&library);
        let expected: Vec<&str> = safety
            .iter()
            .chain(&questions)
            .map(String::as_str)
            .collect();
        assert_eq!(listed(&code), expected, "{}", library.locale);
        assert!(shows(&app, &words.take_home_how));
        deliver(&mut app, [Message::Kiosk(Kiosk::CloseTakeHome)]);
        assert!(!shows(&app, &words.take_home_how), "closed");

        // The check's summary: the topics to ask about and the questions ticked.
        deliver(
            &mut app,
            [Message::Reader(Reader::Open(Route::Page(
                PageId::TEACH_BACK,
            )))],
        );
        let items = needle_guide::document::check_items(&library);
        let mut messages = vec![Check::Next];
        for _ in &items {
            messages.extend([Check::NotSure, Check::Next]);
        }
        messages.extend([Check::Tick(0), Check::Tick(2), Check::Next]);
        // One "are you sure" question answered no: its advice goes home too.
        messages.extend((0..4).map(|question| Check::Sure(question, question != 1)));
        messages.push(Check::Finish);
        answer(&mut app, messages);
        let summary = app
            .reader()
            .check_summary(&library)
            .expect("the check is done");
        assert!(!summary.topics.is_empty() && summary.questions.len() == 2);
        assert!(
            shows(&app, &words.take_home),
            "{}: the button",
            library.locale
        );
        // Each topic missed with its right answer on the screen; the code takes the answers.
        assert_eq!(summary.answers.len(), summary.topics.len());
        for topic in &summary.topics {
            assert!(on_the_page(&app, topic), "{}: {topic}", library.locale);
        }
        let teach_back = &library.ui.teach_back;
        assert_eq!(summary.unsure.len(), 1);
        let on_screen: Vec<&str> = summary
            .questions
            .iter()
            .chain([&teach_back.talk_first])
            .chain(&summary.answers)
            .map(String::as_str)
            .collect();
        for line in &on_screen {
            assert!(
                on_the_page(&app, line),
                "{}: {line} on the screen",
                library.locale
            );
        }
        deliver(
            &mut app,
            [Message::Reader(Reader::TeachBack(Check::TakeHome))],
        );
        window.step(&mut app, &[]);
        let code = read_code(&window);
        // Whose list it is: the clinic's name under the title.
        assert_eq!(
            code.lines().nth(1),
            Some(
                library
                    .ui
                    .handout
                    .given_by
                    .replace("{clinic}", &library.clinic.name)
                    .as_str()
            )
        );
        // First, what to do if something is wrong, with the numbers to call (the clinic's
        // after-hours line too); never left out, and said beside the code too.
        let safety = safety_lines(&library);
        let all_safety = safety.join(" ");
        for number in [
            library.emergency_number(),
            library.clinic.phone.trim(),
            library.clinic.after_hours_phone.trim(),
        ] {
            assert!(all_safety.contains(number), "{}: {number}", library.locale);
        }
        assert!(!all_safety.contains('{'));
        for line in &safety {
            assert!(shows(&app, line), "the dialog says it too: {line}");
        }
        // Every sign of the warning-signs page's urgent steps is named in it, in brief.
        assert!(safety.len() >= 4);
        // The must-know answers (the warning signs, what to do) are in that first part; the
        // others follow it, as on the screen.
        let items = needle_guide::document::check_items(&library);
        let must_know: Vec<&str> = items
            .iter()
            .filter(|item| item.must_know)
            .map(|item| item.in_short.as_str())
            .collect();
        assert!(!must_know.is_empty());
        let expected: Vec<&str> = safety
            .iter()
            .map(String::as_str)
            .chain(
                on_screen
                    .iter()
                    .copied()
                    .filter(|line| !must_know.contains(line)),
            )
            .collect();
        // Every question missed, with two ticked: the questions come first, whole, and where
        // the list is longer than one code, lines go from its end and the code says how many.
        let listed = listed(&code);
        assert!(
            listed.len() >= safety.len() + summary.questions.len(),
            "{}",
            library.locale
        );
        assert_eq!(listed, expected[..listed.len()], "{}", library.locale);
        let left = expected.len() - listed.len();
        let said = words
            .take_home_left_out
            .replace("{left}", &left.to_string());
        assert_eq!(code.contains(&said), left > 0, "{}: {code}", library.locale);
        assert!(code.contains(&words.take_home_answers));

        // The reset wipes it: the next person finds no code and no answers.
        support::let_the_idle_clock_run_out(&mut app);
        assert!(!shows(&app, &words.take_home_how));
        assert!(app.reader().check_summary(&library).is_none());
    }
}

/// "Take this with you" left open until the idle notice, then the reset: the window draws each
/// step (the notice over the dialog, then the welcome screen), as the real window does.
#[test]
fn the_take_home_code_left_open_gives_way_to_the_idle_notice_and_the_reset() {
    let mut app = kiosk();
    deliver(&mut app, [Message::Kiosk(Kiosk::StartVisit)]);
    deliver(
        &mut app,
        [Message::Reader(Reader::Open(Route::Page(
            PageId::QUESTIONS,
        )))],
    );
    deliver(&mut app, [Message::Reader(Reader::TakeHome)]);
    let mut window = support::window::Window::new();
    window.step(&mut app, &[]);
    let words = app.library().ui.kiosk.clone();
    assert!(shows(&app, &words.take_home_how));
    let later = Instant::now() + Duration::from_secs(24 * 3600);
    window.deliver(&mut app, [Kiosk::Tick(later).into()]);
    assert!(shows(&app, &words.still_reading), "the notice shows");
    assert!(
        !shows(&app, &words.take_home_how),
        "over the dialog, which closed"
    );
    window.deliver(
        &mut app,
        [Kiosk::Tick(later + Duration::from_secs(31)).into()],
    );
    assert!(shows(&app, &words.touch_to_start), "the welcome screen");
    window.step(&mut app, &[]);
}

/// On a portrait panel the take-home dialog keeps its words readable and its Close button big
/// enough for a finger: its words go under the code rather than shrinking the whole dialog
/// beside it (they were 9 pixels high, Close 44 by 21).
#[test]
fn on_a_portrait_panel_the_take_home_dialog_keeps_its_words_and_close_readable() {
    let screen = iced::Size::new(480.0, 800.0);
    let mut app = visit_on(Kiosk::StartVisit, PageId::QUESTIONS);
    let _ = app.update(Message::Measured(screen));
    deliver(&mut app, [Message::Reader(Reader::TakeHome)]);
    let words = app.library().ui.kiosk.clone();
    let close = app.library().ui.close.clone();
    let found = support::screens::inspect(&app, screen / app.scale_factor());
    let on_screen = |text: &str| {
        let (_, target) = found
            .texts
            .iter()
            .find(|(shown, _)| shown.starts_with(text))
            .unwrap_or_else(|| panic!("{text:?} is not in the dialog"));
        assert!(target.in_view(), "{text:?} is cut off");
        target.bounds * app.scale_factor()
    };
    // How to take it runs across the dialog, under the code, not down a strip beside it.
    let how = on_screen(&words.take_home_how);
    assert!(how.width >= 300.0, "how to take it: {how:?}");
    let label = on_screen(&close);
    assert!(label.height >= 14.0, "Close: its label {label:?}");
    // Its button at least 48 pixels high on the screen, as every target on a small panel.
    let button = found
        .targets
        .iter()
        .filter(|target| {
            target.bounds.contains(iced::Point::new(
                label.center().x / app.scale_factor(),
                label.center().y / app.scale_factor(),
            ))
        })
        .map(|target| target.bounds.height * app.scale_factor())
        .fold(f32::INFINITY, f32::min);
    assert!(button >= 48.0 - 0.5, "Close: its button is {button} high");
}

/// How many kiosk visits the counts file at `file` holds, in every week.
fn kiosk_visits_in(file: &std::path::Path) -> u64 {
    use needle_guide::insights::{Mode, Store};
    let weeks = Store::open(file).unwrap().weeks(Mode::Kiosk, None).unwrap();
    weeks.iter().map(|week| week.visits).sum()
}

/// Delivers `messages` and runs what their tasks do at once, delivering back what a visit's
/// counts came to (the runtime would).
fn deliver_counting(app: &mut App, messages: impl IntoIterator<Item = Message>) {
    support::deliver_running(app, messages, |message| {
        matches!(message, Message::Counted(_))
    });
}

#[test]
fn a_visit_leaves_only_its_counts_behind_and_a_welcome_screen_left_untouched_leaves_none() {
    use needle_guide::insights::{Answer, Mode, Store};
    let folder =
        std::env::temp_dir().join(format!("needle-guide-kiosk-counts-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let file = folder.join("counts").join("insights.sqlite");
    let screen = Size::new(1920.0, 1080.0);
    let mut app = kiosk_with_pin().with_insights(file.clone());
    let _ = app.update(Message::Measured(screen));
    // Nobody touched the screen: no visit.
    deliver_counting(
        &mut app,
        [Kiosk::Tick(std::time::Instant::now() + Duration::from_secs(24 * 3600)).into()],
    );
    assert!(!file.exists(), "a reset with no visit writes nothing");

    deliver_counting(&mut app, a_visit());
    let_time_pass(&mut app);
    // The reset left the same state as a fresh kiosk's, counts aside.
    let mut fresh = kiosk_with_pin().with_insights(file.clone());
    let _ = fresh.update(Message::Measured(screen));
    assert!(app == fresh, "every choice the patient made is gone");
    assert_eq!(app.insights(), Some((file.as_path(), None)));

    let store = Store::open(&file).unwrap();
    let weeks = store.weeks(Mode::Kiosk, None).unwrap();
    assert_eq!(weeks.len(), 1);
    let week = &weeks[0];
    assert_eq!((week.visits, week.checks), (1, 1));
    // The visit answered "not sure" to the first question, then picked the second's choice 1.
    let library = library();
    let items = needle_guide::document::check_items(&library);
    assert_eq!(
        week.answers.get(&(items[0].id.clone(), Answer::NotSure)),
        Some(&1)
    );
    let second = if items[1].is_right(&[1]) {
        Answer::Right
    } else {
        Answer::Wrong
    };
    assert_eq!(week.answers.get(&(items[1].id.clone(), second)), Some(&1));
    assert_eq!(week.answers.values().sum::<u64>(), 2);
    // Opened twice in the visit, counted once: a page's count is the visits that opened it.
    for page in ["conditions", "condition/knee-pain", "teach-back"] {
        assert_eq!(week.pages.get(page), Some(&1), "{page}: {:?}", week.pages);
    }
    assert!(store.weeks(Mode::Consult, None).unwrap().is_empty());
    let _ = std::fs::remove_dir_all(&folder);
}

/// A kiosk told to stop (SIGTERM: `systemctl stop`, a shutdown) counts the visit under way
/// before it ends, and one on its welcome screen writes nothing.
#[test]
fn a_kiosk_told_to_stop_counts_the_visit_under_way() {
    let folder = support::fresh_folder("kiosk-stopped");
    let file = folder.join("insights.sqlite");
    let mut idle = kiosk_with_pin().with_insights(file.clone());
    deliver_counting(&mut idle, [Message::Terminated]);
    assert!(!file.exists(), "no visit, nothing written");
    let mut app = kiosk_with_pin().with_insights(file.clone());
    // A visit still under way: no reset has ended it.
    deliver_counting(&mut app, a_visit());
    assert!(!file.exists(), "not counted before it ends");
    deliver_counting(&mut app, [Message::Terminated]);
    assert_eq!(kiosk_visits_in(&file), 1);
    let _ = std::fs::remove_dir_all(&folder);
}

/// A check started again at the kiosk is the same patient's: the first answer to each question
/// counts, and the check was reached even if the second try was left at its start.
#[test]
fn a_check_started_again_at_the_kiosk_counts_its_first_answers() {
    use needle_guide::insights::{Answer, Mode, Store};
    let folder =
        std::env::temp_dir().join(format!("needle-guide-kiosk-again-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let file = folder.join("insights.sqlite");
    let mut app = kiosk_with_pin().with_insights(file.clone());
    let items = needle_guide::document::check_items(&library());
    let second = if items[1].is_right(&[1]) {
        Answer::Right
    } else {
        Answer::Wrong
    };
    deliver_counting(
        &mut app,
        [
            Kiosk::StartVisit.into(),
            Reader::Open(Route::Page(PageId::TEACH_BACK)).into(),
            Reader::TeachBack(Check::Next).into(),
            Reader::TeachBack(Check::NotSure).into(),
            Reader::TeachBack(Check::Next).into(),
            Reader::TeachBack(Check::Pick(1)).into(),
            // Again: the first question another way, the second "not sure".
            Reader::TeachBack(Check::StartOver).into(),
            Reader::TeachBack(Check::Next).into(),
            Reader::TeachBack(Check::NotSure).into(),
            Reader::TeachBack(Check::Next).into(),
            Reader::TeachBack(Check::NotSure).into(),
            // And again, left at its start.
            Reader::TeachBack(Check::StartOver).into(),
        ],
    );
    let_time_pass(&mut app);
    let weeks = Store::open(&file)
        .unwrap()
        .weeks(Mode::Kiosk, None)
        .unwrap();
    let week = &weeks[0];
    assert_eq!((week.visits, week.checks), (1, 1), "the check was reached");
    assert_eq!(
        week.answers.get(&(items[0].id.clone(), Answer::NotSure)),
        Some(&1)
    );
    assert_eq!(
        week.answers.get(&(items[1].id.clone(), second)),
        Some(&1),
        "the first answer: {:?}",
        week.answers
    );
    assert_eq!(week.answers.values().sum::<u64>(), 2, "{:?}", week.answers);
    let _ = std::fs::remove_dir_all(&folder);
}

/// Writing the counts never holds up the window: with the file locked by another program, the
/// reset's task waits for a thread, and the window goes on at once.
#[test]
fn counts_written_while_the_file_is_locked_do_not_hold_up_the_window() {
    use needle_guide::insights::Store;
    let folder =
        std::env::temp_dir().join(format!("needle-guide-kiosk-locked-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("insights.sqlite");
    drop(Store::open(&file).unwrap());
    let mut app = kiosk_with_pin().with_insights(file.clone());
    deliver(&mut app, [Kiosk::StartVisit.into()]);
    // Another program holds the file.
    let other = rusqlite::Connection::open(&file).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let later = Instant::now() + Duration::from_secs(24 * 3600);
    let _ = app.update(Kiosk::Tick(later).into());
    let task = app.update(Kiosk::Tick(later + Duration::from_secs(31)).into());
    assert!(
        app.kiosk_state().unwrap().welcome(),
        "the next person's screen"
    );
    // Run as the window runs a task, at once: nothing comes of it yet (written in the task's
    // first poll, it would have waited for the lock and come back with an error).
    let at_once = support::ready_outputs(task, |message| matches!(message, Message::Counted(_)));
    assert!(at_once.is_empty(), "{at_once:?}");
    other.execute_batch("COMMIT").unwrap();
    app.settle();
    assert_eq!(kiosk_visits_in(&file), 1);
    let _ = std::fs::remove_dir_all(&folder);
}

/// Another program holding the file longer than the guide waits costs that visit's counts only:
/// counting goes on, staff are told under the keypad, and the next visit written clears it.
#[test]
fn a_visit_lost_to_a_file_held_by_another_program_is_told_to_staff_and_counting_goes_on() {
    let folder =
        std::env::temp_dir().join(format!("needle-guide-kiosk-held-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("insights.sqlite");
    drop(needle_guide::insights::Store::open(&file).unwrap());
    let mut app = kiosk_with_pin().with_insights(file.clone());
    let library = library();
    let lost = library
        .ui
        .counts_lost
        .replace("{file}", &file.display().to_string());
    let other = rusqlite::Connection::open(&file).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    deliver_counting(&mut app, [Kiosk::StartVisit.into()]);
    let_time_pass(&mut app);
    assert_eq!(app.insights().unwrap().1, None, "counting goes on");
    assert!(shows(&app, &library.ui.kiosk.counts_answers));
    let _ = app.update(Kiosk::StaffExit.into());
    assert!(shows(&app, &lost), "staff are told: {lost}");
    let _ = app.update(Kiosk::PinCancel.into());
    other.execute_batch("COMMIT").unwrap();
    deliver_counting(&mut app, [Kiosk::StartVisit.into()]);
    let_time_pass(&mut app);
    let _ = app.update(Kiosk::StaffExit.into());
    assert!(!shows(&app, &lost), "a visit written clears it");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn counts_that_cannot_be_written_turn_counting_off_and_the_kiosk_goes_on() {
    let folder = std::env::temp_dir().join(format!(
        "needle-guide-kiosk-nocounts-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    // Not a counts file: counting is off from the start, before any patient.
    let file = folder.join("insights.sqlite");
    std::fs::write(&file, "not a database ".repeat(400)).unwrap();
    let mut app = kiosk_with_pin().with_insights(file.clone());
    let (_, off) = app.insights().unwrap();
    let off = off.expect("counting is off, with a reason").clone();
    assert!(matches!(off, InsightsError::NotCounts { .. }), "{off}");
    assert!(off.path().ends_with("insights.sqlite"), "{off}");
    // The patient is not told it counts, nor why it does not; staff see why under the keypad,
    // in the guide's words, naming the file.
    let library = library();
    let counts = library.ui.kiosk.counts_answers.as_str();
    let reason = needle_guide::screen::counts_trouble(&library.ui, &off);
    assert!(reason.contains(off.path()), "{reason}");
    let staff = library.ui.insights_off.replace("{reason}", &reason);
    assert!(
        !shows(&app, counts),
        "the welcome screen claims no counting"
    );
    assert!(!shows(&app, &staff), "the welcome screen, to a patient");
    let _ = app.update(Kiosk::StaffExit.into());
    assert!(shows(&app, &staff), "under the staff keypad");
    let _ = app.update(Kiosk::PinCancel.into());
    // In Spanish, all of it in Spanish.
    let _ = app.update(Kiosk::Shared(Shared::SwitchLanguage).into());
    let _ = app.update(Kiosk::StaffExit.into());
    let spanish = Library::embedded("es").unwrap();
    let reason = needle_guide::screen::counts_trouble(&spanish.ui, &off);
    let staff_es = spanish.ui.insights_off.replace("{reason}", &reason);
    assert!(shows(&app, &staff_es), "in Spanish: {staff_es}");
    let _ = app.update(Kiosk::PinCancel.into());
    let _ = app.update(Kiosk::Shared(Shared::SwitchLanguage).into());
    deliver_counting(&mut app, a_visit());
    assert!(!shows(&app, &staff), "the pages, to a patient");
    let_time_pass(&mut app);
    assert!(
        app.kiosk_state().unwrap().welcome(),
        "the kiosk went on to the next person"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        "not a database ".repeat(400).as_bytes()
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn counts_that_cannot_be_kept_stop_the_kiosk_saying_it_counts_and_a_failed_write_is_tried_again() {
    let folder = std::env::temp_dir().join(format!(
        "needle-guide-kiosk-blocked-counts-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    // Its folder is a file: counting is off from the start, before any patient.
    std::fs::write(folder.join("blocked"), "a file, not a folder").unwrap();
    let blocked = kiosk_with_pin().with_insights(folder.join("blocked").join("insights.sqlite"));
    let counts = library().ui.kiosk.counts_answers.clone();
    assert!(
        blocked.insights().unwrap().1.is_some(),
        "off from the start"
    );
    assert!(!shows(&blocked, &counts));
    // Its folder is there at the start, and becomes a file before the first visit ends (as a
    // full disk, a write that fails): that visit is lost, staff are told, counting goes on.
    let file = folder.join("later").join("insights.sqlite");
    let mut app = kiosk_with_pin().with_insights(file.clone());
    assert!(shows(&app, &counts), "counting, as far as it knows");
    std::fs::write(folder.join("later"), "a file, not a folder").unwrap();
    deliver_counting(&mut app, a_visit());
    let_time_pass(&mut app);
    assert!(app.insights().unwrap().1.is_none(), "counting goes on");
    let words = &library().ui;
    let told = words
        .counts_not_written
        .replace("{file}", &file.display().to_string());
    let told = told.split("{reason}").next().unwrap();
    assert!(
        app.staff_notices()
            .iter()
            .any(|notice| notice.starts_with(told)),
        "{:?}",
        app.staff_notices()
    );
    // Once the folder can be made again, the next visit is counted, and the notice goes.
    std::fs::remove_file(folder.join("later")).unwrap();
    deliver_counting(&mut app, a_visit());
    let_time_pass(&mut app);
    assert!(file.exists(), "the next visit was written");
    assert!(
        !app.staff_notices()
            .iter()
            .any(|notice| notice.starts_with(told)),
        "{:?}",
        app.staff_notices()
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn the_welcome_screen_and_the_check_say_what_is_counted_only_when_it_is() {
    let library = library();
    let words = library.ui.kiosk.counts_answers.as_str();
    let check = [
        Kiosk::StartVisit.into(),
        Reader::Open(Route::Page(PageId::TEACH_BACK)).into(),
    ];
    let mut plain = kiosk();
    assert!(
        !shows(&plain, words),
        "the welcome screen, counting nothing"
    );
    deliver(&mut plain, check.clone());
    assert!(!shows(&plain, words), "the check, counting nothing");

    // The file is never written: no visit ends here.
    let file = std::env::temp_dir().join("needle-guide-kiosk-says-it-counts.sqlite");
    let mut counting = kiosk().with_insights(file.clone());
    assert!(shows(&counting, words), "the welcome screen");
    // In the other language too, for a patient who starts in it.
    let editions = kiosk_editions();
    let other = &editions[1];
    assert_ne!(other.locale, library.locale);
    assert!(
        shows(&counting, &other.ui.kiosk.counts_answers),
        "the welcome screen, in {}",
        other.locale
    );
    assert!(!shows(&kiosk(), &other.ui.kiosk.counts_answers));
    deliver(&mut counting, check);
    assert!(
        shows(&counting, words),
        "the check, before its first question"
    );
    deliver(&mut counting, [Reader::TeachBack(Check::Next).into()]);
    assert!(!shows(&counting, words), "not over the questions");
    // And under the summary, whose button clears the answers: they are counted first.
    for _ in 0..200 {
        let message = match counting.reader().teach_back().step() {
            needle_guide::screen::reader::teach_back::Step::Summary => break,
            needle_guide::screen::reader::teach_back::Step::Question(_) => Check::NotSure,
            needle_guide::screen::reader::teach_back::Step::Sure => Check::Finish,
            _ => Check::Next,
        };
        deliver(&mut counting, [Reader::TeachBack(message).into()]);
    }
    assert!(shows(&counting, words), "under the summary");
    assert!(!file.exists());
}

/// The longest list the check can make: every question of the check missed, every one "are you
/// sure" answered no, and every question to ask ticked. What to do if something is wrong and
/// every question the patient ticked go home whole, in both languages; only the answers may be
/// left out, from the end, and the code says how many.
#[test]
fn every_question_ticked_goes_home_in_the_code_with_what_to_do() {
    for start in [Kiosk::StartVisit, Kiosk::StartVisitInOther] {
        let mut app = visit_on(start, PageId::TEACH_BACK);
        let library = app.library().clone();
        let words = &library.ui.kiosk;
        let items = needle_guide::document::check_items(&library);
        let to_ask = needle_guide::document::questions_to_ask(&library);
        let mut messages = vec![Check::Next];
        for _ in &items {
            messages.extend([Check::NotSure, Check::Next]);
        }
        messages.extend((0..to_ask.len()).map(Check::Tick));
        messages.push(Check::Next);
        messages.extend((0..4).map(|question| Check::Sure(question, false)));
        messages.push(Check::Finish);
        answer(&mut app, messages);
        let summary = app.reader().check_summary(&library).expect("done");
        assert_eq!(summary.questions.len(), to_ask.len(), "{}", library.locale);
        deliver(
            &mut app,
            [Message::Reader(Reader::TeachBack(Check::TakeHome))],
        );
        let mut window = support::window::Window::new();
        window.step(&mut app, &[]);
        let code = read_code(&window);
        let listed = listed(&code);
        let safety = words.take_home_safety.len();
        let questions: Vec<&str> = summary.questions.iter().map(String::as_str).collect();
        assert_eq!(
            listed[safety..safety + questions.len()],
            questions[..],
            "{}",
            library.locale
        );
    }
}

/// Every answer right and nothing ticked: "Take this with you" still gives what to do if
/// something is wrong, alone.
#[test]
fn with_every_answer_right_the_code_holds_what_to_do() {
    let mut app = visit_on(Kiosk::StartVisit, PageId::TEACH_BACK);
    let library = app.library().clone();
    let mut messages = vec![Check::Next];
    for item in needle_guide::document::check_items(&library) {
        let right = item.choices.iter().enumerate().filter(|(_, c)| c.right);
        messages.extend(right.map(|(index, _)| Check::Pick(index)));
        if item.pick_all {
            messages.push(Check::Done);
        }
        messages.push(Check::Next);
    }
    messages.push(Check::Next);
    messages.extend((0..4).map(|question| Check::Sure(question, true)));
    messages.extend([Check::Finish, Check::TakeHome]);
    answer(&mut app, messages);
    let summary = app.reader().check_summary(&library).expect("done");
    assert!(summary.topics.is_empty() && summary.questions.is_empty());
    let mut window = support::window::Window::new();
    window.step(&mut app, &[]);
    assert_eq!(listed(&read_code(&window)), safety_lines(&library));
}

/// The longest list the check can make (every answer "not sure", every question ticked, one
/// "are you sure" answered no) with a clinic's details at their longest: on a 1280×800 kiosk
/// the code holds it whole, in both languages; on an 800×480 or a 480×800 panel, a smaller
/// code holds every step of what to do if something is wrong and says how many lines it left
/// out. Either way at 3 pixels a cell, which a phone reads from arm's length.
#[test]
fn the_longest_list_goes_home_whole_on_a_kiosk_screen_and_its_safety_part_on_a_small_panel_all_readable()
 {
    for (screen, whole) in [
        (Size::new(1280.0, 800.0), true),
        (Size::new(800.0, 480.0), false),
        (Size::new(480.0, 800.0), false),
    ] {
        for start in [Kiosk::StartVisit, Kiosk::StartVisitInOther] {
            let editions: Vec<Library> = kiosk_editions()
                .iter()
                .map(support::clinic_at_its_longest)
                .collect();
            let mut app = kiosk_with(Arc::new(editions));
            let _ = app.update(Message::Measured(screen));
            deliver(&mut app, [Message::Kiosk(start)]);
            deliver(
                &mut app,
                [Message::Reader(Reader::Open(Route::Page(
                    PageId::TEACH_BACK,
                )))],
            );
            let library = app.library().clone();
            let mut messages = vec![Check::Next];
            for _ in needle_guide::document::check_items(&library) {
                messages.extend([Check::NotSure, Check::Next]);
            }
            // More ticks than there are questions: every one is ticked.
            messages.extend((0..20).map(Check::Tick));
            messages.push(Check::Next);
            messages.extend((0..4).map(|question| Check::Sure(question, question != 1)));
            messages.push(Check::Finish);
            answer(&mut app, messages);
            let summary = app.reader().check_summary(&library).expect("done");
            assert!(summary.questions.len() >= 7, "{}", library.locale);
            deliver(
                &mut app,
                [Message::Reader(Reader::TeachBack(Check::TakeHome))],
            );
            let mut window = support::window::Window::new();
            window.step(&mut app, &[]);
            let (code, cell) = read_code_and_cell(&window);
            let listed = listed(&code);
            let safety = safety_lines(&library);
            let at = format!("{}, {}×{}", library.locale, screen.width, screen.height);
            assert!(
                listed.len() >= safety.len() && listed[..safety.len()] == safety[..],
                "{at}: every step of what to do, first\n{code}"
            );
            let left_out = &library.ui.kiosk.take_home_left_out;
            let note = left_out.split("{left}").next().expect("a note");
            if whole {
                assert!(!code.contains(note), "{at}: nothing left out\n{code}");
                // Every question and every answer but the must-know ones, which the safety
                // part holds.
                let answers = summary.answers.iter().zip(&summary.must_know);
                let to_list = summary.questions.iter().chain(
                    answers.filter_map(|(answer, must_know)| (!must_know).then_some(answer)),
                );
                for line in to_list {
                    assert!(listed.contains(&line.as_str()), "{at}: {line}");
                }
            } else {
                assert!(code.contains(note), "{at}: the code says what it left out");
            }
            assert!(cell >= 3.0, "{at}: {cell} pixels a cell");
        }
    }
}
