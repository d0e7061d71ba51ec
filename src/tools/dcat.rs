//! DCAT-AP.de 3.0 metadata of a published dataset: the catalog an open-data
//! portal's harvester reads (`catalog.jsonld`, and the same graph as
//! `catalog.ttl`).
//!
//! The facts come from three places, each said once: the dataset (its
//! publisher, licence, version, date and the bodies it covers), the
//! publisher's own values in `publish.json` ([`Metadata`]: base URL,
//! texts, keywords, contact point, maintainer, attribution), and the
//! published files themselves (checksum and size, as the manifest records
//! them). The vocabularies' IRIs are here.
//!
//! The graph is built once, as JSON-LD. The Turtle copy is that JSON-LD read
//! by a JSON-LD processor and written by a Turtle serialiser, so the two
//! cannot say different things.

use std::collections::BTreeSet;
use std::path::Path;

use oxjsonld::JsonLdParser;
use oxrdf::dataset::{CanonicalizationAlgorithm, CanonicalizationHashAlgorithm};
use oxrdf::{Graph, NamedNode, Triple};
use oxttl::TurtleSerializer;
use serde::Deserialize;
use serde_json::{json, Value};

use super::ToolError;
use crate::model::dataset::Dataset;
use crate::model::key::{Level, OfficialKey};

/// Where `partnerships-data publish` looks for the publisher's values.
pub const CONFIG_PATH: &str = "publish.json";
/// The catalog as JSON-LD: the address a portal's harvester is given.
pub const CATALOG_JSONLD: &str = "catalog.jsonld";
/// The same catalog as Turtle.
pub const CATALOG_TURTLE: &str = "catalog.ttl";

/// The prefixes of both serialisations.
const PREFIXES: [(&str, &str); 9] = [
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dct", "http://purl.org/dc/terms/"),
    ("dcatde", "http://dcat-ap.de/def/dcatde/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("vcard", "http://www.w3.org/2006/vcard/ns#"),
    ("spdx", "http://spdx.org/rdf/terms#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
];

/// The EU data theme of the dataset: Government and public sector.
const THEME: &str = "http://publications.europa.eu/resource/authority/data-theme/GOVE";
const THEMES: &str = "http://publications.europa.eu/resource/authority/data-theme";
const LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language/DEU";
const PUBLIC: &str = "http://publications.europa.eu/resource/authority/access-right/PUBLIC";
const FILE_TYPE_JSON: &str = "http://publications.europa.eu/resource/authority/file-type/JSON";
/// IANA's registry page of the media type, which DCAT-AP.de uses as its IRI.
/// `application/schema+json` is not registered, so the schema is JSON too.
const MEDIA_TYPE_JSON: &str = "https://www.iana.org/assignments/media-types/application/json";
const GEOCODING: &str = "http://dcat-ap.de/def/politicalGeocoding/";

/// The published files the dataset is distributed as, with their titles.
const DISTRIBUTIONS: [(&str, &str); 3] = [
    ("partnerships.json", "Alle Partnerschaften (JSON)"),
    ("partnerships.schema.json", "JSON-Schema des Datensatzes"),
    (
        "slices/index.json",
        "Verzeichnis der Auszüge je Gebiet (JSON)",
    ),
];

/// The DCAT-AP.de licence IRI of a licence id of the dataset, and whether
/// the licence requires naming the source (then every distribution carries
/// `dcatde:licenseAttributionByText`, rule K35).
fn licence(id: &str) -> Option<(&'static str, bool)> {
    match id {
        "dl-de/by-2-0" => Some(("http://dcat-ap.de/def/licenses/dl-by-de/2.0", true)),
        "dl-de/zero-2-0" => Some(("http://dcat-ap.de/def/licenses/dl-zero-de/2.0", false)),
        "CC-BY-4.0" => Some(("http://dcat-ap.de/def/licenses/cc-by/4.0", true)),
        "CC0-1.0" => Some(("http://dcat-ap.de/def/licenses/cc-zero", false)),
        _ => None,
    }
}

/// The publisher's own values, read from `publish.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Metadata {
    /// A note for whoever edits the file; not published.
    #[serde(rename = "$comment", default)]
    pub comment: Option<String>,
    /// The address the published folder is served at; every download and
    /// access address and every node of the catalog is made absolute with it.
    pub base_url: String,
    /// Title and description of the catalog.
    pub catalog: Texts,
    /// What is said of the dataset beyond the dataset itself.
    pub dataset: DatasetTexts,
    /// Whom readers contact about the dataset (`dcat:contactPoint`).
    pub contact_point: Contact,
    /// Who keeps the metadata (`dcatde:maintainer`).
    pub maintainer: Contact,
    /// How users name the source, as the licence asks
    /// (`dcatde:licenseAttributionByText`).
    pub attribution: String,
}

/// A title and a description, in German.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    /// The title.
    pub title: String,
    /// The description.
    pub description: String,
}

/// The dataset's metadata texts.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DatasetTexts {
    /// A stable identifier (`dct:identifier`).
    pub identifier: String,
    /// The title.
    pub title: String,
    /// The description.
    pub description: String,
    /// Keywords in German (`dcat:keyword`).
    pub keywords: Vec<String>,
    /// The administrative level the dataset is collected and published at
    /// (`dcatde:politicalGeocodingLevelURI`).
    pub political_geocoding_level: GeocodingLevel,
}

/// The levels of DCAT-AP.de's list `politicalGeocoding/Level`.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GeocodingLevel {
    /// International.
    International,
    /// The European Union.
    European,
    /// The Federation (Bund), or several Länder.
    Federal,
    /// One Land.
    State,
    /// One Kreis.
    AdministrativeDistrict,
    /// One Gemeinde.
    Municipality,
}

impl GeocodingLevel {
    fn iri(self) -> String {
        let name = match self {
            GeocodingLevel::International => "international",
            GeocodingLevel::European => "european",
            GeocodingLevel::Federal => "federal",
            GeocodingLevel::State => "state",
            GeocodingLevel::AdministrativeDistrict => "administrativeDistrict",
            GeocodingLevel::Municipality => "municipality",
        };
        format!("{GEOCODING}Level/{name}")
    }
}

/// A contact: a name and an e-mail address, optionally a web address.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The name (an office, not a person).
    pub name: String,
    /// The e-mail address, without `mailto:`.
    pub email: String,
    /// A web address (`http` or `https`).
    #[serde(default)]
    pub url: Option<String>,
}

impl Metadata {
    /// Reads and checks the publisher's values from a file.
    pub fn read(path: &Path) -> Result<Metadata, ToolError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ToolError::Unreadable(format!("{}: cannot read: {e}", path.display())))?;
        Metadata::parse(&text)
            .map_err(|e| ToolError::Unreadable(format!("{}: {e}", path.display())))
    }

    /// Reads the publisher's values from `config`; with `base_url`, served
    /// from that address instead of the file's.
    pub fn load(config: &Path, base_url: Option<&str>) -> Result<Metadata, ToolError> {
        let metadata = Metadata::read(config)?;
        match base_url {
            Some(url) => metadata
                .with_base_url(url)
                .map_err(|e| ToolError::Unreadable(format!("--base-url: {e}"))),
            None => Ok(metadata),
        }
    }

    /// Reads and checks the publisher's values from JSON text.
    pub fn parse(text: &str) -> Result<Metadata, String> {
        let metadata: Metadata = serde_json::from_str(text).map_err(|e| e.to_string())?;
        metadata.check()?;
        Ok(metadata)
    }

    /// The same values served from another address.
    pub fn with_base_url(mut self, base_url: &str) -> Result<Metadata, String> {
        base_url.clone_into(&mut self.base_url);
        self.check()?;
        Ok(self)
    }

    fn check(&self) -> Result<(), String> {
        web_address(&self.base_url).map_err(|e| format!("baseUrl: {e}"))?;
        for (field, contact) in [
            ("contactPoint", &self.contact_point),
            ("maintainer", &self.maintainer),
        ] {
            if contact.name.trim().is_empty() {
                return Err(format!("{field}.name is empty"));
            }
            mailto(&contact.email).map_err(|e| format!("{field}.email: {e}"))?;
            if let Some(url) = &contact.url {
                web_address(url).map_err(|e| format!("{field}.url: {e}"))?;
            }
        }
        let texts = [
            ("catalog.title", &self.catalog.title),
            ("catalog.description", &self.catalog.description),
            ("dataset.identifier", &self.dataset.identifier),
            ("dataset.title", &self.dataset.title),
            ("dataset.description", &self.dataset.description),
        ];
        for (field, text) in texts {
            if text.trim().is_empty() {
                return Err(format!("{field} is empty"));
            }
        }
        if self.dataset.keywords.iter().any(|k| k.trim().is_empty()) {
            return Err("dataset.keywords: a keyword is empty".into());
        }
        Ok(())
    }

    /// The values that still name a reserved example domain (RFC 2606:
    /// `example.org` and the like), which must be replaced before a
    /// release, each as `field: value`.
    pub fn placeholders(&self) -> Vec<String> {
        let mut found = Vec::new();
        let mut see = |field: &str, value: &str, host: Option<&str>| {
            if host.is_some_and(is_example_host) {
                found.push(format!("{field}: {value}"));
            }
        };
        see("baseUrl", &self.base_url, host_of(&self.base_url));
        for (field, contact) in [
            ("contactPoint", &self.contact_point),
            ("maintainer", &self.maintainer),
        ] {
            let email_host = contact.email.rsplit_once('@').map(|(_, host)| host);
            see(&format!("{field}.email"), &contact.email, email_host);
            if let Some(url) = &contact.url {
                see(&format!("{field}.url"), url, host_of(url));
            }
        }
        found
    }

    /// The absolute address of a published file.
    fn url(&self, name: &str) -> String {
        format!("{}/{name}", self.base_url.trim_end_matches('/'))
    }
}

/// Checks an absolute `http`/`https` address without query or fragment.
fn web_address(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("{url:?} is not an http or https address"))?;
    if rest.is_empty() || rest.starts_with('/') || url.contains(['?', '#']) {
        return Err(format!("{url:?} is not an address of a folder on a host"));
    }
    NamedNode::new(url).map_err(|e| format!("{url:?}: {e}"))?;
    Ok(())
}

/// The `mailto:` IRI of an e-mail address.
fn mailto(email: &str) -> Result<String, String> {
    let valid = email
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
        && !email.contains(|c: char| c.is_whitespace() || "<>:/?#".contains(c));
    if !valid {
        return Err(format!("{email:?} is not an e-mail address"));
    }
    let iri = format!("mailto:{email}");
    NamedNode::new(&iri).map_err(|e| format!("{email:?}: {e}"))?;
    Ok(iri)
}

fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    Some(rest.split(['/', ':']).next().unwrap_or(rest))
}

/// Domains reserved for examples (RFC 2606, RFC 6761).
fn is_example_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    ["example.org", "example.com", "example.net"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || [".example", ".invalid", ".test", ".localhost"]
            .iter()
            .any(|tld| host.ends_with(tld))
}

/// A published file as the manifest records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFacts {
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: usize,
}

/// The catalog of a published dataset, as JSON-LD.
#[derive(Clone, Debug)]
pub struct Catalog(Value);

impl Catalog {
    /// The catalog of `dataset` published with `metadata`; `file` gives
    /// the manifest's facts of a published file by its name (relative to
    /// the published folder).
    pub fn new(
        dataset: &Dataset,
        metadata: &Metadata,
        file: impl Fn(&str) -> Option<FileFacts>,
    ) -> Result<Catalog, ToolError> {
        let (licence, needs_attribution) = licence(&dataset.license.id).ok_or_else(|| {
            ToolError::Invalid(format!(
                "licence {:?} has no DCAT-AP.de licence IRI known to tools/dcat.rs",
                dataset.license.id
            ))
        })?;
        if needs_attribution && metadata.attribution.trim().is_empty() {
            return Err(ToolError::Unreadable(format!(
                "licence {} requires naming the source: set `attribution` in {CONFIG_PATH}",
                dataset.license.id
            )));
        }
        let document = metadata.url(CATALOG_JSONLD);
        let node = |name: &str| format!("{document}#{name}");
        let date = |value: &str| json!({ "@value": value, "@type": "xsd:date" });
        let german = |value: &str| json!({ "@value": value, "@language": "de" });
        let typed = |iri: &str, class: &str| json!({ "@id": iri, "@type": class });

        let mut distributions = Vec::new();
        for (name, title) in DISTRIBUTIONS {
            let facts = file(name).ok_or_else(|| {
                ToolError::Unreadable(format!("{name} was not published: no metadata for it"))
            })?;
            let url = json!({ "@id": metadata.url(name) });
            let mut distribution = json!({
                "@id": node(&format!("distribution/{name}")),
                "@type": "dcat:Distribution",
                "dct:title": german(title),
                "dcat:accessURL": url,
                "dcat:downloadURL": url,
                "dct:format": typed(FILE_TYPE_JSON, "dct:MediaTypeOrExtent"),
                "dcat:mediaType": typed(MEDIA_TYPE_JSON, "dct:MediaType"),
                "dct:license": typed(licence, "dct:LicenseDocument"),
                "dct:modified": date(&dataset.modified),
                "dcat:byteSize": { "@value": facts.bytes.to_string(), "@type": "xsd:nonNegativeInteger" },
                "spdx:checksum": {
                    "@type": "spdx:Checksum",
                    "spdx:algorithm": { "@id": "spdx:checksumAlgorithm_sha256" },
                    "spdx:checksumValue": { "@value": facts.sha256, "@type": "xsd:hexBinary" },
                },
            });
            if needs_attribution {
                distribution["dcatde:licenseAttributionByText"] = german(&metadata.attribution);
            }
            distributions.push(distribution);
        }

        let publisher_id = node("publisher");
        let mut publisher = json!({
            "@id": publisher_id,
            "@type": "foaf:Organization",
            "foaf:name": dataset.publisher.name,
        });
        if let Some(url) = &dataset.publisher.url {
            publisher["foaf:homepage"] = json!({ "@id": url });
        }
        let contact = &metadata.contact_point;
        let mut contact_point = json!({
            "@type": ["vcard:Kind", "vcard:Organization"],
            "vcard:fn": contact.name,
            "vcard:hasEmail": { "@id": mailto(&contact.email).map_err(ToolError::Unreadable)? },
        });
        if let Some(url) = &contact.url {
            contact_point["vcard:hasURL"] = json!({ "@id": url });
        }
        let mut maintainer = json!({
            "@type": "foaf:Organization",
            "foaf:name": metadata.maintainer.name,
            "foaf:mbox": { "@id": mailto(&metadata.maintainer.email).map_err(ToolError::Unreadable)? },
        });
        if let Some(url) = &metadata.maintainer.url {
            maintainer["foaf:homepage"] = json!({ "@id": url });
        }
        let texts = &metadata.dataset;
        let spatial: Vec<Value> = spatial(dataset)
            .iter()
            .map(|iri| typed(iri, "dct:Location"))
            .collect();

        let context: serde_json::Map<String, Value> = PREFIXES
            .iter()
            .map(|(prefix, iri)| ((*prefix).to_owned(), json!(iri)))
            .collect();
        Ok(Catalog(json!({
            "@context": context,
            "@id": node("catalog"),
            "@type": "dcat:Catalog",
            "dct:title": german(&metadata.catalog.title),
            "dct:description": german(&metadata.catalog.description),
            "dct:publisher": publisher,
            "dct:language": typed(LANGUAGE, "dct:LinguisticSystem"),
            "dct:modified": date(&dataset.modified),
            "dcat:themeTaxonomy": typed(THEMES, "skos:ConceptScheme"),
            "dcat:dataset": {
                "@id": node("dataset"),
                "@type": "dcat:Dataset",
                "dct:identifier": texts.identifier,
                "dct:title": german(&texts.title),
                "dct:description": german(&texts.description),
                "dct:publisher": { "@id": publisher_id },
                "dcat:contactPoint": contact_point,
                "dcatde:maintainer": maintainer,
                "dcat:theme": typed(THEME, "skos:Concept"),
                "dcat:keyword": texts.keywords.iter().map(|k| german(k)).collect::<Vec<_>>(),
                "dct:language": typed(LANGUAGE, "dct:LinguisticSystem"),
                "dct:accessRights": typed(PUBLIC, "dct:RightsStatement"),
                "dct:modified": date(&dataset.modified),
                "dcat:version": dataset.dataset_version,
                "dct:spatial": spatial,
                "dcatde:politicalGeocodingLevelURI": { "@id": texts.political_geocoding_level.iri() },
                "dcat:distribution": distributions,
            },
        })))
    }

    /// The catalog as JSON-LD (indented: people read it too).
    pub fn json_ld(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(&self.0).expect("a JSON value always serialises");
        bytes.push(b'\n');
        bytes
    }

    /// The catalog as Turtle: the graph of [`json_ld`](Self::json_ld) as a
    /// JSON-LD processor reads it, its blank nodes named canonically
    /// (RDFC-1.0) and its statements sorted, so the same catalog gives the
    /// same bytes.
    pub fn turtle(&self) -> Result<Vec<u8>, ToolError> {
        let graph = graph_of_json_ld(&self.json_ld())
            .map_err(|e| ToolError::Invalid(format!("the catalog is not valid JSON-LD: {e}")))?;
        let mut triples: Vec<Triple> = graph.iter().map(|t| t.into_owned()).collect();
        let rdf_type = oxrdf::vocab::rdf::TYPE;
        triples.sort_by_cached_key(|t| {
            let predicate = if t.predicate == rdf_type {
                String::new()
            } else {
                t.predicate.to_string()
            };
            (t.subject.to_string(), predicate, t.object.to_string())
        });
        let mut serializer = TurtleSerializer::new();
        for (prefix, iri) in PREFIXES {
            serializer = serializer
                .with_prefix(prefix, iri)
                .expect("the prefixes are valid IRIs");
        }
        let mut writer = serializer.for_writer(Vec::new());
        for triple in &triples {
            writer
                .serialize_triple(triple)
                .map_err(|e| ToolError::Invalid(format!("cannot write Turtle: {e}")))?;
        }
        writer
            .finish()
            .map_err(|e| ToolError::Invalid(format!("cannot write Turtle: {e}")))
    }
}

/// The RDF graph of a JSON-LD document, its blank nodes named canonically
/// (RDFC-1.0), so that two documents saying the same compare equal.
pub fn graph_of_json_ld(bytes: &[u8]) -> Result<Graph, String> {
    let mut graph = Graph::new();
    for quad in JsonLdParser::new().for_slice(bytes) {
        let quad = quad.map_err(|e| e.to_string())?;
        if !quad.graph_name.is_default_graph() {
            return Err("a named graph: the catalog is one graph".into());
        }
        graph.insert(&Triple::from(quad));
    }
    graph.canonicalize(CanonicalizationAlgorithm::Rdfc10 {
        hash_algorithm: CanonicalizationHashAlgorithm::Sha256,
    });
    Ok(graph)
}

/// The areas the dataset covers, as DCAT-AP.de area IRIs: the Land of every
/// body and the Kreis of every body at or below Kreis level. Finer keys
/// (Ämter, Gemeinden) are left out: a Germany-wide dataset would list
/// thousands, and their Kreis already places them.
fn spatial(dataset: &Dataset) -> BTreeSet<String> {
    let mut areas = BTreeSet::new();
    for body in &dataset.bodies {
        let Ok(key) = body.key.parse::<OfficialKey>() else {
            continue;
        };
        areas.insert(format!("{GEOCODING}stateKey/{}", key.land_key()));
        if key.level() >= Level::Kreis {
            if let Some(kreis) = key.kreis_key() {
                areas.insert(format!("{GEOCODING}districtKey/{kreis}"));
            }
        }
    }
    areas
}
