//! Rates in words a patient reads: "15 to 20 out of every 100 treatments".

use super::model::{Denominator, Rate, RateWords};

/// The whole count that `Range` and `FewerThan` rates are out of.
pub const PER: u32 = 100;

/// Puts a rate into words, with the patterns of one language.
pub fn format(rate: Rate, words: &RateWords) -> String {
    // "1 in n" reads differently with no unit ("1 in 200,000", not "1 in every 200,000").
    let unstated = rate.of() == Denominator::Unstated;
    let pattern = match rate {
        Rate::Range { .. } => &words.range,
        Rate::FewerThan { .. } => &words.fewer_than,
        Rate::OneIn { .. } if unstated => &words.one_in_unstated,
        Rate::OneIn { .. } => &words.one_in,
        Rate::FewerThanOneIn { .. } if unstated => &words.fewer_than_one_in_unstated,
        Rate::FewerThanOneIn { .. } => &words.fewer_than_one_in,
        Rate::About { .. } => &words.about,
        Rate::AtMost { .. } => &words.at_most,
        Rate::Counted { .. } => &words.counted,
    };
    let (low, high) = match rate {
        Rate::Range { low, high, .. } => (low, high),
        Rate::FewerThan { value, .. } => (value, value),
        Rate::OneIn { n, .. } | Rate::FewerThanOneIn { n, .. } => (n, n),
        Rate::About { count, .. } | Rate::AtMost { count, .. } | Rate::Counted { count, .. } => {
            (count, count)
        }
    };
    fill(pattern, low, high, whole(rate), rate.of(), words)
}

/// A pattern with its numbers and unit put in.
fn fill(
    pattern: &str,
    low: u32,
    high: u32,
    per: u32,
    of: Denominator,
    words: &RateWords,
) -> String {
    let number = |value: u32| {
        if value.to_string().len() < words.group_from {
            value.to_string()
        } else {
            group_digits(value, &words.thousands_separator)
        }
    };
    let of = match of {
        Denominator::Treatments => words.treatments.as_str(),
        Denominator::Patients => words.patients.as_str(),
        Denominator::Unstated => "",
    };
    pattern
        .replace("{low}", &number(low))
        .replace("{high}", &number(high))
        .replace("{value}", &number(low))
        .replace("{count}", &number(low))
        .replace("{per}", &number(per))
        .replace("{n}", &number(low))
        .replace("{of}", of)
}

/// The whole a rate counts out of: 100 for `Range` and `FewerThan`, n for "1 in n", the study's
/// own number for the others.
pub fn whole(rate: Rate) -> u32 {
    match rate {
        Rate::Range { .. } | Rate::FewerThan { .. } => PER,
        Rate::OneIn { n, .. } | Rate::FewerThanOneIn { n, .. } => n,
        Rate::About { per, .. } | Rate::AtMost { per, .. } | Rate::Counted { per, .. } => per,
    }
}

/// What studies counted for one side effect, put out of the same whole as the side effect's own
/// rate ("about 3 to 6 out of every 100 treatments" beside the sheet's "60 to 70 out of every
/// 100"), so a reader compares like with like. `low` is 0 where a study saw none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StudyCounts {
    pub low: u32,
    pub high: u32,
    pub per: u32,
    pub of: Denominator,
}

impl StudyCounts {
    /// The studies' `findings` out of the whole of `rate`. `None` if there are none, or one
    /// cannot be put that way ([`StudyCounts::problem`] says why).
    pub fn new(rate: Rate, findings: &[Rate]) -> Option<StudyCounts> {
        let per = whole(rate);
        let counts: Vec<u32> = findings
            .iter()
            .map(|&finding| rescaled(finding, per))
            .collect::<Option<_>>()?;
        Some(StudyCounts {
            low: *counts.iter().min()?,
            high: *counts.iter().max()?,
            per,
            of: rate.of(),
        })
    }

    /// Why a study's `finding` cannot stand beside a side effect's `rate`, if it cannot.
    pub fn problem(rate: Rate, finding: Rate) -> Option<String> {
        if !matches!(finding, Rate::About { .. } | Rate::AtMost { .. }) {
            return Some("a study's count must be About(...) or AtMost(...)".to_owned());
        }
        if finding.of() != rate.of() {
            return Some(
                "it counts something else (treatments or patients) than the side effect's rate"
                    .to_owned(),
            );
        }
        // A finding that makes no sense in itself is reported as such, not here.
        match (finding, rescaled(finding, whole(rate))) {
            (Rate::About { .. }, Some(0)) => Some(format!(
                "it rounds to 0 out of every {}: too rare to show beside this rate",
                whole(rate)
            )),
            _ => None,
        }
    }
}

/// A study's finding put out of every `per` ("about 30 out of every 1,000" as "about 3 out of
/// every 100"), so that it can stand beside a rate out of that whole; `None` for a finding that
/// is no single count, or that would round to 0.
pub fn out_of(finding: Rate, per: u32) -> Option<Rate> {
    let (count, its_per) = match finding {
        Rate::About { count, per, .. } | Rate::AtMost { count, per, .. } => (count, per),
        _ => return None,
    };
    let count = rounded(count, its_per, per).filter(|count| *count > 0)?;
    let of = finding.of();
    Some(if matches!(finding, Rate::AtMost { .. }) {
        Rate::AtMost { count, per, of }
    } else {
        Rate::About { count, per, of }
    })
}

/// A study's count out of every `per`, rounded; 0 where it saw none.
fn rescaled(finding: Rate, per: u32) -> Option<u32> {
    match finding {
        Rate::AtMost { .. } => Some(0),
        Rate::About {
            count,
            per: its_per,
            ..
        } => rounded(count, its_per, per),
        _ => None,
    }
}

/// `count` out of every `its_per` as a whole number out of every `per`, to the nearest; `None`
/// where `its_per` is 0 or the result does not fit.
fn rounded(count: u32, its_per: u32, per: u32) -> Option<u32> {
    let scaled = (u64::from(count) * u64::from(per) + u64::from(its_per) / 2)
        .checked_div(u64::from(its_per))?;
    u32::try_from(scaled).ok()
}

/// Puts what studies counted into words: "about 3 to 6 out of every 100 treatments", "none to
/// about 10 out of every 10,000 treatments", or one count as a study's own "about 3 …".
pub fn format_counts(counts: StudyCounts, words: &RateWords) -> String {
    let StudyCounts { low, high, per, of } = counts;
    let pattern = match (low, high) {
        (0, _) => &words.counts_none_to,
        (low, high) if low == high => &words.about,
        _ => &words.counts_between,
    };
    fill(pattern, low, high, per, of, words)
}

/// Why a rate makes no sense, if it does not.
pub fn problem(rate: Rate) -> Option<String> {
    match rate {
        Rate::Range { low, high, .. } if low > high => {
            Some(format!("low ({low}) is more than high ({high})"))
        }
        Rate::Range { high, .. } if high > PER => Some(format!("high ({high}) is more than {PER}")),
        Rate::FewerThan { value, .. } if value == 0 || value > PER => {
            Some(format!("value ({value}) must be from 1 to {PER}"))
        }
        Rate::Range { high: 0, .. } => Some(format!(
            "a range of 0 to 0 out of every {PER} says it never happens: leave the rate out"
        )),
        Rate::Range { low, high, .. } if low == high => Some(format!(
            "low and high are both {low}: a range needs two numbers; write one number as \
             About(count: {low}, per: {PER}, of: ...)"
        )),
        Rate::Range { low: 0, high, .. } if high == PER => Some(format!(
            "a range of 0 to {PER} out of every {PER} says only that it may or may not happen: \
             leave the rate out"
        )),
        Rate::OneIn { n: 0, .. } | Rate::FewerThanOneIn { n: 0, .. } => {
            Some("n must be at least 1".to_owned())
        }
        Rate::About { count, per, .. } | Rate::AtMost { count, per, .. }
            if per == 0 || count > per =>
        {
            Some(format!("{count} out of every {per} makes no sense"))
        }
        Rate::Counted { per: 0, .. } => Some("per must be at least 1".to_owned()),
        Rate::Range {
            of: Denominator::Unstated,
            ..
        }
        | Rate::FewerThan {
            of: Denominator::Unstated,
            ..
        } => Some(format!(
            "a rate out of every {PER} must say what it counts (Treatments or Patients)"
        )),
        _ => None,
    }
}

/// "10000" → "10,000" (or "10.000", with the language's separator), from 1,000 up, so numbers
/// side by side on a chart are all written the same way.
pub fn group_digits(value: u32, separator: &str) -> String {
    let digits = value.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push_str(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// The numbers in `text` as a reader reads them: runs of digits, with `separator` between
/// groups of three ("200,000" is one number).
pub fn numbers_in(text: &str, separator: &str) -> Vec<u64> {
    let mut numbers = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        rest = &rest[start..];
        let digits = |text: &str| {
            text.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(text.len())
        };
        let mut end = digits(rest);
        let mut number: String = rest[..end].to_owned();
        // A separator joins only a group of exactly three digits.
        while !separator.is_empty()
            && let Some(after) = rest[end..].strip_prefix(separator)
            && digits(after) == 3
        {
            number.push_str(&after[..3]);
            end += separator.len() + 3;
        }
        numbers.push(number.parse().unwrap_or(u64::MAX));
        rest = &rest[end..];
    }
    numbers
}

/// Known numbers that each pattern of [`RateWords`] is tried with: none is 100 or 1, the
/// numbers a pattern may write itself ("out of every 100", "1 in"), and the larger ones are
/// grouped in both languages.
const LOW: u32 = 37;
const HIGH: u32 = 48;
const LARGE: u32 = 234_567;

/// Where a number pattern changes the numbers it is given ("out of every 1000", "{high} to
/// {low}", a digit between groups of three): each pattern is put into words with known numbers,
/// and the numbers read back must be those, in that order, with "100" once where the pattern
/// is out of every 100, and "1" before the n of "1 in n" (or as a word). Each problem is the
/// field's name and the message.
pub fn wording_problems(words: &RateWords) -> Vec<(&'static str, String)> {
    let separator = &words.thousands_separator;
    if separator.chars().any(char::is_numeric) {
        return vec![(
            "thousands_separator",
            format!(
                "'thousands_separator' is a digit (\"{separator}\"): 200000 would read as {}",
                group_digits(200_000, separator)
            ),
        )];
    }
    use Denominator::{Treatments, Unstated};
    let tries = [
        (
            "range",
            Rate::Range {
                low: LOW,
                high: HIGH,
                of: Treatments,
            },
            vec![LOW, HIGH],
            Some(PER),
        ),
        (
            "fewer_than",
            Rate::FewerThan {
                value: LOW,
                of: Treatments,
            },
            vec![LOW],
            Some(PER),
        ),
        (
            "one_in",
            Rate::OneIn {
                n: LARGE,
                of: Treatments,
            },
            vec![LARGE],
            Some(1),
        ),
        (
            "fewer_than_one_in",
            Rate::FewerThanOneIn {
                n: LARGE,
                of: Treatments,
            },
            vec![LARGE],
            Some(1),
        ),
        (
            "one_in_unstated",
            Rate::OneIn {
                n: LARGE,
                of: Unstated,
            },
            vec![LARGE],
            Some(1),
        ),
        (
            "fewer_than_one_in_unstated",
            Rate::FewerThanOneIn {
                n: LARGE,
                of: Unstated,
            },
            vec![LARGE],
            Some(1),
        ),
        (
            "about",
            Rate::About {
                count: LOW,
                per: LARGE,
                of: Treatments,
            },
            vec![LOW, LARGE],
            None,
        ),
        (
            "at_most",
            Rate::AtMost {
                count: LOW,
                per: LARGE,
                of: Treatments,
            },
            vec![LOW, LARGE],
            None,
        ),
        (
            "counted",
            Rate::Counted {
                count: LOW,
                per: LARGE,
                of: Treatments,
            },
            vec![LOW, LARGE],
            None,
        ),
    ];
    let counts = |low, high| StudyCounts {
        low,
        high,
        per: LARGE,
        of: Treatments,
    };
    let mut said: Vec<_> = tries
        .into_iter()
        .map(|(field, rate, given, fixed)| (field, format(rate, words), given, fixed))
        .collect();
    said.push((
        "counts_between",
        format_counts(counts(LOW, HIGH), words),
        vec![LOW, HIGH, LARGE],
        None,
    ));
    said.push((
        "counts_none_to",
        format_counts(counts(0, HIGH), words),
        vec![HIGH, LARGE],
        None,
    ));
    let mut problems = Vec::new();
    for (field, said, given, fixed) in said {
        if let Some(why) = numbers_changed(&said, separator, &given, fixed) {
            problems.push((field, format!("'{field}' {why}")));
        }
    }
    problems
}

/// Why `said`, words for the numbers `given` (and the pattern's own `fixed` number: 100 once,
/// anywhere, or 1 first if written as a digit), reads as other numbers, if it does.
pub fn numbers_changed(
    said: &str,
    separator: &str,
    given: &[u32],
    fixed: Option<u32>,
) -> Option<String> {
    let mut read = numbers_in(said, separator);
    let mut fixed_ok = true;
    match fixed {
        Some(PER) => {
            fixed_ok = read.iter().filter(|&&n| n == u64::from(PER)).count() == 1;
            read.retain(|&n| n != u64::from(PER));
        }
        Some(one) if read.first() == Some(&u64::from(one)) && read.len() > given.len() => {
            read.remove(0);
        }
        _ => {}
    }
    let given_numbers: Vec<u64> = given.iter().map(|&n| u64::from(n)).collect();
    let other_digits = said.chars().any(|c| c.is_numeric() && !c.is_ascii_digit());
    if fixed_ok && read == given_numbers && !other_digits {
        return None;
    }
    let given: Vec<String> = given.iter().map(ToString::to_string).collect();
    let out_of = match fixed {
        Some(PER) => " out of every 100",
        _ => "",
    };
    Some(format!(
        "changes the numbers it is given: {}{out_of}, in that order, come out as \"{said}\"",
        given.join(" and ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> RateWords {
        RateWords {
            range: "{low} to {high} out of every 100 {of}".into(),
            fewer_than: "fewer than {value} out of every 100 {of}".into(),
            one_in: "1 in every {n} {of}".into(),
            fewer_than_one_in: "fewer than 1 in every {n} {of}".into(),
            one_in_unstated: "1 in {n}".into(),
            fewer_than_one_in_unstated: "fewer than 1 in {n}".into(),
            about: "about {count} out of every {per} {of}".into(),
            at_most: "none seen (at most {count} out of every {per} {of})".into(),
            counted: "about {count} side effects for every {per} {of}".into(),
            treatments: "treatments".into(),
            patients: "patients".into(),
            thousands_separator: ",".into(),
            group_from: 4,
            said_by: ", says {source}".into(),
            counts_between: "about {low} to {high} out of every {per} {of}".into(),
            counts_none_to: "none to about {high} out of every {per} {of}".into(),
            in_studies: "; studies counted {counts}".into(),
            unstated_note: String::new(),
        }
    }

    #[test]
    fn studies_are_put_out_of_the_same_whole_as_the_rate_beside_them() {
        let words = english();
        let sheet = Rate::Range {
            low: 60,
            high: 70,
            of: Denominator::Treatments,
        };
        let about = |count, per| Rate::About {
            count,
            per,
            of: Denominator::Treatments,
        };
        let counts = StudyCounts::new(sheet, &[about(30, 1000), about(59, 1000)]).unwrap();
        assert_eq!((counts.low, counts.high, counts.per), (3, 6, 100));
        assert_eq!(
            format_counts(counts, &words),
            "about 3 to 6 out of every 100 treatments"
        );
        // A study that saw none starts the span at none, out of the sheet's 1 in 10,000.
        let rare = Rate::FewerThanOneIn {
            n: 10_000,
            of: Denominator::Treatments,
        };
        let none = Rate::AtMost {
            count: 4,
            per: 10_000,
            of: Denominator::Treatments,
        };
        let counts = StudyCounts::new(rare, &[none, about(1, 1000)]).unwrap();
        assert_eq!(
            format_counts(counts, &words),
            "none to about 10 out of every 10,000 treatments"
        );
        // One study alone is told as its own count.
        let one = StudyCounts::new(sheet, &[about(30, 1000)]).unwrap();
        assert_eq!(
            format_counts(one, &words),
            "about 3 out of every 100 treatments"
        );
        assert_eq!(StudyCounts::new(sheet, &[]), None);
    }

    #[test]
    fn a_finding_is_put_out_of_the_whole_of_the_rate_it_stands_under() {
        let treatments = Denominator::Treatments;
        let about = |count, per| Rate::About {
            count,
            per,
            of: treatments,
        };
        assert_eq!(out_of(about(30, 1000), 100), Some(about(3, 100)));
        assert_eq!(out_of(about(59, 1000), 100), Some(about(6, 100)));
        assert_eq!(out_of(about(1, 1000), 10_000), Some(about(10, 10_000)));
        let none_seen = Rate::AtMost {
            count: 4,
            per: 10_000,
            of: treatments,
        };
        assert_eq!(out_of(none_seen, 10_000), Some(none_seen));
        // Too rare to say out of every 100, or no single count: left as it is found.
        assert_eq!(out_of(about(1, 1000), 100), None);
        let together = Rate::Counted {
            count: 192,
            per: 1000,
            of: treatments,
        };
        assert_eq!(out_of(together, 100), None);
    }

    #[test]
    fn a_study_that_cannot_stand_beside_a_rate_says_why() {
        let sheet = Rate::Range {
            low: 60,
            high: 70,
            of: Denominator::Treatments,
        };
        let of_patients = Rate::About {
            count: 3,
            per: 100,
            of: Denominator::Patients,
        };
        assert!(
            StudyCounts::problem(sheet, of_patients)
                .unwrap()
                .contains("counts something else")
        );
        let too_rare = Rate::About {
            count: 1,
            per: 1000,
            of: Denominator::Treatments,
        };
        assert!(
            StudyCounts::problem(sheet, too_rare)
                .unwrap()
                .contains("rounds to 0")
        );
        let all_together = Rate::Counted {
            count: 192,
            per: 1000,
            of: Denominator::Treatments,
        };
        assert!(StudyCounts::problem(sheet, all_together).is_some());
        let fine = Rate::About {
            count: 59,
            per: 1000,
            of: Denominator::Treatments,
        };
        assert_eq!(StudyCounts::problem(sheet, fine), None);
    }

    #[test]
    fn side_effects_counted_together_say_they_count_side_effects() {
        let words = english();
        let rate = Rate::Counted {
            count: 192,
            per: 1000,
            of: Denominator::Treatments,
        };
        assert_eq!(
            format(rate, &words),
            "about 192 side effects for every 1,000 treatments"
        );
        assert_eq!(
            problem(rate),
            None,
            "more side effects than treatments is possible"
        );
        let per_nothing = Rate::Counted {
            count: 1,
            per: 0,
            of: Denominator::Treatments,
        };
        assert!(problem(per_nothing).is_some());
    }

    #[test]
    fn study_counts_keep_their_own_denominator() {
        use Denominator::Treatments;
        let words = english();
        assert_eq!(
            format(
                Rate::About {
                    count: 76,
                    per: 1000,
                    of: Treatments
                },
                &words
            ),
            "about 76 out of every 1,000 treatments"
        );
        assert_eq!(
            format(
                Rate::AtMost {
                    count: 4,
                    per: 10_000,
                    of: Treatments
                },
                &words
            ),
            "none seen (at most 4 out of every 10,000 treatments)"
        );
        assert!(
            problem(Rate::About {
                count: 5,
                per: 4,
                of: Treatments
            })
            .is_some()
        );
    }

    #[test]
    fn spanish_groups_only_numbers_of_five_digits_or_more() {
        let words = RateWords {
            thousands_separator: "\u{a0}".into(),
            group_from: 5,
            one_in_unstated: "1 de cada {n}".into(),
            ..english()
        };
        let one_in = |n| {
            format(
                Rate::OneIn {
                    n,
                    of: Denominator::Unstated,
                },
                &words,
            )
        };
        assert_eq!(one_in(1000), "1 de cada 1000");
        assert_eq!(one_in(10_000), "1 de cada 10\u{a0}000");
        assert_eq!(one_in(200_000), "1 de cada 200\u{a0}000");
    }

    #[test]
    fn a_range_of_nothing_is_a_problem() {
        assert!(
            problem(Rate::Range {
                low: 0,
                high: 0,
                of: Denominator::Treatments
            })
            .is_some()
        );
    }

    #[test]
    fn every_kind_of_rate_keeps_its_denominator() {
        use Denominator::{Patients, Treatments, Unstated};
        let cases = [
            (
                Rate::Range {
                    low: 15,
                    high: 20,
                    of: Treatments,
                },
                "15 to 20 out of every 100 treatments",
            ),
            (
                Rate::Range {
                    low: 1,
                    high: 3,
                    of: Patients,
                },
                "1 to 3 out of every 100 patients",
            ),
            (
                Rate::FewerThan {
                    value: 3,
                    of: Patients,
                },
                "fewer than 3 out of every 100 patients",
            ),
            (
                Rate::FewerThanOneIn {
                    n: 10_000,
                    of: Treatments,
                },
                "fewer than 1 in every 10,000 treatments",
            ),
            (
                Rate::OneIn {
                    n: 200_000,
                    of: Unstated,
                },
                "1 in 200,000",
            ),
            (
                Rate::OneIn {
                    n: 50,
                    of: Patients,
                },
                "1 in every 50 patients",
            ),
            (
                Rate::FewerThanOneIn {
                    n: 10_000,
                    of: Unstated,
                },
                "fewer than 1 in 10,000",
            ),
        ];
        for (rate, expected) in cases {
            assert_eq!(format(rate, &english()), expected);
        }
    }

    #[test]
    fn digits_are_grouped_in_threes() {
        assert_eq!(group_digits(0, ","), "0");
        assert_eq!(group_digits(999, ","), "999");
        assert_eq!(group_digits(1_000, ","), "1,000");
        assert_eq!(group_digits(9_999, ","), "9,999");
        assert_eq!(group_digits(10_000, ","), "10,000");
        assert_eq!(group_digits(200_000, "."), "200.000");
        assert_eq!(group_digits(1_000_000, " "), "1 000 000");
        assert_eq!(group_digits(u32::MAX, ","), "4,294,967,295");
    }

    #[test]
    fn nonsense_rates_are_caught() {
        let treatments = Denominator::Treatments;
        assert!(
            problem(Rate::Range {
                low: 20,
                high: 15,
                of: treatments
            })
            .is_some()
        );
        assert!(
            problem(Rate::Range {
                low: 5,
                high: 101,
                of: treatments
            })
            .is_some()
        );
        assert!(
            problem(Rate::FewerThan {
                value: 0,
                of: treatments
            })
            .is_some()
        );
        assert!(
            problem(Rate::OneIn {
                n: 0,
                of: treatments
            })
            .is_some()
        );
        assert!(
            problem(Rate::Range {
                low: 1,
                high: 3,
                of: Denominator::Unstated
            })
            .is_some()
        );
        assert_eq!(
            problem(Rate::Range {
                low: 0,
                high: 5,
                of: treatments
            }),
            None
        );
        // Never to always, and one number as a range, say nothing a patient can use.
        for (low, high) in [(0, 100), (15, 15)] {
            assert!(
                problem(Rate::Range {
                    low,
                    high,
                    of: treatments
                })
                .is_some()
            );
        }
        assert_eq!(
            problem(Rate::OneIn {
                n: 200_000,
                of: Denominator::Unstated
            }),
            None
        );
    }
}
