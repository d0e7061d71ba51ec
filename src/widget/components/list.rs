//! The list: the host's partnerships in labelled groups, the first
//! [`FIRST_PAGE`] at once and the rest behind "Alle N anzeigen", laid out
//! [`CHUNK`] per task.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::{class, partnership_item, Look};
use crate::model::dataset::Dataset;
use crate::presentation::{HostBox, PageGroup, CHUNK, FIRST_PAGE};
use crate::widget::data::yield_to_host;
use crate::widget::dom::{append, child, element, find, on, set, text, text_child};

/// Builds the groups of the first [`FIRST_PAGE`] partnerships of `view`
/// into `area`, and the rest behind "Alle N anzeigen".
pub fn fill(area: &Element, view: Rc<HostBox>, dataset: Rc<Dataset>, look: Look) -> Option<()> {
    let texts = look.texts();
    let groups = element("div", class::GROUPS)?;
    for part in view.page(&dataset, 0, FIRST_PAGE) {
        append(&groups, group(&part, look)?.0)?;
    }
    let groups = append(area, groups)?;
    if view.count > FIRST_PAGE {
        let line = element("p", class::MORE)?;
        text_child(&line, "span", "", &(texts.shown_of)(FIRST_PAGE, view.count))?;
        text(&line, " ");
        let button = text_child(
            &line,
            "button",
            class::MORE_BUTTON,
            &(texts.show_all)(view.count),
        )?;
        set(&button, "type", "button");
        set(&button, "data-testid", "dp-more");
        let line = append(area, line)?;
        on(&button, "click", move |_| {
            set(&line, "hidden", "");
            leptos::task::spawn_local(show_rest(
                groups.clone(),
                Rc::clone(&view),
                Rc::clone(&dataset),
                look,
            ));
        });
    }
    Some(())
}

/// Lays out the partnerships after the first page, [`CHUNK`] per task so
/// that a Land's thousands never block the host page, and moves the focus
/// to the first of them (keyboard and screen reader users go on there).
async fn show_rest(groups: Element, view: Rc<HostBox>, dataset: Rc<Dataset>, look: Look) {
    let mut from = FIRST_PAGE;
    while from < view.count {
        let to = (from + CHUNK).min(view.count);
        let mut first = None;
        for part in view.page(&dataset, from, to) {
            // A group that goes on continues its list; new groups follow it.
            let made = if part.continued {
                groups
                    .last_element_child()
                    .and_then(|last| find(&last, class::LIST))
                    .and_then(|list| items(&list, &part, look))
            } else {
                group(&part, look).and_then(|(section, first)| {
                    append(&groups, section)?;
                    first
                })
            };
            first = first.or(made);
        }
        if from == FIRST_PAGE {
            if let Some(item) = first {
                let _ = item.unchecked_into::<HtmlElement>().focus();
            }
        }
        from = to;
        yield_to_host().await;
    }
}

/// A group, with its heading and its partnerships on one page, not yet in
/// the page; and the first of those partnerships.
fn group(part: &PageGroup<'_>, look: Look) -> Option<(Element, Option<Element>)> {
    let section = element("section", class::GROUP)?;
    set(&section, "data-testid", "dp-group");
    text_child(
        &section,
        look.heading(1),
        class::GROUP_HEADING,
        part.heading,
    )?;
    let list = child(&section, "ul", class::LIST)?;
    set(&list, "role", "list");
    let first = items(&list, part, look);
    Some((section, first))
}

/// Appends a group's partnerships on one page to its `list`; hands back
/// the first of them.
fn items(list: &Element, part: &PageGroup<'_>, look: Look) -> Option<Element> {
    let mut first = None;
    for (i, item) in part.items.iter().enumerate() {
        let made =
            partnership_item::build(item, part.first_position + i, look.heading(2), look.texts())?;
        let made = append(list, made)?;
        first.get_or_insert(made);
    }
    first
}
