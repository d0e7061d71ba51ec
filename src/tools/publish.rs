//! Publishing: what the box and open-data portals need, from one dataset.
//!
//! * `partnerships.json`: the dataset, normalised and minified;
//! * `partnerships.schema.json`: its schema;
//! * `slices/KEY.json`: per host key with anything to show, a valid dataset
//!   holding exactly the partnerships that host shows (and the bodies and
//!   organisations they need), so the box downloads only what it shows and
//!   selects exactly as on the full dataset;
//! * `slices/index.json`: the keys that have a slice;
//! * `dcat.jsonld`: DCAT-AP.de metadata;
//! * `manifest.json`: SHA-256 and size of every file above.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use sha2::{Digest, Sha256};

use super::{load_valid, ToolError};
use crate::model::dataset::{Body, Dataset, Organisation, Partnership, PartyRef};
use crate::model::key::{Level, OfficialKey};
use crate::model::schema::json_schema;
use crate::model::selection::{Group, Index};

/// The folder of the slices inside a published directory.
pub const SLICES_DIR: &str = "slices";

/// What a publish wrote.
#[derive(Debug, Default)]
pub struct Summary {
    /// Partnerships in the full dataset.
    pub partnerships: usize,
    /// Number of slices written.
    pub slices: usize,
    /// Size of the largest slice, bytes.
    pub largest_slice: usize,
    /// Bytes of the full minified dataset.
    pub full_bytes: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "published {} partnerships ({} bytes) and {} host slices (largest {} bytes)",
            self.partnerships, self.full_bytes, self.slices, self.largest_slice
        )
    }
}

/// Every key a host could embed that the dataset mentions: listed bodies,
/// keyed partners and members, and the Kreise and Länder they lie in.
pub fn candidate_hosts(dataset: &Dataset) -> BTreeSet<String> {
    let keys = dataset
        .bodies
        .iter()
        .map(|b| b.key.as_str())
        .chain(
            dataset
                .partnerships
                .iter()
                .flat_map(|p| p.partners.iter().filter_map(|x| x.key.as_deref())),
        )
        .chain(
            dataset
                .organisations
                .iter()
                .flat_map(|o| o.members.iter().filter_map(|m| m.key.as_deref())),
        )
        .filter_map(|k| k.parse::<OfficialKey>().ok());
    let mut hosts = BTreeSet::new();
    for key in keys {
        hosts.insert(key.to_string());
        hosts.insert(key.land_key().to_string());
        if let Some(kreis) = key.kreis_key() {
            hosts.insert(kreis.to_string());
        }
    }
    hosts
}

/// The keys of the 16 Länder.
pub const LAENDER: [&str; 16] = [
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
];

/// A dataset with the header of `dataset` (versions, date, publisher,
/// licence) and the given content: what every slice is.
fn subset(
    dataset: &Dataset,
    bodies: Vec<Body>,
    organisations: Vec<Organisation>,
    partnerships: Vec<Partnership>,
) -> Dataset {
    Dataset {
        schema: None,
        schema_version: dataset.schema_version.clone(),
        dataset_version: dataset.dataset_version.clone(),
        modified: dataset.modified.clone(),
        publisher: dataset.publisher.clone(),
        license: dataset.license.clone(),
        bodies,
        organisations,
        partnerships,
    }
}

/// A slice with no partnerships (for a Land with nothing to show).
fn empty_slice(dataset: &Dataset, land: &OfficialKey) -> Dataset {
    let bodies = dataset
        .bodies
        .iter()
        .filter(|b| {
            b.key
                .parse::<OfficialKey>()
                .is_ok_and(|k| k.same_body(land))
        })
        .cloned()
        .collect();
    subset(dataset, bodies, Vec::new(), Vec::new())
}

/// Partnerships by area, so that a host's selection looks only at the
/// partnerships that can concern it. `naming` lists a partnership under each
/// keyed partner and each keyed member behind an organisation partner;
/// `touching` also under every body these lie in. A host's candidates are
/// what touches it (direct, within, membership through itself) plus what
/// names a body it lies in (über Kreis/Land, membership through it): all four
/// routes, without every Gemeinde looking at its whole Land.
///
/// It also holds every body, organisation and partnership serialised once,
/// with what each partnership needs, so that a slice is put together from
/// bytes rather than cloned and serialised entry by entry: at national scale
/// the slices add up to far more bytes than the dataset.
pub struct Slicer<'a> {
    index: &'a Index<'a>,
    naming: HashMap<OfficialKey, Vec<usize>>,
    touching: HashMap<OfficialKey, Vec<usize>>,
    parts: Parts,
}

/// The serialised entries of a dataset, and what each partnership needs.
/// Bodies and organisations are kept in the order slices list them (bodies
/// by identity, organisations by id), so a slice sorts positions, not text.
struct Parts {
    /// Everything of a slice before its list of bodies: `{"schemaVersion":…,"bodies":`.
    head: Vec<u8>,
    bodies: Vec<Vec<u8>>,
    organisations: Vec<Vec<u8>>,
    partnerships: Vec<Vec<u8>>,
    /// Position (in `bodies`) of the body with an identity.
    body_at: HashMap<OfficialKey, usize>,
    /// Per partnership: the organisations it needs (partners and their
    /// organisation members, transitively) and the bodies it names
    /// (partners and members of those organisations), as positions.
    needs: Vec<(Vec<usize>, Vec<usize>)>,
}

fn add(map: &mut HashMap<OfficialKey, Vec<usize>>, area: OfficialKey, i: usize) {
    let list = map.entry(area).or_default();
    if list.last() != Some(&i) {
        list.push(i);
    }
}

impl Parts {
    fn new(index: &Index<'_>) -> Self {
        let dataset = index.dataset();
        let mut head = json(&subset(dataset, Vec::new(), Vec::new(), Vec::new()));
        // The three lists are the last fields of a dataset (tests compare
        // every slice with a serialised `Dataset`, so a reorder fails there).
        const EMPTY_LISTS: &[u8] = br#"[],"organisations":[],"partnerships":[]}"#;
        assert!(head.ends_with(EMPTY_LISTS), "the lists end a dataset");
        head.truncate(head.len() - EMPTY_LISTS.len());

        let mut bodies: Vec<(String, &Body)> = bodies_by_identity(dataset).into_iter().collect();
        bodies.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let body_at: HashMap<OfficialKey, usize> = bodies
            .iter()
            .enumerate()
            .filter_map(|(at, (_, body))| {
                Some((body.key.parse::<OfficialKey>().ok()?.identity_key(), at))
            })
            .collect();
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
            needs,
        }
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

    /// The slice of `host`, serialised: the same bytes as serialising
    /// [`slice_for`]'s dataset, or `None` when the host shows nothing.
    pub fn slice_json(&self, host: &OfficialKey) -> Option<(Vec<u8>, usize)> {
        let groups = self
            .index
            .select_among(host, self.candidates(host).into_iter());
        let parts = &self.parts;
        // Positions of the shown partnerships, in the host's display order.
        let shown: Vec<usize> = groups
            .iter()
            .flat_map(|g| g.positions.iter().copied())
            .collect();
        if shown.is_empty() {
            return None;
        }
        let mut orgs: Vec<usize> = Vec::new();
        let mut bodies: Vec<usize> = host
            .with_ancestors()
            .iter()
            .filter_map(|k| parts.body_at.get(&k.identity_key()).copied())
            .collect();
        for &at in &shown {
            orgs.extend_from_slice(&parts.needs[at].0);
            bodies.extend_from_slice(&parts.needs[at].1);
        }
        for list in [&mut orgs, &mut bodies] {
            list.sort_unstable();
            list.dedup();
        }

        let size =
            |items: &[Vec<u8>], at: &[usize]| at.iter().map(|&i| items[i].len() + 1).sum::<usize>();
        let mut out = Vec::with_capacity(
            parts.head.len()
                + size(&parts.bodies, &bodies)
                + size(&parts.organisations, &orgs)
                + size(&parts.partnerships, &shown)
                + 64,
        );
        out.extend_from_slice(&parts.head);
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
        list(&mut out, &parts.bodies, &bodies);
        out.extend_from_slice(br#","organisations":"#);
        list(&mut out, &parts.organisations, &orgs);
        out.extend_from_slice(br#","partnerships":"#);
        list(&mut out, &parts.partnerships, &shown);
        out.push(b'}');
        Some((out, shown.len()))
    }
}

/// The slice of `host`: the partnerships it shows and what they need, or
/// `None` when it shows nothing.
pub fn slice_for(index: &Index<'_>, host: &OfficialKey) -> Option<Dataset> {
    slice_of_groups(
        index,
        &bodies_by_identity(index.dataset()),
        host,
        &index.select(host),
    )
}

/// Bodies by identity, to pick a slice's bodies without scanning them all.
fn bodies_by_identity(dataset: &Dataset) -> HashMap<String, &Body> {
    dataset
        .bodies
        .iter()
        .filter_map(|b| Some((b.key.parse::<OfficialKey>().ok()?.identity(), b)))
        .collect()
}

fn slice_of_groups(
    index: &Index<'_>,
    bodies_by_identity: &HashMap<String, &Body>,
    host: &OfficialKey,
    groups: &[Group<'_>],
) -> Option<Dataset> {
    let dataset = index.dataset();
    // In the host's display order; selection sorts again, so order is free.
    let partnerships: Vec<Partnership> = groups
        .iter()
        .flat_map(|g| g.partnerships.iter().map(|p| (*p).clone()))
        .collect();
    if partnerships.is_empty() {
        return None;
    }

    // Organisations: every partner organisation and, below it, its members'
    // organisations (the chain a membership route follows).
    let mut orgs: BTreeSet<&str> = BTreeSet::new();
    let mut stack: Vec<&str> = partnerships
        .iter()
        .flat_map(|p| p.partners.iter().filter_map(|x| x.org.as_deref()))
        .collect();
    while let Some(id) = stack.pop() {
        if !orgs.insert(id) {
            continue;
        }
        if let Some(org) = index.organisation(id) {
            stack.extend(org.members.iter().filter_map(|m| m.org.as_deref()));
        }
    }
    let organisations: Vec<_> = orgs
        .iter()
        .filter_map(|id| index.organisation(id).cloned())
        .collect();

    // Bodies: every key referenced, plus the host and the bodies it lies in.
    let mut keys: BTreeSet<String> = host.with_ancestors().iter().map(|k| k.identity()).collect();
    let referenced = partnerships
        .iter()
        .flat_map(|p| p.partners.iter().map(|x| x.party()))
        .chain(
            organisations
                .iter()
                .flat_map(|o| o.members.iter().map(|m| m.party())),
        );
    for party in referenced {
        if let Some(PartyRef::Key(k)) = party {
            if let Ok(key) = k.parse::<OfficialKey>() {
                keys.insert(key.identity());
            }
        }
    }
    let bodies = keys
        .iter()
        .filter_map(|k| bodies_by_identity.get(k).map(|b| (*b).clone()))
        .collect();

    Some(subset(dataset, bodies, organisations, partnerships))
}

fn write(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    manifest: &mut BTreeMap<String, serde_json::Value>,
) -> Result<(), ToolError> {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            ToolError::Unreadable(format!("{}: cannot create: {e}", parent.display()))
        })?;
    }
    put(&path, bytes)?;
    manifest.insert(name.to_owned(), file_entry(bytes).json());
    Ok(())
}

/// Writes one file, saying which one could not be written.
fn put(path: &Path, bytes: &[u8]) -> Result<(), ToolError> {
    std::fs::write(path, bytes)
        .map_err(|e| ToolError::Unreadable(format!("{}: cannot write: {e}", path.display())))
}

/// A file's manifest entry: SHA-256 (hex) and size.
struct FileEntry(String, usize);

impl FileEntry {
    fn json(&self) -> serde_json::Value {
        serde_json::json!({ "sha256": self.0, "bytes": self.1 })
    }
}

fn file_entry(bytes: &[u8]) -> FileEntry {
    use std::fmt::Write;
    let mut hex = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        let _ = write!(hex, "{b:02x}");
    }
    FileEntry(hex, bytes.len())
}

/// A slice a publishing thread wrote.
struct Written {
    host: String,
    name: String,
    entry: FileEntry,
    partnerships: usize,
}

fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("the dataset types always serialise")
}

/// Publishes `dataset` into `dir` (see the module documentation). It takes
/// the dataset so as to point it at the published schema without a copy:
/// publishing holds the dataset, its entries serialised once and one slice
/// per thread, never all slices.
pub fn publish(
    mut dataset: Dataset,
    dir: &Path,
    base_url: Option<&str>,
) -> Result<Summary, ToolError> {
    dataset.schema = Some("partnerships.schema.json".into());
    let full = json(&dataset);
    dataset.schema = None;
    let dataset = &dataset;
    let mut manifest = BTreeMap::new();
    let mut summary = Summary {
        partnerships: dataset.partnerships.len(),
        ..Summary::default()
    };

    summary.full_bytes = full.len();
    write(dir, "partnerships.json", &full, &mut manifest)?;
    drop(full);
    write(
        dir,
        "partnerships.schema.json",
        json_schema().as_bytes(),
        &mut manifest,
    )?;

    let index = Index::new(dataset);
    let slicer = Slicer::new(&index);
    // Every Land gets a slice, even an empty one: the box falls back from a
    // missing host slice to its Kreis's and then its Land's, and a missing
    // Land slice tells it that no slices are published at all.
    let mut hosts = candidate_hosts(dataset);
    hosts.extend(LAENDER.iter().map(|l| (*l).to_owned()));
    let hosts: Vec<String> = hosts.into_iter().collect();
    let slices_dir = dir.join(SLICES_DIR);
    std::fs::create_dir_all(&slices_dir).map_err(|e| {
        ToolError::Unreadable(format!("{}: cannot create: {e}", slices_dir.display()))
    })?;

    // Slices are independent: the threads take the next host until none is
    // left, each holding one slice at a time.
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let written: Vec<Result<Vec<Written>, ToolError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let at = next.fetch_add(1, Ordering::Relaxed);
                        let Some(host) = hosts.get(at) else {
                            return Ok(done);
                        };
                        let Ok(key) = host.parse::<OfficialKey>() else {
                            continue;
                        };
                        let (bytes, partnerships) = match slicer.slice_json(&key) {
                            Some(slice) => slice,
                            None if key.level() == Level::Land => {
                                (json(&empty_slice(dataset, &key)), 0)
                            }
                            None => continue,
                        };
                        let name = format!("{SLICES_DIR}/{host}.json");
                        put(&dir.join(&name), &bytes)?;
                        done.push(Written {
                            host: host.clone(),
                            entry: file_entry(&bytes),
                            name,
                            partnerships,
                        });
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join().unwrap_or_else(|_| {
                    Err(ToolError::Unreadable("a publishing thread failed".into()))
                })
            })
            .collect()
    });
    let mut listed = BTreeMap::new();
    for slice in written
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
    {
        summary.slices += 1;
        summary.largest_slice = summary.largest_slice.max(slice.entry.1);
        manifest.insert(slice.name.clone(), slice.entry.json());
        listed.insert(
            slice.host,
            serde_json::json!({ "file": slice.name, "partnerships": slice.partnerships }),
        );
    }
    let slice_index = serde_json::json!({
        "schemaVersion": dataset.schema_version,
        "datasetVersion": dataset.dataset_version,
        "modified": dataset.modified,
        "slices": listed,
    });
    write(
        dir,
        &format!("{SLICES_DIR}/index.json"),
        &json(&slice_index),
        &mut manifest,
    )?;
    write(
        dir,
        "dcat.jsonld",
        &json(&super::dcat::dcat(dataset, base_url)),
        &mut manifest,
    )?;

    let manifest = serde_json::json!({ "algorithm": "sha256", "files": manifest });
    put(&dir.join("manifest.json"), &json(&manifest))?;
    Ok(summary)
}

/// Reads, checks and publishes a dataset file.
pub fn publish_file(file: &Path, dir: &Path, base_url: Option<&str>) -> Result<Summary, ToolError> {
    let dataset = load_valid(file)?;
    publish(dataset, dir, base_url)
}
