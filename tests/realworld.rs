//! Real documents from real sites (`tests/fixtures/realworld/`, origins in its SOURCES.md),
//! read as the widget reads them, with the values a reader of the publisher's own site sees:
//! the title or its absence, every author, the date and which kind it is, the reading time,
//! the related posts and what opening each does.
#![cfg(not(browser))]

use article_reader::formats::{parse_article, parse_post_list};
use article_reader::model::{Article, Opening, PostSummary};
use article_reader::text::reading_time::{minutes, DEFAULT_WORDS_PER_MINUTE};
use article_reader::text::words::count;

fn fixture(path: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/realworld/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(path: &str, base: &str) -> (Article, Vec<PostSummary>) {
    let json = fixture(path);
    let article = parse_article(&json, None, Some(base)).unwrap_or_else(|e| panic!("{e}"));
    let posts = parse_post_list(&json, None, Some(base)).unwrap_or_else(|e| panic!("{e}"));
    (article, posts)
}

fn authors(article: &Article) -> Vec<&str> {
    article.authors.iter().map(|a| a.name.as_str()).collect()
}

/// "published 2018-…Z" or "updated 2018-…Z": the date shown, and which kind it is.
fn shown_date(dated: Option<article_reader::model::Dated>) -> Option<String> {
    dated.map(|d| {
        let kind = if d.updated { "updated" } else { "published" };
        format!("{kind} {}", d.at.to_rfc3339())
    })
}

/// The reading time the widget shows: the source's own figure, else the body counted.
fn reading_minutes(article: &Article) -> Option<u32> {
    article.reading_minutes.or_else(|| {
        minutes(
            count(&article.body.text()),
            article.body.image_count(),
            DEFAULT_WORDS_PER_MINUTE,
        )
    })
}

/// What opening each related post does: "carried", "fetch <src>", "page <url>" or "nowhere".
fn openings(posts: &[PostSummary]) -> Vec<String> {
    posts
        .iter()
        .map(|post| match post.opening() {
            Opening::Carried(_) => "carried".to_owned(),
            Opening::Fetch(src) => format!("fetch {src}"),
            Opening::Page(url) => format!("page {url}"),
            Opening::Nowhere => "nowhere".to_owned(),
        })
        .collect()
}

#[test]
fn micro_blog_posts_without_titles_are_named_by_their_words_or_date() {
    let (article, posts) = read(
        "jsonfeed/manton-microblog-untitled.json",
        "https://manton.micro.blog/feed.json",
    );
    assert_eq!(article.title.as_deref(), Some("Test 2018"));
    assert_eq!(authors(&article), Vec::<&str>::new());
    assert_eq!(
        shown_date(article.dated()).as_deref(),
        Some("published 2018-04-29T18:28:28Z")
    );
    assert_eq!(reading_minutes(&article), Some(1), "one word and a photo");
    assert_eq!(article.body.image_count(), 1);

    assert_eq!(posts.len(), 25);
    assert!(openings(&posts).iter().all(|o| o == "carried"));
    let titled: Vec<&str> = posts.iter().filter_map(|p| p.title.as_deref()).collect();
    assert_eq!(titled, ["Test 2018", "Sunsets"]);
    // Untitled posts are named by their opening words, never by an English stand-in.
    let names: Vec<Option<String>> = posts.iter().map(PostSummary::name).collect();
    assert_eq!(names[1].as_deref(), Some("Testing."));
    assert_eq!(names[2].as_deref(), Some("Testing from Icro."));
    assert_eq!(
        names[10].as_deref(),
        Some("Fixed an issue with feed refresh today that was slowing…")
    );
    // Photo-only posts have no words and no description: the list names them by date.
    let photo = &posts[4];
    assert_eq!(photo.title, None);
    assert_eq!(photo.name(), None);
    assert_eq!(
        shown_date(photo.dated()).as_deref(),
        Some("published 2018-04-20T17:53:55Z")
    );
    assert!(names.iter().all(|n| n.as_deref() != Some("Untitled")));
    // http images are kept as the publisher wrote them.
    let second = posts[1].article.as_deref().unwrap();
    assert!(
        second
            .body
            .nodes()
            .iter()
            .any(|n| format!("{n:?}")
                .contains("http://manton.micro.blog/uploads/2018/c33b64a358.jpg"))
    );
}

#[test]
fn json_feed_1_1_authors_and_plain_text_lines() {
    let (article, posts) = read(
        "jsonfeed/fundedyouth-1.1-authors-markdown-text.json",
        "https://changelog.fundedyouth.org/feed.json",
    );
    assert_eq!(
        article.title.as_deref(),
        Some("[The Vault] ⚡ Rocket-Fast Secure Assets Delivery Engine (SADE) Live!")
    );
    assert_eq!(authors(&article), ["Tasha Chen"]);
    assert_eq!(
        article.authors[0].avatar.as_deref(),
        Some("https://images.unsplash.com/photo-1494790108377-be9c29b29330?auto=format&fit=crop&w=150&q=80")
    );
    assert_eq!(article.category.as_deref(), Some("major"));
    assert_eq!(
        shown_date(article.dated()).as_deref(),
        Some("published 2026-05-28T14:30:00Z")
    );
    // Blank lines are paragraphs, single newlines line breaks: three paragraphs, the last
    // with its three list lines.
    assert_eq!(article.body.nodes().len(), 3);
    assert_eq!(
        article.body.text(),
        "We've completely overhauled how startup boilerplate legal agreements and media kits are parsed and served.\n\
         ### What is SADE?SADE (Secure Assets Delivery Engine) utilizes edge caching and automated key rotation to make downloading templates instantaneous.\n\
         ### Features* **Zero-latency downloads**: Boilers load in under **45ms** globally.* **Smart Watermarking**: Clean PDF watermarking with founder signatures embedded dynamically.* **Vault Multi-Signatures**: Seed investment paperwork now supports co-founder parallel signing.\n"
            .replace("?SADE", "?\nSADE")
            .replace("Features*", "Features\n*")
            .replace("globally.*", "globally.\n*")
            .replace("dynamically.*", "dynamically.\n*")
    );
    assert_eq!(reading_minutes(&article), Some(1));
    assert_eq!(posts.len(), 6);
    let all_authors: Vec<&str> = posts
        .iter()
        .flat_map(|p| {
            p.article
                .as_ref()
                .unwrap()
                .authors
                .iter()
                .map(|a| a.name.as_str())
        })
        .collect();
    assert_eq!(
        all_authors,
        [
            "Tasha Chen",
            "Alex Patel",
            "Marcus Aurelio",
            "Tasha Chen",
            "Sarah Jenkins",
            "Elijah Vance"
        ]
    );
    assert!(openings(&posts).iter().all(|o| o == "carried"));
}

#[test]
fn a_feed_with_only_date_modified_shows_when_it_was_updated() {
    let (article, posts) = read(
        "jsonfeed/npmx-date-modified-only.json",
        "https://npmx.dev/feed.json",
    );
    assert_eq!(
        article.title.as_deref(),
        Some("npmx 0.8: npm at your fingertips")
    );
    assert_eq!(authors(&article), ["Alex Savelyev"]);
    assert_eq!(
        article.authors[0].url.as_deref(),
        Some("https://bsky.app/profile/alexdln.com")
    );
    assert_eq!(article.published, None);
    assert_eq!(
        shown_date(article.dated()).as_deref(),
        Some("updated 2026-04-08T00:00:00Z")
    );
    assert_eq!(
        article.image.as_deref(),
        Some("https://npmx.dev/blog/og/release-0_8.png")
    );
    assert_eq!(reading_minutes(&article), Some(1));
    assert_eq!(posts.len(), 2);
    let dates: Vec<Option<String>> = posts.iter().map(|p| shown_date(p.dated())).collect();
    assert_eq!(
        dates,
        [
            Some("updated 2026-04-08T00:00:00Z".to_owned()),
            Some("updated 2026-03-03T00:00:00Z".to_owned())
        ]
    );
    assert_eq!(
        authors(posts[1].article.as_deref().unwrap()),
        ["Daniel Roe"]
    );
}

#[test]
fn a_wordpress_list_trimmed_with_fields_links_to_its_pages_instead_of_opening_empty() {
    let (_, posts) = read(
        "wordpress/ourstate-fields-no-content.json",
        "https://www.ourstate.com/wp-json/wp/v2/posts?_fields=id,date_gmt,modified_gmt,link,title,excerpt",
    );
    let titles: Vec<Option<&str>> = posts.iter().map(|p| p.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("Newest & Best"),
            Some("Middle Story"),
            Some("Oldest Story")
        ]
    );
    assert_eq!(
        openings(&posts),
        [
            "page https://www.ourstate.com/newest-story/",
            "page https://www.ourstate.com/middle-story/",
            "page https://www.ourstate.com/oldest-story/",
        ]
    );
    assert_eq!(
        posts[0].summary.as_deref(),
        Some("A story about North Carolina.")
    );
    assert_eq!(
        shown_date(posts[0].dated()).as_deref(),
        Some("published 2026-08-18T23:28:42Z")
    );
    // With a REST link of its own, such a post opens from it; with nothing, it leads nowhere.
    let trimmed = r#"[{"id":1,"title":{"rendered":"A"},"excerpt":{"rendered":"x"},
        "_links":{"self":[{"href":"https://e.example/wp-json/wp/v2/posts/1"}]}},
        {"id":2,"title":{"rendered":"B"},"excerpt":{"rendered":"y"}}]"#;
    let posts = parse_post_list(trimmed, None, None).unwrap();
    assert_eq!(
        openings(&posts),
        ["fetch https://e.example/wp-json/wp/v2/posts/1", "nowhere"]
    );
}

#[test]
fn wordpress_status_posts_keep_their_titles_and_empty_titles_are_untitled() {
    let (article, posts) = read(
        "wordpress/pythonwp-demo-wp-api-org-empty-titles.json",
        "https://demo.wp-api.org/wp-json/wp/v2/posts",
    );
    // A status post whose client copied its text into its title: the title names it, the
    // text is shown once, as the body.
    assert_eq!(article.title.as_deref(), Some("This is a test post!"));
    assert!(article.title_in_body && !article.shows_title());
    assert_eq!(article.body.text().trim(), "This is a test post!");
    assert_eq!(article.name().as_deref(), Some("This is a test post!"));
    assert_eq!(
        shown_date(article.dated()).as_deref(),
        Some("published 2016-09-03T13:54:33Z")
    );
    assert_eq!(reading_minutes(&article), Some(1));
    assert_eq!(posts.len(), 10);
    let titles: Vec<Option<&str>> = posts.iter().map(|p| p.title.as_deref()).collect();
    assert_eq!(
        titles[..3],
        [Some("This is a test post!"), Some("THis is a test!"), None]
    );
    assert!(titles[2..].iter().all(Option::is_none));
    // A titled entry is not teased with its title again.
    assert_eq!(posts[0].summary, None);
    let names: Vec<String> = posts.iter().filter_map(PostSummary::name).collect();
    assert_eq!(
        names,
        [
            "This is a test post!",
            "THis is a test!",
            "This is a status",
            "The event is about to start…",
            "awdawdawdwad",
            "This is a test",
            "This is a post",
            "awdawd ad wad",
            "Something just happened!",
            "This is some test posts!!!",
        ]
    );
    assert!(openings(&posts).iter().all(|o| o == "carried"));
    assert_eq!(
        posts[0].src.as_deref(),
        Some("https://demo.wp-api.org/wp-json/wp/v2/posts/470")
    );
}

#[test]
fn co_authors_plus_credits_every_author() {
    let (article, posts) = read(
        "wordpress/migrate-coauthors-plus.json",
        "https://mysite.com/wp-json/wp/v2/posts/99999?_embed",
    );
    assert_eq!(
        article.title.as_deref(),
        Some("Multi-Author Post with Co-Authors Plus")
    );
    assert_eq!(authors(&article), ["Alice Smith", "Bob Jones"]);
    let (alice, bob) = (&article.authors[0], &article.authors[1]);
    // The embedded user fills in the co-author of the same name.
    assert_eq!(
        alice.avatar.as_deref(),
        Some("https://secure.gravatar.com/avatar/abc123?s=96&d=mm&r=g")
    );
    assert_eq!(alice.bio.as_deref(), Some("First author"));
    assert_eq!(bob.avatar, None);
    assert_eq!(bob.bio.as_deref(), Some("Second author bio"));
    assert_eq!(
        bob.url.as_deref(),
        Some("https://mysite.com/author/bob-jones")
    );
    assert_eq!(article.category, None, "Uncategorized is no category");
    assert_eq!(
        shown_date(article.dated()).as_deref(),
        Some("published 2024-11-07T15:36:54Z")
    );
    assert_eq!(reading_minutes(&article), Some(1));
    assert_eq!(posts.len(), 1);
    assert_eq!(
        openings(&posts),
        ["carried"],
        "a single post is a list of one"
    );
}

#[test]
fn ghost_3_posts_keep_their_reading_time_authors_and_tags() {
    let (article, posts) = read(
        "ghost/julienbourdeau-ghost3-localhost-all.json",
        "http://localhost:2369/ghost/api/v3/content/posts/?include=authors,tags&limit=all",
    );
    assert_eq!(article.title.as_deref(), Some("Welcome to Ghost"));
    assert_eq!(authors(&article), ["Ghost"]);
    assert_eq!(article.category.as_deref(), Some("Getting Started"));
    assert_eq!(
        shown_date(article.dated()).as_deref(),
        Some("published 2020-03-29T08:04:35Z")
    );
    assert_eq!(reading_minutes(&article), Some(1));
    assert_eq!(posts.len(), 7);
    let minutes: Vec<Option<u32>> = posts
        .iter()
        .map(|p| p.article.as_ref().unwrap().reading_minutes)
        .collect();
    assert_eq!(
        minutes,
        [
            Some(1),
            Some(3),
            Some(2),
            Some(2),
            Some(2),
            Some(2),
            Some(2)
        ]
    );
    assert_eq!(
        posts[1].title.as_deref(),
        Some("Writing posts with Ghost ✍️")
    );
    assert!(openings(&posts).iter().all(|o| o == "carried"));
    // The Zapier widget's script from a Markdown card is not part of the article.
    let apps = posts[5].article.as_deref().unwrap();
    assert_eq!(apps.title.as_deref(), Some("Apps & integrations"));
    assert!(!format!("{:?}", apps.body).contains("zapier.com/apps/embed"));
}
