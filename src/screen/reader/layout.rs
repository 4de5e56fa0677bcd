//! The room the reader and its page have.

/// The room the reader has, in the layout's pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    /// The whole window's width.
    pub width: f32,
    /// The width the page's text gets.
    pub content_width: f32,
    /// The whole window's height.
    pub height: f32,
}
