//! The box: heading, a polite live status (loading, count, error) and the
//! host's partnerships in labelled groups.

use std::rc::Rc;

use leptos::html::Div;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::partnership_item::PartnershipItem;
use crate::model::key::OfficialKey;
use crate::presentation::{HostBox, PageGroup, FIRST_PAGE, NEXT_PAGE};
use crate::texts;
use crate::widget::data::{load_for_host, LoadError};
use crate::widget::log_error;

/// One box for the host named by `raw_key` (the `data-ags` attribute as written).
#[component]
pub fn PartnershipsBox(raw_key: String, dataset_url: String) -> impl IntoView {
    let body = match raw_key.parse::<OfficialKey>() {
        Ok(host) => HostPartnerships(HostPartnershipsProps { host, dataset_url }).into_any(),
        Err(reason) => {
            log_error(&format!(
                "data-ags=\"{raw_key}\" is not an official key: {reason}"
            ));
            view! {
                <p class="dp-status dp-error" role="status" data-testid="dp-status">
                    {texts::ERROR_KEY}
                </p>
            }
            .into_any()
        }
    };
    view! {
        <section class="dp-box" aria-labelledby="dp-heading" data-testid="dp-box">
            <h2 id="dp-heading" class="dp-heading">{texts::HEADING}</h2>
            {body}
        </section>
    }
}

/// Loads the dataset (shared per URL) and shows the host's selection.
#[component]
fn HostPartnerships(host: OfficialKey, dataset_url: String) -> impl IntoView {
    // A plain signal set once by a local task: the box loads exactly once, so
    // it needs none of a resource's refetching machinery (measured: smaller wasm).
    let data: RwSignal<Option<Result<Rc<HostBox>, LoadError>>, LocalStorage> =
        RwSignal::new_local(None);
    let list: NodeRef<Div> = NodeRef::new();
    leptos::task::spawn_local(async move {
        let loaded = load_for_host(&host, &dataset_url)
            .await
            .map(|ds| Rc::new(HostBox::new(&ds, &host)));
        // The list is mounted once, not rendered by a reactive closure: it
        // never changes as a whole, and a reactive list links its rebuild
        // code into the wasm.
        if let (Ok(view), Some(list)) = (&loaded, list.get_untracked()) {
            if view.count > 0 {
                let view = Rc::clone(view);
                mount_to(list.into(), move || view! { <HostList view/> }).forget();
            }
        }
        data.set(Some(loaded));
    });

    // One live region that exists from the start, so screen readers announce
    // each change of its text (loading, then the count or the error).
    let status = move || match data.get() {
        None => texts::LOADING.to_owned(),
        Some(Ok(view)) if view.count == 0 => texts::empty(view.host_name.as_deref()),
        Some(Ok(view)) => texts::loaded(view.count),
        Some(Err(error)) => error.reader_message(),
    };
    let status_class = move || match data.get() {
        Some(Ok(view)) if view.count > 0 => "dp-status dp-visually-hidden",
        Some(Err(_)) => "dp-status dp-error",
        _ => "dp-status",
    };

    view! {
        <p class=status_class role="status" data-testid="dp-status">{status}</p>
        <div node_ref=list></div>
    }
}

/// The groups a page at a time: the first [`FIRST_PAGE`] partnerships, then
/// [`NEXT_PAGE`] more per click. Each page is mounted once into the groups
/// already on screen and never re-rendered.
#[component]
fn HostList(view: Rc<HostBox>) -> impl IntoView {
    let total = view.count;
    let on_screen = RwSignal::new(FIRST_PAGE.min(total));
    let groups: NodeRef<Div> = NodeRef::new();
    let first_page = page_view(&view, 0, FIRST_PAGE);
    let license_name = view.license_name.clone();
    let license_url = view.license_url.clone();
    let as_of = view.as_of.clone();
    let show_more = move |_| {
        let Some(groups) = groups.get_untracked() else {
            return;
        };
        let from = on_screen.get_untracked();
        let to = (from + NEXT_PAGE).min(total);
        let page = view.page(from, to);
        // A group that goes on continues its list; new groups follow it.
        let mut rest = page.as_slice();
        if let Some((first, later)) = rest.split_first() {
            let last_list = groups
                .last_element_child()
                .and_then(|group| group.query_selector("ul").ok().flatten())
                .and_then(|ul| ul.dyn_into::<HtmlElement>().ok());
            if let (true, Some(last_list)) = (first.continued, last_list) {
                let items = items_view(first);
                mount_to(last_list, move || items).forget();
                rest = later;
            }
        }
        let more: Vec<_> = rest.iter().map(group_view).collect();
        mount_to(groups.clone().into(), move || more).forget();
        on_screen.set(to);
        // Keyboard and screen reader users go on at the first new
        // partnership (the button is gone after the last page).
        if let Some(item) = groups
            .query_selector(&format!("[data-position=\"{from}\"]"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = item.focus();
        }
    };
    view! {
        <div node_ref=groups>{first_page}</div>
        <p class="dp-more" hidden=move || { on_screen.get() >= total }>
            {move || texts::shown_of(on_screen.get(), total)} " "
            <button type="button" class="dp-more-button" data-testid="dp-more" on:click=show_more>
                {move || texts::show_more((total - on_screen.get()).min(NEXT_PAGE))}
            </button>
        </p>
        <p class="dp-footer">
            {as_of} " · " {texts::DATA_LICENSE} " "
            <a href=license_url rel="license noopener noreferrer">{license_name}</a>
        </p>
    }
}

/// A group's partnerships on one page.
fn items_view(part: &PageGroup<'_>) -> impl IntoView {
    part.items
        .iter()
        .enumerate()
        .map(|(i, item)| view! { <PartnershipItem item=item.clone() position=part.first_position + i/> })
        .collect_view()
}

/// A group, with its heading, and its partnerships on one page.
fn group_view(part: &PageGroup<'_>) -> impl IntoView {
    view! {
        <section class="dp-group" data-testid="dp-group">
            <h3 class="dp-group-heading">{part.group.heading.clone()}</h3>
            <ul class="dp-list" role="list">{items_view(part)}</ul>
        </section>
    }
}

/// The groups of the partnerships at display positions `from..to`.
fn page_view(view: &HostBox, from: usize, to: usize) -> impl IntoView {
    view.page(from, to)
        .iter()
        .map(group_view)
        .collect::<Vec<_>>()
}
