//! The command line: what was asked for, read without side effects so it can be tested.

use std::path::PathBuf;
use std::time::Duration;

use clap::error::{ContextKind, ErrorKind};
use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::content::LOCALES;
use crate::content::files;
use crate::content::route::Route;
use crate::screen::kiosk::DEFAULT_IDLE_TIMEOUT;

/// What was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Open the window on a route, in a language, maybe over a clinic's content folder.
    Run {
        start: Route,
        locale: String,
        content: Option<PathBuf>,
        /// Kiosk mode, with its idle timeout.
        kiosk: Option<Duration>,
        /// Where the anonymous counts go, when clinic.ron turns them on; `None`: the platform's
        /// data folder.
        insights: Option<PathBuf>,
    },
    /// Print the guide as plain text.
    Text {
        locale: String,
        content: Option<PathBuf>,
    },
    /// Write the handout as a PDF, to a file or standard output.
    Handout {
        locale: String,
        content: Option<PathBuf>,
        output: Option<PathBuf>,
        /// Replace `output` if it exists.
        force: bool,
        conditions: Vec<String>,
        /// `None`: the clinic's.
        paper: Option<crate::handout::Paper>,
    },
    /// Validate the built-in content, or a content folder over it.
    Check { folder: Option<PathBuf> },
    /// Write the built-in content out to a folder.
    Export { folder: PathBuf, force: bool },
    /// Print the clinic's anonymous counts, as a table or CSV.
    Insights {
        csv: bool,
        since: Option<crate::insights::IsoWeek>,
        /// `None`: the platform's data folder.
        file: Option<PathBuf>,
        /// What to do first about counts of weeks after next week (a clock set ahead).
        clock_fix: Option<ClockFix>,
    },
}

/// `insights --clock-fixed`: the counts of weeks after next week, counted while the clock was
/// set ahead, go into next week, but only once staff have seen the date the clock gives: with
/// the clock still wrong (behind), real weeks would move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockFix {
    /// Say which weeks would move, and today's date by the clock; move nothing.
    Show,
    /// Move them (`--yes`).
    Move,
}

/// Reads a command line, program name first. `--help` and `--version` come back as errors whose
/// [`clap::Error::exit_code`] is 0; [`one_line`] words the others.
pub fn parse_from<I, T>(args: I) -> Result<Command, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    Cli::try_parse_from(args).map(Command::from)
}

/// Said after `--help`: the values the flags take, which the README lists too; the page ids are
/// the built-in page list's. clap wraps it to the terminal, so a paragraph is one line.
fn after_help() -> String {
    let pages: Vec<&str> = files::built_in_pages()
        .iter()
        .map(|page| page.id())
        .collect();
    format!(
        "Page ids: {}, and condition/<id> for each condition (see `needle-guide text`); a \
         clinic's content folder may add pages of its own.\nLanguages: en (English), es \
         (Spanish).",
        pages.join(", ")
    )
}

/// Needle Guide: a guide to dry needling for patients.
#[derive(Debug, Parser)]
#[command(
    name = "needle-guide",
    version,
    after_help = after_help(),
    max_term_width = 100,
    args_conflicts_with_subcommands = true,
    disable_help_subcommand = true
)]
struct Cli {
    #[command(flatten)]
    window: Window,
    #[command(subcommand)]
    command: Option<Subcommands>,
}

/// Opening the guide's window, which is what happens without a subcommand.
#[derive(Debug, Args)]
struct Window {
    /// Open on this page (see the page ids below)
    #[arg(long, value_name = "ID", default_value = "home", value_parser = page)]
    page: Route,
    #[command(flatten)]
    edition: Edition,
    /// Run unattended on a waiting-room touch screen; staff leave with Ctrl+Alt+Shift+Q
    #[arg(long)]
    kiosk: bool,
    /// In kiosk mode, start over after this many seconds untouched
    #[arg(
        long,
        value_name = "SECONDS",
        requires = "kiosk",
        default_value_t = DEFAULT_IDLE_TIMEOUT.as_secs(),
        value_parser = clap::value_parser!(u64).range(10..=3600)
    )]
    idle_timeout: u64,
    /// Keep the anonymous counts in this file, when clinic.ron says `insights: true`
    /// [default: insights.sqlite in the platform's data folder]
    #[arg(long, value_name = "FILE")]
    insights: Option<PathBuf>,
}

/// Which edition of the guide: its language, and the clinic's content folder over the built-in one.
#[derive(Debug, Args)]
struct Edition {
    /// The language: en or es
    #[arg(long, value_name = "LANG", default_value = LOCALES[0], value_parser = locale)]
    lang: String,
    /// A clinic's own content folder, used over the built-in content
    #[arg(long, value_name = "DIR")]
    content: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Subcommands {
    /// Print every page's text, in reading order
    Text {
        #[command(flatten)]
        edition: Edition,
    },
    /// Write the take-home handout (a PDF of two pages at most) to a file or standard output
    Handout {
        #[command(flatten)]
        edition: Edition,
        /// The file to write; it must not exist yet, unless --force
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the file if it exists
        #[arg(long, requires = "output")]
        force: bool,
        /// Add a condition's page; may be given more than once
        #[arg(long = "condition", value_name = "ID")]
        conditions: Vec<String>,
        /// The paper it is printed on [default: the clinic's `paper`, else Letter]
        #[arg(long, value_enum)]
        paper: Option<PaperArg>,
    },
    /// Check the built-in content, or a content folder over it
    ///
    /// Lists every problem, and exits 1 if there are any.
    Check {
        /// The content folder to check over the built-in content
        #[arg(value_name = "DIR")]
        folder: Option<PathBuf>,
    },
    /// Print the anonymous counts of the check's answers and the pages opened, by week
    ///
    /// Counts are kept only when clinic.ron says `insights: true`. Weeks with fewer than 5
    /// visits are shown together with the next, and a question's answers are shown only where
    /// each was given 5 times or more in them (or not at all), so that the counts alone pick out
    /// no one patient's answers. They are exact:
    /// anyone who knows the other patients' answers in a span can work out the rest. Read them to
    /// make the explanation better, never alongside what patients show or tell you.
    Insights {
        /// One count a row, as CSV, for a spreadsheet
        #[arg(long)]
        csv: bool,
        /// Only from this ISO week on, as 2026-W49
        #[arg(long, value_name = "WEEK")]
        since: Option<crate::insights::IsoWeek>,
        /// The counts file [default: insights.sqlite in the platform's data folder]
        #[arg(long = "insights", value_name = "FILE")]
        file: Option<PathBuf>,
        /// The computer's clock is right again: say which weeks' counts, counted while it was
        /// set ahead, are after next week, and what today's date is by the clock; with --yes,
        /// move them into next week
        #[arg(long)]
        clock_fixed: bool,
        /// With --clock-fixed: the date it shows is right, move the counts
        #[arg(long, requires = "clock_fixed")]
        yes: bool,
    },
    /// Write the built-in content to a folder to edit
    ExportContent {
        /// The folder to write to; it must be empty, unless --force
        #[arg(value_name = "DIR")]
        folder: PathBuf,
        /// Write over the files already in the folder
        #[arg(long)]
        force: bool,
    },
}

impl From<Cli> for Command {
    fn from(cli: Cli) -> Command {
        match cli.command {
            None => {
                let Window {
                    page,
                    edition,
                    kiosk,
                    idle_timeout,
                    insights,
                } = cli.window;
                Command::Run {
                    start: page,
                    locale: edition.lang,
                    content: edition.content,
                    kiosk: kiosk.then(|| Duration::from_secs(idle_timeout)),
                    insights,
                }
            }
            Some(Subcommands::Text { edition }) => Command::Text {
                locale: edition.lang,
                content: edition.content,
            },
            Some(Subcommands::Handout {
                edition,
                output,
                force,
                conditions,
                paper,
            }) => Command::Handout {
                locale: edition.lang,
                content: edition.content,
                output,
                force,
                conditions,
                paper: paper.map(|paper| match paper {
                    PaperArg::A4 => crate::handout::Paper::A4,
                    PaperArg::Letter => crate::handout::Paper::Letter,
                }),
            },
            Some(Subcommands::Check { folder }) => Command::Check { folder },
            Some(Subcommands::ExportContent { folder, force }) => Command::Export { folder, force },
            Some(Subcommands::Insights {
                csv,
                since,
                file,
                clock_fixed,
                yes,
            }) => Command::Insights {
                csv,
                since,
                file,
                clock_fix: match (clock_fixed, yes) {
                    (false, _) => None,
                    (true, false) => Some(ClockFix::Show),
                    (true, true) => Some(ClockFix::Move),
                },
            },
        }
    }
}

/// The handout's paper, as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

fn locale(value: &str) -> Result<String, String> {
    if LOCALES.contains(&value) {
        Ok(value.to_owned())
    } else {
        Err(format!("unknown language; valid: {}", LOCALES.join(", ")))
    }
}

fn page(id: &str) -> Result<Route, String> {
    let built_in = files::built_in_pages().iter().map(|page| page.id());
    Route::parse(id).ok_or_else(|| format!("unknown page; {}", valid_pages(built_in, None)))
}

/// The valid page ids, and the condition ids when they are known.
pub fn valid_pages<'a>(
    pages: impl Iterator<Item = &'a str>,
    conditions: Option<&[&str]>,
) -> String {
    let pages: Vec<&str> = pages.collect();
    match conditions {
        Some(ids) => format!(
            "valid: {}, or condition/<id> with id one of {}",
            pages.join(", "),
            ids.join(", ")
        ),
        None => format!("valid: {}, or condition/<id>", pages.join(", ")),
    }
}

/// A bad command line in one line: clap's message and its suggestion, or else the flags and
/// subcommands that are valid where the mistake was, and where to read more.
pub fn one_line(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    // clap's message, then its tips, then the usage and "For more information", a block each.
    let mut blocks = rendered
        .split("\n\n")
        .take_while(|block| !block.starts_with("Usage:") && !block.starts_with("For more"))
        .map(|block| block.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut line = blocks.next().unwrap_or_default();
    line = line.strip_prefix("error: ").unwrap_or(&line).to_owned();
    for tip in blocks {
        line = format!("{line}; {}", tip.strip_prefix("tip: ").unwrap_or(&tip));
    }

    let mut cli = Cli::command();
    cli.build();
    // The usage names the subcommand the mistake was made in: "Usage: needle-guide text [OPTIONS]".
    let usage = error
        .get(ContextKind::Usage)
        .map(ToString::to_string)
        .unwrap_or_default();
    let name = usage.split_whitespace().nth(2).unwrap_or_default();
    let command = cli.find_subcommand(name).unwrap_or(&cli);

    let unknown = matches!(
        error.kind(),
        ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand
    );
    let similar = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .any(|kind| error.get(kind).is_some());
    if unknown && !similar {
        let flags = command
            .get_arguments()
            .filter(|arg| !arg.is_hide_set())
            .filter_map(|arg| match (arg.get_long(), arg.get_value_names()) {
                (Some(long), _) => Some(format!("--{long}")),
                (None, Some([name, ..])) => Some(format!("<{name}>")),
                (None, _) => None,
            });
        let subcommands = command
            .get_subcommands()
            .map(|subcommand| subcommand.get_name().to_owned());
        let valid: Vec<String> = flags.chain(subcommands).collect();
        line = format!("{line}; valid here: {}", valid.join(", "));
    }
    let path = if command.get_name() == cli.get_name() {
        cli.get_name().to_owned()
    } else {
        format!("{} {}", cli.get_name(), command.get_name())
    };
    format!("{line} (see {path} --help)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::route::PageId;

    fn parse(line: &str) -> Result<Command, clap::Error> {
        parse_from(std::iter::once("needle-guide").chain(line.split_whitespace()))
    }

    fn run(start: Route, locale: &str, content: Option<&str>) -> Command {
        Command::Run {
            start,
            locale: locale.into(),
            content: content.map(PathBuf::from),
            kiosk: None,
            insights: None,
        }
    }

    #[test]
    fn the_command_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_arguments_opens_home() {
        assert_eq!(parse("").unwrap(), run(Route::HOME, "en", None));
    }

    #[test]
    fn page_flag_opens_pages_and_conditions() {
        assert_eq!(
            parse("--page risks").unwrap(),
            run(Route::Page(PageId::RISKS), "en", None)
        );
        assert_eq!(
            parse("--page condition/sciatica --lang es --content /srv/guide").unwrap(),
            run(
                Route::Condition("sciatica".into()),
                "es",
                Some("/srv/guide")
            )
        );
    }

    #[test]
    fn kiosk_mode_and_its_timeout() {
        let kiosk = |seconds| Command::Run {
            start: Route::HOME,
            locale: "en".into(),
            content: None,
            kiosk: Some(Duration::from_secs(seconds)),
            insights: None,
        };
        assert_eq!(parse("--kiosk").unwrap(), kiosk(90));
        assert_eq!(parse("--kiosk --idle-timeout 120").unwrap(), kiosk(120));
        assert_eq!(parse("--idle-timeout 45 --kiosk").unwrap(), kiosk(45));
        assert_eq!(parse("--kiosk --idle-timeout 10").unwrap(), kiosk(10));
        assert_eq!(parse("--kiosk --idle-timeout 3600").unwrap(), kiosk(3600));
    }

    #[test]
    fn subcommands() {
        let text = |locale: &str, content: Option<&str>| Command::Text {
            locale: locale.into(),
            content: content.map(PathBuf::from),
        };
        assert_eq!(parse("text").unwrap(), text("en", None));
        assert_eq!(parse("text --lang es").unwrap(), text("es", None));
        assert_eq!(
            parse("text --content mine --lang es").unwrap(),
            text("es", Some("mine"))
        );
        assert_eq!(parse("check").unwrap(), Command::Check { folder: None });
        assert_eq!(
            parse("check mine").unwrap(),
            Command::Check {
                folder: Some("mine".into())
            }
        );
        let export = |force| Command::Export {
            folder: "out".into(),
            force,
        };
        assert_eq!(parse("export-content out").unwrap(), export(false));
        assert_eq!(parse("export-content --force out").unwrap(), export(true));
        assert_eq!(
            parse("handout --lang es -o out.pdf --condition sciatica --condition tennis-elbow")
                .unwrap(),
            Command::Handout {
                locale: "es".into(),
                content: None,
                output: Some("out.pdf".into()),
                force: false,
                conditions: vec!["sciatica".into(), "tennis-elbow".into()],
                paper: None,
            }
        );
        assert_eq!(
            parse("handout --content mine --output out.pdf --force --paper a4").unwrap(),
            Command::Handout {
                locale: "en".into(),
                content: Some("mine".into()),
                output: Some("out.pdf".into()),
                force: true,
                conditions: Vec::new(),
                paper: Some(crate::handout::Paper::A4),
            }
        );
        assert!(
            one_line(&parse("handout --force").unwrap_err())
                .starts_with("the following required arguments were not provided: --output <FILE>")
        );
    }

    #[test]
    fn help_and_version_are_asked_for_not_mistakes() {
        for line in [
            "--help",
            "-h",
            "--page risks --help",
            "text --help",
            "check --help",
            "handout -h",
            "export-content --help",
        ] {
            let error = parse(line).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::DisplayHelp, "{line}");
            assert_eq!(error.exit_code(), 0, "{line}");
        }
        let version = parse("--version").unwrap_err();
        assert_eq!(version.kind(), ErrorKind::DisplayVersion);
        assert_eq!(version.to_string(), "needle-guide 0.1.0\n");
    }

    #[test]
    fn the_help_lists_every_page_id_and_language() {
        let after_help = after_help();
        for page in files::built_in_pages() {
            let listed = format!(" {}, ", page.id());
            assert!(after_help.contains(&listed), "{} is not listed", page.id());
        }
        for locale in LOCALES {
            let listed = format!(" {locale} (");
            assert!(after_help.contains(&listed), "{locale} is not listed");
        }
        let help = Cli::command().render_long_help().to_string();
        assert!(help.contains("Page ids: home, about,"), "{help}");
        assert!(help.contains("Languages: en (English)"), "{help}");
    }

    #[test]
    fn mistakes_are_one_line_naming_the_valid_choices() {
        let cases = [
            (
                "--page Lungs!",
                "invalid value 'Lungs!' for '--page <ID>': unknown page; valid: home, about",
            ),
            (
                "--page condition/",
                "invalid value 'condition/' for '--page <ID>': unknown page; valid: home",
            ),
            ("--page", "a value is required for '--page <ID>'"),
            (
                "--pgae risks",
                "unexpected argument '--pgae' found; a similar argument exists: '--page'",
            ),
            (
                "--colour",
                "unexpected argument '--colour' found; valid here: --page, --lang, --content, \
                 --kiosk, --idle-timeout, --insights, --help, --version, text, handout, check, \
                 insights, export-content (see needle-guide --help)",
            ),
            (
                "txet",
                "unrecognized subcommand 'txet'; a similar subcommand exists: 'text'",
            ),
            (
                "text --lang fr",
                "invalid value 'fr' for '--lang <LANG>': unknown language; valid: en, es",
            ),
            (
                "text --page risks",
                "unexpected argument '--page' found; valid here: --lang, --content, --help \
                 (see needle-guide text --help)",
            ),
            (
                "export-content",
                "the following required arguments were not provided: <DIR>",
            ),
            ("export-content a b", "unexpected argument 'b' found"),
            (
                "check --foo",
                "unexpected argument '--foo' found; to pass '--foo' as a value, use '-- --foo'; \
                 valid here: <DIR>, --help (see needle-guide check --help)",
            ),
            (
                "check a b",
                "unexpected argument 'b' found; valid here: <DIR>, --help \
                 (see needle-guide check --help)",
            ),
            ("--content", "a value is required for '--content <DIR>'"),
            (
                "--kiosk --idle-timeout 5",
                "invalid value '5' for '--idle-timeout <SECONDS>': 5 is not in 10..=3600",
            ),
            (
                "--kiosk --idle-timeout soon",
                "invalid value 'soon' for '--idle-timeout <SECONDS>'",
            ),
            (
                "--idle-timeout 60",
                "the following required arguments were not provided: --kiosk",
            ),
            ("text --lang", "a value is required for '--lang <LANG>'"),
            (
                "--page risks text",
                "the subcommand 'text' cannot be used with '--page <ID>'",
            ),
        ];
        for (line, expected) in cases {
            let error = parse(line).unwrap_err();
            assert_eq!(error.exit_code(), 2, "{line}");
            let message = one_line(&error);
            assert!(message.starts_with(expected), "{line}: {message}");
            assert!(!message.contains('\n'), "{line}: {message}");
            assert!(message.ends_with(" --help)"), "{line}: {message}");
        }
    }

    #[test]
    fn empty_paths_are_mistakes() {
        let empty = |args: &[&str]| {
            let args = std::iter::once("needle-guide").chain(args.iter().copied());
            let error = parse_from(args).unwrap_err();
            (error.exit_code(), one_line(&error))
        };
        for args in [
            &["export-content", ""][..],
            &["check", ""],
            &["--content", ""],
            &["handout", "-o", ""],
        ] {
            let (code, message) = empty(args);
            assert_eq!(code, 2, "{args:?}");
            assert!(
                message.starts_with("a value is required for"),
                "{args:?}: {message}"
            );
        }
    }
}
