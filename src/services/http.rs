//! Fetching documents over HTTP with the browser's `fetch`. Requests are aborted when they time
//! out or when the widget no longer needs them.
//!
//! `fetch` is called through web-sys directly: a GET with one header needs none of an HTTP
//! client's request building, and skipping it keeps the wasm smaller.
//!
//! The loader starts fetching an element's documents while the engine is still loading and
//! hands the pending responses over ([`prime`]); the first request for such a URL takes that
//! response instead of asking again.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response};

use super::fetcher::{Cancel, FetchError, Fetcher};

/// A request the loader already sent: its pending answer (`{status, text}`), and what aborts
/// it.
struct Primed {
    url: String,
    answer: js_sys::Promise,
    controller: AbortController,
}

thread_local! {
    static PRIMED: RefCell<Vec<Primed>> = const { RefCell::new(Vec::new()) };
}

/// Hands over a request the loader sent for `url` (absolute) before the engine was ready.
pub fn prime(url: String, answer: js_sys::Promise, controller: AbortController) {
    PRIMED.with(|primed| {
        let mut primed = primed.borrow_mut();
        primed.retain(|p| p.url != url);
        primed.push(Primed {
            url,
            answer,
            controller,
        });
    });
}

/// The loader's request for `url`, once: later requests for it go to the network.
fn take_primed(url: &str) -> Option<Primed> {
    PRIMED.with(|primed| {
        let mut primed = primed.borrow_mut();
        let at = primed.iter().position(|p| p.url == url)?;
        Some(primed.swap_remove(at))
    })
}

/// The widget's default fetcher: a GET asking for JSON; any 2xx answer's text is the
/// document. A request still unanswered after `timeout` is aborted.
pub fn http_fetcher(timeout: Duration) -> Fetcher {
    Fetcher::new(move |url, cancel: Cancel| {
        let url = url.to_owned();
        Box::pin(async move {
            let primed = take_primed(&url);
            let controller = match &primed {
                Some(primed) => Some(primed.controller.clone()),
                None => AbortController::new().ok(),
            };
            if let Some(controller) = controller.clone() {
                cancel.on_cancel(move || controller.abort());
            }
            let timed_out = Rc::new(Cell::new(false));
            // Dropped (and so cleared) when this request settles.
            let _timer = controller.clone().map(|controller| {
                let timed_out = timed_out.clone();
                let millis = u32::try_from(timeout.as_millis()).unwrap_or(u32::MAX);
                Timeout::new(millis, move || {
                    timed_out.set(true);
                    controller.abort();
                })
            });
            let failed = |error: JsValue| {
                if timed_out.get() {
                    FetchError::Timeout
                } else {
                    FetchError::Network(reason(&error))
                }
            };
            let answer = match primed {
                Some(primed) => primed_answer(primed.answer).await,
                None => fetch_answer(&url, controller.as_ref()).await,
            }
            .map_err(failed)?;
            if !(200..300).contains(&answer.status) {
                return Err(FetchError::Status(answer.status));
            }
            Ok(answer.text)
        })
    })
}

/// A response as far as the widget needs it: its status, and its text when it is a 2xx.
struct Answer {
    status: u16,
    text: String,
}

/// Sends the GET and reads the answer.
async fn fetch_answer(url: &str, controller: Option<&AbortController>) -> Result<Answer, JsValue> {
    let response = get_json(url, controller).await?;
    let text = if response.ok() {
        JsFuture::from(response.text()?).await?.as_string()
    } else {
        None
    };
    Ok(Answer {
        status: response.status(),
        text: text.unwrap_or_default(),
    })
}

/// The loader's answer: a `{status, text}` object, read in JavaScript as soon as it arrived.
async fn primed_answer(answer: js_sys::Promise) -> Result<Answer, JsValue> {
    let answer = JsFuture::from(answer).await?;
    let field = |name: &str| js_sys::Reflect::get(&answer, &JsValue::from_str(name));
    Ok(Answer {
        status: field("status")?.as_f64().map_or(0, |status| status as u16),
        text: field("text")?.as_string().unwrap_or_default(),
    })
}

/// Sends the GET and waits for the response's headers.
async fn get_json(url: &str, controller: Option<&AbortController>) -> Result<Response, JsValue> {
    let headers = Headers::new()?;
    headers.set("Accept", "application/json")?;
    let init = RequestInit::new();
    init.set_headers(&headers);
    if let Some(controller) = controller {
        init.set_signal(Some(&controller.signal()));
    }
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await?
        .dyn_into::<Response>()
}

/// What went wrong, in the browser's words (`Failed to fetch`, `The user aborted a request`).
fn reason(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the request failed".to_owned())
}
