//! The waiting-room kiosk's own screens: the welcome screen, the comfort controls, "Are you
//! still reading?", and the staff keypad.

use iced::alignment::Vertical;
use iced::widget::{Column, column, container, mouse_area, qr_code, row, space, text};
use iced::{Center, Element, Fill, Length};

use crate::app::{Kiosk, Message};
use crate::content::Library;
use crate::screen::consult::modal;
use crate::theme::style::Role;
use crate::theme::{BOLD, Palette, metrics, size};
use crate::widget::nav::{self, action, label};

/// Text size, contrast and language: on every kiosk screen.
fn comfort<'a>(
    library: &'a Library,
    other_language: Option<&'a str>,
    high_contrast: bool,
    can_enlarge: bool,
    palette: &Palette,
) -> Vec<Element<'a, Message>> {
    let words = &library.ui.kiosk;
    let contrast = if high_contrast {
        &words.standard_contrast
    } else {
        &words.high_contrast
    };
    let mut controls = nav::text_size(&library.ui, can_enlarge, palette);
    controls.push(
        action(
            label(contrast),
            Role::Secondary,
            palette,
            Message::ToggleContrast,
        )
        .into(),
    );
    controls.extend(other_language.map(|name| nav::language_button(name, palette)));
    controls
}

/// The kiosk's bar over each page: Home, then the comfort controls.
pub fn toolbar<'a>(
    library: &'a Library,
    other_language: Option<&'a str>,
    high_contrast: bool,
    can_enlarge: bool,
    palette: &Palette,
) -> Element<'a, Message> {
    let home = vec![nav::home_button(&library.ui, Role::Primary, palette)];
    nav::bar(
        home,
        comfort(library, other_language, high_contrast, can_enlarge, palette),
        palette,
    )
}

/// Room for the QR code and its caption.
const QR_WIDTH: f32 = 280.0;

/// The QR code of the clinic's web address, with what it is for.
pub fn qr<'a>(
    data: &'a qr_code::Data,
    library: &'a Library,
    palette: &Palette,
) -> Element<'a, Message> {
    column![
        qr_code(data).cell_size(5),
        text(&library.ui.kiosk.qr_caption)
            .size(size::BODY)
            .color(palette.muted)
            .align_x(Center),
    ]
    .spacing(metrics::S)
    .align_x(Center)
    .width(Length::Fixed(QR_WIDTH))
    .into()
}

/// The first screen each person sees: who this is from, what it is, and where to touch; the
/// comfort controls above, and the QR code beside, when the clinic has a web address.
pub fn welcome<'a>(
    library: &'a Library,
    other_language: Option<&'a str>,
    high_contrast: bool,
    can_enlarge: bool,
    qr_data: Option<&'a qr_code::Data>,
    palette: &Palette,
) -> Element<'a, Message> {
    let words = &library.ui.kiosk;
    let clinic = (!library.clinic.name.trim().is_empty()).then(|| {
        text(&library.clinic.name)
            .size(size::HEADING)
            .color(palette.muted)
    });
    let start = action(
        text(&words.touch_to_start).size(size::TITLE).font(BOLD),
        Role::Primary,
        palette,
        Message::StartVisit,
    )
    .padding([metrics::L, metrics::XL * 2.0]);
    let invitation = column![]
        .push(clinic)
        .push(
            text(&library.ui.app_title)
                .size(size::TITLE * 1.2)
                .font(BOLD)
                .color(palette.primary),
        )
        .push(text(&words.welcome).size(size::LEAD))
        .push(space().height(metrics::M))
        .push(start)
        .spacing(metrics::M)
        .width(Fill);
    let middle = row![invitation]
        .push(qr_data.map(|data| qr(data, library, palette)))
        .spacing(metrics::XL)
        .align_y(Vertical::Center);
    let screen = column![
        nav::bar(
            Vec::new(),
            comfort(library, other_language, high_contrast, can_enlarge, palette),
            palette
        ),
        container(middle).center(Fill).padding(metrics::L),
    ];
    // A touch anywhere starts, not only on the button.
    mouse_area(container(screen).width(Fill).height(Fill))
        .on_press(Message::StartVisit)
        .into()
}

/// "Are you still reading?", with the seconds left and one big button.
pub fn still_reading<'a>(
    library: &'a Library,
    seconds: u64,
    palette: &Palette,
) -> Element<'a, Message> {
    let words = &library.ui.kiosk;
    let panel = column![
        text(&words.still_reading).size(size::TITLE).font(BOLD),
        text(words.starting_over.replace("{n}", &seconds.to_string())).size(size::LEAD),
        action(
            text(&words.keep_reading).size(size::HEADING).font(BOLD),
            Role::Primary,
            palette,
            Message::KeepReading
        )
        .padding([metrics::M, metrics::XL]),
    ]
    .spacing(metrics::L)
    .align_x(Center);
    modal(panel, palette, false, Message::KeepReading)
}

/// The staff keypad: digits shown as dots, 0–9, back, cancel, OK.
pub fn keypad<'a>(library: &'a Library, kiosk: &Kiosk, palette: &Palette) -> Element<'a, Message> {
    let words = &library.ui.kiosk;
    let typed = kiosk.pin().map_or(0, str::len);
    let key = |face: String, message: Message| {
        action(
            text(face)
                .size(size::HEADING)
                .font(BOLD)
                .width(Length::Fixed(64.0))
                .align_x(Center),
            Role::Secondary,
            palette,
            message,
        )
    };
    let rows = [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]]
        .into_iter()
        .map(|digits| {
            row(digits.into_iter().map(|d| {
                key(
                    d.to_owned(),
                    Message::PinDigit(d.chars().next().unwrap_or('0')),
                )
                .into()
            }))
            .spacing(metrics::S)
            .into()
        });
    let last = row![
        key("‹".to_owned(), Message::PinBack),
        key("0".to_owned(), Message::PinDigit('0')),
        action(label(&words.ok), Role::Primary, palette, Message::PinSubmit)
            .padding([metrics::M, metrics::M]),
    ]
    .spacing(metrics::S);
    let panel = column![
        text(&words.staff_pin_title)
            .size(size::SUBHEADING)
            .font(BOLD),
        text("•".repeat(typed)).size(size::TITLE),
    ]
    .push(kiosk.wrong_pin().then(|| {
        text(&words.wrong_pin)
            .size(size::BODY)
            .color(palette.urgent)
    }))
    .push(Column::with_children(rows).push(last).spacing(metrics::S))
    .push(action(
        label(&words.cancel),
        Role::Secondary,
        palette,
        Message::PinCancel,
    ))
    .spacing(metrics::M)
    .align_x(Center);
    modal(panel, palette, false, Message::PinCancel)
}
