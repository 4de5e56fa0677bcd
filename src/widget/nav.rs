//! The pieces every screen is built from: a button of a given role, a label, a bar of controls
//! (over the page or under it), the text-size controls, and a dialog over a dimmed page. Each is generic
//! over the message: the caller says what a press produces.

use iced::alignment::Vertical;
use iced::widget::{button, container, mouse_area, opaque, row, space, text};
use iced::{Element, Fill};

use crate::content::model::Ui;
use crate::theme::style::{self, Role};
use crate::theme::typography;
use crate::theme::{BOLD, metrics, size};
use crate::widget::ends::ends;

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
    container(text(words).size(size).font(BOLD))
        .id(mark::LABEL)
        .into()
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
    let line = |items: Vec<Element<'a, Message>>| -> Element<'a, Message> {
        row(items)
            .spacing(metrics::S)
            .align_y(Vertical::Center)
            .into()
    };
    let forms = forms
        .into_iter()
        .map(|(start, end)| (line(start), line(end)));
    framed(ends(forms, metrics::M), width)
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
    )
}

/// A bar's background and padding, in a layout `width` wide.
fn framed<'a, Message: 'a>(
    controls: impl Into<Element<'a, Message>>,
    width: f32,
) -> Element<'a, Message> {
    let side = if width < metrics::COMPACT_WIDTH {
        metrics::M
    } else {
        metrics::XL
    };
    container(controls)
        .id(mark::BAR)
        .padding([metrics::S, side])
        .width(Fill)
        .style(style::bar)
        .into()
}

/// "Text size", then smaller and larger; larger is greyed out when `can_enlarge` is false (the
/// largest size, or no more room in the window). Without `caption`, only the two buttons.
pub fn text_size<'a, Message: Clone + 'a>(
    ui: &'a Ui,
    caption: bool,
    can_enlarge: bool,
    smaller: Message,
    larger: Message,
) -> Vec<Element<'a, Message>> {
    let caption = caption.then(|| {
        typography::body(&ui.consult.text_size)
            .style(style::muted)
            .into()
    });
    caption
        .into_iter()
        .chain([
            action(label("A−"), Role::Secondary, smaller).into(),
            action(label("A+"), Role::Secondary, larger.clone())
                .on_press_maybe(can_enlarge.then_some(larger))
                .into(),
        ])
        .collect()
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
    let card = container(content)
        .id(mark::CARD)
        .padding(metrics::L * scale)
        .max_width(metrics::READING_WIDTH)
        .style(style::raised);
    let placed = container(opaque(card))
        .center_x(Fill)
        .height(Fill)
        .padding(metrics::XL * scale);
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
