//! The teach-back check: a few questions, each explained after any answer, with the section that
//! teaches it a tap away; then the patient's own questions, four "are you sure" questions, and a
//! summary. Kind by design: "I'm not sure" on every question, no score, no red cross; the
//! must-know questions (the warning signs, what to do) can be tried again until they are right.
//! The answers live here only: a kiosk reset, which makes a fresh reader, wipes them.

use std::collections::BTreeMap;

use iced::alignment::Vertical;
use iced::widget::{Column, column, container, row};
use iced::{Element, Fill};

use crate::content::model::{Level, TeachBackWords};
use crate::document::CheckItem;
use crate::insights;
use crate::theme::style::{self, Role};
use crate::theme::typography;
use crate::theme::{BOLD, metrics};
use crate::widget::action_icon;
use crate::widget::nav::{action, label};

use crate::screen::toggle;
use crate::widget::settle::settle;
use crate::widget::tick_box::tick_box;

/// The answer to the question on screen, once given: scrolled to the top of the screen.
pub const VERDICT: &str = "check-verdict";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Pick a choice of the question on screen (or, where any number may be right, unpick it).
    Pick(usize),
    /// The picks are the answer.
    Done,
    NotSure,
    /// Show the section that teaches the question on screen.
    ShowMeAgain,
    BackToCheck,
    /// On from an explained answer, or from the patient's questions.
    Next,
    /// Tick or untick a question to ask the therapist, by its place on the questions page.
    Tick(usize),
    /// Answer one of the four "are you sure" questions.
    Sure(usize, bool),
    Finish,
    /// Try the must-know questions not yet right.
    TryAgain,
    /// The same patient's check again: in the consult room, not counted a second time.
    StartOver,
    /// In the consult room: clear the check for the next patient, whose visit begins now.
    NextPatient,
    /// At the kiosk: done, clear everything for the next person (the app resets the kiosk).
    Clear,
    /// Show the code that takes the summary home on a phone (the kiosk).
    TakeHome,
}

/// Where the check is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    /// Before the first question: what the check is, and a button to start.
    #[default]
    Intro,
    /// A question, waiting for an answer.
    Question(usize),
    /// A question answered, and its answer explained.
    Explained(usize),
    /// The patient's own questions to tick.
    Questions,
    /// The four "are you sure" questions.
    Sure,
    Summary,
}

/// What the patient answered to a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Picked(Vec<usize>),
    NotSure,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct TeachBack {
    step: Step,
    /// Each question's answer, by its place, once given.
    answers: Vec<Option<Answer>>,
    /// The choices picked so far on the question on screen.
    picking: Vec<usize>,
    /// The questions to ask the therapist, by their place on the questions page.
    ticked: Vec<usize>,
    sure: [Option<bool>; crate::content::check::SURE_QUESTIONS],
    /// Showing the section that teaches the question on screen.
    showing: bool,
    /// Trying the must-know questions again: those still to come after the one on screen.
    retrying: Option<Vec<usize>>,
    /// Each question's first answer, which the clinic's counts keep: a wrong answer put right
    /// on a second try still says the explanation did not land the first time.
    first: Vec<Option<Answer>>,
}

/// What the patient's answers come to, for the summary and the handout.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// The topics of the questions missed or not sure, in the check's order.
    pub topics: Vec<String>,
    /// The right answers to the same questions, in one line each.
    pub answers: Vec<String>,
    /// Whether each of the same questions is one a patient must know (the warning signs, what
    /// to do).
    pub must_know: Vec<bool>,
    /// The questions ticked to ask the therapist.
    pub questions: Vec<String>,
    /// The "are you sure" questions answered no.
    pub unsure: Vec<String>,
    /// A must-know question is not right yet.
    pub must_know_missed: bool,
}

/// What the reader must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// Another screen of the check: start it at its top.
    Yes,
    No,
    /// The patient is done: clear everything for the next person.
    Clear,
    /// The patient takes the summary home on a phone.
    TakeHome,
}

impl TeachBack {
    pub fn step(&self) -> Step {
        self.step
    }

    pub fn answer(&self, question: usize) -> Option<&Answer> {
        self.answers.get(question).and_then(Option::as_ref)
    }

    pub fn showing(&self) -> bool {
        self.showing
    }

    /// The question on screen, answered or not.
    pub fn current(&self) -> Option<usize> {
        match self.step {
            Step::Question(index) | Step::Explained(index) => Some(index),
            _ => None,
        }
    }

    /// Whether nothing has been answered, ticked or chosen: a fresh check.
    pub fn is_empty(&self) -> bool {
        *self == TeachBack::default()
    }

    /// Whether `question` was answered right.
    fn is_right(&self, items: &[CheckItem], question: usize) -> bool {
        matches!(self.answer(question), Some(Answer::Picked(picked)) if items[question].is_right(picked))
    }

    /// Whether `question` was answered, and not right ("I'm not sure" is no wrong answer).
    fn is_wrong(&self, items: &[CheckItem], question: usize) -> bool {
        matches!(self.answer(question), Some(Answer::Picked(_))) && !self.is_right(items, question)
    }

    /// Whether `question` is a must-know one answered wrong: trying again comes first, and the
    /// answer is said in the urgent box.
    fn must_retry(&self, items: &[CheckItem], question: usize) -> bool {
        items[question].must_know && self.is_wrong(items, question)
    }

    /// "Yes, that's right.", "Not quite." or, after "I'm not sure", "Here is the answer.", for
    /// question `question`: never a cross.
    fn verdict<'w>(
        &self,
        items: &[CheckItem],
        question: usize,
        words: &'w TeachBackWords,
    ) -> &'w str {
        if self.is_right(items, question) {
            &words.right
        } else if self.is_wrong(items, question) {
            &words.not_quite
        } else {
            &words.the_answer
        }
    }

    /// The must-know questions not yet right.
    fn must_know_missed(&self, items: &[CheckItem]) -> Vec<usize> {
        (0..items.len())
            .filter(|&index| items[index].must_know && !self.is_right(items, index))
            .collect()
    }

    /// `items` are the check's questions and `asks` the questions page's, in the edition shown.
    pub fn update(&mut self, message: Message, items: &[CheckItem], asks: usize) -> Moved {
        if self.answers.len() != items.len() {
            self.answers.resize(items.len(), None);
        }
        let count = items.len();
        match (message, self.step) {
            (Message::Next, Step::Intro) if count > 0 => self.ask(0),
            (Message::Pick(choice), Step::Question(index))
                if choice < items[index].choices.len() =>
            {
                if items[index].pick_all {
                    toggle(&mut self.picking, choice);
                    Moved::No
                } else {
                    self.answer_with(index, Answer::Picked(vec![choice]))
                }
            }
            (Message::Done, Step::Question(index)) if !self.picking.is_empty() => {
                let picked = std::mem::take(&mut self.picking);
                self.answer_with(index, Answer::Picked(picked))
            }
            (Message::NotSure, Step::Question(index)) => self.answer_with(index, Answer::NotSure),
            (Message::ShowMeAgain, Step::Question(_) | Step::Explained(_)) => {
                self.showing = true;
                Moved::Yes
            }
            (Message::BackToCheck, _) if self.showing => {
                self.showing = false;
                Moved::Yes
            }
            (Message::Next, Step::Explained(index)) => match &mut self.retrying {
                Some(left) if !left.is_empty() => {
                    let next = left.remove(0);
                    self.ask(next)
                }
                Some(_) => {
                    self.retrying = None;
                    self.go(Step::Summary)
                }
                None if index + 1 < count => self.ask(index + 1),
                None => self.go(Step::Questions),
            },
            (Message::Tick(question), Step::Questions) if question < asks => {
                toggle(&mut self.ticked, question);
                Moved::No
            }
            (Message::Next, Step::Questions) => self.go(Step::Sure),
            (Message::Sure(item, answer), Step::Sure) if item < self.sure.len() => {
                self.sure[item] = Some(answer);
                Moved::No
            }
            (Message::Finish, Step::Sure) => self.go(Step::Summary),
            // A wrong answer can be tried again there and then.
            (Message::TryAgain, Step::Explained(index)) if self.is_wrong(items, index) => {
                self.ask(index)
            }
            (Message::TryAgain, Step::Summary) => {
                let mut missed = self.must_know_missed(items);
                if missed.is_empty() {
                    return Moved::No;
                }
                let first = missed.remove(0);
                self.retrying = Some(missed);
                self.ask(first)
            }
            (Message::Clear, Step::Summary) => Moved::Clear,
            (Message::TakeHome, Step::Summary) => Moved::TakeHome,
            (Message::StartOver | Message::NextPatient, _) => {
                *self = TeachBack::default();
                Moved::Yes
            }
            _ => Moved::No,
        }
    }

    fn ask(&mut self, question: usize) -> Moved {
        self.picking.clear();
        self.go(Step::Question(question))
    }

    fn answer_with(&mut self, question: usize, answer: Answer) -> Moved {
        if self.first.len() <= question {
            self.first.resize(question + 1, None);
        }
        self.first[question].get_or_insert_with(|| answer.clone());
        self.answers[question] = Some(answer);
        self.picking.clear();
        self.go(Step::Explained(question))
    }

    fn go(&mut self, step: Step) -> Moved {
        self.step = step;
        self.showing = false;
        Moved::Yes
    }

    /// What the answers come to. `asks` are the questions page's questions and `words` the
    /// check's, in the edition shown.
    pub fn summary(&self, items: &[CheckItem], asks: &[String], words: &TeachBackWords) -> Summary {
        let missed: Vec<&CheckItem> = (0..items.len())
            .filter(|&index| self.answer(index).is_some() && !self.is_right(items, index))
            .map(|index| &items[index])
            .collect();
        let mut ticked = self.ticked.clone();
        ticked.sort_unstable();
        Summary {
            topics: missed.iter().map(|item| item.topic.clone()).collect(),
            answers: missed.iter().map(|item| item.in_short.clone()).collect(),
            must_know: missed.iter().map(|item| item.must_know).collect(),
            questions: ticked
                .into_iter()
                .filter_map(|index| asks.get(index).cloned())
                .collect(),
            unsure: (0..self.sure.len())
                .filter(|&item| self.sure[item] == Some(false))
                .filter_map(|item| words.sure.get(item).cloned())
                .collect(),
            must_know_missed: !self.must_know_missed(items).is_empty(),
        }
    }

    /// What read-aloud says of the step on screen, passage by passage: a question and its
    /// choices, an answer explained, the questions to tick, the four "are you sure" questions,
    /// or the summary. Never the answer to a question not yet answered.
    pub fn spoken(
        &self,
        items: &[CheckItem],
        asks: &[String],
        words: &TeachBackWords,
    ) -> Vec<String> {
        match self.step {
            Step::Intro => vec![words.start.clone()],
            Step::Question(index) => {
                let item = &items[index];
                std::iter::once(format!("{}\n{}", item.text, hint(item, words)))
                    .chain(item.choices.iter().map(|choice| choice.text.clone()))
                    .chain([words.not_sure.clone()])
                    .collect()
            }
            Step::Explained(index) => {
                let verdict = self.verdict(items, index, words);
                vec![format!("{verdict}\n{}", items[index].explain)]
            }
            Step::Questions => std::iter::once(words.questions_intro.clone())
                .chain(asks.iter().cloned())
                .collect(),
            Step::Sure => std::iter::once(words.sure_intro.clone())
                .chain(words.sure.iter().cloned())
                .chain([words.sure_if_no.clone()])
                .collect(),
            Step::Summary => {
                let summary = self.summary(items, asks, words);
                let topics = if summary.topics.is_empty() {
                    words.nothing_missed.clone()
                } else {
                    let lines: Vec<String> = summary
                        .topics
                        .iter()
                        .zip(&summary.answers)
                        .map(|(topic, answer)| format!("{topic}: {answer}"))
                        .collect();
                    lines.join("\n")
                };
                vec![format!("{}\n{topics}", words.summary_patient)]
            }
        }
    }

    /// What the check adds to the clinic's anonymous counts: each question answered, by its id,
    /// as right, wrong or not sure at the first try; and the questions to ask ticked, by their
    /// place.
    pub fn counted(&self, items: &[CheckItem]) -> (BTreeMap<String, insights::Answer>, Vec<usize>) {
        let answers = items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| {
                let answer = match self.first.get(index)?.as_ref()? {
                    Answer::NotSure => insights::Answer::NotSure,
                    Answer::Picked(picked) if item.is_right(picked) => insights::Answer::Right,
                    Answer::Picked(_) => insights::Answer::Wrong,
                };
                Some((item.id.clone(), answer))
            })
            .collect();
        (answers, self.ticked.clone())
    }

    /// Whether the patient has done any of the check: something to summarise.
    pub fn started(&self) -> bool {
        self.answers.iter().any(Option::is_some)
            || !self.ticked.is_empty()
            || self.sure.iter().any(Option::is_some)
    }

    /// The check as it stands. `therapist` says who reads the summary: the therapist in the
    /// consult room, or the patient alone at the kiosk, who may take it home (`take_home`, the
    /// button's words).
    /// `compact`: room is short (large text), and the page's title is the question's number
    /// ([`TeachBack::title`]), so the step does not say it again.
    pub fn view<'a>(
        &self,
        items: &[CheckItem],
        asks: &[String],
        words: &'a TeachBackWords,
        room: Room<'a, '_>,
        compact: bool,
    ) -> Element<'a, Message> {
        let count = items.len();
        let counted = |index: usize| (!compact).then(|| counted(index, count, words));
        match self.step {
            Step::Intro => column![].into(),
            Step::Question(index) => self.question(&items[index], counted(index), words),
            Step::Explained(index) => self.explained(items, index, counted(index), words),
            Step::Questions => self.questions(asks, words),
            Step::Sure => self.sure(words),
            Step::Summary => {
                let summary = self.summary(items, asks, words);
                summary_view(summary, words, room)
            }
        }
    }

    /// The ways on from the step on screen, for the bottom right of the screen, where the way
    /// on always is: start; "I'm not sure" (and Done, where several may be right); after an
    /// answer, Try again (when it was wrong) and Next (Show me again is under the explanation);
    /// Next after the questions to ask; Finish. The summary's own choices are on it.
    pub fn forward<'a>(
        &self,
        items: &[CheckItem],
        words: &'a TeachBackWords,
    ) -> Vec<Element<'a, Message>> {
        let button = |words: &String, role, message| action(label(words.clone()), role, message);
        let buttons = match self.step {
            Step::Intro => vec![button(&words.start, Role::Primary, Message::Next)],
            Step::Question(index) => {
                let not_sure = button(&words.not_sure, Role::Secondary, Message::NotSure);
                let done = items[index].pick_all.then(|| {
                    button(&words.done, Role::Primary, Message::Done)
                        .on_press_maybe((!self.picking.is_empty()).then_some(Message::Done))
                });
                std::iter::once(not_sure).chain(done).collect()
            }
            Step::Explained(index) => {
                // A must-know question answered wrong: trying again is the way on offered first.
                let (again_role, next_role) = if self.must_retry(items, index) {
                    (Role::Primary, Role::Secondary)
                } else {
                    (Role::Secondary, Role::Primary)
                };
                let again = self
                    .is_wrong(items, index)
                    .then(|| button(&words.try_this_again, again_role, Message::TryAgain));
                let next = button(&words.next, next_role, Message::Next);
                again.into_iter().chain([next]).collect()
            }
            Step::Questions => vec![button(&words.next, Role::Primary, Message::Next)],
            Step::Sure => vec![button(&words.finish, Role::Primary, Message::Finish)],
            Step::Summary => Vec::new(),
        };
        // Each step's ways on appear where the last tap was: together they take no press for a
        // moment, so a double tap does not pass a step unseen.
        let buttons = row(buttons.into_iter().map(Element::from)).spacing(metrics::S);
        vec![settle(self.step_number(), buttons).into()]
    }

    /// A number for the step on screen, different for each.
    fn step_number(&self) -> u64 {
        match self.step {
            Step::Intro => 0,
            Step::Question(index) => 1 + 2 * index as u64,
            Step::Explained(index) => 2 + 2 * index as u64,
            Step::Questions => u64::MAX - 2,
            Step::Sure => u64::MAX - 1,
            Step::Summary => u64::MAX,
        }
    }

    /// Where room is short, the page's title once the check has started: "Question 2 of 6" on a
    /// question and its answer, nothing on the other steps.
    pub fn title(&self, items: &[CheckItem], words: &TeachBackWords) -> String {
        match self.step {
            Step::Question(index) | Step::Explained(index) => counted(index, items.len(), words),
            _ => String::new(),
        }
    }

    fn question<'a>(
        &self,
        item: &CheckItem,
        counted: Option<String>,
        words: &'a TeachBackWords,
    ) -> Element<'a, Message> {
        let compact = counted.is_none();
        let choices = item.choices.iter().enumerate().map(|(choice, option)| {
            let picked = self.picking.contains(&choice);
            let role = if picked {
                Role::Primary
            } else {
                Role::Secondary
            };
            let marker: Element<'a, Message> = if item.pick_all {
                tick_box(picked)
            } else {
                iced::widget::space().width(0).into()
            };
            action(
                row![marker, typography::body(option.text.clone()).width(Fill)]
                    .spacing(metrics::S)
                    .align_y(Vertical::Center),
                role,
                Message::Pick(choice),
            )
            .width(Fill)
            .into()
        });
        column![]
            // Where room is short, a question with one answer goes without "Pick one answer":
            // a tap on an answer is the answer. "Pick every one that is right" stays.
            .push(counter(
                counted,
                (!compact || item.pick_all).then(|| hint(item, words)),
            ))
            .push(typography::subheading(item.text.clone()))
            .push(Column::with_children(choices).spacing(metrics::XS))
            .spacing(if compact { metrics::S } else { metrics::M })
            .into()
    }

    fn explained<'a>(
        &self,
        items: &[CheckItem],
        index: usize,
        counted: Option<String>,
        words: &'a TeachBackWords,
    ) -> Element<'a, Message> {
        let item = &items[index];
        let verdict = self.verdict(items, index, words);
        let picked = match self.answer(index) {
            Some(Answer::Picked(picked)) => picked.as_slice(),
            _ => &[],
        };
        // The right choices, each with a tick; no mark on any other, and no cross; the patient's
        // own choices say so.
        let your_answer = &words.your_answer;
        let choices = item.choices.iter().enumerate().map(|(choice, option)| {
            let mark: Element<'a, Message> = if option.right {
                action_icon::view(Level::Normal, 28.0)
            } else {
                iced::widget::space().width(28).into()
            };
            let words = typography::body(option.text.clone()).width(Fill);
            let words = if option.right {
                words.font(BOLD)
            } else {
                words.style(style::muted)
            };
            let yours = picked.contains(&choice).then(|| {
                container(typography::strong(your_answer.clone()))
                    .padding([metrics::XS, metrics::S])
                    .style(style::note)
            });
            row![mark, words]
                .push(yours)
                .spacing(metrics::S)
                .align_y(Vertical::Center)
                .into()
        });

        // The answer first, where it shows without scrolling (the app scrolls it to the top where
        // large text would leave it below); then the choices, the right ones ticked. The ways on
        // are at the foot of the screen ([`TeachBack::forward`]). A must-know question answered
        // wrong is said in the urgent box: kind words, but not the calm look of a right answer.
        let verdict_style = if self.must_retry(items, index) {
            style::urgent
        } else {
            style::note
        };
        // "Show me again" beside the verdict, where it shows with the answer on every screen: in
        // the foot, a portrait panel had no room for it beside Try again and Next, and under a
        // long explanation it went below the fold.
        let show_me_again = action(
            label(words.show_me_again.clone()),
            Role::Secondary,
            Message::ShowMeAgain,
        );
        let verdict = container(
            column![
                row![typography::subheading(verdict).width(Fill), show_me_again]
                    .spacing(metrics::S)
                    .align_y(Vertical::Center),
                typography::body(item.explain.clone()),
            ]
            .spacing(metrics::XS),
        )
        .id(VERDICT)
        .padding(metrics::M)
        .width(Fill)
        .style(verdict_style);
        column![]
            .push(counter(counted, None))
            .push(typography::subheading(item.text.clone()))
            .push(verdict)
            .push(Column::with_children(choices).spacing(metrics::S))
            .spacing(metrics::M)
            .into()
    }

    fn questions<'a>(&self, asks: &[String], words: &'a TeachBackWords) -> Element<'a, Message> {
        let rows = asks.iter().enumerate().map(|(index, ask)| {
            let ticked = self.ticked.contains(&index);
            action(
                row![tick_box(ticked), typography::body(ask.clone()).width(Fill)]
                    .spacing(metrics::S)
                    .align_y(Vertical::Center),
                Role::ListItem,
                Message::Tick(index),
            )
            .width(Fill)
            .into()
        });
        let body = column![
            typography::body(words.questions_intro.clone()),
            Column::with_children(rows).spacing(metrics::XS),
        ]
        .spacing(metrics::M);
        stage(&words.questions_heading, vec![body.into()])
    }

    fn sure<'a>(&self, words: &'a TeachBackWords) -> Element<'a, Message> {
        let items = words
            .sure
            .iter()
            .take(self.sure.len())
            .enumerate()
            .map(|(item, question)| {
                let choice = |answer: bool, name: &'a String| {
                    let role = if self.sure[item] == Some(answer) {
                        Role::Primary
                    } else {
                        Role::Secondary
                    };
                    action(label(name.clone()), role, Message::Sure(item, answer))
                };
                column![
                    typography::strong(question.clone()),
                    row![choice(true, &words.yes), choice(false, &words.no)].spacing(metrics::S),
                ]
                .spacing(metrics::XS)
                .into()
            });
        // Said from the start, not when a "no" comes: an answer moves no question under the
        // finger.
        let body = vec![
            typography::body(words.sure_intro.clone()).into(),
            Column::with_children(items).spacing(metrics::M).into(),
            note(&words.sure_if_no),
        ];
        stage(&words.sure_heading, body)
    }
}

/// The summary: what to go over, the questions ticked, and what to do next. `therapist` says
/// whether the therapist reads it (the consult room) or the patient alone (the kiosk).
/// The room the check is shown in, and what its summary says there.
#[derive(Debug, Clone, Copy)]
pub struct Room<'a, 'b> {
    /// The consult room's (a therapist beside the patient), not the kiosk's.
    pub therapist: bool,
    /// The kiosk's button that takes the summary home.
    pub take_home: &'a str,
    /// What the clinic counts of the check, when it does: at the kiosk it goes with "cleared
    /// for the next person", above the button that clears the answers and adds them to the
    /// counts.
    pub counting: Option<&'b str>,
}

fn summary_view<'a>(
    summary: Summary,
    words: &'a TeachBackWords,
    Room {
        therapist,
        take_home,
        counting,
    }: Room<'a, '_>,
) -> Element<'a, Message> {
    let counted =
        || counting.map(|counting| typography::body(counting.to_owned()).style(style::muted));
    let heading = if therapist {
        &words.summary_therapist
    } else {
        &words.summary_patient
    };
    // Each topic with its right answer in one line: what to go over, and what to do meanwhile
    // (the kiosk's code takes the answers home).
    let topics: Element<'_, Message> = if summary.topics.is_empty() {
        typography::body(words.nothing_missed.clone()).into()
    } else {
        Column::with_children(summary.topics.into_iter().zip(summary.answers).map(
            |(topic, answer)| {
                bullet(
                    column![typography::strong(topic), typography::body(answer)]
                        .spacing(metrics::XS),
                )
            },
        ))
        .spacing(metrics::S)
        .into()
    };
    let try_again = summary.must_know_missed.then(|| {
        column![
            typography::body(words.try_again_why.clone()),
            action(
                label(words.try_again.clone()),
                Role::Primary,
                Message::TryAgain
            ),
        ]
        .spacing(metrics::S)
    });
    let questions = (!summary.questions.is_empty()).then(|| {
        column![
            typography::subheading(words.questions_ticked.clone()),
            bullets(summary.questions),
        ]
        .spacing(metrics::S)
    });
    let talk = (!summary.unsure.is_empty()).then(|| note(&words.talk_first));
    // At the kiosk, the patient can take it home on a phone, the step that matters most to
    // them, and clear it all for the next person, not only wait.
    let kept = (!therapist).then(|| {
        column![
            action(
                label(take_home.to_owned()),
                Role::Primary,
                Message::TakeHome
            ),
            typography::body(words.kept_nowhere.clone()).style(style::muted),
        ]
        .push(counted())
        .push(action(
            label(words.clear.clone()),
            Role::Secondary,
            Message::Clear,
        ))
        .spacing(metrics::S)
    });
    // In the consult room, under all of it.
    let counted_here = therapist.then(counted).flatten();
    let body = [Some(topics)]
        .into_iter()
        .chain([
            try_again.map(Element::from),
            questions.map(Element::from),
            talk,
            kept.map(Element::from),
            Some(
                action(
                    label(words.start_over.clone()),
                    Role::Secondary,
                    Message::StartOver,
                )
                .into(),
            ),
            // In the consult room, the same patient's check again is one thing and the next
            // patient's another: the clinic's counts tell them apart.
            therapist.then(|| {
                action(
                    label(words.next_patient.clone()),
                    Role::Secondary,
                    Message::NextPatient,
                )
                .into()
            }),
            counted_here.map(Element::from),
        ])
        .flatten()
        .collect();
    stage(heading, body)
}

/// A step after the questions: its heading and what it holds.
fn stage<'a>(heading: &str, body: Vec<Element<'a, Message>>) -> Element<'a, Message> {
    column![typography::heading(heading.to_owned())]
        .extend(body)
        .spacing(metrics::M)
        .into()
}

/// What to do on a question: pick one, or pick every one that applies.
fn hint<'w>(item: &CheckItem, words: &'w TeachBackWords) -> &'w String {
    if item.pick_all {
        &words.pick_all
    } else {
        &words.pick_one
    }
}

/// "Question 2 of 6", for question `index` of `count`.
fn counted(index: usize, count: usize, words: &TeachBackWords) -> String {
    words
        .question_of
        .replace("{n}", &(index + 1).to_string())
        .replace("{total}", &count.to_string())
}

/// The line over a question: its number (unless the title says it) and what to do.
fn counter<'a>(counted: Option<String>, hint: Option<&String>) -> Option<Element<'a, Message>> {
    let line = match (counted, hint) {
        (Some(counted), Some(hint)) => format!("{counted}. {hint}"),
        (Some(counted), None) => counted,
        (None, Some(hint)) => hint.clone(),
        (None, None) => return None,
    };
    Some(typography::body(line).style(style::muted).into())
}

fn bullets<'a>(items: Vec<String>) -> Element<'a, Message> {
    Column::with_children(items.into_iter().map(|item| bullet(typography::body(item))))
        .spacing(metrics::XS)
        .into()
}

/// `content` after a bullet, taking the rest of the width.
fn bullet<'a>(content: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    row![
        typography::strong("•").style(style::primary),
        container(content).width(Fill),
    ]
    .spacing(metrics::S)
    .into()
}

/// A calm box with a sentence: talk to your therapist first.
fn note<'a>(words: &str) -> Element<'a, Message> {
    container(typography::strong(words.to_owned()))
        .padding(metrics::M)
        .width(Fill)
        .style(style::note)
        .into()
}
