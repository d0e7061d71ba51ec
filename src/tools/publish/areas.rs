//! Which areas get a slice, and which keys lie in each: every Land, every
//! Kreis and kreisfreie Stadt of the official register, and the area of
//! every key the dataset names, so that the address
//! ([`slice_path`](crate::model::address::slice_path)) of every key of a
//! real body exists.

use std::collections::{BTreeSet, HashSet};

use crate::model::address::area_of;
use crate::model::dataset::Dataset;
use crate::model::key::OfficialKey;
use crate::tools::register::Register;
use crate::tools::suggestions::LAENDER;

/// Every key the dataset names: listed bodies, keyed partners and keyed
/// members of organisations (those that parse; validation reports the rest).
pub fn named_keys(dataset: &Dataset) -> impl Iterator<Item = OfficialKey> + '_ {
    let partners = dataset
        .partnerships
        .iter()
        .flat_map(|p| p.partners.iter().filter_map(|x| x.key.as_deref()));
    let members = dataset
        .organisations
        .iter()
        .flat_map(|o| o.members.iter().filter_map(|m| m.key.as_deref()));
    dataset
        .bodies
        .iter()
        .map(|b| b.key.as_str())
        .chain(partners)
        .chain(members)
        .filter_map(|k| k.parse().ok())
}

/// Every key a host could embed that the dataset mentions: the keys it
/// names, and the Kreise and Länder they lie in.
pub fn candidate_hosts(dataset: &Dataset) -> BTreeSet<String> {
    let mut hosts = BTreeSet::new();
    for key in named_keys(dataset) {
        hosts.insert(key.to_string());
        hosts.insert(key.land_key().to_string());
        if let Some(kreis) = key.kreis_key() {
            hosts.insert(kreis.to_string());
        }
    }
    hosts
}

/// The areas to publish a slice for, sorted: the 16 Länder, the area of
/// every Kreis of `register` and of every key `dataset` names.
pub fn areas(dataset: &Dataset, register: Option<&Register>) -> Vec<OfficialKey> {
    let laender = LAENDER.iter().map(|(key, _)| *key);
    let kreise = register
        .into_iter()
        .flat_map(|r| r.entries())
        .map(|e| e.key.as_str());
    // Each body once (a national dataset names its bodies many times over),
    // before the area's text is made.
    let keys: HashSet<OfficialKey> = laender
        .chain(kreise)
        .filter_map(|k| k.parse::<OfficialKey>().ok())
        .chain(named_keys(dataset))
        .map(|key| key.identity_key())
        .collect();
    let areas: BTreeSet<String> = keys.iter().map(area_of).collect();
    areas.iter().filter_map(|a| a.parse().ok()).collect()
}
