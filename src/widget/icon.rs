//! One line-drawn icon per page (`assets/icons/`), tinted to the theme so it keeps its contrast.

use iced::widget::svg;
use iced::{Color, Element};

use crate::app::Message;
use crate::route::PageId;

/// The icon's drawing, for pages that have one (every page but Home).
fn bytes(page: PageId) -> Option<&'static [u8]> {
    Some(match page {
        PageId::Home => return None,
        PageId::About => include_bytes!("../../assets/icons/about.svg"),
        PageId::Compare => include_bytes!("../../assets/icons/compare.svg"),
        PageId::Conditions => include_bytes!("../../assets/icons/conditions.svg"),
        PageId::Risks => include_bytes!("../../assets/icons/risks.svg"),
        PageId::WarningSigns => include_bytes!("../../assets/icons/warning-signs.svg"),
        PageId::Before => include_bytes!("../../assets/icons/before.svg"),
        PageId::After => include_bytes!("../../assets/icons/after.svg"),
        PageId::Glossary => include_bytes!("../../assets/icons/glossary.svg"),
        PageId::KeyPoints => include_bytes!("../../assets/icons/key-points.svg"),
    })
}

/// The page's icon, `size` pixels square, in `colour`.
pub fn view<'a>(page: PageId, size: f32, colour: Color) -> Option<Element<'a, Message>> {
    let handle = svg::Handle::from_memory(bytes(page)?);
    Some(
        svg(handle)
            .width(size)
            .height(size)
            .style(move |_, _| svg::Style {
                color: Some(colour),
            })
            .into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_but_home_has_an_icon_that_is_svg() {
        for page in PageId::ALL {
            match bytes(page) {
                None => assert_eq!(page, PageId::Home),
                Some(bytes) => assert!(bytes.starts_with(b"<svg"), "{page:?}"),
            }
        }
    }
}
