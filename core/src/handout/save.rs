//! Writing a handout to disk. A handout may name a patient's conditions, so it is written only
//! where its owner alone can read it (mode 600, made so from the start, in a private folder when
//! there is no Documents folder), whole or not at all, and with no copy left under another name
//! when the program is stopped part way.
//!
//! On Linux the file is written without a name (`O_TMPFILE`) and given its name once it is
//! complete, so a kill while it is written leaves nothing. Replacing a file needs a name for a
//! moment (a link cannot replace one): SIGTERM, SIGHUP and SIGINT remove it before the program
//! ends, and one left by SIGKILL, which cannot be caught, is removed by the next write of that
//! file (its program has ended). The same holds where `O_TMPFILE` is missing (a FAT memory stick),
//! when the file is written under a temporary name throughout. On other systems the temporary name
//! is used as well, and what a kill leaves stays.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::content::{Access, io_words};

/// Why a file was not written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    #[error("{} already exists; choose another name, or add --force to replace it", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {reason}", path.display())]
    Failed { path: PathBuf, reason: String },
}

/// Writes `data` to the file at `path`, readable by its owner only, whole or not at all: a full
/// disk or a kill leaves `path` as it was, never cut off or empty. An existing file is replaced
/// only if `replace` (a link there is replaced itself, never followed); without it, a file that
/// appears at `path` while this writes is not replaced either.
pub fn write_file(path: &Path, data: &[u8], replace: bool) -> Result<(), WriteError> {
    let said = |reason: &str| WriteError::Failed {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    // `Path` forgets a final slash: "sub/" would be read as the file "sub".
    let text = path.as_os_str().to_string_lossy();
    if text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
        return Err(said("that names a folder; give the name of a file"));
    }
    let Some(name) = path.file_name() else {
        return Err(said("that is not the name of a file"));
    };
    match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_dir() => return Err(said("that is a folder, not a file")),
        Ok(_) if !replace => return Err(WriteError::Exists(path.to_owned())),
        // A device or a pipe (`-o /dev/null`) is not a file to replace.
        Ok(metadata) if !metadata.is_file() && !metadata.is_symlink() => {
            return Err(said("that is not a plain file, so it is not replaced"));
        }
        _ => {}
    }
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    #[cfg(target_os = "linux")]
    linux::remove_stale(folder, name);
    #[cfg(target_os = "linux")]
    let written = match linux::write_unnamed(folder, name, path, data, replace) {
        Some(result) => result,
        None => write_named(folder, name, path, data, replace),
    };
    #[cfg(not(target_os = "linux"))]
    let written = write_named(folder, name, path, data, replace);
    written.map_err(|error| match error.kind() {
        ErrorKind::AlreadyExists if !replace => WriteError::Exists(path.to_owned()),
        _ => said(&io_words(&error, Access::Write)),
    })
}

/// Writes `data` under a temporary name in `folder`, then gives it the name `path`.
fn write_named(
    folder: &Path,
    name: &OsStr,
    path: &Path,
    data: &[u8],
    replace: bool,
) -> io::Result<()> {
    let (temporary, _removed_if_stopped) = with_temporary_name(folder, name, |temporary| {
        let mut file = new_private_file(temporary)?;
        let written = file.write_all(data).and_then(|()| file.sync_all());
        if written.is_err() {
            let _ = fs::remove_file(temporary);
        }
        written
    })?;
    let placed = if replace {
        fs::rename(&temporary, path)
    } else {
        // A second name for the new file, which fails if `path` exists, even if it appeared
        // just now; then the temporary name goes.
        match fs::hard_link(&temporary, path) {
            Ok(()) => fs::remove_file(&temporary),
            Err(error) if error.kind() == ErrorKind::AlreadyExists => Err(error),
            // A file system without hard links (a FAT memory stick): look, then move.
            Err(_) if fs::symlink_metadata(path).is_ok() => Err(ErrorKind::AlreadyExists.into()),
            Err(_) => fs::rename(&temporary, path),
        }
    };
    if placed.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    placed
}

/// A new, empty file at `path` that only its owner can read or write.
fn new_private_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Makes a temporary name in `folder` for the file `name` with `make`, trying other names while
/// one is taken. Returns the name, and what removes it if the program is told to stop (see
/// [`linux::Stopping`]) until that is dropped.
fn with_temporary_name<T>(
    folder: &Path,
    name: &OsStr,
    mut make: impl FnMut(&Path) -> io::Result<T>,
) -> io::Result<(PathBuf, Stopping)> {
    let mut last = ErrorKind::AlreadyExists.into();
    for attempt in 0..100 {
        let temporary = folder.join(temporary_name(name, std::process::id(), attempt));
        // Before the name exists, so no moment is left when it exists and is not known.
        let stopping = Stopping::remove(&temporary);
        match make(&temporary) {
            Ok(_) => return Ok((temporary, stopping)),
            Err(error) if error.kind() == ErrorKind::AlreadyExists => last = error,
            Err(error) => return Err(error),
        }
    }
    Err(last)
}

/// A name of this many bytes fits on every file system, so a temporary name may be this long
/// even beside a shorter name.
const SHORT_NAME: usize = 32;

/// The hidden name a file `name` has while program `pid` writes it: `.{name}.{pid}-{attempt}.tmp`,
/// with `name` cut so that the whole is no longer than `name` itself (or [`SHORT_NAME`]): a name
/// that fits the file system has a temporary name that fits too.
fn temporary_name(name: &OsStr, pid: u32, attempt: u32) -> OsString {
    let name = name.to_string_lossy();
    let tail = format!(".{pid}-{attempt}.tmp");
    let room = name.len().max(SHORT_NAME).saturating_sub(1 + tail.len());
    let mut cut = room.min(name.len());
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(".{}{tail}", &name[..cut]).into()
}

/// The program and attempt of `file` if it is a temporary name (see [`temporary_name`]) for the
/// file `name`.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn temporary_of(file: &str, name: &str) -> Option<(u32, u32)> {
    let rest = file.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (head, numbers) = rest.rsplit_once('.')?;
    let (pid, attempt) = numbers.split_once('-')?;
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if head.is_empty() || !name.starts_with(head) || !digits(pid) || !digits(attempt) {
        return None;
    }
    Some((pid.parse().ok()?, attempt.parse().ok()?))
}

#[cfg(target_os = "linux")]
use linux::Stopping;

/// Elsewhere nothing is done when the program is told to stop.
#[cfg(not(target_os = "linux"))]
struct Stopping;

#[cfg(not(target_os = "linux"))]
impl Stopping {
    fn remove(_path: &Path) -> Stopping {
        Stopping
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::ffi::{CString, OsStr};
    use std::fs::{self, OpenOptions};
    use std::io::{self, ErrorKind, Write};
    use std::os::fd::AsRawFd;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    use std::path::Path;
    use std::sync::atomic::{AtomicPtr, Ordering};

    use super::{temporary_of, with_temporary_name};

    /// Writes `data` as a file with no name in `folder`, then names it `path` (through a
    /// temporary name if it replaces a file). `None` if the file system or the kernel cannot make
    /// a file without a name.
    pub(super) fn write_unnamed(
        folder: &Path,
        name: &OsStr,
        path: &Path,
        data: &[u8],
        replace: bool,
    ) -> Option<io::Result<()>> {
        let mut file = match OpenOptions::new()
            .write(true)
            .mode(0o600)
            .custom_flags(libc::O_TMPFILE)
            .open(folder)
        {
            Ok(file) => file,
            Err(error)
                if matches!(
                    error.raw_os_error(),
                    Some(libc::EOPNOTSUPP | libc::EISDIR | libc::EINVAL)
                ) =>
            {
                return None;
            }
            Err(error) => return Some(Err(error)),
        };
        // Not yet in any folder: if this fails, or the program is killed, it is simply gone.
        if let Err(error) = file.write_all(data).and_then(|()| file.sync_all()) {
            return Some(Err(error));
        }
        // The file as the kernel shows it; linking that gives it a name.
        let unnamed = format!("/proc/self/fd/{}", file.as_raw_fd());
        if !Path::new(&unnamed).exists() {
            return None;
        }
        if !replace {
            return Some(link(&unnamed, path));
        }
        let placed = with_temporary_name(folder, name, |temporary| link(&unnamed, temporary))
            .and_then(|(temporary, _removed_if_stopped)| {
                fs::rename(&temporary, path).inspect_err(|_| {
                    let _ = fs::remove_file(&temporary);
                })
            });
        Some(placed)
    }

    /// Gives the file that `unnamed` (under /proc/self/fd) shows the name `path`, which must not
    /// exist.
    fn link(unnamed: &str, path: &Path) -> io::Result<()> {
        let from = CString::new(unnamed).map_err(|_| io::Error::from(ErrorKind::InvalidInput))?;
        let to = CString::new(path.as_os_str().as_bytes())
            .map_err(|_| io::Error::from(ErrorKind::InvalidInput))?;
        // SAFETY: both are valid C strings that live through the call.
        let linked = unsafe {
            libc::linkat(
                libc::AT_FDCWD,
                from.as_ptr(),
                libc::AT_FDCWD,
                to.as_ptr(),
                libc::AT_SYMLINK_FOLLOW,
            )
        };
        if linked == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }

    /// Removes the temporary files for `name` in `folder` that a program killed while it wrote
    /// them left behind: those of programs that have ended, and that are this user's own files.
    pub(super) fn remove_stale(folder: &Path, name: &OsStr) {
        let Ok(entries) = fs::read_dir(folder) else {
            return;
        };
        let name = name.to_string_lossy();
        // SAFETY: geteuid has no preconditions.
        let me = unsafe { libc::geteuid() };
        for entry in entries.flatten() {
            let file = entry.file_name();
            let Some((pid, _)) = file.to_str().and_then(|file| temporary_of(file, &name)) else {
                continue;
            };
            // `DirEntry::metadata` does not follow a link: only a regular file is removed.
            let ours = entry
                .metadata()
                .is_ok_and(|metadata| metadata.is_file() && metadata.uid() == me);
            if ours && !running(pid) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Whether program `pid` is still running (or cannot be told apart from one that is).
    fn running(pid: u32) -> bool {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        if pid == 0 {
            return true;
        }
        // SAFETY: signal 0 only asks whether the program exists; nothing is sent.
        let answer = unsafe { libc::kill(pid, 0) };
        answer == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }

    /// The temporary file to remove if the program is told to stop, as a C string made with
    /// `CString::into_raw`; null when there is none.
    static TEMPORARY: AtomicPtr<libc::c_char> = AtomicPtr::new(std::ptr::null_mut());

    /// The signals that ask a program to stop, and that it can catch.
    const STOP_SIGNALS: [libc::c_int; 3] = [libc::SIGTERM, libc::SIGHUP, libc::SIGINT];

    /// While it lives, SIGTERM, SIGHUP and SIGINT remove a temporary file before the program
    /// ends as they would have ended it. A signal the program ignores (`nohup`) stays ignored.
    pub(super) struct Stopping {
        before: Vec<(libc::c_int, libc::sigaction)>,
    }

    impl Stopping {
        pub(super) fn remove(path: &Path) -> Stopping {
            let path = CString::new(path.as_os_str().as_bytes())
                .map_or(std::ptr::null_mut(), CString::into_raw);
            forget(TEMPORARY.swap(path, Ordering::SeqCst));
            let mut before = Vec::new();
            for signal in STOP_SIGNALS {
                // SAFETY: sigaction is given valid structures; the handler only calls
                // async-signal-safe functions.
                unsafe {
                    let mut old: libc::sigaction = std::mem::zeroed();
                    if libc::sigaction(signal, std::ptr::null(), &mut old) != 0
                        || old.sa_sigaction == libc::SIG_IGN
                    {
                        continue;
                    }
                    let mut new: libc::sigaction = std::mem::zeroed();
                    new.sa_sigaction = remove_then_stop as extern "C" fn(libc::c_int) as usize;
                    libc::sigemptyset(&mut new.sa_mask);
                    if libc::sigaction(signal, &new, std::ptr::null_mut()) == 0 {
                        before.push((signal, old));
                    }
                }
            }
            Stopping { before }
        }
    }

    impl Drop for Stopping {
        fn drop(&mut self) {
            forget(TEMPORARY.swap(std::ptr::null_mut(), Ordering::SeqCst));
            for (signal, old) in &self.before {
                // SAFETY: puts back what sigaction gave.
                unsafe {
                    libc::sigaction(*signal, old, std::ptr::null_mut());
                }
            }
        }
    }

    /// Frees a path that `TEMPORARY` held.
    fn forget(path: *mut libc::c_char) {
        if !path.is_null() {
            // SAFETY: it came from `CString::into_raw`, and the swap made it ours alone.
            drop(unsafe { CString::from_raw(path) });
        }
    }

    extern "C" fn remove_then_stop(signal: libc::c_int) {
        let path = TEMPORARY.swap(std::ptr::null_mut(), Ordering::SeqCst);
        // SAFETY: unlink, signal and raise are async-signal-safe; the path is a valid C string
        // that nothing else frees once swapped out. Raised again with the default action, the
        // signal ends the program when this returns, as it would have without the handler.
        unsafe {
            if !path.is_null() {
                libc::unlink(path);
            }
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }
}

/// Where handouts go when there is no Documents folder: a folder that only this user may open,
/// never the shared temporary folder itself, where anyone could read them. On Linux that is
/// `needle-guide` in the user's runtime folder (`XDG_RUNTIME_DIR`, private, emptied at log-out)
/// when there is one, else `needle-guide-{user id}` in the temporary folder (`TMPDIR`, else
/// `/tmp`). `var` reads the environment, so tests can fake it. [`make_private`] makes it.
pub fn private_folder(var: impl Fn(&str) -> Option<OsString>) -> PathBuf {
    #[cfg(target_os = "linux")]
    {
        let absolute = |name: &str| {
            var(name)
                .map(PathBuf::from)
                .filter(|path| path.is_absolute())
        };
        if let Some(runtime) = absolute("XDG_RUNTIME_DIR")
            && private(&runtime).is_ok()
        {
            return runtime.join("needle-guide");
        }
        let temporary = absolute("TMPDIR").unwrap_or_else(|| PathBuf::from("/tmp"));
        // SAFETY: geteuid has no preconditions.
        temporary.join(format!("needle-guide-{}", unsafe { libc::geteuid() }))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = var;
        std::env::temp_dir().join("needle-guide-handouts")
    }
}

/// Makes `folder` (see [`private_folder`]) if it is missing, so that only this user may open it,
/// and makes sure one that was there is such a folder; if not, says why.
pub fn make_private(folder: &Path) -> Result<(), String> {
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(folder) {
        Ok(()) => {}
        Err(error) if error.kind() == ErrorKind::AlreadyExists => {}
        Err(error) => return Err(io_words(&error, Access::Write)),
    }
    private(folder)
}

/// Whether `folder` is a folder (not a link) that only this user may open.
fn private(folder: &Path) -> Result<(), String> {
    let metadata = fs::symlink_metadata(folder).map_err(|error| io_words(&error, Access::Read))?;
    let not_private = |why: &str| {
        Err(format!(
            "{} is not a private folder ({why}), so no handout is put there; remove it and try \
             again",
            folder.display()
        ))
    };
    if !metadata.is_dir() {
        return not_private("it is not a folder, or it is a link");
    }
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions.
        if metadata.uid() != unsafe { libc::geteuid() } {
            return not_private("it belongs to another user");
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if metadata.permissions().mode() & 0o077 != 0 {
            return not_private("other users may open it");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_never_longer_than_the_name_they_are_for() {
        let long = "h".repeat(240) + ".html";
        for name in [
            "h.html",
            "a",
            long.as_str(),
            "ñandú-ñandú-ñandú-ñandú-ñandú.html",
        ] {
            let temporary = temporary_name(OsStr::new(name), 4_194_304, 99);
            let temporary = temporary.to_str().unwrap();
            assert!(temporary.len() <= name.len().max(SHORT_NAME), "{temporary}");
            assert_eq!(temporary_of(temporary, name), Some((4_194_304, 99)));
        }
    }

    #[test]
    fn only_temporary_names_for_the_same_file_are_recognised() {
        // The form the earlier versions left, with the whole name.
        assert_eq!(
            temporary_of(".h.html.4242-0.tmp", "h.html"),
            Some((4242, 0))
        );
        assert_eq!(temporary_of(".h.ht.4242-3.tmp", "h.html"), Some((4242, 3)));
        for other in [
            ".g.html.4242-0.tmp",
            "h.html.4242-0.tmp",
            ".h.html.42x-0.tmp",
            ".h.html.4242-.tmp",
            ".h.html.4242-0.tmpx",
            "..4242-0.tmp",
            ".h.html",
        ] {
            assert_eq!(temporary_of(other, "h.html"), None, "{other}");
        }
    }
}
