//! Performance figures for `docs/performance.md`, measured on this machine. Not a test: it prints.
//! It measures the software renderer, so it does not build with `--features gpu`.
//!
//! ```text
//! cargo run --release --example bench             everything
//! cargo run --release --example bench -- --quick  fewer runs, frames and soak messages
//! cargo run --release --example bench -- --soak   only the memory soaks
//! cargo run --release --example bench -- --pages  only content and pages
//! cargo run --release --example bench -- --page conditions   one page only, for a profiler
//! cargo run --release --example bench -- --speech  only read-aloud (needs a speech program)
//! cargo run --release --example bench -- --screens every page at 1920×1080, 2560×1440, 3840×2160
//!                                   (with --page ID, that page only)
//! cargo run --release --example bench -- --insights  adding one visit to the clinic's counts
//! cargo run --release --example bench -- --scroll  every page scrolled down and back up at
//!                                   1920×1080 and 3840×2160, drawn as the window draws it
//! ```
//!
//! What it measures:
//! - loading and checking the built-in content, every locale, as the app does at start-up;
//! - for every page: building its view (`App::view`), and one frame at 1920×1080 drawn in software
//!   (tiny-skia), three ways: through `iced_test`'s `Simulator` (which always draws at scale 2, so
//!   3840×2160 pixels), straight through the headless renderer at scale 1, and as the app itself
//!   draws a 1920×1080 window (its layout enlarged by `fit_scale`, 1.35 there);
//! - the process's peak memory;
//! - two soaks: a million messages through `App::update`, with `App::view` every thousand (or, in
//!   the second, a frame drawn every thousand), and how much the resident memory and the live
//!   heap (counted by a wrapper around the system allocator) grew.
//!
//! The soaks run first, in a process of their own (`--soak`), the only one that counts
//! allocations: the memory the frames leave with the allocator cannot blur them, and no time is
//! measured with the counter on.

use std::sync::Arc;
use std::time::{Duration, Instant};

use iced::{Element, Rectangle, Size, Theme};
use iced_test::Simulator;
use iced_test::core::renderer::{Headless, Style};
use iced_test::core::theme::Base;
use iced_test::core::{Event, clipboard, mouse, window};
use iced_test::runtime::UserInterface;
use iced_test::runtime::user_interface::Cache;
use iced_tiny_skia::Renderer;
use iced_tiny_skia::graphics::Viewport;
use needle_guide::app::{App, Message};
use needle_guide::content::{LOCALES, Library, check};
use needle_guide::route::{PageId, Route};
use needle_guide::theme::{self, Palette};

/// The screen the frames are drawn for.
const SCREEN: Size = Size::new(1920.0, 1080.0);

/// The condition page measured beside the ten pages.
const CONDITION: &str = "lateral-epicondylitis";

const USAGE: &str =
    "usage: bench [--quick] [--soak | --pages | --page ID | --speech | --screens | --insights]";

#[derive(Default)]
struct Options {
    quick: bool,
    soak_only: bool,
    pages_only: bool,
    /// Only this page (a route id, as `--page` of the app takes), for a profiler.
    page: Option<Route>,
    /// Only read-aloud: how soon speech starts, what it costs, and a soak.
    speech_only: bool,
    /// Only every page's frame on bigger screens.
    screens_only: bool,
    /// Only every page scrolled, frame by frame, as the window repaints it.
    scroll_only: bool,
    /// Only the write of one visit's counts (`insights`).
    insights_only: bool,
}

impl Options {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
        let mut options = Options::default();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--quick" => options.quick = true,
                "--soak" => options.soak_only = true,
                "--pages" => options.pages_only = true,
                "--speech" => options.speech_only = true,
                "--screens" => options.screens_only = true,
                "--scroll" => options.scroll_only = true,
                "--insights" => options.insights_only = true,
                "--page" => {
                    let id = args.next().ok_or("--page needs a page id")?;
                    let route = Route::parse(&id).ok_or(format!("no page '{id}'"))?;
                    options.page = Some(route);
                    options.pages_only = true;
                }
                _ => return Err(format!("unknown argument '{arg}'")),
            }
        }
        Ok(options)
    }
}

fn main() {
    let options = Options::parse(std::env::args().skip(1)).unwrap_or_else(|error| {
        eprintln!("bench: {error}\n{USAGE}");
        std::process::exit(2);
    });
    if cfg!(debug_assertions) {
        eprintln!("bench: this is a debug build; run it with --release for real figures");
    }

    if options.soak_only {
        heap::count();
    }
    if options.speech_only {
        speech::all();
        return;
    }
    if options.insights_only {
        insights(if options.quick { 50 } else { 200 });
        return;
    }
    let routes = match options.page.clone() {
        Some(route) => vec![route],
        None => routes(),
    };
    if options.scroll_only {
        scroll(&routes, if options.quick { 2 } else { 5 });
        return;
    }
    if options.screens_only {
        screens(&routes, if options.quick { 5 } else { 20 });
        return;
    }
    // First, before anything draws text, as the app does before its window opens: it starts
    // iced's text system with its own fonts only (src/fonts.rs).
    let font_system = text_system_start();

    println!(
        "needle-guide bench{}",
        if options.quick { " (--quick)" } else { "" }
    );
    println!("machine: {}", machine());
    println!();

    // The soak goes first, so the memory the frames below leave with the allocator does not hide
    // growth (or look like it).
    let soak_messages = if options.quick { 100_000 } else { 1_000_000 };
    if options.soak_only {
        soak(soak_messages, false);
        soak(soak_messages, true);
        return;
    }
    if !options.pages_only {
        // In a process of its own, the only one whose allocations are counted.
        let mut soaks = std::process::Command::new(std::env::current_exe().expect("the bench"));
        soaks.arg("--soak");
        if options.quick {
            soaks.arg("--quick");
        }
        let status = soaks.status().expect("the soak process starts");
        assert!(status.success(), "the soaks failed: {status}");
    }

    content(if options.quick { 10 } else { 50 }, font_system);
    pages(&routes, if options.quick { 5 } else { 20 });

    println!();
    println!(
        "peak RSS of this process (VmHWM): {:.1} MB",
        kib("VmHWM") as f64 / 1024.0
    );
}

// ---------------------------------------------------------------------------------------------
// Content

fn content(runs: usize, font_system: TextSystemStart) {
    println!("## Content: load and check (Library::embedded), {runs} runs each");
    let mut all = Vec::new();
    let mut agree = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let editions: Vec<Library> = LOCALES
            .iter()
            .map(|locale| Library::embedded(locale).unwrap_or_else(|problems| panic!("{problems}")))
            .collect();
        all.push(start.elapsed());

        // The check that translations agree, which `needle-guide check` adds.
        let start = Instant::now();
        for other in &editions[1..] {
            assert!(check::locales_agree(&editions[0], other).is_empty());
        }
        agree.push(start.elapsed());
    }
    let mut per_locale = Vec::new();
    for locale in LOCALES {
        let times: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let library = Library::embedded(locale).expect("built-in content loads");
                let elapsed = start.elapsed();
                drop(library);
                elapsed
            })
            .collect();
        per_locale.push((locale, times));
    }
    let editions = editions();
    let app_new: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let app = App::new(editions.clone(), Route::HOME);
            let elapsed = start.elapsed();
            drop(app);
            elapsed
        })
        .collect();

    println!("| what | median | max |");
    println!("|---|---|---|");
    row(&format!("every locale ({})", LOCALES.join(" + ")), &[&all]);
    for (locale, times) in &per_locale {
        row(&format!("  {locale} alone"), &[times]);
    }
    row("locales_agree (en vs es)", &[&agree]);
    row(
        "App::new (the reader and the QR code of the clinic's address; quick jump's indexes are \
         built at the first search)",
        &[&app_new],
    );
    println!();

    println!(
        "once per run, before the first frame: finding the fonts the content needs and starting \
         iced's text system with them ({:?}), {} ms",
        font_system.fonts,
        ms(font_system.start)
    );
    println!(
        "what reading the installed fonts would add (fontdb, as iced's text system reads them): \
         {} ms for {} faces",
        ms(font_system.installed),
        font_system.installed_faces
    );
    println!();
}

/// The start of the text system, and what reading the installed fonts would cost instead.
struct TextSystemStart {
    fonts: needle_guide::fonts::Fonts,
    start: Duration,
    installed: Duration,
    installed_faces: usize,
}

fn text_system_start() -> TextSystemStart {
    let editions = editions();
    let start = Instant::now();
    let fonts = needle_guide::fonts::needed(editions.iter());
    needle_guide::fonts::start_text_system(&fonts);
    let start = start.elapsed();
    let installed = Instant::now();
    let mut database = iced::advanced::graphics::text::cosmic_text::fontdb::Database::new();
    database.load_system_fonts();
    TextSystemStart {
        fonts,
        start,
        installed: installed.elapsed(),
        installed_faces: database.len(),
    }
}

// ---------------------------------------------------------------------------------------------
// Pages

/// The routes measured: every page, then one condition.
fn routes() -> Vec<Route> {
    PageId::ALL
        .into_iter()
        .map(Route::Page)
        .chain([Route::Condition(CONDITION.into())])
        .collect()
}

fn editions() -> Arc<Vec<Library>> {
    Arc::new(
        LOCALES
            .iter()
            .map(|locale| Library::embedded(locale).unwrap())
            .collect(),
    )
}

fn settings(with_fonts: bool) -> iced::Settings {
    iced::Settings {
        // The fonts go into one global font system: loading them again for every simulator
        // would only pile up copies.
        fonts: if with_fonts {
            theme::FONT_FILES
                .iter()
                .map(|bytes| (*bytes).into())
                .collect()
        } else {
            Vec::new()
        },
        default_font: theme::FONT,
        ..iced::Settings::default()
    }
}

/// The screens the app is drawn for in `--screens`: the 1920×1080 of `--pages`, then bigger.
const SCREENS: [Size; 3] = [
    Size::new(1920.0, 1080.0),
    Size::new(2560.0, 1440.0),
    Size::new(3840.0, 2160.0),
];

/// Every page's frame as the app draws a window of each size of [`SCREENS`] (its layout enlarged
/// by `fit_scale`), in English: the median of `frames` frames after the first, against the goals
/// of 8, 16 and 33 ms.
fn screens(routes: &[Route], frames: usize) {
    let editions = editions();
    load_fonts();
    let mut window = Window::new();
    println!(
        "## Pages on bigger screens: median of {frames} frames, in ms, as the app draws the window"
    );
    println!();
    println!("| page | 1920×1080 | 2560×1440 | 3840×2160 |");
    println!("|---|---|---|---|");
    let mut worst = [Duration::ZERO; 3];
    for route in routes {
        let mut cells = Vec::new();
        for (index, screen) in SCREENS.iter().enumerate() {
            let mut app = App::new(editions.clone(), route.clone());
            let _ = app.update(Message::WindowResized(*screen));
            let (times, _, _) = window.app_frames(&app, *screen, frames);
            let median = median(&times);
            worst[index] = worst[index].max(median);
            cells.push(format!("{:.1}", median.as_secs_f64() * 1e3));
        }
        println!("| {route} | {} |", cells.join(" | "));
    }
    println!();
    println!(
        "slowest page, median: {:.1} ms at 1920×1080 (goal 8), {:.1} ms at 2560×1440 (goal 16), \
         {:.1} ms at 3840×2160 (goal 33)",
        worst[0].as_secs_f64() * 1e3,
        worst[1].as_secs_f64() * 1e3,
        worst[2].as_secs_f64() * 1e3
    );
}

/// The app in a window as the real one draws it: with damage (tests/support/window.rs).
#[path = "../tests/support/window.rs"]
#[allow(dead_code)] // the tests' comparing and pictures
mod real_window;

/// Every page scrolled down and back up with the wheel, `rounds` times, at 1920×1080 and
/// 3840×2160, each frame drawn as the window draws it: the interface built and drawn, the
/// changed region found as iced's compositor finds it, and only that region rasterised. The
/// guide repaints the whole window (src/widget/repaint.rs); "partial" is the region iced would
/// have repainted without that, for the cost it adds (it left stale pixels).
fn scroll(routes: &[Route], rounds: usize) {
    let editions = editions();
    println!(
        "## Scrolling: every page, the wheel 8 steps down and 8 back up, {rounds} times; each \
         frame as the window draws it, in ms (median / slowest)"
    );
    println!();
    println!("| page | 1920×1080 | partial | 3840×2160 | partial |");
    println!("|---|---|---|---|---|");
    let screens = [Size::new(1920.0, 1080.0), Size::new(3840.0, 2160.0)];
    let mut all: Vec<Vec<Duration>> = vec![Vec::new(); 4];
    for route in routes {
        let mut cells = Vec::new();
        for (index, screen) in screens.iter().enumerate() {
            for partial in [false, true] {
                let mut app = App::new(editions.clone(), route.clone());
                let _ = app.update(Message::WindowResized(*screen));
                let mut window = real_window::Window::timing();
                window.partial = partial;
                let _ = window.deliver(&mut app, []);
                let layout = app.window() * (1.0 / app.scale_factor());
                let centre = iced::Point::new(layout.width * 0.6, layout.height * 0.5);
                let _ = window.step(
                    &mut app,
                    &[Event::Mouse(mouse::Event::CursorMoved { position: centre })],
                );
                let mut times = Vec::new();
                for _ in 0..rounds {
                    for lines in [[-1.0; 8], [1.0; 8]].concat() {
                        let wheel = Event::Mouse(mouse::Event::WheelScrolled {
                            delta: mouse::ScrollDelta::Lines { x: 0.0, y: lines },
                        });
                        let _ = window.step(&mut app, &[wheel]);
                        times.push(window.took);
                    }
                }
                let slowest = times.iter().max().copied().unwrap_or_default();
                cells.push(format!("{} / {}", ms(median(&times)), ms(slowest)));
                all[index * 2 + usize::from(partial)].extend(times);
            }
        }
        println!("| {route} | {} |", cells.join(" | "));
    }
    let summary: Vec<String> = all
        .iter()
        .map(|times| {
            format!(
                "{} / {}",
                ms(median(times)),
                ms(times.iter().max().copied().unwrap_or_default())
            )
        })
        .collect();
    println!("| every page | {} |", summary.join(" | "));
    println!();
    println!(
        "median frame while scrolling: {} ms at 1920×1080 (goal ≤ 8), {} ms at 3840×2160 \
         (goal < 33); slowest frame {} ms and {} ms",
        ms(median(&all[0])),
        ms(median(&all[2])),
        ms(all[0].iter().max().copied().unwrap_or_default()),
        ms(all[2].iter().max().copied().unwrap_or_default()),
    );
}

fn pages(routes: &[Route], frames: usize) {
    let editions = editions();
    load_fonts();
    let mut window = Window::new();

    println!("## Pages: {frames} frames each at 1920×1080, median / max in ms");
    println!();
    println!("- view: `App::view`, building the widget tree (no layout)");
    println!(
        "- sim@2: `Simulator::with_size(1920×1080)` + `snapshot`, as the snapshot tests draw: a \
         fresh renderer, layout, draw, and rasterise at scale 2, i.e. 3840×2160 pixels (iced_test \
         fixes the scale at 2), copied out"
    );
    println!(
        "- window@1: as iced's tiny-skia window draws a frame: one long-lived renderer and pixel \
         buffer, layout (UserInterface::build, previous layout cache), draw, rasterise the whole \
         1920×1080 buffer at scale 1"
    );
    println!(
        "- window@1.35 (en, es): the same, as the app draws a real 1920×1080 window: it is told \
         the window size, so it lays out at 1422×800 and rasterises at its scale, 1.35; in \
         English, then in Spanish. Each has two columns: the first frame after switching to the \
         page (or to Spanish), when its words are not yet in the renderer's glyph cache, then the \
         median / max of the frames after it. The median is held against the 16 ms target; the \
         slowest first frame is printed at the end beside it"
    );
    println!("- of which raster: the rasterising part of window@1.35 (en), after the first");
    println!();
    println!(
        "| page | view | sim@2 (3840×2160) | window@1 | first (en) | window@1.35 (en) | first \
         (es) | window@1.35 (es) | of which raster |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");

    let mut worst_window = Duration::ZERO;
    let mut worst_first = Duration::ZERO;
    for route in routes {
        let app = App::new(editions.clone(), route.clone());
        let theme = app.theme();

        let view: Vec<Duration> = (0..frames.max(50))
            .map(|_| {
                let start = Instant::now();
                let element = app.view();
                let elapsed = start.elapsed();
                drop(element);
                elapsed
            })
            .collect();

        let sim: Vec<Duration> = (0..frames)
            .map(|_| {
                let start = Instant::now();
                let mut ui = Simulator::with_size(settings(false), SCREEN, app.view());
                let snapshot = ui.snapshot(&theme).expect("renders");
                let elapsed = start.elapsed();
                drop(snapshot);
                elapsed
            })
            .collect();

        let (unscaled, _, _) = window.frames(|| app.view(), &theme, SCREEN, 1.0, frames);

        let mut english = app.clone();
        let _ = english.update(Message::WindowResized(SCREEN));
        let mut spanish = english.clone();
        let _ = spanish.update(needle_guide::screen::Shared::SwitchLanguage.into());
        let (en, raster, en_first) = window.app_frames(&english, SCREEN, frames);
        let (es, _, es_first) = window.app_frames(&spanish, SCREEN, frames);

        worst_window = worst_window.max(median(&en)).max(median(&es));
        worst_first = worst_first.max(en_first).max(es_first);
        row(
            &route.to_string(),
            &[
                &view,
                &sim,
                &unscaled,
                &[en_first],
                &en,
                &[es_first],
                &es,
                &raster,
            ],
        );
    }

    // The floor: an empty window, so what every frame costs whatever is on it (filling the
    // background of 1920×1080 pixels).
    let theme = Palette::STANDARD.theme();
    let empty = || Element::from(iced::widget::Column::new());
    let (unscaled, _, _) = window.frames(empty, &theme, SCREEN, 1.0, frames);
    let logical = Size::new(SCREEN.width / 1.35, SCREEN.height / 1.35);
    let (scaled, raster, _) = window.frames(empty, &theme, logical, 1.35, frames);
    row(
        "(empty window: the floor)",
        &[&[], &[], &unscaled, &[], &scaled, &[], &[], &raster],
    );

    println!();
    println!(
        "slowest page, median: window@1.35 {} ms (held against the target: < 16 ms at \
         1920×1080); slowest first frame after a switch: {} ms",
        ms(worst_window),
        ms(worst_first),
    );
}

/// What a window keeps from frame to frame, as iced's tiny-skia compositor keeps it: the
/// renderer (with its glyph and SVG caches), the layout cache, and the pixel buffer and clip
/// mask it draws into.
struct Window {
    renderer: Renderer,
    cache: Option<Cache>,
    size: iced::Size<u32>,
    pixels: Vec<u32>,
    mask: tiny_skia::Mask,
}

impl Window {
    fn new() -> Window {
        Window {
            renderer: new_renderer(),
            cache: Some(Cache::default()),
            size: iced::Size::new(1, 1),
            pixels: vec![0],
            mask: tiny_skia::Mask::new(1, 1).expect("a 1×1 mask"),
        }
    }

    /// The first frame of what `view` gives, then `frames` more. Returns the whole frames after
    /// the first and their rasterising part, and the first frame on its own: drawn just after a
    /// switch, it lays out and shapes text the caches do not hold yet.
    fn frames<'a>(
        &mut self,
        view: impl Fn() -> Element<'a, Message>,
        theme: &Theme,
        logical: Size,
        scale: f32,
        frames: usize,
    ) -> (Vec<Duration>, Vec<Duration>, Duration) {
        let (first, _) = self.frame(view(), theme, logical, scale);
        let mut whole = Vec::new();
        let mut raster = Vec::new();
        for _ in 0..frames {
            let (all, rasterising) = self.frame(view(), theme, logical, scale);
            whole.push(all);
            raster.push(rasterising);
        }
        (whole, raster, first)
    }

    /// [`Window::frames`] of `app` as it draws a window of `screen` pixels, already told that
    /// size: it lays out at the screen divided by its scale and rasterises at that scale.
    fn app_frames(
        &mut self,
        app: &App,
        screen: Size,
        frames: usize,
    ) -> (Vec<Duration>, Vec<Duration>, Duration) {
        let scale = app.scale_factor();
        let logical = Size::new(screen.width / scale, screen.height / scale);
        self.frames(|| app.view(), &app.theme(), logical, scale, frames)
    }

    /// One frame: lay out `element` at `logical` size, let it see a redraw request, draw it, then
    /// rasterise the whole window at `scale`. Returns how long it all took and how long the
    /// rasterising took.
    fn frame(
        &mut self,
        element: Element<'_, Message>,
        theme: &Theme,
        logical: Size,
        scale: f32,
    ) -> (Duration, Duration) {
        let physical = iced::Size::new(
            (logical.width * scale).round() as u32,
            (logical.height * scale).round() as u32,
        );
        // A resized window gets a new buffer, as the compositor's surface does.
        if physical != self.size {
            self.size = physical;
            self.pixels = vec![0; physical.width as usize * physical.height as usize];
            self.mask = tiny_skia::Mask::new(physical.width, physical.height).expect("a mask");
        }
        let base = theme.base();
        let renderer = &mut self.renderer;
        let mut messages: Vec<Message> = Vec::new();
        let start = Instant::now();
        let cache = self.cache.take().unwrap_or_default();
        let mut ui = UserInterface::build(element, logical, cache, renderer);
        let _ = ui.update(
            &[Event::Window(window::Event::RedrawRequested(
                iced_test::core::time::Instant::now(),
            ))],
            mouse::Cursor::Unavailable,
            renderer,
            &mut clipboard::Null,
            &mut messages,
        );
        ui.draw(
            renderer,
            theme,
            &Style {
                text_color: base.text_color,
            },
            mouse::Cursor::Unavailable,
        );
        self.cache = Some(ui.into_cache());
        let drawn = Instant::now();
        let mut pixels = tiny_skia::PixmapMut::from_bytes(
            bytemuck::cast_slice_mut(&mut self.pixels),
            physical.width,
            physical.height,
        )
        .expect("a pixel buffer of the window's size");
        // The whole window is damaged, as on the first frame of a page: every pixel is drawn.
        renderer.draw(
            &mut pixels,
            &mut self.mask,
            &Viewport::with_physical_size(physical, scale),
            &[Rectangle::with_size(logical)],
            base.background_color,
        );
        let end = Instant::now();
        std::hint::black_box(&self.pixels);
        (end - start, end - drawn)
    }
}

// ---------------------------------------------------------------------------------------------
// Soak

/// Drives `messages` messages through the app and reports how its memory grew. With `frames`, a
/// renderer draws the app every 1000 messages, at the window size last sent, as a window would.
///
/// Memory is taken twice as "before": on a fresh app after its first view (cold), and after a
/// warm-up of `messages / 10` messages from the same mix (warm). Cold to end includes the
/// allocator settling into its working set, which happens once per process; warm to end is the
/// steady state of a kiosk that has been in use for a while, and is where a leak would show.
fn soak(messages: usize, frames: bool) {
    if frames {
        println!(
            "## Memory soak with frames: {messages} messages through App::update, and every 1000 \
             a frame drawn in software at the current window size"
        );
    } else {
        println!("## Memory soak: {messages} messages through App::update, App::view every 1000");
    }
    let editions = editions();
    let mut window = frames.then(|| {
        load_fonts();
        Window::new()
    });
    let mut app = App::new(editions.clone(), Route::HOME);
    let mut mix = seeded::MessageMix::new(&editions[0], 0x5eed_cafe_f00d_0001);
    // One view first, so whatever the first view sets up once is not counted as growth.
    drop(app.view());
    let cold = (kib("VmRSS"), heap::live());
    let warm_up = messages / 10;
    let total = warm_up + messages;
    let mut warm = cold;
    let mut checkpoints = Vec::new();
    let mut start = Instant::now();
    for step in 1..=total {
        let message = mix.next(&app);
        let _ = app.update(message);
        if step % 1000 == 0 {
            if let Some(window) = &mut window {
                let logical = mix.logical_window(&app);
                let _ = window.frame(app.view(), &app.theme(), logical, app.scale_factor());
            } else {
                let element = app.view();
                std::hint::black_box(&element);
                drop(element);
            }
        }
        if step == warm_up {
            warm = (kib("VmRSS"), heap::live());
            start = Instant::now();
        }
        if step > warm_up && (step - warm_up).is_multiple_of(messages / 10) {
            checkpoints.push((step - warm_up, kib("VmRSS"), heap::live()));
        }
    }
    let elapsed = start.elapsed();
    let end = (kib("VmRSS"), heap::live());
    let percent = |from: u64, to: u64| (to as f64 - from as f64) / from as f64 * 100.0;
    println!(
        "{messages} messages after a warm-up of {warm_up}, with {} {}, in {:.1} s ({:.2} µs a \
         message on average)",
        messages / 1000,
        if frames { "frames" } else { "views" },
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / messages as f64
    );
    let note = if frames {
        " (mostly the renderer's glyph cache, which trims itself every 300 frames)"
    } else {
        " (target < 5%)"
    };
    println!(
        "VmRSS: cold {} kB, warm {} kB, after {messages} more messages {} kB: growth from warm \
         {:+.2}%{note}; from cold {:+.2}%",
        cold.0,
        warm.0,
        end.0,
        percent(warm.0, end.0),
        percent(cold.0, end.0),
    );
    println!(
        "live heap (bytes allocated and not freed): cold {}, warm {}, at the end {} ({:+} bytes \
         from warm)",
        cold.1,
        warm.1,
        end.1,
        end.1 - warm.1
    );
    let trend: Vec<String> = checkpoints
        .iter()
        .map(|(step, rss, live)| format!("{}k: {rss} / {}", step / 1000, live / 1024))
        .collect();
    println!(
        "VmRSS / live heap (kB) every {}k messages after the warm-up: {}",
        messages / 10_000,
        trend.join(", ")
    );
    println!(
        "final route {}, text scale {}",
        app.route(),
        app.text_scale()
    );
    println!();
}

/// Counts the bytes allocated and not yet freed, to tell a leak from the allocator keeping
/// freed memory for reuse (which VmRSS cannot tell apart). Only the soak process counts
/// ([`count`], at its start); elsewhere each allocation costs one relaxed load more.
mod heap {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};

    static LIVE: AtomicIsize = AtomicIsize::new(0);
    static ON: AtomicBool = AtomicBool::new(false);

    /// Counts from now on.
    pub fn count() {
        ON.store(true, Ordering::Relaxed);
    }

    fn add(bytes: isize) {
        if ON.load(Ordering::Relaxed) {
            LIVE.fetch_add(bytes, Ordering::Relaxed);
        }
    }

    struct Counting;

    // SAFETY: every call goes straight to the system allocator; only a counter is added.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            add(layout.size() as isize);
            // SAFETY: the caller's contract for `alloc` is passed on unchanged.
            unsafe { System.alloc(layout) }
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            add(layout.size() as isize);
            // SAFETY: as for `alloc`.
            unsafe { System.alloc_zeroed(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            add(-(layout.size() as isize));
            // SAFETY: `ptr` came from this allocator with `layout`.
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            add(new_size as isize - layout.size() as isize);
            // SAFETY: as for `dealloc` and `alloc`.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    pub fn live() -> isize {
        LIVE.load(Ordering::Relaxed)
    }
}

// The message mix of `tests/endurance.rs`, so the soak and the endurance test drive the app alike.
#[path = "../tests/support/seeded.rs"]
#[allow(dead_code)] // the bench uses the mix, not every helper of the generator
mod seeded;

// ---------------------------------------------------------------------------------------------
// Helpers

/// A field of /proc/self/status, in kB.
fn kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| {
            let rest = line.strip_prefix(field)?.strip_prefix(':')?;
            rest.trim().trim_end_matches("kB").trim().parse().ok()
        })
        .unwrap_or(0)
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

fn ms(duration: Duration) -> String {
    let ms = duration.as_secs_f64() * 1000.0;
    if ms < 1.0 {
        format!("{ms:.3}")
    } else if ms < 10.0 {
        format!("{ms:.2}")
    } else {
        format!("{ms:.1}")
    }
}

/// A table row: the name, then median / max of each set of times (or the one time), in ms.
fn row(name: &str, sets: &[&[Duration]]) {
    let cells: Vec<String> = sets
        .iter()
        .map(|times| match times {
            [] => "–".to_owned(),
            [one] => ms(*one),
            _ => format!(
                "{} / {}",
                ms(median(times)),
                ms(*times.iter().max().unwrap())
            ),
        })
        .collect();
    println!("| {name} | {} |", cells.join(" | "));
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("model name").map(str::to_owned))
        })
        .map(|line| line.trim_start_matches([' ', '\t', ':']).to_owned())
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpu}, {cores} cores, no GPU (tiny-skia renders on the CPU)")
}

/// Loads the app's fonts into the global font system, once, as the app does at start-up.
fn load_fonts() {
    static LOADED: std::sync::Once = std::sync::Once::new();
    LOADED.call_once(|| {
        let app = App::new(editions(), Route::HOME);
        let mut ui = Simulator::with_size(settings(true), SCREEN, app.view());
        let _ = ui.snapshot(&app.theme()).expect("renders");
    });
}

/// The software renderer a window would have, with the app's font.
fn new_renderer() -> Renderer {
    let future = <Renderer as Headless>::new(
        theme::FONT,
        iced::Settings::default().default_text_size,
        Some("tiny-skia"),
    );
    // The constructor never waits on anything.
    iced_test::futures::futures::executor::block_on(future).expect("the tiny-skia renderer starts")
}

/// Read-aloud, with the machine's own speech program.
mod speech {
    use std::io::Read;
    use std::process::{Command, Stdio};
    use std::sync::Arc;
    use std::time::Instant;

    use needle_guide::app::{App, Message, Speech};
    use needle_guide::route::{PageId, Route};
    use needle_guide::speech::{Program, ProgramVoice, Speaking, SpeechError, Voice};

    pub fn all() {
        let Some((program, path)) = Program::find() else {
            println!(
                "read-aloud: no speech program on PATH (apt install espeak-ng); nothing to measure"
            );
            return;
        };
        println!("read-aloud with {} ({})", program.name(), path.display());
        let voice: Arc<dyn Voice> = Arc::new(ProgramVoice {
            program,
            path: path.clone(),
        });
        let editions = super::editions();

        // 1. From the press of Read aloud to the program running, through App::update.
        let mut times = Vec::new();
        for _ in 0..20 {
            let mut app = App::new(editions.clone(), Route::Page(PageId::WARNING_SIGNS))
                .with_voice(Some(voice.clone()));
            let start = Instant::now();
            let _ = app.update(Message::Speech(Speech::From(0)));
            times.push(start.elapsed());
            assert!(app.reading().is_some(), "the speech program did not start");
            let _ = app.update(Message::Speech(Speech::Stop));
        }
        println!(
            "press to speech program started: median {:.2} ms (of 20; slowest {:.2} ms)",
            super::median(&times).as_secs_f64() * 1e3,
            times.iter().max().unwrap().as_secs_f64() * 1e3
        );

        // 2. From the start of the program to its first sound (espeak-ng writes it to stdout).
        if program == Program::EspeakNg {
            let library = &editions[0];
            let passage = needle_guide::document::Document::for_route(
                library,
                &Route::Page(PageId::WARNING_SIGNS),
            )
            .unwrap()
            .passages()[0]
                .clone();
            let mut firsts = Vec::new();
            for _ in 0..10 {
                let start = Instant::now();
                let mut child = Command::new(&path)
                    .args(["-v", "en", "--stdout", "--", &passage])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                let mut byte = [0u8; 1];
                child
                    .stdout
                    .as_mut()
                    .unwrap()
                    .read_exact(&mut byte)
                    .unwrap();
                firsts.push(start.elapsed());
                let _ = child.kill();
                let _ = child.wait();
            }
            println!(
                "program start to its first sound: median {:.1} ms (of 10)",
                super::median(&firsts).as_secs_f64() * 1e3
            );
        }

        // 3. The app's CPU while a passage is said: a 5-second stand-in program, watched.
        struct Sleeper;
        impl Voice for Sleeper {
            fn say(&self, _: &str, _: &str) -> Result<Speaking, SpeechError> {
                let child = Command::new("sleep").arg("5").spawn().unwrap();
                Ok(Speaking::running("sleep", child))
            }
        }
        let cpu_before = cpu_seconds();
        let start = Instant::now();
        let speaking = Sleeper.say("", "en").unwrap();
        let _ = iced::futures::executor::block_on(speaking.finished());
        let wall = start.elapsed().as_secs_f64();
        let cpu = cpu_seconds() - cpu_before;
        println!(
            "the app while a passage is said: {:.3} s of CPU over {wall:.1} s ({:.2}% of one core)",
            cpu,
            100.0 * cpu / wall
        );

        // 4. Memory over a soak: 100 pages read aloud to the end (a voice that is done at once).
        struct Done;
        impl Voice for Done {
            fn say(&self, _: &str, _: &str) -> Result<Speaking, SpeechError> {
                Ok(Speaking::done())
            }
        }
        let mut app = App::new(editions.clone(), Route::HOME).with_voice(Some(Arc::new(Done)));
        let pages: Vec<Route> = PageId::ALL.iter().map(|page| Route::Page(*page)).collect();
        let mut passages = 0;
        let mut read_page = |app: &mut App, route: &Route| {
            let _ = app.update(needle_guide::screen::reader::Message::Open(route.clone()).into());
            let _ = app.update(Message::Speech(Speech::From(0)));
            while let Some(reading) = app.reading() {
                let run = reading.run;
                let _ = app.update(Message::Speech(Speech::Said {
                    run,
                    result: Ok(()),
                }));
                passages += 1;
            }
        };
        for route in pages.iter().cycle().take(20) {
            read_page(&mut app, route);
        }
        let warm = super::kib("VmRSS");
        let start = Instant::now();
        for route in pages.iter().cycle().take(100) {
            read_page(&mut app, route);
        }
        let end = super::kib("VmRSS");
        println!(
            "100 pages read aloud ({passages} passages in all, {:.1} s): VmRSS {warm} kB after 20 pages, \
             {end} kB after 100 more ({:+.2}%)",
            start.elapsed().as_secs_f64(),
            100.0 * (end as f64 - warm as f64) / warm as f64
        );
    }

    /// This process's CPU time so far (user and system), from /proc.
    fn cpu_seconds() -> f64 {
        let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
        let after = stat.rsplit(')').next().unwrap_or("");
        let fields: Vec<&str> = after.split_whitespace().collect();
        let ticks: f64 = fields
            .get(11..13)
            .map(|both| both.iter().filter_map(|f| f.parse::<f64>().ok()).sum())
            .unwrap_or(0.0);
        ticks / 100.0
    }
}

// ---------------------------------------------------------------------------------------------
// Insights

/// How long adding one visit's counts takes, as the kiosk does at a reset (in a task, off the
/// window's thread): opening the file and one transaction, `runs` times into a fresh file in the
/// system's temporary folder, and the file's size after.
fn insights(runs: usize) {
    use needle_guide::insights::{Answer, IsoWeek, Mode, Store, Visit};
    let folder = std::env::temp_dir().join(format!("needle-guide-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    let file = folder.join("insights.sqlite");
    let visit = Visit {
        reached_check: true,
        answers: (0..6)
            .map(|question| (format!("question-{question}"), Answer::ALL[question % 3]))
            .collect(),
        pages: (0..12).map(|page| format!("page-{page}")).collect(),
        ticked: (0..3).map(|topic| format!("topic-{topic}")).collect(),
    };
    let week = IsoWeek::now();
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        Store::open(&file)
            .and_then(|mut store| store.record(week, Mode::Kiosk, &visit))
            .expect("the counts are written");
        times.push(start.elapsed());
    }
    let bytes = std::fs::metadata(&file).map_or(0, |metadata| metadata.len());
    println!("## Insights: one visit added to the week's counts, {runs} runs");
    println!();
    println!("| what | median | max |");
    println!("|---|---|---|");
    println!(
        "| open the file, one transaction (6 answers, 12 pages, 3 questions), close | {} | {} |",
        ms(median(&times)),
        ms(*times.iter().max().expect("runs"))
    );
    println!();
    println!("the file after {runs} visits in one week: {bytes} bytes");
    let _ = std::fs::remove_dir_all(&folder);
}
