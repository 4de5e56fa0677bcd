//! The built-in content: the `content/` folder at the top of the repository, inside the binary
//! in release builds (read from the folder in debug builds), and the languages it is written in.

use rust_embed::RustEmbed;

/// The `content/` folder, inside the binary in release builds.
#[derive(RustEmbed)]
#[folder = "../content/"]
pub(super) struct Embedded;

/// A built-in content file as it is written, for tests that edit one.
#[cfg(test)]
pub(crate) fn built_in_bytes(path: &str) -> Option<Vec<u8>> {
    Embedded::get(path).map(|file| file.data.into_owned())
}

/// [`built_in_bytes`] as text.
#[cfg(test)]
pub(crate) fn built_in_text(path: &str) -> String {
    String::from_utf8(built_in_bytes(path).expect("a built-in file")).expect("UTF-8")
}

/// The languages the guide is written in; the first is the default.
pub const LOCALES: [&str; 2] = ["en", "es"];
