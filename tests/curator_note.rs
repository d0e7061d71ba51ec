//! A partnership's `description` is for citizens and `curatorNote` for the
//! dataset's curators: the box's view of a partnership (which the live box
//! and the static HTML both draw) and the static HTML show the description,
//! never the note.

mod common;

use common::dataset;
use partnerships_widget::model::key::OfficialKey;
use partnerships_widget::presentation::HostBox;
use partnerships_widget::texts::Lang;
use partnerships_widget::tools::render::render;

const TWINBY: &str = "nordallianz-twinby-digitaler-zwilling";

/// The hosts that show the TwinBy partnership: Eching, its Kreis, its Land.
const HOSTS: [&str; 3] = ["09178120", "09178", "09"];

fn twinby() -> (String, String) {
    let ds = dataset();
    let partnership = ds.partnerships.iter().find(|p| p.id == TWINBY).unwrap();
    let note = partnership
        .curator_note
        .clone()
        .expect("TwinBy has a curator note");
    assert!(
        !partnership.description.contains("IT-Allianz Nord"),
        "the note for curators is no longer part of the description"
    );
    (partnership.description.clone(), note)
}

#[test]
fn the_box_shows_the_description_and_not_the_curator_note() {
    let (description, note) = twinby();
    let ds = dataset();
    for host in HOSTS {
        let key: OfficialKey = host.parse().unwrap();
        for lang in [Lang::De, Lang::En] {
            let view = HostBox::new(&ds, &key, lang);
            let page = view.page(&ds, 0, view.count);
            let items: Vec<_> = page.iter().flat_map(|g| g.items.iter()).collect();
            let item = items.iter().find(|i| i.id == TWINBY).expect(host);
            assert_eq!(item.description, description, "{host}");
            let everything = format!("{view:?} {page:?}");
            assert!(!everything.contains(&note), "{host}: {everything}");
        }
    }
}

#[test]
fn the_static_html_shows_the_description_and_not_the_curator_note() {
    let (description, note) = twinby();
    let first_sentence = description.split(". ").next().unwrap();
    for host in HOSTS {
        for lang in [Lang::De, Lang::En] {
            let html = render(&dataset(), &host.parse().unwrap(), lang);
            assert!(html.contains(first_sentence), "{host}: {html}");
            assert!(!html.contains(&note), "{host}");
            assert!(!html.contains("verwechseln"), "{host}");
        }
    }
}
