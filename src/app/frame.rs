//! What the window shows: the mode's frame (the kiosk's or the consult room's) around the parts
//! every page shares, drawn from the app's state.

use iced::widget::{column, container, scrollable};
use iced::{Element, Fill};

use super::{App, Message, Mode, PAGE_END_SPACE, PAGE_SCROLL, Speech};
use crate::content::Library;
use crate::content::model::Ui;
use crate::content::route::{PageId, Route};
use crate::screen::consult;
use crate::screen::kiosk::FromApp;
use crate::screen::reader::{self, PageView, StepWords};
use crate::screen::{Comfort, PageParts};
use crate::theme::{self, Palette, metrics, style};
use crate::widget::drag::{drag, drag_by_touch};
use crate::widget::untinted::untinted;
use crate::widget::wrap::Tell;
use crate::widget::{below, measure, nav, repaint};

impl App {
    /// Where the consult room's bar goes: the room it has at the normal text size (the window
    /// less the page list), whatever the text size, so that a larger text neither regroups its
    /// controls nor moves them on the screen.
    fn toolbar(&self) -> consult::Bar {
        let mode = self.mode_scale();
        let normal = self.viewport.fresh();
        let (page_list, home_inside) = if normal.compact(mode) {
            (0.0, true)
        } else {
            (metrics::SIDEBAR_WIDTH, false)
        };
        consult::Bar {
            width: (normal.layout(mode).width - page_list) * self.viewport.steady_scale(mode),
            home_inside,
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let content = repaint::whole(self.window_content());
        if self.kiosk_state().is_some() {
            measure::window(
                untinted(content),
                self.scale_factor(),
                Tell {
                    holds: self.viewport.window(),
                    on_change: Message::Measured,
                },
            )
            .into()
        } else {
            content.into()
        }
    }

    /// What the window shows: the kiosk's welcome, or the page with its bars and overlays.
    fn window_content(&self) -> Element<'_, Message> {
        let library = self.library();
        let other = &self.editions[(self.locale + 1) % self.editions.len()];
        let comfort = Comfort {
            other: (other.locale != library.locale).then_some(other),
            high_contrast: self.palette == Palette::HIGH_CONTRAST,
            can_enlarge: self.can_enlarge_text(),
            can_shrink: self.text_scale() > 1.0,
            // The bars' controls stay as they are on the screen whatever the text size.
            scale: self.viewport.steady_scale(self.mode_scale()),
        };
        let width = self.layout().width;
        match &self.mode {
            Mode::Kiosk(kiosk) => kiosk.frame(
                library,
                comfort,
                width,
                FromApp {
                    web_code: self.qr.data.as_deref(),
                    scale_factor: self.scale_factor(),
                    staff_notices: if kiosk.keypad_open() {
                        self.staff_notices()
                    } else {
                        Vec::new()
                    },
                },
                || self.page_parts(library),
                Message::Kiosk,
            ),
            Mode::Consult(consult) => consult.frame(
                library,
                self.locale,
                comfort,
                self.toolbar(),
                self.reader.teach_back().started(),
                self.shows_sidebar().then(|| {
                    self.reader
                        .sidebar(library, self.counts_file().is_some())
                        .map(Message::Reader)
                }),
                self.page_parts(library),
                Message::Consult,
            ),
        }
    }

    /// What both modes' frames hold: the page, scrolled by a finger from anywhere, with the "More
    /// below" strip under it; the explained term; and the bar under them (with read-aloud's Stop).
    fn page_parts<'a>(&'a self, library: &'a Library) -> PageParts<'a, Message> {
        let layout = self.layout();
        // Patients can keep the warning signs on their phone.
        let qr_here = self
            .qr
            .data
            .as_deref()
            .filter(|_| self.route() == &Route::Page(PageId::WARNING_SIGNS))
            .map(|data| {
                container(crate::screen::kiosk::qr(data, &library.ui.kiosk.qr_caption))
                    .center_x(Fill)
            });
        // Staff's notices go where the therapist starts, not before a patient looking on.
        let staff_notices = if self.route() == &Route::HOME
            && self
                .consult_state()
                .is_some_and(|consult| !consult.presenting())
        {
            self.staff_notices()
        } else {
            Vec::new()
        };
        let look = reader::Look {
            layout,
            palette: &self.palette,
            therapist: self.consult_state().is_some(),
            reading: self.reading().map(|reading| reading.passage),
            read_aloud: self
                .can_read_aloud()
                .then_some(library.ui.read_aloud.as_str()),
            speech_notice: (self.can_read_aloud() && self.speech_failed())
                .then_some(library.ui.speech_failed.as_str()),
            staff_notices: &staff_notices,
            staff_notices_below: self.viewport.text_step() > 0,
            counting: self.counting_sentence(),
        };
        // At the kiosk, the questions page's questions go home on a phone.
        let take_home_here = (self.kiosk_state().is_some()
            && self.route() == &Route::Page(PageId::QUESTIONS))
            .then(|| {
                container(nav::action(
                    nav::label(library.ui.kiosk.take_home.clone()),
                    style::Role::Primary,
                    Message::Reader(reader::Message::TakeHome),
                ))
                .center_x(Fill)
            });
        let PageView { page, pinned } = self.reader.page(library, look);
        let content = column![page.map(Message::Reader)]
            .push(take_home_here)
            .push(qr_here)
            .spacing(metrics::L);
        let page = scrollable(
            container(
                container(content)
                    .max_width(self.page_width())
                    .padding([PAGE_END_SPACE, self.page_side()]),
            )
            .center_x(Fill),
        )
        .id(PAGE_SCROLL)
        .on_scroll(|viewport| Message::PageScrolled(viewport.relative_offset().y))
        .style(style::scrollbar)
        .width(Fill)
        .height(Fill);
        let page = below::report(
            page,
            PAGE_END_SPACE,
            Tell {
                holds: self.more_below,
                on_change: Message::MoreBelow,
            },
        );
        let cue = self.more_below.then(|| more_below_cue(&library.ui));
        // A page with a pinned note (home) shows it in place of Previous and Next: its tiles
        // lead on. Stop reading and Stop presenting stay beside it.
        let foot = match pinned {
            Some(pinned) => nav::wide_bar(
                pinned.map(Message::Reader),
                self.stop_buttons(library).collect(),
                layout.width,
            ),
            None => self.footer(library, layout.width),
        };
        // At the kiosk a pressed pointer drags too: many touch panels send pointer events.
        let page = if self.kiosk_state().is_some() {
            drag_by_touch(page)
        } else {
            drag(page)
        };
        PageParts {
            page: column![page].push(cue).height(Fill).into(),
            term: self
                .reader
                .term_panel(library)
                .map(|panel| panel.map(Message::Reader)),
            foot,
        }
    }

    /// The bar under the page: the one way back, Stop reading and Stop presenting at the left,
    /// the way on at the right, saying less where the layout, `width` wide, is narrow.
    fn footer<'a>(&'a self, library: &'a Library, width: f32) -> Element<'a, Message> {
        let form = |words: StepWords| {
            let (back, on) = self.reader.foot(library, words);
            let leading = back
                .into_iter()
                .map(|back| back.map(Message::Reader))
                .chain(self.stop_buttons(library))
                .collect();
            let on = on.into_iter().map(|on| on.map(Message::Reader)).collect();
            (leading, on)
        };
        nav::bar(StepWords::ALL.map(form), width)
    }
}

impl App {
    /// Stop presenting, while presenting.
    fn stop_presenting<'a>(&'a self, library: &'a Library) -> Option<Element<'a, Message>> {
        self.consult_state()?
            .stop_presenting(&library.ui)
            .map(|button| button.map(Message::Consult))
    }

    /// Stop reading, while the page is read aloud, and Stop presenting, while presenting.
    fn stop_buttons<'a>(
        &'a self,
        library: &'a Library,
    ) -> impl Iterator<Item = Element<'a, Message>> + 'a {
        let reading = self.reading().map(|_| stop_reading(&library.ui));
        reading.into_iter().chain(self.stop_presenting(library))
    }
}

/// Stop, in the bar under the page while it is read aloud, wherever the page has scrolled to:
/// in the bar, it covers none of the page.
fn stop_reading(ui: &Ui) -> Element<'_, Message> {
    nav::action(
        nav::label(&ui.stop_reading),
        style::Role::Primary,
        Message::Speech(Speech::Stop),
    )
    .into()
}

/// A page that goes on below the screen says so, for a patient who would not think to scroll: the
/// words "More below", at every text size, in a strip under the page, where they cover none of
/// it.
fn more_below_cue(ui: &Ui) -> Element<'_, Message> {
    // Words only: the embedded font has no arrow pointing down (tests/glyphs.rs).
    let words = iced::widget::text(&ui.more_below)
        .size(theme::size::BODY)
        .font(theme::BOLD)
        .style(style::primary);
    container(words)
        .center_x(Fill)
        .padding([metrics::XS, 0.0])
        .into()
}
