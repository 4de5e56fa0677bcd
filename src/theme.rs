//! The look: colours, text sizes, spacing and touch-target sizes; the styles built from them are
//! in [`style`].
//! Every colour pair that carries text is listed in [`Palette::text_pairs`], so a test can hold
//! each one to WCAG contrast.

pub mod style;
pub mod typography;

use iced::{Color, Font, Theme, font};

use crate::colors::{self, Colors, Rgb};

/// Atkinson Hyperlegible: designed for low-vision readers, and embedded so text never falls
/// back to a missing system font.
pub const FONT_NAME: &str = crate::typeface::NAME;
pub const FONT: Font = Font::with_name(FONT_NAME);
pub const BOLD: Font = Font {
    weight: font::Weight::Bold,
    ..FONT
};

/// The font files, for the app and for tests.
pub const FONT_FILES: [&[u8]; 2] = crate::typeface::FILES;

/// Text sizes in logical pixels. Nothing a patient reads is smaller than `BODY`.
pub mod size {
    pub const BODY: f32 = 21.0;
    pub const LEAD: f32 = 25.0;
    pub const TITLE: f32 = 42.0;
    /// A page's title where room is short (large text, a page of buttons): still larger than
    /// any heading on the page.
    pub const SHORT_TITLE: f32 = 36.0;
    pub const HEADING: f32 = 30.0;
    /// A section's heading beside [`SHORT_TITLE`]: the title stays a third larger.
    pub const SHORT_HEADING: f32 = 26.0;
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
    /// The most home's topic tiles spread across: three to a row on a 1024-wide layout.
    pub const WIDE_WIDTH: f32 = 1200.0;
    pub const SIDEBAR_WIDTH: f32 = 290.0;
    /// Below this layout width the layout is compact: the page list gives its room to the page,
    /// and the bars and the page keep less space at their sides.
    pub const COMPACT_WIDTH: f32 = 900.0;
    pub const RADIUS: f32 = 12.0;
}

/// The colours of one theme, as iced draws them ([`Colors`] names what each is for).
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
    pub faint: Color,
    /// The colours it was made from, by what they are for.
    colors: Colors,
}

impl Palette {
    /// Calm and clinical: deep teal on soft grey-white, with red kept for what is urgent.
    pub const STANDARD: Palette = Palette::from_colors(Colors::STANDARD);

    /// For low vision: every text pair at least 7:1 (WCAG AAA).
    pub const HIGH_CONTRAST: Palette = Palette::from_colors(Colors::HIGH_CONTRAST);

    const fn from_colors(colors: Colors) -> Palette {
        const fn color(rgb: Rgb) -> Color {
            Color::from_rgb8(rgb.r, rgb.g, rgb.b)
        }
        Palette {
            background: color(colors.background),
            surface: color(colors.surface),
            text: color(colors.text),
            muted: color(colors.muted),
            primary: color(colors.primary),
            on_primary: color(colors.on_primary),
            primary_soft: color(colors.primary_soft),
            border: color(colors.border),
            urgent: color(colors.urgent),
            on_urgent: color(colors.on_urgent),
            urgent_soft: color(colors.urgent_soft),
            note_soft: color(colors.note_soft),
            faint: color(colors.faint),
            colors,
        }
    }

    /// The colour a symbol's part takes in this theme (as [`Colors::tone`] on paper).
    pub fn tone(&self, tone: crate::colors::Tone) -> Color {
        let rgb = self.colors.tone(tone);
        Color::from_rgb8(rgb.r, rgb.g, rgb.b)
    }

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

    /// Every pair of (line or shape, what it is drawn on) that says a control is there: at
    /// least 3:1 (WCAG 1.4.11). The style functions draw them with these fields.
    pub fn non_text_pairs(&self) -> Vec<(&'static str, Color, Color)> {
        vec![
            (
                "tile and list-row edges on the page",
                self.faint,
                self.background,
            ),
            ("tile and list-row edges on cards", self.faint, self.surface),
            ("the scrollbar's thumb", self.faint, self.background),
            ("a dialog's empty tick boxes", self.faint, self.surface),
            ("a waiting button's edge", self.faint, self.surface),
            ("outlined buttons' edges", self.primary, self.surface),
            ("the check's empty tick boxes", self.primary, self.surface),
            ("the urgent tile's edge", self.urgent, self.urgent_soft),
        ]
    }

    /// Every theme the app offers.
    pub const ALL: [Palette; 2] = [Palette::STANDARD, Palette::HIGH_CONTRAST];

    /// The colours iced's own widgets (scrollbars, text boxes) take from the theme.
    fn base(&self) -> iced::theme::Palette {
        iced::theme::Palette {
            background: self.background,
            text: self.text,
            primary: self.primary,
            success: self.primary,
            warning: self.urgent,
            danger: self.urgent,
        }
    }

    /// The iced theme the app is drawn with; [`Palette::of`] finds these colours in it again.
    pub fn theme(&self) -> Theme {
        let name = if *self == Palette::HIGH_CONTRAST {
            "Needle Guide, high contrast"
        } else {
            "Needle Guide"
        };
        Theme::custom(name, self.base())
    }

    /// The palette a theme was made from: the style functions and drawings read their colours
    /// here. A theme the app did not make gets the standard colours.
    pub fn of(theme: &Theme) -> Palette {
        let base = theme.palette();
        Palette::ALL
            .into_iter()
            .find(|palette| palette.base() == base)
            .unwrap_or(Palette::STANDARD)
    }
}

/// WCAG 2 contrast ratio of two opaque colours, from 1 to 21.
pub fn contrast_ratio(a: Color, b: Color) -> f32 {
    colors::contrast_ratio([a.r, a.g, a.b], [b.r, b.g, b.b])
}

/// WCAG 2 relative luminance of an sRGB colour.
pub fn relative_luminance(color: Color) -> f32 {
    colors::relative_luminance([color.r, color.g, color.b])
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn every_control_edge_can_be_seen_in_both_themes() {
        for palette in Palette::ALL {
            for (what, line, under) in palette.non_text_pairs() {
                let ratio = contrast_ratio(line, under);
                assert!(ratio >= 3.0, "{what}: {ratio:.2}:1 is below 3:1");
            }
        }
        // The styles draw them so: a resting tile's edge, a scrollbar's thumb, a dialog's box.
        use iced::widget::{button, checkbox, scrollable};
        let theme = Palette::STANDARD.theme();
        let tile = style::button_in(
            &Palette::STANDARD,
            style::Role::Choice { urgent: false },
            button::Status::Active,
        );
        assert_eq!(tile.border.color, Palette::STANDARD.faint);
        let resting = scrollable::Status::Active {
            is_horizontal_scrollbar_disabled: true,
            is_vertical_scrollbar_disabled: false,
        };
        let thumb = style::scrollbar(&theme, resting)
            .vertical_rail
            .scroller
            .background;
        assert_eq!(thumb, iced::Background::Color(Palette::STANDARD.faint));
        let empty = style::checkbox(&theme, checkbox::Status::Active { is_checked: false });
        assert_eq!(empty.border.color, Palette::STANDARD.faint);
    }

    #[test]
    fn the_empty_icons_can_be_seen_in_both_themes() {
        for palette in Palette::ALL {
            for background in [palette.surface, palette.background] {
                let ratio = contrast_ratio(palette.faint, background);
                assert!(ratio >= 3.0, "{ratio:.2}:1 is below the 3:1 of WCAG 1.4.11");
            }
            // Still lighter than what is filled in, so the two never look alike.
            assert!(relative_luminance(palette.faint) > relative_luminance(palette.primary));
        }
    }

    #[test]
    fn hovered_and_pressed_buttons_keep_their_contrast() {
        for (palette, least) in [(Palette::STANDARD, 4.5), (Palette::HIGH_CONTRAST, 7.0)] {
            check_buttons(&palette, least);
        }
    }

    #[test]
    fn only_the_current_or_pointed_at_nav_entry_draws_a_box() {
        use iced::widget::button;
        use style::Role;
        for palette in Palette::ALL {
            let resting = Role::Nav {
                current: false,
                urgent: false,
            };
            let style = |role, status| style::button_in(&palette, role, status).background;
            assert_eq!(style(resting, button::Status::Active), None);
            assert!(style(resting, button::Status::Hovered).is_some());
            assert!(style(resting, button::Status::Pressed).is_some());
            let current = Role::Nav {
                current: true,
                urgent: false,
            };
            assert!(style(current, button::Status::Active).is_some());
            assert!(style(Role::ListItem, button::Status::Active).is_some());
        }
    }

    #[test]
    fn each_theme_gives_back_its_own_palette() {
        for palette in Palette::ALL {
            assert_eq!(Palette::of(&palette.theme()), palette);
        }
        assert_ne!(Palette::STANDARD.base(), Palette::HIGH_CONTRAST.base());
    }

    fn check_buttons(palette: &Palette, least: f32) {
        use iced::Background;
        use iced::widget::button;
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
                button::Status::Disabled,
            ] {
                let style = style::button_in(palette, role, status);
                let background = match style.background {
                    Some(Background::Color(background)) => background,
                    // A resting entry of the navigation bar shows the sidebar under it.
                    None if matches!(role, Role::Nav { current: false, .. })
                        && matches!(status, button::Status::Active | button::Status::Disabled) =>
                    {
                        palette.surface
                    }
                    other => panic!("{role:?} {status:?} has no solid background: {other:?}"),
                };
                let ratio = contrast_ratio(style.text_color, background);
                assert!(ratio >= least, "{role:?} {status:?}: {ratio:.2}:1");
            }
        }
    }
}
