//! Seeded randomness for the long-running checks: a small generator, and a mix of the messages a
//! person can send. Shared by the tests (through `support`) and by `examples/bench.rs` (through
//! `#[path]`), so the endurance test and the memory soak drive the app the same way.

use iced::Size;
use needle_guide::app::{App, ConditionsTab, MIN_WINDOW_SIZE, Message, WINDOW_SIZE};
use needle_guide::content::Library;
use needle_guide::route::{PageId, Route};

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
const WINDOWS: [(f32, f32); 6] = [
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

/// A seeded mix of the messages a person can send in the window, without the two that reach the
/// desktop (`MakeHandout` saves a file and opens a browser, `ToggleFullscreen` asks the window
/// system). Built from an explicit list, so a new kind of message changes nothing here until it
/// is added.
pub struct MessageMix {
    /// The window size last sent, in physical pixels.
    pub window: Size,
    random: Random,
    routes: Vec<Route>,
    terms: Vec<String>,
    regions: Vec<String>,
    conditions: Vec<String>,
}

impl MessageMix {
    /// The ids come from `library`, plus one of each kind that does not exist.
    pub fn new(library: &Library, seed: u64) -> MessageMix {
        let conditions: Vec<String> = library
            .conditions()
            .map(|(_, condition)| condition.id.clone())
            .chain(["no-such-condition".to_owned()])
            .collect();
        MessageMix {
            window: WINDOW_SIZE,
            random: Random::new(seed),
            routes: PageId::ALL
                .into_iter()
                .map(Route::Page)
                .chain(conditions.iter().cloned().map(Route::Condition))
                .collect(),
            terms: library
                .glossary
                .iter()
                .map(|term| term.id.clone())
                .chain(["no-such-term".to_owned()])
                .collect(),
            regions: library
                .regions
                .iter()
                .map(|region| region.id.clone())
                .chain(["tail".to_owned()])
                .collect(),
            conditions,
        }
    }

    /// The window size last sent, in the app's scaled pixels, as the app lays it out.
    pub fn logical_window(&self, app: &App) -> Size {
        let scale = app.scale_factor();
        Size::new(self.window.width / scale, self.window.height / scale)
    }

    /// The next message. `app` is needed only to report a window size as iced does: in the
    /// app's scaled pixels.
    pub fn next(&mut self, app: &App) -> Message {
        let random = &mut self.random;
        match random.below(26) {
            0..=3 => Message::Open(random.pick(&self.routes).clone()),
            4 | 5 => Message::Back,
            6 => Message::Step { forward: true },
            7 => Message::Step { forward: false },
            8 => Message::SwitchLanguage,
            9 => Message::TextLarger,
            10 => Message::TextSmaller,
            11 => Message::TextReset,
            12 => Message::ShowTerm(random.pick(&self.terms).clone()),
            13 => Message::CloseTerm,
            14 => Message::SelectRegion(random.pick(&self.regions).clone()),
            15 => Message::ShowAllConditions,
            16 => Message::ShowConditions(if random.below(2) == 0 {
                ConditionsTab::Map
            } else {
                ConditionsTab::List
            }),
            17 => Message::OpenSearch,
            18 => Message::SearchChanged(random.pick(&QUERIES).to_string()),
            19 => Message::SearchMove(*random.pick(&[-3, -1, 1, 1, 3])),
            20 => Message::Dismiss,
            21 => {
                let (width, height) = *random.pick(&WINDOWS);
                assert!(width >= MIN_WINDOW_SIZE.width && height >= MIN_WINDOW_SIZE.height);
                self.window = Size::new(width, height);
                Message::WindowResized(self.logical_window(app))
            }
            22 => Message::TogglePresenting,
            23 => match random.below(3) {
                0 => Message::SearchSubmit,
                1 => Message::OpenResult(random.below(10)),
                _ => Message::ToggleShortcuts,
            },
            24 => Message::OpenHandout,
            _ => Message::ToggleHandoutCondition(random.pick(&self.conditions).clone()),
        }
    }
}
