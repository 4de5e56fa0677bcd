//! The app: what every screen shares (the editions, the comfort settings, the window and the
//! mode), and the dispatch of each message to the screen that owns it. What the window shows is
//! drawn in `app/frame.rs`, the window itself is set up in `app/shell.rs`, read-aloud is
//! `app/read_aloud.rs` and the window's size and scale `app/viewport.rs`.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use iced::widget::operation;
use iced::{Event, Size, Subscription, Task, Theme, event, keyboard, window};

use crate::content::Library;
use crate::content::model::Switch;
use crate::content::route::{PageId, Route};
use crate::handout;
use crate::insights;
use crate::keys::{self, KioskKey, Shortcut};
use crate::screen::Shared;
use crate::screen::consult::{self, Consult, HandoutSetup};
use crate::screen::kiosk::{self, Kiosk};
use crate::screen::reader::{self, Layout, Reader, teach_back};
use crate::speech::Voice;
use crate::take_home::{Section, TakeHome};
use crate::theme::{Palette, metrics};

pub use crate::screen::kiosk::Settings as KioskSettings;
pub use read_aloud::{Reading, Speech};

pub use viewport::{
    KIOSK_FIRST_WINDOW, MAX_WINDOW_SIZE, MIN_LAYOUT, MIN_WINDOW_SIZE, TEXT_STEPS, WINDOW_SIZE,
    fit_scale,
};

mod background;
mod counting;
mod frame;
mod read_aloud;
mod shell;
mod viewport;

pub use shell::{run, window_icon, window_settings};

use background::Background;
use counting::Counting;
use read_aloud::ReadAloud;
use viewport::Viewport;

/// The scrollable that holds the page, so a new page can start at its top.
const PAGE_SCROLL: &str = "page";

/// The empty space above and below the page: kept small so that home's tiles and its pinned
/// warning fit a kiosk screen together.
const PAGE_END_SPACE: f32 = metrics::M;

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Reader(reader::Message),
    Consult(consult::Message),
    Kiosk(kiosk::Message),
    Shared(Shared),
    /// A keyboard shortcut, answered as the mode allows.
    Key(Shortcut),
    /// The window's new size, in the app's scaled pixels, divided by the scale iced held when
    /// the resize came (the consult room's window follows it).
    WindowResized(Size),
    /// The kiosk's window, in unscaled pixels, as its view was laid out (see `widget::measure`):
    /// the kiosk's size comes from this alone.
    Measured(Size),
    /// Whether the page goes on below the bottom of the screen, as it last scrolled or grew.
    MoreBelow(bool),
    /// The page scrolled: how far down it is, from 0 (its top) to 1 (its foot).
    PageScrolled(f32),
    /// A task scrolled the page to something it looked for. Nothing changes, but the window must
    /// draw it: iced draws again after a message, not after a widget's operation, and this one
    /// comes after the frame of the tap that asked for it.
    ScrolledTo,
    /// Reading the page aloud.
    Speech(Speech),
    /// A visit's counts were added to the week's, or why not.
    Counted(Result<insights::IsoWeek, insights::InsightsError>),
    /// The system asked the guide to stop (SIGTERM: `systemctl stop`, a shutdown): the kiosk's
    /// visit under way is counted, then the guide ends.
    Terminated,
}

/// What decides how tall the page is and how much of it shows (see `App::update`).
#[derive(Debug, PartialEq)]
struct PageShape {
    /// The page, the language, and whether presenting: a change of these ends reading aloud.
    place: (Route, usize, bool),
    text_step: usize,
    window: Size,
    /// A term explained at the foot of the page.
    term: bool,
    check_step: teach_back::Step,
    /// The check shows the section that teaches its question.
    showing: bool,
}

impl From<reader::Message> for Message {
    fn from(message: reader::Message) -> Message {
        Message::Reader(message)
    }
}

impl From<consult::Message> for Message {
    fn from(message: consult::Message) -> Message {
        Message::Consult(message)
    }
}

impl From<kiosk::Message> for Message {
    fn from(message: kiosk::Message) -> Message {
        Message::Kiosk(message)
    }
}

impl From<Shared> for Message {
    fn from(shared: Shared) -> Message {
        Message::Shared(shared)
    }
}

/// Who the app is for: a therapist in the consult room, or patients at a waiting-room kiosk.
/// Each mode holds its own tools, so the kiosk has no handout, quick jump or presenting to reach.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Consult(Consult),
    Kiosk(Kiosk),
}

/// The QR code of the clinic's web address, made once from it.
#[derive(Clone)]
struct Qr {
    web: String,
    data: Option<Arc<kiosk::WebCode>>,
}

impl Qr {
    fn new(web: &str) -> Qr {
        let web = web.trim().to_owned();
        let data = (!web.is_empty())
            .then(|| kiosk::WebCode::new(&web))
            .flatten()
            .map(Arc::new);
        Qr { web, data }
    }
}

impl std::fmt::Debug for Qr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Qr")
            .field("web", &self.web)
            .field("made", &self.data.is_some())
            .finish()
    }
}

// The code is made from the address alone, so the same address means the same code.
impl PartialEq for Qr {
    fn eq(&self, other: &Self) -> bool {
        self.web == other.web && self.data.is_some() == other.data.is_some()
    }
}

/// Where the app reads the time: the one clock `update` consults, so that the screens read none
/// of their own and a test can set the time.
#[derive(Clone, Copy)]
pub struct Clock(pub fn() -> Instant);

impl Clock {
    pub fn now(self) -> Instant {
        (self.0)()
    }
}

impl Default for Clock {
    fn default() -> Clock {
        Clock(Instant::now)
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clock")
    }
}

/// A clock holds no state of the app's: two apps are alike whatever clocks they read.
impl PartialEq for Clock {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct App {
    /// Every edition of the guide, in the order of `content::LOCALES`; `locale` picks the one
    /// shown.
    editions: Arc<Vec<Library>>,
    locale: usize,
    palette: Palette,
    /// The window, the text size and how much the layout is enlarged.
    viewport: Viewport,
    reader: Reader,
    mode: Mode,
    /// Shown to staff when the clinic's content folder had problems.
    content_notice: Option<String>,
    qr: Qr,
    /// The page goes on below the screen: the "More below" cue shows.
    more_below: bool,
    read_aloud: ReadAloud,
    clock: Clock,
    /// The clinic's anonymous counts, when it turned them on.
    counting: Option<Counting>,
    /// Work done off the window's thread (the counts written and read).
    background: Background,
}

impl App {
    /// The app in the consult room, on the `start` screen. A condition the content does not
    /// have opens Home.
    pub fn new(editions: Arc<Vec<Library>>, start: Route) -> App {
        let mode = Mode::Consult(Consult::new(&editions));
        App::in_mode(editions, start, mode)
    }

    /// The app for a waiting-room kiosk: starts on the welcome screen, opens nothing.
    pub fn kiosk(editions: Arc<Vec<Library>>, settings: KioskSettings) -> App {
        App::in_mode(editions, Route::HOME, Mode::Kiosk(Kiosk::new(settings)))
    }

    fn in_mode(editions: Arc<Vec<Library>>, start: Route, mode: Mode) -> App {
        assert!(!editions.is_empty(), "the app needs at least one edition");
        let window = match mode {
            Mode::Kiosk(_) => KIOSK_FIRST_WINDOW,
            Mode::Consult(_) => WINDOW_SIZE,
        };
        App {
            reader: Reader::new(&editions[0], start),
            qr: Qr::new(&editions[0].clinic.web),
            locale: 0,
            palette: Palette::STANDARD,
            viewport: Viewport::new(window),
            mode,
            content_notice: None,
            more_below: false,
            read_aloud: ReadAloud::default(),
            clock: Clock::default(),
            counting: None,
            background: Background::default(),
            editions,
        }
    }

    /// Keeps the clinic's anonymous counts in `file` (`insights` in clinic.ron), the kiosk's
    /// and the consult room's apart.
    pub fn with_insights(self, file: PathBuf) -> App {
        let counting = Counting::new(file, self.counts_mode());
        self.counting_with(counting)
    }

    /// The clinic keeps counts, but they cannot be kept, for `reason` (there is nowhere to keep
    /// them): staff are told, as when the file cannot be used.
    pub fn with_insights_off(self, reason: insights::InsightsError) -> App {
        let counting = Counting::off(reason, self.counts_mode());
        self.counting_with(counting)
    }

    fn counts_mode(&self) -> insights::Mode {
        match self.mode {
            Mode::Kiosk(_) => insights::Mode::Kiosk,
            Mode::Consult(_) => insights::Mode::Consult,
        }
    }

    fn counting_with(mut self, counting: Counting) -> App {
        let on = counting.off_because().is_none();
        self.counting = Some(counting);
        if let Mode::Kiosk(kiosk) = self.mode {
            self.mode = Mode::Kiosk(kiosk.with_counting(on));
        }
        self
    }

    /// Waits until the work done off the window's thread (the counts written or read) is done;
    /// a task handed back before then has its answer ready after.
    pub fn settle(&self) {
        self.background.settle();
    }

    /// The file that holds the clinic's counts, where there is one to read.
    pub fn counts_file(&self) -> Option<&std::path::Path> {
        self.counting
            .as_ref()
            .map(Counting::file)
            .filter(|file| !file.as_os_str().is_empty())
    }

    /// The sentence on what the clinic counts, in the edition shown, while it counts: the
    /// screen and read-aloud say it on the welcome screen and the check.
    pub fn counting_sentence(&self) -> Option<&str> {
        self.insights()
            .filter(|(_, off)| off.is_none())
            .map(|_| self.library().ui.kiosk.counts_answers.as_str())
    }

    /// Where the counts are kept, and why they are not, if they are not: for staff.
    pub fn insights(&self) -> Option<(&std::path::Path, Option<&insights::InsightsError>)> {
        self.counting
            .as_ref()
            .map(|counting| (counting.file(), counting.off_because()))
    }

    /// Saves handouts in the setup's folder and opens them with its opener.
    pub fn with_handout(mut self, setup: HandoutSetup) -> App {
        if let Mode::Consult(consult) = self.mode {
            self.mode = Mode::Consult(consult.with_handout(setup));
        }
        self
    }

    /// Reads the time from `clock`.
    pub fn with_clock(mut self, clock: Clock) -> App {
        self.clock = clock;
        self
    }

    /// Reads aloud with `voice`, when the machine has one.
    pub fn with_voice(mut self, voice: Option<Arc<dyn Voice>>) -> App {
        self.read_aloud = ReadAloud::with_voice(voice);
        self
    }

    /// Whether read-aloud is offered: the machine can speak and the clinic has not turned it off.
    pub fn can_read_aloud(&self) -> bool {
        self.read_aloud.has_voice() && self.library().clinic.read_aloud == Switch::On
    }

    /// What is being read aloud, if anything.
    pub fn reading(&self) -> Option<&Reading> {
        self.read_aloud.reading()
    }

    pub fn speech_failed(&self) -> bool {
        self.read_aloud.failed()
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

    /// What staff should know: a content folder with problems, a clinic that has not given
    /// what patients must have, and anonymous counts that could not be kept. The consult room
    /// shows them under the title of its home page (not while presenting); the kiosk under its
    /// staff keypad, which only staff open, never where a patient reads.
    pub fn staff_notices(&self) -> Vec<String> {
        let ui = &self.library().ui;
        let folder = self
            .content_notice
            .as_ref()
            .map(|folder| ui.content_notice.replace("{folder}", folder));
        let missing = self.library().clinic.missing();
        let clinic = (!missing.is_empty())
            .then(|| ui.clinic_not_set.replace("{missing}", &missing.join(", ")));
        let counts = self.insights().and_then(|(_, off)| off).map(|reason| {
            let reason = crate::screen::counts_trouble(ui, reason);
            ui.insights_off.replace("{reason}", &reason)
        });
        let lost =
            self.counting
                .as_ref()
                .and_then(Counting::lost_because)
                .map(|reason| match reason {
                    insights::InsightsError::Write { path, reason } => ui
                        .counts_not_written
                        .replace("{file}", path)
                        .replace("{reason}", reason),
                    _ => ui.counts_lost.replace("{file}", reason.path()),
                });
        let ahead = self
            .counting
            .as_ref()
            .and_then(Counting::ahead_of_the_clock)
            .map(|week| ui.counts_ahead.replace("{monday}", &week.monday()));
        folder
            .into_iter()
            .chain(clinic)
            .chain(counts)
            .chain(lost)
            .chain(ahead)
            .collect()
    }

    /// The edition on screen.
    pub fn library(&self) -> &Library {
        &self.editions[self.locale]
    }

    pub fn reader(&self) -> &Reader {
        &self.reader
    }

    pub fn route(&self) -> &Route {
        self.reader.route()
    }

    pub fn consult_state(&self) -> Option<&Consult> {
        match &self.mode {
            Mode::Consult(consult) => Some(consult),
            Mode::Kiosk(_) => None,
        }
    }

    pub fn kiosk_state(&self) -> Option<&Kiosk> {
        match &self.mode {
            Mode::Kiosk(kiosk) => Some(kiosk),
            Mode::Consult(_) => None,
        }
    }

    pub fn palette(&self) -> Palette {
        self.palette
    }

    pub fn text_scale(&self) -> f32 {
        self.viewport.text_scale()
    }

    pub fn presenting(&self) -> bool {
        self.consult_state().is_some_and(Consult::presenting)
    }

    /// The window's size before the app's own scaling.
    pub fn window(&self) -> Size {
        self.viewport.window()
    }

    /// The kiosk's screen, before the app's own scaling, once known.
    pub fn screen(&self) -> Option<Size> {
        self.viewport.screen()
    }

    /// The page list shows at the normal text size, unless presenting or too narrow for it: a
    /// larger text gives the page all the room, and the toolbar the same room it had, so that
    /// its controls stay where they were. The kiosk has none: its home page's big buttons, Home,
    /// and Previous/Next are simpler for a passing patient, and the page gets the room.
    pub fn shows_sidebar(&self) -> bool {
        matches!(&self.mode, Mode::Consult(consult) if !consult.presenting())
            && self.viewport.text_step() == 0
            && !self.viewport.compact(self.mode_scale())
    }

    /// The room the reader has.
    pub fn layout(&self) -> Layout {
        let sidebar = if self.shows_sidebar() {
            metrics::SIDEBAR_WIDTH
        } else {
            0.0
        };
        let size = self.viewport.layout(self.mode_scale());
        Layout {
            width: size.width,
            content_width: (size.width - sidebar).min(self.page_width()) - 2.0 * self.page_side(),
            height: size.height,
        }
    }

    /// The most the page spreads across: a reading width for text, more for home's topic tiles,
    /// so that they all fit on the screen at once.
    fn page_width(&self) -> f32 {
        if self.route() == &Route::HOME {
            metrics::WIDE_WIDTH
        } else {
            metrics::READING_WIDTH
        }
    }

    /// The space either side of the page: less in a narrow layout, which needs the room for words.
    fn page_side(&self) -> f32 {
        if self.viewport.compact(self.mode_scale()) {
            metrics::M
        } else {
            metrics::XL
        }
    }

    /// How far down the page is scrolled, from 0 (its top) to 1 (its foot).
    pub fn place(&self) -> f32 {
        self.reader.place()
    }

    pub fn more_below(&self) -> bool {
        self.more_below
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        let before = self.page_shape();
        // A page staff open from Clinic counts is theirs, not a patient's.
        let by_staff = matches!(message, Message::Consult(consult::Message::OpenTaught(_)));
        let task = self.handle(message);
        let after = self.page_shape();
        let task = Task::batch([task, self.count(&before, &after, by_staff)]);
        // Reading aloud stops on another page, in the other language, and when presenting starts
        // or ends.
        if after.place != before.place {
            self.stop_reading();
        }
        // A page of another shape starts without the cue; the page says at its next frame
        // whether it goes on below (`below::report`).
        if after != before {
            self.more_below = false;
        }
        task
    }

    /// What decides how tall the page is and how much of it shows.
    fn page_shape(&self) -> PageShape {
        PageShape {
            place: (self.route().clone(), self.locale, self.presenting()),
            text_step: self.viewport.text_step(),
            window: self.viewport.window(),
            term: self.reader.term().is_some(),
            check_step: self.reader.teach_back().step(),
            showing: self.reader.teach_back().showing(),
        }
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        // Behind the kiosk's welcome screen the page waits, unseen, for the next person: only the
        // welcome screen's own controls and Escape (for the staff keypad) reach anything.
        let unseen = matches!(
            message,
            Message::Reader(_)
                | Message::Key(Shortcut::Back | Shortcut::Step { .. })
                | Message::Speech(Speech::From(_))
        );
        if unseen && self.kiosk_state().is_some_and(Kiosk::welcome) {
            return Task::none();
        }
        match message {
            Message::Reader(message) => self.read(message),
            Message::Consult(message) => {
                let library = &self.editions[self.locale];
                let Mode::Consult(consult) = &mut self.mode else {
                    return Task::none();
                };
                // Only the handout needs what the check brought up.
                let making = message == consult::Message::MakeHandout;
                let summary = making.then(|| self.reader.check_summary(library)).flatten();
                let discussion = summary.map(|summary| handout::Discussion {
                    topics: summary.topics,
                    questions: summary.questions,
                    unsure: summary.unsure,
                });
                let action = consult.update(message, library, self.locale, discussion);
                self.consult_did(action)
            }
            Message::Kiosk(message) => {
                let library = &self.editions[self.locale];
                let Mode::Kiosk(kiosk) = &mut self.mode else {
                    return Task::none();
                };
                let action = kiosk.update(message, &library.clinic.staff_pin, self.clock.now());
                self.kiosk_did(action)
            }
            Message::Shared(shared) => self.shared(shared),
            Message::Key(shortcut) => self.key(shortcut),
            Message::WindowResized(size) => {
                // The kiosk takes its size from its laid-out view (`Message::Measured`): a
                // resize event may come divided by a scale the app has since changed.
                if self.kiosk_state().is_some() {
                    return Task::none();
                }
                // iced reports the size divided by our scale: undo that, or scaling would feed
                // back into the next size.
                self.viewport.resized(size, self.mode_scale());
                Task::none()
            }
            Message::MoreBelow(more) => {
                self.more_below = more;
                Task::none()
            }
            Message::PageScrolled(place) => {
                self.reader.scrolled(place);
                Task::none()
            }
            Message::ScrolledTo => Task::none(),
            Message::Counted(done) => {
                if let Some(counting) = &mut self.counting {
                    counting.written(done);
                    // Stopped: the welcome screen and the check say no more that answers are
                    // counted.
                    if counting.off_because().is_some()
                        && let Mode::Kiosk(kiosk) = &mut self.mode
                    {
                        kiosk.set_counting(false);
                    }
                }
                Task::none()
            }
            Message::Speech(speech) => self.speak(speech),
            Message::Terminated => {
                eprintln!("needle-guide: asked to stop; the visit under way is counted first");
                // The kiosk's reset ends the visit and adds it to the week's counts.
                let counted = match self.mode {
                    Mode::Kiosk(_) => self.reset(),
                    Mode::Consult(_) => Task::none(),
                };
                counted.chain(iced::exit())
            }
            Message::Measured(size) => {
                // A window with no room (minimised) has no screen to fit.
                if self.kiosk_state().is_none()
                    || size == self.viewport.window()
                    || size.width < 1.0
                    || size.height < 1.0
                {
                    return Task::none();
                }
                self.viewport.fill_screen(size);
                // Logged, for whoever sets the kiosk up.
                eprintln!(
                    "needle-guide: kiosk screen {}×{}, laid out at {}×{}, scale {:.3}",
                    size.width,
                    size.height,
                    (size.width / self.scale_factor()).round(),
                    (size.height / self.scale_factor()).round(),
                    self.scale_factor()
                );
                Task::none()
            }
        }
    }

    fn read(&mut self, message: reader::Message) -> Task<Message> {
        // A check started again is the same patient's: at the kiosk, what it had come to still
        // counts when the visit ends; in the consult room, a check already counted is not
        // counted again. Only "Next patient" begins another visit there.
        match &message {
            reader::Message::TeachBack(teach_back::Message::StartOver)
                if self.kiosk_state().is_some() =>
            {
                let so_far = self.visit();
                if let Some(counting) = &mut self.counting {
                    counting.check_started_again(so_far);
                }
            }
            reader::Message::TeachBack(teach_back::Message::NextPatient) => {
                if let Some(counting) = &mut self.counting {
                    counting.set_check_counted(false);
                }
            }
            _ => {}
        }
        match self.reader.update(message, &self.editions[self.locale]) {
            reader::Action::Moved => {
                // The check's next step is another page to read; an answer's verdict shows at
                // its top, whatever the text size.
                self.stop_reading();
                let check = self.reader.teach_back();
                if self.reader.on_the_check(&self.editions[self.locale])
                    && matches!(check.step(), teach_back::Step::Explained(_))
                    && !check.showing()
                {
                    scroll_to(teach_back::VERDICT)
                } else {
                    scroll_to_top()
                }
            }
            // Back where the page was left, as it was.
            reader::Action::Returned => {
                self.stop_reading();
                self.keep_place()
            }
            reader::Action::ReadFrom(passage) => self.speak(Speech::From(passage)),
            reader::Action::Show(id) => reveal(id),
            // Only the kiosk offers it: a fresh start for the next person.
            reader::Action::TakeHome => match self.take_home() {
                Some(home) => {
                    self.update(Message::Kiosk(kiosk::Message::ShowTakeHome(Box::new(home))))
                }
                None => Task::none(),
            },
            reader::Action::OpenCounts => {
                self.update(Message::Consult(consult::Message::OpenCounts))
            }
            reader::Action::Clear if self.kiosk_state().is_some() => {
                Task::batch([self.reset(), scroll_to_top()])
            }
            reader::Action::Clear | reader::Action::None => Task::none(),
        }
    }

    fn speak(&mut self, speech: Speech) -> Task<Message> {
        let library = &self.editions[self.locale];
        let passages = self.reader.passages(library, self.counting_sentence());
        let page = read_aloud::Page {
            passages: &passages,
            locale: &library.locale,
            allowed: library.clinic.read_aloud == Switch::On,
        };
        let (said, event) = self.read_aloud.update(speech, &page);
        let said = said.map(Message::Speech);
        match event {
            read_aloud::Event::None => said,
            read_aloud::Event::Started => Task::batch([said, scroll_to_passage()]),
            read_aloud::Event::Said => {
                // Listening is reading: the kiosk's idle clock starts again.
                if let Mode::Kiosk(kiosk) = &mut self.mode {
                    let _ = kiosk.update(kiosk::Message::Activity, "", self.clock.now());
                }
                Task::batch([said, scroll_to_passage()])
            }
        }
    }

    /// Ends the passage being said, if any, and the notice that it failed, on leaving a page.
    fn stop_reading(&mut self) {
        self.read_aloud.leave();
    }

    fn consult_did(&mut self, action: consult::Action) -> Task<Message> {
        match action {
            consult::Action::None => Task::none(),
            consult::Action::Shared(shared) => self.shared(shared),
            consult::Action::Open(route) => self.read(reader::Message::Open(route)),
            consult::Action::Explain(term) => {
                let task = self.read(reader::Message::Open(Route::Page(PageId::GLOSSARY)));
                let _ = self.read(reader::Message::ShowTerm(term));
                task
            }
            consult::Action::FocusSearch => operation::focus(consult::SEARCH_INPUT),
            // Presenting starts or ends: the page is laid out again, larger or smaller, at the
            // same place.
            consult::Action::KeepPlace => self.keep_place(),
            consult::Action::Fullscreen(on) => {
                let mode = if on {
                    window::Mode::Fullscreen
                } else {
                    window::Mode::Windowed
                };
                window::latest().and_then(move |id| window::set_mode(id, mode))
            }
            consult::Action::SaveHandout(job) => {
                let Some(opener) = self.handout_opener() else {
                    return Task::none();
                };
                Task::perform(
                    async move { job.run(&handout::timestamp(), opener.as_ref()) },
                    |outcome| Message::Consult(consult::Message::HandoutMade(outcome)),
                )
            }
            consult::Action::ReadCounts => {
                // Clinic counts is offered only where the clinic keeps counts.
                let Some(file) = self.counts_file().map(std::path::Path::to_owned) else {
                    return Task::none();
                };
                let path = file.display().to_string();
                self.background
                    .run(move || consult::read_counts(&file, insights::IsoWeek::now()))
                    .map(move |read| {
                        let read = read.unwrap_or_else(|| {
                            Err(insights::InsightsError::Read {
                                path: path.clone(),
                                reason: "the thread that reads the counts stopped".into(),
                            })
                        });
                        Message::Consult(consult::Message::CountsRead(Box::new(read)))
                    })
            }
            consult::Action::ShowFolder(folder) => {
                let Some(opener) = self.handout_opener() else {
                    return Task::none();
                };
                Task::perform(
                    async move {
                        let shown = opener.open(&folder).is_ok();
                        consult::Message::FolderShown { folder, shown }
                    },
                    Message::Consult,
                )
            }
        }
    }

    fn kiosk_did(&mut self, action: kiosk::Action) -> Task<Message> {
        match action {
            kiosk::Action::None => Task::none(),
            kiosk::Action::Shared(shared) => self.shared(shared),
            kiosk::Action::SharedAndWake(shared, deadline) => {
                Task::batch([self.shared(shared), wake_at(deadline)])
            }
            kiosk::Action::WakeAt(deadline) => wake_at(deadline),
            kiosk::Action::Reset => Task::batch([self.reset(), scroll_to_top()]),
            kiosk::Action::Exit => {
                // In the journal, so that IT can tell a staff exit from a crash.
                let pin_set = !self.editions[self.locale]
                    .clinic
                    .staff_pin
                    .trim()
                    .is_empty();
                eprintln!(
                    "needle-guide: staff closed the kiosk with Ctrl+Alt+Shift+Q ({})",
                    if pin_set {
                        "and the staff PIN"
                    } else {
                        "no staff PIN is set in clinic.ron"
                    }
                );
                // The visit under way is counted before the guide closes; if it cannot be, the
                // log says so (staff will not see the keypad again to be told).
                self.reset()
                    .map(|message| {
                        if let Message::Counted(Err(reason)) = &message {
                            eprintln!(
                                "needle-guide: the visit under way when staff closed the kiosk was not counted: {reason}"
                            );
                        }
                        message
                    })
                    .discard()
                    .chain(iced::exit())
            }
        }
    }

    /// What the kiosk's "Take this with you" holds on this screen: what to do if something is
    /// wrong after treatment, then, on the check's summary, the questions ticked and the answers
    /// to go over; on the questions page, its questions. Nothing at all outside the kiosk.
    fn take_home(&self) -> Option<TakeHome> {
        self.kiosk_state()?;
        let library = self.library();
        let words = &library.ui.teach_back;
        let summary = self.reader.check_summary(library);
        let kiosk_words = &library.ui.kiosk;
        let on_the_check = self.reader.on_the_check(library);
        let sections = if on_the_check {
            let summary = summary?;
            // What was missed goes home as the right answer, not only its topic: at home it
            // says what to do. The must-know answers (the warning signs, what to do) are in the
            // first section, whole. Answering no to an "are you sure" question adds its advice.
            // The patient's own questions before the answers: where the code is short of
            // room, what they meant to ask stays longest ("talk to your therapist before you
            // decide", after an "are you sure" answered no, leads the answers).
            let talk_first = (!summary.unsure.is_empty()).then(|| words.talk_first.clone());
            let answers: Vec<String> = talk_first
                .into_iter()
                .chain(
                    summary
                        .answers
                        .into_iter()
                        .zip(summary.must_know)
                        .filter_map(|(answer, must_know)| (!must_know).then_some(answer)),
                )
                .collect();
            vec![
                Section {
                    heading: words.questions_ticked.clone(),
                    items: summary.questions,
                },
                Section {
                    heading: kiosk_words.take_home_answers.clone(),
                    items: answers,
                },
            ]
        } else if self.reader.route() == &Route::Page(PageId::QUESTIONS) {
            vec![Section {
                heading: library.page(PageId::QUESTIONS).title.clone(),
                items: crate::document::questions_to_ask(library),
            }]
        } else {
            return None;
        };
        // What to do if something is wrong goes first, never left out, from the questions page
        // too: a phone note of questions alone would leave the patient nothing to act on at
        // night. After the check, with every answer right and nothing ticked, it goes home
        // alone.
        if !on_the_check && sections.iter().all(|section| section.items.is_empty()) {
            return None;
        }
        let safety = Section {
            heading: kiosk_words.take_home_safety_heading.clone(),
            items: kiosk_words
                .take_home_safety
                .iter()
                .map(|line| library.plain(line))
                .collect(),
        };
        let sections: Vec<Section> = std::iter::once(safety).chain(sections).collect();
        // Whose list it is, on a phone a week later: the clinic's name under the title.
        // A name too long for a line of a phone's screen is left to the numbers it gives.
        let name = library.clinic.name.trim();
        let title = if name.is_empty() || name.chars().count() > 80 {
            kiosk_words.take_home_title.clone()
        } else {
            let from = library.ui.handout.given_by.replace("{clinic}", name);
            format!("{}\n{from}", kiosk_words.take_home_title)
        };
        let largest = kiosk::largest_take_home_version(
            self.viewport.layout(self.mode_scale()),
            self.scale_factor(),
        );
        TakeHome::new(&title, &sections, &kiosk_words.take_home_left_out, largest)
    }

    /// What hands the consult room's handouts and their folder to the desktop.
    fn handout_opener(&self) -> Option<Arc<dyn handout::Opener + Send + Sync>> {
        self.consult_state()
            .map(|consult| consult.handout_setup().opener.clone())
    }

    /// Keeps the reader's place on a page laid out again at another size.
    fn keep_place(&self) -> Task<Message> {
        operation::snap_to(
            PAGE_SCROLL,
            operation::RelativeOffset {
                x: 0.0,
                y: self.reader.place(),
            },
        )
    }

    fn shared(&mut self, shared: Shared) -> Task<Message> {
        match shared {
            Shared::Home => return self.read(reader::Message::Open(Route::HOME)),
            Shared::SwitchLanguage => {
                self.locale = (self.locale + 1) % self.editions.len();
                // Quick jump now lists the other language's results, maybe fewer: its highlight
                // starts again at the first, as for a new query, and typing goes on in its box
                // (its button for the other language took the cursor).
                let query = self
                    .consult_state()
                    .and_then(Consult::search)
                    .map(|search| search.query.clone());
                if let Some(query) = query {
                    let listed = self.update(consult::Message::SearchChanged(query).into());
                    return Task::batch([listed, operation::focus(consult::SEARCH_INPUT)]);
                }
            }
            // A step that would not show (the window is full) is not taken, so that one A−
            // always makes the text smaller again. The page is laid out again, larger or
            // smaller, at the same place.
            Shared::TextLarger => {
                self.viewport.larger_text(self.mode_scale());
                return self.keep_place();
            }
            Shared::TextSmaller => {
                self.viewport.smaller_text();
                return self.keep_place();
            }
            Shared::TextReset => {
                self.viewport.normal_text();
                return self.keep_place();
            }
            Shared::ToggleContrast => {
                self.palette = if self.palette == Palette::STANDARD {
                    Palette::HIGH_CONTRAST
                } else {
                    Palette::STANDARD
                };
            }
        }
        Task::none()
    }

    /// A shortcut, as the mode allows: the kiosk answers none of the therapist's.
    fn key(&mut self, shortcut: Shortcut) -> Task<Message> {
        let consult_only = match shortcut {
            Shortcut::Find => consult::Message::OpenSearch,
            Shortcut::MoveResult(step) => consult::Message::SearchMove(step),
            Shortcut::ShowShortcuts => consult::Message::ToggleShortcuts,
            Shortcut::Present => consult::Message::TogglePresenting,
            Shortcut::Fullscreen => consult::Message::ToggleFullscreen,
            Shortcut::TextLarger => return self.shared(Shared::TextLarger),
            Shortcut::TextSmaller => return self.shared(Shared::TextSmaller),
            Shortcut::TextReset => return self.shared(Shared::TextReset),
            Shortcut::Contrast => return self.shared(Shared::ToggleContrast),
            Shortcut::Back => return self.read(reader::Message::Back),
            Shortcut::Step { forward } => return self.read(reader::Message::Step { forward }),
            Shortcut::Dismiss => return self.dismiss(),
        };
        self.update(Message::Consult(consult_only))
    }

    /// Closes whatever is on top: the mode's dialog first, then the explained term, then Present.
    fn dismiss(&mut self) -> Task<Message> {
        let closed = match &mut self.mode {
            Mode::Consult(consult) => consult.dismiss(),
            Mode::Kiosk(kiosk) => kiosk.dismiss(),
        };
        if closed {
            Task::none()
        } else if self.reader.term().is_some() || !self.presenting() {
            self.read(reader::Message::CloseTerm)
        } else {
            // Nothing else open: Escape leaves Present, as Stop presenting does.
            self.update(consult::Message::TogglePresenting.into())
        }
    }

    /// A fresh start for the next person: everything a patient could have changed goes back to
    /// how a new kiosk starts. Only the window's size, which is the screen's, and the count of
    /// wrong staff PINs stay.
    /// The kiosk for the next person: everything of this visit goes, but its counts, which are
    /// added to the week's (the task).
    fn reset(&mut self) -> Task<Message> {
        self.stop_reading();
        let Mode::Kiosk(kiosk) = &self.mode else {
            return Task::none();
        };
        let visited = !kiosk.welcome();
        let mut counting = self.counting.take();
        let counted = match &mut counting {
            Some(counting) if visited => counting
                .end(self.visit(), &self.background)
                .map(Message::Counted),
            _ => Task::none(),
        };
        let guard = kiosk.guard();
        let shows_counting = kiosk.counting();
        let fresh = App::kiosk(self.editions.clone(), kiosk.settings().clone());
        *self = App {
            viewport: self.viewport.fresh(),
            read_aloud: self.read_aloud.fresh(),
            clock: self.clock,
            mode: match fresh.mode {
                Mode::Kiosk(kiosk) => {
                    Mode::Kiosk(kiosk.with_guard(guard).with_counting(shows_counting))
                }
                consult => consult,
            },
            counting,
            background: self.background.clone(),
            ..fresh
        };
        counted
    }

    /// What this visit adds to the counts, but for the pages opened (the counting keeps those).
    fn visit(&self) -> insights::Visit {
        let library = self.library();
        let check = self.reader.teach_back();
        let (answers, ticked) = check.counted(&crate::document::check_items(library));
        let topics = crate::document::question_topics(library);
        insights::Visit {
            reached_check: check.started(),
            answers,
            pages: Default::default(),
            ticked: ticked
                .into_iter()
                .filter_map(|place| topics.get(place).cloned())
                .collect(),
        }
    }

    /// Counts a page opened (unless `by_staff`); in the consult room, a check finished ends the
    /// visit.
    fn count(&mut self, before: &PageShape, after: &PageShape, by_staff: bool) -> Task<Message> {
        if self.counting.is_none() {
            return Task::none();
        }
        let already = self.counting.as_ref().is_some_and(Counting::check_counted);
        let finished = self.consult_state().is_some()
            && before.check_step != teach_back::Step::Summary
            && after.check_step == teach_back::Step::Summary
            && !already;
        let visit = finished.then(|| self.visit());
        let visit_written = self.consult_state().is_some() && already;
        let Some(counting) = &mut self.counting else {
            return Task::none();
        };
        // Counted once until the check is cleared for the next patient.
        counting.set_check_counted(already || finished);
        // Behind the welcome screen (after a reset, too) no one is reading; in the consult
        // room, pages opened after the check was counted belong to a visit already written, and
        // the next begins with "Next patient".
        let behind_welcome = matches!(&self.mode, Mode::Kiosk(kiosk) if kiosk.welcome());
        if after.place.0 != before.place.0 && !behind_welcome && !visit_written && !by_staff {
            counting.opened(&after.place.0);
        }
        match visit {
            Some(visit) => counting.end(visit, &self.background).map(Message::Counted),
            None => Task::none(),
        }
    }

    /// How much the mode enlarges everything: presenting, for a patient across the desk, and the
    /// kiosk.
    fn mode_scale(&self) -> f32 {
        match &self.mode {
            Mode::Consult(consult) if consult.presenting() => self.viewport.presenting(),
            Mode::Consult(_) => 1.0,
            Mode::Kiosk(_) => kiosk::scale_for(self.screen().unwrap_or(self.window())),
        }
    }

    /// How much the whole layout is enlarged: to fill a big window, by the reader's text size,
    /// for presenting, and for the kiosk; never so much that the layout would be smaller than
    /// [`MIN_LAYOUT`].
    pub fn scale_factor(&self) -> f32 {
        self.viewport.scale(self.mode_scale())
    }

    /// Whether a larger text size would show: not at the largest step, nor where the window
    /// has no room to enlarge further.
    pub fn can_enlarge_text(&self) -> bool {
        self.viewport.can_enlarge_text(self.mode_scale())
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let keys = event::listen_with(|event, status, _window| match event {
            Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) => {
                keys::shortcut(&key, modifiers, status == event::Status::Captured).map(Message::Key)
            }
            _ => None,
        });
        let mut subscriptions = vec![
            window::resize_events().map(|(_, size)| Message::WindowResized(size)),
            keys,
        ];
        #[cfg(unix)]
        subscriptions.push(Subscription::run(terminated));
        if let Mode::Kiosk(kiosk) = &self.mode {
            subscriptions.push(event::listen_with(kiosk_input));
            subscriptions
                .push(window::close_requests().map(|_| Message::Kiosk(kiosk::Message::Activity)));
            // The countdown is the only thing that needs a clock while nothing is touched.
            if kiosk.counting_down() {
                subscriptions.push(
                    iced::time::every(Duration::from_secs(1))
                        .map(|now| Message::Kiosk(kiosk::Message::Tick(now))),
                );
            }
        }
        Subscription::batch(subscriptions)
    }

    pub fn title(&self) -> String {
        let library = self.library();
        if self.route() == &Route::HOME {
            return library.ui.app_title.clone();
        }
        let document = self.reader.document(library);
        format!("{} — {}", document.title, library.ui.app_title)
    }

    pub fn theme(&self) -> Theme {
        self.palette.theme()
    }
}

/// One [`Message::Terminated`] when the system asks the guide to stop (SIGTERM). Where the
/// signal cannot be listened for, nothing: SIGTERM then ends the guide as it always would.
#[cfg(unix)]
fn terminated() -> impl iced::futures::Stream<Item = Message> {
    use tokio::signal::unix::{SignalKind, signal};
    iced::futures::stream::once(async {
        match signal(SignalKind::terminate()) {
            Ok(mut asked) => {
                asked.recv().await;
            }
            Err(error) => {
                eprintln!("needle-guide: cannot listen for SIGTERM: {error}");
                std::future::pending::<()>().await;
            }
        }
        Message::Terminated
    })
}

/// In kiosk mode, presses, touches, scrolling and keys count as someone reading; so does the
/// staff chord.
fn kiosk_input(event: Event, _status: event::Status, _window: window::Id) -> Option<Message> {
    let kiosk = match event {
        // The keyboard's digits, Backspace and Enter work the staff keypad (and count as
        // reading when it is closed).
        Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) => {
            match keys::kiosk_key(&key, modifiers) {
                KioskKey::StaffExit => kiosk::Message::StaffExit,
                KioskKey::Digit(digit) => kiosk::Message::PinDigit(digit),
                KioskKey::Back => kiosk::Message::PinBack,
                KioskKey::Submit => kiosk::Message::PinSubmit,
                KioskKey::Other => kiosk::Message::Activity,
            }
        }
        Event::Mouse(
            iced::mouse::Event::ButtonPressed(_) | iced::mouse::Event::WheelScrolled { .. },
        )
        | Event::Touch(
            iced::touch::Event::FingerPressed { .. } | iced::touch::Event::FingerMoved { .. },
        ) => kiosk::Message::Activity,
        _ => return None,
    };
    Some(Message::Kiosk(kiosk))
}

/// A single timer that wakes the app at `deadline`.
fn wake_at(deadline: Instant) -> Task<Message> {
    // The sleep is made inside the future, on the runtime that polls it.
    let sleep = async move { tokio::time::sleep_until(deadline.into()).await };
    Task::perform(sleep, |()| {
        Message::Kiosk(kiosk::Message::Tick(Instant::now()))
    })
}

fn scroll_to_top() -> Task<Message> {
    operation::snap_to(PAGE_SCROLL, operation::RelativeOffset::START)
}

/// Scrolls the passage being read into view, a little below the top of the page.
fn scroll_to_passage() -> Task<Message> {
    scroll_to(reader::READING)
}

/// Scrolls the page so that the element `id` shows a little below the top of the screen, only
/// if none of it shows: a tap must not move what is under the finger when what it brought up is
/// already in sight.
fn reveal(id: &'static str) -> Task<Message> {
    use iced::widget::selector;
    selector::find(selector::id(id)).then(|element| match element {
        Some(element) if element.visible_bounds().is_none() => scroll_to_target(element),
        _ => Task::none(),
    })
}

/// Scrolls the page so that the element `id` shows a little below the top of the screen.
fn scroll_to(id: &'static str) -> Task<Message> {
    use iced::widget::selector;
    selector::find(selector::id(id))
        .then(|element| element.map_or_else(Task::none, scroll_to_target))
}

/// Scrolls the page so that `element`, found on it, shows a little below the top of the screen;
/// then asks for the frame that shows it (iced draws after a message, not after an operation).
fn scroll_to_target(element: iced::widget::selector::Target) -> Task<Message> {
    use iced::widget::selector;
    selector::find(selector::id(PAGE_SCROLL)).then(move |page| {
        let Some(page) = page else {
            return Task::none();
        };
        let y = element.bounds().y - page.bounds().y - metrics::L;
        operation::scroll_to(
            PAGE_SCROLL,
            iced::widget::scrollable::AbsoluteOffset {
                x: 0.0,
                y: y.max(0.0),
            },
        )
        .chain(Task::done(Message::ScrolledTo))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::keyboard::{Key, Location, Modifiers, key::Named};

    fn press(key: Key, modifiers: Modifiers) -> Event {
        Event::Keyboard(keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key,
            physical_key: keyboard::key::Physical::Unidentified(
                keyboard::key::NativeCode::Unidentified,
            ),
            location: Location::Standard,
            modifiers,
            text: None,
            repeat: false,
        })
    }

    fn kiosk_message(event: Event) -> Option<Message> {
        kiosk_input(event, event::Status::Ignored, window::Id::unique())
    }

    #[test]
    fn the_keyboard_works_the_staff_keypad() {
        let none = Modifiers::empty();
        assert_eq!(
            kiosk_message(press(Key::Character("7".into()), none)),
            Some(Message::Kiosk(kiosk::Message::PinDigit('7')))
        );
        assert_eq!(
            kiosk_message(press(Key::Named(Named::Backspace), none)),
            Some(Message::Kiosk(kiosk::Message::PinBack))
        );
        assert_eq!(
            kiosk_message(press(Key::Named(Named::Enter), none)),
            Some(Message::Kiosk(kiosk::Message::PinSubmit))
        );
        assert_eq!(
            kiosk_message(press(Key::Character("q".into()), none)),
            Some(Message::Kiosk(kiosk::Message::Activity))
        );
        let chord = Modifiers::CTRL | Modifiers::ALT | Modifiers::SHIFT;
        assert_eq!(
            kiosk_message(press(Key::Character("q".into()), chord)),
            Some(Message::Kiosk(kiosk::Message::StaffExit))
        );
    }

    #[test]
    fn scrolling_and_dragging_count_as_reading() {
        let wheel = Event::Mouse(iced::mouse::Event::WheelScrolled {
            delta: iced::mouse::ScrollDelta::Lines { x: 0.0, y: -1.0 },
        });
        let drag = Event::Touch(iced::touch::Event::FingerMoved {
            id: iced::touch::Finger(0),
            position: iced::Point::ORIGIN,
        });
        for event in [wheel, drag] {
            assert_eq!(
                kiosk_message(event),
                Some(Message::Kiosk(kiosk::Message::Activity))
            );
        }
    }
}
