//! Pictures of screens, for looking at them as a patient or a therapist would, drawn as the tests
//! draw them (tiny-skia, at twice the layout's size). Not a test: it writes PNGs.
//!
//! ```text
//! cargo run --example gallery -- [OUT_DIR]      (default target/gallery)
//! ```
//!
//! It draws the kiosk's home on a 1280×800 and a 1920×1080 screen, at 100% and 200% text, in
//! English and Spanish, in both themes; and the consult room's home and a long page, and
//! presenting, at the same sizes.

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
                        .on(Route::Page(PageId::Risks)),
                );
            }
        }
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
