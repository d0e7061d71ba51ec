//! A static, accessible HTML box for one host: the same content and German
//! texts as the Wasm box (both come from [`HostBox`]), for CMSs that strip
//! scripts and as a `<noscript>` fallback, with schema.org microdata.
//!
//! The structured data are microdata on `<meta>` elements, not a JSON-LD
//! `<script>`: a CMS that strips scripts (WordPress's kses for Authors)
//! keeps a script's content as visible text, but drops a `<meta>` whole.

use std::fmt::Write;
use std::path::Path;

use super::{load_valid, ToolError};
use crate::model::dataset::{Dataset, PartyRef};
use crate::model::key::OfficialKey;
use crate::presentation::{HostBox, PARTNER_DASH};
use crate::texts;

/// `label` as a link to `url` (already checked to be http(s)), or as text.
fn link(url: Option<&str>, rel: &str, label: &str) -> String {
    match url {
        Some(url) => format!(
            "<a href=\"{}\" rel=\"{rel}\">{}</a>",
            escape(url),
            escape(label)
        ),
        None => escape(label),
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// schema.org microdata for the host, to close the box's `<section>`
/// (which carries `itemscope`): a `GovernmentOrganization` with its name,
/// its official key and the organisations it is a member or owner of
/// (`memberOf`). Only `<meta>` elements and empty `<div>`s: without the
/// microdata attributes nothing of it takes space or shows text.
pub fn microdata(dataset: &Dataset, host: &OfficialKey, name: Option<&str>) -> String {
    let meta = |prop: &str, content: &str| {
        format!("<meta itemprop=\"{prop}\" content=\"{}\">", escape(content))
    };
    let scope = |prop: &str, kind: &str, metas: String| {
        format!("<div itemprop=\"{prop}\" itemscope itemtype=\"https://schema.org/{kind}\">{metas}</div>\n")
    };
    // A body the dataset does not name has no name here either.
    let mut html = name.map(|n| meta("name", n) + "\n").unwrap_or_default();
    html += &scope(
        "identifier",
        "PropertyValue",
        meta("propertyID", "Regionalschlüssel") + &meta("value", &host.to_string()),
    );
    for organisation in dataset.organisations.iter().filter(|o| {
        o.members.iter().any(|m| match m.party() {
            Some(PartyRef::Key(k)) => k.parse::<OfficialKey>().is_ok_and(|k| k.same_body(host)),
            _ => false,
        })
    }) {
        html += &scope(
            "memberOf",
            "Organization",
            meta("name", &organisation.name) + &meta("identifier", &organisation.id),
        );
    }
    html
}

/// The static box of `host` (already parsed) over a valid `dataset`, in
/// `lang`.
///
/// It has the Wasm box's structure: title, kind, status, date and partners
/// of each partnership at a glance, the description, topics and sources
/// behind a native `<details>` (which needs no script), so that the box
/// that replaces it on a page with scripts has about its height. Headings
/// are `h2`–`h4`; the Einbindungsassistent shifts them for another level.
///
/// ```
/// use partnerships_widget::texts::Lang;
/// use partnerships_widget::tools::render::render;
/// # let dataset = serde_json::from_str(include_str!("../../www/partnerships.json")).unwrap();
/// let html = render(&dataset, &"01060".parse().unwrap(), Lang::De);
/// assert!(html.starts_with("<section class=\"dp-static\" lang=\"de\""));
/// assert!(html.contains("<summary>Mehr zu dieser Partnerschaft</summary>"));
/// ```
pub fn render(dataset: &Dataset, host: &OfficialKey, lang: texts::Lang) -> String {
    let texts = lang.texts();
    let view = HostBox::new(dataset, host, lang);
    let id = format!("dp-static-{host}");
    let mut html = String::new();
    let _ = writeln!(
        html,
        "<section class=\"dp-static\" lang=\"{}\" aria-labelledby=\"{id}\" data-ags=\"{host}\" data-digest=\"{}\" \
         itemscope itemtype=\"https://schema.org/GovernmentOrganization\">",
        lang.code(),
        view.digest(dataset)
    );
    let _ = writeln!(html, "<h2 id=\"{id}\">{}</h2>", escape(texts.heading));
    if view.count == 0 {
        let _ = writeln!(
            html,
            "<p>{}</p>",
            escape(&(texts.empty)(view.host_name.as_deref()))
        );
    }
    for group in view.page(dataset, 0, view.count) {
        let _ = writeln!(html, "<section>\n<h3>{}</h3>\n<ul>", escape(group.heading));
        for item in &group.items {
            let _ = writeln!(html, "<li data-id=\"{}\">", escape(&item.id));
            let _ = writeln!(html, "<h4>{}</h4>", escape(&item.title));
            let _ = writeln!(html, "<p>{}</p>", escape(&item.meta(texts)));
            let _ = writeln!(html, "<p>{}</p>\n<ul>", escape(texts.partners));
            for p in &item.partners {
                let mark = if p.is_host {
                    format!(" <strong>{}</strong>", escape(texts.host_mark))
                } else {
                    String::new()
                };
                let role = p.role.as_ref().map(|r| [PARTNER_DASH, r].concat());
                let rest: String = role.into_iter().chain(p.when_suffix()).collect();
                let rest = escape(&rest);
                let _ = writeln!(html, "<li>{}{mark}{rest}</li>", escape(&p.name));
            }
            let _ = writeln!(
                html,
                "</ul>\n<details>\n<summary>{}</summary>\n<p>{}</p>",
                escape(texts.details),
                escape(&item.description)
            );
            let _ = writeln!(html, "<p>{}</p>\n<ul>", escape(texts.topics));
            for t in &item.topics {
                let _ = writeln!(html, "<li>{}</li>", escape(t));
            }
            let _ = writeln!(html, "</ul>\n<p>{}</p>\n<ul>", escape(texts.sources));
            for s in &item.sources {
                let label = link(s.url.as_deref(), "noopener noreferrer", &s.label);
                let detail = escape(&s.suffix().unwrap_or_default());
                let _ = writeln!(html, "<li>{label}{detail}</li>");
            }
            let _ = writeln!(html, "</ul>\n</details>\n</li>");
        }
        let _ = writeln!(html, "</ul>\n</section>");
    }
    let license = link(
        view.license_url.as_deref(),
        "license noopener noreferrer",
        &view.license_name,
    );
    let _ = writeln!(
        html,
        "<p>{} · {} {license}</p>",
        escape(&view.as_of),
        escape(texts.data_license),
    );
    html += &microdata(dataset, host, view.host_name.as_deref());
    html.push_str("</section>\n");
    html
}

/// Reads and checks a dataset file and renders the static box of `key`.
pub fn render_file(file: &Path, key: &str, lang: texts::Lang) -> Result<String, ToolError> {
    let host: OfficialKey = key
        .parse()
        .map_err(|e| ToolError::Unreadable(format!("{key:?} is not an official key: {e}")))?;
    let dataset = load_valid(file)?;
    Ok(render(&dataset, &host, lang))
}
