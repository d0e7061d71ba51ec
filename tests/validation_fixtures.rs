//! One failing fixture per validation rule (tests/fixtures/invalid/), each
//! asserting the exact code and JSON pointer and a line:column in the file;
//! one fixture with many problems, all reported.

use partnerships_widget::model::dataset::Dataset;
use partnerships_widget::model::date::PartialDate;
use partnerships_widget::model::validate::{validate, Severity};
use partnerships_widget::tools::check::{check, Finding, Report};

const TODAY: &str = "2026-11-28";

fn run(name: &str) -> Report {
    let path = format!(
        "{}/tests/fixtures/invalid/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    check(&text, Some(TODAY.parse::<PartialDate>().unwrap()))
}

fn summary(findings: &[Finding]) -> Vec<(&'static str, &str)> {
    findings
        .iter()
        .map(|f| (f.code, f.pointer.as_str()))
        .collect()
}

#[test]
fn each_rule_has_a_fixture_that_breaks_exactly_it() {
    let cases: &[(&str, &str, &str)] = &[
        ("E001-not-json", "E001", ""),
        ("E002-wrong-shape", "E002", "/partnerships/0/kind"),
        // `reported` is missing: unknown is written as null, not left out.
        ("E002-missing-field", "E002", "/partnerships/0/partners/0"),
        ("E100-schema-version", "E100", "/schemaVersion"),
        ("E101-empty-text", "E101", "/partnerships/0/title"),
        ("E102-bad-date", "E102", "/partnerships/0/partners/0/since"),
        ("E103-bad-url", "E103", "/partnerships/0/sources/0/url"),
        ("E104-bad-key", "E104", "/partnerships/0/partners/0/key"),
        // The schema's pattern rejects it too; the rule names it precisely.
        ("E104-bad-body-key", "E104", "/bodies/1/key"),
        ("E105-unknown-key", "E105", "/partnerships/0/partners/0/key"),
        (
            "E106-unknown-organisation",
            "E106",
            "/partnerships/1/partners/0/org",
        ),
        ("E107-bad-reference", "E107", "/partnerships/0/partners/0"),
        ("E108-bad-id", "E108", "/partnerships/0/id"),
        ("E109-duplicate-id", "E109", "/partnerships/1/id"),
        ("E110-duplicate-key", "E110", "/bodies/1/key"),
        ("E111-self-member", "E111", "/organisations/0/members/0/org"),
        ("E112-no-partners", "E112", "/partnerships/2/partners"),
        ("E113-empty-source", "E113", "/partnerships/1/sources/0"),
        ("E114-modified-date", "E114", "/modified"),
        ("W200-no-source", "W200", "/partnerships/0/sources"),
        (
            "W201-future-date",
            "W201",
            "/partnerships/0/partners/0/since",
        ),
        (
            "W202-duplicate-partner",
            "W202",
            "/partnerships/0/partners/1",
        ),
    ];
    for (fixture, code, pointer) in cases {
        let report = run(fixture);
        assert_eq!(summary(&report.findings), [(*code, *pointer)], "{fixture}");
        let finding = &report.findings[0];
        assert!(
            finding.position.is_some(),
            "{fixture}: a line:column is given"
        );
        let expected = if code.starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        };
        assert_eq!(finding.severity, expected, "{fixture}");
    }
}

#[test]
fn positions_point_at_the_offending_value() {
    let report = run("E103-bad-url");
    let p = report.findings[0].position.unwrap();
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/invalid/E103-bad-url.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let line = text.lines().nth(p.line - 1).unwrap();
    let rest: String = line.chars().skip(p.column - 1).collect();
    assert!(rest.starts_with("\"javascript:alert(1)\""), "{line}");
}

#[test]
fn a_file_with_many_problems_reports_every_one_in_file_order() {
    let report = run("many-errors");
    assert_eq!(
        summary(&report.findings),
        [
            ("E100", "/schemaVersion"),
            ("E104", "/partnerships/0/partners/0/key"),
            ("E103", "/partnerships/1/sources/0/url"),
            ("E102", "/partnerships/3/partners/1/since"),
            ("E105", "/partnerships/4/partners/3/key"),
            ("W200", "/partnerships/5/sources"),
        ]
    );
    assert_eq!((report.errors(), report.warnings()), (5, 1));
}

#[test]
fn ids_must_be_stable_ids() {
    // On the model directly, as the box validates what it downloads.
    let mut ds: Dataset = serde_json::from_str(include_str!("../www/partnerships.json")).unwrap();
    ds.partnerships[0].id = "IT Allianz".into();
    let problems = validate(&ds);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].rule.code(), problems[0].pointer.as_str()),
        ("E108", "/partnerships/0/id")
    );
}
