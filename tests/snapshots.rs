//! A picture of every screen, compared pixel for pixel with the one committed in
//! `tests/snapshots/`. To accept a change on purpose, delete the old PNG and run the tests: a new
//! one is written (except under CI, where a missing snapshot fails). Look at it before committing.

mod support;

use std::path::{Path, PathBuf};

use iced::{Point, Size};
use iced_test::Simulator;
use needle_guide::app::{App, Message};
use needle_guide::document::{Document, Part};
use needle_guide::route::{PageId, Route};
use needle_guide::screen::Shared;
use needle_guide::screen::kiosk::Message as Kiosk;
use needle_guide::screen::reader::{self, Reader};
use support::{WINDOW, app_on, simulate, simulate_element};

/// The renderer every snapshot is drawn with, set in `.cargo/config.toml`. Another one (a `gpu`
/// build's wgpu) would write a picture of its own name and pass without comparing anything.
const BACKEND: &str = "tiny-skia";

/// Compares what `ui` draws with `tests/snapshots/<name>-tiny-skia.png`.
fn check(name: &str, mut ui: Simulator<'_, Message>, app: &App) {
    assert_eq!(
        std::env::var("ICED_TEST_BACKEND").as_deref(),
        Ok(BACKEND),
        "snapshots are drawn and compared with tiny-skia only (see .cargo/config.toml)"
    );
    let path = Path::new("tests/snapshots").join(name);
    let committed = PathBuf::from(format!("tests/snapshots/{name}-{BACKEND}.png"));
    assert!(
        committed.exists() || std::env::var_os("CI").is_none(),
        "{} is missing: run the tests locally, look at the new PNG and commit it",
        committed.display()
    );
    let snapshot = ui.snapshot(&app.theme()).expect("the screen renders");
    if !snapshot
        .matches_image(&path)
        .expect("the snapshot can be read or written")
    {
        // Keep what was drawn, so the difference can be looked at.
        let actual = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let _ = std::fs::remove_file(actual.with_file_name(format!("{name}-{BACKEND}.png")));
        let _ = snapshot.matches_image(&actual);
        panic!(
            "{name} looks different from {}; what was drawn is in {}",
            committed.display(),
            actual.display()
        );
    }
}

fn check_route(route: Route) {
    let app = app_on(route.clone());
    check(
        &route.to_string().replace('/', "_"),
        simulate(&app, WINDOW),
        &app,
    );
}

#[test]
fn every_page_matches_its_snapshot() {
    for page in support::pages() {
        check_route(Route::Page(page));
    }
}

#[test]
fn a_condition_page_matches_its_snapshot() {
    check_route(Route::Condition("lateral-epicondylitis".into()));
}

#[test]
fn the_risks_page_charts_match_their_snapshot() {
    // Tall enough to show the first icon arrays beside their words.
    let app = app_on(Route::Page(PageId::RISKS));
    check(
        "risks-charts",
        simulate(&app, Size::new(1280.0, 1400.0)),
        &app,
    );
}

#[test]
fn the_body_map_with_a_region_picked_matches_its_snapshot() {
    let mut app = app_on(Route::Page(PageId::CONDITIONS));
    let _ = app.update(reader::Message::SelectRegion("knee".into()).into());
    check("body-map-knee", simulate(&app, WINDOW), &app);
}

#[test]
fn the_rare_risk_scale_matches_its_snapshot() {
    let app = app_on(Route::Page(PageId::RISKS));
    section_snapshot(
        "risk-scale",
        &app,
        |part| matches!(part, Part::RiskScale { .. }),
        Size::new(880.0, 1400.0),
    );
}

/// The section of `route`'s page that holds a part `is` picks, drawn alone as the page draws it.
fn section_snapshot(name: &str, app: &App, is: fn(&Part) -> bool, size: Size) {
    let page = Document::for_route(app.library(), app.route()).unwrap();
    let section = page
        .sections
        .iter()
        .find(|section| section.parts.iter().any(is))
        .unwrap_or_else(|| panic!("{name}: the page has no such part"))
        .clone();
    let document = Document {
        sections: vec![section],
        ..page
    };
    let view =
        Reader::page_of(document, app.reader(), app.layout(), &app.palette()).map(Message::Reader);
    check(name, simulate_element(view, size), app);
}

fn is_lung_picture(part: &Part) -> bool {
    matches!(part, Part::LungAreas(_))
}

#[test]
fn the_picture_of_where_the_lungs_lie_matches_its_snapshot_in_both_themes() {
    let mut app = app_on(Route::Page(PageId::WARNING_SIGNS));
    let size = Size::new(880.0, 900.0);
    section_snapshot("lung-areas", &app, is_lung_picture, size);
    let _ = app.update(Shared::ToggleContrast.into());
    section_snapshot("lung-areas-high-contrast", &app, is_lung_picture, size);
}

#[test]
fn the_body_map_with_the_upper_back_picked_matches_its_snapshot() {
    let mut app = app_on(Route::Page(PageId::CONDITIONS));
    let _ = app.update(reader::Message::SelectRegion("upper-back".into()).into());
    check("body-map-upper-back", simulate(&app, WINDOW), &app);
}

#[test]
fn an_urgent_box_that_opens_the_warning_signs_matches_its_snapshot() {
    let app = app_on(Route::Page(PageId::AFTER));
    section_snapshot(
        "urgent-box",
        &app,
        |part| {
            matches!(
                part,
                Part::Callout {
                    tone: needle_guide::content::model::Tone::Urgent,
                    ..
                }
            )
        },
        Size::new(880.0, 560.0),
    );
}

/// A kiosk as it may start: over a clinic with numbers (made-up ones), on a 1280×800 screen.
fn kiosk() -> App {
    let mut app = App::kiosk(
        support::kiosk_editions(),
        needle_guide::app::KioskSettings {
            idle_timeout: std::time::Duration::from_secs(90),
        },
    );
    let _ = app.update(Message::Measured(WINDOW));
    app
}

/// The kiosk as a 1280×800 touch screen lays it out: enlarged by the kiosk's scale, so 1024×640.
fn kiosk_screen(app: &App) -> Size {
    WINDOW * (1.0 / app.scale_factor())
}

#[test]
fn the_kiosk_welcome_screen_matches_its_snapshot() {
    let app = kiosk();
    check("kiosk-welcome", simulate(&app, kiosk_screen(&app)), &app);
}

#[test]
fn the_kiosk_idle_notice_matches_its_snapshot() {
    let mut app = kiosk();
    let _ = app.update(Kiosk::StartVisit.into());
    // A fixed moment into the countdown, so the seconds shown never vary.
    let notice = std::time::Instant::now() + std::time::Duration::from_secs(3600);
    let _ = app.update(Kiosk::Tick(notice).into());
    let _ = app.update(Kiosk::Tick(notice + std::time::Duration::from_secs(5)).into());
    check(
        "kiosk-still-reading",
        simulate(&app, kiosk_screen(&app)),
        &app,
    );
}

#[test]
fn the_foot_of_a_long_kiosk_page_matches_its_snapshot() {
    let mut app = kiosk();
    let _ = app.update(Kiosk::StartVisit.into());
    let _ = app.update(reader::Message::Open(Route::Page(PageId::WARNING_SIGNS)).into());
    let size = kiosk_screen(&app);
    let mut ui = simulate(&app, size);
    // Scroll the page (not a bar) as far down as it goes, as a patient's finger or wheel would.
    ui.point_at(Point::new(size.width / 2.0, size.height / 2.0));
    let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::WheelScrolled {
        delta: iced::mouse::ScrollDelta::Pixels {
            x: 0.0,
            y: -100_000.0,
        },
    })]);
    check("kiosk-warning-signs-foot", ui, &app);
}

#[test]
fn the_risks_charts_in_high_contrast_match_their_snapshot() {
    let mut app = app_on(Route::Page(PageId::RISKS));
    let _ = app.update(Shared::ToggleContrast.into());
    check(
        "risks-charts-high-contrast",
        simulate(&app, Size::new(1280.0, 1400.0)),
        &app,
    );
}

/// The check at one of its steps, in the consult room, reached by `answers` from its start.
fn check_snapshot(name: &str, answers: &[needle_guide::screen::reader::teach_back::Message]) {
    use needle_guide::screen::reader::teach_back::Message as Check;
    let mut app = app_on(Route::Page(PageId::TEACH_BACK));
    for answer in std::iter::once(&Check::Next).chain(answers) {
        let _ = app.update(reader::Message::TeachBack(answer.clone()).into());
    }
    check(name, simulate(&app, Size::new(1280.0, 1100.0)), &app);
}

/// From the start to the warning-signs question, with two of its signs picked.
fn to_two_signs_picked() -> Vec<needle_guide::screen::reader::teach_back::Message> {
    use needle_guide::screen::reader::teach_back::Message as Check;
    vec![
        Check::NotSure,
        Check::Next,
        Check::NotSure,
        Check::Next,
        Check::Pick(0),
        Check::Pick(2),
    ]
}

#[test]
fn a_question_of_the_check_matches_its_snapshot() {
    check_snapshot("teach-back-question", &to_two_signs_picked());
}

#[test]
fn an_explained_answer_matches_its_snapshot() {
    use needle_guide::screen::reader::teach_back::Message as Check;
    // One sign missed: the right ones ticked, and no cross.
    let mut answers = to_two_signs_picked();
    answers.push(Check::Done);
    check_snapshot("teach-back-explained", &answers);
}

#[test]
fn the_summary_of_the_check_matches_its_snapshot() {
    use needle_guide::screen::reader::teach_back::Message as Check;
    let mut answers = vec![Check::Pick(1), Check::Next, Check::NotSure, Check::Next];
    answers.extend([
        Check::Pick(0),
        Check::Pick(2),
        Check::Pick(3),
        Check::Pick(5),
    ]);
    answers.extend([Check::Done, Check::Next, Check::Pick(1), Check::Next]);
    answers.extend([
        Check::Pick(1),
        Check::Done,
        Check::Next,
        Check::Pick(1),
        Check::Next,
    ]);
    answers.extend([Check::Tick(0), Check::Tick(5), Check::Next]);
    answers.extend([
        Check::Sure(0, true),
        Check::Sure(1, true),
        Check::Sure(2, false),
        Check::Sure(3, true),
        Check::Finish,
    ]);
    check_snapshot("teach-back-summary", &answers);
}

#[test]
fn a_page_read_aloud_marks_its_passage_and_offers_stop() {
    use needle_guide::app::Speech;
    let mut app = app_on(Route::Page(PageId::WARNING_SIGNS)).with_voice(support::silent_voice());
    // The third passage: the first sentence under "A collapsed lung".
    let _ = app.update(needle_guide::app::Message::Speech(Speech::From(2)));
    check("read-aloud", simulate(&app, WINDOW), &app);
}
