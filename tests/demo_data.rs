#![cfg(not(browser))]
//! The demo's JSON is valid native schema and says what the seed page says.

use article_reader::formats::{parse_article, parse_post_list};
use article_reader::model::{Node, Tag};
use article_reader::text::{reading_time, words};

#[test]
fn the_demo_article_is_the_seed_article() {
    let article = parse_article(include_str!("../demo/ms-ice.json"), None, None).unwrap();
    assert_eq!(article.category.as_deref(), Some("Cloud & Networking"));
    assert_eq!(
        article.authors.first().map(|a| a.name.as_str()),
        Some("Richard Gall")
    );
    assert_eq!(
        article.reading_minutes, None,
        "reading time is computed, not typed in"
    );
    let counts = words::count(&article.body.text());
    assert_eq!(counts.words, 508);
    assert_eq!(reading_time::minutes(counts, 0, 200), Some(3));
    let tags: Vec<Tag> = article
        .body
        .nodes()
        .iter()
        .filter_map(|n| match n {
            Node::Element(e) => Some(e.tag),
            _ => None,
        })
        .collect();
    assert_eq!(tags.iter().filter(|&&t| t == Tag::Blockquote).count(), 2);
    assert_eq!(tags.iter().filter(|&&t| t == Tag::Heading2).count(), 1);
    assert_eq!(tags.iter().filter(|&&t| t == Tag::Paragraph).count(), 8);
}

#[test]
fn the_seed_body_counts_508_words() {
    let seed = include_str!("fixtures/seed-body.txt");
    assert_eq!(words::count(seed).words, 508);
}

#[test]
fn the_demo_related_list_has_the_six_recent_posts() {
    let posts = parse_post_list(include_str!("../demo/recent.json"), None, None).unwrap();
    assert_eq!(posts.len(), 6);
    assert!(posts
        .iter()
        .all(|p| p.published.is_some() && p.url.is_some()));
}
