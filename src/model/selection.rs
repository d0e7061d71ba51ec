//! Which partnerships a host body shows, and under which heading.
//!
//! A partnership appears once per host, in the first route that applies:
//! [`Route::Direct`], [`Route::Membership`], [`Route::Parent`], [`Route::Within`].

use super::dataset::{Dataset, Organisation, Partner, Partnership, PartyRef};
use super::date::PartialDate;
use super::key::OfficialKey;
use super::lookup::{sort_by, sorted_positions, SortedMap};
use super::text::joined;

/// How a partnership reaches the host. The order of the variants is the
/// order of precedence and of display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Route {
    /// The host itself is a partner.
    Direct,
    /// An organisation the host (or a body it lies in) is a member or owner of is a partner.
    Membership,
    /// A body the host lies in (its Kreis, Amt or Land) is a partner.
    Parent,
    /// Bodies inside the host are partners.
    Within,
}

/// A labelled group of partnerships for one host.
#[derive(Clone, Debug, PartialEq)]
pub struct Group<'a> {
    /// How these partnerships reach the host.
    pub route: Route,
    /// The body the partnerships come through: the organisation (for
    /// [`Route::Membership`]), the enclosing body (for [`Route::Parent`]) or
    /// the partners inside the host (for [`Route::Within`]); `None` for
    /// [`Route::Direct`].
    pub through: Option<String>,
    /// Newest first.
    pub partnerships: Vec<&'a Partnership>,
    /// Their positions in the dataset's `partnerships`, in the same order.
    pub positions: Vec<usize>,
}

/// Lookups over a dataset: names of keys, organisations by id, the keyed
/// bodies behind an organisation, and each partnership's parsed partners.
/// Build it once per dataset: selecting for one host then parses nothing
/// (a publisher selects for every host of Germany with one index).
pub struct Index<'a> {
    dataset: &'a Dataset,
    names: SortedMap<String, &'a str>,
    orgs: SortedMap<&'a str, &'a Organisation>,
    /// The organisations each member belongs to: a keyed member by its
    /// identity, an organisation member as `org:<id>`.
    member_of: SortedMap<String, Vec<&'a str>>,
    /// Every keyed body behind each organisation, transitively, in the
    /// order of `orgs` (a vector beside the map: one more map type would
    /// link one more copy of its code into the wasm).
    org_keys: Vec<Vec<OfficialKey>>,
    /// Per partnership (same positions): its partners as parsed parties, and its start.
    prepared: Vec<Prepared<'a>>,
}

/// A partner as selection sees it.
#[derive(Clone, Copy)]
enum Party<'a> {
    Key(OfficialKey),
    Org(&'a str),
    /// A name only, or an entry that does not parse (validation reports it).
    Other,
}

/// What selection asks of a partnership again and again, worked out once.
struct Prepared<'a> {
    parties: Vec<Party<'a>>,
    start: Option<PartialDate>,
}

impl<'a> Index<'a> {
    /// Indexes `dataset`. Entries that do not parse are skipped (validation reports them).
    pub fn new(dataset: &'a Dataset) -> Self {
        let names = SortedMap::from_unsorted(
            dataset
                .bodies
                .iter()
                .filter_map(|b| {
                    Some((
                        b.key.parse::<OfficialKey>().ok()?.identity(),
                        b.name.as_str(),
                    ))
                })
                .collect(),
        );
        let orgs = SortedMap::from_unsorted(
            dataset
                .organisations
                .iter()
                .map(|o| (o.id.as_str(), o))
                .collect(),
        );
        let mut memberships: Vec<(String, &'a str)> = Vec::new();
        for org in &dataset.organisations {
            for member in &org.members {
                let of = match member.party() {
                    Some(PartyRef::Key(k)) => k.parse::<OfficialKey>().ok().map(|k| k.identity()),
                    Some(PartyRef::Org(id)) => Some(format!("org:{id}")),
                    _ => None,
                };
                memberships.extend(of.map(|of| (of, org.id.as_str())));
            }
        }
        let memberships = sort_by(memberships, |a, b| a.cmp(b));
        let mut member_of: Vec<(String, Vec<&'a str>)> = Vec::new();
        for (of, org) in memberships {
            match member_of.last_mut() {
                Some((last, orgs)) if *last == of => orgs.push(org),
                _ => member_of.push((of, vec![org])),
            }
        }
        let org_keys = orgs
            .values()
            .map(|o| keyed_members_of(&orgs, &o.id))
            .collect();
        let prepared = dataset
            .partnerships
            .iter()
            .map(|p| Prepared {
                parties: p
                    .partners
                    .iter()
                    .map(|partner| match partner.party() {
                        Some(PartyRef::Key(k)) => k.parse().map_or(Party::Other, Party::Key),
                        Some(PartyRef::Org(id)) => Party::Org(id),
                        _ => Party::Other,
                    })
                    .collect(),
                start: start_of(p),
            })
            .collect();
        Index {
            dataset,
            names,
            orgs,
            member_of: SortedMap::from_unsorted(member_of),
            org_keys,
            prepared,
        }
    }

    /// The dataset this index was built from.
    pub fn dataset(&self) -> &'a Dataset {
        self.dataset
    }

    /// The name the dataset gives a key, if any.
    pub fn body_name(&self, key: &OfficialKey) -> Option<&'a str> {
        self.names.get(key.identity().as_str()).copied()
    }

    /// An organisation by id.
    pub fn organisation(&self, id: &str) -> Option<&'a Organisation> {
        self.orgs.get(id).copied()
    }

    /// The display name of a partner: the body's or organisation's name, or
    /// the key itself when the dataset has no name for it.
    pub fn partner_name(&self, partner: &'a Partner) -> &'a str {
        match partner.party() {
            Some(PartyRef::Key(k)) => k
                .parse()
                .ok()
                .and_then(|key| self.body_name(&key))
                .unwrap_or(k),
            Some(PartyRef::Org(id)) => self.organisation(id).map_or(id, |o| o.name.as_str()),
            Some(PartyRef::Name(n)) => n,
            None => "",
        }
    }

    /// Every keyed body behind an organisation, following nested
    /// organisations (cycle-safe); empty for an unknown id.
    pub fn keyed_members(&self, org_id: &str) -> &[OfficialKey] {
        self.orgs
            .position_of(org_id)
            .map_or(&[], |at| self.org_keys[at].as_slice())
    }

    /// The organisations `host` belongs to, directly or through a body it
    /// lies in, with the first organisation on the way (the one the host's
    /// own body is a member or owner of).
    fn memberships_of(&self, host: &OfficialKey) -> SortedMap<&'a str, &'a str> {
        let mut reached: SortedMap<&'a str, &'a str> = SortedMap::new();
        let mut queue: Vec<&'a str> = Vec::new();
        for body in host.with_ancestors() {
            for &id in self
                .member_of
                .get(body.identity().as_str())
                .into_iter()
                .flatten()
            {
                if let Some(org) = self.organisation(id) {
                    if reached.insert_if_absent(id, org.name.as_str()) {
                        queue.push(id);
                    }
                }
            }
        }
        // Organisations that have a reached organisation as member, transitively.
        while let Some(current) = queue.pop() {
            let Some(&first) = reached.get(current) else {
                continue;
            };
            let key = format!("org:{current}");
            for &parent in self.member_of.get(key.as_str()).into_iter().flatten() {
                if reached.insert_if_absent(parent, first) {
                    queue.push(parent);
                }
            }
        }
        reached
    }

    /// True when `party` lies strictly inside `body`. An organisation lies
    /// inside a body when all its keyed members (at least one) do.
    fn lies_inside(&self, party: Party<'_>, body: &OfficialKey) -> bool {
        match party {
            Party::Key(key) => body.contains(&key),
            Party::Org(id) => {
                let members = self.keyed_members(id);
                !members.is_empty() && members.iter().all(|m| body.covers(m))
            }
            Party::Other => false,
        }
    }

    /// True when `party` is, or has a keyed member that is, strictly inside `host`.
    fn reaches_into(&self, party: Party<'_>, host: &OfficialKey) -> bool {
        match party {
            Party::Key(key) => host.contains(&key),
            Party::Org(id) => self.keyed_members(id).iter().any(|m| host.contains(m)),
            Party::Other => false,
        }
    }

    /// The route by which partnership `at` reaches `host`, and what it comes through.
    fn route(
        &self,
        at: usize,
        host: &OfficialKey,
        memberships: &SortedMap<&'a str, &'a str>,
    ) -> Option<(Route, Option<String>)> {
        let partners = &self.dataset.partnerships[at].partners;
        let parties = &self.prepared[at].parties;
        let keyed = || {
            parties.iter().enumerate().filter_map(|(i, p)| match p {
                Party::Key(k) => Some((i, k)),
                _ => None,
            })
        };

        if keyed().any(|(_, k)| k.same_body(host)) {
            return Some((Route::Direct, None));
        }

        let via_org = parties.iter().find_map(|p| match p {
            Party::Org(id) => memberships.get(*id).copied(),
            _ => None,
        });
        if let Some(first) = via_org {
            return Some((Route::Membership, Some(first.to_owned())));
        }

        // The most specific enclosing partner that has no other partner inside it.
        let parent = keyed()
            .filter(|(_, k)| k.contains(host))
            .filter(|(i, k)| {
                !parties
                    .iter()
                    .enumerate()
                    .any(|(j, other)| j != *i && self.lies_inside(*other, k))
            })
            .max_by_key(|(_, k)| k.level());
        if let Some((i, _)) = parent {
            return Some((
                Route::Parent,
                Some(self.partner_name(&partners[i]).to_owned()),
            ));
        }

        // Name the keyed bodies inside the host; organisations only when
        // nothing else is (their members are what lies inside).
        let inside: Vec<(usize, bool)> = parties
            .iter()
            .enumerate()
            .filter(|(_, p)| self.reaches_into(**p, host))
            .map(|(i, p)| (i, matches!(p, Party::Key(_))))
            .collect();
        let any_keyed = inside.iter().any(|(_, keyed)| *keyed);
        let names: Vec<&str> = inside
            .iter()
            .filter(|(_, keyed)| *keyed || !any_keyed)
            .map(|(i, _)| self.partner_name(&partners[*i]))
            .collect();
        (!names.is_empty()).then(|| (Route::Within, Some(joined(&names, ", "))))
    }

    /// The partnerships `host` shows, grouped by route in display order.
    ///
    /// ```
    /// # use partnerships_widget::model::{dataset::Dataset, selection::{Index, Route}};
    /// # let dataset: Dataset = serde_json::from_str(include_str!("../../www/partnerships.json")).unwrap();
    /// let index = Index::new(&dataset);
    /// let groups = index.select(&"01060".parse().unwrap());
    /// assert_eq!(groups[0].route, Route::Direct);
    /// ```
    pub fn select(&self, host: &OfficialKey) -> Vec<Group<'a>> {
        self.select_among(host, 0..self.dataset.partnerships.len())
    }

    /// Like [`select`](Self::select), considering only the partnerships at
    /// the positions `candidates` (which must include every partnership the
    /// host could show; a publisher uses this with an index by area for
    /// national-scale data). Positions out of range are ignored.
    pub fn select_among(
        &self,
        host: &OfficialKey,
        candidates: impl Iterator<Item = usize>,
    ) -> Vec<Group<'a>> {
        let memberships = self.memberships_of(host);
        let all = &self.dataset.partnerships;
        // Route first, then sort only what the host shows.
        let selected: Vec<(Route, Option<String>, Option<PartialDate>, usize)> = candidates
            .filter(|&at| at < all.len())
            .filter_map(|at| {
                let (route, through) = self.route(at, host, &memberships)?;
                Some((route, through, self.prepared[at].start, at))
            })
            .collect();
        let selected = sort_by(selected, |a, b| {
            // By route; newest first, undated last; then title and id, so
            // the order is total and the same on every run.
            a.0.cmp(&b.0)
                .then_with(|| match (a.2, b.2) {
                    (Some(x), Some(y)) => y.cmp(&x),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                })
                .then_with(|| all[a.3].title.cmp(&all[b.3].title))
                .then_with(|| all[a.3].id.cmp(&all[b.3].id))
        });

        // Groups of one route come in the order of their newest partnership.
        // Each partnership joins the group of the first partnership with its
        // route and "through" (found by one sort: a Land has a group per
        // combination of Gemeinden, and a search per partnership would be
        // quadratic).
        let key = |at: usize| (selected[at].0, &selected[at].1);
        let order = sorted_positions(selected.len(), &|a, b| key(a).cmp(&key(b)).then(a.cmp(&b)));
        let mut first = vec![0; selected.len()];
        for (n, &at) in order.iter().enumerate() {
            first[at] = if n > 0 && key(order[n - 1]) == key(at) {
                first[order[n - 1]]
            } else {
                at
            };
        }
        let mut group_of = vec![0; selected.len()];
        let mut groups: Vec<Group<'a>> = Vec::new();
        for (at, (route, through, _, position)) in selected.into_iter().enumerate() {
            if first[at] == at {
                group_of[at] = groups.len();
                groups.push(Group {
                    route,
                    through,
                    partnerships: vec![&all[position]],
                    positions: vec![position],
                });
            } else {
                group_of[at] = group_of[first[at]];
                let group = &mut groups[group_of[at]];
                group.partnerships.push(&all[position]);
                group.positions.push(position);
            }
        }
        groups
    }
}

/// Every keyed body behind organisation `org_id`, following nested
/// organisations (cycle-safe).
fn keyed_members_of(orgs: &SortedMap<&str, &Organisation>, org_id: &str) -> Vec<OfficialKey> {
    let mut keys = Vec::new();
    let mut seen = SortedMap::new();
    let mut stack = vec![org_id];
    while let Some(id) = stack.pop() {
        if !seen.insert_if_absent(id, ()) {
            continue;
        }
        let Some(org) = orgs.get(id) else {
            continue;
        };
        for member in &org.members {
            match member.party() {
                Some(PartyRef::Key(k)) => keys.extend(k.parse::<OfficialKey>().ok()),
                Some(PartyRef::Org(inner)) => stack.push(inner),
                _ => {}
            }
        }
    }
    keys
}

/// When a partnership started: the earliest date any partner is known to
/// take part since, or was reported to take part.
pub fn start_of(partnership: &Partnership) -> Option<PartialDate> {
    partnership
        .partners
        .iter()
        .filter_map(|p| {
            p.since
                .as_deref()
                .or(p.reported.as_deref())
                .and_then(|d| d.parse().ok())
        })
        .min()
}
