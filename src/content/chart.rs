//! The arithmetic behind the pictures of the numbers: which of 100 icons a rate fills, and where
//! a rate sits on the rare-risk scale. Pure, so the content checks, the text of each chart and the
//! drawings all agree.

use super::model::{Denominator, Rate};
use super::rate::PER;

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
        match rate {
            Rate::Range { of, .. }
            | Rate::FewerThan { of, .. }
            | Rate::OneIn { of, .. }
            | Rate::FewerThanOneIn { of, .. } => Mark::of(of),
        }
    }
}

/// The icons for a rate out of every 100, in reading order (row by row from the top left).
/// `None` for rates that are not out of 100: those belong on the rare-risk scale.
pub fn cells(rate: Rate) -> Option<[Cell; COUNT]> {
    let (sure, maybe) = match rate {
        Rate::Range { low, high, .. } => (low, high.saturating_sub(low)),
        Rate::FewerThan { value, .. } => (0, value),
        Rate::OneIn { .. } | Rate::FewerThanOneIn { .. } => return None,
    };
    let sure = (sure as usize).min(COUNT);
    let maybe = (maybe as usize).min(COUNT - sure);
    let mut cells = [Cell::Unaffected; COUNT];
    cells[..sure].fill(Cell::Sure);
    cells[sure..sure + maybe].fill(Cell::Maybe);
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
/// `open` means it may be rarer still ("fewer than ...").
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
        Rate::Range { low, high, .. } => ScaleSpan {
            common: one_in(high),
            rare: one_in(low),
            open: low == 0,
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
pub struct ScaleRow {
    pub name: String,
    pub words: String,
    pub rate: Rate,
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
