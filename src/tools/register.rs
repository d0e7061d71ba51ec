//! The official register of Kreise and kreisfreie Städte, to check the
//! dataset's Kreis-level keys against: the npm package
//! `landkreise-deutschland` 3.0.0 (CC BY 4.0, from the Destatis
//! Gemeindeverzeichnis), installed by `scripts/setup` with the other npm
//! tools. A key the register does not know is a warning (W203), not an
//! error: the register has a Stand (31.12.2018), and Kreise change.

use std::path::{Path, PathBuf};

use crate::model::dataset::Dataset;
use crate::model::key::OfficialKey;
use crate::model::validate::Severity;

use super::check::Finding;

/// One Kreis or kreisfreie Stadt of the register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisterEntry {
    /// The 5-digit key.
    pub key: String,
    /// The register's name, e.g. `Segeberg` or `Flensburg, Stadt`.
    pub name: String,
    /// The register's type: `Kreis`, `Landkreis`, `Kreisfreie Stadt`, …
    pub kind: String,
}

impl RegisterEntry {
    /// The name as people say it: `Kreis Segeberg`, `Landkreis Gifhorn`,
    /// `Flensburg, Stadt`, `Rheinisch-Bergischer Kreis`, `Städteregion Aachen`.
    pub fn display_name(&self) -> String {
        let lower = self.name.to_lowercase();
        let named = lower.contains("kreis") || lower.contains("region") || lower.contains(',');
        if self.kind.ends_with("reis") && !named {
            format!("{} {}", self.kind, self.name)
        } else {
            self.name.clone()
        }
    }
}

/// Code of a Kreis-level key the register does not know.
pub const UNKNOWN_KREIS: &str = "W203";

/// Where `scripts/setup` installs the register (relative to the repository).
pub const DEFAULT_PATH: &str = "node_modules/landkreise-deutschland/data/districts.json";

/// The register: every Kreis and kreisfreie Stadt.
#[derive(Debug)]
pub struct Register {
    /// Sorted by key.
    entries: Vec<RegisterEntry>,
    /// Which register, with its licence and Stand, for messages.
    pub source: String,
    /// The register's Stand (as its README gives it, e.g. `31.12.2018`).
    pub stand: String,
}

impl Register {
    /// Reads the package's `districts.json` (and the Stand from its README
    /// beside `data/`).
    pub fn read(path: &Path) -> Result<Register, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read the register: {e}", path.display()))?;
        let stand = path
            .parent()
            .and_then(Path::parent)
            .and_then(|package| std::fs::read_to_string(package.join("README.md")).ok())
            .and_then(|readme| {
                readme
                    .lines()
                    .find_map(|l| l.trim().strip_prefix("Stand:").map(|s| s.trim().to_owned()))
            })
            .unwrap_or_else(|| "unbekannt".to_owned());
        Register::parse(&text, &stand)
    }

    /// The register from the text of `districts.json` and its Stand.
    ///
    /// ```
    /// use partnerships_widget::tools::register::Register;
    /// let register = Register::parse(r#"[{"AGS": "01060"}, {"AGS": 11000}]"#, "31.12.2018").unwrap();
    /// assert!(register.knows("01060"));
    /// assert!(register.knows("11000"));
    /// assert!(!register.knows("01099"));
    /// ```
    pub fn parse(text: &str, stand: &str) -> Result<Register, String> {
        let districts: Vec<serde_json::Value> = serde_json::from_str(text)
            .map_err(|e| format!("the register is not as expected: {e}"))?;
        // The package writes most keys as strings ("01060") and those
        // without a leading zero as numbers (11000).
        let mut entries = Vec::with_capacity(districts.len());
        for district in &districts {
            let key = match &district["AGS"] {
                serde_json::Value::String(key) => key.clone(),
                serde_json::Value::Number(key) => format!("{key:0>5}"),
                other => return Err(format!("the register has a key that is not one: {other}")),
            };
            let text = |field: &str| district[field].as_str().unwrap_or_default().to_owned();
            entries.push(RegisterEntry {
                key,
                name: text("name"),
                kind: text("type"),
            });
        }
        entries.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        Ok(Register {
            entries,
            source: format!(
                "the register of Kreise and kreisfreie Städte (Destatis Gemeindeverzeichnis, \
                 npm landkreise-deutschland 3.0.0, CC BY 4.0, Stand {stand})"
            ),
            stand: stand.to_owned(),
        })
    }

    /// The register at `path`, else at [`DEFAULT_PATH`] if it is there.
    pub fn find(path: Option<&str>) -> Option<Result<Register, String>> {
        match path {
            Some(path) => Some(Register::read(Path::new(path))),
            None => {
                let default = PathBuf::from(DEFAULT_PATH);
                default.exists().then(|| Register::read(&default))
            }
        }
    }

    /// True when the register lists the 5-digit Kreis key `kreis`.
    pub fn knows(&self, kreis: &str) -> bool {
        self.entries
            .binary_search_by(|e| e.key.as_str().cmp(kreis))
            .is_ok()
    }

    /// Every Kreis and kreisfreie Stadt, by key.
    pub fn entries(&self) -> &[RegisterEntry] {
        &self.entries
    }

    /// A warning for every body whose Kreis part the register does not know
    /// (Länder have none; a body's key is checked once, where it is listed).
    pub fn check(&self, dataset: &Dataset) -> Vec<Finding> {
        dataset
            .bodies
            .iter()
            .enumerate()
            .filter_map(|(i, body)| {
                let kreis = body
                    .key
                    .parse::<OfficialKey>()
                    .ok()?
                    .kreis_key()?
                    .to_string();
                (!self.knows(&kreis)).then(|| Finding {
                    code: UNKNOWN_KREIS,
                    severity: Severity::Warning,
                    pointer: format!("/bodies/{i}/key"),
                    position: None,
                    message: format!(
                        "the Kreis {kreis} of \"{}\" is not in {}",
                        body.name, self.source
                    ),
                })
            })
            .collect()
    }
}
