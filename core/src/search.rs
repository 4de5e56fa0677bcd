//! Quick jump: finds pages, conditions and glossary words as the therapist types. Matching ignores
//! case and accents and looks at the starts of words, so "tennis" finds tennis elbow and
//! "pulmon" finds "pulmón".

use crate::content::Library;
use crate::content::ids::TermId;
use crate::content::route::Route;
use crate::document::Document;

/// The most results shown at once.
pub const MAX_RESULTS: usize = 8;

/// Where a result leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Route(Route),
    /// A glossary word: the glossary page, with the word explained.
    Term(TermId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Page,
    Condition,
    Term,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub kind: Kind,
    pub title: String,
    /// Beneath the title: a condition's medical name.
    pub detail: Option<String>,
}

/// How much a match counts, by where it is found.
const IN_TITLE: u32 = 100;
const IN_NAMES: u32 = 70;
const IN_TEXT: u32 = 20;
/// Extra when the whole query starts the title.
const TITLE_START: u32 = 50;

/// One thing to find, its words folded for matching.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    hit: Hit,
    /// The folded title, for "starts with".
    title: String,
    title_words: Vec<String>,
    /// Other names: keywords, everyday names, the region.
    name_words: Vec<String>,
    text_words: Vec<String>,
}

/// Everything in one edition that can be found, prepared once.
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    entries: Vec<Entry>,
}

impl Index {
    pub fn new(library: &Library) -> Index {
        let mut entries = Vec::new();
        for page in library.page_ids() {
            let content = library.page(page);
            let route = Route::Page(page);
            let text = Document::for_route(library, &route)
                .map(|d| d.plain_text())
                .unwrap_or_default();
            entries.push(entry(
                Hit {
                    target: Target::Route(route),
                    kind: Kind::Page,
                    title: content.title.clone(),
                    detail: None,
                },
                &[&content.nav_label],
                &content
                    .keywords
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
                &text,
            ));
        }
        for (region, condition) in library.conditions() {
            let mut names: Vec<&str> = condition.also_called.iter().map(String::as_str).collect();
            names.push(&region.name);
            entries.push(entry(
                Hit {
                    target: Target::Route(Route::Condition(condition.id.as_str().into())),
                    kind: Kind::Condition,
                    title: condition.name.clone(),
                    detail: condition.medical_name.clone(),
                },
                // The medical name counts as much as the everyday one.
                &condition
                    .medical_name
                    .as_deref()
                    .into_iter()
                    .collect::<Vec<_>>(),
                &names,
                &library.plain(&condition.text),
            ));
        }
        for term in &library.glossary {
            entries.push(entry(
                Hit {
                    target: Target::Term(term.id.as_str().into()),
                    kind: Kind::Term,
                    title: term.word.clone(),
                    detail: None,
                },
                &[],
                &[],
                &term.meaning,
            ));
        }
        Index { entries }
    }

    /// The best matches for `query`, best first; nothing for an empty query. Every word of the
    /// query must start a word somewhere in a result.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let query = fold(query);
        let words: Vec<&str> = query.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let starts = |haystack: &[String], word: &str| haystack.iter().any(|w| w.starts_with(word));
        let mut scored: Vec<(u32, usize, &Entry)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(order, entry)| {
                let mut score = 0;
                for word in &words {
                    score += if starts(&entry.title_words, word) {
                        IN_TITLE
                    } else if starts(&entry.name_words, word) {
                        IN_NAMES
                    } else if starts(&entry.text_words, word) {
                        IN_TEXT
                    } else {
                        return None;
                    };
                }
                if entry.title.starts_with(query.trim()) {
                    score += TITLE_START;
                }
                Some((score, order, entry))
            })
            .collect();
        // Best score first; among equals, the order of the guide.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(MAX_RESULTS)
            .map(|(_, _, entry)| entry.hit.clone())
            .collect()
    }
}

fn entry(hit: Hit, title_extra: &[&str], names: &[&str], text: &str) -> Entry {
    let title = fold(&hit.title);
    let mut title_words = words(&title);
    title_words.extend(title_extra.iter().flat_map(|extra| words(&fold(extra))));
    Entry {
        title_words,
        name_words: names.iter().flat_map(|name| words(&fold(name))).collect(),
        text_words: words(&fold(text)),
        title,
        hit,
    }
}

fn words(folded: &str) -> Vec<String> {
    folded.split_whitespace().map(str::to_owned).collect()
}

/// Lower case, without accents, with anything but letters and digits turned into spaces.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::route::PageId;

    fn index(locale: &str) -> Index {
        Index::new(&Library::embedded(locale).unwrap())
    }

    fn first(index: &Index, query: &str) -> Target {
        index
            .search(query)
            .first()
            .unwrap_or_else(|| panic!("nothing for {query:?}"))
            .target
            .clone()
    }

    #[test]
    fn folding_ignores_case_accents_and_punctuation() {
        assert_eq!(fold("Pulmón Colapsado!"), "pulmon colapsado ");
        assert_eq!(fold("golfer's elbow"), "golfer s elbow");
        assert_eq!(fold("ÑANDÚ"), "nandu");
    }

    #[test]
    fn common_names_find_their_conditions() {
        let index = index("en");
        assert_eq!(
            first(&index, "tennis"),
            Target::Route(Route::Condition("lateral-epicondylitis".into()))
        );
        assert_eq!(
            first(&index, "Golfer"),
            Target::Route(Route::Condition("medial-epicondylitis".into()))
        );
        assert_eq!(
            first(&index, "heel"),
            Target::Route(Route::Condition("plantar-fasciitis".into()))
        );
    }

    /// A condition is found by the name a patient uses and by its medical name, in both
    /// languages, and the hit shows both.
    #[test]
    fn both_names_find_a_condition_in_both_languages() {
        let cases = [
            (
                "en",
                "lateral-epicondylitis",
                "tennis elbow",
                "lateral epicondylitis",
            ),
            (
                "en",
                "greater-trochanteric-bursitis",
                "outer hip",
                "trochanteric",
            ),
            ("en", "shin-splints", "shin splints", "tibial stress"),
            (
                "es",
                "lateral-epicondylitis",
                "codo de tenista",
                "epicondilitis lateral",
            ),
            ("es", "shin-splints", "dolor de espinilla", "estrés tibial"),
            (
                "es",
                "greater-trochanteric-bursitis",
                "afuera de la cadera",
                "trocanter",
            ),
        ];
        for (locale, id, common, medical) in cases {
            let library = Library::embedded(locale).unwrap();
            let index = Index::new(&library);
            let (_, condition) = library.condition(id).unwrap();
            let target = Target::Route(Route::Condition(id.into()));
            for query in [common, medical] {
                let hits = index.search(query);
                let hit = hits
                    .first()
                    .unwrap_or_else(|| panic!("{locale}: nothing for {query:?}"));
                assert_eq!(hit.target, target, "{locale}: {query:?}");
                assert_eq!(hit.title, condition.name, "{locale}: {query:?}");
                assert_eq!(hit.detail, condition.medical_name, "{locale}: {query:?}");
            }
        }
    }

    #[test]
    fn lung_finds_the_warning_signs_first() {
        assert_eq!(
            first(&index("en"), "lung"),
            Target::Route(Route::Page(PageId::WARNING_SIGNS))
        );
        assert_eq!(
            first(&index("es"), "PULMON"),
            Target::Route(Route::Page(PageId::WARNING_SIGNS))
        );
    }

    #[test]
    fn the_words_of_the_lung_picture_find_the_warning_signs() {
        // Only its caption says "collarbone" on a page; the sources page, after it, says it too.
        for (locale, query) in [("en", "collarbone"), ("es", "clavicula")] {
            let hits = index(locale).search(query);
            let pages: Vec<&Target> = hits.iter().map(|hit| &hit.target).collect();
            assert_eq!(
                pages.first(),
                Some(&&Target::Route(Route::Page(PageId::WARNING_SIGNS))),
                "{locale}: {pages:?}"
            );
        }
    }

    #[test]
    fn titles_beat_names_beat_text() {
        let index = index("en");
        // "Sciatica" is a condition's title and a glossary word; both outrank pages that mention it.
        let hits = index.search("sciatica");
        assert!(hits.len() >= 2);
        assert!(
            hits[..2].iter().all(|hit| hit.kind != Kind::Page),
            "{hits:?}"
        );
        assert_eq!(first(&index, "pneumo"), Target::Term("pneumothorax".into()));
    }

    #[test]
    fn word_starts_only_and_every_word_must_match() {
        let index = index("en");
        assert!(
            index.search("ung").is_empty(),
            "the middle of a word does not match"
        );
        assert!(index.search("tennis zebra").is_empty());
        assert!(index.search("   ").is_empty());
        assert!(
            index
                .search("knee pain")
                .iter()
                .any(|hit| hit.title == "Knee pain")
        );
        assert!(index.search("e").len() <= MAX_RESULTS);
    }
}
