//! Every format fixture read through the adapters, with the values a reader would see.
#![cfg(not(browser))]

use article_reader::formats::{parse_article, parse_post_list, Format};
use article_reader::model::{Article, Node, Opening, Tag};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/formats/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn date(article: &Article) -> Option<String> {
    article.published.map(|t| t.to_rfc3339())
}

fn author_name(article: &Article) -> Option<&str> {
    article.authors.first().map(|a| a.name.as_str())
}

fn paragraphs(article: &Article) -> Vec<String> {
    fn walk(nodes: &[Node], out: &mut Vec<String>) {
        for node in nodes {
            if let Node::Element(e) = node {
                if e.tag == Tag::Paragraph {
                    let mut text = String::new();
                    collect(&e.children, &mut text);
                    out.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
                } else {
                    walk(&e.children, out);
                }
            }
        }
    }
    fn collect(nodes: &[Node], out: &mut String) {
        for node in nodes {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => collect(&e.children, out),
                Node::VideoLink { .. } => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(article.body.nodes(), &mut out);
    out
}

#[test]
fn json_feed_1_0_spec_feed_uses_the_feed_author() {
    let json = fixture("jsonfeed_feedrs_jsonfeed_spec_1.json");
    let article = parse_article(&json, None, Some("https://jsonfeed.org/feed.json")).unwrap();
    assert_eq!(article.title.as_deref(), Some("Announcing JSON Feed"));
    assert_eq!(
        article.id,
        "https://jsonfeed.org/2017/05/17/announcing_json_feed"
    );
    assert_eq!(
        author_name(&article),
        Some("Brent Simmons and Manton Reece")
    );
    assert_eq!(date(&article).as_deref(), Some("2017-05-17T15:02:12Z"));
    assert_eq!(article.category, None);
    let paras = paragraphs(&article);
    assert_eq!(paras.len(), 2);
    assert!(paras[0].starts_with("We — Manton Reece and Brent Simmons — have noticed"));
    assert_eq!(parse_post_list(&json, None, None).unwrap().len(), 1);
}

#[test]
fn json_feed_1_0_item_authors_and_utc_dates() {
    let json = fixture("jsonfeed_feedrs_jsonfeed_example_1.json");
    let article = parse_article(&json, None, None).unwrap();
    assert_eq!(
        article.title.as_deref(),
        Some("How Jeff Bezos’s iPhone X Was Hacked")
    );
    assert_eq!(author_name(&article), Some("John Gruber"));
    assert_eq!(date(&article).as_deref(), Some("2020-01-24T23:46:57Z"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://daringfireball.net/linked/2020/01/24/bezos-iphone-x")
    );
    let posts = parse_post_list(&json, None, None).unwrap();
    let titles: Vec<&str> = posts.iter().filter_map(|p| p.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            "How Jeff Bezos’s iPhone X Was Hacked",
            "Instagram for Windows 95"
        ]
    );
    assert!(
        posts.iter().all(|p| p.article.is_some()),
        "items carry their whole article"
    );
}

#[test]
fn json_feed_1_1_dirty_feed_rfc_2822_dates_authors_and_missing_ids() {
    let json = fixture("jsonfeed_feedrs_jsonfeed_elastic_1.1.json");
    let base = "https://w2.influxdata.com/blog/feed/json";
    let posts = parse_post_list(&json, None, Some(base)).unwrap();
    assert_eq!(posts.len(), 3);
    let first = posts[0].article.as_deref().unwrap();
    assert_eq!(
        first.title.as_deref(),
        Some("InfluxDB vs. Graphite for Time Series Data & Metrics Benchmark")
    );
    // No id: the URL stands in.
    assert_eq!(
        first.id,
        "https://www.influxdata.com/blog/influxdb-outperforms-graphite-in-time-series-data-metrics-benchmark"
    );
    // RFC 2822 with an offset.
    assert_eq!(date(first).as_deref(), Some("2019-05-31T19:17:58Z"));
    // 1.1 `authors` wins over the deprecated `author` ("Fake Author 2").
    let author = &first.authors[0];
    assert_eq!(author.name, "Chris Churilo");
    // A protocol-relative avatar, resolved against the feed's own URL.
    assert_eq!(
        author.avatar.as_deref(),
        Some("https://images.ctfassets.net/o7xu9whrs0u9/7zDkE49kOljM6JiT78WHUM/654d83d364884bfbbc7353fc8484d25a/Chris-Churilo-1.jpg")
    );
    assert_eq!(first.category.as_deref(), Some("InfluxDB"));
    assert_eq!(
        first.language.as_deref(),
        Some("en-US"),
        "the feed's language"
    );
    assert!(
        paragraphs(first)[0].starts_with("This blog post has been updated on September 10, 2020")
    );

    let second = posts[1].article.as_deref().unwrap();
    assert_eq!(
        second.language.as_deref(),
        Some("en-AU"),
        "the item's own language"
    );
    assert_eq!(
        author_name(second),
        Some("Chris Churilo"),
        "1.0 `author` alone"
    );

    // No body at all: not an empty article, a link to its page.
    let third = &posts[2];
    assert_eq!(third.title.as_deref(), Some("Fake item"));
    assert!(third.article.is_none());
    assert_eq!(third.opening(), Opening::Page("https://example.com"));
    assert_eq!(third.published, None);
    // Opened alone, it inherits the feed's authors.
    let mut feed: serde_json::Value = serde_json::from_str(&json).unwrap();
    feed["items"].as_array_mut().unwrap().drain(..2);
    let third = parse_article(&feed.to_string(), None, Some(base)).unwrap();
    assert_eq!(
        author_name(&third),
        Some("Fake Author 3"),
        "inherits the feed's authors"
    );
    assert!(third.body.is_empty());
}

#[test]
fn wordpress_collection_without_embed_renders_what_is_there() {
    let json = fixture("wp_core_wp-api-generated_PostsCollection.json");
    let article = parse_article(&json, None, None).unwrap();
    assert_eq!(
        article.title.as_deref(),
        Some("REST API Client Fixture: Post")
    );
    assert_eq!(article.id, "4");
    assert_eq!(
        article.authors,
        [],
        "`author: 0` and no _embed: no author card"
    );
    assert_eq!(article.category, None);
    assert_eq!(date(&article).as_deref(), Some("2017-02-14T00:00:00Z"));
    assert_eq!(
        article.summary.as_deref(),
        Some("REST API Client Fixture: Post")
    );
    assert_eq!(paragraphs(&article), ["Updated post content."]);
    let posts = parse_post_list(&json, None, None).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(
        posts[0].src.as_deref(),
        Some("http://example.org/index.php?rest_route=/wp/v2/posts/4")
    );
}

#[test]
fn wordpress_post_with_embed_has_author_category_image_and_intact_paragraphs() {
    let json = fixture("wp_frontity_post-60_embed.json");
    let article = parse_article(
        &json,
        None,
        Some("https://demo.worona.org/wp-json/wp/v2/posts/60"),
    )
    .unwrap();
    assert_eq!(article.title.as_deref(), Some("The Beauties of Gullfoss"));
    assert_eq!(article.id, "60");
    assert_eq!(
        article.url.as_deref(),
        Some("https://demo.worona.org/the-beauties-of-gullfoss/")
    );
    assert_eq!(date(&article).as_deref(), Some("2016-11-25T18:31:11Z"));
    assert_eq!(article.category.as_deref(), Some("Photography"));
    let author = &article.authors[0];
    assert_eq!(author.name, "Alan Martin");
    assert_eq!(
        author.bio.as_deref(),
        Some("Alan is a WordPress enthusiast who enjoys travelling, music and pizza.")
    );
    assert_eq!(
        author.avatar.as_deref(),
        Some("https://secure.gravatar.com/avatar/eebc7d67bdc645559fd6634e0335a42b?s=96&d=mm&r=g")
    );
    assert_eq!(
        article.image.as_deref(),
        Some("https://demo.worona.org/wp-content/uploads/2016/11/Iceland-test-1024x620.jpg")
    );
    assert_eq!(
        article.summary.as_deref(),
        Some("Gullfoss is a waterfall located in the canyon of the Hvítá river in southwest Iceland.")
    );
    // Faithfulness: every paragraph of the source keeps its text.
    let source: serde_json::Value = serde_json::from_str(&json).unwrap();
    let html = source["content"]["rendered"].as_str().unwrap();
    let expected: Vec<String> = html
        .split("<p>")
        .skip(1)
        .map(|p| {
            let inner = &p[..p.find("</p>").unwrap()];
            article_reader::sanitize::html_to_text(inner)
        })
        .collect();
    assert!(expected.len() >= 3);
    let actual = paragraphs(&article);
    for paragraph in &expected {
        assert!(actual.contains(paragraph), "missing paragraph: {paragraph}");
    }
    // The YouTube player became a link to the video.
    let body = format!("{:?}", article.body);
    assert!(
        body.contains(
            r#"VideoLink { url: "https://www.youtube.com/watch?v=3bUtvUAeX8s", host: "youtube.com""#
        ),
        "{body}"
    );
}

#[test]
fn ghost_posts_with_authors_and_tags() {
    let json = fixture("ghost_docs_content-api_posts_include_tags_authors.json");
    let article = parse_article(&json, None, None).unwrap();
    assert_eq!(article.title.as_deref(), Some("Welcome"));
    assert_eq!(article.id, "5c7ece47da174000c0c5c6d7");
    assert_eq!(author_name(&article), Some("Ghost"));
    assert_eq!(
        article.authors[0].bio.as_deref(),
        Some("The professional publishing platform")
    );
    assert_eq!(article.category.as_deref(), Some("Getting Started"));
    assert_eq!(date(&article).as_deref(), Some("2012-11-27T15:30:00Z"));
    assert_eq!(
        article.summary.as_deref(),
        Some("Welcome, it's great to have you here.")
    );
    assert_eq!(
        paragraphs(&article),
        ["👋 Welcome, it's great to have you here."]
    );
    assert_eq!(
        article.image.as_deref(),
        Some("https://casper.ghost.org/v2.0.0/images/welcome-to-ghost.jpg")
    );
    assert_eq!(parse_post_list(&json, None, None).unwrap().len(), 1);
}

#[test]
fn json_ld_is_refused_with_a_clear_error() {
    let json = fixture("jsonld_google_docs_newsarticle_example.json");
    let error = parse_article(&json, None, None).unwrap_err();
    assert!(!error.is_not_json());
    let message = error.to_string();
    assert!(message.contains("not an article document"), "{message}");
    for format in [
        "native schema",
        "JSON Feed",
        "WordPress REST",
        "Ghost Content API",
    ] {
        assert!(message.contains(format), "{message} should name {format}");
    }
}

#[test]
fn forcing_a_format_reads_a_document_that_detection_would_not_guess() {
    // A WordPress post with only an excerpt and an odd shape is still read when forced.
    let json = r#"{"id": 9, "title": {"rendered": "Forced"}}"#;
    assert!(parse_article(json, None, None).is_err());
    let article = parse_article(json, Some(Format::WordPress), None).unwrap();
    assert_eq!(article.title.as_deref(), Some("Forced"));
}
