//! The rare-risk scale: every side effect on one honest log scale, from "every time" to 1 in a
//! million, so a reader sees how far apart common and rare ones are. No magnifier, no inset:
//! each step to the right is ten times rarer, and every row shares the same axis.

use iced::widget::canvas::{self, Frame, Path, Stroke};
use iced::widget::column;
use iced::{Color, Element, Fill, Point, Size};

use crate::content::chart::{
    ScaleRow, ScaleSpan, position, scale_span, shortest_range, tail_length,
};
use crate::theme::typography;
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
    let spans: Vec<ScaleSpan> = rows.iter().map(|row| scale_span(row.rate)).collect();
    // A bound's tail is kept shorter than every range on the scale, so it never reads as one.
    let shortest = shortest_range(spans.iter().copied(), last);
    let rows = rows.into_iter().zip(spans).map(|(row, span)| {
        column![
            typography::body(format!("{}: {}", row.name, row.words)),
            paint::canvas(Bar {
                span: Some(span),
                study: row.study,
                ticks: tick_values.clone(),
                last,
                shortest,
            })
            .width(Fill)
            .height(bar_height),
        ]
        .spacing(metrics::XS)
        .into()
    });
    // Above the rows as well as under them: scrolled through a long chart, its scale is still
    // in view.
    let axis = |ticks| {
        paint::canvas(Axis { ticks, last })
            .width(Fill)
            .height(size::BODY * 1.35 * AXIS_LINES as f32)
    };
    column![axis(ticks.clone())]
        .extend(rows)
        .push(axis(ticks))
        .spacing(metrics::S)
        .into()
}

/// The lines the axis's labels take in turn.
const AXIS_LINES: usize = 3;

/// Side room at each end, so the first and last labels fit.
fn inset(width: f32) -> f32 {
    (width * 0.09).max(size::BODY * 3.5)
}

fn x_of(n: f64, last: f64, width: f32) -> f32 {
    let inset = inset(width);
    inset + position(n, last) * (width - 2.0 * inset)
}

/// The radius of a marker on a bar `height` tall: a point is a dot this size, and a range a bar
/// this thick with round ends.
fn radius(height: f32) -> f32 {
    height * 0.28
}

/// Where a bound's tail runs on a bar of size `bounds`: from the bound to the tip of its arrow.
/// At most half a ten-fold step, shorter than the shortest range drawn (`shortest`, as a share of
/// the axis), and inside the bar.
fn tail(span: ScaleSpan, last: f64, shortest: Option<f32>, bounds: Size) -> (f32, f32) {
    let (width, radius) = (bounds.width, radius(bounds.height));
    let axis = (width - 2.0 * inset(width)).max(0.0);
    let steps = last.log10().max(1.0) as f32;
    // A range is drawn as a bar with a round end of `radius` at each side.
    let shortest = shortest.map(|share| share * axis + 2.0 * radius);
    let from = x_of(span.rare, last, width);
    let length = tail_length(axis / steps, shortest, radius * ARROW_LEAST);
    (from, (from + length).min(width - 1.0))
}

/// The least length of a tail, in marker radii: its arrowhead (0.9) clears the bound's dot
/// (0.75). Below 2, so even then it is shorter than any range is drawn (two round ends).
const ARROW_LEAST: f32 = 1.8;

/// One side effect's place on the scale, over faint lines at each tick.
struct Bar {
    span: Option<ScaleSpan>,
    /// What a study found, beside the clinic's figure: drawn as an outline, not filled.
    study: bool,
    ticks: Vec<u32>,
    last: f64,
    /// The share of the axis the shortest range on the scale covers.
    shortest: Option<f32>,
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
            let radius = radius(bounds.height);
            if span.open {
                // "Fewer than": a bound, not a stretch. A dot at the bound and a short arrow from
                // it toward rarer; the arrow stops well short, however rare it may really be.
                let (bound, tip) = tail(span, self.last, self.shortest, bounds);
                let head = radius * 0.9;
                line(
                    frame,
                    Point::new(bound, middle),
                    Point::new(tip - head * 0.5, middle),
                    palette.primary,
                    radius * 0.35,
                );
                let arrow = Path::new(|path| {
                    path.move_to(Point::new(tip, middle));
                    path.line_to(Point::new(tip - head, middle - radius * 0.7));
                    path.line_to(Point::new(tip - head, middle + radius * 0.7));
                    path.close();
                });
                frame.fill(&arrow, palette.primary);
                self.mark(
                    frame,
                    &Path::circle(Point::new(bound, middle), radius * 0.75),
                    radius,
                    palette,
                );
            } else {
                let (from, to) = (
                    x_of(span.common, self.last, width),
                    x_of(span.rare, self.last, width),
                );
                // A range as a thick bar with round ends, or a dot where its ends meet.
                let marker = Path::rounded_rectangle(
                    Point::new(from - radius, middle - radius),
                    Size::new(to - from + 2.0 * radius, 2.0 * radius),
                    radius.into(),
                );
                self.mark(frame, &marker, radius, palette);
            }
        }
    }
}

impl Bar {
    /// Fills a marker, or outlines it over the card for a study's row.
    fn mark(&self, frame: &mut Frame, marker: &Path, radius: f32, palette: &Palette) {
        if self.study {
            frame.fill(marker, palette.surface);
            frame.stroke(
                marker,
                Stroke::default()
                    .with_color(palette.primary)
                    .with_width(radius * 0.35),
            );
        } else {
            frame.fill(marker, palette.primary);
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
            // Three lines in turn, so long labels never run into each other: a label has the
            // room of three steps of the scale ("1 de cada 10 000", "1 de cada 1 000 000").
            let y = (index % AXIS_LINES) as f32 * bounds.height / AXIS_LINES as f32;
            // Centred on its tick, but moved in just enough that a long end label ("1 de cada
            // 1 000 000") stays inside the chart (an estimate: a letter is 0.55 of its size).
            let half = label.chars().count() as f32 * 0.55 * size::BODY / 2.0;
            let x = x_of(f64::from(*tick), self.last, bounds.width);
            let x = x.min(bounds.width - half).max(half.min(bounds.width / 2.0));
            frame.fill_text(canvas::Text {
                content: label.clone(),
                position: Point::new(x, y),
                color: palette.muted,
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
    use crate::content::model::Denominator::{Patients, Treatments, Unstated};
    use crate::content::model::Rate;

    const LAST: f64 = 1_000_000.0;
    const BAR: Size = Size::new(800.0, size::BODY * 1.6);

    /// Where the axis ends, and how long one ten-fold step is drawn, on `BAR`.
    fn axis() -> (f32, f32) {
        let end = BAR.width - inset(BAR.width);
        (end, (end - inset(BAR.width)) / 6.0)
    }

    /// How long a range is drawn: its span and a round end at each side.
    fn drawn(span: ScaleSpan) -> f32 {
        x_of(span.rare, LAST, BAR.width) - x_of(span.common, LAST, BAR.width)
            + 2.0 * radius(BAR.height)
    }

    fn bounds() -> [Rate; 3] {
        [
            Rate::FewerThan {
                value: 3,
                of: Patients,
            },
            Rate::FewerThanOneIn {
                n: 10_000,
                of: Treatments,
            },
            Rate::FewerThanOneIn {
                n: 10,
                of: Unstated,
            },
        ]
    }

    #[test]
    fn a_bound_has_a_short_tail_that_never_runs_to_the_end() {
        let (end, step) = axis();
        let ranges = [
            scale_span(Rate::Range {
                low: 60,
                high: 70,
                of: Treatments,
            }),
            scale_span(Rate::Range {
                low: 1,
                high: 3,
                of: Patients,
            }),
        ];
        let shortest = shortest_range(ranges, LAST);
        let shortest_drawn = ranges.map(drawn).into_iter().reduce(f32::min).unwrap();
        for rate in bounds() {
            let span = scale_span(rate);
            let (bound, tip) = tail(span, LAST, shortest, BAR);
            assert_eq!(bound, x_of(span.rare, LAST, BAR.width), "{rate:?}");
            let length = tip - bound;
            assert!(length > 0.0, "{rate:?} points toward rarer");
            assert!(
                length <= step * 0.5 + 1e-3,
                "{rate:?}: {length} > half a step"
            );
            assert!(
                length < shortest_drawn,
                "{rate:?}: {length} is as long as a range ({shortest_drawn})"
            );
            assert!(
                tip < end - step,
                "{rate:?} runs on toward the end: {tip} of {end}"
            );
        }
    }

    #[test]
    fn with_no_range_beside_it_a_tail_is_still_half_a_step_at_most() {
        let (end, step) = axis();
        for rate in bounds() {
            let (bound, tip) = tail(scale_span(rate), LAST, None, BAR);
            assert!(tip - bound <= step * 0.5 + 1e-3, "{rate:?}");
            assert!(tip < end, "{rate:?}");
        }
    }

    #[test]
    fn even_the_least_tail_is_shorter_than_any_range_can_be_drawn() {
        // The narrowest range there can be is two round ends with nothing between.
        let point = ScaleSpan {
            common: 50.0,
            rare: 50.0,
            open: false,
        };
        let (bound, tip) = tail(scale_span(bounds()[0]), LAST, Some(0.0), BAR);
        assert!(
            tip - bound < drawn(point),
            "{} >= {}",
            tip - bound,
            drawn(point)
        );
        assert!(
            tip - bound >= radius(BAR.height) * 1.65,
            "the arrow clears the dot"
        );
    }

    #[test]
    fn a_bound_at_the_end_of_the_scale_stays_on_the_bar() {
        let span = scale_span(Rate::FewerThanOneIn {
            n: 1_000_000,
            of: Treatments,
        });
        let (bound, tip) = tail(span, LAST, None, BAR);
        assert!(bound < tip && tip <= BAR.width, "{bound} {tip}");
        let few_steps = tail(span, 1_000.0, None, BAR);
        assert!(few_steps.1 <= BAR.width, "{few_steps:?}");
    }
}
