//! The box's styles: each component's CSS file lives beside it and is
//! compiled in; one constructed stylesheet is shared by every shadow root.
//! Constructed sheets need no inline `<style>`, so a strict
//! `style-src 'self'` host policy does not block them.
//!
//! The CSS files carry no comments (they would ship in the wasm); the
//! reasons live here:
//! * `.dp-root { all: initial }` (inside the shadow root, where no host
//!   selector reaches, not even `* { … !important }`) cuts every inherited
//!   property of the host page except the font family, which the box
//!   deliberately follows; `:host` rules would lose to the host page's own
//!   rules for the host element;
//! * sizes are in `em` from that root, whose font size is the text size
//!   where the box is placed (`1em` of the host element), but never less
//!   than the reader's browser setting (`medium`, measured by the loader
//!   into `--dp-reader-size`, as CSS cannot compare a keyword with a
//!   length); never `rem`: a host page's `html { font-size: 62.5% }` must
//!   not shrink the box;
//! * dataset text in inline elements is bidi-isolated, so a right-to-left
//!   override in a name cannot reorder the text around it;
//! * colours, spacing and radius are themable through `--dp-*` custom
//!   properties, which do inherit from the host page; the box resolves them
//!   into its own `--dp-c-*` with light or dark defaults (`dp-dark`, and
//!   `dp-auto` inside a `prefers-color-scheme: dark` query: the dark block
//!   stands twice because a selector cannot span a media query, and
//!   `light-dark()` would leave browsers before 2024 without colours);
//! * `container-type: inline-size` lets the box lay out by its own width
//!   (a sidebar or a main column), not the viewport's;
//! * `contain: layout paint` keeps the box's layout work inside the box;
//! * `.dp-root` and `.dp-box` take the host element's `min-height` (the
//!   space reserved for the box: `inherit`, which `all: initial` would
//!   otherwise reset), so a box shorter than its space (a list behind its
//!   button, a short error) fills it with its frame instead of leaving a
//!   blank gap below it;
//! * `.dp-root[hidden]`: a box that upgrades the page's static content
//!   stays hidden until it knows whether that content is current (see
//!   `widget::mount`); when it replaces it, `--dp-upgrade-margin` gives it
//!   the margins the loader measured for that content.

use std::cell::OnceCell;

use web_sys::{CssStyleSheet, ShadowRoot};

const CSS: &str = concat!(
    include_str!("components/partnerships_box.css"),
    include_str!("components/host_list.css"),
    include_str!("components/filters.css"),
    include_str!("components/list.css"),
    include_str!("components/partnership_item.css"),
    include_str!("components/partner_network.css"),
);

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Gives `shadow` the box's stylesheet (created once per page).
pub fn adopt(shadow: &ShadowRoot) {
    SHEET.with(|cell| {
        let sheet = cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            Some(sheet)
        });
        match sheet {
            Some(sheet) => shadow.set_adopted_style_sheets(&js_sys::Array::of1(sheet)),
            None => super::log_warn(
                "this browser cannot apply the box's styles (constructable stylesheets)",
            ),
        }
    });
}
