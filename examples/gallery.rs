//! Pictures of screens, for looking at them as a patient or a therapist would, drawn as the tests
//! draw them (tiny-skia, at twice the layout's size). Not a test: it writes PNGs.
//!
//! ```text
//! cargo run --example gallery -- [OUT_DIR]      (default target/gallery)
//! ```
//!
//! It draws the kiosk's home on a 1280×800 and a 1920×1080 screen, at 100% and 200% text, in
//! English and Spanish, in both themes; and the consult room's home and a long page, and
//! presenting, at the same sizes; the teach-back check at each step; and the handout with the
//! longest discussion summary, as HTML.

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::PathBuf;

use iced::Size;
use needle_guide::route::{PageId, Route};
use support::screens::{Mode, Setup, logical};

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/gallery".to_owned()),
    );
    std::fs::create_dir_all(&out).expect("the gallery folder can be made");
    let screens = [Size::new(1280.0, 800.0), Size::new(1920.0, 1080.0)];
    let mut setups = Vec::new();
    for screen in screens {
        for locale in ["en", "es"] {
            for larger in [0, 4] {
                for mode in [Mode::Kiosk, Mode::Consult, Mode::Present] {
                    setups.push(Setup::new(mode, locale, screen).larger(larger));
                }
                setups.push(
                    Setup::new(Mode::Kiosk, locale, screen)
                        .larger(larger)
                        .high_contrast(),
                );
                setups.push(
                    Setup::new(Mode::Consult, locale, screen)
                        .larger(larger)
                        .on(Route::Page(PageId::RISKS)),
                );
            }
        }
    }
    setups.extend(teach_back_setups());
    // The handout with the longest discussion summary, to open and print.
    for library in support::editions().iter() {
        let options = needle_guide::handout::HandoutOptions {
            discussion: Some(support::longest_discussion(library)),
            ..Default::default()
        };
        let path = out.join(format!("handout-discussion-{}.pdf", library.locale));
        let printed = needle_guide::handout::print(library, &options).expect("the handout is made");
        std::fs::write(&path, printed.pdf).expect("the handout can be written");
        println!("{}", path.display());
    }
    for setup in setups {
        let app = setup.app();
        let name = setup.name(&app);
        let mut ui = support::simulate(&app, logical(&app));
        let snapshot = ui.snapshot(&app.theme()).expect("the screen draws");
        let path = out.join(&name);
        let _ = std::fs::remove_file(out.join(format!("{name}-tiny-skia.png")));
        snapshot
            .matches_image(&path)
            .expect("the picture can be written");
        println!("{}", out.join(format!("{name}-tiny-skia.png")).display());
    }
}

/// The teach-back check: its start, a question with choices picked, an answer explained, and the
/// summary, in the consult room and at the kiosk.
fn teach_back_setups() -> Vec<Setup> {
    use needle_guide::app::Message;
    use needle_guide::screen::reader::{self, teach_back::Message as Check};
    let check = |message: Check| Message::Reader(reader::Message::TeachBack(message));
    let screen = Size::new(1280.0, 800.0);
    let page = Route::Page(PageId::TEACH_BACK);
    // Question 3 (the warning signs): two signs picked.
    let picking = vec![
        check(Check::Next),
        check(Check::NotSure),
        check(Check::Next),
        check(Check::Pick(1)),
        check(Check::Next),
        check(Check::Pick(0)),
        check(Check::Pick(2)),
    ];
    let mut explained = picking.clone();
    explained.push(check(Check::Done));
    let mut summary = explained.clone();
    summary.extend([
        check(Check::Next),
        check(Check::Pick(1)),
        check(Check::Next),
        check(Check::Pick(0)),
        check(Check::Pick(1)),
        check(Check::Done),
        check(Check::Next),
        check(Check::Pick(1)),
        check(Check::Next),
        check(Check::Tick(0)),
        check(Check::Tick(5)),
        check(Check::Next),
        check(Check::Sure(0, true)),
        check(Check::Sure(1, true)),
        check(Check::Sure(2, false)),
        check(Check::Sure(3, true)),
        check(Check::Finish),
    ]);
    let mut setups = Vec::new();
    for locale in ["en", "es"] {
        for mode in [Mode::Consult, Mode::Kiosk] {
            let on = || Setup::new(mode, locale, screen).on(page.clone());
            setups.push(on());
            setups.push(on().doing("picking", picking.clone()));
            setups.push(on().doing("explained", explained.clone()));
            setups.push(on().doing("summary", summary.clone()));
        }
    }
    setups
}
