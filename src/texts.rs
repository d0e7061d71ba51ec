//! Reader-facing wording: one table per language ([`DE`], [`EN`]), shared
//! by every view of a box (the Wasm widget, the static rendering). Dataset
//! texts are never translated; only the box's own words live here.
//!
//! A table is a struct, so a word missing in one language does not compile;
//! the texts that take values are functions in the table, because word
//! order differs between the languages.
//!
//! ```
//! use partnerships_widget::texts::{Lang, DE, EN};
//! assert_eq!(Lang::from_code("en").texts().heading, EN.heading);
//! assert_eq!((DE.loaded)(3), "3 Partnerschaften geladen");
//! assert_eq!((EN.loaded)(1), "1 partnership loaded");
//! assert_eq!(EN.date(&"2025-03".parse().unwrap()), "March 2025");
//! assert_eq!(DE.since(&"2025-03".parse().unwrap()), "seit März 2025");
//! ```

use crate::model::dataset::{Kind, Status};
use crate::model::date::{PartialDate, MONTHS_DE};
use crate::model::key::Level;
use crate::model::selection::Route;
use crate::model::text::cut;

/// The reader's language (`data-lang`; default German).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// German.
    #[default]
    De,
    /// English.
    En,
}

impl Lang {
    /// From a language code (`de`, `en`, `en-GB`, …); German for anything else.
    pub fn from_code(code: &str) -> Lang {
        let (primary, _) = cut(code, b"-_");
        if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::De
        }
    }

    /// The language's code for the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's table.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }
}

/// Every word of the box in one language.
pub struct Texts {
    /// The box's heading.
    pub heading: &'static str,
    /// Shown (and announced) while the data loads.
    pub loading: &'static str,
    /// Said by the loader when the widget itself could not start (its
    /// files could not be loaded or run).
    pub not_started: &'static str,
    /// Marks the host among a partnership's partners.
    pub host_mark: &'static str,
    /// Label before the partner list.
    pub partners: &'static str,
    /// Label before the topics.
    pub topics: &'static str,
    /// Label before the sources.
    pub sources: &'static str,
    /// Label of the status line.
    pub status: &'static str,
    /// Label of the kind line.
    pub kind: &'static str,
    /// Said of a date nobody knows.
    pub unknown_date: &'static str,
    /// Footer: where the data comes from, followed by the licence name.
    pub data_license: &'static str,
    /// The button under a download error.
    pub retry: &'static str,
    /// The data could not be downloaded at all.
    pub error_network: &'static str,
    /// The data arrived but cannot be used.
    pub error_data: &'static str,
    /// The answer is not a dataset at all (a web page, a cut-off file).
    pub error_not_data: &'static str,
    /// The dataset follows a schema version this box cannot read.
    pub error_version: &'static str,
    /// The data did not arrive in time.
    pub error_timeout: &'static str,
    /// The data is larger than the box accepts.
    pub error_too_large: &'static str,
    /// The embed names no valid official key.
    pub error_key: &'static str,
    /// Names of the partnership kinds, in the order of [`Kind`].
    pub kinds: [&'static str; 6],
    /// Names of the statuses, in the order of [`Status`].
    pub statuses: [&'static str; 4],
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// After the day of a full date: "28. April" / "28 April".
    pub day_suffix: &'static str,
    /// Groups: directly involved; through a membership or parent body; within
    /// the host's area (Land, Kreis, Amt, Gemeinde).
    pub direct: &'static str,
    /// "Über {through}".
    pub through: fn(&str) -> String,
    /// "Im Kreis: {through}", by the host's level.
    pub within: fn(Level, &str) -> String,
    /// "seit {date}".
    pub since_date: fn(&str) -> String,
    /// "gemeldet am {date}" (a full date) or "im {month}" (`true` for a day).
    pub reported_date: fn(&str, bool) -> String,
    /// Nothing to show, for the host's name if known.
    pub empty: fn(Option<&str>) -> String,
    /// Completion announcement for screen readers.
    pub loaded: fn(usize) -> String,
    /// How many of the host's partnerships are on screen.
    pub shown_of: fn(usize, usize) -> String,
    /// The button that shows all partnerships.
    pub show_all: fn(usize) -> String,
    /// The button of a box folded to keep its space: shows the list.
    pub show_list: fn(usize) -> String,
    /// Announced when a filter changes: how many of all pass.
    pub filtered: fn(usize, usize) -> String,
    /// Legend of the filters.
    pub filter_legend: &'static str,
    /// Label of the topic filter.
    pub topic_label: &'static str,
    /// The topic filter's "no filter".
    pub all_topics: &'static str,
    /// The status filter's "no filter".
    pub all_statuses: &'static str,
    /// The summary that opens a partnership's details.
    pub details: &'static str,
    /// Caption of the partner network, with the number of partners.
    pub network_caption: fn(usize) -> String,
    /// Under the network's legend: how many partners are not drawn.
    pub network_more: fn(usize) -> String,
    /// The server answered with an error status.
    pub error_status: fn(u16) -> String,
    /// "Stand der Daten: {date}".
    pub data_as_of: fn(&str) -> String,
    /// The note over a saved copy, with the day it was saved.
    pub saved_copy: fn(&str) -> String,
}

impl Texts {
    /// The name of a partnership kind.
    pub fn kind_name(&self, kind: Kind) -> &'static str {
        // A match, not `as usize`: a new kind must not compile without its name.
        self.kinds[match kind {
            Kind::AnstaltOeffentlichenRechts => 0,
            Kind::Gesellschaftsbeteiligung => 1,
            Kind::Kooperationsvereinbarung => 2,
            Kind::Verwaltungskooperation => 3,
            Kind::InterkommunaleKooperation => 4,
            Kind::Foerderantrag => 5,
        }]
    }

    /// The name of a status.
    pub fn status_name(&self, status: Status) -> &'static str {
        self.statuses[match status {
            Status::Planned => 0,
            Status::Applied => 1,
            Status::Active => 2,
            Status::Ended => 3,
        }]
    }

    /// A partial date in reading form: `2025`, `März 2025`, `28. April 2025`.
    pub fn date(&self, date: &PartialDate) -> String {
        date.to_words(&self.months, self.day_suffix)
    }

    /// "seit …" for a known start date.
    pub fn since(&self, date: &PartialDate) -> String {
        (self.since_date)(&self.date(date))
    }

    /// For a participation whose start is unknown but was reported on a date.
    ///
    /// ```
    /// use partnerships_widget::texts::DE;
    /// assert_eq!(DE.reported(&"2021-04-29".parse().unwrap()), "gemeldet am 29. April 2021");
    /// assert_eq!(DE.reported(&"2021-04".parse().unwrap()), "gemeldet im April 2021");
    /// ```
    pub fn reported(&self, date: &PartialDate) -> String {
        (self.reported_date)(&self.date(date), date.day.is_some())
    }

    /// Heading of a group of partnerships.
    ///
    /// ```
    /// use partnerships_widget::{texts::DE, model::{key::Level, selection::Route}};
    /// assert_eq!(DE.group_heading(Route::Parent, Some("Kreis Segeberg"), Level::Gemeinde), "Über Kreis Segeberg");
    /// assert_eq!(DE.group_heading(Route::Within, Some("Amt Föhr-Amrum"), Level::Kreis), "Im Kreis: Amt Föhr-Amrum");
    /// ```
    pub fn group_heading(&self, route: Route, through: Option<&str>, host_level: Level) -> String {
        let through = through.unwrap_or_default();
        match route {
            Route::Direct => self.direct.to_owned(),
            Route::Membership | Route::Parent => (self.through)(through),
            Route::Within => (self.within)(host_level, through),
        }
    }
}

/// German, the default.
pub static DE: Texts = Texts {
    heading: "Unsere digitalen Partnerschaften",
    loading: "Partnerschaften werden geladen …",
    not_started: "Die Partnerschaften konnten nicht angezeigt werden.",
    host_mark: "(wir)",
    partners: "Beteiligte",
    topics: "Themen",
    sources: "Quellen",
    status: "Status",
    kind: "Art",
    unknown_date: "Beginn nicht bekannt",
    data_license: "Daten unter",
    retry: "Erneut versuchen",
    error_network:
        "Die Partnerschaften konnten nicht geladen werden. Bitte versuchen Sie es später noch einmal.",
    error_data:
        "Die Daten zu den Partnerschaften sind fehlerhaft und können nicht angezeigt werden.",
    error_not_data: "Die Daten zu den Partnerschaften sind unvollständig oder keine Datendatei und können nicht angezeigt werden.",
    error_version: "Die Daten zu den Partnerschaften liegen in einer Fassung vor, die dieser Kasten nicht lesen kann.",
    error_timeout: "Die Partnerschaften konnten nicht rechtzeitig geladen werden. Bitte versuchen Sie es später noch einmal.",
    error_too_large:
        "Die Daten zu den Partnerschaften sind zu umfangreich und werden nicht angezeigt.",
    error_key: "Dieser Kasten ist nicht richtig eingebunden: Es fehlt ein gültiger amtlicher Gebietsschlüssel.",
    kinds: [
        "Anstalt des öffentlichen Rechts",
        "Gesellschaftsbeteiligung",
        "Kooperationsvereinbarung",
        "Verwaltungskooperation",
        "Interkommunale Kooperation",
        "Förderantrag",
    ],
    statuses: ["geplant", "beantragt", "besteht", "beendet"],
    months: MONTHS_DE,
    day_suffix: ".",
    direct: "Direkt beteiligt",
    through: |through| format!("Über {through}"),
    within: |level, through| {
        let area = match level {
            Level::Land => "Im Land",
            Level::Kreis => "Im Kreis",
            Level::Verband => "Im Amt",
            Level::Gemeinde => "In der Gemeinde",
        };
        format!("{area}: {through}")
    },
    since_date: |date| format!("seit {date}"),
    reported_date: |date, day| format!("gemeldet {} {date}", if day { "am" } else { "im" }),
    empty: |name| {
        format!(
            "Für {} sind keine digitalen Partnerschaften verzeichnet.",
            name.unwrap_or("diese Körperschaft")
        )
    },
    loaded: |count| match count {
        1 => "1 Partnerschaft geladen".to_owned(),
        n => format!("{n} Partnerschaften geladen"),
    },
    shown_of: |shown, total| format!("{shown} von {total} Partnerschaften angezeigt."),
    show_all: |count| format!("Alle {count} anzeigen"),
    show_list: |count| match count {
        1 => "1 Partnerschaft anzeigen".to_owned(),
        n => format!("{n} Partnerschaften anzeigen"),
    },
    filtered: |count, total| format!("{count} von {total} Partnerschaften passen zum Filter."),
    filter_legend: "Partnerschaften filtern",
    topic_label: "Thema",
    all_topics: "Alle Themen",
    all_statuses: "Alle",
    details: "Mehr zu dieser Partnerschaft",
    network_caption: |n| match n {
        1 => "Unser Netz: 1 Partner".to_owned(),
        n => format!("Unser Netz: {n} Partner"),
    },
    network_more: |n| format!("… und {n} weitere, siehe die Liste unten."),
    error_status: |status| {
        format!("Die Partnerschaften konnten nicht geladen werden (Serverantwort {status}).")
    },
    data_as_of: |date| format!("Stand der Daten: {date}"),
    saved_copy: |day| format!("Stand: {day}. Die aktuellen Daten konnten nicht geladen werden; angezeigt wird die zuletzt gespeicherte Fassung."),
};

/// English (`data-lang="en"`).
pub static EN: Texts = Texts {
    heading: "Our digital partnerships",
    loading: "Loading partnerships …",
    not_started: "The partnerships could not be shown.",
    host_mark: "(us)",
    partners: "Partners",
    topics: "Topics",
    sources: "Sources",
    status: "Status",
    kind: "Type",
    unknown_date: "Start not known",
    data_license: "Data under",
    retry: "Try again",
    error_network: "The partnerships could not be loaded. Please try again later.",
    error_data: "The partnership data is faulty and cannot be shown.",
    error_not_data: "The partnership data is incomplete or not a data file and cannot be shown.",
    error_version: "The partnership data is in a version this box cannot read.",
    error_timeout: "The partnerships could not be loaded in time. Please try again later.",
    error_too_large: "The partnership data is too large and is not shown.",
    error_key: "This box is not embedded correctly: a valid official area key is missing.",
    kinds: [
        "Public-law institution",
        "Shareholding",
        "Cooperation agreement",
        "Administrative cooperation",
        "Inter-municipal cooperation",
        "Funding application",
    ],
    statuses: ["planned", "applied for", "in place", "ended"],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    day_suffix: "",
    direct: "Directly involved",
    through: |through| format!("Through {through}"),
    within: |level, through| {
        let area = match level {
            Level::Land => "In the Land",
            Level::Kreis => "In the district",
            Level::Verband => "In the Amt",
            Level::Gemeinde => "In the municipality",
        };
        format!("{area}: {through}")
    },
    since_date: |date| format!("since {date}"),
    reported_date: |date, day| format!("reported {} {date}", if day { "on" } else { "in" }),
    empty: |name| {
        format!(
            "No digital partnerships are recorded for {}.",
            name.unwrap_or("this body")
        )
    },
    loaded: |count| match count {
        1 => "1 partnership loaded".to_owned(),
        n => format!("{n} partnerships loaded"),
    },
    shown_of: |shown, total| format!("{shown} of {total} partnerships shown."),
    show_all: |count| format!("Show all {count}"),
    show_list: |count| match count {
        1 => "Show 1 partnership".to_owned(),
        n => format!("Show {n} partnerships"),
    },
    filtered: |count, total| format!("{count} of {total} partnerships match the filter."),
    filter_legend: "Filter partnerships",
    topic_label: "Topic",
    all_topics: "All topics",
    all_statuses: "All",
    details: "More about this partnership",
    network_caption: |n| match n {
        1 => "Our network: 1 partner".to_owned(),
        n => format!("Our network: {n} partners"),
    },
    network_more: |n| format!("… and {n} more, see the list below."),
    error_status: |status| {
        format!("The partnerships could not be loaded (server response {status}).")
    },
    data_as_of: |date| format!("Data as of {date}"),
    saved_copy: |day| {
        format!(
            "As of {day}. The current data could not be loaded; this is the last saved version."
        )
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of a table, by name, with the values filled in.
    fn words(t: &Texts) -> Vec<(&'static str, String)> {
        let date: PartialDate = "2021-04-29".parse().unwrap_or(PartialDate {
            year: 2021,
            month: None,
            day: None,
        });
        let mut words: Vec<(&'static str, String)> = [
            ("heading", t.heading),
            ("loading", t.loading),
            ("host_mark", t.host_mark),
            ("partners", t.partners),
            ("topics", t.topics),
            ("sources", t.sources),
            ("kind", t.kind),
            ("unknown_date", t.unknown_date),
            ("data_license", t.data_license),
            ("retry", t.retry),
            ("error_network", t.error_network),
            ("error_data", t.error_data),
            ("error_not_data", t.error_not_data),
            ("error_version", t.error_version),
            ("error_timeout", t.error_timeout),
            ("error_too_large", t.error_too_large),
            ("error_key", t.error_key),
            ("direct", t.direct),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_owned()))
        .collect();
        words.extend(t.kinds.iter().map(|k| ("kinds", (*k).to_owned())));
        words.extend(t.statuses.iter().map(|k| ("statuses", (*k).to_owned())));
        words.extend(t.months.iter().map(|k| ("months", (*k).to_owned())));
        words.extend([
            ("through", (t.through)("X")),
            ("within", (t.within)(Level::Kreis, "X")),
            ("since", t.since(&date)),
            ("reported", t.reported(&date)),
            ("empty", (t.empty)(None)),
            ("empty named", (t.empty)(Some("X"))),
            ("loaded", (t.loaded)(2)),
            ("shown_of", (t.shown_of)(20, 47)),
            ("show_all", (t.show_all)(20)),
            ("show_list", (t.show_list)(7)),
            ("show_list one", (t.show_list)(1)),
            ("filtered", (t.filtered)(3, 20)),
            ("filter_legend", t.filter_legend.to_owned()),
            ("topic_label", t.topic_label.to_owned()),
            ("all_topics", t.all_topics.to_owned()),
            ("all_statuses", t.all_statuses.to_owned()),
            ("details", t.details.to_owned()),
            ("network_caption", (t.network_caption)(5)),
            ("network_more", (t.network_more)(5)),
            ("error_status", (t.error_status)(503)),
            ("data_as_of", (t.data_as_of)("X")),
            ("saved_copy", (t.saved_copy)("X")),
        ]);
        words
    }

    #[test]
    fn every_word_is_there_in_both_languages_and_translated() {
        let (de, en) = (words(&DE), words(&EN));
        assert_eq!(de.len(), en.len());
        assert_ne!(DE.months, EN.months);
        for ((name, german), (_, english)) in de.iter().zip(&en) {
            assert!(
                !german.trim().is_empty() && !english.trim().is_empty(),
                "{name}"
            );
            // Some month names are the same in both (April, August, …).
            if *name != "months" {
                assert_ne!(german, english, "{name} is not translated");
            }
        }
    }

    #[test]
    fn values_land_where_each_language_puts_them() {
        assert_eq!((DE.show_all)(47), "Alle 47 anzeigen");
        assert_eq!((EN.show_all)(47), "Show all 47");
        assert_eq!((DE.show_list)(1), "1 Partnerschaft anzeigen");
        assert_eq!((EN.show_list)(7), "Show 7 partnerships");
        assert_eq!((EN.within)(Level::Verband, "Föhr"), "In the Amt: Föhr");
        assert_eq!(
            (EN.empty)(Some("Kreis Segeberg")),
            "No digital partnerships are recorded for Kreis Segeberg."
        );
        assert_eq!(
            (DE.error_status)(503),
            "Die Partnerschaften konnten nicht geladen werden (Serverantwort 503)."
        );
    }

    #[test]
    fn dates_in_each_language_also_partial_ones() {
        let date = |s: &str| {
            s.parse::<PartialDate>().unwrap_or(PartialDate {
                year: 0,
                month: None,
                day: None,
            })
        };
        assert_eq!(DE.date(&date("2025-03")), "März 2025");
        assert_eq!(EN.date(&date("2025-03")), "March 2025");
        assert_eq!(DE.date(&date("2025-04-28")), "28. April 2025");
        assert_eq!(EN.date(&date("2025-04-28")), "28 April 2025");
        assert_eq!(EN.date(&date("2025")), "2025");
        assert_eq!(DE.since(&date("2025-03")), "seit März 2025");
        assert_eq!(EN.since(&date("2025-03")), "since March 2025");
        assert_eq!(
            EN.reported(&date("2021-04-29")),
            "reported on 29 April 2021"
        );
        assert_eq!(EN.reported(&date("2021-04")), "reported in April 2021");
        // A month out of range (the fields are public) never panics.
        let odd = PartialDate {
            year: 2025,
            month: Some(13),
            day: None,
        };
        assert_eq!(EN.date(&odd), "2025");
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("en-GB"), Lang::En);
        assert_eq!(Lang::from_code("EN"), Lang::En);
        assert_eq!(Lang::from_code("de-DE"), Lang::De);
        assert_eq!(Lang::from_code("fr"), Lang::De);
        assert_eq!(Lang::from_code(""), Lang::De);
    }
}
