//! The shipped dataset: it validates, and it says what FACTS.md says (the six
//! partnerships, their partners and dates), nothing more.

mod common;

use common::dataset;
use partnerships_widget::model::dataset::{Dataset, Kind, PartyRef, Status};
use partnerships_widget::model::validate::{validate, Scope};

/// A party as one comparable string: the key, `org:<id>` or `name:<name>`.
fn describe(party: Option<PartyRef<'_>>) -> String {
    match party.expect("exactly one of key, org, name") {
        PartyRef::Key(k) => k.to_owned(),
        PartyRef::Org(o) => format!("org:{o}"),
        PartyRef::Name(n) => format!("name:{n}"),
    }
}

fn partners(dataset: &Dataset, id: &str) -> Vec<(String, Option<String>)> {
    let p = dataset.partnerships.iter().find(|p| p.id == id).unwrap();
    p.partners
        .iter()
        .map(|partner| (describe(partner.party()), partner.since.clone()))
        .collect()
}

fn owned(list: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    list.iter()
        .map(|(w, s)| (w.to_string(), s.map(str::to_owned)))
        .collect()
}

#[test]
fn the_shipped_dataset_is_valid() {
    let problems = validate(&dataset());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn it_has_the_six_partnerships_of_the_facts_and_no_others() {
    let ds = dataset();
    let mut ids: Vec<(&str, Kind, Status)> = ds
        .partnerships
        .iter()
        .map(|p| (p.id.as_str(), p.kind, p.status))
        .collect();
    ids.sort_by_key(|(id, _, _)| *id);
    assert_eq!(
        ids,
        [
            (
                "it-allianz-nord-aoer",
                Kind::AnstaltOeffentlichenRechts,
                Status::Active
            ),
            (
                "nordallianz-twinby-digitaler-zwilling",
                Kind::Foerderantrag,
                Status::Applied
            ),
            (
                "ost-niedersachsen-digitalisierung",
                Kind::InterkommunaleKooperation,
                Status::Active
            ),
            (
                "sh-amt-foehr-amrum-verwaltungskooperation",
                Kind::Verwaltungskooperation,
                Status::Active
            ),
            (
                "sh-mv-digitale-souveraenitaet",
                Kind::Kooperationsvereinbarung,
                Status::Active
            ),
            (
                "stadtwerke-luebeck-solutions-kommanditisten",
                Kind::Gesellschaftsbeteiligung,
                Status::Active
            ),
        ]
    );
    assert_eq!(ds.license.id, "dl-de/by-2-0");
    assert!(ds.partnerships.iter().all(|p| !p.sources.is_empty()));
}

#[test]
fn partners_and_dates_are_those_of_the_facts() {
    let ds = dataset();
    assert_eq!(
        partners(&ds, "it-allianz-nord-aoer"),
        owned(&[("01060", Some("2025-07-01")), ("01053", Some("2025-07-01"))])
    );
    assert_eq!(
        partners(&ds, "stadtwerke-luebeck-solutions-kommanditisten"),
        owned(&[
            ("org:stadtwerke-luebeck-solutions", Some("2025-12-08")),
            ("01053090", Some("2025-12-08")),
            ("01060", Some("2025-12-08")),
            ("org:it-allianz-nord", Some("2025-12-08")),
        ])
    );
    // The signing date of the SH–MV agreement is not given: unknown, not guessed.
    assert_eq!(
        partners(&ds, "sh-mv-digitale-souveraenitaet"),
        owned(&[("01", None), ("13", None)])
    );
    assert_eq!(
        partners(&ds, "sh-amt-foehr-amrum-verwaltungskooperation"),
        owned(&[("01", None), ("010545488", None)])
    );
    // Each partner's own date: Gifhorn joined later (only the report is dated).
    assert_eq!(
        partners(&ds, "ost-niedersachsen-digitalisierung"),
        owned(&[
            ("03103000", Some("2020-09")),
            ("03101000", Some("2020-09")),
            ("03102000", Some("2020-09")),
            ("03151", None),
        ])
    );
    assert_eq!(
        partners(&ds, "nordallianz-twinby-digitaler-zwilling"),
        owned(&[("org:nordallianz-muenchen-nord", None)])
    );
}

#[test]
fn organisations_name_their_members_and_owners() {
    let ds = dataset();
    let members = |id: &str| -> Vec<String> {
        let org = ds.organisations.iter().find(|o| o.id == id).unwrap();
        org.members.iter().map(|m| describe(m.party())).collect()
    };
    assert_eq!(members("it-allianz-nord"), ["01060", "01053"]);
    assert_eq!(members("stadtwerke-luebeck"), ["01003000"]);
    assert_eq!(
        members("stadtwerke-luebeck-solutions"),
        ["org:stadtwerke-luebeck"]
    );
    let nordallianz = members("nordallianz-muenchen-nord");
    assert_eq!(nordallianz.len(), 8);
    assert_eq!(nordallianz[0], "09178120", "only Eching's key is known");
}

#[test]
fn twinby_is_never_attached_to_schleswig_holstein() {
    let ds = dataset();
    for p in &ds.partnerships {
        let text = format!("{} {} {:?}", p.title, p.description, p.topics);
        if text.contains("TwinBy") {
            assert!(p
                .partners
                .iter()
                .all(|partner| partner.key.as_deref().is_none_or(|k| !k.starts_with("01"))));
            assert_eq!(
                p.partners[0].org.as_deref(),
                Some("nordallianz-muenchen-nord")
            );
        }
    }
}

#[test]
fn validation_reports_each_problem_with_its_pointer() {
    let mut ds = dataset();
    ds.schema_version = "2.0.0".into();
    ds.partnerships[1].partners[1].key = Some("01O53".into());
    ds.partnerships[2].partners[0].since = Some("März 2025".into());
    ds.partnerships[3].sources[0].url = Some("javascript:alert(1)".into());
    ds.partnerships[4].partners[0].key = None;
    ds.partnerships[4].partners[0].org = Some("does-not-exist".into());
    ds.partnerships[5].id = ds.partnerships[0].id.clone();
    ds.organisations[0].members[0].org = Some("it-allianz-nord".into());
    let problems = validate(&ds);
    let pointers: Vec<(&str, &str, Scope)> = problems
        .iter()
        .map(|p| (p.rule.code(), p.pointer.as_str(), p.scope))
        .collect();
    assert_eq!(
        pointers,
        [
            ("E100", "/schemaVersion", Scope::Dataset),
            ("E107", "/organisations/0/members/0", Scope::Dataset),
            (
                "E104",
                "/partnerships/1/partners/1/key",
                Scope::Partnership(1)
            ),
            (
                "E102",
                "/partnerships/2/partners/0/since",
                Scope::Partnership(2)
            ),
            (
                "E103",
                "/partnerships/3/sources/0/url",
                Scope::Partnership(3)
            ),
            (
                "E106",
                "/partnerships/4/partners/0/org",
                Scope::Partnership(4)
            ),
            ("E109", "/partnerships/5/id", Scope::Partnership(5)),
        ]
    );
    assert!(problems[0].message.contains("unsupported schema version"));
    assert!(problems[4].message.contains("http"));
}
