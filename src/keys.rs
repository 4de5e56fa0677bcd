//! Keyboard shortcuts for the consult room. Buttons cannot take focus in iced, so the keyboard
//! works through these. The mapping is pure, so tests can check every key.

use iced::keyboard::{Key, Modifiers, key::Named};

use crate::app::Message;

/// The message for a key press, if it is a shortcut. `captured` says a widget (the search box)
/// already used the key: then only keys no text box uses still count.
pub fn shortcut(key: &Key, modifiers: Modifiers, captured: bool) -> Option<Message> {
    let command = modifiers.command();
    match key.as_ref() {
        Key::Character("k") if command => Some(Message::OpenSearch),
        Key::Character("=" | "+") if command => Some(Message::TextLarger),
        Key::Character("-") if command => Some(Message::TextSmaller),
        Key::Character("0") if command => Some(Message::TextReset),
        Key::Named(Named::Escape) => Some(Message::Dismiss),
        Key::Named(Named::ArrowUp) => Some(Message::SearchMove(-1)),
        Key::Named(Named::ArrowDown) => Some(Message::SearchMove(1)),
        Key::Named(Named::F1) => Some(Message::ToggleShortcuts),
        Key::Named(Named::F5) => Some(Message::TogglePresenting),
        Key::Named(Named::F11) => Some(Message::ToggleFullscreen),
        _ if captured => None,
        Key::Named(Named::ArrowLeft) if modifiers.alt() => Some(Message::Back),
        Key::Named(Named::ArrowLeft | Named::PageUp) if modifiers.is_empty() => {
            Some(Message::Step { forward: false })
        }
        Key::Named(Named::ArrowRight | Named::PageDown) if modifiers.is_empty() => {
            Some(Message::Step { forward: true })
        }
        Key::Character("?") => Some(Message::ToggleShortcuts),
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
    fn shortcuts_map_to_their_messages() {
        let none = Modifiers::empty();
        let ctrl = Modifiers::CTRL;
        assert_eq!(
            shortcut(&character("k"), ctrl, false),
            Some(Message::OpenSearch)
        );
        assert_eq!(shortcut(&character("k"), none, false), None);
        assert_eq!(
            shortcut(&character("="), ctrl, false),
            Some(Message::TextLarger)
        );
        assert_eq!(
            shortcut(&character("+"), ctrl | Modifiers::SHIFT, false),
            Some(Message::TextLarger)
        );
        assert_eq!(
            shortcut(&character("-"), ctrl, false),
            Some(Message::TextSmaller)
        );
        assert_eq!(
            shortcut(&character("0"), ctrl, false),
            Some(Message::TextReset)
        );
        assert_eq!(
            shortcut(&Key::Named(Named::ArrowLeft), Modifiers::ALT, false),
            Some(Message::Back)
        );
        assert_eq!(
            shortcut(&Key::Named(Named::PageDown), none, false),
            Some(Message::Step { forward: true })
        );
        assert_eq!(
            shortcut(&Key::Named(Named::ArrowLeft), none, false),
            Some(Message::Step { forward: false })
        );
        assert_eq!(
            shortcut(&Key::Named(Named::F11), none, false),
            Some(Message::ToggleFullscreen)
        );
        assert_eq!(
            shortcut(&Key::Named(Named::F1), none, false),
            Some(Message::ToggleShortcuts)
        );
        assert_eq!(
            shortcut(&character("?"), Modifiers::SHIFT, false),
            Some(Message::ToggleShortcuts)
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
            Some(Message::Dismiss)
        );
        assert_eq!(
            shortcut(&Key::Named(Named::ArrowDown), none, true),
            Some(Message::SearchMove(1))
        );
    }
}
