//! What the reader is told: its messages, which the page it draws sends back.

use crate::content::ids::{RegionId, TermId};
use crate::content::route::Route;

use super::teach_back;

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Go to a screen, remembering this one for Back.
    Open(Route),
    /// Return to the screen before.
    Back,
    /// The next or previous page in reading order.
    Step {
        forward: bool,
    },
    /// Explain a glossary term at the foot of the page.
    ShowTerm(TermId),
    CloseTerm,
    /// Pick a body region on the conditions page, to list its conditions.
    SelectRegion(RegionId),
    /// List every condition again.
    ShowAllConditions,
    /// On a narrow window, show the body map or the list.
    ShowConditions(ConditionsTab),
    /// The teach-back check.
    TeachBack(teach_back::Message),
    /// While reading aloud, go on from this passage (a tap on it).
    ReadFrom(usize),
    /// At the kiosk: take the questions (or the check's summary) home on a phone.
    TakeHome,
    /// Open the staff's view of the clinic's anonymous counts (the consult room's page list).
    OpenCounts,
}

/// Which half of the conditions page a narrow window shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConditionsTab {
    #[default]
    Map,
    List,
}
