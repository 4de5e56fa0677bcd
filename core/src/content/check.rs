//! Cross-checks that parsing alone cannot make: unique ids, links and terms that resolve, rates
//! that make sense.

use std::collections::{BTreeSet, HashSet};

use super::chart;
use super::ids::{ICON_NAMES, REGION_IDS};
pub use super::ids::{MAX_ID_CHARS, id_problem};
use super::markup::{self, Piece};
use super::model::{Block, ChartWords, CheckQuestion, Clinic, Page, PageKind, Rate, RateWords};
use super::rate;
use super::route::PageId;
use super::{File, Files, Library, Problem};

pub use super::files::{MAX_FILE_BYTES, MAX_ITEMS};

/// The most characters one text of a content file may have, as written in the file. The longest
/// built-in text has about 400.
pub const MAX_TEXT_CHARS: usize = 4000;

/// How many questions the teach-back check asks: enough to cover what matters, few enough to do
/// in a few minutes.
pub const TEACH_BACK_QUESTIONS: std::ops::RangeInclusive<usize> = 5..=7;

/// The "are you sure" questions after the check (the SURE test's four).
pub const SURE_QUESTIONS: usize = 4;

/// Texts longer than [`MAX_TEXT_CHARS`] and lists longer than [`MAX_ITEMS`] in `text`, the RON of
/// `file`, which has parsed. Read from the text itself, so that every field and every list is
/// held to the limits, with its line.
pub fn sizes(file: &str, text: &str) -> Vec<Problem> {
    /// A bracket not yet closed.
    struct Open {
        list: bool,
        at: usize,
        items: usize,
        /// Something of an item since the last comma.
        pending: bool,
    }
    let bytes = text.as_bytes();
    let mut problems = Vec::new();
    let mut report = |at: usize, message: String| {
        problems.push(Problem {
            file: file.to_owned(),
            position: Some(super::line_and_column(&text[..at])),
            message,
        });
    };
    let mut open: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if let Some(end) = comment_end(text, i) {
            i = end;
            continue;
        }
        if !matches!(byte, b',' | b']' | b')' | b'}')
            && let Some(innermost) = open.last_mut()
        {
            innermost.pending = true;
        }
        match byte {
            b'"' => {
                let (end, chars) = string_end(bytes, i + 1);
                if chars > MAX_TEXT_CHARS {
                    report(i, too_long(text, i, chars));
                }
                i = end;
            }
            b'\'' => i = char_end(text, i),
            b'[' | b'(' | b'{' => {
                open.push(Open {
                    list: byte == b'[',
                    at: i,
                    items: 0,
                    pending: false,
                });
                i += 1;
            }
            b']' | b')' | b'}' => {
                if let Some(closed) = open.pop() {
                    let items = closed.items + usize::from(closed.pending);
                    if closed.list && items > MAX_ITEMS {
                        let what = match name_before(text, closed.at) {
                            Some(name) => format!("'{name}'"),
                            None => "this list".to_owned(),
                        };
                        report(
                            closed.at,
                            format!(
                                "{what} has {items} items; a list may have at most {MAX_ITEMS}"
                            ),
                        );
                    }
                }
                i += 1;
            }
            b',' => {
                if let Some(innermost) = open.last_mut()
                    && innermost.pending
                {
                    innermost.items += 1;
                    innermost.pending = false;
                }
                i += 1;
            }
            _ if byte.is_ascii_alphanumeric() || byte == b'_' => {
                let end = text[i..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .map_or(bytes.len(), |end| i + end);
                let word = &text[i..end];
                // A raw string: r"..." or r#"..."#, maybe as bytes (br"...").
                let hashes = bytes[end..].iter().take_while(|&&b| b == b'#').count();
                if matches!(word, "r" | "br") && bytes.get(end + hashes) == Some(&b'"') {
                    let start = end + hashes + 1;
                    let closing = format!("\"{}", "#".repeat(hashes));
                    let length = text[start..].find(&closing).unwrap_or(text.len() - start);
                    let chars = text[start..start + length].chars().count();
                    if chars > MAX_TEXT_CHARS {
                        report(i, too_long(text, i, chars));
                    }
                    i = (start + length + closing.len()).min(bytes.len());
                } else {
                    i = end;
                }
            }
            _ => i += 1,
        }
    }
    problems
}

/// Where the RON character that starts at byte `i` of `text` ends: `'x'` or `'\n'`.
fn char_end(text: &str, i: usize) -> usize {
    let from = if text.as_bytes().get(i + 1) == Some(&b'\\') {
        i + 3
    } else {
        i + 2
    };
    text.get(from..)
        .and_then(|rest| rest.find('\''))
        .map_or(text.len(), |end| from + end + 1)
}

/// Where the RON comment that starts at byte `i` of `text` ends (`// …` at the line's end, and
/// `/* … */` nested as RON nests it), or `None` if no comment starts there.
fn comment_end(text: &str, mut i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    match bytes.get(i..i + 2)? {
        b"//" => Some(text[i..].find('\n').map_or(bytes.len(), |end| i + end)),
        b"/*" => {
            let mut depth = 0_usize;
            while i < bytes.len() {
                if bytes[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if bytes[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            Some(i)
        }
        _ => None,
    }
}

/// The RON `text` with every [hidden control](super::is_hidden_control) taken out of its strings
/// (written as itself or as an escape such as `\u{1b}`, `\x1b`, `\0` or `\r`), and the byte
/// offset and character of each one taken out. Comments and what is outside strings are left
/// as they are: RON refuses a control there itself.
pub fn without_hidden_controls(text: &str) -> (std::borrow::Cow<'_, str>, Vec<(usize, char)>) {
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, char)> = Vec::new();
    // Byte ranges to drop.
    let mut drop: Vec<std::ops::Range<usize>> = Vec::new();
    let hex = |digits: &str| u32::from_str_radix(digits, 16).ok();
    let mut i = 0;
    while i < bytes.len() {
        let next = bytes.get(i + 1).copied();
        match bytes[i] {
            b'/' if next.is_some_and(|next| next == b'/' || next == b'*') => {
                i = comment_end(text, i).unwrap_or(i + 1);
            }
            b'\'' => i = char_end(text, i),
            b'r' | b'b'
                if (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'))
                    && {
                        let after_b = if bytes[i] == b'b' { i + 1 } else { i };
                        bytes.get(after_b) == Some(&b'r') && {
                            let hashes = bytes[after_b + 1..].iter().take_while(|&&b| b == b'#');
                            bytes.get(after_b + 1 + hashes.count()) == Some(&b'"')
                        }
                    } =>
            {
                // A raw string: no escapes, only characters.
                let after_b = if bytes[i] == b'b' { i + 1 } else { i };
                let hashes = bytes[after_b + 1..]
                    .iter()
                    .take_while(|&&b| b == b'#')
                    .count();
                let start = after_b + 1 + hashes + 1;
                let closing = format!("\"{}", "#".repeat(hashes));
                let end = text[start..]
                    .find(&closing)
                    .map_or(bytes.len(), |length| start + length);
                for (at, c) in text[start..end].char_indices() {
                    if super::is_hidden_control(c) {
                        found.push((start + at, c));
                        drop.push(start + at..start + at + c.len_utf8());
                    }
                }
                i = (end + closing.len()).min(bytes.len());
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] != b'\\' {
                        let c = text[i..].chars().next().expect("a character");
                        if super::is_hidden_control(c) {
                            found.push((i, c));
                            drop.push(i..i + c.len_utf8());
                        }
                        i += c.len_utf8();
                        continue;
                    }
                    let start = i;
                    let (decoded, end) = match bytes.get(i + 1) {
                        Some(b'r') => (Some('\r'), i + 2),
                        Some(b'0') => (Some('\0'), i + 2),
                        Some(b'u') => {
                            let close = text[i..].find('}').map_or(bytes.len(), |at| i + at);
                            let digits = text.get(i + 3..close).unwrap_or_default();
                            (hex(digits).and_then(char::from_u32), close + 1)
                        }
                        Some(b'x') => {
                            // One character may be written as up to four byte escapes.
                            let mut utf8 = Vec::new();
                            let mut end = i;
                            let mut decoded = None;
                            while utf8.len() < 4 && text[end..].starts_with("\\x") {
                                let Some(byte) = text.get(end + 2..end + 4).and_then(hex) else {
                                    break;
                                };
                                utf8.push(byte as u8);
                                end += 4;
                                if let Ok(c) = std::str::from_utf8(&utf8) {
                                    decoded = c.chars().next();
                                    break;
                                }
                            }
                            (decoded, end.max(i + 2))
                        }
                        _ => (None, i + 2),
                    };
                    let end = end.min(bytes.len());
                    if let Some(c) = decoded.filter(|c| super::is_hidden_control(*c)) {
                        found.push((start, c));
                        drop.push(start..end);
                    }
                    i = end;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    if drop.is_empty() {
        return (std::borrow::Cow::Borrowed(text), found);
    }
    let mut kept = String::with_capacity(text.len());
    let mut from = 0;
    for range in drop {
        kept.push_str(&text[from..range.start]);
        from = range.end;
    }
    kept.push_str(&text[from..]);
    (std::borrow::Cow::Owned(kept), found)
}

/// What a hidden control is called in a message: "U+202E (a direction override)".
fn control_name(c: char) -> String {
    let what = match c {
        '\u{202A}'..='\u{202E}' => "a direction control",
        '\u{2066}'..='\u{2069}' => "a direction isolate",
        '\u{1B}' => "escape",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\0' => "nul",
        '\r' => "carriage return",
        _ => "a control character",
    };
    format!("U+{:04X} ({what})", u32::from(c))
}

/// A problem for each hidden control `found` in `text`, the RON of `file`.
pub fn hidden_control_problems(file: &str, text: &str, found: &[(usize, char)]) -> Vec<Problem> {
    found
        .iter()
        .map(|&(at, c)| Problem {
            file: file.to_owned(),
            position: Some(super::line_and_column(&text[..at])),
            message: format!(
                "a hidden character, {}, is in this text: it can make what is shown read other \
                 than what is written, or move a terminal's cursor; take it out",
                control_name(c)
            ),
        })
        .collect()
}

/// Where the string that starts at `start` ends (just after its closing quote), and how many
/// characters it has as written.
fn string_end(bytes: &[u8], start: usize) -> (usize, usize) {
    let mut chars = 0;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return (i + 1, chars),
            b'\\' => {
                chars += 1;
                i += 2;
            }
            byte => {
                // Count characters, not the bytes after the first of each.
                if byte & 0xC0 != 0x80 {
                    chars += 1;
                }
                i += 1;
            }
        }
    }
    (bytes.len(), chars)
}

fn too_long(text: &str, at: usize, chars: usize) -> String {
    let what = match name_before(text, at) {
        Some(name) => format!("the text of '{name}'"),
        None => "this text".to_owned(),
    };
    format!("{what} has {chars} characters; a text may have at most {MAX_TEXT_CHARS}")
}

/// The field or kind a value at `at` belongs to: `meaning: "` gives meaning, `Bullets(["` and
/// `blocks: [` give Bullets and blocks, `heading: Some("` gives heading. Only names of the
/// guide's own files are given, never words of the file.
fn name_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end_matches(|c: char| c == '[' || c.is_whitespace());
    let before = before
        .strip_suffix(':')
        .or_else(|| before.strip_suffix('('))?
        .trim_end();
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |end| end + 1);
    let name = &before[start..];
    if name == "Some" {
        return name_before(text, start);
    }
    (!name.is_empty() && super::known_name(name)).then_some(name)
}

/// Every problem in a parsed library, each pointing at its file and, where it can, its line.
pub fn library(library: &Library, files: &Files) -> Vec<Problem> {
    let mut checker = Checker {
        library,
        files,
        problems: Vec::new(),
    };
    let locale = &library.locale;

    checker.page_list();
    for (page, id) in library.pages.iter().zip(library.page_ids()) {
        checker.page(page, id, &File::Page(id).path(locale));
    }

    let effects_file = File::SideEffects.path(locale);
    checker.unique(
        &effects_file,
        library.side_effects.iter().map(|e| e.id.as_str()),
    );
    for effect in &library.side_effects {
        if effect.name.trim().is_empty() {
            checker.at_id(
                &effects_file,
                &effect.id,
                format!("the side effect '{}' needs a name", effect.id),
            );
        }
        checker.text(&effects_file, &effect.name);
        checker.text(&effects_file, &effect.text);
        if let Some(problem) = effect.rate.and_then(rate::problem) {
            checker.at_id(
                &effects_file,
                &effect.id,
                format!("rate of '{}': {problem}", effect.id),
            );
        }
        // Every number says where it comes from.
        match (effect.rate, effect.source.as_deref()) {
            (Some(_), None) => checker.at_id(
                &effects_file,
                &effect.id,
                format!(
                    "'{}' has a rate but no source: name one of sources.ron",
                    effect.id
                ),
            ),
            (_, Some(source)) if library.source(source).is_none() => checker.at_id(
                &effects_file,
                &effect.id,
                format!(
                    "'{}' names the source '{source}', which sources.ron does not have",
                    effect.id
                ),
            ),
            _ => {}
        }
        for reference in &effect.studies {
            let problem = match (library.finding(reference), effect.rate) {
                (None, _) => {
                    format!("no source has the finding '{reference}' (source-id/finding-id)")
                }
                (Some(_), None) => format!(
                    "'{}' names what studies counted, but has no rate of its own to set them beside",
                    effect.id
                ),
                (Some((_, finding)), Some(rate)) => {
                    match rate::StudyCounts::problem(rate, finding.rate) {
                        Some(why) => format!(
                            "the finding '{reference}' cannot stand beside the rate of '{}': {why}",
                            effect.id
                        ),
                        None => continue,
                    }
                }
            };
            checker.at_id(&effects_file, reference, problem);
        }
        match (&effect.chart_sentence, effect.rate.and_then(chart::cells)) {
            (Some(sentence), Some(_)) => checker.text(&effects_file, sentence),
            (None, Some(_)) => checker.at_id(
                &effects_file,
                &effect.id,
                format!(
                    "'{}' is out of every 100, so its icon array needs a chart_sentence",
                    effect.id
                ),
            ),
            (Some(_), None) => checker.at_id(
                &effects_file,
                &effect.id,
                format!(
                    "'{}' has a chart_sentence but no rate out of every 100 to draw",
                    effect.id
                ),
            ),
            (None, None) => {}
        }
    }

    let conditions_file = File::Conditions.path(locale);
    checker.unique(
        &conditions_file,
        library.regions.iter().map(|r| r.id.as_str()),
    );
    checker.unique(
        &conditions_file,
        library.conditions().map(|(_, c)| c.id.as_str()),
    );
    for (_, condition) in library.conditions() {
        checker.text(&conditions_file, &condition.text);
        checker.text(&conditions_file, &condition.evidence.text);
        if condition.name.trim().is_empty() {
            checker.at_id(
                &conditions_file,
                &condition.id,
                "a condition needs a name".into(),
            );
        }
        if condition
            .medical_name
            .as_deref()
            .is_some_and(|medical| medical.trim().is_empty())
        {
            checker.at_id(
                &conditions_file,
                &condition.id,
                format!(
                    "'{}' has an empty medical_name: leave it out instead",
                    condition.id
                ),
            );
        }
        // What studies say names where it comes from, as every number does.
        for source in condition.evidence.sources() {
            if library.source(source).is_some() {
                continue;
            }
            checker.at_id(
                &conditions_file,
                &condition.id,
                format!(
                    "what studies say for '{}' names the source '{source}', which sources.ron \
                     does not have",
                    condition.id
                ),
            );
        }
    }
    for region in &library.regions {
        for id in &region.also_lists {
            match library.condition(id) {
                None => checker.at_id(
                    &conditions_file,
                    &region.id,
                    format!(
                        "'{}' also lists '{id}', which is not a condition",
                        region.id
                    ),
                ),
                Some((home, _)) if home.id == region.id => checker.at_id(
                    &conditions_file,
                    &region.id,
                    format!(
                        "'{}' also lists '{id}', which is already its own",
                        region.id
                    ),
                ),
                Some(_) => {}
            }
        }
    }
    // The body map needs a name for each of its regions, and can show no other.
    for region in &library.regions {
        if !REGION_IDS.contains(&region.id.as_str()) {
            checker.at_id(
                &conditions_file,
                &region.id,
                format!(
                    "'{}' is not a body region ({})",
                    region.id,
                    REGION_IDS.join(", ")
                ),
            );
        }
    }
    for id in REGION_IDS {
        if !library.regions.iter().any(|region| region.id == id) {
            checker.report(
                &conditions_file,
                "Region(",
                format!("the body region '{id}' is missing"),
            );
        }
    }

    let sources_file = File::Sources.path(locale);
    checker.unique(&sources_file, library.sources.iter().map(|s| s.id.as_str()));
    for source in &library.sources {
        checker.text(&sources_file, &source.name);
        checker.text(&sources_file, &source.about);
        for finding in &source.findings {
            if let Some(problem) = rate::problem(finding.rate) {
                checker.at_id(
                    &sources_file,
                    &source.id,
                    format!("a finding of '{}', {}: {problem}", source.id, finding.name),
                );
            }
        }
    }

    let glossary_file = File::Glossary.path(locale);
    checker.unique(
        &glossary_file,
        library.glossary.iter().map(|t| t.id.as_str()),
    );
    for term in &library.glossary {
        if term.word.trim().is_empty() || term.meaning.trim().is_empty() {
            checker.at_id(
                &glossary_file,
                &term.id,
                format!("term '{}' needs a word and a meaning", term.id),
            );
        }
    }

    let ui_file = File::Ui.path(locale);
    checker.text(&ui_file, &library.ui.condition_advice);
    checker.text(&ui_file, &library.ui.condition_near_lungs);
    checker.text(&ui_file, &library.ui.condition_side_effects);
    checker.rate_words(&ui_file, &library.ui.rates);
    checker.chart_words(&ui_file, &library.ui.charts);
    checker.placeholders(
        &ui_file,
        &[
            ("clinic_not_set", &library.ui.clinic_not_set, &["{missing}"]),
            (
                "with_after_hours",
                &library.ui.call_clinic.with_after_hours,
                &["{phone}", "{after_hours}"],
            ),
            (
                "phone_only",
                &library.ui.call_clinic.phone_only,
                &["{phone}"],
            ),
        ],
    );
    checker.text(&ui_file, &library.ui.call_clinic.no_phone);
    checker.text(&ui_file, &library.ui.lung_areas);
    if library.ui.lung_areas.trim().is_empty() {
        checker.report(
            &ui_file,
            "lung_areas",
            "lung_areas is empty: it lists where a needle can reach a lung, wherever \
             {lung_areas} is written"
                .into(),
        );
    }
    // Ctrl is Cmd on a Mac: the app names the key held for the platform it runs on.
    for (keys, _) in &library.ui.consult.shortcuts {
        if keys.contains("Ctrl") || keys.contains("Cmd") {
            checker.report(
                &ui_file,
                keys,
                format!("the shortcut '{keys}' names a key held: write {{command}} (or {{alt}})"),
            );
        }
    }
    if library.ui.teach_back.sure.len() != SURE_QUESTIONS {
        checker.report(
            &ui_file,
            "sure:",
            format!(
                "teach_back.sure has {} questions; the \"are you sure\" test has {SURE_QUESTIONS}",
                library.ui.teach_back.sure.len()
            ),
        );
    }

    // clinic.ron's fields are checked as they are read, one by one (`content::clinic`).
    checker.problems
}

/// The count an icon array's key is tried with: not 100, the number each key is out of.
const LEGEND_COUNT: u32 = 37;

pub use super::model::MAX_PIN_DIGITS;

/// The most characters of the clinic's name: it heads the kiosk's welcome screen, in large
/// letters beside the QR code, and the sidebar.
pub const MAX_NAME_CHARS: usize = 100;

/// The longest web address the kiosk shows as a QR code: what a version-12 code holds at the
/// error correction iced uses (medium), in bytes. Its 65 modules fit the code's column at 4
/// pixels each or more, which a phone reads from the screen.
pub const MAX_WEB_BYTES: usize = 287;

/// What is wrong with `web`, if anything: it must be empty or an address a phone can open from a
/// QR code: `http://` or `https://` and a site, nothing a browser would run (`javascript:`) or
/// read from the phone (`file:`), no user name or password, a site named in plain letters (a
/// look-alike letter of another alphabet could send patients elsewhere), short enough for a code
/// that fits the screen.
pub fn web_address_problem(web: &str) -> Option<String> {
    let web = web.trim();
    if web.is_empty() {
        return None;
    }
    let lower = web.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .filter(|_| !web.chars().any(|c| c.is_whitespace() || c.is_control()))
    else {
        return Some(
            "'web' must be an address that starts with http:// or https://, such as \
             https://example.org, or \"\" for none: it becomes a QR code patients scan"
                .into(),
        );
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Some(
            "'web' must not hold a user name or password (user:password@ before the site): \
             write only the site and page, such as https://example.org/guide"
                .into(),
        );
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port))
            if (1..=5).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit()) =>
        {
            host
        }
        Some(_) => "",
        None => authority,
    };
    if !site_name_ok(host) {
        return Some(
            "'web' must name a site after the //, such as example.org: words of plain letters \
             (a to z), digits and hyphens, joined by dots; a name in another alphabet is written \
             in its xn-- form, which looks the same in a phone's browser"
                .into(),
        );
    }
    if web.len() > MAX_WEB_BYTES {
        return Some(format!(
            "'web' is too long for a QR code patients can scan from the screen: it may have at \
             most {MAX_WEB_BYTES} characters (a letter with an accent counts as two), and it has \
             {}; use a shorter address for the same page",
            web.len()
        ));
    }
    None
}

/// Whether `host` is a site's name in plain letters: `example.org`, `xn--80ak6aa92e.com`.
fn site_name_ok(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Whether `pin` is empty or digits the kiosk's keypad can type.
pub fn staff_pin_ok(pin: &str) -> bool {
    let pin = pin.trim();
    pin.is_empty() || (pin.len() <= MAX_PIN_DIGITS && pin.bytes().all(|b| b.is_ascii_digit()))
}

/// Which `clinic.ron` the guide reads the clinic's details from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClinicFile {
    /// The built-in one: no content folder was given.
    BuiltIn,
    /// The `clinic.ron` of the content folder at this path.
    Folder(String),
    /// The content folder at this path has no `clinic.ron` that could be used (none, or one with
    /// problems), so the built-in one stands in.
    NotInFolder(String),
}

/// Content that loads and checks, but whose clinic has not said what a patient must have
/// ([`Clinic::missing`]), or whose staff PIN cannot be read, so it may not go in front of
/// patients alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotReady {
    pub missing: Vec<&'static str>,
    /// Why the staff PIN written in `clinic.ron` was left out, if it was: a kiosk without it
    /// could be closed by anyone, so it does not start.
    pub pin: Option<Box<Problem>>,
    pub file: ClinicFile,
}

/// Whether the clinic's details in `file` let the guide go in front of patients.
pub fn ready(clinic: &Clinic, file: ClinicFile) -> Result<(), NotReady> {
    let missing = clinic.missing();
    let pin = clinic
        .left_out
        .iter()
        .find(|left_out| left_out.field == "staff_pin")
        .map(|left_out| Box::new(left_out.problem.clone()));
    if missing.is_empty() && pin.is_none() {
        Ok(())
    } else {
        Err(NotReady { missing, pin, file })
    }
}

/// One line for staff: what is missing, in which file, and how to write it in.
impl std::fmt::Display for NotReady {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(pin) = &self.pin {
            // Only a folder's clinic.ron has a PIN; name the file as staff gave it.
            let problem = match &self.file {
                ClinicFile::Folder(folder) | ClinicFile::NotInFolder(folder) => Problem {
                    file: std::path::Path::new(folder)
                        .join(&pin.file)
                        .display()
                        .to_string(),
                    ..(**pin).clone()
                },
                ClinicFile::BuiltIn => (**pin).clone(),
            };
            return write!(
                f,
                "{problem}; the staff PIN written there cannot be used, and without it anyone \
                 could close the kiosk: mend staff_pin (digits in quotes, such as \"2468\", or \
                 \"\" for none) and start again"
            );
        }
        let fields = match self.missing.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        };
        let guide = "see docs/content.md, \"Your clinic\"";
        match &self.file {
            ClinicFile::BuiltIn => write!(
                f,
                "the built-in clinic.ron has no usable {fields}; to fix it, run `needle-guide \
                 export-content DIR`, write {fields} in DIR/clinic.ron, and run the guide with \
                 `--content DIR` ({guide})"
            ),
            ClinicFile::Folder(folder) => {
                let file = std::path::Path::new(folder).join("clinic.ron");
                write!(
                    f,
                    "{} has no usable {fields}; to fix it, write {fields} in that file and run the \
                     guide with `--content {folder}` ({guide})",
                    file.display()
                )
            }
            ClinicFile::NotInFolder(folder) => {
                let file = std::path::Path::new(folder).join("clinic.ron");
                write!(
                    f,
                    "{folder} has no clinic.ron that could be used, and the built-in clinic.ron \
                     has no usable {fields}; to fix it, write {fields} in {} (`needle-guide \
                     export-content DIR` writes a clinic.ron to start from) and run the guide \
                     with `--content {folder}` ({guide})",
                    file.display()
                )
            }
        }
    }
}

struct Checker<'a> {
    library: &'a Library,
    files: &'a Files,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, file: &str, needle: &str, message: String) {
        let position = self.files.locate(file, needle);
        self.problems.push(Problem {
            file: file.to_owned(),
            position,
            message,
        });
    }

    /// A problem about the item whose `id: "..."` is in `file`.
    fn at_id(&mut self, file: &str, id: &str, message: String) {
        self.report(file, &format!("\"{id}\""), message);
    }

    fn unique<'i>(&mut self, file: &str, ids: impl Iterator<Item = &'i str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if id.trim().is_empty() {
                self.report(file, "id: \"\"", "an id is empty".into());
            } else if let Some(problem) = id_problem(id) {
                self.at_id(file, id, problem);
            } else if !seen.insert(id) {
                self.at_id(file, id, format!("the id '{id}' is used more than once"));
            }
        }
    }

    /// `pages.ron`: ids that name files, each once; every page the code names, the two that the
    /// app draws around their words marked so (and no other), and icons there are.
    fn page_list(&mut self) {
        let file = File::PageList.path("");
        let list = &self.library.page_list;
        self.unique(&file, list.iter().map(|entry| entry.id.as_str()));
        for required in PageId::ALL {
            let entry = list.iter().find(|entry| entry.id == required.id());
            let kind = match required {
                PageId::CONDITIONS => PageKind::Conditions,
                PageId::TEACH_BACK => PageKind::TeachBack,
                _ => PageKind::Text,
            };
            match entry {
                None => self.report(
                    &file,
                    "[",
                    format!(
                        "the page '{}' is missing: a page list may add pages and change their \
                         order, but keeps every page of the built-in one",
                        required.id()
                    ),
                ),
                Some(entry) if entry.kind != kind => self.at_id(
                    &file,
                    &entry.id,
                    format!("the page '{}' must be of kind {kind:?}", entry.id),
                ),
                Some(_) => {}
            }
        }
        for entry in list {
            let special = entry.kind != PageKind::Text;
            if special && PageId::required(&entry.id).is_none() {
                self.at_id(
                    &file,
                    &entry.id,
                    format!(
                        "the page '{}' is of kind {:?}, which only the built-in page of that \
                         kind may be",
                        entry.id, entry.kind
                    ),
                );
            }
            if let Some(icon) = entry.icon.as_deref()
                && !ICON_NAMES.contains(&icon)
            {
                self.at_id(
                    &file,
                    icon,
                    format!(
                        "there is no icon '{icon}' (icons: {})",
                        ICON_NAMES.join(", ")
                    ),
                );
            }
        }
    }

    fn page(&mut self, page: &Page, id: PageId, file: &str) {
        if page.id != id.id() {
            self.at_id(
                file,
                &page.id,
                format!(
                    "the page's id is '{}' but this file is for '{}'",
                    page.id,
                    id.id()
                ),
            );
        }
        for (field, value) in [
            ("title", &page.title),
            ("nav_label", &page.nav_label),
            ("lead", &page.lead),
        ] {
            if value.trim().is_empty() {
                self.report(file, field, format!("the page needs a {field}"));
            }
        }
        self.text(file, &page.title);
        self.text(file, &page.lead);
        for section in &page.sections {
            if let Some(heading) = &section.heading {
                self.text(file, heading);
            }
            for block in &section.blocks {
                self.block(file, block);
            }
        }
    }

    fn block(&mut self, file: &str, block: &Block) {
        match block {
            Block::Text(text) => self.text(file, text),
            Block::Bullets(items) | Block::Checklist(items) | Block::Steps(items) => {
                for item in items {
                    self.text(file, item);
                }
            }
            Block::Callout(callout) => {
                self.text(file, &callout.heading);
                self.text(file, &callout.text);
            }
            Block::Actions(steps) => {
                let mut seen = HashSet::new();
                for step in steps {
                    for sign in &step.signs {
                        self.text(file, sign);
                        // One sign, one thing to do: listed under two steps, it would send the
                        // patient two ways.
                        if !seen.insert(sign.trim().to_lowercase()) {
                            self.report(
                                file,
                                sign,
                                format!(
                                    "the sign '{sign}' is listed under two steps of what to do"
                                ),
                            );
                        }
                    }
                    self.text(file, &step.action);
                    for how in &step.steps {
                        self.text(file, how);
                    }
                }
            }
            Block::Questions(questions) => {
                for question in questions {
                    self.text(file, &question.text);
                }
            }
            Block::Sources => {}
            Block::Evidence(claims) => {
                for claim in claims {
                    if let Some(heading) = &claim.heading {
                        self.text(file, heading);
                    }
                    self.text(file, &claim.text);
                    if let Some(helped) = claim.helped_more {
                        if !(1..100).contains(&helped) {
                            self.report(
                                file,
                                "helped_more",
                                format!(
                                    "helped_more is {helped}: it counts more people out of 100 \
                                     who got better, from 1 to 99"
                                ),
                            );
                        }
                        // The picture and the words beside it give the same number.
                        let words = claim.text.split(|c: char| !c.is_ascii_digit());
                        if !words.into_iter().any(|number| number == helped.to_string()) {
                            self.report(
                                file,
                                "helped_more",
                                format!(
                                    "helped_more is {helped}, but the statement's words do not \
                                     say {helped}"
                                ),
                            );
                        }
                    }
                    if claim.sources.is_empty() {
                        self.report(
                            file,
                            "sources: []",
                            "a statement of what studies found names no source".into(),
                        );
                    }
                    for id in &claim.sources {
                        if self.library.source(id).is_none() {
                            self.at_id(
                                file,
                                id,
                                format!("the source '{id}' is not in sources.ron"),
                            );
                        }
                    }
                }
            }
            Block::Compare(compare) => {
                for row in &compare.rows {
                    for cell in [&row.topic, &row.left, &row.right] {
                        self.text(file, cell);
                    }
                }
            }
            Block::SideEffects(ids) => {
                for id in ids {
                    if self.library.side_effect(id).is_none() {
                        self.at_id(file, id, format!("no side effect has the id '{id}'"));
                    }
                }
            }
            Block::RiskScale(ids) => {
                for id in ids {
                    if id.contains('/') {
                        if self.library.finding(id).is_none() {
                            self.at_id(
                                file,
                                id,
                                format!("no source has the finding '{id}' (source-id/finding-id)"),
                            );
                        }
                        continue;
                    }
                    match self.library.side_effect(id) {
                        None => self.at_id(file, id, format!("no side effect has the id '{id}'")),
                        Some(effect) if effect.rate.is_none() => self.at_id(
                            file,
                            id,
                            format!("the side effect '{id}' has no rate to put on the scale"),
                        ),
                        Some(_) => {}
                    }
                }
            }
            Block::Choices(ids) => {
                for id in ids {
                    if !self.library.has_page(PageId::new(id)) {
                        let valid: Vec<&str> =
                            self.library.page_ids().map(|page| page.id()).collect();
                        self.at_id(
                            file,
                            id,
                            format!("no page has the id '{id}' (pages: {})", valid.join(", ")),
                        );
                    }
                }
            }
            Block::TeachBack(questions) => self.teach_back(file, questions),
            Block::LungAreas(areas) => {
                self.text(file, &areas.key);
                self.text(file, &areas.summary);
                self.text(file, &areas.caption);
                if areas.sources.is_empty() {
                    self.report(
                        file,
                        "LungAreas",
                        "the picture of the lungs names no source: name one of sources.ron".into(),
                    );
                }
                for id in &areas.sources {
                    if self.library.source(id).is_none() {
                        self.at_id(
                            file,
                            id,
                            format!("no source in sources.ron has the id '{id}'"),
                        );
                    }
                }
            }
            Block::ConditionIndex
            | Block::GlossaryIndex
            | Block::ClinicContacts
            | Block::WhatToDo => {}
        }
    }

    /// The teach-back check: 5 to 7 questions, each with a right answer (exactly one where only
    /// one is picked), distinct ids, and a section that teaches it.
    fn teach_back(&mut self, file: &str, questions: &[CheckQuestion]) {
        if !(TEACH_BACK_QUESTIONS).contains(&questions.len()) {
            self.report(
                file,
                "TeachBack",
                format!(
                    "the check has {} questions; it needs {} to {}",
                    questions.len(),
                    TEACH_BACK_QUESTIONS.start(),
                    TEACH_BACK_QUESTIONS.end()
                ),
            );
        }
        for (index, question) in questions.iter().enumerate() {
            let id = &question.id;
            if let Some(problem) = id_problem(id) {
                self.at_id(file, id, problem);
            }
            if questions[..index].iter().any(|earlier| earlier.id == *id) {
                self.at_id(file, id, format!("two questions have the id '{id}'"));
            }
            for text in [&question.topic, &question.text, &question.explain] {
                self.text(file, text);
            }
            for choice in &question.choices {
                self.text(file, &choice.text);
            }
            let right = question
                .choices
                .iter()
                .filter(|choice| choice.right)
                .count();
            if question.choices.len() < 2 {
                self.at_id(
                    file,
                    id,
                    format!("the question '{id}' needs two choices or more"),
                );
            }
            if right == 0 {
                self.at_id(file, id, format!("the question '{id}' has no right answer"));
            } else if right > 1 && !question.pick_all {
                self.at_id(
                    file,
                    id,
                    format!(
                        "the question '{id}' has {right} right answers: mark it pick_all: true"
                    ),
                );
            }
            let teaches = &question.teaches;
            let page = Some(PageId::new(&teaches.page)).filter(|page| self.library.has_page(*page));
            match page {
                None => self.at_id(
                    file,
                    &teaches.page,
                    format!(
                        "the question '{id}' points at no page: there is no '{}'",
                        teaches.page
                    ),
                ),
                Some(page) if teaches.section >= self.library.page(page).sections.len() => self
                    .at_id(
                        file,
                        id,
                        format!(
                            "the question '{id}' points at section {} of '{}', which has {}",
                            teaches.section,
                            teaches.page,
                            self.library.page(page).sections.len()
                        ),
                    ),
                Some(_) => {}
            }
        }
    }

    /// Patient text: its markup parses, its terms are in the glossary, its rates exist.
    fn text(&mut self, file: &str, text: &str) {
        let pieces = match markup::parse(text) {
            Ok(pieces) => pieces,
            Err(error) => {
                let fragment: String = text[error.at..].chars().take(24).collect();
                self.report(file, &fragment, error.message);
                return;
            }
        };
        let mut pieces = pieces.into_iter().peekable();
        while let Some(piece) = pieces.next() {
            // A rate is followed by its source (", says your clinic's sheet"), so it must end
            // its clause: "{rate:x} lo causan" would read "..., según la hoja lo causan".
            if let Piece::Rate { id } = piece {
                let ends_clause = match pieces.peek() {
                    None => true,
                    Some(Piece::Plain(next)) => next.starts_with(['.', ';', ':', '?', '!', ')']),
                    Some(_) => false,
                };
                if !ends_clause {
                    self.report(
                        file,
                        &format!("{{rate:{id}}}"),
                        format!(
                            "the rate {{rate:{id}}} must end its sentence or clause (a '.', ';' \
                             or ':' after it), because the words naming its source follow it"
                        ),
                    );
                }
            }
            match piece {
                Piece::Term { id, .. } if self.library.term(id).is_none() => {
                    self.report(
                        file,
                        &format!("({id})"),
                        format!("the term '{id}' is not in the glossary"),
                    );
                }
                Piece::Rate { id } => match self.library.side_effect(id) {
                    None => self.report(
                        file,
                        &format!("{{rate:{id}"),
                        format!("no side effect has the id '{id}'"),
                    ),
                    Some(effect) if effect.rate.is_none() => self.report(
                        file,
                        &format!("{{rate:{id}"),
                        format!("the side effect '{id}' has no rate to show"),
                    ),
                    Some(_) => {}
                },
                _ => {}
            }
        }
    }

    /// Each rate pattern has the numbers it must show.
    fn rate_words(&mut self, file: &str, words: &RateWords) {
        let patterns = [
            ("range", &words.range, &["{low}", "{high}", "{of}"][..]),
            ("fewer_than", &words.fewer_than, &["{value}", "{of}"]),
            ("one_in", &words.one_in, &["{n}", "{of}"]),
            (
                "fewer_than_one_in",
                &words.fewer_than_one_in,
                &["{n}", "{of}"],
            ),
            ("one_in_unstated", &words.one_in_unstated, &["{n}"]),
            (
                "fewer_than_one_in_unstated",
                &words.fewer_than_one_in_unstated,
                &["{n}"],
            ),
            ("about", &words.about, &["{count}", "{per}", "{of}"]),
            ("at_most", &words.at_most, &["{count}", "{per}", "{of}"]),
            ("counted", &words.counted, &["{count}", "{per}", "{of}"]),
        ];
        self.placeholders(file, &patterns);
        for (field, message) in rate::wording_problems(words) {
            self.report(file, &format!(" {field}:"), message);
        }
    }

    /// The scale's "or fewer" patterns and every key's words have the numbers they must show.
    fn chart_words(&mut self, file: &str, words: &ChartWords) {
        let mut patterns = vec![
            ("or_fewer", &words.or_fewer, &["{value}", "{of}"][..]),
            ("or_fewer_one_in", &words.or_fewer_one_in, &["{n}", "{of}"]),
            (
                "or_fewer_one_in_unstated",
                &words.or_fewer_one_in_unstated,
                &["{n}"],
            ),
            ("study_row", &words.study_row, &["{finding}", "{source}"]),
        ];
        let legends = [&words.per_treatment, &words.per_patient]
            .into_iter()
            .flat_map(|legend| {
                [
                    ("sure", &legend.sure),
                    ("maybe", &legend.maybe),
                    ("maybe_only", &legend.maybe_only),
                    ("unaffected", &legend.unaffected),
                ]
            })
            .chain([
                ("helped", &words.benefit.helped),
                ("same", &words.benefit.same),
            ]);
        for (field, pattern) in legends {
            patterns.push((field, pattern, &["{n}"]));
            let said = pattern.replace("{n}", &LEGEND_COUNT.to_string());
            if let Some(why) = rate::numbers_changed(&said, "", &[LEGEND_COUNT], Some(rate::PER)) {
                self.report(file, &format!(" {field}:"), format!("'{field}' {why}"));
            }
        }
        self.placeholders(file, &patterns);
        // The scale says a bound as the text beside it does: "3 or fewer" is not "fewer than 3".
        let rates = &self.library.ui.rates;
        for (field, scale, text_field, text) in [
            ("or_fewer", &words.or_fewer, "fewer_than", &rates.fewer_than),
            (
                "or_fewer_one_in",
                &words.or_fewer_one_in,
                "fewer_than_one_in",
                &rates.fewer_than_one_in,
            ),
            (
                "or_fewer_one_in_unstated",
                &words.or_fewer_one_in_unstated,
                "fewer_than_one_in_unstated",
                &rates.fewer_than_one_in_unstated,
            ),
        ] {
            if scale != text {
                self.report(
                    file,
                    &format!(" {field}:"),
                    format!(
                        "'{field}' must be the words of rates' '{text_field}' (\"{text}\"): the \
                         scale and the text beside it say one bound one way"
                    ),
                );
            }
        }
    }

    fn placeholders(&mut self, file: &str, patterns: &[(&str, &String, &[&str])]) {
        for (field, pattern, needed) in patterns {
            for placeholder in *needed {
                if !pattern.contains(placeholder) {
                    self.report(file, field, format!("'{field}' must contain {placeholder}"));
                }
            }
        }
    }
}

/// Where a translation drifts from the base edition: every id, rate and page structure must be
/// the same in both, so that the numbers a patient reads never depend on the language.
pub fn locales_agree(base: &Library, other: &Library) -> Vec<Problem> {
    locales_agree_in(base, other, &Files::default())
}

/// [`locales_agree`], with each problem at the line of the item that differs where `texts` (the
/// files `other` was read from) show it.
pub fn locales_agree_in(base: &Library, other: &Library, texts: &Files) -> Vec<Problem> {
    let mut problems = Vec::new();
    let locale = &other.locale;
    let base_name = &base.locale;
    // At the first `needle` of `file`, if it is given and found.
    let mut differs = |file: String, needle: Option<String>, message: String| {
        let position = needle.and_then(|needle| texts.locate(&file, &needle));
        problems.push(Problem {
            file,
            position,
            message,
        })
    };
    let quoted = |id: &str| Some(format!("\"{id}\""));
    // The first item of `theirs` that is not the same as in `ours`, or the end of `theirs`.
    fn first_difference<T: PartialEq>(ours: &[T], theirs: &[T]) -> Option<usize> {
        (0..theirs.len()).find(|&index| ours.get(index) != theirs.get(index))
    }
    // Rates in words, the base edition's, so both sides of a message read alike.
    let rate_words =
        |rate: Option<Rate>| rate.map_or_else(|| "none".to_owned(), |rate| base.rate_text(rate));

    // Sources, and what each found, are the same numbers in every language.
    let sources = |library: &Library| -> Vec<(String, Vec<Rate>)> {
        library
            .sources
            .iter()
            .map(|source| {
                let rates = source.findings.iter().map(|finding| finding.rate).collect();
                (source.id.clone(), rates)
            })
            .collect()
    };
    let (ours, theirs) = (sources(base), sources(other));
    if ours != theirs {
        differs(
            File::Sources.path(locale),
            first_difference(&ours, &theirs).and_then(|index| quoted(&theirs[index].0)),
            format!(
                "the sources and their findings are not the same ids and numbers, in the same \
                 order, as in {base_name}"
            ),
        );
    }
    // Each side effect's id, with its source and the studies beside it.
    type Sourced = (String, (Option<String>, Vec<String>));
    let effect_sources = |library: &Library| -> Vec<Sourced> {
        library
            .side_effects
            .iter()
            .map(|effect| {
                let sources = (effect.source.clone(), effect.studies.clone());
                (effect.id.clone(), sources)
            })
            .collect()
    };
    let (ours, theirs) = (effect_sources(base), effect_sources(other));
    if ours
        .iter()
        .map(|(_, source)| source)
        .ne(theirs.iter().map(|(_, source)| source))
    {
        differs(
            File::SideEffects.path(locale),
            first_difference(&ours, &theirs).and_then(|index| quoted(&theirs[index].0)),
            format!("the side effects do not name the same sources and studies as in {base_name}"),
        );
    }
    let effects = |library: &Library| -> Vec<(String, Option<Rate>)> {
        library
            .side_effects
            .iter()
            .map(|effect| (effect.id.clone(), effect.rate))
            .collect()
    };
    let (ours, theirs) = (effects(base), effects(other));
    let ids = |effects: &[(String, Option<Rate>)]| -> Vec<String> {
        effects.iter().map(|(id, _)| id.clone()).collect()
    };
    let (our_ids, their_ids) = (ids(&ours), ids(&theirs));
    if our_ids != their_ids {
        differs(
            File::SideEffects.path(locale),
            first_difference(&our_ids, &their_ids).and_then(|index| quoted(&their_ids[index])),
            format!("the side effects are not the same ids, in the same order, as in {base_name}"),
        );
    }
    for (id, rate) in &theirs {
        if let Some((_, base_rate)) = ours.iter().find(|(base_id, _)| base_id == id)
            && base_rate != rate
        {
            differs(
                File::SideEffects.path(locale),
                quoted(id),
                format!(
                    "the rate of '{id}' is {}, but {} in {base_name}",
                    rate_words(*rate),
                    rate_words(*base_rate)
                ),
            );
        }
    }

    let conditions = |library: &Library| -> Vec<(String, String)> {
        library
            .conditions()
            .map(|(region, condition)| (region.id.clone(), condition.id.clone()))
            .collect()
    };
    let regions = |library: &Library| -> Vec<String> {
        library
            .regions
            .iter()
            .map(|region| region.id.clone())
            .collect()
    };
    let (ours, theirs) = (regions(base), regions(other));
    if ours != theirs {
        differs(
            File::Conditions.path(locale),
            first_difference(&ours, &theirs).and_then(|index| quoted(&theirs[index])),
            format!("the regions are not the same ids, in the same order, as in {base_name}"),
        );
    }
    let (ours, theirs) = (conditions(base), conditions(other));
    for (region, id) in theirs.iter().filter(|entry| !ours.contains(entry)) {
        differs(
            File::Conditions.path(locale),
            quoted(id),
            format!("the condition '{id}' in region '{region}' is not in {base_name}"),
        );
    }
    for (region, id) in ours.iter().filter(|entry| !theirs.contains(entry)) {
        differs(
            File::Conditions.path(locale),
            quoted(region),
            format!("the condition '{id}' in region '{region}' is missing"),
        );
    }

    // What studies say rests on the same source, and a region lists the same others, in both.
    let cited = |library: &Library| -> Vec<(String, String)> {
        library
            .conditions()
            .map(|(_, condition)| {
                let sources: Vec<&str> = condition.evidence.sources().map(String::as_str).collect();
                (condition.id.clone(), sources.join(" "))
            })
            .chain(
                library
                    .regions
                    .iter()
                    .map(|region| (region.id.clone(), region.also_lists.join(", "))),
            )
            .collect()
    };
    let ours = cited(base);
    for (id, source) in cited(other) {
        if let Some((_, base_source)) = ours.iter().find(|(base_id, _)| *base_id == id)
            && *base_source != source
        {
            differs(
                File::Conditions.path(locale),
                quoted(&id),
                format!("'{id}' names '{source}', but '{base_source}' in {base_name}"),
            );
        }
    }

    let terms = |library: &Library| -> BTreeSet<String> {
        library
            .glossary
            .iter()
            .map(|term| term.id.clone())
            .collect()
    };
    let (ours, theirs) = (terms(base), terms(other));
    for id in theirs.difference(&ours) {
        differs(
            File::Glossary.path(locale),
            quoted(id),
            format!("the term '{id}' is not in {base_name}"),
        );
    }
    for id in ours.difference(&theirs) {
        differs(
            File::Glossary.path(locale),
            None,
            format!("the term '{id}' is missing"),
        );
    }

    for ((page, base_page), other_page) in base.page_ids().zip(&base.pages).zip(&other.pages) {
        let (ours, theirs) = (page_shape(base_page), page_shape(other_page));
        if ours != theirs {
            let file = File::Page(page).path(locale);
            // At the first section that differs.
            let section = first_difference(&ours, &theirs);
            let position = section.and_then(|index| texts.locate_nth(&file, "Section(", index));
            problems.push(Problem {
                file,
                position,
                message: format!(
                    "its sections and blocks do not match {} (same kinds, ids and list lengths)",
                    File::Page(page).path(base_name)
                ),
            });
        }
    }
    if base.ui.charts.scale_ticks != other.ui.charts.scale_ticks {
        problems.push(Problem {
            position: texts.locate(&File::Ui.path(locale), "scale_ticks"),
            file: File::Ui.path(locale),
            message: format!("scale_ticks differ from {base_name}"),
        });
    }
    problems
}

/// What must not change in translation: each block's kind, the ids it names, and list lengths.
fn page_shape(page: &Page) -> Vec<Vec<String>> {
    page.sections
        .iter()
        .map(|section| {
            section
                .blocks
                .iter()
                .map(|block| match block {
                    Block::Text(_) => "Text".to_owned(),
                    Block::Bullets(items) => format!("Bullets {}", items.len()),
                    Block::Checklist(items) => format!("Checklist {}", items.len()),
                    Block::Steps(items) => format!("Steps {}", items.len()),
                    Block::Callout(callout) => format!("Callout {:?}", callout.tone),
                    Block::Compare(compare) => format!("Compare {}", compare.rows.len()),
                    Block::SideEffects(ids) => format!("SideEffects {ids:?}"),
                    Block::RiskScale(ids) => format!("RiskScale {ids:?}"),
                    Block::Choices(ids) => format!("Choices {ids:?}"),
                    Block::ConditionIndex => "ConditionIndex".to_owned(),
                    Block::GlossaryIndex => "GlossaryIndex".to_owned(),
                    Block::ClinicContacts => "ClinicContacts".to_owned(),
                    Block::WhatToDo => "WhatToDo".to_owned(),
                    Block::Actions(steps) => format!(
                        "Actions {:?}",
                        steps.iter().map(|step| step.level).collect::<Vec<_>>()
                    ),
                    Block::Questions(questions) => format!(
                        "Questions {:?}",
                        questions.iter().map(|q| q.topic).collect::<Vec<_>>()
                    ),
                    Block::Sources => "Sources".to_owned(),
                    Block::Evidence(claims) => format!(
                        "Evidence {:?}",
                        claims
                            .iter()
                            .map(|c| (&c.sources, c.helped_more, c.heading.is_some()))
                            .collect::<Vec<_>>()
                    ),
                    Block::LungAreas(areas) => format!("LungAreas {:?}", areas.sources),
                    Block::TeachBack(questions) => format!(
                        "TeachBack {:?}",
                        questions
                            .iter()
                            .map(|q| (
                                &q.id,
                                q.pick_all,
                                q.must_know,
                                q.choices.iter().map(|c| c.right).collect::<Vec<_>>(),
                                &q.teaches.page,
                                q.teaches.section,
                            ))
                            .collect::<Vec<_>>()
                    ),
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{MAX_ITEMS, MAX_TEXT_CHARS, locales_agree, sizes};
    use crate::content::{Library, Problems};
    use std::borrow::Cow;

    /// Loads the embedded English edition with `file` edited by `edit`.
    fn with_edit(file: &str, edit: impl Fn(&str) -> String) -> Problems {
        let original = crate::content::built_in_text(file);
        let edited = edit(&original);
        assert_ne!(edited, original, "the edit changed nothing");
        Library::load("en", |path| {
            if path == file {
                Some(Cow::Owned(edited.clone().into_bytes()))
            } else {
                crate::content::built_in_bytes(path).map(Cow::Owned)
            }
        })
        .expect_err("the edited content should not pass")
    }

    fn messages(problems: &Problems) -> Vec<String> {
        problems.0.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn hidden_controls_are_taken_out_of_strings_however_they_are_written() {
        use super::without_hidden_controls;
        let text = "A(a: \"x\\u{1b}[2Jy\\x07z\", b: r#\"p\u{202E}q\"#, c: \"\\xe2\\x80\\xaeok\\n\\t\\\"\u{8}\\0\\r\") // \u{7}";
        let (kept, found) = without_hidden_controls(text);
        assert_eq!(
            kept,
            "A(a: \"x[2Jyz\", b: r#\"pq\"#, c: \"ok\\n\\t\\\"\") // \u{7}"
        );
        let chars: Vec<char> = found.iter().map(|(_, c)| *c).collect();
        assert_eq!(
            chars,
            [
                '\u{1b}', '\u{7}', '\u{202E}', '\u{202E}', '\u{8}', '\0', '\r'
            ]
        );
        assert_eq!(
            without_hidden_controls("plain \"text\\n\""),
            (Cow::Borrowed("plain \"text\\n\""), Vec::new())
        );
    }

    #[test]
    fn a_hidden_control_in_any_text_is_named_with_its_line_and_never_kept() {
        for (file, from, to) in [
            (
                "en/pages/risks.ron",
                "title: \"",
                "title: \"\\u{1b}]0;x\\u{7}",
            ),
            ("en/glossary.ron", "meaning: \"", "meaning: \"\u{202E}"),
            ("en/side-effects.ron", "name: \"", "name: \"\\0\\x08"),
            ("en/sources.ron", "name: \"", "name: \"\\u{2067}"),
            ("en/ui.ron", "app_title: \"", "app_title: \"\\r"),
        ] {
            let problems = messages(&with_edit(file, |text| text.replacen(from, to, 1)));
            assert!(!problems.is_empty(), "{file}");
            for problem in &problems {
                assert!(problem.starts_with(&format!("{file}:")), "{problem}");
                assert!(problem.contains("a hidden character, U+"), "{problem}");
            }
        }
        // What is read is the text without them, whoever reads it.
        let risks = crate::content::built_in_text("en/pages/risks.ron").replacen(
            "title: \"",
            "title: \"\\u{1b}c\u{202E}",
            1,
        );
        let loaded = Library::load_texts("en", |path| {
            Ok(Cow::Owned(if path == "en/pages/risks.ron" {
                risks.clone().into_bytes()
            } else {
                crate::content::built_in_bytes(path).unwrap()
            }))
        });
        let library = loaded.library.expect("it parses");
        let title = &library.page(crate::content::route::PageId::RISKS).title;
        assert!(title.starts_with('c'), "{title:?}");
        assert!(!title.chars().any(crate::content::is_hidden_control));
    }

    #[test]
    fn rates_out_of_order_are_caught_with_their_line() {
        let problems = with_edit("en/side-effects.ron", |text| {
            text.replacen("low: 15, high: 20", "low: 20, high: 15", 1)
        });
        let messages = messages(&problems);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with("en/side-effects.ron:"),
            "{}",
            messages[0]
        );
        assert!(
            messages[0].contains("low (20) is more than high (15)"),
            "{}",
            messages[0]
        );
    }

    #[test]
    fn the_lung_picture_must_name_sources_that_exist() {
        let problems = with_edit("en/pages/warning-signs.ron", |text| {
            text.replacen("\"chen-2018\"", "\"chen-2019\"", 1)
        });
        let found = messages(&problems);
        assert!(
            found
                .iter()
                .any(|message| message.starts_with("en/pages/warning-signs.ron:")
                    && message.contains("no source in sources.ron has the id 'chen-2019'")),
            "{found:?}"
        );
        let problems = with_edit("en/pages/warning-signs.ron", |text| {
            let start = text.find("sources: [\"lung-top\"").unwrap();
            let end = start + text[start..].find(']').unwrap() + 1;
            format!("{}sources: []{}", &text[..start], &text[end..])
        });
        assert!(
            messages(&problems)
                .iter()
                .any(|message| message.contains("the picture of the lungs names no source")),
            "{:?}",
            messages(&problems)
        );
    }

    #[test]
    fn unknown_terms_rates_and_pages_are_caught() {
        let problems = with_edit("en/pages/home.ron", |text| {
            text.replacen("\"about\"", "\"abuot\"", 1)
        });
        assert!(
            messages(&problems)
                .iter()
                .any(|m| m.contains("no page has the id 'abuot'"))
        );

        let problems = with_edit("en/pages/key-points.ron", |text| {
            text.replacen("{rate:bruising}", "{rate:bruises}", 1)
        });
        assert!(
            messages(&problems)
                .iter()
                .any(|m| m.contains("no side effect has the id 'bruises'"))
        );

        let problems = with_edit("en/pages/warning-signs.ron", |text| {
            text.replacen("(pneumothorax)", "(pneumo)", 1)
        });
        let messages = messages(&problems);
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("en/pages/warning-signs.ron:")
                    && m.contains("the term 'pneumo' is not in the glossary")),
            "{messages:?}"
        );
    }

    #[test]
    fn a_sign_under_two_steps_of_what_to_do_is_caught_with_its_line() {
        let problems = with_edit("en/pages/warning-signs.ron", |text| {
            text.replacen(
                "\"Breathing faster than normal.\",",
                "\"Breathing faster than normal.\", \"Blue or gray lips or skin.\",",
                1,
            )
        });
        let found = messages(&problems);
        assert!(
            found
                .iter()
                .any(|message| message.contains("en/pages/warning-signs.ron:")
                    && message.contains("'Blue or gray lips or skin.' is listed under two steps")),
            "{found:#?}"
        );
    }

    #[test]
    fn a_rate_in_the_middle_of_a_clause_is_caught_with_its_line() {
        let problems = with_edit("en/pages/after.ron", |text| {
            text.replacen("after {rate:bruising}.", "after {rate:bruising} or so.", 1)
        });
        let found = messages(&problems);
        assert!(
            found
                .iter()
                .any(|message| message.starts_with("en/pages/after.ron:")
                    && message.contains("{rate:bruising} must end its sentence")),
            "{found:#?}"
        );
    }

    #[test]
    fn duplicate_ids_are_caught() {
        let problems = with_edit("en/glossary.ron", |text| {
            text.replacen("id: \"fascia\"", "id: \"filiform\"", 1)
        });
        assert!(
            messages(&problems)
                .iter()
                .any(|m| m.contains("'filiform' is used more than once"))
        );
    }

    #[test]
    fn the_editions_agree_on_ids_rates_and_structure() {
        let english = Library::embedded("en").unwrap();
        let spanish = Library::embedded("es").unwrap_or_else(|problems| panic!("{problems}"));
        let problems = locales_agree(&english, &spanish);
        assert!(problems.is_empty(), "{}", Problems(problems));
    }

    #[test]
    fn a_drifting_rate_or_id_is_named_with_its_file() {
        let english = Library::embedded("en").unwrap();
        let mut spanish = Library::embedded("es").unwrap();
        spanish.side_effects[1].rate = Some(crate::content::model::Rate::Range {
            low: 15,
            high: 25,
            of: crate::content::model::Denominator::Treatments,
        });
        spanish.glossary.pop();
        spanish.regions[0].conditions[0].id = "migraña".into();
        spanish.pages[0].sections.clear();
        let messages: Vec<String> = locales_agree(&english, &spanish)
            .iter()
            .map(ToString::to_string)
            .collect();
        let has = |needle: &str| messages.iter().any(|message| message.contains(needle));
        assert!(
            has("es/side-effects.ron: the rate of 'bruising'"),
            "{messages:?}"
        );
        assert!(has("es/glossary.ron: the term"), "{messages:?}");
        assert!(
            has("es/conditions.ron: the condition 'migraña'"),
            "{messages:?}"
        );
        assert!(
            has("es/pages/home.ron: its sections and blocks do not match en/pages/home.ron"),
            "{messages:?}"
        );
    }

    fn size_messages(text: &str) -> Vec<String> {
        sizes("a.ron", text)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn texts_and_lists_up_to_the_limits_pass_and_one_more_is_named_with_its_line() {
        let text = |chars: usize| format!("Term(\n    meaning: \"{}\",\n)", "é".repeat(chars));
        assert!(size_messages(&text(MAX_TEXT_CHARS)).is_empty());
        assert_eq!(
            size_messages(&text(MAX_TEXT_CHARS + 1)),
            [format!(
                "a.ron:2:14: the text of 'meaning' has {} characters; a text may have at most \
                 {MAX_TEXT_CHARS}",
                MAX_TEXT_CHARS + 1
            )]
        );
        let list = |items: usize| format!("Page(\n  keywords: [{}],\n)", "\"k\", ".repeat(items));
        assert!(size_messages(&list(MAX_ITEMS)).is_empty());
        assert_eq!(
            size_messages(&list(MAX_ITEMS + 1)),
            [format!(
                "a.ron:2:13: 'keywords' has {} items; a list may have at most {MAX_ITEMS}",
                MAX_ITEMS + 1
            )]
        );
        // Without a trailing comma, nested, and at the top of the file.
        let nested = format!(
            "[\n{}Section(blocks: [Bullets([\"a\", \"b\"])])\n]",
            "Section(blocks: []),\n".repeat(MAX_ITEMS)
        );
        assert_eq!(
            size_messages(&nested),
            [format!(
                "a.ron:1:1: this list has {} items; a list may have at most {MAX_ITEMS}",
                MAX_ITEMS + 1
            )]
        );
    }

    #[test]
    fn sizes_are_read_past_comments_raw_strings_and_characters() {
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        // Brackets and quotes in comments, strings and characters are not lists or texts.
        let quiet = format!(
            "// [\"{long}\n/* a [ /* nested \"{long}\" */ ] */\n(a: \"[[\\\"\", b: '\\'', c: '[', d: r#\"\"[\"#)"
        );
        assert!(size_messages(&quiet).is_empty(), "{quiet}");
        let raw = format!("(text: r##\"\"#{long}\"##)");
        let messages = size_messages(&raw);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with("a.ron:1:8: the text of 'text' has"),
            "{messages:?}"
        );
        // Names are only ever the guide's own: a word of the file is not repeated.
        let secret = format!("(\n// hunter2:\n\"{long}\")");
        assert!(size_messages(&secret)[0].contains(": this text has"));
        let optional = format!("(heading: Some(\"{long}\"))");
        assert!(size_messages(&optional)[0].contains("the text of 'heading'"));
    }

    #[test]
    fn a_glossary_too_long_or_with_a_text_too_long_is_refused() {
        let problems = with_edit("en/glossary.ron", |text| {
            let end = text.rfind(']').unwrap();
            let extra: String = (0..MAX_ITEMS)
                .map(|n| format!("    Term(id: \"t{n}\", word: \"W\", meaning: \"M.\"),\n"))
                .collect();
            format!("{}{extra}{}", &text[..end], &text[end..])
        });
        let found = messages(&problems);
        assert!(
            found.iter().any(|m| m.starts_with("en/glossary.ron:")
                && m.contains("items; a list may have at most")),
            "{found:?}"
        );
        let problems = with_edit("en/glossary.ron", |text| {
            text.replacen(
                "meaning: \"",
                &format!("meaning: \"{}", "y".repeat(MAX_TEXT_CHARS)),
                1,
            )
        });
        let found = messages(&problems);
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("en/glossary.ron:")
                    && m.contains("the text of 'meaning' has")),
            "{found:?}"
        );
    }

    /// The Spanish edition with its files edited, and the text it was read from.
    fn spanish_with(edits: &[(&str, &str, &str)]) -> (Library, crate::content::Files) {
        let loaded = Library::load_texts("es", |path| {
            let mut text = crate::content::built_in_text(path);
            for (file, from, to) in edits {
                if *file == path {
                    assert!(text.contains(from), "{from}");
                    text = text.replacen(from, to, 1);
                }
            }
            Ok(Cow::Owned(text.into_bytes()))
        });
        let texts = loaded.texts.clone();
        (
            loaded
                .result()
                .unwrap_or_else(|problems| panic!("{problems}")),
            texts,
        )
    }

    #[test]
    fn a_drift_is_at_its_line_and_its_rates_are_in_words() {
        let english = Library::embedded("en").unwrap();
        let (spanish, texts) = spanish_with(&[
            (
                "es/side-effects.ron",
                "low: 15, high: 20",
                "low: 15, high: 25",
            ),
            (
                "es/glossary.ron",
                "    Term(",
                "    Term(id: \"extra\", word: \"Extra\", meaning: \"Una palabra.\"),\n    Term(",
            ),
        ]);
        let messages: Vec<String> = super::locales_agree_in(&english, &spanish, &texts)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            messages,
            [
                "es/side-effects.ron:13:13: the rate of 'bruising' is 15 to 25 out of every 100 \
                 treatments, but 15 to 20 out of every 100 treatments in en",
                "es/glossary.ron:3:14: the term 'extra' is not in en",
            ]
        );
        // Without the texts, the same words, without the lines.
        let unplaced = locales_agree(&english, &spanish);
        assert!(unplaced.iter().all(|problem| problem.position.is_none()));
        assert!(unplaced.iter().all(
            |problem| !problem.message.contains("Range") && !problem.message.contains("Some(")
        ));

        // A page's structure is placed at its first section that differs.
        let mut changed = spanish.clone();
        changed.pages[0].sections[1].blocks.pop();
        let found = super::locales_agree_in(&english, &changed, &texts);
        let home: Vec<_> = found
            .iter()
            .filter(|problem| problem.file == "es/pages/home.ron")
            .collect();
        assert_eq!(home.len(), 1, "{found:?}");
        assert_eq!(home[0].position, Some((28, 9)));
    }

    #[test]
    fn every_check_question_has_a_right_answer_and_a_section_that_teaches_it() {
        let file = "en/pages/teach-back.ron";
        let cases: [(&str, &str, &str); 4] = [
            (
                "CheckChoice(text: \"No. Do not drive while you feel drowsy, tired or dizzy.\", right: true)",
                "CheckChoice(text: \"No. Do not drive while you feel drowsy, tired or dizzy.\")",
                "the question 'driving' has no right answer",
            ),
            (
                "CheckChoice(text: \"Yes, if the drive is short.\")",
                "CheckChoice(text: \"Yes, if the drive is short.\", right: true)",
                "the question 'driving' has 2 right answers: mark it pick_all: true",
            ),
            (
                "Teaches(page: \"after\", section: 0)",
                "Teaches(page: \"after\", section: 40)",
                "the question 'driving' points at section 40 of 'after', which has",
            ),
            (
                "Teaches(page: \"after\", section: 0)",
                "Teaches(page: \"afterwards\", section: 0)",
                "the question 'driving' points at no page: there is no 'afterwards'",
            ),
        ];
        for (from, to, expected) in cases {
            let problems = with_edit(file, |text| text.replacen(from, to, 1));
            let messages = messages(&problems);
            assert!(
                messages
                    .iter()
                    .any(|message| message.starts_with(file) && message.contains(expected)),
                "{expected:?} not in {messages:?}"
            );
        }
        // Too few questions.
        let problems = with_edit(file, |text| {
            let start = text
                .find("                    CheckQuestion(\n                        id: \"chart\"")
                .unwrap();
            let end = text.find("                    CheckQuestion(\n                        id: \"warning-signs\"").unwrap();
            let second = text
                .find("                    CheckQuestion(\n                        id: \"driving\"")
                .unwrap();
            let close = text[second..].find("                    ),\n").unwrap() + second + 23;
            format!("{}{}{}", &text[..start], &text[end..second], &text[close..])
        });
        assert!(
            messages(&problems)
                .iter()
                .any(|message| message.contains("the check has 4 questions; it needs 5 to 7")),
            "{:?}",
            messages(&problems)
        );
    }

    #[test]
    fn the_check_must_have_the_same_answers_in_every_language() {
        let english = Library::embedded("en").unwrap();
        let mut spanish = Library::embedded("es").unwrap();
        let page = spanish
            .pages
            .iter_mut()
            .find(|page| page.id == "teach-back")
            .unwrap();
        let crate::content::model::Block::TeachBack(questions) = &mut page.sections[0].blocks[0]
        else {
            panic!("the check's first block is its questions");
        };
        questions[0].choices[0].right = true;
        let problems = locales_agree(&english, &spanish);
        assert!(
            problems
                .iter()
                .any(|problem| problem.file == "es/pages/teach-back.ron"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_clinics_web_address_and_pin_must_be_usable() {
        use super::{MAX_WEB_BYTES, staff_pin_ok, web_address_problem};
        let longest = format!("https://example.org/{}", "a".repeat(MAX_WEB_BYTES - 20));
        for good in [
            "",
            "  ",
            "https://example.org",
            "http://example.org/dry-needling?lang=es#after",
            "HTTPS://Example.org",
            " https://example.org ",
            "https://example.org:8443/guide",
            "https://example.org./guide",
            "https://xn--80ak6aa92e.com/",
            "https://clinic.example/caf%C3%A9?x=@",
            &longest,
        ] {
            assert_eq!(web_address_problem(good), None, "{good:?}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript://%0aalert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "example.org",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "ftp://example.org",
            // No real site (N17).
            "https://@",
            "https://:",
            "https://.",
            "https://..",
            "https://-x.org",
            "https://example.org:port",
            "http://user:pass@evil.example",
            "https://trusted.example@evil.example/",
            // A look-alike of apple.com in Cyrillic letters.
            "https://\u{430}\u{440}\u{440}\u{4cf}\u{435}.com",
            "https://b\u{fc}cher.example",
            &format!("{longest}a"),
        ] {
            assert!(web_address_problem(bad).is_some(), "{bad:?}");
        }
        assert!(
            web_address_problem(&format!("{longest}a"))
                .is_some_and(|message| message.contains(&format!("at most {MAX_WEB_BYTES}"))),
            "a long address is told the limit"
        );
        for good in ["", "0", "4321", "123456789012", " 4321 "] {
            assert!(staff_pin_ok(good), "{good:?}");
        }
        for bad in [
            "1234567890123",
            "12a4",
            "\u{661}\u{662}\u{663}\u{664}",
            "12 34",
            "-1",
            "+1234",
            "12.3",
        ] {
            assert!(!staff_pin_ok(bad), "{bad:?}");
        }

        let problems = with_edit("clinic.ron", |text| {
            text.replacen("web: \"\"", "web: \"javascript:alert(1)\"", 1)
                .replacen("staff_pin: \"\"", "staff_pin: \"12ab\"", 1)
        });
        let found = messages(&problems);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with(
                "clinic.ron:13:5: 'web' must be an address that starts with http:// or https://"
            ),
            "{found:?}"
        );
        assert!(
            found[1].starts_with("clinic.ron:15:5: 'staff_pin' must be 1 to 12 digits"),
            "{found:?}"
        );
        assert!(
            !found
                .iter()
                .any(|m| m.contains("alert") || m.contains("12ab"))
        );
    }
}
