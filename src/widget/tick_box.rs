//! A box to tick, ticked or not.

use iced::Element;
use iced::widget::container;

use crate::content::model::Level;
use crate::theme::style;
use crate::widget::action_icon;

/// A box to tick, ticked or not: empty on a checklist (to tick in your head, or on the printed
/// page), and on the check's questions.
pub fn tick_box<'a, M: 'a>(ticked: bool) -> Element<'a, M> {
    let inside: Element<'a, M> = if ticked {
        action_icon::view(Level::Normal, 24.0)
    } else {
        iced::widget::space().width(24).height(24).into()
    };
    container(inside).style(style::tick_box).into()
}
