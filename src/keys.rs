//! Keyboard shortcuts for the consult room. Buttons cannot take focus in iced, so the keyboard
//! works through these. The mapping is pure, so tests can check every key.

use iced::keyboard::{Key, Modifiers, key::Named};

/// What a shortcut asks for. Which of these a mode answers is the app's to say: the kiosk has no
/// quick jump, presenting or full-screen switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Find,
    TextLarger,
    TextSmaller,
    TextReset,
    Contrast,
    /// Close whatever is on top.
    Dismiss,
    /// Move the highlighted result up (-1) or down (+1).
    MoveResult(i32),
    ShowShortcuts,
    Present,
    Fullscreen,
    Back,
    Step {
        forward: bool,
    },
}

/// What a key does at the kiosk, where none of the therapist's shortcuts work: the staff chord
/// (Ctrl+Alt+Shift+Q) leaves through the staff PIN, and the digits, Backspace and Enter work
/// the staff keypad. Any other key is someone reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KioskKey {
    StaffExit,
    Digit(char),
    Back,
    Submit,
    Other,
}

/// The kiosk's meaning of a key press.
pub fn kiosk_key(key: &Key, modifiers: Modifiers) -> KioskKey {
    match key.as_ref() {
        Key::Character("q" | "Q")
            if modifiers.control() && modifiers.alt() && modifiers.shift() =>
        {
            KioskKey::StaffExit
        }
        Key::Character(digit) if digit.len() == 1 && digit.as_bytes()[0].is_ascii_digit() => {
            KioskKey::Digit(char::from(digit.as_bytes()[0]))
        }
        Key::Named(Named::Backspace) => KioskKey::Back,
        Key::Named(Named::Enter) => KioskKey::Submit,
        _ => KioskKey::Other,
    }
}

/// The name of the key held for the shortcuts with a letter (`Modifiers::command`): Cmd on a Mac,
/// Ctrl elsewhere; and of the one held with an arrow to go back.
pub const COMMAND: &str = if cfg!(target_os = "macos") {
    "Cmd"
} else {
    "Ctrl"
};
pub const ALT: &str = if cfg!(target_os = "macos") {
    "Option"
} else {
    "Alt"
};

/// The keys of a shortcut as the content writes them (`{command}+K`, `{alt}+Left`), with this
/// platform's names for the keys held.
pub fn label(keys: &str) -> String {
    keys.replace("{command}", COMMAND).replace("{alt}", ALT)
}

/// The shortcut for a key press, if it is one. `captured` says a widget (the search box)
/// already used the key: then only keys no text box uses still count.
pub fn shortcut(key: &Key, modifiers: Modifiers, captured: bool) -> Option<Shortcut> {
    let command = modifiers.command();
    match key.as_ref() {
        Key::Character("k") if command => Some(Shortcut::Find),
        Key::Character("=" | "+") if command => Some(Shortcut::TextLarger),
        Key::Character("-") if command => Some(Shortcut::TextSmaller),
        Key::Character("0") if command => Some(Shortcut::TextReset),
        Key::Character("h") if command => Some(Shortcut::Contrast),
        Key::Named(Named::Escape) => Some(Shortcut::Dismiss),
        Key::Named(Named::ArrowUp) => Some(Shortcut::MoveResult(-1)),
        Key::Named(Named::ArrowDown) => Some(Shortcut::MoveResult(1)),
        Key::Named(Named::F1) => Some(Shortcut::ShowShortcuts),
        Key::Named(Named::F5) => Some(Shortcut::Present),
        Key::Named(Named::F11) => Some(Shortcut::Fullscreen),
        _ if captured => None,
        Key::Named(Named::ArrowLeft) if modifiers.alt() => Some(Shortcut::Back),
        Key::Named(Named::ArrowLeft | Named::PageUp) if modifiers.is_empty() => {
            Some(Shortcut::Step { forward: false })
        }
        Key::Named(Named::ArrowRight | Named::PageDown) if modifiers.is_empty() => {
            Some(Shortcut::Step { forward: true })
        }
        Key::Character("?") => Some(Shortcut::ShowShortcuts),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn character(c: &str) -> Key {
        Key::Character(c.into())
    }

    #[test]
    fn the_kiosk_knows_the_staff_chord_and_the_keypads_keys_only() {
        let chord = Modifiers::CTRL | Modifiers::ALT | Modifiers::SHIFT;
        for q in ["q", "Q"] {
            assert_eq!(kiosk_key(&character(q), chord), KioskKey::StaffExit);
        }
        assert_eq!(
            kiosk_key(&character("q"), Modifiers::CTRL | Modifiers::ALT),
            KioskKey::Other
        );
        assert_eq!(
            kiosk_key(&character("7"), Modifiers::empty()),
            KioskKey::Digit('7')
        );
        assert_eq!(
            kiosk_key(&character("77"), Modifiers::empty()),
            KioskKey::Other
        );
        assert_eq!(
            kiosk_key(&Key::Named(Named::Enter), Modifiers::empty()),
            KioskKey::Submit
        );
        assert_eq!(
            kiosk_key(&Key::Named(Named::Backspace), Modifiers::empty()),
            KioskKey::Back
        );
    }

    #[test]
    fn shortcut_labels_name_this_platforms_keys() {
        assert_eq!(label("{command}+K"), format!("{COMMAND}+K"));
        assert_eq!(label("{alt}+Left"), format!("{ALT}+Left"));
        assert_eq!(label("F5"), "F5");
    }

    #[test]
    fn shortcuts_map_to_their_messages() {
        let none = Modifiers::empty();
        let ctrl = Modifiers::CTRL;
        assert_eq!(shortcut(&character("k"), ctrl, false), Some(Shortcut::Find));
        assert_eq!(shortcut(&character("k"), none, false), None);
        assert_eq!(
            shortcut(&character("="), ctrl, false),
            Some(Shortcut::TextLarger)
        );
        assert_eq!(
            shortcut(&character("+"), ctrl | Modifiers::SHIFT, false),
            Some(Shortcut::TextLarger)
        );
        assert_eq!(
            shortcut(&character("-"), ctrl, false),
            Some(Shortcut::TextSmaller)
        );
        assert_eq!(
            shortcut(&character("0"), ctrl, false),
            Some(Shortcut::TextReset)
        );
        assert_eq!(
            shortcut(&character("h"), ctrl, true),
            Some(Shortcut::Contrast)
        );
        assert_eq!(shortcut(&character("h"), none, false), None);
        assert_eq!(
            shortcut(&Key::Named(Named::ArrowLeft), Modifiers::ALT, false),
            Some(Shortcut::Back)
        );
        assert_eq!(
            shortcut(&Key::Named(Named::PageDown), none, false),
            Some(Shortcut::Step { forward: true })
        );
        assert_eq!(
            shortcut(&Key::Named(Named::ArrowLeft), none, false),
            Some(Shortcut::Step { forward: false })
        );
        assert_eq!(
            shortcut(&Key::Named(Named::F11), none, false),
            Some(Shortcut::Fullscreen)
        );
        assert_eq!(
            shortcut(&Key::Named(Named::F1), none, false),
            Some(Shortcut::ShowShortcuts)
        );
        assert_eq!(
            shortcut(&character("?"), Modifiers::SHIFT, false),
            Some(Shortcut::ShowShortcuts)
        );
        assert_eq!(shortcut(&character("x"), none, false), None);
    }

    #[test]
    fn keys_a_text_box_used_do_not_turn_pages() {
        let none = Modifiers::empty();
        assert_eq!(shortcut(&Key::Named(Named::ArrowRight), none, true), None);
        assert_eq!(shortcut(&character("?"), Modifiers::SHIFT, true), None);
        // Escape and the arrows that move through results still work while typing.
        assert_eq!(
            shortcut(&Key::Named(Named::Escape), none, true),
            Some(Shortcut::Dismiss)
        );
        assert_eq!(
            shortcut(&Key::Named(Named::ArrowDown), none, true),
            Some(Shortcut::MoveResult(1))
        );
    }
}
