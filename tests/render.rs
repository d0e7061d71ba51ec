//! The static rendering says what the Wasm box says, as escaped HTML.

mod common;

use common::dataset;
use partnerships_widget::texts::Lang;
use partnerships_widget::tools::render::render;

#[test]
fn renders_the_groups_items_and_microdata_of_a_host() {
    let html = render(&dataset(), &"01053".parse().unwrap(), Lang::De);
    assert!(html.contains("<h2 id=\"dp-static-01053\">Unsere digitalen Partnerschaften</h2>"));
    assert!(html.contains("<h3>Direkt beteiligt</h3>"));
    assert!(html.contains("<h3>Über IT-Allianz Nord AöR</h3>"));
    assert!(html.contains("<li>Kreis Herzogtum Lauenburg <strong>(wir)</strong> – Träger</li>"));
    let first = html.lines().next().unwrap();
    assert!(first.starts_with("<section class=\"dp-static\""), "{first}");
    assert!(
        first.ends_with(" itemscope itemtype=\"https://schema.org/GovernmentOrganization\">"),
        "{first}"
    );
    assert!(html.contains("<meta itemprop=\"name\" content=\"Kreis Herzogtum Lauenburg\">"));
    assert!(html.contains(
        "<div itemprop=\"identifier\" itemscope itemtype=\"https://schema.org/PropertyValue\">\
         <meta itemprop=\"propertyID\" content=\"Regionalschlüssel\"><meta itemprop=\"value\" content=\"01053\"></div>"
    ));
    assert!(html.contains(
        "<div itemprop=\"memberOf\" itemscope itemtype=\"https://schema.org/Organization\">\
         <meta itemprop=\"name\" content=\"IT-Allianz Nord AöR\"><meta itemprop=\"identifier\" content=\"it-allianz-nord\"></div>"
    ));
    assert_eq!(html.matches("itemprop=\"memberOf\"").count(), 1);
}

#[test]
fn without_its_tags_and_attributes_the_structured_data_leave_no_text() {
    // What a CMS that strips unknown markup keeps: the text between tags.
    // The microdata must add none of it (a JSON-LD script left its JSON).
    let html = render(&dataset(), &"01060".parse().unwrap(), Lang::De);
    let microdata = &html[html.find("<meta itemprop").unwrap()..];
    let mut text = String::new();
    let mut in_tag = false;
    for c in microdata.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    assert_eq!(text.trim(), "", "{microdata}");
    assert!(!html.contains("<script"));
}

#[test]
fn dataset_text_is_escaped_also_in_the_microdata() {
    let mut ds = dataset();
    ds.partnerships[0].title = "<img src=x onerror=alert(1)>".into();
    ds.bodies
        .iter_mut()
        .find(|b| b.key == "01060")
        .unwrap()
        .name = "</script><script>alert(1)</script>".into();
    let html = render(&ds, &"01060".parse().unwrap(), Lang::De);
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("<img"));
    assert!(html.contains(
        "<meta itemprop=\"name\" content=\"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"
    ));
    assert!(!html.contains("<script"));
}

#[test]
fn a_host_with_nothing_says_so() {
    let html = render(&dataset(), &"05315000".parse().unwrap(), Lang::De);
    assert!(html.contains(
        "<p>Für diese Körperschaft sind keine digitalen Partnerschaften verzeichnet.</p>"
    ));
}

#[test]
fn details_hold_description_topics_and_sources_as_in_the_wasm_box() {
    let html = render(&dataset(), &"01060".parse().unwrap(), Lang::De);
    let details = html.find("<details>").expect("a details element");
    let summary = html
        .find("<summary>Mehr zu dieser Partnerschaft</summary>")
        .unwrap();
    let topics = html.find("<p>Themen</p>").unwrap();
    let partners = html.find("<p>Beteiligte</p>").unwrap();
    assert!(partners < details && details < summary && summary < topics);
    assert_eq!(
        html.matches("<details>").count(),
        html.matches("</details>").count()
    );
    assert_eq!(
        html.matches("<details>").count(),
        html.matches("<li data-id=").count()
    );
}

#[test]
fn renders_in_english() {
    let html = render(&dataset(), &"01060".parse().unwrap(), Lang::En);
    assert!(html.starts_with("<section class=\"dp-static\" lang=\"en\""));
    assert!(html.contains(">Our digital partnerships</h2>"), "{html}");
    assert!(html.contains("<summary>More about this partnership</summary>"));
}
