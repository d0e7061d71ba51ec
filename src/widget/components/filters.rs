//! The topic and status filters above a list of more than [`FIRST_PAGE`]
//! partnerships: native selects in a fieldset. A change rebuilds the list
//! and announces how many partnerships pass.
//!
//! [`FIRST_PAGE`]: crate::presentation::FIRST_PAGE

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};

use super::{class, list, Look};
use crate::model::dataset::{Dataset, Status};
use crate::presentation::{Filter, HostBox};
use crate::widget::dom::{child, element, find, on, set, text_child};

/// The filters of `view`, not yet in the page. A change rebuilds the list
/// in `area` and says through the status line under `root` how many
/// partnerships pass.
pub fn build(
    view: &Rc<HostBox>,
    dataset: &Rc<Dataset>,
    root: &Element,
    area: &Element,
    look: Look,
) -> Option<Element> {
    let texts = look.texts();
    let fieldset = element("fieldset", class::FILTERS)?;
    text_child(&fieldset, "legend", "", texts.filter_legend)?;
    let topic = select(
        &fieldset,
        texts.topic_label,
        class::FILTER_TOPIC,
        "dp-filter-topic",
        texts.all_topics,
    )?;
    for (name, n) in view.topics(dataset) {
        option(&topic, &name, &format!("{name} ({n})"))?;
    }
    let status = select(
        &fieldset,
        texts.status,
        class::FILTER_STATUS,
        "dp-filter-status",
        texts.all_statuses,
    )?;
    let counted = view.statuses(dataset);
    for (i, &(state, n)) in counted.iter().enumerate() {
        option(
            &status,
            &i.to_string(),
            &format!("{} ({n})", texts.status_name(state)),
        )?;
    }
    let statuses: Vec<Status> = counted.into_iter().map(|(state, _)| state).collect();
    let (view, dataset, root, area) = (
        Rc::clone(view),
        Rc::clone(dataset),
        root.clone(),
        area.clone(),
    );
    // One listener for both selects: their change events bubble to it.
    on(&fieldset, "change", move |_| {
        let value =
            |select: &HtmlSelectElement| Some(select.value()).filter(|value| !value.is_empty());
        let filter = Filter {
            topic: value(&topic),
            status: value(&status)
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| statuses.get(i).copied()),
        };
        let narrowed = Rc::new(view.filtered(&dataset, &filter));
        if let Some(line) = find(&root, class::STATUS) {
            line.set_text_content(Some(&(texts.filtered)(narrowed.count, view.count)));
        }
        area.set_text_content(None);
        list::fill(&area, narrowed, Rc::clone(&dataset), look);
    });
    Some(fieldset)
}

/// A labelled select in `fieldset` whose first option, `all`, filters
/// nothing.
fn select(
    fieldset: &Element,
    label: &str,
    class: &str,
    test_id: &str,
    all: &str,
) -> Option<HtmlSelectElement> {
    let wrap = child(fieldset, "label", "")?;
    text_child(&wrap, "span", class::FILTER_LABEL, label)?;
    let select = child(&wrap, "select", class)?;
    set(&select, "data-testid", test_id);
    option(&select, "", all)?;
    select.dyn_into().ok()
}

/// An option of `select` with `value`, saying `label`.
fn option(select: &Element, value: &str, label: &str) -> Option<()> {
    let option = text_child(select, "option", "", label)?;
    set(&option, "value", value);
    Some(())
}
