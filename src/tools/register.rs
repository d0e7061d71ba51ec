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

/// Code of a Kreis-level key the register does not know.
pub const UNKNOWN_KREIS: &str = "W203";

/// Where `scripts/setup` installs the register (relative to the repository).
pub const DEFAULT_PATH: &str = "node_modules/landkreise-deutschland/data/districts.json";

/// The register: the 5-digit keys of every Kreis and kreisfreie Stadt.
#[derive(Debug)]
pub struct Register {
    keys: Vec<String>,
    /// Which register, with its licence and Stand, for messages.
    pub source: String,
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
        let mut keys = Vec::with_capacity(districts.len());
        for district in &districts {
            keys.push(match &district["AGS"] {
                serde_json::Value::String(key) => key.clone(),
                serde_json::Value::Number(key) => format!("{key:0>5}"),
                other => return Err(format!("the register has a key that is not one: {other}")),
            });
        }
        keys.sort_unstable();
        Ok(Register {
            keys,
            source: format!(
                "the register of Kreise and kreisfreie Städte (Destatis Gemeindeverzeichnis, \
                 npm landkreise-deutschland 3.0.0, CC BY 4.0, Stand {stand})"
            ),
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
        self.keys
            .binary_search_by(|k| k.as_str().cmp(kreis))
            .is_ok()
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
