//! The take-home handout: it carries every safety fact in both languages, saves without ever
//! overwriting, reports what happened, and is a PDF of at most two pages.

mod support;

use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use needle_guide::content::Library;
use needle_guide::content::ids::ConditionId;
use needle_guide::content::model::{Block, Clinic};
use needle_guide::handout::{
    self, HandoutOptions, NoOpener, OpenError, Opener, Outcome, save, save_and_open,
};
use needle_guide::route::PageId;

fn library(locale: &str) -> Library {
    Library::embedded(locale).unwrap_or_else(|problems| panic!("{problems}"))
}

fn no_conditions() -> HandoutOptions {
    HandoutOptions::default()
}

/// A fresh folder under the temporary folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        let path = std::env::temp_dir().join(format!(
            "needle-guide-test-{name}-{}-{}-{nanos}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&path).unwrap();
        Scratch(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// One thing to tell the therapist before treatment, read straight from the before page's
/// checklist, not through the handout's own code: whole, and in brief (the whole where the
/// content gives no brief).
struct ToTell {
    whole: String,
    brief: String,
}

impl ToTell {
    /// Whether a handout's text tells it, whole or in brief, in its own line or run together
    /// with others (where its first letter is in lower case and its full stop gone).
    fn told_in(&self, said: &str) -> bool {
        self.told_whole_in(said) || said.contains(core(&self.brief))
    }

    fn told_whole_in(&self, said: &str) -> bool {
        said.contains(core(&self.whole))
    }
}

/// A list item's words as they are in its own line and run together with others: without its
/// first letter (in lower case when run together) and its full stop.
fn core(item: &str) -> &str {
    let mut letters = item.chars();
    letters.next();
    letters.as_str().trim_end_matches('.')
}

fn things_to_tell(library: &Library) -> Vec<ToTell> {
    let items = library
        .page(PageId::BEFORE)
        .sections
        .iter()
        .flat_map(|section| &section.blocks)
        .find_map(|block| match block {
            Block::Checklist(items) => Some(items),
            _ => None,
        })
        .expect("the before page has its checklist");
    items
        .iter()
        .map(|item| ToTell {
            whole: library.plain(&item.text),
            brief: library.plain(item.in_brief()),
        })
        .collect()
}

/// The handout's text in reading order, as its pieces say it, and the PDF printed from it.
fn printed(library: &Library, options: &HandoutOptions) -> handout::Printed {
    handout::print(library, options).unwrap_or_else(|error| panic!("{error}"))
}

fn text(library: &Library, options: &HandoutOptions) -> String {
    printed(library, options).sheet.text()
}

fn assert_has(page: &str, text: &str, what: &str) {
    assert!(
        page.contains(text),
        "{what} missing from the handout: {text:?}"
    );
}

#[test]
fn every_safety_fact_is_on_the_handout_in_both_languages() {
    for locale in ["en", "es"] {
        let library = library(locale);
        let printed = printed(&library, &no_conditions());
        let page = printed.sheet.text();
        assert_eq!(printed.sheet.lang, locale);
        assert!(
            contains(&printed.pdf, format!("/Lang({locale})").as_bytes()),
            "{locale}: the PDF says its language"
        );
        assert_has(&page, &library.ui.handout.title, "the title");

        let actions = library
            .page(PageId::WARNING_SIGNS)
            .sections
            .iter()
            .flat_map(|section| &section.blocks)
            .find_map(|block| match block {
                Block::Actions(steps) => Some(steps),
                _ => None,
            })
            .expect("the warning signs say what to do");
        assert_eq!(
            actions.len(),
            4,
            "{locale}: normal, call the clinic, go to an emergency room, emergency"
        );
        for step in actions {
            for sign in &step.signs {
                assert_has(&page, &library.plain(sign), "a warning sign");
            }
            assert_has(&page, &library.plain(&step.action), "what to do");
        }
        assert_has(&page, library.emergency_number(), "the emergency number");

        // Each side effect with a number is in the table. Those without one (a collapsed lung
        // among them) are named under it, whatever else is given up to fit two pages.
        let mut rates = 0;
        for effect in &library.side_effects {
            assert_has(&page, &library.plain(&effect.name), "a side effect");
            rates += usize::from(effect.rate.is_some());
        }
        assert!(rates >= 6, "{locale}: {rates} rates");

        // The three reasons not to needle, and the other things to tell the therapist.
        let to_tell = things_to_tell(&library);
        assert_eq!(to_tell.len(), 13, "{locale}");
        // All of them where there is room; where there is not, the list gives up its last
        // items first, so the reasons not to be needled (its first three) stay, and the
        // handout says how many it left out.
        let whole = handout::sheet(&library, &no_conditions(), &handout::Cuts::none()).text();
        for item in &to_tell {
            assert_has(&whole, &item.whole, "a thing to tell the therapist");
        }
        assert_has(
            &whole,
            &library.ui.handout.who_should_not,
            "the checklist's lead",
        );
        // Where there is less room, items are given in brief, and only then does the list give
        // up its last items.
        let kept = to_tell
            .iter()
            .take_while(|item| item.told_in(&page))
            .count();
        assert!(
            to_tell[kept..].iter().all(|item| !item.told_in(&page)),
            "{locale}: the list keeps its first items"
        );
        assert!(kept >= 3, "{locale}: the reasons not to be needled stay");
        // How many are left out, in the words for one where it is one.
        let fewer = to_tell.len() - kept;
        let words = &library.ui.handout;
        let said = if fewer == 1 {
            &words.checklist_left_out_last
        } else {
            &words.checklist_left_out
        }
        .replace("{n}", &fewer.to_string())
        .replace("{total}", &to_tell.len().to_string());
        assert_eq!(
            fewer > 0,
            printed.left_out.contains(&said),
            "{locale}: said, when left out: {said}"
        );
        assert_eq!(
            to_tell.iter().any(|item| !item.told_whole_in(&page)),
            printed
                .left_out
                .contains(&library.ui.handout.checklist_details_left_out),
            "{locale}: said, when in brief"
        );

        // The built-in clinic is no real clinic: no number, so the patient is told whom to call.
        assert_eq!(
            library.clinic.missing(),
            ["emergency_number", "phone"],
            "the built-in clinic.ron names no number"
        );
        assert_has(
            &page,
            &library.ui.consult.call_your_clinic,
            "'call your clinic', with no phone number",
        );
        assert!(
            !page.contains("{rate:") && !page.contains("](") && !page.contains('{'),
            "{locale}: markup leaked"
        );
    }
}

/// Whether `bytes` holds `part`.
fn contains(bytes: &[u8], part: &[u8]) -> bool {
    bytes.windows(part.len()).any(|window| window == part)
}

#[test]
fn each_side_effects_number_is_in_a_table_with_its_source_and_picture() {
    for locale in ["en", "es"] {
        let library = library(locale);
        let printed = printed(&library, &no_conditions());
        // The whole sheet, before anything is given up to keep to two pages.
        let whole = handout::sheet(&library, &no_conditions(), &handout::Cuts::none());
        let pieces = &whole.pieces;
        let at = pieces
            .iter()
            .position(|piece| matches!(piece, handout::Piece::Effects { .. }))
            .unwrap_or_else(|| panic!("{locale}: a table of side effects"));
        let handout::Piece::Effects { headings, rows, .. } = &pieces[at] else {
            unreachable!()
        };
        assert_eq!(headings[0], library.ui.handout.effect_column);
        assert_eq!(headings[1], library.ui.how_often);
        let rated: Vec<_> = library
            .side_effects
            .iter()
            .filter(|effect| effect.rate.is_some())
            .collect();
        assert_eq!(rows.len(), rated.len(), "{locale}: a row for each number");
        for (row, effect) in rows.iter().zip(&rated) {
            assert_eq!(row.name, library.plain(&effect.name));
            let how_often: String = row.how_often.iter().map(|run| run.text.as_str()).collect();
            assert!(!how_often.trim().is_empty(), "{locale}: {}", row.name);
        }
        // The common ones (rates out of 100) have their picture; the rare ones do not.
        let pictured = rows.iter().filter(|row| row.chart.is_some()).count();
        assert!(pictured >= 4, "{locale}: {pictured} pictures");
        // Under the table, why a side effect has two numbers, the key to the pictures and where
        // every number comes from.
        let after: Vec<String> = pieces[at + 1..at + 4].iter().map(|p| p.text()).collect();
        assert_eq!(after[0], library.ui.handout.two_numbers);
        assert_eq!(after[1], library.ui.handout.picture_key);
        for effect in &rated {
            for source in library.effect_sources(effect) {
                assert!(after[2].contains(&source.name), "{locale}: {}", source.name);
            }
        }
        // The pictures are drawn as vectors, one icon for each of the 100, unless the printed
        // handout says it left them out.
        if printed
            .left_out
            .contains(&library.ui.handout.pictures_left_out)
        {
            continue;
        }
        let icons: Vec<_> = printed
            .laid
            .pages
            .iter()
            .flatten()
            .filter_map(|placed| match &placed.mark {
                handout::Mark::Icons { cells, .. } => Some(cells.len()),
                _ => None,
            })
            .collect();
        assert_eq!(icons, vec![100; pictured], "{locale}");
    }
}

#[test]
fn the_handout_says_where_a_needle_can_reach_a_lung() {
    for locale in ["en", "es"] {
        let library = library(locale);
        let page = text(&library, &no_conditions());
        let (heading, summary) = library
            .page(PageId::WARNING_SIGNS)
            .sections
            .iter()
            .find_map(|section| {
                section.blocks.iter().find_map(|block| match block {
                    Block::LungAreas(areas) => Some((section.heading.clone(), &areas.summary)),
                    _ => None,
                })
            })
            .unwrap_or_else(|| panic!("{locale}: the warning signs show where the lungs lie"));
        // After what to do.
        let last_step = library
            .page(PageId::WARNING_SIGNS)
            .sections
            .iter()
            .flat_map(|section| &section.blocks)
            .find_map(|block| match block {
                Block::Actions(steps) => steps.last().map(|step| library.plain(&step.action)),
                _ => None,
            })
            .unwrap();
        let line = page
            .find(&library.plain(summary))
            .unwrap_or_else(|| panic!("{locale}: no line on where the lungs lie"));
        assert!(page.find(&last_step).unwrap() < line, "{locale}");
        let heading = heading.expect("a heading");
        assert!(
            page[..line].rfind(heading.trim_end_matches('.')).is_some(),
            "{locale}: the section's heading"
        );
    }
}

#[test]
fn the_english_and_spanish_handouts_differ_only_in_words() {
    let kinds = |locale: &str, last| -> Vec<String> {
        handout::sheet(
            &library(locale),
            &no_conditions(),
            &handout::Cuts::up_to(last),
        )
        .pieces
        .iter()
        .map(|piece| {
            format!("{piece:?}")
                .split(['(', ' ', '{'])
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
    };
    let mut shorten = Some(handout::Shorten::Whole);
    while let Some(level) = shorten {
        assert_eq!(
            kinds("en", level),
            kinds("es", level),
            "{level:?}: both languages build the same structure"
        );
        shorten = level.next();
    }
}

#[test]
fn only_the_ticked_conditions_are_named() {
    let library = library("en");
    let plain = text(&library, &no_conditions());
    assert!(!plain.contains(&library.ui.handout.your_conditions));

    let all: Vec<_> = library.conditions().map(|(_, c)| c.clone()).collect();
    let ticked = [&all[0], &all[all.len() - 1]];
    let options = HandoutOptions {
        conditions: ticked
            .iter()
            .map(|c| c.id.as_str().into())
            .chain(["no-such-condition".into()])
            .collect(),
        ..HandoutOptions::default()
    };
    // Where there is room, with what studies say: the sheet before it is fitted to two pages.
    let whole = handout::sheet(&library, &options, &handout::Cuts::none()).text();
    let fitted = printed(&library, &options);
    for page in [&whole, &fitted.sheet.text()] {
        assert_has(
            page,
            &library.ui.handout.your_conditions,
            "the conditions heading",
        );
        for condition in ticked {
            assert_has(page, &condition.name, "a ticked condition");
        }
    }
    for condition in ticked {
        // By the name a patient uses, the medical name beside it, and what studies say with its
        // source.
        if let Some(medical) = &condition.medical_name {
            assert_has(&whole, medical, "a ticked condition's medical name");
        }
        let evidence = library.plain(&condition.evidence.text);
        assert_has(&whole, &evidence, "what studies say for a ticked condition");
        let source = library.source(&condition.evidence.source).unwrap();
        assert_has(&whole, &library.plain(&source.name), "its source");
        // Printed whole; or in brief, saying the full wording is left out; or by name, with
        // the line that findings differ, saying what studies found is left out.
        let fitted_text = fitted.sheet.text();
        let handout_words = &library.ui.handout;
        let whole = fitted_text.contains(&evidence);
        let brief = fitted_text.contains(&library.plain(&condition.evidence.brief))
            && fitted.left_out.contains(&handout_words.evidence_in_brief);
        let by_name = fitted_text.contains(&handout_words.findings_differ)
            && fitted.left_out.contains(&handout_words.evidence_left_out);
        assert!(whole || brief || by_name, "{}", condition.name);
    }
    let page = fitted.sheet.text();
    assert!(
        ticked
            .iter()
            .any(|condition| condition.medical_name.is_some()),
        "a ticked condition with a medical name is checked"
    );
    let mut checked = 0;
    for condition in &all[1..all.len() - 1] {
        // Skip names that the handout's other text happens to contain.
        if plain.contains(&condition.name) {
            continue;
        }
        assert!(
            !page.contains(&condition.name),
            "{} is not ticked",
            condition.name
        );
        checked += 1;
    }
    assert!(
        checked >= 10,
        "only {checked} unticked conditions could be checked"
    );
}

#[test]
fn past_the_limit_conditions_are_given_what_studies_found_in_brief_then_by_name() {
    for locale in ["en", "es"] {
        let library = library(locale);
        let all: Vec<_> = library.conditions().map(|(_, c)| c.clone()).collect();
        assert!(all.len() > handout::MAX_DESCRIBED);
        let options = HandoutOptions {
            conditions: all.iter().map(|c| c.id.as_str().into()).collect(),
            ..HandoutOptions::default()
        };
        let page = handout::sheet(&library, &options, &handout::Cuts::none()).text();
        let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let page = flat(&page);
        // Each condition named once, with what studies found in brief and its source's
        // authors and year; those whose findings are the same, named together.
        let mut briefs: Vec<&str> = Vec::new();
        for condition in &all {
            assert_has(&page, &condition.name, "a ticked condition");
            let brief = library.plain(&condition.evidence.brief);
            assert_eq!(page.matches(&brief).count(), 1, "{locale}: {brief}");
            assert!(
                !page.contains(&library.plain(&condition.evidence.text)),
                "{locale}: {}",
                condition.name
            );
            let source = library.source(&condition.evidence.source).unwrap();
            let year = source
                .name
                .rsplit(' ')
                .next()
                .unwrap()
                .trim_end_matches(')');
            assert!(page.contains(year), "{locale}: {}", source.name);
            if !briefs.contains(&condition.evidence.brief.as_str()) {
                briefs.push(&condition.evidence.brief);
            }
        }
        assert!(briefs.len() < all.len(), "{locale}: some are grouped");
        assert!(!page.contains(&library.ui.handout.findings_differ));

        // By name only, a line says findings differ, and no brief is left.
        let by_name = flat(
            &handout::sheet(
                &library,
                &options,
                &handout::Cuts::up_to(handout::Shorten::ConditionsByName),
            )
            .text(),
        );
        assert!(by_name.contains(&flat(&library.ui.handout.findings_differ)));
        for condition in &all {
            assert_has(&by_name, &condition.name, "a ticked condition");
            assert!(!by_name.contains(&library.plain(&condition.evidence.brief)));
        }
    }
}

/// The contact box's fields: (label, value or `None` for a line to write on).
fn contact_fields(printed: &handout::Printed) -> Vec<(String, Option<String>)> {
    printed.sheet.contacts()
}

#[test]
fn a_clinic_without_numbers_tells_the_patient_to_call_their_clinic() {
    for locale in ["en", "es"] {
        let mut library = library(locale);
        let call = library.ui.consult.call_your_clinic.clone();
        library.clinic = Clinic::default();
        let handout = printed(&library, &no_conditions());
        assert!(handout.sheet.text().contains(&call), "{locale}");
        // Staff are told to write the numbers in; and whether needles went near a lung is
        // explained, as on every handout.
        let staff = &library.ui.handout.staff_fill_in;
        assert!(handout.sheet.text().contains(staff.as_str()), "{locale}");
        let means = &library.ui.handout.near_lungs_today_means;
        assert!(handout.sheet.text().contains(means.as_str()), "{locale}");
        let mut numbered = library.clone();
        numbered.clinic.phone = "555-0100".into();
        numbered.clinic.after_hours_phone = "555-0199".into();
        numbered.clinic.emergency_number = "911".into();
        let page = text(&numbered, &no_conditions());
        assert!(
            !page.contains(staff.as_str()),
            "{locale}: every number given"
        );
        assert!(page.contains(means.as_str()), "{locale}");
        assert_eq!(
            handout.sheet.given_by, None,
            "{locale}: no 'from' line without a name"
        );
        // Lines to write the name and the phone in by hand (tests/clinic_ready.rs), but none for
        // a web address.
        let fields = contact_fields(&handout);
        for label in [&library.ui.clinic_name, &library.ui.clinic_phone] {
            assert!(
                fields.contains(&(label.clone(), None)),
                "{locale}: {label}: {fields:?}"
            );
        }
        assert!(
            !fields
                .iter()
                .any(|(label, _)| label == &library.ui.clinic_web),
            "{locale}"
        );

        // An urgent number alone is enough to call.
        library.clinic.after_hours_phone = "+34 600 000 000".into();
        let page = text(&library, &no_conditions());
        assert!(!page.contains(&call), "{locale}");
        assert!(page.contains("+34 600 000 000"));

        // A web address alone is not.
        library.clinic = Clinic {
            name: "Clínica Sol".into(),
            web: "sol.example".into(),
            ..Clinic::default()
        };
        let handout = printed(&library, &no_conditions());
        assert!(handout.sheet.text().contains(&call), "{locale}");
        assert!(handout.sheet.text().contains("sol.example"));
        assert!(
            handout
                .sheet
                .given_by
                .as_deref()
                .unwrap()
                .contains("Clínica Sol")
        );
    }
}

#[test]
fn hostile_clinic_details_still_fit_and_are_said_to_be_left_out() {
    let long_name = "Physio ".repeat(600) + "Clinic";
    assert!(long_name.len() > 4000);
    for locale in ["en", "es"] {
        for (what, name) in [
            ("long", long_name.clone()),
            ("right-to-left", "מרפאת פיזיותרפיה السلام".to_owned()),
            ("one long word", "x".repeat(4000)),
        ] {
            let mut library = library(locale);
            library.clinic.name = name.clone();
            library.clinic.phone = "555 0100".into();
            library.clinic.after_hours_phone = "٠١٢٣ 555".into();
            let ids: Vec<ConditionId> = library
                .conditions()
                .map(|(_, c)| c.id.as_str().into())
                .collect();
            let handout = printed(
                &library,
                &HandoutOptions {
                    conditions: ids,
                    ..HandoutOptions::default()
                },
            );
            assert!(
                handout.pages <= handout::MAX_PAGES
                    && handout.laid.take_home_pages() == handout.pages,
                "{locale}, {what}: {} pages",
                handout.pages
            );
            assert_eq!(count_pages(&handout.pdf), handout.pages, "{locale}, {what}");
            let fields = contact_fields(&handout);
            // The name as printed: under the title ("From …"), or, where it cannot be printed,
            // a line in the clinic's box to write it on.
            let shown = match &handout.sheet.given_by {
                Some(given_by) => {
                    let (before, after) =
                        library.ui.handout.given_by.split_once("{clinic}").unwrap();
                    let name = given_by.strip_prefix(before).unwrap();
                    Some(name.strip_suffix(after).unwrap().to_owned())
                }
                None => {
                    assert_eq!(fields[0], (library.ui.clinic_name.clone(), None));
                    None
                }
            };
            let said = handout.sheet.text();
            let note = library
                .ui
                .handout
                .left_out
                .split("{what}")
                .next()
                .unwrap()
                .to_owned();
            assert!(
                said.contains(&note),
                "{locale}, {what}: says what is left out"
            );
            match &shown {
                // Letters the font lacks: a line to write it on, and said so.
                None => {
                    assert!(
                        handout
                            .left_out
                            .iter()
                            .any(|left| left.contains(&library.ui.clinic_name)),
                        "{locale}, {what}: {:?}",
                        handout.left_out
                    );
                }
                // Cut at a space (never inside a word), with "…", and said so.
                Some(shown) => {
                    let kept = shown.strip_suffix('…').expect("ends with …");
                    assert!(name.starts_with(kept), "{locale}, {what}");
                    if what == "long" {
                        assert!(
                            name[kept.len()..].starts_with(' '),
                            "{locale}: cut inside a word"
                        );
                    }
                    assert!(
                        handout
                            .left_out
                            .iter()
                            .any(|left| left.contains(&library.ui.clinic_name)),
                        "{locale}, {what}"
                    );
                }
            }
            // The after-hours phone in Arabic digits cannot be printed either: its line is left.
            assert!(
                fields.contains(&(library.ui.clinic_after_hours_phone.clone(), None)),
                "{locale}, {what}"
            );
            // Every mark stays on the page.
            for page in &handout.laid.pages {
                for placed in page {
                    if let handout::Mark::Text { x, .. } = placed.mark {
                        assert!((0.0..handout::WIDTH).contains(&x), "{locale}, {what}");
                    }
                }
            }
        }
    }
}

#[test]
fn saving_twice_with_the_same_stamp_keeps_both_files() {
    let scratch = Scratch::new("save");
    let library = library("en");
    let first = save(&library, &no_conditions(), &scratch.0, "20261127-0930").unwrap();
    assert_eq!(
        first.file_name().unwrap(),
        "needle-guide-handout-en-20261127-0930.pdf"
    );
    let before = std::fs::read(&first).unwrap();
    // The same handout makes the same bytes: no date or path is written into it.
    assert_eq!(before, printed(&library, &no_conditions()).pdf);

    let options = HandoutOptions {
        conditions: vec![library.conditions().next().unwrap().1.id.as_str().into()],
        ..HandoutOptions::default()
    };
    let second = save(&library, &options, &scratch.0, "20261127-0930").unwrap();
    let third = save(&library, &options, &scratch.0, "20261127-0930").unwrap();
    assert_eq!(
        second.file_name().unwrap(),
        "needle-guide-handout-en-20261127-0930-2.pdf"
    );
    assert_eq!(
        third.file_name().unwrap(),
        "needle-guide-handout-en-20261127-0930-3.pdf"
    );
    assert_eq!(
        std::fs::read(&first).unwrap(),
        before,
        "the first file is unchanged"
    );
    assert_ne!(std::fs::read(&second).unwrap(), before);
    assert_eq!(std::fs::read_dir(&scratch.0).unwrap().count(), 3);
}

/// Remembers what it was asked to open.
#[derive(Default)]
struct Recorder(RefCell<Vec<PathBuf>>);

impl Opener for Recorder {
    fn open(&self, path: &Path) -> Result<(), OpenError> {
        self.0.borrow_mut().push(path.to_owned());
        Ok(())
    }
}

#[test]
fn save_and_open_reports_what_happened() {
    let scratch = Scratch::new("open");
    let library = library("es");
    let recorder = Recorder::default();
    let outcome = save_and_open(
        &library,
        &no_conditions(),
        &scratch.0,
        "20260101-000000",
        &recorder,
    );
    let Outcome::Sent(path) = &outcome else {
        panic!("{outcome:?}");
    };
    assert!(path.is_file());
    assert!(path.starts_with(&scratch.0));
    assert_eq!(recorder.0.borrow().as_slice(), std::slice::from_ref(path));
    let said = handout::message(&library, &outcome);
    assert!(said.contains(&path.display().to_string()), "{said}");
    assert!(!said.contains("{path}"));

    let outcome = save_and_open(
        &library,
        &no_conditions(),
        &scratch.0,
        "20260101-000000",
        &NoOpener,
    );
    let Outcome::SavedOnly(second) = &outcome else {
        panic!("{outcome:?}");
    };
    assert!(second.is_file() && second != path);
    assert_eq!(
        handout::message(&library, &outcome),
        library
            .ui
            .handout
            .saved_only
            .replace("{path}", &second.display().to_string())
    );

    // A folder under a regular file can never be written to, even by root.
    let file = scratch.0.join("a-file");
    std::fs::write(&file, "x").unwrap();
    let recorder = Recorder::default();
    let outcome = save_and_open(
        &library,
        &no_conditions(),
        &file.join("sub"),
        "x",
        &recorder,
    );
    let Outcome::Failed(error) = &outcome else {
        panic!("{outcome:?}");
    };
    assert!(recorder.0.borrow().is_empty(), "nothing to open");
    let said = handout::message(&library, &outcome);
    assert!(
        said.contains(&error.to_string()) && !said.contains("{error}"),
        "{said}"
    );
}

#[test]
fn the_default_folder_is_documents_or_a_private_one() {
    let folder = handout::default_folder();
    let private = handout::private_folder(|name| std::env::var_os(name));
    if folder == private {
        handout::make_private(&folder).unwrap();
    }
    assert!(folder.is_dir(), "{}", folder.display());
    assert_ne!(
        folder,
        std::env::temp_dir(),
        "never the shared folder itself"
    );
}

/// The mode bits of the file or folder at `path` that say who may use it.
#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

#[cfg(unix)]
#[test]
fn a_saved_handout_is_readable_by_its_owner_only() {
    let scratch = Scratch::new("private");
    let library = library("en");
    let options = HandoutOptions {
        conditions: vec![library.conditions().next().unwrap().1.id.as_str().into()],
        ..HandoutOptions::default()
    };
    let path = save(&library, &options, &scratch.0, "20261204-214431").unwrap();
    assert_eq!(
        mode(&path),
        0o600,
        "made so from the start, whatever the umask"
    );
}

/// An environment with only a shared temporary folder (as `/tmp` is: anyone may write in it), no
/// Documents folder and no runtime folder.
#[cfg(target_os = "linux")]
fn shared_temporary_only(shared: &Path) -> impl Fn(&str) -> Option<std::ffi::OsString> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let shared = shared.as_os_str().to_owned();
    move |name: &str| (name == "TMPDIR").then(|| shared.clone())
}

#[cfg(target_os = "linux")]
#[test]
fn without_documents_a_handout_goes_to_a_private_folder_never_the_shared_one() {
    let scratch = Scratch::new("no-documents");
    let folder = handout::private_folder(shared_temporary_only(&scratch.0));
    assert_eq!(folder.parent(), Some(scratch.0.as_path()));
    assert_ne!(folder, scratch.0);

    let library = library("en");
    let job = handout::Job::new(&library, &no_conditions(), folder.clone());
    // Job::save makes the folder only when it is the one the environment names; here the test's
    // environment differs, so it is made as Job::save would make it.
    handout::make_private(&folder).unwrap();
    let path = job.save("20261204-214431").unwrap();
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&path), 0o600);
    assert!(make_private_again_keeps(&folder));

    // A folder of that name that others may open, or a link, is not used.
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::create_dir(&folder).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    let refused = handout::make_private(&folder).unwrap_err();
    assert!(
        refused.contains("is not a private folder (other users may open it)"),
        "{refused}"
    );
    std::fs::remove_dir(&folder).unwrap();
    let elsewhere = scratch.0.join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &folder).unwrap();
    let refused = handout::make_private(&folder).unwrap_err();
    assert!(
        refused.contains("it is not a folder, or it is a link"),
        "{refused}"
    );
}

/// Whether making an existing private folder private again leaves it, and what is in it, alone.
#[cfg(target_os = "linux")]
fn make_private_again_keeps(folder: &Path) -> bool {
    let before = std::fs::read_dir(folder).unwrap().count();
    handout::make_private(folder).is_ok() && std::fs::read_dir(folder).unwrap().count() == before
}

#[cfg(target_os = "linux")]
#[test]
fn the_runtime_folder_is_used_when_it_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new("runtime");
    let runtime = scratch.0.join("runtime");
    std::fs::create_dir(&runtime).unwrap();
    std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
    let env = |runtime: &Path| {
        let runtime = runtime.as_os_str().to_owned();
        let shared = scratch.0.as_os_str().to_owned();
        move |name: &str| match name {
            "XDG_RUNTIME_DIR" => Some(runtime.clone()),
            "TMPDIR" => Some(shared.clone()),
            _ => None,
        }
    };
    assert_eq!(
        handout::private_folder(env(&runtime)),
        runtime.join("needle-guide")
    );
    // One that others may open is passed over for the temporary folder's private one.
    std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o755)).unwrap();
    let folder = handout::private_folder(env(&runtime));
    assert_eq!(folder.parent(), Some(scratch.0.as_path()));
    // A relative one means nothing.
    assert_eq!(
        handout::private_folder(env(Path::new("runtime"))).parent(),
        Some(scratch.0.as_path())
    );
}

#[test]
fn timestamps_look_like_yyyymmdd_hhmmss() {
    let stamp = handout::timestamp();
    assert_eq!(stamp.len(), 15, "{stamp}");
    for (index, c) in stamp.chars().enumerate() {
        if index == 8 {
            assert_eq!(c, '-', "{stamp}");
        } else {
            assert!(c.is_ascii_digit(), "{stamp}");
        }
    }
    assert!(stamp.as_str() >= "20250101-000000", "{stamp}");
    assert_eq!(handout::stamp(0), "19700101-000000");
    assert_eq!(handout::stamp(951_782_400), "20000229-000000");
    assert_eq!(handout::stamp(1_798_329_600), "20261227-000000");
}

/// Counts `/Type /Page` objects (not `/Type /Pages`) in a PDF.
fn count_pages(pdf: &[u8]) -> usize {
    let mut count = 0;
    for pattern in [&b"/Type /Page"[..], &b"/Type/Page"[..]] {
        count += pdf
            .windows(pattern.len() + 1)
            .filter(|w| w.starts_with(pattern) && w[pattern.len()] != b's')
            .count();
    }
    count
}

#[test]
fn page_count_skips_the_page_tree() {
    let pdf = b"<< /Type /Pages /Kids [] >> << /Type /Page >> <</Type/Page/Parent 1 0 R>>";
    assert_eq!(count_pages(pdf), 2);
}

/// Whether the tests run under continuous integration: `CI` is set, and not to "false" or "0".
fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| !["", "false", "0"].contains(&value.trim()))
}

/// The text a PDF reader gets out of `pdf` (poppler's `pdftotext`), or why it could not be read.
fn extracted(pdf: &[u8], scratch: &Path, name: &str) -> Result<String, String> {
    let file = scratch.join(format!("{name}.pdf"));
    std::fs::write(&file, pdf).unwrap();
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("pdftotext does not start: {error}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Every combination a clinic can print: both languages, A4 and Letter, no condition, as many
/// as are described, every condition, with and without the longest discussion summary, and
/// with the built-in clinic, a filled-in one and one whose details are as long as they print.
/// What goes home is at most two pages, with what to do and whom to call on the first; after
/// the check, the page to sign is one more, of its own; what was left out to fit is said on the
/// handout.
#[test]
fn the_handout_is_at_most_two_pages_in_every_combination() {
    let scratch = Scratch::new("print");
    let mut counts = Vec::new();
    let mut missing = Vec::new();
    let kiosk_editions = support::kiosk_editions();
    for locale in ["en", "es"] {
        let library = library(locale);
        let ids: Vec<ConditionId> = library
            .conditions()
            .map(|(_, c)| c.id.as_str().into())
            .collect();
        let longest = support::longest_discussion(&library);
        let to_tell = things_to_tell(&library);
        let filled = kiosk_editions
            .iter()
            .find(|edition| edition.locale == locale)
            .unwrap();
        let longest_details = support::clinic_at_its_longest(filled);
        for (clinic, edition) in [
            ("built-in", &library),
            ("filled", filled),
            ("longest", &longest_details),
        ] {
            for (ticked, conditions) in [
                ("none", Vec::new()),
                ("described", ids[..handout::MAX_DESCRIBED].to_vec()),
                ("all", ids.clone()),
            ] {
                for (summary, discussion) in [("", None), ("-discussion", Some(longest.clone()))] {
                    for paper in handout::Paper::ALL {
                        let options = HandoutOptions {
                            conditions: conditions.clone(),
                            discussion: discussion.clone(),
                            paper,
                        };
                        let handout = printed(edition, &options);
                        let name = format!(
                            "{locale}-{clinic}-{ticked}{summary}-{}",
                            paper.name().to_lowercase()
                        );
                        assert_eq!(count_pages(&handout.pdf), handout.pages, "{name}");
                        assert!(
                            contains(
                                &handout.pdf,
                                format!("{} {}]", paper.size().0, paper.size().1).as_bytes()
                            ) || contains(
                                &handout.pdf,
                                format!("{:.2}", paper.size().1).as_bytes()
                            ),
                            "{name}: the paper's size"
                        );
                        println!(
                            "{name}: {} page(s), {} to take home; checklist in brief: {}; left out: {:?}",
                            handout.pages,
                            handout.laid.take_home_pages(),
                            handout
                                .left_out
                                .contains(&edition.ui.handout.checklist_details_left_out),
                            handout.left_out
                        );
                        // To look at the result: NEEDLE_GUIDE_KEEP_HANDOUT=<folder>.
                        if let Some(keep) = std::env::var_os("NEEDLE_GUIDE_KEEP_HANDOUT") {
                            let keep = PathBuf::from(keep);
                            std::fs::create_dir_all(&keep).unwrap();
                            std::fs::write(keep.join(format!("{name}.pdf")), &handout.pdf).unwrap();
                        }
                        // Page 1: whom to call, every urgent step of what to do whole (each
                        // sign and each step, no box split between columns), and how long to
                        // watch for the signs.
                        let flat =
                            |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
                        let first = flat(&handout.laid.page_text(0));
                        let contacts = &edition.ui.handout.contacts;
                        assert!(first.contains(contacts.as_str()), "{name}: {contacts}");
                        // No urgent step of what to do is split, on any page: only what is
                        // expected may run on, under its name.
                        let continued = &edition.ui.handout.continued;
                        let second = flat(&handout.laid.page_text(1));
                        let expected_name = handout
                            .sheet
                            .pieces
                            .iter()
                            .find_map(|piece| match piece {
                                handout::Piece::Step { level, action, .. }
                                    if *level == needle_guide::content::model::Level::Normal =>
                                {
                                    action.split([':', '.']).next().map(str::trim)
                                }
                                _ => None,
                            })
                            .expect("what is expected");
                        for page in [&first, &second] {
                            assert_eq!(
                                page.matches(continued.as_str()).count(),
                                page.matches(&format!("{expected_name} {continued}"))
                                    .count(),
                                "{name}: an urgent step split between columns or pages"
                            );
                        }
                        let mut watch_seen = false;
                        for piece in &handout.sheet.pieces {
                            match piece {
                                handout::Piece::Step {
                                    level,
                                    action,
                                    signs,
                                    steps,
                                } if *level != needle_guide::content::model::Level::Normal => {
                                    for part in [action].into_iter().chain(signs).chain(steps) {
                                        let part = flat(part);
                                        assert!(first.contains(&part), "{name}: {part}");
                                    }
                                }
                                // The first note is how long to watch, after the steps.
                                handout::Piece::Note(runs) if !watch_seen => {
                                    watch_seen = true;
                                    let heading = flat(&runs[0].text);
                                    assert!(first.contains(&heading), "{name}: {heading}");
                                }
                                _ => {}
                            }
                        }
                        assert!(watch_seen, "{name}: how long to watch");
                        // What studies found about whether it helps goes home beside the
                        // harms, at least in brief, on every handout.
                        assert!(
                            !handout
                                .left_out
                                .contains(&edition.ui.handout.studies_left_out),
                            "{name}: what studies found was left out"
                        );
                        // A ticked condition named on the handout always has beside it what
                        // studies found for it, at least in brief, or the line that this
                        // differs from one problem to another: never the general line on
                        // whether it helps alone.
                        let text = flat(&handout.sheet.text());
                        let findings_differ = flat(&edition.ui.handout.findings_differ);
                        for (_, condition) in edition
                            .conditions()
                            .filter(|(_, c)| conditions.iter().any(|id| id.as_str() == c.id))
                        {
                            let condition_name = flat(&edition.plain(&condition.name));
                            let evidence = &condition.evidence;
                            let found = [&evidence.brief, &evidence.text]
                                .iter()
                                .any(|said| text.contains(&flat(&edition.plain(said))));
                            assert!(
                                !text.contains(&condition_name)
                                    || found
                                    || text.contains(&findings_differ),
                                "{name}: {condition_name} named with nothing on what studies found"
                            );
                        }
                        // Where needles for a ticked condition may go near a lung, that is
                        // said, whatever else is left out.
                        let near_lungs = edition.plain(&edition.ui.condition_near_lungs);
                        let near_any = edition.conditions().any(|(region, condition)| {
                            conditions.iter().any(|id| id.as_str() == condition.id)
                                && condition.near_lungs(region)
                        });
                        let said_near = flat(&handout.sheet.text()).contains(&flat(&near_lungs))
                            || flat(&handout.sheet.text())
                                .contains(&flat(&edition.ui.handout.near_lungs_each));
                        assert_eq!(said_near, near_any, "{name}: needles near a lung");
                        // Every thing to tell the therapist before treatment, at least in
                        // brief.
                        let said = handout.sheet.text();
                        // Every side effect, a collapsed lung among those with no number.
                        missing.extend(
                            edition
                                .side_effects
                                .iter()
                                .map(|effect| edition.plain(&effect.name))
                                .filter(|effect| !said.contains(effect.as_str()))
                                .map(|effect| format!("{name}: {effect}")),
                        );
                        let kept = to_tell
                            .iter()
                            .take_while(|item| item.told_in(&said))
                            .count();
                        if kept < to_tell.len() {
                            missing.push(format!("{name}: kept {kept} of {}", to_tell.len()));
                        }
                        counts.push((name, handout));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "side effects or things to tell the therapist left out:\n{}",
        missing.join("\n")
    );
    for (name, handout) in &counts {
        assert!(
            (1..=handout::MAX_PAGES).contains(&handout.laid.take_home_pages()),
            "{name}: {} pages to take home",
            handout.laid.take_home_pages()
        );
        let signing = if name.contains("-discussion-") {
            handout::SIGNING_PAGES
        } else {
            0
        };
        assert_eq!(
            handout.pages,
            handout.laid.take_home_pages() + signing,
            "{name}: the page to sign, only after the check"
        );
        // The pages that go home are numbered among themselves ("Page 2 of 2", never "of 3"),
        // and the page to sign says what it is.
        let take_home = handout.laid.take_home_pages();
        for page in 0..handout.pages {
            let foot = if page < take_home {
                handout
                    .sheet
                    .page_of
                    .replace("{n}", &(page + 1).to_string())
                    .replace("{total}", &take_home.to_string())
            } else {
                handout.sheet.signing_page.clone()
            };
            assert!(
                handout.laid.page_text(page).ends_with(&foot),
                "{name}, page {}: {foot}",
                page + 1
            );
        }
    }
    // The handout a reader opens holds the words: a PDF reader gets them out whole, in order.
    match extracted(&counts[0].1.pdf, &scratch.0, "first") {
        Ok(words) => {
            let library = library("en");
            let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
            let words = flat(&words);
            for expected in [
                library.ui.handout.title.clone(),
                library.ui.consult.call_your_clinic.clone(),
                library.ui.handout.who_should_not.clone(),
            ] {
                assert!(
                    words.contains(&flat(&expected)),
                    "{expected:?} not in the PDF's text"
                );
            }
        }
        Err(why) if under_ci() => panic!(
            "the PDF's text cannot be read: {why}. Under CI this needs poppler-utils (`.ci/run` installs it)"
        ),
        Err(why) => {
            let _ = writeln!(
                std::io::stderr(),
                "\n*** SKIPPED reading the handout's PDF back: {why}. Install poppler-utils. ***\n"
            );
        }
    }
}

#[test]
fn a_discussion_summary_is_a_signed_companion_to_the_consent_form() {
    for locale in ["en", "es"] {
        let library = library(locale);
        let words = &library.ui.teach_back;
        let without = text(&library, &no_conditions());
        assert!(!without.contains(&words.discussion_title));

        let discussion = support::longest_discussion(&library);
        let handout = printed(
            &library,
            &HandoutOptions {
                discussion: Some(discussion.clone()),
                ..HandoutOptions::default()
            },
        );
        let page = handout.sheet.text();
        for (text, what) in [
            (&words.discussion_title, "its title"),
            (&words.companion, "that it goes with the consent form"),
            (&words.summary_therapist, "the topics' heading"),
            (&words.talk_first, "talk first, after a no"),
            (&words.patient_signature, "the patient's signature line"),
            (&words.therapist_signature, "the therapist's signature line"),
            (&words.date, "the date"),
            (&words.patient_name, "the patient's name"),
            (&words.therapist_name, "the therapist's name"),
            (&library.ui.clinic_name, "the clinic"),
        ] {
            assert_has(&page, text, &format!("{locale}: {what}"));
        }
        // On a page of its own after the two that go home, which hold none of it: the clinic
        // keeps it, the patient the rest.
        assert_eq!(
            handout.laid.take_home_pages(),
            handout::MAX_PAGES,
            "{locale}"
        );
        assert_eq!(
            handout.pages,
            handout::MAX_PAGES + handout::SIGNING_PAGES,
            "{locale}"
        );
        assert_eq!(
            handout.laid.signing_from,
            Some(handout.laid.take_home_pages())
        );
        let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let signing_page = flat(&handout.laid.page_text(handout.laid.take_home_pages()));
        let take_home: String = (0..handout.laid.take_home_pages())
            .map(|page| flat(&handout.laid.page_text(page)))
            .collect();
        assert!(signing_page.contains(&flat(&words.discussion_title)));
        assert!(!take_home.contains(&flat(&words.discussion_title)));
        assert!(!take_home.contains(&flat(&words.patient_signature)));
        // Every line of it, the longest summary too: it has the page to itself.
        for list in [
            words.questions_ticked.to_lowercase(),
            library.ui.handout.unsure_left_out.clone(),
        ] {
            assert!(!handout.left_out.contains(&list), "{locale}: {list}");
        }
        for item in discussion
            .topics
            .iter()
            .chain(&discussion.questions)
            .chain(&discussion.unsure)
        {
            assert_has(&page, item, &format!("{locale}: a line of the summary"));
        }
        // With no list left out, it is all there.
        let whole = handout::sheet(
            &library,
            &HandoutOptions {
                discussion: Some(discussion.clone()),
                ..HandoutOptions::default()
            },
            &handout::Cuts::none(),
        )
        .text();
        for item in discussion
            .topics
            .iter()
            .chain(&discussion.questions)
            .chain(&discussion.unsure)
        {
            assert_has(&whole, item, &format!("{locale}: a line of the summary"));
        }
        let lines = handout
            .sheet
            .pieces
            .iter()
            .find_map(|piece| match piece {
                handout::Piece::Lines { labels, .. } => Some(labels.len()),
                _ => None,
            })
            .expect("lines to write on");
        assert_eq!(
            lines, 7,
            "{locale}: two names, two signatures, two dates, and the language"
        );
        // A record of the talk: each topic with a box to tick when covered, and the decision,
        // which may be to take more time.
        for said in [
            &words.covered,
            &words.decision,
            &words.decision_yes,
            &words.decision_no,
            &words.decision_later,
            &words.language,
        ] {
            assert!(signing_page.contains(&flat(said)), "{locale}: {said}");
        }
        assert!(
            handout.sheet.pieces.iter().any(|piece| matches!(
                piece,
                handout::Piece::Checklist(items) if items == &discussion.topics
            )),
            "{locale}: the topics, each with a box"
        );
    }
}
