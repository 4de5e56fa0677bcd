//! The guide itself, with no window: the content and its checks, the rates and the charts'
//! arithmetic, the routes, the document model every screen and the read-aloud draw from, search,
//! the handout, and the colours the window and the handout share. The `needle-guide` crate is the
//! app around it.

pub mod calendar;
pub mod colors;
pub mod content;
pub mod document;
pub mod handout;
pub mod insights;
pub mod pictogram;
pub mod search;
pub mod symbol;
pub mod take_home;
pub mod typeface;

/// The pages and screens of the guide; part of the content, named here for short.
pub use content::route;
