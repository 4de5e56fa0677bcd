//! Draws a [`Document`]: the title and first sentence, then each section and its parts.

use iced::alignment::Vertical;
use iced::widget::text::Wrapping;
use iced::widget::{Column, column, container, rich_text, row, span, text};
use iced::{Element, Fill, Length};

use super::layout::Layout;
use super::message::{ConditionsTab, Message};
use crate::content::Span;
use crate::content::ids::{RegionId, WHOLE_BODY};
use crate::content::model::Level;
use crate::content::model::{BodyMapWords, Tone};
use crate::content::route::{PageId, Route};
use crate::document::{
    ActionItem, Choice, ClaimItem, CompareRow, Contact, Document, Effect, Link, LungPicture, Part,
    QuestionItem, RegionGroup, SourceCard, joined,
};
use crate::theme::style::{self, Role};
use crate::theme::typography;
use crate::theme::{BOLD, metrics, size};
use crate::widget::nav::{action, label, mark};
use crate::widget::spans::{self, Terms};
use crate::widget::{action_icon, body_map, icon, icon_array, lung_areas, risk_scale};

/// What the page view needs beyond the words: the picked region, the tab, the room it has, and
/// how its glossary terms look.
pub struct PageState<'a> {
    pub selected_region: Option<&'a RegionId>,
    pub conditions_tab: ConditionsTab,
    pub layout: Layout,
    pub terms: Terms<Message>,
    /// The teach-back check as it stands, drawn where the page has its questions.
    pub check: Option<Element<'a, Message>>,
    /// The passage being read aloud, counted as [`crate::document::Document::passages`] counts.
    pub reading: Option<usize>,
    /// Read aloud's label, beside the title where the machine can speak.
    pub read_aloud: Option<String>,
    /// Notices under the title: that the machine could not speak, and what staff should know.
    pub notices: Vec<String>,
    /// Notices at the foot of the page.
    pub notices_below: Vec<String>,
}

/// Below this layout height (large text on a short screen), titles are smaller and the pinned
/// note shows only its heading, to leave the page room for more than its top.
pub const SHORT_LAYOUT: f32 = 560.0;

/// A layout narrower than this is a portrait panel's (480 wide) or a window as narrow.
pub const NARROW_LAYOUT: f32 = 600.0;

/// Below this layout height (the kiosk's 640), home's lead gives its room to the fifth row of
/// topic tiles, so that every topic shows without scrolling.
const TILES_AND_LEAD: f32 = 700.0;

pub fn view<'a>(document: Document, mut state: PageState<'a>) -> Element<'a, Message> {
    // A page of topics (home) or of questions (the check) keeps its title small, to leave the
    // screen to its buttons.
    let launcher = document.sections.iter().any(|section| {
        section
            .parts
            .iter()
            .any(|part| matches!(part, Part::Choices(_) | Part::TeachBack(_)))
    });
    let short = state.layout.height < SHORT_LAYOUT;
    // On a portrait panel a long title in the large size breaks over half the screen (six lines
    // in Spanish beside Read aloud).
    let narrow = state.layout.width < NARROW_LAYOUT;
    let title_size = if launcher || short || narrow {
        size::SHORT_TITLE
    } else {
        size::TITLE
    };
    // The title stands well above the sections' headings, the short title too (presenting).
    let heading_size = if short {
        size::SHORT_HEADING
    } else {
        size::HEADING
    };
    // In large text, a page of topics goes straight from its title to its tiles; so does a page
    // that opens with its tiles (home) on a screen not tall enough for them all and its lead.
    let opens_with_tiles = document
        .sections
        .first()
        .and_then(|section| section.parts.first())
        .is_some_and(|part| matches!(part, Part::Choices(_)));
    // A page that opens with the steps of what to do (Warning signs) gives its lead's room to
    // them on a short screen: its title says what it is about, and the first step, with the
    // number to call, is what a frightened patient must see without scrolling.
    let opens_with_steps = document
        .sections
        .first()
        .and_then(|section| section.parts.first())
        .is_some_and(|part| matches!(part, Part::Actions(_)));
    // Only such pages give their lead's room away: elsewhere the lead says what the page is
    // about (on a condition's page, what the condition is), at every size.
    let lead = (!document.lead.is_empty()
        && (!opens_with_tiles || state.layout.height >= TILES_AND_LEAD)
        && (!opens_with_steps || !short))
        .then(|| spans::sized(document.lead, size::LEAD, state.terms));
    let read_aloud = state
        .read_aloud
        .take()
        .map(|words| action(label(words), Role::Secondary, Message::ReadFrom(0)));
    // A condition's medical name sits beneath its everyday name, smaller and quieter.
    let subtitle = document.subtitle.map(|subtitle| {
        typography::subtitle(subtitle)
            .wrapping(Wrapping::WordOrGlyph)
            .style(style::muted)
    });
    // On a short or a narrow screen, the title in the tile's fewer words: the whole title beside
    // Read aloud took two lines of a short screen (six in Spanish on a portrait panel), and pushed
    // the first step of Warning signs below it. Not a page of topics (home, whose tile would say
    // "Home"): its title is small already.
    let title = match document.short_title {
        Some(short_title) if (short || narrow) && !launcher => short_title,
        _ => document.title,
    };
    // A word longer than the line breaks, instead of running under Read aloud.
    let names = column![
        text(title)
            .size(title_size)
            .font(BOLD)
            .wrapping(Wrapping::WordOrGlyph)
    ]
    .push(subtitle)
    .spacing(metrics::XS)
    .width(Fill);
    // Under the title on a narrow screen: beside it, the title's column was too narrow for a
    // word at the larger text size ("Conozc / a la").
    let title: Element<'_, Message> = if narrow {
        column![names].push(read_aloud).spacing(metrics::S).into()
    } else {
        row![names]
            .push(read_aloud)
            .spacing(metrics::M)
            .align_y(Vertical::Center)
            .into()
    };
    let top = column![title]
        .extend(notes(std::mem::take(&mut state.notices)))
        .push(lead)
        .spacing(metrics::M)
        .width(Fill);
    let mut page = column![passage(top, 0, state.reading)]
        .spacing(metrics::M)
        .width(Fill);
    // Counted as the passages of read-aloud are: the title is 0.
    let mut counted = 1;
    let mut next = || {
        counted += 1;
        counted - 1
    };

    // A section whose only part is pinned to the foot of the screen is left out.
    for (index, section) in document
        .sections
        .into_iter()
        .filter(|section| section.heading.is_some() || !section.parts.is_empty())
        .enumerate()
    {
        let mut chunk = Column::new().spacing(metrics::M).width(Fill);
        if let Some(heading) = section.heading {
            let heading = typography::heading(heading)
                .size(heading_size)
                .wrapping(Wrapping::WordOrGlyph);
            chunk = chunk.push(passage(heading, next(), state.reading));
        }
        for part in section.parts {
            let number = next();
            let drawn = part_view(part, &mut state);
            chunk = chunk.push(passage(drawn, number, state.reading));
        }
        // A page of buttons keeps them close under its title; so does a short screen its first
        // section (on Warning signs, the first step's first sign).
        let above = if launcher || (short && index == 0) {
            0.0
        } else {
            metrics::M
        };
        page = page.push(container(chunk).padding(iced::Padding::ZERO.top(above)));
    }
    page.extend(notes(std::mem::take(&mut state.notices_below)))
        .into()
}

/// Notices, quieter than the page's own words.
fn notes<'a>(notices: Vec<String>) -> impl Iterator<Item = Element<'a, Message>> {
    notices
        .into_iter()
        .map(|notice| typography::body(notice).style(style::muted).into())
}

/// Passage `number` of the page: marked while it is read aloud, and, while reading, a tap on it
/// goes on from there.
fn passage<'a>(
    content: impl Into<Element<'a, Message>>,
    number: usize,
    reading: Option<usize>,
) -> Element<'a, Message> {
    match reading {
        None => content.into(),
        Some(current) if current == number => container(content)
            .id(super::READING)
            .padding(metrics::XS)
            .width(Fill)
            .style(style::reading)
            .into(),
        // The same padding as the marked passage, so nothing moves as reading goes on.
        Some(_) => iced::widget::mouse_area(container(content).padding(metrics::XS))
            .on_press(Message::ReadFrom(number))
            .into(),
    }
}

fn part_view<'a>(part: Part, state: &mut PageState<'a>) -> Element<'a, Message> {
    let terms = state.terms;
    match part {
        Part::Paragraph(spans) => spans::paragraph(spans, terms),
        // A checklist is bullets on the screen, where nothing would keep a tick and an empty box
        // would look like something to tap; the handout prints its boxes, for a pen.
        Part::Bullets(items) | Part::Checklist { items, .. } => {
            list(items, terms, |_| marker_text("•"))
        }
        Part::Steps(items) => list(items, terms, |index| step_number(index + 1)),
        Part::Callout {
            tone,
            heading,
            body,
            link,
            ..
        } => callout(tone, heading, body, link, terms),
        Part::Compare { left, right, rows } => compare(left, right, rows, terms),
        Part::Effect(effect) => effect_card(effect, terms, key_beside(state)),
        Part::Region(group) => region(group.name, group.conditions),
        Part::RiskScale { rows, ticks } => card(risk_scale::view(rows, ticks)),
        Part::ConditionIndex {
            regions,
            words,
            lungs,
        } => condition_index(regions, words, lungs, state),
        Part::LungAreas(picture) => {
            let width = state.layout.content_width;
            if width >= SIDE_BY_SIDE_WIDTH {
                lung_card(picture, terms, LUNG_PICTURE_WIDTH, true)
            } else {
                // The card's padding on both sides.
                let room = width - 2.0 * metrics::M;
                lung_card(picture, terms, room.min(body_map::VIEW.width), false)
            }
        }
        Part::Term { word, meaning, .. } => card(
            column![typography::subheading(word), typography::body(meaning)].spacing(metrics::XS),
        ),
        Part::Choices(choices) => choice_grid(choices, state.layout.content_width),
        Part::Contacts(contacts) => contacts_card(contacts),
        Part::Actions(items) => actions(items, terms),
        Part::Questions(items) => questions(items, terms),
        Part::Sources(cards) => sources(cards, terms),
        Part::Evidence(items) => evidence(items, terms, key_beside(state)),
        // Without the check's state (a page drawn alone), the questions are not drawn.
        Part::TeachBack(_) => state
            .check
            .take()
            .unwrap_or_else(|| iced::widget::space().into()),
    }
}

/// A card: white, bordered, padded.
fn card<'a>(content: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    container(content)
        .padding(metrics::M)
        .width(Fill)
        .style(style::card)
        .into()
}

/// Items, each after a marker (a bullet, a box or a number).
fn list<'a>(
    items: Vec<Vec<crate::content::Span>>,
    terms: Terms<Message>,
    marker: impl Fn(usize) -> Element<'a, Message>,
) -> Element<'a, Message> {
    Column::with_children(items.into_iter().enumerate().map(|(index, item)| {
        row![
            container(marker(index))
                .width(40)
                .padding(iced::Padding::ZERO.top(2)),
            spans::paragraph(item, terms)
        ]
        .spacing(metrics::XS)
        .into()
    }))
    .spacing(metrics::S)
    .into()
}

fn marker_text<'a>(marker: &'static str) -> Element<'a, Message> {
    typography::strong(marker).style(style::primary).into()
}

/// A number in a filled circle.
fn step_number<'a>(number: usize) -> Element<'a, Message> {
    container(typography::strong(number.to_string()).style(style::on_primary))
        .center(32)
        .style(style::step_number)
        .into()
}

/// A box that stands out. With a link, the whole box is a button to where it leads, and says so
/// at its foot ("Warning signs ›").
fn callout<'a>(
    tone: Tone,
    heading: String,
    body: Vec<crate::content::Span>,
    link: Option<Link>,
    terms: Terms<Message>,
) -> Element<'a, Message> {
    let urgent = tone == Tone::Urgent;
    let heading = typography::subheading(heading).wrapping(Wrapping::WordOrGlyph);
    let (heading, boxed): (_, fn(&iced::Theme) -> container::Style) = if urgent {
        (heading.style(style::urgent_text), style::urgent)
    } else {
        (heading, style::note)
    };
    let words = column![heading, spans::paragraph(body, terms)].spacing(metrics::XS);
    let Some(link) = link else {
        return container(words)
            .padding(metrics::M)
            .width(Fill)
            .style(boxed)
            .into();
    };
    let link_style = if urgent {
        style::urgent_text
    } else {
        style::primary
    };
    let leads_to = row![
        typography::strong(link.label).style(link_style),
        typography::subheading("›").style(link_style),
    ]
    .spacing(metrics::XS)
    .align_y(Vertical::Center);
    action(
        words.push(leads_to).width(Fill),
        Role::Choice { urgent },
        Message::Open(link.route),
    )
    .width(Fill)
    .padding(metrics::M)
    .into()
}

/// The picture of where a needle can reach a lung wide enough to show the shoulders' and neck's
/// stripes plainly, beside its words.
const LUNG_PICTURE_WIDTH: f32 = 320.0;

/// The size of the key's sample of the stripes.
const LUNG_KEY_SIZE: f32 = 32.0;

/// What the stripes mean, beside a sample of them.
fn lung_key<'a>(key: String) -> Element<'a, Message> {
    row![
        lung_areas::swatch(LUNG_KEY_SIZE),
        typography::subheading(key).width(Fill),
    ]
    .spacing(metrics::S)
    .align_y(Vertical::Center)
    .into()
}

/// Where a needle can reach a lung: the picture, `width` wide, beside (or over) its key, its
/// caption and its sources.
fn lung_card<'a>(
    picture: LungPicture,
    terms: Terms<Message>,
    width: f32,
    beside: bool,
) -> Element<'a, Message> {
    let key = lung_key(picture.key);
    let sources = Column::with_children(picture.sources.into_iter().map(|source| {
        typography::body(format!("{}: {}", source.label, source.value))
            .style(style::muted)
            .into()
    }))
    .spacing(metrics::XS);
    let words = column![
        key,
        spans::paragraph(picture.summary, terms),
        spans::paragraph(picture.caption, terms),
        sources
    ]
    .spacing(metrics::S)
    .width(Fill);
    let drawing = lung_areas::view(picture.views, width);
    if beside {
        card(row![drawing, words].spacing(metrics::L))
    } else {
        card(
            column![words, drawing]
                .spacing(metrics::M)
                .align_x(iced::Center),
        )
    }
}

/// Two things side by side: a header row, then one card per topic with both answers.
fn compare<'a>(
    left: String,
    right: String,
    rows: Vec<CompareRow>,
    terms: Terms<Message>,
) -> Element<'a, Message> {
    // Each row names its two sides, so a row far down the page still says which is which.
    let side = |name: &String, colour: fn(&iced::Theme) -> text::Style, words| {
        column![
            typography::strong(name.clone()).style(colour),
            spans::paragraph(words, terms)
        ]
        .spacing(metrics::XS / 2.0)
        .width(Fill)
    };
    let cards = rows.into_iter().map(|row| {
        card(
            column![
                typography::subheading(joined(&row.topic)),
                row![
                    side(&left, style::primary, row.left),
                    side(&right, style::muted, row.right)
                ]
                .spacing(metrics::M),
            ]
            .spacing(metrics::XS),
        )
    });
    Column::with_children(cards).spacing(metrics::S).into()
}

fn effect_card<'a>(
    effect: Effect,
    terms: Terms<Message>,
    key_beside: bool,
) -> Element<'a, Message> {
    let name = typography::subheading(effect.name);
    let source = effect.source.map(|source| {
        typography::body(format!("{}: {}", source.label, source.value)).style(style::muted)
    });
    let Some(chart) = effect.chart else {
        let how_often = effect.how_often.into_iter().map(|(label, rate)| {
            row![
                typography::body(format!("{label}:")).style(style::muted),
                typography::strong(rate).style(style::primary),
            ]
            .spacing(metrics::XS)
            .wrap()
            .into()
        });
        return card(
            column![name]
                .extend(how_often)
                .push(spans::paragraph(effect.body, terms))
                .push(source)
                .spacing(metrics::XS),
        );
    };
    // The picture beside its sentence and key, the sentence first in reading order; the rest
    // under both, across the card. So the chart is no taller than its picture and the words
    // that read it, and fits one screen when presenting.
    let reading = column![
        spans::sized(chart.sentence, size::SUBHEADING, terms),
        icon_array::legend(chart.mark, chart.legend),
    ]
    .spacing(metrics::S)
    .width(Fill);
    let chart = column![
        name,
        picture_and_key(
            icon_array::grid(chart.mark, chart.cells, ICON_ARRAY_WIDTH),
            reading.into(),
            key_beside,
        ),
    ]
    .spacing(metrics::S);
    card(
        column![
            container(chart).id(mark::WHOLE),
            spans::paragraph(effect.body, terms),
        ]
        .push(source)
        .spacing(metrics::S),
    )
}

/// Wide enough that each of the 100 icons is plain to see.
const ICON_ARRAY_WIDTH: f32 = 260.0;

/// Below this much room, a picture's key goes under it: beside it on a portrait panel, the key
/// was a word a line, cut at the screen's edge, and at the larger text size gone.
const KEY_BESIDE_WIDTH: f32 = ICON_ARRAY_WIDTH + metrics::L + 260.0;

/// Whether a picture's key goes beside it on this page (see [`KEY_BESIDE_WIDTH`]).
fn key_beside(state: &PageState<'_>) -> bool {
    state.layout.content_width >= KEY_BESIDE_WIDTH
}

/// A picture with the words that read it: beside it, or under it.
fn picture_and_key<'a>(
    picture: Element<'a, Message>,
    key: Element<'a, Message>,
    beside: bool,
) -> Element<'a, Message> {
    if beside {
        row![picture, key].spacing(metrics::L).into()
    } else {
        column![picture, key].spacing(metrics::M).into()
    }
}

/// Where the chosen part of the body's list starts (beside the map, or under it), to scroll to
/// when a part is chosen.
pub const CHOSEN_PART: &str = "chosen-part";

/// The most of the screen's height the body map's figures take, so that a whole body shows with
/// the bars above and below it, whatever the text size (the bars keep their size on the screen,
/// so at larger text they take less of the layout).
const BODY_MAP_SHARE: f32 = 0.55;
/// The narrowest the map gets, so each part stays big enough to tap.
const BODY_MAP_MIN_WIDTH: f32 = 180.0;

/// Below this much room, the body map and the list take turns instead of sitting side by side.
const SIDE_BY_SIDE_WIDTH: f32 = 700.0;
pub const BODY_MAP_WIDTH: f32 = 400.0;

/// The conditions by body region: a map to tap beside a list (or, when narrow, one at a time).
fn condition_index<'a>(
    regions: Vec<RegionGroup>,
    words: BodyMapWords,
    lungs: Option<LungPicture>,
    state: &PageState,
) -> Element<'a, Message> {
    let selected = state
        .selected_region
        .and_then(|id| regions.iter().find(|group| &group.id == id))
        .cloned();
    let content_width = state.layout.content_width;
    let side_by_side = content_width >= SIDE_BY_SIDE_WIDTH;
    let fits_the_screen =
        body_map::width_for(BODY_MAP_SHARE * state.layout.height).max(BODY_MAP_MIN_WIDTH);
    let map_width = if side_by_side {
        BODY_MAP_WIDTH
    } else {
        content_width.min(body_map::VIEW.width)
    }
    .min(fits_the_screen);

    let whole_body = regions
        .iter()
        .find(|group| group.id.as_str() == WHOLE_BODY)
        .map(|group| {
            let current = selected.as_ref().is_some_and(|s| s.id == group.id);
            let role = if current {
                Role::Primary
            } else {
                Role::Secondary
            };
            action(
                label(group.name.clone()),
                role,
                Message::SelectRegion(group.id.clone()),
            )
        });
    // A region a needle can reach a lung from shows where, striped on the map, with the key.
    let lungs = lungs.filter(|_| {
        selected
            .as_ref()
            .is_some_and(|group| lung_areas::NEAR_LUNGS.contains(&group.id.as_str()))
    });
    let figures = body_map::view(
        selected.as_ref().map(|group| &group.id),
        [words.front.clone(), words.back.clone()],
        lungs
            .is_some()
            .then_some(lung_areas::paint_areas as body_map::Overlay),
        map_width,
        Message::SelectRegion,
    );
    let map = column![container(figures).id(mark::WHOLE)]
        .push(whole_body)
        .spacing(metrics::S)
        .align_x(iced::Center);

    let chosen = selected.clone().map(|group| {
        let show_all = action(
            label(words.show_all.clone()),
            Role::Secondary,
            Message::ShowAllConditions,
        );
        let list: Element<'a, Message> = if group.conditions.is_empty() {
            column![
                typography::subheading(group.name).style(style::muted),
                typography::body(words.none_here.clone()),
            ]
            .spacing(metrics::XS)
            .into()
        } else {
            region(group.name, group.conditions)
        };
        let key = lungs.map(|picture| lung_key(picture.key));
        column![list, key, show_all].spacing(metrics::S)
    });
    let everything = || {
        Column::with_children(
            regions
                .iter()
                .filter(|group| !group.conditions.is_empty())
                .map(|group| region(group.name.clone(), group.conditions.clone())),
        )
        .spacing(metrics::M)
    };

    if side_by_side {
        let list: Element<'a, Message> = match chosen {
            Some(chosen) => chosen.into(),
            None => column![typography::body(words.prompt.clone()), everything()]
                .spacing(metrics::M)
                .into(),
        };
        return container(row![map, container(list).width(Fill)].spacing(metrics::L))
            .id(CHOSEN_PART)
            .into();
    }

    let tab = |name: String, tab: ConditionsTab| {
        let role = if state.conditions_tab == tab {
            Role::Primary
        } else {
            Role::Secondary
        };
        action(label(name), role, Message::ShowConditions(tab))
    };
    let tabs = row![
        tab(words.map_tab.clone(), ConditionsTab::Map),
        tab(words.list_tab.clone(), ConditionsTab::List)
    ]
    .spacing(metrics::S);
    let shown: Element<'a, Message> = match state.conditions_tab {
        ConditionsTab::Map => column![typography::body(words.prompt.clone()), map]
            .push(chosen.map(|chosen| container(chosen).id(CHOSEN_PART)))
            .spacing(metrics::M)
            .into(),
        ConditionsTab::List => everything().into(),
    };
    column![tabs, shown].spacing(metrics::M).into()
}

fn region<'a>(name: String, conditions: Vec<Link>) -> Element<'a, Message> {
    let links = conditions.into_iter().map(link_row);
    column![typography::subheading(name).style(style::muted)]
        .extend(links)
        .spacing(metrics::XS)
        .into()
}

/// A full-width row that opens another screen.
fn link_row<'a>(link: Link) -> Element<'a, Message> {
    let words = column![typography::strong(link.label)]
        .push(
            link.detail
                .map(|detail| typography::body(detail).style(style::muted)),
        )
        .width(Fill);
    action(
        row![words, typography::arrow("›").style(style::primary)].align_y(Vertical::Center),
        Role::ListItem,
        Message::Open(link.route),
    )
    .width(Fill)
    .height(Length::Shrink)
    .into()
}

/// The picture on a topic tile.
const TILE_ICON_SIZE: f32 = 28.0;

/// The least width of a topic tile: room for the icon and the longest short name of a page.
const TILE_MIN_WIDTH: f32 = 240.0;

/// The most tiles in a row.
const TILE_MOST_COLUMNS: usize = 3;

/// How many tiles fit side by side in `width`.
fn tile_columns(width: f32) -> usize {
    let fit = ((width + metrics::XS) / (TILE_MIN_WIDTH + metrics::XS)).floor() as usize;
    fit.clamp(1, TILE_MOST_COLUMNS)
}

/// A tile for each topic, as many to a row as `width` holds: its picture and the page's short
/// name, so that every topic is in view at once on a touch screen.
fn choice_grid<'a>(choices: Vec<Choice>, width: f32) -> Element<'a, Message> {
    let columns = tile_columns(width);
    let tiles: Vec<Element<'a, Message>> = choices
        .into_iter()
        .map(|choice| {
            let name_style = if choice.urgent {
                style::urgent_text
            } else {
                style::primary
            };
            let picture = choice
                .icon
                .as_deref()
                .and_then(|name| icon::view(name, TILE_ICON_SIZE, choice.urgent));
            let name = typography::strong(choice.label)
                .style(name_style)
                .width(Fill);
            action(
                row![picture, name]
                    .spacing(metrics::S)
                    .align_y(Vertical::Center),
                Role::Choice {
                    urgent: choice.urgent,
                },
                Message::Open(Route::Page(choice.page)),
            )
            .width(Fill)
            .padding([metrics::S, metrics::M])
            .into()
        })
        .collect();
    let mut rows = Column::new().spacing(metrics::XS);
    let mut tiles = tiles.into_iter().peekable();
    while tiles.peek().is_some() {
        let mut line: Vec<_> = tiles.by_ref().take(columns).collect();
        // A short last row keeps the tiles the width of those above.
        line.resize_with(columns, || iced::widget::space().width(Fill).into());
        rows = rows.push(
            iced::widget::Row::with_children(line)
                .spacing(metrics::XS)
                .height(Length::Shrink),
        );
    }
    rows.into()
}

/// The page's pinned note at the foot of the screen, on a button that opens the warning signs: its
/// heading in bold leading into its sentence, so the box takes a line less under home's tiles (only
/// its heading and `short`, the number to call, in a short layout).
pub fn pinned<'a>(
    part: Part,
    short: Vec<Span>,
    layout: super::Layout,
    palette: &crate::theme::Palette,
) -> Option<Element<'a, Message>> {
    let Part::Callout {
        tone,
        heading,
        body,
        ..
    } = part
    else {
        return None;
    };
    let urgent = tone == Tone::Urgent;
    let (heading_style, heading_colour): (fn(&iced::Theme) -> text::Style, _) = if urgent {
        (style::urgent_text, palette.urgent)
    } else {
        (style::primary, palette.primary)
    };
    // On a short screen, or a narrow one where the whole note would take half a portrait
    // panel, its heading and the number to call; the arrow opens the rest.
    let words: Element<'a, Message> =
        if layout.height < SHORT_LAYOUT || layout.width < NARROW_LAYOUT {
            row![
                typography::strong(heading).style(heading_style),
                typography::body(joined(&short)),
            ]
            .spacing(metrics::XS)
            .width(Fill)
            .wrap()
            .into()
        } else {
            rich_text::<(), _, _, _>([
                span(heading).font(BOLD).color(heading_colour),
                span(" "),
                span(joined(&body)),
            ])
            .size(size::BODY)
            .width(Fill)
            .into()
        };
    let strip = action(
        row![
            action_icon::view(Level::Emergency, TILE_ICON_SIZE),
            words,
            typography::arrow("›").style(heading_style),
        ]
        .spacing(metrics::S)
        .align_y(Vertical::Center),
        Role::Choice { urgent },
        Message::Open(Route::Page(PageId::WARNING_SIGNS)),
    )
    .width(Fill)
    .padding([metrics::S, metrics::M]);
    Some(strip.into())
}

fn contacts_card<'a>(contacts: Vec<Contact>) -> Element<'a, Message> {
    card(
        Column::with_children(contacts.into_iter().map(|contact| {
            column![
                typography::body(contact.label).style(style::muted),
                typography::subheading(contact.value),
            ]
            .into()
        }))
        .spacing(metrics::S),
    )
}

/// The size of the picture beside each step of what to do.
const ACTION_ICON_SIZE: f32 = 64.0;

/// What to do, from "normal" to an emergency: each step a card with its picture, what to do in
/// large type first and the signs it is for under it, the emergency in the warning colours.
fn actions<'a>(items: Vec<ActionItem>, terms: Terms<Message>) -> Element<'a, Message> {
    Column::with_children(items.into_iter().map(|item| {
        let boxed: fn(&iced::Theme) -> container::Style = match item.level {
            Level::Normal => style::card,
            Level::CallClinic => style::note,
            Level::EmergencyRoom | Level::Emergency => style::urgent,
        };
        let action = spans::sized(item.action, size::SUBHEADING, terms);
        let signs = list(item.signs, terms, |_| marker_text("•"));
        // Steps are numbered when there is an order to follow; a single one is just said.
        let steps: Option<Element<'a, Message>> = match item.steps.len() {
            0 => None,
            1 => item
                .steps
                .into_iter()
                .next()
                .map(|step| spans::paragraph(step, terms)),
            _ => Some(list(item.steps, terms, |index| step_number(index + 1))),
        };
        let words = column![action, signs]
            .push(steps)
            .spacing(metrics::S)
            .width(Fill);
        container(
            row![action_icon::view(item.level, ACTION_ICON_SIZE), words]
                .spacing(metrics::M)
                .align_y(Vertical::Top),
        )
        .id(mark::WHOLE)
        .padding(metrics::M)
        .width(Fill)
        .style(boxed)
        .into()
    }))
    .spacing(metrics::S)
    .into()
}

/// Questions to ask, each after a question mark, with the clinic's answer under it when it gave
/// one.
fn questions<'a>(items: Vec<QuestionItem>, terms: Terms<Message>) -> Element<'a, Message> {
    Column::with_children(items.into_iter().map(|item| {
        let answer = item.answer.map(|answer| {
            container(
                column![
                    typography::body(answer.label).style(style::muted),
                    typography::body(answer.value),
                ]
                .spacing(metrics::XS),
            )
            .padding(metrics::S)
            .width(Fill)
            .style(style::note)
        });
        row![
            container(marker_text("?")).width(40),
            column![spans::paragraph(item.question, terms)]
                .push(answer)
                .spacing(metrics::XS)
                .width(Fill),
        ]
        .spacing(metrics::XS)
        .into()
    }))
    .spacing(metrics::M)
    .into()
}

/// What studies found: each statement after a bullet, with its sources under it in the muted
/// words a side effect's card gives its source; a benefit with a number has its icon array
/// beside it, as a side effect's card has.
fn evidence<'a>(
    items: Vec<ClaimItem>,
    terms: Terms<Message>,
    key_beside: bool,
) -> Element<'a, Message> {
    Column::with_children(items.into_iter().map(|item| {
        let sources = typography::body(format!("{}: {}", item.sources.label, item.sources.value))
            .style(style::muted);
        let heading = item.heading.map(typography::strong);
        let said = column![heading, spans::paragraph(item.text, terms)].spacing(metrics::S);
        // With a picture: the statement across the column, then the picture beside its key,
        // all of it seen together; the sources under both, as on a side effect's card.
        let statement: Element<'a, Message> = match item.chart {
            Some(chart) => container(
                column![
                    said,
                    picture_and_key(
                        icon_array::grid(chart.mark, chart.cells, ICON_ARRAY_WIDTH),
                        icon_array::legend(chart.mark, chart.legend),
                        key_beside,
                    ),
                ]
                .spacing(metrics::S),
            )
            .id(mark::WHOLE)
            .into(),
            None => said.width(Fill).into(),
        };
        let statement = column![statement, sources].spacing(metrics::S);
        row![
            container(marker_text("•"))
                .width(40)
                .padding(iced::Padding::ZERO.top(2)),
            statement,
        ]
        .spacing(metrics::XS)
        .into()
    }))
    .spacing(metrics::M)
    .into()
}

/// Each source: what it is, what it counted, and its reference.
fn sources<'a>(cards: Vec<SourceCard>, terms: Terms<Message>) -> Element<'a, Message> {
    Column::with_children(cards.into_iter().map(|source| {
        let findings = Column::with_children(source.findings.into_iter().map(|finding| {
            row![
                typography::body(finding.label).width(Fill),
                typography::strong(finding.value)
                    .style(style::primary)
                    .width(Fill),
            ]
            .spacing(metrics::M)
            .into()
        }))
        .spacing(metrics::XS);
        let facts = Column::with_children(
            source
                .facts
                .into_iter()
                .map(|fact| typography::body(format!("{}: {}", fact.label, fact.value)).into()),
        )
        .spacing(metrics::XS);
        let citation = source
            .citation
            .map(|citation| typography::body(citation).style(style::muted));
        card(
            column![
                typography::subheading(source.name),
                spans::paragraph(source.about, terms),
                facts,
                findings,
            ]
            .push(citation)
            .spacing(metrics::S),
        )
    }))
    .spacing(metrics::M)
    .into()
}
