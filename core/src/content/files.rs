//! Where each content file lives, relative to `content/`: the one place their paths are written.

use super::route::PageId;

/// One content file of an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum File {
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
    /// Every file an edition is read from, pages first.
    pub fn all() -> impl Iterator<Item = File> {
        PageId::ALL.into_iter().map(File::Page).chain([
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_per_locale_but_the_clinic_is_shared() {
        assert_eq!(File::Page(PageId::Risks).path("es"), "es/pages/risks.ron");
        assert_eq!(File::Glossary.path("en"), "en/glossary.ron");
        assert_eq!(File::Clinic.path("en"), File::Clinic.path("es"));
        let files = of_locale("en");
        assert_eq!(files.len(), PageId::ALL.len() + 6);
        let unique: std::collections::HashSet<_> = files.iter().collect();
        assert_eq!(unique.len(), files.len());
    }
}
