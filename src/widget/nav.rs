//! The frame around every page: the navigation bar, the Back control, Previous and Next, and the
//! panel that explains a tapped term.

use iced::alignment::{Horizontal, Vertical};
use iced::widget::{Column, button, column, container, row, scrollable, space, text};
use iced::{Element, Fill, Shrink};

use crate::app::Message;
use crate::content::Library;
use crate::content::model::{Term, Ui};
use crate::route::{PageId, Route};
use crate::theme::style::{self, Role};
use crate::theme::{BOLD, Palette, metrics, size};

/// A button at least [`metrics::TARGET`] tall, styled by its role. Content taller than that
/// makes the button grow.
pub fn action<'a>(
    content: impl Into<Element<'a, Message>>,
    role: Role,
    palette: &Palette,
    message: Message,
) -> button::Button<'a, Message> {
    let palette = *palette;
    let strut = space().width(0).height(metrics::TARGET - 2.0 * metrics::S);
    button(row![strut, content.into()].align_y(Vertical::Center))
        .padding([metrics::S, metrics::M])
        .style(move |_, status| style::button(&palette, role, status))
        .on_press(message)
}

/// A short label on a button.
pub fn label<'a>(words: impl text::IntoFragment<'a>) -> text::Text<'a> {
    text(words).size(size::BODY).font(BOLD)
}

/// A bar over the page: `start` at the left, `end` at the right, the end wrapping onto more
/// lines if the window is too narrow for both.
pub fn bar<'a>(
    start: Vec<Element<'a, Message>>,
    end: Vec<Element<'a, Message>>,
    palette: &Palette,
) -> Element<'a, Message> {
    let palette = *palette;
    // The end group wraps onto more lines, kept to the right, when the bar is too narrow for it
    // all (large text in a small window): squeezed, its buttons would lose their words.
    let end = container(
        row(end)
            .spacing(metrics::S)
            .align_y(Vertical::Center)
            .wrap()
            .align_x(Horizontal::Right),
    )
    .width(Fill)
    .align_x(Horizontal::Right);
    let items = row(start)
        .push(end)
        .spacing(metrics::S)
        .align_y(Vertical::Center);
    container(items)
        .padding([metrics::S, metrics::XL])
        .width(Fill)
        .style(move |_| style::bar(&palette))
        .into()
}

/// Home, in the given role.
pub fn home_button<'a>(ui: &'a Ui, role: Role, palette: &Palette) -> Element<'a, Message> {
    action(label(&ui.home), role, palette, Message::Open(Route::HOME)).into()
}

/// The switch to the other language, named in that language.
pub fn language_button<'a>(name: &'a str, palette: &Palette) -> Element<'a, Message> {
    action(
        label(name),
        Role::Secondary,
        palette,
        Message::SwitchLanguage,
    )
    .into()
}

/// "Text size", then smaller and larger; larger is greyed out when `can_enlarge` is false (the
/// largest size, or no more room in the window).
pub fn text_size<'a>(
    ui: &'a Ui,
    can_enlarge: bool,
    palette: &Palette,
) -> Vec<Element<'a, Message>> {
    vec![
        text(&ui.consult.text_size)
            .size(size::BODY)
            .color(palette.muted)
            .into(),
        action(label("A−"), Role::Secondary, palette, Message::TextSmaller).into(),
        action(label("A+"), Role::Secondary, palette, Message::TextLarger)
            .on_press_maybe(can_enlarge.then_some(Message::TextLarger))
            .into(),
    ]
}

/// The list of pages down the left side, with the current one marked, and at the foot any staff
/// notice.
pub fn sidebar<'a>(
    library: &'a Library,
    current: PageId,
    notice: Option<String>,
    palette: &Palette,
) -> Element<'a, Message> {
    let brand = column![
        text(&library.ui.app_title)
            .size(size::BRAND)
            .font(BOLD)
            .color(palette.primary),
    ]
    .push((!library.clinic.name.trim().is_empty()).then(|| {
        text(&library.clinic.name)
            .size(size::BODY)
            .color(palette.muted)
    }))
    .spacing(metrics::XS);

    let entries = PageId::ALL.iter().map(|page| {
        let role = Role::Nav {
            current: *page == current,
            urgent: *page == PageId::WarningSigns,
        };
        let marker =
            container(space().width(6).height(metrics::TARGET - 2.0 * metrics::S)).style({
                let palette = *palette;
                let colour = if *page == current {
                    Some(palette.primary)
                } else {
                    None
                };
                move |_| container::Style {
                    background: colour.map(Into::into),
                    border: iced::Border {
                        radius: 3.0.into(),
                        ..iced::Border::default()
                    },
                    ..container::Style::default()
                }
            });
        let name =
            text(&library.page(*page).nav_label)
                .size(size::BODY)
                .font(if *page == current {
                    BOLD
                } else {
                    crate::theme::FONT
                });
        action(
            row![marker, name]
                .spacing(metrics::S)
                .align_y(Vertical::Center),
            role,
            palette,
            Message::Open(Route::Page(*page)),
        )
        .width(Fill)
        .padding([metrics::S, metrics::S])
        .into()
    });

    let notice = notice.map(|folder| {
        text(library.ui.content_notice.replace("{folder}", &folder))
            .size(size::BODY)
            .color(palette.muted)
    });
    let palette = *palette;
    // The pages scroll only in a window too short for them all; the language button and any
    // notice stay in view at the foot.
    let pages = scrollable(
        column![
            brand,
            Column::with_children(entries).spacing(metrics::XS / 2.0)
        ]
        .spacing(metrics::M)
        .padding([metrics::M, metrics::M]),
    )
    .direction(scrollable::Direction::Vertical(
        scrollable::Scrollbar::new().width(4).scroller_width(4),
    ))
    .height(Fill);
    let foot = column![]
        .push(notice)
        .spacing(metrics::S)
        .padding([metrics::S, metrics::M]);
    container(column![pages, foot].height(Fill))
        .width(metrics::SIDEBAR_WIDTH)
        .height(Fill)
        .style(move |_| style::sidebar(&palette))
        .into()
}

/// Below this layout width, Previous and Next drop the name of the page they open.
const STEP_NAMES_NEED: f32 = 900.0;

/// Below this layout width (large text while presenting, say), Back and Stop presenting go on
/// a line of their own above Previous and Next, so no button is squeezed out of shape. Without
/// Stop presenting, the footer fits on one line at any width the app allows.
const ONE_LINE_NEEDS: f32 = 720.0;

/// The bar under the page: Back (when there is somewhere to go back to), then Previous and Next
/// in reading order, each naming the page it opens when there is room. A condition's Previous is
/// the list it is in. `width` is the layout width the bar has.
pub fn footer<'a>(
    library: &'a Library,
    route: &Route,
    can_go_back: bool,
    presenting: bool,
    width: f32,
    palette: &Palette,
) -> Element<'a, Message> {
    let ui = &library.ui;
    let compact = width < STEP_NAMES_NEED;
    let step = |page: Option<PageId>, word: &str, forward: bool| {
        page.map(|page| {
            let name = &library.page(page).nav_label;
            // In a narrow layout the page's name would not fit: the word alone says enough.
            let words = match (forward, compact) {
                (true, false) => format!("{word}: {name}  ›"),
                (false, false) => format!("‹  {word}: {name}"),
                (true, true) => format!("{word}  ›"),
                (false, true) => format!("‹  {word}"),
            };
            action(
                label(words),
                if forward {
                    Role::Primary
                } else {
                    Role::Secondary
                },
                palette,
                Message::Open(Route::Page(page)),
            )
        })
    };
    let previous = match route {
        Route::Page(page) => page.previous(),
        Route::Condition(_) => Some(PageId::Conditions),
    };
    let back = can_go_back.then(|| {
        action(
            label(format!("‹  {}", ui.back)),
            Role::Secondary,
            palette,
            Message::Back,
        )
    });
    let stop_presenting = presenting.then(|| {
        action(
            label(&ui.consult.stop_presenting),
            Role::Secondary,
            palette,
            Message::TogglePresenting,
        )
    });
    let stacked = stop_presenting.is_some() && width < ONE_LINE_NEEDS;
    let leading = row![].push(back).push(stop_presenting).spacing(metrics::S);
    let steps = row![]
        .push(step(previous, &ui.previous, false))
        .push(step(route.section().next(), &ui.next, true))
        .spacing(metrics::S);
    let buttons: Element<'a, Message> = if stacked {
        column![leading, row![space().width(Fill), steps]]
            .spacing(metrics::S)
            .into()
    } else {
        row![leading, space().width(Fill), steps]
            .spacing(metrics::S)
            .align_y(Vertical::Center)
            .into()
    };
    let palette = *palette;
    container(buttons)
        .padding([metrics::S, if compact { metrics::M } else { metrics::XL }])
        .width(Fill)
        .height(Shrink)
        .style(move |_| style::bar(&palette))
        .into()
}

/// What a tapped term means, with a way to close it and a way to the whole glossary.
pub fn term_panel<'a>(term: &'a Term, ui: &'a Ui, palette: &Palette) -> Element<'a, Message> {
    let buttons = row![
        action(
            label(&ui.open_glossary),
            Role::Secondary,
            palette,
            Message::Open(Route::Page(PageId::Glossary))
        ),
        action(label(&ui.close), Role::Primary, palette, Message::CloseTerm),
    ]
    .spacing(metrics::S);
    let words = column![
        text(&ui.term_heading).size(size::BODY).color(palette.muted),
        text(&term.word).size(size::SUBHEADING).font(BOLD),
        text(&term.meaning).size(size::BODY),
    ]
    .spacing(metrics::XS)
    .width(Fill);
    let palette = *palette;
    container(
        container(
            row![words, buttons]
                .spacing(metrics::M)
                .align_y(Vertical::Center),
        )
        .padding(metrics::M)
        .style(move |_| style::term_panel(&palette)),
    )
    .padding([metrics::S, metrics::XL])
    .into()
}
