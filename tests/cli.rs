//! The binary as staff use it from a terminal: help, text, check, and clear one-line errors.

use std::fs;
use std::path::{Path, PathBuf};
mod support;

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    run_in(&std::env::temp_dir(), args)
}

/// Runs the binary with `folder` as its working directory.
fn run_in(folder: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_needle-guide"))
        .args(args)
        .current_dir(folder)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .expect("the binary runs")
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let folder =
        std::env::temp_dir().join(format!("needle-guide-cli-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&folder);
    fs::create_dir_all(&folder).unwrap();
    folder
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn help_lists_the_commands_and_page_ids() {
    let output = run(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let help = stdout(&output);
    for words in ["--page", "text", "check", "warning-signs", "condition/<id>"] {
        assert!(help.contains(words), "help does not mention {words}");
    }
}

#[test]
fn bad_arguments_get_one_line_and_exit_code_2() {
    for args in [
        &["--page", "lungs"][..],
        &["--colour"],
        &["text", "--lang", "xx"],
        &["--page", "condition/broken-leg"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert_eq!(message.lines().count(), 1, "{args:?}: {message}");
        assert!(
            message.contains("valid"),
            "{args:?} does not name the valid choices: {message}"
        );
        assert!(!message.contains("panicked"), "{message}");
    }
}

#[test]
fn text_prints_the_guide_with_rates_in_words() {
    let output = run(&["text", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Learn about dry needling\n"),
        "{}",
        &text[..80]
    );
    assert!(text.contains("15 to 20 out of every 100 treatments"));
    assert!(text.contains("Lateral epicondylitis"));
}

/// The built-in content has no problem; its clinic has no numbers, so `check` alone says it is
/// not ready for patients (tests/clinic_ready.rs). With a clinic's numbers it passes.
#[test]
fn check_passes_on_the_built_in_content() {
    let clinic = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/test-clinic");
    let output = run(&["check", clinic.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).starts_with("en: ok"), "{}", stdout(&output));
    assert!(
        !stdout(&output).contains("holds words"),
        "{}",
        stdout(&output)
    );
    // A phone with menu steps in words passes, with a note: they show in English in Spanish.
    let folder = scratch("phone-words");
    let ron = fs::read_to_string(clinic.join("clinic.ron"))
        .unwrap()
        .replace(
            "after_hours_phone: \"555-0199\"",
            "after_hours_phone: \"555-0199, then press 2, ext 23\"",
        );
    fs::write(folder.join("clinic.ron"), ron).unwrap();
    let output = run(&["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let said = stdout(&output);
    assert!(
        said.contains("'after_hours_phone' holds words") && !said.contains("'phone' holds"),
        "{said}"
    );
    let _ = fs::remove_dir_all(&folder);
}

#[test]
fn without_a_display_the_app_says_so_in_one_line() {
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("no display"), "{message}");
}

#[test]
fn version_is_the_package_version() {
    let output = run(&["--version"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        format!("needle-guide {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_misspelt_flag_or_subcommand_gets_a_suggestion() {
    for (args, suggested) in [
        (&["--pgae", "risks"][..], "'--page'"),
        (&["txet"], "'text'"),
        (&["handout", "--conditon", "sciatica"], "'--condition'"),
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert_eq!(message.lines().count(), 1, "{args:?}: {message}");
        assert!(message.starts_with("needle-guide: "), "{message}");
        assert!(message.contains(suggested), "{args:?}: {message}");
    }
}

#[test]
fn every_subcommand_has_its_help() {
    for (subcommand, words) in [
        ("text", "--lang"),
        ("handout", "--output"),
        ("check", "[DIR]"),
        ("export-content", "--force"),
    ] {
        let output = run(&[subcommand, "--help"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let help = stdout(&output);
        assert!(
            help.contains(&format!("Usage: needle-guide {subcommand}")),
            "{help}"
        );
        assert!(help.contains(words), "{subcommand} --help: {help}");
    }
}

#[test]
fn an_empty_folder_name_is_refused_and_nothing_is_written() {
    let folder = scratch("empty-name");
    for args in [
        &["export-content", ""][..],
        &["check", ""],
        &["--content", ""],
    ] {
        let output = run_in(&folder, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    }
    assert_eq!(
        fs::read_dir(&folder).unwrap().count(),
        0,
        "files were written"
    );
}

#[test]
fn text_and_handout_use_the_clinics_folder_over_the_built_in_content() {
    let folder = scratch("clinic");
    fs::write(
        folder.join("clinic.ron"),
        "Clinic(name: \"Northside Rehab\", phone: \"(555) 010-7777\", emergency_number: \"911\")",
    )
    .unwrap();
    let folder = folder.to_str().unwrap();
    let spanish = support::editions()
        .iter()
        .find(|library| library.locale == "es")
        .unwrap()
        .ui
        .handout
        .left_out
        .clone();
    let left_out = spanish.split("{what}").next().unwrap().to_owned();
    for args in [
        &["text", "--content", folder][..],
        &["handout", "--lang", "es", "--content", folder],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        // Nothing to say, but for what the handout left out to fit two pages.
        let said = stderr(&output);
        assert!(
            said.is_empty()
                || (args[0] == "handout"
                    && said.starts_with(&format!("needle-guide: note: {left_out}"))),
            "{args:?}: {said}"
        );
        // The handout is a PDF: its words are what a PDF reader gets out of it (where poppler's
        // pdftotext is installed, as CI installs it).
        let text = if args[0] == "handout" {
            assert!(output.stdout.starts_with(b"%PDF-"), "a PDF");
            match support::pdf_text(&output.stdout) {
                Some(text) => text,
                None => continue,
            }
        } else {
            stdout(&output)
        };
        assert!(text.contains("Northside Rehab"), "{args:?}");
        assert!(text.contains("(555) 010-7777"), "{args:?}");
    }
    // Without the folder, no clinic's details at all: the words-only advice.
    let built_in = stdout(&run(&["text"]));
    assert!(!built_in.contains("Northside Rehab") && !built_in.contains("(555)"));
    assert!(built_in.contains("Call the clinic where you had your treatment."));
}

/// A content folder `clinic` in `folder` whose clinic.ron is `ron`.
fn clinic_folder(folder: &std::path::Path, ron: &str) -> std::path::PathBuf {
    let clinic = folder.join("clinic");
    fs::create_dir_all(&clinic).unwrap();
    fs::write(clinic.join("clinic.ron"), ron).unwrap();
    clinic
}

/// A handout printed without the clinic's numbers has lines to write them in by hand; staff who
/// print it are told so, and how to put the numbers in for good, after it is written.
#[test]
fn a_handout_without_the_clinics_numbers_tells_staff_so() {
    let folder = scratch("handout-numbers");
    let output = run_in(&folder, &["handout", "-o", "built-in.pdf"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(folder.join("built-in.pdf").exists());
    assert_eq!(
        stderr(&output),
        "needle-guide: note: the handout has blank lines to write the numbers in by hand, as the \
         built-in clinic.ron has no usable emergency_number and phone; to fix it, run \
         `needle-guide export-content DIR`, write emergency_number and phone in DIR/clinic.ron, \
         and run the guide with `--content DIR` (see docs/content.md, \"Your clinic\")\n"
    );

    let clinic = clinic_folder(&folder, "Clinic(phone: \"(555) 010-7777\")");
    let output = run(&["handout", "--content", clinic.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("blank lines"), "{message}");
    assert!(message.contains("emergency_number"), "{message}");
    assert!(!message.contains("and phone"), "{message}");
    assert!(message.contains(clinic.to_str().unwrap()), "{message}");

    // Not when the write fails: then only why.
    fs::write(folder.join("taken.pdf"), "").unwrap();
    let output = run_in(&folder, &["handout", "-o", "taken.pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        !stderr(&output).contains("blank lines"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_broken_file_in_the_folder_is_reported_and_the_built_in_one_is_used() {
    let folder = scratch("broken");
    fs::create_dir_all(folder.join("en")).unwrap();
    fs::write(folder.join("en/ui.ron"), "Ui(app_title: 3)").unwrap();
    let output = run(&["text", "--content", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("Learn about dry needling\n"));
    let message = stderr(&output);
    assert!(message.contains("was not used"), "{message}");
    assert!(message.contains("en/ui.ron:1:"), "{message}");
}

/// What the user typed comes back in some messages: never with a control character or a
/// direction override, which could move the terminal's cursor or turn the words around.
#[test]
fn arguments_come_back_without_control_characters() {
    let folder = scratch("controls");
    let typed = "x\u{1b}[2J\u{202e}y\u{7}\u{9b}z";
    let missing = folder.join(typed);
    for args in [
        &["--page", typed][..],
        &["handout", "--condition", typed],
        &["check", missing.to_str().unwrap()],
        &["--content", missing.to_str().unwrap()],
        &["text", "--lang", typed],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert_eq!(message.lines().count(), 1, "{args:?}: {message:?}");
        assert!(message.contains("x[2Jyz"), "{args:?}: {message:?}");
        assert!(
            !message
                .chars()
                .any(needle_guide::content::is_hidden_control),
            "{args:?}: {message:?}"
        );
    }
}

/// `needle-guide text | head`: when the reader stops reading, the command stops quietly.
#[test]
fn a_closed_output_ends_the_command_quietly() {
    let folder = scratch("closed-output");
    let export = folder.join("export");
    // A clinic with its numbers, so `handout` has no note for staff to give.
    let clinic = clinic_folder(
        &folder,
        "Clinic(phone: \"(555) 010-7777\", emergency_number: \"911\")",
    );
    for args in [
        &["text"][..],
        &["handout", "--content", clinic.to_str().unwrap()],
        &["check"],
        &["check", "/"],
        &["export-content", export.to_str().unwrap()],
    ] {
        // The reading end is closed before the command writes a byte.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = Command::new(env!("CARGO_BIN_EXE_needle-guide"))
            .args(args)
            .stdout(writer)
            .output()
            .unwrap();
        assert_eq!(stderr(&output), "", "{args:?}");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn handout_never_writes_over_a_file_without_force() {
    let folder = scratch("handout-exists");
    let target = folder.join("handout.pdf");
    fs::write(&target, "the patient's notes").unwrap();

    let output = run_in(&folder, &["handout", "-o", "handout.pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "needle-guide: handout.pdf already exists; choose another name, or add --force to \
         replace it\n"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "the patient's notes");

    let output = run_in(&folder, &["handout", "-o", "handout.pdf", "--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(fs::read(&target).unwrap().starts_with(b"%PDF-"));

    let output = run_in(&folder, &["handout", "--lang", "es", "-o", "nueva.pdf"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["handout.pdf", "nueva.pdf"], "nothing else is left");
}

/// A full disk (here, a file size limit) or a kill in the middle of writing leaves the file as
/// it was: never cut off, never empty.
#[cfg(unix)]
#[test]
fn a_handout_is_written_whole_or_not_at_all() {
    let folder = scratch("handout-whole");
    let binary = env!("CARGO_BIN_EXE_needle-guide");
    // `ulimit -f 8` allows 4 KiB; the handout is larger. Ignoring SIGXFSZ turns the limit into
    // a write error ("File too large"), as a full disk would be; without, the kernel kills the
    // command in the middle of writing.
    let limited = |ignore: bool, args: &str| {
        let trap = if ignore { "trap '' XFSZ; " } else { "" };
        Command::new("sh")
            .arg("-c")
            .arg(format!("{trap}ulimit -f 8; exec '{binary}' handout {args}"))
            .current_dir(&folder)
            .output()
            .unwrap()
    };
    let files = || -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };

    let output = limited(true, "-o new.pdf");
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.starts_with("needle-guide: cannot write new.pdf: "),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(files().is_empty(), "{:?}", files());

    fs::write(folder.join("old.pdf"), "the last good handout").unwrap();
    let output = limited(true, "-o old.pdf --force");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(files(), ["old.pdf"]);
    assert_eq!(
        fs::read_to_string(folder.join("old.pdf")).unwrap(),
        "the last good handout"
    );

    let killed = limited(false, "-o old.pdf --force");
    assert_eq!(killed.status.code(), None, "killed by a signal");
    assert_eq!(
        fs::read_to_string(folder.join("old.pdf")).unwrap(),
        "the last good handout"
    );
    let killed = limited(false, "-o new.pdf");
    assert_eq!(killed.status.code(), None, "killed by a signal");
    assert!(!folder.join("new.pdf").exists());
}

#[test]
fn export_makes_no_folder_it_only_steps_out_of() {
    let folder = scratch("export-steps");
    let output = run_in(&folder, &["export-content", "a/../b"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "needle-guide: cannot write to a/../b: a does not exist, so the path cannot step back \
         out of it\n"
    );
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 0, "nothing is left");

    // Through a folder that exists, it is an ordinary path.
    fs::create_dir(folder.join("a")).unwrap();
    let output = run_in(&folder, &["export-content", "a/../b"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(folder.join("b/en/pages/risks.ron").is_file());
    assert_eq!(fs::read_dir(folder.join("a")).unwrap().count(), 0);
}

#[test]
fn a_failed_export_takes_away_what_it_made() {
    let folder = scratch("export-fails");
    // A file where the Spanish folder goes: the export fails part way, after the English files.
    fs::write(folder.join("es"), "notes").unwrap();
    let output = run_in(&folder, &["export-content", "--force", "."]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.starts_with("needle-guide: cannot write ./es/"),
        "{message}"
    );
    let left: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(left, ["es"], "only what was there before is left");
    assert_eq!(fs::read_to_string(folder.join("es")).unwrap(), "notes");
}

/// Characters the guide's font lacks do not fail the check (the machine's fonts draw them), but
/// staff learn of them, since the guide then starts more slowly.
#[test]
fn check_notes_characters_the_guides_font_lacks() {
    let folder = scratch("script");
    fs::write(
        folder.join("clinic.ron"),
        "Clinic(name: \"东方 Rehab\", phone: \"555-0100\", emergency_number: \"555-0111\")",
    )
    .unwrap();
    let output = run(&["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let printed = stdout(&output);
    assert!(
        printed.contains(
            "note: the guide's font has no letters for some characters of the content \
             (Chinese, Japanese or Korean: 东 方)"
        ),
        "{printed}"
    );
    let built_in = stdout(&run(&["check"]));
    assert!(!built_in.contains("note:"), "{built_in}");
}

/// Every way `handout -o` can fail names the problem in words, never "(os error N)".
#[test]
fn handout_file_problems_are_named_in_words() {
    let folder = scratch("handout-words");
    fs::write(folder.join("a-file"), "notes").unwrap();
    fs::create_dir(folder.join("a-folder")).unwrap();
    let too_long = "h".repeat(251) + ".html";
    let cases = [
        (
            vec!["sub/"],
            "sub/: that names a folder; give the name of a file",
        ),
        (
            vec!["missing/h.html"],
            "missing/h.html: the folder does not exist",
        ),
        (
            vec!["a-file/h.html"],
            "a-file/h.html: a part of the path is a file, not a folder",
        ),
        (vec!["a-folder"], "a-folder: that is a folder, not a file"),
        (
            vec!["a-folder", "--force"],
            "a-folder: that is a folder, not a file",
        ),
        (vec![too_long.as_str()], ": the file name is too long"),
    ];
    for (args, expected) in cases {
        let output = run_in(&folder, &[&["handout", "-o"][..], &args].concat());
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {message}");
        assert!(
            message.starts_with("needle-guide: cannot write "),
            "{message}"
        );
        assert!(
            message.ends_with(&format!("{expected}\n")),
            "{args:?}: {message}"
        );
        assert!(!message.contains("os error"), "{message}");
    }
    let mut left: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    left.sort();
    assert_eq!(left, ["a-file", "a-folder"], "nothing else is left");
}

/// A name of 245 bytes is valid (the most is 255): the temporary name beside it must fit too.
#[test]
fn a_long_file_name_that_is_valid_can_be_written() {
    let folder = scratch("handout-long-name");
    let name = "h".repeat(240) + ".html";
    let output = run_in(&folder, &["handout", "-o", &name]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = run_in(&folder, &["handout", "-o", &name, "--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let left: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(left, [name.as_str()]);
}

/// The handout names the patient's conditions: it is made readable by its owner only, whatever
/// the umask, and so is the file that replaces another.
#[cfg(unix)]
#[test]
fn a_written_handout_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let folder = scratch("handout-mode");
    let mode = |name: &str| {
        fs::metadata(folder.join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    let output = run_in(
        &folder,
        &["handout", "--condition", "neck-pain", "-o", "new.html"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(mode("new.html"), 0o600);
    fs::write(folder.join("old.html"), "anyone may read this").unwrap();
    fs::set_permissions(folder.join("old.html"), fs::Permissions::from_mode(0o644)).unwrap();
    let output = run_in(&folder, &["handout", "-o", "old.html", "--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(mode("old.html"), 0o600);
}

#[cfg(unix)]
#[test]
fn export_never_writes_through_a_link() {
    let folder = scratch("export-links");
    fs::create_dir_all(folder.join("d")).unwrap();
    fs::create_dir_all(folder.join("elsewhere")).unwrap();
    fs::write(folder.join("victim.txt"), "precious").unwrap();
    std::os::unix::fs::symlink("../victim.txt", folder.join("d/clinic.ron")).unwrap();

    let output = run_in(&folder, &["export-content", "d", "--force"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "needle-guide: d/clinic.ron is a link; nothing is written through links, so that \
         nothing outside d changes: remove the link, or choose another folder\n"
    );
    assert_eq!(
        fs::read_to_string(folder.join("victim.txt")).unwrap(),
        "precious"
    );
    assert_eq!(
        fs::read_dir(folder.join("d")).unwrap().count(),
        1,
        "nothing written"
    );

    // A linked folder inside: refused too, and nothing goes where it points.
    fs::remove_file(folder.join("d/clinic.ron")).unwrap();
    std::os::unix::fs::symlink("../elsewhere", folder.join("d/en")).unwrap();
    let output = run_in(&folder, &["export-content", "d", "--force"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("needle-guide: d/en is a link;"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_dir(folder.join("elsewhere")).unwrap().count(), 0);
    assert_eq!(
        fs::read_dir(folder.join("d")).unwrap().count(),
        1,
        "nothing written"
    );

    // The folder named itself may be a link: that is where the user asked for the files.
    fs::remove_file(folder.join("d/en")).unwrap();
    std::os::unix::fs::symlink("elsewhere", folder.join("named")).unwrap();
    let output = run_in(&folder, &["export-content", "named"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(folder.join("elsewhere/en/pages/risks.ron").is_file());
}

/// A folder that cannot be listed (write and search permission, no read) may hold files: it is
/// not taken for empty, so nothing in it is written over without --force.
#[cfg(target_os = "linux")]
#[test]
fn export_refuses_a_folder_it_cannot_list() {
    use std::os::unix::fs::PermissionsExt;
    let folder = scratch("export-unlisted");
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    let target = folder.join("d");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("clinic.ron"), "MINE").unwrap();
    let binary = env!("CARGO_BIN_EXE_needle-guide");
    // Root reads any folder, so the command runs as an ordinary user (nobody) there.
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let setpriv = Command::new("setpriv").arg("--version").output().is_ok();
    if root && !setpriv {
        eprintln!(
            "\n*** SKIPPED export_refuses_a_folder_it_cannot_list: as root it needs setpriv. ***\n"
        );
        return;
    }
    let mut command = if root {
        std::os::unix::fs::chown(&target, Some(65534), Some(65534)).unwrap();
        std::os::unix::fs::chown(target.join("clinic.ron"), Some(65534), Some(65534)).unwrap();
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups", binary]);
        command
    } else {
        Command::new(binary)
    };
    fs::set_permissions(&target, fs::Permissions::from_mode(0o300)).unwrap();
    let output = command
        .args(["export-content", "d"])
        .current_dir(&folder)
        .output()
        .expect("the binary runs");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "needle-guide: cannot tell whether d is empty: you may not list what is in it; choose a \
         folder you can read, or add --force to write over any files in it\n"
    );
    assert_eq!(
        fs::read_to_string(target.join("clinic.ron")).unwrap(),
        "MINE"
    );
    assert_eq!(fs::read_dir(&target).unwrap().count(), 1);
}

/// Staff told that visits go to a week ahead of the clock bring them back, once it is right,
/// to the week after this one: after seeing the date the clock gives.
#[test]
fn insights_clock_fixed_brings_counts_from_weeks_ahead_into_the_next_week() {
    use needle_guide::insights::{IsoWeek, Mode, Store, Visit};
    let folder = scratch("insights-clock");
    let file = folder.join("counts.sqlite");
    let path = file.to_str().unwrap();
    let now = IsoWeek::now();
    let ahead = (0..10).fold(now, |week, _| week.next());
    let mut store = Store::open(&file).unwrap();
    for _ in 0..3 {
        store.record(ahead, Mode::Kiosk, &Visit::default()).unwrap();
    }
    drop(store);
    // First the date the clock gives, to check, and which weeks would move: nothing moves.
    let shown = run(&["insights", "--clock-fixed", "--insights", path]);
    assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));
    for said in [
        format!(
            "puts today in week {now} ({} to {})",
            now.monday(),
            now.sunday()
        ),
        format!("The counts of {ahead} are after next week, {}", now.next()),
        format!(
            "--clock-fixed --yes to move them: week {ahead} to {}.",
            now.next()
        ),
        "Nothing was moved.".to_owned(),
    ] {
        assert!(stderr(&shown).contains(&said), "{said}: {}", stderr(&shown));
    }
    let weeks_of = |file: &std::path::Path| {
        Store::open(file)
            .unwrap()
            .weeks(Mode::Kiosk, None)
            .unwrap()
            .iter()
            .map(|week| (week.from, week.visits))
            .collect::<Vec<_>>()
    };
    assert_eq!(weeks_of(&file), [(ahead, 3)]);
    // --yes on its own is refused: it goes with --clock-fixed.
    assert_ne!(
        run(&["insights", "--yes", "--insights", path])
            .status
            .code(),
        Some(0)
    );
    let fixed = run(&["insights", "--clock-fixed", "--yes", "--insights", path]);
    assert_eq!(fixed.status.code(), Some(0), "{}", stderr(&fixed));
    assert!(
        stderr(&fixed).contains(&format!(
            "moved the counts of week {ahead} to {}.",
            now.next()
        )),
        "{}",
        stderr(&fixed)
    );
    assert_eq!(weeks_of(&file), [(now.next(), 3)]);
    let again = run(&["insights", "--clock-fixed", "--yes", "--insights", path]);
    assert!(
        stderr(&again).contains("nothing to move"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn insights_prints_the_weeks_counts_merged_so_no_quiet_week_stands_alone() {
    use needle_guide::insights::{Answer, IsoWeek, Mode, Store, Visit};
    let folder = scratch("insights");
    let file = folder.join("counts.sqlite");
    let path = file.to_str().unwrap();
    // No file yet: said plainly, and not an error.
    let none = run(&["insights", "--insights", path]);
    assert_eq!(none.status.code(), Some(0), "{}", stderr(&none));
    assert!(stdout(&none).contains("no counts yet"), "{}", stdout(&none));
    // As CSV: the header alone, and the sentence to the person.
    let none = run(&["insights", "--csv", "--insights", path]);
    assert_eq!(stdout(&none), "mode,from,to,what,item,answer,count\n");
    assert!(stderr(&none).contains("no counts yet"), "{}", stderr(&none));
    // Read from this user's own data folder, where a kiosk run as another user never writes:
    // said so, with what to do, and that a clock fix moved nothing.
    let own = Command::new(env!("CARGO_BIN_EXE_needle-guide"))
        .args(["insights", "--clock-fixed", "--yes"])
        .env("XDG_DATA_HOME", &folder)
        .output()
        .expect("the binary runs");
    let said = stdout(&own);
    assert!(
        said.contains("the user running this command")
            && said.contains("--insights FILE")
            && said.contains("Nothing was moved."),
        "{said}"
    );

    let mut store = Store::open(&file).unwrap();
    let first: IsoWeek = "2026-W39".parse().unwrap();
    // Two visits in the first week, too quiet to stand alone, and eight in the next; then two, too
    // few, and one in the last week, which is not known to be over until a later one has counts.
    let weeks = [
        (first, 2),
        (first.next(), 8),
        (first.next().next(), 2),
        (first.next().next().next(), 1),
    ];
    for (week, visits) in weeks {
        for n in 0..visits {
            let visit = Visit {
                reached_check: true,
                answers: [(
                    "lungs".to_owned(),
                    if n < 3 { Answer::Wrong } else { Answer::Right },
                )]
                .into_iter()
                .collect(),
                ..Visit::default()
            };
            store.record(week, Mode::Kiosk, &visit).unwrap();
        }
    }
    drop(store);
    let table = run(&["insights", "--insights", path]);
    assert_eq!(table.status.code(), Some(0), "{}", stderr(&table));
    let text = stdout(&table);
    assert!(
        text.contains("kiosk 2026-W39 to 2026-W40: 10 visits, 10 reached the check"),
        "{text}"
    );
    // The quiet weeks after it wait for more: shown now, with the span before, a later reading
    // would give their visits away.
    assert!(
        !text.contains("2026-W41") && !text.contains("2026-W42"),
        "{text}"
    );
    // 2 wrong in the first week and 3 in the second, of 10 answers: each answer given 5 times
    // or none, so shown.
    let lungs = text
        .lines()
        .find(|line| line.trim_start().starts_with("lungs"))
        .unwrap();
    let cells: Vec<&str> = lungs.split_whitespace().collect();
    assert_eq!(
        cells,
        ["lungs", "5", "(50%)", "5", "(50%)", "0", "(0%)"],
        "{text}"
    );
    assert!(text.contains("consult: no counts yet"), "{text}");

    let csv = run(&["insights", "--csv", "--insights", path]);
    let csv = stdout(&csv);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "mode,from,to,what,item,answer,count");
    assert!(
        lines.contains(&"kiosk,2026-W39,2026-W40,visits,,,10"),
        "{csv}"
    );
    assert!(
        lines.contains(&"kiosk,2026-W39,2026-W40,answer,lungs,wrong,5"),
        "{csv}"
    );

    // From the week after the quiet one: still merged with it, so `--since` cannot set the
    // quiet week's two visits apart; and from a later week, nothing.
    let since = run(&["insights", "--since", "2026-W40", "--insights", path]);
    assert!(
        stdout(&since).contains("kiosk 2026-W39 to 2026-W40: 10 visits"),
        "{}",
        stdout(&since)
    );
    let later = run(&["insights", "--since", "2026-W41", "--insights", path]);
    assert!(
        stdout(&later).contains("kiosk: no counts yet"),
        "{}",
        stdout(&later)
    );
    // This week's counts are shown once it is over: read twice while it is under way, they
    // would show what one visit added.
    let mut store = Store::open(&file).unwrap();
    for _ in 0..6 {
        store
            .record(IsoWeek::now(), Mode::Consult, &Visit::default())
            .unwrap();
    }
    drop(store);
    let now = run(&["insights", "--insights", path]);
    assert!(
        stdout(&now).contains("consult: no counts yet")
            && stdout(&now).contains("a week is shown once it is over"),
        "{}",
        stdout(&now)
    );

    // A file that is not counts: one line naming it, exit 1, and the file left alone.
    let notes = folder.join("notes.txt");
    fs::write(
        &notes,
        "not a database, just a long enough text ".repeat(100),
    )
    .unwrap();
    let refused = run(&["insights", "--insights", notes.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("notes.txt"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(stderr(&refused).lines().count(), 1, "{}", stderr(&refused));
    let _ = fs::remove_dir_all(&folder);
}
