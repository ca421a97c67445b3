//! Mounting a reader into an element: shadow root, shared stylesheet, Yew app, DOM events.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, AttrValue, Callback, Renderer};

use super::config::Config;
use super::{events, WIDGET_CSS};
use crate::components::{Reader, ReaderProps};
use crate::services::fetcher::Fetcher;
use crate::services::http::loader_fetcher;
use crate::services::page;

thread_local! {
    /// One constructed stylesheet for every element on the page.
    static STYLESHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// A mounted reader, returned to JavaScript: `update` it with a new config, `destroy` it when
/// its element leaves the page.
#[wasm_bindgen]
pub struct ReaderHandle {
    host: HtmlElement,
    fetcher: Fetcher,
    /// The element's `timeout`, read by its fetcher at each request.
    timeout: Rc<Cell<Duration>>,
    /// The widget's files' folder (the loader's).
    assets: AttrValue,
    app: Option<AppHandle<Reader>>,
}

#[wasm_bindgen]
impl ReaderHandle {
    /// Re-renders with a new config (an attribute changed): every attribute takes effect.
    pub fn update(&mut self, config: JsValue) {
        let config = read_config(&config);
        self.timeout.set(config.timeout);
        let props = reader_props(&self.host, config, &self.fetcher, &self.assets);
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Tears the reader down: its DOM, effects and pending work.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Renders a reader into `host`'s open shadow root, configured by `config`, a plain object
/// of attribute values by attribute name (`src`, `related-src`…: `config::ATTRIBUTES`).
/// Documents come from `ask`, the loader's document service; the widget's other files (the
/// UI words of each language) from `ask` too, at `assets` followed by their path (the loader
/// passes `''` and finds `labels/<lang>.json` wherever its bundler put it). The reader renders into
/// `apart` when given (an element off the page: the loader puts it in place of a prerendered
/// article once it is whole), else into a container appended to the shadow root.
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    config: JsValue,
    ask: js_sys::Function,
    assets: String,
    apart: Option<Element>,
) -> Result<ReaderHandle, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    adopt_stylesheet(&shadow)?;
    let document = host
        .owner_document()
        .ok_or("the element is not in a document")?;
    let container = match apart {
        Some(apart) => apart,
        None => {
            let container = document.create_element("div")?;
            container.set_class_name("article-reader");
            shadow.append_child(&container)?;
            container
        }
    };
    let config = read_config(&config);
    let timeout = Rc::new(Cell::new(config.timeout));
    let fetcher = loader_fetcher(ask, timeout.clone());
    let assets = AttrValue::from(assets);
    let props = reader_props(&host, config, &fetcher, &assets);
    let app = Renderer::<Reader>::with_root_and_props(container, props).render();
    Ok(ReaderHandle {
        host,
        fetcher,
        timeout,
        assets,
        app: Some(app),
    })
}

fn adopt_stylesheet(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = STYLESHEET.with(|cell| -> Result<CssStyleSheet, JsValue> {
        let mut cell = cell.borrow_mut();
        if let Some(sheet) = cell.as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(WIDGET_CSS)?;
        *cell = Some(sheet.clone());
        Ok(sheet)
    })?;
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Ok(())
}

/// The element's config (attribute values by attribute name); refused values are reported
/// on the console, where the publisher looks.
fn read_config(config: &JsValue) -> Config {
    let config = Config::from_lookup(
        |key| {
            js_sys::Reflect::get(config, &JsValue::from_str(key))
                .ok()
                .and_then(|value| value.as_string())
        },
        page::base_url().as_deref(),
    );
    for warning in &config.warnings {
        web_sys::console::warn_1(&JsValue::from_str(warning));
    }
    config
}

fn reader_props(
    host: &HtmlElement,
    config: Config,
    fetcher: &Fetcher,
    assets: &AttrValue,
) -> ReaderProps {
    let event_host = host.clone();
    let page_url = page::share_fallback_url().map(AttrValue::from);
    ReaderProps {
        src: config.src.map(AttrValue::from).unwrap_or_default(),
        related_src: config.related_src.map(AttrValue::from),
        format: config.format,
        lang: config.lang.map(AttrValue::from),
        share: config.share,
        history_key: config.push_history.then(|| history_key(host)),
        related_limit: config.related_limit,
        fetcher: fetcher.clone(),
        now: None,
        words_per_minute: config.words_per_minute,
        page_url,
        assets: Some(assets.clone()),
        on_event: Callback::from(move |event| events::dispatch(&event_host, &event)),
    }
}

/// The query parameter this element keeps its place in: `article-reader-<id>` after its `id`,
/// else `article-reader.<n>` after its position among the page's readers. The two forms
/// differ in the character after `article-reader`, so no id can take a positional name.
fn history_key(host: &HtmlElement) -> AttrValue {
    let id = host.id();
    if !id.is_empty() {
        return format!("article-reader-{id}").into();
    }
    let position = host
        .owner_document()
        .and_then(|d| d.query_selector_all("article-reader").ok())
        .and_then(|all| {
            (0..all.length()).find(|&i| all.item(i).is_some_and(|n| n.is_same_node(Some(host))))
        })
        .unwrap_or(0);
    format!("article-reader.{}", position + 1).into()
}

/// The widget's word count of `text` (words, plus CJK characters, as reading time counts
/// them), for pages that want the same figure, and for the benchmark.
#[wasm_bindgen(js_name = countWords)]
pub fn count_words(text: &str) -> Vec<f64> {
    let counts = crate::text::words::count(text);
    vec![counts.words as f64, counts.cjk_chars as f64]
}
