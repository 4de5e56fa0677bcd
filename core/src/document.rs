//! A screen's words, resolved and in order: what the window draws and what `needle-guide text`
//! prints, so the two can never disagree.

use std::fmt::Write;

use crate::content::chart::{self, COUNT, Cell, Mark, ScaleRow};
use crate::content::ids::{RegionId, TermId};
use crate::content::model::{
    Block, BodyMapWords, Claim, Condition, Denominator, LegendWords, Level, LungAreas, PageKind,
    Rate, RateWords, Region, SideEffect, Source, Tone,
};
use crate::content::rate;
use crate::content::route::{PageId, Route};
use crate::content::{Library, Span};

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    /// The title in the fewer words of the page's tile ("Warning signs"), for a screen with no
    /// room for the whole title beside Read aloud; none where it is the same.
    pub short_title: Option<String>,
    /// Beneath the title, in smaller text: a condition's medical name.
    pub subtitle: Option<String>,
    pub lead: Vec<Span>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: Option<String>,
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Paragraph(Vec<Span>),
    Bullets(Vec<Vec<Span>>),
    /// Items with tick boxes, and the same items in brief (see `model::ChecklistItem::brief`),
    /// one for one.
    Checklist {
        items: Vec<Vec<Span>>,
        briefs: Vec<Vec<Span>>,
    },
    Steps(Vec<Vec<Span>>),
    Callout {
        tone: Tone,
        heading: String,
        body: Vec<Span>,
        /// Drawn at the foot of the screen, not in the page (see `model::Callout::pinned`).
        pinned: bool,
        /// Where a tap on the box leads: an urgent box opens the warning signs, except on that
        /// page itself. The link's words are drawn at the foot of the box.
        link: Option<Link>,
    },
    Compare {
        left: String,
        right: String,
        rows: Vec<CompareRow>,
    },
    Effect(Effect),
    /// Side effects on one scale from common to very rare, with the marks of its axis.
    RiskScale {
        rows: Vec<ScaleRow>,
        ticks: Vec<(u32, String)>,
    },
    /// Every condition, by region, for the body map and the list; with the picture of where
    /// the lungs lie (from the warning-signs page), for the regions near them.
    ConditionIndex {
        regions: Vec<RegionGroup>,
        words: BodyMapWords,
        lungs: Option<LungPicture>,
    },
    /// Some conditions of one region.
    Region(RegionGroup),
    Term {
        id: TermId,
        word: String,
        meaning: String,
    },
    Choices(Vec<Choice>),
    Contacts(Vec<Contact>),
    /// What to do, from "normal" to "call the emergency number now": a picture with words.
    Actions(Vec<ActionItem>),
    /// Questions to ask the therapist, each with the clinic's answer when it gave one.
    Questions(Vec<QuestionItem>),
    /// Where the numbers come from.
    Sources(Vec<SourceCard>),
    /// What studies found: each statement with "Sources" and the names of those that back it.
    Evidence(Vec<ClaimItem>),
    /// The teach-back check's questions.
    TeachBack(Vec<CheckItem>),
    /// Where a needle can reach a lung, as a picture with its key and its caption.
    LungAreas(LungPicture),
}

/// The picture of where a needle can reach a lung, in words: what the stripes mean, what it
/// shows, and where that comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct LungPicture {
    pub key: String,
    /// Where a needle can reach a lung, in one sentence.
    pub summary: Vec<Span>,
    pub caption: Vec<Span>,
    /// "Source", and the name of each source it names.
    pub sources: Vec<Contact>,
    /// The names of the front and back views, as on the body map.
    pub views: [String; 2],
}

/// A question of the teach-back check, in plain words (rates and the emergency number filled in).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckItem {
    pub id: String,
    pub topic: String,
    pub text: String,
    pub pick_all: bool,
    pub must_know: bool,
    pub choices: Vec<CheckOption>,
    pub explain: String,
    /// The right answer in one line, for the kiosk's code to take home.
    pub in_short: String,
    /// The page and the section on it that teaches the answer.
    pub teaches: (PageId, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckOption {
    pub text: String,
    pub right: bool,
}

/// The teach-back check's questions, in `library`'s words.
pub fn check_items(library: &Library) -> Vec<CheckItem> {
    page_document(library, PageId::TEACH_BACK)
        .sections
        .into_iter()
        .flat_map(|section| section.parts)
        .find_map(|part| match part {
            Part::TeachBack(items) => Some(items),
            _ => None,
        })
        .unwrap_or_default()
}

/// The questions a patient may want to ask the therapist (the questions page), in plain words.
pub fn questions_to_ask(library: &Library) -> Vec<String> {
    page_document(library, PageId::QUESTIONS)
        .sections
        .into_iter()
        .flat_map(|section| section.parts)
        .filter_map(|part| match part {
            Part::Questions(items) => Some(items),
            _ => None,
        })
        .flatten()
        .map(|item| joined(&item.question))
        .collect()
}

/// The topics of the questions page's questions, in its order, as the clinic's answers name
/// them (`sessions`, `feel` …).
pub fn question_topics(library: &Library) -> Vec<String> {
    blocks(library, PageId::QUESTIONS)
        .filter_map(|block| match block {
            Block::Questions(questions) => Some(questions),
            _ => None,
        })
        .flatten()
        .map(|question| format!("{:?}", question.topic).to_lowercase())
        .collect()
}

impl CheckItem {
    /// Whether `picked` (choices by their place) is the right answer: every right choice, and
    /// nothing else.
    pub fn is_right(&self, picked: &[usize]) -> bool {
        let right: Vec<usize> = (0..self.choices.len())
            .filter(|&index| self.choices[index].right)
            .collect();
        let mut picked = picked.to_vec();
        picked.sort_unstable();
        picked.dedup();
        picked == right
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActionItem {
    pub level: Level,
    pub signs: Vec<Vec<Span>>,
    pub action: Vec<Span>,
    /// Numbered, after the signs.
    pub steps: Vec<Vec<Span>>,
}

impl ActionItem {
    /// What to do, with the numbered steps that say how, as one text.
    pub fn what_to_do(&self) -> String {
        std::iter::once(&self.action)
            .chain(&self.steps)
            .map(|spans| joined(spans))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionItem {
    pub question: Vec<Span>,
    /// "Your clinic says", and what it says.
    pub answer: Option<Contact>,
}

/// A source of numbers: what it is, its reference, what it found, and for the clinic's own sheet
/// who checked it and when.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceCard {
    pub name: String,
    pub about: Vec<Span>,
    pub citation: Option<String>,
    pub facts: Vec<Contact>,
    pub findings: Vec<Contact>,
}

/// A statement of what studies found, and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimItem {
    /// What it is about, in bold before it.
    pub heading: Option<String>,
    pub text: Vec<Span>,
    pub sources: Contact,
    /// How many more people out of 100 got better, drawn as the side effects' icon arrays are.
    pub chart: Option<IconChart>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub topic: Vec<Span>,
    pub left: Vec<Span>,
    pub right: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Effect {
    pub name: String,
    /// "How often: 15 to 20 out of every 100 treatments", when the source gives a number, then
    /// "In studies: …" where studies counted it too.
    pub how_often: Vec<(String, String)>,
    pub body: Vec<Span>,
    /// An icon array, for rates out of 100.
    pub chart: Option<IconChart>,
    /// "Source", and where the rate comes from.
    pub source: Option<Contact>,
}

/// 100 icons, the sentence that says them in words, and the key to their kinds.
#[derive(Debug, Clone, PartialEq)]
pub struct IconChart {
    /// What each icon stands for, from what the rate counts: a person for a patient, a square
    /// for a treatment. The grid and the key's samples are drawn with it.
    pub mark: Mark,
    pub cells: [Cell; COUNT],
    pub sentence: Vec<Span>,
    pub legend: Vec<(Cell, String)>,
}

/// A body region and the conditions listed for it.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionGroup {
    pub id: RegionId,
    pub name: String,
    pub conditions: Vec<Link>,
}

/// A way to another screen, with the words on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub label: String,
    /// Beneath the label, in smaller text: a condition's medical name.
    pub detail: Option<String>,
    pub route: Route,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub page: PageId,
    /// The page's short name, as in the page list.
    pub label: String,
    pub title: String,
    pub lead: String,
    /// Its picture, as the page list names it.
    pub icon: Option<String>,
    /// Listed in the urgent colour.
    pub urgent: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub label: String,
    pub value: String,
}

impl Document {
    /// The document for a route, or `None` for a condition the content does not have.
    pub fn for_route(library: &Library, route: &Route) -> Option<Document> {
        match route {
            Route::Page(page) => Some(page_document(library, *page)),
            Route::Condition(id) => condition_document(library, id.as_str()),
        }
    }

    /// Takes out the part to keep in view at the foot of the screen, if the page has one.
    pub fn take_pinned(&mut self) -> Option<Part> {
        self.sections.iter_mut().find_map(|section| {
            let index = section
                .parts
                .iter()
                .position(|part| matches!(part, Part::Callout { pinned: true, .. }))?;
            Some(section.parts.remove(index))
        })
    }

    /// What read-aloud says, passage by passage, in the order of [`Document::plain_text`]: the
    /// title with the first sentence, then each section's heading and each of its parts. The
    /// page highlights the passage being read, counting in the same order.
    pub fn passages(&self) -> Vec<String> {
        let subtitle = self
            .subtitle
            .as_ref()
            .map(|subtitle| format!("{subtitle}.\n"))
            .unwrap_or_default();
        let mut passages = vec![format!("{}.\n{subtitle}{}", self.title, joined(&self.lead))];
        for section in &self.sections {
            passages.extend(section.heading.clone());
            for part in &section.parts {
                let mut text = String::new();
                part.write_plain(&mut text);
                passages.push(spoken(&text));
            }
        }
        passages
    }

    /// Plain text, in reading order, as the window shows it.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, text: &str| {
            let _ = writeln!(out, "{text}");
        };
        line(&mut out, &self.title);
        line(&mut out, &"=".repeat(self.title.chars().count()));
        if let Some(subtitle) = &self.subtitle {
            line(&mut out, subtitle);
        }
        line(&mut out, &joined(&self.lead));
        for section in &self.sections {
            out.push('\n');
            if let Some(heading) = &section.heading {
                line(&mut out, &format!("## {heading}"));
            }
            for part in &section.parts {
                part.write_plain(&mut out);
            }
        }
        out
    }
}

/// Plain text made ready to say: the list marks of [`Part::write_plain`] left out, each line a
/// sentence of its own.
fn spoken(text: &str) -> String {
    const MARKS: [&str; 8] = ["- ", "[ ] ", "[x] ", "! ", "> ", "? ", "* ", "= "];
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            MARKS
                .iter()
                .find_map(|mark| line.strip_prefix(mark))
                .unwrap_or(line)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl Part {
    fn write_plain(&self, out: &mut String) {
        let mut line = |text: String| {
            out.push_str(&text);
            out.push('\n');
        };
        match self {
            Part::Paragraph(spans) => line(joined(spans)),
            Part::Bullets(items) => items
                .iter()
                .for_each(|item| line(format!("- {}", joined(item)))),
            Part::Checklist { items, .. } => items
                .iter()
                .for_each(|item| line(format!("[ ] {}", joined(item)))),
            Part::Steps(items) => items
                .iter()
                .enumerate()
                .for_each(|(index, item)| line(format!("{}. {}", index + 1, joined(item)))),
            Part::Callout { heading, body, .. } => {
                line(format!("! {heading}"));
                line(format!("  {}", joined(body)));
            }
            Part::LungAreas(picture) => {
                line(format!("* {}", picture.key));
                line(format!("  {}", joined(&picture.summary)));
                line(format!("  {}", joined(&picture.caption)));
                for source in &picture.sources {
                    line(format!("  {}: {}", source.label, source.value));
                }
            }
            Part::Compare { left, right, rows } => {
                for row in rows {
                    line(format!("{}:", joined(&row.topic)));
                    line(format!("  {left}: {}", joined(&row.left)));
                    line(format!("  {right}: {}", joined(&row.right)));
                }
            }
            Part::Effect(effect) => {
                line(format!("* {}", effect.name));
                for (label, rate) in &effect.how_often {
                    line(format!("  {label}: {rate}"));
                }
                line(format!("  {}", joined(&effect.body)));
                if let Some(chart) = &effect.chart {
                    line(format!("  {}", joined(&chart.sentence)));
                    for (_, words) in &chart.legend {
                        line(format!("  - {words}"));
                    }
                }
            }
            Part::RiskScale { rows, .. } => {
                for row in rows {
                    line(format!("- {}: {}", row.name, row.words));
                }
            }
            Part::ConditionIndex { regions, .. } => {
                for group in regions.iter().filter(|group| !group.conditions.is_empty()) {
                    group.write_plain(&mut line);
                }
            }
            Part::Region(group) => group.write_plain(&mut line),
            Part::Term { word, meaning, .. } => line(format!("{word}: {meaning}")),
            Part::Choices(choices) => {
                for choice in choices {
                    line(format!("> {}: {}", choice.title, choice.lead));
                }
            }
            Part::Contacts(contacts) => {
                for contact in contacts {
                    line(format!("{}: {}", contact.label, contact.value));
                }
            }
            Part::Actions(items) => {
                for item in items {
                    line(format!("> {}", joined(&item.action)));
                    for sign in &item.signs {
                        line(format!("  - {}", joined(sign)));
                    }
                    // Numbered when there is an order to follow; a single step is just said.
                    match item.steps.as_slice() {
                        [step] => line(format!("  {}", joined(step))),
                        steps => {
                            for (number, step) in steps.iter().enumerate() {
                                line(format!("  {}. {}", number + 1, joined(step)));
                            }
                        }
                    }
                }
            }
            Part::Questions(items) => {
                for item in items {
                    line(format!("? {}", joined(&item.question)));
                    if let Some(answer) = &item.answer {
                        line(format!("  {}: {}", answer.label, answer.value));
                    }
                }
            }
            Part::TeachBack(items) => {
                for (number, item) in items.iter().enumerate() {
                    line(format!("? {}. {}", number + 1, item.text));
                    for choice in &item.choices {
                        let mark = if choice.right { "[x]" } else { "[ ]" };
                        line(format!("  {mark} {}", choice.text));
                    }
                    line(format!("  = {}", item.explain));
                }
            }
            Part::Evidence(items) => {
                for item in items {
                    if let Some(heading) = &item.heading {
                        line(format!("- {heading}"));
                    }
                    let bullet = if item.heading.is_some() { " " } else { "-" };
                    line(format!("{bullet} {}", joined(&item.text)));
                    for (_, words) in item.chart.iter().flat_map(|chart| &chart.legend) {
                        line(format!("  - {words}"));
                    }
                    line(format!("  {}: {}", item.sources.label, item.sources.value));
                }
            }
            Part::Sources(cards) => {
                for card in cards {
                    line(format!("* {}", card.name));
                    line(format!("  {}", joined(&card.about)));
                    for fact in card.facts.iter().chain(&card.findings) {
                        line(format!("  - {}: {}", fact.label, fact.value));
                    }
                    if let Some(citation) = &card.citation {
                        line(format!("  {citation}"));
                    }
                }
            }
        }
    }
}

impl RegionGroup {
    fn write_plain(&self, line: &mut impl FnMut(String)) {
        line(format!("{}:", self.name));
        for link in &self.conditions {
            match &link.detail {
                Some(detail) => line(format!("- {} ({detail})", link.label)),
                None => line(format!("- {}", link.label)),
            }
        }
    }
}

/// Resolved spans as one string.
pub fn joined(spans: &[Span]) -> String {
    spans.iter().map(Span::text).collect()
}

/// The whole guide as plain text, in reading order: every page, and each condition after the
/// conditions page.
pub fn guide_text(library: &Library) -> String {
    let mut routes = Vec::new();
    let conditions = library.page_of_kind(PageKind::Conditions);
    for page in library.page_ids() {
        routes.push(Route::Page(page));
        if Some(page) == conditions {
            routes.extend(
                library
                    .conditions()
                    .map(|(_, c)| Route::Condition(c.id.as_str().into())),
            );
        }
    }
    routes
        .iter()
        .filter_map(|route| Document::for_route(library, route))
        .map(|document| document.plain_text())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn page_document(library: &Library, page: PageId) -> Document {
    let content = library.page(page);
    let mut document = Document {
        title: content.title.clone(),
        short_title: (content.nav_label != content.title).then(|| content.nav_label.clone()),
        subtitle: None,
        lead: library.spans(&content.lead),
        sections: content
            .sections
            .iter()
            .map(|section| Section {
                heading: section
                    .heading
                    .as_ref()
                    .map(|heading| library.plain(heading)),
                parts: section
                    .blocks
                    .iter()
                    .flat_map(|block| parts(library, block))
                    .collect(),
            })
            .collect(),
    };
    if page != PageId::WARNING_SIGNS {
        link_urgent_boxes(library, &mut document);
    }
    document
}

/// Makes every urgent box of `document` open the warning signs: a patient who reads "Trouble
/// breathing?" is one tap from the signs and what to do.
fn link_urgent_boxes(library: &Library, document: &mut Document) {
    let warning_signs = library.page(PageId::WARNING_SIGNS);
    for part in document.sections.iter_mut().flat_map(|s| &mut s.parts) {
        if let Part::Callout {
            tone: Tone::Urgent,
            link,
            ..
        } = part
        {
            *link = Some(Link {
                label: warning_signs.nav_label.clone(),
                detail: None,
                route: Route::Page(PageId::WARNING_SIGNS),
            });
        }
    }
}

/// Every block of `page`'s content, in order.
fn blocks(library: &Library, page: PageId) -> impl Iterator<Item = &Block> {
    library
        .page(page)
        .sections
        .iter()
        .flat_map(|section| &section.blocks)
}

/// The picture of where the lungs lie, as the warning-signs page has it, for the body map; none
/// if the page leaves it out.
fn warning_page_lungs(library: &Library) -> Option<LungPicture> {
    blocks(library, PageId::WARNING_SIGNS).find_map(|block| match block {
        Block::LungAreas(areas) => Some(lung_picture(library, areas)),
        _ => None,
    })
}

fn lung_picture(library: &Library, areas: &LungAreas) -> LungPicture {
    let words = &library.ui.body_map;
    LungPicture {
        key: library.plain(&areas.key),
        summary: library.spans(&areas.summary),
        caption: library.spans(&areas.caption),
        sources: areas
            .sources
            .iter()
            .filter_map(|id| library.source(id))
            .map(|source| Contact {
                label: library.ui.source_label.clone(),
                value: library.plain(&source.name),
            })
            .collect(),
        views: [words.front.clone(), words.back.clone()],
    }
}

fn condition_document(library: &Library, id: &str) -> Option<Document> {
    let (region, condition) = library.condition(id)?;
    let ui = &library.ui;
    let mut facts = vec![Contact {
        label: ui.region_label.clone(),
        value: region.name.clone(),
    }];
    if !condition.also_called.is_empty() {
        facts.push(Contact {
            label: ui.also_called.clone(),
            value: condition.also_called.join(", "),
        });
    }
    let mut studies = vec![Part::Paragraph(library.spans(&condition.evidence.text))];
    // `check` refuses a source that is not in `sources.ron`; a clinic's file that slips past
    // it shows the line without one rather than a wrong one.
    let sources: Vec<Contact> = library
        .source_names(condition.evidence.sources())
        .into_iter()
        .map(|name| Contact {
            label: ui.source_label.clone(),
            value: name,
        })
        .collect();
    if !sources.is_empty() {
        studies.push(Part::Contacts(sources));
    }
    studies.push(Part::Callout {
        tone: Tone::Note,
        heading: library.plain(&ui.condition_advice_heading),
        body: library.spans(&ui.condition_advice),
        pinned: false,
        link: None,
    });
    let mut first = vec![Part::Contacts(facts)];
    // Where a needle can reach a lung, the page says so at once, and opens the warning signs.
    if condition.near_lungs(region) {
        let warning_signs = library.page(PageId::WARNING_SIGNS);
        let heading = warning_signs
            .sections
            .iter()
            .find(|section| {
                section
                    .blocks
                    .iter()
                    .any(|block| matches!(block, Block::LungAreas(_)))
            })
            .and_then(|section| section.heading.clone())
            .unwrap_or_else(|| warning_signs.title.clone());
        first.push(Part::Callout {
            tone: Tone::Urgent,
            heading: library.plain(&heading),
            body: library.spans(&ui.condition_near_lungs),
            pinned: false,
            link: Some(Link {
                label: warning_signs.nav_label.clone(),
                detail: None,
                route: Route::Page(PageId::WARNING_SIGNS),
            }),
        });
    }
    let mut sections = vec![
        Section {
            heading: None,
            parts: first,
        },
        Section {
            heading: Some(ui.studies_say.clone()),
            parts: studies,
        },
        // Its harms beside its benefits, in the same form: words, numbers and their sources.
        Section {
            heading: Some(ui.condition_side_effects_heading.clone()),
            parts: vec![
                Part::Paragraph(library.spans(&ui.condition_side_effects)),
                Part::Choices(vec![choice(library, PageId::RISKS)]),
            ],
        },
    ];
    let neighbours: Vec<Link> = region
        .conditions
        .iter()
        .filter(|other| other.id != condition.id)
        .map(condition_link)
        .collect();
    if !neighbours.is_empty() {
        sections.push(Section {
            heading: Some(ui.same_region.clone()),
            parts: vec![Part::Region(RegionGroup {
                id: region.id.as_str().into(),
                name: region.name.clone(),
                conditions: neighbours,
            })],
        });
    }
    Some(Document {
        title: condition.name.clone(),
        short_title: None,
        subtitle: condition.medical_name.clone(),
        lead: library.spans(&condition.text),
        sections,
    })
}

/// A large button that opens `page`, with its names and lead.
fn choice(library: &Library, page: PageId) -> Choice {
    let content = library.page(page);
    let entry = library.page_entry(page);
    Choice {
        page,
        label: content.nav_label.clone(),
        title: content.title.clone(),
        lead: library.plain(&content.lead),
        icon: entry.and_then(|entry| entry.icon.clone()),
        urgent: entry.is_some_and(|entry| entry.urgent),
    }
}

fn condition_link(condition: &Condition) -> Link {
    Link {
        label: condition.name.clone(),
        detail: condition.medical_name.clone(),
        route: Route::Condition(condition.id.as_str().into()),
    }
}

/// A region's conditions as the body map and the list show them: its own, then those of other
/// regions it also lists.
fn region_links(library: &Library, region: &Region) -> Vec<Link> {
    let also = region
        .also_lists
        .iter()
        .filter_map(|id| library.condition(id).map(|(_, condition)| condition));
    region
        .conditions
        .iter()
        .chain(also)
        .map(condition_link)
        .collect()
}

fn effect_part(library: &Library, effect: &SideEffect) -> Effect {
    let studies = library.study_counts(effect);
    let chart = effect.rate.and_then(|rate| {
        let key = legend_words(library, rate)?;
        let cells = chart::cells_with_studies(rate, studies)?;
        let sentence = effect.chart_sentence.as_ref()?;
        let (sure, maybe, unaffected) = chart::tally(&cells);
        // With nothing certain, "more" would read oddly: the uncertain icons stand alone.
        let maybe_words = if sure == 0 {
            &key.maybe_only
        } else {
            &key.maybe
        };
        let differ = studies.is_some() && !key.lowest.is_empty();
        let words = if differ {
            [&key.lowest, &key.up_to_highest, &key.the_rest]
        } else {
            [&key.sure, maybe_words, &key.unaffected]
        };
        let legend = [
            (Cell::Sure, sure, words[0]),
            (Cell::Maybe, maybe, words[1]),
            (Cell::Unaffected, unaffected, words[2]),
        ]
        .into_iter()
        .filter(|(_, count, _)| *count > 0)
        .map(|(cell, count, pattern)| (cell, pattern.replace("{n}", &count.to_string())))
        .collect();
        Some(IconChart {
            mark: Mark::for_rate(rate),
            cells,
            sentence: library.spans(sentence),
            legend,
        })
    });
    Effect {
        name: library.plain(&effect.name),
        how_often: how_often(library, effect),
        body: library.spans(&effect.text),
        chart,
        source: Some(library.effect_sources(effect))
            .filter(|sources| !sources.is_empty())
            .map(|sources| {
                let names = sources.iter().map(|source| library.plain(&source.name));
                sources_contact(library, names.collect())
            }),
    }
}

/// "How often: 15 to 20 out of every 100 treatments"; where studies counted it too, the rate
/// under its source's name and the studies' counts under theirs, so neither reads as the answer.
fn how_often(library: &Library, effect: &SideEffect) -> Vec<(String, String)> {
    let Some(rate) = effect.rate else {
        return Vec::new();
    };
    let rate = library.rate_text(rate);
    let source = effect.source.as_deref().and_then(|id| library.source(id));
    match (library.study_counts_text(effect), source) {
        (Some(counts), Some(source)) => vec![
            (library.plain(&source.name), rate),
            (library.ui.in_studies.clone(), counts),
        ],
        _ => vec![(library.ui.how_often.clone(), rate)],
    }
}

/// "Source: …", or "Sources: …; …" for more than one.
fn sources_contact(library: &Library, names: Vec<String>) -> Contact {
    Contact {
        label: library.source_label(names.len()).to_owned(),
        value: names.join("; "),
    }
}

/// A statement with the names of its sources, as a side effect's card names its one.
fn claim_item(library: &Library, claim: &Claim) -> ClaimItem {
    ClaimItem {
        heading: claim.heading.as_ref().map(|heading| library.plain(heading)),
        text: library.spans(&claim.text),
        sources: sources_contact(library, library.source_names(&claim.sources)),
        chart: claim
            .helped_more
            .map(|helped| benefit_chart(library, helped)),
    }
}

/// `helped` more people out of 100 filled in, the rest empty, with the key in the words of
/// `ui.ron`.
fn benefit_chart(library: &Library, helped: u32) -> IconChart {
    let helped = (helped as usize).min(COUNT);
    let mut cells = [Cell::Unaffected; COUNT];
    cells[..helped].fill(Cell::Sure);
    let words = &library.ui.charts.benefit;
    IconChart {
        mark: Mark::Person,
        cells,
        sentence: Vec::new(),
        legend: vec![
            (Cell::Sure, words.helped.replace("{n}", &helped.to_string())),
            (
                Cell::Unaffected,
                words.same.replace("{n}", &(COUNT - helped).to_string()),
            ),
        ],
    }
}

/// A source as the sources page shows it; the clinic's own sheet names the clinic and when it was
/// last reviewed, where `clinic.ron` says.
fn source_card(library: &Library, source: &Source) -> SourceCard {
    let ui = &library.ui;
    let clinic = &library.clinic;
    let facts = if source.from_clinic {
        [
            (&ui.clinic_name, &clinic.name),
            (&ui.reviewed, &clinic.reviewed),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(label, value)| Contact {
            label: label.clone(),
            value: value.trim().to_owned(),
        })
        .collect()
    } else {
        Vec::new()
    };
    SourceCard {
        name: library.plain(&source.name),
        about: library.spans(&source.about),
        citation: source.citation.clone(),
        facts,
        findings: source
            .findings
            .iter()
            .map(|finding| Contact {
                label: library.plain(&finding.name),
                value: library.rate_text(finding.rate),
            })
            .collect(),
    }
}

/// The key to an icon array of what `rate` counts. A rate out of 100 that names neither
/// treatments nor patients (which the content check reports) has no key, so it gets no picture
/// rather than one that says the wrong thing.
fn legend_words(library: &Library, rate: Rate) -> Option<&LegendWords> {
    if !matches!(rate, Rate::Range { .. } | Rate::FewerThan { .. }) {
        return None;
    }
    match rate.of() {
        Denominator::Treatments => Some(&library.ui.charts.per_treatment),
        Denominator::Patients => Some(&library.ui.charts.per_patient),
        Denominator::Unstated => None,
    }
}

/// A rate as a row of the rare-risk scale says it: a "fewer than" rate is drawn there as a bound
/// with a short arrow toward rarer, and said in the scale's own words for a bound
/// (`charts.or_fewer…` in `ui.ron`). Those say "fewer than", as the text does: "1 in every 10,000
/// treatments or fewer" could be read as "10,000 treatments or fewer", more often, and "3 or
/// fewer" is not "fewer than 3".
fn scale_words(library: &Library, rate: Rate) -> String {
    let charts = &library.ui.charts;
    let words = RateWords {
        fewer_than: charts.or_fewer.clone(),
        fewer_than_one_in: charts.or_fewer_one_in.clone(),
        fewer_than_one_in_unstated: charts.or_fewer_one_in_unstated.clone(),
        ..library.ui.rates.clone()
    };
    crate::content::with_unstated_note(rate::format(rate, &words), rate, &words)
}

fn parts(library: &Library, block: &Block) -> Vec<Part> {
    let spans = |text: &String| library.spans(text);
    let list = |items: &Vec<String>| items.iter().map(spans).collect();
    let part = match block {
        Block::Text(text) => Part::Paragraph(spans(text)),
        Block::Bullets(items) => Part::Bullets(list(items)),
        Block::Checklist(items) => Part::Checklist {
            items: items.iter().map(|item| spans(&item.text)).collect(),
            briefs: items
                .iter()
                .map(|item| library.spans(item.in_brief()))
                .collect(),
        },
        Block::Steps(items) => Part::Steps(list(items)),
        Block::Callout(callout) => Part::Callout {
            tone: callout.tone,
            heading: library.plain(&callout.heading),
            body: spans(&callout.text),
            pinned: callout.pinned,
            link: None,
        },
        Block::LungAreas(areas) => Part::LungAreas(lung_picture(library, areas)),
        Block::Compare(compare) => Part::Compare {
            left: compare.left.clone(),
            right: compare.right.clone(),
            rows: compare
                .rows
                .iter()
                .map(|row| CompareRow {
                    topic: spans(&row.topic),
                    left: spans(&row.left),
                    right: spans(&row.right),
                })
                .collect(),
        },
        Block::WhatToDo => {
            let urgent: Vec<_> = library
                .page(PageId::WARNING_SIGNS)
                .sections
                .iter()
                .flat_map(|section| &section.blocks)
                .filter_map(|block| match block {
                    Block::Actions(steps) => Some(steps),
                    _ => None,
                })
                .flatten()
                .filter(|step| step.level != Level::Normal)
                .cloned()
                .collect();
            return parts(library, &Block::Actions(urgent));
        }
        Block::SideEffects(ids) => {
            return ids
                .iter()
                .filter_map(|id| library.side_effect(id))
                .map(|effect| Part::Effect(effect_part(library, effect)))
                .collect();
        }
        Block::RiskScale(ids) => {
            let charts = &library.ui.charts;
            // A side effect's id, or "source-id/finding-id" for what a study found.
            let rows = ids
                .iter()
                .filter_map(|id| match library.finding(id) {
                    Some((source, finding)) => {
                        // Beside the side effect that names it among its studies, out of the
                        // same whole, so 3 out of 100 is never read against 30 out of 1,000.
                        let rate = library
                            .side_effects
                            .iter()
                            .filter(|effect| effect.studies.contains(id))
                            .find_map(|effect| {
                                rate::out_of(finding.rate, rate::whole(effect.rate?))
                            })
                            .unwrap_or(finding.rate);
                        Some(ScaleRow {
                            name: charts
                                .study_row
                                .replace("{finding}", &library.plain(&finding.name))
                                .replace("{source}", &library.plain(&source.short)),
                            words: scale_words(library, rate),
                            rate,
                            study: true,
                        })
                    }
                    None => {
                        let effect = library.side_effect(id)?;
                        let rate = effect.rate?;
                        Some(ScaleRow {
                            name: library.plain(&effect.name),
                            words: scale_words(library, rate),
                            rate,
                            study: false,
                        })
                    }
                })
                .collect();
            let ticks = charts
                .scale_ticks
                .iter()
                .map(|&n| {
                    let label = if n == 1 {
                        charts.every_time.clone()
                    } else {
                        // The axis's own marks: "1 in 100", with no words on units.
                        rate::format(
                            Rate::OneIn {
                                n,
                                of: Denominator::Unstated,
                            },
                            &library.ui.rates,
                        )
                    };
                    (n, label)
                })
                .collect();
            Part::RiskScale { rows, ticks }
        }
        Block::ConditionIndex => Part::ConditionIndex {
            regions: library
                .regions
                .iter()
                .map(|region| RegionGroup {
                    id: region.id.as_str().into(),
                    name: region.name.clone(),
                    conditions: region_links(library, region),
                })
                .collect(),
            words: library.ui.body_map.clone(),
            lungs: warning_page_lungs(library),
        },
        Block::GlossaryIndex => {
            return library
                .glossary
                .iter()
                .map(|term| Part::Term {
                    id: term.id.as_str().into(),
                    word: term.word.clone(),
                    meaning: term.meaning.clone(),
                })
                .collect();
        }
        Block::Choices(ids) => Part::Choices(
            ids.iter()
                .filter_map(|id| library.page_named(id))
                .map(|page| choice(library, page))
                .collect(),
        ),
        Block::Actions(steps) => Part::Actions(
            steps
                .iter()
                .map(|step| ActionItem {
                    level: step.level,
                    signs: step.signs.iter().map(&spans).collect(),
                    action: spans(&step.action),
                    steps: step.steps.iter().map(&spans).collect(),
                })
                .collect(),
        ),
        Block::Questions(questions) => Part::Questions(
            questions
                .iter()
                .map(|question| QuestionItem {
                    question: spans(&question.text),
                    answer: library
                        .clinic
                        .answers
                        .on(question.topic)
                        .map(|answer| Contact {
                            label: library.ui.clinic_answer.clone(),
                            value: answer.to_owned(),
                        }),
                })
                .collect(),
        ),
        Block::TeachBack(questions) => Part::TeachBack(
            questions
                .iter()
                .map(|question| CheckItem {
                    id: question.id.clone(),
                    topic: library.plain(&question.topic),
                    text: library.plain(&question.text),
                    pick_all: question.pick_all,
                    must_know: question.must_know,
                    choices: question
                        .choices
                        .iter()
                        .map(|choice| CheckOption {
                            text: library.plain_numbers(&choice.text),
                            right: choice.right,
                        })
                        .collect(),
                    explain: library.plain(&question.explain),
                    in_short: library.plain(&question.in_short),
                    teaches: (
                        library
                            .page_named(&question.teaches.page)
                            .unwrap_or(PageId::HOME),
                        question.teaches.section,
                    ),
                })
                .collect(),
        ),
        Block::Evidence(claims) => Part::Evidence(
            claims
                .iter()
                .map(|claim| claim_item(library, claim))
                .collect(),
        ),
        Block::Sources => Part::Sources(
            library
                .sources
                .iter()
                .map(|source| source_card(library, source))
                .collect(),
        ),
        Block::ClinicContacts => {
            let contacts: Vec<Contact> = library
                .clinic_contacts()
                .into_iter()
                .map(|(label, value)| Contact {
                    label: label.to_owned(),
                    value: value.to_owned(),
                })
                .collect();
            // With no number to call, say whom to call in words instead.
            let fallback = (!library.clinic.has_phone())
                .then(|| Part::Paragraph(spans(&library.ui.consult.call_your_clinic)));
            return (!contacts.is_empty())
                .then_some(Part::Contacts(contacts))
                .into_iter()
                .chain(fallback)
                .collect();
        }
    };
    vec![part]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Library {
        Library::embedded("en").unwrap()
    }

    #[test]
    fn the_text_gives_the_everyday_name_first_and_the_medical_name_beneath() {
        let library = library();
        let (_, tennis) = library.condition("lateral-epicondylitis").unwrap();
        let (name, medical) = (&tennis.name, tennis.medical_name.as_ref().unwrap());
        let page = Document::for_route(&library, &Route::Condition(tennis.id.as_str().into()))
            .unwrap()
            .plain_text();
        let underline = "=".repeat(name.chars().count());
        assert!(
            page.starts_with(&format!("{name}\n{underline}\n{medical}\n")),
            "{page}"
        );
        let text = guide_text(&library);
        assert!(text.contains(&format!("- {name} ({medical})\n")), "{text}");
    }

    #[test]
    fn every_route_has_a_document_with_a_title() {
        let library = library();
        for page in library.page_ids() {
            let document = Document::for_route(&library, &Route::Page(page)).unwrap();
            assert_eq!(document.title, library.page(page).title);
        }
        for (_, condition) in library.conditions() {
            let route = Route::Condition(condition.id.as_str().into());
            let document = Document::for_route(&library, &route).unwrap();
            // Titled by the name a patient uses, the medical name beneath.
            assert_eq!(document.title, condition.name);
            assert_eq!(document.subtitle, condition.medical_name);
        }
        assert_eq!(
            Document::for_route(&library, &Route::Condition("nope".into())),
            None
        );
    }

    #[test]
    fn an_empty_clinic_falls_back_to_words_and_nothing_breaks() {
        let mut library = library();
        library.clinic = crate::content::model::Clinic::default();
        let page = Document::for_route(&library, &Route::Page(PageId::WARNING_SIGNS)).unwrap();
        let text = page.plain_text();
        assert!(
            text.contains(&library.ui.consult.call_your_clinic),
            "{text}"
        );
        assert!(!text.contains(&library.ui.clinic_phone));

        library.clinic.after_hours_phone = "(555) 010-9999".into();
        let text = Document::for_route(&library, &Route::Page(PageId::WARNING_SIGNS))
            .unwrap()
            .plain_text();
        assert!(text.contains("(555) 010-9999"));
        assert!(!text.contains(&library.ui.consult.call_your_clinic));
    }

    /// The urgent and calm boxes of a document, each with where a tap on it leads.
    fn boxes(document: &Document) -> Vec<(Tone, Option<Route>)> {
        document
            .sections
            .iter()
            .flat_map(|section| &section.parts)
            .filter_map(|part| match part {
                Part::Callout { tone, link, .. } => {
                    Some((*tone, link.as_ref().map(|link| link.route.clone())))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_urgent_box_opens_the_warning_signs_but_on_that_page() {
        let warning_signs = Route::Page(PageId::WARNING_SIGNS);
        for locale in crate::content::LOCALES {
            let mut library = Library::embedded(locale).unwrap();
            // An urgent box on the warning-signs page itself, as a clinic might add.
            let urgent = Block::Callout(crate::content::model::Callout {
                tone: Tone::Urgent,
                heading: "Trouble breathing?".into(),
                text: "Call now.".into(),
                pinned: false,
                on_handout: false,
            });
            let page = library
                .pages
                .iter_mut()
                .find(|page| page.id == PageId::WARNING_SIGNS.id())
                .unwrap();
            page.sections[0].blocks.push(urgent);
            let mut urgent_seen = 0;
            let pages: Vec<PageId> = library.page_ids().collect();
            for page in pages {
                let document = page_document(&library, page);
                for (tone, link) in boxes(&document) {
                    let expected = (tone == Tone::Urgent && page != PageId::WARNING_SIGNS)
                        .then(|| warning_signs.clone());
                    assert_eq!(link, expected, "{locale}: a {tone:?} box on {page:?}");
                    urgent_seen += usize::from(tone == Tone::Urgent);
                }
            }
            // Home's pinned note, side effects, after, and the one added here.
            assert!(urgent_seen >= 4, "{locale}: {urgent_seen} urgent boxes");
            let label = &library.page(PageId::WARNING_SIGNS).nav_label;
            let after = page_document(&library, PageId::AFTER);
            assert!(
                after
                    .sections
                    .iter()
                    .flat_map(|s| &s.parts)
                    .any(|part| matches!(
                        part,
                        Part::Callout { link: Some(link), .. } if &link.label == label
                    ))
            );
        }
    }

    /// The picture of where the lungs lie on `page`, if it has one.
    fn lung_picture_on(library: &Library, page: PageId) -> Option<LungPicture> {
        page_document(library, page)
            .sections
            .into_iter()
            .flat_map(|section| section.parts)
            .find_map(|part| match part {
                Part::LungAreas(picture) => Some(picture),
                Part::ConditionIndex { lungs, .. } => lungs,
                _ => None,
            })
    }

    #[test]
    fn the_lung_picture_names_its_sources_and_is_said_in_words() {
        for locale in crate::content::LOCALES {
            let library = Library::embedded(locale).unwrap();
            let picture = lung_picture_on(&library, PageId::WARNING_SIGNS)
                .unwrap_or_else(|| panic!("{locale}: the warning signs have no lung picture"));
            assert!(
                picture.sources.len() >= 2,
                "{locale}: {:?}",
                picture.sources
            );
            for source in &picture.sources {
                assert_eq!(source.label, library.ui.source_label);
                assert!(
                    library
                        .sources
                        .iter()
                        .any(|known| library.plain(&known.name) == source.value),
                    "{locale}: {}",
                    source.value
                );
            }
            assert_eq!(
                picture.views,
                [
                    library.ui.body_map.front.clone(),
                    library.ui.body_map.back.clone()
                ]
            );
            // The body map shows the same picture, from the warning-signs page.
            assert_eq!(
                lung_picture_on(&library, PageId::CONDITIONS),
                Some(picture.clone())
            );
            // What the page prints and reads aloud carries the key, the caption and the sources.
            let page = page_document(&library, PageId::WARNING_SIGNS);
            let text = page.plain_text();
            let passages = page.passages();
            let summary = joined(&picture.summary);
            let caption = joined(&picture.caption);
            for words in [&picture.key, &summary, &caption, &picture.sources[0].value] {
                assert!(text.contains(words.as_str()), "{locale}: {words}");
                assert!(
                    passages
                        .iter()
                        .any(|passage| passage.contains(words.as_str())),
                    "{locale}: {words} is not read aloud"
                );
            }
        }
    }

    #[test]
    fn without_a_picture_on_the_warning_signs_the_body_map_shows_none() {
        let mut library = library();
        for page in &mut library.pages {
            for section in &mut page.sections {
                section
                    .blocks
                    .retain(|block| !matches!(block, Block::LungAreas(_)));
            }
        }
        assert_eq!(lung_picture_on(&library, PageId::CONDITIONS), None);
    }

    #[test]
    fn side_effects_carry_their_rates_in_words() {
        let library = library();
        let risks = Document::for_route(&library, &Route::Page(PageId::RISKS)).unwrap();
        let effects: Vec<&Effect> = risks
            .sections
            .iter()
            .flat_map(|s| &s.parts)
            .filter_map(|part| match part {
                Part::Effect(effect) => Some(effect),
                _ => None,
            })
            .collect();
        assert!(effects.len() >= 8);
        let rates: Vec<&str> = effects
            .iter()
            .filter_map(|e| e.how_often.first())
            .map(|(_, r)| r.as_str())
            .collect();
        assert!(
            rates.contains(&"60 to 70 out of every 100 treatments"),
            "{rates:?}"
        );
        assert!(
            rates.contains(&"fewer than 1 in every 10,000 treatments"),
            "{rates:?}"
        );
    }

    #[test]
    fn the_guide_text_has_every_page_and_condition_in_order() {
        let library = library();
        let text = guide_text(&library);
        let mut last = 0;
        for page in library.page_ids() {
            let title = &library.page(page).title;
            let at = text[last..].find(&format!("{title}\n")).map(|i| i + last);
            let at = at.unwrap_or_else(|| panic!("{title} missing or out of order"));
            last = at;
        }
        for (_, condition) in library.conditions() {
            assert!(
                text.contains(&format!("{}\n", condition.name)),
                "{}",
                condition.name
            );
        }
        assert!(!text.contains("{rate:"), "a rate placeholder leaked");
        assert!(!text.contains("]("), "term markup leaked");
    }

    fn effects(library: &Library) -> Vec<Effect> {
        let risks = Document::for_route(library, &Route::Page(PageId::RISKS)).unwrap();
        risks
            .sections
            .into_iter()
            .flat_map(|section| section.parts)
            .filter_map(|part| match part {
                Part::Effect(effect) => Some(effect),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_chart_of_treatments_has_treatment_marks_and_words_about_treatments() {
        for locale in crate::content::LOCALES {
            let library = Library::embedded(locale).unwrap();
            let rates = &library.ui.rates;
            let mut seen = Vec::new();
            for effect in library.side_effects.iter() {
                let Some(rate @ (Rate::Range { of, .. } | Rate::FewerThan { of, .. })) =
                    effect.rate
                else {
                    continue;
                };
                let chart = effects(&library)
                    .into_iter()
                    .find(|shown| shown.name == library.plain(&effect.name))
                    .and_then(|shown| shown.chart)
                    .unwrap_or_else(|| panic!("{locale}: {} has no chart", effect.id));
                let (mark, counted, other) = match of {
                    Denominator::Treatments => {
                        (Mark::Treatment, &rates.treatments, &rates.patients)
                    }
                    Denominator::Patients => (Mark::Person, &rates.patients, &rates.treatments),
                    Denominator::Unstated => unreachable!("checked content names its denominator"),
                };
                assert_eq!(chart.mark, mark, "{locale}: {} ({rate:?})", effect.id);
                for (_, words) in &chart.legend {
                    assert!(words.contains(counted.as_str()), "{locale}: {words:?}");
                    assert!(!words.contains(other.as_str()), "{locale}: {words:?}");
                }
                seen.push(mark);
            }
            assert!(
                seen.contains(&Mark::Treatment) && seen.contains(&Mark::Person),
                "{locale}: both marks are shown: {seen:?}"
            );
        }
    }

    #[test]
    fn the_key_names_fill_and_pattern_never_shade() {
        let shades = [
            "dark", "light", "pale", "people", "oscur", "clar", "pálid", "personas",
        ];
        for locale in crate::content::LOCALES {
            let library = Library::embedded(locale).unwrap();
            let charts = &library.ui.charts;
            for key in [&charts.per_treatment, &charts.per_patient] {
                for words in [&key.sure, &key.maybe, &key.maybe_only, &key.unaffected] {
                    let lower = words.to_lowercase();
                    assert!(
                        !shades.iter().any(|shade| lower.contains(shade)),
                        "{locale}: {words:?}"
                    );
                    assert!(words.contains("{n}"), "{locale}: {words:?}");
                }
            }
        }
    }

    #[test]
    fn the_scale_says_a_bound_as_fewer_than_it_as_the_text_does() {
        for (locale, worse, serious, organ, unstated) in [
            (
                "en",
                "fewer than 3 out of every 100 patients",
                "fewer than 1 in every 10,000 treatments",
                "1 in 200,000 (not said if of treatments or patients)",
                "fewer than 1 in 1,000 (not said if of treatments or patients)",
            ),
            (
                "es",
                "menos de 3 de cada 100 pacientes",
                "menos de 1 de cada 10\u{a0}000 tratamientos",
                "1 de cada 200\u{a0}000 (la hoja no dice si son tratamientos o pacientes)",
                "menos de 1 de cada 1000 (la hoja no dice si son tratamientos o pacientes)",
            ),
        ] {
            let library = Library::embedded(locale).unwrap();
            let risks = Document::for_route(&library, &Route::Page(PageId::RISKS)).unwrap();
            let rows: Vec<ScaleRow> = risks
                .sections
                .into_iter()
                .flat_map(|section| section.parts)
                .filter_map(|part| match part {
                    Part::RiskScale { rows, .. } => Some(rows),
                    _ => None,
                })
                .flatten()
                .collect();
            let words = |id: &str| {
                let name = library.plain(&library.side_effect(id).unwrap().name);
                let row = rows.iter().find(|row| row.name == name);
                row.unwrap_or_else(|| panic!("{locale}: no row for {id}"))
                    .words
                    .clone()
            };
            assert_eq!(words("worse-symptoms"), worse);
            assert_eq!(words("serious"), serious);
            for id in ["worse-symptoms", "serious"] {
                let text = library.rate_text(library.side_effect(id).unwrap().rate.unwrap());
                assert_eq!(
                    words(id),
                    text,
                    "{locale}: the scale and the text word {id} alike"
                );
            }
            assert_eq!(
                words("organ-damage"),
                organ,
                "an exact rate is said as it is"
            );
            assert_eq!(
                words("bruising"),
                library.rate_text(library.side_effect("bruising").unwrap().rate.unwrap())
            );
            let bound = Rate::FewerThanOneIn {
                n: 1000,
                of: Denominator::Unstated,
            };
            assert_eq!(scale_words(&library, bound), unstated);
        }
    }
}
