//! One line-drawn icon per page (`assets/icons/`), tinted to the theme so it keeps its contrast.

use std::sync::LazyLock;

use iced::widget::canvas::Frame;
use iced::{Element, Size};

use crate::content::route::PageId;
use crate::theme::Palette;
use crate::widget::paint::{self, Paint};
use crate::widget::vector::Drawing;

/// The icon's SVG file, for pages that have one (every page but Home).
fn svg(page: PageId) -> Option<&'static [u8]> {
    Some(match page {
        PageId::Home => return None,
        PageId::About => include_bytes!("../../assets/icons/about.svg"),
        PageId::Compare => include_bytes!("../../assets/icons/compare.svg"),
        PageId::Conditions => include_bytes!("../../assets/icons/conditions.svg"),
        PageId::Benefits => include_bytes!("../../assets/icons/benefits.svg"),
        PageId::Risks => include_bytes!("../../assets/icons/risks.svg"),
        PageId::WarningSigns => include_bytes!("../../assets/icons/warning-signs.svg"),
        PageId::Before => include_bytes!("../../assets/icons/before.svg"),
        PageId::After => include_bytes!("../../assets/icons/after.svg"),
        PageId::Sources => include_bytes!("../../assets/icons/sources.svg"),
        PageId::Questions => include_bytes!("../../assets/icons/questions.svg"),
        PageId::Glossary => include_bytes!("../../assets/icons/glossary.svg"),
        PageId::KeyPoints => include_bytes!("../../assets/icons/key-points.svg"),
        PageId::TeachBack => include_bytes!("../../assets/icons/teach-back.svg"),
    })
}

/// The page's icon drawing, read the first time any icon is drawn.
fn drawing(page: PageId) -> Option<&'static Drawing> {
    static DRAWINGS: LazyLock<Vec<(PageId, Drawing)>> = LazyLock::new(|| {
        PageId::ALL
            .into_iter()
            .filter_map(|page| Some((page, Drawing::built_in(svg(page)?))))
            .collect()
    });
    DRAWINGS
        .iter()
        .find(|(known, _)| *known == page)
        .map(|(_, drawing)| drawing)
}

/// The page's icon, `size` pixels square, in the theme's primary colour or, if `urgent`, its
/// urgent one.
pub fn view<'a, Message: 'a>(
    page: PageId,
    size: f32,
    urgent: bool,
) -> Option<Element<'a, Message>> {
    let drawing = drawing(page)?;
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
    fn every_page_but_home_has_a_square_icon_that_reads() {
        for page in PageId::ALL {
            match svg(page) {
                None => assert_eq!(page, PageId::Home),
                Some(bytes) => {
                    let icon = Drawing::parse(bytes)
                        .unwrap_or_else(|error| panic!("the {page:?} icon does not read: {error}"));
                    assert!(!icon.is_empty(), "the {page:?} icon draws nothing");
                    assert_eq!(icon.view_box, Size::new(48.0, 48.0), "{page:?}");
                    assert!(drawing(page).is_some_and(|drawn| drawn.len() == icon.len()));
                }
            }
        }
    }
}
