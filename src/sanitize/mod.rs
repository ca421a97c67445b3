//! Untrusted HTML (article bodies, excerpts, titles with entities) to safe values.
//!
//! HTML is parsed by a spec-compliant parser (the browser's `DOMParser` in wasm, which builds an
//! inert document and adds nothing to the bundle; html5ever natively), copied into a plain
//! [`RawNode`] tree, and rebuilt from an allowlist ([`rules`]) into the [`Body`] the components
//! render. Nothing from the input is ever set as HTML.

mod rules;
mod shape;

#[cfg(target_arch = "wasm32")]
#[path = "parse_dom.rs"]
mod parse;
#[cfg(not(target_arch = "wasm32"))]
#[path = "parse_native.rs"]
mod parse;

use crate::model::Body;
use crate::text::collapse_whitespace;

/// A parsed HTML node, before any allowlisting: what the parsers hand to the rules.
#[derive(Clone, Debug, PartialEq)]
pub enum RawNode {
    Element(RawElement),
    Text(String),
}

/// A parsed element: lower-case name, attributes with entities decoded, children.
#[derive(Clone, Debug, PartialEq)]
pub struct RawElement {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<RawNode>,
}

impl RawElement {
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
    Body::new(rules::clean(parse::parse_fragment(html), base))
}

/// The text of an HTML snippet (an excerpt, a WordPress title): tags removed, entities
/// decoded exactly once, whitespace collapsed.
pub fn html_to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return collapse_whitespace(html);
    }
    let mut text = String::new();
    rules::visible_text(&parse::parse_fragment(html), &mut text);
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
