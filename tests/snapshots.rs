//! A picture of every screen, compared pixel for pixel with the one committed in
//! `tests/snapshots/`. To accept a change on purpose, delete the old PNG and run the tests: a new
//! one is written (except under CI, where a missing snapshot fails). Look at it before committing.

mod support;

use std::path::{Path, PathBuf};

use needle_guide::route::{PageId, Route};
use support::{WINDOW, app_on, simulate};

fn check_snapshot(route: Route) {
    let app = app_on(route.clone());
    let name = route.to_string().replace('/', "_");
    let path = Path::new("tests/snapshots").join(&name);
    let committed = PathBuf::from(format!("tests/snapshots/{name}-tiny-skia.png"));
    assert!(
        committed.exists() || std::env::var_os("CI").is_none(),
        "{} is missing: run the tests locally, look at the new PNG and commit it",
        committed.display()
    );

    let mut ui = simulate(&app, WINDOW);
    let snapshot = ui.snapshot(&app.theme()).expect("the screen renders");
    if !snapshot
        .matches_image(&path)
        .expect("the snapshot can be read or written")
    {
        // Keep what was drawn, so the difference can be looked at.
        let actual = Path::new(env!("CARGO_TARGET_TMPDIR")).join(&name);
        let _ = std::fs::remove_file(actual.with_file_name(format!("{name}-tiny-skia.png")));
        let _ = snapshot.matches_image(&actual);
        panic!(
            "{route} looks different from {}; what was drawn is in {}",
            committed.display(),
            actual.display()
        );
    }
}

#[test]
fn every_page_matches_its_snapshot() {
    for page in PageId::ALL {
        check_snapshot(Route::Page(page));
    }
}

#[test]
fn a_condition_page_matches_its_snapshot() {
    check_snapshot(Route::Condition("lateral-epicondylitis".into()));
}
