//! A bare Leptos box of the partnerships a host is a direct partner of
//! (title and description), read from its slice with the browser's
//! `JSON.parse`: no checks, no styles, no features. See bench/floor.mjs.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

fn field(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn text(value: &JsValue, name: &str) -> String {
    field(value, name).as_string().unwrap_or_default()
}

/// Renders the partnerships of `key` found in `slice` (the slice's text)
/// into `host`'s shadow root.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, key: String, slice: String) {
    let Ok(data) = js_sys::JSON::parse(&slice) else {
        return;
    };
    let partnerships: js_sys::Array = field(&data, "partnerships").unchecked_into();
    let items: Vec<(String, String)> = partnerships
        .iter()
        .filter(|p| {
            let partners: js_sys::Array = field(p, "partners").unchecked_into();
            partners.iter().any(|x| text(&x, "key") == key)
        })
        .map(|p| (text(&p, "title"), text(&p, "description")))
        .collect();
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => match host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
            Ok(shadow) => shadow,
            Err(_) => return,
        },
    };
    let Some(Ok(container)) = web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.create_element("div"))
    else {
        return;
    };
    shadow.replace_children_with_node_1(&container);
    let Ok(container) = container.dyn_into::<HtmlElement>() else {
        return;
    };
    leptos::mount::mount_to(container, move || {
        view! {
            <section>
                <h2>"Unsere digitalen Partnerschaften"</h2>
                <ul>
                    {items
                        .into_iter()
                        .map(|(title, description)| {
                            view! {
                                <li data-testid="dp-item">
                                    <h4>{title}</h4>
                                    <p>{description}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
    .forget();
}
