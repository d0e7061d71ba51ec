//! The partner network (`data-view="network"`): an inline SVG with the host
//! in the centre and its partners numbered around it, one line per link,
//! and a numbered legend naming each partner and the partnerships it shares
//! with the host. The legend is the text alternative: the drawing is hidden
//! from screen readers, which read the same facts in the list.

use leptos::prelude::*;

use crate::presentation::{around, NetworkPartner, NETWORK_MAX};
use crate::texts::Texts;

/// The drawing's size in its own units (it scales to the box's width, and
/// its height follows from the viewBox, so it never shifts the layout).
const SIZE: i32 = 400;
/// Classes given as expressions: a wholly literal SVG element would be
/// rendered through `innerHTML`, which Trusted Types pages refuse.
const HOST_CLASS: &str = "dp-net-host";
const SVG_CLASS: &str = "dp-net-drawing";

/// The figure of `partners` around the host.
#[component]
pub fn PartnerNetwork(partners: Vec<NetworkPartner>, texts: &'static Texts) -> impl IntoView {
    let center = SIZE / 2;
    let drawn = partners.len().min(NETWORK_MAX);
    let nodes = partners
        .iter()
        .take(drawn)
        .enumerate()
        .map(|(i, partner)| {
            let (x, y) = around(i, drawn, center, SIZE * 3 / 8);
            let links = partner.partnerships.join(", ");
            view! {
                <g class="dp-net-partner">
                    <title>{format!("{}: {links}", partner.name)}</title>
                    <line x1=center y1=center x2=x y2=y/>
                    <circle cx=x cy=y r="17"/>
                    <text x=x y=y dy="0.35em">{(i + 1).to_string()}</text>
                </g>
            }
        })
        .collect_view();
    let legend = partners
        .iter()
        .take(drawn)
        .map(|partner| {
            view! {
                <li>
                    <span class="dp-net-name">{partner.name.clone()}</span>
                    ": " <span>{partner.partnerships.join(", ")}</span>
                </li>
            }
        })
        .collect_view();
    let more = (partners.len() > drawn).then(|| (texts.network_more)(partners.len() - drawn));
    view! {
        <figure class="dp-network" data-testid="dp-network">
            <figcaption class="dp-label">{(texts.network_caption)(partners.len())}</figcaption>
            <svg class=SVG_CLASS viewBox=format!("0 0 {SIZE} {SIZE}") aria-hidden="true" focusable="false">
                {nodes}
                <circle class=HOST_CLASS cx=center cy=center r="30"/>
                <text class=HOST_CLASS x=center y=center dy="0.35em">{texts.host_mark}</text>
            </svg>
            <ol class="dp-net-legend">{legend}</ol>
            {more.map(|more| view! { <p class="dp-meta">{more}</p> })}
        </figure>
    }
}
