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

/// What every mode's frame holds around its own bars and dialogs, drawn by the app from the
/// reader: the page (with what shows over its foot), the explained term under it, and the bar at
/// its foot.
pub struct PageParts<'a, M> {
    pub page: Element<'a, M>,
    pub term: Option<Element<'a, M>>,
    pub foot: Element<'a, M>,
}

/// What the comfort controls show: the other language's name (if there is another), whether
/// high contrast is on, and whether the text can grow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comfort<'a> {
    pub other_language: Option<&'a str>,
    pub high_contrast: bool,
    pub can_enlarge: bool,
}

/// How much room a bar's labels get: all their words, or their short forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    Full,
    Short,
}

/// Takes `item` out of `list` if it is there, else adds it at the end: a box ticked or unticked.
pub fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
    match list.iter().position(|listed| *listed == item) {
        Some(at) => {
            list.remove(at);
        }
        None => list.push(item),
    }
}

/// Home, in the given role.
pub fn home_button<'a>(ui: &'a Ui, role: Role) -> Element<'a, Shared> {
    action(label(&ui.home), role, Shared::Home).into()
}

/// The switch to the other language, named in that language.
pub fn language_button(name: &str) -> Element<'_, Shared> {
    action(label(name), Role::Secondary, Shared::SwitchLanguage).into()
}

/// The switch between standard colours and high contrast, saying what it turns on; in its short
/// form, only "Contrast".
pub fn contrast_button<'a>(ui: &'a Ui, high_contrast: bool, words: Words) -> Element<'a, Shared> {
    let name = match (words, high_contrast) {
        (Words::Short, _) => &ui.contrast_short,
        (Words::Full, true) => &ui.standard_contrast,
        (Words::Full, false) => &ui.high_contrast,
    };
    action(label(name), Role::Secondary, Shared::ToggleContrast).into()
}

/// A− and A+, after "Text size" when the words are full.
pub fn text_size<'a>(ui: &'a Ui, comfort: Comfort<'_>, words: Words) -> Vec<Element<'a, Shared>> {
    nav::text_size(
        ui,
        words == Words::Full,
        comfort.can_enlarge,
        Shared::TextSmaller,
        Shared::TextLarger,
    )
}

/// Text size, contrast and the other language, in `words`.
pub fn comfort_controls<'a>(
    ui: &'a Ui,
    comfort: Comfort<'a>,
    words: Words,
) -> Vec<Element<'a, Shared>> {
    let mut controls = text_size(ui, comfort, words);
    controls.push(contrast_button(ui, comfort.high_contrast, words));
    controls.extend(comfort.other_language.map(language_button));
    controls
}
