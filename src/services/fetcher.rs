//! How components get documents: an injectable function from URL to text.
//!
//! The widget uses HTTP ([`super::http`]); tests hand in stubs that answer from memory or fail
//! on purpose, so every state can be shown without a server.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use crate::formats::FormatError;

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
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network(reason) => write!(f, "network error: {reason}"),
            FetchError::Status(status) => write!(f, "the server answered {status}"),
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
    /// A short machine-readable name for events: `network`, `http`, `not-json`, `format`.
    pub fn kind(&self) -> &'static str {
        match self {
            LoadError::MissingSource => "config",
            LoadError::Fetch(FetchError::Network(_)) => "network",
            LoadError::Fetch(FetchError::Status(_)) => "http",
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

    /// A sentence for readers, without technical detail.
    pub fn message(&self) -> String {
        match self {
            LoadError::MissingSource => {
                "There is no article to show: the reader has no source.".into()
            }
            LoadError::Fetch(FetchError::Status(404)) => "This article could not be found.".into(),
            LoadError::Fetch(FetchError::Status(status)) if *status >= 500 => {
                "The server had a problem sending this article.".into()
            }
            LoadError::Fetch(FetchError::Status(_)) => {
                "The server refused to send this article.".into()
            }
            LoadError::Fetch(FetchError::Network(_)) => {
                "The article could not be loaded. Check your connection.".into()
            }
            LoadError::Format(e) if e.is_not_json() => {
                "The article's data is not valid JSON.".into()
            }
            LoadError::Format(_) => {
                "The article's data is not in a format this reader understands.".into()
            }
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
