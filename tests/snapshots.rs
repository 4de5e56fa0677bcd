//! A picture of every screen, compared pixel for pixel with the one committed in
//! `tests/snapshots/`. To accept a change on purpose, delete the old PNG and run the tests: a new
//! one is written (except under CI, where a missing snapshot fails). Look at it before committing.

mod support;

use std::path::{Path, PathBuf};

use iced::Size;
use iced_test::Simulator;
use needle_guide::app::{App, Message};
use needle_guide::document::{Document, Part};
use needle_guide::route::{PageId, Route};
use needle_guide::theme::Palette;
use support::{WINDOW, app_on, simulate, simulate_element};

/// Compares what `ui` draws with `tests/snapshots/<name>-tiny-skia.png`.
fn check(name: &str, mut ui: Simulator<'_, Message>, app: &App) {
    let path = Path::new("tests/snapshots").join(name);
    let committed = PathBuf::from(format!("tests/snapshots/{name}-tiny-skia.png"));
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
        let _ = std::fs::remove_file(actual.with_file_name(format!("{name}-tiny-skia.png")));
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
    for page in PageId::ALL {
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
    let app = app_on(Route::Page(PageId::Risks));
    check(
        "risks-charts",
        simulate(&app, Size::new(1280.0, 1400.0)),
        &app,
    );
}

#[test]
fn the_body_map_with_a_region_picked_matches_its_snapshot() {
    let mut app = app_on(Route::Page(PageId::Conditions));
    let _ = app.update(Message::SelectRegion("knee".into()));
    check("body-map-knee", simulate(&app, WINDOW), &app);
}

#[test]
fn the_rare_risk_scale_matches_its_snapshot() {
    let app = app_on(Route::Page(PageId::Risks));
    let risks = Document::for_route(&support::library(), app.route()).unwrap();
    // Just the section that holds the scale, drawn as the page draws it.
    let section = risks
        .sections
        .iter()
        .find(|section| {
            section
                .parts
                .iter()
                .any(|part| matches!(part, Part::RiskScale { .. }))
        })
        .expect("the risks page has a rare-risk scale")
        .clone();
    let document = Document {
        sections: vec![section],
        ..risks
    };
    let view = needle_guide::screen::page::view(document, &app.page_state(), &Palette::STANDARD);
    check(
        "risk-scale",
        simulate_element(view, Size::new(880.0, 1100.0)),
        &app,
    );
}

fn kiosk() -> App {
    App::kiosk(
        support::editions(),
        needle_guide::app::KioskSettings {
            idle_timeout: std::time::Duration::from_secs(90),
        },
    )
}

#[test]
fn the_kiosk_welcome_screen_matches_its_snapshot() {
    let app = kiosk();
    check("kiosk-welcome", simulate(&app, WINDOW), &app);
}

#[test]
fn the_kiosk_idle_notice_matches_its_snapshot() {
    let mut app = kiosk();
    let _ = app.update(Message::StartVisit);
    // A fixed moment into the countdown, so the seconds shown never vary.
    let notice = std::time::Instant::now() + std::time::Duration::from_secs(3600);
    let _ = app.update(Message::Tick(notice));
    let _ = app.update(Message::Tick(notice + std::time::Duration::from_secs(5)));
    check("kiosk-still-reading", simulate(&app, WINDOW), &app);
}

#[test]
fn the_risks_charts_in_high_contrast_match_their_snapshot() {
    let mut app = app_on(Route::Page(PageId::Risks));
    let _ = app.update(Message::ToggleContrast);
    check(
        "risks-charts-high-contrast",
        simulate(&app, Size::new(1280.0, 1400.0)),
        &app,
    );
}
