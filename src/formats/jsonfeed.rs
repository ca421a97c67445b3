//! JSON Feed 1.1 and 1.0 (<https://www.jsonfeed.org/version/1.1/>): an item is an article, a
//! feed's items are a related list.
//!
//! Pitfalls handled: 1.1 `authors` over 1.0 `author`, feed-level authors for items without
//! their own; RFC 2822 dates as real feeds send them; entities in "plain" titles; items with no
//! `id` (the URL stands in); protocol- and root-relative URLs.

use std::rc::Rc;

use serde::Deserialize;
use serde_json::Value;

use super::fields::{date, id, image, link, plain, typed};
use super::FormatError;
use crate::model::{Article, Author, Body, Node, PostSummary, Tag, Timestamp};
use crate::sanitize::sanitize_html;

/// The name errors use for this format.
pub const FORMAT: &str = "JSON Feed";

#[derive(Deserialize)]
struct Feed {
    #[serde(default)]
    items: Vec<Value>,
    language: Option<String>,
    author: Option<FeedAuthor>,
    #[serde(default)]
    authors: Vec<FeedAuthor>,
}

#[derive(Deserialize, Clone)]
struct FeedAuthor {
    name: Option<String>,
    url: Option<String>,
    avatar: Option<String>,
}

#[derive(Deserialize)]
struct Item {
    id: Option<Value>,
    url: Option<String>,
    external_url: Option<String>,
    title: Option<String>,
    content_html: Option<String>,
    content_text: Option<String>,
    summary: Option<String>,
    image: Option<String>,
    banner_image: Option<String>,
    date_published: Option<String>,
    author: Option<FeedAuthor>,
    #[serde(default)]
    authors: Vec<FeedAuthor>,
    #[serde(default)]
    tags: Vec<Value>,
    language: Option<String>,
}

fn read_feed(value: &Value) -> Result<Feed, FormatError> {
    typed(FORMAT, value)
}

/// The first item of a feed, as an article.
pub fn article(value: &Value, base: Option<&str>) -> Result<Article, FormatError> {
    let feed = read_feed(value)?;
    let first = feed
        .items
        .first()
        .ok_or_else(|| FormatError::invalid(FORMAT, "items: the feed has no items"))?;
    let item: Item = typed(FORMAT, first).map_err(|e| in_item(e, 0))?;
    Ok(item_to_article(item, &feed, base, 0))
}

/// Every item of a feed, as related posts carrying their whole article.
pub fn posts(value: &Value, base: Option<&str>) -> Result<Vec<PostSummary>, FormatError> {
    let feed = read_feed(value)?;
    feed.items
        .iter()
        .enumerate()
        .map(|(index, raw)| {
            let item: Item = typed(FORMAT, raw).map_err(|e| in_item(e, index))?;
            let article = item_to_article(item, &feed, base, index);
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
        .collect()
}

fn in_item(mut error: FormatError, index: usize) -> FormatError {
    error.detail = format!("items[{index}].{}", error.detail);
    error
}

fn item_to_article(item: Item, feed: &Feed, base: Option<&str>, index: usize) -> Article {
    let url = link(item.url.as_deref(), base).or_else(|| link(item.external_url.as_deref(), base));
    let body = match (&item.content_html, &item.content_text) {
        (Some(html), _) => sanitize_html(html, url.as_deref().or(base)),
        (None, Some(text)) => text_to_body(text),
        (None, None) => item
            .summary
            .as_deref()
            .map(text_to_body)
            .unwrap_or_default(),
    };
    let summary = plain(item.summary.as_deref());
    let title = plain(item.title.as_deref())
        .or_else(|| summary.clone())
        .or_else(|| first_words(&body))
        .unwrap_or_else(|| "Untitled".to_owned());
    // 1.1 `authors` wins over the deprecated 1.0 `author`; items inherit the feed's.
    let author = item
        .authors
        .first()
        .or(item.author.as_ref())
        .or(feed.authors.first())
        .or(feed.author.as_ref())
        .and_then(|a| {
            Some(Author {
                name: plain(a.name.as_deref())?,
                bio: None,
                avatar: image(a.avatar.as_deref(), base),
                url: link(a.url.as_deref(), base),
            })
        });
    Article {
        id: id(item.id.as_ref())
            .or_else(|| url.clone())
            .unwrap_or_else(|| format!("item-{index}")),
        url,
        title,
        category: item.tags.iter().find_map(|t| plain(t.as_str())),
        published: date(item.date_published.as_deref(), Timestamp::parse_feed_date),
        author,
        summary,
        language: item.language.or_else(|| feed.language.clone()),
        reading_minutes: None,
        image: image(item.image.as_deref().or(item.banner_image.as_deref()), base),
        protected: false,
        body,
    }
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
