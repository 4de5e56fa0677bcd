//! Touch first: at every screen size, text size, language and mode the app is made for, no
//! button label breaks, every bar keeps its controls on one line, the kiosk's targets are big
//! enough for a finger, and home shows its topics without scrolling. Measured from the layout,
//! through the marks `widget::nav` puts on targets, labels and bars.

mod support;

use iced::Rectangle;
use needle_guide::app::{App, TEXT_STEPS};
use needle_guide::content::route::{PageId, Route};
use needle_guide::screen::reader;
use support::screens::{
    Inspection, Mode, SCREENS, SMALL_KIOSK_SCREENS, Setup, inspect, logical, on_one_line,
    screens_for,
};

/// The smallest target a finger hits reliably on a kiosk, in the screen's pixels.
const KIOSK_TARGET: f32 = 64.0;
/// On a small panel (under 720 pixels on its short side), where 64 does not leave room for the
/// page.
const SMALL_KIOSK_TARGET: f32 = 48.0;

/// The pages whose controls differ: home's tiles and pinned note, the body map's buttons and
/// tabs, a page with Previous and Next, and a condition.
fn routes() -> Vec<Route> {
    vec![
        Route::HOME,
        Route::Page(PageId::CONDITIONS),
        Route::Page(PageId::WARNING_SIGNS),
        Route::parse("condition/lateral-epicondylitis").expect("a route"),
    ]
}

/// Every setup of the issue: each mode, language, screen and text size.
fn setups() -> impl Iterator<Item = Setup> {
    let mut all = Vec::new();
    for mode in [Mode::Consult, Mode::Present, Mode::Kiosk] {
        for locale in ["en", "es"] {
            for screen in screens_for(mode) {
                for larger in 0..TEXT_STEPS.len() {
                    for route in routes() {
                        all.push(Setup::new(mode, locale, screen).larger(larger).on(route));
                    }
                }
            }
        }
    }
    all.into_iter()
}

/// Lays out the setup's screen, with a name for the failure messages.
fn laid_out(setup: &Setup) -> (App, String, Inspection) {
    let app = setup.app();
    let name = setup.name(&app);
    let inspection = inspect(&app, logical(&app));
    (app, name, inspection)
}

fn centre_inside(rectangle: &Rectangle, container: &Rectangle) -> bool {
    container.contains(rectangle.center())
}

#[test]
fn no_label_breaks_and_every_bar_keeps_its_controls_on_one_line() {
    let mut problems = Vec::new();
    let mut labels_seen = 0;
    for setup in setups() {
        let (app, name, found) = laid_out(&setup);
        let width = logical(&app).width;
        for (words, bounds) in &found.labels {
            labels_seen += 1;
            if !on_one_line(words, *bounds) {
                problems.push(format!("{name}: the label {words:?} breaks ({bounds:?})"));
            }
        }
        assert!(!found.bars.is_empty(), "{name}: no bar found");
        for bar in &found.bars {
            // A page's button scrolled behind the bar shows nothing there: only what shows counts.
            // What shows of a control is cut at the screen's edge, so whether it runs off the
            // screen is told by its whole bounds.
            let in_bar: Vec<_> = found
                .targets
                .iter()
                .filter(|target| {
                    target
                        .visible
                        .is_some_and(|shown| centre_inside(&shown, bar))
                })
                .collect();
            let controls: Vec<_> = in_bar.iter().filter_map(|target| target.visible).collect();
            let lowest_top = controls.iter().map(|c| c.y).fold(f32::MIN, f32::max);
            let highest_bottom = controls
                .iter()
                .map(|c| c.y + c.height)
                .fold(f32::MAX, f32::min);
            if lowest_top >= highest_bottom {
                problems.push(format!(
                    "{name}: a bar's controls are on more than one line"
                ));
            }
            for (index, a) in controls.iter().enumerate() {
                if controls[index + 1..].iter().any(|b| a.intersects(b)) {
                    problems.push(format!("{name}: two of a bar's controls overlap"));
                }
            }
            if let Some(out) = in_bar
                .iter()
                .map(|target| target.bounds)
                .find(|c| c.x < -0.5 || c.x + c.width > width + 0.5)
            {
                problems.push(format!(
                    "{name}: a bar's control is off the screen ({out:?})"
                ));
            }
        }
    }
    assert!(
        labels_seen > 1000,
        "only {labels_seen} labels were measured"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_kiosk_target_is_big_enough_for_a_finger() {
    let mut problems = Vec::new();
    let mut routes: Vec<Route> = support::pages()
        .iter()
        .map(|page| Route::Page(*page))
        .collect();
    routes.push(Route::parse("condition/lateral-epicondylitis").expect("a route"));
    for locale in ["en", "es"] {
        for screen in screens_for(Mode::Kiosk) {
            for route in &routes {
                let setup = Setup::new(Mode::Kiosk, locale, screen).on(route.clone());
                let (app, name, found) = laid_out(&setup);
                // 64 pixels where the screen is large enough, 48 on a small panel.
                let target =
                    if screen.width.min(screen.height) < needle_guide::screen::kiosk::SMALL_PANEL {
                        SMALL_KIOSK_TARGET
                    } else {
                        KIOSK_TARGET
                    };
                let smallest = target / app.scale_factor();
                for target in &found.targets {
                    let bounds = target.bounds;
                    if bounds.width < smallest - 0.01 || bounds.height < smallest - 0.01 {
                        problems.push(format!(
                            "{name}: a target is {:.0}×{:.0} screen pixels",
                            bounds.width * app.scale_factor(),
                            bounds.height * app.scale_factor()
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_broken_label_is_seen_as_broken() {
    use iced::widget::container;
    use needle_guide::widget::nav;
    let words = "Next: Side effects  ›";
    for (width, whole) in [(400.0, true), (150.0, false)] {
        let element = container(nav::label(words)).width(width).into();
        let found = support::screens::inspect_element(element, iced::Size::new(500.0, 300.0));
        let (seen, bounds) = found.labels.first().expect("the label is found");
        assert_eq!(seen, words);
        assert_eq!(
            on_one_line(words, *bounds),
            whole,
            "{width} pixels wide: {bounds:?}"
        );
    }
}

/// The short names of the pages home offers, in its edition.
fn home_topics(app: &App) -> Vec<String> {
    use needle_guide::document::{Document, Part};
    let home = Document::for_route(app.library(), &Route::HOME).expect("home");
    home.sections
        .iter()
        .flat_map(|section| &section.parts)
        .find_map(|part| match part {
            Part::Choices(choices) => Some(choices.iter().map(|c| c.label.clone()).collect()),
            _ => None,
        })
        .expect("home offers topics")
}

/// The buttons of home's topics, in their order, each as found by its words.
fn topic_tiles(app: &App, found: &Inspection) -> Vec<(String, support::screens::Target)> {
    home_topics(app)
        .into_iter()
        .map(|topic| {
            // The page comes after the page list, which names the same pages.
            let (_, text) = found
                .texts
                .iter()
                .rfind(|(words, _)| *words == topic)
                .unwrap_or_else(|| panic!("no tile says {topic:?}"));
            let tile = found
                .targets
                .iter()
                .find(|target| target.bounds.contains(text.bounds.center()))
                .unwrap_or_else(|| panic!("{topic:?} is not on a button"));
            (topic, *tile)
        })
        .collect()
}

/// Whether another button, or something drawn over the page (the "More below" fade), covers
/// part of `tile`.
fn covered(tile: &support::screens::Target, found: &Inspection) -> bool {
    let overlaps = |other: Option<iced::Rectangle>| {
        other
            .zip(tile.visible)
            .is_some_and(|(a, b)| a.intersects(&b))
    };
    found.covers.iter().any(|cover| overlaps(Some(*cover)))
        || found.targets.iter().any(|other| {
            other.bounds != tile.bounds
                && !tile.bounds.contains(other.bounds.center())
                && overlaps(other.visible)
        })
}

#[test]
fn home_shows_every_topic_without_scrolling_and_the_first_row_at_the_largest_text() {
    let mut problems = Vec::new();
    for mode in [Mode::Kiosk, Mode::Consult] {
        for locale in ["en", "es"] {
            for screen in [
                iced::Size::new(1280.0, 800.0),
                iced::Size::new(1920.0, 1080.0),
            ] {
                let (app, name, found) = laid_out(&Setup::new(mode, locale, screen));
                for (topic, tile) in topic_tiles(&app, &found) {
                    if !tile.in_view() || covered(&tile, &found) {
                        problems.push(format!("{name}: {topic:?} is not in view"));
                    }
                }
                let largest = Setup::new(mode, locale, screen).larger(TEXT_STEPS.len() - 1);
                let (app, name, found) = laid_out(&largest);
                let tiles = topic_tiles(&app, &found);
                let top = tiles[0].1.bounds.y;
                let first_row: Vec<_> = tiles
                    .iter()
                    .filter(|(_, tile)| (tile.bounds.y - top).abs() < 0.5)
                    .collect();
                if first_row.len() < 2 {
                    problems.push(format!("{name}: the first row has one topic"));
                }
                for (topic, tile) in first_row {
                    if !tile.in_view() || covered(tile, &found) {
                        problems.push(format!(
                            "{name}: {topic:?}, in the first row, is not in view"
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A scrollable on screen: where it is, how tall its content, and how far it is scrolled.
#[derive(Debug, Clone, Copy)]
struct Scroller {
    bounds: iced::Rectangle,
    content_bounds: iced::Rectangle,
    scrolled: f32,
}

/// Every scrollable on screen, in the order they are laid out.
fn scrollables(ui: &mut iced_test::Simulator<'_, needle_guide::app::Message>) -> Vec<Scroller> {
    use iced_test::selector::Candidate;
    let mut found = Vec::new();
    let _ = ui.find(|candidate: Candidate<'_>| -> Option<()> {
        if let Candidate::Scrollable {
            bounds,
            content_bounds,
            translation,
            ..
        } = candidate
        {
            found.push(Scroller {
                bounds,
                content_bounds,
                scrolled: translation.y,
            });
        }
        None
    });
    found
}

/// How far each scrollable on screen is scrolled, in the order they are laid out.
fn scrolled(ui: &mut iced_test::Simulator<'_, needle_guide::app::Message>) -> Vec<f32> {
    scrollables(ui)
        .iter()
        .map(|scroller| scroller.scrolled)
        .collect()
}

/// A finger put down at `from` and dragged up by `distance`, in steps, then lifted.
fn drag_up(from: iced::Point, distance: f32) -> Vec<iced::Event> {
    use iced::touch::{Event, Finger};
    let id = Finger(7);
    let at = |y: f32| iced::Point::new(from.x, from.y - y);
    let mut events = vec![iced::Event::Touch(Event::FingerPressed {
        id,
        position: from,
    })];
    events.extend((1..=10).map(|step| {
        iced::Event::Touch(Event::FingerMoved {
            id,
            position: at(distance * step as f32 / 10.0),
        })
    }));
    events.push(iced::Event::Touch(Event::FingerLifted {
        id,
        position: at(distance),
    }));
    events
}

/// Touches, each where its finger is, as the window reports them.
fn finger(
    ui: &mut iced_test::Simulator<'_, needle_guide::app::Message>,
    touches: Vec<iced::Event>,
) {
    for touch in touches {
        if let iced::Event::Touch(
            iced::touch::Event::FingerPressed { position, .. }
            | iced::touch::Event::FingerMoved { position, .. }
            | iced::touch::Event::FingerLifted { position, .. }
            | iced::touch::Event::FingerLost { position, .. },
        ) = touch
        {
            ui.point_at(position);
        }
        let _ = ui.simulate([touch]);
    }
}

#[test]
fn a_finger_drag_scrolls_the_page_and_the_quick_jump_list() {
    // A long page at the kiosk: the page is the one scrollable.
    let app = Setup::new(Mode::Kiosk, "en", iced::Size::new(1280.0, 800.0))
        .on(Route::Page(PageId::WARNING_SIGNS))
        .app();
    let size = logical(&app);
    let mut ui = support::simulate(&app, size);
    let before = scrolled(&mut ui);
    finger(
        &mut ui,
        drag_up(iced::Point::new(size.width / 2.0, size.height / 2.0), 200.0),
    );
    let after = scrolled(&mut ui);
    assert!(
        after[0] >= before[0] + 150.0,
        "a drag of 200 pixels scrolled the page from {} to {}",
        before[0],
        after[0]
    );

    // Quick jump with many results, in the largest text: its list is the last scrollable.
    let mut app = Setup::new(Mode::Consult, "en", iced::Size::new(1280.0, 800.0))
        .larger(TEXT_STEPS.len() - 1)
        .app();
    support::deliver(
        &mut app,
        [
            needle_guide::screen::consult::Message::OpenSearch.into(),
            needle_guide::screen::consult::Message::SearchChanged("e".into()).into(),
        ],
    );
    let size = logical(&app);
    let mut ui = support::simulate(&app, size);
    let list = *scrollables(&mut ui).last().expect("a scrollable");
    assert!(
        list.content_bounds.height > list.bounds.height,
        "the results overflow their box at this size: {list:?}"
    );
    let list_before = *scrolled(&mut ui).last().expect("the results scroll");
    finger(&mut ui, drag_up(list.bounds.center(), 150.0));
    let list_after = *scrolled(&mut ui).last().expect("the results scroll");
    // As far as the finger went, or to the end of the list.
    let room = list.content_bounds.height - list.bounds.height;
    assert!(
        list_after >= list_before + room.min(100.0) - 0.5,
        "a drag of 150 pixels scrolled the results from {list_before} to {list_after}"
    );
}

#[test]
fn a_long_page_says_there_is_more_below_until_its_end() {
    use needle_guide::app::Message;
    let mut app = Setup::new(Mode::Kiosk, "es", iced::Size::new(1280.0, 800.0))
        .on(Route::Page(PageId::WARNING_SIGNS))
        .app();
    let size = logical(&app);
    let more_below = app.library().ui.more_below.clone();
    let cue_shown = |app: &App| {
        inspect(app, size)
            .texts
            .iter()
            .any(|(words, _)| words.starts_with(&more_below))
    };
    // Drawing the page makes it report how tall it is (the setup drew a first frame already,
    // as the window does).
    support::deliver(&mut app, [Message::MoreBelow(false)]);
    assert!(!cue_shown(&app), "the cue shows on its own");
    let mut ui = support::simulate(&app, size);
    let _ = ui.snapshot(&app.theme());
    let messages: Vec<_> = ui.into_messages().collect();
    assert!(messages.contains(&Message::MoreBelow(true)), "{messages:?}");
    support::deliver(&mut app, messages);
    assert!(app.more_below());
    assert!(cue_shown(&app), "the cue shows on a long page");

    // Scrolled to its end, the page says so and the cue goes.
    let mut ui = support::simulate(&app, size);
    ui.point_at(iced::Point::new(size.width / 2.0, size.height / 2.0));
    let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::WheelScrolled {
        delta: iced::mouse::ScrollDelta::Pixels {
            x: 0.0,
            y: -100_000.0,
        },
    })]);
    let messages: Vec<_> = ui.into_messages().collect();
    assert_eq!(messages.last(), Some(&Message::MoreBelow(false)));
    support::deliver(&mut app, messages);
    assert!(!cue_shown(&app), "the cue is gone at the end");

    // A page that fits says nothing; the cue from the page before must not linger.
    support::deliver(&mut app, [Message::MoreBelow(true)]);
    support::deliver(&mut app, [needle_guide::screen::Shared::Home.into()]);
    assert!(!app.more_below(), "the cue stayed up on another page");
}

#[test]
fn high_contrast_is_in_the_consult_toolbar_and_a_key_and_stays_for_the_session() {
    use iced::keyboard::{Key, Modifiers};
    use needle_guide::app::Message;
    use needle_guide::keys::{self, Shortcut};
    use needle_guide::theme::Palette;

    let mut app = Setup::new(Mode::Consult, "en", iced::Size::new(1280.0, 800.0)).app();
    // Its short name, at this size, beside the rest of the toolbar.
    let button = app.library().ui.contrast_short.clone();
    let mut ui = support::simulate(&app, logical(&app));
    ui.click(button.as_str())
        .expect("the toolbar offers contrast");
    let messages: Vec<_> = ui.into_messages().collect();
    support::deliver(&mut app, messages);
    assert_eq!(app.palette(), Palette::HIGH_CONTRAST);

    // Kept across pages, the other language, text sizes and presenting.
    support::deliver(
        &mut app,
        [
            Message::Reader(needle_guide::screen::reader::Message::Open(Route::Page(
                PageId::RISKS,
            ))),
            needle_guide::screen::Shared::SwitchLanguage.into(),
            needle_guide::screen::Shared::TextLarger.into(),
            needle_guide::screen::consult::Message::TogglePresenting.into(),
            needle_guide::screen::consult::Message::TogglePresenting.into(),
        ],
    );
    assert_eq!(app.palette(), Palette::HIGH_CONTRAST);

    // Ctrl+H turns it off again, even while typing in quick jump.
    let key = keys::shortcut(&Key::Character("h".into()), Modifiers::CTRL, true);
    assert_eq!(key, Some(Shortcut::Contrast));
    support::deliver(&mut app, key.map(Message::Key));
    assert_eq!(app.palette(), Palette::STANDARD);
}

/// Whether `messages` open a page.
fn opens_a_page(messages: &[needle_guide::app::Message]) -> bool {
    use needle_guide::app::Message;
    messages
        .iter()
        .any(|message| matches!(message, Message::Reader(reader::Message::Open(_))))
}

#[test]
fn a_drag_that_starts_on_a_tile_scrolls_and_a_tap_still_opens_it() {
    let setup =
        Setup::new(Mode::Kiosk, "es", iced::Size::new(1280.0, 800.0)).larger(TEXT_STEPS.len() - 1);
    let app = setup.app();
    let size = logical(&app);
    let found = inspect(&app, size);
    let (_, tile) = topic_tiles(&app, &found)[0];
    let on_tile = tile.visible.expect("the first tile shows").center();

    let mut ui = support::simulate(&app, size);
    finger(&mut ui, drag_up(on_tile, 120.0));
    assert!(scrolled(&mut ui)[0] > 60.0, "the drag did not scroll home");
    let messages: Vec<_> = ui.into_messages().collect();
    assert!(
        !opens_a_page(&messages),
        "a drag opened a page: {messages:?}"
    );

    let mut ui = support::simulate(&app, size);
    finger(&mut ui, drag_up(on_tile, 0.0));
    let messages: Vec<_> = ui.into_messages().collect();
    assert!(
        opens_a_page(&messages),
        "a tap did not open the tile's page"
    );
}

#[test]
fn the_more_below_cue_is_back_after_next_and_back_over_a_page_that_fits() {
    use needle_guide::app::Message;
    use needle_guide::screen::reader::Message as Reader;
    use support::window::Window;
    let mut app = Setup::new(Mode::Kiosk, "en", iced::Size::new(1280.0, 800.0))
        .on(Route::Page(PageId::KEY_POINTS))
        .app();
    let mut window = Window::new();
    // As in a window that just opened on the page: the app holds no cue until the page says so.
    let _ = window.deliver(&mut app, [Message::MoreBelow(false)]);
    assert!(app.more_below(), "key points goes on below the screen");
    // The check's first step fits on the screen: the page says nothing there.
    let _ = window.deliver(&mut app, [Reader::Step { forward: true }.into()]);
    assert_eq!(app.route(), &Route::Page(PageId::TEACH_BACK));
    assert!(!app.more_below(), "the cue stayed up on a page that fits");
    // Back on key points, the page is what it last said it was, and says nothing new.
    let _ = window.deliver(&mut app, [Reader::Back.into()]);
    assert_eq!(app.route(), &Route::Page(PageId::KEY_POINTS));
    assert!(
        app.more_below(),
        "the cue is gone from a page that goes on below"
    );
}

#[test]
fn after_a_resize_the_more_below_cue_is_as_in_a_window_opened_at_that_size() {
    use needle_guide::app::Message;
    use support::window::Window;
    // What a window opened at `size` shows, after its first frames.
    let fresh = |size: iced::Size| {
        let mut app = Setup::new(Mode::Consult, "es", size).app();
        let mut window = Window::new();
        for _ in 0..3 {
            let _ = window.deliver(&mut app, []);
        }
        app.more_below()
    };
    let first = iced::Size::new(1920.0, 1080.0);
    let mut app = Setup::new(Mode::Consult, "es", first).app();
    let mut window = Window::new();
    let _ = window.deliver(&mut app, []);
    let mut seen = Vec::new();
    for size in [
        (1280.0, 720.0),
        (960.0, 640.0),
        (1920.0, 1080.0),
        (1280.0, 800.0),
    ] {
        let size = iced::Size::new(size.0, size.1);
        let reported = size * (1.0 / app.scale_factor());
        let _ = window.deliver(&mut app, [Message::WindowResized(reported)]);
        // The window settles over a few frames, as the app's scale follows its size.
        for _ in 0..3 {
            let _ = window.deliver(&mut app, []);
        }
        assert_eq!(app.window(), size);
        assert_eq!(app.more_below(), fresh(size), "after a resize to {size:?}");
        seen.push(app.more_below());
    }
    assert!(
        seen.contains(&true) && seen.contains(&false),
        "home fits some sizes only: {seen:?}"
    );
}

#[test]
fn the_more_below_cue_stays_on_a_long_page_at_every_text_size() {
    use needle_guide::app::Message;
    use support::window::Window;
    let mut app = Setup::new(Mode::Consult, "en", iced::Size::new(1280.0, 800.0))
        .on(Route::Page(PageId::RISKS))
        .app();
    let mut window = Window::new();
    let _ = window.deliver(&mut app, [Message::MoreBelow(false)]);
    assert!(app.more_below(), "side effects goes on below the screen");
    let more_below = app.library().ui.more_below.clone();
    let document =
        needle_guide::document::Document::for_route(app.library(), app.route()).expect("the page");
    let heading = document
        .sections
        .iter()
        .find_map(|section| section.heading.clone())
        .expect("a heading");
    loop {
        let size = (app.text_scale() * 100.0).round();
        assert!(app.more_below(), "the cue is gone at {size}% text");
        let found = inspect(&app, logical(&app));
        assert!(
            in_view(&found, &more_below),
            "no words in the cue at {size}% text"
        );
        assert!(
            title_stands_out(&found, &document, &heading),
            "at {size}% the title does not stand out from a heading"
        );
        if !app.can_enlarge_text() {
            break;
        }
        let _ = window.deliver(&mut app, [needle_guide::screen::Shared::TextLarger.into()]);
    }
    // And when presenting, on a 1080p screen.
    let mut app = Setup::new(Mode::Consult, "en", iced::Size::new(1920.0, 1080.0))
        .on(Route::Page(PageId::RISKS))
        .app();
    let _ = app.update(needle_guide::screen::consult::Message::TogglePresenting.into());
    assert!(app.presenting());
    let found = inspect(&app, logical(&app));
    assert!(
        title_stands_out(&found, &document, &heading),
        "presenting, the title does not stand out from a heading"
    );
}

/// Whether the title's line (the whole title, or on a short screen the short one) is at least a
/// third taller than the heading's.
fn title_stands_out(
    found: &Inspection,
    document: &needle_guide::document::Document,
    heading: &str,
) -> bool {
    let height = |words: &str| {
        found
            .texts
            .iter()
            .find(|(text, _)| text == words)
            .map(|(_, target)| target.bounds.height)
    };
    let title = height(&document.title)
        .or_else(|| height(document.short_title.as_deref()?))
        .unwrap_or_else(|| panic!("{:?} is not laid out", document.title));
    let heading = height(heading).unwrap_or_else(|| panic!("{heading:?} is not laid out"));
    title >= heading * 1.3
}

#[test]
fn at_the_largest_text_home_says_more_topics_follow() {
    let app = Setup::new(Mode::Kiosk, "en", iced::Size::new(1280.0, 800.0))
        .larger(TEXT_STEPS.len() - 1)
        .app();
    assert!(app.more_below(), "home's topics go on below");
    let found = inspect(&app, logical(&app));
    assert!(in_view(&found, &app.library().ui.more_below));
}

/// A finger put down at `at` and lifted there.
fn tap(at: iced::Point) -> Vec<iced::Event> {
    drag_up(at, 0.0)
}

/// The headings of the urgent boxes in the page of `route`, left in the page's flow (not pinned
/// to the foot of the screen).
fn urgent_headings(app: &App, route: &Route) -> Vec<String> {
    use needle_guide::content::model::Tone;
    use needle_guide::document::{Document, Part};
    let document = Document::for_route(app.library(), route).expect("a page");
    document
        .sections
        .iter()
        .flat_map(|section| &section.parts)
        .filter_map(|part| match part {
            Part::Callout {
                tone: Tone::Urgent,
                heading,
                pinned: false,
                ..
            } => Some(heading.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_tap_on_a_red_box_opens_the_warning_signs() {
    let mut tapped = Vec::new();
    for mode in [Mode::Kiosk, Mode::Consult] {
        for locale in ["en", "es"] {
            for page in support::pages() {
                let route = Route::Page(page);
                let setup = Setup::new(mode, locale, iced::Size::new(1280.0, 800.0)).on(route);
                let app = setup.app();
                let name = setup.name(&app);
                for heading in urgent_headings(&app, &setup.route) {
                    // The page's width, and tall enough that the box is in view unscrolled.
                    let size = iced::Size::new(logical(&app).width, 12_000.0);
                    let found = inspect(&app, size);
                    let (_, words) = found
                        .texts
                        .iter()
                        .find(|(words, _)| *words == heading)
                        .unwrap_or_else(|| panic!("{name}: no box says {heading:?}"));
                    let on_box = words.visible.expect("the box is in view").center();
                    let mut app = setup.app();
                    let mut ui = support::simulate(&app, size);
                    finger(&mut ui, tap(on_box));
                    let messages: Vec<_> = ui.into_messages().collect();
                    support::deliver(&mut app, messages);
                    if page == PageId::WARNING_SIGNS {
                        assert_eq!(app.route(), &setup.route, "{name}: {heading:?} moved");
                    } else {
                        assert_eq!(
                            app.route(),
                            &Route::Page(PageId::WARNING_SIGNS),
                            "{name}: a tap on {heading:?} did not open the warning signs"
                        );
                        tapped.push(page);
                    }
                }
            }
        }
    }
    // Side effects and After, in both modes and languages.
    for page in [PageId::RISKS, PageId::AFTER] {
        assert_eq!(
            tapped.iter().filter(|&&p| p == page).count(),
            4,
            "{page:?}: {tapped:?}"
        );
    }
}

/// The screens a kiosk is set up on, landscape and portrait, from the smallest window the app
/// allows.
const KIOSK_SCREENS: [iced::Size; 8] = [
    iced::Size::new(1280.0, 720.0),
    iced::Size::new(1280.0, 800.0),
    iced::Size::new(960.0, 640.0),
    iced::Size::new(1920.0, 1080.0),
    iced::Size::new(1080.0, 1920.0),
    SMALL_KIOSK_SCREENS[0],
    SMALL_KIOSK_SCREENS[1],
    SMALL_KIOSK_SCREENS[2],
];

/// The longest web address `check` accepts, made of what a real one holds.
fn longest_web_address() -> String {
    let start = "https://harbour-physio.example/guide/dry-needling?lang=en&from=kiosk#";
    let address: String = start
        .chars()
        .chain("abcdefghijklmnopqrstuvwxyz0123456789-_".chars().cycle())
        .take(needle_guide::content::check::MAX_WEB_BYTES)
        .collect();
    let mut clinic = String::from("Clinic(web: \"");
    clinic.push_str(&address);
    clinic.push_str("\")");
    let folder =
        std::env::temp_dir().join(format!("needle-guide-touch-web-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("clinic.ron"), clinic).unwrap();
    let content = needle_guide::content::ContentFolder::open(&folder).unwrap();
    let loaded = needle_guide::content::Library::with_overrides("en", &content).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    assert_eq!(loaded.problems, [], "check accepts it");
    assert_eq!(loaded.library.clinic.web, address);
    address
}

/// The kiosk's welcome screen, as the next person finds it at `screen`, after `larger` presses
/// of A+ there.
fn welcome(web: &str, locale: &'static str, screen: iced::Size, larger: usize) -> App {
    let mut editions = support::kiosk_editions();
    for library in std::sync::Arc::make_mut(&mut editions) {
        library.clinic.web = web.to_owned();
    }
    let mut app = App::kiosk(
        editions,
        needle_guide::app::KioskSettings {
            idle_timeout: std::time::Duration::from_secs(90),
        },
    )
    .in_locale(locale);
    // The kiosk measures its laid-out view, in unscaled pixels.
    let mut messages = vec![needle_guide::app::Message::Measured(screen)];
    messages.extend((0..larger).map(|_| needle_guide::screen::Shared::TextLarger.into()));
    support::deliver(&mut app, messages);
    app
}

/// The smallest button under the middle of `words`: the one they are the label of.
fn button_under(found: &Inspection, words: Rectangle) -> Option<&support::screens::Target> {
    found
        .targets
        .iter()
        .filter(|target| target.bounds.contains(words.center()))
        .min_by(|a, b| {
            let area = |r: &Rectangle| r.width * r.height;
            area(&a.bounds).total_cmp(&area(&b.bounds))
        })
}

fn inside(rectangle: &Rectangle, screen: iced::Size) -> bool {
    Rectangle::with_size(screen).contains(rectangle.position())
        && rectangle.x + rectangle.width <= screen.width + 0.5
        && rectangle.y + rectangle.height <= screen.height + 0.5
}

/// The text `words` of `found`, where it shows whole and inside the screen; a problem if not.
fn shows_whole(found: &Inspection, words: &str, screen: iced::Size) -> Result<(), String> {
    let Some((_, target)) = found.texts.iter().find(|(text, _)| text == words) else {
        return Err(format!("{words:?} is not there"));
    };
    // A label squeezed by a layout too short for it is cut (one line is 1.3 times its size, and
    // its size follows from its width; bold is a little wider, so allow some slack).
    let squeezed = found.labels.iter().any(|(label, bounds)| {
        label == words && {
            let size = bounds.width / support::screens::one_line_width(words, 100.0) * 100.0;
            bounds.height < 0.8 * 1.3 * size
        }
    });
    if target.in_view() && inside(&target.bounds, screen) && !squeezed {
        Ok(())
    } else {
        Err(format!("{words:?} does not show whole: {target:?}"))
    }
}

/// Whether the button around `words` lies inside the one dialog card.
fn in_the_card(found: &Inspection, words: &str) -> Result<(), String> {
    let (_, face) = found
        .texts
        .iter()
        .find(|(text, _)| text == words)
        .ok_or(format!("{words:?} is not there"))?;
    let button = button_under(found, face.bounds).ok_or(format!("{words:?} is on no button"))?;
    inside_the_card(found, &button.bounds, &format!("the button {words:?}"))
}

/// Whether `bounds` (of `what`) lie inside the one card on the screen.
fn inside_the_card(found: &Inspection, bounds: &Rectangle, what: &str) -> Result<(), String> {
    let [card] = found.cards.as_slice() else {
        return Err(format!("{} cards", found.cards.len()));
    };
    if inside(
        bounds,
        iced::Size::new(card.x + card.width, card.y + card.height),
    ) && bounds.y >= card.y
        && bounds.x >= card.x
    {
        Ok(())
    } else {
        Err(format!("{what} at {bounds:?} runs over the card {card:?}"))
    }
}

/// A long web address gives a code that fits its column: never cut off at the screen's edge,
/// never missing; and with or without one, "Touch to start" stays on the screen at every text
/// size, its label and the other language's start each whole on one line.
#[test]
fn the_welcome_screen_shows_the_whole_qr_code_and_touch_to_start_at_every_text_size() {
    let longest = longest_web_address();
    let code = needle_guide::screen::kiosk::WebCode::new(&longest).expect("a code holds it");
    assert!(code.side() <= needle_guide::screen::kiosk::QR_WIDTH);
    let starts: Vec<String> = support::kiosk_editions()
        .iter()
        .flat_map(|library| {
            let words = &library.ui.kiosk;
            [words.touch_to_start.clone(), words.start_in.clone()]
        })
        .collect();
    let mut problems = Vec::new();
    for (web, locale) in [longest.as_str(), ""]
        .into_iter()
        .flat_map(|web| ["en", "es"].map(|locale| (web, locale)))
    {
        for screen in KIOSK_SCREENS {
            for larger in 0..TEXT_STEPS.len() {
                let app = welcome(web, locale, screen, larger);
                let name = format!(
                    "{locale} {screen:?} {}% {}",
                    app.text_scale() * 100.0,
                    if web.is_empty() { "no web" } else { "web" }
                );
                let size = logical(&app);
                let found = inspect(&app, size);
                let words = &app.library().ui.kiosk;
                let mut whole = vec![&words.touch_to_start];
                if !web.is_empty() {
                    match found.codes.as_slice() {
                        [code] if inside(code, size) => {}
                        codes => {
                            problems.push(format!("{name}: the code is at {codes:?} in {size:?}"))
                        }
                    }
                    whole.push(&words.qr_caption);
                }
                for words in whole {
                    if let Err(problem) = shows_whole(&found, words, size) {
                        problems.push(format!("{name}: {problem}"));
                    }
                }
                // Both ways to start keep their words on one line, in portrait too, and show
                // whole.
                for (label, bounds) in &found.labels {
                    if starts.contains(label) && !on_one_line(label, *bounds) {
                        problems.push(format!("{name}: {label:?} breaks ({bounds:?})"));
                    }
                    if starts.contains(label) && !inside(bounds, size) {
                        problems.push(format!("{name}: {label:?} runs off ({bounds:?})"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The staff keypad is for staff, not drawn at the patient's text size: every key, OK and Cancel
/// show whole at every text size, with and without the wrong-PIN message, and with what staff
/// should know under the keys, inside the keypad's card.
#[test]
fn the_staff_keypad_shows_every_key_and_ok_at_every_text_size() {
    use needle_guide::screen::kiosk::Message as Kiosk;
    let mut problems = Vec::new();
    let mut keypads = 0;
    for locale in ["en", "es"] {
        for screen in KIOSK_SCREENS {
            for larger in 0..TEXT_STEPS.len() {
                for (doing, then) in [
                    ("keypad", vec![Kiosk::StaffExit.into()]),
                    (
                        "wrong-pin",
                        vec![
                            Kiosk::StaffExit.into(),
                            Kiosk::PinDigit('1').into(),
                            Kiosk::PinSubmit.into(),
                        ],
                    ),
                    ("keypad-notice", vec![Kiosk::StaffExit.into()]),
                ] {
                    let mut setup = Setup::new(Mode::Kiosk, locale, screen)
                        .larger(larger)
                        .doing(doing, then);
                    setup.staff_pin = Some("2468");
                    setup.clinic_without_numbers = doing == "keypad-notice";
                    let (app, name, found) = laid_out(&setup);
                    let size = logical(&app);
                    let words = &app.library().ui.kiosk;
                    let faces = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "‹", "0"];
                    let all = faces
                        .iter()
                        .copied()
                        .chain([words.ok.as_str(), words.cancel.as_str()]);
                    for words in all {
                        if let Err(problem) = shows_whole(&found, words, size) {
                            problems.push(format!("{name}: {problem}"));
                        }
                    }
                    for words in ["0", words.ok.as_str(), words.cancel.as_str()] {
                        if let Err(problem) = in_the_card(&found, words) {
                            problems.push(format!("{name}: {problem}"));
                        }
                    }
                    if doing == "wrong-pin"
                        && let Err(problem) = shows_whole(&found, &words.wrong_pin, size)
                    {
                        problems.push(format!("{name}: {problem}"));
                    }
                    if doing == "keypad-notice" {
                        let notices = app.staff_notices();
                        assert_eq!(notices.len(), 1, "{name}: {notices:?}");
                        let notice = notices[0].as_str();
                        let within = found
                            .texts
                            .iter()
                            .find(|(text, _)| text == notice)
                            .ok_or(format!("{notice:?} is not there"))
                            .and_then(|(_, shown)| {
                                inside_the_card(&found, &shown.bounds, "the notice")
                            });
                        if let Err(problem) = shows_whole(&found, notice, size).and(within) {
                            problems.push(format!("{name}: {problem}"));
                        }
                    }
                    // Still big enough for a finger on a kiosk's screen (staff may not have a
                    // keyboard at hand to type the PIN).
                    if screen.width >= 1280.0 {
                        // Each key is the smallest button around its face (the page's own
                        // buttons lie under the keypad).
                        let keys = found
                            .texts
                            .iter()
                            .filter(|(text, _)| faces.contains(&text.as_str()))
                            .filter_map(|(_, face)| button_under(&found, face.bounds));
                        for target in keys {
                            let height = target.bounds.height * app.scale_factor();
                            if height < KIOSK_TARGET - 0.5 {
                                problems
                                    .push(format!("{name}: a key is {height} px tall: {target:?}"));
                            }
                        }
                    }
                    keypads += 1;
                }
            }
        }
    }
    assert!(keypads >= 100);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// "Are you still reading?" keeps its button whole at every text size.
#[test]
fn are_you_still_reading_keeps_its_button_whole_at_every_text_size() {
    use needle_guide::screen::kiosk::Message as Kiosk;
    let mut problems = Vec::new();
    let later = std::time::Instant::now() + std::time::Duration::from_secs(24 * 3600);
    for locale in ["en", "es"] {
        for screen in KIOSK_SCREENS {
            for larger in 0..TEXT_STEPS.len() {
                let setup = Setup::new(Mode::Kiosk, locale, screen)
                    .larger(larger)
                    .doing("idle", vec![Kiosk::Tick(later).into()]);
                let (app, name, found) = laid_out(&setup);
                let size = logical(&app);
                let words = &app.library().ui.kiosk;
                for words in [&words.keep_reading, &words.still_reading] {
                    if let Err(problem) = shows_whole(&found, words, size) {
                        problems.push(format!("{name}: {problem}"));
                    }
                }
                // The button inside the dialog's card, not over its edge.
                if let Err(problem) = in_the_card(&found, &words.keep_reading) {
                    problems.push(format!("{name}: {problem}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A word of 300 letters and more, as a mistake in a clinic's or a translator's file could hold.
fn long_word() -> String {
    "Needling".repeat(38)
}

/// How many lines a text laid out in `bounds` at `size` takes.
fn lines(bounds: &Rectangle, size: f32) -> f32 {
    (bounds.height / (1.3 * size)).round()
}

/// `pages` laid out on a portrait panel at every text size, in both languages.
fn on_a_portrait_panel(
    pages: &[needle_guide::content::route::PageId],
) -> Vec<(App, String, Inspection)> {
    let mut laid = Vec::new();
    for locale in ["en", "es"] {
        for larger in 0..TEXT_STEPS.len() {
            for page in pages {
                let setup = Setup::new(Mode::Kiosk, locale, SMALL_KIOSK_SCREENS[2])
                    .larger(larger)
                    .on(Route::Page(*page));
                laid.push(laid_out(&setup));
            }
        }
    }
    laid
}

/// On a portrait panel, at every text size, no word of a page's title is broken: each fits the
/// title's width (Read aloud beside it once left "Conozc / a la").
#[test]
fn a_portrait_panels_page_titles_keep_their_words_whole_at_every_text_size() {
    use needle_guide::content::route::PageId;
    use needle_guide::theme::size;
    let mut problems = Vec::new();
    let mut titles = 0;
    for (app, name, found) in
        on_a_portrait_panel(&[PageId::HOME, PageId::WARNING_SIGNS, PageId::QUESTIONS])
    {
        let document = app.reader().document(app.library());
        let title = [document.short_title.clone(), Some(document.title.clone())];
        // The lowest of the texts in the title's words: home's tile name is also Home's
        // in the bar above.
        let Some((words, target)) = found
            .texts
            .iter()
            .filter(|(text, _)| title.contains(&Some(text.clone())))
            .max_by(|(_, a), (_, b)| a.bounds.y.total_cmp(&b.bounds.y))
        else {
            problems.push(format!("{name}: no title"));
            continue;
        };
        titles += 1;
        let widest = words
            .split_whitespace()
            .map(|word| support::screens::one_line_width(word, size::SHORT_TITLE))
            .fold(0.0, f32::max);
        if widest > target.bounds.width + 1.0 {
            problems.push(format!("{name}: {words:?} breaks a word ({target:?})"));
        }
    }
    assert!(titles >= 30, "{titles} titles found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// On a portrait panel, at every text size, a picture's key and every sentence on the pages with
/// pictures have a column to read in: no sentence squeezed to a few words a line beside a
/// picture, none past the screen's edge.
#[test]
fn a_portrait_panels_pictures_keep_their_keys_readable_at_every_text_size() {
    use needle_guide::content::route::PageId;
    let mut problems = Vec::new();
    let mut sentences = 0;
    for (app, name, found) in on_a_portrait_panel(&[PageId::BENEFITS, PageId::RISKS]) {
        let size = logical(&app);
        for (text, target) in &found.texts {
            if text.split_whitespace().count() < 8 {
                continue;
            }
            sentences += 1;
            let bounds = target.bounds;
            if bounds.width < size.width / 2.0 || bounds.x + bounds.width > size.width + 0.5 {
                problems.push(format!("{name}: {text:?} at {bounds:?} in {size:?}"));
            }
        }
    }
    assert!(sentences > 100, "{sentences} sentences");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A very long word breaks where it must: a page title's does not run under Read aloud, a
/// clinic's name is not cut at the screen's edge, and home's lead stays in its column.
#[test]
fn a_very_long_word_is_broken_onto_lines_that_fit() {
    use needle_guide::content::route::PageId;
    use needle_guide::theme::size;
    let word = long_word();
    assert!(word.len() >= 300);

    // A page's title beside Read aloud.
    let mut editions = support::editions();
    for library in std::sync::Arc::make_mut(&mut editions) {
        let about = support::pages()
            .iter()
            .position(|p| *p == PageId::ABOUT)
            .unwrap();
        library.pages[about].title = word.clone();
        library.clinic.name = word.clone();
    }
    let app =
        App::new(editions.clone(), Route::Page(PageId::ABOUT)).with_voice(support::silent_voice());
    let size = logical(&app);
    let found = inspect(&app, size);
    // The title, and the clinic's name in the sidebar at its left.
    let mut names: Vec<_> = found
        .texts
        .iter()
        .filter(|(text, _)| *text == word)
        .map(|(_, target)| *target)
        .collect();
    names.sort_by(|a, b| a.bounds.x.total_cmp(&b.bounds.x));
    let [sidebar, title] = names.as_slice() else {
        panic!("the title and the sidebar's name: {names:?}");
    };
    let sidebar = sidebar.bounds;
    let read_aloud = found
        .labels
        .iter()
        .find(|(text, _)| *text == app.library().ui.read_aloud)
        .map(|(_, bounds)| *bounds)
        .expect("Read aloud");
    assert!(
        lines(&title.bounds, size::TITLE) >= 3.0,
        "the title is broken onto lines: {title:?}"
    );
    assert!(
        title.bounds.x + title.bounds.width <= read_aloud.x,
        "the title {title:?} stays left of Read aloud {read_aloud:?}"
    );
    assert!(lines(&sidebar, size::BODY) >= 3.0, "{sidebar:?}");
    assert!(sidebar.x + sidebar.width <= title.bounds.x, "{sidebar:?}");

    // The clinic's name on the kiosk's welcome screen: the longest `check` accepts at every
    // text size, with the button whole; a longer one still broken inside the screen.
    let longest = "Harbour".repeat(20)[..needle_guide::content::check::MAX_NAME_CHARS].to_owned();
    for (name, larger) in (0..TEXT_STEPS.len())
        .map(|larger| (&longest, larger))
        .chain([(&word, 0)])
    {
        let mut kiosk = support::kiosk_editions();
        for library in std::sync::Arc::make_mut(&mut kiosk) {
            library.clinic.name = name.clone();
        }
        let mut app = App::kiosk(
            kiosk.clone(),
            needle_guide::app::KioskSettings {
                idle_timeout: std::time::Duration::from_secs(90),
            },
        );
        let messages: Vec<needle_guide::app::Message> = (0..larger)
            .map(|_| needle_guide::screen::Shared::TextLarger.into())
            .collect();
        support::deliver(&mut app, messages);
        let size = logical(&app);
        let found = inspect(&app, size);
        let (_, shown) = found
            .texts
            .iter()
            .find(|(text, _)| text == name)
            .expect("the name");
        // Unbroken, the word would be one line, no taller than a full-size line (the welcome
        // screen draws it at that size or smaller).
        let least = if name == &word {
            1.3 * size::HEADING + 1.0
        } else {
            1.3 * size::HEADING * 0.5
        };
        assert!(shown.bounds.height >= least, "{larger}: {shown:?}");
        assert!(
            inside(&shown.bounds, size),
            "{larger}: {shown:?} in {size:?}"
        );
        if name == &longest
            && let Err(problem) = shows_whole(&found, &app.library().ui.kiosk.touch_to_start, size)
        {
            panic!("{larger}: {problem}");
        }
    }

    // Home's lead (rich text), in a column as wide as home's.
    let lead = needle_guide::widget::spans::sized(
        vec![needle_guide::content::Span::Plain(word.clone())],
        size::LEAD,
        needle_guide::widget::spans::Terms {
            colour: iced::Color::BLACK,
            on_tap: |_| needle_guide::screen::Shared::TextLarger.into(),
        },
    );
    let column = iced::widget::container(lead)
        .id(iced::widget::Id::new("lead"))
        .width(600);
    let mut ui = support::simulate_element(column.into(), iced::Size::new(800.0, 800.0));
    let bounds = ui
        .find(iced::widget::Id::new("lead"))
        .map(|found| found.bounds())
        .expect("the lead");
    assert!(bounds.width <= 600.0, "{bounds:?}");
    assert!(
        lines(&bounds, size::LEAD * 1.45 / 1.3) >= 3.0,
        "the lead is broken onto lines: {bounds:?}"
    );
}

/// The top bar's targets, in the screen's pixels, from left to right.
fn kiosk_controls(app: &App, found: &Inspection) -> Vec<Rectangle> {
    let top = found
        .bars
        .iter()
        .min_by(|a, b| a.y.total_cmp(&b.y))
        .expect("the kiosk has a bar");
    let scale = app.scale_factor();
    let mut controls: Vec<Rectangle> = found
        .targets
        .iter()
        .filter(|target| top.contains(target.bounds.center()))
        .map(|target| {
            let bounds = target.bounds;
            Rectangle::new(
                iced::Point::new(bounds.x * scale, bounds.y * scale),
                iced::Size::new(bounds.width * scale, bounds.height * scale),
            )
        })
        .collect();
    controls.sort_by(|a, b| a.x.total_cmp(&b.x));
    controls
}

#[test]
fn the_consult_rooms_text_size_and_the_controls_after_it_stay_under_the_pointer() {
    let mut problems = Vec::new();
    for screen in [
        iced::Size::new(1280.0, 800.0),
        iced::Size::new(1920.0, 1080.0),
    ] {
        // A−, A+ and what follows them, at the right of the bar.
        let right = |app: &App, found: &Inspection| -> Vec<Rectangle> {
            kiosk_controls(app, found)
                .into_iter()
                .filter(|control| control.x > screen.width / 3.0)
                .collect()
        };
        let (app, _, found) = laid_out(&Setup::new(Mode::Consult, "en", screen));
        let steady = right(&app, &found);
        assert!(steady.len() >= 4, "{screen:?}: {steady:?}");
        for locale in ["en", "es"] {
            for larger in 0..TEXT_STEPS.len() {
                let (app, name, found) =
                    laid_out(&Setup::new(Mode::Consult, locale, screen).larger(larger));
                let controls = right(&app, &found);
                let moved = controls.len() != steady.len()
                    || controls.iter().zip(&steady).any(|(now, then)| {
                        (now.x - then.x).abs() > 0.5 || (now.width - then.width).abs() > 0.5
                    });
                if moved {
                    problems.push(format!("{name}: {controls:?}, not {steady:?}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_kiosks_controls_stay_under_the_finger_at_every_text_size_contrast_and_language() {
    let mut problems = Vec::new();
    for screen in [
        iced::Size::new(1280.0, 800.0),
        iced::Size::new(1920.0, 1080.0),
    ] {
        let first = Setup::new(Mode::Kiosk, "en", screen);
        let (app, _, found) = laid_out(&first);
        let steady = kiosk_controls(&app, &found);
        // Home, A−, A+, contrast and language.
        assert_eq!(steady.len(), 5, "{screen:?}: {steady:?}");
        for locale in ["en", "es"] {
            for larger in 0..TEXT_STEPS.len() {
                for contrast in [false, true] {
                    let mut setup = Setup::new(Mode::Kiosk, locale, screen).larger(larger);
                    if contrast {
                        setup = setup.high_contrast();
                    }
                    let (app, name, found) = laid_out(&setup);
                    let controls = kiosk_controls(&app, &found);
                    let moved = controls.len() != steady.len()
                        || controls.iter().zip(&steady).any(|(now, then)| {
                            (now.x - then.x).abs() > 0.5
                                || (now.y - then.y).abs() > 0.5
                                || (now.width - then.width).abs() > 0.5
                                || (now.height - then.height).abs() > 0.5
                        });
                    if moved {
                        problems.push(format!("{name}: {controls:?}, not {steady:?}"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The same touches as a pointer sends them, from a panel that reports a finger as a mouse: its
/// left button down, moves, and the button up.
fn as_pointer(
    ui: &mut iced_test::Simulator<'_, needle_guide::app::Message>,
    touches: Vec<iced::Event>,
) {
    use iced::mouse::{Button, Event};
    use iced::touch::Event as Touch;
    for touch in touches {
        let (position, event) = match touch {
            iced::Event::Touch(Touch::FingerPressed { position, .. }) => {
                (position, Event::ButtonPressed(Button::Left))
            }
            iced::Event::Touch(Touch::FingerMoved { position, .. }) => {
                (position, Event::CursorMoved { position })
            }
            iced::Event::Touch(Touch::FingerLifted { position, .. }) => {
                (position, Event::ButtonReleased(Button::Left))
            }
            _ => continue,
        };
        ui.point_at(position);
        let _ = ui.simulate([iced::Event::Mouse(event)]);
    }
}

#[test]
fn at_the_kiosk_a_pressed_pointer_drags_as_a_finger_does_and_a_click_still_opens() {
    let kiosk = Setup::new(Mode::Kiosk, "en", iced::Size::new(1280.0, 800.0))
        .larger(TEXT_STEPS.len() - 1)
        .app();
    let size = logical(&kiosk);
    let found = inspect(&kiosk, size);
    let (_, tile) = topic_tiles(&kiosk, &found)[0];
    let on_tile = tile.visible.expect("the first tile shows").center();

    let mut ui = support::simulate(&kiosk, size);
    as_pointer(&mut ui, drag_up(on_tile, 120.0));
    assert!(
        scrolled(&mut ui)[0] > 60.0,
        "the pointer's drag did not scroll home"
    );
    let messages: Vec<_> = ui.into_messages().collect();
    assert!(
        !opens_a_page(&messages),
        "a drag opened a page: {messages:?}"
    );

    let mut ui = support::simulate(&kiosk, size);
    as_pointer(&mut ui, drag_up(on_tile, 0.0));
    let messages: Vec<_> = ui.into_messages().collect();
    assert!(
        opens_a_page(&messages),
        "a click did not open the tile's page"
    );

    // In the consult room a mouse is a mouse: a drag on a tile scrolls nothing.
    let consult = Setup::new(Mode::Consult, "en", iced::Size::new(1280.0, 800.0))
        .larger(TEXT_STEPS.len() - 1)
        .app();
    let size = logical(&consult);
    let found = inspect(&consult, size);
    let (_, tile) = topic_tiles(&consult, &found)[0];
    let mut ui = support::simulate(&consult, size);
    as_pointer(
        &mut ui,
        drag_up(tile.visible.expect("shows").center(), 120.0),
    );
    assert_eq!(scrolled(&mut ui)[0], 0.0);
}

#[test]
fn the_kiosk_tints_nothing_under_a_resting_pointer_and_the_consult_room_does() {
    let theme_of = |app: &App| app.theme();
    for (mode, tinted) in [(Mode::Kiosk, false), (Mode::Consult, true)] {
        let app = Setup::new(mode, "en", iced::Size::new(1280.0, 800.0)).app();
        let size = logical(&app);
        let found = inspect(&app, size);
        let (_, tile) = topic_tiles(&app, &found)[0];
        let hash = std::env::temp_dir().join(format!(
            "needle-guide-hover-{mode:?}-{}.sha256",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&hash);
        let mut ui = support::simulate(&app, size);
        ui.point_at(iced::Point::new(1.0, size.height - 1.0));
        let resting = ui.snapshot(&theme_of(&app)).expect("a frame");
        assert!(resting.matches_hash(&hash).expect("hash written"));
        let mut ui = support::simulate(&app, size);
        ui.point_at(tile.visible.expect("the tile shows").center());
        let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::CursorMoved {
            position: tile.visible.expect("the tile shows").center(),
        })]);
        let over_tile = ui.snapshot(&theme_of(&app)).expect("a frame");
        let same = over_tile.matches_hash(&hash).expect("hash compared");
        let _ = std::fs::remove_file(&hash);
        assert_eq!(
            !same, tinted,
            "{mode:?}: a tile under the pointer is tinted: {}",
            !same
        );
    }
}

/// Whether a text reading `words` shows whole, without scrolling.
fn in_view(found: &Inspection, words: &str) -> bool {
    found
        .texts
        .iter()
        .any(|(text, target)| text.contains(words) && target.in_view())
}

#[test]
fn the_checks_ways_on_show_at_the_foot_without_scrolling_and_there_is_one_way_back() {
    use needle_guide::screen::reader::teach_back::Message as Check;
    let check =
        |message: Check| needle_guide::app::Message::from(reader::Message::TeachBack(message));
    let mut problems = Vec::new();
    for locale in ["en", "es"] {
        let setup = |then: Vec<needle_guide::app::Message>| {
            Setup::new(Mode::Kiosk, locale, iced::Size::new(1280.0, 800.0))
                .on(Route::Page(PageId::TEACH_BACK))
                .doing("check", then)
        };
        let app = setup(Vec::new()).app();
        let ui = app.library().ui.clone();
        let words = &ui.teach_back;
        let questions = needle_guide::document::check_items(app.library()).len();
        let mut steps = vec![(vec![], vec![words.start.as_str()])];
        let mut then = vec![check(Check::Next)];
        for _ in 0..questions {
            steps.push((then.clone(), vec![words.not_sure.as_str()]));
            then.push(check(Check::NotSure));
            steps.push((
                then.clone(),
                vec![words.show_me_again.as_str(), words.next.as_str()],
            ));
            then.push(check(Check::Next));
        }
        steps.push((then.clone(), vec![words.next.as_str()]));
        then.push(check(Check::Next));
        steps.push((then.clone(), vec![words.finish.as_str()]));
        for (then, ways_on) in steps {
            let app = setup(then).app();
            let step = app.reader().teach_back().step();
            let found = inspect(&app, logical(&app));
            for way_on in ways_on {
                if !in_view(&found, way_on) {
                    problems.push(format!("{locale} {step:?}: {way_on:?} is not in view"));
                }
            }
            // One way back (Back, from home), never Previous as well.
            if found
                .texts
                .iter()
                .any(|(text, _)| text.contains(&ui.previous))
            {
                problems.push(format!("{locale} {step:?}: Previous beside Back"));
            }
        }
        // After "Show me again", the one way back is to the check.
        let app = setup(vec![check(Check::Next), check(Check::ShowMeAgain)]).app();
        assert!(app.reader().teach_back().showing());
        let found = inspect(&app, logical(&app));
        let backs: Vec<&String> = found
            .texts
            .iter()
            .map(|(text, _)| text)
            .filter(|text| text.starts_with('‹'))
            .collect();
        assert_eq!(backs.len(), 1, "{locale}: {backs:?}");
        assert!(
            backs[0].contains(&words.back_to_check),
            "{locale}: {backs:?}"
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn are_you_still_reading_keeps_its_width_as_the_seconds_count_down() {
    use needle_guide::screen::kiosk::Message as Kiosk;
    let later = std::time::Instant::now() + std::time::Duration::from_secs(24 * 3600);
    for locale in ["en", "es"] {
        let card = |waited: u64| {
            let setup = Setup::new(Mode::Kiosk, locale, iced::Size::new(1280.0, 800.0)).doing(
                "idle",
                vec![
                    Kiosk::Tick(later).into(),
                    Kiosk::Tick(later + std::time::Duration::from_secs(waited)).into(),
                ],
            );
            let (app, name, found) = laid_out(&setup);
            let seconds = app.kiosk_state().and_then(|kiosk| kiosk.seconds_left());
            assert!(seconds.is_some(), "{name}: no countdown");
            (seconds, *found.cards.first().expect("the notice's card"))
        };
        let (first, at_first) = card(0);
        let (last, at_last) = card(22);
        assert!(
            first.unwrap() >= 10 && last.unwrap() < 10,
            "{first:?} {last:?}"
        );
        assert!(
            (at_first.width - at_last.width).abs() < 0.5 && (at_first.x - at_last.x).abs() < 0.5,
            "{locale}: {at_first:?} became {at_last:?}"
        );
    }
}

#[test]
fn presenting_starts_and_ends_at_the_same_place_on_the_page() {
    use needle_guide::app::Message;
    use needle_guide::screen::consult::Message as Consult;
    use support::window::Window;
    let mut app = Setup::new(Mode::Consult, "en", iced::Size::new(1920.0, 1080.0))
        .on(Route::Page(PageId::WARNING_SIGNS))
        .app();
    let mut window = Window::new();
    let _ = window.deliver(&mut app, [Message::MoreBelow(false)]);
    let middle = iced::Point::new(700.0, 400.0);
    let wheel = iced::Event::Mouse(iced::mouse::Event::WheelScrolled {
        delta: iced::mouse::ScrollDelta::Pixels { x: 0.0, y: -1200.0 },
    });
    let _ = window.step(
        &mut app,
        &[
            iced::Event::Mouse(iced::mouse::Event::CursorMoved { position: middle }),
            wheel,
        ],
    );
    let before = app.place();
    assert!(before > 0.1 && before < 0.9, "scrolled to {before}");
    for presenting in [true, false] {
        let _ = window.deliver_running(&mut app, [Consult::TogglePresenting.into()]);
        let _ = window.deliver(&mut app, []);
        assert_eq!(app.presenting(), presenting);
        let now = app.place();
        assert!(
            (now - before).abs() < 0.02,
            "presenting {presenting}: the page went from {before} to {now}"
        );
    }
}

#[test]
fn every_control_of_more_can_be_reached_at_the_largest_text() {
    use iced_test::selector::Candidate;
    use needle_guide::screen::consult::Message as Consult;
    let app = Setup::new(Mode::Consult, "en", iced::Size::new(1280.0, 800.0))
        .larger(TEXT_STEPS.len() - 1)
        .doing("more", vec![Consult::OpenMore.into()])
        .app();
    let last = app.library().ui.consult.shortcuts_title.clone();
    let size = logical(&app);
    let card = *inspect(&app, size).cards.first().expect("the More card");
    let shown = |ui: &mut iced_test::Simulator<'_, needle_guide::app::Message>| {
        let mut whole = false;
        let _ = ui.find(|candidate: Candidate<'_>| -> Option<()> {
            if let Candidate::Text {
                content,
                bounds,
                visible_bounds,
                ..
            } = candidate
                && content == last
            {
                whole = visible_bounds.is_some_and(|visible| {
                    (visible.height - bounds.height).abs() < 0.5 && card.contains(visible.center())
                });
            }
            None
        });
        whole
    };
    let mut ui = support::simulate(&app, size);
    if !shown(&mut ui) {
        ui.point_at(card.center());
        let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::WheelScrolled {
            delta: iced::mouse::ScrollDelta::Pixels { x: 0.0, y: -600.0 },
        })]);
    }
    assert!(shown(&mut ui), "{last:?} cannot be reached in More");
}

#[test]
fn at_the_largest_text_a_question_of_the_check_shows_its_answers() {
    use needle_guide::screen::reader::teach_back::Message as Check;
    let check =
        |message: Check| needle_guide::app::Message::from(reader::Message::TeachBack(message));
    for locale in ["en", "es"] {
        for screen in [
            iced::Size::new(1280.0, 800.0),
            iced::Size::new(1920.0, 1080.0),
        ] {
            let setup = |then| {
                Setup::new(Mode::Kiosk, locale, screen)
                    .larger(TEXT_STEPS.len() - 1)
                    .on(Route::Page(PageId::TEACH_BACK))
                    .doing("check", then)
            };
            // A question: at least its first answer shows.
            let (app, name, found) = laid_out(&setup(vec![check(Check::Next)]));
            let items = needle_guide::document::check_items(app.library());
            let first_choice = &items[0].choices[0].text;
            let place = found.texts.iter().find(|(text, _)| text == first_choice);
            assert!(
                in_view(&found, first_choice),
                "{name}: {first_choice:?} is not in view: {place:?} in {:?}",
                logical(&app)
            );
        }
    }
}

#[test]
fn a_double_tap_on_the_checks_way_on_does_not_pass_the_answer_unseen() {
    use needle_guide::screen::reader::teach_back::{Message as Check, Step};
    use support::window::Window;
    let check =
        |message: Check| needle_guide::app::Message::from(reader::Message::TeachBack(message));
    let mut app = Setup::new(Mode::Kiosk, "en", iced::Size::new(1280.0, 800.0))
        .on(Route::Page(PageId::TEACH_BACK))
        .doing("check", vec![check(Check::Next)])
        .app();
    assert_eq!(app.reader().teach_back().step(), Step::Question(0));
    let found = inspect(&app, logical(&app));
    let not_sure = &app.library().ui.teach_back.not_sure;
    let (_, target) = found
        .texts
        .iter()
        .find(|(text, _)| text == not_sure)
        .expect("I'm not sure shows");
    let at = target.bounds.center();
    let tap = [
        iced::Event::Mouse(iced::mouse::Event::CursorMoved { position: at }),
        iced::Event::Mouse(iced::mouse::Event::ButtonPressed(iced::mouse::Button::Left)),
        iced::Event::Mouse(iced::mouse::Event::ButtonReleased(
            iced::mouse::Button::Left,
        )),
    ];
    let mut window = Window::new();
    let _ = window.deliver(&mut app, []);
    let _ = window.step(&mut app, &tap);
    assert_eq!(app.reader().teach_back().step(), Step::Explained(0));
    // The second tap of a double tap, on Next, which is now where the finger is: nothing.
    let _ = window.step(&mut app, &tap);
    assert_eq!(app.reader().teach_back().step(), Step::Explained(0));
    // A moment later, Next is Next.
    std::thread::sleep(needle_guide::widget::settle::SETTLE);
    let _ = window.step(&mut app, &tap);
    assert_eq!(app.reader().teach_back().step(), Step::Question(1));
}

#[test]
fn after_the_check_a_page_opened_starts_at_its_top() {
    use needle_guide::app::Message;
    use needle_guide::screen::reader::teach_back::Message as Check;
    use support::window::Window;
    let check = |message: Check| Message::from(reader::Message::TeachBack(message));
    let mut app = Setup::new(Mode::Kiosk, "en", iced::Size::new(1280.0, 800.0))
        .on(Route::Page(PageId::TEACH_BACK))
        .doing("check", vec![check(Check::Next), check(Check::NotSure)])
        .app();
    let mut window = Window::new();
    let _ = window.deliver(&mut app, []);
    let _ = window.deliver_running(
        &mut app,
        [reader::Message::Open(Route::Page(PageId::ABOUT)).into()],
    );
    // Down the page, then on to the next: it starts at its top.
    let wheel = iced::Event::Mouse(iced::mouse::Event::WheelScrolled {
        delta: iced::mouse::ScrollDelta::Pixels { x: 0.0, y: -600.0 },
    });
    let middle = iced::Point::new(500.0, 300.0);
    let _ = window.step(
        &mut app,
        &[
            iced::Event::Mouse(iced::mouse::Event::CursorMoved { position: middle }),
            wheel,
        ],
    );
    assert!(app.place() > 0.0, "the page did not scroll");
    let next = Message::from(reader::Message::Step { forward: true });
    let _ = window.deliver_running(&mut app, [next]);
    let _ = window.deliver(&mut app, []);
    assert_eq!(app.place(), 0.0, "the next page opened part way down");
}

#[test]
fn the_checks_foot_keeps_every_way_on_inside_the_screen_at_every_text_size() {
    use needle_guide::screen::reader::teach_back::Message as Check;
    let check =
        |message: Check| needle_guide::app::Message::from(reader::Message::TeachBack(message));
    let mut problems = Vec::new();
    let screens = std::iter::once(iced::Size::new(1280.0, 800.0)).chain(SMALL_KIOSK_SCREENS);
    for (locale, screen) in ["en", "es"]
        .into_iter()
        .flat_map(|locale| screens.clone().map(move |screen| (locale, screen)))
    {
        for larger in 0..TEXT_STEPS.len() {
            // A wrong answer: Try again and Next beside the way back, Show me again with the
            // answer.
            let setup = Setup::new(Mode::Kiosk, locale, screen)
                .larger(larger)
                .on(Route::Page(PageId::TEACH_BACK))
                .doing("wrong", vec![check(Check::Next), check(Check::Pick(0))]);
            let (app, name, found) = laid_out(&setup);
            let size = logical(&app);
            let foot = found
                .bars
                .iter()
                .max_by(|a, b| a.y.total_cmp(&b.y))
                .expect("the foot");
            // In the foot's height: a button run off the side is outside the foot's bounds.
            let in_foot = |t: &&support::screens::Target| {
                let middle = t.bounds.center().y;
                middle >= foot.y && middle <= foot.y + foot.height
            };
            for target in found.targets.iter().filter(in_foot) {
                if !inside(&target.bounds, size) {
                    problems.push(format!("{name}: {:?} is off the screen", target.bounds));
                }
            }
            // The way to the section that teaches it is there on every screen, portrait too
            // (the window scrolls the answer and it into view).
            let show_me_again = &app.library().ui.teach_back.show_me_again;
            if !found.texts.iter().any(|(text, _)| text == show_me_again) {
                problems.push(format!("{name}: no {show_me_again:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn presenting_each_picture_with_its_key_and_each_what_to_do_tier_fits_one_screen() {
    let pages = [PageId::RISKS, PageId::BENEFITS, PageId::WARNING_SIGNS];
    let mut problems = Vec::new();
    for (locale, window) in [
        ("en", (1920.0, 1080.0)),
        ("es", (1920.0, 1080.0)),
        ("en", (1280.0, 800.0)),
    ] {
        for page in pages {
            let mut app = Setup::new(Mode::Consult, locale, iced::Size::new(window.0, window.1))
                .on(Route::Page(page))
                .app();
            let _ = app.update(needle_guide::screen::consult::Message::TogglePresenting.into());
            problems.extend(blocks_too_tall(
                &mut app,
                &format!("{locale} {page:?} {window:?}"),
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_body_map_shows_a_whole_body_at_the_kiosk_at_every_text_size() {
    let mut problems = Vec::new();
    for locale in ["en", "es"] {
        for screen in SCREENS {
            for step in 0..TEXT_STEPS.len() {
                let mut app = Setup::new(Mode::Kiosk, locale, screen)
                    .on(Route::Page(PageId::CONDITIONS))
                    .larger(step)
                    .app();
                problems.extend(blocks_too_tall(
                    &mut app,
                    &format!("{locale} {screen:?} +{step}"),
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The blocks to be seen whole that are taller than the part of the screen the page shows in,
/// which runs from under the bar at the top (if any) to the "More below" strip.
fn blocks_too_tall(app: &mut App, name: &str) -> Vec<String> {
    // A frame as the window draws it, which tells the app the page goes on below.
    let _ =
        support::window::Window::new().deliver(app, [needle_guide::app::Message::MoreBelow(false)]);
    let found = inspect(app, logical(app));
    let more_below = &app.library().ui.more_below;
    let Some((_, strip)) = found.texts.iter().find(|(text, _)| text == more_below) else {
        return vec![format!("{name}: no More below")];
    };
    let top = found
        .bars
        .iter()
        .filter(|bar| bar.y < 1.0)
        .map(|bar| bar.y + bar.height)
        .fold(0.0, f32::max);
    let shown = strip.bounds.y - top;
    if found.wholes.is_empty() {
        return vec![format!("{name}: nothing to see whole")];
    }
    found
        .wholes
        .iter()
        .filter(|whole| whole.bounds.height > shown)
        .map(|whole| {
            format!(
                "{name}: a block {:.0} high, {shown:.0} shown",
                whole.bounds.height
            )
        })
        .collect()
}

#[test]
fn the_consult_rooms_page_list_shows_every_page_without_scrolling_beside_the_staff_notice() {
    let mut problems = Vec::new();
    for locale in ["en", "es"] {
        for window in [
            iced::Size::new(1280.0, 800.0),
            iced::Size::new(1920.0, 1080.0),
        ] {
            let app = Setup::new(Mode::Consult, locale, window)
                .on(Route::Page(PageId::ABOUT))
                .app();
            assert!(app.shows_sidebar(), "{locale} {window:?}: no page list");
            assert!(
                !app.staff_notices().is_empty(),
                "the made-up clinic lacks details"
            );
            let found = inspect(&app, logical(&app));
            let library = app.library();
            for page in library.page_ids() {
                let name = &library.page(page).nav_label;
                let shows = found
                    .texts
                    .iter()
                    .any(|(text, target)| text == name && target.in_view());
                if !shows {
                    problems.push(format!("{locale} {window:?}: {name:?} needs a scroll"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// On a short panel (800×480), at every text size it allows, in both languages, Warning signs
/// opens with its first step: the box's top and at least 120 layout pixels of it (its padding,
/// the number-to-call sentence on two lines, and the first line of its first sign) above the
/// "More below" strip. A frightened patient sees what to do without scrolling. (With the whole
/// title beside Read aloud, on two lines, and the usual room above the first section: 69 at the
/// larger text size, part of the sentence.)
#[test]
fn on_a_short_panel_warning_signs_opens_with_the_number_to_call_and_its_first_sign() {
    use needle_guide::document::{Document, Part};
    for locale in ["en", "es"] {
        for larger in 0..TEXT_STEPS.len() {
            let mut app = Setup::new(Mode::Kiosk, locale, iced::Size::new(800.0, 480.0))
                .larger(larger)
                .on(Route::Page(PageId::WARNING_SIGNS))
                .app();
            // As the window draws it: with the "More below" strip under the page.
            let mut window = support::window::Window::new();
            let _ = window.deliver(&mut app, [needle_guide::app::Message::MoreBelow(false)]);
            assert!(app.more_below(), "the page goes on below");
            let document = Document::for_route(app.library(), app.route()).expect("the page");
            let Some(Part::Actions(steps)) =
                document.sections.first().and_then(|s| s.parts.first())
            else {
                panic!("Warning signs opens with its steps");
            };
            let action = needle_guide::document::joined(&steps[0].action);
            assert!(
                action.contains(app.library().emergency_number()),
                "{action}"
            );
            let found = inspect(&app, logical(&app));
            let tier = found.wholes.first().expect("the first step's box");
            let shown = tier.visible.expect("the first step shows");
            let at = format!("{locale}, {larger} steps larger");
            assert_eq!(shown.y, tier.bounds.y, "{at}: the box's top shows");
            assert!(
                shown.height >= 120.0,
                "{at}: {shown:?} of the first step shows"
            );
            if !app.can_enlarge_text() {
                break;
            }
        }
    }
}
