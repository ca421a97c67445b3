//! Ghost Content API `posts` (<https://ghost.org/docs/content-api/#posts>), requested with
//! `include=authors,tags`: `{"posts": [...]}`.
//!
//! Pitfalls handled: internal tags (`#…`, visibility `internal`) are never the category;
//! `bio`, `profile_image`, `feature_image` and `custom_excerpt` may be null; `reading_time` is
//! used only when above zero.

use std::rc::Rc;

use serde::Deserialize;
use serde_json::Value;

use super::fields::{date, id, image, link, plain, typed};
use super::FormatError;
use crate::model::{Article, Author, PostSummary, Timestamp};
use crate::sanitize::sanitize_html;

/// The name errors use for this format.
pub const FORMAT: &str = "Ghost Content API";

#[derive(Deserialize)]
struct Response {
    posts: Vec<Value>,
}

#[derive(Deserialize)]
struct Post {
    id: Option<Value>,
    url: Option<String>,
    title: Option<String>,
    html: Option<String>,
    custom_excerpt: Option<String>,
    excerpt: Option<String>,
    feature_image: Option<String>,
    published_at: Option<String>,
    reading_time: Option<f64>,
    primary_author: Option<GhostAuthor>,
    #[serde(default)]
    authors: Vec<GhostAuthor>,
    primary_tag: Option<GhostTag>,
    #[serde(default)]
    tags: Vec<GhostTag>,
}

#[derive(Deserialize)]
struct GhostAuthor {
    name: Option<String>,
    bio: Option<String>,
    profile_image: Option<String>,
    url: Option<String>,
}

#[derive(Deserialize)]
struct GhostTag {
    name: Option<String>,
    visibility: Option<String>,
}

impl GhostTag {
    /// Public tags only: internal ones (`#hash` names) organise the site, not the reader.
    fn public_name(&self) -> Option<String> {
        if self.visibility.as_deref() == Some("internal") {
            return None;
        }
        plain(self.name.as_deref()).filter(|name| !name.starts_with('#'))
    }
}

fn read_posts(value: &Value) -> Result<Vec<Value>, FormatError> {
    Ok(typed::<Response>(FORMAT, value)?.posts)
}

/// The first post of the response.
pub fn article(value: &Value, base: Option<&str>) -> Result<Article, FormatError> {
    let posts = read_posts(value)?;
    let first = posts
        .first()
        .ok_or_else(|| FormatError::invalid(FORMAT, "posts: the response has no posts"))?;
    let post: Post = typed(FORMAT, first).map_err(|e| at(e, 0))?;
    Ok(post_to_article(post, base))
}

/// Every post of the response, as related posts carrying their whole article.
pub fn posts(value: &Value, base: Option<&str>) -> Result<Vec<PostSummary>, FormatError> {
    read_posts(value)?
        .iter()
        .enumerate()
        .map(|(index, raw)| {
            let post: Post = typed(FORMAT, raw).map_err(|e| at(e, index))?;
            let article = post_to_article(post, base);
            Ok(PostSummary {
                id: article.id.clone(),
                title: article.title.clone(),
                url: article.url.clone(),
                src: None,
                summary: article.summary.clone(),
                published: article.published,
                article: Some(Rc::new(article)),
            })
        })
        .collect()
}

fn at(mut error: FormatError, index: usize) -> FormatError {
    error.detail = format!("posts[{index}].{}", error.detail);
    error
}

fn post_to_article(post: Post, base: Option<&str>) -> Article {
    let url = link(post.url.as_deref(), base);
    let title = plain(post.title.as_deref()).unwrap_or_else(|| "Untitled".to_owned());
    let author = post
        .primary_author
        .as_ref()
        .or(post.authors.first())
        .and_then(|a| {
            Some(Author {
                name: plain(a.name.as_deref())?,
                bio: plain(a.bio.as_deref()),
                avatar: image(a.profile_image.as_deref(), base),
                url: link(a.url.as_deref(), base),
            })
        });
    let category = post
        .primary_tag
        .as_ref()
        .and_then(GhostTag::public_name)
        .or_else(|| post.tags.iter().find_map(GhostTag::public_name));
    Article {
        id: id(post.id.as_ref())
            .or_else(|| url.clone())
            .unwrap_or_else(|| title.clone()),
        body: post
            .html
            .as_deref()
            .map(|html| sanitize_html(html, url.as_deref().or(base)))
            .unwrap_or_default(),
        url,
        title,
        category,
        published: date(post.published_at.as_deref(), Timestamp::parse_rfc3339),
        author,
        summary: plain(post.custom_excerpt.as_deref().or(post.excerpt.as_deref())),
        language: None,
        reading_minutes: post
            .reading_time
            .filter(|m| (1.0..10_000.0).contains(m))
            .map(|m| m.round() as u32),
        image: image(post.feature_image.as_deref(), base),
        protected: false,
    }
}
