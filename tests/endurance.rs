//! Endurance: a long, random but repeatable session of everything a person can do in the window,
//! checking after every message that the app is still in a state it can show.
//!
//! The messages come from a seeded xorshift, so a failure repeats: the seed and the last messages
//! are printed with it. `ENDURANCE_SEED=<number>` tries another session.

mod support;

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};

use needle_guide::app::{App, HISTORY_LIMIT, Message, TEXT_STEPS};
use needle_guide::document::Document;
use needle_guide::route::Route;
use support::seeded::MessageMix;

/// How many messages one session sends.
const MESSAGES: usize = 100_000;

/// How often (in messages) the screen is laid out and drawn, as the window would draw it.
const DRAW_EVERY: usize = 5_000;

/// How often (in messages) a copy of the app is walked back through its whole history.
const HISTORY_CHECK_EVERY: usize = 1_000;

const DEFAULT_SEED: u64 = 0x00e1_dafe_5eed_2024;

/// How many of the last messages a failure shows.
const RECENT: usize = 12;

#[test]
fn a_long_random_session_never_panics_and_always_has_something_to_show() {
    let seed = std::env::var("ENDURANCE_SEED")
        .ok()
        .and_then(|seed| seed.parse().ok())
        .unwrap_or(DEFAULT_SEED);
    let editions = support::editions();
    let mut app = App::new(editions.clone(), Route::HOME);
    let mut mix = MessageMix::new(&editions[0], seed);
    let mut recent: VecDeque<Message> = VecDeque::with_capacity(RECENT);
    // The screen last checked with `screen_invariants`: none yet.
    let mut shown = (Route::Condition(String::new()), String::new());

    for step in 1..=MESSAGES {
        let message = mix.next(&app);
        if recent.len() == RECENT {
            recent.pop_front();
        }
        recent.push_back(message.clone());
        let context = || format!("message {step} of seed {seed}; the last messages: {recent:#?}");

        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
            let _ = app.update(message);
            // After every message, so no state goes unviewed (see `DRAW_EVERY` for the time).
            drop(app.view());
        }));
        if let Err(panic) = outcome {
            eprintln!("the app panicked at {}", context());
            panic::resume_unwind(panic);
        }

        if let Err(broken) = invariants(&app, &mix) {
            panic!("{broken}, after {}", context());
        }
        let screen = (app.route().clone(), app.library().locale.clone());
        if screen != shown {
            if let Err(broken) = screen_invariants(&app) {
                panic!("{broken}, after {}", context());
            }
            shown = screen;
        }
        if step % DRAW_EVERY == 0 {
            let logical = mix.logical_window(&app);
            let drawn = panic::catch_unwind(AssertUnwindSafe(|| {
                let mut ui = support::simulate(&app, logical);
                ui.snapshot(&app.theme()).map(|_| ())
            }));
            match drawn {
                Ok(Ok(())) => {}
                Ok(Err(error)) => panic!("the screen did not draw: {error}, after {}", context()),
                Err(panic) => {
                    eprintln!("drawing panicked at {}", context());
                    panic::resume_unwind(panic);
                }
            }
        }
        if step % HISTORY_CHECK_EVERY == 0
            && let Err(broken) = history_is_bounded_and_valid(&app)
        {
            panic!("{broken}, after {}", context());
        }
    }
}

/// What must hold after any message.
fn invariants(app: &App, mix: &MessageMix) -> Result<(), String> {
    let library = app.library();
    let text = app.text_scale();
    if !TEXT_STEPS.contains(&text) || !(1.0..=2.0).contains(&text) {
        return Err(format!("the text scale is {text}"));
    }
    // Largest: a big window (1.5), the largest text (2) and presenting (1.5).
    let scale = app.scale_factor();
    if !(1.0..=4.5).contains(&scale) {
        return Err(format!("the scale factor is {scale}"));
    }
    let width = app.page_state().content_width;
    if width.is_nan() || width <= 0.0 {
        return Err(format!(
            "the page's text has {width} pixels of room in a {}×{} window",
            mix.window.width, mix.window.height
        ));
    }
    if let Some(term) = app.term()
        && library.term(term).is_none()
    {
        return Err(format!("the open term {term} is not in the glossary"));
    }
    if let Some(region) = app.selected_region()
        && !library.regions.iter().any(|known| known.id == region)
    {
        return Err(format!("the picked region {region} does not exist"));
    }
    if let Some(dialog) = app.handout_dialog() {
        for (index, id) in dialog.ticked.iter().enumerate() {
            if library.condition(id).is_none() || dialog.ticked[..index].contains(id) {
                return Err(format!("the handout ticks {:?}", dialog.ticked));
            }
        }
    }
    if let Some(search) = app.search() {
        let count = app.search_results().len();
        if count > 0 && search.selected >= count {
            return Err(format!(
                "quick jump highlights result {} of {count}",
                search.selected + 1
            ));
        }
    }
    Ok(())
}

/// What must hold of a screen when the reader arrives on it, or switches its language: building
/// its document is the slowest check, so it is not repeated while the screen stays.
fn screen_invariants(app: &App) -> Result<(), String> {
    if Document::for_route(app.library(), app.route()).is_none() {
        return Err(format!("the route {} has no document", app.route()));
    }
    if app.title().trim().is_empty() {
        return Err("the window has no title".into());
    }
    Ok(())
}

/// Back, over and over, on a copy: every remembered screen can be shown, and there are no more
/// than [`HISTORY_LIMIT`] of them.
fn history_is_bounded_and_valid(app: &App) -> Result<(), String> {
    let mut copy = app.clone();
    for _ in 0..HISTORY_LIMIT {
        if !copy.can_go_back() {
            return Ok(());
        }
        let _ = copy.update(Message::Back);
        if Document::for_route(copy.library(), copy.route()).is_none() {
            return Err(format!(
                "Back led to {}, which has no document",
                copy.route()
            ));
        }
    }
    if copy.can_go_back() {
        return Err(format!("Back remembers more than {HISTORY_LIMIT} screens"));
    }
    Ok(())
}
