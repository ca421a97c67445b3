//! Browser tests: the reader mounted into a real DOM in headless Chromium, with stubbed
//! documents, asserting on `part`s as publishers and end-to-end tests see them.
#![cfg(all(browser, feature = "csr"))]

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use article_reader::components::{Reader, ReaderProps};
use article_reader::model::Timestamp;
use article_reader::services::fetcher::{FetchError, FetchResult, Fetcher};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod common;
use common::{document, new_root, settle_until};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
export function plain_ask() {
  return (url) => fetch(url).then(async (r) => ({ status: r.status, text: await r.text() }));
}
")]
extern "C" {
    /// A document service as simple as the loader's can be: one fetch per ask.
    fn plain_ask() -> js_sys::Function;
}

const ARTICLE: &str = include_str!("../demo/ms-ice.json");
const RECENT: &str = include_str!("../demo/recent.json");

/// Answers from a script of responses per path (the last one repeats) and counts requests.
/// The reader resolves `src` against the page, so requests arrive as absolute URLs.
#[derive(Clone, Default)]
struct StubServer {
    responses: Rc<RefCell<HashMap<String, VecDeque<FetchResult>>>>,
    requests: Rc<RefCell<Vec<String>>>,
}

impl StubServer {
    fn answer(self, url: &str, responses: Vec<FetchResult>) -> Self {
        self.responses
            .borrow_mut()
            .insert(url.to_owned(), responses.into());
        self
    }

    fn requests_for(&self, url: &str) -> usize {
        self.requests
            .borrow()
            .iter()
            .filter(|u| u.ends_with(url))
            .count()
    }

    fn fetcher(&self) -> Fetcher {
        let server = self.clone();
        Fetcher::new(move |url, _| {
            server.requests.borrow_mut().push(url.to_owned());
            let mut responses = server.responses.borrow_mut();
            let key = responses
                .keys()
                .find(|path| url.ends_with(path.as_str()))
                .cloned();
            let result = match key.and_then(|key| responses.get_mut(&key)) {
                Some(queue) if queue.len() > 1 => {
                    queue.pop_front().unwrap_or(Err(FetchError::Status(404)))
                }
                Some(queue) => queue
                    .front()
                    .cloned()
                    .unwrap_or(Err(FetchError::Status(404))),
                None => Err(FetchError::Status(404)),
            };
            Box::pin(async move { result })
        })
    }
}

fn ok(text: &str) -> FetchResult {
    Ok(text.to_owned())
}

fn part(root: &Element, name: &str) -> Option<Element> {
    root.query_selector(&format!("[part=\"{name}\"]")).unwrap()
}

fn part_text(root: &Element, name: &str) -> Option<String> {
    part(root, name).and_then(|e| e.text_content())
}

fn all_parts(root: &Element, name: &str) -> Vec<String> {
    let list = root
        .query_selector_all(&format!("[part=\"{name}\"]"))
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.text_content()))
        .collect()
}

fn mount(root: &Element, server: &StubServer, related: bool) -> yew::AppHandle<Reader> {
    let props = yew::props!(ReaderProps {
        src: "/article.json",
        related_src: related.then(|| yew::AttrValue::from("/recent.json")),
        fetcher: server.fetcher(),
        now: Some(Timestamp::parse_rfc3339("2026-11-28T12:00:00Z").unwrap()),
    });
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render()
}

#[wasm_bindgen_test]
async fn renders_the_article_and_its_related_posts_by_part() {
    let server = StubServer::default()
        .answer("/article.json", vec![ok(ARTICLE)])
        .answer("/recent.json", vec![ok(RECENT)]);
    let root = new_root();
    let _app = mount(&root, &server, true);

    assert!(settle_until(|| all_parts(&root, "related-item").len() == 6).await);
    assert_eq!(
        part_text(&root, "title").unwrap().trim(),
        "Microsoft condemns ICE activity at U.S. border but still faces public and internal criticism"
    );
    assert_eq!(part_text(&root, "category").unwrap(), "Cloud & Networking");
    assert_eq!(part_text(&root, "reading-time").unwrap(), "3 min read");
    assert_eq!(part_text(&root, "author-name").unwrap(), "Richard Gall");
    assert_eq!(part_text(&root, "author-avatar").unwrap().trim(), "RG");
    assert_eq!(all_parts(&root, "related-time"), vec!["3 years ago"; 6]);
    let body = part(&root, "body").unwrap();
    assert_eq!(body.query_selector_all("blockquote").unwrap().length(), 2);
    let shares = root
        .query_selector_all("[part=share-link][aria-label]")
        .unwrap();
    let names: Vec<String> = (0..shares.length())
        .filter_map(|i| shares.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter_map(|e| e.get_attribute("aria-label"))
        .collect();
    assert_eq!(
        names,
        [
            "Share on X",
            "Share on Facebook",
            "Share on LinkedIn",
            "Share on Bluesky",
            "Share on WhatsApp",
            "Share on Email"
        ]
    );
    assert!(part_text(&root, "share").unwrap().contains("Copy link"));
    assert!(part(&root, "status").is_none());
}

#[wasm_bindgen_test]
async fn a_failed_load_shows_status_and_retry_loads_again() {
    let server = StubServer::default().answer(
        "/article.json",
        vec![Err(FetchError::Network("offline".into())), ok(ARTICLE)],
    );
    let root = new_root();
    let _app = mount(&root, &server, false);

    assert!(settle_until(|| part(&root, "retry").is_some()).await);
    assert!(part_text(&root, "status")
        .unwrap()
        .contains("Check your connection"));
    assert!(part(&root, "title").is_none());
    assert_eq!(server.requests_for("/article.json"), 1);

    part(&root, "retry")
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    assert!(settle_until(|| part(&root, "title").is_some()).await);
    assert_eq!(server.requests_for("/article.json"), 2);
    assert!(part(&root, "status").is_none());
    assert!(part(&root, "retry").is_none());
}

#[wasm_bindgen_test]
async fn json_of_the_wrong_shape_is_an_error_not_a_crash() {
    let server = StubServer::default().answer("/article.json", vec![ok(r#"{"posts": []}"#)]);
    let root = new_root();
    let _app = mount(&root, &server, false);

    assert!(settle_until(|| part(&root, "retry").is_some()).await);
    assert!(part_text(&root, "status")
        .unwrap()
        .contains("not in a format this reader understands"));
}

#[wasm_bindgen_test]
async fn a_related_post_with_its_own_json_opens_in_place_and_takes_focus() {
    let related = r#"{"format":"article-reader","version":1,"related":[
        {"title":"Second article","src":"/second.json","url":"https://example.com/second"}]}"#;
    let second = r#"{"format":"article-reader","version":1,
        "article":{"title":"Second article","body":[{"type":"paragraph","text":"Two."}]}}"#;
    let server = StubServer::default()
        .answer("/article.json", vec![ok(ARTICLE)])
        .answer("/recent.json", vec![ok(related)])
        .answer("/second.json", vec![ok(second)]);
    let root = new_root();
    let _app = mount(&root, &server, true);
    assert!(settle_until(|| part(&root, "related-title").is_some()).await);

    part(&root, "related-title")
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    assert!(
        settle_until(|| part_text(&root, "title").is_some_and(|t| t.trim() == "Second article"))
            .await
    );
    assert_eq!(server.requests_for("/second.json"), 1);
    let focused = document().active_element().unwrap();
    assert_eq!(focused.get_attribute("part").as_deref(), Some("title"));
    // The related list stays, so the reader can keep browsing.
    assert!(part(&root, "related").is_some());
}

/// An element in the page for `mount` to render into, as the custom element would be.
fn new_host() -> HtmlElement {
    let host: HtmlElement = document()
        .create_element("article-reader-test-host")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
async fn the_element_renders_into_an_open_shadow_root_and_reports_load() {
    let host = new_host();
    let loads = Rc::new(RefCell::new(Vec::<JsValue>::new()));
    let on_load = {
        let loads = loads.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let detail = event.unchecked_into::<web_sys::CustomEvent>().detail();
            loads.borrow_mut().push(detail);
        })
    };
    document()
        .add_event_listener_with_callback("article-reader:load", on_load.as_ref().unchecked_ref())
        .unwrap();

    let src = format!(
        "data:application/json,{}",
        js_sys::encode_uri_component(ARTICLE)
    );
    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"src".into(), &src.into()).unwrap();
    let mut handle = article_reader::embed::element::mount(
        host.clone(),
        config.into(),
        plain_ask(),
        String::new(),
        None,
    )
    .unwrap();

    let shadow = host.shadow_root().expect("an open shadow root");
    let title = || shadow.query_selector("[part=\"title\"]").unwrap();
    assert!(settle_until(|| title().is_some() && !loads.borrow().is_empty()).await);
    assert_eq!(shadow.adopted_style_sheets().length(), 1);
    assert_eq!(shadow.query_selector_all("style").unwrap().length(), 0);
    let detail = loads.borrow()[0].clone();
    let field = |key: &str| {
        js_sys::Reflect::get(&detail, &key.into())
            .unwrap()
            .as_string()
    };
    assert_eq!(field("id").as_deref(), Some("ms-ice"));
    assert!(field("title")
        .unwrap()
        .starts_with("Microsoft condemns ICE"));
    // Nothing of the widget leaks into the light DOM.
    assert_eq!(host.children().length(), 0);

    handle.destroy();
    assert!(settle_until(|| title().is_none()).await);
    document()
        .remove_event_listener_with_callback(
            "article-reader:load",
            on_load.as_ref().unchecked_ref(),
        )
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_prerendered_element_keeps_its_markup_while_the_widget_renders_apart() {
    let host = new_host();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    shadow.set_inner_html("<div class=\"article-reader\"><h1>Prerendered</h1></div>");
    let apart = document().create_element("div").unwrap();
    let src = format!(
        "data:application/json,{}",
        js_sys::encode_uri_component(ARTICLE)
    );
    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"src".into(), &src.into()).unwrap();
    let _handle = article_reader::embed::element::mount(
        host.clone(),
        config.into(),
        plain_ask(),
        String::new(),
        Some(apart.clone()),
    )
    .unwrap();

    // What the loader waits for before the swap: an article, and nothing on its way.
    let whole = || {
        apart
            .query_selector(":scope > .reader:not([aria-busy]) > [part=\"article\"]")
            .unwrap()
            .is_some()
    };
    assert!(settle_until(whole).await);
    let title = apart.query_selector("[part=\"title\"]").unwrap().unwrap();
    assert!(title
        .text_content()
        .unwrap()
        .starts_with("Microsoft condemns ICE"));
    // The page's markup stays until the loader swaps the two.
    assert!(!apart.is_connected());
    assert_eq!(
        shadow.inner_html(),
        "<div class=\"article-reader\"><h1>Prerendered</h1></div>"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn the_share_options_choose_networks_order_and_utm() {
    use article_reader::embed::config::Config;
    let server = StubServer::default().answer("/article.json", vec![ok(ARTICLE)]);
    let root = new_root();
    let share = Config::from_lookup(
        |key| match key {
            "share" => Some("email,reddit,copy".into()),
            "share-utm" => Some("launch".into()),
            "share-url" => Some("https://publisher.example/ice?x=1#top".into()),
            _ => None,
        },
        None,
    )
    .share;
    let props = yew::props!(ReaderProps {
        src: "/article.json",
        fetcher: server.fetcher(),
        share,
    });
    let _app = yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render();
    assert!(settle_until(|| part(&root, "share").is_some()).await);
    let controls = root.query_selector_all("[part=share-link]").unwrap();
    let networks: Vec<String> = (0..controls.length())
        .filter_map(|i| controls.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter_map(|e| e.get_attribute("data-network"))
        .collect();
    assert_eq!(networks, ["email", "reddit", "copy"]);
    let reddit = root
        .query_selector("[data-network=reddit]")
        .unwrap()
        .unwrap();
    let href = reddit.get_attribute("href").unwrap();
    assert!(
        href.starts_with("https://www.reddit.com/submit?url=https%3A%2F%2Fpublisher.example%2Fice%3Fx%3D1%26utm_source%3Dreddit%26utm_medium%3Dsocial%26utm_campaign%3Dlaunch%23top&title=Microsoft%20condemns"),
        "{href}"
    );
}

#[wasm_bindgen_test]
async fn two_quick_clicks_end_on_the_second_and_abort_the_first() {
    let related = r#"{"format":"article-reader","version":1,"related":[
        {"title":"Slow one","src":"/slow.json"},{"title":"Fast one","src":"/fast.json"}]}"#;
    let doc = |title: &str| {
        format!(
            r#"{{"format":"article-reader","version":1,"article":{{"title":"{title}","body":[]}}}}"#
        )
    };
    // What happened to the slow request: aborted by the reader, and answered anyway later.
    let slow_aborted = Rc::new(RefCell::new(false));
    let slow_answered = Rc::new(RefCell::new(false));
    let (slow, fast) = (doc("Slow one"), doc("Fast one"));
    let fetcher = {
        let (slow_aborted, slow_answered) = (slow_aborted.clone(), slow_answered.clone());
        Fetcher::new(move |url, cancel| {
            let is_slow = url.ends_with("/slow.json");
            if is_slow {
                let slow_aborted = slow_aborted.clone();
                cancel.on_cancel(move || *slow_aborted.borrow_mut() = true);
            }
            let text = if is_slow {
                slow.clone()
            } else if url.ends_with("/fast.json") {
                fast.clone()
            } else if url.ends_with("/recent.json") {
                related.to_owned()
            } else {
                ARTICLE.to_owned()
            };
            let slow_answered = slow_answered.clone();
            Box::pin(async move {
                if is_slow {
                    // A server that takes its time: it answers after the second click.
                    yew::platform::time::sleep(std::time::Duration::from_millis(200)).await;
                    *slow_answered.borrow_mut() = true;
                }
                Ok(text)
            })
        })
    };
    let root = new_root();
    let props = yew::props!(ReaderProps {
        src: "/article.json",
        related_src: Some(yew::AttrValue::from("/recent.json")),
        fetcher,
    });
    let _app = yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render();
    assert!(settle_until(|| all_parts(&root, "related-title").len() == 2).await);

    let click = |title: &str| {
        let links = root.query_selector_all("[part=related-title]").unwrap();
        for i in 0..links.length() {
            let link: HtmlElement = links.item(i).unwrap().dyn_into().unwrap();
            if link.text_content().unwrap_or_default().trim() == title {
                link.click();
            }
        }
    };
    click("Slow one");
    assert!(
        settle_until(|| part(&root, "status").is_some()).await,
        "the slow load started"
    );
    click("Fast one");
    assert!(
        settle_until(|| part_text(&root, "title").is_some_and(|t| t.trim() == "Fast one")).await
    );
    assert!(*slow_aborted.borrow(), "the older request was aborted");
    // The slow answer still arrives, and must not replace the newer article.
    assert!(settle_until(|| *slow_answered.borrow()).await);
    yew::scheduler::flush().await;
    assert_eq!(part_text(&root, "title").unwrap().trim(), "Fast one");
}

#[wasm_bindgen_test]
fn the_count_words_export_counts_as_reading_time_does() {
    use article_reader::embed::element::count_words;
    assert_eq!(count_words("U.S. mission-critical it’s"), vec![4.0, 0.0]);
    assert_eq!(count_words("你会说English吗？"), vec![1.0, 4.0]);
    assert_eq!(count_words("จะถูกเปิดตัว"), vec![4.0, 0.0]);
}

#[wasm_bindgen_test]
async fn pointing_at_a_post_prefetches_it_only_from_the_lists_own_site() {
    let related = r#"{"format":"article-reader","version":1,"related":[
        {"title":"Same site","src":"https://list.example/same.json"},
        {"title":"Elsewhere","src":"https://other.example/elsewhere.json"}]}"#;
    let article = r#"{"format":"article-reader","version":1,"article":{"title":"Post","body":[]}}"#;
    let server = StubServer::default()
        .answer("/article.json", vec![ok(ARTICLE)])
        .answer("/recent.json", vec![ok(related)])
        .answer("/same.json", vec![ok(article)])
        .answer("/elsewhere.json", vec![ok(article)]);
    let root = new_root();
    let props = yew::props!(ReaderProps {
        src: "https://list.example/article.json",
        related_src: Some(yew::AttrValue::from("https://list.example/recent.json")),
        fetcher: server.fetcher(),
    });
    let _app = yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render();
    assert!(settle_until(|| all_parts(&root, "related-title").len() == 2).await);
    let titles = root.query_selector_all("[part=related-title]").unwrap();
    for i in 0..titles.length() {
        let title: Element = titles.item(i).unwrap().dyn_into().unwrap();
        let hover = web_sys::MouseEvent::new("mouseenter").unwrap();
        title.dispatch_event(&hover).unwrap();
    }
    assert!(settle_until(|| server.requests_for("/same.json") == 1).await);
    yew::scheduler::flush().await;
    assert_eq!(
        server.requests_for("/elsewhere.json"),
        0,
        "no request to another site"
    );
    // A click still opens it, from its own site.
    let elsewhere: HtmlElement = titles.item(1).unwrap().dyn_into().unwrap();
    elsewhere.click();
    assert!(settle_until(|| server.requests_for("/elsewhere.json") == 1).await);
}
