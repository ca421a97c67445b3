//! Property tests: arbitrary and mutated input never makes a parser panic or hang.
//!
//! Bounded for the test command; set `ROBUSTNESS_CASES` to run longer by hand, e.g.
//! `ROBUSTNESS_CASES=200000 cargo test --release --test robustness`.
#![cfg(not(browser))]

use article_reader::formats::{detect, json, parse_article, parse_post_list, Format};
use article_reader::model::Timestamp;
use article_reader::sanitize::{html_to_text, sanitize_html};
use article_reader::share::{Network, SharePayload, Utm};
use article_reader::text::{excerpt::excerpt, words};
use article_reader::url::{checked_url, UrlUse};
use serde_json::{json, Map, Value};

fn cases() -> usize {
    std::env::var("ROBUSTNESS_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500)
}

/// A small deterministic generator (xorshift64*), so failures reproduce from the case number.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Keys the adapters look for, so random objects reach deep into them.
const KEYS: &[&str] = &[
    "format",
    "version",
    "article",
    "related",
    "title",
    "body",
    "type",
    "text",
    "items",
    "posts",
    "id",
    "url",
    "src",
    "content_html",
    "content_text",
    "summary",
    "author",
    "authors",
    "name",
    "avatar",
    "tags",
    "date_published",
    "rendered",
    "content",
    "excerpt",
    "protected",
    "date_gmt",
    "_embedded",
    "wp:term",
    "taxonomy",
    "wp:featuredmedia",
    "media_details",
    "sizes",
    "code",
    "html",
    "primary_author",
    "primary_tag",
    "visibility",
    "reading_time",
    "published_at",
    "feature_image",
    "profile_image",
    "bio",
    "link",
    "_links",
    "self",
    "href",
    "language",
    "paragraphs",
    "items",
    "level",
    "published",
    "category",
    "avatar_urls",
    "96",
    "source_url",
];

const STRINGS: &[&str] = &[
    "",
    "article-reader",
    "https://jsonfeed.org/version/1.1",
    "paragraph",
    "quote",
    "heading",
    "category",
    "#internal",
    "internal",
    "rest_user_invalid_id",
    "<p>x</p>",
    "<script>alert(1)</script>",
    "&#8217;&amp;amp;&#",
    "javascript:alert(1)",
    "//cdn.example/x",
    "/root",
    "..",
    "2024-01-15T12:00:00Z",
    "Fri, 31 May 2019 12:17:58 -0700",
    "2017-02-14T00:00:00",
    "9999-99-99",
    "\u{0}",
    "🙂",
    "字字字",
    "Uncategorized",
    "<iframe src=//www.youtube.com/embed/x>",
];

fn value(rng: &mut Rng, depth: usize) -> Value {
    let choice = if depth > 4 {
        rng.below(5)
    } else {
        rng.below(8)
    };
    match choice {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => json!(*rng.pick(&[0i64, 1, -1, 2, 1_000_000_000_000, i64::MIN, i64::MAX])),
        3 => json!(*rng.pick(&[0.5f64, -0.0, 1e300, 4.0])),
        4 => Value::String((*rng.pick(STRINGS)).to_owned()),
        5 | 6 => {
            let mut map = Map::new();
            for _ in 0..rng.below(6) {
                map.insert((*rng.pick(KEYS)).to_owned(), value(rng, depth + 1));
            }
            Value::Object(map)
        }
        _ => Value::Array((0..rng.below(4)).map(|_| value(rng, depth + 1)).collect()),
    }
}

/// Replaces a random subtree of `doc` with a random value.
fn mutate(rng: &mut Rng, doc: &mut Value) {
    match doc {
        Value::Object(map) if !map.is_empty() && rng.below(4) != 0 => {
            let key = map
                .keys()
                .nth(rng.below(map.len()))
                .cloned()
                .unwrap_or_default();
            if let Some(child) = map.get_mut(&key) {
                mutate(rng, child);
            }
        }
        Value::Array(items) if !items.is_empty() && rng.below(4) != 0 => {
            let index = rng.below(items.len());
            mutate(rng, &mut items[index]);
        }
        _ => *doc = value(rng, 2),
    }
}

fn every_reading(json: &str) {
    let base = Some("https://example.com/feed.json");
    for forced in [
        None,
        Some(Format::Native),
        Some(Format::JsonFeed),
        Some(Format::WordPress),
        Some(Format::Ghost),
    ] {
        let _ = parse_article(json, forced, base);
        let _ = parse_post_list(json, forced, base);
    }
}

fn fixtures() -> Vec<Value> {
    let dir = format!("{}/tests/fixtures/formats", env!("CARGO_MANIFEST_DIR"));
    let mut docs: Vec<Value> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "json")
                .then(|| serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok())?
        })
        .collect();
    for demo in [
        include_str!("../demo/ms-ice.json"),
        include_str!("../demo/recent.json"),
    ] {
        docs.push(serde_json::from_str(demo).expect("demo json"));
    }
    docs
}

#[test]
fn arbitrary_json_never_panics_any_adapter() {
    let mut rng = Rng::new(1);
    for _ in 0..cases() {
        let text = value(&mut rng, 0).to_string();
        if let Ok(doc) = json::parse(&text) {
            let _ = detect(&doc);
        }
        every_reading(&text);
    }
}

#[test]
fn mutated_real_documents_never_panic_any_adapter() {
    let docs = fixtures();
    let mut rng = Rng::new(2);
    for case in 0..cases() {
        let mut doc = docs[case % docs.len()].clone();
        for _ in 0..=rng.below(3) {
            mutate(&mut rng, &mut doc);
        }
        every_reading(&doc.to_string());
    }
}

#[test]
fn arbitrary_bytes_never_panic_detection_or_adapters() {
    let seeds = [
        include_str!("../demo/ms-ice.json"),
        r#"{"posts":[{"title":"T"}]}"#,
    ];
    let mut rng = Rng::new(3);
    for case in 0..cases() {
        let mut bytes = seeds[case % seeds.len()].as_bytes().to_vec();
        for _ in 0..=rng.below(8) {
            let at = rng.below(bytes.len().max(1));
            match rng.below(3) {
                0 if !bytes.is_empty() => {
                    bytes.remove(at.min(bytes.len() - 1));
                }
                1 => bytes.insert(at.min(bytes.len()), (rng.next() & 0xFF) as u8),
                _ => bytes.truncate(at),
            }
        }
        every_reading(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn arbitrary_html_never_panics_the_sanitizer() {
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<a href=",
        "\"javascript:x\"",
        ">",
        "<img src=x onerror=y>",
        "<table>",
        "<tr><td>",
        "<svg><script>",
        "</svg>",
        "<math><mi>",
        "<template>",
        "<noscript>",
        "&#",
        "&amp;",
        "text ",
        "<iframe src=//www.youtube.com/embed/",
        "<!--",
        "-->",
        "<![CDATA[",
        "<h1>",
        "<select><option>",
        "<style>",
        "</",
        "<ul><li>",
        "\u{0}",
        "🙂",
    ];
    let mut rng = Rng::new(4);
    for _ in 0..cases() {
        let html: String = (0..rng.below(24)).map(|_| *rng.pick(PIECES)).collect();
        let body = sanitize_html(&html, Some("https://example.com/x"));
        let _ = body.text();
        let _ = html_to_text(&html);
    }
}

#[test]
fn arbitrary_text_never_panics_dates_urls_words_excerpts_or_share_links() {
    const PIECES: &[&str] = &[
        "2024",
        "-",
        "01",
        "T",
        ":",
        "Z",
        "+",
        "99",
        "Fri, ",
        "May ",
        " ",
        "GMT",
        "..",
        "/",
        "//",
        "\\",
        "?",
        "#",
        "http",
        "javascript",
        ":",
        "字",
        "ไทย",
        "’",
        ".",
        ",",
        "\t",
        "é",
        "\u{301}",
    ];
    let mut rng = Rng::new(5);
    for _ in 0..cases() {
        let text: String = (0..rng.below(16)).map(|_| *rng.pick(PIECES)).collect();
        let _ = Timestamp::parse_rfc3339(&text);
        let _ = Timestamp::parse_rfc2822(&text);
        if let Ok(at) = Timestamp::parse_feed_date(&text) {
            let _ = (at.to_long_date_en(), at.to_written_time(), at.to_rfc3339());
            let _ = at.on_clock_of(at).on_clock_of(Timestamp::utc(0));
        }
        let _ = checked_url(&text, Some("https://example.com/a/b"), UrlUse::Link);
        let _ = checked_url(&text, None, UrlUse::Resource);
        let _ = words::count(&text);
        let _ = excerpt(&text, rng.below(20), rng.below(40));
        let mut payload = SharePayload::new(text.clone(), text.clone());
        payload.utm = match rng.below(3) {
            0 => Utm::Off,
            1 => Utm::On,
            _ => Utm::Campaign(text.clone()),
        };
        payload.via = Some(text.clone());
        for network in Network::ALL {
            let _ = payload.href(network);
            let _ = payload.url_for(network);
        }
    }
}
