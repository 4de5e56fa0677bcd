//! Writes the laid-out handout as a PDF: the guide's own font embedded (only the letters used),
//! every mark drawn as vectors, and its text tagged in reading order with the language set, so a
//! screen reader reads it and a copy gives whole words. No date or path is written into it: the
//! same handout makes the same bytes.

use std::collections::BTreeMap;
use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};

use crate::colors::{Colors, Rgb};
use crate::pictogram::{Look, Part, Shape};
use crate::symbol::{self, Mark as SymbolMark};
use crate::typeface;

use super::layout::{Laid, Mark, Role};

/// The PDF's bytes, or why krilla could not write them.
pub fn write(laid: &Laid, lang: &str, title: &str) -> Result<Vec<u8>, String> {
    let mut document = Document::new_with(SerializeSettings::default());
    document.set_metadata(
        Metadata::new()
            .language(lang.to_owned())
            .title(title.to_owned())
            .creator(format!("Needle Guide {}", env!("CARGO_PKG_VERSION"))),
    );
    let regular = Font::new(typeface::REGULAR.into(), 0).ok_or("the regular font")?;
    let bold = Font::new(typeface::BOLD.into(), 0).ok_or("the bold font")?;
    let (width, height) = laid.paper.size();
    let (dx, dy) = laid.origin();
    let mut read: Vec<(Role, Identifier)> = Vec::new();
    for page in &laid.pages {
        let settings = PageSettings::from_wh(width, height).ok_or("the paper's size")?;
        let mut page_writer = document.start_page_with(settings);
        let mut surface = page_writer.surface();
        for placed in page {
            let tag = match placed.role {
                Role::Decoration => {
                    ContentTag::Artifact(krilla::tagging::Artifact::new(ArtifactType::Layout, None))
                }
                Role::Figure(_) => ContentTag::Other,
                _ => ContentTag::Span(SpanTag::empty()),
            };
            let id = surface.start_tagged(tag);
            draw(&mut surface, &placed.mark, (dx, dy), &regular, &bold);
            surface.end_tagged();
            if placed.role != Role::Decoration {
                read.push((placed.role.clone(), id));
            }
        }
        surface.finish();
        page_writer.finish();
    }
    document.set_tag_tree(tag_tree(read, lang));
    document
        .finish()
        .map_err(|error| format!("the PDF could not be written: {error:?}"))
}

/// The reading order as a tree: consecutive marks of one role make one element (a paragraph's
/// lines, a list's items, a table's rows).
fn tag_tree(read: Vec<(Role, Identifier)>, lang: &str) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(lang.to_owned()));
    let mut index = 0;
    while index < read.len() {
        let role = read[index].0.clone();
        let mut end = index;
        while end + 1 < read.len() && same_element(&read[end + 1].0, &role) {
            end += 1;
        }
        let ids = || read[index..=end].iter().map(|(_, id)| *id);
        match &role {
            Role::Item { .. } => {
                // One list, its items in order, each the marks of its lines.
                let mut items: BTreeMap<usize, Vec<Identifier>> = BTreeMap::new();
                for (role, id) in &read[index..=end] {
                    if let Role::Item { item, .. } = role {
                        items.entry(*item).or_default().push(*id);
                    }
                }
                let mut list = TagGroup::new(Tag::L(ListNumbering::None));
                for ids in items.into_values() {
                    let body = TagGroup::with_children(
                        Tag::LBody,
                        ids.into_iter().map(Node::Leaf).collect(),
                    );
                    list.push(TagGroup::with_children(Tag::LI, vec![Node::Group(body)]));
                }
                tree.push(list);
            }
            Role::Cell { .. } => {
                // The table's cells by row.
                let mut rows: BTreeMap<usize, Vec<(bool, Identifier)>> = BTreeMap::new();
                for (role, id) in &read[index..=end] {
                    if let Role::Cell { row, heading, .. } = role {
                        rows.entry(*row).or_default().push((*heading, *id));
                    }
                }
                let mut table = TagGroup::new(Tag::Table);
                for (row, cells) in rows {
                    let mut tr = TagGroup::new(Tag::TR);
                    for (heading, id) in cells {
                        let cell = if row == 0 {
                            TagGroup::with_children(
                                Tag::TH(TableHeaderScope::Column),
                                vec![Node::Leaf(id)],
                            )
                        } else if heading {
                            TagGroup::with_children(
                                Tag::TH(TableHeaderScope::Row),
                                vec![Node::Leaf(id)],
                            )
                        } else {
                            TagGroup::with_children(Tag::TD, vec![Node::Leaf(id)])
                        };
                        tr.push(cell);
                    }
                    table.push(tr);
                }
                tree.push(table);
            }
            Role::Figure(alt) => {
                for id in ids() {
                    tree.push(TagGroup::with_children(
                        Tag::Figure(Some(alt.clone())),
                        vec![Node::Leaf(id)],
                    ));
                }
            }
            role => {
                let tag: krilla::tagging::TagKind = match role {
                    Role::Title => Tag::Hn(NonZeroU16::MIN, None).into(),
                    Role::Heading => Tag::Hn(NonZeroU16::new(2).expect("2"), None).into(),
                    Role::Subheading => Tag::Hn(NonZeroU16::new(3).expect("3"), None).into(),
                    _ => Tag::P.into(),
                };
                tree.push(TagGroup::with_children(
                    tag,
                    ids().map(Node::Leaf).collect(),
                ));
            }
        }
        index = end + 1;
    }
    tree
}

/// Whether a mark of `next` belongs to the same element as one of `role`.
fn same_element(next: &Role, role: &Role) -> bool {
    match (next, role) {
        (Role::Item { list: a, .. }, Role::Item { list: b, .. }) => a == b,
        (Role::Cell { table: a, .. }, Role::Cell { table: b, .. }) => a == b,
        (Role::Figure(_), _) | (_, Role::Figure(_)) => false,
        (a, b) => a == b && *a != Role::Paragraph,
    }
}

fn paint(colour: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(colour.r, colour.g, colour.b).into()
}

fn fill(colour: Rgb) -> Fill {
    Fill {
        paint: paint(colour),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn stroke(colour: Rgb, width: f32) -> Stroke {
    Stroke {
        paint: paint(colour),
        width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Stroke::default()
    }
}

/// Four cubic curves close to a circle.
fn circle(path: &mut PathBuilder, (x, y): (f32, f32), r: f32) {
    let k = 0.552_284_8 * r;
    path.move_to(x + r, y);
    path.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
    path.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
    path.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
    path.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
    path.close();
}

fn rounded(path: &mut PathBuilder, (x, y): (f32, f32), (w, h): (f32, f32), r: f32) {
    let r = r.min(w / 2.0).min(h / 2.0);
    let k = 0.552_284_8 * r;
    path.move_to(x + r, y);
    path.line_to(x + w - r, y);
    path.cubic_to(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
    path.line_to(x + w, y + h - r);
    path.cubic_to(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
    path.line_to(x + r, y + h);
    path.cubic_to(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
    path.line_to(x, y + r);
    path.cubic_to(x, y + r - k, x + r - k, y, x + r, y);
    path.close();
}

fn draw_path(
    surface: &mut Surface,
    build: impl FnOnce(&mut PathBuilder),
    fill_with: Option<Rgb>,
    stroke_with: Option<(Rgb, f32)>,
) {
    let mut builder = PathBuilder::new();
    build(&mut builder);
    let Some(path) = builder.finish() else { return };
    surface.set_fill(fill_with.map(fill));
    surface.set_stroke(stroke_with.map(|(colour, width)| stroke(colour, width)));
    surface.draw_path(&path);
}

fn draw(surface: &mut Surface, mark: &Mark, (dx, dy): (f32, f32), regular: &Font, bold: &Font) {
    let colors = Colors::STANDARD;
    match mark {
        Mark::Text {
            x,
            y,
            size,
            bold: is_bold,
            colour,
            text,
        } => {
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*colour)));
            let font = if *is_bold { bold } else { regular };
            surface.draw_text(
                Point::from_xy(x + dx, y + dy),
                font.clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Mark::Rect {
            x,
            y,
            width,
            height,
            fill: with,
            stroke: edge,
        } => {
            let Some(rect) = Rect::from_xywh(x + dx, y + dy, *width, *height) else {
                return;
            };
            draw_path(surface, |path| path.push_rect(rect), *with, *edge);
        }
        Mark::Line {
            from,
            to,
            colour,
            width,
        } => draw_path(
            surface,
            |path| {
                path.move_to(from.0 + dx, from.1 + dy);
                path.line_to(to.0 + dx, to.1 + dy);
            },
            None,
            Some((*colour, *width)),
        ),
        Mark::Symbol { x, y, size, level } => {
            let symbol = symbol::for_level(*level);
            let centre = (x + dx + size / 2.0, y + dy + size / 2.0);
            let unit = size / symbol::UNITS;
            let at = |(px, py): (f32, f32)| (centre.0 + px * unit, centre.1 + py * unit);
            let ink = colors.tone(symbol.ink);
            draw_path(
                surface,
                |path| circle(path, centre, size / 2.0),
                Some(colors.tone(symbol.disc)),
                None,
            );
            for mark in symbol.marks {
                match *mark {
                    SymbolMark::Lines { points, width } => draw_path(
                        surface,
                        |path| {
                            for (index, point) in points.iter().enumerate() {
                                let (px, py) = at(*point);
                                if index == 0 {
                                    path.move_to(px, py);
                                } else {
                                    path.line_to(px, py);
                                }
                            }
                        },
                        None,
                        Some((ink, width * unit)),
                    ),
                    SymbolMark::Curve {
                        from,
                        control,
                        to,
                        width,
                    } => draw_path(
                        surface,
                        |path| {
                            let (fx, fy) = at(from);
                            let (cx, cy) = at(control);
                            let (tx, ty) = at(to);
                            path.move_to(fx, fy);
                            path.quad_to(cx, cy, tx, ty);
                        },
                        None,
                        Some((ink, width * unit)),
                    ),
                    SymbolMark::Dot {
                        centre: dot,
                        radius,
                    } => draw_path(
                        surface,
                        |path| circle(path, at(dot), radius * unit),
                        Some(ink),
                        None,
                    ),
                }
            }
        }
        Mark::Icons {
            x,
            y,
            cell,
            columns,
            mark,
            cells,
        } => {
            for (index, kind) in cells.iter().enumerate() {
                let origin = (
                    x + dx + (index % columns) as f32 * cell,
                    y + dy + (index / columns) as f32 * cell,
                );
                let shape = Shape::of(*mark, origin, (*cell, *cell));
                let look = Look::of(*kind);
                let fill_with = look.fill.map(|tone| colors.tone(tone));
                let outline = look.outline.map(|tone| colors.tone(tone));
                // Lines no thinner than a printer draws cleanly.
                let line = shape.line.max(0.35);
                for part in &shape.parts {
                    draw_path(
                        surface,
                        |path| match *part {
                            Part::Round { centre, radius } => circle(path, centre, radius),
                            Part::Box {
                                top_left,
                                size,
                                radius,
                            } => rounded(path, top_left, size, radius),
                        },
                        fill_with,
                        outline.map(|colour| (colour, line)),
                    );
                }
                if look.striped
                    && let Some(colour) = outline
                {
                    for (from, to) in &shape.stripes {
                        draw_path(
                            surface,
                            |path| {
                                path.move_to(from.0, from.1);
                                path.line_to(to.0, to.1);
                            },
                            None,
                            Some((colour, line)),
                        );
                    }
                }
            }
        }
    }
}
