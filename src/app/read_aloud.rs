//! Read-aloud: the machine's voice, the passage being said and which run of the speech program
//! says it, and whether the program failed. The app hands it the page's passages and turns what
//! it asks for ([`Event`]) into what the screens do.

use std::sync::Arc;

use iced::Task;

use crate::speech::{self, SpeechError, Stopper, Voice};

/// Read-aloud's messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Speech {
    /// Read the page aloud from this passage on (0 is its title).
    From(usize),
    Stop,
    /// A passage of reading `run` has been said, or could not be.
    Said {
        run: u64,
        result: Result<(), SpeechError>,
    },
}

/// What is being read aloud: which passage, in which reading, and how to stop it.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub passage: usize,
    pub run: u64,
    stopper: Stopper,
}

/// What reading aloud asks of the app after a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    None,
    /// A passage began: scroll it into view.
    Started,
    /// A passage was said: listening is reading, so the kiosk's idle clock starts again; the
    /// next passage, if there is one, began: scroll it into view.
    Said,
}

/// The page a reading is of: its passages, its language, and whether the clinic lets the guide
/// read aloud.
pub struct Page<'a> {
    pub passages: &'a [String],
    pub locale: &'a str,
    pub allowed: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadAloud {
    speaker: Speaker,
    reading: Option<Reading>,
    /// How many readings have started: each passage's answer names its reading, so one from a
    /// reading already stopped changes nothing.
    runs: u64,
    /// The speech program failed: the notice shows until read-aloud is asked for again.
    failed: bool,
}

impl ReadAloud {
    /// Reads with `voice`, when the machine has one.
    pub fn with_voice(voice: Option<Arc<dyn Voice>>) -> ReadAloud {
        ReadAloud {
            speaker: Speaker(voice),
            ..ReadAloud::default()
        }
    }

    /// The same voice, reading nothing: for the next person at the kiosk.
    pub fn fresh(&self) -> ReadAloud {
        ReadAloud {
            speaker: self.speaker.clone(),
            ..ReadAloud::default()
        }
    }

    /// Whether the machine can speak.
    pub fn has_voice(&self) -> bool {
        self.speaker.0.is_some()
    }

    pub fn reading(&self) -> Option<&Reading> {
        self.reading.as_ref()
    }

    pub fn failed(&self) -> bool {
        self.failed
    }

    pub fn update(&mut self, speech: Speech, page: &Page<'_>) -> (Task<Speech>, Event) {
        match speech {
            Speech::From(passage) => {
                self.stop();
                self.failed = false;
                let said = self.read(passage, page);
                let started = if self.reading.is_some() {
                    Event::Started
                } else {
                    Event::None
                };
                (said, started)
            }
            Speech::Stop => {
                self.stop();
                (Task::none(), Event::None)
            }
            Speech::Said { run, result } => {
                // An answer from a reading already stopped changes nothing.
                let Some(reading) = self.reading.as_ref().filter(|reading| reading.run == run)
                else {
                    return (Task::none(), Event::None);
                };
                let next = reading.passage + 1;
                self.reading = None;
                match result {
                    Ok(()) => (self.read(next, page), Event::Said),
                    Err(error) => {
                        self.went_wrong(&error);
                        (Task::none(), Event::None)
                    }
                }
            }
        }
    }

    /// Asks for passage `passage` of the page to be said, and to hear when it has been, or could
    /// not be; past the last one, reading ends.
    fn read(&mut self, passage: usize, page: &Page<'_>) -> Task<Speech> {
        let Some(voice) = self.speaker.0.clone().filter(|_| page.allowed) else {
            return Task::none();
        };
        let Some(text) = page.passages.get(passage) else {
            return Task::none();
        };
        self.runs += 1;
        let run = self.runs;
        let stopper = Stopper::default();
        self.reading = Some(Reading {
            passage,
            run,
            stopper: stopper.clone(),
        });
        let saying = speech::say(voice, text.clone(), page.locale.to_owned(), stopper);
        Task::perform(saying, move |result| Speech::Said { run, result })
    }

    /// One notice on the screen, the reason in the log, and the guide goes on.
    fn went_wrong(&mut self, error: &SpeechError) {
        eprintln!("needle-guide: {error}");
        self.stop();
        self.failed = true;
    }

    /// Stops reading as the reader leaves the page: a notice that reading failed there goes
    /// with it, rather than follow them from page to page.
    pub fn leave(&mut self) {
        self.stop();
        self.failed = false;
    }

    /// Ends the passage being said, if any.
    pub fn stop(&mut self) {
        if let Some(reading) = self.reading.take() {
            reading.stopper.stop();
            if let Some(voice) = &self.speaker.0 {
                voice.stop_all();
            }
        }
    }
}

/// The voice the app reads with, if the machine has one.
#[derive(Clone, Default)]
struct Speaker(Option<Arc<dyn Voice>>);

impl std::fmt::Debug for Speaker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Speaker").field(&self.0.is_some()).finish()
    }
}

// The same voice: a voice has no value to compare, only identity.
impl PartialEq for Speaker {
    fn eq(&self, other: &Self) -> bool {
        crate::speech::same(&self.0, &other.0)
    }
}
