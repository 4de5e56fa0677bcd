//! What a patient at the kiosk takes home on a phone: the topics to ask the therapist about and
//! the questions they ticked, or the questions page's questions, as plain text in a QR code. A
//! phone's camera reads the text itself, with no network and no server, and the kiosk writes
//! nothing down: the code is made from the screen's state and goes with it at the reset.

use qrcode::bits::Bits;
use qrcode::{EcLevel, QrCode, Version};

/// The largest code the kiosk may show: the screen picks one in this range, the largest it
/// draws at 3 pixels a cell (`screen::kiosk::largest_take_home_version`), and never one under
/// its start. Version 30 (137 cells across, 3 pixels a cell on an 800×480 panel) holds every
/// step of what to do if something is wrong, with the longest phones a clinic may give, in
/// either language (and a code grows where they would not fit: `TakeHome::new`); version 39 (173
/// cells, 3 pixels a cell on a 1280×800 screen) holds the longest list the check can make,
/// whole, in both languages; 40 is the largest there is.
pub const VERSIONS: std::ops::RangeInclusive<i16> = 30..=40;

/// How much of a code may be spoiled (a smudge, a glare) and it still reads. The clinic's web
/// address, on the screen all day, has medium correction.
pub const WEB_CORRECTION: EcLevel = EcLevel::M;

/// A list to take home is read there and then by a patient who can hold the phone again, and it
/// opens with what to do if something is wrong after treatment: low correction holds about a
/// third more of the list than medium in a code of the same size.
pub const TAKE_HOME_CORRECTION: EcLevel = EcLevel::L;

/// A part of what is taken home: its heading and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub items: Vec<String>,
}

/// The text of the code, and how much of it there was room for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakeHome {
    /// What the code holds, as a phone shows it.
    pub text: String,
    /// The sections as they are in the code (the screen shows these).
    pub sections: Vec<Section>,
    /// How many lines it holds, of how many there were. Fewer: the screen says so.
    pub kept: usize,
    pub total: usize,
    /// The largest version it was fitted to.
    largest: i16,
}

impl TakeHome {
    /// The sections under `title`, in a code no larger than version `largest`. Where they do not
    /// fit, lines are left out from the end, whole, until they do, `kept` says how many are in,
    /// and the text itself ends with `left_out` ("{left}" the number of lines left out), so
    /// that the phone says so too; `None` when there is nothing to take, or not even the title
    /// fits.
    pub fn new(
        title: &str,
        sections: &[Section],
        left_out: &str,
        largest: i16,
    ) -> Option<TakeHome> {
        let total: usize = sections.iter().map(|section| section.items.len()).sum();
        if total == 0 {
            return None;
        }
        // The first part (what to do if something is wrong) is never cut: where it does not fit
        // in `largest` with the note on what was left out, the code grows until it does.
        let first_only = sections.first().map(|first| {
            let left = total - first.items.len();
            let note = (left > 0).then(|| left_out.replace("{left}", &left.to_string()));
            compose(title, std::slice::from_ref(first), note.as_deref())
        });
        let largest = first_only
            .and_then(|text| smallest(&text, *VERSIONS.end(), TAKE_HOME_CORRECTION))
            .and_then(|code| match code.version() {
                Version::Normal(version) => Some(largest.max(version)),
                Version::Micro(_) => None,
            })
            .unwrap_or(largest);
        let mut kept = sections.to_vec();
        loop {
            let count: usize = kept.iter().map(|section| section.items.len()).sum();
            if count == 0 {
                return None;
            }
            let note =
                (count < total).then(|| left_out.replace("{left}", &(total - count).to_string()));
            let text = compose(title, &kept, note.as_deref());
            if smallest(&text, largest, TAKE_HOME_CORRECTION).is_some() {
                kept.retain(|section| !section.items.is_empty());
                return Some(TakeHome {
                    text,
                    sections: kept,
                    kept: count,
                    total,
                    largest,
                });
            }
            if let Some(last) = kept
                .iter_mut()
                .rev()
                .find(|section| !section.items.is_empty())
            {
                last.items.pop();
            }
        }
    }

    /// The code, at the smallest version that holds the text.
    pub fn code(&self) -> QrCode {
        smallest(&self.text, self.largest, TAKE_HOME_CORRECTION)
            .expect("the text was fitted to a code")
    }

    /// The code's cells, as the kiosk draws them.
    pub fn cells(&self) -> Cells {
        cells(&self.text, self.largest, TAKE_HOME_CORRECTION)
            .expect("the text was fitted to a code")
    }
}

/// The title, then each section: its heading and its lines as a list; then what was left out,
/// if anything was.
fn compose(title: &str, sections: &[Section], left_out: Option<&str>) -> String {
    let mut text = title.trim().to_owned();
    for section in sections.iter().filter(|section| !section.items.is_empty()) {
        text.push_str("\n\n");
        text.push_str(section.heading.trim());
        for item in &section.items {
            text.push_str("\n- ");
            text.push_str(item.trim());
        }
    }
    if let Some(note) = left_out {
        text.push_str("\n\n");
        text.push_str(note.trim());
    }
    text
}

/// A code's cells, row by row, each dark or not: what a screen draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cells {
    /// Cells across (and down) the code itself, without a blank margin.
    pub width: usize,
    pub dark: Vec<bool>,
}

/// The cells of [`smallest`]'s code for `text`.
pub fn cells(text: &str, largest: i16, correction: EcLevel) -> Option<Cells> {
    let code = smallest(text, largest, correction)?;
    Some(Cells {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|color| color == qrcode::Color::Dark)
            .collect(),
    })
}

/// The ECI designator for UTF-8: it tells a phone's reader how the bytes are written, so that
/// "Punción" is not read as Shift JIS or Big5, as a reader guessing from the bytes may do.
const UTF8: u32 = 26;

/// The smallest code, up to version `largest`, that holds `text`, with `correction`. A text
/// with letters beyond ASCII is marked as UTF-8; one without is coded as any reader expects,
/// with no marker.
pub fn smallest(text: &str, largest: i16, correction: EcLevel) -> Option<QrCode> {
    (1..=largest).find_map(|version| {
        let mut bits = Bits::new(Version::Normal(version));
        if !text.is_ascii() {
            bits.push_eci_designator(UTF8).ok()?;
        }
        bits.push_optimal_data(text.as_bytes()).ok()?;
        bits.push_terminator(correction).ok()?;
        QrCode::with_bits(bits, correction).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEFT_OUT: &str = "Lines left out: {left}.";

    /// `count` lines, "1: `words`" and on.
    fn numbered(count: usize, words: &str) -> Vec<String> {
        (1..=count).map(|n| format!("{n}: {words}")).collect()
    }

    fn section(heading: &str, items: &[&str]) -> Section {
        Section {
            heading: heading.into(),
            items: items.iter().map(|item| item.to_string()).collect(),
        }
    }

    /// Reads a code back as a phone would from its picture: the cells drawn 4 pixels each,
    /// with a blank margin, then found and decoded.
    pub(crate) fn decoded(code: &QrCode) -> String {
        let width = code.width();
        let scale = 4;
        let margin = 4;
        let side = (width + 2 * margin) * scale;
        let colors = code.to_colors();
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            let (cx, cy) = (x / scale, y / scale);
            let inside = cx >= margin && cy >= margin && cx < width + margin && cy < width + margin;
            if inside && colors[(cy - margin) * width + (cx - margin)] == qrcode::Color::Dark {
                0
            } else {
                255
            }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code");
        grids[0].decode().expect("the code reads").1
    }

    #[test]
    fn a_text_beyond_ascii_is_marked_as_utf8_and_plain_ascii_is_coded_as_before() {
        let plain = "https://clinic.example/dry-needling";
        let marked = "Punción seca: ¿qué voy a sentir?";
        let unmarked = |text: &str, version: Version| {
            QrCode::with_version(text.as_bytes(), version, WEB_CORRECTION).unwrap()
        };
        let ascii = smallest(plain, 40, WEB_CORRECTION).unwrap();
        assert_eq!(
            ascii.to_colors(),
            unmarked(plain, ascii.version()).to_colors(),
            "an address is coded as any reader expects"
        );
        // The UTF-8 marker takes room of its own, so the code differs from one without it; and
        // it reads back as the same words.
        let code = smallest(marked, 40, WEB_CORRECTION).unwrap();
        assert_ne!(
            code.to_colors(),
            unmarked(marked, code.version()).to_colors()
        );
        assert_eq!(decoded(&code), marked);
        let cells = cells(marked, 40, WEB_CORRECTION).unwrap();
        assert_eq!(cells.width, code.width());
        assert_eq!(cells.dark.len(), code.width() * code.width());
    }

    #[test]
    fn a_phone_reads_back_the_text_itself_accents_and_all() {
        let home = TakeHome::new(
            "Punción seca: preguntas para su fisioterapeuta",
            &[
                section("Temas para repasar", &["Qué hacer si siente falta de aire"]),
                section(
                    "Preguntas que marcó",
                    &["¿Cuánto va a costar?", "¿Qué voy a sentir?"],
                ),
            ],
            LEFT_OUT,
            *VERSIONS.start(),
        )
        .expect("something to take");
        assert_eq!((home.kept, home.total), (3, 3));
        assert!(!home.text.contains("left out"), "nothing was left out");
        assert_eq!(decoded(&home.code()), home.text);
        assert!(
            home.text
                .contains("- ¿Cuánto va a costar?\n- ¿Qué voy a sentir?")
        );
    }

    #[test]
    fn too_long_a_list_is_shortened_by_whole_lines_and_says_so() {
        let many = numbered(80, "what will it feel like, and for how long?");
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let mut kept_before = 0;
        // A larger code (a larger screen) keeps more of the same list.
        for largest in [*VERSIONS.start(), *VERSIONS.end()] {
            let home = TakeHome::new("Questions", &[section("Ticked", &refs)], LEFT_OUT, largest)
                .expect("some fit");
            assert!(
                home.kept < home.total && home.kept > kept_before + 5,
                "{} of {}, {kept_before} before",
                home.kept,
                home.total
            );
            kept_before = home.kept;
            assert_eq!(home.total, 80);
            // Whole lines, in order, none cut.
            let lines: Vec<&str> = home
                .text
                .lines()
                .filter_map(|line| line.strip_prefix("- "))
                .collect();
            assert_eq!(lines, refs[..home.kept]);
            // The phone's text says how many were left out, last.
            let note = format!("Lines left out: {}.", home.total - home.kept);
            assert!(home.text.ends_with(&format!("\n\n{note}")), "{}", home.text);
            let Version::Normal(version) = home.code().version() else {
                panic!("a normal code");
            };
            assert!(version <= largest, "version {version}");
            assert_eq!(decoded(&home.code()), home.text);
            assert_eq!(home.cells().width, home.code().width());
            // One more line would not have fitted.
            let fewer_left_out = format!("Lines left out: {}.", home.total - home.kept - 1);
            let one_more = compose(
                "Questions",
                &[section("Ticked", &refs[..=home.kept])],
                Some(&fewer_left_out),
            );
            assert!(smallest(&one_more, largest, TAKE_HOME_CORRECTION).is_none());
        }
    }

    #[test]
    fn the_first_part_is_never_cut_the_code_grows_for_it() {
        let steps = numbered(12, "what to do if something is wrong, said in full.");
        let steps: Vec<&str> = steps.iter().map(String::as_str).collect();
        let questions = ["What will it feel like?", "How much will it cost?"];
        let sections = [
            section("If something is wrong", &steps),
            section("Ticked", &questions),
        ];
        // Too small a code for the steps alone: it grows until they fit, whole.
        let home = TakeHome::new("Questions", &sections, LEFT_OUT, 5).expect("the steps fit");
        let listed: Vec<&str> = home
            .text
            .lines()
            .filter_map(|line| line.strip_prefix("- "))
            .collect();
        assert_eq!(listed[..steps.len()], steps[..]);
        assert_eq!(decoded(&home.code()), home.text);
        let Version::Normal(version) = home.code().version() else {
            panic!("a normal code");
        };
        assert!(version > 5, "version {version}");
    }

    #[test]
    fn nothing_to_take_makes_no_code() {
        let largest = *VERSIONS.end();
        assert_eq!(
            TakeHome::new("Questions", &[section("Ticked", &[])], LEFT_OUT, largest),
            None
        );
        assert_eq!(TakeHome::new("Questions", &[], LEFT_OUT, largest), None);
        // A single line longer than any code: not even that fits.
        let huge = "x".repeat(5000);
        assert_eq!(
            TakeHome::new(
                "Questions",
                &[section("Ticked", &[&huge])],
                LEFT_OUT,
                largest
            ),
            None
        );
    }
}
