//! The rare-risk scale: every side effect on one honest log scale, from "every time" to 1 in a
//! million, so a reader sees how far apart common and rare ones are. No magnifier, no inset:
//! each step to the right is ten times rarer, and every row shares the same axis.

use iced::widget::canvas::{self, Frame, Path, Stroke};
use iced::widget::{Column, column, text};
use iced::{Color, Element, Fill, Point, Size};

use crate::content::chart::{ScaleRow, ScaleSpan, position, scale_span};
use crate::theme::{FONT, Palette, metrics, size};
use crate::widget::paint::{self, Paint};

/// The chart: a row per side effect, then the axis with its labels.
pub fn view<'a, Message: 'a>(
    rows: Vec<ScaleRow>,
    ticks: Vec<(u32, String)>,
) -> Element<'a, Message> {
    let last = ticks.iter().map(|(n, _)| f64::from(*n)).fold(1.0, f64::max);
    let tick_values: Vec<u32> = ticks.iter().map(|(n, _)| *n).collect();
    let bar_height = size::BODY * 1.6;
    let rows = rows.into_iter().map(|row| {
        column![
            text(format!("{}: {}", row.name, row.words)).size(size::BODY),
            paint::canvas(Bar {
                span: Some(scale_span(row.rate)),
                ticks: tick_values.clone(),
                last,
            })
            .width(Fill)
            .height(bar_height),
        ]
        .spacing(metrics::XS)
        .into()
    });
    let axis = paint::canvas(Axis { ticks, last })
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
    span: Option<ScaleSpan>,
    ticks: Vec<u32>,
    last: f64,
}

impl<Message> Paint<Message> for Bar {
    fn paint(&self, frame: &mut Frame, bounds: Size, palette: &Palette) {
        let (width, middle) = (bounds.width, bounds.height / 2.0);
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
}

impl<Message> Paint<Message> for Axis {
    fn paint(&self, frame: &mut Frame, bounds: Size, palette: &Palette) {
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
                color: palette.muted,
                size: size::BODY.into(),
                font: FONT,
                align_x: iced::alignment::Horizontal::Center.into(),
                ..canvas::Text::default()
            });
        }
    }
}
