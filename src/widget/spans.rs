//! Patient text as rich text: glossary terms underlined and tappable, rates in bold.

use iced::widget::text::{LineHeight, Wrapping};
use iced::widget::{rich_text, span};
use iced::{Color, Element, Fill};

use crate::content::Span;
use crate::content::ids::TermId;
use crate::theme::{BOLD, size};

/// Line spacing for reading text: generous, for readers with low vision.
pub const READING_LINE_HEIGHT: f32 = 1.45;

/// How a paragraph marks and answers its glossary terms. Rich text spans need their colour when
/// the view is built (unlike styles, which iced asks the theme for), so the caller passes it.
pub struct Terms<Message> {
    pub colour: Color,
    pub on_tap: fn(TermId) -> Message,
}

// By hand: derived, these would ask `Message` to be `Copy` too.
impl<Message> Clone for Terms<Message> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Message> Copy for Terms<Message> {}

/// A paragraph of resolved spans at body size.
pub fn paragraph<'a, Message: Clone + 'a>(
    spans: Vec<Span>,
    terms: Terms<Message>,
) -> Element<'a, Message> {
    sized(spans, size::BODY, terms)
}

/// A paragraph of resolved spans at a given size.
pub fn sized<'a, Message: Clone + 'a>(
    spans: Vec<Span>,
    text_size: f32,
    terms: Terms<Message>,
) -> Element<'a, Message> {
    let pieces: Vec<_> = spans
        .into_iter()
        .map(|piece| match piece {
            Span::Plain(text) => span(text),
            Span::Number(text) => span(text).font(BOLD),
            Span::Term { text, id } => span(text).color(terms.colour).underline(true).link(id),
        })
        .collect();
    rich_text(pieces)
        .width(Fill)
        // A word longer than the line (a clinic's long web address, say) breaks where it must,
        // instead of running off the page.
        .wrapping(Wrapping::WordOrGlyph)
        .size(text_size)
        .line_height(LineHeight::Relative(READING_LINE_HEIGHT))
        .on_link_click(terms.on_tap)
        .into()
}
