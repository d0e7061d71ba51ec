//! The box's states, in headless Chromium (`wasm-bindgen-test`): loading,
//! list, empty, each error, and hostile data. Data comes through a real
//! `fetch()` of a `blob:` URL holding the shipped dataset (or a broken copy).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use crate::texts::{self, DE};

wasm_bindgen_test_configure!(run_in_browser);

const DATASET: &str = include_str!("../../www/partnerships.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn blob_url(text: &str) -> String {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence(&parts).unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

fn host() -> HtmlElement {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

/// The loader's options object for a box of `ags` over the data at `url`.
fn options(ags: &str, url: &str, lang: &str) -> JsValue {
    let options = js_sys::Object::new();
    for (name, value) in [("ags", ags), ("src", url), ("lang", lang)] {
        js_sys::Reflect::set(&options, &name.into(), &value.into()).unwrap();
    }
    options.into()
}

fn status(host: &HtmlElement) -> String {
    host.shadow_root()
        .and_then(|r| r.query_selector("[data-testid=dp-status]").ok().flatten())
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Mounts a box and waits until it has left the loading state.
async fn settled_box(ags: &str, url: &str) -> HtmlElement {
    settled_box_in(ags, url, "de").await
}

/// Mounts a box in `lang` and waits until it has left the loading state.
async fn settled_box_in(ags: &str, url: &str, lang: &str) -> HtmlElement {
    let host = host();
    super::mount(host.clone(), options(ags, url, lang), JsValue::UNDEFINED);
    let loading = texts::Lang::from_code(lang).texts().loading;
    for _ in 0..200 {
        if status(&host) != loading {
            return host;
        }
        sleep(10).await;
    }
    panic!("box for {ags} still loading: {:?}", status(&host));
}

fn item_ids(host: &HtmlElement) -> Vec<String> {
    let items = host
        .shadow_root()
        .unwrap()
        .query_selector_all("[data-testid=dp-item]")
        .unwrap();
    (0..items.length())
        .map(|i| {
            items
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("data-id")
                .unwrap()
        })
        .collect()
}

fn dataset_with(edit: impl Fn(&mut serde_json::Value)) -> String {
    // serde_json is only a dev-dependency of these tests, never of the widget.
    let mut value: serde_json::Value = serde_json::from_str(DATASET).unwrap();
    edit(&mut value);
    value.to_string()
}

#[wasm_bindgen_test]
fn says_it_is_loading_at_once() {
    let host = host();
    super::mount(
        host.clone(),
        options("01060", &blob_url(DATASET), "de"),
        JsValue::UNDEFINED,
    );
    assert_eq!(status(&host), DE.loading);
}

#[wasm_bindgen_test]
async fn lists_the_host_partnerships_with_the_host_marked() {
    let host = settled_box("01060", &blob_url(DATASET)).await;
    assert_eq!(status(&host), "3 Partnerschaften geladen");
    assert_eq!(
        item_ids(&host),
        [
            "stadtwerke-luebeck-solutions-kommanditisten",
            "it-allianz-nord-aoer",
            "sh-mv-digitale-souveraenitaet"
        ]
    );
    let marks = host
        .shadow_root()
        .unwrap()
        .query_selector_all(".dp-host-mark")
        .unwrap();
    assert_eq!(
        marks.length(),
        2,
        "Kreis Segeberg is a partner of two partnerships"
    );
}

#[wasm_bindgen_test]
async fn shows_each_partners_own_date_when_they_differ() {
    let host = settled_box("03151", &blob_url(DATASET)).await;
    let text = host
        .shadow_root()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(
        text.contains("Landkreis Gifhorn (wir) – gemeldet am 29. April 2021"),
        "{text}"
    );
    assert!(
        text.contains("Stadt Wolfsburg – seit September 2020"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn says_plainly_when_there_is_nothing() {
    let host = settled_box("05315000", &blob_url(DATASET)).await;
    assert_eq!(status(&host), (DE.empty)(None));
    assert!(item_ids(&host).is_empty());
}

#[wasm_bindgen_test]
async fn a_malformed_key_is_an_error_without_a_download() {
    for bad in ["01O60", "1060", "0106000000000", "<b>01</b>", ""] {
        let host = settled_box(bad, "http://127.0.0.1:9/never-fetched.json").await;
        assert_eq!(status(&host), DE.error_key, "key {bad:?}");
    }
}

#[wasm_bindgen_test]
async fn a_failed_download_is_a_network_error() {
    let url = blob_url(DATASET);
    web_sys::Url::revoke_object_url(&url).unwrap();
    let host = settled_box("01060", &url).await;
    assert_eq!(status(&host), DE.error_network);
}

#[wasm_bindgen_test]
async fn html_or_cut_off_json_is_not_data() {
    let host = settled_box("01060", &blob_url("<!doctype html><p>Not found</p>")).await;
    assert_eq!(status(&host), DE.error_not_data);
    let host = settled_box("01060", &blob_url(&DATASET[..DATASET.len() / 2])).await;
    assert_eq!(status(&host), DE.error_not_data);
}

#[wasm_bindgen_test]
async fn a_wrong_shape_or_schema_version_each_get_their_message() {
    let wrong_shape = dataset_with(|v| v["partnerships"] = serde_json::json!("none"));
    let host = settled_box("01060", &blob_url(&wrong_shape)).await;
    assert_eq!(status(&host), DE.error_data);

    let future_schema = dataset_with(|v| v["schemaVersion"] = serde_json::json!("2.0.0"));
    let host = settled_box("01060", &blob_url(&future_schema)).await;
    assert_eq!(status(&host), DE.error_version);
}

#[wasm_bindgen_test]
async fn a_broken_partnership_is_left_out_and_the_rest_shown() {
    let one_bad = dataset_with(|v| {
        v["partnerships"][0]["partners"][0]["since"] = serde_json::json!("2020-13-45")
    });
    let host = settled_box("01060", &blob_url(&one_bad)).await;
    assert_eq!(
        item_ids(&host),
        [
            "stadtwerke-luebeck-solutions-kommanditisten",
            "sh-mv-digitale-souveraenitaet"
        ]
    );
}

#[wasm_bindgen_test]
async fn a_link_that_is_not_http_is_shown_as_text() {
    let bad_links = dataset_with(|v| {
        v["partnerships"][0]["sources"][0]["url"] = serde_json::json!("javascript:alert(1)");
        v["partnerships"][1]["sources"][0]["url"] = serde_json::json!("/relativ/quelle");
        v["partnerships"][2]["sources"][0]["url"] = serde_json::json!("https://example.org/q");
        v["license"]["url"] = serde_json::json!("data:text/html,<b>x</b>");
    });
    let host = settled_box("01060", &blob_url(&bad_links)).await;
    assert_eq!(item_ids(&host).len(), 3, "the partnership stays");
    let root = host.shadow_root().unwrap();
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "only the https link is a link");
    for i in 0..links.length() {
        let href = links
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .get_attribute("href")
            .unwrap_or_default();
        assert!(
            href.starts_with("https://") || href.starts_with("http://"),
            "{href}"
        );
    }
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains("Datenlizenz Deutschland"),
        "the licence name stays"
    );
    assert!(
        text.contains("Digitale Zukunft im Norden"),
        "the source's title stays"
    );
}

#[wasm_bindgen_test]
async fn dataset_text_is_text_never_html() {
    let hostile = dataset_with(|v| {
        v["partnerships"][0]["title"] = serde_json::json!("<img src=x onerror=alert(1)>");
        v["partnerships"][0]["description"] =
            serde_json::json!("</style><script>alert(1)</script>");
    });
    let host = settled_box("01060", &blob_url(&hostile)).await;
    let root = host.shadow_root().unwrap();
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.query_selector("script").unwrap().is_none());
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("<img src=x onerror=alert(1)>"));
}

#[wasm_bindgen_test]
async fn speaks_english_when_asked() {
    let url = blob_url(DATASET);
    let host = settled_box_in("01060", &url, "en").await;
    let root = host.shadow_root().unwrap();
    assert_eq!(status(&host), "3 partnerships loaded");
    let container = root.first_element_child().unwrap();
    assert_eq!(container.get_attribute("lang").as_deref(), Some("en"));
    let text = root.text_content().unwrap_or_default();
    for words in [
        "Our digital partnerships",
        "Directly involved",
        "Through Land Schleswig-Holstein",
        "since 1 July 2025",
        "Type: Public-law institution",
        "Status: in place",
        "(us)",
        "Data as of 28 November 2026",
    ] {
        assert!(text.contains(words), "{words:?} in {text:?}");
    }
    // Dataset text is never translated.
    assert!(text.contains("IT-Allianz Nord AöR"));
    assert!(!text.contains("Beteiligte"), "no German label left");
}

#[wasm_bindgen_test]
fn reads_the_loaders_options_object() {
    use super::options::MountOptions;
    let read = |js: &str| -> Result<MountOptions, String> {
        let value = js_sys::eval(&["(", js, ")"].concat()).unwrap();
        serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
    };
    let all = read(
        r#"{ ags: " 01060 ", src: "https://example.org/p.json", timeoutMs: 2500, maxBytes: 1024,
             headingLevel: 3, theme: "dark", lang: "en", view: "network", digest: "0a1b2c3d", reserved: true,
             extra: [1] }"#,
    )
    .unwrap();
    assert_eq!(
        all,
        MountOptions {
            ags: Some(" 01060 ".into()),
            src: Some("https://example.org/p.json".into()),
            timeout_ms: 2500,
            max_bytes: 1024,
            heading_level: 3,
            theme: Some("dark".into()),
            lang: Some("en".into()),
            view: Some("network".into()),
            digest: Some("0a1b2c3d".into()),
            reserved: true,
        }
    );
    // A missing field means the default, and so does a text that is null
    // or undefined (the loader passes attributes as `getAttribute` returns
    // them; its numbers are always numbers).
    assert_eq!(read("{}").unwrap(), MountOptions::default());
    assert_eq!(
        read("{ ags: undefined, theme: null, lang: null, digest: undefined }").unwrap(),
        MountOptions::default()
    );
    // A field of the wrong type is an error, not a silent default.
    assert!(read(r#"{ timeoutMs: "soon" }"#).is_err());
    assert!(read("{ headingLevel: null }").is_err());
    assert!(read(r#"{ ags: 1060 }"#).is_err());
    assert!(read(r#"{ reserved: "yes" }"#).is_err());
    assert!(read("42").is_err());
}
