//! The guide's typeface as the handout measures it: each letter's width, read from the font file
//! itself, and whether the font has a letter at all.

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

use crate::typeface;

/// A font's widths, read from the file itself.
pub struct Face {
    font: FontRef<'static>,
    metrics: GlyphMetrics<'static>,
}

impl Face {
    pub fn new(data: &'static [u8]) -> Face {
        let font = FontRef::new(data).expect("the built-in font reads");
        let metrics = font.glyph_metrics(Size::new(1.0), LocationRef::default());
        Face { font, metrics }
    }

    /// Whether the font can draw every character of `text`.
    pub fn covers(&self, text: &str) -> bool {
        let charmap = self.font.charmap();
        text.chars()
            .all(|c| c.is_whitespace() || charmap.map(c).is_some())
    }

    /// How wide `text` is at `size` points (kerning aside, which only narrows it).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let charmap = self.font.charmap();
        text.chars()
            .map(|c| {
                let glyph = charmap.map(c).unwrap_or_default();
                self.metrics.advance_width(glyph).unwrap_or(0.5)
            })
            .sum::<f32>()
            * size
    }
}

/// The regular and bold faces.
pub struct Faces {
    pub regular: Face,
    pub bold: Face,
}

impl Faces {
    pub fn new() -> Faces {
        Faces {
            regular: Face::new(typeface::REGULAR),
            bold: Face::new(typeface::BOLD),
        }
    }

    fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.face(bold).width(text, size)
    }
}

impl Default for Faces {
    fn default() -> Faces {
        Faces::new()
    }
}
