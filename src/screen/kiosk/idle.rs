//! The kiosk's idle clock: when nobody has touched the screen for a while, ask whether anyone is
//! still reading, count down, then reset for the next person. Pure: it is fed instants and says
//! what should happen, so tests need no waiting and the app sets no timer it does not need.

use std::time::{Duration, Instant};

/// The shortest countdown allowed: WCAG 2.2.1 asks for at least 20 seconds to respond.
pub const MIN_COUNTDOWN: Duration = Duration::from_secs(20);
/// How long the "Are you still reading?" notice counts down.
pub const COUNTDOWN: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The welcome screen: nothing to reset, so no clock runs.
    Welcome,
    /// Someone is reading; the notice comes at `last_input + timeout`.
    Reading { last_input: Instant },
    /// The notice is up; the reset comes at `ends`.
    Notice { ends: Instant },
}

/// What the clock asks of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    ShowNotice,
    Reset,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Idle {
    timeout: Duration,
    countdown: Duration,
    phase: Phase,
}

impl Idle {
    pub fn new(timeout: Duration, countdown: Duration) -> Idle {
        Idle {
            timeout,
            countdown: countdown.max(MIN_COUNTDOWN),
            phase: Phase::Welcome,
        }
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// A touch, click or key. On the welcome screen it starts a visit; during the notice it
    /// counts as "still here" only through [`Idle::keep_reading`], so a stray touch on the dimmed
    /// page does not hide the question.
    pub fn input(&mut self, now: Instant) {
        match self.phase {
            Phase::Welcome | Phase::Reading { .. } => {
                self.phase = Phase::Reading { last_input: now }
            }
            Phase::Notice { .. } => {}
        }
    }

    /// The reader answered the notice.
    pub fn keep_reading(&mut self, now: Instant) {
        self.phase = Phase::Reading { last_input: now };
    }

    /// What is due at `now`, moving the clock on.
    pub fn tick(&mut self, now: Instant) -> Option<Event> {
        match self.phase {
            Phase::Reading { last_input } if now >= last_input + self.timeout => {
                self.phase = Phase::Notice {
                    ends: now + self.countdown,
                };
                Some(Event::ShowNotice)
            }
            Phase::Notice { ends } if now >= ends => {
                self.phase = Phase::Welcome;
                Some(Event::Reset)
            }
            _ => None,
        }
    }

    /// When the next thing is due, if anything is: the app sleeps until then, and no longer.
    pub fn deadline(&self) -> Option<Instant> {
        match self.phase {
            Phase::Welcome => None,
            Phase::Reading { last_input } => Some(last_input + self.timeout),
            Phase::Notice { ends } => Some(ends),
        }
    }

    /// Whole seconds left on the notice, rounded up, for the countdown shown.
    pub fn seconds_left(&self, now: Instant) -> Option<u64> {
        match self.phase {
            Phase::Notice { ends } => {
                let left = ends.saturating_duration_since(now);
                Some(left.as_secs() + u64::from(left.subsec_nanos() > 0))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    fn idle() -> (Idle, Instant) {
        (
            Idle::new(Duration::from_secs(90), COUNTDOWN),
            Instant::now(),
        )
    }

    #[test]
    fn the_welcome_screen_runs_no_clock() {
        let (mut idle, start) = idle();
        assert_eq!(idle.deadline(), None);
        assert_eq!(idle.tick(start + Duration::from_secs(3600)), None);
    }

    #[test]
    fn timeout_then_notice_then_reset() {
        let (mut idle, start) = idle();
        idle.input(start);
        assert_eq!(idle.deadline(), Some(start + 90 * SECOND));
        assert_eq!(idle.tick(start + 89 * SECOND), None);
        assert_eq!(idle.tick(start + 90 * SECOND), Some(Event::ShowNotice));
        let notice = start + 90 * SECOND;
        assert_eq!(idle.seconds_left(notice), Some(30));
        assert_eq!(
            idle.seconds_left(notice + Duration::from_millis(10_500)),
            Some(20)
        );
        assert_eq!(idle.tick(notice + 29 * SECOND), None);
        assert_eq!(idle.tick(notice + 30 * SECOND), Some(Event::Reset));
        assert_eq!(idle.phase(), Phase::Welcome);
        assert_eq!(idle.deadline(), None);
    }

    #[test]
    fn input_puts_the_notice_off() {
        let (mut idle, start) = idle();
        idle.input(start);
        idle.input(start + 60 * SECOND);
        assert_eq!(idle.tick(start + 100 * SECOND), None);
        assert_eq!(idle.tick(start + 150 * SECOND), Some(Event::ShowNotice));
    }

    #[test]
    fn continue_answers_the_notice_and_stray_input_does_not() {
        let (mut idle, start) = idle();
        idle.input(start);
        assert_eq!(idle.tick(start + 90 * SECOND), Some(Event::ShowNotice));
        idle.input(start + 95 * SECOND);
        assert!(
            matches!(idle.phase(), Phase::Notice { .. }),
            "a stray touch leaves the question up"
        );
        idle.keep_reading(start + 100 * SECOND);
        assert_eq!(idle.deadline(), Some(start + 190 * SECOND));
        assert_eq!(
            idle.tick(start + 125 * SECOND),
            None,
            "the old countdown is gone"
        );
    }

    #[test]
    fn the_countdown_is_never_shorter_than_wcag_allows() {
        let idle = Idle::new(Duration::from_secs(5), Duration::from_secs(3));
        assert_eq!(idle.countdown, MIN_COUNTDOWN);
    }
}
