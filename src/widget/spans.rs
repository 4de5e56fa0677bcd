//! Patient text as rich text: glossary terms underlined and tappable, rates in bold.

use iced::widget::text::LineHeight;
use iced::widget::{rich_text, span};
use iced::{Element, Fill};

use crate::app::Message;
use crate::content::Span;
use crate::theme::{BOLD, Palette, size};

/// Line spacing for reading text: generous, for readers with low vision.
pub const READING_LINE_HEIGHT: f32 = 1.45;

/// A paragraph of resolved spans at body size.
pub fn paragraph<'a>(spans: Vec<Span>, palette: &Palette) -> Element<'a, Message> {
    sized(spans, size::BODY, palette)
}

/// A paragraph of resolved spans at a given size.
pub fn sized<'a>(spans: Vec<Span>, text_size: f32, palette: &Palette) -> Element<'a, Message> {
    let palette = *palette;
    let pieces: Vec<_> = spans
        .into_iter()
        .map(|piece| match piece {
            Span::Plain(text) => span(text),
            Span::Number(text) => span(text).font(BOLD),
            Span::Term { text, id } => span(text).color(palette.primary).underline(true).link(id),
        })
        .collect();
    rich_text(pieces)
        .width(Fill)
        .size(text_size)
        .line_height(LineHeight::Relative(READING_LINE_HEIGHT))
        .on_link_click(Message::ShowTerm)
        .into()
}
