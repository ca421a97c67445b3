//! How components get documents: an injectable function from URL to text.
//!
//! The widget uses HTTP ([`super::http`]); tests hand in stubs that answer from memory or fail
//! on purpose, so every state can be shown without a server.

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

/// A function from a URL to the document's text, shared by the components that load data.
#[derive(Clone)]
pub struct Fetcher(Rc<dyn Fn(&str) -> FetchFuture>);

impl Fetcher {
    pub fn new(fetch: impl Fn(&str) -> FetchFuture + 'static) -> Self {
        Fetcher(Rc::new(fetch))
    }

    pub fn fetch(&self, url: &str) -> FetchFuture {
        (self.0)(url)
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
