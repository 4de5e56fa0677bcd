//! Handing a widget's work on to the children it shows, for the widgets here that wrap others
//! ([`super::wrap`], [`super::choose`]): each child drawn, updated, asked for its cursor and its
//! overlay, in the layout the parent gave it.

use iced::advanced::layout::Layout;
use iced::advanced::widget::{Operation, Tree};
use iced::advanced::{Clipboard, Shell, mouse, overlay, renderer};
use iced::{Element, Event, Rectangle, Vector};

/// The children shown: each one's index among the parent's children, and its layout.
pub type Shown<'a> = Vec<(usize, Layout<'a>)>;

#[allow(clippy::too_many_arguments)] // iced's own `Widget::draw`, and the children to give it
pub fn draw<Message>(
    children: &[Element<'_, Message>],
    tree: &Tree,
    shown: Shown<'_>,
    renderer: &mut iced::Renderer,
    theme: &iced::Theme,
    style: &renderer::Style,
    cursor: mouse::Cursor,
    viewport: &Rectangle,
) {
    for (index, layout) in shown {
        children[index].as_widget().draw(
            &tree.children[index],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
    }
}

pub fn operate<Message>(
    children: &mut [Element<'_, Message>],
    tree: &mut Tree,
    shown: Shown<'_>,
    renderer: &iced::Renderer,
    operation: &mut dyn Operation,
) {
    for (index, layout) in shown {
        children[index].as_widget_mut().operate(
            &mut tree.children[index],
            layout,
            renderer,
            operation,
        );
    }
}

#[allow(clippy::too_many_arguments)] // iced's own `Widget::update`, and the children to give it
pub fn update<Message>(
    children: &mut [Element<'_, Message>],
    tree: &mut Tree,
    shown: Shown<'_>,
    event: &Event,
    cursor: mouse::Cursor,
    renderer: &iced::Renderer,
    clipboard: &mut dyn Clipboard,
    shell: &mut Shell<'_, Message>,
    viewport: &Rectangle,
) {
    for (index, layout) in shown {
        children[index].as_widget_mut().update(
            &mut tree.children[index],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }
}

pub fn mouse_interaction<Message>(
    children: &[Element<'_, Message>],
    tree: &Tree,
    shown: Shown<'_>,
    cursor: mouse::Cursor,
    viewport: &Rectangle,
    renderer: &iced::Renderer,
) -> mouse::Interaction {
    shown
        .into_iter()
        .map(|(index, layout)| {
            children[index].as_widget().mouse_interaction(
                &tree.children[index],
                layout,
                cursor,
                viewport,
                renderer,
            )
        })
        .max()
        .unwrap_or_default()
}

pub fn overlay<'b, Message>(
    children: &'b mut [Element<'_, Message>],
    tree: &'b mut Tree,
    shown: Shown<'b>,
    renderer: &iced::Renderer,
    viewport: &Rectangle,
    translation: Vector,
) -> Option<overlay::Element<'b, Message, iced::Theme, iced::Renderer>> {
    let mut children: Vec<_> = children.iter_mut().map(Some).collect();
    let mut trees: Vec<_> = tree.children.iter_mut().map(Some).collect();
    let overlays: Vec<_> = shown
        .into_iter()
        .filter_map(|(index, layout)| {
            let child = children[index].take()?;
            let tree = trees[index].take()?;
            child
                .as_widget_mut()
                .overlay(tree, layout, renderer, viewport, translation)
        })
        .collect();
    (!overlays.is_empty()).then(|| overlay::Group::with_children(overlays).overlay())
}
