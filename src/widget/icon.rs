//! One line-drawn icon per page (`assets/icons/`), tinted to the theme so it keeps its contrast.

use std::sync::LazyLock;

use iced::widget::canvas::Frame;
use iced::{Element, Size};

use crate::content::ids::ICONS;
use crate::theme::Palette;
use crate::widget::paint::{self, Paint};
use crate::widget::vector::Drawing;

/// The icon's drawing, read the first time any icon is drawn.
fn drawing(icon: &str) -> Option<&'static Drawing> {
    static DRAWINGS: LazyLock<Vec<(&str, Drawing)>> = LazyLock::new(|| {
        ICONS
            .iter()
            .map(|(name, svg)| (*name, Drawing::built_in(svg)))
            .collect()
    });
    DRAWINGS
        .iter()
        .find(|(known, _)| *known == icon)
        .map(|(_, drawing)| drawing)
}

/// The icon named `icon`, `size` pixels square, in the theme's primary colour or, if `urgent`,
/// its urgent one; `None` if there is no such icon.
pub fn view<'a, Message: 'a>(icon: &str, size: f32, urgent: bool) -> Option<Element<'a, Message>> {
    let drawing = drawing(icon)?;
    Some(
        paint::canvas(Icon { drawing, urgent })
            .width(size)
            .height(size)
            .into(),
    )
}

struct Icon {
    drawing: &'static Drawing,
    urgent: bool,
}

impl<Message> Paint<Message> for Icon {
    fn paint(&self, frame: &mut Frame, size: Size, palette: &Palette) {
        let (scale, offset) = self.drawing.fit(size);
        let colour = if self.urgent {
            palette.urgent
        } else {
            palette.primary
        };
        self.drawing.paint(frame, scale, offset, Some(colour));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_is_square_and_reads() {
        for (name, bytes) in ICONS {
            let icon = Drawing::parse(bytes)
                .unwrap_or_else(|error| panic!("the {name} icon does not read: {error}"));
            assert!(!icon.is_empty(), "the {name} icon draws nothing");
            assert_eq!(icon.view_box, Size::new(48.0, 48.0), "{name}");
            assert!(drawing(name).is_some_and(|drawn| drawn.len() == icon.len()));
        }
        assert!(drawing("home").is_none(), "home has no icon");
    }
}
