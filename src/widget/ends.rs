//! A bar's two ends, in the first of several forms that fits on one line: a toolbar shows its
//! long labels where there is room and shorter ones, or fewer controls, where there is not. The
//! forms are measured with the real text, in whatever language and size it is, so nothing has
//! to guess how wide a word is.

use iced::advanced::layout::{Limits, Node};
use iced::advanced::widget::Tree;
use iced::{Element, Length, Size};

use super::choose::{Choice, Chosen, chosen};

/// The start and end of a bar, with `gap` at least between them. The first form of `forms` whose
/// two ends fit side by side is shown; when none does, the last (the most compact). Each end is
/// laid out as wide as its content: an end with a `Fill` width would never fit.
pub fn ends<'a, Message: 'a>(
    forms: impl IntoIterator<Item = (Element<'a, Message>, Element<'a, Message>)>,
    gap: f32,
) -> Chosen<'a, Message, Ends> {
    let children: Vec<_> = forms
        .into_iter()
        .flat_map(|(start, end)| [start, end])
        .collect();
    assert!(!children.is_empty(), "a bar needs at least one form");
    chosen(Ends { gap }, children)
}

/// A bar's forms, each a start and an end one after the other among the children.
pub struct Ends {
    gap: f32,
}

/// Which form the last layout chose.
#[derive(Debug, Clone, Copy, Default)]
pub struct Form(usize);

impl Choice for Ends {
    type State = Form;

    fn size(&self) -> Size<Length> {
        Size::new(Length::Fill, Length::Shrink)
    }

    fn shown(&self, state: &Form) -> Vec<usize> {
        vec![2 * state.0, 2 * state.0 + 1]
    }

    fn layout<Message>(
        &self,
        chosen: &mut Form,
        children: &mut [Element<'_, Message>],
        trees: &mut [Tree],
        renderer: &iced::Renderer,
        limits: &Limits,
    ) -> Node {
        let max = limits.max();
        // Each end as wide as it wants to be, to see whether the two fit.
        let loose = Limits::new(Size::ZERO, Size::new(f32::INFINITY, max.height));
        let forms = children.len() / 2;
        let mut laid_out = None;
        for form in 0..forms {
            let [start, end] = [2 * form, 2 * form + 1].map(|index| {
                children[index]
                    .as_widget_mut()
                    .layout(&mut trees[index], renderer, &loose)
            });
            let needs = start.size().width + self.gap + end.size().width;
            // Half a pixel of slack for rounding.
            if needs <= max.width + 0.5 || form + 1 == forms {
                laid_out = Some((form, start, end));
                break;
            }
        }
        let (form, start, end) = laid_out.expect("there is at least one form");
        *chosen = Form(form);

        let needs = start.size().width + self.gap + end.size().width;
        let width = if max.width.is_finite() {
            max.width.max(needs.min(max.width))
        } else {
            needs
        };
        let height = start.size().height.max(end.size().height);
        let start_y = (height - start.size().height) / 2.0;
        let end_y = (height - end.size().height) / 2.0;
        let end_x = (width - end.size().width).max(start.size().width + self.gap);
        Node::with_children(
            limits.resolve(Length::Fill, Length::Shrink, Size::new(width, height)),
            vec![start.move_to((0.0, start_y)), end.move_to((end_x, end_y))],
        )
    }
}
