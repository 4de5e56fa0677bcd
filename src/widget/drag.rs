//! Scrolling by finger, wherever the finger lands. iced's scrollable scrolls on a drag only when
//! the finger lands on no button, and a page of tiles or list rows is mostly buttons. Around a
//! scrollable, this turns a finger that moves more than a few pixels into scrolling, and cancels
//! the press of the button it started on, so a drag never opens a page. A tap still taps.

use iced::advanced::layout::{Layout, Limits, Node};
use iced::advanced::widget::{Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse, overlay, renderer};
use iced::{Element, Event, Length, Point, Rectangle, Size, Vector, touch};

use super::delegate;

/// How far a finger moves before a touch becomes a drag: less is a tap that wobbled.
pub const SLOP: f32 = 10.0;

/// `content`, scrolled by a finger dragged anywhere on it.
pub fn drag<'a, Message: 'a>(content: impl Into<Element<'a, Message>>) -> Drag<'a, Message> {
    Drag {
        content: [content.into()],
    }
}

pub struct Drag<'a, Message> {
    /// The one child, kept in a slice for [`delegate`].
    content: [Element<'a, Message>; 1],
}

/// The finger being followed, if any.
#[derive(Debug, Clone, Copy, Default)]
enum Finger {
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

impl<'a, Message: 'a> From<Drag<'a, Message>> for Element<'a, Message> {
    fn from(drag: Drag<'a, Message>) -> Self {
        Element::new(drag)
    }
}

impl<Message> Widget<Message, iced::Theme, iced::Renderer> for Drag<'_, Message> {
    fn size(&self) -> Size<Length> {
        self.content[0].as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.content[0].as_widget().size_hint()
    }

    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<Finger>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(Finger::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content[0])]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(&self.content);
    }

    // The child is laid out in the very place of this widget: it has the same layout.
    fn layout(&mut self, tree: &mut Tree, renderer: &iced::Renderer, limits: &Limits) -> Node {
        self.content[0]
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &iced::Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        let shown = vec![(0, layout)];
        delegate::draw(
            &self.content,
            tree,
            shown,
            renderer,
            theme,
            style,
            cursor,
            viewport,
        );
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        delegate::operate(
            &mut self.content,
            tree,
            vec![(0, layout)],
            renderer,
            operation,
        );
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        let finger = *tree.state.downcast_ref::<Finger>();
        let mut forward = |event: &Event, cursor: mouse::Cursor, tree: &mut Tree| {
            delegate::update(
                &mut self.content,
                tree,
                vec![(0, layout)],
                event,
                cursor,
                renderer,
                clipboard,
                shell,
                viewport,
            );
        };
        let (next, handled) = match (finger, event) {
            (_, Event::Touch(touch::Event::FingerPressed { id, position }))
                if layout.bounds().contains(*position) =>
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
                forward(
                    &Event::Touch(touch::Event::FingerLost { id, position: from }),
                    mouse::Cursor::Available(from),
                    tree,
                );
                scroll(&mut forward, from, from, *position, tree);
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
                scroll(&mut forward, origin, at, *position, tree);
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
        *tree.state.downcast_mut::<Finger>() = next;
        if handled {
            shell.capture_event();
        } else {
            forward(event, cursor, tree);
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        let shown = vec![(0, layout)];
        delegate::mouse_interaction(&self.content, tree, shown, cursor, viewport, renderer)
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, iced::Theme, iced::Renderer>> {
        let shown = vec![(0, layout)];
        delegate::overlay(
            &mut self.content,
            tree,
            shown,
            renderer,
            viewport,
            translation,
        )
    }
}

/// Scrolls what the drag started on by how far the finger moved from `from` to `to`, as a wheel
/// would: the page follows the finger, even once it has left a small list.
fn scroll(
    forward: &mut impl FnMut(&Event, mouse::Cursor, &mut Tree),
    origin: Point,
    from: Point,
    to: Point,
    tree: &mut Tree,
) {
    let wheel = Event::Mouse(mouse::Event::WheelScrolled {
        delta: mouse::ScrollDelta::Pixels {
            x: to.x - from.x,
            y: to.y - from.y,
        },
    });
    forward(&wheel, mouse::Cursor::Available(origin), tree);
}
