//! Where the reader is: the pages of the guide, in reading order, and their ids.

use std::fmt;
use std::sync::Mutex;

use super::ids::{ConditionId, id_problem};

/// A page of the guide, by the id its file and the page list (`pages.ron`) give it:
/// `warning-signs` for `pages/warning-signs.ron`. Ids are interned, so a page id is as cheap to
/// copy and compare as a number, and a clinic's own page gets one the same way as a built-in one.
/// Which pages there are, and in what order, is the content's to say
/// ([`crate::content::Library::page_ids`]); the constants name the built-in pages the code
/// itself refers to (the warning signs the handout prints, the check the app runs), which every
/// page list must have.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageId(&'static str);

impl PageId {
    pub const HOME: PageId = PageId("home");
    pub const ABOUT: PageId = PageId("about");
    pub const COMPARE: PageId = PageId("compare");
    pub const CONDITIONS: PageId = PageId("conditions");
    pub const BENEFITS: PageId = PageId("benefits");
    pub const BEFORE: PageId = PageId("before");
    pub const RISKS: PageId = PageId("risks");
    pub const AFTER: PageId = PageId("after");
    pub const WARNING_SIGNS: PageId = PageId("warning-signs");
    pub const SOURCES: PageId = PageId("sources");
    pub const QUESTIONS: PageId = PageId("questions");
    pub const GLOSSARY: PageId = PageId("glossary");
    pub const KEY_POINTS: PageId = PageId("key-points");
    pub const TEACH_BACK: PageId = PageId("teach-back");

    /// The pages the code names, which every page list must have (in any order).
    pub const ALL: [PageId; 14] = [
        PageId::HOME,
        PageId::ABOUT,
        PageId::COMPARE,
        PageId::CONDITIONS,
        PageId::BENEFITS,
        PageId::BEFORE,
        PageId::RISKS,
        PageId::AFTER,
        PageId::WARNING_SIGNS,
        PageId::SOURCES,
        PageId::QUESTIONS,
        PageId::GLOSSARY,
        PageId::KEY_POINTS,
        PageId::TEACH_BACK,
    ];

    /// The page named `id`. Whether the guide has it is for the content to say.
    pub fn new(id: &str) -> PageId {
        if let Some(known) = PageId::ALL.into_iter().find(|page| page.0 == id) {
            return known;
        }
        // Each other id is kept once for the life of the program: ids come only from page
        // lists, whose length `check` bounds, so this stays small.
        static OTHERS: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
        let mut others = OTHERS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(known) = others.iter().find(|known| **known == id) {
            return PageId(known);
        }
        let interned: &'static str = Box::leak(id.to_owned().into_boxed_str());
        others.push(interned);
        PageId(interned)
    }

    /// The id used in content files and on the command line.
    pub fn id(self) -> &'static str {
        self.0
    }

    /// The page the code names by `id`, if it names one.
    pub fn required(id: &str) -> Option<PageId> {
        PageId::ALL.into_iter().find(|page| page.id() == id)
    }
}

impl fmt::Debug for PageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PageId({})", self.0)
    }
}

/// A screen of the app: one of the pages, or the detail page of one condition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    Page(PageId),
    Condition(ConditionId),
}

impl Route {
    pub const HOME: Route = Route::Page(PageId::HOME);

    /// Reads a route id as given to `--page`: a page id, or `condition/<id>`.
    /// Whether the condition exists is for the content to say.
    pub fn parse(id: &str) -> Option<Route> {
        match id.strip_prefix("condition/") {
            Some(condition) if !condition.is_empty() => Some(Route::Condition(condition.into())),
            Some(_) => None,
            // Whether the page exists is for the content to say, as for a condition.
            None if id_problem(id).is_none() => Some(Route::Page(PageId::new(id))),
            None => None,
        }
    }

    /// The page this route belongs to in the navigation bar: a condition sits under Conditions.
    pub fn section(&self) -> PageId {
        match self {
            Route::Page(page) => *page,
            Route::Condition(_) => PageId::CONDITIONS,
        }
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Route::Page(page) => f.write_str(page.id()),
            Route::Condition(id) => write!(f, "condition/{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_id_round_trips() {
        for page in PageId::ALL {
            assert_eq!(PageId::required(page.id()), Some(page));
            assert_eq!(PageId::new(page.id()), page);
            assert_eq!(Route::parse(page.id()), Some(Route::Page(page)));
        }
        // Another page's id is kept once: the same id is the same page.
        assert_eq!(PageId::new("our-clinic"), PageId::new("our-clinic"));
        assert_eq!(PageId::new("our-clinic").id(), "our-clinic");
        assert_eq!(PageId::required("our-clinic"), None);
    }

    #[test]
    fn condition_routes_parse_and_print() {
        let route = Route::parse("condition/sciatica").unwrap();
        assert_eq!(route, Route::Condition("sciatica".into()));
        assert_eq!(route.to_string(), "condition/sciatica");
        assert_eq!(route.section(), PageId::CONDITIONS);
        assert_eq!(Route::parse("condition/"), None);
        // A page id is for the content to know; one that cannot be an id is none.
        assert_eq!(
            Route::parse("lungs"),
            Some(Route::Page(PageId::new("lungs")))
        );
        assert_eq!(Route::parse("Lungs!"), None);
        assert_eq!(Route::parse(""), None);
    }
}
