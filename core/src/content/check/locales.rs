//! Where a translation drifts from the base edition: the same ids, numbers and page structure in
//! every language.

use super::*;

/// Where a translation drifts from the base edition: every id, rate and page structure must be
/// the same in both, so that the numbers a patient reads never depend on the language.
pub fn locales_agree(base: &Library, other: &Library) -> Vec<Problem> {
    locales_agree_in(base, other, &Files::default())
}

/// [`locales_agree`], with each problem at the line of the item that differs where `texts` (the
/// files `other` was read from) show it.
pub fn locales_agree_in(base: &Library, other: &Library, texts: &Files) -> Vec<Problem> {
    let mut problems = Vec::new();
    let locale = &other.locale;
    let base_name = &base.locale;
    // At the first `needle` of `file`, if it is given and found.
    let mut differs = |file: String, needle: Option<String>, message: String| {
        let position = needle.and_then(|needle| texts.locate(&file, &needle));
        problems.push(Problem {
            file,
            position,
            message,
        })
    };
    let quoted = |id: &str| Some(format!("\"{id}\""));
    // The first item of `theirs` that is not the same as in `ours`, or the end of `theirs`.
    fn first_difference<T: PartialEq>(ours: &[T], theirs: &[T]) -> Option<usize> {
        (0..theirs.len()).find(|&index| ours.get(index) != theirs.get(index))
    }
    // Rates in words, the base edition's, so both sides of a message read alike.
    let rate_words =
        |rate: Option<Rate>| rate.map_or_else(|| "none".to_owned(), |rate| base.rate_text(rate));

    // Sources, and what each found, are the same numbers in every language.
    let sources = |library: &Library| -> Vec<(String, Vec<Rate>)> {
        library
            .sources
            .iter()
            .map(|source| {
                let rates = source.findings.iter().map(|finding| finding.rate).collect();
                (source.id.clone(), rates)
            })
            .collect()
    };
    let (ours, theirs) = (sources(base), sources(other));
    if ours != theirs {
        differs(
            File::Sources.path(locale),
            first_difference(&ours, &theirs).and_then(|index| quoted(&theirs[index].0)),
            format!(
                "the sources and their findings are not the same ids and numbers, in the same \
                 order, as in {base_name}"
            ),
        );
    }
    // Each side effect's id, with its source and the studies beside it.
    type Sourced = (String, (Option<String>, Vec<String>));
    let effect_sources = |library: &Library| -> Vec<Sourced> {
        library
            .side_effects
            .iter()
            .map(|effect| {
                let sources = (effect.source.clone(), effect.studies.clone());
                (effect.id.clone(), sources)
            })
            .collect()
    };
    let (ours, theirs) = (effect_sources(base), effect_sources(other));
    if ours
        .iter()
        .map(|(_, source)| source)
        .ne(theirs.iter().map(|(_, source)| source))
    {
        differs(
            File::SideEffects.path(locale),
            first_difference(&ours, &theirs).and_then(|index| quoted(&theirs[index].0)),
            format!("the side effects do not name the same sources and studies as in {base_name}"),
        );
    }
    let effects = |library: &Library| -> Vec<(String, Option<Rate>)> {
        library
            .side_effects
            .iter()
            .map(|effect| (effect.id.clone(), effect.rate))
            .collect()
    };
    let (ours, theirs) = (effects(base), effects(other));
    let ids = |effects: &[(String, Option<Rate>)]| -> Vec<String> {
        effects.iter().map(|(id, _)| id.clone()).collect()
    };
    let (our_ids, their_ids) = (ids(&ours), ids(&theirs));
    if our_ids != their_ids {
        differs(
            File::SideEffects.path(locale),
            first_difference(&our_ids, &their_ids).and_then(|index| quoted(&their_ids[index])),
            format!("the side effects are not the same ids, in the same order, as in {base_name}"),
        );
    }
    for (id, rate) in &theirs {
        if let Some((_, base_rate)) = ours.iter().find(|(base_id, _)| base_id == id)
            && base_rate != rate
        {
            differs(
                File::SideEffects.path(locale),
                quoted(id),
                format!(
                    "the rate of '{id}' is {}, but {} in {base_name}",
                    rate_words(*rate),
                    rate_words(*base_rate)
                ),
            );
        }
    }

    let conditions = |library: &Library| -> Vec<(String, String)> {
        library
            .conditions()
            .map(|(region, condition)| (region.id.clone(), condition.id.clone()))
            .collect()
    };
    let regions = |library: &Library| -> Vec<String> {
        library
            .regions
            .iter()
            .map(|region| region.id.clone())
            .collect()
    };
    let (ours, theirs) = (regions(base), regions(other));
    if ours != theirs {
        differs(
            File::Conditions.path(locale),
            first_difference(&ours, &theirs).and_then(|index| quoted(&theirs[index])),
            format!("the regions are not the same ids, in the same order, as in {base_name}"),
        );
    }
    let (ours, theirs) = (conditions(base), conditions(other));
    for (region, id) in theirs.iter().filter(|entry| !ours.contains(entry)) {
        differs(
            File::Conditions.path(locale),
            quoted(id),
            format!("the condition '{id}' in region '{region}' is not in {base_name}"),
        );
    }
    for (region, id) in ours.iter().filter(|entry| !theirs.contains(entry)) {
        differs(
            File::Conditions.path(locale),
            quoted(region),
            format!("the condition '{id}' in region '{region}' is missing"),
        );
    }

    // What studies say rests on the same source, and a region lists the same others, in both.
    let cited = |library: &Library| -> Vec<(String, String)> {
        library
            .conditions()
            .map(|(_, condition)| {
                let sources: Vec<&str> = condition.evidence.sources().map(String::as_str).collect();
                (condition.id.clone(), sources.join(" "))
            })
            .chain(
                library
                    .regions
                    .iter()
                    .map(|region| (region.id.clone(), region.also_lists.join(", "))),
            )
            .collect()
    };
    let ours = cited(base);
    for (id, source) in cited(other) {
        if let Some((_, base_source)) = ours.iter().find(|(base_id, _)| *base_id == id)
            && *base_source != source
        {
            differs(
                File::Conditions.path(locale),
                quoted(&id),
                format!("'{id}' names '{source}', but '{base_source}' in {base_name}"),
            );
        }
    }

    let terms = |library: &Library| -> BTreeSet<String> {
        library
            .glossary
            .iter()
            .map(|term| term.id.clone())
            .collect()
    };
    let (ours, theirs) = (terms(base), terms(other));
    for id in theirs.difference(&ours) {
        differs(
            File::Glossary.path(locale),
            quoted(id),
            format!("the term '{id}' is not in {base_name}"),
        );
    }
    for id in ours.difference(&theirs) {
        differs(
            File::Glossary.path(locale),
            None,
            format!("the term '{id}' is missing"),
        );
    }

    for ((page, base_page), other_page) in base.page_ids().zip(&base.pages).zip(&other.pages) {
        let (ours, theirs) = (page_shape(base_page), page_shape(other_page));
        if ours != theirs {
            let file = File::Page(page).path(locale);
            // At the first section that differs.
            let section = first_difference(&ours, &theirs);
            let position = section.and_then(|index| texts.locate_nth(&file, "Section(", index));
            problems.push(Problem {
                file,
                position,
                message: format!(
                    "its sections and blocks do not match {} (same kinds, ids and list lengths)",
                    File::Page(page).path(base_name)
                ),
            });
        }
    }
    if base.ui.charts.scale_ticks != other.ui.charts.scale_ticks {
        problems.push(Problem {
            position: texts.locate(&File::Ui.path(locale), "scale_ticks"),
            file: File::Ui.path(locale),
            message: format!("scale_ticks differ from {base_name}"),
        });
    }
    problems
}

/// What must not change in translation: each block's kind, the ids it names, and list lengths.
fn page_shape(page: &Page) -> Vec<Vec<String>> {
    page.sections
        .iter()
        .map(|section| {
            section
                .blocks
                .iter()
                .map(|block| match block {
                    Block::Text(_) => "Text".to_owned(),
                    Block::Bullets(items) => format!("Bullets {}", items.len()),
                    Block::Checklist(items) => format!(
                        "Checklist {}, briefs at {:?}",
                        items.len(),
                        items
                            .iter()
                            .enumerate()
                            .filter(|(_, item)| item.brief.is_some())
                            .map(|(index, _)| index + 1)
                            .collect::<Vec<_>>()
                    ),
                    Block::Steps(items) => format!("Steps {}", items.len()),
                    Block::Callout(callout) => format!("Callout {:?}", callout.tone),
                    Block::Compare(compare) => format!("Compare {}", compare.rows.len()),
                    Block::SideEffects(ids) => format!("SideEffects {ids:?}"),
                    Block::RiskScale(ids) => format!("RiskScale {ids:?}"),
                    Block::Choices(ids) => format!("Choices {ids:?}"),
                    Block::ConditionIndex => "ConditionIndex".to_owned(),
                    Block::GlossaryIndex => "GlossaryIndex".to_owned(),
                    Block::ClinicContacts => "ClinicContacts".to_owned(),
                    Block::WhatToDo => "WhatToDo".to_owned(),
                    Block::Actions(steps) => format!(
                        "Actions {:?}",
                        steps.iter().map(|step| step.level).collect::<Vec<_>>()
                    ),
                    Block::Questions(questions) => format!(
                        "Questions {:?}",
                        questions.iter().map(|q| q.topic).collect::<Vec<_>>()
                    ),
                    Block::Sources => "Sources".to_owned(),
                    Block::Evidence(claims) => format!(
                        "Evidence {:?}",
                        claims
                            .iter()
                            .map(|c| (&c.sources, c.helped_more, c.heading.is_some()))
                            .collect::<Vec<_>>()
                    ),
                    Block::LungAreas(areas) => format!("LungAreas {:?}", areas.sources),
                    Block::TeachBack(questions) => format!(
                        "TeachBack {:?}",
                        questions
                            .iter()
                            .map(|q| (
                                &q.id,
                                q.pick_all,
                                q.must_know,
                                q.choices.iter().map(|c| c.right).collect::<Vec<_>>(),
                                &q.teaches.page,
                                q.teaches.section,
                            ))
                            .collect::<Vec<_>>()
                    ),
                })
                .collect()
        })
        .collect()
}
