//! The box's shell: heading, a polite live status (loading, count,
//! error), the note on a saved copy, the retry button and the element its
//! content is built in once the data are there (see `show`).

use std::rc::Rc;

use leptos::html::custom;
use leptos::prelude::*;
use web_sys::HtmlElement;

use super::{class, fit, host_list, Look};
use crate::model::date::PartialDate;
use crate::model::key::OfficialKey;
use crate::presentation::HostBox;
use crate::widget::data::{load_for_host, own_frame, yield_to_host, Limits};
use crate::widget::dom::{find, on};
use crate::widget::{log_error, phase};

/// One box for the host named by `raw_key` (the `data-ags` attribute as
/// written), rendered into `root`.
///
/// The shell is built once and then changed in place (status text, note,
/// retry button) rather than through signals: none of its parts
/// re-renders as a whole, and reactive views link their rebuild code into
/// the wasm. The content below it is built with plain DOM calls
/// ([`host_list`]).
#[component]
pub fn PartnershipsBox(
    root: HtmlElement,
    raw_key: String,
    dataset_url: String,
    limits: Limits,
    look: Look,
    /// The digest of the page's static content this box upgrades, if any.
    made_with: Option<String>,
    /// The page chose the box's space (see `fit`).
    reserved: bool,
) -> impl IntoView {
    let texts = look.texts();
    let (status, line_class, retry) = match raw_key.parse::<OfficialKey>() {
        Ok(host) => {
            let start = {
                let root = root.clone();
                move |made_with| {
                    let show = show(
                        root.clone(),
                        host,
                        dataset_url.clone(),
                        limits,
                        look,
                        made_with,
                        reserved,
                    );
                    leptos::task::spawn_local(show);
                }
            };
            start.clone()(made_with);
            // Shown by `show` when the download failed; starts it again.
            // A plain DOM listener, attached once the shell is in the page
            // (the spawned task runs after the mount): Leptos's `on:click`
            // would link its event delegation (a global set of event names)
            // and a thread check for the handler (SendWrapper): 9.8 KB of
            // wasm and 1.6 KB of glue for this one button.
            leptos::task::spawn_local(async move {
                let Some(button) = find(&root, class::RETRY) else {
                    return;
                };
                on(&button.clone(), "click", move |_| {
                    let _ = button.set_attribute("hidden", "");
                    if let Some(line) = find(&root, class::STATUS) {
                        line.set_text_content(Some(texts.loading));
                        line.set_class_name(class::STATUS);
                    }
                    start(None);
                });
            });
            let retry = view! {
                <button type="button" class=[class::MORE_BUTTON, " ", class::RETRY].concat() data-testid="dp-retry" hidden="">
                    {texts.retry}
                </button>
            };
            (
                texts.loading.to_owned(),
                class::STATUS.to_owned(),
                Some(retry),
            )
        }
        Err(reason) => {
            log_error(&format!(
                "data-ags=\"{raw_key}\" is not an official key: {reason}"
            ));
            (texts.error_key.to_owned(), status_class(class::ERROR), None)
        }
    };
    // The status is a live region from the start, so screen readers announce
    // each change of its text (loading, then the count or the error).
    // Every class is an expression, not a literal: the `view!` macro turns
    // a wholly literal element into a `<template>` filled through
    // `innerHTML`, which pages that require Trusted Types refuse (and the
    // refusal would stop the wasm).
    view! {
        <section class=class::BOX aria-labelledby="dp-heading" data-testid="dp-box">
            {custom(look.heading(0)).id("dp-heading").class(class::HEADING).child(texts.heading)}
            <p class=line_class role="status" data-testid="dp-status">{status}</p>
            <p class=class::SAVED data-testid="dp-saved" hidden=""></p>
            {retry}
            <div class=class::CONTENT></div>
        </section>
    }
}

/// The status line's class with `extra` (an error, or hidden from the eye).
fn status_class(extra: &str) -> String {
    [class::STATUS, " ", extra].concat()
}

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
    reserved: bool,
) {
    // No pause before the data: the loader's download of the slice has
    // usually arrived before the wasm, so mounting the shell and showing
    // the data run in one task, and the browser lays out and paints the
    // box once. A pause here cost a frame of the bare shell in between
    // (27 ms from the wasm's last byte to the box on a slow phone,
    // measured). The price is one longer task: at CPU x1 it stays under
    // 50 ms except on a cold start (82 ms once in 12 runs of twenty boxes);
    // reading the data in one task and building the box in the next cost
    // 31 ms more (measured, left).
    phase::mark("show");
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
    phase::mark("view");
    // Upgrading the page's static content (see `mount`): while it shows
    // what the live box would show, it stays, and nothing on the page moves
    // (unless the box was asked to look different: see `Look`).
    if let (Ok((view, found)), Some(made_with)) = (&loaded, &made_with) {
        if look.static_can_stand_for() && view.digest(&found.dataset) == *made_with {
            root.remove();
            return;
        }
    }
    let (status, line_class) = match &loaded {
        Ok((view, _)) if view.count == 0 => (
            (texts.empty)(view.host_name.as_deref()),
            class::STATUS.to_owned(),
        ),
        Ok((view, _)) => (
            (texts.loaded)(view.count),
            status_class(class::VISUALLY_HIDDEN),
        ),
        Err(error) => (error.reader_message(texts), status_class(class::ERROR)),
    };
    // The content in a frame of its own (other boxes may be arriving too).
    own_frame().await;
    // The status first: with the count the loading line leaves the flow,
    // so the box is measured (see `fit`) as it will stand.
    if let Some(line) = find(&root, class::STATUS) {
        line.set_text_content(Some(&status));
        line.set_class_name(&line_class);
    }
    if let (Ok((view, found)), Some(content)) = (&loaded, find(&root, class::CONTENT)) {
        // A retry replaces what an earlier try showed (a saved copy).
        content.set_text_content(None);
        if view.count > 0 {
            // Measured before the list is in: the space the box has now.
            // Not for a box that replaces the page's static content (it
            // takes that content's place in one step, below).
            let space = if root.has_attribute("hidden") {
                None
            } else {
                fit::space_to_keep(&root)
            };
            phase::mark("space");
            let open = {
                let (content, view, dataset, root) = (
                    content.clone(),
                    Rc::clone(view),
                    Rc::clone(&found.dataset),
                    root.clone(),
                );
                move || {
                    host_list::fill(&content, Rc::clone(&view), Rc::clone(&dataset), &root, look);
                }
            };
            let label = (texts.show_list)(view.count);
            match space {
                // No list fits the loader's default space: the button at
                // once, without building the list to measure it.
                Some(_) if !reserved => fit::fold(&content, &label, open),
                Some((host, space)) => {
                    open();
                    if fit::taller(&host, space) {
                        fit::fold(&content, &label, open);
                    }
                }
                None => open(),
            }
        }
    }
    phase::mark("content");
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
    if let Some(note) = find(&root, class::SAVED) {
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
        if let Some(button) = find(&root, class::RETRY) {
            let _ = button.remove_attribute("hidden");
        }
    }
}
