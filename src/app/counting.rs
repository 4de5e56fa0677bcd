//! The clinic's anonymous counts (`insights: true` in clinic.ron, `crate::insights`): what a
//! visit adds, gathered in memory while it lasts and added to its week's counts in a task when
//! it ends, off the window's thread. Nothing of the visit but those counts outlives it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use iced::Task;

use super::background::Background;
use crate::content::route::Route;
use crate::insights::{InsightsError, IsoWeek, Mode, Store, Visit};

#[derive(Debug, Clone, PartialEq)]
pub struct Counting {
    file: PathBuf,
    mode: Mode,
    /// The pages opened in this visit, by route id (once each: see `Visit::pages`).
    pages: BTreeSet<String>,
    /// Why counting stopped: the file could not be written. Staff are told, never a patient.
    off: Option<InsightsError>,
    /// The consult room's check reached its summary and was counted; "Try these again", the
    /// check started again and a second summary are the same patient, not another visit.
    /// Cleared by "Next patient".
    check_counted: bool,
    /// At the kiosk, what a check started again had come to: the same patient's, so its first
    /// answers, its ticks and that it was reached count when the visit ends.
    earlier_check: Visit,
    /// Why the last visit's counts were lost though counting goes on (another program held the
    /// file, or it could not be written): staff are told until a visit is written again.
    lost: Option<InsightsError>,
    /// The week the last visit went to, where it is more than a week after this computer's
    /// date: the file holds counts from a clock that was set ahead, or this one is behind.
    /// Visits go to that week until the date reaches it; staff are told, to check the clock.
    ahead: Option<IsoWeek>,
}

impl Counting {
    /// Counts into `file`. One that is there already is opened at once (and upgraded if it is
    /// an older version's), so that a file that is not a counts file, is damaged or is from a
    /// newer guide turns counting off before the first patient, not after; a file not yet there
    /// is made by the first visit, so a kiosk nobody used leaves none.
    pub fn new(file: PathBuf, mode: Mode) -> Counting {
        let mut counting = Counting::blank(file, mode);
        let ready = if counting.file.exists() {
            Store::open(&counting.file).and_then(|store| store.ready_to_write())
        } else {
            crate::insights::can_make(&counting.file)
        };
        match ready {
            Ok(()) => {}
            // Another program holding it for now is no reason to stop counting.
            Err(error @ InsightsError::Busy { .. }) => {
                eprintln!("needle-guide: {error}; the counts will be tried again");
            }
            Err(error) => counting.failed(error),
        }
        counting
    }

    /// Counting that is off from the start, for `reason` (there is nowhere to keep the
    /// counts): staff are told, as when a file cannot be used.
    pub fn off(reason: InsightsError, mode: Mode) -> Counting {
        let mut counting = Counting::blank(PathBuf::new(), mode);
        counting.failed(reason);
        counting
    }

    fn blank(file: PathBuf, mode: Mode) -> Counting {
        Counting {
            file,
            mode,
            pages: BTreeSet::new(),
            off: None,
            check_counted: false,
            earlier_check: Visit::default(),
            lost: None,
            ahead: None,
        }
    }

    /// What came of writing a visit's counts: written; lost for now only (another program held
    /// the file, or the write failed, as on a full disk: counting goes on, the next visit tries
    /// again, and staff are told until one is written); or a file the guide may not use (not a
    /// counts file, a newer guide's, one it cannot open: counting stops, the file left as it is).
    pub fn written(&mut self, done: Result<IsoWeek, InsightsError>) {
        match done {
            Ok(week) => {
                self.lost = None;
                self.ahead = (week > IsoWeek::now().next()).then_some(week);
                if let Some(week) = self.ahead {
                    eprintln!(
                        "needle-guide: a visit was counted in {week}, the latest week in {}, which is after this computer's date: check the clock",
                        self.file.display()
                    );
                }
            }
            Err(reason @ (InsightsError::Busy { .. } | InsightsError::Write { .. })) => {
                eprintln!("needle-guide: a visit's counts were not kept: {reason}");
                self.lost = Some(reason);
            }
            Err(reason) => self.failed(reason),
        }
    }

    /// Why the last visit's counts were lost though counting goes on, if they were.
    pub fn lost_because(&self) -> Option<&InsightsError> {
        self.lost.as_ref()
    }

    /// The week visits go to, where it is after this computer's date (see `ahead`).
    pub fn ahead_of_the_clock(&self) -> Option<IsoWeek> {
        self.ahead
    }

    /// The counts file; empty where there is none (see [`Counting::off`]).
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Why the counts are not being kept, if they are not.
    pub fn off_because(&self) -> Option<&InsightsError> {
        self.off.as_ref()
    }

    /// Whether this check's summary has been counted already (see `check_counted`).
    pub fn check_counted(&self) -> bool {
        self.check_counted
    }

    pub fn set_check_counted(&mut self, counted: bool) {
        self.check_counted = counted;
    }

    pub fn opened(&mut self, route: &Route) {
        self.pages.insert(route.to_string());
    }

    /// Keeps what a check started again at the kiosk had come to (see `earlier_check`).
    pub fn check_started_again(&mut self, so_far: Visit) {
        let earlier = std::mem::take(&mut self.earlier_check);
        self.earlier_check = earlier.then(so_far);
    }

    /// Ends the visit: `visit` (with the pages opened, after any check started again) is added
    /// to this week's counts on a thread of `background`'s, and the task reports back whether
    /// it was; the next visit starts with nothing.
    pub fn end(
        &mut self,
        visit: Visit,
        background: &Background,
    ) -> Task<Result<IsoWeek, InsightsError>> {
        let pages = std::mem::take(&mut self.pages);
        let earlier = std::mem::take(&mut self.earlier_check);
        if self.off.is_some() {
            return Task::none();
        }
        let visit = Visit {
            pages,
            ..earlier.then(visit)
        };
        let (file, mode) = (self.file.clone(), self.mode);
        let path = file.display().to_string();
        background
            .run(move || record(&file, mode, &visit))
            .map(move |done| {
                done.unwrap_or_else(|| {
                    Err(InsightsError::Write {
                        path: path.clone(),
                        reason: "the thread that writes the counts stopped".into(),
                    })
                })
            })
    }

    /// The counts could not be written: they are kept no more in this run, and the log says why.
    pub fn failed(&mut self, reason: InsightsError) {
        eprintln!("needle-guide: insights are off for this run: {reason}");
        self.off = Some(reason);
        self.pages.clear();
        self.earlier_check = Visit::default();
    }
}

/// Adds one visit to the counts in `file`, making its folder if need be.
fn record(file: &Path, mode: Mode, visit: &Visit) -> Result<IsoWeek, InsightsError> {
    if let Some(folder) = file
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder).map_err(|error| InsightsError::Write {
            path: file.display().to_string(),
            reason: format!("cannot make the folder {}: {error}", folder.display()),
        })?;
    }
    Store::open(file).and_then(|mut store| store.record(IsoWeek::now(), mode, visit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visit_counted_in_a_week_ahead_of_the_clock_is_told_until_one_is_not() {
        let mut counting = Counting::blank(PathBuf::from("counts.sqlite"), Mode::Kiosk);
        let now = IsoWeek::now();
        // Next week is within a clock's drift around midnight on Sunday: nothing to tell.
        counting.written(Ok(now.next()));
        assert_eq!(counting.ahead_of_the_clock(), None);
        let ahead = now.next().next();
        counting.written(Ok(ahead));
        assert_eq!(counting.ahead_of_the_clock(), Some(ahead));
        // A visit that went to this week again: the clock and the file agree.
        counting.written(Ok(now));
        assert_eq!(counting.ahead_of_the_clock(), None);
    }

    #[test]
    fn a_failed_write_loses_that_visit_only_and_a_file_not_the_guides_stops_counting() {
        let mut counting = Counting::blank(PathBuf::from("counts.sqlite"), Mode::Kiosk);
        let full = InsightsError::Write {
            path: "counts.sqlite".into(),
            reason: "database or disk is full".into(),
        };
        // A full disk: this visit is lost, staff are told, and the next visit is counted.
        counting.written(Err(full.clone()));
        assert_eq!(counting.off_because(), None);
        assert_eq!(counting.lost_because(), Some(&full));
        counting.written(Ok(IsoWeek::now()));
        assert_eq!(counting.lost_because(), None);
        // Another program's file: counting stops for this run, and nothing more is written.
        let foreign = InsightsError::NotCounts {
            path: "counts.sqlite".into(),
            reason: "file is not a database".into(),
        };
        counting.written(Err(foreign.clone()));
        assert_eq!(counting.off_because(), Some(&foreign));
    }
}
