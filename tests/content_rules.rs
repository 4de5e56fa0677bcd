//! What makes the guide one a clinic can stand behind, in both languages: the sheet's wrong
//! definition of a collapsed lung and its selling words cannot come back, every urgent box gives
//! the same emergency advice with the clinic's number or the words for the local one, every rate
//! names its source, and the patient's right to say no and to hear of other options is there.

mod support;

use needle_guide::content::Library;
use needle_guide::content::check;
use needle_guide::content::model::{Block, Level, Tone};
use needle_guide::document::{Document, Part, guide_text, joined};
use needle_guide::route::{PageId, Route};

fn page(library: &Library, page: PageId) -> Document {
    Document::for_route(library, &Route::Page(page)).unwrap()
}

/// Words that must never be in an edition: the sheet's mistakes and its selling.
fn banned(locale: &str) -> &'static [&'static str] {
    match locale {
        "en" => &[
            "inside the chest wall",
            "very safe",
            "science-based",
            "based on science",
            "modern science",
            "innovative",
            "all patients",
            "will benefit",
        ],
        "es" => &[
            "dentro de la pared del pecho",
            "muy segura",
            "basado en la ciencia",
            "basada en la ciencia",
            "se basa en la ciencia",
            "ciencia moderna",
            "innovador",
            "todos los pacientes",
        ],
        other => panic!("no banned words for {other}"),
    }
}

/// The right definition of a collapsed lung, in each language, as the glossary and the pages
/// word it.
fn lung(locale: &str) -> &'static [&'static str] {
    match locale {
        "en" => &[
            "space between the lung and the chest wall",
            "space between your lung and your chest wall",
        ],
        "es" => &["espacio entre el pulmón y la pared del pecho"],
        other => panic!("no definition for {other}"),
    }
}

#[test]
fn the_sheets_wrong_lung_and_selling_words_cannot_come_back() {
    for library in support::editions().iter() {
        let text = guide_text(library).to_lowercase();
        for wrong in banned(&library.locale) {
            assert!(
                !text.contains(wrong),
                "{}: the guide says {wrong:?}",
                library.locale
            );
        }
        let defines = |text: &str| lung(&library.locale).iter().any(|d| text.contains(d));
        let pneumothorax = library.term("pneumothorax").unwrap();
        assert!(
            defines(&pneumothorax.meaning.to_lowercase()),
            "{}: the glossary defines a collapsed lung as {:?}",
            library.locale,
            pneumothorax.meaning
        );
        for where_ in [PageId::WarningSigns, PageId::Risks] {
            let said = page(library, where_).plain_text().to_lowercase();
            assert!(defines(&said), "{}: {where_:?}", library.locale);
        }
    }
}

/// What the guide must never promise about pain and soreness after needling, which commonly
/// lasts a day or two (docs/content.md, "Soreness after treatment").
fn soon_gone(locale: &str) -> &'static [&'static str] {
    match locale {
        "en" => &[
            "pain does not last",
            "it does not last",
            "stops soon after",
            "rest. it goes away by itself.",
        ],
        "es" => &[
            "el dolor es pasajero",
            "lo causan. es pasajero",
            "se quita poco después",
            "descanse. se quita solo.",
        ],
        other => panic!("no promises listed for {other}"),
    }
}

#[test]
fn soreness_is_never_promised_to_stop_soon_and_its_usual_length_is_said() {
    for library in support::editions().iter() {
        let text = guide_text(library).to_lowercase();
        for promise in soon_gone(&library.locale) {
            assert!(
                !text.contains(promise),
                "{}: the guide promises {promise:?}",
                library.locale
            );
        }
        let length = match library.locale.as_str() {
            "en" => "a day or two",
            _ => "uno o dos días",
        };
        for where_ in [
            PageId::Before,
            PageId::Risks,
            PageId::After,
            PageId::WarningSigns,
        ] {
            let said = page(library, where_).plain_text().to_lowercase();
            assert!(
                said.contains(length),
                "{}: {where_:?} does not say how long soreness lasts",
                library.locale
            );
        }
    }
}

/// Every urgent box of every page, and the emergency step of what to do; true for a box.
fn urgent_texts(library: &Library) -> Vec<(PageId, String, bool)> {
    let mut found = Vec::new();
    for id in PageId::ALL {
        for part in page(library, id).sections.iter().flat_map(|s| &s.parts) {
            match part {
                Part::Callout {
                    tone: Tone::Urgent,
                    body,
                    ..
                } => found.push((id, joined(body), true)),
                Part::Actions(items) => found.extend(
                    items
                        .iter()
                        .filter(|item| item.level == Level::Emergency)
                        .map(|item| (id, joined(&item.action), false)),
                ),
                _ => {}
            }
        }
    }
    found
}

#[test]
fn every_urgent_box_gives_the_same_emergency_advice() {
    for library in support::editions().iter() {
        let urgent = urgent_texts(library);
        let pages: Vec<PageId> = urgent.iter().map(|(id, ..)| *id).collect();
        for expected in [
            PageId::Home,
            PageId::Risks,
            PageId::After,
            PageId::WarningSigns,
        ] {
            assert!(
                pages.contains(&expected),
                "{}: no urgent box on {expected:?}",
                library.locale
            );
        }
        // When to call the emergency number, and what to do for any other sign.
        let advice: &[&str] = match library.locale.as_str() {
            "en" => &[
                "severe trouble breathing",
                "blue or grey lips or skin",
                "chest pain with shortness of breath",
                "for any other warning sign, call your clinic or a doctor right away",
            ],
            _ => &[
                "mucha dificultad para respirar",
                "los labios o la piel de color azul o gris",
                "dolor en el pecho con falta de aire",
                "ante cualquier otra señal de alarma, llame de inmediato a su clínica o a un médico",
            ],
        };
        let emergency = library.emergency_number();
        for (id, text, is_box) in urgent {
            assert!(
                text.contains(emergency),
                "{} {id:?}: no emergency number in {text:?}",
                library.locale
            );
            if is_box {
                let lower = text.to_lowercase();
                for words in advice {
                    assert!(
                        lower.contains(words),
                        "{} {id:?}: the urgent box lacks {words:?}: {text:?}",
                        library.locale
                    );
                }
            }
        }
    }
}

#[test]
fn the_emergency_number_is_the_clinics_or_words_for_the_local_one() {
    let mut editions = (*support::editions()).clone();
    for library in &editions {
        assert!(library.clinic.emergency_number.is_empty());
        let text = guide_text(library);
        // No country's number is written into the guide (as a number of its own, not part of
        // a longer one such as a phone number).
        for number in ["911", "112", "999"] {
            let alone = text.match_indices(number).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + number.len()..].chars().next();
                let part_of_more =
                    |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '-');
                !part_of_more(before) && !part_of_more(after)
            });
            assert!(!alone, "{}: the guide names {number}", library.locale);
        }
        let warning = page(library, PageId::WarningSigns).plain_text();
        assert!(warning.contains(&library.ui.local_emergency_number));
    }
    for library in &mut editions {
        library.clinic.emergency_number = "112".into();
        let warning = page(library, PageId::WarningSigns).plain_text();
        assert!(warning.contains("112"), "{}", library.locale);
        assert!(
            !warning.contains(&library.ui.local_emergency_number),
            "{}: the local words stand in only when the clinic gives no number",
            library.locale
        );
    }
}

#[test]
fn every_rate_names_a_source_that_exists_and_a_missing_one_is_a_problem() {
    for library in support::editions().iter() {
        for effect in library.side_effects.iter().filter(|e| e.rate.is_some()) {
            let source = effect
                .source
                .as_deref()
                .unwrap_or_else(|| panic!("{}: {} has no source", library.locale, effect.id));
            assert!(library.source(source).is_some(), "{source}");
        }
        // The risks page names the source on each card with a number.
        let risks = page(library, PageId::Risks);
        for part in risks.sections.iter().flat_map(|s| &s.parts) {
            if let Part::Effect(effect) = part
                && effect.how_often.is_some()
            {
                assert!(
                    effect.source.is_some(),
                    "{}: {}",
                    library.locale,
                    effect.name
                );
            }
        }
    }
    let english = std::fs::read_to_string("content/en/side-effects.ron").unwrap();
    let unsourced = english.replacen("source: Some(\"clinic-sheet\"),", "", 1);
    let problems = Library::load("en", |path| {
        if path == "en/side-effects.ron" {
            Some(std::borrow::Cow::Owned(unsourced.clone().into_bytes()))
        } else {
            std::fs::read(format!("content/{path}"))
                .ok()
                .map(Into::into)
        }
    })
    .expect_err("a rate without a source is refused");
    assert!(
        problems.to_string().contains("has a rate but no source"),
        "{problems}"
    );
}

#[test]
fn both_languages_have_the_same_questions_sources_and_numbers() {
    let editions = support::editions();
    let (english, spanish) = (&editions[0], &editions[1]);
    assert!(check::locales_agree(english, spanish).is_empty());
    let topics = |library: &Library| -> Vec<_> {
        library
            .page(PageId::Questions)
            .sections
            .iter()
            .flat_map(|section| &section.blocks)
            .filter_map(|block| match block {
                Block::Questions(questions) => Some(questions.iter().map(|q| q.topic)),
                _ => None,
            })
            .flatten()
            .collect()
    };
    assert_eq!(topics(english).len(), 6);
    assert_eq!(topics(english), topics(spanish));

    let mut changed = spanish.clone();
    changed.sources[1].findings[1].rate = needle_guide::content::model::Rate::About {
        count: 80,
        per: 1000,
        of: needle_guide::content::model::Denominator::Treatments,
    };
    assert!(
        check::locales_agree(english, &changed)
            .iter()
            .any(|problem| problem.file == "es/sources.ron"),
        "a finding that differs between the languages is a problem"
    );
}

#[test]
fn the_clinics_answers_show_only_where_it_gave_them() {
    let mut library = support::library().as_ref().clone();
    let questions = page(&library, PageId::Questions).plain_text();
    assert!(!questions.contains(&library.ui.clinic_answer));
    library.clinic.answers.cost = "Each visit is $80.".into();
    let questions = page(&library, PageId::Questions).plain_text();
    assert!(questions.contains(&library.ui.clinic_answer));
    assert!(questions.contains("Each visit is $80."));
    assert_eq!(questions.matches(&library.ui.clinic_answer).count(), 1);
}

#[test]
fn the_guide_is_fair_about_benefits_options_and_the_right_to_say_no() {
    let checks: [(&str, [&str; 4]); 2] = [
        (
            "en",
            [
                "does not say how many people dry needling helps",
                "results differ from person to person",
                "other treatments can help",
                "you can say no",
            ],
        ),
        (
            "es",
            [
                "no dice a cuántas personas les ayuda la punción seca",
                "los resultados cambian de una persona a otra",
                "otros tratamientos pueden ayudar",
                "puede decir que no",
            ],
        ),
    ];
    let editions = support::editions();
    for (locale, phrases) in checks {
        let library = editions.iter().find(|l| l.locale == locale).unwrap();
        let about = page(library, PageId::About).plain_text().to_lowercase();
        for phrase in phrases {
            assert!(
                about.contains(phrase),
                "{locale}: the about page lacks {phrase:?}"
            );
        }
    }
}

#[test]
fn the_pages_follow_the_order_a_patient_lives_them() {
    let order: Vec<&str> = PageId::ALL.iter().map(|page| page.id()).collect();
    assert_eq!(
        order,
        [
            "home",
            "about",
            "compare",
            "conditions",
            "before",
            "risks",
            "after",
            "warning-signs",
            "sources",
            "questions",
            "glossary",
            "key-points",
            "teach-back"
        ]
    );
    // Home offers every other page, in the same order.
    for library in support::editions().iter() {
        let choices: Vec<PageId> = page(library, PageId::Home)
            .sections
            .iter()
            .flat_map(|s| &s.parts)
            .filter_map(|part| match part {
                Part::Choices(choices) => Some(choices.iter().map(|c| c.page)),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(choices, PageId::ALL[1..], "{}", library.locale);
    }
}

#[test]
fn the_warning_signs_show_where_a_needle_can_reach_a_lung_with_sources() {
    // Where the risk is, not only that it exists (content review, December 2026, M4).
    for (locale, places) in [
        (
            "en",
            ["chest", "upper back", "shoulder blade", "shoulder", "neck"],
        ),
        ("es", ["pecho", "espalda", "omóplato", "hombro", "cuello"]),
    ] {
        let library = Library::embedded(locale).unwrap();
        let areas = library
            .page(PageId::WarningSigns)
            .sections
            .iter()
            .flat_map(|section| &section.blocks)
            .find_map(|block| match block {
                Block::LungAreas(areas) => Some(areas),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{locale}: no picture of where the lungs lie"));
        let summary = library.plain(&areas.summary);
        for place in places {
            assert!(summary.contains(place), "{locale}: {place} is not named");
        }
        // Every number of the caption comes from a published source, named under it.
        assert!(library.plain(&areas.caption).contains("cm"), "{locale}");
        assert!(areas.sources.len() >= 2, "{locale}: {:?}", areas.sources);
        for id in &areas.sources {
            let source = library.source(id).expect("a known source");
            assert!(source.citation.is_some(), "{locale}: {id} has no reference");
        }
    }
}
