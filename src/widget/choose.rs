//! A widget that lays its children out its own way and shows only some of them: [`super::ends`]
//! shows the first form of a bar that fits, [`super::room`] one wording in the room of the
//! widest. What differs is a [`Choice`]; drawing, events, operations and overlays go to the
//! children shown, each in its place.

use iced::advanced::layout::{Layout, Limits, Node};
use iced::advanced::widget::{Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse, overlay, renderer};
use iced::{Element, Event, Length, Rectangle, Size, Vector};

use super::delegate::{self, Shown};

/// How a [`Chosen`] lays out its children and which it shows.
pub trait Choice {
    /// What the last layout chose.
    type State: Default + 'static;

    fn size(&self) -> Size<Length>;

    /// Lays out `children` (with their `trees`) in `limits`: the node's children are the
    /// children shown, in the order [`Choice::shown`] gives them.
    fn layout<Message>(
        &self,
        state: &mut Self::State,
        children: &mut [Element<'_, Message>],
        trees: &mut [Tree],
        renderer: &iced::Renderer,
        limits: &Limits,
    ) -> Node;

    /// The children shown, by their place among all the children.
    fn shown(&self, state: &Self::State) -> Vec<usize>;
}

/// `children`, laid out and shown as `choice` says.
pub fn chosen<'a, Message, C: Choice>(
    choice: C,
    children: Vec<Element<'a, Message>>,
) -> Chosen<'a, Message, C> {
    Chosen { choice, children }
}

/// The tag of a [`Chosen`] whose choice keeps `S`.
struct ChosenState<S>(std::marker::PhantomData<S>);

pub struct Chosen<'a, Message, C> {
    pub(super) choice: C,
    children: Vec<Element<'a, Message>>,
}

impl<Message, C: Choice> Chosen<'_, Message, C> {
    /// The children shown, with their layouts.
    fn shown<'b>(&self, tree: &Tree, layout: Layout<'b>) -> Shown<'b> {
        let state = tree.state.downcast_ref::<C::State>();
        self.choice
            .shown(state)
            .into_iter()
            .zip(layout.children())
            .collect()
    }
}

impl<'a, Message: 'a, C: Choice + 'a> From<Chosen<'a, Message, C>> for Element<'a, Message> {
    fn from(chosen: Chosen<'a, Message, C>) -> Self {
        Element::new(chosen)
    }
}

impl<Message, C: Choice> Widget<Message, iced::Theme, iced::Renderer> for Chosen<'_, Message, C> {
    fn size(&self) -> Size<Length> {
        self.choice.size()
    }

    /// A tag of its own, never the stateless one: a choice whose state is `()` would otherwise
    /// share its tag with stateless widgets, and iced would keep their empty state for it when
    /// one takes the other's place (the kiosk's idle notice over the take-home dialog:
    /// "Downcast on stateless state").
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<ChosenState<C::State>>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(C::State::default())
    }

    fn children(&self) -> Vec<Tree> {
        self.children.iter().map(Tree::new).collect()
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(&self.children);
    }

    fn layout(&mut self, tree: &mut Tree, renderer: &iced::Renderer, limits: &Limits) -> Node {
        let state = tree.state.downcast_mut::<C::State>();
        self.choice.layout(
            state,
            &mut self.children,
            &mut tree.children,
            renderer,
            limits,
        )
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
        let shown = self.shown(tree, layout);
        delegate::draw(
            &self.children,
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
        let shown = self.shown(tree, layout);
        operation.container(None, layout.bounds());
        operation.traverse(&mut |operation| {
            delegate::operate(&mut self.children, tree, shown.clone(), renderer, operation);
        });
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
        let shown = self.shown(tree, layout);
        delegate::update(
            &mut self.children,
            tree,
            shown,
            event,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        let shown = self.shown(tree, layout);
        delegate::mouse_interaction(&self.children, tree, shown, cursor, viewport, renderer)
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, iced::Theme, iced::Renderer>> {
        let shown = self.shown(tree, layout);
        delegate::overlay(
            &mut self.children,
            tree,
            shown,
            renderer,
            viewport,
            translation,
        )
    }
}
