//! Untrusted HTML (article bodies, excerpts, titles with entities) to safe values.
//!
//! HTML is parsed by a spec-compliant parser (the browser's `DOMParser` in wasm, which builds an
//! inert document and adds nothing to the bundle; html5ever natively), copied into a plain
//! [`RawNode`] tree, and rebuilt from an allowlist (`rules`) into the [`Body`] the components
//! render. Nothing from the input is ever set as HTML.

mod bound;
mod rules;
mod shape;

#[cfg(browser)]
#[path = "parse_dom.rs"]
mod parse;
#[cfg(not(browser))]
#[path = "parse_native.rs"]
mod parse;

use crate::model::{Body, Node};
use crate::text::collapse_whitespace;

/// A parsed HTML node, before any allowlisting: what the parsers hand to the rules.
#[derive(Clone, Debug, PartialEq)]
pub enum RawNode {
    /// An element.
    Element(RawElement),
    /// Text, with entities decoded.
    Text(String),
}

/// A parsed element: lower-case name, attributes with entities decoded, children.
#[derive(Clone, Debug, PartialEq)]
pub struct RawElement {
    /// The lower-case element name.
    pub name: String,
    /// Attributes in source order, names lower-case.
    pub attrs: Vec<(String, String)>,
    /// The element's children.
    pub children: Vec<RawNode>,
}

impl RawElement {
    /// The value of the first attribute named `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// An article body from publisher HTML: allowlisted elements and attributes, URLs resolved
/// against `base` (the document's own URL) and checked.
pub fn sanitize_html(html: &str, base: Option<&str>) -> Body {
    Body::new(sanitize_nodes(html, base))
}

fn sanitize_nodes(html: &str, base: Option<&str>) -> Vec<Node> {
    rules::clean(parse::parse_fragment(&bound::bounded(html)), base)
}

/// How much of a body's HTML its preview reads.
const PREVIEW_BYTES: usize = 4096;

/// A body from publisher HTML, sanitized when it is first shown: a list may carry many long
/// bodies of posts that are never opened. Its opening text, one line per block, is read from
/// the start of the HTML meanwhile.
pub fn sanitize_later(html: &str, base: Option<&str>) -> Body {
    let mut end = html.len().min(PREVIEW_BYTES);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let mut text = String::new();
    rules::visible_text(
        &parse::parse_fragment(&bound::bounded(&html[..end])),
        &mut text,
    );
    if end < html.len() {
        // The last word may have been cut in two.
        let cut = text.trim_end().rfind(char::is_whitespace).unwrap_or(0);
        text.truncate(cut);
    }
    let preview = crate::text::join(
        text.lines()
            .map(collapse_whitespace)
            .filter(|line| !line.is_empty()),
        "\n",
    );
    let (html, base) = (html.to_owned(), base.map(str::to_owned));
    Body::later(preview, move || sanitize_nodes(&html, base.as_deref()))
}

/// The text of an HTML snippet (an excerpt, a WordPress title): tags removed, entities
/// decoded exactly once, whitespace collapsed.
pub fn html_to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return collapse_whitespace(html);
    }
    let mut text = String::new();
    rules::visible_text(&parse::parse_fragment(&bound::bounded(html)), &mut text);
    collapse_whitespace(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded_exactly_once_and_tags_removed() {
        assert_eq!(html_to_text("Don&#8217;t"), "Don’t");
        assert_eq!(html_to_text("Gin &amp; Juice"), "Gin & Juice");
        assert_eq!(html_to_text("Gin &amp;amp; Juice"), "Gin &amp; Juice");
        assert_eq!(html_to_text("Wait&#8230;"), "Wait…");
        assert_eq!(html_to_text("AT&T"), "AT&T");
        assert_eq!(html_to_text("<p>One\n <b>two</b></p>\n"), "One two");
        assert_eq!(html_to_text("a <script>x()</script>b"), "a b");
        assert_eq!(html_to_text("plain  text"), "plain text");
        assert_eq!(html_to_text("1 < 2"), "1 < 2");
    }
}
