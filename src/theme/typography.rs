//! The guide's named text styles: each sets a size and a weight from [`size`](super::size), so
//! a view says what a piece of text is (body, a heading) rather than how big it is. Nothing a
//! patient reads is smaller than [`body`].

use iced::widget::text::IntoFragment;
use iced::widget::{Text, text};

use super::{BOLD, size};

/// Running text.
pub fn body<'a>(words: impl IntoFragment<'a>) -> Text<'a> {
    text(words).size(size::BODY)
}

/// Running text that must stand out: a label, a button's words, a term.
pub fn strong<'a>(words: impl IntoFragment<'a>) -> Text<'a> {
    body(words).font(BOLD)
}

/// A screen's or a dialog's heading.
pub fn heading<'a>(words: impl IntoFragment<'a>) -> Text<'a> {
    text(words).size(size::HEADING).font(BOLD)
}

/// A section's heading, or a box's.
pub fn subheading<'a>(words: impl IntoFragment<'a>) -> Text<'a> {
    text(words).size(size::SUBHEADING).font(BOLD)
}

/// The line under a title that names it another way (a condition's medical name).
pub fn subtitle<'a>(words: impl IntoFragment<'a>) -> Text<'a> {
    text(words).size(size::SUBHEADING)
}

/// The guide's name at the head of the page list.
pub fn brand<'a>(words: impl IntoFragment<'a>) -> Text<'a> {
    text(words).size(size::BRAND).font(BOLD)
}

/// An arrow that says a box opens something ("›"), as large as a heading.
pub fn arrow<'a>(words: impl IntoFragment<'a>) -> Text<'a> {
    text(words).size(size::HEADING)
}
