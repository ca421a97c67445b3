//! The allowlist: which elements, attributes and URLs of publisher HTML survive, and as what.
//!
//! Elements are kept (as a [`Tag`]), unwrapped (markup dropped, the reader's words kept),
//! dropped with their content (scripts, styles, embedded documents, forms, SVG and MathML,
//! and whatever the publisher hid), or, for YouTube and Vimeo players, turned into a link to
//! the video. Whitespace between inline content is kept: it is the space between words.

use super::{shape, RawElement, RawNode};
use crate::i18n::canonical_tag;
use crate::model::{Attr, Element, Node, Tag};
use crate::text::number;
use crate::url::{checked_url, display_host, UrlUse};

/// What becomes of an element.
enum Action {
    Keep(Tag),
    /// Drop the element, keep its children.
    Unwrap,
    /// Drop the element and everything in it.
    Drop,
    /// An `<iframe>`: a link card if it is a known video player, else dropped.
    Frame,
}

fn action(name: &str) -> Action {
    use Action::*;
    match name {
        "p" => Keep(Tag::Paragraph),
        "h1" | "h2" => Keep(Tag::Heading2),
        "h3" => Keep(Tag::Heading3),
        "h4" | "h5" | "h6" => Keep(Tag::Heading4),
        "blockquote" => Keep(Tag::Blockquote),
        "ul" | "menu" | "dir" => Keep(Tag::UnorderedList),
        "ol" => Keep(Tag::OrderedList),
        "li" => Keep(Tag::ListItem),
        "dl" => Keep(Tag::DescriptionList),
        "dt" => Keep(Tag::DescriptionTerm),
        "dd" => Keep(Tag::DescriptionDetails),
        "div" | "section" | "article" | "aside" | "header" | "footer" | "main" | "center"
        | "address" | "details" | "summary" | "hgroup" | "nav" | "search" => Keep(Tag::Division),
        "a" => Keep(Tag::Link),
        "em" | "i" | "dfn" => Keep(Tag::Emphasis),
        "strong" | "b" => Keep(Tag::Strong),
        "code" | "tt" | "samp" | "var" => Keep(Tag::Code),
        "pre" | "listing" | "xmp" | "plaintext" => Keep(Tag::Preformatted),
        "kbd" => Keep(Tag::Keyboard),
        "sub" => Keep(Tag::Subscript),
        "sup" => Keep(Tag::Superscript),
        "mark" => Keep(Tag::Mark),
        "small" => Keep(Tag::Small),
        "s" | "strike" | "del" => Keep(Tag::Strike),
        "ins" => Keep(Tag::Inserted),
        "q" => Keep(Tag::Quote),
        "cite" => Keep(Tag::Cite),
        "abbr" | "acronym" => Keep(Tag::Abbreviation),
        "br" => Keep(Tag::LineBreak),
        "hr" => Keep(Tag::Rule),
        "figure" => Keep(Tag::Figure),
        "figcaption" => Keep(Tag::Figcaption),
        "img" => Keep(Tag::Image),
        "table" => Keep(Tag::Table),
        "caption" => Keep(Tag::TableCaption),
        "thead" => Keep(Tag::TableHead),
        "tbody" => Keep(Tag::TableBody),
        "tfoot" => Keep(Tag::TableFoot),
        "tr" => Keep(Tag::TableRow),
        "th" => Keep(Tag::TableHeader),
        "td" => Keep(Tag::TableCell),
        "iframe" => Frame,
        "script" | "style" | "template" | "noscript" | "object" | "embed" | "applet" | "param"
        | "head" | "title" | "meta" | "link" | "base" | "frame" | "frameset" | "noframes"
        | "noembed" | "canvas" | "audio" | "video" | "source" | "track" | "map" | "area"
        | "input" | "button" | "select" | "option" | "optgroup" | "textarea" | "datalist"
        | "output" | "progress" | "meter" | "dialog" | "slot" | "portal" | "fencedframe" => Drop,
        // Forms and what labels their controls: without the controls (dropped above) they
        // are questions with no place to answer.
        "form" | "label" | "fieldset" | "legend" => Drop,
        // SVG and MathML (names marked `foreign:` by the parsers) and their wrappers.
        "svg" | "math" => Drop,
        name if name.starts_with("foreign:") => Drop,
        // Everything else (span, font, picture around its img, custom elements, unknown
        // tags): keep the words.
        _ => Unwrap,
    }
}

/// The only attributes the rules read. Parsers hand over just these: reading every
/// attribute of a hostile element (thousands of them) would cost time for nothing.
pub const READ_ATTRIBUTES: [&str; 14] = [
    "href", "src", "srcset", "alt", "width", "height", "colspan", "rowspan", "start", "title",
    "lang", "dir", "hidden", "style",
];

/// Whether the publisher hid the element from readers: the `hidden` attribute, or an inline
/// `display: none` or `visibility: hidden` (honeypots and collapsed extras). Its words are not
/// the article's.
fn is_hidden(element: &RawElement) -> bool {
    if element.attr("hidden").is_some() {
        return true;
    }
    let Some(style) = element.attr("style") else {
        return false;
    };
    style.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        let value = value.to_ascii_lowercase();
        let value = value.trim();
        let value = value.strip_suffix("!important").unwrap_or(value).trim();
        match property.trim().to_ascii_lowercase().as_str() {
            "display" => value == "none",
            "visibility" => value == "hidden" || value == "collapse",
            _ => false,
        }
    })
}

/// Rebuilds parsed HTML from the allowlist.
pub fn clean(nodes: Vec<RawNode>, base: Option<&str>) -> Vec<Node> {
    let mut out = Vec::new();
    clean_into(nodes, base, &mut out);
    shape::tidy_text(out, None)
}

/// Cleans `nodes` into `out`, the children of their nearest kept ancestor: unwrapped elements
/// pass their words on to it.
fn clean_into(nodes: Vec<RawNode>, base: Option<&str>, out: &mut Vec<Node>) {
    for node in nodes {
        match node {
            RawNode::Text(text) => out.push(Node::Text(text)),
            RawNode::Element(element) if is_hidden(&element) => {}
            RawNode::Element(element) => match action(&element.name) {
                Action::Drop => {}
                Action::Unwrap => clean_into(element.children, base, out),
                Action::Frame => out.extend(video_link(&element, base)),
                Action::Keep(tag) => keep(tag, element, base, out),
            },
        }
    }
}

fn keep(tag: Tag, element: RawElement, base: Option<&str>, out: &mut Vec<Node>) {
    let attrs = allowed_attrs(tag, &element, base);
    match tag {
        // An image without a usable source shows nothing: drop it.
        Tag::Image if !attrs.iter().any(|(a, _)| *a == Attr::Src) => return,
        // A link without a usable target is just its text, in the link's own parent.
        Tag::Link if !attrs.iter().any(|(a, _)| *a == Attr::Href) => {
            return clean_into(element.children, base, out);
        }
        _ => {}
    }
    let mut children = Vec::new();
    if !tag.is_void() {
        clean_into(element.children, base, &mut children);
    }
    shape::place(
        Element {
            tag,
            attrs,
            children: shape::tidy_text(children, Some(tag)),
        },
        out,
    );
}

fn allowed_attrs(tag: Tag, element: &RawElement, base: Option<&str>) -> Vec<(Attr, String)> {
    let mut attrs = Vec::new();
    for (name, value) in &element.attrs {
        let kept = match (name.as_str(), tag) {
            ("href", Tag::Link) => checked_url(value, base, UrlUse::Link).map(|v| (Attr::Href, v)),
            ("src", Tag::Image) => {
                checked_url(value, base, UrlUse::Resource).map(|v| (Attr::Src, v))
            }
            ("srcset", Tag::Image) => checked_srcset(value, base).map(|v| (Attr::Srcset, v)),
            ("alt", Tag::Image) => Some((Attr::Alt, value.clone())),
            ("width", Tag::Image) => digits(value).map(|v| (Attr::Width, v)),
            ("height", Tag::Image) => digits(value).map(|v| (Attr::Height, v)),
            ("colspan", Tag::TableHeader | Tag::TableCell) => {
                span(value).map(|v| (Attr::Colspan, v))
            }
            ("rowspan", Tag::TableHeader | Tag::TableCell) => {
                span(value).map(|v| (Attr::Rowspan, v))
            }
            ("start", Tag::OrderedList) => digits(value).map(|v| (Attr::Start, v)),
            ("title", _) => Some((Attr::Title, value.clone())),
            ("lang", _) => canonical_tag(value.trim()).map(|tag| (Attr::Lang, tag)),
            ("dir", _) if matches!(value.as_str(), "ltr" | "rtl" | "auto") => {
                Some((Attr::Dir, value.clone()))
            }
            _ => None,
        };
        if let Some(pair) = kept {
            if !attrs.iter().any(|(a, _)| *a == pair.0) {
                attrs.push(pair);
            }
        }
    }
    attrs
}

/// The most rows or columns a table cell may span. HTML itself stops at 1,000 columns and
/// 65,534 rows, which lays out a table of a hundred such cells for seconds; real tables merge
/// a few.
pub const MAX_SPAN: u32 = 20;

/// A `colspan` or `rowspan`, clamped to 1..=[`MAX_SPAN`].
fn span(value: &str) -> Option<String> {
    let span = number(value.trim())?.clamp(1, u64::from(MAX_SPAN));
    Some(span.to_string())
}

fn digits(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty() && value.len() <= 6 && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| value.to_owned())
}

/// Each candidate's URL checked; candidates with a bad URL or descriptor are left out.
fn checked_srcset(value: &str, base: Option<&str>) -> Option<String> {
    let candidates: Vec<String> = value
        .split(',')
        .filter_map(|candidate| {
            let mut parts = candidate.split_whitespace();
            let url = checked_url(parts.next()?, base, UrlUse::Resource)?;
            let descriptor = parts.next();
            if parts.next().is_some() {
                return None;
            }
            match descriptor {
                None => Some(url),
                Some(d) if is_descriptor(d) => Some(format!("{url} {d}")),
                Some(_) => None,
            }
        })
        .collect();
    (!candidates.is_empty()).then(|| crate::text::join(&candidates, ", "))
}

fn is_descriptor(d: &str) -> bool {
    let (number, unit) = d.split_at(d.len().saturating_sub(1));
    matches!(unit, "w" | "x")
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// A YouTube or Vimeo player becomes a link to the video's page.
fn video_link(frame: &RawElement, base: Option<&str>) -> Option<Node> {
    let src = checked_url(frame.attr("src")?, base, UrlUse::Resource)?;
    let host = display_host(&src)?;
    let path = &src[crate::text::find(&src, &host)? + host.len()..];
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let id_after = |prefix: &str| {
        path.strip_prefix(prefix)
            .map(|rest| rest.trim_end_matches('/'))
            .filter(|id| {
                !id.is_empty()
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            })
            .map(str::to_owned)
    };
    let (url, host) = match host.as_str() {
        "youtube.com" | "youtube-nocookie.com" => (
            format!("https://www.youtube.com/watch?v={}", id_after("/embed/")?),
            "youtube.com",
        ),
        "player.vimeo.com" => (
            format!("https://vimeo.com/{}", id_after("/video/")?),
            "vimeo.com",
        ),
        _ => return None,
    };
    Some(Node::VideoLink {
        url,
        host: host.to_owned(),
        title: frame
            .attr("title")
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
    })
}

/// The words a reader would see, for turning HTML snippets into plain text: blocks on lines of
/// their own.
pub fn visible_text(nodes: &[RawNode], out: &mut String) {
    for node in nodes {
        match node {
            RawNode::Text(text) => out.push_str(text),
            RawNode::Element(element) if is_hidden(element) => {}
            RawNode::Element(element) => match action(&element.name) {
                Action::Drop | Action::Frame => {}
                Action::Keep(tag) if tag.is_inline() => visible_text(&element.children, out),
                Action::Keep(_) => {
                    out.push('\n');
                    visible_text(&element.children, out);
                    out.push('\n');
                }
                Action::Unwrap => visible_text(&element.children, out),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Attr, Body, Element, Node, Tag};
    use crate::sanitize::sanitize_html;

    const BASE: &str = "https://blog.example.com/wp-json/wp/v2/posts/60";

    fn clean(html: &str) -> Body {
        sanitize_html(html, Some(BASE))
    }

    /// The body rendered back as simple HTML-like text, for compact assertions.
    fn show(html: &str) -> String {
        fn write(nodes: &[Node], out: &mut String) {
            for node in nodes {
                match node {
                    Node::Text(t) => out.push_str(t),
                    Node::Element(e) => {
                        out.push('<');
                        out.push_str(e.tag.name());
                        for (attr, value) in &e.attrs {
                            out.push_str(&format!(" {}=\"{}\"", attr.name(), value));
                        }
                        out.push('>');
                        write(&e.children, out);
                        if !e.tag.is_void() {
                            out.push_str(&format!("</{}>", e.tag.name()));
                        }
                    }
                    Node::VideoLink { url, host, title } => {
                        out.push_str(&format!("[video {url} {host} {title:?}]"))
                    }
                }
            }
        }
        let mut out = String::new();
        write(clean(html).nodes(), &mut out);
        out
    }

    #[test]
    fn article_elements_are_kept() {
        for (html, expected) in [
            ("<p>a <em>b</em> <strong>c</strong></p>", "<p>a <em>b</em> <strong>c</strong></p>"),
            ("<p><i>i</i><b>b</b></p>", "<p><em>i</em><strong>b</strong></p>"),
            ("<blockquote><p>q</p></blockquote>", "<blockquote><p>q</p></blockquote>"),
            ("<ul>\n<li>x</li>\n</ul>", "<ul><li>x</li></ul>"),
            ("<ol start=\"3\"><li>x</li></ol>", "<ol start=\"3\"><li>x</li></ol>"),
            ("<pre><code>let x;</code></pre>", "<pre><code>let x;</code></pre>"),
            ("<p>a<br>b</p><hr>", "<p>a<br>b</p><hr>"),
            ("<table><tr><td colspan=2>c</td></tr></table>", "<table><tbody><tr><td colspan=\"2\">c</td></tr></tbody></table>"),
            ("<figure><img src=\"/a.jpg\" alt=\"A\"><figcaption>Cap</figcaption></figure>",
             "<figure><img src=\"https://blog.example.com/a.jpg\" alt=\"A\"><figcaption>Cap</figcaption></figure>"),
        ] {
            assert_eq!(show(html), expected, "{html}");
        }
    }

    #[test]
    fn headings_shift_so_the_title_stays_the_only_h1() {
        assert_eq!(
            show("<h1>a</h1><h2>b</h2><h3>c</h3><h5>d</h5>"),
            "<h2>a</h2><h2>b</h2><h3>c</h3><h4>d</h4>"
        );
    }

    #[test]
    fn dangerous_elements_go_with_their_content_and_other_markup_keeps_its_words() {
        for (html, expected) in [
            ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
            ("<style>p{}</style><p>x</p>", "<p>x</p>"),
            (
                "<p><span style=\"color:red\" class=\"c\">kept</span></p>",
                "<p>kept</p>",
            ),
            (
                "<form action=\"/x\"><p>words</p><input value=\"v\"><button>Go</button></form><p>z</p>",
                "<p>z</p>",
            ),
            (
                "<p>Name <label for=\"n\">Your name</label></p><fieldset><legend>Pick</legend></fieldset>",
                "<p>Name </p>",
            ),
            (
                "<object data=\"x\">o</object><embed src=\"x\"><p>y</p>",
                "<p>y</p>",
            ),
            (
                "<svg><script>alert(1)</script><text>t</text></svg><p>z</p>",
                "<p>z</p>",
            ),
            ("<math><mi>x</mi></math><p>z</p>", "<p>z</p>"),
            ("<template><p>hidden</p></template><p>z</p>", "<p>z</p>"),
            ("<noscript><p>no</p></noscript><p>z</p>", "<p>z</p>"),
            ("<!-- comment --><p>z</p>", "<p>z</p>"),
            (
                "<base href=\"https://evil.example/\"><meta http-equiv=refresh content=0><p>z</p>",
                "<p>z</p>",
            ),
            (
                "<iframe src=\"https://evil.example/\"></iframe><p>z</p>",
                "<p>z</p>",
            ),
            ("<custom-el>words</custom-el>", "words"),
        ] {
            assert_eq!(show(html), expected, "{html}");
        }
    }

    #[test]
    fn spaces_between_inline_content_survive_wherever_it_sits() {
        for (html, expected) in [
            (
                "<div><strong>Update:</strong> <a href=\"/x\">link</a></div>",
                "<div><strong>Update:</strong> <a href=\"https://blog.example.com/x\">link</a></div>",
            ),
            (
                "<blockquote><em>a</em> <em>b</em></blockquote>",
                "<blockquote><em>a</em> <em>b</em></blockquote>",
            ),
            ("<b>top</b> <i>level</i>", "<strong>top</strong> <em>level</em>"),
            (
                "<figure><img src=\"/a.jpg\"> <img src=\"/b.jpg\"></figure>",
                "<figure><img src=\"https://blog.example.com/a.jpg\"> <img src=\"https://blog.example.com/b.jpg\"></figure>",
            ),
            // Unwrapped elements pass their words, spaces included, to their real parent.
            (
                "<div><span>one</span> <span>two</span> <a name=\"x\">three</a> <font>four</font></div>",
                "<div>one two three four</div>",
            ),
            ("<p>a<a>b</a> c</p>", "<p>ab c</p>"),
            // A no-break space is content.
            ("<div>\u{a0}</div>", "<div>\u{a0}</div>"),
        ] {
            assert_eq!(show(html), expected, "{html}");
        }
    }

    #[test]
    fn whitespace_between_blocks_and_in_lists_and_tables_is_layout() {
        for (html, expected) in [
            ("\n<p>a</p>\n\n<p>b</p>\n", "<p>a</p><p>b</p>"),
            (
                "<div>\n  <p>a</p>\n  <p>b</p>\n</div>",
                "<div><p>a</p><p>b</p></div>",
            ),
            (
                "<ul>\n <li>x</li> <li>y</li>\n</ul>",
                "<ul><li>x</li><li>y</li></ul>",
            ),
            (
                "<table> <tr> <td>a</td> <td>b</td> </tr> </table>",
                "<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>",
            ),
            ("<div><span> </span><p>a</p></div>", "<div><p>a</p></div>"),
        ] {
            assert_eq!(show(html), expected, "{html}");
        }
    }

    #[test]
    fn what_the_publisher_hides_is_dropped_with_its_children() {
        for (html, expected) in [
            ("<p hidden>secret</p><p>shown</p>", "<p>shown</p>"),
            ("<div hidden=\"until-found\"><p>later</p></div>", ""),
            (
                "<p style=\"display: none !important;\" class=\"akismet-fields-container\"><label>&#916;<textarea name=\"ak_hp_textarea\"></textarea></label></p><p>Thanks</p>",
                "<p>Thanks</p>",
            ),
            ("<span style=\"color:red;DISPLAY:NONE\">x</span>y", "y"),
            ("<div style=\"visibility: hidden\">x</div>", ""),
            ("<div style=\"display:block\">x</div>", "<div>x</div>"),
            ("<div style=\"content:'display:none'\">x</div>", "<div>x</div>"),
        ] {
            assert_eq!(show(html), expected, "{html}");
        }
    }

    #[test]
    fn spans_are_clamped() {
        assert_eq!(
            show("<table><tr><td colspan=\"999999\" rowspan=\"0\">c</td><td rowspan=3>d</td></tr></table>"),
            "<table><tbody><tr><td colspan=\"20\" rowspan=\"1\">c</td><td rowspan=\"3\">d</td></tr></tbody></table>"
        );
    }

    #[test]
    fn event_handlers_styles_and_unknown_attributes_are_dropped() {
        assert_eq!(
            show("<p onclick=\"x()\" style=\"a\" id=\"i\" class=\"c\" title=\"t\" lang=\"en\" dir=\"rtl\">p</p>"),
            "<p title=\"t\" lang=\"en\" dir=\"rtl\">p</p>"
        );
        assert_eq!(
            show("<img src=\"/a.jpg\" onerror=\"x()\" width=\"10\" height=\"1e3\" data-x=\"1\">"),
            "<img src=\"https://blog.example.com/a.jpg\" width=\"10\">"
        );
        assert_eq!(show("<p dir=\"x\" lang=\"en us\">p</p>"), "<p>p</p>");
    }

    #[test]
    fn only_safe_urls_survive() {
        for html in [
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"&#x6A;&#x61;vascript&colon;alert(1)\">x</a>",
            "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"java&#09;script:alert(1)\">x</a>",
            "<a href=\"java&#x0A;script:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
        ] {
            assert_eq!(show(html), "x", "{html}");
        }
        assert_eq!(show("<img src=\"javascript:alert(1)\">"), "");
        assert_eq!(show("<img src=\"data:image/png;base64,AAAA\">"), "");
        assert_eq!(
            show("<a href=\"mailto:a@example.com\">m</a>"),
            "<a href=\"mailto:a@example.com\">m</a>"
        );
        assert_eq!(
            show("<a href=\"//cdn.example.com/x\">c</a><a href=\"../about\">r</a>"),
            "<a href=\"https://cdn.example.com/x\">c</a><a href=\"https://blog.example.com/wp-json/wp/v2/about\">r</a>"
        );
    }

    #[test]
    fn srcset_candidates_are_checked_one_by_one() {
        assert_eq!(
            show("<img src=\"a.jpg\" srcset=\"/s.jpg 300w, javascript:x 2x, //c.example/l.jpg 2x, bad.jpg 1q\">"),
            "<img src=\"https://blog.example.com/wp-json/wp/v2/posts/a.jpg\" srcset=\"https://blog.example.com/s.jpg 300w, https://c.example/l.jpg 2x\">"
        );
    }

    #[test]
    fn video_players_become_links_to_the_video() {
        assert_eq!(
            show("<iframe title=\"Gullfoss\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed\"></iframe>"),
            "[video https://www.youtube.com/watch?v=dQw4w9WgXcQ youtube.com Some(\"Gullfoss\")]"
        );
        assert_eq!(
            show("<iframe src=\"//player.vimeo.com/video/12345\"></iframe>"),
            "[video https://vimeo.com/12345 vimeo.com None]"
        );
        assert_eq!(
            show("<iframe src=\"https://www.youtube.com/embed/../../evil\"></iframe>"),
            ""
        );
    }

    #[test]
    fn links_without_a_usable_target_keep_their_text() {
        let body = clean("<p><a name=\"x\">anchor</a></p>");
        assert_eq!(
            body.nodes(),
            vec![Node::Element(Element::new(
                Tag::Paragraph,
                vec![Node::Text("anchor".into())]
            ))]
        );
        assert!(clean("<a href=\"https://x.example\">x</a>")
            .nodes()
            .iter()
            .any(|n| matches!(
                n,
                Node::Element(e) if e.attr(Attr::Href) == Some("https://x.example")
            )));
    }

    #[test]
    fn broken_markup_is_repaired_by_the_parser_not_passed_through() {
        assert_eq!(
            show("<p>a<b>b</p>c"),
            "<p>a<strong>b</strong></p><strong>c</strong>"
        );
        // The stray "<" is text, never markup.
        assert_eq!(show("<<script>alert(1);//<</script>"), "<");
    }
}
