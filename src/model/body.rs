//! An article body as a tree of allowlisted elements and text.
//!
//! This is the only shape of body the components render. Every source (native blocks, sanitized
//! publisher HTML) is turned into it, so no raw HTML ever reaches the DOM: element and attribute
//! names come from [`Tag`] and [`Attr`], never from the input, and URLs in it are already checked.

use std::cell::{Cell, OnceCell};
use std::fmt;
use std::rc::Rc;

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
    DescriptionList,
    DescriptionTerm,
    DescriptionDetails,
    Division,
    Link,
    Emphasis,
    Strong,
    Code,
    Preformatted,
    Keyboard,
    Subscript,
    Superscript,
    Mark,
    Small,
    Strike,
    Inserted,
    Quote,
    Cite,
    Abbreviation,
    LineBreak,
    Rule,
    Figure,
    Figcaption,
    Image,
    Table,
    TableCaption,
    TableHead,
    TableBody,
    TableFoot,
    TableRow,
    TableHeader,
    TableCell,
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
            Tag::DescriptionList => "dl",
            Tag::DescriptionTerm => "dt",
            Tag::DescriptionDetails => "dd",
            Tag::Division => "div",
            Tag::Link => "a",
            Tag::Emphasis => "em",
            Tag::Strong => "strong",
            Tag::Code => "code",
            Tag::Preformatted => "pre",
            Tag::Keyboard => "kbd",
            Tag::Subscript => "sub",
            Tag::Superscript => "sup",
            Tag::Mark => "mark",
            Tag::Small => "small",
            Tag::Strike => "s",
            Tag::Inserted => "ins",
            Tag::Quote => "q",
            Tag::Cite => "cite",
            Tag::Abbreviation => "abbr",
            Tag::LineBreak => "br",
            Tag::Rule => "hr",
            Tag::Figure => "figure",
            Tag::Figcaption => "figcaption",
            Tag::Image => "img",
            Tag::Table => "table",
            Tag::TableCaption => "caption",
            Tag::TableHead => "thead",
            Tag::TableBody => "tbody",
            Tag::TableFoot => "tfoot",
            Tag::TableRow => "tr",
            Tag::TableHeader => "th",
            Tag::TableCell => "td",
        }
    }

    /// Inline elements run on with the text around them (an image too, as in a browser's
    /// text); every other tag separates words.
    pub fn is_inline(self) -> bool {
        matches!(
            self,
            Tag::Image
                | Tag::Link
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Code
                | Tag::Keyboard
                | Tag::Subscript
                | Tag::Superscript
                | Tag::Mark
                | Tag::Small
                | Tag::Strike
                | Tag::Inserted
                | Tag::Quote
                | Tag::Cite
                | Tag::Abbreviation
        )
    }

    /// Elements laid out as blocks: whitespace between two of them is not content. Line
    /// breaks sit in the flow of text, like inline elements.
    pub fn is_block(self) -> bool {
        !(self.is_inline() || self == Tag::LineBreak)
    }

    /// Elements that never have children.
    pub fn is_void(self) -> bool {
        matches!(self, Tag::LineBreak | Tag::Rule | Tag::Image)
    }
}

/// The attributes a body element may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attr {
    /// A checked, absolute (or fragment) URL.
    Href,
    /// A checked, absolute URL.
    Src,
    /// Checked URLs with their descriptors.
    Srcset,
    Alt,
    Width,
    Height,
    Title,
    Colspan,
    Rowspan,
    Start,
    Lang,
    Dir,
}

impl Attr {
    pub fn name(self) -> &'static str {
        match self {
            Attr::Href => "href",
            Attr::Src => "src",
            Attr::Srcset => "srcset",
            Attr::Alt => "alt",
            Attr::Width => "width",
            Attr::Height => "height",
            Attr::Title => "title",
            Attr::Colspan => "colspan",
            Attr::Rowspan => "rowspan",
            Attr::Start => "start",
            Attr::Lang => "lang",
            Attr::Dir => "dir",
        }
    }
}

/// An element of the body: an allowlisted tag, its checked attributes and its children.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub tag: Tag,
    pub attrs: Vec<(Attr, String)>,
    pub children: Vec<Node>,
}

impl Element {
    pub fn new(tag: Tag, children: Vec<Node>) -> Self {
        Element {
            tag,
            attrs: Vec::new(),
            children,
        }
    }

    pub fn attr(&self, attr: Attr) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(a, _)| *a == attr)
            .map(|(_, v)| v.as_str())
    }
}

/// A node of the body tree.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Text(String),
    Element(Element),
    /// An embedded video, shown as a link to it: no third-party frame loads until the reader
    /// chooses to go there.
    VideoLink {
        url: String,
        /// The host readers recognise, such as `youtube.com`.
        host: String,
        title: Option<String>,
    },
}

impl Node {
    /// An element holding one text child, the common case for paragraphs and headings.
    pub fn with_text(tag: Tag, text: impl Into<String>) -> Node {
        Node::Element(Element::new(tag, vec![Node::Text(text.into())]))
    }
}

/// The body of an article: its nodes, or what makes them when first asked for.
///
/// A list of related posts may carry many long bodies; each is read (sanitized) only when the
/// post is opened, not when the list loads. A preview of its opening words is at hand before.
#[derive(Clone, Default)]
pub struct Body(Rc<Lazy>);

/// What makes a body's nodes.
type MakeNodes = Box<dyn FnOnce() -> Vec<Node>>;

#[derive(Default)]
struct Lazy {
    nodes: OnceCell<Vec<Node>>,
    make: Cell<Option<MakeNodes>>,
    /// The opening words, known before the nodes are made.
    preview: Option<String>,
}

impl Body {
    pub fn new(nodes: Vec<Node>) -> Self {
        Body(Rc::new(Lazy {
            nodes: OnceCell::from(split_long_paragraphs(nodes)),
            ..Lazy::default()
        }))
    }

    /// A body made by `make` when first asked for; `preview` is its opening text meanwhile.
    pub fn later(preview: String, make: impl FnOnce() -> Vec<Node> + 'static) -> Self {
        Body(Rc::new(Lazy {
            nodes: OnceCell::new(),
            make: Cell::new(Some(Box::new(move || split_long_paragraphs(make())))),
            preview: Some(preview),
        }))
    }

    /// The top-level nodes (made now, if they were not yet).
    pub fn nodes(&self) -> &[Node] {
        self.0
            .nodes
            .get_or_init(|| self.0.make.take().map(|make| make()).unwrap_or_default())
    }

    /// The opening text, without making the nodes when they are not made yet.
    pub fn preview(&self) -> String {
        match (self.0.nodes.get(), &self.0.preview) {
            (None, Some(preview)) => preview.clone(),
            _ => self.text(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.nodes().is_empty()
    }

    /// The readable text, blocks separated by newlines: what reading time counts.
    pub fn text(&self) -> String {
        let mut out = String::new();
        collect_text(self.nodes(), &mut out);
        out
    }

    /// How many images the body shows (each adds to the reading time).
    pub fn image_count(&self) -> u32 {
        self.nodes().iter().map(Node::image_count).sum()
    }

    /// The description of the body's first image that has one (names an image-only post).
    pub fn first_image_alt(&self) -> Option<String> {
        fn find(nodes: &[Node]) -> Option<String> {
            nodes.iter().find_map(|node| match node {
                Node::Element(e) if e.tag == Tag::Image => e
                    .attr(Attr::Alt)
                    .map(str::trim)
                    .filter(|alt| !alt.is_empty())
                    .map(str::to_owned),
                Node::Element(e) => find(&e.children),
                _ => None,
            })
        }
        find(self.nodes())
    }
}

/// The longest paragraph of a script laid out with a dictionary (Thai, Lao, Khmer, Myanmar)
/// kept whole, in characters.
pub const MAX_DICTIONARY_PARAGRAPH: usize = 4000;

/// Browsers find line breaks in Thai, Lao, Khmer and Myanmar text with a dictionary, in time
/// that grows faster than the paragraph: 400,000 characters of Thai take seconds to lay out,
/// the same in paragraphs of a few thousand a fraction of that. A top-level paragraph (or
/// bare text) of such a script longer than [`MAX_DICTIONARY_PARAGRAPH`] is shown as several
/// paragraphs, cut at spaces where there are any.
fn split_long_paragraphs(nodes: Vec<Node>) -> Vec<Node> {
    let too_long = |text: &str| {
        text.chars().nth(MAX_DICTIONARY_PARAGRAPH).is_some()
            && text.chars().any(crate::text::words::is_unspaced)
    };
    let mut out = Vec::with_capacity(nodes.len());
    for node in nodes {
        let attrs = match &node {
            Node::Text(text) if too_long(text) => Vec::new(),
            Node::Element(e)
                if e.tag == Tag::Paragraph
                    && matches!(&e.children[..], [Node::Text(text)] if too_long(text)) =>
            {
                e.attrs.clone()
            }
            _ => {
                out.push(node);
                continue;
            }
        };
        let text = node.text();
        let mut rest = text.trim();
        while !rest.is_empty() {
            let mut end = rest
                .char_indices()
                .nth(MAX_DICTIONARY_PARAGRAPH)
                .map_or(rest.len(), |(at, _)| at);
            if end < rest.len() {
                // At the last space before the limit, if there is one.
                end = rest[..end].rfind(' ').filter(|&at| at > 0).unwrap_or(end);
            }
            out.push(Node::Element(Element {
                tag: Tag::Paragraph,
                attrs: attrs.clone(),
                children: vec![Node::Text(rest[..end].trim().to_owned())],
            }));
            rest = &rest[end..];
        }
    }
    out
}

impl PartialEq for Body {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.nodes() == other.nodes()
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Body").field(&self.nodes()).finish()
    }
}

impl Node {
    /// The readable text of this node, as [`Body::text`] gives it for a whole body.
    pub fn text(&self) -> String {
        let mut out = String::new();
        collect_text(std::slice::from_ref(self), &mut out);
        out
    }

    /// How many images this node shows.
    pub fn image_count(&self) -> u32 {
        match self {
            Node::Element(e) => {
                u32::from(e.tag == Tag::Image)
                    + e.children.iter().map(Node::image_count).sum::<u32>()
            }
            _ => 0,
        }
    }
}

/// Text in document order; every element that is not inline starts and ends on a line of its
/// own, so words on either side of it never run together.
fn collect_text(nodes: &[Node], out: &mut String) {
    let break_line = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element(element) if element.tag.is_inline() => {
                collect_text(&element.children, out)
            }
            Node::Element(element) => {
                break_line(out);
                collect_text(&element.children, out);
                break_line(out);
            }
            Node::VideoLink { title, .. } => {
                break_line(out);
                if let Some(title) = title {
                    out.push_str(title);
                }
                break_line(out);
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
            Node::Element(Element::new(
                Tag::Paragraph,
                vec![
                    Node::Text("one ".into()),
                    Node::with_text(Tag::Emphasis, "two"),
                    Node::Text("three".into()),
                ],
            )),
            Node::with_text(Tag::Heading2, "four"),
        ]);
        assert_eq!(body.text(), "one twothree\nfour\n");
        let text_then_block = Body::new(vec![
            Node::Text("before".into()),
            Node::with_text(Tag::Paragraph, "inside"),
            Node::Text("after".into()),
        ]);
        assert_eq!(text_then_block.text(), "before\ninside\nafter");
    }

    #[test]
    fn a_later_body_is_made_once_when_first_asked_for_and_previewed_before() {
        use std::cell::Cell;
        let made = Rc::new(Cell::new(0));
        let counter = made.clone();
        let body = Body::later("Opening words".into(), move || {
            counter.set(counter.get() + 1);
            vec![Node::with_text(Tag::Paragraph, "Opening words and more")]
        });
        assert_eq!(body.preview(), "Opening words");
        assert_eq!(made.get(), 0);
        assert_eq!(body.nodes().len(), 1);
        assert_eq!(body.clone().text(), "Opening words and more\n");
        assert_eq!(made.get(), 1);
        assert_eq!(
            body.preview(),
            "Opening words and more\n",
            "the made text from then on"
        );
    }

    #[test]
    fn a_long_paragraph_of_a_dictionary_script_becomes_several() {
        let thai = "ก ".repeat(10_000);
        let body = Body::new(vec![Node::with_text(Tag::Paragraph, thai.clone())]);
        // 20,000 characters, cut at the last space before each 4,000th.
        assert_eq!(body.nodes().len(), 6);
        assert!(body
            .nodes()
            .iter()
            .all(|n| n.text().chars().count() <= MAX_DICTIONARY_PARAGRAPH + 1));
        assert_eq!(
            crate::text::collapse_whitespace(&body.text()),
            crate::text::collapse_whitespace(&thai)
        );
        // Unspaced text is cut anywhere; other scripts and short paragraphs stay whole.
        let run = Body::new(vec![Node::Text("ก".repeat(5_000))]);
        assert_eq!(run.nodes().len(), 2);
        let english = Body::new(vec![Node::with_text(Tag::Paragraph, "word ".repeat(5_000))]);
        assert_eq!(english.nodes().len(), 1);
    }

    #[test]
    fn images_are_counted_at_any_depth() {
        let image = || Node::Element(Element::new(Tag::Image, vec![]));
        let body = Body::new(vec![
            image(),
            Node::Element(Element::new(Tag::Figure, vec![image()])),
        ]);
        assert_eq!(body.image_count(), 2);
    }
}
