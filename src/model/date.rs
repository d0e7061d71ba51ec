//! Partial dates: a year, a year and month, or a full date, as the sources give them.

use super::text::cut;
use std::cmp::Ordering;
use std::fmt;

/// A date known to the year, the month or the day.
///
/// Ordering puts a less precise date before a more precise one in the same
/// period (`2025` < `2025-07` < `2025-07-01`).
///
/// ```
/// use partnerships_widget::model::date::PartialDate;
/// let d: PartialDate = "2020-09".parse().unwrap();
/// assert_eq!(d.to_german(), "September 2020");
/// assert!("2020-13".parse::<PartialDate>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// Year, e.g. 2025.
    pub year: u16,
    /// Month 1–12, if known.
    pub month: Option<u8>,
    /// Day of month, if known (only with a month).
    pub day: Option<u8>,
}

/// Why a string is not a partial date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError;

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
    }
}

impl std::error::Error for DateError {}

/// German month names, January first.
pub const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// The value of `part` if it is exactly `len` ASCII digits (at most 4).
/// Summed by hand: `str::parse` links core's generic integer parsing into
/// the wasm for each integer type.
fn number(part: &str, len: usize) -> Result<u16, DateError> {
    if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError);
    }
    Ok(part.bytes().fold(0, |n, b| n * 10 + u16::from(b - b'0')))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (year, rest) = cut(text, b"-");
        let year = number(year, 4)?;
        let (month, rest) = rest.map_or((None, None), |rest| {
            let (month, rest) = cut(rest, b"-");
            (Some(month), rest)
        });
        let (day, rest) = rest.map_or((None, None), |rest| {
            let (day, rest) = cut(rest, b"-");
            (Some(day), rest)
        });
        // Two digits each: they fit a u8.
        let month = month.map(|m| number(m, 2)).transpose()?.map(|m| m as u8);
        let day = day.map(|d| number(d, 2)).transpose()?.map(|d| d as u8);
        if rest.is_some() || year < 1900 {
            return Err(DateError);
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError);
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, m) {
                    return Err(DateError);
                }
            }
        }
        Ok(PartialDate { year, month, day })
    }
}

impl PartialDate {
    /// German reading form: `2025`, `September 2020`, `28. April 2025`.
    pub fn to_german(&self) -> String {
        self.to_words(&MONTHS_DE, ".")
    }

    /// Reading form with the given month names (January first) and the mark
    /// after a day: `2025`, `September 2020`, `28{day_suffix} April 2025`.
    pub fn to_words(&self, months: &[&str; 12], day_suffix: &str) -> String {
        // The fields are public: never index with an unchecked month (no panics in the widget).
        let month = self
            .month
            .and_then(|m| months.get(usize::from(m).wrapping_sub(1)));
        match (month, self.day) {
            (Some(m), Some(d)) => format!("{d}{day_suffix} {m} {}", self.year),
            (Some(m), None) => format!("{m} {}", self.year),
            _ => self.year.to_string(),
        }
    }

    fn sort_tuple(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

impl fmt::Display for PartialDate {
    /// The machine form it was parsed from (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_tuple().cmp(&other.sort_tuple())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(date("2025").to_german(), "2025");
        assert_eq!(date("2020-09").to_german(), "September 2020");
        assert_eq!(date("2025-04-28").to_german(), "28. April 2025");
        assert_eq!(date("2025-04-28").to_string(), "2025-04-28");
        assert_eq!(date("2020-09").to_string(), "2020-09");
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "",
            "25",
            "2025-9",
            "2025-13",
            "2025-00",
            "2025-02-30",
            "2025-04-28-1",
            "28.04.2025",
            "2025-04-31",
            "1066",
            "２０２５",
        ] {
            assert!(
                bad.parse::<PartialDate>().is_err(),
                "{bad:?} should be rejected"
            );
        }
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
    }

    #[test]
    fn an_impossible_month_does_not_panic() {
        let odd = PartialDate {
            year: 2025,
            month: Some(13),
            day: None,
        };
        assert_eq!(odd.to_german(), "2025");
        let zero = PartialDate {
            year: 2025,
            month: Some(0),
            day: Some(1),
        };
        assert_eq!(zero.to_german(), "2025");
    }

    #[test]
    fn orders_by_time_then_precision() {
        assert!(date("2025") < date("2025-07"));
        assert!(date("2025-07") < date("2025-07-01"));
        assert!(date("2024-12-31") < date("2025"));
    }
}
