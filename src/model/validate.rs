//! Checks a loaded dataset and says precisely what is wrong: which entry,
//! which field (as a JSON pointer), and why.

use std::collections::HashSet;
use std::fmt;

use super::dataset::{Dataset, PartyRef, SCHEMA_VERSION};
use super::date::PartialDate;
use super::key::OfficialKey;

/// What a problem makes unusable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The dataset as a whole cannot be trusted (wrong schema version, broken organisations, ...).
    Dataset,
    /// Only the partnership at this index is unusable; the others can be shown.
    Partnership(usize),
}

/// One problem found in a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON pointer to the offending field, e.g. `/partnerships/3/partners/1/key`.
    pub pointer: String,
    /// What is wrong, in plain English for the maintainer or webmaster.
    pub message: String,
    /// What the problem makes unusable.
    pub scope: Scope,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

/// True for an absolute `http:` or `https:` URL with a host.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// True when `id` is a stable id: lowercase ASCII letters and digits in
/// hyphen-separated words.
pub fn is_stable_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, scope: Scope, pointer: String, message: impl Into<String>) {
        self.problems.push(Problem {
            pointer,
            message: message.into(),
            scope,
        });
    }

    fn text(&mut self, scope: Scope, pointer: String, value: &str) {
        if value.trim().is_empty() {
            self.push(scope, pointer, "must not be empty");
        }
    }

    fn date(&mut self, scope: Scope, pointer: String, value: Option<&str>) {
        if let Some(v) = value {
            if let Err(e) = v.parse::<PartialDate>() {
                self.push(scope, pointer, format!("{e}, found \"{v}\""));
            }
        }
    }

    fn url(&mut self, scope: Scope, pointer: String, value: Option<&str>) {
        if let Some(v) = value {
            if !is_web_url(v) {
                self.push(
                    scope,
                    pointer,
                    format!(
                        "only absolute http:// or https:// addresses are allowed, found \"{v}\""
                    ),
                );
            }
        }
    }

    /// Checks that `id` is a well-formed stable id not seen before.
    fn stable_id<'d>(
        &mut self,
        scope: Scope,
        base: &str,
        id: &'d str,
        seen: &mut HashSet<&'d str>,
        what: &str,
    ) {
        let pointer = format!("{base}/id");
        if !is_stable_id(id) {
            self.push(
                scope,
                pointer,
                format!("ids use lowercase letters, digits and hyphens, found \"{id}\""),
            );
        } else if !seen.insert(id) {
            self.push(scope, pointer, format!("duplicate {what} id \"{id}\""));
        }
    }

    /// Checks a `key`/`org`/`name` reference.
    fn party(
        &mut self,
        scope: Scope,
        base: &str,
        party: Option<PartyRef<'_>>,
        known_keys: &HashSet<String>,
        dataset: &Dataset,
    ) {
        match party {
            None => self.push(
                scope,
                base.to_owned(),
                "must have exactly one of \"key\", \"org\" or \"name\"",
            ),
            Some(PartyRef::Key(k)) => match k.parse::<OfficialKey>() {
                Err(e) => self.push(scope, format!("{base}/key"), format!("{e}, found \"{k}\"")),
                Ok(key) if !known_keys.contains(&key.to_string()) => self.push(
                    scope,
                    format!("{base}/key"),
                    format!("key \"{k}\" is not listed in /bodies"),
                ),
                Ok(_) => {}
            },
            Some(PartyRef::Org(id)) => {
                if !dataset.organisations.iter().any(|o| o.id == id) {
                    self.push(
                        scope,
                        format!("{base}/org"),
                        format!("organisation \"{id}\" is not listed in /organisations"),
                    );
                }
            }
            Some(PartyRef::Name(n)) => self.text(scope, format!("{base}/name"), n),
        }
    }
}

/// Every problem in `dataset`, in document order. An empty list means the
/// dataset is valid.
///
/// ```
/// # use partnerships_widget::model::{dataset::Dataset, validate::validate};
/// # let dataset: Dataset = serde_json::from_str(include_str!("../../www/partnerships.json")).unwrap();
/// assert!(validate(&dataset).is_empty());
/// ```
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let whole = Scope::Dataset;

    let major = dataset.schema_version.split('.').next().unwrap_or("");
    let supported = SCHEMA_VERSION.split('.').next().unwrap_or("");
    if major != supported {
        c.push(
            whole,
            "/schemaVersion".into(),
            format!(
                "unsupported schema version \"{}\"; this widget reads {}.x",
                dataset.schema_version, supported
            ),
        );
    }
    c.text(whole, "/datasetVersion".into(), &dataset.dataset_version);
    if dataset
        .modified
        .parse::<PartialDate>()
        .map(|d| d.day.is_none())
        .unwrap_or(true)
    {
        c.push(
            whole,
            "/modified".into(),
            format!(
                "expected a full date YYYY-MM-DD, found \"{}\"",
                dataset.modified
            ),
        );
    }
    c.text(whole, "/publisher/name".into(), &dataset.publisher.name);
    c.url(
        whole,
        "/publisher/url".into(),
        dataset.publisher.url.as_deref(),
    );
    c.text(whole, "/license/id".into(), &dataset.license.id);
    c.url(whole, "/license/url".into(), Some(&dataset.license.url));

    let mut known_keys = HashSet::new();
    for (i, body) in dataset.bodies.iter().enumerate() {
        match body.key.parse::<OfficialKey>() {
            Err(e) => c.push(
                whole,
                format!("/bodies/{i}/key"),
                format!("{e}, found \"{}\"", body.key),
            ),
            Ok(key) => {
                if !known_keys.insert(key.to_string()) {
                    c.push(
                        whole,
                        format!("/bodies/{i}/key"),
                        format!("duplicate key \"{}\"", body.key),
                    );
                }
            }
        }
        c.text(whole, format!("/bodies/{i}/name"), &body.name);
    }

    let mut org_ids = HashSet::new();
    for (i, org) in dataset.organisations.iter().enumerate() {
        let base = format!("/organisations/{i}");
        c.stable_id(whole, &base, &org.id, &mut org_ids, "organisation");
        c.text(whole, format!("{base}/name"), &org.name);
        for (j, member) in org.members.iter().enumerate() {
            let party = member.party();
            if party == Some(PartyRef::Org(org.id.as_str())) {
                c.push(
                    whole,
                    format!("{base}/members/{j}/org"),
                    "an organisation cannot be its own member",
                );
            }
            c.party(
                whole,
                &format!("{base}/members/{j}"),
                party,
                &known_keys,
                dataset,
            );
        }
    }

    let mut partnership_ids = HashSet::new();
    for (i, p) in dataset.partnerships.iter().enumerate() {
        let scope = Scope::Partnership(i);
        let base = format!("/partnerships/{i}");
        c.stable_id(scope, &base, &p.id, &mut partnership_ids, "partnership");
        c.text(scope, format!("{base}/title"), &p.title);
        c.text(scope, format!("{base}/description"), &p.description);
        for (j, topic) in p.topics.iter().enumerate() {
            c.text(scope, format!("{base}/topics/{j}"), topic);
        }
        if p.partners.is_empty() {
            c.push(
                scope,
                format!("{base}/partners"),
                "a partnership needs at least one partner",
            );
        }
        for (j, partner) in p.partners.iter().enumerate() {
            let pbase = format!("{base}/partners/{j}");
            c.party(scope, &pbase, partner.party(), &known_keys, dataset);
            if let Some(role) = &partner.role {
                c.text(scope, format!("{pbase}/role"), role);
            }
            c.date(scope, format!("{pbase}/since"), partner.since.as_deref());
            c.date(
                scope,
                format!("{pbase}/reported"),
                partner.reported.as_deref(),
            );
        }
        for (j, source) in p.sources.iter().enumerate() {
            let sbase = format!("{base}/sources/{j}");
            if let Some(title) = &source.title {
                c.text(scope, format!("{sbase}/title"), title);
            }
            if let Some(publisher) = &source.publisher {
                c.text(scope, format!("{sbase}/publisher"), publisher);
            }
            if source.title.is_none() && source.publisher.is_none() && source.url.is_none() {
                c.push(
                    scope,
                    sbase.clone(),
                    "a source needs at least a title, a publisher or a URL",
                );
            }
            c.date(scope, format!("{sbase}/date"), source.date.as_deref());
            c.url(scope, format!("{sbase}/url"), source.url.as_deref());
        }
    }
    c.problems
}
