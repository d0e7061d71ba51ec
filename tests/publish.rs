//! Publishing: every slice selects exactly what the full dataset selects for
//! its host, every fallback slice (Kreis, Land) is a superset for the bodies
//! inside it, and the published files are consistent.

mod common;

use common::dataset;
use partnerships_widget::model::dataset::Dataset;
use partnerships_widget::model::key::{Level, OfficialKey};
use partnerships_widget::model::selection::{Index, Route};
use partnerships_widget::tools::publish::{candidate_hosts, publish, slice_for, Slicer, LAENDER};

type Selection = Vec<(Route, Option<String>, Vec<String>)>;

fn selection(dataset: &Dataset, host: &OfficialKey) -> Selection {
    Index::new(dataset)
        .select(host)
        .into_iter()
        .map(|g| {
            (
                g.route,
                g.through,
                g.partnerships.iter().map(|p| p.id.clone()).collect(),
            )
        })
        .collect()
}

fn key(k: &str) -> OfficialKey {
    k.parse().unwrap()
}

#[test]
fn each_slice_selects_exactly_what_the_full_dataset_selects() {
    let ds = dataset();
    let index = Index::new(&ds);
    let hosts = candidate_hosts(&ds);
    assert!(hosts.contains("01060") && hosts.contains("01") && hosts.contains("09178120"));
    let slicer = Slicer::new(&index);
    let mut with_slice = 0;
    for host in &hosts {
        let host = key(host);
        let full = selection(&ds, &host);
        // The area index finds exactly what the full scan finds, and the
        // slice put together from serialised parts is byte for byte the
        // serialised slice.
        assert_eq!(
            slicer.slice_json(&host).map(|(bytes, _)| bytes),
            slice_for(&index, &host).map(|s| serde_json::to_vec(&s).unwrap()),
            "{host}"
        );
        match slice_for(&index, &host) {
            Some(slice) => {
                with_slice += 1;
                assert_eq!(selection(&slice, &host), full, "slice of {host}");
                assert!(
                    partnerships_widget::model::validate::validate(&slice).is_empty(),
                    "slice of {host} is a valid dataset"
                );
                // Only what the host shows.
                let shown: usize = full.iter().map(|(_, _, ids)| ids.len()).sum();
                assert_eq!(slice.partnerships.len(), shown, "slice of {host}");
            }
            None => assert!(full.is_empty(), "{host} shows something but has no slice"),
        }
    }
    assert!(with_slice >= 15, "{with_slice} slices");
}

#[test]
fn kreis_and_land_slices_hold_everything_the_bodies_inside_them_show() {
    let ds = dataset();
    let index = Index::new(&ds);
    // Bodies the data does not mention, and some it does.
    for inner in [
        "01060001",
        "010600010001",
        "01053090",
        "01053001",
        "010545488",
        "010545488001",
        "01054001",
        "03151001",
        "09178120",
        "09178999",
        "05315000",
    ] {
        let inner = key(inner);
        for outer in [inner.kreis_key(), Some(inner.land_key())]
            .into_iter()
            .flatten()
        {
            let wider = slice_for(&index, &outer).unwrap_or_else(|| Dataset {
                partnerships: vec![],
                organisations: vec![],
                ..ds.clone()
            });
            assert_eq!(
                selection(&wider, &inner),
                selection(&ds, &inner),
                "{inner} from the slice of {outer}"
            );
        }
    }
}

#[test]
fn publish_writes_every_file_with_its_hash() {
    let ds = dataset();
    let dir = std::env::temp_dir().join(format!("dp-publish-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let summary = publish(
        ds.clone(),
        &dir,
        Some("https://example.org/partnerschaften/"),
    )
    .unwrap();
    assert_eq!(summary.partnerships, 6);

    let read = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(dir.join(name)).unwrap()).unwrap()
    };
    let full: Dataset = serde_json::from_value(read("partnerships.json")).unwrap();
    assert_eq!(
        full.partnerships, ds.partnerships,
        "normalised, nothing lost"
    );
    assert!(
        !std::fs::read_to_string(dir.join("partnerships.json"))
            .unwrap()
            .contains('\n'),
        "minified"
    );

    // Every Land has a slice, even an empty one (the box's signal that slices exist).
    for land in LAENDER {
        let slice: Dataset = serde_json::from_value(read(&format!("slices/{land}.json"))).unwrap();
        if land == "05" {
            assert!(slice.partnerships.is_empty());
        }
    }
    let index = read("slices/index.json");
    assert_eq!(index["slices"]["01060"]["partnerships"], 3);
    assert!(index["slices"].get("05315000").is_none());

    let dcat = read("dcat.jsonld");
    assert_eq!(dcat["@type"], "dcat:Dataset");
    assert_eq!(
        dcat["dct:license"]["@id"],
        "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
    );
    assert_eq!(dcat["dct:modified"]["@value"], ds.modified);
    let spatial = dcat["dct:spatial"].to_string();
    assert!(spatial.contains("stateKey/01") && spatial.contains("districtKey/01060"));
    assert!(dcat["dcat:distribution"][0]["dcat:downloadURL"]["@id"]
        .as_str()
        .unwrap()
        .starts_with("https://example.org/partnerschaften/partnerships.json"));

    let manifest = read("manifest.json");
    let files = manifest["files"].as_object().unwrap();
    assert!(files.contains_key("partnerships.json") && files.contains_key("dcat.jsonld"));
    for (name, entry) in files {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert_eq!(entry["bytes"], bytes.len(), "{name}");
        use sha2::Digest;
        let hex: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(entry["sha256"], hex, "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn at_national_scale_slices_from_parts_equal_slices_from_a_full_scan() {
    // The synthetic Germany: the area index and the serialised parts must
    // agree with a full scan for every kind of host, not only on six
    // partnerships. A sample keeps the test fast in a debug build.
    let ds = partnerships_widget::tools::generate::generate(11);
    let index = Index::new(&ds);
    let slicer = Slicer::new(&index);
    let hosts: Vec<OfficialKey> = candidate_hosts(&ds).iter().map(|h| key(h)).collect();
    let mut compared = 0;
    for level in [Level::Land, Level::Kreis, Level::Verband, Level::Gemeinde] {
        let of_level: Vec<&OfficialKey> = hosts.iter().filter(|h| h.level() == level).collect();
        assert!(!of_level.is_empty(), "{level:?} hosts exist");
        for host in of_level.iter().step_by(of_level.len().div_ceil(6)) {
            let fast = slicer.slice_json(host).map(|(bytes, _)| bytes);
            let full = slice_for(&index, host).map(|s| serde_json::to_vec(&s).unwrap());
            assert_eq!(fast, full, "{host}");
            compared += usize::from(fast.is_some());
        }
    }
    assert!(compared >= 20, "{compared} slices compared");
}
