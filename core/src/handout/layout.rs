//! Places the handout's pieces on pages: lines broken by the font's own widths, headings kept
//! with what follows, a step of what to do never split, a table's headings printed again where
//! it runs on. The result is what is drawn, mark by mark, and the reading order of what is read
//! aloud, so the PDF is written from it alone and tests can measure it.

use super::face::Faces;
use super::sheet::{EffectRow, Piece, Run, Sheet};
use crate::colors::{Colors, Rgb, Tone};
use crate::content::chart::{COUNT, Cell, Mark as IconMark};
use crate::content::model::{Level, Paper};

/// The handout is laid out in the part that A4 and Letter share (A4's width, Letter's height),
/// less a margin every printer can print to, and centred on either: the same pages on both.
const MARGIN: f32 = 24.0;
pub const WIDTH: f32 = 595.28 - 2.0 * MARGIN;
/// Below the title and the clinic's box, the handout is set in two columns: short lines read
/// faster, and a list of short signs wastes no half-empty lines.
const GUTTER: f32 = 18.0;
pub const COLUMN: f32 = (WIDTH - GUTTER) / 2.0;
/// The foot of each page: when the content was checked, and the page's number.
const FOOTER: f32 = 18.0;

/// The height laid out on `paper`: each paper its own (A4 is 50 points taller than Letter, about
/// three more lines a column), inside the margins.
fn height(paper: Paper) -> f32 {
    paper.size().1 - 2.0 * MARGIN
}

/// The height the columns may fill on `paper`, above its foot.
fn body_height(paper: Paper) -> f32 {
    height(paper) - FOOTER
}

/// Type sizes in points. Nothing a patient reads is under 12 pt; the foot of the page is 10.5.
pub mod size {
    pub const BODY: f32 = 12.0;
    pub const TITLE: f32 = 20.0;
    pub const HEADING: f32 = 14.0;
    pub const SUBHEADING: f32 = 12.5;
    pub const FOOT: f32 = 10.5;
}

/// Line height as a share of the type size.
const LEADING: f32 = 1.1;
/// Space after a paragraph, list or box.
const GAP: f32 = 4.0;
/// Where a list item's words start, after its bullet or box.
const INDENT: f32 = 15.0;

/// What a mark is, for a screen reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Title,
    Heading,
    Subheading,
    Paragraph,
    /// Item `item` of a list; items with the same `list` number are one list.
    Item {
        list: usize,
        item: usize,
    },
    /// A cell of a table: its row, and whether it is a heading.
    Cell {
        table: usize,
        row: usize,
        heading: bool,
    },
    /// A picture, with what it shows in words.
    Figure(String),
    /// Drawn but not read: rules, boxes, lines to write on, the page's foot.
    Decoration,
}

/// One thing drawn on a page; coordinates in points from the page's top left, y down.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A run of text on one line; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        colour: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        colour: Rgb,
        width: f32,
    },
    /// A step's symbol, `size` across, its top left at (`x`, `y`).
    Symbol {
        x: f32,
        y: f32,
        size: f32,
        level: Level,
    },
    /// An icon array, its top left at (`x`, `y`): `columns` icons a row, each `cell` square.
    Icons {
        x: f32,
        y: f32,
        cell: f32,
        columns: usize,
        mark: IconMark,
        cells: Vec<Cell>,
    },
}

impl Mark {
    /// Where it starts, from the left.
    fn x(&self) -> f32 {
        match self {
            Mark::Text { x, .. }
            | Mark::Rect { x, .. }
            | Mark::Symbol { x, .. }
            | Mark::Icons { x, .. } => *x,
            Mark::Line { from, to, .. } => from.0.min(to.0),
        }
    }

    /// Where it ends, from the top (a line of text: its baseline and a little below).
    fn bottom(&self) -> f32 {
        match self {
            Mark::Text { y, size, .. } => y + size * 0.3,
            Mark::Rect { y, height, .. } => y + height,
            Mark::Symbol { y, size, .. } => y + size,
            Mark::Icons {
                y,
                cell,
                columns,
                cells,
                ..
            } => y + cell * cells.len().div_ceil(*columns) as f32,
            Mark::Line { from, to, .. } => from.1.max(to.1),
        }
    }
}

/// A mark and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub mark: Mark,
    pub role: Role,
}

/// The handout laid out: its pages, each its marks in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub paper: Paper,
    pub pages: Vec<Vec<Placed>>,
    /// The index of the first page to sign ([`Piece::NewPage`]), where there is one.
    pub signing_from: Option<usize>,
}

impl Laid {
    /// The pages that go home: all but those to sign.
    pub fn take_home_pages(&self) -> usize {
        self.signing_from.unwrap_or(self.pages.len())
    }

    /// The pages to sign, which the clinic keeps.
    pub fn signing_pages(&self) -> usize {
        self.pages.len() - self.take_home_pages()
    }

    /// The offset that centres the laid-out area on the paper.
    pub fn origin(&self) -> (f32, f32) {
        let (width, height) = self.paper.size();
        (
            (width - WIDTH) / 2.0,
            (height - self::height(self.paper)) / 2.0,
        )
    }

    /// The words on each page, in reading order, one mark's text after another.
    pub fn page_text(&self, page: usize) -> String {
        let mut out = String::new();
        for placed in &self.pages[page] {
            if let Mark::Text { text, .. } = &placed.mark {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(text);
            }
        }
        out
    }
}

/// A word and the space after it, in one weight.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    bold: bool,
    /// Followed by a space.
    space: bool,
}

/// Runs as words; a word wider than a whole line (no real word is) is cut into pieces that fit,
/// so nothing runs off the page.
fn words(runs: &[Run], faces: &Faces, size: f32, width: f32) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for run in runs {
        let mut rest = run.text.as_str();
        // A run that starts with a space ends the word before it.
        if rest.starts_with(' ')
            && let Some(last) = out.last_mut()
        {
            last.space = true;
        }
        while !rest.is_empty() {
            rest = rest.trim_start_matches(' ');
            if rest.is_empty() {
                break;
            }
            let end = rest.find(' ').unwrap_or(rest.len());
            let word = &rest[..end];
            rest = &rest[end..];
            let space = rest.starts_with(' ');
            for piece in split_to_fit(word, faces, size, run.bold, width) {
                out.push(Word {
                    text: piece,
                    bold: run.bold,
                    space: false,
                });
            }
            if let Some(last) = out.last_mut() {
                last.space = space;
            }
        }
    }
    out
}

fn split_to_fit(word: &str, faces: &Faces, size: f32, bold: bool, width: f32) -> Vec<String> {
    if faces.width(word, size, bold) <= width {
        return vec![word.to_owned()];
    }
    let mut pieces = vec![String::new()];
    for c in word.chars() {
        let last = pieces.last_mut().expect("one piece");
        last.push(c);
        if faces.width(last, size, bold) > width && last.chars().count() > 1 {
            last.pop();
            pieces.push(c.to_string());
        }
    }
    pieces
}

/// One line of words: the runs on it, each with its x offset.
type LineRuns = Vec<(f32, String, bool)>;

/// Breaks runs into lines no wider than `width`.
fn break_lines(runs: &[Run], faces: &Faces, size: f32, width: f32) -> Vec<LineRuns> {
    let mut lines: Vec<LineRuns> = Vec::new();
    let mut line: LineRuns = Vec::new();
    let mut x = 0.0;
    let mut gap_before = false;
    // The space after a word is drawn in that word's weight, as part of its run.
    let mut space = 0.0;
    for word in words(runs, faces, size, width) {
        let w = faces.width(&word.text, size, word.bold);
        let start = if line.is_empty() {
            0.0
        } else if gap_before {
            x + space
        } else {
            x
        };
        if !line.is_empty() && start + w > width {
            lines.push(std::mem::take(&mut line));
            x = 0.0;
            line.push((0.0, word.text.clone(), word.bold));
            x += w;
        } else {
            // Join a word to the run before it when they share a weight, so the PDF holds
            // whole phrases with their spaces (as a screen reader and a copy want them).
            match line.last_mut() {
                Some((_, text, bold)) if *bold == word.bold => {
                    if gap_before {
                        text.push(' ');
                    }
                    text.push_str(&word.text);
                }
                _ => {
                    if gap_before && let Some((_, text, _)) = line.last_mut() {
                        text.push(' ');
                    }
                    line.push((start, word.text.clone(), word.bold));
                }
            }
            x = start + w;
        }
        gap_before = word.space;
        space = faces.width(" ", size, word.bold);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A block of marks of known height, placed at y = 0; moved onto a page as a whole.
#[derive(Debug, Clone, Default)]
struct Block {
    height: f32,
    marks: Vec<Placed>,
    /// Space to leave above it, unless it starts a page.
    before: f32,
    /// Kept on the same page as the block after it (a heading).
    keep_with_next: bool,
    /// Across both columns, at the head of the first page.
    span: bool,
    /// Drawn above it where it starts a column: what it goes on from (a step of what to do
    /// split between columns says again which step it is).
    continued: Option<Box<Block>>,
    /// Starts a page of its own (the page to sign).
    new_page: bool,
}

impl Block {
    fn push(&mut self, mark: Mark, role: Role) {
        self.marks.push(Placed { mark, role });
    }

    /// A rule across the column at `y`.
    fn rule(&mut self, y: f32, colour: Rgb, width: f32) {
        self.push(
            Mark::Line {
                from: (0.0, y),
                to: (COLUMN, y),
                colour,
                width,
            },
            Role::Decoration,
        );
    }
}

/// Writes lines of text into `block` from `top`, at `left`; returns the height used.
#[allow(clippy::too_many_arguments)]
fn write_lines(
    block: &mut Block,
    lines: &[LineRuns],
    left: f32,
    top: f32,
    size: f32,
    colour: Rgb,
    role: &Role,
) -> f32 {
    let line_height = size * LEADING;
    for (index, line) in lines.iter().enumerate() {
        let baseline = top + index as f32 * line_height + size * 0.95;
        for (x, text, bold) in line {
            block.push(
                Mark::Text {
                    x: left + x,
                    y: baseline,
                    size,
                    bold: *bold,
                    colour,
                    text: text.clone(),
                },
                role.clone(),
            );
        }
    }
    lines.len() as f32 * line_height
}

/// Lays the sheet out; pages as many as it takes.
pub fn lay_out(sheet: &Sheet, paper: Paper, faces: &Faces) -> Laid {
    let colors = Colors::STANDARD;
    let mut blocks = Vec::new();
    let mut lists = 0;
    let mut tables = 0;
    let title = title_block(sheet, faces, &colors);
    blocks.push(title.clone());
    // Lines to sign go across the foot of the last page, after everything else.
    let mut foot = None;
    for piece in &sheet.pieces {
        if let Piece::Lines { lead, labels } = piece {
            foot = Some((lead, labels));
            continue;
        }
        // The page to sign is kept apart from the rest: it says again what it goes with.
        if let Piece::NewPage = piece {
            blocks.push(Block {
                new_page: true,
                ..Block::default()
            });
            blocks.push(title.clone());
            continue;
        }
        piece_blocks(
            piece,
            sheet,
            faces,
            &colors,
            &mut blocks,
            &mut lists,
            &mut tables,
        );
    }
    let body = body_height(paper);
    let (mut pages, signing_from) = flow(&blocks, body, None);
    if let Some((lead, labels)) = foot {
        // Across the foot of the last page, where both its columns end above the lines; else
        // at the foot of its second column, where that ends above them; else on a page of
        // their own.
        let across = lines_to_write_on(lead, labels, WIDTH, 3, faces, &colors);
        let narrow = lines_to_write_on(lead, labels, COLUMN, 2, faces, &colors);
        let last = pages.len() - 1;
        let (tried, _) = flow(
            &blocks,
            body,
            Some((last, body - across.before - across.height)),
        );
        let second_column_ends = pages[last]
            .iter()
            .filter(|placed| placed.mark.x() >= COLUMN)
            .map(|placed| placed.mark.bottom())
            .fold(0.0, f32::max);
        let (foot, x) = if tried.len() == last + 1 {
            pages = tried;
            (across, 0.0)
        } else if second_column_ends + narrow.before + narrow.height <= body {
            (narrow, COLUMN + GUTTER)
        } else {
            pages.push(Vec::new());
            (across, 0.0)
        };
        let top = body - foot.height;
        let page = pages.last_mut().expect("a page");
        page.extend(foot.marks.iter().map(|placed| Placed {
            mark: shifted(&placed.mark, x, top),
            role: placed.role.clone(),
        }));
    }
    // The pages that go home are numbered among themselves; the page to sign says what it is.
    let take_home = signing_from.unwrap_or(pages.len());
    for (index, page) in pages.iter_mut().enumerate() {
        let said = if index < take_home {
            sheet
                .page_of
                .replace("{n}", &(index + 1).to_string())
                .replace("{total}", &take_home.to_string())
        } else {
            sheet.signing_page.clone()
        };
        footer(page, sheet, &said, paper, faces, &colors);
    }
    Laid {
        paper,
        pages,
        signing_from,
    }
}

/// Fills pages with blocks in order: blocks that span the page first (the title and the
/// clinic's box), then down the first column and the second. A block that does not fit starts
/// the next column or page, and a heading goes with it.
/// The columns fill `body` points down the page; `shorter` stops those of one page (by its
/// index) higher, to leave room at its foot. Returns the pages, and the index of the page a
/// [`Block::new_page`] started, if one did.
fn flow(
    blocks: &[Block],
    body: f32,
    shorter: Option<(usize, f32)>,
) -> (Vec<Vec<Placed>>, Option<usize>) {
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    let bottom = |page: usize| match shorter {
        Some((index, height)) if index == page => height,
        _ => body,
    };
    // Where the columns start on this page, which column, and how far down it is filled.
    let mut top = 0.0;
    let mut column = 0;
    let mut y = 0.0;
    let mut index = 0;
    let mut new_page = None;
    while index < blocks.len() {
        if blocks[index].new_page {
            pages.push(Vec::new());
            (top, column, y) = (0.0, 0, 0.0);
            new_page = Some(pages.len() - 1);
            index += 1;
            continue;
        }
        // The run of blocks that must stay together: headings and the block after them.
        let mut end = index;
        while blocks[end].keep_with_next && end + 1 < blocks.len() {
            end += 1;
        }
        let group = &blocks[index..=end];
        let at_top = y == top;
        let header = |block: &Block| block.continued.as_ref().map_or(0.0, |head| head.height);
        let needed: f32 = group
            .iter()
            .enumerate()
            .map(|(i, block)| {
                block.height
                    + if at_top && i == 0 {
                        header(block)
                    } else {
                        block.before
                    }
            })
            .sum();
        if !at_top && y + needed > bottom(pages.len() - 1) {
            if column == 0 {
                column = 1;
            } else {
                pages.push(Vec::new());
                (top, column) = (0.0, 0);
            }
            y = top;
            continue;
        }
        for block in group {
            let x = if block.span {
                0.0
            } else {
                column as f32 * (COLUMN + GUTTER)
            };
            let page = pages.last_mut().expect("a page");
            if y == top
                && let Some(head) = &block.continued
            {
                page.extend(head.marks.iter().map(|placed| Placed {
                    mark: shifted(&placed.mark, x, y),
                    role: placed.role.clone(),
                }));
                y += head.height;
            } else if y > 0.0 {
                y += block.before;
            }
            for placed in &block.marks {
                page.push(Placed {
                    mark: shifted(&placed.mark, x, y),
                    role: placed.role.clone(),
                });
            }
            y += block.height;
            if block.span {
                top = y;
            }
        }
        index = end + 1;
    }
    (pages, new_page)
}

fn shifted(mark: &Mark, dx: f32, dy: f32) -> Mark {
    let mut mark = mark.clone();
    match &mut mark {
        Mark::Text { x, y, .. }
        | Mark::Rect { x, y, .. }
        | Mark::Symbol { x, y, .. }
        | Mark::Icons { x, y, .. } => {
            *x += dx;
            *y += dy;
        }
        Mark::Line { from, to, .. } => {
            from.0 += dx;
            to.0 += dx;
            from.1 += dy;
            to.1 += dy;
        }
    }
    mark
}

fn title_block(sheet: &Sheet, faces: &Faces, colors: &Colors) -> Block {
    let mut block = Block::default();
    let lines = break_lines(&[Run::bold(&sheet.title)], faces, size::TITLE, WIDTH);
    let mut y = write_lines(
        &mut block,
        &lines,
        0.0,
        0.0,
        size::TITLE,
        colors.primary,
        &Role::Title,
    );
    if let Some(given_by) = &sheet.given_by {
        let lines = break_lines(&[Run::plain(given_by)], faces, size::BODY, WIDTH);
        y += write_lines(
            &mut block,
            &lines,
            0.0,
            y,
            size::BODY,
            colors.text,
            &Role::Paragraph,
        );
    }
    y += 3.0;
    block.push(
        Mark::Line {
            from: (0.0, y),
            to: (WIDTH, y),
            colour: colors.primary,
            width: 1.5,
        },
        Role::Decoration,
    );
    block.height = y + 2.0;
    block.span = true;
    block
}

fn text_block(runs: &[Run], size: f32, colour: Rgb, role: Role, faces: &Faces) -> Block {
    let mut block = Block {
        before: GAP,
        ..Block::default()
    };
    let lines = break_lines(runs, faces, size, COLUMN);
    block.height = write_lines(&mut block, &lines, 0.0, 0.0, size, colour, &role);
    block
}

/// A paragraph in blocks that may go on in the next column or page between lines, so that a
/// long one fills the end of a column rather than leaving it empty; never with one line of it
/// alone at the foot of a column or the head of the next.
fn paragraph(runs: &[Run], faces: &Faces, colors: &Colors) -> Vec<Block> {
    const KEPT_TOGETHER: usize = 2;
    let lines = break_lines(runs, faces, size::BODY, COLUMN);
    let count = lines.len();
    let mut blocks = Vec::new();
    let mut start = 0;
    while start < count {
        // The first two lines together, then one at a time, the last two together.
        let end = if start == 0 || count - start <= KEPT_TOGETHER {
            (start + KEPT_TOGETHER).min(count)
        } else {
            start + 1
        };
        let end = if count - end < KEPT_TOGETHER {
            count
        } else {
            end
        };
        let mut block = Block {
            before: if start == 0 { GAP } else { 0.0 },
            ..Block::default()
        };
        block.height = write_lines(
            &mut block,
            &lines[start..end],
            0.0,
            0.0,
            size::BODY,
            colors.text,
            &Role::Paragraph,
        );
        blocks.push(block);
        start = end;
    }
    blocks
}

/// A heading in bold, kept with what follows it.
fn heading(text: &str, size: f32, colour: Rgb, role: Role, faces: &Faces) -> Block {
    Block {
        keep_with_next: true,
        ..text_block(&[Run::bold(text)], size, colour, role, faces)
    }
}

fn piece_blocks(
    piece: &Piece,
    sheet: &Sheet,
    faces: &Faces,
    colors: &Colors,
    blocks: &mut Vec<Block>,
    lists: &mut usize,
    tables: &mut usize,
) {
    let tone = |urgent: bool| {
        if urgent {
            colors.urgent
        } else {
            colors.primary
        }
    };
    match piece {
        Piece::Heading { text, urgent } => {
            let mut block = heading(text, size::HEADING, tone(*urgent), Role::Heading, faces);
            block.before = 9.0;
            block.height += 1.0;
            block.rule(
                block.height,
                tone(*urgent),
                if *urgent { 2.0 } else { 0.75 },
            );
            block.height += 2.0;
            blocks.push(block);
        }
        Piece::Subheading { text, urgent } => {
            blocks.push(heading(
                text,
                size::SUBHEADING,
                tone(*urgent),
                Role::Subheading,
                faces,
            ));
        }
        Piece::Paragraph(runs) => blocks.extend(paragraph(runs, faces, colors)),
        Piece::Note(runs) => {
            let pad = 5.0;
            let mut block = Block {
                before: GAP + 2.0,
                ..Block::default()
            };
            let lines = break_lines(runs, faces, size::BODY, COLUMN - 2.0 * pad - 4.0);
            let height = lines.len() as f32 * size::BODY * LEADING + 2.0 * pad;
            block.push(
                Mark::Rect {
                    x: 0.0,
                    y: 0.0,
                    width: COLUMN,
                    height,
                    fill: Some(colors.urgent_soft),
                    stroke: None,
                },
                Role::Decoration,
            );
            block.push(
                Mark::Rect {
                    x: 0.0,
                    y: 0.0,
                    width: 4.0,
                    height,
                    fill: Some(colors.urgent),
                    stroke: None,
                },
                Role::Decoration,
            );
            write_lines(
                &mut block,
                &lines,
                pad + 4.0,
                pad,
                size::BODY,
                colors.text,
                &Role::Paragraph,
            );
            block.height = height;
            blocks.push(block);
        }
        Piece::Bullets(items) => {
            *lists += 1;
            let bullet = Mark::Rect {
                x: 4.0,
                y: size::BODY * 0.45,
                width: 4.0,
                height: 4.0,
                fill: Some(colors.text),
                stroke: None,
            };
            blocks.extend(list(items, &bullet, *lists, faces, colors));
        }
        Piece::Checklist(items) => {
            *lists += 1;
            // A box the patient can tick.
            let side = 9.0;
            let tick_box = Mark::Rect {
                x: 1.0,
                y: size::BODY * 0.2,
                width: side,
                height: side,
                fill: None,
                stroke: Some((colors.text, 1.0)),
            };
            let items: Vec<Vec<Run>> = items.iter().map(|item| vec![Run::plain(item)]).collect();
            blocks.extend(list(&items, &tick_box, *lists, faces, colors));
        }
        Piece::Contacts {
            heading,
            fields,
            note,
        } => {
            let mut title =
                self::heading(heading, size::HEADING, colors.primary, Role::Heading, faces);
            title.before = 6.0;
            title.span = true;
            blocks.push(title);
            let mut details = contacts(fields, note.as_deref(), faces, colors);
            details.before = 2.0;
            details.span = true;
            blocks.push(details);
        }
        Piece::Step {
            level,
            action,
            signs,
            steps,
        } => {
            *lists += 2;
            blocks.extend(step(
                *level,
                action,
                signs,
                steps,
                &sheet.continued,
                *lists,
                faces,
                colors,
            ));
        }
        Piece::Effects {
            headings,
            rows,
            small_pictures,
        } => {
            *tables += 1;
            // Nearly 2 mm a shape, big enough to count the filled ones without a magnifier;
            // 1.5 mm where room is short.
            let cell = if *small_pictures { 4.2 } else { 5.2 };
            effects(headings, rows, cell, *tables, faces, colors, blocks);
        }
        Piece::Lines { lead, labels } => {
            blocks.push(lines_to_write_on(lead, labels, WIDTH, 3, faces, colors))
        }
        // Laid out by `lay_out`, with the title again.
        Piece::NewPage => {}
    }
}

/// A list of at most this many items is kept together.
const SHORT_LIST: usize = 4;

/// A list's items after their `marker` (a bullet, a box to tick), one block each, so that a long
/// list may run on into the next column (a short one is kept together).
fn list(
    items: &[Vec<Run>],
    marker: &Mark,
    list: usize,
    faces: &Faces,
    colors: &Colors,
) -> Vec<Block> {
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let mut block = Block {
                before: if index == 0 { GAP } else { 2.0 },
                // A short list (the decision's three boxes) is read as one and never split; a
                // long one may go on in the next column anywhere.
                keep_with_next: items.len() <= SHORT_LIST && index + 1 < items.len(),
                ..Block::default()
            };
            block.push(marker.clone(), Role::Decoration);
            let lines = break_lines(item, faces, size::BODY, COLUMN - INDENT);
            block.height = write_lines(
                &mut block,
                &lines,
                INDENT,
                0.0,
                size::BODY,
                colors.text,
                &Role::Item { list, item: index },
            );
            block
        })
        .collect()
}

/// The clinic's details in rows, in order: two to a row where each fits on one line of half
/// the box (`fits_half`), one across it where it does not. A short detail waiting for a partner
/// is paired with the next short one, after a long one between them.
fn detail_rows<T>(fields: &[T], fits_half: impl Fn(&T) -> bool) -> Vec<Vec<&T>> {
    let mut rows: Vec<Vec<&T>> = Vec::new();
    let mut waiting: Option<usize> = None;
    for field in fields {
        if !fits_half(field) {
            rows.push(vec![field]);
            continue;
        }
        match waiting.take() {
            Some(row) => rows[row].push(field),
            None => {
                waiting = Some(rows.len());
                rows.push(vec![field]);
            }
        }
    }
    rows
}

/// The clinic's details in two columns, each a bold label and its value, or a line to write
/// it on; a detail too long for one line of a column across both, rather than wrapped onto
/// two or three; then what to do without a phone number.
fn contacts(
    fields: &[super::sheet::Field],
    note: Option<&str>,
    faces: &Faces,
    colors: &Colors,
) -> Block {
    let gap = 16.0;
    let pad = 6.0;
    let column = (WIDTH - 2.0 * pad - gap) / 2.0;
    let line = size::BODY * LEADING;
    let runs_of = |field: &super::sheet::Field| {
        // "Needles near a lung today?" takes no colon after its question mark.
        let label = field.label.trim_end();
        let colon = if label.ends_with(['?', ':']) { "" } else { ":" };
        let mut runs = vec![Run::bold(format!("{label}{colon}"))];
        runs.extend(
            field
                .value
                .as_ref()
                .map(|value| Run::plain(format!(" {value}"))),
        );
        runs
    };
    let rows = detail_rows(fields, |field| {
        field.value.is_none() || break_lines(&runs_of(field), faces, size::BODY, column).len() == 1
    });
    let mut block = Block {
        before: GAP,
        ..Block::default()
    };
    let mut y = pad;
    for row in rows {
        let mut row_height: f32 = 0.0;
        let width = if row.len() == 1 && row[0].value.is_some() {
            WIDTH - 2.0 * pad
        } else {
            column
        };
        for (index, field) in row.into_iter().enumerate() {
            let left = pad + index as f32 * (column + gap);
            let lines = break_lines(&runs_of(field), faces, size::BODY, width);
            let used = write_lines(
                &mut block,
                &lines,
                left,
                y,
                size::BODY,
                colors.text,
                &Role::Paragraph,
            );
            let mut height = used;
            if field.value.is_none() {
                // A line to write on, to the column's end, or under the label where it leaves
                // under a third of the column.
                let last = lines.last().map_or(0.0, |line| {
                    line.iter()
                        .map(|(x, text, bold)| x + faces.width(text, size::BODY, *bold))
                        .fold(0.0, f32::max)
                });
                let (start, bottom) = if column - last > column / 3.0 {
                    (last + 6.0, y + used - 3.0)
                } else {
                    height += line;
                    (0.0, y + used + line - 3.0)
                };
                block.push(
                    Mark::Line {
                        from: (left + start, bottom),
                        to: (left + column, bottom),
                        colour: colors.text,
                        width: 0.75,
                    },
                    Role::Decoration,
                );
            }
            height += 4.0;
            row_height = row_height.max(height);
        }
        y += row_height;
    }
    if let Some(note) = note {
        let lines = break_lines(&[Run::bold(note)], faces, size::BODY, WIDTH - 2.0 * pad);
        y += write_lines(
            &mut block,
            &lines,
            pad,
            y,
            size::BODY,
            colors.text,
            &Role::Paragraph,
        );
    }
    let height = y + pad - 2.0;
    block.marks.insert(
        0,
        Placed {
            mark: Mark::Rect {
                x: 0.0,
                y: 0.0,
                width: WIDTH,
                height,
                fill: None,
                stroke: Some((colors.primary, 1.25)),
            },
            role: Role::Decoration,
        },
    );
    block.height = height;
    block
}

/// A step of what to do, edged down its left in its level's colour (the emergency also tinted):
/// its symbol and what to do in bold, the signs as a list, and how, numbered where there is
/// more than one step. Each line of it is a block, so a long step runs on into the next column
/// with its edge, and what to do stays with its first sign.
#[allow(clippy::too_many_arguments)]
fn step(
    level: Level,
    action: &str,
    signs: &[String],
    steps: &[String],
    continued: &str,
    lists: usize,
    faces: &Faces,
    colors: &Colors,
) -> Vec<Block> {
    let symbol = 24.0;
    let edge_width = match level {
        Level::Normal => 3.0,
        Level::CallClinic => 4.0,
        Level::EmergencyRoom | Level::Emergency => 5.0,
    };
    let edge = match level {
        Level::Normal => colors.tone(Tone::Faint),
        Level::CallClinic => colors.primary,
        Level::EmergencyRoom | Level::Emergency => colors.urgent,
    };
    let tint = (level == Level::Emergency).then_some(colors.urgent_soft);
    // The tint and the edge behind a part of the step, `height` high, drawn first.
    let behind = |height: f32| -> Vec<Placed> {
        let rect = |width: f32, fill: Rgb| Placed {
            mark: Mark::Rect {
                x: 0.0,
                y: 0.0,
                width,
                height,
                fill: Some(fill),
                stroke: None,
            },
            role: Role::Decoration,
        };
        tint.map(|tint| rect(COLUMN, tint))
            .into_iter()
            .chain([rect(edge_width, edge)])
            .collect()
    };
    let pad = 4.0;
    // What to do sits beside the symbol; the signs and steps under it take the box's width.
    let left = edge_width + pad + symbol + 6.0;
    let width = COLUMN - left - pad;
    let body = edge_width + pad + 6.0;
    let body_width = COLUMN - body - pad;
    // The parts of the step, each (its lines, where they start, how they are read, a bullet).
    let mut parts: Vec<(Vec<LineRuns>, f32, Role, bool)> = Vec::new();
    parts.push((
        break_lines(&[Run::bold(action)], faces, size::BODY, width),
        left,
        Role::Paragraph,
        false,
    ));
    for (index, sign) in signs.iter().enumerate() {
        parts.push((
            break_lines(&[Run::plain(sign)], faces, size::BODY, body_width - INDENT),
            body + INDENT,
            Role::Item {
                list: lists - 1,
                item: index,
            },
            true,
        ));
    }
    if let [only] = steps {
        parts.push((
            break_lines(&[Run::plain(only)], faces, size::BODY, body_width),
            body,
            Role::Paragraph,
            false,
        ));
    } else {
        for (number, how) in steps.iter().enumerate() {
            parts.push((
                break_lines(
                    &[Run::plain(format!("{}. {how}", number + 1))],
                    faces,
                    size::BODY,
                    body_width,
                ),
                body,
                Role::Item {
                    list: lists,
                    item: number,
                },
                false,
            ));
        }
    }
    let count = parts.len();
    // Where the step runs on into the next column: its symbol and what it is, again.
    let what = action
        .split([':', '.'])
        .next()
        .unwrap_or(action)
        .trim()
        .to_owned();
    let continued = {
        let small = 16.0;
        let mut head = Block::default();
        let lines = break_lines(
            &[Run::bold(format!("{what} {continued}"))],
            faces,
            size::BODY,
            width,
        );
        let height = write_lines(
            &mut head,
            &lines,
            left,
            pad,
            size::BODY,
            colors.muted,
            &Role::Decoration,
        ) + pad;
        head.push(
            Mark::Symbol {
                x: edge_width + pad + (symbol - small) / 2.0,
                y: pad,
                size: small,
                level,
            },
            Role::Decoration,
        );
        let mut marks = behind(height);
        marks.append(&mut head.marks);
        head.marks = marks;
        head.height = height;
        head
    };
    parts
        .into_iter()
        .enumerate()
        .map(|(index, (lines, at, role, bullet))| {
            let first = index == 0;
            let last = index + 1 == count;
            let top = if first { pad } else { 2.0 };
            let mut block = Block {
                before: if first { GAP + 2.0 } else { 0.0 },
                // An urgent step is never split: what to do, its signs and its steps are read
                // together (a box run on into the next column or page left a line such as "Do
                // not drive yourself" apart from the signs it is for). What is expected may
                // run on, under its name and "(continued)", rather than leave the end of page 1
                // empty: its first sign stays with what it says.
                keep_with_next: !last && (level != Level::Normal || first),
                ..Block::default()
            };
            let mut height =
                top + write_lines(&mut block, &lines, at, top, size::BODY, colors.text, &role);
            if first {
                block.push(
                    Mark::Symbol {
                        x: edge_width + pad,
                        y: pad,
                        size: symbol,
                        level,
                    },
                    Role::Figure(action.to_owned()),
                );
                height = height.max(symbol + pad);
            }
            if bullet {
                block.push(
                    Mark::Rect {
                        x: at - INDENT + 3.0,
                        y: top + size::BODY * 0.45,
                        width: 4.0,
                        height: 4.0,
                        fill: Some(colors.text),
                        stroke: None,
                    },
                    Role::Decoration,
                );
            }
            if last {
                height += pad;
            }
            let mut behind = behind(height);
            behind.append(&mut block.marks);
            block.marks = behind;
            block.height = height;
            block.continued = (!first).then(|| Box::new(continued.clone()));
            block
        })
        .collect()
}

/// The side effects as a table of two columns: each one's name and how often, and its picture
/// of 100 (10 by 10, as in the guide). A row is a block, so the table may run on into the next
/// column, where its headings are not needed: each row names its side effect.
fn effects(
    headings: &[String; 3],
    rows: &[EffectRow],
    cell: f32,
    table: usize,
    faces: &Faces,
    colors: &Colors,
    blocks: &mut Vec<Block>,
) {
    // Without pictures (given up to make room), the text takes the table's width.
    let pictured = rows.iter().any(|row| row.chart.is_some());
    let picture = if pictured { cell * 10.0 } else { 0.0 };
    let gap = if pictured { 8.0 } else { 0.0 };
    let text_width = COLUMN - picture - gap;
    // The headings, kept with the first row.
    let mut head = Block {
        before: GAP,
        keep_with_next: true,
        ..Block::default()
    };
    let mut height: f32 = 0.0;
    let heading = |column: usize| Role::Cell {
        table,
        row: 0,
        heading: column == 0,
    };
    let columns = [
        (
            0.0,
            text_width,
            format!("{} · {}", headings[0], headings[1]),
        ),
        (
            COLUMN - picture - gap / 2.0,
            picture + gap / 2.0,
            headings[2].clone(),
        ),
    ];
    for (column, (left, width, text)) in columns
        .into_iter()
        .take(if pictured { 2 } else { 1 })
        .enumerate()
    {
        let lines = break_lines(&[Run::bold(text)], faces, size::BODY, width);
        height = height.max(write_lines(
            &mut head,
            &lines,
            left,
            0.0,
            size::BODY,
            colors.text,
            &heading(column),
        ));
    }
    head.rule(height + 1.5, colors.text, 1.0);
    head.height = height + 3.0;
    // A row that starts a column has the headings again above it, drawn but not read twice.
    let repeated = Box::new(Block {
        marks: head
            .marks
            .iter()
            .map(|placed| Placed {
                mark: placed.mark.clone(),
                role: Role::Decoration,
            })
            .collect(),
        height: head.height,
        ..Block::default()
    });
    blocks.push(head);
    for (index, row) in rows.iter().enumerate() {
        let mut block = Block {
            before: 3.0,
            continued: Some(repeated.clone()),
            ..Block::default()
        };
        let role = |column: usize| Role::Cell {
            table,
            row: index + 1,
            heading: column == 0,
        };
        let name = break_lines(&[Run::plain(&row.name)], faces, size::BODY, text_width);
        let mut height = write_lines(
            &mut block,
            &name,
            0.0,
            0.0,
            size::BODY,
            colors.text,
            &role(0),
        );
        let rate = break_lines(&row.how_often, faces, size::BODY, text_width);
        height += write_lines(
            &mut block,
            &rate,
            0.0,
            height,
            size::BODY,
            colors.text,
            &role(1),
        );
        if let Some(chart) = &row.chart {
            let alt = chart
                .sentence
                .iter()
                .map(|span| span.text())
                .collect::<String>();
            block.push(
                Mark::Icons {
                    x: COLUMN - picture,
                    y: 1.0,
                    cell,
                    columns: 10,
                    mark: chart.mark,
                    cells: chart.cells[..COUNT].to_vec(),
                },
                Role::Figure(alt),
            );
            height = height.max(picture + 2.0);
        }
        block.rule(height + 2.0, colors.faint, 0.5);
        block.height = height + 3.0;
        blocks.push(block);
    }
}

/// What signing says (`lead`), then lines to write on, `per_row` a row across `width`, each
/// with its label under it.
fn lines_to_write_on(
    lead: &str,
    labels: &[String],
    width: f32,
    per_row: usize,
    faces: &Faces,
    colors: &Colors,
) -> Block {
    let gap = 14.0;
    let column = (width - (per_row - 1) as f32 * gap) / per_row as f32;
    let mut block = Block {
        before: GAP + 4.0,
        ..Block::default()
    };
    let lead = break_lines(&[Run::plain(lead)], faces, size::BODY, width);
    let mut y = write_lines(
        &mut block,
        &lead,
        0.0,
        0.0,
        size::BODY,
        colors.text,
        &Role::Paragraph,
    );
    for pair in labels.chunks(per_row) {
        y += 22.0;
        let mut row: f32 = 0.0;
        // A label alone on its row has the row's width.
        let column = if pair.len() == 1 { width } else { column };
        for (index, label) in pair.iter().enumerate() {
            let left = index as f32 * (column + gap);
            block.push(
                Mark::Line {
                    from: (left, y),
                    to: (left + column, y),
                    colour: colors.text,
                    width: 0.75,
                },
                Role::Decoration,
            );
            let lines = break_lines(&[Run::plain(label)], faces, size::BODY, column);
            row = row.max(write_lines(
                &mut block,
                &lines,
                left,
                y + 2.0,
                size::BODY,
                colors.muted,
                &Role::Paragraph,
            ));
        }
        y += row + 1.0;
    }
    // Room under the last label, so its descenders clear the rule at the page's foot.
    block.height = y + 6.0;
    block
}

/// The foot of a page: what was checked when, and `page_of` ("Page 1 of 2").
fn footer(
    page: &mut Vec<Placed>,
    sheet: &Sheet,
    page_of: &str,
    paper: Paper,
    faces: &Faces,
    colors: &Colors,
) {
    let page_width = faces.width(page_of, size::FOOT, false);
    let lines = break_lines(
        &[Run::plain(&sheet.footer)],
        faces,
        size::FOOT,
        WIDTH - page_width - 12.0,
    );
    let top = height(paper) - FOOTER + 4.0;
    page.push(Placed {
        mark: Mark::Line {
            from: (0.0, top - 2.0),
            to: (WIDTH, top - 2.0),
            colour: colors.faint,
            width: 0.5,
        },
        role: Role::Decoration,
    });
    // Only its first line: the foot has room for one.
    if let Some(line) = lines.first() {
        for (x, text, bold) in line {
            page.push(Placed {
                mark: Mark::Text {
                    x: *x,
                    y: top + size::FOOT,
                    size: size::FOOT,
                    bold: *bold,
                    colour: colors.muted,
                    text: text.clone(),
                },
                role: Role::Decoration,
            });
        }
    }
    page.push(Placed {
        mark: Mark::Text {
            x: WIDTH - page_width,
            y: top + size::FOOT,
            size: size::FOOT,
            bold: false,
            colour: colors.muted,
            text: page_of.to_owned(),
        },
        role: Role::Decoration,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::colors::contrast_ratio;
    use crate::content::Library;
    use crate::handout::{HandoutOptions, sheet};

    #[test]
    fn a_long_paragraph_breaks_between_lines_never_leaving_one_alone() {
        let faces = Faces::new();
        let colors = Colors::STANDARD;
        for words in [1, 12, 30, 60, 200] {
            let text = vec!["needling"; words].join(" ");
            let lines = break_lines(&[Run::plain(&text)], &faces, size::BODY, COLUMN).len();
            let blocks = paragraph(&[Run::plain(&text)], &faces, &colors);
            let line_height = size::BODY * LEADING;
            let counts: Vec<usize> = blocks
                .iter()
                .map(|block| (block.height / line_height).round() as usize)
                .collect();
            assert_eq!(counts.iter().sum::<usize>(), lines, "{words} words");
            if lines >= 2 {
                assert!(counts[0] >= 2, "{words} words: {counts:?}");
                assert!(counts[counts.len() - 1] >= 2, "{words} words: {counts:?}");
            }
            if lines > 4 {
                assert!(blocks.len() > 2, "{words} words: it can break, {counts:?}");
            }
            assert_eq!(blocks[0].before, GAP);
            assert!(blocks[1..].iter().all(|block| block.before == 0.0));
        }
    }

    /// Every handout both languages make, whole (the longest), laid on both papers.
    fn laid() -> Vec<(String, Laid)> {
        let faces = Faces::new();
        let mut all = Vec::new();
        for locale in ["en", "es"] {
            let library = Library::embedded(locale).expect("the built-in content");
            let options = HandoutOptions {
                conditions: library
                    .conditions()
                    .take(2)
                    .map(|(_, c)| c.id.as_str().into())
                    .collect(),
                ..HandoutOptions::default()
            };
            let sheet = sheet::build(
                &library,
                &options,
                &sheet::Cuts::none(),
                sheet::Arrangement::ExpectedWithSteps,
                &faces.regular,
            );
            for paper in Paper::ALL {
                all.push((
                    format!("{locale} {}", paper.name()),
                    lay_out(&sheet, paper, &faces),
                ));
            }
        }
        all
    }

    #[test]
    fn every_word_stays_inside_its_column_and_the_page() {
        let faces = Faces::new();
        for (name, laid) in laid() {
            // The title and the clinic's box span the head of the first page, down to the foot of
            // the box.
            let head = laid.pages[0]
                .iter()
                .filter_map(|placed| match placed.mark {
                    Mark::Rect {
                        y, width, height, ..
                    } if width > COLUMN + 1.0 => Some(y + height),
                    _ => None,
                })
                .fold(0.0, f32::max);
            assert!(head > 0.0, "{name}: the clinic's box");
            for (index, page) in laid.pages.iter().enumerate() {
                for placed in page {
                    if let Mark::Text {
                        x,
                        y,
                        size,
                        bold,
                        text,
                        ..
                    } = &placed.mark
                    {
                        let right = x + faces.width(text.trim_end(), *size, *bold);
                        assert!(
                            *x >= 0.0 && right <= WIDTH + 0.01,
                            "{name}: {text:?} at {x}"
                        );
                        assert!(
                            *y > 0.0 && *y <= height(laid.paper),
                            "{name}: {text:?} at {y}"
                        );
                        // A run in the first column ends before the second begins.
                        let spans = placed.role == Role::Decoration || (index == 0 && *y < head);
                        if *x < COLUMN && !spans {
                            assert!(right <= COLUMN + 0.01, "{name}: {text:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn what_a_patient_reads_is_12_points_or_more() {
        for (name, laid) in laid() {
            for placed in laid.pages.iter().flatten() {
                if let Mark::Text { size, text, .. } = &placed.mark
                    && placed.role != Role::Decoration
                {
                    assert!(*size >= size::BODY, "{name}: {text:?} at {size} pt");
                }
            }
        }
    }

    /// The handout's colours are the theme's, its words keep 4.5:1 on the paper and on every
    /// tint under them, and its edges and lines 3:1 on the paper (WCAG 1.4.3 and 1.4.11).
    #[test]
    fn the_handouts_colours_are_the_themes_and_keep_their_contrast_on_paper() {
        let theme = Colors::STANDARD;
        let paper = theme.surface;
        for (name, laid) in laid() {
            for page in &laid.pages {
                let tints: Vec<(f32, f32, f32, f32, Rgb)> = page
                    .iter()
                    .filter_map(|placed| match placed.mark {
                        Mark::Rect {
                            x,
                            y,
                            width,
                            height,
                            fill: Some(fill),
                            ..
                        } if width > 10.0 => Some((x, y, x + width, y + height, fill)),
                        _ => None,
                    })
                    .collect();
                for placed in page {
                    match &placed.mark {
                        Mark::Text {
                            x, y, colour, text, ..
                        } => {
                            let under = tints
                                .iter()
                                .filter(|(l, t, r, b, _)| x >= l && x <= r && y >= t && y <= b)
                                .map(|tint| tint.4)
                                .chain([paper]);
                            for background in under {
                                let ratio =
                                    contrast_ratio(colour.channels(), background.channels());
                                assert!(ratio >= 4.5, "{name}: {text:?} {ratio:.2}:1");
                            }
                        }
                        Mark::Line { colour, .. }
                        | Mark::Rect {
                            stroke: Some((colour, _)),
                            ..
                        } => {
                            let ratio = contrast_ratio(colour.channels(), paper.channels());
                            assert!(ratio >= 3.0, "{name}: a line at {ratio:.2}:1");
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    #[test]
    fn lines_break_at_spaces_and_keep_every_word() {
        let faces = Faces::new();
        let text = "Soreness where the needles went in, like after hard exercise. It can last 1 to 2 days.";
        for width in [60.0, 120.0, COLUMN] {
            let lines = break_lines(&[Run::plain(text)], &faces, size::BODY, width);
            let joined: Vec<String> = lines
                .iter()
                .map(|line| {
                    line.iter()
                        .map(|(_, text, _)| text.trim_end())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            assert_eq!(joined.join(" "), text, "at {width}");
            for line in &joined {
                assert!(
                    faces.width(line, size::BODY, false) <= width + 0.01,
                    "{line:?} at {width}"
                );
            }
        }
        // A bold run and the plain one after it keep the space between them.
        let lines = break_lines(
            &[Run::bold("How long to watch. "), Run::plain("The signs")],
            &faces,
            size::BODY,
            400.0,
        );
        let [(_, first, true), (x, second, false)] = &lines[0][..] else {
            panic!("{lines:?}");
        };
        assert_eq!(
            (first.as_str(), second.as_str()),
            ("How long to watch. ", "The signs")
        );
        assert!((x - faces.width("How long to watch. ", size::BODY, true)).abs() < 0.01);
    }
}
