//! What is wrong in a content file, with its place, worded for whoever reads it; and what
//! is kept out of any text a terminal shows.

use std::borrow::Cow;
use std::fmt;

/// Something wrong in a content file, with where it is when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Relative to `content/`, e.g. `en/pages/risks.ron`.
    pub file: String,
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A file's name may hold anything; a problem is one line, and moves no cursor.
        let file = without_controls(&self.file).replace('\n', " ");
        let message = without_controls(&self.message).replace('\n', " ");
        match self.position {
            Some((line, column)) => write!(f, "{file}:{line}:{column}: {message}"),
            None => write!(f, "{file}: {message}"),
        }
    }
}

/// Whether `c` is a control character (but a tab or a new line) or one that overrides the
/// direction of text: in a clinic's details or in a message they can make what is shown read
/// other than what is written, or move a terminal's cursor.
pub fn is_hidden_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || (c.is_control() && c != '\t' && c != '\n')
}

/// `text` without [hidden controls](is_hidden_control).
pub fn without_controls(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_hidden_control) {
        Cow::Owned(text.chars().filter(|c| !is_hidden_control(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Every problem found while loading, one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// `text` with its first letter in lower case: ron says "Expected integer", and the guide's
/// messages start in lower case.
pub(super) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_is_one_line_without_control_characters() {
        let problem = Problem {
            file: "a\u{1B}[31m\nb\u{202E}.ron".into(),
            position: Some((1, 2)),
            message: "x\u{9B}y\u{2067}".into(),
        };
        assert_eq!(problem.to_string(), "a[31m b.ron:1:2: xy");
    }
}
