//! The pitfalls of real publisher JSON, one test each.
#![cfg(not(browser))]

use article_reader::formats::{parse_article, parse_post_list};

fn wp(post: &str) -> String {
    format!(
        r#"{{"id":1,"link":"https://blog.example.com/p/","title":{{"rendered":"T"}},"content":{{"rendered":"<p>x</p>","protected":false}},{post}}}"#
    )
}

#[test]
fn entities_in_plain_fields_are_decoded_exactly_once() {
    let json = r#"{"id":1,"title":{"rendered":"Don&#8217;t &amp; won&#8217;t &amp;amp; more&#8230;"},
        "content":{"rendered":""},"excerpt":{"rendered":"<p>Gin &amp; Juice</p>\n"}}"#;
    let article = parse_article(json, None, None).unwrap();
    assert_eq!(article.title.as_deref(), Some("Don’t & won’t &amp; more…"));
    assert_eq!(
        article.summary.as_deref(),
        Some("Gin & Juice"),
        "HTML excerpt stripped to text"
    );
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"Blog &#8211; News"}]}"#;
    assert_eq!(
        parse_article(feed, None, None).unwrap().title.as_deref(),
        Some("Blog – News")
    );
}

#[test]
fn wordpress_date_gmt_is_utc_and_date_is_only_a_fallback() {
    let json = r#"{"id":1,"title":{"rendered":"T"},"content":{"rendered":""},
        "date":"2017-02-14T02:00:00","date_gmt":"2017-02-14T00:00:00"}"#;
    let article = parse_article(json, None, None).unwrap();
    assert_eq!(
        article.published.unwrap().to_rfc3339(),
        "2017-02-14T00:00:00Z"
    );
    let local_only = r#"{"id":1,"title":{"rendered":"T"},"content":{"rendered":""},"date":"2017-02-14T02:00:00"}"#;
    assert_eq!(
        parse_article(local_only, None, None)
            .unwrap()
            .published
            .unwrap()
            .to_rfc3339(),
        "2017-02-14T02:00:00Z"
    );
}

#[test]
fn json_feed_dates_in_rfc_3339_and_rfc_2822() {
    let feed = |date: &str| {
        format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{{"id":"1","title":"T","date_published":"{date}"}}]}}"#
        )
    };
    for date in [
        "2019-05-31T12:17:58-07:00",
        "Fri, 31 May 2019 12:17:58 -0700",
    ] {
        let article = parse_article(&feed(date), None, None).unwrap();
        assert_eq!(
            article.published.unwrap().to_rfc3339(),
            "2019-05-31T19:17:58Z",
            "{date}"
        );
    }
    // A date that does not parse shows no date and breaks nothing.
    assert_eq!(
        parse_article(&feed("last Tuesday"), None, None)
            .unwrap()
            .published,
        None
    );
}

#[test]
fn a_date_as_a_unix_time_is_read_and_one_of_another_type_is_no_date_in_every_format() {
    let documents = |value: &str| {
        [
            format!(
                r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{{"id":"1","title":"T","content_html":"<p>x</p>","date_published":{value}}}]}}"#
            ),
            format!(
                r#"{{"posts":[{{"id":"a","title":"T","html":"<p>x</p>","published_at":{value}}}]}}"#
            ),
            wp(&format!(r#""date_gmt":{value}"#)),
        ]
    };
    for (value, expected) in [
        ("1559330278", Some("2019-05-31T19:17:58Z")),
        ("1559330278000", Some("2019-05-31T19:17:58Z")),
        ("-86400", Some("1969-12-31T00:00:00Z")),
        ("1559330278.5", None),
        ("false", None),
        ("null", None),
        ("{}", None),
        (r#"["2019-05-31"]"#, None),
    ] {
        for document in documents(value) {
            let article = parse_article(&document, None, None)
                .unwrap_or_else(|e| panic!("{value}: the article, with or without a date: {e}"));
            assert_eq!(
                article.published.map(|t| t.to_rfc3339()).as_deref(),
                expected,
                "{document}"
            );
            let posts = parse_post_list(&document, None, None).expect("the list");
            assert_eq!(
                posts[0].published.map(|t| t.to_rfc3339()).as_deref(),
                expected
            );
        }
    }
}

#[test]
fn protocol_and_root_relative_urls_resolve_against_the_document() {
    let json = r#"{"posts":[{"id":"a","title":"T","url":"/welcome/","feature_image":"//cdn.example.com/f.jpg",
        "html":"<p><img src=\"/content/a.jpg\"><a href=\"//other.example/x\">x</a></p>",
        "primary_author":{"name":"A","profile_image":"/content/me.png","bio":null}}]}"#;
    let article = parse_article(
        json,
        None,
        Some("https://ghost.example.com/ghost/api/content/posts/"),
    )
    .unwrap();
    assert_eq!(
        article.url.as_deref(),
        Some("https://ghost.example.com/welcome/")
    );
    assert_eq!(
        article.image.as_deref(),
        Some("https://cdn.example.com/f.jpg")
    );
    let author = article.authors[0].clone();
    assert_eq!(
        author.avatar.as_deref(),
        Some("https://ghost.example.com/content/me.png")
    );
    assert_eq!(author.bio, None);
    let text = format!("{:?}", article.body);
    assert!(
        text.contains("https://ghost.example.com/content/a.jpg"),
        "{text}"
    );
    assert!(text.contains("https://other.example/x"), "{text}");
}

#[test]
fn a_wordpress_author_error_object_means_no_author_card() {
    let json = wp(
        r#""author":7,"_embedded":{"author":[{"code":"rest_user_invalid_id","message":"Invalid user ID.","data":{"status":404}}]}"#,
    );
    let article = parse_article(&json, None, None).unwrap();
    assert_eq!(article.authors, []);
    let zero = wp(r#""author":0"#);
    assert_eq!(parse_article(&zero, None, None).unwrap().authors, []);
}

#[test]
fn ghost_null_fields_and_internal_tags() {
    let json = r##"{"posts":[{"id":"a","title":"T","html":null,"custom_excerpt":null,"excerpt":"Short.",
        "feature_image":null,"reading_time":0,
        "primary_author":{"name":"Ann","bio":null,"profile_image":null},
        "primary_tag":{"name":"#feature","visibility":"internal"},
        "tags":[{"name":"#feature","visibility":"internal"},{"name":"News","visibility":"public"}]}]}"##;
    let article = parse_article(json, None, None).unwrap();
    assert_eq!(article.category.as_deref(), Some("News"));
    assert_eq!(article.summary.as_deref(), Some("Short."));
    assert_eq!(
        article.reading_minutes, None,
        "reading_time 0 is not a figure"
    );
    assert_eq!(article.image, None);
    let author = article.authors[0].clone();
    assert_eq!((author.bio, author.avatar), (None, None));
    let with_time = json.replace("\"reading_time\":0", "\"reading_time\":4");
    assert_eq!(
        parse_article(&with_time, None, None)
            .unwrap()
            .reading_minutes,
        Some(4)
    );
}

#[test]
fn wordpress_meta_as_object_or_array_and_unknown_keys_are_ignored() {
    for meta in [
        r#""meta":{}"#,
        r#""meta":[]"#,
        r#""meta":{"k":"v"},"yoast_head_json":{"x":[1,2]}"#,
    ] {
        assert_eq!(
            parse_article(&wp(meta), None, None)
                .unwrap()
                .title
                .as_deref(),
            Some("T"),
            "{meta}"
        );
    }
}

#[test]
fn uncategorized_is_skipped_and_categories_are_picked_by_taxonomy() {
    let json = wp(
        r#""_embedded":{"wp:term":[[{"taxonomy":"post_tag","name":"Tag first"}],
        [{"taxonomy":"category","name":"Uncategorized"},{"taxonomy":"category","name":"News &amp; Views"}]]}"#,
    );
    assert_eq!(
        parse_article(&json, None, None)
            .unwrap()
            .category
            .as_deref(),
        Some("News & Views")
    );
}

#[test]
fn items_without_an_id_fall_back_to_their_url() {
    let feed = r#"{"version":"https://jsonfeed.org/version/1","items":[{"url":"https://e.example/1","title":"A"},{"title":"B"}]}"#;
    let posts = parse_post_list(feed, None, None).unwrap();
    assert_eq!(posts[0].id, "https://e.example/1");
    assert_eq!(posts[1].id, "item-1");
    let ghost = r#"{"posts":[{"title":"T","url":"https://g.example/t/"}]}"#;
    assert_eq!(
        parse_article(ghost, None, None).unwrap().id,
        "https://g.example/t/"
    );
}

#[test]
fn password_protected_wordpress_content_becomes_a_notice() {
    let json = r#"{"id":3,"link":"https://blog.example.com/secret/","title":{"rendered":"Secret"},
        "content":{"rendered":"","protected":true},"excerpt":{"rendered":"","protected":true}}"#;
    let article = parse_article(json, None, None).unwrap();
    assert!(article.protected);
    assert!(article.body.is_empty());
    assert_eq!(
        article.url.as_deref(),
        Some("https://blog.example.com/secret/")
    );
}

#[test]
fn unsafe_urls_in_fields_are_dropped() {
    let json = r#"{"posts":[{"title":"T","url":"javascript:alert(1)","feature_image":"data:image/png;base64,AA",
        "primary_author":{"name":"A","profile_image":"javascript:x","url":"vbscript:y"}}]}"#;
    let article = parse_article(json, None, None).unwrap();
    assert_eq!(article.url, None);
    assert_eq!(article.image, None);
    let author = article.authors[0].clone();
    assert_eq!((author.avatar, author.url), (None, None));
}

#[test]
fn a_deeply_nested_unknown_key_does_not_cost_the_article() {
    let deep = format!(
        "{}{}",
        "{\"x\":".repeat(200),
        "1}".to_owned() + &"}".repeat(199)
    );
    let json = format!(
        r#"{{"format":"article-reader","version":1,"article":{{"title":"Deep","_ext":{deep}}}}}"#
    );
    let article = parse_article(&json, None, None).unwrap();
    assert_eq!(article.title.as_deref(), Some("Deep"));
}

#[test]
fn a_title_written_as_a_number_is_that_title_and_one_of_another_type_is_no_title() {
    // Jekyll's and Hugo's `jsonify` write `title: 1984` from a post's front matter as a number.
    let documents = |value: &str| {
        [
            format!(
                r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{{"id":"1","title":{value},"content_html":"<p>Words of the post.</p>"}},{{"id":"2","title":"Next","content_html":"<p>x</p>"}}]}}"#
            ),
            format!(
                r#"{{"posts":[{{"id":"a","title":{value},"html":"<p>Words of the post.</p>"}},{{"id":"b","title":"Next","html":"<p>x</p>"}}]}}"#
            ),
        ]
    };
    for (value, expected) in [
        ("1984", Some("1984")),
        ("-1", Some("-1")),
        ("\"1984\"", Some("1984")),
        ("19.84", None),
        ("true", None),
        ("null", None),
        (r#"{"rendered":"T"}"#, None),
    ] {
        for document in documents(value) {
            let article = parse_article(&document, None, None)
                .unwrap_or_else(|e| panic!("{value}: the article, titled or not: {e}"));
            assert_eq!(article.title.as_deref(), expected, "{document}");
            assert!(
                article.name().is_some(),
                "an untitled post is named by its words"
            );
            let posts = parse_post_list(&document, None, None)
                .unwrap_or_else(|e| panic!("{value}: the list: {e}"));
            assert_eq!(posts.len(), 2, "one post's title costs no other post");
            assert_eq!(posts[0].title.as_deref(), expected);
        }
    }
}

#[test]
fn an_optional_field_of_another_type_is_left_out_not_the_article() {
    // What templates write when front matter holds a number or a boolean.
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","language":5,"items":[
        {"id":"1","title":"T","content_html":"<p>Words.</p>","summary":42,"url":7,"external_url":false,
         "image":true,"banner_image":{},"language":1,"authors":[{"name":1337,"url":1,"avatar":2},{"name":"Ann"}]},
        {"id":"2","title":"U","content_html":12345,"content_text":["x"],"summary":"Told."}]}"#;
    let article = parse_article(feed, None, None).expect("the article");
    assert_eq!(article.title.as_deref(), Some("T"));
    assert_eq!(article.body.text().trim(), "Words.");
    assert_eq!(
        (
            article.summary,
            article.url,
            article.image,
            article.language
        ),
        (None, None, None, None)
    );
    let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Ann"], "an author without a name is no author");
    let posts = parse_post_list(feed, None, None).expect("the list");
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[1].summary.as_deref(), Some("Told."));
    let ghost = r#"{"posts":[{"id":"a","title":"G","html":"<p>Words.</p>","url":3,"excerpt":4,
        "custom_excerpt":false,"feature_image":0}]}"#;
    let article = parse_article(ghost, None, None).expect("the article");
    assert_eq!(article.body.text().trim(), "Words.");
    assert_eq!(
        (article.summary, article.url, article.image),
        (None, None, None)
    );
}

#[test]
fn a_ghost_response_asked_for_plaintext_has_its_body_in_plaintext() {
    // `/ghost/api/content/posts/?formats=plaintext`: no `html`, the text with its line breaks.
    let ghost = r#"{"posts":[{"id":"a","title":"Plain","url":"https://ghost.example/plain/",
        "plaintext":"First paragraph of the post.\n\nSecond paragraph, after a blank line."}]}"#;
    let article = parse_article(ghost, None, None).expect("the article");
    let text = article.body.text();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        lines,
        [
            "First paragraph of the post.",
            "Second paragraph, after a blank line."
        ]
    );
    let posts = parse_post_list(ghost, None, None).expect("the list");
    assert!(
        matches!(
            posts[0].opening(),
            article_reader::model::Opening::Carried(_)
        ),
        "the list carries it, so it opens in place"
    );
    // With both, the HTML is the body; blank HTML is no HTML, as in JSON Feed.
    let both = ghost.replace(r#""plaintext""#, r#""html":"<p>Markup.</p>","plaintext""#);
    assert_eq!(
        parse_article(&both, None, None).unwrap().body.text().trim(),
        "Markup."
    );
    let blank = ghost.replace(r#""plaintext""#, r#""html":" \n","plaintext""#);
    assert_eq!(parse_article(&blank, None, None).unwrap().body.text(), text);
}
