//! What the reader shows instead of an article: loading, or why it could not load, in words a
//! reader understands, with a way to try again.
//!
//! Plain functions rather than components: they have no state of their own, and each
//! component costs the wasm its own copy of Yew's lifecycle code.

use std::fmt;

use yew::prelude::*;

use crate::formats::FormatError;
use crate::i18n::Labels;
use crate::services::fetcher::FetchError;

/// Why the widget has nothing to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The element was given no document to show (`src` missing or empty).
    MissingSource,
    /// The document could not be fetched.
    Fetch(FetchError),
    /// The document is not one the widget reads.
    Format(FormatError),
    /// A document over [`MAX_DOCUMENT_BYTES`], refused before it is read.
    TooLarge(usize),
}

/// The largest document the widget reads: past it, reading and showing it could hold the
/// page for seconds. Article lists with whole posts (`_embed`, `include=`) of a few dozen
/// posts stay well under it.
pub const MAX_DOCUMENT_BYTES: usize = 2_000_000;

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
            LoadError::TooLarge(_) => "too-large",
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
            LoadError::Format(_) | LoadError::TooLarge(_) => Some(self.to_string()),
            _ => None,
        }
    }

    /// A sentence for readers, in their language, without technical detail.
    pub fn message(&self, labels: &Labels) -> &'static str {
        match self {
            LoadError::MissingSource => labels.error_missing_source(),
            LoadError::Fetch(FetchError::Status(404 | 410)) => labels.error_not_found(),
            LoadError::Fetch(FetchError::Status(status)) if *status >= 500 => labels.error_server(),
            LoadError::Fetch(FetchError::Status(_)) => labels.error_refused(),
            LoadError::Fetch(FetchError::Network(_)) => labels.error_network(),
            LoadError::Fetch(FetchError::Timeout) => labels.error_timeout(),
            LoadError::Format(e) if e.is_not_json() => labels.error_not_json(),
            LoadError::Format(_) => labels.error_format(),
            LoadError::TooLarge(_) => labels.error_too_large(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::MissingSource => f.write_str("no `src` was given"),
            LoadError::Fetch(e) => e.fmt(f),
            LoadError::Format(e) => e.fmt(f),
            LoadError::TooLarge(bytes) => write!(
                f,
                "the document is {bytes} bytes; documents of up to {MAX_DOCUMENT_BYTES} bytes are read"
            ),
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

/// A placeholder with the article's shape while it loads, announced as busy.
pub fn loading_status(labels: Labels) -> Html {
    html! {
        <div part="status" class="status status--loading" role="status" aria-busy="true">
            <span class="visually-hidden">{ labels.loading() }</span>
            <span class="skeleton skeleton--title" aria-hidden="true"></span>
            <span class="skeleton skeleton--line" aria-hidden="true"></span>
            <span class="skeleton skeleton--line" aria-hidden="true"></span>
            <span class="skeleton skeleton--line skeleton--short" aria-hidden="true"></span>
        </div>
    }
}

/// What went wrong and a way to try again. For a document the widget cannot read, the
/// publisher also sees which field is wrong, and where.
pub fn error_status(error: &LoadError, on_retry: &Callback<()>, labels: Labels) -> Html {
    let on_click = on_retry.reform(|_: MouseEvent| ());
    html! {
        <div part="status" class="status status--error" role="alert">
            <p class="status__message">{ error.message(&labels) }</p>
            if let Some(detail) = error.detail() {
                <p class="status__detail"><code>{ detail }</code></p>
            }
            <button part="retry" class="status__retry" type="button" onclick={on_click}>
                { labels.retry() }
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;

    #[test]
    fn each_failure_has_a_kind_for_events_and_words_for_readers() {
        let cases = [
            (
                LoadError::MissingSource,
                "config",
                EN.error_missing_source(),
            ),
            (
                LoadError::Fetch(FetchError::Status(404)),
                "http",
                EN.error_not_found(),
            ),
            (
                LoadError::Fetch(FetchError::Status(503)),
                "http",
                EN.error_server(),
            ),
            (
                LoadError::Fetch(FetchError::Status(403)),
                "http",
                EN.error_refused(),
            ),
            (
                LoadError::Fetch(FetchError::Timeout),
                "timeout",
                EN.error_timeout(),
            ),
            (
                LoadError::Fetch(FetchError::Network("offline".into())),
                "network",
                EN.error_network(),
            ),
        ];
        for (error, kind, message) in cases {
            assert_eq!(error.kind(), kind, "{error}");
            assert_eq!(error.message(&EN), message, "{error}");
            assert_eq!(error.detail(), None);
        }
        assert_eq!(
            LoadError::Fetch(FetchError::Status(503)).status(),
            Some(503)
        );
        let format = LoadError::Format(FormatError::invalid("JSON Feed", "items: missing"));
        assert_eq!(format.kind(), "format");
        assert_eq!(
            format.detail().as_deref(),
            Some("not a valid JSON Feed document: items: missing")
        );
    }
}
