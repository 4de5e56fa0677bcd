//! Screens: how each kind of screen is drawn.

pub mod consult;
pub mod page;
