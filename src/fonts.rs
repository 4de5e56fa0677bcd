//! Which fonts the guide's text system reads. It draws everything in the fonts it embeds
//! (Atkinson Hyperlegible), so reading every font installed on the machine only slows the first
//! frame: by 11–27 ms here with a few dozen fonts, and more on a desktop or a Windows PC with
//! hundreds. The machine's fonts are read only when the content has a character the embedded
//! fonts lack (a clinic's own words in another script), so that it is drawn rather than shown as
//! an empty box. See docs/performance.md, "Start-up".

use std::collections::BTreeSet;

use crate::content::Library;
use crate::theme::FONT_FILES;

/// The marks the code draws itself, outside the content: arrows, bullets, the A− and A+ of text
/// size. Every printable ASCII character is added to them, for the numbers and punctuation the
/// code writes.
const MARKS: &str = "‹›•−";

/// Every character the guide can show from these editions: their pages, interface words, clinic
/// details and sources (as their debug form holds them: a generous superset of what is shown),
/// and the marks the code draws.
pub fn characters_shown<'a>(editions: impl IntoIterator<Item = &'a Library>) -> BTreeSet<char> {
    let mut text: String = (' '..='~').collect();
    text.push_str(MARKS);
    for library in editions {
        text.push_str(&format!("{library:?}"));
    }
    let mut characters: BTreeSet<char> = text.chars().filter(|c| !c.is_control()).collect();
    // The debug form writes some characters as escapes (a no-break space as `\u{a0}`).
    characters.extend(
        text.split("\\u{")
            .skip(1)
            .filter_map(|rest| u32::from_str_radix(rest.split('}').next()?, 16).ok())
            .filter_map(char::from_u32)
            .filter(|c| !c.is_control()),
    );
    characters
}

/// The characters of `characters` that one of the embedded fonts (regular or bold) cannot draw.
pub fn not_embedded(characters: &BTreeSet<char>) -> BTreeSet<char> {
    let faces: Vec<ttf_parser::Face> = FONT_FILES
        .iter()
        .filter_map(|bytes| ttf_parser::Face::parse(bytes, 0).ok())
        .collect();
    characters
        .iter()
        .copied()
        .filter(|c| {
            faces.len() < FONT_FILES.len() || faces.iter().any(|f| f.glyph_index(*c).is_none())
        })
        .collect()
}

/// What the text system reads besides the embedded fonts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fonts {
    /// Nothing: the embedded fonts draw every character.
    EmbeddedOnly,
    /// The machine's fonts too, for these characters the embedded fonts lack.
    AlsoInstalled(BTreeSet<char>),
}

impl Fonts {
    /// What staff are told, at start-up and by `needle-guide check`, when the content has
    /// characters the embedded fonts lack: the first twenty of them, and what follows.
    pub fn note(&self) -> Option<String> {
        let Fonts::AlsoInstalled(missing) = self else {
            return None;
        };
        let shown: String = missing.iter().take(20).collect();
        Some(format!(
            "the guide's font has no letters for some characters of the content ({shown}); the \
             machine's own fonts draw them if they can, and the guide starts more slowly"
        ))
    }
}

/// The fonts these editions need.
pub fn needed<'a>(editions: impl IntoIterator<Item = &'a Library>) -> Fonts {
    let missing = not_embedded(&characters_shown(editions));
    if missing.is_empty() {
        Fonts::EmbeddedOnly
    } else {
        Fonts::AlsoInstalled(missing)
    }
}

/// Starts iced's text system before the window opens, with the machine's fonts only if `fonts`
/// says so.
///
/// Call it from the main thread before iced or anything else starts a thread: to keep the
/// machine's fonts out, it changes the environment for the moment the text system starts.
pub fn start_text_system(fonts: &Fonts) {
    match fonts {
        Fonts::EmbeddedOnly => without_installed_fonts(start),
        Fonts::AlsoInstalled(_) => start(),
    }
}

/// iced's text system is made once, the first time it is asked for; it reads the installed fonts
/// then, and iced adds the app's own fonts to it later.
fn start() {
    let _ = iced::advanced::graphics::text::font_system();
}

/// Runs `start` with the places the text system looks for installed fonts pointing at nothing,
/// then puts the environment back as it was, so the programs the guide starts (speech, the
/// browser for the handout) see it unchanged. If that cannot be arranged, `start` runs as usual.
///
/// On Linux the text system reads the font folders of the fontconfig file `FONTCONFIG_FILE`
/// names: for the moment it starts, that is a file whose one folder does not exist. On Windows it
/// reads `%SYSTEMROOT%\Fonts` and the user's font folders under `%USERPROFILE%`.
fn without_installed_fonts(start: impl FnOnce()) {
    #[cfg(target_os = "linux")]
    {
        use std::io::Write;
        let config =
            std::env::temp_dir().join(format!("needle-guide-{}-fonts.conf", std::process::id()));
        // `create_new` never follows or reuses a file someone else put there, and only the file
        // made here is removed.
        let Ok(mut file) = std::fs::File::options()
            .write(true)
            .create_new(true)
            .open(&config)
        else {
            return start();
        };
        let nowhere = config.join("none");
        let written = write!(
            file,
            "<?xml version=\"1.0\"?>\n<fontconfig><dir>{}</dir></fontconfig>\n",
            nowhere.display()
        );
        drop(file);
        if written.is_ok() {
            with_environment(&[("FONTCONFIG_FILE", config.as_os_str())], start);
        } else {
            start();
        }
        let _ = std::fs::remove_file(&config);
    }
    #[cfg(windows)]
    {
        // A folder under the program's own file cannot exist.
        match std::env::current_exe() {
            Ok(program) => with_environment(
                &[
                    ("SYSTEMROOT", program.as_os_str()),
                    ("USERPROFILE", program.as_os_str()),
                ],
                start,
            ),
            Err(_) => start(),
        }
    }
    #[cfg(not(any(target_os = "linux", windows)))]
    start();
}

/// Runs `run` with these environment variables set, then sets them back as they were.
#[cfg(any(target_os = "linux", windows))]
fn with_environment(variables: &[(&str, &std::ffi::OsStr)], run: impl FnOnce()) {
    let before: Vec<_> = variables
        .iter()
        .map(|(name, _)| (*name, std::env::var_os(name)))
        .collect();
    // SAFETY: `start_text_system`'s caller runs it before any other thread exists, so nothing
    // reads the environment while it changes.
    unsafe {
        for (name, value) in variables {
            std::env::set_var(name, value);
        }
    }
    run();
    unsafe {
        for (name, value) in before {
            match value {
                Some(value) => std::env::set_var(name, value),
                None => std::env::remove_var(name),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_the_embedded_fonts_lack_are_found() {
        let characters: BTreeSet<char> = "añ¿→中".chars().collect();
        assert_eq!(
            not_embedded(&characters),
            BTreeSet::from(['→', '中']),
            "Atkinson Hyperlegible has Latin letters, not arrows or Chinese"
        );
    }
}
