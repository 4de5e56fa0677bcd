//! A few lines that show iced 0.14's software renderer leaving stale pixels, for a report to iced
//! and to check a future iced against. See src/widget/repaint.rs for the causes.
//!
//! ```text
//! Xvfb :9 -screen 0 800x600x24 &
//! DISPLAY=:9 cargo run --release --example stale_pixels &
//! DISPLAY=:9 xdotool mousemove 300 300 click 5 click 5 click 5 click 4 click 4 click 4
//! DISPLAY=:9 import -window root after.png      # compare with a screenshot taken first
//! ```
//!
//! Scrolled down and back up, the window should look as it did; it does not. The first line of
//! text is not painted in again (its region is placed with the canvas's translation), the
//! centred caption under the circle loses letters and leaves copies where it scrolled from, and
//! pieces of the thick circle stay behind. With `--whole` the window is repainted whole each
//! frame, as the guide does, and nothing stays behind: 1,768 pixels differed without it, 0 with
//! it, under Xvfb at 800×600.

use iced::widget::canvas::{self, Frame, Path, Stroke};
use iced::widget::{Space, column, scrollable, text};
use iced::{Color, Element, Fill, Point, Rectangle, Renderer, Theme, mouse};
use needle_guide::widget::repaint;

fn main() -> iced::Result {
    let whole = std::env::args().any(|arg| arg == "--whole");
    let mut app = iced::application(move || whole, update, view)
        .window_size((800.0, 600.0))
        .default_font(needle_guide::theme::FONT);
    for font in needle_guide::theme::FONT_FILES {
        app = app.font(font);
    }
    app.run()
}

fn update(_: &mut bool, _: ()) {}

fn view(whole: &bool) -> Element<'_, ()> {
    let page = scrollable(
        column![
            text("Scroll down and back up."),
            iced::widget::canvas(Picture).width(Fill).height(300),
            Space::new().height(900),
        ]
        .padding(20),
    );
    if *whole {
        repaint::whole(page).into()
    } else {
        page.into()
    }
}

/// A thick circle and a centred caption under it.
struct Picture;

impl canvas::Program<()> for Picture {
    type State = ();

    fn draw(
        &self,
        _: &(),
        renderer: &Renderer,
        _: &Theme,
        bounds: Rectangle,
        _: mouse::Cursor,
    ) -> Vec<canvas::Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        let centre = Point::new(bounds.width / 2.0, 120.0);
        frame.stroke(
            &Path::circle(centre, 80.0),
            Stroke::default().with_width(12.0).with_color(Color::BLACK),
        );
        frame.fill_text(canvas::Text {
            content: "A centred caption".into(),
            position: Point::new(centre.x, 230.0),
            size: 28.into(),
            align_x: iced::widget::text::Alignment::Center,
            ..canvas::Text::default()
        });
        vec![frame.into_geometry()]
    }
}
