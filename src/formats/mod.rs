//! Turning the JSON a source serves into the internal model.
//!
//! Each format is an adapter from a parsed document to [`Article`] / [`PostSummary`] values:
//! the native schema, JSON Feed 1.0/1.1, WordPress REST v2 and the Ghost Content API.
//! [`detect`] tells them apart for `format="auto"`. Errors say which format was expected and
//! what was wrong where, so the widget can show a useful message; no input makes them panic.

mod fields;
pub mod ghost;
pub mod json;
pub mod jsonfeed;
pub mod native;
mod plain_text;
pub mod wordpress;

use std::fmt;

use json::{FieldError, Json};

use crate::model::{Article, PostSummary};

/// The document formats the widget reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The widget's own schema (`docs/schema.md`).
    Native,
    /// JSON Feed 1.0 and 1.1.
    JsonFeed,
    /// The WordPress REST API (`/wp-json/wp/v2/posts`).
    WordPress,
    /// Ghost's Content API (`/ghost/api/content/posts/`).
    Ghost,
}

impl Format {
    /// Reads the `format` attribute: `native`, `jsonfeed`, `wordpress`, `ghost`; `None` for
    /// `auto` and anything unknown (detection then decides).
    pub fn from_attribute(value: &str) -> Option<Format> {
        match value.trim().to_ascii_lowercase().as_str() {
            "native" => Some(Format::Native),
            "jsonfeed" | "json-feed" => Some(Format::JsonFeed),
            "wordpress" | "wp" => Some(Format::WordPress),
            "ghost" => Some(Format::Ghost),
            _ => None,
        }
    }
}

/// Why a document could not be read as an article or a list of posts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// The format the document was read as, such as `"JSON Feed"`.
    pub format: &'static str,
    /// True when the text is not JSON at all (an HTML error page, a cut-off response).
    pub not_json: bool,
    /// What was wrong and where, such as `items[0].title: expected a string, found a number`.
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

    /// A field of the wrong type or missing, named by its path.
    pub fn field(format: &'static str, error: FieldError) -> Self {
        Self::invalid(format, error.to_string())
    }

    /// A text that is not JSON at all.
    fn syntax(error: json::SyntaxError) -> Self {
        FormatError {
            format: UNKNOWN,
            not_json: true,
            detail: error.0,
        }
    }

    /// Whether the text was not JSON at all (not a JSON document of the wrong shape).
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

/// The name errors use before a format is known.
const UNKNOWN: &str = "article";

/// Which format a document is, judged by the keys each format always has.
pub fn detect(document: &Json) -> Option<Format> {
    let is_wordpress_post = |v: &Json| {
        v.at(&["title", "rendered"]).is_some()
            && (v.at(&["content", "rendered"]).is_some()
                || v.at(&["excerpt", "rendered"]).is_some())
    };
    match document {
        Json::Object(_) => {
            if document.get_str("format") == Some(native::FORMAT_KEY) {
                Some(Format::Native)
            } else if document
                .get_str("version")
                .is_some_and(|v| crate::text::find(v, "jsonfeed.org/version/").is_some())
            {
                Some(Format::JsonFeed)
            } else if document.get("posts").and_then(Json::as_array).is_some() {
                Some(Format::Ghost)
            } else if is_wordpress_post(document) {
                Some(Format::WordPress)
            } else {
                None
            }
        }
        Json::Array(items) if items.first().is_some_and(is_wordpress_post) => {
            Some(Format::WordPress)
        }
        _ => None,
    }
}

fn parse_json(text: &str) -> Result<Json, FormatError> {
    json::parse(text).map_err(FormatError::syntax)
}

/// What a document that is none of the four formats is told: the shapes that are read.
const EXPECTED_SHAPES: &str = "expected one of: the native schema ({\"format\": \"article-reader\", \"version\": 1, …}), \
    a JSON Feed ({\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": […]}), \
    a WordPress REST post or collection ({\"title\": {\"rendered\": …}, \"content\": {\"rendered\": …}}, or a list of them), \
    or a Ghost Content API response ({\"posts\": […]})";

/// Whether a document is a GraphQL answer from WordPress (WPGraphQL): `{"data": …}` or a
/// query's own shape, `{"posts": {"nodes": […]}}`.
fn is_graphql(document: &Json) -> bool {
    document.get("data").is_some_and(Json::is_object)
        || document.at(&["posts", "nodes"]).is_some()
        || document
            .at(&["post", "content"])
            .is_some_and(|c| c.as_str().is_some())
}

fn choose(document: &Json, forced: Option<Format>) -> Result<Format, FormatError> {
    forced.or_else(|| detect(document)).ok_or_else(|| {
        let detail = if is_graphql(document) {
            "this is a GraphQL (WPGraphQL) response; the widget reads the WordPress REST API \
             (/wp-json/wp/v2/posts), not GraphQL"
                .to_owned()
        } else {
            format!("not an article document: {EXPECTED_SHAPES}")
        };
        FormatError::invalid(UNKNOWN, detail)
    })
}

/// Reads one article from a JSON document. `forced` skips detection (the `format` attribute);
/// `base` is the document's own URL, against which relative URLs in it are resolved.
pub fn parse_article(
    json: &str,
    forced: Option<Format>,
    base: Option<&str>,
) -> Result<Article, FormatError> {
    let document = parse_json(json)?;
    match choose(&document, forced)? {
        Format::Native => native::article(&document, base),
        Format::JsonFeed => jsonfeed::article(&document, base),
        Format::WordPress => wordpress::article(&document, base),
        Format::Ghost => ghost::article(&document, base),
    }
}

/// Reads a list of related posts from a JSON document (see [`parse_article`]).
pub fn parse_post_list(
    json: &str,
    forced: Option<Format>,
    base: Option<&str>,
) -> Result<Vec<PostSummary>, FormatError> {
    let document = parse_json(json)?;
    match choose(&document, forced)? {
        Format::Native => native::posts(&document, base),
        Format::JsonFeed => jsonfeed::posts(&document, base),
        Format::WordPress => wordpress::posts(&document, base),
        Format::Ghost => ghost::posts(&document, base),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_format_by_its_own_keys() {
        let cases = [
            (
                r#"{"format":"article-reader","version":1}"#,
                Some(Format::Native),
            ),
            (
                r#"{"version":"https://jsonfeed.org/version/1.1","items":[]}"#,
                Some(Format::JsonFeed),
            ),
            (
                r#"{"version":"https://jsonfeed.org/version/1","items":[]}"#,
                Some(Format::JsonFeed),
            ),
            (r#"{"posts":[]}"#, Some(Format::Ghost)),
            (
                r#"{"title":{"rendered":"t"},"content":{"rendered":""}}"#,
                Some(Format::WordPress),
            ),
            (
                r#"[{"title":{"rendered":"t"},"excerpt":{"rendered":""}}]"#,
                Some(Format::WordPress),
            ),
            (r#"{"@type":"NewsArticle"}"#, None),
            ("[]", None),
            ("null", None),
        ];
        for (json, expected) in cases {
            assert_eq!(detect(&json::parse(json).unwrap()), expected, "{json}");
        }
    }

    #[test]
    fn an_unknown_document_names_the_four_shapes_it_could_have_been() {
        let error = parse_article(r#"{"@type":"NewsArticle"}"#, None, None).unwrap_err();
        assert!(!error.is_not_json());
        let message = error.to_string();
        for shape in [
            "\"format\": \"article-reader\"",
            "https://jsonfeed.org/version/1.1",
            "{\"title\": {\"rendered\"",
            "{\"posts\": […]}",
        ] {
            assert!(message.contains(shape), "{message} should show {shape}");
        }
        assert!(!message.contains("unknown kind"), "{message}");
        let error = parse_article("<!doctype html><p>Not found</p>", None, None).unwrap_err();
        assert!(error.is_not_json());
    }

    #[test]
    fn a_wpgraphql_answer_is_told_that_rest_is_read_not_graphql() {
        for graphql in [
            r#"{"data":{"posts":{"nodes":[{"title":"T","content":"<p>x</p>"}]}}}"#,
            r#"{"posts":{"nodes":[{"title":"T"}]}}"#,
            r#"{"data":{"post":{"title":"T","content":"<p>x</p>"}}}"#,
        ] {
            let message = parse_article(graphql, None, None).unwrap_err().to_string();
            assert!(message.contains("GraphQL"), "{message}");
            assert!(message.contains("/wp-json/wp/v2/posts"), "{message}");
        }
    }

    #[test]
    fn invalid_json_keeps_its_line_and_column() {
        let error = parse_article("{\n  \"title\": \"x\",\n  oops\n}", None, None).unwrap_err();
        assert!(error.is_not_json());
        assert!(error.to_string().contains("line 3 column 3"), "{error}");
    }

    #[test]
    fn the_format_attribute_forces_an_adapter() {
        assert_eq!(
            Format::from_attribute(" WordPress "),
            Some(Format::WordPress)
        );
        assert_eq!(Format::from_attribute("auto"), None);
        let ghost = r#"{"posts":[{"title":"T"}]}"#;
        let forced = parse_article(ghost, Some(Format::JsonFeed), None).unwrap_err();
        assert_eq!(forced.format, jsonfeed::FORMAT);
    }
}
