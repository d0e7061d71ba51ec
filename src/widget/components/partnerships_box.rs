//! The box: heading, a polite live status (loading, count, error) and the
//! host's partnerships in labelled groups.

use std::rc::Rc;

use leptos::prelude::*;

use super::partnership_item::PartnershipItem;
use crate::model::key::OfficialKey;
use crate::presentation::HostBox;
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
    leptos::task::spawn_local(async move {
        let loaded = load_for_host(&host, &dataset_url)
            .await
            .map(|ds| Rc::new(HostBox::new(&ds, &host)));
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
        {move || data.get().and_then(Result::ok).map(|view| view! { <HostList view/> })}
    }
}

/// The groups, up to [`FIRST_PAGE`](crate::presentation::FIRST_PAGE) partnerships: a Land can have
/// thousands, and laying them all out blocks the host page for seconds. The
/// list is built once and never re-rendered (a reactive or paged list links
/// its rebuild and event code into the wasm: measured +5.7 KiB brotli).
#[component]
fn HostList(view: Rc<HostBox>) -> impl IntoView {
    let groups = view
        .groups
        .iter()
        .map(|group| {
            let items = group
                .items
                .iter()
                .map(|item| view! { <PartnershipItem item=item.clone()/> })
                .collect_view();
            view! {
                <section class="dp-group" data-testid="dp-group">
                    <h3 class="dp-group-heading">{group.heading.clone()}</h3>
                    <ul class="dp-list" role="list">{items}</ul>
                </section>
            }
        })
        .collect_view();
    let cut = (view.shown < view.count).then(|| {
        view! { <p class="dp-more" data-testid="dp-more">{texts::shown_of(view.shown, view.count)}</p> }
    });
    view! {
        {groups}
        {cut}
        <p class="dp-footer">
            {view.as_of.clone()} " · " {texts::DATA_LICENSE} " "
            <a href=view.license_url.clone() rel="license noopener noreferrer">{view.license_name.clone()}</a>
        </p>
    }
}
