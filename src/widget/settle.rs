//! A control that has just appeared takes no press for a moment. Where a tap moves the check on,
//! the next step's button can appear right under the finger, and a quick second tap (a double
//! tap, a shaky hand) would press it unseen: "Next" past an answer never read.

use std::time::{Duration, Instant};

use iced::advanced::mouse;
use iced::{Element, Event, touch};

use super::wrap::{Child, Wrap, Wrapped, wrap};

/// How long a control that has just appeared waits before it takes a press.
pub const SETTLE: Duration = Duration::from_millis(400);

/// `content`, which takes no press until [`SETTLE`] after `shown` (what it stands for, such as
/// the step it moves on from) last changed.
pub fn settle<'a, Message: 'a>(
    shown: u64,
    content: impl Into<Element<'a, Message>>,
) -> Wrapped<'a, Message, Settle> {
    wrap(Settle { shown }, content)
}

/// What [`settle`] adds to its content.
pub struct Settle {
    shown: u64,
}

/// What the control stood for when it was last seen, and since when: nothing for a control
/// just made, which may have been there all along (a new window), and takes presses at once.
#[derive(Debug, Clone, Copy, Default)]
pub struct Since(Option<(u64, Option<Instant>)>);

impl<Message> Wrap<Message> for Settle {
    type State = Since;

    fn update(&self, since: &mut Since, event: &Event, child: &mut Child<'_, '_, '_, Message>) {
        // The clock is read here, in the widget, as the press comes: no message carries it.
        let now = Instant::now();
        let appeared = match since.0 {
            Some((shown, at)) if shown == self.shown => at,
            Some(_) => Some(now),
            None => None,
        };
        since.0 = Some((self.shown, appeared));
        let press = matches!(
            event,
            Event::Mouse(mouse::Event::ButtonPressed(_))
                | Event::Touch(touch::Event::FingerPressed { .. })
        );
        if press && appeared.is_some_and(|at| now.duration_since(at) < SETTLE) {
            return;
        }
        child.update(event, child.cursor);
    }
}
