//! One kiosk to a screen: a second one started on the same screen (by hand, or by a second
//! unit) would cover the first, with another clinic's content or no staff PIN, and the staff
//! chord would leave only the top one.
//!
//! The kiosk holds a lock on a file named after its screen, in the user's runtime folder, for as
//! long as it runs. The system releases it when the process ends, however it ends (a kill
//! included), so a kiosk that crashed never blocks the next.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The lock, held while this value lives.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Why the lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error(
        "another kiosk is already running on this screen ({screen}{}); stop it first, or \
         start this one on another screen",
        .pid.as_ref().map_or_else(String::new, |pid| format!(", process {pid}"))
    )]
    Held { screen: String, pid: Option<String> },
    #[error("cannot make sure this is the only kiosk on the screen: {path}: {reason}")]
    Unusable { path: String, reason: String },
}

/// The screen a window opens on, as the environment names it: Wayland's socket if it is set,
/// else X's display. Used only to tell kiosks on different screens apart.
pub fn screen_name(wayland: Option<&str>, x: Option<&str>) -> String {
    match (wayland.filter(|name| !name.is_empty()), x) {
        (Some(wayland), _) => format!("WAYLAND_DISPLAY {wayland}"),
        (None, Some(x)) if !x.is_empty() => format!("DISPLAY {x}"),
        _ => "no display named".to_owned(),
    }
}

/// The lock file for `screen` in `folder`: the screen's name, with anything but letters and
/// digits made a hyphen, so no name can reach another folder.
pub fn path(folder: &Path, screen: &str) -> PathBuf {
    let name: String = screen
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    folder.join(format!("needle-guide-kiosk-{name}.lock"))
}

/// Takes the lock for `screen` in `folder`, or says who holds it.
pub fn take(folder: &Path, screen: &str) -> Result<Lock, Refused> {
    let path = path(folder, screen);
    let unusable = |error: std::io::Error| Refused::Unusable {
        path: path.display().to_string(),
        reason: crate::content::io_words(&error, crate::content::Access::Write),
    };
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(unusable)?;
    match try_lock(&file) {
        Ok(true) => {}
        Ok(false) => {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            let pid = pid.trim();
            return Err(Refused::Held {
                screen: screen.to_owned(),
                pid: (!pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| pid.to_owned()),
            });
        }
        Err(error) => return Err(unusable(error)),
    }
    // Who holds it, for the next one's message.
    let _ = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| write!(file, "{}", std::process::id()))
        .and_then(|()| file.flush());
    Ok(Lock { _file: file })
}

/// Locks `file` for this process alone, without waiting: false when another holds it.
#[cfg(target_os = "linux")]
fn try_lock(file: &File) -> std::io::Result<bool> {
    use std::os::fd::AsRawFd;
    // SAFETY: flock only reads the descriptor, which `file` keeps open.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(true);
    }
    let error = std::io::Error::last_os_error();
    if error.raw_os_error() == Some(libc::EWOULDBLOCK) {
        Ok(false)
    } else {
        Err(error)
    }
}

/// The kiosk runs under cage, on Linux (docs/kiosk.md); elsewhere there is no guard.
#[cfg(not(target_os = "linux"))]
fn try_lock(_file: &File) -> std::io::Result<bool> {
    Ok(true)
}
