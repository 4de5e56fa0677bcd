//! Cross-checks that parsing alone cannot make: unique ids, links and terms that resolve, rates
//! that make sense.

use std::collections::{BTreeSet, HashSet};

use super::chart;
use super::files::File;
use super::ids::{ICON_NAMES, REGION_IDS};
pub use super::ids::{MAX_ID_CHARS, id_problem};
use super::library::Library;
use super::markup::{self, Piece};
use super::model::{Block, ChartWords, CheckQuestion, Clinic, Page, PageKind, Rate, RateWords};
use super::parse::Files;
use super::problem::Problem;
use super::rate;
use super::route::PageId;

pub use super::files::{MAX_FILE_BYTES, MAX_ITEMS};

mod clinic;
mod locales;
mod scan;

pub use clinic::*;
pub use locales::{locales_agree, locales_agree_in};
pub use scan::{MAX_TEXT_CHARS, hidden_control_problems, sizes, without_hidden_controls};

/// How many questions the teach-back check asks: enough to cover what matters, few enough to do
/// in a few minutes.
pub const TEACH_BACK_QUESTIONS: std::ops::RangeInclusive<usize> = 5..=7;

/// The "are you sure" questions after the check (the SURE test's four).
pub const SURE_QUESTIONS: usize = 4;

/// Every problem in a parsed library, each pointing at its file and, where it can, its line.
pub fn library(library: &Library, files: &Files) -> Vec<Problem> {
    let mut checker = Checker {
        library,
        files,
        problems: Vec::new(),
    };
    let locale = &library.locale;

    checker.page_list();
    for (page, id) in library.pages.iter().zip(library.page_ids()) {
        checker.page(page, id, &File::Page(id).path(locale));
    }

    let effects_file = File::SideEffects.path(locale);
    checker.unique(
        &effects_file,
        library.side_effects.iter().map(|e| e.id.as_str()),
    );
    for effect in &library.side_effects {
        if effect.name.trim().is_empty() {
            checker.at_id(
                &effects_file,
                &effect.id,
                format!("the side effect '{}' needs a name", effect.id),
            );
        }
        checker.text(&effects_file, &effect.name);
        checker.text(&effects_file, &effect.text);
        if let Some(problem) = effect.rate.and_then(rate::problem) {
            checker.at_id(
                &effects_file,
                &effect.id,
                format!("rate of '{}': {problem}", effect.id),
            );
        }
        // Every number says where it comes from.
        match (effect.rate, effect.source.as_deref()) {
            (Some(_), None) => checker.at_id(
                &effects_file,
                &effect.id,
                format!(
                    "'{}' has a rate but no source: name one of sources.ron",
                    effect.id
                ),
            ),
            (_, Some(source)) if library.source(source).is_none() => checker.at_id(
                &effects_file,
                &effect.id,
                format!(
                    "'{}' names the source '{source}', which sources.ron does not have",
                    effect.id
                ),
            ),
            _ => {}
        }
        for reference in &effect.studies {
            let problem = match (library.finding(reference), effect.rate) {
                (None, _) => {
                    format!("no source has the finding '{reference}' (source-id/finding-id)")
                }
                (Some(_), None) => format!(
                    "'{}' names what studies counted, but has no rate of its own to set them beside",
                    effect.id
                ),
                (Some((_, finding)), Some(rate)) => {
                    match rate::StudyCounts::problem(rate, finding.rate) {
                        Some(why) => format!(
                            "the finding '{reference}' cannot stand beside the rate of '{}': {why}",
                            effect.id
                        ),
                        None => continue,
                    }
                }
            };
            checker.at_id(&effects_file, reference, problem);
        }
        match (&effect.chart_sentence, effect.rate.and_then(chart::cells)) {
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

    let conditions_file = File::Conditions.path(locale);
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
        checker.text(&conditions_file, &condition.evidence.text);
        checker.text(&conditions_file, &condition.evidence.brief);
        if condition.name.trim().is_empty() {
            checker.at_id(
                &conditions_file,
                &condition.id,
                "a condition needs a name".into(),
            );
        }
        if condition
            .medical_name
            .as_deref()
            .is_some_and(|medical| medical.trim().is_empty())
        {
            checker.at_id(
                &conditions_file,
                &condition.id,
                format!(
                    "'{}' has an empty medical_name: leave it out instead",
                    condition.id
                ),
            );
        }
        // What studies say names where it comes from, as every number does.
        for source in condition.evidence.sources() {
            if library.source(source).is_some() {
                continue;
            }
            checker.at_id(
                &conditions_file,
                &condition.id,
                format!(
                    "what studies say for '{}' names the source '{source}', which sources.ron \
                     does not have",
                    condition.id
                ),
            );
        }
    }
    for region in &library.regions {
        for id in &region.also_lists {
            match library.condition(id) {
                None => checker.at_id(
                    &conditions_file,
                    &region.id,
                    format!(
                        "'{}' also lists '{id}', which is not a condition",
                        region.id
                    ),
                ),
                Some((home, _)) if home.id == region.id => checker.at_id(
                    &conditions_file,
                    &region.id,
                    format!(
                        "'{}' also lists '{id}', which is already its own",
                        region.id
                    ),
                ),
                Some(_) => {}
            }
        }
    }
    // The body map needs a name for each of its regions, and can show no other.
    for region in &library.regions {
        if !REGION_IDS.contains(&region.id.as_str()) {
            checker.at_id(
                &conditions_file,
                &region.id,
                format!(
                    "'{}' is not a body region ({})",
                    region.id,
                    REGION_IDS.join(", ")
                ),
            );
        }
    }
    for id in REGION_IDS {
        if !library.regions.iter().any(|region| region.id == id) {
            checker.report(
                &conditions_file,
                "Region(",
                format!("the body region '{id}' is missing"),
            );
        }
    }

    let sources_file = File::Sources.path(locale);
    checker.unique(&sources_file, library.sources.iter().map(|s| s.id.as_str()));
    for source in &library.sources {
        checker.text(&sources_file, &source.name);
        checker.text(&sources_file, &source.about);
        for finding in &source.findings {
            if let Some(problem) = rate::problem(finding.rate) {
                checker.at_id(
                    &sources_file,
                    &source.id,
                    format!("a finding of '{}', {}: {problem}", source.id, finding.name),
                );
            }
        }
    }

    let glossary_file = File::Glossary.path(locale);
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

    let ui_file = File::Ui.path(locale);
    checker.text(&ui_file, &library.ui.condition_advice);
    checker.text(&ui_file, &library.ui.condition_near_lungs);
    for line in &library.ui.kiosk.take_home_safety {
        checker.text(&ui_file, line);
    }
    checker.text(&ui_file, &library.ui.condition_side_effects);
    checker.rate_words(&ui_file, &library.ui.rates);
    checker.chart_words(&ui_file, &library.ui.charts);
    checker.placeholders(&ui_file, &library.ui.counts_trouble.each());
    checker.placeholders(
        &ui_file,
        &[
            ("clinic_not_set", &library.ui.clinic_not_set, &["{missing}"]),
            ("insights_off", &library.ui.insights_off, &["{reason}"]),
            ("counts_lost", &library.ui.counts_lost, &["{file}"]),
            ("counts_ahead", &library.ui.counts_ahead, &["{monday}"]),
            (
                "counts_failed",
                &library.ui.consult.counts_failed,
                &["{reason}"],
            ),
            (
                "counts_weeks",
                &library.ui.consult.counts_weeks,
                &["{from}", "{to}"],
            ),
            (
                "counts_visits",
                &library.ui.consult.counts_visits,
                &["{visits}", "{checks}"],
            ),
            (
                "counts_checks",
                &library.ui.consult.counts_checks,
                &["{checks}"],
            ),
            (
                "counts_shares",
                &library.ui.consult.counts_shares,
                &["{right}", "{wrong}", "{unsure}", "{answers}"],
            ),
            ("counts_open", &library.ui.consult.counts_open, &["{page}"]),
            (
                "emergency_short",
                &library.ui.emergency_short,
                &["{emergency}"],
            ),
            (
                "with_after_hours",
                &library.ui.call_clinic.with_after_hours,
                &["{phone}", "{after_hours}"],
            ),
            (
                "phone_only",
                &library.ui.call_clinic.phone_only,
                &["{phone}"],
            ),
            (
                "find_in_other",
                &library.ui.consult.find_in_other,
                &["{found}"],
            ),
            (
                "no_condition_found",
                &library.ui.handout.no_condition_found,
                &["{query}"],
            ),
            (
                "saved_and_sent",
                &library.ui.handout.saved_and_sent,
                &["{path}"],
            ),
            ("saved_only", &library.ui.handout.saved_only, &["{path}"]),
            (
                "will_name",
                &library.ui.handout.will_name,
                &["{conditions}"],
            ),
            ("failed", &library.ui.handout.failed, &["{error}"]),
            (
                "folder_not_shown",
                &library.ui.handout.folder_not_shown,
                &["{folder}"],
            ),
            ("page_of", &library.ui.handout.page_of, &["{n}", "{total}"]),
            ("left_out", &library.ui.handout.left_out, &["{what}"]),
            ("too_long", &library.ui.handout.too_long, &["{what}"]),
            (
                "cannot_print",
                &library.ui.handout.cannot_print,
                &["{what}"],
            ),
        ],
    );
    let call_clinic = &library.ui.call_clinic;
    for words in [
        &call_clinic.no_phone,
        &call_clinic.on_paper_with_after_hours,
        &call_clinic.on_paper_phone_only,
    ] {
        checker.text(&ui_file, words);
    }
    checker.text(&ui_file, &library.ui.lung_areas);
    if library.ui.lung_areas.trim().is_empty() {
        checker.report(
            &ui_file,
            "lung_areas",
            "lung_areas is empty: it lists where a needle can reach a lung, wherever \
             {lung_areas} is written"
                .into(),
        );
    }
    // Ctrl is Cmd on a Mac: the app names the key held for the platform it runs on.
    for (keys, _) in &library.ui.consult.shortcuts {
        if keys.contains("Ctrl") || keys.contains("Cmd") {
            checker.report(
                &ui_file,
                keys,
                format!("the shortcut '{keys}' names a key held: write {{command}} (or {{alt}})"),
            );
        }
    }
    if library.ui.teach_back.sure.len() != SURE_QUESTIONS {
        checker.report(
            &ui_file,
            "sure:",
            format!(
                "teach_back.sure has {} questions; the \"are you sure\" test has {SURE_QUESTIONS}",
                library.ui.teach_back.sure.len()
            ),
        );
    }

    // clinic.ron's fields are checked as they are read, one by one (`content::clinic`).
    checker.problems
}

/// The count an icon array's key is tried with: not 100, the number each key is out of.
const LEGEND_COUNT: u32 = 37;

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
            } else if let Some(problem) = id_problem(id) {
                self.at_id(file, id, problem);
            } else if !seen.insert(id) {
                self.at_id(file, id, format!("the id '{id}' is used more than once"));
            }
        }
    }

    /// `pages.ron`: ids that name files, each once; every page the code names, the two that the
    /// app draws around their words marked so (and no other), and icons there are.
    fn page_list(&mut self) {
        let file = File::PageList.path("");
        let list = &self.library.page_list;
        self.unique(&file, list.iter().map(|entry| entry.id.as_str()));
        for required in PageId::ALL {
            let entry = list.iter().find(|entry| entry.id == required.id());
            let kind = match required {
                PageId::CONDITIONS => PageKind::Conditions,
                PageId::TEACH_BACK => PageKind::TeachBack,
                _ => PageKind::Text,
            };
            match entry {
                None => self.report(
                    &file,
                    "[",
                    format!(
                        "the page '{}' is missing: a page list may add pages and change their \
                         order, but keeps every page of the built-in one",
                        required.id()
                    ),
                ),
                Some(entry) if entry.kind != kind => self.at_id(
                    &file,
                    &entry.id,
                    format!("the page '{}' must be of kind {kind:?}", entry.id),
                ),
                Some(_) => {}
            }
        }
        for entry in list {
            let special = entry.kind != PageKind::Text;
            if special && PageId::required(&entry.id).is_none() {
                self.at_id(
                    &file,
                    &entry.id,
                    format!(
                        "the page '{}' is of kind {:?}, which only the built-in page of that \
                         kind may be",
                        entry.id, entry.kind
                    ),
                );
            }
            if let Some(icon) = entry.icon.as_deref()
                && !ICON_NAMES.contains(&icon)
            {
                self.at_id(
                    &file,
                    icon,
                    format!(
                        "there is no icon '{icon}' (icons: {})",
                        ICON_NAMES.join(", ")
                    ),
                );
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
            Block::Bullets(items) | Block::Steps(items) => {
                for item in items {
                    self.text(file, item);
                }
            }
            Block::Checklist(items) => {
                for item in items {
                    self.text(file, &item.text);
                    if let Some(brief) = &item.brief {
                        self.text(file, brief);
                    }
                }
            }
            Block::Callout(callout) => {
                self.text(file, &callout.heading);
                self.text(file, &callout.text);
            }
            Block::Actions(steps) => {
                let mut seen = HashSet::new();
                for step in steps {
                    for sign in &step.signs {
                        self.text(file, sign);
                        // One sign, one thing to do: listed under two steps, it would send the
                        // patient two ways.
                        if !seen.insert(sign.trim().to_lowercase()) {
                            self.report(
                                file,
                                sign,
                                format!(
                                    "the sign '{sign}' is listed under two steps of what to do"
                                ),
                            );
                        }
                    }
                    self.text(file, &step.action);
                    for how in &step.steps {
                        self.text(file, how);
                    }
                }
            }
            Block::Questions(questions) => {
                for question in questions {
                    self.text(file, &question.text);
                }
            }
            Block::Sources => {}
            Block::Evidence(claims) => {
                for claim in claims {
                    if let Some(heading) = &claim.heading {
                        self.text(file, heading);
                    }
                    self.text(file, &claim.text);
                    for shorter in [&claim.on_handout, &claim.in_brief].into_iter().flatten() {
                        self.text(file, shorter);
                    }
                    if let Some(helped) = claim.helped_more {
                        if !(1..100).contains(&helped) {
                            self.report(
                                file,
                                "helped_more",
                                format!(
                                    "helped_more is {helped}: it counts more people out of 100 \
                                     who got better, from 1 to 99"
                                ),
                            );
                        }
                        // The picture and the words beside it give the same number.
                        let words = claim.text.split(|c: char| !c.is_ascii_digit());
                        if !words.into_iter().any(|number| number == helped.to_string()) {
                            self.report(
                                file,
                                "helped_more",
                                format!(
                                    "helped_more is {helped}, but the statement's words do not \
                                     say {helped}"
                                ),
                            );
                        }
                    }
                    if claim.sources.is_empty() {
                        self.report(
                            file,
                            "sources: []",
                            "a statement of what studies found names no source".into(),
                        );
                    }
                    for id in &claim.sources {
                        if self.library.source(id).is_none() {
                            self.at_id(
                                file,
                                id,
                                format!("the source '{id}' is not in sources.ron"),
                            );
                        }
                    }
                }
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
                    if id.contains('/') {
                        if self.library.finding(id).is_none() {
                            self.at_id(
                                file,
                                id,
                                format!("no source has the finding '{id}' (source-id/finding-id)"),
                            );
                        }
                        continue;
                    }
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
                    if self.library.page_named(id).is_none() {
                        let valid: Vec<&str> =
                            self.library.page_ids().map(|page| page.id()).collect();
                        self.at_id(
                            file,
                            id,
                            format!("no page has the id '{id}' (pages: {})", valid.join(", ")),
                        );
                    }
                }
            }
            Block::TeachBack(questions) => self.teach_back(file, questions),
            Block::LungAreas(areas) => {
                self.text(file, &areas.key);
                self.text(file, &areas.summary);
                self.text(file, &areas.caption);
                if areas.sources.is_empty() {
                    self.report(
                        file,
                        "LungAreas",
                        "the picture of the lungs names no source: name one of sources.ron".into(),
                    );
                }
                for id in &areas.sources {
                    if self.library.source(id).is_none() {
                        self.at_id(
                            file,
                            id,
                            format!("no source in sources.ron has the id '{id}'"),
                        );
                    }
                }
            }
            Block::ConditionIndex
            | Block::GlossaryIndex
            | Block::ClinicContacts
            | Block::WhatToDo => {}
        }
    }

    /// The teach-back check: 5 to 7 questions, each with a right answer (exactly one where only
    /// one is picked), distinct ids, and a section that teaches it.
    fn teach_back(&mut self, file: &str, questions: &[CheckQuestion]) {
        if !(TEACH_BACK_QUESTIONS).contains(&questions.len()) {
            self.report(
                file,
                "TeachBack",
                format!(
                    "the check has {} questions; it needs {} to {}",
                    questions.len(),
                    TEACH_BACK_QUESTIONS.start(),
                    TEACH_BACK_QUESTIONS.end()
                ),
            );
        }
        for (index, question) in questions.iter().enumerate() {
            let id = &question.id;
            if let Some(problem) = id_problem(id) {
                self.at_id(file, id, problem);
            }
            if questions[..index].iter().any(|earlier| earlier.id == *id) {
                self.at_id(file, id, format!("two questions have the id '{id}'"));
            }
            for text in [
                &question.topic,
                &question.text,
                &question.explain,
                &question.in_short,
            ] {
                self.text(file, text);
            }
            for choice in &question.choices {
                self.text(file, &choice.text);
            }
            let right = question
                .choices
                .iter()
                .filter(|choice| choice.right)
                .count();
            if question.choices.len() < 2 {
                self.at_id(
                    file,
                    id,
                    format!("the question '{id}' needs two choices or more"),
                );
            }
            if right == 0 {
                self.at_id(file, id, format!("the question '{id}' has no right answer"));
            } else if right > 1 && !question.pick_all {
                self.at_id(
                    file,
                    id,
                    format!(
                        "the question '{id}' has {right} right answers: mark it pick_all: true"
                    ),
                );
            }
            let teaches = &question.teaches;
            match self.library.page_named(&teaches.page) {
                None => self.at_id(
                    file,
                    &teaches.page,
                    format!(
                        "the question '{id}' points at no page: there is no '{}'",
                        teaches.page
                    ),
                ),
                Some(page) if teaches.section >= self.library.page(page).sections.len() => self
                    .at_id(
                        file,
                        id,
                        format!(
                            "the question '{id}' points at section {} of '{}', which has {}",
                            teaches.section,
                            teaches.page,
                            self.library.page(page).sections.len()
                        ),
                    ),
                Some(_) => {}
            }
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
        let mut pieces = pieces.into_iter().peekable();
        while let Some(piece) = pieces.next() {
            // A rate is followed by its source (", says your clinic's sheet"), so it must end
            // its clause: "{rate:x} lo causan" would read "..., según la hoja lo causan".
            if let Piece::Rate { id } = piece {
                let ends_clause = match pieces.peek() {
                    None => true,
                    Some(Piece::Plain(next)) => next.starts_with(['.', ';', ':', '?', '!', ')']),
                    Some(_) => false,
                };
                if !ends_clause {
                    self.report(
                        file,
                        &format!("{{rate:{id}}}"),
                        format!(
                            "the rate {{rate:{id}}} must end its sentence or clause (a '.', ';' \
                             or ':' after it), because the words naming its source follow it"
                        ),
                    );
                }
            }
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
            ("about", &words.about, &["{count}", "{per}", "{of}"]),
            ("at_most", &words.at_most, &["{count}", "{per}", "{of}"]),
            ("counted", &words.counted, &["{count}", "{per}", "{of}"]),
        ];
        self.placeholders(file, &patterns);
        for (field, message) in rate::wording_problems(words) {
            self.report(file, &format!(" {field}:"), message);
        }
    }

    /// The scale's "or fewer" patterns and every key's words have the numbers they must show.
    fn chart_words(&mut self, file: &str, words: &ChartWords) {
        let mut patterns = vec![
            ("or_fewer", &words.or_fewer, &["{value}", "{of}"][..]),
            ("or_fewer_one_in", &words.or_fewer_one_in, &["{n}", "{of}"]),
            (
                "or_fewer_one_in_unstated",
                &words.or_fewer_one_in_unstated,
                &["{n}"],
            ),
            ("study_row", &words.study_row, &["{finding}", "{source}"]),
        ];
        let legends = [&words.per_treatment, &words.per_patient]
            .into_iter()
            .flat_map(|legend| {
                [
                    ("sure", &legend.sure),
                    ("maybe", &legend.maybe),
                    ("maybe_only", &legend.maybe_only),
                    ("unaffected", &legend.unaffected),
                    ("lowest", &legend.lowest),
                    ("up_to_highest", &legend.up_to_highest),
                    ("the_rest", &legend.the_rest),
                ]
            })
            // Those used only where sources differ may be left out.
            .filter(|(field, pattern)| {
                !(pattern.is_empty() && ["lowest", "up_to_highest", "the_rest"].contains(field))
            })
            .chain([
                ("helped", &words.benefit.helped),
                ("same", &words.benefit.same),
            ]);
        for (field, pattern) in legends {
            patterns.push((field, pattern, &["{n}"]));
            let said = pattern.replace("{n}", &LEGEND_COUNT.to_string());
            if let Some(why) = rate::numbers_changed(&said, "", &[LEGEND_COUNT], Some(rate::PER)) {
                self.report(file, &format!(" {field}:"), format!("'{field}' {why}"));
            }
        }
        self.placeholders(file, &patterns);
        // The scale says a bound as the text beside it does: "3 or fewer" is not "fewer than 3".
        let rates = &self.library.ui.rates;
        for (field, scale, text_field, text) in [
            ("or_fewer", &words.or_fewer, "fewer_than", &rates.fewer_than),
            (
                "or_fewer_one_in",
                &words.or_fewer_one_in,
                "fewer_than_one_in",
                &rates.fewer_than_one_in,
            ),
            (
                "or_fewer_one_in_unstated",
                &words.or_fewer_one_in_unstated,
                "fewer_than_one_in_unstated",
                &rates.fewer_than_one_in_unstated,
            ),
        ] {
            if scale != text {
                self.report(
                    file,
                    &format!(" {field}:"),
                    format!(
                        "'{field}' must be the words of rates' '{text_field}' (\"{text}\"): the \
                         scale and the text beside it say one bound one way"
                    ),
                );
            }
        }
    }

    fn placeholders(&mut self, file: &str, patterns: &[(&str, &String, &[&str])]) {
        for (field, pattern, needed) in patterns {
            for placeholder in *needed {
                if !pattern.contains(placeholder) {
                    self.report(file, field, format!("'{field}' must contain {placeholder}"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_ITEMS, MAX_TEXT_CHARS, locales_agree, sizes};
    use crate::content::{Library, Problems};
    use std::borrow::Cow;

    /// Loads the embedded English edition with `file` edited by `edit`.
    fn with_edit(file: &str, edit: impl Fn(&str) -> String) -> Problems {
        let original = crate::content::built_in_text(file);
        let edited = edit(&original);
        assert_ne!(edited, original, "the edit changed nothing");
        Library::load("en", |path| {
            if path == file {
                Some(Cow::Owned(edited.clone().into_bytes()))
            } else {
                crate::content::built_in_bytes(path).map(Cow::Owned)
            }
        })
        .expect_err("the edited content should not pass")
    }

    fn messages(problems: &Problems) -> Vec<String> {
        problems.0.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn hidden_controls_are_taken_out_of_strings_however_they_are_written() {
        use super::without_hidden_controls;
        let text = "A(a: \"x\\u{1b}[2Jy\\x07z\", b: r#\"p\u{202E}q\"#, c: \"\\xe2\\x80\\xaeok\\n\\t\\\"\u{8}\\0\\r\") // \u{7}";
        let (kept, found) = without_hidden_controls(text);
        assert_eq!(
            kept,
            "A(a: \"x[2Jyz\", b: r#\"pq\"#, c: \"ok\\n\\t\\\"\") // \u{7}"
        );
        let chars: Vec<char> = found.iter().map(|(_, c)| *c).collect();
        assert_eq!(
            chars,
            [
                '\u{1b}', '\u{7}', '\u{202E}', '\u{202E}', '\u{8}', '\0', '\r'
            ]
        );
        assert_eq!(
            without_hidden_controls("plain \"text\\n\""),
            (Cow::Borrowed("plain \"text\\n\""), Vec::new())
        );
    }

    #[test]
    fn a_hidden_control_in_any_text_is_named_with_its_line_and_never_kept() {
        for (file, from, to) in [
            (
                "en/pages/risks.ron",
                "title: \"",
                "title: \"\\u{1b}]0;x\\u{7}",
            ),
            ("en/glossary.ron", "meaning: \"", "meaning: \"\u{202E}"),
            ("en/side-effects.ron", "name: \"", "name: \"\\0\\x08"),
            ("en/sources.ron", "name: \"", "name: \"\\u{2067}"),
            ("en/ui.ron", "app_title: \"", "app_title: \"\\r"),
        ] {
            let problems = messages(&with_edit(file, |text| text.replacen(from, to, 1)));
            assert!(!problems.is_empty(), "{file}");
            for problem in &problems {
                assert!(problem.starts_with(&format!("{file}:")), "{problem}");
                assert!(problem.contains("a hidden character, U+"), "{problem}");
            }
        }
        // What is read is the text without them, whoever reads it.
        let risks = crate::content::built_in_text("en/pages/risks.ron").replacen(
            "title: \"",
            "title: \"\\u{1b}c\u{202E}",
            1,
        );
        let loaded = Library::load_texts("en", |path| {
            Ok(Cow::Owned(if path == "en/pages/risks.ron" {
                risks.clone().into_bytes()
            } else {
                crate::content::built_in_bytes(path).unwrap()
            }))
        });
        let library = loaded.library.expect("it parses");
        let title = &library.page(crate::content::route::PageId::RISKS).title;
        assert!(title.starts_with('c'), "{title:?}");
        assert!(!title.chars().any(crate::content::is_hidden_control));
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
    fn the_lung_picture_must_name_sources_that_exist() {
        let problems = with_edit("en/pages/warning-signs.ron", |text| {
            text.replacen("\"chen-2018\"", "\"chen-2019\"", 1)
        });
        let found = messages(&problems);
        assert!(
            found
                .iter()
                .any(|message| message.starts_with("en/pages/warning-signs.ron:")
                    && message.contains("no source in sources.ron has the id 'chen-2019'")),
            "{found:?}"
        );
        let problems = with_edit("en/pages/warning-signs.ron", |text| {
            let start = text.find("sources: [\"lung-top\"").unwrap();
            let end = start + text[start..].find(']').unwrap() + 1;
            format!("{}sources: []{}", &text[..start], &text[end..])
        });
        assert!(
            messages(&problems)
                .iter()
                .any(|message| message.contains("the picture of the lungs names no source")),
            "{:?}",
            messages(&problems)
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
    fn a_sign_under_two_steps_of_what_to_do_is_caught_with_its_line() {
        let problems = with_edit("en/pages/warning-signs.ron", |text| {
            text.replacen(
                "\"Breathing faster than normal.\",",
                "\"Breathing faster than normal.\", \"Blue or gray lips or skin.\",",
                1,
            )
        });
        let found = messages(&problems);
        assert!(
            found
                .iter()
                .any(|message| message.contains("en/pages/warning-signs.ron:")
                    && message.contains("'Blue or gray lips or skin.' is listed under two steps")),
            "{found:#?}"
        );
    }

    #[test]
    fn a_rate_in_the_middle_of_a_clause_is_caught_with_its_line() {
        let problems = with_edit("en/pages/after.ron", |text| {
            text.replacen("after {rate:bruising}.", "after {rate:bruising} or so.", 1)
        });
        let found = messages(&problems);
        assert!(
            found
                .iter()
                .any(|message| message.starts_with("en/pages/after.ron:")
                    && message.contains("{rate:bruising} must end its sentence")),
            "{found:#?}"
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

    #[test]
    fn the_editions_agree_on_ids_rates_and_structure() {
        let english = Library::embedded("en").unwrap();
        let spanish = Library::embedded("es").unwrap_or_else(|problems| panic!("{problems}"));
        let problems = locales_agree(&english, &spanish);
        assert!(problems.is_empty(), "{}", Problems(problems));
    }

    #[test]
    fn a_drifting_rate_or_id_is_named_with_its_file() {
        let english = Library::embedded("en").unwrap();
        let mut spanish = Library::embedded("es").unwrap();
        spanish.side_effects[1].rate = Some(crate::content::model::Rate::Range {
            low: 15,
            high: 25,
            of: crate::content::model::Denominator::Treatments,
        });
        spanish.glossary.pop();
        spanish.regions[0].conditions[0].id = "migraña".into();
        spanish.pages[0].sections.clear();
        let messages: Vec<String> = locales_agree(&english, &spanish)
            .iter()
            .map(ToString::to_string)
            .collect();
        let has = |needle: &str| messages.iter().any(|message| message.contains(needle));
        assert!(
            has("es/side-effects.ron: the rate of 'bruising'"),
            "{messages:?}"
        );
        assert!(has("es/glossary.ron: the term"), "{messages:?}");
        assert!(
            has("es/conditions.ron: the condition 'migraña'"),
            "{messages:?}"
        );
        assert!(
            has("es/pages/home.ron: its sections and blocks do not match en/pages/home.ron"),
            "{messages:?}"
        );
    }

    fn size_messages(text: &str) -> Vec<String> {
        sizes("a.ron", text)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn texts_and_lists_up_to_the_limits_pass_and_one_more_is_named_with_its_line() {
        let text = |chars: usize| format!("Term(\n    meaning: \"{}\",\n)", "é".repeat(chars));
        assert!(size_messages(&text(MAX_TEXT_CHARS)).is_empty());
        assert_eq!(
            size_messages(&text(MAX_TEXT_CHARS + 1)),
            [format!(
                "a.ron:2:14: the text of 'meaning' has {} characters; a text may have at most \
                 {MAX_TEXT_CHARS}",
                MAX_TEXT_CHARS + 1
            )]
        );
        let list = |items: usize| format!("Page(\n  keywords: [{}],\n)", "\"k\", ".repeat(items));
        assert!(size_messages(&list(MAX_ITEMS)).is_empty());
        assert_eq!(
            size_messages(&list(MAX_ITEMS + 1)),
            [format!(
                "a.ron:2:13: 'keywords' has {} items; a list may have at most {MAX_ITEMS}",
                MAX_ITEMS + 1
            )]
        );
        // Without a trailing comma, nested, and at the top of the file.
        let nested = format!(
            "[\n{}Section(blocks: [Bullets([\"a\", \"b\"])])\n]",
            "Section(blocks: []),\n".repeat(MAX_ITEMS)
        );
        assert_eq!(
            size_messages(&nested),
            [format!(
                "a.ron:1:1: this list has {} items; a list may have at most {MAX_ITEMS}",
                MAX_ITEMS + 1
            )]
        );
    }

    #[test]
    fn sizes_are_read_past_comments_raw_strings_and_characters() {
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        // Brackets and quotes in comments, strings and characters are not lists or texts.
        let quiet = format!(
            "// [\"{long}\n/* a [ /* nested \"{long}\" */ ] */\n(a: \"[[\\\"\", b: '\\'', c: '[', d: r#\"\"[\"#)"
        );
        assert!(size_messages(&quiet).is_empty(), "{quiet}");
        let raw = format!("(text: r##\"\"#{long}\"##)");
        let messages = size_messages(&raw);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with("a.ron:1:8: the text of 'text' has"),
            "{messages:?}"
        );
        // Names are only ever the guide's own: a word of the file is not repeated.
        let secret = format!("(\n// hunter2:\n\"{long}\")");
        assert!(size_messages(&secret)[0].contains(": this text has"));
        let optional = format!("(heading: Some(\"{long}\"))");
        assert!(size_messages(&optional)[0].contains("the text of 'heading'"));
    }

    #[test]
    fn a_glossary_too_long_or_with_a_text_too_long_is_refused() {
        let problems = with_edit("en/glossary.ron", |text| {
            let end = text.rfind(']').unwrap();
            let extra: String = (0..MAX_ITEMS)
                .map(|n| format!("    Term(id: \"t{n}\", word: \"W\", meaning: \"M.\"),\n"))
                .collect();
            format!("{}{extra}{}", &text[..end], &text[end..])
        });
        let found = messages(&problems);
        assert!(
            found.iter().any(|m| m.starts_with("en/glossary.ron:")
                && m.contains("items; a list may have at most")),
            "{found:?}"
        );
        let problems = with_edit("en/glossary.ron", |text| {
            text.replacen(
                "meaning: \"",
                &format!("meaning: \"{}", "y".repeat(MAX_TEXT_CHARS)),
                1,
            )
        });
        let found = messages(&problems);
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("en/glossary.ron:")
                    && m.contains("the text of 'meaning' has")),
            "{found:?}"
        );
    }

    /// The Spanish edition with its files edited, and the text it was read from.
    fn spanish_with(edits: &[(&str, &str, &str)]) -> (Library, crate::content::Files) {
        let loaded = Library::load_texts("es", |path| {
            let mut text = crate::content::built_in_text(path);
            for (file, from, to) in edits {
                if *file == path {
                    assert!(text.contains(from), "{from}");
                    text = text.replacen(from, to, 1);
                }
            }
            Ok(Cow::Owned(text.into_bytes()))
        });
        let texts = loaded.texts.clone();
        (
            loaded
                .result()
                .unwrap_or_else(|problems| panic!("{problems}")),
            texts,
        )
    }

    #[test]
    fn a_drift_is_at_its_line_and_its_rates_are_in_words() {
        let english = Library::embedded("en").unwrap();
        let (spanish, texts) = spanish_with(&[
            (
                "es/side-effects.ron",
                "low: 15, high: 20",
                "low: 15, high: 25",
            ),
            (
                "es/glossary.ron",
                "    Term(",
                "    Term(id: \"extra\", word: \"Extra\", meaning: \"Una palabra.\"),\n    Term(",
            ),
        ]);
        let messages: Vec<String> = super::locales_agree_in(&english, &spanish, &texts)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            messages,
            [
                "es/side-effects.ron:13:13: the rate of 'bruising' is 15 to 25 out of every 100 \
                 treatments, but 15 to 20 out of every 100 treatments in en",
                "es/glossary.ron:3:14: the term 'extra' is not in en",
            ]
        );
        // Without the texts, the same words, without the lines.
        let unplaced = locales_agree(&english, &spanish);
        assert!(unplaced.iter().all(|problem| problem.position.is_none()));
        assert!(unplaced.iter().all(
            |problem| !problem.message.contains("Range") && !problem.message.contains("Some(")
        ));

        // A page's structure is placed at its first section that differs.
        let mut changed = spanish.clone();
        changed.pages[0].sections[1].blocks.pop();
        let found = super::locales_agree_in(&english, &changed, &texts);
        let home: Vec<_> = found
            .iter()
            .filter(|problem| problem.file == "es/pages/home.ron")
            .collect();
        assert_eq!(home.len(), 1, "{found:?}");
        assert_eq!(home[0].position, Some((28, 9)));
    }

    #[test]
    fn every_check_question_has_a_right_answer_and_a_section_that_teaches_it() {
        let file = "en/pages/teach-back.ron";
        let cases: [(&str, &str, &str); 4] = [
            (
                "CheckChoice(text: \"No. Do not drive while you feel drowsy, tired or dizzy.\", right: true)",
                "CheckChoice(text: \"No. Do not drive while you feel drowsy, tired or dizzy.\")",
                "the question 'driving' has no right answer",
            ),
            (
                "CheckChoice(text: \"Yes, if the drive is short.\")",
                "CheckChoice(text: \"Yes, if the drive is short.\", right: true)",
                "the question 'driving' has 2 right answers: mark it pick_all: true",
            ),
            (
                "Teaches(page: \"after\", section: 0)",
                "Teaches(page: \"after\", section: 40)",
                "the question 'driving' points at section 40 of 'after', which has",
            ),
            (
                "Teaches(page: \"after\", section: 0)",
                "Teaches(page: \"afterwards\", section: 0)",
                "the question 'driving' points at no page: there is no 'afterwards'",
            ),
        ];
        for (from, to, expected) in cases {
            let problems = with_edit(file, |text| text.replacen(from, to, 1));
            let messages = messages(&problems);
            assert!(
                messages
                    .iter()
                    .any(|message| message.starts_with(file) && message.contains(expected)),
                "{expected:?} not in {messages:?}"
            );
        }
        // Too few questions.
        let problems = with_edit(file, |text| {
            let start = text
                .find("                    CheckQuestion(\n                        id: \"chart\"")
                .unwrap();
            let end = text.find("                    CheckQuestion(\n                        id: \"warning-signs\"").unwrap();
            let second = text
                .find("                    CheckQuestion(\n                        id: \"driving\"")
                .unwrap();
            let close = text[second..].find("                    ),\n").unwrap() + second + 23;
            format!("{}{}{}", &text[..start], &text[end..second], &text[close..])
        });
        assert!(
            messages(&problems)
                .iter()
                .any(|message| message.contains("the check has 4 questions; it needs 5 to 7")),
            "{:?}",
            messages(&problems)
        );
    }

    #[test]
    fn the_check_must_have_the_same_answers_in_every_language() {
        let english = Library::embedded("en").unwrap();
        let mut spanish = Library::embedded("es").unwrap();
        let page = spanish
            .pages
            .iter_mut()
            .find(|page| page.id == "teach-back")
            .unwrap();
        let crate::content::model::Block::TeachBack(questions) = &mut page.sections[0].blocks[0]
        else {
            panic!("the check's first block is its questions");
        };
        questions[0].choices[0].right = true;
        let problems = locales_agree(&english, &spanish);
        assert!(
            problems
                .iter()
                .any(|problem| problem.file == "es/pages/teach-back.ron"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_clinics_web_address_and_pin_must_be_usable() {
        use super::{MAX_WEB_BYTES, staff_pin_ok, web_address_problem};
        let longest = format!("https://example.org/{}", "a".repeat(MAX_WEB_BYTES - 20));
        for good in [
            "",
            "  ",
            "https://example.org",
            "http://example.org/dry-needling?lang=es#after",
            "HTTPS://Example.org",
            " https://example.org ",
            "https://example.org:8443/guide",
            "https://example.org./guide",
            "https://xn--80ak6aa92e.com/",
            "https://clinic.example/caf%C3%A9?x=@",
            &longest,
        ] {
            assert_eq!(web_address_problem(good), None, "{good:?}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript://%0aalert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "example.org",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "ftp://example.org",
            // No real site (N17).
            "https://@",
            "https://:",
            "https://.",
            "https://..",
            "https://-x.org",
            "https://example.org:port",
            "http://user:pass@evil.example",
            "https://trusted.example@evil.example/",
            // A look-alike of apple.com in Cyrillic letters.
            "https://\u{430}\u{440}\u{440}\u{4cf}\u{435}.com",
            "https://b\u{fc}cher.example",
            &format!("{longest}a"),
        ] {
            assert!(web_address_problem(bad).is_some(), "{bad:?}");
        }
        assert!(
            web_address_problem(&format!("{longest}a"))
                .is_some_and(|message| message.contains(&format!("at most {MAX_WEB_BYTES}"))),
            "a long address is told the limit"
        );
        for good in ["", "0", "4321", "123456789012", " 4321 "] {
            assert!(staff_pin_ok(good), "{good:?}");
        }
        for bad in [
            "1234567890123",
            "12a4",
            "\u{661}\u{662}\u{663}\u{664}",
            "12 34",
            "-1",
            "+1234",
            "12.3",
        ] {
            assert!(!staff_pin_ok(bad), "{bad:?}");
        }

        let problems = with_edit("clinic.ron", |text| {
            text.replacen("web: \"\"", "web: \"javascript:alert(1)\"", 1)
                .replacen("staff_pin: \"\"", "staff_pin: \"12ab\"", 1)
        });
        let found = messages(&problems);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with(
                "clinic.ron:13:5: 'web' must be an address that starts with http:// or https://"
            ),
            "{found:?}"
        );
        assert!(
            found[1].starts_with("clinic.ron:15:5: 'staff_pin' must be 1 to 12 digits"),
            "{found:?}"
        );
        assert!(
            !found
                .iter()
                .any(|m| m.contains("alert") || m.contains("12ab"))
        );
    }
}
