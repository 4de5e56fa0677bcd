//! Reading a content file's RON text itself, before and beside parsing: texts and lists over
//! their limits, and hidden characters, each at its line.

use super::*;
use crate::content::parse::{known_name, line_and_column};
use crate::content::problem::is_hidden_control;

/// The most characters one text of a content file may have, as written in the file. The longest
/// built-in text has about 400.
pub const MAX_TEXT_CHARS: usize = 4000;

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
            position: Some(line_and_column(&text[..at])),
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

/// The RON `text` with every [hidden control](is_hidden_control) taken out of its strings
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
                    if is_hidden_control(c) {
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
                        if is_hidden_control(c) {
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
                    if let Some(c) = decoded.filter(|c| is_hidden_control(*c)) {
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
            position: Some(line_and_column(&text[..at])),
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
    (!name.is_empty() && known_name(name)).then_some(name)
}
