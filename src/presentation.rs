//! What a host's box says, as plain owned data: the selection turned into
//! German headings, dates and labels. Pure and tested natively; the Wasm
//! view only lays it out, so every view of a box says the same.

use crate::model::dataset::{Dataset, Partner, Partnership, PartyRef, Status};
use crate::model::date::PartialDate;
use crate::model::key::OfficialKey;
use crate::model::lookup::sort_by;
use crate::model::selection::Index;
use crate::model::text::joined;
use crate::model::validate::is_web_url;
use crate::texts::{Lang, Texts};

/// How many partnerships a box shows at first; with more, the rest sit
/// behind "Alle N anzeigen" and the filters appear.
pub const FIRST_PAGE: usize = 5;
/// How many partnerships are laid out per task when "Alle N anzeigen"
/// shows the rest: a Land can have thousands, and laying them all out at
/// once blocks the host page for seconds (measured: a 1.8 s task for 1 401).
pub const CHUNK: usize = 20;

/// What the reader narrowed the list to: a topic and a status, each
/// optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Only partnerships with this topic.
    pub topic: Option<String>,
    /// Only partnerships in this status.
    pub status: Option<Status>,
}

impl Filter {
    /// True when `partnership` passes.
    pub fn passes(&self, partnership: &Partnership) -> bool {
        self.topic
            .as_ref()
            .is_none_or(|topic| partnership.topics.contains(topic))
            && self
                .status
                .is_none_or(|status| partnership.status == status)
    }
}

/// Everything one box shows.
#[derive(Clone, Debug, PartialEq)]
pub struct HostBox {
    /// The host's name, if the dataset knows it.
    pub host_name: Option<String>,
    /// Groups in display order; empty when the host has nothing to show.
    pub groups: Vec<GroupView>,
    /// Number of partnerships shown.
    pub count: usize,
    /// Licence name and URL, for the attribution line.
    pub license_name: String,
    /// Licence URL, if it is a safe `http(s)` address to link.
    pub license_url: Option<String>,
    /// "Stand der Daten: …".
    pub as_of: String,
    /// The host (marked among the partners).
    pub host: OfficialKey,
    /// The reader's language.
    pub lang: Lang,
}

/// The part of a group on one page of the box.
#[derive(Debug)]
pub struct PageGroup<'a> {
    /// The group's heading.
    pub heading: &'a str,
    /// Its partnerships on this page.
    pub items: Vec<ItemView>,
    /// Display position (in the whole box) of the first of `items`.
    pub first_position: usize,
    /// True when the group began on an earlier page.
    pub continued: bool,
}

/// One labelled group.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupView {
    /// German heading, e.g. "Über Kreis Segeberg".
    pub heading: String,
    /// Positions of its partnerships in the dataset, newest first. Their
    /// views are made a page at a time ([`HostBox::page`]): a Land shows
    /// thousands, and most are never looked at.
    pub positions: Vec<usize>,
}

/// One partnership.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemView {
    /// Stable id (for test hooks).
    pub id: String,
    /// Title as in the data.
    pub title: String,
    /// Kind label, in the reader's language.
    pub kind: &'static str,
    /// Status label, in the reader's language.
    pub status: &'static str,
    /// When it started, if all partners share one date ("seit Juli 2025",
    /// "gemeldet am …", "Beginn nicht bekannt"); `None` when partners differ
    /// and each carries its own.
    pub when: Option<String>,
    /// Description as in the data.
    pub description: String,
    /// Topics as in the data.
    pub topics: Vec<String>,
    /// Partners in data order.
    pub partners: Vec<PartnerView>,
    /// Sources in data order.
    pub sources: Vec<SourceView>,
}

/// One partner of a partnership.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerView {
    /// Display name.
    pub name: String,
    /// True for the host itself.
    pub is_host: bool,
    /// Role, if known.
    pub role: Option<String>,
    /// This partner's own date, shown only when partners' dates differ.
    pub when: Option<String>,
}

/// One source.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceView {
    /// Title, else publisher, else the address.
    pub label: String,
    /// A safe `http(s)` address to link, if any.
    pub url: Option<String>,
    /// Publisher (when the label is the title) and date, e.g. "Kommune21, 29. April 2021".
    pub detail: Option<String>,
}

/// What stands between a partner's name and its role, and between its name
/// and its own date when it has no role ("Stadt Wolfsburg – seit 2020").
pub const PARTNER_DASH: &str = " – ";

impl ItemView {
    /// The line under the title: kind, status and, when all partners share
    /// it, the date ("Art: … · Status: … · seit Juli 2025").
    ///
    /// ```
    /// # use partnerships_widget::{model::dataset::Dataset, presentation::HostBox, texts::DE};
    /// # let dataset: Dataset = serde_json::from_str(include_str!("../www/partnerships.json")).unwrap();
    /// let view = HostBox::new(&dataset, &"01060".parse().unwrap(), Default::default());
    /// let item = &view.page(&dataset, 0, 1)[0].items[0];
    /// assert_eq!(item.meta(&DE), format!("Art: {} · Status: {} · {}", item.kind, item.status, item.when.as_deref().unwrap()));
    /// ```
    pub fn meta(&self, texts: &Texts) -> String {
        let mut line = [
            texts.kind,
            ": ",
            self.kind,
            " · ",
            texts.status,
            ": ",
            self.status,
        ]
        .concat();
        if let Some(when) = &self.when {
            line.push_str(" · ");
            line.push_str(when);
        }
        line
    }
}

impl PartnerView {
    /// The partner's own date as it follows its role (", seit 2020") or,
    /// without a role, its name (" – seit 2020"); `None` when the partners
    /// share one date (it stands in [`ItemView::meta`] then).
    ///
    /// ```
    /// # use partnerships_widget::presentation::PartnerView;
    /// let mut partner = PartnerView { name: "Stadt Wolfsburg".into(), is_host: false, role: None, when: Some("seit 2020".into()) };
    /// assert_eq!(partner.when_suffix().as_deref(), Some(" – seit 2020"));
    /// partner.role = Some("Gesellschafterin".into());
    /// assert_eq!(partner.when_suffix().as_deref(), Some(", seit 2020"));
    /// ```
    pub fn when_suffix(&self) -> Option<String> {
        let separator = if self.role.is_some() {
            ", "
        } else {
            PARTNER_DASH
        };
        self.when.as_ref().map(|when| [separator, when].concat())
    }
}

impl SourceView {
    /// What follows the source's label: its publisher and date in
    /// parentheses (" (Kommune21, 29. April 2021)"), if it has either.
    ///
    /// ```
    /// # use partnerships_widget::presentation::SourceView;
    /// let source = SourceView { label: "Titel".into(), url: None, detail: Some("Kommune21".into()) };
    /// assert_eq!(source.suffix().as_deref(), Some(" (Kommune21)"));
    /// ```
    pub fn suffix(&self) -> Option<String> {
        self.detail
            .as_ref()
            .map(|detail| [" (", detail, ")"].concat())
    }
}

fn date(text: Option<&str>) -> Option<PartialDate> {
    text.and_then(|t| t.parse().ok())
}

/// True when `partner` is the host itself.
fn is_host(partner: &Partner, host: &OfficialKey) -> bool {
    matches!(partner.party(), Some(PartyRef::Key(k)) if k.parse::<OfficialKey>().is_ok_and(|k| k.same_body(host)))
}

/// At most this many partners are drawn in the network view (the legend
/// names how many more there are): more would not stay readable.
pub const NETWORK_MAX: usize = 20;

/// A partner in the network view: its name and the titles of the
/// partnerships that link it to the host.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkPartner {
    /// Display name.
    pub name: String,
    /// Titles of the partnerships shared with the host, in display order.
    pub partnerships: Vec<String>,
}

/// Where the `i`-th of `n` partners sits on a circle of `radius` around
/// (`center`, `center`), the first at the top, clockwise, in whole units
/// (an SVG attribute needs no float formatting then).
///
/// ```
/// use partnerships_widget::presentation::around;
/// assert_eq!(around(0, 4, 200, 150), (200, 50));
/// assert_eq!(around(1, 4, 200, 150), (350, 200));
/// assert_eq!(around(2, 4, 200, 150), (200, 350));
/// ```
pub fn around(i: usize, n: usize, center: i32, radius: i32) -> (i32, i32) {
    let pi = std::f64::consts::PI;
    let mut angle = -pi / 2.0 + 2.0 * pi * i as f64 / n.max(1) as f64;
    if angle > pi {
        angle -= 2.0 * pi;
    }
    // cos and sin by their series (|angle| <= π: 12 terms are exact to
    // far below a unit): the wasm then links no libm.
    let x2 = angle * angle;
    let (mut cos, mut sin) = (1.0, angle);
    let (mut cos_term, mut sin_term) = (1.0, angle);
    for k in 1..12 {
        let k = k as f64;
        cos_term *= -x2 / ((2.0 * k - 1.0) * (2.0 * k));
        sin_term *= -x2 / ((2.0 * k) * (2.0 * k + 1.0));
        cos += cos_term;
        sin += sin_term;
    }
    let whole = |v: f64| (v + 0.5).floor() as i32;
    (
        center + whole(f64::from(radius) * cos),
        center + whole(f64::from(radius) * sin),
    )
}

/// A partner's own dating, in the reader's language.
fn partner_when(partner: &Partner, texts: &Texts) -> String {
    match (
        date(partner.since.as_deref()),
        date(partner.reported.as_deref()),
    ) {
        (Some(since), _) => texts.since(&since),
        (None, Some(reported)) => texts.reported(&reported),
        (None, None) => texts.unknown_date.to_owned(),
    }
}

fn item(
    index: &Index<'_>,
    partnership: &Partnership,
    host: &OfficialKey,
    texts: &Texts,
) -> ItemView {
    let whens: Vec<String> = partnership
        .partners
        .iter()
        .map(|p| partner_when(p, texts))
        .collect();
    let shared_when = whens
        .first()
        .filter(|first| whens.iter().all(|w| w == *first))
        .cloned();
    let partners = partnership
        .partners
        .iter()
        .zip(&whens)
        .map(|(partner, when)| PartnerView {
            name: index.partner_name(partner).to_owned(),
            is_host: is_host(partner, host),
            role: partner.role.clone(),
            when: shared_when.is_none().then(|| when.clone()),
        })
        .collect();
    let sources = partnership
        .sources
        .iter()
        .map(|source| {
            let url = source.url.clone().filter(|u| is_web_url(u));
            let label = source
                .title
                .clone()
                .or_else(|| source.publisher.clone())
                .or_else(|| url.clone())
                .unwrap_or_default();
            let publisher = source.title.as_ref().and(source.publisher.clone());
            let published = date(source.date.as_deref()).map(|d| texts.date(&d));
            let detail: Vec<String> = publisher.into_iter().chain(published).collect();
            SourceView {
                label,
                url,
                detail: (!detail.is_empty()).then(|| joined(&detail, ", ")),
            }
        })
        .collect();
    ItemView {
        id: partnership.id.clone(),
        title: partnership.title.clone(),
        kind: texts.kind_name(partnership.kind),
        status: texts.status_name(partnership.status),
        when: shared_when,
        description: partnership.description.clone(),
        topics: partnership.topics.clone(),
        partners,
        sources,
    }
}

impl HostBox {
    /// The box narrowed to the partnerships that pass `filter` (groups that
    /// lose all of theirs are left out).
    ///
    /// ```
    /// # use partnerships_widget::{model::dataset::{Dataset, Status}, presentation::{Filter, HostBox}};
    /// # let dataset: Dataset = serde_json::from_str(include_str!("../www/partnerships.json")).unwrap();
    /// let view = HostBox::new(&dataset, &"01060".parse().unwrap(), Default::default());
    /// let topic = Filter { topic: Some("Fachverfahren".into()), status: None };
    /// assert_eq!(view.filtered(&dataset, &topic).count, 1);
    /// assert_eq!(view.topics(&dataset).len(), 12);
    /// assert_eq!(view.statuses(&dataset), [(Status::Active, 3)]);
    /// let planned = Filter { topic: None, status: Some(Status::Planned) };
    /// assert_eq!(view.filtered(&dataset, &planned).count, 0);
    /// ```
    pub fn filtered(&self, dataset: &Dataset, filter: &Filter) -> HostBox {
        let groups: Vec<GroupView> = self
            .groups
            .iter()
            .map(|group| GroupView {
                heading: group.heading.clone(),
                positions: group
                    .positions
                    .iter()
                    .copied()
                    .filter(|&at| {
                        dataset
                            .partnerships
                            .get(at)
                            .is_some_and(|p| filter.passes(p))
                    })
                    .collect(),
            })
            .filter(|group| !group.positions.is_empty())
            .collect();
        HostBox {
            count: groups.iter().map(|g| g.positions.len()).sum(),
            groups,
            ..self.clone()
        }
    }

    /// The topics of the box's partnerships, each with how many have it:
    /// the most frequent first, then alphabetically.
    pub fn topics(&self, dataset: &Dataset) -> Vec<(String, usize)> {
        let mut counted: Vec<(String, usize)> = Vec::new();
        for partnership in self.partnerships(dataset) {
            for topic in &partnership.topics {
                match counted.iter_mut().find(|(t, _)| t == topic) {
                    Some((_, n)) => *n += 1,
                    None => counted.push((topic.clone(), 1)),
                }
            }
        }
        sort_by(counted, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)))
    }

    /// The statuses the box's partnerships are in, in their natural order
    /// (planned, applied, active, ended), each with how many.
    pub fn statuses(&self, dataset: &Dataset) -> Vec<(Status, usize)> {
        [
            Status::Planned,
            Status::Applied,
            Status::Active,
            Status::Ended,
        ]
        .into_iter()
        .map(|status| {
            let n = self
                .partnerships(dataset)
                .filter(|p| p.status == status)
                .count();
            (status, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect()
    }

    /// The host's partners for the network view: every other party of the
    /// box's partnerships once, with the partnerships it shares with the
    /// host; those with the most first, then by name.
    ///
    /// ```
    /// # use partnerships_widget::{model::dataset::Dataset, presentation::HostBox};
    /// # let dataset: Dataset = serde_json::from_str(include_str!("../www/partnerships.json")).unwrap();
    /// let view = HostBox::new(&dataset, &"01060".parse().unwrap(), Default::default());
    /// let network = view.network(&dataset);
    /// assert_eq!(network[0].name, "IT-Allianz Nord AöR");
    /// assert!(network.iter().all(|p| p.name != "Kreis Segeberg"));
    /// ```
    pub fn network(&self, dataset: &Dataset) -> Vec<NetworkPartner> {
        let index = Index::new(dataset);
        let mut partners: Vec<NetworkPartner> = Vec::new();
        for partnership in self.partnerships(dataset) {
            for partner in &partnership.partners {
                if is_host(partner, &self.host) {
                    continue;
                }
                let name = index.partner_name(partner);
                match partners.iter_mut().find(|p| p.name == name) {
                    Some(known) if known.partnerships.contains(&partnership.title) => {}
                    Some(known) => known.partnerships.push(partnership.title.clone()),
                    None => partners.push(NetworkPartner {
                        name: name.to_owned(),
                        partnerships: vec![partnership.title.clone()],
                    }),
                }
            }
        }
        sort_by(partners, |a, b| {
            b.partnerships
                .len()
                .cmp(&a.partnerships.len())
                .then_with(|| a.name.cmp(&b.name))
        })
    }

    fn partnerships<'a>(&'a self, dataset: &'a Dataset) -> impl Iterator<Item = &'a Partnership> {
        self.groups
            .iter()
            .flat_map(|g| &g.positions)
            .filter_map(|&at| dataset.partnerships.get(at))
    }

    /// The partnerships at display positions `from..to`, by group: a page
    /// of the box. A group that began on an earlier page is `continued`.
    ///
    /// ```
    /// # use partnerships_widget::{model::dataset::Dataset, presentation::HostBox};
    /// # let dataset: Dataset = serde_json::from_str(include_str!("../www/partnerships.json")).unwrap();
    /// let view = HostBox::new(&dataset, &"01060".parse().unwrap(), Default::default());
    /// assert_eq!(view.count, 3);
    /// let first = view.page(&dataset, 0, 1);
    /// assert_eq!((first.len(), first[0].items.len(), first[0].continued), (1, 1, false));
    /// let rest: usize = view.page(&dataset, 1, 100).iter().map(|g| g.items.len()).sum();
    /// assert_eq!(rest, 2);
    /// ```
    pub fn page(&self, dataset: &Dataset, from: usize, to: usize) -> Vec<PageGroup<'_>> {
        let index = Index::new(dataset);
        let mut start = 0;
        let mut page = Vec::new();
        for group in &self.groups {
            let end = start + group.positions.len();
            let (a, b) = (from.max(start), to.min(end));
            if a < b {
                page.push(PageGroup {
                    heading: &group.heading,
                    items: group.positions[a - start..b - start]
                        .iter()
                        .filter_map(|&at| dataset.partnerships.get(at))
                        .map(|p| item(&index, p, &self.host, self.lang.texts()))
                        .collect(),
                    first_position: a,
                    continued: a > start,
                });
            }
            start = end;
        }
        page
    }

    /// A fingerprint of what the box shows (8 hex digits, FNV-1a): the
    /// language, the host's name, every group and partnership with all their
    /// texts and links, and the licence. The static box of the assistant's
    /// snippet carries it (`data-digest`), so the live box can tell whether
    /// the data changed since the snippet was made. The date of the data
    /// ("Stand der Daten") is left out: it changes with every edit of the
    /// dataset, also where nothing this host shows changed.
    ///
    /// ```
    /// # use partnerships_widget::{model::dataset::Dataset, presentation::HostBox};
    /// # let mut dataset: Dataset = serde_json::from_str(include_str!("../www/partnerships.json")).unwrap();
    /// let host = "01060".parse().unwrap();
    /// let before = HostBox::new(&dataset, &host, Default::default()).digest(&dataset);
    /// assert_eq!(before.len(), 8);
    /// dataset.partnerships[0].title.push('!');
    /// assert_ne!(HostBox::new(&dataset, &host, Default::default()).digest(&dataset), before);
    /// ```
    pub fn digest(&self, dataset: &Dataset) -> String {
        let mut hash = Fnv(0x811c_9dc5);
        hash.text(self.lang.code());
        hash.text(self.host_name.as_deref().unwrap_or(""));
        for group in self.page(dataset, 0, self.count) {
            hash.text(group.heading);
            for item in &group.items {
                for text in [
                    &item.id,
                    &item.title,
                    item.kind,
                    item.status,
                    &item.description,
                ] {
                    hash.text(text);
                }
                hash.text(item.when.as_deref().unwrap_or(""));
                for topic in &item.topics {
                    hash.text(topic);
                }
                for partner in &item.partners {
                    hash.text(&partner.name);
                    hash.text(if partner.is_host { "1" } else { "0" });
                    hash.text(partner.role.as_deref().unwrap_or(""));
                    hash.text(partner.when.as_deref().unwrap_or(""));
                }
                for source in &item.sources {
                    hash.text(&source.label);
                    hash.text(source.url.as_deref().unwrap_or(""));
                    hash.text(source.detail.as_deref().unwrap_or(""));
                }
            }
        }
        hash.text(&self.license_name);
        hash.text(self.license_url.as_deref().unwrap_or(""));
        format!("{:08x}", hash.0)
    }

    /// The box of `host` over a validated `dataset`, in `lang`.
    ///
    /// ```
    /// # use partnerships_widget::{model::dataset::Dataset, presentation::HostBox};
    /// # let dataset: Dataset = serde_json::from_str(include_str!("../www/partnerships.json")).unwrap();
    /// let view = HostBox::new(&dataset, &"03151".parse().unwrap(), Default::default());
    /// assert_eq!(view.host_name.as_deref(), Some("Landkreis Gifhorn"));
    /// assert_eq!(view.count, 1);
    /// ```
    pub fn new(dataset: &Dataset, host: &OfficialKey, lang: Lang) -> HostBox {
        let texts = lang.texts();
        let index = Index::new(dataset);
        let groups: Vec<GroupView> = index
            .select(host)
            .into_iter()
            .map(|group| GroupView {
                heading: texts.group_heading(group.route, group.through.as_deref(), host.level()),
                positions: group.positions,
            })
            .collect();
        HostBox {
            host: *host,
            host_name: index.body_name(host).map(str::to_owned),
            count: groups.iter().map(|g| g.positions.len()).sum(),
            groups,
            license_name: dataset.license.name.clone(),
            license_url: Some(dataset.license.url.clone()).filter(|u| is_web_url(u)),
            as_of: (texts.data_as_of)(
                &date(Some(&dataset.modified))
                    .map_or_else(|| dataset.modified.clone(), |d| texts.date(&d)),
            ),
            lang,
        }
    }
}

/// 32-bit FNV-1a over texts, each closed by a separator no text holds, so
/// that ("ab", "c") and ("a", "bc") differ. Written out rather than derived
/// `Hash`: that hashes lengths as `usize`, which differs between the native
/// tool (64 bits) and the wasm (32 bits).
struct Fnv(u32);

impl Fnv {
    fn text(&mut self, text: &str) {
        for &byte in text.as_bytes().iter().chain(&[0xff]) {
            self.0 = (self.0 ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    }
}
