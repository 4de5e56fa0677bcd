//! The body map: a front and a back view of a person (`assets/body/body.svg`) with tappable
//! regions drawn over it. Tapping a region selects it; every region is always tinted, so nothing
//! needs a hover to be found. Only the selected one is outlined: outlining all 30 shapes cost
//! more than a millisecond a frame on a large screen (docs/performance.md, "Bigger screens").
//! The outline is painted on the same canvas as the regions (see [`vector`](super::vector)).

use std::sync::LazyLock;

use iced::widget::canvas::{self, Frame, Path, Stroke};
use iced::widget::container;
use iced::{Color, Element, Fill, Point, Size};

use crate::content::ids::RegionId;
use crate::theme::{BOLD, Palette, metrics, size};
use crate::widget::paint::{self, Paint};
use crate::widget::vector::{self, Drawing};

/// The outline, in the same coordinates as [`shapes`].
const OUTLINE_SVG: &[u8] = include_bytes!("../../assets/body/body.svg");

/// The outline's two colours: the skin, and the line around it. The same in both themes, so
/// whatever is drawn over the figures is held to contrast against these.
pub const SKIN: Color = Color::from_rgb8(0xe4, 0xec, 0xef);
pub const LINE: Color = Color::from_rgb8(0x6f, 0x87, 0x92);

/// The SVG's view box: both views side by side.
pub const VIEW: Size = Size::new(440.0, 470.0);
/// Where each view's centre line is.
const FRONT: f32 = 110.0;
const BACK: f32 = 330.0;
/// Room under the figures for their names.
const CAPTION_HEIGHT: f32 = 34.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    Circle {
        centre: Point,
        radius: f32,
    },
    /// A rounded stroke from `from` to `to`.
    Capsule {
        from: Point,
        to: Point,
        radius: f32,
    },
    Rect {
        top_left: Point,
        size: Size,
    },
}

impl Shape {
    /// How far a point is from the shape's edge; 0 inside it.
    pub fn distance(&self, point: Point) -> f32 {
        match *self {
            Shape::Circle { centre, radius } => (centre.distance(point) - radius).max(0.0),
            Shape::Capsule { from, to, radius } => {
                (distance_to_segment(point, from, to) - radius).max(0.0)
            }
            Shape::Rect { top_left, size } => {
                let dx = (top_left.x - point.x)
                    .max(point.x - (top_left.x + size.width))
                    .max(0.0);
                let dy = (top_left.y - point.y)
                    .max(point.y - (top_left.y + size.height))
                    .max(0.0);
                dx.hypot(dy)
            }
        }
    }

    fn path(&self) -> Path {
        match *self {
            Shape::Circle { centre, radius } => Path::circle(centre, radius),
            Shape::Capsule { from, to, radius } => Path::new(|path| {
                // Approximate the capsule with a polygon around the segment.
                let (dx, dy) = (to.x - from.x, to.y - from.y);
                let angle = dy.atan2(dx);
                let steps = 12;
                for step in 0..=steps {
                    let a = angle
                        + std::f32::consts::FRAC_PI_2
                        + std::f32::consts::PI * step as f32 / steps as f32;
                    let point = Point::new(from.x + radius * a.cos(), from.y + radius * a.sin());
                    if step == 0 {
                        path.move_to(point)
                    } else {
                        path.line_to(point)
                    }
                }
                for step in 0..=steps {
                    let a = angle - std::f32::consts::FRAC_PI_2
                        + std::f32::consts::PI * step as f32 / steps as f32;
                    path.line_to(Point::new(to.x + radius * a.cos(), to.y + radius * a.sin()));
                }
                path.close();
            }),
            Shape::Rect { top_left, size } => Path::rounded_rectangle(top_left, size, 10.0.into()),
        }
    }
}

fn distance_to_segment(point: Point, from: Point, to: Point) -> f32 {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let length_squared = dx * dx + dy * dy;
    let t = if length_squared == 0.0 {
        0.0
    } else {
        (((point.x - from.x) * dx + (point.y - from.y) * dy) / length_squared).clamp(0.0, 1.0)
    };
    point.distance(Point::new(from.x + t * dx, from.y + t * dy))
}

/// The tappable shapes, each with its region. Both sides of the body, on both views, where the
/// region can be seen from that side.
pub fn shapes() -> Vec<(&'static str, Shape)> {
    let circle = |x: f32, y: f32, radius: f32| Shape::Circle {
        centre: Point::new(x, y),
        radius,
    };
    let rect = |x: f32, y: f32, width: f32, height: f32| Shape::Rect {
        top_left: Point::new(x, y),
        size: Size::new(width, height),
    };
    let mut shapes = Vec::new();
    for (view, centre) in [(FRONT, FRONT), (BACK, BACK)] {
        let back = view == BACK;
        shapes.push(("head", circle(centre, 40.0, 28.0)));
        shapes.push(("neck", rect(centre - 13.0, 62.0, 26.0, 22.0)));
        if back {
            shapes.push(("upper-back", rect(centre - 30.0, 92.0, 60.0, 66.0)));
            shapes.push(("low-back", rect(centre - 30.0, 164.0, 60.0, 46.0)));
        }
        for side in [-1.0, 1.0] {
            let x = |offset: f32| centre + side * offset;
            shapes.push(("shoulder", circle(x(44.0), 98.0, 16.0)));
            shapes.push(("elbow", circle(x(60.0), 172.0, 14.0)));
            shapes.push(("wrist-hand", circle(x(68.0), 250.0, 17.0)));
            let hip = if back {
                circle(x(21.0), 222.0, 17.0)
            } else {
                circle(x(34.0), 222.0, 12.0)
            };
            shapes.push(("hip-buttock", hip));
            let limb = |(x1, y1): (f32, f32), (x2, y2): (f32, f32), radius| Shape::Capsule {
                from: Point::new(x(x1), y1),
                to: Point::new(x(x2), y2),
                radius,
            };
            shapes.push(("thigh", limb((20.0, 254.0), (21.0, 302.0), 14.0)));
            shapes.push(("knee", circle(x(21.0), 330.0, 15.0)));
            if !back {
                shapes.push(("shin", limb((21.0, 352.0), (22.0, 396.0), 13.0)));
            }
            shapes.push(("ankle-foot", circle(x(24.0), 422.0, 16.0)));
        }
    }
    shapes
}

/// The region under a point of the view box, if any.
pub fn region_at(point: Point) -> Option<&'static str> {
    region_near(point, 0.0)
}

/// The region under a point or, failing that, the nearest one within `reach` (view-box units):
/// a finger is wider than an elbow on a small map.
pub fn region_near(point: Point, reach: f32) -> Option<&'static str> {
    shapes()
        .into_iter()
        .map(|(region, shape)| (region, shape.distance(point)))
        .filter(|(_, distance)| *distance <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(region, _)| region)
}

/// How far from a region a tap still counts, in the layout's pixels: about half a fingertip
/// (30 of the kiosk's screen pixels).
const TAP_REACH: f32 = 24.0;

/// How the view box fits into `bounds`: its scale and top-left offset (centred, aspect kept).
fn fit(bounds: Size) -> (f32, Point) {
    let figure = Size::new(bounds.width, (bounds.height - CAPTION_HEIGHT).max(1.0));
    vector::fit(VIEW, figure)
}

/// Where a point of the view box is drawn on a map of `size`.
pub fn to_screen(point: Point, size: Size) -> Point {
    let (scale, offset) = fit(size);
    Point::new(offset.x + point.x * scale, offset.y + point.y * scale)
}

/// The size of a map `width` pixels wide, captions included.
pub fn size_for(width: f32) -> Size {
    Size::new(width, width * VIEW.height / VIEW.width + CAPTION_HEIGHT)
}

/// The width of a map `height` pixels high with its captions: the inverse of [`size_for`].
pub fn width_for(height: f32) -> f32 {
    (height - CAPTION_HEIGHT) * VIEW.width / VIEW.height
}

/// Something painted over the figures, under the selection's outline, in the view box's scale
/// and offset (the areas where a needle can reach a lung, `lung_areas::paint_areas`). Passed in,
/// so the map does not depend on what is drawn over it.
pub type Overlay = fn(&mut Frame, f32, Point, &Palette);

/// The map, `width` pixels wide; `captions` name the front and back views; `overlay` is painted
/// over the regions.
/// A tap on a region produces `on_select` with its id.
pub fn view<'a, Message: 'a>(
    selected: Option<&RegionId>,
    captions: [String; 2],
    overlay: Option<Overlay>,
    width: f32,
    on_select: fn(RegionId) -> Message,
) -> Element<'a, Message> {
    let Size { height, .. } = size_for(width);
    let map = paint::canvas(Regions {
        selected: selected.cloned(),
        captions,
        overlay,
        on_select,
    })
    .width(Fill)
    .height(Fill);
    container(map).width(width).height(height).into()
}

/// The outline, read from the SVG the first time the map is drawn.
fn outline() -> &'static Drawing {
    static OUTLINE: LazyLock<Drawing> = LazyLock::new(|| Drawing::built_in(OUTLINE_SVG));
    &OUTLINE
}

struct Regions<Message> {
    selected: Option<RegionId>,
    captions: [String; 2],
    overlay: Option<Overlay>,
    on_select: fn(RegionId) -> Message,
}

impl<Message> Paint<Message> for Regions<Message> {
    fn tap(&self, point: Point, size: Size) -> Option<Message> {
        let (scale, offset) = fit(size);
        let point = Point::new((point.x - offset.x) / scale, (point.y - offset.y) / scale);
        region_near(point, TAP_REACH / scale).map(|region| (self.on_select)(RegionId::from(region)))
    }

    fn paint(&self, frame: &mut Frame, bounds: Size, palette: &Palette) {
        let (scale, offset) = paint_figures(frame, bounds, palette, &self.captions);
        let primary = palette.primary;
        let is_selected = |region: &str| {
            self.selected
                .as_ref()
                .is_some_and(|id| id.as_str() == region)
        };
        let in_view_box = |frame: &mut Frame, draw: &dyn Fn(&mut Frame)| {
            frame.with_save(|frame| {
                frame.translate(iced::Vector::new(offset.x, offset.y));
                frame.scale(scale);
                draw(frame);
            });
        };
        in_view_box(frame, &|frame| {
            for (region, shape) in shapes() {
                let alpha = if is_selected(region) { 0.7 } else { 0.22 };
                frame.fill(
                    &shape.path(),
                    Color {
                        a: alpha,
                        ..primary
                    },
                );
            }
        });
        if let Some(overlay) = self.overlay {
            overlay(frame, scale, offset, palette);
        }
        // The selection's outline last, so the stripes never hide which region is picked.
        in_view_box(frame, &|frame| {
            for (_, shape) in shapes().into_iter().filter(|(r, _)| is_selected(r)) {
                let stroke = Stroke::default().with_color(primary).with_width(3.0);
                frame.stroke(&shape.path(), stroke);
            }
        });
    }
}

/// Paints the front and back views and their names (`captions`) to fill `bounds`, and gives the
/// scale and offset of the view box, for drawing over them: the body map and the picture of
/// where the lungs lie share the figures.
pub fn paint_figures(
    frame: &mut Frame,
    bounds: Size,
    palette: &Palette,
    captions: &[String; 2],
) -> (f32, Point) {
    let (scale, offset) = fit(bounds);
    outline().paint(frame, scale, offset, None);
    // Each name has the room between the two views' centres: on a narrow map the names get
    // smaller rather than run into each other (an estimate: a bold letter is 0.6 of its size).
    let longest = captions
        .iter()
        .map(|caption| caption.chars().count())
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    let room = (BACK - FRONT) * scale - metrics::S;
    let caption_size = size::BODY.min(room / (longest * 0.6));
    for (caption, centre) in captions.iter().zip([FRONT, BACK]) {
        frame.fill_text(canvas::Text {
            content: caption.clone(),
            position: Point::new(
                offset.x + centre * scale,
                offset.y + VIEW.height * scale + 4.0,
            ),
            color: palette.text,
            size: caption_size.into(),
            font: BOLD,
            align_x: iced::widget::text::Alignment::Center,
            ..canvas::Text::default()
        });
    }
    (scale, offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ids::{REGION_IDS, WHOLE_BODY};

    #[test]
    fn the_outline_is_read_from_the_svg_and_stays_in_the_view_box() {
        let outline = outline();
        assert_eq!(outline.view_box, VIEW);
        // Every <path>, <circle>, <ellipse> and <rect> of assets/body/body.svg.
        let svg = String::from_utf8_lossy(OUTLINE_SVG);
        let elements: usize = ["<path", "<circle", "<ellipse", "<rect"]
            .iter()
            .map(|tag| svg.matches(tag).count())
            .sum();
        assert_eq!(outline.len(), elements);
        assert!(
            outline
                .colours()
                .all(|colour| colour == SKIN || colour == LINE)
        );
        for point in outline.points() {
            assert!(
                (0.0..=VIEW.width).contains(&point.x) && (0.0..=VIEW.height).contains(&point.y),
                "{point:?} is outside the view box"
            );
        }
        // The back view's spine is the one dashed line.
        assert_eq!(outline.dashed(), 1);
    }

    /// The middle of a shape, for tapping it.
    fn centre(shape: &Shape) -> Point {
        match *shape {
            Shape::Circle { centre, .. } => centre,
            Shape::Capsule { from, to, .. } => {
                Point::new((from.x + to.x) / 2.0, (from.y + to.y) / 2.0)
            }
            Shape::Rect { top_left, size } => Point::new(
                top_left.x + size.width / 2.0,
                top_left.y + size.height / 2.0,
            ),
        }
    }

    #[test]
    fn the_centre_of_every_shape_selects_its_region() {
        for (region, shape) in shapes() {
            assert_eq!(
                region_at(centre(&shape)),
                Some(region),
                "{region} at {:?}",
                centre(&shape)
            );
        }
    }

    #[test]
    fn every_region_but_the_whole_body_is_on_the_map() {
        let on_map: std::collections::HashSet<&str> =
            shapes().into_iter().map(|(region, _)| region).collect();
        for region in REGION_IDS {
            assert_eq!(on_map.contains(region), region != WHOLE_BODY, "{region}");
        }
        assert!(on_map.iter().all(|region| REGION_IDS.contains(region)));
    }

    #[test]
    fn points_outside_the_body_select_nothing() {
        for point in [
            Point::new(5.0, 5.0),
            Point::new(220.0, 200.0),
            Point::new(110.0, 460.0),
            Point::new(430.0, 300.0),
        ] {
            assert_eq!(region_at(point), None, "{point:?}");
        }
    }

    #[test]
    fn a_tap_just_beside_a_region_finds_the_nearest_one() {
        let elbow = Point::new(FRONT - 60.0 - 14.0 - 5.0, 172.0);
        assert_eq!(region_at(elbow), None);
        assert_eq!(region_near(elbow, 8.0), Some("elbow"));
        assert_eq!(region_near(Point::new(5.0, 5.0), 8.0), None);
        // Between the knee and the shin, the nearer one wins.
        assert_eq!(
            region_near(Point::new(FRONT - 21.0, 346.0), 8.0),
            Some("shin")
        );
    }

    #[test]
    fn the_back_view_has_the_back_and_the_front_the_shins() {
        assert_eq!(region_at(Point::new(BACK, 120.0)), Some("upper-back"));
        assert_eq!(region_at(Point::new(BACK, 190.0)), Some("low-back"));
        assert_eq!(region_at(Point::new(FRONT - 21.0, 375.0)), Some("shin"));
        assert_eq!(region_at(Point::new(BACK - 21.0, 375.0)), None);
    }

    #[test]
    fn the_fit_keeps_the_aspect_and_centres() {
        let (scale, offset) = fit(Size::new(880.0, 940.0 + CAPTION_HEIGHT));
        assert!((scale - 2.0).abs() < 1e-6);
        assert_eq!(offset, Point::ORIGIN);
        let (scale, offset) = fit(Size::new(1000.0, 470.0 + CAPTION_HEIGHT));
        assert!((scale - 1.0).abs() < 1e-6);
        assert!((offset.x - 280.0).abs() < 1e-6);
    }
}
