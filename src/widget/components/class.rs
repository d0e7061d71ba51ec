//! The class names of the box's elements, used both where an element is
//! made and where it is looked up again. The CSS files beside the
//! components name the same classes; they are plain CSS and cannot share
//! these constants.

/// The box: a region named by its heading.
pub const BOX: &str = "dp-box";
/// The box's heading.
pub const HEADING: &str = "dp-heading";
/// The polite live status line (loading, count, error).
pub const STATUS: &str = "dp-status";
/// Added to [`STATUS`] for an error.
pub const ERROR: &str = "dp-error";
/// Hides text from the eye but not from screen readers.
pub const VISUALLY_HIDDEN: &str = "dp-visually-hidden";
/// The note shown when the box shows the last good copy kept in the browser.
pub const SAVED: &str = "dp-saved";
/// A button of the box ("Erneut versuchen", "Alle N anzeigen").
pub const MORE_BUTTON: &str = "dp-more-button";
/// Added to [`MORE_BUTTON`] for the retry button.
pub const RETRY: &str = "dp-retry";
/// The element the content below the shell is built in.
pub const CONTENT: &str = "dp-content";

/// The element the list is (re)built in when a filter changes.
pub const LIST_AREA: &str = "dp-list-area";
/// The licence line.
pub const FOOTER: &str = "dp-footer";
/// The groups of the list.
pub const GROUPS: &str = "dp-groups";
/// One labelled group.
pub const GROUP: &str = "dp-group";
/// A group's heading.
pub const GROUP_HEADING: &str = "dp-group-heading";
/// A group's list of partnerships.
pub const LIST: &str = "dp-list";
/// The line with "Alle N anzeigen".
pub const MORE: &str = "dp-more";

/// The filters' fieldset.
pub const FILTERS: &str = "dp-filters";
/// A filter's label text.
pub const FILTER_LABEL: &str = "dp-filter-label";
/// The topic filter.
pub const FILTER_TOPIC: &str = "dp-filter-topic";
/// The status filter.
pub const FILTER_STATUS: &str = "dp-filter-status";

/// One partnership.
pub const ITEM: &str = "dp-item";
/// A partnership's title.
pub const TITLE: &str = "dp-title";
/// A small, muted line (kind, status, date; the network's "… weitere").
pub const META: &str = "dp-meta";
/// A label above a list ("Beteiligte", "Themen", "Quellen").
pub const LABEL: &str = "dp-label";
/// A partnership's partners.
pub const PARTNERS: &str = "dp-partners";
/// One partner.
pub const PARTNER: &str = "dp-partner";
/// Added to [`PARTNER`] for the host itself.
pub const IS_HOST: &str = "dp-is-host";
/// A partner's name.
pub const PARTNER_NAME: &str = "dp-partner-name";
/// The host's mark "(wir)".
pub const HOST_MARK: &str = "dp-host-mark";
/// The details behind "Mehr zu dieser Partnerschaft".
pub const DETAILS: &str = "dp-details";
/// A partnership's description.
pub const DESCRIPTION: &str = "dp-description";
/// A partnership's topics.
pub const TOPICS: &str = "dp-topics";
/// One topic.
pub const TOPIC: &str = "dp-topic";
/// A partnership's sources.
pub const SOURCES: &str = "dp-sources";

/// The partner network's figure.
pub const NETWORK: &str = "dp-network";
/// The network's drawing.
pub const NET_DRAWING: &str = "dp-net-drawing";
/// One partner in the drawing.
pub const NET_PARTNER: &str = "dp-net-partner";
/// The host in the drawing.
pub const NET_HOST: &str = "dp-net-host";
/// The network's numbered legend.
pub const NET_LEGEND: &str = "dp-net-legend";
/// A partner's name in the legend.
pub const NET_NAME: &str = "dp-net-name";
