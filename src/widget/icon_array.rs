//! An icon array: 100 people in a 10 × 10 grid, the affected ones filled in from the top-left
//! corner so they read as one group. A range shows its sure part solid and its uncertain part
//! outlined, light and striped, so the two differ in shade and pattern, not in hue alone.

use iced::widget::canvas::{Frame, Path, Stroke};
use iced::widget::{Column, row, text};
use iced::{Color, Element, Point, Size};

use crate::app::Message;
use crate::content::model::Rate;
use crate::content::rate::PER;
use crate::theme::{Palette, metrics, size};
use crate::widget::paint::{self, Paint};

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

/// The grid, `width` pixels wide and as tall.
pub fn grid<'a>(cells: [Cell; COUNT], width: f32, palette: &Palette) -> Element<'a, Message> {
    paint::canvas(Icons {
        cells: cells.to_vec(),
        columns: COLUMNS,
        palette: *palette,
    })
    .width(width)
    .height(width)
    .into()
}

/// The key beside the grid: one sample icon and its words per kind shown.
pub fn legend<'a>(entries: Vec<(Cell, String)>, palette: &Palette) -> Element<'a, Message> {
    let swatch = size::BODY * 1.4;
    Column::with_children(entries.into_iter().map(|(cell, words)| {
        row![
            paint::canvas(Icons {
                cells: vec![cell],
                columns: 1,
                palette: *palette
            })
            .width(swatch)
            .height(swatch),
            text(words).size(size::BODY),
        ]
        .spacing(metrics::S)
        .align_y(iced::alignment::Vertical::Center)
        .into()
    }))
    .spacing(metrics::XS)
    .into()
}

/// Draws people in a grid.
#[derive(Debug)]
struct Icons {
    cells: Vec<Cell>,
    columns: usize,
    palette: Palette,
}

impl Paint for Icons {
    fn paint(&self, frame: &mut Frame, bounds: Size) {
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
            draw_person(frame, origin, cell, *kind, &self.palette);
        }
    }
}

/// One person: a round head over rounded shoulders, filling most of its cell.
fn draw_person(frame: &mut Frame, origin: Point, cell: Size, kind: Cell, palette: &Palette) {
    let unit = cell.width.min(cell.height);
    let centre_x = origin.x + cell.width / 2.0;
    let top = origin.y + (cell.height - unit) / 2.0;
    let head = Path::circle(Point::new(centre_x, top + unit * 0.24), unit * 0.17);
    let body_size = Size::new(unit * 0.62, unit * 0.42);
    let body_origin = Point::new(centre_x - body_size.width / 2.0, top + unit * 0.46);
    let body = Path::rounded_rectangle(body_origin, body_size, (unit * 0.2).into());

    let (fill, outline) = match kind {
        Cell::Sure => (palette.primary, None),
        Cell::Maybe => (palette.primary_soft, Some(palette.primary)),
        Cell::Unaffected => (palette.faint, None),
    };
    for part in [&head, &body] {
        frame.fill(part, fill);
        if let Some(colour) = outline {
            frame.stroke(part, stroke(colour, unit * 0.07));
        }
    }
    if kind == Cell::Maybe {
        // A stripe across the body: the pattern that sets "maybe" apart without colour.
        let stripe = Path::line(
            Point::new(
                body_origin.x + body_size.width * 0.2,
                body_origin.y + body_size.height * 0.85,
            ),
            Point::new(
                body_origin.x + body_size.width * 0.8,
                body_origin.y + body_size.height * 0.15,
            ),
        );
        frame.stroke(&stripe, stroke(palette.primary, unit * 0.07));
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
    use crate::content::model::Denominator::{Patients, Treatments};

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
}
