//! Every character the guide shows, in both languages, is drawn by the fonts it embeds (Atkinson
//! Hyperlegible, regular and bold), so no machine's own fonts are needed and no character falls
//! back to a font the machine may not have, or to an empty box.

mod support;

use std::collections::BTreeSet;

use needle_guide::document::{check_items, guide_text, questions_to_ask};
use needle_guide::theme::FONT_FILES;

/// Every character of the guide's text, its interface words, the check and the marks the code
/// draws itself (arrows, bullets, the A− of text size).
fn characters() -> BTreeSet<char> {
    let mut text = String::from("‹›•−+ ");
    for library in support::editions().iter() {
        text.push_str(&guide_text(library));
        // The interface's words, as its file holds them: a generous superset.
        text.push_str(&format!("{:?}", library.ui));
        for item in check_items(library) {
            text.push_str(&item.topic);
        }
        text.push_str(&questions_to_ask(library).join(" "));
    }
    text.chars().filter(|c| !c.is_control()).collect()
}

#[test]
fn every_character_is_in_the_embedded_fonts() {
    let characters = characters();
    assert!(
        characters.contains(&'ñ') && characters.contains(&'¿'),
        "the Spanish is read"
    );
    for (file, bytes) in ["regular", "bold"].into_iter().zip(FONT_FILES) {
        let face = ttf_parser::Face::parse(bytes, 0).expect("an embedded font parses");
        let missing: String = characters
            .iter()
            .filter(|c| face.glyph_index(**c).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "the {file} font has no glyph for {missing:?} ({})",
            missing
                .chars()
                .map(|c| format!("U+{:04X}", c as u32))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}
