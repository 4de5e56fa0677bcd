//! The screens: each owns its state, its messages, the `update` that changes them and the `view`
//! that draws them. What a screen cannot do itself it hands up to the app as an action.

pub mod consult;
pub mod kiosk;
pub mod reader;

use iced::Element;

use crate::content::Library;
use crate::content::model::Ui;
use crate::insights::InsightsError;
use crate::theme::size;
use crate::theme::style::Role;
use crate::widget::nav::{self, action_scaled};

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

/// What the comfort controls show: the other edition (if there is another language),
/// whether high contrast is on, whether the text can grow, and how large they are drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comfort<'a> {
    pub other: Option<&'a Library>,
    pub high_contrast: bool,
    pub can_enlarge: bool,
    /// The text is larger than normal: A− would make it smaller.
    pub can_shrink: bool,
    /// How large the controls are drawn against the page. A larger text size enlarges the whole
    /// layout, and the bars' controls are drawn that much smaller, so that on the screen they
    /// keep their place and size under a finger (or pointer) that taps A+ again and again.
    pub scale: f32,
}

impl<'a> Comfort<'a> {
    /// The words of the same control in both languages, from `words`: what it may show, and so
    /// the room it keeps whichever it shows.
    fn in_both<T: Into<String>>(&self, ui: &'a Ui, words: impl Fn(&'a Ui) -> T) -> Vec<String> {
        std::iter::once(ui)
            .chain(self.other.map(|other| &other.ui))
            .map(|ui| words(ui).into())
            .collect()
    }

    /// A label that shows `shown` as wide as the widest of `room`.
    fn label(&self, shown: &str, room: Vec<String>) -> Element<'a, Shared> {
        nav::steady_label(shown.to_owned(), room, size::BODY * self.scale)
    }

    fn action(
        &self,
        label: Element<'a, Shared>,
        role: Role,
        message: Shared,
    ) -> Element<'a, Shared> {
        action_scaled(label, role, message, self.scale).into()
    }

    /// A button of a bar beside the comfort controls, as large as they are drawn, with the
    /// room of its words (`words` of an edition) in either language.
    pub fn button<M: Clone + 'a, T: Into<String>>(
        &self,
        ui: &'a Ui,
        words: impl Fn(&'a Ui) -> T,
        role: Role,
        message: M,
    ) -> Element<'a, M> {
        let room = self.in_both(ui, &words);
        let label = nav::steady_label(words(ui).into(), room, size::BODY * self.scale);
        action_scaled(label, role, message, self.scale).into()
    }
}

/// How much room a bar's labels get: all their words, or their short forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    Full,
    Short,
}

/// What went wrong with the counts file, in the staff's language, naming the file: the technical
/// detail (the database's own message) is the log's.
pub fn counts_trouble(ui: &Ui, error: &InsightsError) -> String {
    let words = &ui.counts_trouble;
    let said = match error {
        InsightsError::Open { .. } => &words.cannot_open,
        InsightsError::NotCounts { .. } => &words.not_counts,
        InsightsError::Newer { .. } => &words.newer,
        InsightsError::Write { .. } => &words.cannot_write,
        InsightsError::Busy { .. } => &words.busy,
        InsightsError::Read { .. } => &words.cannot_read,
        InsightsError::NoFolder { .. } => &words.no_folder,
    };
    said.replace("{file}", error.path())
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
pub fn home_button<'a>(ui: &'a Ui, comfort: Comfort<'a>, role: Role) -> Element<'a, Shared> {
    comfort.button(ui, |ui| &ui.home, role, Shared::Home)
}

/// The switch to the other language, named in that language; none with one language.
pub fn language_button<'a>(ui: &'a Ui, comfort: Comfort<'a>) -> Option<Element<'a, Shared>> {
    let other = comfort.other?;
    let names = comfort.in_both(ui, |ui| &ui.language_name);
    let label = comfort.label(&other.ui.language_name, names);
    Some(comfort.action(label, Role::Secondary, Shared::SwitchLanguage))
}

/// The switch between standard colours and high contrast, saying what it turns on; in its short
/// form, only "Contrast". It keeps the room of its longest words, in either state and language.
pub fn contrast_button<'a>(ui: &'a Ui, comfort: Comfort<'a>, words: Words) -> Element<'a, Shared> {
    let name = |ui: &'a Ui, high_contrast: bool| match (words, high_contrast) {
        (Words::Short, _) => ui.contrast_short.as_str(),
        (Words::Full, true) => ui.standard_contrast.as_str(),
        (Words::Full, false) => ui.high_contrast.as_str(),
    };
    let mut room = comfort.in_both(ui, |ui| name(ui, true));
    room.extend(comfort.in_both(ui, |ui| name(ui, false)));
    let label = comfort.label(name(ui, comfort.high_contrast), room);
    comfort.action(label, Role::Secondary, Shared::ToggleContrast)
}

/// A− and A+, after "Text size" when the words are full; A+ is greyed out when the text can grow
/// no more. None at all where neither would do anything (a screen too small for the layout to
/// grow, as a 7-inch panel's): two greyed buttons there read as broken, and their room lets the
/// bar keep the language on a portrait panel.
pub fn text_size<'a>(ui: &'a Ui, comfort: Comfort<'a>, words: Words) -> Vec<Element<'a, Shared>> {
    if !comfort.can_enlarge && !comfort.can_shrink {
        return Vec::new();
    }
    let caption = (words == Words::Full).then(|| {
        let room = comfort.in_both(ui, |ui| &ui.consult.text_size);
        nav::steady_caption(
            ui.consult.text_size.clone(),
            room,
            size::BODY * comfort.scale,
        )
    });
    // Greyed where it would do nothing: A− at the normal size, A+ at the largest.
    let step = |words: &str, message: Shared, can: bool| -> Element<'a, Shared> {
        action_scaled(
            comfort.label(words, Vec::new()),
            Role::Secondary,
            message,
            comfort.scale,
        )
        .on_press_maybe(can.then_some(message))
        .into()
    };
    caption
        .into_iter()
        .chain([
            step("A−", Shared::TextSmaller, comfort.can_shrink),
            step("A+", Shared::TextLarger, comfort.can_enlarge),
        ])
        .collect()
}

/// Text size, contrast and the other language, in `words`.
pub fn comfort_controls<'a>(
    ui: &'a Ui,
    comfort: Comfort<'a>,
    words: Words,
) -> Vec<Element<'a, Shared>> {
    let mut controls = text_size(ui, comfort, words);
    controls.push(contrast_button(ui, comfort, words));
    controls.extend(language_button(ui, comfort));
    controls
}
