//! A Yew app that shows an article with article_reader's [`Reader`]: its props set here, its
//! documents fetched by a [`Fetcher`] this app writes, its events handled here, and its markup
//! in a shadow root of the app's own with the widget's stylesheet (as `<article-reader>` does),
//! so the app's CSS and the reader's do not meet.

use article_reader::components::{Reader, ReaderEvent};
use article_reader::embed::WIDGET_CSS;
use article_reader::services::fetcher::{Cancel, FetchError, FetchFuture, Fetcher};
use article_reader::share::{Network, ShareOptions};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Documents fetched with the browser's `fetch`, aborted when the reader no longer needs them.
fn browser_fetcher() -> Fetcher {
    Fetcher::new(|url: &str, cancel: Cancel| -> FetchFuture {
        let url = url.to_owned();
        Box::pin(async move {
            let network = |error: JsValue| FetchError::Network(format!("{error:?}"));
            let window =
                web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
            let init = web_sys::RequestInit::new();
            if let Ok(controller) = web_sys::AbortController::new() {
                init.set_signal(Some(&controller.signal()));
                cancel.on_cancel(move || controller.abort());
            }
            let response: web_sys::Response =
                JsFuture::from(window.fetch_with_str_and_init(&url, &init))
                    .await
                    .map_err(network)?
                    .dyn_into()
                    .map_err(network)?;
            if !response.ok() {
                return Err(FetchError::Status(response.status()));
            }
            let text = JsFuture::from(response.text().map_err(network)?)
                .await
                .map_err(network)?;
            text.as_string()
                .ok_or_else(|| FetchError::Network("the body is not text".into()))
        })
    })
}

#[derive(Properties, PartialEq)]
struct ShadowHostProps {
    children: Html,
}

/// Renders its children into an open shadow root on a `<div>`, with the widget's stylesheet.
#[component]
fn ShadowHost(props: &ShadowHostProps) -> Html {
    let host = use_node_ref();
    let inner = use_state(|| None::<web_sys::Element>);
    {
        let (host, inner) = (host.clone(), inner.clone());
        use_effect_with((), move |_| {
            let attach = || -> Result<web_sys::Element, JsValue> {
                let host: web_sys::Element = host.cast().ok_or("the host is not rendered")?;
                let mode = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
                let shadow = host.attach_shadow(&mode)?;
                let sheet = web_sys::CssStyleSheet::new()?;
                sheet.replace_sync(WIDGET_CSS)?;
                shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
                let container = host
                    .owner_document()
                    .ok_or("no document")?
                    .create_element("div")?;
                container.set_class_name("article-reader");
                shadow.append_child(&container)?;
                Ok(container)
            };
            match attach() {
                Ok(container) => inner.set(Some(container)),
                Err(error) => web_sys::console::error_1(&error),
            }
        });
    }
    html! {
        <div ref={host} class="reader-host">
            if let Some(container) = (*inner).clone() {
                { create_portal(props.children.clone(), container) }
            }
        </div>
    }
}

/// What the reader told the app, newest last.
#[derive(Default, PartialEq)]
struct EventLog(Vec<String>);

impl Reducible for EventLog {
    type Action = String;

    fn reduce(self: std::rc::Rc<Self>, line: String) -> std::rc::Rc<Self> {
        let mut lines = self.0.clone();
        lines.push(line);
        std::rc::Rc::new(EventLog(lines))
    }
}

#[component]
fn App() -> Html {
    let fetcher = use_memo((), |_| browser_fetcher());
    let log = use_reducer(EventLog::default);
    let on_event = {
        let log = log.dispatcher();
        Callback::from(move |event: ReaderEvent| {
            log.dispatch(match event {
                ReaderEvent::Loaded { article, .. } => {
                    format!(
                        "Reading: {}",
                        article.title.as_deref().unwrap_or("an untitled post")
                    )
                }
                ReaderEvent::Failed { error, .. } => format!("Could not load: {error}"),
                ReaderEvent::Navigated { post, .. } => {
                    format!("Opened: {}", post.title.as_deref().unwrap_or("a post"))
                }
                ReaderEvent::Shared { network, .. } => format!("Shared on {network}"),
            })
        })
    };
    let share = ShareOptions {
        networks: vec![Network::X, Network::LinkedIn, Network::Email],
        ..ShareOptions::default()
    };
    html! {
        <>
            <ol class="app-log" aria-label="What the reader said">
                { for log.0.iter().map(|line| html! { <li>{ line }</li> }) }
            </ol>
            <ShadowHost>
                <Reader
                    src="demo/ms-ice.json"
                    related_src={AttrValue::from("demo/feed.json")}
                    fetcher={(*fetcher).clone()}
                    {share}
                    {on_event}
                />
            </ShadowHost>
        </>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
