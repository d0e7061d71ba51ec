//! A dataset's entries serialised once, with what each partnership needs,
//! so that a slice is put together from bytes rather than cloned and
//! serialised entry by entry: at national scale the slices add up to several
//! times the dataset.

use std::collections::HashMap;

use super::json;
use super::slice::{bodies_by_identity, subset};
use crate::model::address::area_of;
use crate::model::dataset::{Body, Organisation, PartyRef};
use crate::model::key::OfficialKey;
use crate::model::selection::Index;

/// The serialised entries of a dataset, and what each partnership needs.
/// Bodies and organisations are kept in the order slices list them (bodies
/// by identity, organisations by id), so a slice sorts positions, not text.
pub struct Parts {
    /// Everything of a slice before its list of bodies: `{"schemaVersion":…,"bodies":`.
    pub head: Vec<u8>,
    /// Every body, serialised, by identity.
    pub bodies: Vec<Vec<u8>>,
    /// Every organisation, serialised, by id.
    pub organisations: Vec<Vec<u8>>,
    /// Every partnership, serialised, in dataset order.
    pub partnerships: Vec<Vec<u8>>,
    /// Position (in `bodies`) of the body with an identity.
    pub body_at: HashMap<OfficialKey, usize>,
    /// Positions (in `bodies`) of the bodies inside each area.
    pub area_bodies: HashMap<String, Vec<usize>>,
    /// Per partnership: the organisations it needs (partners and their
    /// organisation members, transitively) and the bodies it names
    /// (partners and members of those organisations), as positions.
    pub needs: Vec<(Vec<usize>, Vec<usize>)>,
}

impl Parts {
    /// Serialises the entries of `index`'s dataset.
    pub fn new(index: &Index<'_>) -> Self {
        let dataset = index.dataset();
        let mut head = json(&subset(dataset, Vec::new(), Vec::new(), Vec::new()));
        // The three lists are the last fields of a dataset (tests compare
        // every slice with a serialised `Dataset`, so a reorder fails there).
        const EMPTY_LISTS: &[u8] = br#"[],"organisations":[],"partnerships":[]}"#;
        assert!(head.ends_with(EMPTY_LISTS), "the lists end a dataset");
        head.truncate(head.len() - EMPTY_LISTS.len());

        let mut bodies: Vec<(String, &Body)> = bodies_by_identity(dataset).into_iter().collect();
        bodies.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut body_at = HashMap::new();
        let mut area_bodies: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, (_, body)) in bodies.iter().enumerate() {
            let Ok(key) = body.key.parse::<OfficialKey>() else {
                continue;
            };
            body_at.insert(key.identity_key(), at);
            area_bodies.entry(area_of(&key)).or_default().push(at);
        }
        let mut organisations: Vec<&Organisation> = dataset.organisations.iter().collect();
        organisations.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        organisations.dedup_by(|a, b| a.id == b.id);
        let org_at: HashMap<&str, usize> = organisations
            .iter()
            .enumerate()
            .map(|(at, o)| (o.id.as_str(), at))
            .collect();

        let body_of = |party: Option<PartyRef<'_>>| match party {
            Some(PartyRef::Key(k)) => k
                .parse::<OfficialKey>()
                .ok()
                .and_then(|key| body_at.get(&key.identity_key()).copied()),
            _ => None,
        };
        // Per organisation: itself and every organisation below it, and the
        // bodies all of these name.
        let below: Vec<(Vec<usize>, Vec<usize>)> = organisations
            .iter()
            .map(|org| {
                let mut orgs = Vec::new();
                let mut stack = vec![org.id.as_str()];
                while let Some(id) = stack.pop() {
                    let Some(&at) = org_at.get(id) else { continue };
                    if orgs.contains(&at) {
                        continue;
                    }
                    orgs.push(at);
                    stack.extend(
                        organisations[at]
                            .members
                            .iter()
                            .filter_map(|m| m.org.as_deref()),
                    );
                }
                let mut named: Vec<usize> = orgs
                    .iter()
                    .flat_map(|&at| organisations[at].members.iter())
                    .filter_map(|m| body_of(m.party()))
                    .collect();
                named.sort_unstable();
                named.dedup();
                (orgs, named)
            })
            .collect();
        let needs = dataset
            .partnerships
            .iter()
            .map(|p| {
                let mut orgs = Vec::new();
                let mut named = Vec::new();
                for partner in &p.partners {
                    named.extend(body_of(partner.party()));
                    if let Some(&at) = partner.org.as_deref().and_then(|id| org_at.get(id)) {
                        orgs.extend_from_slice(&below[at].0);
                        named.extend_from_slice(&below[at].1);
                    }
                }
                for list in [&mut orgs, &mut named] {
                    list.sort_unstable();
                    list.dedup();
                }
                (orgs, named)
            })
            .collect();
        Parts {
            head,
            bodies: bodies.iter().map(|(_, b)| json(b)).collect(),
            organisations: organisations.iter().map(json).collect(),
            partnerships: dataset.partnerships.iter().map(json).collect(),
            body_at,
            area_bodies,
            needs,
        }
    }

    /// The slice with the partnerships at `shown` (sorted) and the bodies at
    /// `bodies` (positions, sorted), and the organisations and bodies these
    /// partnerships need: the same bytes as serialising that dataset.
    pub fn slice(&self, shown: &[usize], mut bodies: Vec<usize>) -> Vec<u8> {
        let mut orgs: Vec<usize> = Vec::new();
        for &at in shown {
            orgs.extend_from_slice(&self.needs[at].0);
            bodies.extend_from_slice(&self.needs[at].1);
        }
        for list in [&mut orgs, &mut bodies] {
            list.sort_unstable();
            list.dedup();
        }

        let size =
            |items: &[Vec<u8>], at: &[usize]| at.iter().map(|&i| items[i].len() + 1).sum::<usize>();
        let mut out = Vec::with_capacity(
            self.head.len()
                + size(&self.bodies, &bodies)
                + size(&self.organisations, &orgs)
                + size(&self.partnerships, shown)
                + 64,
        );
        out.extend_from_slice(&self.head);
        let list = |out: &mut Vec<u8>, items: &[Vec<u8>], at: &[usize]| {
            out.push(b'[');
            for (n, &i) in at.iter().enumerate() {
                if n > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(&items[i]);
            }
            out.push(b']');
        };
        list(&mut out, &self.bodies, &bodies);
        out.extend_from_slice(br#","organisations":"#);
        list(&mut out, &self.organisations, &orgs);
        out.extend_from_slice(br#","partnerships":"#);
        list(&mut out, &self.partnerships, shown);
        out.push(b'}');
        out
    }
}
