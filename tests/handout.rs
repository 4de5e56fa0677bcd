//! The take-home handout: it carries every safety fact in both languages, saves without ever
//! overwriting, reports what happened, and prints on at most two pages.

mod support;

use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use needle_guide::content::Library;
use needle_guide::content::ids::ConditionId;
use needle_guide::content::model::{Block, Clinic};
use needle_guide::handout::{
    self, HandoutOptions, NoOpener, OpenError, Opener, Outcome, escape, html, save, save_and_open,
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

/// The items of the first block of a kind on a page, read straight from the content, not
/// through the handout's own code.
fn first_list(
    library: &Library,
    page: PageId,
    pick: fn(&Block) -> Option<&Vec<String>>,
) -> Vec<String> {
    let items = library
        .page(page)
        .sections
        .iter()
        .flat_map(|section| &section.blocks)
        .find_map(pick)
        .unwrap_or_else(|| panic!("{page:?} has the list"));
    items.iter().map(|item| library.plain(item)).collect()
}

fn assert_has(html: &str, text: &str, what: &str) {
    assert!(
        html.contains(&escape(text)),
        "{what} missing from the handout: {text:?}"
    );
}

#[test]
fn every_safety_fact_is_on_the_handout_in_both_languages() {
    for locale in ["en", "es"] {
        let library = library(locale);
        let page = html(&library, &no_conditions());
        assert!(
            page.contains(&format!("<html lang=\"{locale}\">")),
            "{locale}"
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

        let mut rates = 0;
        for effect in &library.side_effects {
            // Each is named; one with no number is only named, as what to do about it is in the
            // warning box.
            assert_has(&page, &library.plain(&effect.name), "a side effect");
            if let Some(rate) = effect.rate {
                // Beside it, what studies counted, where they counted it too.
                assert_has(
                    &page,
                    &library.rate_with_studies(effect, rate),
                    "a rate, with the studies' counts",
                );
                rates += 1;
            }
        }
        assert!(rates >= 6, "{locale}: {rates} rates");

        // The three reasons not to needle, and the other things to tell the therapist.
        let to_tell = first_list(&library, PageId::BEFORE, |block| match block {
            Block::Checklist(items) => Some(items),
            _ => None,
        });
        assert_eq!(to_tell.len(), 13, "{locale}");
        for item in &to_tell {
            assert_has(&page, item, "a thing to tell the therapist");
        }
        assert_has(
            &page,
            &library.ui.handout.who_should_not,
            "the checklist's lead",
        );

        let clinic = &library.clinic;
        for detail in [
            &clinic.name,
            &clinic.phone,
            &clinic.after_hours_phone,
            &clinic.web,
        ] {
            if !detail.is_empty() {
                assert_has(&page, detail, "a contact detail");
            }
        }
        // The built-in clinic is no real clinic: no number, so the patient is told whom to call.
        assert_eq!(
            clinic.missing(),
            ["emergency_number", "phone"],
            "the built-in clinic.ron names no number"
        );
        assert!(
            page.contains(&escape(&library.ui.consult.call_your_clinic)),
            "{locale}: with no phone number the handout says 'call your clinic'"
        );

        assert!(
            !page.contains("{rate:") && !page.contains("]("),
            "{locale}: markup leaked"
        );
        for outside in ["<script", "<link", "<img", "url(", "@import", "src="] {
            assert!(
                !page.contains(outside),
                "{locale}: not self-contained: {outside}"
            );
        }
    }
}

#[test]
fn the_handout_says_where_a_needle_can_reach_a_lung() {
    for locale in ["en", "es"] {
        let library = library(locale);
        let page = html(&library, &no_conditions());
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
        // In the warning box, after what to do.
        let warning = page
            .find("<section class=\"warning\">")
            .expect("a warning box");
        let end = warning + page[warning..].find("</section>").unwrap();
        let what_to_do = warning + page[warning..].find("<div class=\"step").unwrap();
        let line = page
            .find("<p class=\"lungs\">")
            .unwrap_or_else(|| panic!("{locale}: no line on where the lungs lie"));
        assert!(
            what_to_do < line && line < end,
            "{locale}: not in the warning box"
        );
        let line = &page[line..line + page[line..].find("</p>").unwrap()];
        assert_has(line, &heading.expect("a heading"), "the section's heading");
        assert_has(
            line,
            &library.plain(summary),
            "where a needle can reach a lung",
        );
    }
}

#[test]
fn the_english_and_spanish_handouts_differ_only_in_words() {
    let en = html(&library("en"), &no_conditions());
    let es = html(&library("es"), &no_conditions());
    let tags = |page: &str| -> Vec<String> {
        page.split('<')
            .skip(1)
            .map(|rest| rest.split(['>', ' ']).next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        tags(&en),
        tags(&es),
        "both languages build the same structure"
    );
}

#[test]
fn only_the_ticked_conditions_are_named() {
    let library = library("en");
    let plain = html(&library, &no_conditions());
    assert!(!plain.contains(&escape(&library.ui.handout.your_conditions)));

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
    let page = html(&library, &options);
    assert_has(
        &page,
        &library.ui.handout.your_conditions,
        "the conditions heading",
    );
    for condition in ticked {
        // By the name a patient uses, the medical name beneath, and what studies say with its
        // source.
        assert_has(&page, &condition.name, "a ticked condition");
        if let Some(medical) = &condition.medical_name {
            assert_has(&page, medical, "a ticked condition's medical name");
        }
        assert_has(
            &page,
            &library.plain(&condition.evidence.text),
            "what studies say for a ticked condition",
        );
        let source = library.source(&condition.evidence.source).unwrap();
        assert_has(&page, &library.plain(&source.name), "its source");
    }
    assert!(
        ticked
            .iter()
            .any(|condition| condition.medical_name.is_some()),
        "a ticked condition with a medical name is checked"
    );
    let mut checked = 0;
    for condition in &all[1..all.len() - 1] {
        // Skip names that the handout's other text happens to contain.
        if plain.contains(&escape(&condition.name)) {
            continue;
        }
        assert!(
            !page.contains(&escape(&condition.name)),
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
fn past_the_limit_conditions_are_named_without_what_studies_say() {
    let library = library("es");
    let all: Vec<_> = library.conditions().map(|(_, c)| c.clone()).collect();
    assert!(all.len() > handout::MAX_DESCRIBED);
    let page = html(
        &library,
        &HandoutOptions {
            conditions: all.iter().map(|c| c.id.as_str().into()).collect(),
            ..HandoutOptions::default()
        },
    );
    for condition in &all {
        assert_has(&page, &condition.full_name(), "a ticked condition");
        assert!(
            !page.contains(&escape(&library.plain(&condition.evidence.text))),
            "{}",
            condition.name
        );
    }
}

#[test]
fn a_clinic_without_numbers_tells_the_patient_to_call_their_clinic() {
    for locale in ["en", "es"] {
        let mut library = library(locale);
        let call = escape(&library.ui.consult.call_your_clinic);
        library.clinic = Clinic::default();
        let page = html(&library, &no_conditions());
        assert!(page.contains(&call), "{locale}");
        assert!(
            !page.contains("class=\"given-by\""),
            "{locale}: no 'from' line without a name"
        );
        // Lines to write the name and the phone in by hand (tests/clinic_ready.rs), but none for
        // a web address.
        for label in [&library.ui.clinic_name, &library.ui.clinic_phone] {
            assert!(
                page.contains(&format!("{}:</span> <span class=\"blank\">", escape(label))),
                "{locale}: {label}"
            );
        }
        assert!(
            !page.contains(&format!("{}:", escape(&library.ui.clinic_web))),
            "{locale}"
        );
        assert!(page.trim_end().ends_with("</html>"));

        // An urgent number alone is enough to call.
        library.clinic.after_hours_phone = "+34 600 000 000".into();
        let page = html(&library, &no_conditions());
        assert!(!page.contains(&call), "{locale}");
        assert!(page.contains("+34 600 000 000"));

        // A web address alone is not.
        library.clinic = Clinic {
            name: "Clínica Sol".into(),
            web: "sol.example".into(),
            ..Clinic::default()
        };
        let page = html(&library, &no_conditions());
        assert!(page.contains(&call), "{locale}");
        assert!(page.contains("sol.example") && page.contains("class=\"given-by\""));
    }
}

#[test]
fn clinic_details_are_escaped() {
    let mut library = library("en");
    library.clinic.name = r#"<b>&"' Clinic"#.into();
    library.clinic.web = "a.example/?x=1&y=<2>".into();
    let page = html(&library, &no_conditions());
    assert!(page.contains("&lt;b&gt;&amp;&quot;&#39; Clinic"));
    assert!(page.contains("a.example/?x=1&amp;y=&lt;2&gt;"));
    assert!(!page.contains("<b>"));
    assert!(!page.contains("&\""));
}

#[test]
fn saving_twice_with_the_same_stamp_keeps_both_files() {
    let scratch = Scratch::new("save");
    let library = library("en");
    let first = save(&library, &no_conditions(), &scratch.0, "20261127-0930").unwrap();
    assert_eq!(
        first.file_name().unwrap(),
        "needle-guide-handout-en-20261127-0930.html"
    );
    let before = std::fs::read(&first).unwrap();
    assert_eq!(before, html(&library, &no_conditions()).as_bytes());

    let options = HandoutOptions {
        conditions: vec![library.conditions().next().unwrap().1.id.as_str().into()],
        ..HandoutOptions::default()
    };
    let second = save(&library, &options, &scratch.0, "20261127-0930").unwrap();
    let third = save(&library, &options, &scratch.0, "20261127-0930").unwrap();
    assert_eq!(
        second.file_name().unwrap(),
        "needle-guide-handout-en-20261127-0930-2.html"
    );
    assert_eq!(
        third.file_name().unwrap(),
        "needle-guide-handout-en-20261127-0930-3.html"
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

/// Names Chromium goes by on `PATH`, in the order they are tried.
const CHROMIUM_NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// Where Chromium is: `NEEDLE_GUIDE_CHROMIUM` when it is set (and then nowhere else, so a wrong
/// path is reported rather than passed over), or else the first of `CHROMIUM_NAMES` on `PATH`.
fn find_chromium() -> Result<PathBuf, String> {
    if let Some(chosen) = std::env::var_os("NEEDLE_GUIDE_CHROMIUM") {
        let chosen = PathBuf::from(chosen);
        return if is_program(&chosen) {
            Ok(chosen)
        } else {
            Err(format!(
                "NEEDLE_GUIDE_CHROMIUM is {}, which is not a program",
                chosen.display()
            ))
        };
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    CHROMIUM_NAMES
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |folder| folder.join(name)))
        .find(|candidate| is_program(candidate))
        .ok_or_else(|| {
            format!(
                "none of {} is on PATH and NEEDLE_GUIDE_CHROMIUM is not set",
                CHROMIUM_NAMES.join(", ")
            )
        })
}

/// A file that can be run.
fn is_program(path: &Path) -> bool {
    let Ok(metadata) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        metadata.is_file() && metadata.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        metadata.is_file()
    }
}

/// Whether the tests run under continuous integration: `CI` is set, and not to "false" or "0".
fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| !["", "false", "0"].contains(&value.trim()))
}

/// Prints `html` to PDF with headless Chromium and counts the pages.
fn printed_pages(chromium: &Path, scratch: &Path, name: &str, html: &str) -> usize {
    let page = scratch.join(format!("{name}.html"));
    let pdf = scratch.join(format!("{name}.pdf"));
    let log = scratch.join(format!("{name}.log"));
    std::fs::write(&page, html).unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            scratch.join(format!("{name}-profile")).display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap_or_else(|error| panic!("{} does not start: {error}", chromium.display()));
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took over 60 s to print {name}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let bytes = std::fs::read(&pdf).unwrap_or_else(|error| {
        let log = std::fs::read_to_string(&log).unwrap_or_default();
        panic!("no PDF for {name} ({status}): {error}\n{log}")
    });
    // To look at the result: NEEDLE_GUIDE_KEEP_HANDOUT=<folder> keeps each HTML and PDF there.
    if let Some(keep) = std::env::var_os("NEEDLE_GUIDE_KEEP_HANDOUT") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&page, keep.join(format!("{name}.html"))).unwrap();
        std::fs::copy(&pdf, keep.join(format!("{name}.pdf"))).unwrap();
    }
    page_count(&bytes)
}

/// Counts `/Type /Page` objects (not `/Type /Pages`) in a PDF.
fn page_count(pdf: &[u8]) -> usize {
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
    assert_eq!(page_count(pdf), 2);
}

#[test]
fn the_handout_prints_on_one_or_two_pages_on_a4_and_letter() {
    let chromium = match find_chromium() {
        Ok(chromium) => chromium,
        Err(why) if under_ci() => panic!(
            "the handout cannot be printed: {why}. Under CI this test needs Chromium \
             (`.ci/run` installs it)"
        ),
        Err(why) => {
            // Straight to stderr, past the test harness's capture, so a skip is never silent.
            let _ = writeln!(
                std::io::stderr(),
                "\n*** SKIPPED the_handout_prints_on_one_or_two_pages_on_a4_and_letter: {why}. \
                 Nothing was printed, so the two-page limit is unchecked. Install Chromium or set \
                 NEEDLE_GUIDE_CHROMIUM; with CI set this fails. ***\n"
            );
            return;
        }
    };
    println!("printing with {}", chromium.display());
    let scratch = Scratch::new("print");
    let mut counts = Vec::new();
    for locale in ["en", "es"] {
        let library = library(locale);
        // The longest handouts: as many conditions as are described, and every condition.
        let ids: Vec<ConditionId> = library
            .conditions()
            .map(|(_, c)| c.id.as_str().into())
            .collect();
        // And the longest discussion summary: every topic, question and "no".
        let longest = support::longest_discussion(&library);
        // A clinic that filled in its name and numbers prints more than one that did not.
        let kiosk_editions = support::kiosk_editions();
        let filled = kiosk_editions
            .iter()
            .find(|edition| edition.locale == locale)
            .unwrap();
        for (ticked, edition, conditions, discussion) in [
            (
                "described",
                &library,
                ids[..handout::MAX_DESCRIBED].to_vec(),
                None,
            ),
            ("all", &library, ids.clone(), None),
            ("all-discussion", &library, ids.clone(), Some(longest)),
            (
                "filled-clinic",
                filled,
                ids[..handout::MAX_DESCRIBED].to_vec(),
                None,
            ),
        ] {
            let page = html(
                edition,
                &HandoutOptions {
                    conditions,
                    discussion,
                },
            );
            for (size, css) in [("a4", "A4"), ("letter", "letter")] {
                let sized = page.replacen(
                    "</head>",
                    &format!("<style>@page {{ size: {css}; }}</style>\n</head>"),
                    1,
                );
                let name = format!("{locale}-{ticked}-{size}");
                let pages = printed_pages(&chromium, &scratch.0, &name, &sized);
                println!("{name}: {pages} page(s)");
                counts.push((name, pages));
            }
        }
    }
    // Every size is printed before judging, so a failure shows them all. The discussion
    // summary, to sign, is one more page.
    for (name, pages) in &counts {
        let most = if name.contains("discussion") { 3 } else { 2 };
        assert!(
            (1..=most).contains(pages),
            "{name}: {pages} pages; all: {counts:?}"
        );
    }
    for locale in ["en", "es"] {
        for size in ["a4", "letter"] {
            let pages = |name: &str| counts.iter().find(|(n, _)| n == name).unwrap().1;
            assert_eq!(
                pages(&format!("{locale}-all-discussion-{size}")),
                pages(&format!("{locale}-all-{size}")) + 1,
                "the discussion summary starts a page of its own"
            );
        }
    }
}

#[test]
fn a_discussion_summary_is_a_signed_companion_to_the_consent_form() {
    for locale in ["en", "es"] {
        let library = library(locale);
        let words = &library.ui.teach_back;
        let without = html(&library, &no_conditions());
        assert!(!without.contains(&escape(&words.discussion_title)));

        let discussion = support::longest_discussion(&library);
        let page = html(
            &library,
            &HandoutOptions {
                discussion: Some(discussion.clone()),
                ..HandoutOptions::default()
            },
        );
        for (text, what) in [
            (&words.discussion_title, "its title"),
            (&words.companion, "that it goes with the consent form"),
            (&words.summary_therapist, "the topics' heading"),
            (&library.ui.language_name, "the language"),
            (&words.talk_first, "talk first, after a no"),
            (&words.patient_signature, "the patient's signature line"),
            (&words.therapist_signature, "the therapist's signature line"),
            (&words.date, "the date"),
        ] {
            assert_has(&page, text, &format!("{locale}: {what}"));
        }
        for item in discussion
            .topics
            .iter()
            .chain(&discussion.questions)
            .chain(&discussion.unsure)
        {
            assert_has(&page, item, &format!("{locale}: a line of the summary"));
        }
        assert_eq!(
            page.matches("class=\"signature\"").count(),
            2,
            "{locale}: two lines to sign"
        );
    }
}
