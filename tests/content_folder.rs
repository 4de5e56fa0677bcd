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
    let expected = content::LOCALES.len() * (content::files::of_locale("en").len() - 1) + 1;
    assert_eq!(
        written, expected,
        "one file per locale file, and clinic.ron once"
    );
    assert!(folder.join("es/pages/risks.ron").exists());
    assert!(folder.join("clinic.ron").exists());

    // Sound, but the exported clinic.ron is the built-in one, with no numbers: `check` names it.
    let output = needle_guide(&["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(3));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.starts_with(&format!(
            "NOT READY FOR PATIENTS: {} leaves emergency_number and phone empty",
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
    let mut child = command
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            let output = child.wait_with_output().unwrap();
            panic!(
                "needle-guide {args:?} still ran after {seconds} s; it printed: {}",
                String::from_utf8_lossy(&output.stdout)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
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
    assert_eq!(output.status.code(), Some(1));
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
    assert_eq!(output.status.code(), Some(1));
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
            "{}:12:13: the rate of 'bruising' is 15 to 25 out of every 100 treatments, but 15 \
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
            format!("Clinic(name: \"Harbour Physio\", {field}: \"{value}\")"),
        )
        .unwrap();
        let output = needle_guide(&["check", folder.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{value}");
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
