//! The selection for a host, pinned exactly on the shipped real dataset:
//! every group (route and the body it comes through) and every partnership
//! in it, in display order, nothing extra.

mod common;

use common::dataset;
use partnerships_widget::model::selection::{Index, Route};

const P1: &str = "it-allianz-nord-aoer";
const P2: &str = "stadtwerke-luebeck-solutions-kommanditisten";
const P3: &str = "sh-mv-digitale-souveraenitaet";
const P4: &str = "sh-amt-foehr-amrum-verwaltungskooperation";
const P5: &str = "ost-niedersachsen-digitalisierung";
const P6: &str = "nordallianz-twinby-digitaler-zwilling";

type Expected<'a> = Vec<(Route, Option<&'a str>, Vec<&'a str>)>;

fn selection_of(host: &str) -> Expected<'static> {
    let dataset = Box::leak(Box::new(dataset()));
    let index = Index::new(dataset);
    index
        .select(&host.parse().unwrap())
        .into_iter()
        .map(|g| {
            let through: Option<&'static str> = g.through.map(|t| &*Box::leak(t.into_boxed_str()));
            (
                g.route,
                through,
                g.partnerships.iter().map(|p| p.id.as_str()).collect(),
            )
        })
        .collect()
}

fn check(host: &str, expected: Expected<'_>) {
    assert_eq!(selection_of(host), expected, "selection for host {host}");
}

#[test]
fn kreis_segeberg() {
    check(
        "01060",
        vec![
            (Route::Direct, None, vec![P2, P1]),
            (Route::Parent, Some("Land Schleswig-Holstein"), vec![P3]),
        ],
    );
}

#[test]
fn kreis_herzogtum_lauenburg_sees_the_stadtwerke_through_the_it_allianz() {
    check(
        "01053",
        vec![
            (Route::Direct, None, vec![P1]),
            (Route::Membership, Some("IT-Allianz Nord AöR"), vec![P2]),
            (Route::Parent, Some("Land Schleswig-Holstein"), vec![P3]),
        ],
    );
}

#[test]
fn stadt_moelln() {
    check(
        "01053090",
        vec![
            (Route::Direct, None, vec![P2]),
            (Route::Parent, Some("Kreis Herzogtum Lauenburg"), vec![P1]),
            (Route::Parent, Some("Land Schleswig-Holstein"), vec![P3]),
        ],
    );
}

#[test]
fn hansestadt_luebeck_sees_the_solutions_through_its_stadtwerke() {
    check(
        "01003000",
        vec![
            (Route::Membership, Some("Stadtwerke Lübeck"), vec![P2]),
            (Route::Parent, Some("Land Schleswig-Holstein"), vec![P3]),
        ],
    );
    // The 12-digit ARS of the same Gemeinde selects the same.
    assert_eq!(selection_of("010030000000"), selection_of("01003000"));
}

#[test]
fn kreis_nordfriesland_sees_foehr_amrum_inside_and_not_via_the_land() {
    check(
        "01054",
        vec![
            (Route::Parent, Some("Land Schleswig-Holstein"), vec![P3]),
            (Route::Within, Some("Amt Föhr-Amrum"), vec![P4]),
        ],
    );
}

#[test]
fn amt_foehr_amrum() {
    check(
        "010545488",
        vec![
            (Route::Direct, None, vec![P4]),
            (Route::Parent, Some("Land Schleswig-Holstein"), vec![P3]),
        ],
    );
}

#[test]
fn land_schleswig_holstein() {
    check(
        "01",
        vec![
            (Route::Direct, None, vec![P4, P3]),
            (Route::Within, Some("Stadt Mölln, Kreis Segeberg"), vec![P2]),
            (
                Route::Within,
                Some("Kreis Segeberg, Kreis Herzogtum Lauenburg"),
                vec![P1],
            ),
        ],
    );
}

#[test]
fn land_mecklenburg_vorpommern() {
    check("13", vec![(Route::Direct, None, vec![P3])]);
}

#[test]
fn stadt_wolfsburg_and_landkreis_gifhorn() {
    check("03103000", vec![(Route::Direct, None, vec![P5])]);
    check("03151", vec![(Route::Direct, None, vec![P5])]);
}

#[test]
fn eching_sees_twinby_through_the_nordallianz_and_nothing_from_schleswig_holstein() {
    check(
        "09178120",
        vec![(
            Route::Membership,
            Some("NordAllianz Metropolregion München Nord"),
            vec![P6],
        )],
    );
}

#[test]
fn a_gemeinde_in_kreis_segeberg_sees_the_it_allianz_via_its_kreis() {
    check(
        "01060001",
        vec![
            (Route::Membership, Some("IT-Allianz Nord AöR"), vec![P2]),
            (Route::Parent, Some("Kreis Segeberg"), vec![P1]),
            (Route::Parent, Some("Land Schleswig-Holstein"), vec![P3]),
        ],
    );
}

#[test]
fn an_unknown_key_of_valid_shape_sees_nothing() {
    check("05315000", vec![]);
    check("05", vec![]);
}
