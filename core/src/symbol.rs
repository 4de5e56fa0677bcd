//! The picture beside each step of "what to do", as shapes: a tick for "this is normal", a
//! telephone for "call your clinic", a hospital's cross for "go to an emergency room now", and an
//! exclamation mark for "call the emergency number now". Each is drawn in a filled circle, so they
//! differ in shape as well as colour. The window and the printed handout both draw them from here.

use crate::colors::Tone;
use crate::content::model::Level;

/// The symbols are drawn on a square this many units wide, centred on (0, 0).
pub const UNITS: f32 = 48.0;

/// One stroke or dot of a symbol, in units from the centre (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    /// Straight lines through the points, round ends and joins, `width` units wide.
    Lines {
        points: &'static [(f32, f32)],
        width: f32,
    },
    /// A quadratic curve, round ends.
    Curve {
        from: (f32, f32),
        control: (f32, f32),
        to: (f32, f32),
        width: f32,
    },
    /// A filled dot.
    Dot { centre: (f32, f32), radius: f32 },
}

/// A symbol: its disc's colour, its ink's, and its marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Symbol {
    pub disc: Tone,
    pub ink: Tone,
    pub marks: &'static [Mark],
}

const TICK: &[Mark] = &[Mark::Lines {
    points: &[(-10.0, 1.0), (-3.0, 8.0), (11.0, -8.0)],
    width: 4.0,
}];

/// A handset: two ear pieces joined by a curved grip.
const HANDSET: &[Mark] = &[
    Mark::Curve {
        from: (-11.0, -9.0),
        control: (-12.0, 10.0),
        to: (9.0, 12.0),
        width: 5.0,
    },
    Mark::Dot {
        centre: (-12.0, -10.0),
        radius: 4.5,
    },
    Mark::Dot {
        centre: (10.0, 12.0),
        radius: 4.5,
    },
];

const CROSS: &[Mark] = &[
    Mark::Lines {
        points: &[(0.0, -12.0), (0.0, 12.0)],
        width: 7.0,
    },
    Mark::Lines {
        points: &[(-12.0, 0.0), (12.0, 0.0)],
        width: 7.0,
    },
];

const EXCLAMATION: &[Mark] = &[
    Mark::Lines {
        points: &[(0.0, -12.0), (0.0, 4.0)],
        width: 5.0,
    },
    Mark::Dot {
        centre: (0.0, 12.0),
        radius: 3.2,
    },
];

/// The symbol for a step of `level`.
pub fn for_level(level: Level) -> Symbol {
    let (disc, ink, marks) = match level {
        Level::Normal => (Tone::PrimarySoft, Tone::Primary, TICK),
        Level::CallClinic => (Tone::Primary, Tone::OnPrimary, HANDSET),
        Level::EmergencyRoom => (Tone::Urgent, Tone::OnUrgent, CROSS),
        Level::Emergency => (Tone::Urgent, Tone::OnUrgent, EXCLAMATION),
    };
    Symbol { disc, ink, marks }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level_has_its_own_shape_inside_the_disc() {
        let levels = [
            Level::Normal,
            Level::CallClinic,
            Level::EmergencyRoom,
            Level::Emergency,
        ];
        let shapes: Vec<_> = levels.iter().map(|&level| for_level(level).marks).collect();
        for (i, a) in shapes.iter().enumerate() {
            for b in &shapes[i + 1..] {
                assert_ne!(a, b, "two levels share a shape");
            }
        }
        // Every mark stays inside the disc, with its stroke.
        for marks in shapes {
            for mark in marks {
                let (points, reach): (Vec<(f32, f32)>, f32) = match *mark {
                    Mark::Lines { points, width } => (points.to_vec(), width / 2.0),
                    Mark::Curve {
                        from,
                        control,
                        to,
                        width,
                    } => (vec![from, control, to], width / 2.0),
                    Mark::Dot { centre, radius } => (vec![centre], radius),
                };
                for (x, y) in points {
                    assert!((x * x + y * y).sqrt() + reach < UNITS / 2.0, "{mark:?}");
                }
            }
        }
    }
}
