//! An icon array: 100 icons in a 10 × 10 grid, the affected ones filled in from the top-left
//! corner so they read as one group. The icons' shapes and looks are `pictogram`'s (shared with
//! the printed handout); this paints them in the theme's colours.

use iced::widget::canvas::{Frame, Path, Stroke};
use iced::widget::{Column, row};
use iced::{Color, Element, Point, Size};

use crate::pictogram::{Look, Part, Shape};

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
            let origin = (
                (index % self.columns) as f32 * cell.width,
                (index / self.columns) as f32 * cell.height,
            );
            let shape = Shape::of(self.mark, origin, (cell.width, cell.height));
            paint_icon(frame, *kind, &shape, palette);
        }
    }
}

/// Paints one icon of `kind` as its look says, in the theme's colours.
fn paint_icon(frame: &mut Frame, kind: Cell, shape: &Shape, palette: &Palette) {
    let look = Look::of(kind);
    let fill = look.fill.map(|tone| palette.tone(tone));
    let outline = look.outline.map(|tone| palette.tone(tone));
    let point = |(x, y): (f32, f32)| Point::new(x, y);
    for part in &shape.parts {
        let path = match *part {
            Part::Round { centre, radius } => Path::circle(point(centre), radius),
            Part::Box {
                top_left,
                size: (width, height),
                radius,
            } => Path::rounded_rectangle(point(top_left), Size::new(width, height), radius.into()),
        };
        if let Some(fill) = fill {
            frame.fill(&path, fill);
        }
        if let Some(colour) = outline {
            frame.stroke(&path, stroke(colour, shape.line));
        }
    }
    if look.striped
        && let Some(colour) = outline
    {
        for (from, to) in &shape.stripes {
            frame.stroke(
                &Path::line(point(*from), point(*to)),
                stroke(colour, shape.line),
            );
        }
    }
}

fn stroke(colour: Color, width: f32) -> Stroke<'static> {
    Stroke::default()
        .with_color(colour)
        .with_width(width.max(1.0))
}
