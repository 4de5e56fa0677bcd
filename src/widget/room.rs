//! Words that keep their room: a label shows one of several wordings (the same control in its
//! other state, or in the other language) but is as wide as the widest, so the control keeps its
//! size, and the controls beside it their place, whichever it shows. The others are measured with
//! the real text and never drawn.

use iced::advanced::layout::{Limits, Node};
use iced::advanced::widget::Tree;
use iced::{Element, Length, Size};

use super::choose::{Choice, Chosen, chosen};

/// `shown`, centred in the width of the widest of it and `others`, as tall as it is.
pub fn room<'a, Message: 'a>(
    shown: impl Into<Element<'a, Message>>,
    others: impl IntoIterator<Item = Element<'a, Message>>,
) -> Chosen<'a, Message, Room> {
    let children = std::iter::once(shown.into()).chain(others).collect();
    chosen(Room { at_end: false }, children)
}

/// What shows first, among its children; the others only keep its room.
pub struct Room {
    /// Whether what shows sits at the end of the room, not in its middle.
    at_end: bool,
}

impl<Message> Chosen<'_, Message, Room> {
    /// What shows at the end of its room: a caption that leads into the controls after it.
    pub fn at_end(mut self) -> Self {
        self.choice.at_end = true;
        self
    }
}

impl Choice for Room {
    type State = ();

    fn size(&self) -> Size<Length> {
        Size::new(Length::Shrink, Length::Shrink)
    }

    fn layout<Message>(
        &self,
        _state: &mut (),
        children: &mut [Element<'_, Message>],
        trees: &mut [Tree],
        renderer: &iced::Renderer,
        limits: &Limits,
    ) -> Node {
        let loose = limits.loose();
        let mut nodes = children
            .iter_mut()
            .zip(trees)
            .map(|(child, tree)| child.as_widget_mut().layout(tree, renderer, &loose));
        let first = nodes.next().expect("room has what it shows");
        let width = nodes
            .map(|node| node.size().width)
            .fold(first.size().width, f32::max);
        let size = limits.resolve(
            Length::Shrink,
            Length::Shrink,
            Size::new(width, first.size().height),
        );
        let spare = size.width - first.size().width;
        let x = if self.at_end { spare } else { spare / 2.0 };
        Node::with_children(size, vec![first.move_to((x, 0.0))])
    }

    fn shown(&self, _state: &()) -> Vec<usize> {
        vec![0]
    }
}
