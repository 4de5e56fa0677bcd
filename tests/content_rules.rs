//! What makes the guide one a clinic can stand behind, in both languages: the sheet's wrong
//! definition of a collapsed lung and its selling words cannot come back, every urgent box gives
//! the same emergency advice with the clinic's number or the words for the local one, every rate
//! names its source, and the patient's right to say no and to hear of other options is there.

mod support;

use needle_guide::content::Library;
use needle_guide::content::check;
use needle_guide::content::model::{Block, Claim, Level, Tone};
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
            // Western medicine's knowledge set against Qi, as the clinic's claim of legitimacy.
            "what western medicine knows",
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
            "lo que la medicina occidental sabe",
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
        for where_ in [PageId::WARNING_SIGNS, PageId::RISKS] {
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
            PageId::BEFORE,
            PageId::RISKS,
            PageId::AFTER,
            PageId::WARNING_SIGNS,
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

/// Every urgent box of every page, and the emergency step of what to do; true for a box. A box
/// over the steps of what to do (`WhatToDo`) only leads into them: the steps say it all.
fn urgent_texts(library: &Library) -> Vec<(PageId, String, bool)> {
    let mut found = Vec::new();
    for id in support::pages() {
        let document = page(library, id);
        let parts = || document.sections.iter().flat_map(|s| &s.parts);
        let has_steps = parts().any(|part| matches!(part, Part::Actions(_)));
        for part in parts() {
            match part {
                Part::Callout {
                    tone: Tone::Urgent, ..
                } if has_steps => {}
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
            PageId::HOME,
            PageId::RISKS,
            PageId::AFTER,
            PageId::WARNING_SIGNS,
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
                "trouble breathing at rest",
                "blue or gray lips or skin",
                "chest pain with shortness of breath",
                "for any other warning sign, get help now",
            ],
            _ => &[
                "respirar en reposo",
                "los labios o la piel azules o grises",
                "dolor en el pecho con falta de aire",
                "ante cualquier otra señal, busque ayuda ahora mismo",
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
                // Every box gives the whole route for the other signs, in the same words; home's,
                // pinned under the kiosk's tiles, sends the reader to the page that gives it.
                let route: &[&str] = match (library.locale.as_str(), id) {
                    ("en", PageId::HOME) => &["the warning signs page says where to go"],
                    ("en", _) => &[
                        "after-hours",
                        "if a person does not answer right away, or you are told to wait for a call back, go to an emergency room now",
                        "do not drive yourself: if no one can drive you",
                    ],
                    (_, PageId::HOME) => &["la página señales de alarma dice adónde ir"],
                    _ => &[
                        "fuera del horario",
                        "si nadie le contesta enseguida o le dicen que espere a que le devuelvan la llamada, vaya ahora mismo a la sala de emergencias",
                        "no maneje: si nadie puede llevarlo",
                    ],
                };
                for words in route {
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

/// Every step of what to do in an edition, with its page, its level, its action (with its
/// numbered steps) and its signs.
fn action_steps(library: &Library) -> Vec<(PageId, Level, String, Vec<String>)> {
    let mut steps = Vec::new();
    for id in support::pages() {
        for part in page(library, id).sections.iter().flat_map(|s| &s.parts) {
            if let Part::Actions(items) = part {
                steps.extend(items.iter().map(|item| {
                    let signs = item.signs.iter().map(|sign| joined(sign)).collect();
                    (id, item.level, item.what_to_do(), signs)
                }));
            }
        }
    }
    steps
}

/// Words that name one kind of sign, and the step each kind belongs to: a sign with these words
/// anywhere else would send the patient two ways (blue skin once led to "call your clinic" and to
/// "call the emergency number").
fn sign_words(locale: &str) -> &'static [(&'static str, Level)] {
    match locale {
        "en" => &[
            ("blue", Level::Emergency),
            ("sit still", Level::Emergency),
            ("chest pain with shortness of breath", Level::Emergency),
            ("climb stairs", Level::EmergencyRoom),
            ("breathing faster", Level::EmergencyRoom),
            ("dry cough", Level::EmergencyRoom),
            ("sweating", Level::EmergencyRoom),
            ("infection", Level::CallClinic),
            ("fever", Level::CallClinic),
            ("numbness", Level::CallClinic),
            ("weakness", Level::Emergency),
            ("bleeding that does not stop", Level::CallClinic),
            ("faint", Level::Emergency),
            ("soreness where the needles", Level::Normal),
            ("small bruise", Level::Normal),
            ("tired", Level::Normal),
        ],
        "es" => &[
            ("azul", Level::Emergency),
            ("en reposo", Level::Emergency),
            ("dolor en el pecho con falta de aire", Level::Emergency),
            ("subir escaleras", Level::EmergencyRoom),
            ("más rápido", Level::EmergencyRoom),
            ("tos seca", Level::EmergencyRoom),
            ("sudar", Level::EmergencyRoom),
            ("infección", Level::CallClinic),
            ("fiebre", Level::CallClinic),
            ("adormecimiento", Level::CallClinic),
            ("debilidad", Level::Emergency),
            ("sangrado que no para", Level::CallClinic),
            ("desmay", Level::Emergency),
            ("molestia donde entraron", Level::Normal),
            ("moretón pequeño", Level::Normal),
            ("cansancio", Level::Normal),
        ],
        other => panic!("no sign words for {other}"),
    }
}

#[test]
fn every_warning_sign_belongs_to_one_step_of_what_to_do() {
    for library in support::editions().iter() {
        let locale = &library.locale;
        let steps = action_steps(library);
        assert!(
            steps.iter().any(|(id, ..)| *id == PageId::WARNING_SIGNS),
            "{locale}: the warning signs page says what to do"
        );
        let mut seen: Vec<(String, Level)> = Vec::new();
        // The steps other pages show through `WhatToDo` are the warning signs page's own.
        let mut steps = steps.clone();
        let mut shown = Vec::new();
        steps.retain(|(_, level, action, signs)| {
            let step = (*level, action.clone(), signs.clone());
            let new = !shown.contains(&step);
            shown.push(step);
            new
        });
        for (id, level, _, signs) in &steps {
            for sign in signs {
                let sign = sign.to_lowercase();
                assert!(
                    !seen.iter().any(|(other, _)| *other == sign),
                    "{locale} {id:?}: {sign:?} is listed twice"
                );
                seen.push((sign, *level));
            }
        }
        for (words, expected) in sign_words(locale) {
            let levels: Vec<Level> = seen
                .iter()
                .filter(|(sign, _)| sign.contains(words))
                .map(|(_, level)| *level)
                .collect();
            assert!(
                !levels.is_empty(),
                "{locale}: no step of what to do lists a sign with {words:?}"
            );
            assert!(
                levels.iter().all(|level| level == expected),
                "{locale}: signs with {words:?} lead to {levels:?}, not only {expected:?}"
            );
        }
    }
}

#[test]
fn the_page_opens_with_what_to_do_and_says_where_to_go_when_the_clinic_cannot_be_reached() {
    for library in support::editions().iter() {
        let locale = &library.locale;
        let warning = page(library, PageId::WARNING_SIGNS);
        let first = warning.sections.first().expect("a first section");
        assert!(
            first
                .parts
                .iter()
                .any(|part| matches!(part, Part::Actions(_))),
            "{locale}: the warning signs page does not open with what to do"
        );
        let (route, same_day): (&[&str], &str) = match locale.as_str() {
            "en" => (
                &[
                    "emergency room",
                    "after-hours",
                    "does not answer right away",
                    "call back",
                ],
                "now",
            ),
            _ => (
                &[
                    "sala de emergencias",
                    "fuera del horario",
                    "una persona no le contesta enseguida",
                    "que espere una llamada",
                ],
                "ahora mismo",
            ),
        };
        let middle: Vec<String> = action_steps(library)
            .into_iter()
            .filter(|(_, level, ..)| *level == Level::CallClinic)
            .map(|(_, _, action, _)| action.to_lowercase())
            .collect();
        assert!(
            !middle.is_empty(),
            "{locale}: no step says to call the clinic"
        );
        for action in middle {
            for words in route.iter().chain([&same_day]) {
                assert!(
                    action.contains(words),
                    "{locale}: the call-your-clinic step lacks {words:?}: {action:?}"
                );
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
        let warning = page(library, PageId::WARNING_SIGNS).plain_text();
        assert!(warning.contains(&library.ui.local_emergency_number));
    }
    for library in &mut editions {
        library.clinic.emergency_number = "112".into();
        let warning = page(library, PageId::WARNING_SIGNS).plain_text();
        assert!(warning.contains("112"), "{}", library.locale);
        assert!(
            !warning.contains(&library.ui.local_emergency_number),
            "{}: the local words stand in only when the clinic gives no number",
            library.locale
        );
    }
}

/// Where studies counted a side effect too, the source's figure never stands alone: wherever
/// its rate is read, what the studies counted follows; its card gives both, each under its own
/// name; and its picture is filled only up to the lowest of them.
#[test]
fn a_figure_that_studies_counted_otherwise_never_stands_alone() {
    for library in support::editions().iter() {
        let locale = &library.locale;
        let text = guide_text(library);
        let mut checked = 0;
        for effect in library
            .side_effects
            .iter()
            .filter(|e| !e.studies.is_empty())
        {
            let rate = library.rate_text(effect.rate.expect("a rate beside the studies"));
            let counts = library
                .study_counts_text(effect)
                .unwrap_or_else(|| panic!("{locale}: {}: studies that resolve", effect.id));
            let times = text.matches(rate.as_str()).count();
            assert!(times > 0, "{locale}: {rate}");
            // On the card, the clinic's figure is under the source's name.
            assert_eq!(
                text.matches(&format!("{}: {rate}", library.sources[0].name))
                    .count(),
                1,
                "{locale}: {rate}: one card"
            );
            // Everywhere else but the rare-risk scale's rows (where the studies have rows of
            // their own), running text: the studies' counts follow the rate.
            let card = format!("{}: {rate}", library.sources[0].name);
            let scale_row = format!("- {}: {rate}", library.plain(&effect.name));
            for line in text.lines().filter(|line| line.contains(rate.as_str())) {
                let line = line.trim_start();
                if line.starts_with(&card) || line.starts_with(&scale_row) {
                    continue;
                }
                assert!(
                    line.contains(&counts),
                    "{locale}: '{line}' without '{counts}'"
                );
            }
            let counts_now = library.study_counts(effect).unwrap();
            let risks = page(library, PageId::RISKS);
            let card = risks
                .sections
                .iter()
                .flat_map(|s| &s.parts)
                .find_map(|part| match part {
                    Part::Effect(card) if card.name == library.plain(&effect.name) => Some(card),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("{locale}: the card of {}", effect.id));
            assert_eq!(card.how_often.len(), 2, "{locale}: {}", effect.id);
            assert_eq!(
                card.how_often[1],
                (library.ui.in_studies.clone(), counts.clone())
            );
            if let Some(chart) = &card.chart {
                let sure = chart
                    .cells
                    .iter()
                    .filter(|cell| **cell == needle_guide::content::chart::Cell::Sure)
                    .count();
                assert!(
                    sure <= counts_now.low as usize,
                    "{locale}: {}: {sure} filled, the studies' lowest is {}",
                    effect.id,
                    counts_now.low
                );
                // Its key says whose numbers the icons are, and claims nothing of the empty
                // ones ("it does not happen in 30" is what no source says).
                let keys = &library.ui.charts.per_treatment;
                let said: Vec<&str> = chart
                    .legend
                    .iter()
                    .map(|(_, words)| words.as_str())
                    .collect();
                for (words, pattern) in
                    said.iter()
                        .zip([&keys.lowest, &keys.up_to_highest, &keys.the_rest])
                {
                    let (before, _) = pattern.split_once("{n}").expect("a count");
                    assert!(words.starts_with(before), "{locale}: {words:?}");
                }
            }
            checked += 1;
        }
        assert!(
            checked >= 2,
            "{locale}: pain during treatment and serious side effects"
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
        let risks = page(library, PageId::RISKS);
        for part in risks.sections.iter().flat_map(|s| &s.parts) {
            if let Part::Effect(effect) = part
                && !effect.how_often.is_empty()
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
            .page(PageId::QUESTIONS)
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
    assert_eq!(topics(english).len(), 7);
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
    let questions = page(&library, PageId::QUESTIONS).plain_text();
    assert!(!questions.contains(&library.ui.clinic_answer));
    library.clinic.answers.cost = "Each visit is $80.".into();
    let questions = page(&library, PageId::QUESTIONS).plain_text();
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
                "studies do not show that",
                "results differ from person to person",
                "other treatments can help",
                "you can say no",
            ],
        ),
        (
            "es",
            [
                "los estudios no muestran eso",
                "los resultados cambian de una persona a otra",
                "otros tratamientos pueden ayudar",
                "puede decir que no",
            ],
        ),
    ];
    let editions = support::editions();
    for (locale, phrases) in checks {
        let library = editions.iter().find(|l| l.locale == locale).unwrap();
        let about = page(library, PageId::ABOUT).plain_text().to_lowercase();
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
    let order: Vec<&str> = support::pages().iter().map(|page| page.id()).collect();
    assert_eq!(
        order,
        [
            "home",
            "about",
            "compare",
            "conditions",
            "benefits",
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
        let choices: Vec<PageId> = page(library, PageId::HOME)
            .sections
            .iter()
            .flat_map(|s| &s.parts)
            .filter_map(|part| match part {
                Part::Choices(choices) => Some(choices.iter().map(|c| c.page)),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(choices, support::pages()[1..], "{}", library.locale);
    }
}

/// Every file of an edition, as written (templates and sentences before rates fill them in).
fn edition_files(locale: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for folder in [
        format!("content/{locale}"),
        format!("content/{locale}/pages"),
    ] {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "ron") {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path.display().to_string(), text));
            }
        }
    }
    assert!(files.len() > 10, "{locale}: {files:?}");
    files
}

/// A count of one with a plural noun right after it, or one word after it: "1 pacientes",
/// "1 more treatments" (the plural of what is counted, from `ui.ron`'s `rates`).
fn one_with_a_plural(text: &str, plurals: &[&str]) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (0..words.len()).any(|at| {
        words[at] == "1"
            && words[at + 1..]
                .iter()
                .take(2)
                .any(|word| plurals.contains(&word.trim_end_matches(['.', ','])))
    })
}

#[test]
fn the_keys_of_the_pictures_agree_with_any_count_even_one() {
    for library in support::editions().iter() {
        let rates = &library.ui.rates;
        let plurals = [rates.treatments.as_str(), rates.patients.as_str()];
        let charts = &library.ui.charts;
        for key in [&charts.per_treatment, &charts.per_patient] {
            for pattern in [&key.sure, &key.maybe, &key.maybe_only, &key.unaffected] {
                for n in [1, 2, 10, 97] {
                    let said = pattern.replace("{n}", &n.to_string());
                    assert!(
                        !one_with_a_plural(&said, &plurals),
                        "{}: {said:?}",
                        library.locale
                    );
                    // "les pasa a {n}" is plural whatever {n} is: wrong for 1 of 100 patients.
                    if library.locale == "es" {
                        assert!(!said.contains("les "), "es: {said:?}");
                    }
                }
            }
        }
    }
    // The rule itself catches what the keys used to say.
    assert!(one_with_a_plural(
        "Con rayas: les puede pasar a 1 pacientes más",
        &["pacientes"]
    ));
    assert!(one_with_a_plural(
        "Striped: it may happen in 1 more treatments",
        &["treatments"]
    ));
    assert!(!one_with_a_plural(
        "Con relleno: pasa en 1 de cada 100 pacientes",
        &["pacientes"]
    ));
}

/// "les pasa a entre 1 y 3": no preposition before "entre"; and no plural "les" before a rate,
/// which a clinic's numbers can make 1 ("les pasa a 1 a 2 de cada 100 pacientes").
#[test]
fn spanish_never_puts_a_preposition_before_entre_nor_les_before_a_rate() {
    let editions = support::editions();
    let spanish = editions.iter().find(|l| l.locale == "es").unwrap();
    let mut texts = edition_files("es");
    texts.push(("the guide as shown".into(), guide_text(spanish)));
    for (name, text) in texts {
        let lower = text.to_lowercase();
        for wrong in [
            " a entre ",
            " en entre ",
            "les pasa a {rate:",
            "pasar a {rate:",
        ] {
            assert!(!lower.contains(wrong), "{name}: {wrong:?}");
        }
    }
}

#[test]
fn blood_thinners_slow_clotting_they_do_not_make_blood_liquid() {
    let editions = support::editions();
    let spanish = editions.iter().find(|l| l.locale == "es").unwrap();
    let text = guide_text(spanish).to_lowercase();
    for wrong in ["más líquida", "sangre líquida", "hace la sangre"] {
        assert!(!text.contains(wrong), "es: {wrong:?}");
    }
    let right = "para que la sangre no se coagule tan rápido";
    let before = page(spanish, PageId::BEFORE).plain_text().to_lowercase();
    assert!(before.contains(right), "es: the checklist lacks {right:?}");
    let tell = needle_guide::document::check_items(spanish)
        .into_iter()
        .find(|item| item.id == "tell-therapist")
        .unwrap();
    assert!(
        tell.choices
            .iter()
            .any(|choice| choice.right && choice.text.contains(right)),
        "es: {:?}",
        tell.choices
    );
}

/// The four items of the SURE test as validated (Légaré et al. 2010): each option, not dry
/// needling alone, and "benefits", which the guide's own words once turned into "good points".
#[test]
fn the_sure_questions_keep_the_validated_wording() {
    for library in support::editions().iter() {
        let expected: [&str; 4] = match library.locale.as_str() {
            "en" => [
                "Do you know the benefits and risks of each option?",
                "Are you clear about which benefits and risks matter most to you?",
                "Do you have enough support and advice to make a choice?",
                "Do you feel sure about the best choice for you?",
            ],
            _ => [
                "¿Conoce los beneficios y los riesgos de cada opción?",
                "¿Tiene claro qué beneficios y qué riesgos son más importantes para usted?",
                "¿Tiene suficiente apoyo y consejo para tomar una decisión?",
                "¿Se siente seguro/a de cuál es la mejor opción para usted?",
            ],
        };
        assert_eq!(library.ui.teach_back.sure, expected, "{}", library.locale);
    }
}

/// The first letter of a text, past an opening "¿" or "¡".
fn first_letter(text: &str) -> Option<char> {
    text.trim_start_matches(['¿', '¡', '"', '“']).chars().next()
}

#[test]
fn every_answer_of_the_check_starts_with_a_capital_or_a_number() {
    for library in support::editions().iter() {
        for item in needle_guide::document::check_items(library) {
            for choice in &item.choices {
                let first = first_letter(&choice.text);
                assert!(
                    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
                    "{} {}: {:?}",
                    library.locale,
                    item.id,
                    choice.text
                );
            }
        }
    }
}

/// A condition as a patient meets it: by the name they use, with the medical name beneath, and
/// with one line on what studies say that names a source of `sources.ron`, shown on its page.
#[test]
fn every_condition_has_its_common_name_and_a_sourced_line_on_what_studies_say() {
    for library in support::editions().iter() {
        let locale = &library.locale;
        for (_, condition) in library.conditions() {
            let id = &condition.id;
            assert!(!condition.name.trim().is_empty(), "{locale}: {id}");
            let evidence = &condition.evidence;
            assert!(!evidence.text.trim().is_empty(), "{locale}: {id}");
            let source = library
                .source(&evidence.source)
                .unwrap_or_else(|| panic!("{locale}: {id} cites '{}'", evidence.source));
            assert!(source.citation.is_some(), "{locale}: {}", source.id);

            let document =
                Document::for_route(library, &Route::Condition(id.as_str().into())).unwrap();
            assert_eq!(document.title, condition.name, "{locale}: {id}");
            assert_eq!(document.subtitle, condition.medical_name, "{locale}: {id}");
            let studies = document
                .sections
                .iter()
                .find(|section| section.heading.as_deref() == Some(library.ui.studies_say.as_str()))
                .unwrap_or_else(|| panic!("{locale}: {id} says nothing of studies"));
            // Each paragraph, and each source line on its own.
            let said: Vec<String> = studies
                .parts
                .iter()
                .flat_map(|part| match part {
                    Part::Paragraph(spans) => vec![joined(spans)],
                    Part::Contacts(contacts) => contacts
                        .iter()
                        .map(|c| format!("{}: {}", c.label, c.value))
                        .collect(),
                    _ => Vec::new(),
                })
                .collect();
            assert!(
                said.contains(&library.plain(&evidence.text)),
                "{locale}: {id}: {said:?}"
            );
            assert!(
                said.contains(&format!(
                    "{}: {}",
                    library.ui.source_label,
                    library.plain(&source.name)
                )),
                "{locale}: {id}: {said:?}"
            );

            // Its harms right after its benefits, in the same form: numbers, each with whose
            // number it is, and the way to the side effects page (IPDAS: equal care).
            let at = |heading: &str| {
                document
                    .sections
                    .iter()
                    .position(|section| section.heading.as_deref() == Some(heading))
            };
            let harms_at = at(&library.ui.condition_side_effects_heading)
                .unwrap_or_else(|| panic!("{locale}: {id} says nothing of side effects"));
            assert_eq!(
                Some(harms_at - 1),
                at(&library.ui.studies_say),
                "{locale}: {id}"
            );
            let harms = &document.sections[harms_at].parts;
            let words = harms
                .iter()
                .find_map(|part| match part {
                    Part::Paragraph(spans) => Some(joined(spans)),
                    _ => None,
                })
                .unwrap_or_default();
            let said_by = library.ui.rates.said_by.replace("{source}", "");
            assert!(
                words.matches(said_by.trim_end()).count() >= 2
                    && words.chars().any(|c| c.is_ascii_digit()),
                "{locale}: {id}: side effects without numbers and their source: {words:?}"
            );
            assert!(
                harms.iter().any(|part| matches!(
                    part,
                    Part::Choices(choices) if choices.iter().any(|c| c.page == PageId::RISKS)
                )),
                "{locale}: {id}: no way to the side effects page"
            );
        }
        // The conditions the review found under their Latin names lead with the everyday one.
        for (id, medical_word) in [
            ("lateral-epicondylitis", "epicond"),
            ("greater-trochanteric-bursitis", "troc"),
        ] {
            let (_, condition) = library.condition(id).unwrap();
            let folded = condition.name.to_lowercase();
            assert!(
                !folded.contains(medical_word),
                "{locale}: {}",
                condition.name
            );
            assert!(
                condition
                    .medical_name
                    .as_deref()
                    .is_some_and(|m| m.to_lowercase().contains(medical_word)),
                "{locale}: {id}"
            );
        }
    }
    // What studies say never promises.
    for library in support::editions().iter() {
        for (_, condition) in library.conditions() {
            let text = condition.evidence.text.to_lowercase();
            for promise in ["it works", "heal", "cure", "funciona", " cura"] {
                assert!(!text.contains(promise), "{}: {text}", condition.id);
            }
        }
    }
}

#[test]
fn a_line_on_studies_citing_no_source_is_a_problem() {
    let english = std::fs::read_to_string("content/en/conditions.ron").unwrap();
    let cited = "source: \"navarro-santana-2020\",";
    assert!(english.contains(cited));
    let unknown = english.replacen(cited, "source: \"nobody-1999\",", 1);
    let problems = Library::load("en", |path| {
        if path == "en/conditions.ron" {
            Some(std::borrow::Cow::Owned(unknown.clone().into_bytes()))
        } else {
            std::fs::read(format!("content/{path}"))
                .ok()
                .map(Into::into)
        }
    })
    .expect_err("a line on studies with an unknown source is refused");
    assert!(
        problems
            .to_string()
            .contains("names the source 'nobody-1999', which sources.ron does not have"),
        "{problems}"
    );

    let editions = support::editions();
    let mut changed = editions[1].clone();
    changed.regions[1].conditions[0].evidence.source = "chys-2023".into();
    assert!(
        check::locales_agree(&editions[0], &changed)
            .iter()
            .any(|problem| problem.file == "es/conditions.ron"),
        "a line on studies that rests on another source in Spanish is a problem"
    );
}

/// The Spanish editor's corrections: no "rodilla del corredor" for the iliotibial band (it means
/// another problem), "cuello rígido" rather than the narrower "tortícolis" for neck pain, and
/// the shin leads with "Dolor de espinilla" (review S7, S20, S21).
#[test]
fn the_spanish_condition_names_are_the_ones_patients_use() {
    let library = Library::embedded("es").unwrap();
    let names = |id: &str| -> Vec<String> {
        let (_, condition) = library.condition(id).unwrap();
        std::iter::once(&condition.name)
            .chain(&condition.medical_name)
            .chain(&condition.also_called)
            .map(|name| name.to_lowercase())
            .collect()
    };
    assert!(
        !names("itb-syndrome")
            .iter()
            .any(|name| name.contains("corredor"))
    );
    let neck = names("neck-pain");
    assert!(neck.contains(&"cuello rígido".to_owned()), "{neck:?}");
    assert!(!neck.iter().any(|name| name.contains("tortícolis")));
    let (_, shin) = library.condition("shin-splints").unwrap();
    assert_eq!(shin.name, "Dolor de espinilla");
    assert_eq!(
        shin.medical_name.as_deref(),
        Some("Síndrome de estrés tibial medial")
    );
}

fn claims(library: &Library) -> Vec<&Claim> {
    library
        .page(PageId::BENEFITS)
        .sections
        .iter()
        .flat_map(|section| &section.blocks)
        .filter_map(|block| match block {
            Block::Evidence(claims) => Some(claims),
            _ => None,
        })
        .flatten()
        .collect()
}

#[test]
fn every_claim_of_what_studies_found_names_a_source_that_exists() {
    for library in support::editions().iter() {
        let locale = &library.locale;
        let claims = claims(library);
        assert!(claims.len() >= 5, "{locale}: {} claims", claims.len());
        for claim in &claims {
            assert!(!claim.sources.is_empty(), "{locale}: {:?}", claim.text);
            for id in &claim.sources {
                let source = library
                    .source(id)
                    .unwrap_or_else(|| panic!("{locale}: no source {id:?}"));
                // Studies are cited as published: the full reference is on the sources page.
                assert!(source.citation.is_some(), "{locale}: {id} has no citation");
            }
        }
        // On screen, each statement carries the names of its sources.
        let document = page(library, PageId::BENEFITS);
        let shown: Vec<_> = document
            .sections
            .iter()
            .flat_map(|s| &s.parts)
            .filter_map(|part| match part {
                Part::Evidence(items) => Some(items),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(shown.len(), claims.len(), "{locale}");
        for (item, claim) in shown.iter().zip(&claims) {
            for id in &claim.sources {
                let name = &library.source(id).unwrap().name;
                assert!(
                    item.sources.value.contains(name.as_str()),
                    "{locale}: {:?} does not name {name:?}",
                    joined(&item.text)
                );
            }
        }
        // A number on this page is only ever in a statement that names its source.
        for section in &library.page(PageId::BENEFITS).sections {
            for block in &section.blocks {
                let texts: Vec<&String> = match block {
                    Block::Text(text) => vec![text],
                    Block::Bullets(items) => items.iter().collect(),
                    Block::Callout(callout) => vec![&callout.heading, &callout.text],
                    Block::Evidence(_) => vec![],
                    other => panic!("{locale}: unexpected block {other:?}"),
                };
                for text in texts {
                    assert!(
                        !text.chars().any(|c| c.is_ascii_digit()),
                        "{locale}: a number without its source: {text:?}"
                    );
                }
            }
        }
    }
    // The check refuses a statement whose source is not in sources.ron, or that names none.
    let english = std::fs::read_to_string("content/en/pages/benefits.ron").unwrap();
    for (broken, expected) in [
        (
            english.replacen("\"cotchett-2014\"", "\"cotchett-2041\"", 1),
            "the source 'cotchett-2041' is not in sources.ron",
        ),
        (
            english.replacen("sources: [\"who-2023\"]", "sources: []", 1),
            "names no source",
        ),
    ] {
        assert_ne!(broken, english);
        let problems = Library::load("en", |path| {
            if path == "en/pages/benefits.ron" {
                Some(std::borrow::Cow::Owned(broken.clone().into_bytes()))
            } else {
                std::fs::read(format!("content/{path}"))
                    .ok()
                    .map(Into::into)
            }
        })
        .expect_err("a statement without a known source is refused");
        assert!(problems.to_string().contains(expected), "{problems}");
    }
}

#[test]
fn what_studies_say_comes_before_the_side_effects() {
    for library in support::editions().iter() {
        let at = |page: PageId| library.page_ids().position(|p| p == page).unwrap();
        assert!(at(PageId::BENEFITS) < at(PageId::RISKS));
        assert!(at(PageId::BENEFITS) < at(PageId::BEFORE));
        assert_eq!(
            library.next_page(PageId::CONDITIONS),
            Some(PageId::BENEFITS)
        );
        let text = guide_text(library);
        let studies = text.find(&library.page(PageId::BENEFITS).title).unwrap();
        let risks = text.find(&library.page(PageId::RISKS).title).unwrap();
        assert!(studies < risks, "{}", library.locale);
    }
}

#[test]
fn the_about_pages_benefits_say_may_and_claim_no_healing() {
    let checks = [
        ("en", "What it is used for", "may", &["heal", "cure"][..]),
        (
            "es",
            "Para qué se usa",
            "puede",
            &["sana", "sane", "cura"][..],
        ),
    ];
    let editions = support::editions();
    for (locale, heading, may, healing) in checks {
        let library = editions.iter().find(|l| l.locale == locale).unwrap();
        let section = library
            .page(PageId::ABOUT)
            .sections
            .iter()
            .find(|section| section.heading.as_deref() == Some(heading))
            .unwrap_or_else(|| panic!("{locale}: no section {heading:?}"));
        let bullets: Vec<&String> = section
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Bullets(items) => Some(items),
                _ => None,
            })
            .flatten()
            .collect();
        assert!(bullets.len() >= 3, "{locale}: {bullets:?}");
        for bullet in bullets {
            let lower = bullet.to_lowercase();
            let words: Vec<&str> = lower.split(|c: char| !c.is_alphabetic()).collect();
            assert!(words.contains(&may), "{locale}: no {may:?} in {bullet:?}");
            for word in healing {
                assert!(!lower.contains(word), "{locale}: {word:?} in {bullet:?}");
            }
        }
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
            .page(PageId::WARNING_SIGNS)
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

/// The problems of the built-in edition in `locale` with one edit made to `file`, or none.
fn problems_with_edit(locale: &str, file: &str, from: &str, to: &str) -> Vec<String> {
    let original = std::fs::read_to_string(format!("content/{file}")).unwrap();
    assert!(original.contains(from), "{file} has no {from:?}");
    let edited = original.replacen(from, to, 1);
    match Library::load(locale, |path| {
        if path == file {
            Some(std::borrow::Cow::Owned(edited.clone().into_bytes()))
        } else {
            std::fs::read(format!("content/{path}"))
                .ok()
                .map(Into::into)
        }
    }) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
    }
}

/// A number pattern of ui.ron that changes its numbers is refused: each is put into words with
/// known numbers and read back (probe N5). Words for "1" and a moved "100" are fine.
#[test]
fn number_words_that_change_a_number_are_refused() {
    let refused = [
        (
            "en",
            "\"{low} to {high} out of every 100 {of}\"",
            "\"{low} to {high} out of every 1000 {of}\"",
            "'range' changes the numbers it is given: 37 and 48 out of every 100",
        ),
        (
            "en",
            "\"{low} to {high} out of every 100 {of}\"",
            "\"{high} to {low} out of every 100 {of}\"",
            "come out as \"48 to 37 out of every 100 treatments\"",
        ),
        (
            "en",
            "thousands_separator: \",\"",
            "thousands_separator: \"0\"",
            "'thousands_separator' is a digit (\"0\"): 200000 would read as 2000000",
        ),
        (
            "en",
            "one_in: \"1 in every {n} {of}\"",
            "one_in: \"2 in every {n} {of}\"",
            "'one_in' changes the numbers it is given",
        ),
        (
            "en",
            "about: \"about {count} out of every {per} {of}\"",
            "about: \"about {count} out of every {per}0 {of}\"",
            "'about' changes the numbers it is given",
        ),
        (
            "es",
            "fewer_than: \"menos de {value} de cada 100 {of}\"",
            "fewer_than: \"menos de {value} de cada ١٠٠ {of}\"",
            "'fewer_than' changes the numbers it is given",
        ),
        (
            "es",
            "sure: \"Con relleno: pasa en {n} de cada 100 tratamientos\"",
            "sure: \"Con relleno: pasa en {n} de cada 1000 tratamientos\"",
            "'sure' changes the numbers it is given: 37 out of every 100",
        ),
        (
            "en",
            "treatments: \"treatments\"",
            "treatments: \"100 treatments\"",
            "'range' changes the numbers it is given",
        ),
    ];
    for (locale, from, to, said) in refused {
        let file = format!("{locale}/ui.ron");
        let problems = problems_with_edit(locale, &file, from, to);
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("{file}:")) && p.contains(said)),
            "{to}: {problems:?}"
        );
    }
    for (from, to) in [
        ("\"1 in every {n} {of}\"", "\"one in every {n} {of}\""),
        (
            "\"{low} to {high} out of every 100 {of}\"",
            "\"out of every 100 {of}, {low} to {high}\"",
        ),
        (
            "thousands_separator: \",\"",
            "thousands_separator: \"\u{202f}\"",
        ),
    ] {
        let problems = problems_with_edit("en", "en/ui.ron", from, to);
        assert_eq!(problems, [] as [String; 0], "{to}");
    }
}

/// The rare-risk scale says a bound in the words of the text beside it: a ui.ron whose scale
/// says "3 or fewer" where the card says "fewer than 3" is refused (probe N21).
#[test]
fn the_scale_and_the_card_say_one_bound_one_way() {
    for library in support::editions().iter() {
        let (rates, charts) = (&library.ui.rates, &library.ui.charts);
        assert_eq!(charts.or_fewer, rates.fewer_than);
        assert_eq!(charts.or_fewer_one_in, rates.fewer_than_one_in);
        assert_eq!(
            charts.or_fewer_one_in_unstated,
            rates.fewer_than_one_in_unstated
        );
    }
    let problems = problems_with_edit(
        "en",
        "en/ui.ron",
        "or_fewer: \"fewer than {value} out of every 100 {of}\"",
        "or_fewer: \"{value} or fewer out of every 100 {of}\"",
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("'or_fewer' must be the words of rates' 'fewer_than'"),
        "{problems:?}"
    );
}

/// Values that parse but mean nothing are refused (probe N17): ids that are not lower case with
/// hyphens or are too long, a range of one number or of everything, a side effect without a
/// name, and a number with a decimal point, said as such.
#[test]
fn meaningless_values_are_refused() {
    let long = "a".repeat(check::MAX_ID_CHARS + 1);
    let cases = [
        (
            "en/side-effects.ron",
            "id: \"bruising\"",
            "id: \"Bruising\"".to_owned(),
            "the id 'Bruising' must be lower-case letters",
        ),
        (
            "en/glossary.ron",
            "id: \"pneumothorax\"",
            "id: \"../../etc/passwd\"".to_owned(),
            "the id '../../etc/passwd' must be lower-case",
        ),
        (
            "en/sources.ron",
            "id: \"clinic-sheet\"",
            "id: \"clinic sheet\"".to_owned(),
            "must be lower-case letters",
        ),
        (
            "en/conditions.ron",
            "id: \"sciatica\"",
            "id: \"ciática\"".to_owned(),
            "must be lower-case letters",
        ),
        (
            "en/side-effects.ron",
            "id: \"bruising\"",
            format!("id: \"{long}\""),
            "an id has 65 characters; an id may have at most 64",
        ),
        (
            "en/side-effects.ron",
            "low: 15, high: 20",
            "low: 15, high: 15".to_owned(),
            "low and high are both 15: a range needs two numbers",
        ),
        (
            "en/side-effects.ron",
            "low: 15, high: 20",
            "low: 0, high: 100".to_owned(),
            "a range of 0 to 100 out of every 100 says only",
        ),
        (
            "en/side-effects.ron",
            "name: \"Bleeding or bruising\"",
            "name: \" \"".to_owned(),
            "the side effect 'bruising' needs a name",
        ),
        (
            "en/side-effects.ron",
            "low: 15, high: 20",
            "low: 1.5, high: 20".to_owned(),
            "expected a whole number with no decimal point for 'low'",
        ),
    ];
    for (file, from, to, said) in cases {
        let problems = problems_with_edit("en", file, from, &to);
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("{file}:")) && p.contains(said)),
            "{to}: {problems:?}"
        );
    }
    for id in ["sore-muscle", "chen-2018", "a", "x1-2"] {
        assert_eq!(check::id_problem(id), None, "{id}");
    }
    for id in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é"] {
        assert!(check::id_problem(id).is_some(), "{id}");
    }
}

/// The warning signs' "get checked now" step, after its signs: its numbered steps, as read.
fn get_checked_steps(library: &Library) -> Vec<String> {
    steps_of(library, Level::CallClinic)
}

/// The numbered steps of the warning signs' step at `level`, as read.
fn steps_of(library: &Library, level: Level) -> Vec<String> {
    page(library, PageId::WARNING_SIGNS)
        .sections
        .iter()
        .flat_map(|section| &section.parts)
        .find_map(|part| match part {
            Part::Actions(items) => items
                .iter()
                .find(|item| item.level == level)
                .map(|item| item.steps.iter().map(|step| joined(step)).collect()),
            _ => None,
        })
        .expect("the warning signs page has a step at this level")
}

#[test]
fn getting_checked_is_numbered_steps_that_carry_the_clinics_own_numbers() {
    for library in support::editions().iter() {
        let (after_hours_words, wait_words) = match library.locale.as_str() {
            "en" => ("after-hours", "wait for a call back"),
            _ => ("fuera del horario", "que espere una llamada"),
        };
        let mut filled = library.clone();
        filled.clinic.phone = "555-0100".into();
        filled.clinic.after_hours_phone = "555-0199".into();
        filled.clinic.emergency_number = "555-0111".into();
        let steps = get_checked_steps(&filled);
        assert!(steps.len() >= 2, "{}: {steps:?}", library.locale);
        assert!(
            steps[0].contains("555-0100") && steps[0].contains("555-0199"),
            "{}: the first step does not give both of the clinic's numbers: {:?}",
            library.locale,
            steps[0]
        );
        assert!(
            steps[1].contains(wait_words),
            "{}: {steps:?}",
            library.locale
        );
        // Those who must not drive themselves to the emergency room are told to call for help.
        let to_the_emergency_room = steps_of(&filled, Level::EmergencyRoom);
        assert!(
            to_the_emergency_room
                .iter()
                .any(|step| step.contains("555-0111")),
            "{}: no step gives the emergency number: {to_the_emergency_room:?}",
            library.locale
        );

        // A clinic with no after-hours line: its phone alone, and no line it does not have.
        filled.clinic.after_hours_phone.clear();
        let steps = get_checked_steps(&filled);
        assert!(
            steps[0].contains("555-0100"),
            "{}: {steps:?}",
            library.locale
        );
        assert!(
            !steps[0].contains(after_hours_words),
            "{}: names an after-hours line the clinic does not have: {:?}",
            library.locale,
            steps[0]
        );

        // A guide not yet filled in still gives the whole route, in words.
        let steps = get_checked_steps(library);
        assert!(
            steps[0].contains(after_hours_words) && steps[1].contains(wait_words),
            "{}: {steps:?}",
            library.locale
        );
    }
}
