//! Style functions of the theme: each takes the iced [`Theme`] the app is drawn with and finds
//! its [`Palette`] there, so views name a style (`.style(style::card)`) and never carry colours.

use iced::widget::{
    button as iced_button, checkbox as iced_checkbox, container, scrollable, text,
    text_input as iced_text_input,
};
use iced::{Background, Border, Color, Shadow, Theme};

use super::{Palette, metrics};

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

pub fn sidebar(theme: &Theme) -> container::Style {
    let palette = Palette::of(theme);
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

pub fn bar(theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Palette::of(theme).background)),
        ..container::Style::default()
    }
}

/// The passage being read aloud: a band of the primary colour down its side, on a light tint.
pub fn reading(theme: &Theme) -> container::Style {
    let palette = Palette::of(theme);
    container::Style {
        background: Some(Background::Color(palette.surface)),
        border: Border {
            color: palette.primary,
            width: 3.0,
            radius: metrics::RADIUS.into(),
        },
        ..container::Style::default()
    }
}

/// The page fading into its background at the foot of the screen, under "More below".
pub fn fade(theme: &Theme) -> container::Style {
    let background = Palette::of(theme).background;
    let gradient = iced::gradient::Linear::new(iced::Radians(std::f32::consts::PI))
        .add_stop(
            0.0,
            Color {
                a: 0.0,
                ..background
            },
        )
        .add_stop(0.6, background);
    container::Style {
        background: Some(Background::Gradient(gradient.into())),
        ..container::Style::default()
    }
}

/// No shadow: tiny-skia draws a shadow past the clip of a scrolled page, a grey smear
/// under the footer. The border sets the card apart.
pub fn card(theme: &Theme) -> container::Style {
    let palette = Palette::of(theme);
    boxed(palette.surface, palette.text, palette.border)
}

pub fn note(theme: &Theme) -> container::Style {
    let palette = Palette::of(theme);
    boxed(palette.note_soft, palette.text, palette.note_soft)
}

pub fn urgent(theme: &Theme) -> container::Style {
    let palette = Palette::of(theme);
    container::Style {
        border: Border {
            color: palette.urgent,
            width: 2.0,
            radius: metrics::RADIUS.into(),
        },
        ..boxed(palette.urgent_soft, palette.text, palette.urgent)
    }
}

/// A card raised over the page: a tapped term's meaning, or a dialog.
pub fn raised(theme: &Theme) -> container::Style {
    let palette = Palette::of(theme);
    container::Style {
        border: Border {
            color: palette.primary,
            width: 2.0,
            radius: metrics::RADIUS.into(),
        },
        ..card(theme)
    }
}

/// The parts of a bar of answers in the staff's counts: right, wrong, not sure, and none yet.
pub fn share_right(theme: &Theme) -> container::Style {
    filled(Palette::of(theme).primary)
}

pub fn share_wrong(theme: &Theme) -> container::Style {
    filled(Palette::of(theme).urgent)
}

pub fn share_unsure(theme: &Theme) -> container::Style {
    filled(Palette::of(theme).muted)
}

pub fn share_none(theme: &Theme) -> container::Style {
    let palette = Palette::of(theme);
    boxed(palette.surface, palette.text, palette.border)
}

fn filled(color: Color) -> container::Style {
    container::Style {
        background: Some(Background::Color(color)),
        ..container::Style::default()
    }
}

/// The dimmed page under a dialog.
pub fn backdrop(theme: &Theme) -> container::Style {
    container::Style {
        background: Some(
            Color {
                a: 0.45,
                ..Palette::of(theme).text
            }
            .into(),
        ),
        ..container::Style::default()
    }
}

/// The bar that marks the current page in the page list; nothing on the others.
pub fn marker(current: bool) -> impl Fn(&Theme) -> container::Style {
    move |theme| container::Style {
        background: current.then(|| Palette::of(theme).primary.into()),
        border: Border {
            radius: 3.0.into(),
            ..Border::default()
        },
        ..container::Style::default()
    }
}

/// A scrollbar whose thumb can be seen, at 3:1 on the page (WCAG 1.4.11); the primary colour
/// while it is pointed at or dragged.
pub fn scrollbar(theme: &Theme, status: scrollable::Status) -> scrollable::Style {
    use scrollable::Status;
    let palette = Palette::of(theme);
    let (vertical, horizontal) = match status {
        Status::Active { .. } => (false, false),
        Status::Hovered {
            is_vertical_scrollbar_hovered: vertical,
            is_horizontal_scrollbar_hovered: horizontal,
            ..
        }
        | Status::Dragged {
            is_vertical_scrollbar_dragged: vertical,
            is_horizontal_scrollbar_dragged: horizontal,
            ..
        } => (vertical, horizontal),
    };
    let thumb = |held: bool| if held { palette.primary } else { palette.faint };
    let mut style = scrollable::default(theme, status);
    style.vertical_rail.scroller.background = thumb(vertical).into();
    style.horizontal_rail.scroller.background = thumb(horizontal).into();
    style
}

/// A box to tick in a dialog: its edge at 3:1 on the card, filled in the primary colour when
/// ticked.
pub fn checkbox(theme: &Theme, status: iced_checkbox::Status) -> iced_checkbox::Style {
    let palette = Palette::of(theme);
    let ticked = match status {
        iced_checkbox::Status::Active { is_checked }
        | iced_checkbox::Status::Hovered { is_checked }
        | iced_checkbox::Status::Disabled { is_checked } => is_checked,
    };
    let (background, edge) = if ticked {
        (palette.primary, palette.primary)
    } else {
        (palette.surface, palette.faint)
    };
    iced_checkbox::Style {
        background: background.into(),
        icon_color: palette.on_primary,
        border: Border {
            color: edge,
            width: 2.0,
            radius: 4.0.into(),
        },
        text_color: Some(palette.text),
    }
}

/// A box to type in: its edge at 3:1 on the card, in the primary colour while it has the cursor.
pub fn text_input(theme: &Theme, status: iced_text_input::Status) -> iced_text_input::Style {
    let palette = Palette::of(theme);
    let mut style = iced_text_input::default(theme, status);
    style.background = palette.surface.into();
    style.border = Border {
        color: match status {
            iced_text_input::Status::Focused { .. } => palette.primary,
            _ => palette.faint,
        },
        width: 2.0,
        radius: 4.0.into(),
    };
    style.value = palette.text;
    style.placeholder = palette.muted;
    style
}

/// An empty box to tick.
pub fn tick_box(theme: &Theme) -> container::Style {
    let palette = Palette::of(theme);
    container::Style {
        border: Border {
            color: palette.primary,
            width: 3.0,
            radius: 4.0.into(),
        },
        background: Some(palette.surface.into()),
        ..container::Style::default()
    }
}

/// A number in a filled circle.
pub fn step_number(theme: &Theme) -> container::Style {
    let palette = Palette::of(theme);
    container::Style {
        background: Some(palette.primary.into()),
        text_color: Some(palette.on_primary),
        border: Border {
            radius: 16.0.into(),
            ..Border::default()
        },
        ..container::Style::default()
    }
}

/// Text in one of the palette's colours.
fn ink(theme: &Theme, colour: fn(&Palette) -> Color) -> text::Style {
    text::Style {
        color: Some(colour(&Palette::of(theme))),
    }
}

/// Text colours, by what the words are.
pub fn muted(theme: &Theme) -> text::Style {
    ink(theme, |palette| palette.muted)
}

pub fn primary(theme: &Theme) -> text::Style {
    ink(theme, |palette| palette.primary)
}

pub fn urgent_text(theme: &Theme) -> text::Style {
    ink(theme, |palette| palette.urgent)
}

pub fn on_primary(theme: &Theme) -> text::Style {
    ink(theme, |palette| palette.on_primary)
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

/// The style function of a button in `role`, for `.style(..)`.
pub fn button(role: Role) -> impl Fn(&Theme, iced_button::Status) -> iced_button::Style {
    move |theme, status| button_in(&Palette::of(theme), role, status)
}

pub fn button_in(palette: &Palette, role: Role, status: iced_button::Status) -> iced_button::Style {
    let pressed_or_hovered = matches!(
        status,
        iced_button::Status::Hovered | iced_button::Status::Pressed
    );
    let (background, text, edge, width): (Color, Color, Color, f32) = match role {
        Role::Primary => (palette.primary, palette.on_primary, palette.primary, 0.0),
        Role::Secondary => (palette.surface, palette.primary, palette.primary, 2.0),
        Role::Nav { current: true, .. } => {
            (palette.primary_soft, palette.text, palette.primary, 0.0)
        }
        Role::Nav { urgent, .. } => {
            let text = if urgent { palette.urgent } else { palette.text };
            (palette.surface, text, palette.surface, 0.0)
        }
        Role::Choice { urgent: true } => (palette.urgent_soft, palette.text, palette.urgent, 2.0),
        // Its edge at 3:1 on the page, so a tile reads as something to tap (WCAG 1.4.11).
        Role::Choice { urgent: false } | Role::ListItem => {
            (palette.surface, palette.text, palette.faint, 1.5)
        }
    };
    // A button that does nothing yet (A+ at the largest text, Done before a pick) keeps its
    // shape and a readable label: outlined, waiting, not a broken filled one.
    let (background, text, edge, width) = if status == iced_button::Status::Disabled {
        (
            palette.surface,
            palette.muted,
            palette.faint,
            width.max(2.0),
        )
    } else {
        (background, text, edge, width)
    };
    // A resting entry of the navigation bar or of quick jump's results draws no box: it would
    // be the colour of the panel under it, and ten such boxes cost about 0.4 ms a frame at
    // 1920×1080 (docs/performance.md, "Bigger screens").
    let background = match role {
        Role::Nav { current: false, .. } if !pressed_or_hovered => None,
        _ if pressed_or_hovered => Some(tint(background, palette)),
        _ => Some(background),
    };
    let edge = if pressed_or_hovered && width > 0.0 {
        palette.primary
    } else {
        edge
    };
    iced_button::Style {
        background: background.map(Background::Color),
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
