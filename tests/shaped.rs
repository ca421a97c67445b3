//! Classes of defects real posts showed, each tested in every format with documents made in
//! the shape their tools write (`tests/fixtures/shaped/`): the publisher's title names the
//! post and is shown once, dates as feeds write them are read, an empty body is no body.
#![cfg(not(browser))]

use article_reader::formats::{parse_article, parse_post_list};
use article_reader::model::{Article, Opening, PostSummary};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/shaped/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str, base: &str) -> (Article, Vec<PostSummary>) {
    let json = fixture(name);
    let article = parse_article(&json, None, Some(base)).unwrap_or_else(|e| panic!("{e}"));
    let posts = parse_post_list(&json, None, Some(base)).unwrap_or_else(|e| panic!("{e}"));
    (article, posts)
}

/// What opening a post does, as in `realworld.rs`.
fn opening(post: &PostSummary) -> String {
    match post.opening() {
        Opening::Carried(_) => "carried".to_owned(),
        Opening::Fetch(src) => format!("fetch {src}"),
        Opening::Page(url) => format!("page {url}"),
        Opening::Nowhere => "nowhere".to_owned(),
    }
}

/// The body's blocks, one line each.
fn lines(article: &Article) -> Vec<String> {
    article
        .body
        .text()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_heading_repeating_the_title_is_left_out_of_the_body_in_every_format() {
    for (name, base, title, opens_with) in [
        (
            "jekyll-feed-ru.json",
            "https://blog.example.ru/feed.json",
            "Как мы запустили проект",
            "",
        ),
        (
            "wordpress-fr.json",
            "https://exemple.fr/wp-json/wp/v2/posts",
            "Les nouveautés de la version 6.5",
            "",
        ),
        (
            "ghost-5.json",
            "https://ghost.example.com/ghost/api/content/posts/",
            "How to unlock your first feature",
            "If you have a ",
        ),
    ] {
        let (article, posts) = read(name, base);
        assert_eq!(article.title.as_deref(), Some(title), "{name}");
        assert!(article.shows_title(), "{name}: the title heading is shown");
        assert_eq!(
            article.name().as_deref(),
            Some(title),
            "{name}: named by its title"
        );
        let body = lines(&article);
        assert_eq!(
            body.len(),
            2,
            "{name}: the heading is left out, the paragraphs stay"
        );
        assert!(body[0].starts_with(opens_with), "{name}: {body:?}");
        assert!(!body.iter().any(|line| line == title), "{name}: {body:?}");
        // The list names it by its title, and teases it with its words, not the title again.
        assert_eq!(posts[0].name().as_deref(), Some(title), "{name}");
        let teaser = posts[0].summary.as_deref().unwrap_or_default();
        assert!(!teaser.starts_with(title), "{name}: {teaser:?}");
        // The carried article, opened from the list, is the same.
        let Opening::Carried(carried) = posts[0].opening() else {
            panic!("{name}: carried")
        };
        assert_eq!(lines(carried), body, "{name}");
    }
}

#[test]
fn titled_asides_and_status_posts_keep_their_titles() {
    let (_, posts) = read(
        "wordpress-fr.json",
        "https://exemple.fr/wp-json/wp/v2/posts",
    );
    let titles: Vec<Option<&str>> = posts.iter().map(|p| p.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("Les nouveautés de la version 6.5"),
            Some("Une brève"),
            Some("En direct du salon"),
            Some("Billet vide"),
            None,
        ]
    );
    // An aside with a title: shown with it.
    let Opening::Carried(aside) = posts[1].opening() else {
        panic!("carried")
    };
    assert!(aside.shows_title());
    // A status post whose text is its title: the text is the body, the title its name.
    let Opening::Carried(status) = posts[2].opening() else {
        panic!("carried")
    };
    assert!(!status.shows_title());
    assert_eq!(lines(status), ["En direct du salon"]);
    assert_eq!(status.name().as_deref(), Some("En direct du salon"));
    assert_eq!(posts[2].summary, None, "not teased with its title again");
    // An untitled status post stays untitled, named by its words.
    assert!(posts[4].name().is_some_and(|name| !name.is_empty()));
}

#[test]
fn dates_as_jekyll_wordpress_and_ghost_write_them_are_read_and_shown_as_written() {
    let (article, posts) = read("jekyll-feed-ru.json", "https://blog.example.ru/feed.json");
    assert_eq!(posts.len(), 26);
    assert!(
        posts.iter().all(|p| p.published.is_some()),
        "every post dated"
    );
    assert_eq!(
        article.published.map(|t| t.to_rfc3339()).as_deref(),
        Some("2019-03-01T07:00:00Z")
    );
    // Shown on the feed's calendar: a quarter past midnight in Moscow, January 18.
    let late = posts
        .iter()
        .find(|p| p.url.as_deref() == Some("https://blog.example.ru/2019/01/18/post-10"))
        .and_then(|p| p.published)
        .expect("post 10, dated");
    assert_eq!(late.to_rfc3339(), "2019-01-17T21:15:00Z");
    assert_eq!(late.to_long_date_en(), "January 18, 2019");
    // WordPress: the instant from `date_gmt`, the site's clock (UTC+2) from `date`.
    let (article, _) = read(
        "wordpress-fr.json",
        "https://exemple.fr/wp-json/wp/v2/posts",
    );
    let published = article.published.expect("dated");
    assert_eq!(
        (published.to_rfc3339().as_str(), published.offset()),
        ("2024-05-01T10:00:00Z", 7200)
    );
    let (_, posts) = read(
        "ghost-5.json",
        "https://ghost.example.com/ghost/api/content/posts/",
    );
    let dates: Vec<Option<String>> = posts
        .iter()
        .map(|p| p.published.map(|t| t.to_rfc3339()))
        .collect();
    assert_eq!(
        dates,
        [
            Some("2024-05-01T08:00:00Z".to_owned()),
            Some("2024-04-20T08:00:00Z".to_owned()),
            Some("2024-04-10T08:00:00Z".to_owned()),
            Some("2024-04-01T08:00:00Z".to_owned()),
        ]
    );
}

#[test]
fn an_empty_body_is_no_body_in_every_format() {
    let (_, posts) = read("jekyll-feed-ru.json", "https://blog.example.ru/feed.json");
    let openings: Vec<String> = posts[..5].iter().map(opening).collect();
    assert_eq!(
        openings,
        [
            "carried",
            "page https://blog.example.ru/2019/02/20/pusto",
            "nowhere",
            "page https://blog.example.ru/2019/02/15/razmetka",
            "carried",
        ],
        "empty, whitespace, markup without text; an image alone is a body"
    );
    let (_, posts) = read(
        "wordpress-fr.json",
        "https://exemple.fr/wp-json/wp/v2/posts",
    );
    // Its REST document holds the same empty content: not fetched, its page linked.
    assert_eq!(opening(&posts[3]), "page https://exemple.fr/104/");
    let (_, posts) = read(
        "ghost-5.json",
        "https://ghost.example.com/ghost/api/content/posts/",
    );
    let openings: Vec<String> = posts.iter().map(opening).collect();
    assert_eq!(
        openings,
        [
            "carried",
            "page https://ghost.example.com/post-2/",
            "page https://ghost.example.com/post-3/",
            "carried",
        ]
    );
}
