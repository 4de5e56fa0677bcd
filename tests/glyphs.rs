//! Every character the guide shows, in both languages, is drawn by the fonts it embeds (Atkinson
//! Hyperlegible, regular and bold), so the guide never reads the machine's own fonts (a slower
//! start: src/fonts.rs) and no character falls back to a font the machine may not have, or to an
//! empty box.

mod support;

use needle_guide::document::{check_items, guide_text};
use needle_guide::fonts::{self, Fonts};

#[test]
fn every_character_is_in_the_embedded_fonts() {
    let editions = support::editions();
    let characters = fonts::characters_shown(editions.iter());
    // What is read is everything shown: both editions' pages, the check and the interface.
    for library in editions.iter() {
        let shown = guide_text(library)
            + &library.ui.next
            + &check_items(library)
                .iter()
                .map(|item| item.topic.as_str())
                .collect::<String>();
        let unread: String = shown
            .chars()
            .filter(|c| !c.is_control() && !characters.contains(c))
            .collect();
        assert!(unread.is_empty(), "not read: {unread:?}");
    }
    assert!(
        characters.contains(&'ñ') && characters.contains(&'¿'),
        "the Spanish is read"
    );
    let missing: String = fonts::not_embedded(&characters).into_iter().collect();
    assert!(
        missing.is_empty(),
        "the embedded fonts have no glyph for {missing:?} ({})",
        missing
            .chars()
            .map(|c| format!("U+{:04X}", c as u32))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert_eq!(fonts::needed(editions.iter()), Fonts::EmbeddedOnly);
}

/// A clinic that writes its name in a script the embedded fonts lack gets the machine's fonts for
/// it, rather than empty boxes.
#[test]
fn a_clinic_name_in_another_script_brings_the_machines_fonts() {
    let mut editions = support::editions().as_ref().clone();
    editions[0].clinic.name = "Clínica 东方".into();
    assert_eq!(
        fonts::needed(editions.iter()),
        Fonts::AlsoInstalled(['东', '方'].into())
    );
}
