//! The window and how much the layout is enlarged in it: one value. From the window's size, the
//! text size asked for and the enlarging the mode asks for (presenting, the kiosk) follow the
//! scale and the size of the layout every screen is drawn in.

use iced::Size;

use crate::theme::metrics;

/// The window size the app opens at, and the smallest it allows: a Raspberry Pi's 7-inch panel,
/// the smallest screen the guide is made for (a larger minimum cut the foot of every page off a
/// 1024×600 panel).
pub const WINDOW_SIZE: Size = Size::new(1280.0, 800.0);
pub const MIN_WINDOW_SIZE: Size = Size::new(800.0, 480.0);

/// The largest window the app allows: an 8K screen. The window's pixel buffers grow with it and
/// are kept at their largest after it shrinks (softbuffer reuses a bigger buffer), so a window
/// dragged or scripted far past any screen would hold gigabytes.
pub const MAX_WINDOW_SIZE: Size = Size::new(7680.0, 4320.0);

/// The kiosk's window until the compositor or window manager gives it the screen: smaller than
/// every screen the kiosk is made for (a Raspberry Pi's 7-inch panel, 800×480, and 480×800
/// standing up, the smallest), so that no frame, the first included, is drawn larger than the
/// screen. It asks for no minimum size.
pub const KIOSK_FIRST_WINDOW: Size = Size::new(480.0, 480.0);

/// The most a large window enlarges everything.
const MAX_FIT_SCALE: f32 = 1.5;

/// The layout's height when presenting: the page alone fills the screen, larger, and the
/// longest What to do tier (seven emergency signs) and each picture with its key still fit on
/// one screen, with room to spare. On a 1080p screen that is 1.54 times normal (the window alone
/// gives 1.35), text 32 pixels high; at 1280×800, 1.14 times.
const PRESENT_HEIGHT: f32 = 700.0;

/// The smallest layout the screens are made for: below it the toolbars no longer fit on a line
/// and a page shows little more than its heading, so enlarging stops there. At 1920×1080 that is
/// 2.7 times, text 57 pixels high.
pub const MIN_LAYOUT: Size = Size::new(640.0, 400.0);

/// The same on a screen taller than it is wide (a 7-inch panel standing up), whose page is one
/// column: the bars keep their size on the screen, so only the page needs the room, and its
/// foot's three ways on after a wrong answer. On 480×800 the text grows a fifth, to 25 pixels,
/// as on 800×480.
pub const MIN_PORTRAIT_LAYOUT: Size = Size::new(400.0, 560.0);

/// The text sizes offered, as a share of normal: from 100% to 200%.
pub const TEXT_STEPS: [f32; 5] = [1.0, 1.25, 1.5, 1.75, 2.0];

/// How much to enlarge the whole layout so it fills a window of `size` (in unscaled pixels): a
/// window bigger than [`WINDOW_SIZE`] shows the same layout larger, easier to read across a desk.
pub fn fit_scale(size: Size) -> f32 {
    (size.width / WINDOW_SIZE.width)
        .min(size.height / WINDOW_SIZE.height)
        .clamp(1.0, MAX_FIT_SCALE)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// The window's size before the app's own scaling.
    window: Size,
    /// The kiosk's screen, before the app's own scaling, once the compositor or window manager
    /// has sized the kiosk's window: the kiosk fills it.
    screen: Option<Size>,
    /// Index into [`TEXT_STEPS`].
    text_step: usize,
}

impl Viewport {
    /// A window of `size`, at the normal text size.
    pub fn new(window: Size) -> Viewport {
        Viewport {
            window,
            screen: None,
            text_step: 0,
        }
    }

    /// The same window, at the normal text size: for the next person at the kiosk.
    pub fn fresh(self) -> Viewport {
        Viewport {
            text_step: 0,
            ..self
        }
    }

    pub fn window(self) -> Size {
        self.window
    }

    pub fn screen(self) -> Option<Size> {
        self.screen
    }

    pub fn text_step(self) -> usize {
        self.text_step
    }

    pub fn text_scale(self) -> f32 {
        TEXT_STEPS[self.text_step]
    }

    /// How much the whole layout is enlarged: to fill a big window, by the text size, and by
    /// `mode` (presenting, the kiosk). Never so much that the layout would be smaller than
    /// [`MIN_LAYOUT`].
    pub fn scale(self, mode: f32) -> f32 {
        (fit_scale(self.window) * self.text_scale() * mode).min(self.largest_scale())
    }

    /// How much presenting enlarges the layout beyond filling the window: to [`PRESENT_HEIGHT`],
    /// and never less than the window would show it.
    pub fn presenting(self) -> f32 {
        (self.window.height / PRESENT_HEIGHT / fit_scale(self.window)).max(1.0)
    }

    /// How much smaller than the page to draw what must keep its size on the screen whatever
    /// the text size (the bars' controls): the scale at the normal text size over this one.
    pub fn steady_scale(self, mode: f32) -> f32 {
        self.fresh().scale(mode) / self.scale(mode)
    }

    /// The most the window can be enlarged and still hold [`MIN_LAYOUT`] (or, standing up,
    /// [`MIN_PORTRAIT_LAYOUT`]).
    fn largest_scale(self) -> f32 {
        let least = if self.window.height > self.window.width {
            MIN_PORTRAIT_LAYOUT
        } else {
            MIN_LAYOUT
        };
        (self.window.width / least.width)
            .min(self.window.height / least.height)
            .max(1.0)
    }

    /// The layout's size, after all enlarging.
    pub fn layout(self, mode: f32) -> Size {
        let scale = self.scale(mode);
        Size::new(self.window.width / scale, self.window.height / scale)
    }

    /// Whether the layout is compact ([`metrics::COMPACT_WIDTH`]): no page list, less room at
    /// the sides.
    pub fn compact(self, mode: f32) -> bool {
        self.layout(mode).width < metrics::COMPACT_WIDTH
    }

    /// Whether a larger text size would show: not at the largest step, nor where the window
    /// has no room to enlarge further.
    pub fn can_enlarge_text(self, mode: f32) -> bool {
        self.text_step + 1 < TEXT_STEPS.len() && self.scale(mode) < self.largest_scale()
    }

    /// One text size larger, if it would show (so that one A− always makes it smaller again).
    pub fn larger_text(&mut self, mode: f32) {
        if self.can_enlarge_text(mode) {
            self.text_step += 1;
        }
    }

    pub fn smaller_text(&mut self) {
        self.text_step = self.text_step.saturating_sub(1);
    }

    pub fn normal_text(&mut self) {
        self.text_step = 0;
    }

    /// The window resized, as iced reports it: divided by the scale it held then (`mode`'s).
    /// A window manager holds the window to [`MAX_WINDOW_SIZE`]; the layout is never made for
    /// more.
    pub fn resized(&mut self, reported: Size, mode: f32) {
        let scale = self.scale(mode);
        self.window =
            Size::new(reported.width * scale, reported.height * scale).min(MAX_WINDOW_SIZE);
    }

    /// The kiosk's screen, as its view was laid out: the kiosk's window fills it.
    pub fn fill_screen(&mut self, screen: Size) {
        self.screen = Some(screen);
        self.window = screen;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presenting_lays_the_page_out_700_high_and_never_smaller_than_the_window_shows_it() {
        for (width, height) in [(1920.0, 1080.0), (1280.0, 800.0), (2560.0, 1440.0)] {
            let viewport = Viewport::new(Size::new(width, height));
            let layout = viewport.layout(viewport.presenting());
            assert!((layout.height - PRESENT_HEIGHT).abs() < 0.5, "{layout:?}");
        }
        // A window already shorter than that: presenting enlarges nothing it would shrink.
        let small = Viewport::new(MIN_WINDOW_SIZE);
        assert_eq!(small.presenting(), 1.0);
    }
}
