//! What the Einbindungsassistent (`einbinden.html`) needs, written at build
//! time beside the bundle:
//!
//! * `einbinden/suggestions.json`: what the search suggests
//!   ([`super::suggestions::suggestions`]) and which register
//!   the Kreise come from (shown on the page with its licence and Stand);
//! * `einbinden/static/{de,en}/KEY.html`: the static box of every suggested
//!   body ([`super::render::render`]), which the snippet carries
//!   for readers without scripts and search engines.
//!
//! Only the assistant page downloads these; the loader never does.

use std::path::Path;

use serde::Serialize;

use super::register::Register;
use super::render::render;
use super::suggestions::{suggestions, Suggestion};
use super::ToolError;
use crate::model::dataset::Dataset;
use crate::model::key::OfficialKey;
use crate::texts::Lang;

/// Where the register's Kreise come from, as the page credits it.
#[derive(Debug, Serialize)]
pub struct RegisterCredit {
    /// The package and its version.
    pub package: &'static str,
    /// Where the package is published.
    pub url: &'static str,
    /// Who made the data.
    pub source: &'static str,
    /// The licence and its text.
    pub license: &'static str,
    #[serde(rename = "licenseUrl")]
    pub license_url: &'static str,
    /// The register's Stand.
    pub stand: String,
}

impl RegisterCredit {
    /// The credit of `register` (the installed `landkreise-deutschland`).
    pub fn of(register: &Register) -> RegisterCredit {
        RegisterCredit {
            package: "landkreise-deutschland 3.0.0",
            url: "https://www.npmjs.com/package/landkreise-deutschland/v/3.0.0",
            source: "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis",
            license: "CC BY 4.0",
            license_url: "https://creativecommons.org/licenses/by/4.0/deed.de",
            stand: register.stand.clone(),
        }
    }
}

/// The content of `einbinden/suggestions.json`.
#[derive(Debug, Serialize)]
pub struct AssistantData {
    /// The register the Kreise come from; `None` when it was not installed
    /// (the suggestions then hold the dataset's bodies and the Länder).
    pub register: Option<RegisterCredit>,
    /// Every suggestion, sorted by key.
    pub entries: Vec<Suggestion>,
}

/// What [`write()`] wrote.
#[derive(Debug, PartialEq, Eq)]
pub struct Written {
    pub suggestions: usize,
    pub static_boxes: usize,
    pub bytes: usize,
}

/// Writes `suggestions.json` and the static boxes of every suggestion into
/// `dir` (created if missing).
pub fn write(
    dataset: &Dataset,
    register: Option<&Register>,
    dir: &Path,
) -> Result<Written, ToolError> {
    let data = AssistantData {
        register: register.map(RegisterCredit::of),
        entries: suggestions(dataset, register),
    };
    let mut written = Written {
        suggestions: data.entries.len(),
        static_boxes: 0,
        bytes: 0,
    };
    let json = serde_json::to_vec(&data).unwrap_or_default();
    put(&dir.join("suggestions.json"), &json, &mut written)?;
    for lang in [Lang::De, Lang::En] {
        let folder = dir.join("static").join(lang.code());
        for entry in &data.entries {
            // Suggestions are built from valid keys; a bad one is skipped.
            let Ok(host) = entry.key.parse::<OfficialKey>() else {
                continue;
            };
            let html = render(dataset, &host, lang);
            put(
                &folder.join(format!("{}.html", entry.key)),
                html.as_bytes(),
                &mut written,
            )?;
            written.static_boxes += 1;
        }
    }
    Ok(written)
}

fn put(path: &Path, bytes: &[u8], written: &mut Written) -> Result<(), ToolError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            ToolError::Unreadable(format!("{}: cannot create: {e}", parent.display()))
        })?;
    }
    std::fs::write(path, bytes)
        .map_err(|e| ToolError::Unreadable(format!("{}: cannot write: {e}", path.display())))?;
    written.bytes += bytes.len();
    Ok(())
}
