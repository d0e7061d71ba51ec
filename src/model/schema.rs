//! The JSON Schema of the dataset, generated from [`Dataset`] (native only:
//! it never ships in the wasm). The checked-in `www/partnerships.schema.json`
//! must equal [`json_schema`]; a test enforces it.

use super::dataset::Dataset;

/// The schema's own id, where it is published beside the dataset.
pub const SCHEMA_FILE: &str = "partnerships.schema.json";

/// The JSON Schema (draft 2020-12) of the dataset, pretty-printed with a
/// trailing newline, exactly as checked in.
///
/// ```
/// let schema = partnerships_widget::model::schema::json_schema();
/// assert!(schema.contains("\"schemaVersion\""));
/// ```
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Dataset);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}
