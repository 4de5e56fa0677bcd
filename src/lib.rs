//! Needle Guide: an offline guide to dry needling for patients.
//!
//! The guide itself (content, checks, document model, search, handout) is the
//! `needle-guide-core` crate, with no window; this crate is the app around it: the window, its
//! screens and widgets, the theme, keys and speech. The binary is a thin command line over these
//! modules, so tests and benchmarks can drive the whole app without a window.

pub mod app;
pub mod cli;
pub mod desktop;
pub mod fonts;
pub mod keys;
pub mod screen;
pub mod speech;
pub mod theme;
pub mod widget;

pub use needle_guide_core::{
    colors, content, document, handout, insights, pictogram, route, search, symbol, take_home,
    typeface,
};
