//! The teach-back check, as a patient taps through it: every question offers "I'm not sure",
//! every answer is explained with a way to the section that teaches it and back, the patient's
//! own questions and the four "are you sure" questions follow, and the summary says what to go
//! over. A must-know question can be tried again until it is right. At the kiosk, a reset leaves
//! no answer behind.

mod support;

use std::time::Duration;

use iced::Size;
use needle_guide::app::{App, KioskSettings, Message};
use needle_guide::content::Library;
use needle_guide::document::{CheckItem, Document, check_items, questions_to_ask};
use needle_guide::route::{PageId, Route};
use needle_guide::screen::kiosk::Message as Kiosk;
use needle_guide::screen::reader::Message as Reader;
use needle_guide::screen::reader::teach_back::{Message as Check, Step};
use support::{deliver, simulate};

/// Tall enough for a whole step of the check, so that nothing needs scrolling to be clicked.
const TALL: Size = Size::new(1280.0, 2400.0);

fn shows(app: &App, words: &str) -> bool {
    simulate(app, TALL).find(words).is_ok()
}

/// Clicks the first widget showing `words`, as a patient's tap.
fn tap(app: &mut App, words: &str) {
    let mut ui = simulate(app, TALL);
    ui.click(words)
        .unwrap_or_else(|error| panic!("cannot tap {words:?}: {error}"));
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(!messages.is_empty(), "tapping {words:?} did nothing");
    deliver(app, messages);
}

fn check(app: &mut App, message: Check) {
    deliver(app, [Message::Reader(Reader::TeachBack(message))]);
}

/// The heading of the section a question points at.
fn teaching_heading(library: &Library, item: &CheckItem) -> Option<String> {
    let (page, section) = item.teaches;
    let document = Document::for_route(library, &Route::Page(page))?;
    document.sections.get(section)?.heading.clone()
}

/// Answers question `index` by tapping: its right choices, or (if `right` is false) a wrong one
/// first among them, then Done where any number may be picked.
fn answer(app: &mut App, item: &CheckItem, right: bool) {
    let mut picks: Vec<&str> = item
        .choices
        .iter()
        .filter(|choice| choice.right)
        .map(|choice| choice.text.as_str())
        .collect();
    if !right {
        let wrong = item
            .choices
            .iter()
            .find(|choice| !choice.right)
            .expect("a wrong choice");
        picks = vec![wrong.text.as_str()];
    }
    if item.pick_all {
        for pick in picks {
            tap(app, pick);
        }
        tap(app, &app.library().ui.teach_back.done.clone());
    } else {
        tap(app, picks[0]);
    }
}

/// The whole check, tapped through in `locale` in the consult room.
fn the_whole_check_in(locale: &str) {
    let mut app = support::app_on(Route::HOME).in_locale(locale);
    // From home, by its tile's words.
    let library = app.library().clone();
    let words = library.ui.teach_back.clone();
    let items = check_items(&library);
    assert!((5..=7).contains(&items.len()));
    deliver(
        &mut app,
        [Reader::Open(Route::Page(PageId::TEACH_BACK)).into()],
    );
    assert!(shows(&app, &library.page(PageId::TEACH_BACK).title));
    tap(&mut app, &words.start);

    for (index, item) in items.iter().enumerate() {
        assert_eq!(app.reader().teach_back().step(), Step::Question(index));
        assert!(
            shows(&app, &item.text),
            "{locale}: question {index} is not shown"
        );
        assert!(
            shows(&app, &words.not_sure),
            "{locale}: question {index} offers no {:?}",
            words.not_sure
        );
        // The chart question is not sure; the warning signs are missed at first; the rest right.
        match item.id.as_str() {
            "chart" => tap(&mut app, &words.not_sure),
            "warning-signs" => answer(&mut app, item, false),
            _ => answer(&mut app, item, true),
        }
        assert_eq!(app.reader().teach_back().step(), Step::Explained(index));
        assert!(
            shows(&app, &item.explain),
            "{locale}: no explanation of {index}"
        );
        // A wrong answer is plainly not right, kindly, with the patient's own choice marked and
        // a way to try again there and then; "not sure" is no wrong answer.
        let wrong = item.id == "warning-signs";
        let verdict = match item.id.as_str() {
            "chart" => &words.the_answer,
            "warning-signs" => &words.not_quite,
            _ => &words.right,
        };
        assert!(shows(&app, verdict), "{locale}: {index} is not {verdict:?}");
        assert_eq!(
            shows(&app, &words.try_this_again),
            wrong,
            "{locale}: {index}"
        );
        assert_eq!(shows(&app, &words.your_answer), item.id != "chart");
        if wrong {
            tap(&mut app, &words.try_this_again);
            assert_eq!(app.reader().teach_back().step(), Step::Question(index));
            answer(&mut app, item, false);
            assert!(shows(&app, &words.not_quite));
        }
        // No score and no percentage anywhere.
        assert!(!shows(&app, "%"));

        // Show me again opens the section that teaches it, and the way back returns here.
        if index == 0 || item.id == "warning-signs" {
            tap(&mut app, &words.show_me_again);
            let heading = teaching_heading(&library, item).expect("the section has a heading");
            assert!(shows(&app, &heading), "{locale}: {heading:?} is not shown");
            assert!(!shows(&app, &item.explain));
            tap(&mut app, &format!("‹\u{a0}\u{a0}{}", words.back_to_check));
            assert_eq!(app.reader().teach_back().step(), Step::Explained(index));
            assert!(shows(&app, &item.explain));
        }
        tap(&mut app, &words.next);
    }

    // The patient's own questions: tick the first.
    assert_eq!(app.reader().teach_back().step(), Step::Questions);
    let asks = questions_to_ask(&library);
    tap(&mut app, &asks[0]);
    tap(&mut app, &words.next);

    // Are you sure: the four yes/no questions, under them from the start what a no means; an
    // answer moves no question.
    assert_eq!(app.reader().teach_back().step(), Step::Sure);
    for question in &words.sure {
        assert!(shows(&app, question));
    }
    assert!(shows(&app, &words.sure_if_no));
    let place = |app: &needle_guide::app::App| {
        let found = support::screens::inspect(app, TALL);
        words
            .sure
            .iter()
            .map(|question| {
                found
                    .texts
                    .iter()
                    .find(|(text, _)| text == question)
                    .map(|(_, target)| target.bounds.y)
                    .expect("each question is laid out")
            })
            .collect::<Vec<_>>()
    };
    let before = place(&app);
    for (item, yes) in [(0, true), (1, true), (2, false), (3, true)] {
        check(&mut app, Check::Sure(item, yes));
        assert_eq!(place(&app), before, "an answer moved the questions");
    }
    tap(&mut app, &words.finish);

    // The summary, for the therapist: what to go over, the question ticked, try again.
    assert_eq!(app.reader().teach_back().step(), Step::Summary);
    let topic = |id: &str| {
        items
            .iter()
            .find(|item| item.id == id)
            .expect("the check asks it")
            .topic
            .clone()
    };
    assert!(shows(&app, &words.summary_therapist));
    assert!(shows(&app, &topic("chart")), "not sure is a topic");
    assert!(shows(&app, &topic("warning-signs")), "missed is a topic");
    assert!(!shows(&app, &topic("benefits")), "right is no topic");
    assert!(shows(&app, &asks[0]), "the question ticked is listed");
    assert!(shows(&app, &words.talk_first));
    assert!(shows(&app, &words.try_again));

    // Try again until the must-know questions are right.
    tap(&mut app, &words.try_again);
    let signs = items
        .iter()
        .position(|item| item.id == "warning-signs")
        .unwrap();
    assert_eq!(app.reader().teach_back().step(), Step::Question(signs));
    answer(&mut app, &items[signs], true);
    tap(&mut app, &words.next);
    assert_eq!(app.reader().teach_back().step(), Step::Summary);
    assert!(!shows(&app, &words.try_again), "nothing left to try again");
    assert!(!shows(&app, &topic("warning-signs")));
    assert!(shows(&app, &topic("chart")));
}

#[test]
fn the_whole_check_in_english() {
    the_whole_check_in("en");
}

#[test]
fn the_whole_check_in_spanish() {
    the_whole_check_in("es");
}

#[test]
fn the_check_is_reached_from_home_the_key_points_and_find() {
    let library = support::library();
    let check = library.page(PageId::TEACH_BACK);
    for from in [PageId::HOME, PageId::KEY_POINTS] {
        let document = Document::for_route(&library, &Route::Page(from)).unwrap();
        assert!(
            document
                .plain_text()
                .contains(&format!("> {}", check.title)),
            "{from:?} offers no way to the check"
        );
    }
    let index = needle_guide::search::Index::new(&library);
    for query in ["check", "quiz"] {
        let hits = index.search(query);
        assert!(
            hits.iter().any(|hit| hit.target
                == needle_guide::search::Target::Route(Route::Page(PageId::TEACH_BACK))),
            "Find does not find the check for {query:?}"
        );
    }
}

#[test]
fn at_the_kiosk_the_summary_speaks_to_the_patient_and_a_reset_leaves_no_answer() {
    let mut app = App::kiosk(
        support::kiosk_editions(),
        KioskSettings {
            idle_timeout: Duration::from_secs(90),
        },
    );
    deliver(
        &mut app,
        [
            Kiosk::StartVisit.into(),
            Reader::Open(Route::Page(PageId::TEACH_BACK)).into(),
        ],
    );
    let words = app.library().ui.teach_back.clone();
    let items = check_items(app.library());
    check(&mut app, Check::Next);
    for _ in &items {
        check(&mut app, Check::NotSure);
        check(&mut app, Check::Next);
    }
    check(&mut app, Check::Tick(1));
    check(&mut app, Check::Next);
    check(&mut app, Check::Sure(0, false));
    check(&mut app, Check::Finish);
    assert_eq!(app.reader().teach_back().step(), Step::Summary);
    assert!(shows(&app, &words.summary_patient));
    assert!(!shows(&app, &words.summary_therapist));
    assert!(shows(&app, &words.kept_nowhere));
    assert!(shows(&app, &items[0].topic));

    // The patient can clear it all at once: the next person finds the welcome screen.
    let mut cleared = app.clone();
    tap(&mut cleared, &words.clear);
    assert!(
        cleared.kiosk_state().unwrap().welcome(),
        "the visit was reset"
    );
    assert!(
        cleared.reader().teach_back().is_empty(),
        "an answer was left"
    );

    // The idle clock runs out: the next person finds a fresh check.
    support::let_the_idle_clock_run_out(&mut app);
    assert!(app.kiosk_state().unwrap().welcome(), "the visit was reset");
    assert!(
        app.reader().teach_back().is_empty(),
        "an answer was left behind"
    );
    deliver(
        &mut app,
        [
            Kiosk::StartVisit.into(),
            Reader::Open(Route::Page(PageId::TEACH_BACK)).into(),
        ],
    );
    assert!(shows(&app, &words.start));
    assert!(!shows(&app, &words.summary_patient));
}

#[test]
fn a_handout_made_after_the_check_carries_its_discussion_summary() {
    let mut app = support::app_on(Route::Page(PageId::TEACH_BACK));
    let items = check_items(app.library());
    let asks = questions_to_ask(app.library());
    check(&mut app, Check::Next);
    for _ in &items {
        check(&mut app, Check::NotSure);
        check(&mut app, Check::Next);
    }
    check(&mut app, Check::Tick(2));
    let summary = app
        .reader()
        .check_summary(app.library())
        .expect("the check was started");
    assert_eq!(
        summary.topics.len(),
        items.len(),
        "every not-sure is a topic"
    );
    assert_eq!(summary.questions, vec![asks[2].clone()]);

    // The handout dialog tells the therapist the summary comes with it.
    let sentence = app.library().ui.handout.with_discussion.clone();
    deliver(
        &mut app,
        [needle_guide::screen::consult::Message::OpenHandout.into()],
    );
    assert!(
        shows(&app, &sentence),
        "the dialog does not say the summary comes"
    );

    // Before any answer there is nothing to summarise, and the dialog says nothing of it.
    let mut fresh = support::app_on(Route::Page(PageId::TEACH_BACK));
    assert!(fresh.reader().check_summary(fresh.library()).is_none());
    deliver(
        &mut fresh,
        [needle_guide::screen::consult::Message::OpenHandout.into()],
    );
    assert!(!shows(&fresh, &sentence));
}

#[test]
fn no_choice_of_the_check_names_a_source_that_would_give_its_answer_away() {
    for library in support::editions().iter() {
        let said = library.plain("{rate:bruising}");
        let number = library.plain_numbers("{rate:bruising}");
        let source = said
            .strip_prefix(number.as_str())
            .expect("the number comes first")
            .trim_start_matches([',', ' ', ';']);
        assert!(
            !source.is_empty(),
            "{}: a rate says whose it is",
            library.locale
        );
        for item in check_items(library) {
            for choice in &item.choices {
                assert!(
                    !choice.text.contains(source),
                    "{}: {:?} names its source",
                    library.locale,
                    choice.text
                );
            }
        }
    }
}

/// The clinic's counts keep each question's first answer: a wrong answer put right on a second
/// try still says the explanation did not land the first time.
#[test]
fn the_counts_keep_the_first_answer_not_the_one_tried_again() {
    let mut app = App::new(support::editions(), Route::Page(PageId::TEACH_BACK));
    let library = app.library().clone();
    let items = check_items(&library);
    check(&mut app, Check::Next);
    assert_eq!(app.reader().teach_back().step(), Step::Question(0));
    answer(&mut app, &items[0], false);
    check(&mut app, Check::TryAgain);
    assert_eq!(app.reader().teach_back().step(), Step::Question(0));
    answer(&mut app, &items[0], true);
    let (answers, _) = app.reader().teach_back().counted(&items);
    assert_eq!(
        answers.get(&items[0].id),
        Some(&needle_guide::insights::Answer::Wrong)
    );
}
