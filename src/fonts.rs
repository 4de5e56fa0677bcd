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
    /// characters the embedded fonts lack: which scripts they belong to, with a few of each (and
    /// "…" for the rest), and any invisible ones by their code (U+200B), which staff could not
    /// otherwise see to find them.
    pub fn note(&self) -> Option<String> {
        let Fonts::AlsoInstalled(missing) = self else {
            return None;
        };
        let groups: Vec<String> = SCRIPTS
            .iter()
            .map(|(script, _)| *script)
            .chain([OTHER, INVISIBLE])
            .filter_map(|script| {
                let mut shown: Vec<String> = missing
                    .iter()
                    .filter(|c| script_of(**c) == script)
                    .map(|c| readable(*c))
                    .collect();
                if shown.is_empty() {
                    return None;
                }
                if shown.len() > SHOWN_PER_SCRIPT {
                    shown.truncate(SHOWN_PER_SCRIPT);
                    shown.push("…".to_owned());
                }
                Some(format!("{script}: {}", shown.join(" ")))
            })
            .collect();
        Some(format!(
            "the guide's font has no letters for some characters of the content ({}); the \
             machine's own fonts draw them if they can, and the guide starts more slowly",
            groups.join("; ")
        ))
    }
}

/// How many characters of one script the note names.
const SHOWN_PER_SCRIPT: usize = 10;

/// Scripts staff can recognise by name, with their main Unicode blocks.
const SCRIPTS: &[(&str, &[(u32, u32)])] = &[
    ("Greek", &[(0x0370, 0x03FF), (0x1F00, 0x1FFF)]),
    ("Cyrillic", &[(0x0400, 0x052F)]),
    ("Hebrew", &[(0x0590, 0x05FF)]),
    (
        "Arabic",
        &[
            (0x0600, 0x06FF),
            (0x0750, 0x077F),
            (0x08A0, 0x08FF),
            (0xFB50, 0xFDFF),
            (0xFE70, 0xFEFF),
        ],
    ),
    ("Devanagari", &[(0x0900, 0x097F)]),
    ("Thai", &[(0x0E00, 0x0E7F)]),
    (
        "Chinese, Japanese or Korean",
        &[
            (0x1100, 0x11FF),
            (0x2E80, 0x318F),
            (0x3400, 0x4DBF),
            (0x4E00, 0x9FFF),
            (0xAC00, 0xD7AF),
            (0xF900, 0xFAFF),
            (0xFF00, 0xFFEF),
            (0x20000, 0x3FFFF),
        ],
    ),
    ("emoji", &[(0x2600, 0x27BF), (0x1F000, 0x1FAFF)]),
];

const OTHER: &str = "other";
const INVISIBLE: &str = "invisible";

/// The name of the group the note puts `c` in.
fn script_of(c: char) -> &'static str {
    if invisible(c) {
        return INVISIBLE;
    }
    let code = u32::from(c);
    SCRIPTS
        .iter()
        .find(|(_, blocks)| {
            blocks
                .iter()
                .any(|(from, to)| (*from..=*to).contains(&code))
        })
        .map_or(OTHER, |(script, _)| script)
}

/// Whether `c` shows nothing by itself: spaces other than the plain one, joiners, direction
/// marks, variation selectors and other formatting characters.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            u32::from(c),
            0x00AD
                | 0x034F
                | 0x061C
                | 0x115F..=0x1160
                | 0x17B4..=0x17B5
                | 0x180B..=0x180F
                | 0x200B..=0x200F
                | 0x202A..=0x202E
                | 0x2060..=0x206F
                | 0x3164
                | 0xFE00..=0xFE0F
                | 0xFEFF
                | 0xFFA0
                | 0xFFF0..=0xFFFB
                | 0x1D173..=0x1D17A
                | 0xE0000..=0xE0FFF
        )
}

/// `c` as the note shows it: itself, or its code if it shows nothing.
fn readable(c: char) -> String {
    if invisible(c) {
        format!("U+{:04X}", u32::from(c))
    } else {
        c.to_string()
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

    fn note_for(text: &str) -> String {
        let missing = not_embedded(&text.chars().collect());
        Fonts::AlsoInstalled(missing).note().unwrap()
    }

    #[test]
    fn the_fonts_note_names_every_script_and_says_when_it_stops() {
        let note = note_for("港湾物理治疗诊所 عيادة الميناء 🏥 Ελλάδα");
        for part in [
            "Greek: Ε ά α δ λ;",
            "Arabic: ء ا ة د ع ل م ن ي;",
            "Chinese, Japanese or Korean: 所 治 港 湾 物 理 疗 诊;",
            "emoji: 🏥)",
        ] {
            assert!(note.contains(part), "{part} is not in: {note}");
        }
        assert!(!note.contains('…'), "nothing was left out: {note}");

        let many: String = ('一'..='十').collect();
        let note = note_for(&many);
        assert!(
            note.contains("Korean: 一 丁 丂 七 丄 丅 丆 万 丈 三 …)"),
            "{note}"
        );
    }

    #[test]
    fn invisible_characters_are_named_by_their_code() {
        let note = note_for("Harbour\u{61c}\u{200b}\u{200f}\u{2028}\u{ad} Physio\u{200d}");
        assert!(
            note.contains("(invisible: U+061C U+200B U+200D U+200F U+2028)"),
            "{note}"
        );
        assert!(
            note.chars().all(|c| !invisible(c) || c == ' '),
            "an invisible character is printed: {note:?}"
        );
    }
}
