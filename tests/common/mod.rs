//! Helpers shared by the integration tests. Each file in `tests/` is a
//! crate of its own that includes this module with `mod common;`.

// Each test crate uses only some of the helpers.
#![allow(dead_code)]

use partnerships_widget::model::dataset::Dataset;

/// The text of the shipped dataset, `www/partnerships.json`.
pub const SHIPPED: &str = include_str!("../../www/partnerships.json");

/// The shipped dataset, read into the model.
pub fn dataset() -> Dataset {
    serde_json::from_str(SHIPPED).unwrap()
}
