//! What the handout says, in reading order, as pieces the layout places on paper: taken from the
//! pages' documents, so the handout says what the guide says, in the reader's language, with the
//! same numbers. What to do comes first, as it is what a patient looks for at home.

use std::collections::BTreeSet;

use crate::content::ids::ConditionId;
use crate::content::model::{Block, Evidence, Level};
use crate::content::route::{PageId, Route};
use crate::content::{Library, Span};
use crate::document::{ActionItem, Document, Effect, Part, joined};

use super::face::Face;
use super::{Discussion, HandoutOptions};

/// A piece of text in one weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: true,
        }
    }
}

/// Spans as runs: rates in bold, as the window shows them.
fn runs(spans: &[Span]) -> Vec<Run> {
    spans
        .iter()
        .map(|span| match span {
            Span::Number(text) => Run::bold(text.clone()),
            span => Run::plain(span.text()),
        })
        .collect()
}

/// A detail of the clinic's, or a line to write it on by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    /// `None`: a line to write on.
    pub value: Option<String>,
}

/// One row of the side-effects table.
#[derive(Debug, Clone, PartialEq)]
pub struct EffectRow {
    pub name: String,
    /// "15 to 20 out of every 100 treatments", and what studies counted, each under its label.
    pub how_often: Vec<Run>,
    /// Its picture of 100, where the rate is out of 100.
    pub chart: Option<crate::document::IconChart>,
}

/// A piece of the handout.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A section's heading; `urgent` ones are in the urgent colour.
    Heading {
        text: String,
        urgent: bool,
    },
    /// A smaller heading inside a section.
    Subheading {
        text: String,
        urgent: bool,
    },
    Paragraph(Vec<Run>),
    /// A paragraph on a tinted band, for what must not be missed.
    Note(Vec<Run>),
    Bullets(Vec<Vec<Run>>),
    /// Items with a box to tick, in two columns.
    Checklist(Vec<String>),
    /// The clinic's numbers under a heading, each written or a line to write it on; and what to
    /// do without one.
    Contacts {
        heading: String,
        fields: Vec<Field>,
        note: Option<String>,
    },
    /// A step of what to do: its symbol, what to do, the signs it is for, and how.
    Step {
        level: Level,
        action: String,
        signs: Vec<String>,
        steps: Vec<String>,
    },
    /// The side effects with a number: name, how often, and a picture of 100.
    Effects {
        headings: [String; 3],
        rows: Vec<EffectRow>,
        /// Pictures drawn smaller, to make room.
        small_pictures: bool,
    },
    /// Lines to write a name, a date or a signature on, under `lead` (what signing says), which
    /// is never set apart from them.
    Lines {
        lead: String,
        labels: Vec<String>,
    },
    /// What follows starts a page of its own: the page to sign, which the clinic keeps, so the
    /// pages before it go home whole.
    NewPage,
}

/// The whole handout, before it is laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The language's code, for the PDF and screen readers.
    pub lang: String,
    pub title: String,
    /// "From {clinic}", where the clinic named itself.
    pub given_by: Option<String>,
    pub pieces: Vec<Piece>,
    /// At the foot of every page: when the content was checked, and by the clinic.
    pub footer: String,
    /// "Page {n} of {total}", counting the pages that go home.
    pub page_of: String,
    /// At the foot of the page to sign, which stays at the clinic, instead.
    pub signing_page: String,
    /// After a step's name where it goes on in the next column: "(continued)".
    pub continued: String,
    /// What is not on it, to keep it to two pages or because it could not be printed; the
    /// handout ends by saying so.
    pub left_out: Vec<String>,
}

impl Sheet {
    /// The clinic's details as the handout gives them: each label, and its value or `None`
    /// for a line to write it on.
    pub fn contacts(&self) -> Vec<(String, Option<String>)> {
        self.pieces
            .iter()
            .find_map(|piece| match piece {
                Piece::Contacts { fields, .. } => Some(
                    fields
                        .iter()
                        .map(|field| (field.label.clone(), field.value.clone()))
                        .collect(),
                ),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Every word the handout says, in reading order, one piece a line: what a screen reader
    /// reads, and what tests look for.
    pub fn text(&self) -> String {
        let mut out = vec![self.title.clone()];
        out.extend(self.given_by.clone());
        for piece in &self.pieces {
            out.push(piece.text());
        }
        out.push(self.footer.clone());
        out.join("\n")
    }
}

impl Piece {
    pub fn text(&self) -> String {
        let words = |runs: &[Run]| runs.iter().map(|run| run.text.as_str()).collect::<String>();
        match self {
            Piece::Heading { text, .. } | Piece::Subheading { text, .. } => text.clone(),
            Piece::Paragraph(runs) | Piece::Note(runs) => words(runs),
            Piece::Bullets(items) => items
                .iter()
                .map(|item| words(item))
                .collect::<Vec<_>>()
                .join("\n"),
            Piece::Checklist(items) => items.join("\n"),
            Piece::Lines { lead, labels } => format!("{lead}\n{}", labels.join("\n")),
            Piece::NewPage => String::new(),
            Piece::Contacts {
                heading,
                fields,
                note,
            } => std::iter::once(heading.clone())
                .chain(fields.iter().map(|field| {
                    format!("{}: {}", field.label, field.value.as_deref().unwrap_or(""))
                }))
                .chain(note.clone())
                .collect::<Vec<_>>()
                .join("\n"),
            Piece::Step {
                action,
                signs,
                steps,
                ..
            } => std::iter::once(action.clone())
                .chain(signs.iter().cloned())
                .chain(steps.iter().cloned())
                .collect::<Vec<_>>()
                .join("\n"),
            Piece::Effects { headings, rows, .. } => std::iter::once(headings.join(" | "))
                .chain(
                    rows.iter()
                        .map(|row| format!("{} | {}", row.name, words(&row.how_often))),
                )
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// What may be left out, in the order it is given up, when the handout would not fit on two
/// pages: first what is said at more length in the guide, last what the patient said in the
/// check and what to tell the therapist before treatment. What to do, whom to call, every side
/// effect (a collapsed lung among those with no number) and every number are never left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shorten {
    /// Nothing left out.
    Whole,
    /// The pictures of 100 drawn smaller (1.5 mm a shape rather than 1.8): tighter, nothing
    /// left out.
    SmallerPictures,
    /// And each thing to tell the therapist before treatment in its brief, where the content
    /// gives one: what it is and what the clinic advises stay, examples and what else to know
    /// go (the handout says so).
    BriefChecklist,
    /// And the ticked conditions each with what studies found in brief, not in full.
    ConditionsInBrief,
    /// And the discussion summary's topics, questions ticked and "no" answers each run together
    /// in one paragraph rather than a list (nothing is left out).
    CompactLists,
    /// And the things to tell the therapist that are one sentence each, at the end of the list,
    /// run together in one paragraph after those with their own box (nothing is left out).
    CompactChecklist,
    /// And the studies behind what was found about whether it helps named by their authors and
    /// year only ("Gattie, 2017"), not by what each is as well.
    BriefSources,
    /// And the ticked conditions by name only, with one line saying that what studies found
    /// differs from one to another and is often not known for sure: names alone, beside the
    /// general line on whether it helps, would read as a promise.
    ConditionsByName,
    /// And without the line on why a side effect has two numbers.
    WithoutTwoNumbers,
    /// And, on the page to sign, without the list of "are you sure" questions answered no (the
    /// summary still says to talk to the therapist before deciding).
    WithoutUnsure,
    /// And, on the page to sign, without the questions the patient ticked in the check.
    WithoutQuestions,
    /// And without the pictures of 100 and their key (the numbers stay).
    WithoutPictures,
    /// And without the conditions ticked, which by now are only their names, which the patient
    /// knows (where a needle can reach a lung stays, under the warning signs, and whether
    /// needles went near one is a line the therapist fills in, in the clinic's box).
    WithoutConditions,
    /// And what studies found about whether it helps in brief: one statement, with its
    /// sources, rather than each in full.
    StudiesFoundInBrief,
    /// And without what studies found about whether it helps (the right to say no stays): what
    /// may help is kept beside the harms longer than the pictures of the harms and the names of
    /// the conditions ticked.
    WithoutStudiesFound,
    /// And, last, this many fewer of the things to tell the therapist before treatment, from
    /// the end of the list. It opens with the reasons not to be needled, which are never given
    /// up: a handout that cannot keep them runs to a third page.
    ShorterChecklist(usize),
}

impl Shorten {
    /// Whether this step leaves words or pictures out, rather than only setting the same
    /// things tighter (smaller pictures, lists run together, studies named briefly): a handout
    /// gives those back first.
    pub fn leaves_out(self) -> bool {
        !matches!(
            self,
            Shorten::Whole
                | Shorten::SmallerPictures
                | Shorten::CompactLists
                | Shorten::CompactChecklist
                | Shorten::BriefSources
        )
    }

    /// Whether this step gives up only something on the page to sign.
    pub fn on_the_page_to_sign(self) -> bool {
        matches!(self, Shorten::WithoutUnsure | Shorten::WithoutQuestions)
    }

    /// The next thing to give up, if any is left.
    pub fn next(self) -> Option<Shorten> {
        match self {
            Shorten::Whole => Some(Shorten::SmallerPictures),
            Shorten::SmallerPictures => Some(Shorten::BriefChecklist),
            Shorten::BriefChecklist => Some(Shorten::ConditionsInBrief),
            Shorten::ConditionsInBrief => Some(Shorten::CompactLists),
            Shorten::CompactLists => Some(Shorten::CompactChecklist),
            Shorten::CompactChecklist => Some(Shorten::BriefSources),
            Shorten::BriefSources => Some(Shorten::ConditionsByName),
            Shorten::ConditionsByName => Some(Shorten::WithoutTwoNumbers),
            Shorten::WithoutTwoNumbers => Some(Shorten::WithoutUnsure),
            Shorten::WithoutUnsure => Some(Shorten::WithoutQuestions),
            Shorten::WithoutQuestions => Some(Shorten::WithoutPictures),
            Shorten::WithoutPictures => Some(Shorten::WithoutConditions),
            Shorten::WithoutConditions => Some(Shorten::StudiesFoundInBrief),
            Shorten::StudiesFoundInBrief => Some(Shorten::WithoutStudiesFound),
            Shorten::WithoutStudiesFound => Some(Shorten::ShorterChecklist(1)),
            Shorten::ShorterChecklist(fewer) if fewer < MAX_CHECKLIST => {
                Some(Shorten::ShorterChecklist(fewer + 1))
            }
            Shorten::ShorterChecklist(_) => None,
        }
    }
}

/// What a handout gives up: some of the steps of [`Shorten`]. Found by giving them up in order
/// until it fits, then giving back each that it fits without after all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cuts(BTreeSet<Shorten>);

impl Cuts {
    /// Nothing given up.
    pub fn none() -> Cuts {
        Cuts::default()
    }

    /// Every step up to `last`, in order.
    pub fn up_to(last: Shorten) -> Cuts {
        Cuts(
            std::iter::successors(Shorten::Whole.next(), |step| step.next())
                .take_while(|step| *step <= last)
                .collect(),
        )
    }

    /// Whether `step` is given up.
    pub fn has(&self, step: Shorten) -> bool {
        self.0.contains(&step)
    }

    /// How much is given up, to compare two ways of fitting a handout: the steps given up, the
    /// last given up (the most kept) first. The less of two gives up less: its last step comes
    /// earlier, or with the same steps fewer of them.
    pub fn severity(&self) -> Vec<Shorten> {
        self.latest_first().collect()
    }

    /// The steps given up, the last given up first.
    pub fn latest_first(&self) -> impl Iterator<Item = Shorten> + '_ {
        self.0.iter().rev().copied()
    }

    /// These cuts with `step` given back.
    pub fn without(&self, step: Shorten) -> Cuts {
        let mut cuts = self.clone();
        cuts.0.remove(&step);
        cuts
    }

    /// How many of the checklist's items are given up.
    fn checklist_fewer(&self) -> usize {
        self.0
            .iter()
            .filter_map(|step| match step {
                Shorten::ShorterChecklist(fewer) => Some(*fewer),
                _ => None,
            })
            .max()
            .unwrap_or(0)
    }
}

/// More items than any checklist has; the reasons not to be needled stay all the same.
const MAX_CHECKLIST: usize = 64;

/// The checklist's first items, the reasons not to be needled at all (pregnancy, a bleeding
/// disorder, an infection where the needles go), which the handout never gives up.
const REASONS_NOT_TO_NEEDLE: usize = 3;

/// A clinic's detail is printed up to this many characters; a longer one is cut at a space
/// before it, and the handout says so.
const MAX_DETAIL: usize = 60;

/// A clinic's detail as the handout can print it: whole; cut at a word, with "…", where it is
/// too long; or `None` where the font lacks its letters (a line is left to write it on). What
/// was not printed goes into `left_out`, named by `label`.
fn printable(
    value: &str,
    label: &str,
    library: &Library,
    face: &Face,
    left_out: &mut Vec<String>,
) -> Option<String> {
    let words = &library.ui.handout;
    let value = value.trim();
    if !face.covers(value) {
        left_out.push(words.cannot_print.replace("{what}", label));
        return None;
    }
    if value.chars().count() <= MAX_DETAIL {
        return Some(value.to_owned());
    }
    let limit = value
        .char_indices()
        .nth(MAX_DETAIL)
        .map_or(value.len(), |(at, _)| at);
    let cut = value[..limit]
        .rfind(' ')
        .filter(|&at| at > 0)
        .unwrap_or(limit);
    left_out.push(words.too_long.replace("{what}", label));
    Some(format!("{}…", value[..cut].trim_end()))
}

/// Where what is expected after treatment goes among the warning signs. It is a box kept whole
/// but for its list, so where it does not fit at the foot of a column it leaves room empty there
/// that the paragraph on where a needle can reach a lung would fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// Right after how long to watch for the signs.
    ExpectedWithSteps,
    /// After where a needle can reach a lung.
    ExpectedLast,
}

impl Arrangement {
    pub const ALL: [Arrangement; 2] = [Arrangement::ExpectedWithSteps, Arrangement::ExpectedLast];
}

/// The handout's pieces for `options`, arranged as `arrangement` says, without what `cuts` gives
/// up; `face` says which letters it can print. `library` is the edition as printed
/// ([`Library::as_printed`]).
pub fn build(
    library: &Library,
    options: &HandoutOptions,
    cuts: &Cuts,
    arrangement: Arrangement,
    face: &Face,
) -> Sheet {
    let words = &library.ui.handout;
    let mut left_out = Vec::new();
    let clinic_name = library.clinic.name.trim();
    let clinic = (!clinic_name.is_empty())
        .then(|| {
            printable(
                clinic_name,
                &library.ui.clinic_name,
                library,
                face,
                &mut left_out,
            )
        })
        .flatten();
    let mut pieces = Vec::new();
    contacts(&mut pieces, library, clinic.as_deref(), face, &mut left_out);
    warning_signs(&mut pieces, library, arrangement);
    your_conditions(&mut pieces, library, options, cuts, &mut left_out);
    your_choice(&mut pieces, library, cuts, &mut left_out);
    side_effects(&mut pieces, library, cuts, &mut left_out);
    who_should_not(&mut pieces, library, cuts, &mut left_out);
    // The page to sign, built first so that what it leaves out is said with the rest, at the
    // end of the pages that go home.
    let mut signing = Vec::new();
    if let Some(discussion) = &options.discussion {
        let questions = if cuts.has(Shorten::WithoutQuestions) && !discussion.questions.is_empty() {
            left_out.push(library.ui.teach_back.questions_ticked.to_lowercase());
            &[][..]
        } else {
            &discussion.questions[..]
        };
        let unsure = if cuts.has(Shorten::WithoutUnsure) && !discussion.unsure.is_empty() {
            left_out.push(library.ui.handout.unsure_left_out.clone());
            &[][..]
        } else {
            &discussion.unsure[..]
        };
        let compact = cuts.has(Shorten::CompactLists);
        discussion_summary(
            &mut signing,
            library,
            discussion,
            questions,
            unsure,
            compact,
        );
    }
    if !left_out.is_empty() {
        // Its lead and its close in bold, the list between them plain, which takes fewer lines.
        let (lead, close) = words
            .left_out
            .split_once("{what}")
            .unwrap_or((&words.left_out, ""));
        pieces.push(Piece::Note(vec![
            Run::bold(lead.to_owned()),
            Run::plain(left_out.join("; ")),
            Run::bold(close.to_owned()),
        ]));
    }
    if !signing.is_empty() {
        pieces.push(Piece::NewPage);
        pieces.extend(signing);
    }
    let mut footer = words.content_checked.clone();
    let reviewed = library.clinic.reviewed.trim();
    if !reviewed.is_empty() && reviewed.chars().count() <= 30 && face.covers(reviewed) {
        footer.push_str(&format!(" {}: {reviewed}.", library.ui.reviewed));
    }
    Sheet {
        lang: library.locale.clone(),
        title: words.title.clone(),
        given_by: clinic
            .as_ref()
            .map(|name| words.given_by.replace("{clinic}", name)),
        pieces,
        footer,
        page_of: words.page_of.clone(),
        signing_page: words.signing_page.clone(),
        continued: words.continued.clone(),
        left_out,
    }
}

/// A page's resolved parts; the handout takes its words from there, so it never drifts from
/// what the app shows, and it finds them by kind, not by English words.
fn document(library: &Library, page: PageId) -> Document {
    Document::for_route(library, &Route::Page(page)).expect("every page has a document")
}

fn all_parts(document: &Document) -> impl Iterator<Item = &Part> {
    document.sections.iter().flat_map(|section| &section.parts)
}

/// A callout's heading set before its text on the same line: it needs an end mark to read as a
/// sentence ("Signs can start hours later."), unless it has one ("Feeling dizzy?").
fn run_in(heading: &str) -> String {
    let heading = heading.trim();
    if heading.ends_with(['.', '?', '!', ':']) {
        heading.to_owned()
    } else {
        format!("{heading}.")
    }
}

/// The clinic's name and numbers, and the emergency number, in the order of the warning-signs
/// page. Each one the clinic left out is a line to write it in by hand (never words such as
/// "your local emergency number", which give a patient at home no number); with no clinic phone,
/// the patient is also told to call the clinic that treated them. A web address is not written
/// by hand: it is shown only when set.
fn contacts(
    pieces: &mut Vec<Piece>,
    library: &Library,
    name: Option<&str>,
    face: &Face,
    left_out: &mut Vec<String>,
) {
    let ui = &library.ui;
    let clinic = &library.clinic;
    // The name was made printable once, for the title ("From …"), where it is not said again;
    // without one, a line here to write it on.
    let mut fields = match name {
        Some(_) => Vec::new(),
        None => vec![Field {
            label: ui.clinic_name.clone(),
            value: None,
        }],
    };
    for (label, value, by_hand) in [
        (&ui.clinic_phone, &clinic.phone, true),
        (
            &ui.clinic_after_hours_phone,
            &clinic.after_hours_phone,
            true,
        ),
        (&ui.clinic_emergency, &clinic.emergency_number, true),
        (&ui.clinic_web, &clinic.web, false),
        // For the therapist to fill in: the day, and whether a needle went near a lung (the
        // answer circled), so the patient knows whether the lung's signs apply to them.
        (&ui.handout.treated_on, &String::new(), true),
        (&ui.handout.near_lungs_today, &ui.handout.yes_no, true),
    ] {
        let value = value.trim();
        let value = (!value.is_empty())
            .then(|| printable(value, label, library, face, left_out))
            .flatten();
        if value.is_none() && !by_hand {
            continue;
        }
        fields.push(Field {
            label: label.clone(),
            value,
        });
    }
    // What "near a lung today" means for the patient; for staff, where a number to call is a
    // line to write it on; with no clinic phone, whom to call.
    let missing_number = [
        &clinic.phone,
        &clinic.after_hours_phone,
        &clinic.emergency_number,
    ]
    .iter()
    .any(|number| number.trim().is_empty());
    let note = [
        Some(&ui.handout.near_lungs_today_means),
        missing_number.then_some(&ui.handout.staff_fill_in),
        (!clinic.has_phone()).then_some(&ui.consult.call_your_clinic),
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect::<Vec<String>>()
    .join(" ");
    pieces.push(Piece::Contacts {
        heading: ui.handout.contacts.clone(),
        fields,
        note: (!note.is_empty()).then_some(note),
    });
}

/// The warning-signs page's steps of what to do, each with the signs it is for; what a caller
/// says; that signs can start hours later; and where a needle can reach a lung.
fn warning_signs(pieces: &mut Vec<Piece>, library: &Library, arrangement: Arrangement) {
    let page = document(library, PageId::WARNING_SIGNS);
    let words = &library.ui.handout;
    pieces.push(Piece::Heading {
        text: words.warning_signs.clone(),
        urgent: true,
    });
    let actions = all_parts(&page).find_map(|part| match part {
        Part::Actions(items) => Some(items),
        _ => None,
    });
    // What the page says right after the steps ("If you notice things from more than one box,
    // do what the most urgent box says. When you call, say that you had dry needling, and
    // when."): first, with the steps on page 1.
    let when_you_call = page.sections.iter().find_map(|section| {
        let steps = section
            .parts
            .iter()
            .position(|part| matches!(part, Part::Actions(_)))?;
        section.parts[steps + 1..]
            .iter()
            .find_map(|part| match part {
                Part::Paragraph(spans) => Some(spans),
                _ => None,
            })
    });
    if actions.is_some() {
        pieces.push(Piece::Subheading {
            text: words.what_to_do.clone(),
            urgent: true,
        });
    }
    if let Some(spans) = when_you_call {
        pieces.push(Piece::Paragraph(vec![Run::bold(joined(spans))]));
    }
    let step = |item: &ActionItem| Piece::Step {
        level: item.level,
        action: joined(&item.action),
        signs: item.signs.iter().map(|sign| joined(sign)).collect(),
        steps: item.steps.iter().map(|step| joined(step)).collect(),
    };
    let (urgent, expected): (Vec<_>, Vec<_>) = actions
        .into_iter()
        .flatten()
        .partition(|item| item.level != Level::Normal);
    pieces.extend(urgent.into_iter().map(step));
    // How long to watch for the signs goes right after the steps for them, before what is
    // expected: where page 1 is short (Spanish, on Letter), it is what is expected that runs
    // on to page 2, never how long to watch.
    if let Some((heading, body)) = all_parts(&page).find_map(|part| match part {
        Part::Callout { heading, body, .. } => Some((heading, body)),
        _ => None,
    }) {
        let mut note = vec![Run::bold(format!("{} ", run_in(heading)))];
        note.extend(runs(body));
        pieces.push(Piece::Note(note));
    }
    if arrangement == Arrangement::ExpectedWithSteps {
        pieces.extend(expected.iter().copied().map(step));
    }
    // Where a needle can reach a lung, in words: the section's heading and the picture's
    // summary.
    if let Some((title, picture)) = page.sections.iter().find_map(|section| {
        section.parts.iter().find_map(|part| match part {
            Part::LungAreas(picture) => Some((section.heading.as_deref(), picture)),
            _ => None,
        })
    }) {
        let mut line: Vec<Run> = title
            .map(|title| Run::bold(format!("{} ", run_in(title))))
            .into_iter()
            .collect();
        line.extend(runs(&picture.summary));
        pieces.push(Piece::Paragraph(line));
    }
    if arrangement == Arrangement::ExpectedLast {
        pieces.extend(expected.iter().copied().map(step));
    }
}

/// Up to this many ticked conditions are given with what studies say in full; more, in brief.
pub const MAX_DESCRIBED: usize = 2;

/// The conditions the therapist ticked, in the guide's order, each with its medical name and
/// what studies say for it, with the source (or, past [`MAX_DESCRIBED`], or when shortened, in
/// brief); then which of them have needles that may go near a lung.
fn your_conditions(
    pieces: &mut Vec<Piece>,
    library: &Library,
    options: &HandoutOptions,
    cuts: &Cuts,
    left_out: &mut Vec<String>,
) {
    let ticked: Vec<_> = library
        .conditions()
        .filter(|(_, condition)| {
            options
                .conditions
                .iter()
                .any(|id: &ConditionId| id.as_str() == condition.id)
        })
        .collect();
    if ticked.is_empty() {
        return;
    }
    let near: Vec<String> = ticked
        .iter()
        .filter(|(region, condition)| condition.near_lungs(region))
        .map(|(_, condition)| library.plain(&condition.name))
        .collect();
    // "for this" after one name, "for each of these" after more.
    let near_lungs_words = |count: usize| {
        if count == 1 {
            library.plain(&library.ui.condition_near_lungs)
        } else {
            library.ui.handout.near_lungs_each.clone()
        }
    };
    let near_lungs = (!near.is_empty()).then(|| {
        vec![
            Run::plain(format!("{}: ", near.join(", "))),
            Run::bold(near_lungs_words(near.len())),
        ]
    });
    if cuts.has(Shorten::WithoutConditions) {
        // The list goes, never the warning: where needles for one of them may go near a lung,
        // that stays, naming them, and so does the line that what studies found differs from
        // one to another: a name beside the general line on whether it helps, alone, would
        // read as a promise.
        left_out.push(library.ui.handout.conditions_left_out.clone());
        if let Some(mut runs) = near_lungs {
            runs.push(Run::plain(format!(
                " {}",
                library.ui.handout.findings_differ
            )));
            pieces.push(Piece::Paragraph(runs));
        }
        return;
    }
    pieces.push(Piece::Heading {
        text: library.ui.handout.your_conditions.clone(),
        urgent: false,
    });
    // How they are listed: by name only, in brief, or each with what studies say in full.
    let by_name = cuts.has(Shorten::ConditionsByName);
    let in_brief =
        !by_name && (ticked.len() > MAX_DESCRIBED || cuts.has(Shorten::ConditionsInBrief));
    if by_name {
        left_out.push(library.ui.handout.evidence_left_out.clone());
        let names: Vec<String> = ticked
            .iter()
            .map(|(_, condition)| library.plain(&condition.name))
            .collect();
        pieces.push(Piece::Paragraph(vec![
            Run::bold(format!("{}. ", names.join("; "))),
            Run::plain(library.ui.handout.findings_differ.clone()),
        ]));
    } else if in_brief {
        // Past two, or when shortened, each condition with what studies found in brief, those
        // whose findings are the same named together: a name alone beside the general line on
        // whether it helps would read as a promise where studies found little.
        left_out.push(library.ui.handout.evidence_in_brief.clone());
        let mut groups: Vec<(&Evidence, Vec<String>)> = Vec::new();
        for (_, condition) in &ticked {
            let name = library.plain(&condition.name);
            match groups
                .iter_mut()
                .find(|(evidence, _)| evidence.brief == condition.evidence.brief)
            {
                Some((_, names)) => names.push(name),
                None => groups.push((&condition.evidence, vec![name])),
            }
        }
        for (evidence, names) in groups {
            let sources: Vec<String> = library
                .source_names(evidence.sources())
                .iter()
                .map(|name| authors_and_year(name))
                .collect();
            let mut line = vec![
                Run::bold(format!("{}: ", names.join("; "))),
                Run::plain(library.plain(&evidence.brief)),
            ];
            if !sources.is_empty() {
                line.push(Run::plain(format!(" ({})", sources.join("; "))));
            }
            pieces.push(Piece::Paragraph(line));
        }
    } else {
        for (_, condition) in &ticked {
            let mut name = vec![Run::bold(library.plain(&condition.name))];
            if let Some(medical) = &condition.medical_name {
                name.push(Run::plain(format!(" ({})", library.plain(medical))));
            }
            pieces.push(Piece::Paragraph(name));
            let mut says = vec![
                Run::bold(format!("{}: ", library.ui.studies_say)),
                Run::plain(library.plain(&condition.evidence.text)),
            ];
            let names = library.source_names(condition.evidence.sources());
            if !names.is_empty() {
                says.push(Run::plain(format!(
                    " ({}: {})",
                    library.source_label(names.len()),
                    names.join("; ")
                )));
            }
            pieces.push(Piece::Paragraph(says));
        }
    }
    // Once for the list, naming the conditions whose needles may go near a lung; where that is
    // every one in a list that names them all, it follows the list rather than naming them
    // again.
    if (by_name || in_brief) && near.len() == ticked.len() {
        pieces.push(Piece::Paragraph(vec![Run::bold(near_lungs_words(
            near.len(),
        ))]));
    } else {
        pieces.extend(near_lungs.map(Piece::Paragraph));
    }
}

/// Who should not be needled, and what else to tell the therapist: the before page's
/// checklist, under its own heading, with boxes the patient can tick.
fn who_should_not(
    pieces: &mut Vec<Piece>,
    library: &Library,
    cuts: &Cuts,
    left_out: &mut Vec<String>,
) {
    let before = document(library, PageId::BEFORE);
    let brief = cuts.has(Shorten::BriefChecklist);
    let Some((section_heading, items)) = before.sections.iter().find_map(|section| {
        section.parts.iter().find_map(|part| match part {
            Part::Checklist { items, briefs } => Some((
                section.heading.as_deref(),
                if brief { briefs } else { items },
            )),
            _ => None,
        })
    }) else {
        return;
    };
    let fewer = cuts
        .checklist_fewer()
        .min(items.len().saturating_sub(REASONS_NOT_TO_NEEDLE));
    let kept = items.len() - fewer;
    if kept < items.len() {
        let words = &library.ui.handout;
        let said = if fewer == 1 {
            &words.checklist_left_out_last
        } else {
            &words.checklist_left_out
        };
        left_out.push(
            said.replace("{n}", &fewer.to_string())
                .replace("{total}", &items.len().to_string()),
        );
    }
    if kept == 0 {
        return;
    }
    // Where the list is shortened too, saying so covers the details of what is kept.
    if brief && fewer == 0 {
        left_out.push(library.ui.handout.checklist_details_left_out.clone());
    }
    if let Some(text) = section_heading {
        pieces.push(Piece::Heading {
            text: text.to_owned(),
            urgent: false,
        });
    }
    pieces.push(Piece::Paragraph(vec![Run::plain(format!(
        "{}:",
        library.ui.handout.who_should_not
    ))]));
    let mut items: Vec<String> = items[..kept].iter().map(|item| joined(item)).collect();
    let run_on = if cuts.has(Shorten::CompactChecklist) {
        // The one-sentence items at the end of the list, as clauses of one sentence.
        let boxed = items.len()
            - items
                .iter()
                .rev()
                .take_while(|item| !item.trim_end_matches('.').contains(". "))
                .count();
        let clauses: Vec<String> = items
            .split_off(boxed.max(REASONS_NOT_TO_NEEDLE.min(items.len())))
            .iter()
            .map(|item| clause(item))
            .collect();
        (!clauses.is_empty()).then(|| {
            format!(
                "{} {}",
                library.ui.handout.checklist_also,
                run_together(&clauses)
            )
        })
    } else {
        None
    };
    pieces.push(Piece::Checklist(items));
    if let Some(run_on) = run_on {
        pieces.push(Piece::Paragraph(vec![Run::plain(run_on)]));
    }
}

/// The right to say no, and what may help, beside the harms that follow: what the benefits page
/// marks `on_handout` ("You can say no", under "It is your choice" as a run-in heading; then what
/// studies found, in short, each with its sources). The right to say no is never given up; what
/// studies found is printed in brief, late, and given up only after the pictures and the
/// conditions' list, before the end of what to tell the therapist.
fn your_choice(
    pieces: &mut Vec<Piece>,
    library: &Library,
    cuts: &Cuts,
    left_out: &mut Vec<String>,
) {
    let blocks: Vec<&Block> = library
        .page(PageId::BENEFITS)
        .sections
        .iter()
        .flat_map(|section| &section.blocks)
        .collect();
    let say_no = blocks.iter().find_map(|block| match block {
        Block::Callout(callout) if callout.on_handout => Some(library.plain(&callout.text)),
        _ => None,
    });
    let in_brief = cuts.has(Shorten::StudiesFoundInBrief);
    let found: Vec<Piece> = blocks
        .iter()
        .filter_map(|block| match block {
            Block::Evidence(claims) => Some(claims),
            _ => None,
        })
        .flatten()
        .filter_map(|claim| {
            let short = if in_brief {
                claim.in_brief.as_ref()
            } else {
                claim.on_handout.as_ref()
            };
            Some((claim, short?))
        })
        .map(|(claim, short)| {
            let mut runs = vec![Run::plain(library.plain(short))];
            let mut names = library.source_names(&claim.sources);
            if in_brief || cuts.has(Shorten::BriefSources) {
                names = names.iter().map(|name| authors_and_year(name)).collect();
            }
            if !names.is_empty() {
                runs.push(Run::plain(format!(
                    " ({}: {})",
                    library.source_label(names.len()),
                    names.join("; ")
                )));
            }
            Piece::Paragraph(runs)
        })
        .collect();
    let heading = run_in(&library.ui.handout.your_choice);
    match say_no {
        Some(say_no) => pieces.push(Piece::Paragraph(vec![
            Run::bold(format!("{heading} ")),
            Run::plain(say_no),
        ])),
        None if !found.is_empty() => pieces.push(Piece::Paragraph(vec![Run::bold(heading)])),
        None => return,
    }
    if found.is_empty() {
        return;
    }
    if cuts.has(Shorten::WithoutStudiesFound) {
        left_out.push(library.ui.handout.studies_left_out.clone());
        return;
    }
    if in_brief {
        left_out.push(library.ui.handout.studies_in_brief_left_out.clone());
    }
    pieces.extend(found);
}

/// A study's name by its authors and year, the part in brackets at its end ("A review of 13
/// studies (Gattie, 2017)" is "Gattie, 2017"); the whole name where it has none.
fn authors_and_year(name: &str) -> String {
    name.strip_suffix(')')
        .and_then(|name| name.rsplit_once('('))
        .map_or(name, |(_, inside)| inside)
        .trim()
        .to_owned()
}

/// A list item as a clause of a longer sentence: its first letter in lower case (unless the
/// word is all capitals, as "HIV" is) and without its full stop.
fn clause(item: &str) -> String {
    let item = item.trim().trim_end_matches('.');
    let mut letters = item.chars();
    match (letters.next(), letters.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => first
            .to_lowercase()
            .chain(item[first.len_utf8()..].chars())
            .collect(),
        _ => item.to_owned(),
    }
}

/// Items run together in one paragraph: whole sentences (each ends in ".", "?" or "!") one
/// after the other; anything else as a list in a sentence, "a; b; c.".
fn run_together(items: &[String]) -> String {
    let sentences = items
        .iter()
        .all(|item| item.trim_end().ends_with(['.', '?', '!']));
    if sentences {
        items
            .iter()
            .map(|item| item.trim())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        format!(
            "{}.",
            items
                .iter()
                .map(|item| item.trim())
                .collect::<Vec<_>>()
                .join("; ")
        )
    }
}

/// Every side effect with a number, with how often and its picture of 100 where it has one;
/// where the numbers come from; then those the source gives no number for, by name, unless
/// `cuts` gives them up.
fn side_effects(
    pieces: &mut Vec<Piece>,
    library: &Library,
    cuts: &Cuts,
    left_out: &mut Vec<String>,
) {
    let ui = &library.ui;
    let risks = document(library, PageId::RISKS);
    let effects: Vec<&Effect> = all_parts(&risks)
        .filter_map(|part| match part {
            Part::Effect(effect) => Some(effect),
            _ => None,
        })
        .collect();
    pieces.push(Piece::Heading {
        text: ui.handout.side_effects.clone(),
        urgent: false,
    });
    let mut sources: Vec<&str> = Vec::new();
    let mut rows = Vec::new();
    let mut pictures = false;
    for effect in &library.side_effects {
        let Some(rate) = effect.rate else { continue };
        let name = library.plain(&effect.name);
        let chart = effects
            .iter()
            .find(|shown| shown.name == name)
            .and_then(|shown| shown.chart.clone());
        // The clinic's number, then what studies counted, each under its own label.
        let how_often = effects
            .iter()
            .find(|shown| shown.name == name)
            .map(|shown| {
                shown
                    .how_often
                    .iter()
                    .enumerate()
                    .flat_map(|(index, (label, value))| {
                        let label = if index == 0 {
                            String::new()
                        } else {
                            format!("; {}: ", label.to_lowercase())
                        };
                        [Run::plain(label), Run::bold(value.clone())]
                    })
                    .filter(|run| !run.text.is_empty())
                    .collect()
            })
            .unwrap_or_else(|| vec![Run::bold(library.rate_with_studies(effect, rate))]);
        let chart = chart.filter(|_| !cuts.has(Shorten::WithoutPictures));
        pictures |= chart.is_some();
        rows.push(EffectRow {
            name,
            how_often,
            chart,
        });
        for source in library.effect_sources(effect) {
            if !sources.contains(&source.name.as_str()) {
                sources.push(&source.name);
            }
        }
    }
    pieces.push(Piece::Effects {
        headings: [
            ui.handout.effect_column.clone(),
            ui.how_often.clone(),
            ui.handout.out_of_100.clone(),
        ],
        rows,
        small_pictures: cuts.has(Shorten::SmallerPictures),
    });
    // The clinic's number beside far fewer in the studies puzzles a reader without a reason.
    let two_numbers = effects.iter().any(|shown| shown.how_often.len() > 1);
    if two_numbers && !cuts.has(Shorten::WithoutTwoNumbers) {
        pieces.push(Piece::Paragraph(vec![Run::plain(
            ui.handout.two_numbers.clone(),
        )]));
    } else if two_numbers {
        left_out.push(ui.handout.two_numbers_left_out.clone());
    }
    if pictures {
        pieces.push(Piece::Paragraph(vec![Run::plain(
            ui.handout.picture_key.clone(),
        )]));
    } else if cuts.has(Shorten::WithoutPictures) {
        left_out.push(ui.handout.pictures_left_out.clone());
    }
    // Every number names where it comes from, on paper too.
    pieces.push(Piece::Paragraph(vec![
        Run::bold(format!("{}: ", library.source_label(sources.len()))),
        Run::plain(sources.join("; ")),
    ]));
    let unrated: Vec<String> = library
        .side_effects
        .iter()
        .filter(|effect| effect.rate.is_none())
        .map(|effect| library.plain(&effect.name))
        .collect();
    if !unrated.is_empty() {
        pieces.push(Piece::Paragraph(vec![
            Run::bold(format!("{} ", ui.handout.unrated)),
            Run::plain(format!("{}.", unrated.join("; "))),
        ]));
    }
}

/// The discussion summary: the topics to go over together, the patient's questions, any "are
/// you sure" answered no, the language, and lines for the names, the date and the signatures.
/// It says that it goes with the clinic's consent form and does not replace it.
fn discussion_summary(
    pieces: &mut Vec<Piece>,
    library: &Library,
    discussion: &Discussion,
    questions: &[String],
    unsure: &[String],
    compact: bool,
) {
    let words = &library.ui.teach_back;
    // Run together in one paragraph where room is short; else a list, with a box to tick for
    // each topic and question to go over (`to_cover`): the page records what was covered, not
    // only what was missed.
    let items = |items: &[String], to_cover: bool| {
        if compact {
            Piece::Paragraph(vec![Run::plain(run_together(items))])
        } else if to_cover {
            Piece::Checklist(items.to_vec())
        } else {
            Piece::Bullets(
                items
                    .iter()
                    .map(|item| vec![Run::plain(item.clone())])
                    .collect(),
            )
        }
    };
    pieces.push(Piece::Heading {
        text: words.discussion_title.clone(),
        urgent: false,
    });
    pieces.push(Piece::Paragraph(vec![Run::bold(words.companion.clone())]));
    pieces.push(Piece::Subheading {
        text: words.summary_therapist.clone(),
        urgent: false,
    });
    if !compact && (!discussion.topics.is_empty() || !questions.is_empty()) {
        pieces.push(Piece::Paragraph(vec![Run::plain(words.covered.clone())]));
    }
    if discussion.topics.is_empty() {
        pieces.push(Piece::Paragraph(vec![Run::plain(
            words.nothing_missed.clone(),
        )]));
    } else {
        pieces.push(items(&discussion.topics, true));
    }
    if !questions.is_empty() {
        pieces.push(Piece::Subheading {
            text: words.questions_ticked.clone(),
            urgent: false,
        });
        pieces.push(items(questions, true));
    }
    if !unsure.is_empty() {
        pieces.push(Piece::Subheading {
            text: words.unsure.clone(),
            urgent: false,
        });
        pieces.push(items(unsure, false));
    }
    if !discussion.unsure.is_empty() {
        pieces.push(Piece::Paragraph(vec![Run::bold(words.talk_first.clone())]));
    }
    // The decision, which may be to wait: signing records the talk, not a yes.
    pieces.push(Piece::Subheading {
        text: words.decision.clone(),
        urgent: false,
    });
    pieces.push(Piece::Checklist(vec![
        words.decision_yes.clone(),
        words.decision_no.clone(),
        words.decision_later.clone(),
    ]));
    // What a signature means, and who keeps the sheet, then a date for each signer.
    pieces.push(Piece::Lines {
        lead: words.signing.clone(),
        labels: vec![
            words.patient_name.clone(),
            words.patient_signature.clone(),
            words.date.clone(),
            words.therapist_name.clone(),
            words.therapist_signature.clone(),
            words.date.clone(),
            // Last, alone on its row: the lines above come in threes.
            words.language.clone(),
        ],
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_study_is_named_briefly_by_its_authors_and_year() {
        assert_eq!(
            authors_and_year("Review of 36 reviews on pain (Chys and others, 2023)"),
            "Chys and others, 2023"
        );
        assert_eq!(
            authors_and_year("Your clinic's information sheet"),
            "Your clinic's information sheet"
        );
    }

    #[test]
    fn run_in_headings_end_as_sentences() {
        assert_eq!(
            run_in("Signs can start hours later"),
            "Signs can start hours later."
        );
        assert_eq!(run_in("¿Siente sueño? "), "¿Siente sueño?");
        assert_eq!(run_in("Done."), "Done.");
    }
}
