//! Where a needle can reach a lung: the body map's front and back views (drawn by
//! [`body_map::paint_figures`]) with those areas striped and outlined in the warning colour. The
//! areas are `assets/body/lungs.svg`, in the body map's view box; the handout prints that file as
//! it is. Stripes and an outline, not colour alone, so the areas read in high contrast and by
//! patients who do not tell red from other colours.

use std::sync::LazyLock;

use iced::widget::canvas::{Frame, LineJoin, Path, Stroke};
use iced::widget::container;
use iced::{Element, Fill, Point, Size};

use crate::theme::Palette;
use crate::widget::body_map;
use crate::widget::paint::{self, Paint};
use crate::widget::vector::Drawing;

/// The areas, as straight-sided shapes over `assets/body/body.svg`.
pub const AREAS_SVG: &[u8] = include_bytes!("../../assets/body/lungs.svg");

pub use crate::content::ids::NEAR_LUNGS;

/// The distance between stripes, a stripe's width and the outline's, in view-box units.
const GAP: f32 = 9.0;
const STRIPE: f32 = 3.0;
const EDGE: f32 = 3.0;

/// The scale a key's sample is drawn at: about that of the picture beside it.
const SWATCH_SCALE: f32 = 0.75;

/// The areas' shapes, read from the SVG the first time they are drawn.
fn areas() -> &'static [Vec<Point>] {
    static AREAS: LazyLock<Vec<Vec<Point>>> =
        LazyLock::new(|| Drawing::built_in(AREAS_SVG).polygons());
    &AREAS
}

/// The picture, `width` pixels wide; `captions` name the front and back views.
pub fn view<'a, Message: 'a>(captions: [String; 2], width: f32) -> Element<'a, Message> {
    let Size { height, .. } = body_map::size_for(width);
    container(paint::canvas(Picture { captions }).width(Fill).height(Fill))
        .width(width)
        .height(height)
        .into()
}

/// A sample of the stripes, `side` pixels square, for the key beside the words.
pub fn swatch<'a, Message: 'a>(side: f32) -> Element<'a, Message> {
    container(paint::canvas(Swatch).width(Fill).height(Fill))
        .width(side)
        .height(side)
        .into()
}

struct Picture {
    captions: [String; 2],
}

impl<Message> Paint<Message> for Picture {
    fn paint(&self, frame: &mut Frame, bounds: Size, palette: &Palette) {
        let (scale, offset) = body_map::paint_figures(frame, bounds, palette, &self.captions);
        paint_areas(frame, scale, offset, palette);
    }
}

/// Paints the areas over the body map's figures drawn at `scale` and `offset`.
pub fn paint_areas(frame: &mut Frame, scale: f32, offset: Point, palette: &Palette) {
    for area in areas() {
        let placed: Vec<Point> = area
            .iter()
            .map(|point| Point::new(offset.x + point.x * scale, offset.y + point.y * scale))
            .collect();
        paint_striped(frame, &placed, scale, palette);
    }
}

struct Swatch;

impl<Message> Paint<Message> for Swatch {
    fn paint(&self, frame: &mut Frame, bounds: Size, palette: &Palette) {
        // Inset by half the outline, so all of it shows.
        let inset = EDGE * SWATCH_SCALE / 2.0;
        let (left, top) = (inset, inset);
        let (right, bottom) = (bounds.width - inset, bounds.height - inset);
        let square = [
            Point::new(left, top),
            Point::new(right, top),
            Point::new(right, bottom),
            Point::new(left, bottom),
        ];
        paint_striped(frame, &square, SWATCH_SCALE, palette);
    }
}

/// Fills a shape (in screen pixels) with the warning colour's soft tint, stripes it and outlines
/// it, the stripes and outline as wide as `scale` makes them.
fn paint_striped(frame: &mut Frame, shape: &[Point], scale: f32, palette: &Palette) {
    let outline = Path::new(|path| {
        for (index, point) in shape.iter().enumerate() {
            if index == 0 {
                path.move_to(*point);
            } else {
                path.line_to(*point);
            }
        }
        path.close();
    });
    frame.fill(&outline, palette.urgent_soft);
    let stripes = Path::new(|path| {
        for (from, to) in hatch(shape, GAP * scale) {
            path.move_to(from);
            path.line_to(to);
        }
    });
    frame.stroke(
        &stripes,
        Stroke::default()
            .with_color(palette.urgent)
            .with_width((STRIPE * scale).max(1.0)),
    );
    frame.stroke(
        &outline,
        Stroke::default()
            .with_color(palette.urgent)
            .with_width((EDGE * scale).max(1.5))
            .with_line_join(LineJoin::Round),
    );
}

/// Stripes across a shape, rising to the right at 45°, `gap` apart: the pieces of each line
/// x + y = k that lie inside the shape (a point is inside when a line from it crosses the edge an
/// odd number of times), so a shape with a notch gets two pieces where a line crosses it.
pub fn hatch(shape: &[Point], gap: f32) -> Vec<(Point, Point)> {
    if shape.len() < 3 || gap <= 0.0 {
        return Vec::new();
    }
    let level = |point: &Point| point.x + point.y;
    let lowest = shape.iter().map(level).fold(f32::INFINITY, f32::min);
    let highest = shape.iter().map(level).fold(f32::NEG_INFINITY, f32::max);
    let mut stripes = Vec::new();
    let mut k = lowest + gap / 2.0;
    while k < highest {
        let mut crossings: Vec<Point> = shape
            .iter()
            .zip(shape.iter().cycle().skip(1))
            .filter_map(|(a, b)| {
                let (la, lb) = (level(a), level(b));
                if (la < k) == (lb < k) {
                    return None;
                }
                let t = (k - la) / (lb - la);
                Some(Point::new(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)))
            })
            .collect();
        crossings.sort_by(|a, b| a.x.total_cmp(&b.x));
        stripes.extend(crossings.chunks_exact(2).map(|pair| (pair[0], pair[1])));
        k += gap;
    }
    stripes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::contrast_ratio;

    /// Whether `point` is inside `shape`: a ray to its right crosses the edge an odd number of
    /// times.
    fn inside(shape: &[Point], point: Point) -> bool {
        let mut odd = false;
        for (a, b) in shape.iter().zip(shape.iter().cycle().skip(1)) {
            if (a.y > point.y) != (b.y > point.y) {
                let x = a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x);
                if point.x < x {
                    odd = !odd;
                }
            }
        }
        odd
    }

    /// Every point of a 2-unit grid over the view box inside one of the areas, with the body
    /// map's region there, if any.
    fn covered() -> Vec<(Point, Option<&'static str>)> {
        let mut found = Vec::new();
        for x in (0..=body_map::VIEW.width as u32).step_by(2) {
            for y in (0..=body_map::VIEW.height as u32).step_by(2) {
                let point = Point::new(x as f32, y as f32);
                if areas().iter().any(|area| inside(area, point)) {
                    found.push((point, body_map::region_at(point)));
                }
            }
        }
        found
    }

    #[test]
    fn the_areas_are_read_from_the_svg_one_on_each_view() {
        let areas = areas();
        assert_eq!(areas.len(), 2);
        let middle = body_map::VIEW.width / 2.0;
        let (front, back) = (&areas[0], &areas[1]);
        assert!(front.len() > 3 && back.len() > 3);
        assert!(front.iter().all(|point| point.x < middle), "{front:?}");
        assert!(back.iter().all(|point| point.x > middle), "{back:?}");
    }

    #[test]
    fn the_areas_cover_the_neck_shoulders_and_upper_back_and_no_limb() {
        let covered = covered();
        for region in NEAR_LUNGS {
            assert!(
                covered.iter().any(|(_, at)| *at == Some(region)),
                "no area over the {region}"
            );
        }
        for far in [
            "head",
            "elbow",
            "wrist-hand",
            "hip-buttock",
            "thigh",
            "knee",
            "shin",
            "ankle-foot",
        ] {
            assert!(
                covered.iter().all(|(_, at)| *at != Some(far)),
                "an area reaches the {far}"
            );
        }
        // The chest, on the front view, which the map has no region for: between the shoulders,
        // below the neck.
        let chest = Point::new(110.0, 120.0);
        assert!(covered.iter().any(|(point, _)| *point == chest));
    }

    #[test]
    fn stripes_stay_inside_the_shape_and_split_at_a_notch() {
        let square = [
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 10.0),
            Point::new(0.0, 10.0),
        ];
        let stripes = hatch(&square, 2.0);
        // Levels x + y from 1 to 19, every 2.
        assert_eq!(stripes.len(), 10);
        for (from, to) in &stripes {
            for point in [from, to] {
                assert!((-1e-3..=10.001).contains(&point.x), "{point:?}");
                assert!((-1e-3..=10.001).contains(&point.y), "{point:?}");
            }
            assert!((from.x + from.y - (to.x + to.y)).abs() < 1e-3, "at 45°");
        }
        // A U: the stripes that cross its gap come in two pieces.
        let u = [
            Point::new(0.0, 0.0),
            Point::new(4.0, 0.0),
            Point::new(4.0, 6.0),
            Point::new(6.0, 6.0),
            Point::new(6.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 10.0),
            Point::new(0.0, 10.0),
        ];
        let at_level_9 = hatch(&u, 2.0)
            .into_iter()
            .filter(|(from, _)| (from.x + from.y - 9.0).abs() < 1e-3)
            .count();
        assert_eq!(at_level_9, 2);
        assert!(hatch(&square[..2], 2.0).is_empty());
    }

    #[test]
    fn the_stripes_and_outline_can_be_seen_in_both_themes() {
        // WCAG 1.4.11: shapes at least 3:1 against what is next to them.
        for palette in Palette::ALL {
            for (what, ground) in [
                ("the skin", body_map::SKIN),
                ("the stripes' ground", palette.urgent_soft),
                ("the card", palette.surface),
            ] {
                let ratio = contrast_ratio(palette.urgent, ground);
                assert!(ratio >= 3.0, "{ratio:.2} against {what} in {palette:?}");
            }
        }
    }
}
