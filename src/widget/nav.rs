//! The pieces every screen is built from: a button of a given role, a label, a bar of controls,
//! the text-size controls, the footer's layout, and a dialog over a dimmed page. Each is generic
//! over the message: the caller says what a press produces.

use iced::alignment::{Horizontal, Vertical};
use iced::widget::{button, column, container, mouse_area, opaque, row, space, text};
use iced::{Element, Fill, Shrink};

use crate::content::model::Ui;
use crate::theme::style::{self, Role};
use crate::theme::{BOLD, metrics, size};

/// A button at least [`metrics::TARGET`] tall, styled by its role. Content taller than that
/// makes the button grow.
pub fn action<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
    role: Role,
    message: Message,
) -> button::Button<'a, Message> {
    let strut = space().width(0).height(metrics::TARGET - 2.0 * metrics::S);
    button(row![strut, content.into()].align_y(Vertical::Center))
        .padding([metrics::S, metrics::M])
        .style(style::button(role))
        .on_press(message)
}

/// A short label on a button.
pub fn label<'a>(words: impl text::IntoFragment<'a>) -> text::Text<'a> {
    text(words).size(size::BODY).font(BOLD)
}

/// A bar over the page: `start` at the left, `end` at the right, the end wrapping onto more
/// lines if the window is too narrow for both.
pub fn bar<'a, Message: 'a>(
    start: Vec<Element<'a, Message>>,
    end: Vec<Element<'a, Message>>,
) -> Element<'a, Message> {
    // The end group wraps onto more lines, kept to the right, when the bar is too narrow for it
    // all (large text in a small window): squeezed, its buttons would lose their words.
    let end = container(
        row(end)
            .spacing(metrics::S)
            .align_y(Vertical::Center)
            .wrap()
            .align_x(Horizontal::Right),
    )
    .width(Fill)
    .align_x(Horizontal::Right);
    let items = row(start)
        .push(end)
        .spacing(metrics::S)
        .align_y(Vertical::Center);
    container(items)
        .padding([metrics::S, metrics::XL])
        .width(Fill)
        .style(style::bar)
        .into()
}

/// "Text size", then smaller and larger; larger is greyed out when `can_enlarge` is false (the
/// largest size, or no more room in the window).
pub fn text_size<'a, Message: Clone + 'a>(
    ui: &'a Ui,
    can_enlarge: bool,
    smaller: Message,
    larger: Message,
) -> Vec<Element<'a, Message>> {
    vec![
        text(&ui.consult.text_size)
            .size(size::BODY)
            .style(style::muted)
            .into(),
        action(label("A−"), Role::Secondary, smaller).into(),
        action(label("A+"), Role::Secondary, larger.clone())
            .on_press_maybe(can_enlarge.then_some(larger))
            .into(),
    ]
}

/// Below this layout width (large text while presenting, say), a footer with Stop presenting puts
/// its leading buttons on a line of their own above the steps, so no button is squeezed out of
/// shape. Without Stop presenting, the footer fits on one line at any width the app allows.
const ONE_LINE_NEEDS: f32 = 720.0;

/// Below this layout width, the footer's side padding shrinks.
pub const FOOTER_COMPACT_WIDTH: f32 = 900.0;

/// The bar under the page: `leading` (Back, Stop presenting) at the left and `steps` (Previous,
/// Next) at the right, in a layout `width` wide. `crowded` says the leading buttons include
/// Stop presenting, which needs a line of its own when narrow.
pub fn footer<'a, Message: 'a>(
    leading: Vec<Element<'a, Message>>,
    steps: Vec<Element<'a, Message>>,
    width: f32,
    crowded: bool,
) -> Element<'a, Message> {
    let stacked = crowded && width < ONE_LINE_NEEDS;
    let leading = row(leading).spacing(metrics::S);
    let steps = row(steps).spacing(metrics::S);
    let buttons: Element<'a, Message> = if stacked {
        column![leading, row![space().width(Fill), steps]]
            .spacing(metrics::S)
            .into()
    } else {
        row![leading, space().width(Fill), steps]
            .spacing(metrics::S)
            .align_y(Vertical::Center)
            .into()
    };
    let side = if width < FOOTER_COMPACT_WIDTH {
        metrics::M
    } else {
        metrics::XL
    };
    container(buttons)
        .padding([metrics::S, side])
        .width(Fill)
        .height(Shrink)
        .style(style::bar)
        .into()
}

/// A card over a dimmed page; a tap on the dimmed part sends `on_backdrop`. `top` puts it near
/// the top (for quick jump, whose list grows downwards) rather than in the middle.
pub fn modal<'a, Message: Clone + 'a>(
    content: impl Into<Element<'a, Message>>,
    top: bool,
    on_backdrop: Message,
) -> Element<'a, Message> {
    let card = container(content)
        .padding(metrics::L)
        .max_width(metrics::READING_WIDTH)
        .style(style::raised);
    let placed = container(opaque(card))
        .center_x(Fill)
        .height(Fill)
        .padding(metrics::XL);
    let placed = if top {
        placed.align_top(Fill)
    } else {
        placed.center_y(Fill)
    };
    let backdrop = container(placed)
        .width(Fill)
        .height(Fill)
        .style(style::backdrop);
    mouse_area(backdrop).on_press(on_backdrop).into()
}
