//! The icons of an icon array, as shapes: a person for a patient, a rounded square for a
//! treatment (one patient has many treatments, so treatments drawn as people would overstate the
//! people affected); and how each kind is painted. A range shows its sure part filled and its
//! uncertain part outlined and striped; the unaffected icons are empty outlines. The kinds differ
//! in fill and pattern, not in hue or shade alone. The window and the printed handout both draw
//! them from here.

use crate::colors::Tone;
use crate::content::chart::{Cell, Mark};

/// A point, x to the right and y down.
pub type Point = (f32, f32);

/// A part of an icon that is filled or outlined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Part {
    Round {
        centre: Point,
        radius: f32,
    },
    Box {
        top_left: Point,
        size: (f32, f32),
        radius: f32,
    },
}

/// The geometry of one icon in its cell: the parts that are filled or outlined, the stripes an
/// uncertain one gets, and the width of its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub parts: Vec<Part>,
    pub stripes: Vec<(Point, Point)>,
    pub line: f32,
}

impl Shape {
    /// The icon for `mark` in the cell at `origin`, `cell` wide and high.
    pub fn of(mark: Mark, origin: Point, cell: (f32, f32)) -> Shape {
        match mark {
            Mark::Person => Shape::person(origin, cell),
            Mark::Treatment => Shape::treatment(origin, cell),
        }
    }

    /// One person: a round head over rounded shoulders, filling most of its cell, with a gap
    /// between them that an outline does not close. A stripe crosses the body.
    fn person(origin: Point, (width, height): (f32, f32)) -> Shape {
        let unit = width.min(height);
        let centre_x = origin.0 + width / 2.0;
        let top = origin.1 + (height - unit) / 2.0;
        let body = (unit * 0.62, unit * 0.41);
        let body_origin = (centre_x - body.0 / 2.0, top + unit * 0.48);
        let at = |x: f32, y: f32| (body_origin.0 + body.0 * x, body_origin.1 + body.1 * y);
        Shape {
            parts: vec![
                Part::Round {
                    centre: (centre_x, top + unit * 0.23),
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
    fn treatment(origin: Point, (width, height): (f32, f32)) -> Shape {
        let unit = width.min(height);
        let side = unit * 0.68;
        let corner = (
            origin.0 + (width - side) / 2.0,
            origin.1 + (height - side) / 2.0,
        );
        let margin = side * 0.1;
        let inner = side - 2.0 * margin;
        let at = |x: f32, y: f32| (corner.0 + margin + x, corner.1 + margin + y);
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
                size: (side, side),
                radius: side * 0.2,
            }],
            stripes,
            line: unit * 0.07,
        }
    }
}

/// How one kind of icon is painted, whatever its mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub fill: Option<Tone>,
    pub outline: Option<Tone>,
    pub striped: bool,
}

impl Look {
    /// Sure: filled. Maybe: a pale fill, outlined and striped. Unaffected: an empty outline.
    pub fn of(kind: Cell) -> Look {
        match kind {
            Cell::Sure => Look {
                fill: Some(Tone::Primary),
                outline: None,
                striped: false,
            },
            Cell::Maybe => Look {
                fill: Some(Tone::PrimarySoft),
                outline: Some(Tone::Primary),
                striped: true,
            },
            Cell::Unaffected => Look {
                fill: None,
                outline: Some(Tone::Faint),
                striped: false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CELL: (f32, f32) = (26.0, 26.0);
    const ORIGIN: Point = (52.0, 78.0);

    /// The box a part takes up: (left, top, right, bottom).
    fn extent(part: Part) -> (f32, f32, f32, f32) {
        match part {
            Part::Round { centre, radius } => (
                centre.0 - radius,
                centre.1 - radius,
                centre.0 + radius,
                centre.1 + radius,
            ),
            Part::Box { top_left, size, .. } => (
                top_left.0,
                top_left.1,
                top_left.0 + size.0,
                top_left.1 + size.1,
            ),
        }
    }

    #[test]
    fn a_treatment_is_one_square_and_a_patient_a_person() {
        let treatment = Shape::of(Mark::Treatment, ORIGIN, CELL);
        let [Part::Box { size, .. }] = treatment.parts[..] else {
            panic!("a treatment is one rounded square: {treatment:?}");
        };
        assert_eq!(size.0, size.1, "a square");

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
            let (right, bottom) = (ORIGIN.0 + CELL.0, ORIGIN.1 + CELL.1);
            for part in &shape.parts {
                let (l, t, r, b) = extent(*part);
                assert!(
                    l > ORIGIN.0 && t > ORIGIN.1 && r < right && b < bottom,
                    "{mark:?}"
                );
            }
            let body = extent(*shape.parts.last().unwrap());
            assert!(!shape.stripes.is_empty(), "{mark:?}");
            for (from, to) in &shape.stripes {
                for point in [from, to] {
                    assert!(
                        point.0 >= body.0 && point.0 <= body.2,
                        "{mark:?}: {point:?}"
                    );
                    assert!(
                        point.1 >= body.1 && point.1 <= body.3,
                        "{mark:?}: {point:?}"
                    );
                }
                // From the lower left up to the right.
                assert!(to.0 > from.0 && to.1 < from.1, "{mark:?}");
            }
        }
    }

    #[test]
    fn the_kinds_differ_in_fill_and_pattern_not_in_colour_alone() {
        let looks = [Cell::Sure, Cell::Maybe, Cell::Unaffected]
            .map(Look::of)
            .map(|look| (look.fill.is_some(), look.striped));
        assert_eq!(
            looks,
            [(true, false), (true, true), (false, false)],
            "filled, striped, empty"
        );
        assert!(
            Look::of(Cell::Maybe).outline.is_some() && Look::of(Cell::Unaffected).outline.is_some(),
            "striped and empty icons have an outline to be seen by"
        );
    }
}
