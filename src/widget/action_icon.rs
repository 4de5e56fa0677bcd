//! The picture beside each step of "what to do" (`symbol` in the core crate says which is which),
//! painted on a canvas in the theme's colours.

use iced::widget::canvas::{Frame, LineCap, LineJoin, Path, Stroke};
use iced::{Element, Point, Size, Vector};

use crate::content::model::Level;
use crate::symbol::{self, Mark};
use crate::theme::Palette;
use crate::widget::paint::{self, Paint};

/// The picture for `level`, `size` pixels square.
pub fn view<'a, Message: 'a>(level: Level, size: f32) -> Element<'a, Message> {
    paint::canvas(Symbol(level)).width(size).height(size).into()
}

struct Symbol(Level);

impl<Message> Paint<Message> for Symbol {
    fn paint(&self, frame: &mut Frame, size: Size, palette: &Palette) {
        let symbol = symbol::for_level(self.0);
        let side = size.width.min(size.height);
        let centre = Point::new(size.width / 2.0, size.height / 2.0);
        let ink = palette.tone(symbol.ink);
        frame.fill(&Path::circle(centre, side / 2.0), palette.tone(symbol.disc));
        let unit = side / symbol::UNITS;
        let at = |(x, y): (f32, f32)| centre + Vector::new(x * unit, y * unit);
        let line = |width: f32| {
            Stroke::default()
                .with_color(ink)
                .with_width(width * unit)
                .with_line_cap(LineCap::Round)
                .with_line_join(LineJoin::Round)
        };
        for mark in symbol.marks {
            match *mark {
                Mark::Lines { points, width } => {
                    let path = Path::new(|path| {
                        if let Some((&first, rest)) = points.split_first() {
                            path.move_to(at(first));
                            rest.iter().for_each(|&point| path.line_to(at(point)));
                        }
                    });
                    frame.stroke(&path, line(width));
                }
                Mark::Curve {
                    from,
                    control,
                    to,
                    width,
                } => {
                    let path = Path::new(|path| {
                        path.move_to(at(from));
                        path.quadratic_curve_to(at(control), at(to));
                    });
                    frame.stroke(&path, line(width));
                }
                Mark::Dot { centre, radius } => {
                    frame.fill(&Path::circle(at(centre), radius * unit), ink);
                }
            }
        }
    }
}
