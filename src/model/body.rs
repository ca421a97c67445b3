//! An article body as a tree of allowlisted elements and text.
//!
//! This is the only shape of body the components render. Every source (native blocks today,
//! sanitized publisher HTML later) is turned into it, so no raw HTML ever reaches the DOM: tag
//! names come from [`Tag`], never from the input.

/// The elements a body may contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Paragraph,
    Heading2,
    Heading3,
    Heading4,
    Blockquote,
    UnorderedList,
    OrderedList,
    ListItem,
    Emphasis,
    Strong,
    Code,
    Preformatted,
    LineBreak,
    Rule,
}

impl Tag {
    /// The HTML element name this tag renders as.
    pub fn name(self) -> &'static str {
        match self {
            Tag::Paragraph => "p",
            Tag::Heading2 => "h2",
            Tag::Heading3 => "h3",
            Tag::Heading4 => "h4",
            Tag::Blockquote => "blockquote",
            Tag::UnorderedList => "ul",
            Tag::OrderedList => "ol",
            Tag::ListItem => "li",
            Tag::Emphasis => "em",
            Tag::Strong => "strong",
            Tag::Code => "code",
            Tag::Preformatted => "pre",
            Tag::LineBreak => "br",
            Tag::Rule => "hr",
        }
    }

    /// Block elements separate words even when the text has no space between them.
    pub fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Emphasis | Tag::Strong | Tag::Code | Tag::LineBreak
        )
    }
}

/// An element of the body: an allowlisted tag and its children.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub tag: Tag,
    pub children: Vec<Node>,
}

/// A node of the body tree.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Text(String),
    Element(Element),
}

impl Node {
    /// An element holding one text child, the common case for paragraphs and headings.
    pub fn with_text(tag: Tag, text: impl Into<String>) -> Node {
        Node::Element(Element {
            tag,
            children: vec![Node::Text(text.into())],
        })
    }
}

/// The body of an article.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Body {
    pub nodes: Vec<Node>,
}

impl Body {
    pub fn new(nodes: Vec<Node>) -> Self {
        Body { nodes }
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The readable text, blocks separated by newlines: what reading time counts.
    pub fn text(&self) -> String {
        let mut out = String::new();
        collect_text(&self.nodes, &mut out);
        out
    }
}

fn collect_text(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element(element) => {
                collect_text(&element.children, out);
                if element.tag.is_block() || element.tag == Tag::LineBreak {
                    out.push('\n');
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_separates_blocks_but_not_inline_elements() {
        let body = Body::new(vec![
            Node::Element(Element {
                tag: Tag::Paragraph,
                children: vec![
                    Node::Text("one ".into()),
                    Node::with_text(Tag::Emphasis, "two"),
                    Node::Text("three".into()),
                ],
            }),
            Node::with_text(Tag::Heading2, "four"),
        ]);
        assert_eq!(body.text(), "one twothree\nfour\n");
    }
}
