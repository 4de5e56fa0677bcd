//! All the words and numbers of one edition of the guide, read from RON files embedded in the
//! binary: an edition's words and their reading in `library`, the loading of the editions in
//! `load`, and here only the names the rest of the guide uses, handed on from where they are made.

pub mod chart;
pub mod check;
mod clinic;
mod embedded;
pub mod files;
mod folder;
pub mod ids;
mod library;
mod load;
pub mod markup;
pub mod model;
mod parse;
mod problem;
pub mod rate;
pub mod route;

pub use embedded::LOCALES;
#[cfg(test)]
pub(crate) use embedded::{built_in_bytes, built_in_text};
pub use files::File;
pub use folder::{Access, ContentFolder, Unknown, Unread, export, io_words};
pub use library::{Library, Span, with_unstated_note};
pub use load::{Edition, Editions, Overridden, editions};
pub use parse::Files;
pub use problem::{Problem, Problems, is_hidden_control, without_controls};
