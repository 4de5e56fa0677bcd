//! The window the app runs in: its size, icon and kind, and the iced application around [`App`].

use iced::{Task, window};

use super::{App, MAX_WINDOW_SIZE, MIN_WINDOW_SIZE};
use crate::theme;

/// The app's icon, as the package installs it (`packaging/icons/`), 64 pixels square.
const ICON_RGBA: &[u8] = include_bytes!("../../packaging/icons/needle-guide-64.rgba");
const ICON_SIZE: u32 = 64;

/// The window's icon, the same as the desktop's.
pub fn window_icon() -> Option<window::Icon> {
    window::icon::from_rgba(ICON_RGBA.to_vec(), ICON_SIZE, ICON_SIZE).ok()
}

/// On Linux, the name the desktop matches the window with (the desktop entry's StartupWMClass
/// and the Wayland app id), so the window has the entry's name and icon in the task bar.
fn platform() -> window::settings::PlatformSpecific {
    #[cfg(target_os = "linux")]
    {
        window::settings::PlatformSpecific {
            application_id: "needle-guide".to_owned(),
            ..Default::default()
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        window::settings::PlatformSpecific::default()
    }
}

/// The window `app` opens in.
pub fn window_settings(app: &App) -> window::Settings {
    // iced makes the window this size times the app's scale: the app's window, unscaled.
    let size = app.window() * (1.0 / app.scale_factor());
    let every_window = window::Settings {
        size,
        max_size: Some(MAX_WINDOW_SIZE),
        icon: window_icon(),
        platform_specific: platform(),
        ..window::Settings::default()
    };
    if app.kiosk_state().is_some() {
        // Full screen, no decorations, and the close button does nothing: the kiosk decides.
        // Resizable, so that winit asks for no minimum size: a fixed size is a minimum, and the
        // compositor must be free to give the window the screen's size.
        window::Settings {
            fullscreen: true,
            decorations: false,
            exit_on_close_request: false,
            ..every_window
        }
    } else {
        window::Settings {
            min_size: Some(MIN_WINDOW_SIZE),
            ..every_window
        }
    }
}

/// Runs the app in a window.
pub fn run(app: App) -> iced::Result {
    let kiosk = app.kiosk_state().is_some();
    let window = window_settings(&app);
    let opened_at = window.size;
    let boot = move || {
        // Where no window manager makes the window full screen (X alone), make it the
        // monitor's size. The monitor's size and the resize are both in iced's scaled pixels;
        // the scale they use stays as the window was made until the window changes size, which
        // is what this does. On Wayland the monitor is unknown here, and the compositor sizes
        // the window. The layout follows whatever size the window ends up (`Message::Measured`).
        let fit = if kiosk {
            window::latest().and_then(|id| {
                window::monitor_size(id).and_then(move |size| window::resize(id, size))
            })
        } else {
            // The consult room's window on a screen smaller than it (a 1024×600 panel): made
            // the screen's size at most, then maximized, for a window manager to fit it to
            // what its panels leave. A window larger than the screen hid Handout and the foot
            // of every page.
            window::latest().and_then(move |id| {
                window::monitor_size(id).and_then(move |screen| {
                    if screen.width < opened_at.width || screen.height < opened_at.height {
                        window::resize(id, opened_at.min(screen)).chain(window::maximize(id, true))
                    } else {
                        Task::none()
                    }
                })
            })
        };
        (app.clone(), fit)
    };
    let mut application = iced::application(boot, App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .scale_factor(App::scale_factor)
        .default_font(theme::FONT)
        .window(window)
        .antialiasing(true);
    for font in theme::FONT_FILES {
        application = application.font(font);
    }
    application.run()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_has_the_packages_icon() {
        assert_eq!(
            ICON_RGBA.len(),
            (ICON_SIZE * ICON_SIZE * 4) as usize,
            "packaging/icons/needle-guide-64.rgba is not 64×64 RGBA"
        );
        assert!(window_icon().is_some());
        // Opaque in the middle: the picture is there, not an empty square.
        let middle = ((ICON_SIZE / 2 * ICON_SIZE + ICON_SIZE / 2) * 4 + 3) as usize;
        assert_eq!(ICON_RGBA[middle], 255);
    }
}
