//! The pieces every screen is built from: a button of a given role, a label, a bar of controls
//! (over the page or under it), the text-size controls, and a dialog over a dimmed page. Each is generic
//! over the message: the caller says what a press produces.

use iced::alignment::Vertical;
use iced::widget::{Text, button, container, mouse_area, opaque, row, space, text};
use iced::{Element, Fill};

use crate::theme::style::{self, Role};
use crate::theme::{BOLD, metrics, size};
use crate::widget::choose::Chosen;
use crate::widget::ends::ends;
use crate::widget::room::Room;

/// Names that mark, in the widget tree, what the layout tests measure: every touch target, every
/// label that must stay on one line, and every bar whose controls must share one line.
pub mod mark {
    pub const TARGET: &str = "target";
    pub const LABEL: &str = "label";
    pub const BAR: &str = "bar";
    /// Something drawn over the page, which may hide what is under it.
    pub const COVER: &str = "cover";
    /// A QR code.
    pub const QR: &str = "qr";
    /// A dialog's card.
    pub const CARD: &str = "card";
    /// A block to be seen whole, on one screen: a What to do tier, a picture with its key.
    pub const WHOLE: &str = "whole";
}

/// A button at least [`metrics::TARGET`] tall, styled by its role. Content taller than that
/// makes the button grow.
pub fn action<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
    role: Role,
    message: Message,
) -> button::Button<'a, Message> {
    action_scaled(content, role, message, 1.0)
}

/// An [`action`] `scale` times its size, for a part of the screen that shrinks to fit.
pub fn action_scaled<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
    role: Role,
    message: Message,
    scale: f32,
) -> button::Button<'a, Message> {
    let strut = space()
        .width(0)
        .height((metrics::TARGET - 2.0 * metrics::S) * scale);
    button(container(row![strut, content.into()].align_y(Vertical::Center)).id(mark::TARGET))
        .padding([metrics::S * scale, metrics::M * scale])
        .style(style::button(role))
        .on_press(message)
}

/// A short label on a button, in the body size. It is meant for one line: the layout tests fail
/// on a label that breaks.
pub fn label<'a, Message: 'a>(words: impl text::IntoFragment<'a>) -> Element<'a, Message> {
    label_sized(words, size::BODY)
}

/// A label in another size: a big "Touch to start", a key of the keypad.
pub fn label_sized<'a, Message: 'a>(
    words: impl text::IntoFragment<'a>,
    size: f32,
) -> Element<'a, Message> {
    marked_label(text(words).size(size).font(BOLD))
}

/// A label's words, marked as a label (for the layout tests that hold labels to one line).
fn marked_label<'a, Message: 'a>(words: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    container(words).id(mark::LABEL).into()
}

/// A label showing `shown`, as wide as the widest of `room` (the same control's words in its
/// other states and languages), so that the control keeps its size, and the controls beside it
/// their place, when they change.
pub fn steady_label<'a, Message: 'a>(
    shown: String,
    room: Vec<String>,
    size: f32,
) -> Element<'a, Message> {
    let words = |words: String| text(words).size(size).font(BOLD);
    marked_label(steady(words(shown), room, words))
}

/// A caption beside controls, such as "Text size", kept as [`steady_label`] keeps its room.
pub fn steady_caption<'a, Message: 'a>(
    shown: String,
    room: Vec<String>,
    size: f32,
) -> Element<'a, Message> {
    let words = |words: String| text(words).size(size);
    steady(words(shown).style(style::muted), room, words)
        .at_end()
        .into()
}

/// `shown`, as wide as the widest of `room`, each set by `words`.
fn steady<'a, Message: 'a>(
    shown: Text<'a>,
    room: Vec<String>,
    words: impl Fn(String) -> Text<'a>,
) -> Chosen<'a, Message, Room> {
    super::room::room(shown, room.into_iter().map(|other| words(other).into()))
}

/// One way to lay out a bar: the controls at its start, and those at its end.
pub type Form<'a, Message> = (Vec<Element<'a, Message>>, Vec<Element<'a, Message>>);

/// A bar over or under the page, in a layout `width` wide: the first of `forms` whose controls fit
/// on one line, its start at the left and its end at the right. List the forms from the fullest
/// to the most compact (shorter labels, fewer controls).
pub fn bar<'a, Message: 'a>(
    forms: impl IntoIterator<Item = Form<'a, Message>>,
    width: f32,
) -> Element<'a, Message> {
    bar_scaled(forms, width, 1.0)
}

/// A [`bar`] drawn `scale` times its size, its gaps too, in a layout `width` wide: it takes the
/// same share of the screen as a bar of its full size in a layout `width / scale` wide.
pub fn bar_scaled<'a, Message: 'a>(
    forms: impl IntoIterator<Item = Form<'a, Message>>,
    width: f32,
    scale: f32,
) -> Element<'a, Message> {
    let line = |items: Vec<Element<'a, Message>>| -> Element<'a, Message> {
        row(items)
            .spacing(metrics::S * scale)
            .align_y(Vertical::Center)
            .into()
    };
    let forms = forms
        .into_iter()
        .map(|(start, end)| (line(start), line(end)));
    framed(ends(forms, metrics::M * scale), width / scale, scale)
}

/// A bar whose first control takes the room the others leave: a note pinned to the foot of the
/// screen, with Stop presenting beside it while presenting.
pub fn wide_bar<'a, Message: 'a>(
    first: Element<'a, Message>,
    others: Vec<Element<'a, Message>>,
    width: f32,
) -> Element<'a, Message> {
    framed(
        row![first]
            .extend(others)
            .spacing(metrics::S)
            .align_y(Vertical::Center),
        width,
        1.0,
    )
}

/// A bar's background and padding, `scale` times their size, for a layout `width` wide.
fn framed<'a, Message: 'a>(
    controls: impl Into<Element<'a, Message>>,
    width: f32,
    scale: f32,
) -> Element<'a, Message> {
    let side = if width < metrics::COMPACT_WIDTH {
        metrics::M
    } else {
        metrics::XL
    };
    container(controls)
        .id(mark::BAR)
        .padding([metrics::S * scale, side * scale])
        .width(Fill)
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
    modal_scaled(content, top, on_backdrop, 1.0)
}

/// A [`modal`] whose margins are `scale` times their size, for a card that shrinks to fit.
pub fn modal_scaled<'a, Message: Clone + 'a>(
    content: impl Into<Element<'a, Message>>,
    top: bool,
    on_backdrop: Message,
    scale: f32,
) -> Element<'a, Message> {
    modal_framed(
        content,
        top,
        on_backdrop,
        metrics::L * scale,
        metrics::XL * scale,
    )
}

/// [`modal_scaled`] with the card's `padding` and the `margin` around it given.
pub fn modal_framed<'a, Message: Clone + 'a>(
    content: impl Into<Element<'a, Message>>,
    top: bool,
    on_backdrop: Message,
    padding: f32,
    margin: f32,
) -> Element<'a, Message> {
    let card = container(content)
        .id(mark::CARD)
        .padding(padding)
        .max_width(metrics::READING_WIDTH)
        .style(style::raised);
    let placed = container(opaque(card))
        .center_x(Fill)
        .height(Fill)
        .padding(margin);
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
