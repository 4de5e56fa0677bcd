//! Every fact of the clinic's source document (`shared/source/dry-needling-source.txt`) is in the
//! English guide, worded as a patient reads it, and the source's mistakes are not.
//!
//! Each fact is looked for in its place in the page's `Document`: a rate on its own side effect's
//! card, a warning sign as its own list item, a row of the comparison under its own topic. Within
//! that place a fact is a sentence that holds every one of its phrases as whole words, and no
//! negating word ("not", "no", "never", "-n't", ...) outside them: "Chest pain." states a sign,
//! "No chest pain." and "Chest pains are rare." do not.

mod support;

use needle_guide::content::model::Level;
use needle_guide::content::{Library, Span};
use needle_guide::document::{Document, Effect, Part, RegionGroup, guide_text, joined};
use needle_guide::route::{PageId, Route};

/// A fact as the guide words it: each entry is the phrases one sentence must hold.
type Claims<'a> = &'a [&'a [&'a str]];

fn document(library: &Library, page: PageId) -> Document {
    Document::for_route(library, &Route::Page(page)).unwrap()
}

/// Lower-case words: runs of letters, digits and apostrophes, so "10,000" is "10" "000" in the
/// text and in a phrase alike.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('\u{2019}', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|word| word.trim_matches('\''))
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Sentences, split after `.`, `!` or `?` that end a word.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        let ends = matches!(c, '.' | '!' | '?')
            && chars
                .peek()
                .is_none_or(|next| next.is_whitespace() || matches!(next, '"' | ')'));
        if ends {
            out.push(std::mem::take(&mut current).trim().to_owned());
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_owned());
    }
    out
}

fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not" | "no" | "never" | "nor" | "none" | "nothing" | "neither" | "without" | "cannot"
    ) || word.ends_with("n't")
}

/// Whether one sentence holds every phrase as whole words, and no negation outside them.
fn sentence_states(sentence: &str, phrases: &[&str]) -> bool {
    let sentence = words(sentence);
    let mut covered = vec![false; sentence.len()];
    for phrase in phrases {
        let phrase = words(phrase);
        assert!(!phrase.is_empty(), "an empty phrase");
        let starts: Vec<usize> = sentence
            .windows(phrase.len())
            .enumerate()
            .filter(|(_, window)| *window == phrase.as_slice())
            .map(|(start, _)| start)
            .collect();
        if starts.is_empty() {
            return false;
        }
        for start in starts {
            covered[start..start + phrase.len()].fill(true);
        }
    }
    !sentence
        .iter()
        .zip(&covered)
        .any(|(word, covered)| !covered && is_negation(word))
}

/// Whether some sentence of `text` states the phrases.
fn states(text: &str, phrases: &[&str]) -> bool {
    sentences(text)
        .iter()
        .any(|sentence| sentence_states(sentence, phrases))
}

/// Whether `text` states every claim, each in a sentence of its own or shared.
fn states_all(text: &str, claims: Claims) -> bool {
    claims.iter().all(|phrases| states(text, phrases))
}

/// Asserts that `text` states every claim of `fact`, showing the text if not.
fn assert_states(text: &str, fact: &str, claims: Claims) {
    for phrases in claims {
        assert!(
            states(text, phrases),
            "{fact}: no sentence says {phrases:?} (without a negation) in:\n{text}"
        );
    }
}

/// The prose of a part, one string per paragraph, list item, callout or table cell.
fn prose(part: &Part) -> Vec<String> {
    match part {
        Part::Paragraph(spans) => vec![joined(spans)],
        Part::Bullets(items) | Part::Steps(items) => {
            items.iter().map(|item| joined(item)).collect()
        }
        Part::Checklist { items, briefs } => items
            .iter()
            .chain(briefs)
            .map(|item| joined(item))
            .collect(),
        Part::Callout { heading, body, .. } => vec![heading.clone(), joined(body)],
        Part::Compare { rows, .. } => rows
            .iter()
            .flat_map(|row| [&row.topic, &row.left, &row.right])
            .map(|spans| joined(spans))
            .collect(),
        Part::Effect(effect) => effect_text(effect),
        _ => Vec::new(),
    }
}

/// A side effect's card: its name, how often, what it means, and its chart's words.
fn effect_text(effect: &Effect) -> Vec<String> {
    let mut out = vec![effect.name.clone()];
    out.extend(effect.how_often.iter().map(|(_, rate)| rate.clone()));
    out.push(joined(&effect.body));
    if let Some(chart) = &effect.chart {
        out.push(joined(&chart.sentence));
        out.extend(chart.legend.iter().map(|(_, words)| words.clone()));
    }
    out
}

fn parts(document: &Document) -> impl Iterator<Item = &Part> {
    document.sections.iter().flat_map(|section| &section.parts)
}

/// Asserts that one paragraph, list item or callout of the page states every claim of `fact`.
fn assert_page_states(document: &Document, fact: &str, claims: Claims) {
    let mut texts = vec![joined(&document.lead)];
    texts.extend(parts(document).flat_map(prose));
    assert!(
        texts.iter().any(|text| states_all(text, claims)),
        "{}: no paragraph or item states {fact}: {claims:?}",
        document.title
    );
}

/// The card of side effect `id` on a page, found by the name the content gives it.
fn effect_card<'a>(library: &Library, document: &'a Document, id: &str) -> &'a Effect {
    let effect = library
        .side_effect(id)
        .unwrap_or_else(|| panic!("no side effect '{id}'"));
    let name = library.plain(&effect.name);
    let cards: Vec<&Effect> = parts(document)
        .filter_map(|part| match part {
            Part::Effect(card) if card.name == name => Some(card),
            _ => None,
        })
        .collect();
    assert_eq!(cards.len(), 1, "{}: cards named {name:?}", document.title);
    cards[0]
}

/// The items of the first list of `kind` on a page (`Bullets`, `Checklist` or `Steps`), and the
/// section's heading and paragraphs before it.
fn first_list(
    document: &Document,
    pick: fn(&Part) -> Option<&Vec<Vec<Span>>>,
) -> (Option<&str>, Vec<String>, Vec<String>) {
    for section in &document.sections {
        let mut before = Vec::new();
        for part in &section.parts {
            if let Some(items) = pick(part) {
                let items = items.iter().map(|item| joined(item)).collect();
                return (section.heading.as_deref(), before, items);
            }
            if let Part::Paragraph(spans) = part {
                before.push(joined(spans));
            }
        }
    }
    panic!("{}: no such list", document.title)
}

fn bullets(part: &Part) -> Option<&Vec<Vec<Span>>> {
    match part {
        Part::Bullets(items) => Some(items),
        _ => None,
    }
}

/// Asserts that each fact is stated by exactly one item, and each item states exactly one fact.
fn assert_one_item_each(items: &[String], what: &str, facts: &[(&str, Claims)]) {
    assert_eq!(
        items.len(),
        facts.len(),
        "{what}: one item for each fact: {items:#?}"
    );
    for (fact, claims) in facts {
        let stating: Vec<&String> = items
            .iter()
            .filter(|item| states_all(item, claims))
            .collect();
        assert_eq!(
            stating.len(),
            1,
            "{what}: {fact} ({claims:?}) should be one item of its own; stated by {stating:?} \
             among {items:#?}"
        );
    }
    for item in items {
        let facts: Vec<&str> = facts
            .iter()
            .filter(|(_, claims)| states_all(item, claims))
            .map(|(fact, _)| *fact)
            .collect();
        assert_eq!(facts.len(), 1, "{what}: {item:?} states {facts:?}");
    }
}

#[test]
fn the_fact_checks_tell_a_negated_or_reworded_sentence() {
    assert!(states("Chest pain.", &["chest pain"]));
    assert!(!states("No chest pain.", &["chest pain"]));
    assert!(!states("Chest pains are rare.", &["chest pain"]));
    assert!(states(
        "It is very rare, and it usually does not last.",
        &["very rare", "usually does not last"]
    ));
    assert!(!states("It is not very rare.", &["very rare"]));
    assert!(!states("This isn't normal.", &["this is normal"]));
    // Whole words only: "qi" is not found in "quick" or "Iraqi".
    assert!(!states("A quick Iraqi meal.", &["qi"]));
    assert!(states("Energy, called Qi, flows.", &["called qi"]));
    // The phrases of one claim must share a sentence.
    assert!(!states("A bruise. It is normal.", &["bruise", "normal"]));
    assert_eq!(
        sentences("In the US, call 911. This is an emergency! Now? Yes"),
        [
            "In the US, call 911.",
            "This is an emergency!",
            "Now?",
            "Yes"
        ]
    );
}

/// For each rated side effect of the source: its id, words its name holds, and its rate.
const RATES: [(&str, &str, &str); 6] = [
    (
        "pain-during",
        "pain during",
        "60 to 70 out of every 100 treatments",
    ),
    (
        "bruising",
        "bleeding or bruising",
        "15 to 20 out of every 100 treatments",
    ),
    (
        "drowsiness",
        "drowsy, tired or dizzy",
        "1 to 3 out of every 100 patients",
    ),
    (
        "worse-symptoms",
        "gets worse",
        "fewer than 3 out of every 100 patients",
    ),
    (
        "serious",
        "serious side effects",
        "fewer than 1 in every 10,000 treatments",
    ),
    (
        "organ-damage",
        "organ",
        "1 in 200,000 (not said if of treatments or patients)",
    ),
];

/// The rates the rare-risk scale draws as a bound with a short arrow toward rarer, and how its row
/// says them: "fewer than" the bound, as the text does (never "or fewer", which reads two ways).
const SCALE_BOUNDS: [(&str, &str); 2] = [
    ("worse-symptoms", "fewer than 3 out of every 100 patients"),
    ("serious", "fewer than 1 in every 10,000 treatments"),
];

#[test]
fn every_rate_is_shown_with_its_denominator_on_the_right_side_effect() {
    let library = support::library();
    let risks = document(&library, PageId::RISKS);
    let rows: Vec<_> = parts(&risks)
        .filter_map(|part| match part {
            Part::RiskScale { rows, .. } => Some(rows),
            _ => None,
        })
        .flatten()
        .collect();
    let scale: Vec<(String, String)> = rows
        .iter()
        .filter(|row| !row.study)
        .map(|row| (row.name.clone(), row.words.clone()))
        .collect();
    assert_eq!(scale.len(), RATES.len(), "the risk scale: {scale:?}");
    // Under the clinic's figures for pain during treatment and for serious side effects, the
    // studies' figures for the same, drawn apart.
    let studies: Vec<(&str, &str)> = rows
        .iter()
        .filter(|row| row.study)
        .map(|row| (row.name.as_str(), row.words.as_str()))
        .collect();
    assert_eq!(
        studies,
        [
            (
                "Pain during treatment, in a study of 7,629 treatments in Ireland",
                "about 3 out of every 100 treatments"
            ),
            (
                "Pain during treatment, in a survey of 20,464 treatments in the United States",
                "about 6 out of every 100 treatments"
            ),
            (
                "Serious side effects, in a study of 7,629 treatments in Ireland",
                "none seen (at most 4 out of every 10,000 treatments)"
            ),
            (
                "\"Major\" side effects (20 in all), in a survey of 20,464 treatments in the United States",
                "about 10 out of every 10,000 treatments"
            ),
        ],
        "the studies' rows on the risk scale"
    );
    for (id, name_words, words) in RATES {
        let effect = library.side_effect(id).unwrap();
        let rate = effect.rate.unwrap_or_else(|| panic!("{id} has no rate"));
        assert_eq!(library.rate_text(rate), words, "{id}");

        let card = effect_card(&library, &risks, id);
        assert!(
            sentence_states(&card.name, &[name_words]),
            "{id} is named {:?}",
            card.name
        );
        // Under "How often", or under its source's name where studies counted it too.
        let (_, card_words) = card.how_often.first().expect("the card's 'how often'");
        assert_eq!(card_words, words, "{id}: the card's 'how often'");
        if let Some(chart) = &card.chart {
            let numbers: Vec<&str> = chart
                .sentence
                .iter()
                .filter(|span| matches!(span, Span::Number(_)))
                .map(Span::text)
                .collect();
            assert_eq!(numbers, [words], "{id}: the chart's sentence");
        }
        let on_scale = SCALE_BOUNDS
            .iter()
            .find(|(bound, _)| *bound == id)
            .map_or(words, |(_, said)| *said);
        assert!(
            scale.contains(&(card.name.clone(), on_scale.to_owned())),
            "{id}: the risk scale has no row {:?}: {on_scale:?}; it has {scale:?}",
            card.name
        );
        // No other card shows this rate.
        for part in parts(&risks) {
            if let Part::Effect(other) = part
                && other.name != card.name
            {
                assert!(
                    !effect_text(other).iter().any(|text| text.contains(words)),
                    "{words:?}, the rate of {id}, is on the card {:?}",
                    other.name
                );
            }
        }
    }
}

/// Words that name each rated side effect where its rate is told in running text.
const TOPICS: [(&str, &[&str]); 6] = [
    ("pain-during", &["pain while the needles are in"]),
    ("bruising", &["bruise", "bruising"]),
    ("drowsiness", &["drowsy, tired or dizzy"]),
    ("worse-symptoms", &["get worse"]),
    ("serious", &["serious side effects"]),
    ("organ-damage", &["organ"]),
];

#[test]
fn every_rate_in_running_text_is_told_beside_its_side_effect() {
    let library = support::library();
    let mut told = 0;
    for page in support::pages() {
        let document = document(&library, page);
        let mut spans_of_parts: Vec<&[Span]> = vec![&document.lead];
        for part in parts(&document) {
            match part {
                Part::Paragraph(spans) => spans_of_parts.push(spans),
                Part::Bullets(items) | Part::Steps(items) => {
                    spans_of_parts.extend(items.iter().map(Vec::as_slice))
                }
                Part::Checklist { items, briefs } => {
                    spans_of_parts.extend(items.iter().chain(briefs).map(Vec::as_slice))
                }
                Part::Callout { body, .. } => spans_of_parts.push(body),
                Part::Effect(effect) => {
                    spans_of_parts.push(&effect.body);
                    spans_of_parts.extend(effect.chart.iter().map(|c| c.sentence.as_slice()));
                }
                _ => {}
            }
        }
        for spans in spans_of_parts {
            let text = joined(spans);
            let sentences = sentences(&text);
            let emergency = library.emergency_number();
            for number in spans
                .iter()
                .filter(|span| matches!(span, Span::Number(_)) && span.text() != emergency)
            {
                let number = number.text();
                let effects: Vec<&str> = library
                    .side_effects
                    .iter()
                    .filter(|e| e.rate.is_some_and(|rate| library.rate_text(rate) == number))
                    .map(|e| e.id.as_str())
                    .collect();
                let [id] = effects[..] else {
                    panic!("{page:?}: {number:?} is the rate of {effects:?}")
                };
                let (_, topics) = TOPICS.iter().find(|(topic, _)| *topic == id).unwrap();
                // The side effect is named in the sentence with its rate, or the one before it
                // ("Some people feel drowsy. This happens to ...").
                let at = sentences
                    .iter()
                    .position(|sentence| sentence.contains(number))
                    .unwrap();
                let nearby = &sentences[at.saturating_sub(1)..=at];
                assert!(
                    nearby.iter().any(|sentence| topics
                        .iter()
                        .any(|topic| sentence_states(sentence, &[topic]))),
                    "{page:?}: {number:?}, the rate of {id}, is told beside none of {topics:?}: \
                     {text:?}"
                );
                told += 1;
            }
        }
    }
    assert!(told >= 15, "only {told} rates in running text");
}

#[test]
fn side_effects_without_numbers_are_described_on_their_own_cards() {
    let library = support::library();
    let risks = document(&library, PageId::RISKS);
    let cards: [(&str, &str, Claims); 9] = [
        (
            "pain-during",
            "pain during treatment is temporary",
            &[
                &["pain while the needles are in"],
                &["soreness usually lasts a day or two"],
            ],
        ),
        ("bruising", "bruising is normal", &[&["this is normal"]]),
        (
            "drowsiness",
            "drowsiness and driving",
            &[&["drowsy, tired or dizzy"], &["do not drive"]],
        ),
        (
            "worse-symptoms",
            "worse symptoms are not necessarily bad",
            &[
                &["may get worse after treatment"],
                &["not always a bad sign"],
            ],
        ),
        (
            "fainting",
            "fainting in the head or neck",
            &[&["faint", "head or neck"]],
        ),
        (
            "serious",
            // The sheet's "very safe" sells: the guide gives the fact without it.
            "serious side effects can occur, rarely",
            &[&["serious side effects can happen"], &["they are rare"]],
        ),
        (
            "pneumothorax",
            "pneumothorax is the most common serious side effect, and can show hours later",
            &[
                &["collapsed lung", "most common of the serious side effects"],
                &["signs can start hours after your visit"],
            ],
        ),
        (
            "nerve-vessel",
            "nerve and vessel damage",
            &[
                &["harm a nerve or a blood vessel"],
                &["pain, numbness or tingling"],
                &["very rare", "usually does not last"],
            ],
        ),
        (
            "organ-damage",
            "organ damage",
            &[&["harmed an organ inside the body"], &["extremely rare"]],
        ),
    ];
    for (id, fact, claims) in cards {
        let card = effect_card(&library, &risks, id);
        assert_states(&joined(&card.body), fact, claims);
    }
}

#[test]
fn the_warning_signs_page_has_all_six_signs_their_timing_and_what_to_do() {
    let library = support::library();
    let page = document(&library, PageId::WARNING_SIGNS);
    assert_page_states(
        &page,
        "what a pneumothorax is",
        &[
            &["most common serious side effect", "collapsed lung"],
            &["medical name for it is pneumothorax"],
        ],
    );
    assert_page_states(
        &page,
        "signs can start hours later",
        &[&["do not start until after your visit"], &["several hours"]],
    );

    // The sheet's six signs, each a step's sign. The sheet says to contact the physical therapist
    // or a physician at once; five lead to an emergency room, where a chest X-ray can be taken,
    // and a bluish colour (blue or gray lips or skin) is an emergency, as a clinician would send
    // them.
    let steps: Vec<(Level, String, Vec<String>)> = parts(&page)
        .filter_map(|part| match part {
            Part::Actions(items) => Some(items),
            _ => None,
        })
        .flatten()
        .map(|item| {
            let signs = item.signs.iter().map(|sign| joined(sign)).collect();
            (item.level, item.what_to_do(), signs)
        })
        .collect();
    let signs_of = |level: Level| -> Vec<String> {
        steps
            .iter()
            .filter(|(at, ..)| *at == level)
            .flat_map(|(_, _, signs)| signs.clone())
            .collect()
    };
    let sheet_signs: [(&str, Level, Claims); 6] = [
        (
            "shortness of breath on exertion",
            Level::EmergencyRoom,
            &[&["shortness of breath", "when you are active"]],
        ),
        (
            "increased breathing rate",
            Level::EmergencyRoom,
            &[&["breathing faster than normal"]],
        ),
        ("chest pain", Level::Emergency, &[&["chest pain"]]),
        ("a dry cough", Level::EmergencyRoom, &[&["a dry cough"]]),
        (
            "bluish discoloration of the skin",
            Level::Emergency,
            &[&["blue or gray", "skin"]],
        ),
        (
            "excessive sweating",
            Level::EmergencyRoom,
            &[&["sweating a lot"]],
        ),
    ];
    for (sign, level, claims) in sheet_signs {
        let signs = signs_of(level);
        assert!(
            signs.iter().any(|said| states_all(said, claims)),
            "the sheet's sign {sign} is not among the {level:?} signs {signs:#?}"
        );
    }
    let action = |level: Level| -> String {
        steps
            .iter()
            .find(|(at, ..)| *at == level)
            .map(|(_, action, _)| action.clone())
            .unwrap_or_default()
    };
    assert!(
        states_all(
            &action(Level::CallClinic),
            &[&["call your clinic now"], &["do not wait"]]
        ),
        "contact your physical therapist immediately: {steps:#?}"
    );
    assert!(
        states_all(
            &action(Level::EmergencyRoom),
            &[&["go to an emergency room now"], &["do not wait"]]
        ),
        "a physician at once, for the signs of a collapsed lung: {steps:#?}"
    );
    assert!(
        states_all(
            &action(Level::Emergency),
            &[&["call your local emergency number now"]]
        ),
        "an emergency number for severe trouble: {steps:#?}"
    );
    assert!(
        signs_of(Level::Emergency).iter().any(|sign| {
            states_all(
                sign,
                &[&[
                    "trouble breathing when you sit still",
                    "cannot say a whole sentence",
                ]],
            )
        }),
        "trouble breathing at rest is an emergency"
    );

    let contacts: Vec<&str> = parts(&page)
        .filter_map(|part| match part {
            Part::Contacts(contacts) => Some(contacts),
            _ => None,
        })
        .flatten()
        .map(|contact| contact.value.as_str())
        .collect();
    let clinic = &library.clinic;
    for number in [&clinic.phone, &clinic.after_hours_phone]
        .into_iter()
        .filter(|n| !n.is_empty())
    {
        assert!(
            contacts.contains(&number.as_str()),
            "the clinic's number {number} is not among the contacts {contacts:?}"
        );
    }
}

#[test]
fn who_should_not_be_needled() {
    let library = support::library();
    let page = document(&library, PageId::BEFORE);
    let (_, before, items) = first_list(&page, |part| match part {
        Part::Checklist { items, .. } => Some(items),
        _ => None,
    });
    assert!(
        before
            .iter()
            .any(|text| states(text, &["tell your therapist before treatment if you"])),
        "the checklist's lead: {before:?}"
    );
    // The sheet's three reasons not to needle, each an item of its own; the other items are
    // things to tell the therapist, not reasons.
    let reasons: Vec<String> = items
        .iter()
        .filter(|item| states(item, &["advises no dry needling"]))
        .cloned()
        .collect();
    for tell in [
        &["medicine that makes you bleed more easily", "blood thinner"][..],
        &["other health problems"],
    ] {
        assert!(
            items.iter().any(|item| states(item, tell)),
            "the checklist asks about {tell:?}: {items:#?}"
        );
    }
    assert_one_item_each(
        &reasons,
        "who should not be needled",
        &[
            (
                "pregnancy, first trimester",
                &[
                    &["are pregnant"],
                    &["no dry needling in the first trimester"],
                    &["first three months of pregnancy"],
                ],
            ),
            (
                "bleeding disorders",
                &[
                    &["have a bleeding disorder"],
                    &["no dry needling if you have one"],
                ],
            ),
            (
                "local infection",
                &[
                    &["infection near or around the area to be treated"],
                    &["no dry needling there"],
                ],
            ),
        ],
    );
    // Where room is short (the handout), each item in brief still says what the clinic advises,
    // and that a blood thinner is not to be stopped without the doctor.
    let Some(Part::Checklist { items, briefs }) =
        parts(&page).find(|part| matches!(part, Part::Checklist { .. }))
    else {
        unreachable!("the checklist was found above")
    };
    for (item, brief) in items
        .iter()
        .zip(briefs)
        .map(|(i, b)| (joined(i), joined(b)))
    {
        for must in [&["advises no dry needling"][..], &["do not stop"]] {
            if states(&item, must) {
                assert!(states(&brief, must), "{item:?} in brief: {brief:?}");
            }
        }
    }
}

#[test]
fn what_dry_needling_is_and_is_not() {
    let library = support::library();
    let page = document(&library, PageId::ABOUT);
    assert_page_states(
        &page,
        // The sheet's "skilled intervention"; the clinic's own training is for the patient to ask.
        "who does it",
        &[
            &["done by a physical therapist"],
            &["takes special training"],
            &["ask your therapist what training they have had"],
        ],
    );
    assert_page_states(
        &page,
        "thin filiform needles",
        &[
            &["very thin needles through your skin"],
            &["filiform needles"],
        ],
    );

    let (heading, _, places) = first_list(&page, bullets);
    assert!(
        heading.is_some_and(|heading| sentence_states(heading, &["where the needles go"])),
        "the places' heading: {heading:?}"
    );
    assert_one_item_each(
        &places,
        "where the needles go",
        &[
            (
                "myofascial trigger points",
                &[
                    &["trigger points"],
                    &["tight, painful knots in a muscle"],
                    &["myofascial trigger points"],
                ],
            ),
            ("tendons", &[&["tendons"]]),
            ("ligaments", &[&["ligaments"]]),
            (
                "fascia and connective tissue",
                &[&["fascia", "connective tissue"]],
            ),
            ("near nerves", &[&["close to nerves"]]),
        ],
    );

    assert_page_states(
        &page,
        "a healing response in painful musculoskeletal conditions",
        &[
            &["painful problems in muscles, bones and joints"],
            &["musculoskeletal problems"],
            &["healing response"],
        ],
    );
    let aims: [(&str, Claims); 5] = [
        (
            "release trigger points and tissues",
            &[&["loosen tight trigger points, muscles and connective tissue"]],
        ),
        (
            "treat dysfunction of muscle, fascia and connective tissue",
            &[&["may ease problems in muscles, fascia and connective tissue"]],
        ),
        ("diminish nociceptive input", &[&["calm pain signals"]]),
        (
            "restore body structure and function",
            &[&["may help parts of your body work better"]],
        ),
        (
            "improved activity and participation",
            &[&["move better", "daily tasks", "take part"]],
        ),
    ];
    for (fact, claims) in aims {
        assert_page_states(&page, fact, claims);
    }

    let not: [(&str, Claims); 3] = [
        // The clinic's view, and the other one (review P2).
        (
            "not acupuncture",
            &[
                &["your clinic sees dry needling and acupuncture as different treatments"],
                &["some experts see dry needling as a kind of acupuncture"],
            ],
        ),
        (
            "not Oriental medicine",
            &[&["not part of oriental medicine"]],
        ),
        (
            "acupuncture alters the flow of Qi along meridians to treat disease",
            &[
                &[
                    "acupuncture aims to change the flow of energy",
                    "called qi",
                    "called meridians",
                ],
                &["to treat disease"],
                &["dry needling does not try to do this"],
            ],
        ),
    ];
    for (fact, claims) in not {
        assert_page_states(&page, fact, claims);
    }
}

#[test]
fn the_comparison_puts_each_fact_in_its_own_row_and_column() {
    let library = support::library();
    let page = document(&library, PageId::COMPARE);
    let compares: Vec<_> = parts(&page)
        .filter_map(|part| match part {
            Part::Compare { left, right, rows } => Some((left, right, rows)),
            _ => None,
        })
        .collect();
    let [(left, right, rows)] = compares[..] else {
        panic!("one comparison table, not {}", compares.len())
    };
    assert_eq!(
        (left.as_str(), right.as_str()),
        ("Dry needling", "Acupuncture")
    );
    let expected: [(&str, Claims, Claims); 4] = [
        // Idea against idea, and theory against theory (review P1, P3).
        (
            "where the idea comes from",
            &[&["ideas from western medicine", "muscles, nerves and pain"]],
            &[&[
                "ideas from traditional chinese medicine",
                "oriental medicine",
            ]],
        ),
        (
            "how it is thought to work",
            &[&[
                "thought to relax tight spots in muscles",
                "calm pain signals",
            ]],
            &[&["thought to change the flow of energy", "called qi"]],
        ),
        (
            "what it is used for",
            &[&["painful problems in muscles, bones and joints"]],
            &[&["pain and many other health problems"]],
        ),
        (
            "where the needles go",
            &[&["trigger points", "tendons", "ligaments", "close to nerves"]],
            &[&["along meridians"], &["tender spots in muscles", "ashi"]],
        ),
    ];
    for (topic, dry_needling, acupuncture) in expected {
        let row = rows
            .iter()
            .find(|row| words(&joined(&row.topic)) == words(topic))
            .unwrap_or_else(|| panic!("no row {topic:?}"));
        assert_states(
            &joined(&row.left),
            &format!("{topic}: dry needling"),
            dry_needling,
        );
        assert_states(
            &joined(&row.right),
            &format!("{topic}: acupuncture"),
            acupuncture,
        );
    }
}

#[test]
fn every_condition_of_the_source_is_listed_in_its_region() {
    let library = support::library();
    let expected = [
        ("headaches-migraines", "head", "migraine"),
        ("neck-pain", "neck", "neck pain"),
        ("lateral-epicondylitis", "elbow", "tennis elbow"),
        ("medial-epicondylitis", "elbow", "golfer's elbow"),
        ("shoulder-impingement", "shoulder", "impingement"),
        ("low-back-pain", "low-back", "low back pain"),
        ("itb-syndrome", "thigh", "itb"),
        ("piriformis-syndrome", "hip-buttock", "piriformis"),
        ("sciatica", "low-back", "sciatica"),
        ("greater-trochanteric-bursitis", "hip-buttock", "bursitis"),
        ("hamstring-strain", "thigh", "hamstring"),
        ("groin-strain", "thigh", "groin"),
        ("ankle-sprain", "ankle-foot", "ankle sprain"),
        ("plantar-fasciitis", "ankle-foot", "plantar fasciitis"),
        ("carpal-tunnel-syndrome", "wrist-hand", "carpal tunnel"),
        ("fibromyalgia", "whole-body", "fibromyalgia"),
        ("osteoarthritis", "whole-body", "osteoarthritis"),
        // Named in the source's first paragraph.
        ("knee-pain", "knee", "knee pain"),
        ("shin-splints", "shin", "shin splints"),
    ];
    let conditions_page = document(&library, PageId::CONDITIONS);
    let index: Vec<_> = parts(&conditions_page)
        .filter_map(|part| match part {
            Part::ConditionIndex { regions, .. } => Some(regions),
            _ => None,
        })
        .flatten()
        .collect();
    for (id, region, name_words) in expected {
        let (found_region, condition) = library
            .condition(id)
            .unwrap_or_else(|| panic!("no condition '{id}'"));
        assert_eq!(found_region.id, region, "{id}");
        let names: Vec<&String> = std::iter::once(&condition.name)
            .chain(&condition.medical_name)
            .chain(&condition.also_called)
            .collect();
        assert!(
            names
                .iter()
                .any(|name| sentence_states(name, &[name_words])),
            "{id}: {names:?}"
        );
        // The conditions page lists it under its region, and under any region that also
        // lists it (groin strain under the hip too: the front of the hip is the groin).
        let expected_regions: Vec<&str> = library
            .regions
            .iter()
            .filter(|r| r.id == region || r.also_lists.iter().any(|also| also == id))
            .map(|r| r.id.as_str())
            .collect();
        let listed = listed_under(&index, id);
        assert_eq!(
            listed, expected_regions,
            "{id}: the conditions page lists it under"
        );
    }
    assert_eq!(
        listed_under(&index, "groin-strain"),
        ["hip-buttock", "thigh"],
        "groin strain is found from the front of the hip and from the thigh"
    );
    // Beyond the source: one condition, for the upper back, where needling is common and the
    // sheet lists nothing (docs/content.md records it).
    let added: Vec<&str> = library
        .conditions()
        .map(|(_, condition)| condition.id.as_str())
        .filter(|id| !expected.iter().any(|(known, _, _)| known == id))
        .collect();
    assert_eq!(
        added,
        ["upper-back-pain"],
        "a condition not in the source was added"
    );
}

fn listed_under<'a>(index: &[&'a RegionGroup], id: &str) -> Vec<&'a str> {
    let route = Route::Condition(id.into());
    index
        .iter()
        .filter(|group| group.conditions.iter().any(|link| link.route == route))
        .map(|group| group.id.as_str())
        .collect()
}

#[test]
fn the_source_mistakes_are_gone() {
    let library = support::library();
    let text = guide_text(&library).to_lowercase();
    for wrong in [
        "brusing",
        "fascitis",
        "all patients",
        "will benefit",
        "tx)",
        "ankle sprain plantar",
    ] {
        assert!(!text.contains(wrong), "the guide still says {wrong:?}");
    }
}
