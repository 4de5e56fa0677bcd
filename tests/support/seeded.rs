//! Seeded randomness for the long-running checks: a small generator, and a mix of the messages a
//! person can send. Shared by the tests (through `support`) and by `examples/bench.rs` (through
//! `#[path]`), so the endurance test and the memory soak drive the app the same way.

use std::time::{Duration, Instant};

use iced::Size;
use needle_guide::app::{App, MIN_WINDOW_SIZE, Message, WINDOW_SIZE};
use needle_guide::content::Library;
use needle_guide::content::ids::{ConditionId, RegionId, TermId};
use needle_guide::keys::Shortcut;
use needle_guide::route::Route;
use needle_guide::screen::Shared;
use needle_guide::screen::consult::Message as Consult;
use needle_guide::screen::kiosk::Message as Kiosk;
use needle_guide::screen::reader::teach_back::Message as Check;
use needle_guide::screen::reader::{ConditionsTab, Message as Reader};

/// xorshift64: small, seeded, and the same on every machine, so a failure repeats.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        // xorshift never leaves zero.
        Random(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Window sizes in physical pixels, from the smallest allowed to a 4K screen.
const WINDOWS: [(f32, f32); 8] = [
    (800.0, 480.0),
    (1024.0, 600.0),
    (960.0, 640.0),
    (1280.0, 800.0),
    (1366.0, 768.0),
    (1920.0, 1080.0),
    (2560.0, 1440.0),
    (3840.0, 2160.0),
];

/// What gets typed into quick jump: hits in either language, accents, nothing, nonsense.
const QUERIES: [&str; 12] = [
    "", "t", "tennis", "lung", "pain", "pulmón", "pulmon", "dolor", "KNEE", "zzz", "a b", " ",
];

/// A seeded mix of the messages a person can send in the window, in the app's mode: the
/// reader's, the shared controls', the keyboard's and window sizes in both; the therapist's tools
/// in the consult room; the welcome screen, the idle clock and the staff keypad at the kiosk.
/// Left out are the two that reach the desktop (`MakeHandout` saves a file and opens a browser,
/// `ToggleFullscreen` asks the window system). Built from an explicit list, so a new kind of
/// message changes nothing here until it is added.
pub struct MessageMix {
    /// The window size last sent, in physical pixels.
    pub window: Size,
    random: Random,
    routes: Vec<Route>,
    terms: Vec<TermId>,
    regions: Vec<RegionId>,
    conditions: Vec<ConditionId>,
    /// The instant the kiosk's clock ticks from; each tick moves it on.
    clock: Instant,
}

impl MessageMix {
    /// The ids come from `library`, plus one of each kind that does not exist.
    pub fn new(library: &Library, seed: u64) -> MessageMix {
        let conditions: Vec<ConditionId> = library
            .conditions()
            .map(|(_, condition)| condition.id.as_str().into())
            .chain(["no-such-condition".into()])
            .collect();
        MessageMix {
            window: WINDOW_SIZE,
            random: Random::new(seed),
            routes: library
                .page_ids()
                .map(Route::Page)
                .chain(conditions.iter().cloned().map(Route::Condition))
                .collect(),
            terms: library
                .glossary
                .iter()
                .map(|term| term.id.as_str().into())
                .chain(["no-such-term".into()])
                .collect(),
            regions: library
                .regions
                .iter()
                .map(|region| region.id.as_str().into())
                .chain(["tail".into()])
                .collect(),
            conditions,
            clock: Instant::now(),
        }
    }

    /// The window size last sent, in the app's scaled pixels, as the app lays it out.
    pub fn logical_window(&self, app: &App) -> Size {
        let scale = app.scale_factor();
        Size::new(self.window.width / scale, self.window.height / scale)
    }

    /// The next message, one the app's mode can be sent. `app` also says how to report a window
    /// size as iced does: in the app's scaled pixels.
    pub fn next(&mut self, app: &App) -> Message {
        let kiosk = app.kiosk_state().is_some();
        match self.random.below(4) {
            0 if kiosk => self.kiosk(),
            0 => self.consult(),
            _ => self.common(app),
        }
    }

    /// What a reader can do in either mode.
    fn common(&mut self, app: &App) -> Message {
        let random = &mut self.random;
        match random.below(22) {
            0..=3 => Reader::Open(random.pick(&self.routes).clone()).into(),
            20 | 21 => Reader::TeachBack(match random.below(11) {
                0 => Check::Pick(random.below(7)),
                1 => Check::Done,
                2 => Check::NotSure,
                3 => Check::ShowMeAgain,
                4 => Check::BackToCheck,
                5 => Check::Tick(random.below(7)),
                6 => Check::Sure(random.below(5), random.below(2) == 0),
                7 => Check::Finish,
                8 => Check::TryAgain,
                9 => Check::StartOver,
                _ => Check::Next,
            })
            .into(),
            4 | 5 => Reader::Back.into(),
            6 => Reader::Step { forward: true }.into(),
            7 => Reader::Step { forward: false }.into(),
            8 => Shared::SwitchLanguage.into(),
            9 => Shared::TextLarger.into(),
            10 => Shared::TextSmaller.into(),
            11 => Shared::TextReset.into(),
            12 => Reader::ShowTerm(random.pick(&self.terms).clone()).into(),
            13 => Reader::CloseTerm.into(),
            14 => Reader::SelectRegion(random.pick(&self.regions).clone()).into(),
            15 => Reader::ShowAllConditions.into(),
            16 => Reader::ShowConditions(if random.below(2) == 0 {
                ConditionsTab::Map
            } else {
                ConditionsTab::List
            })
            .into(),
            17 => Message::Key(*random.pick(&[
                Shortcut::Find,
                Shortcut::Dismiss,
                Shortcut::MoveResult(1),
                Shortcut::ShowShortcuts,
                Shortcut::Present,
                Shortcut::Back,
                Shortcut::Step { forward: true },
                Shortcut::TextLarger,
                Shortcut::Contrast,
            ])),
            18 => match random.below(5) {
                0 => Message::MoreBelow(random.below(2) == 0),
                1 => Message::Speech(needle_guide::app::Speech::From(random.below(30))),
                2 => Message::Speech(needle_guide::app::Speech::Stop),
                3 => Message::Speech(needle_guide::app::Speech::Said {
                    run: random.below(5) as u64,
                    result: Ok(()),
                }),
                _ => Shared::Home.into(),
            },
            _ => {
                let (width, height) = *random.pick(&WINDOWS);
                assert!(width >= MIN_WINDOW_SIZE.width && height >= MIN_WINDOW_SIZE.height);
                self.window = Size::new(width, height);
                Message::WindowResized(self.logical_window(app))
            }
        }
    }

    /// The therapist's tools.
    fn consult(&mut self) -> Message {
        let random = &mut self.random;
        match random.below(10) {
            0 => Consult::OpenSearch,
            1 => Consult::SearchChanged(random.pick(&QUERIES).to_string()),
            2 => Consult::SearchMove(*random.pick(&[-3, -1, 1, 1, 3])),
            3 => Consult::Close,
            4 => Consult::TogglePresenting,
            5 => match random.below(4) {
                0 => Consult::SearchSubmit,
                1 => Consult::OpenResult(random.below(10)),
                2 => Consult::ToggleShortcuts,
                _ => Consult::OpenMore,
            },
            6 => Consult::OpenHandout,
            7 => Consult::Shared(Shared::ToggleContrast),
            8 => match random.below(3) {
                0 => Consult::FilterConditions(random.pick(&QUERIES).to_string()),
                1 => Consult::UntickAll,
                _ => Consult::ShowFolder,
            },
            _ => Consult::ToggleHandoutCondition(random.pick(&self.conditions).clone()),
        }
        .into()
    }

    /// A patient at the kiosk, the idle clock, and staff at the keypad.
    fn kiosk(&mut self) -> Message {
        let random = &mut self.random;
        match random.below(12) {
            0 | 1 => Kiosk::StartVisit,
            2 => Kiosk::Activity,
            3 | 4 => {
                // The clock runs on by up to two minutes a tick, so notices and resets happen.
                self.clock += Duration::from_secs(random.below(120) as u64);
                Kiosk::Tick(self.clock)
            }
            5 => Kiosk::KeepReading,
            6 => Kiosk::StaffExit,
            7 => Kiosk::PinDigit(*random.pick(&['0', '4', '9', 'x'])),
            8 => Kiosk::PinBack,
            9 => Kiosk::PinCancel,
            10 => Kiosk::PinSubmit,
            _ => Kiosk::Shared(Shared::ToggleContrast),
        }
        .into()
    }
}
