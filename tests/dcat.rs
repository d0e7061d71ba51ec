//! The DCAT-AP.de 3.0 catalog that `publish` writes for the shipped
//! dataset: every property issue 16 asks for, checked on the RDF graph (as
//! a JSON-LD processor reads `catalog.jsonld`) and against the published
//! files; `catalog.ttl` is the same graph; broken variants of the catalog
//! fail the same checks, so the checks can fail.
//!
//! The checks are this project's own reading of DCAT-AP.de 3.0 (GovData's
//! SHACL shapes are not copied here).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::dataset;
use oxrdf::dataset::{CanonicalizationAlgorithm, CanonicalizationHashAlgorithm};
use oxrdf::{Graph, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef};
use oxttl::TurtleParser;
use partnerships_widget::tools::dcat::{graph_of_json_ld, Catalog, FileFacts, Metadata};
use partnerships_widget::tools::publish::publish;
use serde_json::{json, Value};
use sha2::Digest;

const PUBLISH_JSON: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/publish.json");
const BASE: &str = "https://example.org/partnerschaften/";

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const DCATDE: &str = "http://dcat-ap.de/def/dcatde/";
const FOAF: &str = "http://xmlns.com/foaf/0.1/";
const VCARD: &str = "http://www.w3.org/2006/vcard/ns#";
const SPDX: &str = "http://spdx.org/rdf/terms#";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const GEOCODING: &str = "http://dcat-ap.de/def/politicalGeocoding/";
const IANA: &str = "https://www.iana.org/assignments/media-types/";
const FILE_TYPES: &str = "http://publications.europa.eu/resource/authority/file-type/";
const LICENCES: &str = "http://dcat-ap.de/def/licenses/";
const DL_BY: &str = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";
const GOVE: &str = "http://publications.europa.eu/resource/authority/data-theme/GOVE";

fn metadata() -> Metadata {
    Metadata::read(Path::new(PUBLISH_JSON)).unwrap()
}

/// The shipped dataset published into a folder of its own, removed afterwards.
struct Published(PathBuf);

impl Published {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dp-dcat-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        publish(dataset(), &dir, &metadata(), None).unwrap();
        Published(dir)
    }

    fn bytes(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.0.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn json(&self, name: &str) -> Value {
        serde_json::from_slice(&self.bytes(name)).unwrap()
    }
}

impl Drop for Published {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

// ---- reading the graph ----

fn objects(graph: &Graph, subject: &NamedOrBlankNode, property: &str) -> Vec<Term> {
    graph
        .objects_for_subject_predicate(subject, NamedNodeRef::new_unchecked(&expand(property)))
        .map(TermRef::into_owned)
        .collect()
}

fn as_node(term: &Term) -> Option<NamedOrBlankNode> {
    match term {
        Term::NamedNode(n) => Some(n.clone().into()),
        Term::BlankNode(b) => Some(b.clone().into()),
        _ => None,
    }
}

fn iri_of(term: &Term) -> Option<&str> {
    match term {
        Term::NamedNode(n) => Some(n.as_str()),
        _ => None,
    }
}

fn has_type(graph: &Graph, node: &NamedOrBlankNode, class: &str) -> bool {
    objects(graph, node, "rdf:type")
        .iter()
        .any(|t| iri_of(t) == Some(&expand(class)))
}

/// `dcat:x` → the full IRI.
fn expand(name: &str) -> String {
    let (prefix, local) = name.split_once(':').unwrap_or(("", name));
    let namespace = match prefix {
        "dcat" => DCAT,
        "dct" => DCT,
        "dcatde" => DCATDE,
        "foaf" => FOAF,
        "vcard" => VCARD,
        "spdx" => SPDX,
        "xsd" => XSD,
        "rdf" => RDF,
        "owl" => "http://www.w3.org/2002/07/owl#",
        "skos" => "http://www.w3.org/2004/02/skos/core#",
        _ => return name.to_owned(),
    };
    format!("{namespace}{local}")
}

// ---- the checks ----

/// What a literal must be.
#[derive(Clone, Copy, Debug)]
enum Literal {
    /// Text in German (`@de`).
    German,
    /// A plain string.
    Plain,
    /// Of this datatype.
    Typed(&'static str),
}

/// The problems found in one graph, one line each, starting with the property.
struct Checks<'a> {
    graph: &'a Graph,
    found: Vec<String>,
}

impl Checks<'_> {
    fn say(&mut self, property: &str, node: &NamedOrBlankNode, what: &str) {
        self.found.push(format!("{property} of {node}: {what}"));
    }

    /// Exactly one value, an IRI starting with `prefix`, typed `class` if given.
    fn one_iri(
        &mut self,
        node: &NamedOrBlankNode,
        property: &str,
        prefix: &str,
        class: Option<&str>,
    ) -> Option<String> {
        let values = objects(self.graph, node, property);
        let [value] = values.as_slice() else {
            self.say(property, node, &format!("{} values, not one", values.len()));
            return None;
        };
        let Some(found) = iri_of(value) else {
            self.say(property, node, &format!("{value} is not an IRI"));
            return None;
        };
        if !found.starts_with(prefix) {
            self.say(
                property,
                node,
                &format!("<{found}> is not under <{prefix}>"),
            );
        }
        if let Some(class) = class {
            let typed = has_type(self.graph, &NamedNode::new_unchecked(found).into(), class);
            if !typed {
                self.say(property, node, &format!("<{found}> is not typed {class}"));
            }
        }
        Some(found.to_owned())
    }

    /// At least `min` literals, each of `kind`; their texts.
    fn literals(
        &mut self,
        node: &NamedOrBlankNode,
        property: &str,
        min: usize,
        kind: Literal,
    ) -> Vec<String> {
        let values = objects(self.graph, node, property);
        if values.len() < min {
            let what = format!("{} values, fewer than {min}", values.len());
            self.say(property, node, &what);
        }
        let mut texts = Vec::new();
        for value in values {
            let Term::Literal(literal) = value else {
                self.say(property, node, &format!("{value} is not a literal"));
                continue;
            };
            let fits = match kind {
                Literal::German => literal.language() == Some("de"),
                Literal::Plain => literal.datatype().as_str() == expand("xsd:string"),
                Literal::Typed(datatype) => literal.datatype().as_str() == expand(datatype),
            };
            if !fits {
                self.say(property, node, &format!("{literal} is not {kind:?}"));
            }
            texts.push(literal.value().to_owned());
        }
        texts
    }

    /// The one node `property` points at, typed `class`.
    fn one_node(
        &mut self,
        node: &NamedOrBlankNode,
        property: &str,
        class: &str,
    ) -> Option<NamedOrBlankNode> {
        let values: Vec<_> = objects(self.graph, node, property)
            .iter()
            .filter_map(as_node)
            .collect();
        let [value] = values.as_slice() else {
            self.say(property, node, &format!("{} nodes, not one", values.len()));
            return None;
        };
        if !has_type(self.graph, value, class) {
            self.say(property, node, &format!("{value} is not typed {class}"));
        }
        Some(value.clone())
    }

    fn absent(&mut self, node: &NamedOrBlankNode, property: &str, why: &str) {
        if !objects(self.graph, node, property).is_empty() {
            self.say(property, node, why);
        }
    }
}

/// Every problem of a catalog (JSON-LD bytes) published into `dir` at
/// [`BASE`]: the DCAT-AP.de properties, and each distribution's checksum and
/// size against the file its download address names.
fn problems(catalog: &[u8], dir: &Path) -> Vec<String> {
    let graph = match graph_of_json_ld(catalog) {
        Ok(graph) => graph,
        Err(e) => return vec![format!("not JSON-LD: {e}")],
    };
    let catalogs: Vec<NamedOrBlankNode> = graph
        .subjects_for_predicate_object(
            NamedNodeRef::new_unchecked(&expand("rdf:type")),
            NamedNodeRef::new_unchecked(&expand("dcat:Catalog")),
        )
        .map(|n| n.into_owned())
        .collect();
    let [catalog] = catalogs.as_slice() else {
        return vec![format!(
            "dcat:Catalog: {} catalogs, not one",
            catalogs.len()
        )];
    };
    let mut c = Checks {
        graph: &graph,
        found: Vec::new(),
    };
    c.literals(catalog, "dct:title", 1, Literal::German);
    c.literals(catalog, "dct:description", 1, Literal::German);
    if let Some(publisher) = c.one_node(catalog, "dct:publisher", "foaf:Organization") {
        c.literals(&publisher, "foaf:name", 1, Literal::Plain);
    }
    let Some(dataset) = c.one_node(catalog, "dcat:dataset", "dcat:Dataset") else {
        return c.found;
    };
    check_dataset(&mut c, &dataset);

    let distributions: Vec<NamedOrBlankNode> = objects(&graph, &dataset, "dcat:distribution")
        .iter()
        .filter_map(as_node)
        .collect();
    if distributions.is_empty() {
        c.say("dcat:distribution", &dataset, "none");
    }
    for distribution in &distributions {
        check_distribution(&mut c, distribution, dir);
    }
    c.found
}

fn check_dataset(c: &mut Checks<'_>, dataset: &NamedOrBlankNode) {
    if !matches!(dataset, NamedOrBlankNode::NamedNode(_)) {
        c.say("@id", dataset, "the dataset is a blank node");
    }
    c.literals(dataset, "dct:title", 1, Literal::German);
    c.literals(dataset, "dct:description", 1, Literal::German);
    c.literals(dataset, "dct:identifier", 1, Literal::Plain);
    c.literals(dataset, "dcat:keyword", 1, Literal::German);
    c.literals(dataset, "dct:modified", 1, Literal::Typed("xsd:date"));
    c.literals(dataset, "dcat:version", 1, Literal::Plain);
    c.one_iri(dataset, "dcat:theme", GOVE, Some("skos:Concept"));
    let level = format!("{GEOCODING}Level/");
    c.one_iri(dataset, "dcatde:politicalGeocodingLevelURI", &level, None);
    c.one_node(dataset, "dct:publisher", "foaf:Organization");
    if let Some(contact) = c.one_node(dataset, "dcat:contactPoint", "vcard:Kind") {
        c.literals(&contact, "vcard:fn", 1, Literal::Plain);
        c.one_iri(&contact, "vcard:hasEmail", "mailto:", None);
    }
    if let Some(maintainer) = c.one_node(dataset, "dcatde:maintainer", "foaf:Organization") {
        c.literals(&maintainer, "foaf:name", 1, Literal::Plain);
    }
    let areas = objects(c.graph, dataset, "dct:spatial");
    if areas.is_empty() {
        c.say("dct:spatial", dataset, "none");
    }
    let lists = ["stateKey/", "districtKey/"];
    for area in &areas {
        let known = iri_of(area).is_some_and(|a| {
            lists
                .iter()
                .any(|l| a.starts_with(&format!("{GEOCODING}{l}")))
                && has_type(c.graph, &NamedNode::new_unchecked(a).into(), "dct:Location")
        });
        if !known {
            c.say(
                "dct:spatial",
                dataset,
                &format!("{area} is not a typed area IRI"),
            );
        }
    }
    c.absent(
        dataset,
        "owl:versionInfo",
        "deprecated: dcat:version says it",
    );
    c.absent(
        dataset,
        "dcatde:politicalGeocodingURI",
        "deprecated: dct:spatial says it",
    );
    c.absent(
        dataset,
        "dct:license",
        "3.0 states the licence on the distributions",
    );
}

fn check_distribution(c: &mut Checks<'_>, distribution: &NamedOrBlankNode, dir: &Path) {
    if !has_type(c.graph, distribution, "dcat:Distribution") {
        c.say("rdf:type", distribution, "not a dcat:Distribution");
    }
    c.literals(distribution, "dct:title", 1, Literal::German);
    c.literals(distribution, "dct:modified", 1, Literal::Typed("xsd:date"));
    c.one_iri(distribution, "dcat:accessURL", BASE, None);
    let download = c.one_iri(distribution, "dcat:downloadURL", BASE, None);
    c.one_iri(distribution, "dcat:mediaType", IANA, Some("dct:MediaType"));
    c.one_iri(
        distribution,
        "dct:format",
        FILE_TYPES,
        Some("dct:MediaTypeOrExtent"),
    );
    let licence = c.one_iri(distribution, "dct:license", LICENCES, None);
    if licence.as_deref() == Some(DL_BY) {
        let property = "dcatde:licenseAttributionByText";
        c.literals(distribution, property, 1, Literal::German);
    }
    let size = Literal::Typed("xsd:nonNegativeInteger");
    let sizes = c.literals(distribution, "dcat:byteSize", 1, size);
    let mut hashes = Vec::new();
    if let Some(checksum) = c.one_node(distribution, "spdx:checksum", "spdx:Checksum") {
        let sha256 = format!("{SPDX}checksumAlgorithm_sha256");
        c.one_iri(&checksum, "spdx:algorithm", &sha256, None);
        let hex_binary = Literal::Typed("xsd:hexBinary");
        hashes = c.literals(&checksum, "spdx:checksumValue", 1, hex_binary);
    }
    // The size and checksum must be those of the file the address names.
    let Some(name) = download.as_deref().and_then(|u| u.strip_prefix(BASE)) else {
        return;
    };
    let Ok(bytes) = std::fs::read(dir.join(name)) else {
        c.say(
            "dcat:downloadURL",
            distribution,
            &format!("{name} was not published"),
        );
        return;
    };
    if sizes != [bytes.len().to_string()] {
        let what = format!("{sizes:?}, but {name} has {} bytes", bytes.len());
        c.say("dcat:byteSize", distribution, &what);
    }
    let sha256 = hex(&bytes);
    if hashes != [sha256.clone()] {
        c.say(
            "spdx:checksum",
            distribution,
            &format!("{hashes:?}, but {name} has {sha256}"),
        );
    }
}

fn hex(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

// ---- the real dataset ----

#[test]
fn the_published_catalog_has_every_property_and_no_problem() {
    let published = Published::new("clean");
    let found = problems(&published.bytes("catalog.jsonld"), &published.0);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_published_catalog_says_what_the_dataset_and_publish_json_say() {
    let published = Published::new("values");
    let ds = dataset();
    let catalog = published.json("catalog.jsonld");
    let config: Value =
        serde_json::from_str(&std::fs::read_to_string(PUBLISH_JSON).unwrap()).unwrap();
    let data = &catalog["dcat:dataset"];

    assert_eq!(catalog["@id"], format!("{BASE}catalog.jsonld#catalog"));
    assert_eq!(data["@id"], format!("{BASE}catalog.jsonld#dataset"));
    assert_eq!(data["dcat:version"], ds.dataset_version);
    assert_eq!(data["dct:modified"]["@value"], ds.modified);
    assert_eq!(catalog["dct:publisher"]["foaf:name"], ds.publisher.name);
    assert_eq!(data["dct:identifier"], config["dataset"]["identifier"]);
    assert_eq!(data["dct:title"]["@value"], config["dataset"]["title"]);
    let keywords: Vec<&Value> = data["dcat:keyword"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| &k["@value"])
        .collect();
    assert_eq!(
        keywords,
        config["dataset"]["keywords"]
            .as_array()
            .unwrap()
            .iter()
            .collect::<Vec<_>>()
    );
    assert_eq!(data["dcat:theme"]["@id"], GOVE);
    assert_eq!(
        data["dcatde:politicalGeocodingLevelURI"]["@id"],
        format!("{GEOCODING}Level/federal")
    );
    assert_eq!(
        data["dcat:contactPoint"]["vcard:hasEmail"]["@id"],
        format!(
            "mailto:{}",
            config["contactPoint"]["email"].as_str().unwrap()
        )
    );
    assert_eq!(
        data["dcatde:maintainer"]["foaf:name"],
        config["maintainer"]["name"]
    );

    // The Länder and Kreise of the bodies: 4 Länder, 10 Kreise and
    // kreisfreie Städte (Eching, Mölln, Föhr-Amrum lie in listed ones).
    let spatial: BTreeSet<String> = data["dct:spatial"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["@id"].as_str().unwrap().replace(GEOCODING, ""))
        .collect();
    let expected: BTreeSet<String> = [
        "stateKey/01",
        "stateKey/03",
        "stateKey/09",
        "stateKey/13",
        "districtKey/01003",
        "districtKey/01053",
        "districtKey/01054",
        "districtKey/01060",
        "districtKey/03101",
        "districtKey/03102",
        "districtKey/03103",
        "districtKey/03151",
        "districtKey/09178",
        "districtKey/09184",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    assert_eq!(spatial, expected);

    // Each distribution: its absolute address, and the manifest's hash and size.
    let manifest = published.json("manifest.json");
    let distributions = data["dcat:distribution"].as_array().unwrap();
    let names: Vec<&str> = distributions
        .iter()
        .map(|d| {
            d["dcat:downloadURL"]["@id"]
                .as_str()
                .unwrap()
                .strip_prefix(BASE)
                .unwrap()
        })
        .collect();
    assert_eq!(
        names,
        [
            "partnerships.json",
            "partnerships.schema.json",
            "slices/index.json"
        ]
    );
    for (name, distribution) in names.iter().zip(distributions) {
        let entry = &manifest["files"][name];
        assert_eq!(
            distribution["dcat:accessURL"]["@id"],
            format!("{BASE}{name}")
        );
        assert_eq!(
            distribution["dcat:mediaType"]["@id"],
            format!("{IANA}application/json")
        );
        assert_eq!(
            distribution["dct:format"]["@id"],
            format!("{FILE_TYPES}JSON")
        );
        assert_eq!(distribution["dct:license"]["@id"], DL_BY);
        assert_eq!(
            distribution["dcatde:licenseAttributionByText"]["@value"],
            config["attribution"]
        );
        assert_eq!(distribution["dct:modified"]["@value"], ds.modified);
        assert_eq!(
            distribution["spdx:checksum"]["spdx:checksumValue"]["@value"],
            entry["sha256"]
        );
        assert_eq!(
            distribution["dcat:byteSize"]["@value"],
            entry["bytes"].to_string()
        );
    }
    // Both documents of the catalog are in the manifest.
    for name in ["catalog.jsonld", "catalog.ttl"] {
        assert_eq!(
            manifest["files"][name]["sha256"],
            hex(&published.bytes(name)),
            "{name}"
        );
    }
    assert!(
        !published.0.join("dcat.jsonld").exists(),
        "the catalog replaces dcat.jsonld"
    );
}

#[test]
fn the_turtle_is_the_same_graph_as_the_json_ld() {
    let published = Published::new("turtle");
    let from_json_ld = graph_of_json_ld(&published.bytes("catalog.jsonld")).unwrap();
    let mut from_turtle = Graph::new();
    for triple in TurtleParser::new().for_slice(&published.bytes("catalog.ttl")) {
        from_turtle.insert(&triple.unwrap());
    }
    from_turtle.canonicalize(CanonicalizationAlgorithm::Rdfc10 {
        hash_algorithm: CanonicalizationHashAlgorithm::Sha256,
    });
    assert!(
        from_json_ld.len() > 100,
        "{} statements",
        from_json_ld.len()
    );
    assert_eq!(from_json_ld, from_turtle);
}

#[test]
fn the_same_catalog_gives_the_same_bytes() {
    let files = |name: &str| {
        Some(FileFacts {
            sha256: format!("{:064x}", name.len()),
            bytes: name.len(),
        })
    };
    let a = Catalog::new(&dataset(), &metadata(), files).unwrap();
    let b = Catalog::new(&dataset(), &metadata(), files).unwrap();
    assert_eq!(a.json_ld(), b.json_ld());
    assert_eq!(a.turtle().unwrap(), b.turtle().unwrap());
}

// ---- broken variants must fail ----

/// Changes one part of the published catalog and expects a problem naming `property`.
fn broken(published: &Published, property: &str, change: impl FnOnce(&mut Value)) {
    let mut catalog = published.json("catalog.jsonld");
    change(&mut catalog);
    let found = problems(&serde_json::to_vec(&catalog).unwrap(), &published.0);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with(&format!("{property} "))
                || f.starts_with(&format!("{property}:"))),
        "expected a problem with {property}, found {found:#?}"
    );
}

/// A property and a change of the catalog that must make it fail.
type Breakage = (&'static str, fn(&mut Value));

/// Removes a member of a JSON object.
fn remove(value: &mut Value, member: &str) {
    value.as_object_mut().unwrap().remove(member);
}

#[test]
fn broken_distributions_fail_the_checks() {
    let published = Published::new("broken-distribution");
    let cases: [Breakage; 14] = [
        ("dcat:mediaType", |d| {
            d["dcat:mediaType"] = json!("application/json")
        }),
        (
            "dcat:mediaType",
            |d| {
                d["dcat:mediaType"] = json!({ "@id": "https://example.org/application/json", "@type": "dct:MediaType" })
            },
        ),
        ("dcat:downloadURL", |d| {
            d["dcat:downloadURL"] = json!("partnerships.json")
        }),
        (
            "dcat:downloadURL",
            |d| {
                d["dcat:downloadURL"] =
                    json!({ "@id": "https://elsewhere.example.org/partnerships.json" })
            },
        ),
        ("dcat:accessURL", |d| remove(d, "dcat:accessURL")),
        ("spdx:checksum", |d| remove(d, "spdx:checksum")),
        ("spdx:checksum", |d| {
            d["spdx:checksum"]["spdx:checksumValue"]["@value"] = json!(hex(b"other bytes"))
        }),
        ("spdx:algorithm", |d| {
            d["spdx:checksum"]["spdx:algorithm"] = json!({ "@id": "spdx:checksumAlgorithm_md5" })
        }),
        ("dcat:byteSize", |d| {
            d["dcat:byteSize"]["@value"] = json!("1")
        }),
        ("dcat:byteSize", |d| remove(d, "dcat:byteSize")),
        ("dcatde:licenseAttributionByText", |d| {
            remove(d, "dcatde:licenseAttributionByText")
        }),
        ("dct:license", |d| d["dct:license"] = json!("dl-de/by-2-0")),
        ("dct:format", |d| {
            d["dct:format"] = json!({ "@id": "http://example.org/JSON" })
        }),
        ("dct:modified", |d| d["dct:modified"] = json!("2026-11-28")),
    ];
    for (property, change) in cases {
        broken(&published, property, |c| {
            change(&mut c["dcat:dataset"]["dcat:distribution"][0])
        });
    }
}

#[test]
fn broken_datasets_and_catalogs_fail_the_checks() {
    let published = Published::new("broken-dataset");
    let cases: [Breakage; 13] = [
        ("@id", |d| remove(d, "@id")),
        ("dcat:contactPoint", |d| remove(d, "dcat:contactPoint")),
        ("vcard:hasEmail", |d| {
            d["dcat:contactPoint"]["vcard:hasEmail"] = json!("partnerschaften@example.org")
        }),
        ("dcat:theme", |d| remove(d, "dcat:theme")),
        ("dcat:keyword", |d| {
            d["dcat:keyword"] = json!(["Digitalisierung"])
        }),
        ("dcat:version", |d| remove(d, "dcat:version")),
        ("owl:versionInfo", |d| {
            d["http://www.w3.org/2002/07/owl#versionInfo"] = json!("1.0.0")
        }),
        ("dcatde:politicalGeocodingURI", |d| {
            d["dcatde:politicalGeocodingURI"] = json!({ "@id": format!("{GEOCODING}stateKey/01") })
        }),
        ("dcatde:politicalGeocodingLevelURI", |d| {
            remove(d, "dcatde:politicalGeocodingLevelURI")
        }),
        ("dct:spatial", |d| {
            d["dct:spatial"] = json!([{ "@id": format!("{GEOCODING}stateKey/01") }])
        }),
        ("dct:license", |d| {
            d["dct:license"] = json!({ "@id": DL_BY })
        }),
        ("dcatde:maintainer", |d| remove(d, "dcatde:maintainer")),
        ("dcat:distribution", |d| d["dcat:distribution"] = json!([])),
    ];
    for (property, change) in cases {
        broken(&published, property, |c| change(&mut c["dcat:dataset"]));
    }
    broken(&published, "dct:publisher", |c| remove(c, "dct:publisher"));
    broken(&published, "dcat:Catalog", |c| {
        c["@type"] = json!("dcat:Dataset")
    });
}

// ---- the publisher's values ----

#[test]
fn the_placeholders_of_publish_json_are_named_until_replaced() {
    let shipped = metadata();
    let named = shipped.placeholders();
    assert_eq!(
        named,
        [
            "baseUrl: https://example.org/partnerschaften/",
            "contactPoint.email: partnerschaften@example.org",
            "maintainer.email: partnerschaften@example.org",
        ]
    );
    let served = shipped
        .with_base_url("https://daten.kreis-segeberg.de/partnerschaften/")
        .unwrap();
    assert!(!served
        .placeholders()
        .iter()
        .any(|p| p.starts_with("baseUrl")));
    let files = |_: &str| {
        Some(FileFacts {
            sha256: "0".repeat(64),
            bytes: 1,
        })
    };
    let catalog: Value =
        serde_json::from_slice(&Catalog::new(&dataset(), &served, files).unwrap().json_ld())
            .unwrap();
    assert_eq!(
        catalog["dcat:dataset"]["dcat:distribution"][0]["dcat:downloadURL"]["@id"],
        "https://daten.kreis-segeberg.de/partnerschaften/partnerships.json"
    );
}

#[test]
fn bad_publisher_values_are_refused() {
    let shipped = std::fs::read_to_string(PUBLISH_JSON).unwrap();
    for base in [
        "partnerschaften/",
        "ftp://example.org/",
        "https://",
        "https://example.org/?a=1",
    ] {
        let refused = metadata().with_base_url(base);
        assert!(refused.is_err(), "{base}");
    }
    let changed = |change: fn(&mut Value)| {
        let mut value: Value = serde_json::from_str(&shipped).unwrap();
        change(&mut value);
        Metadata::parse(&value.to_string())
    };
    assert!(changed(|_| ()).is_ok());
    assert!(changed(|v| v["contactPoint"]["email"] = json!("nobody")).is_err());
    assert!(changed(|v| v["maintainer"]["name"] = json!(" ")).is_err());
    assert!(changed(|v| v["dataset"]["keywords"] = json!(["Digitalisierung", ""])).is_err());
    assert!(changed(|v| v["dataset"]["politicalGeocodingLevel"] = json!("kreis")).is_err());
    assert!(changed(|v| v["homepage"] = json!("https://example.org/")).is_err());
    assert!(changed(|v| remove(v, "attribution")).is_err());

    // A licence that asks to name the source needs the attribution text.
    let files = |_: &str| {
        Some(FileFacts {
            sha256: "0".repeat(64),
            bytes: 1,
        })
    };
    let silent = changed(|v| v["attribution"] = json!("")).unwrap();
    assert!(Catalog::new(&dataset(), &silent, files).is_err());
    let mut unknown_licence = dataset();
    unknown_licence.license.id = "proprietary".into();
    assert!(Catalog::new(&unknown_licence, &metadata(), files).is_err());
    // Every distribution must have been published.
    assert!(Catalog::new(&dataset(), &metadata(), |_| None).is_err());
}
