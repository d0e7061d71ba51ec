//! One partnership: title, kind, status, dates, partners (the host marked),
//! topics, description and sources. All dataset text is set as text, never
//! as HTML, and only http(s) addresses become links.

use web_sys::Element;

use super::class;
use crate::presentation::{ItemView, PARTNER_DASH};
use crate::texts::Texts;
use crate::widget::dom::{child, element, link_or_span, set, text, text_child};

/// One partnership as a list item, not yet in the page; `position` is its
/// place in the box's display order (focused when "Alle N anzeigen"
/// reveals it, hence `tabindex=-1`); `heading` the element of its title
/// (`h4` under a box heading `h2`).
pub fn build(item: &ItemView, position: usize, heading: &str, texts: &Texts) -> Option<Element> {
    let li = element("li", class::ITEM)?;
    set(&li, "data-testid", "dp-item");
    set(&li, "data-id", &item.id);
    set(&li, "data-position", &position.to_string());
    set(&li, "tabindex", "-1");
    text_child(&li, heading, class::TITLE, &item.title)?;
    text_child(&li, "p", class::META, &item.meta(texts))?;
    text_child(&li, "p", class::LABEL, texts.partners)?;
    let partners = child(&li, "ul", class::PARTNERS)?;
    set(&partners, "role", "list");
    for partner in &item.partners {
        let class = if partner.is_host {
            [class::PARTNER, " ", class::IS_HOST].concat()
        } else {
            class::PARTNER.to_owned()
        };
        let line = child(&partners, "li", &class)?;
        text_child(&line, "span", class::PARTNER_NAME, &partner.name)?;
        if partner.is_host {
            text(&line, " ");
            text_child(&line, "strong", class::HOST_MARK, texts.host_mark)?;
        }
        // The role is dataset text: in a span of its own, bidi-isolated
        // (see styles.rs) from the date after it.
        if let Some(role) = &partner.role {
            text(&line, PARTNER_DASH);
            text_child(&line, "span", "", role)?;
        }
        if let Some(when) = partner.when_suffix() {
            text(&line, &when);
        }
    }
    // The description, topics and sources behind a native <details>
    // (keyboard and screen readers know it, and it needs no code).
    let details = child(&li, "details", class::DETAILS)?;
    text_child(&details, "summary", "", texts.details)?;
    text_child(&details, "p", class::DESCRIPTION, &item.description)?;
    text_child(&details, "p", class::LABEL, texts.topics)?;
    let topics = child(&details, "ul", class::TOPICS)?;
    set(&topics, "role", "list");
    for topic in &item.topics {
        text_child(&topics, "li", class::TOPIC, topic)?;
    }
    text_child(&details, "p", class::LABEL, texts.sources)?;
    let sources = child(&details, "ul", class::SOURCES)?;
    set(&sources, "role", "list");
    for source in &item.sources {
        let line = child(&sources, "li", "")?;
        link_or_span(
            &line,
            source.url.as_deref(),
            "noopener noreferrer",
            &source.label,
        )?;
        if let Some(suffix) = source.suffix() {
            text_child(&line, "span", "", &suffix)?;
        }
    }
    Some(li)
}
