//! What the window shows is what the guide drew. The real window repaints only what it finds
//! changed; after every step a person can take, each frame drawn that way must equal the same
//! frame drawn whole, pixel for pixel (tests/support/window.rs says how it draws).

mod support;

use std::time::{Duration, Instant};

use iced::{Point, Size};
use iced_test::core::{Event, mouse, touch};
use needle_guide::app::{App, Message, Speech, TEXT_STEPS};
use needle_guide::content::ids::TermId;
use needle_guide::route::{PageId, Route};
use needle_guide::screen::Shared;
use needle_guide::screen::consult::Message as Consult;
use needle_guide::screen::kiosk::Message as Kiosk;
use needle_guide::screen::reader::Message as Reader;
use support::screens::{Mode, Setup};
use support::window::Window;

const SCREEN: Size = Size::new(1280.0, 800.0);

/// A person's walk through the app in a window, noting every frame that left stale pixels.
struct Walk {
    app: App,
    window: Window,
    name: String,
    problems: Vec<String>,
}

impl Walk {
    fn new(setup: Setup) -> Walk {
        let app = setup.app();
        let name = setup.name(&app);
        let mut walk = Walk {
            app,
            window: Window::new(),
            name,
            problems: Vec::new(),
        };
        walk.messages("opens", []);
        walk
    }

    fn note(&mut self, doing: &str, stale: Option<support::window::Stale>) {
        if let Some(stale) = stale {
            self.problems.push(format!(
                "{} on {}, {doing}: {} stale pixels within {:?}",
                self.name,
                self.app.route(),
                stale.pixels,
                stale.bounds,
            ));
        }
    }

    fn messages(&mut self, doing: &str, messages: impl IntoIterator<Item = Message>) {
        let stale = self.window.deliver(&mut self.app, messages);
        self.note(doing, stale);
    }

    fn events(&mut self, doing: &str, events: &[Event]) {
        let stale = self.window.step(&mut self.app, events);
        self.note(doing, stale);
    }

    /// The middle of the page, in the layout's pixels.
    fn page_centre(&self) -> Point {
        let layout = self.app.window() * (1.0 / self.app.scale_factor());
        Point::new(layout.width * 0.6, layout.height * 0.5)
    }

    fn point_at_page(&mut self) {
        self.events(
            "moves the pointer onto the page",
            &[Event::Mouse(mouse::Event::CursorMoved {
                position: self.page_centre(),
            })],
        );
    }

    /// Four wheel steps down and four back up, over the middle of the page.
    fn wheel_down_and_up(&mut self) {
        self.point_at_page();
        for lines in [-1.0, -2.0, -1.0, -2.0, 2.0, 1.0, 2.0, 1.0] {
            self.events(
                "turns the wheel",
                &[Event::Mouse(mouse::Event::WheelScrolled {
                    delta: mouse::ScrollDelta::Lines { x: 0.0, y: lines },
                })],
            );
        }
    }

    /// A finger pressed in the middle of the page, dragged up (the page goes down), then down
    /// again, in steps, and lifted.
    fn drag_down_and_up(&mut self) {
        let finger = touch::Finger(1);
        let start = self.page_centre();
        self.events(
            "puts a finger on the page",
            &[Event::Touch(touch::Event::FingerPressed {
                id: finger,
                position: start,
            })],
        );
        for dy in [-40.0, -120.0, -200.0, -120.0, -30.0, 0.0] {
            self.events(
                "drags the page",
                &[Event::Touch(touch::Event::FingerMoved {
                    id: finger,
                    position: Point::new(start.x, start.y + dy),
                })],
            );
        }
        self.events(
            "lifts the finger",
            &[Event::Touch(touch::Event::FingerLifted {
                id: finger,
                position: start,
            })],
        );
    }

    fn assert_clean(walks: Vec<Walk>) {
        let problems: Vec<String> = walks.into_iter().flat_map(|walk| walk.problems).collect();
        assert!(
            problems.is_empty(),
            "{} frames left stale pixels:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }

    /// Notes it if the window does not show what it showed before `doing`.
    fn same_as(&mut self, before: &[u32], doing: &str) {
        let now = self.window.shown();
        let differ = before.iter().zip(&now).filter(|(a, b)| a != b).count();
        if differ > 0 {
            self.problems.push(format!(
                "{} on {}: after {doing}, {differ} pixels differ from before",
                self.name,
                self.app.route()
            ));
        }
    }
}

/// Every page of the reading order, and a condition.
fn routes() -> Vec<Route> {
    support::pages()
        .into_iter()
        .map(Route::Page)
        .chain(Route::parse("condition/lateral-epicondylitis"))
        .collect()
}

/// On every page: scrolled down and back up (and the screen is what it was), then on to the next
/// page and back.
fn walk_every_page(mode: Mode, locale: &'static str, screen: Size) -> Walk {
    let mut walk = Walk::new(Setup::new(mode, locale, screen));
    for route in routes() {
        walk.messages("opens the page", [Reader::Open(route.clone()).into()]);
        walk.point_at_page();
        let before = walk.window.shown();
        walk.wheel_down_and_up();
        walk.same_as(&before, "the wheel down and back up");
        if mode == Mode::Kiosk {
            walk.drag_down_and_up();
            walk.same_as(&before, "a drag down and back up");
        }
        walk.messages(
            "turns to the next page",
            [Reader::Step { forward: true }.into()],
        );
        // The last page has no next page: Back would leave it.
        if walk.app.route() != &route {
            walk.messages("comes back", [Reader::Back.into()]);
            walk.same_as(&before, "the next page and back");
        }
    }
    walk
}

#[test]
fn every_page_scrolls_and_turns_in_the_consult_room_without_stale_pixels() {
    Walk::assert_clean(vec![walk_every_page(Mode::Consult, "en", SCREEN)]);
}

#[test]
fn every_page_scrolls_and_turns_at_the_kiosk_without_stale_pixels() {
    Walk::assert_clean(vec![walk_every_page(Mode::Kiosk, "en", SCREEN)]);
}

#[test]
fn the_spanish_pages_scroll_without_stale_pixels_on_a_bigger_screen() {
    let mut walk = Walk::new(Setup::new(Mode::Consult, "es", Size::new(1920.0, 1080.0)));
    for page in [PageId::CONDITIONS, PageId::RISKS, PageId::WARNING_SIGNS] {
        walk.messages("opens the page", [Reader::Open(Route::Page(page)).into()]);
        walk.wheel_down_and_up();
    }
    Walk::assert_clean(vec![walk]);
}

#[test]
fn text_size_contrast_and_language_change_without_stale_pixels() {
    let mut walks = Vec::new();
    for mode in [Mode::Consult, Mode::Kiosk] {
        let mut walk = Walk::new(Setup::new(mode, "en", SCREEN).on(Route::Page(PageId::RISKS)));
        walk.wheel_down_and_up();
        for _ in 1..TEXT_STEPS.len() {
            walk.messages("makes the text larger", [Shared::TextLarger.into()]);
            walk.wheel_down_and_up();
        }
        walk.messages("makes the text smaller", [Shared::TextSmaller.into()]);
        walk.messages("puts the text size back", [Shared::TextReset.into()]);
        walk.messages("turns high contrast on", [Shared::ToggleContrast.into()]);
        walk.wheel_down_and_up();
        walk.messages("turns high contrast off", [Shared::ToggleContrast.into()]);
        walk.messages("switches language", [Shared::SwitchLanguage.into()]);
        walk.wheel_down_and_up();
        walk.messages("switches language back", [Shared::SwitchLanguage.into()]);
        walks.push(walk);
    }
    Walk::assert_clean(walks);
}

#[test]
fn panels_dialogs_and_the_pointer_leave_no_stale_pixels_in_the_consult_room() {
    let mut walk =
        Walk::new(Setup::new(Mode::Consult, "en", SCREEN).on(Route::Page(PageId::ABOUT)));
    walk.messages(
        "opens a word's explanation",
        [Reader::ShowTerm(TermId::from("trigger-point")).into()],
    );
    walk.wheel_down_and_up();
    walk.messages("closes it", [Reader::CloseTerm.into()]);
    // The pointer passes over the page list, each entry lit in turn.
    for y in [130.0, 180.0, 240.0, 300.0, 360.0, 420.0] {
        walk.events(
            "moves the pointer over the page list",
            &[Event::Mouse(mouse::Event::CursorMoved {
                position: Point::new(120.0, y),
            })],
        );
    }
    walk.messages("opens quick jump", [Consult::OpenSearch.into()]);
    for typed in ["t", "te", "ten", "tennis"] {
        walk.messages("types", [Consult::SearchChanged(typed.into()).into()]);
    }
    walk.messages("moves down the results", [Consult::SearchMove(1).into()]);
    walk.messages("moves back up", [Consult::SearchMove(-1).into()]);
    walk.messages("opens a result", [Consult::SearchSubmit.into()]);
    walk.messages("opens the handout dialog", [Consult::OpenHandout.into()]);
    walk.messages(
        "ticks a condition",
        [Consult::ToggleHandoutCondition("lateral-epicondylitis".into()).into()],
    );
    walk.messages("closes the dialog", [Consult::Close.into()]);
    walk.messages("opens the shortcuts", [Consult::ToggleShortcuts.into()]);
    walk.messages("closes them", [Consult::ToggleShortcuts.into()]);
    walk.messages("presents", [Consult::TogglePresenting.into()]);
    walk.wheel_down_and_up();
    walk.messages("stops presenting", [Consult::TogglePresenting.into()]);
    Walk::assert_clean(vec![walk]);
}

#[test]
fn the_read_aloud_highlight_moves_without_stale_pixels() {
    let mut walks = Vec::new();
    for mode in [Mode::Consult, Mode::Kiosk] {
        let mut walk = Walk::new(Setup::new(mode, "en", SCREEN).on(Route::Page(PageId::RISKS)));
        walk.messages("reads the page aloud", [Message::Speech(Speech::From(0))]);
        for _ in 0..12 {
            let run = walk.app.reading().expect("still reading").run;
            walk.messages(
                "hears a passage to its end",
                [Message::Speech(Speech::Said {
                    run,
                    result: Ok(()),
                })],
            );
        }
        walk.messages(
            "goes on from a tapped passage",
            [Reader::ReadFrom(3).into()],
        );
        walk.messages("stops reading", [Message::Speech(Speech::Stop)]);
        walks.push(walk);
    }
    Walk::assert_clean(walks);
}

#[test]
fn the_kiosk_idle_notice_countdown_and_keypad_leave_no_stale_pixels() {
    let mut setup = Setup::new(Mode::Kiosk, "en", SCREEN).on(Route::Page(PageId::CONDITIONS));
    setup.staff_pin = Some("2468");
    let mut walk = Walk::new(setup);
    walk.wheel_down_and_up();
    let later = Instant::now() + Duration::from_secs(24 * 3600);
    walk.messages("waits: are you still reading?", [Kiosk::Tick(later).into()]);
    for second in 1..5 {
        walk.messages(
            "waits while the countdown runs",
            [Kiosk::Tick(later + Duration::from_secs(second)).into()],
        );
    }
    walk.messages("keeps reading", [Kiosk::KeepReading.into()]);
    walk.messages("staff ask to leave: the keypad", [Kiosk::StaffExit.into()]);
    for digit in ['2', '4', '9'] {
        walk.messages("types a digit", [Kiosk::PinDigit(digit).into()]);
    }
    walk.messages("takes one back", [Kiosk::PinBack.into()]);
    walk.messages("tries a wrong PIN", [Kiosk::PinSubmit.into()]);
    walk.messages("cancels", [Kiosk::PinCancel.into()]);
    walk.messages(
        "waits until the idle clock runs out",
        [Kiosk::Tick(later).into()],
    );
    walk.messages(
        "lets the countdown end: a fresh start",
        [Kiosk::Tick(later + Duration::from_secs(31)).into()],
    );
    walk.messages("touches the welcome screen", [Kiosk::StartVisit.into()]);
    Walk::assert_clean(vec![walk]);
}
