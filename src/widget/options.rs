//! What the loader hands to `mount`: one options object, read into a typed
//! struct by serde-wasm-bindgen, so the loader and the wasm name each
//! option once instead of agreeing on the order of ten arguments.

use serde::Deserialize;

/// A box's options, as the loader collects them from its tag or element.
/// Every field may be missing, and a text `null` or `undefined`: that
/// means the default. The loader always passes numbers as numbers.
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct MountOptions {
    /// The raw `data-ags` attribute (spaces tolerated, validated later).
    pub ags: Option<String>,
    /// Absolute URL of the dataset (`data-src`, or the default beside the
    /// loader).
    pub src: Option<String>,
    /// Milliseconds until a download is given up; 0 for the default.
    pub timeout_ms: u32,
    /// Largest answer accepted, in bytes; 0 for the default.
    pub max_bytes: u32,
    /// `data-heading-level`: 2–6; anything else (0: not given) means 2.
    /// A `u32` like the other numbers: each integer type instantiates
    /// serde-wasm-bindgen's number reading once more in the wasm.
    pub heading_level: u32,
    /// `light`, `dark` or `auto`; anything else means light.
    pub theme: Option<String>,
    /// The reader's language (`data-lang`, else the page's): `en` for
    /// English, German for anything else.
    pub lang: Option<String>,
    /// `network` for the partner network above the list.
    pub view: Option<String>,
    /// The digest the page's static content was made with
    /// (`data-digest`), when the box upgrades such content.
    pub digest: Option<String>,
    /// True when the page chose the space the box has (`data-min-height`
    /// or its own CSS); false for the loader's default, in which no list
    /// fits.
    pub reserved: bool,
}
