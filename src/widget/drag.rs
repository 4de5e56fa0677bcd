//! Scrolling by finger, wherever the finger lands. iced's scrollable scrolls on a drag only when
//! the finger lands on no button, and a page of tiles or list rows is mostly buttons. Around a
//! scrollable, this turns a finger that moves more than a few pixels into scrolling, and cancels
//! the press of the button it started on, so a drag never opens a page. A tap still taps.

use iced::advanced::mouse;
use iced::{Element, Event, Point, touch};

use super::wrap::{Child, Wrap, Wrapped, wrap};

/// How far a finger moves before a touch becomes a drag: less is a tap that wobbled.
pub const SLOP: f32 = 10.0;

/// `content`, scrolled by a finger dragged anywhere on it.
pub fn drag<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
) -> Wrapped<'a, Message, FingerScroll> {
    wrap(FingerScroll, content)
}

/// Turns a finger's drag into scrolling; what [`drag`] adds to its content.
pub struct FingerScroll;

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
        let (next, handled) = match (*finger, event) {
            (_, Event::Touch(touch::Event::FingerPressed { id, position }))
                if child.bounds().contains(*position) =>
            {
                (
                    Finger::Down {
                        id: *id,
                        from: *position,
                    },
                    false,
                )
            }
            (
                Finger::Down { id, from },
                Event::Touch(touch::Event::FingerMoved {
                    id: moved,
                    position,
                }),
            ) if *moved == id && from.distance(*position) > SLOP => {
                // A drag, not a tap: the button under the finger lets go without a press.
                child.update(
                    &Event::Touch(touch::Event::FingerLost { id, position: from }),
                    mouse::Cursor::Available(from),
                );
                scroll(child, from, from, *position);
                let dragging = Finger::Dragging {
                    id,
                    origin: from,
                    at: *position,
                };
                (dragging, true)
            }
            (
                Finger::Dragging { id, origin, at },
                Event::Touch(touch::Event::FingerMoved {
                    id: moved,
                    position,
                }),
            ) if *moved == id => {
                scroll(child, origin, at, *position);
                let dragging = Finger::Dragging {
                    id,
                    origin,
                    at: *position,
                };
                (dragging, true)
            }
            (
                Finger::Dragging { id, .. },
                Event::Touch(
                    touch::Event::FingerLifted { id: lifted, .. }
                    | touch::Event::FingerLost { id: lifted, .. },
                ),
            ) if *lifted == id => (Finger::Up, true),
            (
                Finger::Down { id, .. },
                Event::Touch(
                    touch::Event::FingerLifted { id: lifted, .. }
                    | touch::Event::FingerLost { id: lifted, .. },
                ),
            ) if *lifted == id => (Finger::Up, false),
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
