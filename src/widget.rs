//! Reusable pieces of the interface.

pub mod action_icon;
pub mod below;
pub mod body_map;
pub mod choose;
pub mod delegate;
pub mod drag;
pub mod ends;
pub mod icon;
pub mod icon_array;
pub mod lung_areas;
pub mod measure;
pub mod nav;
pub mod paint;
pub mod repaint;
pub mod risk_scale;
pub mod room;
pub mod settle;
pub mod spans;
pub mod tick_box;
pub mod untinted;
pub mod vector;
pub mod wrap;
