//! What the box checks itself ([`DisplayCheck`]) against what publishing
//! guarantees ([`Validator`]): on every fixture the box's problems are the
//! validator's, a subset in the same order; each rule the box must report
//! is reported, with its pointer; the rules left to publishing are not.

mod common;

use std::path::{Path, PathBuf};

use common::dataset;
use partnerships_widget::model::dataset::Dataset;
use partnerships_widget::model::date::PartialDate;
use partnerships_widget::model::validate::{
    validate_as_of, DisplayCheck, Problem, Rule, Scope, Validator,
};

const TODAY: &str = "2026-11-28";

/// Whether the box must report `rule` itself (where it applies: see
/// [`box_must_report`]). Exhaustive: a new rule does not compile until
/// someone decides.
fn box_rule(rule: Rule) -> bool {
    match rule {
        // It cannot read another major version.
        Rule::SchemaVersion => true,
        // What it shows: texts, dates, links, and the partners it names.
        Rule::EmptyText
        | Rule::BadDate
        | Rule::BadUrl
        | Rule::BadKey
        | Rule::UnknownKey
        | Rule::UnknownOrganisation
        | Rule::BadReference
        | Rule::NoPartners
        | Rule::EmptySource => true,
        // Ids, repeated keys, organisations' members, the dataset's own
        // metadata and every warning: publishing's guarantee.
        Rule::BadId
        | Rule::DuplicateId
        | Rule::DuplicateKey
        | Rule::SelfMember
        | Rule::ModifiedDate
        | Rule::NoSource
        | Rule::FutureDate
        | Rule::DuplicatePartner => false,
    }
}

/// Whether the box must report `problem`: a rule of [`box_rule`] in a
/// partnership, or in what the box shows of the dataset as a whole (the
/// licence, bodies' and organisations' names). Bodies' keys, organisations'
/// members and the dataset's metadata are publishing's.
fn box_must_report(problem: &Problem) -> bool {
    let place: Vec<&str> = problem.pointer.split('/').skip(1).collect();
    let shown = match problem.scope {
        Scope::Partnership(_) => true,
        Scope::Dataset => matches!(
            place.as_slice(),
            ["schemaVersion"]
                | ["license", "name" | "url"]
                | ["bodies" | "organisations", _, "name"]
        ),
    };
    shown && box_rule(problem.rule)
}

fn box_problems(dataset: &Dataset) -> Vec<Problem> {
    let mut check = DisplayCheck::new(dataset);
    // In uneven chunks, as the box checks a Land's slice.
    let total = dataset.partnerships.len();
    check.partnerships(0..total.min(2));
    check.partnerships(total.min(2)..total);
    check.partnerships(total..total + 5);
    check.finish()
}

fn full_problems(dataset: &Dataset) -> Vec<Problem> {
    validate_as_of(dataset, Some(TODAY.parse::<PartialDate>().unwrap()))
}

/// Every JSON file under `dir`, sorted.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(json_files(&path));
        } else if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture `name` of tests/fixtures/invalid/, read as a dataset.
fn fixture(name: &str) -> Dataset {
    let path = root().join(format!("tests/fixtures/invalid/{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn summary(problems: &[Problem]) -> Vec<(&'static str, &str)> {
    problems
        .iter()
        .map(|p| (p.rule.code(), p.pointer.as_str()))
        .collect()
}

/// Asserts that `part` is `whole` with some entries left out, and that the
/// box leaves out exactly the problems it need not report.
fn assert_box_is_part_of_full(part: &[Problem], whole: &[Problem], what: &str) {
    let mut rest = whole.iter();
    for problem in part {
        assert!(
            rest.any(|p| p == problem),
            "{what}: the box's {problem} is not among (or out of order in) the validator's {:?}",
            summary(whole)
        );
    }
    let expected: Vec<&Problem> = whole.iter().filter(|p| box_must_report(p)).collect();
    assert_eq!(part.iter().collect::<Vec<_>>(), expected, "{what}");
}

#[test]
fn on_every_fixture_the_box_reports_the_validators_problems_it_needs() {
    let mut read = 0;
    let mut reported = Vec::new();
    for path in json_files(&root().join("tests/fixtures")) {
        let text = std::fs::read_to_string(&path).unwrap();
        // Not JSON or not the dataset's shape: the reader refuses it first.
        let Ok(dataset) = serde_json::from_str::<Dataset>(&text) else {
            continue;
        };
        read += 1;
        let part = box_problems(&dataset);
        assert_box_is_part_of_full(&part, &full_problems(&dataset), &path.display().to_string());
        reported.extend(part.iter().map(|p| p.rule));
    }
    assert!(read >= 20, "only {read} fixtures read as datasets");
    // Each rule the box must report is met on some fixture.
    for rule in [
        Rule::SchemaVersion,
        Rule::EmptyText,
        Rule::BadDate,
        Rule::BadUrl,
        Rule::BadKey,
        Rule::UnknownKey,
        Rule::UnknownOrganisation,
        Rule::BadReference,
        Rule::NoPartners,
        Rule::EmptySource,
    ] {
        assert!(box_rule(rule), "{}", rule.code());
        assert!(reported.contains(&rule), "no fixture shows {}", rule.code());
    }
}

#[test]
fn the_box_reports_each_rule_it_must_with_its_pointer() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("E100-schema-version", &[("E100", "/schemaVersion")]),
        ("E101-empty-text", &[("E101", "/partnerships/0/title")]),
        (
            "E102-bad-date",
            &[("E102", "/partnerships/0/partners/0/since")],
        ),
        ("E103-bad-url", &[("E103", "/partnerships/0/sources/0/url")]),
        (
            "E104-bad-key",
            &[("E104", "/partnerships/0/partners/0/key")],
        ),
        (
            "E105-unknown-key",
            &[("E105", "/partnerships/0/partners/0/key")],
        ),
        (
            "E106-unknown-organisation",
            &[("E106", "/partnerships/1/partners/0/org")],
        ),
        (
            "E107-bad-reference",
            &[("E107", "/partnerships/0/partners/0")],
        ),
        ("E112-no-partners", &[("E112", "/partnerships/2/partners")]),
        (
            "E113-empty-source",
            &[("E113", "/partnerships/1/sources/0")],
        ),
        (
            "many-errors",
            &[
                ("E100", "/schemaVersion"),
                ("E104", "/partnerships/0/partners/0/key"),
                ("E103", "/partnerships/1/sources/0/url"),
                ("E102", "/partnerships/3/partners/1/since"),
                ("E105", "/partnerships/4/partners/3/key"),
            ],
        ),
    ];
    for (name, expected) in cases {
        assert_eq!(summary(&box_problems(&fixture(name))), *expected, "{name}");
    }
}

#[test]
fn what_publishing_guarantees_the_box_does_not_check_again() {
    for name in [
        "E104-bad-body-key",
        "E108-bad-id",
        "E109-duplicate-id",
        "E110-duplicate-key",
        "E111-self-member",
        "E114-modified-date",
        "W200-no-source",
        "W201-future-date",
        "W202-duplicate-partner",
    ] {
        let dataset = fixture(name);
        assert!(!full_problems(&dataset).is_empty(), "{name} breaks a rule");
        assert_eq!(summary(&box_problems(&dataset)), [], "{name}");
    }
}

#[test]
fn hostile_text_the_box_would_show_is_reported_with_its_scope() {
    let mut ds = dataset();
    ds.license.name = " ".into();
    ds.license.url = "javascript:alert(1)".into();
    ds.bodies[2].name = String::new();
    ds.organisations[0].name = "\t".into();
    ds.partnerships[0].topics.push(String::new());
    ds.partnerships[1].description = " ".into();
    ds.partnerships[1].partners[0].role = Some(" ".into());
    ds.partnerships[2].sources[0].title = Some(String::new());
    ds.partnerships[3].sources[0].publisher = Some(String::new());
    ds.partnerships[4].sources[0].date = Some("gestern".into());
    ds.partnerships[5].partners[0].reported = Some("2026-02-30".into());
    // Left to publishing.
    ds.partnerships[5].id = ds.partnerships[0].id.clone();
    ds.organisations[1].members[0].key = Some("0".into());
    ds.modified = "2026".into();

    let part = box_problems(&ds);
    let found: Vec<(&str, &str, Scope)> = part
        .iter()
        .map(|p| (p.rule.code(), p.pointer.as_str(), p.scope))
        .collect();
    assert_eq!(
        found,
        [
            ("E101", "/license/name", Scope::Dataset),
            ("E103", "/license/url", Scope::Dataset),
            ("E101", "/bodies/2/name", Scope::Dataset),
            ("E101", "/organisations/0/name", Scope::Dataset),
            ("E101", "/partnerships/0/topics/4", Scope::Partnership(0)),
            ("E101", "/partnerships/1/description", Scope::Partnership(1)),
            (
                "E101",
                "/partnerships/1/partners/0/role",
                Scope::Partnership(1)
            ),
            (
                "E101",
                "/partnerships/2/sources/0/title",
                Scope::Partnership(2)
            ),
            (
                "E101",
                "/partnerships/3/sources/0/publisher",
                Scope::Partnership(3)
            ),
            (
                "E102",
                "/partnerships/4/sources/0/date",
                Scope::Partnership(4)
            ),
            (
                "E102",
                "/partnerships/5/partners/0/reported",
                Scope::Partnership(5)
            ),
        ]
    );
    assert_box_is_part_of_full(&part, &full_problems(&ds), "hostile");
}

#[test]
fn the_shipped_dataset_passes_both_and_chunks_change_nothing() {
    let ds = dataset();
    assert_eq!(summary(&box_problems(&ds)), []);
    let mut validator = Validator::new(&ds, None);
    validator.partnerships(0..ds.partnerships.len());
    assert_eq!(summary(&validator.finish()), []);

    let mut broken = dataset();
    for p in &mut broken.partnerships {
        p.title.clear();
    }
    let mut whole = DisplayCheck::new(&broken);
    whole.partnerships(0..broken.partnerships.len());
    assert_eq!(box_problems(&broken), whole.finish());
    assert_eq!(box_problems(&broken).len(), broken.partnerships.len());
}
