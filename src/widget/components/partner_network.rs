//! The partner network (`data-view="network"`): an inline SVG with the host
//! in the centre and its partners numbered around it, one line per link,
//! and a numbered legend naming each partner and the partnerships it shares
//! with the host. The legend is the text alternative: the drawing is hidden
//! from screen readers, which read the same facts in the list.

use web_sys::Element;

use super::class;
use crate::model::text::joined;
use crate::presentation::{around, NetworkPartner, NETWORK_MAX};
use crate::texts::Texts;
use crate::widget::dom::{append, child, element, set, svg_child, text, text_child};

/// The drawing's size in its own units (it scales to the box's width, and
/// its height follows from the viewBox, so it never shifts the layout).
const SIZE: i32 = 400;

/// Sets the SVG attributes `names` of `element` to `values`.
fn numbers(element: &Element, names: &[&str], values: &[i32]) {
    for (name, value) in names.iter().zip(values) {
        set(element, name, &value.to_string());
    }
}

/// The figure of `partners` around the host, not yet in the page.
pub fn build(partners: &[NetworkPartner], texts: &Texts) -> Option<Element> {
    let center = SIZE / 2;
    let drawn = partners.len().min(NETWORK_MAX);
    let figure = element("figure", class::NETWORK)?;
    set(&figure, "data-testid", "dp-network");
    text_child(
        &figure,
        "figcaption",
        class::LABEL,
        &(texts.network_caption)(partners.len()),
    )?;
    let svg = svg_child(&figure, "svg", class::NET_DRAWING)?;
    set(&svg, "viewBox", &format!("0 0 {SIZE} {SIZE}"));
    set(&svg, "aria-hidden", "true");
    set(&svg, "focusable", "false");
    let legend = element("ol", class::NET_LEGEND)?;
    for (i, partner) in partners.iter().take(drawn).enumerate() {
        let (x, y) = around(i, drawn, center, SIZE * 3 / 8);
        let links = joined(&partner.partnerships, ", ");
        let node = svg_child(&svg, "g", class::NET_PARTNER)?;
        svg_child(&node, "title", "")?
            .set_text_content(Some(&format!("{}: {links}", partner.name)));
        let line = svg_child(&node, "line", "")?;
        numbers(&line, &["x1", "y1", "x2", "y2"], &[center, center, x, y]);
        let circle = svg_child(&node, "circle", "")?;
        numbers(&circle, &["cx", "cy"], &[x, y]);
        set(&circle, "r", "17");
        let number = svg_child(&node, "text", "")?;
        numbers(&number, &["x", "y"], &[x, y]);
        set(&number, "dy", "0.35em");
        number.set_text_content(Some(&(i + 1).to_string()));

        let entry = child(&legend, "li", "")?;
        text_child(&entry, "span", class::NET_NAME, &partner.name)?;
        text(&entry, ": ");
        text_child(&entry, "span", "", &links)?;
    }
    let host = svg_child(&svg, "circle", class::NET_HOST)?;
    numbers(&host, &["cx", "cy"], &[center, center]);
    set(&host, "r", "30");
    let mark = svg_child(&svg, "text", class::NET_HOST)?;
    numbers(&mark, &["x", "y"], &[center, center]);
    set(&mark, "dy", "0.35em");
    mark.set_text_content(Some(texts.host_mark));
    append(&figure, legend)?;
    if partners.len() > drawn {
        text_child(
            &figure,
            "p",
            class::META,
            &(texts.network_more)(partners.len() - drawn),
        )?;
    }
    Some(figure)
}
