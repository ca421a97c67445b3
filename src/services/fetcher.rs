//! How components get documents: an injectable function from URL to text.
//!
//! The widget uses HTTP ([`super::http`]); tests hand in stubs that answer from memory or fail
//! on purpose, so every state can be shown without a server.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use crate::formats::FormatError;
use crate::i18n::Labels;

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

/// A function from a URL to the document's text, shared by the components that load data.
#[derive(Clone)]
pub struct Fetcher(Rc<FetchFn>);

/// The function behind a [`Fetcher`]; the flag says whether a cached answer may be used.
type FetchFn = dyn Fn(&str, Cancel, bool) -> FetchFuture;

impl Fetcher {
    pub fn new(fetch: impl Fn(&str, Cancel) -> FetchFuture + 'static) -> Self {
        Fetcher(Rc::new(move |url, cancel, _| fetch(url, cancel)))
    }

    /// The document at `url`, from the cache if there is one.
    pub fn fetch(&self, url: &str, cancel: Cancel) -> FetchFuture {
        (self.0)(url, cancel, true)
    }

    /// The document at `url` from the network, never from the cache: what "try again" means.
    pub fn fetch_fresh(&self, url: &str, cancel: Cancel) -> FetchFuture {
        (self.0)(url, cancel, false)
    }

    /// This fetcher with the last `capacity` documents kept in memory, so going back to an
    /// article (or opening a prefetched one) needs no request.
    pub fn cached(self, capacity: usize) -> Fetcher {
        // Most recently used last: (url, text).
        let cache: Rc<RefCell<VecDeque<(String, String)>>> = Rc::default();
        Fetcher(Rc::new(move |url: &str, cancel, reuse| {
            let hit = if reuse {
                let mut cache = cache.borrow_mut();
                let found = cache.iter().position(|(u, _)| u == url);
                found
                    .and_then(|at| cache.remove(at))
                    .inspect(|entry| cache.push_back(entry.clone()))
            } else {
                None
            };
            if let Some((_, text)) = hit {
                return Box::pin(async move { Ok(text) });
            }
            let pending = (self.0)(url, cancel, reuse);
            let cache = cache.clone();
            let url = url.to_owned();
            Box::pin(async move {
                let text = pending.await?;
                let mut cache = cache.borrow_mut();
                cache.retain(|(u, _)| *u != url);
                cache.push_back((url, text.clone()));
                while cache.len() > capacity {
                    cache.pop_front();
                }
                Ok(text)
            })
        }))
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

/// Why the widget has nothing to show: what the reader sees in the status message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The element was given no document to show (`src` missing or empty).
    MissingSource,
    Fetch(FetchError),
    Format(FormatError),
}

impl LoadError {
    /// A short machine-readable name for events: `config`, `network`, `timeout`, `http`,
    /// `not-json`, `format`.
    pub fn kind(&self) -> &'static str {
        match self {
            LoadError::MissingSource => "config",
            LoadError::Fetch(FetchError::Network(_)) => "network",
            LoadError::Fetch(FetchError::Status(_)) => "http",
            LoadError::Fetch(FetchError::Timeout) => "timeout",
            LoadError::Format(e) if e.is_not_json() => "not-json",
            LoadError::Format(_) => "format",
        }
    }

    /// The HTTP status, when the server answered with an error.
    pub fn status(&self) -> Option<u16> {
        match self {
            LoadError::Fetch(FetchError::Status(status)) => Some(*status),
            _ => None,
        }
    }

    /// What the publisher needs to fix, when it is their document: the format and the field.
    pub fn detail(&self) -> Option<String> {
        match self {
            LoadError::Format(e) => Some(e.to_string()),
            _ => None,
        }
    }

    /// A sentence for readers, in their language, without technical detail.
    pub fn message(&self, labels: &Labels) -> &'static str {
        match self {
            LoadError::MissingSource => labels.error_missing_source,
            LoadError::Fetch(FetchError::Status(404 | 410)) => labels.error_not_found,
            LoadError::Fetch(FetchError::Status(status)) if *status >= 500 => labels.error_server,
            LoadError::Fetch(FetchError::Status(_)) => labels.error_refused,
            LoadError::Fetch(FetchError::Network(_)) => labels.error_network,
            LoadError::Fetch(FetchError::Timeout) => labels.error_timeout,
            LoadError::Format(e) if e.is_not_json() => labels.error_not_json,
            LoadError::Format(_) => labels.error_format,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::MissingSource => f.write_str("no `src` was given"),
            LoadError::Fetch(e) => e.fmt(f),
            LoadError::Format(e) => e.fmt(f),
        }
    }
}

impl From<FetchError> for LoadError {
    fn from(e: FetchError) -> Self {
        LoadError::Fetch(e)
    }
}

impl From<FormatError> for LoadError {
    fn from(e: FormatError) -> Self {
        LoadError::Format(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn counting(calls: Rc<Cell<u32>>) -> Fetcher {
        Fetcher::new(move |url, _| {
            calls.set(calls.get() + 1);
            let text = format!("doc {url}");
            Box::pin(async move { Ok(text) })
        })
    }

    fn get(fetcher: &Fetcher, url: &str) -> FetchResult {
        futures::executor::block_on(fetcher.fetch(url, Cancel::default()))
    }

    #[test]
    fn the_cache_answers_repeats_and_forgets_the_oldest() {
        let calls = Rc::new(Cell::new(0));
        let fetcher = counting(calls.clone()).cached(2);
        assert_eq!(get(&fetcher, "/a"), Ok("doc /a".into()));
        assert_eq!(get(&fetcher, "/a"), Ok("doc /a".into()));
        assert_eq!(calls.get(), 1);
        get(&fetcher, "/b").unwrap();
        get(&fetcher, "/a").unwrap(); // /a is now the most recent
        get(&fetcher, "/c").unwrap(); // evicts /b
        assert_eq!(calls.get(), 3);
        get(&fetcher, "/a").unwrap();
        assert_eq!(calls.get(), 3);
        get(&fetcher, "/b").unwrap();
        assert_eq!(calls.get(), 4);
    }

    #[test]
    fn a_fresh_fetch_skips_the_cache_and_refreshes_it() {
        let calls = Rc::new(Cell::new(0));
        let fetcher = counting(calls.clone()).cached(2);
        get(&fetcher, "/a").unwrap();
        futures::executor::block_on(fetcher.fetch_fresh("/a", Cancel::default())).unwrap();
        assert_eq!(calls.get(), 2);
        get(&fetcher, "/a").unwrap();
        assert_eq!(calls.get(), 2);
    }

    #[test]
    fn failures_are_not_cached() {
        let calls = Rc::new(Cell::new(0));
        let inner_calls = calls.clone();
        let fetcher = Fetcher::new(move |_, _| {
            inner_calls.set(inner_calls.get() + 1);
            Box::pin(async { Err(FetchError::Status(500)) })
        })
        .cached(4);
        assert!(get(&fetcher, "/x").is_err());
        assert!(get(&fetcher, "/x").is_err());
        assert_eq!(calls.get(), 2);
    }

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
