//! Whether a scrolled page goes on below what shows, said to the app every time that changes.
//!
//! iced's scrollable says where it scrolled to (`on_scroll`) only when that differs from what it
//! said last, and says nothing at all about content that fits. A page that fits after one that
//! did not, or a page seen again at the place it was last said for, left the app with what it
//! heard about another page: "More below" stayed up on a page that fits, or stayed down on a page
//! that goes on. Here, after every event (a frame to draw, a wheel, a drag), the page's viewport is
//! read from the scrollable itself, and the answer is sent whenever it is not what the app holds.

use iced::advanced::widget::{Id, Operation, operation};
use iced::{Element, Event, Rectangle, Vector};

use super::wrap::{Child, Tell, Wrap, Wrapped, wrap};

/// `page` (a scrollable), keeping the app told whether it goes on below the part that shows by
/// more than `foot`, the empty space at its end.
pub fn report<'a, Message: 'a>(
    page: impl Into<Element<'a, Message>>,
    foot: f32,
    more: Tell<bool, Message>,
) -> Wrapped<'a, Message, Report<Message>> {
    wrap(Report { foot, more }, page)
}

pub struct Report<Message> {
    foot: f32,
    more: Tell<bool, Message>,
}

// Remembering what was sent would wrongly hold back the word after the app has heard it and since
// taken it back (a new page starts without the cue): `Tell` keeps no memory.
impl<Message> Wrap<Message> for Report<Message> {
    type State = ();

    fn update(&self, _: &mut (), event: &Event, child: &mut Child<'_, '_, '_, Message>) {
        child.update(event, child.cursor);
        let mut viewport = PageViewport::default();
        child.operate(&mut viewport);
        let Some(viewport) = viewport.0 else {
            return;
        };
        self.more.tell(child, goes_on_below(viewport, self.foot));
    }
}

/// Where a page is scrolled to: what shows of it, all of it, and how far it is scrolled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub bounds: Rectangle,
    pub content: Rectangle,
    pub scrolled: Vector,
}

/// Whether a page scrolled to `viewport` has more below what shows than the empty space, `foot`
/// high, at its end.
pub fn goes_on_below(viewport: Viewport, foot: f32) -> bool {
    let shown = viewport.scrolled.y + viewport.bounds.height;
    shown < viewport.content.height - foot - 1.0
}

/// Finds the outermost scrollable and reads its viewport.
#[derive(Default)]
struct PageViewport(Option<Viewport>);

impl Operation for PageViewport {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        if self.0.is_none() {
            operate(self);
        }
    }

    fn scrollable(
        &mut self,
        _id: Option<&Id>,
        bounds: Rectangle,
        content: Rectangle,
        scrolled: Vector,
        _state: &mut dyn operation::Scrollable,
    ) {
        self.0.get_or_insert(Viewport {
            bounds,
            content,
            scrolled,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::{Point, Size};

    fn viewport(shown: f32, content: f32, scrolled: f32) -> Viewport {
        Viewport {
            bounds: Rectangle::new(Point::ORIGIN, Size::new(800.0, shown)),
            content: Rectangle::new(Point::ORIGIN, Size::new(800.0, content)),
            scrolled: Vector::new(0.0, scrolled),
        }
    }

    #[test]
    fn a_page_goes_on_below_until_only_its_empty_foot_is_left() {
        let foot = 40.0;
        assert!(!goes_on_below(viewport(600.0, 500.0, 0.0), foot), "it fits");
        assert!(
            !goes_on_below(viewport(600.0, 640.0, 0.0), foot),
            "only the foot is hidden"
        );
        assert!(goes_on_below(viewport(600.0, 700.0, 0.0), foot));
        assert!(goes_on_below(viewport(600.0, 1200.0, 500.0), foot));
        assert!(
            !goes_on_below(viewport(600.0, 1200.0, 600.0), foot),
            "at its end"
        );
    }
}
