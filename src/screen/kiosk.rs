//! The waiting-room kiosk: the welcome screen, the idle clock that resets for the next person,
//! "Are you still reading?", and the staff keypad. The therapist's tools are not part of it, so
//! the kiosk cannot write a file, start a program or leave full screen.

pub mod idle;
pub mod lock;

use std::rc::Rc;
use std::time::{Duration, Instant};

use iced::alignment::{Horizontal, Vertical};
use iced::widget::text::Wrapping;
use iced::widget::{
    Column, canvas, column, container, mouse_area, opaque, responsive, row, scrollable, space,
    stack, text,
};
use iced::{Center, Element, Fill, Length, Size};

use super::{
    Comfort, PageParts, Shared, Words, comfort_controls, contrast_button, home_button,
    language_button, text_size,
};
use crate::content::Library;
use crate::take_home::TakeHome;
use crate::theme::style::{self, Role};
use crate::theme::{BOLD, metrics, size};
use crate::widget::drag::drag;
use crate::widget::nav::{self, action_scaled, label_sized};
use crate::widget::room;

/// How much kiosk mode enlarges everything: body text to 26 px and targets to 65 px, for a
/// touch screen read standing up.
pub const SCALE: f32 = 1.25;

/// A screen shorter than this on its short side is a small panel (a Raspberry Pi's 800×480 or
/// 1024×600, or one of them turned): the kiosk starts there at the normal size, since enlarged
/// its bars would take half the screen and a page show little more than its title; A+ then
/// enlarges it as far as the screen allows.
pub const SMALL_PANEL: f32 = 720.0;

/// How much the kiosk enlarges everything on `screen`: [`SCALE`], but on a small panel.
pub fn scale_for(screen: iced::Size) -> f32 {
    if screen.width.min(screen.height) < SMALL_PANEL {
        1.0
    } else {
        SCALE
    }
}

/// How long without a touch before "Are you still reading?", unless `--idle-timeout` says
/// otherwise.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(90);

pub use crate::content::model::MAX_PIN_DIGITS;

/// What the kiosk's screens show that the app holds, not the kiosk: the code of the clinic's
/// web address, for the welcome screen, and what staff should know, under the staff keypad.
pub struct FromApp<'a> {
    pub web_code: Option<&'a WebCode>,
    /// The screen's pixels to one of the layout's: the take-home code's cells are drawn whole
    /// screen pixels across, or their edges blur and a camera may not read it.
    pub scale_factor: f32,
    pub staff_notices: Vec<String>,
}

/// Wrong PINs allowed before the keypad makes staff wait.
pub const FREE_TRIES: u32 = 5;

/// The wait after the tries run out; it doubles with each wrong PIN after that, up to
/// [`LONGEST_WAIT`].
const FIRST_WAIT: Duration = Duration::from_secs(30);
const LONGEST_WAIT: Duration = Duration::from_secs(15 * 60);

/// Wrong PINs so far, and until when the keypad refuses to check another. It outlives a visit:
/// a reset must not give someone guessing a fresh set of tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PinGuard {
    wrong: u32,
    locked_until: Option<Instant>,
}

impl PinGuard {
    /// Whether a PIN may be checked at `now`.
    pub fn open_at(&self, now: Instant) -> bool {
        self.locked_until.is_none_or(|until| now >= until)
    }

    /// A wrong PIN at `now`: after the free tries, each makes the wait twice as long.
    fn wrong_at(&mut self, now: Instant) {
        self.wrong += 1;
        if let Some(extra) = self.wrong.checked_sub(FREE_TRIES + 1) {
            let wait = FIRST_WAIT
                .saturating_mul(1u32.checked_shl(extra).unwrap_or(u32::MAX))
                .min(LONGEST_WAIT);
            self.locked_until = Some(now + wait);
        }
    }

    /// The right PIN: the count starts again.
    fn right(&mut self) {
        *self = PinGuard::default();
    }

    /// How long the keypad waits after a wrong PIN at `now`, if it does.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        self.locked_until
            .map(|until| until.saturating_duration_since(now))
            .filter(|wait| !wait.is_zero())
    }
}

/// Kiosk mode's settings, fixed for the run.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub idle_timeout: Duration,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A control every screen shares.
    Shared(Shared),
    /// The welcome screen was touched.
    StartVisit,
    /// The welcome screen's start in the other language was touched.
    StartVisitInOther,
    /// A touch, click or key anywhere.
    Activity,
    /// The clock reached `Instant` (a timer fired, or the countdown moved on).
    Tick(Instant),
    /// The reader answered "Are you still reading?".
    KeepReading,
    /// The staff key chord: leave kiosk mode (through the PIN, if the clinic set one).
    StaffExit,
    PinDigit(char),
    PinBack,
    PinCancel,
    PinSubmit,
    /// Show the code that takes this text home on a phone.
    ShowTakeHome(Box<TakeHome>),
    CloseTakeHome,
}

/// What the app must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Shared(Shared),
    /// A shared control, and then wake the kiosk at this instant: a setting changed on the
    /// welcome screen, where the idle clock now runs so that it is undone for the next person.
    SharedAndWake(Shared, Instant),
    /// Wake the kiosk with a [`Message::Tick`] at this instant.
    WakeAt(Instant),
    /// Start afresh for the next person.
    Reset,
    /// Staff are leaving kiosk mode.
    Exit,
}

/// The kiosk's state; nothing in it outlives a visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Kiosk {
    settings: Settings,
    idle: idle::Idle,
    welcome: bool,
    /// When the countdown was last drawn, for its seconds.
    now: Option<Instant>,
    /// The digits typed on the staff keypad, while it is open.
    pin: Option<String>,
    wrong_pin: bool,
    guard: PinGuard,
    /// When the last PIN was checked or refused, for the keypad's message.
    pin_checked: Option<Instant>,
    /// The code being shown that takes a list home, made from the screen's state: only here,
    /// never written down, and gone with the kiosk at the reset.
    take_home: Option<Shown>,
    /// The clinic keeps anonymous counts: the welcome screen says so.
    counting: bool,
}

/// A list taken home and its code, as shown. Two are the same when they hold the same list.
#[derive(Debug, Clone)]
struct Shown(Rc<(TakeHome, WebCode)>);

impl PartialEq for Shown {
    fn eq(&self, other: &Shown) -> bool {
        self.0.0 == other.0.0
    }
}

impl Kiosk {
    pub fn new(settings: Settings) -> Kiosk {
        Kiosk {
            idle: idle::Idle::new(settings.idle_timeout, idle::COUNTDOWN),
            settings,
            welcome: true,
            now: None,
            pin: None,
            wrong_pin: false,
            guard: PinGuard::default(),
            pin_checked: None,
            take_home: None,
            counting: false,
        }
    }

    /// The same kiosk, saying on its welcome screen whether the clinic keeps anonymous counts.
    pub fn with_counting(mut self, counting: bool) -> Kiosk {
        self.set_counting(counting);
        self
    }

    /// Whether the welcome screen and the check say answers are counted: no more once the
    /// counts could not be written.
    pub fn set_counting(&mut self, counting: bool) {
        self.counting = counting;
    }

    pub fn counting(&self) -> bool {
        self.counting
    }

    /// The same kiosk for the next person, keeping the count of wrong PINs.
    pub fn with_guard(mut self, guard: PinGuard) -> Kiosk {
        self.guard = guard;
        self
    }

    pub fn guard(&self) -> PinGuard {
        self.guard
    }

    /// Whether the keypad is making staff wait after too many wrong PINs.
    pub fn pin_locked(&self) -> bool {
        self.pin_checked
            .is_some_and(|checked| !self.guard.open_at(checked))
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn welcome(&self) -> bool {
        self.welcome
    }

    /// Whether the countdown before a reset is running, so the app needs a clock each second.
    pub fn counting_down(&self) -> bool {
        matches!(self.idle.phase(), idle::Phase::Notice { .. })
    }

    /// Seconds left before the reset, while "Are you still reading?" is up.
    pub fn seconds_left(&self) -> Option<u64> {
        self.idle.seconds_left(self.now?)
    }

    pub fn pin(&self) -> Option<&str> {
        self.pin.as_deref()
    }

    /// Whether the staff keypad is open: only staff open it, so what staff should know is
    /// shown under it.
    pub fn keypad_open(&self) -> bool {
        self.pin.is_some()
    }

    pub fn wrong_pin(&self) -> bool {
        self.wrong_pin
    }

    /// Closes the staff keypad; false if it was not open.
    pub fn dismiss(&mut self) -> bool {
        self.wrong_pin = false;
        self.pin_checked = None;
        self.pin.take().is_some()
    }

    /// `staff_pin` is the clinic's PIN; empty means none is set. `now` is the time the message
    /// came, from the app's clock: the kiosk reads no clock of its own.
    pub fn update(&mut self, message: Message, staff_pin: &str, now: Instant) -> Action {
        match message {
            Message::Shared(shared) if self.welcome => {
                self.idle.input(now);
                self.shared_and_wake(shared)
            }
            Message::Shared(shared) => Action::Shared(shared),
            Message::StartVisit => {
                self.welcome = false;
                self.idle.input(now);
                self.wake()
            }
            Message::StartVisitInOther => {
                self.welcome = false;
                self.idle.input(now);
                self.shared_and_wake(Shared::SwitchLanguage)
            }
            Message::Activity => {
                if !self.welcome {
                    self.idle.input(now);
                }
                Action::None
            }
            Message::ShowTakeHome(home) => {
                self.idle.input(now);
                let code = WebCode::sized(home.cells(), TAKE_HOME_CODE);
                self.take_home = Some(Shown(Rc::new((*home, code))));
                self.wake()
            }
            Message::CloseTakeHome => {
                self.idle.input(now);
                self.take_home = None;
                self.wake()
            }
            Message::KeepReading => {
                self.idle.keep_reading(now);
                self.now = None;
                self.wake()
            }
            Message::Tick(at) => {
                let now = at;
                self.now = Some(now);
                match self.idle.tick(now) {
                    Some(idle::Event::Reset) => Action::Reset,
                    // The notice takes the dialog's place: a list left on the screen goes.
                    Some(idle::Event::ShowNotice) => {
                        self.take_home = None;
                        Action::None
                    }
                    // Someone touched the screen since: sleep until the new deadline.
                    None if matches!(self.idle.phase(), idle::Phase::Reading { .. }) => self.wake(),
                    None => self.update(Message::Activity, staff_pin, now),
                }
            }
            Message::StaffExit => {
                if staff_pin.trim().is_empty() {
                    return Action::Exit;
                }
                self.pin = Some(String::new());
                self.wrong_pin = false;
                // A keypad opened afresh says nothing of an earlier wait.
                self.pin_checked = None;
                Action::None
            }
            Message::PinDigit(digit) => {
                match &mut self.pin {
                    Some(pin) if digit.is_ascii_digit() && pin.len() < MAX_PIN_DIGITS => {
                        pin.push(digit)
                    }
                    Some(_) => {}
                    // A digit key with no keypad open is someone reading.
                    None => return self.update(Message::Activity, staff_pin, now),
                }
                Action::None
            }
            Message::PinBack => {
                match &mut self.pin {
                    Some(pin) => {
                        pin.pop();
                    }
                    None => return self.update(Message::Activity, staff_pin, now),
                }
                Action::None
            }
            Message::PinCancel => {
                self.dismiss();
                Action::None
            }
            Message::PinSubmit => {
                self.pin_checked = Some(now);
                match &self.pin {
                    // Too many wrong tries: nothing is checked until the wait is over.
                    Some(_) if !self.guard.open_at(now) => {
                        self.pin = Some(String::new());
                        Action::None
                    }
                    Some(typed) if typed == staff_pin.trim() => {
                        self.guard.right();
                        Action::Exit
                    }
                    Some(_) => {
                        self.guard.wrong_at(now);
                        self.pin = Some(String::new());
                        self.wrong_pin = true;
                        Action::None
                    }
                    None => self.update(Message::Activity, staff_pin, now),
                }
            }
        }
    }

    /// `shared` for the app, and a timer for the clock's next deadline, if it has one.
    fn shared_and_wake(&self, shared: Shared) -> Action {
        match self.idle.deadline() {
            Some(deadline) => Action::SharedAndWake(shared, deadline),
            None => Action::Shared(shared),
        }
    }

    /// A timer for the clock's next deadline, if it has one.
    fn wake(&self) -> Action {
        self.idle.deadline().map_or(Action::None, Action::WakeAt)
    }

    /// The kiosk's whole screen, in a layout `width` wide: the welcome screen, or the page under
    /// the kiosk's bar; its dialog over either. `page` is drawn only when it shows; `to_app`
    /// carries the kiosk's messages to the app.
    pub fn frame<'a, M: 'a>(
        &'a self,
        library: &'a Library,
        comfort: Comfort<'a>,
        width: f32,
        from_app: FromApp<'a>,
        page: impl FnOnce() -> PageParts<'a, M>,
        to_app: fn(Message) -> M,
    ) -> Element<'a, M> {
        let overlay = self
            .overlay_view(library, from_app.staff_notices, from_app.scale_factor)
            .map(|overlay| overlay.map(to_app));
        if self.welcome {
            let welcome = self.welcome_view(library, comfort, width, from_app.web_code);
            return stack![welcome.map(to_app)].push(overlay).into();
        }
        let PageParts { page, term, foot } = page();
        let main = column![self.toolbar(library, comfort, width).map(to_app), page]
            .push(term)
            .push(foot);
        stack![main].push(overlay).into()
    }

    /// The kiosk's bar over each page, in a layout `width` wide: Home, then the comfort controls.
    pub fn toolbar<'a>(
        &self,
        library: &'a Library,
        comfort: Comfort<'a>,
        width: f32,
    ) -> Element<'a, Message> {
        comfort_bar(library, comfort, width, true)
    }

    /// The first screen each person sees: who this is from, what it is, and where to touch; the
    /// comfort controls above, and the QR code beside, when the clinic has a web address.
    pub fn welcome_view<'a>(
        &self,
        library: &'a Library,
        comfort: Comfort<'a>,
        width: f32,
        qr_data: Option<&'a WebCode>,
    ) -> Element<'a, Message> {
        // The words grow with the text size, as A+ promises; the title, the clinic's name, the
        // buttons and the code keep their size on the screen (`steady`), as the bar's controls
        // do: they are large already. At a large text size on a short screen, all of it shrinks
        // to the room it has, so "Touch to start" and the whole code stay on the screen.
        let steady = comfort.scale;
        // What the clinic counts, in both languages: a patient who starts in the other one is
        // told before the first page they open is counted.
        let counting = self.counting;
        let middle = responsive(move |room| {
            let words_scale = welcome_fit(library, comfort, counting, qr_data, room);
            let scale = words_scale * steady;
            let words = &library.ui.kiosk;
            let clinic = (!library.clinic.name.trim().is_empty()).then(|| {
                text(&library.clinic.name)
                    .size(size::HEADING * scale)
                    .wrapping(Wrapping::WordOrGlyph)
                    .style(style::muted)
            });
            let start = action_scaled(
                label_sized(&words.touch_to_start, size::TITLE * scale),
                Role::Primary,
                Message::StartVisit,
                scale,
            )
            .padding([metrics::L * scale, metrics::XL * scale]);
            // Beside it, under it, the start in the other language, in its own words.
            let start_in_other = comfort.other.map(|other| {
                action_scaled(
                    label_sized(&other.ui.kiosk.start_in, size::HEADING * scale),
                    Role::Secondary,
                    Message::StartVisitInOther,
                    scale,
                )
                .padding([metrics::L * scale, metrics::L * scale])
            });
            // Side by side where the words' column has room for both, which saves height on a
            // short screen; one over the other where it has not.
            let starts = beside_or_under(
                starts_in_a_row(start_widths(library, comfort), qr_data, room, scale),
                start.into(),
                start_in_other.map(Element::from),
                [metrics::M * scale, metrics::S * scale],
                Horizontal::Left,
            );
            let invitation = column![]
                .push(clinic)
                .push(
                    text(&library.ui.app_title)
                        .size(size::TITLE * 1.2 * scale)
                        .font(BOLD)
                        .style(style::primary),
                )
                .push(text(&words.welcome).size(size::LEAD * words_scale))
                .push(text(&words.takes).size(size::LEAD * words_scale))
                .push(counting.then(|| {
                    text(&words.counts_answers)
                        .size(size::LEAD * words_scale)
                        .style(style::muted)
                }))
                .push(comfort.other.filter(|_| counting).map(|other| {
                    text(&other.ui.kiosk.counts_answers)
                        .size(size::LEAD * words_scale)
                        .style(style::muted)
                }))
                .push(space().height(metrics::M * scale))
                .push(starts)
                .spacing(metrics::M * scale)
                // Beside a QR code the words take the room it leaves; alone, or over it, they
                // sit in the middle of the screen, not at its left.
                .width(if qr_data.is_some() && code_beside(room) {
                    Length::Fill
                } else {
                    Length::Shrink
                });
            let code = qr_data.map(|code| qr_scaled(code, &words.qr_caption, scale));
            // On a portrait panel the code beside would leave the words a column too narrow for
            // "Touch to start" on one line: there it goes under them.
            let middle = beside_or_under(
                code_beside(room),
                invitation.into(),
                code,
                [metrics::XL * scale, metrics::L * scale],
                Horizontal::Center,
            );
            container(middle)
                .center(Fill)
                .padding(metrics::L * scale)
                .into()
        });
        // A tap on the bar is a tap on its controls, never a start: a greyed A+ does nothing.
        let bar = opaque(comfort_bar(library, comfort, width, false));
        let screen = column![bar, middle];
        // A touch anywhere starts, not only on the button.
        mouse_area(container(screen).width(Fill).height(Fill))
            .on_press(Message::StartVisit)
            .into()
    }

    /// The dialog over the page, if any: the staff keypad (with `staff_notices` under its keys),
    /// or "Are you still reading?".
    pub fn overlay_view<'a>(
        &'a self,
        library: &'a Library,
        staff_notices: Vec<String>,
        scale_factor: f32,
    ) -> Option<Element<'a, Message>> {
        match (self.pin(), self.seconds_left()) {
            (Some(_), _) => Some(self.keypad(library, staff_notices)),
            (None, Some(seconds)) if !self.welcome => Some(still_reading(library, seconds)),
            _ => self
                .take_home
                .as_ref()
                .filter(|_| !self.welcome)
                .map(|Shown(shown)| take_home(library, &shown.0, &shown.1, scale_factor)),
        }
    }

    /// The staff keypad: digits shown as dots, 0–9, back, cancel, OK, and under the keys what
    /// staff should know (`notices`: only staff open the keypad). It is for staff, so it does
    /// not take the patient's text size: where that leaves too little room, it is drawn
    /// smaller, every row, OK and each notice on the screen.
    fn keypad<'a>(&self, library: &'a Library, notices: Vec<String>) -> Element<'a, Message> {
        let full = Size::new(
            KEYPAD_ROOM.width,
            KEYPAD_ROOM.height + notices_height(&notices),
        );
        let typed = self.pin().map_or(0, str::len);
        let said = if self.pin_locked() {
            Some(&library.ui.kiosk.pin_locked)
        } else if self.wrong_pin() {
            Some(&library.ui.kiosk.wrong_pin)
        } else {
            None
        };
        responsive(move |room| {
            let scale = fitted(room, full);
            let words = &library.ui.kiosk;
            let key = |face: String, message: Message| {
                action_scaled(
                    text(face)
                        .size(size::HEADING * scale)
                        .font(BOLD)
                        .width(Length::Fixed(64.0 * scale))
                        .align_x(Center),
                    Role::Secondary,
                    message,
                    scale,
                )
            };
            let rows = ['1', '4', '7'].into_iter().map(|first| {
                row((0..3).map(|offset| {
                    let digit = char::from(first as u8 + offset);
                    key(digit.to_string(), Message::PinDigit(digit)).into()
                }))
                .spacing(metrics::S * scale)
                .into()
            });
            let last = row![
                key("‹".to_owned(), Message::PinBack),
                key("0".to_owned(), Message::PinDigit('0')),
                action_scaled(
                    label_sized(&words.ok, size::BODY * scale),
                    Role::Primary,
                    Message::PinSubmit,
                    scale
                )
                .padding([metrics::M * scale, metrics::M * scale]),
            ]
            .spacing(metrics::S * scale);
            // Cancel sits beside the title, so a message under the dots never pushes it off
            // the screen.
            let panel = column![
                row![
                    text(&words.staff_pin_title)
                        .size(size::SUBHEADING * scale)
                        .font(BOLD)
                        .width(Fill),
                    action_scaled(
                        label_sized(&words.cancel, size::BODY * scale),
                        Role::Secondary,
                        Message::PinCancel,
                        scale
                    ),
                ]
                .spacing(metrics::M * scale)
                .align_y(Vertical::Center),
            ]
            // What went wrong stands where the dots are, until staff type again: the keypad
            // is no taller with it.
            .push(match said.filter(|_| typed == 0) {
                Some(said) => container(
                    text(said)
                        .size(size::BODY * scale)
                        .style(style::urgent_text),
                )
                .height(size::HEADING * 1.3 * scale)
                .align_y(Vertical::Center),
                None => container(text("•".repeat(typed)).size(size::HEADING * scale)),
            })
            .push(
                Column::with_children(rows)
                    .push(last)
                    .spacing(metrics::S * scale),
            )
            .extend(notices.iter().map(|notice| {
                text(notice.clone())
                    .size(size::BODY * scale)
                    .width(Fill)
                    .into()
            }))
            .spacing(metrics::S * scale)
            .align_x(Center);
            nav::modal_scaled(panel, false, Message::PinCancel, scale)
        })
        .into()
    }
}

/// The room, in the layout's pixels, in which the staff keypad shows at its full size, with the
/// message under its dots (the kiosk's layout at the normal text size is 1024×640).
const KEYPAD_ROOM: Size = Size::new(600.0, 576.0);

/// About how tall `notices` are in the keypad's card at its full size, so that the keypad
/// shrinks to keep them on the screen: a generous estimate of their lines (a glyph is taken
/// as 0.6 of the text's size wide), never too little.
fn notices_height(notices: &[String]) -> f32 {
    let line = metrics::READING_WIDTH - 2.0 * metrics::L;
    let per_line = (line / (size::BODY * 0.6)).floor();
    notices
        .iter()
        .map(|notice| {
            let lines = (notice.chars().count() as f32 / per_line).ceil() + 1.0;
            lines * size::BODY * 1.3 + metrics::S
        })
        .sum()
}

/// Whether the welcome screen's two starts ("Touch to start" and the other language's, their
/// widths as [`start_widths`] gives them) go side by side at `scale`: where the words' column
/// has room for both on one line each.
fn starts_in_a_row(
    starts: (f32, Option<f32>),
    qr: Option<&WebCode>,
    room: Size,
    scale: f32,
) -> bool {
    match starts {
        (_, None) => true,
        (touch, Some(other)) => {
            (touch + metrics::M + other) * scale <= words_width(qr, room, scale)
        }
    }
}

/// About how wide the welcome screen's two starts are at scale 1: "Touch to start", and the
/// other language's, if there is one. A bold label is a little over half its size a letter,
/// rounded up so that a layout chosen by these never makes a label break.
fn start_widths(library: &Library, comfort: Comfort<'_>) -> (f32, Option<f32>) {
    let label = |words: &str, size: f32| words.chars().count() as f32 * 0.55 * size;
    let touch = label(&library.ui.kiosk.touch_to_start, size::TITLE) + 2.0 * metrics::XL;
    let other = comfort
        .other
        .map(|other| label(&other.ui.kiosk.start_in, size::HEADING) + 2.0 * metrics::L);
    (touch, other)
}

/// How wide the welcome screen's words may be at `scale`: the screen's width less its margins,
/// and less the code's column where the code is beside them.
fn words_width(qr: Option<&WebCode>, room: Size, scale: f32) -> f32 {
    let beside = match qr {
        Some(_) if code_beside(room) => (QR_WIDTH + metrics::XL) * scale,
        _ => 0.0,
    };
    room.width - 2.0 * metrics::L * scale - beside
}

/// `first` and `second` side by side, centred on one another (`beside`), or one over the
/// other, lined up as `align` says; `gaps` between them, the first side by side.
fn beside_or_under<'a>(
    beside: bool,
    first: Element<'a, Message>,
    second: Option<Element<'a, Message>>,
    [across, down]: [f32; 2],
    align: Horizontal,
) -> Element<'a, Message> {
    if beside {
        row![first]
            .push(second)
            .spacing(across)
            .align_y(Vertical::Center)
            .into()
    } else {
        column![first]
            .push(second)
            .spacing(down)
            .align_x(align)
            .into()
    }
}

/// Whether the welcome screen's QR code goes beside its words (or under them): beside, unless
/// the screen is taller than it is wide.
fn code_beside(room: Size) -> bool {
    room.width >= room.height
}

/// About how many lines `words` take at `size` in `width`: half a letter's size a letter.
fn lines(words: &str, size: f32, width: f32) -> f32 {
    (words.chars().count() as f32 * 0.5 * size / width.max(1.0))
        .ceil()
        .max(1.0)
}

/// The largest size, up to 1, at which the welcome screen's words fit `room` (the words at
/// that size, the rest at that size times the text size, `steady`): on a short or narrow screen
/// the words wrap into the width there is, and only the height shrinks them, so that "Touch to
/// start" and the code are always on the screen and the words as large as that allows.
fn welcome_fit(
    library: &Library,
    comfort: Comfort<'_>,
    counting: bool,
    qr: Option<&WebCode>,
    room: Size,
) -> f32 {
    let words = &library.ui.kiosk;
    let steady = comfort.scale;
    let starts = start_widths(library, comfort);
    let height = |fit: f32| {
        let scale = fit * steady;
        let width = words_width(qr, room, scale);
        let line = |text: &str, size: f32| lines(text, size, width) * size * 1.3;
        let mut parts = vec![
            line(&library.ui.app_title, size::TITLE * 1.2 * scale),
            line(&words.welcome, size::LEAD * fit),
            line(&words.takes, size::LEAD * fit),
            metrics::M * scale,
            size::TITLE * 1.3 * scale + 2.0 * metrics::L * scale,
        ];
        if !library.clinic.name.trim().is_empty() {
            parts.push(line(&library.clinic.name, size::HEADING * scale));
        }
        if counting {
            parts.push(line(&words.counts_answers, size::LEAD * fit));
        }
        if let Some(other) = comfort.other {
            if !starts_in_a_row(starts, qr, room, scale) {
                parts.push(size::HEADING * 1.3 * scale + 2.0 * metrics::L * scale);
            }
            if counting {
                parts.push(line(&other.ui.kiosk.counts_answers, size::LEAD * fit));
            }
        }
        let spacing = metrics::M * scale * (parts.len() - 1) as f32;
        let invitation: f32 = parts.iter().sum::<f32>() + spacing;
        let code = qr.map_or(0.0, |code| {
            code.side() * scale + metrics::S * scale + 2.0 * size::BODY * 1.3 * scale
        });
        let middle = if code_beside(room) {
            invitation.max(code)
        } else {
            invitation + metrics::L * scale + code
        };
        middle + 2.0 * metrics::L * scale
    };
    // Each start on one line: on a portrait panel "Toque para empezar" at its full size is
    // wider than the screen.
    let across = |fit: f32| {
        let scale = fit * steady;
        let (touch, other) = starts;
        touch.max(other.unwrap_or(0.0)) * scale <= words_width(qr, room, scale)
    };
    let mut fit = 1.0;
    while fit > 0.25 && (height(fit) > room.height || !across(fit)) {
        fit -= 0.01;
    }
    fit
}

/// The smallest a button may be on a small panel's screen, in its pixels: 48, and one more, as
/// a button's target measures a little under its nominal height.
const MIN_TARGET_ON_SCREEN: f32 = 49.0;

/// The room in which "Are you still reading?" shows at its full size.
const STILL_READING_ROOM: Size = Size::new(600.0, 480.0);

/// How much a part made for `full` must shrink to fit in `room`: 1 where it fits.
fn fitted(room: Size, full: Size) -> f32 {
    (room.width / full.width)
        .min(room.height / full.height)
        .clamp(0.25, 1.0)
}

/// The bar on every kiosk screen: Home (`with_home`), then text size, contrast and language,
/// their labels shortened where the screen is too narrow for them all.
fn comfort_bar<'a>(
    library: &'a Library,
    comfort: Comfort<'a>,
    width: f32,
    with_home: bool,
) -> Element<'a, Message> {
    let ui = &library.ui;
    let form = |controls: Vec<Element<'a, Shared>>| {
        let home = with_home.then(|| home_button(ui, comfort, Role::Primary).map(Message::Shared));
        let controls = controls
            .into_iter()
            .map(|control| control.map(Message::Shared))
            .collect();
        (home.into_iter().collect(), controls)
    };
    // Where even the short words do not fit (a portrait panel), one control gives way: on a
    // page, contrast (it is on the welcome screen, and the choice lasts the visit); on the
    // welcome screen, the language ("Start in English", under the words, is there).
    let fewest = {
        let mut controls = text_size(ui, comfort, Words::Short);
        let language = with_home.then(|| language_button(ui, comfort)).flatten();
        controls.push(language.unwrap_or_else(|| contrast_button(ui, comfort, Words::Short)));
        controls
    };
    nav::bar_scaled(
        [
            form(comfort_controls(ui, comfort, Words::Full)),
            form(comfort_controls(ui, comfort, Words::Short)),
            form(fewest),
        ],
        width,
        comfort.scale,
    )
}

/// "Are you still reading?", with the seconds left and one big button; at a large text size on
/// a short screen it shrinks to the room it has, the button whole.
fn still_reading(library: &Library, seconds: u64) -> Element<'_, Message> {
    let with = |n: &str| library.ui.kiosk.starting_over.replace("{n}", n);
    let starting_over = with(&seconds.to_string());
    // The box keeps its width as the seconds count down: the words take the room of the widest
    // two digits.
    let widest = with("88");
    responsive(move |room| {
        let scale = fitted(room, STILL_READING_ROOM);
        let words = &library.ui.kiosk;
        let seconds_left = room::room(
            text(starting_over.clone()).size(size::LEAD * scale),
            [text(widest.clone()).size(size::LEAD * scale).into()],
        );
        let panel = column![
            text(&words.still_reading)
                .size(size::TITLE * scale)
                .font(BOLD),
            seconds_left,
            action_scaled(
                label_sized(&words.keep_reading, size::HEADING * scale),
                Role::Primary,
                Message::KeepReading,
                scale
            )
            .padding([metrics::M * scale, metrics::XL * scale]),
        ]
        .spacing(metrics::L * scale)
        .align_x(Center);
        nav::modal_scaled(panel, false, Message::KeepReading, scale)
    })
    .into()
}

/// The code that takes the list on the screen behind it home: how to take it, and that the screen
/// does not keep the list; what to do if something is wrong, which the code holds first; where
/// the list was too long for one code, how much of it the code holds.
fn take_home<'a>(
    library: &'a Library,
    home: &'a TakeHome,
    code: &'a WebCode,
    scale_factor: f32,
) -> Element<'a, Message> {
    let words = &library.ui.kiosk;
    let dialog = responsive(move |room| {
        let CodeRoom {
            portrait,
            scale,
            across,
        } = CodeRoom::in_window(room);
        // Whole screen pixels a cell, or its edges blur and a camera may not read it; and
        // never under 3 where 3 fit, whatever the text size.
        let on_screen = |layout: f32| layout * scale_factor;
        let close_scale = scale.max(MIN_TARGET_ON_SCREEN / (metrics::TARGET * scale_factor));
        let fits = (on_screen(across) / code.across).floor();
        let cell = on_screen(code.cell * scale)
            .floor()
            .max(READABLE_CELL)
            .min(fits)
            .max(1.0)
            / scale_factor;
        let shortened = (home.kept < home.total).then(|| {
            text(
                words
                    .take_home_shortened
                    .replace("{kept}", &home.kept.to_string())
                    .replace("{total}", &home.total.to_string()),
            )
            .size(size::BODY * scale)
            .font(BOLD)
        });
        // The code's first part, what to do if something is wrong, is said here too: the rest
        // is the list on the screen behind.
        let safety = home
            .sections
            .first()
            .filter(|section| section.heading == words.take_home_safety_heading)
            .map(|section| {
                column![text(&section.heading).size(size::BODY * scale).font(BOLD)]
                    .extend(
                        section
                            .items
                            .iter()
                            .map(|item| text(item).size(size::BODY * scale).into()),
                    )
                    .spacing(metrics::XS * scale)
            });
        // What was left out first, then how to take it and what to do if something is wrong,
        // scrolled by finger where they are longer than their room.
        let told = drag(
            scrollable(
                column![]
                    .push(shortened)
                    .push(
                        text(&words.take_home_how)
                            .size(size::BODY * scale)
                            .style(style::muted),
                    )
                    .push(safety)
                    .spacing(metrics::M * scale)
                    .padding(iced::Padding::ZERO.right(metrics::M * scale)),
            )
            .height(Fill)
            .width(Fill)
            .style(style::scrollbar),
        );
        let title = row![
            text(&words.take_home)
                .size(size::HEADING * scale)
                .font(BOLD)
                .width(Fill),
            // Never under 48 pixels on the screen, however small the rest is drawn.
            action_scaled(
                label_sized(&library.ui.close, size::BODY * close_scale),
                Role::Primary,
                Message::CloseTakeHome,
                close_scale
            ),
        ]
        .spacing(metrics::M * scale)
        .align_y(Vertical::Center);
        let shown = container(code.view(cell)).id(nav::mark::QR);
        let panel: Element<'a, Message> = if portrait {
            column![title, container(shown).center_x(Fill), told]
                .spacing(metrics::M * scale)
                .into()
        } else {
            // The code the whole height of the dialog, its title and words beside it: on a
            // short panel the code gets the room a title row above it would take.
            let beside = column![title, told]
                .spacing(metrics::M * scale)
                .height(Length::Fixed(code.side_at(cell)));
            row![shown, beside].spacing(metrics::L * scale).into()
        };
        nav::modal_framed(
            panel,
            true,
            Message::CloseTakeHome,
            TAKE_HOME_PADDING * scale,
            TAKE_HOME_MARGIN * scale,
        )
    });
    dialog.into()
}

/// The take-home dialog's padding, and the margin around it, at full size: smaller than other
/// dialogs', so that on a small panel the code keeps cells a phone can read.
const TAKE_HOME_PADDING: f32 = metrics::M;
const TAKE_HOME_MARGIN: f32 = metrics::S;
const TAKE_HOME_FRAME: f32 = 2.0 * (TAKE_HOME_PADDING + TAKE_HOME_MARGIN);

/// The room in which the take-home code and its words show at their full size: the card (the
/// largest code, and beside it the title row and the words, within its padding, no wider than
/// any card) and the margin around it. Anything smaller is drawn smaller, so the whole code
/// stays on the screen at any text size.
const TAKE_HOME_ROOM: Size = Size::new(
    metrics::READING_WIDTH + 2.0 * TAKE_HOME_MARGIN,
    TAKE_HOME_CODE + TAKE_HOME_FRAME,
);

/// [`TAKE_HOME_ROOM`] on a portrait panel: the title row (about 72 high), the code with its
/// margins across, and under it its words, at least 240 high.
const TAKE_HOME_ROOM_TALL: Size = Size::new(
    TAKE_HOME_CODE + TAKE_HOME_FRAME,
    72.0 + 2.0 * metrics::M + TAKE_HOME_CODE + 240.0 + TAKE_HOME_FRAME,
);

/// How wide the take-home code may be drawn at its full size: a code of version 33 (153 cells
/// with its margin) at 3 pixels a cell, or a smaller one at 4 or 5, which a phone reads from
/// arm's length.
const TAKE_HOME_CODE: f32 = 500.0;

/// The screen pixels a take-home code's cell needs for a phone to read it from arm's length:
/// the code is never drawn smaller where it fits at this size.
const READABLE_CELL: f32 = 3.0;

/// The take-home dialog in a window laid out at a size: whether it is the portrait one, how
/// much it is shrunk to fit, and the room across its code, in the layout's pixels.
struct CodeRoom {
    portrait: bool,
    scale: f32,
    across: f32,
}

impl CodeRoom {
    fn in_window(room: Size) -> CodeRoom {
        // On a portrait panel the words go under the code, not beside it: beside it, the
        // dialog shrank to half its size, its words and its Close button with it.
        let portrait = room.width < room.height;
        let full = if portrait {
            TAKE_HOME_ROOM_TALL
        } else {
            TAKE_HOME_ROOM
        };
        let scale = fitted(room, full);
        // Down, the room less what is above and below the code; in portrait, across too.
        let down = room.height - (full.height - TAKE_HOME_CODE) * scale;
        let across = if portrait {
            (room.width - (full.width - TAKE_HOME_CODE) * scale).min(down)
        } else {
            down
        };
        CodeRoom {
            portrait,
            scale,
            across,
        }
    }
}

/// The largest take-home code that a window laid out at `room`, drawn `scale_factor` screen
/// pixels to each of the layout's, shows with [`READABLE_CELL`]s: a larger screen takes more of
/// the list home. Never under the smallest of `take_home::VERSIONS`, which holds every step of
/// what to do if something is wrong, drawn smaller where it must be.
pub fn largest_take_home_version(room: Size, scale_factor: f32) -> i16 {
    let across = CodeRoom::in_window(room).across * scale_factor;
    let versions = crate::take_home::VERSIONS;
    let start = *versions.start();
    versions
        .rev()
        .find(|&version| {
            let cells = 17 + 4 * version as usize + 2 * QUIET_ZONE;
            cells as f32 * READABLE_CELL <= across
        })
        .unwrap_or(start)
}

/// Room for the QR code and its caption.
pub const QR_WIDTH: f32 = 280.0;

/// The most a QR code's cell takes; a short address's code keeps to this size.
const QR_CELL: f32 = 5.0;

/// The clinic's web address, or what a patient takes home, as a QR code, with the cells' size at
/// which it fits its column. Made by `take_home::smallest`, which marks a text beyond ASCII as
/// UTF-8 (iced's own QR widget cannot), and drawn here as iced draws its codes: the theme's text
/// colour on its background, two blank cells around, kept in a cache between frames.
#[derive(Debug)]
pub struct WebCode {
    /// Whether each cell, row by row, is dark.
    dark: Vec<bool>,
    /// Cells across the code itself.
    width: usize,
    cache: canvas::Cache,
    cell: f32,
    /// Cells across, blank margin included.
    across: f32,
}

/// The blank cells around a code, as iced leaves them.
const QUIET_ZONE: usize = 2;

impl WebCode {
    /// The smallest code that holds `web` (medium error correction); none if no code can hold
    /// it.
    pub fn new(web: &str) -> Option<WebCode> {
        let cells = crate::take_home::cells(web, 40, crate::take_home::WEB_CORRECTION)?;
        Some(WebCode::sized(cells, QR_WIDTH))
    }

    /// `cells` drawn as large as fit `room` pixels across.
    pub fn sized(cells: crate::take_home::Cells, room: f32) -> WebCode {
        let crate::take_home::Cells { width, dark } = cells;
        let across = (width + 2 * QUIET_ZONE) as f32;
        let cell = (room / across).floor().clamp(1.0, QR_CELL);
        WebCode {
            dark,
            width,
            cache: canvas::Cache::new(),
            cell,
            across,
        }
    }

    /// How wide the code is drawn with cells `cell` pixels across, blank margin included.
    pub fn side_at(&self, cell: f32) -> f32 {
        cell * self.across
    }

    /// How wide the code is drawn, blank margin included.
    pub fn side(&self) -> f32 {
        self.cell * self.across
    }

    /// The code drawn with cells `cell` pixels across.
    fn view<'a, Message: 'a>(&'a self, cell: f32) -> Element<'a, Message> {
        let side = cell * self.across;
        iced::widget::canvas(CodeCells(self))
            .width(side)
            .height(side)
            .into()
    }
}

/// Draws a [`WebCode`]'s cells at the size it is given.
struct CodeCells<'a>(&'a WebCode);

impl<Message> canvas::Program<Message> for CodeCells<'_> {
    type State = ();

    fn draw(
        &self,
        _: &(),
        renderer: &iced::Renderer,
        theme: &iced::Theme,
        bounds: iced::Rectangle,
        _: iced::mouse::Cursor,
    ) -> Vec<canvas::Geometry> {
        let code = self.0;
        let palette = theme.palette();
        let geometry = code.cache.draw(renderer, bounds.size(), |frame| {
            frame.scale(bounds.width / code.across);
            frame.fill_rectangle(
                iced::Point::ORIGIN,
                Size::new(code.across, code.across),
                palette.background,
            );
            frame.translate(iced::Vector::new(QUIET_ZONE as f32, QUIET_ZONE as f32));
            for (index, _) in code.dark.iter().enumerate().filter(|(_, dark)| **dark) {
                let (row, column) = (index / code.width, index % code.width);
                frame.fill_rectangle(
                    iced::Point::new(column as f32, row as f32),
                    Size::UNIT,
                    palette.text,
                );
            }
        });
        vec![geometry]
    }
}

/// The QR code of the clinic's web address, with what it is for.
pub fn qr<'a, Message: 'a>(code: &'a WebCode, caption: &'a str) -> Element<'a, Message> {
    qr_scaled(code, caption, 1.0)
}

/// [`qr`], `scale` times its size.
fn qr_scaled<'a, Message: 'a>(
    code: &'a WebCode,
    caption: &'a str,
    scale: f32,
) -> Element<'a, Message> {
    column![
        container(code.view(code.cell * scale)).id(nav::mark::QR),
        text(caption)
            .size(size::BODY * scale)
            .style(style::muted)
            .align_x(Center),
    ]
    .spacing(metrics::S * scale)
    .align_x(Center)
    .width(Length::Fixed(QR_WIDTH * scale))
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    /// The longest address `check` accepts still makes a code whose cells a phone can read from
    /// the screen, inside its column; a short one keeps the full cell size.
    #[test]
    fn the_longest_accepted_address_makes_a_code_that_fits_with_readable_cells() {
        use crate::content::check::MAX_WEB_BYTES;
        // Lower-case letters and symbols take the most room in a code (no compact mode holds
        // them); a letter with an accent is two bytes.
        for filler in ["z", "~", "é"] {
            let mut web = String::from("https://harbour.example/");
            while web.len() + filler.len() <= MAX_WEB_BYTES {
                web.push_str(filler);
            }
            let code = WebCode::new(&web).expect("a code holds it");
            assert!(code.cell >= 4.0, "{filler}: {}", code.cell);
            assert!(code.side() <= QR_WIDTH, "{filler}: {}", code.side());
        }
        let short = WebCode::new("https://harbour.example/guide").unwrap();
        assert_eq!(short.cell, QR_CELL);
        // Far past the limit, the code is drawn smaller, still inside its column.
        let long = WebCode::new(&"x".repeat(1500)).unwrap();
        assert!(long.side() <= QR_WIDTH && long.cell >= 1.0);
    }

    #[test]
    fn the_free_tries_then_a_wait_that_doubles() {
        let start = Instant::now();
        let mut guard = PinGuard::default();
        for _ in 0..FREE_TRIES {
            guard.wrong_at(start);
            assert!(guard.open_at(start), "the free tries cost nothing");
        }
        guard.wrong_at(start);
        assert!(!guard.open_at(start));
        assert_eq!(guard.wait(start), Some(FIRST_WAIT));
        assert!(guard.open_at(start + FIRST_WAIT));
        let later = start + FIRST_WAIT;
        guard.wrong_at(later);
        assert_eq!(guard.wait(later), Some(FIRST_WAIT * 2));
        for _ in 0..40 {
            guard.wrong_at(later);
        }
        assert_eq!(
            guard.wait(later),
            Some(LONGEST_WAIT),
            "the wait has a ceiling"
        );
        guard.right();
        assert!(guard.open_at(later) && guard.wait(later).is_none());
        assert!(guard.open_at(later + SECOND));
    }

    #[test]
    fn a_locked_keypad_refuses_even_the_right_pin() {
        let mut kiosk = Kiosk::new(Settings {
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
        });
        let now = Instant::now();
        let _ = kiosk.update(Message::StaffExit, "2468", now);
        for _ in 0..=FREE_TRIES {
            for digit in ['1', '1', '1', '1'] {
                let _ = kiosk.update(Message::PinDigit(digit), "2468", now);
            }
            assert_eq!(kiosk.update(Message::PinSubmit, "2468", now), Action::None);
        }
        assert!(kiosk.pin_locked());
        for digit in ['2', '4', '6', '8'] {
            let _ = kiosk.update(Message::PinDigit(digit), "2468", now);
        }
        assert_eq!(
            kiosk.update(Message::PinSubmit, "2468", now),
            Action::None,
            "no PIN is checked while the keypad waits"
        );
        assert_eq!(kiosk.pin(), Some(""), "the typed digits are cleared");
        let _ = kiosk.update(Message::PinCancel, "2468", now);
        let _ = kiosk.update(Message::StaffExit, "2468", now);
        assert!(
            !kiosk.pin_locked(),
            "a keypad opened again shows no old message (the wait itself still holds)"
        );
        assert!(kiosk.guard().wait(now).is_some());
    }

    #[test]
    fn keyboard_digits_with_no_keypad_count_as_reading() {
        let mut kiosk = Kiosk::new(Settings {
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
        });
        let start = Instant::now();
        let _ = kiosk.update(Message::StartVisit, "", start);
        let before = kiosk.idle;
        let _ = kiosk.update(Message::PinDigit('7'), "", start + Duration::from_millis(2));
        assert_eq!(kiosk.pin(), None);
        assert_ne!(kiosk.idle, before, "the idle clock started again");
    }
}
