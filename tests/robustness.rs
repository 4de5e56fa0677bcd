//! Random bytes and random damage to the real content files never crash the guide: the loader
//! returns a library or a list of problems, every time, and a library it returns can be shown,
//! printed and made into a handout.

mod support;

use std::borrow::Cow;
use std::sync::Arc;

use needle_guide::app::App;
use needle_guide::content::route::{PageId, Route};
use needle_guide::content::{self, File, Library};
use needle_guide::document::{Document, guide_text};
use needle_guide::handout::{self, HandoutOptions};
use support::damage::damage;
use support::seeded::Random;

fn load_with(locale: &str, file: &str, bytes: &[u8]) -> Result<Library, content::Problems> {
    Library::load(locale, |path| {
        if path == file {
            Some(Cow::Owned(bytes.to_vec()))
        } else {
            std::fs::read(format!("content/{path}"))
                .ok()
                .map(Cow::Owned)
        }
    })
}

#[test]
fn damaged_real_files_give_problems_or_a_library_never_a_panic() {
    let mut random = Random::new(0x5eed_1234_abcd_ef01);
    let (mut failures, mut loaded) = (0, 0);
    for round in 0..600 {
        let locale = content::LOCALES[round % content::LOCALES.len()];
        let files = content::files::of_locale(locale);
        let file = &files[random.below(files.len())];
        let mut bytes = std::fs::read(format!("content/{file}")).unwrap();
        for _ in 0..=random.below(3) {
            damage(&mut bytes, &mut random);
        }
        match load_with(locale, file, &bytes) {
            Ok(library) => {
                loaded += 1;
                show_everything(library, file);
            }
            Err(problems) => {
                failures += 1;
                assert!(!problems.0.is_empty());
                for problem in &problems.0 {
                    assert!(!problem.message.is_empty());
                    assert!(problem.file.ends_with(".ron"), "{problem}");
                }
            }
        }
    }
    assert!(
        failures > 100,
        "the damage was too gentle to test anything: {failures} failures"
    );
    assert!(
        loaded > 50,
        "too few damaged files still loaded to test showing them: {loaded}"
    );
}

/// Everything the guide does with a library: every screen's words, the text of the whole guide,
/// the handout with every condition, and the window laid out on Home and on the page whose file
/// was damaged (or the risks page).
fn show_everything(library: Library, damaged: &str) {
    let conditions: Vec<Route> = library
        .conditions()
        .map(|(_, condition)| Route::Condition(condition.id.as_str().into()))
        .collect();
    for route in PageId::ALL.into_iter().map(Route::Page).chain(conditions) {
        let document = Document::for_route(&library, &route)
            .unwrap_or_else(|| panic!("{route} has no document after damage to {damaged}"));
        let _ = document.plain_text();
    }
    assert!(!guide_text(&library).trim().is_empty());
    let every_condition = HandoutOptions {
        conditions: library
            .conditions()
            .map(|(_, condition)| condition.id.as_str().into())
            .collect(),
        ..HandoutOptions::default()
    };
    assert!(handout::html(&library, &every_condition).contains("</html>"));

    let page = PageId::ALL
        .into_iter()
        .find(|page| File::Page(*page).path(&library.locale) == damaged)
        .unwrap_or(PageId::Risks);
    let editions = Arc::new(vec![library]);
    for route in [Route::HOME, Route::Page(page)] {
        let app = App::new(editions.clone(), route);
        drop(support::simulate(&app, support::WINDOW));
    }
}

#[test]
fn random_bytes_in_any_file_give_problems_never_a_panic() {
    let mut random = Random::new(42);
    for round in 0..300 {
        let files = content::files::of_locale("en");
        let file = &files[round % files.len()];
        let bytes: Vec<u8> = (0..random.below(400))
            .map(|_| random.next() as u8)
            .collect();
        let problems = load_with("en", file, &bytes).expect_err("random bytes are not content");
        assert!(
            problems.0.iter().any(|problem| &problem.file == file),
            "{problems}"
        );
    }
}
