//! The rare-risk scale: every side effect on one honest log scale, from "every time" to 1 in a
//! million, so a reader sees how far apart common and rare ones are. No magnifier, no inset:
//! each step to the right is ten times rarer, and every row shares the same axis.

use iced::widget::canvas::{self, Frame, Path, Stroke};
use iced::widget::{Column, column, text};
use iced::{Color, Element, Fill, Point, Size};

use crate::app::Message;
use crate::content::model::Rate;
use crate::content::rate::PER;
use crate::theme::{FONT, Palette, metrics, size};
use crate::widget::paint::{self, Paint};

/// Where a rate sits, as "1 in n" values: from its most common end to its rarest.
/// `open` means it may be rarer still ("fewer than ...").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub common: f64,
    pub rare: f64,
    pub open: bool,
}

pub fn span(rate: Rate) -> Span {
    let per = f64::from(PER);
    let one_in = |count: u32| per / f64::from(count.max(1));
    match rate {
        Rate::Range { low, high, .. } => Span {
            common: one_in(high),
            rare: one_in(low),
            open: low == 0,
        },
        Rate::FewerThan { value, .. } => Span {
            common: one_in(value),
            rare: one_in(value),
            open: true,
        },
        Rate::OneIn { n, .. } => Span {
            common: f64::from(n),
            rare: f64::from(n),
            open: false,
        },
        Rate::FewerThanOneIn { n, .. } => Span {
            common: f64::from(n),
            rare: f64::from(n),
            open: true,
        },
    }
}

/// Where "1 in `n`" falls across an axis that ends at "1 in `last`": 0 at "every time", 1 at the end.
pub fn position(n: f64, last: f64) -> f32 {
    if n <= 1.0 || last <= 1.0 {
        return 0.0;
    }
    ((n.log10() / last.log10()) as f32).clamp(0.0, 1.0)
}

/// One row of the scale: a side effect's name, its rate in words, and the rate itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub words: String,
    pub rate: Rate,
}

/// The chart: a row per side effect, then the axis with its labels.
pub fn view<'a>(
    rows: Vec<Row>,
    ticks: Vec<(u32, String)>,
    palette: &Palette,
) -> Element<'a, Message> {
    let last = ticks.iter().map(|(n, _)| f64::from(*n)).fold(1.0, f64::max);
    let tick_values: Vec<u32> = ticks.iter().map(|(n, _)| *n).collect();
    let bar_height = size::BODY * 1.6;
    let rows = rows.into_iter().map(|row| {
        column![
            text(format!("{}: {}", row.name, row.words)).size(size::BODY),
            paint::canvas(Bar {
                span: Some(span(row.rate)),
                ticks: tick_values.clone(),
                last,
                palette: *palette
            })
            .width(Fill)
            .height(bar_height),
        ]
        .spacing(metrics::XS)
        .into()
    });
    let axis = paint::canvas(Axis {
        ticks,
        last,
        palette: *palette,
    })
    .width(Fill)
    .height(size::BODY * 2.8);
    Column::with_children(rows)
        .push(axis)
        .spacing(metrics::S)
        .into()
}

/// Side room at each end, so the first and last labels fit.
fn inset(width: f32) -> f32 {
    (width * 0.09).max(size::BODY * 3.5)
}

fn x_of(n: f64, last: f64, width: f32) -> f32 {
    let inset = inset(width);
    inset + position(n, last) * (width - 2.0 * inset)
}

/// One side effect's place on the scale, over faint lines at each tick.
struct Bar {
    span: Option<Span>,
    ticks: Vec<u32>,
    last: f64,
    palette: Palette,
}

impl Paint for Bar {
    fn paint(&self, frame: &mut Frame, bounds: Size) {
        let (width, middle) = (bounds.width, bounds.height / 2.0);
        let palette = self.palette;
        let line = |frame: &mut Frame, from: Point, to: Point, colour: Color, thickness: f32| {
            frame.stroke(
                &Path::line(from, to),
                Stroke::default().with_color(colour).with_width(thickness),
            );
        };
        for tick in &self.ticks {
            let x = x_of(f64::from(*tick), self.last, width);
            line(
                frame,
                Point::new(x, 0.0),
                Point::new(x, bounds.height),
                palette.border,
                1.0,
            );
        }
        line(
            frame,
            Point::new(inset(width), middle),
            Point::new(width - inset(width), middle),
            palette.border,
            2.0,
        );

        if let Some(span) = self.span {
            let radius = bounds.height * 0.28;
            let (from, to) = (
                x_of(span.common, self.last, width),
                x_of(span.rare, self.last, width),
            );
            if span.open {
                // "Fewer than": the true value is somewhere rarer, so point the way.
                let end = width - inset(width);
                line(
                    frame,
                    Point::new(to, middle),
                    Point::new(end, middle),
                    palette.primary,
                    3.0,
                );
                let head = Path::new(|path| {
                    path.move_to(Point::new(end + radius, middle));
                    path.line_to(Point::new(end - radius * 0.4, middle - radius));
                    path.line_to(Point::new(end - radius * 0.4, middle + radius));
                    path.close();
                });
                frame.fill(&head, palette.primary);
            }
            let marker = Path::rounded_rectangle(
                Point::new(from - radius, middle - radius),
                Size::new(to - from + 2.0 * radius, 2.0 * radius),
                radius.into(),
            );
            frame.fill(&marker, palette.primary);
        }
    }
}

/// The labels under the scale.
struct Axis {
    ticks: Vec<(u32, String)>,
    last: f64,
    palette: Palette,
}

impl Paint for Axis {
    fn paint(&self, frame: &mut Frame, bounds: Size) {
        for (index, (tick, label)) in self.ticks.iter().enumerate() {
            // Alternate two lines, so long labels never run into each other.
            let y = if index % 2 == 0 {
                0.0
            } else {
                bounds.height / 2.0
            };
            frame.fill_text(canvas::Text {
                content: label.clone(),
                position: Point::new(x_of(f64::from(*tick), self.last, bounds.width), y),
                color: self.palette.muted,
                size: size::BODY.into(),
                font: FONT,
                align_x: iced::alignment::Horizontal::Center.into(),
                ..canvas::Text::default()
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Denominator::{Treatments, Unstated};

    #[test]
    fn ranges_and_bounds_become_one_in_n() {
        let pain = span(Rate::Range {
            low: 60,
            high: 70,
            of: Treatments,
        });
        assert!(
            (pain.common - 100.0 / 70.0).abs() < 1e-9 && (pain.rare - 100.0 / 60.0).abs() < 1e-9
        );
        assert!(!pain.open);
        let worse = span(Rate::FewerThan {
            value: 3,
            of: Treatments,
        });
        assert!((worse.common - 100.0 / 3.0).abs() < 1e-9 && worse.open);
        let serious = span(Rate::FewerThanOneIn {
            n: 10_000,
            of: Treatments,
        });
        assert_eq!((serious.common, serious.open), (10_000.0, true));
        let organ = span(Rate::OneIn {
            n: 200_000,
            of: Unstated,
        });
        assert_eq!(
            (organ.common, organ.rare, organ.open),
            (200_000.0, 200_000.0, false)
        );
    }

    #[test]
    fn the_axis_is_logarithmic_and_honest() {
        let last = 1_000_000.0;
        assert_eq!(position(1.0, last), 0.0);
        assert!((position(10.0, last) - 1.0 / 6.0).abs() < 1e-6);
        assert!((position(10_000.0, last) - 4.0 / 6.0).abs() < 1e-6);
        assert_eq!(position(last, last), 1.0);
        // 1 in 200,000 is 20 times rarer than 1 in 10,000: it sits log10(20) of a step further right.
        let step = position(10.0, last);
        let gap = position(200_000.0, last) - position(10_000.0, last);
        assert!((gap - step * 20f32.log10()).abs() < 1e-5);
        assert_eq!(
            position(5_000_000.0, last),
            1.0,
            "rarer than the axis stays on it"
        );
    }
}
