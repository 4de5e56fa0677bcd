//! Line drawings from the built-in SVG files (the page icons and the body-map outline), read once
//! and painted on a canvas as filled and stroked paths.
//!
//! iced's own SVG widget would draw them too, but the first time it draws one its renderer reads
//! every font installed on the machine (about 60 ms here, while the home page waits to appear),
//! and it blends each picture in as a bitmap, pixel by pixel. These drawings have no text, so
//! they need no fonts.

use iced::widget::canvas::{Frame, LineCap, LineDash, LineJoin, Path, Stroke};
use iced::{Color, Point, Size};

/// A picture read from an SVG file: flat-coloured paths in its view box's coordinates.
#[derive(Debug, Default)]
pub struct Drawing {
    /// The size of the SVG's view box.
    pub view_box: Size,
    paths: Vec<VectorPath>,
}

#[derive(Debug)]
struct VectorPath {
    segments: Vec<Segment>,
    fill: Option<Color>,
    stroke: Option<VectorStroke>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Segment {
    MoveTo(Point),
    LineTo(Point),
    QuadTo(Point, Point),
    CubicTo(Point, Point, Point),
    Close,
}

#[derive(Debug)]
struct VectorStroke {
    color: Color,
    width: f32,
    cap: LineCap,
    join: LineJoin,
    dash: Vec<f32>,
}

impl Drawing {
    /// Reads an SVG file. Only flat colours are kept: a gradient or pattern is drawn black.
    pub fn parse(svg: &[u8]) -> Result<Drawing, String> {
        let tree = usvg::Tree::from_data(svg, &usvg::Options::default())
            .map_err(|error| error.to_string())?;
        let mut paths = Vec::new();
        collect(tree.root(), &mut paths);
        Ok(Drawing {
            view_box: Size::new(tree.size().width(), tree.size().height()),
            paths,
        })
    }

    /// Reads one of the program's own SVG files. They are checked by the tests; should one still
    /// fail to read, the picture is left out rather than the app stopped.
    pub fn built_in(svg: &[u8]) -> Drawing {
        Drawing::parse(svg).unwrap_or_default()
    }

    /// How many paths the drawing has.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// Every colour the drawing paints with, fills and strokes, in order.
    pub fn colours(&self) -> impl Iterator<Item = Color> + '_ {
        self.paths.iter().flat_map(|path| {
            path.fill
                .into_iter()
                .chain(path.stroke.as_ref().map(|stroke| stroke.color))
        })
    }

    /// Every point the drawing's paths go through or bend towards, in view-box coordinates.
    pub fn points(&self) -> impl Iterator<Item = Point> + '_ {
        self.paths
            .iter()
            .flat_map(|path| &path.segments)
            .flat_map(|segment| match *segment {
                Segment::MoveTo(to) | Segment::LineTo(to) => vec![to],
                Segment::QuadTo(control, to) => vec![control, to],
                Segment::CubicTo(a, b, to) => vec![a, b, to],
                Segment::Close => vec![],
            })
    }

    /// Each path as the polygon through its points, in view-box coordinates: for drawings of
    /// straight lines, whose insides the app fills with a pattern of its own.
    pub fn polygons(&self) -> Vec<Vec<Point>> {
        self.paths
            .iter()
            .map(|path| {
                path.segments
                    .iter()
                    .filter_map(|segment| match *segment {
                        Segment::MoveTo(to) | Segment::LineTo(to) => Some(to),
                        Segment::QuadTo(_, to) | Segment::CubicTo(_, _, to) => Some(to),
                        Segment::Close => None,
                    })
                    .collect()
            })
            .collect()
    }

    /// How many of the paths are drawn with a dashed line.
    pub fn dashed(&self) -> usize {
        self.paths
            .iter()
            .filter(|path| path.stroke.as_ref().is_some_and(|s| !s.dash.is_empty()))
            .count()
    }

    /// Paints the drawing with its view box scaled by `scale` and its top-left corner at
    /// `offset`, in the SVG's own colours or all in `tint`.
    ///
    /// The points are placed here rather than through the frame's transform, because a frame's
    /// transform moves a path but does not widen its stroke.
    pub fn paint(&self, frame: &mut Frame, scale: f32, offset: Point, tint: Option<Color>) {
        let at = |point: Point| Point::new(offset.x + point.x * scale, offset.y + point.y * scale);
        for vector in &self.paths {
            let path = Path::new(|builder| {
                for segment in &vector.segments {
                    match *segment {
                        Segment::MoveTo(to) => builder.move_to(at(to)),
                        Segment::LineTo(to) => builder.line_to(at(to)),
                        Segment::QuadTo(control, to) => {
                            builder.quadratic_curve_to(at(control), at(to))
                        }
                        Segment::CubicTo(a, b, to) => builder.bezier_curve_to(at(a), at(b), at(to)),
                        Segment::Close => builder.close(),
                    }
                }
            });
            if let Some(fill) = vector.fill {
                frame.fill(&path, tint.unwrap_or(fill));
            }
            if let Some(stroke) = &vector.stroke {
                let dash: Vec<f32> = stroke.dash.iter().map(|length| length * scale).collect();
                frame.stroke(
                    &path,
                    Stroke {
                        line_cap: stroke.cap,
                        line_join: stroke.join,
                        line_dash: LineDash {
                            segments: &dash,
                            offset: 0,
                        },
                        ..Stroke::default()
                            .with_color(tint.unwrap_or(stroke.color))
                            .with_width(stroke.width * scale)
                    },
                );
            }
        }
    }

    /// The scale and top-left offset that fit the view box into `bounds` (see [`fit`]).
    pub fn fit(&self, bounds: Size) -> (f32, Point) {
        fit(self.view_box, bounds)
    }
}

/// The scale and top-left offset that fit a picture of `size` into `bounds`, centred, its shape
/// kept.
pub fn fit(size: Size, bounds: Size) -> (f32, Point) {
    let width = size.width.max(f32::EPSILON);
    let height = size.height.max(f32::EPSILON);
    let scale = (bounds.width / width).min(bounds.height / height);
    let offset = Point::new(
        (bounds.width - width * scale) / 2.0,
        (bounds.height - height * scale) / 2.0,
    );
    (scale, offset)
}

/// The visible paths of `group` and of the groups in it, in drawing order. usvg has already
/// turned circles, ellipses, rectangles and lines into paths and resolved inherited styles.
fn collect(group: &usvg::Group, paths: &mut Vec<VectorPath>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(group) => collect(group, paths),
            usvg::Node::Path(path) if path.is_visible() => paths.push(vector_path(path)),
            _ => {}
        }
    }
}

fn vector_path(path: &usvg::Path) -> VectorPath {
    use usvg::tiny_skia_path::PathSegment;
    let colour = |paint: &usvg::Paint, opacity: f32| match paint {
        usvg::Paint::Color(colour) => Color {
            a: opacity,
            ..Color::from_rgb8(colour.red, colour.green, colour.blue)
        },
        _ => Color::BLACK,
    };
    // The built-in drawings have no transforms; applying the path's own keeps any that appear.
    let transform = path.abs_transform();
    let point = |point: usvg::tiny_skia_path::Point| {
        let mut point = point;
        transform.map_point(&mut point);
        Point::new(point.x, point.y)
    };
    VectorPath {
        segments: path
            .data()
            .segments()
            .map(|segment| match segment {
                PathSegment::MoveTo(to) => Segment::MoveTo(point(to)),
                PathSegment::LineTo(to) => Segment::LineTo(point(to)),
                PathSegment::QuadTo(control, to) => Segment::QuadTo(point(control), point(to)),
                PathSegment::CubicTo(a, b, to) => Segment::CubicTo(point(a), point(b), point(to)),
                PathSegment::Close => Segment::Close,
            })
            .collect(),
        fill: path
            .fill()
            .map(|fill| colour(fill.paint(), fill.opacity().get())),
        stroke: path.stroke().map(|stroke| VectorStroke {
            color: colour(stroke.paint(), stroke.opacity().get()),
            width: stroke.width().get(),
            cap: match stroke.linecap() {
                usvg::LineCap::Butt => LineCap::Butt,
                usvg::LineCap::Round => LineCap::Round,
                usvg::LineCap::Square => LineCap::Square,
            },
            join: match stroke.linejoin() {
                usvg::LineJoin::Round => LineJoin::Round,
                usvg::LineJoin::Bevel => LineJoin::Bevel,
                _ => LineJoin::Miter,
            },
            dash: stroke.dasharray().map(<[f32]>::to_vec).unwrap_or_default(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10">
        <rect x="1" y="2" width="4" height="4" fill="#ff0000" stroke="#0000ff" stroke-width="2"/>
        <line x1="10" y1="1" x2="18" y2="9" fill="none" stroke="#000" stroke-dasharray="2 1"/>
        </svg>"##;

    #[test]
    fn shapes_become_paths_with_their_colours_and_dashes() {
        let drawing = Drawing::parse(SQUARE).unwrap();
        assert_eq!(drawing.view_box, Size::new(20.0, 10.0));
        assert_eq!(drawing.len(), 2);
        let colours: Vec<Color> = drawing.colours().collect();
        assert_eq!(
            colours,
            [
                Color::from_rgb8(255, 0, 0),
                Color::from_rgb8(0, 0, 255),
                Color::BLACK
            ]
        );
        assert_eq!(drawing.dashed(), 1);
        let points: Vec<Point> = drawing.points().collect();
        assert!(points.contains(&Point::new(1.0, 2.0)));
        assert!(points.contains(&Point::new(18.0, 9.0)));
    }

    #[test]
    fn a_broken_file_is_an_error_and_a_broken_built_in_one_draws_nothing() {
        assert!(Drawing::parse(b"<svg").is_err());
        assert!(Drawing::parse(b"not an svg").is_err());
        assert!(Drawing::built_in(b"<svg").is_empty());
    }

    #[test]
    fn fitting_keeps_the_shape_and_centres_it() {
        let drawing = Drawing::parse(SQUARE).unwrap();
        // A 20×10 view box in a 100×100 square: 5 times larger, centred from top to bottom.
        assert_eq!(
            drawing.fit(Size::new(100.0, 100.0)),
            (5.0, Point::new(0.0, 25.0))
        );
        assert_eq!(
            drawing.fit(Size::new(40.0, 40.0)),
            (2.0, Point::new(0.0, 10.0))
        );
    }
}
