use std::rc::Rc;

use yew::prelude::*;

use crate::components::{LoadError, MAX_DOCUMENT_BYTES};
use crate::formats::{Format, FormatError};
use crate::services::fetcher::{CachePolicy, Cancel, Fetcher};

/// A document to load: its absolute URL, how to read it, and which request this is (a new
/// number asks again for the same URL, as "try again" does).
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentRequest {
    /// Which request this is: a new number asks again.
    pub id: u64,
    /// The document's absolute URL.
    pub url: AttrValue,
    /// Whether a kept answer will do.
    pub policy: CachePolicy,
    /// A forced format; detected when `None`.
    pub format: Option<Format>,
}

/// How a document's text becomes a value: the format (forced or detected) and the document's
/// own URL, against which relative URLs in it resolve.
pub type Reader<T> = fn(&str, Option<Format>, Option<&str>) -> Result<T, FormatError>;

/// Loads the document `request` names and tells `on_settled` the result with the request's
/// id. A newer request, or leaving the page, aborts the older one, whose answer is never
/// told. `None` loads nothing.
#[hook]
pub fn use_document<T: 'static>(
    request: Option<DocumentRequest>,
    fetcher: Fetcher,
    read: Reader<T>,
    on_settled: Callback<(u64, Result<Rc<T>, LoadError>)>,
) {
    use_effect_with(request, move |request| {
        let cancel = Cancel::default();
        if let Some(request) = request.clone() {
            let cancel = cancel.clone();
            yew::platform::spawn_local(async move {
                let mut size = 0;
                let result = load(&fetcher, &request, read, cancel.clone(), &mut size).await;
                let settle: Box<dyn FnOnce()> = Box::new(move || {
                    if !cancel.is_cancelled() {
                        on_settled.emit((request.id, result));
                    }
                });
                // Reading a long document (its body is sanitized then) and showing it are
                // separate tasks, so the page paints and answers input between the two; a
                // short one is shown at once, in the frame it can make.
                if size > SEPARATE_TASKS_BYTES {
                    in_a_task_of_its_own(settle);
                } else {
                    settle();
                }
            });
        }
        move || cancel.cancel()
    });
}

/// The size of a document past which reading and showing it are separate tasks: 100 KB of HTML
/// take some 30 ms to sanitize here.
const SEPARATE_TASKS_BYTES: usize = 100_000;

/// Runs `then` in a new task (natively, now). Boxed: one copy for every kind of document.
fn in_a_task_of_its_own(then: Box<dyn FnOnce()>) {
    #[cfg(browser)]
    {
        use wasm_bindgen::JsCast;
        let callback = wasm_bindgen::closure::Closure::once_into_js(then);
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(callback.unchecked_ref());
        }
    }
    #[cfg(not(browser))]
    then();
}

async fn load<T>(
    fetcher: &Fetcher,
    request: &DocumentRequest,
    read: Reader<T>,
    cancel: Cancel,
    size: &mut usize,
) -> Result<Rc<T>, LoadError> {
    if request.url.is_empty() {
        return Err(LoadError::MissingSource);
    }
    let text = fetcher.fetch(&request.url, cancel, request.policy).await?;
    *size = text.len();
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(LoadError::TooLarge(text.len()));
    }
    Ok(Rc::new(read(&text, request.format, Some(&request.url))?))
}
