//! Typed ids: a glossary term, a body region and a condition are named by strings in the content
//! files, but inside the app each kind has its own type, so one can never be passed for another.

use std::fmt;

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> $name {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> $name {
                $name(id.to_owned())
            }
        }
    };
}

id!(
    /// A glossary term, as `glossary.ron` names it (`pneumothorax`).
    TermId
);
id!(
    /// A body region, one of [`REGION_IDS`].
    RegionId
);
id!(
    /// A condition, as `conditions.ron` names it (`plantar-fasciitis`).
    ConditionId
);

/// Each name with its drawing, `assets/icons/<name>.svg`, read into the binary.
macro_rules! icons {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_bytes!(concat!("../../../assets/icons/", $name, ".svg")))),*]
    };
}

/// Every picture a page can show on its tile and in the list, by the name the page list gives
/// it, with its drawing (`assets/icons/<name>.svg`): the one table of icons, which `check` and the
/// window both read.
pub const ICONS: [(&str, &[u8]); 13] = icons![
    "about",
    "compare",
    "conditions",
    "benefits",
    "risks",
    "warning-signs",
    "before",
    "after",
    "sources",
    "questions",
    "glossary",
    "key-points",
    "teach-back",
];

/// The names of [`ICONS`], in that order: the icons a page list may name.
pub const ICON_NAMES: [&str; ICONS.len()] = {
    let mut names = [""; ICONS.len()];
    let mut at = 0;
    while at < ICONS.len() {
        names[at] = ICONS[at].0;
        at += 1;
    }
    names
};

/// Every region a condition can belong to, as `conditions.ron` names them. The body map draws
/// each one; a content file can name no other.
pub const REGION_IDS: [&str; 13] = [
    "head",
    "neck",
    "shoulder",
    "elbow",
    "wrist-hand",
    "upper-back",
    "low-back",
    "hip-buttock",
    "thigh",
    "knee",
    "shin",
    "ankle-foot",
    "whole-body",
];

/// The body map's regions from which a needle can reach a lung (the map has no chest region):
/// picking one shows this picture beside the region's conditions.
pub const NEAR_LUNGS: [&str; 3] = ["neck", "shoulder", "upper-back"];

/// The region that stands for the whole body: a button beside the map, not a place on it.
pub const WHOLE_BODY: &str = "whole-body";

/// The most characters of an id.
pub const MAX_ID_CHARS: usize = 64;

/// Why `id` is not an id of the guide, if it is not: ids are lower-case letters and digits in
/// words joined by single hyphens ("sore-muscle-2"), at most [`MAX_ID_CHARS`] long.
pub fn id_problem(id: &str) -> Option<String> {
    let word_ok = |word: &str| {
        !word.is_empty()
            && word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    };
    if id.chars().count() > MAX_ID_CHARS {
        Some(format!(
            "an id has {} characters; an id may have at most {MAX_ID_CHARS}",
            id.chars().count()
        ))
    } else if !id.split('-').all(word_ok) {
        Some(format!(
            "the id '{id}' must be lower-case letters (a to z) and digits, in words joined by \
             hyphens, such as 'sore-muscle'"
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_print_as_written_and_compare_by_value() {
        let term = TermId::from("fascia");
        assert_eq!(term.to_string(), "fascia");
        assert_eq!(term, TermId::new(String::from("fascia")));
        assert_ne!(term, TermId::from("fasciae"));
        assert!(REGION_IDS.contains(&WHOLE_BODY));
    }
}
