//! Browser tests: real documents (`tests/fixtures/realworld/`) through the widget in headless
//! Chromium, where bodies are parsed by the browser's own `DOMParser`: untitled micro posts,
//! a WordPress list trimmed with `_fields`, co-authors, a Ghost list with its own reading times;
//! the words of real bodies kept as a browser shows them; and documents shaped like real ones
//! (`tests/fixtures/shaped/`): the title shown once, dates as feeds write them, empty posts.
#![cfg(browser)]

use std::cell::RefCell;
use std::rc::Rc;

#[path = "common/body_text.rs"]
mod body_text;
use article_reader::components::{Reader, ReaderProps};
use article_reader::model::Timestamp;
use article_reader::sanitize::sanitize_html;
use article_reader::services::fetcher::{FetchError, Fetcher};
use body_text::body_text;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod common;
use common::{document, new_root, settle_until, text_of};

wasm_bindgen_test_configure!(run_in_browser);

const MICROBLOG: &str = include_str!("fixtures/realworld/jsonfeed/manton-microblog-untitled.json");
const OURSTATE: &str = include_str!("fixtures/realworld/wordpress/ourstate-fields-no-content.json");
const COAUTHORS: &str = include_str!("fixtures/realworld/wordpress/migrate-coauthors-plus.json");
const GHOST: &str =
    include_str!("fixtures/realworld/ghost/julienbourdeau-ghost3-localhost-all.json");
const JEKYLL_RU: &str = include_str!("fixtures/shaped/jekyll-feed-ru.json");
const WORDPRESS_FR: &str = include_str!("fixtures/shaped/wordpress-fr.json");

#[wasm_bindgen(inline_js = "
// What a reader of the source HTML sees, in the browser's own parse: the text outside
// scripts, styles, templates, forms, foreign content and what the publisher hid, with words
// separated where the browser lays elements out as blocks. Written here, apart from the
// widget's rules, to check them.
const NOT_SHOWN = new Set(['script','style','template','noscript','object','embed','applet','param',
  'head','title','meta','link','base','frame','frameset','noframes','noembed','canvas','audio','video',
  'source','track','map','area','input','button','select','option','optgroup','textarea','datalist',
  'output','progress','meter','dialog','slot','portal','fencedframe','iframe','form','label','fieldset','legend']);
const SEPARATES = new Set(['address','article','aside','blockquote','center','dd','details','dir','div',
  'dl','dt','figcaption','figure','footer','h1','h2','h3','h4','h5','h6','header','hgroup','hr','li',
  'listing','main','menu','nav','ol','p','plaintext','pre','search','section','summary','table',
  'caption','thead','tbody','tfoot','tr','td','th','ul','xmp','br']);
function hidden(el) {
  if (el.hasAttribute('hidden')) return true;
  const style = (el.getAttribute('style') || '').toLowerCase().replace(/\\s/g, '');
  return style.split(';').some((d) => {
    d = d.replace(/!important$/, '');
    return d === 'display:none' || d === 'visibility:hidden' || d === 'visibility:collapse';
  });
}
export function source_text(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let out = '';
  const walk = (node) => {
    if (node.nodeType === 3) { out += node.nodeValue; return; }
    if (node.nodeType !== 1) return;
    if (node.namespaceURI !== 'http://www.w3.org/1999/xhtml' || hidden(node)) return;
    const name = node.localName;
    if (NOT_SHOWN.has(name)) { if (name === 'iframe') out += ' '; return; }
    const separates = SEPARATES.has(name);
    if (separates) out += ' ';
    for (const child of node.childNodes) walk(child);
    if (separates) out += ' ';
  };
  for (const child of doc.body.childNodes) walk(child);
  return out.split(/\\s+/).filter(Boolean).join(' ');
}
")]
extern "C" {
    fn source_text(html: &str) -> String;
}

/// A fetcher that answers each URL ending with a key with its document, and counts requests.
fn serving(
    documents: &[(&'static str, &'static str)],
    requests: Rc<RefCell<Vec<String>>>,
) -> Fetcher {
    let documents = documents.to_vec();
    Fetcher::new(move |url, _| {
        requests.borrow_mut().push(url.to_owned());
        let found = documents
            .iter()
            .find(|(key, _)| url.ends_with(key))
            .map(|(_, text)| text.to_string());
        Box::pin(async move { found.ok_or(FetchError::Status(404)) })
    })
}

fn mount(root: &Element, src: &str, related: &str, fetcher: Fetcher) -> yew::AppHandle<Reader> {
    let props = yew::props!(ReaderProps {
        src: src.to_owned(),
        related_src: Some(yew::AttrValue::from(related.to_owned())),
        fetcher,
        now: Some(Timestamp::parse_rfc3339("2026-12-01T12:00:00Z").unwrap()),
    });
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render()
}

/// A reader of `src` with `related`, its documents served from `documents`, once its related
/// list shows `items` posts.
async fn shown(
    documents: &[(&'static str, &'static str)],
    src: &str,
    related: &str,
    items: usize,
) -> (Element, yew::AppHandle<Reader>) {
    let root = new_root();
    let app = mount(&root, src, related, serving(documents, Rc::default()));
    assert!(settle_until(|| all(&root, "[part=related-item]").len() == items).await);
    (root, app)
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn related_named(root: &Element, name: &str) -> HtmlElement {
    all(root, "[part=related-title]")
        .into_iter()
        .find(|e| e.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no related post named {name}"))
        .dyn_into()
        .unwrap()
}

/// Clicks `link` and tells whether the click was left to the browser (not prevented by the
/// widget). The page's own listener then stops the navigation, so the test page stays.
async fn click_is_left_to_the_link(link: &HtmlElement) -> bool {
    let prevented = Rc::new(RefCell::new(None::<bool>));
    let record = {
        let prevented = prevented.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            *prevented.borrow_mut() = Some(event.default_prevented());
            event.prevent_default();
        })
    };
    document()
        .add_event_listener_with_callback("click", record.as_ref().unchecked_ref())
        .unwrap();
    link.click();
    yew::scheduler::flush().await;
    document()
        .remove_event_listener_with_callback("click", record.as_ref().unchecked_ref())
        .unwrap();
    let left = *prevented.borrow() == Some(false);
    left
}

#[wasm_bindgen_test]
async fn an_untitled_micro_post_opens_body_first_and_keeps_an_accessible_name() {
    let (root, _app) = shown(
        &[("/feed.json", MICROBLOG)],
        "https://manton.micro.blog/feed.json",
        "/feed.json",
        24,
    )
    .await;
    // The list names untitled posts by their words, photo-only ones by their date.
    assert!(all(&root, "[part=related-title]").iter().all(|e| e
        .text_content()
        .unwrap_or_default()
        .trim()
        != "Untitled"));
    related_named(&root, "April 20, 2018");
    related_named(&root, "Testing from Icro.").click();

    let article = || root.query_selector("[part=article]").unwrap();
    assert!(
        settle_until(|| article()
            .and_then(|a| a.get_attribute("aria-label"))
            .as_deref()
            == Some("Testing from Icro."))
        .await
    );
    assert!(
        root.query_selector("[part=title]").unwrap().is_none(),
        "no title heading"
    );
    assert_eq!(
        text_of(&root, "[part=body]").as_deref(),
        Some("Testing from Icro.")
    );
    assert_eq!(
        text_of(&root, "[part=reading-time]").as_deref(),
        Some("1 min read")
    );
    // Focus moves to the article itself, which is named for assistive technology.
    let focused = document().active_element().unwrap();
    assert_eq!(focused.get_attribute("part").as_deref(), Some("article"));
    let share = root.query_selector("[data-network=x]").unwrap().unwrap();
    assert!(share
        .get_attribute("href")
        .unwrap()
        .contains("text=Testing%20from%20Icro."));
}

#[wasm_bindgen_test]
async fn a_trimmed_wordpress_list_links_to_pages_and_co_authors_share_the_byline() {
    let root = new_root();
    let requests: Rc<RefCell<Vec<String>>> = Rc::default();
    let fetcher = serving(
        &[("/post.json", COAUTHORS), ("/posts.json", OURSTATE)],
        requests.clone(),
    );
    let _app = mount(
        &root,
        "https://mysite.com/post.json",
        "/posts.json",
        fetcher,
    );
    assert!(settle_until(|| all(&root, "[part=related-item]").len() == 3).await);
    let byline = root.query_selector(".article__author").unwrap().unwrap();
    assert_eq!(byline.text_content().unwrap(), "Alice Smith and Bob Jones");
    assert_eq!(byline.query_selector_all("bdi").unwrap().length(), 2);
    assert_eq!(all(&root, "[part=author-name]").len(), 2);

    let newest = related_named(&root, "Newest & Best");
    assert_eq!(
        newest.get_attribute("href").as_deref(),
        Some("https://www.ourstate.com/newest-story/")
    );
    // A click is left to the link (the browser opens the page); the widget does not open an
    // empty article in place.
    assert!(
        click_is_left_to_the_link(&newest).await,
        "the widget kept the click"
    );
    assert_eq!(
        text_of(&root, "[part=title]").as_deref(),
        Some("Multi-Author Post with Co-Authors Plus")
    );
    assert_eq!(
        requests.borrow().len(),
        2,
        "no request for the clicked post"
    );
}

#[wasm_bindgen_test]
async fn a_ghost_post_opened_from_the_list_shows_one_reading_time() {
    let (root, _app) = shown(
        &[("/posts.json", GHOST)],
        "http://localhost:2369/posts.json",
        "/posts.json",
        6,
    )
    .await;
    related_named(&root, "Writing posts with Ghost ✍️").click();
    assert!(
        settle_until(
            || text_of(&root, "[part=title]").as_deref() == Some("Writing posts with Ghost ✍️")
        )
        .await
    );
    // Ghost says 3 minutes; the bar at the top of the article says the same.
    assert_eq!(
        text_of(&root, "[part=reading-time]").as_deref(),
        Some("3 min read")
    );
    assert_eq!(
        text_of(&root, "[part=progress] .progress__text").as_deref(),
        Some("3 min left")
    );
    assert_eq!(
        text_of(&root, "[part=author-name]").as_deref(),
        Some("Ghost")
    );
    assert_eq!(
        text_of(&root, "[part=category]").as_deref(),
        Some("Getting Started")
    );
}

#[wasm_bindgen_test]
fn bodies_parsed_by_the_browser_keep_the_words_readers_see() {
    let ghost: serde_json::Value = serde_json::from_str(GHOST).unwrap();
    let micro: serde_json::Value = serde_json::from_str(MICROBLOG).unwrap();
    let mut bodies: Vec<String> = ghost["posts"]
        .as_array()
        .unwrap()
        .iter()
        .chain(micro["items"].as_array().unwrap())
        .filter_map(|post| post.get("html").or(post.get("content_html")))
        .filter_map(|html| html.as_str().map(str::to_owned))
        .collect();
    bodies.push(
        r#"<div><strong>Update:</strong> <a href="/x">link</a></div><div><em>a</em>
        <em>b</em></div><form><label>Name <input></label></form>
        <p style="display:none !important"><label>&#916;<textarea></textarea></label></p>"#
            .to_owned(),
    );
    assert!(bodies.len() >= 30);
    for html in &bodies {
        let body = sanitize_html(html, Some("https://publisher.example/feed.json"));
        assert_eq!(body_text(&body), source_text(html), "{html}");
    }
}

#[wasm_bindgen_test]
async fn a_language_s_words_are_fetched_once_before_its_article_is_shown() {
    // The first use of Hebrew in this page: its words come from beside the widget's files.
    let table = include_str!("../src/i18n/labels/he.json");
    let article = r#"{"format":"article-reader","version":1,"article":{"title":"שלום",
        "language":"he","body":[{"type":"paragraph","text":"מילים"}]}}"#;
    let requests: Rc<RefCell<Vec<String>>> = Rc::default();
    let release = Rc::new(RefCell::new(false));
    let fetcher = {
        let (requests, release) = (requests.clone(), release.clone());
        Fetcher::new(move |url, _| {
            requests.borrow_mut().push(url.to_owned());
            let is_table = url == "https://widget.example/labels/he.json";
            let text = if is_table { table } else { article }.to_owned();
            let release = release.clone();
            Box::pin(async move {
                // The table arrives only when the test lets it.
                while is_table && !*release.borrow() {
                    yew::platform::time::sleep(std::time::Duration::from_millis(5)).await;
                }
                Ok(text)
            })
        })
    };
    let root = new_root();
    let props = yew::props!(ReaderProps {
        src: "https://news.example/shalom.json",
        fetcher,
        assets: Some(yew::AttrValue::from("https://widget.example/")),
    });
    let _app = yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render();
    assert!(settle_until(|| requests.borrow().len() == 2).await);
    // The article is there, but waits for its words: no English flash.
    assert!(root.query_selector("[part=title]").unwrap().is_none());
    assert!(root.query_selector("[part=status]").unwrap().is_some());
    *release.borrow_mut() = true;
    assert!(settle_until(|| text_of(&root, "[part=title]").is_some()).await);
    assert_eq!(
        text_of(&root, "[part=reading-time]").as_deref(),
        Some("1 דקות קריאה")
    );
    let reader = root.query_selector(".reader").unwrap().unwrap();
    assert_eq!(reader.get_attribute("dir").as_deref(), Some("rtl"));
    let tables = requests
        .borrow()
        .iter()
        .filter(|u| u.contains("/labels/"))
        .count();
    assert_eq!(tables, 1, "the words were fetched once");
}

#[wasm_bindgen_test]
async fn a_jekyll_feed_shows_its_title_once_its_dates_and_links_empty_posts_to_their_pages() {
    // The list leaves out the post shown.
    let (root, _app) = shown(
        &[("/feed.json", JEKYLL_RU)],
        "https://blog.example.ru/feed.json",
        "/feed.json",
        25,
    )
    .await;
    // The body's opening <h1> repeated the title: one heading is left, the title's.
    let headings = all(&root, "h1");
    assert_eq!(headings.len(), 1);
    assert_eq!(
        text_of(&root, "[part=title]").as_deref(),
        Some("Как мы запустили проект")
    );
    assert!(root.query_selector("[part=body] h1").unwrap().is_none());
    // "2019-03-01 10:00:00 +0300", as Jekyll's date filter writes it.
    let published = root.query_selector("[part=published]").unwrap().unwrap();
    assert_eq!(
        published.get_attribute("datetime").as_deref(),
        Some("2019-03-01T07:00:00Z")
    );
    assert_eq!(
        all(&root, "[part=related-time]").len(),
        25,
        "every post dated"
    );

    // An empty body links to the post's page; with no page it leads nowhere.
    let empty = related_named(&root, "Пустой пост");
    assert_eq!(
        empty.get_attribute("href").as_deref(),
        Some("https://blog.example.ru/2019/02/20/pusto")
    );
    assert!(
        click_is_left_to_the_link(&empty).await,
        "not opened in place"
    );
    let markup_only = related_named(&root, "Только разметка");
    assert!(click_is_left_to_the_link(&markup_only).await);
    let draft = related_named(&root, "Черновик");
    assert_eq!(draft.local_name(), "a");
    assert!(!draft.has_attribute("href"));
    assert_eq!(
        text_of(&root, "[part=title]").as_deref(),
        Some("Как мы запустили проект"),
        "the article stayed"
    );

    // An image alone is a body: the post opens in place.
    related_named(&root, "Фото дня").click();
    assert!(settle_until(|| text_of(&root, "[part=title]").as_deref() == Some("Фото дня")).await);
    assert!(root.query_selector("[part=body] img").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn a_wordpress_status_post_whose_text_is_its_title_shows_it_once_and_keeps_its_name() {
    let (root, _app) = shown(
        &[("/posts", WORDPRESS_FR)],
        "https://exemple.fr/wp-json/wp/v2/posts",
        "/wp-json/wp/v2/posts",
        4,
    )
    .await;
    // Titled aside and status posts are named by their titles.
    related_named(&root, "Une brève");
    related_named(&root, "En direct du salon").click();
    let article = || root.query_selector("[part=article]").unwrap();
    assert!(
        settle_until(|| article()
            .and_then(|a| a.get_attribute("aria-label"))
            .as_deref()
            == Some("En direct du salon"))
        .await
    );
    assert!(root.query_selector("[part=title]").unwrap().is_none());
    assert_eq!(
        text_of(&root, "[part=body]").as_deref(),
        Some("En direct du salon")
    );
    // An empty WordPress post links to its page.
    let empty = related_named(&root, "Billet vide");
    assert_eq!(
        empty.get_attribute("href").as_deref(),
        Some("https://exemple.fr/104/")
    );
    assert!(click_is_left_to_the_link(&empty).await);
}
