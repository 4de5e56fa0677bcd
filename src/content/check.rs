//! Cross-checks that parsing alone cannot make: unique ids, links and terms that resolve, rates
//! that make sense.

use std::collections::HashSet;

use super::markup::{self, Piece};
use super::model::{Block, Page, RateWords};
use super::rate;
use super::{Files, Library, Problem, page_file};
use crate::route::PageId;
use crate::widget::{body_map, icon_array};

/// Every problem in a parsed library, each pointing at its file and, where it can, its line.
pub fn library(library: &Library, files: &Files) -> Vec<Problem> {
    let mut checker = Checker {
        library,
        files,
        problems: Vec::new(),
    };
    let locale = &library.locale;

    for (page, id) in library.pages.iter().zip(PageId::ALL) {
        checker.page(page, id, &page_file(locale, id));
    }

    let effects_file = format!("{locale}/side-effects.ron");
    checker.unique(
        &effects_file,
        library.side_effects.iter().map(|e| e.id.as_str()),
    );
    for effect in &library.side_effects {
        checker.text(&effects_file, &effect.name);
        checker.text(&effects_file, &effect.text);
        if let Some(problem) = effect.rate.and_then(rate::problem) {
            checker.at_id(
                &effects_file,
                &effect.id,
                format!("rate of '{}': {problem}", effect.id),
            );
        }
        match (
            &effect.chart_sentence,
            effect.rate.and_then(icon_array::cells),
        ) {
            (Some(sentence), Some(_)) => checker.text(&effects_file, sentence),
            (None, Some(_)) => checker.at_id(
                &effects_file,
                &effect.id,
                format!(
                    "'{}' is out of every 100, so its icon array needs a chart_sentence",
                    effect.id
                ),
            ),
            (Some(_), None) => checker.at_id(
                &effects_file,
                &effect.id,
                format!(
                    "'{}' has a chart_sentence but no rate out of every 100 to draw",
                    effect.id
                ),
            ),
            (None, None) => {}
        }
    }

    let conditions_file = format!("{locale}/conditions.ron");
    checker.unique(
        &conditions_file,
        library.regions.iter().map(|r| r.id.as_str()),
    );
    checker.unique(
        &conditions_file,
        library.conditions().map(|(_, c)| c.id.as_str()),
    );
    for (_, condition) in library.conditions() {
        checker.text(&conditions_file, &condition.text);
        if condition.name.trim().is_empty() {
            checker.at_id(
                &conditions_file,
                &condition.id,
                "a condition needs a name".into(),
            );
        }
    }
    // The body map needs a name for each of its regions, and can show no other.
    for region in &library.regions {
        if !body_map::REGION_IDS.contains(&region.id.as_str()) {
            checker.at_id(
                &conditions_file,
                &region.id,
                format!(
                    "'{}' is not a body region ({})",
                    region.id,
                    body_map::REGION_IDS.join(", ")
                ),
            );
        }
    }
    for id in body_map::REGION_IDS {
        if !library.regions.iter().any(|region| region.id == id) {
            checker.report(
                &conditions_file,
                "Region(",
                format!("the body region '{id}' is missing"),
            );
        }
    }

    let glossary_file = format!("{locale}/glossary.ron");
    checker.unique(
        &glossary_file,
        library.glossary.iter().map(|t| t.id.as_str()),
    );
    for term in &library.glossary {
        if term.word.trim().is_empty() || term.meaning.trim().is_empty() {
            checker.at_id(
                &glossary_file,
                &term.id,
                format!("term '{}' needs a word and a meaning", term.id),
            );
        }
    }

    let ui_file = format!("{locale}/ui.ron");
    checker.text(&ui_file, &library.ui.condition_advice);
    checker.rate_words(&ui_file, &library.ui.rates);
    checker.problems
}

struct Checker<'a> {
    library: &'a Library,
    files: &'a Files,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, file: &str, needle: &str, message: String) {
        let position = self.files.locate(file, needle);
        self.problems.push(Problem {
            file: file.to_owned(),
            position,
            message,
        });
    }

    /// A problem about the item whose `id: "..."` is in `file`.
    fn at_id(&mut self, file: &str, id: &str, message: String) {
        self.report(file, &format!("\"{id}\""), message);
    }

    fn unique<'i>(&mut self, file: &str, ids: impl Iterator<Item = &'i str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if id.trim().is_empty() {
                self.report(file, "id: \"\"", "an id is empty".into());
            } else if !seen.insert(id) {
                self.at_id(file, id, format!("the id '{id}' is used more than once"));
            }
        }
    }

    fn page(&mut self, page: &Page, id: PageId, file: &str) {
        if page.id != id.id() {
            self.at_id(
                file,
                &page.id,
                format!(
                    "the page's id is '{}' but this file is for '{}'",
                    page.id,
                    id.id()
                ),
            );
        }
        for (field, value) in [
            ("title", &page.title),
            ("nav_label", &page.nav_label),
            ("lead", &page.lead),
        ] {
            if value.trim().is_empty() {
                self.report(file, field, format!("the page needs a {field}"));
            }
        }
        self.text(file, &page.title);
        self.text(file, &page.lead);
        for section in &page.sections {
            if let Some(heading) = &section.heading {
                self.text(file, heading);
            }
            for block in &section.blocks {
                self.block(file, block);
            }
        }
    }

    fn block(&mut self, file: &str, block: &Block) {
        match block {
            Block::Text(text) => self.text(file, text),
            Block::Bullets(items) | Block::Checklist(items) | Block::Steps(items) => {
                for item in items {
                    self.text(file, item);
                }
            }
            Block::Callout(callout) => {
                self.text(file, &callout.heading);
                self.text(file, &callout.text);
            }
            Block::Compare(compare) => {
                for row in &compare.rows {
                    for cell in [&row.topic, &row.left, &row.right] {
                        self.text(file, cell);
                    }
                }
            }
            Block::SideEffects(ids) => {
                for id in ids {
                    if self.library.side_effect(id).is_none() {
                        self.at_id(file, id, format!("no side effect has the id '{id}'"));
                    }
                }
            }
            Block::RiskScale(ids) => {
                for id in ids {
                    match self.library.side_effect(id) {
                        None => self.at_id(file, id, format!("no side effect has the id '{id}'")),
                        Some(effect) if effect.rate.is_none() => self.at_id(
                            file,
                            id,
                            format!("the side effect '{id}' has no rate to put on the scale"),
                        ),
                        Some(_) => {}
                    }
                }
            }
            Block::Choices(ids) => {
                for id in ids {
                    if PageId::from_id(id).is_none() {
                        let valid: Vec<&str> = PageId::ALL.iter().map(|p| p.id()).collect();
                        self.at_id(
                            file,
                            id,
                            format!("no page has the id '{id}' (pages: {})", valid.join(", ")),
                        );
                    }
                }
            }
            Block::ConditionIndex | Block::GlossaryIndex | Block::ClinicContacts => {}
        }
    }

    /// Patient text: its markup parses, its terms are in the glossary, its rates exist.
    fn text(&mut self, file: &str, text: &str) {
        let pieces = match markup::parse(text) {
            Ok(pieces) => pieces,
            Err(error) => {
                let fragment: String = text[error.at..].chars().take(24).collect();
                self.report(file, &fragment, error.message);
                return;
            }
        };
        for piece in pieces {
            match piece {
                Piece::Term { id, .. } if self.library.term(id).is_none() => {
                    self.report(
                        file,
                        &format!("({id})"),
                        format!("the term '{id}' is not in the glossary"),
                    );
                }
                Piece::Rate { id } => match self.library.side_effect(id) {
                    None => self.report(
                        file,
                        &format!("{{rate:{id}"),
                        format!("no side effect has the id '{id}'"),
                    ),
                    Some(effect) if effect.rate.is_none() => self.report(
                        file,
                        &format!("{{rate:{id}"),
                        format!("the side effect '{id}' has no rate to show"),
                    ),
                    Some(_) => {}
                },
                _ => {}
            }
        }
    }

    /// Each rate pattern has the numbers it must show.
    fn rate_words(&mut self, file: &str, words: &RateWords) {
        let patterns = [
            ("range", &words.range, &["{low}", "{high}", "{of}"][..]),
            ("fewer_than", &words.fewer_than, &["{value}", "{of}"]),
            ("one_in", &words.one_in, &["{n}", "{of}"]),
            (
                "fewer_than_one_in",
                &words.fewer_than_one_in,
                &["{n}", "{of}"],
            ),
            ("one_in_unstated", &words.one_in_unstated, &["{n}"]),
            (
                "fewer_than_one_in_unstated",
                &words.fewer_than_one_in_unstated,
                &["{n}"],
            ),
        ];
        for (field, pattern, needed) in patterns {
            for placeholder in needed {
                if !pattern.contains(placeholder) {
                    self.report(file, field, format!("'{field}' must contain {placeholder}"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::content::{Library, Problems};
    use std::borrow::Cow;

    /// Loads the embedded English edition with `file` edited by `edit`.
    fn with_edit(file: &str, edit: impl Fn(&str) -> String) -> Problems {
        let original = std::fs::read_to_string(format!("content/{file}")).unwrap();
        let edited = edit(&original);
        assert_ne!(edited, original, "the edit changed nothing");
        Library::load("en", |path| {
            if path == file {
                Some(Cow::Owned(edited.clone().into_bytes()))
            } else {
                std::fs::read(format!("content/{path}"))
                    .ok()
                    .map(Cow::Owned)
            }
        })
        .expect_err("the edited content should not pass")
    }

    fn messages(problems: &Problems) -> Vec<String> {
        problems.0.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn rates_out_of_order_are_caught_with_their_line() {
        let problems = with_edit("en/side-effects.ron", |text| {
            text.replacen("low: 15, high: 20", "low: 20, high: 15", 1)
        });
        let messages = messages(&problems);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with("en/side-effects.ron:"),
            "{}",
            messages[0]
        );
        assert!(
            messages[0].contains("low (20) is more than high (15)"),
            "{}",
            messages[0]
        );
    }

    #[test]
    fn unknown_terms_rates_and_pages_are_caught() {
        let problems = with_edit("en/pages/home.ron", |text| {
            text.replacen("\"about\"", "\"abuot\"", 1)
        });
        assert!(
            messages(&problems)
                .iter()
                .any(|m| m.contains("no page has the id 'abuot'"))
        );

        let problems = with_edit("en/pages/key-points.ron", |text| {
            text.replacen("{rate:bruising}", "{rate:bruises}", 1)
        });
        assert!(
            messages(&problems)
                .iter()
                .any(|m| m.contains("no side effect has the id 'bruises'"))
        );

        let problems = with_edit("en/pages/warning-signs.ron", |text| {
            text.replacen("(pneumothorax)", "(pneumo)", 1)
        });
        let messages = messages(&problems);
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("en/pages/warning-signs.ron:")
                    && m.contains("the term 'pneumo' is not in the glossary")),
            "{messages:?}"
        );
    }

    #[test]
    fn duplicate_ids_are_caught() {
        let problems = with_edit("en/glossary.ron", |text| {
            text.replacen("id: \"fascia\"", "id: \"filiform\"", 1)
        });
        assert!(
            messages(&problems)
                .iter()
                .any(|m| m.contains("'filiform' is used more than once"))
        );
    }
}
