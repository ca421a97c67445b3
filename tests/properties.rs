//! Properties the sanitizer and text rules keep for any input, checked on every fixture and
//! on generated HTML: the words a reader sees survive (and only those), only allowed URL
//! schemes remain, sanitizing twice equals sanitizing once, excerpts stay within their length.
//!
//! Bounded for the test command; `ROBUSTNESS_CASES=200000 cargo test --release --test
//! properties` runs longer.
#![cfg(not(browser))]

use html5ever::tendril::TendrilSink;
use html5ever::{local_name, ns, parse_fragment, ParseOpts, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use serde_json::Value;

#[path = "common/body_text.rs"]
mod body_text;
use article_reader::model::{Attr, Node, Tag};
use article_reader::sanitize::sanitize_html;
use article_reader::text::collapse_whitespace;
use article_reader::text::excerpt::excerpt;
use body_text::body_text;

fn cases() -> usize {
    std::env::var("ROBUSTNESS_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500)
}

/// Elements whose content readers never see in a browser, or that the widget leaves out on
/// purpose: scripts, styles, templates, forms and their controls, foreign content, embedded
/// documents and media fallbacks.
const NOT_SHOWN: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "object",
    "embed",
    "applet",
    "param",
    "head",
    "title",
    "meta",
    "link",
    "base",
    "frame",
    "frameset",
    "noframes",
    "noembed",
    "canvas",
    "audio",
    "video",
    "source",
    "track",
    "map",
    "area",
    "input",
    "button",
    "select",
    "option",
    "optgroup",
    "textarea",
    "datalist",
    "output",
    "progress",
    "meter",
    "dialog",
    "slot",
    "portal",
    "fencedframe",
    "iframe",
    "form",
    "label",
    "fieldset",
    "legend",
];

/// Elements a browser lays out on lines of their own (its default style sheet), plus line
/// breaks, which also end a word.
const SEPARATES_WORDS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "plaintext",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "xmp",
    "br",
];

/// Hidden by the publisher: the `hidden` attribute or an inline `display:none` /
/// `visibility:hidden`.
fn hidden_by_publisher(attrs: &[(String, String)]) -> bool {
    attrs.iter().any(|(name, value)| {
        name == "hidden"
            || (name == "style" && {
                let style = value.to_ascii_lowercase().replace([' ', '\t', '\n'], "");
                style.split(';').any(|d| {
                    let d = d.trim_end_matches("!important");
                    d == "display:none" || d == "visibility:hidden" || d == "visibility:collapse"
                })
            })
    })
}

/// The text a reader of the source HTML sees, words separated as the browser lays them out:
/// an independent statement of what the allowlist must keep.
fn source_text(html: &str) -> String {
    fn walk(node: &Handle, out: &mut String) {
        match &node.data {
            NodeData::Text { contents } => out.push_str(&contents.borrow()),
            NodeData::Element { name, attrs, .. } => {
                let attrs: Vec<(String, String)> = attrs
                    .borrow()
                    .iter()
                    .map(|a| (a.name.local.to_string(), a.value.to_string()))
                    .collect();
                let local = name.local.to_string();
                if name.ns != ns!(html) || hidden_by_publisher(&attrs) {
                    return;
                }
                if NOT_SHOWN.contains(&&*local) {
                    // A frame holds no words of the article, but as a box of its own (a video
                    // player, which the widget shows as a link card) it ends the words around it.
                    if local == "iframe" {
                        out.push(' ');
                    }
                    return;
                }
                let separates = SEPARATES_WORDS.contains(&&*local);
                if separates {
                    out.push(' ');
                }
                for child in node.children.borrow().iter() {
                    walk(child, out);
                }
                if separates {
                    out.push(' ');
                }
            }
            _ => {
                for child in node.children.borrow().iter() {
                    walk(child, out);
                }
            }
        }
    }
    let dom = parse_fragment(
        RcDom::default(),
        ParseOpts::default(),
        QualName::new(None, ns!(html), local_name!("body")),
        Vec::new(),
        false,
    )
    .one(html);
    let mut out = String::new();
    walk(&dom.document, &mut out);
    collapse_whitespace(&out)
}

/// A body written back as HTML (the markup the widget renders), for sanitizing it again.
fn to_html(nodes: &[Node]) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\u{a0}', "&nbsp;")
    };
    let mut out = String::new();
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(&escape(text)),
            Node::Element(e) => {
                out.push('<');
                out.push_str(e.tag.name());
                for (attr, value) in &e.attrs {
                    out.push_str(&format!(" {}=\"{}\"", attr.name(), escape(value)));
                }
                out.push('>');
                // HTML drops a newline right after `<pre>`: a text starting with one keeps it
                // by writing it twice (as HTML serializers and the server renderer do).
                if e.tag == Tag::Preformatted
                    && matches!(e.children.first(), Some(Node::Text(t)) if t.starts_with('\n'))
                {
                    out.push('\n');
                }
                if !e.tag.is_void() {
                    out.push_str(&to_html(&e.children));
                    out.push_str(&format!("</{}>", e.tag.name()));
                }
            }
            Node::VideoLink { url, title, .. } => {
                let embed = url
                    .replace(
                        "https://www.youtube.com/watch?v=",
                        "https://www.youtube.com/embed/",
                    )
                    .replace("https://vimeo.com/", "https://player.vimeo.com/video/");
                let title = title
                    .as_deref()
                    .map(|t| format!(" title=\"{}\"", escape(t)))
                    .unwrap_or_default();
                out.push_str(&format!("<iframe src=\"{embed}\"{title}></iframe>"));
            }
        }
    }
    out
}

/// Every URL the body carries, with what it is for.
fn urls(nodes: &[Node], out: &mut Vec<(Attr, String)>) {
    for node in nodes {
        match node {
            Node::Element(e) => {
                for (attr, value) in &e.attrs {
                    match attr {
                        Attr::Href | Attr::Src => out.push((*attr, value.clone())),
                        Attr::Srcset => out.extend(value.split(',').filter_map(|candidate| {
                            Some((Attr::Src, candidate.split_whitespace().next()?.to_owned()))
                        })),
                        _ => {}
                    }
                }
                urls(&e.children, out);
            }
            Node::VideoLink { url, .. } => out.push((Attr::Href, url.clone())),
            Node::Text(_) => {}
        }
    }
}

/// The three properties every sanitized body has.
fn check(html: &str, base: &str, what: &str) {
    let body = sanitize_html(html, Some(base));
    assert_eq!(
        body_text(&body),
        source_text(html),
        "{what}: the words readers see changed\n{html}"
    );
    let mut found = Vec::new();
    urls(body.nodes(), &mut found);
    for (attr, url) in found {
        let lower = url.to_ascii_lowercase();
        let allowed = lower.starts_with("https://")
            || lower.starts_with("http://")
            || (attr == Attr::Href && lower.starts_with("mailto:"));
        assert!(allowed, "{what}: {} {url}", attr.name());
    }
    let again = sanitize_html(&to_html(body.nodes()), Some(base));
    assert_eq!(
        again, body,
        "{what}: sanitizing again changed the body\n{html}"
    );
}

/// Every HTML body of the JSON documents in `dir` (recursively), with the document's name.
fn html_bodies(dir: &str) -> Vec<(String, String)> {
    fn collect(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(members) => {
                for (key, value) in members {
                    match (key.as_str(), value) {
                        ("content_html" | "html", Value::String(html)) => out.push(html.clone()),
                        ("content", Value::Object(content)) => {
                            if let Some(Value::String(html)) = content.get("rendered") {
                                out.push(html.clone());
                            }
                        }
                        _ => collect(value, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(format!(
        "{}/{dir}",
        env!("CARGO_MANIFEST_DIR")
    ))];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "json") && !path.ends_with("payloads.json")
        {
            let text = std::fs::read_to_string(&path).unwrap();
            let value: Value = serde_json::from_str(&text).unwrap();
            let mut bodies = Vec::new();
            collect(&value, &mut bodies);
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            found.extend(bodies.into_iter().map(|html| (name.clone(), html)));
        }
    }
    found
}

#[test]
fn every_fixture_body_keeps_the_words_readers_see_and_only_those() {
    let mut bodies = html_bodies("tests/fixtures/formats");
    bodies.extend(html_bodies("tests/fixtures/realworld"));
    bodies.extend(html_bodies("demo"));
    assert!(bodies.len() >= 50, "{} bodies", bodies.len());
    for (name, html) in &bodies {
        check(html, "https://publisher.example/feed.json", name);
    }
}

#[test]
fn a_publishers_layout_keeps_its_spaces_and_loses_its_honeypots() {
    let page = r#"<div class="notice"><strong>Update:</strong> <a href="/x">link</a></div>
        <div><em>one</em>
        <em>two</em></div>
        <form class="wpcf7"><p><label>Your name <input name="n"></label></p>
        <p style="display: none !important;"><label>&#916;<textarea name="ak_hp"></textarea></label></p>
        <button>Send</button></form>
        <p hidden>A hidden note</p><p>End.</p>"#;
    check(page, "https://publisher.example/p", "publisher layout");
    let text = body_text(&sanitize_html(page, None));
    assert_eq!(text, "Update: link one two End.");
}

/// A generator of HTML fragments from pieces that meet the rules' edge cases: spaces between
/// inline elements, hidden and styled elements, forms, tables, lists, foreign content, URLs.
#[test]
fn generated_html_keeps_its_words_only_allowed_urls_and_is_stable() {
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        " ",
        "\n",
        "word ",
        "two",
        "<b>",
        "</b>",
        "<em>",
        "</em>",
        "<span>",
        "</span>",
        "<a href=\"/rel\">",
        "<a href=\"javascript:x\">",
        "<a href=\" java\tscript:y\">",
        "<a name=n>",
        "</a>",
        "<img src=\"//cdn.example/i.png\" alt=\"A\">",
        "<img src=\"data:image/png,x\">",
        "<img srcset=\"a.png 1x, javascript:z 2x\" src=a.png>",
        "<br>",
        "<ul>",
        "<li>",
        "</ul>",
        "<table>",
        "<tr>",
        "<td colspan=2>",
        "</table>",
        "<blockquote>",
        "</blockquote>",
        "<h1>",
        "</h1>",
        "<pre>",
        "</pre>",
        "<q>",
        "</q>",
        "<p hidden>",
        "<span style=\"display:none\">",
        "<div style='visibility: hidden'>",
        "<form>",
        "</form>",
        "<label>",
        "<input value=v>",
        "<select><option>o</option></select>",
        "<script>s()</script>",
        "<style>p{}</style>",
        "<svg><text>t</text></svg>",
        "<math><mi>m</mi></math>",
        "<template>t</template>",
        "<noscript>n</noscript>",
        "<iframe src=\"https://www.youtube.com/embed/abc\" title=\"V\"></iframe>",
        "&amp;",
        "&nbsp;",
        "&lt;b&gt;",
        "<!-- c -->",
        "字",
        "🙂",
        "<custom-el>",
        "</custom-el>",
        "<nav>",
        "</nav>",
        "<picture><source srcset=x.webp><img src=p.png></picture>",
        "<font color=red>",
        "</font>",
        "<center>",
        "<dl><dt>t<dd>d</dl>",
        "<details><summary>s</summary>",
    ];
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    let mut next = |n: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x9E37_79B9_7F4A_7C15) % n as u64) as usize
    };
    for case in 0..cases() {
        let html: String = (0..next(30)).map(|_| PIECES[next(PIECES.len())]).collect();
        check(
            &html,
            "https://publisher.example/a/b",
            &format!("case {case}"),
        );
    }
}

#[test]
fn excerpts_stay_within_their_length_and_keep_whole_words() {
    const WORDS: &[&str] = &[
        "a",
        "word",
        "longerword",
        "字字字字",
        "ไทย",
        "—",
        "end.",
        "x,",
        "\n",
        "  ",
        "🙂",
        "é\u{301}",
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = |n: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    };
    for _ in 0..cases() {
        let text: String = (0..next(40))
            .map(|_| format!("{} ", WORDS[next(WORDS.len())]))
            .collect();
        let (max_words, max_chars) = (next(20), 1 + next(60));
        let cut = excerpt(&text, max_words, max_chars);
        let body = cut.strip_suffix('…').unwrap_or(&cut);
        assert!(body.chars().count() <= max_chars, "{text:?} → {cut:?}");
        assert!(
            body.split_whitespace().count() <= max_words.max(1),
            "{text:?} → {cut:?}"
        );
        let source_words: Vec<&str> = text.split_whitespace().collect();
        let kept: Vec<&str> = body.split_whitespace().collect();
        if cut.ends_with('…') && kept.len() > 1 {
            // Every kept word but a trimmed last one is a word of the text, in order.
            assert_eq!(
                kept[..kept.len() - 1],
                source_words[..kept.len() - 1],
                "{text:?}"
            );
        } else if !cut.ends_with('…') {
            assert_eq!(kept, source_words, "{text:?} → {cut:?}");
        }
    }
}

#[test]
fn line_breaks_end_words_and_images_do_not_in_both_readings() {
    // The reference and the body agree on where words end, so the properties above compare
    // like with like.
    let body = sanitize_html("a<br>b<img src=\"https://e.example/i.png\">c", None);
    assert_eq!(body_text(&body), "a bc");
    assert_eq!(source_text("a<br>b<img src=x>c"), "a bc");
    assert!(matches!(&body.nodes()[1], Node::Element(e) if e.tag == Tag::LineBreak));
}
