//! Official German area keys (AGS / ARS Regionalschlüssel) and their hierarchy.
//!
//! Every key of a body is a digit string whose length tells its level:
//!
//! | digits | level | structure |
//! |---|---|---|
//! | 2 | Land | Land |
//! | 5 | Kreis (or a kreisfreie Stadt's Kreis part) | Land + Regierungsbezirk + Kreis |
//! | 8 | Gemeinde, as AGS | Kreis + Gemeinde |
//! | 9 | Amt / Gemeindeverband, as ARS prefix | Kreis + Gemeindeverband |
//! | 12 | Gemeinde, as full ARS | Kreis + Gemeindeverband + Gemeinde |
//!
//! An 8-digit AGS and a 12-digit ARS name the same Gemeinde when their Kreis
//! part and their last three digits agree: the AGS simply does not say which
//! Gemeindeverband the Gemeinde belongs to.

use std::fmt;

/// The administrative level a key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// A Land (2 digits).
    Land,
    /// A Kreis or the Kreis part of a kreisfreie Stadt (5 digits).
    Kreis,
    /// An Amt / Gemeindeverband (9-digit ARS prefix).
    Verband,
    /// A Gemeinde (8-digit AGS or 12-digit ARS).
    Gemeinde,
}

/// A parsed official key.
///
/// ```
/// use partnerships_widget::model::key::{OfficialKey, Level};
/// let kreis: OfficialKey = " 01060 ".parse().unwrap();
/// assert_eq!(kreis.level(), Level::Kreis);
/// let gemeinde: OfficialKey = "01060001".parse().unwrap();
/// assert!(kreis.contains(&gemeinde));
/// assert!("1060".parse::<OfficialKey>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OfficialKey {
    /// Always the 12-digit ARS layout; `len` says how much of it is known.
    digits: [u8; 12],
    level: Level,
    /// For a Gemeinde given as 8-digit AGS the Gemeindeverband part is unknown.
    verband_known: bool,
}

/// Why a string is not an official key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// Nothing but spaces.
    Empty,
    /// A character other than an ASCII digit.
    NotDigits,
    /// A digit count that is not 2, 5, 8, 9 or 12.
    WrongLength(usize),
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::Empty => f.write_str("the key is empty"),
            KeyError::NotDigits => f.write_str("the key may contain only the digits 0-9"),
            KeyError::WrongLength(n) => write!(
                f,
                "the key has {n} digits; expected 2 (Land), 5 (Kreis), 8 (AGS), 9 (Amt/Gemeindeverband) or 12 (ARS)"
            ),
        }
    }
}

impl std::error::Error for KeyError {}

/// The digit counts of an official key: Land, Kreis, AGS, Amt or
/// Gemeindeverband, ARS.
pub const KEY_LENGTHS: [usize; 5] = [2, 5, 8, 9, 12];

/// What [`OfficialKey`] accepts (after trimming), as a regular expression:
/// the dataset's schema and the loader (which must know a key before the
/// wasm arrives) are given this one.
pub const KEY_PATTERN: &str = r"^(\d{2}|\d{5}|\d{8}|\d{9}|\d{12})$";

impl std::str::FromStr for OfficialKey {
    type Err = KeyError;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(KeyError::Empty);
        }
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(KeyError::NotDigits);
        }
        let src = text.as_bytes();
        let mut digits = [b'0'; 12];
        let (level, verband_known) = match src.len() {
            2 => (Level::Land, false),
            5 => (Level::Kreis, false),
            9 => (Level::Verband, true),
            12 => (Level::Gemeinde, true),
            8 => (Level::Gemeinde, false),
            n => return Err(KeyError::WrongLength(n)),
        };
        if src.len() == 8 {
            // AGS: Kreis (5) + Gemeinde (3); the Verband part stays unknown.
            digits[..5].copy_from_slice(&src[..5]);
            digits[9..].copy_from_slice(&src[5..]);
        } else {
            digits[..src.len()].copy_from_slice(src);
        }
        Ok(OfficialKey {
            digits,
            level,
            verband_known,
        })
    }
}

impl OfficialKey {
    /// The level this key names.
    pub fn level(&self) -> Level {
        self.level
    }

    fn land(&self) -> &[u8] {
        &self.digits[..2]
    }

    fn kreis(&self) -> &[u8] {
        &self.digits[..5]
    }

    fn verband(&self) -> Option<&[u8]> {
        self.verband_known.then(|| &self.digits[5..9])
    }

    fn gemeinde(&self) -> &[u8] {
        &self.digits[9..]
    }

    /// True when both keys name the same body (an AGS and the ARS of the same
    /// Gemeinde are the same body).
    pub fn same_body(&self, other: &OfficialKey) -> bool {
        if self.level != other.level {
            return false;
        }
        match self.level {
            Level::Land => self.land() == other.land(),
            Level::Kreis => self.kreis() == other.kreis(),
            Level::Verband => self.digits[..9] == other.digits[..9],
            Level::Gemeinde => {
                self.kreis() == other.kreis()
                    && self.gemeinde() == other.gemeinde()
                    && match (self.verband(), other.verband()) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    }
            }
        }
    }

    /// Canonical identity of the body: equal for the AGS and the ARS of one
    /// Gemeinde (the 8-digit AGS), otherwise the key itself.
    ///
    /// ```
    /// use partnerships_widget::model::key::OfficialKey;
    /// let ars: OfficialKey = "010030000000".parse().unwrap();
    /// assert_eq!(ars.identity(), "01003000");
    /// ```
    pub fn identity(&self) -> String {
        match self.level {
            Level::Gemeinde => {
                let mut ags = String::new();
                let _ = write_digits(&mut ags, self.kreis());
                let _ = write_digits(&mut ags, self.gemeinde());
                ags
            }
            _ => self.to_string(),
        }
    }

    /// The key of the same body in one canonical form (a Gemeinde without
    /// its Amt digits), to look bodies up without building the
    /// [`identity`](Self::identity) text.
    ///
    /// ```
    /// # use partnerships_widget::model::key::OfficialKey;
    /// let ags: OfficialKey = "01060001".parse().unwrap();
    /// let ars: OfficialKey = "010600010001".parse().unwrap();
    /// assert_eq!(ags.identity_key(), ars.identity_key());
    /// ```
    pub fn identity_key(&self) -> OfficialKey {
        let mut key = *self;
        if key.level == Level::Gemeinde {
            key.digits[5..9].copy_from_slice(b"0000");
            key.verband_known = false;
        }
        key
    }

    /// True when `inner` lies strictly inside this body.
    ///
    /// A Gemeinde given only by its AGS cannot be placed inside an Amt, since
    /// the AGS does not carry the Gemeindeverband.
    pub fn contains(&self, inner: &OfficialKey) -> bool {
        if inner.level <= self.level {
            return false;
        }
        match self.level {
            Level::Land => self.land() == inner.land(),
            Level::Kreis => self.kreis() == inner.kreis(),
            Level::Verband => self.kreis() == inner.kreis() && inner.verband() == self.verband(),
            Level::Gemeinde => false,
        }
    }

    /// True when `other` is this body or lies inside it.
    pub fn covers(&self, other: &OfficialKey) -> bool {
        self.same_body(other) || self.contains(other)
    }

    /// This body and every body it lies in: itself, its Amt (for a Gemeinde
    /// given by ARS), its Kreis and its Land — exactly the keys that
    /// [`covers`](Self::covers) this body.
    ///
    /// ```
    /// use partnerships_widget::model::key::OfficialKey;
    /// let k: OfficialKey = "010545488001".parse().unwrap();
    /// let up: Vec<String> = k.with_ancestors().iter().map(|k| k.to_string()).collect();
    /// assert_eq!(up, ["010545488001", "010545488", "01054", "01"]);
    /// ```
    pub fn with_ancestors(&self) -> Vec<OfficialKey> {
        let mut keys = vec![*self];
        if self.level == Level::Gemeinde && self.verband_known {
            keys.push(self.truncated(Level::Verband));
        }
        if self.level > Level::Kreis {
            keys.push(self.truncated(Level::Kreis));
        }
        if self.level > Level::Land {
            keys.push(self.truncated(Level::Land));
        }
        keys
    }

    /// The Land this body lies in (itself for a Land).
    pub fn land_key(&self) -> OfficialKey {
        self.truncated(Level::Land)
    }

    /// The Kreis this body lies in, if it lies below Kreis level (itself for a Kreis).
    pub fn kreis_key(&self) -> Option<OfficialKey> {
        (self.level >= Level::Kreis).then(|| self.truncated(Level::Kreis))
    }

    fn truncated(&self, level: Level) -> OfficialKey {
        let keep = match level {
            Level::Land => 2,
            Level::Kreis => 5,
            Level::Verband => 9,
            Level::Gemeinde => 12,
        };
        let mut digits = [b'0'; 12];
        digits[..keep].copy_from_slice(&self.digits[..keep]);
        OfficialKey {
            digits,
            level,
            verband_known: level >= Level::Verband && self.verband_known,
        }
    }
}

/// Writes the digits (ASCII digits by construction) to `out`. One char at
/// a time: `str::from_utf8` links UTF-8 validation into the wasm.
fn write_digits(out: &mut impl fmt::Write, digits: &[u8]) -> fmt::Result {
    digits
        .iter()
        .try_for_each(|&digit| out.write_char(char::from(digit)))
}

impl fmt::Display for OfficialKey {
    /// Writes the key in its canonical form (AGS stays 8 digits).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.digits;
        match (self.level, self.verband_known) {
            (Level::Land, _) => write_digits(f, &d[..2]),
            (Level::Kreis, _) => write_digits(f, &d[..5]),
            (Level::Verband, _) => write_digits(f, &d[..9]),
            (Level::Gemeinde, true) => write_digits(f, d),
            (Level::Gemeinde, false) => {
                write_digits(f, &d[..5])?;
                write_digits(f, &d[9..])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> OfficialKey {
        s.parse().unwrap()
    }

    #[test]
    fn the_pattern_says_what_parsing_accepts() {
        let alternatives: Vec<String> = KEY_LENGTHS.iter().map(|n| format!("\\d{{{n}}}")).collect();
        assert_eq!(KEY_PATTERN, format!("^({})$", alternatives.join("|")));
        for n in 0..=14 {
            let digits = "1".repeat(n);
            assert_eq!(
                digits.parse::<OfficialKey>().is_ok(),
                KEY_LENGTHS.contains(&n),
                "{n} digits"
            );
        }
    }

    #[test]
    fn parses_every_level_and_tolerates_spaces() {
        assert_eq!(key("01").level(), Level::Land);
        assert_eq!(key("01060").level(), Level::Kreis);
        assert_eq!(key("01053090").level(), Level::Gemeinde);
        assert_eq!(key("010545488").level(), Level::Verband);
        assert_eq!(key("010530090090").level(), Level::Gemeinde);
        assert_eq!(key("  01060\t").to_string(), "01060");
    }

    #[test]
    fn rejects_malformed_keys() {
        assert_eq!("".parse::<OfficialKey>(), Err(KeyError::Empty));
        assert_eq!("   ".parse::<OfficialKey>(), Err(KeyError::Empty));
        assert_eq!("01O60".parse::<OfficialKey>(), Err(KeyError::NotDigits));
        assert_eq!("1060".parse::<OfficialKey>(), Err(KeyError::WrongLength(4)));
        assert_eq!(
            "0106000000000".parse::<OfficialKey>(),
            Err(KeyError::WrongLength(13))
        );
        assert_eq!("<script>".parse::<OfficialKey>(), Err(KeyError::NotDigits));
        // Non-ASCII digits are not official keys.
        assert_eq!("０１".parse::<OfficialKey>(), Err(KeyError::NotDigits));
    }

    #[test]
    fn hierarchy_is_by_prefix() {
        assert!(key("01").contains(&key("01060")));
        assert!(key("01").contains(&key("010545488")));
        assert!(key("01054").contains(&key("010545488")));
        assert!(key("01053").contains(&key("01053090")));
        assert!(!key("01060").contains(&key("01053090")));
        assert!(!key("01").contains(&key("03103000")));
        assert!(
            !key("01060").contains(&key("01060")),
            "containment is strict"
        );
        assert!(!key("01060001").contains(&key("01060")));
    }

    #[test]
    fn ags_maps_onto_ars() {
        let ags = key("01003000");
        let ars = key("010030000000");
        assert!(ags.same_body(&ars));
        assert!(ars.same_body(&ags));
        assert_eq!(ags.to_string(), "01003000");
        assert_eq!(ars.to_string(), "010030000000");
        // An ARS with a Verband lies in that Verband; a bare AGS cannot be placed there.
        assert!(key("010545488").contains(&key("010545488001")));
        assert!(!key("010545488").contains(&key("01054001")));
        assert!(!key("010545488").contains(&key("010545489001")));
    }

    #[test]
    fn parents() {
        assert_eq!(key("01053090").land_key(), key("01"));
        assert_eq!(key("01053090").kreis_key(), Some(key("01053")));
        assert_eq!(key("01").kreis_key(), None);
    }
}
