//! What the classic loader (www/partnerships.js) must know before the wasm
//! arrives, written into it at build time from the Rust definitions
//! (`partnerships-data facts`, read by scripts/post-build.mjs), so that the
//! two sides cannot disagree: which keys are valid, where a key's data lie,
//! and the loader's own words. The Einbindungsassistent (www/einbinden.js)
//! gets the same facts for its key pattern.

use serde_json::{json, Value};

use crate::model::address::{AREA_DIGITS, LAND_DIGITS, NO_KREIS, SLICES_DIR};
use crate::model::key::KEY_PATTERN;
use crate::texts::{DE, EN};

/// The facts as one JSON object, as the loader reads them.
///
/// The loader computes a key's slice address with them exactly as
/// [`crate::model::address::slice_path`] does: the first `areaDigits`
/// digits, or the first `landDigits` when digits 4–5 are `noKreis` (or
/// missing), under `slicesDir`.
///
/// ```
/// let facts = partnerships_widget::tools::loader_facts::loader_facts();
/// assert_eq!(facts["slicesDir"], "slices");
/// assert_eq!(facts["words"]["de"]["loading"], "Partnerschaften werden geladen …");
/// ```
pub fn loader_facts() -> Value {
    let words = |texts: &crate::texts::Texts| json!({ "loading": texts.loading, "failed": texts.not_started });
    json!({
        "keyPattern": KEY_PATTERN,
        "slicesDir": SLICES_DIR,
        "areaDigits": AREA_DIGITS,
        "landDigits": LAND_DIGITS,
        "noKreis": NO_KREIS,
        "words": { "de": words(&DE), "en": words(&EN) },
    })
}
