//! One partnership: title, kind, status, dates, partners (the host marked),
//! topics, description and sources. All dataset text is set as text, never
//! as HTML, and only http(s) addresses become links.

use leptos::html::custom;
use leptos::prelude::*;

use crate::presentation::ItemView;
use crate::texts::Texts;

/// One partnership; `position` is its place in the box's display order
/// (focused when "weitere anzeigen" reveals it, hence `tabindex=-1`);
/// `heading` the element of its title (`h4` under a box heading `h2`).
#[component]
pub fn PartnershipItem(
    item: ItemView,
    position: usize,
    heading: &'static str,
    texts: &'static Texts,
) -> impl IntoView {
    let partners = item
        .partners
        .into_iter()
        .map(|p| {
            // The role is dataset text: in a span of its own, bidi-isolated
            // (see styles.rs) from the date after it.
            let when = p
                .when
                .map(|w| format!("{}{w}", if p.role.is_some() { ", " } else { " – " }));
            view! {
                <li class="dp-partner" class:dp-is-host=p.is_host>
                    <span class="dp-partner-name">{p.name}</span>
                    {p.is_host.then(|| view! { " " <strong class="dp-host-mark">{texts.host_mark}</strong> })}
                    {p.role.map(|r| view! { " – " <span>{r}</span> })}
                    {when}
                </li>
            }
        })
        .collect_view();
    let topics = item
        .topics
        .into_iter()
        .map(|t| view! { <li class="dp-topic">{t}</li> })
        .collect_view();
    let sources = item
        .sources
        .into_iter()
        .map(|s| {
            let label = match s.url {
                Some(url) => {
                    view! { <a href=url rel="noopener noreferrer">{s.label}</a> }.into_any()
                }
                None => view! { <span>{s.label}</span> }.into_any(),
            };
            view! { <li>{label} {s.detail.map(|d| view! { <span>{format!(" ({d})")}</span> })}</li> }
        })
        .collect_view();
    let meta: Vec<String> = [
        Some(format!("{}: {}", texts.kind, item.kind)),
        Some(format!("{}: {}", texts.status, item.status)),
        item.when,
    ]
    .into_iter()
    .flatten()
    .collect();

    // Title, kind, status, date and partners at a glance; the description,
    // topics and sources behind a native <details> (keyboard and screen
    // readers know it, and it needs no code).
    view! {
        <li class="dp-item" data-testid="dp-item" data-id=item.id data-position=position tabindex="-1">
            {custom(heading).class("dp-title").child(item.title)}
            <p class="dp-meta">{meta.join(" · ")}</p>
            <p class="dp-label">{texts.partners}</p>
            <ul class="dp-partners" role="list">{partners}</ul>
            <details class="dp-details">
                <summary>{texts.details}</summary>
                <p class="dp-description">{item.description}</p>
                <p class="dp-label">{texts.topics}</p>
                <ul class="dp-topics" role="list">{topics}</ul>
                <p class="dp-label">{texts.sources}</p>
                <ul class="dp-sources" role="list">{sources}</ul>
            </details>
        </li>
    }
}
