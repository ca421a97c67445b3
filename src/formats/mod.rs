//! Turning the JSON a source serves into the internal model.
//!
//! Each format is an adapter from a document to [`Article`] / [`PostSummary`] values; errors say
//! which format was expected and what was wrong, so the widget can show a useful message.

pub mod native;

use std::fmt;

use crate::model::{Article, PostSummary};

/// Why a document could not be read as an article or a list of posts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// The format the document was read as, such as `"article-reader v1"`.
    pub format: &'static str,
    /// True when the text is not JSON at all (an HTML error page, a cut-off response).
    pub not_json: bool,
    /// What was wrong and where, such as ``missing field `title` at line 3 column 5``.
    pub detail: String,
}

impl FormatError {
    /// A document that is JSON but not of the expected shape.
    pub fn invalid(format: &'static str, detail: impl Into<String>) -> Self {
        FormatError {
            format,
            not_json: false,
            detail: detail.into(),
        }
    }

    /// Classifies a `serde_json` error: syntax and truncation mean "not JSON".
    pub fn from_json(format: &'static str, error: &serde_json::Error) -> Self {
        use serde_json::error::Category;
        FormatError {
            format,
            not_json: matches!(error.classify(), Category::Syntax | Category::Eof),
            detail: error.to_string(),
        }
    }

    pub fn is_not_json(&self) -> bool {
        self.not_json
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.not_json {
            write!(f, "not JSON: {}", self.detail)
        } else {
            write!(f, "not a valid {} document: {}", self.format, self.detail)
        }
    }
}

impl std::error::Error for FormatError {}

/// Reads one article from a JSON document.
pub fn parse_article(json: &str) -> Result<Article, FormatError> {
    native::parse_article(json)
}

/// Reads a list of related posts from a JSON document.
pub fn parse_post_list(json: &str) -> Result<Vec<PostSummary>, FormatError> {
    native::parse_post_list(json)
}
