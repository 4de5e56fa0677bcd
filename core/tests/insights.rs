//! The clinic's counts: kept whole whatever happens to the guide or the file.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use needle_guide_core::insights::{
    Answer, Counts, InsightsError, IsoWeek, Mode, Store, VERSION, Visit, WeekMoved, merge_small,
};

/// A folder of its own under the system's temporary folder, removed afterwards.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let path = std::env::temp_dir().join(format!(
            "needle-guide-insights-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Scratch(path)
    }

    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn week() -> IsoWeek {
    "2026-W49".parse().unwrap()
}

/// The week `n` weeks after [`week`].
fn in_weeks(n: usize) -> IsoWeek {
    (0..n).fold(week(), |week, _| week.next())
}

/// A visit as the kiosk gathers one: `n` varies what it holds.
fn visit(n: usize) -> Visit {
    let answers = [Answer::Right, Answer::Wrong, Answer::NotSure];
    Visit {
        reached_check: n.is_multiple_of(2),
        answers: (0..6)
            .map(|question| (format!("q{question}"), answers[(n + question) % 3]))
            .collect(),
        pages: ["home".to_owned(), format!("condition/page-{}", n % 3)]
            .into_iter()
            .collect(),
        ticked: [format!("topic{}", n % 4)].into_iter().collect(),
    }
}

/// `visits` added up, as `week`'s counts hold them.
fn expected(week: IsoWeek, visits: &[Visit]) -> Counts {
    let mut counts = Counts {
        from: week,
        to: week,
        visits: visits.len() as u64,
        checks: visits.iter().filter(|visit| visit.reached_check).count() as u64,
        answers: BTreeMap::new(),
        pages: BTreeMap::new(),
        ticked: BTreeMap::new(),
        unshown: BTreeMap::new(),
    };
    for visit in visits {
        for (question, answer) in &visit.answers {
            *counts
                .answers
                .entry((question.clone(), *answer))
                .or_default() += 1;
        }
        for page in &visit.pages {
            *counts.pages.entry(page.clone()).or_default() += 1;
        }
        for topic in &visit.ticked {
            *counts.ticked.entry(topic.clone()).or_default() += 1;
        }
    }
    counts
}

#[test]
fn a_visits_counts_are_added_to_its_week_and_read_back_apart_by_mode() {
    let scratch = Scratch::new("add");
    let path = scratch.file("counts.sqlite");
    let mut store = Store::open(&path).unwrap();
    let visits: Vec<Visit> = (0..7).map(visit).collect();
    for visit in &visits {
        store.record(week(), Mode::Kiosk, visit).unwrap();
    }
    store
        .record(week().next(), Mode::Consult, &visits[0])
        .unwrap();
    drop(store);

    let store = Store::open(&path).unwrap();
    let kiosk = store.weeks(Mode::Kiosk, None).unwrap();
    assert_eq!(kiosk, [expected(week(), &visits)]);
    let consult = store.weeks(Mode::Consult, None).unwrap();
    assert_eq!(
        (consult.len(), consult[0].from, consult[0].visits),
        (1, week().next(), 1)
    );
    assert!(
        store
            .weeks(Mode::Kiosk, Some(week().next()))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_file_that_is_not_the_guides_counts_is_refused_and_left_as_it_was() {
    let scratch = Scratch::new("refuse");
    // Not SQLite at all.
    let text = scratch.file("notes.txt");
    std::fs::write(
        &text,
        "shopping list: milk, eggs, and a great deal more than a page of it\n".repeat(200),
    )
    .unwrap();
    refused_and_left_as_it_was(&text);

    // SQLite, but someone else's.
    let other = scratch.file("other.sqlite");
    raw(&other)
        .execute_batch("CREATE TABLE recipes (name TEXT);")
        .unwrap();
    // Byte for byte, and no write-ahead log left beside it.
    refused_and_left_as_it_was(&other);
    for beside in ["other.sqlite-wal", "other.sqlite-shm"] {
        assert!(!scratch.file(beside).exists(), "{beside}");
    }
    // Someone else's that has a version number of its own: refused all the same.
    let versioned = scratch.file("versioned.sqlite");
    raw(&versioned)
        .execute_batch("CREATE TABLE recipes (name TEXT); PRAGMA user_version = 1;")
        .unwrap();
    refused_and_left_as_it_was(&versioned);
    // ... one with tables of the guide's names but not the guide's columns: left alone too.
    let named_alike = scratch.file("named-alike.sqlite");
    raw(&named_alike)
        .execute_batch(
            "CREATE TABLE items (id INTEGER, title TEXT); CREATE TABLE counts (n INTEGER);
             PRAGMA user_version = 1;",
        )
        .unwrap();
    refused_and_left_as_it_was(&named_alike);
    // ... and one whose version is above the guide's: not taken for a newer guide's.
    let high = scratch.file("high.sqlite");
    raw(&high)
        .execute_batch(&format!(
            "CREATE TABLE items (id TEXT); CREATE TABLE counts (n INTEGER);
             PRAGMA user_version = {};",
            VERSION + 7
        ))
        .unwrap();
    let error = refused_and_left_as_it_was(&high);
    assert!(error.to_string().contains("something else"), "{error}");

    // The guide's, from a newer version: not touched.
    let newer = scratch.file("newer.sqlite");
    Store::open(&newer)
        .unwrap()
        .record(week(), Mode::Kiosk, &visit(0))
        .unwrap();
    set_version(&newer, VERSION + 1);
    match Store::open(&newer) {
        Err(InsightsError::Newer { found, known, .. }) => {
            assert_eq!((found, known), (VERSION + 1, VERSION));
        }
        other => panic!("{:?}", other.err()),
    }
    set_version(&newer, VERSION);
    assert_eq!(
        Store::open(&newer)
            .unwrap()
            .weeks(Mode::Kiosk, None)
            .unwrap()[0]
            .visits,
        1
    );

    // Garbage over the middle of a real one: an error, never a panic, and never a wrong count
    // read as a right one.
    let broken = scratch.file("broken.sqlite");
    let mut store = Store::open(&broken).unwrap();
    for n in 0..200 {
        store.record(week(), Mode::Kiosk, &visit(n)).unwrap();
    }
    drop(store);
    let mut bytes = std::fs::read(&broken).unwrap();
    let middle = bytes.len() / 2;
    let end = (middle + 4096).min(bytes.len());
    bytes[middle..end].fill(0xA5);
    std::fs::write(&broken, &bytes).unwrap();
    // Seen when the guide starts, before any visit is written to it.
    match Store::open(&broken).and_then(|store| store.ready_to_write()) {
        Err(error) => assert!(error.to_string().contains("broken.sqlite"), "{error}"),
        Ok(()) => panic!("the damage goes unseen"),
    }
}

/// Opens `path`, which is not a counts file the guide may use: refused as not the guide's, and
/// left byte for byte as it was.
fn refused_and_left_as_it_was(path: &Path) -> InsightsError {
    let before = std::fs::read(path).unwrap();
    let error = match Store::open(path) {
        Err(error @ InsightsError::NotCounts { .. }) => error,
        other => panic!("{}: {:?}", path.display(), other.err()),
    };
    assert_eq!(std::fs::read(path).unwrap(), before, "{}", path.display());
    error
}

fn set_version(path: &Path, version: i64) {
    raw(path)
        .execute_batch(&format!("PRAGMA user_version = {version};"))
        .unwrap();
}

/// A connection of the test's own, as another program would have.
fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

/// A clock set back writes into the latest week the file has, never into one already shown.
#[test]
fn a_clock_set_back_never_adds_to_a_week_already_shown() {
    let scratch = Scratch::new("clock");
    let path = scratch.file("counts.sqlite");
    let first = week();
    let mut store = Store::open(&path).unwrap();
    for n in 0..6 {
        store.record(first, Mode::Kiosk, &visit(n)).unwrap();
    }
    store.record(first.next(), Mode::Kiosk, &visit(0)).unwrap();
    let shown = |store: &Store| -> Vec<(IsoWeek, u64)> {
        store
            .readable(Mode::Kiosk, first.next().next().next(), None)
            .unwrap()
            .iter()
            .map(|span| (span.from, span.visits))
            .collect()
    };
    let before = shown(&store);
    assert_eq!(before, [(first, 6)]);
    // The clock says the first week again.
    store.record(first, Mode::Kiosk, &visit(1)).unwrap();
    assert_eq!(shown(&store), before, "the week shown is as it was");
    let weeks = store.weeks(Mode::Kiosk, None).unwrap();
    assert_eq!(
        weeks.last().unwrap().visits,
        2,
        "in the latest week instead"
    );
}

/// A counts file in `scratch` with six visits two weeks before [`week`]'s.
fn six_visits_two_weeks_back(scratch: &Scratch) -> Store {
    let mut store = Store::open(&scratch.file("counts.sqlite")).unwrap();
    for n in 0..6 {
        store
            .record(week().first_of(3), Mode::Kiosk, &visit(n))
            .unwrap();
    }
    store
}

/// A clock set ahead when a visit was counted sends later visits to that week, until staff,
/// with the clock right, bring them back to the week after the one under way: nothing is lost,
/// and no week already shown changes, even to a reading taken while the clock was ahead.
#[test]
fn visits_sent_ahead_by_a_clock_come_back_to_the_next_week() {
    let scratch = Scratch::new("ahead");
    let now = week();
    let mut store = six_visits_two_weeks_back(&scratch);
    // Five visits in the week under way, then the clock is set ahead.
    for n in 20..25 {
        store.record(now, Mode::Kiosk, &visit(n)).unwrap();
    }
    let far = in_weeks(52);
    assert_eq!(store.record(far, Mode::Kiosk, &visit(6)).unwrap(), far);
    // The clock is right again: the next visits still go to the week ahead.
    for n in 7..10 {
        assert_eq!(store.record(now, Mode::Kiosk, &visit(n)).unwrap(), far);
    }
    let shown_before = store.readable(Mode::Kiosk, now, None).unwrap();
    // Read with the clock still ahead: the week under way shows as over.
    let shown_ahead = store.readable(Mode::Kiosk, far, None).unwrap();
    assert!(shown_ahead.iter().any(|span| span.to == now));
    assert_eq!(
        store.weeks_ahead(now).unwrap(),
        [WeekMoved {
            from: far,
            to: now.next()
        }]
    );
    assert_eq!(
        store.bring_back_weeks_ahead(now).unwrap(),
        [WeekMoved {
            from: far,
            to: now.next()
        }]
    );
    let weeks = store.weeks(Mode::Kiosk, None).unwrap();
    assert_eq!(weeks.last().unwrap().from, now.next());
    assert_eq!(
        weeks.last().unwrap().visits,
        4,
        "the four visits sent ahead, back"
    );
    assert_eq!(
        weeks.iter().map(|week| week.visits).sum::<u64>(),
        15,
        "none lost"
    );
    assert_eq!(
        store.readable(Mode::Kiosk, now, None).unwrap(),
        shown_before
    );
    // The next visit goes to the next week too; once it is over, every span the reading
    // with the clock ahead showed is shown as it was.
    assert_eq!(
        store.record(now, Mode::Kiosk, &visit(10)).unwrap(),
        now.next()
    );
    let later = store
        .readable(Mode::Kiosk, now.next().next(), None)
        .unwrap();
    for span in &shown_ahead {
        assert!(later.contains(span), "{span:?} changed");
    }
    assert!(store.bring_back_weeks_ahead(now).unwrap().is_empty());
}

/// A clock two weeks ahead, then three, with a reading meanwhile that shows the first of those
/// weeks: once the clock is right, each week comes back whole, to a week with no counts, so the
/// week the reading showed is shown again with the same counts (under its new date), never with
/// a later visit added, which would tell that one patient's answers.
#[test]
fn weeks_sent_ahead_come_back_whole_never_added_to_a_week_already_shown() {
    let scratch = Scratch::new("ahead-shown");
    let now = week();
    let mut store = six_visits_two_weeks_back(&scratch);
    for n in 6..12 {
        store.record(in_weeks(2), Mode::Kiosk, &visit(n)).unwrap();
    }
    store.record(in_weeks(3), Mode::Kiosk, &visit(12)).unwrap();
    // Read with the clock three weeks ahead: the week two ahead is over, and shown.
    let shown_ahead = store.readable(Mode::Kiosk, in_weeks(3), None).unwrap();
    assert!(shown_ahead.iter().any(|span| span.from == in_weeks(2)));
    let moved = store.bring_back_weeks_ahead(now).unwrap();
    assert_eq!(
        moved,
        [
            WeekMoved {
                from: in_weeks(2),
                to: now
            },
            WeekMoved {
                from: in_weeks(3),
                to: now.next()
            }
        ]
    );
    let visits: Vec<(IsoWeek, u64)> = store
        .weeks(Mode::Kiosk, None)
        .unwrap()
        .iter()
        .map(|week| (week.from, week.visits))
        .collect();
    assert_eq!(
        visits,
        [(now.first_of(3), 6), (now, 6), (now.next(), 1)],
        "each week whole"
    );
    // Later visits go to the latest week, which no reading has shown.
    assert_eq!(
        store.record(now, Mode::Kiosk, &visit(13)).unwrap(),
        now.next()
    );
    store.record(in_weeks(2), Mode::Kiosk, &visit(14)).unwrap();
    // Every span the reading with the clock ahead showed is shown again with the same counts.
    let undated = |span: &Counts| Counts {
        from: now,
        to: now,
        ..span.clone()
    };
    let later: Vec<Counts> = store
        .readable(Mode::Kiosk, in_weeks(3), None)
        .unwrap()
        .iter()
        .map(undated)
        .collect();
    for span in &shown_ahead {
        assert!(later.contains(&undated(span)), "{span:?} changed");
    }
}

/// Where there are too few weeks with no counts up to next week, the latest weeks stay after
/// it, whole, rather than being added to a week with counts.
#[test]
fn weeks_ahead_with_no_room_before_next_week_stay_ahead_whole() {
    let scratch = Scratch::new("ahead-no-room");
    let path = scratch.file("counts.sqlite");
    let now = week();
    let mut store = Store::open(&path).unwrap();
    store.record(now, Mode::Kiosk, &visit(0)).unwrap();
    for n in [4, 5, 7] {
        store.record(in_weeks(n), Mode::Kiosk, &visit(n)).unwrap();
    }
    let moved = store.bring_back_weeks_ahead(now).unwrap();
    let to: Vec<IsoWeek> = moved.iter().map(|moved| moved.to).collect();
    assert_eq!(to, [now.next(), in_weeks(2), in_weeks(3)]);
    let weeks: Vec<IsoWeek> = store
        .weeks(Mode::Kiosk, None)
        .unwrap()
        .iter()
        .map(|week| week.from)
        .collect();
    assert_eq!(weeks, [now, now.next(), in_weeks(2), in_weeks(3)]);
    // Run again: the weeks still after next week have nowhere else to go.
    assert_eq!(store.bring_back_weeks_ahead(now).unwrap(), []);
}

/// Reading the counts makes nothing beside the file where no guide is writing it: SQLite's
/// shared-memory file, made with the file's own permissions and left there, stopped counting
/// once a read-only file was made writable again.
#[test]
fn reading_makes_nothing_beside_the_file() {
    let scratch = Scratch::new("read-beside");
    let store = six_visits_two_weeks_back(&scratch);
    drop(store);
    let path = scratch.file("counts.sqlite");
    let beside = |suffix: &str| PathBuf::from(format!("{}{suffix}", path.display()));
    assert!(
        !beside("-wal").exists() && !beside("-shm").exists(),
        "closed whole"
    );
    let read = Store::open_to_read(&path).unwrap();
    let weeks = read.weeks(Mode::Kiosk, None).unwrap();
    assert_eq!(weeks.iter().map(|week| week.visits).sum::<u64>(), 6);
    drop(read);
    for suffix in ["-wal", "-shm"] {
        assert!(!beside(suffix).exists(), "{suffix} made by reading");
    }
}

/// A file SQLite keeps beside the counts that cannot be written (here a folder by its name) is
/// named before anything is opened: it would stop every visit's write.
#[test]
fn a_file_beside_the_counts_that_cannot_be_written_is_named() {
    let scratch = Scratch::new("beside-unwritable");
    drop(six_visits_two_weeks_back(&scratch));
    let path = scratch.file("counts.sqlite");
    let shm = PathBuf::from(format!("{}-shm", path.display()));
    std::fs::create_dir(&shm).unwrap();
    let error = Store::open(&path).err().expect("refused");
    assert!(
        matches!(&error, InsightsError::Write { reason, .. } if reason.contains(&shm.display().to_string())),
        "{error}"
    );
    assert!(!PathBuf::from(format!("{}-wal", path.display())).exists());
    // And a folder named as the counts file is said to be one.
    let folder = Store::open(&scratch.0).err().expect("a folder");
    assert!(folder.to_string().contains("it is a folder"), "{folder}");
}

/// The file holds, for a while, a week's first visit alone: only its owner may read it.
#[cfg(unix)]
#[test]
fn the_counts_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new("private");
    let path = scratch.file("counts.sqlite");
    Store::open(&path)
        .unwrap()
        .record(week(), Mode::Kiosk, &visit(1))
        .unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o077, 0, "{mode:o}");
}

#[test]
fn a_read_only_file_is_read_and_its_writes_fail_with_a_reason() {
    let scratch = Scratch::new("readonly");
    let path = scratch.file("counts.sqlite");
    Store::open(&path)
        .unwrap()
        .record(week(), Mode::Kiosk, &visit(1))
        .unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions.clone()).unwrap();
    // Root can write a read-only file: then there is nothing to test here.
    if std::fs::OpenOptions::new().write(true).open(&path).is_ok() {
        eprintln!("running as root: a read-only file is still writable, skipped");
        return;
    }
    match Store::open(&path) {
        Ok(mut store) => {
            // Found when the guide starts, before a patient is told that visits are counted.
            let error = store.ready_to_write().unwrap_err();
            assert!(error.to_string().contains("read-only"), "{error}");
            let error = store.record(week(), Mode::Kiosk, &visit(2)).unwrap_err();
            assert!(error.to_string().contains("counts.sqlite"), "{error}");
        }
        Err(error) => assert!(error.to_string().contains("counts.sqlite"), "{error}"),
    }
}

/// Guides that make the file at the same moment each take it for the guide's: none sees the
/// tables another has just made without their version and refuses the file as another
/// program's.
#[test]
fn guides_making_the_file_at_once_each_take_it_for_the_guides() {
    let scratch = Scratch::new("making");
    for attempt in 0..60 {
        let path = scratch.file(&format!("counts-{attempt}.sqlite"));
        let start = std::sync::Arc::new(std::sync::Barrier::new(4));
        let guides: Vec<_> = (0..4)
            .map(|guide| {
                let (path, start) = (path.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    Store::open(&path).and_then(|mut store| {
                        store.record(week(), Mode::ALL[guide % 2], &visit(guide))
                    })
                })
            })
            .collect();
        for guide in guides {
            if let Err(error) = guide.join().unwrap() {
                panic!("attempt {attempt}: {error}");
            }
        }
    }
}

#[test]
fn two_guides_writing_one_file_at_once_lose_no_count() {
    let scratch = Scratch::new("two");
    let path = scratch.file("counts.sqlite");
    Store::open(&path).unwrap();
    let per_guide = 150;
    let writers: Vec<_> = [Mode::Kiosk, Mode::Kiosk]
        .into_iter()
        .enumerate()
        .map(|(guide, mode)| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                for n in 0..per_guide {
                    store
                        .record(week(), mode, &visit(guide * 1000 + n))
                        .unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let weeks = Store::open(&path)
        .unwrap()
        .weeks(Mode::Kiosk, None)
        .unwrap();
    assert_eq!(weeks[0].visits, 2 * per_guide as u64);
    let answered: u64 = weeks[0].answers.values().sum();
    assert_eq!(answered, 2 * per_guide as u64 * 6);
}

#[test]
fn ten_years_of_busy_weeks_stay_under_one_megabyte() {
    let scratch = Scratch::new("ten-years");
    let path = scratch.file("counts.sqlite");
    let mut store = Store::open(&path).unwrap();
    // The worst case: every week of ten years, in both modes, with every one of the check's
    // six questions answered all three ways, 32 pages opened and 8 questions ticked.
    let mut week = week();
    let pages: BTreeSet<String> = (0..32)
        .map(|page| format!("condition/page-{page:02}"))
        .collect();
    for _ in 0..52 * 10 {
        for mode in Mode::ALL {
            for answer in Answer::ALL {
                let visit = Visit {
                    reached_check: true,
                    answers: (0..6)
                        .map(|question| (format!("question-{question}"), answer))
                        .collect(),
                    pages: pages.clone(),
                    ticked: (0..8).map(|topic| format!("topic-{topic}")).collect(),
                };
                store.record(week, mode, &visit).unwrap();
            }
        }
        week = week.next();
    }
    drop(store);
    // The write-ahead log is folded back in when the last connection closes.
    let bytes = std::fs::metadata(&path).unwrap().len();
    println!("ten years, both modes, every count non-zero: {bytes} bytes");
    assert!(bytes < 1024 * 1024, "{bytes} bytes");
    let store = Store::open(&path).unwrap();
    assert!(store.is_whole());
    let weeks = store.weeks(Mode::Kiosk, None).unwrap();
    assert_eq!(weeks.len(), 520);
    assert!(weeks.iter().all(|week| week.visits == 3));
}

#[test]
fn quiet_weeks_are_merged_before_anyone_reads_them() {
    let scratch = Scratch::new("quiet");
    let path = scratch.file("counts.sqlite");
    let mut store = Store::open(&path).unwrap();
    let mut week = week();
    for visits in [1, 2, 6, 0, 3] {
        for n in 0..visits {
            store.record(week, Mode::Kiosk, &visit(n)).unwrap();
        }
        week = week.next();
    }
    let merged: Vec<Counts> = merge_small(store.weeks(Mode::Kiosk, None).unwrap());
    let spans: Vec<(String, u64)> = merged
        .iter()
        .map(|span| (format!("{} to {}", span.from, span.to), span.visits))
        .collect();
    // 1 + 2 + 6 visits make the first span; week 52 had none; week 53's 3 are too few alone,
    // so they wait for the weeks after it (joined to the span before, a later reading would
    // differ from this one by those 3 visits alone).
    assert_eq!(spans, [("2026-W49 to 2026-W51".to_owned(), 9)]);
}

/// A copy of the file made during a week, read after it, does not show that week in part: a
/// week is shown once the file holds a later week's counts, so the copy and the file it came
/// from never differ by a visit or two.
#[test]
fn a_copy_made_during_a_week_and_read_later_shows_no_part_of_it() {
    let scratch = Scratch::new("copy");
    let path = scratch.file("counts.sqlite");
    let copy = scratch.file("copy.sqlite");
    let first = week();
    let mut store = Store::open(&path).unwrap();
    for n in 0..6 {
        store.record(first, Mode::Kiosk, &visit(n)).unwrap();
    }
    drop(store);
    std::fs::copy(&path, &copy).unwrap();
    let mut store = Store::open(&path).unwrap();
    store.record(first, Mode::Kiosk, &visit(6)).unwrap();
    for n in 0..5 {
        store.record(first.next(), Mode::Kiosk, &visit(n)).unwrap();
    }
    drop(store);
    let much_later = first.next().next().next();
    let shown = |file: &Path| -> Vec<(IsoWeek, u64)> {
        Store::open(file)
            .unwrap()
            .readable(Mode::Kiosk, much_later, None)
            .unwrap()
            .iter()
            .map(|span| (span.from, span.visits))
            .collect()
    };
    assert_eq!(
        shown(&copy),
        [],
        "the copy's last week is not known to be over"
    );
    // The file's first week, whole; its last waits for a later one.
    assert_eq!(shown(&path), [(first, 7)]);
}

/// The child's side of the kill test: writes visits until it is killed, saying after each
/// commit how many it has committed.
#[test]
fn writer_child() {
    let Some(path) = std::env::var_os("NEEDLE_GUIDE_INSIGHTS_CHILD") else {
        return;
    };
    let mut store = Store::open(Path::new(&path)).unwrap();
    let mut stdout = std::io::stdout();
    for n in 0.. {
        store.record(week(), Mode::Kiosk, &visit(n)).unwrap();
        writeln!(stdout, "committed {}", n + 1).unwrap();
        stdout.flush().unwrap();
    }
}

#[test]
fn killed_at_any_instant_the_file_opens_and_only_the_visit_being_written_is_lost() {
    let scratch = Scratch::new("kill");
    let path = scratch.file("counts.sqlite");
    Store::open(&path).unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut committed_before = 0u64;
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let kills = 200;
    let started = Instant::now();
    for _ in 0..kills {
        let mut child = Command::new(&exe)
            .args(["--exact", "writer_child", "--nocapture", "--test-threads=1"])
            .env("NEEDLE_GUIDE_INSIGHTS_CHILD", &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A pseudo-random moment, 0 to 40 ms into its writing.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 40_000));
        child.kill().unwrap();
        let stdout = child.stdout.take().unwrap();
        child.wait().unwrap();
        let said: u64 = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            // The test harness writes "test writer_child ... " before the child's first line,
            // without a newline: the count is after "committed " wherever it stands.
            .filter_map(|line| line.split("committed ").nth(1)?.trim().parse().ok())
            .last()
            .unwrap_or(0);
        let store = Store::open(&path).expect("the file opens after a kill");
        let visits = store
            .weeks(Mode::Kiosk, None)
            .unwrap()
            .first()
            .map_or(0, |week| week.visits);
        // Every commit it reported is there; at most the one it was making when killed, whose
        // commit it had not yet reported, may be there too.
        let this_run = visits - committed_before;
        assert!(
            this_run == said || this_run == said + 1,
            "it reported {said} visits, the file holds {this_run} more ({visits} in all, \
             {committed_before} before)"
        );
        committed_before = visits;
    }
    let store = Store::open(&path).unwrap();
    assert!(store.is_whole());
    println!(
        "{kills} kills in {:.1} s; {committed_before} visits kept",
        started.elapsed().as_secs_f64()
    );
}
