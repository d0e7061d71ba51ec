//! The box: heading, a polite live status (loading, count, error) and the
//! host's partnerships in labelled groups.

use std::rc::Rc;

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use leptos::html::custom;

use super::partner_network::PartnerNetwork;
use super::partnership_item::PartnershipItem;
use super::Look;
use crate::model::dataset::Dataset;
use crate::model::dataset::Status;
use crate::model::date::PartialDate;
use crate::model::key::OfficialKey;
use crate::presentation::{Filter, HostBox, PageGroup, CHUNK, FIRST_PAGE};
use crate::widget::data::{load_for_host, own_frame, yield_to_host, Limits};
use crate::widget::log_error;

/// One box for the host named by `raw_key` (the `data-ags` attribute as
/// written), rendered into `root`.
///
/// The box is built once and then changed in place (status text, list
/// pages) rather than through signals: none of its parts re-renders as a
/// whole, and reactive views link their rebuild code into the wasm
/// (measured: paging through signals cost 5.7 KiB brotli).
#[component]
pub fn PartnershipsBox(
    root: HtmlElement,
    raw_key: String,
    dataset_url: String,
    limits: Limits,
    look: Look,
    /// The digest of the page's static content this box upgrades, if any.
    made_with: Option<String>,
) -> impl IntoView {
    let texts = look.texts();
    let (status, status_class, retry) = match raw_key.parse::<OfficialKey>() {
        Ok(host) => {
            leptos::task::spawn_local(show(
                root.clone(),
                host,
                dataset_url.clone(),
                limits,
                look,
                made_with,
            ));
            // Shown by `show` when the download failed; starts it again.
            let again = move |_| {
                if let Ok(Some(button)) = root.query_selector(".dp-retry") {
                    let _ = button.set_attribute("hidden", "");
                }
                if let Ok(Some(line)) = root.query_selector(".dp-status") {
                    line.set_text_content(Some(texts.loading));
                    line.set_class_name("dp-status");
                }
                leptos::task::spawn_local(show(
                    root.clone(),
                    host,
                    dataset_url.clone(),
                    limits,
                    look,
                    None,
                ));
            };
            let retry = view! {
                <button type="button" class="dp-more-button dp-retry" data-testid="dp-retry" hidden="" on:click=again>
                    {texts.retry}
                </button>
            };
            (texts.loading.to_owned(), "dp-status", Some(retry))
        }
        Err(reason) => {
            log_error(&format!(
                "data-ags=\"{raw_key}\" is not an official key: {reason}"
            ));
            (texts.error_key.to_owned(), "dp-status dp-error", None)
        }
    };
    // The status is a live region from the start, so screen readers announce
    // each change of its text (loading, then the count or the error).
    view! {
        <section class="dp-box" aria-labelledby="dp-heading" data-testid="dp-box">
            {custom(look.heading(0)).id("dp-heading").class("dp-heading").child(texts.heading)}
            <p class=status_class role="status" data-testid="dp-status">{status}</p>
            <p class=SAVED_CLASS data-testid="dp-saved" hidden=""></p>
            {retry}
            <div class=CONTENT_CLASS></div>
        </section>
    }
}

/// The element the list is mounted into later. Given as an expression, not
/// a literal: the `view!` macro turns a wholly literal element into a
/// `<template>` filled through `innerHTML`, which pages that require Trusted
/// Types refuse (and the refusal would stop the wasm).
const CONTENT_CLASS: &str = "dp-content";

/// Class of the note shown when the box shows the last good copy kept in
/// the browser (hidden otherwise). An expression for the same reason as
/// [`CONTENT_CLASS`].
const SAVED_CLASS: &str = "dp-saved";

/// More partnerships than this in the loaded data: selecting them gets a
/// task of its own.
const LARGE: usize = 100;

/// Loads the dataset (shared per URL), then shows the host's selection in
/// the box under `root`.
async fn show(
    root: HtmlElement,
    host: OfficialKey,
    dataset_url: String,
    limits: Limits,
    look: Look,
    made_with: Option<String>,
) {
    let found = load_for_host(&host, &dataset_url, limits).await;
    // With much data, selecting and laying out are separate tasks for the
    // host page; a host's usual slice is selected in well under a
    // millisecond, and each pause would only cost the reader a turn of the
    // event loop.
    let large = found
        .as_ref()
        .is_ok_and(|found| found.dataset.partnerships.len() > LARGE);
    if large {
        yield_to_host().await;
    }
    let texts = look.texts();
    let loaded = found.map(|found| {
        let view = HostBox::new(&found.dataset, &host, look.lang);
        (Rc::new(view), found)
    });
    if large {
        yield_to_host().await;
    }
    // Upgrading the page's static content (see `mount`): while it shows
    // what the live box would show, it stays, and nothing on the page moves
    // (the network view is something it cannot show).
    if let (Ok((view, found)), Some(made_with)) = (&loaded, &made_with) {
        if !look.network && view.digest(&found.dataset) == *made_with {
            root.remove();
            return;
        }
    }
    let (status, class) = match &loaded {
        Ok((view, _)) if view.count == 0 => ((texts.empty)(view.host_name.as_deref()), "dp-status"),
        Ok((view, _)) => ((texts.loaded)(view.count), "dp-status dp-visually-hidden"),
        Err(error) => (error.reader_message(texts), "dp-status dp-error"),
    };
    // The content in a frame of its own (other boxes may be arriving too).
    own_frame().await;
    if let (Ok((view, found)), Ok(Some(content))) = (&loaded, root.query_selector(".dp-content")) {
        // A retry replaces what an earlier try showed (a saved copy).
        content.set_text_content(None);
        if view.count > 0 {
            let (view, dataset) = (Rc::clone(view), Rc::clone(&found.dataset));
            let content: HtmlElement = content.unchecked_into();
            let root = root.clone();
            mount_to(
                content,
                move || view! { <HostList view dataset root look/> },
            )
            .forget();
        }
    }
    if let Ok(Some(line)) = root.query_selector(".dp-status") {
        line.set_text_content(Some(&status));
        line.set_class_name(class);
    }
    // The data changed since the static content was made: the live box
    // takes its place in one step, now that it has content. After a failed
    // download the static content (older data, as text) stays.
    if loaded.is_ok() && root.has_attribute("hidden") {
        if let Some(slot) = root.previous_element_sibling() {
            slot.remove();
        }
        let _ = root.remove_attribute("hidden");
    }
    let saved_on = loaded
        .as_ref()
        .ok()
        .and_then(|(_, found)| found.saved_on.as_deref());
    if let Ok(Some(note)) = root.query_selector(".dp-saved") {
        match saved_on {
            Some(day) => {
                let day = day
                    .parse::<PartialDate>()
                    .map_or_else(|_| day.to_owned(), |d| texts.date(&d));
                note.set_text_content(Some(&(texts.saved_copy)(&day)));
                let _ = note.remove_attribute("hidden");
            }
            None => {
                let _ = note.set_attribute("hidden", "");
            }
        }
    }
    // A download that failed may work a moment later; broken data will not.
    let transient = matches!(&loaded, Err(error) if error.is_transient());
    if transient || saved_on.is_some() {
        if let Ok(Some(button)) = root.query_selector(".dp-retry") {
            let _ = button.remove_attribute("hidden");
        }
    }
}

/// Class of the element the list is (re)built in; an expression for the
/// reason given at [`CONTENT_CLASS`].
const LIST_CLASS: &str = "dp-list-area";

/// The host's partnerships and the licence line. With more than
/// [`FIRST_PAGE`], filters by topic and status stand above the list and the
/// rest of it behind "Alle N anzeigen".
#[component]
fn HostList(
    view: Rc<HostBox>,
    dataset: Rc<Dataset>,
    root: HtmlElement,
    look: Look,
) -> impl IntoView {
    let texts = look.texts();
    let license_name = view.license_name.clone();
    let license_url = view.license_url.clone();
    let as_of = view.as_of.clone();
    let network = look.network.then(|| {
        let partners = view.network(&dataset);
        view! { <PartnerNetwork partners texts/> }
    });
    let filters = (view.count > FIRST_PAGE).then(|| filters_view(&view, &dataset, root, look));
    let list = list_view(view, dataset, look);
    view! {
        {network}
        {filters}
        <div class=LIST_CLASS>{list}</div>
        <p class="dp-footer">
            {as_of} " · " {texts.data_license} " "
            {match license_url {
                Some(url) => view! { <a href=url rel="license noopener noreferrer">{license_name}</a> }.into_any(),
                None => view! { <span>{license_name}</span> }.into_any(),
            }}
        </p>
    }
}

/// The topic and status filters. A change rebuilds the list below them and
/// announces how many partnerships pass through the status line.
fn filters_view(
    view: &Rc<HostBox>,
    dataset: &Rc<Dataset>,
    root: HtmlElement,
    look: Look,
) -> impl IntoView {
    let texts = look.texts();
    let topics = view.topics(dataset);
    let counted = view.statuses(dataset);
    let statuses: Vec<Status> = counted.iter().map(|&(s, _)| s).collect();
    let topic_options = topics
        .iter()
        .map(|(topic, n)| view! { <option value=topic.clone()>{format!("{topic} ({n})")}</option> })
        .collect_view();
    let status_options = counted
        .into_iter()
        .enumerate()
        .map(|(i, (status, n))| {
            view! { <option value=i.to_string()>{format!("{} ({n})", texts.status_name(status))}</option> }
        })
        .collect_view();
    let (view, dataset) = (Rc::clone(view), Rc::clone(dataset));
    let refilter = move |_| {
        // The selects' values, read from the DOM: no signals (see PartnershipsBox).
        let value = |class: &str| {
            root.query_selector(class)
                .ok()
                .flatten()
                .and_then(|select| js_sys::Reflect::get(&select, &"value".into()).ok())
                .and_then(|value| value.as_string())
                .filter(|value| !value.is_empty())
        };
        let filter = Filter {
            topic: value(".dp-filter-topic"),
            status: value(".dp-filter-status")
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| statuses.get(i).copied()),
        };
        let narrowed = Rc::new(view.filtered(&dataset, &filter));
        if let Ok(Some(line)) = root.query_selector(".dp-status") {
            line.set_text_content(Some(&(texts.filtered)(narrowed.count, view.count)));
        }
        if let Ok(Some(area)) = root.query_selector(".dp-list-area") {
            area.set_text_content(None);
            let dataset = Rc::clone(&dataset);
            mount_to(area.unchecked_into(), move || {
                list_view(narrowed, dataset, look)
            })
            .forget();
        }
    };
    view! {
        <fieldset class="dp-filters">
            <legend>{texts.filter_legend}</legend>
            <label>
                <span class="dp-filter-label">{texts.topic_label}</span>
                <select class="dp-filter-topic" data-testid="dp-filter-topic" on:change=refilter.clone()>
                    <option value="">{texts.all_topics}</option>
                    {topic_options}
                </select>
            </label>
            <label>
                <span class="dp-filter-label">{texts.status}</span>
                <select class="dp-filter-status" data-testid="dp-filter-status" on:change=refilter>
                    <option value="">{texts.all_statuses}</option>
                    {status_options}
                </select>
            </label>
        </fieldset>
    }
}

/// The groups of the first [`FIRST_PAGE`] partnerships, and the rest behind
/// "Alle N anzeigen".
fn list_view(view: Rc<HostBox>, dataset: Rc<Dataset>, look: Look) -> impl IntoView {
    let texts = look.texts();
    let total = view.count;
    let first_page = page_view(&view, &dataset, 0, FIRST_PAGE, look);
    let more = (total > FIRST_PAGE).then(move || {
        let show_all = move |event: leptos::ev::MouseEvent| {
            // The button's line, and the groups before it.
            let line = event
                .target()
                .and_then(|button| button.dyn_into::<web_sys::Element>().ok())
                .and_then(|button| button.parent_element());
            let groups = line.as_ref().and_then(|line| line.previous_element_sibling());
            if let (Some(line), Some(groups)) = (line, groups) {
                let _ = line.set_attribute("hidden", "");
                leptos::task::spawn_local(show_rest(groups, Rc::clone(&view), Rc::clone(&dataset), look));
            }
        };
        view! {
            <p class="dp-more">
                <span>{(texts.shown_of)(FIRST_PAGE, total)}</span> " "
                <button type="button" class="dp-more-button" data-testid="dp-more" on:click=show_all>
                    {(texts.show_all)(total)}
                </button>
            </p>
        }
    });
    view! {
        <div class="dp-groups">{first_page}</div>
        {more}
    }
}

/// Lays out the partnerships after the first page, [`CHUNK`] per task so
/// that a Land's thousands never block the host page, and moves the focus
/// to the first of them (keyboard and screen reader users go on there).
async fn show_rest(groups: web_sys::Element, view: Rc<HostBox>, dataset: Rc<Dataset>, look: Look) {
    let mut from = FIRST_PAGE;
    while from < view.count {
        let to = (from + CHUNK).min(view.count);
        let mut page = view.page(&dataset, from, to).into_iter().peekable();
        // A group that goes on continues its list; new groups follow it.
        if page.peek().is_some_and(|first| first.continued) {
            let last_list = groups
                .last_element_child()
                .and_then(|group| group.query_selector("ul").ok().flatten());
            if let (Some(first), Some(last_list)) = (page.next(), last_list) {
                let items = items_view(first, look);
                mount_to(last_list.unchecked_into(), move || items).forget();
            }
        }
        let more: Vec<_> = page.map(|part| group_view(part, look)).collect();
        mount_to(groups.clone().unchecked_into(), move || more).forget();
        if from == FIRST_PAGE {
            if let Ok(Some(item)) = groups.query_selector(&format!("[data-position=\"{from}\"]")) {
                let _ = item.unchecked_into::<HtmlElement>().focus();
            }
        }
        from = to;
        yield_to_host().await;
    }
}

/// A group's partnerships on one page.
fn items_view(part: PageGroup<'_>, look: Look) -> impl IntoView {
    let first = part.first_position;
    let heading = look.heading(2);
    part.items
        .into_iter()
        .enumerate()
        .map(|(i, item)| view! { <PartnershipItem item position=first + i heading texts=look.texts()/> })
        .collect_view()
}

/// A group, with its heading, and its partnerships on one page.
fn group_view(part: PageGroup<'_>, look: Look) -> impl IntoView {
    let heading = part.heading.to_owned();
    view! {
        <section class="dp-group" data-testid="dp-group">
            {custom(look.heading(1)).class("dp-group-heading").child(heading)}
            <ul class="dp-list" role="list">{items_view(part, look)}</ul>
        </section>
    }
}

/// The groups of the partnerships at display positions `from..to`.
fn page_view(
    view: &HostBox,
    dataset: &Dataset,
    from: usize,
    to: usize,
    look: Look,
) -> impl IntoView {
    view.page(dataset, from, to)
        .into_iter()
        .map(|part| group_view(part, look))
        .collect::<Vec<_>>()
}
