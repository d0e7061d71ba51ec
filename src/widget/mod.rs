//! The thin browser boundary: the one function the loader calls, mounting
//! a box into a host element's open Shadow DOM.
//!
//! Everything that can fail here becomes a state of the box; nothing throws
//! into the host page.

mod components;
mod data;
mod dom;
mod options;
pub(crate) mod phase;
mod styles;
#[cfg(test)]
mod tests;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

use components::PartnershipsBox;
use options::MountOptions;

/// Prefix of every console line, so a webmaster can find ours among many.
pub(crate) const LOG_PREFIX: &str = "[Digitale Partnerschaften]";

pub(crate) fn log_error(message: &str) {
    web_sys::console::error_1(&format!("{LOG_PREFIX} {message}").into());
}

pub(crate) fn log_warn(message: &str) {
    web_sys::console::warn_1(&format!("{LOG_PREFIX} {message}").into());
}

/// Mounts one box into `host`.
///
/// * `host`: the element the loader placed (or the `data-target` element);
///   its open shadow root is reused if the loader already attached one.
/// * `options`: the box's options as one object ([`MountOptions`]).
/// * `prefetched`: the loader's download of the host's slice, if it
///   started one, so the download overlaps the wasm compile: a promise of
///   the text, or of the error status as a number; `undefined` otherwise.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, options: JsValue, prefetched: JsValue) {
    phase::mark("mount");
    let options: MountOptions = match serde_wasm_bindgen::from_value(options) {
        Ok(options) => options,
        Err(error) => {
            log_error(&format!("the box's options are not usable: {error}"));
            return;
        }
    };
    phase::mark("options");
    let limits = data::Limits::new(options.timeout_ms, options.max_bytes);
    let look = components::Look::new(
        options.heading_level,
        options.theme.as_deref().unwrap_or(""),
        options.lang.as_deref().unwrap_or(""),
        options.view.as_deref().unwrap_or(""),
    );
    let ags = options.ags.unwrap_or_default();
    let dataset_url = options.src.unwrap_or_default();
    let made_with = options.digest;
    let reserved = options.reserved;
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => match host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
            Ok(shadow) => shadow,
            Err(_) => {
                log_error("cannot attach a shadow root to the target element; use an empty <div> or <span> as data-target");
                return;
            }
        },
    };
    styles::adopt(&shadow);
    phase::mark("styles");

    if let Ok(key) = ags.parse() {
        if let Some(url) = data::slice_url(&dataset_url, &key) {
            data::offer_prefetch(&url, prefetched);
        }
    }

    // Replace the loader's placeholder with the live box in one step.
    let Ok(container) = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)
        .and_then(|d| d.create_element("div"))
    else {
        return;
    };
    container.set_class_name(look.theme_class);
    // Screen readers pronounce the box in its own language.
    let _ = container.set_attribute("lang", look.lang.code());
    let Ok(container) = container.dyn_into::<HtmlElement>() else {
        return;
    };
    // Content of the page upgraded in place (the static box of the
    // assistant's snippet): the loader shows it through a <slot>, which
    // stays until `show` has the live content (and stays if loading fails).
    if shadow.query_selector("slot").ok().flatten().is_some() {
        let _ = container.set_attribute("hidden", "");
        let _ = shadow.append_child(&container);
    } else {
        shadow.replace_children_with_node_1(&container);
    }
    let root = container.clone();
    leptos::mount::mount_to(container, move || {
        view! { <PartnershipsBox root raw_key=ags dataset_url=dataset_url limits look made_with reserved/> }
    })
    .forget();
    phase::mark("shell");
}
