//! The app set up as a person would find it: a mode, a language, a screen, a text size and a
//! theme; and what its layout holds, read from the marks `nav` puts on touch targets, one-line
//! labels and bars.

use iced::widget::Id;
use iced::{Rectangle, Size};
use iced_test::selector::Candidate;
use needle_guide::app::{App, Message};
use needle_guide::route::Route;
use needle_guide::screen::Shared;
use needle_guide::screen::consult::Message as Consult;
use needle_guide::screen::kiosk::Message as Kiosk;
use needle_guide::screen::reader;
use needle_guide::widget::nav::mark;

/// Who is at the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Consult,
    /// The consult room, presenting to the patient.
    Present,
    Kiosk,
}

/// The screens the app is made for, from the smallest window it allows to a 4K monitor.
pub const SCREENS: [Size; 5] = [
    Size::new(960.0, 640.0),
    Size::new(1280.0, 800.0),
    Size::new(1920.0, 1080.0),
    Size::new(2560.0, 1440.0),
    Size::new(3840.0, 2160.0),
];

/// The small touch panels of a Raspberry Pi kiosk: the official 7-inch one, a cheap one, and the
/// official one turned to portrait.
pub const SMALL_KIOSK_SCREENS: [Size; 3] = [
    Size::new(800.0, 480.0),
    Size::new(1024.0, 600.0),
    Size::new(480.0, 800.0),
];

/// The screens `mode` is laid out on: every one, and for the kiosk the small panels too.
pub fn screens_for(mode: Mode) -> Vec<Size> {
    let mut screens = SCREENS.to_vec();
    if mode == Mode::Kiosk {
        screens.extend(SMALL_KIOSK_SCREENS);
    }
    screens
}

#[derive(Debug, Clone)]
pub struct Setup {
    pub mode: Mode,
    pub locale: &'static str,
    /// The window (the kiosk's screen), before the app's own scaling.
    pub screen: Size,
    /// Presses of A+ from the normal size; a press that would not show is not taken.
    pub larger: usize,
    pub high_contrast: bool,
    pub route: Route,
    /// What the person did there, after opening the page.
    pub then: Vec<Message>,
    /// A name for what they did, for file names.
    pub doing: &'static str,
    /// The staff PIN the clinic set, if any.
    pub staff_pin: Option<&'static str>,
    /// A clinic that left out its numbers, so that staff have a notice to read.
    pub clinic_without_numbers: bool,
}

impl Setup {
    pub fn new(mode: Mode, locale: &'static str, screen: Size) -> Setup {
        Setup {
            mode,
            locale,
            screen,
            larger: 0,
            high_contrast: false,
            route: Route::HOME,
            then: Vec::new(),
            doing: "",
            staff_pin: None,
            clinic_without_numbers: false,
        }
    }

    pub fn larger(mut self, presses: usize) -> Setup {
        self.larger = presses;
        self
    }

    pub fn on(mut self, route: Route) -> Setup {
        self.route = route;
        self
    }

    /// The page, then `messages` (named `doing`), as if the person had done them.
    pub fn doing(mut self, doing: &'static str, messages: Vec<Message>) -> Setup {
        self.doing = doing;
        self.then = messages;
        self
    }

    pub fn high_contrast(mut self) -> Setup {
        self.high_contrast = true;
        self
    }

    /// A short name for messages and file names: `kiosk-es-1280x800-200pct-contrast-home`.
    pub fn name(&self, app: &App) -> String {
        format!(
            "{}-{}-{}x{}-{}pct{}-{}{}",
            format!("{:?}", self.mode).to_lowercase(),
            self.locale,
            self.screen.width.round(),
            self.screen.height.round(),
            (app.text_scale() * 100.0).round(),
            if self.high_contrast { "-contrast" } else { "" },
            self.route.to_string().replace('/', "_"),
            if self.doing.is_empty() {
                String::new()
            } else {
                format!("-{}", self.doing)
            },
        )
    }

    /// The app in this setup.
    pub fn app(&self) -> App {
        let mut editions = match self.mode {
            Mode::Kiosk => super::kiosk_editions(),
            Mode::Consult | Mode::Present => super::editions(),
        };
        for library in std::sync::Arc::make_mut(&mut editions) {
            if let Some(pin) = self.staff_pin {
                library.clinic.staff_pin = pin.into();
            }
            if self.clinic_without_numbers {
                library.clinic.phone.clear();
                library.clinic.emergency_number.clear();
            }
        }
        let mut app = match self.mode {
            Mode::Kiosk => App::kiosk(
                editions,
                needle_guide::app::KioskSettings {
                    idle_timeout: std::time::Duration::from_secs(90),
                },
            ),
            Mode::Consult | Mode::Present => App::new(editions, Route::HOME),
        }
        .in_locale(self.locale)
        // As on a machine that can speak, so the layout holds Read aloud too.
        .with_voice(super::silent_voice());
        // iced reports a resize divided by the app's scale; the kiosk measures its laid-out
        // view, in unscaled pixels.
        let reported = self.screen * (1.0 / app.scale_factor());
        let mut messages = vec![match self.mode {
            Mode::Kiosk => Message::Measured(self.screen),
            Mode::Consult | Mode::Present => Message::WindowResized(reported),
        }];
        match self.mode {
            Mode::Kiosk => messages.push(Kiosk::StartVisit.into()),
            Mode::Present => messages.push(Consult::TogglePresenting.into()),
            Mode::Consult => {}
        }
        messages.push(reader::Message::Open(self.route.clone()).into());
        messages.extend((0..self.larger).map(|_| Shared::TextLarger.into()));
        if self.high_contrast {
            messages.push(Shared::ToggleContrast.into());
        }
        messages.extend(self.then.iter().cloned());
        super::deliver(&mut app, messages);
        // The first frame: the page reports whether it goes on below, and the cue shows.
        let mut ui = super::simulate(&app, logical(&app));
        let _ = ui.simulate([iced::Event::Window(iced::window::Event::RedrawRequested(
            std::time::Instant::now(),
        ))]);
        let reported: Vec<_> = ui.into_messages().collect();
        super::deliver(&mut app, reported);
        app
    }
}

/// The layout's size for `app`: its window, made smaller by all the app's enlarging.
pub fn logical(app: &App) -> Size {
    app.window() * (1.0 / app.scale_factor())
}

/// What a screen's layout holds, in the layout's pixels.
#[derive(Debug, Default)]
pub struct Inspection {
    /// Every button: where it is, and how much of it shows (none when scrolled out of sight).
    pub targets: Vec<Target>,
    /// Every one-line label, with its words.
    pub labels: Vec<(String, Rectangle)>,
    /// Every bar of controls.
    pub bars: Vec<Rectangle>,
    /// Everything drawn over the page.
    pub covers: Vec<Rectangle>,
    /// Every text: its words, where it is laid out and how much of it shows.
    pub texts: Vec<(String, Target)>,
    /// Every QR code.
    pub codes: Vec<Rectangle>,
    /// Every dialog's card.
    pub cards: Vec<Rectangle>,
    /// Every block to be seen whole on one screen, and how much of it shows.
    pub wholes: Vec<Target>,
}

#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub bounds: Rectangle,
    pub visible: Option<Rectangle>,
}

impl Target {
    /// Whether the whole button shows, without scrolling.
    pub fn in_view(&self) -> bool {
        self.visible.is_some_and(|visible| {
            (visible.width - self.bounds.width).abs() < 0.5
                && (visible.height - self.bounds.height).abs() < 0.5
        })
    }
}

/// Lays out what `app` shows in a layout of `size` and reads the marks.
pub fn inspect(app: &App, size: Size) -> Inspection {
    inspect_element(app.view(), size)
}

/// Lays out any part of the interface in a layout of `size` and reads the marks.
pub fn inspect_element(element: iced::Element<'_, Message>, size: Size) -> Inspection {
    let mut ui = super::simulate_element(element, size);
    let mut found = Inspection::default();
    // The button reports itself just before the content it holds, which carries the mark.
    let mut last_container: Option<Target> = None;
    let mut label_next = false;
    let _ = ui.find(|candidate: Candidate<'_>| -> Option<()> {
        match candidate {
            Candidate::Container {
                id, visible_bounds, ..
            } => {
                let bounds = candidate.bounds();
                let is = |name: &'static str| id == Some(&Id::from(name));
                if is(mark::TARGET) {
                    found.targets.extend(last_container);
                } else if is(mark::LABEL) {
                    label_next = true;
                } else if is(mark::BAR) {
                    found.bars.push(bounds);
                } else if is(mark::COVER) {
                    found.covers.push(bounds);
                } else if is(mark::QR) {
                    found.codes.push(bounds);
                } else if is(mark::CARD) {
                    found.cards.push(bounds);
                } else if is(mark::WHOLE) {
                    found.wholes.push(Target {
                        bounds,
                        visible: visible_bounds,
                    });
                }
                last_container = Some(Target {
                    bounds,
                    visible: visible_bounds,
                });
            }
            Candidate::Text {
                content,
                bounds,
                visible_bounds,
                ..
            } => {
                if label_next {
                    found.labels.push((content.to_owned(), bounds));
                    label_next = false;
                }
                let target = Target {
                    bounds,
                    visible: visible_bounds,
                };
                found.texts.push((content.to_owned(), target));
            }
            _ => {}
        }
        None
    });
    found
}

/// How wide `words` are on one line at `size` in the app's regular font. A bold label is wider
/// still, so a label whose box is at least this wide at its one-line size is not broken.
pub fn one_line_width(words: &str, size: f32) -> f32 {
    use iced::advanced::text::Paragraph as _;
    use iced::alignment::Vertical;
    use iced::widget::text::{Alignment, LineHeight, Shaping, Wrapping};
    let paragraph = iced_tiny_skia::graphics::text::Paragraph::with_text(iced::advanced::Text {
        content: words,
        bounds: Size::INFINITE,
        size: iced::Pixels(size),
        line_height: LineHeight::default(),
        font: needle_guide::theme::FONT,
        align_x: Alignment::Default,
        align_y: Vertical::Top,
        shaping: Shaping::Advanced,
        wrapping: Wrapping::None,
    });
    paragraph.min_width()
}

/// Whether a label laid out in `bounds` shows `words` on one line. A label on one line is
/// `1.3 × size` high (iced's line height), so its size follows from its height; a label broken
/// onto `n` lines would be taken for one `n` times bigger, far wider than its box.
pub fn on_one_line(words: &str, bounds: Rectangle) -> bool {
    let size = bounds.height / 1.3;
    one_line_width(words, size) <= bounds.width + 1.0
}
