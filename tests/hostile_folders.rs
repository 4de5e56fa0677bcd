//! Random content folders, as a careless copy or a hostile hand might leave them: real files,
//! damaged ones, random bytes, files just under and just over the size limits, a byte-order mark,
//! links to files, folders, `/`, `/dev/null` and `/dev/zero`, named pipes, folders where files
//! go, links to nothing. Loading each one never panics and never hangs: it gives a library and
//! the problems met, every time, within seconds.

#![cfg(unix)]

mod support;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use needle_guide::content::check::{MAX_FILE_BYTES, MAX_ITEMS, MAX_TEXT_CHARS};
use needle_guide::content::{self, ContentFolder, Library};
use support::damage::damage;
use support::seeded::Random;

/// How long one folder may take to load before the test calls it a hang.
const PATIENCE: Duration = Duration::from_secs(20);

/// Every content file's path, both languages and `clinic.ron`.
fn content_files() -> Vec<String> {
    let mut files: Vec<String> = content::LOCALES
        .iter()
        .flat_map(|locale| content::files::of_locale(locale))
        .collect();
    files.sort();
    files.dedup();
    files
}

/// The built-in file at `file`, or the English glossary where `file` is no content file.
fn real(file: &str) -> Vec<u8> {
    fs::read(format!("content/{file}"))
        .unwrap_or_else(|_| fs::read("content/en/glossary.ron").unwrap())
}

/// The real file at `file`, with a text or a list grown to `around` the limit (one under, at,
/// or one over).
fn near_text_limit(file: &str, random: &mut Random) -> Vec<u8> {
    let text = String::from_utf8(real(file)).unwrap();
    let chars = MAX_TEXT_CHARS - 1 + random.below(3);
    match text.find(": \"") {
        Some(at) => {
            let at = at + 3;
            let end = at + text[at..].find('"').unwrap_or(0);
            format!("{}{}{}", &text[..at], "x".repeat(chars), &text[end..])
        }
        None => text,
    }
    .into_bytes()
}

fn near_list_limit(random: &mut Random) -> Vec<u8> {
    let items = MAX_ITEMS - 1 + random.below(3);
    let text = fs::read_to_string("content/en/glossary.ron").unwrap();
    let end = text.rfind(']').unwrap();
    let terms = text.matches("Term(").count();
    let extra: String = (terms..items)
        .map(|n| format!("    Term(id: \"t{n}\", word: \"W{n}\", meaning: \"M.\"),\n"))
        .collect();
    format!("{}{extra}{}", &text[..end], &text[end..]).into_bytes()
}

/// The real file at `file` padded with a comment to about [`MAX_FILE_BYTES`].
fn near_size_limit(file: &str, random: &mut Random) -> Vec<u8> {
    let mut bytes = real(file);
    bytes.extend_from_slice(b"\n//");
    let size = MAX_FILE_BYTES as usize - 1 + random.below(3);
    bytes.resize(size.max(bytes.len()), b' ');
    bytes
}

/// Puts something random at `path` (relative to `folder`), in place of a content file.
fn plant(folder: &Path, path: &str, random: &mut Random) -> String {
    let target = folder.join(path);
    if let Some(parent) = target.parent() {
        // A file may already stand where this folder goes: then the plant fails, as a copy would.
        if fs::create_dir_all(parent).is_err() {
            return "nothing (a file is in the way)".into();
        }
    }
    let _ = fs::remove_file(&target);
    let _ = fs::remove_dir_all(&target);
    let real_bytes = || real(path);
    let write = |bytes: &[u8]| {
        let _ = fs::write(&target, bytes);
    };
    let link = |to: &str| {
        let _ = symlink(to, &target);
    };
    let kind = random.below(16);
    match kind {
        0 => write(&real_bytes()),
        1 | 2 => {
            let mut bytes = real_bytes();
            for _ in 0..=random.below(3) {
                damage(&mut bytes, random);
            }
            write(&bytes);
        }
        3 => {
            let bytes: Vec<u8> = (0..random.below(600))
                .map(|_| random.next() as u8)
                .collect();
            write(&bytes);
        }
        4 => link("/dev/null"),
        5 => link("/dev/zero"),
        6 => {
            let folders = [".", "..", "/", "/proc/self"];
            link(folders[random.below(folders.len())]);
        }
        7 => {
            let status = std::process::Command::new("mkfifo").arg(&target).status();
            assert!(status.is_ok_and(|status| status.success()), "mkfifo");
        }
        8 => {
            let _ = fs::create_dir_all(&target);
        }
        9 => link("nowhere/at/all.ron"),
        10 => write(&near_size_limit(path, random)),
        11 => write(&near_text_limit(path, random)),
        12 => write(&near_list_limit(random)),
        13 => {
            let mut bytes = b"\xEF\xBB\xBF".to_vec();
            bytes.extend(real_bytes());
            write(&bytes);
        }
        14 => {
            // A link to a good copy elsewhere.
            let copy = folder.join(format!("copy-{}", random.below(1000)));
            let _ = fs::write(&copy, real_bytes());
            link(copy.to_str().unwrap());
        }
        _ => {
            let built_in = fs::canonicalize(format!("content/{path}"))
                .unwrap_or_else(|_| fs::canonicalize("content/clinic.ron").unwrap());
            link(&built_in.to_string_lossy());
        }
    }
    format!("{path}: kind {kind}")
}

/// A fresh random folder, and what was put in it.
fn random_folder(root: &Path, round: usize, random: &mut Random) -> (PathBuf, Vec<String>) {
    let folder = root.join(format!("round-{round}"));
    fs::create_dir_all(&folder).unwrap();
    let files = content_files();
    let places: Vec<String> = files
        .iter()
        .cloned()
        .chain(
            [
                "en",
                "es",
                "en/pages",
                "es/pages",
                "notes.txt",
                "en/pages/riks.ron",
            ]
            .map(String::from),
        )
        .collect();
    let planted = (0..=random.below(6))
        .map(|_| {
            let place = random.pick(&places).clone();
            plant(&folder, &place, random)
        })
        .collect();
    (folder, planted)
}

/// Loads both editions over `folder` and lists its stray files, on another thread, and fails if
/// that panics or takes longer than [`PATIENCE`]. Returns how many of the folder's files were
/// used and how many problems were met.
fn load_within_patience(folder: &Path, planted: &[String]) -> (usize, usize) {
    let (done, finished) = mpsc::channel();
    let path = folder.to_owned();
    let worker = std::thread::spawn(move || {
        let folder = ContentFolder::open(&path).expect("the folder itself is readable");
        let mut counts = (0, 0);
        for locale in content::LOCALES {
            let loaded = Library::with_overrides(locale, &folder)
                .unwrap_or_else(|problems| panic!("the built-in content failed: {problems}"));
            assert_eq!(loaded.library.locale, locale);
            assert_eq!(
                loaded.library.pages.len(),
                Library::embedded(locale).unwrap().pages.len()
            );
            for problem in &loaded.problems {
                let line = problem.to_string();
                assert!(!problem.message.is_empty(), "{line}");
                assert!(!line.contains('\n'), "{line}");
            }
            for file in &loaded.files {
                let bytes = fs::metadata(path.join(file)).unwrap().len();
                assert!(bytes <= MAX_FILE_BYTES, "{file} is used with {bytes} bytes");
            }
            counts.0 += loaded.files.len();
            counts.1 += loaded.problems.len();
        }
        let unknown = folder.unknown_files();
        assert!(unknown.names.len() <= content::Unknown::MAX_LISTED);
        let _ = done.send(counts);
    });
    match finished.recv_timeout(PATIENCE) {
        Ok(counts) => {
            worker.join().unwrap();
            counts
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let panic = worker.join().expect_err("the worker ended without a word");
            eprintln!("planted: {planted:#?}");
            std::panic::resume_unwind(panic);
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!(
                "loading {} took more than {PATIENCE:?}; planted: {planted:#?}",
                folder.display()
            )
        }
    }
}

#[test]
fn random_hostile_folders_load_or_give_problems_never_a_panic_or_a_hang() {
    let root = std::env::temp_dir().join(format!("needle-guide-hostile-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(&root).unwrap();
    let mut random = Random::new(0x000d_df01_de45);
    let started = Instant::now();
    let (mut used, mut problems) = (0, 0);
    for round in 0..ROUNDS {
        let (folder, planted) = random_folder(&root, round, &mut random);
        let (files, found) = load_within_patience(&folder, &planted);
        used += files;
        problems += found;
        // Every tenth folder also through the binary, as `check` reads it.
        if round % 10 == 0 {
            check_within_patience(&folder, &planted);
        }
    }
    let _ = fs::remove_dir_all(&root);
    eprintln!(
        "{ROUNDS} random folders in {:?}: {used} of their files used, {problems} problems",
        started.elapsed()
    );
    assert!(
        used > ROUNDS / 2,
        "too few files were good enough to use: {used}"
    );
    assert!(
        problems > ROUNDS,
        "too few problems to test anything: {problems}"
    );
}

const ROUNDS: usize = 60;

/// `needle-guide check` on `folder` ends within [`PATIENCE`], with 0, 1 or 3 (not ready for
/// patients, as a clinic.ron without its numbers is) and no panic.
fn check_within_patience(folder: &Path, planted: &[String]) {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_needle-guide"))
        .arg("check")
        .arg(folder)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let what = format!("check {} (planted: {planted:?})", folder.display());
    let output = support::run_within(child, PATIENCE, &what);
    let status = output.status;
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(status.code(), Some(0 | 1 | 3)),
        "{status}: {said}; planted: {planted:#?}"
    );
    assert!(
        !said.contains("internal error"),
        "{said}; planted: {planted:#?}"
    );
}
