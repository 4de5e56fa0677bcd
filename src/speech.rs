//! Reading aloud through the machine's own speech program: `espeak-ng` or speech-dispatcher's
//! `spd-say` on Linux, `say` on macOS, the Windows speech API through PowerShell. Nothing is
//! linked in (espeak-ng is GPL; the `tts` crate needs speech-dispatcher's headers and libclang to
//! build), so the guide builds anywhere, and speaks wherever the machine can. Each passage is one
//! run of the program, so stopping is ending that run. The app stops the run on every page change
//! and reset; on Linux the program is also told to end with the app, however the app ends.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::content::{Access, io_words};

/// Why a passage was not spoken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpeechError {
    #[error("the speech program {program} could not start: {reason}")]
    Start { program: String, reason: String },
    #[error("the speech program {program} stopped with an error ({status})")]
    Failed { program: String, status: String },
    #[error(
        "the speech program {program} ended faster than anyone speaks: the computer may have no sound device"
    )]
    NoSound { program: String },
}

/// Something that can say a passage in a language ("en", "es") and tell when it is done.
pub trait Voice: Send + Sync {
    /// Starts saying `text`. The returned run ends when the passage has been said.
    fn say(&self, text: &str, language: &str) -> Result<Speaking, SpeechError>;

    /// Silences anything still being said beyond the runs already stopped.
    fn stop_all(&self) {}
}

/// A passage being said: a program running, or nothing to wait for (a voice that only records).
pub struct Speaking {
    program: String,
    child: Option<Arc<Mutex<Child>>>,
}

impl Speaking {
    /// A run that is already over.
    pub fn done() -> Speaking {
        Speaking {
            program: String::new(),
            child: None,
        }
    }

    /// A run of `program` that ends when `child` does.
    pub fn running(program: &str, child: Child) -> Speaking {
        Speaking {
            program: program.to_owned(),
            child: Some(Arc::new(Mutex::new(child))),
        }
    }

    /// Waits, without blocking the interface, until the passage has been said or stopped.
    /// Stopped counts as done.
    pub async fn finished(self) -> Result<(), SpeechError> {
        let Some(child) = self.child.clone() else {
            return Ok(());
        };
        let program = self.program.clone();
        let (sender, receiver) = iced::futures::channel::oneshot::channel();
        // The program is watched from a thread of its own; a look five times a second costs
        // nothing to speak of, and the lock is free in between for Stop.
        std::thread::spawn(move || {
            let status = loop {
                let polled = child.lock().map(|mut child| child.try_wait());
                match polled {
                    Ok(Ok(Some(status))) => break Ok(status),
                    Ok(Ok(None)) => std::thread::sleep(Duration::from_millis(200)),
                    Ok(Err(error)) => break Err(io_words(&error, Access::Read)),
                    Err(_) => break Err("its watcher failed".to_owned()),
                }
            };
            let _ = sender.send(status);
        });
        let status = receiver.await.map_err(|_| SpeechError::Failed {
            program: program.clone(),
            status: "no answer".to_owned(),
        })?;
        let stopped = was_stopped(&self.child);
        match status {
            Ok(status) if status.success() || stopped => Ok(()),
            Ok(status) => Err(SpeechError::Failed {
                program,
                status: status.to_string(),
            }),
            Err(status) => Err(SpeechError::Failed { program, status }),
        }
    }
}

/// Says `text` in `language` as `run`, and waits, without blocking the interface, until it has
/// been said or stopped (stopped counts as said). A run stopped before its program started never
/// starts it. The app runs this as a task: starting a program is not part of `update`.
pub async fn say(
    voice: Arc<dyn Voice>,
    text: String,
    language: String,
    run: Stopper,
) -> Result<(), SpeechError> {
    let speaking = {
        // Held while the program starts, so that a Stop cannot slip in between.
        let Ok(mut started) = run.0.lock() else {
            return Ok(());
        };
        if started.stopped {
            return Ok(());
        }
        let speaking = voice.say(&text, &language)?;
        started.child = speaking.child.clone();
        speaking
    };
    let (program, runs_a_program) = (speaking.program.clone(), speaking.child.is_some());
    let start = Instant::now();
    speaking.finished().await?;
    if runs_a_program && !run.stopped() && too_quick(&text, start.elapsed()) {
        return Err(SpeechError::NoSound { program });
    }
    Ok(())
}

/// Whether a passage was said faster than anyone speaks (about 3 words a second; 16 is far past
/// the fastest voice): then it was not heard. espeak-ng, for one, ends at once, and with success,
/// on a computer with no sound device.
fn too_quick(text: &str, took: Duration) -> bool {
    let words = text.split_whitespace().count() as u32;
    words >= 4 && took < Duration::from_millis(60) * words
}

/// One passage's run of the speech program, from before it starts: the app holds it to end the
/// run, the task that says the passage ([`say`]) to start it.
#[derive(Clone, Default)]
pub struct Stopper(Arc<Mutex<Run>>);

#[derive(Default)]
struct Run {
    stopped: bool,
    child: Option<Arc<Mutex<Child>>>,
}

impl Stopper {
    /// Whether the run was stopped.
    fn stopped(&self) -> bool {
        self.0.lock().is_ok_and(|run| run.stopped)
    }

    /// Ends the run: its program, if it still runs, or its start, if it has not started.
    pub fn stop(&self) {
        let Ok(mut run) = self.0.lock() else {
            return;
        };
        run.stopped = true;
        if let Some(child) = &run.child
            && let Ok(mut child) = child.lock()
            && matches!(child.try_wait(), Ok(None))
        {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Whether the program was ended by [`Stopper::stop`] (it died of a signal) rather than
/// finishing.
fn was_stopped(child: &Option<Arc<Mutex<Child>>>) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        child.as_ref().is_some_and(|child| {
            child
                .lock()
                .ok()
                .and_then(|mut child| child.try_wait().ok().flatten())
                .is_some_and(|status| status.signal().is_some())
        })
    }
    #[cfg(not(unix))]
    {
        let _ = child;
        false
    }
}

impl std::fmt::Debug for Stopper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let started = self.0.lock().is_ok_and(|run| run.child.is_some());
        f.debug_tuple("Stopper").field(&started).finish()
    }
}

// Two stoppers are the same when they end the same run.
impl PartialEq for Stopper {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Whether two handles are to the very same thing (or both to nothing): for what has no value
/// to compare, only an identity.
pub fn same<T: ?Sized>(a: &Option<Arc<T>>, b: &Option<Arc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// The speech programs the guide knows, in the order it prefers them: a program it runs once per
/// passage and can end at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    /// espeak-ng: speaks itself, starts in milliseconds, and has English and Spanish voices.
    EspeakNg,
    /// speech-dispatcher's client: `-w` waits until said. Ending it does not end the speech
    /// already handed to the daemon, so Stop also sends `spd-say -C`.
    SpdSay,
    /// macOS.
    Say,
    /// Windows: the speech API (System.Speech), through PowerShell.
    PowerShell,
}

impl Program {
    pub const ALL: [Program; 4] = [
        Program::EspeakNg,
        Program::SpdSay,
        Program::Say,
        Program::PowerShell,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Program::EspeakNg => "espeak-ng",
            Program::SpdSay => "spd-say",
            Program::Say => "say",
            Program::PowerShell => "powershell",
        }
    }

    /// The command that says `text` in `language` and returns when it has been said.
    pub fn command(self, path: &std::path::Path, text: &str, language: &str) -> Command {
        let mut command = Command::new(path);
        match self {
            Program::EspeakNg => {
                // The guide's Spanish is Latin American.
                let voice = if language == "es" { "es-419" } else { language };
                command.args(["-v", voice, "-s", "150", "--", text]);
            }
            Program::SpdSay => {
                command.args(["-w", "-l", language, "--", text]);
            }
            Program::Say => {
                let voice = if language == "es" {
                    "Monica"
                } else {
                    "Samantha"
                };
                command.args(["-v", voice, "--", text]);
            }
            Program::PowerShell => {
                // The text goes in through the environment, never into the script itself.
                command
                    .env("NEEDLE_GUIDE_SAY", text)
                    .env("NEEDLE_GUIDE_LANGUAGE", language)
                    .args([
                        "-NoProfile",
                        "-NonInteractive",
                        "-Command",
                        "Add-Type -AssemblyName System.Speech; \
                         $s = New-Object System.Speech.Synthesis.SpeechSynthesizer; \
                         $v = $s.GetInstalledVoices() | Where-Object { $_.VoiceInfo.Culture.TwoLetterISOLanguageName -eq $env:NEEDLE_GUIDE_LANGUAGE } | Select-Object -First 1; \
                         if ($v) { $s.SelectVoice($v.VoiceInfo.Name) }; \
                         $s.Speak($env:NEEDLE_GUIDE_SAY)",
                    ]);
            }
        }
        quietly(&mut command);
        command
    }

    /// The first of the known programs found on `PATH`, if any.
    pub fn find() -> Option<(Program, PathBuf)> {
        Program::find_in(&std::env::var_os("PATH")?)
    }

    /// The first of the known programs found in the folders of `path` (a `PATH` value). Only
    /// absolute folders are looked in: an empty entry, `.` or a relative one means the current
    /// folder, where anyone who can put a file could have the guide run it.
    pub fn find_in(path: &std::ffi::OsStr) -> Option<(Program, PathBuf)> {
        let folders: Vec<PathBuf> = std::env::split_paths(path)
            .filter(|folder| folder.is_absolute())
            .collect();
        Program::ALL.into_iter().find_map(|program| {
            folders.iter().find_map(|folder| {
                let names = [
                    folder.join(program.name()),
                    folder.join(format!("{}.exe", program.name())),
                ];
                names
                    .into_iter()
                    .find(|candidate| candidate.is_file())
                    .map(|found| (program, found))
            })
        })
    }
}

/// A voice that runs a speech program for each passage.
#[derive(Debug, Clone)]
pub struct ProgramVoice {
    pub program: Program,
    pub path: PathBuf,
}

impl Voice for ProgramVoice {
    fn say(&self, text: &str, language: &str) -> Result<Speaking, SpeechError> {
        let name = self.program.name();
        let mut command = self.program.command(&self.path, text, language);
        end_with_the_app(&mut command);
        let child = command.spawn().map_err(|error| SpeechError::Start {
            program: name.to_owned(),
            reason: io_words(&error, Access::Read),
        })?;
        Ok(Speaking::running(name, child))
    }

    /// speech-dispatcher's speech outlives `spd-say` itself: cancel it too.
    fn stop_all(&self) {
        if self.program == Program::SpdSay {
            let _ = quietly(Command::new(&self.path).arg("-C")).spawn();
        }
    }
}

/// A speech program reads nothing from the guide and shows nothing: no output in the guide's log
/// and, on Windows, where the guide is a window program, no console window for each run.
fn quietly(command: &mut Command) -> &mut Command {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        command.creation_flags(CREATE_NO_WINDOW);
    }
    command
}

/// On Linux, asks the kernel to end the speech program when the app ends, even if the app is
/// killed, so that no voice goes on talking to an empty waiting room.
#[cfg(target_os = "linux")]
fn end_with_the_app(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: prctl is async-signal-safe and touches only the child being started.
    unsafe {
        command.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
fn end_with_the_app(_command: &mut Command) {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Counts the passages it is asked to say; each is done at once.
    #[derive(Default)]
    struct Counting(AtomicUsize);

    impl Voice for Counting {
        fn say(&self, _text: &str, _language: &str) -> Result<Speaking, SpeechError> {
            self.0.fetch_add(1, Ordering::SeqCst);
            Ok(Speaking::done())
        }
    }

    fn said(voice: &Arc<Counting>, run: Stopper) -> Result<(), SpeechError> {
        let saying = say(voice.clone(), "Hello.".into(), "en".into(), run);
        iced::futures::executor::block_on(saying)
    }

    /// Runs `program` (with `args`) for each passage.
    struct Running(&'static str, &'static [&'static str]);

    impl Voice for Running {
        fn say(&self, _text: &str, _language: &str) -> Result<Speaking, SpeechError> {
            let child = quietly(Command::new(self.0).args(self.1))
                .spawn()
                .expect("the program runs");
            Ok(Speaking::running(self.0, child))
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_passage_over_at_once_was_not_heard_and_one_said_in_time_was() {
        let passage = "Call your clinic if the soreness lasts more than three days.";
        let run = |voice: Running| {
            let saying = say(
                Arc::new(voice),
                passage.into(),
                "en".into(),
                Stopper::default(),
            );
            iced::futures::executor::block_on(saying)
        };
        assert_eq!(
            run(Running("true", &[])),
            Err(SpeechError::NoSound {
                program: "true".into()
            })
        );
        assert_eq!(run(Running("sleep", &["1"])), Ok(()));
        // A word or two can be said quickly.
        assert!(!too_quick("Stop.", Duration::ZERO));
    }

    #[test]
    fn a_run_starts_its_program_only_when_its_task_runs_and_not_once_stopped() {
        let voice = Arc::new(Counting::default());
        let run = Stopper::default();
        // Asking for the run starts nothing: only running it does.
        let saying = say(voice.clone(), "Hello.".into(), "en".into(), run.clone());
        assert_eq!(voice.0.load(Ordering::SeqCst), 0);
        drop(saying);
        assert_eq!(said(&voice, run), Ok(()));
        assert_eq!(voice.0.load(Ordering::SeqCst), 1);

        // Stopped before its task ran: the program never starts, and that is no failure.
        let stopped = Stopper::default();
        stopped.stop();
        assert_eq!(said(&voice, stopped), Ok(()));
        assert_eq!(voice.0.load(Ordering::SeqCst), 1);
    }
}
