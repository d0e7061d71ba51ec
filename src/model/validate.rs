//! Checks a loaded dataset and says precisely what is wrong: which entry,
//! which field (as a JSON pointer), why, and a stable code.
//!
//! Errors make data unusable (the widget leaves out a broken partnership,
//! or refuses a dataset that is broken as a whole); warnings point at data a
//! maintainer should look at but that can be shown.

use std::fmt;

use super::dataset::{Dataset, PartyRef, SCHEMA_VERSION};
use super::date::PartialDate;
use super::key::OfficialKey;
use super::lookup::SortedMap;

/// What a problem makes unusable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The dataset as a whole cannot be trusted (wrong schema version, broken organisations, ...).
    Dataset,
    /// Only the partnership at this index is affected; the others can be shown.
    Partnership(usize),
}

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data can be shown, but a maintainer should look at it.
    Warning,
    /// The data (of its scope) cannot be used.
    Error,
}

/// A rule of validation, with its stable code (documented in the README).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// E100: the schema's major version is not the one this code reads.
    SchemaVersion,
    /// E101: a required text is empty.
    EmptyText,
    /// E102: a date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    BadDate,
    /// E103: an address is not an absolute `http(s)` URL.
    BadUrl,
    /// E104: an official key is malformed.
    BadKey,
    /// E105: a key is not listed in `/bodies`.
    UnknownKey,
    /// E106: an organisation id is not listed in `/organisations`.
    UnknownOrganisation,
    /// E107: a reference does not name exactly one of `key`, `org`, `name`.
    BadReference,
    /// E108: an id is not lowercase letters, digits and hyphens.
    BadId,
    /// E109: an id is used twice.
    DuplicateId,
    /// E110: a key is listed twice in `/bodies`.
    DuplicateKey,
    /// E111: an organisation names itself as member.
    SelfMember,
    /// E112: a partnership has no partners.
    NoPartners,
    /// E113: a source has neither title, publisher nor URL.
    EmptySource,
    /// E114: the modification date is not a full date.
    ModifiedDate,
    /// W200: a partnership has no source.
    NoSource,
    /// W201: a date lies in the future.
    FutureDate,
    /// W202: a partnership names the same partner twice.
    DuplicatePartner,
}

impl Rule {
    /// The stable code of this rule, e.g. `E104`.
    pub fn code(self) -> &'static str {
        match self {
            Rule::SchemaVersion => "E100",
            Rule::EmptyText => "E101",
            Rule::BadDate => "E102",
            Rule::BadUrl => "E103",
            Rule::BadKey => "E104",
            Rule::UnknownKey => "E105",
            Rule::UnknownOrganisation => "E106",
            Rule::BadReference => "E107",
            Rule::BadId => "E108",
            Rule::DuplicateId => "E109",
            Rule::DuplicateKey => "E110",
            Rule::SelfMember => "E111",
            Rule::NoPartners => "E112",
            Rule::EmptySource => "E113",
            Rule::ModifiedDate => "E114",
            Rule::NoSource => "W200",
            Rule::FutureDate => "W201",
            Rule::DuplicatePartner => "W202",
        }
    }

    /// Whether breaking this rule is an error or a warning.
    pub fn severity(self) -> Severity {
        match self {
            Rule::NoSource | Rule::FutureDate | Rule::DuplicatePartner => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One problem found in a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Which rule is broken (gives the code and the severity).
    pub rule: Rule,
    /// JSON pointer to the offending field, e.g. `/partnerships/3/partners/1/key`.
    pub pointer: String,
    /// What is wrong, in plain English for the maintainer or webmaster.
    pub message: String,
    /// What the problem makes unusable.
    pub scope: Scope,
}

impl Problem {
    /// True for an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.rule.severity() == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.rule.code(), self.pointer, self.message)
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

struct Checker<'d> {
    dataset: &'d Dataset,
    today: Option<PartialDate>,
    known_keys: SortedMap<String, ()>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn push(&mut self, rule: Rule, scope: Scope, pointer: String, message: impl Into<String>) {
        self.problems.push(Problem {
            rule,
            pointer,
            message: message.into(),
            scope,
        });
    }

    fn text(&mut self, scope: Scope, pointer: String, value: &str) {
        if value.trim().is_empty() {
            self.push(Rule::EmptyText, scope, pointer, "must not be empty");
        }
    }

    fn date(&mut self, scope: Scope, pointer: String, value: Option<&str>) {
        let Some(v) = value else { return };
        match v.parse::<PartialDate>() {
            Err(e) => self.push(Rule::BadDate, scope, pointer, format!("{e}, found \"{v}\"")),
            Ok(date) => {
                if self.today.is_some_and(|today| date > today) {
                    self.push(
                        Rule::FutureDate,
                        scope,
                        pointer,
                        format!("the date {v} lies in the future"),
                    );
                }
            }
        }
    }

    fn url(&mut self, scope: Scope, pointer: String, value: Option<&str>) {
        if let Some(v) = value {
            if !is_web_url(v) {
                self.push(
                    Rule::BadUrl,
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
    fn stable_id<'a>(
        &mut self,
        scope: Scope,
        base: &str,
        id: &'a str,
        seen: &mut SortedMap<&'a str, ()>,
        what: &str,
    ) {
        let pointer = format!("{base}/id");
        if !is_stable_id(id) {
            self.push(
                Rule::BadId,
                scope,
                pointer,
                format!("ids use lowercase letters, digits and hyphens, found \"{id}\""),
            );
        } else if !seen.insert_if_absent(id, ()) {
            self.push(
                Rule::DuplicateId,
                scope,
                pointer,
                format!("duplicate {what} id \"{id}\""),
            );
        }
    }

    /// Checks a `key`/`org`/`name` reference.
    fn party(&mut self, scope: Scope, base: &str, party: Option<PartyRef<'_>>) {
        match party {
            None => self.push(
                Rule::BadReference,
                scope,
                base.to_owned(),
                "must have exactly one of \"key\", \"org\" or \"name\"",
            ),
            Some(PartyRef::Key(k)) => match k.parse::<OfficialKey>() {
                Err(e) => self.push(
                    Rule::BadKey,
                    scope,
                    format!("{base}/key"),
                    format!("{e}, found \"{k}\""),
                ),
                Ok(key) if !self.known_keys.contains_key(key.to_string().as_str()) => self.push(
                    Rule::UnknownKey,
                    scope,
                    format!("{base}/key"),
                    format!("key \"{k}\" is not listed in /bodies"),
                ),
                Ok(_) => {}
            },
            Some(PartyRef::Org(id)) => {
                if !self.dataset.organisations.iter().any(|o| o.id == id) {
                    self.push(
                        Rule::UnknownOrganisation,
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

/// Every problem in `dataset`, in document order. No error means the
/// dataset can be used; warnings may remain. Dates are not compared with
/// today (see [`validate_as_of`]).
///
/// ```
/// # use partnerships_widget::model::{dataset::Dataset, validate::validate};
/// # let dataset: Dataset = serde_json::from_str(include_str!("../../www/partnerships.json")).unwrap();
/// assert!(validate(&dataset).is_empty());
/// ```
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    validate_as_of(dataset, None)
}

/// Like [`validate`], and warns about dates after `today` (if given).
pub fn validate_as_of(dataset: &Dataset, today: Option<PartialDate>) -> Vec<Problem> {
    let mut c = Checker {
        dataset,
        today,
        known_keys: SortedMap::new(),
        problems: Vec::new(),
    };
    let whole = Scope::Dataset;

    let major = dataset.schema_version.split('.').next().unwrap_or("");
    let supported = SCHEMA_VERSION.split('.').next().unwrap_or("");
    if major != supported {
        c.push(
            Rule::SchemaVersion,
            whole,
            "/schemaVersion".into(),
            format!(
                "unsupported schema version \"{}\"; this version reads {}.x",
                dataset.schema_version, supported
            ),
        );
    }
    c.text(whole, "/datasetVersion".into(), &dataset.dataset_version);
    match dataset.modified.parse::<PartialDate>() {
        Ok(d) if d.day.is_some() => c.date(whole, "/modified".into(), Some(&dataset.modified)),
        _ => c.push(
            Rule::ModifiedDate,
            whole,
            "/modified".into(),
            format!(
                "expected a full date YYYY-MM-DD, found \"{}\"",
                dataset.modified
            ),
        ),
    }
    c.text(whole, "/publisher/name".into(), &dataset.publisher.name);
    c.url(
        whole,
        "/publisher/url".into(),
        dataset.publisher.url.as_deref(),
    );
    c.text(whole, "/license/id".into(), &dataset.license.id);
    c.url(whole, "/license/url".into(), Some(&dataset.license.url));

    for (i, body) in dataset.bodies.iter().enumerate() {
        match body.key.parse::<OfficialKey>() {
            Err(e) => c.push(
                Rule::BadKey,
                whole,
                format!("/bodies/{i}/key"),
                format!("{e}, found \"{}\"", body.key),
            ),
            Ok(key) => {
                if !c.known_keys.insert_if_absent(key.to_string(), ()) {
                    c.push(
                        Rule::DuplicateKey,
                        whole,
                        format!("/bodies/{i}/key"),
                        format!("duplicate key \"{}\"", body.key),
                    );
                }
            }
        }
        c.text(whole, format!("/bodies/{i}/name"), &body.name);
    }

    let mut org_ids = SortedMap::new();
    for (i, org) in dataset.organisations.iter().enumerate() {
        let base = format!("/organisations/{i}");
        c.stable_id(whole, &base, &org.id, &mut org_ids, "organisation");
        c.text(whole, format!("{base}/name"), &org.name);
        for (j, member) in org.members.iter().enumerate() {
            let party = member.party();
            if party == Some(PartyRef::Org(org.id.as_str())) {
                c.push(
                    Rule::SelfMember,
                    whole,
                    format!("{base}/members/{j}/org"),
                    "an organisation cannot be its own member",
                );
            }
            c.party(whole, &format!("{base}/members/{j}"), party);
        }
    }

    let mut partnership_ids = SortedMap::new();
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
                Rule::NoPartners,
                scope,
                format!("{base}/partners"),
                "a partnership needs at least one partner",
            );
        }
        let mut seen_partners = Vec::new();
        for (j, partner) in p.partners.iter().enumerate() {
            let pbase = format!("{base}/partners/{j}");
            let party = partner.party();
            c.party(scope, &pbase, party);
            if let Some(party) = party {
                if seen_partners.contains(&party) {
                    c.push(
                        Rule::DuplicatePartner,
                        scope,
                        pbase.clone(),
                        "this partner is named twice in the partnership",
                    );
                }
                seen_partners.push(party);
            }
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
        if p.sources.is_empty() {
            c.push(
                Rule::NoSource,
                scope,
                format!("{base}/sources"),
                "a partnership should name at least one source",
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
                    Rule::EmptySource,
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
