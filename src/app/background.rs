//! Work that must not hold up a frame, done on a thread of its own: writing and reading the
//! counts file, which can wait seconds for a lock or a slow disk. A task brings the result back.
//! (iced polls a task once, at once, on the window's thread, so work done inside a future
//! itself would still hold the window up.)

use std::sync::{Arc, Condvar, Mutex};

use iced::Task;
use iced::futures::channel::oneshot;

/// How many pieces of work are under way, so that a clean exit and the tests can wait for them.
#[derive(Debug, Clone, Default)]
pub struct Background(Arc<(Mutex<usize>, Condvar)>);

impl PartialEq for Background {
    /// Work under way is not part of what the guide shows or keeps.
    fn eq(&self, _: &Background) -> bool {
        true
    }
}

/// Counts a piece of work as under way while it lives, however it ends.
struct UnderWay(Background);

impl Drop for UnderWay {
    fn drop(&mut self) {
        let (count, changed) = &*(self.0).0;
        let mut count = count
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *count -= 1;
        changed.notify_all();
    }
}

impl Background {
    /// Runs `work` on a thread of its own; the task comes to what it returned, or to `None` if
    /// the thread could not start or stopped without an answer.
    pub fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Task<Option<T>> {
        let (answer, answered) = oneshot::channel();
        let under_way = self.started();
        // If the thread cannot start, the closure is dropped with the sender, and the task comes
        // to `None` at once.
        let _ = std::thread::Builder::new()
            .name("needle-guide-background".into())
            .spawn(move || {
                let _under_way = under_way;
                let _ = answer.send(work());
            });
        Task::perform(async move { answered.await.ok() }, |answer| answer)
    }

    fn started(&self) -> UnderWay {
        let (count, _) = &*self.0;
        *count
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) += 1;
        UnderWay(self.clone())
    }

    /// Waits until every piece of work handed over is done: before the guide closes, and in
    /// tests, which then find its task's answer ready.
    pub fn settle(&self) {
        let (count, changed) = &*self.0;
        let mut count = count
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        while *count > 0 {
            count = changed
                .wait(count)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }
}
