//! The app drawn the way its real window draws it. iced's tiny-skia compositor keeps the last
//! frame's pixels and repaints only the regions it finds damaged, by comparing this frame's layers
//! with the last one's (`present` in iced_tiny_skia 0.14.1, src/window/compositor.rs). [`Window`]
//! does the same, step by step and with iced's own damage code (`Layer::damage`, and
//! `damage::diff` and `damage::group` from iced_graphics 0.14.0, src/damage.rs), and beside it
//! draws the same frame whole into a fresh buffer: where the two differ, the window shows stale
//! pixels. It also runs the app as the window's event loop does: events go to the interface, the
//! messages it publishes go to `App::update`, and the interface is built again before it draws.
//!
//! The bench (examples/bench.rs, `--scroll`) times frames with it, drawn with damage only.

use iced::{Color, Point, Rectangle, Size, Theme};
use iced_test::core::renderer::{Headless, Style};
use iced_test::core::theme::Base;
use iced_test::core::time::Instant;
use iced_test::core::{Event, clipboard, mouse, window};
use iced_test::runtime::UserInterface;
use iced_test::runtime::user_interface::Cache;
use iced_tiny_skia::graphics::{Viewport, damage};
use iced_tiny_skia::{Layer, Renderer};
use needle_guide::app::{App, Message};

/// A window of the app: its renderer and interface cache, the pixels it shows, and the layers it
/// drew them from.
pub struct Window {
    renderer: Renderer,
    cache: Option<Cache>,
    physical: iced::Size<u32>,
    /// What the window shows, kept from frame to frame (a buffer of age 1, as softbuffer's X11
    /// surface gives).
    pixels: Vec<u32>,
    mask: tiny_skia::Mask,
    /// The layers and background the pixels were drawn from, as the compositor keeps them.
    last: Option<(Vec<Layer>, Color)>,
    cursor: mouse::Cursor,
    /// The time each frame is drawn at: it moves on a frame's length at each frame, so any
    /// animation plays as it would.
    now: Instant,
    /// The region the last frame repainted, in the layout's pixels.
    damage: Vec<Rectangle>,
    /// Whether each frame is also drawn whole, to compare (not for timing).
    compare_whole: bool,
    /// Whether the damage is found without the empty layer `repaint::whole` adds: the partial
    /// repaint iced would do without it (for the bench's "before").
    pub partial: bool,
    /// How long the last frame took, from the redraw request to its pixels.
    pub took: std::time::Duration,
}

/// A frame's layers, less any empty ones `repaint::whole` put at the end.
fn drawn_layers(layers: &[Layer]) -> &[Layer] {
    let empty = |layer: &Layer| {
        layer.quads.is_empty()
            && layer.primitives.is_empty()
            && layer.text.is_empty()
            && layer.images.is_empty()
    };
    let kept = layers.len() - layers.iter().rev().take_while(|layer| empty(layer)).count();
    &layers[..kept]
}

/// Where a frame drawn with damage differs from the same frame drawn whole.
#[derive(Debug, Clone, Copy)]
pub struct Stale {
    pub pixels: usize,
    /// The smallest rectangle around them, in the window's pixels.
    pub bounds: Rectangle,
}

impl Window {
    pub fn new() -> Window {
        load_fonts();
        Window {
            renderer: renderer(),
            cache: Some(Cache::default()),
            physical: iced::Size::new(0, 0),
            pixels: Vec::new(),
            mask: tiny_skia::Mask::new(1, 1).expect("a mask"),
            last: None,
            cursor: mouse::Cursor::Unavailable,
            now: Instant::now(),
            damage: Vec::new(),
            compare_whole: true,
            partial: false,
            took: std::time::Duration::ZERO,
        }
    }

    /// A window that draws each frame only as the real one does, for timing.
    pub fn timing() -> Window {
        Window {
            compare_whole: false,
            ..Window::new()
        }
    }

    /// The layout's size and the scale it is drawn at, for `app`'s window.
    fn viewport(app: &App) -> (Size, f32) {
        let scale = app.scale_factor();
        (app.window() * (1.0 / scale), scale)
    }

    /// Sends `events` to the app as its window would, then draws a frame; returns where that
    /// frame, drawn over the last one, differs from the same frame drawn whole.
    pub fn step(&mut self, app: &mut App, events: &[Event]) -> Option<Stale> {
        for event in events {
            if let Event::Mouse(mouse::Event::CursorMoved { position }) = event {
                self.cursor = mouse::Cursor::Available(*position);
            }
        }
        if !events.is_empty() {
            self.update(app, events);
        }
        self.frame(app)
    }

    /// Delivers messages to the app as if the window had published them, then draws a frame.
    pub fn deliver(
        &mut self,
        app: &mut App,
        messages: impl IntoIterator<Item = Message>,
    ) -> Option<Stale> {
        deliver(app, messages);
        self.frame(app)
    }

    /// Delivers messages to the app, and runs on the interface the widget operations its answers
    /// ask for (scroll to a place, focus a box), as the window's event loop does; then draws a
    /// frame.
    #[allow(dead_code)]
    pub fn deliver_running(
        &mut self,
        app: &mut App,
        messages: impl IntoIterator<Item = Message>,
    ) -> Option<Stale> {
        use iced_test::futures::futures::{StreamExt, task};
        use iced_test::runtime::{Action, task::into_stream};
        for message in messages {
            let Some(mut stream) = into_stream(app.update(message)) else {
                continue;
            };
            let mut context = task::Context::from_waker(task::noop_waker_ref());
            while let std::task::Poll::Ready(Some(action)) = stream.poll_next_unpin(&mut context) {
                if let Action::Widget(mut operation) = action {
                    // Laid out as the app now is, as the window would before it operates.
                    let (logical, _) = Window::viewport(app);
                    let cache = self.cache.take().unwrap_or_default();
                    let mut ui =
                        UserInterface::build(app.view(), logical, cache, &mut self.renderer);
                    ui.operate(&self.renderer, operation.as_mut());
                    self.cache = Some(ui.into_cache());
                }
            }
        }
        self.frame(app)
    }

    /// The events through the interface, and what it publishes through the app.
    fn update(&mut self, app: &mut App, events: &[Event]) {
        let (logical, _) = Window::viewport(app);
        let cache = self.cache.take().unwrap_or_default();
        let mut ui = UserInterface::build(app.view(), logical, cache, &mut self.renderer);
        let mut messages = Vec::new();
        let _ = ui.update(
            events,
            self.cursor,
            &mut self.renderer,
            &mut clipboard::Null,
            &mut messages,
        );
        self.cache = Some(ui.into_cache());
        deliver(app, messages);
    }

    /// One frame as the window draws it: a redraw request, which may publish messages (the page
    /// says whether it goes on below, and the interface is built again), then the drawing.
    fn frame(&mut self, app: &mut App) -> Option<Stale> {
        self.now += std::time::Duration::from_millis(16);
        let start = std::time::Instant::now();
        for _ in 0..4 {
            let (logical, _) = Window::viewport(app);
            let cache = self.cache.take().unwrap_or_default();
            let mut ui = UserInterface::build(app.view(), logical, cache, &mut self.renderer);
            let mut messages = Vec::new();
            let _ = ui.update(
                &[Event::Window(window::Event::RedrawRequested(self.now))],
                self.cursor,
                &mut self.renderer,
                &mut clipboard::Null,
                &mut messages,
            );
            if messages.is_empty() {
                let theme = app.theme();
                ui.draw(
                    &mut self.renderer,
                    &theme,
                    &Style {
                        text_color: theme.base().text_color,
                    },
                    self.cursor,
                );
                self.cache = Some(ui.into_cache());
                let stale = self.present(app, &theme);
                self.took = start.elapsed();
                return stale;
            }
            self.cache = Some(ui.into_cache());
            deliver(app, messages);
        }
        panic!("the interface still publishes messages after four redraws in a row");
    }

    /// Draws the layers the interface left in the renderer the way the compositor presents them,
    /// and whole; compares the two.
    fn present(&mut self, app: &App, theme: &Theme) -> Option<Stale> {
        let (logical, scale) = Window::viewport(app);
        let viewport = Viewport::with_physical_size(
            iced::Size::new(
                (logical.width * scale).round() as u32,
                (logical.height * scale).round() as u32,
            ),
            scale,
        );
        let physical = viewport.physical_size();
        let background = theme.base().background_color;
        // A new size is a new buffer, of age 0: the whole window is drawn.
        if physical != self.physical {
            self.physical = physical;
            self.pixels = vec![0; (physical.width * physical.height) as usize];
            self.mask = tiny_skia::Mask::new(physical.width, physical.height).expect("a mask");
            self.last = None;
        }
        let whole_window = Rectangle::with_size(viewport.logical_size());
        // As the compositor: no last frame, or another background, and everything is damaged.
        let damage = match &self.last {
            Some((last_layers, last_background)) if *last_background == background => {
                let (last_layers, layers) = if self.partial {
                    (
                        drawn_layers(last_layers),
                        drawn_layers(self.renderer.layers()),
                    )
                } else {
                    (&last_layers[..], self.renderer.layers())
                };
                damage::diff(
                    last_layers,
                    layers,
                    |layer| vec![layer.bounds],
                    Layer::damage,
                )
            }
            _ => vec![whole_window],
        };
        self.damage = if damage.is_empty() {
            Vec::new()
        } else {
            damage::group(damage, whole_window)
        };
        if !self.damage.is_empty() {
            self.last = Some((self.renderer.layers().to_vec(), background));
            draw(
                &mut self.renderer,
                &mut self.pixels,
                &mut self.mask,
                &viewport,
                &self.damage,
                background,
            );
        }

        if !self.compare_whole {
            return None;
        }
        let mut whole = vec![0; self.pixels.len()];
        draw(
            &mut self.renderer,
            &mut whole,
            &mut self.mask,
            &viewport,
            &[whole_window],
            background,
        );
        compare(&self.pixels, &whole, physical.width)
    }

    /// What the window shows, pixel by pixel.
    pub fn shown(&self) -> Vec<u32> {
        self.pixels.clone()
    }

    /// How many pixels across the window is.
    #[allow(dead_code)]
    pub fn width(&self) -> usize {
        self.physical.width as usize
    }
}

fn draw(
    renderer: &mut Renderer,
    pixels: &mut [u32],
    mask: &mut tiny_skia::Mask,
    viewport: &Viewport,
    damage: &[Rectangle],
    background: Color,
) {
    let size = viewport.physical_size();
    let mut pixmap =
        tiny_skia::PixmapMut::from_bytes(bytemuck::cast_slice_mut(pixels), size.width, size.height)
            .expect("a pixel buffer of the window's size");
    renderer.draw(&mut pixmap, mask, viewport, damage, background);
}

fn compare(shown: &[u32], whole: &[u32], width: u32) -> Option<Stale> {
    let mut stale: Option<Stale> = None;
    for (index, _) in shown
        .iter()
        .zip(whole)
        .enumerate()
        .filter(|(_, (a, b))| a != b)
    {
        let x = (index as u32 % width) as f32;
        let y = (index as u32 / width) as f32;
        let pixel = Rectangle::new(Point::new(x, y), Size::new(1.0, 1.0));
        stale = Some(match stale {
            None => Stale {
                pixels: 1,
                bounds: pixel,
            },
            Some(stale) => Stale {
                pixels: stale.pixels + 1,
                bounds: stale.bounds.union(&pixel),
            },
        });
    }
    stale
}

/// Feeds messages into the app, as the window's event loop does.
fn deliver(app: &mut App, messages: impl IntoIterator<Item = Message>) {
    for message in messages {
        let _ = app.update(message);
    }
}

/// The app's fonts, in iced's text system as the window's start puts them there.
fn load_fonts() {
    let mut fonts = iced::advanced::graphics::text::font_system()
        .write()
        .expect("the text system");
    for bytes in needle_guide::theme::FONT_FILES {
        fonts.load_font(std::borrow::Cow::Borrowed(bytes));
    }
}

/// The software renderer a window has, with the app's font as its default.
pub fn renderer() -> Renderer {
    let future = <Renderer as Headless>::new(
        needle_guide::theme::FONT,
        iced::Settings::default().default_text_size,
        Some("tiny-skia"),
    );
    iced_test::futures::futures::executor::block_on(future).expect("the tiny-skia renderer starts")
}
