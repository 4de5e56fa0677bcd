//! Every frame repainted whole, because the software renderer's partial repaint leaves stale
//! pixels.
//!
//! iced's tiny-skia window keeps the last frame and repaints only the regions where it finds this
//! frame's layers changed (`present` in iced_tiny_skia 0.14.1, src/window/compositor.rs; the
//! regions come from `Layer::damage`, src/layer.rs). That comparison misses pixels that change:
//! - Texts are compared item by item in order, and the second frame's are placed with the first
//!   frame's transformation (src/layer.rs, lines 242-251). Every canvas adds a text group, even
//!   an empty one, with its own translation (src/lib.rs, line 348): when a paragraph scrolls into
//!   view ahead of a canvas, its region is computed with the canvas's translation and lands
//!   elsewhere, so the paragraph is never painted in. These were the missing letters.
//! - The same comparison checks a group's texts but not the group's transformation, so a
//!   canvas's caption that scrolled with its page counts as unchanged and stays where it was
//!   (the ghost "Front" and "Back").
//! - Centred canvas text's region starts at its centre (`Frame::fill_text`, src/geometry.rs,
//!   line 187), and a stroke's region is its path's outline, without the half of the line outside
//!   it (`Primitive::visible_bounds`, src/primitive.rs, line 30): the left half of a caption and
//!   the edges of an outline are left behind.
//! - Whatever lies inside a region is drawn without a clip (`is_within` in src/engine.rs, lines
//!   45-602), but at most scales a region's edge falls inside a pixel that is not cleared, so
//!   that pixel is painted over again and darkens.
//!
//! `examples/stale_pixels.rs` shows the first of these in a window of a few lines. Until iced
//! mends them, [`whole`] makes every frame's changed region the whole window: it draws an empty
//! layer whose bounds differ slightly from the last frame's, and a layer whose bounds changed
//! damages both its old and new bounds (`Layer::damage`). The window is then cleared and drawn
//! whole, exactly as a fresh one; the empty layer costs one clip-mask fill. docs/performance.md
//! measures the cost against the partial repaint.

use std::cell::Cell;

use iced::advanced::Renderer as _;
use iced::{Element, Rectangle};

use super::wrap::{Wrap, Wrapped, wrap};

/// `content`, the whole window, repainted whole on every frame.
pub fn whole<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
) -> Wrapped<'a, Message, WholeFrames> {
    wrap(WholeFrames, content)
}

/// Draws the empty layer that makes the window repaint whole; what [`whole`] adds.
pub struct WholeFrames;

impl<Message> Wrap<Message> for WholeFrames {
    type State = Drawn;

    fn draw_after(&self, drawn: &Drawn, renderer: &mut iced::Renderer, bounds: Rectangle) {
        renderer.with_layer(drawn.next_bounds(bounds), |_| {});
    }
}

/// How many frames were drawn, counted round [`FRAMES_APART`]. The window compares a frame with
/// the one its buffer last held, which can be two or three frames back: no frame within
/// [`FRAMES_APART`] of another has the same bounds.
#[derive(Default)]
pub struct Drawn(Cell<u8>);

const FRAMES_APART: u8 = 8;

impl Drawn {
    /// The bounds of this frame's empty layer: twice the window, centred on its top-left corner,
    /// a hair larger by the frame's count.
    ///
    /// It covers the whole window, so the repaint is one region clipped to the window, exactly
    /// as the first frame is drawn. iced merges the changed regions in order of their centre's
    /// distance from the top-left corner (`damage::group`, iced_graphics 0.14.0, src/damage.rs):
    /// one centred there comes first and every other merges into it, so nothing is drawn twice.
    fn next_bounds(&self, window: Rectangle) -> Rectangle {
        let count = (self.0.get() + 1) % FRAMES_APART;
        self.0.set(count);
        let hair = f32::from(count) / 64.0;
        Rectangle {
            x: window.x - window.width,
            y: window.y - window.height,
            width: 2.0 * window.width + hair,
            height: 2.0 * window.height + hair,
        }
    }
}
