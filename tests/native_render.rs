#![cfg(not(browser))]
//! Components rendered to HTML natively (Yew's server renderer) with the demo's own data.

use article_reader::components::{related_list, ArticleView, RelatedList, RelatedState};
use article_reader::formats::{parse_article, parse_post_list};
use article_reader::i18n::Locale;
use article_reader::model::{Shared, Timestamp};
use yew::prelude::*;
use yew::ServerRenderer;

/// The day the demo is described against: its recent posts are "3 years ago".
const NOW: &str = "2026-11-28T12:00:00Z";

#[derive(Properties, PartialEq)]
struct DemoPageProps {
    with_related: bool,
}

/// The demo's article and related list, composed as the reader composes them.
#[component]
fn DemoPage(props: &DemoPageProps) -> Html {
    let article =
        parse_article(include_str!("../demo/ms-ice.json"), None, None).expect("demo article");
    let related = if props.with_related {
        let posts =
            parse_post_list(include_str!("../demo/recent.json"), None, None).expect("demo posts");
        RelatedState::Ready(Shared::new(posts))
    } else {
        RelatedState::None
    };
    let now = Timestamp::parse_rfc3339(NOW).expect("valid now");
    html! {
        <>
            <ArticleView article={Shared::new(article)} locale={Locale::default()} />
            { related_list(&RelatedList {
                state: &related,
                limit: None,
                now,
                locale: &Locale::default(),
                current_id: None,
                on_open: &Callback::noop(),
                on_prefetch: &Callback::noop(),
            }) }
        </>
    }
}

fn render(with_related: bool) -> String {
    futures::executor::block_on(
        ServerRenderer::<DemoPage>::with_props(move || DemoPageProps { with_related })
            .hydratable(false)
            .render(),
    )
}

/// Text of each element with `part="…"`, its inner tags stripped.
fn parts(html: &str, part: &str) -> Vec<String> {
    let marker = format!("part=\"{part}\"");
    html.match_indices(&marker)
        .map(|(at, _)| {
            let open = html[..at].rfind('<').expect("inside a tag");
            let name: String = html[open + 1..]
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            let start = at + html[at..].find('>').expect("tag ends") + 1;
            // The matching end tag: count nested elements of the same name.
            let (mut depth, mut end) = (1, start);
            while depth > 0 {
                let next = end + html[end..].find('<').expect("element ends");
                let rest = &html[next + 1..];
                if rest.starts_with(&format!("/{name}>")) {
                    depth -= 1;
                } else if rest.starts_with(&name) && rest[name.len()..].starts_with([' ', '>']) {
                    depth += 1;
                }
                end = next + 1;
            }
            let inner = &html[start..end - 1];
            let mut text = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.trim().to_owned()
        })
        .collect()
}

#[test]
fn the_demo_article_renders_header_body_author_and_share_bar() {
    let html = render(true);
    assert_eq!(parts(&html, "category"), ["Cloud &amp; Networking"]);
    assert_eq!(
        parts(&html, "title"),
        ["Microsoft condemns ICE activity at U.S. border but still faces public and internal criticism"]
    );
    assert_eq!(parts(&html, "reading-time"), ["3 min read"]);
    assert_eq!(parts(&html, "published"), ["June 19, 2018"]);
    assert!(html.contains(r#"datetime="2018-06-19T10:00:00Z""#));
    assert_eq!(parts(&html, "author-name"), ["Richard Gall"]);
    assert_eq!(parts(&html, "author-avatar"), ["RG"]);
    assert_eq!(
        parts(&html, "author-bio"),
        ["Co-editor of the Packt Hub. Interested in politics, tech culture, and how software and business are changing each other."]
    );
    assert!(html.contains("Published by"));
    assert!(html
        .contains("<h2>Microsoft faces criticism from employees over relationship with ICE</h2>"));
    assert_eq!(html.matches("<blockquote>").count(), 2);
    assert!(html.contains("<blockquote><p>Microsoft is not working with U.S. Immigration"));
    assert!(html.contains("<blockquote><p>ICE’s decision to accelerate IT modernization"));
    for name in [
        "Share on X",
        "Share on Facebook",
        "Share on LinkedIn",
        "Share on Email",
    ] {
        assert!(html.contains(&format!("aria-label=\"{name}\"")), "{name}");
    }
    assert!(html.contains(">Copy link<"), "copy link button");
}

#[test]
fn the_demo_related_posts_render_with_excerpts_and_relative_times() {
    let html = render(true);
    assert_eq!(
        parts(&html, "related-title"),
        [
            "Top life hacks for prepping for your IT certification exam",
            "Learn Transformers for Natural Language Processing with Denis Rothman",
            "Learning Essential Linux Commands for Navigating the Shell Effectively",
            "Clean Coding in Python with Mariano Anaya",
            "Exploring Forms in Angular – types, benefits and differences",
            "Gain Practical Expertise with the Latest Edition of Software Architecture with C# 9 and .NET 5",
        ]
    );
    assert_eq!(parts(&html, "related-time"), ["3 years ago"; 6]);
    let excerpts = parts(&html, "related-excerpt");
    assert_eq!(excerpts.len(), 6);
    assert_eq!(
        excerpts[0],
        "I remember deciding to pursue my first IT certification, the CompTIA A+. I had signed…"
    );
    assert!(excerpts.iter().all(|e| e.ends_with('…')), "{excerpts:?}");
    assert!(html.contains("Recent Posts"));
}

#[test]
fn without_related_posts_the_section_is_left_out() {
    let html = render(false);
    assert!(!html.contains("part=\"related\""));
    assert!(html.contains("part=\"title\""));
}

#[test]
fn a_sources_own_reading_time_wins_over_the_count() {
    let html = futures::executor::block_on(
        ServerRenderer::<ArticleView>::with_props(move || {
            let mut article = parse_article(include_str!("../demo/ms-ice.json"), None, None)
                .expect("demo article");
            article.reading_minutes = Some(7);
            yew::props!(article_reader::components::ArticleViewProps {
                article: Shared::new(article),
                locale: Locale::default(),
            })
        })
        .hydratable(false)
        .render(),
    );
    assert_eq!(parts(&html, "reading-time"), ["7 min read"]);
}

/// The article view of the article in `json`, rendered natively.
fn render_article(json: String) -> String {
    futures::executor::block_on(
        ServerRenderer::<ArticleView>::with_props(move || {
            yew::props!(article_reader::components::ArticleViewProps {
                article: Shared::new(parse_article(&json, None, None).expect("article")),
                locale: Locale::default(),
            })
        })
        .hydratable(false)
        .render(),
    )
}

#[test]
fn a_long_body_is_rendered_in_parts_laid_out_as_they_near_the_viewport() {
    // 20,000 characters of Thai: five paragraphs of up to 4,000, each a part of its own.
    let json = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{"id": "1", "title": "Thai", "content_text": "ก ".repeat(10_000)}],
    });
    let html = render_article(json.to_string());
    assert_eq!(html.matches(r#"<div class="body__part"><p>"#).count(), 6);
    assert_eq!(html.matches("<p>").count(), 6);
    // An ordinary body is not.
    let html = render_article(include_str!("../demo/ms-ice.json").to_owned());
    assert!(!html.contains("body__part"));
}

#[test]
fn names_categories_and_titles_are_isolated_so_their_direction_cannot_spill() {
    let html = render_article(
        r#"{"format":"article-reader","version":1,"article":{
            "title":"\u202eTitle","category":"\u202eNews",
            "authors":[{"name":"Eve \u202e"},{"name":"Bob"}],
            "body":[{"type":"paragraph","text":"x"}]}}"#
            .to_owned(),
    );
    assert!(html.contains("<bdi>\u{202e}Title</bdi>"), "{html}");
    assert!(html.contains("<bdi>\u{202e}News</bdi>"), "{html}");
    assert!(
        html.contains("<bdi>Eve \u{202e}</bdi> and <bdi>Bob</bdi>"),
        "the byline goes on after the name, in its own direction: {html}"
    );
}

#[test]
fn every_image_asks_for_no_more_than_the_page_origin() {
    let html = render_article(
        r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1",
            "title":"Pictures","image":"https://img.example/f.png",
            "content_html":"<p><img src=\"https://img.example/i.png\"></p>",
            "authors":[{"name":"Ada","avatar":"https://img.example/a.png"}]}]}"#
            .to_owned(),
    );
    assert_eq!(html.matches("<img").count(), 3, "{html}");
    assert_eq!(
        html.matches("referrerpolicy=\"strict-origin-when-cross-origin\"")
            .count(),
        3,
        "{html}"
    );
}

/// The `<time part="published">` element of `html`.
fn published(html: &str) -> &str {
    let start = html
        .find(r#"<time part="published""#)
        .expect("a published date");
    let end = start + html[start..].find("</time>").expect("its end") + "</time>".len();
    &html[start..end]
}

const PUBLISHED: &str = r#"<time part="published" datetime="1998-02-28T23:01:00Z" title="March 1, 1998, 00:01 UTC+01:00" class="article__published">March 1, 1998</time>"#;

#[test]
fn the_date_is_shown_as_the_feed_wrote_it_and_the_instant_given_in_utc() {
    // Jekyll's `date` filter: a minute after midnight in Berlin is still February 28 in UTC.
    let json = serde_json::json!({
        "version": "https://jsonfeed.org/version/1",
        "items": [{"id": "1", "title": "Spring", "content_text": "Words.",
                   "date_published": "1998-03-01 00:01:00 +0100"}],
    });
    let html = render_article(json.to_string());
    assert_eq!(published(&html), PUBLISHED, "{html}");
    // WordPress: the instant from `date_gmt`, the day from the site's clock (`date`).
    let json = serde_json::json!({
        "id": 7, "link": "https://blog.example/spring/", "date": "1998-03-01T00:01:00",
        "date_gmt": "1998-02-28T23:01:00", "title": {"rendered": "Spring"},
        "content": {"rendered": "<p>Words.</p>"},
    });
    let html = render_article(json.to_string());
    assert_eq!(published(&html), PUBLISHED, "{html}");
}
