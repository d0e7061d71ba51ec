//! DCAT-AP.de metadata of a published dataset: what an open-data portal's
//! harvester reads about it.

use std::collections::BTreeSet;

use crate::model::dataset::Dataset;
use crate::model::key::{Level, OfficialKey};

/// DCAT-AP.de metadata (JSON-LD) of a published dataset.
pub fn dcat(dataset: &Dataset, base_url: Option<&str>) -> serde_json::Value {
    let url = |name: &str| match base_url {
        Some(base) => format!("{}/{name}", base.trim_end_matches('/')),
        None => name.to_owned(),
    };
    let mut spatial = BTreeSet::new();
    for body in &dataset.bodies {
        let Ok(key) = body.key.parse::<OfficialKey>() else {
            continue;
        };
        spatial.insert(format!(
            "http://dcat-ap.de/def/politicalGeocoding/stateKey/{}",
            key.land_key()
        ));
        if key.level() >= Level::Kreis {
            if let Some(kreis) = key.kreis_key() {
                spatial.insert(format!(
                    "http://dcat-ap.de/def/politicalGeocoding/districtKey/{kreis}"
                ));
            }
        }
    }
    let spatial: Vec<_> = spatial.into_iter().collect();
    let distribution = |name: &str, title: &str, format: &str| {
        serde_json::json!({
            "@type": "dcat:Distribution",
            "dct:title": title,
            "dcat:accessURL": { "@id": url(name) },
            "dcat:downloadURL": { "@id": url(name) },
            "dct:format": { "@id": format!("http://publications.europa.eu/resource/authority/file-type/{format}") },
            "dcat:mediaType": "application/json",
            "dct:license": { "@id": "http://dcat-ap.de/def/licenses/dl-by-de/2.0" },
        })
    };
    serde_json::json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "owl": "http://www.w3.org/2002/07/owl#",
        },
        "@type": "dcat:Dataset",
        "dct:identifier": "digitale-partnerschaften",
        "dct:title": { "@value": "Digitale Partnerschaften von Ländern, Kreisen, Ämtern und Gemeinden", "@language": "de" },
        "dct:description": { "@value": "Wer mit wem die Digitalisierung der Verwaltung gemeinsam betreibt: gemeinsame IT-Anstalten, Beteiligungen, Kooperationsvereinbarungen, Verwaltungskooperationen und Förderanträge, mit Beteiligten, Daten und Quellen.", "@language": "de" },
        "dct:publisher": { "@type": "foaf:Organization", "foaf:name": dataset.publisher.name },
        "dct:license": { "@id": "http://dcat-ap.de/def/licenses/dl-by-de/2.0" },
        "dct:modified": { "@value": dataset.modified, "@type": "http://www.w3.org/2001/XMLSchema#date" },
        "owl:versionInfo": dataset.dataset_version,
        "dct:spatial": spatial.iter().map(|s| serde_json::json!({ "@id": s })).collect::<Vec<_>>(),
        "dcatde:politicalGeocodingURI": spatial.iter().map(|s| serde_json::json!({ "@id": s })).collect::<Vec<_>>(),
        "dcat:distribution": [
            distribution("partnerships.json", "Alle Partnerschaften (JSON)", "JSON"),
            distribution("partnerships.schema.json", "JSON-Schema des Datensatzes", "JSON"),
            distribution("slices/index.json", "Verzeichnis der Auszüge je Gebietsschlüssel (JSON)", "JSON"),
        ],
    })
}
