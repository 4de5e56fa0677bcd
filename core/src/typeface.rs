//! The guide's typeface, Atkinson Hyperlegible, designed for low-vision readers: the window draws
//! with it and the handout embeds it, so text never falls back to whatever a machine has.

/// The name the font files give their family.
pub const NAME: &str = "Atkinson Hyperlegible";

pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/AtkinsonHyperlegible-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/AtkinsonHyperlegible-Bold.ttf");

/// Both files, regular first.
pub const FILES: [&[u8]; 2] = [REGULAR, BOLD];
