//! The box's view components, one per file, each with its CSS beside it.

mod partnership_item;
mod partnerships_box;

pub use partnerships_box::PartnershipsBox;
