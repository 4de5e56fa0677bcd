//! A clinic's own content folder: exporting the built-in content, overriding it file by file,
//! and never letting a bad file take the guide down.

mod support;

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use needle_guide::content::{self, ContentFolder, Library};

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("needle-guide-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&folder);
    fs::create_dir_all(&folder).unwrap();
    folder
}

fn needle_guide(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_needle-guide"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn export_writes_every_file_and_the_export_checks_clean() {
    let folder = scratch("export");
    let written = content::export(&folder, false).unwrap();
    let expected = content::LOCALES.len() * (content::files::of_locale("en").len() - 2) + 2;
    assert_eq!(
        written, expected,
        "one file per locale file, and clinic.ron and pages.ron once"
    );
    assert!(folder.join("es/pages/risks.ron").exists());
    assert!(folder.join("clinic.ron").exists());

    // Sound, but the exported clinic.ron is the built-in one, with no numbers: `check` names it.
    let output = needle_guide(&["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(3));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.starts_with(&format!(
            "NOT READY FOR PATIENTS: {} has no usable emergency_number and phone",
            folder.join("clinic.ron").display()
        )),
        "{report}"
    );
    assert_eq!(report.lines().count(), 1, "{report}");
    fs::write(
        folder.join("clinic.ron"),
        fs::read_to_string(folder.join("clinic.ron"))
            .unwrap()
            .replacen("phone: \"\"", "phone: \"555-0100\"", 1)
            .replacen(
                "emergency_number: \"\"",
                "emergency_number: \"555-0111\"",
                1,
            ),
    )
    .unwrap();
    assert_checks_clean(&folder);

    let error = content::export(&folder, false).unwrap_err();
    assert!(
        error.contains("is not empty") && error.contains("--force"),
        "{error}"
    );
    assert_eq!(content::export(&folder, true).unwrap(), written);
}

#[test]
fn one_file_overrides_its_embedded_twin_and_leaves_the_rest() {
    let folder = scratch("override");
    fs::write(
        folder.join("clinic.ron"),
        "Clinic(name: \"Northside Rehab\", phone: \"(555) 010-7777\")",
    )
    .unwrap();
    let loaded = Library::with_overrides("en", &ContentFolder::open(&folder).unwrap()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.files, ["clinic.ron"]);
    assert_eq!(loaded.library.clinic.name, "Northside Rehab");
    assert_eq!(
        loaded.library.clinic.after_hours_phone, "",
        "an empty field stays empty"
    );
    let embedded = Library::embedded("en").unwrap();
    assert_eq!(loaded.library.pages, embedded.pages);
    assert_eq!(loaded.library.side_effects, embedded.side_effects);
}

#[test]
fn a_broken_file_falls_back_to_the_embedded_one_and_is_reported_with_its_place() {
    let folder = scratch("broken");
    fs::create_dir_all(folder.join("es")).unwrap();
    let risks =
        include_str!("../content/es/side-effects.ron").replacen("low: 15", "low: \"quince\"", 1);
    fs::write(folder.join("es/side-effects.ron"), risks).unwrap();
    fs::write(folder.join("clinic.ron"), "Clinic(name: \"Eastside PT\")").unwrap();

    let loaded = Library::with_overrides("es", &ContentFolder::open(&folder).unwrap()).unwrap();
    assert_eq!(
        loaded.library.side_effects,
        Library::embedded("es").unwrap().side_effects
    );
    assert_eq!(
        loaded.library.clinic.name, "Eastside PT",
        "the good file is still used"
    );
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    let message = loaded.problems[0].to_string();
    assert!(
        message.starts_with(&format!(
            "{}:",
            folder.join("es/side-effects.ron").display()
        )),
        "{message}"
    );
    assert!(message.ends_with("for 'low'"), "{message}");

    // `check` lists it and fails; nothing panics.
    let output = needle_guide(&["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("es/side-effects.ron:"));
}

#[test]
fn a_file_that_breaks_a_cross_check_is_left_out_too() {
    let folder = scratch("cross");
    fs::create_dir_all(folder.join("en")).unwrap();
    // A glossary that parses but lacks a term the pages use.
    let glossary = include_str!("../content/en/glossary.ron");
    let start = glossary
        .find("    Term(\n        id: \"pneumothorax\"")
        .expect("the pneumothorax entry");
    let end = start + glossary[start..].find("    ),\n").unwrap() + "    ),\n".len();
    fs::write(
        folder.join("en/glossary.ron"),
        format!("{}{}", &glossary[..start], &glossary[end..]),
    )
    .unwrap();

    // A good clinic.ron beside it must survive the bad glossary.
    fs::write(
        folder.join("clinic.ron"),
        "Clinic(name: \"Harbour Physio\", phone: \"01 234 5678\")",
    )
    .unwrap();

    let loaded = Library::with_overrides("en", &ContentFolder::open(&folder).unwrap()).unwrap();
    assert!(
        loaded.library.term("pneumothorax").is_some(),
        "the embedded glossary is back"
    );
    assert_eq!(
        loaded.files,
        ["clinic.ron"],
        "only the glossary is left out"
    );
    assert_eq!(loaded.library.clinic.name, "Harbour Physio");
    let blamed: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| p.message.contains("'pneumothorax' is not in the glossary"))
        .collect();
    assert!(!blamed.is_empty(), "{:?}", loaded.problems);
    assert!(
        blamed.iter().all(|p| p.file.ends_with("en/glossary.ron")),
        "the problem is blamed on the glossary that caused it: {blamed:?}"
    );
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let folder = scratch("many");
    fs::create_dir_all(folder.join("en/pages")).unwrap();
    fs::write(folder.join("en/pages/about.ron"), "Page(").unwrap();
    fs::write(folder.join("en/ui.ron"), "Ui(app_title: 3)").unwrap();
    fs::write(folder.join("en/pages/riks.ron"), "Page()").unwrap();
    let output = needle_guide(&["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("en/pages/about.ron:"), "{report}");
    assert!(report.contains("en/ui.ron:1:"), "{report}");
    assert!(report.contains("riks.ron: not a content file"), "{report}");
}

#[test]
fn a_missing_folder_is_one_clear_error() {
    for args in [
        &["check", "/no/such/folder"][..],
        &["--content", "/no/such/folder"],
    ] {
        let output = needle_guide(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(
            message.contains("cannot read the content folder /no/such/folder"),
            "{message}"
        );
    }
}

#[test]
fn a_broken_clinic_file_never_shows_another_clinics_details() {
    let folder = scratch("broken-clinic");
    fs::create_dir_all(&folder).unwrap();
    // One character wrong: the PIN without quotes.
    fs::write(
        folder.join("clinic.ron"),
        "Clinic(name: \"Harbour Physio\", phone: \"01 234 5678\", staff_pin: 4321)",
    )
    .unwrap();
    let loaded = Library::with_overrides("en", &ContentFolder::open(&folder).unwrap()).unwrap();
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.file.ends_with("clinic.ron")),
        "{:?}",
        loaded.problems
    );
    // The file is used without the field that is wrong: the clinic's own details, never
    // another's; the PIN that cannot be read is left out and named (the kiosk will not start).
    assert_eq!(loaded.files, ["clinic.ron"]);
    let clinic = &loaded.library.clinic;
    assert_eq!(clinic.name, "Harbour Physio");
    assert_eq!(clinic.phone, "01 234 5678");
    assert!(clinic.staff_pin.is_empty());
    assert_eq!(clinic.left_out.len(), 1);
    assert_eq!(clinic.left_out[0].field, "staff_pin");
    assert_eq!(clinic.missing(), ["emergency_number"]);
    assert!(clinic.web.is_empty());
    let text = needle_guide::document::guide_text(&loaded.library);
    assert!(
        !text.contains("(555)"),
        "a made-up number reached the guide"
    );
    assert!(text.contains("01 234 5678"));
}

/// Runs the binary, killing it if it has not finished after `seconds`: a hang is a failure, not
/// a test that never ends.
fn needle_guide_within(seconds: u64, args: &[&str]) -> std::process::Output {
    needle_guide_as(seconds, &[], args)
}

/// As [`needle_guide_within`], with `prefix` (a program and its arguments) running the binary.
fn needle_guide_as(seconds: u64, prefix: &[&str], args: &[&str]) -> std::process::Output {
    let binary = env!("CARGO_BIN_EXE_needle-guide");
    let mut command = match prefix.split_first() {
        Some((program, rest)) => {
            let mut command = Command::new(program);
            command.args(rest).arg(binary);
            command
        }
        None => Command::new(binary),
    };
    let child = command
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    support::run_within(
        child,
        std::time::Duration::from_secs(seconds),
        &format!("needle-guide {args:?}"),
    )
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn pipes_devices_and_sockets_are_refused_by_name_not_read() {
    use std::os::unix::fs::symlink;
    let folder = scratch("special");
    fs::create_dir_all(folder.join("en/pages")).unwrap();
    fs::create_dir_all(folder.join("es")).unwrap();
    mkfifo(&folder.join("clinic.ron"));
    symlink("/dev/zero", folder.join("en/glossary.ron")).unwrap();
    symlink("/dev/null", folder.join("es/ui.ron")).unwrap();
    let _socket =
        std::os::unix::net::UnixListener::bind(folder.join("en/pages/risks.ron")).unwrap();
    mkfifo(&folder.join("en/notes.txt"));

    let dir = folder.to_str().unwrap();
    let output = needle_guide_within(20, &["check", dir]);
    // 3: with its clinic.ron not read, the clinic has no numbers, and the kiosk will not start.
    assert_eq!(output.status.code(), Some(3));
    let report = String::from_utf8_lossy(&output.stdout);
    for (file, says) in [
        (
            "clinic.ron",
            "this is a named pipe (FIFO), not a file, so it was not read",
        ),
        (
            "en/glossary.ron",
            "this is a link to a device, not to a file",
        ),
        ("es/ui.ron", "this is a link to a device, not to a file"),
        ("en/pages/risks.ron", "this is a socket, not a file"),
    ] {
        let line = format!("{}: {says}", folder.join(file).display());
        assert!(report.contains(&line), "no {line:?} in:\n{report}");
    }

    // The window and the other commands load the same way: they never wait on the pipe.
    for args in [
        &["--content", dir][..],
        &["--kiosk", "--content", dir],
        &["text", "--content", dir],
        &["handout", "--content", dir],
    ] {
        let output = needle_guide_within(20, args);
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains("named pipe (FIFO)"), "{args:?}: {said}");
    }
}

#[cfg(unix)]
#[test]
fn each_reason_a_file_is_not_used_has_its_own_message() {
    use std::os::unix::fs::symlink;
    let folder = scratch("reasons");
    fs::create_dir_all(folder.join("en/ui.ron")).unwrap();
    symlink(folder.join("nowhere.ron"), folder.join("clinic.ron")).unwrap();
    fs::write(folder.join("es"), "a file named like the Spanish folder").unwrap();
    fs::create_dir_all(folder.join("en/pages")).unwrap();
    // Opens, then fails to read (reading address 0 of a process's memory is an I/O error).
    symlink("/proc/self/mem", folder.join("en/pages/about.ron")).unwrap();

    let output = needle_guide_within(20, &["check", folder.to_str().unwrap()]);
    // 3: with its clinic.ron not read, the clinic has no numbers, and the kiosk will not start.
    assert_eq!(output.status.code(), Some(3));
    let report = String::from_utf8_lossy(&output.stdout);
    let at = |file: &str| folder.join(file).display().to_string();
    for line in [
        format!(
            "{}: this is a folder, where a file should be",
            at("en/ui.ron")
        ),
        format!(
            "{}: this is a link to something that does not exist",
            at("clinic.ron")
        ),
        format!("{}: this is a file, where a folder should be", at("es")),
        format!(
            "{}: the file cannot be read: input/output error",
            at("en/pages/about.ron")
        ),
    ] {
        assert!(report.contains(&line), "no {line:?} in:\n{report}");
    }
    assert!(!report.contains("missing"), "{report}");
}

/// A folder and a file the user running `check` may not read. Root reads everything, so as root
/// `check` runs as `nobody` (through util-linux's `setpriv`).
#[cfg(unix)]
#[test]
fn an_unreadable_folder_or_file_is_named_as_such() {
    use std::os::unix::fs::PermissionsExt;
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.trim_ascii() == b"0");
    let prefix: &[&str] = if root {
        &[
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
        ]
    } else {
        &[]
    };
    if root && Command::new("setpriv").arg("--version").output().is_err() {
        eprintln!("SKIPPED: running as root without setpriv, nothing can be made unreadable");
        return;
    }
    let folder = scratch("unreadable");
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    fs::create_dir_all(folder.join("en")).unwrap();
    fs::create_dir_all(folder.join("es")).unwrap();
    fs::copy("content/en/ui.ron", folder.join("en/ui.ron")).unwrap();
    fs::copy("content/es/ui.ron", folder.join("es/ui.ron")).unwrap();
    fs::set_permissions(folder.join("en"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(folder.join("es/ui.ron"), fs::Permissions::from_mode(0o000)).unwrap();

    let output = needle_guide_as(20, prefix, &["check", folder.to_str().unwrap()]);
    fs::set_permissions(folder.join("en"), fs::Permissions::from_mode(0o755)).unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{report}");
    let at = |file: &str| folder.join(file).display().to_string();
    for line in [
        format!("{}: the folder cannot be read: permission denied", at("en")),
        format!(
            "{}: the file cannot be read: permission denied",
            at("es/ui.ron")
        ),
    ] {
        assert!(report.contains(&line), "no {line:?} in:\n{report}");
    }
}

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    let folder = scratch("oversized");
    fs::create_dir_all(folder.join("en")).unwrap();
    fs::create_dir_all(folder.join("es")).unwrap();
    // A 20 MB glossary entry: it used to pass, and took the window to gigabytes.
    let glossary = include_str!("../content/en/glossary.ron").replacen(
        "meaning: \"",
        &format!("meaning: \"{}", "x".repeat(20 << 20)),
        1,
    );
    fs::write(folder.join("en/glossary.ron"), &glossary).unwrap();
    // One byte over the limit, and a good file beside it.
    let limit = content::check::MAX_FILE_BYTES as usize;
    let mut ui = include_str!("../content/es/ui.ron").to_owned();
    ui.push_str(&" ".repeat(limit + 1 - ui.len()));
    fs::write(folder.join("es/ui.ron"), &ui).unwrap();
    fs::write(
        folder.join("clinic.ron"),
        "Clinic(name: \"Harbour Physio\")",
    )
    .unwrap();

    let output = needle_guide_within(20, &["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    for (file, bytes) in [
        ("en/glossary.ron", glossary.len()),
        ("es/ui.ron", limit + 1),
    ] {
        let line = format!(
            "{}: the file is {bytes} bytes; a content file may have at most {limit} (1 MiB)",
            folder.join(file).display()
        );
        assert!(report.contains(&line), "no {line:?} in:\n{report}");
    }
    let loaded = Library::with_overrides("en", &ContentFolder::open(&folder).unwrap()).unwrap();
    assert_eq!(loaded.files, ["clinic.ron"]);
    assert_eq!(
        loaded.library.glossary,
        Library::embedded("en").unwrap().glossary
    );

    // Exactly at the limit is read (and then checked as any other file).
    ui.pop();
    fs::write(folder.join("es/ui.ron"), &ui).unwrap();
    let loaded = Library::with_overrides("es", &ContentFolder::open(&folder).unwrap()).unwrap();
    assert!(
        loaded.files.contains(&"es/ui.ron".to_owned()),
        "{:?}",
        loaded.problems
    );
}

#[cfg(unix)]
#[test]
fn links_to_folders_are_named_not_walked_and_the_list_is_bounded() {
    use std::os::unix::fs::symlink;
    let folder = scratch("links");
    // Two links to the folder itself: walked, they made 2, 4, 8 ... paths without end.
    symlink(".", folder.join("a")).unwrap();
    symlink(".", folder.join("b")).unwrap();
    // A link to the root: walked, it read the whole disk.
    symlink("/", folder.join("everything")).unwrap();
    fs::create_dir_all(folder.join("en/pages")).unwrap();
    symlink("..", folder.join("en/pages/up")).unwrap();
    // A deep folder is named once, not walked to its bottom.
    let mut deep = folder.join("old");
    for level in 0..50 {
        deep = deep.join(format!("level-{level}"));
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("risks.ron"), "").unwrap();

    let output = needle_guide_within(20, &["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = report.lines().collect();
    let at = |file: &str| folder.join(file).display().to_string();
    let file = "not a content file of the guide, so it is not used (is the name right?)";
    let expected = [
        format!("{}: {file}", at("a")),
        format!("{}: {file}", at("b")),
        format!("{}: {file}", at("en/pages/up")),
        format!("{}: {file}", at("everything")),
        format!(
            "{}: not a folder of the guide's content, so nothing in it is used (is the name right?)",
            at("old/")
        ),
    ];
    assert_eq!(lines, expected, "{report}");

    // Thousands of stray files: a bounded list, and one line saying there is more.
    let junk = scratch("junk");
    for n in 0..content::Unknown::MAX_LISTED + 50 {
        fs::write(junk.join(format!("copy-{n}.ron")), "").unwrap();
    }
    let unknown = ContentFolder::open(&junk).unwrap().unknown_files();
    assert_eq!(unknown.names.len(), content::Unknown::MAX_LISTED);
    assert!(unknown.more);
    let output = needle_guide_within(20, &["check", junk.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        report.lines().count(),
        content::Unknown::MAX_LISTED + 1,
        "{report}"
    );
    assert!(report.contains(&format!(
        "{}: holds more that is not content than is named here (the first {} are)",
        junk.display(),
        content::Unknown::MAX_LISTED
    )));
}

/// `needle-guide check FOLDER` finds nothing wrong.
fn assert_checks_clean(folder: &std::path::Path) {
    let output = needle_guide(&["check", folder.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn a_file_saved_with_a_byte_order_mark_is_used() {
    let folder = scratch("bom");
    fs::write(
        folder.join("clinic.ron"),
        "\u{FEFF}Clinic(name: \"Harbour Physio\", phone: \"01 234 5678\", emergency_number: \"112\")\r\n",
    )
    .unwrap();
    assert_checks_clean(&folder);
    let loaded = Library::with_overrides("es", &ContentFolder::open(&folder).unwrap()).unwrap();
    assert_eq!(loaded.library.clinic.name, "Harbour Physio");
}

#[test]
fn where_the_languages_differ_is_named_with_its_line_in_plain_words() {
    let folder = scratch("drift");
    fs::create_dir_all(folder.join("es")).unwrap();
    let effects = include_str!("../content/es/side-effects.ron").replacen(
        "low: 15, high: 20",
        "low: 15, high: 25",
        1,
    );
    fs::write(folder.join("es/side-effects.ron"), effects).unwrap();
    let output = needle_guide(&["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        report.trim_end(),
        format!(
            "{}:13:13: the rate of 'bruising' is 15 to 25 out of every 100 treatments, but 15 \
             to 20 out of every 100 treatments in en",
            folder.join("es/side-effects.ron").display()
        )
    );
}

#[test]
fn a_clinic_file_with_an_unsafe_address_or_an_untypable_pin_is_refused() {
    for (field, value) in [
        ("web", "javascript:alert(document.cookie)"),
        ("web", "file:///etc/passwd"),
        ("web", "data:text/html;base64,PHNjcmlwdD4="),
        ("staff_pin", "12ab"),
        ("staff_pin", "1234567890123"),
    ] {
        let folder = scratch("unsafe-clinic");
        fs::write(
            folder.join("clinic.ron"),
            format!(
                "Clinic(name: \"Harbour Physio\", {field}: \"{value}\", phone: \"555\", \
                 emergency_number: \"911\")"
            ),
        )
        .unwrap();
        let output = needle_guide(&["check", folder.to_str().unwrap()]);
        // A PIN that cannot be used keeps the kiosk from starting, and `check` says so (3).
        let exit = if field == "staff_pin" { 3 } else { 1 };
        assert_eq!(output.status.code(), Some(exit), "{value}");
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(
            report.starts_with(&format!(
                "{}:1:32: '{field}' must be",
                folder.join("clinic.ron").display()
            )),
            "{value}: {report}"
        );
        // The window, the text and the handout never use it; the rest of the file is used.
        let loaded = Library::with_overrides("en", &ContentFolder::open(&folder).unwrap()).unwrap();
        assert_eq!(loaded.files, ["clinic.ron"], "{value}");
        assert!(loaded.library.clinic.web.is_empty() && loaded.library.clinic.staff_pin.is_empty());
        assert_eq!(loaded.library.clinic.name, "Harbour Physio");
    }
    assert_eq!(
        content::check::MAX_PIN_DIGITS,
        needle_guide::screen::kiosk::MAX_PIN_DIGITS,
        "check and the keypad agree on how long a PIN can be"
    );
}

/// A Spanish rate that drifted from the English one: `check` refuses it, so the window, `text`
/// and the handout use the built-in file, and say so on stderr (probe N1).
#[test]
fn a_translation_that_check_refuses_is_never_shown() {
    let folder = scratch("drift-shown");
    fs::create_dir_all(folder.join("es")).unwrap();
    let effects = include_str!("../content/es/side-effects.ron").replacen(
        "low: 15, high: 20",
        "low: 15, high: 60",
        1,
    );
    fs::write(folder.join("es/side-effects.ron"), effects).unwrap();
    let path = folder.to_str().unwrap();

    let loaded = Library::with_overrides("es", &ContentFolder::open(&folder).unwrap()).unwrap();
    assert!(loaded.files.is_empty(), "{:?}", loaded.files);
    assert_eq!(
        loaded.library.side_effects,
        Library::embedded("es").unwrap().side_effects
    );
    let check = needle_guide(&["check", path]);
    assert_eq!(check.status.code(), Some(1));
    let refused = String::from_utf8_lossy(&check.stdout);
    assert!(refused.contains("15 to 60"), "{refused}");

    for command in [&["text"][..], &["handout"]] {
        let mut args = command.to_vec();
        args.extend(["--lang", "es", "--content", path]);
        let output = needle_guide(&args);
        assert!(output.status.success(), "{args:?}");
        // The handout is a PDF: its words, as a PDF reader gets them.
        let shown = if command == ["handout"] {
            match support::pdf_text(&output.stdout) {
                Some(text) => text,
                None => continue,
            }
        } else {
            String::from_utf8_lossy(&output.stdout).into_owned()
        };
        assert!(shown.contains("15 a 20 de cada 100"), "{args:?}");
        assert!(
            !shown.contains("15 a 60"),
            "{args:?}: the refused rate is shown"
        );
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(
            said.contains("was not used") && said.contains("es/side-effects.ron:13:13: the rate"),
            "{args:?}: {said}"
        );
    }
}

/// An English file of the folder that no longer matches the built-in Spanish one is the one left
/// out, and the Spanish file is named as the built-in one, not as the folder's.
#[test]
fn an_english_file_that_the_built_in_translation_no_longer_matches_is_left_out() {
    let folder = scratch("drift-english");
    fs::create_dir_all(folder.join("en")).unwrap();
    let effects = include_str!("../content/en/side-effects.ron").replacen(
        "low: 15, high: 20",
        "low: 15, high: 60",
        1,
    );
    fs::write(folder.join("en/side-effects.ron"), effects).unwrap();
    let loaded = Library::with_overrides("en", &ContentFolder::open(&folder).unwrap()).unwrap();
    assert!(loaded.files.is_empty(), "{:?}", loaded.files);
    let said: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with(&format!(
            "{}: left out, because with it the built-in es/side-effects.ron:13:13 says: the \
             rate of 'bruising' is 15 to 20",
            folder.join("en/side-effects.ron").display()
        )),
        "{said:?}"
    );
}

/// A folder side-effects list that drops a rate the built-in pages show, beside a good page of
/// the folder that shows it too (probe F13): the list is left out, the page stays, and what the
/// built-in pages would say is named as theirs.
#[test]
fn a_good_page_that_only_tripped_over_a_bad_file_stays() {
    let folder = scratch("tripped");
    fs::create_dir_all(folder.join("es/pages")).unwrap();
    let effects = include_str!("../content/es/side-effects.ron").replacen(
        "rate: Some(Range(low: 1, high: 3, of: Patients))",
        "rate: None",
        1,
    );
    fs::write(folder.join("es/side-effects.ron"), effects).unwrap();
    let risks = include_str!("../content/es/pages/risks.ron").replacen(
        "lead: \"",
        "lead: \"EDITADO POR LA CLINICA. ",
        1,
    );
    fs::write(folder.join("es/pages/risks.ron"), risks).unwrap();

    let loaded = Library::with_overrides("es", &ContentFolder::open(&folder).unwrap()).unwrap();
    assert_eq!(loaded.files, ["es/pages/risks.ron"]);
    assert!(needle_guide::document::guide_text(&loaded.library).contains("EDITADO POR LA CLINICA"));
    let left_out = folder.join("es/side-effects.ron").display().to_string();
    for problem in &loaded.problems {
        let line = problem.to_string();
        assert!(line.starts_with(&left_out), "{line}");
        for built_in in ["after.ron", "key-points.ron", "teach-back.ron"] {
            assert!(
                !line.contains(&folder.join("es/pages").join(built_in).display().to_string()),
                "a built-in file is named as the folder's: {line}"
            );
        }
    }
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.message.contains("the built-in es/pages/after.ron:")),
        "{:?}",
        loaded.problems
    );
}

/// Direction overrides and terminal controls in a page or a side effect (probe N15): `check`
/// names each with its line, and `text` prints none of them.
#[test]
fn hidden_controls_in_any_file_are_named_and_never_printed() {
    let folder = scratch("hidden-controls");
    fs::create_dir_all(folder.join("en/pages")).unwrap();
    let effects = include_str!("../content/en/side-effects.ron").replacen(
        "name: \"Bleeding or bruising\"",
        "name: \"Bleeding or bruising \u{202E}02 ot 51\u{202C}\"",
        1,
    );
    fs::write(folder.join("en/side-effects.ron"), effects).unwrap();
    let signs = include_str!("../content/en/pages/warning-signs.ron").replacen(
        "title: \"",
        "title: \"\\u{1b}]0;pwned\\u{7}\\u{1b}c",
        1,
    );
    fs::write(folder.join("en/pages/warning-signs.ron"), signs).unwrap();
    let path = folder.to_str().unwrap();
    let check = needle_guide(&["check", path]);
    assert_eq!(check.status.code(), Some(1));
    let report = String::from_utf8_lossy(&check.stdout);
    assert_eq!(report.matches("a hidden character").count(), 5, "{report}");
    assert!(
        report.contains(&format!(
            "{}:14:37: a hidden character, U+202E",
            folder.join("en/side-effects.ron").display()
        )),
        "{report}"
    );
    let text = needle_guide(&["text", "--content", path]);
    assert!(text.status.success());
    let shown = String::from_utf8_lossy(&text.stdout);
    assert!(!shown.chars().any(content::is_hidden_control));
    assert!(!shown.contains("pwned") && !shown.contains("02 ot 51"));
}

/// One file of a content folder, made from the built-in one by an edit.
type Edit = Box<dyn Fn(&str) -> String>;

/// `text` with its first `from` replaced by `to`; `from` must be there.
fn swap(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "no {from:?}");
    text.replacen(from, to, 1)
}

/// `text` without the first block from `start` up to the next `end` (kept).
fn cut(text: &str, start: &str, end: &str) -> String {
    let at = text.find(start).unwrap_or_else(|| panic!("no {start:?}"));
    let to = at + start.len() + text[at + start.len()..].find(end).unwrap();
    format!("{}{}", &text[..at], &text[to..])
}

/// Every message `check` can give, as its source writes it: the checks' own messages, why a rate
/// makes no sense, and what is wrong with markup. Read from the source, so that a new one is
/// on this list (and the test below fails) until a case shows it too keeps its file out.
fn problem_kinds() -> Vec<String> {
    let join = |text: &str| {
        let mut joined = String::new();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            joined.push_str(line);
            // A string continued on the next line, and maybe the line after.
            while joined.ends_with('\\') {
                joined.pop();
                joined.push_str(lines.next().unwrap_or_default().trim_start());
            }
            joined.push('\n');
        }
        joined
    };
    let literals = |text: &str, before: &str| -> Vec<String> {
        let text = join(text);
        let mut found = Vec::new();
        for (at, _) in text.match_indices(before) {
            let rest = text[at + before.len()..].trim_start();
            let Some(rest) = rest.strip_prefix('"') else {
                continue;
            };
            let mut end = 0;
            let bytes = rest.as_bytes();
            while end < bytes.len() && bytes[end] != b'"' {
                end += if bytes[end] == b'\\' { 2 } else { 1 };
            }
            found.push(rest[..end].replace("\\\"", "\""));
        }
        found
    };
    let source = |file: &str, from: &str, to: &str| {
        let text = fs::read_to_string(file).unwrap();
        let start = text.find(from).unwrap();
        let end = start + text[start..].find(to).unwrap();
        text[start..end].to_owned()
    };
    // The checks, whichever of check's files they are in.
    let check = [
        source(
            "core/src/content/check.rs",
            "pub fn library(",
            "#[cfg(test)]",
        ),
        fs::read_to_string("core/src/content/check/locales.rs").unwrap(),
        fs::read_to_string("core/src/content/check/clinic.rs").unwrap(),
    ]
    .concat();
    let rate = source(
        "core/src/content/rate.rs",
        "pub fn problem(",
        "/// \"10000\"",
    );
    let markup = source(
        "core/src/content/markup.rs",
        "fn parse_term(",
        "#[cfg(test)]",
    );
    let clinic = source(
        "core/src/content/clinic.rs",
        "pub(super) fn read(",
        "#[cfg(test)]",
    );
    let mut kinds: Vec<String> = literals(&check, "format!(")
        .into_iter()
        .chain(literals(&check, "report(file, "))
        .chain(literals(&rate, "format!("))
        .chain(literals(&rate, "Some("))
        .chain(literals(&markup, "broken("))
        .chain(literals(&clinic, "format!("))
        .filter(|kind| kind.starts_with(|c: char| c.is_ascii_lowercase() || c == '\''))
        // Where a problem is looked for in the file ("sure:"), not what it says.
        .filter(|kind| !kind.ends_with(':') && !kind.contains(": \"") && kind != "sources: []")
        .collect();
    // The problems of reading: why a file was not read, not UTF-8, not RON, too long.
    kinds.extend(
        [
            "this is a folder, where a file should be",
            "this is a link to something that does not exist",
            "this is a named pipe (FIFO), not a file, so it was not read",
            "the file is {} bytes; a content file may have at most",
            "the file cannot be read:",
            "the file is not UTF-8 text",
            "expected",
            "has {} characters; a text may have at most",
            "has {} items; a list may have at most",
            "a hidden character, U+",
            "this is a file, where a folder should be",
        ]
        .map(String::from),
    );
    kinds.sort();
    kinds.dedup();
    kinds
}

/// Whether `message` is of `kind`: its words, with anything where the kind has a placeholder.
fn is_of_kind(message: &str, kind: &str) -> bool {
    let kind = kind.replace("{{", "\u{1}").replace("}}", "\u{2}");
    let mut pieces = Vec::new();
    let mut rest = kind.as_str();
    while let Some(open) = rest.find('{') {
        pieces.push(&rest[..open]);
        rest = rest[open..]
            .find('}')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    pieces.push(rest);
    let pieces: Vec<String> = pieces
        .iter()
        .map(|piece| piece.replace('\u{1}', "{").replace('\u{2}', "}"))
        .collect();
    // Each piece in order, anywhere in the message.
    (0..message.len())
        .filter(|&start| message.is_char_boundary(start))
        .any(|start| {
            let mut at = start;
            pieces.iter().enumerate().all(|(index, piece)| {
                if index == 0 {
                    let found = message[at..].starts_with(piece.as_str());
                    at += piece.len();
                    found
                } else {
                    match message[at..].find(piece.as_str()) {
                        Some(found) => {
                            at += found + piece.len();
                            true
                        }
                        None => false,
                    }
                }
            })
        })
}

/// Each kind of problem `check` can report, made in a content folder of one file: `check`
/// reports it, and no edition uses that file: the window, `text` and the handout show the
/// built-in one (probe N1). The kinds come from the source, so a new one cannot be forgotten.
#[cfg(unix)]
#[test]
fn every_kind_of_problem_check_reports_keeps_its_file_out_of_the_window() {
    use std::os::unix::fs::symlink;
    let long_id: String = "a".repeat(content::check::MAX_ID_CHARS + 1);
    let edits: Vec<(&str, Edit)> = vec![
        // Side effects and their rates.
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "name: \"Pain during treatment\"", "name: \"\"")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "low: 60, high: 70", "low: 70, high: 60")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "low: 60, high: 70", "low: 60, high: 170")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "FewerThan(value: 3", "FewerThan(value: 0")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "low: 1, high: 3", "low: 0, high: 0")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "low: 1, high: 3", "low: 2, high: 2")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "low: 1, high: 3", "low: 0, high: 100")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "OneIn(n: 200000", "OneIn(n: 0")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| {
                swap(
                    t,
                    "low: 60, high: 70, of: Treatments",
                    "low: 60, high: 70, of: Unstated",
                )
            }),
        ),
        (
            "en/sources.ron",
            Box::new(|t| swap(t, "About(count: 76, per: 1000", "About(count: 76, per: 10")),
        ),
        (
            "en/sources.ron",
            Box::new(|t| {
                swap(
                    t,
                    "Counted(count: 192, per: 1000",
                    "Counted(count: 192, per: 0",
                )
            }),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "source: Some(\"clinic-sheet\"),", "")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| {
                swap(
                    t,
                    "rate: Some(Range(low: 1, high: 3, of: Patients))",
                    "rate: None",
                )
            }),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| {
                swap(
                    t,
                    "source: Some(\"clinic-sheet\")",
                    "source: Some(\"nope\")",
                )
            }),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| cut(t, "chart_sentence: Some(\"Pain while", "source:")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| {
                swap(
                    t,
                    "rate: None,",
                    "rate: None, chart_sentence: Some(\"X.\"),",
                )
            }),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| {
                swap(
                    t,
                    "happens in {rate:pain-during}.",
                    "{rate:pain-during} happens.",
                )
            }),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "id: \"bruising\"", "id: \"pain-during\"")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "id: \"bruising\"", "id: \"\"")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "id: \"bruising\"", "id: \"Bruising\"")),
        ),
        (
            "en/side-effects.ron",
            Box::new(move |t| swap(t, "id: \"bruising\"", &format!("id: \"{long_id}\""))),
        ),
        // Markup.
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "[therapist](physical-therapist)", "[therapist](nope)")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| {
                swap(
                    t,
                    "[therapist](physical-therapist)",
                    "[therapist (physical-therapist)",
                )
            }),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| {
                swap(
                    t,
                    "[therapist](physical-therapist)",
                    "[therapist] physical-therapist)",
                )
            }),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| {
                swap(
                    t,
                    "[therapist](physical-therapist)",
                    "[therapist](physical-therapist",
                )
            }),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "[therapist](physical-therapist)", "[therapist]()")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "{rate:pain-during}.", "{rate:pain-during.")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "{rate:pain-during}.", "{rat:pain-during}.")),
        ),
        (
            "en/side-effects.ron",
            Box::new(|t| swap(t, "{rate:pain-during}.", "{rate:}.")),
        ),
        // Conditions.
        (
            "en/conditions.ron",
            Box::new(|t| swap(t, "name: \"Headaches and migraines\"", "name: \" \"")),
        ),
        (
            "en/conditions.ron",
            Box::new(|t| {
                swap(
                    t,
                    "medical_name: Some(\"Lateral epicondylitis\")",
                    "medical_name: Some(\"\")",
                )
            }),
        ),
        (
            "en/conditions.ron",
            Box::new(|t| swap(t, "source: \"chys-2023\"", "source: \"nope\"")),
        ),
        (
            "en/conditions.ron",
            Box::new(|t| {
                swap(
                    t,
                    "also_lists: [\"groin-strain\"]",
                    "also_lists: [\"nope\"]",
                )
            }),
        ),
        (
            "en/conditions.ron",
            Box::new(|t| {
                swap(
                    t,
                    "also_lists: [\"groin-strain\"]",
                    "also_lists: [\"piriformis-syndrome\"]",
                )
            }),
        ),
        (
            "en/conditions.ron",
            Box::new(|t| swap(t, "id: \"head\"", "id: \"heads\"")),
        ),
        // The glossary, ui.ron and clinic.ron.
        (
            "en/glossary.ron",
            Box::new(|t| swap(t, "word: \"Acupuncture\"", "word: \"\"")),
        ),
        (
            "en/ui.ron",
            Box::new(|t| {
                swap(
                    t,
                    "\"Do you know the benefits and risks of each option?\",",
                    "",
                )
            }),
        ),
        (
            "en/ui.ron",
            Box::new(|t| {
                swap(
                    t,
                    "\"{low} to {high} out of every 100 {of}\"",
                    "\"{low} out of every 100 {of}\"",
                )
            }),
        ),
        (
            "en/ui.ron",
            Box::new(|t| swap(t, "or_fewer: \"fewer than", "or_fewer: \"less than")),
        ),
        (
            "clinic.ron",
            Box::new(|_| "Clinic(web: \"javascript:alert(1)\")".into()),
        ),
        (
            "clinic.ron",
            Box::new(|_| "Clinic(staff_pin: \"12ab\")".into()),
        ),
        (
            "clinic.ron",
            Box::new(|_| format!("Clinic(name: \"{}\")", "N".repeat(101))),
        ),
        (
            "clinic.ron",
            Box::new(|_| format!("Clinic(web: \"https://example.org/{}\")", "a".repeat(300))),
        ),
        (
            "clinic.ron",
            Box::new(|_| "Clinic(phone: \"call us\")".into()),
        ),
        (
            "clinic.ron",
            Box::new(|_| "Clinic(emergency_number: \"{emergency}\")".into()),
        ),
        (
            "clinic.ron",
            Box::new(|_| "Clinic(phone: \"1\", phone: \"2\")".into()),
        ),
        ("clinic.ron", Box::new(|_| "Clinic(fax: \"1\")".into())),
        // Pages.
        (
            "en/pages/about.ron",
            Box::new(|t| swap(t, "id: \"about\"", "id: \"home\"")),
        ),
        (
            "en/pages/teach-back.ron",
            Box::new(|t| swap(t, "nav_label: \"Did it make sense?\"", "nav_label: \"\"")),
        ),
        (
            "en/pages/warning-signs.ron",
            Box::new(|t| {
                swap(
                    t,
                    "\"Breathing faster than normal.\"",
                    "\"Blue or gray lips or skin.\"",
                )
            }),
        ),
        (
            "en/pages/benefits.ron",
            Box::new(|t| swap(t, "sources: [\"cotchett-2014\"]", "sources: []")),
        ),
        (
            "en/pages/benefits.ron",
            Box::new(|t| swap(t, "sources: [\"cotchett-2014\"]", "sources: [\"nope\"]")),
        ),
        (
            "en/pages/risks.ron",
            Box::new(|t| swap(t, "SideEffects([\"fainting\"])", "SideEffects([\"nope\"])")),
        ),
        (
            "en/pages/risks.ron",
            Box::new(|t| swap(t, "\"brady-2014/serious\"", "\"brady-2014/nope\"")),
        ),
        (
            "en/pages/benefits.ron",
            Box::new(|t| swap(t, "helped_more: Some(25)", "helped_more: Some(100)")),
        ),
        (
            "en/pages/benefits.ron",
            Box::new(|t| swap(t, "helped_more: Some(25)", "helped_more: Some(24)")),
        ),
        (
            "en/pages/risks.ron",
            Box::new(|t| {
                swap(
                    t,
                    "RiskScale([\"pain-during\"",
                    "RiskScale([\"fainting\", \"pain-during\"",
                )
            }),
        ),
        (
            "en/pages/warning-signs.ron",
            Box::new(|t| swap(t, "\"chen-2018\"", "\"nope\"")),
        ),
        (
            "en/pages/warning-signs.ron",
            Box::new(|t| {
                swap(
                    t,
                    "sources: [\"lung-top\", \"chen-2018\", \"upper-back-2014\"]",
                    "sources: []",
                )
            }),
        ),
        (
            "en/pages/home.ron",
            Box::new(|t| swap(t, "\"about\"", "\"abuot\"")),
        ),
        (
            "en/pages/teach-back.ron",
            Box::new(|t| {
                let first = t.find("                    CheckQuestion(").unwrap();
                let end = first
                    + t[first..].find("                    ),\n").unwrap()
                    + "                    ),\n".len();
                let copy = &t[first..end];
                format!("{}{copy}{copy}{}", &t[..first], &t[first..])
            }),
        ),
        (
            "en/pages/teach-back.ron",
            Box::new(|t| {
                cut(
                    t,
                    "CheckChoice(text: \"It cures",
                    "CheckChoice(text: \"No study",
                )
            }),
        ),
        (
            "en/pages/teach-back.ron",
            Box::new(|t| {
                swap(
                    t,
                    "The studies are not strong.\", right: true)",
                    "The studies are not strong.\")",
                )
            }),
        ),
        (
            "en/pages/teach-back.ron",
            Box::new(|t| swap(t, "for good.\")", "for good.\", right: true)")),
        ),
        (
            "en/pages/teach-back.ron",
            Box::new(|t| swap(t, "Teaches(page: \"benefits\"", "Teaches(page: \"nope\"")),
        ),
        (
            "en/pages/teach-back.ron",
            Box::new(|t| {
                swap(
                    t,
                    "Teaches(page: \"benefits\", section: 0)",
                    "Teaches(page: \"benefits\", section: 99)",
                )
            }),
        ),
        // Where the languages differ: the Spanish file, or the English one the built-in
        // Spanish file no longer matches.
        (
            "es/sources.ron",
            Box::new(|t| {
                swap(
                    t,
                    "About(count: 76, per: 1000",
                    "About(count: 77, per: 1000",
                )
            }),
        ),
        (
            "es/side-effects.ron",
            Box::new(|t| {
                swap(
                    t,
                    "source: Some(\"clinic-sheet\")",
                    "source: Some(\"brady-2014\")",
                )
            }),
        ),
        (
            "es/side-effects.ron",
            Box::new(|t| {
                swap(
                    t,
                    "\n]",
                    "\n    SideEffect(id: \"extra\", name: \"X\", text: \"Y.\"),\n]",
                )
            }),
        ),
        (
            "es/side-effects.ron",
            Box::new(|t| swap(t, "high: 20,", "high: 60,")),
        ),
        (
            "es/conditions.ron",
            Box::new(|t| {
                let first = t.find("    Region(").unwrap();
                let second = first + 1 + t[first + 1..].find("    Region(").unwrap();
                let third = second + 1 + t[second + 1..].find("    Region(").unwrap();
                format!(
                    "{}{}{}{}",
                    &t[..first],
                    &t[second..third],
                    &t[first..second],
                    &t[third..]
                )
            }),
        ),
        (
            "es/conditions.ron",
            Box::new(|t| swap(t, "id: \"neck-pain\"", "id: \"neck-ache\"")),
        ),
        (
            "es/conditions.ron",
            Box::new(|t| swap(t, "source: \"chys-2023\"", "source: \"gattie-2017\"")),
        ),
        (
            "es/glossary.ron",
            Box::new(|t| {
                swap(
                    t,
                    "\n]",
                    "\n    Term(id: \"extra\", word: \"X\", meaning: \"Y.\"),\n]",
                )
            }),
        ),
        (
            "en/glossary.ron",
            Box::new(|t| {
                swap(
                    t,
                    "\n]",
                    "\n    Term(id: \"extra\", word: \"X\", meaning: \"Y.\"),\n]",
                )
            }),
        ),
        (
            "es/pages/after.ron",
            Box::new(|t| swap(t, "tone: Urgent", "tone: Note")),
        ),
        ("es/ui.ron", Box::new(|t| swap(t, ", 1000000]", "]"))),
        // The page list: a page the code names left out, the check's kind taken off it, an
        // icon there is not.
        (
            "pages.ron",
            Box::new(|t| {
                swap(
                    t,
                    "PageEntry(id: \"glossary\", icon: Some(\"glossary\")),",
                    "",
                )
            }),
        ),
        (
            "pages.ron",
            Box::new(|t| swap(t, ", kind: TeachBack)", ")")),
        ),
        (
            "pages.ron",
            Box::new(|t| swap(t, "icon: Some(\"about\")", "icon: Some(\"smile\")")),
        ),
        // What studies counted, beside a side effect's rate: no rate to set it beside, a count
        // of another kind, one too rare to show out of every 100.
        (
            "en/side-effects.ron",
            Box::new(|t| {
                swap(
                    t,
                    "rate: Some(FewerThanOneIn(n: 10000, of: Treatments)),",
                    "rate: None,",
                )
            }),
        ),
        (
            "en/sources.ron",
            Box::new(|t| {
                swap(
                    t,
                    "rate: About(count: 30, per: 1000, of: Treatments)",
                    "rate: Counted(count: 30, per: 1000, of: Treatments)",
                )
            }),
        ),
        (
            "en/sources.ron",
            Box::new(|t| {
                swap(
                    t,
                    "rate: About(count: 30, per: 1000, of: Treatments)",
                    "rate: About(count: 3, per: 1000, of: Treatments)",
                )
            }),
        ),
        (
            "en/ui.ron",
            Box::new(|t| swap(t, "(\"{command}+K\"", "(\"Ctrl+K\"")),
        ),
        // Reading: not UTF-8, not RON, too long, hidden characters.
        ("en/glossary.ron", Box::new(|_| "[\u{1}".into())),
        ("en/pages/about.ron", Box::new(|_| "Page(".into())),
        (
            "en/glossary.ron",
            Box::new(|t| {
                swap(
                    t,
                    "meaning: \"A treatment",
                    &format!(
                        "meaning: \"{}",
                        "x".repeat(content::check::MAX_TEXT_CHARS + 1)
                    ),
                )
            }),
        ),
        (
            "en/glossary.ron",
            Box::new(|t| {
                swap(
                    t,
                    "\n]",
                    &format!(
                        "{}\n]",
                        "\n    Term(id: \"x\", word: \"X\", meaning: \"Y.\"),"
                            .repeat(content::check::MAX_ITEMS)
                    ),
                )
            }),
        ),
        (
            "en/glossary.ron",
            Box::new(|t| {
                swap(
                    t,
                    "meaning: \"A treatment",
                    "meaning: \"\\u{202E}A treatment",
                )
            }),
        ),
    ];
    let kinds = problem_kinds();
    let mut seen: Vec<String> = Vec::new();
    let built_in: Vec<Library> = content::LOCALES
        .iter()
        .map(|locale| Library::embedded(locale).unwrap())
        .collect();
    let folder = scratch("every-kind");
    // The window, `text`, `handout` and `check` all use what `content::editions` gives.
    let mut try_folder = |what: &str, made: &dyn Fn(&std::path::Path)| {
        let _ = fs::remove_dir_all(&folder);
        fs::create_dir_all(folder.join("en/pages")).unwrap();
        fs::create_dir_all(folder.join("es/pages")).unwrap();
        made(&folder);
        let opened = ContentFolder::open(&folder).unwrap();
        let gated = content::editions(Some(&opened)).unwrap_or_else(|p| panic!("{what}: {p}"));
        assert!(!gated.problems.is_empty(), "{what}: check reports nothing");
        for (edition, built_in) in gated.editions.iter().zip(&built_in) {
            // A clinic.ron with a bad field is used without it: the field is left out (blank,
            // as in the built-in file), the rest kept. Every other file is left out whole.
            let mut library = edition.library.clone();
            if edition.files == ["clinic.ron"] {
                assert!(
                    !library.clinic.left_out.is_empty(),
                    "{what}: clinic.ron used with nothing left out"
                );
                library.clinic.left_out.clear();
            } else {
                assert_eq!(
                    edition.files,
                    [] as [String; 0],
                    "{what}: a folder file is used"
                );
            }
            assert!(library == *built_in, "{what}: not the built-in edition");
        }
        for problem in &gated.problems {
            let message = match problem.message.split_once(" says: ") {
                Some((_, said)) => said,
                None => &problem.message,
            };
            for kind in kinds.iter().filter(|kind| is_of_kind(message, kind)) {
                if !seen.contains(kind) {
                    seen.push(kind.clone());
                }
            }
        }
    };
    for (file, edit) in &edits {
        let built_in = fs::read_to_string(format!("content/{file}")).unwrap_or_default();
        let edited = edit(&built_in);
        try_folder(file, &|folder| {
            fs::write(folder.join(file), &edited).unwrap()
        });
    }
    try_folder("not UTF-8", &|folder| {
        fs::write(folder.join("en/ui.ron"), b"Ui(\xff)").unwrap()
    });
    try_folder("a folder", &|folder| {
        fs::create_dir(folder.join("en/ui.ron")).unwrap()
    });
    try_folder("a broken link", &|folder| {
        symlink("/nowhere", folder.join("en/ui.ron")).unwrap()
    });
    try_folder("a pipe", &|folder| mkfifo(&folder.join("en/ui.ron")));
    try_folder("too big", &|folder| {
        fs::write(
            folder.join("en/ui.ron"),
            vec![b' '; content::check::MAX_FILE_BYTES as usize + 1],
        )
        .unwrap()
    });
    try_folder("unreadable", &|folder| {
        symlink("/proc/self/mem", folder.join("en/ui.ron")).unwrap()
    });
    try_folder(
        "a clinic's page of a kind only a built-in page may be",
        &|folder| {
            let list = fs::read_to_string("content/pages.ron").unwrap();
            let list = swap(
                &list,
                "\n]",
                "\n    PageEntry(id: \"our-check\", kind: TeachBack),\n]",
            );
            fs::write(folder.join("pages.ron"), list).unwrap();
            for locale in content::LOCALES {
                let page = "Page(id: \"our-check\", title: \"Ours\", nav_label: \"Ours\", lead: \"Ours.\")";
                fs::write(folder.join(format!("{locale}/pages/our-check.ron")), page).unwrap();
            }
        },
    );
    try_folder("a file for a folder", &|folder| {
        fs::remove_dir_all(folder.join("es/pages")).unwrap();
        fs::write(folder.join("es/pages"), "").unwrap();
    });
    let _ = fs::remove_dir_all(&folder);
    let missed: Vec<&String> = kinds.iter().filter(|kind| !seen.contains(kind)).collect();
    assert!(missed.is_empty(), "kinds no case shows: {missed:#?}");
}

/// A clinic adds a page of its own with one line in its page list and one file per language:
/// the page list, Next and Previous, `text`, search and read-aloud all find it, with no code.
#[test]
fn a_clinic_adds_a_page_of_its_own() {
    use needle_guide::document::{Document, guide_text};
    use needle_guide::route::{PageId, Route};
    use needle_guide::search::Index;

    let folder = scratch("own-page");
    let list = fs::read_to_string("content/pages.ron").unwrap();
    let list = swap(
        &list,
        "    PageEntry(id: \"sources\"",
        "    PageEntry(id: \"parking\", icon: Some(\"questions\")),\n    PageEntry(id: \"sources\"",
    );
    fs::write(folder.join("pages.ron"), list).unwrap();
    for (locale, title, words) in [
        (
            "en",
            "Parking and payment",
            "Park behind the clinic. We take cards.",
        ),
        (
            "es",
            "Estacionamiento y pago",
            "Estacione detrás de la clínica. Aceptamos tarjetas.",
        ),
    ] {
        fs::create_dir_all(folder.join(format!("{locale}/pages"))).unwrap();
        let page = format!(
            "Page(id: \"parking\", title: \"{title}\", nav_label: \"{title}\", lead: \"{words}\", \
             keywords: [\"car\"], sections: [Section(blocks: [Text(\"{words}\")])])"
        );
        fs::write(folder.join(format!("{locale}/pages/parking.ron")), page).unwrap();
    }
    let opened = ContentFolder::open(&folder).unwrap();
    let editions = content::editions(Some(&opened)).unwrap();
    assert_eq!(editions.problems, [], "the clinic's page is used");
    let parking = PageId::new("parking");
    for edition in &editions.editions {
        let library = &edition.library;
        assert!(library.has_page(parking), "{}", library.locale);
        assert_eq!(library.next_page(PageId::WARNING_SIGNS), Some(parking));
        assert_eq!(library.previous_page(PageId::SOURCES), Some(parking));
        let title = &library.page(parking).title;
        assert!(
            guide_text(library).contains(&format!("{title}\n")),
            "in `text`"
        );
        let document = Document::for_route(library, &Route::Page(parking)).unwrap();
        assert!(
            document
                .passages()
                .iter()
                .any(|passage| passage.contains(title))
        );
        let hits = Index::new(library).search("car");
        assert!(
            hits.iter().any(|hit| hit.title == *title),
            "{}: search finds it by its keyword",
            library.locale
        );
    }
    // `check` finds nothing wrong with it, and `--page` opens it (here, it lists it as valid).
    let output = needle_guide(&["check", folder.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(!report.contains("parking"), "{report}");

    // Without its Spanish file, the list is left out whole, saying which file is missing.
    fs::remove_file(folder.join("es/pages/parking.ron")).unwrap();
    let opened = ContentFolder::open(&folder).unwrap();
    let editions = content::editions(Some(&opened)).unwrap();
    let problems: Vec<String> = editions.problems.iter().map(ToString::to_string).collect();
    assert!(
        problems
            .iter()
            .any(|problem| problem.contains("es/pages/parking.ron")),
        "{problems:?}"
    );
    assert!(
        editions
            .editions
            .iter()
            .all(|edition| !edition.library.has_page(parking))
    );
}
