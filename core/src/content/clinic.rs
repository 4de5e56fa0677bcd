//! Reading `clinic.ron` field by field. Each clinic edits this file by hand, and one mistake in it
//! must not throw the rest away: a field that cannot be used is named with its line and left out
//! (empty, so the guide says what it says for a blank clinic), and the other fields are kept. A
//! staff PIN that cannot be read is never dropped in silence: the kiosk will not start
//! (`check::ready`).

use std::fmt;

use ron::value::RawValue;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::check;
use super::model::{Answers, Clinic, LeftOut, Paper, Switch};
use super::parse::{line_and_column, parse_message};
use super::problem::{Problem, without_controls};

/// The fields of `clinic.ron`, and the old name one of them still answers to. `es` holds the
/// clinic's own words in Spanish (see [`TRANSLATED`]).
const FIELDS: [&str; 13] = [
    "name",
    "phone",
    "after_hours_phone",
    "urgent_phone",
    "web",
    "staff_pin",
    "emergency_number",
    "reviewed",
    "answers",
    "read_aloud",
    "paper",
    "insights",
    "es",
];

/// The fields in the clinic's own words, which a Spanish reader must read in Spanish: given again
/// under `es: (...)`. The rest (name, numbers, web address) are the same in every language.
const TRANSLATED: [&str; 2] = ["answers", "reviewed"];

const ANSWERS: [&str; 7] = [
    "sessions", "feel", "needles", "training", "options", "cost", "lungs",
];

/// Reads `text`, the file `file`, for readers of `locale`. An error only where the file as a
/// whole is not a `Clinic(...)` of RON; a field that cannot be used is in the clinic's `left_out`.
pub(super) fn read(file: &str, text: &str, locale: &str) -> ron::error::SpannedResult<Clinic> {
    let written = ron::Options::default().from_str_seed(
        text,
        Written {
            name: "Clinic",
            fields: &FIELDS,
        },
    )?;
    let mut reading = Reading {
        file,
        text,
        left_out: Vec::new(),
    };
    let mut clinic = Clinic::default();
    let mut spanish: Option<(&RawValue, Answers, String)> = None;
    // Where the clinic's own words are, to name what has no Spanish when there is no `es`.
    let mut own_words: Option<&RawValue> = None;
    for (field, value) in reading.once(written, &FIELDS, "Clinic") {
        if TRANSLATED.contains(&field) && own_words.is_none() {
            own_words = Some(value);
        }
        match field {
            "es" => {
                spanish = reading
                    .spanish(value)
                    .map(|(answers, reviewed)| (value, answers, reviewed))
            }
            "name" => clinic.name = reading.name(value),
            "phone" => clinic.phone = reading.number(field, value),
            "after_hours_phone" => clinic.after_hours_phone = reading.number(field, value),
            "web" => clinic.web = reading.web(value),
            "staff_pin" => clinic.staff_pin = reading.pin(value),
            "emergency_number" => clinic.emergency_number = reading.number(field, value),
            "reviewed" => clinic.reviewed = reading.words(field, value),
            "answers" => clinic.answers = reading.answers(value),
            "paper" => match value.into_rust::<Paper>() {
                Ok(paper) => clinic.paper = paper,
                Err(error) => reading.leave_out(field, value, &parse_message(&error.code)),
            },
            "insights" => match value.into_rust::<bool>() {
                Ok(on) => clinic.insights = on,
                Err(error) => reading.leave_out(field, value, &parse_message(&error.code)),
            },
            _ => match value.into_rust::<Switch>() {
                Ok(switch) => clinic.read_aloud = switch,
                Err(error) => reading.leave_out(field, value, &parse_message(&error.code)),
            },
        }
    }
    if locale == "es" {
        reading.in_spanish(&mut clinic, spanish, own_words);
    }
    clinic.left_out = reading.left_out;
    Ok(clinic)
}

/// How a field left out is reported to staff: why, and what follows. The rest of the file is
/// used; but without the PIN or a number patients must have, the kiosk will not start.
pub(super) fn reported(left_out: &LeftOut) -> Problem {
    let stops_the_kiosk =
        left_out.field == "staff_pin" || Clinic::REQUIRED.contains(&left_out.field);
    let outcome = if stops_the_kiosk {
        "the kiosk will not start without it"
    } else {
        "the guide leaves it out and uses the rest of the file"
    };
    Problem {
        message: format!("{}; {outcome}", left_out.problem.message),
        ..left_out.problem.clone()
    }
}

/// A struct as written: each field's name, and its value's text, not yet read.
struct Written {
    name: &'static str,
    fields: &'static [&'static str],
}

impl<'de> DeserializeSeed<'de> for Written {
    type Value = Vec<(String, &'de RawValue)>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_struct(self.name, self.fields, self)
    }
}

impl<'de> Visitor<'de> for Written {
    type Value = Vec<(String, &'de RawValue)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}(...)", self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut written = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            written.push((name, map.next_value::<&'de RawValue>()?));
        }
        Ok(written)
    }
}

struct Reading<'t> {
    file: &'t str,
    text: &'t str,
    left_out: Vec<LeftOut>,
}

impl<'t> Reading<'t> {
    /// The fields of `written` the guide knows, each given once, by the name in `known` (the old
    /// `urgent_phone` as `after_hours_phone`). The others are left out: a name the guide does not
    /// know, and a field given twice (neither value is taken, as the file does not say which).
    fn once(
        &mut self,
        written: Vec<(String, &'t RawValue)>,
        known: &'static [&'static str],
        outer: &str,
    ) -> Vec<(&'static str, &'t RawValue)> {
        let mut fields: Vec<(&'static str, &'t RawValue)> = Vec::new();
        let mut twice: Vec<&'static str> = Vec::new();
        for (name, value) in written {
            let Some(field) = known.iter().copied().find(|field| *field == name) else {
                // A misspelt PIN is a PIN that was set: name it as one, so the kiosk waits.
                let field = if name.to_ascii_lowercase().contains("pin") {
                    "staff_pin"
                } else {
                    ""
                };
                // The name as written is never said: it could be any words of another file.
                let meant = if field.is_empty() {
                    String::new()
                } else {
                    format!(" (did you mean {field}?)")
                };
                let message = format!(
                    "unknown field of {outer}{meant}; expected one of {}",
                    known.join(", ")
                );
                self.leave_out(field, value, &message);
                continue;
            };
            let field = if field == "urgent_phone" {
                "after_hours_phone"
            } else {
                field
            };
            if fields.iter().any(|(seen, _)| *seen == field) {
                if !twice.contains(&field) {
                    twice.push(field);
                    let message = format!("the field {field} is given twice");
                    self.leave_out(field, value, &message);
                }
            } else {
                fields.push((field, value));
            }
        }
        fields.retain(|(field, _)| !twice.contains(field));
        fields
    }

    /// Text as the clinic wrote it, without hidden controls; empty if it cannot be used.
    fn words(&mut self, field: &'static str, value: &'t RawValue) -> String {
        let words = match value.into_rust::<String>() {
            Ok(words) => words,
            Err(error) => {
                let message = format!("{} for '{field}'", parse_message(&error.code));
                self.leave_out(field, value, &message);
                return String::new();
            }
        };
        // Limits as for every content file, counted as written.
        if let Some(too_long) = check::sizes(self.file, value.get_ron()).into_iter().next() {
            self.leave_out(field, value, &too_long.message);
            return String::new();
        }
        if has_placeholder(&words) {
            let message = format!(
                "'{field}' holds a placeholder (such as {{emergency}} or ...) where the \
                 clinic's own words go: write them{}",
                or_none(field)
            );
            self.leave_out(field, value, &message);
            return String::new();
        }
        without_controls(&words).into_owned()
    }

    /// A number to call: words with at least one digit in them.
    fn number(&mut self, field: &'static str, value: &'t RawValue) -> String {
        let number = self.words(field, value);
        if !number.trim().is_empty() && !number.chars().any(|c| c.is_ascii_digit()) {
            let message = format!(
                "'{field}' has no digits (0 to 9), so nobody could call it: write the number{}",
                or_none(field)
            );
            self.leave_out(field, value, &message);
            return String::new();
        }
        number
    }

    fn name(&mut self, value: &'t RawValue) -> String {
        let name = self.words("name", value);
        if name.chars().count() > check::MAX_NAME_CHARS {
            let message = format!(
                "'name' may have at most {} characters: it heads the kiosk's welcome screen",
                check::MAX_NAME_CHARS
            );
            self.leave_out("name", value, &message);
            return String::new();
        }
        name
    }

    fn web(&mut self, value: &'t RawValue) -> String {
        let web = self.words("web", value);
        match check::web_address_problem(&web) {
            None => web,
            Some(message) => {
                self.leave_out("web", value, &message);
                String::new()
            }
        }
    }

    fn pin(&mut self, value: &'t RawValue) -> String {
        let pin = self.words("staff_pin", value);
        if check::staff_pin_ok(&pin) {
            pin
        } else {
            let message = format!(
                "'staff_pin' must be 1 to {} digits (0 to 9), which the kiosk's keypad can type, \
                 or \"\" for none",
                check::MAX_PIN_DIGITS
            );
            self.leave_out("staff_pin", value, &message);
            String::new()
        }
    }

    /// The clinic's own words in Spanish, `es: (answers: (...), reviewed: "...")`.
    fn spanish(&mut self, value: &'t RawValue) -> Option<(Answers, String)> {
        let written = self.inner("es", "", &TRANSLATED, value)?;
        let (mut answers, mut reviewed) = (Answers::default(), String::new());
        for (field, value) in self.once(written, &TRANSLATED, "es") {
            match field {
                "answers" => answers = self.answers(value),
                _ => reviewed = self.words("reviewed", value),
            }
        }
        Some((answers, reviewed))
    }

    /// Puts the Spanish words of `spanish` (the `es` field, its value and what it holds) in
    /// place of the clinic's own. What the clinic wrote with no Spanish is left out, so a Spanish
    /// reader never reads it in another language, and named.
    fn in_spanish(
        &mut self,
        clinic: &mut Clinic,
        spanish: Option<(&'t RawValue, Answers, String)>,
        own_words: Option<&'t RawValue>,
    ) {
        let (at, answers, reviewed) = match spanish {
            Some((at, answers, reviewed)) => (Some(at), answers, reviewed),
            None => (own_words, Answers::default(), String::new()),
        };
        let untranslated: Vec<&str> = clinic
            .answers
            .fields()
            .into_iter()
            .zip(answers.fields())
            .filter(|((_, own), (_, spanish))| !own.trim().is_empty() && spanish.trim().is_empty())
            .map(|((name, _), _)| name)
            .chain(
                (!clinic.reviewed.trim().is_empty() && reviewed.trim().is_empty())
                    .then_some("reviewed"),
            )
            .collect();
        if !untranslated.is_empty() {
            let message = format!(
                "{} {} no Spanish wording under 'es', so Spanish readers are not shown {}: add \
                 es: (answers: (...), reviewed: \"...\") with the same fields in Spanish",
                untranslated.join(", "),
                if untranslated.len() == 1 {
                    "has"
                } else {
                    "have"
                },
                if untranslated.len() == 1 {
                    "it"
                } else {
                    "them"
                },
            );
            let field = if untranslated == ["reviewed"] {
                "reviewed"
            } else {
                "answers"
            };
            match at {
                Some(at) => self.leave_out(field, at, &message),
                None => self.left_out.push(LeftOut {
                    field,
                    problem: Problem {
                        file: self.file.to_owned(),
                        position: None,
                        message,
                    },
                }),
            }
        }
        clinic.answers = answers;
        clinic.reviewed = reviewed;
    }

    /// The fields written inside `field`'s `value`, a `name(...)` of `fields`; `None`, with
    /// `field` left out, if it is not one.
    fn inner(
        &mut self,
        field: &'static str,
        name: &'static str,
        fields: &'static [&'static str],
        value: &'t RawValue,
    ) -> Option<Vec<(String, &'t RawValue)>> {
        let seed = Written { name, fields };
        match ron::Options::default().from_str_seed(value.get_ron(), seed) {
            Ok(written) => Some(written),
            Err(error) => {
                let message = format!("{} for '{field}'", parse_message(&error.code));
                self.leave_out(field, value, &message);
                None
            }
        }
    }

    /// The clinic's answers, each on its own.
    fn answers(&mut self, value: &'t RawValue) -> Answers {
        let Some(written) = self.inner("answers", "Answers", &ANSWERS, value) else {
            return Answers::default();
        };
        let mut answers = Answers::default();
        for (field, value) in self.once(written, &ANSWERS, "answers") {
            let answer = self.words(field, value);
            match field {
                "sessions" => answers.sessions = answer,
                "feel" => answers.feel = answer,
                "needles" => answers.needles = answer,
                "training" => answers.training = answer,
                "options" => answers.options = answer,
                "cost" => answers.cost = answer,
                _ => answers.lungs = answer,
            }
        }
        answers
    }

    /// Leaves out `field`, saying why at the name written before `value`.
    fn leave_out(&mut self, field: &'static str, value: &RawValue, message: &str) {
        let at = self.name_before(value);
        self.left_out.push(LeftOut {
            field,
            problem: Problem {
                file: self.file.to_owned(),
                position: at.map(|at| line_and_column(&self.text[..at])),
                message: message.to_owned(),
            },
        });
    }

    /// Where the field's name starts before `value` (`web: "…"` at `w`), or the value itself.
    fn name_before(&self, value: &RawValue) -> Option<usize> {
        // The value is a part of the text: where it starts follows from the two addresses.
        let start = (value.get_ron().as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)?;
        if start > self.text.len() || !self.text.is_char_boundary(start) {
            return None;
        }
        let before = self.text[..start].trim_end();
        let Some(name_end) = before.strip_suffix(':').map(str::trim_end) else {
            return Some(start);
        };
        let name_start = name_end
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(0, |at| at + 1);
        Some(name_start)
    }
}

/// How a message offers leaving `field` empty: never for a field patients must have, which
/// empty keeps the kiosk from starting.
fn or_none(field: &str) -> &'static str {
    if Clinic::REQUIRED.contains(&field) {
        ""
    } else {
        ", or \"\" for none"
    }
}

/// Whether `text` holds a placeholder: `{…}`, as the guide's own patterns do, or only the dots
/// of an example left unfilled (`reviewed: "..."`). In a clinic's details either would be shown
/// as it is ("Call {emergency} now", "Last checked by the clinic: ...").
fn has_placeholder(text: &str) -> bool {
    let only_dots = !text.trim().is_empty() && text.trim().chars().all(|c| c == '.' || c == '…');
    only_dots
        || text
            .find('{')
            .is_some_and(|open| text[open..].contains('}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_ok(text: &str) -> Clinic {
        read("clinic.ron", text, "en").unwrap_or_else(|error| panic!("{error}"))
    }

    #[test]
    fn the_dots_of_an_example_left_unfilled_are_a_placeholder() {
        let clinic = read_ok("Clinic(reviewed: \"...\", name: \"…\", web: \"\")");
        assert_eq!(clinic.reviewed, "");
        assert_eq!(clinic.name, "");
        assert_eq!(left_out(&clinic).len(), 2, "{:?}", clinic.left_out);
        assert!(!has_placeholder("Dr. Lee, Ph.D."));
    }

    #[test]
    fn spanish_readers_read_the_clinics_own_words_in_spanish_or_not_at_all() {
        let text = r#"Clinic(
            phone: "555",
            reviewed: "March 2026",
            answers: (sessions: "Most people have 3 to 6 visits.", cost: "Ask at the desk."),
            es: (
                answers: (sessions: "La mayoría tiene de 3 a 6 citas."),
                reviewed: "marzo de 2026",
            ),
        )"#;
        let english = read("clinic.ron", text, "en").unwrap();
        assert_eq!(english.answers.sessions, "Most people have 3 to 6 visits.");
        assert_eq!(english.reviewed, "March 2026");
        assert!(english.left_out.is_empty(), "{:?}", english.left_out);

        let spanish = read("clinic.ron", text, "es").unwrap();
        assert_eq!(spanish.answers.sessions, "La mayoría tiene de 3 a 6 citas.");
        assert_eq!(spanish.reviewed, "marzo de 2026");
        // "cost" has no Spanish: not shown in English, and named at the `es` field.
        assert_eq!(spanish.answers.cost, "");
        assert_eq!(
            spanish.phone, "555",
            "numbers are the same in every language"
        );
        let said = left_out(&spanish);
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].starts_with("answers clinic.ron:5:13: cost has no Spanish wording"),
            "{said:?}"
        );

        // With no `es` at all, a Spanish reader sees none of the English answers.
        let none = read_ok_in("Clinic(answers: (feel: \"A pinch.\"))", "es");
        assert_eq!(none.answers.feel, "");
        assert_eq!(left_out(&none).len(), 1);
    }

    fn read_ok_in(text: &str, locale: &str) -> Clinic {
        read("clinic.ron", text, locale).unwrap_or_else(|error| panic!("{error}"))
    }

    fn left_out(clinic: &Clinic) -> Vec<String> {
        clinic
            .left_out
            .iter()
            .map(|left_out| format!("{} {}", left_out.field, left_out.problem))
            .collect()
    }

    #[test]
    fn one_bad_field_is_named_at_its_line_and_the_others_are_kept() {
        let clinic = read_ok(
            "Clinic(\n  name: \"Harbour Physio\",\n  phone: \"01234 567890\",\n  \
             urgent_phone: \"01234 999999\",\n  web: \"ftp://harbour.example\",\n  \
             staff_pin: \"2468\",\n  emergency_number: \"999\",\n  \
             answers: (sessions: \"3 to 6 visits\", cost: 80),\n  read_aloud: Off,\n)",
        );
        assert_eq!(clinic.name, "Harbour Physio");
        assert_eq!(clinic.phone, "01234 567890");
        assert_eq!(
            clinic.after_hours_phone, "01234 999999",
            "the old name still works"
        );
        assert_eq!(clinic.web, "", "the bad address is not shown");
        assert_eq!(clinic.staff_pin, "2468");
        assert_eq!(clinic.emergency_number, "999");
        assert_eq!(clinic.answers.sessions, "3 to 6 visits");
        assert_eq!(clinic.answers.cost, "");
        assert_eq!(clinic.read_aloud, Switch::Off);
        let found = left_out(&clinic);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with("web clinic.ron:5:3: 'web' must be an address"),
            "{found:?}"
        );
        assert!(
            found[1].starts_with("cost clinic.ron:8:40: expected string for 'cost'"),
            "{found:?}"
        );
    }

    #[test]
    fn a_pin_that_was_written_but_cannot_be_used_is_never_dropped_in_silence() {
        for (text, field) in [
            ("Clinic(staff_pin: 2468)", "staff_pin"),
            ("Clinic(staff_pin: \"24a8\")", "staff_pin"),
            ("Clinic(staff_pin: \"{pin}\")", "staff_pin"),
            ("Clinic(staffpin: \"2468\")", "staff_pin"),
            ("Clinic(Staff_PIN: \"2468\")", "staff_pin"),
            (
                "Clinic(staff_pin: \"2468\", staff_pin: \"1357\")",
                "staff_pin",
            ),
        ] {
            let clinic = read_ok(text);
            assert_eq!(clinic.staff_pin, "", "{text}");
            assert_eq!(clinic.left_out.len(), 1, "{text}");
            assert_eq!(clinic.left_out[0].field, field, "{text}");
        }
        // A name the guide does not know, and not a PIN's, is left out as no field.
        let clinic = read_ok("Clinic(colour: \"blue\", name: \"A\")");
        assert_eq!(clinic.name, "A");
        assert_eq!(clinic.left_out[0].field, "");
    }

    #[test]
    fn placeholders_and_numbers_without_digits_are_not_shown() {
        let clinic = read_ok(
            "Clinic(name: \"{clinic}\", emergency_number: \"{emergency}\", phone: \"ring us\", \
             after_hours_phone: \"0800 {n}\", reviewed: \"1 March 2027\", \
             answers: (feel: \"A {rate:bruising} chance\"))",
        );
        assert_eq!(clinic.name, "");
        assert_eq!(clinic.emergency_number, "");
        assert_eq!(clinic.phone, "");
        assert_eq!(clinic.after_hours_phone, "");
        assert_eq!(clinic.answers.feel, "");
        assert_eq!(clinic.reviewed, "1 March 2027");
        let fields: Vec<&str> = clinic.left_out.iter().map(|l| l.field).collect();
        assert_eq!(
            fields,
            [
                "name",
                "emergency_number",
                "phone",
                "after_hours_phone",
                "feel"
            ]
        );
        assert!(
            clinic.left_out[1]
                .problem
                .message
                .starts_with("'emergency_number' holds a placeholder (such as"),
            "{:?}",
            clinic.left_out[1]
        );
    }

    #[test]
    fn a_file_that_is_no_clinic_at_all_is_an_error() {
        for text in [
            "Clinic(name: \"a\" phone: \"1\")",
            "Hospital(name: \"a\")",
            "[1, 2]",
        ] {
            assert!(read("clinic.ron", text, "en").is_err(), "{text}");
        }
        assert_eq!(read_ok("Clinic()"), Clinic::default());
        assert_eq!(read_ok("(name: \"a\")").name, "a");
        let longest = "x".repeat(check::MAX_NAME_CHARS);
        assert_eq!(
            read_ok(&format!("Clinic(name: \"{longest}\")")).name,
            longest
        );
        let clinic = read_ok(&format!("Clinic(name: \"{longest}x\")"));
        assert_eq!(clinic.name, "");
        assert_eq!(clinic.left_out[0].field, "name");
    }
}
