//! The static rendering says what the Wasm box says, as escaped HTML.

mod common;

use common::dataset;
use partnerships_widget::texts::Lang;
use partnerships_widget::tools::render::render;

#[test]
fn renders_the_groups_items_and_json_ld_of_a_host() {
    let html = render(&dataset(), &"01053".parse().unwrap(), Lang::De);
    assert!(html.contains("<h2 id=\"dp-static-01053\">Unsere digitalen Partnerschaften</h2>"));
    assert!(html.contains("<h3>Direkt beteiligt</h3>"));
    assert!(html.contains("<h3>Über IT-Allianz Nord AöR</h3>"));
    assert!(html.contains("<li>Kreis Herzogtum Lauenburg <strong>(wir)</strong> – Träger</li>"));
    assert!(html.contains("\"@type\":\"GovernmentOrganization\""));
    assert!(html.contains("\"memberOf\":[{\"@type\":\"Organization\",\"identifier\":\"it-allianz-nord\",\"name\":\"IT-Allianz Nord AöR\"}]"));
}

#[test]
fn dataset_text_is_escaped_and_cannot_close_the_json_ld() {
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
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the JSON-LD script element"
    );
    assert_eq!(html.matches("</script>").count(), 1);
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
