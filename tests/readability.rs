//! The patient text is easy to read, over the whole guide and on each screen: the English reads
//! at about a 6th-grade level (a Flesch-Kincaid grade of 8 or below), and the Spanish is "easy"
//! on the Fernández-Huerta scale (a reading ease of 70 or above).

mod support;

use needle_guide::content::Library;
use needle_guide::document::{Document, guide_text, joined};
use needle_guide::route::Route;

/// The most any text may score.
const MAX_GRADE: f64 = 8.0;

/// A line that ends without a full stop and has fewer words than this is a title, heading or
/// name ("Key points", "## Pain", "- Sciatica"), not a sentence.
const MIN_UNIT_WORDS: usize = 4;

/// Every page has at least this many counted words, so an empty page cannot pass.
const MIN_PAGE_WORDS: usize = 50;

/// And its lead, the page's own opening words, at least this many: a condition page without its
/// text still has its region, other names, advice and neighbours (up to 60 words).
const MIN_LEAD_WORDS: usize = 8;

#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Counts {
    words: usize,
    sentences: usize,
    syllables: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.syllables += other.syllables;
    }

    /// Flesch-Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    fn grade(&self) -> f64 {
        0.39 * self.words as f64 / self.sentences.max(1) as f64
            + 11.8 * self.syllables as f64 / self.words.max(1) as f64
            - 15.59
    }
}

fn grade(text: &str) -> f64 {
    count(text).grade()
}

/// Whether a word ends a sentence: only `.`, `!` and `?` do, before any closing quote or bracket.
/// Spanish `¿` and `¡` open a sentence and end nothing.
fn ends_sentence(token: &str) -> bool {
    token
        .trim_end_matches(['"', '\'', ')', ']', '\u{201d}', '\u{2019}'])
        .ends_with(['.', '!', '?', '\u{2026}'])
}

/// Counts words, syllables and sentences the way a reader meets them on the screen:
///
/// - A sentence ends at `.`, `!` or `?`, not at a colon (`needle-guide text` gives each
///   paragraph, item and heading a line of its own, and never wraps one).
/// - A line that ends with `:`, `,` or `;` is a lead-in or a label ("Dry needling is used to:",
///   "Based on:"): it runs on into the next line, as it is read ("Based on: Modern science.").
/// - A line that ends without punctuation is a title, heading, name or list item. With at least
///   `MIN_UNIT_WORDS` words, or after a lead-in, it is read as one unit and counts as a sentence
///   ("- Pain during treatment: 60 to 70 out of every 100 treatments"). A shorter one is a
///   heading or name and is left out: counted as a sentence it would lower the words per
///   sentence the grade rests on, and joined to the next sentence it would raise them.
fn count(text: &str) -> Counts {
    count_with(text, syllables)
}

/// Counts as `count` does, with the syllables of a given language.
fn count_with(text: &str, syllables: fn(&str) -> usize) -> Counts {
    let mut total = Counts::default();
    // The words of a sentence that a lead-in or label carries to the next line.
    let mut open = Counts::default();
    fn close(open: &mut Counts, total: &mut Counts) {
        open.sentences = 1;
        total.add(std::mem::take(open));
    }
    for line in text.lines() {
        for token in line.split_whitespace() {
            let word: String = token
                .chars()
                .filter(|c| c.is_alphabetic() || *c == '\'')
                .collect();
            if !word.chars().any(char::is_alphabetic) {
                continue;
            }
            open.words += 1;
            open.syllables += syllables(&word);
            if ends_sentence(token) {
                close(&mut open, &mut total);
            }
        }
        let line = line.trim_end();
        if open.words == 0 || line.ends_with([':', ',', ';']) {
            continue;
        }
        // The line ends without a full stop.
        let since_last_stop = line
            .split_whitespace()
            .rev()
            .take_while(|token| !ends_sentence(token))
            .filter(|token| token.chars().any(char::is_alphabetic))
            .count();
        let led_in = open.words > since_last_stop;
        if since_last_stop >= MIN_UNIT_WORDS || led_in {
            close(&mut open, &mut total);
        } else {
            open = Counts::default();
        }
    }
    if open.words > 0 {
        close(&mut open, &mut total);
    }
    total
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
fn sentences_end_only_at_full_stops_and_headings_are_left_out() {
    let counts = |text| {
        let Counts {
            words, sentences, ..
        } = count(text);
        (words, sentences)
    };
    // A short heading is not a sentence; a colon ends none.
    assert_eq!(counts("## Pain\nDark people: it happens."), (4, 1));
    assert_eq!(
        counts("Key points\n==========\nHere it is. And here!"),
        (5, 2)
    );
    // A lead-in runs on into the first item.
    assert_eq!(
        counts("Dry needling is used to:\n- Loosen tight muscles.\n- Calm pain signals."),
        (11, 2)
    );
    assert_eq!(counts("Based on:\n  Dry needling: Modern science."), (6, 1));
    // A label and a short name read as one; a short name alone is left out.
    assert_eq!(
        counts("Whole body:\n- Fibromyalgia\n- Osteoarthritis"),
        (3, 1)
    );
    // An unpunctuated item of some length is read as a sentence.
    assert_eq!(
        counts("- Pain during treatment: 60 to 70 out of every 100 treatments"),
        (8, 1)
    );
    // Each unpunctuated item of some length is a sentence of its own.
    assert_eq!(
        counts("- Pain during the treatment\n- Bleeding or a bruise after it"),
        (10, 2)
    );
    // Questions and exclamations end sentences; Spanish openers do not.
    assert_eq!(counts("¿Le duele? ¡Llame ya! Hoy."), (5, 3));
    // A step's number is not a word, and ends nothing.
    assert_eq!(counts("1. Call us now.\n2. Tell them when."), (6, 2));
    assert_eq!(counts(""), (0, 0));
}

#[test]
fn the_whole_english_guide_reads_at_grade_8_or_below() {
    let library = support::library();
    let counts = count(&guide_text(&library));
    let grade = counts.grade();
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
    let routes = routes(&library);
    let mut problems = Vec::new();
    for route in routes {
        let document = Document::for_route(&library, &route).unwrap();
        let counts = count(&document.plain_text());
        let grade = counts.grade();
        println!(
            "{route}: grade {grade:.1}, {} words, {} sentences",
            counts.words, counts.sentences
        );
        if let Some(short) = too_short(&document) {
            problems.push(format!("{route}: {short}"));
        }
        if grade > MAX_GRADE {
            problems.push(format!("{route}: grade {grade:.1} is above {MAX_GRADE}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every page, and every condition's page.
fn routes(library: &Library) -> Vec<Route> {
    support::pages()
        .into_iter()
        .map(Route::Page)
        .chain(
            library
                .conditions()
                .map(|(_, c)| Route::Condition(c.id.as_str().into())),
        )
        .collect()
}

/// Why a page has too few words to judge, if it has.
fn too_short(document: &Document) -> Option<String> {
    let words = count(&document.plain_text()).words;
    let lead = count(&joined(&document.lead)).words;
    if words < MIN_PAGE_WORDS {
        Some(format!("{words} words, fewer than {MIN_PAGE_WORDS}"))
    } else if lead < MIN_LEAD_WORDS {
        Some(format!(
            "a lead of {lead} words, fewer than {MIN_LEAD_WORDS}"
        ))
    } else {
        None
    }
}

/// A page emptied of its own words, or a condition without its text, is too short to pass.
#[test]
fn a_page_without_its_own_words_is_too_short() {
    let mut library = (*support::library()).clone();
    for page in &mut library.pages {
        page.lead.clear();
        page.sections.clear();
    }
    for region in &mut library.regions {
        for condition in &mut region.conditions {
            condition.text.clear();
        }
    }
    let routes = routes(&library);
    for route in routes {
        let document = Document::for_route(&library, &route).unwrap();
        assert!(
            too_short(&document).is_some(),
            "{route} passes without its own words:\n{}",
            document.plain_text()
        );
    }
}

// Spanish.

/// The least Fernández-Huerta reading ease any Spanish text may score: from 70 up the scale calls
/// a text "easy" (about a 6th-grade reader).
const MIN_EASE: f64 = 70.0;

impl Counts {
    /// Fernández-Huerta reading ease, in the form
    /// 206.84 − 0.60 × syllables per 100 words − 1.02 × words per sentence.
    ///
    /// The form usually quoted subtracts 1.02 × *sentences* per 100 words instead. Taken at its
    /// word, that scores a text as harder the more sentences it is cut into, so splitting a long
    /// sentence in two would lower the score. The formula is Flesch's reading ease refitted to
    /// Spanish (Flesch: 206.835 − 0.846 × syllables per 100 words − 1.015 × words per sentence),
    /// and its 1.02 is Flesch's sentence weight; with words per sentence, it rewards the short
    /// sentences the design asks for, as Flesch's does.
    fn ease(&self) -> f64 {
        let words = self.words.max(1) as f64;
        206.84
            - 0.60 * 100.0 * self.syllables as f64 / words
            - 1.02 * words / self.sentences.max(1) as f64
    }
}

fn spanish_count(text: &str) -> Counts {
    count_with(text, spanish_syllables)
}

fn ease(text: &str) -> f64 {
    spanish_count(text).ease()
}

/// How a Spanish vowel counts in a syllable.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Vowel {
    /// a, e, o, accented or not.
    Strong,
    /// i, u, ü, and a y that is not before a vowel ("muy", "y"); the letter is the sound.
    Weak(char),
    /// í, ú: a weak vowel with the stress, which does not join a strong one ("día", "país").
    Stressed,
}

/// Spanish syllables, from the spelling. Each group of vowels is one syllable (a diphthong or
/// triphthong: "a-gua", "ciu-dad", "buey"), except that two strong vowels are two ("po-e-ta",
/// "le-er"), an accented í or ú beside a strong vowel is a syllable of its own ("dí-a", "pa-ís"),
/// and two of the same weak vowel are two ("chi-i-ta"). The u of "qu", and of "gu" before e or i,
/// is silent ("que-so", "gue-rra"); a ü is not ("pin-güi-no"). (Read as a weak vowel, that u
/// would join the next one and give the same count; it is left out because it is not said.)
/// At least one.
fn spanish_syllables(word: &str) -> usize {
    let letters: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let is_vowel_letter = |c: char| "aeiouáéíóúü".contains(c);
    let vowel = |at: usize| -> Option<Vowel> {
        let before = at.checked_sub(1).map(|i| letters[i]);
        let after = letters.get(at + 1).copied();
        match letters[at] {
            'a' | 'e' | 'o' | 'á' | 'é' | 'ó' => Some(Vowel::Strong),
            'í' | 'ú' => Some(Vowel::Stressed),
            'u' if before == Some('q') => None,
            'u' if before == Some('g') && matches!(after, Some('e' | 'i' | 'é' | 'í')) => None,
            'u' | 'ü' => Some(Vowel::Weak('u')),
            'i' => Some(Vowel::Weak('i')),
            'y' if !after.is_some_and(is_vowel_letter) => Some(Vowel::Weak('i')),
            _ => None,
        }
    };
    let mut count = 0;
    // The vowel just before, if the letter before was one, and whether its syllable has a strong
    // (or stressed) vowel already.
    let mut previous: Option<Vowel> = None;
    let mut has_strong = false;
    for at in 0..letters.len() {
        let Some(current) = vowel(at) else {
            previous = None;
            continue;
        };
        let starts_syllable = match (previous, current) {
            (None, _) => true,
            (Some(before), Vowel::Strong) => has_strong || before == Vowel::Stressed,
            (Some(_), Vowel::Stressed) => has_strong,
            (Some(before), Vowel::Weak(_)) => before == current,
        };
        if starts_syllable {
            count += 1;
            has_strong = false;
        }
        has_strong |= matches!(current, Vowel::Strong | Vowel::Stressed);
        previous = Some(current);
    }
    count.max(1)
}

fn spanish() -> Library {
    Library::embedded("es").unwrap_or_else(|problems| panic!("{problems}"))
}

#[test]
fn spanish_syllable_counts_of_known_words() {
    for (word, expected) in [
        ("punción", 2),
        ("fisioterapeuta", 6),
        ("día", 2),
        ("agua", 2),
        ("queso", 2),
        ("guerra", 2),
        ("seguir", 2),
        ("aguja", 3),
        ("pingüino", 3),
        ("país", 2),
        ("poeta", 3),
        ("leer", 2),
        ("creía", 3),
        ("ciudad", 2),
        ("buey", 1),
        ("muy", 1),
        ("y", 1),
        ("ayuda", 3),
        ("también", 2),
        ("neumotórax", 4),
        ("Qi", 1),
        ("Uruguay", 3),
        ("Músculo", 3),
    ] {
        assert_eq!(spanish_syllables(word), expected, "{word}");
    }
}

#[test]
fn spanish_ease_of_known_texts() {
    let easy = "Mi mamá me ama. El gato come pan.";
    assert!(ease(easy) > 90.0, "{}", ease(easy));
    let hard = "La rehabilitación musculoesquelética interdisciplinaria necesita incorporar \
                procedimientos neuromusculares especializados y facilitación propioceptiva.";
    assert!(ease(hard) < 20.0, "{}", ease(hard));
    // Cutting a sentence in two makes the text easier, never harder.
    let long = "Puede sentir dolor mientras las agujas están puestas y el dolor se quita pronto.";
    let cut = "Puede sentir dolor mientras las agujas están puestas. El dolor se quita pronto.";
    assert!(ease(cut) > ease(long), "{} {}", ease(cut), ease(long));
    // The sentence rules are the same as in English: a short heading is left out, ¿ ends nothing.
    let Counts {
        words,
        sentences,
        syllables,
    } = spanish_count("## Dolor\n¿Le duele? Llame a su clínica.");
    assert_eq!((words, sentences, syllables), (6, 2, 10));
}

#[test]
fn the_whole_spanish_guide_is_easy_to_read() {
    let counts = spanish_count(&guide_text(&spanish()));
    let ease = counts.ease();
    eprintln!(
        "Fernández-Huerta reading ease {ease:.1} over the whole Spanish guide: {} words, \
         {:.1} words per sentence, {:.1} syllables per 100 words",
        counts.words,
        counts.words as f64 / counts.sentences as f64,
        100.0 * counts.syllables as f64 / counts.words as f64
    );
    assert!(
        counts.words > 2000,
        "too little text to judge: {} words",
        counts.words
    );
    assert!(
        ease >= MIN_EASE,
        "reading ease {ease:.1} is below {MIN_EASE}"
    );
}

#[test]
fn every_spanish_page_is_easy_to_read() {
    let library = spanish();
    let mut scores = Vec::new();
    let mut problems = Vec::new();
    for route in routes(&library) {
        let document = Document::for_route(&library, &route).unwrap();
        let counts = spanish_count(&document.plain_text());
        if let Some(short) = too_short(&document) {
            problems.push(format!("{route}: {short}"));
        }
        scores.push((counts.ease(), route, counts));
    }
    scores.sort_by(|a, b| a.0.total_cmp(&b.0));
    eprintln!("The least easy Spanish pages (Fernández-Huerta reading ease):");
    for (ease, route, counts) in scores.iter().take(5) {
        eprintln!(
            "  {route}: {ease:.1}, {} words, {:.1} words per sentence, {:.1} syllables per 100 \
             words",
            counts.words,
            counts.words as f64 / counts.sentences.max(1) as f64,
            100.0 * counts.syllables as f64 / counts.words.max(1) as f64
        );
    }
    for (ease, route, _) in &scores {
        if *ease < MIN_EASE {
            problems.push(format!(
                "{route}: reading ease {ease:.1} is below {MIN_EASE}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
