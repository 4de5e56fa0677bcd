//! The text of the content files as read, kept for later checks to point at a line, and ron's
//! errors reworded for a clinic's staff, with the field and the line they are at.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::embedded::Embedded;
use super::files;
use super::problem::lower_first;

/// The text of the content files read so far, so that later checks can point at a line.
#[derive(Debug, Clone, Default)]
pub struct Files {
    pub(super) texts: Vec<(String, String)>,
}

impl Files {
    /// The text of the embedded files of `locale` (and `clinic.ron`).
    pub fn embedded(locale: &str) -> Files {
        let texts = files::of_locale(locale)
            .into_iter()
            .filter_map(|file| {
                let embedded = Embedded::get(&file)?;
                let text = String::from_utf8_lossy(&embedded.data).into_owned();
                Some((file, text))
            })
            .collect();
        Files { texts }
    }

    /// The 1-based line and column of the first `needle` in `file`.
    pub fn locate(&self, file: &str, needle: &str) -> Option<(usize, usize)> {
        self.locate_nth(file, needle, 0)
    }

    /// The 1-based line and column of the `nth` `needle` in `file`, counting from 0.
    pub fn locate_nth(&self, file: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
        let (_, text) = self.texts.iter().find(|(name, _)| name == file)?;
        let (at, _) = text.match_indices(needle).nth(nth)?;
        Some(line_and_column(&text[..at]))
    }
}

/// What a RON parse error expected, in words that never repeat the file's own: the file may be
/// anything a link points to, and its words are not for the terminal or a log.
pub(super) fn parse_message(error: &ron::Error) -> String {
    use ron::Error as E;
    let known = |name: &Option<String>| {
        name.as_deref()
            .filter(|name| known_name(name))
            .map_or_else(String::new, |name| format!(" of {name}"))
    };
    match error {
        E::ExpectedDifferentStructName { expected, .. } => format!("expected {expected}(...)"),
        E::InvalidIntegerDigit { base, .. } => format!("expected a digit of a base-{base} number"),
        E::NoSuchExtension(_) => "unknown RON extension".to_owned(),
        E::UnexpectedChar(_) => "unexpected character".to_owned(),
        E::InvalidValueForType { expected, found } => {
            // `found` quotes the value ("the string \"…\""): say only what kind of value it is.
            let kind = if found.starts_with("the string") {
                "text"
            } else if found.starts_with("the boolean") {
                "true or false"
            } else if found.starts_with("the UTF-8 character") {
                "a character"
            } else if found.starts_with("the byte string") {
                "bytes"
            } else if found.starts_with("the ") {
                "a number"
            } else {
                found
            };
            format!("expected {expected}, not {kind}")
        }
        E::NoSuchEnumVariant {
            expected, outer, ..
        } => format!(
            "unknown kind{}; expected one of {}",
            known(outer),
            expected.join(", ")
        ),
        E::NoSuchStructField {
            expected, outer, ..
        } => format!(
            "unknown field{}; expected one of {}",
            known(outer),
            expected.join(", ")
        ),
        E::MissingStructField { field, outer } => {
            match outer.as_deref().filter(|n| known_name(n)) {
                Some(outer) => format!("{outer} needs the field {field}"),
                None => format!("the field {field} is missing"),
            }
        }
        E::DuplicateStructField { field, .. } => format!("the field {field} is given twice"),
        E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => "not a valid name".to_owned(),
        E::Message(_) | E::Io(_) => "not a valid value here".to_owned(),
        // The rest quote nothing of the file: say them as ron does, in lower case.
        E::Fmt
        | E::Eof
        | E::ExpectedArray
        | E::ExpectedArrayEnd
        | E::ExpectedAttribute
        | E::ExpectedAttributeEnd
        | E::ExpectedBoolean
        | E::ExpectedComma
        | E::ExpectedChar
        | E::ExpectedByteLiteral
        | E::ExpectedFloat
        | E::FloatUnderscore
        | E::ExpectedInteger
        | E::ExpectedOption
        | E::ExpectedOptionEnd
        | E::ExpectedMap
        | E::ExpectedMapColon
        | E::ExpectedMapEnd
        | E::ExpectedStructLike
        | E::ExpectedNamedStructLike(_)
        | E::ExpectedStructLikeEnd
        | E::ExpectedUnit
        | E::ExpectedString
        | E::ExpectedByteString
        | E::ExpectedStringEnd
        | E::ExpectedIdentifier
        | E::InvalidEscape(_)
        | E::IntegerOutOfBounds
        | E::UnclosedBlockComment
        | E::UnclosedLineComment
        | E::UnderscoreAtBeginning
        | E::Utf8Error(_)
        | E::TrailingCharacters
        | E::ExpectedDifferentLength { .. }
        | E::ExpectedRawValue
        | E::ExceededRecursionLimit
        | E::ExpectedStructName(_)
        | E::ExpectedRangeSyntax => lower_first(&error.to_string()),
        _ => "not valid here".to_owned(),
    }
}

/// Whether `name` is a field or a kind of the guide's own files (`meaning`, `Bullets`): words of
/// the guide, which a message may repeat, unlike the words of a file it reads.
pub(super) fn known_name(name: &str) -> bool {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut names = HashSet::new();
        for file in Embedded::iter() {
            let Some(embedded) = Embedded::get(&file) else {
                continue;
            };
            let text = String::from_utf8_lossy(&embedded.data);
            let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
            let mut rest: &str = &text;
            while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic()) {
                let name_and_after = &rest[start..];
                let end = name_and_after
                    .find(|c: char| !is_name(c))
                    .unwrap_or(name_and_after.len());
                let (name, after) = name_and_after.split_at(end);
                if after.trim_start().starts_with([':', '(']) {
                    names.insert(name.to_owned());
                }
                rest = after;
            }
        }
        names
    });
    names.contains(name)
}

/// The 1-based line and column just after `before`.
pub(super) fn line_and_column(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Whether a digit, a point and a digit meet at a 1-based line and column (at the point, or
/// at the digit after it).
pub(super) fn decimal_point_at(text: &str, line: usize, column: usize) -> bool {
    let Some(line) = line
        .checked_sub(1)
        .and_then(|index| text.lines().nth(index))
    else {
        return false;
    };
    let chars: Vec<char> = line.chars().collect();
    let at = column.saturating_sub(1);
    [at, at.saturating_sub(1)].into_iter().any(|point| {
        point > 0
            && chars.get(point) == Some(&'.')
            && chars[point - 1].is_ascii_digit()
            && chars.get(point + 1).is_some_and(char::is_ascii_digit)
    })
}

/// The field whose value starts before a position, when it is on the same line:
/// `rate: Some(Range(low: "x"` at the `"` gives `low`. Only a name of the guide's own files is
/// given, never other words of the file.
pub(super) fn field_at(text: &str, line: usize, column: usize) -> Option<&str> {
    let line = text.lines().nth(line.checked_sub(1)?)?;
    let end = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(at, _)| at);
    let before = line[..end].trim_end();
    let before = before.strip_suffix(':').or_else(|| {
        let colon = before.rfind(':')?;
        Some(&before[..colon])
    })?;
    // After the last character that is no part of a name, whatever its length in bytes ("”").
    let name_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let name = &before[name_start..];
    known_name(name).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_found_after_a_character_of_several_bytes() {
        let text = "        find_in_other: \"finds “{found}”: more\",\n";
        // Every column of the line, the curly quotes' included: never a panic.
        for column in 0..=text.chars().count() + 1 {
            let _ = field_at(text, 1, column);
        }
        let finds = text.find("finds").unwrap() + 1;
        assert_eq!(field_at(text, 1, finds), Some("find_in_other"));
    }

    #[test]
    fn locate_finds_line_and_column() {
        let mut files = Files::default();
        files
            .texts
            .push(("a.ron".into(), "one\n  two \"x\"\n".into()));
        assert_eq!(files.locate("a.ron", "\"x\""), Some((2, 7)));
        assert_eq!(files.locate("a.ron", "zzz"), None);
        assert_eq!(files.locate("b.ron", "one"), None);
    }
}
