//! Plain DOM building for the box's content: create an element with a
//! class, give it text or an attribute, append it, listen to it.
//!
//! The content below the box's shell is built with these calls rather
//! than Leptos views: each distinct view type instantiates generic render
//! code in the wasm, and the content is built once per list and never
//! re-rendered. Text is always set as text (`textContent`, text nodes),
//! never as HTML, so dataset text cannot become markup and pages that
//! require Trusted Types accept every call. Nothing here throws into the
//! host page: a call the browser refuses leaves the element out.

use std::cell::OnceCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event};

/// The namespace of the partner network's drawing.
const SVG: &str = "http://www.w3.org/2000/svg";

thread_local! {
    static DOCUMENT: OnceCell<Option<Document>> = const { OnceCell::new() };
}

/// Calls `make` with the page's document (looked up once per page).
fn with_document<T>(make: impl FnOnce(&Document) -> Option<T>) -> Option<T> {
    DOCUMENT.with(|cell| {
        cell.get_or_init(|| web_sys::window()?.document())
            .as_ref()
            .and_then(make)
    })
}

/// Gives `element` the class `class` (none when empty).
fn classed(element: Element, class: &str) -> Element {
    if !class.is_empty() {
        set(&element, "class", class);
    }
    element
}

/// A new `<tag class="class">`, not yet in the page.
pub fn element(tag: &str, class: &str) -> Option<Element> {
    with_document(|document| document.create_element(tag).ok()).map(|e| classed(e, class))
}

/// A new `<tag class="class">` appended to `parent`.
pub fn child(parent: &Element, tag: &str, class: &str) -> Option<Element> {
    append(parent, element(tag, class)?)
}

/// A new SVG `<tag class="class">` appended to `parent` (SVG elements need
/// their namespace to be drawn).
pub fn svg_child(parent: &Element, tag: &str, class: &str) -> Option<Element> {
    let element = with_document(|document| document.create_element_ns(Some(SVG), tag).ok())?;
    append(parent, classed(element, class))
}

/// A new `<tag class="class">` holding `text`, appended to `parent`.
pub fn text_child(parent: &Element, tag: &str, class: &str, text: &str) -> Option<Element> {
    let element = child(parent, tag, class)?;
    element.set_text_content(Some(text));
    Some(element)
}

/// `label` appended to `parent` as a link to `url` with `rel`, or, without
/// an address, as text in a span. `url` must be a checked http(s) address
/// (the presentation layer drops any other).
pub fn link_or_span(
    parent: &Element,
    url: Option<&str>,
    rel: &str,
    label: &str,
) -> Option<Element> {
    match url {
        Some(url) => {
            let link = text_child(parent, "a", "", label)?;
            set(&link, "href", url);
            set(&link, "rel", rel);
            Some(link)
        }
        None => text_child(parent, "span", "", label),
    }
}

/// Appends `text` to `parent` as a text node.
pub fn text(parent: &Element, text: &str) {
    let _ = parent.append_with_str_1(text);
}

/// Appends `element` to `parent`, and hands it back.
pub fn append(parent: &Element, element: Element) -> Option<Element> {
    parent.append_child(&element).ok()?;
    Some(element)
}

/// Sets the attribute `name` of `element` to `value`.
pub fn set(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Calls `handler` on every `event` at `element`. The listener is kept for
/// the page's life: the elements that listen (the filters, "Alle N
/// anzeigen") live as long as their box, except a list a filter change
/// replaces, whose small listener stays behind until the page goes.
pub fn on(element: &Element, event: &str, handler: impl FnMut(Event) + 'static) {
    let listener = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = element.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    listener.forget();
}

/// The first element under `root` with the class `class`.
pub fn find(root: &Element, class: &str) -> Option<Element> {
    root.get_elements_by_class_name(class).item(0)
}
