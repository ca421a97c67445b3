//! WordPress REST API v2 `posts` (<https://developer.wordpress.org/rest-api/reference/posts/>),
//! one post or a collection, with or without `_embed`.
//!
//! Pitfalls handled: rendered titles and excerpts are HTML (entities decoded once, tags
//! stripped); `date_gmt` is UTC without a `Z` (`date` is site-local, used only as a fallback);
//! an embedded author may be an error object (`rest_user_invalid_id`) and `author: 0` means
//! none: both give no author card; "Uncategorized" is not a category; `meta` may be `{}` or
//! `[]`; password-protected content shows a notice.

use std::rc::Rc;

use super::fields::{date, id, image, link, plain};
use super::json::{each, FieldError, Fields, Json};
use super::FormatError;
use crate::model::{Article, Author, Body, PostSummary, Timestamp};
use crate::sanitize::sanitize_html;

/// The name errors use for this format.
pub const FORMAT: &str = "WordPress REST";

/// What `_embed` adds to a post.
struct Embedded<'a> {
    /// Users, or error objects where the user is not public.
    authors: &'a [Json],
    featured_media: &'a [Json],
    /// One array per taxonomy: categories, tags, custom ones.
    terms: &'a [Json],
}

/// One post: the document itself, or the first of a collection.
pub fn article(value: &Json, base: Option<&str>) -> Result<Article, FormatError> {
    let (post, path) = match value {
        Json::Array(posts) => (
            posts
                .first()
                .ok_or_else(|| FormatError::invalid(FORMAT, "the collection is empty"))?,
            "[0]",
        ),
        post => (post, ""),
    };
    post.object()
        .and_then(|post| post_to_article(post, base))
        .map(|(article, _)| article)
        .map_err(|e| error(e.inside(path)))
}

/// A collection of posts as related posts carrying their whole article (a single post
/// document is a list of one).
pub fn posts(value: &Json, base: Option<&str>) -> Result<Vec<PostSummary>, FormatError> {
    let posts = match value {
        Json::Array(posts) => posts.as_slice(),
        post => std::slice::from_ref(post),
    };
    each(posts, |_, post| {
        let (article, self_link) = post_to_article(post, base)?;
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
    .map_err(error)
}

fn error(error: FieldError) -> FormatError {
    FormatError::field(FORMAT, error)
}

/// A `{"rendered": "…"}` field's HTML.
fn rendered<'a>(post: Fields<'a>, key: &str) -> Result<Option<&'a str>, FieldError> {
    match post.object(key)? {
        Some(field) => field.string("rendered").map_err(|e| e.inside(key)),
        None => Ok(None),
    }
}

/// The article, and the post's own REST URL (`_links.self`).
fn post_to_article(
    post: Fields<'_>,
    base: Option<&str>,
) -> Result<(Article, Option<String>), FieldError> {
    let url = link(post.string("link")?, base);
    let title = plain(rendered(post, "title")?).unwrap_or_else(|| "Untitled".to_owned());
    let content = post.object("content")?;
    let protected = match content {
        Some(content) => content.bool("protected").map_err(|e| e.inside("content"))?,
        None => None,
    }
    .unwrap_or(false);
    let body = match (rendered(post, "content")?, protected) {
        (Some(html), false) => sanitize_html(html, url.as_deref().or(base)),
        _ => Body::default(),
    };
    let local_date = post.string("date")?;
    let published = date(post.string("date_gmt")?, Timestamp::parse_naive_utc)
        .or_else(|| date(local_date, Timestamp::parse_naive_utc));
    let embedded = match post.object("_embedded")? {
        Some(embedded) => Some(read_embedded(embedded).map_err(|e| e.inside("_embedded"))?),
        None => None,
    };
    let self_link = post
        .get("_links")
        .and_then(|links| links.get("self"))
        .and_then(Json::as_array)
        .and_then(<[Json]>::first)
        .and_then(|l| link(l.get_str("href"), base));
    let article = Article {
        id: id(post.get("id"))
            .or_else(|| url.clone())
            .unwrap_or_else(|| title.clone()),
        url,
        title,
        category: embedded.as_ref().and_then(category),
        published,
        author: embedded.as_ref().and_then(|e| author(e, base)),
        summary: plain(rendered(post, "excerpt")?),
        language: None,
        reading_minutes: None,
        image: embedded.as_ref().and_then(|e| featured_image(e, base)),
        protected,
        body,
    };
    Ok((article, self_link))
}

fn read_embedded(embedded: Fields<'_>) -> Result<Embedded<'_>, FieldError> {
    Ok(Embedded {
        authors: embedded.array("author")?,
        featured_media: embedded.array("wp:featuredmedia")?,
        terms: embedded.array("wp:term")?,
    })
}

/// The embedded author, unless it is an error object or has no name.
fn author(embedded: &Embedded, base: Option<&str>) -> Option<Author> {
    let user = embedded.authors.first()?;
    if user.get("code").is_some() {
        return None;
    }
    let avatar = user.get("avatar_urls").and_then(|urls| {
        ["96", "48", "24"]
            .iter()
            .find_map(|size| image(urls.get_str(size), base))
    });
    Some(Author {
        name: plain(user.get_str("name"))?,
        bio: plain(user.get_str("description")),
        avatar,
        url: link(user.get_str("link"), base),
    })
}

/// The first category (by taxonomy, not position) other than "Uncategorized".
fn category(embedded: &Embedded) -> Option<String> {
    embedded
        .terms
        .iter()
        .filter_map(Json::as_array)
        .flatten()
        .filter(|term| term.get_str("taxonomy") == Some("category"))
        .filter_map(|term| plain(term.get_str("name")))
        .find(|name| !name.eq_ignore_ascii_case("uncategorized"))
}

/// The featured image at a reading size, falling back through smaller and original sizes.
fn featured_image(embedded: &Embedded, base: Option<&str>) -> Option<String> {
    let media = embedded.featured_media.first()?;
    if media.get("code").is_some() {
        return None;
    }
    let sizes = media.at(&["media_details", "sizes"]);
    ["large", "medium_large", "full", "medium"]
        .iter()
        .find_map(|size| {
            image(
                sizes
                    .and_then(|s| s.at(&[size, "source_url"]))
                    .and_then(Json::as_str),
                base,
            )
        })
        .or_else(|| image(media.get_str("source_url"), base))
}
