//! Documents over HTTP, through the loader's document service (`ask` in `article-reader.js`):
//! the page's one place that fetches documents. It shares a request in flight with everyone
//! who asks for the same URL meanwhile (the loader's early request, hover, focus and click,
//! other elements), keeps recent answers for going back and opening prefetched posts, and
//! gives each asker its own timeout. Written in JavaScript because it is plain promise work,
//! which costs the wasm far more bytes than the loader.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

use super::fetcher::{CachePolicy, Cancel, FetchError, FetchResult, Fetcher};

/// A fetcher asking `ask(url, refresh, timeoutMs, signal)`, with the element's `timeout`,
/// read at each request so that a changed attribute applies to the next one.
pub fn loader_fetcher(ask: js_sys::Function, timeout: Rc<Cell<Duration>>) -> Fetcher {
    Fetcher::keeping(move |url, cancel, policy| {
        let answer = request(&ask, url, &cancel, policy, timeout.get());
        Box::pin(async move { read(answer?.await).await })
    })
}

/// Starts the request; cancelling it aborts this asker's interest.
fn request(
    ask: &js_sys::Function,
    url: &str,
    cancel: &Cancel,
    policy: CachePolicy,
    timeout: Duration,
) -> Result<JsFuture, FetchError> {
    let controller = AbortController::new().map_err(|e| FetchError::Network(reason(&e)))?;
    let args = js_sys::Array::of4(
        &JsValue::from_str(url),
        &JsValue::from_bool(policy == CachePolicy::Refresh),
        &JsValue::from_f64(timeout.as_millis() as f64),
        &controller.signal(),
    );
    let promise = ask
        .apply(&JsValue::NULL, &args)
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
        .map_err(|e| FetchError::Network(reason(&e)))?;
    cancel.on_cancel(move || controller.abort());
    Ok(JsFuture::from(promise))
}

/// The answer `{status, text}` as the document's text, or why there is none.
async fn read(answer: Result<JsValue, JsValue>) -> FetchResult {
    let answer = answer.map_err(|error| match error.as_string().as_deref() {
        Some("timeout") => FetchError::Timeout,
        _ => FetchError::Network(reason(&error)),
    })?;
    let field = |name: &str| js_sys::Reflect::get(&answer, &JsValue::from_str(name)).ok();
    let status = field("status").and_then(|s| s.as_f64()).unwrap_or(0.0) as u16;
    if !(200..300).contains(&status) {
        return Err(FetchError::Status(status));
    }
    Ok(field("text")
        .and_then(|t| t.as_string())
        .unwrap_or_default())
}

/// What went wrong, in the browser's words (`Failed to fetch`).
fn reason(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the request failed".to_owned())
}
