//! The therapist's tools: the toolbar over the page, quick jump, and the list of shortcuts.

use iced::alignment::Vertical;
use iced::widget::{
    Column, checkbox, column, container, mouse_area, opaque, row, scrollable, text, text_input,
};
use iced::{Color, Element, Fill, Length};

use crate::app::{HandoutDialog, Message, SEARCH_INPUT, Search};
use crate::content::Library;
use crate::content::model::Ui;
use crate::search::{Hit, Kind};
use crate::theme::style::{self, Role};
use crate::theme::{BOLD, Palette, metrics, size};
use crate::widget::nav::{self, action, label};

/// Find, text size, the other language, the handout and presenting, over the page. When the
/// page list is hidden (a narrow window), Home comes first, so every page is still in reach.
pub fn toolbar<'a>(
    library: &'a Library,
    other_language: Option<&'a str>,
    with_home: bool,
    can_enlarge: bool,
    palette: &Palette,
) -> Element<'a, Message> {
    let ui = &library.ui;
    let mut start = Vec::new();
    if with_home {
        start.push(nav::home_button(ui, Role::Secondary, palette));
    }
    start.push(
        action(
            label(format!("{}  (Ctrl+K)", ui.consult.find)),
            Role::Secondary,
            palette,
            Message::OpenSearch,
        )
        .into(),
    );
    let mut end = nav::text_size(ui, can_enlarge, palette);
    end.extend(other_language.map(|name| nav::language_button(name, palette)));
    end.push(
        action(
            label(&ui.handout.button),
            Role::Secondary,
            palette,
            Message::OpenHandout,
        )
        .into(),
    );
    end.push(
        action(
            label(&ui.consult.present),
            Role::Primary,
            palette,
            Message::TogglePresenting,
        )
        .into(),
    );
    nav::bar(start, end, palette)
}

/// Quick jump: a box to type in, and the results under it, the highlighted one marked.
pub fn search<'a>(
    search: &Search,
    results: Vec<Hit>,
    ui: &'a Ui,
    palette: &Palette,
) -> Element<'a, Message> {
    let words = &ui.consult;
    let input = text_input(&words.find_placeholder, &search.query)
        .id(SEARCH_INPUT)
        .on_input(Message::SearchChanged)
        .on_submit(Message::SearchSubmit)
        .size(size::SUBHEADING)
        .padding(metrics::S);
    let listed: Element<'a, Message> = if results.is_empty() && !search.query.trim().is_empty() {
        text(&words.find_nothing)
            .size(size::BODY)
            .color(palette.muted)
            .into()
    } else {
        Column::with_children(results.into_iter().enumerate().map(|(index, hit)| {
            let kind = match hit.kind {
                Kind::Page => &words.result_page,
                Kind::Condition => &words.result_condition,
                Kind::Term => &words.result_term,
            };
            let line = row![
                text(kind)
                    .size(size::BODY)
                    .color(palette.muted)
                    .width(Length::Fixed(150.0)),
                text(hit.title).size(size::BODY).font(BOLD),
            ]
            .spacing(metrics::S);
            let role = Role::Nav {
                current: index == search.selected,
                urgent: false,
            };
            action(line, role, palette, Message::OpenResult(index))
                .width(Fill)
                .into()
        }))
        .spacing(2)
        .into()
    };
    let panel = column![
        row![
            text(&words.find).size(size::HEADING).font(BOLD).width(Fill),
            action(label(&ui.close), Role::Secondary, palette, Message::Dismiss)
        ]
        .align_y(Vertical::Center),
        input,
        listed,
    ]
    .spacing(metrics::M);
    modal(panel, palette, true, Message::Dismiss)
}

/// The handout dialog: tick the conditions to name, then make it; says where it was saved.
pub fn handout<'a>(
    dialog: &HandoutDialog,
    library: &'a Library,
    palette: &Palette,
) -> Element<'a, Message> {
    let words = &library.ui.handout;
    let boxes = library.conditions().map(|(_, condition)| {
        checkbox(dialog.ticked.contains(&condition.id))
            .label(condition.name.as_str())
            .on_toggle({
                let id = condition.id.clone();
                move |_| Message::ToggleHandoutCondition(id.clone())
            })
            .size(28)
            .text_size(size::BODY)
            .spacing(metrics::S)
            .into()
    });
    let list = scrollable(
        Column::with_children(boxes)
            .spacing(metrics::S)
            .padding([0.0, metrics::S]),
    )
    .height(Length::Fixed(300.0));
    let outcome = dialog
        .outcome
        .as_ref()
        .map(|outcome| text(outcome.clone()).size(size::BODY).font(BOLD));
    let panel = column![
        row![
            text(&words.dialog_title)
                .size(size::HEADING)
                .font(BOLD)
                .width(Fill),
            action(
                label(&library.ui.close),
                Role::Secondary,
                palette,
                Message::Dismiss
            ),
        ]
        .align_y(Vertical::Center),
        text(&words.choose_conditions).size(size::BODY),
        list,
        action(
            label(&words.make),
            Role::Primary,
            palette,
            Message::MakeHandout
        ),
    ]
    .push(outcome)
    .spacing(metrics::M);
    modal(panel, palette, false, Message::Dismiss)
}

/// Every keyboard shortcut, in two columns.
pub fn shortcuts<'a>(ui: &'a Ui, palette: &Palette) -> Element<'a, Message> {
    let words = &ui.consult;
    let rows = words.shortcuts.iter().map(|(keys, what)| {
        row![
            text(keys)
                .size(size::BODY)
                .font(BOLD)
                .width(Length::FillPortion(2)),
            text(what).size(size::BODY).width(Length::FillPortion(3)),
        ]
        .spacing(metrics::M)
        .into()
    });
    let panel = column![
        row![
            text(&words.shortcuts_title)
                .size(size::HEADING)
                .font(BOLD)
                .width(Fill),
            action(label(&ui.close), Role::Primary, palette, Message::Dismiss),
        ]
        .align_y(Vertical::Center),
        Column::with_children(rows).spacing(metrics::S),
    ]
    .spacing(metrics::M);
    modal(panel, palette, false, Message::Dismiss)
}

/// A card over a dimmed page; a tap on the dimmed part sends `on_backdrop`. `top` puts it near
/// the top (for quick jump, whose list grows downwards) rather than in the middle.
pub fn modal<'a>(
    content: impl Into<Element<'a, Message>>,
    palette: &Palette,
    top: bool,
    on_backdrop: Message,
) -> Element<'a, Message> {
    let palette = *palette;
    let card = container(content)
        .padding(metrics::L)
        .max_width(metrics::READING_WIDTH)
        .style(move |_| style::term_panel(&palette));
    let placed = container(opaque(card))
        .center_x(Fill)
        .height(Fill)
        .padding(metrics::XL);
    let placed = if top {
        placed.align_top(Fill)
    } else {
        placed.center_y(Fill)
    };
    let backdrop = container(placed)
        .width(Fill)
        .height(Fill)
        .style(move |_| container::Style {
            background: Some(
                Color {
                    a: 0.45,
                    ..palette.text
                }
                .into(),
            ),
            ..container::Style::default()
        });
    mouse_area(backdrop).on_press(on_backdrop).into()
}
