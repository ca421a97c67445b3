//! JSON Feed 1.1 and 1.0 (<https://www.jsonfeed.org/version/1.1/>): an item is an article, a
//! feed's items are a related list.
//!
//! Pitfalls handled: 1.1 `authors` over 1.0 `author`, feed-level authors for items without
//! their own; RFC 2822 dates as real feeds send them, and `date_modified` alone; items without
//! a title (micro posts); `content_text` with its line breaks; entities in "plain" titles;
//! items with no `id` (the URL stands in); protocol- and root-relative URLs.

use super::fields::{body, date, id, image, language, link, plain, title};
use super::json::{each, FieldError, Fields, Json};
use super::{plain_text, FormatError};
use crate::model::{Article, Author, PostSummary};

/// The name errors use for this format.
pub const FORMAT: &str = "JSON Feed";

/// What the feed gives every item: its language and its authors.
struct Feed<'a> {
    items: &'a [Json],
    language: Option<&'a str>,
    authors: Vec<FeedAuthor<'a>>,
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
        language: feed.text("language"),
        authors: read_authors(feed)?,
    })
}

/// The authors of a feed or an item: 1.1 `authors` (all of them) win over the deprecated 1.0
/// `author`.
fn read_authors(owner: Fields<'_>) -> Result<Vec<FeedAuthor<'_>>, FieldError> {
    let authors = owner.array("authors")?;
    if !authors.is_empty() {
        return each(authors, |_, author| read_author(author)).map_err(|e| e.inside("authors"));
    }
    match owner.get("author") {
        Some(author) => author
            .object()
            .and_then(read_author)
            .map(|author| vec![author])
            .map_err(|e| e.inside("author")),
        None => Ok(Vec::new()),
    }
}

fn read_author(author: Fields<'_>) -> Result<FeedAuthor<'_>, FieldError> {
    Ok(FeedAuthor {
        name: author.text("name"),
        url: author.text("url"),
        avatar: author.text("avatar"),
    })
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
        Ok(PostSummary::carrying(
            item_to_article(item, &feed, base, index)?,
            None,
        ))
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
    let external_url = item.text("external_url");
    let url = link(item.text("url"), base).or_else(|| link(external_url, base));
    let summary_text = item.text("summary");
    // Without content, the summary is the body.
    let body = body(
        item.text("content_html"),
        item.text("content_text"),
        url.as_deref().or(base),
    )
    .or_else(|| summary_text.map(plain_text::body))
    .unwrap_or_default();
    // Items without authors of their own are the feed's.
    let own_authors = read_authors(item)?;
    let authors = if own_authors.is_empty() {
        &feed.authors
    } else {
        &own_authors
    };
    let mut named = Vec::with_capacity(authors.len());
    for author in authors {
        if let Some(name) = plain(author.name) {
            named.push(Author {
                name,
                bio: None,
                avatar: image(author.avatar, base),
                url: link(author.url, base),
            });
        }
    }
    Ok(Article {
        id: id(item.get("id"))
            .or_else(|| url.clone())
            .unwrap_or_else(|| format!("item-{index}")),
        url,
        title: title(item.get("title")),
        category: item.array("tags")?.iter().find_map(|t| plain(t.as_str())),
        published: date(item.get("date_published")),
        modified: date(item.get("date_modified")),
        authors: named,
        summary: plain(summary_text),
        language: language(item.text("language")).or_else(|| language(feed.language)),
        reading_minutes: None,
        image: image(item.text("image").or(item.text("banner_image")), base),
        protected: false,
        body,
        ..Article::default()
    }
    .with_title_shown_once())
}
