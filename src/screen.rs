//! Screens: how each kind of screen is drawn.

pub mod consult;
pub mod kiosk;
pub mod page;
