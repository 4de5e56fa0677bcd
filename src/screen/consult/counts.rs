//! The staff's view of the clinic's anonymous counts (`insights: true`): for each of the check's
//! questions, the share of answers that were right, wrong and "not sure" over the last
//! [`WEEKS`] weeks, as bars, with the question's words and the page that teaches it. The counts
//! are read in a task, off the window's thread; nothing is shown for fewer than
//! [`insights::MIN_VISITS`] visits, so no one patient's answers can be picked out.

use std::path::Path;

use iced::alignment::Vertical;
use iced::widget::{Column, column, container, row, scrollable, space};
use iced::{Element, Fill, FillPortion, Length};

use super::Message;
use crate::content::Library;
use crate::document::check_items;
use crate::insights::{self, Counts, InsightsError, IsoWeek, Mode, Store};
use crate::theme::style::{self, Role};
use crate::theme::{metrics, typography};
use crate::widget::drag::drag;
use crate::widget::nav::{action, label, modal};

/// How many weeks, up to this one, the view adds up.
pub const WEEKS: u32 = 12;

/// The counts of the last [`WEEKS`] weeks, the kiosk's and the consult room's apart; `None`
/// where there were too few visits to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub from: IsoWeek,
    pub to: IsoWeek,
    pub kiosk: Option<Counts>,
    pub consult: Option<Counts>,
}

/// The dialog: which room's counts show, and what was read, once it has been.
#[derive(Debug, Clone, PartialEq)]
pub struct Dialog {
    pub room: Mode,
    /// Boxed, as it comes: the consult room holds it, and the kiosk's state is far smaller.
    pub read: Option<Box<Result<Read, InsightsError>>>,
}

impl Default for Dialog {
    fn default() -> Dialog {
        Dialog {
            room: Mode::Kiosk,
            read: None,
        }
    }
}

/// Reads the last [`WEEKS`] finished weeks before `now` from `file` (a week still under way,
/// read twice, would show what one visit added). A file not yet made holds no counts; it is not
/// made here.
pub fn read(file: &Path, now: IsoWeek) -> Result<Read, InsightsError> {
    let to = now.previous();
    let from = to.first_of(WEEKS);
    let mut read = Read {
        from,
        to,
        kiosk: None,
        consult: None,
    };
    if !file.exists() {
        return Ok(read);
    }
    let store = Store::open_to_read(file)?;
    // The spans staff may read (finished weeks, quiet ones merged, as `needle-guide insights`
    // shows them) that end in these weeks, each without what is too small to show, added up: a
    // merged span reaching back before the window is taken whole, never cut.
    let total = |mode| {
        store
            .readable(mode, now, Some(from))
            .map(|spans| spans.into_iter().map(insights::masked).collect())
            .map(insights::total)
    };
    read.kiosk = total(Mode::Kiosk)?;
    read.consult = total(Mode::Consult)?;
    Ok(read)
}

pub fn view<'a>(dialog: &'a Dialog, library: &'a Library) -> Element<'a, Message> {
    let words = &library.ui.consult;
    let room_button = |room: Mode, name: &'a str| {
        let role = if dialog.room == room {
            Role::Primary
        } else {
            Role::Secondary
        };
        action(label(name), role, Message::ShowCountsOf(room))
    };
    let rooms = row![
        room_button(Mode::Kiosk, &words.counts_kiosk),
        room_button(Mode::Consult, &words.counts_consult),
    ]
    .spacing(metrics::S);
    let body: Element<'a, Message> = match dialog.read.as_deref() {
        None => typography::body(&words.counts_reading).into(),
        Some(Err(error)) => typography::body(words.counts_failed.replace(
            "{reason}",
            &crate::screen::counts_trouble(&library.ui, error),
        ))
        .style(style::urgent_text)
        .into(),
        Some(Ok(read)) => {
            let counts = match dialog.room {
                Mode::Kiosk => read.kiosk.as_ref(),
                Mode::Consult => read.consult.as_ref(),
            };
            // The weeks the counts span: a quiet week merged with the next may reach back
            // before the window.
            let (from, to) = counts.map_or((read.from, read.to), |counts| (counts.from, counts.to));
            let weeks = words
                .counts_weeks
                .replace("{from}", &from.monday())
                .replace("{to}", &to.sunday());
            match counts {
                None => column![
                    typography::body(weeks),
                    typography::body(&words.counts_too_few),
                ]
                .spacing(metrics::S)
                .into(),
                Some(counts) => questions(counts, dialog.room, library, weeks),
            }
        }
    };
    let panel = column![
        row![
            typography::heading(&words.counts_title).width(Fill),
            action(label(&library.ui.close), Role::Primary, Message::Close),
        ]
        .spacing(metrics::M)
        .align_y(Vertical::Center),
        rooms,
        drag(
            // Room on the right for the scrollbar, which would cover the bars' ends.
            scrollable(container(body).padding(iced::Padding {
                right: metrics::M,
                ..iced::Padding::ZERO
            }))
            .width(Fill)
            .height(Length::Shrink)
            .style(style::scrollbar)
        ),
    ]
    .spacing(metrics::M);
    modal(panel, true, Message::Close)
}

/// Each of the check's questions, in the check's order: its topic, its words, a bar of its
/// answers and the page that teaches it.
fn questions<'a>(
    counts: &Counts,
    room: Mode,
    library: &'a Library,
    weeks: String,
) -> Element<'a, Message> {
    let words = &library.ui.consult;
    let summary = match room {
        Mode::Kiosk => words.counts_visits.as_str(),
        Mode::Consult => words.counts_checks.as_str(),
    }
    .replace("{visits}", &counts.visits.to_string())
    .replace("{checks}", &counts.checks.to_string());
    let items = check_items(library).into_iter().map(|item| {
        let [right, wrong, unsure] = counts.answers_to(&item.id);
        let all = right + wrong + unsure;
        // Answers left out of the shares, from weeks where fewer than 5 gave one of them: said,
        // so that the shares of the weeks where everyone agreed do not read as the whole.
        let unshown = counts.unshown.get(&item.id).filter(|n| **n > 0).map(|n| {
            typography::body(words.counts_unshown.replace("{n}", &n.to_string()))
                .style(style::muted)
        });
        // Too few answers to show without showing someone's: no bar, no numbers.
        if all < insights::MIN_ANSWERS {
            return column![
                typography::strong(item.topic),
                typography::body(item.text).style(style::muted),
                typography::body(&words.counts_few_answers),
            ]
            .push(unshown)
            .spacing(metrics::XS)
            .into();
        }
        let shares = shares_said(
            &words.counts_shares,
            insights::shares([right, wrong, unsure]),
            all,
        );
        let page = item.teaches.0;
        let open = words
            .counts_open
            .replace("{page}", &library.page(page).nav_label);
        column![
            typography::strong(item.topic),
            typography::body(item.text).style(style::muted),
            bar([right, wrong, unsure]),
            typography::body(shares),
        ]
        .push(unshown)
        .push(action(
            label(open),
            Role::Secondary,
            Message::OpenTaught(page),
        ))
        .spacing(metrics::XS)
        .into()
    });
    column![
        typography::body(weeks),
        typography::body(summary),
        typography::body(&words.counts_privacy).style(style::muted),
    ]
    .push(Column::with_children(items).spacing(metrics::L))
    .spacing(metrics::S)
    .into()
}

/// Right, wrong and not sure side by side, each as wide as its share: the primary colour, the
/// urgent one, and grey; the words under the bar say the same in numbers.
fn bar<'a>(answers: [u64; 3]) -> Element<'a, Message> {
    const HEIGHT: f32 = 28.0;
    if answers.iter().all(|&n| n == 0) {
        return container(space().height(HEIGHT))
            .width(Fill)
            .style(style::share_none)
            .into();
    }
    let styles = [style::share_right, style::share_wrong, style::share_unsure];
    let parts = answers
        .into_iter()
        .zip(styles)
        .filter(|(n, _)| *n > 0)
        .map(|(n, share)| {
            // Portions are u16: scaled to thousandths of the whole.
            let whole: u64 = answers.iter().sum();
            let portion = ((n * 1000) / whole).max(1) as u16;
            container(space().height(HEIGHT))
                .width(FillPortion(portion))
                .style(share)
                .into()
        });
    row(parts).width(Fill).into()
}

/// `template` (the dialog's "Right {right}%, wrong {wrong}%, …") with the shares of right, wrong
/// and not sure, in percent, of `answers` answers.
pub fn shares_said(template: &str, [right, wrong, unsure]: [u64; 3], answers: u64) -> String {
    template
        .replace("{right}", &right.to_string())
        .replace("{wrong}", &wrong.to_string())
        .replace("{unsure}", &unsure.to_string())
        .replace("{answers}", &answers.to_string())
}
