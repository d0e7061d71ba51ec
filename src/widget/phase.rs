//! Marks of the box's phases on the page's performance timeline, for
//! bench/phases.mjs: a build with the cargo feature `phase-marks` calls
//! `performance.mark("dp:<phase>")` at each; the release build compiles
//! `mark` to nothing (the wasm is the same byte for byte).
//!
//! They tell, without tracing (which inflates it), how long each phase of
//! the first box takes, and with V8's lazy compilation switched off how
//! much of that is compiling functions at their first call.

#[cfg(feature = "phase-marks")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str);
}

/// Marks the end of `phase` (with the feature `phase-marks` only).
#[inline(always)]
pub fn mark(phase: &str) {
    #[cfg(feature = "phase-marks")]
    performance_mark(&["dp:", phase].concat());
    #[cfg(not(feature = "phase-marks"))]
    let _ = phase;
}
