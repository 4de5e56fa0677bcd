//! What a clinic's details must be before patients see them: a web address a phone can open, a
//! staff PIN that can be typed, and the numbers without which the guide is not ready.

use super::*;

pub use crate::content::model::MAX_PIN_DIGITS;

/// The most characters of the clinic's name: it heads the kiosk's welcome screen, in large
/// letters beside the QR code, and the sidebar.
pub const MAX_NAME_CHARS: usize = 100;

/// The longest web address the kiosk shows as a QR code: what a version-12 code holds at the
/// error correction iced uses (medium), in bytes. Its 65 modules fit the code's column at 4
/// pixels each or more, which a phone reads from the screen.
pub const MAX_WEB_BYTES: usize = 287;

/// What is wrong with `web`, if anything: it must be empty or an address a phone can open from a
/// QR code: `http://` or `https://` and a site, nothing a browser would run (`javascript:`) or
/// read from the phone (`file:`), no user name or password, a site named in plain letters (a
/// look-alike letter of another alphabet could send patients elsewhere), short enough for a code
/// that fits the screen.
pub fn web_address_problem(web: &str) -> Option<String> {
    let web = web.trim();
    if web.is_empty() {
        return None;
    }
    let lower = web.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .filter(|_| !web.chars().any(|c| c.is_whitespace() || c.is_control()))
    else {
        return Some(
            "'web' must be an address that starts with http:// or https://, such as \
             https://example.org, or \"\" for none: it becomes a QR code patients scan"
                .into(),
        );
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Some(
            "'web' must not hold a user name or password (user:password@ before the site): \
             write only the site and page, such as https://example.org/guide"
                .into(),
        );
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port))
            if (1..=5).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit()) =>
        {
            host
        }
        Some(_) => "",
        None => authority,
    };
    if !site_name_ok(host) {
        return Some(
            "'web' must name a site after the //, such as example.org: words of plain letters \
             (a to z), digits and hyphens, joined by dots; a name in another alphabet is written \
             in its xn-- form, which looks the same in a phone's browser"
                .into(),
        );
    }
    if web.len() > MAX_WEB_BYTES {
        return Some(format!(
            "'web' is too long for a QR code patients can scan from the screen: it may have at \
             most {MAX_WEB_BYTES} characters (a letter with an accent counts as two), and it has \
             {}; use a shorter address for the same page",
            web.len()
        ));
    }
    None
}

/// Whether `host` is a site's name in plain letters: `example.org`, `xn--80ak6aa92e.com`.
fn site_name_ok(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Whether `pin` is empty or digits the kiosk's keypad can type.
pub fn staff_pin_ok(pin: &str) -> bool {
    let pin = pin.trim();
    pin.is_empty() || (pin.len() <= MAX_PIN_DIGITS && pin.bytes().all(|b| b.is_ascii_digit()))
}

/// Which `clinic.ron` the guide reads the clinic's details from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClinicFile {
    /// The built-in one: no content folder was given.
    BuiltIn,
    /// The `clinic.ron` of the content folder at this path.
    Folder(String),
    /// The content folder at this path has no `clinic.ron` that could be used (none, or one with
    /// problems), so the built-in one stands in.
    NotInFolder(String),
}

/// Content that loads and checks, but whose clinic has not said what a patient must have
/// ([`Clinic::missing`]), or whose staff PIN cannot be read, so it may not go in front of
/// patients alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotReady {
    pub missing: Vec<&'static str>,
    /// Why the staff PIN written in `clinic.ron` was left out, if it was: a kiosk without it
    /// could be closed by anyone, so it does not start.
    pub pin: Option<Box<Problem>>,
    pub file: ClinicFile,
}

/// Whether the clinic's details in `file` let the guide go in front of patients.
pub fn ready(clinic: &Clinic, file: ClinicFile) -> Result<(), NotReady> {
    let missing = clinic.missing();
    let pin = clinic
        .left_out
        .iter()
        .find(|left_out| left_out.field == "staff_pin")
        .map(|left_out| Box::new(left_out.problem.clone()));
    if missing.is_empty() && pin.is_none() {
        Ok(())
    } else {
        Err(NotReady { missing, pin, file })
    }
}

/// One line for staff: what is missing, in which file, and how to write it in.
impl std::fmt::Display for NotReady {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(pin) = &self.pin {
            // Only a folder's clinic.ron has a PIN; name the file as staff gave it.
            let problem = match &self.file {
                ClinicFile::Folder(folder) | ClinicFile::NotInFolder(folder) => Problem {
                    file: std::path::Path::new(folder)
                        .join(&pin.file)
                        .display()
                        .to_string(),
                    ..(**pin).clone()
                },
                ClinicFile::BuiltIn => (**pin).clone(),
            };
            return write!(
                f,
                "{problem}; the staff PIN written there cannot be used, and without it anyone \
                 could close the kiosk: mend staff_pin (digits in quotes, such as \"2468\", or \
                 \"\" for none) and start again"
            );
        }
        let fields = match self.missing.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        };
        let guide = "see docs/content.md, \"Your clinic\"";
        match &self.file {
            ClinicFile::BuiltIn => write!(
                f,
                "the built-in clinic.ron has no usable {fields}; to fix it, run `needle-guide \
                 export-content DIR`, write {fields} in DIR/clinic.ron, and run the guide with \
                 `--content DIR` ({guide})"
            ),
            ClinicFile::Folder(folder) => {
                let file = std::path::Path::new(folder).join("clinic.ron");
                write!(
                    f,
                    "{} has no usable {fields}; to fix it, write {fields} in that file and run the \
                     guide with `--content {folder}` ({guide})",
                    file.display()
                )
            }
            ClinicFile::NotInFolder(folder) => {
                let file = std::path::Path::new(folder).join("clinic.ron");
                write!(
                    f,
                    "{folder} has no clinic.ron that could be used, and the built-in clinic.ron \
                     has no usable {fields}; to fix it, write {fields} in {} (`needle-guide \
                     export-content DIR` writes a clinic.ron to start from) and run the guide \
                     with `--content {folder}` ({guide})",
                    file.display()
                )
            }
        }
    }
}
