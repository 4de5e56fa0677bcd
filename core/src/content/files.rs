//! Where each content file lives, relative to `content/`: the one place their paths are written.

use std::sync::LazyLock;

use super::embedded::Embedded;
use super::ids::id_problem;
use super::model::PageEntry;
use super::route::PageId;

/// One content file of an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum File {
    /// The list of pages, in reading order, shared by every edition.
    PageList,
    Page(PageId),
    Ui,
    SideEffects,
    Conditions,
    Glossary,
    Sources,
    /// The clinic's details, shared by every edition.
    Clinic,
}

impl File {
    /// Every file an edition is read from: the page list, the pages of the built-in list, then
    /// the rest.
    pub fn all() -> impl Iterator<Item = File> {
        let pages = built_in_pages().iter().copied().map(File::Page);
        std::iter::once(File::PageList).chain(pages).chain([
            File::Ui,
            File::SideEffects,
            File::Conditions,
            File::Glossary,
            File::Sources,
            File::Clinic,
        ])
    }

    /// The file's path for the edition in `locale`, relative to `content/`.
    pub fn path(self, locale: &str) -> String {
        match self {
            File::PageList => "pages.ron".to_owned(),
            File::Page(page) => format!("{locale}/pages/{}.ron", page.id()),
            File::Ui => format!("{locale}/ui.ron"),
            File::SideEffects => format!("{locale}/side-effects.ron"),
            File::Conditions => format!("{locale}/conditions.ron"),
            File::Glossary => format!("{locale}/glossary.ron"),
            File::Sources => format!("{locale}/sources.ron"),
            File::Clinic => "clinic.ron".to_owned(),
        }
    }
}

/// The pages of the built-in page list, in its order; none if it cannot be read (then loading the
/// built-in content says why).
pub fn built_in_pages() -> &'static [PageId] {
    static PAGES: LazyLock<Vec<PageId>> = LazyLock::new(|| {
        Embedded::get(&File::PageList.path(""))
            .map(|file| listed_pages(&file.data))
            .unwrap_or_default()
    });
    &PAGES
}

/// The pages a page list's bytes name whose files can be read; none if the list cannot be read
/// (loading it says why). Read before the content is checked, to know which files to read.
pub fn listed_pages(bytes: &[u8]) -> Vec<PageId> {
    let entries: Vec<PageEntry> = std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| ron::from_str(text).ok())
        .unwrap_or_default();
    readable_pages(&entries)
}

/// Of a page list's `entries`, the ids that can name a file (`check` names the others), each
/// once, at most [`MAX_ITEMS`] (a longer list is refused whole).
pub fn readable_pages(entries: &[PageEntry]) -> Vec<PageId> {
    let mut pages: Vec<PageId> = Vec::new();
    for entry in entries.iter().take(MAX_ITEMS) {
        if id_problem(&entry.id).is_none() {
            let page = PageId::new(&entry.id);
            if !pages.contains(&page) {
                pages.push(page);
            }
        }
    }
    pages
}

/// The files of `pages` in `locale`: a clinic's own pages, which its page list names.
pub fn pages_of(locale: &str, pages: &[PageId]) -> Vec<String> {
    pages
        .iter()
        .map(|page| File::Page(*page).path(locale))
        .collect()
}

/// Every content file of `locale`, and `clinic.ron`.
pub fn of_locale(locale: &str) -> Vec<String> {
    File::all().map(|file| file.path(locale)).collect()
}

/// The folders the content files of `locale` live in (`en`, `en/pages`), each once.
pub fn folders_of(locale: &str) -> Vec<String> {
    let mut folders: Vec<String> = of_locale(locale)
        .iter()
        .flat_map(|file| {
            std::path::Path::new(file)
                .ancestors()
                .skip(1)
                .filter(|folder| !folder.as_os_str().is_empty())
                .map(|folder| folder.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    folders.sort();
    folders.dedup();
    folders
}

/// The most bytes a content file may have. The largest built-in file has about 9,000, a
/// hundredth of this; a 200 MB file once took the window to 4.8 GB.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// The most items one list of a content file may have: pages of the page list, sections of a
/// page, blocks of a section, bullets, glossary terms, conditions of a region, side effects,
/// sources, findings. The longest built-in list, the glossary, has 29.
pub const MAX_ITEMS: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_per_locale_but_the_clinic_is_shared() {
        assert_eq!(File::Page(PageId::RISKS).path("es"), "es/pages/risks.ron");
        assert_eq!(File::Glossary.path("en"), "en/glossary.ron");
        assert_eq!(File::Clinic.path("en"), File::Clinic.path("es"));
        let files = of_locale("en");
        assert_eq!(files.len(), built_in_pages().len() + 7);
        assert!(
            PageId::ALL
                .iter()
                .all(|page| built_in_pages().contains(page))
        );
        let unique: std::collections::HashSet<_> = files.iter().collect();
        assert_eq!(unique.len(), files.len());
    }
}
