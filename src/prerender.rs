//! Prerendering: the widget's markup written into the page at build time, so readers and
//! crawlers have the article before any WebAssembly runs (`article-reader render`).
//!
//! The markup is rendered by the same components as the live widget (Yew's server renderer
//! over [`reader_view`]), inside a declarative shadow root (`<template shadowrootmode="open">`)
//! with the widget's stylesheet, so the page is styled at its first paint; the loader later
//! swaps in the live widget without a visible change. After the element comes a schema.org
//! `BlogPosting` (JSON-LD) with the values the widget shows.

use std::fmt::Write;

use base64::Engine;
use sha2::{Digest, Sha256};
use yew::prelude::*;
use yew::LocalServerRenderer;

use crate::components::{
    reader_view, ArticleViewProps, Content, ReaderView, RelatedList, RelatedState,
};
use crate::embed::config::{Config, ATTRIBUTES};
use crate::embed::WIDGET_CSS;
use crate::formats;
use crate::i18n::{resolve_language, Locale};
use crate::model::{Article, PostSummary, Shared, Timestamp};
use crate::text::excerpt::excerpt;
use crate::text::reading_time;
use crate::text::words;

/// How the stylesheet reaches the prerendered markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// An inline `<style>`: styled at the first paint; a strict CSP allows it by its hash
    /// ([`style_hash`]).
    Inline,
    /// `<link rel="stylesheet" href="{assets}article-reader.css">`: a file beside the
    /// widget's, allowed by `style-src 'self'` (or its origin).
    Link,
}

/// How to prerender: the element's attributes and the page around it.
#[derive(Clone, Debug)]
pub struct Options {
    /// The element's attributes (`src`, `related-src`, `lang`, `theme`…), written onto it and
    /// read as the widget reads them.
    pub attributes: Vec<(String, String)>,
    /// Where the widget's files are: a linked stylesheet is referenced there.
    pub assets: String,
    /// The address of the page the element goes on: shared when the article names none, as
    /// the live widget shares its page.
    pub page: Option<String>,
    /// The stylesheet inline or linked.
    pub style: Style,
    /// The moment relative times ("3 years ago") are written against.
    pub now: Timestamp,
}

/// The CSP source that allows the inline stylesheet: `'sha256-…'`.
pub fn style_hash() -> String {
    let digest = Sha256::digest(WIDGET_CSS.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The element with its prerendered shadow root, then its JSON-LD, for the article
/// document `article` and the related posts' document `related`; or what is wrong with the
/// documents, in the words the widget uses.
pub fn render(options: &Options, article: &str, related: Option<&str>) -> Result<String, String> {
    let config = config(&options.attributes);
    let article = formats::parse_article(article, config.format, config.src.as_deref())
        .map_err(|e| e.to_string())?;
    let related = related
        .map(|list| formats::parse_post_list(list, config.format, config.related_src.as_deref()))
        .transpose()
        .map_err(|e| e.to_string())?;
    Ok(element(options, &config, article, related))
}

/// The element for documents already read.
fn element(
    options: &Options,
    config: &Config,
    article: Article,
    related: Option<Vec<PostSummary>>,
) -> String {
    let lang = resolve_language(config.lang.as_deref(), article.language.as_deref(), None);
    let mut out = String::from("<article-reader");
    for (name, value) in &options.attributes {
        let _ = write!(out, " {name}=\"{}\"", escape(value));
    }
    out.push_str("><template shadowrootmode=\"open\">");
    match options.style {
        Style::Inline => {
            let _ = write!(out, "<style>{WIDGET_CSS}</style>");
        }
        Style::Link => {
            let slash = if options.assets.ends_with('/') {
                ""
            } else {
                "/"
            };
            let _ = write!(
                out,
                "<link rel=\"stylesheet\" href=\"{}{slash}article-reader.css\">",
                escape(&options.assets)
            );
        }
    }
    let json_ld = json_ld(
        &article,
        &lang,
        config.words_per_minute,
        options.page.as_deref(),
    );
    let markup = render_markup(Prerendered {
        options: options.clone(),
        config: config.clone(),
        article: Shared::new(article),
        related,
        lang,
    });
    let _ = write!(
        out,
        "<div class=\"article-reader article-reader--prerendered\">{markup}</div></template>\
         {copy}</article-reader>\n\
         <script type=\"application/ld+json\">{json_ld}</script>\n",
        copy = light_copy(&markup)
    );
    out
}

/// The marker of the article's copy in the element's light DOM (the loader keeps it current).
pub const COPY_ATTRIBUTE: &str = "data-article-reader-copy";

/// The shadow root's `<article>` again, for the element's light DOM: assigned to no slot, so a
/// browser with shadow DOM does not render it (nor puts it in the accessibility tree), while
/// what never enters a shadow root (reader modes, read-later services, HTML parsers without
/// declarative shadow DOM, such as scrapers and link-preview bots) reads a whole article. It is
/// the same sanitized markup, cut from the rendered view (bodies hold no `<article>` element),
/// without the reader's controls ([`COPY_LEAVES_OUT`]) and without `part` names: those name
/// the rendered article's pieces for the page's styles.
fn light_copy(markup: &str) -> String {
    let (Some(start), Some(end)) = (markup.find("<article "), markup.rfind("</article>")) else {
        return String::new();
    };
    let mut article = markup[start..end + "</article>".len()].to_owned();
    for (opening, tag) in COPY_LEAVES_OUT {
        article = without_element(&article, opening, tag);
    }
    let article = without_parts(&article);
    format!("<article {COPY_ATTRIBUTE}{}", &article["<article".len()..])
}

/// What the copy leaves out, as the loader's copy does: the reading progress and the share bar,
/// controls for the reader of the rendered article (its buttons, its live region).
const COPY_LEAVES_OUT: [(&str, &str); 2] = [
    ("<div part=\"progress\"", "div"),
    ("<section part=\"share\"", "section"),
];

/// `html` without the element that starts with `opening`, a `tag` element (with whatever it
/// holds, nested `tag`s included).
fn without_element(html: &str, opening: &str, tag: &str) -> String {
    let Some(start) = html.find(opening) else {
        return html.to_owned();
    };
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut depth = 0usize;
    let mut at = start;
    while let Some(next) = html[at..].find('<') {
        at += next;
        let tail = &html[at..];
        if tail.starts_with(&close) {
            depth -= 1;
            at += close.len();
            if depth == 0 {
                return format!("{}{}", &html[..start], &html[at..]);
            }
        } else {
            if tail.starts_with(&open) && tail[open.len()..].starts_with([' ', '>']) {
                depth += 1;
            }
            at += 1;
        }
    }
    html.to_owned()
}

/// `html` (as Yew writes it: `<` only opens tags, attribute values double-quoted) without its
/// ` part="…"` attributes.
fn without_parts(html: &str) -> String {
    const PART: &str = " part=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        // Within a tag: copy it, skipping `part` and never looking inside a quoted value.
        let mut in_value = false;
        let mut at = 0;
        while at < rest.len() {
            let tail = &rest[at..];
            if !in_value && tail.starts_with(PART) {
                let value_end = tail[PART.len()..]
                    .find('"')
                    .map_or(tail.len(), |q| PART.len() + q + 1);
                at += value_end;
                continue;
            }
            let c = tail.chars().next().unwrap_or_default();
            out.push(c);
            at += c.len_utf8();
            if c == '"' {
                in_value = !in_value;
            } else if c == '>' && !in_value {
                break;
            }
        }
        rest = &rest[at..];
    }
    out.push_str(rest);
    out
}

/// What the widget would say on the console of these attributes (values it refuses).
pub fn warnings(options: &Options) -> Vec<String> {
    config(&options.attributes).warnings
}

/// The element's settings, read from its attributes as the widget reads them.
fn config(attributes: &[(String, String)]) -> Config {
    Config::from_lookup(
        |key| {
            attributes
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value.clone())
        },
        None,
    )
}

/// The widget's markup, through Yew's server renderer.
fn render_markup(props: Prerendered) -> String {
    futures::executor::block_on(
        LocalServerRenderer::<PrerenderedReader>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// What the live widget has once its documents are in.
#[derive(Properties)]
struct Prerendered {
    options: Options,
    config: Config,
    article: Shared<Article>,
    related: Option<Vec<PostSummary>>,
    lang: String,
}

impl PartialEq for Prerendered {
    /// Rendered once: never compared.
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

/// The reader as the live widget renders it once its documents are in.
#[component]
fn PrerenderedReader(props: &Prerendered) -> Html {
    let config = &props.config;
    let related = match &props.related {
        Some(posts) => RelatedState::Ready(Shared::new(posts.clone())),
        None => RelatedState::None,
    };
    let locale = Locale::new(&props.lang);
    reader_view(ReaderView {
        content: Content::Article(ArticleViewProps {
            article: props.article.clone(),
            words_per_minute: config.words_per_minute,
            share: config.share.clone(),
            fallback_share_url: props.options.page.clone().map(AttrValue::from),
            locale: locale.clone(),
            on_share: Callback::noop(),
        }),
        related: RelatedList {
            state: &related,
            limit: config.related_limit,
            now: props.options.now,
            locale: &locale,
            current_id: Some(&props.article.id),
            on_open: &Callback::noop(),
            on_prefetch: &Callback::noop(),
        },
        locale: &locale,
        busy: false,
        node_ref: NodeRef::default(),
    })
}

/// A schema.org `BlogPosting` with what the widget shows of `article` (on `page`, when the
/// article names no address of its own).
pub fn json_ld(article: &Article, lang: &str, words_per_minute: u32, page: Option<&str>) -> String {
    let text = article.body.text();
    let counts = words::count(&text);
    let minutes = article
        .reading_minutes
        .or_else(|| reading_time::minutes(counts, article.body.image_count(), words_per_minute));
    let mut posting = serde_json::Map::new();
    let mut put = |key: &str, value: serde_json::Value| {
        posting.insert(key.to_owned(), value);
    };
    put("@context", "https://schema.org".into());
    put("@type", "BlogPosting".into());
    if let Some(headline) = article.name() {
        put("headline", headline.into());
    }
    let authors: Vec<serde_json::Value> = article
        .authors
        .iter()
        .map(|author| {
            let mut person = serde_json::json!({ "@type": "Person", "name": author.name });
            if let Some(url) = &author.url {
                person["url"] = url.clone().into();
            }
            person
        })
        .collect();
    if !authors.is_empty() {
        put("author", authors.into());
    }
    if let Some(published) = article.published {
        put("datePublished", published.to_rfc3339().into());
    }
    if let Some(modified) = article.modified.or(article.published) {
        put("dateModified", modified.to_rfc3339().into());
    }
    if let Some(image) = &article.image {
        put("image", image.clone().into());
    }
    put("wordCount", (counts.words + counts.cjk_chars).into());
    if let Some(minutes) = minutes {
        put("timeRequired", format!("PT{minutes}M").into());
    }
    put("inLanguage", lang.into());
    if let Some(category) = &article.category {
        put("articleSection", category.clone().into());
    }
    if let Some(url) = article.url.as_deref().or(page) {
        put("url", url.into());
    }
    let description = article
        .summary
        .clone()
        .unwrap_or_else(|| excerpt(&text, 30, 300));
    if !description.is_empty() {
        put("description", description.into());
    }
    // Inside a <script>, `</` could end it early: JSON allows `\/` for `/`.
    serde_json::Value::Object(posting)
        .to_string()
        .replace("</", "<\\/")
        .replace("<!--", "<\\u0021--")
}

/// What `render --each` made of a list.
pub struct Each {
    /// `(file name, fragment)` for each post the list carried whole.
    pub fragments: Vec<(String, String)>,
    /// The names of the posts the list did not carry whole (a list trimmed to some fields).
    pub skipped: Vec<String>,
}

/// One fragment per post of a list, each with the others as its related posts, for a static
/// site's build. A post's fragment goes on the post's page (its `url`), and follows the post's
/// own document where the list names one (else the prerendered post is all there is).
pub fn render_each(options: &Options, list: &str) -> Result<Each, String> {
    let config = config(&options.attributes);
    let posts = formats::parse_post_list(list, config.format, config.related_src.as_deref())
        .map_err(|e| e.to_string())?;
    let mut each = Each {
        fragments: Vec::new(),
        skipped: Vec::new(),
    };
    for (index, post) in posts.iter().enumerate() {
        let Some(article) = &post.article else {
            each.skipped
                .push(post.name().unwrap_or_else(|| post.id.clone()));
            continue;
        };
        let mut options = options.clone();
        options.attributes.retain(|(name, _)| name != "src");
        if let Some(src) = &post.src {
            options
                .attributes
                .insert(0, ("src".to_owned(), src.clone()));
        }
        if post.url.is_some() {
            options.page = post.url.clone();
        }
        let config = self::config(&options.attributes);
        let fragment = element(&options, &config, (**article).clone(), Some(posts.clone()));
        let mut name = file_name(post, index);
        if each.fragments.iter().any(|(taken, _)| *taken == name) {
            name = format!("{}-{}.html", name.trim_end_matches(".html"), index + 1);
        }
        each.fragments.push((name, fragment));
    }
    Ok(each)
}

/// A file name for a post's fragment: the last part of its page's address, else its id.
fn file_name(post: &PostSummary, index: usize) -> String {
    // The last part of a path, not the site's name.
    let last_part = |address: &str| {
        let address = address.split(['?', '#']).next().unwrap_or(address);
        let path = match address.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("", |slash| &rest[slash..]),
            None => address,
        };
        path.trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_owned()
    };
    let source = post
        .url
        .as_deref()
        .map(last_part)
        .filter(|part| !part.is_empty())
        .unwrap_or_else(|| last_part(&post.id));
    let mut slug = String::new();
    for c in source.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(60);
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("post-{}.html", index + 1)
    } else {
        format!("{slug}.html")
    }
}

/// Text for an attribute value.
fn escape(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// Attributes the page may give the element besides the widget's own (for its styles and
/// scripts); written as they are.
pub const PAGE_ATTRIBUTES: [&str; 2] = ["id", "class"];

/// Whether `name` is an attribute of the element (the rest of a command line's flags are the
/// renderer's own).
pub fn is_attribute(name: &str) -> bool {
    ATTRIBUTES.contains(&name) || PAGE_ATTRIBUTES.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::without_parts;

    #[test]
    fn only_part_attributes_go_not_text_or_values_that_look_like_them() {
        assert_eq!(
            without_parts(
                "<p part=\"body\" class=\"a\">x part=\"y\" &lt;b part=\"z\"</p>\
                 <img alt=\"a > b part=&quot;c\" part=\"img\" src=\"/i.png\">"
            ),
            "<p class=\"a\">x part=\"y\" &lt;b part=\"z\"</p><img alt=\"a > b part=&quot;c\" src=\"/i.png\">"
        );
        assert_eq!(without_parts("plain"), "plain");
    }

    #[test]
    fn a_left_out_element_goes_with_what_it_holds() {
        use super::without_element;
        let html = "<p>a</p><div part=\"progress\"><div><div>x</div></div>y</div><div>kept</div>";
        assert_eq!(
            without_element(html, "<div part=\"progress\"", "div"),
            "<p>a</p><div>kept</div>"
        );
        assert_eq!(
            without_element(html, "<section part=\"share\"", "section"),
            html
        );
    }
}
