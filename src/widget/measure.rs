//! The window's size, read from the layout iced draws.
//!
//! iced reports a resize divided by the scale it held when the resize came, and hands the app
//! the message later, after the app may have changed that scale: the app cannot tell which scale
//! to multiply back by. When a view is laid out, iced holds the very scale the app gave for it,
//! so the view's own size times that scale is the window's size, whatever came before. Here,
//! after every event (each frame to draw is one), that size is sent whenever it is not what the
//! app holds: the app changes its scale, iced lays the view out again, and the same size comes
//! back, so it settles at once. A frame drawn before the app has heard of a new size shows only
//! the background.

use iced::widget::container;
use iced::{Element, Event, Fill, Rectangle, Size};

use super::wrap::{Child, Tell, Wrap, Wrapped, wrap};

/// `content`, filling the window laid out at `scale`, keeping the app told of the window's size
/// in unscaled pixels (rounded to whole pixels).
pub fn window<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
    scale: f32,
    size: Tell<Size, Message>,
) -> Wrapped<'a, Message, Measure<Message>> {
    wrap(
        Measure { scale, size },
        container(content).width(Fill).height(Fill),
    )
}

pub struct Measure<Message> {
    scale: f32,
    size: Tell<Size, Message>,
}

/// Nothing to keep, in a type of its own: iced takes a widget whose state is `()` for one with
/// no state, and at the root of the window that fails ("Downcast on stateless state").
#[derive(Default)]
pub struct Nothing;

impl<Message> Wrap<Message> for Measure<Message> {
    type State = Nothing;

    fn update(&self, _: &mut Nothing, event: &Event, child: &mut Child<'_, '_, '_, Message>) {
        child.update(event, child.cursor);
        let size = self.window(child.bounds());
        self.size.tell(child, size);
    }

    // A frame laid out in a window the app has not heard of yet (iced draws one before the app
    // hears of a resize) shows only the background: the view was made for another size, and
    // might not fit this one. The next frame is the app's.
    fn shows_child(&self, _: &Nothing, bounds: Rectangle) -> bool {
        self.window(bounds) == self.size.holds
    }
}

impl<Message> Measure<Message> {
    /// The window's size, in unscaled whole pixels, from the view's `bounds`.
    fn window(&self, bounds: Rectangle) -> Size {
        Size::new(
            (bounds.width * self.scale).round(),
            (bounds.height * self.scale).round(),
        )
    }
}
