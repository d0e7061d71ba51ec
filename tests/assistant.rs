//! The assistant's build output: suggestions with the register's credit and
//! one static box per suggestion and language.

mod common;

use common::dataset;
use partnerships_widget::tools::assistant::write;
use partnerships_widget::tools::register::Register;

#[test]
fn writes_the_suggestions_and_a_static_box_per_suggestion_and_language() {
    let register = Register::parse(
        r#"[{"AGS": "01060", "name": "Segeberg", "type": "Kreis"},
            {"AGS": "09780", "name": "Oberallgäu", "type": "Landkreis"}]"#,
        "31.12.2018",
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("dp-assistant-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let written = write(&dataset(), Some(&register), &dir).unwrap();
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("suggestions.json")).unwrap()).unwrap();
    assert_eq!(data["register"]["stand"], "31.12.2018");
    assert_eq!(data["register"]["license"], "CC BY 4.0");
    let entries = data["entries"].as_array().unwrap();
    assert_eq!(entries.len(), written.suggestions);
    assert!(entries
        .iter()
        .any(|e| e["k"] == "09780" && e["n"] == "Landkreis Oberallgäu"));
    assert_eq!(written.static_boxes, 2 * entries.len());
    let segeberg = std::fs::read_to_string(dir.join("static/de/01060.html")).unwrap();
    assert!(segeberg.contains("IT-Allianz Nord"), "{segeberg}");
    let oberallgaeu = std::fs::read_to_string(dir.join("static/en/09780.html")).unwrap();
    assert!(oberallgaeu.contains("lang=\"en\""));
    assert!(
        oberallgaeu.contains("No digital partnerships"),
        "{oberallgaeu}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn without_the_register_the_dataset_and_the_laender_remain() {
    let dir = std::env::temp_dir().join(format!("dp-assistant-none-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let written = write(&dataset(), None, &dir).unwrap();
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("suggestions.json")).unwrap()).unwrap();
    assert!(data["register"].is_null());
    assert!(written.suggestions >= 16);
    assert!(dir.join("static/de/01.html").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
