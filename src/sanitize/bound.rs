//! Bounds what a parser is handed: at most [`MAX_DEPTH`] elements open inside one another and
//! [`MAX_ELEMENTS`] elements in all. Past either, markup is left out and its words are kept
//! as text (scripts and styles past the bound go whole).
//!
//! Browsers parse deep nesting in quadratic time on the main thread (40,000 unclosed `<div>`s
//! block a page for seconds), and every later step walks the tree recursively. A bounded
//! document costs bounded time and stack, whatever it holds. This is a lexical pass, not a
//! parser: it only decides which tags to pass on; the real parser and the allowlist still
//! decide what they mean, so nothing here can make markup safe or unsafe.

use std::borrow::Cow;

/// How deep elements may nest. Articles use a few dozen levels at most.
pub const MAX_DEPTH: usize = 128;

/// How many elements a document may have (a long article has a few thousand).
pub const MAX_ELEMENTS: usize = 50_000;

/// Elements that never hold others.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements a parser closes by starting another of their kind (`<p>a<p>b`): they do not nest
/// however many there are, so they do not count toward the depth.
const SELF_CLOSING: [&str; 11] = [
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rp", "rt",
];

/// Elements whose content is text, not markup, to a parser.
const RAW_TEXT: [&str; 9] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// `html` with the markup past the bounds left out; borrowed when nothing was.
pub fn bounded(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let (mut depth, mut elements, mut at, mut copied) = (0usize, 0usize, 0usize, 0usize);
    // Elements left out that are still open: their end tags go too.
    let mut left_open = 0usize;
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        let Some(tag) = read_tag(bytes, start) else {
            at = start + 1;
            continue;
        };
        let name = &bytes[tag.name.clone()];
        let nests = !is_one_of(name, &VOID) && !is_one_of(name, &SELF_CLOSING);
        let mut end = tag.end;
        let keep = if tag.closing {
            if nests && left_open > 0 {
                left_open -= 1;
                false
            } else {
                depth -= usize::from(nests && depth > 0);
                true
            }
        } else {
            elements += 1;
            let fits = elements <= MAX_ELEMENTS && depth < MAX_DEPTH;
            if is_one_of(name, &RAW_TEXT) {
                // Its text runs to its own end tag; past the bounds it goes with its element.
                end = raw_text_end(bytes, end, name);
                if fits {
                    at = end;
                    continue;
                }
            } else if nests && !tag.self_closed {
                if fits {
                    depth += 1;
                } else {
                    left_open += 1;
                }
            }
            fits
        };
        if !keep {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            out.push_str(&html[copied..start]);
            copied = end;
        }
        at = end;
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            out.push_str(&html[copied..]);
            Cow::Owned(out)
        }
    }
}

fn is_one_of(name: &[u8], names: &[&str]) -> bool {
    names
        .iter()
        .any(|n| n.as_bytes().eq_ignore_ascii_case(name))
}

/// A tag as the tokenizer sees it: where it ends (after `>`), where its name is.
struct TagToken {
    end: usize,
    name: std::ops::Range<usize>,
    closing: bool,
    self_closed: bool,
}

/// The tag starting at `start` (a `<`), if one does: `<name …>` or `</name …>`, attribute
/// values in quotes read over.
fn read_tag(bytes: &[u8], start: usize) -> Option<TagToken> {
    let mut at = start + 1;
    let closing = bytes.get(at) == Some(&b'/');
    at += usize::from(closing);
    if !bytes.get(at)?.is_ascii_alphabetic() {
        return None;
    }
    let name_start = at;
    while at < bytes.len()
        && !matches!(
            bytes[at],
            b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>'
        )
    {
        at += 1;
    }
    let name = name_start..at;
    let (mut quote, mut after_equals) = (0u8, false);
    while at < bytes.len() {
        let byte = bytes[at];
        if quote != 0 {
            quote *= u8::from(byte != quote);
        } else if byte == b'>' {
            return Some(TagToken {
                end: at + 1,
                name,
                closing,
                self_closed: bytes[at - 1] == b'/',
            });
        } else if (byte == b'"' || byte == b'\'') && after_equals {
            quote = byte;
        } else if !byte.is_ascii_whitespace() {
            after_equals = byte == b'=';
        }
        at += 1;
    }
    None
}

/// Where the raw text of an element named `name` ends, from `from`: after its end tag, in any
/// letter case (or the end of the document).
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while at + 2 + name.len() <= bytes.len() {
        if bytes[at] == b'<'
            && bytes[at + 1] == b'/'
            && bytes[at + 2..at + 2 + name.len()].eq_ignore_ascii_case(name)
        {
            let close = at + 2 + name.len();
            return bytes[close..]
                .iter()
                .position(|&b| b == b'>')
                .map_or(bytes.len(), |i| close + i + 1);
        }
        at += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markup_passes_untouched() {
        for html in [
            "<p>a <b>b</b></p><ul><li>x<li>y</ul>",
            "<p title=\"a > b\">c</p><img src=x>",
            "<script>if (a < b) { document.write('<div>') }</script>",
            "1 < 2 and <3 <!-- <div> -->",
        ] {
            assert!(matches!(bounded(html), Cow::Borrowed(_)), "{html}");
        }
    }

    #[test]
    fn nesting_past_the_depth_keeps_its_words_without_its_tags() {
        let html = format!("{}deep words", "<div>".repeat(MAX_DEPTH + 50));
        let out = bounded(&html);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert!(out.ends_with("deep words"));
        // Unclosed paragraphs and list items do not nest, and are all kept.
        let html = "<p>a".repeat(1000);
        assert!(matches!(bounded(&html), Cow::Borrowed(_)));
    }

    #[test]
    fn the_end_tags_of_what_was_left_out_go_with_it() {
        let inner = format!(
            "{}x{}",
            "<div>".repeat(MAX_DEPTH + 10),
            "</div>".repeat(MAX_DEPTH + 10)
        );
        let html = format!("{inner}{inner}");
        let out = bounded(&html);
        assert_eq!(out.matches("<div>").count(), 2 * MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), 2 * MAX_DEPTH);
    }

    #[test]
    fn elements_past_the_count_keep_their_words() {
        let html = "<span>w</span>".repeat(MAX_ELEMENTS + 10);
        let out = bounded(&html);
        assert_eq!(out.matches("<span>").count(), MAX_ELEMENTS);
        assert_eq!(out.matches('w').count(), MAX_ELEMENTS + 10);
    }

    #[test]
    fn a_script_past_the_bounds_goes_whole() {
        let html = format!(
            "{}<script>alert(1)</script>after",
            "<div>".repeat(MAX_DEPTH)
        );
        let out = bounded(&html);
        assert!(!out.contains("alert"), "{}", &out[out.len() - 40..]);
        assert!(out.ends_with("after"));
    }
}
