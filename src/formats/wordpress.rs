//! WordPress REST API v2 `posts` (<https://developer.wordpress.org/rest-api/reference/posts/>),
//! one post or a collection, with or without `_embed`.
//!
//! Pitfalls handled: rendered titles and excerpts are HTML (entities decoded once, tags
//! stripped); `date_gmt` is UTC without a `Z` (`date` is site-local, used only as a fallback;
//! `modified_gmt` when there is no date); an embedded author may be an error object
//! (`rest_user_invalid_id`) and `author: 0` means none: both give no author card; co-authors
//! (Co-Authors Plus) are terms of the taxonomy `author`; "Uncategorized" is not a category;
//! `meta` may be `{}` or `[]`; password-protected content shows a notice; status and aside
//! posts are shown untitled, as themes show them; collections trimmed with `_fields` carry no
//! content, so their posts open from their own REST URL or link to their page.

use super::fields::{date, id, image, link, plain};
use super::json::{each, FieldError, Fields, Json};
use super::FormatError;
use crate::model::{Article, Author, Body, PostSummary, Timestamp};
use crate::sanitize::sanitize_later;

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
        .and_then(|post| post_to_article(post, base, 0))
        .map(|post| post.article)
        .map_err(|e| error(e.inside(path)))
}

/// A collection of posts as related posts carrying their whole article (a single post
/// document is a list of one).
pub fn posts(value: &Json, base: Option<&str>) -> Result<Vec<PostSummary>, FormatError> {
    let posts = match value {
        Json::Array(posts) => posts.as_slice(),
        post => std::slice::from_ref(post),
    };
    each(posts, |index, post| {
        let post = post_to_article(post, base, index)?;
        Ok(if post.has_content {
            PostSummary::carrying(post.article, post.self_link)
        } else {
            PostSummary::without_body(post.article, post.self_link)
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

/// A post as read: the article, its own REST URL (`_links.self`), and whether the document
/// carried its content (a collection trimmed with `_fields` does not).
struct Post {
    article: Article,
    self_link: Option<String>,
    has_content: bool,
}

fn post_to_article(post: Fields<'_>, base: Option<&str>, index: usize) -> Result<Post, FieldError> {
    let url = link(post.string("link")?, base);
    let content = post.object("content")?;
    let protected = match content {
        Some(content) => content.bool("protected").map_err(|e| e.inside("content"))?,
        None => None,
    }
    .unwrap_or(false);
    let html = rendered(post, "content")?;
    let body = match (html, protected) {
        (Some(html), false) => sanitize_later(html, url.as_deref().or(base)),
        _ => Body::default(),
    };
    let title = plain(rendered(post, "title")?);
    // The instant from the UTC field, the site's clock from the local one (the date its own
    // pages show); either alone if it is all there is.
    let gmt_or_local = |gmt: &str, local: &str| -> Option<Timestamp> {
        match (date(post.get(gmt)), date(post.get(local))) {
            (Some(gmt), Some(local)) => Some(gmt.on_clock_of(local)),
            (gmt, local) => gmt.or(local),
        }
    };
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
            .or_else(|| self_link.clone())
            .unwrap_or_else(|| format!("post-{index}")),
        url,
        title,
        category: embedded.as_ref().and_then(category),
        published: gmt_or_local("date_gmt", "date"),
        modified: gmt_or_local("modified_gmt", "modified"),
        authors: embedded
            .as_ref()
            .map(|e| authors(e, base))
            .unwrap_or_default(),
        summary: plain(rendered(post, "excerpt")?),
        language: None,
        reading_minutes: None,
        image: embedded.as_ref().and_then(|e| featured_image(e, base)),
        protected,
        body,
        ..Article::default()
    }
    .with_title_shown_once();
    Ok(Post {
        article,
        self_link,
        has_content: html.is_some() || protected,
    })
}

fn read_embedded(embedded: Fields<'_>) -> Result<Embedded<'_>, FieldError> {
    Ok(Embedded {
        authors: embedded.array("author")?,
        featured_media: embedded.array("wp:featuredmedia")?,
        terms: embedded.array("wp:term")?,
    })
}

/// Everyone credited: the co-authors (Co-Authors Plus terms of the taxonomy `author`, in
/// their order) when there are any, else the embedded author; error objects (users who are
/// not public) are nobody. An embedded user's profile fills in the co-author of that name.
fn authors(embedded: &Embedded, base: Option<&str>) -> Vec<Author> {
    let mut users = Vec::new();
    for user in embedded.authors {
        let Some(name) = plain(user.get_str("name")).filter(|_| user.get("code").is_none()) else {
            continue;
        };
        let avatar = user.get("avatar_urls").and_then(|urls| {
            ["96", "48", "24"]
                .iter()
                .find_map(|size| image(urls.get_str(size), base))
        });
        users.push(Author {
            name,
            bio: plain(user.get_str("description")),
            avatar,
            url: link(user.get_str("link"), base),
        });
    }
    let mut co_authors = Vec::new();
    for term in terms(embedded, "author") {
        let Some(name) = plain(term.get_str("name")) else {
            continue;
        };
        let user = users.iter().find(|user| user.name == name);
        co_authors.push(Author {
            bio: user
                .and_then(|u| u.bio.clone())
                .or_else(|| plain(term.get_str("description"))),
            avatar: user.and_then(|u| u.avatar.clone()),
            url: user
                .and_then(|u| u.url.clone())
                .or_else(|| link(term.get_str("link"), base)),
            name,
        });
    }
    if co_authors.is_empty() {
        users
    } else {
        co_authors
    }
}

/// The embedded terms of one taxonomy, in order.
fn terms<'a>(embedded: &Embedded<'a>, taxonomy: &str) -> Vec<&'a Json> {
    let mut found = Vec::new();
    for list in embedded.terms.iter().filter_map(Json::as_array) {
        for term in list {
            if term.get_str("taxonomy") == Some(taxonomy) {
                found.push(term);
            }
        }
    }
    found
}

/// The first category (by taxonomy, not position) other than "Uncategorized".
fn category(embedded: &Embedded) -> Option<String> {
    terms(embedded, "category")
        .into_iter()
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
