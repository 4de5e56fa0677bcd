//! The screens: each owns its state, its messages, the `update` that changes them and the `view`
//! that draws them. What a screen cannot do itself it hands up to the app as an action.

pub mod consult;
pub mod kiosk;
pub mod reader;

use iced::Element;

use crate::content::model::Ui;
use crate::theme::style::Role;
use crate::widget::nav::{self, action, label};

/// What the controls every screen shares ask of the app: the edition and comfort settings are
/// the app's, not any one screen's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    Home,
    SwitchLanguage,
    TextLarger,
    TextSmaller,
    TextReset,
    ToggleContrast,
}

/// Home, in the given role.
pub fn home_button<'a>(ui: &'a Ui, role: Role) -> Element<'a, Shared> {
    action(label(&ui.home), role, Shared::Home).into()
}

/// The switch to the other language, named in that language.
pub fn language_button(name: &str) -> Element<'_, Shared> {
    action(label(name), Role::Secondary, Shared::SwitchLanguage).into()
}

/// "Text size", A− and A+.
pub fn text_size(ui: &Ui, can_enlarge: bool) -> Vec<Element<'_, Shared>> {
    nav::text_size(ui, can_enlarge, Shared::TextSmaller, Shared::TextLarger)
}
