//! The guide's colours, written once: the window's two themes and the printed handout take them
//! from here, and the contrast they must keep is measured here.

/// Which of a theme's colours a symbol's disc or ink takes, so that each theme and the paper
/// give it their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Primary,
    PrimarySoft,
    OnPrimary,
    Urgent,
    OnUrgent,
    Faint,
}

/// An opaque sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Rgb {
    /// The colour written as `0xRRGGBB`.
    pub const fn hex(value: u32) -> Rgb {
        Rgb {
            r: (value >> 16) as u8,
            g: (value >> 8) as u8,
            b: value as u8,
        }
    }

    pub const WHITE: Rgb = Rgb::hex(0xffffff);

    /// The colour as CSS writes it: `#0a5a61`.
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// Its channels from 0 to 1.
    pub fn channels(self) -> [f32; 3] {
        [self.r, self.g, self.b].map(|channel| f32::from(channel) / 255.0)
    }
}

/// The colours of one theme, by what they are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colors {
    pub background: Rgb,
    pub surface: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub primary: Rgb,
    pub on_primary: Rgb,
    pub primary_soft: Rgb,
    pub border: Rgb,
    pub urgent: Rgb,
    pub on_urgent: Rgb,
    pub urgent_soft: Rgb,
    pub note_soft: Rgb,
    /// The outline of shapes that stand for "nothing here", such as the empty icons of an icon
    /// array: lighter than the filled ones, but at least 3:1 on the card (WCAG 1.4.11), so they
    /// can still be counted.
    pub faint: Rgb,
}

impl Colors {
    /// The colour a symbol's part takes in this theme.
    pub const fn tone(&self, tone: Tone) -> Rgb {
        match tone {
            Tone::Primary => self.primary,
            Tone::PrimarySoft => self.primary_soft,
            Tone::OnPrimary => self.on_primary,
            Tone::Urgent => self.urgent,
            Tone::OnUrgent => self.on_urgent,
            Tone::Faint => self.faint,
        }
    }

    /// Calm and clinical: deep teal on soft grey-white, with red kept for what is urgent. The
    /// handout is printed in these.
    pub const STANDARD: Colors = Colors {
        background: Rgb::hex(0xf3f6f7),
        surface: Rgb::hex(0xffffff),
        text: Rgb::hex(0x18262f),
        muted: Rgb::hex(0x45565f),
        primary: Rgb::hex(0x0a5a61),
        on_primary: Rgb::hex(0xffffff),
        primary_soft: Rgb::hex(0xdcefee),
        border: Rgb::hex(0xc5d3d8),
        urgent: Rgb::hex(0xa3161b),
        on_urgent: Rgb::hex(0xffffff),
        urgent_soft: Rgb::hex(0xfcebea),
        note_soft: Rgb::hex(0xe6f0f7),
        faint: Rgb::hex(0x7d8d95),
    };

    /// For low vision: near-black on white, deep blue and deep red, every pair at least 7:1
    /// (WCAG AAA). Shapes keep their outlines and stripes, so charts do not rely on hue.
    pub const HIGH_CONTRAST: Colors = Colors {
        background: Rgb::hex(0xffffff),
        surface: Rgb::hex(0xffffff),
        text: Rgb::hex(0x000000),
        muted: Rgb::hex(0x2b2b2b),
        primary: Rgb::hex(0x00307a),
        on_primary: Rgb::hex(0xffffff),
        primary_soft: Rgb::hex(0xdde7f7),
        border: Rgb::hex(0x4d4d4d),
        urgent: Rgb::hex(0x8a0000),
        on_urgent: Rgb::hex(0xffffff),
        urgent_soft: Rgb::hex(0xfff0f0),
        note_soft: Rgb::hex(0xf0f4fa),
        faint: Rgb::hex(0x6e6e6e),
    };
}

/// WCAG 2 contrast ratio of two opaque colours given as channels from 0 to 1: from 1 to 21.
pub fn contrast_ratio(a: [f32; 3], b: [f32; 3]) -> f32 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (lighter, darker) = if la > lb { (la, lb) } else { (lb, la) };
    (lighter + 0.05) / (darker + 0.05)
}

/// WCAG 2 relative luminance of an sRGB colour given as channels from 0 to 1.
pub fn relative_luminance([r, g, b]: [f32; 3]) -> f32 {
    let linear = |channel: f32| {
        if channel <= 0.04045 {
            channel / 12.92
        } else {
            ((channel + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colour_reads_and_writes_as_hex() {
        let teal = Rgb::hex(0x0a5a61);
        assert_eq!((teal.r, teal.g, teal.b), (0x0a, 0x5a, 0x61));
        assert_eq!(teal.css(), "#0a5a61");
        assert_eq!(Rgb::WHITE.channels(), [1.0; 3]);
    }

    #[test]
    fn contrast_of_black_on_white_is_21_and_a_known_grey_is_4_54() {
        let black = Rgb::hex(0).channels();
        let white = Rgb::WHITE.channels();
        assert!((contrast_ratio(black, white) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 0.001);
        // #767676 on white is the lightest grey that passes AA.
        let grey = Rgb::hex(0x767676).channels();
        assert!((contrast_ratio(grey, white) - 4.54).abs() < 0.01);
    }
}
