//! The English patient text reads at about a 6th-grade level: its Flesch-Kincaid grade is 8 or
//! below, over the whole guide and on each screen.

mod support;

use needle_guide::document::{Document, guide_text};
use needle_guide::route::{PageId, Route};

/// The most any text may score.
const MAX_GRADE: f64 = 8.0;

struct Counts {
    words: usize,
    sentences: usize,
    syllables: usize,
}

/// Flesch-Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
fn grade(text: &str) -> f64 {
    let counts = count(text);
    0.39 * counts.words as f64 / counts.sentences.max(1) as f64
        + 11.8 * counts.syllables as f64 / counts.words.max(1) as f64
        - 15.59
}

/// Each line is a sentence or more: headings and list items end a sentence even without a full
/// stop, as a reader takes them in.
fn count(text: &str) -> Counts {
    let mut counts = Counts {
        words: 0,
        sentences: 0,
        syllables: 0,
    };
    for line in text.lines() {
        let mut in_sentence = false;
        for token in line.split_whitespace() {
            let word: String = token
                .chars()
                .filter(|c| c.is_alphabetic() || *c == '\'')
                .collect();
            if !word.chars().any(char::is_alphabetic) {
                continue;
            }
            counts.words += 1;
            counts.syllables += syllables(&word);
            in_sentence = true;
            if token.ends_with(['.', '!', '?', ':']) || token.ends_with(".\"") {
                counts.sentences += 1;
                in_sentence = false;
            }
        }
        if in_sentence {
            counts.sentences += 1;
        }
    }
    counts
}

/// Syllables by vowel groups, less a silent final "e" (but not in "-le"), at least one.
fn syllables(word: &str) -> usize {
    let word = word.to_lowercase();
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let is_vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut previous_vowel = false;
    for &c in &letters {
        let vowel = is_vowel(c);
        if vowel && !previous_vowel {
            groups += 1;
        }
        previous_vowel = vowel;
    }
    let n = letters.len();
    if n > 2
        && letters[n - 1] == 'e'
        && !is_vowel(letters[n - 2])
        && letters[n - 2] != 'l'
        && groups > 1
    {
        groups -= 1;
    }
    groups.max(1)
}

#[test]
fn syllable_counts_of_known_words() {
    for (word, expected) in [
        ("cat", 1),
        ("needle", 2),
        ("make", 1),
        ("treatment", 2),
        ("every", 3),
        ("pneumothorax", 4),
        ("the", 1),
    ] {
        assert_eq!(syllables(word), expected, "{word}");
    }
}

#[test]
fn grade_of_known_texts() {
    assert!(grade("The cat sat on the mat.") < 0.0);
    let hard = "Musculoskeletal dysfunction necessitates comprehensive interdisciplinary rehabilitation \
                programmes incorporating neuromuscular re-education and proprioceptive facilitation.";
    assert!(grade(hard) > 16.0, "{}", grade(hard));
}

#[test]
fn the_whole_english_guide_reads_at_grade_8_or_below() {
    let library = support::library();
    let text = guide_text(&library);
    let grade = grade(&text);
    let counts = count(&text);
    println!(
        "Flesch-Kincaid grade {grade:.1} over {} words, {:.1} words per sentence",
        counts.words,
        counts.words as f64 / counts.sentences as f64
    );
    assert!(
        counts.words > 2000,
        "too little text to judge: {} words",
        counts.words
    );
    assert!(grade <= MAX_GRADE, "grade {grade:.1} is above {MAX_GRADE}");
}

#[test]
fn every_page_reads_at_grade_8_or_below() {
    let library = support::library();
    let routes = PageId::ALL.into_iter().map(Route::Page).chain(
        library
            .conditions()
            .map(|(_, c)| Route::Condition(c.id.as_str().into())),
    );
    for route in routes {
        let text = Document::for_route(&library, &route).unwrap().plain_text();
        let grade = grade(&text);
        assert!(
            grade <= MAX_GRADE,
            "{route}: grade {grade:.1} is above {MAX_GRADE}"
        );
    }
}
