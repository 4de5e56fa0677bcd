//! The markups allowed in patient text: `[shown words](term-id)`, `{rate:effect-id}`, and
//! `{emergency}` for the emergency number (the clinic's, or words that name the local one), and
//! `{call_clinic}` for a sentence that gives the clinic's phone and after-hours line, and
//! `{lung_areas}` for the one list of where a needle can reach a lung.

/// A piece of patient text, before terms and rates are looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Plain(&'a str),
    Term {
        shown: &'a str,
        id: &'a str,
    },
    Rate {
        id: &'a str,
    },
    /// The number to call in an emergency.
    Emergency,
    /// "Call your clinic now at …", with the numbers the clinic gave.
    CallClinic,
    /// Where a needle can reach a lung ("the chest, the sides of the chest, …"), written once.
    LungAreas,
}

/// Why a piece of text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    /// Byte offset in the text where the broken markup starts.
    pub at: usize,
    pub message: String,
}

/// Splits text into plain runs, glossary terms and rate placeholders.
pub fn parse(text: &str) -> Result<Vec<Piece<'_>>, MarkupError> {
    let mut pieces = Vec::new();
    let mut rest = text;
    let mut offset = 0;

    while let Some(start) = rest.find(['[', '{']) {
        if start > 0 {
            pieces.push(Piece::Plain(&rest[..start]));
        }
        let marked = &rest[start..];
        let at = offset + start;
        let (piece, length) = if marked.starts_with('[') {
            parse_term(marked, at)?
        } else {
            parse_rate(marked, at)?
        };
        pieces.push(piece);
        rest = &marked[length..];
        offset = at + length;
    }
    if !rest.is_empty() {
        pieces.push(Piece::Plain(rest));
    }
    Ok(pieces)
}

/// `[shown](id)` at the start of `marked`; returns the piece and its length in bytes.
fn parse_term(marked: &str, at: usize) -> Result<(Piece<'_>, usize), MarkupError> {
    let broken = |message: &str| MarkupError {
        at,
        message: format!("{message} in a term marked as [words](term-id)"),
    };
    let close = marked.find(']').ok_or_else(|| broken("missing ']'"))?;
    let shown = &marked[1..close];
    let after = &marked[close + 1..];
    if !after.starts_with('(') {
        return Err(broken("missing '(' after ']'"));
    }
    let end = after.find(')').ok_or_else(|| broken("missing ')'"))?;
    let id = after[1..end].trim();
    if shown.trim().is_empty() || id.is_empty() {
        return Err(broken("empty words or id"));
    }
    Ok((Piece::Term { shown, id }, close + 1 + end + 1))
}

/// `{rate:id}` at the start of `marked`.
fn parse_rate(marked: &str, at: usize) -> Result<(Piece<'_>, usize), MarkupError> {
    let broken = |message: &str| MarkupError {
        at,
        message: format!(
            "{message} in a rate marked as {{rate:effect-id}}, or {{emergency}}, {{call_clinic}} \
             or {{lung_areas}}"
        ),
    };
    let end = marked.find('}').ok_or_else(|| broken("missing '}'"))?;
    match marked[1..end].trim() {
        "emergency" => return Ok((Piece::Emergency, end + 1)),
        "call_clinic" => return Ok((Piece::CallClinic, end + 1)),
        "lung_areas" => return Ok((Piece::LungAreas, end + 1)),
        _ => {}
    }
    let id = marked[1..end]
        .strip_prefix("rate:")
        .ok_or_else(|| broken("unknown placeholder"))?
        .trim();
    if id.is_empty() {
        return Err(broken("empty id"));
    }
    Ok((Piece::Rate { id }, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_one_piece() {
        assert_eq!(
            parse("Just words.").unwrap(),
            vec![Piece::Plain("Just words.")]
        );
        assert_eq!(parse("").unwrap(), vec![]);
    }

    #[test]
    fn terms_and_rates_are_split_out() {
        let pieces = parse("A [collapsed lung](pneumothorax) in {rate:serious}.").unwrap();
        assert_eq!(
            pieces,
            vec![
                Piece::Plain("A "),
                Piece::Term {
                    shown: "collapsed lung",
                    id: "pneumothorax"
                },
                Piece::Plain(" in "),
                Piece::Rate { id: "serious" },
                Piece::Plain("."),
            ]
        );
    }

    #[test]
    fn the_clinic_and_emergency_placeholders_are_pieces_of_their_own() {
        assert_eq!(
            parse("{call_clinic} Or {emergency}.").unwrap(),
            vec![
                Piece::CallClinic,
                Piece::Plain(" Or "),
                Piece::Emergency,
                Piece::Plain("."),
            ]
        );
        assert!(parse("{call_clinics}").is_err());
    }

    #[test]
    fn broken_markup_is_an_error_with_its_position() {
        let error = parse("Ok [oops](x").unwrap_err();
        assert_eq!(error.at, 3);
        assert!(error.message.contains("missing ')'"), "{}", error.message);
        assert!(parse("[a] b").is_err());
        assert!(parse("{pain}").is_err());
        assert!(parse("{rate:}").is_err());
        assert!(parse("[](x)").is_err());
    }

    #[test]
    fn multibyte_text_keeps_its_characters() {
        let pieces = parse("Niño [más](x) ñ").unwrap();
        assert_eq!(pieces[0], Piece::Plain("Niño "));
        assert_eq!(
            pieces[1],
            Piece::Term {
                shown: "más",
                id: "x"
            }
        );
        assert_eq!(pieces[2], Piece::Plain(" ñ"));
    }
}
