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
