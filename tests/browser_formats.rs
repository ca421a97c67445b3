//! Browser tests: publisher formats and hostile HTML rendered through the reader in headless
//! Chromium, where bodies are parsed by the browser's own `DOMParser`.
#![cfg(browser)]

use article_reader::components::{Reader, ReaderProps};
use article_reader::services::fetcher::Fetcher;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::Element;

mod common;
use common::{document, new_root, settle_until, text_of};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
export function install_traps() {
  window.__xssRan = [];
  const trap = (what) => (n) => window.__xssRan.push(what + ':' + n);
  window.__xss = trap('__xss');
  window.alert = trap('alert');
  window.confirm = trap('confirm');
  window.prompt = trap('prompt');
  window.print = trap('print');
}
export function xss_ran() { return window.__xssRan.join(' '); }
")]
extern "C" {
    fn install_traps();
    fn xss_ran() -> String;
}

/// A fetcher that answers every URL with `document`.
fn serving(document: String) -> Fetcher {
    Fetcher::new(move |_, _| {
        let document = document.clone();
        Box::pin(async move { Ok(document) })
    })
}

fn mount(root: &Element, document: String) -> yew::AppHandle<Reader> {
    let props = yew::props!(ReaderProps {
        src: "https://publisher.example/feed.json",
        fetcher: serving(document),
    });
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render()
}

#[wasm_bindgen_test]
async fn wordpress_json_feed_and_ghost_articles_render_through_the_reader() {
    let cases = [
        (
            include_str!("fixtures/formats/wp_frontity_post-60_embed.json"),
            "The Beauties of Gullfoss",
            "Alan Martin",
            Some("Photography"),
        ),
        (
            include_str!("fixtures/formats/jsonfeed_feedrs_jsonfeed_elastic_1.1.json"),
            "InfluxDB vs. Graphite for Time Series Data & Metrics Benchmark",
            "Chris Churilo",
            Some("InfluxDB"),
        ),
        (
            include_str!("fixtures/formats/ghost_docs_content-api_posts_include_tags_authors.json"),
            "Welcome",
            "Ghost",
            Some("Getting Started"),
        ),
    ];
    for (json, title, author, category) in cases {
        let root = new_root();
        let app = mount(&root, json.to_owned());
        assert!(
            settle_until(|| text_of(&root, "[part=title]").is_some()).await,
            "{title}"
        );
        assert_eq!(text_of(&root, "[part=title]").as_deref(), Some(title));
        assert_eq!(
            text_of(&root, "[part=author-name]").as_deref(),
            Some(author)
        );
        assert_eq!(text_of(&root, "[part=category]").as_deref(), category);
        assert!(
            text_of(&root, "[part=body]").is_some_and(|t| !t.is_empty()),
            "{title}"
        );
        app.destroy();
    }
}

#[wasm_bindgen_test]
async fn the_wordpress_body_keeps_its_paragraphs_and_links_its_video() {
    let root = new_root();
    let _app = mount(
        &root,
        include_str!("fixtures/formats/wp_frontity_post-60_embed.json").to_owned(),
    );
    assert!(settle_until(|| text_of(&root, "[part=body]").is_some()).await);
    let body = root.query_selector("[part=body]").unwrap().unwrap();
    assert!(body.query_selector_all("p").unwrap().length() >= 5);
    assert!(body
        .text_content()
        .unwrap()
        .contains("Gullfoss is one of the most popular tourist attractions in Iceland."));
    assert_eq!(body.query_selector_all("iframe").unwrap().length(), 0);
    let video = body
        .query_selector("a.video-link")
        .unwrap()
        .expect("a link to the video");
    assert_eq!(
        video.get_attribute("href").as_deref(),
        Some("https://www.youtube.com/watch?v=3bUtvUAeX8s")
    );
    assert_eq!(video.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        text_of(&video, ".video-link__host").as_deref(),
        Some("youtube.com")
    );
    let play = video.query_selector(".video-link__play").unwrap().unwrap();
    assert_eq!(play.get_attribute("aria-hidden").as_deref(), Some("true"));
    for link in nodes(&body, "a[href]") {
        assert_eq!(
            link.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
    }
}

fn nodes(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// What may appear in an URL attribute of the rendered widget.
fn allowed_url(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

#[wasm_bindgen_test]
async fn xss_vectors_never_run_and_leave_nothing_executable_in_the_dom() {
    let payloads: Vec<String> =
        serde_json::from_str(include_str!("fixtures/xss/payloads.json")).unwrap();
    assert!(payloads.len() >= 100);
    install_traps();
    let root = new_root();
    for (n, payload) in payloads.iter().enumerate() {
        let feed = serde_json::json!({
            "version": "https://jsonfeed.org/version/1.1",
            "items": [{ "id": n.to_string(), "title": payload, "summary": payload, "content_html": payload }]
        });
        let holder = document().create_element("div").unwrap();
        root.append_child(&holder).unwrap();
        let _app = mount(&holder, feed.to_string());
        assert!(
            settle_until(|| holder
                .query_selector("[part=article], [part=status][role=alert]")
                .unwrap()
                .is_some())
            .await,
            "vector {n} never rendered"
        );
        // Rendered as an article (titled or, when nothing of the title is text, untitled).
        assert!(
            holder.query_selector("[part=article]").unwrap().is_some(),
            "vector {n}: {payload}"
        );
        for element in nodes(&holder, "*") {
            let tag = element.tag_name().to_ascii_lowercase();
            assert!(
                !matches!(
                    tag.as_str(),
                    "script"
                        | "iframe"
                        | "object"
                        | "embed"
                        | "style"
                        | "form"
                        | "svg"
                        | "math"
                        | "base"
                        | "meta"
                        | "link"
                ),
                "vector {n} left <{tag}>: {payload}"
            );
            let names = element.get_attribute_names();
            for i in 0..names.length() {
                let name = names
                    .get(i)
                    .as_string()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let value = element.get_attribute(&name).unwrap_or_default();
                assert!(!name.starts_with("on"), "vector {n} left {name}: {payload}");
                assert!(
                    !matches!(
                        name.as_str(),
                        "style" | "srcdoc" | "formaction" | "action" | "xlink:href"
                    ),
                    "vector {n} left {name}"
                );
                if matches!(name.as_str(), "href" | "src") {
                    assert!(allowed_url(&value), "vector {n} left {name}={value}");
                }
                if name == "srcset" {
                    for candidate in value.split(',') {
                        let url = candidate.split_whitespace().next().unwrap_or_default();
                        assert!(allowed_url(url), "vector {n} left srcset {value}");
                    }
                }
            }
        }
    }
    // Give anything that could still fire (image errors, timers) a turn before looking.
    let images = || nodes(&root, "img");
    settle_until(|| {
        images()
            .iter()
            .all(|img| img.unchecked_ref::<web_sys::HtmlImageElement>().complete())
    })
    .await;
    assert_eq!(xss_ran(), "", "some vectors ran");
}

/// In the browser documents are parsed by `JSON.parse`; the tree the adapters read must be
/// the one serde_json gives natively, and nothing a document holds may trap the wasm.
#[wasm_bindgen_test]
fn json_parse_gives_the_tree_serde_json_gives_natively() {
    use article_reader::formats::json::{self, Json};
    /// serde_json's value as the tree natively built from it, members in key order (JavaScript
    /// and serde_json order object members differently).
    fn tree(value: serde_json::Value) -> Json {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(b),
            serde_json::Value::Number(n) => Json::Number(n.as_f64().unwrap()),
            serde_json::Value::String(s) => Json::String(s),
            serde_json::Value::Array(items) => Json::Array(items.into_iter().map(tree).collect()),
            serde_json::Value::Object(members) => {
                Json::Object(members.into_iter().map(|(k, v)| (k, tree(v))).collect())
            }
        }
    }
    fn sorted(value: Json) -> Json {
        match value {
            Json::Array(items) => Json::Array(items.into_iter().map(sorted).collect()),
            Json::Object(members) => {
                let mut members: Vec<_> =
                    members.into_iter().map(|(k, v)| (k, sorted(v))).collect();
                members.sort_by(|a, b| a.0.cmp(&b.0));
                Json::Object(members)
            }
            other => other,
        }
    }
    for fixture in [
        include_str!("fixtures/formats/ghost_docs_content-api_posts_include_tags_authors.json"),
        include_str!("fixtures/formats/jsonfeed_feedrs_jsonfeed_elastic_1.1.json"),
        include_str!("fixtures/formats/jsonfeed_feedrs_jsonfeed_example_1.json"),
        include_str!("fixtures/formats/jsonfeed_feedrs_jsonfeed_spec_1.json"),
        include_str!("fixtures/formats/jsonld_google_docs_newsarticle_example.json"),
        include_str!("fixtures/formats/wp_core_wp-api-generated_PostsCollection.json"),
        include_str!("fixtures/formats/wp_frontity_post-60_embed.json"),
        include_str!("../demo/ms-ice.json"),
        include_str!("../demo/feed.json"),
    ] {
        let expected = sorted(tree(serde_json::from_str(fixture).unwrap()));
        assert_eq!(sorted(json::parse(fixture).unwrap()), expected);
    }

    let text = r#"{"__proto__":{"x":1},"s":"caf\u00e9 \ud83d\ude00","n":-1.5e3,"big":12345678901234567890,
        "list":[true,false,null,{}],"dup":1,"dup":2}"#;
    let tree = json::parse(text).unwrap();
    let expected = Json::Object(vec![
        (
            "__proto__".into(),
            Json::Object(vec![("x".into(), Json::Number(1.0))]),
        ),
        ("s".into(), Json::String("café 😀".into())),
        ("n".into(), Json::Number(-1500.0)),
        ("big".into(), Json::Number(12345678901234567890.0)),
        (
            "list".into(),
            Json::Array(vec![
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
                Json::Object(vec![]),
            ]),
        ),
        ("dup".into(), Json::Number(2.0)),
    ]);
    assert_eq!(tree, expected);

    // Whatever is nested deeper than the adapters read is skipped, not refused: an article
    // with a deep unknown key is still an article.
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(json::parse(&nested(100_000)).is_ok());
    let article = format!(
        r#"{{"format":"article-reader","version":1,"article":{{"title":"Deep","_ext":{}}}}}"#,
        nested(200)
    );
    let parsed = article_reader::formats::parse_article(&article, None, None).unwrap();
    assert_eq!(parsed.title.as_deref(), Some("Deep"));
    assert!(json::parse("<!doctype html>").is_err());
    assert!(json::parse("").is_err());
    // A syntax error says where it is, as natively.
    let error = json::parse("{\n  \"title\": \"x\",\n  oops\n}").unwrap_err();
    assert!(error.0.contains("line 3 column 3"), "{}", error.0);
}
