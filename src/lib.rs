//! "Unsere digitalen Partnerschaften": the open dataset model and the
//! embeddable box that shows a host body's digital partnerships.
//!
//! * [`model`] is pure Rust (dataset types, key hierarchy, selection for a
//!   host, validation) and is what the JSON Schema is generated from.
//! * [`presentation`] turns a host's selection into what its box says.
//! * [`texts`] holds the German reader-facing wording, shared by every view.
//! * [`tools`] (native only) checks, publishes and renders datasets.
//! * `widget` (wasm32 only) is the Leptos box and its thin browser boundary.

pub mod model;
pub mod presentation;
pub mod texts;

#[cfg(not(target_arch = "wasm32"))]
pub mod tools;

#[cfg(target_arch = "wasm32")]
mod widget;
