//! What the Einbindungsassistent suggests while a webmaster types: every
//! body of the dataset, the 16 Länder and every Kreis and kreisfreie Stadt of
//! the official register, each with its key, name and kind. Built at build
//! time into a small JSON file for the assistant page (the register package
//! itself never ships to readers).

use serde::Serialize;

use crate::model::dataset::Dataset;
use crate::model::key::{Level, OfficialKey};

use super::register::Register;

/// The 16 Länder by key.
pub const LAENDER: [(&str, &str); 16] = [
    ("01", "Land Schleswig-Holstein"),
    ("02", "Freie und Hansestadt Hamburg"),
    ("03", "Land Niedersachsen"),
    ("04", "Freie Hansestadt Bremen"),
    ("05", "Land Nordrhein-Westfalen"),
    ("06", "Land Hessen"),
    ("07", "Land Rheinland-Pfalz"),
    ("08", "Land Baden-Württemberg"),
    ("09", "Freistaat Bayern"),
    ("10", "Saarland"),
    ("11", "Berlin"),
    ("12", "Land Brandenburg"),
    ("13", "Land Mecklenburg-Vorpommern"),
    ("14", "Freistaat Sachsen"),
    ("15", "Land Sachsen-Anhalt"),
    ("16", "Freistaat Thüringen"),
];

/// One suggestion (short field names: the page downloads ~450 of them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Official key.
    #[serde(rename = "k")]
    pub key: String,
    /// Name as people say it.
    #[serde(rename = "n")]
    pub name: String,
    /// Kind, in German: `Land`, `Kreis`, `Landkreis`, `Kreisfreie Stadt`,
    /// `Amt / Gemeindeverband`, `Gemeinde`.
    #[serde(rename = "t")]
    pub kind: String,
    /// True when the dataset has partnerships data for this body itself.
    #[serde(rename = "d", skip_serializing_if = "std::ops::Not::not")]
    pub in_dataset: bool,
}

/// The suggestions, sorted by key; a body of the dataset wins over the
/// register's entry for the same key (its name is the one the box shows).
///
/// ```
/// use partnerships_widget::tools::{register::Register, suggestions::suggestions};
/// # let dataset = serde_json::from_str(include_str!("../../www/partnerships.json")).unwrap();
/// let register = Register::parse(r#"[{"AGS": "01060", "name": "Segeberg", "type": "Kreis"},
///                                    {"AGS": "01061", "name": "Steinburg", "type": "Kreis"}]"#, "31.12.2018").unwrap();
/// let all = suggestions(&dataset, Some(&register));
/// let find = |key: &str| all.iter().find(|s| s.key == key).unwrap();
/// assert_eq!((find("01060").name.as_str(), find("01060").in_dataset), ("Kreis Segeberg", true));
/// assert_eq!((find("01061").name.as_str(), find("01061").kind.as_str()), ("Kreis Steinburg", "Kreis"));
/// assert_eq!(find("16").name, "Freistaat Thüringen");
/// ```
pub fn suggestions(dataset: &Dataset, register: Option<&Register>) -> Vec<Suggestion> {
    let mut all: Vec<Suggestion> = Vec::new();
    for body in &dataset.bodies {
        let Ok(key) = body.key.parse::<OfficialKey>() else {
            continue;
        };
        let kind = match key.level() {
            Level::Land => "Land",
            Level::Kreis => "Kreis",
            Level::Verband => "Amt / Gemeindeverband",
            Level::Gemeinde => "Gemeinde",
        };
        all.push(Suggestion {
            key: key.to_string(),
            name: body.name.clone(),
            kind: register
                .and_then(|r| r.entries().iter().find(|e| e.key == body.key))
                .map_or_else(|| kind.to_owned(), |e| e.kind.clone()),
            in_dataset: true,
        });
    }
    let known = |all: &[Suggestion], key: &str| all.iter().any(|s| s.key == key);
    for (key, name) in LAENDER {
        if !known(&all, key) {
            all.push(Suggestion {
                key: key.to_owned(),
                name: name.to_owned(),
                kind: "Land".to_owned(),
                in_dataset: false,
            });
        }
    }
    for entry in register.map(Register::entries).unwrap_or_default() {
        if !known(&all, &entry.key) {
            all.push(Suggestion {
                key: entry.key.clone(),
                name: entry.display_name(),
                kind: entry.kind.clone(),
                in_dataset: false,
            });
        }
    }
    all.sort_unstable_by(|a, b| a.key.cmp(&b.key));
    all
}
