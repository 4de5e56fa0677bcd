//! The guide starts its text system without reading the machine's fonts when its own draw
//! everything (src/fonts.rs). Alone in its file: the text system is made once per process, and
//! starting it changes the environment for a moment, which no other test thread may be reading.
#![cfg(target_os = "linux")]

use std::path::PathBuf;

use iced::advanced::graphics::text::cosmic_text::fontdb;
use iced::advanced::graphics::text::font_system;
use needle_guide::fonts::{self, Fonts};
use needle_guide::theme::FONT_FILES;

/// A machine with one font installed, in a folder of its own that a fontconfig file names.
fn a_machine_with_a_font() -> PathBuf {
    let folder =
        std::env::temp_dir().join(format!("needle-guide-fonts-test-{}", std::process::id()));
    let fonts = folder.join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    std::fs::write(fonts.join("Installed.ttf"), FONT_FILES[0]).unwrap();
    let config = folder.join("fonts.conf");
    std::fs::write(
        &config,
        format!(
            "<?xml version=\"1.0\"?>\n<fontconfig><dir>{}</dir></fontconfig>\n",
            fonts.display()
        ),
    )
    .unwrap();
    config
}

#[test]
fn the_text_system_reads_no_installed_font_when_the_embedded_ones_do() {
    let config = a_machine_with_a_font();
    // SAFETY: the only test in this process, and nothing else has started a thread yet.
    unsafe { std::env::set_var("FONTCONFIG_FILE", &config) };
    let mut installed = fontdb::Database::new();
    installed.load_system_fonts();
    assert_eq!(
        installed.len(),
        1,
        "the machine's font is found as iced would find it"
    );

    fonts::start_text_system(&Fonts::EmbeddedOnly);

    let mut system = font_system().write().unwrap();
    let from_files: Vec<_> = system
        .raw()
        .db()
        .faces()
        .filter(|face| !matches!(face.source, fontdb::Source::Binary(_)))
        .map(|face| format!("{:?}", face.source))
        .collect();
    assert!(
        from_files.is_empty(),
        "read installed fonts: {from_files:?}"
    );
    assert!(
        !system.raw().db().is_empty(),
        "iced's own icon font is there"
    );
    assert_eq!(
        std::env::var_os("FONTCONFIG_FILE").as_deref(),
        Some(config.as_os_str()),
        "the environment is as it was, for the programs the guide starts"
    );
    let leftovers: Vec<_> = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with(&format!("needle-guide-{}-", std::process::id()))
        })
        .collect();
    assert!(leftovers.is_empty(), "no file is left behind");
    let _ = std::fs::remove_dir_all(config.parent().unwrap());
}
