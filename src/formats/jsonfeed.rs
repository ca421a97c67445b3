//! JSON Feed 1.1 and 1.0 (<https://www.jsonfeed.org/version/1.1/>): an item is an article, a
//! feed's items are a related list.
//!
//! Pitfalls handled: 1.1 `authors` over 1.0 `author`, feed-level authors for items without
//! their own; RFC 2822 dates as real feeds send them; entities in "plain" titles; items with no
//! `id` (the URL stands in); protocol- and root-relative URLs.

use std::rc::Rc;

use super::fields::{date, id, image, link, plain};
use super::json::{each, FieldError, Fields, Json};
use super::FormatError;
use crate::model::{Article, Author, Body, Node, PostSummary, Tag, Timestamp};
use crate::sanitize::sanitize_html;

/// The name errors use for this format.
pub const FORMAT: &str = "JSON Feed";

/// What the feed gives every item: its language and its authors.
struct Feed<'a> {
    items: &'a [Json],
    language: Option<&'a str>,
    author: Option<FeedAuthor<'a>>,
}

#[derive(Clone, Copy)]
struct FeedAuthor<'a> {
    name: Option<&'a str>,
    url: Option<&'a str>,
    avatar: Option<&'a str>,
}

fn read_feed(value: &Json) -> Result<Feed<'_>, FieldError> {
    let feed = value.object()?;
    Ok(Feed {
        items: feed.array("items")?,
        language: feed.string("language")?,
        author: read_author(feed)?,
    })
}

/// The author of a feed or an item: 1.1 `authors` (the first) wins over the deprecated 1.0
/// `author`.
fn read_author(owner: Fields<'_>) -> Result<Option<FeedAuthor<'_>>, FieldError> {
    let (path, author) = match owner.array("authors")?.first() {
        Some(first) => ("authors[0]", Some(first)),
        None => ("author", owner.get("author")),
    };
    let Some(author) = author else {
        return Ok(None);
    };
    author
        .object()
        .and_then(|a| {
            Ok(FeedAuthor {
                name: a.string("name")?,
                url: a.string("url")?,
                avatar: a.string("avatar")?,
            })
        })
        .map(Some)
        .map_err(|e| e.inside(path))
}

/// The first item of a feed, as an article.
pub fn article(value: &Json, base: Option<&str>) -> Result<Article, FormatError> {
    let feed = read_feed(value).map_err(error)?;
    let first = feed
        .items
        .first()
        .ok_or_else(|| FormatError::invalid(FORMAT, "items: the feed has no items"))?;
    first
        .object()
        .and_then(|item| item_to_article(item, &feed, base, 0))
        .map_err(|e| error(e.inside("items[0]")))
}

/// Every item of a feed, as related posts carrying their whole article.
pub fn posts(value: &Json, base: Option<&str>) -> Result<Vec<PostSummary>, FormatError> {
    let feed = read_feed(value).map_err(error)?;
    each(feed.items, |index, item| {
        let article = item_to_article(item, &feed, base, index)?;
        Ok(PostSummary {
            id: article.id.clone(),
            title: article.title.clone(),
            url: article.url.clone(),
            src: None,
            summary: article
                .summary
                .clone()
                .or_else(|| first_words(&article.body)),
            published: article.published,
            article: Some(Rc::new(article)),
        })
    })
    .map_err(|e| error(e.inside("items")))
}

fn error(error: FieldError) -> FormatError {
    FormatError::field(FORMAT, error)
}

fn item_to_article(
    item: Fields<'_>,
    feed: &Feed<'_>,
    base: Option<&str>,
    index: usize,
) -> Result<Article, FieldError> {
    let external_url = item.string("external_url")?;
    let url = link(item.string("url")?, base).or_else(|| link(external_url, base));
    let summary_text = item.string("summary")?;
    let body = match (item.string("content_html")?, item.string("content_text")?) {
        (Some(html), _) => sanitize_html(html, url.as_deref().or(base)),
        (None, Some(text)) => text_to_body(text),
        (None, None) => summary_text.map(text_to_body).unwrap_or_default(),
    };
    let summary = plain(summary_text);
    let title = plain(item.string("title")?)
        .or_else(|| summary.clone())
        .or_else(|| first_words(&body))
        .unwrap_or_else(|| "Untitled".to_owned());
    // Items without authors of their own inherit the feed's.
    let author = read_author(item)?.or(feed.author).and_then(|a| {
        Some(Author {
            name: plain(a.name)?,
            bio: None,
            avatar: image(a.avatar, base),
            url: link(a.url, base),
        })
    });
    Ok(Article {
        id: id(item.get("id"))
            .or_else(|| url.clone())
            .unwrap_or_else(|| format!("item-{index}")),
        url,
        title,
        category: item.array("tags")?.iter().find_map(|t| plain(t.as_str())),
        published: date(item.string("date_published")?, Timestamp::parse_feed_date),
        author,
        summary,
        language: item
            .string("language")?
            .or(feed.language)
            .map(str::to_owned),
        reading_minutes: None,
        image: image(item.string("image")?.or(item.string("banner_image")?), base),
        protected: false,
        body,
    })
}

/// Plain text to paragraphs, one per blank-line-separated block.
fn text_to_body(text: &str) -> Body {
    Body::new(
        text.split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| Node::with_text(Tag::Paragraph, p))
            .collect(),
    )
}

/// The opening words of a body, for items that have no title or summary.
fn first_words(body: &Body) -> Option<String> {
    let text = body.text();
    let words: Vec<&str> = text.split_whitespace().take(30).collect();
    (!words.is_empty()).then(|| words.join(" "))
}
