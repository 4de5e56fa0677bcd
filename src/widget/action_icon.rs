//! The picture beside each step of "what to do": a tick for "this is normal", a telephone for
//! "call your clinic", a hospital's cross for "go to an emergency room now", and an exclamation
//! mark for "call the emergency number now". Each is drawn in a filled circle, so they differ in
//! shape as well as colour.

use iced::widget::canvas::{Frame, Path, Stroke};
use iced::{Element, Point, Size, Vector};

use crate::content::model::Level;
use crate::theme::Palette;
use crate::widget::paint::{self, Paint};

/// The picture for `level`, `size` pixels square.
pub fn view<'a, Message: 'a>(level: Level, size: f32) -> Element<'a, Message> {
    paint::canvas(Symbol(level)).width(size).height(size).into()
}

struct Symbol(Level);

impl<Message> Paint<Message> for Symbol {
    fn paint(&self, frame: &mut Frame, size: Size, palette: &Palette) {
        let side = size.width.min(size.height);
        let centre = Point::new(size.width / 2.0, size.height / 2.0);
        let (disc, ink) = match self.0 {
            Level::Normal => (palette.primary_soft, palette.primary),
            Level::CallClinic => (palette.primary, palette.on_primary),
            Level::EmergencyRoom | Level::Emergency => (palette.urgent, palette.on_urgent),
        };
        frame.fill(&Path::circle(centre, side / 2.0), disc);
        let unit = side / 48.0;
        let at = |x: f32, y: f32| centre + Vector::new(x * unit, y * unit);
        let line = Stroke::default()
            .with_color(ink)
            .with_width(4.0 * unit)
            .with_line_cap(iced::widget::canvas::LineCap::Round)
            .with_line_join(iced::widget::canvas::LineJoin::Round);
        match self.0 {
            Level::Normal => {
                let tick = Path::new(|path| {
                    path.move_to(at(-10.0, 1.0));
                    path.line_to(at(-3.0, 8.0));
                    path.line_to(at(11.0, -8.0));
                });
                frame.stroke(&tick, line);
            }
            Level::CallClinic => {
                // A handset: two ear pieces joined by a curved grip.
                let handset = Path::new(|path| {
                    path.move_to(at(-11.0, -9.0));
                    path.quadratic_curve_to(at(-12.0, 10.0), at(9.0, 12.0));
                });
                frame.stroke(&handset, line.with_width(5.0 * unit));
                for (x, y) in [(-12.0, -10.0), (10.0, 12.0)] {
                    frame.fill(&Path::circle(at(x, y), 4.5 * unit), ink);
                }
            }
            Level::EmergencyRoom => {
                let cross = Path::new(|path| {
                    path.move_to(at(0.0, -12.0));
                    path.line_to(at(0.0, 12.0));
                    path.move_to(at(-12.0, 0.0));
                    path.line_to(at(12.0, 0.0));
                });
                frame.stroke(&cross, line.with_width(7.0 * unit));
            }
            Level::Emergency => {
                let bar = Path::line(at(0.0, -12.0), at(0.0, 4.0));
                frame.stroke(&bar, line.with_width(5.0 * unit));
                frame.fill(&Path::circle(at(0.0, 12.0), 3.2 * unit), ink);
            }
        }
    }
}
