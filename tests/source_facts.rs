//! Every fact of the clinic's source document (`shared/source/dry-needling-source.txt`) is in the
//! English guide, worded as a patient reads it, and the source's mistakes are not.

mod support;

use needle_guide::content::Library;
use needle_guide::document::{Document, guide_text};
use needle_guide::route::{PageId, Route};

fn page_text(library: &Library, page: PageId) -> String {
    Document::for_route(library, &Route::Page(page))
        .unwrap()
        .plain_text()
        .to_lowercase()
}

/// Asserts that `text` holds every one of `needles` (lower case), naming the fact if not.
fn assert_has(text: &str, fact: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "missing {fact}: no {needle:?}");
    }
}

#[test]
fn every_rate_is_shown_with_its_denominator_on_the_right_side_effect() {
    let library = support::library();
    let rates = [
        (
            "pain-during",
            "pain",
            "60 to 70 out of every 100 treatments",
        ),
        ("bruising", "bruis", "15 to 20 out of every 100 treatments"),
        ("drowsiness", "dizzy", "1 to 3 out of every 100 patients"),
        (
            "worse-symptoms",
            "worse",
            "fewer than 3 out of every 100 patients",
        ),
        (
            "serious",
            "serious",
            "fewer than 1 in every 10,000 treatments",
        ),
        ("organ-damage", "organ", "1 in 200,000"),
    ];
    let risks = page_text(&library, PageId::Risks);
    for (id, name_word, words) in rates {
        let effect = library
            .side_effect(id)
            .unwrap_or_else(|| panic!("no side effect '{id}'"));
        assert!(
            effect.name.to_lowercase().contains(name_word),
            "{id} is named {:?}",
            effect.name
        );
        let rate = effect.rate.unwrap_or_else(|| panic!("{id} has no rate"));
        assert_eq!(library.rate_text(rate), words, "{id}");
        assert!(
            risks.contains(words),
            "the risks page does not show {words:?}"
        );
    }
}

#[test]
fn side_effects_without_numbers_are_described() {
    let library = support::library();
    let risks = page_text(&library, PageId::Risks);
    assert_has(&risks, "bruising is normal", &["bruise", "normal"]);
    assert_has(
        &risks,
        "drowsiness and driving",
        &["drowsy", "tired", "dizzy", "do not drive"],
    );
    assert_has(
        &risks,
        "worse symptoms are not necessarily bad",
        &["not always a bad sign"],
    );
    assert_has(
        &risks,
        "fainting in the head or neck",
        &["faint", "head or neck"],
    );
    assert_has(&risks, "dry needling is very safe", &["very safe"]);
    assert_has(
        &risks,
        "pneumothorax",
        &["collapsed lung", "most common", "serious", "chest wall"],
    );
    assert_has(
        &risks,
        "nerve and vessel damage",
        &[
            "nerve",
            "blood vessel",
            "pain",
            "numbness",
            "tingling",
            "very rare",
            "usually does not last",
        ],
    );
    assert_has(&risks, "organ damage", &["organ", "extremely rare"]);
}

#[test]
fn the_warning_signs_page_has_all_six_signs_their_timing_and_what_to_do() {
    let library = support::library();
    let page = page_text(&library, PageId::WarningSigns);
    assert_has(
        &page,
        "what a pneumothorax is",
        &["collapsed lung", "pneumothorax"],
    );
    assert_has(
        &page,
        "the six signs",
        &[
            "shortness of breath when you are active",
            "breathing faster",
            "chest pain",
            "dry cough",
            "bluish",
            "sweating a lot",
        ],
    );
    assert_has(
        &page,
        "signs can start hours later",
        &["after your visit", "several hours"],
    );
    assert_has(
        &page,
        "what to do",
        &[
            "call your physical therapist or doctor right away",
            "emergency",
        ],
    );
    let clinic = &library.clinic;
    for number in [&clinic.phone, &clinic.urgent_phone]
        .into_iter()
        .filter(|n| !n.is_empty())
    {
        assert!(
            page.contains(number.as_str()),
            "the clinic's number {number} is missing"
        );
    }
}

#[test]
fn who_should_not_be_needled() {
    let library = support::library();
    let page = page_text(&library, PageId::Before);
    assert_has(
        &page,
        "pregnancy, first trimester",
        &["pregnant", "first trimester", "first three months"],
    );
    assert_has(&page, "bleeding disorders", &["bleeding disorder"]);
    assert_has(
        &page,
        "local infection",
        &["infection near or around the area"],
    );
}

#[test]
fn what_dry_needling_is_and_is_not() {
    let library = support::library();
    let page = page_text(&library, PageId::About);
    assert_has(
        &page,
        "where the needles go",
        &[
            "thin needles",
            "filiform",
            "trigger points",
            "myofascial",
            "tendons",
            "ligaments",
            "nerves",
            "fascia",
            "connective tissue",
        ],
    );
    assert_has(
        &page,
        "its aims",
        &["healing response", "pain signals", "move better", "daily"],
    );
    assert_has(
        &page,
        "what it is not",
        &[
            "not acupuncture",
            "oriental medicine",
            "qi",
            "meridians",
            "disease",
            "modern",
            "science",
        ],
    );
    assert_has(&page, "who does it", &["physical therapist", "training"]);
    let compare = page_text(&library, PageId::Compare);
    assert_has(
        &compare,
        "the comparison",
        &[
            "dry needling",
            "acupuncture",
            "qi",
            "meridians",
            "modern science",
        ],
    );
}

#[test]
fn every_condition_of_the_source_is_listed_once_in_its_region() {
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
    for (id, region, words) in expected {
        let (found_region, condition) = library
            .condition(id)
            .unwrap_or_else(|| panic!("no condition '{id}'"));
        assert_eq!(found_region.id, region, "{id}");
        let names =
            format!("{} {}", condition.name, condition.also_called.join(" ")).to_lowercase();
        assert!(names.contains(words), "{id}: {names}");
    }
    assert_eq!(
        library.conditions().count(),
        expected.len(),
        "a condition not in the source was added"
    );
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
