//! The arithmetic behind the pictures of the numbers: which of 100 icons a rate fills, and where
//! a rate sits on the rare-risk scale. Pure, so the content checks, the text of each chart and the
//! drawings all agree.

use super::model::{Denominator, Rate};
use super::rate::{PER, StudyCounts};

// The icon array of 100.

/// How many icons a row holds.
pub const COLUMNS: usize = 10;
/// The whole grid: one icon for each of the 100 that a rate counts.
pub const COUNT: usize = PER as usize;

/// What one icon shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// Affected, for certain.
    Sure,
    /// Maybe affected: inside the rate's range, or under its "fewer than" bound.
    Maybe,
    Unaffected,
}

/// What one icon of the array stands for, and so how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// One patient: a person.
    Person,
    /// One treatment: a rounded square. Never a person, so 100 treatments are not read as 100
    /// people (one patient has many treatments).
    Treatment,
}

impl Mark {
    /// The mark for what a rate counts. Only patients are drawn as people: a rate that names no
    /// denominator gets the plain mark too, rather than claiming to count people.
    pub fn of(denominator: Denominator) -> Mark {
        match denominator {
            Denominator::Patients => Mark::Person,
            Denominator::Treatments | Denominator::Unstated => Mark::Treatment,
        }
    }

    /// The mark for what `rate` counts.
    pub fn for_rate(rate: Rate) -> Mark {
        Mark::of(rate.of())
    }
}

/// The icons for a rate out of every 100, in reading order (row by row from the top left).
/// `None` for rates that are not out of 100: those belong on the rare-risk scale.
pub fn cells(rate: Rate) -> Option<[Cell; COUNT]> {
    let (sure, maybe) = match rate {
        Rate::Range { low, high, .. } => (low, high.saturating_sub(low)),
        Rate::FewerThan { value, .. } => (0, value),
        Rate::OneIn { .. }
        | Rate::FewerThanOneIn { .. }
        | Rate::About { .. }
        | Rate::AtMost { .. }
        | Rate::Counted { .. } => return None,
    };
    let sure = (sure as usize).min(COUNT);
    let maybe = (maybe as usize).min(COUNT - sure);
    let mut cells = [Cell::Unaffected; COUNT];
    cells[..sure].fill(Cell::Sure);
    cells[sure..sure + maybe].fill(Cell::Maybe);
    Some(cells)
}

/// The icons for a rate out of every 100 and what studies counted of the same thing: filled up
/// to the lowest figure of any of them, striped up to the highest, so no one source's figure
/// fills the picture alone.
pub fn cells_with_studies(rate: Rate, studies: Option<StudyCounts>) -> Option<[Cell; COUNT]> {
    let cells = cells(rate)?;
    let Some(studies) = studies.filter(|studies| studies.per == PER) else {
        return Some(cells);
    };
    let (sure, maybe, _) = tally(&cells);
    let low = sure.min(studies.low as usize);
    let high = (sure + maybe).max(studies.high as usize).min(COUNT);
    let mut cells = [Cell::Unaffected; COUNT];
    cells[..low].fill(Cell::Sure);
    cells[low..high].fill(Cell::Maybe);
    Some(cells)
}

/// How many icons of each kind: (sure, maybe, unaffected).
pub fn tally(cells: &[Cell; COUNT]) -> (usize, usize, usize) {
    let count = |kind| cells.iter().filter(|cell| **cell == kind).count();
    (
        count(Cell::Sure),
        count(Cell::Maybe),
        count(Cell::Unaffected),
    )
}

// The rare-risk scale.

/// Where a rate sits, as "1 in n" values: from its most common end to its rarest.
/// `open` means it may be rarer still ("fewer than ..."): then `rare` is a bound, drawn as a
/// marker with a short tail toward the rarer side, never as a line across the scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleSpan {
    pub common: f64,
    pub rare: f64,
    pub open: bool,
}

pub fn scale_span(rate: Rate) -> ScaleSpan {
    let per = f64::from(PER);
    let one_in = |count: u32| per / f64::from(count.max(1));
    match rate {
        // "0 to 3 out of 100" has no rarest end: it is the bound "3 or fewer".
        Rate::Range { low: 0, high, .. } => ScaleSpan {
            common: one_in(high),
            rare: one_in(high),
            open: true,
        },
        Rate::Range { low, high, .. } => ScaleSpan {
            common: one_in(high),
            rare: one_in(low),
            open: false,
        },
        Rate::FewerThan { value, .. } => ScaleSpan {
            common: one_in(value),
            rare: one_in(value),
            open: true,
        },
        Rate::OneIn { n, .. } => ScaleSpan {
            common: f64::from(n),
            rare: f64::from(n),
            open: false,
        },
        Rate::FewerThanOneIn { n, .. } => ScaleSpan {
            common: f64::from(n),
            rare: f64::from(n),
            open: true,
        },
        Rate::About { count, per, .. }
        | Rate::AtMost { count, per, .. }
        | Rate::Counted { count, per, .. } => {
            let one_in = f64::from(per) / f64::from(count.max(1));
            ScaleSpan {
                common: one_in,
                rare: one_in,
                open: matches!(rate, Rate::AtMost { .. }),
            }
        }
    }
}

/// Where "1 in `n`" falls across an axis that ends at "1 in `last`": 0 at "every time", 1 at the end.
pub fn position(n: f64, last: f64) -> f32 {
    if n <= 1.0 || last <= 1.0 {
        return 0.0;
    }
    ((n.log10() / last.log10()) as f32).clamp(0.0, 1.0)
}

/// The longest a bound's tail is drawn, in steps of the scale (each step is ten times rarer):
/// half a step, so the tail says "or rarer" and is never read as a stretch of rates.
pub const TAIL_STEPS: f32 = 0.5;

/// How much of the axis (0 to 1) the shortest true range among `spans` covers, if there is one:
/// a range with two different ends, not a point and not a bound.
pub fn shortest_range(spans: impl IntoIterator<Item = ScaleSpan>, last: f64) -> Option<f32> {
    spans
        .into_iter()
        .filter(|span| !span.open && span.rare > span.common)
        .map(|span| position(span.rare, last) - position(span.common, last))
        .reduce(f32::min)
}

/// How long to draw a bound's tail, from the bound to its tip, in the drawing's own units.
///
/// `step` is the drawn length of one ten-fold step of the axis; `shortest_range` is the drawn
/// length of the shortest range on the same scale, if one is shown. The tail is at most
/// [`TAIL_STEPS`] of a step and shorter than that range, so it never looks like one; `least`
/// keeps it long enough to be seen at all, within the half step.
pub fn tail_length(step: f32, shortest_range: Option<f32>, least: f32) -> f32 {
    let longest = step.max(0.0) * TAIL_STEPS;
    let under_ranges = shortest_range.map_or(longest, |range| range * 0.9);
    under_ranges.max(least).min(longest)
}

/// One row of the scale: a side effect's name, its rate in words, and the rate itself;
/// `study` when the row is what a study found, set beside the clinic's figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleRow {
    pub name: String,
    pub words: String,
    pub rate: Rate,
    pub study: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Denominator::{Patients, Treatments, Unstated};

    #[test]
    fn a_range_is_solid_then_uncertain_then_empty_from_the_corner() {
        let cells = cells(Rate::Range {
            low: 15,
            high: 20,
            of: Treatments,
        })
        .unwrap();
        assert!(cells[..15].iter().all(|c| *c == Cell::Sure));
        assert!(cells[15..20].iter().all(|c| *c == Cell::Maybe));
        assert!(cells[20..].iter().all(|c| *c == Cell::Unaffected));
        assert_eq!(tally(&cells), (15, 5, 80));
    }

    #[test]
    fn fewer_than_shows_only_uncertain_icons_up_to_its_bound() {
        let cells = cells(Rate::FewerThan {
            value: 3,
            of: Patients,
        })
        .unwrap();
        assert_eq!(
            &cells[..4],
            &[Cell::Maybe, Cell::Maybe, Cell::Maybe, Cell::Unaffected]
        );
        assert_eq!(tally(&cells), (0, 3, 97));
    }

    #[test]
    fn edges_none_all_and_exact() {
        let none = cells(Rate::Range {
            low: 0,
            high: 0,
            of: Treatments,
        })
        .unwrap();
        assert_eq!(tally(&none), (0, 0, 100));
        let all = cells(Rate::Range {
            low: 100,
            high: 100,
            of: Treatments,
        })
        .unwrap();
        assert_eq!(tally(&all), (100, 0, 0));
        let exact = cells(Rate::Range {
            low: 7,
            high: 7,
            of: Patients,
        })
        .unwrap();
        assert_eq!(tally(&exact), (7, 0, 93));
        let whole_range = cells(Rate::Range {
            low: 0,
            high: 100,
            of: Patients,
        })
        .unwrap();
        assert_eq!(tally(&whole_range), (0, 100, 0));
    }

    #[test]
    fn out_of_range_values_never_overflow_the_grid() {
        let cells = cells(Rate::Range {
            low: 90,
            high: 250,
            of: Treatments,
        })
        .unwrap();
        assert_eq!(tally(&cells), (90, 10, 0));
        let cells = super::cells(Rate::Range {
            low: 20,
            high: 10,
            of: Treatments,
        })
        .unwrap();
        assert_eq!(
            tally(&cells),
            (20, 0, 80),
            "a reversed range shows its low bound only"
        );
    }

    #[test]
    fn rare_rates_have_no_icon_array() {
        assert_eq!(
            cells(Rate::OneIn {
                n: 200_000,
                of: Treatments
            }),
            None
        );
        assert_eq!(
            cells(Rate::FewerThanOneIn {
                n: 10_000,
                of: Treatments
            }),
            None
        );
    }

    #[test]
    fn ranges_and_bounds_become_one_in_n() {
        let pain = scale_span(Rate::Range {
            low: 60,
            high: 70,
            of: Treatments,
        });
        assert!(
            (pain.common - 100.0 / 70.0).abs() < 1e-9 && (pain.rare - 100.0 / 60.0).abs() < 1e-9
        );
        assert!(!pain.open);
        let worse = scale_span(Rate::FewerThan {
            value: 3,
            of: Treatments,
        });
        assert!((worse.common - 100.0 / 3.0).abs() < 1e-9 && worse.open);
        let serious = scale_span(Rate::FewerThanOneIn {
            n: 10_000,
            of: Treatments,
        });
        assert_eq!((serious.common, serious.open), (10_000.0, true));
        let organ = scale_span(Rate::OneIn {
            n: 200_000,
            of: Unstated,
        });
        assert_eq!(
            (organ.common, organ.rare, organ.open),
            (200_000.0, 200_000.0, false)
        );
    }

    #[test]
    fn only_a_rate_per_patient_is_drawn_as_people() {
        let per_treatment = Rate::Range {
            low: 15,
            high: 20,
            of: Treatments,
        };
        let per_patient = Rate::Range {
            low: 1,
            high: 3,
            of: Patients,
        };
        assert_eq!(Mark::for_rate(per_treatment), Mark::Treatment);
        assert_eq!(Mark::for_rate(per_patient), Mark::Person);
        assert_eq!(
            Mark::for_rate(Rate::FewerThan {
                value: 3,
                of: Patients
            }),
            Mark::Person
        );
        assert_eq!(
            Mark::for_rate(Rate::FewerThan {
                value: 3,
                of: Treatments
            }),
            Mark::Treatment
        );
        assert_eq!(
            Mark::of(Unstated),
            Mark::Treatment,
            "a rate that does not say it counts people is not drawn as people"
        );
    }

    #[test]
    fn a_range_from_zero_is_a_bound_not_a_stretch() {
        let span = scale_span(Rate::Range {
            low: 0,
            high: 4,
            of: Treatments,
        });
        assert_eq!(
            span,
            ScaleSpan {
                common: 25.0,
                rare: 25.0,
                open: true
            }
        );
    }

    #[test]
    fn the_shortest_range_leaves_out_points_and_bounds() {
        let last = 1_000_000.0;
        let point = ScaleSpan {
            common: 200_000.0,
            rare: 200_000.0,
            open: false,
        };
        let bound = scale_span(Rate::FewerThanOneIn {
            n: 10_000,
            of: Treatments,
        });
        let wide = ScaleSpan {
            common: 10.0,
            rare: 1_000.0,
            open: false,
        };
        let narrow = ScaleSpan {
            common: 10.0,
            rare: 20.0,
            open: false,
        };
        // A bound is drawn at its rare end only, whatever its other end says.
        let odd_bound = ScaleSpan {
            common: 10.0,
            rare: 11.0,
            open: true,
        };
        assert_eq!(shortest_range([point, bound, odd_bound], last), None);
        let shortest = shortest_range([point, wide, bound, narrow], last).unwrap();
        assert!((shortest - 2f32.log10() / 6.0).abs() < 1e-6, "{shortest}");
        assert!((shortest_range([wide], last).unwrap() - 2.0 / 6.0).abs() < 1e-6);
    }

    #[test]
    fn a_tail_is_at_most_half_a_step_and_shorter_than_every_range() {
        let step = 120.0;
        assert_eq!(tail_length(step, None, 17.0), 60.0, "no range: half a step");
        assert_eq!(
            tail_length(step, Some(400.0), 17.0),
            60.0,
            "long ranges: still half a step"
        );
        let under = tail_length(step, Some(27.0), 17.0);
        assert!((17.0..27.0).contains(&under), "{under}");
        assert_eq!(
            tail_length(step, Some(5.0), 17.0),
            17.0,
            "never so short it cannot be seen"
        );
        assert_eq!(
            tail_length(20.0, Some(5.0), 17.0),
            10.0,
            "and never more than half a step, even so"
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
