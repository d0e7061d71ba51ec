//! Property tests with a seeded generator (no test dependency needed):
//! arbitrary input never panics the key parser, the date parser, the
//! checker or the selection, and what they accept behaves consistently.

use partnerships_widget::model::dataset::Dataset;
use partnerships_widget::model::date::PartialDate;
use partnerships_widget::model::key::OfficialKey;
use partnerships_widget::model::selection::Index;
use partnerships_widget::tools::check::check;
use partnerships_widget::tools::generate::Rng;
use serde_json::{json, Value};

/// Test inputs from the generator's seeded RNG (a failure is reproducible).
trait Inputs {
    fn text(&mut self) -> String;
    fn value(&mut self, depth: u32) -> Value;
}

impl Inputs for Rng {
    fn text(&mut self) -> String {
        const ALPHABET: &[&str] = &[
            "0", "1", "5", "9", " ", "-", "O", "\t", "ä", "/", "<", "0", "1", "2", "\u{202e}", "１",
        ];
        let len = self.below(16);
        (0..len)
            .map(|_| ALPHABET[self.below(ALPHABET.len())])
            .collect()
    }
    fn value(&mut self, depth: u32) -> Value {
        match self.below(if depth == 0 { 5 } else { 7 }) {
            0 => Value::Null,
            1 => json!(self.below(2) == 0),
            2 => json!(self.next_u64() as i64 as f64 / 7.0),
            3 => json!(self.text()),
            4 => json!(self.below(1000)),
            5 => Value::Array((0..self.below(4)).map(|_| self.value(depth - 1)).collect()),
            _ => {
                let keys = [
                    "key", "org", "name", "since", "id", "partners", "members", "title", "url",
                ];
                Value::Object(
                    (0..self.below(5))
                        .map(|_| {
                            (
                                keys[self.below(keys.len())].to_owned(),
                                self.value(depth - 1),
                            )
                        })
                        .collect(),
                )
            }
        }
    }
}

#[test]
fn key_parsing_never_panics_and_accepted_keys_round_trip() {
    let mut rng = Rng::new(0x5EED_0001);
    let mut accepted = 0;
    for _ in 0..20_000 {
        let text = rng.text();
        if let Ok(key) = text.parse::<OfficialKey>() {
            accepted += 1;
            let again: OfficialKey = key.to_string().parse().unwrap();
            assert_eq!(again, key, "{text:?}");
            assert!(key.same_body(&again));
            assert!(!key.contains(&key), "containment is strict");
            assert!(key.land_key().covers(&key));
            if let Some(kreis) = key.kreis_key() {
                assert!(
                    kreis.covers(&key) && key.land_key().contains(&kreis)
                        || kreis == key.land_key()
                );
            }
        }
    }
    assert!(
        accepted > 50,
        "the generator must also produce valid keys ({accepted})"
    );
}

#[test]
fn date_parsing_never_panics() {
    let mut rng = Rng::new(0x5EED_0002);
    for _ in 0..20_000 {
        let text = rng.text();
        if let Ok(date) = text.parse::<PartialDate>() {
            assert_eq!(date.to_string().parse::<PartialDate>().unwrap(), date);
            let _ = date.to_german();
        }
    }
}

#[test]
fn the_checker_always_answers_for_arbitrary_json() {
    let mut rng = Rng::new(0x5EED_0003);
    for _ in 0..2_000 {
        let value = rng.value(4);
        let report = check(&value.to_string(), None);
        assert!(report.errors() > 0 || report.dataset.is_some());
    }
    for text in [
        "",
        "{",
        "[]",
        "null",
        "\"x\"",
        "{\"partnerships\": 1}",
        "\u{feff}{}",
    ] {
        assert!(check(text, None).errors() > 0, "{text:?}");
    }
}

#[test]
fn mutated_real_datasets_are_checked_and_selected_without_panics() {
    let base: Value = serde_json::from_str(include_str!("../www/partnerships.json")).unwrap();
    let mut rng = Rng::new(0x5EED_0004);
    let hosts: Vec<OfficialKey> = [
        "01",
        "01060",
        "01053090",
        "010545488",
        "03151",
        "09178120",
        "05315000",
    ]
    .iter()
    .map(|k| k.parse().unwrap())
    .collect();
    for _ in 0..1_000 {
        let mut value = base.clone();
        // Replace one random value somewhere in the tree.
        let mut pointer = String::new();
        let mut node = &value;
        for _ in 0..rng.below(6) {
            let step = match node {
                Value::Object(map) if !map.is_empty() => {
                    map.keys().nth(rng.below(map.len())).cloned()
                }
                Value::Array(items) if !items.is_empty() => {
                    Some(rng.below(items.len()).to_string())
                }
                _ => None,
            };
            let Some(step) = step else { break };
            pointer = format!("{pointer}/{step}");
            node = value.pointer(&pointer).unwrap();
        }
        let replacement = rng.value(2);
        *value.pointer_mut(&pointer).unwrap() = replacement;
        let report = check(&value.to_string(), None);
        // Whatever deserialises is selected for every host without panicking,
        // even when it has errors (the widget sees such data too).
        if let Ok(dataset) = serde_json::from_value::<Dataset>(value) {
            let index = Index::new(&dataset);
            for host in &hosts {
                let _ = index.select(host);
            }
        } else {
            assert!(report.errors() > 0);
        }
    }
}
