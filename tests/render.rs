//! The static rendering says what the Wasm box says, as escaped HTML.

use partnerships_widget::model::dataset::Dataset;
use partnerships_widget::tools::render::render;

fn dataset() -> Dataset {
    serde_json::from_str(include_str!("../www/partnerships.json")).unwrap()
}

#[test]
fn renders_the_groups_items_and_json_ld_of_a_host() {
    let html = render(&dataset(), &"01053".parse().unwrap());
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
    let html = render(&ds, &"01060".parse().unwrap());
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
    let html = render(&dataset(), &"05315000".parse().unwrap());
    assert!(html.contains(
        "<p>Für diese Körperschaft sind keine digitalen Partnerschaften verzeichnet.</p>"
    ));
}
