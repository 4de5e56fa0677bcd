//! The app: its state, what changes it, and what it shows.

use std::sync::Arc;

use iced::widget::{column, container, operation, row, scrollable};
use iced::{Element, Fill, Size, Subscription, Task, Theme, window};

use crate::content::Library;
use crate::document::Document;
use crate::route::Route;
use crate::screen;
use crate::theme::{self, Palette, metrics};
use crate::widget::nav;

/// The scrollable that holds the page, so a new page can start at its top.
const PAGE_SCROLL: &str = "page";

/// How many screens Back remembers.
const HISTORY_LIMIT: usize = 64;

/// The window size the app opens at and the smallest it allows.
pub const WINDOW_SIZE: Size = Size::new(1280.0, 800.0);
pub const MIN_WINDOW_SIZE: Size = Size::new(960.0, 640.0);

/// The most a large window enlarges everything.
const MAX_FIT_SCALE: f32 = 1.5;

/// How much to enlarge the whole layout so it fills a window of `size` (in unscaled pixels): a
/// window bigger than [`WINDOW_SIZE`] shows the same layout larger, easier to read across a desk.
pub fn fit_scale(size: Size) -> f32 {
    (size.width / WINDOW_SIZE.width)
        .min(size.height / WINDOW_SIZE.height)
        .clamp(1.0, MAX_FIT_SCALE)
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Go to a screen, remembering this one for Back.
    Open(Route),
    /// Return to the screen before.
    Back,
    /// Explain a glossary term at the foot of the page.
    ShowTerm(String),
    CloseTerm,
    /// The window's new size, in the app's scaled pixels.
    WindowResized(Size),
    /// Pick a body region on the conditions page, to list its conditions.
    SelectRegion(String),
    /// List every condition again.
    ShowAllConditions,
    /// On a narrow window, show the body map or the list.
    ShowConditions(ConditionsTab),
    /// Show the next edition (English, Spanish), on the same page.
    SwitchLanguage,
}

/// Which half of the conditions page a narrow window shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConditionsTab {
    #[default]
    Map,
    List,
}

/// What the page view needs of the app's state, beyond the words.
#[derive(Debug, Clone, PartialEq)]
pub struct PageState {
    pub selected_region: Option<String>,
    pub conditions_tab: ConditionsTab,
    /// The width the page's text gets, in the layout's pixels.
    pub content_width: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct App {
    /// Every edition of the guide, in the order of [`LOCALES`]; `locale` picks the one shown.
    editions: Arc<Vec<Library>>,
    locale: usize,
    /// Shown to staff when the clinic's content folder had problems.
    content_notice: Option<String>,
    palette: Palette,
    route: Route,
    history: Vec<Route>,
    /// The glossary term being explained, if any.
    term: Option<String>,
    /// The window's size before the app's own scaling.
    window: Size,
    /// The body region picked on the conditions page.
    selected_region: Option<String>,
    conditions_tab: ConditionsTab,
}

impl App {
    /// The app on the `start` screen. A condition the content does not have opens Home.
    pub fn new(editions: Arc<Vec<Library>>, start: Route) -> App {
        assert!(!editions.is_empty(), "the app needs at least one edition");
        let start = if Document::for_route(&editions[0], &start).is_some() {
            start
        } else {
            Route::HOME
        };
        App {
            editions,
            locale: 0,
            content_notice: None,
            palette: Palette::STANDARD,
            route: start,
            history: Vec::new(),
            term: None,
            window: WINDOW_SIZE,
            selected_region: None,
            conditions_tab: ConditionsTab::default(),
        }
    }

    /// The edition on screen.
    pub fn library(&self) -> &Library {
        &self.editions[self.locale]
    }

    /// Starts in the edition of `locale`, if there is one.
    pub fn in_locale(mut self, locale: &str) -> App {
        if let Some(index) = self
            .editions
            .iter()
            .position(|library| library.locale == locale)
        {
            self.locale = index;
        }
        self
    }

    /// Tells staff, discreetly, that some content files were not used.
    pub fn with_content_notice(mut self, notice: Option<String>) -> App {
        self.content_notice = notice;
        self
    }

    pub fn content_notice(&self) -> Option<&str> {
        self.content_notice.as_deref()
    }

    pub fn route(&self) -> &Route {
        &self.route
    }

    pub fn term(&self) -> Option<&str> {
        self.term.as_deref()
    }

    pub fn selected_region(&self) -> Option<&str> {
        self.selected_region.as_deref()
    }

    /// What the page view needs to know: the picked region, the tab, and the room it has.
    pub fn page_state(&self) -> PageState {
        let scale = self.scale_factor();
        let available = self.window.width / scale - metrics::SIDEBAR_WIDTH;
        PageState {
            selected_region: self.selected_region.clone(),
            conditions_tab: self.conditions_tab,
            content_width: available.min(metrics::READING_WIDTH) - 2.0 * metrics::XL,
        }
    }

    pub fn can_go_back(&self) -> bool {
        !self.history.is_empty()
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Open(route) => {
                if route == self.route || Document::for_route(self.library(), &route).is_none() {
                    return Task::none();
                }
                if self.history.len() == HISTORY_LIMIT {
                    self.history.remove(0);
                }
                self.history.push(std::mem::replace(&mut self.route, route));
                self.term = None;
                scroll_to_top()
            }
            Message::Back => match self.history.pop() {
                Some(route) => {
                    self.route = route;
                    self.term = None;
                    scroll_to_top()
                }
                None => Task::none(),
            },
            Message::ShowTerm(id) => {
                if self.library().term(&id).is_some() {
                    self.term = Some(id);
                }
                Task::none()
            }
            Message::CloseTerm => {
                self.term = None;
                Task::none()
            }
            Message::WindowResized(size) => {
                // iced reports the size divided by our scale: undo that, or scaling would feed
                // back into the next size.
                let scale = self.scale_factor();
                self.window = Size::new(size.width * scale, size.height * scale);
                Task::none()
            }
            Message::SelectRegion(id) => {
                if self.library().regions.iter().any(|region| region.id == id) {
                    self.selected_region = Some(id);
                }
                Task::none()
            }
            Message::ShowAllConditions => {
                self.selected_region = None;
                self.conditions_tab = ConditionsTab::List;
                Task::none()
            }
            Message::ShowConditions(tab) => {
                self.conditions_tab = tab;
                Task::none()
            }
            Message::SwitchLanguage => {
                self.locale = (self.locale + 1) % self.editions.len();
                Task::none()
            }
        }
    }

    /// How much the whole layout is enlarged.
    pub fn scale_factor(&self) -> f32 {
        fit_scale(self.window)
    }

    pub fn subscription(&self) -> Subscription<Message> {
        window::resize_events().map(|(_, size)| Message::WindowResized(size))
    }

    pub fn title(&self) -> String {
        match Document::for_route(self.library(), &self.route) {
            Some(document) if self.route != Route::HOME => {
                format!("{} — {}", document.title, self.library().ui.app_title)
            }
            _ => self.library().ui.app_title.clone(),
        }
    }

    pub fn theme(&self) -> Theme {
        self.palette.theme()
    }

    pub fn view(&self) -> Element<'_, Message> {
        let library = self.library();
        let palette = self.palette;
        let document = Document::for_route(library, &self.route)
            .or_else(|| Document::for_route(library, &Route::HOME))
            .expect("the home page always exists");

        let page = scrollable(
            container(
                container(screen::page::view(document, &self.page_state(), &palette))
                    .max_width(metrics::READING_WIDTH)
                    .padding([metrics::L, metrics::XL]),
            )
            .center_x(Fill),
        )
        .id(PAGE_SCROLL)
        .width(Fill)
        .height(Fill);

        let term = self.term.as_deref().and_then(|id| library.term(id));
        let main = column![page]
            .push(term.map(|term| nav::term_panel(term, &library.ui, &palette)))
            .push(nav::footer(
                library,
                &self.route,
                self.can_go_back(),
                &palette,
            ));

        let other = &self.editions[(self.locale + 1) % self.editions.len()];
        let other_language =
            (other.locale != library.locale).then_some(other.ui.language_name.as_str());
        let sidebar = nav::sidebar(
            library,
            self.route.section(),
            other_language,
            self.content_notice.clone(),
            &palette,
        );
        row![sidebar, main].into()
    }
}

fn scroll_to_top() -> Task<Message> {
    operation::snap_to(PAGE_SCROLL, operation::RelativeOffset::START)
}

/// Runs the app in a window, starting on `start`.
pub fn run(app: App) -> iced::Result {
    let boot = move || app.clone();
    let mut application = iced::application(boot, App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .scale_factor(App::scale_factor)
        .default_font(theme::FONT)
        .window(window::Settings {
            size: WINDOW_SIZE,
            min_size: Some(MIN_WINDOW_SIZE),
            ..window::Settings::default()
        })
        .antialiasing(true);
    for font in theme::FONT_FILES {
        application = application.font(font);
    }
    application.run()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::PageId;

    fn editions() -> Arc<Vec<Library>> {
        Arc::new(
            crate::content::LOCALES
                .iter()
                .map(|locale| Library::embedded(locale).unwrap())
                .collect(),
        )
    }

    fn app() -> App {
        App::new(editions(), Route::HOME)
    }

    #[test]
    fn opening_pages_builds_history_and_back_unwinds_it() {
        let mut app = app();
        assert!(!app.can_go_back());
        let _ = app.update(Message::Open(Route::Page(PageId::Risks)));
        let _ = app.update(Message::Open(Route::Condition("sciatica".into())));
        assert_eq!(app.route(), &Route::Condition("sciatica".into()));
        let _ = app.update(Message::Back);
        assert_eq!(app.route(), &Route::Page(PageId::Risks));
        let _ = app.update(Message::Back);
        assert_eq!(app.route(), &Route::HOME);
        let _ = app.update(Message::Back);
        assert_eq!(
            app.route(),
            &Route::HOME,
            "Back on the first screen stays put"
        );
    }

    #[test]
    fn opening_the_current_page_or_an_unknown_condition_changes_nothing() {
        let mut app = app();
        let before = app.clone();
        let _ = app.update(Message::Open(Route::HOME));
        let _ = app.update(Message::Open(Route::Condition("broken-leg".into())));
        assert_eq!(app, before);
    }

    #[test]
    fn history_is_bounded() {
        let mut app = app();
        for index in 0..(HISTORY_LIMIT * 3) {
            let page = PageId::ALL[1 + index % (PageId::ALL.len() - 1)];
            let _ = app.update(Message::Open(Route::Page(page)));
        }
        assert_eq!(app.history.len(), HISTORY_LIMIT);
    }

    #[test]
    fn terms_open_only_if_known_and_close_on_navigation() {
        let mut app = app();
        let _ = app.update(Message::ShowTerm("not-a-term".into()));
        assert_eq!(app.term(), None);
        let _ = app.update(Message::ShowTerm("pneumothorax".into()));
        assert_eq!(app.term(), Some("pneumothorax"));
        let _ = app.update(Message::Open(Route::Page(PageId::About)));
        assert_eq!(app.term(), None);
    }

    #[test]
    fn the_title_names_the_app_and_the_page() {
        let mut app = app();
        assert!(app.title().contains("Dry Needling"));
        let _ = app.update(Message::Open(Route::Page(PageId::WarningSigns)));
        let title = app.title();
        assert!(title.contains("Dry Needling"), "{title}");
        assert!(
            title.starts_with(&app.library().page(PageId::WarningSigns).title),
            "{title}"
        );
    }

    #[test]
    fn big_windows_enlarge_the_layout_within_limits() {
        assert_eq!(fit_scale(WINDOW_SIZE), 1.0);
        assert_eq!(fit_scale(MIN_WINDOW_SIZE), 1.0);
        assert!((fit_scale(Size::new(1920.0, 1080.0)) - 1.35).abs() < 1e-6);
        assert_eq!(fit_scale(Size::new(3840.0, 2160.0)), MAX_FIT_SCALE);
        // A wide but short window is limited by its height.
        assert_eq!(fit_scale(Size::new(2560.0, 800.0)), 1.0);
    }

    #[test]
    fn resizing_does_not_feed_the_scale_back_into_itself() {
        let mut app = app();
        let _ = app.update(Message::WindowResized(Size::new(1920.0, 1080.0)));
        let scale = app.scale_factor();
        assert!((scale - 1.35).abs() < 1e-6);
        // The same window, now reported in scaled pixels, keeps the same scale.
        let _ = app.update(Message::WindowResized(Size::new(
            1920.0 / scale,
            1080.0 / scale,
        )));
        assert!((app.scale_factor() - scale).abs() < 1e-6);
    }

    #[test]
    fn regions_are_picked_only_if_known_and_show_all_clears_them() {
        let mut app = app();
        let _ = app.update(Message::SelectRegion("knee".into()));
        assert_eq!(app.selected_region(), Some("knee"));
        let _ = app.update(Message::SelectRegion("tail".into()));
        assert_eq!(app.selected_region(), Some("knee"));
        let _ = app.update(Message::ShowAllConditions);
        assert_eq!(app.selected_region(), None);
        assert_eq!(app.page_state().conditions_tab, ConditionsTab::List);
    }

    #[test]
    fn the_page_gets_less_room_in_a_small_window() {
        let mut app = app();
        let wide = app.page_state().content_width;
        let _ = app.update(Message::WindowResized(MIN_WINDOW_SIZE));
        let narrow = app.page_state().content_width;
        assert!(narrow < wide, "{narrow} < {wide}");
        assert_eq!(wide, metrics::READING_WIDTH - 2.0 * metrics::XL);
    }

    #[test]
    fn switching_language_keeps_the_page_and_goes_round() {
        let mut app = app();
        let _ = app.update(Message::Open(Route::Condition("sciatica".into())));
        assert_eq!(app.library().locale, "en");
        let _ = app.update(Message::SwitchLanguage);
        assert_eq!(app.library().locale, "es");
        assert_eq!(app.route(), &Route::Condition("sciatica".into()));
        let _ = app.update(Message::SwitchLanguage);
        assert_eq!(app.library().locale, "en");
        assert_eq!(
            App::new(editions(), Route::HOME)
                .in_locale("es")
                .library()
                .locale,
            "es"
        );
        assert_eq!(
            App::new(editions(), Route::HOME)
                .in_locale("xx")
                .library()
                .locale,
            "en"
        );
    }

    #[test]
    fn an_unknown_start_condition_opens_home() {
        let app = App::new(editions(), Route::Condition("x".into()));
        assert_eq!(app.route(), &Route::HOME);
    }
}
