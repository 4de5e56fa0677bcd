//! An icon array: 100 icons in a 10 × 10 grid, the affected ones filled in from the top-left
//! corner so they read as one group. Each icon is what the rate counts: a person for a patient,
//! a rounded square for a treatment (one patient has many treatments, so treatments drawn as
//! people would overstate the people affected). A range shows its sure part filled and its
//! uncertain part outlined and striped; the unaffected icons are empty outlines. The kinds differ
//! in fill and pattern, not in hue or shade alone.

use iced::widget::canvas::{Frame, Path, Stroke};
use iced::widget::{Column, row};
use iced::{Color, Element, Point, Size};

use crate::content::chart::{COLUMNS, COUNT, Cell, Mark};
use crate::theme::typography;
use crate::theme::{Palette, metrics, size};
use crate::widget::paint::{self, Paint};

/// The grid of `mark`s, `width` pixels wide and as tall.
pub fn grid<'a, Message: 'a>(mark: Mark, cells: [Cell; COUNT], width: f32) -> Element<'a, Message> {
    paint::canvas(Icons {
        mark,
        cells: cells.to_vec(),
        columns: COLUMNS,
    })
    .width(width)
    .height(width)
    .into()
}

/// The key beside the grid: one sample icon, the same mark as the grid's, and its words per kind
/// shown.
pub fn legend<'a, Message: 'a>(mark: Mark, entries: Vec<(Cell, String)>) -> Element<'a, Message> {
    let swatch = size::BODY * 1.4;
    Column::with_children(entries.into_iter().map(|(cell, words)| {
        row![
            paint::canvas(Icons {
                mark,
                cells: vec![cell],
                columns: 1,
            })
            .width(swatch)
            .height(swatch),
            typography::body(words),
        ]
        .spacing(metrics::S)
        .align_y(iced::alignment::Vertical::Center)
        .into()
    }))
    .spacing(metrics::XS)
    .into()
}

/// Draws marks in a grid.
#[derive(Debug)]
struct Icons {
    mark: Mark,
    cells: Vec<Cell>,
    columns: usize,
}

impl<Message> Paint<Message> for Icons {
    fn paint(&self, frame: &mut Frame, bounds: Size, palette: &Palette) {
        let rows = self.cells.len().div_ceil(self.columns);
        let cell = Size::new(
            bounds.width / self.columns as f32,
            bounds.height / rows as f32,
        );
        for (index, kind) in self.cells.iter().enumerate() {
            let origin = Point::new(
                (index % self.columns) as f32 * cell.width,
                (index / self.columns) as f32 * cell.height,
            );
            Look::of(*kind, palette).paint(frame, &Shape::of(self.mark, origin, cell));
        }
    }
}

/// How one kind of icon is painted, whatever its mark.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Look {
    fill: Option<Color>,
    outline: Option<Color>,
    striped: bool,
}

impl Look {
    /// Sure: filled. Maybe: a pale fill, outlined and striped. Unaffected: an empty outline.
    fn of(kind: Cell, palette: &Palette) -> Look {
        match kind {
            Cell::Sure => Look {
                fill: Some(palette.primary),
                outline: None,
                striped: false,
            },
            Cell::Maybe => Look {
                fill: Some(palette.primary_soft),
                outline: Some(palette.primary),
                striped: true,
            },
            Cell::Unaffected => Look {
                fill: None,
                outline: Some(palette.faint),
                striped: false,
            },
        }
    }

    fn paint(&self, frame: &mut Frame, shape: &Shape) {
        for part in &shape.parts {
            let path = match *part {
                Part::Round { centre, radius } => Path::circle(centre, radius),
                Part::Box {
                    top_left,
                    size,
                    radius,
                } => Path::rounded_rectangle(top_left, size, radius.into()),
            };
            if let Some(fill) = self.fill {
                frame.fill(&path, fill);
            }
            if let Some(colour) = self.outline {
                frame.stroke(&path, stroke(colour, shape.line));
            }
        }
        if self.striped
            && let Some(colour) = self.outline
        {
            for (from, to) in &shape.stripes {
                frame.stroke(&Path::line(*from, *to), stroke(colour, shape.line));
            }
        }
    }
}

/// The geometry of one icon in its cell: the parts that are filled or outlined, the stripes an
/// uncertain one gets, and the width of its lines.
#[derive(Debug, Clone, PartialEq)]
struct Shape {
    parts: Vec<Part>,
    stripes: Vec<(Point, Point)>,
    line: f32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Round {
        centre: Point,
        radius: f32,
    },
    Box {
        top_left: Point,
        size: Size,
        radius: f32,
    },
}

impl Shape {
    fn of(mark: Mark, origin: Point, cell: Size) -> Shape {
        match mark {
            Mark::Person => Shape::person(origin, cell),
            Mark::Treatment => Shape::treatment(origin, cell),
        }
    }

    /// One person: a round head over rounded shoulders, filling most of its cell, with a gap
    /// between them that an outline does not close. A stripe crosses the body.
    fn person(origin: Point, cell: Size) -> Shape {
        let unit = cell.width.min(cell.height);
        let centre_x = origin.x + cell.width / 2.0;
        let top = origin.y + (cell.height - unit) / 2.0;
        let body = Size::new(unit * 0.62, unit * 0.41);
        let body_origin = Point::new(centre_x - body.width / 2.0, top + unit * 0.48);
        let at = |x: f32, y: f32| {
            Point::new(
                body_origin.x + body.width * x,
                body_origin.y + body.height * y,
            )
        };
        Shape {
            parts: vec![
                Part::Round {
                    centre: Point::new(centre_x, top + unit * 0.23),
                    radius: unit * 0.155,
                },
                Part::Box {
                    top_left: body_origin,
                    size: body,
                    radius: unit * 0.2,
                },
            ],
            stripes: vec![(at(0.2, 0.85), at(0.8, 0.15))],
            line: unit * 0.06,
        }
    }

    /// One treatment: a rounded square, smaller than its cell so the squares stand apart, with
    /// three stripes from the lower left to the upper right kept off its round corners.
    fn treatment(origin: Point, cell: Size) -> Shape {
        let unit = cell.width.min(cell.height);
        let side = unit * 0.68;
        let corner = Point::new(
            origin.x + (cell.width - side) / 2.0,
            origin.y + (cell.height - side) / 2.0,
        );
        let margin = side * 0.1;
        let inner = side - 2.0 * margin;
        let at = |x: f32, y: f32| Point::new(corner.x + margin + x, corner.y + margin + y);
        let stripes = [0.5_f32, 1.0, 1.5]
            .into_iter()
            .map(|share| {
                let reach = inner * share;
                let (low, high) = ((reach - inner).max(0.0), reach.min(inner));
                (at(low, reach - low), at(high, reach - high))
            })
            .collect();
        Shape {
            parts: vec![Part::Box {
                top_left: corner,
                size: Size::new(side, side),
                radius: side * 0.2,
            }],
            stripes,
            line: unit * 0.07,
        }
    }
}

fn stroke(colour: Color, width: f32) -> Stroke<'static> {
    Stroke::default()
        .with_color(colour)
        .with_width(width.max(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CELL: Size = Size::new(26.0, 26.0);
    const ORIGIN: Point = Point::new(52.0, 78.0);

    /// The box a part takes up: (left, top, right, bottom).
    fn extent(part: Part) -> (f32, f32, f32, f32) {
        match part {
            Part::Round { centre, radius } => (
                centre.x - radius,
                centre.y - radius,
                centre.x + radius,
                centre.y + radius,
            ),
            Part::Box { top_left, size, .. } => (
                top_left.x,
                top_left.y,
                top_left.x + size.width,
                top_left.y + size.height,
            ),
        }
    }

    #[test]
    fn a_treatment_is_one_square_and_a_patient_a_person() {
        let treatment = Shape::of(Mark::Treatment, ORIGIN, CELL);
        let [Part::Box { size, .. }] = treatment.parts[..] else {
            panic!("a treatment is one rounded square: {treatment:?}");
        };
        assert_eq!(size.width, size.height, "a square");

        let person = Shape::of(Mark::Person, ORIGIN, CELL);
        let [head @ Part::Round { .. }, body @ Part::Box { .. }] = person.parts[..] else {
            panic!("a person is a head over a body: {person:?}");
        };
        // The head sits above the body, with a gap wider than an outline, so an empty person
        // reads as a head and shoulders rather than one closed loop.
        let gap = extent(body).1 - extent(head).3;
        assert!(gap > person.line, "{gap} <= {}", person.line);
    }

    #[test]
    fn each_mark_stays_in_its_cell_with_its_stripes_inside_it() {
        for mark in [Mark::Person, Mark::Treatment] {
            let shape = Shape::of(mark, ORIGIN, CELL);
            let (right, bottom) = (ORIGIN.x + CELL.width, ORIGIN.y + CELL.height);
            for part in &shape.parts {
                let (l, t, r, b) = extent(*part);
                assert!(
                    l > ORIGIN.x && t > ORIGIN.y && r < right && b < bottom,
                    "{mark:?}"
                );
            }
            let body = extent(*shape.parts.last().unwrap());
            assert!(!shape.stripes.is_empty(), "{mark:?}");
            for (from, to) in &shape.stripes {
                for point in [from, to] {
                    assert!(
                        point.x >= body.0 && point.x <= body.2,
                        "{mark:?}: {point:?}"
                    );
                    assert!(
                        point.y >= body.1 && point.y <= body.3,
                        "{mark:?}: {point:?}"
                    );
                }
                // From the lower left up to the right.
                assert!(to.x > from.x && to.y < from.y, "{mark:?}");
            }
        }
    }

    #[test]
    fn the_kinds_differ_in_fill_and_pattern_not_in_colour_alone() {
        for palette in Palette::ALL {
            let looks = [Cell::Sure, Cell::Maybe, Cell::Unaffected]
                .map(|kind| Look::of(kind, &palette))
                .map(|look| (look.fill.is_some(), look.striped));
            assert_eq!(
                looks,
                [(true, false), (true, true), (false, false)],
                "filled, striped, empty"
            );
            let maybe = Look::of(Cell::Maybe, &palette);
            let empty = Look::of(Cell::Unaffected, &palette);
            assert!(
                maybe.outline.is_some() && empty.outline.is_some(),
                "striped and empty icons have an outline to be seen by"
            );
        }
    }
}
