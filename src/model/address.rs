//! Where the published data of a key lie: one slice per area, its address
//! computable from the key alone, so a box asks for exactly one file.
//!
//! The area of a key is its Kreis (or kreisfreie Stadt): the first
//! [`AREA_DIGITS`] digits. Keys that lie in no Kreis belong to their Land's
//! area: a Land itself, and keys whose Kreis digits (the 4th and 5th) are
//! `00`. No Kreis is numbered `00`, so such a key names a Land-wide body
//! (digits 3–5 `000`: Berlin 11000000, Hamburg 02000, a Land's ministry as
//! ARS 010000000000) or a Regierungsbezirk written as a 5-digit key (05300).
//! Their area is the Land, whose slice holds everything inside the Land.
//!
//! | key | level | area | address |
//! |---|---|---|---|
//! | `01` | Land | `01` | `slices/01.json` |
//! | `05300` | Regierungsbezirk | `05` | `slices/05.json` |
//! | `11000000` | Berlin | `11` | `slices/11.json` |
//! | `01060` | Kreis | `01060` | `slices/01060.json` |
//! | `05315000` | kreisfreie Stadt (AGS) | `05315` | `slices/05315.json` |
//! | `010545488` | Amt (ARS prefix) | `01054` | `slices/01054.json` |
//! | `010600010001` | Gemeinde (ARS) | `01060` | `slices/01060.json` |

use super::key::OfficialKey;

/// The folder of the slices, beside the full dataset.
pub const SLICES_DIR: &str = "slices";

/// Digits of a Kreis area's key (Land 2 + Regierungsbezirk 1 + Kreis 2).
pub const AREA_DIGITS: usize = 5;

/// Digits of a Land's key, the area of keys that lie in no Kreis.
pub const LAND_DIGITS: usize = 2;

/// The Kreis digits (4th and 5th) of a key that lies in no Kreis.
pub const NO_KREIS: &str = "00";

/// The area whose slice holds everything `key` shows: its Land for a key
/// that lies in no Kreis (see the module documentation), else its Kreis.
///
/// ```
/// use partnerships_widget::model::address::area_of;
/// let area = |k: &str| area_of(&k.parse().unwrap());
/// assert_eq!(area("01"), "01");
/// assert_eq!(area("11000000"), "11");
/// assert_eq!(area("05315000"), "05315");
/// assert_eq!(area("010545488"), "01054");
/// ```
pub fn area_of(key: &OfficialKey) -> String {
    let digits = key.to_string();
    let kreis = digits.get(LAND_DIGITS + 1..AREA_DIGITS);
    let area = match kreis {
        Some(kreis) if kreis != NO_KREIS => AREA_DIGITS,
        _ => LAND_DIGITS,
    };
    // `get`, not `digits[..area]`: indexing a str links its panic message's
    // formatting into the wasm (3.5 KB); a key always has `area` digits.
    digits.get(..area).unwrap_or_default().to_owned()
}

/// The address of `key`'s slice, relative to the folder of the full dataset.
///
/// ```
/// use partnerships_widget::model::address::slice_path;
/// assert_eq!(slice_path(&"05315000".parse().unwrap()), "slices/05315.json");
/// assert_eq!(slice_path(&"09".parse().unwrap()), "slices/09.json");
/// ```
pub fn slice_path(key: &OfficialKey) -> String {
    area_path(&area_of(key))
}

/// The address of the slice of `area` (a key [`area_of`] returns).
pub fn area_path(area: &str) -> String {
    [SLICES_DIR, "/", area, ".json"].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each key's area, and its address.
    fn assert_areas(expected: &[(&str, &str)]) {
        for (key, area) in expected {
            let key: OfficialKey = key.parse().unwrap();
            assert_eq!(area_of(&key), *area, "{key}");
            assert_eq!(slice_path(&key), format!("slices/{area}.json"), "{key}");
        }
    }

    #[test]
    fn a_land_is_its_own_area() {
        assert_areas(&[("01", "01"), ("13", "13"), ("16", "16")]);
    }

    #[test]
    fn keys_in_no_kreis_belong_to_their_land() {
        assert_areas(&[
            // A Regierungsbezirk written as a 5-digit key (053 = Köln).
            ("05300", "05"),
            // Land-wide bodies: digits 3–5 are 000.
            ("11000", "11"),
            ("11000000", "11"),
            ("110000000000", "11"),
            ("02000000", "02"),
            ("010000000", "01"),
        ]);
    }

    #[test]
    fn a_kreis_and_a_kreisfreie_stadt_are_their_own_area() {
        assert_areas(&[
            ("01060", "01060"),
            ("05315", "05315"),
            // Kreis numbers with a 0 in them are Kreise all the same
            // (Kreis Heinsberg, Landkreis Oberallgäu).
            ("05370", "05370"),
            ("09780", "09780"),
        ]);
    }

    #[test]
    fn a_gemeinde_or_amt_belongs_to_its_kreis() {
        assert_areas(&[
            // Gemeinde as AGS (8 digits): the kreisfreie Stadt Köln, Stadt Mölln.
            ("05315000", "05315"),
            ("01053090", "01053"),
            // Amt / Gemeindeverband as ARS prefix (9 digits).
            ("010545488", "01054"),
            // Gemeinde as ARS (12 digits).
            ("010545488001", "01054"),
            ("010030000000", "01003"),
        ]);
    }

    #[test]
    fn the_ags_and_the_ars_of_one_gemeinde_share_their_address() {
        assert_eq!(
            slice_path(&"01060001".parse().unwrap()),
            slice_path(&"010600010001".parse().unwrap())
        );
    }
}
