//! The pure model: dataset types, official keys, partial dates, selection
//! for a host and validation. No web dependencies, tested natively.

pub mod address;
pub mod dataset;
pub mod date;
pub mod key;
pub mod lookup;
pub mod read;
pub mod selection;
pub mod text;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
