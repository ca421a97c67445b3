//! WordPress REST API v2 `posts` (<https://developer.wordpress.org/rest-api/reference/posts/>),
//! one post or a collection, with or without `_embed`.
//!
//! Pitfalls handled: rendered titles and excerpts are HTML (entities decoded once, tags
//! stripped); `date_gmt` is UTC without a `Z` (`date` is site-local, used only as a fallback);
//! an embedded author may be an error object (`rest_user_invalid_id`) and `author: 0` means
//! none: both give no author card; "Uncategorized" is not a category; `meta` may be `{}` or
//! `[]`; password-protected content shows a notice.

use std::rc::Rc;

use serde::Deserialize;
use serde_json::Value;

use super::fields::{date, id, image, link, plain, string, typed};
use super::FormatError;
use crate::model::{Article, Author, Body, PostSummary, Timestamp};
use crate::sanitize::sanitize_html;

/// The name errors use for this format.
pub const FORMAT: &str = "WordPress REST";

#[derive(Deserialize)]
struct Post {
    id: Option<Value>,
    link: Option<String>,
    date: Option<String>,
    date_gmt: Option<String>,
    title: Option<Rendered>,
    content: Option<Rendered>,
    excerpt: Option<Rendered>,
    #[serde(rename = "_embedded")]
    embedded: Option<Embedded>,
    #[serde(rename = "_links")]
    links: Option<Links>,
}

#[derive(Deserialize)]
struct Rendered {
    rendered: Option<String>,
    #[serde(default)]
    protected: bool,
}

#[derive(Deserialize)]
struct Embedded {
    /// Users, or error objects where the user is not public.
    #[serde(default)]
    author: Vec<Value>,
    #[serde(rename = "wp:featuredmedia", default)]
    featured_media: Vec<Value>,
    /// One array per taxonomy: categories, tags, custom ones.
    #[serde(rename = "wp:term", default)]
    terms: Vec<Value>,
}

#[derive(Deserialize)]
struct Links {
    #[serde(rename = "self", default)]
    self_links: Vec<Value>,
}

/// One post: the document itself, or the first of a collection.
pub fn article(value: &Value, base: Option<&str>) -> Result<Article, FormatError> {
    let (post, path) = match value {
        Value::Array(posts) => (
            posts
                .first()
                .ok_or_else(|| FormatError::invalid(FORMAT, "the collection is empty"))?,
            "[0]",
        ),
        post => (post, ""),
    };
    let post: Post = typed(FORMAT, post).map_err(|e| at(e, path))?;
    Ok(post_to_article(post, base).0)
}

/// A collection of posts as related posts carrying their whole article (a single post
/// document is a list of one).
pub fn posts(value: &Value, base: Option<&str>) -> Result<Vec<PostSummary>, FormatError> {
    let items: Vec<&Value> = match value {
        Value::Array(posts) => posts.iter().collect(),
        post => vec![post],
    };
    items
        .into_iter()
        .enumerate()
        .map(|(index, raw)| {
            let post: Post = typed(FORMAT, raw).map_err(|e| at(e, &format!("[{index}]")))?;
            let (article, self_link) = post_to_article(post, base);
            Ok(PostSummary {
                id: article.id.clone(),
                title: article.title.clone(),
                url: article.url.clone(),
                src: self_link,
                summary: article.summary.clone(),
                published: article.published,
                article: Some(Rc::new(article)),
            })
        })
        .collect()
}

fn at(mut error: FormatError, path: &str) -> FormatError {
    if !path.is_empty() {
        error.detail = format!("{path}.{}", error.detail);
    }
    error
}

/// The article, and the post's own REST URL (`_links.self`).
fn post_to_article(post: Post, base: Option<&str>) -> (Article, Option<String>) {
    let url = link(post.link.as_deref(), base);
    let title = plain(post.title.as_ref().and_then(|t| t.rendered.as_deref()))
        .unwrap_or_else(|| "Untitled".to_owned());
    let protected = post.content.as_ref().is_some_and(|c| c.protected);
    let body = match (&post.content, protected) {
        (Some(content), false) => content
            .rendered
            .as_deref()
            .map(|html| sanitize_html(html, url.as_deref().or(base)))
            .unwrap_or_default(),
        _ => Body::default(),
    };
    let published = date(post.date_gmt.as_deref(), Timestamp::parse_naive_utc)
        .or_else(|| date(post.date.as_deref(), Timestamp::parse_naive_utc));
    let embedded = post.embedded.as_ref();
    let self_link = post
        .links
        .as_ref()
        .and_then(|l| l.self_links.first())
        .and_then(|l| link(string(l.get("href")), base));
    let article = Article {
        id: id(post.id.as_ref())
            .or_else(|| url.clone())
            .unwrap_or_else(|| title.clone()),
        url,
        title,
        category: embedded.and_then(category),
        published,
        author: embedded.and_then(|e| author(e, base)),
        summary: plain(post.excerpt.as_ref().and_then(|e| e.rendered.as_deref())),
        language: None,
        reading_minutes: None,
        image: embedded.and_then(|e| featured_image(e, base)),
        protected,
        body,
    };
    (article, self_link)
}

/// The embedded author, unless it is an error object or has no name.
fn author(embedded: &Embedded, base: Option<&str>) -> Option<Author> {
    let user = embedded.author.first()?;
    if user.get("code").is_some() {
        return None;
    }
    let avatar = user.get("avatar_urls").and_then(|urls| {
        ["96", "48", "24"]
            .iter()
            .find_map(|size| image(string(urls.get(*size)), base))
    });
    Some(Author {
        name: plain(string(user.get("name")))?,
        bio: plain(string(user.get("description"))),
        avatar,
        url: link(string(user.get("link")), base),
    })
}

/// The first category (by taxonomy, not position) other than "Uncategorized".
fn category(embedded: &Embedded) -> Option<String> {
    embedded
        .terms
        .iter()
        .filter_map(Value::as_array)
        .flatten()
        .filter(|term| string(term.get("taxonomy")) == Some("category"))
        .filter_map(|term| plain(string(term.get("name"))))
        .find(|name| !name.eq_ignore_ascii_case("uncategorized"))
}

/// The featured image at a reading size, falling back through smaller and original sizes.
fn featured_image(embedded: &Embedded, base: Option<&str>) -> Option<String> {
    let media = embedded.featured_media.first()?;
    if media.get("code").is_some() {
        return None;
    }
    let sizes = media.pointer("/media_details/sizes");
    ["large", "medium_large", "full", "medium"]
        .iter()
        .find_map(|size| {
            image(
                string(sizes.and_then(|s| s.pointer(&format!("/{size}/source_url")))),
                base,
            )
        })
        .or_else(|| image(string(media.get("source_url")), base))
}
