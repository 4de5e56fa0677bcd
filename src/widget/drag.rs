//! Scrolling by finger, wherever the finger lands. iced's scrollable scrolls on a drag only when
//! the finger lands on no button, and a page of tiles or list rows is mostly buttons. Around a
//! scrollable, this turns a finger that moves more than a few pixels into scrolling, and cancels
//! the press of the button it started on, so a drag never opens a page. A tap still taps. At the
//! kiosk a pressed pointer is a finger too: many touch panels under X11 send pointer events.

use iced::advanced::mouse;
use iced::{Element, Event, Point, touch};

use super::wrap::{Child, Wrap, Wrapped, wrap};

/// How far a finger moves before a touch becomes a drag: less is a tap that wobbled.
pub const SLOP: f32 = 10.0;

/// `content`, scrolled by a finger dragged anywhere on it.
pub fn drag<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
) -> Wrapped<'a, Message, FingerScroll> {
    wrap(FingerScroll { pointer: false }, content)
}

/// `content`, scrolled by a finger or a pressed pointer dragged anywhere on it: for a touch
/// screen, whatever events its panel sends.
pub fn drag_by_touch<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
) -> Wrapped<'a, Message, FingerScroll> {
    wrap(FingerScroll { pointer: true }, content)
}

/// Turns a finger's drag into scrolling; what [`drag`] adds to its content.
pub struct FingerScroll {
    /// Whether a pressed pointer counts as a finger.
    pointer: bool,
}

/// The finger a pressed pointer stands for: no touch panel numbers its fingers this high.
const POINTER: touch::Finger = touch::Finger(u64::MAX);

impl FingerScroll {
    /// The event as a finger's: a touch, or, where the pointer counts, the left button and the
    /// pointer's moves.
    fn as_finger(&self, event: &Event, cursor: mouse::Cursor) -> Option<touch::Event> {
        let at = cursor.position();
        match event {
            Event::Touch(touch) => Some(*touch),
            _ if !self.pointer => None,
            Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)) => {
                at.map(|position| touch::Event::FingerPressed {
                    id: POINTER,
                    position,
                })
            }
            Event::Mouse(mouse::Event::CursorMoved { position }) => {
                Some(touch::Event::FingerMoved {
                    id: POINTER,
                    position: *position,
                })
            }
            Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left)) => {
                Some(touch::Event::FingerLifted {
                    id: POINTER,
                    position: at.unwrap_or_default(),
                })
            }
            _ => None,
        }
    }
}

/// The finger being followed, if any.
#[derive(Debug, Clone, Copy, Default)]
pub enum Finger {
    #[default]
    Up,
    /// Down at `from`, not yet moved past the slop.
    Down { id: touch::Finger, from: Point },
    /// Dragging from `origin`; last seen at `at`.
    Dragging {
        id: touch::Finger,
        origin: Point,
        at: Point,
    },
}

impl<Message> Wrap<Message> for FingerScroll {
    type State = Finger;

    fn update(&self, finger: &mut Finger, event: &Event, child: &mut Child<'_, '_, '_, Message>) {
        let Some(touch) = self.as_finger(event, child.cursor) else {
            child.update(event, child.cursor);
            return;
        };
        let (next, handled) = match (*finger, touch) {
            (_, touch::Event::FingerPressed { id, position })
                if child.bounds().contains(position) =>
            {
                (Finger::Down { id, from: position }, false)
            }
            (
                Finger::Down { id, from },
                touch::Event::FingerMoved {
                    id: moved,
                    position,
                },
            ) if moved == id && from.distance(position) > SLOP => {
                // A drag, not a tap: the button under the finger lets go without a press.
                child.update(
                    &Event::Touch(touch::Event::FingerLost { id, position: from }),
                    mouse::Cursor::Available(from),
                );
                scroll(child, from, from, position);
                let dragging = Finger::Dragging {
                    id,
                    origin: from,
                    at: position,
                };
                (dragging, true)
            }
            (
                Finger::Dragging { id, origin, at },
                touch::Event::FingerMoved {
                    id: moved,
                    position,
                },
            ) if moved == id => {
                scroll(child, origin, at, position);
                let dragging = Finger::Dragging {
                    id,
                    origin,
                    at: position,
                };
                (dragging, true)
            }
            (
                Finger::Dragging { id, .. },
                touch::Event::FingerLifted { id: lifted, .. }
                | touch::Event::FingerLost { id: lifted, .. },
            ) if lifted == id => (Finger::Up, true),
            (
                Finger::Down { id, .. },
                touch::Event::FingerLifted { id: lifted, .. }
                | touch::Event::FingerLost { id: lifted, .. },
            ) if lifted == id => (Finger::Up, false),
            (finger, _) => (finger, false),
        };
        *finger = next;
        if handled {
            child.capture_event();
        } else {
            child.update(event, child.cursor);
        }
    }
}

/// Scrolls what the drag started on by how far the finger moved from `from` to `to`, as a wheel
/// would: the page follows the finger, even once it has left a small list.
fn scroll<Message>(child: &mut Child<'_, '_, '_, Message>, origin: Point, from: Point, to: Point) {
    let wheel = Event::Mouse(mouse::Event::WheelScrolled {
        delta: mouse::ScrollDelta::Pixels {
            x: to.x - from.x,
            y: to.y - from.y,
        },
    });
    child.update(&wheel, mouse::Cursor::Available(origin));
}
