//! How components get documents: an injectable function from URL to text.
//!
//! The widget asks the loader's document service (`services::http`); a Yew app hands in its
//! own; tests hand in stubs that answer from memory or fail on purpose, so every state can be
//! shown without a server.

use std::cell::RefCell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// The text of a fetched document, or why there is none.
pub type FetchResult = Result<String, FetchError>;

/// A pending fetch.
pub type FetchFuture = Pin<Box<dyn Future<Output = FetchResult>>>;

/// Why a document could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No response: offline, refused, blocked by CORS or CSP.
    Network(String),
    /// The server answered with a status other than 2xx.
    Status(u16),
    /// No answer within the time allowed.
    Timeout,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network(reason) => write!(f, "network error: {reason}"),
            FetchError::Status(status) => write!(f, "the server answered {status}"),
            FetchError::Timeout => f.write_str("no answer in time"),
        }
    }
}

/// Lets the widget stop a fetch it no longer needs (the reader moved on, the element left the
/// page); fetchers register what cancelling means for them (aborting the request).
#[derive(Clone, Default)]
pub struct Cancel(Rc<RefCell<CancelState>>);

#[derive(Default)]
struct CancelState {
    cancelled: bool,
    on_cancel: Vec<Box<dyn FnOnce()>>,
}

impl Cancel {
    /// Stops the fetch: runs what was registered, once.
    pub fn cancel(&self) {
        let callbacks = {
            let mut state = self.0.borrow_mut();
            state.cancelled = true;
            std::mem::take(&mut state.on_cancel)
        };
        for callback in callbacks {
            callback();
        }
    }

    /// Whether the fetch was stopped.
    pub fn is_cancelled(&self) -> bool {
        self.0.borrow().cancelled
    }

    /// Runs `callback` when cancelled (at once if already cancelled).
    pub fn on_cancel(&self, callback: impl FnOnce() + 'static) {
        if self.is_cancelled() {
            callback();
        } else {
            self.0.borrow_mut().on_cancel.push(Box::new(callback));
        }
    }
}

/// Whether a document kept from an earlier request may answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CachePolicy {
    /// A kept answer will do (opening, going back, prefetching).
    Reuse,
    /// Ask the server again: what "try again" means.
    Refresh,
}

/// A function from a URL to the document's text, shared by the components that load data.
#[derive(Clone)]
pub struct Fetcher(Rc<FetchFn>);

type FetchFn = dyn Fn(&str, Cancel, CachePolicy) -> FetchFuture;

impl Fetcher {
    /// A source of documents that keeps nothing (a test's stub), so it answers every request
    /// itself whatever the policy.
    pub fn new(fetch: impl Fn(&str, Cancel) -> FetchFuture + 'static) -> Self {
        Fetcher(Rc::new(move |url, cancel, _policy| fetch(url, cancel)))
    }

    /// The document at `url`.
    pub fn fetch(&self, url: &str, cancel: Cancel, policy: CachePolicy) -> FetchFuture {
        (self.0)(url, cancel, policy)
    }

    /// A source that keeps documents itself (the loader's document service), so the policy
    /// is its to follow.
    pub fn keeping(fetch: impl Fn(&str, Cancel, CachePolicy) -> FetchFuture + 'static) -> Self {
        Fetcher(Rc::new(fetch))
    }
}

impl PartialEq for Fetcher {
    /// Two fetchers are the same only if they are the same function value.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Fetcher")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn cancelling_runs_what_was_registered_once() {
        let cancel = Cancel::default();
        let ran = Rc::new(Cell::new(0));
        let counter = ran.clone();
        cancel.on_cancel(move || counter.set(counter.get() + 1));
        cancel.cancel();
        cancel.cancel();
        assert_eq!(ran.get(), 1);
        assert!(cancel.is_cancelled());
        let late = ran.clone();
        cancel.on_cancel(move || late.set(late.get() + 10));
        assert_eq!(ran.get(), 11, "registered after cancelling: runs at once");
    }
}
