//! A widget around one child, laid out in the child's very place, that adds to what the child
//! does: [`super::drag`] turns a finger's drag into scrolling, [`super::repaint`] has the window
//! repainted whole, [`super::untinted`] draws no hover at a touch screen. What the wrapper adds is a [`Wrap`]; everything else goes to the child.

use iced::advanced::layout::{Layout, Limits, Node};
use iced::advanced::widget::{Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse, overlay, renderer};
use iced::{Element, Event, Length, Rectangle, Size, Vector};

use super::delegate;

/// What a wrapper adds to its child.
pub trait Wrap<Message> {
    /// What the wrapper keeps from frame to frame.
    type State: Default + 'static;

    /// An event: by default the child's; a wrapper may take it instead, or send the child others.
    fn update(
        &self,
        _state: &mut Self::State,
        event: &Event,
        child: &mut Child<'_, '_, '_, Message>,
    ) {
        child.update(event, child.cursor);
    }

    /// Where the child is told the pointer is when it is drawn: by default where it is.
    fn cursor(&self, _state: &Self::State, cursor: mouse::Cursor) -> mouse::Cursor {
        cursor
    }

    /// Whether the child is drawn, in the wrapper's `bounds`: by default it is.
    fn shows_child(&self, _state: &Self::State, _bounds: Rectangle) -> bool {
        true
    }

    /// Drawn after the child, in the wrapper's bounds.
    fn draw_after(&self, _state: &Self::State, _renderer: &mut iced::Renderer, _bounds: Rectangle) {
    }
}

/// `content` with what `wrap` adds.
pub fn wrap<'a, Message: 'a, W: Wrap<Message> + 'a>(
    wrap: W,
    content: impl Into<Element<'a, Message>>,
) -> Wrapped<'a, Message, W> {
    Wrapped {
        wrap,
        content: [content.into()],
    }
}

/// What a wrapper keeps the app told of, read from its child after every event: the value the app
/// holds, and the message that tells it another.
pub struct Tell<T, Message> {
    pub holds: T,
    pub on_change: fn(T) -> Message,
}

impl<T: PartialEq, Message> Tell<T, Message> {
    /// Tells the app `value` when it is not what the app holds. No memory of what was sent: the
    /// events of one batch all reach the child before the app hears any of them, so the same
    /// value may go more than once, which changes nothing.
    pub fn tell(&self, child: &mut Child<'_, '_, '_, Message>, value: T) {
        if value != self.holds {
            child.publish((self.on_change)(value));
        }
    }
}

/// The tag of a [`Wrap`] whose wrapper keeps `S`.
struct WrapState<S>(std::marker::PhantomData<S>);

pub struct Wrapped<'a, Message, W> {
    wrap: W,
    /// The one child, kept in a slice for [`delegate`].
    content: [Element<'a, Message>; 1],
}

/// The child, as an event reaches it: where it is, and the means to send it events.
pub struct Child<'a, 'e, 's, Message> {
    content: &'a mut [Element<'e, Message>; 1],
    tree: &'a mut Tree,
    layout: Layout<'a>,
    /// Where the pointer is, as the event came.
    pub cursor: mouse::Cursor,
    renderer: &'a iced::Renderer,
    clipboard: &'a mut dyn Clipboard,
    shell: &'a mut Shell<'s, Message>,
    viewport: &'a Rectangle,
}

impl<Message> Child<'_, '_, '_, Message> {
    /// Sends the child `event`, with the pointer at `cursor`.
    pub fn update(&mut self, event: &Event, cursor: mouse::Cursor) {
        delegate::update(
            self.content,
            self.tree,
            vec![(0, self.layout)],
            event,
            cursor,
            self.renderer,
            self.clipboard,
            self.shell,
            self.viewport,
        );
    }

    /// Where the child is.
    pub fn bounds(&self) -> Rectangle {
        self.layout.bounds()
    }

    /// Keeps the event from the widgets behind.
    pub fn capture_event(&mut self) {
        self.shell.capture_event();
    }

    /// Asks for a new frame, for a look that changed without the child knowing.
    pub fn request_redraw(&mut self) {
        self.shell.request_redraw();
    }

    /// Sends the app a message.
    pub fn publish(&mut self, message: Message) {
        self.shell.publish(message);
    }

    /// Runs `operation` over the child, to read its state.
    pub fn operate(&mut self, operation: &mut dyn Operation) {
        delegate::operate(
            self.content,
            self.tree,
            vec![(0, self.layout)],
            self.renderer,
            operation,
        );
    }
}

impl<'a, Message: 'a, W: Wrap<Message> + 'a> From<Wrapped<'a, Message, W>>
    for Element<'a, Message>
{
    fn from(wrapped: Wrapped<'a, Message, W>) -> Self {
        Element::new(wrapped)
    }
}

impl<Message, W: Wrap<Message>> Widget<Message, iced::Theme, iced::Renderer>
    for Wrapped<'_, Message, W>
{
    fn size(&self) -> Size<Length> {
        self.content[0].as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.content[0].as_widget().size_hint()
    }

    /// A tag of its own, never the stateless one (see `choose::Chosen::tag`).
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<WrapState<W::State>>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(W::State::default())
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
        let shown = if self
            .wrap
            .shows_child(tree.state.downcast_ref(), layout.bounds())
        {
            vec![(0, layout)]
        } else {
            Vec::new()
        };
        let cursor = self.wrap.cursor(tree.state.downcast_ref(), cursor);
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
        self.wrap
            .draw_after(tree.state.downcast_ref(), renderer, layout.bounds());
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
        // The wrapper's state and the child's tree are borrowed apart.
        let mut state = std::mem::take(tree.state.downcast_mut::<W::State>());
        let mut child = Child {
            content: &mut self.content,
            tree,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        };
        self.wrap.update(&mut state, event, &mut child);
        *tree.state.downcast_mut::<W::State>() = state;
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
        let cursor = self.wrap.cursor(tree.state.downcast_ref(), cursor);
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
