//! Ghost Content API `posts` (<https://ghost.org/docs/content-api/#posts>), requested with
//! `include=authors,tags`: `{"posts": [...]}`.
//!
//! Pitfalls handled: internal tags (`#…`, visibility `internal`) are never the category;
//! `bio`, `profile_image`, `feature_image` and `custom_excerpt` may be null; `reading_time` is
//! used only when above zero; every author of `authors` (Ghost 1.x: one `author` object);
//! `updated_at` when there is no `published_at`; responses trimmed with `fields=` carry no
//! `html`, so their posts link to their page.

use super::fields::{body, date, id, image, link, minutes, plain, title};
use super::json::{each, FieldError, Fields, Json};
use super::FormatError;
use crate::model::{Article, Author, PostSummary};

/// The name errors use for this format.
pub const FORMAT: &str = "Ghost Content API";

fn read_posts(value: &Json) -> Result<&[Json], FormatError> {
    value
        .object()
        .and_then(|response| response.required_array("posts"))
        .map_err(error)
}

/// The first post of the response.
pub fn article(value: &Json, base: Option<&str>) -> Result<Article, FormatError> {
    let first = read_posts(value)?
        .first()
        .ok_or_else(|| FormatError::invalid(FORMAT, "posts: the response has no posts"))?;
    first
        .object()
        .and_then(|post| post_to_article(post, base, 0))
        .map(|(article, _)| article)
        .map_err(|e| error(e.inside("posts[0]")))
}

/// Every post of the response, as related posts carrying their whole article.
pub fn posts(value: &Json, base: Option<&str>) -> Result<Vec<PostSummary>, FormatError> {
    each(read_posts(value)?, |index, post| {
        let (article, has_html) = post_to_article(post, base, index)?;
        Ok(if has_html {
            PostSummary::carrying(article, None)
        } else {
            PostSummary::without_body(article, None)
        })
    })
    .map_err(|e| error(e.inside("posts")))
}

fn error(error: FieldError) -> FormatError {
    FormatError::field(FORMAT, error)
}

/// An author with a name; Ghost sends `null` for whatever a profile leaves empty.
fn author(value: &Json, base: Option<&str>) -> Option<Author> {
    Some(Author {
        name: plain(value.get_str("name"))?,
        bio: plain(value.get_str("bio")),
        avatar: image(value.get_str("profile_image"), base),
        url: link(value.get_str("url"), base),
    })
}

/// Public tags only: internal ones (`#hash` names, visibility `internal`) organise the site,
/// not the reader.
fn public_tag(tag: &Json) -> Option<String> {
    if tag.get_str("visibility") == Some("internal") {
        return None;
    }
    plain(tag.get_str("name")).filter(|name| !name.starts_with('#'))
}

/// The article, and whether the response carried its `html`.
fn post_to_article(
    post: Fields<'_>,
    base: Option<&str>,
    index: usize,
) -> Result<(Article, bool), FieldError> {
    let url = link(post.text("url"), base);
    // A response asked with `formats=plaintext` has the text alone.
    let (html, plaintext) = (post.text("html"), post.text("plaintext"));
    let body = body(html, plaintext, url.as_deref().or(base)).unwrap_or_default();
    // `authors` lists everyone (the primary author first); older responses name one.
    let listed = post.array("authors")?;
    let single = post.get("primary_author").or(post.get("author"));
    let listed = if listed.is_empty() {
        single.map(std::slice::from_ref).unwrap_or_default()
    } else {
        listed
    };
    let mut authors = Vec::with_capacity(listed.len());
    for listed in listed {
        authors.extend(author(listed, base));
    }
    let category = post.get("primary_tag").and_then(public_tag).or_else(|| {
        post.get("tags")
            .and_then(Json::as_array)?
            .iter()
            .find_map(public_tag)
    });
    let excerpt = post.text("excerpt");
    let article = Article {
        id: id(post.get("id"))
            .or_else(|| url.clone())
            .unwrap_or_else(|| format!("post-{index}")),
        url,
        title: title(post.get("title")),
        category,
        published: date(post.get("published_at")),
        modified: date(post.get("updated_at")),
        authors,
        summary: plain(post.text("custom_excerpt").or(excerpt)),
        language: None,
        reading_minutes: minutes(post.number("reading_time")?),
        image: image(post.text("feature_image"), base),
        protected: false,
        body,
        ..Article::default()
    }
    .with_title_shown_once();
    Ok((article, html.is_some() || plaintext.is_some()))
}
