//! Checking a dataset file as a maintainer sees it: every problem, each
//! with a code, a JSON pointer and the line:column in the file.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::model::dataset::Dataset;
use crate::model::date::PartialDate;
use crate::model::schema::json_schema;
use crate::model::validate::{validate_as_of, Severity};

use super::positions::{locate_only, position_of, with_parents, Position};
use super::register::Register;

/// Code of a file that is not JSON at all.
pub const SYNTAX: &str = "E001";
/// Code of JSON that does not have the dataset's shape (checked against the schema).
pub const SHAPE: &str = "E002";

/// One finding of a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Stable code, e.g. `E104` (see the README's table).
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// JSON pointer of the offending value.
    pub pointer: String,
    /// Where it stands in the file (the nearest existing parent for a missing field).
    pub position: Option<Position>,
    /// What is wrong.
    pub message: String,
}

/// The result of checking a file.
#[derive(Debug)]
pub struct Report {
    /// Every finding, errors and warnings, in file order.
    pub findings: Vec<Finding>,
    /// The dataset, if the file had the dataset's shape.
    pub dataset: Option<Dataset>,
}

impl Report {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }
}

fn schema_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: serde_json::Value =
            serde_json::from_str(&json_schema()).expect("the generated schema is JSON");
        jsonschema::validator_for(&schema).expect("the generated schema compiles")
    })
}

/// Checks the text of a dataset file. `today` enables the future-date warning.
///
/// ```
/// use partnerships_widget::tools::check::check;
/// let report = check(include_str!("../../www/partnerships.json"), None);
/// assert_eq!(report.errors(), 0);
/// let broken = check("{\"schemaVersion\": 1}", None);
/// assert!(broken.errors() > 0);
/// ```
pub fn check(text: &str, today: Option<PartialDate>) -> Report {
    check_with(text, today, None)
}

/// [`check`], and with a `register` also a warning (W203) for every Kreis
/// the register does not know.
pub fn check_with(text: &str, today: Option<PartialDate>, register: Option<&Register>) -> Report {
    // Most files have the dataset's shape: read them straight into the
    // types (several times faster than a JSON value checked against the
    // schema, and a fraction of the memory). The native types require every
    // field the schema requires, and the rules check every pattern it has,
    // so nothing the schema rejects gets through. Only a file that does not
    // read takes the slow path, which lists every mismatch.
    match serde_json::from_str::<Dataset>(text) {
        Ok(dataset) => checked(text, dataset, today, register),
        Err(_) => check_shape(text, today, register),
    }
}

/// The rules, on a file that has the dataset's shape.
fn checked(
    text: &str,
    dataset: Dataset,
    today: Option<PartialDate>,
    register: Option<&Register>,
) -> Report {
    let mut findings: Vec<Finding> = validate_as_of(&dataset, today)
        .into_iter()
        .map(|p| Finding {
            code: p.rule.code(),
            severity: p.rule.severity(),
            position: None,
            pointer: p.pointer,
            message: p.message,
        })
        .collect();
    if let Some(register) = register {
        findings.extend(register.check(&dataset));
    }
    place(text, &mut findings);
    Report {
        findings,
        dataset: Some(dataset),
    }
}

/// A file that did not read into the types: every syntax or shape problem
/// (checked against the schema, which names each mismatch).
fn check_shape(text: &str, today: Option<PartialDate>, register: Option<&Register>) -> Report {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            return Report {
                findings: vec![Finding {
                    code: SYNTAX,
                    severity: Severity::Error,
                    pointer: String::new(),
                    position: Some(Position {
                        line: e.line(),
                        column: e.column(),
                    }),
                    message: format!("not valid JSON: {e}"),
                }],
                dataset: None,
            }
        }
    };
    let mut findings: Vec<Finding> = schema_validator()
        .iter_errors(&value)
        .map(|e| Finding {
            code: SHAPE,
            severity: Severity::Error,
            position: None,
            pointer: e.instance_path().to_string(),
            message: e.to_string(),
        })
        .collect();
    if !findings.is_empty() {
        place(text, &mut findings);
        return Report {
            findings,
            dataset: None,
        };
    }
    // The schema accepts what the types refused only in corner cases (a
    // field named twice, where the value keeps the last): read the value.
    match serde_json::from_value(value) {
        Ok(dataset) => checked(text, dataset, today, register),
        Err(e) => Report {
            findings: vec![Finding {
                code: SHAPE,
                severity: Severity::Error,
                pointer: String::new(),
                position: None,
                message: e.to_string(),
            }],
            dataset: None,
        },
    }
}

/// Gives each finding its line:column (scanning the text once, recording
/// only the pointers needed) and sorts them into file order.
fn place(text: &str, findings: &mut [Finding]) {
    if findings.is_empty() {
        return; // nothing to place: do not scan a national file for nothing
    }
    let wanted: HashSet<String> = findings
        .iter()
        .flat_map(|f| {
            with_parents(&f.pointer)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let positions = locate_only(text, &wanted);
    for finding in findings.iter_mut() {
        finding.position = position_of(&positions, &finding.pointer);
    }
    findings.sort_by_key(|f| f.position.map(|p| (p.line, p.column)));
}
