//! Going through the guide as a reader would: clicking in a simulated window.

mod support;

use needle_guide::app::{MIN_LAYOUT, Message};
use needle_guide::content::ids::TermId;
use needle_guide::route::{PageId, Route};
use needle_guide::screen::Shared;
use needle_guide::screen::consult::{self, Message as Consult};
use needle_guide::screen::reader::Message as Reader;
use support::{WINDOW, app_on, deliver, library, simulate};

/// Clicks the first widget showing `words` and hands the resulting messages to the app.
fn click(app: &mut needle_guide::app::App, words: &str) {
    click_in(app, words, WINDOW);
}

/// The same, in a window of `size`, for what sits further down a page.
fn click_in(app: &mut needle_guide::app::App, words: &str, size: iced::Size) {
    let mut ui = simulate(app, size);
    ui.click(words)
        .unwrap_or_else(|error| panic!("cannot click {words:?}: {error}"));
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(!messages.is_empty(), "clicking {words:?} did nothing");
    deliver(app, messages);
}

fn shows(app: &needle_guide::app::App, words: &str) -> bool {
    simulate(app, WINDOW).find(words).is_ok()
}

#[test]
fn from_home_to_every_page_and_back() {
    let library = library();
    let mut app = app_on(Route::HOME);
    // Tall enough for the whole page list: in a shorter window it scrolls.
    let tall = iced::Size::new(WINDOW.width, 1200.0);
    for page in support::pages()
        .into_iter()
        .filter(|page| *page != PageId::HOME)
    {
        let content = library.page(page);
        click_in(&mut app, &content.nav_label, tall);
        assert_eq!(app.route(), &Route::Page(page));
        assert!(
            shows(&app, &content.title),
            "{} does not show its heading",
            page.id()
        );
        click(&mut app, &format!("‹\u{a0}\u{a0}{}", library.ui.back));
        assert_eq!(
            app.route(),
            &Route::HOME,
            "Back from {} did not return home",
            page.id()
        );
        assert!(shows(&app, &library.page(PageId::HOME).title));
    }
}

/// Taps home's tile for `page`: the last text of its name, after the page list's.
fn tap_tile(app: &mut needle_guide::app::App, page: PageId) {
    let name = app.library().page(page).nav_label.clone();
    let found = support::screens::inspect(app, WINDOW);
    let (_, text) = found
        .texts
        .iter()
        .rfind(|(words, _)| *words == name)
        .unwrap_or_else(|| panic!("no tile for {name:?}"));
    let mut ui = simulate(app, WINDOW);
    ui.point_at(text.bounds.center());
    let _ = ui.simulate(iced_test::simulator::click());
    let messages: Vec<Message> = ui.into_messages().collect();
    deliver(app, messages);
}

#[test]
fn home_tiles_open_their_pages() {
    for page in support::pages().into_iter().skip(1) {
        let mut app = app_on(Route::HOME);
        tap_tile(&mut app, page);
        assert_eq!(app.route(), &Route::Page(page));
    }
}

#[test]
fn the_first_tile_then_next_walks_the_whole_guide_in_reading_order() {
    let library = library();
    let mut app = app_on(Route::HOME);
    tap_tile(&mut app, support::pages()[1]);
    for page in support::pages().into_iter().skip(2) {
        let next = format!(
            "{}: {}\u{a0}\u{a0}›",
            library.ui.next,
            library.page(page).nav_label
        );
        click(&mut app, &next);
        assert_eq!(app.route(), &Route::Page(page));
    }
}

#[test]
fn a_condition_opens_its_detail_page_and_back_returns_to_the_list() {
    let library = library();
    let mut app = app_on(Route::Page(PageId::CONDITIONS));
    let (region, condition) = library
        .condition("carpal-tunnel-syndrome")
        .expect("carpal tunnel is listed");
    click_in(&mut app, &condition.name, iced::Size::new(1280.0, 2400.0));
    assert_eq!(app.route(), &Route::Condition(condition.id.as_str().into()));
    assert!(shows(&app, &condition.name));
    assert!(shows(&app, &region.name));
    click(&mut app, &format!("‹\u{a0}\u{a0}{}", library.ui.back));
    assert_eq!(app.route(), &Route::Page(PageId::CONDITIONS));
}

#[test]
fn tapping_a_term_explains_it_and_close_hides_it() {
    let library = library();
    let mut app = app_on(Route::Page(PageId::WARNING_SIGNS));
    let term = library.term("pneumothorax").unwrap();
    assert!(!shows(&app, &term.meaning));
    // A term is a link inside rich text, which the simulator cannot target: send its message.
    let _ = app.update(Reader::ShowTerm(TermId::from(term.id.as_str())).into());
    assert!(shows(&app, &term.meaning), "the meaning is not shown");
    click(&mut app, &library.ui.close);
    assert_eq!(app.reader().term(), None);
    assert!(!shows(&app, &term.meaning));
}

#[test]
fn the_language_button_shows_the_same_page_in_spanish_and_back() {
    let editions = support::editions();
    let (english, spanish) = (&editions[0], &editions[1]);
    let mut app = app_on(Route::Page(PageId::RISKS));
    click(&mut app, &spanish.ui.language_name);
    assert_eq!(app.library().locale, "es");
    assert_eq!(app.route(), &Route::Page(PageId::RISKS));
    assert!(shows(&app, &spanish.page(PageId::RISKS).title));
    click(&mut app, &english.ui.language_name);
    assert!(shows(&app, &english.page(PageId::RISKS).title));
}

#[test]
fn staff_see_a_notice_when_content_files_were_left_out() {
    let library = library();
    let app = app_on(Route::HOME).with_content_notice(Some("/srv/guide".into()));
    let notice = library.ui.content_notice.replace("{folder}", "/srv/guide");
    assert!(shows(&app, &notice));
    assert!(!shows(&app_on(Route::HOME), &notice));
    // On home at a larger text size too, where the page list gives way: under its topics.
    let mut larger = app.clone();
    let _ = larger.update(Shared::TextLarger.into());
    assert!(!larger.shows_sidebar());
    assert!(shows(&larger, &notice), "at a larger text size");
    // Not on the pages a patient is shown, nor while presenting.
    let mut risks = app.clone();
    let _ = risks.update(Reader::Open(Route::Page(PageId::RISKS)).into());
    assert!(!shows(&risks, &notice), "on a page");
    let mut presenting = app;
    let _ = presenting.update(Consult::TogglePresenting.into());
    assert!(!shows(&presenting, &notice), "while presenting");
}

#[test]
fn quick_jump_by_typing_and_enter_in_the_search_box() {
    use iced::keyboard::key::Named;
    let mut app = app_on(Route::HOME);
    let _ = app.update(Consult::OpenSearch.into());
    for letter in "tennis".chars() {
        let mut ui = simulate(&app, WINDOW);
        ui.click(iced::widget::Id::new(consult::SEARCH_INPUT))
            .expect("the search box is shown");
        let _ = ui.typewrite(&letter.to_string());
        let messages: Vec<Message> = ui.into_messages().collect();
        assert!(
            matches!(
                messages.last(),
                Some(Message::Consult(Consult::SearchChanged(_)))
            ),
            "{messages:?}"
        );
        deliver(&mut app, messages);
    }
    assert_eq!(
        app.consult_state().unwrap().search().unwrap().query,
        "tennis"
    );
    let (_, tennis_elbow) = library()
        .condition("lateral-epicondylitis")
        .map(|(r, c)| (r.clone(), c.clone()))
        .unwrap();
    assert!(shows(&app, &tennis_elbow.name), "the result is listed");

    let mut ui = simulate(&app, WINDOW);
    ui.click(iced::widget::Id::new(consult::SEARCH_INPUT))
        .unwrap();
    let _ = ui.tap_key(Named::Enter);
    let messages: Vec<Message> = ui.into_messages().collect();
    deliver(&mut app, messages);
    assert_eq!(
        app.route(),
        &Route::Condition("lateral-epicondylitis".into())
    );
}

#[test]
fn the_toolbar_buttons_change_text_size_and_present() {
    let library = library();
    let mut app = app_on(Route::Page(PageId::ABOUT));
    click(&mut app, "A+");
    click(&mut app, "A+");
    assert_eq!(app.text_scale(), 1.5);
    click(&mut app, "A−");
    assert_eq!(app.text_scale(), 1.25);
    click(&mut app, &library.ui.consult.present);
    assert!(app.presenting());
    click(&mut app, &library.ui.consult.stop_presenting);
    assert!(!app.presenting());
}

#[test]
fn the_largest_text_while_presenting_stops_at_the_smallest_layout_it_is_made_for() {
    let mut app = app_on(Route::HOME);
    let window = iced::Size::new(1920.0, 1080.0);
    deliver(
        &mut app,
        [
            Message::WindowResized(window),
            Reader::Open(Route::Page(PageId::ABOUT)).into(),
            Shared::TextLarger.into(),
            Shared::TextLarger.into(),
            Shared::TextLarger.into(),
            Shared::TextLarger.into(),
            Consult::TogglePresenting.into(),
        ],
    );
    // 1.35 for the big window, 2 for the text, 1.14 for presenting (a layout 700 high) would be
    // 3.09: a layout of 622×350. The app stops at the smallest layout it is made for, and says so
    // on A+.
    let scale = app.scale_factor();
    let layout = iced::Size::new(window.width / scale, window.height / scale);
    assert!(
        layout.width >= MIN_LAYOUT.width - 0.5 && layout.height >= MIN_LAYOUT.height - 0.5,
        "a {layout:?} layout at scale {scale}"
    );
    assert!(!app.can_enlarge_text());
    // Its buttons stay whole and on one line there: see tests/touch.rs, which lays out every
    // mode, size and language.
}

#[test]
fn switching_language_with_quick_jump_open_highlights_its_first_result() {
    let mut app = app_on(Route::HOME);
    deliver(
        &mut app,
        [
            Consult::OpenSearch.into(),
            Consult::SearchChanged("lung".into()).into(),
            Consult::SearchMove(1).into(),
            Consult::SearchMove(1).into(),
        ],
    );
    let selected = |app: &needle_guide::app::App| {
        app.consult_state()
            .and_then(|consult| consult.search())
            .map(|search| (search.query.clone(), search.selected))
    };
    assert_eq!(
        selected(&app),
        Some(("lung".into(), 2)),
        "three results in English"
    );
    deliver(&mut app, [Shared::SwitchLanguage.into()]);
    // Spanish finds fewer for "lung": the highlight must not point past the last.
    assert_eq!(selected(&app), Some(("lung".into(), 0)));
}

#[test]
fn quick_jump_says_when_only_the_other_language_has_the_word_and_switches_to_it() {
    let mut app = app_on(Route::HOME);
    deliver(
        &mut app,
        [
            Consult::OpenSearch.into(),
            Consult::SearchChanged("codo".into()).into(),
        ],
    );
    let english = library();
    let shows =
        |app: &needle_guide::app::App, words: &str| simulate(app, WINDOW).find(words).is_ok();
    assert!(shows(&app, &english.ui.consult.find_nothing));
    // It names what the other guide finds: the Spanish name of tennis elbow.
    let in_other = english
        .ui
        .consult
        .find_in_other
        .replace("{found}", "Codo de tenista");
    assert!(shows(&app, &in_other), "no {in_other:?}");
    // A button beside it names the other language (the toolbar's is the other one of the two);
    // it switches, and the results show there.
    let spanish_name = support::editions()[1].ui.language_name.clone();
    let named = |app: &needle_guide::app::App| {
        let mut count = 0;
        let _ = simulate(app, WINDOW).find(|candidate: iced_test::selector::Candidate<'_>| {
            if let iced_test::selector::Candidate::Text { content, .. } = candidate
                && content == spanish_name
            {
                count += 1;
            }
            None::<()>
        });
        count
    };
    assert_eq!(named(&app), 2);
    deliver(&mut app, [Shared::SwitchLanguage.into()]);
    assert_eq!(app.library().locale, "es");
    let spanish = app.library().clone();
    assert!(
        !shows(&app, &spanish.ui.consult.find_nothing),
        "Spanish has it"
    );
    // A word neither has gets no such line.
    deliver(&mut app, [Consult::SearchChanged("xyzzy".into()).into()]);
    assert!(shows(&app, &spanish.ui.consult.find_nothing));
    let in_other = spanish
        .ui
        .consult
        .find_in_other
        .split("{found}")
        .next()
        .unwrap();
    let said =
        simulate(&app, WINDOW).find(
            |candidate: iced_test::selector::Candidate<'_>| match candidate {
                iced_test::selector::Candidate::Text { content, .. }
                    if content.starts_with(in_other) =>
                {
                    Some(())
                }
                _ => None,
            },
        );
    assert!(
        said.is_err(),
        "a word neither has is said to be in the other"
    );
}

#[test]
fn escape_leaves_present_once_nothing_else_is_open() {
    let mut app = app_on(Route::HOME);
    deliver(&mut app, [Consult::TogglePresenting.into()]);
    assert!(app.presenting());
    deliver(
        &mut app,
        [Message::Key(needle_guide::keys::Shortcut::Dismiss)],
    );
    assert!(!app.presenting(), "Escape did not leave Present");
    // Escape with nothing open and not presenting changes nothing.
    deliver(
        &mut app,
        [Message::Key(needle_guide::keys::Shortcut::Dismiss)],
    );
    assert!(!app.presenting());
}

#[test]
fn back_returns_to_the_place_the_page_was_left_at_and_a_new_page_starts_at_its_top() {
    let mut app = app_on(Route::Page(PageId::CONDITIONS));
    deliver(&mut app, [Message::PageScrolled(0.4)]);
    deliver(
        &mut app,
        [Reader::Open(Route::parse("condition/lateral-epicondylitis").expect("a route")).into()],
    );
    assert_eq!(app.place(), 0.0, "a condition's page starts at its top");
    deliver(&mut app, [Message::PageScrolled(0.7)]);
    deliver(&mut app, [Reader::Back.into()]);
    assert_eq!(app.route(), &Route::Page(PageId::CONDITIONS));
    assert_eq!(app.place(), 0.4, "Back returns to where the list was left");
}

#[test]
fn staff_see_how_each_question_was_answered_over_twelve_weeks_and_open_its_page() {
    use needle_guide::insights::{Answer, IsoWeek, Mode, Store, Visit};
    let folder =
        std::env::temp_dir().join(format!("needle-guide-staff-counts-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("insights.sqlite");
    let library = library();
    let items = needle_guide::document::check_items(&library);
    let first = &items[0];
    let second = &items[1];
    // Ten kiosk visits last week: 5 right and 5 wrong on the first question; 9 right and 1 wrong
    // on the second, which would say what one patient answered; one visit this week and five
    // 13 weeks ago, outside the view; three in the consult room, too few.
    let mut store = Store::open(&file).unwrap();
    let now = IsoWeek::now();
    let answers = (0..10).map(|n| {
        let first = if n < 5 { Answer::Right } else { Answer::Wrong };
        let second = if n < 9 { Answer::Right } else { Answer::Wrong };
        [first, second]
    });
    let visit = |[to_first, to_second]: [Answer; 2]| Visit {
        reached_check: true,
        answers: [(first.id.clone(), to_first), (second.id.clone(), to_second)]
            .into_iter()
            .collect(),
        ..Visit::default()
    };
    // Last week's: a week still under way is not shown.
    let last_week = now.previous();
    for answer in answers {
        store
            .record(last_week, Mode::Kiosk, &visit(answer))
            .unwrap();
    }
    // One this week, not yet shown.
    store
        .record(now, Mode::Kiosk, &visit([Answer::Wrong; 2]))
        .unwrap();
    // Five 13 weeks ago: a span of their own, before the 12 weeks.
    for _ in 0..5 {
        store
            .record(now.first_of(14), Mode::Kiosk, &visit([Answer::Wrong; 2]))
            .unwrap();
    }
    for _ in 0..3 {
        store
            .record(last_week, Mode::Consult, &visit([Answer::Right; 2]))
            .unwrap();
    }
    drop(store);

    // Only a clinic that keeps counts has the button.
    assert!(!shows(
        &app_on(Route::HOME),
        &library.ui.consult.counts_button
    ));
    let mut app = app_on(Route::HOME).with_insights(file.clone());
    let mut ui = simulate(&app, WINDOW);
    ui.click(library.ui.consult.counts_button.as_str()).unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    support::deliver_running(&mut app, messages, |message| {
        matches!(message, Message::Consult(Consult::CountsRead(_)))
    });
    let words = &library.ui.consult;
    let shares = |percents: [u64; 3], answers: u64| {
        needle_guide::screen::consult::counts::shares_said(&words.counts_shares, percents, answers)
    };
    let shown = shares([50, 50, 0], 10);
    assert!(shows(&app, &shown), "the first question's shares: {shown}");
    assert!(shows(&app, &first.text), "with its words");
    // The second's answers are not shown at all, and it says why.
    assert!(shows(&app, &second.text));
    assert!(shows(&app, &words.counts_few_answers));
    // And how many answers that leaves out, so no share reads as the whole.
    assert!(shows(&app, &words.counts_unshown.replace("{n}", "10")));
    let hidden = shares([90, 10, 0], 10);
    assert!(!shows(&app, &hidden), "{hidden}");
    let visits = words
        .counts_visits
        .replace("{visits}", "10")
        .replace("{checks}", "10");
    assert!(shows(&app, &visits), "the 12 weeks' visits, not the 13th's");
    // The consult room's three visits are too few to show.
    click(&mut app, &words.counts_consult);
    assert!(shows(&app, &words.counts_too_few));
    assert!(!shows(&app, &first.text));
    // Back to the kiosk's, and to the page the first question teaches.
    click(&mut app, &words.counts_kiosk);
    let page = first.teaches.0;
    let open = words
        .counts_open
        .replace("{page}", &library.page(page).nav_label);
    click(&mut app, &open);
    assert_eq!(app.route(), &Route::Page(page));
    assert!(!shows(&app, &words.counts_title), "the counts closed");
    let _ = std::fs::remove_dir_all(&folder);
}

/// A clinic that keeps counts on a computer with nowhere to keep them: staff are told, on
/// screen, and nothing offers to read counts that are not there.
#[test]
fn counts_with_nowhere_to_be_kept_are_said_to_be_off() {
    use needle_guide::insights::InsightsError;
    let library = library();
    let app = app_on(Route::HOME).with_insights_off(InsightsError::NoFolder {
        reason: "no data folder".into(),
    });
    let notice = library.ui.insights_off.replace(
        "{reason}",
        &needle_guide::screen::counts_trouble(
            &library.ui,
            &InsightsError::NoFolder {
                reason: String::new(),
            },
        ),
    );
    assert!(notice.contains(&library.ui.counts_trouble.no_folder));
    assert!(shows(&app, &notice), "{notice}");
    assert!(!shows(&app, &library.ui.consult.counts_button));
}

/// Sends `message`, running what it starts until the counts are written.
fn send(app: &mut needle_guide::app::App, message: Message) {
    support::deliver_running(app, [message], |message| {
        matches!(message, Message::Counted(_))
    });
}

/// Sends `first` to the check, then answers "not sure" and goes on until its summary shows.
fn check_to_summary(
    app: &mut needle_guide::app::App,
    first: needle_guide::screen::reader::teach_back::Message,
) {
    use needle_guide::screen::reader::teach_back::{Message as Check, Step};
    let mut message = first;
    for _ in 0..200 {
        send(app, Reader::TeachBack(message).into());
        message = match app.reader().teach_back().step() {
            Step::Summary => return,
            Step::Question(_) => Check::NotSure,
            Step::Sure => Check::Finish,
            _ => Check::Next,
        };
    }
    panic!("the check never reached its summary");
}

/// In the consult room a visit is counted when the check's summary shows; "Try these again",
/// the check started again and their second summaries are the same patient, and only "Next
/// patient" begins another visit.
#[test]
fn a_consult_check_tried_or_started_again_is_counted_once() {
    use needle_guide::insights::{Mode, Store};
    use needle_guide::screen::reader::teach_back::Message as Check;
    let folder = support::fresh_folder("consult-once");
    let file = folder.join("insights.sqlite");
    let mut app = app_on(Route::Page(PageId::TEACH_BACK)).with_insights(file.clone());
    let summary = check_to_summary;
    let visits = |file: &std::path::Path| -> u64 {
        Store::open(file)
            .unwrap()
            .weeks(Mode::Consult, None)
            .unwrap()
            .iter()
            .map(|week| week.visits)
            .sum()
    };
    summary(&mut app, Check::Next);
    assert_eq!(visits(&file), 1);
    summary(&mut app, Check::TryAgain);
    assert_eq!(visits(&file), 1, "tried again: the same patient");
    summary(&mut app, Check::StartOver);
    assert_eq!(visits(&file), 1, "started again: the same patient");
    summary(&mut app, Check::NextPatient);
    assert_eq!(visits(&file), 2, "the next patient");
    summary(&mut app, Check::StartOver);
    assert_eq!(visits(&file), 2, "the next patient's check started again");
    let _ = std::fs::remove_dir_all(&folder);
}

/// In the consult room, the pages opened after a check was counted are not added to the next
/// patient's visit: that visit begins with "Next patient".
#[test]
fn pages_opened_after_a_consult_check_was_counted_go_to_no_visit() {
    use needle_guide::insights::{Mode, Store};
    use needle_guide::screen::reader::teach_back::Message as Check;
    let folder =
        std::env::temp_dir().join(format!("needle-guide-consult-pages-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let file = folder.join("insights.sqlite");
    let mut app = app_on(Route::HOME).with_insights(file.clone());
    let opened = |file: &std::path::Path, page: PageId| -> u64 {
        Store::open(file)
            .unwrap()
            .weeks(Mode::Consult, None)
            .unwrap()
            .iter()
            .map(|week| {
                week.pages
                    .get(&Route::Page(page).to_string())
                    .copied()
                    .unwrap_or(0)
            })
            .sum()
    };
    // The first patient: the risks, then the check.
    send(&mut app, Reader::Open(Route::Page(PageId::RISKS)).into());
    send(
        &mut app,
        Reader::Open(Route::Page(PageId::TEACH_BACK)).into(),
    );
    check_to_summary(&mut app, Check::Next);
    assert_eq!(opened(&file, PageId::RISKS), 1);
    // After it, the therapist looks at the warning signs, then clears the check for the next
    // patient.
    send(
        &mut app,
        Reader::Open(Route::Page(PageId::WARNING_SIGNS)).into(),
    );
    send(
        &mut app,
        Reader::Open(Route::Page(PageId::TEACH_BACK)).into(),
    );
    check_to_summary(&mut app, Check::NextPatient);
    assert_eq!(
        opened(&file, PageId::WARNING_SIGNS),
        0,
        "opened after the first visit was written, before the next began"
    );
    assert_eq!(opened(&file, PageId::TEACH_BACK), 1, "the first visit's");
    // The third patient: a page staff open from Clinic counts is not theirs, one they open is.
    send(&mut app, Reader::TeachBack(Check::NextPatient).into());
    send(
        &mut app,
        Message::Consult(needle_guide::screen::consult::Message::OpenTaught(
            PageId::BENEFITS,
        )),
    );
    assert_eq!(app.route(), &Route::Page(PageId::BENEFITS));
    send(&mut app, Reader::Open(Route::Page(PageId::RISKS)).into());
    send(
        &mut app,
        Reader::Open(Route::Page(PageId::TEACH_BACK)).into(),
    );
    check_to_summary(&mut app, Check::Next);
    assert_eq!(
        opened(&file, PageId::RISKS),
        2,
        "the third visit is counted"
    );
    assert_eq!(opened(&file, PageId::BENEFITS), 0, "opened by staff");
    let _ = std::fs::remove_dir_all(&folder);
}
