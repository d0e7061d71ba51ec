//! A deterministic synthetic Germany-sized dataset, for benchmarks and
//! tests only: it is never shipped as data. 16 Länder, 400 Kreise, about
//! 1 000 Ämter and 11 000 Gemeinden with plausible key structure, about 800
//! organisations (some nested) and 20 000 partnerships of all kinds with 2 to
//! 200 partners.

use crate::model::dataset::{
    Body, Dataset, Kind, License, Membership, Organisation, Partner, Partnership, Publisher,
    Relation, Source, Status, SCHEMA_VERSION,
};

/// xorshift64*: small, fast, reproducible from the seed (also used by the
/// property tests, so a failure is reproducible from its seed).
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` (0 is replaced by 1: xorshift needs a non-zero state).
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const KINDS: [Kind; 6] = [
    Kind::AnstaltOeffentlichenRechts,
    Kind::Gesellschaftsbeteiligung,
    Kind::Kooperationsvereinbarung,
    Kind::Verwaltungskooperation,
    Kind::InterkommunaleKooperation,
    Kind::Foerderantrag,
];
const TOPICS: [&str; 8] = [
    "OZG-Umsetzung",
    "Gemeinsame IT",
    "Fachverfahren",
    "Digitale Souveränität",
    "Open Data",
    "IT-Sicherheit",
    "Digitaler Zwilling",
    "Breitband",
];

struct Kreis {
    key: String,
    gemeinden: Vec<String>,
    verbaende: Vec<String>,
}

fn key_partner(key: &str, rng: &mut Rng) -> Partner {
    let since =
        (rng.below(10) > 0).then(|| format!("{}-{:02}", 2005 + rng.below(21), 1 + rng.below(12)));
    let reported = since.is_none().then(|| format!("{}", 2010 + rng.below(16)));
    Partner {
        key: Some(key.to_owned()),
        org: None,
        name: None,
        role: None,
        since,
        reported,
    }
}

/// The synthetic dataset for `seed` (same seed, same dataset).
pub fn generate(seed: u64) -> Dataset {
    let mut rng = Rng::new(seed);
    let mut bodies = Vec::new();
    let mut kreise_by_land: Vec<Vec<Kreis>> = Vec::new();
    for land in 1..=16u32 {
        let land_key = format!("{land:02}");
        bodies.push(Body {
            key: land_key.clone(),
            name: format!("Land {land_key}"),
        });
        let mut kreise = Vec::new();
        for k in 1..=25u32 {
            let kreis_key = format!("{land_key}{}{:02}", k / 10, k % 10 + 1);
            bodies.push(Body {
                key: kreis_key.clone(),
                name: format!("Kreis {kreis_key}"),
            });
            let mut verbaende = Vec::new();
            for v in 0..(2 + rng.below(2)) {
                let verband = format!("{kreis_key}{:04}", 5001 + v);
                bodies.push(Body {
                    key: verband.clone(),
                    name: format!("Amt {verband}"),
                });
                verbaende.push(verband);
            }
            let mut gemeinden = Vec::new();
            for g in 1..=(20 + rng.below(15)) {
                // A third lie in an Amt; the others are amtsfrei.
                let verband = if g % 3 == 0 {
                    verbaende[rng.below(verbaende.len())][5..].to_owned()
                } else {
                    format!("0{g:03}")
                };
                let ars = format!("{kreis_key}{verband}{g:03}");
                bodies.push(Body {
                    key: ars.clone(),
                    name: format!("Gemeinde {ars}"),
                });
                gemeinden.push(ars);
            }
            kreise.push(Kreis {
                key: kreis_key,
                gemeinden,
                verbaende,
            });
        }
        kreise_by_land.push(kreise);
    }

    // Organisations: regional groups of bodies, some with earlier organisations as members.
    let mut organisations: Vec<Organisation> = Vec::new();
    for o in 0..800usize {
        let land = rng.below(16);
        let kreis = &kreise_by_land[land][rng.below(25)];
        let mut members: Vec<Membership> = Vec::new();
        for _ in 0..(2 + rng.below(10)) {
            let key = if rng.below(3) == 0 {
                kreis.key.clone()
            } else {
                rng.pick(&kreis.gemeinden).clone()
            };
            if !members
                .iter()
                .any(|m| m.key.as_deref() == Some(key.as_str()))
            {
                members.push(Membership {
                    key: Some(key),
                    org: None,
                    name: None,
                    relation: Relation::Member,
                });
            }
        }
        if o > 10 && rng.below(10) == 0 {
            let inner = organisations[rng.below(o)].id.clone();
            members.push(Membership {
                key: None,
                org: Some(inner),
                name: None,
                relation: Relation::Owner,
            });
        }
        organisations.push(Organisation {
            id: format!("org-{o}"),
            name: format!("Verbund {o}"),
            form: None,
            members,
        });
    }

    let mut partnerships = Vec::new();
    for i in 0..20_000usize {
        let land = rng.below(16);
        let kreise = &kreise_by_land[land];
        let home = rng.below(25);
        let size = match rng.below(100) {
            0..=79 => 2 + rng.below(3),
            80..=98 => 5 + rng.below(16),
            _ => 21 + rng.below(180),
        };
        let mut keys: Vec<String> = Vec::new();
        let small = size <= 4;
        if small && rng.below(50) == 0 {
            keys.push(format!("{:02}", land + 1));
        }
        while keys.len() < size {
            // Mostly the home Kreis and its neighbours; larger ones spread over
            // the Land and are made of Gemeinden (a Zweckverband, say), while
            // Kreise and Ämter take part mostly in small partnerships.
            let kreis = if size > 20 || rng.below(4) == 0 {
                &kreise[rng.below(25)]
            } else {
                &kreise[(home + rng.below(2)) % 25]
            };
            let key = match (small, rng.below(100)) {
                (true, 0..=7) => kreis.key.clone(),
                (true, 8..=17) => rng.pick(&kreis.verbaende).clone(),
                (false, 0..=1) => rng.pick(&kreis.verbaende).clone(),
                _ => rng.pick(&kreis.gemeinden).clone(),
            };
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        let mut partners: Vec<Partner> = keys.iter().map(|k| key_partner(k, &mut rng)).collect();
        if rng.below(10) == 0 {
            partners.push(Partner {
                key: None,
                org: Some(format!("org-{}", rng.below(800))),
                name: None,
                role: Some("Dienstleister".into()),
                since: None,
                reported: Some("2024".into()),
            });
        }
        let topics = (0..1 + rng.below(3))
            .map(|_| (*rng.pick(&TOPICS)).to_owned())
            .collect();
        partnerships.push(Partnership {
            id: format!("p-{i}"),
            title: format!("Partnerschaft {i}"),
            kind: *rng.pick(&KINDS),
            status: if rng.below(10) == 0 {
                Status::Planned
            } else {
                Status::Active
            },
            topics,
            description: "Synthetische Partnerschaft für Messungen; keine echten Daten.".into(),
            curator_note: None,
            partners,
            sources: vec![Source {
                publisher: Some("Synthetischer Generator".into()),
                title: Some(format!("Meldung {i}")),
                date: Some(format!("{}", 2010 + rng.below(16))),
                url: Some(format!("https://example.org/meldung/{i}")),
            }],
        });
    }

    Dataset {
        schema: None,
        schema_version: SCHEMA_VERSION.into(),
        dataset_version: format!("synthetic-{seed}"),
        modified: "2026-01-01".into(),
        publisher: Publisher {
            name: "Synthetischer Generator (nur für Messungen)".into(),
            url: None,
        },
        license: License {
            id: "dl-de/by-2-0".into(),
            name: "Datenlizenz Deutschland – Namensnennung – Version 2.0".into(),
            url: "https://www.govdata.de/dl-de/by-2-0".into(),
        },
        bodies,
        organisations,
        partnerships,
    }
}
