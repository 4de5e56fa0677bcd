//! Screens: how each kind of screen is drawn.

pub mod page;
