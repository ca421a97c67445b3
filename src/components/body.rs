use yew::prelude::*;
use yew::virtual_dom::VTag;

use crate::model::{Article, Element, Node, Shared, Tag};

#[derive(Properties, PartialEq)]
pub struct BodyViewProps {
    /// The article whose body is shown (shared, so a long body is never copied to render it).
    pub article: Shared<Article>,
    /// The body's element, whose children are the top-level blocks (for reading progress).
    #[prop_or_default]
    pub body_ref: NodeRef,
}

/// The article body. Element and attribute names come from the allowlisted
/// [`crate::model::Tag`] and [`crate::model::Attr`], URLs were checked when the body was built,
/// and text is always set as text: nothing in a body can become markup.
#[component]
pub fn BodyView(props: &BodyViewProps) -> Html {
    html! {
        <div part="body" class="body" ref={props.body_ref.clone()}>
            { for props.article.body.nodes.iter().map(render_node) }
        </div>
    }
}

fn render_node(node: &Node) -> Html {
    match node {
        Node::Text(text) => html! { { text.clone() } },
        Node::Element(element) => render_element(element),
        Node::VideoLink { url, host, title } => html! {
            <a class="video-link" href={url.clone()} rel="noopener noreferrer" target="_blank">
                <span class="video-link__play" aria-hidden="true">{ "▶" }</span>
                <span class="video-link__title">{ title.clone().unwrap_or_else(|| "Video".to_owned()) }</span>
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
    match element.tag {
        Tag::Link => tag.add_attribute("rel", "noopener noreferrer"),
        Tag::Image => {
            tag.add_attribute("loading", "lazy");
            tag.add_attribute("decoding", "async");
        }
        _ => {}
    }
    if !element.tag.is_void() {
        tag.add_children(element.children.iter().map(render_node));
    }
    tag.into()
}
