//! An icon array: 100 people in a 10 × 10 grid, the affected ones filled in from the top-left
//! corner so they read as one group. A range shows its sure part solid and its uncertain part
//! outlined, light and striped, so the two differ in shade and pattern, not in hue alone.

use iced::widget::canvas::{Frame, Path, Stroke};
use iced::widget::{Column, row, text};
use iced::{Color, Element, Point, Size};

use crate::content::chart::{COLUMNS, COUNT, Cell};
use crate::theme::{Palette, metrics, size};
use crate::widget::paint::{self, Paint};

/// The grid, `width` pixels wide and as tall.
pub fn grid<'a, Message: 'a>(cells: [Cell; COUNT], width: f32) -> Element<'a, Message> {
    paint::canvas(Icons {
        cells: cells.to_vec(),
        columns: COLUMNS,
    })
    .width(width)
    .height(width)
    .into()
}

/// The key beside the grid: one sample icon and its words per kind shown.
pub fn legend<'a, Message: 'a>(entries: Vec<(Cell, String)>) -> Element<'a, Message> {
    let swatch = size::BODY * 1.4;
    Column::with_children(entries.into_iter().map(|(cell, words)| {
        row![
            paint::canvas(Icons {
                cells: vec![cell],
                columns: 1,
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
            draw_person(frame, origin, cell, *kind, palette);
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
