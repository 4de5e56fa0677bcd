//! No hover at a touch screen. After a tap the pointer stays where the finger was, and a button
//! tinted there reads as already chosen; the next person's first tap may land on it too. Around
//! the kiosk's screen, this tells what is drawn that the pointer is nowhere, except while a
//! finger (or the button of a pointer that stands for one) is down, so a press still shows.

use iced::advanced::mouse;
use iced::{Element, Event, touch, window};

use super::wrap::{Child, Wrap, Wrapped, wrap};

/// `content`, drawn as if no pointer rested on it.
pub fn untinted<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
) -> Wrapped<'a, Message, Untinted> {
    wrap(Untinted, content)
}

/// What [`untinted`] adds to its content.
pub struct Untinted;

/// Whether a finger or the pointer's button is down.
#[derive(Debug, Clone, Copy, Default)]
pub struct Down(bool);

impl<Message> Wrap<Message> for Untinted {
    type State = Down;

    fn update(&self, down: &mut Down, event: &Event, child: &mut Child<'_, '_, '_, Message>) {
        match event {
            Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left))
            | Event::Touch(touch::Event::FingerPressed { .. }) => down.0 = true,
            Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left))
            | Event::Touch(touch::Event::FingerLifted { .. } | touch::Event::FingerLost { .. }) => {
                // What was drawn while it was down showed the pointer; a button under it sees
                // the real pointer on this event, finds its look unchanged and asks for no frame.
                // Without a new one, a page opened by the press keeps a tinted tile.
                if down.0 {
                    child.request_redraw();
                }
                down.0 = false
            }
            _ => {}
        }
        // A button takes the look it will be drawn with when a frame is asked for: then, unless
        // something is pressed, the pointer is nowhere. Every other event sees it, so a tap
        // still lands and a wheel still scrolls what is under it.
        let redraw = matches!(event, Event::Window(window::Event::RedrawRequested(_)));
        let cursor = seen(*down, child.cursor);
        child.update(event, if redraw { cursor } else { child.cursor });
    }

    fn cursor(&self, down: &Down, cursor: mouse::Cursor) -> mouse::Cursor {
        seen(*down, cursor)
    }
}

/// The pointer as what is drawn sees it: only while something is pressed.
fn seen(down: Down, cursor: mouse::Cursor) -> mouse::Cursor {
    if down.0 {
        cursor
    } else {
        mouse::Cursor::Unavailable
    }
}
