//! The command line: what was asked for, read without side effects so it can be tested.

use std::path::PathBuf;

use crate::content::LOCALES;
use crate::content::route::{PageId, Route};

pub const USAGE: &str = "\
Needle Guide: a guide to dry needling for patients.

Usage:
  needle-guide [--page <id>] [--lang <l>] [--content <dir>]
                                     Open the guide (on a page, in a language, with a
                                     clinic's own content folder over the built-in one)
  needle-guide --kiosk [--idle-timeout <seconds>] [--lang <l>] [--content <dir>]
                                     Run unattended on a waiting-room touch screen; it
                                     starts over after <seconds> untouched (default 90).
                                     Staff leave with Ctrl+Alt+Shift+Q
  needle-guide text [--lang <l>]     Print every page's text, in reading order
  needle-guide handout [--lang <l>] [-o <file>] [--condition <id>]...
                                     Write the take-home handout (HTML, to print) to a
                                     file, or to standard output
  needle-guide check [<dir>]         Check the built-in content, or a content folder;
                                     list every problem and exit 1 if there are any
  needle-guide export-content <dir> [--force]
                                     Write the built-in content to a folder to edit
  needle-guide --help                Show this help

Page ids: home, about, compare, conditions, risks, warning-signs, before, after,
glossary, key-points, and condition/<id> for each condition (see `needle-guide text`).
Languages: en (English), es (Spanish).";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Open the window on a route, in a language, maybe over a clinic's content folder.
    Run {
        start: Route,
        locale: String,
        content: Option<PathBuf>,
        /// Kiosk mode, with its idle timeout in seconds.
        kiosk: Option<u64>,
    },
    /// Print the guide as plain text.
    Text {
        locale: String,
    },
    /// Write the handout as HTML, to a file or standard output.
    Handout {
        locale: String,
        output: Option<PathBuf>,
        conditions: Vec<String>,
    },
    /// Validate the built-in content, or a content folder over it.
    Check {
        folder: Option<PathBuf>,
    },
    /// Write the built-in content out to a folder.
    Export {
        folder: PathBuf,
        force: bool,
    },
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
    if args
        .peek()
        .is_some_and(|arg| arg == "--help" || arg == "-h")
    {
        return Ok(Command::Help);
    }
    match args.peek().map(String::as_str) {
        Some("text") => {
            args.next();
            let mut locale = LOCALES[0].to_owned();
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--lang" => locale = parse_locale(value_of("--lang", args.next())?)?,
                    other => return Err(unknown(other, "--lang")),
                }
            }
            Ok(Command::Text { locale })
        }
        Some("handout") => {
            args.next();
            let (mut locale, mut output, mut conditions) =
                (LOCALES[0].to_owned(), None, Vec::new());
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--lang" => locale = parse_locale(value_of("--lang", args.next())?)?,
                    "-o" | "--output" => output = Some(PathBuf::from(value_of("-o", args.next())?)),
                    "--condition" => conditions.push(value_of("--condition", args.next())?),
                    other => return Err(unknown(other, "--lang, -o, --condition")),
                }
            }
            Ok(Command::Handout {
                locale,
                output,
                conditions,
            })
        }
        Some("check") => {
            args.next();
            let folder = args.next().map(PathBuf::from);
            match args.next() {
                None => Ok(Command::Check { folder }),
                Some(extra) => Err(UsageError(format!(
                    "unexpected argument '{extra}'; check takes one folder at most"
                ))),
            }
        }
        Some("export-content") => {
            args.next();
            let (mut folder, mut force) = (None, false);
            for arg in args {
                match arg.as_str() {
                    "--force" => force = true,
                    flag if flag.starts_with("--") => return Err(unknown(flag, "--force")),
                    _ if folder.is_some() => {
                        return Err(UsageError(format!(
                            "unexpected argument '{arg}'; export-content takes one folder"
                        )));
                    }
                    _ => folder = Some(PathBuf::from(arg)),
                }
            }
            let folder = folder
                .ok_or_else(|| UsageError("export-content needs a folder to write to".into()))?;
            Ok(Command::Export { folder, force })
        }
        _ => {
            let (mut start, mut locale, mut content) = (Route::HOME, LOCALES[0].to_owned(), None);
            let (mut kiosk, mut idle_timeout) = (false, None);
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--help" | "-h" => return Ok(Command::Help),
                    "--page" => start = parse_route(&value_of("--page", args.next())?)?,
                    "--lang" => locale = parse_locale(value_of("--lang", args.next())?)?,
                    "--content" => {
                        content = Some(PathBuf::from(value_of("--content", args.next())?))
                    }
                    "--kiosk" => kiosk = true,
                    "--idle-timeout" => {
                        idle_timeout =
                            Some(parse_seconds(&value_of("--idle-timeout", args.next())?)?)
                    }
                    other => {
                        return Err(unknown(
                            other,
                            "--page, --lang, --content, --kiosk, --idle-timeout, --help, text, handout, check, export-content",
                        ));
                    }
                }
            }
            if idle_timeout.is_some() && !kiosk {
                return Err(UsageError("--idle-timeout goes with --kiosk".into()));
            }
            let kiosk = kiosk.then(|| idle_timeout.unwrap_or(DEFAULT_IDLE_SECONDS));
            Ok(Command::Run {
                start,
                locale,
                content,
                kiosk,
            })
        }
    }
}

/// The idle timeout when `--idle-timeout` is not given.
pub const DEFAULT_IDLE_SECONDS: u64 = 90;
/// The shortest and longest idle timeouts that make sense for a waiting room.
const IDLE_SECONDS: std::ops::RangeInclusive<u64> = 10..=3600;

fn parse_seconds(value: &str) -> Result<u64, UsageError> {
    value
        .parse::<u64>()
        .ok()
        .filter(|seconds| IDLE_SECONDS.contains(seconds))
        .ok_or_else(|| {
            UsageError(format!(
                "--idle-timeout takes whole seconds from {} to {}, not '{value}'",
                IDLE_SECONDS.start(),
                IDLE_SECONDS.end()
            ))
        })
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

    fn run(start: Route, locale: &str, content: Option<&str>) -> Command {
        Command::Run {
            start,
            locale: locale.into(),
            content: content.map(PathBuf::from),
            kiosk: None,
        }
    }

    fn parse_str(line: &str) -> Result<Command, UsageError> {
        parse(line.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn no_arguments_opens_home() {
        assert_eq!(parse_str(""), Ok(run(Route::HOME, "en", None)));
    }

    #[test]
    fn page_flag_opens_pages_and_conditions() {
        assert_eq!(
            parse_str("--page risks"),
            Ok(run(Route::Page(PageId::Risks), "en", None))
        );
        assert_eq!(
            parse_str("--page condition/sciatica --lang es --content /srv/guide"),
            Ok(run(
                Route::Condition("sciatica".into()),
                "es",
                Some("/srv/guide")
            ))
        );
    }

    #[test]
    fn kiosk_mode_and_its_timeout() {
        let kiosk = |seconds| Command::Run {
            start: Route::HOME,
            locale: "en".into(),
            content: None,
            kiosk: Some(seconds),
        };
        assert_eq!(parse_str("--kiosk"), Ok(kiosk(90)));
        assert_eq!(parse_str("--kiosk --idle-timeout 120"), Ok(kiosk(120)));
        assert_eq!(parse_str("--idle-timeout 45 --kiosk"), Ok(kiosk(45)));
    }

    #[test]
    fn subcommands() {
        let text = |locale: &str| Command::Text {
            locale: locale.into(),
        };
        assert_eq!(parse_str("text"), Ok(text("en")));
        assert_eq!(parse_str("text --lang es"), Ok(text("es")));
        assert_eq!(parse_str("check"), Ok(Command::Check { folder: None }));
        assert_eq!(
            parse_str("check mine"),
            Ok(Command::Check {
                folder: Some("mine".into())
            })
        );
        let export = |force| Command::Export {
            folder: "out".into(),
            force,
        };
        assert_eq!(parse_str("export-content out"), Ok(export(false)));
        assert_eq!(parse_str("export-content --force out"), Ok(export(true)));
        assert_eq!(parse_str("--help"), Ok(Command::Help));
        assert_eq!(parse_str("--page risks --help"), Ok(Command::Help));
        assert_eq!(
            parse_str("handout --lang es -o out.html --condition sciatica"),
            Ok(Command::Handout {
                locale: "es".into(),
                output: Some("out.html".into()),
                conditions: vec!["sciatica".into()],
            })
        );
    }

    #[test]
    fn mistakes_are_one_line_naming_the_valid_choices() {
        let cases = [
            ("--page lungs", "unknown page 'lungs'; valid: home, about"),
            ("--page", "--page needs a value"),
            ("--pgae risks", "unknown argument '--pgae'"),
            ("text --lang fr", "unknown language 'fr'; valid: en, es"),
            ("export-content", "export-content needs a folder"),
            ("export-content a b", "unexpected argument 'b'"),
            ("check a b", "unexpected argument 'b'"),
            ("--content", "--content needs a value"),
            (
                "--kiosk --idle-timeout 5",
                "--idle-timeout takes whole seconds from 10 to 3600, not '5'",
            ),
            (
                "--kiosk --idle-timeout soon",
                "--idle-timeout takes whole seconds",
            ),
            ("--idle-timeout 60", "--idle-timeout goes with --kiosk"),
            ("text --lang", "--lang needs a value"),
        ];
        for (line, expected) in cases {
            let error = parse_str(line).unwrap_err().to_string();
            assert!(error.starts_with(expected), "{line}: {error}");
            assert!(!error.contains('\n'), "{line}: {error}");
        }
    }
}
