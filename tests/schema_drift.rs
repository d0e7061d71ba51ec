//! The checked-in schema and dataset must match the Rust types: the types
//! are the one source of truth. Run with `UPDATE_SCHEMA=1` to rewrite the
//! schema after changing the types on purpose.

use partnerships_widget::model::{dataset::Dataset, schema::json_schema};

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/partnerships.schema.json");
const DATASET_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/partnerships.json");

#[test]
fn checked_in_schema_is_generated_from_the_types() {
    let generated = json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &generated).unwrap();
    }
    let checked_in =
        std::fs::read_to_string(SCHEMA_PATH).expect("www/partnerships.schema.json exists");
    assert!(
        checked_in == generated,
        "www/partnerships.schema.json differs from the schema generated from src/model/dataset.rs; \
         run `UPDATE_SCHEMA=1 cargo test --test schema_drift` and commit the result"
    );
}

#[test]
fn dataset_round_trips_through_the_types_without_loss() {
    let text = std::fs::read_to_string(DATASET_PATH).unwrap();
    let as_written: serde_json::Value = serde_json::from_str(&text).unwrap();
    let dataset: Dataset = serde_json::from_str(&text).expect("dataset matches the types");
    let through_types = serde_json::to_value(&dataset).unwrap();
    // A field the types do not know (or one they drop) shows up as a difference.
    assert_eq!(as_written, through_types);
}

#[test]
fn dataset_satisfies_the_checked_in_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SCHEMA_PATH).unwrap()).unwrap();
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(DATASET_PATH).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&data)
        .map(|e| format!("{}: {}", e.instance_path(), e))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
