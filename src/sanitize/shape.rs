//! The shape of the rebuilt body as HTML lays it out: which whitespace is a space between
//! words and which only layout, and a nesting that HTML parses back into itself.
//!
//! A parser nests elements as the markup's history left them: `<p><span><div>` or
//! `<h1><span><h1>` give a block inside a paragraph, or a heading inside a heading, once the
//! `span` is unwrapped. Built as DOM nodes such a tree shows fine, but written as HTML (a
//! prerendered page) it would parse into another tree. So an element is placed as the parser
//! would close it: a paragraph ends where a block starts, a heading where a heading starts, a
//! list item where an item starts; blocks deeper inside a paragraph (items deeper inside an
//! item) run on as lines; a link never holds a link.

use crate::model::{Element, Node, Tag};

/// The HTML whitespace characters (a no-break space is content, not layout).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

/// Joins neighbouring texts and drops whitespace that is only layout: between two blocks (list
/// items, table cells, paragraphs…), or a block and the edge of a block container.
/// Whitespace touching inline content is a space readers see, and stays.
pub fn tidy_text(nodes: Vec<Node>, parent: Option<Tag>) -> Vec<Node> {
    let mut joined: Vec<Node> = Vec::with_capacity(nodes.len());
    for node in nodes {
        match (node, joined.last_mut()) {
            (Node::Text(text), Some(Node::Text(previous))) => previous.push_str(&text),
            (node, _) => joined.push(node),
        }
    }
    // The edges of a block (or the body) end a line; an inline element's edges do not: its
    // whitespace touches its neighbours' words.
    let edge_ends_line = parent.is_none_or(Tag::is_block);
    let is_edge_or_block = |node: Option<&Node>| match node {
        None => edge_ends_line,
        Some(Node::VideoLink { .. }) => true,
        Some(Node::Element(element)) => element.tag.is_block(),
        Some(Node::Text(_)) => false,
    };
    let is_layout = |at: usize| {
        matches!(&joined[at], Node::Text(text) if text.chars().all(is_html_space))
            && is_edge_or_block(at.checked_sub(1).and_then(|i| joined.get(i)))
            && is_edge_or_block(joined.get(at + 1))
    };
    let layout: Vec<bool> = (0..joined.len()).map(is_layout).collect();
    joined
        .into_iter()
        .zip(layout)
        .filter_map(|(node, layout)| (!layout).then_some(node))
        .collect()
}

/// Adds `element` to `out`, split or flattened so that it parses back the same.
pub fn place(element: Element, out: &mut Vec<Node>) {
    let ends_it: fn(Tag) -> bool = match element.tag {
        Tag::Paragraph => Tag::is_block,
        Tag::Heading2 | Tag::Heading3 | Tag::Heading4 => is_heading,
        Tag::ListItem => |tag| tag == Tag::ListItem,
        Tag::DescriptionTerm | Tag::DescriptionDetails => is_term_or_details,
        Tag::Link => {
            let mut link = element;
            link.children = lift(link.children, |tag| tag == Tag::Link, |_| true, false);
            out.push(Node::Element(link));
            return;
        }
        _ => {
            out.push(Node::Element(element));
            return;
        }
    };
    let Element {
        tag,
        attrs,
        children,
    } = element;
    // What a part keeps: phrasing content only in a paragraph (blocks deeper down run on as
    // lines); in a list item (term, details) no item deeper down that a parser would end it
    // at, looking through what the widget renders as `div`s, paragraphs and inline elements.
    let inner = move |children: Vec<Node>| match tag {
        Tag::Paragraph => lift(children, Tag::is_block, |_| true, true),
        Tag::ListItem | Tag::DescriptionTerm | Tag::DescriptionDetails => {
            lift(children, ends_it, is_transparent, true)
        }
        _ => children,
    };
    // Writes one part of the element; a part of whitespace alone is layout, unless it is the
    // whole element (an element that needed no split stays as it was, empty or not).
    let flush = |part: &mut Vec<Node>, out: &mut Vec<Node>, whole: bool| {
        let blank = part
            .iter()
            .all(|n| matches!(n, Node::Text(t) if t.chars().all(char::is_whitespace)));
        let children = std::mem::take(part);
        if whole || !blank {
            out.push(Node::Element(Element {
                tag,
                attrs: attrs.clone(),
                children: tidy_text(inner(children), Some(tag)),
            }));
        }
    };
    let mut split = false;
    let mut part = Vec::new();
    for child in children {
        match child {
            Node::Element(c) if ends_it(c.tag) => {
                flush(&mut part, out, false);
                out.push(Node::Element(c));
                split = true;
            }
            other => part.push(other),
        }
    }
    flush(&mut part, out, !split);
}

fn is_heading(tag: Tag) -> bool {
    matches!(tag, Tag::Heading2 | Tag::Heading3 | Tag::Heading4)
}

fn is_term_or_details(tag: Tag) -> bool {
    matches!(tag, Tag::DescriptionTerm | Tag::DescriptionDetails)
}

/// Whether a parser looking for an open list item (term, details) to end looks through this
/// element: the ones the widget renders as plain `div`s, paragraphs and inline elements.
fn is_transparent(tag: Tag) -> bool {
    tag.is_inline() || matches!(tag, Tag::Division | Tag::Paragraph)
}

/// `nodes` with every element `lifted` names, found inside elements `inside` names, replaced
/// by its own content: between line breaks when `as_lines`, so that its words stay apart from
/// their neighbours. A link card for a video counts as a link, and leaves a line break.
fn lift(
    nodes: Vec<Node>,
    lifted: fn(Tag) -> bool,
    inside: fn(Tag) -> bool,
    as_lines: bool,
) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(nodes.len());
    for node in nodes {
        match node {
            Node::Element(e) if lifted(e.tag) => {
                if as_lines {
                    out.push(line_break());
                }
                for inner in lift(e.children, lifted, inside, as_lines) {
                    push_joined(&mut out, inner);
                }
                if as_lines {
                    out.push(line_break());
                }
            }
            Node::Element(mut e) if inside(e.tag) => {
                e.children = tidy_text(lift(e.children, lifted, inside, as_lines), Some(e.tag));
                out.push(Node::Element(e));
            }
            Node::VideoLink { .. } if lifted(Tag::Link) => out.push(line_break()),
            other => push_joined(&mut out, other),
        }
    }
    out
}

/// Adds `node`, joining it to a text it follows (one text node, as a parser would make).
fn push_joined(out: &mut Vec<Node>, node: Node) {
    match (node, out.last_mut()) {
        (Node::Text(text), Some(Node::Text(previous))) => previous.push_str(&text),
        (node, _) => out.push(node),
    }
}

fn line_break() -> Node {
    Node::Element(Element::new(Tag::LineBreak, Vec::new()))
}

#[cfg(test)]
mod tests {
    use crate::model::{Body, Node};
    use crate::sanitize::sanitize_html;

    fn tags(body: &Body) -> Vec<String> {
        fn walk(nodes: &[Node], depth: usize, out: &mut Vec<String>) {
            for node in nodes {
                match node {
                    Node::Element(e) => {
                        out.push(format!("{}{}", " ".repeat(depth), e.tag.name()));
                        walk(&e.children, depth + 1, out);
                    }
                    Node::Text(t) => out.push(format!("{}{t:?}", " ".repeat(depth))),
                    Node::VideoLink { .. } => out.push(format!("{}video", " ".repeat(depth))),
                }
            }
        }
        let mut out = Vec::new();
        walk(body.nodes(), 0, &mut out);
        out
    }

    #[test]
    fn a_block_ends_the_paragraph_it_was_left_in() {
        // `marquee` keeps the inner paragraph inside the outer one; unwrapped, it would not be.
        let body = sanitize_html("<p>a<marquee><p>b</p></marquee>c</p>", None);
        assert_eq!(tags(&body), ["p", " \"a\"", "p", " \"b\"", "p", " \"c\""]);
    }

    #[test]
    fn a_heading_ends_the_heading_it_was_left_in() {
        let body = sanitize_html("<h1>a<span><h2>b</h2></span></h1>", None);
        assert_eq!(tags(&body), ["h2", " \"a\"", "h2", " \"b\""]);
    }

    #[test]
    fn blocks_inside_inline_elements_of_a_paragraph_become_lines() {
        let body = sanitize_html("<p><em>a<marquee><div>b</div></marquee>c</em></p>", None);
        assert_eq!(
            tags(&body),
            ["p", " em", "  \"a\"", "  br", "  \"b\"", "  br", "  \"c\""],
        );
    }

    #[test]
    fn a_link_never_holds_a_link() {
        let body = sanitize_html(
            "<a href=\"https://a.example/\">x<marquee><a href=\"https://b.example/\">y</a></marquee></a>",
            None,
        );
        assert_eq!(tags(&body), ["a", " \"xy\""]);
    }
}
