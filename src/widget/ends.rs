//! A bar's two ends, in the first of several forms that fits on one line: a toolbar shows its
//! long labels where there is room and shorter ones, or fewer controls, where there is not. The
//! forms are measured with the real text, in whatever language and size it is, so nothing has
//! to guess how wide a word is.

use iced::advanced::layout::{Layout, Limits, Node};
use iced::advanced::widget::{Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse, overlay, renderer};
use iced::{Element, Event, Length, Rectangle, Size, Vector};

use super::delegate::{self, Shown};

/// The start and end of a bar, with `gap` at least between them. The first form of `forms` whose
/// two ends fit side by side is shown; when none does, the last (the most compact). Each end is
/// laid out as wide as its content: an end with a `Fill` width would never fit.
pub fn ends<'a, Message: 'a>(
    forms: impl IntoIterator<Item = (Element<'a, Message>, Element<'a, Message>)>,
    gap: f32,
) -> Ends<'a, Message> {
    let children: Vec<_> = forms
        .into_iter()
        .flat_map(|(start, end)| [start, end])
        .collect();
    assert!(!children.is_empty(), "a bar needs at least one form");
    Ends { children, gap }
}

pub struct Ends<'a, Message> {
    /// Each form's start and end, one after the other.
    children: Vec<Element<'a, Message>>,
    gap: f32,
}

/// Which form the last layout chose.
#[derive(Debug, Clone, Copy, Default)]
struct Chosen(usize);

impl<Message> Ends<'_, Message> {
    /// The children of the form the last layout chose, its start and its end, in `layout`.
    fn shown<'b>(tree: &Tree, layout: Layout<'b>) -> Shown<'b> {
        let Chosen(form) = *tree.state.downcast_ref::<Chosen>();
        (2 * form..2 * form + 2).zip(layout.children()).collect()
    }
}

impl<'a, Message: 'a> From<Ends<'a, Message>> for Element<'a, Message> {
    fn from(ends: Ends<'a, Message>) -> Self {
        Element::new(ends)
    }
}

impl<Message> Widget<Message, iced::Theme, iced::Renderer> for Ends<'_, Message> {
    fn size(&self) -> Size<Length> {
        Size::new(Length::Fill, Length::Shrink)
    }

    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<Chosen>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(Chosen::default())
    }

    fn children(&self) -> Vec<Tree> {
        self.children.iter().map(Tree::new).collect()
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(&self.children);
    }

    fn layout(&mut self, tree: &mut Tree, renderer: &iced::Renderer, limits: &Limits) -> Node {
        let max = limits.max();
        // Each end as wide as it wants to be, to see whether the two fit.
        let loose = Limits::new(Size::ZERO, Size::new(f32::INFINITY, max.height));
        let forms = self.children.len() / 2;
        let mut laid_out = None;
        for form in 0..forms {
            let [start, end] = [2 * form, 2 * form + 1].map(|index| {
                self.children[index].as_widget_mut().layout(
                    &mut tree.children[index],
                    renderer,
                    &loose,
                )
            });
            let needs = start.size().width + self.gap + end.size().width;
            // Half a pixel of slack for rounding.
            if needs <= max.width + 0.5 || form + 1 == forms {
                laid_out = Some((form, start, end));
                break;
            }
        }
        let (form, start, end) = laid_out.expect("there is at least one form");
        *tree.state.downcast_mut::<Chosen>() = Chosen(form);

        let needs = start.size().width + self.gap + end.size().width;
        let width = if max.width.is_finite() {
            max.width.max(needs.min(max.width))
        } else {
            needs
        };
        let height = start.size().height.max(end.size().height);
        let start_y = (height - start.size().height) / 2.0;
        let end_y = (height - end.size().height) / 2.0;
        let end_x = (width - end.size().width).max(start.size().width + self.gap);
        Node::with_children(
            limits.resolve(Length::Fill, Length::Shrink, Size::new(width, height)),
            vec![start.move_to((0.0, start_y)), end.move_to((end_x, end_y))],
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
        let shown = Self::shown(tree, layout);
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
        let shown = Self::shown(tree, layout);
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
        let shown = Self::shown(tree, layout);
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
        let shown = Self::shown(tree, layout);
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
        let shown = Self::shown(tree, layout);
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
