//! The loader (www/partnerships.js) knows the key pattern, the slice
//! address rule and its words only through the facts written into it at
//! build time: it must not carry a copy of its own that could drift.
//! (That the built loader and the wasm then agree on every key's address
//! is checked end to end: one data request per box, never a 404.)

use partnerships_widget::model::address::{area_of, slice_path, AREA_DIGITS, LAND_DIGITS};
use partnerships_widget::model::key::{OfficialKey, KEY_PATTERN};
use partnerships_widget::texts::{DE, EN};
use partnerships_widget::tools::loader_facts::loader_facts;

const LOADER: &str = include_str!("../www/partnerships.js");
const ASSISTANT: &str = include_str!("../www/einbinden.js");

#[test]
fn the_assistant_takes_the_key_pattern_from_the_build() {
    assert_eq!(ASSISTANT.matches("\"@FACTS@\"").count(), 1);
    assert!(
        !ASSISTANT.contains("\\d{2}|"),
        "the assistant has its own key pattern"
    );
}

#[test]
fn the_loader_takes_its_facts_from_the_build() {
    assert_eq!(LOADER.matches("\"@FACTS@\"").count(), 1);
    for copy in [
        DE.loading,
        EN.loading,
        DE.not_started,
        EN.not_started,
        "\\d{",
    ] {
        assert!(
            !LOADER.contains(copy),
            "the loader has its own copy of {copy:?}"
        );
    }
}

#[test]
fn the_facts_are_the_rust_definitions() {
    let facts = loader_facts();
    assert_eq!(facts["keyPattern"], KEY_PATTERN);
    assert_eq!(facts["areaDigits"], AREA_DIGITS);
    assert_eq!(facts["landDigits"], LAND_DIGITS);
    assert_eq!(facts["words"]["de"]["loading"], DE.loading);
    assert_eq!(facts["words"]["en"]["failed"], EN.not_started);
}

/// The loader's rule, written as the loader applies the facts, gives the
/// address `slice_path` gives, for keys of every level.
#[test]
fn the_loader_rule_over_the_facts_is_slice_path() {
    let facts = loader_facts();
    let number = |name: &str| facts[name].as_u64().unwrap() as usize;
    let (land, area_digits) = (number("landDigits"), number("areaDigits"));
    let no_kreis = facts["noKreis"].as_str().unwrap();
    let dir = facts["slicesDir"].as_str().unwrap();
    for key in [
        "01",
        "05",
        "01060",
        "05300",
        "11000000",
        "03103000",
        "010545488",
        "010600005005",
        "02000",
    ] {
        let kreis = key.get(land + 1..area_digits.min(key.len())).unwrap_or("");
        let area = if kreis.len() == area_digits - land - 1 && kreis != no_kreis {
            &key[..area_digits]
        } else {
            &key[..land]
        };
        let parsed: OfficialKey = key.parse().unwrap();
        assert_eq!(format!("{dir}/{area}.json"), slice_path(&parsed), "{key}");
        assert_eq!(area, area_of(&parsed), "{key}");
    }
}
