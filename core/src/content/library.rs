//! One edition's words as loaded, and the reading of them: a page by its id, a side effect, a
//! source, the clinic's details, and patient text with its markup resolved.

use super::ids::TermId;
use super::markup;
use super::model::{
    self, Clinic, Condition, Page, PageEntry, PageKind, Rate, Region, SideEffect, Source, Term, Ui,
};
use super::rate;
use super::route::PageId;

/// One edition of the guide: every page of one locale and the data they draw on.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    pub locale: String,
    pub ui: Ui,
    /// The pages in reading order (`pages.ron`), with each one's icon, kind and colour.
    pub page_list: Vec<PageEntry>,
    /// Each page's words, in the order of `page_list`.
    pub pages: Vec<Page>,
    pub side_effects: Vec<SideEffect>,
    pub regions: Vec<Region>,
    pub glossary: Vec<Term>,
    /// Where the numbers come from.
    pub sources: Vec<Source>,
    pub clinic: Clinic,
}

impl Library {
    /// The page `page`. Checked content has every page its list names, and every page the code
    /// names ([`PageId::ALL`]); a route to any other shows the first page, home.
    pub fn page(&self, page: PageId) -> &Page {
        self.position(page)
            .map_or(&self.pages[0], |index| &self.pages[index])
    }

    /// The page content names by `id` ("teaches: page", a tile), if the guide has it. An id it
    /// does not have is not made a `PageId`.
    pub fn page_named(&self, id: &str) -> Option<PageId> {
        self.page_list
            .iter()
            .find(|entry| entry.id == id)
            .map(|entry| PageId::new(&entry.id))
    }

    /// Whether the guide has the page `page`.
    pub fn has_page(&self, page: PageId) -> bool {
        self.position(page).is_some()
    }

    /// The page's place in the page list: its icon, kind and colour.
    pub fn page_entry(&self, page: PageId) -> Option<&PageEntry> {
        self.position(page).map(|index| &self.page_list[index])
    }

    /// Every page, in reading order.
    pub fn page_ids(&self) -> impl Iterator<Item = PageId> + '_ {
        self.page_list.iter().map(|entry| PageId::new(&entry.id))
    }

    /// The first page of `kind` in the list.
    pub fn page_of_kind(&self, kind: PageKind) -> Option<PageId> {
        self.page_list
            .iter()
            .find(|entry| entry.kind == kind)
            .map(|entry| PageId::new(&entry.id))
    }

    /// The page after `page` in reading order.
    pub fn next_page(&self, page: PageId) -> Option<PageId> {
        let index = self.position(page)?;
        self.page_ids().nth(index + 1)
    }

    /// The page before `page` in reading order.
    pub fn previous_page(&self, page: PageId) -> Option<PageId> {
        let index = self.position(page)?;
        self.page_ids().nth(index.checked_sub(1)?)
    }

    fn position(&self, page: PageId) -> Option<usize> {
        self.page_list
            .iter()
            .position(|entry| entry.id == page.id())
    }

    pub fn side_effect(&self, id: &str) -> Option<&SideEffect> {
        self.side_effects.iter().find(|effect| effect.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// A source's finding named as "source-id/finding-id", with its source.
    pub fn finding(&self, reference: &str) -> Option<(&Source, &model::Finding)> {
        let (source, finding) = reference.split_once('/')?;
        let source = self.source(source)?;
        let finding = source.findings.iter().find(|f| f.id == finding)?;
        Some((source, finding))
    }

    pub fn term(&self, id: &str) -> Option<&Term> {
        self.glossary.iter().find(|term| term.id == id)
    }

    /// Every condition with the region it belongs to, in the order of `conditions.ron`.
    pub fn conditions(&self) -> impl Iterator<Item = (&Region, &Condition)> {
        self.regions.iter().flat_map(|region| {
            region
                .conditions
                .iter()
                .map(move |condition| (region, condition))
        })
    }

    pub fn condition(&self, id: &str) -> Option<(&Region, &Condition)> {
        self.conditions().find(|(_, condition)| condition.id == id)
    }

    /// The number to call in an emergency: the clinic's, or words for the local one (no
    /// country's number is written into the guide).
    pub fn emergency_number(&self) -> &str {
        let set = self.clinic.emergency_number.trim();
        if set.is_empty() {
            &self.ui.local_emergency_number
        } else {
            set
        }
    }

    /// The clinic's details a patient can use, each with its label, in the order they are shown:
    /// those the clinic filled in, and always the emergency number (the clinic's, or the words for
    /// the local one). The warning-signs page and the handout both show these.
    pub fn clinic_contacts(&self) -> Vec<(&str, &str)> {
        let ui = &self.ui;
        let clinic = &self.clinic;
        [
            (&ui.clinic_name, clinic.name.as_str()),
            (&ui.clinic_phone, clinic.phone.as_str()),
            (
                &ui.clinic_after_hours_phone,
                clinic.after_hours_phone.as_str(),
            ),
            (&ui.clinic_web, clinic.web.as_str()),
            (&ui.clinic_emergency, self.emergency_number()),
        ]
        .into_iter()
        .map(|(label, value)| (label.as_str(), value.trim()))
        .filter(|(_, value)| !value.is_empty())
        .collect()
    }

    /// This edition as the printed handout says it: its first page opens with the clinic's
    /// numbers, so `{call_clinic}` points there rather than saying them again (a phone with
    /// words beside it, "then press 2 for …", took three lines of the urgent steps).
    pub fn as_printed(&self) -> Library {
        let mut printed = self.clone();
        let words = &mut printed.ui.call_clinic;
        words.with_after_hours = words.on_paper_with_after_hours.clone();
        words.phone_only = words.on_paper_phone_only.clone();
        printed
    }

    /// "Call your clinic now at …": the sentence for `{call_clinic}`, its numbers set apart, in
    /// the words for what the clinic filled in.
    fn call_clinic(&self) -> Vec<Span> {
        let words = &self.ui.call_clinic;
        let phone = self.clinic.phone.trim();
        let after_hours = self.clinic.after_hours_phone.trim();
        let pattern = match (phone.is_empty(), after_hours.is_empty()) {
            (false, false) => &words.with_after_hours,
            (false, true) => &words.phone_only,
            (true, _) => &words.no_phone,
        };
        let mut spans = Vec::new();
        let mut rest = pattern.as_str();
        // `check` holds the patterns to these two placeholders.
        while let Some((start, name, number)) = [("{phone}", phone), ("{after_hours}", after_hours)]
            .into_iter()
            .filter_map(|(name, number)| Some((rest.find(name)?, name, number)))
            .min_by_key(|(start, ..)| *start)
        {
            spans.push(Span::Plain(rest[..start].to_owned()));
            spans.push(Span::Number(number.to_owned()));
            rest = &rest[start + name.len()..];
        }
        spans.push(Span::Plain(rest.to_owned()));
        spans.retain(|span| !span.text().is_empty());
        spans
    }

    /// The names of the sources `ids` name, in their order, as a reader sees them; an id that
    /// `sources.ron` does not have (`check` refuses one) is left out.
    pub fn source_names<'a>(&self, ids: impl IntoIterator<Item = &'a String>) -> Vec<String> {
        ids.into_iter()
            .filter_map(|id| self.source(id))
            .map(|source| self.plain(&source.name))
            .collect()
    }

    /// "Source" before one source's name, "Sources" before more.
    pub fn source_label(&self, count: usize) -> &str {
        if count == 1 {
            &self.ui.source_label
        } else {
            &self.ui.sources_label
        }
    }

    /// A rate in this edition's words.
    pub fn rate_text(&self, rate: Rate) -> String {
        with_unstated_note(rate::format(rate, &self.ui.rates), rate, &self.ui.rates)
    }

    /// Patient text with its markup resolved: terms stay marked, rates become words.
    /// Checked content has no broken markup; if some slips through, it is shown as written.
    pub fn spans(&self, text: &str) -> Vec<Span> {
        self.spans_said_by(text, true)
    }

    /// [`Library::spans`], each rate with whose number it is (`said_by`), or alone.
    fn spans_said_by(&self, text: &str, said_by: bool) -> Vec<Span> {
        let Ok(pieces) = markup::parse(text) else {
            return vec![Span::Plain(text.to_owned())];
        };
        let mut spans = Vec::with_capacity(pieces.len());
        for piece in pieces {
            match piece {
                markup::Piece::Plain(plain) => spans.push(Span::Plain(plain.to_owned())),
                markup::Piece::Term { shown, id } => spans.push(Span::Term {
                    text: shown.to_owned(),
                    id: id.into(),
                }),
                markup::Piece::Emergency => {
                    spans.push(Span::Number(self.emergency_number().to_owned()));
                }
                markup::Piece::CallClinic => spans.extend(self.call_clinic()),
                markup::Piece::LungAreas => spans.push(Span::Plain(self.ui.lung_areas.clone())),
                markup::Piece::Rate { id } => {
                    let effect = self.side_effect(id);
                    spans.push(Span::Number(
                        effect
                            .and_then(|effect| effect.rate)
                            .map_or_else(|| id.to_owned(), |rate| self.rate_text(rate)),
                    ));
                    // Wherever a rate is read, it says whose number it is, and what studies
                    // counted where they counted it too.
                    if let Some(effect) = effect.filter(|_| said_by) {
                        spans.extend(self.said_by(effect).map(Span::Plain));
                        spans.extend(self.in_studies(effect).map(Span::Plain));
                    }
                }
            }
        }
        spans
    }

    /// ", says your clinic's sheet": what follows a side effect's rate in running text, or
    /// nothing when it names no source or the words are missing.
    fn said_by(&self, effect: &SideEffect) -> Option<String> {
        let words = &self.ui.rates.said_by;
        let source = self.source(effect.source.as_deref()?)?;
        let short = if source.short.is_empty() {
            &source.name
        } else {
            &source.short
        };
        (!words.is_empty()).then(|| words.replace("{source}", short))
    }

    /// What the studies named by a side effect counted, out of the same whole as its rate.
    pub fn study_counts(&self, effect: &SideEffect) -> Option<rate::StudyCounts> {
        let findings: Vec<Rate> = effect
            .studies
            .iter()
            .map(|reference| self.finding(reference).map(|(_, finding)| finding.rate))
            .collect::<Option<_>>()?;
        rate::StudyCounts::new(effect.rate?, &findings)
    }

    /// "about 3 to 6 out of every 100 treatments": what studies counted of a side effect, in
    /// words; `None` where none did.
    pub fn study_counts_text(&self, effect: &SideEffect) -> Option<String> {
        self.study_counts(effect)
            .map(|counts| rate::format_counts(counts, &self.ui.rates))
    }

    /// "; in studies, about 3 to 6 out of every 100 treatments": what follows a side effect's
    /// source in running text where studies counted it too.
    fn in_studies(&self, effect: &SideEffect) -> Option<String> {
        let words = &self.ui.rates.in_studies;
        let counts = self.study_counts_text(effect)?;
        (!words.is_empty()).then(|| words.replace("{counts}", &counts))
    }

    /// "60 to 70 out of every 100 treatments; studies counted about 3 to 6 …": a side effect's
    /// rate with what studies counted, where a table names the sources under it.
    pub fn rate_with_studies(&self, effect: &SideEffect, rate: Rate) -> String {
        let mut text = self.rate_text(rate);
        text.extend(self.in_studies(effect));
        text
    }

    /// Every source a side effect's numbers come from: its own, then its studies', each once.
    pub fn effect_sources(&self, effect: &SideEffect) -> Vec<&Source> {
        let studies = effect
            .studies
            .iter()
            .filter_map(|reference| self.finding(reference).map(|(source, _)| source));
        let mut sources: Vec<&Source> = Vec::new();
        for source in effect
            .source
            .as_deref()
            .and_then(|id| self.source(id))
            .into_iter()
            .chain(studies)
        {
            if !sources.iter().any(|known| known.id == source.id) {
                sources.push(source);
            }
        }
        sources
    }

    /// Patient text as a reader sees it, without marks.
    pub fn plain(&self, text: &str) -> String {
        self.spans(text).iter().map(Span::text).collect()
    }

    /// [`Library::plain`] with each rate's number alone: for a choice among answers, where the
    /// question says whose numbers they are, and a source named on one choice only would give
    /// the answer away.
    pub fn plain_numbers(&self, text: &str) -> String {
        self.spans_said_by(text, false)
            .iter()
            .map(Span::text)
            .collect()
    }
}

/// `said` with the words that its rate names no unit, where it names none.
pub fn with_unstated_note(said: String, rate: Rate, words: &model::RateWords) -> String {
    if rate.of() == model::Denominator::Unstated {
        said + &words.unstated_note
    } else {
        said
    }
}

/// A run of resolved patient text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Plain(String),
    /// A glossary term, explained when tapped.
    Term {
        text: String,
        id: TermId,
    },
    /// A rate in words, shown in bold.
    Number(String),
}

impl Span {
    pub fn text(&self) -> &str {
        match self {
            Span::Plain(text) | Span::Number(text) | Span::Term { text, .. } => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_order_runs_from_home_to_the_check() {
        let library = Library::embedded("en").unwrap();
        assert_eq!(library.page_ids().next(), Some(PageId::HOME));
        assert_eq!(library.previous_page(PageId::HOME), None);
        assert_eq!(library.next_page(PageId::HOME), Some(PageId::ABOUT));
        assert_eq!(
            library.next_page(PageId::KEY_POINTS),
            Some(PageId::TEACH_BACK)
        );
        assert_eq!(library.next_page(PageId::TEACH_BACK), None);
        assert_eq!(
            library.previous_page(PageId::KEY_POINTS),
            Some(PageId::GLOSSARY)
        );
        assert_eq!(library.next_page(PageId::new("not-a-page")), None);
    }

    #[test]
    fn markup_resolves_terms_and_rates() {
        let library = Library::embedded("en").unwrap();
        let spans = library.spans("A [collapsed lung](pneumothorax) after {rate:bruising}.");
        assert_eq!(
            spans[1],
            Span::Term {
                text: "collapsed lung".into(),
                id: "pneumothorax".into()
            }
        );
        assert_eq!(
            spans[3],
            Span::Number("15 to 20 out of every 100 treatments".into())
        );
        assert_eq!(
            library.plain("A [collapsed lung](pneumothorax)."),
            "A collapsed lung."
        );
    }
}
