//! Where the reader is: the pages of the guide, in reading order, and their ids.

use std::fmt;

use super::ids::ConditionId;

/// The pages every edition of the guide has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageId {
    Home,
    About,
    Compare,
    Conditions,
    Benefits,
    Before,
    Risks,
    After,
    WarningSigns,
    Sources,
    Questions,
    Glossary,
    KeyPoints,
    TeachBack,
}

impl PageId {
    /// Every page, in the order a patient lives them: what it is and how it differs, whether it
    /// is for me and what studies say about whether it helps (before its side effects, so the
    /// two are weighed together), before and during, the side effects, after and the warning
    /// signs, where the numbers come from and what to ask, then the word list, the key points,
    /// and the check of how well it was all explained.
    pub const ALL: [PageId; 14] = [
        PageId::Home,
        PageId::About,
        PageId::Compare,
        PageId::Conditions,
        PageId::Benefits,
        PageId::Before,
        PageId::Risks,
        PageId::After,
        PageId::WarningSigns,
        PageId::Sources,
        PageId::Questions,
        PageId::Glossary,
        PageId::KeyPoints,
        PageId::TeachBack,
    ];

    /// The id used in content files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            PageId::Home => "home",
            PageId::About => "about",
            PageId::Compare => "compare",
            PageId::Conditions => "conditions",
            PageId::Benefits => "benefits",
            PageId::Risks => "risks",
            PageId::WarningSigns => "warning-signs",
            PageId::Before => "before",
            PageId::After => "after",
            PageId::Sources => "sources",
            PageId::Questions => "questions",
            PageId::Glossary => "glossary",
            PageId::KeyPoints => "key-points",
            PageId::TeachBack => "teach-back",
        }
    }

    pub fn from_id(id: &str) -> Option<PageId> {
        PageId::ALL.into_iter().find(|page| page.id() == id)
    }

    fn position(self) -> usize {
        PageId::ALL
            .iter()
            .position(|page| *page == self)
            .expect("every page is in ALL")
    }

    /// The page after this one in reading order.
    pub fn next(self) -> Option<PageId> {
        PageId::ALL.get(self.position() + 1).copied()
    }

    /// The page before this one in reading order.
    pub fn previous(self) -> Option<PageId> {
        self.position()
            .checked_sub(1)
            .map(|index| PageId::ALL[index])
    }
}

/// A screen of the app: one of the pages, or the detail page of one condition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    Page(PageId),
    Condition(ConditionId),
}

impl Route {
    pub const HOME: Route = Route::Page(PageId::Home);

    /// Reads a route id as given to `--page`: a page id, or `condition/<id>`.
    /// Whether the condition exists is for the content to say.
    pub fn parse(id: &str) -> Option<Route> {
        match id.strip_prefix("condition/") {
            Some(condition) if !condition.is_empty() => Some(Route::Condition(condition.into())),
            Some(_) => None,
            None => PageId::from_id(id).map(Route::Page),
        }
    }

    /// The page this route belongs to in the navigation bar: a condition sits under Conditions.
    pub fn section(&self) -> PageId {
        match self {
            Route::Page(page) => *page,
            Route::Condition(_) => PageId::Conditions,
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
            assert_eq!(PageId::from_id(page.id()), Some(page));
            assert_eq!(Route::parse(page.id()), Some(Route::Page(page)));
        }
    }

    #[test]
    fn reading_order_runs_from_home_to_the_check() {
        assert_eq!(PageId::Home.previous(), None);
        assert_eq!(PageId::Home.next(), Some(PageId::About));
        assert_eq!(PageId::KeyPoints.next(), Some(PageId::TeachBack));
        assert_eq!(PageId::TeachBack.next(), None);
        assert_eq!(PageId::KeyPoints.previous(), Some(PageId::Glossary));
    }

    #[test]
    fn condition_routes_parse_and_print() {
        let route = Route::parse("condition/sciatica").unwrap();
        assert_eq!(route, Route::Condition("sciatica".into()));
        assert_eq!(route.to_string(), "condition/sciatica");
        assert_eq!(route.section(), PageId::Conditions);
        assert_eq!(Route::parse("condition/"), None);
        assert_eq!(Route::parse("lungs"), None);
    }
}
