//! `needle-guide`: read the command line, then open the guide or run a subcommand.

use std::process::ExitCode;
use std::sync::Arc;

use needle_guide::app;
use needle_guide::cli::{self, Command};
use needle_guide::content::{LOCALES, Library};
use needle_guide::document::guide_text;
use needle_guide::route::Route;

/// Exit codes: 1 for a problem with the content or the display, 2 for a bad command line.
const FAILURE: u8 = 1;
const USAGE: u8 = 2;

fn main() -> ExitCode {
    // Nobody at a kiosk or a desk should ever see a backtrace: say what broke in one line.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("unknown");
        // The windowing library panics when it cannot reach a display.
        if message.starts_with("Create event loop") {
            no_display();
        }
        eprintln!("needle-guide: internal error: {message}");
    }));

    let command = match cli::parse(std::env::args().skip(1)) {
        Ok(command) => command,
        Err(error) => {
            eprintln!("needle-guide: {error}");
            return ExitCode::from(USAGE);
        }
    };

    match command {
        Command::Help => {
            println!("{}", cli::USAGE);
            ExitCode::SUCCESS
        }
        Command::Check => check(),
        Command::Text { locale } => match load(&locale) {
            Ok(library) => {
                print!("{}", guide_text(&library));
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        Command::Run { start } => {
            let library = match load(LOCALES[0]) {
                Ok(library) => library,
                Err(code) => return code,
            };
            if let Route::Condition(id) = &start
                && library.condition(id).is_none()
            {
                let ids: Vec<&str> = library.conditions().map(|(_, c)| c.id.as_str()).collect();
                eprintln!(
                    "needle-guide: unknown condition '{id}'; {} (see needle-guide --help)",
                    cli::valid_pages(Some(&ids))
                );
                return ExitCode::from(USAGE);
            }
            if ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
                .iter()
                .all(|name| std::env::var_os(name).is_none())
            {
                no_display();
            }
            match app::run(Arc::new(library), start) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("needle-guide: cannot open a window: {error}");
                    ExitCode::from(FAILURE)
                }
            }
        }
    }
}

/// Says in one line that there is no display to open a window on, and exits.
fn no_display() -> ! {
    let shown = |name: &str| {
        std::env::var(name).map_or_else(|_| "unset".to_owned(), |value| format!("'{value}'"))
    };
    eprintln!(
        "needle-guide: cannot open a window: no display could be reached (DISPLAY is {}, WAYLAND_DISPLAY is {}); \
         run it in a desktop session, under a compositor such as cage, or under Xvfb",
        shown("DISPLAY"),
        shown("WAYLAND_DISPLAY")
    );
    std::process::exit(i32::from(FAILURE))
}

fn load(locale: &str) -> Result<Library, ExitCode> {
    Library::embedded(locale).map_err(|problems| {
        eprintln!("needle-guide: the built-in content has problems:\n{problems}");
        ExitCode::from(FAILURE)
    })
}

fn check() -> ExitCode {
    let mut failed = false;
    for locale in LOCALES {
        match Library::embedded(locale) {
            Ok(library) => println!(
                "{locale}: ok ({} pages, {} conditions, {} side effects, {} glossary terms)",
                library.pages.len(),
                library.conditions().count(),
                library.side_effects.len(),
                library.glossary.len()
            ),
            Err(problems) => {
                failed = true;
                println!("{problems}");
            }
        }
    }
    if failed {
        ExitCode::from(FAILURE)
    } else {
        ExitCode::SUCCESS
    }
}
