//! The project's own schema, version 1 (documented in `docs/native-schema.md`).
//!
//! ```json
//! { "format": "article-reader", "version": 1, "article": { … }, "related": [ … ] }
//! ```
//!
//! A document carries an article, a list of related posts, or both. Bodies are blocks of plain
//! text (paragraphs, headings, quotes, lists), so nothing in this format is ever HTML.

use super::fields::{image, language, link, minutes, plain};
use super::json::{each, FieldError, Fields, Json};
use super::FormatError;
use crate::model::{Article, Author, Body, Element, Node, PostSummary, Tag, Timestamp};

/// The name errors use for this format.
pub const FORMAT: &str = "article-reader v1";

/// The value of the document's `format` key.
pub const FORMAT_KEY: &str = "article-reader";

/// The newest schema version this build reads.
pub const VERSION: i64 = 1;

fn error(error: FieldError) -> FormatError {
    FormatError::field(FORMAT, error)
}

/// The document, once its `format` and `version` say this build can read it.
fn read_document(value: &Json) -> Result<Fields<'_>, FormatError> {
    let document = value.object().map_err(error)?;
    let format = document.required_string("format").map_err(error)?;
    if format != FORMAT_KEY {
        return Err(FormatError::invalid(
            FORMAT,
            format!("`format` is \"{format}\", expected \"{FORMAT_KEY}\""),
        ));
    }
    match document.get("version").and_then(Json::as_integer) {
        Some(version) if (1..=VERSION).contains(&version) => Ok(document),
        Some(version) => Err(FormatError::invalid(
            FORMAT,
            format!("`version` {version} is not supported (this build reads 1 to {VERSION})"),
        )),
        None => Err(FormatError::invalid(
            FORMAT,
            "`version` must be a whole number",
        )),
    }
}

/// Reads the `article` of a native document; relative URLs resolve against `base`.
pub fn article(value: &Json, base: Option<&str>) -> Result<Article, FormatError> {
    let article = read_document(value)?
        .object("article")
        .map_err(error)?
        .ok_or_else(|| FormatError::invalid(FORMAT, "the document has no `article`"))?;
    read_article(article, base).map_err(|e| error(e.inside("article")))
}

fn read_article(article: Fields<'_>, base: Option<&str>) -> Result<Article, FieldError> {
    let url = link(article.string("url")?, base);
    let mut authors = Vec::new();
    if let Some(author) = article.object("author")? {
        authors.push(read_author(author, base).map_err(|e| e.inside("author"))?);
    }
    authors.extend(
        each(article.array("authors")?, |_, author| {
            read_author(author, base)
        })
        .map_err(|e| e.inside("authors"))?,
    );
    let body = Body::new(
        each(article.array("body")?, |_, block| read_block(block)).map_err(|e| e.inside("body"))?,
    );
    let title = plain(article.string("title")?);
    Ok(Article {
        id: article
            .string("id")?
            .map(str::to_owned)
            .or_else(|| url.clone())
            .or_else(|| title.clone())
            .unwrap_or_default(),
        url,
        title,
        category: plain(article.string("category")?),
        published: parse_date(article, "published")?,
        modified: parse_date(article, "updated")?,
        authors,
        summary: plain(article.string("summary")?),
        language: language(article.string("language")?),
        reading_minutes: minutes(article.number("reading_minutes")?),
        image: image(article.string("image")?, base),
        protected: false,
        body,
        ..Article::default()
    }
    .with_title_shown_once())
}

fn read_author(author: Fields<'_>, base: Option<&str>) -> Result<Author, FieldError> {
    let name = author.required_string("name")?;
    Ok(Author {
        name: plain(Some(name)).unwrap_or_else(|| name.to_owned()),
        bio: plain(author.string("bio")?),
        avatar: image(author.string("avatar")?, base),
        url: link(author.string("url")?, base),
    })
}

/// Reads the `related` list of a native document; relative URLs resolve against `base`.
pub fn posts(value: &Json, base: Option<&str>) -> Result<Vec<PostSummary>, FormatError> {
    let related = read_document(value)?
        .required_array("related")
        .map_err(error)?;
    each(related, |index, post| {
        let src = link(post.string("src")?, base);
        let url = link(post.string("url")?, base);
        Ok(PostSummary {
            id: post
                .string("id")?
                .map(str::to_owned)
                .or_else(|| src.clone())
                .or_else(|| url.clone())
                .unwrap_or_else(|| format!("related-{index}")),
            title: plain(post.string("title")?),
            url,
            src,
            summary: plain(post.string("summary")?),
            published: parse_date(post, "published")?,
            modified: parse_date(post, "updated")?,
            article: None,
        })
    })
    .map_err(|e| error(e.inside("related")))
}

/// A date the document states: unlike other formats' dates, a bad one is an error, since the
/// schema is ours and says RFC 3339.
fn parse_date(fields: Fields<'_>, key: &str) -> Result<Option<Timestamp>, FieldError> {
    fields
        .string(key)?
        .map(|s| Timestamp::parse_feed_date(s).map_err(|e| FieldError::new(key, e.to_string())))
        .transpose()
}

/// One block of a native body: a paragraph, heading, quote, list or code.
fn read_block(block: Fields<'_>) -> Result<Node, FieldError> {
    let paragraphs = |key: &str, tag: Tag| -> Result<Vec<Node>, FieldError> {
        let mut nodes = Vec::new();
        for (index, text) in block.array(key)?.iter().enumerate() {
            let text = text.as_str().ok_or_else(|| {
                FieldError::new(
                    format!("{key}[{index}]"),
                    format!("expected a string, found {}", text.kind()),
                )
            })?;
            nodes.push(Node::with_text(tag, text));
        }
        Ok(nodes)
    };
    Ok(match block.required_string("type")? {
        "paragraph" => Node::with_text(Tag::Paragraph, block.required_string("text")?),
        "heading" => {
            let tag = match block.number("level")?.unwrap_or(2.0) {
                level if level < 3.0 => Tag::Heading2,
                level if level < 4.0 => Tag::Heading3,
                _ => Tag::Heading4,
            };
            Node::with_text(tag, block.required_string("text")?)
        }
        "quote" => Node::Element(Element::new(
            Tag::Blockquote,
            paragraphs("paragraphs", Tag::Paragraph)?,
        )),
        "list" => Node::Element(Element::new(
            if block.bool("ordered")?.unwrap_or(false) {
                Tag::OrderedList
            } else {
                Tag::UnorderedList
            },
            paragraphs("items", Tag::ListItem)?,
        )),
        "code" => Node::Element(Element::new(
            Tag::Preformatted,
            vec![Node::with_text(Tag::Code, block.required_string("text")?)],
        )),
        other => {
            return Err(FieldError::new(
                "type",
                format!(
                "unknown block type \"{other}\", expected paragraph, heading, quote, list or code"
            ),
            ))
        }
    })
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
    fn a_minimal_article_needs_nothing_but_may_have_a_title() {
        let article = parse_article(MINIMAL).unwrap();
        assert_eq!(article.title.as_deref(), Some("Hello"));
        assert_eq!(article.id, "Hello");
        assert_eq!(article.authors, []);
        assert_eq!(article.body.text(), "Hi.\n");
        let untitled = parse_article(
            r#"{"format":"article-reader","version":1,"article":{"id":"n1",
            "body":[{"type":"paragraph","text":"A note without a title."}]}}"#,
        )
        .unwrap();
        assert_eq!(untitled.title, None);
        assert_eq!(untitled.name().as_deref(), Some("A note without a title."));
    }

    #[test]
    fn every_author_is_read_in_order() {
        let article = parse_article(
            r#"{"format":"article-reader","version":1,"article":{"title":"T",
            "author":{"name":"Ada"},"authors":[{"name":"Grace","url":"https://g.example/"}],
            "updated":"2024-01-02T00:00:00Z"}}"#,
        )
        .unwrap();
        let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Ada", "Grace"]);
        assert_eq!(article.published, None);
        assert!(article.dated().is_some_and(|d| d.updated));
    }

    #[test]
    fn blocks_become_allowlisted_elements() {
        let json = r#"{"format":"article-reader","version":1,"article":{"title":"T","body":[
            {"type":"heading","text":"H","level":1},
            {"type":"heading","text":"H3","level":3},
            {"type":"quote","paragraphs":["a","b"]},
            {"type":"list","items":["x"],"ordered":true},
            {"type":"code","text":"<script>"}]}}"#;
        let nodes = parse_article(json).unwrap().body.nodes().to_vec();
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
        assert_eq!(
            parse_article(json).unwrap().title.as_deref(),
            Some("Gin & Juice &amp;")
        );
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
        assert_eq!(parse_article(json).unwrap().title.as_deref(), Some("T"));
    }

    #[test]
    fn errors_name_the_format_and_what_is_wrong() {
        let cases = [
            ("<html>", "not JSON"),
            ("42", "expected an object, found a number"),
            (r#"{"format":"rss","version":1}"#, "`format` is \"rss\""),
            (
                r#"{"format":"article-reader","version":2}"#,
                "`version` 2 is not supported",
            ),
            (
                r#"{"format":"article-reader","version":"1"}"#,
                "`version` must be a whole number",
            ),
            (
                r#"{"format":"article-reader","version":1}"#,
                "has no `article`",
            ),
            (
                r#"{"format":"article-reader","version":1,"article":{"title":5}}"#,
                "article.title: expected a string, found a number",
            ),
            (
                r#"{"format":"article-reader","version":1,"article":{"title":"T","published":"soon"}}"#,
                "article.published: ",
            ),
            (
                r#"{"format":"article-reader","version":1,"article":{"title":"T","body":[{"type":"video"}]}}"#,
                "article.body[0].type: unknown block type \"video\"",
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
            .contains("related: missing"));
    }
}
