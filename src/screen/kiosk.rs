//! The waiting-room kiosk: the welcome screen, the idle clock that resets for the next person,
//! "Are you still reading?", and the staff keypad. The therapist's tools are not part of it, so
//! the kiosk cannot write a file, start a program or leave full screen.

pub mod idle;

use std::time::{Duration, Instant};

use iced::alignment::Vertical;
use iced::widget::{Column, column, container, mouse_area, qr_code, row, space, text};
use iced::{Center, Element, Fill, Length};

use super::{Shared, home_button, language_button, text_size};
use crate::content::Library;
use crate::theme::style::{self, Role};
use crate::theme::{BOLD, metrics, size};
use crate::widget::nav::{self, action, label, modal};

/// How much kiosk mode enlarges everything: body text to 26 px and targets to 65 px, for a
/// touch screen read standing up.
pub const SCALE: f32 = 1.25;

/// How long without a touch before "Are you still reading?", unless `--idle-timeout` says
/// otherwise.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(90);

/// The most digits the staff keypad takes.
pub const MAX_PIN_DIGITS: usize = 12;

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
}

/// What the app must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Shared(Shared),
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
        }
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

    pub fn wrong_pin(&self) -> bool {
        self.wrong_pin
    }

    /// Closes the staff keypad; false if it was not open.
    pub fn dismiss(&mut self) -> bool {
        self.wrong_pin = false;
        self.pin.take().is_some()
    }

    /// `staff_pin` is the clinic's PIN; empty means none is set.
    pub fn update(&mut self, message: Message, staff_pin: &str) -> Action {
        match message {
            Message::Shared(shared) => Action::Shared(shared),
            Message::StartVisit => {
                self.welcome = false;
                self.idle.input(Instant::now());
                self.wake()
            }
            Message::Activity => {
                if !self.welcome {
                    self.idle.input(Instant::now());
                }
                Action::None
            }
            Message::KeepReading => {
                self.idle.keep_reading(Instant::now());
                self.now = None;
                self.wake()
            }
            Message::Tick(now) => {
                self.now = Some(now);
                match self.idle.tick(now) {
                    Some(idle::Event::Reset) => Action::Reset,
                    Some(idle::Event::ShowNotice) => Action::None,
                    // Someone touched the screen since: sleep until the new deadline.
                    None if matches!(self.idle.phase(), idle::Phase::Reading { .. }) => self.wake(),
                    None => Action::None,
                }
            }
            Message::StaffExit => {
                if staff_pin.trim().is_empty() {
                    return Action::Exit;
                }
                self.pin = Some(String::new());
                self.wrong_pin = false;
                Action::None
            }
            Message::PinDigit(digit) => {
                if let Some(pin) = &mut self.pin
                    && digit.is_ascii_digit()
                    && pin.len() < MAX_PIN_DIGITS
                {
                    pin.push(digit);
                }
                Action::None
            }
            Message::PinBack => {
                if let Some(pin) = &mut self.pin {
                    pin.pop();
                }
                Action::None
            }
            Message::PinCancel => {
                self.dismiss();
                Action::None
            }
            Message::PinSubmit => match &self.pin {
                Some(typed) if typed == staff_pin.trim() => Action::Exit,
                Some(_) => {
                    self.pin = Some(String::new());
                    self.wrong_pin = true;
                    Action::None
                }
                None => Action::None,
            },
        }
    }

    /// A timer for the clock's next deadline, if it has one.
    fn wake(&self) -> Action {
        self.idle.deadline().map_or(Action::None, Action::WakeAt)
    }

    /// The kiosk's bar over each page: Home, then the comfort controls.
    pub fn toolbar<'a>(
        &self,
        library: &'a Library,
        other_language: Option<&'a str>,
        high_contrast: bool,
        can_enlarge: bool,
    ) -> Element<'a, Message> {
        let home = home_button(&library.ui, Role::Primary).map(Message::Shared);
        nav::bar(
            vec![home],
            comfort(library, other_language, high_contrast, can_enlarge),
        )
    }

    /// The first screen each person sees: who this is from, what it is, and where to touch; the
    /// comfort controls above, and the QR code beside, when the clinic has a web address.
    pub fn welcome_view<'a>(
        &self,
        library: &'a Library,
        other_language: Option<&'a str>,
        high_contrast: bool,
        can_enlarge: bool,
        qr_data: Option<&'a qr_code::Data>,
    ) -> Element<'a, Message> {
        let words = &library.ui.kiosk;
        let clinic = (!library.clinic.name.trim().is_empty()).then(|| {
            text(&library.clinic.name)
                .size(size::HEADING)
                .style(style::muted)
        });
        let start = action(
            text(&words.touch_to_start).size(size::TITLE).font(BOLD),
            Role::Primary,
            Message::StartVisit,
        )
        .padding([metrics::L, metrics::XL * 2.0]);
        let invitation = column![]
            .push(clinic)
            .push(
                text(&library.ui.app_title)
                    .size(size::TITLE * 1.2)
                    .font(BOLD)
                    .style(style::primary),
            )
            .push(text(&words.welcome).size(size::LEAD))
            .push(space().height(metrics::M))
            .push(start)
            .spacing(metrics::M)
            .width(Fill);
        let middle = row![invitation]
            .push(qr_data.map(|data| qr(data, &words.qr_caption)))
            .spacing(metrics::XL)
            .align_y(Vertical::Center);
        let screen = column![
            nav::bar(
                Vec::new(),
                comfort(library, other_language, high_contrast, can_enlarge),
            ),
            container(middle).center(Fill).padding(metrics::L),
        ];
        // A touch anywhere starts, not only on the button.
        mouse_area(container(screen).width(Fill).height(Fill))
            .on_press(Message::StartVisit)
            .into()
    }

    /// The dialog over the page, if any: the staff keypad, or "Are you still reading?".
    pub fn overlay_view<'a>(&self, library: &'a Library) -> Option<Element<'a, Message>> {
        match (self.pin(), self.seconds_left()) {
            (Some(_), _) => Some(self.keypad(library)),
            (None, Some(seconds)) if !self.welcome => Some(still_reading(library, seconds)),
            _ => None,
        }
    }

    /// The staff keypad: digits shown as dots, 0–9, back, cancel, OK.
    fn keypad<'a>(&self, library: &'a Library) -> Element<'a, Message> {
        let words = &library.ui.kiosk;
        let typed = self.pin().map_or(0, str::len);
        let key = |face: String, message: Message| {
            action(
                text(face)
                    .size(size::HEADING)
                    .font(BOLD)
                    .width(Length::Fixed(64.0))
                    .align_x(Center),
                Role::Secondary,
                message,
            )
        };
        let rows = ['1', '4', '7'].into_iter().map(|first| {
            row((0..3).map(|offset| {
                let digit = char::from(first as u8 + offset);
                key(digit.to_string(), Message::PinDigit(digit)).into()
            }))
            .spacing(metrics::S)
            .into()
        });
        let last = row![
            key("‹".to_owned(), Message::PinBack),
            key("0".to_owned(), Message::PinDigit('0')),
            action(label(&words.ok), Role::Primary, Message::PinSubmit)
                .padding([metrics::M, metrics::M]),
        ]
        .spacing(metrics::S);
        let panel = column![
            text(&words.staff_pin_title)
                .size(size::SUBHEADING)
                .font(BOLD),
            text("•".repeat(typed)).size(size::TITLE),
        ]
        .push(self.wrong_pin().then(|| {
            text(&words.wrong_pin)
                .size(size::BODY)
                .style(style::urgent_text)
        }))
        .push(Column::with_children(rows).push(last).spacing(metrics::S))
        .push(action(
            label(&words.cancel),
            Role::Secondary,
            Message::PinCancel,
        ))
        .spacing(metrics::M)
        .align_x(Center);
        modal(panel, false, Message::PinCancel)
    }
}

/// Text size, contrast and language: on every kiosk screen.
fn comfort<'a>(
    library: &'a Library,
    other_language: Option<&'a str>,
    high_contrast: bool,
    can_enlarge: bool,
) -> Vec<Element<'a, Message>> {
    let words = &library.ui.kiosk;
    let contrast = if high_contrast {
        &words.standard_contrast
    } else {
        &words.high_contrast
    };
    let mut controls = text_size(&library.ui, can_enlarge);
    controls.push(action(label(contrast), Role::Secondary, Shared::ToggleContrast).into());
    controls.extend(other_language.map(language_button));
    controls
        .into_iter()
        .map(|control| control.map(Message::Shared))
        .collect()
}

/// "Are you still reading?", with the seconds left and one big button.
fn still_reading(library: &Library, seconds: u64) -> Element<'_, Message> {
    let words = &library.ui.kiosk;
    let panel = column![
        text(&words.still_reading).size(size::TITLE).font(BOLD),
        text(words.starting_over.replace("{n}", &seconds.to_string())).size(size::LEAD),
        action(
            text(&words.keep_reading).size(size::HEADING).font(BOLD),
            Role::Primary,
            Message::KeepReading
        )
        .padding([metrics::M, metrics::XL]),
    ]
    .spacing(metrics::L)
    .align_x(Center);
    modal(panel, false, Message::KeepReading)
}

/// Room for the QR code and its caption.
const QR_WIDTH: f32 = 280.0;

/// The QR code of the clinic's web address, with what it is for.
pub fn qr<'a, Message: 'a>(data: &'a qr_code::Data, caption: &'a str) -> Element<'a, Message> {
    column![
        qr_code(data).cell_size(5),
        text(caption)
            .size(size::BODY)
            .style(style::muted)
            .align_x(Center),
    ]
    .spacing(metrics::S)
    .align_x(Center)
    .width(Length::Fixed(QR_WIDTH))
    .into()
}
