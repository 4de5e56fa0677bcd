//! Handing a saved file to the desktop.

use std::path::Path;

use crate::content::{Access, io_words};
use crate::handout::{OpenError, Opener};

/// Opens files in the desktop's default program (a PDF viewer or web browser, for the handout), without
/// waiting for it to close. It can only tell whether a launcher started, not whether a window
/// appeared.
pub struct SystemOpener;

impl Opener for SystemOpener {
    fn open(&self, path: &Path) -> Result<(), OpenError> {
        open::that_detached(path).map_err(|error| OpenError(io_words(&error, Access::Read)))
    }
}
