//! The shapes of the content files, as serde reads them from RON.
//!
//! Patient text may carry two kinds of markup, both resolved by
//! [`crate::content::library::Library`]:
//! - `[shown words](term-id)` marks a glossary term, so the app can explain it where it appears;
//! - `{rate:effect-id}` stands for the rate of a side effect, formatted in the reader's language,
//!   so that every number lives in one place (`side-effects.ron`).

use serde::Deserialize;

/// `pages.ron`: one place in the guide's list of pages, which is in reading order and the same
/// in every language.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PageEntry {
    /// The page's id: its words are `<locale>/pages/<id>.ron` in every language.
    pub id: String,
    /// What the app draws on it besides its sections.
    #[serde(default)]
    pub kind: PageKind,
    /// The picture on its tile and beside its name in the list: one of [`ICON_NAMES`]. None for
    /// home, which is where the tiles are.
    ///
    /// [`ICON_NAMES`]: super::ids::ICON_NAMES
    #[serde(default)]
    pub icon: Option<String>,
    /// Listed in the urgent colour wherever it is listed, as the warning signs are.
    #[serde(default)]
    pub urgent: bool,
}

/// What kind of page a place in the list is: most are their sections as written; two are drawn
/// by the app around them.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
pub enum PageKind {
    #[default]
    Text,
    /// The list of conditions, with the body map; each condition's own page follows it.
    Conditions,
    /// The check of how well the guide explained, which the app runs.
    TeachBack,
}

/// One page of the guide (`<locale>/pages/<id>.ron`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: String,
    /// The heading at the top of the page.
    pub title: String,
    /// A short name for the navigation bar.
    pub nav_label: String,
    /// The first sentence: what the page is for.
    pub lead: String,
    /// Other words people look for this page by, for quick jump ("lung").
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// A chunk of a page under its own heading.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Section {
    #[serde(default)]
    pub heading: Option<String>,
    pub blocks: Vec<Block>,
}

/// The building blocks of a section.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub enum Block {
    /// A paragraph.
    Text(String),
    /// A bulleted list.
    Bullets(Vec<String>),
    /// Things to tell the therapist or to check off, shown with tick boxes.
    Checklist(Vec<ChecklistItem>),
    /// Numbered steps to follow in order.
    Steps(Vec<String>),
    /// A boxed message that stands out from the page.
    Callout(Callout),
    /// Two things side by side, row by row.
    Compare(Compare),
    /// Side effects from `side-effects.ron`, by id, each with its rate.
    SideEffects(Vec<String>),
    /// Every condition from `conditions.ron`, on a body map and in a list grouped by region.
    ConditionIndex,
    /// Side effects from `side-effects.ron`, by id, on one scale from common to very rare.
    RiskScale(Vec<String>),
    /// Every term from `glossary.ron`.
    GlossaryIndex,
    /// Large buttons that open other pages, by page id.
    Choices(Vec<String>),
    /// The clinic's contact details from `clinic.ron`.
    ClinicContacts,
    /// What to do about what you notice after treatment, from "normal" to "call the emergency
    /// number now", drawn as a picture with the words beside it.
    Actions(Vec<ActionStep>),
    /// The warning signs page's steps for what needs doing now (call the emergency number; get
    /// checked now), drawn here as there: what to do is written in one place.
    WhatToDo,
    /// Questions to ask the therapist, each with the clinic's own answer when `clinic.ron` has one.
    Questions(Vec<Question>),
    /// Where the numbers come from: every source of `sources.ron`, with what it found.
    Sources,
    /// What studies found, each statement shown with the sources that back it.
    Evidence(Vec<Claim>),
    /// The teach-back check: a few questions, each explained after any answer and pointing at
    /// the section that teaches it.
    TeachBack(Vec<CheckQuestion>),
    /// A picture of where a needle can reach a lung, on the front and back of a body, with its
    /// key, its caption and its sources. The body map shows it too, for the regions near the lungs.
    LungAreas(LungAreas),
}

/// The words of [`Block::LungAreas`].
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LungAreas {
    /// What the striped areas are, beside a sample of the stripes.
    pub key: String,
    /// Where a needle can reach a lung, in one sentence that needs no picture: the handout's
    /// line.
    pub summary: String,
    /// The rest of what the picture shows, in words: how close under the skin the lungs lie.
    pub caption: String,
    /// Where its facts come from: ids of `sources.ron`.
    pub sources: Vec<String>,
}

/// One statement of [`Block::Evidence`], and the ids of the sources in `sources.ron` that back it
/// (at least one).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// What the statement is about, set in bold before it: one of the other choices, say.
    #[serde(default)]
    pub heading: Option<String>,
    pub text: String,
    pub sources: Vec<String>,
    /// How many more people out of every 100 got better than with what they were compared to,
    /// where a study gives it: drawn as an icon array of people, as the side effects are, so a
    /// benefit can be weighed against a harm in the same picture.
    #[serde(default)]
    pub helped_more: Option<u32>,
    /// A shorter form of the statement, printed on the take-home handout under "It is your
    /// choice" with the same sources, so that what may help stands beside the harms there.
    #[serde(default)]
    pub on_handout: Option<String>,
    /// The statement in a line or two, with the same sources: what a handout short of room
    /// prints for what studies found, rather than give it up (statements without one are left
    /// out there).
    #[serde(default)]
    pub in_brief: Option<String>,
}

/// One question of [`Block::TeachBack`].
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CheckQuestion {
    /// The same in every language.
    pub id: String,
    /// What it is about, in a few words: a topic to go over together when it was missed.
    pub topic: String,
    pub text: String,
    /// Any number of choices may be right: "pick every one that applies".
    #[serde(default)]
    pub pick_all: bool,
    /// Must be answered right before the check is done: the warning signs, and what to do.
    #[serde(default)]
    pub must_know: bool,
    pub choices: Vec<CheckChoice>,
    /// The right answer in plain words, shown after any answer.
    pub explain: String,
    /// The right answer in one line, for what a patient who missed it takes home on a phone:
    /// what to do, not only what to ask about.
    pub in_short: String,
    /// The section that teaches it.
    pub teaches: Teaches,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CheckChoice {
    pub text: String,
    #[serde(default)]
    pub right: bool,
}

/// A section of a page: the page's id, and the section's place on it, counting from 0.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Teaches {
    pub page: String,
    pub section: usize,
}

/// One step of [`Block::Actions`]: the signs it is for, and what to do about them.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ActionStep {
    pub level: Level,
    /// What the patient notices. A sign belongs to one step only, so no sign leads to two
    /// different actions (`check` and tests/content_rules.rs hold every page to that).
    pub signs: Vec<String>,
    pub action: String,
    /// How to do it, numbered, after the signs: where the clinic's numbers go (`{call_clinic}`).
    #[serde(default)]
    pub steps: Vec<String>,
}

/// How urgent an action is, from nothing to do to an emergency.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum Level {
    Normal,
    CallClinic,
    /// Go to an emergency room now: what a physical-therapy clinic cannot examine, such as the
    /// signs of a collapsed lung, which needs a chest X-ray.
    EmergencyRoom,
    Emergency,
}

/// A question to ask the therapist, on a topic the clinic may answer in `clinic.ron`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub topic: Topic,
    pub text: String,
}

/// What a question is about; each is a field of the clinic's [`Answers`].
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum Topic {
    Sessions,
    Feel,
    Needles,
    Training,
    Options,
    Cost,
    /// Whether any needles will go near the lungs, where a collapsed lung can happen.
    Lungs,
}

/// One thing on a checklist: its words, written in RON as a text, or with a shorter form for
/// where room is short (the take-home handout) as `(text: "…", brief: "…")`. The brief keeps what
/// the patient must not miss, such as "the clinic advises no dry needling"; an item without one
/// is kept whole.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistItem {
    pub text: String,
    pub brief: Option<String>,
}

impl ChecklistItem {
    /// Its words where room is short.
    pub fn in_brief(&self) -> &str {
        self.brief.as_deref().unwrap_or(&self.text)
    }
}

impl<'de> Deserialize<'de> for ChecklistItem {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The written form with a brief; its field names are checked as any other struct's.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct WithBrief {
            text: String,
            brief: String,
        }

        struct Item;
        impl<'de> serde::de::Visitor<'de> for Item {
            type Value = ChecklistItem;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(r#"a checklist item: a text, or (text: "…", brief: "…")"#)
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(ChecklistItem {
                    text: text.to_owned(),
                    brief: None,
                })
            }

            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                map: M,
            ) -> Result<Self::Value, M::Error> {
                let WithBrief { text, brief } =
                    WithBrief::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(ChecklistItem {
                    text,
                    brief: Some(brief),
                })
            }
        }
        deserializer.deserialize_any(Item)
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Callout {
    pub tone: Tone,
    pub heading: String,
    pub text: String,
    /// Kept in view at the foot of the screen, as a button that opens the warning signs, rather
    /// than in the page's flow: the home page's note about trouble breathing, which must not
    /// scroll away from a patient choosing a topic. Keep its text to one short sentence.
    #[serde(default)]
    pub pinned: bool,
    /// Printed on the take-home handout too (the benefits page's "You can say no").
    #[serde(default)]
    pub on_handout: bool,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum Tone {
    /// Helpful, calm information.
    Note,
    /// Act now: shown in the warning colour.
    Urgent,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Compare {
    pub left: String,
    pub right: String,
    pub rows: Vec<CompareRow>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CompareRow {
    pub topic: String,
    pub left: String,
    pub right: String,
}

/// `side-effects.ron`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SideEffect {
    pub id: String,
    pub name: String,
    /// How often it happens; `None` where the source gives no number.
    #[serde(default)]
    pub rate: Option<Rate>,
    /// What it is and what it means for you.
    pub text: String,
    /// The sentence beside its icon array, for rates out of 100: "Bruising happens after {rate:bruising}."
    #[serde(default)]
    pub chart_sentence: Option<String>,
    /// Where the rate comes from: a source id of `sources.ron`. Every rate has one.
    #[serde(default)]
    pub source: Option<String>,
    /// Studies that counted the same side effect ("source-id/finding-id" of `sources.ron`),
    /// shown beside the rate wherever it is read, so a source's figure never stands alone where
    /// studies found otherwise; its icon array spans them all.
    #[serde(default)]
    pub studies: Vec<String>,
}

/// `sources.ron`: where the guide's numbers come from.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// What it is, in plain words: "Your clinic's information sheet".
    pub name: String,
    /// How a sentence names it after a rate: "your clinic's sheet"; the name when empty.
    #[serde(default)]
    pub short: String,
    /// Who made it, what it counted, and what to keep in mind when reading its numbers.
    pub about: String,
    /// The reference, as a librarian would write it, if it is published.
    #[serde(default)]
    pub citation: Option<String>,
    /// What it counted, each as a rate.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// The clinic's own sheet: shown with the clinic's name and the date it was last reviewed.
    #[serde(default)]
    pub from_clinic: bool,
}

/// One number a source found.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Named where a page puts the finding beside a side effect (the risk scale's
    /// "source-id/finding-id"); empty where none does.
    #[serde(default)]
    pub id: String,
    pub name: String,
    pub rate: Rate,
}

/// How often something happens, exactly as the source states it.
/// `Range` and `FewerThan` count out of every 100; `OneIn` and `FewerThanOneIn` give one case in `n`.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum Rate {
    Range {
        low: u32,
        high: u32,
        of: Denominator,
    },
    FewerThan {
        value: u32,
        of: Denominator,
    },
    OneIn {
        n: u32,
        of: Denominator,
    },
    FewerThanOneIn {
        n: u32,
        of: Denominator,
    },
    /// About `count` out of every `per`, rounded from a study's percentage.
    About {
        count: u32,
        per: u32,
        of: Denominator,
    },
    /// None seen, and at most `count` out of every `per` by the study's own reckoning.
    AtMost {
        count: u32,
        per: u32,
        of: Denominator,
    },
    /// Side effects counted all together, about `count` for every `per`: one treatment can have
    /// more than one, so this counts side effects, not treatments that had one.
    Counted {
        count: u32,
        per: u32,
        of: Denominator,
    },
}

impl Rate {
    /// What the rate counts.
    pub fn of(self) -> Denominator {
        match self {
            Rate::Range { of, .. }
            | Rate::FewerThan { of, .. }
            | Rate::OneIn { of, .. }
            | Rate::FewerThanOneIn { of, .. }
            | Rate::About { of, .. }
            | Rate::AtMost { of, .. }
            | Rate::Counted { of, .. } => of,
        }
    }
}

/// What a rate counts: the source says "of treatments" for some and "of patients" for others.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Hash)]
pub enum Denominator {
    Treatments,
    Patients,
    /// The source gives the figure with no unit ("1 in 200,000").
    Unstated,
}

/// `conditions.ron`: the conditions dry needling is used for, grouped by body region.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    /// Conditions of other regions listed here too, by id, where a patient also looks for them
    /// (the front of the hip on the body map is the groin).
    #[serde(default)]
    pub also_lists: Vec<String>,
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    /// The name a patient uses ("Tennis elbow"): the one listed, titled and printed.
    pub name: String,
    /// The medical name, shown beneath the name in smaller text ("Lateral epicondylitis").
    #[serde(default)]
    pub medical_name: Option<String>,
    /// Other everyday names people search for ("stiff neck").
    #[serde(default)]
    pub also_called: Vec<String>,
    /// A short, plain description.
    pub text: String,
    /// What studies say about dry needling for this problem.
    pub evidence: Evidence,
    /// Its needles often go near a lung though its region is not one the map stripes (headaches
    /// are needled at the neck and the top of the shoulder; low back pain near the lowest ribs).
    #[serde(default)]
    pub near_lungs: bool,
}

impl Condition {
    /// Whether its needles may go near a lung: its own flag, or a region the map stripes.
    pub fn near_lungs(&self, region: &Region) -> bool {
        self.near_lungs || crate::content::ids::NEAR_LUNGS.contains(&region.id.as_str())
    }

    /// The name with the medical name after it, for one line: "Tennis elbow (Lateral
    /// epicondylitis)".
    pub fn full_name(&self) -> String {
        match &self.medical_name {
            Some(medical) => format!("{} ({medical})", self.name),
            None => self.name.clone(),
        }
    }
}

/// One plain line on what studies say for a condition, and the id in `sources.ron` it rests on.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub text: String,
    /// The same in a few words, for the handout where there is no room for the whole line:
    /// what was found, with its size where the line gives one. Conditions whose lines are the
    /// same share their brief, and the handout names them together.
    pub brief: String,
    pub source: String,
    /// More sources the line rests on: a trial or review that found less, beside the one that
    /// found more, so that a condition's page is not one-sided.
    #[serde(default)]
    pub also: Vec<String>,
}

impl Evidence {
    /// Every source of the line, the first one first.
    pub fn sources(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.source).chain(&self.also)
    }
}

/// `glossary.ron`: medical words, each explained in plain words.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub word: String,
    pub meaning: String,
}

/// `ui.ron`: the interface's own words, and the patterns that turn rates into words.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Ui {
    pub app_title: String,
    /// This language's own name, on the button that switches to it ("Español").
    pub language_name: String,
    /// For staff, when files of the clinic's content folder were left out; `{folder}` is its path.
    pub content_notice: String,
    /// For staff, when `clinic.ron` lacks what patients must have; `{missing}` names the fields.
    pub clinic_not_set: String,
    /// For staff, when the clinic's anonymous counts cannot be kept; `{reason}` says why.
    pub insights_off: String,
    /// What went wrong with the counts file, as `insights_off`'s `{reason}` and Clinic counts'
    /// say it.
    pub counts_trouble: CountsTrouble,
    /// For staff, when the last visit's counts were lost because another program held the file
    /// (`{file}`); counting goes on.
    pub counts_lost: String,
    /// For staff, when the last visit's counts could not be written (`{file}`, `{reason}`): a
    /// full disk, say; counting goes on and the next visit tries again.
    pub counts_not_written: String,
    /// For staff: visits are counted in a week after this computer's date (`{monday}`, its
    /// first day): the clock was set ahead when a visit was counted, or is behind now.
    pub counts_ahead: String,
    pub back: String,
    pub home: String,
    pub previous: String,
    pub next: String,
    pub close: String,
    pub contents: String,
    pub term_heading: String,
    pub open_glossary: String,
    pub conditions_open: String,
    pub also_called: String,
    pub region_label: String,
    /// Shown on every condition's page.
    pub condition_advice_heading: String,
    pub condition_advice: String,
    /// On the page of a condition of a region near the lungs ([`crate::content::ids::NEAR_LUNGS`]).
    pub condition_near_lungs: String,
    /// The heading over the other conditions of the same region.
    pub same_region: String,
    /// On a condition's page, before what studies say for it.
    pub studies_say: String,
    /// On a condition's page, after what studies say: its side effects, told as its benefits
    /// are, with the numbers' sources (`{rate:…}`), and a way to the side effects page.
    pub condition_side_effects_heading: String,
    pub condition_side_effects: String,
    pub clinic_name: String,
    pub clinic_phone: String,
    #[serde(alias = "clinic_urgent_phone")]
    pub clinic_after_hours_phone: String,
    pub clinic_web: String,
    /// The emergency number, when the clinic gives none: "your local emergency number".
    pub local_emergency_number: String,
    pub clinic_emergency: String,
    /// `{lung_areas}` in patient text: every place a needle can reach a lung, as one list in
    /// running text, so that every page names the same places.
    #[serde(default)]
    pub lung_areas: String,
    /// `{call_clinic}` in patient text, as the clinic's numbers allow.
    pub call_clinic: CallClinicWords,
    /// "Source", before a rate's source; "Sources", before more than one.
    pub source_label: String,
    pub sources_label: String,
    /// On the sources page: "Checked by {clinic} on {date}".
    pub reviewed: String,
    /// Under a question, before the clinic's answer.
    pub clinic_answer: String,
    pub how_often: String,
    /// Beside "How often", where studies counted the same side effect: "In studies".
    #[serde(default)]
    pub in_studies: String,
    /// The contrast switch: what it turns on, and a short name for a crowded bar.
    pub high_contrast: String,
    pub standard_contrast: String,
    pub contrast_short: String,
    /// The button that holds, on a crowded bar, the controls there is no room for.
    pub more: String,
    /// Read-aloud: start, stop, and the one notice when the speech program fails.
    pub read_aloud: String,
    pub stop_reading: String,
    pub speech_failed: String,
    /// At the foot of a page that goes on below the screen.
    pub more_below: String,
    /// After the pinned emergency note's heading where there is no room for its sentence: the
    /// number to call, which it must never lose.
    pub emergency_short: String,
    pub rates: RateWords,
    pub charts: ChartWords,
    pub body_map: BodyMapWords,
    pub consult: ConsultWords,
    pub handout: HandoutWords,
    pub kiosk: KioskWords,
    pub teach_back: TeachBackWords,
}

/// The sentence `{call_clinic}` becomes: with the clinic's phone (`{phone}`) and its after-hours
/// line (`{after_hours}`), with the phone only, or with neither (a guide not yet ready). On the
/// printed handout, whose first page opens with the clinic's numbers, the two `on_paper` forms
/// point there instead of saying them again.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CallClinicWords {
    pub with_after_hours: String,
    pub phone_only: String,
    pub no_phone: String,
    pub on_paper_with_after_hours: String,
    pub on_paper_phone_only: String,
}

/// Words of the teach-back check, the patient's questions, the four "are you sure" questions and
/// the summary. `{n}` and `{total}` count questions.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TeachBackWords {
    pub start: String,
    pub question_of: String,
    pub pick_one: String,
    pub pick_all: String,
    pub not_sure: String,
    pub done: String,
    pub right: String,
    /// Over the answer to a question answered wrong: kind, and plain that it was not right.
    pub not_quite: String,
    /// The answer to a question answered "I'm not sure".
    pub the_answer: String,
    /// Beside the choice the patient picked, once the answer is shown.
    pub your_answer: String,
    /// Asks the question answered wrong again, there and then.
    pub try_this_again: String,
    pub show_me_again: String,
    pub back_to_check: String,
    pub next: String,
    pub questions_heading: String,
    pub questions_intro: String,
    pub sure_heading: String,
    pub sure_intro: String,
    /// Knows the benefits and risks; clear about what matters most; enough support; feels sure:
    /// exactly these four (`check` counts them).
    pub sure: Vec<String>,
    pub yes: String,
    pub no: String,
    pub talk_first: String,
    /// Under the "are you sure" questions, always: so an answer moves nothing on the screen.
    pub sure_if_no: String,
    pub finish: String,
    /// Over the summary at the kiosk, and in the consult room.
    pub summary_patient: String,
    pub summary_therapist: String,
    pub nothing_missed: String,
    pub questions_ticked: String,
    pub try_again: String,
    pub try_again_why: String,
    pub start_over: String,
    /// In the consult room, on the summary: clear the check for the next patient.
    pub next_patient: String,
    /// At the kiosk, under the summary.
    pub kept_nowhere: String,
    /// At the kiosk, under the summary: clear everything for the next person now.
    pub clear: String,
    /// The handout's section.
    pub discussion_title: String,
    pub companion: String,
    /// Over the lines to sign: what a signature says, and who keeps the sheet.
    pub signing: String,
    /// On the page to sign, over the topics and questions, each with a box: tick each once it
    /// has been gone over.
    pub covered: String,
    /// On the page to sign: the patient's decision, one box each.
    pub decision: String,
    pub decision_yes: String,
    pub decision_no: String,
    pub decision_later: String,
    /// A line on the page to sign: the language the talk was in, and an interpreter's name.
    pub language: String,
    pub unsure: String,
    pub patient_signature: String,
    pub therapist_signature: String,
    pub date: String,
    /// Lines on the page to sign, for the names.
    pub patient_name: String,
    pub therapist_name: String,
}

/// Words of the waiting-room kiosk. `{n}` is a number of seconds.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct KioskWords {
    /// On the check's summary and the questions page: the button that shows the code.
    pub take_home: String,
    /// The first line of what the code holds, as a phone shows it.
    pub take_home_title: String,
    /// Beside the code: how to take it, and that nothing is kept.
    pub take_home_how: String,
    /// Where the list is too long for one code: `{kept}` of `{total}` lines are in it.
    pub take_home_shortened: String,
    /// The same, last in the code's own text: `{left}` lines did not fit.
    pub take_home_left_out: String,
    /// Over the answers, in one line each, to the check's questions missed or not sure: what
    /// to know, and to go over with the therapist.
    pub take_home_answers: String,
    /// First in what the code holds, so that it is never what is left out: what to do after
    /// treatment if something is wrong, every step of the warning-signs page in brief, under its
    /// heading (`{emergency}` and `{call_clinic}`, as in any text).
    pub take_home_safety_heading: String,
    pub take_home_safety: Vec<String>,
    pub welcome: String,
    /// About how long the guide takes, on the welcome screen.
    pub takes: String,
    /// On the welcome screen when the clinic keeps anonymous counts (`insights`).
    pub counts_answers: String,
    pub touch_to_start: String,
    /// On the welcome screen of the other language: start in this one (in its own words).
    pub start_in: String,
    pub still_reading: String,
    pub starting_over: String,
    pub keep_reading: String,
    pub qr_caption: String,
    pub staff_pin_title: String,
    pub wrong_pin: String,
    /// After too many wrong PINs, while the keypad waits.
    pub pin_locked: String,
    pub cancel: String,
    pub ok: String,
}

/// Words of the therapist's tools: quick jump, text size, presenting, shortcuts.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ConsultWords {
    pub find: String,
    pub find_placeholder: String,
    pub find_nothing: String,
    /// Under "Nothing found", when the other language's guide has the word.
    pub find_in_other: String,
    /// Labels of the kinds of result.
    pub result_page: String,
    pub result_condition: String,
    pub result_term: String,
    pub text_size: String,
    pub smaller: String,
    pub larger: String,
    pub present: String,
    pub stop_presenting: String,
    pub shortcuts_title: String,
    /// Each shortcut: the keys, then what they do. `{command}` and `{alt}` are the keys held,
    /// named as the platform names them (Ctrl and Alt, or Cmd and Option on a Mac).
    pub shortcuts: Vec<(String, String)>,
    /// When the clinic gives no phone number: whom to call instead.
    pub call_your_clinic: String,
    /// The staff's view of the clinic's anonymous counts: its button under the page list, its
    /// title, the two rooms, and what it says while reading, when reading failed (`{reason}`),
    /// for which weeks (`{from}`, `{to}`), with how many visits (`{visits}`, `{checks}`), when
    /// there are too few to show, for a question with too few answers to show, each question's shares
    /// (`{right}`, `{wrong}`, `{unsure}` in percent, of `{answers}`), and the button that opens
    /// the page it teaches (`{page}`).
    pub counts_button: String,
    pub counts_title: String,
    pub counts_kiosk: String,
    pub counts_consult: String,
    pub counts_reading: String,
    pub counts_failed: String,
    pub counts_weeks: String,
    pub counts_visits: String,
    /// The consult room's line instead (`{checks}`): there a visit is counted when its check's
    /// summary shows, so visits and checks are the same number.
    pub counts_checks: String,
    pub counts_too_few: String,
    /// Under the counts: what they are for, and that where everyone gave the same answer, the
    /// bar says what each patient answered (five visits are a floor, not a guarantee).
    pub counts_privacy: String,
    pub counts_few_answers: String,
    /// Under a question's shares: how many answers (`{n}`) are left out of them, from weeks
    /// where fewer than 5 gave one of its answers.
    pub counts_unshown: String,
    pub counts_shares: String,
    pub counts_open: String,
}

/// Why the anonymous counts cannot be kept or read, for staff, each naming the file (`{file}`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CountsTrouble {
    pub cannot_open: String,
    pub not_counts: String,
    pub newer: String,
    pub cannot_write: String,
    /// Another program holds the file for now: nothing is wrong with it or the disk.
    pub busy: String,
    pub cannot_read: String,
    pub no_folder: String,
}

impl CountsTrouble {
    /// Each, with its name in ui.ron and the placeholders it must hold.
    pub fn each(&self) -> [(&'static str, &String, &'static [&'static str]); 7] {
        const FILE: &[&str] = &["{file}"];
        [
            ("counts_trouble.cannot_open", &self.cannot_open, FILE),
            ("counts_trouble.not_counts", &self.not_counts, FILE),
            ("counts_trouble.newer", &self.newer, FILE),
            ("counts_trouble.cannot_write", &self.cannot_write, FILE),
            ("counts_trouble.busy", &self.busy, FILE),
            ("counts_trouble.cannot_read", &self.cannot_read, FILE),
            ("counts_trouble.no_folder", &self.no_folder, &[]),
        ]
    }
}

/// Words of the take-home handout and of the dialog that makes it. `{path}`, `{error}` and
/// `{clinic}` are filled in.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HandoutWords {
    pub button: String,
    pub dialog_title: String,
    pub choose_conditions: String,
    /// In the dialog, once the patient has done the check: the handout ends with its summary.
    pub with_discussion: String,
    pub make: String,
    /// The box that narrows the list of conditions, and what shows when nothing matches.
    pub find_condition: String,
    pub no_condition_found: String,
    pub untick_all: String,
    /// By the button that makes it: the conditions it will name, or that it names none, so a
    /// tick kept from an earlier handout is never missed.
    pub will_name: String,
    pub will_name_none: String,
    /// In the dialog, when `clinic.ron` has no phone numbers (`needle-guide handout` says it in
    /// its own words, with how to set them).
    pub numbers_missing: String,
    /// Saved and handed to the desktop's launcher, which cannot tell whether a window opened.
    pub saved_and_sent: String,
    pub saved_only: String,
    pub failed: String,
    pub show_folder: String,
    /// The folder could not be shown: where it is, to find by hand.
    pub folder_not_shown: String,
    pub title: String,
    pub given_by: String,
    pub your_conditions: String,
    /// The heading over what may help and the right to say no.
    pub your_choice: String,
    pub side_effects: String,
    /// The heading of the table's first column; the second is [`Ui::how_often`].
    pub effect_column: String,
    pub aftercare: String,
    pub warning_signs: String,
    pub what_to_do: String,
    pub who_should_not: String,
    pub contacts: String,
    /// Before the side effects the sheet gives no number for, named in a row.
    pub unrated: String,
    /// A line for the therapist: the date of this treatment.
    pub treated_on: String,
    /// A line for the therapist: whether any needle went near a lung today, followed by
    /// `yes_no`, the answers to circle.
    pub near_lungs_today: String,
    pub yes_no: String,
    /// Under the clinic's box: what the line above means for the patient.
    pub near_lungs_today_means: String,
    /// Under the clinic's box when a number to call is a blank line: for the staff who hand
    /// it over.
    pub staff_fill_in: String,
    /// The third column of the side-effects table: the picture of 100.
    pub out_of_100: String,
    /// Under the table: what the pictures' shapes and fills mean.
    pub picture_key: String,
    /// Under the table, where a side effect has the sheet's number and the studies': why they
    /// differ.
    pub two_numbers: String,
    /// At the foot of each page: when the facts were checked against their sources.
    pub content_checked: String,
    /// At the foot of each page that goes home: `{n}` and `{total}`.
    pub page_of: String,
    /// At the foot of the page to sign, which the clinic keeps: not numbered with the pages
    /// that go home, so that no one looks for a page missing from them.
    pub signing_page: String,
    /// After a step of what to do where it goes on in the next column.
    pub continued: String,
    /// What was left out to keep to two pages: `{what}` lists it.
    pub left_out: String,
    /// In that list: the studies' findings for each ticked condition.
    pub evidence_left_out: String,
    /// The same, where each condition has what studies found in brief.
    pub evidence_in_brief: String,
    /// After the ticked conditions named without what studies found for each: that it differs.
    pub findings_differ: String,
    /// In that list: why each thing to tell the therapist matters and what else to know, when
    /// the items are printed in brief.
    pub checklist_details_left_out: String,
    /// Before the things to tell the therapist that are run together in one paragraph, where
    /// room is short ("And if you:"), after those with their own box.
    pub checklist_also: String,
    /// In that list: the pictures of 100 beside the common side effects.
    pub pictures_left_out: String,
    /// In the box of what was left out: the line on why a side effect has two numbers.
    pub two_numbers_left_out: String,
    /// In that list: the last `{n}` of the `{total}` things to tell the therapist before
    /// treatment.
    pub checklist_left_out: String,
    /// The same where only the last one is left out (`{total}`).
    pub checklist_left_out_last: String,
    /// In that list: the conditions ticked.
    pub conditions_left_out: String,
    /// After the names of the conditions ticked, where needles for every one of them may go
    /// near a lung.
    pub near_lungs_each: String,
    /// In that list: what studies found about whether it helps.
    pub studies_left_out: String,
    /// Said left out where what studies found is printed in brief.
    pub studies_in_brief_left_out: String,
    /// In that list: the "are you sure" questions answered no.
    pub unsure_left_out: String,
    /// In that list: a clinic's detail too long to print whole (`{what}` is its label).
    pub too_long: String,
    /// In that list: a clinic's detail in letters the handout's font lacks (`{what}` is its
    /// label); a line is left to write it in.
    pub cannot_print: String,
}

/// Words on the icon arrays and the rare-risk scale.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ChartWords {
    /// The key to an icon array of treatments, drawn as squares.
    pub per_treatment: LegendWords,
    /// The key to an icon array of patients, drawn as people.
    pub per_patient: LegendWords,
    /// The key to a benefit's icon array ([`Claim::helped_more`]): `helped` for the people who
    /// got better because of the treatment, `same` for the rest; `{n}` is a count of people.
    pub benefit: BenefitWords,
    /// The label at the scale's common end ("Every time"), where "1 in 1" would read oddly.
    pub every_time: String,
    /// The marks on the rare-risk scale, as "1 in n"; 1 is labelled `every_time`.
    pub scale_ticks: Vec<u32>,
    /// On the rare-risk scale a "fewer than" rate is drawn as a bound with a short arrow toward
    /// rarer, and said as that bound "or fewer": the patterns of `rates`' `fewer_than`,
    /// `fewer_than_one_in` and `fewer_than_one_in_unstated`, with the same placeholders.
    pub or_fewer: String,
    pub or_fewer_one_in: String,
    pub or_fewer_one_in_unstated: String,
    /// A scale row for what a study found, set beside the clinic's figure: "{finding}, in
    /// {source}", with the finding's name and the source's short name.
    pub study_row: String,
}

/// The key to a benefit's icon array: what a filled and an empty person mean.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BenefitWords {
    pub helped: String,
    pub same: String,
}

/// The key to an icon array: what each kind of icon means. It names the icons by fill and
/// pattern ("Filled", "Striped", "Empty"), never by how dark or light they are, which could be
/// read as skin colour. `{n}` is a count of icons.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LegendWords {
    pub sure: String,
    pub maybe: String,
    /// The uncertain icons when none are certain, as for "fewer than 3".
    pub maybe_only: String,
    pub unaffected: String,
    /// Where sources give different numbers (a side effect's `studies`), the key says whose the
    /// icons are, and claims nothing of the empty ones: filled up to the lowest number any
    /// source gives, striped up to the highest, and the rest. Left empty, the usual key is used.
    #[serde(default)]
    pub lowest: String,
    #[serde(default)]
    pub up_to_highest: String,
    #[serde(default)]
    pub the_rest: String,
}

/// Words around the body map.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BodyMapWords {
    pub front: String,
    pub back: String,
    /// What to do: "Tap a part of the body ...".
    pub prompt: String,
    /// When a region has no condition listed.
    pub none_here: String,
    pub show_all: String,
    pub map_tab: String,
    pub list_tab: String,
}

/// Patterns for rates. `{low}`, `{high}`, `{value}` and `{n}` are numbers; `{of}` is the
/// denominator's word.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RateWords {
    pub range: String,
    pub fewer_than: String,
    pub one_in: String,
    pub fewer_than_one_in: String,
    /// Used for `OneIn` and `FewerThanOneIn` when the source names no denominator.
    pub one_in_unstated: String,
    pub fewer_than_one_in_unstated: String,
    /// A study's rounded count: "about {count} out of every {per} {of}".
    pub about: String,
    /// None seen, with the study's upper limit: "none seen (at most {count} in every {per} {of})".
    pub at_most: String,
    /// Side effects counted together: "about {count} side effects for every {per} {of}".
    #[serde(default)]
    pub counted: String,
    pub treatments: String,
    pub patients: String,
    /// Put between groups of three digits: "10,000".
    pub thousands_separator: String,
    /// How many digits a number needs before it is grouped: 4 in English (1,000), 5 in Spanish
    /// (1000 but 10 000, as the RAE advises).
    #[serde(default = "four_digits")]
    pub group_from: usize,
    /// Put after a rate in running text to name its source: ", says {source}". Every rate a
    /// patient reads names where it comes from; `check` reports it empty.
    #[serde(default)]
    pub said_by: String,
    /// What studies counted, out of the same whole as the rate beside it: "about {low} to
    /// {high} out of every {per} {of}".
    #[serde(default)]
    pub counts_between: String,
    /// The same, where one study saw none: "none to about {high} out of every {per} {of}".
    #[serde(default)]
    pub counts_none_to: String,
    /// Put after a rate's source in running text, where studies counted it too: "; in studies,
    /// {counts}".
    #[serde(default)]
    pub in_studies: String,
    /// Put after a rate whose source names no unit ("1 in 200,000"), wherever it is read, so it
    /// is never taken for a count of treatments or of patients. Not on the scale's axis.
    #[serde(default)]
    pub unstated_note: String,
}

/// `clinic.ron`: the clinic's details, which each clinic edits. Empty fields are left out.
/// Read field by field (`content::clinic`), so that one mistake keeps the other fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clinic {
    pub name: String,
    /// The clinic's phone; a patient must have it ([`Clinic::missing`]).
    pub phone: String,
    /// A phone for when the clinic is closed, if it has one. Once named `urgent_phone`: clinics'
    /// files that still say so keep working.
    pub after_hours_phone: String,
    pub web: String,
    /// Digits staff type to leave kiosk mode on the screen; empty for the key chord alone.
    pub staff_pin: String,
    /// The emergency number where the clinic is (911, 112, 999 …); patients must have it (see
    /// [`Clinic::missing`]). Never guessed: empty, the guide says "your local emergency number".
    pub emergency_number: String,
    /// When the clinic last checked the guide against its own practice, as it writes dates.
    pub reviewed: String,
    /// The clinic's answers to the questions page; each is shown only when set.
    pub answers: Answers,
    /// `Off` hides read-aloud, for a kiosk without speakers.
    pub read_aloud: Switch,
    /// The paper the handout is printed on.
    pub paper: Paper,
    /// Whether the guide keeps anonymous counts of the check's answers and the pages opened
    /// (the `insights` module); off unless the clinic turns it on.
    pub insights: bool,
    /// The fields written in the file that could not be used, each left empty (or at its
    /// default) with the problem that says why. A staff PIN among them keeps the kiosk from
    /// starting (`check::ready`).
    pub left_out: Vec<LeftOut>,
}

/// A field of `clinic.ron` that was written but cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The field, as the guide names it (`staff_pin`, `answers`); for a name the guide does not
    /// know, `staff_pin` if it may have been meant for it (`staffpin`), else empty.
    pub field: &'static str,
    pub problem: super::problem::Problem,
}

/// The paper the clinic prints the handout on (`paper` in `clinic.ron`); its size in points
/// (1/72 inch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Paper {
    /// 210 × 297 mm, most of the world's.
    A4,
    /// 8.5 × 11 inches, the Americas'.
    #[default]
    Letter,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::Letter];

    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "Letter",
        }
    }
}

/// On or off.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
pub enum Switch {
    #[default]
    On,
    Off,
}

/// The clinic's own answers to the questions a patient may ask, in `clinic.ron`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    pub sessions: String,
    pub feel: String,
    pub needles: String,
    pub training: String,
    pub options: String,
    pub cost: String,
    pub lungs: String,
}

impl Answers {
    /// Each answer with its field's name, in the order of the questions page.
    pub fn fields(&self) -> [(&'static str, &str); 7] {
        [
            ("sessions", &self.sessions),
            ("feel", &self.feel),
            ("needles", &self.needles),
            ("training", &self.training),
            ("options", &self.options),
            ("cost", &self.cost),
            ("lungs", &self.lungs),
        ]
    }
}

/// The most digits of a staff PIN (`staff_pin`): `check` refuses a longer one, and the kiosk's
/// keypad takes no more.
pub const MAX_PIN_DIGITS: usize = 12;

impl Clinic {
    /// Whether the clinic gave a number to call; without one, patients are told in words whom to
    /// call.
    pub fn has_phone(&self) -> bool {
        !(self.phone.trim().is_empty() && self.after_hours_phone.trim().is_empty())
    }

    /// What a patient must have and the clinic left empty, named as in `clinic.ron`: the number
    /// to call in an emergency, and the clinic's phone. Until nothing is missing, the kiosk will
    /// not start, `check` says the content is not ready for patients, and the consult room tells
    /// staff.
    pub fn missing(&self) -> Vec<&'static str> {
        [&self.emergency_number, &self.phone]
            .into_iter()
            .zip(Clinic::REQUIRED)
            .filter(|(value, _)| value.trim().is_empty())
            .map(|(_, field)| field)
            .collect()
    }

    /// The phone fields that hold words, not only a number (and "ext" or "x" for an
    /// extension): "then press 2 for the on-call therapist" is shown as written in every
    /// language, so a Spanish handout would give those steps in English.
    pub fn phones_with_words(&self) -> Vec<&'static str> {
        let has_words = |phone: &str| {
            phone.split(|c: char| !c.is_alphabetic()).any(|word| {
                !word.is_empty() && !["ext", "x"].contains(&word.to_lowercase().as_str())
            })
        };
        [
            ("phone", &self.phone),
            ("after_hours_phone", &self.after_hours_phone),
        ]
        .into_iter()
        .filter(|(_, phone)| has_words(phone))
        .map(|(field, _)| field)
        .collect()
    }

    /// The fields a patient must have (see [`Clinic::missing`]).
    pub const REQUIRED: [&'static str; 2] = ["emergency_number", "phone"];
}

impl Answers {
    /// The clinic's answer on `topic`, if it gave one.
    pub fn on(&self, topic: Topic) -> Option<&str> {
        let answer = match topic {
            Topic::Sessions => &self.sessions,
            Topic::Feel => &self.feel,
            Topic::Needles => &self.needles,
            Topic::Training => &self.training,
            Topic::Options => &self.options,
            Topic::Cost => &self.cost,
            Topic::Lungs => &self.lungs,
        };
        Some(answer.trim()).filter(|answer| !answer.is_empty())
    }
}

fn four_digits() -> usize {
    4
}
