//! The project's own schema, version 1 (documented in `docs/native-schema.md`).
//!
//! ```json
//! { "format": "article-reader", "version": 1, "article": { … }, "related": [ … ] }
//! ```
//!
//! A document carries an article, a list of related posts, or both. Bodies are blocks of plain
//! text (paragraphs, headings, quotes, lists), so nothing in this format is ever HTML.

use serde::Deserialize;
use serde_json::Value;

use super::fields::{image, link, plain, typed};
use super::FormatError;
use crate::model::{Article, Author, Body, Element, Node, PostSummary, Tag, Timestamp};

/// The name errors use for this format.
pub const FORMAT: &str = "article-reader v1";

/// The value of the document's `format` key.
pub const FORMAT_KEY: &str = "article-reader";

/// The newest schema version this build reads.
pub const VERSION: u32 = 1;

#[derive(Deserialize)]
struct Document {
    format: String,
    version: u32,
    article: Option<Value>,
    related: Option<Vec<Value>>,
}

#[derive(Deserialize)]
struct NativeArticle {
    id: Option<String>,
    url: Option<String>,
    title: String,
    category: Option<String>,
    published: Option<String>,
    language: Option<String>,
    reading_minutes: Option<u32>,
    summary: Option<String>,
    image: Option<String>,
    author: Option<NativeAuthor>,
    #[serde(default)]
    body: Vec<Block>,
}

#[derive(Deserialize)]
struct NativeAuthor {
    name: String,
    bio: Option<String>,
    avatar: Option<String>,
    url: Option<String>,
}

#[derive(Deserialize)]
struct NativePost {
    id: Option<String>,
    title: String,
    url: Option<String>,
    src: Option<String>,
    summary: Option<String>,
    published: Option<String>,
}

/// One block of a native body.
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Block {
    Paragraph {
        text: String,
    },
    Heading {
        text: String,
        #[serde(default = "default_heading_level")]
        level: u8,
    },
    Quote {
        /// One string per paragraph of the quotation.
        paragraphs: Vec<String>,
    },
    List {
        items: Vec<String>,
        #[serde(default)]
        ordered: bool,
    },
    Code {
        text: String,
    },
}

fn default_heading_level() -> u8 {
    2
}

fn error(detail: impl Into<String>) -> FormatError {
    FormatError::invalid(FORMAT, detail)
}

fn read_document(value: &Value) -> Result<Document, FormatError> {
    let document: Document = typed(FORMAT, value)?;
    if document.format != FORMAT_KEY {
        return Err(error(format!(
            "`format` is {:?}, expected {FORMAT_KEY:?}",
            document.format
        )));
    }
    if document.version == 0 || document.version > VERSION {
        return Err(error(format!(
            "`version` {} is not supported (this build reads 1 to {VERSION})",
            document.version
        )));
    }
    Ok(document)
}

/// Reads the `article` of a native document; relative URLs resolve against `base`.
pub fn article(value: &Value, base: Option<&str>) -> Result<Article, FormatError> {
    let article = read_document(value)?
        .article
        .ok_or_else(|| error("the document has no `article`"))?;
    let article: NativeArticle = typed(FORMAT, &article).map_err(|e| at(e, "article"))?;
    let published = parse_date(article.published.as_deref(), "article.published")?;
    let url = link(article.url.as_deref(), base);
    let id = article
        .id
        .or_else(|| url.clone())
        .unwrap_or_else(|| article.title.clone());
    Ok(Article {
        id,
        url,
        title: plain(Some(&article.title)).unwrap_or(article.title),
        category: plain(article.category.as_deref()),
        published,
        author: article.author.map(|a| Author {
            name: plain(Some(&a.name)).unwrap_or(a.name),
            bio: plain(a.bio.as_deref()),
            avatar: image(a.avatar.as_deref(), base),
            url: link(a.url.as_deref(), base),
        }),
        summary: plain(article.summary.as_deref()),
        language: article.language,
        reading_minutes: article.reading_minutes.filter(|&m| m > 0),
        image: image(article.image.as_deref(), base),
        protected: false,
        body: Body::new(article.body.into_iter().map(block_to_node).collect()),
    })
}

/// Reads the `related` list of a native document; relative URLs resolve against `base`.
pub fn posts(value: &Value, base: Option<&str>) -> Result<Vec<PostSummary>, FormatError> {
    let posts = read_document(value)?
        .related
        .ok_or_else(|| error("the document has no `related` list"))?;
    posts
        .into_iter()
        .enumerate()
        .map(|(index, post)| {
            let post: NativePost =
                typed(FORMAT, &post).map_err(|e| at(e, &format!("related[{index}]")))?;
            let published = parse_date(
                post.published.as_deref(),
                &format!("related[{index}].published"),
            )?;
            let src = link(post.src.as_deref(), base);
            let url = link(post.url.as_deref(), base);
            let id = post
                .id
                .or_else(|| src.clone())
                .or_else(|| url.clone())
                .unwrap_or_else(|| format!("related-{index}"));
            Ok(PostSummary {
                id,
                title: plain(Some(&post.title)).unwrap_or(post.title),
                url,
                src,
                summary: plain(post.summary.as_deref()),
                published,
                article: None,
            })
        })
        .collect()
}

/// Says where in the document an error is.
fn at(mut error: FormatError, path: &str) -> FormatError {
    error.detail = format!("{path}: {}", error.detail);
    error
}

fn parse_date(value: Option<&str>, field: &str) -> Result<Option<Timestamp>, FormatError> {
    value
        .map(|s| Timestamp::parse_rfc3339(s).map_err(|e| error(format!("`{field}`: {e}"))))
        .transpose()
}

fn block_to_node(block: Block) -> Node {
    match block {
        Block::Paragraph { text } => Node::with_text(Tag::Paragraph, text),
        Block::Heading { text, level } => {
            let tag = match level {
                0..=2 => Tag::Heading2,
                3 => Tag::Heading3,
                _ => Tag::Heading4,
            };
            Node::with_text(tag, text)
        }
        Block::Quote { paragraphs } => Node::Element(Element::new(
            Tag::Blockquote,
            paragraphs
                .into_iter()
                .map(|p| Node::with_text(Tag::Paragraph, p))
                .collect(),
        )),
        Block::List { items, ordered } => Node::Element(Element::new(
            if ordered {
                Tag::OrderedList
            } else {
                Tag::UnorderedList
            },
            items
                .into_iter()
                .map(|item| Node::with_text(Tag::ListItem, item))
                .collect(),
        )),
        Block::Code { text } => Node::Element(Element::new(
            Tag::Preformatted,
            vec![Node::with_text(Tag::Code, text)],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_article(json: &str) -> Result<Article, FormatError> {
        super::super::parse_article(json, Some(super::super::Format::Native), None)
    }

    fn parse_post_list(json: &str) -> Result<Vec<PostSummary>, FormatError> {
        super::super::parse_post_list(json, Some(super::super::Format::Native), None)
    }

    const MINIMAL: &str = r#"{"format":"article-reader","version":1,
        "article":{"title":"Hello","body":[{"type":"paragraph","text":"Hi."}]}}"#;

    #[test]
    fn a_minimal_article_needs_only_a_title() {
        let article = parse_article(MINIMAL).unwrap();
        assert_eq!(article.title, "Hello");
        assert_eq!(article.id, "Hello");
        assert_eq!(article.author, None);
        assert_eq!(article.body.text(), "Hi.\n");
    }

    #[test]
    fn blocks_become_allowlisted_elements() {
        let json = r#"{"format":"article-reader","version":1,"article":{"title":"T","body":[
            {"type":"heading","text":"H","level":1},
            {"type":"heading","text":"H3","level":3},
            {"type":"quote","paragraphs":["a","b"]},
            {"type":"list","items":["x"],"ordered":true},
            {"type":"code","text":"<script>"}]}}"#;
        let nodes = parse_article(json).unwrap().body.nodes;
        let tags: Vec<Tag> = nodes
            .iter()
            .map(|n| match n {
                Node::Element(e) => e.tag,
                other => panic!("unexpected top-level node {other:?}"),
            })
            .collect();
        assert_eq!(
            tags,
            [
                Tag::Heading2,
                Tag::Heading3,
                Tag::Blockquote,
                Tag::OrderedList,
                Tag::Preformatted
            ]
        );
        // Markup-looking text stays text.
        assert_eq!(
            nodes[4],
            Node::Element(Element::new(
                Tag::Preformatted,
                vec![Node::with_text(Tag::Code, "<script>")]
            ))
        );
    }

    #[test]
    fn text_that_is_not_json_is_told_apart_from_a_wrong_shape() {
        assert!(parse_article("<!doctype html>").unwrap_err().is_not_json());
        assert!(parse_article(r#"{"format":"article-re"#)
            .unwrap_err()
            .is_not_json());
        assert!(!parse_article("[]").unwrap_err().is_not_json());
        assert!(!parse_article(r#"{"format":"x","version":1}"#)
            .unwrap_err()
            .is_not_json());
    }

    #[test]
    fn plain_fields_decode_entities_once_like_every_format() {
        let json = r#"{"format":"article-reader","version":1,"article":{"title":"Gin &amp; Juice &amp;amp;"}}"#;
        assert_eq!(parse_article(json).unwrap().title, "Gin & Juice &amp;");
    }

    #[test]
    fn relative_urls_resolve_against_the_document() {
        let json = r#"{"format":"article-reader","version":1,"related":[{"title":"A","src":"a.json","url":"/a/"}]}"#;
        let posts = super::super::parse_post_list(
            json,
            None,
            Some("https://example.com/posts/recent.json"),
        )
        .unwrap();
        assert_eq!(
            posts[0].src.as_deref(),
            Some("https://example.com/posts/a.json")
        );
        assert_eq!(posts[0].url.as_deref(), Some("https://example.com/a/"));
    }

    #[test]
    fn unknown_keys_are_ignored() {
        let json = r#"{"format":"article-reader","version":1,"extra":[1],
            "article":{"title":"T","whatever":{"a":null}}}"#;
        assert_eq!(parse_article(json).unwrap().title, "T");
    }

    #[test]
    fn errors_name_the_format_and_what_is_wrong() {
        let cases = [
            ("<html>", "expected value"),
            ("42", "invalid type: integer"),
            (r#"{"format":"rss","version":1}"#, "`format` is \"rss\""),
            (
                r#"{"format":"article-reader","version":2}"#,
                "`version` 2 is not supported",
            ),
            (
                r#"{"format":"article-reader","version":1}"#,
                "has no `article`",
            ),
            (
                r#"{"format":"article-reader","version":1,"article":{}}"#,
                "article: missing field `title`",
            ),
            (
                r#"{"format":"article-reader","version":1,"article":{"title":"T","published":"soon"}}"#,
                "`article.published`",
            ),
            (
                r#"{"format":"article-reader","version":1,"article":{"title":"T","body":[{"type":"video"}]}}"#,
                "article: unknown variant `video`",
            ),
        ];
        for (json, expected) in cases {
            let err = parse_article(json).unwrap_err();
            assert!(err.is_not_json() || err.format == FORMAT, "{err:?}");
            assert!(
                err.to_string().contains(expected),
                "{json}: {err} should mention {expected:?}"
            );
        }
    }

    #[test]
    fn related_posts_fall_back_to_src_or_url_for_their_id() {
        let json = r#"{"format":"article-reader","version":1,"related":[
            {"title":"A","src":"/a.json","published":"2023-10-02T09:00:00Z"},
            {"title":"B","url":"https://example.com/b"},
            {"title":"C"}]}"#;
        let posts = parse_post_list(json).unwrap();
        let ids: Vec<&str> = posts.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["/a.json", "https://example.com/b", "related-2"]);
        assert_eq!(
            posts[0].published.map(Timestamp::to_rfc3339).as_deref(),
            Some("2023-10-02T09:00:00Z")
        );
        assert!(parse_post_list(MINIMAL)
            .unwrap_err()
            .to_string()
            .contains("no `related`"));
    }
}
