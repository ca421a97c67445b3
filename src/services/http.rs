//! Fetching documents over HTTP with the browser's `fetch` (through gloo-net). Requests are
//! aborted when they time out or when the widget no longer needs them.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo::net::http::Request;
use gloo::timers::callback::Timeout;
use web_sys::AbortController;

use super::fetcher::{Cancel, FetchError, Fetcher};

/// The widget's default fetcher: a GET asking for JSON; any 2xx answer's text is the
/// document. A request still unanswered after `timeout` is aborted.
pub fn http_fetcher(timeout: Duration) -> Fetcher {
    Fetcher::new(move |url, cancel: Cancel| {
        let url = url.to_owned();
        Box::pin(async move {
            let controller = AbortController::new().ok();
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
            let signal = controller.as_ref().map(AbortController::signal);
            let failed = |e: gloo::net::Error| {
                if timed_out.get() {
                    FetchError::Timeout
                } else {
                    FetchError::Network(e.to_string())
                }
            };
            let response = Request::get(&url)
                .header("Accept", "application/json")
                .abort_signal(signal.as_ref())
                .send()
                .await
                .map_err(failed)?;
            if !response.ok() {
                return Err(FetchError::Status(response.status()));
            }
            response.text().await.map_err(failed)
        })
    })
}
