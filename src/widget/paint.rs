//! Canvas drawings: each says how to paint a frame of a given size in the theme's colours and,
//! if it wants, what a tap at a point produces; [`canvas`] turns it into a widget.

use iced::widget::canvas::{self, Canvas, Frame};
use iced::{Point, Rectangle, Renderer, Size, Theme, mouse, touch};

use crate::theme::Palette;

/// A picture drawn afresh at whatever size it is given. `Message` is what a tap produces.
pub trait Paint<Message> {
    fn paint(&self, frame: &mut Frame, size: Size, palette: &Palette);

    /// The message for a tap (a click or a finger) at `point`, relative to the picture.
    fn tap(&self, _point: Point, _size: Size) -> Option<Message> {
        None
    }
}

/// A canvas widget showing `picture`.
pub fn canvas<Message, P: Paint<Message>>(picture: P) -> Canvas<Painted<P>, Message> {
    iced::widget::canvas(Painted(picture))
}

/// Draws one frame through [`Paint`] and hands it taps; keeps no state.
pub struct Painted<P>(P);

impl<Message, P: Paint<Message>> canvas::Program<Message> for Painted<P> {
    type State = ();

    fn update(
        &self,
        _: &mut (),
        event: &canvas::Event,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Option<canvas::Action<Message>> {
        let point = match event {
            canvas::Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)) => {
                cursor.position_in(bounds)?
            }
            canvas::Event::Touch(touch::Event::FingerPressed { position, .. })
                if bounds.contains(*position) =>
            {
                Point::new(position.x - bounds.x, position.y - bounds.y)
            }
            _ => return None,
        };
        let message = self.0.tap(point, bounds.size())?;
        Some(canvas::Action::publish(message).and_capture())
    }

    fn draw(
        &self,
        _: &(),
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        _: mouse::Cursor,
    ) -> Vec<canvas::Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        self.0.paint(&mut frame, bounds.size(), &Palette::of(theme));
        vec![frame.into_geometry()]
    }
}
