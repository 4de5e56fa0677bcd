//! The look: colours, text sizes, spacing and touch-target sizes, and the styles built from them.
//! Every colour pair that carries text is listed in [`Palette::text_pairs`], so a test can hold
//! each one to WCAG contrast.

use iced::widget::{button, container};
use iced::{Background, Border, Color, Font, Shadow, Theme, color, font};

/// Atkinson Hyperlegible: designed for low-vision readers, and embedded so text never falls
/// back to a missing system font.
pub const FONT_NAME: &str = "Atkinson Hyperlegible";
pub const FONT: Font = Font::with_name(FONT_NAME);
pub const BOLD: Font = Font {
    weight: font::Weight::Bold,
    ..FONT
};

/// The font files, for the app and for tests.
pub const FONT_FILES: [&[u8]; 2] = [
    include_bytes!("../assets/fonts/AtkinsonHyperlegible-Regular.ttf"),
    include_bytes!("../assets/fonts/AtkinsonHyperlegible-Bold.ttf"),
];

/// Text sizes in logical pixels. Nothing a patient reads is smaller than `BODY`.
pub mod size {
    pub const BODY: f32 = 21.0;
    pub const LEAD: f32 = 25.0;
    pub const TITLE: f32 = 42.0;
    pub const HEADING: f32 = 30.0;
    pub const SUBHEADING: f32 = 24.0;
    pub const BRAND: f32 = 24.0;
}

/// Spacing and the smallest touch target.
pub mod metrics {
    pub const XS: f32 = 6.0;
    pub const S: f32 = 12.0;
    pub const M: f32 = 20.0;
    pub const L: f32 = 32.0;
    pub const XL: f32 = 48.0;
    /// The smallest height of anything a finger or mouse presses.
    pub const TARGET: f32 = 52.0;
    /// The widest a column of reading text gets, for comfortable line lengths.
    pub const READING_WIDTH: f32 = 880.0;
    pub const SIDEBAR_WIDTH: f32 = 290.0;
    pub const RADIUS: f32 = 12.0;
}

/// The colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub background: Color,
    pub surface: Color,
    pub text: Color,
    pub muted: Color,
    pub primary: Color,
    pub on_primary: Color,
    pub primary_soft: Color,
    pub border: Color,
    pub urgent: Color,
    pub on_urgent: Color,
    pub urgent_soft: Color,
    pub note_soft: Color,
    /// Shapes that stand for "nothing here", such as unaffected people in an icon array: light
    /// in every theme, so they never look like the dark, affected ones.
    pub faint: Color,
}

impl Palette {
    /// Calm and clinical: deep teal on soft grey-white, with red kept for what is urgent.
    pub const STANDARD: Palette = Palette {
        background: color!(0xf3f6f7),
        surface: color!(0xffffff),
        text: color!(0x18262f),
        muted: color!(0x45565f),
        primary: color!(0x0a5a61),
        on_primary: color!(0xffffff),
        primary_soft: color!(0xdcefee),
        border: color!(0xc5d3d8),
        urgent: color!(0xa3161b),
        on_urgent: color!(0xffffff),
        urgent_soft: color!(0xfcebea),
        note_soft: color!(0xe6f0f7),
        faint: color!(0xc5d3d8),
    };

    /// For low vision: near-black on white, deep blue and deep red, every pair at least 7:1
    /// (WCAG AAA). Shapes keep their outlines and stripes, so charts do not rely on hue.
    pub const HIGH_CONTRAST: Palette = Palette {
        background: color!(0xffffff),
        surface: color!(0xffffff),
        text: color!(0x000000),
        muted: color!(0x2b2b2b),
        primary: color!(0x00307a),
        on_primary: color!(0xffffff),
        primary_soft: color!(0xdde7f7),
        border: color!(0x4d4d4d),
        urgent: color!(0x8a0000),
        on_urgent: color!(0xffffff),
        urgent_soft: color!(0xfff0f0),
        note_soft: color!(0xf0f4fa),
        faint: color!(0xcccccc),
    };

    /// Every pair of (text colour, background colour) the styles draw, with what it is for.
    pub fn text_pairs(&self) -> Vec<(&'static str, Color, Color)> {
        vec![
            ("body text on the page", self.text, self.background),
            ("body text on cards", self.text, self.surface),
            ("secondary text on the page", self.muted, self.background),
            ("secondary text on cards", self.muted, self.surface),
            ("terms and links on cards", self.primary, self.surface),
            ("terms and links on the page", self.primary, self.background),
            ("primary buttons", self.on_primary, self.primary),
            (
                "current page in the navigation",
                self.text,
                self.primary_soft,
            ),
            ("urgent headings", self.urgent, self.urgent_soft),
            ("text in urgent boxes", self.text, self.urgent_soft),
            ("urgent buttons", self.on_urgent, self.urgent),
            ("urgent words on cards", self.urgent, self.surface),
            ("text in note boxes", self.text, self.note_soft),
            ("terms in note boxes", self.primary, self.note_soft),
        ]
    }

    /// The iced theme, so built-in widgets (scrollbars, rules) share these colours.
    pub fn theme(&self) -> Theme {
        Theme::custom(
            "Needle Guide",
            iced::theme::Palette {
                background: self.background,
                text: self.text,
                primary: self.primary,
                success: self.primary,
                warning: self.urgent,
                danger: self.urgent,
            },
        )
    }
}

/// WCAG 2 contrast ratio of two opaque colours, from 1 to 21.
pub fn contrast_ratio(a: Color, b: Color) -> f32 {
    let (lighter, darker) = {
        let (la, lb) = (relative_luminance(a), relative_luminance(b));
        if la > lb { (la, lb) } else { (lb, la) }
    };
    (lighter + 0.05) / (darker + 0.05)
}

/// WCAG 2 relative luminance of an sRGB colour.
pub fn relative_luminance(color: Color) -> f32 {
    let linear = |channel: f32| {
        if channel <= 0.04045 {
            channel / 12.92
        } else {
            ((channel + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b)
}

/// Container and button styles drawn from a palette.
pub mod style {
    use super::*;

    fn border(color: Color, width: f32) -> Border {
        Border {
            color,
            width,
            radius: metrics::RADIUS.into(),
        }
    }

    fn boxed(background: Color, text: Color, edge: Color) -> container::Style {
        container::Style {
            text_color: Some(text),
            background: Some(Background::Color(background)),
            border: border(edge, 1.0),
            ..container::Style::default()
        }
    }

    pub fn sidebar(palette: &Palette) -> container::Style {
        container::Style {
            text_color: Some(palette.text),
            background: Some(Background::Color(palette.surface)),
            border: Border {
                color: palette.border,
                width: 1.0,
                radius: 0.0.into(),
            },
            ..container::Style::default()
        }
    }

    pub fn bar(palette: &Palette) -> container::Style {
        container::Style {
            background: Some(Background::Color(palette.background)),
            ..container::Style::default()
        }
    }

    /// No shadow: tiny-skia draws a shadow past the clip of a scrolled page, a grey smear
    /// under the footer. The border sets the card apart.
    pub fn card(palette: &Palette) -> container::Style {
        boxed(palette.surface, palette.text, palette.border)
    }

    pub fn note(palette: &Palette) -> container::Style {
        boxed(palette.note_soft, palette.text, palette.note_soft)
    }

    pub fn urgent(palette: &Palette) -> container::Style {
        container::Style {
            border: Border {
                color: palette.urgent,
                width: 2.0,
                radius: metrics::RADIUS.into(),
            },
            ..boxed(palette.urgent_soft, palette.text, palette.urgent)
        }
    }

    /// The definition of a tapped term, at the foot of the page.
    pub fn term_panel(palette: &Palette) -> container::Style {
        container::Style {
            border: Border {
                color: palette.primary,
                width: 2.0,
                radius: metrics::RADIUS.into(),
            },
            ..card(palette)
        }
    }

    /// How a button looks: its role decides the colours, its status lightens or darkens them.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Role {
        /// A filled button for the main action.
        Primary,
        /// An outlined button on a card or the page.
        Secondary,
        /// An entry in the navigation bar; `current` marks the page on screen.
        Nav { current: bool, urgent: bool },
        /// A large card that opens a page.
        Choice { urgent: bool },
        /// A row in a list that opens a page.
        ListItem,
    }

    pub fn button(palette: &Palette, role: Role, status: button::Status) -> button::Style {
        let pressed_or_hovered =
            matches!(status, button::Status::Hovered | button::Status::Pressed);
        let (background, text, edge, width) = match role {
            Role::Primary => (palette.primary, palette.on_primary, palette.primary, 0.0),
            Role::Secondary => (palette.surface, palette.primary, palette.primary, 2.0),
            Role::Nav { current: true, .. } => {
                (palette.primary_soft, palette.text, palette.primary, 0.0)
            }
            Role::Nav { urgent, .. } => {
                let text = if urgent { palette.urgent } else { palette.text };
                (palette.surface, text, palette.surface, 0.0)
            }
            Role::Choice { urgent: true } => {
                (palette.urgent_soft, palette.text, palette.urgent, 2.0)
            }
            Role::Choice { urgent: false } | Role::ListItem => {
                (palette.surface, palette.text, palette.border, 1.0)
            }
        };
        // A button that does nothing now (A+ at the largest text) keeps its shape, greyed.
        let (text, edge) = if status == button::Status::Disabled {
            (
                palette.muted,
                if width > 0.0 { palette.border } else { edge },
            )
        } else {
            (text, edge)
        };
        let background = if pressed_or_hovered {
            tint(background, palette)
        } else {
            background
        };
        let edge = if pressed_or_hovered && width > 0.0 {
            palette.primary
        } else {
            edge
        };
        button::Style {
            background: Some(Background::Color(background)),
            text_color: text,
            border: border(edge, width),
            shadow: Shadow::default(),
            snap: true,
        }
    }

    /// A slightly different shade, for a pressed or hovered button (never the only cue).
    fn tint(color: Color, palette: &Palette) -> Color {
        if color == palette.primary || color == palette.urgent {
            Color {
                r: color.r * 0.85,
                g: color.g * 0.85,
                b: color.b * 0.85,
                a: 1.0,
            }
        } else if color == palette.surface {
            palette.primary_soft
        } else {
            Color {
                r: color.r * 0.96,
                g: color.g * 0.96,
                b: color.b * 0.96,
                a: 1.0,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_of_black_on_white_is_21() {
        assert!((contrast_ratio(Color::BLACK, Color::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(Color::WHITE, Color::WHITE) - 1.0).abs() < 0.001);
        // A known pair: #767676 on white is the lightest grey that passes AA, at 4.54:1.
        let grey = color!(0x767676);
        assert!((contrast_ratio(grey, Color::WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_text_colour_pair_meets_wcag_aa() {
        for (what, text, background) in Palette::STANDARD.text_pairs() {
            let ratio = contrast_ratio(text, background);
            assert!(ratio >= 4.5, "{what}: {ratio:.2}:1 is below 4.5:1");
        }
    }

    #[test]
    fn every_text_colour_pair_of_the_high_contrast_theme_meets_wcag_aaa() {
        for (what, text, background) in Palette::HIGH_CONTRAST.text_pairs() {
            let ratio = contrast_ratio(text, background);
            assert!(ratio >= 7.0, "{what}: {ratio:.2}:1 is below 7:1");
        }
    }

    #[test]
    fn hovered_and_pressed_buttons_keep_their_contrast() {
        for (palette, least) in [(Palette::STANDARD, 4.5), (Palette::HIGH_CONTRAST, 7.0)] {
            check_buttons(&palette, least);
        }
    }

    fn check_buttons(palette: &Palette, least: f32) {
        use style::Role;
        let roles = [
            Role::Primary,
            Role::Secondary,
            Role::Nav {
                current: true,
                urgent: false,
            },
            Role::Nav {
                current: false,
                urgent: true,
            },
            Role::Nav {
                current: false,
                urgent: false,
            },
            Role::Choice { urgent: true },
            Role::Choice { urgent: false },
            Role::ListItem,
        ];
        for role in roles {
            for status in [
                button::Status::Active,
                button::Status::Hovered,
                button::Status::Pressed,
            ] {
                let style = style::button(palette, role, status);
                let Some(Background::Color(background)) = style.background else {
                    panic!("{role:?} has no solid background");
                };
                let ratio = contrast_ratio(style.text_color, background);
                assert!(ratio >= least, "{role:?} {status:?}: {ratio:.2}:1");
            }
        }
    }
}
