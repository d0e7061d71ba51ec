//! The fast way to a slice: partnerships indexed by area, so that an area
//! looks only at those that can concern it, and put together from the
//! serialised [`Parts`].

use std::collections::HashMap;

use super::parts::Parts;
use crate::model::dataset::PartyRef;
use crate::model::key::OfficialKey;
use crate::model::selection::Index;

/// Partnerships by area. `naming` lists a partnership under each keyed
/// partner and each keyed member behind an organisation partner;
/// `touching` also under every body these lie in. A host's candidates are
/// what touches it (direct, within, membership through itself) plus what
/// names a body it lies in (über Kreis/Land, membership through it): all four
/// routes, without every Gemeinde looking at its whole Land.
pub struct Slicer<'a> {
    index: &'a Index<'a>,
    naming: HashMap<OfficialKey, Vec<usize>>,
    touching: HashMap<OfficialKey, Vec<usize>>,
    parts: Parts,
}

fn add(map: &mut HashMap<OfficialKey, Vec<usize>>, area: OfficialKey, i: usize) {
    let list = map.entry(area).or_default();
    if list.last() != Some(&i) {
        list.push(i);
    }
}

impl<'a> Slicer<'a> {
    /// Indexes the partnerships of `index`'s dataset by area and serialises
    /// its entries once.
    pub fn new(index: &'a Index<'a>) -> Self {
        let mut naming = HashMap::new();
        let mut touching = HashMap::new();
        for (i, p) in index.dataset().partnerships.iter().enumerate() {
            for partner in &p.partners {
                let keys = match partner.party() {
                    Some(PartyRef::Key(k)) => k.parse::<OfficialKey>().into_iter().collect(),
                    Some(PartyRef::Org(id)) => index.keyed_members(id).to_vec(),
                    _ => Vec::new(),
                };
                for key in keys {
                    add(&mut naming, key.identity_key(), i);
                    for area in key.with_ancestors() {
                        add(&mut touching, area.identity_key(), i);
                    }
                }
            }
        }
        Slicer {
            index,
            naming,
            touching,
            parts: Parts::new(index),
        }
    }

    /// The positions of the partnerships that can concern `host`, in dataset order.
    pub fn candidates(&self, host: &OfficialKey) -> Vec<usize> {
        let areas = host.with_ancestors();
        let mut found: Vec<usize> = self
            .touching
            .get(&host.identity_key())
            .into_iter()
            .chain(
                areas[1..]
                    .iter()
                    .filter_map(|a| self.naming.get(&a.identity_key())),
            )
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The positions of the partnerships that `area` (a key
    /// [`area_of`](crate::model::address::area_of) gives) or a body inside
    /// it shows, in dataset order: the area's own selection, since whatever
    /// reaches a body inside also reaches the area (through the same Land
    /// or organisation, or as lying inside it).
    pub fn area_partnerships(&self, area: &OfficialKey) -> Vec<usize> {
        let mut shown: Vec<usize> = self
            .index
            .select_among(area, self.candidates(area).into_iter())
            .into_iter()
            .flat_map(|g| g.positions)
            .collect();
        shown.sort_unstable();
        shown
    }

    /// The slice of `area`, serialised (the same bytes as serialising
    /// [`area_slice`](super::area_slice)'s dataset), and how many
    /// partnerships it holds.
    pub fn slice_json(&self, area: &OfficialKey) -> (Vec<u8>, usize) {
        let shown = self.area_partnerships(area);
        let parts = &self.parts;
        let mut bodies: Vec<usize> = parts
            .area_bodies
            .get(&area.to_string())
            .cloned()
            .unwrap_or_default();
        bodies.extend(parts.body_at.get(&area.land_key()).copied());
        (parts.slice(&shown, bodies), shown.len())
    }
}
