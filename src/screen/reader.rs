//! The reader: the page on screen, the way back, the term being explained and the body region
//! picked. The same in the consult room and the kiosk.

mod layout;
mod message;
mod page;
pub mod teach_back;

use iced::alignment::Vertical;
use iced::widget::{Column, button, column, container, row, scrollable, space};
use iced::{Element, Fill};

use crate::content::Library;
use crate::content::ids::{RegionId, TermId};
use crate::content::model::{PageKind, Ui};
use crate::content::route::{PageId, Route};
use crate::document::{Document, check_items, questions_to_ask};
use crate::theme::style::{self, Role};
use crate::theme::typography;
use crate::theme::{BOLD, FONT, Palette, metrics, size};
use crate::widget::nav::{action, label};
use crate::widget::spans::Terms;
use teach_back::TeachBack;

pub use layout::Layout;
pub use message::{ConditionsTab, Message};
pub use page::{BODY_MAP_WIDTH, SHORT_LAYOUT};

/// How many screens Back remembers.
pub const HISTORY_LIMIT: usize = 64;

/// What the app must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    None,
    /// Another screen is showing: start it at its top.
    Moved,
    /// Back on the screen before: show it where it was left ([`Reader::place`]).
    Returned,
    /// Read the page aloud from this passage on.
    ReadFrom(usize),
    /// The patient is done with the check: clear everything for the next person.
    Clear,
    /// Bring the element with this id into view, at the top, unless it shows already.
    Show(&'static str),
    /// Show the code that takes this screen's questions home on a phone.
    TakeHome,
    /// Open the staff's view of the clinic's anonymous counts.
    OpenCounts,
}

/// The passage being read aloud, so that it can be scrolled into view.
pub const READING: &str = "reading";

/// The page list's mark of the current page: as tall as an entry's line of words.
const MARKER_HEIGHT: f32 = size::BODY * 1.3;

#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    route: Route,
    /// How far down the page is scrolled, from 0 (its top) to 1 (its foot).
    place: f32,
    /// The pages before this one, each with the place it was left at, so Back returns there.
    history: Vec<(Route, f32)>,
    term: Option<TermId>,
    region: Option<RegionId>,
    conditions_tab: ConditionsTab,
    /// The patient's answers to the check: kept while reading on, gone with a fresh reader.
    teach_back: TeachBack,
}

impl Reader {
    /// The reader on `start`, or on Home if `library` has no such screen.
    pub fn new(library: &Library, start: Route) -> Reader {
        let route = if Document::for_route(library, &start).is_some() {
            start
        } else {
            Route::HOME
        };
        Reader {
            route,
            place: 0.0,
            history: Vec::new(),
            term: None,
            region: None,
            conditions_tab: ConditionsTab::default(),
            teach_back: TeachBack::default(),
        }
    }

    pub fn route(&self) -> &Route {
        &self.route
    }

    pub fn term(&self) -> Option<&TermId> {
        self.term.as_ref()
    }

    pub fn selected_region(&self) -> Option<&RegionId> {
        self.region.as_ref()
    }

    pub fn conditions_tab(&self) -> ConditionsTab {
        self.conditions_tab
    }

    pub fn teach_back(&self) -> &TeachBack {
        &self.teach_back
    }

    /// What read-aloud says on this screen, passage by passage: the page's passages; on the
    /// check, its title and the step on screen (never the answers to come), and, where the
    /// screen says it (before the first question, and on the summary), what the clinic counts
    /// (`counting`, when it does).
    pub fn passages(&self, library: &Library, counting: Option<&str>) -> Vec<String> {
        let document = self.document(library);
        if !self.on_the_check(library) {
            return document.passages();
        }
        let mut passages = vec![document.title];
        let said_here = matches!(
            self.teach_back.step(),
            teach_back::Step::Intro | teach_back::Step::Summary
        );
        if let Some(counting) = counting.filter(|_| said_here) {
            passages.push(counting.to_owned());
        }
        passages.extend(self.teach_back.spoken(
            &check_items(library),
            &questions_to_ask(library),
            &library.ui.teach_back,
        ));
        passages
    }

    /// What the patient's answers to the check come to, in `library`'s words; None before they
    /// have answered anything.
    pub fn check_summary(&self, library: &Library) -> Option<teach_back::Summary> {
        self.teach_back.started().then(|| {
            self.teach_back.summary(
                &check_items(library),
                &questions_to_ask(library),
                &library.ui.teach_back,
            )
        })
    }

    pub fn can_go_back(&self) -> bool {
        !self.history.is_empty()
    }

    pub fn history_len(&self) -> usize {
        self.history.len()
    }

    /// The document on screen, in `library`'s words.
    pub fn document(&self, library: &Library) -> Document {
        Document::for_route(library, &self.route)
            .or_else(|| Document::for_route(library, &Route::HOME))
            .expect("the home page always exists")
    }

    /// How far down the page is scrolled, from 0 (its top) to 1 (its foot).
    pub fn place(&self) -> f32 {
        self.place
    }

    /// The page scrolled to `place`.
    pub fn scrolled(&mut self, place: f32) {
        self.place = place;
    }

    pub fn update(&mut self, message: Message, library: &Library) -> Action {
        match message {
            Message::Open(route) => {
                if route == self.route || Document::for_route(library, &route).is_none() {
                    return Action::None;
                }
                if self.history.len() == HISTORY_LIMIT {
                    self.history.remove(0);
                }
                let left = std::mem::replace(&mut self.route, route);
                self.history.push((left, self.place));
                self.place = 0.0;
                self.term = None;
                Action::Moved
            }
            Message::Back => match self.history.pop() {
                Some((route, place)) => {
                    self.route = route;
                    self.place = place;
                    self.term = None;
                    Action::Returned
                }
                None => Action::None,
            },
            Message::Step { forward } => match self.step(library, forward) {
                Some(page) => self.update(Message::Open(Route::Page(page)), library),
                None => Action::None,
            },
            Message::ShowTerm(id) => {
                if library.term(id.as_str()).is_some() {
                    self.term = Some(id);
                }
                Action::None
            }
            Message::CloseTerm => {
                self.term = None;
                Action::None
            }
            Message::SelectRegion(id) => {
                if library
                    .regions
                    .iter()
                    .any(|region| region.id == id.as_str())
                {
                    self.region = Some(id);
                }
                // The chosen part's list, which may start above or below what shows: beside
                // the map, at the map's top; under it, where it starts.
                Action::Show(page::CHOSEN_PART)
            }
            Message::ShowAllConditions => {
                self.region = None;
                self.conditions_tab = ConditionsTab::List;
                Action::None
            }
            Message::ShowConditions(tab) => {
                self.conditions_tab = tab;
                Action::None
            }
            Message::ReadFrom(passage) => Action::ReadFrom(passage),
            Message::TakeHome => Action::TakeHome,
            Message::OpenCounts => Action::OpenCounts,
            Message::TeachBack(message) => {
                let items = check_items(library);
                let asks = questions_to_ask(library).len();
                match self.teach_back.update(message, &items, asks) {
                    teach_back::Moved::Yes => Action::Moved,
                    teach_back::Moved::No => Action::None,
                    teach_back::Moved::Clear => Action::Clear,
                    teach_back::Moved::TakeHome => Action::TakeHome,
                }
            }
        }
    }

    /// Whether the route is the page the app draws the check on (its kind in the page list).
    pub fn on_the_check(&self, library: &Library) -> bool {
        match &self.route {
            Route::Page(page) => library
                .page_entry(*page)
                .is_some_and(|entry| entry.kind == PageKind::TeachBack),
            Route::Condition(_) => false,
        }
    }

    /// The page Previous or Next opens: a condition's Previous is the list it is in.
    fn step(&self, library: &Library, forward: bool) -> Option<PageId> {
        let section = self.route.section();
        match (&self.route, forward) {
            (Route::Condition(_), false) => Some(section),
            (_, false) => library.previous_page(section),
            (_, true) => library.next_page(section),
        }
    }

    /// The page itself, `layout` wide, and the note it keeps at the foot of the screen, if any;
    /// `palette` colours its glossary terms. `therapist` says who reads the check's summary: the
    /// therapist in the consult room, or the patient alone at the kiosk.
    pub fn page<'a>(&'a self, library: &'a Library, look: Look<'_>) -> PageView<'a> {
        if self.on_the_check(library) {
            return PageView {
                page: self.teach_back_page(library, look),
                pinned: None,
            };
        }
        let mut document = self.document(library);
        // Where the note shows only its heading, the number to call follows it.
        let pinned = document.take_pinned().and_then(|part| {
            let short = library.spans(&library.ui.emergency_short);
            page::pinned(part, short, look.layout, look.palette)
        });
        PageView {
            page: page::view(document, self.page_state(look, None)),
            pinned,
        }
    }

    /// The check's page with the check as it stands; or, after "Show me again", the section
    /// that teaches the question.
    fn teach_back_page<'a>(&'a self, library: &'a Library, look: Look<'_>) -> Element<'a, Message> {
        let items = check_items(library);
        let words = &library.ui.teach_back;
        let teaching = self
            .teach_back
            .current()
            .filter(|_| self.teach_back.showing())
            .and_then(|question| items.get(question))
            .and_then(|item| {
                let (page, section) = item.teaches;
                let mut document = Document::for_route(library, &Route::Page(page))?;
                let section = document.sections.get(section)?.clone();
                document.sections = vec![section];
                document.lead = Vec::new();
                Some(document)
            });
        // The way back to the check is at the foot of the screen (`Reader::foot`).
        if let Some(document) = teaching {
            return Reader::page_of(document, self, look.layout, look.palette);
        }
        // Where room is short (large text), once the check has started, its title gives way to
        // the question's number, which the step then does not say again.
        let compact =
            self.teach_back.step() != teach_back::Step::Intro && look.layout.height < SHORT_LAYOUT;
        let check = self
            .teach_back
            .view(
                &items,
                &questions_to_ask(library),
                words,
                teach_back::Room {
                    therapist: look.therapist,
                    take_home: &library.ui.kiosk.take_home,
                    counting: look.counting,
                },
                compact,
            )
            .map(Message::TeachBack);
        // Before the first question, what the clinic counts of the answers, when it does (the
        // summary says it by the button that clears them).
        let check = match (look.counting, self.teach_back.step()) {
            (Some(counting), teach_back::Step::Intro) => column![
                typography::body(counting.to_owned()).style(style::muted),
                check
            ]
            .spacing(metrics::M)
            .into(),
            _ => check,
        };
        let state = self.page_state(look, Some(check));
        let mut document = self.document(library);
        // Its lead says what the check is; once started, each step gets the room.
        if self.teach_back.step() != teach_back::Step::Intro {
            document.lead = Vec::new();
        }
        if compact {
            document.title = self.teach_back.title(&items, words);
            document.short_title = None;
        }
        page::view(document, state)
    }

    /// Any document drawn as `reader` would draw its page: for a part of a page, alone.
    pub fn page_of<'a>(
        document: Document,
        reader: &'a Reader,
        layout: Layout,
        palette: &Palette,
    ) -> Element<'a, Message> {
        let look = Look {
            layout,
            palette,
            therapist: false,
            reading: None,
            read_aloud: None,
            speech_notice: None,
            staff_notices: &[],
            staff_notices_below: false,
            counting: None,
        };
        page::view(document, reader.page_state(look, None))
    }

    fn page_state<'a>(
        &'a self,
        look: Look<'_>,
        check: Option<Element<'a, Message>>,
    ) -> page::PageState<'a> {
        page::PageState {
            selected_region: self.region.as_ref(),
            conditions_tab: self.conditions_tab,
            layout: look.layout,
            terms: Terms {
                colour: look.palette.primary,
                on_tap: Message::ShowTerm,
            },
            check,
            reading: look.reading,
            read_aloud: look.read_aloud.map(str::to_owned),
            notices: look
                .speech_notice
                .into_iter()
                .chain(
                    look.staff_notices
                        .iter()
                        .filter(|_| !look.staff_notices_below)
                        .map(String::as_str),
                )
                .map(str::to_owned)
                .collect(),
            notices_below: look
                .staff_notices
                .iter()
                .filter(|_| look.staff_notices_below)
                .cloned()
                .collect(),
        }
    }

    /// What a tapped term means, with a way to close it and a way to the whole glossary.
    pub fn term_panel<'a>(&self, library: &'a Library) -> Option<Element<'a, Message>> {
        let term = library.term(self.term.as_ref()?.as_str())?;
        let ui = &library.ui;
        let buttons = row![
            action(
                label(&ui.open_glossary),
                Role::Secondary,
                Message::Open(Route::Page(PageId::GLOSSARY))
            ),
            action(label(&ui.close), Role::Primary, Message::CloseTerm),
        ]
        .spacing(metrics::S);
        let words = column![
            typography::body(&ui.term_heading).style(style::muted),
            typography::subheading(&term.word),
            typography::body(&term.meaning),
        ]
        .spacing(metrics::XS)
        .width(Fill);
        Some(
            container(
                // The buttons under the words, not beside them: beside them on a narrow screen
                // the meaning ran a word a line, under the buttons, and was cut off.
                container(column![words, container(buttons).align_right(Fill)].spacing(metrics::S))
                    .padding(metrics::M)
                    .style(style::raised),
            )
            .padding([metrics::S, metrics::XL])
            .into(),
        )
    }

    /// Back, when there is somewhere to go back to.
    /// Back, in `words`: only its arrow where the bar has the least room.
    pub fn back_button<'a>(&self, ui: &'a Ui, words: StepWords) -> Option<Element<'a, Message>> {
        self.can_go_back().then(|| {
            let words = match words {
                StepWords::Fewest => "‹".to_owned(),
                StepWords::Named | StepWords::Plain => format!("‹\u{a0}\u{a0}{}", ui.back),
            };
            action(label(words), Role::Secondary, Message::Back).into()
        })
    }

    /// The foot of the screen's two ends, in `words`: one way back at the left (Back to where
    /// the reader came from, or else the page before in reading order) and one way on at the
    /// right (the next page; on the check, its own next step). After "Show me again" the one way
    /// back is to the check.
    pub fn foot<'a>(
        &self,
        library: &'a Library,
        words: StepWords,
    ) -> (Vec<Element<'a, Message>>, Vec<Element<'a, Message>>) {
        let on_check = self.on_the_check(library);
        if on_check && self.teach_back.showing() {
            let back = action(
                label(format!(
                    "‹\u{a0}\u{a0}{}",
                    library.ui.teach_back.back_to_check
                )),
                Role::Primary,
                Message::TeachBack(teach_back::Message::BackToCheck),
            );
            return (vec![back.into()], Vec::new());
        }
        let back = self
            .back_button(&library.ui, words)
            .or_else(|| self.step_button(library, words, false));
        let on = if on_check {
            let items = check_items(library);
            self.teach_back
                .forward(&items, &library.ui.teach_back)
                .into_iter()
                .map(|button| button.map(Message::TeachBack))
                .collect()
        } else {
            self.step_button(library, words, true).into_iter().collect()
        };
        (back.into_iter().collect(), on)
    }

    /// Previous or Next in reading order, in `words`. The arrow is held to its word by a
    /// non-breaking space, so it can never end up alone on a line.
    fn step_button<'a>(
        &self,
        library: &'a Library,
        words: StepWords,
        forward: bool,
    ) -> Option<Element<'a, Message>> {
        let ui = &library.ui;
        let page = self.step(library, forward)?;
        let name = &library.page(page).nav_label;
        let word = if forward { &ui.next } else { &ui.previous };
        let words = match (forward, words) {
            (true, StepWords::Named) => format!("{word}: {name}\u{a0}\u{a0}›"),
            (false, StepWords::Named) => format!("‹\u{a0}\u{a0}{word}: {name}"),
            (true, StepWords::Plain | StepWords::Fewest) => format!("{word}\u{a0}\u{a0}›"),
            (false, StepWords::Plain) => format!("‹\u{a0}\u{a0}{word}"),
            (false, StepWords::Fewest) => "‹".to_owned(),
        };
        let role = if forward {
            Role::Primary
        } else {
            Role::Secondary
        };
        Some(action(label(words), role, Message::Open(Route::Page(page))).into())
    }

    /// The list of pages down the left side, with the current one marked. With `counts`, the
    /// clinic keeps anonymous counts, and a button under the pages opens them for staff.
    pub fn sidebar<'a>(&self, library: &'a Library, counts: bool) -> Element<'a, Message> {
        let current = self.route.section();
        let brand = column![typography::brand(&library.ui.app_title).style(style::primary),]
            .push((!library.clinic.name.trim().is_empty()).then(|| {
                typography::body(&library.clinic.name)
                    .wrapping(iced::widget::text::Wrapping::WordOrGlyph)
                    .style(style::muted)
            }))
            .spacing(metrics::XS);

        let entries = library.page_ids().map(|page| {
            let is_current = page == current;
            let role = Role::Nav {
                current: is_current,
                urgent: library.page_entry(page).is_some_and(|entry| entry.urgent),
            };
            let marker =
                container(space().width(6).height(MARKER_HEIGHT)).style(style::marker(is_current));
            let name = typography::body(&library.page(page).nav_label).font(if is_current {
                BOLD
            } else {
                FONT
            });
            // Not a finger's target: the consult room's list is for a mouse, and all of it
            // fits a 1280×800 or 1080p screen this way.
            button(
                row![marker, name]
                    .spacing(metrics::S)
                    .align_y(Vertical::Center),
            )
            .style(style::button(role))
            .on_press(Message::Open(Route::Page(page)))
            .width(Fill)
            .padding([metrics::XS, metrics::S])
            .into()
        });

        // The pages scroll only in a window too short for them all.
        let pages = scrollable(
            column![
                brand,
                Column::with_children(entries).spacing(metrics::XS / 2.0),
            ]
            .push(counts.then(|| {
                action(
                    label(&library.ui.consult.counts_button),
                    Role::Secondary,
                    Message::OpenCounts,
                )
            }))
            .spacing(metrics::M)
            .padding([metrics::M, metrics::M]),
        )
        .direction(scrollable::Direction::Vertical(
            scrollable::Scrollbar::new().width(4).scroller_width(4),
        ))
        .style(style::scrollbar)
        .height(Fill);
        container(pages)
            .width(metrics::SIDEBAR_WIDTH)
            .height(Fill)
            .style(style::sidebar)
            .into()
    }
}

/// How a page is drawn: its room and colours, who reads the check's summary (the therapist in the
/// consult room, or the patient alone at the kiosk), and the passage being read aloud.
#[derive(Debug, Clone, Copy)]
pub struct Look<'a> {
    pub layout: Layout,
    pub palette: &'a Palette,
    pub therapist: bool,
    pub reading: Option<usize>,
    /// Read aloud's label, where the machine can speak, and the notice if it could not.
    pub read_aloud: Option<&'a str>,
    pub speech_notice: Option<&'a str>,
    /// What staff should know (`App::staff_notices`), on the consult room's home page, where
    /// the therapist starts: under its title, or, with `staff_notices_below` (larger text, where
    /// the topics need the room), under its topics.
    pub staff_notices: &'a [String],
    pub staff_notices_below: bool,
    /// The sentence that says the clinic keeps anonymous counts, when it does: shown before the
    /// check starts.
    pub counting: Option<&'a str>,
}

/// A page drawn: what scrolls, and what stays at the foot of the screen in place of its bar.
pub struct PageView<'a> {
    pub page: Element<'a, Message>,
    pub pinned: Option<Element<'a, Message>>,
}

/// How much Previous and Next say, from the most room to the least.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepWords {
    /// "‹ Previous: What it is", "Next: Side effects ›".
    Named,
    /// "‹ Previous", "Next ›".
    Plain,
    /// "‹" and "Next ›": going on is what a reader does most, so Next keeps its word.
    Fewest,
}

impl StepWords {
    pub const ALL: [StepWords; 3] = [StepWords::Named, StepWords::Plain, StepWords::Fewest];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Library {
        Library::embedded("en").unwrap()
    }

    fn condition(id: &str) -> Route {
        Route::Condition(id.into())
    }

    #[test]
    fn opening_pages_builds_history_and_back_unwinds_it() {
        let library = library();
        let mut reader = Reader::new(&library, Route::HOME);
        assert!(!reader.can_go_back());
        let risks = Route::Page(PageId::RISKS);
        assert_eq!(
            reader.update(Message::Open(risks.clone()), &library),
            Action::Moved
        );
        let _ = reader.update(Message::Open(condition("sciatica")), &library);
        assert_eq!(reader.route(), &condition("sciatica"));
        let _ = reader.update(Message::Back, &library);
        assert_eq!(reader.route(), &risks);
        let _ = reader.update(Message::Back, &library);
        assert_eq!(reader.route(), &Route::HOME);
        assert_eq!(reader.update(Message::Back, &library), Action::None);
        assert_eq!(
            reader.route(),
            &Route::HOME,
            "Back on the first screen stays put"
        );
    }

    #[test]
    fn opening_the_current_page_or_an_unknown_condition_changes_nothing() {
        let library = library();
        let mut reader = Reader::new(&library, Route::HOME);
        let before = reader.clone();
        assert_eq!(
            reader.update(Message::Open(Route::HOME), &library),
            Action::None
        );
        let _ = reader.update(Message::Open(condition("broken-leg")), &library);
        assert_eq!(reader, before);
    }

    #[test]
    fn history_is_bounded() {
        let library = library();
        let mut reader = Reader::new(&library, Route::HOME);
        let pages: Vec<PageId> = library.page_ids().collect();
        for index in 0..(HISTORY_LIMIT * 3) {
            let page = pages[1 + index % (pages.len() - 1)];
            let _ = reader.update(Message::Open(Route::Page(page)), &library);
        }
        assert_eq!(reader.history_len(), HISTORY_LIMIT);
    }

    #[test]
    fn terms_open_only_if_known_and_close_on_navigation() {
        let library = library();
        let mut reader = Reader::new(&library, Route::HOME);
        let _ = reader.update(Message::ShowTerm("not-a-term".into()), &library);
        assert_eq!(reader.term(), None);
        let _ = reader.update(Message::ShowTerm("pneumothorax".into()), &library);
        assert_eq!(reader.term(), Some(&TermId::from("pneumothorax")));
        let _ = reader.update(Message::Open(Route::Page(PageId::ABOUT)), &library);
        assert_eq!(reader.term(), None);
    }

    #[test]
    fn regions_are_picked_only_if_known_and_show_all_clears_them() {
        let library = library();
        let mut reader = Reader::new(&library, Route::HOME);
        let _ = reader.update(Message::SelectRegion("knee".into()), &library);
        assert_eq!(reader.selected_region(), Some(&RegionId::from("knee")));
        let _ = reader.update(Message::SelectRegion("tail".into()), &library);
        assert_eq!(reader.selected_region(), Some(&RegionId::from("knee")));
        let _ = reader.update(Message::ShowAllConditions, &library);
        assert_eq!(reader.selected_region(), None);
        assert_eq!(reader.conditions_tab(), ConditionsTab::List);
    }

    #[test]
    fn steps_follow_reading_order_and_stop_at_the_ends() {
        let library = library();
        let mut reader = Reader::new(&library, Route::HOME);
        assert_eq!(
            reader.update(Message::Step { forward: false }, &library),
            Action::None
        );
        assert_eq!(reader.route(), &Route::HOME);
        let _ = reader.update(Message::Step { forward: true }, &library);
        assert_eq!(reader.route(), &Route::Page(PageId::ABOUT));
        let _ = reader.update(Message::Open(condition("sciatica")), &library);
        let _ = reader.update(Message::Step { forward: false }, &library);
        assert_eq!(reader.route(), &Route::Page(PageId::CONDITIONS));
        let last = library.page_ids().last().unwrap();
        let _ = reader.update(Message::Open(Route::Page(last)), &library);
        assert_eq!(
            reader.update(Message::Step { forward: true }, &library),
            Action::None
        );
    }

    #[test]
    fn an_unknown_start_condition_opens_home() {
        let library = library();
        assert_eq!(Reader::new(&library, condition("x")).route(), &Route::HOME);
    }
}
