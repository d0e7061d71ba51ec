//! Native tooling for the people who maintain the dataset: checking,
//! publishing, rendering and generating. Built on the same model as the
//! widget (no second copy of any type or rule); never part of the wasm.

pub mod assistant;
pub mod check;
pub mod dcat;
pub mod generate;
pub mod loader_facts;
pub mod positions;
pub mod publish;
pub mod register;
pub mod render;
pub mod suggestions;
pub mod today;

use std::fmt;
use std::path::Path;

use crate::model::dataset::Dataset;

/// Why a tool could not do its work; maps onto the exit codes.
#[derive(Debug)]
pub enum ToolError {
    /// A file could not be read or written, or an argument is wrong (exit code 2).
    Unreadable(String),
    /// The dataset has errors (exit code 1).
    Invalid(String),
}

impl ToolError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            ToolError::Unreadable(_) => 2,
            ToolError::Invalid(_) => 1,
        }
    }
}

impl fmt::Display for ToolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ToolError::Unreadable(m) | ToolError::Invalid(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ToolError {}

/// Reads and checks a dataset file; any error makes it unusable.
pub fn load_valid(path: &Path) -> Result<Dataset, ToolError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ToolError::Unreadable(format!("{}: cannot read: {e}", path.display())))?;
    let report = check::check(&text, None);
    match report.dataset {
        Some(dataset) if report.errors() == 0 => Ok(dataset),
        _ => Err(ToolError::Invalid(format!(
            "{}: {} error(s); run `partnerships-data validate {}` for details",
            path.display(),
            report.errors(),
            path.display()
        ))),
    }
}
