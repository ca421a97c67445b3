use yew::prelude::*;

use crate::model::{Article, Shared, Tag};

/// The blocks of an article's body. Element and attribute names come from the allowlisted
/// [`crate::model::Tag`] and [`crate::model::Attr`], URLs were checked when the body was built,
/// and text is always set as text: nothing in a body can become markup.
///
/// In the browser the blocks are built as DOM nodes once per article and handed to Yew as
/// references: a long body is never diffed, and the wasm needs none of Yew's code for tags
/// named at run time. Server rendering builds the same markup as virtual DOM.
#[hook]
pub fn use_body_blocks(article: Shared<Article>) -> Html {
    #[cfg(browser)]
    {
        use_memo(article, |article| dom::blocks(article.body.nodes()))
            .iter()
            .cloned()
            .map(Html::VRef)
            .collect()
    }
    #[cfg(not(browser))]
    {
        article.body.nodes().iter().map(vdom::render_node).collect()
    }
}

/// The body's element, holding `blocks`; `body_ref` finds its top-level blocks (for reading
/// progress).
pub fn body_view(blocks: Html, body_ref: NodeRef) -> Html {
    html! {
        <div part="body" class="body" ref={body_ref}>{ blocks }</div>
    }
}

/// Attributes every element of a tag gets, whatever the source said: links open without
/// giving the new page a handle on this one or its address; images load when needed and tell
/// their host no more than this site's origin, whatever the page's own policy.
fn fixed_attributes(tag: Tag) -> &'static [(&'static str, &'static str)] {
    match tag {
        Tag::Link => &[("rel", "noopener noreferrer")],
        Tag::Image => &[
            ("loading", "lazy"),
            ("decoding", "async"),
            ("referrerpolicy", IMAGE_REFERRER_POLICY),
        ],
        Tag::Part => &[("class", "body__part")],
        _ => &[],
    }
}

/// What an image request tells the image's host of the page: its origin, not its address
/// (a query may hold a reader's session).
pub const IMAGE_REFERRER_POLICY: &str = "strict-origin-when-cross-origin";

/// A video the sanitizer took out of an iframe, shown as a link card:
/// `<a class="video-link" href=…><span class="video-link__play">▶</span>
/// <span class="video-link__title">…</span><span class="video-link__host">…</span></a>`.
mod video_link {
    pub const PLAY: &str = "▶";
    /// The card's title when the source gave none.
    pub const UNTITLED: &str = "Video";
}

#[cfg(browser)]
mod dom {
    use web_sys::Document;

    use super::{fixed_attributes, video_link};
    use crate::model::Node;

    /// The top-level blocks of a body as detached DOM nodes.
    pub fn blocks(nodes: &[Node]) -> Vec<web_sys::Node> {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return Vec::new();
        };
        nodes
            .iter()
            .filter_map(|node| build(&document, node))
            .collect()
    }

    fn build(document: &Document, node: &Node) -> Option<web_sys::Node> {
        Some(match node {
            Node::Text(text) => document.create_text_node(text).into(),
            Node::Element(element) => {
                let built = document.create_element(element.tag.name()).ok()?;
                for (attr, value) in &element.attrs {
                    built.set_attribute(attr.name(), value).ok()?;
                }
                for (name, value) in fixed_attributes(element.tag) {
                    built.set_attribute(name, value).ok()?;
                }
                if let [Node::Text(text)] = &element.children[..] {
                    // One call for the commonest block, a paragraph of text alone.
                    built.set_text_content(Some(text));
                } else if !element.tag.is_void() {
                    for child in &element.children {
                        if let Some(child) = build(document, child) {
                            built.append_child(&child).ok()?;
                        }
                    }
                }
                built.into()
            }
            Node::VideoLink { url, host, title } => {
                let link = document.create_element("a").ok()?;
                for (name, value) in [
                    ("class", "video-link"),
                    ("href", url.as_str()),
                    ("rel", "noopener noreferrer"),
                    ("target", "_blank"),
                ] {
                    link.set_attribute(name, value).ok()?;
                }
                let title = title.as_deref().unwrap_or(video_link::UNTITLED);
                for (class, text, decorative) in [
                    ("video-link__play", video_link::PLAY, true),
                    ("video-link__title", title, false),
                    ("video-link__host", host.as_str(), false),
                ] {
                    link.append_child(&span(document, class, text, decorative)?)
                        .ok()?;
                }
                link.into()
            }
        })
    }

    /// A `<span>` of text; a decorative one is hidden from assistive technology.
    fn span(
        document: &Document,
        class: &str,
        text: &str,
        decorative: bool,
    ) -> Option<web_sys::Node> {
        let span = document.create_element("span").ok()?;
        span.set_attribute("class", class).ok()?;
        if decorative {
            span.set_attribute("aria-hidden", "true").ok()?;
        }
        span.set_text_content(Some(text));
        Some(span.into())
    }
}

#[cfg(not(browser))]
mod vdom {
    use yew::prelude::*;
    use yew::virtual_dom::VTag;

    use super::{fixed_attributes, video_link};
    use crate::model::{Element, Node, Tag};

    pub fn render_node(node: &Node) -> Html {
        match node {
            Node::Text(text) => html! { { text.clone() } },
            Node::Element(element) => render_element(element),
            Node::VideoLink { url, host, title } => html! {
                <a class="video-link" href={url.clone()} rel="noopener noreferrer" target="_blank">
                    <span class="video-link__play" aria-hidden="true">{ video_link::PLAY }</span>
                    <span class="video-link__title">
                        { title.clone().unwrap_or_else(|| video_link::UNTITLED.to_owned()) }
                    </span>
                    <span class="video-link__host">{ host.clone() }</span>
                </a>
            },
        }
    }

    fn render_element(element: &Element) -> Html {
        let mut tag = VTag::new(element.tag.name());
        for (attr, value) in &element.attrs {
            tag.add_attribute(attr.name(), value.clone());
        }
        for &(name, value) in fixed_attributes(element.tag) {
            tag.add_attribute(name, value);
        }
        // Parsing drops a newline right after `<pre>`: a text that starts with one keeps it by
        // writing it twice, as HTML serializers do.
        if element.tag == Tag::Preformatted
            && matches!(element.children.first(), Some(Node::Text(t)) if t.starts_with('\n'))
        {
            tag.add_child(html! { "\n" });
        }
        if !element.tag.is_void() {
            tag.add_children(element.children.iter().map(render_node));
        }
        tag.into()
    }
}
