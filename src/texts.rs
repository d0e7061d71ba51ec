//! Reader-facing German wording, in one place, shared by every view of a
//! box (the Wasm widget now, static renderings later). Dataset texts are
//! never translated; only the widget's own words live here.

use crate::model::dataset::{Kind, Status};
use crate::model::date::PartialDate;
use crate::model::key::Level;
use crate::model::selection::Route;

/// The box's heading.
pub const HEADING: &str = "Unsere digitalen Partnerschaften";
/// Shown (and announced) while the data loads.
pub const LOADING: &str = "Partnerschaften werden geladen …";
/// Marks the host among a partnership's partners.
pub const HOST_MARK: &str = "(wir)";
/// Label before the partner list.
pub const PARTNERS: &str = "Beteiligte";
/// Label before the topics.
pub const TOPICS: &str = "Themen";
/// Label before the sources.
pub const SOURCES: &str = "Quellen";
/// Label of the status line.
pub const STATUS: &str = "Status";
/// Label of the kind line.
pub const KIND: &str = "Art";
/// Said of a date nobody knows.
pub const UNKNOWN_DATE: &str = "Beginn nicht bekannt";
/// Footer: where the data comes from, followed by the licence name.
pub const DATA_LICENSE: &str = "Daten unter";

/// German name of a partnership kind.
pub fn kind(kind: Kind) -> &'static str {
    match kind {
        Kind::AnstaltOeffentlichenRechts => "Anstalt des öffentlichen Rechts",
        Kind::Gesellschaftsbeteiligung => "Gesellschaftsbeteiligung",
        Kind::Kooperationsvereinbarung => "Kooperationsvereinbarung",
        Kind::Verwaltungskooperation => "Verwaltungskooperation",
        Kind::InterkommunaleKooperation => "Interkommunale Kooperation",
        Kind::Foerderantrag => "Förderantrag",
    }
}

/// German name of a status.
pub fn status(status: Status) -> &'static str {
    match status {
        Status::Planned => "geplant",
        Status::Applied => "beantragt",
        Status::Active => "besteht",
        Status::Ended => "beendet",
    }
}

/// Heading of a group of partnerships.
///
/// ```
/// use partnerships_widget::{texts, model::{key::Level, selection::Route}};
/// assert_eq!(texts::group_heading(Route::Parent, Some("Kreis Segeberg"), Level::Gemeinde), "Über Kreis Segeberg");
/// assert_eq!(texts::group_heading(Route::Within, Some("Amt Föhr-Amrum"), Level::Kreis), "Im Kreis: Amt Föhr-Amrum");
/// ```
pub fn group_heading(route: Route, through: Option<&str>, host_level: Level) -> String {
    let through = through.unwrap_or_default();
    match route {
        Route::Direct => "Direkt beteiligt".to_owned(),
        Route::Membership | Route::Parent => format!("Über {through}"),
        Route::Within => {
            let area = match host_level {
                Level::Land => "Im Land",
                Level::Kreis => "Im Kreis",
                Level::Verband => "Im Amt",
                Level::Gemeinde => "In der Gemeinde",
            };
            format!("{area}: {through}")
        }
    }
}

/// "seit …" for a known start date.
pub fn since(date: &PartialDate) -> String {
    format!("seit {}", date.to_german())
}

/// For a participation whose start is unknown but was reported on a date.
///
/// ```
/// use partnerships_widget::texts;
/// assert_eq!(texts::reported(&"2021-04-29".parse().unwrap()), "gemeldet am 29. April 2021");
/// assert_eq!(texts::reported(&"2021-04".parse().unwrap()), "gemeldet im April 2021");
/// ```
pub fn reported(date: &PartialDate) -> String {
    let preposition = if date.day.is_some() { "am" } else { "im" };
    format!("gemeldet {preposition} {}", date.to_german())
}

/// Shown when the host has nothing to show.
pub fn empty(host_name: Option<&str>) -> String {
    match host_name {
        Some(name) => format!("Für {name} sind keine digitalen Partnerschaften verzeichnet."),
        None => {
            "Für diese Körperschaft sind keine digitalen Partnerschaften verzeichnet.".to_owned()
        }
    }
}

/// Completion announcement for screen readers.
pub fn loaded(count: usize) -> String {
    match count {
        1 => "1 Partnerschaft geladen".to_owned(),
        n => format!("{n} Partnerschaften geladen"),
    }
}

/// How many of the host's partnerships are on screen, beside "weitere anzeigen".
pub fn shown_of(shown: usize, total: usize) -> String {
    format!("{shown} von {total} Partnerschaften angezeigt.")
}

/// The button that shows the next partnerships.
pub fn show_more(count: usize) -> String {
    format!("{count} weitere anzeigen")
}

/// The data could not be downloaded at all.
pub const ERROR_NETWORK: &str =
    "Die Partnerschaften konnten nicht geladen werden. Bitte versuchen Sie es später noch einmal.";
/// The data arrived but cannot be used.
pub const ERROR_DATA: &str =
    "Die Daten zu den Partnerschaften sind fehlerhaft und können nicht angezeigt werden.";

/// The answer is not a dataset at all (a web page, a cut-off file).
pub const ERROR_NOT_DATA: &str =
    "Die Daten zu den Partnerschaften sind unvollständig oder keine Datendatei und können nicht angezeigt werden.";
/// The dataset follows a schema version this box cannot read.
pub const ERROR_VERSION: &str =
    "Die Daten zu den Partnerschaften liegen in einer Fassung vor, die dieser Kasten nicht lesen kann.";

/// Under the list when it is the last good copy kept in the browser; `day`
/// as the reader reads it (e.g. "27. November 2026").
pub fn saved_copy(day: &str) -> String {
    format!("Stand: {day}. Die aktuellen Daten konnten nicht geladen werden; angezeigt wird die zuletzt gespeicherte Fassung.")
}

/// The button under a download error.
pub const RETRY: &str = "Erneut versuchen";

/// The data did not arrive in time.
pub const ERROR_TIMEOUT: &str =
    "Die Partnerschaften konnten nicht rechtzeitig geladen werden. Bitte versuchen Sie es später noch einmal.";
/// The data is larger than the box accepts.
pub const ERROR_TOO_LARGE: &str =
    "Die Daten zu den Partnerschaften sind zu umfangreich und werden nicht angezeigt.";

/// The server answered with an error status.
pub fn error_status(status: u16) -> String {
    format!("Die Partnerschaften konnten nicht geladen werden (Serverantwort {status}).")
}

/// The embed names no valid official key.
pub const ERROR_KEY: &str =
    "Dieser Kasten ist nicht richtig eingebunden: Es fehlt ein gültiger amtlicher Gebietsschlüssel.";

/// "Stand der Daten: …" with the dataset's modification date.
pub fn data_as_of(date: &str) -> String {
    format!("Stand der Daten: {date}")
}
