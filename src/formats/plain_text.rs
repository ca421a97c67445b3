//! Plain text (JSON Feed `content_text`) as a body, keeping the lines its author wrote.
//!
//! A blank line ends a paragraph and a single line break stays a line break, as in the
//! publisher's own rendering of such text; bare `http(s)` addresses become links that pass the
//! same URL rules as links in HTML bodies. Nothing in the text is ever read as markup.

use crate::model::{Attr, Body, Element, Node, Tag};
use crate::text::find;
use crate::url::{checked_url, UrlUse};

/// The paragraphs of `text`, lines separated by line breaks.
pub fn body(text: &str) -> Body {
    // Lines end in \n, \r\n or \r.
    let mut text_lf = String::with_capacity(text.len());
    for (index, part) in text.split('\r').enumerate() {
        let part = if index > 0 {
            text_lf.push('\n');
            part.strip_prefix('\n').unwrap_or(part)
        } else {
            part
        };
        text_lf.push_str(part);
    }
    let text = text_lf;
    let mut paragraphs = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in text.split('\n').chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !lines.is_empty() {
                paragraphs.push(paragraph(&lines));
                lines.clear();
            }
        } else {
            lines.push(line.trim());
        }
    }
    Body::new(paragraphs)
}

fn paragraph(lines: &[&str]) -> Node {
    let mut children = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            children.push(Node::Element(Element::new(Tag::LineBreak, Vec::new())));
        }
        linkify(line, &mut children);
    }
    Node::Element(Element::new(Tag::Paragraph, children))
}

/// `line` as text, with each bare `http://` or `https://` address made a link.
fn linkify(line: &str, out: &mut Vec<Node>) {
    let mut rest = line;
    while let Some(start) = find_address(rest) {
        let candidate = &rest[start..];
        let end = candidate
            .find(char::is_whitespace)
            .unwrap_or(candidate.len());
        let address = trim_trailing_punctuation(&candidate[..end]);
        match checked_url(address, None, UrlUse::Link) {
            Some(href) if has_host(address) => {
                if start > 0 {
                    out.push(Node::Text(rest[..start].to_owned()));
                }
                out.push(Node::Element(Element {
                    tag: Tag::Link,
                    attrs: vec![(Attr::Href, href)],
                    children: vec![Node::Text(address.to_owned())],
                }));
                rest = &rest[start + address.len()..];
            }
            _ => {
                // Not a usable address: keep it as text and look further on.
                let skip = start + end.max(1);
                let skip = (skip..=rest.len())
                    .find(|&i| rest.is_char_boundary(i))
                    .unwrap_or(rest.len());
                out.push(Node::Text(rest[..skip].to_owned()));
                rest = &rest[skip..];
            }
        }
    }
    if !rest.is_empty() {
        out.push(Node::Text(rest.to_owned()));
    }
}

/// Whether something follows the scheme's `//` (a host, however short).
fn has_host(address: &str) -> bool {
    find(address, "://")
        .and_then(|at| address[at + "://".len()..].chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// Where the next `http://` or `https://` starting a word is, in any letter case.
fn find_address(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = find(&lower[from..], "http") {
        let at = from + found;
        let after = &lower[at..];
        let starts_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if starts_word && (after.starts_with("http://") || after.starts_with("https://")) {
            return Some(at);
        }
        from = at + "http".len();
    }
    None
}

/// An address without the punctuation that ends the sentence around it: `(see https://x.y/a).`
/// links `https://x.y/a`. A closing bracket stays when the address opened one (Wikipedia).
fn trim_trailing_punctuation(address: &str) -> &str {
    let mut end = address.len();
    loop {
        let kept = &address[..end];
        let Some(last) = kept.chars().next_back() else {
            return kept;
        };
        let unbalanced = |open: char| kept.matches(open).count() < kept.matches(last).count();
        let trim = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '’' | '”' | '…' => true,
            ')' => unbalanced('('),
            ']' => unbalanced('['),
            '}' => unbalanced('{'),
            '>' => true,
            _ => false,
        };
        if !trim {
            return kept;
        }
        end -= last.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body as compact text: `|` for a line break, `[text](href)` for a link, a blank
    /// line between paragraphs.
    fn show(text: &str) -> String {
        body(text)
            .nodes()
            .iter()
            .map(|p| match p {
                Node::Element(e) => e
                    .children
                    .iter()
                    .map(|n| match n {
                        Node::Text(t) => t.clone(),
                        Node::Element(e) if e.tag == Tag::LineBreak => "|".to_owned(),
                        Node::Element(e) => format!(
                            "[{}]({})",
                            Body::new(e.children.clone()).text(),
                            e.attr(Attr::Href).unwrap_or_default()
                        ),
                        Node::VideoLink { .. } => unreachable!(),
                    })
                    .collect::<String>(),
                other => panic!("not a paragraph: {other:?}"),
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn blank_lines_make_paragraphs_and_single_newlines_line_breaks() {
        assert_eq!(show("One\nTwo\n\nThree"), "One|Two\n\nThree");
        assert_eq!(
            show("\r\n  First line  \r\n* item\r\n\r\n\r\n  \nLast\n"),
            "First line|* item\n\nLast"
        );
        assert_eq!(show(""), "");
        assert_eq!(show(" \n\n \t"), "");
    }

    #[test]
    fn bare_addresses_become_links_without_the_sentences_punctuation() {
        assert_eq!(
            show("See https://example.com/a?b=1. Or (http://x.example/wiki/A_(b))!"),
            "See [https://example.com/a?b=1](https://example.com/a?b=1). Or ([http://x.example/wiki/A_(b)](http://x.example/wiki/A_(b)))!"
        );
        assert_eq!(
            show("HTTPS://Example.com/x, done"),
            "[HTTPS://Example.com/x](HTTPS://Example.com/x), done"
        );
    }

    #[test]
    fn what_only_looks_like_an_address_stays_text() {
        for text in [
            "javascript:alert(1)",
            "xhttps://example.com",
            "https://",
            "http:// spaced",
            "httpsx://e.com",
            "https://.",
        ] {
            assert!(!show(text).contains("]("), "{text}: {}", show(text));
        }
        assert_eq!(
            show("🙂https://e.com/ é"),
            "🙂[https://e.com/](https://e.com/) é"
        );
    }
}
