//! The therapist's tools over the reader: quick jump, the list of shortcuts, the handout dialog,
//! presenting and full screen. At most one dialog is open at a time: [`Overlay`].

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use iced::alignment::Vertical;
use iced::widget::{Column, checkbox, column, responsive, row, scrollable, stack, text_input};
use iced::{Element, Fill, Length};

use super::{
    Comfort, PageParts, Shared, Words, comfort_controls, contrast_button, home_button,
    language_button, text_size,
};
use crate::content::Library;
use crate::content::ids::{ConditionId, TermId};
use crate::content::model::{Condition, Ui};
use crate::content::route::Route;
use crate::desktop::SystemOpener;
use crate::handout::{self, Opener};
use crate::keys;
use crate::search::{self, Hit, Kind};
use crate::theme::style::{self, Role};
use crate::theme::typography;
use crate::theme::{metrics, size};
use crate::widget::drag::drag;
use crate::widget::nav::{self, action, label, modal};

pub mod counts;
pub use counts::{Read as CountsRead, read as read_counts};

/// Quick jump's text box, so opening it can put the cursor there.
pub const SEARCH_INPUT: &str = "find";

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A control every screen shares.
    Shared(Shared),
    /// Open quick jump and put the cursor in its box.
    OpenSearch,
    SearchChanged(String),
    /// Move the highlighted result up (-1) or down (+1).
    SearchMove(i32),
    /// Open the highlighted result.
    SearchSubmit,
    /// Open a result by its place in the list.
    OpenResult(usize),
    ToggleShortcuts,
    /// Open the list of the controls a crowded toolbar has no room for.
    OpenMore,
    TogglePresenting,
    ToggleFullscreen,
    /// Open the dialog that makes the take-home handout.
    OpenHandout,
    /// Tick or untick a condition to name on the handout.
    ToggleHandoutCondition(ConditionId),
    /// Narrow the list of conditions to those whose names hold these words.
    FilterConditions(String),
    UntickAll,
    /// Save the handout and hand it to the desktop to open.
    MakeHandout,
    /// What became of the handout.
    HandoutMade(handout::Outcome),
    /// Show the folder the handout was saved in.
    ShowFolder,
    /// Whether the desktop could show the folder.
    FolderShown {
        folder: PathBuf,
        shown: bool,
    },
    /// Open the staff's view of the clinic's anonymous counts.
    OpenCounts,
    /// What was read of them (boxed: the counts are large beside the other messages).
    CountsRead(Box<Result<CountsRead, crate::insights::InsightsError>>),
    /// Show the kiosk's counts, or the consult room's.
    ShowCountsOf(crate::insights::Mode),
    /// Open the page a question of the check teaches, closing the counts.
    OpenTaught(crate::content::route::PageId),
    /// Close the dialog.
    Close,
}

/// What the app must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Shared(Shared),
    Open(Route),
    /// Open the glossary with this term explained.
    Explain(TermId),
    /// Put the cursor in quick jump's box.
    FocusSearch,
    /// Make the window full screen, or not.
    Fullscreen(bool),
    /// Save this handout and open it; report back with [`Message::HandoutMade`].
    SaveHandout(Box<handout::Job>),
    /// Hand this folder to the desktop to show; report back with [`Message::FolderShown`].
    ShowFolder(PathBuf),
    /// The page is drawn at another size: keep the reader's place on it.
    KeepPlace,
    /// Read the clinic's counts; report back with [`Message::CountsRead`].
    ReadCounts,
}

/// Quick jump's state: what was typed and which result is highlighted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Search {
    pub query: String,
    pub selected: usize,
}

/// The handout dialog: the words that narrow its list, what happened last time it was made, and
/// the folder the desktop could not show. The ticks outlive it ([`Consult::handout_ticks`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HandoutDialog {
    pub filter: String,
    pub outcome: Option<handout::Outcome>,
    pub folder_not_shown: Option<PathBuf>,
}

/// Where the consult room's bar goes: `width` wide at the right (its room at the normal text
/// size), with Home on it (`home_inside`) where the page list is hidden at every text size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub width: f32,
    pub home_inside: bool,
}

/// The one dialog over the page, if any.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Search(Search),
    Shortcuts,
    Handout(HandoutDialog),
    /// The toolbar's controls, when it is too crowded to show them all.
    More,
    /// The clinic's anonymous counts, for staff.
    Counts(counts::Dialog),
}

/// Where handouts go and what opens them; tests put in an opener that only records.
#[derive(Clone)]
pub struct HandoutSetup {
    pub folder: PathBuf,
    pub opener: Arc<dyn Opener + Send + Sync>,
}

impl std::fmt::Debug for HandoutSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HandoutSetup")
            .field("folder", &self.folder)
            .finish_non_exhaustive()
    }
}

// The same folder and the very same opener: an opener has no value to compare, only identity.
impl PartialEq for HandoutSetup {
    fn eq(&self, other: &Self) -> bool {
        self.folder == other.folder && Arc::ptr_eq(&self.opener, &other.opener)
    }
}

impl Default for HandoutSetup {
    fn default() -> HandoutSetup {
        HandoutSetup {
            folder: handout::default_folder(),
            opener: Arc::new(SystemOpener),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Consult {
    overlay: Option<Overlay>,
    presenting: bool,
    fullscreen: bool,
    /// Quick-jump indexes, one per edition, in the order of the app's editions. Each is built
    /// the first time it is searched, not at start-up, where the first frame would wait for it.
    indexes: Arc<[OnceLock<search::Index>]>,
    handout: HandoutSetup,
    /// The conditions ticked for the handout, kept while the dialog is closed: a second
    /// handout for the same patient, in the other language, needs them again.
    handout_ticks: Vec<ConditionId>,
}

impl Consult {
    pub fn new(editions: &[Library]) -> Consult {
        Consult {
            overlay: None,
            presenting: false,
            fullscreen: false,
            indexes: editions.iter().map(|_| OnceLock::new()).collect(),
            handout: HandoutSetup::default(),
            handout_ticks: Vec::new(),
        }
    }

    pub fn with_handout(mut self, setup: HandoutSetup) -> Consult {
        self.handout = setup;
        self
    }

    pub fn handout_setup(&self) -> &HandoutSetup {
        &self.handout
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn search(&self) -> Option<&Search> {
        match &self.overlay {
            Some(Overlay::Search(search)) => Some(search),
            _ => None,
        }
    }

    pub fn handout_ticks(&self) -> &[ConditionId] {
        &self.handout_ticks
    }

    pub fn handout_dialog(&self) -> Option<&HandoutDialog> {
        match &self.overlay {
            Some(Overlay::Handout(dialog)) => Some(dialog),
            _ => None,
        }
    }

    pub fn presenting(&self) -> bool {
        self.presenting
    }

    /// The results for what is typed in quick jump, in `library`, the edition at `locale`.
    pub fn search_results(&self, library: &Library, locale: usize) -> Vec<Hit> {
        self.search().map_or_else(Vec::new, |search| {
            self.indexes[locale]
                .get_or_init(|| search::Index::new(library))
                .search(&search.query)
        })
    }

    /// Closes the dialog; false if there was none.
    pub fn dismiss(&mut self) -> bool {
        self.overlay.take().is_some()
    }

    /// `library` is the edition on screen, at `locale` among the app's editions; `discussion` is
    /// what the patient's teach-back check brought up, for the handout.
    pub fn update(
        &mut self,
        message: Message,
        library: &Library,
        locale: usize,
        discussion: Option<handout::Discussion>,
    ) -> Action {
        match message {
            Message::Shared(shared) => {
                // A choice made in More closes it; the toolbar's own controls leave any
                // other dialog open.
                if self.overlay == Some(Overlay::More) {
                    self.overlay = None;
                }
                Action::Shared(shared)
            }
            Message::OpenMore => {
                self.overlay = Some(Overlay::More);
                Action::None
            }
            Message::OpenSearch => {
                if self.search().is_none() {
                    self.overlay = Some(Overlay::Search(Search::default()));
                }
                Action::FocusSearch
            }
            Message::SearchChanged(query) => {
                if let Some(Overlay::Search(search)) = &mut self.overlay {
                    *search = Search { query, selected: 0 };
                }
                Action::None
            }
            Message::SearchMove(step) => {
                let count = self.search_results(library, locale).len();
                if let Some(Overlay::Search(search)) = &mut self.overlay
                    && count > 0
                {
                    let last = count as i64 - 1;
                    search.selected =
                        (search.selected as i64 + i64::from(step)).clamp(0, last) as usize;
                }
                Action::None
            }
            Message::SearchSubmit => {
                let selected = self.search().map_or(0, |search| search.selected);
                self.update(Message::OpenResult(selected), library, locale, None)
            }
            Message::OpenResult(index) => {
                let Some(hit) = self.search_results(library, locale).into_iter().nth(index) else {
                    return Action::None;
                };
                self.overlay = None;
                match hit.target {
                    search::Target::Route(route) => Action::Open(route),
                    search::Target::Term(id) => Action::Explain(id),
                }
            }
            Message::ToggleShortcuts => {
                self.overlay = match self.overlay {
                    Some(Overlay::Shortcuts) => None,
                    _ => Some(Overlay::Shortcuts),
                };
                Action::None
            }
            Message::TogglePresenting => {
                self.presenting = !self.presenting;
                if matches!(self.overlay, Some(Overlay::Search(_) | Overlay::More)) {
                    self.overlay = None;
                }
                Action::KeepPlace
            }
            Message::ToggleFullscreen => {
                self.fullscreen = !self.fullscreen;
                Action::Fullscreen(self.fullscreen)
            }
            Message::OpenHandout => {
                self.overlay = Some(Overlay::Handout(HandoutDialog::default()));
                Action::None
            }
            Message::ToggleHandoutCondition(id) => {
                let known = library.condition(id.as_str()).is_some();
                if self.handout_dialog().is_some() && known {
                    super::toggle(&mut self.handout_ticks, id);
                }
                Action::None
            }
            Message::FilterConditions(filter) => {
                if let Some(Overlay::Handout(dialog)) = &mut self.overlay {
                    dialog.filter = filter;
                }
                Action::None
            }
            Message::UntickAll => {
                self.handout_ticks.clear();
                Action::None
            }
            Message::MakeHandout => {
                if self.handout_dialog().is_none() {
                    return Action::None;
                }
                let conditions = ticked(library, &self.handout_ticks)
                    .map(|condition| ConditionId::from(condition.id.as_str()))
                    .collect();
                let options = handout::HandoutOptions {
                    conditions,
                    discussion,
                    paper: library.clinic.paper,
                };
                Action::SaveHandout(Box::new(handout::Job::new(
                    library,
                    &options,
                    self.handout.folder.clone(),
                )))
            }
            Message::HandoutMade(outcome) => {
                if let Some(Overlay::Handout(dialog)) = &mut self.overlay {
                    dialog.outcome = Some(outcome);
                    dialog.folder_not_shown = None;
                }
                Action::None
            }
            Message::ShowFolder => self
                .handout_dialog()
                .and_then(|dialog| dialog.outcome.as_ref()?.saved()?.parent())
                .map_or(Action::None, |folder| Action::ShowFolder(folder.to_owned())),
            Message::FolderShown { folder, shown } => {
                if let Some(Overlay::Handout(dialog)) = &mut self.overlay {
                    dialog.folder_not_shown = (!shown).then_some(folder);
                }
                Action::None
            }
            Message::OpenCounts => {
                self.overlay = Some(Overlay::Counts(counts::Dialog::default()));
                Action::ReadCounts
            }
            Message::CountsRead(read) => {
                if let Some(Overlay::Counts(dialog)) = &mut self.overlay {
                    dialog.read = Some(read);
                }
                Action::None
            }
            Message::ShowCountsOf(room) => {
                if let Some(Overlay::Counts(dialog)) = &mut self.overlay {
                    dialog.room = room;
                }
                Action::None
            }
            Message::OpenTaught(page) => {
                self.overlay = None;
                Action::Open(Route::Page(page))
            }
            Message::Close => {
                self.overlay = None;
                Action::None
            }
        }
    }

    /// The consult room's whole window: its bar (none while presenting), `width` wide at the
    /// right, over the page, the page list beside them when there is room (`sidebar`), and
    /// the open dialog over all. `to_app` carries the room's messages to the app.
    #[allow(clippy::too_many_arguments)]
    pub fn frame<'a, M: 'a>(
        &'a self,
        library: &'a Library,
        locale: usize,
        comfort: Comfort<'a>,
        bar: Bar,
        with_discussion: bool,
        sidebar: Option<Element<'a, M>>,
        parts: PageParts<'a, M>,
        to_app: fn(Message) -> M,
    ) -> Element<'a, M> {
        let PageParts { page, term, foot } = parts;
        let hidden_list = sidebar.is_none();
        let toolbar = self
            .toolbar(library, comfort, hidden_list && bar.home_inside, bar.width)
            .map(|toolbar| {
                // At the right, as wide as at the normal text size; where a larger text hid the
                // page list, Home at the left, in its place.
                let home = (hidden_list && !bar.home_inside).then(|| {
                    iced::widget::container(
                        home_button(&library.ui, comfort, Role::Secondary)
                            .map(Message::Shared)
                            .map(to_app),
                    )
                    .padding([metrics::S * comfort.scale, metrics::M * comfort.scale])
                });
                let toolbar = iced::widget::container(toolbar.map(to_app)).width(bar.width);
                let row = row![]
                    .push(home)
                    .push(iced::widget::space().width(Fill))
                    .push(toolbar)
                    .align_y(Vertical::Center);
                iced::widget::container(row).style(style::bar)
            });
        let main = column![].push(toolbar).push(page).push(term).push(foot);
        let frame: Element<'a, M> = match sidebar {
            Some(sidebar) => row![sidebar, main].into(),
            None => main.into(),
        };
        let overlay = self
            .overlay_view(library, locale, comfort, with_discussion)
            .map(|overlay| overlay.map(to_app));
        stack![frame].push(overlay).into()
    }

    /// The open dialog, drawn over the page.
    /// `with_discussion` says the patient has done the check, so the handout ends with its
    /// summary.
    pub fn overlay_view<'a>(
        &'a self,
        library: &'a Library,
        locale: usize,
        comfort: Comfort<'a>,
        with_discussion: bool,
    ) -> Option<Element<'a, Message>> {
        Some(match self.overlay.as_ref()? {
            Overlay::Shortcuts => shortcuts(&library.ui),
            Overlay::Search(search) => {
                let results = self.search_results(library, locale);
                // Nothing here, but something in the other language: say what, with the switch.
                let other = comfort
                    .other
                    .filter(|_| results.is_empty())
                    .and_then(|other| {
                        let hits = self.search_results(other, (locale + 1) % self.indexes.len());
                        Some((other, hits.into_iter().next()?.title))
                    });
                search_view(search, results, &library.ui, other)
            }
            Overlay::Handout(dialog) => {
                handout_view(dialog, &self.handout_ticks, library, with_discussion)
            }
            Overlay::More => more_view(library, comfort),
            Overlay::Counts(dialog) => counts::view(dialog, library),
        })
    }

    /// Find, text size, contrast, the other language, the handout and presenting, over the page,
    /// `width` wide. With `with_home`, Home comes first, so every page is in reach when the page
    /// list is hidden (a narrow window). Where they do not all fit on one line, the labels get
    /// shorter, then the language, contrast and handout move into More. None while presenting:
    /// the patient sees only the page.
    pub fn toolbar<'a>(
        &self,
        library: &'a Library,
        comfort: Comfort<'a>,
        with_home: bool,
        width: f32,
    ) -> Option<Element<'a, Message>> {
        if self.presenting {
            return None;
        }
        let ui = &library.ui;
        let shared = |element: Element<'a, Shared>| element.map(Message::Shared);
        let start = |words: Words| {
            let find = move |ui: &Ui| match words {
                Words::Full => format!("{}  ({})", ui.consult.find, keys::label("{command}+K")),
                Words::Short => ui.consult.find.clone(),
            };
            let home = with_home.then(|| shared(home_button(ui, comfort, Role::Secondary)));
            home.into_iter()
                .chain([comfort.button(ui, find, Role::Secondary, Message::OpenSearch)])
                .collect::<Vec<_>>()
        };
        let handout = || {
            comfort.button(
                ui,
                |ui| ui.handout.button.as_str(),
                Role::Secondary,
                Message::OpenHandout,
            )
        };
        let present = || {
            comfort.button(
                ui,
                |ui| ui.consult.present.as_str(),
                Role::Primary,
                Message::TogglePresenting,
            )
        };
        let more = || {
            comfort.button(
                ui,
                |ui| ui.more.as_str(),
                Role::Secondary,
                Message::OpenMore,
            )
        };
        let all = |words: Words| -> Vec<Element<'a, Message>> {
            let mut end: Vec<_> = comfort_controls(ui, comfort, words)
                .into_iter()
                .map(shared)
                .collect();
            end.extend([handout(), present()]);
            end
        };
        let sizes = || -> Vec<Element<'a, Message>> {
            text_size(ui, comfort, Words::Short)
                .into_iter()
                .map(shared)
                .collect()
        };
        let forms = [
            (start(Words::Full), all(Words::Full)),
            (start(Words::Short), all(Words::Short)),
            (start(Words::Short), {
                let mut end = sizes();
                end.extend([more(), present()]);
                end
            }),
            (start(Words::Short), {
                let mut end = sizes();
                end.push(more());
                end
            }),
        ];
        Some(nav::bar_scaled(forms, width, comfort.scale))
    }

    /// Stop presenting, for the footer, while presenting.
    pub fn stop_presenting<'a>(&self, ui: &'a Ui) -> Option<Element<'a, Message>> {
        self.presenting.then(|| {
            action(
                label(&ui.consult.stop_presenting),
                Role::Secondary,
                Message::TogglePresenting,
            )
            .into()
        })
    }
}

/// The column that says what a result is: wide enough for "Problema de salud" on one line.
const KIND_WIDTH: f32 = 200.0;

/// Quick jump: a box to type in, and the results under it, the highlighted one marked.
fn search_view<'a>(
    search: &Search,
    results: Vec<Hit>,
    ui: &'a Ui,
    found_in: Option<(&'a Library, String)>,
) -> Element<'a, Message> {
    let words = &ui.consult;
    let input = text_input(&words.find_placeholder, &search.query)
        .id(SEARCH_INPUT)
        .on_input(Message::SearchChanged)
        .on_submit(Message::SearchSubmit)
        .size(size::SUBHEADING)
        .padding(metrics::S)
        .style(style::text_input);
    let listed: Element<'a, Message> = if results.is_empty() && !search.query.trim().is_empty() {
        let other = found_in.map(|(other, found)| {
            row![
                typography::body(words.find_in_other.replace("{found}", &found)).width(Fill),
                action(
                    label(&other.ui.language_name),
                    Role::Secondary,
                    Message::Shared(Shared::SwitchLanguage),
                ),
            ]
            .spacing(metrics::S)
            .align_y(Vertical::Center)
        });
        column![typography::body(&words.find_nothing).style(style::muted)]
            .push(other)
            .spacing(metrics::S)
            .into()
    } else {
        Column::with_children(results.into_iter().enumerate().map(|(index, hit)| {
            let kind = match hit.kind {
                Kind::Page => &words.result_page,
                Kind::Condition => &words.result_condition,
                Kind::Term => &words.result_term,
            };
            let line = row![
                typography::body(kind)
                    .style(style::muted)
                    .width(Length::Fixed(KIND_WIDTH)),
                column![typography::strong(hit.title)].push(
                    hit.detail
                        .map(|detail| typography::body(detail).style(style::muted))
                ),
            ]
            .spacing(metrics::S);
            let role = Role::Nav {
                current: index == search.selected,
                urgent: false,
            };
            action(line, role, Message::OpenResult(index))
                .width(Fill)
                .into()
        }))
        .spacing(2)
        .into()
    };
    let panel = column![
        row![
            typography::heading(&words.find).width(Fill),
            action(label(&ui.close), Role::Secondary, Message::Close)
        ]
        .align_y(Vertical::Center),
        input,
        // On a short screen the results scroll, by finger too, under the box.
        drag(
            scrollable(listed)
                .height(Length::Shrink)
                .style(style::scrollbar),
        ),
    ]
    .spacing(metrics::M);
    modal(panel, true, Message::Close)
}

/// The handout dialog: find and tick the conditions to name, then make it; says where it was
/// saved and offers to show that folder. It sits at the top, and nothing in it moves when a box
/// is ticked or the handout made: the list stays in reading order, and Make stays at the foot,
/// with what it said above it.
fn handout_view<'a>(
    dialog: &'a HandoutDialog,
    ticks: &'a [ConditionId],
    library: &'a Library,
    with_discussion: bool,
) -> Element<'a, Message> {
    let panel = responsive(move |room| {
        handout_panel(
            dialog,
            ticks,
            library,
            with_discussion,
            room.height >= HANDOUT_LIST_ROOM,
        )
    });
    modal(panel, true, Message::Close)
}

/// Below this room (large text on a short window), the handout dialog scrolls as a whole: its
/// list alone between the fixed parts would have no room left.
const HANDOUT_LIST_ROOM: f32 = 560.0;

/// The handout dialog's card: with `list_scrolls`, the list alone scrolls, between the words
/// that choose and the foot that makes; without, everything between the title and the button
/// that makes (with what it made) scrolls together.
fn handout_panel<'a>(
    dialog: &'a HandoutDialog,
    ticks: &[ConditionId],
    library: &'a Library,
    with_discussion: bool,
    list_scrolls: bool,
) -> Element<'a, Message> {
    let words = &library.ui.handout;
    let named: Vec<&str> = ticked(library, ticks)
        .map(|condition| condition.name.as_str())
        .collect();
    let will_name = if named.is_empty() {
        words.will_name_none.clone()
    } else {
        words.will_name.replace("{conditions}", &named.join(", "))
    };
    // A ticked condition stays in the list whatever is typed, so no tick is out of sight.
    let boxes = library.conditions().filter_map(|(_, condition)| {
        let id = ConditionId::from(condition.id.as_str());
        let ticked = ticks.contains(&id);
        (ticked || names_hold(condition, &dialog.filter)).then(|| {
            checkbox(ticked)
                .label(condition.full_name())
                .on_toggle(move |_| Message::ToggleHandoutCondition(id.clone()))
                .size(28)
                .text_size(size::BODY)
                .spacing(metrics::S)
                .style(style::checkbox)
                .into()
        })
    });
    let matching = library
        .conditions()
        .any(|(_, condition)| names_hold(condition, &dialog.filter));
    let nothing_found = (!matching).then(|| {
        typography::body(
            words
                .no_condition_found
                .replace("{query}", dialog.filter.trim()),
        )
        .style(style::muted)
    });
    let filter = text_input(&words.find_condition, &dialog.filter)
        .on_input(Message::FilterConditions)
        .size(size::BODY)
        .padding(metrics::S)
        .width(Fill)
        .style(style::text_input);
    // Always there, greyed with nothing ticked, so the box beside it keeps its width.
    let untick = action(
        label(&words.untick_all),
        Role::Secondary,
        Message::UntickAll,
    )
    .on_press_maybe((!ticks.is_empty()).then_some(Message::UntickAll));
    let outcome = dialog
        .outcome
        .as_ref()
        .map(|outcome| typography::strong(handout::message(library, outcome)));
    let show_folder = dialog
        .outcome
        .as_ref()
        .and_then(handout::Outcome::saved)
        .map(|_| {
            action(
                label(&words.show_folder),
                Role::Secondary,
                Message::ShowFolder,
            )
        });
    let folder_not_shown = dialog.folder_not_shown.as_ref().map(|folder| {
        typography::body(
            words
                .folder_not_shown
                .replace("{folder}", &folder.display().to_string()),
        )
    });
    let list = Column::with_children(boxes)
        .push(nothing_found)
        .spacing(metrics::S)
        .padding([0.0, metrics::S]);
    // Staff write the numbers in by hand where the clinic has not set them.
    let numbers_missing = (!library.clinic.missing().is_empty())
        .then(|| typography::strong(&words.numbers_missing).style(style::urgent_text));
    let will_make = column![typography::body(will_name)]
        .push(numbers_missing)
        .push(with_discussion.then(|| typography::strong(&words.with_discussion)))
        .spacing(metrics::S);
    // What was made and the button that makes it, never scrolled away: on a short screen they
    // sat under the whole list, and the result was cut off below it.
    let make = column![]
        .push(outcome)
        .push(folder_not_shown)
        .push(
            row![action(
                label(&words.make),
                Role::Primary,
                Message::MakeHandout
            )]
            .push(show_folder)
            .spacing(metrics::S),
        )
        .spacing(metrics::S);
    let title = row![
        typography::heading(&words.dialog_title).width(Fill),
        action(label(&library.ui.close), Role::Secondary, Message::Close),
    ]
    .align_y(Vertical::Center);
    let choose = typography::body(&words.choose_conditions);
    let find = row![filter, untick]
        .spacing(metrics::S)
        .align_y(Vertical::Center);
    let scrolled = |content: Element<'a, Message>| {
        scrollable(content)
            .direction(scrollable::Direction::Vertical(
                scrollable::Scrollbar::new().spacing(metrics::XS),
            ))
            .height(Fill)
            .width(Fill)
            .style(style::scrollbar)
    };
    if list_scrolls {
        column![title, choose, find, scrolled(list.into()), will_make, make]
            .spacing(metrics::M)
            .into()
    } else {
        let rest = column![choose, find, list, will_make].spacing(metrics::M);
        column![title, scrolled(rest.into()), make]
            .spacing(metrics::M)
            .into()
    }
}

/// The conditions ticked for the handout, in reading order whatever order they were ticked in:
/// the order the handout names them in, and the dialog says it will.
fn ticked<'a>(
    library: &'a Library,
    ticks: &'a [ConditionId],
) -> impl Iterator<Item = &'a Condition> + 'a {
    library
        .conditions()
        .map(|(_, condition)| condition)
        .filter(|condition| ticks.iter().any(|id| id.as_str() == condition.id))
}

/// Whether every word of `filter` is in one of the condition's names, whatever the case and
/// accents: "codo" finds "Codo de tenista", "epicond" its medical name.
fn names_hold(condition: &Condition, filter: &str) -> bool {
    let names = std::iter::once(&condition.name)
        .chain(&condition.medical_name)
        .chain(&condition.also_called)
        .map(|name| search::fold(name))
        .collect::<Vec<_>>()
        .join(" ");
    search::fold(filter)
        .split_whitespace()
        .all(|word| names.contains(word))
}

/// Every keyboard shortcut, in two columns.
fn shortcuts(ui: &Ui) -> Element<'_, Message> {
    let words = &ui.consult;
    let rows = words.shortcuts.iter().map(|(held, what)| {
        row![
            typography::strong(keys::label(held)).width(Length::FillPortion(2)),
            typography::body(what).width(Length::FillPortion(3)),
        ]
        .spacing(metrics::M)
        .into()
    });
    let panel = column![
        row![
            typography::heading(&words.shortcuts_title).width(Fill),
            action(label(&ui.close), Role::Primary, Message::Close),
        ]
        .align_y(Vertical::Center),
        Column::with_children(rows).spacing(metrics::S),
    ]
    .spacing(metrics::M);
    modal(panel, false, Message::Close)
}

/// More: every control of the toolbar that a narrow one may leave out, one to a line.
fn more_view<'a>(library: &'a Library, comfort: Comfort<'a>) -> Element<'a, Message> {
    let ui = &library.ui;
    let shared = |element: Element<'a, Shared>| element.map(Message::Shared);
    let controls = language_button(ui, comfort).map(shared).into_iter().chain([
        shared(contrast_button(ui, comfort, Words::Full)),
        action(
            label(&ui.handout.button),
            Role::Secondary,
            Message::OpenHandout,
        )
        .into(),
        action(
            label(&ui.consult.present),
            Role::Secondary,
            Message::TogglePresenting,
        )
        .into(),
        action(
            label(&ui.consult.shortcuts_title),
            Role::Secondary,
            Message::ToggleShortcuts,
        )
        .into(),
    ]);
    let panel = column![
        row![
            typography::heading(&ui.more).width(Fill),
            action(label(&ui.close), Role::Primary, Message::Close),
        ]
        .spacing(metrics::M)
        .align_y(Vertical::Center),
        // In large text on a short screen the list scrolls (by finger too), so no control is
        // cut off at the card's foot.
        drag(
            scrollable(Column::with_children(controls).spacing(metrics::S))
                .width(Fill)
                .height(Length::Shrink)
                .style(style::scrollbar),
        ),
    ]
    .spacing(metrics::M);
    modal(panel, false, Message::Close)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editions() -> Vec<Library> {
        crate::content::LOCALES
            .iter()
            .map(|locale| Library::embedded(locale).unwrap())
            .collect()
    }

    #[test]
    fn quick_jump_finds_a_condition_and_a_word_and_closes() {
        let editions = editions();
        let library = &editions[0];
        let mut consult = Consult::new(&editions);
        assert_eq!(
            consult.update(Message::OpenSearch, library, 0, None),
            Action::FocusSearch
        );
        let _ = consult.update(Message::SearchChanged("tennis".into()), library, 0, None);
        assert!(!consult.search_results(library, 0).is_empty());
        assert_eq!(
            consult.update(Message::SearchSubmit, library, 0, None),
            Action::Open(Route::Condition("lateral-epicondylitis".into()))
        );
        assert_eq!(
            consult.overlay(),
            None,
            "opening a result closes quick jump"
        );

        let _ = consult.update(Message::OpenSearch, library, 0, None);
        let _ = consult.update(Message::SearchChanged("pneumo".into()), library, 0, None);
        assert_eq!(
            consult.update(Message::SearchSubmit, library, 0, None),
            Action::Explain("pneumothorax".into())
        );
    }

    #[test]
    fn up_and_down_stay_within_the_results() {
        let editions = editions();
        let library = &editions[0];
        let mut consult = Consult::new(&editions);
        let _ = consult.update(Message::OpenSearch, library, 0, None);
        let _ = consult.update(Message::SearchChanged("pain".into()), library, 0, None);
        let count = consult.search_results(library, 0).len();
        assert!(count > 2);
        for _ in 0..20 {
            let _ = consult.update(Message::SearchMove(1), library, 0, None);
        }
        assert_eq!(consult.search().unwrap().selected, count - 1);
        for _ in 0..20 {
            let _ = consult.update(Message::SearchMove(-1), library, 0, None);
        }
        assert_eq!(consult.search().unwrap().selected, 0);
        let _ = consult.update(Message::SearchMove(1), library, 0, None);
        let second = consult.search_results(library, 0)[1].clone();
        assert_eq!(
            consult.update(Message::SearchSubmit, library, 0, None),
            match second.target {
                search::Target::Route(route) => Action::Open(route),
                search::Target::Term(id) => Action::Explain(id),
            }
        );
    }

    #[test]
    fn one_dialog_at_a_time() {
        let editions = editions();
        let library = &editions[0];
        let mut consult = Consult::new(&editions);
        let _ = consult.update(Message::OpenSearch, library, 0, None);
        let _ = consult.update(Message::ToggleShortcuts, library, 0, None);
        assert_eq!(consult.overlay(), Some(&Overlay::Shortcuts));
        let _ = consult.update(Message::OpenHandout, library, 0, None);
        assert!(consult.handout_dialog().is_some());
        assert!(consult.search().is_none());
        assert!(consult.dismiss());
        assert!(!consult.dismiss(), "nothing left to close");
    }

    #[test]
    fn the_handout_names_the_ticked_conditions_in_reading_order() {
        let editions = editions();
        let library = &editions[0];
        let folder = std::env::temp_dir();
        let mut consult = Consult::new(&editions);
        let _ = consult.update(Message::OpenHandout, library, 0, None);
        for id in [
            "sciatica",
            "knee-pain",
            "knee-pain",
            "not-a-condition",
            "neck-pain",
        ] {
            let _ = consult.update(Message::ToggleHandoutCondition(id.into()), library, 0, None);
        }
        assert_eq!(
            consult.handout_ticks(),
            [
                ConditionId::from("sciatica"),
                ConditionId::from("neck-pain")
            ]
        );
        let Action::SaveHandout(job) = consult.update(Message::MakeHandout, library, 0, None)
        else {
            panic!("making the handout asks the app to save it");
        };
        let in_order: Vec<ConditionId> = library
            .conditions()
            .map(|(_, condition)| ConditionId::from(condition.id.as_str()))
            .filter(|id| id.as_str() == "sciatica" || id.as_str() == "neck-pain")
            .collect();
        let expected = handout::Job::new(
            library,
            &handout::HandoutOptions {
                conditions: in_order.clone(),
                discussion: None,
                paper: library.clinic.paper,
            },
            folder.clone(),
        );
        assert_eq!(job.pdf(), expected.pdf());
        assert!(job.pdf().is_ok_and(|pdf| pdf.starts_with(b"%PDF")));
        // What it says: the ticked conditions, and no summary before the check.
        let says = |discussion| {
            handout::sheet(
                library,
                &handout::HandoutOptions {
                    conditions: in_order.clone(),
                    discussion,
                    paper: library.clinic.paper,
                },
                &handout::Cuts::none(),
            )
            .text()
        };
        let without = says(None);
        assert!(without.contains("Sciatica") && !without.contains("Knee pain"));
        assert_eq!(job.folder(), handout::default_folder().as_path());
        let title = &library.ui.teach_back.discussion_title;
        assert!(!without.contains(title.as_str()));

        // After the check, the handout carries its discussion summary.
        let discussion = handout::Discussion {
            topics: vec!["The warning signs of a collapsed lung".into()],
            ..handout::Discussion::default()
        };
        let Action::SaveHandout(job) =
            consult.update(Message::MakeHandout, library, 0, Some(discussion.clone()))
        else {
            panic!("making the handout asks the app to save it");
        };
        let expected = handout::Job::new(
            library,
            &handout::HandoutOptions {
                conditions: in_order.clone(),
                discussion: Some(discussion.clone()),
                paper: library.clinic.paper,
            },
            folder.clone(),
        );
        assert_eq!(job.pdf(), expected.pdf());
        let with = says(Some(discussion));
        assert!(with.contains(title.as_str()));
        assert!(with.contains("The warning signs of a collapsed lung"));

        let outcome = handout::Outcome::SavedOnly(folder.join("x.pdf"));
        let _ = consult.update(Message::HandoutMade(outcome.clone()), library, 0, None);
        assert_eq!(consult.handout_dialog().unwrap().outcome, Some(outcome));
    }

    #[test]
    fn the_handouts_ticks_outlive_the_dialog_and_untick_all_clears_them() {
        let editions = editions();
        let library = &editions[0];
        let mut consult = Consult::new(&editions);
        // No dialog, no tick.
        let _ = consult.update(
            Message::ToggleHandoutCondition("sciatica".into()),
            library,
            0,
            None,
        );
        assert!(consult.handout_ticks().is_empty());
        let _ = consult.update(Message::OpenHandout, library, 0, None);
        let _ = consult.update(
            Message::ToggleHandoutCondition("sciatica".into()),
            library,
            0,
            None,
        );
        let _ = consult.update(Message::FilterConditions("knee".into()), library, 0, None);
        let _ = consult.update(Message::Close, library, 0, None);
        let _ = consult.update(Message::OpenHandout, library, 0, None);
        assert_eq!(consult.handout_ticks(), [ConditionId::from("sciatica")]);
        assert_eq!(
            consult.handout_dialog().unwrap().filter,
            "",
            "a fresh dialog, the same ticks"
        );
        let _ = consult.update(Message::UntickAll, library, 0, None);
        assert!(consult.handout_ticks().is_empty());
    }

    #[test]
    fn the_filter_finds_a_condition_by_any_of_its_names_whatever_the_accents() {
        let editions = editions();
        let found = |locale: usize, filter: &str| -> Vec<String> {
            editions[locale]
                .conditions()
                .filter(|(_, condition)| names_hold(condition, filter))
                .map(|(_, condition)| condition.id.clone())
                .collect()
        };
        assert_eq!(found(0, "tennis"), ["lateral-epicondylitis"]);
        assert_eq!(found(0, "EPICONDYL lateral"), ["lateral-epicondylitis"]);
        assert!(
            found(0, "tennis knee").is_empty(),
            "every word must be found"
        );
        let es = editions
            .iter()
            .position(|library| library.locale == "es")
            .unwrap();
        assert_eq!(found(es, "codo tenista"), found(es, "CÓDO tenísta"));
        assert_eq!(found(es, "codo tenista"), ["lateral-epicondylitis"]);
        assert_eq!(found(0, "  ").len(), editions[0].conditions().count());
    }

    #[test]
    fn show_the_folder_asks_for_the_saved_files_folder_and_says_where_it_is_if_none_showed() {
        let editions = editions();
        let library = &editions[0];
        let mut consult = Consult::new(&editions);
        let _ = consult.update(Message::OpenHandout, library, 0, None);
        assert_eq!(
            consult.update(Message::ShowFolder, library, 0, None),
            Action::None
        );
        let folder = std::env::temp_dir().join("handouts");
        let outcome = handout::Outcome::Sent(folder.join("x.pdf"));
        let _ = consult.update(Message::HandoutMade(outcome), library, 0, None);
        assert_eq!(
            consult.update(Message::ShowFolder, library, 0, None),
            Action::ShowFolder(folder.clone())
        );
        let shown = |shown| Message::FolderShown {
            folder: folder.clone(),
            shown,
        };
        let _ = consult.update(shown(false), library, 0, None);
        assert_eq!(
            consult.handout_dialog().unwrap().folder_not_shown,
            Some(folder.clone())
        );
        let _ = consult.update(shown(true), library, 0, None);
        assert_eq!(consult.handout_dialog().unwrap().folder_not_shown, None);
    }

    #[test]
    fn presenting_closes_quick_jump() {
        let editions = editions();
        let library = &editions[0];
        let mut consult = Consult::new(&editions);
        let _ = consult.update(Message::OpenSearch, library, 0, None);
        let _ = consult.update(Message::TogglePresenting, library, 0, None);
        assert!(consult.presenting());
        assert_eq!(consult.overlay(), None);
        let comfort = Comfort {
            other: None,
            high_contrast: false,
            can_enlarge: true,
            can_shrink: false,
            scale: 1.0,
        };
        assert!(consult.toolbar(library, comfort, false, 1280.0).is_none());
    }
}
