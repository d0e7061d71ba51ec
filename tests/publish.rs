//! Publishing: one slice per area at the address computed from the key
//! alone; selecting from a key's area slice equals selecting from the full
//! dataset, for every key of the dataset and of the register and for keys
//! neither names; slices are valid datasets holding exactly what the bodies
//! inside their area show; the published files are consistent.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::dataset;
use partnerships_widget::model::address::{area_of, slice_path, SLICES_DIR};
use partnerships_widget::model::dataset::Dataset;
use partnerships_widget::model::key::{Level, OfficialKey};
use partnerships_widget::model::selection::{Index, Route};
use partnerships_widget::model::validate::validate;
use partnerships_widget::tools::dcat::Metadata;
use partnerships_widget::tools::publish::{area_slice, areas, named_keys, publish, Slicer};
use partnerships_widget::tools::register::{Register, DEFAULT_PATH};

/// The publisher's values checked into the repository.
const PUBLISH_JSON: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/publish.json");

/// The register `scripts/setup` installs.
fn register() -> Register {
    Register::read(Path::new(DEFAULT_PATH)).expect("the register is missing: run scripts/setup")
}

type Selection = Vec<(Route, Option<String>, Vec<String>)>;

fn selection(index: &Index<'_>, host: &OfficialKey) -> Selection {
    index
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

/// A folder of its own for one test's published files, removed afterwards.
struct Published(PathBuf);

impl Published {
    fn new(name: &str, register: Option<&Register>) -> Self {
        let dir = std::env::temp_dir().join(format!("dp-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let metadata = Metadata::read(Path::new(PUBLISH_JSON)).unwrap();
        publish(dataset(), &dir, &metadata, register).unwrap();
        Published(dir)
    }

    fn json(&self, name: &str) -> serde_json::Value {
        let bytes = std::fs::read(self.0.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        serde_json::from_slice(&bytes).unwrap()
    }

    fn dataset(&self, name: &str) -> Dataset {
        serde_json::from_value(self.json(name)).unwrap()
    }
}

impl Drop for Published {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Keys no dataset names: Gemeinden (AGS and ARS), an Amt, a
/// Regierungsbezirk, the city-states' Land-wide keys, a kreisfreie Stadt.
const UNNAMED: [&str; 13] = [
    "01060001",
    "010600010001",
    "01053001",
    "010545488001",
    "010545489",
    "01054001",
    "03151001",
    "09178999",
    "09184119",
    "05315000",
    "05300",
    "11000000",
    "020000000000",
];

#[test]
fn every_key_selects_from_its_one_address_what_it_selects_from_the_full_dataset() {
    let register = register();
    let published = Published::new("publish-keys", Some(&register));
    let full = dataset();
    let full_index = Index::new(&full);

    let mut keys: BTreeSet<String> = named_keys(&full).map(|k| k.to_string()).collect();
    let named = keys.len();
    for entry in register.entries() {
        keys.insert(entry.key.clone());
        // A Gemeinde of every Kreis, as AGS.
        keys.insert(format!("{}001", entry.key));
    }
    keys.extend(UNNAMED.iter().map(|k| (*k).to_owned()));
    assert!(keys.len() > named + 800, "{} keys", keys.len());

    let mut slices: BTreeMap<String, Dataset> = BTreeMap::new();
    let (mut showing, mut empty) = (0, 0);
    for text in &keys {
        let host = key(text);
        let path = slice_path(&host);
        assert!(
            published.0.join(&path).is_file(),
            "{text}: {path} does not exist"
        );
        let slice = slices
            .entry(path.clone())
            .or_insert_with(|| published.dataset(&path));
        let expected = selection(&full_index, &host);
        assert_eq!(
            selection(&Index::new(slice), &host),
            expected,
            "{text} from {path}"
        );
        if expected.is_empty() {
            empty += 1;
        } else {
            showing += 1;
        }
    }
    // Both kinds are there: keys that show partnerships, and register
    // Kreise (and their Gemeinden) that show none.
    assert!(
        showing >= 20 && empty >= 700,
        "{showing} showing, {empty} empty"
    );
    assert!(slices.len() > 400, "{} slices read", slices.len());
}

#[test]
fn slices_are_valid_datasets_holding_exactly_what_the_bodies_inside_show() {
    let register = register();
    let full = dataset();
    let index = Index::new(&full);
    let slicer = Slicer::new(&index);
    let areas = areas(&full, Some(&register));
    assert_eq!(
        areas.iter().filter(|a| a.level() == Level::Land).count(),
        16
    );
    assert!(areas.len() >= 16 + 399, "{} areas", areas.len());
    for area in &areas {
        assert_eq!(area_of(area), area.to_string(), "an area is its own area");
        // The definition, put together the plain way: the union of what the
        // area and every key of the dataset inside it select.
        let slice = area_slice(&index, area);
        let hosts: Vec<OfficialKey> = named_keys(&full)
            .filter(|k| area_of(k) == area.to_string())
            .chain([*area])
            .collect();
        let mut shown: Vec<&str> = hosts
            .iter()
            .flat_map(|h| index.select(h))
            .flat_map(|g| g.partnerships)
            .map(|p| p.id.as_str())
            .collect();
        shown.sort_unstable();
        shown.dedup();
        let mut held: Vec<&str> = slice.partnerships.iter().map(|p| p.id.as_str()).collect();
        held.sort_unstable();
        assert_eq!(held, shown, "slice of {area}");
        assert!(validate(&slice).is_empty(), "slice of {area} is valid");
        // The fast slicer writes the same bytes.
        let (bytes, count) = slicer.slice_json(area);
        assert_eq!(bytes, serde_json::to_vec(&slice).unwrap(), "{area}");
        assert_eq!(count, slice.partnerships.len(), "{area}");
    }
    // Each slice holds its area, not more: Gifhorn has the Ost-Niedersachsen
    // partnership and nothing of Schleswig-Holstein; Oberallgäu has nothing.
    let titles = |area: &str| -> Vec<String> {
        area_slice(&index, &key(area))
            .partnerships
            .iter()
            .map(|p| p.title.clone())
            .collect()
    };
    let gifhorn = titles("03151");
    assert_eq!(gifhorn.len(), 1, "{gifhorn:?}");
    assert!(titles("09780").is_empty());
    assert!(titles("01").len() > titles("01060").len());
}

#[test]
fn only_the_city_states_have_a_kreis_of_the_register_that_lies_in_no_kreis() {
    // The address rule sends keys with Kreis digits 00 to their Land; in
    // the register those are exactly Hamburg and Berlin.
    let register = register();
    let land_wide: Vec<&str> = register
        .entries()
        .iter()
        .map(|e| e.key.as_str())
        .filter(|k| area_of(&key(k)).len() == 2)
        .collect();
    assert_eq!(land_wide, ["02000", "11000"]);
    assert!(register.entries().len() >= 400);
}

#[test]
fn publish_writes_every_file_with_its_hash() {
    let ds = dataset();
    let published = Published::new("publish-files", Some(&register()));
    let full: Dataset = published.dataset("partnerships.json");
    assert_eq!(
        full.partnerships, ds.partnerships,
        "normalised, nothing lost"
    );
    assert!(
        !std::fs::read_to_string(published.0.join("partnerships.json"))
            .unwrap()
            .contains('\n'),
        "minified"
    );

    // The index lists every slice written, and nothing else is in the folder.
    let index = published.json(&format!("{SLICES_DIR}/index.json"));
    let listed = index["slices"].as_object().unwrap();
    let mut on_disk: Vec<String> = std::fs::read_dir(published.0.join(SLICES_DIR))
        .unwrap()
        .map(|f| f.unwrap().file_name().into_string().unwrap())
        .filter(|f| f != "index.json")
        .collect();
    on_disk.sort();
    let mut named: Vec<String> = listed.keys().map(|a| format!("{a}.json")).collect();
    named.sort();
    assert_eq!(on_disk, named);
    for (area, entry) in listed {
        let file = entry["file"].as_str().unwrap();
        assert_eq!(file, slice_path(&key(area)));
        let slice = published.dataset(file);
        assert_eq!(entry["partnerships"], slice.partnerships.len(), "{area}");
    }
    assert_eq!(index["datasetVersion"], ds.dataset_version);

    // The open-data catalog is tests/dcat.rs's; here: every file has its
    // entry, the manifest itself aside.
    let manifest = published.json("manifest.json");
    let files = manifest["files"].as_object().unwrap();
    let mut written: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(&published.0).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if entry.file_type().unwrap().is_dir() {
            for inner in std::fs::read_dir(entry.path()).unwrap() {
                let inner = inner.unwrap().file_name().into_string().unwrap();
                written.push(format!("{name}/{inner}"));
            }
        } else if name != "manifest.json" {
            written.push(name);
        }
    }
    written.sort();
    assert_eq!(files.keys().cloned().collect::<Vec<_>>(), written);
    assert!(files.contains_key("partnerships.schema.json"));
    assert!(files.len() > listed.len() + 2);
    for (name, entry) in files {
        let bytes = std::fs::read(published.0.join(name)).unwrap();
        assert_eq!(entry["bytes"], bytes.len(), "{name}");
        use sha2::Digest;
        let hex: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(entry["sha256"], hex, "{name}");
    }
}

#[test]
fn without_the_register_the_laender_and_the_datasets_kreise_have_slices() {
    let published = Published::new("publish-unregistered", None);
    let index = published.json(&format!("{SLICES_DIR}/index.json"));
    let listed: Vec<&String> = index["slices"].as_object().unwrap().keys().collect();
    let mut expected: BTreeSet<String> = (1..=16).map(|l| format!("{l:02}")).collect();
    expected.extend(named_keys(&dataset()).map(|k| area_of(&k)));
    assert_eq!(listed, expected.iter().collect::<Vec<_>>());
}

#[test]
fn at_national_scale_the_fast_slices_equal_the_plain_ones() {
    // The synthetic Germany: the area index and the serialised parts must
    // agree with the plain union for Länder and Kreise, and the hosts inside
    // must select from their slice what they select from the full dataset.
    // A sample keeps the test fast in a debug build.
    let ds = partnerships_widget::tools::generate::generate(11);
    let index = Index::new(&ds);
    let slicer = Slicer::new(&index);
    let areas = areas(&ds, None);
    let mut compared = 0;
    for (level, sample) in [(Level::Land, 2), (Level::Kreis, 4)] {
        let of_level: Vec<&OfficialKey> = areas.iter().filter(|a| a.level() == level).collect();
        // One more than an even spread, so the sample is not every Land's first Kreis.
        for area in of_level.iter().step_by(of_level.len().div_ceil(sample) + 1) {
            let slice = area_slice(&index, area);
            let (bytes, _) = slicer.slice_json(area);
            assert_eq!(bytes, serde_json::to_vec(&slice).unwrap(), "{area}");
            let sliced = Index::new(&slice);
            let name = area.to_string();
            // Keys of every level inside, and a Gemeinde no dataset names.
            let mut inside: BTreeSet<String> = named_keys(&ds)
                .filter(|k| area_of(k) == name)
                .map(|k| k.to_string())
                .collect();
            inside.insert(if level == Level::Land {
                format!("{name}000999")
            } else {
                format!("{name}999")
            });
            let step = inside.len().div_ceil(8);
            for host in inside.iter().step_by(step).map(|k| key(k)) {
                assert_eq!(
                    selection(&sliced, &host),
                    selection(&index, &host),
                    "{host} from the slice of {area}"
                );
            }
            compared += 1;
        }
    }
    assert!(compared >= 6, "{compared} areas compared");
}
