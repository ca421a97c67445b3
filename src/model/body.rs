//! An article body as a tree of allowlisted elements and text.
//!
//! This is the only shape of body the components render. Every source (native blocks, sanitized
//! publisher HTML) is turned into it, so no raw HTML ever reaches the DOM: element and attribute
//! names come from [`Tag`] and [`Attr`], never from the input, and URLs in it are already checked.

use std::cell::{Cell, OnceCell};
use std::fmt;
use std::rc::Rc;

use crate::text::collapse_whitespace;
use crate::text::words::is_unspaced;

/// The elements a body may contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// `<p>`
    Paragraph,
    /// `<h2>`
    Heading2,
    /// `<h3>`
    Heading3,
    /// `<h4>`
    Heading4,
    /// `<blockquote>`
    Blockquote,
    /// `<ul>`
    UnorderedList,
    /// `<ol>`
    OrderedList,
    /// `<li>`
    ListItem,
    /// `<dl>`
    DescriptionList,
    /// `<dt>`
    DescriptionTerm,
    /// `<dd>`
    DescriptionDetails,
    /// `<div>`
    Division,
    /// `<a>`
    Link,
    /// `<em>`
    Emphasis,
    /// `<strong>`
    Strong,
    /// `<code>`
    Code,
    /// `<pre>`
    Preformatted,
    /// `<kbd>`
    Keyboard,
    /// `<sub>`
    Subscript,
    /// `<sup>`
    Superscript,
    /// `<mark>`
    Mark,
    /// `<small>`
    Small,
    /// `<s>`
    Strike,
    /// `<ins>`
    Inserted,
    /// `<q>`
    Quote,
    /// `<cite>`
    Cite,
    /// `<abbr>`
    Abbreviation,
    /// `<br>`
    LineBreak,
    /// `<hr>`
    Rule,
    /// `<figure>`
    Figure,
    /// `<figcaption>`
    Figcaption,
    /// `<img>`
    Image,
    /// `<table>`
    Table,
    /// `<caption>`
    TableCaption,
    /// `<thead>`
    TableHead,
    /// `<tbody>`
    TableBody,
    /// `<tfoot>`
    TableFoot,
    /// `<tr>`
    TableRow,
    /// `<th>`
    TableHeader,
    /// `<td>`
    TableCell,
    /// A group of a long body's top-level blocks, laid out only as it nears the viewport
    /// (see [`Body::new`]); never made from a source's markup.
    Part,
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
            Tag::Part => "div",
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
    /// `alt`
    Alt,
    /// `width`
    Width,
    /// `height`
    Height,
    /// `title`
    Title,
    /// `colspan`
    Colspan,
    /// `rowspan`
    Rowspan,
    /// `start`
    Start,
    /// A list item's number; set only where a long ordered list is laid out in parts.
    Value,
    /// `lang`
    Lang,
    /// `dir`
    Dir,
}

impl Attr {
    /// The HTML attribute name.
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
            Attr::Value => "value",
            Attr::Lang => "lang",
            Attr::Dir => "dir",
        }
    }
}

/// An element of the body: an allowlisted tag, its checked attributes and its children.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    /// Which element.
    pub tag: Tag,
    /// Its checked attributes.
    pub attrs: Vec<(Attr, String)>,
    /// Its children.
    pub children: Vec<Node>,
}

impl Element {
    /// An element without attributes.
    pub fn new(tag: Tag, children: Vec<Node>) -> Self {
        Element {
            tag,
            attrs: Vec::new(),
            children,
        }
    }

    /// The value of an attribute, if set.
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
    /// Text, as it is shown.
    Text(String),
    /// An allowlisted element.
    Element(Element),
    /// An embedded video, shown as a link to it: no third-party frame loads until the reader
    /// chooses to go there.
    VideoLink {
        /// The video's page.
        url: String,
        /// The host readers recognise, such as `youtube.com`.
        host: String,
        /// The video's title, when the source gave one.
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
    /// A body of `nodes`, laid out so that no text costs the browser seconds: a long paragraph
    /// of a dictionary script in several, and a long body in [`Tag::Part`]s.
    pub fn new(nodes: Vec<Node>) -> Self {
        Body(Rc::new(Lazy {
            nodes: OnceCell::from(lay_out(nodes)),
            ..Lazy::default()
        }))
    }

    /// A body made by `make` when first asked for; `preview` is its opening text meanwhile.
    pub fn later(preview: String, make: impl FnOnce() -> Vec<Node> + 'static) -> Self {
        Body(Rc::new(Lazy {
            make: Cell::new(Some(Box::new(move || lay_out(make())))),
            preview: Some(preview),
            ..Lazy::default()
        }))
    }

    /// The top-level nodes (made now, if they were not yet).
    pub fn nodes(&self) -> &[Node] {
        self.0
            .nodes
            .get_or_init(|| self.0.make.take().map(|make| make()).unwrap_or_default())
    }

    /// The top-level nodes, taken rather than copied when no one else holds this body (the
    /// case while a format reads an article).
    fn into_nodes(self) -> Vec<Node> {
        match Rc::try_unwrap(self.0) {
            Ok(lazy) => match lazy.nodes.into_inner() {
                Some(nodes) => nodes,
                None => lazy.make.take().map(|make| make()).unwrap_or_default(),
            },
            Err(shared) => Body(shared).nodes().to_vec(),
        }
    }

    /// The opening text, without making the nodes when they are not made yet.
    pub fn preview(&self) -> String {
        match (self.0.nodes.get(), &self.0.preview) {
            (None, Some(preview)) => preview.clone(),
            _ => self.text(),
        }
    }

    /// Whether the body has nothing to show.
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

    /// Whether the body shows nothing: no text, no image, no video (`""`, whitespace, or
    /// markup around nothing). Such a post is read as one without a body.
    pub fn shows_nothing(&self) -> bool {
        self.preview().trim().is_empty()
            && self.text().trim().is_empty()
            && self.image_count() == 0
            && !self.nodes().iter().any(has_video)
    }

    /// This body without its opening block when that block's text is `opening` (a heading
    /// repeating the title shown above it), so nothing is read twice. Only a heading or a
    /// paragraph without images is left out, at the top level or in the groups around it;
    /// `rest_preview` is the preview without the opening.
    pub fn without_opening(self, opening: String, rest_preview: String) -> Body {
        Body(Rc::new(Lazy {
            make: Cell::new(Some(Box::new(move || {
                let mut nodes = self.into_nodes();
                drop_opening(&mut nodes, &opening);
                nodes
            }))),
            preview: Some(rest_preview),
            ..Lazy::default()
        }))
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

/// `nodes` laid out so that no text costs the browser seconds (see [`Body::new`]).
fn lay_out(nodes: Vec<Node>) -> Vec<Node> {
    group_into_parts(split_long_paragraphs(nodes))
}

/// What laying out a body costs, in Latin characters: past this weight its blocks are grouped
/// in [`Tag::Part`]s of at most [`PART_WEIGHT`]. 100,000 is some 16,000 words of Latin text,
/// or 6,250 characters of Thai: about 50 ms of layout.
const LONG_BODY_WEIGHT: u64 = 100_000;
const PART_WEIGHT: u64 = 20_000;
/// A character of a dictionary script, and an element, in Latin characters.
const DICTIONARY_WEIGHT: u64 = 16;
const ELEMENT_WEIGHT: u64 = 20;

/// What laying out `node` costs, in Latin characters.
fn layout_weight(node: &Node) -> u64 {
    match node {
        Node::Text(text) if text.is_ascii() => text.len() as u64,
        Node::Text(text) => text
            .chars()
            .map(|c| if is_unspaced(c) { DICTIONARY_WEIGHT } else { 1 })
            .sum(),
        Node::Element(e) => ELEMENT_WEIGHT + e.children.iter().map(layout_weight).sum::<u64>(),
        Node::VideoLink { .. } => ELEMENT_WEIGHT,
    }
}

/// Laying out costs the browser about 0.4 µs a character of most scripts, up to 8 µs one of a
/// script broken into lines with a dictionary (Thai, Lao, Khmer, Myanmar), and some 8 µs an
/// element: a megabyte of text holds the page for seconds at once. So the blocks of a body
/// heavier than [`LONG_BODY_WEIGHT`] are grouped in parts of at most [`PART_WEIGHT`], each
/// laid out only as it nears the viewport (`content-visibility: auto`): it costs what is on
/// screen. Parts rather than blocks, since the browser checks every such element on every
/// frame. A body of ordinary length is laid out whole.
fn group_into_parts(nodes: Vec<Node>) -> Vec<Node> {
    let weights: Vec<u64> = nodes.iter().map(layout_weight).collect();
    if weights.iter().sum::<u64>() <= LONG_BODY_WEIGHT {
        return nodes;
    }
    group(nodes, weights)
}

/// `nodes` (weighing `weights`) in parts. A part ends only where a block does or starts, so no
/// line of text is cut in two; a container heavier than a part (a long list, a quotation, a
/// `div` around everything) stays where it is and its content is grouped inside it; a
/// heavier block of another kind is a part alone.
fn group(nodes: Vec<Node>, weights: Vec<u64>) -> Vec<Node> {
    fn flush(part: &mut Vec<Node>, out: &mut Vec<Node>) {
        if !part.is_empty() {
            out.push(Node::Element(Element::new(Tag::Part, std::mem::take(part))));
        }
    }
    let mut out = Vec::new();
    let (mut part, mut weight) = (Vec::new(), 0);
    for (node, node_weight) in nodes.into_iter().zip(weights) {
        let may_end = part.last().is_none_or(is_block_node) || is_block_node(&node);
        match node {
            Node::Element(mut e) if node_weight > PART_WEIGHT && holds_parts(e.tag) => {
                flush(&mut part, &mut out);
                weight = 0;
                let children = std::mem::take(&mut e.children);
                let weights = children.iter().map(layout_weight).collect();
                e.children = group(children, weights);
                if e.tag == Tag::OrderedList {
                    number_parts(&mut e);
                }
                out.push(Node::Element(e));
            }
            node => {
                if may_end && weight + node_weight > PART_WEIGHT {
                    flush(&mut part, &mut out);
                    weight = 0;
                }
                part.push(node);
                weight += node_weight;
            }
        }
    }
    flush(&mut part, &mut out);
    out
}

/// Numbers the first item of each part of an ordered list: a part (contained, so as to be laid
/// out on its own) counts its items from 1 otherwise.
fn number_parts(list: &mut Element) {
    let mut number = list
        .attr(Attr::Start)
        .and_then(crate::text::number)
        .unwrap_or(1);
    for part in &mut list.children {
        let Node::Element(part) = part else { continue };
        let mut first = true;
        for item in &mut part.children {
            match item {
                Node::Element(item) if item.tag == Tag::ListItem => {
                    if first {
                        item.attrs.push((Attr::Value, number.to_string()));
                        first = false;
                    }
                    number += 1;
                }
                _ => {}
            }
        }
    }
}

fn is_block_node(node: &Node) -> bool {
    match node {
        Node::Element(e) => e.tag.is_block(),
        Node::VideoLink { .. } => true,
        Node::Text(_) => false,
    }
}

/// Containers a part may sit in, as HTML parses it back (`div` is allowed in lists and
/// description lists; in tables it is not, and table parts cannot skip their layout).
fn holds_parts(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Division
            | Tag::Blockquote
            | Tag::UnorderedList
            | Tag::OrderedList
            | Tag::ListItem
            | Tag::DescriptionList
            | Tag::DescriptionDetails
            | Tag::Figure
    )
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
        text.chars().nth(MAX_DICTIONARY_PARAGRAPH).is_some() && text.chars().any(is_unspaced)
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

/// Whether two texts are the same words: whitespace collapsed, ASCII case ignored (the same
/// title with other capitals, as feeds copy it).
pub fn same_words(a: &str, b: &str) -> bool {
    let (a, b) = (collapse_whitespace(a), collapse_whitespace(b));
    !a.is_empty() && a.eq_ignore_ascii_case(&b)
}

fn has_video(node: &Node) -> bool {
    match node {
        Node::VideoLink { .. } => true,
        Node::Element(e) => e.children.iter().any(has_video),
        Node::Text(_) => false,
    }
}

/// Leaves out the first block that has text when it is a heading or a paragraph (without
/// images) whose text is `opening`, looking into the groups a body's blocks sit in. Returns
/// whether that first block was found (whatever it was), so no later block is looked at.
fn drop_opening(nodes: &mut Vec<Node>, opening: &str) -> bool {
    for index in 0..nodes.len() {
        let node = &mut nodes[index];
        let text = node.text();
        if text.trim().is_empty() {
            // Whitespace, a rule, an image or a figure without a caption: not the opening.
            continue;
        }
        let droppable = match node {
            Node::Element(e) if matches!(e.tag, Tag::Part | Tag::Division) => {
                return drop_opening(&mut e.children, opening);
            }
            Node::Element(e) => {
                matches!(
                    e.tag,
                    Tag::Heading2 | Tag::Heading3 | Tag::Heading4 | Tag::Paragraph
                ) && node.image_count() == 0
            }
            _ => false,
        };
        if droppable && same_words(&text, opening) {
            nodes.remove(index);
        }
        return true;
    }
    false
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
    fn a_long_body_is_laid_out_in_parts_that_keep_its_blocks_in_order() {
        const TEN_WORDS: &str = "word word word word word word word word word word";
        let paragraphs =
            |count: usize, text: &str| vec![Node::with_text(Tag::Paragraph, text); count];
        let is_part = |node: &Node| matches!(node, Node::Element(e) if e.tag == Tag::Part);
        // An ordinary long read (1,000 paragraphs of 10 words) is laid out whole.
        let read = paragraphs(1_000, TEN_WORDS);
        assert_eq!(Body::new(read.clone()).nodes(), &read[..]);
        // A megabyte of them comes in parts of a few hundred paragraphs, in order.
        let blocks = paragraphs(16_000, TEN_WORDS);
        let long = Body::new(blocks.clone());
        let parts = long.nodes();
        assert!((40..60).contains(&parts.len()), "{} parts", parts.len());
        assert!(parts.iter().all(is_part));
        assert!(parts
            .iter()
            .all(|p| layout_weight(p) <= PART_WEIGHT + ELEMENT_WEIGHT));
        let inside: Vec<&Node> = parts
            .iter()
            .flat_map(|p| match p {
                Node::Element(e) => e.children.iter(),
                _ => [].iter(),
            })
            .collect();
        assert_eq!(inside, blocks.iter().collect::<Vec<_>>());
        let mut text = String::new();
        collect_text(&blocks, &mut text);
        assert_eq!(long.text(), text);
        // Thai weighs more: 20,000 characters are long, and a block heavier than a part is a
        // part of its own.
        let thai = Body::new(paragraphs(1, &"ก ".repeat(10_000)));
        assert_eq!(thai.nodes().len(), 6);
        assert!(thai
            .nodes()
            .iter()
            .all(|p| is_part(p) && matches!(p, Node::Element(e) if e.children.len() == 1)));
        assert!(!Body::new(paragraphs(1, &"ก ".repeat(1_000)))
            .nodes()
            .iter()
            .any(is_part));
    }

    #[test]
    fn a_long_container_is_grouped_inside_and_no_line_is_cut() {
        let element = |tag, children| Node::Element(Element::new(tag, children));
        let items: Vec<Node> = (0..40_000)
            .map(|_| Node::with_text(Tag::ListItem, "an item of a list"))
            .collect();
        // A list of 40,000 items stays one list, its items in parts inside it.
        let list = Body::new(vec![element(Tag::UnorderedList, items.clone())]);
        let [Node::Element(ul)] = list.nodes() else {
            panic!("one list: {:?}", list.nodes().len());
        };
        assert_eq!(ul.tag, Tag::UnorderedList);
        assert!(ul.children.len() > 10);
        let inside: Vec<&Node> = ul
            .children
            .iter()
            .flat_map(|part| match part {
                Node::Element(e) if e.tag == Tag::Part => e.children.iter(),
                other => panic!("not a part: {other:?}"),
            })
            .collect();
        assert_eq!(inside, items.iter().collect::<Vec<_>>());
        // In an ordered list each part's first item carries its number, counted from `start`.
        let mut ol = Element::new(Tag::OrderedList, items.clone());
        ol.attrs.push((Attr::Start, "5".into()));
        let ordered = Body::new(vec![Node::Element(ol)]);
        let [Node::Element(ol)] = ordered.nodes() else {
            panic!("one list");
        };
        let mut expected = 5;
        for part in &ol.children {
            let Node::Element(part) = part else {
                panic!("not a part")
            };
            let Some(Node::Element(first)) = part.children.first() else {
                panic!("an empty part")
            };
            assert_eq!(first.attr(Attr::Value), Some(expected.to_string().as_str()));
            expected += part.children.len();
        }
        assert_eq!(expected, 5 + 40_000);
        // Inline content (text and emphasis, no block) is one line of text: never cut.
        let inline: Vec<Node> = (0..20_000)
            .flat_map(|_| {
                [
                    Node::Text("words and ".into()),
                    Node::with_text(Tag::Emphasis, "more"),
                ]
            })
            .collect();
        let run = Body::new(vec![element(Tag::Division, inline.clone())]);
        let [Node::Element(div)] = run.nodes() else {
            panic!("one div");
        };
        assert!(
            matches!(&div.children[..], [Node::Element(part)] if part.tag == Tag::Part && part.children == inline),
            "one part holding the whole run"
        );
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
