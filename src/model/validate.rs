//! Checks a loaded dataset and says precisely what is wrong: which entry,
//! which field (as a JSON pointer), why, and a stable code.
//!
//! Errors make data unusable (the widget leaves out a broken partnership,
//! or refuses a dataset that is broken as a whole); warnings point at data a
//! maintainer should look at but that can be shown.

use std::fmt;

use super::dataset::{Dataset, Organisation, PartyRef, SCHEMA_VERSION};
use super::date::PartialDate;
use super::key::OfficialKey;
use super::lookup::{sorted_positions, SortedMap};

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

/// Where a value stands: a JSON pointer and the field below it, joined only
/// when a problem is reported (most values have none, and a national
/// dataset has millions of them).
#[derive(Clone, Copy)]
struct At<'p>(&'p str, Option<usize>, &'p str);

impl At<'_> {
    fn pointer(self) -> String {
        let mut pointer = self.0.to_owned();
        if let Some(index) = self.1 {
            pointer.push('/');
            pointer.push_str(&index.to_string());
        }
        if !self.2.is_empty() {
            pointer.push('/');
            pointer.push_str(self.2);
        }
        pointer
    }
}

struct Checker<'d> {
    today: Option<PartialDate>,
    /// Listed keys (normalised) with their bodies' names, and organisations
    /// by id: the map types of the selection index, so the wasm links no
    /// further copies of their code.
    known_keys: SortedMap<String, &'d str>,
    org_ids: SortedMap<&'d str, &'d Organisation>,
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

    fn text(&mut self, scope: Scope, at: At<'_>, value: &str) {
        if value.trim().is_empty() {
            self.push(Rule::EmptyText, scope, at.pointer(), "must not be empty");
        }
    }

    fn date(&mut self, scope: Scope, at: At<'_>, value: Option<&str>) {
        let Some(v) = value else { return };
        match v.parse::<PartialDate>() {
            Err(e) => self.push(
                Rule::BadDate,
                scope,
                at.pointer(),
                format!("{e}, found \"{v}\""),
            ),
            Ok(date) => {
                if self.today.is_some_and(|today| date > today) {
                    self.push(
                        Rule::FutureDate,
                        scope,
                        at.pointer(),
                        format!("the date {v} lies in the future"),
                    );
                }
            }
        }
    }

    fn url(&mut self, scope: Scope, at: At<'_>, value: Option<&str>) {
        if let Some(v) = value {
            if !is_web_url(v) {
                self.push(
                    Rule::BadUrl,
                    scope,
                    at.pointer(),
                    format!(
                        "only absolute http:// or https:// addresses are allowed, found \"{v}\""
                    ),
                );
            }
        }
    }

    /// Checks that `id` is a well-formed stable id; `repeated` when an
    /// earlier entry has the same one.
    fn stable_id(&mut self, scope: Scope, base: &str, id: &str, repeated: bool, what: &str) {
        let pointer = || At(base, None, "id").pointer();
        if !is_stable_id(id) {
            self.push(
                Rule::BadId,
                scope,
                pointer(),
                format!("ids use lowercase letters, digits and hyphens, found \"{id}\""),
            );
        } else if repeated {
            self.push(
                Rule::DuplicateId,
                scope,
                pointer(),
                format!("duplicate {what} id \"{id}\""),
            );
        }
    }

    /// Checks a `key`/`org`/`name` reference.
    fn party(&mut self, scope: Scope, at: At<'_>, party: Option<PartyRef<'_>>) {
        match party {
            None => self.push(
                Rule::BadReference,
                scope,
                at.pointer(),
                "must have exactly one of \"key\", \"org\" or \"name\"",
            ),
            Some(PartyRef::Key(k)) => match k.parse::<OfficialKey>() {
                Err(e) => self.push(
                    Rule::BadKey,
                    scope,
                    At(at.0, at.1, "key").pointer(),
                    format!("{e}, found \"{k}\""),
                ),
                Ok(key) if !self.known_keys.contains_key(key.to_string().as_str()) => self.push(
                    Rule::UnknownKey,
                    scope,
                    At(at.0, at.1, "key").pointer(),
                    format!("key \"{k}\" is not listed in /bodies"),
                ),
                Ok(_) => {}
            },
            Some(PartyRef::Org(id)) => {
                if !self.org_ids.contains_key(id) {
                    self.push(
                        Rule::UnknownOrganisation,
                        scope,
                        At(at.0, at.1, "org").pointer(),
                        format!("organisation \"{id}\" is not listed in /organisations"),
                    );
                }
            }
            Some(PartyRef::Name(n)) => self.text(scope, At(at.0, at.1, "name"), n),
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
    let mut validator = Validator::new(dataset, today);
    validator.partnerships(0..dataset.partnerships.len());
    validator.finish()
}

/// Validation a step at a time, for a caller that must not block for long
/// (the box pauses for the host page between steps on a Land's thousands
/// of partnerships). The problems are those of [`validate_as_of`].
///
/// ```
/// # use partnerships_widget::model::{dataset::Dataset, validate::Validator};
/// # let dataset: Dataset = serde_json::from_str(include_str!("../../www/partnerships.json")).unwrap();
/// let mut validator = Validator::new(&dataset, None);
/// validator.partnerships(0..3);
/// validator.partnerships(3..dataset.partnerships.len());
/// assert!(validator.finish().is_empty());
/// ```
pub struct Validator<'d> {
    dataset: &'d Dataset,
    checker: Checker<'d>,
    repeated_ids: Vec<bool>,
}

impl<'d> Validator<'d> {
    /// Checks everything but the partnerships.
    pub fn new(dataset: &'d Dataset, today: Option<PartialDate>) -> Self {
        let mut c = Checker {
            today,
            known_keys: SortedMap::new(),
            org_ids: SortedMap::from_unsorted(
                dataset
                    .organisations
                    .iter()
                    .map(|o| (o.id.as_str(), o))
                    .collect(),
            ),
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
        c.text(
            whole,
            At("", None, "datasetVersion"),
            &dataset.dataset_version,
        );
        match dataset.modified.parse::<PartialDate>() {
            Ok(d) if d.day.is_some() => {
                c.date(whole, At("", None, "modified"), Some(&dataset.modified))
            }
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
        c.text(
            whole,
            At("/publisher", None, "name"),
            &dataset.publisher.name,
        );
        c.url(
            whole,
            At("/publisher", None, "url"),
            dataset.publisher.url.as_deref(),
        );
        c.text(whole, At("/license", None, "id"), &dataset.license.id);
        c.url(
            whole,
            At("/license", None, "url"),
            Some(&dataset.license.url),
        );

        let keys: Vec<Option<String>> = dataset
            .bodies
            .iter()
            .map(|b| b.key.parse::<OfficialKey>().ok().map(|k| k.to_string()))
            .collect();
        let repeated_keys = repeats(&keys.iter().map(Option::as_deref).collect::<Vec<_>>());
        c.known_keys = SortedMap::from_unsorted(
            keys.into_iter()
                .zip(&dataset.bodies)
                .filter_map(|(k, b)| Some((k?, b.name.as_str())))
                .collect(),
        );
        for (i, body) in dataset.bodies.iter().enumerate() {
            match body.key.parse::<OfficialKey>() {
                Err(e) => c.push(
                    Rule::BadKey,
                    whole,
                    format!("/bodies/{i}/key"),
                    format!("{e}, found \"{}\"", body.key),
                ),
                Ok(_) => {
                    if repeated_keys[i] {
                        c.push(
                            Rule::DuplicateKey,
                            whole,
                            format!("/bodies/{i}/key"),
                            format!("duplicate key \"{}\"", body.key),
                        );
                    }
                }
            }
            c.text(whole, At("/bodies", Some(i), "name"), &body.name);
        }

        let repeated_ids = repeats(&ids(dataset.organisations.iter().map(|o| o.id.as_str())));
        for (i, org) in dataset.organisations.iter().enumerate() {
            let base = format!("/organisations/{i}");
            c.stable_id(whole, &base, &org.id, repeated_ids[i], "organisation");
            c.text(whole, At(&base, None, "name"), &org.name);
            let members = format!("{base}/members");
            for (j, member) in org.members.iter().enumerate() {
                let party = member.party();
                if party == Some(PartyRef::Org(org.id.as_str())) {
                    c.push(
                        Rule::SelfMember,
                        whole,
                        At(&members, Some(j), "org").pointer(),
                        "an organisation cannot be its own member",
                    );
                }
                c.party(whole, At(&members, Some(j), ""), party);
            }
        }

        Validator {
            dataset,
            checker: c,
            repeated_ids: repeats(&ids(dataset.partnerships.iter().map(|p| p.id.as_str()))),
        }
    }

    /// Checks the partnerships at the positions `range` (out of range: none).
    pub fn partnerships(&mut self, range: std::ops::Range<usize>) {
        let c = &mut self.checker;
        let all = &self.dataset.partnerships;
        // Clamped: positions out of range check nothing (and never panic).
        let end = range.end.min(all.len());
        let range = range.start.min(end)..end;
        for (i, p) in all[range.clone()].iter().enumerate() {
            let i = range.start + i;
            let scope = Scope::Partnership(i);
            let base = format!("/partnerships/{i}");
            c.stable_id(scope, &base, &p.id, self.repeated_ids[i], "partnership");
            c.text(scope, At(&base, None, "title"), &p.title);
            c.text(scope, At(&base, None, "description"), &p.description);
            let topics = format!("{base}/topics");
            for (j, topic) in p.topics.iter().enumerate() {
                c.text(scope, At(&topics, Some(j), ""), topic);
            }
            if p.partners.is_empty() {
                c.push(
                    Rule::NoPartners,
                    scope,
                    At(&base, None, "partners").pointer(),
                    "a partnership needs at least one partner",
                );
            }
            let mut seen_partners = Vec::new();
            let partners = format!("{base}/partners");
            for (j, partner) in p.partners.iter().enumerate() {
                let at = At(&partners, Some(j), "");
                let party = partner.party();
                c.party(scope, at, party);
                if let Some(party) = party {
                    if seen_partners.contains(&party) {
                        c.push(
                            Rule::DuplicatePartner,
                            scope,
                            at.pointer(),
                            "this partner is named twice in the partnership",
                        );
                    }
                    seen_partners.push(party);
                }
                if let Some(role) = &partner.role {
                    c.text(scope, At(&partners, Some(j), "role"), role);
                }
                c.date(
                    scope,
                    At(&partners, Some(j), "since"),
                    partner.since.as_deref(),
                );
                c.date(
                    scope,
                    At(&partners, Some(j), "reported"),
                    partner.reported.as_deref(),
                );
            }
            if p.sources.is_empty() {
                c.push(
                    Rule::NoSource,
                    scope,
                    At(&base, None, "sources").pointer(),
                    "a partnership should name at least one source",
                );
            }
            let sources = format!("{base}/sources");
            for (j, source) in p.sources.iter().enumerate() {
                let at = At(&sources, Some(j), "");
                if let Some(title) = &source.title {
                    c.text(scope, At(&sources, Some(j), "title"), title);
                }
                if let Some(publisher) = &source.publisher {
                    c.text(scope, At(&sources, Some(j), "publisher"), publisher);
                }
                if source.title.is_none() && source.publisher.is_none() && source.url.is_none() {
                    c.push(
                        Rule::EmptySource,
                        scope,
                        at.pointer(),
                        "a source needs at least a title, a publisher or a URL",
                    );
                }
                c.date(scope, At(&sources, Some(j), "date"), source.date.as_deref());
                c.url(scope, At(&sources, Some(j), "url"), source.url.as_deref());
            }
        }
    }

    /// Every problem found, in the order of the checks.
    pub fn finish(self) -> Vec<Problem> {
        self.checker.problems
    }
}

/// The well-formed ids (others are reported as malformed, not as repeated).
fn ids<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<Option<&'a str>> {
    ids.map(|id| is_stable_id(id).then_some(id)).collect()
}

/// For each entry, whether an earlier entry has the same name (`None`
/// never repeats): one sort, where inserting into a sorted list entry by
/// entry would be quadratic (a national dataset has 20 000 ids).
fn repeats(names: &[Option<&str>]) -> Vec<bool> {
    let order = sorted_positions(names.len(), &|a, b| names[a].cmp(&names[b]).then(a.cmp(&b)));
    let mut repeated = vec![false; names.len()];
    for pair in order.windows(2) {
        if names[pair[1]].is_some() && names[pair[0]] == names[pair[1]] {
            repeated[pair[1]] = true;
        }
    }
    repeated
}
