//! Needle Guide: an offline guide to dry needling for patients.
//!
//! The binary is a thin command line over these modules, so tests and benchmarks can drive the
//! whole app without a window.

pub mod app;
pub mod cli;
pub mod content;
pub mod document;
pub mod fonts;
pub mod handout;
pub mod keys;
pub mod screen;
pub mod search;
pub mod speech;
pub mod theme;
pub mod widget;

/// The pages and screens of the guide; part of the content, named here for short.
pub use content::route;
