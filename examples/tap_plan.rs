//! Where to tap, step by step, to go through the teach-back check in a 1280×800 consult window
//! in English, picking every right answer and saying yes four times: one line per tap, "x y
//! words", read from the layout as the tests read it. `scripts/tap-check.sh` taps them in the
//! real window under Xvfb. Every tap must be on screen without scrolling, or this stops.
//!
//! ```text
//! cargo run --example tap_plan > plan.txt
//! ```

#[path = "../tests/support/mod.rs"]
mod support;

use needle_guide::app::Message;
use needle_guide::document::check_items;
use needle_guide::route::{PageId, Route};
use support::screens::{Mode, Setup, inspect, logical};

fn main() {
    let setup = Setup::new(Mode::Consult, "en", iced::Size::new(1280.0, 800.0))
        .on(Route::Page(PageId::TEACH_BACK));
    let mut app = setup.app();
    let words = app.library().ui.teach_back.clone();
    let mut plan = vec![words.start.clone()];
    for item in check_items(app.library()) {
        let right = item.choices.iter().filter(|choice| choice.right);
        let picks = if item.pick_all { usize::MAX } else { 1 };
        plan.extend(right.take(picks).map(|choice| choice.text.clone()));
        if item.pick_all {
            plan.push(words.done.clone());
        }
        plan.push(words.next.clone());
    }
    plan.push(words.next.clone());
    plan.extend(std::iter::repeat_n(words.yes.clone(), words.sure.len()));
    plan.push(words.finish.clone());

    let mut yes_so_far = 0;
    for step in plan {
        let found = inspect(&app, logical(&app));
        let matching: Vec<_> = found.texts.iter().filter(|(w, _)| *w == step).collect();
        // The n-th Yes for the n-th question; otherwise the page's own (after the page list's).
        let chosen = if step == words.yes {
            yes_so_far += 1;
            matching.get(yes_so_far - 1)
        } else {
            matching.last()
        };
        let (_, target) = chosen.unwrap_or_else(|| panic!("no {step:?} on the screen"));
        let at = target
            .visible
            .unwrap_or_else(|| panic!("{step:?} needs scrolling"))
            .center();
        println!("{} {} {step}", at.x.round(), at.y.round());
        let mut ui = support::simulate(&app, logical(&app));
        ui.point_at(at);
        let _ = ui.simulate(iced_test::simulator::click());
        let messages: Vec<Message> = ui.into_messages().collect();
        support::deliver(&mut app, messages);
    }
}
