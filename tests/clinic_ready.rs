//! A guide in front of patients names the number to call in an emergency and the clinic's phone.
//! The shipped clinic.ron names neither (no country's number is built in), so: `check` says NOT
//! READY FOR PATIENTS with its own exit code, the kiosk will not start, the consult room opens
//! with a notice for staff naming what is missing, and the handout has lines to write them in.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use needle_guide::app::App;
use needle_guide::content::model::Clinic;
use needle_guide::handout::{self, HandoutOptions};
use needle_guide::route::Route;

/// The exit codes README.md lists: a broken content file, and content not ready for patients.
const BROKEN: i32 = 1;
const NOT_READY: i32 = 3;

/// Runs the binary with no display: a window it tried to open would fail with "no display".
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_needle-guide"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh content folder holding only `clinic` as its clinic.ron (none if `None`).
fn folder_with(name: &str, clinic: Option<&str>) -> PathBuf {
    let folder =
        std::env::temp_dir().join(format!("needle-guide-ready-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&folder);
    fs::create_dir_all(&folder).unwrap();
    if let Some(clinic) = clinic {
        fs::write(folder.join("clinic.ron"), clinic).unwrap();
    }
    folder
}

fn path(folder: &Path) -> &str {
    folder.to_str().unwrap()
}

#[test]
fn the_shipped_clinic_names_no_number() {
    for library in support::editions().iter() {
        assert_eq!(library.clinic.missing(), ["emergency_number", "phone"]);
        assert_eq!(library.clinic.after_hours_phone, "");
    }
    let after_hours_only = Clinic {
        after_hours_phone: "555-0199".into(),
        emergency_number: " ".into(),
        ..Clinic::default()
    };
    assert_eq!(after_hours_only.missing(), ["emergency_number", "phone"]);
    let ready = Clinic {
        phone: "555-0100".into(),
        emergency_number: "555-0111".into(),
        ..Clinic::default()
    };
    assert_eq!(ready.missing(), [] as [&str; 0]);
}

/// A clinic.ron written before `after_hours_phone` had its name still loads.
#[test]
fn the_old_name_of_the_after_hours_phone_still_loads() {
    let folder = folder_with(
        "old-name",
        Some(
            "Clinic(phone: \"555-0100\", urgent_phone: \"555-0199\", emergency_number: \"555-0111\")",
        ),
    );
    let output = run(&["check", path(&folder)]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = run(&["text", "--content", path(&folder)]);
    assert!(stdout(&text).contains("555-0199"));
}

#[test]
fn check_says_the_built_in_content_is_not_ready_for_patients() {
    let output = run(&["check"]);
    assert_eq!(output.status.code(), Some(NOT_READY), "{}", stdout(&output));
    let said = stdout(&output);
    assert!(
        said.starts_with(
            "NOT READY FOR PATIENTS: the built-in clinic.ron has no usable emergency_number and phone; to fix it, run `needle-guide export-content DIR`, write emergency_number \
             and phone in DIR/clinic.ron, and run the guide with `--content DIR` (see \
             docs/content.md"
        ),
        "{said}"
    );
    assert!(!said.contains(": ok"), "{said}");
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("NOT READY FOR PATIENTS"), "{message}");
}

#[test]
fn check_names_the_folders_clinic_and_only_what_it_lacks() {
    let folder = folder_with(
        "phone-only",
        Some("Clinic(name: \"Test Clinic\", phone: \"555-0100\")"),
    );
    let output = run(&["check", path(&folder)]);
    assert_eq!(output.status.code(), Some(NOT_READY), "{}", stdout(&output));
    let said = stdout(&output);
    let file = folder.join("clinic.ron");
    assert!(
        said.starts_with(&format!(
            "NOT READY FOR PATIENTS: {} has no usable emergency_number; to fix it, write \
             emergency_number in that file and run the guide with `--content {}`",
            file.display(),
            folder.display()
        )),
        "{said}"
    );
    assert!(!said.contains("phone empty"), "{said}");
}

#[test]
fn check_says_when_a_folder_has_no_clinic_ron() {
    let folder = folder_with("no-clinic", None);
    let output = run(&["check", path(&folder)]);
    assert_eq!(output.status.code(), Some(NOT_READY), "{}", stdout(&output));
    let said = stdout(&output);
    assert!(
        said.starts_with(&format!(
            "NOT READY FOR PATIENTS: {} has no clinic.ron that could be used, and the built-in \
             clinic.ron has no usable emergency_number and phone; to fix it, write \
             emergency_number and phone in {}",
            folder.display(),
            folder.join("clinic.ron").display()
        )),
        "{said}"
    );
    assert!(said.contains("`needle-guide export-content DIR`"), "{said}");
}

/// A broken field keeps its own exit code and its report, unless leaving it out leaves the clinic
/// without what the kiosk needs: then `check` says, after the problem, that the kiosk will not
/// start, as the kiosk itself would.
#[test]
fn a_broken_clinic_ron_is_a_problem_and_a_readiness_only_if_the_kiosk_would_refuse() {
    let file = |folder: &std::path::Path| folder.join("clinic.ron").display().to_string();
    let folder = folder_with(
        "broken-web",
        Some("Clinic(phone: \"555\", emergency_number: \"911\", web: 3)"),
    );
    let output = run(&["check", path(&folder)]);
    assert_eq!(output.status.code(), Some(BROKEN), "{}", stdout(&output));
    let said = stdout(&output);
    assert!(said.starts_with(&format!("{}:1:", file(&folder))), "{said}");
    assert!(!said.contains("NOT READY"), "{said}");
    assert!(stderr(&output).contains("1 problem(s) in the content"));

    let folder = folder_with("broken-phone", Some("Clinic(phone: 555)"));
    let output = run(&["check", path(&folder)]);
    assert_eq!(output.status.code(), Some(NOT_READY), "{}", stdout(&output));
    let said = stdout(&output);
    assert!(
        said.starts_with(&format!("{}:1:8: ", file(&folder))),
        "{said}"
    );
    let not_ready = said.lines().nth(1).unwrap_or_default();
    assert!(
        not_ready.starts_with("NOT READY FOR PATIENTS: ") && not_ready.contains("phone"),
        "{said}"
    );
}

/// A filled-in clinic.ron, as a clinic writes it: each test breaks one thing in it.
const HARBOUR: &str = "Clinic(name: \"Harbour Physio\", phone: \"01234 567890\", urgent_phone: \"01234 999999\",
  web: \"https://harbour.example/guide\", staff_pin: \"2468\", emergency_number: \"999\",
  reviewed: \"1 March 2027\",
  answers: (sessions: \"Most people have 3 to 6 visits.\", feel: \"\", needles: \"\", training: \"\",
            options: \"\", cost: \"\"),
  es: (answers: (sessions: \"La mayoría tiene de 3 a 6 citas.\"), reviewed: \"1 de marzo de 2027\"),
  read_aloud: On)
";

/// One bad field is named with its line and left out; the rest of the file, the PIN above all,
/// is kept (the kiosk would start, and ask for it).
#[test]
fn one_bad_field_is_named_and_the_rest_of_the_clinic_is_kept() {
    let folder = folder_with(
        "bad-web",
        Some(&HARBOUR.replace(
            "https://harbour.example/guide",
            "ftp://harbour.example/guide",
        )),
    );
    let output = run(&["check", path(&folder)]);
    assert_eq!(output.status.code(), Some(BROKEN), "{}", stdout(&output));
    let said = stdout(&output);
    assert!(
        said.starts_with(&format!(
            "{}:2:3: 'web' must be an address that starts with http:// or https://",
            folder.join("clinic.ron").display()
        )),
        "{said}"
    );
    assert!(
        said.contains("the guide leaves it out and uses the rest of the file"),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1, "{said}");

    let content = needle_guide::content::ContentFolder::open(&folder).unwrap();
    for locale in needle_guide::content::LOCALES {
        let loaded = needle_guide::content::Library::with_overrides(locale, &content).unwrap();
        assert!(loaded.files.contains(&"clinic.ron".to_owned()), "{locale}");
        let clinic = &loaded.library.clinic;
        assert_eq!(clinic.staff_pin, "2468");
        assert_eq!(clinic.name, "Harbour Physio");
        assert_eq!(clinic.after_hours_phone, "01234 999999");
        assert_eq!(clinic.emergency_number, "999");
        assert_eq!(clinic.web, "");
        assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    }

    let text = stdout(&run(&["text", "--content", path(&folder)]));
    assert!(
        text.contains("Harbour Physio") && text.contains("Call 999"),
        "{text}"
    );
    assert!(!text.contains("ftp:"), "{text}");
    // Ready for patients: the kiosk goes on to look for a display.
    let kiosk = run(&["--kiosk", "--content", path(&folder)]);
    assert!(stderr(&kiosk).contains("no display"), "{}", stderr(&kiosk));
}

/// A staff PIN written but unusable keeps the kiosk from starting, in one line that names where.
#[test]
fn a_staff_pin_that_cannot_be_read_keeps_the_kiosk_from_starting() {
    for (name, broken, line_and_column) in [
        ("pin-number", "staff_pin: 2468", Some("2:41")),
        ("pin-letters", "staff_pin: \"24a8\"", Some("2:41")),
        ("pin-placeholder", "staff_pin: \"{pin}\"", Some("2:41")),
        ("pin-misspelt", "staffpin: \"2468\"", Some("2:41")),
        // The whole file unreadable: the built-in clinic has no numbers, so no kiosk either.
        ("pin-unclosed", "staff_pin: \"2468", None),
    ] {
        let folder = folder_with(name, Some(&HARBOUR.replace("staff_pin: \"2468\"", broken)));
        let output = run(&["--kiosk", "--content", path(&folder)]);
        assert_eq!(output.status.code(), Some(NOT_READY), "{name}");
        let message = stderr(&output);
        let refusal: Vec<&str> = message
            .lines()
            .filter(|l| l.contains("NOT READY"))
            .collect();
        assert_eq!(refusal.len(), 1, "{name}: {message}");
        let file = folder.join("clinic.ron").display().to_string();
        match line_and_column {
            Some(at) => assert!(
                refusal[0].starts_with(&format!(
                    "needle-guide: NOT READY FOR PATIENTS, so the kiosk will not start: \
                     {file}:{at}: "
                )) && refusal[0].contains("the staff PIN written there cannot be used"),
                "{name}: {message}"
            ),
            None => assert!(
                refusal[0].contains("no clinic.ron that could be used"),
                "{message}"
            ),
        }
        assert!(!message.contains("display"), "{name}: {message}");
        // `check` says what the kiosk will do: not start.
        let check = run(&["check", path(&folder)]);
        assert_eq!(check.status.code(), Some(NOT_READY), "{name}: check");
        assert!(
            stdout(&check).contains("NOT READY FOR PATIENTS"),
            "{name}: {}",
            stdout(&check)
        );
        // The consult room still opens (it has no PIN to guard).
        let consult = run(&["--content", path(&folder)]);
        assert!(stderr(&consult).contains("no display"), "{name}");
    }
}

/// The docs' own placeholders as values are refused, and the guide says what it says for a blank
/// clinic instead of "Call {emergency} now".
#[test]
fn placeholders_in_the_clinics_details_are_refused_and_never_shown() {
    let folder = folder_with(
        "placeholder",
        Some(&HARBOUR.replace(
            "emergency_number: \"999\"",
            "emergency_number: \"{emergency}\"",
        )),
    );
    // Left out, the number is missing, so `check` says the kiosk will not start; and it never
    // offers leaving a number patients must have empty.
    let output = run(&["check", path(&folder)]);
    assert_eq!(output.status.code(), Some(NOT_READY), "{}", stdout(&output));
    let said = stdout(&output);
    assert!(
        said.contains(":2:60: 'emergency_number' holds a placeholder (such as {emergency}"),
        "{said}"
    );
    assert!(said.contains("NOT READY FOR PATIENTS"), "{said}");
    assert!(!said.contains("for none"), "{said}");
    for lang in ["en", "es"] {
        let text = stdout(&run(&["text", "--lang", lang, "--content", path(&folder)]));
        assert!(!text.contains('{'), "{lang}: {text}");
        assert!(text.contains("Harbour Physio"), "{lang}");
    }
    let text = stdout(&run(&["text", "--content", path(&folder)]));
    assert!(
        text.contains("Call your local emergency number now"),
        "{text}"
    );
    // Without the number, the kiosk is not ready.
    let kiosk = run(&["--kiosk", "--content", path(&folder)]);
    assert_eq!(kiosk.status.code(), Some(NOT_READY));
    assert!(stderr(&kiosk).contains("has no usable emergency_number"));
}

#[test]
fn check_passes_a_clinic_with_its_numbers() {
    let output = run(&["check", path(&support::test_clinic_folder())]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).starts_with("en: ok"), "{}", stdout(&output));
    assert!(!stdout(&output).contains("NOT READY"));
}

/// The readiness check comes before the display is looked for, so no window ever opens.
#[test]
fn the_kiosk_will_not_start_without_the_numbers() {
    let phone_only = folder_with("kiosk", Some("Clinic(phone: \"555-0100\")"));
    for (args, file, missing) in [
        (
            vec!["--kiosk"],
            "the built-in clinic.ron".to_owned(),
            "emergency_number and phone",
        ),
        (
            vec!["--kiosk", "--lang", "es", "--content", path(&phone_only)],
            phone_only.join("clinic.ron").display().to_string(),
            "emergency_number",
        ),
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(NOT_READY), "{args:?}");
        let message = stderr(&output);
        assert_eq!(message.lines().count(), 1, "{args:?}: {message}");
        assert!(
            message.starts_with(&format!(
                "needle-guide: NOT READY FOR PATIENTS, so the kiosk will not start: {file} \
                 has no usable {missing}; to fix it, "
            )),
            "{args:?}: {message}"
        );
        assert!(message.contains("docs/content.md"), "{message}");
        assert!(!message.contains("display"), "{message}");
    }
    let built_in = stderr(&run(&["--kiosk"]));
    assert!(built_in.contains("`needle-guide export-content DIR`"));

    // With the numbers, the kiosk goes on to look for a display; so does the consult room
    // without them.
    for args in [
        vec!["--kiosk", "--content", path(&support::test_clinic_folder())],
        vec![],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(BROKEN), "{args:?}");
        let message = stderr(&output);
        assert!(message.contains("no display"), "{args:?}: {message}");
        assert!(!message.contains("NOT READY"), "{args:?}: {message}");
    }
}

/// The consult room opens with incomplete details, with staff's notice naming what is missing,
/// in each language.
#[test]
fn the_consult_room_tells_staff_what_is_missing() {
    let editions = support::editions();
    for (index, library) in editions.iter().enumerate() {
        let notice = |missing: &str| library.ui.clinic_not_set.replace("{missing}", missing);
        let app = App::new(editions.clone(), Route::HOME).in_locale(&library.locale);
        assert_eq!(app.library().locale, library.locale);
        assert!(
            app.staff_notices()
                .contains(&notice("emergency_number, phone")),
            "{:?}",
            app.staff_notices()
        );
        assert!(
            support::simulate(&app, support::WINDOW)
                .find(notice("emergency_number, phone").as_str())
                .is_ok(),
            "{}: the notice is in the window",
            library.locale
        );

        let mut phone_only = (*editions).clone();
        phone_only[index].clinic.phone = "555-0100".into();
        let app = App::new(phone_only.into(), Route::HOME).in_locale(&library.locale);
        assert!(app.staff_notices().contains(&notice("emergency_number")));

        let app = App::new(support::kiosk_editions(), Route::HOME).in_locale(&library.locale);
        assert_eq!(app.staff_notices(), [] as [String; 0]);
    }
}

/// The handout's box of the clinic's details.
fn contacts(library: &needle_guide::content::Library) -> Vec<(String, Option<String>)> {
    handout::sheet(library, &HandoutOptions::default(), &handout::Cuts::none()).contacts()
}

#[test]
fn the_handout_has_lines_to_write_the_missing_numbers_in() {
    for library in support::editions().iter() {
        let locale = &library.locale;
        let fields = contacts(library);
        let ui = &library.ui;
        for label in [
            &ui.clinic_name,
            &ui.clinic_phone,
            &ui.clinic_after_hours_phone,
            &ui.clinic_emergency,
        ] {
            assert!(
                fields.contains(&(label.clone(), None)),
                "{locale}: {label}: {fields:?}"
            );
        }
        let said: Vec<String> = fields
            .iter()
            .filter_map(|(_, value)| value.clone())
            .collect();
        assert!(
            !said
                .iter()
                .any(|value| value.contains(&ui.local_emergency_number)),
            "{locale}: {fields:?}"
        );
        assert!(
            !fields.iter().any(|(label, _)| label == &ui.clinic_web),
            "{locale}"
        );

        // Filled in, each number takes its line.
        let ready = &support::kiosk_editions()[if locale == "en" { 0 } else { 1 }];
        assert_eq!(&ready.locale, locale);
        let fields = contacts(ready);
        // Only the therapist's line for the date stays blank (whether a needle went near a
        // lung is Yes or No, to circle): every number is printed.
        let blank: Vec<&String> = fields
            .iter()
            .filter(|(_, value)| value.is_none())
            .map(|(label, _)| label)
            .collect();
        assert_eq!(
            blank,
            [&ready.ui.handout.treated_on],
            "{locale}: {fields:?}"
        );
        assert!(
            fields.contains(&(
                ready.ui.handout.near_lungs_today.clone(),
                Some(ready.ui.handout.yes_no.clone())
            )),
            "{locale}: {fields:?}"
        );
        for number in ["555-0100", "555-0199", "555-0111"] {
            assert!(
                fields
                    .iter()
                    .any(|(_, value)| value.as_deref().is_some_and(|v| v.contains(number))),
                "{locale}: {number}"
            );
        }
        // The clinic's name is under the title ("From …"), not said again in the box.
        let sheet = handout::sheet(ready, &HandoutOptions::default(), &handout::Cuts::none());
        assert!(
            sheet
                .given_by
                .is_some_and(|given_by| given_by.contains("Test Clinic")),
            "{locale}"
        );
        assert!(
            !fields
                .iter()
                .any(|(label, _)| label == &ready.ui.clinic_name)
        );
    }
}
