//! What a clinic may learn from its guide without keeping anything about a patient: for each ISO
//! week, how many visits started and reached the check, how each check question was answered
//! (right, wrong, not sure), how often each page was opened and each question to ask was ticked.
//! Counts only: no time finer than the week, no order of events, no free text, no row per visit.
//! The kiosk's counts and the consult room's are kept apart.
//!
//! They live in SQLite (bundled, so nothing to install). A visit's counts are added in one
//! transaction when it ends, so a guide killed at any instant loses at most the visit it was
//! writing; two guides writing one file wait for each other's transaction and lose nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::calendar::{civil_date, days_from_civil};

/// An ISO 8601 week: the year it belongs to (which, around New Year, may not be the calendar's)
/// and its number, 1 to 53.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    pub fn new(year: i32, week: u32) -> Option<IsoWeek> {
        (1..=weeks_in(year))
            .contains(&week)
            .then_some(IsoWeek { year, week })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn week(self) -> u32 {
        self.week
    }

    /// The week of the day `days` after 1 January 1970.
    pub fn of_day(days: i64) -> IsoWeek {
        let (year, ordinal) = year_and_ordinal(days);
        // Monday 1 … Sunday 7; 1 January 1970 was a Thursday.
        let weekday = (days + 3).rem_euclid(7) + 1;
        let week = (ordinal - weekday + 10).div_euclid(7);
        if week < 1 {
            IsoWeek {
                year: year - 1,
                week: weeks_in(year - 1),
            }
        } else if week as u32 > weeks_in(year) {
            IsoWeek {
                year: year + 1,
                week: 1,
            }
        } else {
            IsoWeek {
                year,
                week: week as u32,
            }
        }
    }

    /// This week, by the machine's clock (UTC: a week starts a few hours early or late at most).
    pub fn now() -> IsoWeek {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_secs() as i64);
        IsoWeek::of_day(seconds.div_euclid(86_400))
    }

    /// The week after this one.
    pub fn next(self) -> IsoWeek {
        if self.week < weeks_in(self.year) {
            IsoWeek {
                week: self.week + 1,
                ..self
            }
        } else {
            IsoWeek {
                year: self.year + 1,
                week: 1,
            }
        }
    }

    /// The week before this one.
    pub fn previous(self) -> IsoWeek {
        if self.week > 1 {
            IsoWeek {
                week: self.week - 1,
                ..self
            }
        } else {
            IsoWeek {
                year: self.year - 1,
                week: weeks_in(self.year - 1),
            }
        }
    }

    /// The first of the `count` weeks that end with this one.
    pub fn first_of(self, count: u32) -> IsoWeek {
        (1..count).fold(self, |week, _| week.previous())
    }

    /// The week's Monday, as `2026-11-30`.
    pub fn monday(self) -> String {
        date(self.first_day())
    }

    /// The week's Sunday, as `2026-12-06`.
    pub fn sunday(self) -> String {
        date(self.first_day() + 6)
    }

    /// Days from 1 January 1970 to the week's Monday: week 1 is the week with 4 January in it.
    fn first_day(self) -> i64 {
        let jan_4 = days_from_civil(self.year, 1, 4);
        let monday_of_week_1 = jan_4 - (jan_4 + 3).rem_euclid(7);
        monday_of_week_1 + 7 * i64::from(self.week - 1)
    }

    /// As the database keeps it: 2649 for 2026-W49, two bytes on disk until the year 2327, which
    /// keeps ten years of counts under a megabyte.
    fn key(self) -> i64 {
        i64::from(self.year - 2000) * 100 + i64::from(self.week)
    }

    fn from_key(key: i64) -> Option<IsoWeek> {
        let year = i32::try_from(key.div_euclid(100)).ok()?.checked_add(2000)?;
        IsoWeek::new(year, key.rem_euclid(100) as u32)
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

impl FromStr for IsoWeek {
    type Err = String;

    /// `2026-W49` (the form the table prints), or `2026W49`.
    fn from_str(text: &str) -> Result<IsoWeek, String> {
        let bad = || format!("“{text}” is not a week: write it as 2026-W49");
        let (year, week) = text.trim().split_once(['W', 'w']).ok_or_else(bad)?;
        // The year whole, as the table prints it: "26W49" is not the year 26.
        let year = year.strip_suffix('-').unwrap_or(year);
        if year.len() != 4 || !year.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let week: u32 = week.parse().map_err(|_| bad())?;
        IsoWeek::new(year, week).ok_or_else(|| format!("{year} has no week {week}"))
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52.
fn weeks_in(year: i32) -> u32 {
    let jan_1 = days_from_civil(year, 1, 1);
    let weekday = (jan_1 + 3).rem_euclid(7) + 1;
    if weekday == 4 || (weekday == 3 && is_leap(year)) {
        53
    } else {
        52
    }
}

/// A day counted from 1 January 1970 (none of the weeks counted are before it), as
/// `2026-12-06`.
fn date(days: i64) -> String {
    let (year, month, day) = civil_date(u64::try_from(days).unwrap_or(0));
    format!("{year}-{month:02}-{day:02}")
}

/// The calendar year of a day, and the day's number in it (1 January is 1).
fn year_and_ordinal(days: i64) -> (i32, i64) {
    // An estimate, corrected by at most a year either way.
    let mut year = (1970 + days.div_euclid(365)) as i32;
    while days_from_civil(year, 1, 1) > days {
        year -= 1;
    }
    while days_from_civil(year + 1, 1, 1) <= days {
        year += 1;
    }
    (year, days - days_from_civil(year, 1, 1) + 1)
}

/// Where the counts come from; kept apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mode {
    Kiosk,
    Consult,
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::Kiosk, Mode::Consult];

    fn key(self) -> i64 {
        match self {
            Mode::Kiosk => 0,
            Mode::Consult => 1,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Mode::Kiosk => "kiosk",
            Mode::Consult => "consult",
        }
    }
}

/// How a check question was answered, the first time it was answered in a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Answer {
    Right,
    Wrong,
    NotSure,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Right, Answer::Wrong, Answer::NotSure];

    fn key(self) -> i64 {
        match self {
            Answer::Right => 1,
            Answer::Wrong => 2,
            Answer::NotSure => 3,
        }
    }

    fn from_key(key: i64) -> Option<Answer> {
        Answer::ALL.into_iter().find(|answer| answer.key() == key)
    }

    pub fn name(self) -> &'static str {
        match self {
            Answer::Right => "right",
            Answer::Wrong => "wrong",
            Answer::NotSure => "not sure",
        }
    }
}

/// One visit's counts, gathered in memory while it lasts and added to the week's when it ends.
/// It holds ids the content defines (questions, pages, topics), never anything typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visit {
    pub reached_check: bool,
    /// Each check question answered, by its id, with the answer that counted.
    pub answers: BTreeMap<String, Answer>,
    /// Each page opened, by its route id: once, however often it was opened, so that a page's
    /// count is how many visits opened it and one patient reading a page five times cannot
    /// pass for five people.
    pub pages: BTreeSet<String>,
    /// The questions to ask that were ticked, by topic.
    pub ticked: BTreeSet<String>,
}

impl Visit {
    /// This visit's check, then `later` of the same patient's (a check started again): the
    /// first answer to each question is the earlier one, the check was reached if either was,
    /// and the ticks and pages of both count once.
    pub fn then(mut self, later: Visit) -> Visit {
        self.reached_check |= later.reached_check;
        for (question, answer) in later.answers {
            self.answers.entry(question).or_insert(answer);
        }
        self.pages.extend(later.pages);
        self.ticked.extend(later.ticked);
        self
    }
}

/// The counts of one week, or of several merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    /// The first and the last week counted here.
    pub from: IsoWeek,
    pub to: IsoWeek,
    pub visits: u64,
    pub checks: u64,
    pub answers: BTreeMap<(String, Answer), u64>,
    pub pages: BTreeMap<String, u64>,
    pub ticked: BTreeMap<String, u64>,
    /// After [`masked`]: how many answers to each question it took out where there were 5 or
    /// more of them (a span where fewer than 5 gave one of them; the table says how many), so
    /// that a total can say its shares leave them out.
    pub unshown: BTreeMap<String, u64>,
}

impl Counts {
    fn empty(week: IsoWeek) -> Counts {
        Counts {
            from: week,
            to: week,
            visits: 0,
            checks: 0,
            answers: BTreeMap::new(),
            pages: BTreeMap::new(),
            ticked: BTreeMap::new(),
            unshown: BTreeMap::new(),
        }
    }

    /// How many times `question` was answered right, wrong and not sure, in that order.
    pub fn answers_to(&self, question: &str) -> [u64; 3] {
        Answer::ALL.map(|answer| {
            self.answers
                .get(&(question.to_owned(), answer))
                .copied()
                .unwrap_or(0)
        })
    }

    /// How many times `question` was answered in these weeks, whatever the answer.
    pub fn answered(&self, question: &str) -> u64 {
        Answer::ALL
            .into_iter()
            .filter_map(|answer| self.answers.get(&(question.to_owned(), answer)))
            .sum()
    }

    /// These counts and `later`'s, as one span of weeks.
    fn merged(mut self, later: Counts) -> Counts {
        self.to = later.to;
        self.visits += later.visits;
        self.checks += later.checks;
        for (key, n) in later.answers {
            *self.answers.entry(key).or_default() += n;
        }
        for (key, n) in later.pages {
            *self.pages.entry(key).or_default() += n;
        }
        for (key, n) in later.ticked {
            *self.ticked.entry(key).or_default() += n;
        }
        for (key, n) in later.unshown {
            *self.unshown.entry(key).or_default() += n;
        }
        self
    }
}

/// Weeks with fewer visits than this are merged with the next, so that no patient's answers can
/// be picked out of a quiet week.
pub const MIN_VISITS: u64 = 5;

/// Fewer answers to a question than this, or fewer openings of a page or ticks of a question
/// to ask, in a span, are shown as "fewer than 5", not as counts: a week of many visits can
/// still hold one patient's answer to a question nobody else reached.
pub const MIN_ANSWERS: u64 = 5;

/// Whether a question's answers in a span (right, wrong, not sure) may be shown one by one:
/// each given at least [`MIN_ANSWERS`] times, or not at all. "Right 4, wrong 1" would say what
/// the fifth patient answered to anyone who knows the other four's (their "ask your therapist
/// about" lists say which they missed); and a total of at least 5 does not make it safe.
pub fn answers_showable(counts: [u64; 3]) -> bool {
    counts.iter().all(|&n| n == 0 || n >= MIN_ANSWERS)
}

/// What staff may read: the weeks before `closed` only (a week still under way, read twice,
/// would show what one visit added), quiet weeks merged with the next, then the spans that end
/// on or after `since` (merged first, so that `since` cannot set a quiet week apart).
/// [`Store::readable`] says which weeks are closed.
pub fn readable(weeks: Vec<Counts>, closed: IsoWeek, since: Option<IsoWeek>) -> Vec<Counts> {
    let finished = weeks.into_iter().filter(|week| week.to < closed).collect();
    merge_small(finished)
        .into_iter()
        .filter(|span| since.is_none_or(|since| span.to >= since))
        .collect()
}

/// `span` without what is too small to show: the answers to a question whose answers are not
/// [`answers_showable`], and the pages opened and the questions to ask ticked fewer than
/// [`MIN_ANSWERS`] times. A total of masked spans holds only counts that were shown span by span,
/// so no difference between two readings, or between a total and the table, brings a hidden
/// answer back.
pub fn masked(mut span: Counts) -> Counts {
    let small: BTreeSet<String> = span
        .answers
        .keys()
        .map(|(question, _)| question.clone())
        .filter(|question| !answers_showable(span.answers_to(question)))
        .collect();
    for question in &small {
        let answered = span.answered(question);
        if answered >= MIN_ANSWERS {
            *span.unshown.entry(question.clone()).or_default() += answered;
        }
    }
    span.answers
        .retain(|(question, _), _| !small.contains(question));
    span.ticked.retain(|_, n| *n >= MIN_ANSWERS);
    span.pages.retain(|_, n| *n >= MIN_ANSWERS);
    span
}

/// The items of `counts` that may be named, with their counts (at least [`MIN_ANSWERS`]), and
/// how many more there are, under that.
fn named(counts: &BTreeMap<String, u64>) -> (Vec<(&String, u64)>, usize) {
    let (shown, under): (Vec<_>, Vec<_>) = counts
        .iter()
        .map(|(item, n)| (item, *n))
        .partition(|(_, n)| *n >= MIN_ANSWERS);
    (shown, under.len())
}

/// A count as staff may read it: "<5" below [`MIN_ANSWERS`], else the number.
fn shown_count(n: u64) -> String {
    if n < MIN_ANSWERS {
        format!("<{MIN_ANSWERS}")
    } else {
        n.to_string()
    }
}

/// Why a question's answers are not shown, for the table: too few in all, or one of them.
fn why_unshown(answered: u64) -> String {
    if answered < MIN_ANSWERS {
        format!("fewer than {MIN_ANSWERS} answers: not shown")
    } else {
        format!("{answered} answers, not shown: fewer than {MIN_ANSWERS} gave one of them")
    }
}

/// `weeks` added up into one span, if there are any; `None` too when they hold fewer than
/// [`MIN_VISITS`] visits in all, so that no patient's answers can be picked out.
pub fn total(weeks: Vec<Counts>) -> Option<Counts> {
    weeks
        .into_iter()
        .reduce(Counts::merged)
        .filter(|total| total.visits >= MIN_VISITS)
}

/// `weeks`, in order, with each run of weeks that has fewer than [`MIN_VISITS`] visits merged
/// into the weeks after it until the span has enough. A span, once shown, stays as it is: a run
/// still too small at the end is not shown at all (merged into the span before it, a later
/// reading would differ from an earlier one by its visits alone), and waits for the weeks after
/// it.
pub fn merge_small(weeks: Vec<Counts>) -> Vec<Counts> {
    let mut spans: Vec<Counts> = Vec::new();
    let mut pending: Option<Counts> = None;
    for week in weeks {
        let span = match pending.take() {
            Some(earlier) => earlier.merged(week),
            None => week,
        };
        if span.visits < MIN_VISITS {
            pending = Some(span);
        } else {
            spans.push(span);
        }
    }
    spans
}

/// Where the counts are kept unless `--insights FILE` says: the platform's folder for an app's
/// data (`$XDG_DATA_HOME`, else `~/.local/share`, on Linux; `%LOCALAPPDATA%` on Windows;
/// `~/Library/Application Support` on macOS), in `needle-guide/insights.sqlite`. `None` when the
/// environment names no such folder.
pub fn default_file(
    var: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Option<std::path::PathBuf> {
    use std::path::PathBuf;
    let absolute = |name: &str| {
        var(name)
            .map(PathBuf::from)
            .filter(|path| path.is_absolute())
    };
    let folder = if cfg!(windows) {
        absolute("LOCALAPPDATA").or_else(|| absolute("APPDATA"))
    } else if cfg!(target_os = "macos") {
        absolute("HOME").map(|home| home.join("Library/Application Support"))
    } else {
        absolute("XDG_DATA_HOME").or_else(|| absolute("HOME").map(|home| home.join(".local/share")))
    }?;
    Some(folder.join("needle-guide").join("insights.sqlite"))
}

/// The counts as a table to read in a terminal: for each span of weeks, the visits, the check's
/// answers with the share of each, the pages opened and the questions ticked.
pub fn table(mode: Mode, spans: &[Counts]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if spans.is_empty() {
        let _ = writeln!(
            out,
            "{}: no counts yet to show (a week is shown once it is over and a later week has \
             counts, and a week with fewer than {MIN_VISITS} visits only together with the weeks \
             after it).",
            mode.name()
        );
        return out;
    }
    for span in spans {
        let weeks = if span.from == span.to {
            span.from.to_string()
        } else {
            format!("{} to {}", span.from, span.to)
        };
        let _ = writeln!(
            out,
            "{} {weeks}: {} visits, {} reached the check",
            mode.name(),
            span.visits,
            span.checks
        );
        let questions: BTreeSet<&String> =
            span.answers.keys().map(|(question, _)| question).collect();
        if !questions.is_empty() {
            let _ = writeln!(
                out,
                "  {:<32} {:>12} {:>12} {:>12}",
                "check question", "right", "wrong", "not sure"
            );
        }
        for question in questions {
            let counts = span.answers_to(question);
            if !answers_showable(counts) {
                let _ = writeln!(
                    out,
                    "  {question:<32} {}",
                    why_unshown(span.answered(question))
                );
                continue;
            }
            let shares = shares(counts);
            let [right, wrong, unsure]: [String; 3] =
                std::array::from_fn(|answer| format!("{} ({}%)", counts[answer], shares[answer]));
            let _ = writeln!(out, "  {question:<32} {right:>12} {wrong:>12} {unsure:>12}");
        }
        // Those under 5 are not named: a condition's page opened by one patient says whose it
        // was, to someone who saw the few people at the kiosk that week.
        let listed = |counts: &BTreeMap<String, u64>| {
            let (shown, others) = named(counts);
            let mut said: Vec<String> = shown
                .into_iter()
                .map(|(name, n)| format!("{name} {n}"))
                .collect();
            if others > 0 {
                said.push(format!("{others} more, fewer than {MIN_ANSWERS} each"));
            }
            said.join(", ")
        };
        if !span.pages.is_empty() {
            let _ = writeln!(
                out,
                "  visits that opened each page: {}",
                listed(&span.pages)
            );
        }
        if !span.ticked.is_empty() {
            let _ = writeln!(out, "  questions to ask ticked: {}", listed(&span.ticked));
        }
    }
    out.push_str(EXACT);
    out
}

/// Under the table: what the counts cannot hide (docs/content.md, "Anonymous counts").
const EXACT: &str = "These counts are exact: where everyone in a span gave the same answer, it \
                     says what each of them answered, and anyone who knows some patients' answers \
                     (their \"ask your therapist about\" lists) may work out others'. Read them to \
                     make the explanation better, never alongside what patients show or tell you.\n";

/// Each of `counts` as a whole percent of their sum (none where the sum is 0), each rounded on
/// its own: equal counts show equal shares, so three may add up to 99 or 101, as the counts
/// shown beside them make plain.
pub fn shares<const N: usize>(counts: [u64; N]) -> [u64; N] {
    let total: u64 = counts.iter().sum();
    counts.map(|n| (n * 200 + total) / (total * 2).max(1))
}

/// The counts as CSV, one count a row (`mode,from,to,what,item,answer,count`), for a
/// spreadsheet. Ids are the content's own, never free text, so nothing needs quoting.
pub fn csv(mode: Mode, spans: &[Counts]) -> String {
    let mut out = String::new();
    let mut row = |span: &Counts, what: &str, item: &str, answer: &str, n: &str| {
        out.push_str(&format!(
            "{},{},{},{what},{item},{answer},{n}\n",
            mode.name(),
            span.from,
            span.to
        ));
    };
    for span in spans {
        row(span, "visits", "", "", &span.visits.to_string());
        row(span, "checks", "", "", &span.checks.to_string());
        // A question answered too few times is one row that names no answer: a row for each
        // answer given would say which answers they were.
        let questions: BTreeSet<&String> =
            span.answers.keys().map(|(question, _)| question).collect();
        for question in questions {
            if !answers_showable(span.answers_to(question)) {
                row(
                    span,
                    "answer",
                    question,
                    "",
                    &shown_count(span.answered(question)),
                );
                continue;
            }
            for answer in Answer::ALL {
                if let Some(n) = span.answers.get(&(question.clone(), answer)) {
                    row(span, "answer", question, answer.name(), &n.to_string());
                }
            }
        }
        // Those under 5 in one row, unnamed, that says how many there are.
        for (what, counts) in [("page", &span.pages), ("ticked", &span.ticked)] {
            let (shown, others) = named(counts);
            for (item, n) in shown {
                row(span, what, item, "", &n.to_string());
            }
            if others > 0 {
                row(
                    span,
                    what,
                    &format!("({others} more)"),
                    "",
                    &format!("<{MIN_ANSWERS}"),
                );
            }
        }
    }
    out
}

/// The header line of [`csv`].
pub const CSV_HEADER: &str = "mode,from,to,what,item,answer,count";

/// Why the counts cannot be kept or read. The kiosk then goes on as if insights were off.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InsightsError {
    #[error("{path}: cannot open it: {reason}")]
    Open { path: String, reason: String },
    #[error("{path}: it is not a counts file the guide can read: {reason}")]
    NotCounts { path: String, reason: String },
    #[error(
        "{path}: it was written by a newer version of the guide (version {found}; this one reads up to {known})"
    )]
    Newer {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{path}: cannot write the counts: {reason}")]
    Write { path: String, reason: String },
    #[error("{path}: cannot read the counts: {reason}")]
    Read { path: String, reason: String },
    /// Another program held the file longer than the guide waits: this visit's counts are lost,
    /// and the next visit tries again.
    #[error("{path}: another program is using it: {reason}")]
    Busy { path: String, reason: String },
    /// There is nowhere to keep the counts: no file was named and the environment names no
    /// folder for an app's data.
    #[error("there is no folder to keep the counts in: {reason}")]
    NoFolder { reason: String },
}

impl InsightsError {
    /// The file it is about.
    pub fn path(&self) -> &str {
        match self {
            InsightsError::Open { path, .. }
            | InsightsError::NotCounts { path, .. }
            | InsightsError::Newer { path, .. }
            | InsightsError::Write { path, .. }
            | InsightsError::Read { path, .. }
            | InsightsError::Busy { path, .. } => path,
            InsightsError::NoFolder { .. } => "",
        }
    }

    /// `error`, from the file at `path`, as staff can act on it: a file that is not a database
    /// or is damaged, another program holding it, a full disk or a read-only file; else
    /// `otherwise`'s.
    fn from_sqlite(
        error: rusqlite::Error,
        path: &str,
        otherwise: impl FnOnce(String, String) -> InsightsError,
    ) -> InsightsError {
        use rusqlite::ErrorCode;
        let (path, reason) = (path.to_owned(), error.to_string());
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                InsightsError::NotCounts { path, reason }
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                InsightsError::Busy { path, reason }
            }
            Some(ErrorCode::DiskFull | ErrorCode::ReadOnly | ErrorCode::SystemIoFailure) => {
                InsightsError::Write { path, reason }
            }
            // A good file on a read-only disk cannot be opened for writing (its write-ahead
            // log cannot be made): that is no reason to call it something else's.
            Some(ErrorCode::CannotOpen) => InsightsError::Open { path, reason },
            _ => otherwise(path, reason),
        }
    }
}

/// The kinds of thing counted, as the database keeps them.
const VISIT: i64 = 0;
const ANSWER: i64 = 1;
const PAGE: i64 = 2;
const TICKED: i64 = 3;
/// Pages' openings as version 1 counted them (a page opened five times in a visit, 5), kept but
/// never read: they cannot be turned into the visits that opened each page, which [`PAGE`]
/// counts since version 2.
const PAGE_OPENINGS: i64 = 4;
/// The two visit counts' names.
const STARTED: &str = "started";
const REACHED_CHECK: &str = "reached-check";

/// Each step from an older file to the next version, in order: `MIGRATIONS[n]` takes version `n`
/// to `n + 1`. Version 0 is a new, empty file.
const MIGRATIONS: &[&str] = &[
    // 1: what is counted, named once in `items`; the counts, a row per week, mode, item and
    // answer, with small integer keys so ten years stay small.
    "CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        kind INTEGER NOT NULL,
        name TEXT NOT NULL,
        UNIQUE (kind, name)
    );
    CREATE TABLE counts (
        week INTEGER NOT NULL,
        mode INTEGER NOT NULL,
        item INTEGER NOT NULL REFERENCES items (id),
        answer INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (week, mode, item, answer)
    ) WITHOUT ROWID;",
    // 2: pages count the visits that opened them, not openings: those counted before are set
    // aside, so that no count of openings is read as one of visits.
    "UPDATE items SET kind = 4 WHERE kind = 2;",
];

/// The version this guide writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// SQLite's `application_id` of a counts file ("NDLG"), set in every file this guide writes:
/// a file at a version above [`VERSION`] without it is another program's database with a
/// version number of its own, not a newer guide's.
pub const APPLICATION_ID: i64 = 0x4E44_4C47;

/// How long one guide waits for another's transaction on the same file.
const BUSY: Duration = Duration::from_secs(5);

/// What a failed write to the counts file at `path` is, for `map_err`.
fn write_error(path: &str) -> impl Fn(rusqlite::Error) -> InsightsError + Copy + '_ {
    move |error| {
        InsightsError::from_sqlite(error, path, |path, reason| InsightsError::Write {
            path,
            reason,
        })
    }
}

/// An error if the database at `path` is another program's, which the guide leaves as it found
/// it: at `version` 0 (a new file, or none of the guide's) it holds tables already; at a version
/// of the guide's it lacks the guide's own tables.
fn refuse_foreign(connection: &Connection, path: &str, version: i64) -> Result<(), InsightsError> {
    let count = |sql: &str| -> Result<i64, InsightsError> {
        connection
            .query_row(sql, [], |row| row.get(0))
            .map_err(|error| {
                InsightsError::from_sqlite(error, path, |path, reason| InsightsError::NotCounts {
                    path,
                    reason,
                })
            })
    };
    // At a version of the guide's, its two tables with exactly their columns: another
    // program's tables that happen to be called `items` and `counts` are not taken for them.
    let foreign = if version == 0 {
        count("SELECT count(*) FROM sqlite_schema")? > 0
    } else {
        count(
            "SELECT count(*) FROM pragma_table_info('items')
             WHERE name IN ('id', 'kind', 'name')",
        )? != 3
            || count("SELECT count(*) FROM pragma_table_info('items')")? != 3
            || count(
                "SELECT count(*) FROM pragma_table_info('counts')
                 WHERE name IN ('week', 'mode', 'item', 'answer', 'n')",
            )? != 5
            || count("SELECT count(*) FROM pragma_table_info('counts')")? != 5
    };
    if foreign {
        return Err(InsightsError::NotCounts {
            path: path.to_owned(),
            reason: "it is an SQLite database of something else".into(),
        });
    }
    Ok(())
}

/// Makes the counts file readable by its owner only, where it is not: a week's first visit is,
/// for a while, that visit's answers alone in it. (SQLite gives its log files the same
/// permissions.) Where that cannot be done, it stays as it is.
fn keep_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(metadata) = std::fs::metadata(path)
            && metadata.permissions().mode() & 0o077 != 0
        {
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// The weeks with counts after `week`, in order.
/// A week's counts, moved whole to another week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekMoved {
    pub from: IsoWeek,
    pub to: IsoWeek,
}

/// Where the weeks with counts after the one after `now` go once the clock is right: each whole,
/// in order, to the weeks that end with next week, and never onto a week that has counts. A
/// reading taken while the clock was ahead may have shown any of them but the latest, and a
/// week's counts merged with another's would make two readings differ by a few visits, which
/// can be one patient's; moved whole, a week shows the same counts under another date. Where the
/// weeks up to next week with no counts are too few, the last stay after next week (visits are
/// added to the latest until the clock reaches it).
fn moves_back(connection: &Connection, now: IsoWeek) -> rusqlite::Result<Vec<WeekMoved>> {
    let next = now.next();
    let ahead = weeks_after(connection, next)?;
    let latest_kept: Option<i64> = connection.query_row(
        "SELECT max(week) FROM counts WHERE week <= ?1",
        params![next.key()],
        |row| row.get(0),
    )?;
    // The first week to move into: as many weeks before next week as there are to move, but
    // after the latest week that keeps its counts.
    let mut to = next.first_of(ahead.len() as u32);
    if let Some(kept) = latest_kept.and_then(IsoWeek::from_key)
        && to <= kept
    {
        to = kept.next();
    }
    let moves = ahead.into_iter().map(|from| {
        let moved = WeekMoved { from, to };
        to = to.next();
        moved
    });
    Ok(moves.filter(|moved| moved.from != moved.to).collect())
}

fn weeks_after(connection: &Connection, week: IsoWeek) -> rusqlite::Result<Vec<IsoWeek>> {
    let mut weeks =
        connection.prepare("SELECT DISTINCT week FROM counts WHERE week > ?1 ORDER BY week")?;
    let keys = weeks
        .query_map(params![week.key()], |row| row.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(keys.into_iter().filter_map(IsoWeek::from_key).collect())
}

/// The key of the latest week with counts, in either room, if there are any.
fn latest_week(connection: &Connection) -> rusqlite::Result<Option<i64>> {
    connection.query_row("SELECT max(week) FROM counts", [], |row| row.get(0))
}

/// The version and label of the counts file `connection` has open, or why it is not a counts
/// file this guide can read: not a database, another program's, a newer guide's, or damaged.
/// Read in one snapshot: another guide making the file at the same moment commits its tables
/// and its version together, so this one never sees the tables without the version and takes
/// the file for another program's. Nothing is written.
fn examine(connection: &mut Connection, name: &str) -> Result<(i64, i64), InsightsError> {
    let open = |error| {
        InsightsError::from_sqlite(error, name, |path, reason| InsightsError::Open {
            path,
            reason,
        })
    };
    let not_counts = |error| {
        InsightsError::from_sqlite(error, name, |path, reason| InsightsError::NotCounts {
            path,
            reason,
        })
    };
    let snapshot = connection.transaction().map_err(open)?;
    // Not a database at all shows here, on the first read.
    let found: i64 = snapshot
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(not_counts)?;
    let application: i64 = snapshot
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .map_err(not_counts)?;
    if found > VERSION && application != APPLICATION_ID {
        return Err(InsightsError::NotCounts {
            path: name.to_owned(),
            reason: "it is an SQLite database of something else".into(),
        });
    }
    if found > VERSION {
        return Err(InsightsError::Newer {
            path: name.to_owned(),
            found,
            known: VERSION,
        });
    }
    // Another program's database is refused before anything is written to it (the
    // write-ahead log changes the file's header), and so is a damaged one: its numbers may be
    // wrong, and it is left as it was found.
    refuse_foreign(&snapshot, name, found)?;
    let check: String = snapshot
        .query_row("PRAGMA quick_check", [], |row| row.get(0))
        .map_err(not_counts)?;
    if check != "ok" {
        return Err(InsightsError::NotCounts {
            path: name.to_owned(),
            reason: "it is damaged".into(),
        });
    }
    Ok((found, application))
}

/// The file beside the counts file at `path` that SQLite names with `suffix` ("-wal", "-shm").
fn sidecar(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    std::path::PathBuf::from(name)
}

/// An error, before anything is opened or made, where the counts file at `path`, or a file
/// SQLite keeps beside it, is there and cannot be written: SQLite would open it to read only
/// and make its own files beside it with the same permissions, which would still stop the
/// counts once the file itself was made writable again. Each is named.
fn refuse_unwritable(path: &Path, name: &str) -> Result<(), InsightsError> {
    let beside = [sidecar(path, "-wal"), sidecar(path, "-shm")];
    for file in std::iter::once(path).chain(beside.iter().map(|file| file.as_path())) {
        let Err(error) = std::fs::OpenOptions::new().write(true).open(file) else {
            continue;
        };
        if error.kind() == std::io::ErrorKind::NotFound {
            continue;
        }
        if file == path && error.kind() == std::io::ErrorKind::IsADirectory {
            return Err(InsightsError::Open {
                path: name.to_owned(),
                reason: "it is a folder: name a file, such as insights.sqlite in it".into(),
            });
        }
        let reason = if file == path {
            format!("it cannot be written ({error}): make it writable by the guide's user")
        } else {
            format!(
                "the file {} beside it cannot be written ({error}): with no guide running, \
                 remove it, or make it writable by the guide's user",
                file.display()
            )
        };
        return Err(InsightsError::Write {
            path: name.to_owned(),
            reason,
        });
    }
    Ok(())
}

/// `path` as an SQLite `file:` URI, each byte that is not a plain path character written as
/// `%XX`, so that a name with `?`, `#` or `%` in it stays the file's name.
fn file_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = absolute.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file:");
    if !text.starts_with('/') {
        // A Windows drive: file:///C:/...
        uri.push('/');
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

/// The counts file, open.
pub struct Store {
    connection: Connection,
    path: String,
    /// The file's version: [`VERSION`], but where it was opened only to read
    /// ([`Store::open_to_read`]), which reads an older file as it is.
    version: i64,
}

impl Store {
    /// Opens the counts at `path`, making the file if there is none and bringing an older one up
    /// to date in place, in one transaction.
    pub fn open(path: &Path) -> Result<Store, InsightsError> {
        let name = path.display().to_string();
        refuse_unwritable(path, &name)?;
        let open = |error| {
            InsightsError::from_sqlite(error, &name, |path, reason| InsightsError::Open {
                path,
                reason,
            })
        };
        let not_counts = |error| {
            InsightsError::from_sqlite(error, &name, |path, reason| InsightsError::NotCounts {
                path,
                reason,
            })
        };
        let mut connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open)?;
        connection.busy_timeout(BUSY).map_err(open)?;
        let (found, application) = examine(&mut connection, &name)?;
        keep_private(path);
        if application != APPLICATION_ID {
            // A label only: a read-only file of an earlier build is still read without it, and
            // a write that cannot be made fails later with its own reason.
            let _ = connection.pragma_update(None, "application_id", APPLICATION_ID);
        }
        // The write-ahead log lets a reader read while a guide writes, and makes each commit
        // one append; `NORMAL` syncs at checkpoints, and a crash still keeps every commit whole.
        // Switching to it needs the file to itself, and SQLite does not wait for that (its busy
        // handler is not asked): where another guide holds the file, it is tried again for as
        // long as a write would wait.
        let started = std::time::Instant::now();
        loop {
            match connection.pragma_update(None, "journal_mode", "WAL") {
                Ok(()) => break,
                Err(rusqlite::Error::SqliteFailure(error, _))
                    if error.code == rusqlite::ErrorCode::DatabaseBusy
                        && started.elapsed() < BUSY =>
                {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(error) => return Err(open(error)),
            }
        }
        connection
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(open)?;
        if found < VERSION {
            let transaction = connection
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(open)?;
            // Another guide may have brought it up to date while this one waited.
            let now: i64 = transaction
                .query_row("PRAGMA user_version", [], |row| row.get(0))
                .map_err(not_counts)?;
            if found == 0 && now == 0 {
                refuse_foreign(&transaction, &name, 0)?;
            }
            for (from, step) in MIGRATIONS.iter().enumerate().skip(now as usize) {
                transaction
                    .execute_batch(step)
                    .map_err(|error| InsightsError::Write {
                        path: name.clone(),
                        reason: format!("bringing it from version {from} to {}: {error}", from + 1),
                    })?;
            }
            transaction
                .pragma_update(None, "user_version", VERSION)
                .map_err(open)?;
            transaction.commit().map_err(open)?;
        }
        Ok(Store {
            connection,
            path: name,
            version: VERSION,
        })
    }

    /// Opens the counts at `path` only to read them, for staff who may read the file and not
    /// write it: nothing is written to it or made beside it, and an older file is read as it
    /// is, not brought up to date. Where its folder cannot be written and it has no write-ahead
    /// log open beside it, it is read as it stands on disk. A damaged file is refused, as by
    /// [`Store::open`]: its numbers could be wrong.
    pub fn open_to_read(path: &Path) -> Result<Store, InsightsError> {
        let name = path.display().to_string();
        // Said as it is, not in SQLite's words (which named the file by an address of its own).
        if let Err(error) = std::fs::File::open(path)
            && error.kind() == std::io::ErrorKind::PermissionDenied
        {
            return Err(InsightsError::Open {
                path: name,
                reason: format!(
                    "this user may not read it ({error}): read it as the user the guide counts \
                     as, or with sudo"
                ),
            });
        }
        let cannot_open = |error| {
            InsightsError::from_sqlite(error, &name, |path, reason| InsightsError::Open {
                path,
                reason,
            })
        };
        let open = |flags: OpenFlags, at: &str| -> Result<(Connection, i64), InsightsError> {
            let mut connection = Connection::open_with_flags(at, flags).map_err(cannot_open)?;
            connection.busy_timeout(BUSY).map_err(cannot_open)?;
            let (found, _) = examine(&mut connection, &name)?;
            Ok((connection, found))
        };
        let read_only = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        // The file as it is on disk (SQLite's `immutable`): no lock, and nothing made beside it.
        let as_on_disk = || {
            open(
                read_only | OpenFlags::SQLITE_OPEN_URI,
                &format!("{}?immutable=1", file_uri(path)),
            )
        };
        // Read the usual way, a file in write-ahead-log mode needs a shared-memory file beside
        // it, and SQLite makes one, with the file's own permissions, which it leaves there: a
        // read-only one stopped counting once the file was made writable again.
        let usual = || match open(read_only, &name) {
            // A reader cannot make it in a folder it may not write (SQLite says it cannot open
            // the file, or that it is read-only): the file as it is on disk holds every visit a
            // guide has closed.
            Err(InsightsError::Open { .. } | InsightsError::Write { .. }) => as_on_disk(),
            other => other,
        };
        // With no write-ahead log beside it, no guide is writing it (a guide's last close folds
        // the log back in and removes it), and it is read as it is on disk. A visit written at
        // that very moment can make it look damaged: then it is read again the usual way.
        let (connection, version) = if sidecar(path, "-wal").exists() {
            usual()?
        } else {
            match as_on_disk() {
                Err(InsightsError::NotCounts { .. }) => usual()?,
                other => other?,
            }
        };
        Ok(Store {
            connection,
            path: name,
            version,
        })
    }

    /// Brings back the counts of the weeks after the one after `now`, for a clock that was set
    /// ahead when visits were counted, once it is right again (staff are told to,
    /// `Counting::ahead_of_the_clock`); in one transaction, as [`Store::weeks_ahead`] plans it.
    /// Says which weeks went where.
    pub fn bring_back_weeks_ahead(
        &mut self,
        now: IsoWeek,
    ) -> Result<Vec<WeekMoved>, InsightsError> {
        let write = write_error(&self.path);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(write)?;
        let moves = moves_back(&transaction, now).map_err(write)?;
        for moved in &moves {
            transaction
                .execute(
                    "UPDATE counts SET week = ?1 WHERE week = ?2",
                    params![moved.to.key(), moved.from.key()],
                )
                .map_err(write)?;
        }
        transaction.commit().map_err(write)?;
        Ok(moves)
    }

    /// Where [`Store::bring_back_weeks_ahead`] would move each week with counts after the one
    /// after `now`, leaving out those already where they would go. Nothing is written.
    pub fn weeks_ahead(&self, now: IsoWeek) -> Result<Vec<WeekMoved>, InsightsError> {
        if self.version == 0 {
            return Ok(Vec::new());
        }
        moves_back(&self.connection, now).map_err(|error| {
            InsightsError::from_sqlite(error, &self.path, |path, reason| InsightsError::Read {
                path,
                reason,
            })
        })
    }

    /// Adds one visit's counts to `week`'s, in one transaction: all of them or none; to the
    /// latest week the file has, where `week` is before it (a clock set back, or set ahead
    /// when an earlier visit was written). Returns the week the visit went to.
    pub fn record(
        &mut self,
        week: IsoWeek,
        mode: Mode,
        visit: &Visit,
    ) -> Result<IsoWeek, InsightsError> {
        let write = write_error(&self.path);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(write)?;
        // Never into a week before the latest the file has: a clock set back would add a visit
        // to a week already shown, and two readings would differ by that visit alone.
        let latest = latest_week(&transaction).map_err(write)?;
        let week = latest.map_or(week.key(), |latest| latest.max(week.key()));
        let mut counts: Vec<(i64, &str, Option<Answer>, u64)> = vec![(VISIT, STARTED, None, 1)];
        if visit.reached_check {
            counts.push((VISIT, REACHED_CHECK, None, 1));
        }
        counts.extend(
            visit
                .answers
                .iter()
                .map(|(question, answer)| (ANSWER, question.as_str(), Some(*answer), 1)),
        );
        counts.extend(
            visit
                .pages
                .iter()
                .map(|page| (PAGE, page.as_str(), None, 1)),
        );
        counts.extend(
            visit
                .ticked
                .iter()
                .map(|topic| (TICKED, topic.as_str(), None, 1)),
        );
        {
            let mut name_item = transaction
                .prepare_cached("INSERT OR IGNORE INTO items (kind, name) VALUES (?1, ?2)")
                .map_err(write)?;
            let mut find_item = transaction
                .prepare_cached("SELECT id FROM items WHERE kind = ?1 AND name = ?2")
                .map_err(write)?;
            let mut add = transaction
                .prepare_cached(
                    "INSERT INTO counts (week, mode, item, answer, n) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (week, mode, item, answer) DO UPDATE SET n = n + excluded.n",
                )
                .map_err(write)?;
            for (kind, name, answer, n) in counts {
                name_item.execute(params![kind, name]).map_err(write)?;
                let item: i64 = find_item
                    .query_row(params![kind, name], |row| row.get(0))
                    .map_err(write)?;
                add.execute(params![
                    week,
                    mode.key(),
                    item,
                    answer.map_or(0, Answer::key),
                    n as i64
                ])
                .map_err(write)?;
            }
        }
        transaction.commit().map_err(write)?;
        IsoWeek::from_key(week).ok_or_else(|| InsightsError::Write {
            path: self.path.clone(),
            reason: format!("the file's latest week, {week}, is not a week"),
        })
    }

    /// What staff may read of `mode`'s counts ([`readable`]) in week `now`. A week is closed once
    /// it is over and the file holds a later week's counts: so a copy of the file made during a
    /// week, read later, does not show that week in part, and the file it was copied from shows
    /// it whole.
    pub fn readable(
        &self,
        mode: Mode,
        now: IsoWeek,
        since: Option<IsoWeek>,
    ) -> Result<Vec<Counts>, InsightsError> {
        let closed = self.last_week()?.map_or(now, |last| last.min(now));
        Ok(readable(self.weeks(mode, None)?, closed, since))
    }

    /// The latest week with counts, in either room.
    fn last_week(&self) -> Result<Option<IsoWeek>, InsightsError> {
        if self.version == 0 {
            return Ok(None);
        }
        let last = latest_week(&self.connection).map_err(|reason| InsightsError::Read {
            path: self.path.clone(),
            reason: reason.to_string(),
        })?;
        Ok(last.and_then(IsoWeek::from_key))
    }

    /// Every week with counts for `mode`, from `since` on, in order (not merged).
    pub fn weeks(&self, mode: Mode, since: Option<IsoWeek>) -> Result<Vec<Counts>, InsightsError> {
        let read = |error| {
            InsightsError::from_sqlite(error, &self.path, |path, reason| InsightsError::Read {
                path,
                reason,
            })
        };
        // A file made and never written holds no tables yet.
        if self.version == 0 {
            return Ok(Vec::new());
        }
        let mut query = self
            .connection
            .prepare(
                "SELECT counts.week, items.kind, items.name, counts.answer, counts.n
                 FROM counts JOIN items ON items.id = counts.item
                 WHERE counts.mode = ?1 AND counts.week >= ?2
                 ORDER BY counts.week",
            )
            .map_err(read)?;
        let rows = query
            .query_map(
                params![mode.key(), since.map_or(i64::MIN, IsoWeek::key)],
                |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, i64>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, i64>(3)?,
                        row.get::<_, i64>(4)?,
                    ))
                },
            )
            .map_err(read)?;
        let mut weeks: Vec<Counts> = Vec::new();
        for row in rows {
            let (week, kind, name, answer, n) = row.map_err(read)?;
            let Some(week) = IsoWeek::from_key(week) else {
                continue;
            };
            if weeks.last().is_none_or(|last| last.from != week) {
                weeks.push(Counts::empty(week));
            }
            let counts = weeks.last_mut().expect("pushed above");
            let n = n.max(0) as u64;
            // Before version 2, pages' openings were kept as `PAGE` (an older file read as it
            // is, not brought up to date).
            let kind = if kind == PAGE && self.version < 2 {
                PAGE_OPENINGS
            } else {
                kind
            };
            match (kind, name.as_str(), Answer::from_key(answer)) {
                (VISIT, STARTED, _) => counts.visits += n,
                (VISIT, REACHED_CHECK, _) => counts.checks += n,
                (ANSWER, _, Some(answer)) => {
                    *counts.answers.entry((name, answer)).or_default() += n
                }
                (PAGE, _, _) => *counts.pages.entry(name).or_default() += n,
                (TICKED, _, _) => *counts.ticked.entry(name).or_default() += n,
                // Kept, never read (see `PAGE_OPENINGS`).
                (PAGE_OPENINGS, _, _) => {}
                _ => {}
            }
        }
        Ok(weeks)
    }

    /// Whether the file is whole: SQLite's own check of every page and index.
    pub fn is_whole(&self) -> bool {
        self.connection
            .query_row("PRAGMA integrity_check", [], |row| row.get::<_, String>(0))
            .optional()
            .is_ok_and(|result| result.as_deref() == Some("ok"))
    }

    /// An error if a visit's counts could not be added now: the file is damaged, or it or its
    /// folder cannot be written. Checked when the guide starts, so staff know before the first
    /// patient; nothing is written.
    pub fn ready_to_write(&self) -> Result<(), InsightsError> {
        if !self.is_whole() {
            return Err(InsightsError::NotCounts {
                path: self.path.clone(),
                reason: "it is damaged".into(),
            });
        }
        // SQLite opens a file it may not write read-only, without a word; a write begun and
        // undone does not show it in write-ahead-log mode.
        if self
            .connection
            .is_readonly(rusqlite::MAIN_DB)
            .unwrap_or(false)
        {
            return Err(InsightsError::Write {
                path: self.path.clone(),
                reason: "the file is read-only".into(),
            });
        }
        self.connection
            .execute_batch("BEGIN IMMEDIATE; ROLLBACK;")
            .map_err(write_error(&self.path))
    }
}

/// An error if the counts file `file`, not there yet, could not be made: the folder it would go
/// in (or the nearest one there is) cannot be written, or its disk is full. Checked by writing
/// and removing a file of a database page's size (an empty one fits on a full disk).
pub fn can_make(file: &Path) -> Result<(), InsightsError> {
    let failed = |reason: String| InsightsError::Write {
        path: file.display().to_string(),
        reason,
    };
    // The nearest of the folders it would go in that is there: the rest are made then.
    let there = file
        .ancestors()
        .skip(1)
        .find(|folder| folder.as_os_str().is_empty() || folder.exists())
        .unwrap_or(Path::new(""));
    let folder = if there.as_os_str().is_empty() {
        Path::new(".")
    } else {
        there
    };
    if !folder.is_dir() {
        return Err(failed(format!(
            "{} is a file, not a folder",
            folder.display()
        )));
    }
    let probe = folder.join(format!(".needle-guide-probe-{}", std::process::id()));
    let written = std::fs::write(&probe, [0u8; 4096]);
    let _ = std::fs::remove_file(&probe);
    written.map_err(|error| failed(format!("{} cannot be written: {error}", folder.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An empty folder of this test run's own, `name` telling it apart.
    fn scratch(name: &str) -> std::path::PathBuf {
        let folder = std::env::temp_dir().join(format!(
            "needle-guide-insights-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        folder
    }

    #[test]
    fn a_file_that_cannot_be_opened_is_said_so_never_called_something_else() {
        let cannot_open = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
            None,
        );
        let said = InsightsError::from_sqlite(cannot_open, "counts.sqlite", |path, reason| {
            InsightsError::NotCounts { path, reason }
        });
        assert!(matches!(said, InsightsError::Open { .. }), "{said:?}");
    }

    #[test]
    fn a_version_1_file_keeps_its_visits_and_sets_its_page_openings_aside() {
        assert_eq!(
            MIGRATIONS[1],
            format!("UPDATE items SET kind = {PAGE_OPENINGS} WHERE kind = {PAGE};")
        );
        let folder = scratch("version-1");
        let path = folder.join("old.sqlite");
        let week = IsoWeek::new(2026, 40).unwrap().key();
        {
            let old = Connection::open(&path).unwrap();
            old.execute_batch(MIGRATIONS[0]).unwrap();
            old.execute_batch(&format!(
                "INSERT INTO items (id, kind, name) VALUES (1, {VISIT}, '{STARTED}'), (2, {PAGE}, 'home');
                 INSERT INTO counts VALUES ({week}, 0, 1, 0, 5), ({week}, 0, 2, 0, 23);
                 PRAGMA user_version = 1;"
            ))
            .unwrap();
        }
        // Read as it is, to read only: the same counts, and the file and its folder untouched.
        let before = std::fs::read(&path).unwrap();
        let listing = || {
            let mut names: Vec<_> = std::fs::read_dir(&folder)
                .unwrap()
                .map(|entry| entry.unwrap().file_name())
                .collect();
            names.sort();
            names
        };
        let listed = listing();
        let read = |store: Result<Store, InsightsError>| {
            let weeks = store.unwrap().weeks(Mode::Kiosk, None).unwrap();
            assert_eq!(weeks[0].visits, 5);
            assert!(
                weeks[0].pages.is_empty(),
                "23 openings are not 23 visits: {:?}",
                weeks[0].pages
            );
        };
        read(Store::open_to_read(&path));
        assert_eq!(std::fs::read(&path).unwrap(), before, "the file changed");
        assert_eq!(listing(), listed, "a file made beside it");
        // Brought up to date by a guide that writes to it.
        read(Store::open(&path));
        assert_ne!(std::fs::read(&path).unwrap(), before);
        let _ = std::fs::remove_dir_all(&folder);
    }

    #[test]
    fn to_read_the_counts_nothing_is_written_and_a_damaged_or_empty_file_is_said_so() {
        let folder = scratch("read-only");
        let path = folder.join("counts.sqlite");
        let week = IsoWeek::new(2026, 40).unwrap();
        let mut store = Store::open(&path).unwrap();
        for _ in 0..200 {
            store.record(week, Mode::Kiosk, &Visit::default()).unwrap();
        }
        drop(store);
        let before = std::fs::read(&path).unwrap();
        let read = Store::open_to_read(&path).unwrap();
        assert_eq!(read.weeks(Mode::Kiosk, None).unwrap()[0].visits, 200);
        assert_eq!(read.weeks_ahead(week).unwrap(), []);
        drop(read);
        assert_eq!(std::fs::read(&path).unwrap(), before, "the file changed");
        // A file of no bytes is an empty database: no counts, no error.
        let empty = folder.join("empty.sqlite");
        std::fs::write(&empty, b"").unwrap();
        let read = Store::open_to_read(&empty).unwrap();
        assert!(read.weeks(Mode::Kiosk, None).unwrap().is_empty());
        assert_eq!(read.readable(Mode::Kiosk, week, None).unwrap(), []);
        // A damaged file's numbers are not shown at all: a page of the table spoiled.
        let mut damaged = before.clone();
        let page = 4096;
        assert!(damaged.len() >= 3 * page, "{} bytes", damaged.len());
        damaged[page..2 * page].fill(0x5A);
        let spoiled = folder.join("damaged.sqlite");
        std::fs::write(&spoiled, &damaged).unwrap();
        // Refused to read, and by a guide that counts, which leaves it as it was found.
        for opened in [Store::open_to_read(&spoiled), Store::open(&spoiled)] {
            match opened {
                Err(InsightsError::NotCounts { .. }) => {}
                Err(other) => panic!("{other}"),
                Ok(store) => panic!("read: {:?}", store.weeks(Mode::Kiosk, None)),
            }
        }
        assert_eq!(
            std::fs::read(&spoiled).unwrap(),
            damaged,
            "the damaged file changed"
        );
        let _ = std::fs::remove_dir_all(&folder);
    }

    #[test]
    fn shares_are_rounded_each_and_equal_for_equal_counts() {
        assert_eq!(shares([4, 1, 1]), [67, 17, 17]);
        assert_eq!(shares([1, 1, 1]), [33, 33, 33]);
        assert_eq!(shares([1, 1, 0]), [50, 50, 0]);
        assert_eq!(shares([0, 0, 0]), [0, 0, 0]);
        assert_eq!(shares([0, 7, 0]), [0, 100, 0]);
        for a in 0..25u64 {
            for b in 1..25 {
                let got = shares([a, b, b]);
                assert_eq!(got[1], got[2], "{a}, {b}, {b}");
                let exact = a as f64 * 100.0 / (a + 2 * b) as f64;
                assert!((got[0] as f64 - exact).abs() <= 0.5, "{a}, {b}: {got:?}");
            }
        }
    }

    #[test]
    fn iso_weeks_match_the_calendar_around_new_year() {
        // Known ISO weeks: 1 January 2021 (a Friday) is in 2020-W53; 31 December 2024 (a
        // Tuesday) is in 2025-W01; 4 December 2026 is in 2026-W49.
        let cases = [
            ((2021, 1, 1), "2020-W53"),
            ((2024, 12, 31), "2025-W01"),
            ((2026, 12, 4), "2026-W49"),
            ((2027, 1, 3), "2026-W53"),
            ((2027, 1, 4), "2027-W01"),
            ((1970, 1, 1), "1970-W01"),
            ((2000, 2, 29), "2000-W09"),
        ];
        for ((year, month, day), expected) in cases {
            let week = IsoWeek::of_day(days_from_civil(year, month, day));
            assert_eq!(week.to_string(), expected, "{year}-{month}-{day}");
            assert_eq!(expected.parse::<IsoWeek>(), Ok(week));
        }
        // Each week's Monday and Sunday, and every day between them in that week.
        assert_eq!(IsoWeek::new(2026, 49).unwrap().monday(), "2026-11-30");
        assert_eq!(IsoWeek::new(2026, 49).unwrap().sunday(), "2026-12-06");
        assert_eq!(IsoWeek::new(2020, 53).unwrap().monday(), "2020-12-28");
        assert_eq!(IsoWeek::new(2020, 53).unwrap().sunday(), "2021-01-03");
        assert_eq!(IsoWeek::new(2025, 1).unwrap().monday(), "2024-12-30");
        for days in 0..20_000 {
            let week = IsoWeek::of_day(days);
            let monday = week.first_day();
            assert!((monday..monday + 7).contains(&days), "{week} {days}");
            assert_eq!(IsoWeek::of_day(monday), week);
        }
        assert_eq!(date(days_from_civil(2000, 2, 29)), "2000-02-29");
        assert_eq!(weeks_in(2026), 53);
        assert_eq!(weeks_in(2025), 52);
        assert!("2025-W53".parse::<IsoWeek>().is_err());
        assert!("last week".parse::<IsoWeek>().is_err());
        // A year not written whole is refused, not read as the year 26 or -2026.
        for text in ["26W49", "26-W49", "-2026-W49", "+2026-W49", "20260-W1"] {
            assert!(text.parse::<IsoWeek>().is_err(), "{text}");
        }
        assert_eq!(
            "2026w49".parse::<IsoWeek>(),
            IsoWeek::new(2026, 49).ok_or(String::new())
        );
    }

    #[test]
    fn every_day_of_fifty_years_falls_in_the_week_after_the_day_a_week_before() {
        let start = days_from_civil(2000, 1, 1);
        for day in start..start + 50 * 366 {
            let week = IsoWeek::of_day(day);
            assert_eq!(IsoWeek::of_day(day - 7).next(), week, "day {day}");
            assert_eq!(week.previous(), IsoWeek::of_day(day - 7), "day {day}");
            assert_eq!(week.first_of(12), IsoWeek::of_day(day - 77), "day {day}");
            assert_eq!(IsoWeek::from_key(week.key()), Some(week));
        }
    }

    fn week(n: u32, visits: u64) -> Counts {
        Counts {
            visits,
            checks: visits / 2,
            ..Counts::empty(IsoWeek::new(2026, n).unwrap())
        }
    }

    #[test]
    fn quiet_weeks_are_merged_with_the_next_so_no_one_stands_out() {
        let merged = merge_small(vec![
            week(1, 2),
            week(2, 1),
            week(3, 9),
            week(4, 6),
            week(5, 3),
        ]);
        let spans: Vec<(String, String, u64)> = merged
            .iter()
            .map(|span| (span.from.to_string(), span.to.to_string(), span.visits))
            .collect();
        // The quiet last week waits for the weeks after it: merged into the span before, a
        // later reading would differ from this one by its 3 visits alone.
        assert_eq!(
            spans,
            [
                ("2026-W01".into(), "2026-W03".into(), 12),
                ("2026-W04".into(), "2026-W04".into(), 6),
            ]
        );
        assert!(merge_small(vec![week(1, 4)]).is_empty());
        assert!(merged.iter().all(|span| span.visits >= MIN_VISITS));
    }

    /// Every reading, whenever it is taken, shows spans that a later reading shows the same, so
    /// that no two readings differ by fewer than 5 visits.
    #[test]
    fn a_later_reading_keeps_every_span_an_earlier_one_showed() {
        let visits = [2, 1, 9, 6, 3, 1, 0, 4, 12, 1, 5, 2];
        let weeks: Vec<Counts> = visits
            .iter()
            .enumerate()
            .map(|(n, visits)| week(n as u32 + 1, *visits))
            .collect();
        let span = |span: &Counts| (span.from, span.to, span.visits);
        for end in 1..=weeks.len() {
            let earlier: Vec<_> = merge_small(weeks[..end - 1].to_vec())
                .iter()
                .map(span)
                .collect();
            let later: Vec<_> = merge_small(weeks[..end].to_vec())
                .iter()
                .map(span)
                .collect();
            assert!(later.starts_with(&earlier), "{earlier:?} then {later:?}");
            let added: u64 = later[earlier.len()..].iter().map(|(_, _, n)| n).sum();
            assert!(added == 0 || added >= MIN_VISITS, "{later:?}");
        }
    }

    #[test]
    fn an_answer_given_fewer_than_five_times_or_a_tick_is_not_shown_as_counts() {
        let mut span = week(3, 9);
        let answers = [
            // Too few answers in all.
            ("lungs", [1, 1, 0]),
            // Six answers, but each given by two: shown, each would say what two answered.
            ("driving", [2, 2, 2]),
            // A span of five where four knew it: the fifth's answer, to anyone who knows the
            // other four's lists.
            ("what-to-do", [4, 1, 0]),
            // Everyone gave the same answer: shown, and Clinic counts says what that means.
            ("benefits", [5, 0, 0]),
            ("chart", [5, 0, 5]),
        ];
        for (question, counts) in answers {
            for (answer, n) in Answer::ALL.into_iter().zip(counts) {
                if n > 0 {
                    span.answers.insert((question.into(), answer), n);
                }
            }
        }
        span.ticked.insert("cost".into(), 1);
        span.ticked.insert("feel".into(), 7);
        span.pages.insert("condition/sciatica".into(), 1);
        span.pages.insert("home".into(), 7);
        let table = table(Mode::Kiosk, std::slice::from_ref(&span));
        assert!(table.contains("lungs"), "{table}");
        assert!(table.contains("fewer than 5 answers: not shown"), "{table}");
        assert!(
            table.contains("6 answers, not shown: fewer than 5 gave one of them")
                && table.contains("5 answers, not shown: fewer than 5 gave one of them"),
            "{table}"
        );
        assert!(
            !table.contains("2 (33%)") && !table.contains("4 (80%)"),
            "{table}"
        );
        assert!(
            table.contains("5 (100%)") && table.contains("5 (50%)"),
            "{table}"
        );
        // What the floors cannot hide is said under the counts.
        assert!(table.ends_with(EXACT), "{table}");
        // Those under 5 are counted, never named.
        assert!(
            table.contains("feel 7, 1 more, fewer than 5 each"),
            "{table}"
        );
        assert!(
            table.contains("home 7, 1 more, fewer than 5 each"),
            "{table}"
        );
        assert!(
            !table.contains("cost") && !table.contains("sciatica"),
            "{table}"
        );
        let csv = csv(Mode::Kiosk, std::slice::from_ref(&span));
        // One row for a question whose answers are not shown, naming no answer.
        assert!(csv.contains(",answer,lungs,,<5\n"), "{csv}");
        assert!(csv.contains(",answer,driving,,6\n"), "{csv}");
        assert!(csv.contains(",answer,what-to-do,,5\n"), "{csv}");
        let hidden = ["lungs,", "driving,", "what-to-do,"]
            .map(|question| Answer::ALL.map(|answer| format!("{question}{}", answer.name())));
        assert!(
            !hidden.iter().flatten().any(|row| csv.contains(row)),
            "{csv}"
        );
        assert!(csv.contains(",answer,benefits,right,5\n"), "{csv}");
        assert!(csv.contains(",answer,chart,not sure,5\n"), "{csv}");
        assert!(csv.contains(",ticked,(1 more),,<5"), "{csv}");
        assert!(csv.contains(",page,(1 more),,<5"), "{csv}");
        assert!(!csv.contains("cost") && !csv.contains("sciatica"), "{csv}");
        // A total holds only what each span showed.
        let shown = masked(span);
        let questions: BTreeSet<&str> = shown.answers.keys().map(|(q, _)| q.as_str()).collect();
        assert_eq!(questions, BTreeSet::from(["benefits", "chart"]));
        // What it took out where there were 5 or more, said as a number of answers only.
        assert_eq!(
            shown.unshown,
            BTreeMap::from([("driving".into(), 6), ("what-to-do".into(), 5)])
        );
        assert_eq!(shown.ticked.keys().collect::<Vec<_>>(), ["feel"]);
        assert_eq!(shown.pages.keys().collect::<Vec<_>>(), ["home"]);
    }

    #[test]
    fn a_total_adds_up_its_weeks_and_shows_nothing_under_five_visits() {
        let all = total(vec![week(1, 2), week(2, 1), week(3, 9)]).unwrap();
        assert_eq!((all.from.week(), all.to.week(), all.visits), (1, 3, 12));
        assert_eq!(total(vec![week(1, 2), week(2, 2)]), None);
        assert_eq!(total(Vec::new()), None);
    }
}
