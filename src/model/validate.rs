//! Checks a loaded dataset and says precisely what is wrong: which entry,
//! which field (as a JSON pointer), why, and a stable code.
//!
//! Errors make data unusable (the widget leaves out a broken partnership,
//! or refuses a dataset that is broken as a whole); warnings point at data a
//! maintainer should look at but that can be shown.
//!
//! Two runs share one code: [`Validator`] applies every rule (publishing,
//! the maintainer's `validate`); [`DisplayCheck`] only those the box needs
//! on data publishing has already validated.

use std::fmt;

use super::dataset::{Dataset, Organisation, Partnership, PartyRef, SCHEMA_VERSION};
use super::date::PartialDate;
use super::key::OfficialKey;
use super::lookup::{sorted_positions, SortedMap};
use super::text::cut;

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
    let rest = after_scheme(url, "https://").or_else(|| after_scheme(url, "http://"));
    rest.is_some_and(|rest| !cut(rest, b"/?#").0.is_empty())
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// `url` after `scheme`, which it starts with in any ASCII case (compared
/// in place: a lowercased copy of every URL cost an allocation each).
fn after_scheme<'a>(url: &'a str, scheme: &str) -> Option<&'a str> {
    let (head, rest) = url.split_at_checked(scheme.len())?;
    head.eq_ignore_ascii_case(scheme).then_some(rest)
}

/// True when `id` is a stable id: lowercase ASCII letters and digits in
/// hyphen-separated words.
pub fn is_stable_id(id: &str) -> bool {
    // By bytes: `str::split` with a `char` pattern links a searcher into
    // the wasm. A word may not be empty: no hyphen first, last or twice.
    let mut previous = b'-';
    for b in id.bytes() {
        let word = b.is_ascii_lowercase() || b.is_ascii_digit();
        if !word && (b != b'-' || previous == b'-') {
            return false;
        }
        previous = b;
    }
    previous != b'-'
}

/// The major version of a `major.minor` schema version (all of it
/// without a dot).
fn major(version: &str) -> &str {
    cut(version, b".").0
}

/// Where a value stands: an entry (`base`, with `index` when it is one of a
/// list) and the `field` inside it, joined into a JSON pointer only when a
/// problem is reported (most values have none, and a national dataset has
/// millions of them).
#[derive(Clone, Copy)]
struct At<'p> {
    base: &'p str,
    index: Option<usize>,
    field: &'p str,
}

impl<'p> At<'p> {
    /// The `field` of the entry at `base`.
    fn field(base: &'p str, field: &'p str) -> Self {
        At {
            base,
            index: None,
            field,
        }
    }

    /// Entry `index` of the list at `base` (as a whole: `field` empty).
    fn item(base: &'p str, index: usize) -> Self {
        At {
            base,
            index: Some(index),
            field: "",
        }
    }

    /// Another field of the same entry.
    fn with(self, field: &'p str) -> Self {
        At { field, ..self }
    }

    fn pointer(self) -> String {
        let mut pointer = self.base.to_owned();
        if let Some(index) = self.index {
            pointer.push('/');
            pointer.push_str(&index.to_string());
        }
        if !self.field.is_empty() {
            pointer.push('/');
            pointer.push_str(self.field);
        }
        pointer
    }
}

/// The checks of one run. `FULL` runs every rule; without it only the
/// rules the box needs (see [`DisplayCheck`]), and the others' code is
/// compiled away.
struct Checker<'d, const FULL: bool> {
    today: Option<PartialDate>,
    /// Listed keys (normalised) with their bodies' names, and organisations
    /// by id: the map types of the selection index, so the wasm links no
    /// further copies of their code.
    known_keys: SortedMap<String, &'d str>,
    org_ids: SortedMap<&'d str, &'d Organisation>,
    problems: Vec<Problem>,
}

impl<const FULL: bool> Checker<'_, FULL> {
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
                if FULL && self.today.is_some_and(|today| date > today) {
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
        let pointer = || At::field(base, "id").pointer();
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
                    at.with("key").pointer(),
                    format!("{e}, found \"{k}\""),
                ),
                Ok(key) if !self.known_keys.contains_key(key.to_string().as_str()) => self.push(
                    Rule::UnknownKey,
                    scope,
                    at.with("key").pointer(),
                    format!("key \"{k}\" is not listed in /bodies"),
                ),
                Ok(_) => {}
            },
            Some(PartyRef::Org(id)) => {
                if !self.org_ids.contains_key(id) {
                    self.push(
                        Rule::UnknownOrganisation,
                        scope,
                        at.with("org").pointer(),
                        format!("organisation \"{id}\" is not listed in /organisations"),
                    );
                }
            }
            Some(PartyRef::Name(n)) => self.text(scope, at.with("name"), n),
        }
    }

    /// Checks partnership `i`; `repeated_id` when an earlier one has its id.
    /// Both kinds of run share this code, so the box's checks of a
    /// partnership are the validator's, less its full-only rules.
    fn partnership(&mut self, i: usize, p: &Partnership, repeated_id: bool) {
        let scope = Scope::Partnership(i);
        let base = format!("/partnerships/{i}");
        if FULL {
            self.stable_id(scope, &base, &p.id, repeated_id, "partnership");
        }
        self.text(scope, At::field(&base, "title"), &p.title);
        self.text(scope, At::field(&base, "description"), &p.description);
        let topics = format!("{base}/topics");
        for (j, topic) in p.topics.iter().enumerate() {
            self.text(scope, At::item(&topics, j), topic);
        }
        if p.partners.is_empty() {
            self.push(
                Rule::NoPartners,
                scope,
                At::field(&base, "partners").pointer(),
                "a partnership needs at least one partner",
            );
        }
        let mut seen_partners = Vec::new();
        let partners = format!("{base}/partners");
        for (j, partner) in p.partners.iter().enumerate() {
            let at = At::item(&partners, j);
            let party = partner.party();
            self.party(scope, at, party);
            if FULL {
                if let Some(party) = party {
                    if seen_partners.contains(&party) {
                        self.push(
                            Rule::DuplicatePartner,
                            scope,
                            at.pointer(),
                            "this partner is named twice in the partnership",
                        );
                    }
                    seen_partners.push(party);
                }
            }
            if let Some(role) = &partner.role {
                self.text(scope, at.with("role"), role);
            }
            self.date(scope, at.with("since"), partner.since.as_deref());
            self.date(scope, at.with("reported"), partner.reported.as_deref());
        }
        if FULL && p.sources.is_empty() {
            self.push(
                Rule::NoSource,
                scope,
                At::field(&base, "sources").pointer(),
                "a partnership should name at least one source",
            );
        }
        let sources = format!("{base}/sources");
        for (j, source) in p.sources.iter().enumerate() {
            let at = At::item(&sources, j);
            if let Some(title) = &source.title {
                self.text(scope, at.with("title"), title);
            }
            if let Some(publisher) = &source.publisher {
                self.text(scope, at.with("publisher"), publisher);
            }
            if source.title.is_none() && source.publisher.is_none() && source.url.is_none() {
                self.push(
                    Rule::EmptySource,
                    scope,
                    at.pointer(),
                    "a source needs at least a title, a publisher or a URL",
                );
            }
            self.date(scope, at.with("date"), source.date.as_deref());
            self.url(scope, at.with("url"), source.url.as_deref());
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

/// A run of checks over a dataset, a step at a time, for a caller that
/// must not block for long (the box pauses for the host page between steps
/// on a Land's thousands of partnerships). `FULL` chooses every rule
/// ([`Validator`]) or the box's ([`DisplayCheck`]).
pub struct Checks<'d, const FULL: bool> {
    dataset: &'d Dataset,
    checker: Checker<'d, FULL>,
    /// Per partnership, whether an earlier one has its id (empty without `FULL`).
    repeated_ids: Vec<bool>,
}

/// Every rule, as [`validate_as_of`] applies them, a step at a time: for
/// publishing and the maintainer's `validate`.
///
/// ```
/// # use partnerships_widget::model::{dataset::Dataset, validate::Validator};
/// # let dataset: Dataset = serde_json::from_str(include_str!("../../www/partnerships.json")).unwrap();
/// let mut validator = Validator::new(&dataset, None);
/// validator.partnerships(0..3);
/// validator.partnerships(3..dataset.partnerships.len());
/// assert!(validator.finish().is_empty());
/// ```
pub type Validator<'d> = Checks<'d, true>;

/// What the box checks itself in data `publish` has already validated: only
/// what would make it show something wrong or trip over the data, so a
/// broken or hostile file still gets its message. That is the schema's
/// major version, the licence's name and link, the names it shows for
/// bodies and organisations, and per partnership its texts, partners
/// (each naming exactly one listed key, listed organisation or name),
/// dates and sources. Ids, repeated keys, organisations' members, the
/// dataset's own metadata and the warnings are left to publishing.
/// Its problems are the [`Validator`]'s (same rules, scopes, pointers and
/// messages), a subset of them in the same order.
///
/// ```
/// # use partnerships_widget::model::{dataset::Dataset, validate::DisplayCheck};
/// # let mut dataset: Dataset = serde_json::from_str(include_str!("../../www/partnerships.json")).unwrap();
/// dataset.partnerships[1].id = "Keine Id".into();
/// dataset.partnerships[2].title = " ".into();
/// let mut check = DisplayCheck::new(&dataset);
/// check.partnerships(0..dataset.partnerships.len());
/// let problems = check.finish();
/// assert_eq!(problems.len(), 1, "ids are publishing's business");
/// assert_eq!(problems[0].to_string(), "E101 /partnerships/2/title: must not be empty");
/// ```
pub type DisplayCheck<'d> = Checks<'d, false>;

impl<'d> Checks<'d, true> {
    /// Checks everything but the partnerships; with `today`, dates after
    /// it are warned about.
    pub fn new(dataset: &'d Dataset, today: Option<PartialDate>) -> Self {
        Self::start(dataset, today)
    }
}

impl<'d> Checks<'d, false> {
    /// Checks what the box needs of everything but the partnerships.
    pub fn new(dataset: &'d Dataset) -> Self {
        Self::start(dataset, None)
    }
}

impl<'d, const FULL: bool> Checks<'d, FULL> {
    fn start(dataset: &'d Dataset, today: Option<PartialDate>) -> Self {
        let mut c = Checker::<FULL> {
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

        if major(&dataset.schema_version) != major(SCHEMA_VERSION) {
            c.push(
                Rule::SchemaVersion,
                whole,
                "/schemaVersion".into(),
                format!(
                    "unsupported schema version \"{}\"; this version reads {}.x",
                    dataset.schema_version,
                    major(SCHEMA_VERSION)
                ),
            );
        }
        if FULL {
            c.text(
                whole,
                At::field("", "datasetVersion"),
                &dataset.dataset_version,
            );
            match dataset.modified.parse::<PartialDate>() {
                Ok(d) if d.day.is_some() => {
                    c.date(whole, At::field("", "modified"), Some(&dataset.modified))
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
                At::field("/publisher", "name"),
                &dataset.publisher.name,
            );
            c.url(
                whole,
                At::field("/publisher", "url"),
                dataset.publisher.url.as_deref(),
            );
            c.text(whole, At::field("/license", "id"), &dataset.license.id);
        }
        // The box's attribution line: its name is the link's text.
        c.text(whole, At::field("/license", "name"), &dataset.license.name);
        c.url(
            whole,
            At::field("/license", "url"),
            Some(&dataset.license.url),
        );

        let keys: Vec<Option<String>> = dataset
            .bodies
            .iter()
            .map(|b| b.key.parse::<OfficialKey>().ok().map(|k| k.to_string()))
            .collect();
        let repeated_keys = if FULL {
            repeats(&keys.iter().map(Option::as_deref).collect::<Vec<_>>())
        } else {
            Vec::new()
        };
        c.known_keys = SortedMap::from_unsorted(
            keys.into_iter()
                .zip(&dataset.bodies)
                .filter_map(|(k, b)| Some((k?, b.name.as_str())))
                .collect(),
        );
        for (i, body) in dataset.bodies.iter().enumerate() {
            if FULL {
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
            }
            c.text(whole, At::item("/bodies", i).with("name"), &body.name);
        }

        let repeated_org_ids = if FULL {
            repeats(&ids(dataset.organisations.iter().map(|o| o.id.as_str())))
        } else {
            Vec::new()
        };
        for (i, org) in dataset.organisations.iter().enumerate() {
            let base = format!("/organisations/{i}");
            if FULL {
                c.stable_id(whole, &base, &org.id, repeated_org_ids[i], "organisation");
            }
            c.text(whole, At::field(&base, "name"), &org.name);
            if !FULL {
                continue;
            }
            let members = format!("{base}/members");
            for (j, member) in org.members.iter().enumerate() {
                let at = At::item(&members, j);
                let party = member.party();
                if party == Some(PartyRef::Org(org.id.as_str())) {
                    c.push(
                        Rule::SelfMember,
                        whole,
                        at.with("org").pointer(),
                        "an organisation cannot be its own member",
                    );
                }
                c.party(whole, at, party);
            }
        }

        Checks {
            dataset,
            checker: c,
            repeated_ids: if FULL {
                repeats(&ids(dataset.partnerships.iter().map(|p| p.id.as_str())))
            } else {
                Vec::new()
            },
        }
    }

    /// Checks the partnerships at the positions `range` (out of range: none).
    pub fn partnerships(&mut self, range: std::ops::Range<usize>) {
        let all = &self.dataset.partnerships;
        // Clamped: positions out of range check nothing (and never panic).
        let end = range.end.min(all.len());
        let range = range.start.min(end)..end;
        for (i, p) in all[range.clone()].iter().enumerate() {
            let i = range.start + i;
            let repeated = self.repeated_ids.get(i).copied().unwrap_or(false);
            self.checker.partnership(i, p, repeated);
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

#[cfg(test)]
mod tests {
    use super::{is_stable_id, is_web_url};

    #[test]
    fn web_urls_are_absolute_http_or_https_with_a_host() {
        for good in [
            "https://www.kreis-segeberg.de/",
            "HTTP://example.org",
            "https://a.de?x=1",
            "http://a.de#top",
        ] {
            assert!(is_web_url(good), "{good}");
        }
        for bad in [
            "",
            "javascript:alert(1)",
            "https://",
            "https:///path",
            "http:/a.de",
            "ftp://a.de",
            " https://a.de",
            "https://a .de",
            "https://a.de/\u{7}",
            "https://a.de\u{a0}",
            "httpsx://a.de",
            "ä",
        ] {
            assert!(!is_web_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn stable_ids_are_lowercase_words_joined_by_hyphens() {
        for good in ["a", "it-allianz-nord-aoer", "ozg-2025", "a-b-c"] {
            assert!(is_stable_id(good), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "ä", "a_b", "a b", "-"] {
            assert!(!is_stable_id(bad), "{bad:?}");
        }
    }
}
