//! The prerenderer (`article-reader render`): the element it writes, its schema.org JSON-LD
//! against what the widget shows, and the command line's contract (help, errors, `--each`).
//! That its markup equals the live widget's is shown in the browser (e2e/prerender.test.mjs).
#![cfg(all(not(browser), feature = "ssr"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use article_reader::embed::config::ATTRIBUTES;
use article_reader::formats::parse_article;
use article_reader::model::Timestamp;
use article_reader::prerender::{self, Options, Style};
use serde_json::Value;

fn file(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn options(attributes: &[(&str, &str)]) -> Options {
    Options {
        attributes: attributes
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        assets: "./".to_owned(),
        page: None,
        style: Style::Inline,
        now: Timestamp::parse_rfc3339("2026-12-01T00:00:00Z").unwrap(),
    }
}

/// The JSON-LD after the element.
/// The demo article prerendered with `attributes`, without related posts.
fn render_demo(attributes: &[(&str, &str)]) -> String {
    prerender::render(&options(attributes), &file("demo/ms-ice.json"), None).expect("the demo")
}

fn json_ld(fragment: &str) -> Value {
    let start = fragment
        .find("<script type=\"application/ld+json\">")
        .expect("a JSON-LD script")
        + "<script type=\"application/ld+json\">".len();
    let end = start
        + fragment[start..]
            .find("</script>")
            .expect("the script's end");
    serde_json::from_str(&fragment[start..end]).expect("JSON-LD is JSON")
}

/// Every format fixture the widget reads as an article, with the URL it is given at.
fn article_fixtures() -> Vec<(String, String)> {
    let mut fixtures = vec![("demo/ms-ice.json".to_owned(), file("demo/ms-ice.json"))];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let json = std::fs::read_to_string(&path).unwrap();
        if parse_article(&json, None, None).is_ok() {
            fixtures.push((path.display().to_string(), json));
        }
    }
    assert!(fixtures.len() >= 6, "the format fixtures are there");
    fixtures
}

#[test]
fn the_light_dom_carries_the_shadow_roots_article_once_without_parts_marked_as_the_loader_marks_it()
{
    let fragment = render_demo(&[("src", "ms-ice.json")]);
    let (shadow, light) = fragment
        .split_once("</template>")
        .expect("a declarative shadow root");
    let light = light.split("</article-reader>").next().unwrap();
    let article = |html: &str| -> String {
        let start = html.find("<article ").expect("an article");
        let end = html.rfind("</article>").expect("its end");
        html[start..end].split_once('>').unwrap().1.to_owned()
    };
    assert!(light.starts_with(&format!("<article {}", prerender::COPY_ATTRIBUTE)));
    // The same markup, but for the `part` names, which only the rendered article has.
    assert!(!light.contains(" part=\""));
    let unnamed = |html: String| {
        html.split(" part=\"")
            .enumerate()
            .map(|(i, piece)| {
                if i == 0 {
                    piece
                } else {
                    piece.split_once('"').unwrap().1
                }
            })
            .collect::<String>()
    };
    assert!(!light.contains("class=\"share") && !light.contains("<progress"));
    assert!(light.contains("Microsoft yesterday released a statement"));
    assert!(light.contains("<h1 "));
    assert!(light.contains("class=\"author-card\""));
    // Every element of the copy is the shadow article's, in order.
    let tags = |html: &str| -> Vec<String> {
        html.split('<')
            .skip(1)
            .map(|t| t.split([' ', '>']).next().unwrap().to_owned())
            .collect()
    };
    let (copy, whole) = (tags(&article(light)), tags(&unnamed(article(shadow))));
    let mut rest = whole.iter();
    assert!(
        copy.iter().all(|tag| rest.any(|t| t == tag)),
        "a subsequence"
    );
    assert_eq!(light.matches("<article ").count(), 1);
    // The loader marks the copies it writes with the same attribute.
    let loader = file("src/embed/article-reader.js");
    assert!(loader.contains(&format!("const COPY = '{}';", prerender::COPY_ATTRIBUTE)));
}

#[test]
fn the_element_carries_its_attributes_a_declarative_shadow_root_and_the_stylesheet() {
    let fragment = prerender::render(
        &options(&[
            ("id", "first"),
            ("src", "https://news.example/ice.json"),
            ("theme", "dark"),
            ("share", "x,copy"),
        ]),
        &file("demo/ms-ice.json"),
        Some(&file("demo/recent.json")),
    )
    .unwrap();
    assert!(fragment.starts_with(
        "<article-reader id=\"first\" src=\"https://news.example/ice.json\" theme=\"dark\" \
         share=\"x,copy\"><template shadowrootmode=\"open\"><style>"
    ));
    assert!(fragment.contains(
        "</style><div class=\"article-reader article-reader--prerendered\"><div lang=\"en\""
    ));
    for part in [
        "category",
        "title",
        "byline",
        "reading-time",
        "published",
        "progress",
        "body",
        "share",
        "share-link",
        "author-card",
        "author-name",
        "related",
        "related-item",
    ] {
        assert!(
            fragment.contains(&format!("part=\"{part}\"")),
            "part {part} is prerendered"
        );
    }
    // Related posts are plain links to their pages (no engine needed to follow them).
    assert!(fragment.contains("Top life hacks for prepping for your IT certification exam"));
    assert!(fragment.ends_with("</script>\n"));

    let linked = prerender::render(
        &Options {
            style: Style::Link,
            assets: "/static/reader".to_owned(),
            ..options(&[])
        },
        &file("demo/ms-ice.json"),
        None,
    )
    .unwrap();
    assert!(linked.contains(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" \
         href=\"/static/reader/article-reader.css\"><div"
    ));
    assert!(!linked.contains("<style>"));
}

#[test]
fn the_inline_stylesheets_hash_is_the_one_a_csp_needs() {
    use base64::Engine;
    use sha2::Digest;
    let fragment = render_demo(&[]);
    let start = fragment.find("<style>").unwrap() + "<style>".len();
    let end = fragment.find("</style>").unwrap();
    let digest = sha2::Sha256::digest(&fragment.as_bytes()[start..end]);
    let expected = format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    );
    assert_eq!(prerender::style_hash(), expected);
}

#[test]
fn json_ld_has_the_values_the_widget_shows_for_the_demo() {
    let fragment = render_demo(&[("src", "https://hub.packtpub.com/ms-ice.json")]);
    let posting = json_ld(&fragment);
    assert_eq!(posting["@context"], "https://schema.org");
    assert_eq!(posting["@type"], "BlogPosting");
    assert_eq!(
        posting["headline"],
        "Microsoft condemns ICE activity at U.S. border but still faces public and internal criticism"
    );
    assert_eq!(posting["author"][0]["@type"], "Person");
    assert_eq!(posting["author"][0]["name"], "Richard Gall");
    assert_eq!(posting["datePublished"], "2018-06-19T10:00:00Z");
    assert_eq!(posting["dateModified"], "2018-06-19T10:00:00Z");
    // The byline's "3 min read", and the words it counts.
    assert!(fragment.contains(">3 min read<"));
    assert_eq!(posting["timeRequired"], "PT3M");
    assert!(posting["wordCount"].as_u64().unwrap() > 400);
    assert_eq!(posting["inLanguage"], "en");
    assert_eq!(posting["articleSection"], "Cloud & Networking");
    assert!(posting["description"].as_str().unwrap().len() > 20);
}

#[test]
fn json_ld_follows_every_format_fixture() {
    for (path, json) in article_fixtures() {
        let article = parse_article(&json, None, None).unwrap();
        let fragment =
            prerender::render(&options(&[]), &json, None).unwrap_or_else(|e| panic!("{path}: {e}"));
        let posting = json_ld(&fragment);
        let text = |key: &str| posting[key].as_str().map(str::to_owned);
        assert_eq!(text("headline"), article.name(), "{path}");
        let names: Vec<&str> = posting["author"]
            .as_array()
            .map(|a| a.iter().map(|p| p["name"].as_str().unwrap()).collect())
            .unwrap_or_default();
        let shown: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, shown, "{path}");
        for (person, author) in posting["author"]
            .as_array()
            .into_iter()
            .flatten()
            .zip(&article.authors)
        {
            assert_eq!(person["url"].as_str(), author.url.as_deref(), "{path}");
        }
        assert_eq!(
            text("datePublished"),
            article.published.map(|t| t.to_rfc3339()),
            "{path}"
        );
        assert_eq!(
            text("dateModified"),
            article
                .modified
                .or(article.published)
                .map(|t| t.to_rfc3339()),
            "{path}"
        );
        assert_eq!(text("image"), article.image, "{path}");
        assert_eq!(text("url"), article.url, "{path}");
        assert_eq!(text("articleSection"), article.category, "{path}");
        // The same figure as the byline's "N min read".
        match text("timeRequired") {
            Some(required) => {
                let minutes = required
                    .strip_prefix("PT")
                    .and_then(|m| m.strip_suffix('M'))
                    .unwrap();
                assert!(
                    fragment.contains(&format!(">{minutes} min read<")),
                    "{path}: {required}"
                );
            }
            None => assert!(!fragment.contains("part=\"reading-time\""), "{path}"),
        }
    }
}

#[test]
fn json_ld_cannot_end_its_script_early() {
    let article = r#"{"format": "article-reader", "version": 1, "article": {
        "id": "x", "title": "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- a",
        "body": [{"type": "paragraph", "text": "Hello"}]}}"#;
    let fragment = prerender::render(&options(&[]), article, None).unwrap();
    let script = &fragment[fragment.find("<script type=").unwrap()..];
    assert_eq!(script.matches("</script>").count(), 1);
    assert!(!script.contains("<!--"));
    assert_eq!(
        json_ld(&fragment)["headline"],
        "</script><script>alert(1)</script> <!-- a"
    );
}

#[test]
fn attribute_values_are_escaped() {
    let fragment = render_demo(&[("src", "a.json?x=\"><script>&y")]);
    assert!(
        fragment.starts_with("<article-reader src=\"a.json?x=&quot;>&lt;script>&amp;y\"><template")
    );
}

#[test]
fn relative_times_are_written_against_now() {
    let at = |now: &str| {
        prerender::render(
            &Options {
                now: Timestamp::parse_rfc3339(now).unwrap(),
                ..options(&[])
            },
            &file("demo/ms-ice.json"),
            Some(&file("demo/recent.json")),
        )
        .unwrap()
    };
    // The first related post is of 2023-11-20.
    let first_time = |fragment: &str| {
        let time = &fragment[fragment.find("part=\"related-time\"").unwrap()..];
        time[time.find('>').unwrap() + 1..time.find("</time>").unwrap()].to_owned()
    };
    assert_eq!(first_time(&at("2026-12-01T00:00:00Z")), "3 years ago");
    assert_eq!(first_time(&at("2023-11-21T09:00:00Z")), "1 day ago");
    assert_eq!(first_time(&at("2021-06-01T00:00:00Z")), "in 2 years");
}

// The command line.

fn command(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article-reader"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn help_lists_every_flag_and_the_csp_source() {
    let output = command(&["--help"]);
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for attribute in ATTRIBUTES {
        assert!(help.contains(&format!("--{attribute} ")), "--{attribute}");
    }
    for flag in [
        "--related ",
        "--each ",
        "--out ",
        "--assets ",
        "--page ",
        "--style ",
        "--now ",
        "--id ",
        "--class ",
        "--help",
    ] {
        assert!(help.contains(flag), "{flag}");
    }
    assert!(help.contains(&format!("style-src {}", prerender::style_hash())));
    // Help asked for anywhere is help.
    assert_eq!(
        command(&["render", "x.json", "--help"]).stdout,
        command(&["--help"]).stdout
    );
}

#[test]
fn render_prints_the_element_for_a_file() {
    let output = command(&[
        "render",
        "demo/ms-ice.json",
        "--related",
        "demo/recent.json",
        "--src",
        "ms-ice.json",
        "--now",
        "2026-12-01T00:00:00Z",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(out.starts_with("<article-reader src=\"ms-ice.json\"><template shadowrootmode"));
    assert!(out.contains("part=\"related\""));
    assert_eq!(json_ld(&out)["author"][0]["name"], "Richard Gall");
}

#[test]
fn bad_input_fails_with_the_widgets_words_and_prints_nothing() {
    let dir = std::env::temp_dir().join(format!("article-reader-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let broken = write(
        "broken.json",
        "{\"format\": \"article-reader\",\n \"version\": 1,,}",
    );
    let wrong = write(
        "wrong.json",
        r#"{"format": "article-reader", "version": 1, "article": {"id": "x", "body": 3}}"#,
    );
    let missing = dir.join("missing.json").display().to_string();
    for (args, expected) in [
        (vec!["render", broken.as_str()], "not JSON: "),
        (vec!["render", broken.as_str()], "line 2 column"),
        (vec!["render", wrong.as_str()], "article.body"),
        (vec!["render", missing.as_str()], "missing.json"),
        (
            vec!["render", "demo/ms-ice.json", "--related", broken.as_str()],
            "not JSON",
        ),
        (vec!["render", "demo/ms-ice.json", "--nope", "1"], "--nope"),
        (vec!["render", "demo/ms-ice.json", "--now", "soon"], "--now"),
        (
            vec!["render", "demo/ms-ice.json", "--style", "x"],
            "--style",
        ),
        (vec!["render"], "which article?"),
        (
            vec!["render", "demo/ms-ice.json", "--lang"],
            "needs a value",
        ),
        (vec!["frobnicate"], "unknown command"),
    ] {
        let output = command(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let message = stderr(&output);
        assert!(message.contains(expected), "{args:?}: {message}");
    }
    // Values the widget refuses are reported as it reports them, and the element still written.
    let refused = command(&[
        "render",
        "demo/ms-ice.json",
        "--share-url",
        "javascript:alert(1)",
    ]);
    assert!(refused.status.success());
    assert!(
        stderr(&refused).contains("share-url"),
        "{}",
        stderr(&refused)
    );
    assert!(!refused.stdout.is_empty());
    // The words are the widget's own, for the document named.
    let shown = parse_article(&file(&wrong), None, None)
        .unwrap_err()
        .to_string();
    assert!(stderr(&command(&["render", &wrong])).contains(&shown));
    // A file that is not there is named, in words that are the same on every platform (and
    // under WASI, where the npm package runs this command): no OS error number.
    assert_eq!(
        stderr(&command(&["render", &missing])),
        format!("article-reader: {missing}: No such file or directory\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn each_writes_one_fragment_per_post_with_the_others_related() {
    let out = std::env::temp_dir().join(format!("article-reader-each-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let output = command(&[
        "render",
        "--each",
        "tests/fixtures/formats/jsonfeed_feedrs_jsonfeed_elastic_1.1.json",
        "--out",
        out.to_str().unwrap(),
        "--related-src",
        "https://www.influxdata.com/feed.json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "influxdb-markedly-elasticsearch-in-time-series-data-metrics.html",
            "influxdb-outperforms-graphite-in-time-series-data-metrics-be.html",
        ]
    );
    // The third post has no body: nothing to prerender, and the lists link to its page.
    assert!(stderr(&output).contains("skipped \"Fake item\""));
    let fragment = std::fs::read_to_string(
        out.join("influxdb-outperforms-graphite-in-time-series-data-metrics-be.html"),
    )
    .unwrap();
    assert!(fragment
        .starts_with("<article-reader related-src=\"https://www.influxdata.com/feed.json\">"));
    assert!(fragment.contains("part=\"related\""));
    let posting = json_ld(&fragment);
    assert_eq!(
        posting["url"],
        "https://www.influxdata.com/blog/influxdb-outperforms-graphite-in-time-series-data-metrics-benchmark"
    );
    let _ = std::fs::remove_dir_all(&out);

    // A list trimmed to some fields carries no bodies: nothing to prerender, each post named.
    let trimmed = command(&[
        "render",
        "--each",
        "demo/recent.json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(trimmed.status.success());
    let message = stderr(&trimmed);
    assert!(message.contains("skipped \"Clean Coding in Python with Mariano Anaya\""));
    assert!(message.contains("wrote 0 fragments"));
    let _ = std::fs::remove_dir_all(&out);
}
