//! Fetching documents over HTTP with the browser's `fetch`, each URL once at a time for the
//! whole page.
//!
//! `fetch` is called through web-sys directly: a GET with one header needs none of an HTTP
//! client's request building, and skipping it keeps the wasm smaller.
//!
//! A request in flight is shared by everyone who asks for the same URL meanwhile: hovering,
//! focusing and clicking a related post, an element whose `src` equals its `related-src`, two
//! elements with the same `src`, and the loader, which starts an element's requests while the
//! engine is still loading and hands them over ([`prime`]). Each asker has its own timeout; the
//! request is aborted only when no one is waiting for it any more.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response};

use super::fetcher::{Cancel, FetchError, FetchResult, Fetcher};

/// A response as far as the widget needs it: its status, and its text when it is a 2xx.
#[derive(Clone)]
struct Answer {
    status: u16,
    text: String,
}

type AnswerFuture = Pin<Box<dyn Future<Output = Result<Answer, JsValue>>>>;

/// One request in flight, and everyone waiting for it.
struct Shared {
    /// The request itself, polled by whichever waiter runs; `None` once it has settled.
    pending: Option<AnswerFuture>,
    /// Its outcome, once settled (a rejection as the browser's words).
    settled: Option<Result<Answer, String>>,
    wakers: Vec<Waker>,
    controller: AbortController,
    /// How many askers still want the answer; the last to give up aborts the request.
    waiting: usize,
}

thread_local! {
    /// Requests in flight, by absolute URL.
    static IN_FLIGHT: RefCell<HashMap<String, Rc<RefCell<Shared>>>> = RefCell::default();
}

/// Hands over a request the loader sent for `url` (absolute) before the engine was ready: its
/// answer (`{status, text}`, read in JavaScript as it arrived) and what aborts it.
pub fn prime(url: String, answer: js_sys::Promise, controller: AbortController) {
    let pending: AnswerFuture = Box::pin(async move {
        let answer = JsFuture::from(answer).await?;
        let field = |name: &str| js_sys::Reflect::get(&answer, &JsValue::from_str(name));
        Ok(Answer {
            status: field("status")?.as_f64().map_or(0, |status| status as u16),
            text: field("text")?.as_string().unwrap_or_default(),
        })
    });
    start(url, pending, controller);
}

/// Registers a request in flight for `url`.
fn start(url: String, pending: AnswerFuture, controller: AbortController) -> Rc<RefCell<Shared>> {
    let shared = Rc::new(RefCell::new(Shared {
        pending: Some(pending),
        settled: None,
        wakers: Vec::new(),
        controller,
        waiting: 0,
    }));
    IN_FLIGHT.with(|all| all.borrow_mut().insert(url, shared.clone()));
    shared
}

/// The request in flight for `url`, or a new one.
fn join(url: &str) -> Result<Rc<RefCell<Shared>>, JsValue> {
    if let Some(shared) = IN_FLIGHT.with(|all| all.borrow().get(url).cloned()) {
        return Ok(shared);
    }
    let controller = AbortController::new()?;
    let pending = Box::pin(fetch_answer(url.to_owned(), controller.signal()));
    Ok(start(url.to_owned(), pending, controller))
}

/// Takes `shared` out of the requests in flight, if it is still the one for `url`.
fn forget(url: &str, shared: &Rc<RefCell<Shared>>) {
    IN_FLIGHT.with(|all| {
        let mut all = all.borrow_mut();
        if all.get(url).is_some_and(|s| Rc::ptr_eq(s, shared)) {
            all.remove(url);
        }
    });
}

/// One asker's wait for a shared request: its answer, or a timeout of the asker's own.
struct Wait {
    url: String,
    shared: Rc<RefCell<Shared>>,
    timed_out: Rc<Cell<bool>>,
    waker: Rc<RefCell<Option<Waker>>>,
}

impl Future for Wait {
    type Output = Result<Answer, FetchError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if self.timed_out.get() {
            return Poll::Ready(Err(FetchError::Timeout));
        }
        *self.waker.borrow_mut() = Some(cx.waker().clone());
        let mut shared = self.shared.borrow_mut();
        if shared.settled.is_none() {
            let outcome = match shared.pending.as_mut() {
                Some(pending) => pending.as_mut().poll(cx),
                None => Poll::Pending,
            };
            match outcome {
                Poll::Ready(outcome) => {
                    shared.pending = None;
                    shared.settled = Some(outcome.map_err(|error| reason(&error)));
                    for waker in shared.wakers.drain(..) {
                        waker.wake();
                    }
                    // Later askers send a new request (or find the text in their cache).
                    forget(&self.url, &self.shared);
                }
                Poll::Pending => {
                    if !shared.wakers.iter().any(|w| w.will_wake(cx.waker())) {
                        shared.wakers.push(cx.waker().clone());
                    }
                    return Poll::Pending;
                }
            }
        }
        match shared.settled.clone() {
            Some(Ok(answer)) => Poll::Ready(Ok(answer)),
            Some(Err(reason)) => Poll::Ready(Err(FetchError::Network(reason))),
            None => Poll::Pending,
        }
    }
}

/// The widget's default fetcher: a GET asking for JSON; any 2xx answer's text is the
/// document. An asker still without an answer after the element's `timeout` (read at each
/// request, so a changed attribute applies to the next one) is told so.
pub fn http_fetcher(timeout: Rc<Cell<Duration>>) -> Fetcher {
    Fetcher::new(move |url, cancel: Cancel| {
        let url = url.to_owned();
        let timeout = timeout.get();
        Box::pin(async move { ask(url, cancel, timeout).await })
    })
}

async fn ask(url: String, cancel: Cancel, timeout: Duration) -> FetchResult {
    let shared = join(&url).map_err(|error| FetchError::Network(reason(&error)))?;
    shared.borrow_mut().waiting += 1;
    // Giving up (moving on, or the timeout) releases this asker's interest; the last one out
    // aborts the request, and whoever asks next starts a new one.
    let released = Rc::new(Cell::new(false));
    let release = {
        let (shared, released, url) = (shared.clone(), released.clone(), url.clone());
        move || {
            if released.replace(true) {
                return;
            }
            let abandoned = {
                let mut state = shared.borrow_mut();
                state.waiting -= 1;
                state.waiting == 0 && state.settled.is_none()
            };
            if abandoned {
                forget(&url, &shared);
                shared.borrow().controller.abort();
            }
        }
    };
    cancel.on_cancel(release.clone());
    let wait = Wait {
        url,
        shared,
        timed_out: Rc::default(),
        waker: Rc::default(),
    };
    // Dropped (and so cleared) when this asker is answered.
    let _timer = {
        let (timed_out, waker, release) =
            (wait.timed_out.clone(), wait.waker.clone(), release.clone());
        let millis = u32::try_from(timeout.as_millis()).unwrap_or(u32::MAX);
        Timeout::new(millis, move || {
            timed_out.set(true);
            release();
            if let Some(waker) = waker.borrow_mut().take() {
                waker.wake();
            }
        })
    };
    let answer = wait.await;
    release();
    let answer = answer?;
    if !(200..300).contains(&answer.status) {
        return Err(FetchError::Status(answer.status));
    }
    Ok(answer.text)
}

/// Sends the GET and reads the answer.
async fn fetch_answer(url: String, signal: web_sys::AbortSignal) -> Result<Answer, JsValue> {
    let headers = Headers::new()?;
    headers.set("Accept", "application/json")?;
    let init = RequestInit::new();
    init.set_headers(&headers);
    init.set_signal(Some(&signal));
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await?
        .dyn_into()?;
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

/// What went wrong, in the browser's words (`Failed to fetch`, `The user aborted a request`).
fn reason(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the request failed".to_owned())
}
