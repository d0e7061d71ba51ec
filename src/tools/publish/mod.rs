//! Publishing: what the box and open-data portals need, from one dataset.
//!
//! * `partnerships.json`: the dataset, normalised and minified;
//! * `partnerships.schema.json`: its schema;
//! * `slices/AREA.json`: one slice per area
//!   ([`address`](crate::model::address): every Land, every Kreis and
//!   kreisfreie Stadt of the official register and of the dataset), a valid
//!   dataset holding exactly what the bodies inside the area show (and the
//!   bodies and organisations that needs), so a box computes its one
//!   address from its key, downloads only its area and selects exactly as
//!   on the full dataset;
//! * `slices/index.json`: the areas written;
//! * `catalog.jsonld`, `catalog.ttl`: the DCAT-AP.de catalog holding the
//!   dataset ([`dcat`](super::dcat));
//! * `manifest.json`: SHA-256 and size of every file above.
//!
//! Here the steps; `areas` says which areas exist, `slice` what a slice
//! is, `slicer` and `parts` build slices fast, `files` writes and hashes,
//! `threads` spreads the slices over the cores.

mod areas;
mod files;
mod parts;
mod slice;
mod slicer;
mod threads;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

pub use areas::{areas, candidate_hosts, named_keys};
pub use slice::area_slice;
pub use slicer::Slicer;

use super::dcat::{Catalog, FileFacts, Metadata, CATALOG_JSONLD, CATALOG_TURTLE};
use super::register::Register;
use super::{load_valid, ToolError};
use crate::model::address::{area_path, SLICES_DIR};
use crate::model::dataset::Dataset;
use crate::model::key::Level;
use crate::model::schema::json_schema;
use crate::model::selection::Index;
use files::Manifest;

/// What a publish wrote.
#[derive(Debug, Default)]
pub struct Summary {
    /// Partnerships in the full dataset.
    pub partnerships: usize,
    /// Slices of Länder written.
    pub land_slices: usize,
    /// Slices of Kreise and kreisfreie Städte written.
    pub kreis_slices: usize,
    /// Size of the largest slice, bytes.
    pub largest_slice: usize,
    /// Bytes of the full minified dataset.
    pub full_bytes: usize,
    /// True when the register's Kreise got their slices too.
    pub with_register: bool,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "published {} partnerships ({} bytes) and {} area slices: {} Länder, {} Kreise \
             and kreisfreie Städte (largest {} bytes)",
            self.partnerships,
            self.full_bytes,
            self.land_slices + self.kreis_slices,
            self.land_slices,
            self.kreis_slices,
            self.largest_slice
        )?;
        if !self.with_register {
            f.write_str("; without the register, only the Kreise the dataset names")?;
        }
        Ok(())
    }
}

/// Serialised, minified JSON of a dataset type.
fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("the dataset types always serialise")
}

/// Publishes `dataset` into `dir` (see the module documentation), with a
/// slice for every Kreis of `register`. It takes the dataset so as to
/// point it at the published schema without a copy: publishing holds the
/// dataset, its entries serialised once and one slice per thread, never
/// all slices.
pub fn publish(
    mut dataset: Dataset,
    dir: &Path,
    metadata: &Metadata,
    register: Option<&Register>,
) -> Result<Summary, ToolError> {
    dataset.schema = Some("partnerships.schema.json".into());
    let full = json(&dataset);
    dataset.schema = None;
    let dataset = &dataset;
    let mut manifest = Manifest::new(dir);
    let mut summary = Summary {
        partnerships: dataset.partnerships.len(),
        with_register: register.is_some(),
        ..Summary::default()
    };
    summary.full_bytes = manifest.write("partnerships.json", &full)?;
    drop(full);
    manifest.write("partnerships.schema.json", json_schema().as_bytes())?;

    let index = Index::new(dataset);
    let slicer = Slicer::new(&index);
    let areas = areas(dataset, register);
    let written = threads::each(&areas, |area| {
        let (bytes, partnerships) = slicer.slice_json(area);
        let name = area_path(&area.to_string());
        let entry = files::put(dir, &name, &bytes)?;
        Ok((name, entry, partnerships))
    })?;
    let mut listed = BTreeMap::new();
    for (area, (name, entry, partnerships)) in areas.iter().zip(written) {
        if area.level() == Level::Land {
            summary.land_slices += 1;
        } else {
            summary.kreis_slices += 1;
        }
        summary.largest_slice = summary.largest_slice.max(entry.bytes);
        listed.insert(
            area.to_string(),
            serde_json::json!({ "file": name, "partnerships": partnerships }),
        );
        manifest.list(name, entry);
    }
    let slice_index = serde_json::json!({
        "schemaVersion": dataset.schema_version,
        "datasetVersion": dataset.dataset_version,
        "modified": dataset.modified,
        "slices": listed,
    });
    manifest.write(&format!("{SLICES_DIR}/index.json"), &json(&slice_index))?;
    let catalog = Catalog::new(dataset, metadata, |name| {
        manifest.entry(name).map(|e| FileFacts {
            sha256: e.sha256.clone(),
            bytes: e.bytes,
        })
    })?;
    manifest.write(CATALOG_JSONLD, &catalog.json_ld())?;
    manifest.write(CATALOG_TURTLE, &catalog.turtle()?)?;
    manifest.finish()?;
    Ok(summary)
}

/// Reads, checks and publishes a dataset file.
pub fn publish_file(
    file: &Path,
    dir: &Path,
    metadata: &Metadata,
    register: Option<&Register>,
) -> Result<Summary, ToolError> {
    let dataset = load_valid(file)?;
    publish(dataset, dir, metadata, register)
}
