//! Tapping the body map in a simulated window lists the conditions of the region tapped.

mod support;

use iced::{Point, Size};
use needle_guide::app::Message;
use needle_guide::content::ids::{RegionId, WHOLE_BODY};
use needle_guide::route::{PageId, Route};
use needle_guide::screen::reader;
use needle_guide::widget::body_map;
use support::{WINDOW, app_on, deliver, library, simulate};

/// Taps the body map at a point of its view box, on the conditions page; returns what the tap
/// produced (not the page telling the app it goes on below, which it does at any event).
fn tap(app: &needle_guide::app::App, view_point: Point) -> Vec<Message> {
    // Tall enough that the whole map is on screen however long the page's opening words are.
    let room = Size::new(WINDOW.width, 2400.0);
    // The map is as wide as the screen's height allows: found where it is laid out.
    let found = support::screens::inspect(app, room);
    let [map] = found.wholes[..] else {
        panic!(
            "the conditions page shows one map: {:?}",
            found.wholes.len()
        );
    };
    let map = map.bounds;
    let on_map = body_map::to_screen(view_point, body_map::size_for(map.width));
    let mut ui = simulate(app, room);
    ui.point_at(Point::new(map.x + on_map.x, map.y + on_map.y));
    let _ = ui.simulate(iced_test::simulator::click());
    ui.into_messages()
        .filter(|message| !matches!(message, Message::MoreBelow(_)))
        .collect()
}

fn shows(app: &needle_guide::app::App, words: &str) -> bool {
    simulate(app, Size::new(WINDOW.width, 2400.0))
        .find(words)
        .is_ok()
}

#[test]
fn tapping_the_knee_lists_knee_pain_and_only_that() {
    let library = library();
    let mut app = app_on(Route::Page(PageId::CONDITIONS));
    let knee = body_map::shapes()
        .into_iter()
        .find(|(region, _)| *region == "knee")
        .unwrap()
        .1;
    let centre = match knee {
        body_map::Shape::Circle { centre, .. } => centre,
        other => panic!("the knee is drawn as {other:?}"),
    };
    let messages = tap(&app, centre);
    assert_eq!(
        messages,
        vec![Message::Reader(reader::Message::SelectRegion(
            "knee".into()
        ))]
    );
    deliver(&mut app, messages);

    let (_, knee_pain) = library.condition("knee-pain").unwrap();
    let (_, sciatica) = library.condition("sciatica").unwrap();
    assert!(shows(&app, &knee_pain.name), "knee pain is not listed");
    assert!(
        !shows(&app, &sciatica.name),
        "sciatica should be hidden while the knee is picked"
    );
    assert!(shows(&app, &library.ui.body_map.show_all));
}

#[test]
fn tapping_beside_the_body_selects_nothing() {
    let app = app_on(Route::Page(PageId::CONDITIONS));
    let messages = tap(&app, Point::new(220.0, 150.0));
    assert!(messages.is_empty(), "{messages:?}");
}

#[test]
fn tapping_the_upper_back_lists_its_muscle_pain_and_show_all_brings_the_list_back() {
    let library = library();
    let mut app = app_on(Route::Page(PageId::CONDITIONS));
    let messages = tap(&app, Point::new(330.0, 120.0));
    deliver(&mut app, messages);
    assert_eq!(
        app.reader().selected_region(),
        Some(&RegionId::from("upper-back"))
    );
    let (_, upper_back) = library.condition("upper-back-pain").unwrap();
    assert!(
        shows(&app, &upper_back.name),
        "upper back pain is not listed"
    );
    assert!(!shows(&app, &library.ui.body_map.none_here));

    let mut ui = simulate(&app, Size::new(WINDOW.width, 2400.0));
    ui.click(library.ui.body_map.show_all.as_str()).unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    deliver(&mut app, messages);
    assert_eq!(app.reader().selected_region(), None);
    let (_, sciatica) = library.condition("sciatica").unwrap();
    assert!(shows(&app, &sciatica.name));
}

/// The front of the hip on the map is the groin: a patient who taps it finds groin strain, which
/// belongs to the thigh.
#[test]
fn tapping_the_front_hip_lists_groin_strain() {
    let library = library();
    let mut app = app_on(Route::Page(PageId::CONDITIONS));
    let front_hip = body_map::shapes()
        .into_iter()
        .find_map(|(region, shape)| match shape {
            body_map::Shape::Circle { centre, .. }
                if region == "hip-buttock" && centre.x < body_map::VIEW.width / 2.0 =>
            {
                Some(centre)
            }
            _ => None,
        })
        .expect("the front view has a hip");
    let messages = tap(&app, front_hip);
    deliver(&mut app, messages);
    assert_eq!(
        app.reader().selected_region(),
        Some(&RegionId::from("hip-buttock"))
    );
    let (home, groin) = library.condition("groin-strain").unwrap();
    assert_eq!(home.id, "thigh");
    assert!(shows(&app, &groin.name), "groin strain is not listed");
    let (_, sciatica) = library.condition("sciatica").unwrap();
    assert!(!shows(&app, &sciatica.name));
}

#[test]
fn the_whole_body_button_lists_fibromyalgia() {
    let library = library();
    let mut app = app_on(Route::Page(PageId::CONDITIONS));
    let whole_body = library.regions.iter().find(|r| r.id == WHOLE_BODY).unwrap();
    let mut ui = simulate(&app, Size::new(WINDOW.width, 2400.0));
    ui.click(whole_body.name.as_str()).unwrap();
    let messages: Vec<Message> = ui.into_messages().collect();
    deliver(&mut app, messages);
    assert_eq!(
        app.reader().selected_region(),
        Some(&RegionId::from(WHOLE_BODY))
    );
    let (_, fibromyalgia) = library.condition("fibromyalgia").unwrap();
    assert!(shows(&app, &fibromyalgia.name));
}

/// Every part of the body a patient can tap lists at least one condition, in both languages:
/// none says "this guide lists no problems here" (the upper back once did).
#[test]
fn every_region_on_the_map_lists_a_condition() {
    use needle_guide::document::{Document, Part};
    for library in support::editions().iter() {
        let page = Document::for_route(library, &Route::Page(PageId::CONDITIONS)).unwrap();
        let regions = page
            .sections
            .iter()
            .flat_map(|section| &section.parts)
            .find_map(|part| match part {
                Part::ConditionIndex { regions, .. } => Some(regions),
                _ => None,
            })
            .expect("the conditions page has the body map");
        for (region, _) in body_map::shapes() {
            let group = regions
                .iter()
                .find(|group| group.id.as_str() == region)
                .unwrap_or_else(|| panic!("{}: no region {region}", library.locale));
            assert!(
                !group.conditions.is_empty(),
                "{}: {region} lists nothing",
                library.locale
            );
        }
    }
}

#[test]
fn the_regions_near_the_lungs_show_where_a_needle_can_reach_one() {
    use needle_guide::widget::lung_areas::NEAR_LUNGS;
    for locale in needle_guide::content::LOCALES {
        let library = needle_guide::content::Library::embedded(locale).unwrap();
        let key = library
            .page(PageId::WARNING_SIGNS)
            .sections
            .iter()
            .flat_map(|section| &section.blocks)
            .find_map(|block| match block {
                needle_guide::content::model::Block::LungAreas(areas) => Some(areas.key.clone()),
                _ => None,
            })
            .expect("the warning signs show where the lungs lie");
        let mut app = app_on(Route::Page(PageId::CONDITIONS));
        if locale != "en" {
            deliver(
                &mut app,
                [needle_guide::screen::Shared::SwitchLanguage.into()],
            );
        }
        assert!(
            !shows(&app, &key),
            "{locale}: the key shows with nothing picked"
        );
        for region in [
            "knee",
            "upper-back",
            "low-back",
            "shoulder",
            "neck",
            "elbow",
        ] {
            deliver(
                &mut app,
                [reader::Message::SelectRegion(region.into()).into()],
            );
            assert_eq!(
                shows(&app, &key),
                NEAR_LUNGS.contains(&region),
                "{locale}: {region}"
            );
        }
    }
}
