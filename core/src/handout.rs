//! The take-home handout: one printable HTML page, and saving it and handing it to the desktop.
//!
//! The page is built from the library alone, so it says what the guide says, in the reader's
//! language, with the same numbers. It is HTML rather than PDF because every computer can open and
//! print it without a PDF library in the app, and its text stays selectable and zoomable.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::colors::{Colors, Rgb};
use crate::content::ids::ConditionId;
use crate::content::model::Level;
use crate::content::route::{PageId, Route};
use crate::content::{Library, Span};
use crate::document::{Document, Part, joined};

mod save;
pub use save::{WriteError, make_private, private_folder, write_file};

/// What the therapist chose for this patient.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HandoutOptions {
    /// The conditions ticked; unknown ids are left out.
    pub conditions: Vec<ConditionId>,
    /// What the teach-back check brought up, when the patient did it.
    pub discussion: Option<Discussion>,
}

/// What the teach-back check brought up: to go over together, and to sign beside the clinic's
/// own consent form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Discussion {
    /// The topics of the questions missed or not sure.
    pub topics: Vec<String>,
    /// The questions the patient ticked to ask.
    pub questions: Vec<String>,
    /// The "are you sure" questions answered no.
    pub unsure: Vec<String>,
}

/// The handout as one self-contained HTML page: inline CSS, no scripts, no fonts or pictures to
/// fetch, so it opens and prints the same anywhere, offline. It fits on two printed pages on A4
/// and on US Letter, whatever is ticked (the page size is left to the printer; a test prints it
/// with Chromium and counts the pages). A discussion summary, to sign, is a third page.
pub fn html(library: &Library, options: &HandoutOptions) -> String {
    let words = &library.ui.handout;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        style = style(),
        lang = escape(&library.locale),
        title = escape(&words.title),
    );

    out.push_str("<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&words.title));
    let clinic = library.clinic.name.trim();
    if !clinic.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"given-by\">{}</p>",
            escape(&words.given_by.replace("{clinic}", clinic))
        );
    }
    out.push_str("</header>\n<main>\n");
    // Whom to call and what to do, first and across the page: that is what the patient looks
    // for at home.
    contacts(&mut out, library);
    warning_signs(&mut out, library);
    out.push_str("<div class=\"columns\">\n");
    what_it_is(&mut out, library);
    your_conditions(&mut out, library, options);
    who_should_not(&mut out, library);
    side_effects(&mut out, library);
    out.push_str("</div>\n");
    if let Some(discussion) = &options.discussion {
        discussion_summary(&mut out, library, discussion);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The handout's colours, by the names its style sheet gives them: the standard theme's, on white
/// paper. (`$urgent_soft` comes before `$urgent`, which it begins with.)
fn paint() -> [(&'static str, Rgb); 7] {
    let colors = Colors::STANDARD;
    [
        ("$paper", colors.surface),
        ("$text", colors.text),
        ("$muted", colors.muted),
        ("$primary", colors.primary),
        ("$faint", colors.faint),
        ("$urgent_soft", colors.urgent_soft),
        ("$urgent", colors.urgent),
    ]
}

/// The style sheet, in the theme's colours.
fn style() -> String {
    paint()
        .into_iter()
        .fold(STYLE.to_owned(), |css, (name, colour)| {
            css.replace(name, &colour.css())
        })
}

/// Print first, screen second: compact type that still reads easily on paper, two columns for
/// the short chunks, and the warning signs boxed across the whole width so they cannot be missed.
const STYLE: &str = r#"
@page { margin: 12mm; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: "Atkinson Hyperlegible", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
    "Liberation Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 10pt; line-height: 1.08; color: $text; background: $paper;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
@media screen { body { max-width: 190mm; margin: 10mm auto; padding: 0 8mm; } }
header { border-bottom: 1.5pt solid $primary; padding-bottom: 3pt; margin-bottom: 6pt; }
h1 { font-size: 18pt; line-height: 1.15; margin: 0; color: $primary; }
.given-by { font-size: 11pt; margin: 2pt 0 0; }
h2 { font-size: 12.5pt; line-height: 1.2; margin: 0 0 2pt; color: $primary; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 3pt 0 1pt; break-after: avoid; }
p { margin: 0 0 3pt; }
ul, ol { margin: 0 0 3pt; padding-left: 13pt; }
li { margin: 0 0 0.5pt; }
dl { margin: 0; }
dt { font-weight: bold; margin-top: 4pt; break-after: avoid; }
dd { margin: 0; }
.columns { columns: 2; column-gap: 8mm; margin-bottom: 4pt; }
section { break-inside: avoid; margin: 0 0 3pt; }
section.flow { break-inside: auto; }
.item, tr, li { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0 0 2pt; }
td { padding: 2pt 0; border-bottom: 0.5pt solid $faint; vertical-align: top; }
td.rate { font-weight: bold; padding-left: 6pt; width: 64%; }
th { text-align: left; font-size: 9.5pt; padding: 0 0 1pt; border-bottom: 1pt solid $text; }
th + th { padding-left: 6pt; }
.source { font-size: 9.5pt; margin-top: 2pt; }
.names { columns: 2; column-gap: 4mm; font-size: 9.5pt; }
.names li { margin: 0; }
.medical { display: block; font-weight: normal; font-size: 9.5pt; color: $muted; }
.checklist { list-style: none; padding-left: 0; }
.checklist li { position: relative; padding-left: 15pt; }
.checklist li::before {
  content: ""; position: absolute; left: 0; top: 2pt; width: 8pt; height: 8pt;
  border: 1pt solid $text;
}
.warning { break-inside: auto; border: 2.5pt solid $urgent; border-radius: 4pt; padding: 5pt 8pt 3pt; }
.warning h2 { color: $urgent; font-size: 14pt; }
.warning h3 { color: $urgent; font-size: 11.5pt; }
.step { padding: 2pt 6pt 1pt; margin: 0 0 2pt; border-left: 4pt solid $primary; break-inside: avoid; }
.step.normal { border-left-color: $faint; }
.step.emergency { border-left-width: 6pt; border-left-color: $urgent; background: $urgent_soft; }
.step.emergency-room { border-left-width: 6pt; border-left-color: $urgent; }
.step .action { font-weight: bold; margin: 0 0 1pt; }
.step ul { columns: 2; column-gap: 8mm; margin-bottom: 1pt; }
.step ol { margin-bottom: 1pt; padding-left: 0; list-style-position: inside; }
.later { background: $urgent_soft; padding: 3pt 6pt; margin: 3pt 0 2pt; }
.contacts {
  display: grid; grid-template-columns: repeat(4, 1fr); column-gap: 5mm;
  border: 1pt solid $primary; border-radius: 4pt; padding: 4pt 8pt 2pt; margin: 0 0 8pt;
}
.contacts h2, .contacts .call { grid-column: 1 / -1; }
.contacts p { font-size: 11pt; margin: 0 0 2pt; }
.contacts .label { display: block; font-size: 9.5pt; font-weight: bold; }
.contacts .blank {
  display: block; height: 14pt; border-bottom: 0.75pt solid $text;
  color: transparent; overflow: hidden; white-space: nowrap;
}
.lungs { margin: 3pt 0 2pt; }
.discussion { break-before: page; font-size: 11.5pt; }
.discussion h2 { font-size: 14pt; }
.companion { font-style: italic; margin-bottom: 6pt; }
.signature { display: flex; gap: 8mm; margin-top: 14pt; }
.signature .field { flex: 3; }
.signature .field.date { flex: 1; }
.signature .line { border-bottom: 0.75pt solid $text; height: 24pt; }
.signature span { display: block; font-size: 9.5pt; margin-top: 2pt; }
"#;

/// The discussion summary, on a page of its own: the topics to go over together, the patient's
/// questions, any "are you sure" answered no, the language, and lines to sign and date. It says
/// that it goes with the clinic's consent form and does not replace it.
fn discussion_summary(out: &mut String, library: &Library, discussion: &Discussion) {
    let words = &library.ui.teach_back;
    let items = |out: &mut String, items: &[String]| {
        let spans: Vec<Vec<Span>> = items
            .iter()
            .map(|item| vec![Span::Plain(item.clone())])
            .collect();
        list(out, "ul", "", &spans);
    };
    out.push_str("<section class=\"discussion\">\n");
    heading(out, 2, &words.discussion_title);
    let _ = writeln!(
        out,
        "<p class=\"companion\">{}</p>",
        escape(&words.companion)
    );
    let _ = writeln!(
        out,
        "<p><strong>{}:</strong> {}</p>",
        escape(&words.language),
        escape(&library.ui.language_name)
    );
    heading(out, 3, &words.summary_therapist);
    if discussion.topics.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&words.nothing_missed));
    } else {
        items(out, &discussion.topics);
    }
    if !discussion.questions.is_empty() {
        heading(out, 3, &words.questions_ticked);
        items(out, &discussion.questions);
    }
    if !discussion.unsure.is_empty() {
        heading(out, 3, &words.unsure);
        items(out, &discussion.unsure);
        let _ = writeln!(out, "<p><strong>{}</strong></p>", escape(&words.talk_first));
    }
    for who in [&words.patient_signature, &words.therapist_signature] {
        let _ = writeln!(
            out,
            "<div class=\"signature\"><div class=\"field\"><div class=\"line\"></div>\
             <span>{}</span></div><div class=\"field date\"><div class=\"line\"></div>\
             <span>{}</span></div></div>",
            escape(who),
            escape(&words.date)
        );
    }
    out.push_str("</section>\n");
}

/// Text made safe to put between HTML tags or inside a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A page's resolved parts; the handout takes its words from there, so it never drifts from
/// what the app shows, and it finds them by kind, not by English words.
fn document(library: &Library, page: PageId) -> Document {
    Document::for_route(library, &Route::Page(page)).expect("every page has a document")
}

fn all_parts(document: &Document) -> impl Iterator<Item = &Part> {
    document.sections.iter().flat_map(|section| &section.parts)
}

fn list(out: &mut String, tag: &str, class: &str, items: &[Vec<Span>]) {
    if items.is_empty() {
        return;
    }
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    let _ = writeln!(out, "<{tag}{class}>");
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", escape(&joined(item)));
    }
    let _ = writeln!(out, "</{tag}>");
}

/// A callout's heading set before its text on the same line: it needs an end mark to read as a
/// sentence ("Signs can start hours later."), unless it has one ("Feeling dizzy?").
fn run_in(heading: &str) -> String {
    let heading = heading.trim();
    if heading.ends_with(['.', '?', '!', ':']) {
        heading.to_owned()
    } else {
        format!("{heading}.")
    }
}

fn heading(out: &mut String, level: u8, text: &str) {
    let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
}

/// The bullets of the key points' first section: the summary of what dry needling is.
fn what_it_is(out: &mut String, library: &Library) {
    let key_points = document(library, PageId::KEY_POINTS);
    let Some(bullets) = key_points.sections.first().and_then(|section| {
        section.parts.iter().find_map(|part| match part {
            Part::Bullets(items) => Some(items),
            _ => None,
        })
    }) else {
        return;
    };
    out.push_str("<section>\n");
    heading(out, 2, &library.ui.handout.what_it_is);
    list(out, "ul", "", bullets);
    out.push_str("</section>\n");
}

/// Up to this many ticked conditions are given with what studies say; more are only named, so
/// that the handout still fits on two pages whatever the therapist ticks.
pub const MAX_DESCRIBED: usize = 2;

/// The conditions the therapist ticked, in the guide's order, each with its medical name and
/// what studies say for it, with the source (or, past [`MAX_DESCRIBED`], by name only). What
/// the studies say matters more to the choice than what the problem is, and both do not fit.
fn your_conditions(out: &mut String, library: &Library, options: &HandoutOptions) {
    let ticked: Vec<_> = library
        .conditions()
        .filter(|(_, condition)| {
            options
                .conditions
                .iter()
                .any(|id| id.as_str() == condition.id)
        })
        .collect();
    if ticked.is_empty() {
        return;
    }
    out.push_str("<section class=\"flow\">\n");
    heading(out, 2, &library.ui.handout.your_conditions);
    // Once for the list, naming the conditions whose needles may go near a lung (without the
    // names, under the last condition, it read as if about that one alone).
    let near: Vec<String> = ticked
        .iter()
        .filter(|(region, condition)| condition.near_lungs(region))
        .map(|(_, condition)| library.plain(&condition.name))
        .collect();
    let near_lungs = (!near.is_empty()).then(|| {
        format!(
            "<p>{}: <strong>{}</strong></p>\n",
            escape(&near.join(", ")),
            escape(&library.plain(&library.ui.condition_near_lungs))
        )
    });
    if ticked.len() > MAX_DESCRIBED {
        let names: Vec<Vec<Span>> = ticked
            .iter()
            .map(|(_, condition)| vec![Span::Plain(library.plain(&condition.full_name()))])
            .collect();
        list(out, "ul", "names", &names);
        out.push_str(near_lungs.as_deref().unwrap_or_default());
        out.push_str("</section>\n");
        return;
    }
    out.push_str("<dl>\n");
    for (_, condition) in ticked {
        // The medical name beneath the everyday one, smaller; then what studies say, with its
        // source, as on the condition's page.
        let medical = condition
            .medical_name
            .as_ref()
            .map(|medical| {
                format!(
                    " <span class=\"medical\">{}</span>",
                    escape(&library.plain(medical))
                )
            })
            .unwrap_or_default();
        let names = library.source_names(condition.evidence.sources());
        let source = (!names.is_empty())
            .then(|| names.join("; "))
            .map(|names| {
                format!(
                    " ({}: {})",
                    escape(&library.ui.source_label),
                    escape(&names)
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<div class=\"item\"><dt>{}{medical}</dt>\n\
             <dd><b>{}:</b> {}{source}</dd></div>",
            escape(&library.plain(&condition.name)),
            escape(&library.ui.studies_say),
            escape(&library.plain(&condition.evidence.text)),
        );
    }
    out.push_str("</dl>\n");
    out.push_str(near_lungs.as_deref().unwrap_or_default());
    out.push_str("</section>\n");
}

/// Who should not be needled: the before page's checklist, under its own heading, with tick
/// boxes the patient can use.
fn who_should_not(out: &mut String, library: &Library) {
    let before = document(library, PageId::BEFORE);
    let Some((section_heading, items)) = before.sections.iter().find_map(|section| {
        section.parts.iter().find_map(|part| match part {
            Part::Checklist(items) => Some((section.heading.as_deref(), items)),
            _ => None,
        })
    }) else {
        return;
    };
    // A long list: it may run on into the next column, item by item.
    out.push_str("<section class=\"flow\">\n");
    if let Some(text) = section_heading {
        heading(out, 2, text);
    }
    let _ = writeln!(
        out,
        "<p>{}:</p>",
        escape(&library.ui.handout.who_should_not)
    );
    list(out, "ul", "checklist", items);
    out.push_str("</section>\n");
}

/// Every side effect with a number, as name and rate in words; then those the source gives no
/// number for, which matter all the same (a collapsed lung, nerve harm, fainting), with their
/// short text.
fn side_effects(out: &mut String, library: &Library) {
    out.push_str("<section class=\"flow\">\n");
    // The heading stays with the table's first rows; where the table goes on in the next column,
    // its column headings are printed again there, so no number is read without them.
    heading(out, 2, &library.ui.handout.side_effects);
    let ui = &library.ui;
    let _ = writeln!(
        out,
        "<table>\n<thead><tr><th>{}</th><th>{}</th></tr></thead>",
        escape(&ui.handout.effect_column),
        escape(&ui.how_often)
    );
    let mut sources: Vec<&str> = Vec::new();
    for effect in &library.side_effects {
        if let Some(rate) = effect.rate {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"rate\">{}</td></tr>",
                escape(&library.plain(&effect.name)),
                escape(&library.rate_with_studies(effect, rate))
            );
            for source in library.effect_sources(effect) {
                if !sources.contains(&source.name.as_str()) {
                    sources.push(&source.name);
                }
            }
        }
    }
    // Every number names where it comes from, on paper too.
    let _ = writeln!(
        out,
        "</table>\n<p class=\"source\">{}: {}</p>",
        escape(library.source_label(sources.len())),
        escape(&sources.join("; "))
    );
    // Those with no number, by name: what to do about each is in the warning box, and the app
    // explains each one; their cards in full would push the warning box onto a third page.
    let unrated: Vec<String> = library
        .side_effects
        .iter()
        .filter(|effect| effect.rate.is_none())
        .map(|effect| library.plain(&effect.name))
        .collect();
    if !unrated.is_empty() {
        let _ = writeln!(
            out,
            "<p><strong>{}</strong> {}.</p>",
            escape(&ui.handout.unrated),
            escape(&unrated.join("; "))
        );
    }
    out.push_str("</section>\n");
}

/// The warning-signs page's steps of what to do, each with the signs it is for, and that signs
/// can start hours later, in a box across the page. Each step is marked by how urgent it is, as
/// the window colours it, so the emergency stands out in print too.
fn warning_signs(out: &mut String, library: &Library) {
    let page = document(library, PageId::WARNING_SIGNS);
    let words = &library.ui.handout;
    let later = all_parts(&page).find_map(|part| match part {
        Part::Callout { heading, body, .. } => Some((heading, body)),
        _ => None,
    });
    let actions = all_parts(&page).find_map(|part| match part {
        Part::Actions(items) => Some(items),
        _ => None,
    });
    // What the page says right after the steps ("When you call, say that you had dry needling,
    // and when."): the words a caller needs.
    let when_you_call = page.sections.iter().find_map(|section| {
        let steps = section
            .parts
            .iter()
            .position(|part| matches!(part, Part::Actions(_)))?;
        section.parts[steps + 1..]
            .iter()
            .find_map(|part| match part {
                Part::Paragraph(spans) => Some(spans),
                _ => None,
            })
    });

    out.push_str("<section class=\"warning\">\n");
    heading(out, 2, &words.warning_signs);
    if actions.is_some() {
        heading(out, 3, &words.what_to_do);
    }
    for item in actions.into_iter().flatten() {
        let level = match item.level {
            Level::Normal => "normal",
            Level::CallClinic => "call",
            Level::EmergencyRoom => "emergency-room",
            Level::Emergency => "emergency",
        };
        let _ = writeln!(
            out,
            "<div class=\"step {level}\">\n<p class=\"action\">{}</p>",
            escape(&joined(&item.action))
        );
        list(out, "ul", "", &item.signs);
        // Numbered when there is an order to follow; a single step is just said.
        if let [step] = item.steps.as_slice() {
            let _ = writeln!(out, "<p>{}</p>", escape(&joined(step)));
        } else {
            list(out, "ol", "how", &item.steps);
        }
        out.push_str("</div>\n");
    }
    if let Some(spans) = when_you_call {
        let _ = writeln!(out, "<p><strong>{}</strong></p>", escape(&joined(spans)));
    }
    if let Some((heading, body)) = later {
        let _ = writeln!(
            out,
            "<p class=\"later\"><strong>{}</strong> {}</p>",
            escape(&run_in(heading)),
            escape(&joined(body))
        );
    }
    lung_areas(out, &page);
    out.push_str("</section>\n");
}

/// Where a needle can reach a lung, as a line in words under what to do: the heading the
/// warning-signs page gives it, and the picture's summary. The picture itself is left out: with
/// it, the handout no longer fits on two pages of US Letter.
fn lung_areas(out: &mut String, page: &Document) {
    let Some((title, picture)) = page.sections.iter().find_map(|section| {
        section.parts.iter().find_map(|part| match part {
            Part::LungAreas(picture) => Some((section.heading.as_deref(), picture)),
            _ => None,
        })
    }) else {
        return;
    };
    let title = title
        .map(|title| format!("<strong>{}</strong> ", escape(&run_in(title))))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<p class=\"lungs\">{title}{}</p>",
        escape(&joined(&picture.summary))
    );
}

/// A line to write on by hand, where the clinic left a detail out of `clinic.ron`.
pub const BLANK: &str = "________________________";

/// The clinic's name and numbers, and the emergency number. Each one the clinic left out is a
/// line to write it in by hand (never words such as "your local emergency number", which give a
/// patient at home no number); with no clinic phone, the patient is also told to call the clinic
/// that treated them, so the handout never leaves them without a step. A web address is not
/// written by hand: it is shown only when set.
fn contacts(out: &mut String, library: &Library) {
    let ui = &library.ui;
    let clinic = &library.clinic;
    out.push_str("<section class=\"contacts\">\n");
    heading(out, 2, &ui.handout.contacts);
    // The order of the warning-signs page (`Library::clinic_contacts`).
    for (label, value, by_hand) in [
        (&ui.clinic_name, &clinic.name, true),
        (&ui.clinic_phone, &clinic.phone, true),
        (
            &ui.clinic_after_hours_phone,
            &clinic.after_hours_phone,
            true,
        ),
        (&ui.clinic_web, &clinic.web, false),
        (&ui.clinic_emergency, &clinic.emergency_number, true),
        // For the therapist to fill in: the day, and whether a needle went near a lung, so the
        // patient knows whether the lung's signs apply to them.
        (&ui.handout.treated_on, &String::new(), true),
        (&ui.handout.near_lungs_today, &String::new(), true),
    ] {
        let value = value.trim();
        let value = if !value.is_empty() {
            escape(value)
        } else if by_hand {
            format!("<span class=\"blank\">{BLANK}</span>")
        } else {
            continue;
        };
        let _ = writeln!(
            out,
            "<p><span class=\"label\">{}:</span> {value}</p>",
            escape(label)
        );
    }
    if !clinic.has_phone() {
        let _ = writeln!(
            out,
            "<p class=\"call\"><strong>{}</strong></p>",
            escape(&ui.consult.call_your_clinic)
        );
    }
    out.push_str("</section>\n");
}

/// Why a program could not show a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct OpenError(pub String);

/// Hands a file to another program to show it.
pub trait Opener {
    fn open(&self, path: &Path) -> Result<(), OpenError>;
}

/// Opens nothing, so the file is only saved: for machines where starting a browser would be
/// wrong, and for tests.
pub struct NoOpener;

impl Opener for NoOpener {
    fn open(&self, _path: &Path) -> Result<(), OpenError> {
        Err(OpenError("opening files is turned off here".to_owned()))
    }
}

/// Where handouts go: the user's Documents folder when there is one, else a private folder of
/// the user's own ([`private_folder`]), never the shared temporary folder itself.
pub fn default_folder() -> PathBuf {
    let var = |name: &str| std::env::var_os(name);
    documents_folder(var).unwrap_or_else(|| private_folder(var))
}

/// The Documents folder named by `XDG_DOCUMENTS_DIR`, else the one in the home folder (`HOME`,
/// or `USERPROFILE` on Windows), if it exists. `var` reads the environment, so tests can fake it.
fn documents_folder(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<PathBuf> {
    let existing = |path: PathBuf| path.is_dir().then_some(path);
    let from_xdg = var("XDG_DOCUMENTS_DIR")
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
        .and_then(existing);
    from_xdg.or_else(|| {
        ["HOME", "USERPROFILE"]
            .into_iter()
            .filter_map(&var)
            .find(|value| !value.is_empty())
            .map(|home| PathBuf::from(home).join("Documents"))
            .and_then(existing)
    })
}

/// The file name for a handout, before any "-2": the locale and stamp, with anything that could
/// leave the folder or upset a file system replaced.
fn file_stem(locale: &str, now: &str) -> String {
    let safe = |text: &str| -> String {
        text.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    };
    format!("needle-guide-handout-{}-{}", safe(locale), safe(now))
}

/// How many "-2", "-3" ... to try before giving up; far more than a clinic makes in a minute.
const MAX_COPIES: u32 = 1000;

/// Why a handout could not be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("{path}: {reason}")]
    Write { path: PathBuf, reason: String },
    #[error("{path}: {MAX_COPIES} handouts with this name already exist")]
    NameTaken { path: PathBuf },
}

/// Writes the handout as `needle-guide-handout-{locale}-{now}.html` in `folder` and returns its
/// path. It never writes over a file: if the name is taken it tries "-2", "-3" and so on, and
/// each file is given its name only if nothing has it ([`write_file`]), so even a handout saved
/// at the same moment by another window cannot be overwritten.
pub fn save(
    library: &Library,
    options: &HandoutOptions,
    folder: &Path,
    now: &str,
) -> Result<PathBuf, SaveError> {
    Job::new(library, options, folder.to_owned()).save(now)
}

/// A handout made and ready to save: the page, and where it goes. Making it is pure; saving and
/// opening it is the app's side effect, run as a task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    locale: String,
    html: String,
    folder: PathBuf,
}

impl Job {
    pub fn new(library: &Library, options: &HandoutOptions, folder: PathBuf) -> Job {
        Job {
            locale: library.locale.clone(),
            html: html(library, options),
            folder,
        }
    }

    pub fn html(&self) -> &str {
        &self.html
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Saves it under a new name stamped `now` (see [`save`]), readable by its owner only
    /// ([`write_file`]); the private folder that stands in for Documents is made first.
    pub fn save(&self, now: &str) -> Result<PathBuf, SaveError> {
        let var = |name: &str| std::env::var_os(name);
        if self.folder == private_folder(var) {
            make_private(&self.folder).map_err(|reason| SaveError::Write {
                path: self.folder.clone(),
                reason,
            })?;
        }
        let stem = file_stem(&self.locale, now);
        for copy in 1..=MAX_COPIES {
            let name = if copy == 1 {
                format!("{stem}.html")
            } else {
                format!("{stem}-{copy}.html")
            };
            let path = self.folder.join(name);
            return match write_file(&path, self.html.as_bytes(), false) {
                Ok(()) => Ok(path),
                Err(WriteError::Exists(_)) => continue,
                Err(WriteError::Failed { path, reason }) => Err(SaveError::Write { path, reason }),
            };
        }
        Err(SaveError::NameTaken {
            path: self.folder.join(format!("{stem}.html")),
        })
    }

    /// Saves it, then asks `opener` to show it.
    pub fn run(&self, now: &str, opener: &dyn Opener) -> Outcome {
        match self.save(now) {
            Ok(path) => match opener.open(&path) {
                Ok(()) => Outcome::Sent(path),
                Err(_) => Outcome::SavedOnly(path),
            },
            Err(error) => Outcome::Failed(error),
        }
    }
}

/// What became of a handout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Saved, and handed to the desktop's launcher to show: whether a window opened, the
    /// launcher cannot tell.
    Sent(PathBuf),
    /// Saved, but nothing opened it (no desktop program): staff open the file.
    SavedOnly(PathBuf),
    /// Not saved, and why.
    Failed(SaveError),
}

impl Outcome {
    /// The saved file, if it was saved.
    pub fn saved(&self) -> Option<&Path> {
        match self {
            Outcome::Sent(path) | Outcome::SavedOnly(path) => Some(path),
            Outcome::Failed(_) => None,
        }
    }
}

/// Saves the handout, then asks `opener` to show it.
pub fn save_and_open(
    library: &Library,
    options: &HandoutOptions,
    folder: &Path,
    now: &str,
    opener: &dyn Opener,
) -> Outcome {
    Job::new(library, options, folder.to_owned()).run(now, opener)
}

/// The sentence that tells staff what happened, in the library's language.
pub fn message(library: &Library, outcome: &Outcome) -> String {
    let words = &library.ui.handout;
    match outcome {
        Outcome::Sent(path) => words
            .saved_and_sent
            .replace("{path}", &path.display().to_string()),
        Outcome::SavedOnly(path) => words
            .saved_only
            .replace("{path}", &path.display().to_string()),
        Outcome::Failed(error) => words.failed.replace("{error}", &error.to_string()),
    }
}

/// The time now as "YYYYMMDD-HHMMSS" in UTC, for file names that sort by when they were made.
pub fn timestamp() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    stamp(seconds)
}

/// Seconds since 1970-01-01 00:00 UTC as "YYYYMMDD-HHMMSS".
pub fn stamp(unix_seconds: u64) -> String {
    let days = unix_seconds / 86_400;
    let rest = unix_seconds % 86_400;
    let (year, month, day) = civil_date(days);
    format!(
        "{year:04}{month:02}{day:02}-{:02}{:02}{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`): count in
/// 400-year eras of 146,097 days, with years starting in March so the leap day falls last.
fn civil_date(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468; // days since 0000-03-01
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::ffi::OsString;

    #[test]
    fn the_handouts_colours_are_the_themes_and_keep_their_contrast_on_paper() {
        use crate::colors::contrast_ratio;
        let css = style();
        assert!(
            !css.contains('$'),
            "a colour the style sheet names is not painted"
        );
        let theme = Colors::STANDARD;
        let own = [
            theme.surface,
            theme.text,
            theme.muted,
            theme.primary,
            theme.faint,
            theme.urgent_soft,
            theme.urgent,
        ];
        // Every declaration with a colour in it: (property, colour).
        let mut declared = Vec::new();
        for declaration in css.split([';', '{', '}']) {
            let Some((property, value)) = declaration.split_once(':') else {
                continue;
            };
            for word in value.split_whitespace() {
                if let Some(hex) = word.strip_prefix('#') {
                    let value = u32::from_str_radix(hex, 16).expect("a colour in hex");
                    assert_eq!(hex.len(), 6, "{word}: write colours in six digits");
                    let colour = Rgb::hex(value);
                    assert!(own.contains(&colour), "{word} is not one of the theme's");
                    declared.push((property.trim().to_owned(), colour));
                }
            }
        }
        let backgrounds: Vec<Rgb> = declared
            .iter()
            .filter(|(property, _)| property.starts_with("background"))
            .map(|(_, colour)| *colour)
            .collect();
        let texts = declared.iter().filter(|(property, _)| property == "color");
        let borders = declared
            .iter()
            .filter(|(property, _)| property.starts_with("border"));
        assert!(texts.clone().count() >= 4 && borders.clone().count() >= 8);
        for (_, text) in texts {
            for background in &backgrounds {
                let ratio = contrast_ratio(text.channels(), background.channels());
                assert!(
                    ratio >= 4.5,
                    "{} on {}: {ratio:.2}:1",
                    text.css(),
                    background.css()
                );
            }
        }
        // Lines that mark out a box or a step are seen at 3:1 on the paper (WCAG 1.4.11).
        for (property, line) in borders {
            let ratio = contrast_ratio(line.channels(), theme.surface.channels());
            assert!(ratio >= 3.0, "{property} {}: {ratio:.2}:1", line.css());
        }
    }

    #[test]
    fn escape_covers_the_five_special_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(escape("ñ — 10,000"), "ñ — 10,000");
    }

    #[test]
    fn run_in_headings_end_as_sentences() {
        assert_eq!(
            run_in("Signs can start hours later"),
            "Signs can start hours later."
        );
        assert_eq!(run_in("¿Siente sueño? "), "¿Siente sueño?");
        assert_eq!(run_in("Done."), "Done.");
    }

    #[test]
    fn stamps_match_known_dates() {
        assert_eq!(stamp(0), "19700101-000000");
        assert_eq!(stamp(951_782_400), "20000229-000000");
        assert_eq!(stamp(1_798_329_600), "20261227-000000");
        // The last second of a leap year, and the first of the next.
        assert_eq!(stamp(1_735_689_599), "20241231-235959");
        assert_eq!(stamp(1_735_689_600), "20250101-000000");
        assert_eq!(stamp(4_107_542_400 + 3_723), "21000301-010203");
    }

    #[test]
    fn civil_date_agrees_with_counting_days_one_by_one() {
        let mut date = (1970, 1, 1);
        for days in 0..(366 * 140) {
            assert_eq!(civil_date(days), date, "{days} days after 1970-01-01");
            let (year, month, day) = date;
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let length = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            date = if day < length {
                (year, month, day + 1)
            } else if month < 12 {
                (year, month + 1, 1)
            } else {
                (year + 1, 1, 1)
            };
        }
    }

    #[test]
    fn file_names_cannot_leave_the_folder() {
        assert_eq!(
            file_stem("en", "20261127-0930"),
            "needle-guide-handout-en-20261127-0930"
        );
        assert_eq!(
            file_stem("../x", "a/b\\c d"),
            "needle-guide-handout----x-a-b-c-d"
        );
    }

    #[test]
    fn the_documents_folder_is_used_only_if_it_exists() {
        let root =
            std::env::temp_dir().join(format!("needle-guide-handout-unit-{}", std::process::id()));
        let xdg = root.join("Dokumente");
        let home = root.join("home");
        std::fs::create_dir_all(&xdg).unwrap();
        std::fs::create_dir_all(home.join("Documents")).unwrap();
        let env = |pairs: &[(&str, &Path)]| {
            let map: HashMap<String, OsString> = pairs
                .iter()
                .map(|(name, path)| (name.to_string(), path.as_os_str().to_owned()))
                .collect();
            move |name: &str| map.get(name).cloned()
        };
        let missing = root.join("missing");

        let found = documents_folder(env(&[("XDG_DOCUMENTS_DIR", &xdg), ("HOME", &home)]));
        assert_eq!(found, Some(xdg.clone()));
        let found = documents_folder(env(&[("XDG_DOCUMENTS_DIR", &missing), ("HOME", &home)]));
        assert_eq!(found, Some(home.join("Documents")));
        assert_eq!(documents_folder(env(&[("HOME", &missing)])), None);
        assert_eq!(documents_folder(env(&[])), None);

        std::fs::remove_dir_all(&root).unwrap();
    }
}
