//! A box the reader is looking at keeps the space it was given: when its
//! list would push down what the reader sees below it, the box shows a
//! button that opens the list instead ("7 Partnerschaften anzeigen").
//!
//! Growth the reader asked for (the click) does not count as a layout
//! shift; growth below the viewport's bottom edge moves nothing the reader
//! sees, so a box there opens at once. In the loader's default space
//! (12rem) no list fits, so such a box shows the button without building
//! its list; in space the page chose (CSS `min-height`, `data-min-height`)
//! the box builds its list, measures it, and keeps it if it fits.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};

use super::class;
use crate::widget::dom::{child, find, on, set, text_child};

/// The box's host element and its height now, if its growing would push
/// down something the reader sees: the box's bottom edge is on screen and
/// a visible element follows it there. `root` is the box's root in the
/// host's shadow root.
pub fn space_to_keep(root: &Element) -> Option<(Element, f64)> {
    let host = root.parent_node()?.dyn_into::<ShadowRoot>().ok()?.host();
    let screen = web_sys::window()?.inner_height().ok()?.as_f64()?;
    let rect = host.get_bounding_client_rect();
    let (height, bottom) = (rect.height(), rect.top() + rect.height());
    if bottom > screen || bottom < 0.0 {
        return None;
    }
    let top = first_after(&host)?.get_bounding_client_rect().top();
    (top < screen).then_some((host, height))
}

/// The first element after `element` in the page's flow that takes up
/// height (a following sibling of it or of one of its ancestors; scripts
/// and hidden elements take up none).
fn first_after(element: &Element) -> Option<Element> {
    let mut at = element.clone();
    loop {
        let mut next = at.next_element_sibling();
        while let Some(sibling) = next {
            if sibling.get_bounding_client_rect().height() > 0.0 {
                return Some(sibling);
            }
            next = sibling.next_element_sibling();
        }
        at = at.parent_element()?;
    }
}

/// True when `host` is now taller than `space`.
pub fn taller(host: &Element, space: f64) -> bool {
    host.get_bounding_client_rect().height() > space + 0.5
}

/// Puts a button saying `label` in `content` in place of what it holds; a
/// click builds the list with `open` and moves the focus to its first
/// partnership.
pub fn fold(content: &Element, label: &str, open: impl Fn() + 'static) {
    content.set_text_content(None);
    let Some(line) = child(content, "p", class::MORE) else {
        return;
    };
    let Some(button) = text_child(&line, "button", class::MORE_BUTTON, label) else {
        return;
    };
    set(&button, "type", "button");
    set(&button, "data-testid", "dp-open");
    let content = content.clone();
    on(&button, "click", move |_| {
        content.set_text_content(None);
        open();
        if let Some(item) = find(&content, class::ITEM) {
            let _ = item.unchecked_into::<HtmlElement>().focus();
        }
    });
}
