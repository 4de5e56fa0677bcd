//! The binary as staff use it from a terminal: help, text, check, and clear one-line errors.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_needle-guide"))
        .args(args)
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

#[test]
fn check_passes_on_the_built_in_content() {
    let output = run(&["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).starts_with("en: ok"), "{}", stdout(&output));
}

#[test]
fn without_a_display_the_app_says_so_in_one_line() {
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("no display"), "{message}");
}
