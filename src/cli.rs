//! The command line: what was asked for, read without side effects so it can be tested.

use crate::content::LOCALES;
use crate::route::{PageId, Route};

pub const USAGE: &str = "\
Needle Guide: a guide to dry needling for patients.

Usage:
  needle-guide [--page <id>]     Open the guide (on a page, if given)
  needle-guide text [--lang <l>] Print every page's text, in reading order
  needle-guide check             Check the built-in content; exit 1 if anything is wrong
  needle-guide --help            Show this help

Page ids: home, about, compare, conditions, risks, warning-signs, before, after,
glossary, key-points, and condition/<id> for each condition (see `needle-guide text`).
Languages: en.";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Open the window on a route.
    Run {
        start: Route,
    },
    /// Print the guide as plain text.
    Text {
        locale: String,
    },
    /// Validate the content.
    Check,
    Help,
}

/// A command line that cannot be carried out: one line, naming what would be valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (see needle-guide --help)", self.0)
    }
}

/// Reads the arguments after the program's name.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, UsageError> {
    let mut args = args.into_iter().peekable();
    let command = match args.peek().map(String::as_str) {
        Some("text") => {
            args.next();
            let mut locale = LOCALES[0].to_owned();
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--lang" => locale = parse_locale(value_of("--lang", args.next())?)?,
                    other => return Err(unknown(other, "--lang")),
                }
            }
            return Ok(Command::Text { locale });
        }
        Some("check") => {
            args.next();
            Command::Check
        }
        _ => {
            let mut start = Route::HOME;
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--help" | "-h" => return Ok(Command::Help),
                    "--page" => start = parse_route(&value_of("--page", args.next())?)?,
                    other => return Err(unknown(other, "--page, --help, text, check")),
                }
            }
            return Ok(Command::Run { start });
        }
    };
    match args.next() {
        None => Ok(command),
        Some(extra) => Err(UsageError(format!("unexpected argument '{extra}'"))),
    }
}

fn value_of(flag: &str, value: Option<String>) -> Result<String, UsageError> {
    value
        .filter(|v| !v.starts_with("--"))
        .ok_or_else(|| UsageError(format!("{flag} needs a value")))
}

fn unknown(argument: &str, valid: &str) -> UsageError {
    UsageError(format!(
        "unknown argument '{argument}'; valid here: {valid}"
    ))
}

fn parse_locale(locale: String) -> Result<String, UsageError> {
    if LOCALES.contains(&locale.as_str()) {
        Ok(locale)
    } else {
        Err(UsageError(format!(
            "unknown language '{locale}'; valid: {}",
            LOCALES.join(", ")
        )))
    }
}

fn parse_route(id: &str) -> Result<Route, UsageError> {
    Route::parse(id)
        .ok_or_else(|| UsageError(format!("unknown page '{id}'; {}", valid_pages(None))))
}

/// The valid page ids, and the condition ids when they are known.
pub fn valid_pages(conditions: Option<&[&str]>) -> String {
    let pages: Vec<&str> = PageId::ALL.iter().map(|page| page.id()).collect();
    match conditions {
        Some(ids) => format!(
            "valid: {}, or condition/<id> with id one of {}",
            pages.join(", "),
            ids.join(", ")
        ),
        None => format!("valid: {}, or condition/<id>", pages.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(line: &str) -> Result<Command, UsageError> {
        parse(line.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn no_arguments_opens_home() {
        assert_eq!(parse_str(""), Ok(Command::Run { start: Route::HOME }));
    }

    #[test]
    fn page_flag_opens_pages_and_conditions() {
        assert_eq!(
            parse_str("--page risks"),
            Ok(Command::Run {
                start: Route::Page(PageId::Risks)
            })
        );
        assert_eq!(
            parse_str("--page condition/sciatica"),
            Ok(Command::Run {
                start: Route::Condition("sciatica".into())
            })
        );
    }

    #[test]
    fn subcommands() {
        assert_eq!(
            parse_str("text"),
            Ok(Command::Text {
                locale: "en".into()
            })
        );
        assert_eq!(
            parse_str("text --lang en"),
            Ok(Command::Text {
                locale: "en".into()
            })
        );
        assert_eq!(parse_str("check"), Ok(Command::Check));
        assert_eq!(parse_str("--help"), Ok(Command::Help));
        assert_eq!(parse_str("--page risks --help"), Ok(Command::Help));
    }

    #[test]
    fn mistakes_are_one_line_naming_the_valid_choices() {
        let cases = [
            ("--page lungs", "unknown page 'lungs'; valid: home, about"),
            ("--page", "--page needs a value"),
            ("--pgae risks", "unknown argument '--pgae'"),
            ("text --lang fr", "unknown language 'fr'; valid: en"),
            ("text --lang", "--lang needs a value"),
            ("check now", "unexpected argument 'now'"),
        ];
        for (line, expected) in cases {
            let error = parse_str(line).unwrap_err().to_string();
            assert!(error.starts_with(expected), "{line}: {error}");
            assert!(!error.contains('\n'), "{line}: {error}");
        }
    }
}
